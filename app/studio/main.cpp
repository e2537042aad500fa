// trainyard-studio: the desktop application. A thin main over trainyard_widgets.
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Trainyard Studio"));
    QApplication::setOrganizationName(QStringLiteral("Trainyard"));
    QApplication::setApplicationVersion(QStringLiteral(TRAINYARD_VERSION));
    trainyard::installTranslations(app);
    trainyard::MainWindow window;
    const QStringList files = app.arguments().mid(1);
    for (const QString &f : files)
        window.openConfig(f);
    window.show();
    return app.exec();
}
