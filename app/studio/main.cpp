// trainyard-studio: the desktop application. A thin main over trainyard_widgets.
//   trainyard-studio [FILE...] [--run ID | --compare ID,ID... | --estimate MODEL] [--smoothing W]
//                    [--help] [--version]   (and --screenshot PNG, for scripts/screenshots.sh: saves the
//                    window once the files are shown, then quits)
#include "mainwindow.h"
#include "memoryview.h"
#include "runcomparemodel.h"
#include "rundashboard.h"
#include "settingsdialog.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct StudioText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::StudioText)
};

void describeOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(
        StudioText::tr("Trainyard Studio: configure, launch, watch and compare PyTorch training runs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"files"_s, StudioText::tr("accelerate configs (YAML or JSON) to open"),
                                 u"[FILE...]"_s);
    parser.addOption({u"run"_s, StudioText::tr("Open the charts of the run with this id."), u"ID"_s});
    parser.addOption(
        {u"compare"_s, StudioText::tr("Overlay these runs and list what differs."), u"ID,ID,..."_s});
    parser.addOption(
        {u"estimate"_s,
         StudioText::tr("Estimate the memory of a model (a folder, config.json or safetensors)."),
         u"MODEL"_s});
    parser.addOption(
        {u"smoothing"_s, StudioText::tr("Open run charts with this smoothing weight (0 to 0.999)."), u"W"_s});
    QCommandLineOption screenshot(u"screenshot"_s,
                                  StudioText::tr("Save the window to PNG once shown, then quit."), u"PNG"_s);
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp); // scripts/screenshots.sh
    parser.addOption(screenshot);
}

} // namespace

int main(int argc, char **argv) {
    // --help and --version answer without a display (QApplication would need one).
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version") {
            QCoreApplication core(argc, argv);
            QCoreApplication::setApplicationName(u"trainyard-studio"_s);
            QCoreApplication::setApplicationVersion(QStringLiteral(TRAINYARD_VERSION));
            trainyard::installTranslations(core);
            QCommandLineParser parser;
            describeOptions(parser);
            parser.process(core); // prints and exits
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Trainyard Studio"));
    QApplication::setOrganizationName(QStringLiteral("Trainyard"));
    QApplication::setApplicationVersion(QStringLiteral(TRAINYARD_VERSION));
    QApplication::setDesktopFileName(u"io.github.trainyard.Studio"_s); // the .desktop file (Wayland's app id)
    // The theme's icon when installed (hicolor, from packaging/), else the one built in (resources/).
    QApplication::setWindowIcon(
        QIcon::fromTheme(u"io.github.trainyard.Studio"_s, QIcon(u":/icons/trainyard.svg"_s)));
    const trainyard::StudioSettings settings = trainyard::StudioSettings::load();
    trainyard::installTranslations(app, settings.language);
    if (settings.theme != trainyard::StudioSettings::Theme::System)
        trainyard::applyTheme(settings.theme);
    QCommandLineParser parser;
    describeOptions(parser);
    if (!parser.parse(QApplication::arguments())) {
        fprintf(stderr, "trainyard-studio: %s\n%s\n", qPrintable(parser.errorText()),
                qPrintable(StudioText::tr("`trainyard-studio --help` lists the options.")));
        return 2;
    }
    const QStringList files = parser.positionalArguments();
    const QString screenshot = parser.value(u"screenshot"_s);
    const QString model = parser.value(u"estimate"_s); // 8 GPUs of 80 GiB, bf16, a device map on 2 x 24 GiB
    const QString run = parser.value(u"run"_s); // its charts open once the runs browser has read the database
    bool smoothingOk = true;
    const double smoothing =
        parser.isSet(u"smoothing"_s) ? parser.value(u"smoothing"_s).toDouble(&smoothingOk) : 0;
    if (!smoothingOk || smoothing < 0 || smoothing > 0.999) {
        fprintf(stderr, "trainyard-studio: %s\n",
                qPrintable(StudioText::tr("--smoothing takes a number from 0 to 0.999")));
        return 2;
    }
    const QStringList compare = parser.isSet(u"compare"_s)
                                    ? parser.value(u"compare"_s).split(u',', Qt::SkipEmptyParts)
                                    : QStringList();
    trainyard::MainWindow window;
    if (smoothing > 0) {
        const auto smooth = [smoothing](trainyard::RunDashboard *d) { d->setSmoothing(smoothing); };
        QObject::connect(&window, &trainyard::MainWindow::runOpened, &window, smooth);
        QObject::connect(&window, &trainyard::MainWindow::runsCompared, &window,
                         [smooth](trainyard::RunDashboard *d, trainyard::RunCompareModel *) { smooth(d); });
    }
    if (!screenshot.isEmpty())
        window.resize(1280, 800); // the screenshots' size; otherwise the window's own (its last, fitted)
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
        memory->setGpus(8);
        memory->setMixedPrecision(QStringLiteral("bf16"));
        memory->setGpuMemory(QStringLiteral("80GiB"));
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
