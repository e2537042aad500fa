// The memory view: for a model folder (config.json or safetensors) and optionally a launch config and max
// memory, the parameters and per-dtype sizes (accelerate's table), the per-GPU training memory of DDP, FSDP,
// FSDP with CPU offload, ZeRO-2 and ZeRO-3 side by side (a table with every term and the totals, the same as
// `trainyard estimate-memory --strategies`, and stacked bars with their totals, one fixed colour per term,
// against the GPU's memory), for the batch size, sequence length, precision and GPU count asked (defaults:
// the launch config, the detected GPU), and the device map of the chosen dtype. Everything is computed off
// the GUI thread by engine/memory.
#pragma once

#include "memory/estimate.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QLineEdit;
class QTableWidget;
class QSpinBox;
class QComboBox;

namespace trainyard {

class MemoryView : public QWidget {
    Q_OBJECT
public:
    explicit MemoryView(QWidget *parent = nullptr);

    void setModelPath(const QString &path);
    void setConfigFile(const QString &path);
    void setMaxMemory(const QString &text);
    void setBatchSize(int batch);
    void setSequenceLength(int tokens);
    // "no", "fp16", "bf16", "fp8"; empty: the launch config's
    void setMixedPrecision(const QString &precision);
    void setGpus(int gpus); // 0: the launch config's
    // The detected GPU's memory: the default of the GPU memory field (and of GPU 0's max memory).
    void setDetectedGpuMemory(qint64 bytes);
    // Every detected GPU's memory: with no Max memory given, the device map is planned for this machine
    // (these GPUs and the memory the system has available), as accelerate plans without max_memory.
    void setDetectedGpus(const QList<qint64> &bytesPerGpu) { m_detectedGpus = bytesPerGpu; }
    void setGpuMemory(const QString &text); // "80GiB"; empty: none
    void setDeviceMapDtype(const QString &dtype);

    // What is on screen, for tests.
    QString summaryText() const;
    int deviceMapRows() const;
    int trainingTerms() const;
    // The strategies table as shown: its column labels, and a cell by term name (or "total") and column.
    QStringList strategyLabels() const;
    QString strategyCell(const QString &term, int column) const;
    // The totals drawn above the bars, in order.
    QStringList barTotals() const;

public Q_SLOTS:
    void estimate();

Q_SIGNALS:
    void estimated(bool ok);

protected:
    void changeEvent(QEvent *event) override; // the palette (dark theme) restyles the chart

private:
    struct Result;
    void show(const Result &r);
    void styleChart();

    QLineEdit *m_model, *m_config, *m_maxMemory, *m_gpuMemory;
    QSpinBox *m_batch, *m_seq, *m_gpus;
    QComboBox *m_precision, *m_mapDtype;
    QLabel *m_summary;
    QTableWidget *m_dtypes, *m_map, *m_strategies;
    QCustomPlot *m_bars;
    QList<qint64> m_detectedGpus;
    int m_terms = 0;
    QStringList m_barTotals;
};

} // namespace trainyard
