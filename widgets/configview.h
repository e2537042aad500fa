// One open config: the generated form on the left; the canonical YAML preview and the diagnostics on the
// right.
#pragma once

#include "config/accelerateconfig.h"
#include "system/hardware.h"

#include <QWidget>

class QPlainTextEdit;
class QTableView;

namespace trainyard {

class ConfigDocument;
class ConfigForm;
class DiagnosticsModel;

class ConfigView : public QWidget {
    Q_OBJECT
public:
    explicit ConfigView(QWidget *parent = nullptr);

    // Shows a config that was read off the GUI thread.
    void load(const AccelerateConfig &config, const HardwareInfo &hw);
    ConfigDocument *document() const { return m_document; }
    ConfigForm *form() const { return m_form; }
    DiagnosticsModel *diagnosticsModel() const { return m_model; }
    QString previewText() const;

private:
    ConfigDocument *m_document;
    DiagnosticsModel *m_model;
    ConfigForm *m_form;
    QTableView *m_table;
    QPlainTextEdit *m_preview;
};

} // namespace trainyard
