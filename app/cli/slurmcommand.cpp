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
#include "slurmsubmit.h"
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

} // namespace

int submitSlurm(const LaunchPlan &plan, const LaunchArgs &la, const QStringList &words, Io &io) {
    if (la.dryRun) {
        writeBytesTo(io.out, slurmDryRunScript(plan, la, words, QCoreApplication::applicationFilePath()));
        return 0;
    }
    SlurmSubmission submitted;
    QString e;
    if (!submitSlurmRun(plan, la, words, QCoreApplication::applicationFilePath(), &submitted, &e)) {
        io.err << SlurmCliText::tr("trainyard launch: %1").arg(e) << '\n';
        return 1;
    }
    const QString &runId = submitted.runId, &runDir = submitted.runDir, &jobId = submitted.jobId,
                  &scriptPath = submitted.scriptPath, &dbPath = submitted.databasePath;
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
        closeQueuedRun(dbPath, submitted.rowId, RunStatus::Cancelled, 0);
    else if (exitCode != 0)
        closeQueuedRun(dbPath, submitted.rowId, RunStatus::Failed, exitCode);
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
