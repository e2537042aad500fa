// The memory view: for a model folder (config.json or safetensors) and optionally a launch config and max
// memory, the parameters and per-dtype sizes (accelerate's table), the per-GPU training memory as stacked
// bars with the fit verdict, and the device map. Everything is computed off the GUI thread by engine/memory.
#pragma once

#include "memory/estimate.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace trainyard {

class MemoryView : public QWidget {
    Q_OBJECT
public:
    explicit MemoryView(QWidget *parent = nullptr);

    void setModelPath(const QString &path);
    void setConfigFile(const QString &path);
    void setMaxMemory(const QString &text);

    // What is on screen, for tests.
    QString summaryText() const;
    int deviceMapRows() const;
    int trainingTerms() const;

public Q_SLOTS:
    void estimate();

Q_SIGNALS:
    void estimated(bool ok);

private:
    struct Result;
    void show(const Result &r);

    QLineEdit *m_model, *m_config, *m_maxMemory;
    QLabel *m_summary;
    QTableWidget *m_dtypes, *m_map;
    QCustomPlot *m_bars;
    int m_terms = 0;
};

} // namespace trainyard
