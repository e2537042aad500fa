#include "remote/clustercontroller.h"

#include "remote/remotemachine.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct ClusterText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::ClusterText)
};
} // namespace

struct ClusterController::RankLog {
    QFile file[3];
    QStringList tail;
    qint64 pid = 0;
    bool exited = false;
    RankExit exit;
};

ClusterController::ClusterController(const LaunchPlan &plan, const RunOptions &options,
                                     const ClusterOptions &cluster, QObject *parent)
    : RunLifecycle(options, parent)
    , m_plan(plan)
    , m_cluster(cluster)
    , m_killTimer(new QTimer(this))
    , m_closeTimer(new QTimer(this)) {
    qRegisterMetaType<trainyard::RankExit>();
    m_killTimer->setSingleShot(true);
    m_closeTimer->setSingleShot(true);
    if (m_cluster.remoteProgram.isEmpty())
        m_cluster.remoteProgram = QCoreApplication::applicationFilePath();
    // After the grace period the agents kill what is left; a machine that still has not reported is given up
    // (its connection is closed, so its agent kills its ranks when it sees EOF).
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        bool forced = false;
        for (auto &m : m_machines) {
            if (m_machinesDone.contains(m->machineRank()))
                continue;
            if (!m_cancelRequested || m->connected()) {
                m->kill();
                forced = true;
            }
        }
        if (forced)
            QTimer::singleShot(5000, this, [this] {
                if (m_state != RunStatus::Stopping)
                    return;
                for (auto &m : m_machines)
                    if (!m_machinesDone.contains(m->machineRank())) {
                        m_machinesDone.insert(m->machineRank());
                        m->closeInput();
                    }
                finishAttempt();
            });
    });
    connect(m_closeTimer, &QTimer::timeout, this, [this] {
        m_machines.clear(); // kills the SSH clients that are left
        maybeEnd();
    });
    for (int i = 0; i < int(plan.hosts.size()); ++i) {
        MachineRecord mr;
        mr.machineRank = i;
        mr.host = plan.hosts[i].host;
        for (const RankPlan &r : plan.ranksOfMachine(i))
            mr.ranks << r.rank;
        mr.state = u"checking"_s;
        m_record.machines << mr;
    }
}

ClusterController::~ClusterController() {
    m_machines.clear(); // each closes its connection: the agents stop every rank they still run
}

void ClusterController::setRecord(const RunRecord &initial, RunRecorder *recorder) {
    const QList<MachineRecord> machines = m_record.machines;
    m_record = initial;
    m_record.machines = machines;
    m_recorder = recorder;
    m_record.status = m_state;
    saveRecord();
}

int ClusterController::machineOf(int rank) const {
    for (const RankPlan &r : m_plan.ranks)
        if (r.rank == rank)
            return r.machineRank;
    return -1;
}

QString ClusterController::rankPlace(int rank) const {
    const int m = machineOf(rank);
    if (m < 0 || m >= m_record.machines.size())
        return {};
    const MachineRecord &mr = m_record.machines[m];
    return mr.hostname.isEmpty() || mr.hostname == mr.host ? mr.host : u"%1 (%2)"_s.arg(mr.host, mr.hostname);
}

void ClusterController::noteActivity(int rank) {
    const int m = machineOf(rank);
    if (m >= 0 && m < int(m_machines.size()))
        m_machines[m]->noteActivity(rank);
}

void ClusterController::start() {
    if (m_state != RunStatus::Created || m_checking)
        return;
    m_clock.start();
    m_checking = true;
    QStringList names;
    for (const HostEntry &h : std::as_const(m_plan.hosts))
        names << h.host;
    Q_EMIT notice(
        ClusterText::tr("checking %n machine(s): %1", nullptr, int(names.size())).arg(names.join(u", "_s)));
    const QString cwd =
        m_options.workingDirectory.isEmpty() ? QDir::currentPath() : m_options.workingDirectory;
    const QString program = m_plan.ranks.value(0).argv.value(0);
    for (int i = 0; i < int(m_plan.hosts.size()); ++i) {
        auto m = std::make_unique<RemoteMachine>(i, m_plan.hosts[i], m_cluster.ssh, m_cluster.remoteProgram,
                                                 m_cluster.transport);
        RemoteMachine *rm = m.get();
        rm->setIngestPort(m_cluster.ingestPort);
        connect(rm, &RemoteMachine::ready, this, &ClusterController::onReady);
        connect(rm, &RemoteMachine::failed, this,
                [this, rm](const QString &reason) { onMachineFailed(rm, reason); });
        connect(rm, &RemoteMachine::rankStarted, this, [this](int rank, qint64 pid, int attempt) {
            m_running.insert(rank);
            if (auto it = m_logs.find(rank); it != m_logs.end())
                it->second->pid = pid;
            saveRecord();
            Q_EMIT rankStarted(rank, pid, attempt);
        });
        connect(rm, &RemoteMachine::rankLine, this, &ClusterController::onRankLine);
        connect(rm, &RemoteMachine::rankExited, this, &ClusterController::onRankExited);
        connect(rm, &RemoteMachine::watchdogFired, this, [this](int rank, int seconds) {
            addEvent(u"watchdog"_s, rank,
                     ClusterText::tr("rank %1 on %2 printed and logged nothing for %3 s")
                         .arg(rank)
                         .arg(rankPlace(rank))
                         .arg(seconds));
            Q_EMIT watchdogFired(rank, seconds);
        });
        connect(rm, &RemoteMachine::telemetry, this, &RankSupervisor::telemetry);
        connect(rm, &RemoteMachine::gpuTelemetry, this, &RankSupervisor::gpuTelemetry);
        connect(rm, &RemoteMachine::machineFinished, this,
                [this, rm](int code, const QString &state) { onMachineFinished(rm, code, state); });
        connect(rm, &RemoteMachine::disconnected, this, &ClusterController::maybeEnd);
        m_machines.push_back(std::move(m));
    }
    for (auto &m : m_machines)
        m->connectHost(cwd, program, m_cluster.connectTimeoutMs);
}

void ClusterController::onReady() {
    if (!m_checking)
        return;
    auto *m = qobject_cast<RemoteMachine *>(sender());
    MachineRecord &mr = m_record.machines[m->machineRank()];
    mr.hostname = m->hello().hostname;
    mr.address = m->hello().address;
    mr.state = u"ready"_s;
    if (++m_answered == int(m_machines.size()))
        checksDone();
}

void ClusterController::onMachineFailed(RemoteMachine *m, const QString &reason) {
    MachineRecord &mr = m_record.machines[m->machineRank()];
    if (m_checking) {
        mr.state = u"unreachable"_s;
        m_problems.insert(m->machineRank(), reason);
        if (++m_answered == int(m_machines.size()))
            checksDone();
        return;
    }
    if (m_machinesDone.contains(m->machineRank()))
        return;
    // The connection was lost (or the agent refused the plan) while its ranks ran: the agent stops them
    // when it sees EOF; everything else is stopped from here.
    m_machinesDone.insert(m->machineRank());
    mr.state = u"lost"_s;
    for (int r : std::as_const(mr.ranks))
        m_running.remove(r);
    m->closeInput();
    if (m_state == RunStatus::Running) {
        m_failureMessage = reason;
        addEvent(u"failure"_s, -1, reason);
        beginStopping();
    } else {
        saveRecord();
    }
    if (m_machinesDone.size() == qsizetype(m_machines.size()))
        finishAttempt();
}

void ClusterController::checksDone() {
    m_checking = false;
    if (m_cancelRequested) {
        endAll(RunStatus::Cancelled);
        return;
    }
    if (!m_problems.isEmpty()) {
        m_failureMessage = ClusterText::tr("nothing was started: %1").arg(m_problems.values().join(u"; "_s));
        addEvent(u"failure"_s, -1, m_failureMessage);
        endAll(RunStatus::Failed);
        return;
    }
    launchAll();
}

void ClusterController::launchAll() {
    const RemoteMachine &first = *m_machines.front();
    if (m_plan.masterFromHosts && !first.hello().address.isEmpty())
        m_plan.masterAddr = first.hello().address;
    if (m_plan.port == 0)
        m_plan.port = first.hello().freePort;
    for (RankPlan &r : m_plan.ranks) {
        if (r.env.contains(u"MASTER_ADDR"_s))
            r.env[u"MASTER_ADDR"_s] = m_plan.masterAddr;
        if (r.env.contains(u"MASTER_PORT"_s))
            r.env[u"MASTER_PORT"_s] = QString::number(m_plan.port);
    }
    m_machinesDone.clear();
    m_running.clear();
    const QString cwd =
        m_options.workingDirectory.isEmpty() ? QDir::currentPath() : m_options.workingDirectory;
    for (auto &m : m_machines) {
        agent::MachinePlan mp;
        mp.machineRank = m->machineRank();
        mp.ranks = m_plan.ranksOfMachine(mp.machineRank);
        mp.workingDirectory = cwd;
        mp.graceMs = m_options.graceMs;
        mp.watchdogSeconds = m_options.watchdogSeconds;
        mp.watchdogKill = m_options.watchdogKill;
        mp.telemetryMs = m_options.telemetryMs;
        mp.attempt = m_attempt;
        for (const RankPlan &r : std::as_const(mp.ranks)) {
            auto &log = m_logs[r.rank];
            if (!log)
                log = std::make_unique<RankLog>();
            log->exited = false;
            log->exit = RankExit{};
            log->pid = 0;
            if (m_options.runDirectory.isEmpty())
                continue;
            for (int s : {1, 2}) {
                QFile &f = log->file[s];
                if (!f.isOpen()) {
                    f.setFileName(
                        QDir(m_options.runDirectory)
                            .filePath(u"rank-%1.%2"_s.arg(r.rank).arg(s == 1 ? u"out"_s : u"err"_s)));
                    f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered);
                }
                if (m_attempt > 0)
                    f.write("=== trainyard: restart " + QByteArray::number(m_attempt) + " ===\n");
            }
        }
        m_record.machines[mp.machineRank].state = u"running"_s;
        m->run(mp);
    }
    setState(RunStatus::Running);
    QStringList where;
    for (const MachineRecord &mr : std::as_const(m_record.machines))
        where << rankPlace(mr.ranks.value(0));
    Q_EMIT notice(
        ClusterText::tr("starting %n rank(s) on %1; rendezvous at %2:%3", nullptr, int(m_plan.ranks.size()))
            .arg(where.join(u", "_s), m_plan.masterAddr)
            .arg(m_plan.port));
}

void ClusterController::onRankLine(int rank, int stream, const QByteArray &line) {
    auto it = m_logs.find(rank);
    if (it != m_logs.end()) {
        RankLog &log = *it->second;
        if (log.file[stream].isOpen())
            log.file[stream].write(line + '\n');
        if (stream == 2) {
            log.tail << QString::fromUtf8(line);
            while (log.tail.size() > m_options.stderrTailLines)
                log.tail.removeFirst();
        }
    }
    Q_EMIT rankLine(rank, stream, line);
}

void ClusterController::onRankExited(const RankExit &e) {
    m_running.remove(e.rank);
    if (auto it = m_logs.find(e.rank); it != m_logs.end()) {
        it->second->exited = true;
        it->second->exit = e;
    }
    Q_EMIT rankExited(e);
    const bool failed = e.failedToStart || e.signal != 0 || e.exitCode != 0;
    if (failed && m_state == RunStatus::Running) {
        m_firstFailure = e;
        addEvent(u"failure"_s, e.rank,
                 ClusterText::tr("rank %1 on %2: %3").arg(e.rank).arg(rankPlace(e.rank), e.describe()));
        beginStopping();
    } else {
        saveRecord();
    }
}

void ClusterController::onMachineFinished(RemoteMachine *m, int exitCode, const QString &state) {
    MachineRecord &mr = m_record.machines[m->machineRank()];
    mr.state = state;
    mr.exitCode = exitCode;
    m_machinesDone.insert(m->machineRank());
    for (int r : std::as_const(mr.ranks))
        m_running.remove(r);
    if (m_state == RunStatus::Running && exitCode != 0 && m_firstFailure.rank < 0) {
        m_failureMessage = ClusterText::tr("%1: its ranks ended with %2 (exit code %3)")
                               .arg(m->host().host, state)
                               .arg(exitCode);
        addEvent(u"failure"_s, -1, m_failureMessage);
        beginStopping();
    } else {
        saveRecord();
    }
    if (m_machinesDone.size() == qsizetype(m_machines.size()))
        finishAttempt();
}

void ClusterController::beginStopping() {
    if (m_state != RunStatus::Running)
        return;
    setState(RunStatus::Stopping);
    for (auto &m : m_machines)
        if (!m_machinesDone.contains(m->machineRank()))
            m->stop();
    m_killTimer->start(m_options.graceMs + 2000);
}

void ClusterController::cancelBeforeStart() {
    if (m_checking) {
        m_checking = false;
        endAll(RunStatus::Cancelled);
        return;
    }
    if (m_ending == RunStatus::Created) {
        setState(RunStatus::Cancelled);
        Q_EMIT finished(exitCode());
    }
}

void ClusterController::killNow() {
    for (auto &m : m_machines)
        if (!m_machinesDone.contains(m->machineRank()))
            m->kill();
}

void ClusterController::finishAttempt() {
    if (m_ending != RunStatus::Created || m_checking)
        return;
    m_killTimer->stop();
    const bool failed = m_firstFailure.rank >= 0 || !m_failureMessage.isEmpty();
    // A machine whose connection is gone cannot be restarted.
    const bool allConnected =
        std::all_of(m_machines.cbegin(), m_machines.cend(), [](const auto &m) { return m->connected(); });
    const QString reason = m_firstFailure.rank >= 0
                               ? ClusterText::tr("rank %1 on %2: %3")
                                     .arg(m_firstFailure.rank)
                                     .arg(rankPlace(m_firstFailure.rank), m_firstFailure.describe())
                               : m_failureMessage;
    const RunStatus next = afterAttempt(failed, allConnected, reason);
    if (next == RunStatus::Running) {
        m_failureMessage.clear();
        setState(RunStatus::Running); // out of stopping: recorded and announced
        launchAll();
        return;
    }
    endAll(next);
}

void ClusterController::endAll(RunStatus final) {
    if (m_ending != RunStatus::Created)
        return;
    m_ending = final;
    m_killTimer->stop();
    // EOF tells every agent to stop what it still runs and exit; their SSH sessions then end.
    for (auto &m : m_machines)
        m->closeInput();
    m_closeTimer->start(std::max(m_options.graceMs, 1000) + 3000);
    maybeEnd();
}

void ClusterController::maybeEnd() {
    if (m_ending == RunStatus::Created)
        return;
    const bool open =
        std::any_of(m_machines.cbegin(), m_machines.cend(), [](const auto &m) { return m->connected(); });
    if (open || m_state == m_ending)
        return;
    m_closeTimer->stop();
    for (auto &entry : m_logs)
        for (QFile &f : entry.second->file)
            f.close();
    if (m_ending == RunStatus::Cancelled)
        for (MachineRecord &mr : m_record.machines)
            if (mr.state == u"checking"_s || mr.state == u"ready"_s || mr.state == u"running"_s)
                mr.state = u"cancelled"_s;
    setState(m_ending);
    Q_EMIT finished(exitCode());
}

QStringList ClusterController::stderrTail(int rank) const {
    const auto it = m_logs.find(rank);
    return it == m_logs.end() ? QStringList() : it->second->tail;
}

void ClusterController::addEvent(const QString &kind, int rank, const QString &message) {
    m_record.events << RunEvent{QDateTime::currentDateTime(), kind, rank, message};
    saveRecord();
}

void ClusterController::saveRecord() {
    if (!m_recorder)
        return;
    m_record.ranks.clear();
    for (const RankPlan &rp : std::as_const(m_plan.ranks)) {
        RankRecord rr;
        rr.rank = rp.rank;
        rr.attempt = m_attempt;
        rr.state = m_running.contains(rp.rank) ? u"running"_s : u"not running"_s;
        if (auto it = m_logs.find(rp.rank); it != m_logs.end()) {
            rr.pid = it->second->pid;
            if (it->second->exited) {
                const RankExit &e = it->second->exit;
                rr.state = e.recordState();
                rr.exitCode = e.exitCode;
                rr.signal = e.signal;
            }
        }
        m_record.ranks << rr;
    }
    m_record.attempts = m_attempt + 1;
    m_record.failedRank = m_firstFailure.rank;
    m_record.failedExitCode = m_firstFailure.rank >= 0          ? m_firstFailure.recordedCode()
                              : !m_failureMessage.isEmpty()     ? 1
                              : m_state == RunStatus::Cancelled ? exitCodeFor(RunStatus::Cancelled)
                                                                : 0;
    QString error;
    if (m_recorder->save(m_record, &error)) {
        m_recordError.clear();
        return;
    }
    if (error != m_recordError) // said at once, not only when the run ends
        Q_EMIT notice(tr("could not write the run record: %1").arg(error));
    m_recordError = error;
}

} // namespace trainyard
