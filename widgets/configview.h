// One open config: the generated form on the left; the canonical YAML preview and the diagnostics on the
// right.
#pragma once

#include "config/accelerateconfig.h"
#include "system/hardware.h"

#include <QWidget>

class QLabel;
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
    // "2 errors, 1 warning" / "no problems": what the diagnostics list holds now.
    QString problemSummary() const;
    // Goes to the field of the diagnostic in this row of the list (as a double-click does).
    bool showProblem(int row);

private:
    ConfigDocument *m_document;
    DiagnosticsModel *m_model;
    ConfigForm *m_form;
    QTableView *m_table;
    QPlainTextEdit *m_preview;
    QLabel *m_summary;
};

} // namespace trainyard
