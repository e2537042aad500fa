#include "queuemodel.h"

#include "background.h"
#include "databaseurl.h"
#include "queue.h"
#include "runsmodel.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
constexpr auto MimeType = "application/x-trainyard-queued-run";
constexpr int DoneShown = 20; // the most recent runs done stay in the table

struct Read {
    QList<QueueEntry> entries;
    bool paused = false;
    QString error;
};

Read readQueue(const QString &database) {
    Read r;
    if (!isServerUrl(database) && !QFileInfo::exists(database))
        return r; // no database yet: an empty queue
    QueueStore store;
    if (!store.open(database, &r.error))
        return r;
    r.entries = store.entries(true, &r.error);
    r.paused = store.paused();
    int done = 0;
    r.entries.removeIf(
        [&](const QueueEntry &e) { return e.state() == QueueEntry::State::Done && ++done > DoneShown; });
    return r;
}
} // namespace

void QueueModel::reload() {
    runInBackground(
        this, [database = m_database] { return readQueue(database); },
        [this](const Read &r) {
            if (!r.error.isEmpty() && r.entries.isEmpty()) {
                Q_EMIT failed(r.error);
                return;
            }
            setEntries(r.entries, r.paused);
            Q_EMIT loaded();
        });
}

void QueueModel::change(std::function<QString(const QString &database)> work) {
    runInBackground(
        this, [database = m_database, work = std::move(work)] { return work(database); },
        [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT failed(error);
            reload();
        });
}

void QueueModel::move(qint64 runId, int position) {
    change([runId, position](const QString &database) {
        QueueStore store;
        QString error;
        if (store.open(database, &error))
            store.move(runId, position, &error);
        return error;
    });
}

void QueueModel::remove(qint64 runId) {
    change([runId](const QString &database) {
        QString error;
        removeQueuedRun(database, runId, &error);
        return error;
    });
}

void QueueModel::setPaused(bool paused) {
    change([paused](const QString &database) {
        QueueStore store;
        QString error;
        if (store.open(database, &error))
            store.setPaused(paused, &error);
        return error;
    });
}

void QueueModel::setEntries(const QList<QueueEntry> &entries, bool paused) {
    beginResetModel();
    m_entries = entries;
    m_paused = paused;
    endResetModel();
}

int QueueModel::waitingCount() const {
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const QueueEntry &e) { return e.state() == QueueEntry::State::Waiting; }));
}

int QueueModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString QueueModel::stateText(const QueueEntry &e) {
    switch (e.state()) {
    case QueueEntry::State::Waiting:
        return tr("waiting");
    case QueueEntry::State::Starting:
        return tr("starting");
    case QueueEntry::State::Running:
        return RunsModel::statusText(e.status);
    case QueueEntry::State::Done:
        return RunsModel::statusText(e.status);
    }
    return {};
}

QVariant QueueModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const QueueEntry &e = m_entries.at(index.row());
    if (role == RunIdRole)
        return e.runId;
    if (role == StateRole)
        return queueStateName(e.state());
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return e.words.join(u' ');
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PositionColumn:
        return e.state() == QueueEntry::State::Waiting ? QVariant(e.position) : QVariant();
    case NameColumn:
        return e.name;
    case StateColumn:
        return stateText(e);
    case AsksColumn:
        return e.gpus > 0           ? tr("%n GPU(s)", nullptr, e.gpus)
               : !e.hosts.isEmpty() ? e.hosts
                                    : tr("%n CPU slot(s)", nullptr, e.cpuSlots);
    case GpuIdsColumn: {
        QStringList ids;
        for (int d : e.devices)
            ids << QString::number(d);
        return ids.join(u", "_s);
    }
    case IdColumn:
        return e.uid;
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PositionColumn:
        return tr("#");
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case AsksColumn:
        return tr("Asks for");
    case GpuIdsColumn:
        return tr("GPU ids");
    case IdColumn:
        return tr("Run");
    default:
        return {};
    }
}

Qt::ItemFlags QueueModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index) | Qt::ItemIsDropEnabled;
    if (index.isValid() && m_entries.at(index.row()).state() == QueueEntry::State::Waiting)
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList QueueModel::mimeTypes() const {
    return {QString::fromLatin1(MimeType)};
}

QMimeData *QueueModel::mimeData(const QModelIndexList &indexes) const {
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(MimeType),
                  QByteArray::number(m_entries.at(indexes.first().row()).runId));
    return data;
}

bool QueueModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                              const QModelIndex &parent) {
    if (action != Qt::MoveAction || !data || !data->hasFormat(QString::fromLatin1(MimeType)))
        return false;
    const qint64 runId = data->data(QString::fromLatin1(MimeType)).toLongLong();
    const auto from = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                   [runId](const QueueEntry &e) { return e.runId == runId; });
    if (from == m_entries.cend() || from->state() != QueueEntry::State::Waiting)
        return false;
    const int fromRow = int(from - m_entries.cbegin());
    // Dropped before row `to` (on a row: before it; past the waiting runs: last among them).
    int to = parent.isValid() ? parent.row() : row < 0 ? int(m_entries.size()) : row;
    to = std::min(to, waitingCount());
    // Its place once it left its own: the rows after it move up by one.
    const int position = to > fromRow ? to : to + 1;
    if (position == fromRow + 1)
        return false;
    move(runId, position);
    return false; // the rows follow on the reload; the view must not remove one
}

} // namespace trainyard
