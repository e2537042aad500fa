#include "settingsdialog.h"

#include "filedialogs.h"
#include "launch/runrecord.h"
#include "pgconn.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace trainyard {

StudioSettings StudioSettings::load() {
    QSettings s;
    StudioSettings out;
    out.database = s.value(u"studio/database"_s).toString();
    out.language = s.value(u"studio/language"_s).toString();
    const QString theme = s.value(u"studio/theme"_s).toString();
    out.theme = theme == u"dark"_s ? Theme::Dark : theme == u"light"_s ? Theme::Light : Theme::System;
    return out;
}

void StudioSettings::save() const {
    QSettings s;
    s.setValue(u"studio/database"_s, database);
    s.setValue(u"studio/language"_s, language);
    s.setValue(u"studio/theme"_s, theme == Theme::Dark    ? u"dark"_s
                                  : theme == Theme::Light ? u"light"_s
                                                          : u"system"_s);
}

QString StudioSettings::effectiveDatabase() const {
    if (!qEnvironmentVariableIsEmpty("TRAINYARD_DB") || database.isEmpty())
        return databasePath();
    return database;
}

void applyTheme(StudioSettings::Theme theme) {
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    // What the platform chose at start, to go back to.
    static const QString systemStyle = QApplication::style()->name();
    static const QPalette systemPalette = QApplication::palette();
    if (theme == StudioSettings::Theme::System) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(systemPalette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    if (theme == StudioSettings::Theme::Light) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(225, 225, 225), accent(61, 142, 201);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    QApplication::setPalette(p);
}

SettingsDialog::SettingsDialog(const StudioSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_database(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this)) {
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout;
    m_database->setText(settings.database);
    m_database->setPlaceholderText(databasePath());
    m_database->setClearButtonEnabled(true);
    m_database->setToolTip(
        tr("A SQLite file, or a PostgreSQL server shared by a team: "
           "postgresql://USER@HOST:PORT/DATABASE (keep the password in ~/.pgpass: these settings "
           "are a plain file)"));
    auto *browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = fileDialogs::getSaveFileName(this, tr("Run database"), m_database->text(),
                                                       tr("SQLite database (*.db)"), nullptr,
                                                       QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty())
            m_database->setText(f);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_database, 1);
    row->addWidget(browse);
    // A layout is no buddy: the label is made here and given the field, so "&d" is a shortcut, not an "&".
    auto *databaseLabel = new QLabel(tr("Run &database:"));
    databaseLabel->setBuddy(m_database);
    form->addRow(databaseLabel, row);
    if (!qEnvironmentVariableIsEmpty("TRAINYARD_DB"))
        form->addRow(QString(),
                     new QLabel(tr("TRAINYARD_DB is set in the environment and takes precedence: %1")
                                    .arg(pg::redacted(qEnvironmentVariable("TRAINYARD_DB"))),
                                this));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), new QLabel(tr("A new language applies when the studio starts again."), this));
    m_theme->addItem(tr("Follow the system"));
    m_theme->addItem(tr("Light"));
    m_theme->addItem(tr("Dark"));
    m_theme->setCurrentIndex(int(settings.theme));
    form->addRow(tr("&Theme:"), m_theme);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

StudioSettings SettingsDialog::settings() const {
    StudioSettings s;
    s.database = m_database->text().trimmed();
    s.language = m_language->currentData().toString();
    s.theme = StudioSettings::Theme(m_theme->currentIndex());
    return s;
}

} // namespace trainyard
