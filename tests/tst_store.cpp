// The run database and the ingest path: exact downsampling, reopen and migration, concurrent clients exactly
// once, rejected input, and the writer killed with SIGKILL in the middle of ingest.
#include "asyncclient.h"
#include "chartquery.h"
#include "client.h"
#include "dbwatcher.h"
#include "ingestserver.h"
#include "livepush.h"
#include "processes.h"
#include "protocol.h"
#include "runcontrol.h"
#include "runfilter.h"
#include "store.h"
#include "testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cmath>
#include <csignal>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace trainyard;

namespace {

qint64 makeRun(StoreWriter &w, const QString &uid) {
    RunRow r;
    r.uid = uid;
    r.name = uid;
    r.createdMs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    const qint64 id = w.createRun(r, &error);
    if (!id)
        qFatal("createRun: %s", qPrintable(error));
    return id;
}

// Serves run "r" (token "tok") from an ingest service that pushes to receiver as the launch named launch;
// the run's row as stored, or nothing (and error).
std::optional<RunRow> servePushing(IngestService &service, const QString &db, qint64 run,
                                   const PushReceiver &receiver, const QString &launch, QString *error) {
    if (!service.start(db, error))
        return std::nullopt;
    service.server()->registerRun(u"r"_s, run, "tok");
    StoreReader reader;
    std::optional<RunRow> row = reader.open(db, error) ? reader.run(run) : std::nullopt;
    if (!row)
        return std::nullopt;
    QMetaObject::invokeMethod(
        service.server(), [&] { service.server()->pushTo(receiver.serverPath(), launch, *row); },
        Qt::BlockingQueuedConnection);
    return row;
}

// Starts an ingest server on the database at path and registers a new run with the token; the run's id.
qint64 serveRun(IngestService &service, const QString &path, const QString &uid, const QByteArray &token) {
    QString error;
    if (!service.start(path, &error))
        qFatal("ingest server: %s", qPrintable(error));
    StoreWriter w;
    if (!w.open(path, &error))
        qFatal("database: %s", qPrintable(error));
    const qint64 id = makeRun(w, uid);
    service.server()->registerRun(uid, id, token);
    return id;
}

bool sameAggregates(const QList<Aggregate> &a, const QList<Aggregate> &b, QString *why) {
    if (a.size() != b.size()) {
        *why = u"%1 buckets vs %2"_s.arg(a.size()).arg(b.size());
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Aggregate &x = a[i], &y = b[i];
        if (x.count != y.count || x.firstStep != y.firstStep || x.lastStep != y.lastStep ||
            x.firstValue != y.firstValue || x.lastValue != y.lastValue || x.minValue != y.minValue ||
            x.maxValue != y.maxValue) {
            *why = u"bucket %1 differs: count %2/%3 min %4/%5 max %6/%7"_s.arg(i)
                       .arg(x.count)
                       .arg(y.count)
                       .arg(x.minValue)
                       .arg(y.minValue)
                       .arg(x.maxValue)
                       .arg(y.maxValue);
            return false;
        }
    }
    return true;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runFilter_data();
    void runFilter();
    void runFilterErrors_data();
    void runFilterErrors();
    void filterTagAndNoteFromTheCli();
    void checkpointsOffTheWritersThread();
    void aClientIdUsedAgainGoesOnNumbering();
    void aLongPushedSeriesIsCutIntoFrames();
    void pushReceiverBoundsConnectionsAndFrames();
    void asyncClientBuffersWhileTheDatabaseIsLocked();
    void lastStackDumpOfEachRank();
    void metricsInTheirUnits_data();
    void metricsInTheirUnits();
    void downsamplingIsExact();
    void reopenContinuesLevels();
    void migrationFromVersion1();
    void concurrentClientsExactlyOnce();
    void resentBatchIsStoredOnce();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void strangersAreBounded();
    void clientRidesOutAStalledServer();
    void writerKilledLosesNothingAcknowledged();
    void watcherSeesOtherProcesses();
    void chartSmoothingOnFullResolution();
    void chartWallTimeAndAggregatedRanks();
    void pushedPointsContinueALine();
    void pushFramesRoundTrip();
    void ingestPushesCommittedPoints();
    void ingestPushesOnReceiptWithTheirStoredPlace();
};

void TestStore::downsamplingIsExact() {
    QTemporaryDir dir;
    StoreWriter w;
    QString error;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QVERIFY2(w.open(path, &error), qPrintable(error));
    const qint64 run = makeRun(w, u"r"_s);
    // 300,000 noisy points with rare spikes both ways: random sampling would miss them.
    QRandomGenerator rng(42);
    std::vector<IncomingPoint> pts;
    const int n = 300000;
    for (int i = 0; i < n; ++i) {
        double v = std::sin(i / 5000.0) + rng.generateDouble() * 0.01;
        if (rng.bounded(20000) == 0)
            v += rng.bounded(2) ? 50 : -50;
        pts.push_back(IncomingPoint{u"loss"_s, i * 2, v, 0});
        if (pts.size() == 10000) {
            QVERIFY2(w.appendPoints(run, 0, pts, std::nullopt, &error), qPrintable(error));
            pts.clear();
        }
    }
    StoreReader r;
    QVERIFY2(r.open(path, &error), qPrintable(error));
    const QList<SeriesRow> series = r.series(run);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series[0].count, qint64(n));
    const qint64 sid = series[0].id;
    // Whole range, zoomed ranges with unaligned edges, tiny ranges; the fast path equals the full scan.
    const QList<std::tuple<qint64, qint64, int>> ranges = {
        {0, 2 * n, 2000},   {0, 2 * n, 7}, {12345, 456789, 2000},   {1, 33, 2000},
        {99999, 100001, 3}, {-50, 10, 5},  {590000, 10000000, 100}, {2 * n + 10, 2 * n + 20, 10}};
    for (const auto &[from, to, buckets] : ranges) {
        const QList<Aggregate> fast = r.downsample(sid, from, to, buckets);
        const QList<Aggregate> scan = r.downsampleByScan(sid, from, to, buckets);
        QString why;
        QVERIFY2(sameAggregates(fast, scan, &why),
                 qPrintable(u"[%1, %2] / %3: "_s.arg(from).arg(to).arg(buckets) + why));
        QVERIFY(fast.size() <= buckets + 1);
    }
    // Over the whole series, the buckets' extremes are the series' extremes.
    const QList<Aggregate> all = r.downsample(sid, 0, 2 * n, 50);
    double lo = INFINITY, hi = -INFINITY;
    for (const Aggregate &a : all) {
        lo = std::min(lo, a.minValue);
        hi = std::max(hi, a.maxValue);
    }
    QCOMPARE(lo, series[0].minValue);
    QCOMPARE(hi, series[0].maxValue);
    QVERIFY(hi > 40 && lo < -40); // the spikes are there
}

void TestStore::reopenContinuesLevels() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QString error;
    qint64 run = 0;
    for (int session = 0; session < 3; ++session) {
        StoreWriter w;
        QVERIFY2(w.open(path, &error), qPrintable(error));
        if (!run)
            run = makeRun(w, u"r"_s);
        std::vector<IncomingPoint> pts;
        for (int i = 0; i < 70001; ++i) // not a multiple of any chunk size
            pts.push_back(IncomingPoint{u"x"_s, session * 70001 + i, double((i * 7919) % 1000) - session, 0});
        QVERIFY2(w.appendPoints(run, 3, pts, std::nullopt, &error), qPrintable(error));
    }
    StoreReader r;
    QVERIFY(r.open(path, &error));
    const qint64 sid = r.series(run).first().id;
    QCOMPARE(r.pointCount(sid), qint64(3 * 70001));
    for (int buckets : {1, 10, 1000}) {
        QString why;
        QVERIFY2(sameAggregates(r.downsample(sid, 0, 1 << 30, buckets),
                                r.downsampleByScan(sid, 0, 1 << 30, buckets), &why),
                 qPrintable(why));
    }
}

void TestStore::migrationFromVersion1() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.db"_s);
    QString error;
    {
        sql::Database db;
        QVERIFY(db.open(path, false, &error));
        QVERIFY2(migrate(db, &error, 1), qPrintable(error));
        QCOMPARE(db.userVersion(), 1);
        QVERIFY(db.exec(
            "INSERT INTO runs(uid, name, status, created_ms) VALUES('old-run', 'from v1', 'finished', 5)"));
        QVERIFY(db.exec("INSERT INTO series(run_id, rank, key, count) VALUES(1, 0, 'loss', 0)"));
    }
    StoreWriter w;
    QVERIFY2(w.open(path, &error), qPrintable(error)); // migrates to the current schema
    StoreReader r;
    QVERIFY2(r.open(path, &error), qPrintable(error));
    const auto run = r.runByUid(u"old-run"_s);
    QVERIFY(run.has_value());
    QCOMPARE(run->name, u"from v1"_s);
    QCOMPARE(run->runDir, QString()); // the column added by version 2
    // The migrated database takes new data, including into the series made by version 1.
    QVERIFY2(w.appendPoints(run->id, 0, {IncomingPoint{u"loss"_s, 1, 0.5, 0}},
                            StoreWriter::BatchMark{u"c"_s, 1}, &error),
             qPrintable(error));
    QCOMPARE(r.series(run->id).first().count, 1);
    QCOMPARE(w.lastBatch(run->id, u"c"_s), 1);
    // A database from a newer Trainyard is refused, not damaged.
    sql::Database db;
    QVERIFY(db.open(path, false, &error));
    QVERIFY(db.exec("PRAGMA user_version = 99"));
    StoreWriter newer;
    QVERIFY(!newer.open(path, &error));
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
}

void TestStore::concurrentClientsExactlyOnce() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QString error;
    IngestService service;
    const qint64 runId = serveRun(service, path, u"concurrent"_s, "secret");
    const int ranks = 4, perRank = 50000;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int rank = 0; rank < ranks; ++rank) {
        threads.emplace_back([&, rank] {
            TrackerClient c;
            c.batchSize = 1000;
            std::string e;
            if (!c.connect("127.0.0.1", service.port(), "secret", "concurrent", rank,
                           "client-" + std::to_string(rank), &e)) {
                ++failures;
                return;
            }
            for (int i = 0; i < perRank; ++i) {
                c.log("loss", i, rank + i * 1e-6);
                if (i % 2 == 0)
                    c.log("lr", i, 0.1);
            }
            if (!c.flush(&e))
                ++failures;
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    StoreReader r;
    QVERIFY(r.open(path, &error));
    const QList<SeriesRow> series = r.series(runId);
    QCOMPARE(series.size(), ranks * 2);
    for (const SeriesRow &s : series) {
        const qint64 expected = s.key == u"loss"_s ? perRank : perRank / 2;
        QCOMPARE(s.count, expected);
        const QList<PointRow> pts = r.points(s.id, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(pts.size(), expected);
        for (qsizetype i = 0; i < pts.size(); ++i) // every step once, in order: nothing lost, nothing doubled
            QCOMPARE(pts[i].step, s.key == u"loss"_s ? i : 2 * i);
    }
    QCOMPARE(service.server()->stats().points, qint64(ranks) * (perRank + perRank / 2));
}

void TestStore::resentBatchIsStoredOnce() {
    // A client that lost the acknowledgement sends the batch again; the server stores it once and
    // acknowledges.
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QString error;
    IngestService service;
    const qint64 runId = serveRun(service, path, u"resend"_s, "t");
    std::string points;
    protocol::put64(points, 1);
    protocol::put32(points, 1);
    protocol::put16(points, 4);
    points += "loss";
    protocol::put32(points, 2);
    for (int i = 0; i < 2; ++i) {
        const protocol::WirePoint p{0, i, 1.5, 0};
        points.append(reinterpret_cast<const char *>(&p), sizeof p);
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, service.port());
        QVERIFY(s.waitForConnected(5000));
        const std::string hello = protocol::frame(
            protocol::Hello, R"({"protocol":1,"token":"t","run":"resend","rank":0,"client":"same"})");
        s.write(hello.data(), qint64(hello.size()));
        const std::string f = protocol::frame(protocol::Points, points);
        s.write(f.data(), qint64(f.size()));
        const QByteArray ackHeader("\x09\x00\x00\x00\x05", 5); // u32 length 9, type ACK
        QByteArray got;
        while (!got.contains(ackHeader) && s.waitForReadyRead(5000)) // a WELCOME, then an ACK
            got += s.readAll();
        QVERIFY(got.contains(ackHeader));
        QCOMPARE(got.contains("\"last_batch\":1"), attempt == 1); // the second HELLO learns batch 1 is stored
    }
    StoreReader r;
    QVERIFY(r.open(path, &error));
    QCOMPARE(r.series(runId).first().count, 2);
    QCOMPARE(service.server()->stats().duplicateBatches, 1);
}

void TestStore::rejectsBadInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    auto hello = [](const char *json) {
        const std::string f = protocol::frame(protocol::Hello, json);
        return QByteArray(f.data(), qsizetype(f.size()));
    };
    const QByteArray good = hello(R"({"protocol":1,"token":"tok","run":"bad","rank":0,"client":"x"})");
    QTest::newRow("no hello") << QByteArray(protocol::frame(protocol::Points, std::string(12, '\0')).c_str(),
                                            17)
                              << u"unauthenticated"_s;
    QTest::newRow("wrong token") << hello(R"({"protocol":1,"token":"nope","run":"bad","rank":0})")
                                 << u"unauthenticated"_s;
    QTest::newRow("unknown run") << hello(R"({"protocol":1,"token":"tok","run":"other","rank":0})")
                                 << u"unauthenticated"_s;
    QTest::newRow("hello not json") << hello("{nope") << u"malformed"_s;
    QTest::newRow("future protocol") << hello(R"({"protocol":9,"token":"tok","run":"bad"})") << u"version"_s;
    QByteArray oversized = good;
    oversized += QByteArray("\xff\xff\xff\x7f\x04", 5);
    QTest::newRow("oversized frame") << oversized << u"oversized"_s;
    std::string truncated;
    protocol::put64(truncated, 1);
    protocol::put32(truncated, 1);
    protocol::put16(truncated, 4);
    truncated += "loss";
    protocol::put32(truncated, 10); // ten points announced, none follow
    const std::string tf = protocol::frame(protocol::Points, truncated);
    QTest::newRow("points cut short") << good + QByteArray(tf.data(), qsizetype(tf.size())) << u"malformed"_s;
    std::string badKey;
    protocol::put64(badKey, 1);
    protocol::put32(badKey, 1);
    protocol::put16(badKey, 4);
    badKey += "loss";
    protocol::put32(badKey, 1);
    const protocol::WirePoint p{7, 1, 1.0, 0};
    badKey.append(reinterpret_cast<const char *>(&p), sizeof p);
    const std::string bf = protocol::frame(protocol::Points, badKey);
    QTest::newRow("key index out of range")
        << good + QByteArray(bf.data(), qsizetype(bf.size())) << u"malformed"_s;
    const std::string uf = protocol::frame(protocol::FrameType(42), "x");
    QTest::newRow("unknown frame type")
        << good + QByteArray(uf.data(), qsizetype(uf.size())) << u"malformed"_s;
}

void TestStore::rejectsBadInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QString error;
    IngestService service;
    const qint64 runId = serveRun(service, path, u"bad"_s, "tok");
    // A well-behaved client keeps working alongside the bad one.
    TrackerClient good;
    std::string e;
    QVERIFY(good.connect("127.0.0.1", service.port(), "tok", "bad", 1, "good", &e));
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, service.port());
    QVERIFY(s.waitForConnected(5000));
    s.write(bytes);
    QByteArray reply;
    while (s.state() == QAbstractSocket::ConnectedState && s.waitForReadyRead(5000))
        reply += s.readAll();
    reply += s.readAll();
    const QByteArray expected = QByteArray("\"error\":\"") + reason.toUtf8() + QByteArray("\"");
    QVERIFY2(reply.contains(expected), reply.constData());
    QVERIFY(s.state() != QAbstractSocket::ConnectedState || !s.waitForReadyRead(200));
    QCOMPARE(service.server()->stats().rejected.value(reason), 1);
    good.log("loss", 1, 2.0);
    QVERIFY2(good.flush(&e), e.c_str());
    StoreReader r;
    QVERIFY(r.open(path, &error));
    QCOMPARE(r.series(runId).size(), 1);
}

void TestStore::strangersAreBounded() {
    // Any local process can connect. Those that do not say HELLO are capped in number, in what the server
    // buffers for them and in time; each refusal is counted by reason. A client with the token still gets in.
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QString error;
    IngestService service;
    const qint64 runId = serveRun(service, path, u"strangers"_s, "tok");
    // A HELLO frame announced as 10 MB: the server stops at 4 KiB.
    QTcpSocket big;
    big.connectToHost(QHostAddress::LocalHost, service.port());
    QVERIFY(big.waitForConnected(5000));
    std::string header;
    protocol::put32(header, 10'000'000);
    header.push_back(char(protocol::Hello));
    big.write(header.data(), qint64(header.size()));
    big.write(QByteArray(64 * 1024, '{'));
    QVERIFY(big.waitForBytesWritten(5000));
    QTRY_VERIFY_WITH_TIMEOUT(service.server()->stats().rejected.value(u"oversized HELLO"_s) == 1, 5000);
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 40; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, service.port());
        QVERIFY(s->waitForConnected(5000));
        idle.push_back(std::move(s));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        service.server()->stats().rejected.value(u"too many unauthenticated connections"_s) >= 8, 5000);
    // Connections that never said HELLO are closed after 10 s; then a real client is served as usual.
    QTRY_VERIFY_WITH_TIMEOUT(service.server()->stats().rejected.value(u"no HELLO in time"_s) >= 30, 15000);
    TrackerClient c;
    std::string e;
    QVERIFY2(c.connect("127.0.0.1", service.port(), "tok", "strangers", 0, "ok", &e), e.c_str());
    c.log("loss", 1, 0.5);
    QVERIFY2(c.flush(&e), e.c_str());
    StoreReader r;
    QVERIFY(r.open(path, &error));
    QCOMPARE(r.series(runId).size(), 1);
}

void TestStore::clientRidesOutAStalledServer() {
    // The server stops answering (SIGSTOP) for longer than the client's receive timeout, mid-stream: the
    // client reconnects, re-sends what was not acknowledged, and all 200,000 points of the series are stored
    // exactly once, in order.
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QProcess server;
    server.start(QStringLiteral(TRAINYARD_INGEST_HELPER), {path, u"stall-run"_s, u"tok"_s});
    QVERIFY(server.waitForStarted(10000));
    QVERIFY(server.waitForReadyRead(10000));
    const int port = server.readLine().trimmed().toInt();
    QVERIFY(port > 0);
    TrackerClient c;
    c.batchSize = 1000;
    c.receiveTimeoutMs = 500;
    c.reconnectMs = 30000;
    std::string e;
    QVERIFY2(c.connect("127.0.0.1", port, "tok", "stall-run", 0, "stall", &e), e.c_str());
    constexpr int total = 200000;
    std::atomic<uint64_t> acked{0};
    std::atomic<bool> ok{false};
    std::string flushError;
    std::thread sender([&] {
        for (int i = 0; i < total; ++i) {
            c.log("loss", i, i * 0.25);
            acked = c.acknowledgedBatches();
        }
        ok = c.flush(&flushError);
    });
    QTRY_VERIFY_WITH_TIMEOUT(acked.load() >= 20, 30000);
    ::kill(pid_t(server.processId()), SIGSTOP);
    QTest::qWait(2000);
    ::kill(pid_t(server.processId()), SIGCONT);
    sender.join();
    QVERIFY2(ok.load(), flushError.c_str());
    QVERIFY(c.reconnects() >= 1);
    QCOMPARE(c.dropped(), uint64_t(0));
    server.kill();
    server.waitForFinished(5000);
    StoreReader r;
    QString error;
    QVERIFY(r.open(path, &error));
    const auto run = r.runByUid(u"stall-run"_s);
    QVERIFY(run.has_value());
    const QList<SeriesRow> series = r.series(run->id);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series[0].count, qint64(total));
    const QList<PointRow> pts = r.points(series[0].id, 0, std::numeric_limits<qint64>::max());
    QCOMPARE(pts.size(), qsizetype(total));
    for (qsizetype i = 0; i < pts.size(); ++i) {
        QCOMPARE(pts[i].step, i);
        QCOMPARE(pts[i].value, double(i) * 0.25);
    }
}

void TestStore::writerKilledLosesNothingAcknowledged() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QProcess server;
    server.start(QStringLiteral(TRAINYARD_INGEST_HELPER), {path, u"kill-run"_s, u"tok"_s});
    QVERIFY(server.waitForStarted(10000));
    QVERIFY(server.waitForReadyRead(10000));
    const int port = server.readLine().trimmed().toInt();
    QVERIFY(port > 0);
    TrackerClient c;
    c.batchSize = 500;
    c.window = 1;
    c.reconnectMs = 500; // the server is killed for good: give up soon
    std::string e;
    QVERIFY2(c.connect("127.0.0.1", port, "tok", "kill-run", 0, "k", &e), e.c_str());
    std::atomic<bool> stop{false};
    std::atomic<uint64_t> acked{0};
    std::thread sender([&] {
        for (int i = 0; !stop; ++i) {
            c.log("loss", i, double(i));
            acked = c.acknowledgedBatches();
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(acked.load() >= 40, 30000);
    ::kill(pid_t(server.processId()), SIGKILL);
    server.waitForFinished(5000);
    stop = true;
    sender.join(); // the client's send fails once the server is gone; logging goes on buffering
    const uint64_t ackedBatches = c.acknowledgedBatches();
    QVERIFY(ackedBatches >= 40);
    QString error;
    if (!test::onServer()) { // a server keeps its own files whole
        sql::Database db;
        QVERIFY(db.open(path, false, &error));
        sql::Statement check(db, "PRAGMA integrity_check");
        QCOMPARE(check.step(), SQLITE_ROW);
        QCOMPARE(check.text(0), u"ok"_s);
    }
    StoreReader r;
    QVERIFY(r.open(path, &error));
    const auto run = r.runByUid(u"kill-run"_s);
    QVERIFY(run.has_value());
    const QList<SeriesRow> series = r.series(run->id);
    QCOMPARE(series.size(), 1);
    // Every acknowledged batch is there (batches are 500 points, steps 0, 1, 2, ... in order).
    QVERIFY2(
        uint64_t(series[0].count) >= ackedBatches * 500,
        qPrintable(u"%1 points stored, %2 batches acknowledged"_s.arg(series[0].count).arg(ackedBatches)));
    const QList<PointRow> pts = r.points(series[0].id, 0, std::numeric_limits<qint64>::max());
    for (qsizetype i = 0; i < pts.size(); ++i)
        QCOMPARE(pts[i].step, i);
    // And the database takes writes again.
    StoreWriter w;
    QVERIFY2(w.open(path, &error), qPrintable(error));
    QVERIFY(w.appendPoints(run->id, 0, {IncomingPoint{u"loss"_s, pts.size(), 1.0, 0}}, std::nullopt, &error));
}

void TestStore::watcherSeesOtherProcesses() {
    // A database that does not exist yet is watched for its creation; a commit by another process (the CLI's
    // runs import) is seen within a poll or two; reads change nothing.
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"watched.db"_s);
    DatabaseWatcher watcher;
    QSignalSpy changed(&watcher, &DatabaseWatcher::changed);
    watcher.watch(db, 50);
    QTest::qWait(200);
    QCOMPARE(changed.size(), 0); // nothing there yet
    const QString jsonl = dir.filePath(u"run.jsonl"_s);
    {
        QFile f(jsonl);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"type\": \"run\", \"name\": \"watched\"}\n{\"type\": \"point\", \"key\": \"loss\", "
                "\"step\": 0, "
                "\"value\": 1.5}\n");
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TRAINYARD_DB"_s, db);
    QVERIFY(test::runCli({u"runs"_s, u"import"_s, jsonl}, env).exitCode == 0);
    QVERIFY(changed.wait(5000)); // created (and filled, perhaps seen over several commits)
    QTest::qWait(300);
    changed.clear();
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0); // nothing new: no signal
    QElapsedTimer clock;
    clock.start();
    QVERIFY(test::runCli({u"runs"_s, u"import"_s, jsonl}, env).exitCode == 0);
    const qint64 cliMs = clock.elapsed();
    QVERIFY(changed.wait(5000));
    qInfo("runs import returned after %lld ms; the change was seen %lld ms after that", cliMs,
          clock.elapsed() - cliMs);
    changed.clear();
    StoreReader reader;
    QString error;
    QVERIFY(reader.open(db, &error));
    QCOMPARE(reader.runs().size(), 2);
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0); // a reader changes nothing
    watcher.watch({});           // stopped
    QVERIFY(test::runCli({u"runs"_s, u"import"_s, jsonl}, env).exitCode == 0);
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0);
}

namespace {
// The debiased EMA of every point, computed directly (the reference for the cache's checkpoints).
QVector<double> directEma(const QVector<double> &values, double w) {
    QVector<double> out;
    double acc = 0;
    qint64 n = 0;
    for (const double v : values) {
        if (!std::isfinite(v)) {
            out << v;
            continue;
        }
        acc = acc * w + (1 - w) * v;
        ++n;
        out << acc / (1 - std::pow(w, double(n)));
    }
    return out;
}
} // namespace

void TestStore::chartSmoothingOnFullResolution() {
    QTemporaryDir dir;
    StoreWriter w;
    QString error;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QVERIFY2(w.open(path, &error), qPrintable(error));
    const qint64 run = makeRun(w, u"r"_s);
    QRandomGenerator rng(7);
    QVector<double> values;
    const auto append = [&](int n) {
        std::vector<IncomingPoint> pts;
        for (int i = 0; i < n; ++i) {
            const int step = int(values.size());
            const double v = step == 777 ? NAN : 1.0 / (1 + step / 1000.0) + rng.generateDouble() * 0.5;
            values << v;
            pts.push_back(IncomingPoint{u"loss"_s, step, v, 0});
        }
        return w.appendPoints(run, 0, pts, std::nullopt, &error);
    };
    QVERIFY2(append(100003), qPrintable(error));
    StoreReader r;
    QVERIFY2(r.open(path, &error), qPrintable(error));
    const QList<SeriesRow> series = r.series(run);
    QCOMPARE(series.size(), 1);
    SmoothingCache cache;
    ChartQuery q;
    q.series = {ChartSeries{series[0].id, run, 0, 0}};
    q.buckets = 300;
    q.smoothing = 0.95;
    const auto check = [&](const ChartData &d, const QVector<double> &expected) -> QString {
        if (d.lines.size() != 1 || d.lines[0].buckets.isEmpty())
            return u"no line"_s;
        const ChartLine &l = d.lines[0];
        qsizetype finite = 0;
        for (const ChartBucket &b : l.buckets) {
            const double want = expected.at(b.values.lastStep); // step == seq here
            finite += std::isnan(b.smoothed) ? 0 : 1;
            if (std::isnan(want) ? !std::isnan(b.smoothed) : std::abs(b.smoothed - want) > 1e-9)
                return u"at step %1: %2, expected %3"_s.arg(b.values.lastStep).arg(b.smoothed).arg(want);
        }
        if (l.smoothX.size() != finite || l.smoothX.size() != l.smoothY.size())
            return u"%1 smoothed points for %2 buckets"_s.arg(l.smoothX.size()).arg(finite);
        return {};
    };
    // The whole series: every bucket's smoothed value is the EMA over every raw point before it.
    QVector<double> expected = directEma(values, 0.95);
    ChartData d = queryChart(r, &cache, q);
    QString why = check(d, expected);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(d.xMin, 0.0);
    QCOMPARE(d.xMax, double(values.size() - 1));
    // Smoothing follows the raw trend, and is far less noisy than it.
    QVERIFY(std::abs(d.lines[0].smoothY.last() - (1.0 / 101 + 0.25)) < 0.05);
    // Zoomed in past the NaN, narrower than a checkpoint stride per bucket: exact at every point.
    q.whole = false;
    q.from = 700.5;
    q.to = 900;
    d = queryChart(r, &cache, q);
    why = check(d, expected);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(d.lines[0].buckets.first().values.firstStep, 700); // one point beyond the left edge
    QCOMPARE(d.lines[0].buckets.last().values.lastStep, 901);
    // A point that is not a number shows as one (a gap) and leaves the average alone.
    QVERIFY(std::isnan(d.lines[0].valueAt(777)));
    QCOMPARE(d.lines[0].valueAt(778.5), expected.at(778));
    // Points arriving later extend the cache; a new weight starts again.
    QVERIFY2(append(5000), qPrintable(error));
    q.whole = true;
    expected = directEma(values, 0.95);
    why = check(queryChart(r, &cache, q), expected);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    q.smoothing = 0.6;
    why = check(queryChart(r, &cache, q), directEma(values, 0.6));
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // Without smoothing there is no smoothed curve; the raw envelope holds every bucket's extremes.
    q.smoothing = 0;
    d = queryChart(r, nullptr, q);
    QVERIFY(d.lines[0].smoothX.isEmpty());
    QVERIFY(std::isnan(d.lines[0].buckets[0].smoothed));
    double hi = -INFINITY;
    for (const double v : d.lines[0].rawY)
        hi = std::max(hi, v);
    double rawHi = -INFINITY;
    for (const double v : values)
        if (std::isfinite(v))
            rawHi = std::max(rawHi, v);
    QCOMPARE(hi, rawHi);
}

void TestStore::chartWallTimeAndAggregatedRanks() {
    QTemporaryDir dir;
    StoreWriter w;
    QString error;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QVERIFY2(w.open(path, &error), qPrintable(error));
    const qint64 run = makeRun(w, u"r"_s);
    const qint64 origin = 1'700'000'000'000;
    // Rank 0 logs v, rank 1 logs v + 2, one point per 250 ms; rank 1 stops at step 799.
    for (int rank = 0; rank < 2; ++rank) {
        std::vector<IncomingPoint> pts;
        for (int step = 0; step < (rank ? 800 : 1000); ++step)
            pts.push_back(IncomingPoint{u"loss"_s, step, step * 0.01 + rank * 2, origin + step * 250});
        QVERIFY2(w.appendPoints(run, rank, pts, std::nullopt, &error), qPrintable(error));
    }
    StoreReader r;
    QVERIFY2(r.open(path, &error), qPrintable(error));
    const QList<SeriesRow> series = r.series(run);
    QCOMPARE(series.size(), 2);
    ChartQuery q;
    for (const SeriesRow &s : series)
        q.series << ChartSeries{s.id, run, s.rank, origin};
    q.buckets = 100;
    q.axis = ChartAxis::WallTime;
    ChartData d = queryChart(r, nullptr, q);
    QCOMPARE(d.lines.size(), 2);
    QCOMPARE(d.xMin, 0.0);
    QCOMPARE(d.xMax, 999 * 0.25); // seconds since the run's start
    // A zoom by wall time picks the points logged in those seconds (and one beyond each edge).
    q.whole = false;
    q.from = 10;
    q.to = 20;
    d = queryChart(r, nullptr, q);
    QCOMPARE(d.lines[0].buckets.first().values.firstStep, 39);
    QCOMPARE(d.lines[0].buckets.last().values.lastStep, 81);
    QCOMPARE(d.lines[0].valueAt(15), 0.6); // step 60 at 15 s
    // Aggregated: one line per run, the mean of the ranks, and a band from the lowest to the highest.
    q.axis = ChartAxis::Step;
    q.whole = true;
    q.aggregateRanks = true;
    d = queryChart(r, nullptr, q);
    QCOMPARE(d.lines.size(), 1);
    const ChartLine &agg = d.lines[0];
    QCOMPARE(agg.rank, -1);
    QCOMPARE(agg.ranks, 2);
    QCOMPARE(agg.bandX.size(), agg.buckets.size());
    for (const ChartBucket &b : agg.buckets) {
        const double rank0 = double(b.values.lastStep) * 0.01;
        if (b.values.lastStep < 795) {
            QVERIFY2(std::abs(b.values.lastValue - (rank0 + 1)) < 0.1,
                     qPrintable(QString::number(b.values.lastStep)));
            QVERIFY(b.values.maxValue >= rank0 + 2 - 0.1); // buckets of ranks align to the nearest
        } else if (b.values.lastStep > 805) {
            QCOMPARE(b.values.lastValue, rank0); // rank 1 has no points there: rank 0 alone
        }
        QVERIFY(b.values.minValue <= rank0);
    }
}

// A line continued with pushed points (extendLine) ends where a fresh read of the same points ends: the same
// last value, the same smoothed value, the same envelope, the same position in the series.
void TestStore::pushedPointsContinueALine() {
    QTemporaryDir dir;
    StoreWriter w;
    QString error;
    TRAINYARD_FRESH_DATABASE(path, dir.path(), u"t.db"_s);
    QVERIFY2(w.open(path, &error), qPrintable(error));
    const qint64 run = makeRun(w, u"r"_s);
    QRandomGenerator rng(11);
    const auto point = [&](int step) {
        return IncomingPoint{u"loss"_s, step,
                             step == 1030 ? NAN : std::sin(step / 50.0) + rng.generateDouble(),
                             1'700'000'000'000 + step * 10};
    };
    std::vector<IncomingPoint> first;
    for (int step = 0; step < 1000; ++step)
        first.push_back(point(step));
    QVERIFY2(w.appendPoints(run, 0, first, std::nullopt, &error), qPrintable(error));
    StoreReader r;
    QVERIFY2(r.open(path, &error), qPrintable(error));
    SmoothingCache cache;
    ChartQuery q;
    q.series = {ChartSeries{r.series(run)[0].id, run, 0, 0}};
    q.buckets = 64;
    q.smoothing = 0.8;
    ChartData shown = queryChart(r, &cache, q);
    ChartLine &line = shown.lines[0];
    QCOMPARE(line.nextSeq, 1000);
    QVERIFY(line.smoothingKnown);
    QVERIFY(line.pointsPerBucket > 1);
    // 75 more points are stored and pushed with their seqs.
    std::vector<IncomingPoint> later;
    for (int step = 1000; step < 1075; ++step)
        later.push_back(point(step));
    std::vector<qint64> seqs;
    std::vector<KeyedPoint> keyed;
    for (const IncomingPoint &p : later)
        keyed.push_back(KeyedPoint{0, p.step, p.value, p.wallMs});
    QVERIFY2(w.appendPoints(run, 0, {u"loss"_s}, keyed, std::nullopt, &error, &seqs), qPrintable(error));
    QCOMPARE(seqs.size(), later.size());
    QCOMPARE(seqs.front(), 1000);
    QCOMPARE(seqs.back(), 1074);
    // A gap is refused and changes nothing; a point already held is skipped.
    QVERIFY(!extendLine(line, 1001, 1001, 1001, 0.5, q.smoothing));
    QCOMPARE(line.nextSeq, 1000);
    QVERIFY(extendLine(line, 999, 999, 999, 123.0, q.smoothing));
    QCOMPARE(line.buckets.last().values.lastValue, first.back().value);
    for (size_t i = 0; i < later.size(); ++i)
        QVERIFY(extendLine(line, seqs[i], later[i].step, double(later[i].step), later[i].value, q.smoothing));
    const ChartData fresh = queryChart(r, &cache, q);
    const ChartLine &read = fresh.lines[0];
    QCOMPARE(line.nextSeq, read.nextSeq);
    QCOMPARE(line.buckets.last().values.lastStep, 1074);
    QCOMPARE(line.buckets.last().values.lastValue, read.buckets.last().values.lastValue);
    QVERIFY(std::abs(line.buckets.last().smoothed - read.buckets.last().smoothed) < 1e-12);
    QCOMPARE(line.smoothY.last(), line.buckets.last().smoothed);
    qint64 count = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (const ChartBucket &b : line.buckets) {
        count += b.values.count;
        lo = std::fmin(lo, b.values.minValue);
        hi = std::fmax(hi, b.values.maxValue);
    }
    QCOMPARE(count, 1075);
    double readLo = INFINITY, readHi = -INFINITY;
    for (const ChartBucket &b : read.buckets) {
        readLo = std::fmin(readLo, b.values.minValue);
        readHi = std::fmax(readHi, b.values.maxValue);
    }
    QCOMPARE(lo, readLo);
    QCOMPARE(hi, readHi);
    // Every bucket holds at most the query's points per bucket; the raw curve has a point per drawn value.
    for (const ChartBucket &b : line.buckets)
        QVERIFY(b.values.count <= line.pointsPerBucket);
    QCOMPARE(line.rawX.size(), line.rawY.size());
    QCOMPARE(line.smoothX.size(), line.smoothY.size());
    // Smoothing with no known state (another weight than the cache holds) is refused: read again.
    ChartLine unknown = read;
    unknown.smoothingKnown = false;
    QVERIFY(!extendLine(unknown, 1075, 1075, 1075, 1.0, 0.8));
    QVERIFY(extendLine(unknown, 1075, 1075, 1075, 1.0, 0)); // without smoothing it goes on
    // An aggregated line is never continued.
    ChartLine mean = read;
    mean.rank = -1;
    QVERIFY(!extendLine(mean, 1075, 1075, 1075, 1.0, 0));
}

void TestStore::pushFramesRoundTrip() {
    PushedSeries a{42, 3, u"loss/\u00e9\u4e2d"_s, {}};
    for (int i = 0; i < 100; ++i)
        a.points << PushedPoint{i + 7, i * 2, i == 5 ? NAN : i * 0.25, 1'700'000'000'000 + i};
    const PushedSeries b{1, 0, u"x"_s, {PushedPoint{0, -1, -0.0, 0}}};
    const QByteArray stream = push::encode(a) + push::encode(b);
    // Split at every byte: whole frames come out, an unfinished one waits.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        QByteArray buffer = stream.left(cut);
        QVector<PushedSeries> out;
        QString error;
        QVERIFY(push::decode(buffer, out, &error));
        buffer += stream.mid(cut);
        QVERIFY(push::decode(buffer, out, &error));
        QVERIFY(buffer.isEmpty());
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0].runId, 42);
        QCOMPARE(out[0].rank, 3);
        QCOMPARE(out[0].key, a.key);
        QCOMPARE(out[0].points.size(), 100);
        QCOMPARE(out[0].points[99].seq, 106);
        QCOMPARE(out[0].points[99].step, 198);
        QCOMPARE(out[0].points[99].value, 24.75);
        QVERIFY(std::isnan(out[0].points[5].value));
        QCOMPARE(out[0].points[99].wallMs, 1'700'000'000'099);
        QCOMPARE(out[1].points[0].step, -1);
    }
    // Broken frames are refused with a reason: a length too large or too small, a wrong type, a count that
    // does not match the bytes, a key longer than the frame.
    const auto refuse = [](QByteArray frame, const QString &why) {
        QVector<PushedSeries> out;
        QString error;
        const bool ok = push::decode(frame, out, &error);
        return !ok && error.contains(why) ? QString() : u"accepted or wrong reason: %1"_s.arg(error);
    };
    QByteArray bad = push::encode(b);
    bad[0] = char(0xff);
    bad[3] = char(0x7f);
    QString why = refuse(bad, u"bytes"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    bad = push::encode(b);
    bad[4] = 9;
    why = refuse(bad, u"type 9"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    bad = push::encode(b);
    bad[bad.size() - 36] = 2; // the point count says 2 (the u32 before the one point)
    why = refuse(bad, u"2 points"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    bad = push::encode(b);
    bad[4 + 1 + 8 + 4] = char(0xf0); // key length 240 in a frame that is shorter
    why = refuse(bad, u"key"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // Run frames between series frames, split anywhere, come out in their own list; a reader that asks for
    // series only skips them.
    const PushedRun r{u"1234-00ff"_s, 42, u"20261206-200000-ab12"_s, RunStatus::Cancelled, 130};
    const QByteArray mixed =
        push::encode(r) + push::encode(b) + push::encode(PushedRun{{}, 7, u"u"_s, RunStatus::Queued, 0});
    for (qsizetype cut = 0; cut <= mixed.size(); ++cut) {
        QByteArray buffer = mixed.left(cut);
        QVector<PushedSeries> out;
        QVector<PushedRun> runs;
        QString error;
        QVERIFY(push::decode(buffer, out, &error, &runs));
        buffer += mixed.mid(cut);
        QVERIFY(push::decode(buffer, out, &error, &runs));
        QVERIFY(buffer.isEmpty());
        QCOMPARE(out.size(), 1);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].launch, r.launch);
        QCOMPARE(runs[0].runId, 42);
        QCOMPARE(runs[0].uid, r.uid);
        QCOMPARE(runs[0].status, RunStatus::Cancelled);
        QCOMPARE(runs[0].exitCode, 130);
        QVERIFY(runs[1].launch.isEmpty());
    }
    QByteArray seriesOnly = mixed;
    QVector<PushedSeries> out;
    QString error;
    QVERIFY(push::decode(seriesOnly, out, &error));
    QCOMPARE(out.size(), 1);
    bad = push::encode(r);
    bad[4 + 1 + 8 + 4] = char(0x7f); // the launch's length runs past the frame
    why = refuse(bad, u"strings"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    bad = push::encode(r) + "x";
    bad[0] = char(bad[0] + 1); // one byte after the strings, inside the frame
    why = refuse(bad, u"after its strings"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // A status this version does not know (a newer launcher's) reads as failed; the stream goes on.
    QByteArray newer = push::encode(PushedRun{u"l"_s, 9, u"u"_s, RunStatus::Queued, 0}) + push::encode(b);
    newer.replace("queued", "paused");
    QVector<PushedSeries> after;
    QVector<PushedRun> newerRuns;
    QVERIFY2(push::decode(newer, after, &error, &newerRuns), qPrintable(error));
    QCOMPARE(newerRuns.size(), 1);
    QCOMPARE(newerRuns[0].status, RunStatus::Failed);
    QCOMPARE(after.size(), 1);
}

// The ingest server pushes what it committed, with each point's seq, to a studio's socket; a studio that is
// not there costs the launcher nothing.
// The client a training loop calls (AsyncTrackerClient): while the run database is locked, log() returns at
// once and the points wait in its buffer; a full buffer drops and counts; flush() waits for every point once
// the lock goes; finish() with a short limit gives up and returns instead of waiting for the server.
namespace {
SeriesRow summary(const QString &key, int rank, double last, double min, double max) {
    SeriesRow s;
    s.key = key;
    s.rank = rank;
    s.count = 10;
    s.lastValue = last;
    s.minValue = min;
    s.maxValue = max;
    return s;
}

// Three runs as the filter sees them: parameters, tags (the note among them) and every rank's summaries.
QList<RunFacts> filterFacts() {
    RunFacts a, b, c;
    a.run.id = 1;
    b.run.id = 2;
    c.run.id = 3;
    a.run.name = u"bert-base"_s;
    a.run.uid = u"20261207-010101-aaaa"_s;
    a.run.status = RunStatus::Finished;
    a.run.host = u"gpu1"_s;
    a.params = {{u"epochs"_s, u"30"_s}, {u"lr"_s, u"0.001"_s}, {u"opt"_s, u"adam"_s}};
    a.tags = {{u"note"_s, u"baseline for the ablation"_s}, {u"git_branch"_s, u"main"_s}};
    a.series = {summary(u"loss"_s, 1, 0.9, 0.5, 2.5), summary(u"loss"_s, 0, 0.4, 0.2, 2.0),
                summary(u"acc"_s, 0, 0.8, 0.1, 0.85)};
    b.run.name = u"resnet-50"_s;
    b.run.uid = u"20261207-020202-bbbb"_s;
    b.run.status = RunStatus::Failed;
    b.run.host = u"gpu2"_s;
    b.params = {{u"epochs"_s, u"5"_s}, {u"lr"_s, u"0.1"_s}, {u"opt"_s, u"sgd"_s}};
    b.series = {summary(u"loss"_s, 0, 1.5, 1.2, 3.0)};
    c.run.name = u"bert-large"_s;
    c.run.uid = u"20261207-030303-cccc"_s;
    c.run.status = RunStatus::Running;
    c.run.host = u"gpu1"_s;
    c.params = {{u"epochs"_s, u"10"_s}, {u"lr"_s, u"1e-3"_s}};
    c.tags = {{u"git_branch"_s, u"dev"_s}};
    return {a, b, c};
}
} // namespace

void TestStore::runFilter_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("matches");
    const QStringList all = {u"bert-base"_s, u"resnet-50"_s, u"bert-large"_s};
    QTest::newRow("empty") << QString() << all;
    QTest::newRow("spaces only") << u"   "_s << all;
    QTest::newRow("param =") << u"epochs=30"_s << QStringList{u"bert-base"_s};
    QTest::newRow("param >") << u"epochs>5"_s << QStringList{u"bert-base"_s, u"bert-large"_s};
    QTest::newRow("param >=") << u"epochs>=5"_s << all;
    QTest::newRow("param <=") << u"epochs<=10"_s << QStringList{u"resnet-50"_s, u"bert-large"_s};
    QTest::newRow("numbers as numbers") << u"lr=0.0010"_s << QStringList{u"bert-base"_s, u"bert-large"_s};
    QTest::newRow("quoted is text") << u"lr=\"1e-3\""_s << QStringList{u"bert-large"_s};
    QTest::newRow("text any case") << u"opt=ADAM"_s << QStringList{u"bert-base"_s};
    QTest::newRow("!= and a missing key") << u"opt!=adam"_s << QStringList{u"resnet-50"_s, u"bert-large"_s};
    QTest::newRow("metric: rank 0's last") << u"loss<0.5"_s << QStringList{u"bert-base"_s};
    QTest::newRow("metric min") << u"loss.min<1.3"_s << QStringList{u"bert-base"_s, u"resnet-50"_s};
    QTest::newRow("metric max") << u"acc.max>0.84"_s << QStringList{u"bert-base"_s};
    QTest::newRow("metrics. prefix") << u"metrics.loss>1"_s << QStringList{u"resnet-50"_s};
    QTest::newRow("params. prefix") << u"params.epochs<10"_s << QStringList{u"resnet-50"_s};
    QTest::newRow("status:") << u"status:failed"_s << QStringList{u"resnet-50"_s};
    QTest::newRow("status!=") << u"status!=finished"_s << QStringList{u"resnet-50"_s, u"bert-large"_s};
    QTest::newRow("attributes.status") << u"attributes.status=running"_s << QStringList{u"bert-large"_s};
    QTest::newRow("name~") << u"name~BERT"_s << QStringList{u"bert-base"_s, u"bert-large"_s};
    QTest::newRow("host") << u"host=gpu1 epochs>10"_s << QStringList{u"bert-base"_s};
    QTest::newRow("id") << u"id~bbbb"_s << QStringList{u"resnet-50"_s};
    QTest::newRow("database id =") << u"id=2"_s << QStringList{u"resnet-50"_s};
    QTest::newRow("database id !=") << u"id!=2"_s << QStringList{u"bert-base"_s, u"bert-large"_s};
    QTest::newRow("database id >") << u"id>1"_s << QStringList{u"resnet-50"_s, u"bert-large"_s};
    QTest::newRow("quoted number on a metric") << u"loss<\"0.5\""_s << QStringList{u"bert-base"_s};
    QTest::newRow("tags. prefix") << u"tags.git_branch=main"_s << QStringList{u"bert-base"_s};
    QTest::newRow("note is a tag") << u"note~ablation"_s << QStringList{u"bert-base"_s};
    QTest::newRow("quoted value with spaces")
        << u"note='baseline for the ablation'"_s << QStringList{u"bert-base"_s};
    QTest::newRow("bare word") << u"bert status:running"_s << QStringList{u"bert-large"_s};
    QTest::newRow("bare word in a tag") << u"dev"_s << QStringList{u"bert-large"_s};
    QTest::newRow("quoted bare words") << u"\"resnet-50\""_s << QStringList{u"resnet-50"_s};
    QTest::newRow("several terms") << u"epochs>=5 lr<0.01 name~base"_s << QStringList{u"bert-base"_s};
    QTest::newRow("nobody has it") << u"missing=1"_s << QStringList{};
}

void TestStore::runFilter() {
    QFETCH(QString, query);
    QFETCH(QStringList, matches);
    RunFilter filter;
    RunFilter::Error error;
    QVERIFY2(filter.parse(query, &error), qPrintable(error.message));
    QStringList got;
    for (const RunFacts &f : filterFacts())
        if (filter.matches(f))
            got << f.run.name;
    QCOMPARE(got, matches);
}

void TestStore::runFilterErrors_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a number") << u"epochs=3 lr>fast"_s << 9 << 7 << u"'fast' is not a number"_s;
    QTest::newRow("no key") << u"=3"_s << 0 << 2 << u"needs a key"_s;
    QTest::newRow("no value") << u"name~bert epochs="_s << 10 << 7 << u"needs a value"_s;
    QTest::newRow("unknown status") << u"status:fine"_s << 0 << 11 << u"no status 'fine'"_s;
    QTest::newRow("status ordered") << u"status>1"_s << 0 << 8 << u"status takes ="_s;
    QTest::newRow("open quote") << u"note=\"half"_s << 5 << 5 << u"is not closed"_s;
    QTest::newRow("no such attribute") << u"attributes.colour=red"_s << 0 << 21 << u"no attribute 'colour'"_s;
}

void TestStore::runFilterErrors() {
    QFETCH(QString, query);
    QFETCH(int, start);
    QFETCH(int, length);
    QFETCH(QString, message);
    RunFilter filter;
    RunFilter::Error ok;
    QVERIFY(filter.parse(u"epochs=30"_s, &ok));
    RunFilter::Error error;
    QVERIFY(!filter.parse(query, &error));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(int(error.start), start);
    QCOMPARE(int(error.length), length);
    // The filter is left as it was.
    QCOMPARE(filter.matches(filterFacts().first()), true);
    QCOMPARE(filter.matches(filterFacts().last()), false);
}

// runs list --filter, runs tag and runs note on a real database through the CLI.
void TestStore::filterTagAndNoteFromTheCli() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"runs.db"_s);
    QString error;
    {
        StoreWriter w;
        QVERIFY(w.open(db, &error));
        const qint64 a = makeRun(w, u"run-a"_s), b = makeRun(w, u"run-b"_s);
        QVERIFY(w.setParams(a, {{u"epochs"_s, u"30"_s}}, &error));
        QVERIFY(w.setParams(b, {{u"epochs"_s, u"3"_s}}, &error));
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TRAINYARD_DB"_s, db);
    auto names = [&](const QString &query) {
        const test::CliResult r =
            test::runCli({u"runs"_s, u"list"_s, u"--json"_s, u"--filter"_s, query}, env);
        QStringList out;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            out << v[u"name"_s].toString();
        return r.exitCode == 0 ? out
                               : QStringList{u"exit %1: %2"_s.arg(r.exitCode).arg(QString::fromUtf8(r.err))};
    };
    QCOMPARE(names(u"epochs>5"_s), QStringList{u"run-a"_s});
    QCOMPARE(test::runCli({u"runs"_s, u"note"_s, u"run-b"_s, u"a"_s, u"quick"_s, u"check"_s}, env).exitCode,
             0);
    QCOMPARE(test::runCli({u"runs"_s, u"tag"_s, u"run-b"_s, u"team=vision"_s, u"seed=7"_s}, env).exitCode, 0);
    QCOMPARE(names(u"note~quick team=vision seed>=7"_s), QStringList{u"run-b"_s});
    const test::CliResult shown = test::runCli({u"runs"_s, u"show"_s, u"run-b"_s, u"--json"_s}, env);
    QCOMPARE(QJsonDocument::fromJson(shown.out)[u"tags"_s][u"note"_s].toString(), u"a quick check"_s);
    QCOMPARE(test::runCli({u"runs"_s, u"tag"_s, u"run-b"_s, u"team="_s}, env).exitCode, 0); // removed
    QCOMPARE(names(u"team=vision"_s), QStringList{});
    QCOMPARE(names(u"team!=vision"_s), (QStringList{u"run-b"_s, u"run-a"_s}));
    // A query it cannot read: exit 2, the reason and a caret line under the term.
    const test::CliResult bad = test::runCli({u"runs"_s, u"list"_s, u"--filter"_s, u"epochs>many"_s}, env);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("'many' is not a number") && bad.err.contains("\n  ^^^^^^^^^^^\n"),
             bad.err.constData());
    const test::CliResult notPair = test::runCli({u"runs"_s, u"tag"_s, u"run-a"_s, u"team"_s}, env);
    QCOMPARE(notPair.exitCode, 2);
    QVERIFY(notPair.err.contains("not KEY=VALUE"));
    QCOMPARE(test::runCli({u"runs"_s, u"tag"_s, u"no-such-run"_s, u"a=b"_s}, env).exitCode, 1);
}

// The ingest server's commits leave the write-ahead log to a WalCheckpointer: what the writer committed
// reaches the database file without the writer checkpointing.
void TestStore::checkpointsOffTheWritersThread() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"ckpt.db"_s);
    QString error;
    StoreWriter w;
    QVERIFY2(w.open(db, &error), qPrintable(error));
    QVERIFY2(w.setAutoCheckpoint(0, &error), qPrintable(error)); // the writer never checkpoints
    const qint64 run = makeRun(w, u"ckpt"_s);
    std::vector<IncomingPoint> points;
    for (int i = 0; i < 50000; ++i)
        points.push_back(IncomingPoint{u"loss"_s, i, std::sin(double(i)), i});
    QVERIFY2(w.appendPoints(run, 0, points, std::nullopt, &error), qPrintable(error));
    const qint64 before = QFileInfo(db).size();
    QVERIFY2(QFileInfo(db + u"-wal"_s).size() > 1'000'000, "the points are in the log, not the file");
    WalCheckpointer checkpointer;
    checkpointer.start(db, 20);
    QTRY_VERIFY_WITH_TIMEOUT(checkpointer.checkpoints() > 0 && QFileInfo(db).size() > before + 1'000'000,
                             5000);
    checkpointer.stop();
    const qint64 done = checkpointer.checkpoints();
    QTest::qWait(100);
    QCOMPARE(checkpointer.checkpoints(), done); // stopped
    StoreReader reader;
    QVERIFY(reader.open(db, &error));
    QCOMPARE(reader.series(run).value(0).count, 50000);
}

// A process that connects again with a client id that already stored batches (as trainyard-bench plot's seed
// and stream did) numbers its batches after them: numbered from 1, its points were taken for re-sent batches
// and dropped, and its flush waited for acknowledgements that never came.
void TestStore::aClientIdUsedAgainGoesOnNumbering() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"again.db"_s);
    IngestService service;
    const qint64 run = serveRun(service, db, u"again"_s, "tok");
    for (int session = 0; session < 2; ++session) {
        TrackerClient c;
        c.batchSize = 100;
        std::string e;
        QVERIFY2(c.connect("127.0.0.1", service.port(), "tok", "again", 0, "same-id", &e), e.c_str());
        for (int i = 0; i < 1000; ++i)
            c.log("loss", session * 1000 + i, double(i));
        QVERIFY2(c.flush(&e), e.c_str());
    }
    StoreReader reader;
    QString error;
    QVERIFY(reader.open(db, &error));
    const SeriesRow loss = reader.series(run).value(0);
    QCOMPARE(loss.count, 2000);
    QCOMPARE(loss.lastStep, 1999);
}

// One commit can hold more points of a series than a frame may carry (after a long retry): the launcher's end
// cuts it into frames the studio accepts, in order, none lost.
void TestStore::aLongPushedSeriesIsCutIntoFrames() {
    PushReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    PushSender sender(receiver.serverPath());
    QTRY_VERIFY(sender.connected());
    PushedSeries big{7, 0, u"loss"_s, {}};
    for (int i = 0; i < 700'000; ++i) // 22.4 MB as one frame: over the 16 MiB limit
        big.points << PushedPoint{i, i, double(i), 0};
    QList<PushedSeries> got;
    connect(&receiver, &PushReceiver::received, this, [&](const PushedSeries &s) { got << s; });
    sender.send(QList<PushedSeries>{big, PushedSeries{7, 1, u"acc"_s, {PushedPoint{0, 0, 0.5, 0}}}});
    QTRY_VERIFY_WITH_TIMEOUT(!got.isEmpty() && got.last().key == u"acc"_s, 10000);
    qint64 next = 0;
    for (const PushedSeries &s : std::as_const(got))
        if (s.key == u"loss"_s)
            for (const PushedPoint &p : s.points)
                QCOMPARE(p.seq, next++);
    QCOMPARE(next, 700'000);
    QVERIFY(got.size() >= 8); // 7 frames of loss, one of acc
    QCOMPARE(sender.dropped(), 0);
}

// The studio's push socket holds bounded memory: at most MaxConnections launchers at once (one more is closed
// at once and said), and a frame announced above MaxFrameBytes closes its connection before anything of it is
// kept (40 connections announcing 16 MiB frames held 641 MB).
void TestStore::pushReceiverBoundsConnectionsAndFrames() {
    PushReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QStringList refusals;
    connect(&receiver, &PushReceiver::malformed, this, [&](const QString &why) { refusals << why; });
    std::vector<std::unique_ptr<QLocalSocket>> sockets;
    for (int i = 0; i < push::MaxConnections; ++i) {
        sockets.push_back(std::make_unique<QLocalSocket>());
        sockets.back()->connectToServer(receiver.serverPath());
        QVERIFY(sockets.back()->waitForConnected(5000));
    }
    QLocalSocket extra;
    extra.connectToServer(receiver.serverPath());
    QTRY_COMPARE(refusals.size(), 1);
    QVERIFY2(refusals.first().contains(u"more than 32 launchers"_s), qPrintable(refusals.first()));
    QTRY_COMPARE(extra.state(), QLocalSocket::UnconnectedState);
    for (const auto &s : sockets)
        QCOMPARE(s->state(), QLocalSocket::ConnectedState); // the others stay

    // A frame announced over the bound: refused on its header.
    QByteArray header;
    const quint32 length = push::MaxFrameBytes + 1;
    header.append(reinterpret_cast<const char *>(&length), 4);
    sockets.front()->write(header + QByteArray(1024, '\1'));
    QTRY_COMPARE(refusals.size(), 2);
    QVERIFY2(refusals.last().contains(u"push frame of 4194305 bytes"_s), qPrintable(refusals.last()));
    QTRY_COMPARE(sockets.front()->state(), QLocalSocket::UnconnectedState);

    // A connection that went frees its place: a sender connects and its points arrive.
    sockets.erase(sockets.begin());
    QList<PushedSeries> got;
    connect(&receiver, &PushReceiver::received, this, [&](const PushedSeries &s) { got << s; });
    PushSender sender(receiver.serverPath());
    QTRY_VERIFY(sender.connected());
    sender.send(QList<PushedSeries>{PushedSeries{7, 0, u"loss"_s, {PushedPoint{0, 0, 0.5, 0}}}});
    QTRY_COMPARE(got.size(), 1);
    QCOMPARE(refusals.size(), 2);
}

void TestStore::asyncClientBuffersWhileTheDatabaseIsLocked() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"t.db"_s);
    QString error;
    qint64 run = 0;
    {
        StoreWriter w;
        QVERIFY2(w.open(db, &error), qPrintable(error));
        run = makeRun(w, u"r"_s);
    }
    IngestService service;
    QVERIFY2(service.start(db, &error), qPrintable(error));
    service.server()->registerRun(u"r"_s, run, "tok");
    const quint16 port = service.port();
    const auto connectTo = [port](TrackerClient &c, std::string *e) {
        return c.connect("127.0.0.1", port, "tok", "r", 0, "async", e);
    };
    const auto small = [](TrackerClient &c) {
        c.batchSize =
            100; // two batches in flight at most: the sender waits soon while nothing is acknowledged
        c.window = 1;
    };
    const auto stored = [&] {
        StoreReader reader;
        QString e;
        qint64 n = 0;
        if (reader.open(db, &e))
            for (const SeriesRow &s : reader.series(run))
                n += s.count;
        return n;
    };
    sql::Database locker; // the database's write lock, on either backend
    QString lockError;
    QVERIFY2(locker.open(db, false, &lockError), qPrintable(lockError));
    {
        AsyncTrackerClient client(1000);
        client.fullWaitMs = 0; // a full buffer drops at once (the default waits up to a second a call)
        client.start(connectTo, small);
        QVERIFY(client.log("loss", 0, 1.0));
        std::string e;
        QVERIFY2(client.flush(10000, &e), e.c_str());
        QCOMPARE(stored(), 1);
        QVERIFY(locker.exec("BEGIN IMMEDIATE"));
        int accepted = 0;
        for (int step = 1; step <= 5000; ++step)
            accepted += client.log("loss", step, double(step)) ? 1 : 0;
        QVERIFY2(accepted < 5000 && client.dropped() == uint64_t(5000 - accepted),
                 qPrintable(u"%1 accepted, %2 dropped"_s.arg(accepted).arg(client.dropped())));
        QVERIFY(accepted >= 1000);       // the buffer's worth, at least
        QVERIFY(!client.flush(300, &e)); // locked: not acknowledged yet
        QVERIFY(locker.exec("COMMIT"));
        QVERIFY2(client.flush(30000, &e), e.c_str());
        QCOMPARE(stored(), 1 + accepted);
        QCOMPARE(client.pending(), uint64_t(0));
        // Locked again: finish() gives up after its limit, says so, and returns.
        QVERIFY(locker.exec("BEGIN IMMEDIATE"));
        for (int step = 6000; step < 6500; ++step)
            QVERIFY(client.log("loss", step, 0.0));
        QVERIFY(!client.finish(300, &e));
        QVERIFY2(e.find("not acknowledged") != std::string::npos, e.c_str());
        QVERIFY(!client.log("loss", 7000, 0.0)); // finished
        QVERIFY(locker.exec("COMMIT"));
    }
    locker.close();
    // The shape of a real rank: 50 metrics a step (one log(values, step) call each), 200 steps.
    {
        AsyncTrackerClient wide;
        // Each client its own id, as connectFromEnvironment gives (batches are deduplicated per client).
        wide.start([port](TrackerClient &c, std::string *e) {
            return c.connect("127.0.0.1", port, "tok", "r", 1, "wide", e);
        });
        std::map<std::string, double> values;
        for (int step = 0; step < 200; ++step) {
            for (int k = 0; k < 50; ++k)
                values["metric/" + std::to_string(k)] = step * 0.01 + k;
            QCOMPARE(wide.log(values, step), size_t(50));
        }
        std::string e;
        QVERIFY2(wide.finish(30000, &e), e.c_str());
        QCOMPARE(wide.dropped(), uint64_t(0));
        StoreReader reader;
        QVERIFY(reader.open(db, &error));
        qint64 points = 0, series = 0;
        for (const SeriesRow &row : reader.series(run))
            if (row.key.startsWith(u"metric/"_s)) {
                points += row.count;
                ++series;
            }
        QCOMPARE(series, 50);
        QCOMPARE(points, 200 * 50);
    }
    // A client that cannot connect is broken at once: log() refuses and counts.
    AsyncTrackerClient nowhere;
    nowhere.start(
        [](TrackerClient &c, std::string *e) { return c.connect("127.0.0.1", 1, "t", "r", 0, "x", e); });
    QTRY_VERIFY(!nowhere.error().empty());
    QVERIFY(!nowhere.log("loss", 0, 1.0));
    QCOMPARE(nowhere.dropped(), uint64_t(1));
}

void TestStore::ingestPushesCommittedPoints() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"t.db"_s);
    QString error;
    qint64 run = 0;
    {
        StoreWriter w;
        QVERIFY2(w.open(db, &error), qPrintable(error));
        run = makeRun(w, u"r"_s);
    }
    PushReceiver receiver;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QVERIFY(QFileInfo(receiver.serverPath()).exists());
    QVector<PushedSeries> got;
    QVector<PushedRun> states;
    connect(&receiver, &PushReceiver::received, this, [&](const PushedSeries &s) { got << s; });
    connect(&receiver, &PushReceiver::runChanged, this, [&](const PushedRun &r) { states << r; });
    IngestService service;
    std::optional<RunRow> pushing = servePushing(service, db, run, receiver, u"launch-7"_s, &error);
    QVERIFY2(pushing, qPrintable(error));
    RunRow row = *pushing;
    // The run's state as recorded, named with the studio's name for the launch, at once.
    QTRY_COMPARE(states.size(), 1);
    QCOMPARE(states[0].launch, u"launch-7"_s);
    QCOMPARE(states[0].runId, run);
    QCOMPARE(states[0].uid, row.uid);
    QCOMPARE(states[0].status, row.status);
    TrackerClient c;
    std::string e;
    QVERIFY(c.connect("127.0.0.1", service.port(), "tok", "r", 1, "c", &e));
    c.batchSize = 100;
    for (int step = 0; step < 1000; ++step) {
        c.log("loss", step, step * 0.5);
        if (step % 3 == 0)
            c.log("acc", step, 1.0 / (step + 1));
    }
    QVERIFY(c.flush(&e));
    const auto pushed = [&](const QString &key) {
        qint64 n = 0;
        for (const PushedSeries &s : std::as_const(got))
            if (s.key == key)
                n += s.points.size();
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(pushed(u"loss"_s), 1000, 10000);
    QTRY_COMPARE(pushed(u"acc"_s), 334);
    // A stored change of state is pushed once it is committed; storing the same state again pushes nothing.
    row.status = RunStatus::Finished;
    row.exitCode = 0;
    service.server()->recordRun(row);
    QTRY_COMPARE(states.size(), 2);
    QCOMPARE(states[1].status, RunStatus::Finished);
    {
        StoreReader reader;
        QVERIFY(reader.open(db, &error));
        QCOMPARE(reader.run(run)->status, RunStatus::Finished); // stored before it was said
    }
    service.server()->recordRun(row);
    QTest::qWait(200);
    QCOMPARE(states.size(), 2);
    // In order, contiguous from seq 0, tagged with the run and rank, and equal to what was stored.
    qint64 next = 0;
    for (const PushedSeries &s : std::as_const(got)) {
        QCOMPARE(s.runId, run);
        QCOMPARE(s.rank, 1);
        if (s.key != u"loss"_s)
            continue;
        for (const PushedPoint &p : s.points) {
            QCOMPARE(p.seq, next);
            QCOMPARE(p.value, double(next) * 0.5);
            ++next;
        }
    }
    // A studio that went away: the launcher keeps storing, and counts what it could not push.
    IngestService alone;
    QVERIFY2(alone.start(db, &error), qPrintable(error));
    alone.server()->registerRun(u"r"_s, run, "tok");
    QMetaObject::invokeMethod(
        alone.server(), [&] { alone.server()->pushTo(dir.filePath(u"gone.sock"_s), {}, row); },
        Qt::BlockingQueuedConnection);
    TrackerClient d;
    QVERIFY(d.connect("127.0.0.1", alone.port(), "tok", "r", 2, "d", &e));
    for (int step = 0; step < 100; ++step)
        d.log("loss", step, 1.0);
    QVERIFY(d.flush(&e));
    QCOMPARE(alone.server()->stats().points, 100);
}

// The studio hears points as the launcher receives them, before their commit, each with the place its commit
// gives it: a series already stored continues from its last point, a database another process holds does not
// hold the push back, a re-sent batch is pushed once, and every pushed place is the stored one.
void TestStore::ingestPushesOnReceiptWithTheirStoredPlace() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"t.db"_s);
    QString error;
    qint64 run = 0;
    {
        StoreWriter w;
        QVERIFY2(w.open(db, &error), qPrintable(error));
        run = makeRun(w, u"r"_s);
        std::vector<IncomingPoint> before;
        for (int i = 0; i < 10; ++i)
            before.push_back(IncomingPoint{u"loss"_s, i, double(i), 0});
        QVERIFY2(w.appendPoints(run, 1, before, std::nullopt, &error), qPrintable(error));
    }
    PushReceiver receiver;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QVector<PushedSeries> got;
    connect(&receiver, &PushReceiver::received, this, [&](const PushedSeries &s) { got << s; });
    IngestService service;
    QVERIFY2(servePushing(service, db, run, receiver, {}, &error), qPrintable(error));
    const auto batch = [](quint64 number, const QList<std::pair<QByteArray, double>> &points) {
        QList<QByteArray> keys;
        for (const auto &[key, value] : points)
            if (!keys.contains(key))
                keys << key;
        std::string payload;
        protocol::put64(payload, number);
        protocol::put32(payload, quint32(keys.size()));
        for (const QByteArray &k : std::as_const(keys)) {
            protocol::put16(payload, quint16(k.size()));
            payload.append(k.constData(), size_t(k.size()));
        }
        protocol::put32(payload, quint32(points.size()));
        for (const auto &[key, value] : points) {
            const protocol::WirePoint p{quint32(keys.indexOf(key)), qint64(value * 10), value, 0};
            payload.append(reinterpret_cast<const char *>(&p), sizeof p);
        }
        return protocol::frame(protocol::Points, payload);
    };
    const std::string hello =
        protocol::frame(protocol::Hello, R"({"protocol":1,"token":"tok","run":"r","rank":1,"client":"c"})");
    const std::string first = batch(1, {{"loss", 10.5}, {"loss", 11.5}, {"loss", 12.5}});
    const std::string second = batch(2, {{"loss", 13.5}, {"acc", 0.25}, {"loss", 14.5}});
    const QByteArray ackHeader("\x09\x00\x00\x00\x05", 5); // u32 length 9, type ACK
    // Another process holds the database: nothing can be committed, yet the studio hears every point.
    sql::Database locker; // the database's write lock, on either backend
    QString lockError;
    QVERIFY2(locker.open(db, false, &lockError) && locker.exec("BEGIN IMMEDIATE", &lockError),
             qPrintable(lockError));
    QTcpSocket a;
    a.connectToHost(QHostAddress::LocalHost, service.port());
    QVERIFY(a.waitForConnected(5000));
    for (const std::string *f : {&hello, &first, &second})
        a.write(f->data(), qint64(f->size()));
    const auto pushed = [&](const QString &key) {
        QList<std::pair<qint64, double>> out;
        for (const PushedSeries &s : std::as_const(got)) {
            if (s.runId != run || s.rank != 1)
                out << std::pair{qint64(-1), 0.0}; // not this run's rank 1: fails the comparisons below
            if (s.key == key)
                for (const PushedPoint &p : s.points)
                    out << std::pair{p.seq, p.value};
        }
        return out;
    };
    QTRY_COMPARE(pushed(u"loss"_s).size(), 5);
    const QList<std::pair<qint64, double>> loss{{10, 10.5}, {11, 11.5}, {12, 12.5}, {13, 13.5}, {14, 14.5}};
    QCOMPARE(pushed(u"loss"_s), loss);
    QCOMPARE(pushed(u"acc"_s), (QList<std::pair<qint64, double>>{{0, 0.25}}));
    QByteArray fromServer;
    while (a.waitForReadyRead(300))
        fromServer += a.readAll();
    QVERIFY(!fromServer.contains(ackHeader)); // nothing is acknowledged before its commit
    // The client, reconnected, sends batch 2 again: it is neither pushed nor stored twice.
    QTcpSocket b;
    b.connectToHost(QHostAddress::LocalHost, service.port());
    QVERIFY(b.waitForConnected(5000));
    for (const std::string *f : {&hello, &second})
        b.write(f->data(), qint64(f->size()));
    QTest::qWait(300);
    QCOMPARE(pushed(u"loss"_s).size(), 5);
    QVERIFY(locker.exec("COMMIT"));
    locker.close();
    QByteArray ackB;
    while (!ackB.contains(ackHeader) && b.waitForReadyRead(5000))
        ackB += b.readAll();
    QVERIFY(ackB.contains(ackHeader)); // the re-send is acknowledged once stored
    QTRY_COMPARE(service.server()->stats().points, 6);
    QCOMPARE(service.server()->stats().duplicateBatches, 1);
    QCOMPARE(service.server()->stats().pushMispredicted, 0);
    StoreReader reader;
    QVERIFY(reader.open(db, &error));
    for (const SeriesRow &s : reader.series(run)) {
        const QList<PointRow> stored = reader.points(s.id, 0, std::numeric_limits<qint64>::max());
        if (s.key == u"loss"_s) {
            QCOMPARE(stored.size(), 15);
            for (int i = 0; i < 5; ++i)
                QCOMPARE(stored.at(10 + i).value, loss.at(i).second);
        } else {
            QCOMPARE(s.key, u"acc"_s);
            QCOMPARE(stored.size(), 1);
        }
    }
}

// The studio's Python Stacks shows each rank's last dump: the text from the launcher's last "===" line on; a
// rank whose file holds only its "ready" line has none yet.
void TestStore::lastStackDumpOfEachRank() {
    QTemporaryDir dir;
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(u"stacks-rank-0.txt"_s,
          "trainyard: pid 11 ready\n\n=== asked, 10:00 ===\nThread 0x1 (old):\n  File a.py\n"
          "\n=== watchdog: rank 0 silent for 60 s, 10:05 ===\nThread 0x1 (most recent call "
          "first):\n  File \"train.py\", line 9 in step\n");
    write(u"stacks-rank-1.txt"_s, "trainyard: pid 12 ready\n");
    write(u"notes.txt"_s, "=== not a stack file ===\n");
    const QMap<int, QString> dumps = lastStackDumps(dir.path());
    QCOMPARE(dumps.keys(), QList<int>{0});
    QVERIFY2(dumps[0].startsWith(u"=== watchdog: rank 0 silent for 60 s"_s), qPrintable(dumps[0]));
    QVERIFY(dumps[0].contains(u"line 9 in step"_s));
    QVERIFY(!dumps[0].contains(u"old"_s));
    QVERIFY(lastStackDumps(dir.filePath(u"none"_s)).isEmpty());
}

void TestStore::metricsInTheirUnits_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("shown");
    QTest::newRow("rss") << u"system/rss_bytes"_s << 264600000.0 << u"252.3 MiB"_s;
    QTest::newRow("gpu memory") << u"system/gpu_memory_bytes"_s << 8589934592.0 << u"8.0 GiB"_s;
    QTest::newRow("small") << u"system/rss_bytes"_s << 512.0 << u"512 B"_s;
    QTest::newRow("percent") << u"system/cpu_percent"_s << 187.25 << u"187%"_s;
    QTest::newRow("watts") << u"system/gpu_power_watts"_s << 71.5 << u"71.5 W"_s;
    QTest::newRow("temperature") << u"system/gpu_temperature_c"_s << 64.0 << u"64 \u00b0C"_s;
    QTest::newRow("plain") << u"loss"_s << 0.123456 << u"0.1235"_s;
    QTest::newRow("nan") << u"x_bytes"_s << double(NAN) << u"nan"_s;
}

void TestStore::metricsInTheirUnits() {
    QFETCH(QString, key);
    QFETCH(double, value);
    QFETCH(QString, shown);
    QCOMPARE(formatMetric(key, value), shown);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
