#include "remote/remotemachine.h"

#include "launch/launchplan.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard {

using agent::Msg;

namespace {
struct RemoteText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::RemoteText)
};

// The last meaningful line the SSH client or the remote shell printed.
QString lastLine(const QByteArray &bytes) {
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString l = QString::fromUtf8(*it).trimmed();
        if (!l.isEmpty())
            return l;
    }
    return {};
}
} // namespace

RemoteMachine::RemoteMachine(int machineRank, HostEntry host, QStringList ssh, QString remoteProgram,
                             Transport transport, QObject *parent)
    : QObject(parent)
    , m_machineRank(machineRank)
    , m_host(std::move(host))
    , m_ssh(std::move(ssh))
    , m_remoteProgram(std::move(remoteProgram))
    , m_transport(transport) {
    qRegisterMetaType<trainyard::RankExit>();
}

RemoteMachine::~RemoteMachine() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(2000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
}

QStringList RemoteMachine::sshArguments() const {
    QStringList args = m_ssh.mid(1);
    if (m_transport == Transport::Srun)
        return args << u"--nodelist="_s + m_host.host << m_remoteProgram << u"agent"_s;
    // No prompt can be answered by a launcher that talks to every machine at once: a machine that wants a
    // password fails with the client's own message instead of waiting.
    if (QFileInfo(m_ssh.value(0)).fileName() == u"ssh"_s) {
        const bool batchGiven = std::any_of(args.cbegin(), args.cend(), [](const QString &a) {
            return a.contains(u"BatchMode"_s, Qt::CaseInsensitive);
        });
        if (!batchGiven)
            args << u"-o"_s << u"BatchMode=yes"_s;
        // A cut network is noticed by SSH within 20 s (ssh takes the first value of an option: one given in
        // --ssh wins).
        args << u"-o"_s << u"ServerAliveInterval=5"_s << u"-o"_s << u"ServerAliveCountMax=4"_s;
    }
    // The remote side is one fixed word pair: everything else travels as data on stdin.
    args << u"--"_s << m_host.host << shellQuote(m_remoteProgram) + u" agent"_s;
    return args;
}

void RemoteMachine::connectHost(const QString &workingDirectory, const QString &program, int timeoutMs) {
    m_workingDirectory = workingDirectory;
    m_program = program;
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this, timeoutMs] {
        fail(RemoteText::tr("%1: no answer from the machine within %2 s%3")
                 .arg(m_host.host)
                 .arg(timeoutMs / 1000)
                 .arg(m_stderr.isEmpty() ? QString() : u" ("_s + lastLine(m_stderr) + u')'));
        if (m_process)
            m_process->kill();
    });
    m_timeout->start(timeoutMs);
    startProcess();
}

void RemoteMachine::startProcess() {
    m_process = new QProcess(this);
    m_process->setProgram(m_ssh.value(0));
    m_process->setArguments(sshArguments());
    // Its own process group (a Ctrl-C on the terminal reaches the launcher, which stops the machines in
    // order) and death with the launcher, which ends the session and so the remote ranks.
    const pid_t launcher = getpid();
    m_process->setChildProcessModifier([launcher] {
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != launcher)
            _exit(255);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &RemoteMachine::onOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr.append(m_process->readAllStandardError());
        if (m_stderr.size() > 65536)
            m_stderr.remove(0, m_stderr.size() - 65536);
    });
    connect(m_process, &QProcess::finished, this, [this](int code) { onProcessFinished(code); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(RemoteText::tr("%1: cannot run the SSH command %2: %3")
                     .arg(m_host.host, m_ssh.value(0), m_process->errorString()));
    });
    m_process->start();
    // Both ways, every few seconds: a machine that falls silent once its plan runs (the network cut, the
    // machine frozen) fails the run naming it, within agent::SilenceLimitMs, instead of never being noticed.
    m_lastHeard.start();
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, [this] {
        if (!connected())
            return;
        write(agent::frame(Msg::Heartbeat));
        if (m_ready && m_planSent && !m_finished && !m_failed &&
            m_lastHeard.elapsed() > agent::SilenceLimitMs) {
            fail(RemoteText::tr("%1: no word from the machine for %2 s (its network or the machine is down); "
                                "its ranks stop themselves when they stop hearing from here")
                     .arg(m_host.host)
                     .arg(m_lastHeard.elapsed() / 1000));
            m_process->kill();
        }
    });
    m_heartbeat->start(agent::HeartbeatMs);
    write(agent::jsonFrame(Msg::Query, {{u"protocol"_s, agent::ProtocolVersion},
                                        {u"working_directory"_s, m_workingDirectory},
                                        {u"program"_s, m_program}}));
}

bool RemoteMachine::connected() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

void RemoteMachine::write(const QByteArray &bytes) {
    if (connected())
        m_process->write(bytes);
}

void RemoteMachine::run(const agent::MachinePlan &plan) {
    m_planSent = true;
    m_finished = false;
    write(agent::frame(Msg::Plan, agent::encodePlan(plan)));
}

void RemoteMachine::stop() {
    m_giveUp = true;
    write(agent::frame(Msg::Stop));
}

void RemoteMachine::kill() {
    m_giveUp = true;
    write(agent::frame(Msg::Kill));
}

void RemoteMachine::noteActivity(int rank) {
    // At most one note a second per rank: the watchdog counts seconds.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 &last = m_lastActivity[rank];
    if (now - last < 1000)
        return;
    last = now;
    QByteArray p(4, Qt::Uninitialized);
    qToBigEndian(qint32(rank), p.data());
    write(agent::frame(Msg::Activity, p));
}

void RemoteMachine::closeInput() {
    m_giveUp = true;
    if (connected())
        m_process->closeWriteChannel();
}

void RemoteMachine::fail(const QString &reason) {
    if (m_failed)
        return;
    m_failed = true;
    if (m_timeout)
        m_timeout->stop();
    Q_EMIT failed(reason);
}

void RemoteMachine::onOutput() {
    m_lastHeard.restart();
    m_reader.append(m_process->readAllStandardOutput());
    while (auto f = m_reader.next())
        handle(*f);
    if (!m_reader.error().isEmpty()) {
        fail(RemoteText::tr("%1: %2").arg(m_host.host, m_reader.error()));
        m_process->kill();
    }
}

void RemoteMachine::handle(const agent::Frame &f) {
    switch (f.type) {
    case Msg::Heartbeat: // heard: m_lastHeard is reset with every read
        return;
    case Msg::Hello: {
        m_timeout->stop();
        const QJsonObject o = agent::jsonOf(f);
        m_hello.hostname = o.value(u"hostname"_s).toString();
        m_hello.address = o.value(u"address"_s).toString();
        m_hello.version = o.value(u"version"_s).toString();
        m_hello.freePort = o.value(u"port"_s).toInt();
        QStringList problems;
        for (const QJsonValue &v : o.value(u"problems"_s).toArray())
            problems << v.toString();
        if (!problems.isEmpty()) {
            fail(RemoteText::tr("%1: %2").arg(m_host.host, problems.join(u"; "_s)));
            return;
        }
        m_ready = true;
        Q_EMIT ready();
        return;
    }
    case Msg::Started: {
        const QJsonObject o = agent::jsonOf(f);
        Q_EMIT rankStarted(o.value(u"rank"_s).toInt(), qint64(o.value(u"pid"_s).toDouble()),
                           o.value(u"attempt"_s).toInt());
        return;
    }
    case Msg::Output: {
        int rank = 0, stream = 0;
        QByteArray line;
        if (agent::decodeOutput(f.payload, &rank, &stream, &line))
            Q_EMIT rankLine(rank, stream, line);
        return;
    }
    case Msg::Exited:
        Q_EMIT rankExited(agent::exitFromJson(agent::jsonOf(f)));
        return;
    case Msg::Watchdog: {
        const QJsonObject o = agent::jsonOf(f);
        Q_EMIT watchdogFired(o.value(u"rank"_s).toInt(), o.value(u"seconds"_s).toInt());
        return;
    }
    case Msg::Telemetry: {
        const QJsonObject o = agent::jsonOf(f);
        if (o.contains(u"gpu_util"_s))
            Q_EMIT gpuTelemetry(o.value(u"rank"_s).toInt(), qint64(o.value(u"step"_s).toDouble()),
                                o.value(u"gpu_util"_s).toDouble(),
                                qint64(o.value(u"gpu_memory"_s).toDouble()),
                                o.value(u"gpu_power"_s).toDouble(), o.value(u"gpu_temperature"_s).toDouble());
        else
            Q_EMIT telemetry(o.value(u"rank"_s).toInt(), qint64(o.value(u"step"_s).toDouble()),
                             o.value(u"cpu"_s).toDouble(), qint64(o.value(u"rss"_s).toDouble()));
        return;
    }
    case Msg::Finished: {
        const QJsonObject o = agent::jsonOf(f);
        m_finished = true;
        Q_EMIT machineFinished(o.value(u"exit_code"_s).toInt(), o.value(u"state"_s).toString());
        return;
    }
    case Msg::Error:
        fail(RemoteText::tr("%1: %2").arg(m_host.host, agent::jsonOf(f).value(u"message"_s).toString()));
        return;
    case Msg::Open: {
        quint32 id = 0;
        if (!agent::decodeConnection(f.payload, &id, nullptr))
            return;
        // One connection to the ingest server on this machine for each of the rank's connections there; the
        // server's acknowledgements travel back the same way, so the client's no-loss rule holds end to end.
        auto *s = new QTcpSocket(this);
        m_connections.insert(id, s);
        connect(s, &QTcpSocket::readyRead, this,
                [this, s, id] { write(agent::connectionFrame(Msg::Data, id, s->readAll())); });
        connect(s, &QTcpSocket::disconnected, this, [this, s, id] {
            if (m_connections.take(id))
                write(agent::connectionFrame(Msg::Close, id));
            s->deleteLater();
        });
        connect(s, &QTcpSocket::errorOccurred, this, [this, s, id](QAbstractSocket::SocketError) {
            if (s->state() == QAbstractSocket::UnconnectedState && m_connections.take(id)) {
                write(agent::connectionFrame(Msg::Close, id));
                s->deleteLater();
            }
        });
        s->connectToHost(u"127.0.0.1"_s, m_ingestPort);
        return;
    }
    case Msg::Data: {
        quint32 id = 0;
        QByteArray data;
        if (agent::decodeConnection(f.payload, &id, &data))
            if (QTcpSocket *s = m_connections.value(id))
                s->write(data); // buffered until connected
        return;
    }
    case Msg::Close: {
        quint32 id = 0;
        if (agent::decodeConnection(f.payload, &id, nullptr))
            if (QTcpSocket *s = m_connections.take(id)) {
                s->disconnectFromHost();
                s->deleteLater();
            }
        return;
    }
    default:
        return;
    }
}

void RemoteMachine::onProcessFinished(int code) {
    // Frames still in the pipe come first.
    m_reader.append(m_process->readAllStandardOutput());
    while (auto f = m_reader.next())
        handle(*f);
    m_stderr.append(m_process->readAllStandardError());
    const QString said = lastLine(m_stderr);
    // slurmctld now and then refuses a step on a node of a job that has just started (srun: "Unable to
    // create step for job N: ..."), and accepts the same request a moment later: ask again, a few times,
    // within the connection's time limit.
    if (!m_ready && !m_failed && m_transport == Transport::Srun && m_stepRetries < 3 &&
        m_stderr.contains("Unable to create step") && m_timeout && m_timeout->isActive()) {
        ++m_stepRetries;
        m_process->deleteLater();
        m_process = nullptr;
        m_stderr.clear();
        m_reader = agent::FrameReader();
        QTimer::singleShot(500 * m_stepRetries, this, [this] {
            if (!m_failed && !m_giveUp)
                startProcess();
            else
                Q_EMIT disconnected(); // stopped while waiting to ask again: nothing runs there
        });
        return;
    }
    if (!m_ready && !m_failed) {
        // OpenSSH exits with 255 for its own errors (unreachable, refused, host key, authentication); a
        // shell exits with 127 for a program it cannot find.
        if (m_transport == Transport::Srun)
            fail(RemoteText::tr("%1: srun could not start the agent (exit code %2)%3")
                     .arg(m_host.host)
                     .arg(code)
                     .arg(said.isEmpty() ? QString() : u": "_s + said));
        else if (code == 255)
            fail(RemoteText::tr("%1: cannot connect: %2")
                     .arg(m_host.host,
                          said.isEmpty() ? RemoteText::tr("the SSH client exited with 255") : said));
        else if (code == 127 || code == 126)
            fail(RemoteText::tr("%1: cannot run %2 there: %3").arg(m_host.host, m_remoteProgram, said));
        else
            fail(RemoteText::tr("%1: the agent exited with %2 before answering%3")
                     .arg(m_host.host)
                     .arg(code)
                     .arg(said.isEmpty() ? QString() : u": "_s + said));
    } else if (m_planSent && !m_finished && !m_failed) {
        fail(RemoteText::tr("%1: lost the connection to the machine (%2)")
                 .arg(m_host.host, said.isEmpty() ? RemoteText::tr("exit code %1").arg(code) : said));
    }
    for (QTcpSocket *s : std::as_const(m_connections))
        s->deleteLater();
    m_connections.clear();
    Q_EMIT disconnected();
}

} // namespace trainyard
