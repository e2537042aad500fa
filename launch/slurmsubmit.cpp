#include "slurmsubmit.h"

#include "atomicfile.h"
#include "config/accelerateconfig.h"
#include "launch/runrecord.h"
#include "livepush.h"
#include "queue.h"
#include "slurm/slurm.h"
#include "store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct SlurmSubmitText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::SlurmSubmitText)
};
} // namespace

QByteArray slurmDryRunScript(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &words,
                             const QString &program) {
    const QString runId = u"<run id>"_s;
    const QString name = runName(args.runName, args.script, runId);
    return slurm::batchScript(
        slurm::jobSpec(plan, args, words, runId, runsDirectory(args.db) + u'/' + runId, name, program));
}

bool submitSlurmRun(const LaunchPlan &plan, const LaunchArgs &la, const QStringList &words,
                    const QString &program, SlurmSubmission *out, QString *error) {
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    SlurmSubmission s;
    s.runId = newRunId();
    s.name = runName(la.runName, la.script, s.runId);
    s.runDir = runsDirectory(la.db) + u'/' + s.runId;
    if (!makePrivateFolder(s.runDir))
        return fail(SlurmSubmitText::tr("cannot create the run folder %1").arg(s.runDir));
    const slurm::JobSpec spec = slurm::jobSpec(plan, la, words, s.runId, s.runDir, s.name, program);
    s.scriptPath = s.runDir + u"/slurm.sbatch"_s;
    QString e;
    if (!saveFileAtomically(s.scriptPath, slurm::batchScript(spec), &e))
        return fail(SlurmSubmitText::tr("cannot write %1: %2").arg(s.scriptPath, e));
    QFile::setPermissions(s.scriptPath, QFile::permissions(s.scriptPath) | QFileDevice::ExeOwner);
    // The run exists from now on, as queued; the launcher inside the job takes it over.
    RunRecord record = queuedRecord(s.runId, s.name, plan, words);
    JsonRunRecorder json(s.runDir + u"/run.json"_s);
    s.databasePath = databasePath(la.db);
    StoreWriter store;
    if (!store.open(s.databasePath, &e))
        return fail(SlurmSubmitText::tr("cannot open the run database %1").arg(e));
    RunRow row = queuedRow(record, s.runDir);
    row.id = store.createRun(row, &e);
    if (!row.id)
        return fail(SlurmSubmitText::tr("cannot record the run in %1: %2").arg(s.databasePath, e));
    s.rowId = row.id;
    if (!slurm::submit(s.scriptPath, &s.jobId, &e)) {
        record.status = RunStatus::Failed;
        record.ended = QDateTime::currentDateTime();
        record.events << RunEvent{record.ended, u"failure"_s, -1, SlurmSubmitText::tr("sbatch: %1").arg(e)};
        json.save(record, nullptr);
        row.status = RunStatus::Failed;
        row.exitCode = 1;
        row.endedMs = record.ended.toMSecsSinceEpoch();
        store.updateRun(row, nullptr);
        return fail(SlurmSubmitText::tr("Slurm refused the job: %1").arg(e));
    }
    record.slurmJob = s.jobId;
    json.save(record, nullptr);
    // While queued: who follows it (the studio finds its launch this way), or the job when nobody does. A
    // queued run is never taken for crashed; the launcher inside the job writes its own identity.
    row.launcher = la.detach ? u"slurm "_s + s.jobId : launcherIdentity();
    store.updateRun(row, nullptr);
    // A studio that started this launch hears of its run now (the launcher inside the job, which inherits the
    // variables through sbatch, tells it the rest).
    if (const QString studio = qEnvironmentVariable(StudioPushVariable); !studio.isEmpty()) {
        PushSender sender(studio);
        sender.send(PushedRun{qEnvironmentVariable(StudioLaunchVariable), row.id, row.uid, row.status, 0});
        sender.waitSent(2000);
    }
    if (out)
        *out = s;
    return true;
}

bool closeQueuedRun(const QString &dbPath, qint64 rowId, RunStatus status, int exitCode, QString *error) {
    StoreReader reader;
    if (!reader.open(dbPath, error))
        return false;
    std::optional<RunRow> row = reader.run(rowId);
    if (!row || row->status != RunStatus::Queued)
        return false;
    StoreWriter writer;
    if (!writer.open(dbPath, error))
        return false;
    row->status = status;
    row->exitCode = exitCode;
    row->endedMs = QDateTime::currentMSecsSinceEpoch();
    return writer.updateRun(*row, error);
}

} // namespace trainyard
