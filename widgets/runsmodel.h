// A table model over the run database: status, name, start, duration, latest values, then one column per
// parameter any run logged (store_init_configuration), so that runs sort and filter by them. The database is
// read on a worker thread; the model only adapts the rows it is handed.
#pragma once

#include "runfilter.h"
#include "store.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <functional>

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
        HostColumn, // user@host: who launched it, and where
        NoteColumn, // the run's note (its "note" tag), edited in place
        ColumnCount
    };
    enum Role {
        RunUidRole = Qt::UserRole + 1,
        DatabaseIdRole,
        SortRole,  // what a column sorts by: times as numbers, numeric parameters as numbers
        StatusRole // the status as stored (running, finished, ...); DisplayRole is translated
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Reads the database off the GUI thread; `loaded` (or `failed`) follows.
    void reload(const QString &databasePath);
    // Deletes a run (its rows and its folder) off the GUI thread, then reloads.
    void removeRun(const QString &databasePath, qint64 databaseId);
    // Imports the runs of path (a TensorBoard logdir or event file, an MLflow mlruns/ folder, a tracker JSONL
    // file; importer.h) off the GUI thread; `imported` follows, then a reload.
    void importRuns(const QString &databasePath, const QString &path);
    struct Row {
        RunRow run;
        QString latest; // rank 0's last value of every key
        QMap<QString, QString> params;
        QMap<QString, QString> tags;
        QList<SeriesRow> series; // every rank's summaries (what the filter compares)
    };
    // While hold() says so (the view edits a note), a finished read is not applied: resetting the model would
    // close the editor and lose what is typed. releaseRows() reads again once the editing ended.
    void setHoldRows(std::function<bool()> hold) { m_hold = std::move(hold); }
    void releaseRows();
    // Sets (or, with an empty text, removes) a run's note; written off the GUI thread.
    void setNote(int row, const QString &text);
    // Sets and removes a run's tags (by its database id), off the GUI thread; a reload follows.
    void setTags(qint64 databaseId, const QMap<QString, QString> &set, const QStringList &removed);
    // The parameter keys shown as columns from ColumnCount on, sorted.
    const QStringList &parameterKeys() const { return m_paramKeys; }
    // A run status in the user's language.
    static QString statusText(RunStatus status);
    // Replaces the rows (what reload() does once the worker is done).
    void setRows(const QList<Row> &rows);
    const Row &row(int i) const { return m_rows.at(i); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Reads every run and its latest values (any thread).
    static QList<Row> readRows(const QString &databasePath, QString *error);

Q_SIGNALS:
    void loaded();
    void failed(const QString &error);
    // An import ended: the runs and points stored, what was skipped (file and offset or line), and the error
    // that stopped it (empty when none).
    void imported(const QString &path, int runs, qint64 points, const QStringList &problems,
                  const QString &error);

private:
    void writeTags(qint64 databaseId, const QMap<QString, QString> &set, const QStringList &removed);
    QList<Row> m_rows;
    QStringList m_paramKeys;
    QString m_database; // of the last reload
    std::function<bool()> m_hold;
    bool m_readWaiting = false;
};

// The runs table's filter and sort: RunFilter's query language (runfilter.h) over the model's rows.
class RunsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // Filters by query; one that cannot be read leaves the last good filter in place and says why.
    bool setQuery(const QString &query, RunFilter::Error *error);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    RunFilter m_filter;
};

} // namespace trainyard
