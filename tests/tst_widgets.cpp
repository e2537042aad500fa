// Studio views on the offscreen platform: the diagnostics model under QAbstractItemModelTester, and a config
// opened in the main window, read off the GUI thread.
#include "config/accelerateconfig.h"
#include "configdocument.h"
#include "configform.h"
#include "configview.h"
#include "diagnosticsmodel.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace trainyard;

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
    void newConfigSavesAtomically();
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
    QCOMPARE(w.tabCount(), 1);
    QVERIFY(shown.wait(10000));
    QCOMPARE(shown.first().first().toString(), path);
    QFile expected(QStringLiteral(TRAINYARD_TEST_DATA) + u"/configs/legacy_fp16.canonical.yaml"_s);
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QCOMPARE(w.viewAt(0)->previewText(), QString::fromUtf8(expected.readAll()));
    QCOMPARE(w.viewAt(0)->diagnosticsModel()->rowCount(), 2); // the two legacy-key warnings
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

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
