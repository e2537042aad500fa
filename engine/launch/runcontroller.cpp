#include "runcontroller.h"

#include "launch/argbytes.h"
#include "launch/processtree.h"
#include "launch/runrecord.h"
#include "system/atomicfile.h"
#include "telemetry/nvml.h"
#include "telemetry/procsampler.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QProcess>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct RunText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::RunText)
};

QString signalName(int sig) {
    switch (sig) {
    case SIGHUP:
        return u"SIGHUP"_s;
    case SIGINT:
        return u"SIGINT"_s;
    case SIGQUIT:
        return u"SIGQUIT"_s;
    case SIGILL:
        return u"SIGILL"_s;
    case SIGABRT:
        return u"SIGABRT"_s;
    case SIGBUS:
        return u"SIGBUS"_s;
    case SIGFPE:
        return u"SIGFPE"_s;
    case SIGKILL:
        return u"SIGKILL"_s;
    case SIGSEGV:
        return u"SIGSEGV"_s;
    case SIGPIPE:
        return u"SIGPIPE"_s;
    case SIGTERM:
        return u"SIGTERM"_s;
    default:
        return u"signal %1"_s.arg(sig);
    }
}
} // namespace

QString RankExit::describe() const {
    if (failedToStart)
        return RunText::tr("failed to start");
    if (signal)
        return RunText::tr("killed by %1").arg(signalName(signal));
    return RunText::tr("exit code %1").arg(exitCode);
}

QString RankExit::recordState() const {
    return failedToStart ? u"failed to start"_s : signal ? u"killed"_s : u"exited"_s;
}

int RankExit::recordedCode() const {
    return signal ? 128 + signal : exitCode;
}

int exitCodeFor(RunStatus s) {
    switch (s) {
    case RunStatus::Finished:
        return 0;
    case RunStatus::Cancelled:
        return 130;
    default:
        return 1;
    }
}

void recordState(RunRecord &record, RunStatus s) {
    if (s == RunStatus::Running && !record.started.isValid())
        record.started = QDateTime::currentDateTime();
    if (s == RunStatus::Finished || s == RunStatus::Failed || s == RunStatus::Cancelled)
        record.ended = QDateTime::currentDateTime();
    record.status = s;
}

struct RunController::Rank {
    RankPlan plan;
    QProcess *process = nullptr;
    qint64 pid = 0;
    bool running = false;
    QByteArray pending[3];                          // partial lines by stream (index 1 stdout, 2 stderr)
    bool carriageReturn[3] = {false, false, false}; // the last byte read was a '\r' not yet resolved
    QFile log[3];
    bool logFailed[3] = {false, false, false}; // a write to the log file failed (said once)
    QStringList tail;
    qint64 lastActivityMs = 0;
    bool watchdogReported = false;
    quint64 lastCpuTicks = 0; // telemetry: the previous sample of the rank's tree
    qint64 lastSampleMs = -1;
};

RunController::RunController(const LaunchPlan &plan, const RunOptions &options, QObject *parent)
    : RunLifecycle(options, parent)
    , m_plan(plan)
    , m_graceTimer(new QTimer(this))
    , m_watchdogTimer(new QTimer(this))
    , m_telemetryTimer(new QTimer(this))
    , m_tag(newSupervisorTag()) {
    m_telemetryTimer->setInterval(std::max(options.telemetryMs, 100));
    connect(m_telemetryTimer, &QTimer::timeout, this, &RunController::sampleTelemetry);
    qRegisterMetaType<trainyard::RankExit>();
    m_graceTimer->setSingleShot(true);
    connect(m_graceTimer, &QTimer::timeout, this, [this] {
        m_killSent = true;
        signalAll(SIGKILL);
    });
    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(100);
    connect(m_saveTimer, &QTimer::timeout, this, &RunController::saveRecordNow);
    m_watchdogTimer->setInterval(500);
    connect(m_watchdogTimer, &QTimer::timeout, this, &RunController::checkWatchdog);
}

RunController::~RunController() {
    // Never leave a rank behind, whatever happens to the owner, and never leave the record saying "running".
    blockSignals(true);
    m_killSent = true;
    signalAll(SIGKILL);
    for (auto &r : m_ranks)
        if (r->process)
            r->process->waitForFinished(1000);
    killTagged(m_tag, SIGKILL); // what a rank left behind in other groups or sessions goes too
    for (const pid_t pid : adoptedStrays())
        ::kill(pid, SIGKILL);
    if (m_state == RunStatus::Running || m_state == RunStatus::Stopping) {
        m_cancelRequested = true;
        addEvent(u"signal"_s, -1, RunText::tr("the launcher was closed during the run"));
        setState(RunStatus::Cancelled);
    }
    saveRecordNow();
}

void RunController::start() {
    if (m_state != RunStatus::Created)
        return;
    m_clock.start();
    if (!m_options.runDirectory.isEmpty())
        makePrivateFolder(m_options.runDirectory);
    setState(RunStatus::Running);
    startAttempt();
}

void RunController::setRecord(const RunRecord &initial, RunRecorder *recorder) {
    m_record = initial;
    m_recorder = recorder;
    m_record.status = m_state;
    saveRecordNow();
}

void RunController::saveRecord() {
    // Bursts (eight ranks starting) are written once; every save is an fsync'd atomic replace.
    if (m_recorder && !m_saveTimer->isActive())
        m_saveTimer->start();
}

void RunController::saveRecordNow() {
    m_saveTimer->stop();
    if (!m_recorder)
        return;
    m_record.ranks.clear();
    for (const auto &r : m_ranks) {
        RankRecord rr;
        rr.rank = r->plan.rank;
        rr.pid = r->pid;
        rr.attempt = m_attempt;
        rr.state = r->running ? u"running"_s : u"not running"_s;
        for (const RankExit &e : m_exits) {
            if (e.rank != rr.rank)
                continue;
            rr.state = e.recordState();
            rr.exitCode = e.exitCode;
            rr.signal = e.signal;
        }
        m_record.ranks << rr;
    }
    m_record.attempts = m_attempt + 1;
    m_record.failedRank = m_firstFailure.rank;
    // A stopped run records the launcher's own code for an interrupt, 130 as on Ctrl-C in a terminal (its
    // ranks' signals are in the record's ranks), never a clean 0.
    m_record.failedExitCode = m_firstFailure.rank >= 0          ? m_firstFailure.recordedCode()
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

void RunController::addEvent(const QString &kind, int rank, const QString &message) {
    m_record.events << RunEvent{QDateTime::currentDateTime(), kind, rank, message};
    saveRecord();
}

void RunController::noteActivity(int rank) {
    for (auto &r : m_ranks) {
        if (r->plan.rank == rank) {
            r->lastActivityMs = m_clock.elapsed();
            r->watchdogReported = false;
        }
    }
}

#if defined(__SANITIZE_ADDRESS__)
#define TRAINYARD_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TRAINYARD_ASAN 1
#endif
#endif
#ifdef TRAINYARD_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace {

// A rank's argv and environment as the exact bytes to exec (argbytes.h), with the pointer arrays execvpe
// takes.
class RawExec {
public:
    RawExec(const QStringList &argv, const QProcessEnvironment &env) {
        for (const QString &a : argv)
            m_argv.push_back(argToBytes(a));
        for (const QString &e : env.toStringList())
            m_env.push_back(argToBytes(e));
        for (const QByteArray &a : m_argv)
            m_argvPointers.push_back(a.constData());
        m_argvPointers.push_back(nullptr);
        for (const QByteArray &e : m_env)
            m_envPointers.push_back(e.constData());
        m_envPointers.push_back(nullptr);
    }
    // In the forked child: replaces it, or says why not on its stderr (the rank's log) and exits 127 as a
    // shell does for a command it cannot run.
    void exec() const {
#ifdef TRAINYARD_ASAN
        // QProcess starts children with vfork semantics (one memory with the launcher until exec). A
        // successful exec never returns through these frames, so under ASan their stack redzones would stay
        // poisoned in the launcher's shadow memory: unpoison first, as ASan does before any call that does
        // not return.
        __asan_handle_no_return();
#endif
        execvpe(m_argvPointers[0], const_cast<char *const *>(m_argvPointers.data()),
                const_cast<char *const *>(m_envPointers.data()));
        const int e = errno;
        const char *what = strerrordesc_np(e);
        const char prefix[] = "trainyard: cannot run ";
        [[maybe_unused]] ssize_t w = write(STDERR_FILENO, prefix, sizeof prefix - 1);
        w = write(STDERR_FILENO, m_argvPointers[0], strlen(m_argvPointers[0]));
        w = write(STDERR_FILENO, ": ", 2);
        w = write(STDERR_FILENO, what, strlen(what));
        w = write(STDERR_FILENO, "\n", 1);
        _exit(127);
    }

private:
    std::vector<QByteArray> m_argv, m_env;
    std::vector<const char *> m_argvPointers, m_envPointers;
};

} // namespace

void RunController::startAttempt() {
    for (auto &r : m_ranks) {
        r->process->disconnect(this);
        r->process->deleteLater();
    }
    m_ranks.clear();
    m_exits.clear();
    m_sweepClock.invalidate();
    m_killSent = false;
    const QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    const pid_t launcher = getpid();
    for (const RankPlan &rp : m_plan.ranksOfMachine(m_plan.machineRank)) {
        auto rank = std::make_unique<Rank>();
        Rank &r = *rank;
        r.plan = rp;
        r.lastActivityMs = m_clock.elapsed();
        if (!m_options.runDirectory.isEmpty()) {
            for (int s : {1, 2}) {
                r.log[s].setFileName(
                    QDir(m_options.runDirectory)
                        .filePath(u"rank-%1.%2"_s.arg(rp.rank).arg(s == 1 ? u"out"_s : u"err"_s)));
                // Unbuffered: each chunk a rank writes reaches the file at once, for viewers that follow it
                // (the studio's logs) and for a launcher that is killed.
                r.log[s].open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered);
                r.log[s].setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                if (m_attempt > 0)
                    r.log[s].write(QByteArray("=== trainyard: restart ") + QByteArray::number(m_attempt) +
                                   " ===\n");
            }
        }
        auto *p = new QProcess(this);
        r.process = p;
        QProcessEnvironment env = base;
        for (auto it = rp.env.cbegin(); it != rp.env.cend(); ++it)
            env.insert(it.key(), it.value());
        env.insert(u"TORCHELASTIC_RESTART_COUNT"_s, QString::number(m_attempt));
        env.insert(QString::fromLatin1(SupervisorVariable), QString::fromStdString(m_tag));
        p->setProcessEnvironment(env);
        if (!m_options.workingDirectory.isEmpty())
            p->setWorkingDirectory(m_options.workingDirectory);
        p->setProgram(rp.argv.value(0));
        p->setArguments(rp.argv.mid(1));
        // Bytes that are not UTF-8 (argbytes.h) would reach the rank as U+FFFD through QProcess, so such a
        // rank is exec'd by the modifier itself with its exact bytes, prepared here (no allocation after
        // fork).
        std::shared_ptr<const RawExec> raw;
        if (std::any_of(rp.argv.cbegin(), rp.argv.cend(), hasEscapedBytes) ||
            std::any_of(rp.env.cbegin(), rp.env.cend(), hasEscapedBytes))
            raw = std::make_shared<const RawExec>(rp.argv, env);
        // In the child, before exec: its own process group (so a signal reaches everything it starts), and
        // death with the launcher even when the launcher is killed with SIGKILL.
        p->setChildProcessModifier([launcher, raw] {
            setpgid(0, 0);
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != launcher)
                _exit(127);
            // A clean signal state, whatever the launcher inherited: nothing blocked, default dispositions.
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, nullptr);
            for (int sig : {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2})
                signal(sig, SIG_DFL);
            if (raw)
                raw->exec();
        });
        connect(p, &QProcess::readyReadStandardOutput, this, [this, &r] { onOutput(r, 1); });
        connect(p, &QProcess::readyReadStandardError, this, [this, &r] { onOutput(r, 2); });
        connect(p, &QProcess::started, this, [this, &r] {
            r.pid = r.process->processId();
            r.running = true;
            saveRecord();
            Q_EMIT rankStarted(r.plan.rank, r.pid, m_attempt);
        });
        connect(p, &QProcess::finished, this, [this, &r](int code, QProcess::ExitStatus status) {
            onOutput(r, 1);
            onOutput(r, 2);
            if (status == QProcess::CrashExit)
                onExit(r, 0, code, false, {});
            else
                onExit(r, code, 0, false, {});
        });
        connect(p, &QProcess::errorOccurred, this, [this, &r](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                onExit(r, 127, 0, true, r.process->errorString());
        });
        m_ranks.push_back(std::move(rank));
    }
    for (auto &r : m_ranks)
        r->process->start();
    if (m_options.watchdogSeconds > 0)
        m_watchdogTimer->start();
    if (m_options.telemetryMs > 0 && !m_telemetryTimer->isActive())
        m_telemetryTimer->start();
}

void RunController::sampleTelemetry() {
    if (m_state != RunStatus::Running && m_state != RunStatus::Stopping) {
        m_telemetryTimer->stop();
        return;
    }
    QList<qint64> roots;
    for (const auto &r : m_ranks)
        if (r->running && r->pid > 0)
            roots << r->pid;
    if (roots.isEmpty())
        return;
    const QHash<qint64, telemetry::TreeUsage> usage = telemetry::sampleTrees(roots);
    const qint64 now = m_clock.elapsed();
    ++m_telemetryStep;
    if (!m_nvmlTried && m_options.gpuTelemetry) {
        m_nvmlTried = true;
        auto nvml = std::make_unique<telemetry::Nvml>();
        if (nvml->load())
            m_nvml = std::move(nvml); // else: no NVIDIA driver here, and no GPU series
    }
    const QList<telemetry::GpuSample> gpus = m_nvml ? m_nvml->sample() : QList<telemetry::GpuSample>();
    for (const auto &r : m_ranks) {
        if (!r->running || r->pid <= 0)
            continue;
        const telemetry::TreeUsage u = usage.value(r->pid);
        if (u.processes == 0)
            continue;
        // CPU needs two samples; the first only sets the baseline.
        if (r->lastSampleMs >= 0 && now > r->lastSampleMs && u.cpuTicks >= r->lastCpuTicks) {
            const double seconds = double(now - r->lastSampleMs) / 1000.0;
            const double cpu =
                double(u.cpuTicks - r->lastCpuTicks) / double(telemetry::ticksPerSecond()) / seconds * 100.0;
            Q_EMIT telemetry(r->plan.rank, m_telemetryStep, cpu, u.rssBytes);
        }
        telemetry::RankGpuUsage g;
        if (!gpus.isEmpty() && telemetry::rankGpuUsage(gpus, u.pids, &g))
            Q_EMIT gpuTelemetry(r->plan.rank, m_telemetryStep, g.utilPercent, g.memoryBytes, g.powerWatts,
                                g.temperatureC);
        r->lastCpuTicks = u.cpuTicks;
        r->lastSampleMs = now;
    }
}

void RunController::emitLine(Rank &r, int stream, const QByteArray &line) {
    if (stream == 2) {
        r.tail << QString::fromUtf8(line);
        while (r.tail.size() > m_options.stderrTailLines)
            r.tail.removeFirst();
    }
    Q_EMIT rankLine(r.plan.rank, stream, line);
}

void RunController::onOutput(Rank &r, int stream) {
    QProcess *p = r.process;
    p->setReadChannel(stream == 1 ? QProcess::StandardOutput : QProcess::StandardError);
    const QByteArray data = p->readAll();
    if (data.isEmpty())
        return;
    r.lastActivityMs = m_clock.elapsed();
    r.watchdogReported = false;
    if (r.log[stream].isOpen() && r.log[stream].write(data) != data.size() && !r.logFailed[stream]) {
        // A full disk: said once; the output still reaches the terminal and the studio's lines.
        r.logFailed[stream] = true;
        Q_EMIT notice(tr("cannot write %1: %2; rank %3's output goes on to the terminal only")
                          .arg(r.log[stream].fileName(), r.log[stream].errorString())
                          .arg(r.plan.rank));
    }
    splitLines(r, stream, data);
}

// Whole lines out of a rank's output, in time linear in the output and memory bounded by MaxLineBytes per
// stream. A '\r' not followed by '\n' starts the line again, as on a terminal, so progress bars (tqdm) keep
// only their latest state; "\r\n" ends a line. A line longer than MaxLineBytes is passed on in pieces of that
// size. The log files keep every byte as written.
void RunController::splitLines(Rank &r, int stream, const QByteArray &data) {
    constexpr qsizetype MaxLineBytes = 1 << 20;
    QByteArray &line = r.pending[stream];
    bool &cr = r.carriageReturn[stream];
    const char *p = data.constData();
    const char *const end = p + data.size();
    while (p < end) {
        const char *stop = p;
        while (stop < end && *stop != '\n' && *stop != '\r')
            ++stop;
        if (stop > p) {
            if (cr) // text after a lone '\r' overwrites the line
                line.clear();
            cr = false;
            const qsizetype n = std::min<qsizetype>(stop - p, MaxLineBytes - line.size());
            line.append(p, n);
            p += n;
            if (p < stop) { // the line is full and goes on: pass on this piece
                emitLine(r, stream, line);
                line.clear();
                continue;
            }
        }
        if (stop == end)
            break;
        if (*stop == '\r') {
            cr = true;
        } else {
            emitLine(r, stream, line);
            line.clear();
            cr = false;
        }
        p = stop + 1;
    }
}

void RunController::onExit(Rank &r, int exitCode, int signal, bool failedToStart, const QString &error) {
    if (std::any_of(m_exits.begin(), m_exits.end(), [&](const RankExit &e) { return e.rank == r.plan.rank; }))
        return; // errorOccurred and finished can both report one exit
    for (int s : {1, 2}) {
        if (!r.pending[s].isEmpty()) {
            emitLine(r, s, r.pending[s]);
            r.pending[s].clear();
        }
        if (r.log[s].isOpen())
            r.log[s].flush();
    }
    if (failedToStart)
        emitLine(r, 2,
                 (RunText::tr("trainyard: cannot start %1: %2").arg(r.plan.argv.value(0), error)).toUtf8());
    r.running = false;
    RankExit e{r.plan.rank, exitCode, signal, failedToStart};
    m_exits << e;
    Q_EMIT rankExited(e);
    const bool failed = failedToStart || signal != 0 || exitCode != 0;
    if (failed && m_state == RunStatus::Running) {
        m_firstFailure = e;
        addEvent(u"failure"_s, e.rank, e.describe());
        beginStopping();
    } else {
        saveRecord();
    }
    if (runningRanks() == 0 && m_exits.size() == qsizetype(m_ranks.size()))
        QTimer::singleShot(0, this, &RunController::finishAttempt);
}

int RunController::runningRanks() const {
    int n = 0;
    for (const auto &r : m_ranks)
        n += r->running || (r->process && r->process->state() != QProcess::NotRunning) ? 1 : 0;
    return n;
}

int RunController::totalRanks() const {
    return int(m_plan.ranksOfMachine(m_plan.machineRank).size());
}

QList<qint64> RunController::pids() const {
    QList<qint64> out;
    for (const auto &r : m_ranks)
        if (r->pid)
            out << r->pid;
    return out;
}

QStringList RunController::stderrTail(int rank) const {
    for (const auto &r : m_ranks)
        if (r->plan.rank == rank)
            return r->tail;
    return {};
}

void RunController::cancelBeforeStart() {
    setState(RunStatus::Cancelled);
    Q_EMIT finished(exitCode());
}

void RunController::killNow() {
    m_graceTimer->stop();
    m_killSent = true;
    signalAll(SIGKILL);
}

void RunController::beginStopping() {
    if (m_state != RunStatus::Running)
        return;
    setState(RunStatus::Stopping);
    m_watchdogTimer->stop();
    m_telemetryTimer->stop();
    signalAll(SIGTERM);
    m_graceTimer->start(m_options.graceMs);
}

// Process groups in our session that still have a live member: a rank and whatever it started, even after the
// rank itself exited. One pass over /proc.
static QSet<pid_t> liveGroups() {
    QSet<pid_t> out;
    const pid_t session = getsid(0);
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const pid_t pid = pid_t(e.toInt(&ok));
        if (!ok)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        // after "(comm)": state ppid pgrp session ...
        const QList<QByteArray> f = line.mid(close + 2).split(' ');
        if (f.size() > 3 && f[0] != "Z" && f[3].toInt() == session)
            out.insert(pid_t(f[2].toInt()));
    }
    return out;
}

void RunController::signalAll(int sig) {
    const QSet<pid_t> groups = liveGroups();
    for (const auto &r : m_ranks) {
        if (r->pid <= 0)
            continue;
        const bool leaderRunning = r->process && r->process->state() != QProcess::NotRunning;
        if (leaderRunning || groups.contains(pid_t(r->pid)))
            ::kill(pid_t(-r->pid), sig); // the rank's process group: the rank and what it started
        if (leaderRunning)
            ::kill(pid_t(r->pid), sig);
    }
}

bool RunController::sweepStragglers() {
    const QSet<pid_t> groups = liveGroups();
    bool left = false;
    for (const auto &r : m_ranks)
        left = left || (r->pid > 0 && groups.contains(pid_t(r->pid)));
    // Processes that left the rank's group or session (setsid, daemons) still carry the run's tag; those that
    // also replaced their environment were handed to this process when their parent ended (processtree.h:
    // the launcher is their subreaper) and are found in the sessions they left for.
    const bool tagged = !taggedProcesses(m_tag).empty();
    const std::vector<pid_t> strays = adoptedStrays();
    if (!left && !tagged && strays.empty())
        return true;
    const auto signalStrays = [&strays](int sig) {
        for (const pid_t pid : strays)
            ::kill(pid, sig);
    };
    if (!m_sweepClock.isValid()) {
        m_sweepClock.start();
        signalAll(SIGTERM);
        killTagged(m_tag, SIGTERM);
        signalStrays(SIGTERM);
    } else if (m_sweepClock.elapsed() >= m_options.graceMs) {
        signalAll(SIGKILL);
        killTagged(m_tag, SIGKILL);
        signalStrays(SIGKILL);
    }
    QTimer::singleShot(100, this, &RunController::finishAttempt);
    return false;
}

void RunController::checkWatchdog() {
    const qint64 now = m_clock.elapsed();
    for (auto &r : m_ranks) {
        if (!r->running || r->watchdogReported)
            continue;
        const qint64 silentMs = now - r->lastActivityMs;
        if (silentMs < qint64(m_options.watchdogSeconds) * 1000)
            continue;
        r->watchdogReported = true;
        addEvent(u"watchdog"_s, r->plan.rank,
                 RunText::tr("rank %1 printed and logged nothing for %2 s")
                     .arg(r->plan.rank)
                     .arg(silentMs / 1000));
        Q_EMIT watchdogFired(r->plan.rank, int(silentMs / 1000));
        if (m_options.watchdogKill && m_state == RunStatus::Running) {
            m_firstFailure = RankExit{r->plan.rank, 0, SIGTERM, false};
            beginStopping();
        }
    }
}

void RunController::finishAttempt() {
    if (m_state == RunStatus::Finished || m_state == RunStatus::Failed || m_state == RunStatus::Cancelled)
        return;
    if (runningRanks() > 0)
        return;
    // Processes a rank started and left behind go with it.
    if (!sweepStragglers())
        return;
    m_graceTimer->stop();
    m_watchdogTimer->stop();
    m_telemetryTimer->stop();
    const bool failed = m_firstFailure.rank >= 0;
    const RunStatus next = afterAttempt(
        failed, true,
        failed ? RunText::tr("rank %1: %2").arg(m_firstFailure.rank).arg(m_firstFailure.describe())
               : QString());
    setState(next);
    if (next == RunStatus::Running) {
        startAttempt();
        return;
    }
    Q_EMIT finished(exitCode());
}

} // namespace trainyard
