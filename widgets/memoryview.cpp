// qcustomplot.h is written with Qt's keywords (signals, emit, foreach), which the project switches off; this
// file alone switches them back on before any Qt header. Its own code still uses Q_SIGNALS/Q_EMIT only.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH

#include "memoryview.h"

#include "background.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;

namespace trainyard {

struct MemoryView::Result {
    bool ok = false;
    QString error;
    memory::Model model;
    QList<memory::DtypeRow> rows;
    memory::LargestLayer largest;
    memory::DeviceMap map;
    bool haveMap = false;
    memory::TrainingEstimate training;
    qint64 capacity = 0; // GPU 0 of max memory, 0 when not given
};

MemoryView::MemoryView(QWidget *parent)
    : QWidget(parent)
    , m_model(new QLineEdit(this))
    , m_config(new QLineEdit(this))
    , m_maxMemory(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_dtypes(new QTableWidget(this))
    , m_map(new QTableWidget(this))
    , m_bars(new QCustomPlot(this)) {
    m_model->setPlaceholderText(tr("a model folder (config.json or safetensors), or a config.json"));
    m_config->setPlaceholderText(tr("accelerate config for the training estimate (optional)"));
    m_maxMemory->setPlaceholderText(u"0=24GiB,1=24GiB,cpu=64GiB"_s);
    auto *go = new QPushButton(tr("&Estimate"), this);
    connect(go, &QPushButton::clicked, this, &MemoryView::estimate);
    for (QLineEdit *e : {m_model, m_config, m_maxMemory})
        connect(e, &QLineEdit::returnPressed, this, &MemoryView::estimate);
    auto *form = new QFormLayout;
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Launch config"), m_config);
    form->addRow(tr("Max memory"), m_maxMemory);
    form->addRow(QString(), go);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dtypes->setColumnCount(4);
    m_dtypes->setHorizontalHeaderLabels(
        {tr("dtype"), tr("Largest layer"), tr("Total size"), tr("Training using Adam")});
    m_dtypes->horizontalHeader()->setStretchLastSection(true);
    m_dtypes->verticalHeader()->hide();
    m_dtypes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_map->setColumnCount(2);
    m_map->setHorizontalHeaderLabels({tr("Module"), tr("Device")});
    m_map->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_map->verticalHeader()->hide();
    m_map->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_bars->setMinimumSize(480, 260);
    m_bars->legend->setVisible(true);
    m_bars->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_bars->yAxis->setLabel(tr("GiB per GPU"));
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_bars);
    bottom->addWidget(m_map);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    m_dtypes->setMaximumHeight(170);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_dtypes);
    layout->addWidget(bottom, 1);
}

void MemoryView::setModelPath(const QString &path) {
    m_model->setText(path);
}
void MemoryView::setConfigFile(const QString &path) {
    m_config->setText(path);
}
void MemoryView::setMaxMemory(const QString &text) {
    m_maxMemory->setText(text);
}
QString MemoryView::summaryText() const {
    return m_summary->text();
}
int MemoryView::deviceMapRows() const {
    return m_map->rowCount();
}
int MemoryView::trainingTerms() const {
    return m_terms;
}

void MemoryView::estimate() {
    const QString modelPath = m_model->text().trimmed();
    const QString configPath = m_config->text().trimmed();
    const QString maxMemory = m_maxMemory->text().trimmed();
    m_summary->setText(tr("Estimating..."));
    // Reading config.json or safetensors headers happens off the GUI thread.
    runInBackground(
        this,
        [modelPath, configPath, maxMemory] {
            Result r;
            Diagnostics errors;
            if (!memory::loadModel(modelPath, &r.model, &errors)) {
                r.error = errors.isEmpty() ? tr("cannot read %1").arg(modelPath) : errors.first().format();
            } else {
                r.rows = memory::estimateTable(r.model, {u"float32"_s, u"float16"_s, u"int8"_s, u"int4"_s});
                r.largest = memory::largestLayer(r.model, memory::computeSizes(r.model, 32));
                memory::TrainingSetup setup;
                if (!configPath.isEmpty()) {
                    const AccelerateConfig c = AccelerateConfig::load(configPath);
                    if (c.isLoaded())
                        setup = memory::trainingSetupFor(c);
                    else
                        r.error = c.loadDiagnostics().value(0).format();
                }
                r.training = memory::estimateTraining(r.model, setup);
                if (!maxMemory.isEmpty()) {
                    QString e;
                    const auto mm = memory::parseMaxMemory(maxMemory, &e);
                    if (mm) {
                        r.map = memory::deviceMap(r.model, *mm, 16, u"auto"_s);
                        r.haveMap = true;
                        r.capacity = mm->of(u"0"_s);
                    } else {
                        r.error = e;
                    }
                }
                r.ok = r.error.isEmpty();
            }
            return r;
        },
        [this](const Result &r) { show(r); });
}

void MemoryView::show(const Result &r) {
    m_dtypes->setRowCount(0);
    m_map->setRowCount(0);
    m_bars->clearPlottables();
    m_bars->clearItems();
    m_terms = 0;
    if (!r.error.isEmpty() && r.rows.isEmpty()) {
        m_summary->setText(r.error);
        m_bars->replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT estimated(false);
        return;
    }
    QString largest = r.largest.names.mid(0, 3).join(u", "_s);
    if (r.largest.names.size() > 3)
        largest = tr("%1 and %n more", nullptr, int(r.largest.names.size() - 3)).arg(largest);
    QString summary = tr("%1: %2 parameters; largest layer %3 (%4)")
                          .arg(r.model.architecture)
                          .arg(QLocale().toString(r.model.numParameters))
                          .arg(largest, memory::formatBytes(double(r.largest.bytes)));
    for (const QString &n : r.model.notes)
        summary += u"\n"_s + n;
    if (!r.error.isEmpty())
        summary += u"\n"_s + r.error;
    const qint64 total = r.training.total();
    if (r.capacity > 0)
        summary +=
            u"\n"_s + (total <= r.capacity ? tr("Training fits on GPU 0 with %1 to spare.")
                                                 .arg(memory::formatBytes(double(r.capacity - total)))
                                           : tr("Training does NOT fit on GPU 0: %1 short.")
                                                 .arg(memory::formatBytes(double(total - r.capacity))));
    m_summary->setText(summary);
    for (const memory::DtypeRow &row : r.rows) {
        const int i = m_dtypes->rowCount();
        m_dtypes->insertRow(i);
        const QStringList cells = {
            row.dtype, memory::formatBytes(double(row.largestLayerBytes)),
            memory::formatBytes(double(row.totalBytes)),
            row.trainingAdamBytes < 0 ? u"N/A"_s : memory::formatBytes(double(row.trainingAdamBytes))};
        for (int c = 0; c < cells.size(); ++c)
            m_dtypes->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    for (const auto &[module, device] : r.map) {
        const int i = m_map->rowCount();
        m_map->insertRow(i);
        m_map->setItem(i, 0, new QTableWidgetItem(module.isEmpty() ? tr("(whole model)") : module));
        m_map->setItem(i, 1, new QTableWidgetItem(device));
    }
    // One stacked bar: each training term a layer, and the GPU's capacity as a line.
    static const QList<QColor> colors = {QColor(31, 119, 180), QColor(174, 199, 232), QColor(255, 127, 14),
                                         QColor(44, 160, 44),  QColor(214, 39, 40),   QColor(148, 103, 189),
                                         QColor(140, 86, 75),  QColor(127, 127, 127)};
    QCPBars *below = nullptr;
    for (const memory::TrainingTerm &t : r.training.terms) {
        auto *bars = new QCPBars(m_bars->xAxis, m_bars->yAxis);
        bars->setName(t.name);
        bars->setWidth(0.5);
        const QColor color = colors.at(m_terms % colors.size());
        bars->setBrush(color);
        bars->setPen(QPen(color.darker(130)));
        bars->addData(1, double(t.bytes) / (1024.0 * 1024.0 * 1024.0));
        if (below)
            bars->moveAbove(below);
        below = bars;
        ++m_terms;
    }
    if (r.capacity > 0) {
        auto *line = new QCPItemStraightLine(m_bars);
        const double cap = double(r.capacity) / (1024.0 * 1024.0 * 1024.0);
        line->point1->setCoords(0, cap);
        line->point2->setCoords(3, cap);
        line->setPen(QPen(total <= r.capacity ? QColor(44, 160, 44) : QColor(214, 39, 40), 2, Qt::DashLine));
    }
    m_bars->xAxis->setRange(0, 3); // the bar at 1, the legend to its right
    m_bars->xAxis->setTicks(false);
    m_bars->rescaleAxes(true);
    m_bars->yAxis->setRangeLower(0);
    m_bars->yAxis->setRangeUpper(std::max(double(total), double(r.capacity)) * 1.1 /
                                 (1024.0 * 1024.0 * 1024.0));
    m_bars->xAxis->setRange(0, 3);
    m_bars->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT estimated(r.ok);
}

} // namespace trainyard
