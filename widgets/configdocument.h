// An open config file in the studio: the document tree (every key kept), its file, its undo stack (every edit
// is a command), and its diagnostics, recomputed after each change. Views bind to it; tests drive it without
// a window.
#pragma once

#include "config/accelerateconfig.h"
#include "system/hardware.h"

#include <QObject>
#include <QUndoStack>

namespace trainyard {

class ConfigDocument : public QObject {
    Q_OBJECT
public:
    explicit ConfigDocument(QObject *parent = nullptr);
    // Quietly: the undo stack's last cleanChanged would reach views and tabs being destroyed with it.
    ~ConfigDocument() override { m_undo.blockSignals(true); }

    // Replaces the content (a file loaded off the GUI thread); clears the undo history.
    void reset(const AccelerateConfig &config, const HardwareInfo &hw);

    const AccelerateConfig &config() const { return m_config; }
    QString fileName() const { return m_config.fileName(); }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    int errorCount() const; // the diagnostics that are errors (accelerate launch would refuse the file)
    QUndoStack *undoStack() { return &m_undo; }
    bool isModified() const { return !m_undo.isClean(); }

    // The value at "key" or "section.key" in the document as written (null when absent).
    Value value(const QString &path) const;
    // Sets (or with a null Value removes) a field as one undoable command. No-op when the value is unchanged.
    // Edits with the same non-zero typingSession on the same field merge into one command (keystrokes).
    void setValue(const QString &path, const Value &value, int typingSession = 0);
    // The canonical YAML accelerate would hold, for the preview.
    QString canonicalYaml() const;
    // Saves the canonical form atomically; marks the undo stack clean on success.
    bool save(const QString &path, QString *error);

    // Used by the edit command.
    void applyValue(const QString &path, const Value &value);

Q_SIGNALS:
    void changed(const QString &path); // empty path: everything
    void diagnosticsChanged();

private:
    void revalidate();

    AccelerateConfig m_config;
    HardwareInfo m_hardware;
    Diagnostics m_diagnostics;
    QUndoStack m_undo;
    bool m_edited = false; // changed since loaded: diagnostics come from the canonical text
};

} // namespace trainyard
