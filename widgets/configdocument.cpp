#include "configdocument.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

std::pair<QString, QString> splitPath(const QString &path) {
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0)
        return {QString(), path};
    return {path.left(dot), path.mid(dot + 1)};
}

class SetValueCommand : public QUndoCommand {
public:
    SetValueCommand(ConfigDocument *doc, const QString &path, const Value &before, const Value &after,
                    int session)
        : m_doc(doc)
        , m_path(path)
        , m_before(before)
        , m_after(after)
        , m_session(session) {
        setText(QCoreApplication::translate("trainyard::ConfigDocument", "Change %1").arg(path));
    }
    void undo() override { m_doc->applyValue(m_path, m_before); }
    void redo() override { m_doc->applyValue(m_path, m_after); }
    int id() const override { return 1; }
    // The keystrokes of one typing session in one field merge into one command.
    bool mergeWith(const QUndoCommand *other) override {
        const auto *o = static_cast<const SetValueCommand *>(other);
        if (o->m_path != m_path || m_session == 0 || o->m_session != m_session)
            return false;
        m_after = o->m_after;
        return true;
    }

private:
    ConfigDocument *m_doc;
    QString m_path;
    Value m_before;
    Value m_after;
    int m_session;
};

} // namespace

ConfigDocument::ConfigDocument(QObject *parent)
    : QObject(parent)
    , m_config(AccelerateConfig::fromDocument(Value::map())) {}

void ConfigDocument::reset(const AccelerateConfig &config, const HardwareInfo &hw) {
    m_config = config;
    m_hardware = hw;
    m_undo.clear();
    m_edited = false;
    revalidate();
    Q_EMIT changed({});
}

Value ConfigDocument::value(const QString &path) const {
    const auto [section, key] = splitPath(path);
    const Value &doc = m_config.document();
    return section.isEmpty() ? doc.get(key) : doc.get(section).get(key);
}

void ConfigDocument::setValue(const QString &path, const Value &v, int typingSession) {
    const Value before = value(path);
    const bool present = before.isNull() ? false : true;
    if ((v.isNull() && !present) || (present && before == v && before.type() == v.type()))
        return;
    m_undo.push(new SetValueCommand(this, path, before, v, typingSession));
}

void ConfigDocument::applyValue(const QString &path, const Value &v) {
    const auto [section, key] = splitPath(path);
    Value &doc = m_config.document();
    if (!doc.isMap())
        doc = Value::map();
    if (section.isEmpty()) {
        if (v.isNull())
            doc.remove(key);
        else
            doc.set(key, v);
    } else {
        Value sec = doc.get(section);
        if (!sec.isMap())
            sec = Value::map();
        if (v.isNull())
            sec.remove(key);
        else
            sec.set(key, v);
        if (sec.size() == 0)
            doc.remove(section);
        else
            doc.set(section, sec);
    }
    m_edited = true;
    revalidate();
    Q_EMIT changed(path);
}

QString ConfigDocument::canonicalYaml() const {
    return m_config.isLoaded() ? QString::fromUtf8(m_config.canonicalText(Dialect::Yaml)) : QString();
}

bool ConfigDocument::save(const QString &path, QString *error) {
    const AccelerateConfig target = AccelerateConfig::fromDocument(m_config.document(), path);
    if (!saveFileAtomically(path, target.canonicalText(dialectForPath(path)), error))
        return false;
    m_config = AccelerateConfig::fromDocument(m_config.document(), path);
    m_undo.setClean();
    revalidate();
    Q_EMIT changed({});
    return true;
}

void ConfigDocument::revalidate() {
    // Validation is pure computation over a few kilobytes; the hardware was probed off the GUI thread. As
    // loaded, the file's own positions; once edited, the positions and values of the text a save writes (the
    // canonical form the preview shows), so that every diagnostic names a real line, column and value.
    if (!m_edited || !m_config.isLoaded()) {
        m_diagnostics = m_config.diagnostics(m_hardware);
    } else {
        const QString name = m_config.fileName();
        const Dialect dialect = name.isEmpty() ? Dialect::Yaml : dialectForPath(name);
        m_diagnostics =
            AccelerateConfig::fromBytes(m_config.canonicalText(dialect), name).diagnostics(m_hardware);
    }
    Q_EMIT diagnosticsChanged();
}

int ConfigDocument::errorCount() const {
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
                             [](const Diagnostic &d) { return d.isError(); }));
}

} // namespace trainyard
