// qcustomplot.h is written with Qt's keywords (signals, emit, foreach), which the project switches off; this
// file alone switches them back on before any Qt header. Its own code still uses Q_SIGNALS/Q_EMIT only.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH

#include "rundashboard.h"

#include "background.h"
#include "config/accelerateconfig.h"
#include "exports.h"
#include "filedialogs.h"
#include "launch/runrecord.h"
#include "runcontrol.h"
#include "runsmodel.h"
#include "system/atomicfile.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSlider>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

const QList<QColor> &lineColors() {
    static const QList<QColor> colors = {QColor(31, 119, 180),  QColor(255, 127, 14),  QColor(44, 160, 44),
                                         QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                                         QColor(227, 119, 194), QColor(127, 127, 127)};
    return colors;
}

QColor faded(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

} // namespace

namespace {
// Tick labels in the unit the series' key names (formatMetric), at QCustomPlot's usual tick positions.
class UnitTicker : public QCPAxisTicker {
public:
    explicit UnitTicker(QString key)
        : m_key(std::move(key)) {}

protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override {
        return formatMetric(m_key, tick);
    }

private:
    QString m_key;
};

// A legend entry and a chart title that measure their text once. QCustomPlot measures every legend entry
// and title at every replot, several times over through the nested layouts (a text layout each time); a
// streaming chart replots up to 60 times a second with an entry per rank. Their text and font never change
// once made (a new line, rank or smoothing makes the legend's entries again).
class LegendEntry : public QCPPlottableLegendItem {
public:
    LegendEntry(QCPLegend *legend, QCPAbstractPlottable *plottable)
        : QCPPlottableLegendItem(legend, plottable) {}
    QSize minimumOuterSizeHint() const override {
        if (!m_size.isValid())
            m_size = QCPPlottableLegendItem::minimumOuterSizeHint();
        return m_size;
    }

private:
    mutable QSize m_size;
};

class ChartTitle : public QCPTextElement {
public:
    ChartTitle(QCustomPlot *plot, const QString &text)
        : QCPTextElement(plot, text) {}
    QSize minimumOuterSizeHint() const override {
        if (!m_size.isValid())
            m_size = QCPTextElement::minimumOuterSizeHint();
        return m_size;
    }
    QSize maximumOuterSizeHint() const override {
        if (!m_maximum.isValid())
            m_maximum = QCPTextElement::maximumOuterSizeHint();
        return m_maximum;
    }

private:
    mutable QSize m_size, m_maximum;
};
} // namespace

RunDashboard::RunDashboard(const QString &databasePath, qint64 runId, QWidget *parent)
    : RunDashboard(databasePath, QList<qint64>{runId}, parent) {}

RunDashboard::RunDashboard(const QString &databasePath, const QList<qint64> &runIds, QWidget *parent)
    : QWidget(parent)
    , m_db(databasePath)
    , m_runIds(runIds)
    , m_feed(new RunFeed(databasePath, runIds, this))
    , m_grid(new QGridLayout)
    , m_status(new QLabel(this))
    , m_smoothingSlider(new QSlider(Qt::Horizontal, this))
    , m_smoothingValue(new QLabel(this))
    , m_axisBox(new QComboBox(this))
    , m_aggregateBox(new QCheckBox(tr("&Mean of ranks"), this))
    , m_repaint(new QTimer(this)) {
    auto *scroll = new QScrollArea(this);
    m_viewport = scroll->viewport();
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *sections = new QVBoxLayout(content);
    sections->addLayout(m_grid);
    m_system = new QGroupBox(tr("System: CPU, memory and GPU of every rank"), content);
    m_system->setObjectName(u"systemSection"_s);
    m_systemGrid = new QGridLayout(m_system);
    m_system->setVisible(false);
    sections->addWidget(m_system);
    sections->addStretch(1);
    scroll->setWidget(content);

    // Silent ranks, in the warning colour of the palette's link (readable in both themes).
    m_silent = new QLabel(this);
    m_silent->setObjectName(u"silentRanks"_s);
    m_silent->setToolTip(tr("Ranks that printed and logged nothing for longer than the launch's --watchdog "
                            "time. Their Python stacks are in the run folder (stacks-rank-N.txt)."));
    QFont bold = m_silent->font();
    bold.setBold(true);
    m_silent->setFont(bold);
    m_silent->setStyleSheet(u"color: #d9480f;"_s);
    m_silent->setVisible(false);
    m_stacks = new QPushButton(tr("Python S&tacks"), this);
    m_stacks->setToolTip(
        tr("Ask the launcher for every Python rank's stacks (faulthandler): they are appended to "
           "stacks-rank-N.txt in the run folder. Nothing stops."));
    m_stacks->setVisible(false);
    connect(m_stacks, &QPushButton::clicked, this, &RunDashboard::requestStacks);
    m_stopRun = new QPushButton(tr("Stop R&un"), this);
    m_stopRun->setToolTip(tr("Stop this run as Ctrl-C would (SIGTERM, then SIGKILL after the grace period; "
                             "recorded as cancelled). Again: kill its ranks at once."));
    m_stopRun->setVisible(false);
    connect(m_stopRun, &QPushButton::clicked, this, &RunDashboard::requestStop);
    m_runAgain = new QPushButton(tr("Run &Again"), this);
    m_runAgain->setToolTip(
        tr("Start this run's command again as a new run: the same working directory, flags "
           "and config file as launched (trainyard runs rerun)"));
    m_runAgain->setVisible(false);
    connect(m_runAgain, &QPushButton::clicked, this, [this] {
        if (!m_againUid.isEmpty())
            Q_EMIT runAgainRequested(m_againUid);
    });
    auto *bar = new QHBoxLayout;
    auto *smoothingLabel = new QLabel(tr("&Smoothing"), this);
    smoothingLabel->setBuddy(m_smoothingSlider);
    QLabel *smoothingValue = m_smoothingValue;
    smoothingValue->setMinimumWidth(smoothingValue->fontMetrics().horizontalAdvance(u"0.000"_s));
    m_smoothingSlider->setRange(0, 999);
    m_smoothingSlider->setMaximumWidth(160);
    m_smoothingSlider->setToolTip(
        tr("Weight of the exponential moving average, computed on every logged point; the raw curve stays "
           "underneath, faded."));
    auto *smoothingDelay = new QTimer(this);
    smoothingDelay->setSingleShot(true);
    smoothingDelay->setInterval(150);
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [smoothingValue, smoothingDelay](int v) {
        smoothingValue->setText(QString::number(v / 1000.0, 'f', 3));
        smoothingDelay->start();
    });
    connect(smoothingDelay, &QTimer::timeout, this,
            [this] { setSmoothing(m_smoothingSlider->value() / 1000.0); });
    smoothingValue->setText(u"0.000"_s);
    m_axisBox->addItem(tr("Step"));
    m_axisBox->addItem(tr("Wall time"));
    m_axisBox->setToolTip(
        tr("The x axis: the step each point was logged at, or seconds since its run started"));
    connect(m_axisBox, &QComboBox::activated, this,
            [this](int i) { setAxis(i == 1 ? ChartAxis::WallTime : ChartAxis::Step); });
    m_aggregateBox->setToolTip(
        tr("One line per run: the mean over its ranks, with the band from the lowest to "
           "the highest value of any rank"));
    connect(m_aggregateBox, &QCheckBox::toggled, this, &RunDashboard::setAggregateRanks);
    auto *log = new QCheckBox(tr("&Log scale"), this);
    connect(log, &QCheckBox::toggled, this, &RunDashboard::setLogScale);
    auto *reset = new QPushButton(tr("&Reset Zoom"), this);
    reset->setToolTip(tr("Show the whole runs again and follow new points (or double-click a chart)"));
    connect(reset, &QPushButton::clicked, this, &RunDashboard::showAll);
    // Exports: images of the charts (named after the run and the metric), the raw points of the runs (as
    // `trainyard runs export` writes them) or the buckets on screen.
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("E&xport"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    const auto exportImages = [this](bool svg) {
        const QString dir = fileDialogs::getExistingDirectory(this, tr("Folder for the chart images"));
        QString error;
        if (dir.isEmpty())
            return;
        // Images already there are replaced only when the user says so.
        QStringList existing;
        for (const QString &f : exportFiles(dir, svg ? u".svg"_s : u".png"_s))
            if (QFileInfo::exists(f))
                existing << QFileInfo(f).fileName();
        if (!existing.isEmpty() &&
            QMessageBox::question(
                this, tr("Replace chart images"),
                tr("%n file(s) already in %1 would be replaced:\n%2", nullptr, int(existing.size()))
                    .arg(QDir::toNativeSeparators(dir), existing.mid(0, 8).join(u'\n')),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return;
        if (!(svg ? exportSvg(dir, &error) : exportPng(dir, &error)))
            m_status->setText(error);
        else
            m_status->setText(tr("%n chart(s) written to %1", nullptr, int(m_charts.size()))
                                  .arg(QDir::toNativeSeparators(dir)));
    };
    connect(exportMenu->addAction(tr("Charts as &PNG...")), &QAction::triggered, this,
            [exportImages] { exportImages(false); });
    connect(exportMenu->addAction(tr("Charts as S&VG...")), &QAction::triggered, this,
            [exportImages] { exportImages(true); });
    connect(exportMenu->addAction(tr("&Raw points as CSV...")), &QAction::triggered, this, [this] {
        const QString file = fileDialogs::getSaveFileName(
            this, tr("Raw points"), QDir::home().filePath(fileStem() + u".csv"_s), tr("CSV (*.csv)"));
        if (!file.isEmpty())
            exportPoints(file);
    });
    connect(exportMenu->addAction(tr("Raw points as &JSONL...")), &QAction::triggered, this, [this] {
        const QString file = fileDialogs::getSaveFileName(this, tr("Raw points"),
                                                          QDir::home().filePath(fileStem() + u".jsonl"_s),
                                                          tr("JSON Lines (*.jsonl)"));
        if (!file.isEmpty())
            exportPoints(file);
    });
    connect(exportMenu->addAction(tr("&Buckets on screen as CSV...")), &QAction::triggered, this, [this] {
        const QString file = fileDialogs::getSaveFileName(
            this, tr("Chart data"), QDir::home().filePath(fileStem() + u"-buckets.csv"_s), tr("CSV (*.csv)"));
        QString error;
        if (file.isEmpty())
            return;
        if (!exportCsv(file, &error))
            m_status->setText(error);
        else
            m_status->setText(tr("Written: %1").arg(QDir::toNativeSeparators(file)));
    });
    exportButton->setMenu(exportMenu);
    connect(this, &RunDashboard::pointsExported, this, [this](const QString &file, const QString &error) {
        m_status->setText(error.isEmpty() ? tr("Written: %1").arg(QDir::toNativeSeparators(file)) : error);
    });
    bar->addWidget(smoothingLabel);
    bar->addWidget(m_smoothingSlider);
    bar->addWidget(smoothingValue);
    bar->addWidget(m_axisBox);
    bar->addWidget(m_aggregateBox);
    bar->addWidget(log);
    bar->addWidget(reset);
    bar->addWidget(exportButton);
    bar->addStretch(1);
    // The run's header (status, exit code, duration, command, parameters), then the state line, then the
    // controls: each row may wrap or shrink; none makes the window wider than the screen.
    m_header = new QLabel(this);
    m_header->setObjectName(u"runHeader"_s);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_header->setVisible(runIds.size() == 1);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_status, 1);
    stateRow->addWidget(m_silent);
    stateRow->addWidget(m_stacks);
    stateRow->addWidget(m_stopRun);
    stateRow->addWidget(m_runAgain);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(stateRow);
    layout->addLayout(bar);
    layout->addWidget(scroll);
    m_status->setText(tr("Loading metrics..."));
    // Several runs are compared by their means (the feed's default); one run shows each rank.
    m_aggregateBox->setChecked(m_feed->aggregateRanks());
    // The feed asks each chart's window when its turn comes; what it reads or is pushed is drawn here.
    m_feed->setWindows([this](const QString &key) { return windowOf(key); });
    m_feed->setSeen([this](const QString &key) {
        const auto it = m_charts.constFind(key);
        return it == m_charts.cend() || !it->plot || onScreen(*it);
    });
    connect(m_feed, &RunFeed::loaded, this, &RunDashboard::showLoaded);
    connect(m_feed, &RunFeed::chartChanged, this, [this](const QString &key) {
        auto it = m_charts.find(key);
        if (it == m_charts.end())
            return;
        if (it->dirty)
            return; // already waiting for its turn (or, hidden or scrolled away, to be shown: eventFilter)
        it->dirty = true;
        it->dirtySinceNs = m_sinceStart.nsecsElapsed();
        if (onScreen(*it))
            scheduleRepaint(*it);
    });
    connect(m_feed, &RunFeed::readFailed, this, [this](const QString &error) {
        m_status->setText(tr("Cannot read the run database: %1").arg(error));
    });
    connect(m_feed, &RunFeed::runsEnded, this, &RunDashboard::runsEnded);
    // What the workers answer and the launcher pushes is drawn at the chart's next frame (scheduleRepaint).
    m_repaint->setSingleShot(true);
    m_repaint->setTimerType(Qt::PreciseTimer);
    m_sinceStart.start();
    connect(m_repaint, &QTimer::timeout, this, [this] { drawPending(false); });
    m_feed->loadSeries();
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

ChartData RunDashboard::chartData(const QString &key) const {
    return m_feed->chartData(key);
}

ChartWindow RunDashboard::windowOf(const QString &key) const {
    const auto it = m_charts.constFind(key);
    if (it == m_charts.cend() || !it->plot)
        return {};
    ChartWindow w;
    w.from = it->plot->xAxis->range().lower;
    w.to = it->plot->xAxis->range().upper;
    // About one bucket per pixel. The axis's own rect: QCustomPlot::axisRect() walks the whole layout, and
    // this is asked for every pushed series (a tenth of the studio's time at 8 ranks x 50 series).
    w.buckets = it->plot->xAxis->axisRect()->width();
    w.followLatest = it->followLatest;
    return w;
}

QStringList RunDashboard::legendEntries(const QString &key) const {
    QStringList names;
    if (QCustomPlot *p = chart(key))
        for (int i = 0; i < p->legend->itemCount(); ++i)
            if (auto *entry = qobject_cast<QCPPlottableLegendItem *>(p->legend->item(i)))
                names << (entry->plottable()->property("smoothed").toBool()
                              ? tr("%1 (smoothed)").arg(entry->plottable()->name())
                              : entry->plottable()->name());
    return names;
}

bool RunDashboard::legendShown(const QString &key) const {
    QCustomPlot *p = chart(key);
    return p && p->legend->visible();
}

int RunDashboard::curveCount(const QString &key) const {
    QCustomPlot *p = chart(key);
    return p ? p->graphCount() : 0;
}

int RunDashboard::visibleCurveCount(const QString &key) const {
    int n = 0;
    if (QCustomPlot *p = chart(key))
        for (int i = 0; i < p->graphCount(); ++i)
            n += p->graph(i)->visible() ? 1 : 0;
    return n;
}

void RunDashboard::toggleLine(const QString &key, const QString &lineName) {
    auto it = m_charts.find(key);
    if (it == m_charts.end())
        return;
    if (!it->hidden.remove(lineName))
        it->hidden.insert(lineName);
    draw(key);
}

int RunDashboard::dotCurves(const QString &key) const {
    int n = 0;
    if (QCustomPlot *p = chart(key))
        for (int i = 0; i < p->graphCount(); ++i)
            n += p->graph(i)->scatterStyle().isNone() ? 0 : 1;
    return n;
}

int RunDashboard::pointCount(const QString &key) const {
    int n = 0;
    if (QCustomPlot *p = chart(key))
        for (int i = 0; i < p->graphCount(); ++i)
            n += p->graph(i)->data()->size();
    return n;
}

std::pair<double, double> RunDashboard::valueAxis(const QString &key) const {
    QCustomPlot *p = chart(key);
    return p ? std::pair{p->yAxis->range().lower, p->yAxis->range().upper} : std::pair{0.0, 0.0};
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

QString RunDashboard::headerHtml(const RunRow &run, const QMap<QString, QString> &params) {
    if (!run.id)
        return {};
    QStringList facts;
    const QString status = RunsModel::statusText(run.status);
    const bool bad = run.status == RunStatus::Failed || run.status == RunStatus::Crashed;
    facts << (bad ? u"<span style=\"color:#c0392b; font-weight:bold\">%1</span>"_s.arg(status.toHtmlEscaped())
                  : u"<b>%1</b>"_s.arg(status.toHtmlEscaped()));
    if (const QString missing = run.incomplete(); !missing.isEmpty())
        facts << u"<span style=\"color:#b9770e; font-weight:bold\">%1</span>"_s.arg(
            tr("incomplete: %1").arg(missing).toHtmlEscaped());
    if (run.failedRank >= 0)
        facts << tr("exit code %1 (rank %2)").arg(run.exitCode).arg(run.failedRank);
    else if (!isActive(run.status) && run.status != RunStatus::Imported)
        facts << tr("exit code %1").arg(run.exitCode);
    const qint64 started = run.startedMs > 0 ? run.startedMs : run.createdMs;
    if (started > 0)
        facts << tr("started %1")
                     .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(started), QLocale::ShortFormat));
    const QString duration = formatDuration(run);
    if (!duration.isEmpty())
        facts << tr("duration %1").arg(duration);
    if (!run.host.isEmpty())
        facts << tr("on %1").arg(run.host.toHtmlEscaped());
    QString html = u"<b>%1</b> · %2"_s.arg(run.name.toHtmlEscaped(), facts.join(u" · "_s));
    if (const QString command = recordedCommandLine(run.command); !command.isEmpty())
        html += u"<br>"_s + tr("Command: %1").arg(u"<code>%1</code>"_s.arg(command.toHtmlEscaped()));
    if (!params.isEmpty()) {
        QStringList kv;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            kv << u"%1=%2"_s.arg(it.key(), it.value()).toHtmlEscaped();
        html += u"<br>"_s + tr("Parameters: %1").arg(kv.join(u", "_s));
    }
    return html;
}

QString RunDashboard::headerText() const {
    QTextDocument doc;
    doc.setHtml(m_header->text());
    return doc.toPlainText();
}

QString RunDashboard::fileStem() const {
    QStringList names;
    for (const qint64 id : m_runIds)
        names << m_feed->runName(id);
    QString stem = m_runIds.size() == 1 ? names.value(0) : tr("compare-%1").arg(names.join(u'+'));
    stem.replace(QRegularExpression(u"[^A-Za-z0-9_.+-]"_s), u"_"_s);
    return stem.isEmpty() ? u"run"_s : stem.left(120);
}

void RunDashboard::exportPoints(const QString &file) {
    runInBackground(
        this,
        [db = m_db, runIds = m_runIds, file] {
            StoreReader reader;
            QString error;
            if (!reader.open(db, &error))
                return error;
            // Streamed into the file (a run of millions of points is never held in memory), which replaces
            // the target only once complete.
            AtomicFile saved(file);
            if (!saved.open(QIODevice::WriteOnly))
                return saved.errorString();
            QTextStream out(&saved);
            // JSONL for a .jsonl file (what `runs import` reads back), CSV otherwise.
            const ExportFormat format =
                file.endsWith(u".jsonl"_s, Qt::CaseInsensitive) ? ExportFormat::Jsonl : ExportFormat::Csv;
            bool first = true;
            for (const qint64 id : runIds)
                if (const auto run = reader.run(id)) {
                    writeRun(reader, *run, format, out, first);
                    first = false;
                }
            out.flush();
            if (!reader.error().isEmpty()) {
                saved.discard(); // a read that stopped at damage is not a complete export
                return reader.error();
            }
            if (out.status() != QTextStream::Ok) {
                const QString why = saved.errorString();
                saved.discard();
                return why.isEmpty() ? tr("cannot write %1").arg(file) : why;
            }
            return saved.commit() ? QString() : saved.errorString();
        },
        [this, file](const QString &error) { Q_EMIT pointsExported(file, error); });
}

bool RunDashboard::requestStop() {
    QString error;
    if (!m_liveRun.id || !trainyard::requestStop(m_liveRun, &error)) {
        m_status->setText(tr("Cannot stop the run: %1")
                              .arg(error.isEmpty() ? tr("the run is not running on this machine") : error));
        return false;
    }
    m_status->setText(tr("Stopping the run..."));
    return true;
}

QString RunDashboard::silentRanksText() const {
    return m_silent->text();
}

bool RunDashboard::requestStacks() {
    QString error;
    if (!m_liveRun.id || !trainyard::requestStacks(m_liveRun, &error)) {
        m_status->setText(tr("Cannot ask for the stacks: %1")
                              .arg(error.isEmpty() ? tr("the run is not running on this machine") : error));
        return false;
    }
    m_status->setText(tr("Asked every Python rank for its stacks..."));
    // The ranks write their dumps within a moment; then they are read off the GUI thread and shown, or the
    // window says why none came.
    const QString runDir = m_liveRun.runDir;
    QTimer::singleShot(1500, this, [this, runDir] {
        runInBackground(
            this, [runDir] { return lastStackDumps(runDir); },
            [this, runDir](const QMap<int, QString> &dumps) { showStacks(runDir, dumps); });
    });
    return true;
}

void RunDashboard::showStacks(const QString &runDir, const QMap<int, QString> &dumps) {
    const QString folder = QDir::toNativeSeparators(runDir);
    if (dumps.isEmpty()) {
        m_status->setText(
            tr("No Python rank answered: none registered for stack dumps (C++ ranks, or ranks still "
               "starting). Files would be in %1.")
                .arg(folder));
        return;
    }
    m_status->setText(
        tr("Python stacks of %n rank(s), also in %1/stacks-rank-N.txt", nullptr, int(dumps.size()))
            .arg(folder));
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Python stacks"));
    auto *layout = new QVBoxLayout(dialog);
    auto *tabs = new QTabWidget(dialog);
    for (auto it = dumps.cbegin(); it != dumps.cend(); ++it) {
        auto *text = new QPlainTextEdit(it.value(), tabs);
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        tabs->addTab(text, tr("Rank %1").arg(it.key()));
    }
    layout->addWidget(tabs);
    layout->addWidget(
        new QLabel(tr("Each rank's dumps are kept in %1/stacks-rank-N.txt.").arg(folder), dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(900, 600);
    dialog->open();
    Q_EMIT stacksShown(int(dumps.size()));
}

void RunDashboard::showLoaded(const LoadedRuns &loaded) {
    const bool finished = loaded.ended;
    if (m_runIds.size() == 1)
        m_header->setText(headerHtml(loaded.runs.value(m_runIds.first()), loaded.params));
    // Ranks the launcher's watchdog (--watchdog) found silent, until they print or log again.
    QStringList silent;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const qint64 id : std::as_const(m_runIds))
        for (auto it = loaded.silent.value(id).cbegin(); it != loaded.silent.value(id).cend(); ++it) {
            const QString rank = tr("rank %1 silent for %2 s")
                                     .arg(it.key())
                                     .arg(std::max<qint64>(0, (now - it.value()) / 1000));
            silent << (m_runIds.size() > 1 ? tr("%1: %2").arg(m_feed->runName(id), rank) : rank);
        }
    m_silent->setText(silent.join(u" · "_s));
    m_silent->setVisible(!silent.isEmpty());
    // A single live run whose launcher runs here can be asked for its ranks' stacks.
    m_liveRun = {};
    if (m_runIds.size() == 1) {
        const RunRow r = loaded.runs.value(m_runIds.first());
        if (!r.name.isEmpty() &&
            r.name != m_shownName) { // the first load too: a tab opened with an older name
            m_shownName = r.name;
            Q_EMIT runRenamed(r.name);
        }
        if (isActive(r.status) && launcherRunning(r.launcher))
            m_liveRun = r;
    }
    m_stacks->setVisible(m_liveRun.id != 0);
    m_stopRun->setVisible(m_liveRun.id != 0);
    // An ended run that Trainyard launched can be run again (an imported one has no command to repeat).
    m_againUid.clear();
    if (m_runIds.size() == 1) {
        const RunRow r = loaded.runs.value(m_runIds.first());
        if (isEnded(r.status) && r.status != RunStatus::Imported && r.command.contains(u"\"launch\""_s))
            m_againUid = r.uid;
    }
    m_runAgain->setVisible(!m_againUid.isEmpty());
    // A chart for every key (the feed asks for their data next).
    const QStringList keys = m_feed->keys();
    const qsizetype before = m_charts.size();
    for (const QString &key : keys)
        addChart(key);
    if (m_charts.size() != before)
        layoutCharts(); // once per read, however many metrics appeared

    // Between a launch and its first point, say what is awaited and where metrics come from.
    m_status->setText(keys.isEmpty()
                          ? (finished ? tr("No metrics were logged.")
                                      : tr("Waiting for the first metrics (from accelerate, Trainer, "
                                           "Lightning, TensorBoard or TrainyardTracker)..."))
                          : tr("%n metric(s); drag to pan, wheel to zoom, double-click for all.", nullptr,
                               int(keys.size())));
}

RunDashboard::Chart &RunDashboard::addChart(const QString &key) {
    Chart &c = m_charts[key];
    if (c.plot)
        return c;
    c.key = key;
    c.plot = new QCustomPlot(this);
    c.plot->setMinimumHeight(240);
    c.plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    c.plot->axisRect()->setRangeZoom(Qt::Horizontal);
    c.plot->axisRect()->setRangeDrag(Qt::Horizontal);
    c.plot->xAxis->setLabel(m_feed->axisOf(key) == ChartAxis::Step ? tr("step") : tr("seconds since start"));
    c.plot->plotLayout()->insertRow(0);
    c.plot->plotLayout()->addElement(0, 0, new ChartTitle(c.plot, key));
    c.plot->setAutoAddPlottableToLegend(false); // makeGraphs adds its entries (LegendEntry)
    c.plot->legend->setFont(QFont(font().family(), font().pointSize() - 1));
    // The legend in a row of its own under the axes, never over the curves (the example's val_acc curves ran
    // under it), filled across and wrapped.
    c.plot->axisRect()->insetLayout()->take(c.plot->legend);
    auto *legendRow = new QCPLayoutGrid;
    c.plot->plotLayout()->addElement(2, 0, legendRow);
    legendRow->setMargins(QMargins(6, 0, 6, 4));
    legendRow->addElement(0, 0, c.plot->legend);
    c.plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    c.plot->legend->setWrap(4);
    c.plot->plotLayout()->setRowStretchFactor(2, 0.001);
    // Byte series (system/rss_bytes, gpu_memory_bytes) label their axis in KiB/MiB/GiB, not 2.6·10⁸.
    if (key.endsWith(u"_bytes"_s))
        c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new UnitTicker(key)));
    // The crosshair lives on a layer of its own, repainted without the curves, on top. Everything else shares
    // one paint buffer: QCustomPlot's overlay layer (buffered, for selection rectangles this page does not
    // use) and a crosshair between the curves and the axes made four buffers, each cleared and copied to the
    // screen at every replot of a streaming chart.
    c.plot->layer(u"overlay"_s)->setMode(QCPLayer::lmLogical);
    c.plot->addLayer(u"crosshair"_s, c.plot->layer(u"overlay"_s), QCustomPlot::limAbove);
    c.plot->layer(u"crosshair"_s)->setMode(QCPLayer::lmBuffered);
    c.cursor = new QCPItemStraightLine(c.plot);
    c.cursor->setLayer(u"crosshair"_s);
    c.cursor->setPen(QPen(QColor(90, 90, 90), 1, Qt::DashLine));
    c.cursor->setVisible(false);
    c.readout = new QCPItemText(c.plot);
    c.readout->setLayer(u"crosshair"_s);
    c.readout->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    c.readout->setTextAlignment(Qt::AlignLeft);
    c.readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    c.readout->position->setCoords(0.01, 0.02);
    c.readout->setPadding(QMargins(4, 2, 4, 2));
    c.readout->setVisible(false);
    styleChart(c);
    applyScale(c); // a metric that appears later follows the log-scale switch too
    c.plot->installEventFilter(this);
    c.plot->setProperty("metricKey", key);
    c.debounce = new QTimer(this);
    c.debounce->setSingleShot(true);
    c.debounce->setInterval(60);
    connect(c.debounce, &QTimer::timeout, this, [this, key] { m_feed->request(key); });
    connect(c.plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this, key](const QCPRange &) {
                Chart &ch = m_charts[key];
                if (ch.plot->property("updating").toBool())
                    return;
                ch.followLatest = false; // the user zoomed or panned
                ch.debounce->start();
            });
    connect(c.plot, &QCustomPlot::mouseMove, this, [this, key](QMouseEvent *e) {
        moveCrosshair(key, m_charts[key].plot->xAxis->pixelToCoord(e->pos().x()));
    });
    connect(c.plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) { showAll(); });
    connect(c.plot, &QCustomPlot::legendClick, this,
            [this, key](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
                if (auto *entry = qobject_cast<QCPPlottableLegendItem *>(item))
                    toggleLine(key, entry->plottable()->name());
            });
    return c;
}

void RunDashboard::layoutCharts() {
    // One order for every run and every comparison, whenever a metric first appears: by key, the launcher's
    // telemetry in the System section after the run's own metrics.
    QStringList keys = m_charts.keys();
    keys.sort();
    int metric = 0, system = 0;
    for (const QString &key : std::as_const(keys)) {
        QCustomPlot *plot = m_charts.value(key).plot;
        const bool isSystem = key.startsWith(u"system/"_s);
        QGridLayout *grid = isSystem ? m_systemGrid : m_grid;
        int &n = isSystem ? system : metric;
        grid->removeWidget(plot);
        grid->addWidget(plot, n / 2, n % 2);
        ++n;
    }
    m_system->setVisible(system > 0);
}

void RunDashboard::styleChart(Chart &c) {
    c.shape.clear(); // the legend's faded entries follow the palette
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text), base = pal.color(QPalette::Base);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(110);
    c.plot->setBackground(base);
    for (QCPAxis *axis : {c.plot->xAxis, c.plot->yAxis}) {
        axis->setBasePen(QPen(text, 0));
        axis->setTickPen(QPen(text, 0));
        axis->setSubTickPen(QPen(text, 0));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
    if (auto *title = qobject_cast<QCPTextElement *>(c.plot->plotLayout()->element(0, 0)))
        title->setTextColor(text);
    c.plot->legend->setTextColor(text);
    QColor legendBack = base;
    legendBack.setAlpha(200);
    c.plot->legend->setBrush(legendBack);
    c.plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid), 0));
    c.readout->setColor(text);
    c.readout->setBrush(legendBack);
    c.cursor->setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
}

void RunDashboard::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        for (Chart &c : m_charts) {
            styleChart(c);
            c.plot->replot(QCustomPlot::rpQueuedReplot);
        }
    QWidget::changeEvent(event);
}

bool RunDashboard::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::Show || event->type() == QEvent::Paint) {
        // A chart that changed while hidden or scrolled away is drawn once it can be seen.
        const auto it = m_charts.constFind(watched->property("metricKey").toString());
        if (it != m_charts.cend() && it->dirty)
            scheduleRepaint(*it);
        if (it != m_charts.cend())
            m_feed->shown(it.key()); // a read it waits for is made now
    }
    if (event->type() == QEvent::Resize) {
        // About one bucket per pixel: a wider chart asks again.
        const QString key = watched->property("metricKey").toString();
        if (m_charts.contains(key))
            m_charts[key].debounce->start();
    }
    if (event->type() == QEvent::Leave) {
        const QString key = watched->property("metricKey").toString();
        if (m_charts.contains(key)) {
            Chart &c = m_charts[key];
            c.cursorShown = false;
            c.cursor->setVisible(false);
            c.readout->setVisible(false);
            c.plot->layer(u"crosshair"_s)->replot();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RunDashboard::showRange(double from, double to) {
    for (auto it = m_charts.begin(); it != m_charts.end(); ++it) {
        it->followLatest = false;
        it->plot->setProperty("updating", true);
        it->plot->xAxis->setRange(from, to);
        it->plot->setProperty("updating", false);
        m_feed->request(it.key());
    }
}

void RunDashboard::showAll() {
    for (auto it = m_charts.begin(); it != m_charts.end(); ++it) {
        it->followLatest = true;
        m_feed->request(it.key());
    }
}

void RunDashboard::redrawAll() {
    for (auto it = m_charts.begin(); it != m_charts.end(); ++it)
        m_feed->request(it.key());
}

void RunDashboard::setSmoothing(double weight) {
    weight = std::clamp(weight, 0.0, 0.999);
    if (weight == m_feed->smoothing())
        return;
    m_feed->setSmoothing(weight);
    const QSignalBlocker block(m_smoothingSlider);
    m_smoothingSlider->setValue(int(std::lround(weight * 1000)));
    m_smoothingValue->setText(QString::number(weight, 'f', 3));
    redrawAll();
}

void RunDashboard::setAxis(ChartAxis axis) {
    if (axis == m_feed->axis())
        return;
    m_feed->setAxis(axis);
    m_axisBox->setCurrentIndex(axis == ChartAxis::WallTime ? 1 : 0);
    for (Chart &c : m_charts)
        c.plot->xAxis->setLabel(m_feed->axisOf(c.key) == ChartAxis::Step ? tr("step")
                                                                         : tr("seconds since start"));
    showAll(); // a range in steps means nothing in seconds
}

void RunDashboard::setAggregateRanks(bool on) {
    if (on == m_feed->aggregateRanks())
        return;
    m_feed->setAggregateRanks(on);
    const QSignalBlocker block(m_aggregateBox);
    m_aggregateBox->setChecked(on);
    redrawAll();
}

namespace {
// A display's frame (60 Hz): a chart is drawn at most once a frame, and no later than its next one.
constexpr qint64 FrameNs = 16'666'667;
// How long one pass may draw before it lets the event loop run (input, the push socket, other views); the
// charts left are drawn by the next pass, at once.
constexpr qint64 PassBudgetNs = 4'000'000;
} // namespace

// Each chart is paced to frames on its own: it is drawn once a frame has passed since it was last drawn (at
// once after a quiet spell: a zoom, or the first point of a while). A frame that drew every streaming chart
// in one go made the last of them wait for all the others, and held the event loop that long
// (trainyard-bench live --ranks 8 --series 50: 8 charts, 7.4 ms); paced apart, they are drawn a few at a
// time.
void RunDashboard::scheduleRepaint(const Chart &c) {
    const qint64 now = m_sinceStart.nsecsElapsed();
    const qint64 due = std::max(now, c.drawnAtNs + FrameNs);
    if (m_repaint->isActive() && m_repaintAtNs <= due)
        return;
    m_repaintAtNs = due;
    m_repaint->start(int((due - now + 999'999) / 1'000'000)); // never before it is due
}

bool RunDashboard::onScreen(const Chart &c) const {
    if (!c.plot->isVisibleTo(c.plot->window()))
        return false; // on a hidden tab, or in a collapsed section
    if (!c.plot->window()->isVisible())
        return true; // a page that is not shown at all (tests, exports) is kept current
    // Scrolled into view: its rectangle meets the scroll area's viewport (QWidget::visibleRegion looks at
    // every sibling, and this is asked for every queued read).
    return m_viewport->isAncestorOf(c.plot) &&
           QRect(c.plot->mapTo(m_viewport, QPoint(0, 0)), c.plot->size()).intersects(m_viewport->rect());
}

void RunDashboard::drawPending(bool everything) {
    const qint64 now = m_sinceStart.nsecsElapsed();
    QList<Chart *> due;
    const Chart *next = nullptr; // the first to be due later
    for (Chart &c : m_charts) {
        if (!c.dirty || !(everything || onScreen(c)))
            continue;
        if (everything || now >= c.drawnAtNs + FrameNs - 500'000) // within the timer's precision
            due << &c;
        else if (!next || c.drawnAtNs < next->drawnAtNs)
            next = &c;
    }
    std::sort(due.begin(), due.end(),
              [](const Chart *a, const Chart *b) { return a->dirtySinceNs < b->dirtySinceNs; });
    QElapsedTimer spent;
    spent.start();
    qsizetype drawn = 0;
    for (Chart *c : std::as_const(due)) {
        if (!everything && drawn > 0 && spent.nsecsElapsed() > PassBudgetNs) {
            next = c; // the oldest changes are drawn; the rest by the next pass, at once
            break;
        }
        c->dirty = false;
        c->drawnAtNs = m_sinceStart.nsecsElapsed();
        Q_EMIT drawingChart(c->key);
        draw(c->key);
        ++drawn;
    }
    if (next)
        scheduleRepaint(*next);
    if (drawn > 0)
        Q_EMIT chartsUpdated(int(drawn), spent.nsecsElapsed());
}

QString RunDashboard::lineName(const ChartLine &line) const {
    QString rank =
        line.rank < 0 ? tr("mean of %n rank(s)", nullptr, line.ranks) : tr("rank %1").arg(line.rank);
    if (m_runIds.size() == 1)
        return rank;
    return tr("%1 (%2)").arg(m_feed->runName(line.runId), rank);
}

QColor RunDashboard::lineColor(const ChartLine &line) const {
    if (m_runIds.size() > 1)
        return lineColors().at(m_feed->runIndex(line.runId) % lineColors().size());
    return lineColors().at(std::max(0, line.rank) % lineColors().size());
}

void RunDashboard::draw(const QString &key) {
    Chart &c = m_charts[key];
    QCustomPlot *plot = c.plot;
    const bool smoothing = m_feed->smoothing() > 0;
    const ChartData shown = m_feed->chartData(key);
    // Graphs and legend entries are made when the lines change (a rank, a run, the smoothing, a line hidden);
    // while a run streams only their data is replaced: making them again, the legend's text included, was
    // most of a live chart's repaint (trainyard-bench live --ranks 8 --series 50).
    QString shape = smoothing ? u"s"_s : u"r"_s;
    for (const ChartLine &line : shown.lines) {
        const QString name = lineName(line);
        shape += name + u'\x1f' + lineColor(line).name() + (line.bandX.isEmpty() ? u'-' : u'b') +
                 (line.rawX.size() == 1 ? u'1' : u'n') + (c.hidden.contains(name) ? u'h' : u'v') + u'\x1e';
    }
    const int width = plot->xAxis->axisRect()->width();
    if (shape == c.shape) {
        int g = 0;
        for (const ChartLine &line : shown.lines) {
            if (!line.bandX.isEmpty()) {
                plot->graph(g++)->setData(line.bandX, line.bandLow, true);
                plot->graph(g++)->setData(line.bandX, line.bandHigh, true);
            }
            QCPGraph *raw = plot->graph(g++);
            raw->setData(line.rawX, line.rawY, true);
            raw->setAntialiased(line.rawX.size() < width);
            if (smoothing)
                plot->graph(g++)->setData(line.smoothX, line.smoothY, true);
        }
    } else {
        c.shape = shape;
        makeGraphs(c, shown, smoothing);
    }
    finishDraw(c, shown);
}

void RunDashboard::makeGraphs(Chart &c, const ChartData &shown, bool smoothing) {
    QCustomPlot *plot = c.plot;
    const int width = plot->xAxis->axisRect()->width();
    ++m_graphsMade;
    plot->clearGraphs();
    plot->legend->clearItems();
    for (const ChartLine &line : shown.lines) {
        const QColor color = lineColor(line);
        const QString name = lineName(line);
        const int firstGraph = plot->graphCount();
        if (!line.bandX.isEmpty()) {
            QCPGraph *low = plot->addGraph();
            low->setPen(Qt::NoPen);
            low->setData(line.bandX, line.bandLow, true);
            QCPGraph *high = plot->addGraph();
            high->setPen(Qt::NoPen);
            high->setBrush(faded(color, 45));
            high->setChannelFillGraph(low);
            high->setAntialiasedFill(false);
            high->setData(line.bandX, line.bandHigh, true);
        }
        QCPGraph *raw = plot->addGraph();
        raw->setData(line.rawX, line.rawY, true);
        // A line of one point has nothing to draw: a dot shows it.
        if (line.rawX.size() == 1)
            raw->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 7));
        // Antialiasing a curve with several points per pixel costs much and shows nothing.
        raw->setAntialiased(line.rawX.size() < width);
        raw->setName(lineName(line));
        if (smoothing) {
            raw->setPen(QPen(faded(color, 70), 0));
            QCPGraph *smooth = plot->addGraph();
            smooth->setPen(QPen(color, 1.5));
            smooth->setData(line.smoothX, line.smoothY, true);
            smooth->setName(lineName(line));
            smooth->setProperty("smoothed", true);
            plot->legend->addItem(new LegendEntry(plot->legend, smooth));
        } else {
            raw->setPen(QPen(color, 0));
            plot->legend->addItem(new LegendEntry(plot->legend, raw));
        }
        if (c.hidden.contains(name)) { // its graphs stay (and its legend entry, faded, to show it again)
            for (int g = firstGraph; g < plot->graphCount(); ++g) {
                plot->graph(g)->setVisible(false);
                if (QCPAbstractLegendItem *item = plot->legend->itemWithPlottable(plot->graph(g)))
                    item->setTextColor(faded(palette().color(QPalette::Text), 90));
            }
        }
    }
    plot->legend->setVisible(plot->legend->itemCount() > 1);
}

void RunDashboard::finishDraw(Chart &c, const ChartData &shown) {
    QCustomPlot *plot = c.plot;
    const QString &key = c.key;
    plot->setProperty("updating", true);
    if (c.followLatest && shown.xMin < shown.xMax)
        plot->xAxis->setRange(shown.xMin, shown.xMax);
    else if (c.followLatest && shown.xMin == shown.xMax) // one x: centred
        plot->xAxis->setRange(shown.xMin - 1, shown.xMin + 1);
    // The value range of what is shown (a hidden line does not set it), in one pass over the data on a linear
    // axis, where QCPAxis::rescale would take one and the check below another.
    bool any = false;
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < plot->graphCount(); ++i) {
        if (!plot->graph(i)->visible())
            continue;
        bool found = false;
        const QCPRange r = plot->graph(i)->data()->valueRange(found);
        if (found) {
            any = true;
            lo = std::min(lo, r.lower);
            hi = std::max(hi, r.upper);
        }
    }
    if (any && lo == hi) {
        // Every value the same (one point, a constant): a narrow range around it, not QCustomPlot's fallback.
        const double half = std::max(std::abs(lo) * 0.1, 1e-9);
        plot->yAxis->setRange(lo - half, lo + half);
    } else if (any && plot->yAxis->scaleType() == QCPAxis::stLinear) {
        plot->yAxis->setRange(lo, hi);
    } else if (any) {
        plot->yAxis->rescale(true); // the positive values a logarithmic axis can show
    }
    plot->setProperty("updating", false);
    if (c.cursorShown)
        moveCrosshair(key, c.cursorX);
    // Drawn now, inside the frame that was paced for it (a queued replot would wait for another turn of the
    // loop).
    plot->replot(QCustomPlot::rpRefreshHint);
}

void RunDashboard::moveCrosshair(const QString &key, double x) {
    if (!m_charts.contains(key))
        return;
    Chart &c = m_charts[key];
    c.cursorX = x;
    c.cursorShown = true;
    c.cursor->point1->setCoords(x, 0);
    c.cursor->point2->setCoords(x, 1);
    c.cursor->setVisible(true);
    c.readout->setText(crosshairText(key));
    c.readout->setVisible(true);
    c.plot->layer(u"crosshair"_s)->replot();
}

QString RunDashboard::crosshairText(const QString &key) const {
    const Chart c = m_charts.value(key);
    if (!c.plot || !c.cursorShown)
        return {};
    QStringList lines;
    lines << (m_feed->axisOf(key) == ChartAxis::Step ? tr("step %1").arg(std::llround(c.cursorX))
                                                     : tr("%1 s").arg(c.cursorX, 0, 'f', 1));
    const ChartData shown = m_feed->chartData(key);
    for (const ChartLine &line : shown.lines) {
        if (c.hidden.contains(lineName(line)))
            continue; // hidden from the legend
        const double v = line.valueAt(c.cursorX);
        lines << tr("%1: %2").arg(lineName(line), std::isnan(v) ? tr("-") : QString::number(v, 'g', 6));
    }
    return lines.join(u'\n');
}

void RunDashboard::setLogScale(bool on) {
    m_logScale = on;
    for (Chart &c : m_charts) {
        applyScale(c);
        c.plot->yAxis->rescale(true); // what is shown
        c.plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void RunDashboard::applyScale(Chart &c) {
    c.plot->yAxis->setScaleType(m_logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (m_logScale)
        c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else if (c.key.endsWith(u"_bytes"_s))
        c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new UnitTicker(c.key)));
    else
        c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
}

QStringList RunDashboard::exportFiles(const QString &folder, const QString &suffix) const {
    QStringList files;
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it) {
        // RUN_METRIC.png: charts of different runs (or comparisons) never overwrite each other.
        QString name = it.key();
        name.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
        files << QDir(folder).filePath(fileStem() + u'_' + name + suffix);
    }
    return files;
}

bool RunDashboard::exportEach(const QString &folder, const QString &suffix, QString *error) {
    drawPending(true); // what is exported is current, shown or not
    const QStringList files = exportFiles(folder, suffix);
    qsizetype index = 0;
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it) {
        const QString path = files.at(index++);
        // Drawn into memory, then written whole (AtomicFile): a full disk leaves no half image.
        bool ok = false;
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (suffix == u".png"_s) {
            ok = it->plot->toPixmap(0, 0, 2.0).save(&buffer, "PNG");
        } else {
            // QCustomPlot paints vectors into any paint device: an SVG generator gives a scalable file.
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(it->plot->size());
            svg.setViewBox(it->plot->rect());
            svg.setTitle(it.key());
            QCPPainter painter;
            ok = painter.begin(&svg);
            if (ok) {
                it->plot->toPainter(&painter, it->plot->width(), it->plot->height());
                ok = painter.end();
            }
            ok = ok && !bytes.isEmpty();
        }
        if (!ok) {
            if (error)
                *error = tr("cannot write %1").arg(path);
            return false;
        }
        if (!writeFileAtomically(path, bytes, error))
            return false;
    }
    return true;
}

bool RunDashboard::exportPng(const QString &folder, QString *error) {
    return exportEach(folder, u".png"_s, error);
}

bool RunDashboard::exportSvg(const QString &folder, QString *error) {
    return exportEach(folder, u".svg"_s, error);
}

bool RunDashboard::exportCsv(const QString &file, QString *error) const {
    QString out = u"key,run,rank,first_step,last_step,first,min,max,last,count,smoothed\n"_s;
    const QStringList keys = this->keys();
    for (const QString &key : keys)
        for (const ChartLine &line : m_feed->chartData(key).lines)
            for (const ChartBucket &b : line.buckets) {
                const Aggregate &a = b.values;
                out += u"%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11\n"_s.arg(key)
                           .arg(line.runId)
                           .arg(line.rank < 0 ? u"mean"_s : QString::number(line.rank))
                           .arg(a.firstStep)
                           .arg(a.lastStep)
                           .arg(a.firstValue, 0, 'g', 17)
                           .arg(a.minValue, 0, 'g', 17)
                           .arg(a.maxValue, 0, 'g', 17)
                           .arg(a.lastValue, 0, 'g', 17)
                           .arg(a.count)
                           .arg(std::isnan(b.smoothed) ? QString() : QString::number(b.smoothed, 'g', 17));
            }
    return saveFileAtomically(file, out.toUtf8(), error);
}

} // namespace trainyard
