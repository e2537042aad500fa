// A run's metrics as live charts (QCustomPlot): one chart per key, one graph per rank. Every zoom or pan asks
// the run database for the downsampled buckets of the visible range (first, min, max and last of every
// bucket, so no spike is hidden), on a worker thread; results repaint through QCustomPlot's queued
// (coalesced) replot. While the run is live the charts refresh every second.
#pragma once

#include "store.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCustomPlot;
class QTimer;
class QGridLayout;
class QLabel;

namespace trainyard {

class RunDashboard : public QWidget {
    Q_OBJECT
public:
    RunDashboard(const QString &databasePath, qint64 runId, QWidget *parent = nullptr);
    ~RunDashboard() override;

    QStringList keys() const;
    // For tests and screenshots: what a chart shows.
    int pointCount(const QString &key) const;
    std::pair<double, double> valueRange(const QString &key) const;
    QCustomPlot *chart(const QString &key) const;

    // Asks for the buckets of [from, to] of every chart (what a zoom does).
    void showSteps(double from, double to);
    // Logarithmic value axes (losses spanning decades).
    void setLogScale(bool on);
    // Writes what the charts show: one PNG per metric (folder) or the buckets as CSV
    // (key,rank,first_step,last_step,first,min,max,last,count).
    bool exportPng(const QString &folder, QString *error) const;
    bool exportCsv(const QString &file, QString *error) const;

Q_SIGNALS:
    void chartsUpdated(); // after data from the database reached the charts

private:
    struct Chart {
        QCustomPlot *plot = nullptr;
        QList<SeriesRow> series; // one per rank
        QTimer *debounce = nullptr;
        bool followLatest = true;
        quint64 generation = 0;          // drops answers to superseded requests
        QList<QList<Aggregate>> buckets; // what is shown, per rank (for the CSV export)
    };
    void loadSeries();
    void request(const QString &key);
    void refreshLive();

    QString m_db;
    qint64 m_runId;
    QHash<QString, Chart> m_charts;
    QGridLayout *m_grid;
    QLabel *m_status;
    QTimer *m_live;
    bool m_finished = false;
    bool m_logScale = false;
};

} // namespace trainyard
