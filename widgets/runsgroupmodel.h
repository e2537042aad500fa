// The runs table grouped by a column (a parameter, the status): a heading row before each group of runs that
// share the column's value ("lr = 0.001 · 3 runs: 2 finished, 1 failed"), the runs below it in the order the
// source has them (its sorting). Groups come in the value's order (numbers as numbers), runs without a value
// last. A proxy over the filtered, sorted runs; tests drive it without a window.
#pragma once

#include <QAbstractProxyModel>
#include <QList>

namespace trainyard {

class RunsGroupModel : public QAbstractProxyModel {
    Q_OBJECT
public:
    explicit RunsGroupModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    // The source column whose display text groups the runs; -1: none (every source row, no headings).
    void setGroupColumn(int column);
    int groupColumn() const { return m_column; }
    // Whether a row of this model is a group's heading (it maps to no run).
    bool isHeading(int row) const;
    int groupCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        int sourceRow = -1; // -1: a heading
        QString heading;
    };
    void rebuild();
    int m_column = -1;
    QList<Entry> m_rows;
    QList<int> m_proxyOfSource; // source row -> row here
    QList<QMetaObject::Connection> m_connections;
};

} // namespace trainyard
