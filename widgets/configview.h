// Shows one config file: its diagnostics and the canonical YAML accelerate would hold.
#pragma once

#include "config/accelerateconfig.h"

#include <QWidget>

class QPlainTextEdit;
class QTableView;

namespace trainyard {

class DiagnosticsModel;

class ConfigView : public QWidget {
    Q_OBJECT
public:
    explicit ConfigView(QWidget *parent = nullptr);

    // Shows a config that was loaded and validated off the GUI thread.
    void show(const AccelerateConfig &config, const Diagnostics &diagnostics);
    DiagnosticsModel *diagnosticsModel() const { return m_model; }
    QString previewText() const;

private:
    DiagnosticsModel *m_model;
    QTableView *m_table;
    QPlainTextEdit *m_preview;
};

} // namespace trainyard
