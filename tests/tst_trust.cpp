// Trustworthy runs, end to end with the real launcher, real Python ranks and real SQLite: wide runs store
// every point once, another process holding the write lock loses nothing, a launcher killed with SIGKILL
// leaves a crashed run and no process behind (not even one in its own session), the first failing rank is
// recorded, a live run cannot be deleted, migrations and writers race safely, and a file that is not a
// database is named.
#include "launch/runrecord.h"
#include "processes.h"
#include "store.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace trainyard;
using trainyard::test::alive;
using trainyard::test::SystemPython;
using trainyard::test::waitUntil;
using Result = trainyard::test::CliResult;

class TestTrust : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString db() const { return m_dir.filePath(u"db/trainyard.db"_s); }

    QProcessEnvironment environment() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, db());
        e.insert(u"HF_HOME"_s, m_dir.filePath(u"hf"_s));
        return e;
    }

    void start(QProcess &p, const QStringList &args) {
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(TRAINYARD_CLI), args);
        QVERIFY(p.waitForStarted(10000));
    }

    Result run(const QStringList &args) { return trainyard::test::runCli(args, environment()); }

    QString writeFile(const QString &name, const QByteArray &body) {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(name));
        f.write(body);
        return f.fileName();
    }

    QStringList launch(int ranks, const QString &script, const QStringList &extra = {}) const {
        return QStringList{u"launch"_s,          u"--cpu"_s,
                           u"--num_processes"_s, QString::number(ranks),
                           u"--python"_s,        QString::fromLatin1(SystemPython)} +
               extra + QStringList{script};
    }

    QJsonArray runsList() {
        const Result r = run({u"runs"_s, u"list"_s, u"--json"_s});
        return QJsonDocument::fromJson(r.out).array();
    }

    QJsonObject newestRun() { return runsList().at(0).toObject(); }

    QJsonObject show(const QString &id) {
        return QJsonDocument::fromJson(run({u"runs"_s, u"show"_s, id, u"--json"_s}).out).object();
    }

    // The series a run's script logged: the launcher's own telemetry (system/*, sampled about once a second
    // per rank) is left out, so a slow machine or a sanitizer build that stretches the run does not add
    // series.
    QJsonArray scriptMetrics(const QString &id) {
        QJsonArray out;
        for (const QJsonValue &m : show(id).value(u"metrics"_s).toArray())
            if (!m.toObject().value(u"key"_s).toString().startsWith(u"system/"_s))
                out.append(m);
        return out;
    }

    static bool waitForLine(QProcess &p, QByteArray &seen, const QByteArray &needle, int ms = 60000) {
        return waitUntil(
            [&] {
                seen += p.readAllStandardOutput();
                return seen.contains(needle);
            },
            ms);
    }

    static QList<qint64> readPids(const QString &dir, const QString &prefix) {
        QList<qint64> out;
        for (const QString &f : QDir(dir).entryList({prefix + u"*"_s}, QDir::Files)) {
            QFile file(dir + u'/' + f);
            if (file.open(QIODevice::ReadOnly))
                out << file.readAll().trimmed().toLongLong();
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(QString::fromLatin1(SystemPython)))
            QSKIP("python3 is not installed (scripts/install-deps.sh installs it)");
    }
    void init() {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(db() + QLatin1String(suffix));
        QDir(m_dir.filePath(u"db/runs"_s)).removeRecursively();
    }
    void wideRunStoresEveryPointOnce();
    void badLogCallsRaiseAndTheRestArrives();
    void lockedDatabaseLosesNothing();
    void launcherKilledIsCrashedAndLeavesNothing();
    void normalEndSweepsDetachedProcesses();
    void droppedPointsMakeTheRecordIncomplete();
    void aTrackerThatNeverFinishesIsSaid();
    void firstFailingRankIsRecorded();
    void liveRunCannotBeRemoved();
    void migrationsAndWritersRace();
    void notADatabaseIsNamed();
    void fullDiskKeepsTheLastGoodFile();
    void damagedDatabaseIsSaidNotHalfExported();
    void readOnlyFolderIsListed();
    void runFilesAreTheirOwnersAndKeepNoSecret();
};

void TestTrust::wideRunStoresEveryPointOnce() {
    // 8 ranks x 64 metrics: 512 series, every point logged in one call per step (one batch holds all 64
    // keys).
    const QString script = writeFile(u"wide.py"_s, R"(
import os
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker()
rank = int(os.environ["RANK"])
for step in range(200):
    t.log({f"metric/{k:02d}": rank * 1000.0 + k + step / 1000.0 for k in range(64)}, step=step)
t.finish()
print("done", rank, t.dropped, flush=True)
)");
    const Result r = run(launch(8, script, {u"--name"_s, u"wide"_s}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject run0 = newestRun();
    QCOMPARE(run0.value(u"status"_s).toString(), u"finished"_s);
    const QJsonArray metrics = scriptMetrics(run0.value(u"id"_s).toString());
    QCOMPARE(metrics.size(), 8 * 64);
    for (const QJsonValue &v : metrics) {
        const QJsonObject m = v.toObject();
        const int rank = m.value(u"rank"_s).toInt();
        const int k = m.value(u"key"_s).toString().mid(7).toInt();
        QVERIFY2(m.value(u"count"_s).toInt() == 200, qPrintable(u"rank %1 %2: %3 points"_s.arg(rank)
                                                                    .arg(m.value(u"key"_s).toString())
                                                                    .arg(m.value(u"count"_s).toInt())));
        QCOMPARE(m.value(u"last_step"_s).toInt(), 199);
        QCOMPARE(m.value(u"last"_s).toDouble(), rank * 1000.0 + k + 0.199);
        QCOMPARE(m.value(u"min"_s).toDouble(), rank * 1000.0 + k);
    }
}

void TestTrust::badLogCallsRaiseAndTheRestArrives() {
    const QString script = writeFile(u"badlog.py"_s, R"(
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker()
raised = 0
for step in range(1000):
    t.log({"loss": step * 1.0}, step=step)
    if step % 100 == 0:
        for bad, s in (({"": 1.0}, step), ({"k" * 70000: 1.0}, step), ({"loss2": 1.0}, 2 ** 63)):
            try:
                t.log(bad, step=s)
            except ValueError:
                raised += 1
t.finish()
print("raised", raised, "dropped", t.dropped, flush=True)
)");
    const Result r = run(launch(1, script));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("[rank 0] raised 30 dropped 0"), r.out.constData());
    const QJsonArray metrics = scriptMetrics(newestRun().value(u"id"_s).toString());
    QCOMPARE(metrics.size(), 1);
    QCOMPARE(metrics[0].toObject().value(u"count"_s).toInt(), 1000);
}

void TestTrust::lockedDatabaseLosesNothing() {
    // Another process holds the database's write lock for 15 s (longer than the 10 s busy timeout) in the
    // middle of the run, and again when the ranks have ended: every point is stored once and the run ends
    // finished.
    const QString flags = m_dir.filePath(u"flags"_s);
    QDir().mkpath(flags);
    const QString script = writeFile(u"locked.py"_s, QByteArray(R"(
import os, time
from trainyard_tracker import TrainyardTracker
flags = ")") + flags.toUtf8() + R"("
def wait_for(name):
    while not os.path.exists(os.path.join(flags, name)):
        time.sleep(0.05)
t = TrainyardTracker()
rank = int(os.environ["RANK"])
for i in range(0, 1000):
    t.log({"loss": i * 0.5, "acc": float(rank)}, step=i)
print("MID", flush=True)
wait_for("locked1")
for i in range(1000, 3000):
    t.log({"loss": i * 0.5, "acc": float(rank)}, step=i)
    if i % 100 == 0:
        time.sleep(0.02)
t.finish()
print("END", flush=True)
wait_for("locked2")
)");
    QProcess launcher;
    start(launcher, launch(2, script, {u"--show-ranks"_s, u"all"_s}));
    QByteArray seen;
    auto lock = [&](const QString &flag) {
        auto *locker = new QProcess(this);
        locker->start(QString::fromLatin1(SystemPython),
                      {u"-c"_s,
                       u"import sqlite3, sys, time\n"
                       u"c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                       u"c.execute('BEGIN IMMEDIATE')\n"
                       u"print('locked', flush=True)\n"
                       u"time.sleep(15)\n"
                       u"c.execute('COMMIT')\n"_s,
                       db()});
        if (!locker->waitForReadyRead(20000))
            qFatal("the locker did not take the lock");
        QFile(flags + u'/' + flag).open(QIODevice::WriteOnly);
        return locker;
    };
    QVERIFY(waitForLine(launcher, seen, "[rank 1] MID"));
    QVERIFY(waitForLine(launcher, seen, "[rank 0] MID"));
    QProcess *first = lock(u"locked1"_s);
    QVERIFY(waitForLine(launcher, seen, "[rank 0] END", 120000));
    QVERIFY(waitForLine(launcher, seen, "[rank 1] END", 120000));
    QVERIFY(first->state() == QProcess::NotRunning || first->waitForFinished(30000));
    QProcess *second = lock(u"locked2"_s);
    QVERIFY(launcher.waitForFinished(120000));
    QVERIFY(second->state() == QProcess::NotRunning || second->waitForFinished(30000));
    const QByteArray err = launcher.readAllStandardError();
    QVERIFY2(launcher.exitCode() == 0, err.constData());
    QVERIFY2(!err.contains("could not record"), err.constData());
    QVERIFY2(err.contains("the run database was busy"), err.constData()); // the lock was really in the way
    const QJsonObject run0 = newestRun();
    QCOMPARE(run0.value(u"status"_s).toString(), u"finished"_s);
    const QString id = run0.value(u"id"_s).toString();
    const Result csv = run({u"runs"_s, u"export"_s, id, u"--format"_s, u"csv"_s});
    QCOMPARE(csv.exitCode, 0);
    QSet<QByteArray> seenPoints;
    for (const QByteArray &line : csv.out.split('\n')) {
        const QList<QByteArray> cols = line.split(',');
        if (cols.size() != 6 || cols[2] != "loss")
            continue;
        QVERIFY2(!seenPoints.contains(cols[1] + '/' + cols[3]), line.constData());
        seenPoints.insert(cols[1] + '/' + cols[3]);
        QCOMPARE(cols[4].toDouble(), cols[3].toDouble() * 0.5);
    }
    QCOMPARE(seenPoints.size(), 2 * 3000);
}

void TestTrust::launcherKilledIsCrashedAndLeavesNothing() {
    // Each rank starts a process in a session of its own (out of reach of its process group), then waits.
    const QString pids = m_dir.filePath(u"pids-killed"_s);
    QDir().mkpath(pids);
    const QString script = writeFile(u"detach.py"_s, QByteArray(R"(
import os, subprocess, time
rank = os.environ["RANK"]
child = subprocess.Popen(["sleep", "300"], start_new_session=True)
with open(os.path.join(")") + pids.toUtf8() + R"(", "grandchild-" + rank), "w") as f:
    f.write(str(child.pid))
with open(os.path.join(")" + pids.toUtf8() + R"(", "rank-" + rank), "w") as f:
    f.write(str(os.getpid()))
time.sleep(300)
)");
    QProcess launcher;
    start(launcher, launch(2, script));
    QVERIFY(waitUntil(
        [&] {
            return readPids(pids, u"grandchild-"_s).size() == 2 && readPids(pids, u"rank-"_s).size() == 2;
        },
        30000));
    const QList<qint64> processes = readPids(pids, u"grandchild-"_s) + readPids(pids, u"rank-"_s);
    for (const qint64 pid : processes)
        QVERIFY(alive(pid));
    QCOMPARE(newestRun().value(u"status"_s).toString(), u"running"_s);
    ::kill(pid_t(launcher.processId()), SIGKILL);
    QVERIFY(launcher.waitForFinished(10000));
    for (const qint64 pid : processes)
        QVERIFY2(waitUntil([&] { return !alive(pid); }, 5000),
                 qPrintable(u"process %1 outlived the launcher"_s.arg(pid)));
    // The run says so within 15 s (here at once: its launcher's pid and start time are checked on this host),
    // and its duration stops growing.
    QVERIFY(waitUntil([&] { return newestRun().value(u"status"_s).toString() == u"crashed"_s; }, 15000));
    const QString ended = newestRun().value(u"ended"_s).toString();
    QVERIFY(!ended.isEmpty());
    QTest::qWait(1100);
    QCOMPARE(newestRun().value(u"ended"_s).toString(), ended);
    // The next writer records it in the database.
    StoreWriter w;
    QString error;
    QVERIFY2(w.open(db(), &error), qPrintable(error));
    sql::Database raw;
    QVERIFY(raw.open(db(), true, &error));
    sql::Statement s(raw, "SELECT status FROM runs ORDER BY id DESC LIMIT 1");
    QCOMPARE(s.step(), SQLITE_ROW);
    QCOMPARE(s.text(0), u"crashed"_s);
}

void TestTrust::normalEndSweepsDetachedProcesses() {
    const QString pids = m_dir.filePath(u"pids-normal"_s);
    QDir().mkpath(pids);
    const QString script = writeFile(u"leave.py"_s, QByteArray(R"PY(
import os, subprocess, sys
folder = ")PY") + pids.toUtf8() + R"PY("
rank = os.environ["RANK"]
def note(name, pid):
    with open(os.path.join(folder, name + "-" + rank), "w") as f:
        f.write(str(pid))
# In a session of its own, with the run's environment (and its tag).
child = subprocess.Popen(["sleep", "300"], start_new_session=True)
note("grandchild", child.pid)
# In a session of its own with an environment of its own: no tag to find it by.
bare = subprocess.Popen(["sleep", "301"], start_new_session=True, env={"PATH": "/usr/bin:/bin"})
note("grandchild-bare", bare.pid)
# A daemon: its parent starts it in a session of its own, environment replaced, and is gone before the rank.
starter = "import subprocess, sys; p = subprocess.Popen(['sleep', '302'], start_new_session=True, " \
          "env={'PATH': '/usr/bin:/bin'}); open(sys.argv[1], 'w').write(str(p.pid))"
subprocess.run([sys.executable, "-c", starter, os.path.join(folder, "grandchild-daemon-" + rank)],
               env={"PATH": "/usr/bin:/bin"})
)PY");
    const Result r = run(launch(2, script, {u"--grace"_s, u"1"_s}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<qint64> left = readPids(pids, u"grandchild-"_s);
    QCOMPARE(left.size(), 6);
    for (const qint64 pid : left)
        QVERIFY2(!alive(pid), qPrintable(u"process %1 outlived the run"_s.arg(pid)));
    QCOMPARE(newestRun().value(u"status"_s).toString(), u"finished"_s);
}

// A tracker that drops points (its buffer full while the launcher does not answer) says so, and the run that
// ends with exit code 0 is finished but incomplete everywhere: runs show, its JSON, runs list's mark, the
// launcher's summary.
void TestTrust::droppedPointsMakeTheRecordIncomplete() {
    const QString flag = m_dir.filePath(u"dropped-flag"_s);
    QFile::remove(flag);
    const QString script = writeFile(u"drops.py"_s, QByteArray(R"PY(
import os, time
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker()
t.log({"loss": 0.0}, step=0)
print("go", flush=True)
time.sleep(1.5)                      # the launcher is stopped meanwhile: nothing is acknowledged
for step in range(1, 9):             # batches in flight until the sender waits for acknowledgements
    t.log({"loss": float(step)}, step=step)
    time.sleep(0.25)
t.log({f"k{i}": float(i) for i in range(3000)}, step=9)   # more than the buffer holds: dropped after 1 s
open(")PY") + flag.toUtf8() + R"PY(", "w").write(str(t.dropped))
t.finish()
print("dropped", t.dropped, flush=True)
)PY");
    QProcess launcher;
    QProcessEnvironment e = environment();
    e.insert(u"TRAINYARD_TRACKER_BUFFER"_s, u"200"_s);
    launcher.setProcessEnvironment(e);
    launcher.start(QStringLiteral(TRAINYARD_CLI), launch(1, script));
    QVERIFY(launcher.waitForStarted(10000));
    QByteArray seen;
    QVERIFY(waitForLine(launcher, seen, "[rank 0] go"));
    ::kill(pid_t(launcher.processId()), SIGSTOP);
    const bool logged = waitUntil([&] { return QFileInfo(flag).size() > 0; }, 30000);
    ::kill(pid_t(launcher.processId()), SIGCONT);
    QVERIFY(logged);
    QVERIFY(launcher.waitForFinished(60000));
    seen += launcher.readAllStandardOutput();
    const QByteArray err = launcher.readAllStandardError();
    QCOMPARE(launcher.exitCode(), 0); // the ranks' outcome
    QFile f(flag);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const qint64 dropped = f.readAll().toLongLong();
    QVERIFY2(dropped > 0 && dropped <= 3000, qPrintable(QString::number(dropped)));
    QVERIFY2(err.contains(
                 QByteArray("the run's record is incomplete: " + QByteArray::number(dropped) + " point")) &&
                 err.contains("dropped by the trackers"),
             err.constData());
    const QJsonObject run0 = newestRun();
    QCOMPARE(run0.value(u"status"_s).toString(), u"finished"_s);
    QCOMPARE(run0.value(u"points_dropped"_s).toInteger(), dropped);
    QCOMPARE(run0.value(u"unfinished_trackers"_s).toArray().size(), 0);
    const Result shown = run({u"runs"_s, u"show"_s, run0.value(u"id"_s).toString()});
    QVERIFY2(shown.out.contains(QByteArray("incomplete: " + QByteArray::number(dropped) + " point")) &&
                 shown.out.contains("dropped by the trackers"),
             shown.out.constData());
    const Result listed = run({u"runs"_s, u"list"_s});
    QVERIFY2(listed.out.contains("finished* ") && listed.out.contains("its record is incomplete"),
             listed.out.constData());
    // Every point the tracker kept is stored: its 9 losses and what of the big call fit.
    int stored = 0;
    for (const QJsonValue &m : scriptMetrics(run0.value(u"id"_s).toString()))
        stored += m.toObject().value(u"count"_s).toInt();
    QCOMPARE(stored, 9 + 3000 - int(dropped));
}

// A rank that ends without its tracker finishing (os._exit skips atexit) may have lost its last points: the
// finished run says so. A plain run that finishes is not called incomplete.
void TestTrust::aTrackerThatNeverFinishesIsSaid() {
    const QString script = writeFile(u"exit.py"_s, R"(
import os, time
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker()
t.log({"loss": 1.0}, step=0)
time.sleep(1.0)  # sent and stored
t.log({"loss": 2.0}, step=1)
if os.environ["RANK"] == "1":
    os._exit(0)
)");
    const Result r = run(launch(2, script));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("the tracker of rank(s) 1 never said it finished"), r.err.constData());
    const QJsonObject run0 = newestRun();
    QCOMPARE(run0.value(u"status"_s).toString(), u"finished"_s);
    QCOMPARE(run0.value(u"unfinished_trackers"_s).toArray(), QJsonArray{1});
    QVERIFY(run0.value(u"incomplete"_s).toString().contains(u"its last points may be missing"_s));

    const QString plain = writeFile(u"plain.py"_s, R"(
from trainyard_tracker import TrainyardTracker
TrainyardTracker().log({"loss": 1.0}, step=0)
)");
    const Result p = run(launch(2, plain));
    QCOMPARE(p.exitCode, 0);
    QVERIFY2(!p.err.contains("incomplete"), p.err.constData());
    const QJsonObject run1 = newestRun();
    QCOMPARE(run1.value(u"incomplete"_s).toString(), QString());
    QCOMPARE(run1.value(u"points_dropped"_s).toInteger(), 0);
}

void TestTrust::firstFailingRankIsRecorded() {
    // Rank 1 fails with 3; rank 0 is then stopped by the launcher's SIGTERM (143), which must not be
    // recorded.
    const QString script = writeFile(u"fail.py"_s, R"(
import os, sys, time
if os.environ["RANK"] == "1":
    time.sleep(0.5)
    sys.exit(3)
time.sleep(300)
)");
    const Result r = run(launch(2, script, {u"--grace"_s, u"2"_s}));
    QCOMPARE(r.exitCode, 1);
    const QJsonObject run0 = newestRun();
    QCOMPARE(run0.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(run0.value(u"failed_rank"_s).toInt(), 1);
    QCOMPARE(run0.value(u"exit_code"_s).toInt(), 3);
}

void TestTrust::liveRunCannotBeRemoved() {
    const QString script = writeFile(u"wait.py"_s, "import time\nprint('up', flush=True)\ntime.sleep(300)\n");
    QProcess launcher;
    start(launcher, launch(1, script));
    QByteArray seen;
    QVERIFY(waitForLine(launcher, seen, "[rank 0] up"));
    const QJsonObject live = newestRun();
    const QString id = live.value(u"id"_s).toString();
    const QString folder = live.value(u"run_dir"_s).toString();
    const Result refused = run({u"runs"_s, u"rm"_s, id});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("still running"), refused.err.constData());
    QVERIFY(QFileInfo(folder).isDir());
    ::kill(pid_t(launcher.processId()), SIGINT);
    QVERIFY(launcher.waitForFinished(30000));
    QCOMPARE(newestRun().value(u"status"_s).toString(), u"cancelled"_s);
    const Result removed = run({u"runs"_s, u"rm"_s, id});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(runsList().isEmpty());
}

void TestTrust::migrationsAndWritersRace() {
    // A schema-1 database; then six readers and two importers start at once. Each migration step runs once
    // (the version is read again under the write lock), nobody fails, nothing is lost.
    QDir().mkpath(QFileInfo(db()).absolutePath());
    {
        sql::Database d;
        QString error;
        QVERIFY(d.open(db(), false, &error));
        QVERIFY(d.exec("PRAGMA journal_mode = WAL"));
        QVERIFY(migrate(d, &error, 1));
        QVERIFY(
            d.exec("INSERT INTO runs(uid, name, status, created_ms) VALUES('old', 'old', 'finished', 1)"));
    }
    QByteArray jsonl;
    jsonl += R"({"type": "run", "name": "imported", "rank": 0, "created_ms": 5})"
             "\n";
    for (int i = 0; i < 500; ++i)
        jsonl += QByteArray(R"({"type": "point", "rank": 0, "key": "loss", "step": )") +
                 QByteArray::number(i) +
                 R"(, "value": 1.5, "wall_ms": 5})"
                 "\n";
    const QString file = writeFile(u"import.jsonl"_s, jsonl);
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < 8; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(environment());
        p->start(QStringLiteral(TRAINYARD_CLI), i < 2 ? QStringList{u"runs"_s, u"import"_s, file}
                                                      : QStringList{u"runs"_s, u"list"_s, u"--json"_s});
        procs.push_back(std::move(p));
    }
    for (auto &p : procs) {
        QVERIFY(p->waitForFinished(60000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
    }
    sql::Database d;
    QString error;
    QVERIFY(d.open(db(), true, &error));
    QCOMPARE(d.userVersion(), SchemaVersion);
    const QJsonArray runs = runsList();
    QCOMPARE(runs.size(), 3);
    int points = 0;
    for (const QJsonValue &v : runs) {
        for (const QJsonValue &m : scriptMetrics(v.toObject().value(u"id"_s).toString()))
            points += m.toObject().value(u"count"_s).toInt();
    }
    QCOMPARE(points, 1000);
}

void TestTrust::notADatabaseIsNamed() {
    QDir().mkpath(QFileInfo(db()).absolutePath());
    writeFile(u"db/trainyard.db"_s, QByteArray(4096, 'x'));
    for (const QStringList &args :
         {QStringList{u"runs"_s, u"list"_s}, QStringList{u"runs"_s, u"show"_s, u"1"_s}}) {
        const Result r = run(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a Trainyard run database") && r.err.contains(db().toUtf8()),
                 r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one clear error
    }
    QFile f(db());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray(4096, 'x')); // and the file is untouched
    // A folder or a FIFO given as the database: named for what it is, at once (a FIFO made SQLite block).
    const QString fifo = m_dir.filePath(u"a-fifo.db"_s), folder = m_dir.filePath(u"a-folder.db"_s);
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QVERIFY(QDir().mkpath(folder));
    for (const auto &[path, what] : {std::pair{fifo, "(a pipe)"}, std::pair{folder, "(a folder)"}}) {
        QProcessEnvironment e = environment();
        e.insert(u"TRAINYARD_DB"_s, path);
        for (const QStringList &args :
             {QStringList{u"runs"_s, u"list"_s}, QStringList{u"runs"_s, u"import"_s, db()}}) {
            const Result r = trainyard::test::runCli(args, e);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QByteArray(path.toUtf8() + ": not a file " + what)), r.err.constData());
        }
    }
}

// A run database in a folder this process cannot write (a read-only mount: another user's data, an archive)
// is listed, shown and exported; it used to be "cannot write the run database". Needs root to mount.
void TestTrust::readOnlyFolderIsListed() {
    if (::geteuid() != 0)
        QSKIP("a read-only bind mount needs root (CI runs the tests as root)");
    const QString rw = m_dir.filePath(u"rw"_s), ro = m_dir.filePath(u"ro"_s);
    QVERIFY(QDir().mkpath(rw) && QDir().mkpath(ro));
    QProcessEnvironment e = environment();
    e.insert(u"TRAINYARD_DB"_s, rw + u"/trainyard.db"_s);
    const QString jsonl = writeFile(u"ro.jsonl"_s, "{\"type\": \"run\", \"name\": \"archived\"}\n"
                                                   "{\"type\": \"point\", \"key\": \"loss\", \"step\": 1, "
                                                   "\"value\": 0.5}\n");
    QCOMPARE(trainyard::test::runCli({u"runs"_s, u"import"_s, jsonl}, e).exitCode, 0);
    if (QProcess::execute(u"mount"_s, {u"--bind"_s, rw, ro}) != 0)
        QSKIP("cannot bind-mount here");
    const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, {u"-l"_s, ro}); });
    QCOMPARE(QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,ro,bind"_s, ro}), 0);
    e.insert(u"TRAINYARD_DB"_s, ro + u"/trainyard.db"_s);
    const Result list = trainyard::test::runCli({u"runs"_s, u"list"_s, u"--json"_s}, e);
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QJsonArray runs = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].toObject().value(u"name"_s).toString(), u"archived"_s);
    const Result csv = trainyard::test::runCli(
        {u"runs"_s, u"export"_s, runs[0].toObject().value(u"id"_s).toString(), u"--format"_s, u"csv"_s}, e);
    QVERIFY2(csv.exitCode == 0 && csv.out.contains(",loss,1,0.5,"),
             QByteArray(csv.out + csv.err).constData());
}

// A database with a damaged page in the middle (4 KiB of garbage, as a bad disk or a torn copy leaves it): an
// export stops at the damage, and says so, with the file, and fails, instead of writing part of the run with
// exit 0.
void TestTrust::damagedDatabaseIsSaidNotHalfExported() {
    QByteArray jsonl = "{\"type\": \"run\", \"name\": \"big\"}\n";
    for (int i = 0; i < 200000; ++i)
        jsonl += "{\"type\": \"point\", \"key\": \"loss\", \"step\": " + QByteArray::number(i) +
                 ", \"value\": " + QByteArray::number(1.0 / (i + 1), 'g', 17) + "}\n";
    const QString file = writeFile(u"big.jsonl"_s, jsonl);
    const QString damaged = m_dir.filePath(u"damaged/trainyard.db"_s);
    QProcessEnvironment e = environment();
    e.insert(u"TRAINYARD_DB"_s, damaged);
    QCOMPARE(trainyard::test::runCli({u"runs"_s, u"import"_s, file}, e).exitCode, 0);
    const QString id =
        QJsonDocument::fromJson(trainyard::test::runCli({u"runs"_s, u"list"_s, u"--json"_s}, e).out)
            .array()
            .first()
            .toObject()
            .value(u"id"_s)
            .toString();
    const Result whole = trainyard::test::runCli({u"runs"_s, u"export"_s, id, u"--format"_s, u"csv"_s}, e);
    QCOMPARE(whole.exitCode, 0);
    QCOMPARE(whole.out.count('\n'), 200001);
    {
        QFile f(damaged);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 page = 4096;
        for (const double at : {0.4, 0.5, 0.6}) {
            QVERIFY(f.seek(qint64(double(f.size()) * at) / page * page));
            f.write(QByteArray(int(page), '\xa5'));
        }
    }
    for (const QString &format : {u"csv"_s, u"jsonl"_s}) {
        const Result r = trainyard::test::runCli({u"runs"_s, u"export"_s, id, u"--format"_s, format}, e);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"%1: the run database is damaged"_s.arg(damaged).toUtf8()),
                 r.err.constData());
        QVERIFY(r.out.count('\n') < 200001);
    }
}

// A small tmpfs, filled: every file Trainyard replaces (a config by `config update`, a run record, an export)
// keeps its last good version and the command says why it failed. Needs root to mount (CI runs as root).
void TestTrust::fullDiskKeepsTheLastGoodFile() {
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root (CI runs the tests as root)");
    const QString mnt = m_dir.filePath(u"small"_s);
    QVERIFY(QDir().mkpath(mnt));
    QProcess mount;
    mount.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=256k"_s, u"tmpfs"_s, mnt});
    QVERIFY(mount.waitForFinished(10000));
    if (mount.exitCode() != 0)
        QSKIP(qPrintable(u"cannot mount a tmpfs here: "_s + QString::fromUtf8(mount.readAllStandardError())));
    const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, {u"-l"_s, mnt}); });
    // A config that `config update` rewrites (its keys out of canonical order), then a disk with no room.
    const QByteArray config = "num_processes: 2\ndistributed_type: MULTI_CPU\nmixed_precision: 'no'\n"
                              "compute_environment: LOCAL_MACHINE\n";
    const QString cfg = mnt + u"/cfg.yaml"_s;
    {
        QFile f(cfg);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(config);
    }
    {
        QFile filler(mnt + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) {
        }
    }
    const Result r = run({u"config"_s, u"update"_s, cfg});
    QVERIFY2(r.exitCode != 0, r.out.constData());
    QVERIFY2(r.err.contains("No space left on device"), r.err.constData());
    QFile after(cfg);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), config);                                   // the last good version, whole
    QCOMPARE(QDir(mnt).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary file left behind
    // The run record the same way: the old one stays and the failure is said.
    QFile::remove(mnt + u"/filler"_s);
    trainyard::RunRecord record;
    record.id = u"20261206-000000-abcd"_s;
    record.name = u"full"_s;
    trainyard::JsonRunRecorder recorder(mnt + u"/run.json"_s);
    QString error;
    QVERIFY2(recorder.save(record, &error), qPrintable(error));
    const qint64 good = QFileInfo(mnt + u"/run.json"_s).size();
    {
        QFile filler(mnt + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) {
        }
    }
    record.name = QString(200000, u'n'); // more than the disk has left
    QVERIFY(!recorder.save(record, &error));
    QVERIFY2(error.contains(u"run.json"_s) && error.contains(u"No space left on device"_s),
             qPrintable(error));
    QCOMPARE(QFileInfo(mnt + u"/run.json"_s).size(), good);
    trainyard::RunRecord back;
    QVERIFY(trainyard::JsonRunRecorder::load(mnt + u"/run.json"_s, &back, nullptr));
    QCOMPARE(back.name, u"full"_s);

    // A launch whose run database fills the disk while its ranks log: the launcher says so at once, with the
    // points waiting, not two minutes after the run.
    QFile::remove(mnt + u"/filler"_s);
    QFile::remove(mnt + u"/run.json"_s);
    const QString script = writeFile(u"flood.py"_s, R"(
import time
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker("flood")
for i in range(300000):
    t.log({"loss": 1.0 / (i + 1), "other": float(i)}, step=i)
print("logged", flush=True)
time.sleep(60)
)");
    QProcessEnvironment e = environment();
    e.insert(u"TRAINYARD_DB"_s, mnt + u"/trainyard.db"_s);
    QProcess launcher;
    launcher.setProcessEnvironment(e);
    launcher.start(QStringLiteral(TRAINYARD_CLI), launch(1, script));
    QVERIFY(launcher.waitForStarted());
    QByteArray said;
    const bool told = trainyard::test::waitUntil(
        [&] {
            said += launcher.readAllStandardError();
            return said.contains("the run database cannot be written");
        },
        45000);
    launcher.kill();
    launcher.waitForFinished(5000);
    QVERIFY2(told, said.constData());
    QVERIFY2(said.contains("database or disk is full") && said.contains("wait in memory"), said.constData());

    // A run whose ranks finish while the disk stays full: the launcher gives up storing (here after 3 s),
    // says so, and keeps the ranks' outcome in the file it reserved; readers show the run finished and
    // incomplete, not crashed.
    const QString done = writeFile(u"flood-end.py"_s, R"(
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker("flood-end")
for i in range(300000):
    t.log({"loss": 1.0 / (i + 1), "other": float(i)}, step=i)
)");
    for (const QString &f : QDir(mnt).entryList(QDir::Files | QDir::Hidden)) // room for the run to start
        QFile::remove(mnt + u'/' + f);
    QDir(mnt + u"/runs"_s).removeRecursively();
    e.insert(u"TRAINYARD_RECORD_TIMEOUT"_s, u"3"_s);
    e.insert(u"TRAINYARD_TRACKER_FINISH_TIMEOUT"_s, u"2"_s);
    const Result full = trainyard::test::runCli(launch(1, done), e);
    QCOMPARE(full.exitCode, 1); // the record's failure; the ranks finished
    QVERIFY2(full.err.contains("trying for up to 3 s to store") &&
                 full.err.contains("could not record the run") && full.err.contains("outcome.json"),
             full.err.constData());
    const Result listed = trainyard::test::runCli({u"runs"_s, u"list"_s, u"--json"_s}, e);
    const QJsonObject last = QJsonDocument::fromJson(listed.out).array().at(0).toObject();
    QCOMPARE(last.value(u"name"_s).toString().left(9), u"flood-end"_s.left(9));
    QCOMPARE(last.value(u"status"_s).toString(), u"finished"_s);
    QCOMPARE(last.value(u"exit_code"_s).toInt(), 0);
    QVERIFY2(last.value(u"points_unstored"_s).toInteger() > 0, QByteArray(full.err + listed.out).constData());
    QVERIFY2(
        last.value(u"incomplete"_s).toString().contains(u"could not be stored (database or disk is full"_s),
        listed.out.constData());
}

// What a run leaves is its user's alone (a shared workstation): the data folder and run folders 0700, the
// database, its WAL, the record and the rank logs 0600; a secret given with --env reaches the rank and
// appears in no file.
void TestTrust::runFilesAreTheirOwnersAndKeepNoSecret() {
    QTemporaryDir home;
    const QString data = home.filePath(u"share/trainyard"_s);
    QProcessEnvironment e = environment();
    e.insert(u"TRAINYARD_DB"_s, data + u"/trainyard.db"_s);
    const QString script = writeFile(u"secret.py"_s, R"(
import os
print("key length", len(os.environ["WANDB_API_KEY"]), "user", os.environ["PLAIN_SETTING"])
)");
    const Result r = trainyard::test::runCli(
        {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--env"_s, u"WANDB_API_KEY=s3cr3t-value"_s,
         u"--env"_s, u"PLAIN_SETTING=visible"_s, u"--python"_s, QString::fromLatin1(SystemPython), script},
        e);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("key length 12 user visible"));
    const auto mode = [](const QString &path) { return QFileInfo(path).permissions() & 0x7777; };
    const QFileDevice::Permissions ownerRw =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
    const QFileDevice::Permissions ownerRwx = ownerRw | QFileDevice::ExeOwner | QFileDevice::ExeUser;
    QCOMPARE(mode(data), ownerRwx);
    QCOMPARE(mode(data + u"/runs"_s), ownerRwx);
    QCOMPARE(mode(data + u"/trainyard.db"_s), ownerRw);
    const QStringList runs = QDir(data + u"/runs"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(runs.size(), 1);
    const QString runDir = data + u"/runs/"_s + runs.first();
    QCOMPARE(mode(runDir), ownerRwx);
    for (const QString &f : {u"run.json"_s, u"rank-0.out"_s, u"rank-0.err"_s, u"stacks-rank-0.txt"_s})
        QVERIFY2(QFileInfo::exists(runDir + u'/' + f), qPrintable(f));
    // Every file of the data folder, whoever wrote it (the launcher, the Python rank's stack-dump hook, the
    // database's WAL), is its user's alone; every folder too.
    QDirIterator files(data, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QFileInfo f(files.next());
        QVERIFY2(mode(f.filePath()) == (f.isDir() ? ownerRwx : ownerRw), qPrintable(f.filePath()));
    }
    // No file of the run or the database holds the secret; the plain setting is kept as given.
    QDirIterator it(data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("s3cr3t-value"), qPrintable(f.fileName()));
    }
    QFile record(runDir + u"/run.json"_s);
    QVERIFY(record.open(QIODevice::ReadOnly));
    const QByteArray json = record.readAll();
    QVERIFY(json.contains("WANDB_API_KEY=***"));
    QVERIFY(json.contains("PLAIN_SETTING=visible"));
}

QTEST_GUILESS_MAIN(TestTrust)
#include "tst_trust.moc"
