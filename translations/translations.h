// Installs Trainyard's translation for the user's language (or TRAINYARD_LANG) into an application.
#pragma once

#include <QString>

class QCoreApplication;

namespace trainyard {

// Returns the language installed ("en" when no catalogue matches).
QString installTranslations(QCoreApplication &app);

} // namespace trainyard
