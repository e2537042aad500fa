// `trainyard launch` without --dry-run: runs the plan's local ranks under a RunController in this process's
// event loop, echoes their output with a [rank N] prefix, turns SIGINT/SIGTERM into stop requests.
#include "commands.h"
#include "config/accelerateconfig.h"
#include "ingestserver.h"
#include "launch/runcontroller.h"
#include "launch/runrecord.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {

struct RunCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::RunCliText)
};

int g_signalPipe[2] = {-1, -1};

void onSignal(int sig) {
    const char c = char(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

QString formatElapsed(qint64 ms) {
    const qint64 s = ms / 1000;
    return s >= 3600 ? u"%1:%2:%3"_s.arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QChar(u'0'))
                           .arg(s % 60, 2, 10, QChar(u'0'))
                     : u"%1:%2"_s.arg(s / 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
}

// Writes whole lines to a terminal stream, keeping a one-line status at the bottom when it is a terminal.
class Console {
public:
    Console()
        : m_tty(isatty(STDERR_FILENO) != 0) {}
    void line(FILE *to, const QByteArray &text) {
        clearStatus();
        if (m_last && m_last != to)
            fflush(m_last); // keep stdout and stderr lines in order when both go to one pipe
        m_last = to;
        fwrite(text.constData(), 1, size_t(text.size()), to);
        fputc('\n', to);
        if (m_tty)
            fflush(to);
        drawStatus();
    }
    void setStatus(const QString &s) {
        if (!m_tty)
            return;
        m_status = s.toUtf8();
        clearStatus();
        drawStatus();
    }
    void endStatus() {
        clearStatus();
        m_status.clear();
    }
    void flush() {
        fflush(stdout);
        fflush(stderr);
    }

private:
    void clearStatus() {
        if (m_tty && m_drawn) {
            fflush(stdout);
            fputs("\r\033[K", stderr);
            m_drawn = false;
        }
    }
    void drawStatus() {
        if (m_tty && !m_status.isEmpty()) {
            fflush(stdout);
            fwrite(m_status.constData(), 1, size_t(m_status.size()), stderr);
            fflush(stderr);
            m_drawn = true;
        }
    }
    bool m_tty;
    bool m_drawn = false;
    FILE *m_last = nullptr;
    QByteArray m_status;
};

// Keeps the run's row in the run database in step with the record, and run.json beside the logs.
class DatabaseRunRecorder : public RunRecorder {
public:
    DatabaseRunRecorder(StoreWriter &writer, qint64 runId, const QString &jsonPath)
        : m_writer(writer)
        , m_runId(runId)
        , m_json(jsonPath) {}
    bool save(const RunRecord &record, QString *error) override {
        RunRow row;
        row.id = m_runId;
        row.uid = record.id;
        row.name = record.name;
        row.status = record.status;
        row.createdMs = record.created.toMSecsSinceEpoch();
        row.startedMs = record.started.isValid() ? record.started.toMSecsSinceEpoch() : 0;
        row.endedMs = record.ended.isValid() ? record.ended.toMSecsSinceEpoch() : 0;
        for (const RankRecord &r : record.ranks)
            if (r.exitCode != 0 || r.signal != 0)
                row.exitCode = r.signal ? 128 + r.signal : r.exitCode;
        row.host = record.host;
        row.workingDirectory = record.workingDirectory;
        row.command = QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(record.argv)).toJson(QJsonDocument::Compact));
        row.config = QString::fromUtf8(record.configSnapshot);
        row.runDir = QFileInfo(m_json.path()).absolutePath();
        const bool ok = m_writer.updateRun(row, error);
        return m_json.save(record, error) && ok;
    }

private:
    StoreWriter &m_writer;
    qint64 m_runId;
    JsonRunRecorder m_json;
};

// Where trainyard_tracker.py is: installed beside the executable, else in the source tree this was built
// from.
QString pythonTrackerDir() {
    const QString installed = QCoreApplication::applicationDirPath() + u"/../share/trainyard/python"_s;
    if (QFileInfo::exists(installed + u"/trainyard_tracker.py"_s))
        return QDir(installed).absolutePath();
    return QStringLiteral(TRAINYARD_PYTHON_DIR);
}

} // namespace

int runPlan(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &commandLine, Io &io) {
    io.out.flush();
    io.err.flush();
    const QString runId = newRunId();
    const QString runDir = runsDirectory(args.db) + u'/' + runId;
    if (!QDir().mkpath(runDir)) {
        io.err << RunCliText::tr("trainyard launch: cannot create the run folder %1").arg(runDir) << '\n';
        return 1;
    }
    RunRecord record;
    record.id = runId;
    record.name = args.runName.isEmpty() ? QFileInfo(args.script).completeBaseName() : args.runName;
    record.created = QDateTime::currentDateTime();
    record.host = QHostInfo::localHostName();
    record.workingDirectory = QDir::currentPath();
    record.argv = QStringList{u"trainyard"_s, u"launch"_s} + commandLine;
    if (!plan.ranks.isEmpty())
        record.env = plan.ranksOfMachine(plan.machineRank).value(0).env;
    record.configFile = plan.configFile.isEmpty() ? QString() : QFileInfo(plan.configFile).absoluteFilePath();
    if (!plan.configFile.isEmpty()) {
        QFile f(plan.configFile);
        if (f.open(QIODevice::ReadOnly))
            record.configSnapshot = f.read(MaxConfigBytes);
        saveFileAtomically(runDir + u"/config.yaml"_s, record.configSnapshot, nullptr);
    }
    // The run database and the ingest server that every rank streams its metrics to.
    const QString dbPath = databasePath(args.db);
    StoreWriter store;
    QString dbError;
    if (!store.open(dbPath, &dbError)) {
        io.err << RunCliText::tr("trainyard launch: cannot open the run database %1").arg(dbError) << '\n';
        return 1;
    }
    RunRow row;
    row.uid = runId;
    row.name = record.name;
    row.createdMs = record.created.toMSecsSinceEpoch();
    const qint64 dbRunId = store.createRun(row, &dbError);
    if (!dbRunId) {
        io.err << RunCliText::tr("trainyard launch: cannot record the run in %1: %2").arg(dbPath, dbError)
               << '\n';
        return 1;
    }
    IngestService ingest;
    if (!ingest.start(dbPath, &dbError)) {
        io.err << RunCliText::tr("trainyard launch: cannot start the metrics server: %1").arg(dbError)
               << '\n';
        return 1;
    }
    const QByteArray token = QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                             QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    ingest.server()->registerRun(runId, dbRunId, token);
    LaunchPlan runnable = plan;
    const QString trackerDir = pythonTrackerDir();
    for (RankPlan &r : runnable.ranks) {
        r.env[u"TRAINYARD_TRACKER"_s] = u"127.0.0.1:%1"_s.arg(ingest.port());
        r.env[u"TRAINYARD_TRACKER_TOKEN"_s] = QString::fromLatin1(token);
        r.env[u"TRAINYARD_RUN_ID"_s] = runId;
        r.env[u"TRAINYARD_RUN_NAME"_s] = record.name;
        const QString pythonPath = r.env.value(u"PYTHONPATH"_s, qEnvironmentVariable("PYTHONPATH"));
        r.env[u"PYTHONPATH"_s] = pythonPath.isEmpty() ? trackerDir : trackerDir + u':' + pythonPath;
    }
    DatabaseRunRecorder recorder(store, dbRunId, runDir + u"/run.json"_s);

    RunOptions options;
    options.runDirectory = runDir;
    options.graceMs = int(args.graceSeconds * 1000);
    options.maxRestarts = int(args.get(u"max_restarts"_s).toInt());
    options.watchdogSeconds = args.watchdogSeconds;
    options.watchdogKill = args.watchdogKill;
    RunController controller(runnable, options);
    controller.setRecord(record, &recorder);

    Console console;
    QString latestMetric;
    // Output that is not a terminal is flushed once per burst, when the event loop has nothing else to do.
    QTimer flusher;
    flusher.setSingleShot(true);
    flusher.setInterval(0);
    QObject::connect(&flusher, &QTimer::timeout, &controller, [&] { console.flush(); });
    const int mainRank = plan.ranksOfMachine(plan.machineRank).value(0).rank;
    QObject::connect(&controller, &RunController::rankLine, &controller,
                     [&](int rank, int stream, const QByteArray &line) {
                         if (args.showRanks == u"none"_s || (args.showRanks == u"main"_s && rank != mainRank))
                             return;
                         console.line(stream == 2 ? stderr : stdout,
                                      "[rank " + QByteArray::number(rank) + "] " + line);
                         if (!flusher.isActive())
                             flusher.start();
                     });
    auto note = [&](const QString &text) {
        console.line(stderr, (u"trainyard: "_s + text).toUtf8());
        console.flush();
    };
    QObject::connect(&controller, &RunController::rankExited, &controller, [&](const RankExit &e) {
        if (e.failedToStart || e.signal || e.exitCode)
            note(RunCliText::tr("rank %1 stopped: %2").arg(e.rank).arg(e.describe()));
    });
    QObject::connect(&controller, &RunController::watchdogFired, &controller, [&](int rank, int seconds) {
        note(RunCliText::tr("watchdog: rank %1 printed and logged nothing for %2 s%3")
                 .arg(rank)
                 .arg(seconds)
                 .arg(args.watchdogKill ? RunCliText::tr("; stopping the run") : QString()));
    });
    QObject::connect(&controller, &RunController::restarting, &controller,
                     [&](int attempt, const QString &reason) {
                         note(RunCliText::tr("restarting all ranks (restart %1 of %2) after %3")
                                  .arg(attempt)
                                  .arg(options.maxRestarts)
                                  .arg(reason));
                     });
    QObject::connect(&controller, &RunController::stateChanged, &controller, [&](RunState s) {
        if (s == RunState::Stopping && controller.firstFailure().rank >= 0)
            note(RunCliText::tr("stopping every rank (SIGTERM, then SIGKILL after %1 s)")
                     .arg(args.graceSeconds));
    });

    // Signals become events: Ctrl-C or SIGTERM stops the ranks, a second one kills them.
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        io.err << RunCliText::tr("trainyard launch: cannot set up signal handling") << '\n';
        return 1;
    }
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &controller, [&] {
        char c = 0;
        while (::read(g_signalPipe[0], &c, 1) == 1) {
            const bool second = controller.state() == RunState::Stopping;
            note(second
                     ? RunCliText::tr("second interrupt: killing every rank now")
                     : RunCliText::tr("interrupted (%1): stopping every rank; interrupt again to kill them")
                           .arg(c == SIGINT    ? u"SIGINT"_s
                                : c == SIGTERM ? u"SIGTERM"_s
                                               : u"SIGHUP"_s));
            controller.stop();
        }
    });

    QTimer status;
    status.setInterval(500);
    QObject::connect(&status, &QTimer::timeout, &controller, [&] {
        QString line = RunCliText::tr("[trainyard] %1 · ranks up %2/%3 · %4")
                           .arg(record.name)
                           .arg(controller.runningRanks())
                           .arg(plan.ranksOfMachine(plan.machineRank).size())
                           .arg(formatElapsed(controller.elapsedMs()));
        if (!latestMetric.isEmpty())
            line += u" · "_s + latestMetric;
        console.setStatus(line);
    });
    status.start();

    // Metrics count as activity for the watchdog, and the main rank's latest one shows in the status line.
    QObject::connect(ingest.server(), &IngestServer::stored, &controller,
                     [&](const QString &, int rank, qint64, const QString &key, double value) {
                         controller.noteActivity(rank);
                         if (rank == mainRank && !key.isEmpty())
                             latestMetric = u"%1=%2"_s.arg(key).arg(value, 0, 'g', 4);
                     });

    QEventLoop loop;
    QObject::connect(&controller, &RunController::finished, &loop, &QEventLoop::quit);
    note(RunCliText::tr("run %1: %2 rank(s) on this machine, logs in %3")
             .arg(runId)
             .arg(plan.ranksOfMachine(plan.machineRank).size())
             .arg(runDir));
    controller.start();
    loop.exec();
    status.stop();
    console.endStatus();

    const RankExit &failure = controller.firstFailure();
    if (controller.state() == RunState::Failed && failure.rank >= 0) {
        note(RunCliText::tr("run failed: rank %1, %2").arg(failure.rank).arg(failure.describe()));
        const QStringList tail = controller.stderrTail(failure.rank);
        if (!tail.isEmpty()) {
            note(RunCliText::tr("last lines of rank %1's stderr:").arg(failure.rank));
            for (const QString &l : tail)
                console.line(stderr, QByteArray("    ") + l.toUtf8());
        }
    } else if (controller.state() == RunState::Cancelled) {
        note(RunCliText::tr("run cancelled"));
    } else {
        note(RunCliText::tr("run finished in %1").arg(formatElapsed(controller.elapsedMs())));
    }
    if (!controller.recordError().isEmpty())
        note(RunCliText::tr("could not record the run: %1").arg(controller.recordError()));
    console.flush();
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    return controller.exitCode();
}

} // namespace trainyard::cli
