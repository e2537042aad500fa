#include "queue.h"

#include "atomicfile.h"
#include "dbwatcher.h"
#include "launch/runrecord.h"
#include "telemetry/nvml.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct QueueRunText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::QueueRunText)
};

bool failWith(QString *error, const QString &why) {
    if (error)
        *error = why;
    return false;
}

QString idsText(const QList<int> &ids) {
    QStringList out;
    for (int id : ids)
        out << QString::number(id);
    return out.join(u',');
}

// What a run's machines are, for telling which runs share one: the hosts of --hosts, or the hostfile's.
QString hostsOf(const LaunchPlan &plan) {
    QStringList hosts;
    for (const auto &h : plan.hosts)
        hosts << h.host;
    return hosts.join(u',');
}

// Variables a queued run must not take from the shell that queued it: the studio's own, and the GPU ids the
// runner chooses.
bool keptFromShell(const QString &name) {
    return !name.startsWith(u"TRAINYARD_STUDIO_"_s) && name != u"CUDA_VISIBLE_DEVICES"_s &&
           name != u"CUDA_DEVICE_ORDER"_s;
}
} // namespace

RunRecord queuedRecord(const QString &runId, const QString &name, const LaunchPlan &plan,
                       const QStringList &words) {
    RunRecord record;
    record.id = runId;
    record.name = name;
    record.status = RunStatus::Queued;
    record.created = QDateTime::currentDateTime();
    record.host = QHostInfo::localHostName();
    record.workingDirectory = QDir::currentPath();
    record.argv = redactedCommandLine(QStringList{u"trainyard"_s, u"launch"_s} + words);
    record.configFile = plan.configFile.isEmpty() ? QString() : QFileInfo(plan.configFile).absoluteFilePath();
    return record;
}

RunRow queuedRow(const RunRecord &record, const QString &runDir) {
    RunRow row;
    row.uid = record.id;
    row.name = record.name;
    row.status = RunStatus::Queued;
    row.createdMs = record.created.toMSecsSinceEpoch();
    row.host = record.host;
    row.user = currentUserName();
    row.runDir = runDir;
    row.workingDirectory = record.workingDirectory;
    row.command = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(record.argv)).toJson(QJsonDocument::Compact));
    return row;
}

bool enqueueRun(const LaunchPlan &plan, const LaunchArgs &la, const QStringList &words,
                const QueueRequest &req, QueuedRun *out, QString *error) {
    QueuedRun q;
    q.runId = newRunId();
    q.name = runName(la.runName, la.script, q.runId);
    q.runDir = runsDirectory(la.db) + u'/' + q.runId;
    q.databasePath = databasePath(la.db);
    if (QString e; refusedDatabaseLocation(q.databasePath, &e)) // before the run's folder is made
        return failWith(error, QueueRunText::tr("cannot open the run database %1").arg(e));
    // The database first: one out of reach (a server) leaves no run folder behind.
    QueueStore store;
    if (QString e; !store.open(q.databasePath, &e))
        return failWith(error, QueueRunText::tr("cannot open the run database %1").arg(e));
    if (!makePrivateFolder(q.runDir))
        return failWith(error, QueueRunText::tr("cannot create the run folder %1").arg(q.runDir));
    const RunRecord record = queuedRecord(q.runId, q.name, plan, words);
    QString e;
    if (!JsonRunRecorder(q.runDir + u"/run.json"_s).save(record, &e))
        return failWith(error, QueueRunText::tr("cannot write %1/run.json: %2").arg(q.runDir, e));
    const RunRow row = queuedRow(record, q.runDir);
    QueueEntry entry;
    entry.gpus = req.gpus;
    entry.cpuSlots = req.gpus > 0 || !plan.hosts.isEmpty() ? 0 : std::max(1, req.cpuSlots);
    entry.hosts = hostsOf(plan);
    entry.words = words;
    entry.workingDirectory = record.workingDirectory;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A server is read by others: its queue keeps no secret of the shell's (tokens, passwords, the URL's
    // password); the runner gives the run its own values of those when it starts it.
    const bool shared = isServerUrl(q.databasePath);
    for (const QString &name : env.keys())
        if (keptFromShell(name) && !(shared && looksSecret(name))) // PGPASSWORD too
            entry.env.insert(name, shared ? withoutPassword(env.value(name)) : env.value(name));
    q.rowId = store.add(row, entry, &e, req.params, req.tags);
    if (!q.rowId) {
        QDir(q.runDir).removeRecursively();
        return failWith(error, QueueRunText::tr("cannot queue the run in %1: %2").arg(q.databasePath, e));
    }
    if (out)
        *out = q;
    return true;
}

bool removeQueuedRun(const QString &databasePath, qint64 runId, QString *error) {
    QueueStore store;
    if (!store.open(databasePath, error))
        return false;
    const std::optional<QueueEntry> e = store.entry(runId, error);
    if (!e)
        return failWith(error, QueueRunText::tr("run %1 is not in the queue").arg(runId));
    if (e->state() != QueueEntry::State::Waiting && e->state() != QueueEntry::State::Done)
        return failWith(error,
                        QueueRunText::tr("run %1 is %2: stop it first (Stop in the studio, or `kill -INT "
                                         "%3`, its launcher)")
                            .arg(e->uid, queueStateName(e->state()), e->launcher.section(u' ', 2, 2)));
    // A run that ended leaves the queue and stays a run; one that never started goes, as `runs rm` does.
    if (e->state() == QueueEntry::State::Done)
        return store.forget(runId, error);
    return removeRun(databasePath, runId, error);
}

QueueRunner::QueueRunner(QueueRunnerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nvml(std::make_unique<telemetry::Nvml>()) {}

QueueRunner::~QueueRunner() {
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the lock
}

QString QueueRunner::lockPath(const QString &databasePath) {
    if (!isServerUrl(databasePath))
        return databasePath + u".queue-lock"_s;
    // A server's queue: one runner per machine (each serves its own GPUs; claim() keeps two machines from
    // taking the same run), its lock where the default database lives, named by the server without password.
    const QByteArray server = withoutPassword(databasePath).toUtf8();
    return QFileInfo(defaultDatabaseFile()).absolutePath() + u"/server-"_s +
           QString::fromLatin1(QCryptographicHash::hash(server, QCryptographicHash::Sha1).toHex().left(12)) +
           u".queue-lock"_s;
}

bool QueueRunner::start(QString *error) {
    if (QString e;
        refusedDatabaseLocation(m_options.databasePath, &e)) // before its lock file is made beside it
        return failWith(error, QueueRunText::tr("cannot open the run database %1").arg(e));
    // The database first: one out of reach (a server) leaves no lock file behind.
    if (QString e; !m_store.open(m_options.databasePath, &e))
        return failWith(error, QueueRunText::tr("cannot open the run database %1").arg(e));
    const QString lock = lockPath(m_options.databasePath);
    makePrivateFolder(QFileInfo(lock).absolutePath());
    m_lockFd = ::open(QFile::encodeName(lock).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0)
        return failWith(
            error, QueueRunText::tr("cannot open %1: %2").arg(lock, QString::fromLocal8Bit(strerror(errno))));
    // flock: the kernel lets it go when the runner dies, however it dies.
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        char buf[32] = {};
        const ssize_t n = ::pread(m_lockFd, buf, sizeof buf - 1, 0);
        ::close(m_lockFd);
        m_lockFd = -1;
        return failWith(
            error, QueueRunText::tr("another queue runner (pid %1) serves %2")
                       .arg(QString::fromLatin1(buf, n > 0 ? int(n) : 0).trimmed(), m_options.databasePath));
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(m_lockFd, 0) != 0 || ::pwrite(m_lockFd, pid.constData(), size_t(pid.size()), 0) < 0) {
        // The pid is only for the message another runner gives; the lock holds without it.
    }
    // NVML tells which GPUs another program uses, whether the pool is declared or NVML's own.
    m_nvml->load();
    if (m_options.gpusGiven) {
        m_pool = m_options.gpus;
    } else if (m_nvml->loaded()) {
        for (const telemetry::GpuSample &g : m_nvml->sample())
            m_pool << g.index;
    }
    // A change to the database (a run queued, moved, ended) is seen within pollMs; the timer catches what
    // changes nothing there (a launcher that died before it took its run, a GPU another program let go).
    m_watcher = new DatabaseWatcher(this);
    connect(m_watcher, &DatabaseWatcher::changed, this, &QueueRunner::schedule);
    m_watcher->watch(m_options.databasePath, m_options.pollMs);
    auto *timer = new QTimer(this);
    timer->setInterval(500);
    connect(timer, &QTimer::timeout, this, &QueueRunner::schedule);
    timer->start();
    schedule();
    return true;
}

void QueueRunner::schedule() {
    if (m_scheduling)
        return;
    m_scheduling = true;
    m_store.reapDeadRuns();
    QString e;
    const QList<QueueEntry> entries = m_store.entries(false, &e);
    if (!e.isEmpty()) {
        Q_EMIT notice(QueueRunText::tr("cannot read the queue: %1").arg(e));
        m_scheduling = false;
        return;
    }
    // Runs started before that ended since: told once.
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        const auto found = std::find_if(entries.cbegin(), entries.cend(),
                                        [&](const QueueEntry &q) { return q.runId == it.key(); });
        if (found == entries.cend()) {
            const std::optional<QueueEntry> done = m_store.entry(it.key());
            if (done)
                Q_EMIT runEnded(done->uid, done->name, done->status);
            it = m_seen.erase(it);
        } else {
            ++it;
        }
    }
    // What the started runs hold.
    QSet<int> heldGpus;
    QSet<QString> heldHosts;
    int heldSlots = 0;
    QList<QueueEntry> waiting;
    for (const QueueEntry &q : entries) {
        switch (q.state()) {
        case QueueEntry::State::Waiting:
            waiting << q;
            continue;
        case QueueEntry::State::Starting:
            if (q.launcher.startsWith(u"starting "_s)) {
                // Taken by a runner that died before its launcher started (this runner starts its launchers
                // in the same step it takes a run): it waits again, at its place.
                m_store.release(q.runId, nullptr);
                waiting << q;
                continue;
            }
            if (!launcherRunning(q.launcher)) {
                // Its launcher ended without making the run its own: a failed start, said in its log.
                const QString why = QueueRunText::tr("its launcher ended before it started the run; its "
                                                     "output is in %1/launcher.log")
                                        .arg(runsDirectory(m_options.databasePath) + u'/' + q.uid);
                if (!m_store.failStart(q.runId, 1, why, &e))
                    Q_EMIT notice(QueueRunText::tr("cannot record run %1 as failed: %2").arg(q.uid, e));
                Q_EMIT notice(QueueRunText::tr("run %1: %2").arg(q.uid, why));
                continue;
            }
            break;
        case QueueEntry::State::Running:
            break;
        case QueueEntry::State::Done:
            continue;
        }
        m_seen.insert(q.runId, q.status);
        for (int id : q.devices)
            heldGpus.insert(id);
        if (!q.hosts.isEmpty())
            for (const QString &h : q.hosts.split(u','))
                heldHosts.insert(h);
        heldSlots += q.cpuSlots;
    }
    bool started = false;
    if (!m_store.paused()) {
        // A GPU of the pool that a program the queue did not start uses is not free (NVML's processes).
        QSet<int> busy = heldGpus;
        if (m_nvml->loaded())
            for (const telemetry::GpuSample &g : m_nvml->sample())
                if (!g.processes.isEmpty() && !heldGpus.contains(g.index))
                    busy.insert(g.index);
        QList<int> free;
        for (int id : std::as_const(m_pool))
            if (!busy.contains(id))
                free << id;
        // In order: the first run that does not fit holds back those behind it (none jumps the queue; `queue
        // move` changes the order). A run that can never fit is passed over, and said once.
        for (const QueueEntry &q : std::as_const(waiting)) {
            const bool never = q.gpus > m_pool.size() || q.cpuSlots > m_options.cpuSlots;
            if (never) {
                if (!m_toldNeverFits.contains(q.runId)) {
                    m_toldNeverFits.insert(q.runId);
                    Q_EMIT notice(
                        q.gpus > m_pool.size()
                            ? QueueRunText::tr(
                                  "run %1 asks for %2 GPU(s); the pool has %3 (%4): it waits until a "
                                  "runner with more starts")
                                  .arg(q.uid)
                                  .arg(q.gpus)
                                  .arg(m_pool.size())
                                  .arg(idsText(m_pool))
                            : QueueRunText::tr("run %1 asks for %2 CPU slot(s); this runner has %3")
                                  .arg(q.uid)
                                  .arg(q.cpuSlots)
                                  .arg(m_options.cpuSlots));
                }
                continue;
            }
            bool fits = q.gpus <= free.size() && heldSlots + q.cpuSlots <= m_options.cpuSlots;
            if (!q.hosts.isEmpty())
                for (const QString &h : q.hosts.split(u','))
                    fits = fits && !heldHosts.contains(h);
            if (!fits)
                break;
            const QList<int> gpus = free.mid(0, q.gpus);
            if (!startRun(q, gpus, &e)) {
                if (!e.isEmpty())
                    Q_EMIT notice(QueueRunText::tr("cannot start run %1: %2").arg(q.uid, e));
                continue;
            }
            started = true;
            free.remove(0, q.gpus);
            heldSlots += q.cpuSlots;
            if (!q.hosts.isEmpty())
                for (const QString &h : q.hosts.split(u','))
                    heldHosts.insert(h);
            m_seen.insert(q.runId, RunStatus::Queued);
        }
    }
    const bool canStart = std::any_of(waiting.cbegin(), waiting.cend(), [&](const QueueEntry &q) {
        return !m_toldNeverFits.contains(q.runId);
    });
    const bool idle = m_seen.isEmpty() && !started && (!canStart || m_store.paused());
    if (idle != m_idle) {
        m_idle = idle;
        Q_EMIT idleChanged(idle);
    }
    m_scheduling = false;
}

bool QueueRunner::startRun(const QueueEntry &q, const QList<int> &gpus, QString *error) {
    if (!m_store.claim(q.runId, gpus, u"starting "_s + launcherIdentity(), error))
        return false; // removed or taken meanwhile: not an error
    const QString runDir = runsDirectory(m_options.databasePath) + u'/' + q.uid;
    // A server's password reaches the launcher in its environment, never on its command line.
    QStringList args{u"launch"_s, u"--db"_s, withoutPassword(m_options.databasePath), u"--queued-run"_s,
                     q.uid};
    QProcessEnvironment env;
    for (auto it = q.env.cbegin(); it != q.env.cend(); ++it)
        env.insert(it.key(), it.value());
    env.insert(u"TRAINYARD_DB"_s, m_options.databasePath);
    if (isServerUrl(m_options.databasePath)) {
        const QProcessEnvironment own = QProcessEnvironment::systemEnvironment();
        for (const QString &name : own.keys())
            if (looksSecret(name) && !env.contains(name))
                env.insert(name, own.value(name));
    }
    if (q.hosts.isEmpty()) {
        // The ranks see the GPUs they were given and no other (none for a CPU run), numbered as NVML numbers
        // them.
        env.insert(u"CUDA_VISIBLE_DEVICES"_s, idsText(gpus));
        env.insert(u"CUDA_DEVICE_ORDER"_s, u"PCI_BUS_ID"_s);
        if (!gpus.isEmpty())
            args << u"--gpu_ids"_s << idsText(gpus);
    }
    args << q.words;
    QProcess p;
    p.setProgram(m_options.program);
    p.setArguments(args);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(q.workingDirectory);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(runDir + u"/launcher.log"_s, QIODevice::Append);
    p.setStandardErrorFile(runDir + u"/launcher.log"_s, QIODevice::Append);
    qint64 pid = 0;
    // Detached, in a session of its own: the run keeps its launcher when the runner stops or is killed.
    if (!p.startDetached(&pid)) {
        const QString why = QueueRunText::tr("cannot start %1: %2").arg(m_options.program, p.errorString());
        m_store.failStart(q.runId, 1, why, nullptr);
        return failWith(error, why);
    }
    m_store.setLauncher(q.runId, launcherIdentityOf(pid), nullptr);
    Q_EMIT runStarted(q.uid, q.name, gpus);
    return true;
}

} // namespace trainyard
