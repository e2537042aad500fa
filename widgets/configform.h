// A form generated from accelerate's config schema (engine/config/schema): one editor per field, grouped in
// sections as accelerate's questionnaire asks them. The sections that apply to the chosen distributed type
// are open; the others (TPU, DeepSpeed for a DDP run, ...) are folded away with a count, unless they hold a
// value or a problem; a search field shows the fields whose key or help matches. Every keystroke edits the
// ConfigDocument through undoable commands (one command per typing session of a field), so Save, Close and
// Launch always see what is typed; Ctrl+Z in a field undoes in the document. The form follows the document
// when it changes (undo, reload).
#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QToolButton;

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
    // Shows the field (opening its section, clearing a search that hides it) and gives it the focus.
    bool focusField(const QString &path);
    // Shows only the fields whose key or help contains `text` (case-insensitive); empty shows every field.
    void setSearch(const QString &text);
    // The sections ("" for General, "tpu", "fsdp_config", ...) and whether each is open / shown.
    QStringList sectionNames() const { return m_sectionOrder; }
    bool isSectionOpen(const QString &section) const;
    bool isSectionShown(const QString &section) const;
    bool isFieldShown(const QString &path) const;
    // Commits what the focused editor holds (a no-op when it is already in the document).
    void commitPending();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Field {
        const FieldSpec *spec = nullptr;
        QString section;
        QComboBox *combo = nullptr;
        QLineEdit *line = nullptr;
        QLabel *label = nullptr;
        QString problems;
        bool error = false;
    };
    struct Section {
        QString name;
        QWidget *box = nullptr; // the header and the body
        QToolButton *header = nullptr;
        QWidget *body = nullptr;
        QFormLayout *form = nullptr;
        QStringList paths;
        int userOpen = -1; // -1: as the distributed type says; 0/1: the user folded/opened it
    };
    void build();
    void refresh(const QString &path);
    void refreshField(const QString &path, Field &f);
    void refreshDiagnostics();
    void refreshOtherKeys();
    void updateSections();
    bool applies(const QString &section) const; // to the document's distributed type
    void commit(const QString &path, bool typing = false);

    ConfigDocument *m_doc;
    QLineEdit *m_search = nullptr;
    QScrollArea *m_scroll = nullptr;
    QHash<QString, Field> m_fields;
    QHash<QString, Section> m_sections;
    QStringList m_sectionOrder;
    QLabel *m_otherKeys = nullptr;
    bool m_updating = false;
    QString m_typingPath; // the field whose keystrokes are being committed (its text is left alone)
    int m_typingSession = 0;
};

} // namespace trainyard
