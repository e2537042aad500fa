#include "remote/nodeagent.h"

#include "launch/runcontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>
#include <QtEndian>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard {

using agent::Msg;

namespace {
struct AgentText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::AgentText)
};

// Where an argv[0] leads on this machine: empty when it cannot be run.
QString resolveProgram(const QString &program, const QString &workingDirectory) {
    if (program.contains(u'/')) {
        const QFileInfo fi(QDir(workingDirectory).filePath(program));
        return fi.isFile() && fi.isExecutable() ? fi.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}
} // namespace

NodeAgent::NodeAgent(int inFd, int outFd, QString version, QString trackerDir, QObject *parent)
    : QObject(parent)
    , m_in(inFd)
    , m_out(outFd)
    , m_version(std::move(version))
    , m_trackerDir(std::move(trackerDir)) {}

NodeAgent::~NodeAgent() {
    m_controller.reset(); // kills what still runs
}

void NodeAgent::start() {
    ::fcntl(m_in, F_SETFL, ::fcntl(m_in, F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(m_in, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &NodeAgent::onInput);
    m_flush = new QTimer(this);
    m_flush->setSingleShot(true);
    m_flush->setInterval(0);
    connect(m_flush, &QTimer::timeout, this, &NodeAgent::flushOutput);
    // The ranks' metrics clients connect here; nothing listens beyond the loopback interface.
    m_relay = new QTcpServer(this);
    m_relay->listen(QHostAddress::LocalHost, 0);
    connect(m_relay, &QTcpServer::newConnection, this, &NodeAgent::onRelayConnection);
    // A launcher that falls silent (a cut network: no EOF ever comes) is taken as gone, and the ranks stop
    // rather than run unsupervised.
    m_lastHeard.start();
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_eof)
            return;
        send(agent::frame(Msg::Heartbeat));
        if (m_lastHeard.elapsed() > agent::SilenceLimitMs) {
            QTextStream(stderr) << AgentText::tr(
                                       "trainyard agent: no word from the launcher for %1 s; stopping "
                                       "every rank")
                                       .arg(m_lastHeard.elapsed() / 1000)
                                << '\n';
            inputClosed();
        }
    });
    m_heartbeat->start(agent::HeartbeatMs);
}

void NodeAgent::onInput() {
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(m_in, buf, sizeof buf);
        if (n > 0) {
            m_lastHeard.restart();
            m_reader.append(QByteArray(buf, n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        inputClosed(); // EOF or an error: the launcher is gone
        break;
    }
    while (auto f = m_reader.next())
        handle(*f);
    if (!m_reader.error().isEmpty()) {
        send(agent::jsonFrame(Msg::Error, {{u"message"_s, m_reader.error()}}));
        inputClosed();
    }
}

void NodeAgent::handle(const agent::Frame &f) {
    switch (f.type) {
    case Msg::Query:
        answerQuery(agent::jsonOf(f));
        return;
    case Msg::Plan: {
        agent::MachinePlan plan;
        QString error;
        if (m_running) {
            send(agent::jsonFrame(Msg::Error, {{u"message"_s, AgentText::tr("a plan is already running")}}));
        } else if (!agent::decodePlan(f.payload, &plan, &error)) {
            send(agent::jsonFrame(Msg::Error, {{u"message"_s, error}}));
        } else {
            runPlan(plan);
        }
        return;
    }
    case Msg::Stop:
        if (m_controller)
            m_controller->stop();
        return;
    case Msg::Kill:
        if (m_controller) {
            m_controller->stop();
            if (m_controller->state() == RunStatus::Stopping)
                m_controller->stop();
        }
        return;
    case Msg::Heartbeat: // heard: m_lastHeard is reset with every read
        return;
    case Msg::Activity:
        if (m_controller && f.payload.size() == 4)
            m_controller->noteActivity(qFromBigEndian<qint32>(f.payload.constData()));
        return;
    case Msg::Data: {
        quint32 id = 0;
        QByteArray data;
        if (agent::decodeConnection(f.payload, &id, &data))
            if (QTcpSocket *s = m_connections.value(id))
                s->write(data);
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
        send(agent::jsonFrame(Msg::Error, {{u"message"_s, u"agent protocol: unexpected message '%1'"_s.arg(
                                                              QChar::fromLatin1(char(f.type)))}}));
    }
}

void NodeAgent::answerQuery(const QJsonObject &q) {
    QJsonObject hello{{u"version"_s, m_version},
                      {u"protocol"_s, agent::ProtocolVersion},
                      {u"hostname"_s, QSysInfo::machineHostName()},
                      {u"port"_s, pickFreePort()},
                      {u"pid"_s, qint64(::getpid())}};
    // SSH_CONNECTION is "client-ip client-port server-ip server-port": the server address is this machine as
    // the launcher reached it, which the other machines can reach too.
    const QStringList ssh = qEnvironmentVariable("SSH_CONNECTION").split(u' ', Qt::SkipEmptyParts);
    if (ssh.size() == 4)
        hello.insert(u"address"_s, ssh[2]);
    QStringList problems;
    const QString cwd = q.value(u"working_directory"_s).toString();
    if (!cwd.isEmpty() && !QFileInfo(cwd).isDir())
        problems << AgentText::tr("the working directory %1 does not exist").arg(cwd);
    const QString program = q.value(u"program"_s).toString();
    if (!program.isEmpty()) {
        const QString found = resolveProgram(program, cwd.isEmpty() ? QDir::currentPath() : cwd);
        if (found.isEmpty())
            problems
                << (program.contains(u'/')
                        ? AgentText::tr("%1 does not exist or is not executable").arg(program)
                        : AgentText::tr("%1 is not on PATH (%2)").arg(program, qEnvironmentVariable("PATH")));
        else
            hello.insert(u"program"_s, found);
    }
    const int wanted = q.value(u"protocol"_s).toInt();
    if (wanted != agent::ProtocolVersion)
        problems << AgentText::tr("trainyard %1 here speaks agent protocol %2, the launcher %3")
                        .arg(m_version)
                        .arg(agent::ProtocolVersion)
                        .arg(wanted);
    hello.insert(u"problems"_s, QJsonArray::fromStringList(problems));
    send(agent::jsonFrame(Msg::Hello, hello));
}

void NodeAgent::runPlan(const agent::MachinePlan &mp) {
    LaunchPlan plan;
    plan.machineRank = mp.machineRank;
    plan.numProcesses = int(mp.ranks.size());
    for (RankPlan r : mp.ranks) {
        r.machineRank = mp.machineRank;
        if (r.env.contains(u"TRAINYARD_TRACKER_TOKEN"_s) && m_relay->isListening())
            r.env[u"TRAINYARD_TRACKER"_s] = u"127.0.0.1:%1"_s.arg(m_relay->serverPort());
        if (!m_trackerDir.isEmpty()) {
            const QString path = r.env.value(u"PYTHONPATH"_s, qEnvironmentVariable("PYTHONPATH"));
            r.env[u"PYTHONPATH"_s] = path.isEmpty() ? m_trackerDir : m_trackerDir + u':' + path;
        }
        plan.ranks << r;
    }
    RunOptions options;
    options.workingDirectory = mp.workingDirectory;
    options.graceMs = mp.graceMs;
    options.watchdogSeconds = mp.watchdogSeconds;
    options.watchdogKill = mp.watchdogKill;
    options.telemetryMs = mp.telemetryMs;
    options.firstAttempt = mp.attempt;
    m_controller.reset();
    m_controller = std::make_unique<RunController>(plan, options);
    RunController *c = m_controller.get();
    connect(c, &RunController::rankLine, this, [this](int rank, int stream, const QByteArray &line) {
        send(agent::outputFrame(rank, stream, line));
    });
    connect(c, &RunController::rankStarted, this, [this](int rank, qint64 pid, int attempt) {
        send(agent::jsonFrame(Msg::Started, {{u"rank"_s, rank}, {u"pid"_s, pid}, {u"attempt"_s, attempt}}));
    });
    connect(c, &RunController::rankExited, this,
            [this](const RankExit &e) { send(agent::jsonFrame(Msg::Exited, agent::exitToJson(e))); });
    connect(c, &RunController::watchdogFired, this, [this](int rank, int seconds) {
        send(agent::jsonFrame(Msg::Watchdog, {{u"rank"_s, rank}, {u"seconds"_s, seconds}}));
    });
    connect(c, &RunController::telemetry, this, [this](int rank, qint64 step, double cpu, qint64 rss) {
        send(agent::jsonFrame(Msg::Telemetry,
                              {{u"rank"_s, rank}, {u"step"_s, step}, {u"cpu"_s, cpu}, {u"rss"_s, rss}}));
    });
    connect(c, &RunController::gpuTelemetry, this,
            [this](int rank, qint64 step, double util, qint64 memory, double power, double temp) {
                send(agent::jsonFrame(Msg::Telemetry, {{u"rank"_s, rank},
                                                       {u"step"_s, step},
                                                       {u"gpu_util"_s, util},
                                                       {u"gpu_memory"_s, memory},
                                                       {u"gpu_power"_s, power},
                                                       {u"gpu_temperature"_s, temp}}));
            });
    connect(c, &RunController::finished, this, [this, c](int exitCode) {
        send(agent::jsonFrame(Msg::Finished,
                              {{u"exit_code"_s, exitCode}, {u"state"_s, runStatusName(c->state())}}));
        flushOutput();
        m_running = false;
        maybeDone();
    });
    m_running = true;
    c->start();
    if (m_eof)
        c->stop();
}

void NodeAgent::onRelayConnection() {
    while (QTcpSocket *s = m_relay->nextPendingConnection()) {
        const quint32 id = m_nextConnection++;
        m_connections.insert(id, s);
        send(agent::connectionFrame(Msg::Open, id));
        connect(s, &QTcpSocket::readyRead, this,
                [this, s, id] { send(agent::connectionFrame(Msg::Data, id, s->readAll())); });
        connect(s, &QTcpSocket::disconnected, this, [this, s, id] {
            if (m_connections.take(id)) {
                if (s->bytesAvailable())
                    send(agent::connectionFrame(Msg::Data, id, s->readAll()));
                send(agent::connectionFrame(Msg::Close, id));
            }
            s->deleteLater();
        });
    }
}

void NodeAgent::send(const QByteArray &bytes) {
    if (m_outputBroken)
        return;
    m_pending.append(bytes);
    if (m_pending.size() >= (1 << 16))
        flushOutput();
    else if (!m_flush->isActive())
        m_flush->start();
}

void NodeAgent::flushOutput() {
    qsizetype done = 0;
    while (done < m_pending.size() && !m_outputBroken) {
        const ssize_t n = ::write(m_out, m_pending.constData() + done, size_t(m_pending.size() - done));
        if (n > 0) {
            done += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            m_outputBroken = true; // the launcher is gone: treat it like EOF
            QTimer::singleShot(0, this, &NodeAgent::inputClosed);
        }
    }
    m_pending.clear();
}

void NodeAgent::inputClosed() {
    if (m_eof)
        return;
    m_eof = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_controller && m_running)
        m_controller->stop(); // SIGTERM to every rank, SIGKILL after the grace period
    maybeDone();
}

void NodeAgent::maybeDone() {
    if (m_eof && !m_running) {
        flushOutput();
        Q_EMIT done(0);
    }
}

} // namespace trainyard
