// `trainyard queue`: runs recorded as queued (queue add) and a runner that starts them as GPUs and CPU slots
// free up (queue run). The queue lives in the run database (queuestore.h), so it outlives the studio, a
// reboot and a runner killed with SIGKILL: each run the runner starts gets a `trainyard launch` of its own,
// in its own session, which makes the queued run its own (--queued-run), and a runner started later takes
// over what still runs and starts the rest. One runner per database at a time (a lock file beside it).
#pragma once

#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "launch/runrecord.h"
#include "queuestore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <memory>

namespace trainyard {

class DatabaseWatcher;
namespace telemetry {
class Nvml;
}

struct QueueRequest {
    int gpus = 0;                        // GPUs the run takes (0: none; its ranks see no GPU)
    int cpuSlots = 1;                    // CPU slots a run without GPUs takes
    QMap<QString, QString> params, tags; // recorded on the run as it is queued (a sweep's trial)
};

struct QueuedRun {
    qint64 rowId = 0;
    QString runId, name, runDir, databasePath;
};

// The record and the database row of a run that waits for its launcher (a queued run, a Slurm job's): status
// queued, created here and now, the command as typed with its secrets redacted.
RunRecord queuedRecord(const QString &runId, const QString &name, const LaunchPlan &plan,
                       const QStringList &words);
RunRow queuedRow(const RunRecord &record, const QString &runDir);

// Records a run as queued: its folder, run.json and database row (status queued, in `runs list` and the
// studio at once) and its queue row with the words, the working directory and the environment to start it
// with. words: what follows `trainyard launch` (the queue's own flags taken out). False with the reason.
bool enqueueRun(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &words,
                const QueueRequest &request, QueuedRun *out, QString *error);

// Removes a run from the queue: a waiting one goes with its row and folder (as `runs rm` does: it never ran);
// one that ended only leaves the queue (its run, metrics and logs stay); a started one is refused.
bool removeQueuedRun(const QString &databasePath, qint64 runId, QString *error);

struct QueueRunnerOptions {
    QString databasePath;
    QString program; // the trainyard that runs each launch
    QList<int> gpus; // the GPU pool; empty with gpusGiven false: every GPU NVML sees
    bool gpusGiven = false;
    int cpuSlots = 1; // how many CPU slots runs without GPUs share
    int pollMs = 25;  // how often the database is checked for a change (a few µs when nothing changed)
};

class QueueRunner : public QObject {
    Q_OBJECT
public:
    explicit QueueRunner(QueueRunnerOptions options, QObject *parent = nullptr);
    ~QueueRunner() override;

    // Takes the database's runner lock, opens the queue, takes over what still runs and starts what fits.
    // False with the reason (another runner holds the lock: its pid).
    bool start(QString *error);
    // The GPU ids of the pool.
    const QList<int> &pool() const { return m_pool; }
    // Nothing waits (or what waits cannot start while paused) and nothing the queue started runs.
    bool idle() const { return m_idle; }
    // Looks at the queue now (the runner also does on every change to the database and twice a second).
    void schedule();

    // The lock file of a database's runner.
    static QString lockPath(const QString &databasePath);

Q_SIGNALS:
    // A run was started with these GPU ids (empty: CPU slots or its machines).
    void runStarted(const QString &runId, const QString &name, const QList<int> &gpus);
    // A started run ended (its status as recorded), or its launcher ended without starting it.
    void runEnded(const QString &runId, const QString &name, RunStatus status);
    // Something the person running the queue should know (a run that can never fit, a launcher that failed).
    void notice(const QString &text);
    void idleChanged(bool idle);

private:
    bool startRun(const QueueEntry &entry, const QList<int> &gpus, QString *error);
    QueueRunnerOptions m_options;
    QueueStore m_store;
    QList<int> m_pool;
    int m_lockFd = -1;
    bool m_idle = false;
    bool m_scheduling = false;
    DatabaseWatcher *m_watcher = nullptr;
    QHash<qint64, RunStatus> m_seen;         // started runs and the status last seen
    QSet<qint64> m_toldNeverFits;            // runs already reported as never fitting the pool
    std::unique_ptr<telemetry::Nvml> m_nvml; // loaded when the driver is here
};

} // namespace trainyard
