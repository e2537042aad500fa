#include "runcontrol.h"

#include "launch/runrecord.h"
#include "slurm/slurm.h"
#include "slurmsubmit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <cerrno>
#include <csignal>
#include <cstring>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct RunControlText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::RunControlText)
};
} // namespace

namespace {
bool signalLauncher(const RunRow &run, int signal, QString *error) {
    if (!isActive(run.status) || !launcherRunning(run.launcher)) {
        if (error)
            *error = RunControlText::tr("the run's launcher does not run on this machine");
        return false;
    }
    if (::kill(pid_t(run.launcher.section(u' ', 2, 2).toLongLong()), signal) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(strerror(errno));
        return false;
    }
    return true;
}
} // namespace

bool requestStacks(const RunRow &run, QString *error) {
    return signalLauncher(run, SIGUSR1, error);
}

QMap<int, QString> lastStackDumps(const QString &runDir) {
    QMap<int, QString> out;
    static const QRegularExpression name(u"^stacks-rank-(\\d+)\\.txt$"_s);
    const QStringList files = QDir(runDir).entryList({u"stacks-rank-*.txt"_s}, QDir::Files);
    for (const QString &f : files) {
        const auto m = name.match(f);
        QFile file(QDir(runDir).filePath(f));
        if (!m.hasMatch() || !file.open(QIODevice::ReadOnly))
            continue;
        // The end of the file is enough: a dump is tens of lines; older dumps come before it.
        const qint64 keep = 1 << 20;
        if (file.size() > keep)
            file.seek(file.size() - keep);
        const QString text = QString::fromUtf8(file.readAll());
        const qsizetype at = text.lastIndexOf(u"\n=== "_s);
        if (at >= 0)
            out.insert(m.captured(1).toInt(), text.mid(at + 1).trimmed());
    }
    return out;
}

bool requestStop(const RunRow &run, QString *error) {
    return signalLauncher(run, SIGINT, error);
}

QList<qint64> closeEndedSlurmRuns(const QString &databasePath, QString *error) {
    QList<qint64> closed;
    StoreReader reader;
    if (!reader.open(databasePath, error))
        return closed;
    for (const RunRow &r : reader.runs()) {
        if (r.status != RunStatus::Queued)
            continue;
        RunRecord record;
        if (!JsonRunRecorder::load(r.runDir + u"/run.json"_s, &record, nullptr) || record.slurmJob.isEmpty())
            continue;
        const slurm::JobState job = slurm::queryJob(record.slurmJob);
        if (job.known && !job.ended())
            continue;
        if (!job.known && !job.gone)
            continue; // Slurm could not be asked (no scontrol, the controller not answering): ask again later
        if (job.gone && QDateTime::currentMSecsSinceEpoch() - r.createdMs < 60000)
            continue; // just submitted: Slurm may not list it yet
        const RunStatus status = job.state == u"CANCELLED"_s ? RunStatus::Cancelled : RunStatus::Failed;
        const int exitCode = job.exitCode > 0 ? job.exitCode : (status == RunStatus::Failed ? 1 : 0);
        // Checked again as it is written: a launcher that took the run over meanwhile keeps it.
        if (closeQueuedRun(databasePath, r.id, status, exitCode, error))
            closed << r.id;
    }
    return closed;
}

} // namespace trainyard
