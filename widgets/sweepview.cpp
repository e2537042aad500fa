// qcustomplot.h is written with Qt's keywords (signals, emit, foreach), which the project switches off; this
// file alone switches them back on before any Qt header. Its own code still uses Q_SIGNALS/Q_EMIT only.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH

#include "sweepview.h"

#include "background.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;

namespace trainyard {

SweepView::SweepView(const QString &databasePath, const QString &sweepId, QWidget *parent)
    : QWidget(parent)
    , m_database(databasePath)
    , m_sweep(sweepId)
    , m_model(new SweepModel(this))
    , m_table(new QTableView(this))
    , m_header(new QLabel(this))
    , m_objective(new QCustomPlot(this))
    , m_parallel(new QCustomPlot(this))
    , m_more(new QPushButton(tr("&More Trials..."), this))
    , m_stop(new QPushButton(tr("S&top Sweep"), this))
    , m_refresh(new QTimer(this)) {
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(500);
    connect(m_refresh, &QTimer::timeout, this, &SweepView::refresh);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_header->setWordWrap(true);
    m_more->setToolTip(tr("Queue more trials of this sweep (trainyard sweep FILE --continue ID --trials N)"));
    m_stop->setToolTip(tr("Take the waiting trials off the queue and stop the running ones (SIGINT: they end "
                          "cancelled, their points kept)"));
    connect(m_more, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const int n =
            QInputDialog::getInt(this, tr("More trials"), tr("How many more trials?"), 5, 1, 1000, 1, &ok);
        if (ok)
            moreTrials(n);
    });
    connect(m_stop, &QPushButton::clicked, this, &SweepView::stopSweep);
    connect(m_model, &SweepModel::loaded, this, &SweepView::draw);
    connect(m_model, &SweepModel::failed, m_header, &QLabel::setText);
    for (QCustomPlot *plot : {m_objective, m_parallel})
        plot->setMinimumHeight(180);
    m_objective->xAxis->setLabel(tr("trial"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_header, 1);
    buttons->addWidget(m_more);
    buttons->addWidget(m_stop);
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_objective);
    charts->addWidget(m_parallel);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    refresh();
}

int SweepView::objectivePoints() const {
    return m_objective->graphCount() ? m_objective->graph(0)->dataCount() : 0;
}

int SweepView::parallelLines() const {
    return m_parallel->graphCount();
}

int SweepView::parallelAxes() const {
    return m_parallel->graphCount() ? m_parallel->graph(0)->dataCount() : 0;
}

void SweepView::refreshSoon() {
    if (!m_refresh->isActive())
        m_refresh->start();
}

void SweepView::refresh() {
    m_model->reload(m_database, m_sweep);
}

void SweepView::draw() {
    const SweepSummary &s = m_model->summary();
    const int best = m_model->bestRow();
    int running = 0, waiting = 0;
    for (const SweepTrialRow &t : s.trials) {
        running += isActive(t.status) ? 1 : 0;
        waiting += t.status == RunStatus::Queued ? 1 : 0;
    }
    QString header = tr("%1: %2, %3 %4 · %n trial(s)", nullptr, int(s.trials.size()))
                         .arg(s.id, s.method, s.goal, s.metric.isEmpty() ? u"-"_s : s.metric);
    if (running || waiting)
        header += u" · "_s + tr("%1 running, %2 waiting").arg(running).arg(waiting);
    if (best >= 0)
        header += u" · "_s + tr("best: trial %1, %2 = %3")
                                 .arg(s.trials[best].trial)
                                 .arg(s.metric)
                                 .arg(*s.trials[best].value, 0, 'g', 6);
    m_header->setText(header);
    m_stop->setEnabled(running || waiting);
    m_more->setEnabled(!s.file.isEmpty());
    const bool minimize = s.goal != u"maximize"_s;
    const QColor accent = palette().color(QPalette::Highlight);
    const QColor muted = palette().color(QPalette::Mid);

    // The objective by trial, and the best so far as a step line.
    m_objective->clearGraphs();
    QCPGraph *points = m_objective->addGraph();
    points->setLineStyle(QCPGraph::lsNone);
    points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, accent, 6));
    QCPGraph *bestSoFar = m_objective->addGraph();
    bestSoFar->setLineStyle(QCPGraph::lsStepLeft);
    bestSoFar->setPen(QPen(muted, 1.5));
    std::optional<double> running_best;
    for (const SweepTrialRow &t : s.trials) {
        if (!t.value || !std::isfinite(*t.value))
            continue;
        points->addData(t.trial, *t.value);
        if (t.status == RunStatus::Finished &&
            (!running_best || (minimize ? *t.value < *running_best : *t.value > *running_best)))
            running_best = *t.value;
        if (running_best)
            bestSoFar->addData(t.trial, *running_best);
    }
    m_objective->yAxis->setLabel(s.metric);
    m_objective->rescaleAxes();
    m_objective->xAxis->scaleRange(1.1);
    m_objective->yAxis->scaleRange(1.1);
    m_objective->replot();

    // Parallel coordinates: every parameter and the objective on an axis of its own, scaled to [0, 1]
    // (numbers by their range, other values by their order of appearance); one line per trial, the best
    // thick.
    m_parallel->clearGraphs();
    QStringList axes = m_model->parameterKeys();
    const bool withObjective = !s.metric.isEmpty();
    if (withObjective)
        axes << s.metric;
    QList<QMap<QString, double>> coordinates(s.trials.size());
    for (const QString &axis : std::as_const(axes)) {
        QList<double> raw(s.trials.size(), NAN);
        QStringList categories;
        bool numeric = true;
        for (int i = 0; i < s.trials.size(); ++i) {
            if (axis == s.metric && withObjective && !m_model->parameterKeys().contains(axis)) {
                raw[i] = s.trials[i].value.value_or(NAN);
                continue;
            }
            bool ok = false;
            raw[i] = s.trials[i].params.value(axis).toDouble(&ok);
            if (!ok && s.trials[i].params.contains(axis))
                numeric = false;
        }
        if (!numeric) {
            for (int i = 0; i < s.trials.size(); ++i) {
                const QString v = s.trials[i].params.value(axis);
                if (!categories.contains(v))
                    categories << v;
                raw[i] = double(categories.indexOf(v));
            }
        }
        double lo = INFINITY, hi = -INFINITY;
        for (double v : std::as_const(raw))
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        for (int i = 0; i < s.trials.size(); ++i)
            if (std::isfinite(raw[i]))
                coordinates[i].insert(axis, hi > lo ? (raw[i] - lo) / (hi - lo) : 0.5);
    }
    for (int i = 0; i < s.trials.size(); ++i) {
        QCPGraph *line = m_parallel->addGraph();
        const bool isBest = i == best;
        QColor c = isBest ? accent : muted;
        line->setPen(QPen(c, isBest ? 3 : 1));
        line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, 4));
        for (int a = 0; a < axes.size(); ++a)
            if (coordinates[i].contains(axes[a]))
                line->addData(a, coordinates[i].value(axes[a]));
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int a = 0; a < axes.size(); ++a)
        ticker->addTick(a, axes[a]);
    m_parallel->xAxis->setTicker(ticker);
    m_parallel->xAxis->setRange(-0.3, std::max<double>(1, double(axes.size()) - 0.7));
    m_parallel->yAxis->setRange(-0.05, 1.05);
    m_parallel->yAxis->setTickLabels(false);
    m_parallel->replot();
}

void SweepView::stopSweep() {
    runInBackground(
        this,
        [database = m_database, trials = m_model->summary().trials] {
            return SweepModel::stopTrials(database, trials);
        },
        [this](const std::pair<int, int> &o) {
            Q_EMIT stopped(o.first, o.second);
            refresh();
        });
}

void SweepView::moreTrials(int count) {
    QString error;
    const bool ok = SweepModel::continueSweep(m_database, m_model->summary(), count, m_program, &error);
    Q_EMIT continued(ok, error);
}

} // namespace trainyard
