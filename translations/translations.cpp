#include "translations.h"

#include <QCoreApplication>
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
        return translator->language();
    }
    delete translator;
    return QStringLiteral("en");
}

} // namespace trainyard
