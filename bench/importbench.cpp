// trainyard-bench import: a TensorBoard logdir of --runs runs (one folder each), --tags tags x --points
// points per tag, imported with `trainyard runs import`'s code (importRuns: read, decode, store with the
// downsampling levels, one transaction per run) against a plain prepared-statement insert of the same number
// of rows into SQLite, one transaction per run as well. Then --list-runs small runs are imported and the
// studio's runs list is read and filled as the studio does it (RunsModel::reload off the GUI thread, then
// setRows), in GUI builds.
#include "bench.h"
#include "importer.h"
#include "sqlite.h"
#include "tensorboard.pb.h"
#include "tfevents.h"

#ifdef TRAINYARD_BENCH_PLOT
#include "runsmodel.h"
#endif

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <cmath>

using namespace Qt::StringLiterals;

namespace trainyard::bench {

namespace {

void appendRecord(QByteArray &out, const std::string &data) {
    const quint64 length = data.size();
    char head[8];
    for (int i = 0; i < 8; ++i)
        head[i] = char((length >> (8 * i)) & 0xff);
    out.append(head, 8);
    const quint32 lengthCrc = tb::maskedCrc(head, 8);
    const quint32 dataCrc = tb::maskedCrc(data.data(), data.size());
    out.append(reinterpret_cast<const char *>(&lengthCrc), 4);
    out.append(data.data(), qsizetype(data.size()));
    out.append(reinterpret_cast<const char *>(&dataCrc), 4);
}

// One folder per run, one event file each: every step holds one value of every tag, as a training loop logs.
bool writeLogdir(const QString &root, int runs, int tags, int points, QString *error) {
    for (int r = 0; r < runs; ++r) {
        const QString folder = root + u"/run-%1"_s.arg(r, 4, 10, QLatin1Char('0'));
        QDir().mkpath(folder);
        QByteArray bytes;
        bytes.reserve(qsizetype(points) * tags * 40);
        tb::Event e;
        e.set_wall_time(1700000000.0);
        e.set_file_version("brain.Event:2");
        appendRecord(bytes, e.SerializeAsString());
        for (int step = 0; step < points; ++step) {
            for (int t = 0; t < tags; ++t) {
                tb::Event ev;
                ev.set_wall_time(1700000000.0 + step * 0.01);
                ev.set_step(step);
                auto *v = ev.mutable_summary()->add_value();
                v->set_tag("metric_" + std::to_string(t));
                v->set_simple_value(float(std::sin(step * 0.001 + t)));
                appendRecord(bytes, ev.SerializeAsString());
            }
        }
        QFile f(folder + u"/events.out.tfevents.1700000000.bench.1.1"_s);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            *error = f.errorString();
            return false;
        }
    }
    return true;
}

double rawInsert(const QString &path, int runs, int tags, int points) {
    sql::Database db;
    QString error;
    db.open(path, false, &error);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    db.exec("CREATE TABLE points(series_id INTEGER NOT NULL, seq INTEGER NOT NULL, step INTEGER NOT NULL, "
            "value REAL, wall_ms INTEGER NOT NULL, PRIMARY KEY(series_id, seq)) WITHOUT ROWID");
    sql::Statement ins(db, "INSERT INTO points(series_id, seq, step, value, wall_ms) VALUES(?, ?, ?, ?, ?)");
    QElapsedTimer t;
    t.start();
    for (int r = 0; r < runs; ++r) {
        db.exec("BEGIN");
        for (int tag = 0; tag < tags; ++tag)
            for (int step = 0; step < points; ++step)
                ins.bind(1, qint64(r * tags + tag + 1))
                    .bind(2, qint64(step))
                    .bind(3, qint64(step))
                    .bind(4, std::sin(step * 0.001 + tag))
                    .bind(5, qint64(1700000000000) + step * 10)
                    .run();
        db.exec("COMMIT");
    }
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int importBench(const QStringList &args, QTextStream &out) {
    const int runs = option(args, u"--runs"_s, u"100"_s).toInt();
    const int tags = option(args, u"--tags"_s, u"10"_s).toInt();
    const int points = option(args, u"--points"_s, u"10000"_s).toInt();
    const int repeat = option(args, u"--repeat"_s, u"1"_s).toInt();
    const int listRuns = option(args, u"--list-runs"_s, u"1000"_s).toInt();
    const qint64 total = qint64(runs) * tags * points;
    QTemporaryDir dir;
    QString error;
    out << "import: a TensorBoard logdir of " << runs << " runs x " << tags << " tags x " << points
        << " points (" << total << " points), " << repeat << " run(s), medians\n"
        << Qt::flush;
    if (!writeLogdir(dir.filePath(u"logdir"_s), runs, tags, points, &error)) {
        out << "error: " << error << '\n';
        return 1;
    }
    QList<double> importRates, rawRates;
    for (int k = 0; k < repeat; ++k) {
        const QString db = dir.filePath(u"import-%1.db"_s.arg(k));
        QList<ImportedSummary> imported;
        QStringList problems;
        QElapsedTimer t;
        t.start();
        if (!importRuns(db, dir.filePath(u"logdir"_s), &imported, &problems, &error)) {
            out << "error: " << error << '\n';
            return 1;
        }
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        qint64 stored = 0;
        for (const ImportedSummary &s : std::as_const(imported))
            stored += s.points;
        if (stored != total || imported.size() != runs || !problems.isEmpty()) {
            out << "error: imported " << stored << " of " << total << " points in " << imported.size()
                << " runs; " << problems.join(u"; "_s) << '\n';
            return 1;
        }
        importRates << double(total) / seconds;
        rawRates << double(total) / rawInsert(dir.filePath(u"raw-%1.db"_s.arg(k)), runs, tags, points);
    }
    const double n = median(importRates), m = median(rawRates);
    out << '\n';
    printTable(out, {u"path"_s, u"points/s"_s, u"ratio"_s},
               {{u"runs import (read, CRC, protobuf, store with levels)"_s, QString::number(n, 'f', 0),
                 QString::number(n / m, 'f', 2)},
                {u"raw SQLite prepared insert (baseline)"_s, QString::number(m, 'f', 0), u"1.00"_s}});
    out << Qt::flush;

    double listMs = -1;
#ifdef TRAINYARD_BENCH_PLOT
    // The runs list of many imported runs, as the studio fills it: read off the GUI thread, then handed over.
    if (!writeLogdir(dir.filePath(u"many"_s), listRuns, 2, 50, &error)) {
        out << "error: " << error << '\n';
        return 1;
    }
    const QString listDb = dir.filePath(u"list.db"_s);
    QList<ImportedSummary> many;
    if (!importRuns(listDb, dir.filePath(u"many"_s), &many, nullptr, &error) || many.size() != listRuns) {
        out << "error: " << error << '\n';
        return 1;
    }
    QList<double> listTimes;
    for (int k = 0; k < 5; ++k) {
        RunsModel model;
        QEventLoop loop;
        QObject::connect(&model, &RunsModel::loaded, &loop, &QEventLoop::quit);
        QObject::connect(&model, &RunsModel::failed, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit); // a deadline: never wait forever
        QElapsedTimer t;
        t.start();
        model.reload(listDb);
        loop.exec();
        if (model.rowCount() != listRuns) {
            out << "error: the runs list shows " << model.rowCount() << " of " << listRuns << " runs\n";
            return 1;
        }
        listTimes << double(t.nsecsElapsed()) / 1e6;
    }
    listMs = median(listTimes);
    out << "\nruns list of " << listRuns
        << " imported runs, read and filled as the studio does: " << QString::number(listMs, 'f', 1)
        << " ms (median of 5)\n";
#else
    Q_UNUSED(listRuns)
#endif
    out << "import points_per_s=" << qint64(n) << " raw_sqlite_points_per_s=" << qint64(m)
        << " ratio=" << QString::number(n / m, 'f', 2) << " list_ms=" << QString::number(listMs, 'f', 1)
        << '\n';
    return 0;
}

} // namespace trainyard::bench
