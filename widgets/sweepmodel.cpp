#include "sweepmodel.h"

#include "background.h"
#include "launch/runrecord.h"
#include "launchsession.h"
#include "queue.h"
#include "runcontrol.h"
#include "runsmodel.h"
#include "store.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QProcess>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace trainyard {

SweepSummary SweepModel::read(const QString &databasePath, const QString &sweepId, QString *error) {
    SweepSummary s;
    s.id = sweepId;
    StoreReader reader;
    if (!reader.open(databasePath, error))
        return s;
    for (const qint64 id : reader.runsTagged(u"sweep"_s, sweepId)) {
        const std::optional<RunRow> run = reader.run(id);
        if (!run)
            continue;
        const QMap<QString, QString> tags = reader.tags(id);
        SweepTrialRow t;
        t.runId = id;
        t.uid = run->uid;
        t.name = run->name;
        t.status = run->status;
        t.trial = tags.value(u"sweep.trial"_s).toInt();
        t.params = reader.params(id);
        s.method = tags.value(u"sweep.method"_s, s.method);
        s.metric = tags.value(u"sweep.metric"_s, s.metric);
        s.goal = tags.value(u"sweep.goal"_s, s.goal);
        s.file = tags.value(u"sweep.file"_s, s.file);
        s.workingDirectory = run->workingDirectory;
        if (!s.metric.isEmpty())
            t.value = reader.lastValue(id, s.metric);
        s.trials << t;
    }
    std::sort(s.trials.begin(), s.trials.end(),
              [](const SweepTrialRow &a, const SweepTrialRow &b) { return a.trial < b.trial; });
    if (error && !reader.error().isEmpty())
        *error = reader.error();
    return s;
}

void SweepModel::reload(const QString &databasePath, const QString &sweepId) {
    struct Read {
        SweepSummary summary;
        QString error;
    };
    runInBackground(
        this,
        [databasePath, sweepId] {
            Read r;
            r.summary = read(databasePath, sweepId, &r.error);
            return r;
        },
        [this](const Read &r) {
            if (!r.error.isEmpty() && r.summary.trials.isEmpty()) {
                Q_EMIT failed(r.error);
                return;
            }
            setSummary(r.summary);
            Q_EMIT loaded();
        });
}

void SweepModel::setSummary(const SweepSummary &summary) {
    beginResetModel();
    m_summary = summary;
    QSet<QString> keys;
    for (const SweepTrialRow &t : summary.trials)
        for (auto it = t.params.cbegin(); it != t.params.cend(); ++it)
            keys.insert(it.key());
    m_keys = QStringList(keys.cbegin(), keys.cend());
    m_keys.sort();
    endResetModel();
}

int SweepModel::bestRow() const {
    int best = -1;
    const bool minimize = m_summary.goal != u"maximize"_s;
    for (int i = 0; i < m_summary.trials.size(); ++i) {
        const SweepTrialRow &t = m_summary.trials[i];
        // A trial stopped early (cancelled) is not a finished result.
        if (!t.value || !std::isfinite(*t.value) || t.status != RunStatus::Finished)
            continue;
        if (best < 0 ||
            (minimize ? *t.value < *m_summary.trials[best].value : *t.value > *m_summary.trials[best].value))
            best = i;
    }
    return best;
}

int SweepModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_summary.trials.size());
}

int SweepModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : FixedColumns + int(m_keys.size());
}

QVariant SweepModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_summary.trials.size())
        return {};
    const SweepTrialRow &t = m_summary.trials[index.row()];
    if (role == RunIdRole)
        return t.runId;
    if (role == ValueRole)
        return t.value ? QVariant(*t.value) : QVariant();
    if (role == Qt::FontRole && index.row() == bestRow()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TrialColumn:
        return index.row() == bestRow() ? tr("%1 (best)").arg(t.trial) : QString::number(t.trial);
    case StatusColumn:
        return RunsModel::statusText(t.status);
    case ObjectiveColumn:
        return t.value ? QString::number(*t.value, 'g', 6) : QString();
    case RunColumn:
        return t.uid;
    default:
        return t.params.value(m_keys.value(index.column() - FixedColumns));
    }
}

QVariant SweepModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TrialColumn:
        return tr("Trial");
    case StatusColumn:
        return tr("Status");
    case ObjectiveColumn:
        return m_summary.metric.isEmpty() ? tr("Objective") : m_summary.metric;
    case RunColumn:
        return tr("Run");
    default:
        return m_keys.value(section - FixedColumns);
    }
}

bool SweepModel::continueSweep(const QString &database, const SweepSummary &s, int count,
                               const QString &program, QString *error) {
    const QString trainyard = program.isEmpty() ? LaunchSession::trainyardProgram() : program;
    if (trainyard.isEmpty() || s.file.isEmpty()) {
        *error = tr("The trainyard program or the sweep file was not found.");
        return false;
    }
    // Detached, like a launch: it goes on when the studio closes; its output beside the runs.
    const QString log = QFileInfo(databasePath(database))
                            .dir()
                            .filePath(u"launches/%1-%2.log"_s.arg(
                                s.id, QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)));
    QDir().mkpath(QFileInfo(log).absolutePath());
    QProcess p;
    p.setProgram(trainyard);
    p.setArguments({u"sweep"_s, s.file, u"--continue"_s, s.id, u"--trials"_s, QString::number(count),
                    u"--db"_s, database});
    p.setWorkingDirectory(s.workingDirectory.isEmpty() ? QFileInfo(s.file).absolutePath()
                                                       : s.workingDirectory);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(log, QIODevice::Append);
    p.setStandardErrorFile(log, QIODevice::Append);
    if (!p.startDetached()) {
        *error = p.errorString();
        return false;
    }
    return true;
}

std::pair<int, int> SweepModel::stopTrials(const QString &database, const QList<SweepTrialRow> &trials) {
    int removed = 0, stopping = 0;
    StoreReader reader;
    if (!reader.open(database, nullptr))
        return {0, 0};
    for (const SweepTrialRow &t : trials) {
        const std::optional<RunRow> run = reader.run(t.runId);
        if (!run)
            continue;
        if (run->status == RunStatus::Queued)
            removed += removeQueuedRun(database, t.runId, nullptr) ? 1 : 0;
        else if (isActive(run->status))
            stopping += requestStop(*run, nullptr) ? 1 : 0;
    }
    return {removed, stopping};
}

} // namespace trainyard
