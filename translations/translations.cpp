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
    if (translator->load(locale, QStringLiteral("trainyard"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        return translator->language();
    }
    delete translator;
    return QStringLiteral("en");
}

} // namespace trainyard
