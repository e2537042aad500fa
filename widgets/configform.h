// A form generated from accelerate's config schema (engine/config/schema): one editor per field, grouped by
// section, with the field's help as its tooltip and its diagnostics next to it. It edits a ConfigDocument
// through undoable commands and follows the document when it changes (undo, reload).
#pragma once

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QFormLayout;

namespace trainyard {

class ConfigDocument;
struct FieldSpec;

class ConfigForm : public QWidget {
    Q_OBJECT
public:
    explicit ConfigForm(ConfigDocument *document, QWidget *parent = nullptr);

    // The editor of a field ("key" or "section.key"), for tests and for jumping to a diagnostic.
    QWidget *editor(const QString &path) const;
    // The text shown for a field's problems (empty when it has none).
    QString problemText(const QString &path) const;

private:
    struct Field {
        const FieldSpec *spec = nullptr;
        QComboBox *combo = nullptr;
        QLineEdit *line = nullptr;
        QLabel *label = nullptr;
        QString problems;
    };
    void build();
    void refresh(const QString &path);
    void refreshField(const QString &path, Field &f);
    void refreshDiagnostics();
    void refreshOtherKeys();
    void commit(const QString &path);

    ConfigDocument *m_doc;
    QHash<QString, Field> m_fields;
    QLabel *m_otherKeys = nullptr;
    bool m_updating = false;
};

} // namespace trainyard
