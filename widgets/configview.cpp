#include "configview.h"

#include "configdocument.h"
#include "configform.h"
#include "diagnosticsmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trainyard {

ConfigView::ConfigView(QWidget *parent)
    : QWidget(parent)
    , m_document(new ConfigDocument(this))
    , m_model(new DiagnosticsModel(this))
    , m_form(new ConfigForm(m_document, this))
    , m_table(new QTableView(this))
    , m_preview(new QPlainTextEdit(this))
    , m_summary(new QLabel(this)) {
    m_summary->setObjectName(u"problemSummary"_s);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setPlaceholderText(tr("The canonical form of the config appears here."));
    m_table->setToolTip(tr("Double-click a problem to go to its field"));
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { showProblem(index.row()); });
    auto *problems = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problems);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(m_summary);
    problemsLayout->addWidget(m_table);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_preview);
    right->addWidget(problems);
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
    connect(m_document, &ConfigDocument::diagnosticsChanged, this, [this] {
        m_model->setDiagnostics(m_document->diagnostics());
        m_summary->setText(problemSummary());
    });
    m_summary->setText(problemSummary());
}

QString ConfigView::problemSummary() const {
    int errors = 0, warnings = 0;
    for (const Diagnostic &d : m_document->diagnostics())
        (d.isError() ? errors : warnings) += 1;
    if (errors == 0 && warnings == 0)
        return tr("no problems");
    if (warnings == 0)
        return tr("%n error(s)", nullptr, errors);
    if (errors == 0)
        return tr("%n warning(s)", nullptr, warnings);
    return tr("%1, %2").arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings));
}

bool ConfigView::showProblem(int row) {
    const Diagnostics &ds = m_document->diagnostics();
    if (row < 0 || row >= ds.size())
        return false;
    return m_form->focusField(ds.at(row).field);
}

void ConfigView::load(const AccelerateConfig &config, const HardwareInfo &hw) {
    m_document->reset(config, hw);
}

QString ConfigView::previewText() const {
    return m_preview->toPlainText();
}

} // namespace trainyard
