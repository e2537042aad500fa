#include "mainwindow.h"

#include "background.h"
#include "config/accelerateconfig.h"
#include "configdocument.h"
#include "configform.h"
#include "configview.h"
#include "configwizard.h"
#include "dbwatcher.h"
#include "filedialogs.h"
#include "launch/runrecord.h"
#include "launchpanel.h"
#include "livepush.h"
#include "logsview.h"
#include "memoryview.h"
#include "queuepanel.h"
#include "runcomparemodel.h"
#include "rundashboard.h"
#include "runsgroupmodel.h"
#include "runsmodel.h"
#include "settingsdialog.h"
#include "sweepview.h"

#include <QAbstractItemDelegate>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextCharFormat>
#include <QTimer>
#include <QUndoGroup>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

QString filterHelp() {
    return MainWindow::tr(
        "<p>Every term must hold:</p>"
        "<p><code>epochs=30 lr&gt;=1e-3 loss&lt;0.5</code> a parameter, else a metric (rank 0's last value), "
        "else a tag<br><code>loss.min&lt;0.3 acc.max&gt;0.9</code> a metric's smallest or largest value<br>"
        "<code>status:failed name~bert host=gpu1</code> the run's own fields<br>"
        "<code>params.lr=0.1 metrics.loss&lt;1 tags.team=vision note~ablation</code><br>"
        "<code>\"two words\" resnet</code> text anywhere</p>"
        "<p>Operators: = (or :) != &lt; &gt; &lt;= &gt;= ~ (contains). The same query works in "
        "<code>trainyard runs list --filter</code>.</p>");
}

// Underlines the part of the filter that cannot be read (none when length is 0). QLineEdit draws formats
// given as input-method attributes, relative to the cursor.
void markFilterError(QLineEdit *edit, qsizetype start, qsizetype length) {
    QList<QInputMethodEvent::Attribute> attributes;
    if (length > 0) {
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
        attributes << QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat,
                                                   int(start - edit->cursorPosition()), int(length), format);
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(edit, &event);
    edit->setProperty("filterError", length > 0 ? QVariant(QPoint(int(start), int(length))) : QVariant());
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_undo(new QUndoGroup(this))
    , m_runs(new RunsModel(this))
    , m_watcher(new DatabaseWatcher(this))
    , m_runsRefresh(new QTimer(this)) {
    setWindowTitle(tr("Trainyard Studio"));
    setAcceptDrops(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (ConfigView *v = currentView())
            m_undo->setActiveStack(v->document()->undoStack());
        updateTitle();
    });
    setCentralWidget(m_tabs);
    // The runs browser: the first tab, a sortable table over the run database.
    auto *runsPage = new QWidget(m_tabs);
    auto *runsLayout = new QVBoxLayout(runsPage);
    auto *proxy = new RunsFilterModel(runsPage);
    proxy->setSourceModel(m_runs);
    proxy->setSortRole(RunsModel::SortRole);
    // Grouped by a parameter (or the status) on request: the view then shows the groups' model over the
    // filtered, sorted runs; otherwise the filtered runs themselves (selection kept through sorting).
    auto *groups = new RunsGroupModel(runsPage);
    groups->setObjectName(u"runsGroups"_s);
    groups->setSourceModel(proxy);
    auto *runsView = new QTableView(runsPage);
    runsView->setObjectName(u"runsTable"_s);
    runsView->setModel(proxy);
    runsView->setSortingEnabled(true);
    runsView->sortByColumn(RunsModel::StartedColumn, Qt::DescendingOrder); // newest first
    runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    runsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Columns as wide as what they hold (up to a limit), not the last one stretched over half the table.
    runsView->horizontalHeader()->setStretchLastSection(false);
    runsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // A double click opens a run; the note is edited with F2 or a click on the selected cell.
    runsView->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    // A note being typed survives the list's reloads (a run going on reloads it every few seconds).
    m_runs->setHoldRows([runsView] {
        // An open editor is a visible child of the viewport (the view's own state is not public).
        const QList<QWidget *> children =
            runsView->viewport()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        return std::any_of(children.cbegin(), children.cend(),
                           [](const QWidget *w) { return w->isVisible(); });
    });
    connect(runsView->itemDelegate(), &QAbstractItemDelegate::closeEditor, m_runs,
            [this] { QTimer::singleShot(0, m_runs, &RunsModel::releaseRows); });
    runsView->verticalHeader()->hide();
    auto *runsBar = new QHBoxLayout;
    auto *filter = new QLineEdit(runsPage);
    filter->setObjectName(u"runsFilter"_s);
    filter->setPlaceholderText(tr("Filter: epochs>5 loss<0.5 status:failed name~bert note~text ..."));
    filter->setToolTip(filterHelp());
    filter->setClearButtonEnabled(true);
    auto *filterProblem = new QLabel(runsPage);
    filterProblem->setObjectName(u"runsFilterProblem"_s);
    filterProblem->setVisible(false);
    connect(filter, &QLineEdit::textChanged, this, [this, filter, filterProblem, proxy](const QString &text) {
        RunFilter::Error e;
        if (proxy->setQuery(text, &e)) {
            markFilterError(filter, 0, 0);
            filter->setToolTip(filterHelp());
            filterProblem->setVisible(false);
            return;
        }
        // The last query that could be read still filters; the part that cannot be read is underlined.
        markFilterError(filter, e.start, e.length);
        filter->setToolTip(e.message);
        filterProblem->setText(tr("Cannot read the filter: %1").arg(e.message));
        filterProblem->setVisible(true);
    });
    auto *openButton = new QPushButton(tr("&Open"), runsPage);
    auto *compareButton = new QPushButton(tr("Co&mpare"), runsPage);
    compareButton->setToolTip(tr("Overlay the selected runs' curves and list what differs between them"));
    auto *deleteButton = new QPushButton(tr("&Delete"), runsPage);
    // The database's sweeps, read when the menu opens (off the GUI thread); one opens a sweep page.
    auto *sweepsButton = new QPushButton(tr("S&weeps"), runsPage);
    auto *sweepsMenu = new QMenu(sweepsButton);
    sweepsButton->setMenu(sweepsMenu);
    connect(sweepsMenu, &QMenu::aboutToShow, this, [this, sweepsMenu] {
        sweepsMenu->clear();
        sweepsMenu->addAction(tr("Reading..."))->setEnabled(false);
        runInBackground(
            sweepsMenu,
            [database = m_database] {
                StoreReader reader;
                return reader.open(database, nullptr) ? reader.tagValues(u"sweep"_s) : QStringList();
            },
            [this, sweepsMenu](const QStringList &sweeps) {
                sweepsMenu->clear();
                if (sweeps.isEmpty())
                    sweepsMenu->addAction(tr("No sweeps yet (trainyard sweep FILE)"))->setEnabled(false);
                for (const QString &id : sweeps)
                    sweepsMenu->addAction(id, this, [this, id] { openSweep(id); });
            });
    });
    runsBar->addWidget(filter, 1);
    auto *groupBy = new QComboBox(runsPage);
    groupBy->setObjectName(u"runsGroupBy"_s);
    groupBy->setToolTip(tr("Group the runs by a parameter, their status or their host"));
    groupBy->addItem(tr("No grouping"), -1);
    groupBy->addItem(tr("Group by status"), int(RunsModel::StatusColumn));
    groupBy->addItem(tr("Group by host"), int(RunsModel::HostColumn)); // a team's database: by who and where
    groupBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    runsBar->addWidget(groupBy);
    runsBar->addWidget(openButton);
    runsBar->addWidget(compareButton);
    runsBar->addWidget(deleteButton);
    runsBar->addWidget(sweepsButton);
    runsLayout->addLayout(runsBar);
    runsLayout->addWidget(filterProblem);
    runsLayout->addWidget(runsView);
    // A filter that leaves nothing says so (an empty table looks like an empty database).
    auto *noMatch = new QLabel(runsPage);
    noMatch->setObjectName(u"runsNoMatch"_s);
    noMatch->setAlignment(Qt::AlignCenter);
    noMatch->setVisible(false);
    runsLayout->addWidget(noMatch);
    const auto updateNoMatch = [this, proxy, noMatch, filter] {
        const bool none = proxy->rowCount() == 0 && m_runs->rowCount() > 0;
        noMatch->setText(tr("No run matches \u201c%1\u201d.").arg(filter->text()));
        noMatch->setVisible(none);
    };
    connect(proxy, &QAbstractItemModel::modelReset, noMatch, updateNoMatch);
    connect(proxy, &QAbstractItemModel::layoutChanged, noMatch, updateNoMatch);
    connect(proxy, &QAbstractItemModel::rowsInserted, noMatch, updateNoMatch);
    connect(proxy, &QAbstractItemModel::rowsRemoved, noMatch, updateNoMatch);
    // An empty database says what to do instead of showing an empty table.
    auto *hint = new QLabel(
        tr("<p><b>No runs yet.</b></p><p>Start one from the <b>Launch</b> tab (Alt+2), or from a "
           "terminal:<br>"
           "<code>trainyard launch --num_processes 2 train.py</code></p><p>Runs launched anywhere on this "
           "machine appear here by themselves, with their metrics, logs and status.</p>"),
        runsPage);
    hint->setObjectName(u"runsHint"_s);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setVisible(false);
    runsLayout->addWidget(hint);
    connect(m_runs, &RunsModel::loaded, hint, [this, hint, runsView] {
        const bool empty = m_runs->rowCount() == 0;
        hint->setVisible(empty);
        runsView->setVisible(!empty);
        // Fitted when columns appear (the first list, a new parameter); widths the user set stay otherwise.
        const int columns = m_runs->columnCount();
        if (columns != runsView->property("fittedColumns").toInt()) {
            runsView->setProperty("fittedColumns", columns);
            runsView->resizeColumnsToContents();
            const int cap = std::max(160, runsView->viewport()->width() / 4);
            for (int c = 0; c < columns; ++c)
                runsView->setColumnWidth(c, std::min(runsView->columnWidth(c), cap));
        }
    });
    // A row of the view (filtered, or grouped) as the runs model's; invalid for a group's heading.
    const auto toRuns = [proxy, groups](const QModelIndex &index) {
        const QModelIndex filtered = index.model() == groups ? groups->mapToSource(index) : index;
        return filtered.isValid() ? proxy->mapToSource(filtered) : QModelIndex();
    };
    const auto selectedIds = [this, runsView, toRuns] {
        QList<qint64> ids;
        const QModelIndexList rows = runsView->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows)
            if (const QModelIndex source = toRuns(index); source.isValid())
                ids << m_runs->data(source, RunsModel::DatabaseIdRole).toLongLong();
        return ids;
    };
    const auto updateButtons = [runsView, openButton, compareButton, deleteButton] {
        const qsizetype n = runsView->selectionModel()->selectedRows().size();
        openButton->setEnabled(n >= 1);
        compareButton->setEnabled(n >= 2);
        deleteButton->setEnabled(n == 1);
    };
    connect(runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateButtons);
    connect(proxy, &QAbstractItemModel::modelReset, this, updateButtons);
    connect(groups, &QAbstractItemModel::modelReset, this, updateButtons);
    updateButtons();
    // Grouping: the headings span the row; the view's model (and its selection model) follow the choice.
    const auto spanHeadings = [runsView, groups] {
        if (runsView->model() != groups)
            return;
        runsView->clearSpans();
        for (int r = 0; r < groups->rowCount(); ++r)
            if (groups->isHeading(r))
                runsView->setSpan(r, 0, 1, groups->columnCount());
    };
    connect(groups, &QAbstractItemModel::modelReset, runsView, spanHeadings);
    const auto applyGrouping = [runsView, proxy, groups, groupBy, spanHeadings, updateButtons, this] {
        const int column = groupBy->currentData().toInt();
        groups->setGroupColumn(column);
        QAbstractItemModel *wanted = column < 0 ? static_cast<QAbstractItemModel *>(proxy) : groups;
        if (runsView->model() != wanted) {
            QItemSelectionModel *old = runsView->selectionModel();
            runsView->clearSpans();
            runsView->setModel(wanted);
            delete old;
            connect(runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateButtons);
        }
        spanHeadings();
        updateButtons();
    };
    connect(groupBy, &QComboBox::currentIndexChanged, this, applyGrouping);
    // The parameters to group by, as the list has them (the choice stays while its parameter does).
    connect(m_runs, &RunsModel::loaded, groupBy, [this, groupBy, groups, applyGrouping] {
        const QString chosen = groupBy->currentText();
        {
            const QSignalBlocker quiet(groupBy);
            while (groupBy->count() > 3)
                groupBy->removeItem(3);
            const QStringList keys = m_runs->parameterKeys();
            for (int i = 0; i < keys.size(); ++i)
                groupBy->addItem(tr("Group by %1").arg(keys[i]), int(RunsModel::ColumnCount) + i);
            groupBy->setCurrentIndex(std::max(0, groupBy->findText(chosen))); // gone: ungrouped
        }
        if (groupBy->currentData().toInt() != groups->groupColumn()) // gone, or now another column
            applyGrouping();
    });
    auto *compare = new QAction(tr("Co&mpare Runs"), runsView);
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    compare->setShortcutContext(Qt::WidgetShortcut);
    runsView->addAction(compare);
    const auto compareSelected = [this, selectedIds] {
        const QList<qint64> ids = selectedIds();
        if (ids.size() >= 2)
            compareRuns(ids);
        else
            statusBar()->showMessage(tr("Select two or more runs to compare (Ctrl+click)."), 5000);
    };
    connect(compare, &QAction::triggered, this, compareSelected);
    connect(compareButton, &QPushButton::clicked, this, compareSelected);
    const auto openSelected = [this, runsView, toRuns] {
        const QModelIndexList rows = runsView->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows) {
            const QModelIndex source = toRuns(index);
            if (!source.isValid())
                continue;
            openRun(m_runs->data(source, RunsModel::DatabaseIdRole).toLongLong(),
                    m_runs->data(m_runs->index(source.row(), RunsModel::NameColumn)).toString());
        }
    };
    connect(openButton, &QPushButton::clicked, this, openSelected);
    auto *remove = new QAction(tr("&Delete Run"), runsView);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    runsView->addAction(remove);
    runsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto removeCurrent = [this, runsView, toRuns] {
        const QModelIndex source = toRuns(runsView->currentIndex());
        if (!source.isValid())
            return;
        const QString name = m_runs->data(m_runs->index(source.row(), RunsModel::NameColumn)).toString();
        if (QMessageBox::question(this, tr("Delete run"),
                                  tr("Delete the run %1, its metrics and its logs?").arg(name)) ==
            QMessageBox::Yes)
            m_runs->removeRun(m_database, m_runs->data(source, RunsModel::DatabaseIdRole).toLongLong());
    };
    connect(remove, &QAction::triggered, this, removeCurrent);
    auto *editNote = new QAction(tr("Edit &Note"), runsView);
    runsView->addAction(editNote);
    connect(editNote, &QAction::triggered, this, [runsView, toRuns] {
        const QModelIndex index = runsView->currentIndex();
        if (toRuns(index).isValid())
            runsView->edit(index.sibling(index.row(), RunsModel::NoteColumn));
    });
    auto *editTags = new QAction(tr("Edit &Tags..."), runsView);
    runsView->addAction(editTags);
    connect(editTags, &QAction::triggered, this, [this, runsView, toRuns] {
        if (const QModelIndex source = toRuns(runsView->currentIndex()); source.isValid())
            editRunTags(source.row());
    });
    connect(deleteButton, &QPushButton::clicked, this, removeCurrent);
    connect(runsView, &QTableView::doubleClicked, this, [this, toRuns](const QModelIndex &index) {
        const QModelIndex source = toRuns(index);
        if (!source.isValid())
            return; // a group's heading
        openRun(m_runs->data(source, RunsModel::DatabaseIdRole).toLongLong(),
                m_runs->data(m_runs->index(source.row(), RunsModel::NameColumn)).toString());
    });
    connect(m_runs, &RunsModel::failed, this, [this](const QString &e) { statusBar()->showMessage(e); });
    connect(m_runs, &RunsModel::imported, this,
            [this](const QString &path, int runs, qint64 points, const QStringList &problems,
                   const QString &error) {
                QString text = error.isEmpty() ? tr("Imported %n run(s) (%1 points) from %2.", nullptr, runs)
                                                     .arg(QLocale().toString(points), path)
                                               : tr("Import from %1 stopped: %2").arg(path, error);
                if (!problems.isEmpty())
                    text += u' ' + tr("%n problem(s): damaged records or lines were skipped.", nullptr,
                                      int(problems.size()));
                statusBar()->showMessage(text);
                if (problems.isEmpty() && error.isEmpty())
                    return;
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Import"), text, QMessageBox::Ok, this);
                box->setDetailedText(problems.join(u'\n'));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    m_tabs->addTab(runsPage, tr("Runs"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the runs browser stays
    m_launch = new LaunchPanel(m_tabs);
    m_launch->restoreFields(); // as the last studio left them
    m_push = new PushReceiver(this);
    if (QString pushError; m_push->listen(&pushError))
        m_launch->setPushSocket(m_push->serverPath());
    else
        qWarning("trainyard-studio: live charts follow the database only: %s", qPrintable(pushError));
    connect(m_push, &PushReceiver::runChanged, m_launch, &LaunchPanel::runAnnounced);
    connect(m_push, &PushReceiver::malformed, this, [this](const QString &why) {
        statusBar()->showMessage(tr("Live push connection closed: %1").arg(why), 10000);
    });
    m_tabs->addTab(m_launch, tr("Launch"));
    m_tabs->tabBar()->setTabButton(1, QTabBar::RightSide, nullptr);
    m_queue = new QueuePanel(m_tabs);
    m_tabs->addTab(m_queue, tr("Queue"));
    m_tabs->tabBar()->setTabButton(2, QTabBar::RightSide, nullptr);
    m_memory = new MemoryView(m_tabs);
    m_tabs->addTab(m_memory, tr("Memory"));
    m_tabs->tabBar()->setTabButton(3, QTabBar::RightSide, nullptr);
    // A run added to the queue from the Launch tab shows in the Queue tab.
    connect(m_launch, &LaunchPanel::queued, this, [this] {
        m_queue->reload();
        showTab(m_queue);
    });
    // A launch from the panel opens its run: curves and the ranks' output, live.
    connect(m_launch, &LaunchPanel::launched, this, &MainWindow::openRunWhenListed);
    connect(m_launch, &LaunchPanel::finished, this, [this] { m_runs->reload(m_database); });
    // The runs list follows the database: a change another process commits reaches it within about 275 ms
    // (the watcher's 25 ms poll, then at most four reads a second however often a live run commits), and
    // while a run is active it is read every 2 s anyway (a launcher that dies writes nothing; reading again
    // shows it crashed).
    m_runsRefresh->setSingleShot(true);
    connect(m_runsRefresh, &QTimer::timeout, this, [this] {
        m_runs->reload(m_database);
        m_queue->reload(); // the queue lives in the same database
    });
    connect(m_watcher, &DatabaseWatcher::changed, this, [this] {
        if (!m_runsRefresh->isActive() || m_runsRefresh->remainingTime() > 250)
            m_runsRefresh->start(250);
    });
    connect(m_runs, &RunsModel::loaded, this, &MainWindow::closeTabsOfDeletedRuns);
    connect(m_runs, &RunsModel::loaded, this, [this] {
        for (int i = 0; i < m_runs->rowCount(); ++i)
            if (isActive(m_runs->row(i).run.status)) {
                if (!m_runsRefresh->isActive())
                    m_runsRefresh->start(2000);
                return;
            }
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *neu = file->addAction(tr("&New Config"));
    neu->setShortcut(QKeySequence::New);
    connect(neu, &QAction::triggered, this, [this] { newConfig(); });
    QAction *wizard = file->addAction(tr("New Config with &Wizard..."));
    connect(wizard, &QAction::triggered, this, [this] { startWizard(); });
    QAction *open = file->addAction(tr("&Open Config..."));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &MainWindow::chooseAndOpen);
    m_recent = file->addMenu(tr("Open &Recent"));
    QAction *save = file->addAction(tr("&Save"));
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, [this] {
        if (currentView() && currentView()->document()->fileName().isEmpty())
            saveAs();
        else
            saveCurrent();
    });
    QAction *saveAsAction = file->addAction(tr("Save &As / Export..."));
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    // Runs from elsewhere: a TensorBoard logdir or an MLflow mlruns/ folder, or one event or JSONL file.
    QAction *importFolder = file->addAction(tr("&Import Runs from Folder..."));
    connect(importFolder, &QAction::triggered, this, [this] {
        const QString dir = fileDialogs::getExistingDirectory(
            this, tr("Import a TensorBoard logdir or an MLflow mlruns folder"), QDir::homePath());
        if (!dir.isEmpty())
            importRuns(dir);
    });
    QAction *importFile = file->addAction(tr("Import Runs from Fi&le..."));
    connect(importFile, &QAction::triggered, this, [this] {
        const QString path = fileDialogs::getOpenFileName(
            this, tr("Import a TensorBoard event file or a tracker JSONL file"), QDir::homePath(),
            tr("Event and tracker files (events.out.tfevents.* *.jsonl);;All files (*)"));
        if (!path.isEmpty())
            importRuns(path);
    });
    file->addSeparator();
    QAction *refresh = file->addAction(tr("Re&load Runs"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] { m_runs->reload(m_database); });
    QAction *settingsAction = file->addAction(tr("Se&ttings..."));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(settingsAction, &QAction::triggered, this, &MainWindow::editSettings);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    connect(m_undo, &QUndoGroup::cleanChanged, this, &MainWindow::updateTitle);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<std::pair<QString, int>> pages = {{tr("&Runs"), 0}, {tr("&Launch"), 1}, {tr("&Memory"), 2}};
    for (const auto &[name, index] : pages) {
        QAction *a = view->addAction(name);
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + index)));
        connect(a, &QAction::triggered, this, [this, index] { m_tabs->setCurrentIndex(index); });
    }
    view->addSeparator();
    QAction *next = view->addAction(tr("&Next Tab"));
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    connect(next, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    QAction *previous = view->addAction(tr("&Previous Tab"));
    previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    connect(previous, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    QAction *closeTabAction = view->addAction(tr("&Close Tab"));
    closeTabAction->setShortcut(QKeySequence::Close);
    connect(closeTabAction, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&About Trainyard Studio")), &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Trainyard Studio"),
            tr("Trainyard Studio %1\nConfigure, estimate, launch and monitor PyTorch training runs.")
                .arg(QCoreApplication::applicationVersion()));
    });
    rebuildRecentMenu();
    setDatabase(StudioSettings::load().effectiveDatabase());
    m_launch->resumeDetached(); // a launch left running by an earlier studio: followed again, its page opened
    statusBar()->showMessage(tr("Ready"));
    QSettings settings;
    // The last size, but never larger than the screen it opens on (a window saved on a larger screen
    // came back with its buttons off-screen).
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1100, 720);
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(std::min(1100, screen.width()), std::min(720, screen.height()));
    fitToScreen(screen);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    // Hardware is probed once, off the GUI thread.
    runInBackground(
        this, [] { return HardwareInfo::detect(); },
        [this](const HardwareInfo &hw) {
            m_hardware = hw;
            m_memory->setDetectedGpuMemory(hw.gpuMemoryBytes.value(0)); // the Memory tab checks against it
            m_memory->setDetectedGpus(hw.gpuMemoryBytes);               // and plans its device map for them
        });
}

MainWindow::~MainWindow() {
    // The tabs (and their undo stacks) go before the window's other parts; nothing may update the title then.
    m_undo->disconnect(this);
    m_tabs->disconnect(this);
    for (int i = 0; i < m_tabs->count(); ++i)
        if (ConfigView *v = viewAt(i))
            v->document()->undoStack()->disconnect(this);
}

void MainWindow::importRuns(const QString &path) {
    statusBar()->showMessage(tr("Importing %1...").arg(path));
    m_runs->importRuns(m_database, path);
}

void MainWindow::setDatabase(const QString &path) {
    m_database = path;
    m_watcher->watch(path);
    m_launch->setDatabase(path);
    m_queue->setDatabase(path);
    m_runs->reload(path);
}

RunDashboard *MainWindow::openRun(qint64 databaseId, const QString &title) {
    // The charts above, the ranks' output below.
    auto *page = new QSplitter(Qt::Vertical, m_tabs);
    auto *dashboard = new RunDashboard(m_database, databaseId, page);
    connect(m_watcher, &DatabaseWatcher::changed, dashboard, &RunDashboard::refresh);
    connect(m_push, &PushReceiver::received, dashboard, &RunDashboard::push);
    connect(m_push, &PushReceiver::runChanged, dashboard, &RunDashboard::runChanged);
    connect(dashboard, &RunDashboard::runAgainRequested, this, [this](const QString &uid) {
        m_launch->runAgain(uid);
        showTab(m_launch);
    });
    auto *logs = new LogsView(page);
    page->addWidget(dashboard);
    page->addWidget(logs);
    page->setStretchFactor(0, 3);
    page->setStretchFactor(1, 1);
    for (int i = 0; i < m_runs->rowCount(); ++i) {
        const RunRow &run = m_runs->row(i).run;
        if (run.id != databaseId || run.runDir.isEmpty())
            continue;
        if (isActive(run.status)) {
            // Live: the ranks' output is followed until the run ends.
            logs->followRunFolder(run.runDir);
            connect(dashboard, &RunDashboard::runsEnded, logs, &LogsView::stopFollowing);
        } else {
            logs->loadRunFolder(run.runDir);
        }
    }
    m_tabs->setCurrentIndex(m_tabs->addTab(page, title));
    // A run renamed while open (its tracker's project) renames its tab.
    connect(dashboard, &RunDashboard::runRenamed, this, [this, page](const QString &name) {
        const int index = m_tabs->indexOf(page);
        if (index >= 0)
            m_tabs->setTabText(index, name);
    });
    Q_EMIT runOpened(dashboard);
    return dashboard;
}

SweepView *MainWindow::openSweep(const QString &sweepId) {
    auto *view = new SweepView(m_database, sweepId, m_tabs);
    connect(m_watcher, &DatabaseWatcher::changed, view, &SweepView::refreshSoon);
    connect(view, &SweepView::stopped, this, [this](int removed, int stopping) {
        statusBar()->showMessage(
            tr("Sweep stopped: %1 waiting trial(s) removed, %2 running trial(s) stopping.")
                .arg(removed)
                .arg(stopping));
    });
    connect(view, &SweepView::continued, this, [this](bool ok, const QString &error) {
        statusBar()->showMessage(ok ? tr("More trials queued; they appear as they start.")
                                    : tr("Cannot continue the sweep: %1").arg(error));
    });
    m_tabs->setCurrentIndex(m_tabs->addTab(view, tr("Sweep: %1").arg(sweepId)));
    return view;
}

RunDashboard *MainWindow::compareRuns(const QList<qint64> &databaseIds) {
    // The runs' curves overlaid above, what differs between them below.
    auto *page = new QSplitter(Qt::Vertical, m_tabs);
    auto *dashboard = new RunDashboard(m_database, databaseIds, page);
    connect(m_watcher, &DatabaseWatcher::changed, dashboard, &RunDashboard::refresh);
    connect(m_push, &PushReceiver::received, dashboard, &RunDashboard::push);
    connect(m_push, &PushReceiver::runChanged, dashboard, &RunDashboard::runChanged);
    auto *differences = new RunCompareModel(page);
    auto *table = new QTableView(page);
    table->setModel(differences);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    connect(differences, &RunCompareModel::loaded, table, [table] { table->resizeColumnsToContents(); });
    connect(differences, &RunCompareModel::failed, this,
            [this](const QString &e) { statusBar()->showMessage(e); });
    differences->compare(m_database, databaseIds);
    page->addWidget(dashboard);
    page->addWidget(table);
    page->setStretchFactor(0, 3);
    page->setStretchFactor(1, 1);
    QStringList names;
    for (const qint64 id : databaseIds)
        for (int i = 0; i < m_runs->rowCount(); ++i)
            if (m_runs->row(i).run.id == id)
                names << m_runs->row(i).run.name;
    m_tabs->setCurrentIndex(m_tabs->addTab(page, tr("Compare: %1").arg(names.join(u", "_s))));
    Q_EMIT runsCompared(dashboard, differences);
    return dashboard;
}

void MainWindow::showTab(QWidget *page) {
    if (const int i = m_tabs->indexOf(page); i >= 0)
        m_tabs->setCurrentIndex(i);
}

void MainWindow::openRunWhenListed(const QString &runUid) {
    auto open = [this, runUid] {
        for (int i = 0; i < m_runs->rowCount(); ++i)
            if (m_runs->row(i).run.uid == runUid)
                openRun(m_runs->row(i).run.id, m_runs->row(i).run.name);
    };
    connect(m_runs, &RunsModel::loaded, this, open, Qt::SingleShotConnection);
    m_runs->reload(m_database);
}

void MainWindow::compareRunsWhenListed(const QStringList &runUids) {
    auto compare = [this, runUids] {
        QList<qint64> ids;
        for (const QString &uid : runUids)
            for (int i = 0; i < m_runs->rowCount(); ++i)
                if (m_runs->row(i).run.uid == uid)
                    ids << m_runs->row(i).run.id;
        if (ids.size() >= 2)
            compareRuns(ids);
        else
            statusBar()->showMessage(tr("Select two or more runs to compare (Ctrl+click)."), 5000);
    };
    connect(m_runs, &RunsModel::loaded, this, compare, Qt::SingleShotConnection);
    m_runs->reload(m_database);
}

ConfigView *MainWindow::addView(const QString &title, const QString &path) {
    auto *view = new ConfigView(m_tabs);
    m_undo->addStack(view->document()->undoStack());
    const int index = m_tabs->addTab(view, title);
    m_tabs->setTabToolTip(index, path);
    m_tabs->setCurrentIndex(index);
    connect(view->document()->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    // The tab says when its config has changes not saved (as the window title does for the current one).
    connect(view->document()->undoStack(), &QUndoStack::cleanChanged, view, [this, view, title](bool clean) {
        const int at = m_tabs->indexOf(view);
        if (at < 0)
            return;
        const QString file = view->document()->fileName();
        const QString name = file.isEmpty() ? title : QFileInfo(file).fileName();
        m_tabs->setTabText(at, clean ? name : name + u" *"_s);
    });
    return view;
}

ConfigView *MainWindow::newConfig() {
    ConfigView *view = addView(tr("untitled"), {});
    Value doc = Value::map();
    doc.set(u"compute_environment"_s, Value::string(u"LOCAL_MACHINE"_s));
    doc.set(u"distributed_type"_s, Value::string(u"NO"_s));
    view->load(AccelerateConfig::fromDocument(doc), m_hardware);
    return view;
}

ConfigWizard *MainWindow::startWizard() {
    auto *wizard = new ConfigWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // The saved config opens in the editor (and joins the recent files).
    connect(wizard, &ConfigWizard::saved, this, &MainWindow::openConfig);
    connect(wizard, &ConfigWizard::stopped, this,
            [this](const QString &why) { statusBar()->showMessage(why); });
    wizard->start(m_hardware);
    wizard->open();
    return wizard;
}

void MainWindow::chooseAndOpen() {
    const QString path = fileDialogs::getOpenFileName(this, tr("Open accelerate config"), QString(),
                                                      tr("Configs (*.yaml *.yml *.json);;All files (*)"));
    if (!path.isEmpty())
        openConfig(path);
}

void MainWindow::openConfig(const QString &path) {
    ConfigView *view = addView(QFileInfo(path).fileName(), path);
    statusBar()->showMessage(tr("Loading %1...").arg(path));
    rememberRecent(path);
    // The file is read off the GUI thread; a tab closed meanwhile gets nothing.
    runInBackground(
        view, [path] { return AccelerateConfig::load(path); },
        [this, view, path](const AccelerateConfig &config) {
            view->load(config, m_hardware); // validates once, for the form and the list
            statusBar()->showMessage(tr("%1: %2").arg(path, view->problemSummary()));
            Q_EMIT configShown(path);
        });
}

bool MainWindow::saveCurrent(const QString &path) {
    ConfigView *view = currentView();
    if (!view)
        return false;
    const QString target = path.isEmpty() ? view->document()->fileName() : path;
    view->form()->commitPending(); // what is typed is saved, focus or not
    // A config with errors is saved only when asked to: accelerate launch would refuse it.
    if (const int errors = view->document()->errorCount(); errors > 0) {
        QMessageBox box(QMessageBox::Warning, tr("Config has errors"),
                        tr("%n error(s) in this config: accelerate launch would refuse it. The Problems list "
                           "says where. Save it anyway?",
                           nullptr, errors),
                        QMessageBox::Save | QMessageBox::Cancel, this);
        box.button(QMessageBox::Save)->setText(tr("Save Anyway"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Save) {
            statusBar()->showMessage(tr("Not saved: %1").arg(view->problemSummary()));
            return false;
        }
    }
    QString error;
    if (target.isEmpty() || !view->document()->save(target, &error)) {
        statusBar()->showMessage(tr("Not saved: %1").arg(error));
        return false;
    }
    m_tabs->setTabText(m_tabs->indexOf(view), QFileInfo(target).fileName());
    m_tabs->setTabToolTip(m_tabs->indexOf(view), target);
    rememberRecent(target);
    statusBar()->showMessage(tr("Saved %1 (%2)").arg(target, view->problemSummary()));
    updateTitle();
    return true;
}

void MainWindow::saveAs() {
    if (!currentView())
        return;
    const QString path = fileDialogs::getSaveFileName(this, tr("Save accelerate config"),
                                                      currentView()->document()->fileName(),
                                                      tr("YAML (*.yaml *.yml);;JSON (*.json)"));
    if (!path.isEmpty())
        saveCurrent(path);
}

void MainWindow::fitToScreen(const QRect &available) {
    if (available.isEmpty() || isMaximized() || isFullScreen())
        return;
    const QSize frame = frameGeometry().size() - geometry().size(); // the window manager's decoration
    const QSize room = available.size() - frame;
    if (width() > room.width() || height() > room.height())
        resize(size().boundedTo(room));
    const QRect outer = frameGeometry();
    const int x = std::clamp(outer.x(), available.left(),
                             std::max(available.left(), available.right() + 1 - outer.width()));
    const int y = std::clamp(outer.y(), available.top(),
                             std::max(available.top(), available.bottom() + 1 - outer.height()));
    if (x != outer.x() || y != outer.y())
        move(x, y);
}

ConfigView *MainWindow::viewAt(int index) const {
    return qobject_cast<ConfigView *>(m_tabs->widget(index));
}

ConfigView *MainWindow::currentView() const {
    return qobject_cast<ConfigView *>(m_tabs->currentWidget());
}

int MainWindow::tabCount() const {
    return m_tabs->count();
}

void MainWindow::rememberRecent(const QString &path) {
    QSettings settings;
    QStringList recent = settings.value(u"recentFiles"_s).toStringList();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    recent.prepend(QFileInfo(path).absoluteFilePath());
    settings.setValue(u"recentFiles"_s, recent.mid(0, 10));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recent->clear();
    const QStringList recent = QSettings().value(u"recentFiles"_s).toStringList();
    for (const QString &f : recent)
        connect(m_recent->addAction(f), &QAction::triggered, this, [this, f] { openConfig(f); });
    m_recent->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle() {
    ConfigView *v = currentView();
    if (!v) {
        setWindowTitle(tr("Trainyard Studio"));
        return;
    }
    const QString name = v->document()->fileName().isEmpty()
                             ? tr("untitled")
                             : QFileInfo(v->document()->fileName()).fileName();
    setWindowTitle(
        tr("%1%2 - Trainyard Studio").arg(name, v->document()->isModified() ? u" *"_s : QString()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(u".yaml"_s) || path.endsWith(u".yml"_s) || path.endsWith(u".json"_s))
            openConfig(path);
    }
}

bool MainWindow::maybeSave(int index) {
    ConfigView *view = viewAt(index);
    if (!view || !view->document()->isModified())
        return true;
    m_tabs->setCurrentIndex(index);
    const auto answer = QMessageBox::question(
        this, tr("Unsaved config"),
        tr("Save the changes to %1?")
            .arg(view->document()->fileName().isEmpty() ? tr("untitled")
                                                        : QFileInfo(view->document()->fileName()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Discard)
        return true;
    if (answer != QMessageBox::Save)
        return false;
    if (view->document()->fileName().isEmpty())
        saveAs();
    else
        saveCurrent();
    return !view->document()->isModified();
}

void MainWindow::editRunTags(int row) {
    if (row < 0 || row >= m_runs->rowCount())
        return;
    // Copied: the list may be read again while the dialog is open.
    const qint64 id = m_runs->row(row).run.id;
    const QString name = m_runs->row(row).run.name;
    const QMap<QString, QString> tags = m_runs->row(row).tags;
    QStringList lines;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        if (it.key() != u"note"_s) // the note has its own column
            lines << it.key() + u'=' + it.value();
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Tags of %1").arg(name), tr("One KEY=VALUE per line (the filter reads them: team=vision):"),
        lines.join(u'\n'), &ok);
    if (!ok)
        return;
    QMap<QString, QString> set;
    QStringList removed;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(u'=');
        const QString key = eq > 0 ? line.left(eq).trimmed() : QString();
        if (key.isEmpty() || key == u"note"_s) { // the note has its own column
            statusBar()->showMessage(tr("Not KEY=VALUE: %1; the tags were not changed").arg(line));
            return;
        }
        const QString value = line.mid(eq + 1).trimmed();
        if (value.isEmpty())
            removed << key; // KEY= removes a tag, as `trainyard runs tag` does
        else
            set.insert(key, value);
    }
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        if (it.key() != u"note"_s && !set.contains(it.key()) && !removed.contains(it.key()))
            removed << it.key();
    m_runs->setTags(id, set, removed);
}

void MainWindow::closeTabsOfDeletedRuns() {
    QSet<qint64> listed;
    for (int i = 0; i < m_runs->rowCount(); ++i)
        listed.insert(m_runs->row(i).run.id);
    for (int i = m_tabs->count() - 1; i >= FixedTabs; --i) {
        const auto *dashboard = m_tabs->widget(i)->findChild<RunDashboard *>();
        if (!dashboard || viewAt(i))
            continue;
        const QList<qint64> ids = dashboard->runIds();
        if (std::any_of(ids.begin(), ids.end(), [&](qint64 id) { return !listed.contains(id); }))
            closeTab(i); // a run it shows was deleted (here, by the CLI or by another studio)
    }
}

bool MainWindow::closeTab(int index) {
    if (index < FixedTabs || index >= m_tabs->count() || !maybeSave(index))
        return false;
    QWidget *w = m_tabs->widget(index);
    if (ConfigView *v = viewAt(index)) {
        // A stack destroyed unclean says so: nobody here may listen any more.
        v->document()->undoStack()->disconnect(this);
        m_undo->removeStack(v->document()->undoStack());
    }
    m_tabs->removeTab(index);
    w->deleteLater();
    return true;
}

void MainWindow::editSettings() {
    SettingsDialog dialog(StudioSettings::load(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const StudioSettings s = dialog.settings();
    s.save();
    applyTheme(s.theme);
    if (s.effectiveDatabase() != m_database)
        setDatabase(s.effectiveDatabase());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_launch->isRunning()) {
        // The run has a launcher process of its own: it can go on without the window, and the studio follows
        // it again when it is opened next.
        QMessageBox box(
            QMessageBox::Question, tr("A run is in progress"),
            tr("A run started from this window is still running. Stop it (every rank is terminated "
               "and the run is recorded as cancelled), or keep it running without the window? "
               "Trainyard Studio follows it again when you open it next."),
            QMessageBox::Cancel, this);
        QPushButton *stop = box.addButton(tr("&Stop the Run"), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("&Keep Running"), QMessageBox::AcceptRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == stop) {
            m_launch->stop();
        } else if (box.clickedButton() != keep) {
            event->ignore();
            return;
        }
    }
    for (int i = m_tabs->count() - 1; i >= FixedTabs; --i)
        if (!maybeSave(i)) {
            event->ignore();
            return;
        }
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace trainyard
