// qcustomplot.h is written with Qt's keywords (signals, emit, foreach), which the project switches off; this
// file alone switches them back on before any Qt header. Its own code still uses Q_SIGNALS/Q_EMIT only.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH

#include "memoryview.h"

#include "background.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
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
    QList<memory::StrategyEstimate> strategies;
    memory::TrainingSetup setup; // what the strategies share
    QString mapDtype;
    qint64 capacity = 0; // the GPU's memory (or GPU 0 of max memory), 0 when not given
    QString mapSource;   // the devices the map was planned for when no Max memory was given
};

namespace {

// What the system can still give (MemAvailable, as psutil.virtual_memory().available): accelerate's CPU
// budget when it plans a device map without max_memory. 0 when unknown.
qint64 availableSystemMemory() {
    QFile meminfo(u"/proc/meminfo"_s);
    if (!meminfo.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : meminfo.readAll().split('\n'))
        if (line.startsWith("MemAvailable:"))
            return line.mid(13).trimmed().split(' ').value(0).toLongLong() * 1024; // kB
    return 0;
}

// One colour per term, whatever the estimate: the same term looks the same in every bar and every estimate.
QColor termColor(const QString &term) {
    static const QHash<QString, QColor> colors = {
        {u"weights"_s, QColor(31, 119, 180)},      {u"fp32 master weights"_s, QColor(174, 199, 232)},
        {u"gradients"_s, QColor(255, 127, 14)},    {u"optimizer states (Adam)"_s, QColor(44, 160, 44)},
        {u"gathered unit"_s, QColor(214, 39, 40)}, {u"activations"_s, QColor(148, 103, 189)},
        {u"CUDA context"_s, QColor(140, 86, 75)},  {u"fragmentation allowance"_s, QColor(127, 127, 127)}};
    return colors.value(term, QColor(188, 189, 34));
}

// A term's name in the user's language (the engine names them in English, as the CLI prints them).
QString termLabel(const QString &term) {
    static const QHash<QString, const char *> labels = {
        {u"weights"_s, QT_TRANSLATE_NOOP("trainyard::MemoryView", "weights")},
        {u"fp32 master weights"_s, QT_TRANSLATE_NOOP("trainyard::MemoryView", "fp32 master weights")},
        {u"gradients"_s, QT_TRANSLATE_NOOP("trainyard::MemoryView", "gradients")},
        {u"optimizer states (Adam)"_s, QT_TRANSLATE_NOOP("trainyard::MemoryView", "optimizer states (Adam)")},
        {u"gathered unit"_s, QT_TRANSLATE_NOOP("trainyard::MemoryView", "gathered unit")},
        {u"activations"_s, QT_TRANSLATE_NOOP("trainyard::MemoryView", "activations")},
        {u"CUDA context"_s, QT_TRANSLATE_NOOP("trainyard::MemoryView", "CUDA context")},
        {u"fragmentation allowance"_s,
         QT_TRANSLATE_NOOP("trainyard::MemoryView", "fragmentation allowance")}};
    const char *label = labels.value(term);
    return label ? QCoreApplication::translate("trainyard::MemoryView", label) : term;
}

} // namespace

MemoryView::MemoryView(QWidget *parent)
    : QWidget(parent)
    , m_model(new QLineEdit(this))
    , m_config(new QLineEdit(this))
    , m_maxMemory(new QLineEdit(this))
    , m_gpuMemory(new QLineEdit(this))
    , m_batch(new QSpinBox(this))
    , m_seq(new QSpinBox(this))
    , m_gpus(new QSpinBox(this))
    , m_precision(new QComboBox(this))
    , m_mapDtype(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_dtypes(new QTableWidget(this))
    , m_map(new QTableWidget(this))
    , m_strategies(new QTableWidget(this))
    , m_bars(new QCustomPlot(this)) {
    m_strategies->setObjectName(u"strategyTable"_s);
    m_batch->setRange(1, 1 << 20);
    m_batch->setValue(1);
    m_batch->setToolTip(tr("Micro-batch size per GPU"));
    m_seq->setRange(1, 1 << 24);
    m_seq->setValue(2048);
    m_seq->setSuffix(tr(" tokens"));
    m_gpus->setRange(0, 1 << 16);
    m_gpus->setSpecialValueText(tr("from the launch config"));
    m_precision->addItem(tr("from the launch config"), QString());
    for (const QString &p : {u"no"_s, u"fp16"_s, u"bf16"_s, u"fp8"_s})
        m_precision->addItem(p, p);
    for (const QString &d : {u"float32"_s, u"float16"_s, u"bfloat16"_s, u"int8"_s, u"int4"_s})
        m_mapDtype->addItem(d, d);
    m_mapDtype->setToolTip(tr("The dtype the device map places (float32 unless chosen, as the CLI)"));
    m_gpuMemory->setPlaceholderText(tr("e.g. 80GiB"));
    m_gpuMemory->setToolTip(tr("Memory of one GPU: each strategy's total is checked against it"));
    m_model->setPlaceholderText(tr("a model folder (config.json or safetensors), or a config.json"));
    m_config->setPlaceholderText(tr("accelerate config for the training estimate (optional)"));
    m_maxMemory->setPlaceholderText(u"0=24GiB,1=24GiB,cpu=64GiB"_s);
    auto *go = new QPushButton(tr("&Estimate"), this);
    connect(go, &QPushButton::clicked, this, &MemoryView::estimate);
    for (QLineEdit *e : {m_model, m_config, m_maxMemory})
        connect(e, &QLineEdit::returnPressed, this, &MemoryView::estimate);
    for (QLineEdit *e : {m_gpuMemory})
        connect(e, &QLineEdit::returnPressed, this, &MemoryView::estimate);
    auto *form = new QFormLayout;
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Launch config"), m_config);
    auto *training = new QHBoxLayout;
    training->addWidget(new QLabel(tr("Batch"), this));
    training->addWidget(m_batch);
    training->addWidget(new QLabel(tr("Sequence"), this));
    training->addWidget(m_seq);
    training->addWidget(new QLabel(tr("Precision"), this));
    training->addWidget(m_precision);
    training->addWidget(new QLabel(tr("GPUs"), this));
    training->addWidget(m_gpus);
    training->addWidget(new QLabel(tr("GPU memory"), this));
    training->addWidget(m_gpuMemory);
    training->addStretch(1);
    form->addRow(tr("Training"), training);
    auto *mapRow = new QHBoxLayout;
    mapRow->addWidget(m_maxMemory, 1);
    mapRow->addWidget(m_mapDtype);
    form->addRow(tr("Max memory"), mapRow);
    form->addRow(QString(), go);
    m_strategies->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_strategies->setEditTriggers(QAbstractItemView::NoEditTriggers);
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
    m_bars->setMinimumSize(320, 160);
    m_bars->legend->setVisible(true);
    // The legend beside the bars, never over them.
    m_bars->axisRect()->insetLayout()->take(m_bars->legend);
    m_bars->plotLayout()->addElement(0, 1, m_bars->legend);
    m_bars->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_bars->legend->setMargins(QMargins(6, 4, 6, 4));
    m_bars->yAxis->setLabel(tr("GiB per GPU"));
    m_bars->yAxis->setLabelPadding(2);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    auto *left = new QSplitter(Qt::Vertical, bottom);
    left->addWidget(m_strategies);
    left->addWidget(m_bars);
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);
    bottom->addWidget(left);
    bottom->addWidget(m_map);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);
    styleChart();
    // Compact rows; four dtype rows, no more: the strategies and the bars get the room.
    const int rowHeight = fontMetrics().height() + 6;
    for (QTableWidget *t : {m_dtypes, m_strategies, m_map})
        t->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_strategies->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_dtypes->setMaximumHeight(m_dtypes->horizontalHeader()->sizeHint().height() + 4 * rowHeight + 6);
    m_dtypes->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // In a scroll area: on a small screen (1024 x 700) the page scrolls instead of cutting the strategies'
    // totals and fit rows off.
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_dtypes);
    layout->addWidget(bottom, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"memoryScroll"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
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
void MemoryView::setBatchSize(int batch) {
    m_batch->setValue(batch);
}
void MemoryView::setSequenceLength(int tokens) {
    m_seq->setValue(tokens);
}
void MemoryView::setMixedPrecision(const QString &precision) {
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(precision)));
}
void MemoryView::setGpus(int gpus) {
    m_gpus->setValue(gpus);
}
void MemoryView::setDetectedGpuMemory(qint64 bytes) {
    if (bytes > 0 && m_gpuMemory->text().isEmpty())
        m_gpuMemory->setText(u"%1GiB"_s.arg(double(bytes) / double(1LL << 30), 0, 'f', 1));
}
void MemoryView::setGpuMemory(const QString &text) {
    m_gpuMemory->setText(text);
}
void MemoryView::setDeviceMapDtype(const QString &dtype) {
    m_mapDtype->setCurrentIndex(std::max(0, m_mapDtype->findData(dtype)));
}
QStringList MemoryView::strategyLabels() const {
    QStringList labels;
    for (int c = 0; c < m_strategies->columnCount(); ++c)
        labels << m_strategies->horizontalHeaderItem(c)->text();
    return labels;
}
QString MemoryView::strategyCell(const QString &term, int column) const {
    for (int r = 0; r < m_strategies->rowCount(); ++r)
        if (m_strategies->verticalHeaderItem(r)->data(Qt::UserRole).toString() == term)
            return m_strategies->item(r, column) ? m_strategies->item(r, column)->text() : QString();
    return {};
}
QStringList MemoryView::barTotals() const {
    return m_barTotals;
}

void MemoryView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        styleChart();
    QWidget::changeEvent(event);
}

void MemoryView::styleChart() {
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text), base = pal.color(QPalette::Base);
    m_bars->setBackground(base);
    for (QCPAxis *axis : {m_bars->xAxis, m_bars->yAxis}) {
        axis->setBasePen(QPen(text, 0));
        axis->setTickPen(QPen(text, 0));
        axis->setSubTickPen(QPen(text, 0));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        QColor grid = pal.color(QPalette::Mid);
        grid.setAlpha(110);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
    m_bars->legend->setTextColor(text);
    QColor legendBack = base;
    legendBack.setAlpha(210);
    m_bars->legend->setBrush(legendBack);
    m_bars->legend->setBorderPen(QPen(pal.color(QPalette::Mid), 0));
    for (int i = 0; i < m_bars->itemCount(); ++i)
        if (auto *label = qobject_cast<QCPItemText *>(m_bars->item(i)))
            label->setColor(text);
    m_bars->replot(QCustomPlot::rpQueuedReplot);
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
    const QString gpuMemory = m_gpuMemory->text().trimmed();
    const int batch = m_batch->value(), seq = m_seq->value(), gpus = m_gpus->value();
    const QString precision = m_precision->currentData().toString();
    const QString mapDtype = m_mapDtype->currentData().toString();
    m_summary->setText(tr("Estimating..."));
    // Reading config.json or safetensors headers happens off the GUI thread.
    runInBackground(
        this,
        [modelPath, configPath, maxMemory, gpuMemory, batch, seq, gpus, precision, mapDtype,
         detected = m_detectedGpus] {
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
                setup.batchSize = batch;
                setup.seqLen = seq;
                if (gpus > 0)
                    setup.gpus = gpus;
                if (!precision.isEmpty())
                    setup.mixedPrecision = precision;
                r.setup = setup;
                r.training = memory::estimateTraining(r.model, setup);
                r.strategies = memory::compareStrategies(r.model, setup);
                r.mapDtype = mapDtype;
                if (!maxMemory.isEmpty()) {
                    QString e;
                    const auto mm = memory::parseMaxMemory(maxMemory, &e);
                    if (mm) {
                        r.map = memory::deviceMap(r.model, *mm, memory::bitsOfDtype(mapDtype), u"auto"_s);
                        r.haveMap = true;
                        r.capacity = mm->of(u"0"_s);
                    } else {
                        r.error = e;
                    }
                } else {
                    // No Max memory: the plan for this machine, as accelerate makes it without max_memory
                    // (every GPU's memory, then the memory the system has available).
                    memory::MaxMemory mm;
                    QStringList where;
                    for (int g = 0; g < detected.size(); ++g) {
                        mm.devices.append({QString::number(g), detected.at(g)});
                        where << tr("GPU %1 %2").arg(g).arg(memory::formatBytes(double(detected.at(g))));
                    }
                    const qint64 ram = availableSystemMemory();
                    if (ram > 0) {
                        mm.devices.append({u"cpu"_s, ram});
                        where << tr("CPU %1 available").arg(memory::formatBytes(double(ram)));
                    }
                    if (!mm.devices.isEmpty()) {
                        r.map = memory::deviceMap(r.model, mm, memory::bitsOfDtype(mapDtype), u"auto"_s);
                        r.haveMap = true;
                        r.mapSource = where.join(u", "_s);
                    }
                }
                if (!gpuMemory.isEmpty()) {
                    QString e;
                    const auto bytes = memory::parseSize(gpuMemory, &e);
                    if (bytes)
                        r.capacity = *bytes;
                    else
                        r.error = tr("GPU memory: %1").arg(e);
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
    m_strategies->clear();
    m_strategies->setRowCount(0);
    m_strategies->setColumnCount(0);
    m_barTotals.clear();
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
    summary +=
        u"\n"_s + tr("Training as launched (%1): %2 per GPU; %3 GPU(s), mixed precision %4, batch %5 x %6 "
                     "tokens; device map in %7.")
                      .arg(r.setup.strategy, memory::formatBytes(double(total)))
                      .arg(r.setup.gpus)
                      .arg(r.setup.mixedPrecision)
                      .arg(r.setup.batchSize)
                      .arg(r.setup.seqLen)
                      .arg(r.mapDtype);
    if (!r.mapSource.isEmpty())
        summary +=
            u"\n"_s + tr("Device map for this machine (%1); give Max memory to plan for other devices.")
                          .arg(r.mapSource);
    if (r.setup.gpus == 1)
        summary +=
            u"\n"_s + tr("On one GPU, DDP, FSDP and ZeRO shard nothing, so their totals below are the same; "
                         "set the GPU count (or a launch config's num_processes) to compare them.");
    if (r.capacity > 0)
        summary +=
            u"\n"_s + (total <= r.capacity ? tr("Training fits on the GPU with %1 to spare.")
                                                 .arg(memory::formatBytes(double(r.capacity - total)))
                                           : tr("Training does NOT fit on the GPU: %1 short.")
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
    // The strategies side by side: a row per term, the totals, whether each fits.
    const QStringList names = memory::termNames(r.strategies);
    m_strategies->clear();
    m_strategies->setColumnCount(int(r.strategies.size()));
    m_strategies->setRowCount(int(names.size()) + (r.capacity > 0 ? 2 : 1));
    for (int c = 0; c < r.strategies.size(); ++c)
        m_strategies->setHorizontalHeaderItem(c, new QTableWidgetItem(r.strategies.at(c).label));
    const auto rowHeader = [this](int row, const QString &key, const QString &text, const QColor &color) {
        auto *item = new QTableWidgetItem(text);
        item->setData(Qt::UserRole, key);
        if (color.isValid()) {
            QPixmap swatch(12, 12);
            swatch.fill(color);
            item->setIcon(QIcon(swatch));
        }
        m_strategies->setVerticalHeaderItem(row, item);
    };
    for (int t = 0; t < names.size(); ++t) {
        rowHeader(t, names.at(t), termLabel(names.at(t)), termColor(names.at(t)));
        for (int c = 0; c < r.strategies.size(); ++c) {
            const qint64 bytes = memory::termBytes(r.strategies.at(c).estimate, names.at(t));
            auto *item = new QTableWidgetItem(bytes < 0 ? u"-"_s : memory::formatBytes(double(bytes)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_strategies->setItem(t, c, item);
        }
    }
    const int totalRow = int(names.size());
    rowHeader(totalRow, u"total"_s, tr("total"), QColor());
    for (int c = 0; c < r.strategies.size(); ++c) {
        auto *item = new QTableWidgetItem(memory::formatBytes(double(r.strategies.at(c).estimate.total())));
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_strategies->setItem(totalRow, c, item);
    }
    if (r.capacity > 0) {
        rowHeader(totalRow + 1, u"fits"_s, tr("fits %1").arg(memory::formatBytes(double(r.capacity))),
                  QColor());
        for (int c = 0; c < r.strategies.size(); ++c) {
            const bool fits = r.strategies.at(c).estimate.total() <= r.capacity;
            auto *item = new QTableWidgetItem(fits ? tr("yes") : tr("no"));
            item->setForeground(fits ? QColor(44, 160, 44) : QColor(214, 39, 40));
            item->setTextAlignment(Qt::AlignCenter);
            m_strategies->setItem(totalRow + 1, c, item);
        }
    }
    // Every row shows, the total and the fit verdict included: the table is as tall as its rows (the bars
    // and the scroll area give way).
    m_strategies->setMinimumHeight(m_strategies->horizontalHeader()->sizeHint().height() +
                                   m_strategies->rowCount() *
                                       m_strategies->verticalHeader()->defaultSectionSize() +
                                   2 * m_strategies->frameWidth() + 2);
    // Stacked bars, one per strategy, each term its own colour, the total above each bar, the GPU's memory as
    // a line. Sizes in the table's units (formatBytes: GiB, 1024^3 bytes).
    constexpr double GB = 1024.0 * 1024.0 * 1024.0;
    m_barTotals.clear();
    QCPBars *below = nullptr;
    QVector<double> stacked(r.strategies.size(), 0.0);
    for (const QString &name : names) {
        auto *bars = new QCPBars(m_bars->xAxis, m_bars->yAxis);
        bars->setName(termLabel(name));
        bars->setWidth(0.6);
        const QColor color = termColor(name);
        bars->setBrush(color);
        bars->setPen(QPen(color.darker(130)));
        for (int c = 0; c < r.strategies.size(); ++c) {
            const qint64 bytes = std::max<qint64>(0, memory::termBytes(r.strategies.at(c).estimate, name));
            bars->addData(c + 1, double(bytes) / GB);
            stacked[c] += double(bytes) / GB;
        }
        if (below)
            bars->moveAbove(below);
        below = bars;
        ++m_terms;
    }
    double top = 0;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int c = 0; c < r.strategies.size(); ++c) {
        ticker->addTick(c + 1, r.strategies.at(c).label);
        const QString totalText = memory::formatBytes(double(r.strategies.at(c).estimate.total()));
        m_barTotals << totalText;
        auto *label = new QCPItemText(m_bars);
        label->position->setCoords(c + 1, stacked.at(c));
        label->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
        label->setText(totalText);
        label->setColor(palette().color(QPalette::Text));
        top = std::max(top, stacked.at(c));
    }
    m_bars->xAxis->setTicker(ticker);
    m_bars->xAxis->setTicks(true);
    m_bars->xAxis->setSubTicks(false);
    if (r.capacity > 0) {
        auto *line = new QCPItemStraightLine(m_bars);
        const double cap = double(r.capacity) / GB;
        line->point1->setCoords(0, cap);
        line->point2->setCoords(1, cap);
        line->setPen(QPen(QColor(214, 39, 40), 1.5, Qt::DashLine));
        top = std::max(top, cap);
    }
    m_bars->xAxis->setRange(0.4, double(r.strategies.size()) + 0.6);
    m_bars->yAxis->setRange(0, std::max(1.0, top * 1.15));
    m_bars->legend->setVisible(!names.isEmpty());
    styleChart();
    Q_EMIT estimated(r.ok);
}

} // namespace trainyard
