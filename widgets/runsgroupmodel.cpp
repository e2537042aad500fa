#include "runsgroupmodel.h"

#include "runsmodel.h"

#include <QFont>
#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trainyard {

RunsGroupModel::RunsGroupModel(QObject *parent)
    : QAbstractProxyModel(parent) {}

void RunsGroupModel::setSourceModel(QAbstractItemModel *source) {
    beginResetModel();
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        // Any change of the rows or their order regroups (the runs list is read again whole anyway); a
        // changed cell (a note typed in) is passed on as it is, unless it is the grouping column.
        const auto regroup = [this] {
            beginResetModel();
            rebuild();
            endResetModel();
        };
        m_connections << connect(source, &QAbstractItemModel::modelReset, this, regroup);
        m_connections << connect(source, &QAbstractItemModel::layoutChanged, this, regroup);
        m_connections << connect(source, &QAbstractItemModel::rowsInserted, this, regroup);
        m_connections << connect(source, &QAbstractItemModel::rowsRemoved, this, regroup);
        m_connections << connect(source, &QAbstractItemModel::rowsMoved, this, regroup);
        m_connections << connect(source, &QAbstractItemModel::columnsInserted, this, regroup);
        m_connections << connect(source, &QAbstractItemModel::columnsRemoved, this, regroup);
        m_connections << connect(source, &QAbstractItemModel::headerDataChanged, this,
                                 &QAbstractItemModel::headerDataChanged);
        m_connections << connect(
            source, &QAbstractItemModel::dataChanged, this,
            [this, regroup](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                if (m_column >= from.column() && m_column <= to.column()) {
                    regroup();
                    return;
                }
                for (int r = from.row(); r <= to.row(); ++r) {
                    const int at = m_proxyOfSource.value(r, -1);
                    if (at >= 0)
                        Q_EMIT dataChanged(index(at, from.column()), index(at, to.column()), roles);
                }
            });
    }
    rebuild();
    endResetModel();
}

void RunsGroupModel::setGroupColumn(int column) {
    if (column == m_column)
        return;
    beginResetModel();
    m_column = column;
    rebuild();
    endResetModel();
}

void RunsGroupModel::rebuild() {
    m_rows.clear();
    m_proxyOfSource.clear();
    QAbstractItemModel *source = sourceModel();
    if (!source)
        return;
    const int n = source->rowCount();
    m_proxyOfSource.fill(-1, n);
    if (m_column < 0 || m_column >= source->columnCount()) {
        for (int r = 0; r < n; ++r) {
            m_proxyOfSource[r] = int(m_rows.size());
            m_rows << Entry{r, {}};
        }
        return;
    }
    // The groups, each with its runs in the source's order.
    QMap<QString, QList<int>> groups;
    QList<QString> order;
    for (int r = 0; r < n; ++r) {
        const QString value = source->index(r, m_column).data(Qt::DisplayRole).toString();
        if (!groups.contains(value))
            order << value;
        groups[value] << r;
    }
    // Values in their order: numbers as numbers when every value is one, else text; no value last.
    bool numeric = true;
    for (const QString &v : std::as_const(order)) {
        bool ok = v.isEmpty();
        if (!ok)
            v.toDouble(&ok);
        numeric = numeric && ok;
    }
    std::stable_sort(order.begin(), order.end(), [numeric](const QString &a, const QString &b) {
        if (a.isEmpty() != b.isEmpty())
            return b.isEmpty();
        if (numeric)
            return a.toDouble() < b.toDouble();
        return a.localeAwareCompare(b) < 0;
    });
    const QString key = source->headerData(m_column, Qt::Horizontal, Qt::DisplayRole).toString();
    for (const QString &value : std::as_const(order)) {
        const QList<int> &runs = groups[value];
        // What the group's runs did: counts by status, in the source's status column.
        QMap<QString, int> statuses;
        for (const int r : runs)
            ++statuses[source->index(r, RunsModel::StatusColumn).data(Qt::DisplayRole).toString()];
        QStringList counts;
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
            counts << u"%1 %2"_s.arg(it.value()).arg(it.key());
        const QString label = value.isEmpty() ? tr("no %1").arg(key) : u"%1 = %2"_s.arg(key, value);
        m_rows << Entry{
            -1, tr("%1 \u00b7 %n run(s): %2", nullptr, int(runs.size())).arg(label, counts.join(u", "_s))};
        for (const int r : runs) {
            m_proxyOfSource[r] = int(m_rows.size());
            m_rows << Entry{r, {}};
        }
    }
}

bool RunsGroupModel::isHeading(int row) const {
    return row >= 0 && row < m_rows.size() && m_rows[row].sourceRow < 0;
}

int RunsGroupModel::groupCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Entry &e) { return e.sourceRow < 0; }));
}

QModelIndex RunsGroupModel::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex RunsGroupModel::parent(const QModelIndex &) const {
    return {};
}

int RunsGroupModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsGroupModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

QModelIndex RunsGroupModel::mapToSource(const QModelIndex &proxyIndex) const {
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.row() >= m_rows.size())
        return {};
    const int source = m_rows[proxyIndex.row()].sourceRow;
    return source < 0 ? QModelIndex() : sourceModel()->index(source, proxyIndex.column());
}

QModelIndex RunsGroupModel::mapFromSource(const QModelIndex &sourceIndex) const {
    if (!sourceIndex.isValid() || sourceIndex.row() >= m_proxyOfSource.size())
        return {};
    const int row = m_proxyOfSource[sourceIndex.row()];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QVariant RunsGroupModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Entry &e = m_rows[index.row()];
    if (e.sourceRow >= 0)
        return QAbstractProxyModel::data(index, role);
    if (index.column() != 0)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return e.heading;
    if (role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

Qt::ItemFlags RunsGroupModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (isHeading(index.row()))
        return Qt::ItemIsEnabled; // not selectable: a heading is no run
    return QAbstractProxyModel::flags(index);
}

QVariant RunsGroupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return {};
    return sourceModel() ? sourceModel()->headerData(section, orientation, role) : QVariant();
}

} // namespace trainyard
