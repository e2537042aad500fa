// A table model over the run database: status, name, start, duration, latest values. The database is read on
// a worker thread; the model only adapts the rows it is handed.
#pragma once

#include "store.h"

#include <QAbstractTableModel>

namespace trainyard {

class RunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        NameColumn,
        StartedColumn,
        DurationColumn,
        LatestColumn,
        IdColumn,
        ColumnCount
    };
    enum Role { RunUidRole = Qt::UserRole + 1, DatabaseIdRole };

    using QAbstractTableModel::QAbstractTableModel;

    // Reads the database off the GUI thread; `loaded` (or `failed`) follows.
    void reload(const QString &databasePath);
    // Deletes a run (its rows and its folder) off the GUI thread, then reloads.
    void removeRun(const QString &databasePath, qint64 databaseId);
    struct Row {
        RunRow run;
        QString latest; // rank 0's last value of every key
    };
    // Replaces the rows (what reload() does once the worker is done).
    void setRows(const QList<Row> &rows);
    const Row &row(int i) const { return m_rows.at(i); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Reads every run and its latest values (any thread).
    static QList<Row> readRows(const QString &databasePath, QString *error);

Q_SIGNALS:
    void loaded();
    void failed(const QString &error);

private:
    QList<Row> m_rows;
};

} // namespace trainyard
