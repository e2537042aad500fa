#include "configview.h"

#include "configdocument.h"
#include "configform.h"
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
    , m_document(new ConfigDocument(this))
    , m_model(new DiagnosticsModel(this))
    , m_form(new ConfigForm(m_document, this))
    , m_table(new QTableView(this))
    , m_preview(new QPlainTextEdit(this)) {
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setPlaceholderText(tr("The canonical form of the config appears here."));
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_preview);
    right->addWidget(m_table);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_form);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(m_document, &ConfigDocument::changed, this,
            [this] { m_preview->setPlainText(m_document->canonicalYaml()); });
    connect(m_document, &ConfigDocument::diagnosticsChanged, this,
            [this] { m_model->setDiagnostics(m_document->diagnostics()); });
}

void ConfigView::load(const AccelerateConfig &config, const HardwareInfo &hw) {
    m_document->reset(config, hw);
}

QString ConfigView::previewText() const {
    return m_preview->toPlainText();
}

} // namespace trainyard
