#include "mainwindow.h"

#include "config/accelerateconfig.h"
#include "configview.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QThreadPool>

namespace trainyard {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this)) {
    setWindowTitle(tr("Trainyard Studio"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_tabs->widget(i);
        m_tabs->removeTab(i);
        w->deleteLater();
    });
    setCentralWidget(m_tabs);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Config..."));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &MainWindow::chooseAndOpen);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    statusBar()->showMessage(tr("Ready"));
    resize(900, 640);
    // Hardware is probed once, off the GUI thread.
    QPointer<MainWindow> self(this);
    QThreadPool::globalInstance()->start([self] {
        const HardwareInfo hw = HardwareInfo::detect();
        if (self)
            QMetaObject::invokeMethod(self, [self, hw] {
                if (self)
                    self->m_hardware = hw;
            });
    });
}

void MainWindow::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open accelerate config"), QString(),
                                                      tr("Configs (*.yaml *.yml *.json);;All files (*)"));
    if (!path.isEmpty())
        openConfig(path);
}

void MainWindow::openConfig(const QString &path) {
    auto *view = new ConfigView(m_tabs);
    const int index = m_tabs->addTab(view, QFileInfo(path).fileName());
    m_tabs->setCurrentIndex(index);
    m_tabs->setTabToolTip(index, path);
    statusBar()->showMessage(tr("Loading %1...").arg(path));
    QPointer<ConfigView> target(view);
    QPointer<MainWindow> self(this);
    const HardwareInfo hw = m_hardware;
    QThreadPool::globalInstance()->start([target, self, path, hw] {
        const AccelerateConfig config = AccelerateConfig::load(path);
        const Diagnostics diagnostics = config.diagnostics(hw);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [target, self, path, config, diagnostics] {
            if (!target || !self)
                return;
            target->show(config, diagnostics);
            self->statusBar()->showMessage(
                tr("%1: %n problem(s)", nullptr, int(diagnostics.size())).arg(path));
            Q_EMIT self->configShown(path);
        });
    });
}

ConfigView *MainWindow::viewAt(int index) const {
    return qobject_cast<ConfigView *>(m_tabs->widget(index));
}

int MainWindow::tabCount() const {
    return m_tabs->count();
}

} // namespace trainyard
