#include "runsmodel.h"

#include "background.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace trainyard {

QList<RunsModel::Row> RunsModel::readRows(const QString &databasePath, QString *error) {
    QList<Row> rows;
    if (!QFileInfo::exists(databasePath))
        return rows; // no runs yet
    StoreReader reader;
    if (!reader.open(databasePath, error))
        return rows;
    for (const RunRow &r : reader.runs()) {
        QStringList latest;
        for (const SeriesRow &s : reader.series(r.id))
            if (s.rank == 0)
                latest << s.key + u'=' + QString::number(s.lastValue, 'g', 4);
        rows << Row{r, latest.join(u"  "_s)};
    }
    return rows;
}

void RunsModel::reload(const QString &databasePath) {
    struct Read {
        QList<Row> rows;
        QString error;
    };
    runInBackground(
        this,
        [databasePath] {
            Read r;
            r.rows = readRows(databasePath, &r.error);
            return r;
        },
        [this](const Read &r) {
            if (!r.error.isEmpty()) {
                Q_EMIT failed(r.error);
                return;
            }
            setRows(r.rows);
            Q_EMIT loaded();
        });
}

void RunsModel::removeRun(const QString &databasePath, qint64 databaseId) {
    runInBackground(
        this,
        [databasePath, databaseId] {
            QString error;
            trainyard::removeRun(databasePath, databaseId, &error); // the CLI's rule: never a live run
            return error;
        },
        [this, databasePath](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT failed(error);
            reload(databasePath);
        });
}

void RunsModel::setRows(const QList<Row> &rows) {
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int RunsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const RunRow &r = row.run;
    if (role == RunUidRole)
        return r.uid;
    if (role == DatabaseIdRole)
        return r.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StatusColumn:
            return r.status;
        case NameColumn:
            return r.name;
        case StartedColumn:
            return QDateTime::fromMSecsSinceEpoch(r.startedMs > 0 ? r.startedMs : r.createdMs)
                .toString(Qt::ISODate);
        case DurationColumn:
            return formatDuration(r);
        case LatestColumn:
            return row.latest;
        case IdColumn:
            return r.uid;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("%1 on %2, exit code %3\n%4").arg(r.uid, r.host).arg(r.exitCode).arg(r.runDir);
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case NameColumn:
        return tr("Name");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case LatestColumn:
        return tr("Latest");
    case IdColumn:
        return tr("Run");
    default:
        return {};
    }
}

} // namespace trainyard
