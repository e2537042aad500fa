// The studio's main window: one tab per open config. Files are read and checked on a worker thread.
#pragma once

#include "system/hardware.h"

#include <QMainWindow>

class QTabWidget;

namespace trainyard {

class ConfigView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a config in a new tab; the file is read off the GUI thread. Emits configShown when it is on
    // screen.
    void openConfig(const QString &path);
    ConfigView *viewAt(int index) const;
    int tabCount() const;

Q_SIGNALS:
    void configShown(const QString &path);

private:
    void chooseAndOpen();

    QTabWidget *m_tabs;
    HardwareInfo m_hardware;
};

} // namespace trainyard
