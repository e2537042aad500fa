// The studio's main window: one tab per open config. Files are read and checked on a worker thread; saving
// goes through the document (atomic). Undo and redo follow the current tab.
#pragma once

#include "system/hardware.h"

#include <QMainWindow>

class QMenu;
class QTabWidget;
class QTimer;
class QUndoGroup;

namespace trainyard {

class ConfigView;
class LaunchPanel;
class DatabaseWatcher;
class PushReceiver;
class MemoryView;
class QueuePanel;
class RunDashboard;
class RunCompareModel;
class RunsModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a config in a new tab; the file is read off the GUI thread. Emits configShown when it is on
    // screen.
    void openConfig(const QString &path);
    // A new, empty config (distributed_type NO) in a new tab.
    ConfigView *newConfig();
    // accelerate's questionnaire as a wizard; its config opens in a new tab when it completes.
    class ConfigWizard *startWizard();
    // Saves the current tab to path (or its own file when empty); false and a status message on failure.
    bool saveCurrent(const QString &path = {});
    ConfigView *viewAt(int index) const;
    ConfigView *currentView() const;
    // Shrinks and moves the window into `available` (a screen's free area) when it does not fit there.
    void fitToScreen(const QRect &available);
    int tabCount() const;
    QUndoGroup *undoGroup() const { return m_undo; }
    // The runs browser (first tab) over the run database at path; reloads it off the GUI thread.
    void setDatabase(const QString &path);
    RunsModel *runsModel() const { return m_runs; }
    LaunchPanel *launchPanel() const { return m_launch; }
    MemoryView *memoryView() const { return m_memory; }
    QueuePanel *queuePanel() const { return m_queue; }
    // Brings one of the window's tabs to the front.
    void showTab(QWidget *page);
    // Opens a run's charts in a new tab.
    RunDashboard *openRun(qint64 databaseId, const QString &title);
    // Closes a config or run tab (the first four stay), asking to save a modified config first.
    bool closeTab(int index);
    // The settings dialog; applies what the user accepted.
    void editSettings();
    static constexpr int FixedTabs = 4; // the runs browser, the launch panel, the queue, the memory view
    // Opens a sweep's page (its trials, the objective, parallel coordinates) in a new tab.
    class SweepView *openSweep(const QString &sweepId);
    // Opens several runs overlaid in one dashboard, with what differs between them (launch, config,
    // parameters, last values) below.
    RunDashboard *compareRuns(const QList<qint64> &databaseIds);
    // Opens the run with this id (its folder name) once the runs browser has read the database.
    void openRunWhenListed(const QString &runUid);
    // Compares the runs with these ids once the runs browser has read the database.
    void compareRunsWhenListed(const QStringList &runUids);

Q_SIGNALS:
    void runOpened(trainyard::RunDashboard *dashboard);
    void runsCompared(trainyard::RunDashboard *dashboard, trainyard::RunCompareModel *differences);

    void configShown(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    // Imports runs from a TensorBoard logdir, an MLflow store or a file, off the GUI thread.
    void importRuns(const QString &path);
    void chooseAndOpen();
    void saveAs();
    // Asks whether to save a modified config tab: true when it may close (saved or discarded).
    bool maybeSave(int index);
    ConfigView *addView(const QString &title, const QString &path);
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void updateTitle();
    void closeTabsOfDeletedRuns();
    // Edits the tags of the runs model's row (a KEY=VALUE per line), written off the GUI thread.
    void editRunTags(int row);

    QTabWidget *m_tabs;
    QUndoGroup *m_undo;
    QMenu *m_recent = nullptr;
    RunsModel *m_runs = nullptr;
    // Changes other processes make to the database (data_version), and a slow tick while runs are active: a
    // launcher that dies writes nothing, and the list shows it crashed when read again.
    DatabaseWatcher *m_watcher = nullptr;
    QTimer *m_runsRefresh = nullptr;
    // Points the launchers this studio started push once committed: open dashboards draw them at once.
    PushReceiver *m_push = nullptr;
    LaunchPanel *m_launch = nullptr;
    MemoryView *m_memory = nullptr;
    QueuePanel *m_queue = nullptr;
    QString m_database;
    HardwareInfo m_hardware;
};

} // namespace trainyard
