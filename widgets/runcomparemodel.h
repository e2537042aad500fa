// What differs between runs, as a table: section, key, then one column per run. The comparison is read on a
// worker thread (trackers' compareRuns); the model only adapts it.
#pragma once

#include "runcompare.h"

#include <QAbstractTableModel>

namespace trainyard {

class RunCompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SectionColumn, KeyColumn, FirstRunColumn };
    using QAbstractTableModel::QAbstractTableModel;

    // Compares the runs off the GUI thread; `loaded` (or `failed`) follows.
    void compare(const QString &databasePath, const QList<qint64> &runIds);
    void setComparison(const RunComparison &comparison);
    const RunComparison &comparison() const { return m_comparison; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void failed(const QString &error);

private:
    RunComparison m_comparison;
};

} // namespace trainyard
