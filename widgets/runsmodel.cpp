#include "runsmodel.h"

#include "background.h"
#include "databaseurl.h"
#include "importer.h"
#include "runcontrol.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
// At most one Slurm question every 5 s per database, whichever worker reads the list.
bool slurmAskDue(const QString &databasePath) {
    static QMutex mutex;
    static QHash<QString, qint64> lastAsked;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&mutex);
    qint64 &last = lastAsked[databasePath];
    if (now - last < 5000)
        return false;
    last = now;
    return true;
}
} // namespace

QList<RunsModel::Row> RunsModel::readRows(const QString &databasePath, QString *error) {
    QList<Row> rows;
    if (!isServerUrl(databasePath) && !QFileInfo::exists(databasePath))
        return rows; // no runs yet
    StoreReader reader;
    if (!reader.open(databasePath, error))
        return rows;
    QList<RunRow> runs = reader.runs();
    // A queued Slurm run whose job was cancelled or failed while pending has no launcher to close it: Slurm
    // is asked (at most every 5 s, on this worker thread) and the run is closed as the job ended.
    const bool queued = std::any_of(runs.cbegin(), runs.cend(),
                                    [](const RunRow &r) { return r.status == RunStatus::Queued; });
    if (queued && slurmAskDue(databasePath) && !closeEndedSlurmRuns(databasePath).isEmpty())
        runs = reader.runs();
    for (const RunRow &r : runs) {
        QStringList latest;
        const QList<SeriesRow> series = reader.series(r.id);
        for (const SeriesRow &s : series)
            if (s.rank == 0)
                latest << s.key + u'=' + formatMetric(s.key, s.lastValue);
        rows << Row{r, latest.join(u"  "_s), reader.params(r.id), reader.tags(r.id), series};
    }
    // A damaged page stops a read early: the rows read are shown, and the window says the list is partial.
    if (error && !reader.error().isEmpty())
        *error = reader.error();
    return rows;
}

void RunsModel::reload(const QString &databasePath) {
    m_database = databasePath;
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
            if (!r.error.isEmpty() && r.rows.isEmpty()) {
                Q_EMIT failed(r.error);
                return;
            }
            if (m_hold && m_hold()) {
                m_readWaiting = true; // read again when the editing ends
                return;
            }
            setRows(r.rows);
            Q_EMIT loaded();
            if (!r.error.isEmpty())
                Q_EMIT failed(r.error);
        });
}

void RunsModel::releaseRows() {
    if (m_readWaiting && !m_database.isEmpty()) {
        m_readWaiting = false;
        reload(m_database);
    }
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

void RunsModel::importRuns(const QString &databasePath, const QString &path) {
    struct Outcome {
        int runs = 0;
        qint64 points = 0;
        QStringList problems;
        QString error;
    };
    runInBackground(
        this,
        [databasePath, path] {
            Outcome o;
            QList<ImportedSummary> done;
            if (!trainyard::importRuns(databasePath, path, &done, &o.problems, &o.error) && o.error.isEmpty())
                o.error = tr("the import failed");
            o.runs = int(done.size());
            for (const ImportedSummary &s : std::as_const(done))
                o.points += s.points;
            return o;
        },
        [this, databasePath, path](const Outcome &o) {
            Q_EMIT imported(path, o.runs, o.points, o.problems, o.error);
            reload(databasePath);
        });
}

void RunsModel::setRows(const QList<Row> &rows) {
    beginResetModel();
    m_rows = rows;
    QSet<QString> keys;
    for (const Row &r : rows)
        for (auto it = r.params.cbegin(); it != r.params.cend(); ++it)
            keys.insert(it.key());
    m_paramKeys = QStringList(keys.cbegin(), keys.cend());
    m_paramKeys.sort();
    endResetModel();
}

QString RunsModel::statusText(RunStatus status) {
    switch (status) {
    case RunStatus::Created:
        return tr("created");
    case RunStatus::Queued:
        return tr("queued");
    case RunStatus::Running:
        return tr("running");
    case RunStatus::Stopping:
        return tr("stopping");
    case RunStatus::Finished:
        return tr("finished");
    case RunStatus::Failed:
        return tr("failed");
    case RunStatus::Cancelled:
        return tr("cancelled");
    case RunStatus::Crashed:
        return tr("crashed");
    case RunStatus::Imported:
        return tr("imported");
    }
    return runStatusName(status);
}

int RunsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount + int(m_paramKeys.size());
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
    if (role == StatusRole)
        return runStatusName(r.status); // as stored
    if (index.column() >= ColumnCount) {
        const QString value = row.params.value(m_paramKeys.value(index.column() - ColumnCount));
        if (role == Qt::DisplayRole)
            return value;
        if (role == SortRole) {
            bool number = false;
            const double v = value.toDouble(&number);
            return number ? QVariant(v) : QVariant(value);
        }
        return {};
    }
    if (role == SortRole) {
        switch (index.column()) {
        case StartedColumn:
            return r.startedMs > 0 ? r.startedMs : r.createdMs;
        case DurationColumn:
            return (r.endedMs > 0 ? r.endedMs : QDateTime::currentMSecsSinceEpoch()) -
                   (r.startedMs > 0 ? r.startedMs : r.createdMs);
        default:
            role = Qt::DisplayRole;
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StatusColumn:
            // A record that lacks points is never shown as plainly finished (the tooltip says what is
            // missing).
            return r.incomplete().isEmpty() ? statusText(r.status)
                                            : tr("%1, incomplete").arg(statusText(r.status));
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
        case HostColumn:
            return r.user.isEmpty() ? r.host : r.user + u'@' + r.host;
        case NoteColumn:
            return row.tags.value(u"note"_s);
        default:
            return {};
        }
    }
    if (role == Qt::EditRole && index.column() == NoteColumn)
        return row.tags.value(u"note"_s);
    if (role == Qt::ToolTipRole) {
        const QString where = r.user.isEmpty() ? r.host : r.user + u'@' + r.host;
        const QString tip = tr("%1 on %2, exit code %3\n%4").arg(r.uid, where).arg(r.exitCode).arg(r.runDir);
        const QString missing = r.incomplete();
        return missing.isEmpty() ? tip : tip + u'\n' + tr("Incomplete: %1").arg(missing);
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (section >= ColumnCount)
        return role == Qt::ToolTipRole
                   ? tr("Parameter %1, as the run logged it").arg(m_paramKeys.value(section - ColumnCount))
                   : m_paramKeys.value(section - ColumnCount);
    if (role == Qt::ToolTipRole)
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
    case HostColumn:
        return tr("Host");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

Qt::ItemFlags RunsModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NoteColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RunsModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || index.column() != NoteColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    setNote(index.row(), value.toString());
    return true;
}

void RunsModel::setNote(int row, const QString &text) {
    const QString note = text.trimmed();
    Row &r = m_rows[row];
    if (r.tags.value(u"note"_s) == note)
        return;
    // Shown at once; the write follows on a worker (a failure is said and the reload shows what is stored).
    if (note.isEmpty())
        r.tags.remove(u"note"_s);
    else
        r.tags.insert(u"note"_s, note);
    Q_EMIT dataChanged(index(row, NoteColumn), index(row, NoteColumn));
    if (note.isEmpty())
        writeTags(r.run.id, {}, {u"note"_s});
    else
        writeTags(r.run.id, {{u"note"_s, note}}, {});
}

void RunsModel::setTags(qint64 databaseId, const QMap<QString, QString> &set, const QStringList &removed) {
    writeTags(databaseId, set, removed);
}

void RunsModel::writeTags(qint64 databaseId, const QMap<QString, QString> &set, const QStringList &removed) {
    runInBackground(
        this,
        [database = m_database, databaseId, set, removed] {
            StoreWriter writer;
            QString error;
            // All of them or none: one transaction.
            if (!(writer.open(database, &error) && writer.begin(&error) &&
                  writer.setTags(databaseId, set, &error) && writer.removeTags(databaseId, removed, &error) &&
                  writer.commit(&error)))
                writer.rollback();
            return error;
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT failed(error);
            reload(m_database);
        });
}

bool RunsFilterModel::setQuery(const QString &query, RunFilter::Error *error) {
    RunFilter next;
    if (!next.parse(query, error))
        return false;
    m_filter = next;
    invalidateFilter();
    return true;
}

bool RunsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    if (m_filter.isEmpty())
        return true;
    const auto *runs = qobject_cast<const RunsModel *>(sourceModel());
    if (!runs || sourceRow >= runs->rowCount())
        return true;
    const RunsModel::Row &row = runs->row(sourceRow);
    return m_filter.matches(RunFacts{row.run, row.params, row.tags, row.series});
}

} // namespace trainyard
