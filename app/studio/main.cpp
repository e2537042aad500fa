// trainyard-studio: the desktop application. A thin main over trainyard_widgets.
//   trainyard-studio [FILE...] [--run ID | --compare ID,ID... | --estimate MODEL] [--smoothing W]
//                    [--screenshot PNG]   (--screenshot saves the window once the files are shown,
//   then quits)
#include "mainwindow.h"
#include "memoryview.h"
#include "runcomparemodel.h"
#include "rundashboard.h"
#include "settingsdialog.h"
#include "translations.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Trainyard Studio"));
    QApplication::setOrganizationName(QStringLiteral("Trainyard"));
    QApplication::setApplicationVersion(QStringLiteral(TRAINYARD_VERSION));
    const trainyard::StudioSettings settings = trainyard::StudioSettings::load();
    trainyard::installTranslations(app, settings.language);
    if (settings.theme != trainyard::StudioSettings::Theme::System)
        trainyard::applyTheme(settings.theme);
    QStringList files = app.arguments().mid(1);
    QString screenshot, run;
    if (const qsizetype i = files.indexOf(QStringLiteral("--screenshot")); i >= 0 && i + 1 < files.size()) {
        screenshot = files[i + 1];
        files.remove(i, 2);
    }
    QString model; // --estimate MODEL: the memory view estimates it (GPU 0..1 of 24 GiB, a CPU of 64 GiB)
    if (const qsizetype i = files.indexOf(QStringLiteral("--estimate")); i >= 0 && i + 1 < files.size()) {
        model = files[i + 1];
        files.remove(i, 2);
    }
    if (const qsizetype i = files.indexOf(QStringLiteral("--run")); i >= 0 && i + 1 < files.size()) {
        run = files[i + 1]; // a run id: its charts open once the runs browser has read the database
        files.remove(i, 2);
    }
    double smoothing = 0; // --smoothing W: run dashboards open with this EMA weight
    if (const qsizetype i = files.indexOf(QStringLiteral("--smoothing")); i >= 0 && i + 1 < files.size()) {
        smoothing = files[i + 1].toDouble();
        files.remove(i, 2);
    }
    QStringList compare; // --compare ID,ID,...: those runs overlaid with their differences
    if (const qsizetype i = files.indexOf(QStringLiteral("--compare")); i >= 0 && i + 1 < files.size()) {
        compare = files[i + 1].split(QLatin1Char(','));
        files.remove(i, 2);
    }
    trainyard::MainWindow window;
    if (smoothing > 0) {
        const auto smooth = [smoothing](trainyard::RunDashboard *d) { d->setSmoothing(smoothing); };
        QObject::connect(&window, &trainyard::MainWindow::runOpened, &window, smooth);
        QObject::connect(&window, &trainyard::MainWindow::runsCompared, &window,
                         [smooth](trainyard::RunDashboard *d, trainyard::RunCompareModel *) { smooth(d); });
    }
    window.resize(1280, 800);
    int pending = int(files.size());
    auto shoot = [&] {
        QTimer::singleShot(300, &window, [&] {
            window.grab().save(screenshot);
            QApplication::quit();
        });
    };
    if (!model.isEmpty()) {
        trainyard::MemoryView *memory = window.memoryView();
        memory->setModelPath(model);
        memory->setMaxMemory(QStringLiteral("0=24GiB,1=24GiB,cpu=64GiB"));
        window.showTab(memory);
        if (!screenshot.isEmpty())
            QObject::connect(memory, &trainyard::MemoryView::estimated, &window, shoot,
                             Qt::SingleShotConnection);
        memory->estimate();
    } else if (!screenshot.isEmpty() && !run.isEmpty()) {
        QObject::connect(&window, &trainyard::MainWindow::runOpened, &window,
                         [&](trainyard::RunDashboard *d) {
                             QObject::connect(d, &trainyard::RunDashboard::chartsUpdated, &window, shoot,
                                              Qt::SingleShotConnection);
                         });
    } else if (!screenshot.isEmpty() && !compare.isEmpty()) {
        QObject::connect(&window, &trainyard::MainWindow::runsCompared, &window,
                         [&](trainyard::RunDashboard *d, trainyard::RunCompareModel *) {
                             QObject::connect(d, &trainyard::RunDashboard::chartsUpdated, &window, shoot,
                                              Qt::SingleShotConnection);
                         });
    } else if (!screenshot.isEmpty()) {
        QObject::connect(&window, &trainyard::MainWindow::configShown, &window, [&] {
            if (--pending == 0)
                shoot();
        });
        if (pending == 0)
            shoot();
    }
    if (!run.isEmpty())
        window.openRunWhenListed(run);
    if (!compare.isEmpty())
        window.compareRunsWhenListed(compare);
    for (const QString &f : files)
        window.openConfig(f);
    window.show();
    return app.exec();
}
