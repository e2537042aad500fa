#include "queuepanel.h"

#include "launchsession.h"
#include "queuemodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trainyard {

QueuePanel::QueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QueueModel(this))
    , m_view(new QTableView(this))
    , m_pool(new QLineEdit(this))
    , m_slots(new QSpinBox(this))
    , m_runner(new QPushButton(tr("&Start Runner"), this))
    , m_pause(new QPushButton(tr("&Pause Queue"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move &Down"), this))
    , m_top(new QPushButton(tr("To &Top"), this))
    , m_status(new QLabel(this))
    , m_output(new QPlainTextEdit(this)) {
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QueueModel::NameColumn, QHeaderView::Stretch);
    m_pool->setPlaceholderText(tr("every GPU NVML sees"));
    m_pool->setToolTip(tr("The GPU ids the runner gives out, e.g. 0,1,2,3"));
    m_slots->setRange(1, 256);
    m_slots->setToolTip(tr("How many runs without GPUs may run at once"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMaximumBlockCount(5000);
    m_output->setPlaceholderText(
        tr("Add runs from the Launch tab (Add to Queue) or with `trainyard queue add`; "
           "the runner starts them as GPUs free up."));
    auto *form = new QFormLayout;
    form->addRow(tr("GPU pool"), m_pool);
    form->addRow(tr("CPU slots"), m_slots);
    auto *runnerRow = new QHBoxLayout;
    runnerRow->addLayout(form, 1);
    runnerRow->addWidget(m_runner);
    runnerRow->addWidget(m_pause);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_top);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_status);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_output);
    split->setStretchFactor(0, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(runnerRow);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_runner, &QPushButton::clicked, this,
            [this] { runnerRunning() ? stopRunner() : startRunner(); });
    connect(m_pause, &QPushButton::clicked, this, &QueuePanel::togglePause);
    connect(m_remove, &QPushButton::clicked, this, &QueuePanel::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(m_top, &QPushButton::clicked, this, &QueuePanel::moveSelectedToTop);
    connect(m_model, &QueueModel::loaded, this, &QueuePanel::updateButtons);
    connect(m_model, &QueueModel::failed, this, [this](const QString &e) { m_status->setText(e); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePanel::updateButtons);
    // The selection follows its run across reloads (a reset clears it).
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        m_selectedRun = current.isValid() ? m_model->entry(current.row()).runId : 0;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (int i = 0; m_selectedRun && i < m_model->rowCount(); ++i)
            if (m_model->entry(i).runId == m_selectedRun)
                m_view->selectRow(i);
    });
    updateButtons();
}

QueuePanel::~QueuePanel() {
    // The studio's runner ends with it; the runs it started keep their launchers.
    if (runnerRunning()) {
        m_process->terminate();
        m_process->waitForFinished(1000); // only as the studio closes
    }
}

void QueuePanel::setDatabase(const QString &path) {
    m_model->setDatabase(path);
    reload();
}

void QueuePanel::setPool(const QString &gpus, int cpuSlots) {
    m_pool->setText(gpus);
    m_slots->setValue(cpuSlots);
}

void QueuePanel::reload() {
    m_model->reload();
}

bool QueuePanel::runnerRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString QueuePanel::runnerOutput() const {
    return m_output->toPlainText();
}

QString QueuePanel::program() const {
    if (!m_program.isEmpty())
        return m_program;
    return LaunchSession::trainyardProgram();
}

void QueuePanel::startRunner() {
    if (runnerRunning())
        return;
    const QString trainyard = program();
    if (trainyard.isEmpty()) {
        m_status->setText(tr("The trainyard program was not found beside the studio or on PATH."));
        return;
    }
    QStringList args{u"queue"_s,          u"run"_s,         u"--db"_s,
                     m_model->database(), u"--cpu-slots"_s, QString::number(m_slots->value())};
    if (const QString pool = m_pool->text().simplified().remove(u' '); !pool.isEmpty())
        args << u"--gpus"_s << pool;
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyRead, this, [this, p = m_process] {
        while (p->canReadLine())
            m_output->appendPlainText(QString::fromUtf8(p->readLine()).trimmed());
        m_model->reload(); // a run started or ended
    });
    connect(m_process, &QProcess::finished, this, [this, p = m_process](int code, QProcess::ExitStatus) {
        const QByteArray rest = p->readAll();
        if (!rest.isEmpty())
            m_output->appendPlainText(QString::fromUtf8(rest).trimmed());
        m_status->setText(code == 0 ? tr("The runner stopped.")
                                    : tr("The runner ended (exit code %1).").arg(code));
        updateButtons();
        Q_EMIT runnerStateChanged(false);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this, trainyard](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            m_status->setText(tr("Cannot start %1: %2").arg(trainyard, m_process->errorString()));
            updateButtons();
        }
    });
    m_process->start(trainyard, args);
    m_status->setText(tr("Runner started."));
    updateButtons();
    Q_EMIT runnerStateChanged(true);
}

void QueuePanel::stopRunner() {
    if (!runnerRunning())
        return;
    // SIGTERM: the runner stops starting runs and leaves the running ones to their launchers; `finished`
    // says when it is gone.
    m_process->terminate();
}

void QueuePanel::togglePause() {
    m_model->setPaused(!m_model->paused());
}

void QueuePanel::removeSelected() {
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid())
        m_model->remove(m_model->entry(index.row()).runId);
}

void QueuePanel::moveSelected(int delta) {
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || index.row() >= m_model->waitingCount())
        return;
    const int position = m_model->entry(index.row()).position + delta;
    if (position >= 1 && position <= m_model->waitingCount())
        m_model->move(m_model->entry(index.row()).runId, position);
}

void QueuePanel::moveSelectedToTop() {
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid() && index.row() < m_model->waitingCount())
        m_model->move(m_model->entry(index.row()).runId, 1);
}

void QueuePanel::updateButtons() {
    const QModelIndex index = m_view->currentIndex();
    const bool waiting = index.isValid() && index.row() < m_model->waitingCount();
    const bool removable = index.isValid() && (waiting || m_model->data(m_model->index(index.row(), 0),
                                                                        QueueModel::StateRole) == u"done"_s);
    m_remove->setEnabled(removable);
    m_up->setEnabled(waiting && index.row() > 0);
    m_top->setEnabled(waiting && index.row() > 0);
    m_down->setEnabled(waiting && index.row() + 1 < m_model->waitingCount());
    m_pause->setText(m_model->paused() ? tr("&Resume Queue") : tr("&Pause Queue"));
    m_runner->setText(runnerRunning() ? tr("&Stop Runner") : tr("&Start Runner"));
    m_pool->setEnabled(!runnerRunning());
    m_slots->setEnabled(!runnerRunning());
}

} // namespace trainyard
