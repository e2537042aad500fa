// Runs and supervises this machine's ranks of a launch plan: the job torchrun's agent does. Event driven: it
// never blocks the thread it lives on, so the CLI runs it in its event loop and the studio can drive it too.
#pragma once

#include "launch/launchplan.h"
#include "launch/runrecord.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

class QProcess;
class QTimer;

namespace trainyard {

struct RunOptions {
    QString runDirectory;     // where rank-N.out / rank-N.err logs go; empty: no log files
    QString workingDirectory; // of every rank; empty: the launcher's
    int graceMs = 5000;       // SIGTERM, then SIGKILL after this long
    int maxRestarts = 0;      // restart the whole group after a failure, up to this many times
    int watchdogSeconds = 0;  // report a rank silent this long (0: off)
    bool watchdogKill = false;
    int stderrTailLines = 20; // kept per rank for the failure report
    int telemetryMs = 1000;   // how often each rank's process tree is sampled (0: never)
};

enum class RunState { Created, Running, Stopping, Finished, Failed, Cancelled };
QString runStateName(RunState s);

struct RankExit {
    int rank = -1;
    int exitCode = 0; // when signal == 0
    int signal = 0;   // the signal that killed it, 0 if it exited
    bool failedToStart = false;
    QString describe() const; // "exit code 3", "signal SIGSEGV", "failed to start: ..."
};

class RunController : public QObject {
    Q_OBJECT
public:
    RunController(const LaunchPlan &plan, const RunOptions &options, QObject *parent = nullptr);
    ~RunController() override;

    // The record kept up to date (status, times, ranks, events) and saved through recorder on every change.
    void setRecord(const RunRecord &initial, RunRecorder *recorder);
    const RunRecord &record() const { return m_record; }
    QString recordError() const { return m_recordError; }
    // Output or metrics from a rank count as activity for the watchdog.
    void noteActivity(int rank);

    void start();
    // Ctrl-C semantics: the first call sends SIGTERM to every rank and SIGKILL after the grace period; a
    // second call kills at once.
    void stop();

    RunState state() const { return m_state; }
    int attempt() const { return m_attempt; }
    int exitCode() const; // what the launcher should exit with
    const QList<RankExit> &exits() const { return m_exits; }
    // The rank whose failure stopped the run (-1 when none) and the last lines of its stderr.
    const RankExit &firstFailure() const { return m_firstFailure; }
    QStringList stderrTail(int rank) const;
    int runningRanks() const;
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    QList<qint64> pids() const;

Q_SIGNALS:
    // One whole line of a rank's output (without the newline). stream: 1 stdout, 2 stderr.
    void rankLine(int rank, int stream, const QByteArray &line);
    void rankStarted(int rank, qint64 pid, int attempt);
    void rankExited(const trainyard::RankExit &exit);
    void stateChanged(trainyard::RunState state);
    void watchdogFired(int rank, int silentSeconds);
    void restarting(int attempt, const QString &reason);
    void finished(int exitCode);
    // A sample of a rank's process tree (the rank and everything it started): CPU use since the previous
    // sample, in percent of one core, and resident memory. step counts samples from 1.
    void telemetry(int rank, qint64 step, double cpuPercent, qint64 rssBytes);

private:
    struct Rank;
    void startAttempt();
    void onOutput(Rank &r, int stream);
    void splitLines(Rank &r, int stream, const QByteArray &data);
    void onExit(Rank &r, int exitCode, int signal, bool failedToStart, const QString &error);
    void beginStopping();
    void signalAll(int sig);
    bool sweepStragglers(); // true when no rank left a process behind; otherwise signals them and retries
    void checkWatchdog();
    void sampleTelemetry();
    void setState(RunState s);
    void finishAttempt();
    void emitLine(Rank &r, int stream, const QByteArray &line);
    void addEvent(const QString &kind, int rank, const QString &message);
    void saveRecord();    // soon (coalesced)
    void saveRecordNow(); // at once

    LaunchPlan m_plan;
    RunOptions m_options;
    RunRecorder *m_recorder = nullptr;
    RunRecord m_record;
    QString m_recordError;
    std::vector<std::unique_ptr<Rank>> m_ranks;
    RunState m_state = RunState::Created;
    int m_attempt = 0;
    bool m_cancelRequested = false;
    bool m_killSent = false;
    QList<RankExit> m_exits;
    RankExit m_firstFailure;
    QTimer *m_graceTimer;
    QTimer *m_watchdogTimer;
    QTimer *m_telemetryTimer;
    qint64 m_telemetryStep = 0;
    QTimer *m_saveTimer = nullptr;
    QElapsedTimer m_clock;
    QElapsedTimer m_sweepClock;
    std::string m_tag; // TRAINYARD_SUPERVISOR of every process of this run (processtree.h)
};

} // namespace trainyard

Q_DECLARE_METATYPE(trainyard::RankExit)
