#include "runcomparemodel.h"

#include "background.h"

#include <QBrush>
#include <QFont>

using namespace Qt::StringLiterals;

namespace trainyard {

void RunCompareModel::compare(const QString &databasePath, const QList<qint64> &runIds) {
    runInBackground(
        this,
        [databasePath, runIds] {
            StoreReader reader;
            QString error;
            RunComparison c;
            if (reader.open(databasePath, &error))
                c = compareRuns(reader, runIds);
            else
                c.error = error;
            return c;
        },
        [this](const RunComparison &c) {
            if (!c.error.isEmpty()) {
                Q_EMIT failed(tr("Cannot compare the runs: %1").arg(c.error));
                return;
            }
            setComparison(c);
            Q_EMIT loaded();
        });
}

void RunCompareModel::setComparison(const RunComparison &comparison) {
    beginResetModel();
    m_comparison = comparison;
    endResetModel();
}

int RunCompareModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_comparison.rows.size());
}

int RunCompareModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : FirstRunColumn + int(m_comparison.runs.size());
}

QVariant RunCompareModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ComparedSetting &s = m_comparison.rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case SectionColumn:
            switch (s.section) {
            case ComparedSetting::Section::Run:
                return tr("launch");
            case ComparedSetting::Section::Config:
                return tr("config");
            case ComparedSetting::Section::Param:
                return tr("parameter");
            case ComparedSetting::Section::Metric:
                return tr("last value");
            }
            return {};
        case KeyColumn:
            return s.difference.key;
        default: {
            const int side = index.column() - FirstRunColumn;
            return s.difference.present.value(side) ? s.difference.values.value(side) : tr("(not set)");
        }
        }
    }
    if (role == Qt::ForegroundRole && index.column() >= FirstRunColumn &&
        !s.difference.present.value(index.column() - FirstRunColumn))
        return QBrush(Qt::gray);
    if (role == Qt::FontRole && index.column() == KeyColumn) {
        QFont f;
        f.setFamily(u"monospace"_s);
        return f;
    }
    return {};
}

QVariant RunCompareModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == SectionColumn)
        return tr("Section");
    if (section == KeyColumn)
        return tr("Setting");
    const int side = section - FirstRunColumn;
    if (side < 0 || side >= m_comparison.runs.size())
        return {};
    const RunRow &r = m_comparison.runs.at(side);
    return r.name.isEmpty() ? r.uid : r.name;
}

} // namespace trainyard
