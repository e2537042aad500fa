// Runs and supervises this machine's ranks of a launch plan: the job torchrun's agent does. Event driven: it
// never blocks the thread it lives on, so the CLI runs it in its event loop and the studio can drive it too.
#pragma once

#include "launch/launchplan.h"
#include "launch/runrecord.h"
#include "launch/supervisor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

class QProcess;
class QTimer;

namespace trainyard {
namespace telemetry {
class Nvml;
}

struct RunOptions {
    QString runDirectory;     // where rank-N.out / rank-N.err logs go; empty: no log files
    QString workingDirectory; // of every rank; empty: the launcher's
    int graceMs = 5000;       // SIGTERM, then SIGKILL after this long
    int maxRestarts = 0;      // restart the whole group after a failure, up to this many times
    int watchdogSeconds = 0;  // report a rank silent this long (0: off)
    bool watchdogKill = false;
    int stderrTailLines = 20; // kept per rank for the failure report
    int telemetryMs = 1000;   // how often each rank's process tree is sampled (0: never)
    int firstAttempt = 0;     // the restart count of the first start (a cluster restarting its machines)
    bool gpuTelemetry = true; // read NVIDIA GPUs through NVML when the driver's library is there
};

class RunController : public RankSupervisor {
    Q_OBJECT
public:
    RunController(const LaunchPlan &plan, const RunOptions &options, QObject *parent = nullptr);
    ~RunController() override;

    // The record kept up to date (status, times, ranks, events) and saved through recorder on every change.
    void setRecord(const RunRecord &initial, RunRecorder *recorder) override;
    const RunRecord &record() const { return m_record; }
    QString recordError() const override { return m_recordError; }
    // Output or metrics from a rank count as activity for the watchdog.
    void noteActivity(int rank) override;

    void start() override;
    // Ctrl-C semantics: the first call sends SIGTERM to every rank and SIGKILL after the grace period; a
    // second call kills at once.
    void stop() override;

    RunStatus state() const override { return m_state; }
    int attempt() const { return m_attempt; }
    int exitCode() const override;
    const QList<RankExit> &exits() const { return m_exits; }
    // The rank whose failure stopped the run (-1 when none) and the last lines of its stderr.
    RankExit firstFailure() const override { return m_firstFailure; }
    QStringList stderrTail(int rank) const override;
    int runningRanks() const override;
    int totalRanks() const override;
    qint64 elapsedMs() const override { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    QList<qint64> pids() const;

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
    void setState(RunStatus s);
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
    RunStatus m_state = RunStatus::Created;
    int m_attempt = 0;
    bool m_cancelRequested = false;
    bool m_killSent = false;
    QList<RankExit> m_exits;
    RankExit m_firstFailure;
    QTimer *m_graceTimer;
    QTimer *m_watchdogTimer;
    QTimer *m_telemetryTimer;
    qint64 m_telemetryStep = 0;
    std::unique_ptr<telemetry::Nvml> m_nvml; // loaded at the first sample; null when there is no NVML
    bool m_nvmlTried = false;
    QTimer *m_saveTimer = nullptr;
    QElapsedTimer m_clock;
    QElapsedTimer m_sweepClock;
    std::string m_tag; // TRAINYARD_SUPERVISOR of every process of this run (processtree.h)
};

} // namespace trainyard
