// Installs Trainyard's translation into an application: TRAINYARD_LANG if set, else `preferred` (the studio's
// setting) if given, else the user's locale; English when there is no catalogue for it.
#pragma once

#include <QString>

class QCoreApplication;

namespace trainyard {

// Returns the language installed ("en" when no catalogue matches).
QString installTranslations(QCoreApplication &app, const QString &preferred = {});

} // namespace trainyard
