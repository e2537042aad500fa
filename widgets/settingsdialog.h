// The studio's settings (database, language, theme), kept with QSettings, and the dialog that edits them.
#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QLineEdit;
class QLabel;

namespace trainyard {

struct StudioSettings {
    enum class Theme { System, Light, Dark };
    QString database; // empty: $TRAINYARD_DB, else the default in the user's data folder
    QString language; // empty: the system's; else "en", "de", ...
    Theme theme = Theme::System;

    static StudioSettings load();
    void save() const;
    // The database the studio opens: $TRAINYARD_DB wins (as for the CLI), then this setting, then the
    // default.
    QString effectiveDatabase() const;
};

// Applies a theme to the running application: the system's style and palette, or Fusion with a light or dark
// palette.
void applyTheme(StudioSettings::Theme theme);

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const StudioSettings &settings, QWidget *parent = nullptr);
    StudioSettings settings() const;

private:
    QLineEdit *m_database;
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace trainyard
