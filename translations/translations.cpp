#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace trainyard {

QString installTranslations(QCoreApplication &app, const QString &preferred) {
    QString forced = qEnvironmentVariable("TRAINYARD_LANG");
    if (forced.isEmpty())
        forced = preferred;
    const QLocale locale = forced.isEmpty() ? QLocale() : QLocale(forced);
    auto *translator = new QTranslator(&app);
    // No catalogue for the language (or a C locale): English, whose catalogue holds the plural forms.
    if (translator->load(locale, QStringLiteral("trainyard"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")) ||
        translator->load(QStringLiteral(":/i18n/trainyard_en"))) {
        QCoreApplication::installTranslator(translator);
        // Qt's own strings (dialog buttons, file dialogs, context menus) from Qt's catalogue in the same
        // language (Debian's qt6-translations-l10n), when it is installed.
        auto *qt = new QTranslator(&app);
        if (translator->language() != QStringLiteral("en") &&
            qt->load(QLocale(translator->language()), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
        return translator->language();
    }
    delete translator;
    return QStringLiteral("en");
}

} // namespace trainyard
