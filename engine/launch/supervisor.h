// What a launcher drives: the ranks of a launch, wherever they run. RunController runs this machine's ranks;
// ClusterController (engine/remote) runs every machine's through a node agent on each. The CLI, the run
// record and the status line see only this interface, so a launch behaves the same on one machine or on many.
#pragma once

#include "launch/runrecord.h"

#include <QObject>
#include <QStringList>

namespace trainyard {

struct RankExit {
    int rank = -1;
    int exitCode = 0; // when signal == 0
    int signal = 0;   // the signal that killed it, 0 if it exited
    bool failedToStart = false;
    QString describe() const;    // "exit code 3", "signal SIGSEGV", "failed to start: ..."
    QString recordState() const; // "exited", "killed", "failed to start" (RankRecord::state)
    int recordedCode() const;    // the exit code, 128 + signal when a signal killed it
};

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

// What a launcher exits with in a state: 0 finished, 130 cancelled, 1 otherwise.
int exitCodeFor(RunStatus s);
// Enters s in the record: the start and end times, and the status.
void recordState(RunRecord &record, RunStatus s);

class RankSupervisor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The record kept up to date (status, times, ranks, events) and saved through recorder on every change.
    virtual void setRecord(const RunRecord &initial, RunRecorder *recorder) = 0;
    virtual QString recordError() const = 0;
    // Output or metrics from a rank count as activity for the watchdog.
    virtual void noteActivity(int rank) = 0;

    virtual void start() = 0;
    // Ctrl-C semantics: the first call stops every rank (SIGTERM, SIGKILL after the grace period); a second
    // call kills at once.
    virtual void stop() = 0;

    virtual RunStatus state() const = 0;
    virtual int exitCode() const = 0; // what the launcher should exit with
    // The rank whose failure stopped the run (-1 when none) and the last lines of its stderr.
    virtual RankExit firstFailure() const = 0;
    virtual QStringList stderrTail(int rank) const = 0;
    // Why the run failed when no rank did (a machine that could not be reached); empty otherwise.
    virtual QString failureMessage() const { return {}; }
    // Where a rank runs, for messages ("" on one machine, "on HOST" elsewhere).
    virtual QString rankPlace(int rank) const {
        Q_UNUSED(rank);
        return {};
    }
    virtual int runningRanks() const = 0;
    virtual int totalRanks() const = 0;
    virtual qint64 elapsedMs() const = 0;

Q_SIGNALS:
    // One whole line of a rank's output (without the newline). stream: 1 stdout, 2 stderr.
    void rankLine(int rank, int stream, const QByteArray &line);
    void rankStarted(int rank, qint64 pid, int attempt);
    void rankExited(const trainyard::RankExit &exit);
    void stateChanged(trainyard::RunStatus state);
    void watchdogFired(int rank, int silentSeconds);
    void restarting(int attempt, const QString &reason);
    // Progress before the ranks start (checking hosts) and other launcher news, one line each.
    void notice(const QString &message);
    void finished(int exitCode);
    // A sample of a rank's process tree (the rank and everything it started): CPU use since the previous
    // sample, in percent of one core, and resident memory. step counts samples from 1.
    void telemetry(int rank, qint64 step, double cpuPercent, qint64 rssBytes);
    // The same sample's GPU side, for a rank whose processes hold memory on an NVIDIA GPU (NVML): the
    // devices' utilisation, power and temperature (averaged over the rank's devices) and the rank's own
    // memory on them.
    void gpuTelemetry(int rank, qint64 step, double utilPercent, qint64 memoryBytes, double powerWatts,
                      double temperatureC);
};

} // namespace trainyard

Q_DECLARE_METATYPE(trainyard::RankExit)
