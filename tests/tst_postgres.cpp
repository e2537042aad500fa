// PostgreSQL as the run database (issue "A shared run database on PostgreSQL"): a private server per suite
// (tests/postgres.h). Skipped where PostgreSQL is not installed, unless TRAINYARD_REQUIRE_POSTGRES is set
// (CI).
#include "dbcopy.h"
#include "pgconn.h"
#include "postgres.h"
#include "store.h"

#include <QProcess>
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
        " run_dir, launcher, heartbeat_ms, failed_rank, ingest_refusals FROM runs ORDER BY uid",
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

private:
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

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
