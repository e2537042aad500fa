// Studio views on the offscreen platform: the diagnostics model under QAbstractItemModelTester, and a config
// opened in the main window, read off the GUI thread.
#include "config/accelerateconfig.h"
#include "configview.h"
#include "diagnosticsmodel.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trainyard;

class TestWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void diagnosticsModel();
    void mainWindowOpensConfigOffTheGuiThread();
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

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
