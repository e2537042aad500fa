// A launch as `trainyard launch` runs it (the studio's launches are `trainyard launch` processes too): the
// run's folder and record, its row in the run database, the ingest server its ranks stream to (token, address
// and the Python tracker on every rank's environment), and the RunController that runs this machine's ranks.
// Event driven, like the controller.
#pragma once

#include "ingestserver.h"
#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "launch/runcontroller.h"
#include "launch/supervisor.h"
#include "runoutcome.h"
#include "store.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>
#include <memory>

namespace trainyard {

class TensorBoardFollower;
class ProvenanceProbe;

class LaunchSession : public QObject {
    Q_OBJECT
public:
    // commandLine: the words after `trainyard launch`, kept in the record.
    LaunchSession(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &commandLine,
                  QObject *parent = nullptr);
    ~LaunchSession() override;

    // Prepares the run (folder, record, database row, ingest server, controller); false with error when
    // something could not be set up. Connect to controller() then, and start().
    bool prepare(QString *error);
    void start() { m_controller->start(); }
    // Ends the session: kills what still runs (recorded as cancelled), then commits every pending point and
    // the final record, retrying for up to timeoutMs while the database is busy. False with error when
    // something could not be stored in that time. The destructor calls it with no wait.
    bool close(int timeoutMs, QString *error);
    // Whether a close() that could not store the final record kept the ranks' outcome in the run folder
    // (RunOutcomeFile), where readers find it.
    bool outcomeKept() const { return m_outcomeKept; }

    // What runs the ranks: the RankSupervisor of the launch's Executor (executors.h): this machine's
    // RunController, or a ClusterController for SSH hosts and inside a Slurm job.
    RankSupervisor *controller() const { return m_controller.get(); }
    const QString &runId() const { return m_runId; }
    const QString &runDirectory() const { return m_runDir; }
    const QString &databasePath() const { return m_dbPath; }
    qint64 databaseRunId() const { return m_dbRunId; }
    const QString &runName() const { return m_name; }
    int localRanks() const;
    // Whether the ranks run on other machines (through node agents).
    bool multiMachine() const;
    // The ingest server's counts (points, refused connections by reason, busy retries); the last ones once
    // closed.
    IngestStats ingestStats() const { return m_ingest.server() ? m_ingest.server()->stats() : m_lastStats; }

    // Where trainyard_tracker.py is, relative to the program: prefix/lib/python3/dist-packages installed, the
    // same folder under the build tree when built.
    static QString pythonTrackerDir();
    // Where the Python ranks' start-up hook is (sitecustomize.py: stack dumps on SIGUSR1), installed or
    // built.
    static QString pythonBootDir();
    // Where Trainyard's helper scripts are (share/trainyard/helpers: the Optuna sampler of sweeps), relative
    // to the program.
    static QString helpersDir();
    // The `trainyard` program launches, queue runners and sweeps run: the one beside this executable (the
    // studio's, installed or built), else PATH's; empty when there is none.
    static QString trainyardProgram();

    // Asks these ranks of this machine for every thread's Python stack (faulthandler, SIGUSR1), appended to
    // stackFile(rank) after a line naming the reason. Only ranks whose Python registered for it are asked
    // (C++ programs and ranks still starting are not); returns how many were.
    int dumpStacks(const QList<int> &ranks, const QString &reason);
    QString stackFile(int rank) const;

Q_SIGNALS:
    // Metrics a rank stored (on this thread): the watchdog counts them as activity.
    void metricStored(int rank, const QString &key, double value);
    // The run database cannot be written, or can again (IngestServer::storeTrouble / storeRecovered).
    void storeTrouble(const QString &error, qint64 pointsWaiting);
    void storeRecovered();

private:
    // A line in the run's log (the database), written by the ingest server with the ranks' batches.
    void recordLog(int rank, const QString &kind, const QString &text);
    // Follows the TensorBoard event files written under the working directory (or --tensorboard-dir) on a
    // thread of its own, storing their scalars into the run; stopFollowing() reads them to the end.
    void startFollowing();
    void stopFollowing();
    // Finds the code's git state, the interpreter's package versions and the GPUs (provenance.h) while the
    // ranks start; stores them as the run's tags and beside it (provenance.json, git.diff).
    void startProvenance();
    ProvenanceProbe *m_provenance = nullptr;
    class Recorder;
    bool m_named = false;          // renamed after the tracker's project
    QSet<int> m_silent;            // ranks the watchdog found silent, until they print or log again
    QHash<int, qint64> m_rankPids; // this machine's ranks' processes, as last started
    LaunchPlan m_plan;
    LaunchArgs m_args;
    QStringList m_commandLine;
    QString m_runId, m_runDir, m_dbPath, m_name;
    qint64 m_dbRunId = 0;
    IngestService m_ingest;
    IngestStats m_lastStats;
    std::unique_ptr<Recorder> m_recorder;
    RunOutcomeFile m_outcome; // reserved at prepare(), written when close() cannot store the final record
    bool m_outcomeKept = false;
    std::unique_ptr<RankSupervisor> m_controller;
    QThread m_followerThread;
    TensorBoardFollower *m_follower = nullptr; // lives on m_followerThread
};

} // namespace trainyard
