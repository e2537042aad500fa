#include "configform.h"

#include "config/schema.h"
#include "config/yamlio.h"
#include "configdocument.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QToolButton>
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
    if (section == u"tpu"_s)
        return ConfigForm::tr("TPU");
    return QCoreApplication::translate("trainyard::ConfigForm", titles.value(section, "Other"));
}

// The top-level keys only a TPU (XLA) launch reads: a section of their own, folded for every other launch.
bool isTpuKey(const QString &key) {
    return key.startsWith(u"tpu_"_s) || key == u"main_training_function"_s || key == u"downcast_bf16"_s ||
           key == u"command_file"_s || key == u"commands"_s;
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
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"fieldSearch"_s);
    m_search->setPlaceholderText(tr("Search fields by key or description"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this] { updateSections(); });
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    auto *content = new QWidget(m_scroll);
    auto *column = new QVBoxLayout(content);
    m_sectionOrder = QStringList{QString()};
    m_sectionOrder << schema::sections();
    m_sectionOrder.insert(1, u"tpu"_s);
    for (const QString &name : std::as_const(m_sectionOrder)) {
        Section sec;
        sec.name = name;
        sec.box = new QWidget(content);
        auto *boxLayout = new QVBoxLayout(sec.box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        sec.header = new QToolButton(sec.box);
        sec.header->setObjectName(u"section:"_s + name);
        sec.header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        sec.header->setCheckable(true);
        sec.header->setAutoRaise(true);
        QFont bold = sec.header->font();
        bold.setBold(true);
        sec.header->setFont(bold);
        sec.body = new QWidget(sec.box);
        sec.form = new QFormLayout(sec.body);
        sec.form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        boxLayout->addWidget(sec.header);
        boxLayout->addWidget(sec.body);
        connect(sec.header, &QToolButton::clicked, this, [this, name](bool open) {
            m_sections[name].userOpen = open ? 1 : 0;
            updateSections();
        });
        m_sections.insert(name, sec);
        column->addWidget(sec.box);
    }
    for (const FieldSpec &spec : schema::fields()) {
        if (!(spec.kinds & Cluster) || spec.type == FieldType::Dict)
            continue;
        const QString sectionName = spec.section.isEmpty() && isTpuKey(spec.key) ? u"tpu"_s : spec.section;
        if (!m_sections.contains(sectionName))
            continue;
        Section &sec = m_sections[sectionName];
        QWidget *box = sec.body;
        Field f;
        f.spec = &spec;
        f.section = sectionName;
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
            // Every keystroke is in the document (one undo command per typing session), so that saving,
            // closing or launching never misses what is typed.
            connect(f.line, &QLineEdit::textEdited, this, [this, path] { commit(path, true); });
            connect(f.line, &QLineEdit::editingFinished, this, [this, path] {
                commit(path);
                ++m_typingSession;
            });
            f.line->installEventFilter(this);
            editorWidget = f.line;
        }
        editorWidget->setToolTip(spec.helpText());
        editorWidget->setObjectName(path);
        sec.form->addRow(f.label, editorWidget);
        sec.paths << path;
        m_fields.insert(path, f);
    }
    auto *other = new QGroupBox(tr("Other keys (kept as written)"), content);
    auto *otherLayout = new QVBoxLayout(other);
    m_otherKeys = new QLabel(other);
    m_otherKeys->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_otherKeys->setWordWrap(true);
    otherLayout->addWidget(m_otherKeys);
    column->addWidget(other);
    column->addStretch(1);
    m_scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_scroll);
}

bool ConfigForm::eventFilter(QObject *watched, QEvent *event) {
    // Ctrl+Z / Ctrl+Shift+Z in a field go to the document's undo stack (the window's Undo and Redo), not to
    // the line editor's own history, which knows nothing of the other fields.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            commitPending();
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
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

bool ConfigForm::applies(const QString &section) const {
    const QString type = m_doc->value(u"distributed_type"_s).toString().toUpper();
    if (section.isEmpty())
        return true;
    if (section == u"tpu"_s)
        return type == u"XLA"_s || type == u"TPU"_s;
    if (section == u"fsdp_config"_s)
        return type == u"FSDP"_s;
    if (section == u"deepspeed_config"_s)
        return type == u"DEEPSPEED"_s;
    if (section == u"megatron_lm_config"_s)
        return type == u"MEGATRON_LM"_s;
    if (section == u"parallelism_config"_s)
        return type == u"FSDP"_s || type == u"MULTI_GPU"_s;
    if (section == u"mpirun_config"_s)
        return type == u"MULTI_CPU"_s;
    if (section == u"fp8_config"_s)
        return m_doc->value(u"mixed_precision"_s).toString().toLower() == u"fp8"_s;
    return false; // torch.compile: open once it holds something
}

void ConfigForm::updateSections() {
    const QString query = m_search->text().trimmed();
    const QString type = m_doc->value(u"distributed_type"_s).toString();
    for (const QString &name : std::as_const(m_sectionOrder)) {
        Section &sec = m_sections[name];
        int matches = 0, set = 0, problems = 0;
        for (const QString &path : std::as_const(sec.paths)) {
            const Field &f = m_fields[path];
            const bool match = query.isEmpty() || path.contains(query, Qt::CaseInsensitive) ||
                               f.spec->helpText().contains(query, Qt::CaseInsensitive);
            sec.form->setRowVisible(editor(path), match);
            matches += match ? 1 : 0;
            set += m_doc->value(path).isNull() ? 0 : 1;
            problems += f.problems.isEmpty() ? 0 : 1;
        }
        // A section opens for the distributed type it serves, or for a problem in it; values alone do not
        // open it (the questionnaire writes TPU defaults into every config).
        const bool relevant = applies(name) || problems > 0;
        const bool open = !query.isEmpty() ? matches > 0 : sec.userOpen >= 0 ? sec.userOpen == 1 : relevant;
        sec.box->setVisible(sec.paths.isEmpty() ? false : query.isEmpty() || matches > 0);
        sec.body->setVisible(open);
        sec.header->setChecked(open);
        sec.header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        QString title = sectionTitle(name);
        if (!query.isEmpty())
            title = tr("%1 (%n matching field(s))", nullptr, matches).arg(title);
        else if (!open && !applies(name) && !type.isEmpty())
            title = tr("%1: %n field(s), not used with %2", nullptr, int(sec.paths.size())).arg(title, type);
        else if (!open)
            title = tr("%1: %n field(s)", nullptr, int(sec.paths.size())).arg(title);
        if (!open && set > 0)
            title += u" · "_s + tr("%n set", nullptr, set);
        if (problems)
            title += u" · "_s + tr("%n problem(s)", nullptr, problems);
        sec.header->setText(title);
    }
}

bool ConfigForm::isSectionOpen(const QString &section) const {
    const auto it = m_sections.constFind(section);
    return it != m_sections.cend() && it->box->isVisibleTo(this) && it->body->isVisibleTo(this);
}

bool ConfigForm::isSectionShown(const QString &section) const {
    const auto it = m_sections.constFind(section);
    return it != m_sections.cend() && it->box->isVisibleTo(this);
}

bool ConfigForm::isFieldShown(const QString &path) const {
    QWidget *w = editor(path);
    return w && w->isVisibleTo(this);
}

void ConfigForm::setSearch(const QString &text) {
    m_search->setText(text);
}

bool ConfigForm::focusField(const QString &path) {
    QWidget *w = editor(path);
    if (!w)
        return false;
    Section &sec = m_sections[m_fields.value(path).section];
    if (!m_search->text().isEmpty() && !isFieldShown(path))
        m_search->clear();
    sec.userOpen = 1;
    updateSections();
    m_scroll->ensureWidgetVisible(w);
    w->setFocus(Qt::OtherFocusReason);
    return true;
}

void ConfigForm::commitPending() {
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (it->line && it->line->hasFocus())
            commit(it.key());
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
    updateSections();
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
    } else if (path != m_typingPath && f.line->text() != displayText(v)) {
        // The field being typed into keeps its text (and cursor) as typed.
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
        it->error = error;
        // Errors in red, warnings in orange; the messages are the label's tooltip.
        it->label->setText(problems.isEmpty()
                               ? it->spec->key
                               : u"<span style=\"color:%1; font-weight:bold\">%2</span>"_s.arg(
                                     error ? u"#c0392b"_s : u"#d35400"_s, it->spec->key.toHtmlEscaped()));
        it->label->setToolTip(problems.isEmpty() ? it->spec->helpText() : it->problems);
    }
    updateSections();
}

void ConfigForm::commit(const QString &path, bool typing) {
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
    m_typingPath = typing ? path : QString();
    m_doc->setValue(path, v, typing ? m_typingSession + 1 : 0);
    m_typingPath.clear();
}

} // namespace trainyard
