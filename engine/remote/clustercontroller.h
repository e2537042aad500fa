// A launch over several machines (--hostfile / --hosts): a node agent on every machine, reached through the
// SSH command, runs that machine's ranks under its own RunController; this object drives them as one run.
// Every host is checked in parallel before any rank starts (nothing starts anywhere when one fails); a rank
// failing anywhere, a lost connection or Ctrl-C stops every machine; rank output lands in the local run
// folder (rank-N.out/.err for every global rank) and the record names each machine's host, ranks and exit
// code.
#pragma once

#include "launch/launchplan.h"
#include "launch/lifecycle.h"
#include "launch/runcontroller.h"
#include "launch/supervisor.h"
#include "remote/remotemachine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QSet>
#include <map>
#include <memory>
#include <vector>

class QTimer;

namespace trainyard {

struct ClusterOptions {
    Transport transport = Transport::Ssh;
    QStringList ssh{QStringLiteral("ssh")}; // the command every connection uses, split into words
    QString remoteProgram;                  // trainyard on the machines (default: this program's path)
    int connectTimeoutMs = 30000;           // for a machine to answer the check
    quint16 ingestPort = 0;                 // the launcher's ingest server, for the ranks' metrics
};

class ClusterController : public RunLifecycle {
    Q_OBJECT
public:
    ClusterController(const LaunchPlan &plan, const RunOptions &options, const ClusterOptions &cluster,
                      QObject *parent = nullptr);
    ~ClusterController() override;

    void setRecord(const RunRecord &initial, RunRecorder *recorder) override;
    QString recordError() const override { return m_recordError; }
    void noteActivity(int rank) override;
    void start() override;
    QStringList stderrTail(int rank) const override;
    QString failureMessage() const override { return m_failureMessage; }
    QString rankPlace(int rank) const override;
    int runningRanks() const override { return int(m_running.size()); }
    int totalRanks() const override { return int(m_plan.ranks.size()); }
    qint64 elapsedMs() const override { return m_clock.isValid() ? m_clock.elapsed() : 0; }

private:
    struct RankLog;
    void onReady();
    void onMachineFailed(RemoteMachine *m, const QString &reason);
    void checksDone();
    void launchAll();
    void onRankLine(int rank, int stream, const QByteArray &line);
    void onRankExited(const RankExit &e);
    void onMachineFinished(RemoteMachine *m, int exitCode, const QString &state);
    void cancelBeforeStart() override;
    void beginStopping() override;
    void killNow() override;
    void persistRecord() override { saveRecord(); }
    void finishAttempt();
    void endAll(RunStatus final);
    void maybeEnd();
    void addEvent(const QString &kind, int rank, const QString &message) override;
    void saveRecord();
    int machineOf(int rank) const;

    LaunchPlan m_plan;
    ClusterOptions m_cluster;
    std::vector<std::unique_ptr<RemoteMachine>> m_machines;
    bool m_checking = false;
    int m_answered = 0;
    QMap<int, QString> m_problems; // by machine rank
    QString m_failureMessage;
    QSet<int> m_running;
    QSet<int> m_machinesDone; // machines whose ranks have all ended this attempt
    std::map<int, std::unique_ptr<RankLog>> m_logs;
    RunStatus m_ending = RunStatus::Created; // the final state, once every connection has closed
    QTimer *m_killTimer;
    QTimer *m_closeTimer;
    QElapsedTimer m_clock;
    QString m_recordError;
};

} // namespace trainyard
