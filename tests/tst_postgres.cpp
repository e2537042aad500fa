// PostgreSQL as the run database (issue "A shared run database on PostgreSQL"): a private server per suite
// (tests/postgres.h). Skipped where PostgreSQL is not installed, unless TRAINYARD_REQUIRE_POSTGRES is set
// (CI).
#include "dbcopy.h"
#include "dbwatcher.h"
#include "pgconn.h"
#include "postgres.h"
#include "processes.h"
#include "store.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace trainyard;

namespace {

// A database's runs and everything they own, as text, keyed by what survives a copy (uids, ranks, keys; never
// ids): two databases holding the same runs dump the same, to the bit of every double.
QStringList dump(const QString &path) {
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return {u"cannot open "_s + path};
    const char *queries[] = {
        "SELECT uid, name, status, created_ms, started_ms, ended_ms, exit_code, host, working_dir, command, "
        "config,"
        " run_dir, launcher, heartbeat_ms, failed_rank, ingest_refusals, user_name FROM runs ORDER BY uid",
        "SELECT r.uid, p.key, p.value FROM params p JOIN runs r ON r.id = p.run_id ORDER BY 1, 2",
        "SELECT r.uid, t.key, t.value FROM tags t JOIN runs r ON r.id = t.run_id ORDER BY 1, 2",
        "SELECT r.uid, l.rank, l.wall_ms, l.kind, l.text FROM logs l JOIN runs r ON r.id = l.run_id"
        " ORDER BY r.uid, l.id",
        "SELECT r.uid, b.client, b.last_batch, b.rank, b.dropped, b.finished FROM ingest_batches b"
        " JOIN runs r ON r.id = b.run_id ORDER BY 1, 2",
        "SELECT r.uid, m.host, m.device, m.key, m.wall_ms, m.value FROM system_metrics m"
        " JOIN runs r ON r.id = m.run_id ORDER BY 1, 4, 5",
        "SELECT r.uid, q.position, q.gpus, q.cpu_slots, q.hosts, q.words, q.working_dir, q.env, q.devices,"
        " q.launcher, q.started_ms FROM queue q JOIN runs r ON r.id = q.run_id ORDER BY 1",
        "SELECT r.uid, s.rank, s.key, s.count, s.last_step, s.last_value, s.min_value, s.max_value FROM "
        "series s"
        " JOIN runs r ON r.id = s.run_id ORDER BY 1, 2, 3",
        "SELECT r.uid, s.rank, s.key, p.seq, p.step, p.value, p.wall_ms FROM points p"
        " JOIN series s ON s.id = p.series_id JOIN runs r ON r.id = s.run_id ORDER BY 1, 2, 3, 4",
        "SELECT r.uid, s.rank, s.key, v.level, v.chunk, v.count, v.first_step, v.first_value, v.last_step,"
        " v.last_value, v.min_value, v.max_value FROM levels v JOIN series s ON s.id = v.series_id"
        " JOIN runs r ON r.id = s.run_id ORDER BY 1, 2, 3, 4, 5",
    };
    QStringList out;
    for (const char *q : queries) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, q, -1, &s, nullptr) != SQLITE_OK) {
            out << QString::fromUtf8(sqlite3_errmsg(db));
            continue;
        }
        while (sqlite3_step(s) == SQLITE_ROW) {
            QString row;
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                switch (sqlite3_column_type(s, c)) {
                case SQLITE_NULL:
                    row += u"NULL"_s;
                    break;
                case SQLITE_INTEGER:
                    row += QString::number(sqlite3_column_int64(s, c));
                    break;
                case SQLITE_FLOAT:
                    row += QString::number(sqlite3_column_double(s, c), 'g', 17);
                    break;
                default:
                    row += QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, c)));
                }
                row += u'|';
            }
            out << row;
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

// Two runs with something in every table, and values that test exactness: 0.1 + 0.2, a subnormal, the largest
// double, an infinity, a NaN (stored as NULL), steps past 2^53, text with tabs, newlines, backslashes and
// non-ASCII; enough points for three downsampling levels.
bool fill(const QString &path, QString *error) {
    StoreWriter w;
    if (!w.open(path, error))
        return false;
    for (int r = 0; r < 2; ++r) {
        RunRow row;
        row.uid = u"20261207-120000-%1"_s.arg(r);
        row.name = r == 0 ? u"bert\tbase\nline \\ two — ü"_s : u"second"_s;
        row.status = r == 0 ? RunStatus::Finished : RunStatus::Failed;
        row.createdMs = 1765000000000 + r;
        row.startedMs = row.createdMs + 5;
        row.endedMs = row.createdMs + 9000;
        row.exitCode = r;
        row.failedRank = r == 0 ? -1 : 1;
        row.host = u"gpu1"_s;
        row.workingDirectory = u"/home/ml/project"_s;
        row.command = uR"(["python3","train.py","--lr","0.1"])"_s;
        row.config = u"compute_environment: LOCAL_MACHINE\nmixed_precision: bf16\n"_s;
        row.runDir = u"/data/runs/"_s + row.uid;
        row.ingestRefusals = uR"({"unauthenticated":2})"_s;
        const qint64 id = w.createRun(row, error);
        if (id <= 0 || !w.updateRun(
                           [&] {
                               RunRow done = row;
                               done.id = id;
                               return done;
                           }(),
                           error))
            return false;
        if (!w.setParams(id, {{u"lr"_s, u"0.1"_s}, {u"model"_s, u"bert \"base\""_s}}, error) ||
            !w.setTags(id, {{u"note"_s, u"tabs\there"_s}}, error) ||
            !w.appendLog(id, 0, 1765000000100, u"stderr"_s, u"Traceback\n  line 3\\n"_s, error) ||
            !w.appendLog(id, 1, 1765000000200, u"tracker"_s, u"second line"_s, error))
            return false;
        std::vector<IncomingPoint> points;
        const double specials[] = {
            0.1 + 0.2, 4.9e-320, std::numeric_limits<double>::max(), std::numeric_limits<double>::infinity(),
            NAN,       -1.0 / 3};
        for (int i = 0; i < 6; ++i)
            points.push_back(
                IncomingPoint{u"exact"_s, (qint64(1) << 53) + i, specials[i], 1765000001000 + i});
        for (int i = 0; i < 70000; ++i)
            points.push_back(IncomingPoint{u"loss"_s, i, std::sin(i * 0.001) / (1 + i), 1765000002000 + i});
        if (!w.appendPoints(id, 0, points, StoreWriter::BatchMark{u"tracker-0"_s, 7, 0, false}, error) ||
            !w.appendPoints(id, 1, {IncomingPoint{u"loss"_s, 0, 2.5, 1765000003000}},
                            StoreWriter::BatchMark{u"tracker-1"_s, 1, 1, false}, error) ||
            !w.begin(error) || !w.recordTrackerReport(id, u"tracker-1"_s, 12, false, error) ||
            !w.commit(error))
            return false;
    }
    // The tables no writer call of these fills: system metrics and a queue entry.
    sql::Database &db = w.connection();
    return db.exec(
        "INSERT INTO system_metrics(run_id, host, device, key, wall_ms, value) VALUES"
        "(1, 'gpu1', 'cuda:0', 'gpu_util_percent', 1765000004000, 97.5),"
        "(1, 'gpu1', NULL, 'cpu_percent', 1765000004001, NULL);"
        "INSERT INTO queue(run_id, position, gpus, cpu_slots, hosts, words, working_dir, env, devices,"
        " launcher, started_ms) VALUES(2, 3, 2, 0, '', '[\"train.py\"]', '/w', '{}', '0,1', NULL,"
        " 1765000005000)",
        error);
}

} // namespace

class TestPostgres : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void copyIsExactBothWaysAndOnce();
    void copyThroughTheCommandLine();
    void errorsNameTheServerAndHideThePassword();
    void launchRecordsOnTheServer();
    void serverRestartMidRunLosesNothingAcknowledged();
    void queueOnTheServer();
    void watcherHearsCommitsWithoutPolling();

private:
    // The CLI's environment with the server as its database (a password in the URL: trust authentication
    // takes any, and none may be written anywhere) and its data folder in this suite's folder.
    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, serverUrlWithPassword());
        e.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        e.insert(u"OMP_NUM_THREADS"_s, u"1"_s);
        return e;
    }
    QString serverUrlWithPassword() const {
        return u"postgresql://trainyard:pw-s3cret@127.0.0.1:%1/trainyard"_s.arg(m_server.port());
    }
    QString writeScript(const QString &name, const QByteArray &text) const {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }

    test::PrivatePostgres m_server;
    QTemporaryDir m_dir;
};

void TestPostgres::initTestCase() {
    QString why;
    if (!m_server.start(&why)) {
        if (qEnvironmentVariableIsSet("TRAINYARD_REQUIRE_POSTGRES"))
            QFAIL(qPrintable(u"TRAINYARD_REQUIRE_POSTGRES is set, but: "_s + why));
        QSKIP(qPrintable(why));
    }
}

void TestPostgres::copyIsExactBothWaysAndOnce() {
    const QString a = m_dir.filePath(u"a.db"_s), b = m_dir.filePath(u"b.db"_s);
    QString error;
    QVERIFY2(fill(a, &error), qPrintable(error));
    const QStringList original = dump(a);
    QVERIFY(original.size() > 140000); // two runs' 70,007 points and their levels
    CopyReport there;
    QVERIFY2(copyRuns(a, m_server.url(), &there, &error), qPrintable(error));
    QCOMPARE(there.runs, 2);
    QCOMPARE(there.points, 2 * 70007);
    QVERIFY(there.skipped.isEmpty());
    // On the server: every point, the doubles to the bit (as the server prints them back).
    pg::Connection c;
    QVERIFY2(c.open(m_server.url(), &error), qPrintable(error));
    QList<pg::Value> got;
    QVERIFY2(c.query(
                 "SELECT count(*), sum(CASE WHEN p.value IS NULL THEN 1 ELSE 0 END) FROM points p", {},
                 [&](const QList<pg::Value> &r) { got = r; }, &error),
             qPrintable(error));
    QCOMPARE(got.value(0).value_or(QByteArray()), QByteArray("140014"));
    QCOMPARE(got.value(1).value_or(QByteArray()), QByteArray("2")); // the NaN of each run
    QVERIFY2(c.query(
                 "SELECT p.value FROM points p JOIN series s ON s.id = p.series_id WHERE s.key = 'exact'"
                 " AND p.seq = 0 LIMIT 1",
                 {}, [&](const QList<pg::Value> &r) { got = r; }, &error),
             qPrintable(error));
    QCOMPARE(got.value(0)->toDouble(), 0.1 + 0.2);
    // And back into a new file: the same runs, every column.
    CopyReport back;
    QVERIFY2(copyRuns(m_server.url(), b, &back, &error), qPrintable(error));
    QCOMPARE(back.runs, 2);
    const QStringList returned = dump(b);
    QCOMPARE(returned.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i)
        if (returned[i] != original[i])
            QFAIL(qPrintable(u"row %1 differs:\n  %2\n  %3"_s.arg(i).arg(original[i], returned[i])));
    // Copying again copies nothing twice: both runs are named as already there.
    CopyReport again;
    QVERIFY2(copyRuns(a, m_server.url(), &again, &error), qPrintable(error));
    QCOMPARE(again.runs, 0);
    QCOMPARE(again.skipped, (QStringList{u"20261207-120000-0"_s, u"20261207-120000-1"_s}));
    QVERIFY2(c.query(
                 "SELECT count(*) FROM runs", {}, [&](const QList<pg::Value> &r) { got = r; }, &error),
             qPrintable(error));
    QCOMPARE(got.value(0).value_or(QByteArray()), QByteArray("2"));
    // What the SQLite reader makes of the copy: the same runs, and the same chart queries.
    StoreReader ra, rb;
    QVERIFY(ra.open(a, &error) && rb.open(b, &error));
    const RunRow r0 = *ra.runByUid(u"20261207-120000-0"_s), r1 = *rb.runByUid(u"20261207-120000-0"_s);
    QCOMPARE(r1.name, r0.name);
    QCOMPARE(r1.status, r0.status);
    QCOMPARE(rb.series(r1.id).size(), ra.series(r0.id).size());
}

void TestPostgres::copyThroughTheCommandLine() {
    const QString a = m_dir.filePath(u"cli.db"_s), b = m_dir.filePath(u"cli-back.db"_s);
    QString error;
    {
        StoreWriter w;
        QVERIFY2(w.open(a, &error), qPrintable(error));
        RunRow row;
        row.uid = u"cli-run"_s;
        row.name = u"from the command line"_s;
        row.status = RunStatus::Finished;
        const qint64 id = w.createRun(row, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QVERIFY2(w.appendPoints(id, 0, {IncomingPoint{u"acc"_s, 1, 0.5, 1}}, std::nullopt, &error),
                 qPrintable(error));
    }
    const auto trainyard = [](const QStringList &args, QString *out) {
        QProcess p;
        p.start(QStringLiteral(TRAINYARD_CLI), args);
        p.waitForFinished(60000);
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitCode();
    };
    QString out;
    QCOMPARE(trainyard({u"db"_s, u"copy"_s, a, m_server.url()}, &out), 0);
    QVERIFY2(out.contains(u"copied 1 run (1 points)"_s), qPrintable(out));
    QCOMPARE(trainyard({u"db"_s, u"copy"_s, m_server.url(), b}, &out), 0);
    QVERIFY2(out.contains(u"cli-run"_s) || out.contains(u"copied"_s), qPrintable(out));
    StoreReader r;
    QVERIFY(r.open(b, &error));
    QVERIFY(r.runByUid(u"cli-run"_s));
    QCOMPARE(trainyard({u"db"_s, u"copy"_s, a, m_server.url()}, &out), 0);
    QVERIFY2(out.contains(u"left out 1 run"_s) && out.contains(u"cli-run"_s), qPrintable(out));
    QCOMPARE(trainyard({u"db"_s, u"copy"_s, a}, &out), 2); // usage
    QVERIFY2(out.contains(u"usage: trainyard db copy FROM TO"_s), qPrintable(out));
}

void TestPostgres::errorsNameTheServerAndHideThePassword() {
    const QString a = m_dir.filePath(u"a2.db"_s);
    QString error;
    {
        StoreWriter w;
        QVERIFY2(w.open(a, &error), qPrintable(error));
    }
    // A port nothing listens on (the server's, once stopped would do; a closed one is quicker).
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 closed = probe.serverPort();
    probe.close();
    CopyReport r;
    QVERIFY(!copyRuns(a, u"postgresql://ml:s3cret-pw@127.0.0.1:%1/trainyard"_s.arg(closed), &r, &error));
    QVERIFY2(error.contains(u"127.0.0.1"_s) && error.contains(QString::number(closed)), qPrintable(error));
    QVERIFY2(!error.contains(u"s3cret"_s), qPrintable(error));
    QVERIFY(!copyRuns(m_dir.filePath(u"missing.db"_s), m_server.url(), &r, &error));
    QVERIFY2(error.contains(u"missing.db"_s), qPrintable(error));
}

// `trainyard launch` with a server as the database: the run, its parameters and every rank's points are on
// the server, the runs commands read them from there, and no file of the run holds the URL's password.
void TestPostgres::launchRecordsOnTheServer() {
    const QString script = writeScript(u"train.py"_s, R"(
import os
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker(run_name="on-server")
t.store_init_configuration({"lr": 0.25, "epochs": 3})
for step in range(300):
    t.log({"loss": 1.0 / (step + 1), "acc": step / 300.0}, step=step)
t.finish()
)"_ba);
    const auto r =
        test::runCli({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, script}, env(), m_dir.path());
    QVERIFY2(r.exitCode == 0, QByteArray(r.err + r.out).constData());
    QVERIFY2(!QByteArray(r.out + r.err).contains("pw-s3cret"), QByteArray(r.err + r.out).constData());
    const auto list = test::runCli({u"runs"_s, u"list"_s, u"--json"_s}, env());
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QJsonArray runs = QJsonDocument::fromJson(list.out).array();
    QJsonObject run;
    for (const QJsonValue &v : runs)
        if (v.toObject().value(u"name"_s).toString().startsWith(u"on-server"_s))
            run = v.toObject();
    QVERIFY2(!run.isEmpty(), list.out.constData());
    QCOMPARE(run.value(u"status"_s).toString(), u"finished"_s);
    QCOMPARE(run.value(u"user"_s).toString(), currentUserName()); // who launched it, for a team's server
    const QString id = run.value(u"id"_s).toString();
    const auto exported = test::runCli({u"runs"_s, u"export"_s, id, u"--format"_s, u"jsonl"_s}, env());
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QMap<QString, int> points = test::pointCounts(exported.out);
    QCOMPARE(points, (QMap<QString, int>{
                         {u"acc@0"_s, 300}, {u"acc@1"_s, 300}, {u"loss@0"_s, 300}, {u"loss@1"_s, 300}}));
    const auto shown = test::runCli({u"runs"_s, u"show"_s, id}, env());
    QVERIFY2(shown.exitCode == 0 && shown.out.contains("lr") && shown.out.contains("0.25"),
             shown.out.constData());
    // The same rows through the server's own client library: the server holds them, not a file.
    pg::Connection c;
    QString error;
    QVERIFY2(c.open(m_server.url(), &error), qPrintable(error));
    QList<pg::Value> got;
    QVERIFY2(
        c.query(
            "SELECT count(*) FROM points p JOIN series s ON s.id = p.series_id JOIN runs r ON r.id = s.run_id"
            " WHERE r.uid = $1 AND s.key = 'loss'",
            {id.toUtf8()}, [&](const QList<pg::Value> &row) { got = row; }, &error),
        qPrintable(error));
    QCOMPARE(got.value(0).value_or(QByteArray()), QByteArray("600"));
    // The run's folder (where the default database's would be) keeps no password.
    const QString folder = m_dir.filePath(u"data/trainyard/runs/"_s + id);
    QVERIFY2(QFileInfo(folder).isDir(), qPrintable(folder));
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("pw-s3cret"), qPrintable(f.fileName()));
        ++files;
    }
    QVERIFY(files >= 2); // run.json and the launcher's log at least
}

// The server stops at once (as a crash would) while both ranks log, and comes back 3 s later: the launcher
// keeps what it holds, commits it once the server is back, and every point is stored exactly once.
void TestPostgres::serverRestartMidRunLosesNothingAcknowledged() {
    const QString script = writeScript(u"slow.py"_s, R"(
import time
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker(run_name="restart")
for step in range(4000):
    t.log({"loss": step * 0.5}, step=step)
    if step % 100 == 0:
        time.sleep(0.1)
t.finish()
)"_ba);
    QProcess launcher;
    launcher.setProcessEnvironment(env());
    launcher.setWorkingDirectory(m_dir.path());
    launcher.start(QStringLiteral(TRAINYARD_CLI),
                   {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, script});
    QVERIFY(launcher.waitForStarted(10000));
    // Some points are committed before the server goes.
    QString error;
    auto stored = [&] {
        pg::Connection c;
        qint64 n = -1;
        if (c.open(m_server.url(), nullptr))
            c.query(
                "SELECT count(*) FROM points p JOIN series s ON s.id = p.series_id JOIN runs r ON r.id = "
                "s.run_id"
                " WHERE r.name LIKE 'restart%' AND s.key = 'loss'",
                {}, [&](const QList<pg::Value> &row) { n = row.value(0).value_or("0").toLongLong(); },
                nullptr);
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(stored() >= 400, 60000);
    QVERIFY(m_server.stop());
    QTest::qWait(3000);
    QVERIFY2(m_server.startServer(&error), qPrintable(error));
    QVERIFY(launcher.waitForFinished(120000));
    const QByteArray out = launcher.readAllStandardOutput() + launcher.readAllStandardError();
    QVERIFY2(launcher.exitCode() == 0, out.constData());
    // The launcher said the server was out of reach, and that it came back.
    QVERIFY2(out.contains("the run database cannot be written") &&
                 out.contains("the run database can be written again") && !out.contains("pw-s3cret"),
             out.constData());
    QCOMPARE(stored(), qint64(8000));
    // In order, once each: the seq of each series runs 0..3999 with the step it was logged with.
    pg::Connection c;
    QVERIFY2(c.open(m_server.url(), &error), qPrintable(error));
    QList<pg::Value> got;
    QVERIFY2(c.query(
                 "SELECT count(*), count(DISTINCT (p.series_id, p.seq)), sum(CASE WHEN p.seq = p.step THEN"
                 " 1 ELSE 0 END) FROM points p JOIN series s ON s.id = p.series_id JOIN runs r ON"
                 " r.id = s.run_id WHERE r.name LIKE 'restart%' AND s.key = 'loss'",
                 {}, [&](const QList<pg::Value> &row) { got = row; }, &error),
             qPrintable(error));
    QCOMPARE(got.value(0).value_or(""), QByteArray("8000"));
    QCOMPARE(got.value(1).value_or(""), QByteArray("8000"));
    QCOMPARE(got.value(2).value_or(""), QByteArray("8000"));
    // The run says how it ended, and that its record is whole.
    const auto list = test::runCli({u"runs"_s, u"list"_s, u"--json"_s}, env());
    bool seen = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(list.out).array()) {
        const QJsonObject o = v.toObject();
        if (!o.value(u"name"_s).toString().startsWith(u"restart"_s))
            continue;
        seen = true;
        QCOMPARE(o.value(u"status"_s).toString(), u"finished"_s);
        QVERIFY2(!o.value(u"incomplete"_s).toBool(), list.out.constData());
    }
    QVERIFY2(seen, list.out.constData());
}

// The queue on a server: queued, listed, moved and removed through the same commands as with a file.
void TestPostgres::queueOnTheServer() {
    const QString script = writeScript(
        u"q.py"_s, "import os\nopen('token.txt', 'w').write(os.environ.get('HF_TOKEN', 'none'))\n");
    QProcessEnvironment withToken = env();
    withToken.insert(u"HF_TOKEN"_s, u"hf-tok-secret"_s);
    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        const auto added = test::runCli({u"queue"_s, u"add"_s, u"--cpu-slots"_s, u"1"_s, u"--cpu"_s, script},
                                        withToken, m_dir.path());
        QVERIFY2(added.exitCode == 0, QByteArray(added.err + added.out).constData());
        ids << QString::fromUtf8(added.out.trimmed().split('\n').last());
    }
    auto listed = [&] {
        const auto l = test::runCli({u"queue"_s, u"list"_s, u"--json"_s}, env());
        QStringList order;
        for (const QJsonValue &v : QJsonDocument::fromJson(l.out).object().value(u"runs"_s).toArray())
            order << v.toObject().value(u"id"_s).toString();
        return order;
    };
    QCOMPARE(listed(), ids);
    // What others can read on the server keeps no secret of the shell that queued the runs.
    pg::Connection c;
    QString error;
    QVERIFY2(c.open(m_server.url(), &error), qPrintable(error));
    QByteArray rows;
    QVERIFY2(c.query(
                 "SELECT env FROM queue", {},
                 [&](const QList<pg::Value> &r) { rows += r.value(0).value_or(""); }, &error),
             qPrintable(error));
    QVERIFY2(rows.contains("TRAINYARD_DB") && !rows.contains("pw-s3cret") && !rows.contains("hf-tok-secret"),
             rows.constData());
    QCOMPARE(test::runCli({u"queue"_s, u"move"_s, ids[1], u"--to"_s, u"1"_s}, env()).exitCode, 0);
    QCOMPARE(listed(), (QStringList{ids[1], ids[0]}));
    QFile::remove(m_dir.filePath(u"token.txt"_s));
    const auto ran = test::runCli({u"queue"_s, u"run"_s, u"--cpu-slots"_s, u"2"_s, u"--until-empty"_s},
                                  withToken, m_dir.path());
    QVERIFY2(ran.exitCode == 0, QByteArray(ran.err + ran.out).constData());
    // The runner gave the runs its own secrets back.
    QFile token(m_dir.filePath(u"token.txt"_s));
    QVERIFY(token.open(QIODevice::ReadOnly));
    QCOMPARE(token.readAll(), QByteArray("hf-tok-secret"));
    for (const QString &id : std::as_const(ids)) {
        const auto shown = test::runCli({u"runs"_s, u"show"_s, id, u"--json"_s}, env());
        QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(u"status"_s).toString(), u"finished"_s);
    }
}

// Live updates from a server come by LISTEN/NOTIFY: a commit is heard at once, a read is not, and the
// watcher hears again after the server restarted.
void TestPostgres::watcherHearsCommitsWithoutPolling() {
    QString error;
    StoreWriter w;
    QVERIFY2(w.open(m_server.url(), &error), qPrintable(error));
    DatabaseWatcher watcher;
    QSignalSpy changed(&watcher, &DatabaseWatcher::changed);
    watcher.watch(m_server.url(), 60000); // the interval is not used on a server: nothing is polled
    QTest::qWait(500);
    changed.clear();
    RunRow row;
    row.uid = u"watched-run"_s;
    QElapsedTimer clock;
    clock.start();
    const qint64 id = w.createRun(row, &error);
    QVERIFY2(id > 0, qPrintable(error));
    QVERIFY(changed.wait(2000));
    qInfo("a commit was heard %lld ms after it", clock.elapsed());
    QTest::qWait(200);
    changed.clear();
    StoreReader r;
    QVERIFY(r.open(m_server.url(), &error));
    QVERIFY(r.run(id));
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0);
    // The server goes and comes back: the watcher connects again (within a second) and hears again.
    QVERIFY(m_server.stop());
    QVERIFY2(m_server.startServer(&error), qPrintable(error));
    QVERIFY(changed.wait(5000)); // what may have changed meanwhile
    QTest::qWait(1500);
    changed.clear();
    StoreWriter again;
    QVERIFY2(again.open(m_server.url(), &error), qPrintable(error));
    QVERIFY2(again.appendPoints(id, 0, {IncomingPoint{u"loss"_s, 0, 1.0, 0}}, std::nullopt, &error),
             qPrintable(error));
    QVERIFY(changed.wait(2000));
    // The writer opened before the restart connects again (its first statement finds the old connection
    // gone) with its session's settings: it still waits at most 10 s for the write lock.
    QString timeout;
    for (int i = 0; i < 3 && timeout.isEmpty(); ++i) {
        sql::Statement show(w.connection(), "SHOW lock_timeout");
        if (show.step() == SQLITE_ROW)
            timeout = show.text(0);
    }
    QCOMPARE(timeout, u"10s"_s);
}

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
