// The launcher's end of one machine of a multi-machine launch: `trainyard agent` started there through the
// SSH command (`--ssh`, OpenSSH by default), spoken to in frames over the connection's stdin and stdout
// (agentprotocol.h). connectHost() checks the machine (reachable, authenticated, trainyard and the ranks'
// program present, protocol compatible); run() sends its plan; rank events come back as signals. The ranks'
// metrics connections arrive through the same connection and are passed to the launcher's ingest server on
// this machine's loopback.
#pragma once

#include "remote/agentprotocol.h"
#include "remote/hostfile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

class QProcess;
class QTcpSocket;
class QTimer;

namespace trainyard {

// How the agent is reached: `SSH HOST 'trainyard' agent` (a remote shell runs the command), or inside a Slurm
// job `srun ... --nodelist=NODE trainyard agent` (argv as it is).
enum class Transport { Ssh, Srun };

struct RemoteHello {
    QString hostname; // as the machine calls itself
    QString address;  // this machine as the launcher reached it (from SSH_CONNECTION), may be empty
    QString version;
    int freePort = 0;
};

class RemoteMachine : public QObject {
    Q_OBJECT
public:
    // ssh: the command and its options (--ssh, split into words); remoteProgram: trainyard on that machine.
    RemoteMachine(int machineRank, HostEntry host, QStringList ssh, QString remoteProgram,
                  Transport transport = Transport::Ssh, QObject *parent = nullptr);
    ~RemoteMachine() override;

    // Connects and checks: workingDirectory must exist there and program (a rank's argv[0]) be runnable.
    void connectHost(const QString &workingDirectory, const QString &program, int timeoutMs);
    void run(const agent::MachinePlan &plan);
    void stop();
    void kill();
    void noteActivity(int rank);
    // Ends the session: the agent sees EOF (and stops whatever still runs).
    void closeInput();
    // The SSH client is still running.
    bool connected() const;
    void setIngestPort(quint16 port) { m_ingestPort = port; }

    int machineRank() const { return m_machineRank; }
    const HostEntry &host() const { return m_host; }
    const RemoteHello &hello() const { return m_hello; }
    // The command line used to reach the machine, for messages and tests.
    QStringList sshArguments() const;

Q_SIGNALS:
    void ready();
    // The machine could not be reached or checked, or its connection was lost: why, naming the host.
    void failed(const QString &reason);
    void rankStarted(int rank, qint64 pid, int attempt);
    void rankLine(int rank, int stream, const QByteArray &line);
    void rankExited(const trainyard::RankExit &exit);
    void watchdogFired(int rank, int seconds);
    void telemetry(int rank, qint64 step, double cpuPercent, qint64 rssBytes);
    void gpuTelemetry(int rank, qint64 step, double utilPercent, qint64 memoryBytes, double powerWatts,
                      double temperatureC);
    // The machine's ranks have all ended (state: finished, failed, cancelled).
    void machineFinished(int exitCode, const QString &state);
    // The SSH client exited (after closeInput, or on its own).
    void disconnected();

private:
    void onOutput();
    void handle(const agent::Frame &f);
    void onProcessFinished(int code);
    void startProcess();
    void fail(const QString &reason);
    void write(const QByteArray &bytes);

    int m_machineRank;
    HostEntry m_host;
    QStringList m_ssh;
    QString m_remoteProgram;
    Transport m_transport;
    QProcess *m_process = nullptr;
    QTimer *m_timeout = nullptr;
    QTimer *m_heartbeat = nullptr;
    QElapsedTimer m_lastHeard; // since the agent's last bytes
    agent::FrameReader m_reader;
    RemoteHello m_hello;
    bool m_ready = false;
    bool m_failed = false;
    bool m_planSent = false;
    bool m_finished = true;                // no plan running
    QByteArray m_stderr;                   // the SSH client's and the remote shell's, for error messages
    QString m_workingDirectory, m_program; // what the query asks the agent to check
    int m_stepRetries = 0;                 // srun steps slurmctld refused before the agent started
    bool m_giveUp = false;                 // stopped, killed or closed: no new attempt
    quint16 m_ingestPort = 0;
    QHash<quint32, QTcpSocket *> m_connections;
    QHash<int, qint64> m_lastActivity;
};

} // namespace trainyard
