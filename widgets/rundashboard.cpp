// qcustomplot.h is written with Qt's keywords (signals, emit, foreach), which the project switches off; this
// file alone switches them back on before any Qt header. Its own code still uses Q_SIGNALS/Q_EMIT only.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH

#include "rundashboard.h"

#include "config/accelerateconfig.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

QColor rankColor(int rank) {
    static const QList<QColor> colors = {QColor(31, 119, 180),  QColor(255, 127, 14),  QColor(44, 160, 44),
                                         QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                                         QColor(227, 119, 194), QColor(127, 127, 127)};
    return colors.at(rank % colors.size());
}

struct SeriesData {
    int rank = 0;
    QList<Aggregate> buckets;
};

} // namespace

RunDashboard::RunDashboard(const QString &databasePath, qint64 runId, QWidget *parent)
    : QWidget(parent)
    , m_db(databasePath)
    , m_runId(runId)
    , m_grid(new QGridLayout)
    , m_status(new QLabel(this))
    , m_live(new QTimer(this)) {
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    content->setLayout(m_grid);
    scroll->setWidget(content);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    auto *log = new QCheckBox(tr("&Log scale"), this);
    connect(log, &QCheckBox::toggled, this, &RunDashboard::setLogScale);
    auto *png = new QPushButton(tr("Export &PNG..."), this);
    connect(png, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the chart images"));
        QString error;
        if (!dir.isEmpty() && !exportPng(dir, &error))
            m_status->setText(error);
    });
    auto *csv = new QPushButton(tr("Export &CSV..."), this);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getSaveFileName(this, tr("Chart data"), QString(), tr("CSV (*.csv)"));
        QString error;
        if (!file.isEmpty() && !exportCsv(file, &error))
            m_status->setText(error);
    });
    bar->addWidget(log);
    bar->addWidget(png);
    bar->addWidget(csv);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(scroll);
    m_status->setText(tr("Loading metrics..."));
    m_live->setInterval(1000);
    connect(m_live, &QTimer::timeout, this, &RunDashboard::refreshLive);
    loadSeries();
}

RunDashboard::~RunDashboard() = default;

QStringList RunDashboard::keys() const {
    QStringList k = m_charts.keys();
    k.sort();
    return k;
}

QCustomPlot *RunDashboard::chart(const QString &key) const {
    return m_charts.value(key).plot;
}

int RunDashboard::pointCount(const QString &key) const {
    int n = 0;
    if (QCustomPlot *p = chart(key))
        for (int i = 0; i < p->graphCount(); ++i)
            n += p->graph(i)->data()->size();
    return n;
}

std::pair<double, double> RunDashboard::valueRange(const QString &key) const {
    double lo = INFINITY, hi = -INFINITY;
    if (QCustomPlot *p = chart(key)) {
        for (int i = 0; i < p->graphCount(); ++i) {
            bool found = false;
            const QCPRange r = p->graph(i)->data()->valueRange(found);
            if (found) {
                lo = std::min(lo, r.lower);
                hi = std::max(hi, r.upper);
            }
        }
    }
    return {lo, hi};
}

void RunDashboard::loadSeries() {
    QPointer<RunDashboard> self(this);
    const QString db = m_db;
    const qint64 run = m_runId;
    QThreadPool::globalInstance()->start([self, db, run] {
        StoreReader reader;
        QString error;
        QList<SeriesRow> series;
        QString status;
        if (reader.open(db, &error)) {
            series = reader.series(run);
            if (const auto r = reader.run(run))
                status = r->status;
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, series, status, error] {
            if (!self)
                return;
            if (!error.isEmpty()) {
                self->m_status->setText(tr("Cannot read the run database: %1").arg(error));
                return;
            }
            self->m_finished = status != u"running"_s && status != u"created"_s;
            QHash<QString, QList<SeriesRow>> byKey;
            for (const SeriesRow &s : series)
                byKey[s.key] << s;
            QStringList keys = byKey.keys();
            keys.sort();
            for (const QString &key : keys) {
                Chart &c = self->m_charts[key];
                c.series = byKey.value(key);
                if (!c.plot) {
                    c.plot = new QCustomPlot(self);
                    c.plot->setMinimumHeight(220);
                    c.plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
                    c.plot->axisRect()->setRangeZoom(Qt::Horizontal);
                    c.plot->axisRect()->setRangeDrag(Qt::Horizontal);
                    c.plot->xAxis->setLabel(tr("step"));
                    c.plot->plotLayout()->insertRow(0);
                    c.plot->plotLayout()->addElement(0, 0, new QCPTextElement(c.plot, key));
                    c.debounce = new QTimer(self);
                    c.debounce->setSingleShot(true);
                    c.debounce->setInterval(60);
                    connect(c.debounce, &QTimer::timeout, self, [self, key] { self->request(key); });
                    connect(c.plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), self,
                            [self, key](const QCPRange &) {
                                Chart &ch = self->m_charts[key];
                                if (ch.plot->property("updating").toBool())
                                    return;
                                ch.followLatest = false; // the user zoomed or panned
                                ch.debounce->start();
                            });
                    const int index = int(self->m_charts.size()) - 1;
                    self->m_grid->addWidget(c.plot, index / 2, index % 2);
                }
                while (c.plot->graphCount() < c.series.size()) {
                    QCPGraph *g = c.plot->addGraph();
                    g->setPen(QPen(rankColor(c.series.at(c.plot->graphCount() - 1).rank), 1.5));
                    g->setName(tr("rank %1").arg(c.series.at(c.plot->graphCount() - 1).rank));
                }
                self->request(key);
            }
            self->m_status->setText(
                keys.isEmpty() ? tr("This run has no metrics yet.")
                               : tr("%n metric(s); drag to pan, wheel to zoom.", nullptr, int(keys.size())));
            if (self->m_finished)
                self->m_live->stop();
            else if (!self->m_live->isActive())
                self->m_live->start();
        });
    });
}

void RunDashboard::showSteps(double from, double to) {
    for (auto it = m_charts.begin(); it != m_charts.end(); ++it) {
        it->followLatest = false;
        it->plot->setProperty("updating", true);
        it->plot->xAxis->setRange(from, to);
        it->plot->setProperty("updating", false);
        request(it.key());
    }
}

void RunDashboard::request(const QString &key) {
    Chart &c = m_charts[key];
    const quint64 generation = ++c.generation;
    const bool whole = c.followLatest;
    const qint64 from =
        whole ? std::numeric_limits<qint64>::min() : qint64(std::floor(c.plot->xAxis->range().lower));
    const qint64 to =
        whole ? std::numeric_limits<qint64>::max() : qint64(std::ceil(c.plot->xAxis->range().upper));
    const int buckets = std::max(100, c.plot->width()); // about one bucket per pixel
    const QList<SeriesRow> series = c.series;
    QPointer<RunDashboard> self(this);
    const QString db = m_db;
    QThreadPool::globalInstance()->start([self, db, key, generation, series, from, to, buckets, whole] {
        StoreReader reader;
        QString error;
        QList<SeriesData> results;
        if (reader.open(db, &error))
            for (const SeriesRow &s : series)
                results << SeriesData{s.rank, reader.downsample(s.id, from, to, buckets)};
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, key, generation, results, whole] {
            if (!self || !self->m_charts.contains(key))
                return;
            Chart &chartRef = self->m_charts[key];
            if (generation != chartRef.generation)
                return; // a newer request is on its way
            double xmin = INFINITY, xmax = -INFINITY;
            chartRef.buckets.clear();
            for (const SeriesData &d : results)
                chartRef.buckets << d.buckets;
            for (int i = 0; i < results.size() && i < chartRef.plot->graphCount(); ++i) {
                QVector<double> xs, ys;
                for (const Aggregate &a : results[i].buckets) {
                    // first, the extremes at the bucket's middle, last: the envelope of exactly these points
                    const double mid = (double(a.firstStep) + double(a.lastStep)) / 2;
                    xs << double(a.firstStep) << mid << mid << double(a.lastStep);
                    const bool rising = a.lastValue >= a.firstValue;
                    ys << a.firstValue << (rising ? a.minValue : a.maxValue)
                       << (rising ? a.maxValue : a.minValue) << a.lastValue;
                    xmin = std::min(xmin, double(a.firstStep));
                    xmax = std::max(xmax, double(a.lastStep));
                }
                chartRef.plot->graph(i)->setData(xs, ys, true);
            }
            chartRef.plot->setProperty("updating", true);
            if (whole && std::isfinite(xmin))
                chartRef.plot->xAxis->setRange(xmin, std::max(xmax, xmin + 1));
            chartRef.plot->yAxis->rescale();
            chartRef.plot->setProperty("updating", false);
            chartRef.plot->replot(QCustomPlot::rpQueuedReplot);
            Q_EMIT self->chartsUpdated();
        });
    });
}

void RunDashboard::setLogScale(bool on) {
    m_logScale = on;
    for (Chart &c : m_charts) {
        c.plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (on)
            c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else
            c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        c.plot->yAxis->rescale();
        c.plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool RunDashboard::exportPng(const QString &folder, QString *error) const {
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it) {
        QString name = it.key();
        name.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
        const QString path = QDir(folder).filePath(name + u".png"_s);
        if (!it->plot->savePng(path, 0, 0, 2.0)) {
            if (error)
                *error = tr("cannot write %1").arg(path);
            return false;
        }
    }
    return true;
}

bool RunDashboard::exportCsv(const QString &file, QString *error) const {
    QString out = u"key,rank,first_step,last_step,first,min,max,last,count\n"_s;
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it)
        for (qsizetype i = 0; i < it->buckets.size() && i < it->series.size(); ++i)
            for (const Aggregate &a : it->buckets[i])
                out += u"%1,%2,%3,%4,%5,%6,%7,%8,%9\n"_s.arg(it.key())
                           .arg(it->series[i].rank)
                           .arg(a.firstStep)
                           .arg(a.lastStep)
                           .arg(a.firstValue, 0, 'g', 17)
                           .arg(a.minValue, 0, 'g', 17)
                           .arg(a.maxValue, 0, 'g', 17)
                           .arg(a.lastValue, 0, 'g', 17)
                           .arg(a.count);
    return saveFileAtomically(file, out.toUtf8(), error);
}

void RunDashboard::refreshLive() {
    // New keys may have appeared; the charts that follow the latest steps are asked again.
    loadSeries();
}

} // namespace trainyard
