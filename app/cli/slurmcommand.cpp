// `trainyard launch --slurm`: records the run as queued, writes its batch script into the run folder, submits
// it with sbatch, and (unless --detach) follows the job: its state, the launcher's output inside the job
// (ranks' lines and notes, from the run folder), until it ends; the exit code is the job's. Ctrl-C cancels
// the job and waits until it is gone. Inside the job, `trainyard launch --slurm-job RUN` (launchFromSlurmJob)
// runs the ranks on the allocation's nodes as a multi-machine launch over srun.
#include "commands.h"
#include "config/accelerateconfig.h"
#include "launch/argbytes.h"
#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "launch/runrecord.h"
#include "livepush.h"
#include "signalevents.h"
#include "slurm/slurm.h"
#include "store.h"
#include "system/atomicfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {
struct SlurmCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::SlurmCliText)
};

void note(Io &io, const QString &text) {
    io.err << u"trainyard: "_s << text << '\n';
    io.err.flush();
}

// Sets a queued run's final status when its job ended before its launcher inside the job recorded anything.
void closeQueuedRun(const QString &dbPath, qint64 rowId, RunStatus status, int exitCode) {
    StoreReader reader;
    QString e;
    if (!reader.open(dbPath, &e))
        return;
    std::optional<RunRow> row = reader.run(rowId);
    if (!row || row->status != RunStatus::Queued)
        return;
    StoreWriter writer;
    if (!writer.open(dbPath, &e))
        return;
    row->status = status;
    row->exitCode = exitCode;
    row->endedMs = QDateTime::currentMSecsSinceEpoch();
    writer.updateRun(*row, &e);
}
} // namespace

int submitSlurm(const LaunchPlan &plan, const LaunchArgs &la, const QStringList &words, Io &io) {
    if (la.dryRun) {
        const QString runId = u"<run id>"_s;
        const QString name = runName(la.runName, la.script, runId);
        writeBytesTo(io.out, slurm::batchScript(slurm::jobSpec(plan, la, words, runId,
                                                               runsDirectory(la.db) + u'/' + runId, name,
                                                               QCoreApplication::applicationFilePath())));
        return 0;
    }
    const QString runId = newRunId();
    const QString name = runName(la.runName, la.script, runId);
    const QString runDir = runsDirectory(la.db) + u'/' + runId;
    if (!makePrivateFolder(runDir)) {
        io.err << SlurmCliText::tr("trainyard launch: cannot create the run folder %1").arg(runDir) << '\n';
        return 1;
    }
    const slurm::JobSpec spec =
        slurm::jobSpec(plan, la, words, runId, runDir, name, QCoreApplication::applicationFilePath());
    const QString scriptPath = runDir + u"/slurm.sbatch"_s;
    QString e;
    if (!saveFileAtomically(scriptPath, slurm::batchScript(spec), &e)) {
        io.err << SlurmCliText::tr("trainyard launch: cannot write %1: %2").arg(scriptPath, e) << '\n';
        return 1;
    }
    QFile::setPermissions(scriptPath, QFile::permissions(scriptPath) | QFileDevice::ExeOwner);
    // The run exists from now on, as queued; the launcher inside the job takes it over.
    RunRecord record;
    record.id = runId;
    record.name = name;
    record.status = RunStatus::Queued;
    record.created = QDateTime::currentDateTime();
    record.host = QHostInfo::localHostName();
    record.workingDirectory = QDir::currentPath();
    record.argv = redactedCommandLine(QStringList{u"trainyard"_s, u"launch"_s} + words);
    record.configFile = plan.configFile.isEmpty() ? QString() : QFileInfo(plan.configFile).absoluteFilePath();
    JsonRunRecorder json(runDir + u"/run.json"_s);
    const QString dbPath = databasePath(la.db);
    StoreWriter store;
    if (!store.open(dbPath, &e)) {
        io.err << SlurmCliText::tr("trainyard launch: cannot open the run database %1").arg(e) << '\n';
        return 1;
    }
    RunRow row;
    row.uid = runId;
    row.name = name;
    row.status = RunStatus::Queued;
    row.createdMs = record.created.toMSecsSinceEpoch();
    row.host = record.host;
    row.runDir = runDir;
    row.workingDirectory = record.workingDirectory;
    row.command = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(record.argv)).toJson(QJsonDocument::Compact));
    row.id = store.createRun(row, &e);
    if (!row.id) {
        io.err << SlurmCliText::tr("trainyard launch: cannot record the run in %1: %2").arg(dbPath, e)
               << '\n';
        return 1;
    }
    QString jobId;
    if (!slurm::submit(scriptPath, &jobId, &e)) {
        io.err << SlurmCliText::tr("trainyard launch: Slurm refused the job: %1").arg(e) << '\n';
        record.status = RunStatus::Failed;
        record.ended = QDateTime::currentDateTime();
        record.events << RunEvent{record.ended, u"failure"_s, -1, SlurmCliText::tr("sbatch: %1").arg(e)};
        json.save(record, nullptr);
        row.status = RunStatus::Failed;
        row.exitCode = 1;
        row.endedMs = record.ended.toMSecsSinceEpoch();
        store.updateRun(row, nullptr);
        return 1;
    }
    record.slurmJob = jobId;
    json.save(record, nullptr);
    // While queued: who follows it (the studio finds its launch this way), or the job when nobody does. A
    // queued run is never taken for crashed; the launcher inside the job writes its own identity.
    row.launcher = la.detach ? u"slurm "_s + jobId : launcherIdentity();
    store.updateRun(row, nullptr);
    // A studio that started this launch hears of its run now (the launcher inside the job, which inherits the
    // variables through sbatch, tells it the rest).
    if (const QString studio = qEnvironmentVariable(StudioPushVariable); !studio.isEmpty()) {
        PushSender sender(studio);
        sender.send(PushedRun{qEnvironmentVariable(StudioLaunchVariable), row.id, row.uid, row.status, 0});
        sender.waitSent(2000);
    }

    note(io, SlurmCliText::tr("run %1 submitted as Slurm job %2 (%n node(s)); batch script %3", nullptr,
                              plan.numMachines)
                 .arg(runId, jobId, scriptPath));
    if (la.detach) {
        io.out << jobId << '\n';
        return 0;
    }

    // Following: the job's state, and the output of the launcher inside it, as it grows.
    SignalEvents signalled({SIGINT, SIGTERM, SIGHUP});
    if (!signalled.ok())
        return 1;
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(250);
    QFile output(runDir + u"/slurm-%1.out"_s.arg(jobId));
    qint64 offset = 0;
    QByteArray partial;
    QString lastState;
    int interrupts = 0;
    int exitCode = 1;
    QString finalState;
    QObject scope;
    auto drain = [&] {
        if (!output.isOpen() && !output.open(QIODevice::ReadOnly))
            return;
        output.seek(offset);
        const QByteArray chunk = output.readAll();
        offset += chunk.size();
        partial += chunk;
        const qsizetype end = partial.lastIndexOf('\n');
        if (end < 0)
            return;
        io.err.flush();
        io.out.flush();
        fwrite(partial.constData(), 1, size_t(end + 1), stdout);
        fflush(stdout);
        partial.remove(0, end + 1);
    };
    QObject::connect(&signalled, &SignalEvents::received, &scope, [&](int) {
        ++interrupts;
        note(io, interrupts == 1 ? SlurmCliText::tr(
                                       "interrupted: cancelling job %1 (scancel); interrupt again to kill it")
                                       .arg(jobId)
                                 : SlurmCliText::tr("killing job %1").arg(jobId));
        QString err;
        if (!slurm::cancel(jobId, interrupts > 1, &err))
            note(io, SlurmCliText::tr("scancel: %1").arg(err));
    });
    QObject::connect(&tick, &QTimer::timeout, &scope, [&] {
        drain();
        const slurm::JobState j = slurm::queryJob(jobId);
        const QString shown = j.state + u' ' + j.reason;
        if (j.known && shown != lastState) {
            lastState = shown;
            if (j.state == u"PENDING"_s && !j.reason.isEmpty() && j.reason != u"None"_s)
                note(io, SlurmCliText::tr("job %1 pending (%2)").arg(jobId, j.reason));
            else if (j.state == u"PENDING"_s)
                note(io, SlurmCliText::tr("job %1 pending").arg(jobId));
            else if (j.state == u"RUNNING"_s)
                note(io, SlurmCliText::tr("job %1 running on %2").arg(jobId, j.nodes));
        }
        if (!j.ended())
            return;
        drain();
        finalState = j.known ? j.state : SlurmCliText::tr("gone");
        exitCode = j.exitCode >= 0 ? j.exitCode : (interrupts ? 130 : 1);
        if (j.state == u"CANCELLED"_s || (interrupts && j.exitCode != 0))
            exitCode = 130;
        loop.quit();
    });
    tick.start();
    loop.exec();
    tick.stop();
    if (!partial.isEmpty())
        fwrite(partial.constData(), 1, size_t(partial.size()), stdout);
    fflush(stdout);
    if (exitCode == 130)
        closeQueuedRun(dbPath, row.id, RunStatus::Cancelled, 0);
    else if (exitCode != 0)
        closeQueuedRun(dbPath, row.id, RunStatus::Failed, exitCode);
    note(io, SlurmCliText::tr("job %1 ended: %2, exit code %3").arg(jobId, finalState).arg(exitCode));
    return exitCode;
}

int launchFromSlurmJob(LaunchArgs la, const QStringList &words, Io &io) {
    QString e;
    const QStringList nodes = slurm::allocationNodes(&e);
    if (nodes.isEmpty()) {
        io.err << SlurmCliText::tr("trainyard launch --slurm-job: %1").arg(e) << '\n';
        return 1;
    }
    la.hosts = nodes.join(u',');
    if (la.get(u"main_process_ip"_s).isNull()) {
        // The first node as Slurm reaches it (NodeAddr), which works where node names do not resolve.
        const QString addr = slurm::nodeAddress(nodes.first(), &e);
        if (addr.isEmpty()) {
            io.err << SlurmCliText::tr("trainyard launch --slurm-job: %1").arg(e) << '\n';
            return 1;
        }
        la.set(u"main_process_ip"_s, Value::string(addr));
        la.typed.insert(u"main_process_ip"_s);
    }
    const LaunchPlan plan = planLaunch(la, HardwareInfo::detect());
    for (const Diagnostic &d : plan.warnings)
        io.err << d.format() << '\n';
    if (!plan.ok()) {
        for (const Diagnostic &d : plan.errors)
            io.err << d.format() << '\n';
        return 1;
    }
    return runPlan(plan, la, words, io);
}

} // namespace trainyard::cli
