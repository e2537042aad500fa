// One or several runs' metrics as live charts (QCustomPlot): one chart per key, one line per rank (or the
// ranks' mean with their min..max band), runs overlaid for comparison. The data is a RunFeed's (reads,
// queries for each chart's window, pushed points, the live rule); every view change asks it again, and its
// answers are drawn by a coalescing repaint timer (at most one repaint per 40 ms).
#pragma once

#include "chartquery.h"
#include "livepush.h"
#include "runfeed.h"
#include "store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>
#include <limits>
#include <memory>
#include <span>

class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;
class QTimer;
class QGridLayout;
class QGroupBox;
class QLabel;
class QSlider;
class QComboBox;
class QCheckBox;
class QPushButton;

namespace trainyard {

class RunDashboard : public QWidget {
    Q_OBJECT
public:
    RunDashboard(const QString &databasePath, const QList<qint64> &runIds, QWidget *parent = nullptr);
    RunDashboard(const QString &databasePath, qint64 runId, QWidget *parent = nullptr);
    ~RunDashboard() override;

    QList<qint64> runIds() const { return m_runIds; }
    // The data behind the charts (widget-free): reads, queries, pushed points, the live rule.
    RunFeed *feed() const { return m_feed; }
    QStringList keys() const;
    // For tests, benchmarks and screenshots: what a chart shows.
    int pointCount(const QString &key) const;
    int curveCount(const QString &key) const; // QCustomPlot graphs, bands included
    int visibleCurveCount(const QString &key) const;
    // Hides a line of a chart (by its legend name: "rank 1", "run (mean of 2 ranks)") or shows it again, as a
    // click on its legend entry does; the value axis fits what is shown.
    void toggleLine(const QString &key, const QString &lineName);
    int dotCurves(const QString &key) const; // curves drawn as dots (lines of a single point)
    std::pair<double, double> valueRange(const QString &key) const;
    // The value axis's range as drawn.
    std::pair<double, double> valueAxis(const QString &key) const;
    QCustomPlot *chart(const QString &key) const;
    QStringList chartKeys() const { return m_charts.keys(); }
    ChartData chartData(const QString &key) const;

    // Asks for the buckets of [from, to] (steps, or seconds on the wall-time axis) of every chart: a zoom.
    void showRange(double from, double to);
    void showSteps(double from, double to) { showRange(from, to); }
    // Back to the whole runs, following the latest points.
    void showAll();
    // The database changed (DatabaseWatcher): a dashboard of a live run reads it again at once, instead of at
    // its next one-second tick. A dashboard its launcher feeds (push() or runChanged() within the last
    // FedMs) does not: the push is its live source, and it reads the database only for what the push cannot
    // say (a gap, a new series, a state change) and once every FedMs as a safety net.
    void refresh() { m_feed->refresh(); }
    static constexpr qint64 FedMs = RunFeed::FedMs;
    // A run's state its launcher pushed (PushReceiver::runChanged): the run's row is read again (header,
    // status, the end of the run).
    void runChanged(const trainyard::PushedRun &run) { m_feed->runChanged(run); }
    // How many times the runs and their series were read from the database (for tests and benchmarks).
    qint64 databaseLoads() const { return m_feed->databaseLoads(); }
    // Points the run's launcher pushed as it received them (PushReceiver): a chart that follows the
    // latest points draws them at its next repaint, without reading the database. Points of runs not shown
    // are ignored; a point that does not continue what the chart shows (a gap, a new series) makes it read
    // the database again.
    void push(const trainyard::PushedSeries &series) { m_feed->push(series); }
    // Points pushed and drawn so far (for tests and benchmarks).
    qint64 pushedPointsDrawn() const { return m_feed->pushedPointsApplied(); }
    // How many times a chart's graphs and legend were made (for tests): a repaint of new points replaces
    // their data only.
    qint64 graphsMade() const { return m_graphsMade; }
    // The chart's legend entries: each line's name, "(smoothed)" after it when the entry is the smoothed
    // curve.
    QStringList legendEntries(const QString &key) const;
    bool legendShown(const QString &key) const;
    // "rank 3 silent for 95 s" for every rank the launcher's watchdog found silent (empty when none).
    QString silentRanksText() const;
    // Asks the live run's launcher for every Python rank's stacks (stacks-rank-N.txt in the run folder);
    // false, with the reason in the status line, when the run does not run on this machine.
    bool requestStacks();
    // Stops the live run (its launcher on this machine gets SIGINT, as Ctrl-C); false, with the reason in the
    // status line, when the run does not run here.
    bool requestStop();
    void setLogScale(bool on);
    // The EMA weight in [0, 0.999]; 0 switches smoothing off.
    void setSmoothing(double weight);
    void setAxis(ChartAxis axis);
    void setAggregateRanks(bool on);
    // The crosshair at x on a chart, and what it reads there (one line per curve).
    void moveCrosshair(const QString &key, double x);
    QString crosshairText(const QString &key) const;

    // Writes what the charts show: one PNG or SVG per metric (folder; RUN_METRIC.png), or the buckets as CSV
    // (key,run,rank,first_step,last_step,first,min,max,last,count,smoothed).
    // The files exportPng/exportSvg would write in folder (one per chart: RUN_METRIC.png).
    QStringList exportFiles(const QString &folder, const QString &suffix) const;
    bool exportPng(const QString &folder, QString *error);
    bool exportSvg(const QString &folder, QString *error);
    bool exportCsv(const QString &file, QString *error) const;

    // Writes the runs shown as `trainyard runs export` does (trackers' writeRun: JSONL for a .jsonl file, CSV
    // otherwise; run ids, not database numbers), off the GUI thread; pointsExported() follows.
    void exportPoints(const QString &file);
    // The header of a single run's page: name, status, exit code, start, duration, host, command, parameters.
    static QString headerHtml(const RunRow &run, const QMap<QString, QString> &params);
    QString headerText() const; // as plain text
    // The run's name (or the compared runs'), made fit for a file name: the default of exported files.
    QString fileStem() const;

Q_SIGNALS:
    void pointsExported(const QString &file, const QString &error); // error empty on success
    // A drawing pass drew charts whose data had changed: how many, and how long that took (setting their data
    // and replotting).
    void chartsUpdated(int charts, qint64 drawNs);
    void drawingChart(const QString &key); // one chart's drawing begins
    void runsEnded(); // every run shown has ended (emitted once, when the last live one does)
    // The stacks asked for were read and shown (ranks: how many answered).
    void stacksShown(int ranks);
    // "Run Again" on an ended run's page: the main window starts it again (LaunchPanel::runAgain).
    void runAgainRequested(const QString &runUid);
    // The one run shown has a new name (its tracker named it after its project): for the tab's title.
    void runRenamed(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override; // a new palette (theme) restyles the charts

private:
    QString m_shownName; // the single run's name as last loaded
    // A chart's view: the plot, its crosshair and whether it follows the latest points; its data is the
    // feed's.
    struct Chart {
        QString key;
        QCustomPlot *plot = nullptr;
        QTimer *debounce = nullptr;
        QCPItemStraightLine *cursor = nullptr;
        QCPItemText *readout = nullptr;
        bool followLatest = true;
        bool dirty = false;
        QSet<QString> hidden;    // lines hidden from the legend
        qint64 dirtySinceNs = 0; // when its data changed first since it was last drawn (oldest drawn first)
        qint64 drawnAtNs = std::numeric_limits<qint64>::min() / 2; // when it was last drawn (never)
        double cursorX = 0;
        bool cursorShown = false;
        QString
            shape; // the lines its graphs and legend were made for (draw() makes them again when it changes)
    };
    void showStacks(const QString &runDir, const QMap<int, QString> &dumps);
    void showLoaded(const LoadedRuns &loaded);
    ChartWindow windowOf(const QString &key) const;
    Chart &addChart(const QString &key);
    void layoutCharts();
    void draw(const QString &key);
    void makeGraphs(Chart &c, const ChartData &shown, bool smoothing);
    void finishDraw(Chart &c, const ChartData &shown);
    void scheduleRepaint(const Chart &c); // at the chart's next frame, unless a pass is due sooner
    // Draws the charts whose data changed, that can be seen and whose frame has come, oldest change first,
    // within one pass's budget (all that changed when everything is true); the rest wait for the next pass,
    // their next frame, or until they are shown.
    void drawPending(bool everything);
    bool onScreen(const Chart &c) const;
    void redrawAll();          // after a display setting changed: ask again
    void styleChart(Chart &c); // colours from the palette (light or dark theme)
    void applyScale(Chart &c); // linear or logarithmic value axis, as m_logScale says
    QString lineName(const ChartLine &line) const;
    QColor lineColor(const ChartLine &line) const;
    bool exportEach(const QString &folder, const QString &suffix, QString *error);

    QString m_db;
    QList<qint64> m_runIds;
    RunFeed *m_feed;
    QHash<QString, Chart> m_charts;
    QGridLayout *m_grid;
    // The System section below the run's own metrics: every rank's system/* series (CPU, memory, GPU), shown
    // once the first arrives.
    QGroupBox *m_system = nullptr;
    QGridLayout *m_systemGrid = nullptr;
    QLabel *m_status;
    QLabel *m_silent = nullptr;
    QLabel *m_header = nullptr;
    QPushButton *m_stacks = nullptr;
    QPushButton *m_stopRun = nullptr;
    QPushButton *m_runAgain = nullptr;
    QString m_againUid; // the run shown, once it ended, when it can be run again
    RunRow m_liveRun;   // the run shown, while it is live and its launcher runs here
    QSlider *m_smoothingSlider;
    QLabel *m_smoothingValue;
    QComboBox *m_axisBox;
    QCheckBox *m_aggregateBox;
    QTimer *m_repaint;
    QWidget *m_viewport = nullptr; // the charts' scroll area's
    qint64 m_graphsMade = 0;
    QElapsedTimer m_sinceStart; // the clock of the charts' dirtySinceNs and drawnAtNs
    qint64 m_repaintAtNs = 0;   // when m_repaint fires, while it is active
    bool m_logScale = false;
};

} // namespace trainyard
