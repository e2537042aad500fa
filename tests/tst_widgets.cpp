// Studio views on the offscreen platform: the diagnostics model under QAbstractItemModelTester, and a config
// opened in the main window, read off the GUI thread.
#include "client.h"
#include "config/accelerateconfig.h"
#include "configdocument.h"
#include "configform.h"
#include "configview.h"
#include "configwizard.h"
#include "diagnosticsmodel.h"
#include "filedialogs.h"
#include "ingestserver.h"
#include "launch/runrecord.h"
#include "launchpanel.h"
#include "livepush.h"
#include "logsview.h"
#include "mainwindow.h"
#include "memory/estimate.h"
#include "memoryview.h"
#include "processes.h"
#include "queuemodel.h"
#include "queuepanel.h"
#include "runcomparemodel.h"
#include "rundashboard.h"
#include "runfeed.h"
#include "runsgroupmodel.h"
#include "runsmodel.h"
#include "settingsdialog.h"
#include "store.h"
#include "sweepview.h"
#include "testdatabase.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QUndoGroup>
#include <QUndoStack>
#include <csignal>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace trainyard;

namespace {

// A rank program that says it is ready, then sleeps.
QString writeSleeper(const QTemporaryDir &dir, int seconds) {
    const QString path = dir.filePath(u"sleeper.sh"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write("#!/bin/sh\necho \"ready $RANK\"\nexec sleep " + QByteArray::number(seconds) + "\n");
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return path;
}

// A running run whose launcher is this process (alive), with rank 0's points; pointsAt is given the run's
// start (wall ms). Returns the run's id, 0 on failure (with error).
qint64 createLiveRun(const QString &db, const QString &uid,
                     const std::function<std::vector<IncomingPoint>(qint64)> &pointsAt, QString *error) {
    StoreWriter w;
    if (!w.open(db, error))
        return 0;
    RunRow r;
    r.uid = uid;
    r.status = RunStatus::Running;
    r.launcher = launcherIdentity();
    r.startedMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 id = w.createRun(r, error);
    if (id <= 0 || !w.appendPoints(id, 0, pointsAt(r.startedMs), std::nullopt, error))
        return 0;
    return id;
}

// createLiveRun's points: `loss` = 1 / (1 + step) for steps 0..n-1, a millisecond apart.
std::function<std::vector<IncomingPoint>(qint64)> lossPoints(int n) {
    return [n](qint64 startedMs) {
        std::vector<IncomingPoint> points;
        for (int step = 0; step < n; ++step)
            points.push_back(IncomingPoint{u"loss"_s, step, 1.0 / (1 + step), startedMs + step});
        return points;
    };
}

} // namespace

class TestWidgets : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
private Q_SLOTS:
    void initTestCase() {
        // Settings (recent files, window state) go to a folder of the test's own.
        QCoreApplication::setOrganizationName(u"TrainyardTest"_s);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }
    void diagnosticsModel();
    void mainWindowOpensConfigOffTheGuiThread();
    void formEditsTheDocumentWithUndo();
    void formSavesWhatIsTypedAndUndoesInTheDocument();
    void formSectionsFollowTheDistributedType();
    void newConfigSavesAtomically();
    void runsModelOverARealDatabase();
    void dashboardFedByARealIngest();
    void dashboardDrawsPushedPoints();
    void eachChartIsPacedToFrames();
    void seenChartsAreReadFirst();
    void fileDialogsKeepTheStudiosReads();
    void dashboardDrawsOnlyWhatCanBeSeen();
    void legendHidesALine();
    void runFeedWithoutAWindow();
    void chartsKeepOneOrder();
    void dashboardFlagsSilentRanks();
    void runPageHeaderAndWidth();
    void importFromTheStudio();
    void tabFollowsARenamedRun();
    void compareTwoRuns();
    void settingsAndTheme();
    void closingAModifiedConfigAsks();
    void savingAConfigWithErrorsAsksAndTabsMarkChanges();
    void smallScreenKeepsEverythingReachable();
    void launchWatchStopReopenCompare();
    void launchStartedAndStoppedFromThePanel();
    void germanStudioFollowsItsLaunch();
    void launchPanelWorkingDirectoryAndRememberedFields();
    void severalRunsAtOnce();
    void launchPanelPlansAndChecksSshHosts();
    void launchPanelPreviewsTheSlurmBatchScript();
    void systemSeriesHaveTheirOwnSection();
    void quitKeepsARunThatTheNextStudioFollows();
    void runsListFollowsOtherProcesses();
    void runsListFollowsTheCliAfterAStudioLaunch();
    void runsFilterNotesAndTags();
    void runsGroupedByAParameter();
    void runsListNewestFirstWithParametersAndDeletedTabsClose();
    void emptyDatabaseShowsAHint();
    void logsFollowNewOutputAtTheEnd();
    void germanTranslation();
    void memoryViewEstimates();
    void logsViewFindsTheFirstError();
    void logFilterFollowsATail();
    void logsKeepAMillionLines();
    void wizardAsksTheQuestionnaire();
    void queueFromTheStudio();
    void sweepPage();
};

void TestWidgets::diagnosticsModel() {
    DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const AccelerateConfig c =
        AccelerateConfig::load(QStringLiteral(TRAINYARD_TEST_DATA) + u"/invalid/yaml11_traps.yaml"_s);
    HardwareInfo hw;
    hw.cudaDevices = 2;
    model.setDiagnostics(c.diagnostics(hw));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, DiagnosticsModel::SeverityColumn)).toString(), u"error"_s);
    QCOMPARE(model.data(model.index(0, DiagnosticsModel::LineColumn)).toInt(), 3);
    QCOMPARE(model.data(model.index(1, DiagnosticsModel::FieldColumn)).toString(), u"gpu_ids"_s);
    QVERIFY(
        model.data(model.index(1, DiagnosticsModel::MessageColumn)).toString().contains(u"gpu_ids: '1'"_s));
    model.setDiagnostics({});
    QCOMPARE(model.rowCount(), 0);
}

void TestWidgets::mainWindowOpensConfigOffTheGuiThread() {
    MainWindow w;
    w.show();
    QSignalSpy shown(&w, &MainWindow::configShown);
    const QString path = QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/legacy_fp16.yaml"_s;
    w.openConfig(path);
    QCOMPARE(w.tabCount(), 5); // the runs browser, the launch panel, the queue, the memory view, the config
    QVERIFY(shown.wait(10000));
    QCOMPARE(shown.first().first().toString(), path);
    QFile expected(QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/legacy_fp16.canonical.yaml"_s);
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QCOMPARE(w.viewAt(MainWindow::FixedTabs)->previewText(), QString::fromUtf8(expected.readAll()));
    QCOMPARE(w.viewAt(MainWindow::FixedTabs)->diagnosticsModel()->rowCount(),
             2); // the two legacy-key warnings
}

void TestWidgets::formEditsTheDocumentWithUndo() {
    ConfigView view;
    HardwareInfo hw;
    hw.cudaDevices = 2;
    view.load(AccelerateConfig::load(QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/fsdp.yaml"_s), hw);
    // Loading a file fills the fields.
    auto *processes = qobject_cast<QLineEdit *>(view.form()->editor(u"num_processes"_s));
    auto *strategy = qobject_cast<QComboBox *>(view.form()->editor(u"fsdp_config.fsdp_sharding_strategy"_s));
    QVERIFY(processes && strategy);
    QCOMPARE(processes->text(), u"2"_s);
    QCOMPARE(strategy->currentText(), u"FULL_SHARD"_s);
    // Editing a field changes the document and the YAML preview; undo brings both back.
    processes->setText(u"4"_s);
    Q_EMIT processes->editingFinished();
    QCOMPARE(view.document()->value(u"num_processes"_s), Value::integer(4));
    QVERIFY(view.previewText().contains(u"\nnum_processes: 4\n"_s));
    QVERIFY(view.document()->isModified());
    strategy->setCurrentIndex(strategy->findText(u"SHARD_GRAD_OP"_s));
    Q_EMIT strategy->activated(strategy->currentIndex());
    QVERIFY(view.previewText().contains(u"  fsdp_sharding_strategy: SHARD_GRAD_OP\n"_s));
    QCOMPARE(view.document()->undoStack()->count(), 2);
    view.document()->undoStack()->undo();
    QCOMPARE(strategy->currentText(), u"FULL_SHARD"_s);
    view.document()->undoStack()->undo();
    QCOMPARE(processes->text(), u"2"_s);
    QVERIFY(view.previewText().contains(u"\nnum_processes: 2\n"_s));
    QVERIFY(!view.document()->isModified());
    // A bad value is diagnosed at its field and in the list.
    processes->setText(u"two"_s);
    Q_EMIT processes->editingFinished();
    QVERIFY2(view.form()->problemText(u"num_processes"_s).contains(u"must be an integer"_s),
             qPrintable(view.form()->problemText(u"num_processes"_s)));
    QVERIFY(view.diagnosticsModel()->rowCount() >= 1);
    // Clearing a field removes the key.
    processes->clear();
    Q_EMIT processes->editingFinished();
    QVERIFY(view.document()->value(u"num_processes"_s).isNull());
}

// Typing then Ctrl+S without leaving the field saves what is typed; Ctrl+Z in the field undoes the whole
// typing in the document; a bad value is diagnosed at its real line and column with the value typed, the
// problem count follows, and a double-click on the problem goes to its field.
void TestWidgets::formSavesWhatIsTypedAndUndoesInTheDocument() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"fsdp.yaml"_s);
    QVERIFY(QFile::copy(QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/fsdp.yaml"_s, path));
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::WriteOwner);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy shown(&w, &MainWindow::configShown);
    w.openConfig(path);
    QVERIFY(shown.wait(10000));
    ConfigView *view = w.currentView();
    QVERIFY(view);
    auto *processes = qobject_cast<QLineEdit *>(view->form()->editor(u"num_processes"_s));
    QVERIFY(processes);
    QVERIFY(view->form()->focusField(u"num_processes"_s));
    QTRY_VERIFY(processes->hasFocus());
    processes->selectAll();
    QTest::keyClicks(processes, u"16"_s);
    QCOMPARE(processes->text(), u"16"_s);
    QTest::keyClick(processes, Qt::Key_S, Qt::ControlModifier); // Save, still in the field
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY2(saved.readAll().contains("\nnum_processes: 16\n"), "the typed value was not saved");
    QVERIFY(!view->document()->isModified());
    // Typing more, then Ctrl+Z in the field: the document (not the line editor) undoes the whole typing.
    QTest::keyClicks(processes, u"0"_s);
    QTest::keyClicks(processes, u"0"_s);
    QCOMPARE(processes->text(), u"1600"_s);
    QCOMPARE(view->document()->value(u"num_processes"_s).toInt(), 1600);
    QTest::keyClick(processes, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(view->document()->value(u"num_processes"_s).toInt(), 16);
    QCOMPARE(processes->text(), u"16"_s);
    QVERIFY(!view->document()->isModified());
    QTest::keySequence(processes, QKeySequence(QKeySequence::Redo));
    QCOMPARE(view->document()->value(u"num_processes"_s).toInt(), 1600);
    // A bad value: its real place and value in the text a save writes, the count, the jump to the field.
    processes->selectAll();
    QTest::keyClicks(processes, u"two"_s);
    const Diagnostics ds = view->document()->diagnostics();
    const auto bad =
        std::find_if(ds.begin(), ds.end(), [](const Diagnostic &d) { return d.field == u"num_processes"_s; });
    QVERIFY(bad != ds.end());
    QVERIFY2(bad->message.contains(u"'two'"_s), qPrintable(bad->message));
    const QStringList preview = view->previewText().split(u'\n');
    QVERIFY(bad->pos.isValid());
    QCOMPARE(preview.value(bad->pos.line - 1), u"num_processes: two"_s);
    QCOMPARE(bad->pos.column, 16);
    QCOMPARE(view->findChild<QLabel *>(u"problemSummary"_s)->text(), view->problemSummary());
    QVERIFY(view->problemSummary().contains(u"1 error"_s));
    w.showTab(w.launchPanel()); // focus elsewhere, then the problem brings it back to the field
    QTRY_VERIFY(!processes->hasFocus());
    w.showTab(view);
    QVERIFY(view->showProblem(int(bad - ds.begin())));
    QTRY_VERIFY(processes->hasFocus());
}

// A MULTI_CPU config opens General and MPI and folds DeepSpeed, FSDP, TPU...; a search shows matching fields
// only; a section with a value or a problem stays open.
void TestWidgets::formSectionsFollowTheDistributedType() {
    ConfigView view;
    view.resize(900, 700);
    view.show();
    view.load(AccelerateConfig::load(QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/0_28_0_mpi.yaml"_s),
              HardwareInfo());
    ConfigForm *form = view.form();
    QVERIFY(form->isSectionOpen(QString()));
    QVERIFY(form->isSectionOpen(u"mpirun_config"_s));
    QVERIFY(!form->isSectionOpen(u"deepspeed_config"_s));
    QVERIFY(!form->isSectionOpen(u"fsdp_config"_s));
    QVERIFY(!form->isSectionOpen(u"tpu"_s));
    QVERIFY(form->isSectionShown(u"deepspeed_config"_s)); // folded, with its count
    QVERIFY(!form->isFieldShown(u"deepspeed_config.zero_stage"_s));
    auto *header = form->findChild<QToolButton *>(u"section:deepspeed_config"_s);
    QVERIFY(header && header->text().contains(u"MULTI_CPU"_s));
    // Search: only matching fields, in opened sections; the rest hidden.
    form->setSearch(u"offload"_s);
    QVERIFY(form->isFieldShown(u"deepspeed_config.offload_optimizer_device"_s));
    QVERIFY(form->isFieldShown(u"fsdp_config.fsdp_offload_params"_s));
    QVERIFY(!form->isFieldShown(u"num_processes"_s));
    QVERIFY(!form->isSectionShown(u"mpirun_config"_s));
    form->setSearch({});
    QVERIFY(!form->isSectionOpen(u"deepspeed_config"_s));
    // Switching to DEEPSPEED opens its section; the user can fold it again.
    view.document()->setValue(u"distributed_type"_s, Value::string(u"DEEPSPEED"_s));
    QVERIFY(form->isSectionOpen(u"deepspeed_config"_s));
    QVERIFY(!form->isSectionOpen(u"fsdp_config"_s));
    header->click();
    QVERIFY(!form->isSectionOpen(u"deepspeed_config"_s));
    // Jumping to a field opens its section.
    QVERIFY(form->focusField(u"fsdp_config.fsdp_version"_s));
    QVERIFY(form->isSectionOpen(u"fsdp_config"_s));
}

void TestWidgets::newConfigSavesAtomically() {
    QTemporaryDir dir;
    MainWindow w;
    ConfigView *v = w.newConfig();
    QCOMPARE(w.currentView(), v);
    auto *mp = qobject_cast<QComboBox *>(v->form()->editor(u"mixed_precision"_s));
    mp->setCurrentIndex(mp->findText(u"bf16"_s));
    Q_EMIT mp->activated(mp->currentIndex());
    QVERIFY(v->document()->isModified());
    const QString path = dir.filePath(u"new.yaml"_s);
    QVERIFY(w.saveCurrent(path));
    QVERIFY(!v->document()->isModified());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QCOMPARE(text, v->previewText());
    QVERIFY(text.contains(u"mixed_precision: bf16\n"_s));
    QVERIFY(text.contains(u"distributed_type: 'NO'\n"_s));
    // Undo is the current tab's.
    QVERIFY(w.undoGroup()->canUndo());
}

void TestWidgets::runsModelOverARealDatabase() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"runs.db"_s);
    {
        StoreWriter w;
        QString error;
        QVERIFY(w.open(db, &error));
        for (int i = 0; i < 3; ++i) {
            RunRow r;
            r.uid = u"run-%1"_s.arg(i);
            r.name = u"name-%1"_s.arg(i);
            r.status = i == 2 ? RunStatus::Running : RunStatus::Finished;
            if (i == 2)
                r.launcher = launcherIdentity(); // supervised by this live process
            r.createdMs = 1000 * i;
            const qint64 id = w.createRun(r, &error);
            QVERIFY(w.appendPoints(id, 0, {IncomingPoint{u"loss"_s, 1, 0.5 + i, 0}}, std::nullopt, &error));
        }
    }
    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &RunsModel::loaded);
    model.reload(db);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0, RunsModel::NameColumn)).toString(), u"name-2"_s); // newest first
    QCOMPARE(model.data(model.index(0, RunsModel::StatusColumn), RunsModel::StatusRole).toString(),
             u"running"_s);
    QCOMPARE(model.data(model.index(0, RunsModel::StatusColumn)).toString(),
             RunsModel::statusText(RunStatus::Running));
    QCOMPARE(model.data(model.index(2, RunsModel::LatestColumn)).toString(), u"loss=0.5"_s);
    // A live run is not deleted (the CLI's rule); an ended one goes from the database and the list.
    QSignalSpy refused(&model, &RunsModel::failed);
    QSignalSpy reloaded(&model, &RunsModel::loaded);
    model.removeRun(db, model.data(model.index(0, 0), RunsModel::DatabaseIdRole).toLongLong());
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().first().toString().contains(u"still running"_s));
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy removed(&model, &RunsModel::loaded);
    model.removeRun(db, model.data(model.index(1, 0), RunsModel::DatabaseIdRole).toLongLong());
    QVERIFY(removed.wait(10000));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, RunsModel::NameColumn)).toString(), u"name-0"_s);
    // A database that is not there yet is an empty list, not an error.
    QSignalSpy again(&model, &RunsModel::loaded);
    model.reload(dir.filePath(u"none.db"_s));
    QVERIFY(again.wait(10000));
    QCOMPARE(model.rowCount(), 0);
}

// A run renamed after its tracker's project while its page is open: the tab says the new name.
void TestWidgets::tabFollowsARenamedRun() {
    const QString db = qEnvironmentVariable("TRAINYARD_DB");
    qint64 id = 0;
    RunRow r;
    {
        StoreWriter w;
        QString error;
        QVERIFY(w.open(db, &error));
        r.uid = u"rename-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        r.name = u"train-7e57"_s;
        r.status = RunStatus::Running; // live: renames come from a running run's tracker
        r.launcher = launcherIdentity();
        r.createdMs = r.startedMs = r.heartbeatMs = QDateTime::currentMSecsSinceEpoch();
        id = w.createRun(r, &error);
        QVERIFY(id);
        r.id = id;
    }
    MainWindow w;
    auto *tabs = w.findChild<QTabWidget *>();
    QVERIFY(tabs);
    RunDashboard *page = w.openRun(id, u"train-7e57"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!page->headerText().isEmpty(), 10000);
    {
        StoreWriter writer;
        QString error;
        QVERIFY(writer.open(db, &error));
        r.name = u"ddp-cpu-example-7e57"_s;
        QVERIFY(writer.updateRun(r, &error));
    }
    page->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(tabs->currentIndex()), u"ddp-cpu-example-7e57"_s, 10000);
    StoreWriter writer;
    QString error;
    QVERIFY(writer.open(db, &error));
    r.status = RunStatus::Finished;
    r.endedMs = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(writer.updateRun(r, &error));
}

// File > Import: the model imports off the GUI thread (an MLflow store here), says what it stored and what it
// skipped, and lists the new runs.
void TestWidgets::importFromTheStudio() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"db/trainyard.db"_s);
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    const QString store = dir.filePath(u"mlruns"_s);
    QVERIFY(
        write(store + u"/0/meta.yaml"_s, "artifact_location: x\nname: Default\nlifecycle_stage: active\n"));
    QVERIFY(write(store + u"/0/abc/meta.yaml"_s,
                  "run_id: abc\nrun_name: calm-owl\nstart_time: 1700000000000\nend_time: 1700000060000\n"
                  "status: 3\nlifecycle_stage: active\n"));
    QVERIFY(
        write(store + u"/0/abc/metrics/loss"_s, "1700000001000 0.5 1\n1700000002000 0.25 2\nnot a line\n"));
    QVERIFY(write(store + u"/0/abc/params/batch_size"_s, "64"));
    RunsModel model;
    QSignalSpy imported(&model, &RunsModel::imported);
    QSignalSpy loaded(&model, &RunsModel::loaded);
    model.importRuns(db, store);
    QVERIFY(imported.wait(10000));
    QCOMPARE(imported.first().at(1).toInt(), 1);
    QCOMPARE(imported.first().at(2).toLongLong(), 2);
    QCOMPARE(imported.first().at(3).toStringList().size(), 1); // the malformed line, named
    QVERIFY(imported.first().at(4).toString().isEmpty());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, RunsModel::NameColumn)).toString(), u"calm-owl"_s);
    QCOMPARE(model.parameterKeys(), QStringList{u"batch_size"_s});
    QCOMPARE(model.data(model.index(0, RunsModel::LatestColumn)).toString(), u"loss=0.25"_s);
    // A folder with nothing to import is an error the window shows, and the list stays.
    QSignalSpy refused(&model, &RunsModel::imported);
    model.importRuns(db, dir.filePath(u"db"_s));
    QVERIFY(refused.wait(10000));
    QVERIFY(refused.first().at(4).toString().contains(u"neither a TensorBoard logdir"_s));
}

void TestWidgets::systemSeriesHaveTheirOwnSection() {
    // The launcher's telemetry (system/*) is charted in a System section under the run's own metrics; a run
    // without telemetry shows no such section.
    QTemporaryDir dir;
    const QString db = dir.filePath(u"system.db"_s);
    QString error;
    qint64 withTelemetry = 0, without = 0;
    {
        StoreWriter w;
        QVERIFY(w.open(db, &error));
        for (qint64 *id : {&withTelemetry, &without}) {
            RunRow r;
            r.uid = id == &without ? u"plain"_s : u"telemetry"_s;
            r.status = RunStatus::Finished;
            r.createdMs = r.startedMs = 1'000'000;
            *id = w.createRun(r, &error);
            QVERIFY(
                w.appendPoints(*id, 0, {IncomingPoint{u"loss"_s, 1, 0.5, 1'000'000}}, std::nullopt, &error));
        }
        // Telemetry is sampled in time: its second sample, 30 s after the start, is its "step" 2.
        QVERIFY(w.appendPoints(withTelemetry, 0,
                               {IncomingPoint{u"system/cpu_percent"_s, 1, 95, 1'000'000},
                                IncomingPoint{u"system/cpu_percent"_s, 2, 90, 1'030'000},
                                IncomingPoint{u"system/gpu_memory_bytes"_s, 1, 1 << 30, 1'000'000}},
                               std::nullopt, &error));
    }
    RunDashboard dash(db, withTelemetry);
    dash.show();
    QTRY_COMPARE_WITH_TIMEOUT(dash.keys().size(), 3, 10000);
    auto *system = dash.findChild<QGroupBox *>(u"systemSection"_s);
    QVERIFY(system && system->isVisible());
    // Charts carry their metric's key (the property the dashboard sets on each plot).
    auto inSystem = [&](const QString &key) {
        const QList<QWidget *> charts = system->findChildren<QWidget *>();
        return std::any_of(charts.cbegin(), charts.cend(),
                           [&](const QWidget *w) { return w->property("metricKey").toString() == key; });
    };
    QVERIFY(inSystem(u"system/cpu_percent"_s));
    QVERIFY(inSystem(u"system/gpu_memory_bytes"_s));
    QVERIFY(!inSystem(u"loss"_s));
    // Telemetry is drawn against seconds since the start (issue 28, item 6), the run's metrics against steps.
    QTRY_COMPARE_WITH_TIMEOUT(dash.chartData(u"system/cpu_percent"_s).xMax, 30.0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(dash.chartData(u"loss"_s).xMax, 1.0, 10000); // read in the order charts show
    RunDashboard plain(db, without);
    plain.show();
    QTRY_COMPARE_WITH_TIMEOUT(plain.keys().size(), 1, 10000);
    QVERIFY(!plain.findChild<QGroupBox *>(u"systemSection"_s)->isVisible());
}

void TestWidgets::dashboardFedByARealIngest() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"live.db"_s);
    QString error;
    qint64 runId = 0;
    {
        StoreWriter w;
        QVERIFY(w.open(db, &error));
        RunRow r;
        r.uid = u"live"_s;
        r.status = RunStatus::Finished;
        runId = w.createRun(r, &error);
    }
    IngestService service;
    QVERIFY2(service.start(db, &error), qPrintable(error));
    service.server()->registerRun(u"live"_s, runId, "tok");
    for (int rank = 0; rank < 2; ++rank) {
        TrackerClient c;
        std::string e;
        QVERIFY(c.connect("127.0.0.1", service.port(), "tok", "live", rank,
                          std::string("c").append(std::to_string(rank)), &e));
        for (int step = 0; step < 50000; ++step)
            c.log("loss", step, step == 31337 && rank == 1 ? 99.0 : 1.0 / (1 + step));
        QVERIFY(c.flush(&e));
    }
    RunDashboard dash(db, runId);
    dash.resize(1200, 600);
    dash.show();
    QSignalSpy updated(&dash, &RunDashboard::chartsUpdated);
    QVERIFY(updated.wait(10000));
    QCOMPARE(dash.keys(), QStringList{u"loss"_s});
    // Both ranks, downsampled to about a bucket per pixel, and the one-point spike is still there.
    QVERIFY(dash.pointCount(u"loss"_s) > 0);
    QVERIFY(dash.pointCount(u"loss"_s) < 2 * 50000);
    QCOMPARE(dash.valueRange(u"loss"_s).second, 99.0);
    // Zooming asks for the visible steps only.
    dash.showSteps(40000, 41000);
    // Drawn at the chart's next frame: a drawing still due from before the zoom may come first.
    QTRY_VERIFY_WITH_TIMEOUT(dash.valueRange(u"loss"_s).second < 0.001, 10000);
    const auto range = dash.valueRange(u"loss"_s);
    QVERIFY(range.second < 0.001 && range.first > 0);
    // What is shown can be exported: the buckets as CSV, the charts as PNG.
    const QString csv = dir.filePath(u"loss.csv"_s);
    QVERIFY2(dash.exportCsv(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.first(),
             QByteArray("key,run,rank,first_step,last_step,first,min,max,last,count,smoothed"));
    QVERIFY(lines.size() > 3);
    QVERIFY(lines[1].startsWith(QByteArray(QByteArray("loss,") + QByteArray::number(runId) + ",0,39")));
    // The files an export would write are known before (the studio asks before replacing any of them).
    const QStringList pngs = dash.exportFiles(dir.path(), u".png"_s);
    QCOMPARE(pngs, QStringList{dir.filePath(u"live_loss.png"_s)});
    QVERIFY(!QFileInfo::exists(pngs.first()));
    QVERIFY(dash.exportPng(dir.path(), &error));
    QVERIFY(QFileInfo::exists(pngs.first()));
    QCOMPARE(dash.fileStem(), u"live"_s);
    QVERIFY(QFileInfo(dir.filePath(u"live_loss.png"_s)).size() > 0); // RUN_METRIC: no clash across runs
    QVERIFY2(dash.exportSvg(dir.path(), &error), qPrintable(error));
    QFile svg(dir.filePath(u"live_loss.svg"_s));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
    // The raw points, as `trainyard runs export` writes them (the run by its id), off the GUI thread.
    QSignalSpy exported(&dash, &RunDashboard::pointsExported);
    const QString raw = dir.filePath(u"raw.csv"_s);
    dash.exportPoints(raw);
    QVERIFY(exported.wait(20000));
    QCOMPARE(exported.first().at(1).toString(), QString());
    QFile rawFile(raw);
    QVERIFY(rawFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rawLines = rawFile.readAll().split('\n');
    QCOMPARE(rawLines.first(), QByteArray("run,rank,key,step,value,wall_time"));
    QVERIFY2(rawLines.value(1).startsWith("live,0,loss,0,1,"), rawLines.value(1).constData());
    QCOMPARE(rawLines.size(), 1 + 2 * 50000 + 1); // every point of both ranks, and the last newline
    // A .jsonl file gets JSON Lines, as `runs export --format jsonl` (what `runs import` reads back).
    exported.clear();
    const QString jsonl = dir.filePath(u"raw.jsonl"_s);
    dash.exportPoints(jsonl);
    QVERIFY(exported.wait(20000));
    QCOMPARE(exported.first().at(1).toString(), QString());
    QFile jsonlFile(jsonl);
    QVERIFY(jsonlFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> jsonLines = jsonlFile.readAll().split('\n');
    QVERIFY2(jsonLines.first().startsWith("{\"created_ms\""), jsonLines.first().constData());
    QVERIFY(jsonLines.first().contains("\"type\":\"run\""));
    QCOMPARE(jsonLines.count(QByteArray()), 1); // the last newline
    qsizetype points = 0;
    for (const QByteArray &line : jsonLines)
        points += line.contains("\"type\":\"point\"") ? 1 : 0;
    QCOMPARE(points, 2 * 50000);
    // The crosshair reads every curve at its x.
    dash.moveCrosshair(u"loss"_s, 40500);
    const QString readout = dash.crosshairText(u"loss"_s);
    QVERIFY2(readout.startsWith(u"step 40500\nrank 0: 2.4690"_s), qPrintable(readout));
    QVERIFY2(readout.contains(u"rank 1: 2.4690"_s), qPrintable(readout));
    // Smoothing adds a curve per rank over the faded raw one; the mean of ranks draws one line with a band.
    dash.setSmoothing(0.9);
    QTRY_COMPARE_WITH_TIMEOUT(dash.curveCount(u"loss"_s), 4, 10000);
    QVERIFY(!dash.chartData(u"loss"_s).lines[0].smoothX.isEmpty());
    dash.setAggregateRanks(true);
    QTRY_COMPARE_WITH_TIMEOUT(dash.chartData(u"loss"_s).lines.size(), 1, 10000);
    QCOMPARE(dash.curveCount(u"loss"_s), 4); // band low, band high, mean, smoothed mean
    // Back to everything: the spike on rank 1 is the top of the band.
    dash.showAll();
    QTRY_COMPARE_WITH_TIMEOUT(dash.valueRange(u"loss"_s).second, 99.0, 10000);
    dash.setLogScale(true);
}

// A launcher's committed points reach an open dashboard through the studio's push socket and continue its
// curves without a read of the database; a gap makes it read again, and what it reads is the truth.
void TestWidgets::dashboardDrawsPushedPoints() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"push.db"_s);
    QString error;
    qint64 runId = 0;
    RunRow pushedRow;
    {
        StoreWriter w;
        QVERIFY(w.open(db, &error));
        RunRow r;
        r.uid = u"pushed"_s;
        r.status = RunStatus::Running;
        r.launcher = launcherIdentity(); // alive: this process
        r.startedMs = QDateTime::currentMSecsSinceEpoch();
        runId = w.createRun(r, &error);
        pushedRow = r;
        pushedRow.id = runId;
    }
    PushReceiver receiver;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    IngestService service;
    QVERIFY2(service.start(db, &error), qPrintable(error));
    service.server()->registerRun(u"pushed"_s, runId, "tok");
    QMetaObject::invokeMethod(
        service.server(), [&] { service.server()->pushTo(receiver.serverPath(), {}, pushedRow); },
        Qt::BlockingQueuedConnection);
    TrackerClient c;
    std::string e;
    QVERIFY(c.connect("127.0.0.1", service.port(), "tok", "pushed", 0, "c0", &e));
    for (int step = 0; step < 3000; ++step)
        c.log("loss", step, 1.0 / (1 + step));
    QVERIFY(c.flush(&e));
    RunDashboard dash(db, runId);
    connect(&receiver, &PushReceiver::received, &dash, &RunDashboard::push);
    dash.resize(1000, 500);
    dash.show();
    dash.setSmoothing(0.5);
    QSignalSpy updated(&dash, &RunDashboard::chartsUpdated);
    QTRY_COMPARE_WITH_TIMEOUT(dash.chartData(u"loss"_s).lines.value(0).nextSeq, 3000, 10000);
    QTRY_VERIFY(dash.graphsMade() > 0);
    const qint64 made = dash.graphsMade();
    // New points: drawn from the push, with the smoothed curve continued.
    for (int step = 3000; step < 3010; ++step)
        c.log("loss", step, step == 3009 ? 42.0 : 0.5);
    QVERIFY(c.flush(&e));
    QTRY_VERIFY_WITH_TIMEOUT(dash.pushedPointsDrawn() >= 10, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(dash.chartData(u"loss"_s).lines.value(0).buckets.last().values.lastValue, 42.0,
                              10000);
    const ChartLine line = dash.chartData(u"loss"_s).lines.value(0);
    QCOMPARE(line.nextSeq, 3010);
    QCOMPARE(line.buckets.last().values.lastStep, 3009);
    QVERIFY(!std::isnan(line.buckets.last().smoothed));
    QTRY_COMPARE(dash.valueRange(u"loss"_s).second, 42.0); // on screen at the next repaint
    // Streaming replaces the graphs' data; they are made again only when the lines change (here the
    // smoothing).
    QCOMPARE(dash.graphsMade(), made);
    QCOMPARE(dash.visibleCurveCount(u"loss"_s), 2); // the points and their smoothed curve
    dash.setSmoothing(0);
    QTRY_COMPARE(dash.graphsMade(), made + 1);
    QCOMPARE(dash.visibleCurveCount(u"loss"_s), 1);
    QCOMPARE(dash.valueRange(u"loss"_s).second, 42.0);
    dash.setSmoothing(0.5);
    QTRY_COMPARE(dash.visibleCurveCount(u"loss"_s), 2);
    // A pushed point that does not follow (seq 5000 of a series of 3010) is not drawn; the chart reads the
    // database again and shows what is stored.
    const qint64 drawn = dash.pushedPointsDrawn();
    dash.push(PushedSeries{runId, 0, u"loss"_s, {PushedPoint{5000, 5000, 1e9, 0}}});
    updated.clear();
    QVERIFY(updated.wait(10000));
    QCOMPARE(dash.pushedPointsDrawn(), drawn);
    QVERIFY(dash.valueRange(u"loss"_s).second < 1e9);
    // Points of another run are not this dashboard's.
    dash.push(PushedSeries{runId + 1, 0, u"loss"_s, {PushedPoint{3010, 3010, 7.0, 0}}});
    QCOMPARE(dash.pushedPointsDrawn(), drawn);
    // One live source: a state its launcher pushes is read at once; while the launcher feeds it, the
    // database's changes (the watcher's refresh) do not make it read the runs and their series again.
    const qint64 loads = dash.databaseLoads();
    dash.runChanged(PushedRun{{}, runId, u"pushed"_s, RunStatus::Running, 0});
    QTRY_COMPARE(dash.databaseLoads(), loads + 1);
    for (int i = 0; i < 20; ++i)
        dash.refresh();
    dash.runChanged(PushedRun{{}, runId + 1, u"other"_s, RunStatus::Finished, 0}); // not this dashboard's
    QTest::qWait(300);
    QCOMPARE(dash.databaseLoads(), loads + 1);
}

// Issue 29: a run page on a hidden tab keeps its data current but draws nothing; shown again, it draws what
// arrived meanwhile at the next frame.
void TestWidgets::dashboardDrawsOnlyWhatCanBeSeen() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"hidden.db"_s);
    QString error;
    const qint64 runId = createLiveRun(db, u"hidden"_s, lossPoints(100), &error);
    QVERIFY2(runId > 0, qPrintable(error));
    QTabWidget tabs;
    tabs.addTab(new QLabel(u"another page"_s), u"other"_s);
    auto *dash = new RunDashboard(db, runId);
    tabs.addTab(dash, u"run"_s);
    tabs.resize(1000, 600);
    tabs.setCurrentIndex(1);
    tabs.show();
    QTRY_COMPARE_WITH_TIMEOUT(dash->pointCount(u"loss"_s), 100, 10000);
    tabs.setCurrentIndex(0); // the run's page is hidden
    QSignalSpy updated(dash, &RunDashboard::chartsUpdated);
    QVector<PushedPoint> more;
    for (int seq = 100; seq < 110; ++seq)
        more << PushedPoint{seq, seq, seq == 109 ? 42.0 : 0.5, 0};
    dash->push(PushedSeries{runId, 0, u"loss"_s, more});
    QCOMPARE(dash->chartData(u"loss"_s).lines.value(0).nextSeq, 110); // the data follows
    QTest::qWait(200);                                                // a dozen frames
    QCOMPARE(updated.size(), 0);                                      // but nothing was drawn
    QVERIFY(dash->valueRange(u"loss"_s).second < 42.0);
    tabs.setCurrentIndex(1); // shown: drawn at the next frame
    QVERIFY(updated.wait(5000));
    QCOMPARE(dash->valueRange(u"loss"_s).second, 42.0);
}

// Issue 28, item 7: a click on a legend entry hides its line (the value axis then fits the others) and a
// second click shows it again.
void TestWidgets::legendHidesALine() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"legend.db"_s);
    QString error;
    qint64 runId = 0;
    {
        StoreWriter w;
        QVERIFY(w.open(db, &error));
        RunRow r;
        r.uid = u"legend"_s;
        r.status = RunStatus::Finished;
        runId = w.createRun(r, &error);
        for (int rank = 0; rank < 2; ++rank) {
            std::vector<IncomingPoint> points;
            for (int step = 0; step < 50; ++step)
                points.push_back(
                    IncomingPoint{u"loss"_s, step, rank == 0 ? 1.0 + step * 0.01 : 100.0 + step, 0});
            QVERIFY(w.appendPoints(runId, rank, points, std::nullopt, &error));
        }
    }
    RunDashboard dash(db, runId);
    dash.show();
    QTRY_COMPARE_WITH_TIMEOUT(dash.pointCount(u"loss"_s), 100, 10000);
    const int curves = dash.visibleCurveCount(u"loss"_s);
    QVERIFY(dash.valueAxis(u"loss"_s).second >= 149.0);
    dash.toggleLine(u"loss"_s, u"rank 1"_s);
    QCOMPARE(dash.visibleCurveCount(u"loss"_s), curves - 1);
    QVERIFY2(dash.valueAxis(u"loss"_s).second < 3.0,
             qPrintable(QString::number(dash.valueAxis(u"loss"_s).second)));
    dash.toggleLine(u"loss"_s, u"rank 1"_s);
    QCOMPARE(dash.visibleCurveCount(u"loss"_s), curves);
    QVERIFY(dash.valueAxis(u"loss"_s).second >= 149.0);
    // The legend has an entry per line (the dashboard makes them itself): the raw curve's, or with smoothing
    // the smoothed curve's; a mean's band has none, and one line needs no legend.
    QCOMPARE(dash.legendEntries(u"loss"_s), (QStringList{u"rank 0"_s, u"rank 1"_s}));
    dash.setSmoothing(0.5);
    QTRY_COMPARE_WITH_TIMEOUT(dash.legendEntries(u"loss"_s),
                              (QStringList{u"rank 0 (smoothed)"_s, u"rank 1 (smoothed)"_s}), 10000);
    dash.setSmoothing(0);
    dash.setAggregateRanks(true);
    QTRY_VERIFY_WITH_TIMEOUT(dash.legendEntries(u"loss"_s).size() == 1 &&
                                 dash.legendEntries(u"loss"_s).constFirst().startsWith(u"mean of 2 rank"_s),
                             10000); // "ranks" with the English translation loaded
    QVERIFY(!dash.legendShown(u"loss"_s));
}

// Issue 29: a streaming chart is drawn at most once a frame (60 Hz), each on its own pace, and none is
// starved while the others stream; a chart whose data did not change is not drawn at all.
void TestWidgets::eachChartIsPacedToFrames() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"paced.db"_s);
    QString error;
    const QStringList keys{u"a"_s, u"b"_s, u"c"_s, u"still"_s};
    const qint64 runId = createLiveRun(
        db, u"paced"_s,
        [&](qint64 startedMs) {
            std::vector<IncomingPoint> points;
            for (const QString &key : keys)
                points.push_back(IncomingPoint{key, 0, 1.0, startedMs});
            return points;
        },
        &error);
    QVERIFY2(runId > 0, qPrintable(error));
    RunDashboard dash(db, runId);
    dash.resize(1000, 1200); // every chart on screen
    dash.show();
    QTRY_VERIFY_WITH_TIMEOUT(dash.keys() == keys && dash.pointCount(u"c"_s) == 1, 10000);
    QTest::qWait(100); // the first reads drawn
    QHash<QString, QList<qint64>> drawnAt;
    QElapsedTimer clock;
    clock.start();
    connect(&dash, &RunDashboard::drawingChart, &dash,
            [&](const QString &key) { drawnAt[key] << clock.nsecsElapsed(); });
    QHash<QString, int> changed; // what the feed said changed (a read, a push)
    connect(dash.feed(), &RunFeed::chartChanged, &dash, [&](const QString &key) { ++changed[key]; });
    // 600 ms of a point per streaming chart every millisecond or so; the charts start apart (0, 5 and 11 ms),
    // so that each has a pace of its own.
    QHash<QString, qint64> next{{u"a"_s, 1}, {u"b"_s, 1}, {u"c"_s, 1}};
    const QHash<QString, int> startMs{{u"a"_s, 0}, {u"b"_s, 5}, {u"c"_s, 11}};
    while (clock.elapsed() < 600) {
        for (auto it = next.begin(); it != next.end(); ++it)
            if (clock.elapsed() >= startMs.value(it.key())) {
                dash.push(PushedSeries{runId, 0, it.key(), {PushedPoint{*it, *it, double(*it), 0}}});
                ++*it;
            }
        QTest::qWait(1);
    }
    QTest::qWait(50);
    for (const QString &key : {u"a"_s, u"b"_s, u"c"_s}) {
        const QList<qint64> at = drawnAt.value(key);
        QVERIFY2(at.size() >= 10, qPrintable(u"%1 drawn %2 times in 600 ms"_s.arg(key).arg(at.size())));
        for (qsizetype i = 1; i < at.size(); ++i)
            QVERIFY2(
                at[i] - at[i - 1] >= 15'000'000, // 16.7 ms by the page's clock, this one read apart
                qPrintable(u"%1 drawn twice within %2 ms"_s.arg(key).arg(double(at[i] - at[i - 1]) / 1e6)));
        QCOMPARE(dash.chartData(key).lines.value(0).nextSeq, next.value(key)); // every pushed point is there
    }
    // A chart whose data did not change is not drawn; one read again (a resize, the live tick) is drawn once
    // per read at most.
    QVERIFY(drawnAt.value(u"still"_s).size() <= changed.value(u"still"_s));
    QVERIFY(changed.value(u"still"_s) < 5);
}

// Issue 29: while a watched run changes, the charts that can be seen are read first; one that cannot waits
// until it shows, or at most RunFeed::UnseenMs.
void TestWidgets::seenChartsAreReadFirst() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"seen.db"_s);
    QString error;
    const qint64 runId = createLiveRun(
        db, u"seen"_s,
        [](qint64 startedMs) {
            std::vector<IncomingPoint> points;
            for (const QString &key : {u"a"_s, u"b"_s, u"c"_s})
                points.push_back(IncomingPoint{key, 0, 1.0, startedMs});
            return points;
        },
        &error);
    QVERIFY2(runId > 0, qPrintable(error));
    RunFeed feed(db, {runId});
    QSet<QString> seen{u"a"_s};
    feed.setSeen([&](const QString &key) { return seen.contains(key); });
    QStringList read;
    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> readAtMs;
    qint64 loadedAtMs = -1; // the charts are asked for right after the runs are read
    connect(&feed, &RunFeed::loaded, &feed, [&] {
        if (loadedAtMs < 0)
            loadedAtMs = clock.elapsed();
    });
    connect(&feed, &RunFeed::chartChanged, &feed, [&](const QString &key) {
        read << key;
        readAtMs.insert(key, clock.elapsed());
    });
    feed.loadSeries();
    QTRY_VERIFY_WITH_TIMEOUT(read.contains(u"a"_s), 10000);
    QTest::qWait(200);
    QCOMPARE(read, QStringList{u"a"_s}); // b and c wait: nobody sees them
    seen << u"b"_s;
    feed.shown(u"b"_s); // b scrolled into view: read now
    QTRY_VERIFY_WITH_TIMEOUT(read.contains(u"b"_s), 10000);
    QVERIFY(readAtMs.value(u"b"_s) < loadedAtMs + RunFeed::UnseenMs); // not for having waited
    QTRY_VERIFY_WITH_TIMEOUT(read.contains(u"c"_s), 10000); // read anyway once it has waited long enough
    QVERIFY2(readAtMs.value(u"c"_s) >= loadedAtMs + RunFeed::UnseenMs - 5, // whole milliseconds, two clocks
             qPrintable(u"%1 ms after the load"_s.arg(readAtMs.value(u"c"_s) - loadedAtMs)));
    QCOMPARE(feed.chartData(u"c"_s).lines.value(0).nextSeq, 1);
}

// Issue 28, item 0: the studio's runs list stopped following the database ("database disk image is
// malformed") while `trainyard runs list` read it fine, until the studio restarted. Qt's file dialogs read
// each listed file to choose its icon; closing those descriptors dropped every POSIX lock the studio held on
// the database's files, SQLite's included, so the next command's last connection deleted the -shm index the
// studio still mapped, and the studio read through a stale one from then on. The studio's dialogs list files
// by name (ListedFileIcons); with QFileIconProvider in its place this case reads stale rows.
void TestWidgets::fileDialogsKeepTheStudiosReads() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"runs.db"_s);
    QString error;
    const qint64 id = createLiveRun(db, u"run-a"_s, lossPoints(10), &error);
    QVERIFY2(id > 0, qPrintable(error));
    StoreReader held; // the studio's long-lived connections (the watcher, run pages)
    QVERIFY2(held.open(db, &error), qPrintable(error));
    QCOMPARE(held.runs().size(), 1);
    // A dialog showing the database's folder (Settings' Browse starts there) gathers every file's icon and
    // type.
    ListedFileIcons icons;
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        QVERIFY(QFileInfo::exists(db + suffix));
        icons.icon(QFileInfo(db + suffix));
        QVERIFY(!icons.type(QFileInfo(db + suffix)).isEmpty());
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TRAINYARD_DB"_s, db);
    QCOMPARE(test::runCli({u"runs"_s, u"tag"_s, u"run-a"_s, u"team=vision"_s}, env).exitCode, 0);
    QCOMPARE(test::runCli({u"runs"_s, u"tag"_s, u"run-a"_s, u"seed=7"_s}, env).exitCode, 0);
    // The next run's launcher writes and keeps its connection (its log holds what it wrote).
    QProcess writer;
    writer.start(u"python3"_s,
                 {u"-c"_s,
                  u"import sqlite3, sys\n"
                  u"c = sqlite3.connect(sys.argv[1])\n"
                  u"c.execute('UPDATE runs SET name = ?', ('run-a2',))\n"
                  u"c.execute('CREATE TABLE probe(x)')\n"
                  u"c.executemany('INSERT INTO probe VALUES (?)', [(i,) for i in range(50000)])\n"
                  u"c.commit()\n"
                  u"print('ready', flush=True)\n"
                  u"sys.stdin.read()\n"_s,
                  db});
    QVERIFY(writer.waitForReadyRead(20000));
    QCOMPARE(writer.readAll().trimmed(), QByteArray("ready"));
    StoreReader fresh; // the runs list's read: a new connection each time
    QVERIFY2(fresh.open(db, &error), qPrintable(error));
    QCOMPARE(fresh.tags(id).value(u"team"_s), u"vision"_s);
    QCOMPARE(fresh.tags(id).value(u"seed"_s), u"7"_s);
    QCOMPARE(fresh.runs().value(0).name, u"run-a2"_s);
    QVERIFY2(fresh.error().isEmpty(), qPrintable(fresh.error()));
    QCOMPARE(held.runs().value(0).name, u"run-a2"_s);
    QVERIFY2(held.error().isEmpty(), qPrintable(held.error()));
    writer.closeWriteChannel();
    QVERIFY(writer.waitForFinished(20000));
    // The dialogs themselves: a name typed into the save dialog comes back as its path, a folder as itself.
    const auto answer = [](const QString &typed) {
        auto *poll = new QTimer; // until the dialog is up (its making may take a while on a loaded machine)
        poll->setInterval(50);
        QObject::connect(poll, &QTimer::timeout, poll, [poll, typed] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *d = qobject_cast<QFileDialog *>(w); d && d->isVisible()) {
                    poll->stop();
                    poll->deleteLater();
                    QVERIFY(d->testOption(QFileDialog::DontUseNativeDialog));
                    if (auto *name = d->findChild<QLineEdit *>(u"fileNameEdit"_s); name && !typed.isEmpty())
                        name->setText(typed); // as typed: selectFile leaves a focused name field alone
                    static_cast<QDialog *>(d)->done(QDialog::Accepted);
                    return;
                }
        });
        poll->start();
    };
    answer(dir.filePath(u"chosen.db"_s));
    QCOMPARE(
        fileDialogs::getSaveFileName(nullptr, u"Run database"_s, dir.path(), u"SQLite database (*.db)"_s),
        dir.filePath(u"chosen.db"_s));
    answer({});
    QCOMPARE(fileDialogs::getExistingDirectory(nullptr, u"Folder"_s, dir.path()), dir.path());
    answer(db);
    QCOMPARE(fileDialogs::getOpenFileName(nullptr, u"Open"_s, dir.path()), db);
}

// The data of a run page is a RunFeed, driven here with no widget at all: it reads the runs and their series,
// answers a query per chart, continues a chart with pushed points that follow it, and reads again at a gap.
void TestWidgets::runFeedWithoutAWindow() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"feed.db"_s);
    QString error;
    const qint64 runId = createLiveRun(db, u"feed"_s, lossPoints(500), &error);
    QVERIFY2(runId > 0, qPrintable(error));
    RunFeed feed(db, {runId});
    QSignalSpy loaded(&feed, &RunFeed::loaded);
    QSignalSpy changed(&feed, &RunFeed::chartChanged);
    feed.loadSeries();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(feed.keys(), QStringList{u"loss"_s});
    QVERIFY(!loaded.first().first().value<LoadedRuns>().ended);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    QVERIFY(feed.live());
    ChartData data = feed.chartData(u"loss"_s);
    QCOMPARE(data.lines.size(), 1);
    QCOMPARE(data.lines[0].nextSeq, 500);
    // Points that follow: continued without a read.
    const qint64 loads = feed.databaseLoads();
    changed.clear();
    feed.push(
        PushedSeries{runId, 0, u"loss"_s, {PushedPoint{500, 500, 0.5, 0}, PushedPoint{501, 501, 0.25, 0}}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(feed.pushedPointsApplied(), 2);
    QCOMPARE(feed.chartData(u"loss"_s).lines[0].nextSeq, 502);
    // A gap (seq 900 of a series of 502): not drawn; the chart is read again.
    changed.clear();
    feed.push(PushedSeries{runId, 0, u"loss"_s, {PushedPoint{900, 900, 1e9, 0}}});
    QCOMPARE(feed.pushedPointsApplied(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 2, 10000); // the push, then the answer of the read
    // What was read, continued with the pushed points that follow it (500, 501); never the one after the gap.
    const ChartLine line = feed.chartData(u"loss"_s).lines[0];
    QCOMPARE(line.nextSeq, 502);
    for (const ChartBucket &b : line.buckets)
        QVERIFY(b.values.maxValue < 1e9);
    QCOMPARE(feed.databaseLoads(), loads); // a chart's query, not a read of the runs
}

// Charts are ordered by key whatever order their metrics were first logged in: a metric that appears later
// takes its place among the others instead of going last.
void TestWidgets::chartsKeepOneOrder() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"order.db"_s);
    QString error;
    StoreWriter w;
    QVERIFY(w.open(db, &error));
    RunRow r;
    r.uid = u"order"_s;
    r.status = RunStatus::Running;
    r.launcher = launcherIdentity(); // live: this process
    r.startedMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 id = w.createRun(r, &error);
    QVERIFY(w.appendPoints(id, 0, {IncomingPoint{u"zeta"_s, 1, 1.0, r.startedMs}}, std::nullopt, &error));
    RunDashboard dash(db, id);
    dash.resize(1000, 600);
    dash.show();
    QTRY_COMPARE_WITH_TIMEOUT(dash.keys(), QStringList{u"zeta"_s}, 10000);
    QVERIFY(w.appendPoints(id, 0, {IncomingPoint{u"alpha"_s, 1, 2.0, r.startedMs}}, std::nullopt, &error));
    dash.refresh(); // as the database watcher would
    QTRY_COMPARE_WITH_TIMEOUT(dash.keys().size(), 2, 10000);
    const auto plotOf = [&](const QString &key) -> QWidget * {
        for (QWidget *child : dash.findChildren<QWidget *>())
            if (child->property("metricKey").toString() == key)
                return child;
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(plotOf(u"alpha"_s) && plotOf(u"zeta"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(plotOf(u"alpha"_s)->x() < plotOf(u"zeta"_s)->x(), 10000);
}

// The launcher's watchdog rows in the database flag silent ranks on the run page until they are active again;
// "Python Stacks" signals the run's launcher (here a stand-in process, which SIGUSR1 ends).
void TestWidgets::dashboardFlagsSilentRanks() {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"silent.db"_s);
    QProcess launcher;
    launcher.start(u"sleep"_s, {u"60"_s});
    QVERIFY(launcher.waitForStarted());
    QString error;
    qint64 runId = 0;
    StoreWriter w;
    QVERIFY(w.open(db, &error));
    {
        RunRow r;
        r.uid = u"quiet"_s;
        r.status = RunStatus::Running;
        r.launcher = launcherIdentityOf(launcher.processId());
        r.startedMs = QDateTime::currentMSecsSinceEpoch();
        r.runDir = dir.path();
        runId = w.createRun(r, &error);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(w.appendLog(runId, 1, now - 5000, u"watchdog"_s, u"silent 90"_s, &error));
    QVERIFY(w.appendLog(runId, 0, now - 4000, u"watchdog"_s, u"silent 60"_s, &error));
    QVERIFY(w.appendLog(runId, 0, now - 1000, u"watchdog"_s, u"active"_s, &error));
    RunDashboard dash(db, runId);
    dash.show();
    QTRY_VERIFY_WITH_TIMEOUT(!dash.silentRanksText().isEmpty(), 10000);
    const QString text = dash.silentRanksText();
    QVERIFY2(QRegularExpression(u"^rank 1 silent for 9[5-9] s$"_s).match(text).hasMatch(), qPrintable(text));
    QVERIFY(dash.findChild<QLabel *>(u"silentRanks"_s)->isVisible());
    QVERIFY(w.appendLog(runId, 1, now, u"watchdog"_s, u"active"_s, &error));
    dash.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(dash.silentRanksText().isEmpty(), 10000);
    QVERIFY(!dash.findChild<QLabel *>(u"silentRanks"_s)->isVisible());
    // The stacks request reaches the launcher as SIGUSR1, and the ranks' dumps are shown, one tab per rank.
    {
        QFile dump(dir.filePath(u"stacks-rank-0.txt"_s));
        QVERIFY(dump.open(QIODevice::WriteOnly));
        dump.write("trainyard: pid 1 ready\n\n=== asked with SIGUSR1, now ===\nThread 0x1 (most recent call "
                   "first):\n  File \"train.py\", line 9 in step\n");
    }
    QSignalSpy shown(&dash, &RunDashboard::stacksShown);
    QVERIFY(dash.requestStacks());
    QVERIFY(shown.wait(10000));
    QCOMPARE(shown.first().first().toInt(), 1);
    auto *stacks = dash.findChild<QDialog *>();
    QVERIFY(stacks);
    QVERIFY(stacks->findChild<QPlainTextEdit *>()->toPlainText().contains(u"line 9 in step"_s));
    stacks->close();
    QVERIFY(launcher.state() == QProcess::NotRunning ||
            launcher.waitForFinished(10000)); // may be done already
    QCOMPARE(launcher.exitStatus(), QProcess::CrashExit);
    QCOMPARE(launcher.exitCode(), SIGUSR1);
    // With the launcher gone the request is refused, with a reason.
    dash.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dash.requestStacks(), 10000);
}

// A run page's header says what happened (status, exit code, failing rank, duration, command, parameters),
// and the page fits 1280 px in German and in English.
void TestWidgets::runPageHeaderAndWidth() {
    RunRow run;
    run.id = 1;
    run.name = u"train-3f9a"_s;
    run.status = RunStatus::Failed;
    run.exitCode = 3;
    run.failedRank = 1;
    run.host = u"ws1"_s;
    run.startedMs = 1'700'000'000'000;
    run.endedMs = run.startedMs + 65'000;
    run.command =
        u"[\"trainyard\",\"launch\",\"--cpu\",\"train.py\",\"a b\"]"_s; // as the launcher records it
    QTextDocument doc;
    doc.setHtml(RunDashboard::headerHtml(run, {{u"lr"_s, u"0.1"_s}}));
    const QString text = doc.toPlainText();
    QVERIFY2(!text.contains(u"trainyard launch trainyard"_s), qPrintable(text));
    for (const QString &part :
         {u"train-3f9a"_s, u"exit code 3 (rank 1)"_s, u"duration 0:01:05"_s, u"on ws1"_s,
          u"Command: trainyard launch --cpu train.py 'a b'"_s, u"Parameters: lr=0.1"_s})
        QVERIFY2(text.contains(part), qPrintable(text));
    // Width: a live run's page in the main window, English then German.
    const QString db = qEnvironmentVariable("TRAINYARD_DB");
    qint64 id = 0;
    {
        StoreWriter w;
        QString error;
        QVERIFY(w.open(db, &error));
        RunRow r = run;
        r.id = 0;
        r.uid = u"wide-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        r.command = u"[\"--cpu\",\"--num_processes\",\"8\",\"/a/very/long/path/to/a/training/script/that/"
                    u"goes/on/and/on/train_with_a_long_name.py\",\"--learning_rate\",\"0.0003\"]"_s;
        id = w.createRun(r, &error);
        QVERIFY(w.setParams(
            id, {{u"learning_rate"_s, u"0.0003"_s}, {u"model"_s, u"a-rather-long-model-name"_s}}, &error));
    }
    for (const QString &language : {u"en"_s, u"de"_s}) {
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        installTranslations(*qApp, language);
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        RunDashboard *page = w.openRun(id, u"train-3f9a"_s);
        QSignalSpy drawn(page, &RunDashboard::chartsUpdated);
        QTRY_VERIFY_WITH_TIMEOUT(!page->headerText().isEmpty(), 10000);
        QVERIFY2(w.minimumSizeHint().width() <= 1280,
                 qPrintable(u"%1: %2 px"_s.arg(language).arg(w.minimumSizeHint().width())));
        QVERIFY2(page->minimumSizeHint().width() <= 1024,
                 qPrintable(u"%1: run page %2 px"_s.arg(language).arg(page->minimumSizeHint().width())));
        QVERIFY(w.width() <= 1280);
        // German names what the tab is (the memory a model needs, not storage) and Stop as stop, not pause.
        if (language == u"de"_s) {
            auto *tabs = w.findChild<QTabWidget *>();
            QVERIFY(tabs);
            QCOMPARE(tabs->tabText(3), u"Speicherbedarf"_s);
            bool stop = false;
            for (QPushButton *b : w.launchPanel()->findChildren<QPushButton *>())
                stop = stop || b->text() == u"S&toppen"_s;
            QVERIFY(stop);
        }
    }
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installTranslations(*qApp, u"en"_s);
}

void TestWidgets::compareTwoRuns() {
    QTemporaryDir dir;
    TRAINYARD_FRESH_DATABASE(db, dir.path(), u"cmp.db"_s);
    QString error;
    QList<qint64> ids;
    {
        StoreWriter w;
        QVERIFY(w.open(db, &error));
        for (const char *precision : {"'no'", "bf16"}) {
            RunRow r;
            r.uid = u"run-%1"_s.arg(ids.size());
            r.name = r.uid;
            r.status = RunStatus::Finished;
            r.createdMs = r.startedMs = 1'700'000'000'000;
            r.endedMs = r.startedMs + 60'000;
            r.config = u"distributed_type: MULTI_GPU\nnum_processes: 2\nmixed_precision: %1\n"_s.arg(
                QString::fromLatin1(precision));
            const qint64 id = w.createRun(r, &error);
            QVERIFY2(id, qPrintable(error));
            QVERIFY(w.setParams(id, {{u"lr"_s, ids.isEmpty() ? u"0.1"_s : u"0.01"_s}, {u"seed"_s, u"1"_s}},
                                &error));
            std::vector<IncomingPoint> pts;
            for (int step = 0; step < 1000; ++step)
                pts.push_back(IncomingPoint{u"loss"_s, step, (ids.isEmpty() ? 2.0 : 1.0) / (1 + step),
                                            r.startedMs + step * 10});
            QVERIFY(w.appendPoints(id, 0, pts, std::nullopt, &error));
            ids << id;
        }
    }
    MainWindow w;
    QSignalSpy listed(w.runsModel(), &RunsModel::loaded);
    w.setDatabase(db);
    QVERIFY(listed.wait(10000));
    RunDashboard *dash = nullptr;
    RunCompareModel *differences = nullptr;
    connect(&w, &MainWindow::runsCompared, this, [&](RunDashboard *d, RunCompareModel *m) {
        dash = d;
        differences = m;
    });
    const int tabs = w.tabCount();
    w.compareRuns(ids);
    QCOMPARE(w.tabCount(), tabs + 1);
    QVERIFY(dash && differences);
    QAbstractItemModelTester tester(differences, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy compared(differences, &RunCompareModel::loaded);
    QSignalSpy refused(differences, &RunCompareModel::failed);
    // Off the GUI thread in the shared pool, behind the dashboard's own reads: generous on a loaded machine,
    // and a refusal says why.
    QVERIFY(test::waitUntil([&] { return !compared.isEmpty() || !refused.isEmpty(); }, 30000));
    QVERIFY2(refused.isEmpty(), qPrintable(refused.value(0).value(0).toString()));
    QCOMPARE(differences->columnCount(), 4); // section, setting, the two runs
    QCOMPARE(differences->headerData(2, Qt::Horizontal).toString(), u"run-0"_s);
    QStringList rows;
    for (int i = 0; i < differences->rowCount(); ++i)
        rows << QStringList{differences->index(i, 1).data().toString(),
                            differences->index(i, 2).data().toString(),
                            differences->index(i, 3).data().toString()}
                    .join(u'|');
    QVERIFY2(rows.contains(u"mixed_precision|no|bf16"_s), qPrintable(rows.join(u'\n')));
    QVERIFY(rows.contains(u"lr|0.1|0.01"_s));
    QVERIFY(!rows.join(u'\n').contains(u"seed"_s));
    // Both runs' curves in one chart, one line per run.
    QCOMPARE(dash->runIds(), ids);
    // Each chart is read and drawn on its own: the loss chart's turn may come after the telemetry's.
    QTRY_COMPARE_WITH_TIMEOUT(dash->chartData(u"loss"_s).lines.size(), 2, 30000);
    QCOMPARE(dash->valueRange(u"loss"_s).second, 2.0);
}

void TestWidgets::settingsAndTheme() {
    QTemporaryDir dir;
    StudioSettings s;
    s.database = dir.filePath(u"mine.db"_s);
    s.language = u"de"_s;
    s.theme = StudioSettings::Theme::Dark;
    s.save();
    const StudioSettings back = StudioSettings::load();
    QCOMPARE(back.database, s.database);
    QCOMPARE(back.language, u"de"_s);
    QCOMPARE(back.theme, StudioSettings::Theme::Dark);
    // $TRAINYARD_DB (set for the tests) wins over the setting, as for the CLI; without it the setting counts.
    const QByteArray env = qgetenv("TRAINYARD_DB");
    QVERIFY(!env.isEmpty());
    QCOMPARE(back.effectiveDatabase(), QString::fromLocal8Bit(env));
    qunsetenv("TRAINYARD_DB");
    QCOMPARE(back.effectiveDatabase(), s.database);
    StudioSettings none;
    QVERIFY(none.effectiveDatabase().endsWith(u"/trainyard/trainyard.db"_s));
    qputenv("TRAINYARD_DB", env);
    // The dialog shows and returns what it was given.
    SettingsDialog dialog(back);
    QCOMPARE(dialog.settings().database, s.database);
    // Its labels' mnemonics are shortcuts with a buddy, never a literal "&" on screen.
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->text().contains(u'&'))
            QVERIFY2(label->buddy(), qPrintable(label->text()));
    QCOMPARE(dialog.settings().language, u"de"_s);
    QCOMPARE(dialog.settings().theme, StudioSettings::Theme::Dark);
    // A server's URL in $TRAINYARD_DB is shown without its password.
    qputenv("TRAINYARD_DB", "postgresql://ml:s3cret@db.lab:5432/runs");
    {
        SettingsDialog withServer(back);
        bool shown = false;
        for (QLabel *label : withServer.findChildren<QLabel *>()) {
            QVERIFY2(!label->text().contains(u"s3cret"_s), qPrintable(label->text()));
            shown = shown || label->text().contains(u"postgresql://ml:***@db.lab:5432/runs"_s);
        }
        QVERIFY(shown);
    }
    qputenv("TRAINYARD_DB", env);
    // The dark theme darkens the whole application; the system's comes back.
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);
    applyTheme(StudioSettings::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    applyTheme(StudioSettings::Theme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    StudioSettings{}.save();
}

void TestWidgets::closingAModifiedConfigAsks() {
    MainWindow w;
    ConfigView *v = w.newConfig();
    auto *mp = qobject_cast<QComboBox *>(v->form()->editor(u"mixed_precision"_s));
    mp->setCurrentIndex(mp->findText(u"bf16"_s));
    Q_EMIT mp->activated(mp->currentIndex());
    QVERIFY(v->document()->isModified());
    const int index = w.tabCount() - 1;
    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(button)->click();
        });
    };
    // Cancel keeps the tab and the edit; Discard closes it; the fixed tabs never close.
    answer(QMessageBox::Cancel);
    QVERIFY(!w.closeTab(index));
    QCOMPARE(w.tabCount(), index + 1);
    answer(QMessageBox::Discard);
    QVERIFY(w.closeTab(index));
    QCOMPARE(w.tabCount(), index);
    QVERIFY(!w.closeTab(0));
}

// A config tab says it has unsaved changes (" *"), and saving a config with errors asks first: Cancel keeps
// the file as it was, Save Anyway writes it.
void TestWidgets::savingAConfigWithErrorsAsksAndTabsMarkChanges() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.yaml"_s);
    const QByteArray original =
        "compute_environment: LOCAL_MACHINE\ndistributed_type: MULTI_GPUS\nnum_processes: 2\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original);
    }
    MainWindow w;
    QSignalSpy shown(&w, &MainWindow::configShown);
    w.openConfig(path);
    QVERIFY(shown.wait(10000));
    ConfigView *v = w.currentView();
    QVERIFY(v);
    QCOMPARE(v->document()->errorCount(), 1);
    auto *tabs = w.findChild<QTabWidget *>();
    const int index = tabs->indexOf(v);
    QCOMPARE(tabs->tabText(index), u"bad.yaml"_s);
    auto *mp = qobject_cast<QComboBox *>(v->form()->editor(u"mixed_precision"_s));
    mp->setCurrentIndex(mp->findText(u"bf16"_s));
    Q_EMIT mp->activated(mp->currentIndex());
    QCOMPARE(tabs->tabText(index), u"bad.yaml *"_s);
    const auto answer = [](QMessageBox::StandardButton button, QString *text) {
        QTimer::singleShot(0, [button, text] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            *text = box->text();
            box->button(button)->click();
        });
    };
    QString asked;
    answer(QMessageBox::Cancel, &asked);
    QVERIFY(!w.saveCurrent());
    QVERIFY2(asked.contains(u"1 error"_s), qPrintable(asked));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), original); // not saved
    f.close();
    QCOMPARE(tabs->tabText(index), u"bad.yaml *"_s);
    answer(QMessageBox::Save, &asked);
    QVERIFY(w.saveCurrent());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("mixed_precision: bf16"));
    QCOMPARE(tabs->tabText(index), u"bad.yaml"_s); // saved: no mark
}

// On a 1024 x 700 screen: a window saved larger comes back inside it, and the Memory tab's strategies table
// shows every row (the total and the fit verdict) with the page scrolling instead; a config.json model gets a
// device map planned for this machine when no Max memory is given.
void TestWidgets::smallScreenKeepsEverythingReachable() {
    MainWindow w;
    w.resize(1280, 800);
    w.move(200, 150);
    const QRect screen(0, 0, 1024, 700);
    w.fitToScreen(screen);
    QVERIFY2(screen.contains(w.frameGeometry()), qPrintable(u"%1,%2 %3x%4"_s.arg(w.frameGeometry().x())
                                                                .arg(w.frameGeometry().y())
                                                                .arg(w.frameGeometry().width())
                                                                .arg(w.frameGeometry().height())));

    MemoryView *view = w.memoryView();
    w.resize(1024, 700);
    w.show();
    w.findChild<QTabWidget *>()->setCurrentWidget(view);
    view->setModelPath(QStringLiteral(TRAINYARD_TEST_DATA) + u"/models/llama-2-7b"_s);
    view->setGpus(8);
    view->setGpuMemory(u"40GiB"_s);
    QSignalSpy done(view, &MemoryView::estimated);
    view->estimate();
    QVERIFY(done.wait(20000));
    QVERIFY2(view->summaryText().contains(u"Device map for this machine (CPU "_s),
             qPrintable(view->summaryText()));
    QVERIFY(view->deviceMapRows() > 0); // planned for the CPU's memory here (no GPU)
    auto *table = view->findChild<QTableWidget *>(u"strategyTable"_s);
    QVERIFY(table);
    QApplication::processEvents();
    const int last = table->rowCount() - 1;
    QCOMPARE(table->verticalHeaderItem(last)->data(Qt::UserRole).toString(), u"fits"_s);
    const QRect row = table->visualRect(table->model()->index(last, 0));
    QVERIFY2(table->viewport()->rect().contains(row),
             qPrintable(u"row %1 at y=%2..%3, viewport height %4"_s.arg(last)
                            .arg(row.top())
                            .arg(row.bottom())
                            .arg(table->viewport()->height())));
    auto *scroll = view->findChild<QScrollArea *>(u"memoryScroll"_s);
    QVERIFY(scroll);
    QVERIFY(scroll->widget()->height() >= scroll->widget()->minimumSizeHint().height());
}

// The studio's day: launch from the panel, watch the ranks' curves and output live, stop, reopen the run from
// the runs browser, compare it with another run.
void TestWidgets::launchWatchStopReopenCompare() {
    const QString python = u"/usr/bin/python3"_s;
    if (!QFile::exists(python))
        QSKIP("python3 is not installed (scripts/install-deps.sh installs it)");
    QTemporaryDir dir;
    const QString script = dir.filePath(u"train.py"_s);
    {
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(import os, sys, time
from trainyard_tracker import TrainyardTracker
steps, lr = int(sys.argv[1]), float(sys.argv[2])
rank = int(os.environ["RANK"])
t = TrainyardTracker("studio-day")
t.store_init_configuration({"lr": lr})
for i in range(steps):
    t.log({"loss": lr * 100 / (i + 1) + rank}, step=i)
    if i % 20 == 0:
        print(f"step {i}", flush=True)
    time.sleep(0.005)
t.finish()
)");
    }
    MainWindow w; // on the tests' database ($TRAINYARD_DB), like the launches
    w.show();
    QSignalSpy opened(&w, &MainWindow::runOpened);
    RunDashboard *live = nullptr;
    connect(&w, &MainWindow::runOpened, this, [&](RunDashboard *d) {
        if (!live)
            live = d;
    });
    LaunchPanel *panel = w.launchPanel();
    panel->setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel->setPython(python);
    panel->setFlags(u"--cpu --num_processes 2 --grace 2 --name studio-long"_s);
    panel->setScript(script);
    panel->setArguments(u"100000 0.1"_s);
    QSignalSpy launched(panel, &LaunchPanel::launched);
    QSignalSpy finished(panel, &LaunchPanel::finished);
    panel->launch();
    QVERIFY(launched.wait(20000));
    const QString longRun = launched.first().first().toString();
    // Its page opens by itself: both ranks' curves and output arrive while it runs.
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 20000);
    QVERIFY(live);
    LogsView *logs = live->parentWidget()->findChild<LogsView *>();
    QVERIFY(logs && logs->isFollowing());
    QTRY_VERIFY_WITH_TIMEOUT(live->chartData(u"loss"_s).lines.size() == 2, 20000);
    // The launcher pushes what it commits to the studio that started it: points reach the chart without a
    // read of the database.
    QTRY_VERIFY_WITH_TIMEOUT(live->pushedPointsDrawn() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(logs->model()->ranks() == (QList<int>{0, 1}), 20000);
    const qsizetype firstLines = logs->model()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(logs->model()->rowCount() > firstLines, 20000); // still coming
    panel->stop();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toInt(), 130);
    QTRY_VERIFY_WITH_TIMEOUT(!logs->isFollowing(), 10000); // the dashboard saw the run end
    // A second, short run that ends by itself.
    panel->setFlags(u"--cpu --num_processes 2 --name studio-short"_s);
    panel->setArguments(u"50 0.01"_s);
    launched.clear();
    finished.clear();
    panel->launch();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toInt(), 0);
    const QString shortRun = launched.first().first().toString();
    // Later: both are in the runs browser; reopen the first, then compare the two.
    QSignalSpy listed(w.runsModel(), &RunsModel::loaded);
    w.runsModel()->reload(qEnvironmentVariable("TRAINYARD_DB"));
    QVERIFY(listed.wait(10000));
    qint64 longId = 0, shortId = 0;
    for (int i = 0; i < w.runsModel()->rowCount(); ++i) {
        const RunRow &r = w.runsModel()->row(i).run;
        if (r.uid == longRun) {
            longId = r.id;
            QCOMPARE(r.status, RunStatus::Cancelled);
        }
        if (r.uid == shortRun)
            shortId = r.id;
    }
    QVERIFY(longId && shortId);
    RunDashboard *again = w.openRun(longId, u"studio-long"_s);
    QTRY_COMPARE_WITH_TIMEOUT(again->chartData(u"loss"_s).lines.size(), 2, 10000);
    RunCompareModel *differences = nullptr;
    connect(&w, &MainWindow::runsCompared, this,
            [&](RunDashboard *, RunCompareModel *m) { differences = m; });
    RunDashboard *both = w.compareRuns({longId, shortId});
    QVERIFY(differences);
    QSignalSpy compared(differences, &RunCompareModel::loaded);
    QVERIFY(compared.wait(10000));
    bool lrDiffers = false;
    for (int i = 0; i < differences->rowCount(); ++i)
        if (differences->index(i, 1).data().toString() == u"lr"_s)
            lrDiffers = differences->index(i, 2).data().toString() == u"0.1"_s &&
                        differences->index(i, 3).data().toString() == u"0.01"_s;
    QVERIFY(lrDiffers);
    QTRY_COMPARE_WITH_TIMEOUT(both->chartData(u"loss"_s).lines.size(), 2, 10000); // a mean line per run
}

void TestWidgets::launchStartedAndStoppedFromThePanel() {
    QTemporaryDir dir;
    const QString script = writeSleeper(dir, 60);
    LaunchPanel panel;
    panel.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel.setFlags(u"--cpu --num_processes 2 --grace 2"_s);
    panel.setScript(script);
    QSignalSpy preview(&panel, &LaunchPanel::previewUpdated);
    panel.updatePreview();
    QVERIFY(preview.wait(10000));
    QVERIFY(preview.last().first().toBool());
    QVERIFY2(panel.previewText().contains(u"RANK=1"_s),
             qPrintable(panel.previewText())); // every rank's environment
    // An ordinary CPU launch is nothing to warn about: starting its ranks without mpirun is said as a note.
    QVERIFY2(!panel.previewText().contains(u"warning:"_s) && panel.previewText().contains(u"note:"_s),
             qPrintable(panel.previewText()));
    QSignalSpy launched(&panel, &LaunchPanel::launched);
    QSignalSpy finished(&panel, &LaunchPanel::finished);
    panel.launch();
    QVERIFY(launched.wait(10000));
    QVERIFY(panel.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(panel.outputText().contains(u"[rank 0] ready 0"_s) &&
                                 panel.outputText().contains(u"[rank 1] ready 1"_s),
                             10000);
    panel.stop();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toInt(), 130); // cancelled
    QVERIFY(!panel.isRunning());
}

// The launcher speaks German and prints nothing the studio could match: the panel knows its run from the run
// frames on its push socket (named with the launch's name), while the launcher runs, and follows it to its
// end.
void TestWidgets::germanStudioFollowsItsLaunch() {
    QTemporaryDir dir;
    const QString script = writeSleeper(dir, 2);
    PushReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QList<PushedRun> states;
    connect(&receiver, &PushReceiver::runChanged, this, [&](const PushedRun &r) { states << r; });
    LaunchPanel panel;
    panel.setPushSocket(receiver.serverPath());
    connect(&receiver, &PushReceiver::runChanged, &panel, &LaunchPanel::runAnnounced);
    panel.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel.setFlags(u"--cpu --num_processes 2"_s);
    panel.setScript(script);
    QSignalSpy launched(&panel, &LaunchPanel::launched);
    QSignalSpy finished(&panel, &LaunchPanel::finished);
    const QByteArray language = qgetenv("TRAINYARD_LANG");
    qputenv("TRAINYARD_LANG", "de"); // the launcher's environment is the studio's
    panel.launch();
    qputenv("TRAINYARD_LANG", language);
    QVERIFY(launched.wait(10000));
    QVERIFY(panel.isRunning());
    QVERIFY(!states.isEmpty());
    const QString uid = launched.first().first().toString();
    QCOMPARE(states.first().uid, uid);
    QVERIFY(!states.first().launch.isEmpty());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QVERIFY2(!panel.outputText().contains(u"trainyard: run "_s), qPrintable(panel.outputText()));
    QVERIFY2(panel.outputText().contains(u"Lauf"_s), qPrintable(panel.outputText())); // it spoke German
    QCOMPARE(states.last().status, RunStatus::Finished);
}

// A relative script resolves against the working directory (and is said missing when it is not there); the
// launch runs there; the fields come back in the next studio.
void TestWidgets::launchPanelWorkingDirectoryAndRememberedFields() {
    QTemporaryDir dir;
    LaunchPanel panel;
    panel.restoreFields();
    panel.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel.setWorkingDirectory(dir.path());
    panel.setFlags(u"--cpu --num_processes 1"_s);
    panel.setPython(QString::fromLatin1(trainyard::test::SystemPython));
    panel.setScript(u"where.py"_s);
    QSignalSpy preview(&panel, &LaunchPanel::previewUpdated);
    panel.updatePreview();
    QVERIFY(preview.wait(10000));
    QVERIFY(!preview.last().first().toBool());
    QVERIFY2(panel.previewText().contains(u"where.py: no such file in %1"_s.arg(dir.path())),
             qPrintable(panel.previewText()));
    {
        QFile f(dir.filePath(u"where.py"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import os\nopen('cwd.txt', 'w').write(os.getcwd())\n");
    }
    preview.clear();
    panel.updatePreview();
    QVERIFY(preview.wait(10000));
    QVERIFY2(preview.last().first().toBool(), qPrintable(panel.previewText()));
    QSignalSpy finished(&panel, &LaunchPanel::finished);
    panel.launch();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QFile cwd(dir.filePath(u"cwd.txt"_s));
    QVERIFY(cwd.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(cwd.readAll()), QDir(dir.path()).canonicalPath());
    // The next studio's panel has the same fields.
    LaunchPanel next;
    next.restoreFields();
    QCOMPARE(next.workingDirectory(), dir.path());
    QCOMPARE(next.commandLine(), panel.commandLine());
    QSettings().remove(u"launch/fields"_s);
}

// A second launch while one runs: both run; the panel follows (and stops) the newer one; the older one is
// stopped from its run page.
void TestWidgets::severalRunsAtOnce() {
    QTemporaryDir dir;
    const QString script = writeSleeper(dir, 60);
    const QString db = qEnvironmentVariable("TRAINYARD_DB");
    LaunchPanel panel;
    panel.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel.setScript(script);
    QSignalSpy launched(&panel, &LaunchPanel::launched);
    QSignalSpy finished(&panel, &LaunchPanel::finished);
    panel.setFlags(u"--cpu --num_processes 1 --grace 2 --name several-a"_s);
    panel.launch();
    QVERIFY(launched.wait(15000));
    const QString first = launched.last().first().toString();
    panel.setFlags(u"--cpu --num_processes 1 --grace 2 --name several-b"_s);
    panel.launch();
    QVERIFY(launched.wait(15000));
    const QString second = launched.last().first().toString();
    QVERIFY(first != second);
    const auto statusOf = [&](const QString &uid) {
        StoreReader reader;
        QString error;
        if (!reader.open(db, &error))
            return error;
        const auto r = reader.runByUid(uid);
        return r ? runStatusName(r->status) : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(first), u"running"_s, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(second), u"running"_s, 15000);
    panel.stop(); // the followed one: the newer
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toInt(), 130);
    QCOMPARE(statusOf(second), u"cancelled"_s);
    QCOMPARE(statusOf(first), u"running"_s);
    // The older one from its page.
    qint64 firstId = 0;
    {
        StoreReader reader;
        QString error;
        QVERIFY(reader.open(db, &error));
        firstId = reader.runByUid(first)->id;
    }
    RunDashboard page(db, firstId);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(page.requestStop(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(first), u"cancelled"_s, 20000);
}

void TestWidgets::launchPanelPlansAndChecksSshHosts() {
    // The preview shows every machine's ranks; "Check hosts" reaches them through the real ssh client (here
    // a host that does not resolve, so it fails fast and says so) and starts nothing. tst_remote covers
    // reachable machines.
    LaunchPanel panel;
    panel.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel.setFlags(u"--cpu"_s);
    panel.setScript(u"train.py"_s);
    panel.setMachines(u"gpu-a:2,nohost.invalid:2"_s, u"ssh -o ConnectTimeout=3"_s);
    QCOMPARE(panel.commandLine().mid(1, 4), (QStringList{u"--hosts"_s, u"gpu-a:2,nohost.invalid:2"_s,
                                                         u"--ssh"_s, u"ssh -o ConnectTimeout=3"_s}));
    QSignalSpy preview(&panel, &LaunchPanel::previewUpdated);
    panel.updatePreview();
    QVERIFY(preview.wait(10000));
    QVERIFY2(preview.last().first().toBool(), qPrintable(panel.previewText()));
    QVERIFY2(panel.previewText().contains(u"# ---- machine 1: nohost.invalid (2 ranks)"_s),
             qPrintable(panel.previewText()));
    QVERIFY(panel.previewText().contains(u"RANK=3"_s));
    QSignalSpy checked(&panel, &LaunchPanel::hostsChecked);
    panel.checkHosts();
    QVERIFY(checked.wait(30000));
    QCOMPARE(checked.first().first().toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel.outputText().contains(u"nohost.invalid: cannot connect: ssh: Could not resolve"_s), 5000);
    QVERIFY(!panel.isRunning());
}

void TestWidgets::launchPanelPreviewsTheSlurmBatchScript() {
    LaunchPanel panel;
    panel.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel.setFlags(u"--cpu --num_machines 2 --num_processes 4"_s);
    panel.setScript(u"train.py"_s);
    panel.setSlurm(u"--partition gpu --time 0:30:00"_s);
    QTemporaryDir dir; // the Launch tab's working directory, not the studio's own (issue 28, item 7)
    panel.setWorkingDirectory(dir.path());
    QVERIFY(panel.commandLine().contains(u"--slurm"_s));
    QSignalSpy preview(&panel, &LaunchPanel::previewUpdated);
    panel.updatePreview();
    QVERIFY(preview.wait(10000));
    QVERIFY2(preview.last().first().toBool(), qPrintable(panel.previewText()));
    const QString text = panel.previewText();
    for (const QString &line : {u"#SBATCH --nodes=2"_s, u"#SBATCH --partition=gpu"_s,
                                u"#SBATCH --time=0:30:00"_s, u" launch --slurm-job "_s})
        QVERIFY2(text.contains(line), qPrintable(text));
    QVERIFY(!text.contains(u"--slurm "_s)); // the job's launcher does not submit again
    QVERIFY2(text.contains(u"\ncd "_s + shellQuote(dir.path()) + u'\n'), qPrintable(text));
}

void TestWidgets::quitKeepsARunThatTheNextStudioFollows() {
    // Quitting during a run asks; "Keep Running" leaves the launcher and its ranks running, and the next
    // studio follows the run again (output, run page, Stop). Stopped from that studio's quit question, the
    // run ends cancelled; a third studio reports the end once and puts the launcher's output in the run's
    // folder.
    QTemporaryDir dir;
    const QString script = writeSleeper(dir, 120);
    const auto answer = [](const QString &button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            for (QAbstractButton *b : box->buttons())
                if (b->text().remove(u'&') == button)
                    b->click();
        });
    };
    qint64 launcher = 0;
    QString uid;
    // Whatever happens here, no launcher outlives the test and no later studio resumes this one's launch.
    const auto cleanup = qScopeGuard([&] {
        if (launcher > 0 && test::alive(launcher))
            ::kill(pid_t(launcher), SIGKILL);
        QSettings().remove(u"launch/followed"_s);
    });
    {
        MainWindow w;
        LaunchPanel *panel = w.launchPanel();
        QVERIFY(!panel->isRunning());
        panel->setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
        panel->setFlags(u"--cpu --num_processes 2 --grace 2"_s);
        panel->setScript(script);
        QSignalSpy launched(panel, &LaunchPanel::launched);
        panel->launch();
        QVERIFY(launched.wait(20000));
        uid = launched.first().first().toString();
        launcher = panel->launcherPid();
        QVERIFY(launcher > 0);
        {
            // A session of its own: a terminal's Ctrl-C or hangup reaching the studio does not reach the run.
            QFile stat(u"/proc/%1/stat"_s.arg(launcher));
            QVERIFY(stat.open(QIODevice::ReadOnly));
            const QByteArray line = stat.readAll();
            const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
            QVERIFY(f.value(3).toLongLong() != getsid(0)); // field 6: the session id, not the studio's
        }
        QTRY_VERIFY_WITH_TIMEOUT(panel->outputText().contains(u"[rank 1] ready 1"_s), 20000);
        w.show();
        answer(u"Keep Running"_s);
        QVERIFY(w.close());
    }
    QTest::qWait(500);
    QVERIFY(test::alive(launcher));
    StoreReader reader;
    QString error;
    QVERIFY2(reader.open(qEnvironmentVariable("TRAINYARD_DB"), &error), qPrintable(error));
    const std::optional<RunRow> running = reader.runByUid(uid);
    QVERIFY(running);
    QCOMPARE(running->status, RunStatus::Running);
    {
        MainWindow again;
        QSignalSpy opened(&again, &MainWindow::runOpened);
        LaunchPanel *panel = again.launchPanel();
        QVERIFY(panel->isRunning());
        QCOMPARE(panel->launcherPid(), launcher);
        QTRY_VERIFY_WITH_TIMEOUT(panel->outputText().contains(u"[rank 0] ready 0"_s), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 20000); // its run page (it may have opened already)
        again.show();
        answer(u"Stop the Run"_s);
        QVERIFY(again.close());
    }
    QVERIFY(test::waitUntil([&] { return !test::alive(launcher); }, 20000));
    QCOMPARE(reader.runByUid(uid)->status, RunStatus::Cancelled);
    {
        MainWindow third;
        LaunchPanel *panel = third.launchPanel();
        QVERIFY(panel->isRunning()); // until its first look says the run is over
        QSignalSpy finished(panel, &LaunchPanel::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toInt(), 130);
        QVERIFY(!panel->isRunning());
        QVERIFY(QFile::exists(QDir(running->runDir).filePath(u"launcher.log"_s)));
    }
    MainWindow fourth;
    QVERIFY(!fourth.launchPanel()->isRunning()); // reported once, then forgotten
}

void TestWidgets::runsListFollowsOtherProcesses() {
    // A run launched by the CLI while the studio is open appears in its runs list as running, then finished,
    // with no reload asked for (the database watcher).
    QTemporaryDir dir;
    const QString script = writeSleeper(dir, 2);
    MainWindow w;
    RunsModel *runs = w.runsModel();
    auto statusOf = [runs](const QString &name) {
        for (int i = 0; i < runs->rowCount(); ++i)
            if (runs->row(i).run.name == name)
                return runStatusName(runs->row(i).run.status);
        return QString();
    };
    const QString name = u"from-cli-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    QSignalSpy listed(runs, &RunsModel::loaded);
    QVERIFY(listed.wait(10000));
    QVERIFY(statusOf(name).isEmpty());
    QProcess cli;
    cli.setProcessEnvironment(QProcessEnvironment::systemEnvironment()); // the same TRAINYARD_DB
    cli.start(QStringLiteral(TRAINYARD_CLI),
              {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--name"_s, name, script});
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), u"running"_s, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), u"finished"_s, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 20000);
    QCOMPARE(cli.exitCode(), 0);
}

// Issue 28, item 0: after a launch from the studio has finished (its page open, reading), runs started one
// after the other from a terminal on the same database appear in the runs list, the list never calls the
// database damaged, and the next launch from the studio opens its page.
void TestWidgets::runsListFollowsTheCliAfterAStudioLaunch() {
    const QString python = u"/usr/bin/python3"_s;
    if (!QFile::exists(python))
        QSKIP("python3 is not installed (scripts/install-deps.sh installs it)");
    QTemporaryDir dir;
    const QByteArray shared = qgetenv("TRAINYARD_DB");
    qputenv("TRAINYARD_DB", dir.filePath(u"db/trainyard.db"_s).toUtf8());
    const auto restore = qScopeGuard([shared] { qputenv("TRAINYARD_DB", shared); });
    const QString script = dir.filePath(u"train.py"_s);
    {
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(import sys, time
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker()
t.store_init_configuration({"epochs": int(sys.argv[1])})
for i in range(int(sys.argv[1]) * 50):
    t.log({"loss": 1.0 / (i + 1), "acc": i / 1000}, step=i)
    time.sleep(0.004)
t.finish()
)");
    }
    MainWindow w;
    w.show();
    RunsModel *runs = w.runsModel();
    QStringList failures;
    connect(runs, &RunsModel::failed, this, [&](const QString &e) { failures << e; });
    auto statusOf = [runs](const QString &name) {
        for (int i = 0; i < runs->rowCount(); ++i)
            if (runs->row(i).run.name == name)
                return runStatusName(runs->row(i).run.status);
        return QString();
    };
    QSignalSpy opened(&w, &MainWindow::runOpened);
    LaunchPanel *panel = w.launchPanel();
    panel->setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel->setPython(python);
    panel->setFlags(u"--cpu --num_processes 2 --name from-studio"_s);
    panel->setScript(script);
    panel->setArguments(u"3"_s);
    QSignalSpy finished(panel, &LaunchPanel::finished);
    panel->launch();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"from-studio"_s), u"finished"_s, 10000);
    for (const QString &name : {u"from-cli-1"_s, u"from-cli-2"_s}) {
        QProcess cli;
        cli.setProcessEnvironment(QProcessEnvironment::systemEnvironment()); // the same TRAINYARD_DB
        cli.start(QStringLiteral(TRAINYARD_CLI), {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s,
                                                  u"--name"_s, name, u"--python"_s, python, script, u"1"_s});
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 60000);
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    }
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"from-cli-1"_s), u"finished"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"from-cli-2"_s), u"finished"_s, 10000);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    // And the studio still follows its own launches.
    panel->setFlags(u"--cpu --num_processes 1 --name from-studio-2"_s);
    panel->setArguments(u"1"_s);
    finished.clear();
    panel->launch();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() >= 2, 30000);
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"from-studio-2"_s), u"finished"_s, 10000);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

// Issue 28, item 2: the runs filter reads the query language of `runs list --filter`, underlines what it
// cannot read (keeping the last good filter), says when nothing matches; a note is edited in the table and
// tags through the model, both stored and filtered on.
// The runs table grouped by a parameter: a heading per value (numbers in numeric order, runs without the
// parameter last) with its runs' count and statuses, the runs below in the table's order; headings are no run
// (not selectable, a double click opens nothing); the filter still applies; "No grouping" gives the flat
// table.
void TestWidgets::runsGroupedByAParameter() {
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installTranslations(*qApp, u"en"_s); // English plural forms ("1 run"), as the studio runs
    QTemporaryDir dir;
    const QByteArray shared = qgetenv("TRAINYARD_DB");
    qputenv("TRAINYARD_DB", dir.filePath(u"db/trainyard.db"_s).toUtf8());
    const auto restore = qScopeGuard([shared] { qputenv("TRAINYARD_DB", shared); });
    {
        StoreWriter w;
        QString error;
        QVERIFY2(w.open(databasePath(), &error), qPrintable(error));
        const char *lrs[5] = {"0.01", "0.001", "0.01", nullptr, "0.1"};
        for (int i = 0; i < 5; ++i) {
            RunRow r;
            r.uid = u"group-run-%1"_s.arg(i);
            r.name = u"group-%1"_s.arg(i);
            r.status = i == 2 ? RunStatus::Failed : RunStatus::Finished;
            r.createdMs = r.startedMs = QDateTime::currentMSecsSinceEpoch() + i;
            r.endedMs = r.startedMs + 1000;
            const qint64 id = w.createRun(r, &error);
            QVERIFY(w.setParams(id,
                                lrs[i] ? QMap<QString, QString>{{u"lr"_s, QString::fromLatin1(lrs[i])}}
                                       : QMap<QString, QString>{{u"seed"_s, u"1"_s}},
                                &error));
        }
    }
    MainWindow w;
    w.show();
    QSignalSpy listed(w.runsModel(), &RunsModel::loaded);
    QVERIFY(listed.wait(10000));
    auto *table = w.findChild<QTableView *>(u"runsTable"_s);
    auto *groupBy = w.findChild<QComboBox *>(u"runsGroupBy"_s);
    auto *groups = w.findChild<RunsGroupModel *>(u"runsGroups"_s);
    auto *filter = w.findChild<QLineEdit *>(u"runsFilter"_s);
    QVERIFY(table && groupBy && groups && filter);
    QAbstractItemModelTester tester(groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModel *flat = table->model();
    QCOMPARE(flat->rowCount(), 5);
    const int byLr = groupBy->findText(u"Group by lr"_s);
    QVERIFY2(byLr > 0, qPrintable(groupBy->itemText(groupBy->count() - 1)));
    groupBy->setCurrentIndex(byLr);
    QCOMPARE(table->model(), static_cast<QAbstractItemModel *>(groups));
    QStringList rows;
    for (int r = 0; r < groups->rowCount(); ++r)
        rows << (groups->isHeading(r) ? u"# "_s + groups->index(r, 0).data().toString()
                                      : groups->index(r, RunsModel::NameColumn).data().toString());
    // Newest first within a group (the table's order); 0.001 < 0.01 < 0.1 as numbers; no lr last.
    const QStringList expected{u"# lr = 0.001 \u00b7 1 run: 1 finished"_s,
                               u"group-1"_s,
                               u"# lr = 0.01 \u00b7 2 runs: 1 failed, 1 finished"_s,
                               u"group-2"_s,
                               u"group-0"_s,
                               u"# lr = 0.1 \u00b7 1 run: 1 finished"_s,
                               u"group-4"_s,
                               u"# no lr \u00b7 1 run: 1 finished"_s,
                               u"group-3"_s};
    QCOMPARE(rows, expected);
    QCOMPARE(table->columnSpan(0, 0), groups->columnCount()); // a heading spans the row
    // A heading is no run: not selectable, and selecting everything selects the five runs only.
    QVERIFY(!(groups->flags(groups->index(0, 0)) & Qt::ItemIsSelectable));
    table->selectAll();
    QCOMPARE(table->selectionModel()->selectedRows().size(), 5);
    QSignalSpy opened(&w, &MainWindow::runOpened);
    Q_EMIT table->doubleClicked(groups->index(0, 1));
    QCOMPARE(opened.size(), 0);
    Q_EMIT table->doubleClicked(groups->index(1, RunsModel::NameColumn));
    QCOMPARE(opened.size(), 1);
    // The filter still applies to what is grouped.
    filter->setText(u"status:failed"_s);
    QCOMPARE(groups->rowCount(), 2);
    QCOMPARE(groups->groupCount(), 1);
    filter->clear();
    groupBy->setCurrentIndex(0); // no grouping: the flat table again
    QCOMPARE(table->model(), flat);
    QCOMPARE(flat->rowCount(), 5);
}

void TestWidgets::runsFilterNotesAndTags() {
    QTemporaryDir dir;
    const QByteArray shared = qgetenv("TRAINYARD_DB");
    qputenv("TRAINYARD_DB", dir.filePath(u"db/trainyard.db"_s).toUtf8());
    const auto restore = qScopeGuard([shared] { qputenv("TRAINYARD_DB", shared); });
    const QString db = databasePath();
    qint64 ids[3] = {};
    {
        StoreWriter w;
        QString error;
        QVERIFY2(w.open(db, &error), qPrintable(error));
        const double losses[3] = {0.9, 0.3, 0.05};
        for (int i = 0; i < 3; ++i) {
            RunRow r;
            r.uid = u"filter-run-%1"_s.arg(i);
            r.name = u"filter-%1"_s.arg(i);
            r.status = i == 2 ? RunStatus::Failed : RunStatus::Finished;
            r.createdMs = r.startedMs = QDateTime::currentMSecsSinceEpoch() + i;
            r.endedMs = r.startedMs + 1000;
            r.host = u"gpu%1"_s.arg(i);
            r.user = i == 0 ? u"ana"_s : QString(); // a run recorded before runs had a user shows its host
            ids[i] = w.createRun(r, &error);
            QVERIFY(w.setParams(ids[i], {{u"epochs"_s, QString::number(10 * (i + 1))}}, &error));
            QVERIFY(w.appendPoints(ids[i], 0, {IncomingPoint{u"loss"_s, 1, losses[i], r.startedMs}},
                                   std::nullopt, &error));
        }
    }
    MainWindow w;
    w.show();
    RunsModel *model = w.runsModel();
    QSignalSpy listed(model, &RunsModel::loaded);
    QVERIFY(listed.wait(10000));
    auto *table = w.findChild<QTableView *>(u"runsTable"_s);
    auto *filter = w.findChild<QLineEdit *>(u"runsFilter"_s);
    auto *problem = w.findChild<QLabel *>(u"runsFilterProblem"_s);
    auto *noMatch = w.findChild<QLabel *>(u"runsNoMatch"_s);
    QVERIFY(table && filter && problem && noMatch);
    QAbstractItemModel *shown = table->model();
    auto names = [shown] {
        QStringList out;
        for (int row = 0; row < shown->rowCount(); ++row)
            out << shown->index(row, RunsModel::NameColumn).data().toString();
        out.sort();
        return out;
    };
    QCOMPARE(names().size(), 3);
    filter->setText(u"epochs>10"_s);
    QCOMPARE(names(), (QStringList{u"filter-1"_s, u"filter-2"_s}));
    filter->setText(u"epochs>10 loss<0.5 status:finished"_s);
    QCOMPARE(names(), QStringList{u"filter-1"_s});
    QVERIFY(!problem->isVisible() && !filter->property("filterError").isValid());
    // Unreadable: the last good filter stays, the term is marked, the reason shown.
    filter->setText(u"epochs>10 loss<low"_s);
    QCOMPARE(names(), QStringList{u"filter-1"_s});
    QCOMPARE(filter->property("filterError").toPoint(), QPoint(10, 8));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"'low' is not a number"_s), qPrintable(problem->text()));
    // Nothing matches: said, not an empty table.
    filter->setText(u"epochs>100"_s);
    QCOMPARE(shown->rowCount(), 0);
    QVERIFY(noMatch->isVisible() && noMatch->text().contains(u"epochs>100"_s));
    QVERIFY(!problem->isVisible() && !filter->property("filterError").isValid());
    filter->clear();
    QVERIFY(!noMatch->isVisible());
    // A note typed into the table is shown at once and stored; the filter reads it.
    int row0 = -1;
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->row(row).run.id == ids[0])
            row0 = row;
    QVERIFY(row0 >= 0);
    const QModelIndex note = model->index(row0, RunsModel::NoteColumn);
    QVERIFY(model->flags(note) & Qt::ItemIsEditable);
    QVERIFY(!(model->flags(model->index(row0, RunsModel::NameColumn)) & Qt::ItemIsEditable));
    QCOMPARE(model->headerData(RunsModel::NoteColumn, Qt::Horizontal).toString(), u"Note"_s);
    // Who launched each run and where (a database a team shares holds everyone's).
    QCOMPARE(model->headerData(RunsModel::HostColumn, Qt::Horizontal).toString(), u"Host"_s);
    QCOMPARE(model->index(row0, RunsModel::HostColumn).data().toString(), u"ana@gpu0"_s);
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->row(row).run.id == ids[1])
            QCOMPARE(model->index(row, RunsModel::HostColumn).data().toString(), u"gpu1"_s);
    listed.clear();
    QVERIFY(model->setData(note, u"  baseline before the ablation "_s));
    QCOMPARE(model->index(row0, RunsModel::NoteColumn).data().toString(), u"baseline before the ablation"_s);
    QVERIFY(listed.wait(10000)); // written, then read again
    model->setTags(ids[2], {{u"team"_s, u"vision"_s}}, {});
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            StoreReader reader;
            return reader.open(db, nullptr) &&
                   reader.tags(ids[0]).value(u"note"_s) == u"baseline before the ablation"_s &&
                   reader.tags(ids[2]).value(u"team"_s) == u"vision"_s;
        }(),
        10000);
    QTRY_COMPARE_WITH_TIMEOUT((filter->setText(u"note~ablation"_s), names()), QStringList{u"filter-0"_s},
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT((filter->setText(u"team=vision"_s), names()), QStringList{u"filter-2"_s},
                              10000);
    // An emptied note is removed.
    listed.clear();
    filter->clear();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->row(row).run.id == ids[0])
            QVERIFY(model->setData(model->index(row, RunsModel::NoteColumn), QString()));
    QVERIFY(listed.wait(10000));
    StoreReader reader;
    QVERIFY(reader.open(db, nullptr));
    QVERIFY(!reader.tags(ids[0]).contains(u"note"_s));
    // A note typed in the table survives the list's reloads while its editor is open (a reset closed it).
    QModelIndex cell;
    for (int row = 0; row < shown->rowCount(); ++row)
        if (shown->index(row, RunsModel::NameColumn).data().toString() == u"filter-1"_s)
            cell = shown->index(row, RunsModel::NoteColumn);
    QVERIFY(cell.isValid());
    table->setCurrentIndex(cell);
    table->edit(cell);
    QPointer<QLineEdit> editor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->setText(u"typed while it reloads"_s);
    model->reload(db);
    QTest::qWait(500);
    QVERIFY(editor);
    QCOMPARE(editor->text(), u"typed while it reloads"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            StoreReader r;
            return r.open(db, nullptr) && r.tags(ids[1]).value(u"note"_s) == u"typed while it reloads"_s;
        }(),
        10000);
}

// The runs browser lists the newest run first, shows parameters as columns that the filter sees, translates
// statuses, and a deleted run's page closes.
void TestWidgets::runsListNewestFirstWithParametersAndDeletedTabsClose() {
    const QString db = qEnvironmentVariable("TRAINYARD_DB");
    const qint64 future = QDateTime::currentMSecsSinceEpoch() + 86'400'000; // newer than any other test's run
    qint64 older = 0, newer = 0;
    {
        StoreWriter w;
        QString error;
        QVERIFY2(w.open(db, &error), qPrintable(error));
        for (int i = 0; i < 2; ++i) {
            RunRow r;
            r.uid = u"param-run-%1-%2"_s.arg(future).arg(i);
            r.name = u"param-%1"_s.arg(i);
            r.status = RunStatus::Finished;
            r.createdMs = r.startedMs = future + i * 1000;
            r.endedMs = r.startedMs + 5000;
            const qint64 id = w.createRun(r, &error);
            QVERIFY(
                w.setParams(id, {{u"lr"_s, i ? u"0.003"_s : u"0.0001"_s}, {u"zz_batch"_s, u"64"_s}}, &error));
            QVERIFY(
                w.appendPoints(id, 0, {IncomingPoint{u"acc"_s, 7, 0.25, r.startedMs}}, std::nullopt, &error));
            (i ? newer : older) = id;
        }
    }
    MainWindow w;
    w.resize(2400, 800); // room a stretched last column would take
    w.show();
    QSignalSpy listed(w.runsModel(), &RunsModel::loaded);
    QVERIFY(listed.wait(10000));
    RunsModel *model = w.runsModel();
    QVERIFY(model->parameterKeys().contains(u"lr"_s));
    const int lrColumn = RunsModel::ColumnCount + int(model->parameterKeys().indexOf(u"lr"_s));
    QCOMPARE(model->headerData(lrColumn, Qt::Horizontal).toString(), u"lr"_s);
    auto *table = w.findChild<QTableView *>(u"runsTable"_s);
    QVERIFY(table);
    QAbstractItemModel *shown = table->model();
    QCOMPARE(shown->index(0, RunsModel::NameColumn).data().toString(), u"param-1"_s); // newest first
    QCOMPARE(shown->index(1, RunsModel::NameColumn).data().toString(), u"param-0"_s);
    QCOMPARE(shown->index(0, lrColumn).data().toString(), u"0.003"_s);
    QCOMPARE(shown->index(0, RunsModel::StatusColumn).data(RunsModel::StatusRole).toString(), u"finished"_s);
    // Columns hold what they show (Started is not cut), and the last one does not take half the table.
    QTest::qWait(50); // laid out
    QVERIFY(
        table->columnWidth(RunsModel::StartedColumn) >
        table->fontMetrics().horizontalAdvance(shown->index(0, RunsModel::StartedColumn).data().toString()));
    const int last = shown->columnCount() - 1;
    QVERIFY2(table->columnWidth(last) <= std::max(160, table->viewport()->width() / 4),
             qPrintable(u"%1 of %2"_s.arg(table->columnWidth(last)).arg(table->viewport()->width())));
    // Sorting by a parameter sorts numbers as numbers.
    table->sortByColumn(lrColumn, Qt::AscendingOrder);
    int first = -1, second = -1;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QString name = shown->index(row, RunsModel::NameColumn).data().toString();
        (name == u"param-0"_s ? first : name == u"param-1"_s ? second : row) = row;
    }
    QVERIFY(first >= 0 && first < second);
    // The filter sees parameter values.
    auto *filter = w.findChild<QLineEdit *>(u"runsFilter"_s);
    QVERIFY(filter);
    filter->setText(u"0.0001"_s);
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, RunsModel::NameColumn).data().toString(), u"param-0"_s);
    filter->clear();
    // A run's page: its one point shows as a dot. Deleting the run closes the page.
    RunDashboard *page = w.openRun(older, u"param-0"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page->dotCurves(u"acc"_s), 1, 10000); // drawn (each chart on its own turn)
    QCOMPARE(page->pointCount(u"acc"_s), 1);
    // Its value axis is a narrow range around it (0.25), not QCustomPlot's fallback of a few units.
    const auto [lower, upper] = page->valueAxis(u"acc"_s);
    QVERIFY2(lower < 0.25 && 0.25 < upper && upper - lower < 0.1,
             qPrintable(u"%1 .. %2"_s.arg(lower).arg(upper)));
    const int tabs = w.tabCount();
    QPointer<RunDashboard> guard(page);
    model->removeRun(db, older);
    QTRY_COMPARE_WITH_TIMEOUT(w.tabCount(), tabs - 1, 10000);
    QTRY_VERIFY(guard.isNull());
    QSignalSpy gone(model, &RunsModel::loaded);
    model->removeRun(db, newer); // leaves the shared database as it was
    QVERIFY(gone.wait(10000));
}

void TestWidgets::emptyDatabaseShowsAHint() {
    QTemporaryDir dir;
    MainWindow w;
    w.show();
    QSignalSpy listed(w.runsModel(), &RunsModel::loaded);
    w.setDatabase(dir.filePath(u"empty.db"_s));
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel *>(u"runsHint"_s)->isVisible(), 10000);
    QVERIFY(!w.findChild<QTableView *>(u"runsTable"_s)->isVisible());
    QVERIFY(w.findChild<QLabel *>(u"runsHint"_s)->text().contains(u"trainyard launch"_s));
    w.setDatabase(qEnvironmentVariable("TRAINYARD_DB")); // back to the tests' database
}

// A followed run folder: new output scrolls into view while the list shows its end; scrolled up, it stays.
void TestWidgets::logsFollowNewOutputAtTheEnd() {
    QTemporaryDir dir;
    QFile out(dir.filePath(u"rank-0.out"_s));
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < 300; ++i)
        out.write("step " + QByteArray::number(i) + "\n");
    out.flush();
    LogsView logs;
    logs.resize(600, 300);
    logs.show();
    QSignalSpy loaded(&logs, &LogsView::loaded);
    logs.followRunFolder(dir.path());
    QVERIFY(loaded.wait(10000));
    logs.findChild<QListView *>()->scrollToBottom();
    QVERIFY(logs.showsTheEnd());
    for (int i = 300; i < 600; ++i)
        out.write("step " + QByteArray::number(i) + "\n");
    out.flush();
    QVERIFY(loaded.wait(10000));
    QTRY_COMPARE(logs.visibleLines(), 600);
    QVERIFY(logs.showsTheEnd());
    // Scrolled up to read: new lines do not move the view.
    logs.findChild<QListView *>()->scrollToTop();
    for (int i = 600; i < 700; ++i)
        out.write("step " + QByteArray::number(i) + "\n");
    out.flush();
    QVERIFY(loaded.wait(10000));
    QVERIFY(!logs.showsTheEnd());
    logs.stopFollowing();
}

void TestWidgets::germanTranslation() {
    QTranslator de;
    QVERIFY(de.load(QLocale(u"de_DE"_s), u"trainyard"_s, u"_"_s, u":/i18n"_s));
    QCOMPARE(de.translate("trainyard::MainWindow", "&File"), u"&Datei"_s);
    QCOMPARE(de.translate("trainyard::RunsModel", "Duration"), u"Dauer"_s);
    QCOMPARE(de.translate("trainyard::ConfigView", "%n error(s)", nullptr, 2), u"%n Fehler"_s);
    QCOMPARE(de.translate("trainyard::ConfigForm", "%n problem(s)", nullptr, 2), u"%n Probleme"_s);
    // Engine diagnostics and launch flag help are translated too; the catalogue has no unfinished message.
    QCOMPARE(de.translate("trainyard::ConfigMessages", "%1 must be an integer, not %2 '%3'"),
             u"%1 muss eine ganze Zahl sein, nicht %2 '%3'"_s);
    QFile ts(QStringLiteral(TRAINYARD_TEST_DATA) + u"/../../translations/trainyard_de.ts"_s);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray catalogue = ts.readAll();
    QVERIFY(catalogue.contains("<translation>"));
    QCOMPARE(catalogue.count("type=\"unfinished\""), 0);
    // English plural forms ("1 field", "2 fields") come from the English catalogue: none may be missing.
    QFile en(QStringLiteral(TRAINYARD_TEST_DATA) + u"/../../translations/trainyard_en.ts"_s);
    QVERIFY(en.open(QIODevice::ReadOnly));
    const QString english = QString::fromUtf8(en.readAll());
    const QRegularExpression unfinishedPlural(
        u"<message numerus=\"yes\">((?!</message>).)*type=\"unfinished\""_s,
        QRegularExpression::DotMatchesEverythingOption);
    QVERIFY2(!unfinishedPlural.match(english).hasMatch(),
             qPrintable(unfinishedPlural.match(english).captured(0).left(300)));
    // Qt's own buttons and dialogs follow (qtbase's catalogue, from qt6-translations-l10n).
    const QString language = installTranslations(*qApp, u"de"_s);
    const auto restore = qScopeGuard([] {
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        installTranslations(*qApp, u"en"_s);
    });
    QCOMPARE(language, u"de"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
}

void TestWidgets::memoryViewEstimates() {
    MemoryView view;
    view.setModelPath(QStringLiteral(TRAINYARD_TEST_DATA) + u"/models/llama-2-7b"_s);
    view.setConfigFile(QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/fsdp.yaml"_s);
    view.setMaxMemory(u"0=16GiB,1=16GiB,cpu=64GiB"_s);
    QSignalSpy done(&view, &MemoryView::estimated);
    view.estimate();
    QVERIFY(done.wait(20000));
    QVERIFY(done.first().first().toBool());
    QVERIFY2(view.summaryText().contains(u"LlamaForCausalLM"_s), qPrintable(view.summaryText()));
    QVERIFY(view.summaryText().contains(u"Training"_s)); // the fit verdict for GPU 0
    QVERIFY(view.deviceMapRows() > 1);
    QVERIFY(view.trainingTerms() >= 5); // weights, gradients, optimizer, gathered unit, activations, ...
    // The strategies side by side for a batch, sequence, precision, GPU count and GPU memory: every cell as
    // `trainyard estimate-memory --strategies --json` computes it.
    view.setBatchSize(4);
    view.setSequenceLength(1024);
    view.setMixedPrecision(u"bf16"_s);
    view.setGpus(8);
    view.setGpuMemory(u"40GiB"_s);
    QSignalSpy again(&view, &MemoryView::estimated);
    view.estimate();
    QVERIFY(again.wait(20000));
    const QStringList labels{u"DDP"_s, u"FSDP"_s, u"FSDP + CPU offload"_s, u"ZeRO-2"_s, u"ZeRO-3"_s};
    QCOMPARE(view.strategyLabels(), labels);
    // Sizes carry their true unit (powers of 1024: GiB), and one GPU says why the strategies' totals agree.
    QVERIFY2(view.summaryText().contains(u" GiB"_s) && !view.summaryText().contains(u" GB"_s),
             qPrintable(view.summaryText()));
    QVERIFY(!view.summaryText().contains(u"On one GPU"_s));
    view.setGpus(1);
    QSignalSpy single(&view, &MemoryView::estimated);
    view.estimate();
    QVERIFY(single.wait(20000));
    QVERIFY2(view.summaryText().contains(u"On one GPU, DDP, FSDP and ZeRO shard nothing"_s),
             qPrintable(view.summaryText()));
    view.setGpus(8);
    QSignalSpy eight(&view, &MemoryView::estimated);
    view.estimate();
    QVERIFY(eight.wait(20000));
    QProcess cli;
    cli.start(QStringLiteral(TRAINYARD_CLI),
              {u"estimate-memory"_s, QStringLiteral(TRAINYARD_TEST_DATA) + u"/models/llama-2-7b"_s,
               u"--config_file"_s, QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/fsdp.yaml"_s,
               u"--strategies"_s, u"--json"_s, u"--batch-size"_s, u"4"_s, u"--seq-len"_s, u"1024"_s,
               u"--mixed_precision"_s, u"bf16"_s, u"--num_processes"_s, u"8"_s, u"--max-memory"_s,
               u"0=40GiB"_s});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonArray strategies =
        QJsonDocument::fromJson(cli.readAllStandardOutput())[u"strategies"_s].toArray();
    QCOMPARE(strategies.size(), 5);
    int checked = 0;
    for (int c = 0; c < 5; ++c) {
        const QJsonObject s = strategies.at(c).toObject();
        QCOMPARE(s[u"label"_s].toString(), labels.at(c));
        const QJsonObject terms = s[u"terms"_s].toObject();
        for (auto it = terms.begin(); it != terms.end(); ++it, ++checked)
            QCOMPARE(view.strategyCell(it.key(), c), memory::formatBytes(it.value().toDouble()));
        QCOMPARE(view.strategyCell(u"total"_s, c), memory::formatBytes(s[u"per_gpu_bytes"_s].toDouble()));
        QCOMPARE(view.strategyCell(u"fits"_s, c), s[u"fits"_s].toBool() ? u"yes"_s : u"no"_s);
        QCOMPARE(view.barTotals().value(c), memory::formatBytes(s[u"per_gpu_bytes"_s].toDouble()));
    }
    QVERIFY(checked >= 25);
    QVERIFY(view.summaryText().contains(u"batch 4 x 1024"_s));
    QVERIFY(view.summaryText().contains(u"device map in float32"_s)); // the CLI's default dtype
    // A model Trainyard cannot read is said so, naming the file.
    view.setModelPath(QStringLiteral(TRAINYARD_TEST_DATA) + u"/models/published.txt"_s);
    QSignalSpy failed(&view, &MemoryView::estimated);
    view.estimate();
    QVERIFY(failed.wait(20000));
    QVERIFY(!failed.first().first().toBool());
    QVERIFY(view.summaryText().contains(u"published.txt"_s));
}

void TestWidgets::logsViewFindsTheFirstError() {
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(u"rank-0.out"_s, "step 1 loss 2.0\nstep 2 loss 1.5\n");
    write(u"rank-0.err"_s, "UserWarning: something deprecated\n");
    write(u"rank-1.out"_s, "step 1 loss 2.1\n");
    write(u"rank-1.err"_s,
          "Traceback (most recent call last):\n  File \"train.py\", line 3\nRuntimeError: boom\n");
    LogsView view;
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&view, &LogsView::loaded);
    view.loadRunFolder(dir.path());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(view.model()->rowCount(), 7);
    const int first = view.model()->firstError();
    QVERIFY(first >= 0);
    QCOMPARE(view.model()->data(view.model()->index(first)).toString(),
             u"[rank 1] Traceback (most recent call last):"_s);
    QVERIFY(view.model()->data(view.model()->index(first), LogModel::FirstErrorRole).toBool());
    QCOMPARE(view.model()->ranks(), (QList<int>{0, 1}));
    view.setRankFilter(1);
    QCOMPARE(view.visibleLines(), 4);
    view.setSearch(u"boom"_s);
    QCOMPARE(view.visibleLines(), 1);
    view.setRankFilter(0);
    QCOMPARE(view.visibleLines(), 0);
    QVERIFY(view.jumpToFirstError());
    QCOMPARE(view.visibleLines(), 7); // the filters are cleared to show it
    // A warning alone is not an error; lines appended live are searched too.
    LogModel live;
    live.append({{0, true, u"UserWarning: careful"_s}});
    QCOMPARE(live.firstError(), -1);
    live.append({{1, true, u"torch.OutOfMemoryError: CUDA out of memory."_s}});
    QCOMPARE(live.firstError(), 1);
    // The highlight reads on either theme: a pale background in the light one, a deep one in the dark one,
    // with stderr text that contrasts with it.
    for (const auto theme : {StudioSettings::Theme::Light, StudioSettings::Theme::Dark}) {
        applyTheme(theme);
        const QColor back = live.data(live.index(1), Qt::BackgroundRole).value<QBrush>().color();
        const QColor text = live.data(live.index(1), Qt::ForegroundRole).value<QBrush>().color();
        const bool dark = theme == StudioSettings::Theme::Dark;
        QVERIFY2(dark ? back.lightness() < 100 : back.lightness() > 180, qPrintable(back.name()));
        QVERIFY2(std::abs(text.lightness() - back.lightness()) > 80, qPrintable(text.name() + back.name()));
    }
    applyTheme(StudioSettings::Theme::System);
}

void TestWidgets::logFilterFollowsATail() {
    // The filter model, checked by Qt's model tester, as lines arrive and the filter changes.
    LogModel model;
    LogFilterModel filter(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append({{0, false, u"step 1 loss 2.0"_s}, {1, false, u"step 1 loss 2.1"_s}});
    QCOMPARE(filter.rowCount(), 2);
    filter.setFilter(u"LOSS 2.1"_s, -1); // case-insensitive
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.data(filter.index(0)).toString(), u"[rank 1] step 1 loss 2.1"_s);
    model.append({{1, true, u"RuntimeError: boom"_s}, {0, false, u"step 2 loss 2.1"_s}});
    QCOMPARE(filter.rowCount(), 2); // the new matching line only
    QCOMPARE(filter.sourceRow(1), 3);
    QCOMPARE(filter.rowOf(2), -1);
    filter.setFilter({}, 1);
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(filter.rowOf(2), 1);
    filter.setFilter({}, -1);
    QVERIFY(!filter.isFiltering());
    QCOMPARE(filter.rowCount(), 4);
}

void TestWidgets::logsKeepAMillionLines() {
    // A long run's tail: 1.2M lines through append keep the newest 1M (the first error moves with them),
    // ranks are known without rescanning, and a filter over 1M lines is computed off the GUI thread while
    // lines keep arriving; those are filtered as they come and the oldest matches leave with their lines.
    LogModel model;
    LogFilterModel filter(&model);
    auto chunk = [](int from, int n) {
        QList<LogModel::Line> lines;
        lines.reserve(n);
        for (int i = from; i < from + n; ++i)
            lines << LogModel::Line{i % 8, false,
                                    i % 1000 == 0 ? u"needle %1"_s.arg(i) : u"step %1 loss 0.5"_s.arg(i)};
        return lines;
    };
    model.append({{3, true, u"RuntimeError: early"_s}});
    for (int from = 1; from < 1'200'001; from += 100'000)
        model.append(chunk(from, 100'000));
    QCOMPARE(model.rowCount(), int(LogModel::MaxLines));
    QCOMPARE(model.dropped(), 200'001);
    QCOMPARE(model.firstError(), -1); // the early error left with its line
    QCOMPARE(model.ranks(), (QList<int>{0, 1, 2, 3, 4, 5, 6, 7}));
    QCOMPARE(model.data(model.index(0)).toString(), u"[rank 1] step 200001 loss 0.5"_s);
    QSignalSpy filtered(&filter, &LogFilterModel::filtered);
    filter.setFilter(u"needle"_s, -1);
    QVERIFY(filter.isPending());          // not on this thread
    model.append(chunk(1'200'001, 1000)); // arrives while the worker filters: one needle (1,201,000)
    QVERIFY(filtered.wait(20000));
    QVERIFY(!filter.isPending());
    // The snapshot held needles 201,000 .. 1,200,000 (1000); the 1000 new lines pushed out lines up to
    // 201,000 (one needle) and brought needle 1,201,000.
    QCOMPARE(filter.rowCount(), 1000);
    QCOMPARE(filter.data(filter.index(0)).toString(), u"[rank 0] needle 202000"_s);
    QCOMPARE(filter.data(filter.index(999)).toString(), u"[rank 0] needle 1201000"_s);
    model.append(chunk(1'201'001, 5000)); // filtered as it arrives; 5000 old lines (5 needles) leave
    QCOMPARE(filter.rowCount(), 1000);
    QCOMPARE(filter.data(filter.index(0)).toString(), u"[rank 0] needle 207000"_s);
    QCOMPARE(filter.data(filter.index(filter.rowCount() - 1)).toString(), u"[rank 0] needle 1206000"_s);
}

void TestWidgets::wizardAsksTheQuestionnaire() {
    // The same answers as the terminal questionnaire's multi-CPU case, through the dialog.
    MainWindow window;
    const int tabsBefore = window.tabCount();
    ConfigWizard *wizard = window.startWizard();
    QSignalSpy asked(wizard, &ConfigWizard::questionAsked);
    QSignalSpy completed(wizard, &ConfigWizard::completed);
    const QStringList answers = {u"0"_s, u"1"_s, u"1"_s, u"no"_s, u"no"_s, u"no"_s, u"4"_s, u"0"_s};
    for (const QString &a : answers) {
        QVERIFY2(asked.wait(10000), qPrintable(u"no question before answer "_s + a));
        asked.clear();
        wizard->submit(a);
    }
    QVERIFY(completed.wait(10000));
    Value config = completed.first().first().value<Value>();
    QCOMPARE(config.get(u"distributed_type"_s), Value::string(u"MULTI_CPU"_s));
    QCOMPARE(config.get(u"num_processes"_s), Value::integer(4));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ConfigWizard::SavePage), 10000);
    // Back from the save page asks the last question again, its answer chosen; two questions further back,
    // a different process count changes the config, and the answers before it are kept.
    const QString lastQuestion = wizard->currentQuestion();
    asked.clear();
    wizard->back();
    QVERIFY(asked.wait(10000));
    QCOMPARE(wizard->currentId(), int(ConfigWizard::QuestionsPage));
    QCOMPARE(wizard->currentQuestion(), lastQuestion);
    QCOMPARE(wizard->answeredCount(), int(answers.size()) - 1);
    asked.clear();
    QVERIFY(wizard->previousQuestion());
    QVERIFY(asked.wait(10000));
    QCOMPARE(wizard->answeredCount(), int(answers.size()) - 2);
    QVERIFY2(wizard->currentQuestion().contains(u"How many"_s), qPrintable(wizard->currentQuestion()));
    completed.clear();
    for (const QString &a : {u"3"_s, u"0"_s}) {
        asked.clear();
        wizard->submit(a);
        if (a == u"3"_s)
            QVERIFY(asked.wait(10000));
    }
    QVERIFY(completed.wait(10000));
    config = completed.first().first().value<Value>();
    QCOMPARE(config.get(u"distributed_type"_s), Value::string(u"MULTI_CPU"_s));
    QCOMPARE(config.get(u"num_processes"_s), Value::integer(3));
    QCOMPARE(config.get(u"mixed_precision"_s), Value::string(u"no"_s));
    // The last page shows the config and saves it where asked (atomically); the editor opens the file.
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ConfigWizard::SavePage), 10000);
    QVERIFY(wizard->savePath().endsWith(u"/accelerate/default_config.yaml"_s)); // where accelerate looks
    QTemporaryDir dir;
    const QString path = dir.filePath(u"wizard/multi_cpu.yaml"_s);
    wizard->setSavePath(path);
    QSignalSpy saved(wizard, &ConfigWizard::saved);
    QSignalSpy shown(&window, &MainWindow::configShown);
    wizard->accept(); // Finish
    QCOMPARE(saved.size(), 1);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY2(text.contains("distributed_type: MULTI_CPU\n") && text.contains("num_processes: 3\n"),
             text.constData());
    QVERIFY(shown.wait(10000));
    QCOMPARE(window.tabCount(), tabsBefore + 1);
    QCOMPARE(window.currentView()->document()->fileName(), path);
    QCOMPARE(window.currentView()->document()->value(u"use_cpu"_s), Value::boolean(true));
}

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"

// The Launch tab adds runs to the queue instead of starting them; the Queue tab shows them in order, reorders
// them by a drop, pauses and resumes, and starts a runner with a GPU pool of its own that runs them.
void TestWidgets::queueFromTheStudio() {
    QTemporaryDir dir;
    const QString db = databasePath(); // the tests' $TRAINYARD_DB, which wins over --db
    const QString script = dir.filePath(u"rank.sh"_s);
    {
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho \"$CUDA_VISIBLE_DEVICES\" > \"$0.$TRAINYARD_RUN_ID\"\nsleep 0.3\n");
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    }
    LaunchPanel panel;
    panel.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    panel.setDatabase(db);
    panel.setScript(script);
    QSignalSpy queued(&panel, &LaunchPanel::queued);
    panel.setQueueGpus(1);
    panel.enqueue();
    QVERIFY(queued.wait(20000));
    const QString gpuRun = queued.last().first().toString();
    panel.setQueueGpus(0);
    panel.enqueue();
    QVERIFY(queued.wait(20000));
    const QString cpuRun = queued.last().first().toString();

    QueuePanel queue;
    queue.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    QueueModel *model = queue.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(model, &QueueModel::loaded);
    queue.setDatabase(db);
    QVERIFY(loaded.wait(10000));
    const auto rowOf = [&](const QString &uid) {
        for (int i = 0; i < model->rowCount(); ++i)
            if (model->entry(i).uid == uid)
                return i;
        return -1;
    };
    QVERIFY(rowOf(gpuRun) >= 0 && rowOf(cpuRun) == rowOf(gpuRun) + 1);
    QCOMPARE(model->data(model->index(rowOf(gpuRun), QueueModel::StateColumn)).toString(), u"waiting"_s);
    // "1 GPU" once the English plurals are installed, the source text before.
    QVERIFY(
        model->data(model->index(rowOf(gpuRun), QueueModel::AsksColumn)).toString().startsWith(u"1 GPU"_s));
    // The CPU run dragged above the GPU run.
    std::unique_ptr<QMimeData> drag(model->mimeData({model->index(rowOf(cpuRun), 0)}));
    QVERIFY(drag);
    model->dropMimeData(drag.get(), Qt::MoveAction, rowOf(gpuRun), 0, {});
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(cpuRun) >= 0 && rowOf(cpuRun) + 1 == rowOf(gpuRun), 10000);
    QCOMPARE(model->entry(rowOf(cpuRun)).position + 1, model->entry(rowOf(gpuRun)).position);
    queue.togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(model->paused(), 10000);
    queue.togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(!model->paused(), 10000);

    queue.setPool(u"3"_s, 1);
    queue.startRunner();
    QVERIFY(queue.runnerRunning());
    const auto done = [&](const QString &uid) {
        const int row = rowOf(uid);
        return row >= 0 && model->entry(row).state() == QueueEntry::State::Done;
    };
    QTRY_VERIFY_WITH_TIMEOUT((queue.reload(), done(gpuRun) && done(cpuRun)), 60000);
    QCOMPARE(model->entry(rowOf(gpuRun)).status, RunStatus::Finished);
    QCOMPARE(model->entry(rowOf(gpuRun)).devices, QList<int>{3});
    QCOMPARE(model->data(model->index(rowOf(gpuRun), QueueModel::GpuIdsColumn)).toString(), u"3"_s);
    QFile seen(script + u"."_s + gpuRun);
    QVERIFY(seen.open(QIODevice::ReadOnly));
    QCOMPARE(seen.readAll().trimmed(), QByteArray("3")); // the pool's id, as CUDA_VISIBLE_DEVICES
    QTRY_VERIFY_WITH_TIMEOUT(queue.runnerOutput().contains(gpuRun), 10000);
    queue.stopRunner();
    QTRY_VERIFY_WITH_TIMEOUT(!queue.runnerRunning(), 10000);

    // An ended run's page offers "Run Again": the launch panel starts its command again as a new run.
    RunDashboard page(db, model->entry(rowOf(gpuRun)).runId);
    QPushButton *again = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((again = [&]() -> QPushButton * {
                                 for (QPushButton *b : page.findChildren<QPushButton *>())
                                     if (b->text() == u"Run &Again"_s && !b->isHidden())
                                         return b;
                                 return nullptr;
                             }()) != nullptr,
                             10000);
    connect(&page, &RunDashboard::runAgainRequested, &panel, &LaunchPanel::runAgain);
    QSignalSpy launched(&panel, &LaunchPanel::launched);
    QSignalSpy finished(&panel, &LaunchPanel::finished);
    again->click();
    QVERIFY(launched.wait(20000));
    const QString rerun = launched.last().first().toString();
    QVERIFY(rerun != gpuRun);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toInt(), 0);
    QVERIFY(QFile::exists(script + u"."_s + rerun)); // the same script ran again
}

// A sweep's page: its trials with their parameters and objective, the best marked, the objective by trial and
// one parallel-coordinates line per trial; More Trials continues the sweep with new trials of its own.
void TestWidgets::sweepPage() {
    QTemporaryDir dir;
    // A database of its own: the trials' random parameters stay out of the other cases' runs list.
    const QByteArray shared = qgetenv("TRAINYARD_DB");
    qputenv("TRAINYARD_DB", dir.filePath(u"db/trainyard.db"_s).toUtf8());
    const auto restore = qScopeGuard([shared] { qputenv("TRAINYARD_DB", shared); });
    const QString db = databasePath();
    {
        QFile trial(dir.filePath(u"trial.py"_s));
        QVERIFY(trial.open(QIODevice::WriteOnly));
        trial.write(
            "import argparse\nfrom trainyard_tracker import TrainyardTracker\n"
            "p = argparse.ArgumentParser(); p.add_argument('--x', type=float); p.add_argument('--opt')\n"
            "a = p.parse_args(); t = TrainyardTracker(); t.log({'loss': (a.x - 1) ** 2}, step=1); "
            "t.finish()\n");
        QFile sweep(dir.filePath(u"sweep.yaml"_s));
        QVERIFY(sweep.open(QIODevice::WriteOnly));
        sweep.write("program: trial.py\nmethod: random\nmetric: {name: loss}\nparameters:\n"
                    "  x: {min: 0.0, max: 3.0}\n  opt: {values: [adam, sgd]}\n");
    }
    QProcess cli;
    cli.setWorkingDirectory(dir.path());
    cli.start(QStringLiteral(TRAINYARD_CLI),
              {u"sweep"_s, u"sweep.yaml"_s, u"--trials"_s, u"3"_s, u"--seed"_s, u"3"_s, u"--json"_s});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject result =
        QJsonDocument::fromJson(cli.readAllStandardOutput().trimmed().split('\n').last()).object();
    const QString id = result[u"sweep"_s].toString();
    QVERIFY(!id.isEmpty());

    SweepView view(db, id);
    view.setLauncherProgram(QStringLiteral(TRAINYARD_CLI));
    SweepModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
    QVERIFY(model->parameterKeys() == (QStringList{u"opt"_s, u"x"_s}));
    const int best = model->bestRow();
    QVERIFY(best >= 0);
    QCOMPARE(model->data(model->index(best, SweepModel::RunColumn)).toString(),
             result[u"best"_s][u"run"_s].toString());
    QVERIFY(model->data(model->index(best, SweepModel::TrialColumn)).toString().contains(u"best"_s));
    QCOMPARE(model->headerData(SweepModel::ObjectiveColumn, Qt::Horizontal).toString(), u"loss"_s);
    QTRY_COMPARE_WITH_TIMEOUT(view.objectivePoints(), 3, 5000);
    QCOMPARE(view.parallelLines(), 3);
    QCOMPARE(view.parallelAxes(), 3); // opt, x, loss

    QSignalSpy continued(&view, &SweepView::continued);
    view.moreTrials(2);
    QVERIFY(continued.count() == 1 || continued.wait(5000));
    QVERIFY2(continued.first().first().toBool(), qPrintable(continued.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(
        (view.refresh(),
         model->rowCount() == 5 && model->summary().trials.last().status == RunStatus::Finished),
        60000);
    QCOMPARE(model->summary().trials.last().trial, 5);
}
