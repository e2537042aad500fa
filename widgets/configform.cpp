#include "configform.h"

#include "config/schema.h"
#include "config/yamlio.h"
#include "configdocument.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

QString sectionTitle(const QString &section) {
    if (section.isEmpty())
        return ConfigForm::tr("General");
    static const QHash<QString, const char *> titles = {
        {u"fsdp_config"_s, QT_TRANSLATE_NOOP("trainyard::ConfigForm", "FSDP")},
        {u"deepspeed_config"_s, QT_TRANSLATE_NOOP("trainyard::ConfigForm", "DeepSpeed")},
        {u"megatron_lm_config"_s, QT_TRANSLATE_NOOP("trainyard::ConfigForm", "Megatron-LM")},
        {u"parallelism_config"_s, QT_TRANSLATE_NOOP("trainyard::ConfigForm", "Parallelism")},
        {u"dynamo_config"_s, QT_TRANSLATE_NOOP("trainyard::ConfigForm", "torch.compile (dynamo)")},
        {u"fp8_config"_s, QT_TRANSLATE_NOOP("trainyard::ConfigForm", "FP8")},
        {u"mpirun_config"_s, QT_TRANSLATE_NOOP("trainyard::ConfigForm", "MPI")}};
    return QCoreApplication::translate("trainyard::ConfigForm", titles.value(section, "Other"));
}

// The text a field shows in a line editor: scalars as written, lists and maps as flow YAML.
QString displayText(const Value &v) {
    if (v.isNull())
        return {};
    if (v.isScalar())
        return v.isString() ? v.toString() : v.sourceText();
    return QString::fromUtf8(toJson(v, false)).simplified();
}

} // namespace

ConfigForm::ConfigForm(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_doc(document) {
    build();
    connect(m_doc, &ConfigDocument::changed, this, &ConfigForm::refresh);
    connect(m_doc, &ConfigDocument::diagnosticsChanged, this, &ConfigForm::refreshDiagnostics);
    refresh({});
    refreshDiagnostics();
}

void ConfigForm::build() {
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *column = new QVBoxLayout(content);
    QStringList order = {QString()};
    order << schema::sections();
    for (const QString &section : order) {
        auto *box = new QGroupBox(sectionTitle(section), content);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const FieldSpec &spec : schema::fields()) {
            if (spec.section != section || !(spec.kinds & Cluster) || spec.type == FieldType::Dict)
                continue;
            Field f;
            f.spec = &spec;
            f.label = new QLabel(spec.key, box);
            f.label->setToolTip(spec.helpText());
            const QString path = spec.path();
            QWidget *editorWidget = nullptr;
            if (spec.type == FieldType::Bool || spec.type == FieldType::Enum ||
                spec.type == FieldType::BoolOrEnum) {
                f.combo = new QComboBox(box);
                f.combo->addItem(tr("(not set)"));
                if (spec.type != FieldType::Enum)
                    f.combo->addItems({u"true"_s, u"false"_s});
                if (spec.type != FieldType::Bool)
                    f.combo->addItems(spec.choices);
                connect(f.combo, &QComboBox::activated, this, [this, path] { commit(path); });
                editorWidget = f.combo;
            } else {
                f.line = new QLineEdit(box);
                f.line->setPlaceholderText(spec.defaultValue.isNull()
                                               ? tr("(not set)")
                                               : tr("default: %1").arg(displayText(spec.defaultValue)));
                connect(f.line, &QLineEdit::editingFinished, this, [this, path] { commit(path); });
                editorWidget = f.line;
            }
            editorWidget->setToolTip(spec.helpText());
            editorWidget->setObjectName(path);
            form->addRow(f.label, editorWidget);
            m_fields.insert(path, f);
        }
        column->addWidget(box);
    }
    auto *other = new QGroupBox(tr("Other keys (kept as written)"), content);
    auto *otherLayout = new QVBoxLayout(other);
    m_otherKeys = new QLabel(other);
    m_otherKeys->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_otherKeys->setWordWrap(true);
    otherLayout->addWidget(m_otherKeys);
    column->addWidget(other);
    column->addStretch(1);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

QWidget *ConfigForm::editor(const QString &path) const {
    const auto it = m_fields.constFind(path);
    if (it == m_fields.cend())
        return nullptr;
    return it->combo ? static_cast<QWidget *>(it->combo) : static_cast<QWidget *>(it->line);
}

QString ConfigForm::problemText(const QString &path) const {
    return m_fields.value(path).problems;
}

void ConfigForm::refresh(const QString &path) {
    m_updating = true;
    if (path.isEmpty() || !m_fields.contains(path)) {
        for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
            refreshField(it.key(), it.value());
    } else {
        refreshField(path, m_fields[path]);
    }
    refreshOtherKeys();
    m_updating = false;
}

void ConfigForm::refreshField(const QString &path, Field &f) {
    const Value v = m_doc->value(path);
    if (f.combo) {
        int index = 0;
        if (!v.isNull()) {
            const QString text = v.isBool() ? (v.toBool() ? u"true"_s : u"false"_s) : displayText(v);
            index = f.combo->findText(text, Qt::MatchFixedString);
            if (index < 0) { // a value outside the list (diagnosed) is shown as it is
                f.combo->addItem(text);
                index = f.combo->count() - 1;
            }
        }
        f.combo->setCurrentIndex(index);
    } else if (f.line->text() != displayText(v)) {
        f.line->setText(displayText(v));
    }
}

void ConfigForm::refreshOtherKeys() {
    QStringList lines;
    const QStringList known = schema::topLevelKeys(Cluster);
    for (const MapEntry &e : m_doc->config().document().entries()) {
        if (!known.contains(e.key))
            lines << e.key + u": "_s + displayText(e.value);
        else if (e.value.isMap() && schema::sections().contains(e.key))
            for (const MapEntry &inner : e.value.entries())
                if (!m_fields.contains(e.key + u'.' + inner.key))
                    lines << e.key + u'.' + inner.key + u": "_s + displayText(inner.value);
    }
    m_otherKeys->setText(lines.isEmpty() ? tr("none") : lines.join(u'\n'));
}

void ConfigForm::refreshDiagnostics() {
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        QStringList problems;
        bool error = false;
        for (const Diagnostic &d : m_doc->diagnostics()) {
            if (d.field == it.key()) {
                problems << d.message;
                error = error || d.isError();
            }
        }
        it->problems = problems.join(u'\n');
        // Errors in red, warnings in orange; the messages are the label's tooltip.
        it->label->setText(problems.isEmpty()
                               ? it->spec->key
                               : u"<span style=\"color:%1; font-weight:bold\">%2</span>"_s.arg(
                                     error ? u"#c0392b"_s : u"#d35400"_s, it->spec->key.toHtmlEscaped()));
        it->label->setToolTip(problems.isEmpty() ? it->spec->helpText() : it->problems);
    }
}

void ConfigForm::commit(const QString &path) {
    if (m_updating)
        return;
    const Field f = m_fields.value(path);
    Value v;
    if (f.combo) {
        const QString text = f.combo->currentIndex() == 0 ? QString() : f.combo->currentText();
        if (text.isEmpty())
            v = Value::null();
        else if (f.spec->type != FieldType::Enum && (text == u"true"_s || text == u"false"_s))
            v = Value::boolean(text == u"true"_s);
        else if (f.spec->key == u"fsdp_version"_s || f.spec->key == u"zero_stage"_s)
            v = Value::integer(text.toLongLong());
        else
            v = Value::string(text);
    } else {
        const QString text = f.line->text().trimmed();
        if (text.isEmpty()) {
            v = Value::null();
        } else if (f.spec->type == FieldType::String || f.spec->type == FieldType::Any ||
                   f.spec->type == FieldType::StringList) {
            v = Value::string(text); // typed text is a string, as a quoted YAML scalar would be
        } else {
            v = resolvePlainScalar(text); // numbers as YAML reads them; anything else is diagnosed
        }
    }
    m_doc->setValue(path, v);
}

} // namespace trainyard
