// trainyard-bench ingest: clients push points through the real ingest path (loopback TCP, ingest server,
// group commits with downsampling levels) against a plain prepared-statement insert of the same rows into
// SQLite. trainyard-bench query: downsampled reads of a 10,000,000-point series at several zoom levels
// against a full scan. With --db URL (a PostgreSQL server; `--db private` starts one of its own, as the tests
// do), ingest goes to the server against a bare COPY of the same rows there, and the queries run on the
// server and on a SQLite file holding the same series.
#include "bench.h"
#include "client.h"
#include "databaseurl.h"
#include "ingestserver.h"
#include "postgres.h"
#include "store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <atomic>
#include <bit>
#include <cmath>
#include <thread>

using namespace Qt::StringLiterals;

namespace trainyard::bench {

namespace {

QString arg(const QStringList &args, const QString &name, const QString &def) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : def;
}

qint64 dbBytes(const QString &path) {
    return QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
}

double rawInsert(const QString &path, qint64 points, int series, int batch) {
    sql::Database db;
    QString error;
    db.open(path, false, &error);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    db.exec("CREATE TABLE points(series_id INTEGER NOT NULL, seq INTEGER NOT NULL, step INTEGER NOT NULL, "
            "value REAL,"
            " wall_ms INTEGER NOT NULL, PRIMARY KEY(series_id, seq)) WITHOUT ROWID");
    sql::Statement ins(db, "INSERT INTO points(series_id, seq, step, value, wall_ms) VALUES(?, ?, ?, ?, ?)");
    const qint64 perSeries = points / series;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer t;
    t.start();
    // The same interleaving as the clients: each series in batches, series taking turns.
    for (qint64 start = 0; start < perSeries; start += batch) {
        db.exec("BEGIN");
        for (int s = 0; s < series; ++s)
            for (qint64 i = start; i < std::min<qint64>(perSeries, start + batch); ++i)
                ins.bind(1, qint64(s + 1))
                    .bind(2, i)
                    .bind(3, i)
                    .bind(4, std::sin(double(i)))
                    .bind(5, now)
                    .run();
        db.exec("COMMIT");
    }
    return double(t.nsecsElapsed()) / 1e9;
}

// The same rows as rawInsert, into a table of the same shape on a server, by COPY: one transaction per round.
double rawCopy(const QString &url, qint64 points, int series, int batch, QString *error) {
    // An ordinary table: a temporary one skips the server's write-ahead log, which the run database's cannot.
    pg::Connection c;
    const QByteArray table = "trainyard_bench_raw_" + QByteArray::number(QCoreApplication::applicationPid());
    if (!c.open(url, error) ||
        !c.exec("CREATE TABLE " + table +
                    "(series_id BIGINT NOT NULL, seq BIGINT NOT NULL, step BIGINT NOT NULL, value DOUBLE "
                    "PRECISION, wall_ms BIGINT NOT NULL, PRIMARY KEY(series_id, seq))",
                error))
        return -1;
    struct Drop {
        pg::Connection &c;
        const QByteArray &table;
        ~Drop() { c.exec("DROP TABLE " + table, nullptr); }
    } drop{c, table};
    const qint64 perSeries = points / series;
    const auto bigEndian = [](quint64 v) {
        QByteArray b;
        pg::putNetworkOrder(b, v, 8);
        return b;
    };
    const QByteArray now = bigEndian(quint64(QDateTime::currentMSecsSinceEpoch()));
    const std::vector<unsigned> types{pg::Int8, pg::Int8, pg::Int8, pg::Float8, pg::Int8};
    QElapsedTimer t;
    t.start();
    for (qint64 start = 0; start < perSeries; start += batch) {
        // COPY's binary format, as the store sends (the fastest COPY there is: no number as text).
        QByteArray rows;
        std::vector<pg::Value> row(5);
        for (int s = 0; s < series; ++s)
            for (qint64 i = start; i < std::min<qint64>(perSeries, start + batch); ++i) {
                row = {bigEndian(quint64(s + 1)), bigEndian(quint64(i)), bigEndian(quint64(i)),
                       bigEndian(std::bit_cast<quint64>(std::sin(double(i)))), now};
                pg::Connection::appendBinaryTuple(rows, row, types);
            }
        if (!c.exec("BEGIN", error) ||
            !c.copyInBinary(table, "series_id, seq, step, value, wall_ms", rows, error) ||
            !c.exec("COMMIT", error))
            return -1;
    }
    return double(t.nsecsElapsed()) / 1e9;
}

// `--db URL`: the server; `--db private`: a private one for this run (kept alive by `keep`).
QString serverOption(const QStringList &args, std::unique_ptr<test::PrivatePostgres> *keep, QString *error) {
    const QString db = arg(args, u"--db"_s, QString());
    if (db != u"private"_s)
        return db;
    *keep = std::make_unique<test::PrivatePostgres>();
    return (*keep)->start(error) ? (*keep)->url() : QString();
}

} // namespace

int ingestBench(const QStringList &args, QTextStream &out) {
    std::unique_ptr<test::PrivatePostgres> privateServer;
    QString serverError;
    const QString server = serverOption(args, &privateServer, &serverError);
    if (!arg(args, u"--db"_s, QString()).isEmpty() && (server.isEmpty() || !isServerUrl(server))) {
        out << "error: --db takes a postgresql:// URL or `private`" << (serverError.isEmpty() ? "" : ": ")
            << serverError << '\n';
        return 1;
    }
    const int clients = arg(args, u"--clients"_s, u"8"_s).toInt();
    const qint64 perClient = arg(args, u"--points"_s, u"250000"_s).toLongLong();
    const int repeat = arg(args, u"--repeat"_s, u"3"_s).toInt();
    // The live benchmark's shape: --series 50 --batch 25 (each rank sends every 2 ms at 12,500 points/s).
    const int series = std::max(1, arg(args, u"--series"_s, u"1"_s).toInt());
    const int batch = std::max(1, arg(args, u"--batch"_s, u"4096"_s).toInt());
    QList<double> ingestRates, rawRates, bytesPerPoint;
    for (int r = 0; r < repeat; ++r) {
        QTemporaryDir dir;
        const QString path = server.isEmpty() ? dir.filePath(u"ingest.db"_s) : server;
        QString error;
        qint64 runId = 0;
        {
            StoreWriter w;
            if (!w.open(path, &error)) {
                out << "error: " << error << '\n';
                return 1;
            }
            RunRow row;
            row.uid = u"bench"_s;
            runId = w.createRun(row, &error);
        }
        IngestService service;
        if (!service.start(path, &error)) {
            out << "error: " << error << '\n';
            return 1;
        }
        service.server()->registerRun(u"bench"_s, runId, "token");
        const auto forget = [&] { // a server keeps no benchmark run
            StoreWriter w;
            QString e;
            if (!server.isEmpty() && w.open(server, &e))
                w.deleteRun(runId, &e);
        };
        std::atomic<int> failed{0};
        QElapsedTimer t;
        t.start();
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&, c] {
                TrackerClient client;
                client.batchSize = size_t(batch);
                std::string e;
                if (!client.connect("127.0.0.1", service.port(), "token", "bench", c, "c" + std::to_string(c),
                                    &e)) {
                    ++failed;
                    return;
                }
                const int64_t now = QDateTime::currentMSecsSinceEpoch();
                std::vector<std::string> keys;
                for (int k = 0; k < series; ++k)
                    keys.push_back(series == 1 ? std::string("loss") : "load/" + std::to_string(k));
                for (qint64 i = 0; i < perClient; ++i)
                    client.log(keys[size_t(i % series)], i / series, std::sin(double(i)), now);
                if (!client.flush(&e))
                    ++failed;
            });
        }
        for (auto &th : threads)
            th.join();
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        const qint64 total = perClient * clients;
        if (failed || service.server()->stats().points != total) {
            out << "error: " << failed.load() << " clients failed; stored "
                << service.server()->stats().points << " of " << total << " points\n";
            service.stop();
            forget();
            return 1;
        }
        service.stop();
        ingestRates << double(total) / seconds;
        if (!server.isEmpty()) {
            forget();
            const double rawSeconds = rawCopy(server, total, clients, batch, &error);
            if (rawSeconds < 0) {
                out << "error: " << error << '\n';
                return 1;
            }
            rawRates << double(total) / rawSeconds;
            continue;
        }
        {
            sql::Database db;
            db.open(path, false, &error);
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        bytesPerPoint << double(dbBytes(path)) / double(total);
        const double rawSeconds = rawInsert(dir.filePath(u"raw.db"_s), total, clients, batch);
        rawRates << double(total) / rawSeconds;
    }

    const double n = median(ingestRates), m = median(rawRates);
    out << "ingest: " << clients << " clients x " << perClient << " points in " << series
        << " series each, batches of " << batch << ", " << repeat << " runs, medians\n\n";
    if (!server.isEmpty()) {
        out << "database: " << pg::redacted(server) << (privateServer ? " (a private server)" : "") << "\n\n";
        printTable(
            out, {u"path"_s, u"points/s"_s, u"ratio"_s},
            {{u"trainyard ingest (TCP, group commit, levels, COPY)"_s, QString::number(n, 'f', 0),
              QString::number(n / m, 'f', 2)},
             {u"raw libpq COPY of the same rows (baseline)"_s, QString::number(m, 'f', 0), u"1.00"_s}});
        out << "ingest server=postgresql points_per_s=" << qint64(n) << " raw_copy_points_per_s=" << qint64(m)
            << " ratio=" << QString::number(n / m, 'f', 2) << '\n';
        return 0;
    }
    printTable(out, {u"path"_s, u"points/s"_s, u"ratio"_s},
               {{u"trainyard ingest (TCP, group commit, levels)"_s, QString::number(n, 'f', 0),
                 QString::number(n / m, 'f', 2)},
                {u"raw SQLite prepared insert (baseline)"_s, QString::number(m, 'f', 0), u"1.00"_s}});
    out << "\ndatabase size: " << QString::number(median(bytesPerPoint), 'f', 1) << " bytes per point\n";
    out << "ingest points_per_s=" << qint64(n) << " raw_sqlite_points_per_s=" << qint64(m)
        << " ratio=" << QString::number(n / m, 'f', 2) << '\n';
    return 0;
}

namespace {
// One series of `points` points in a new run of the database at path; its series id (0 and error on failure).
qint64 fillSeries(const QString &path, qint64 points, qint64 *runId, QString *error) {
    StoreWriter w;
    if (!w.open(path, error))
        return 0;
    RunRow row;
    row.uid = u"query-bench-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    *runId = w.createRun(row, error);
    QRandomGenerator rng(7);
    std::vector<IncomingPoint> batch;
    for (qint64 i = 0; i < points; ++i) {
        batch.push_back(IncomingPoint{
            u"loss"_s, i, std::exp(-double(i) / double(points)) + rng.generateDouble() * 0.05, 0});
        if (batch.size() == 100000 || i + 1 == points) {
            if (!w.appendPoints(*runId, 0, batch, std::nullopt, error))
                return 0;
            batch.clear();
        }
    }
    StoreReader r;
    if (!r.open(path, error))
        return 0;
    const QList<SeriesRow> series = r.series(*runId);
    return series.isEmpty() ? 0 : series.first().id;
}
} // namespace

int queryBench(const QStringList &args, QTextStream &out) {
    const qint64 points = arg(args, u"--points"_s, u"10000000"_s).toLongLong();
    const int buckets = arg(args, u"--buckets"_s, u"2000"_s).toInt();
    const int repeat = arg(args, u"--repeat"_s, u"9"_s).toInt();
    std::unique_ptr<test::PrivatePostgres> privateServer;
    QString error;
    const QString server = serverOption(args, &privateServer, &error);
    if (!arg(args, u"--db"_s, QString()).isEmpty() && (server.isEmpty() || !isServerUrl(server))) {
        out << "error: --db takes a postgresql:// URL or `private`" << (error.isEmpty() ? "" : ": ") << error
            << '\n';
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(u"query.db"_s);
    qint64 runId = 0, serverRunId = 0;
    const qint64 sid = fillSeries(path, points, &runId, &error);
    const qint64 serverSid = server.isEmpty() ? 0 : fillSeries(server, points, &serverRunId, &error);
    if (!sid || (!server.isEmpty() && !serverSid)) {
        out << "error: " << error << '\n';
        return 1;
    }
    StoreReader r, onServer;
    r.open(path, &error);
    if (!server.isEmpty())
        onServer.open(server, &error);
    QRandomGenerator rng(11);
    QList<QStringList> rows;
    double worstMedian = 0, fullScan = 0, worstServer = 0;
    for (double fraction : {1.0, 0.1, 0.01, 0.001}) {
        QList<double> fast, scan, remote;
        for (int k = 0; k < repeat; ++k) {
            const qint64 width = std::max<qint64>(1, qint64(double(points) * fraction));
            const qint64 from = qint64(rng.bounded(quint64(points - width + 1)));
            QElapsedTimer t;
            t.start();
            const QList<Aggregate> a = r.downsample(sid, from, from + width - 1, buckets);
            fast << double(t.nsecsElapsed()) / 1e6;
            if (serverSid) {
                t.restart();
                const QList<Aggregate> b = onServer.downsample(serverSid, from, from + width - 1, buckets);
                remote << double(t.nsecsElapsed()) / 1e6;
                if (a.size() != b.size()) {
                    out << "error: the server's and the file's buckets disagree\n";
                    return 1;
                }
            } else if (k < 3) { // the full scan is slow; three runs give its median
                t.restart();
                const QList<Aggregate> b = r.downsampleByScan(sid, from, from + width - 1, buckets);
                scan << double(t.nsecsElapsed()) / 1e6;
                if (a.size() != b.size()) {
                    out << "error: downsample and scan disagree\n";
                    return 1;
                }
            }
        }
        const double f = median(fast), sc = median(scan), rm = median(remote);
        worstMedian = std::max(worstMedian, f);
        worstServer = std::max(worstServer, rm);
        if (fraction == 1.0)
            fullScan = sc;
        QStringList row{QString::number(fraction * 100, 'g', 3) + u"%"_s,
                        QString::number(qint64(double(points) * fraction)), QString::number(f, 'f', 2)};
        if (serverSid)
            row << QString::number(rm, 'f', 2) << QString::number(rm / f, 'f', 1);
        else
            row << QString::number(sc, 'f', 1) << QString::number(sc / f, 'f', 0);
        rows << row;
    }
    out << "query: one series of " << points << " points, " << buckets << " buckets, medians in ms\n\n";
    if (serverSid) {
        out << "database: " << pg::redacted(server) << (privateServer ? " (a private server)" : "") << "\n\n";
        printTable(out,
                   {u"x range"_s, u"points in range"_s, u"SQLite file"_s, u"PostgreSQL server"_s,
                    u"server / file"_s},
                   rows);
        StoreWriter w; // a server keeps no benchmark run
        if (w.open(server, &error))
            w.deleteRun(serverRunId, &error);
        out << "\nquery server=postgresql points=" << points << " buckets=" << buckets
            << " median_ms=" << QString::number(worstMedian, 'f', 2)
            << " server_median_ms=" << QString::number(worstServer, 'f', 2) << '\n';
        return 0;
    }
    printTable(
        out, {u"x range"_s, u"points in range"_s, u"downsampled"_s, u"full scan"_s, u"scan / downsampled"_s},
        rows);
    out << "\nslowest zoom level: " << QString::number(worstMedian, 'f', 2) << " ms, "
        << QString::number(fullScan / worstMedian, 'f', 0) << "x faster than a full scan of the series\n";
    out << "query points=" << points << " buckets=" << buckets
        << " median_ms=" << QString::number(worstMedian, 'f', 2)
        << " full_scan_ms=" << QString::number(fullScan, 'f', 1) << '\n';
    return 0;
}

} // namespace trainyard::bench
