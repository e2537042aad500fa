// trainyard-bench live: how long a logged point takes to be drawn, for a run the studio launched (its
// launcher pushes received points to the studio) and for a run launched from the command line (the studio
// notices the database changed and reads it). Both start real ranks with `trainyard launch --no_python`
// (this program's hidden `live-rank` mode) that log through the real ingest path into the real database, and
// a visible RunDashboard (offscreen platform) draws them. Every rank logs `clock` once a millisecond, plus
// `load/K` series (--series in all, `clock` included) up to the asked rate, each point's value the wall time
// of its log() call. When a chart is repainted, each newly drawn millisecond counts one latency sample (now -
// its value): for the clock chart (the series each rank logs first, so its chart is first in a pass's
// drawing order) and for every chart drawn. The clock series is also counted at each stage on its way: the
// rank's client writes it to the launcher, the studio reads it from the push socket, the feed has it, its
// chart's replot begins (after the wait for its frame and the charts drawn before it in that pass). The GUI
// event loop's latency (a 5 ms timer's lateness) is measured meanwhile, with the dashboard idle as the
// baseline.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH

#include "bench.h"
#include "client.h"
#include "dbwatcher.h"
#include "livepush.h"
#include "rundashboard.h"
#include "runfeed.h"
#include "store.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <chrono>
#include <cmath>
#include <optional>
#include <qcustomplot.h>
#include <thread>

using namespace Qt::StringLiterals;

namespace trainyard::bench {

namespace {

QString ms(double v) {
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

double percentile(QList<double> xs, double p) {
    if (xs.isEmpty())
        return NAN;
    std::sort(xs.begin(), xs.end());
    return xs.at(std::min(xs.size() - 1, qsizetype(double(xs.size()) * p)));
}

// A 5 ms precise timer; each tick records how late it fired.
class LoopProbe {
public:
    LoopProbe() {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(5);
        QObject::connect(&m_tick, &QTimer::timeout, &m_tick, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_recording)
                m_lateness << std::max(0.0, double(now - m_last) / 1e6 - 5.0);
            m_last = now;
        });
        m_clock.start();
        m_tick.start();
    }
    void record(bool on) { m_recording = on; }
    QList<double> lateness() const { return m_lateness; }

private:
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    bool m_recording = false;
    QList<double> m_lateness;
};

void runFor(int msecs) {
    QEventLoop loop;
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Result {
    QString mode;
    double rate = 0;          // points per second stored
    QList<double> latency;    // logged -> drawn, the clock chart (the first its ranks log, so drawn first)
    QList<double> everyChart; // logged -> drawn, every chart drawn (those lower in a pass's order too)
    QList<double> sent; // logged -> written to the launcher's socket (the ranks' own count, the whole run)
    QList<double> received; // logged -> read from the studio's push socket
    QList<double> arrived;  // logged -> in the studio's feed
    QList<double> replot;   // logged -> the clock chart's replot begins
    QList<double> passMs;   // each drawing pass's time
    QList<double> passCharts;
    int charts = 0;
    QList<double> loop;
    QString error;
};

// The ranks' own samples (live-rank --stats DIR): one file per rank, a latency in ms per line.
QList<double> readRankSamples(const QString &dir) {
    QList<double> xs;
    for (const QFileInfo &f : QDir(dir).entryInfoList({u"rank-*.txt"_s}, QDir::Files)) {
        QFile file(f.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            bool ok = false;
            const double x = line.toDouble(&ok);
            if (ok)
                xs << x;
        }
    }
    return xs;
}

// One run: launch the ranks, open the dashboard once the run is in the database, measure while it streams.
Result measure(const QString &mode, bool push, const QString &db, int ranks, int rate, int series,
               double seconds) {
    Result r;
    r.mode = mode;
    PushReceiver receiver;
    QString error;
    if (push && !receiver.listen(&error)) {
        r.error = error;
        return r;
    }
    QTemporaryDir rankStats;
    QProcess launcher;
    launcher.setProgram(QStringLiteral(TRAINYARD_CLI));
    const QString name = u"live-"_s + mode;
    launcher.setArguments({u"launch"_s, u"--db"_s, db, u"--name"_s, name, u"--cpu"_s, u"--num_processes"_s,
                           QString::number(ranks), u"--no_python"_s, QCoreApplication::applicationFilePath(),
                           u"live-rank"_s, u"--rate"_s, QString::number(rate / ranks), u"--series"_s,
                           QString::number(series), u"--seconds"_s, QString::number(seconds), u"--stats"_s,
                           rankStats.path()});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QString::fromLatin1(StudioPushVariable));
    if (push)
        env.insert(QString::fromLatin1(StudioPushVariable), receiver.serverPath());
    launcher.setProcessEnvironment(env);
    launcher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    launcher.setStandardOutputFile(QProcess::nullDevice());
    launcher.start();
    if (!launcher.waitForStarted()) {
        r.error = launcher.errorString();
        return r;
    }
    // The run's row, read as the studio's runs list would (off the measured window).
    qint64 runId = 0;
    QElapsedTimer wait;
    wait.start();
    while (!runId && wait.elapsed() < 30000) {
        StoreReader reader;
        if (reader.open(db, &error))
            for (const RunRow &row : reader.runs())
                if (row.name == name)
                    runId = row.id;
        if (!runId)
            runFor(20);
    }
    if (!runId) {
        r.error = u"the run did not appear in %1"_s.arg(db);
        launcher.kill();
        launcher.waitForFinished();
        return r;
    }
    RunDashboard dash(db, runId);
    dash.resize(1400, 900);
    dash.show();
    DatabaseWatcher watcher;
    QObject::connect(&watcher, &DatabaseWatcher::changed, &dash, &RunDashboard::refresh);
    watcher.watch(db);
    // Every repaint of the clock chart: the newly drawn milliseconds of each rank.
    QHash<int, double> drawnUpTo, arrivedUpTo, replotUpTo;
    bool measuring = false;
    // Each millisecond of a rank's `clock` that is newly there since the last look counts one sample: now
    // minus its value (the time it was logged). newestOf says what "there" means for the stage. A `load/K`
    // series has a point every loadEveryMs (each rank logs them in turn), so its samples are that far apart,
    // counted back from the newest: one per point logged, not one per millisecond between its points.
    const double loadEveryMs = 1000.0 * std::max(1, series - 1) / std::max(1, rate / ranks - 1000);
    const auto countRank = [&](QHash<int, double> &upTo, QList<double> &samples, int rank, double newest,
                               double everyMs = 1) {
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        auto it = upTo.find(rank);
        if (it == upTo.end()) {
            upTo.insert(rank, newest);
            return;
        }
        if (measuring)
            for (double t = newest; t > *it; t -= everyMs)
                samples << now - t;
        *it = std::max(*it, newest);
    };
    const auto countNewOf = [&](const QString &key, QHash<int, double> &upTo, QList<double> &samples,
                                auto newestOf) {
        const double everyMs = key == u"clock"_s ? 1 : loadEveryMs;
        for (const ChartLine &line : dash.chartData(key).lines)
            if (const std::optional<double> newest = newestOf(line))
                countRank(upTo, samples, line.rank, *newest, everyMs);
    };
    const auto countNew = [&](QHash<int, double> &upTo, QList<double> &samples, auto newestOf) {
        countNewOf(u"clock"_s, upTo, samples, newestOf);
    };
    const auto lastDrawn = [](const ChartLine &line) -> std::optional<double> {
        if (line.buckets.isEmpty())
            return std::nullopt;
        return line.buckets.last().values.maxValue;
    };
    // Read from the push socket and decoded, before the feed merges it.
    QHash<int, double> receivedUpTo;
    QObject::connect(&receiver, &PushReceiver::received, &dash, [&](const PushedSeries &s) {
        if (s.key != u"clock"_s || s.points.isEmpty())
            return;
        double newest = -INFINITY;
        for (const PushedPoint &p : s.points)
            newest = std::max(newest, p.value);
        countRank(receivedUpTo, r.received, s.rank, newest);
    });
    if (push) // after the counter above: its slot runs first
        QObject::connect(&receiver, &PushReceiver::received, &dash, &RunDashboard::push);
    // The first stage: what the feed has when it says the chart changed (read or pushed).
    QObject::connect(dash.feed(), &RunFeed::chartChanged, &dash, [&](const QString &key) {
        if (key == u"clock"_s)
            countNew(arrivedUpTo, r.arrived, [](const ChartLine &line) -> std::optional<double> {
                if (line.rawY.isEmpty())
                    return std::nullopt;
                return *std::max_element(line.rawY.cend() - std::min<qsizetype>(line.rawY.size(), 64),
                                         line.rawY.cend());
            });
    });
    // The whole way: what a repaint of the clock chart drew (its data is set when its replot begins).
    QMetaObject::Connection replots;
    const auto hook = [&] {
        QCustomPlot *plot = dash.chart(u"clock"_s);
        if (!plot || replots)
            return;
        QObject::connect(plot, &QCustomPlot::beforeReplot, plot,
                         [&] { countNew(replotUpTo, r.replot, lastDrawn); });
        replots = QObject::connect(plot, &QCustomPlot::afterReplot, plot,
                                   [&] { countNew(drawnUpTo, r.latency, lastDrawn); });
    };
    // Every chart's drawing: each series' values are its log() times too.
    QHash<QString, QHash<int, double>> everyUpTo;
    const auto hookEvery = [&] {
        for (const QString &key : dash.keys()) {
            if (everyUpTo.contains(key))
                continue;
            everyUpTo.insert(key, {});
            QObject::connect(dash.chart(key), &QCustomPlot::afterReplot, &dash,
                             [&, key] { countNewOf(key, everyUpTo[key], r.everyChart, lastDrawn); });
        }
    };
    QObject::connect(&dash, &RunDashboard::chartsUpdated, &dash, [&](int charts, qint64 drawNs) {
        hook();
        hookEvery();
        if (measuring) {
            r.passCharts << charts;
            r.passMs << double(drawNs) / 1e6;
        }
    });
    LoopProbe probe;
    // A second to settle (ranks started, first reads), then the measured window, then the end of the run.
    runFor(1000);
    measuring = true;
    probe.record(true);
    const int window = int(std::max(1.0, seconds - 2) * 1000);
    StoreReader counter;
    qint64 before = 0, after = 0;
    const auto storedPoints = [&] {
        qint64 n = 0;
        if (counter.open(db, &error))
            for (const SeriesRow &s : counter.series(runId))
                n += s.count;
        return n;
    };
    before = storedPoints();
    runFor(window);
    after = storedPoints();
    measuring = false;
    probe.record(false);
    r.loop = probe.lateness();
    r.charts = int(dash.chartKeys().size());
    r.rate = double(after - before) / (window / 1000.0);
    if (!launcher.waitForFinished(int(seconds * 1000) + 60000))
        launcher.kill();
    if (launcher.exitCode() != 0)
        r.error = u"the launch ended with %1"_s.arg(launcher.exitCode());
    r.sent = readRankSamples(rankStats.path());
    if (r.latency.isEmpty() && r.error.isEmpty())
        r.error = u"no point of the clock series was drawn"_s;
    return r;
}

} // namespace

// The ranks: log `clock` every millisecond (its value: the wall time) and `load/0..` (--series - 1 of them,
// 10 by default) up to `--rate` points per second in all, sending every 2 ms.
int liveRank(const QStringList &args, QTextStream &) {
    const int rate = option(args, u"--rate"_s, u"50000"_s).toInt();
    const int loads = std::max(1, option(args, u"--series"_s, u"11"_s).toInt() - 1); // besides `clock`
    const double seconds = option(args, u"--seconds"_s, u"10"_s).toDouble();
    const QString statsDir = option(args, u"--stats"_s, {});
    TrackerClient client;
    std::string error;
    if (!client.connectFromEnvironment(&error)) {
        QTextStream(stderr) << "live-rank: " << QString::fromStdString(error) << '\n';
        return 1;
    }
    client.batchSize = 1 << 20; // sent every 2 ms instead
    client.window = 256;
    QElapsedTimer t;
    t.start();
    qint64 clockStep = 0, loadPoints = 0;
    const int loadRate = std::max(0, rate - 1000);
    // The client's part: from log() to the batch written to the launcher's socket, per clock point.
    QList<qint64> loggedNs;
    QList<double> sentMs;
    while (double(t.elapsed()) < seconds * 1000) {
        const double elapsed = double(t.nsecsElapsed()) / 1e9;
        for (const qint64 due = qint64(elapsed * 1000); clockStep < due; ++clockStep) {
            client.log("clock", clockStep, double(QDateTime::currentMSecsSinceEpoch()));
            loggedNs << t.nsecsElapsed();
        }
        for (const qint64 due = qint64(elapsed * loadRate); loadPoints < due; ++loadPoints)
            client.log("load/" + std::to_string(loadPoints % loads), loadPoints / loads,
                       double(QDateTime::currentMSecsSinceEpoch()));
        if (!client.send(&error)) {
            QTextStream(stderr) << "live-rank: " << QString::fromStdString(error) << '\n';
            return 1;
        }
        const qint64 sentNs = t.nsecsElapsed();
        for (const qint64 at : std::as_const(loggedNs))
            sentMs << double(sentNs - at) / 1e6;
        loggedNs.clear();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!statsDir.isEmpty()) {
        QFile file(QDir(statsDir).filePath(u"rank-%1.txt"_s.arg(qEnvironmentVariable("RANK"))));
        if (file.open(QIODevice::WriteOnly)) {
            QByteArray text;
            for (const double x : std::as_const(sentMs))
                text += QByteArray::number(x, 'f', 4) + '\n';
            file.write(text);
        }
    }
    return client.finish(0, &error) ? 0 : 1; // says it is done: the run's record is complete
}

int liveBench(const QStringList &args, QTextStream &out) {
    const int ranks = option(args, u"--ranks"_s, u"2"_s).toInt();
    const int rate = option(args, u"--rate"_s, u"100000"_s).toInt();
    const int series = option(args, u"--series"_s, u"11"_s).toInt();
    const double seconds = option(args, u"--seconds"_s, u"10"_s).toDouble();
    if (ranks < 1 || rate < 1000 * ranks || series < 2 || seconds < 3) {
        QTextStream(stderr)
            << "live: bad option values (--ranks >= 1, --rate >= 1000 per rank, --series >= 2, "
               "--seconds >= 3)\n";
        return 2;
    }
    QTemporaryDir dir;
    const QString db = dir.filePath(u"live.db"_s);
    // The baseline: the event loop with a finished run's dashboard open and idle.
    QList<double> idle;
    {
        StoreWriter w;
        QString error;
        if (!w.open(db, &error)) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
        RunRow row;
        row.uid = row.name = u"idle"_s;
        row.status = RunStatus::Finished;
        const qint64 id = w.createRun(row, &error);
        RunDashboard dash(db, id);
        dash.resize(1400, 900);
        dash.show();
        LoopProbe probe;
        runFor(500);
        probe.record(true);
        runFor(3000);
        idle = probe.lateness();
    }
    QList<Result> results;
    for (const auto &[mode, push] : {std::pair{u"push"_s, true}, std::pair{u"watch"_s, false}}) {
        results << measure(mode, push, db, ranks, rate, series, seconds);
        if (!results.last().error.isEmpty()) {
            QTextStream(stderr) << "live: " << mode << ": " << results.last().error << '\n';
            return 1;
        }
    }
    QList<QStringList> rows;
    for (const Result &r : results) {
        const QString run =
            r.mode == u"push"_s ? u"studio-launched run (push)"_s : u"CLI-launched run (database watch)"_s;
        for (const auto &[what, xs] :
             {std::pair{u"the clock chart"_s, &r.latency}, std::pair{u"every chart drawn"_s, &r.everyChart}})
            rows << QStringList{run + u", "_s + what,       QString::number(qint64(r.rate)),
                                ms(percentile(*xs, 0.5)),   ms(percentile(*xs, 0.95)),
                                ms(percentile(*xs, 0.99)),  ms(percentile(*xs, 1.0)),
                                QString::number(xs->size())};
    }
    out << "logged -> drawn, " << ranks << " ranks x " << series << " series, " << seconds << " s each, "
        << results[0].charts << " charts\n";
    printTable(out,
               {u"run"_s, u"points/s"_s, u"p50 ms"_s, u"p95 ms"_s, u"p99 ms"_s, u"max ms"_s, u"samples"_s},
               rows);
    out << '\n';
    // Where the time goes, each stage counted from the rank's log() call: the rank's client writes the batch,
    // the launcher receives it and pushes it (or commits it, and the studio's watcher notices the database
    // changed and reads it), the studio's feed merges it, the chart waits for its frame (and for the charts
    // drawn before it in that pass), then draws.
    QList<QStringList> stages;
    for (const Result &r : results) {
        const QString run = r.mode == u"push"_s ? u"push"_s : u"watch"_s;
        const auto row = [&](const QString &stage, const QList<double> &xs) {
            stages << QStringList{run + u": "_s + stage, ms(percentile(xs, 0.5)), ms(percentile(xs, 0.95)),
                                  QString::number(xs.size())};
        };
        row(u"log() -> written to the launcher"_s, r.sent);
        if (r.mode == u"push"_s)
            row(u"-> read from the push socket"_s, r.received);
        row(u"-> in the studio's feed"_s, r.arrived);
        row(u"-> its chart's replot begins"_s, r.replot);
        row(u"-> drawn"_s, r.latency);
    }
    printTable(out, {u"stage (the clock series, from log())"_s, u"p50 ms"_s, u"p95 ms"_s, u"samples"_s},
               stages);
    out << '\n';
    // The dashboard's drawing passes (each chart paced to frames on its own, a few drawn per pass): how many
    // charts each drew, and how long that held the event loop.
    QList<QStringList> passes;
    for (const Result &r : results)
        passes << QStringList{r.mode,
                              QString::number(double(r.passMs.size()) / std::max(1.0, seconds - 2), 'f', 1),
                              QString::number(percentile(r.passCharts, 0.5)),
                              QString::number(percentile(r.passCharts, 1.0)),
                              ms(percentile(r.passMs, 0.5)),
                              ms(percentile(r.passMs, 0.95)),
                              ms(percentile(r.passMs, 1.0))};
    printTable(out,
               {u"drawing passes"_s, u"per s"_s, u"charts p50"_s, u"charts max"_s, u"draw p50 ms"_s,
                u"draw p95 ms"_s, u"draw max ms"_s},
               passes);
    out << '\n';
    QList<QStringList> loopRows{{u"dashboard open, idle (baseline)"_s, ms(percentile(idle, 0.5)),
                                 ms(percentile(idle, 0.99)), ms(percentile(idle, 1.0))}};
    for (const Result &r : results)
        loopRows << QStringList{u"streaming, "_s + r.mode, ms(percentile(r.loop, 0.5)),
                                ms(percentile(r.loop, 0.99)), ms(percentile(r.loop, 1.0))};
    printTable(out, {u"event loop (5 ms timer lateness)"_s, u"p50 ms"_s, u"p99 ms"_s, u"max ms"_s}, loopRows);
    out << "live push_p95_ms=" << ms(percentile(results[0].latency, 0.95))
        << " watch_p95_ms=" << ms(percentile(results[1].latency, 0.95))
        << " loop_p99_ms_push=" << ms(percentile(results[0].loop, 0.99))
        << " loop_p99_ms_watch=" << ms(percentile(results[1].loop, 0.99))
        << " loop_p99_ms_idle=" << ms(percentile(idle, 0.99))
        << " push_every_chart_p95_ms=" << ms(percentile(results[0].everyChart, 0.95))
        << " watch_every_chart_p95_ms=" << ms(percentile(results[1].everyChart, 0.95)) << '\n';
    return 0;
}

} // namespace trainyard::bench
