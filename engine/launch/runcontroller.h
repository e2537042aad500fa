// Runs and supervises this machine's ranks of a launch plan: the job torchrun's agent does. Event driven: it
// never blocks the thread it lives on, so the CLI runs it in its event loop and the studio can drive it too.
#pragma once

#include "launch/launchplan.h"
#include "launch/lifecycle.h"
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
namespace telemetry {
class Nvml;
}

class RunController : public RunLifecycle {
    Q_OBJECT
public:
    RunController(const LaunchPlan &plan, const RunOptions &options, QObject *parent = nullptr);
    ~RunController() override;

    // The record kept up to date (status, times, ranks, events) and saved through recorder on every change.
    void setRecord(const RunRecord &initial, RunRecorder *recorder) override;
    QString recordError() const override { return m_recordError; }
    // Output or metrics from a rank count as activity for the watchdog.
    void noteActivity(int rank) override;

    void start() override;

    const QList<RankExit> &exits() const { return m_exits; }
    // The last lines of a rank's stderr.
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
    void cancelBeforeStart() override;
    void beginStopping() override;
    void killNow() override;
    void persistRecord() override { saveRecordNow(); }
    void signalAll(int sig);
    bool sweepStragglers(); // true when no rank left a process behind; otherwise signals them and retries
    void checkWatchdog();
    void sampleTelemetry();
    void finishAttempt();
    void emitLine(Rank &r, int stream, const QByteArray &line);
    void addEvent(const QString &kind, int rank, const QString &message) override;
    void saveRecord();    // soon (coalesced)
    void saveRecordNow(); // at once

    LaunchPlan m_plan;
    QString m_recordError;
    std::vector<std::unique_ptr<Rank>> m_ranks;
    bool m_killSent = false;
    QList<RankExit> m_exits;
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
