// trainyard-bench plot: the run dashboard against plain QCustomPlot in the same process. 10 series of
// 1,000,000 points in one chart: replot medians of the full view and of a 1% zoom (plain QCustomPlot holds
// every point; the dashboard holds the downsampled buckets of the visible range), the time from a view change
// to the new view drawn, and the GUI event loop's latency (p50/p99/max of a 5 ms timer's lateness) while
// 100,000 points per second stream through the real ingest path into a visible dashboard, against the same
// dashboard idle.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH

#include "bench.h"
#include "client.h"
#include "dbwatcher.h"
#include "ingestserver.h"
#include "rundashboard.h"
#include "store.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <atomic>
#include <cmath>
#include <qcustomplot.h>
#include <thread>

using namespace Qt::StringLiterals;

namespace trainyard::bench {

namespace {

QString ms(double v) {
    return QString::number(v, 'f', v < 10 ? 2 : 1) + u" ms"_s;
}

// Runs the event loop until `dashboard` drew new data, or `timeoutMs` passed. Returns the milliseconds
// waited.
double waitForCharts(RunDashboard *dashboard, int timeoutMs = 60000) {
    QEventLoop loop;
    QElapsedTimer t;
    t.start();
    const auto c = QObject::connect(dashboard, &RunDashboard::chartsUpdated, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return double(t.nsecsElapsed()) / 1e6;
}

QList<double> replots(QCustomPlot *plot, int repeat) {
    QList<double> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        times << double(t.nsecsElapsed()) / 1e6;
    }
    return times;
}

struct Latency {
    double p50 = 0, p99 = 0, max = 0;
    int ticks = 0;
};

// How late a 5 ms timer fires while the event loop runs for `seconds`.
Latency probe(double seconds) {
    QList<double> lateness;
    QElapsedTimer clock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    qint64 last = 0;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness << std::max(0.0, double(now - last) / 1e6 - 5.0);
        last = now;
    });
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    clock.start();
    tick.start();
    loop.exec();
    tick.stop();
    std::sort(lateness.begin(), lateness.end());
    Latency l;
    l.ticks = int(lateness.size());
    if (!lateness.isEmpty()) {
        l.p50 = lateness.at(lateness.size() / 2);
        l.p99 = lateness.at(std::min(lateness.size() - 1, lateness.size() * 99 / 100));
        l.max = lateness.last();
    }
    return l;
}

} // namespace

int plotBench(const QStringList &args, QTextStream &out) {
    const int series = option(args, u"--series"_s, u"10"_s).toInt();
    const qint64 points = option(args, u"--points"_s, u"1000000"_s).toLongLong();
    const int repeat = option(args, u"--repeat"_s, u"15"_s).toInt();
    const double streamSeconds = option(args, u"--stream-seconds"_s, u"10"_s).toDouble();
    const int rate = option(args, u"--rate"_s, u"100000"_s).toInt();
    if (series < 1 || points < 100 || repeat < 1 || streamSeconds <= 0 || rate < series) {
        QTextStream(stderr) << "plot: bad option values\n";
        return 2;
    }
    QTemporaryDir dir;
    const QString db = dir.filePath(u"plot.db"_s);
    QString error;

    // The data: `series` ranks of one metric, random walks with rare spikes.
    QVector<double> keys(points);
    QList<QVector<double>> values;
    qint64 runId = 0;
    {
        QElapsedTimer t;
        t.start();
        StoreWriter w;
        if (!w.open(db, &error)) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
        RunRow r;
        r.uid = u"plot"_s;
        r.name = u"plot"_s;
        r.status = RunStatus::Finished;
        r.createdMs = r.startedMs = QDateTime::currentMSecsSinceEpoch() - points * 10;
        runId = w.createRun(r, &error);
        QRandomGenerator rng(1);
        for (qint64 i = 0; i < points; ++i)
            keys[i] = double(i);
        for (int rank = 0; rank < series; ++rank) {
            QVector<double> v(points);
            double x = 2.0 + rank * 0.1;
            std::vector<IncomingPoint> batch;
            for (qint64 i = 0; i < points; ++i) {
                x += (rng.generateDouble() - 0.5) * 0.01 - 1e-6;
                v[i] = rng.bounded(100000) == 0 ? x * 3 : x;
                batch.push_back(IncomingPoint{u"loss"_s, i, v[i], r.startedMs + i * 10});
                if (batch.size() == 100000 || i == points - 1) {
                    if (!w.appendPoints(runId, rank, batch, std::nullopt, &error)) {
                        QTextStream(stderr) << error << '\n';
                        return 1;
                    }
                    batch.clear();
                }
            }
            values << v;
        }
        out << "prepared " << series << " series x " << points << " points in "
            << QString::number(double(t.elapsed()) / 1000, 'f', 1) << " s\n\n";
    }
    const double zoomFrom = double(points) * 0.495, zoomTo = double(points) * 0.505;

    // The studio: the run dashboard, 10 ranks as 10 curves in one chart.
    QList<double> studioFull, studioZoom, viewFull, viewZoom;
    QSize chartSize;
    int studioPointsFull = 0, studioPointsZoom = 0;
    {
        RunDashboard dash(db, runId);
        dash.resize(1400, 800);
        dash.show();
        waitForCharts(&dash);
        dash.showAll(); // once laid out: about one bucket per pixel
        waitForCharts(&dash);
        QCustomPlot *chart = dash.chart(u"loss"_s);
        if (!chart) {
            QTextStream(stderr) << "plot: the dashboard shows no chart\n";
            return 1;
        }
        chartSize = chart->size();
        studioPointsFull = dash.pointCount(u"loss"_s);
        studioFull = replots(chart, repeat);
        // From a view change to the new view drawn: the worker's query, then the coalesced repaint.
        for (int i = 0; i < std::max(3, repeat / 3); ++i) {
            QElapsedTimer t;
            t.start();
            dash.showRange(zoomFrom, zoomTo);
            waitForCharts(&dash);
            viewZoom << double(t.nsecsElapsed()) / 1e6;
            t.restart();
            dash.showAll();
            waitForCharts(&dash);
            viewFull << double(t.nsecsElapsed()) / 1e6;
        }
        dash.showRange(zoomFrom, zoomTo);
        waitForCharts(&dash);
        studioPointsZoom = dash.pointCount(u"loss"_s);
        studioZoom = replots(chart, repeat);
    }

    // The baseline: plain QCustomPlot of the same size holding every point.
    QList<double> plainFull, plainZoom;
    {
        QCustomPlot plot;
        plot.resize(chartSize);
        plot.show();
        for (int s = 0; s < series; ++s) {
            QCPGraph *g = plot.addGraph();
            g->setPen(QPen(QColor::fromHsv(s * 36 % 360, 200, 200), 0)); // QCustomPlot's default pen width
            g->setData(keys, values.at(s), true);
        }
        plot.rescaleAxes();
        QCoreApplication::processEvents();
        plainFull = replots(&plot, repeat);
        plot.xAxis->setRange(zoomFrom, zoomTo);
        plainZoom = replots(&plot, repeat);
    }
    values.clear();
    keys.clear();

    const double pf = median(plainFull), pz = median(plainZoom), sf = median(studioFull),
                 sz = median(studioZoom);
    printTable(out,
               {u"view"_s, u"plain QCustomPlot (all points)"_s, u"studio dashboard"_s, u"plain / studio"_s,
                u"studio points drawn"_s, u"view change to drawn (studio)"_s},
               {{u"full (%1 x %2 pts)"_s.arg(series).arg(points), ms(pf), ms(sf),
                 QString::number(pf / sf, 'f', 1), QString::number(studioPointsFull), ms(median(viewFull))},
                {u"1% zoom"_s, ms(pz), ms(sz), QString::number(pz / sz, 'f', 1),
                 QString::number(studioPointsZoom), ms(median(viewZoom))}});
    out << "replot medians of " << repeat << " replots at " << chartSize.width() << "x" << chartSize.height()
        << " px; view change = query on a worker + the repaint at the next frame, median of "
        << viewFull.size() << "\n\n";

    // Streaming: `rate` points per second through loopback TCP into a live run shown in a dashboard.
    qint64 streamRun = 0;
    {
        StoreWriter w;
        w.open(db, &error);
        RunRow r;
        r.uid = u"stream"_s;
        r.name = u"stream"_s;
        r.status = RunStatus::Running;
        r.createdMs = r.startedMs = r.heartbeatMs = QDateTime::currentMSecsSinceEpoch();
        // This process plays the run's launcher: without one, the run would be recorded as crashed when the
        // ingest server opens the database, and the dashboard would stop following it (the benchmark then
        // waited forever for its chart).
        r.launcher = launcherIdentity();
        streamRun = w.createRun(r, &error);
    }
    IngestService service;
    if (!service.start(db, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    service.server()->registerRun(u"stream"_s, streamRun, "bench-token");
    RunDashboard live(db, streamRun);
    live.resize(1400, 800);
    live.show();
    // Following the database as the studio does for a run it did not launch (it redrew once a second, on the
    // page's own safety net, without the watcher).
    DatabaseWatcher watcher;
    QObject::connect(&watcher, &DatabaseWatcher::changed, &live, &RunDashboard::refresh);
    watcher.watch(db);
    // Seed the run so the dashboard has its chart, then measure the idle loop as the baseline.
    std::atomic<bool> stop = false;
    std::atomic<qint64> sent = 0;
    std::string clientError;
    const int port = service.port();
    const auto stream = [&](double seconds) {
        const qint64 first = sent / series;
        std::vector<std::unique_ptr<TrackerClient>> clients;
        for (int rank = 0; rank < series; ++rank) {
            clients.push_back(std::make_unique<TrackerClient>());
            clients.back()->batchSize = 1000;
            // A client id of its own per phase (the seed, then the measured stream).
            if (!clients.back()->connect("127.0.0.1", port, "bench-token", "stream", rank,
                                         "bench" + std::to_string(rank) + "-" + std::to_string(first),
                                         &clientError))
                return;
        }
        QElapsedTimer t;
        t.start();
        qint64 step = first;
        // Every 10 ms, each rank logs its share of the points due so far.
        while (!stop && double(t.elapsed()) < seconds * 1000) {
            const qint64 due = first + qint64(double(t.nsecsElapsed()) / 1e9 * rate) / series;
            for (; step < due; ++step)
                for (int rank = 0; rank < series; ++rank)
                    clients[size_t(rank)]->log("loss", step, std::sin(double(step) / 1000) + rank);
            sent = step * series;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        for (auto &c : clients)
            c->finish(0, &clientError); // flushed, and said done (the run page would call it incomplete)
    };
    {
        std::thread seed(stream, 0.5);
        QElapsedTimer waited;
        waited.start();
        while (!live.chart(u"loss"_s) && waited.elapsed() < 30000) // a deadline: never wait forever
            waitForCharts(&live, 2000);
        seed.join();
        if (!live.chart(u"loss"_s)) {
            QTextStream(stderr) << "plot: the live dashboard showed no chart of the streamed run within 30 s"
                                << (clientError.empty()
                                        ? QString()
                                        : u" (client: "_s + QString::fromStdString(clientError) + u')')
                                << '\n';
            return 1;
        }
    }
    const Latency idle = probe(3);
    int redraws = 0;
    const auto counter = QObject::connect(&live, &RunDashboard::chartsUpdated, &live, [&] { ++redraws; });
    const qint64 before = sent;
    std::thread producer(stream, streamSeconds);
    const Latency busy = probe(streamSeconds);
    stop = true;
    producer.join();
    QObject::disconnect(counter);
    if (!clientError.empty()) {
        QTextStream(stderr) << "plot: client: " << QString::fromStdString(clientError) << '\n';
        return 1;
    }
    const double streamed = double(sent - before) / streamSeconds;
    printTable(out, {u"event loop (5 ms timer lateness)"_s, u"p50"_s, u"p99"_s, u"max"_s, u"ticks"_s},
               {{u"dashboard open, idle (baseline)"_s, ms(idle.p50), ms(idle.p99), ms(idle.max),
                 QString::number(idle.ticks)},
                {u"streaming %1 points/s"_s.arg(qint64(streamed)), ms(busy.p50), ms(busy.p99), ms(busy.max),
                 QString::number(busy.ticks)}});
    out << "p99 while streaming / idle p99: " << QString::number(busy.p99 / std::max(idle.p99, 0.01), 'f', 2)
        << "; the dashboard redrew " << redraws << " times in " << streamSeconds << " s\n";
    return 0;
}

} // namespace trainyard::bench
