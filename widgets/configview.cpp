#include "configview.h"

#include "diagnosticsmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace trainyard {

ConfigView::ConfigView(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiagnosticsModel(this))
    , m_table(new QTableView(this))
    , m_preview(new QPlainTextEdit(this)) {
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setPlaceholderText(tr("The canonical form of the config appears here."));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_preview);
    splitter->addWidget(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void ConfigView::show(const AccelerateConfig &config, const Diagnostics &diagnostics) {
    m_model->setDiagnostics(diagnostics);
    m_preview->setPlainText(config.isLoaded() ? QString::fromUtf8(config.canonicalText(Dialect::Yaml))
                                              : QString());
}

QString ConfigView::previewText() const {
    return m_preview->toPlainText();
}

} // namespace trainyard
