#include "launchsession.h"

#include "config/accelerateconfig.h"
#include "executors.h"
#include "launch/runrecord.h"
#include "livepush.h"
#include "provenance.h"
#include "system/atomicfile.h"
#include "tbfollower.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTimer>
#include <csignal>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct SessionText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::SessionText)
};
} // namespace

// Keeps the run's row in the run database in step with the record (written on the ingest server's thread, so
// the owner's thread never waits on SQLite, and retried while another process holds the write lock), and
// run.json beside the logs.
class LaunchSession::Recorder : public RunRecorder {
public:
    Recorder(IngestServer *server, qint64 runId, const QString &jsonPath)
        : m_server(server)
        , m_runId(runId)
        , m_json(jsonPath)
        , m_launcher(launcherIdentity()) {}
    // The run's name from now on (the tracker's project name), written at once and with every later save.
    void rename(const QString &name) {
        m_name = name;
        if (m_last.id.isEmpty())
            return;
        QString ignored;
        save(m_last, &ignored);
    }
    bool save(const RunRecord &given, QString *error) override {
        m_last = given;
        RunRecord record = given;
        if (!m_name.isEmpty())
            record.name = m_name;
        RunRow row;
        row.id = m_runId;
        row.uid = record.id;
        row.name = record.name;
        row.status = record.status;
        row.createdMs = record.created.toMSecsSinceEpoch();
        row.startedMs = record.started.isValid() ? record.started.toMSecsSinceEpoch() : 0;
        row.endedMs = record.ended.isValid() ? record.ended.toMSecsSinceEpoch() : 0;
        row.failedRank = record.failedRank;
        row.exitCode = record.failedExitCode;
        row.host = record.host;
        row.workingDirectory = record.workingDirectory;
        row.command = QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(record.argv)).toJson(QJsonDocument::Compact));
        row.config = QString::fromUtf8(record.configSnapshot);
        row.runDir = QFileInfo(m_json.path()).absolutePath();
        row.launcher = m_launcher;
        row.heartbeatMs = QDateTime::currentMSecsSinceEpoch();
        QJsonObject refusals;
        const IngestStats stats = m_server->stats();
        for (auto it = stats.rejected.cbegin(); it != stats.rejected.cend(); ++it)
            refusals.insert(it.key(), double(it.value()));
        if (!refusals.isEmpty())
            row.ingestRefusals = QString::fromUtf8(QJsonDocument(refusals).toJson(QJsonDocument::Compact));
        m_server->recordRun(row);
        return m_json.save(record, error);
    }

private:
    IngestServer *m_server;
    qint64 m_runId;
    JsonRunRecorder m_json;
    QString m_launcher;
    QString m_name;
    RunRecord m_last;

public:
    const RunRecord &last() const { return m_last; }
};

LaunchSession::LaunchSession(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &commandLine,
                             QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_args(args)
    , m_commandLine(commandLine) {}

LaunchSession::~LaunchSession() {
    close(0, nullptr);
}

bool LaunchSession::close(int timeoutMs, QString *error) {
    // A run shorter than its provenance probes (git, the interpreter) waits for them a little, so that what
    // they find is stored with the run.
    if (m_provenance)
        m_provenance->start(); // when the run ended before its ranks ran
    if (m_provenance && !m_provenance->isFinished() && timeoutMs > 0) {
        QEventLoop wait;
        connect(m_provenance, &ProvenanceProbe::finished, &wait, &QEventLoop::quit);
        QTimer::singleShot(std::min(timeoutMs, 5000), &wait, &QEventLoop::quit);
        wait.exec();
    }
    // Any rank still running is killed and the run recorded as cancelled before the ingest server goes; the
    // server then commits what it holds (points and the final row), retrying while the database is busy.
    m_controller.reset();
    stopFollowing();
    const RunRecord last = m_recorder ? m_recorder->last() : RunRecord{};
    m_recorder.reset();
    if (!m_ingest.server())
        return true;
    m_ingest.server()->endHeartbeat(m_dbRunId);
    const bool ok = m_ingest.stop(timeoutMs, error);
    m_lastStats = m_ingest.lastStats();
    if (ok) {
        m_outcome.release();
    } else if (!last.id.isEmpty()) {
        // The ranks' outcome, apart from the record's: readers show it, with what could not be stored.
        RunOutcome outcome;
        outcome.status = last.status;
        outcome.exitCode = last.failedExitCode;
        outcome.failedRank = last.failedRank;
        outcome.endedMs =
            last.ended.isValid() ? last.ended.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
        outcome.pointsUnstored = m_lastStats.unstoredPoints;
        outcome.error = error ? *error : QString();
        QString why;
        m_outcomeKept = m_outcome.write(outcome, &why);
        if (!m_outcomeKept && error)
            *error = SessionText::tr("%1; the run's outcome could not be kept either (%2)").arg(*error, why);
    }
    return ok;
}

bool LaunchSession::multiMachine() const {
    return executorFor(m_plan, m_args).remote();
}

int LaunchSession::localRanks() const {
    return multiMachine() ? 0 : int(m_plan.ranksOfMachine(m_plan.machineRank).size());
}

void LaunchSession::recordLog(int rank, const QString &kind, const QString &text) {
    IngestServer *server = m_ingest.server();
    if (!server)
        return;
    QMetaObject::invokeMethod(server, [server, runId = m_dbRunId, uid = m_runId, rank, kind, text] {
        server->storeLocalLog(runId, uid, rank, kind, text);
    });
}

void LaunchSession::startFollowing() {
    TensorBoardFollower::Options options;
    options.root = m_args.tensorboardDir.isEmpty() ? QDir::currentPath() : m_args.tensorboardDir;
    options.since = QDateTime::currentDateTime(); // before any rank starts: older files are an earlier run's
    m_follower = new TensorBoardFollower(options);
    m_follower->moveToThread(&m_followerThread);
    IngestServer *server = m_ingest.server();
    const qint64 runId = m_dbRunId;
    const QString uid = m_runId;
    connect(m_follower, &TensorBoardFollower::scalars, server,
            [server, runId, uid](int rank, const QStringList &keys, const std::vector<KeyedPoint> &points) {
                server->storeLocal(runId, uid, rank, keys, points);
            });
    connect(m_follower, &TensorBoardFollower::hparams, server,
            [server, runId, uid](const QMap<QString, QString> &params) {
                QJsonObject o;
                for (auto it = params.cbegin(); it != params.cend(); ++it)
                    o.insert(it.key(), it.value());
                server->storeLocalEvent(runId, uid, 0, QJsonObject{{u"params"_s, o}});
            });
    connect(m_follower, &TensorBoardFollower::problem, server, [server, runId, uid](const QString &text) {
        server->storeLocalLog(runId, uid, 0, u"tensorboard"_s, text);
    });
    // A captured SummaryWriter's files are the hook's: their points are in the run already.
    connect(server, &IngestServer::logged, m_follower,
            [follower = m_follower](const QString &, int, const QString &kind, const QString &text) {
                if (kind == u"capture"_s && text.startsWith(u"tensorboard "_s))
                    follower->ignoreFolder(text.mid(12));
            });
    connect(&m_followerThread, &QThread::started, m_follower, &TensorBoardFollower::start);
    connect(&m_followerThread, &QThread::finished, m_follower, &QObject::deleteLater);
    m_followerThread.setObjectName(u"tensorboard-follower"_s);
    m_followerThread.start();
}

void LaunchSession::stopFollowing() {
    if (!m_follower)
        return;
    // The last records the ranks wrote, read on the follower's thread; their points are queued to the
    // ingest server before it drains.
    QMetaObject::invokeMethod(m_follower, &TensorBoardFollower::finish, Qt::BlockingQueuedConnection);
    m_followerThread.quit();
    m_followerThread.wait();
    m_follower = nullptr;
}

QString LaunchSession::pythonBootDir() {
    return QDir(
               QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(TRAINYARD_BOOT_FROM_BIN)))
        .absolutePath();
}

QString LaunchSession::helpersDir() {
    return QDir(QDir(QCoreApplication::applicationDirPath())
                    .filePath(QStringLiteral(TRAINYARD_HELPERS_FROM_BIN)))
        .absolutePath();
}

QString LaunchSession::trainyardProgram() {
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(u"trainyard"_s);
    return QFileInfo(beside).isExecutable() ? beside : QStandardPaths::findExecutable(u"trainyard"_s);
}

QString LaunchSession::stackFile(int rank) const {
    return m_runDir + u"/stacks-rank-%1.txt"_s.arg(rank);
}

int LaunchSession::dumpStacks(const QList<int> &ranks, const QString &reason) {
    int asked = 0;
    for (const int rank : ranks) {
        const qint64 pid = m_rankPids.value(rank);
        QFile f(stackFile(rank));
        if (pid <= 0 || !f.open(QIODevice::ReadWrite | QIODevice::Append))
            continue;
        // Only a process that registered the handler gets the signal: SIGUSR1 would end any other.
        f.seek(0);
        if (!f.readAll().contains(
                QByteArray("trainyard: pid ").append(QByteArray::number(pid)).append(" ready\n")))
            continue;
        f.write(u"\n=== %1, %2 ===\n"_s.arg(reason, QDateTime::currentDateTime().toString(Qt::ISODateWithMs))
                    .toUtf8());
        f.close();
        if (::kill(pid_t(pid), SIGUSR1) == 0)
            ++asked;
    }
    return asked;
}

QString LaunchSession::pythonTrackerDir() {
    // Relative to the program, installed or built (the build tree mirrors the installed layout).
    return QDir(QDir(QCoreApplication::applicationDirPath())
                    .filePath(QStringLiteral(TRAINYARD_PYTHON_FROM_BIN)))
        .absolutePath();
}

bool LaunchSession::prepare(QString *error) {
    auto fail = [&](const QString &msg) {
        if (error)
            *error = msg;
        return false;
    };
    // A run recorded before its launcher started (a Slurm job's, a queued one's) is taken over, not created.
    const QString adopted = m_args.slurmJob.isEmpty() ? m_args.queuedRun : m_args.slurmJob;
    const bool adopting = !adopted.isEmpty();
    m_runId = adopting ? adopted : newRunId();
    if (QString e; refusedDatabaseLocation(trainyard::databasePath(m_args.db), &e))
        return fail(SessionText::tr("cannot open the run database %1").arg(e)); // before any folder is made
    m_dbPath = trainyard::databasePath(m_args.db);
    StoreWriter store; // only to create the row; the ingest thread's writer keeps it up to date
    // Opened before the run's folder is made: a server out of reach leaves nothing behind.
    if (QString e; !store.open(m_dbPath, &e))
        return fail(SessionText::tr("cannot open the run database %1").arg(e));
    m_runDir = runsDirectory(m_args.db) + u'/' + m_runId;
    if (!makePrivateFolder(m_runDir))
        return fail(SessionText::tr("cannot create the run folder %1").arg(m_runDir));
    RunRecord record;
    if (adopting) // the submitting launcher's record: its events and Slurm job stay in it
        JsonRunRecorder::load(m_runDir + u"/run.json"_s, &record, nullptr);
    record.id = m_runId;
    m_name = trainyard::runName(m_args.runName, m_args.script, m_runId);
    if (adopting && !record.name.isEmpty())
        m_name = record.name;
    record.name = m_name;
    if (!record.created.isValid())
        record.created = QDateTime::currentDateTime();
    record.host = QHostInfo::localHostName();
    record.workingDirectory = QDir::currentPath();
    // Secrets given with --env (WANDB_API_KEY=...) reach the ranks, never the record.
    if (!adopting)
        record.argv = redactedCommandLine(QStringList{u"trainyard"_s, u"launch"_s} + m_commandLine);
    if (!m_plan.ranks.isEmpty())
        record.env = redactedEnvironment(m_plan.ranksOfMachine(m_plan.machineRank).value(0).env);
    if (!m_plan.configFile.isEmpty()) {
        record.configFile = QFileInfo(m_plan.configFile).absoluteFilePath();
        QFile f(m_plan.configFile);
        if (f.open(QIODevice::ReadOnly))
            record.configSnapshot = f.read(MaxConfigBytes);
        writeFileAtomically(m_runDir + u"/config.yaml"_s, record.configSnapshot, nullptr, 0600);
    }
    QString e;
    RunStatus adoptedStatus = RunStatus::Created;
    if (adopting) {
        StoreReader reader;
        std::optional<RunRow> existing;
        if (reader.open(m_dbPath, &e))
            existing = reader.runByUid(m_runId);
        if (!existing)
            return fail(SessionText::tr("run %1 is not in %2 (it is created by `trainyard launch --slurm` or "
                                        "`trainyard queue add`)")
                            .arg(m_runId, withoutPassword(m_dbPath)));
        if (!m_args.queuedRun.isEmpty() && existing->status != RunStatus::Queued)
            return fail(SessionText::tr("run %1 is %2, not queued: it was started already")
                            .arg(m_runId, runStatusName(existing->status)));
        m_dbRunId = existing->id;
        adoptedStatus = existing->status;
    }
    RunRow row;
    row.status = adopting ? adoptedStatus : RunStatus::Created;
    row.uid = m_runId;
    row.name = m_name;
    row.createdMs = record.created.toMSecsSinceEpoch();
    row.launcher = launcherIdentity();
    row.heartbeatMs = QDateTime::currentMSecsSinceEpoch();
    row.host = record.host;
    row.user = currentUserName();
    row.runDir = m_runDir;
    if (!adopting)
        m_dbRunId = store.createRun(row, &e);
    if (!m_dbRunId)
        return fail(SessionText::tr("cannot record the run in %1: %2").arg(withoutPassword(m_dbPath), e));
    if (!m_ingest.start(m_dbPath, &e))
        return fail(SessionText::tr("cannot start the metrics server: %1").arg(e));
    const QByteArray token = QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                             QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    m_ingest.server()->registerRun(m_runId, m_dbRunId, token);
    // A studio that started this launcher listens for the committed points (livepush.h); the variable is the
    // launcher's alone, so no rank inherits it.
    // It also hears of the run's states, named with the launch's name the studio gave (no output to parse).
    const QString studio = qEnvironmentVariable(StudioPushVariable);
    const QString launch = qEnvironmentVariable(StudioLaunchVariable);
    qunsetenv(StudioPushVariable);
    qunsetenv(StudioLaunchVariable);
    row.id = m_dbRunId;
    if (!studio.isEmpty())
        QMetaObject::invokeMethod(m_ingest.server(), [server = m_ingest.server(), studio, launch, row] {
            server->pushTo(studio, launch, row);
        });
    LaunchPlan runnable = m_plan;
    const QString trackerDir = pythonTrackerDir(), bootDir = pythonBootDir();
    const Executor &executor = executorFor(m_plan, m_args);
    const bool remote = executor.remote();
    for (RankPlan &r : runnable.ranks) {
        r.env[u"TRAINYARD_TRACKER_TOKEN"_s] = QString::fromLatin1(token);
        r.env[u"TRAINYARD_RUN_ID"_s] = m_runId;
        r.env[u"TRAINYARD_RUN_NAME"_s] = m_name;
        // The start-up hook records what the script gives accelerate, Trainer, Lightning, SummaryWriter.
        r.env[u"TRAINYARD_CAPTURE"_s] = m_args.noCapture ? u"0"_s : u"1"_s;
        if (remote)
            continue; // each machine's agent gives its ranks its metrics relay and its own tracker
        r.env[u"TRAINYARD_TRACKER"_s] = u"127.0.0.1:%1"_s.arg(m_ingest.port());
        // Python ranks register for stack dumps at start-up (the boot folder's sitecustomize).
        r.env[u"TRAINYARD_STACK_FILE"_s] = stackFile(r.rank);
        const QString pythonPath = r.env.value(u"PYTHONPATH"_s, qEnvironmentVariable("PYTHONPATH"));
        const QString ours = bootDir + u':' + trackerDir;
        r.env[u"PYTHONPATH"_s] = pythonPath.isEmpty() ? ours : ours + u':' + pythonPath;
    }
    m_recorder = std::make_unique<Recorder>(m_ingest.server(), m_dbRunId, m_runDir + u"/run.json"_s);
    // Room for the run's outcome while the disk has it: should the database refuse the final record (a full
    // disk), the outcome is written over these bytes and readers take the run's status from there.
    if (QString why; !m_outcome.reserve(m_runDir, &why))
        qWarning("trainyard: %s",
                 qPrintable(SessionText::tr("cannot reserve the run's outcome file: %1").arg(why)));
    RunOptions options;
    options.runDirectory = m_runDir;
    options.graceMs = int(m_args.graceSeconds * 1000);
    options.maxRestarts = int(m_args.get(u"max_restarts"_s).toInt());
    options.watchdogSeconds = m_args.watchdogSeconds;
    options.watchdogKill = m_args.watchdogKill;
    ExecutorContext context;
    context.options = options;
    context.ingestPort = m_ingest.port();
    m_controller = executor.supervisor(runnable, m_args, context, &e);
    if (!m_controller)
        return fail(e);
    m_controller->setRecord(record, m_recorder.get());
    // A run without --name takes its tracker's project name (TrainyardTracker("my-project")), with the short
    // id, from the first rank that gives one.
    connect(m_ingest.server(), &IngestServer::tagged, this,
            [this](const QString &, int, const QMap<QString, QString> &tags) {
                const QString project = tags.value(u"project"_s).trimmed();
                if (project.isEmpty() || !m_args.runName.isEmpty() || m_named)
                    return;
                m_named = true;
                m_name = project + u'-' + m_runId.right(4);
                m_recorder->rename(m_name);
            });
    // The watchdog's findings go into the run's log, so that every studio and `runs show` see which ranks are
    // silent: "silent SECONDS" when it fires, "active" when the rank prints or logs again.
    connect(m_controller.get(), &RankSupervisor::watchdogFired, this, [this](int rank, int seconds) {
        m_silent.insert(rank);
        recordLog(rank, u"watchdog"_s, u"silent %1"_s.arg(seconds));
    });
    connect(m_controller.get(), &RankSupervisor::rankStarted, this, [this](int rank, qint64 pid, int) {
        if (multiMachine()) // a remote rank's pid is another machine's
            return;
        m_rankPids.insert(rank, pid);
        if (m_follower) // its event files are that rank's
            QMetaObject::invokeMethod(m_follower, [f = m_follower, pid, rank] { f->setRankPid(pid, rank); });
    });
    connect(m_controller.get(), &RankSupervisor::rankLine, this, [this](int rank, int, const QByteArray &) {
        if (m_silent.remove(rank))
            recordLog(rank, u"watchdog"_s, u"active"_s);
    });
    connect(m_ingest.server(), &IngestServer::stored, this,
            [this](const QString &, int rank, qint64, const QString &key, double value) {
                if (m_silent.remove(rank))
                    recordLog(rank, u"watchdog"_s, u"active"_s);
                m_controller->noteActivity(rank);
                if (!key.isEmpty())
                    Q_EMIT metricStored(rank, key, value);
            });
    // Each rank's process tree, about once a second, as ordinary series of that rank (docs/DATABASE.md).
    connect(
        m_controller.get(), &RankSupervisor::telemetry, this,
        [this](int rank, qint64 step, double cpuPercent, qint64 rssBytes) {
            IngestServer *server = m_ingest.server();
            if (!server)
                return;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const qint64 runId = m_dbRunId;
            const QString uid = m_runId;
            QMetaObject::invokeMethod(server, [server, runId, uid, rank, step, cpuPercent, rssBytes, now] {
                server->storeLocal(
                    runId, uid, rank, {u"system/cpu_percent"_s, u"system/rss_bytes"_s},
                    {KeyedPoint{0, step, cpuPercent, now}, KeyedPoint{1, step, double(rssBytes), now}});
            });
        });
    connect(m_controller.get(), &RankSupervisor::gpuTelemetry, this,
            [this](int rank, qint64 step, double util, qint64 memory, double power, double temp) {
                IngestServer *server = m_ingest.server();
                if (!server)
                    return;
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                const qint64 runId = m_dbRunId;
                const QString uid = m_runId;
                QMetaObject::invokeMethod(server, [=] {
                    server->storeLocal(runId, uid, rank,
                                       {u"system/gpu_util_percent"_s, u"system/gpu_memory_bytes"_s,
                                        u"system/gpu_power_watts"_s, u"system/gpu_temperature_c"_s},
                                       {KeyedPoint{0, step, util, now},
                                        KeyedPoint{1, step, double(memory), now},
                                        KeyedPoint{2, step, power, now}, KeyedPoint{3, step, temp, now}});
                });
            });
    connect(m_ingest.server(), &IngestServer::storeTrouble, this, &LaunchSession::storeTrouble);
    connect(m_ingest.server(), &IngestServer::storeRecovered, this, &LaunchSession::storeRecovered);
    startFollowing();
    startProvenance();
    return true;
}

void LaunchSession::startProvenance() {
    // The code is where the script is (a module or a program on PATH: the working directory).
    const QFileInfo script(m_args.script);
    const QString codeDir = script.exists() ? script.absolutePath() : QDir::currentPath();
    // A Python launch starts an interpreter: the first word of rank 0's command.
    const RankPlan first = m_plan.ranksOfMachine(m_plan.machineRank).value(0);
    const QString program = first.argv.value(0);
    const QString python = QFileInfo(program).fileName().startsWith(u"python"_s) ? program : QString();
    std::optional<QString> visible;
    if (first.env.contains(u"CUDA_VISIBLE_DEVICES"_s))
        visible = first.env.value(u"CUDA_VISIBLE_DEVICES"_s);
    else if (qEnvironmentVariableIsSet("CUDA_VISIBLE_DEVICES"))
        visible = qEnvironmentVariable("CUDA_VISIBLE_DEVICES");
    m_provenance = new ProvenanceProbe(codeDir, python, visible, this);
    connect(m_provenance, &ProvenanceProbe::finished, this, [this](const Provenance &p) {
        // Beside the run: what was found, and the uncommitted changes as a patch (`git apply` restores them).
        QJsonObject o = p.toJson();
        writeFileAtomically(m_runDir + u"/provenance.json"_s, QJsonDocument(o).toJson(), nullptr, 0600);
        if (p.gitDirty)
            writeFileAtomically(m_runDir + u"/git.diff"_s, p.gitDiff, nullptr, 0600);
        // In the database, as the run's tags (runs show, the studio, filters).
        IngestServer *server = m_ingest.server();
        const QMap<QString, QString> tags = p.tags();
        if (!server || tags.isEmpty())
            return;
        QJsonObject t;
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            t.insert(it.key(), it.value());
        QMetaObject::invokeMethod(server, [server, runId = m_dbRunId, uid = m_runId, t] {
            server->storeLocalEvent(runId, uid, 0, QJsonObject{{u"tags"_s, t}});
        });
    });
    // Once the ranks run (they start first: the probes take some CPU), or when the run ends before that.
    connect(m_controller.get(), &RankSupervisor::stateChanged, m_provenance,
            [probe = m_provenance](RunStatus s) {
                if (s != RunStatus::Created)
                    probe->start();
            });
    if (!m_args.rerunOf.isEmpty())
        if (IngestServer *server = m_ingest.server())
            QMetaObject::invokeMethod(
                server, [server, runId = m_dbRunId, uid = m_runId, of = m_args.rerunOf] {
                    server->storeLocalEvent(runId, uid, 0,
                                            QJsonObject{{u"tags"_s, QJsonObject{{u"rerun_of"_s, of}}}});
                });
}

} // namespace trainyard
