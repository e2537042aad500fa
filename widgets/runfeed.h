// What a run page shows, without a widget: the runs and their series read from the database on a worker, each
// chart's buckets queried for the window its view asks for (trackers' queryChart: first, min, max and last of
// every bucket, and the smoothed curve on the full-resolution points), the points a launcher pushes merged
// in, and the live rule. RunDashboard draws it; tests drive it without a window.
//
// Database work is one queue: at most one job in flight (the runs and their series, or one chart's query),
// each chart queued at most once and asked with its window when its turn comes, all on one reader connection
// that stays open (used by one job at a time, never on the owner's thread). Live: a run its launcher feeds
// (push() or runChanged() within FedMs) is read only for a gap, a new series, a state change and every FedMs;
// other live runs on every database change (refresh()) and every second.
#pragma once

#include "chartquery.h"
#include "livepush.h"
#include "store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <functional>
#include <memory>
#include <span>

class QTimer;

namespace trainyard {

// One read of the runs shown.
struct LoadedRuns {
    QHash<qint64, RunRow> runs;
    QList<SeriesRow> series;
    QHash<qint64, QMap<int, qint64>> silent; // run -> rank -> silent since (wall ms), for active runs
    QMap<QString, QString> params;           // of a single run (its header)
    QString error;
    bool ended = false; // every run shown has ended
};

// What a chart's view decides: the range on screen, its width in buckets (about one per pixel), and whether
// it follows the latest points (neither zoomed nor panned).
struct ChartWindow {
    double from = 0, to = 0;
    int buckets = 100;
    bool followLatest = true;
};

class RunFeed : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 FedMs = 5000;
    // How long a chart that cannot be seen (a hidden tab, scrolled away) may wait behind the reads of those
    // that can, while the database keeps changing.
    static constexpr qint64 UnseenMs = 1000;

    RunFeed(const QString &databasePath, const QList<qint64> &runIds, QObject *parent = nullptr);
    ~RunFeed() override;

    const QString &databasePath() const { return m_db; }
    const QList<qint64> &runIds() const { return m_runIds; }
    // The view's window of a chart, asked when the chart's query gets its turn and when pushed points arrive.
    // Without one, every chart is read whole.
    void setWindows(std::function<ChartWindow(const QString &key)> windows) {
        m_windows = std::move(windows);
    }
    // Whether the view shows a chart now: its reads go first (one that cannot be seen waits, at most
    // UnseenMs). Without it, every chart is taken as seen.
    void setSeen(std::function<bool(const QString &key)> seen) { m_seen = std::move(seen); }

    // Display settings the queries use. They take effect with the next request (requestAll()).
    void setSmoothing(double weight) { m_smoothing = weight; }
    double smoothing() const { return m_smoothing; }
    void setAxis(ChartAxis axis) { m_axis = axis; }
    ChartAxis axis() const { return m_axis; }
    // The x axis of a chart: the chosen one, except for the launcher's telemetry (system/...), which is
    // sampled in time and has no training step: always seconds since the start.
    ChartAxis axisOf(const QString &key) const {
        return key.startsWith(QStringLiteral("system/")) ? ChartAxis::WallTime : m_axis;
    }
    void setAggregateRanks(bool on) { m_aggregate = on; }
    bool aggregateRanks() const { return m_aggregate; }

    void loadSeries();                // queues a read of the runs and their series
    void request(const QString &key); // queues a query for one chart
    void requestAll();
    // The view shows a chart (again): if a read of it is queued, the queue moves on now (the charts that can
    // be seen first, in the order asked), instead of when the read in flight ends or an unseen one is due.
    void shown(const QString &key);
    // The database changed (DatabaseWatcher): a live run that its launcher does not feed is read again.
    void refresh();
    // Points the run's launcher pushed once they were committed: a chart that follows the latest points is
    // continued with them; a point that does not continue what it holds (a gap, a new series or rank) makes
    // it read the database again. Points of other runs are ignored.
    void push(const trainyard::PushedSeries &series);
    // A run's state its launcher pushed: the runs are read again (header, status, the end).
    void runChanged(const trainyard::PushedRun &run);

    bool live() const;
    QStringList keys() const; // sorted
    ChartData chartData(const QString &key) const { return m_charts.value(key).data; }
    QString runName(qint64 runId) const { return m_runs.value(runId).name; }
    int runIndex(qint64 runId) const { return m_runs.value(runId).index; }
    // For tests and benchmarks: pushed points that continued a chart, and reads of the runs and their series.
    qint64 pushedPointsApplied() const { return m_pushedApplied; }
    qint64 databaseLoads() const { return m_loads; }

Q_SIGNALS:
    // After each read of the runs, before their charts are asked for: the view makes a chart for every key.
    void loaded(const trainyard::LoadedRuns &loaded);
    // A chart's data changed (a query answered, or pushed points continued it).
    void chartChanged(const QString &key);
    void readFailed(const QString &error);
    void runsEnded(); // every run shown has ended (emitted once, when the last live one does)

private:
    struct RunInfo {
        QString name;
        qint64 originMs = 0;
        int index = 0;
    };
    struct Chart {
        QList<SeriesRow> series; // of every run, every rank
        ChartData data;
        // Pushed points of each (run, rank), kept until a query answer covers them, so that an answer read
        // before they were committed is continued with them.
        QHash<QPair<qint64, int>, QVector<PushedPoint>> pushed;
    };
    struct Reader;
    ChartWindow window(const QString &key) const;
    void pump();
    void runLoad();
    void onLoaded(LoadedRuns read);
    void runQuery(const QString &key);
    void applyPushed(Chart &c, bool followLatest, ChartAxis axis);
    static ChartLine *lineOf(Chart &c, qint64 runId, int rank);
    bool continueLine(Chart &c, ChartLine &line, qint64 runId, std::span<const PushedPoint> points,
                      ChartAxis axis);
    double pushedX(qint64 runId, const PushedPoint &p, ChartAxis axis) const;
    bool fed() const { return m_lastFed.isValid() && m_lastFed.elapsed() < FedMs; }

    QString m_db;
    QList<qint64> m_runIds;
    std::function<ChartWindow(const QString &)> m_windows;
    std::function<bool(const QString &)> m_seen;
    QHash<qint64, RunInfo> m_runs;
    QHash<QString, Chart> m_charts;
    std::shared_ptr<SmoothingCache> m_smoothingCache;
    std::shared_ptr<Reader> m_reader;
    bool m_jobInFlight = false;
    bool m_loadQueued = false;
    struct QueuedChart {
        QString key;
        qint64 askedMs = 0; // m_clock
    };
    QList<QueuedChart> m_queuedCharts; // in the order asked (so by askedMs), each chart at most once
    bool queued(const QString &key) const;
    QElapsedTimer m_clock;
    QTimer *m_unseenDue; // the first read of a chart that cannot be seen, when it has waited long enough
    QTimer *m_live;
    double m_smoothing = 0;
    ChartAxis m_axis = ChartAxis::Step;
    bool m_aggregate = false;
    qint64 m_pushedApplied = 0;
    qint64 m_loads = 0;
    QElapsedTimer m_lastFed;  // since the launcher last pushed something of these runs (invalid: never)
    QElapsedTimer m_lastLoad; // since the last read of the runs and their series
};

} // namespace trainyard

Q_DECLARE_METATYPE(trainyard::LoadedRuns)
