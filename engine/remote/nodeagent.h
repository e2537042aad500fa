// `trainyard agent`: one machine's end of a multi-machine launch. It reads frames (agentprotocol.h) on its
// input, answers a Query with what it knows about this machine, runs a Plan's ranks under a RunController
// (the same supervisor as a local launch: process groups, fail-fast, watchdog, telemetry), and writes their
// output, starts, exits and telemetry back as frames. The ranks' metrics clients connect to a loopback-only
// relay whose connections travel inside the same stream to the launcher's ingest server. EOF on the input
// means the launcher or its connection is gone: every rank is stopped and the agent exits.
#pragma once

#include "remote/agentprotocol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <memory>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;
class QTimer;

namespace trainyard {

class RunController;

class NodeAgent : public QObject {
    Q_OBJECT
public:
    // version: the program's; trackerDir: the folders of this machine's start-up hook and
    // trainyard_tracker.py, ':'-separated (put first on each Python rank's PYTHONPATH).
    NodeAgent(int inFd, int outFd, QString version, QString trackerDir, QObject *parent = nullptr);
    ~NodeAgent() override;

    void start();
    // As if the input had ended (SIGTERM, SIGHUP): stop every rank, then finish.
    void shutdown() { inputClosed(); }

Q_SIGNALS:
    // The launcher is gone and nothing runs any more: the agent's work is over.
    void done(int exitCode);

private:
    void onInput();
    void handle(const agent::Frame &f);
    void answerQuery(const QJsonObject &q);
    void runPlan(const agent::MachinePlan &plan);
    void send(const QByteArray &bytes);
    void flushOutput();
    void inputClosed();
    void maybeDone();
    void onRelayConnection();

    int m_in, m_out;
    QString m_version, m_trackerDir;
    QSocketNotifier *m_notifier = nullptr;
    agent::FrameReader m_reader;
    QByteArray m_pending; // frames not yet written
    QTimer *m_flush = nullptr;
    QTimer *m_heartbeat = nullptr;
    QElapsedTimer m_lastHeard; // since the launcher's last bytes
    bool m_eof = false;
    bool m_outputBroken = false;
    std::unique_ptr<RunController> m_controller;
    bool m_running = false;
    QTcpServer *m_relay = nullptr;
    QHash<quint32, QTcpSocket *> m_connections;
    quint32 m_nextConnection = 1;
};

} // namespace trainyard
