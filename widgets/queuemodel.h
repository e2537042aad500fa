// A table model over the run queue (queuestore.h): the waiting runs in their order, then those starting and
// running with their GPU ids, then the recent ones done. Reads and changes (move, remove, pause) run on a
// worker thread; the model only adapts the rows it is handed. Rows dragged within the table reorder the
// queue.
#pragma once

#include "queuestore.h"

#include <QAbstractTableModel>
#include <functional>

namespace trainyard {

class QueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PositionColumn, NameColumn, StateColumn, AsksColumn, GpuIdsColumn, IdColumn, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, StateRole };

    using QAbstractTableModel::QAbstractTableModel;

    // The database whose queue this shows; reload() reads it.
    void setDatabase(const QString &path) { m_database = path; }
    const QString &database() const { return m_database; }
    // Reads the queue off the GUI thread; `loaded` (or `failed`) follows.
    void reload();
    // Off the GUI thread, then a reload: a waiting run to `position` (1: next), a waiting (or done) run out
    // of the queue, the queue paused or resumed.
    void move(qint64 runId, int position);
    void remove(qint64 runId);
    void setPaused(bool paused);
    bool paused() const { return m_paused; }

    // Replaces the rows (what reload() does once the worker is done).
    void setEntries(const QList<QueueEntry> &entries, bool paused);
    const QueueEntry &entry(int row) const { return m_entries.at(row); }
    // The number of waiting runs (they are the first rows).
    int waitingCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    // A waiting run dropped before row `row` (or on `parent`'s row) moves there; the queue is changed in the
    // database and the rows follow on the reload, so this never removes a row itself.
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    bool removeRows(int, int, const QModelIndex & = {}) override { return false; }

    static QString stateText(const QueueEntry &entry);

Q_SIGNALS:
    void loaded();
    void failed(const QString &error);

private:
    // Runs work(database) off the GUI thread, says its error (when not empty), then reloads.
    void change(std::function<QString(const QString &database)> work);
    QString m_database;
    QList<QueueEntry> m_entries;
    bool m_paused = false;
};

} // namespace trainyard
