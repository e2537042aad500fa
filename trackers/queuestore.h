// The run queue's rows in the run database (`trainyard queue`, docs/DATABASE.md): each queued run is a run
// row (status queued) and a queue row with what it asks for (GPUs, CPU slots, machines), the `trainyard
// launch` words and the environment it was queued with, and, once started, the GPU ids it got and the
// launcher that took it. Rows stay after the run ends, so the ids a past run had stay known. What starts runs
// is launch/queuerunner.h; this is storage only.
#pragma once

#include "runstatus.h"
#include "store.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace trainyard {

struct QueueEntry {
    qint64 runId = 0;
    QString uid, name;
    RunStatus status = RunStatus::Queued; // the run's
    int position = 0;                     // order among the waiting runs (1 = next)
    int gpus = 0;                         // GPUs asked for (0: none)
    int cpuSlots = 0;                     // CPU slots asked for (runs without GPUs and machines)
    QString hosts;                        // the machines of a --hosts/--hostfile run, comma-separated
    QStringList words;                    // `trainyard launch` WORDS, as given to `queue add`
    QString workingDirectory;
    QMap<QString, QString> env; // the environment `queue add` ran in
    QList<int> devices;         // the GPU ids it was started with
    QString launcher; // launcherIdentityOf() the launcher started for it; "starting ..." while it starts
    qint64 createdMs = 0, startedMs = 0;

    enum class State { Waiting, Starting, Running, Done };
    // Waiting: not taken by a runner. Starting: taken, its launcher has not yet made the run its own (the
    // run is still queued). Running: the run is active. Done: the run ended.
    State state() const;
};

QString queueStateName(QueueEntry::State state);

class QueueStore {
public:
    bool open(const QString &databasePath, QString *error);
    const QString &path() const { return m_writer.path(); }

    // Records `run` (its status queued) and its queue row last in the order, in one transaction; the row's
    // id.
    qint64 add(const RunRow &run, const QueueEntry &entry, QString *error,
               const QMap<QString, QString> &params = {}, const QMap<QString, QString> &tags = {});
    // Every queue row, the waiting ones first in their order, then those started (newest first). Done rows
    // only with includeDone.
    QList<QueueEntry> entries(bool includeDone, QString *error = nullptr);
    std::optional<QueueEntry> entry(qint64 runId, QString *error = nullptr);
    // A run by its row id or its run id (folder name); 0 when none is queued under that name.
    qint64 find(const QString &idOrUid);
    // Moves a waiting run to `position` (1: next) among the waiting ones.
    bool move(qint64 runId, int position, QString *error);
    // The queue's pause: a paused queue starts nothing (what runs goes on).
    bool setPaused(bool paused, QString *error);
    bool paused();

    // Takes a run's row out of the queue (the run itself stays: a run that ended is history).
    bool forget(qint64 runId, QString *error);
    // A runner takes a waiting run, atomically: false (and no error) when it is no longer waiting (removed,
    // taken, moved on). marker: what its launcher column says until setLauncher().
    bool claim(qint64 runId, const QList<int> &devices, const QString &marker, QString *error);
    bool setLauncher(qint64 runId, const QString &identity, QString *error);
    // A taken run whose launcher never started it: back to waiting, at its place (when the runner died
    // before starting its launcher).
    bool release(qint64 runId, QString *error);
    // A taken run whose launcher ended without making the run its own: failed, with why in its log.
    bool failStart(qint64 runId, int exitCode, const QString &why, QString *error);
    // Records as crashed the active runs whose launcher died (StoreWriter::reapDeadRuns).
    int reapDeadRuns() { return m_writer.reapDeadRuns(nullptr); }

private:
    StoreWriter m_writer;
};

} // namespace trainyard
