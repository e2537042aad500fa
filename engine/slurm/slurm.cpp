#include "slurm/slurm.h"

#include "launch/argbytes.h"
#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "launch/runrecord.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trainyard::slurm {

namespace {
struct SlurmText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::slurm::SlurmText)
};

struct Ran {
    bool started = false;
    int exitCode = -1;
    QByteArray out, err;
};

Ran runTool(const QString &program, const QStringList &args, int timeoutMs = 30000) {
    Ran r;
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    r.started = p.waitForStarted(5000);
    if (!r.started)
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString said(const Ran &r, const QString &program) {
    if (!r.started)
        return SlurmText::tr("%1 was not found: is Slurm's client installed (slurm-client)?").arg(program);
    const QString e = QString::fromUtf8(r.err).trimmed();
    return e.isEmpty() ? SlurmText::tr("%1 exited with %2").arg(program).arg(r.exitCode) : e;
}

// A #SBATCH line's value: one word, no newline (sbatch reads the line up to its end).
QString directive(const QString &s) {
    return QString(s).replace(u'\n', u' ');
}
} // namespace

bool JobState::ended() const {
    static const QStringList running = {u"PENDING"_s,   u"RUNNING"_s,  u"CONFIGURING"_s, u"COMPLETING"_s,
                                        u"SUSPENDED"_s, u"REQUEUED"_s, u"RESIZING"_s,    u"SIGNALING"_s,
                                        u"STAGE_OUT"_s, u"STOPPED"_s};
    return !known || !running.contains(state);
}

JobSpec jobSpec(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &words,
                const QString &runId, const QString &runDir, const QString &name, const QString &program,
                const QString &workingDirectory) {
    static const QStringList submitOnly = {u"slurm"_s,   u"partition"_s, u"time"_s,
                                           u"account"_s, u"slurm_arg"_s, u"detach"_s,
                                           u"db"_s,      u"slurm_job"_s, u"dry_run"_s};
    JobSpec spec;
    spec.runId = runId;
    spec.runName = name;
    spec.runDir = runDir;
    spec.workingDirectory = workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory;
    spec.program = program;
    // A server's password stays out of the job's script (a file in the run folder): the job's launcher
    // reaches the server with ~/.pgpass or PGPASSFILE on the node (docs/DATABASE.md).
    spec.database = withoutPassword(databasePath(args.db));
    spec.launchArgs = withoutFlags(words, submitOnly);
    spec.nodes = plan.numMachines;
    spec.partition = args.slurmPartition;
    spec.time = args.slurmTime;
    spec.account = args.slurmAccount;
    spec.extra = args.slurmArgs;
    return spec;
}

QByteArray batchScript(const JobSpec &s) {
    QByteArray out = "#!/bin/bash\n";
    out += "# Written by Trainyard for run " + s.runId.toUtf8() + " (" + s.runName.toUtf8() +
           "); submitted with sbatch.\n";
    out +=
        "# Each node runs its ranks under `trainyard agent`, started by the launcher below through srun.\n";
    out += "#SBATCH --job-name=" + directive(u"trainyard-"_s + s.runName).toUtf8() + '\n';
    out += "#SBATCH --nodes=" + QByteArray::number(s.nodes) + '\n';
    out += "#SBATCH --ntasks-per-node=1\n";
    out += "#SBATCH --output=" + directive(s.runDir + u"/slurm-%j.out"_s).toUtf8() + '\n';
    if (!s.partition.isEmpty())
        out += "#SBATCH --partition=" + directive(s.partition).toUtf8() + '\n';
    if (!s.time.isEmpty())
        out += "#SBATCH --time=" + directive(s.time).toUtf8() + '\n';
    if (!s.account.isEmpty())
        out += "#SBATCH --account=" + directive(s.account).toUtf8() + '\n';
    for (const QString &e : s.extra)
        out += "#SBATCH " + directive(e).toUtf8() + '\n';
    out += "set -e\n";
    out += "cd " + argToBytes(shellQuote(s.workingDirectory)) + '\n';
    QStringList words{shellQuote(s.program), u"launch"_s, u"--slurm-job"_s,
                      shellQuote(s.runId),   u"--db"_s,   shellQuote(s.database)};
    for (const QString &w : s.launchArgs)
        words << shellQuote(w);
    out += "exec " + argToBytes(words.join(u' ')) + '\n';
    return out;
}

bool submit(const QString &scriptPath, QString *jobId, QString *error) {
    const Ran r = runTool(u"sbatch"_s, {u"--parsable"_s, scriptPath});
    if (!r.started || r.exitCode != 0) {
        *error = said(r, u"sbatch"_s);
        return false;
    }
    // "123" or "123;cluster"
    *jobId = QString::fromUtf8(r.out).trimmed().section(u';', 0, 0);
    static const QRegularExpression number(u"\\A\\d+\\z"_s);
    if (!number.match(*jobId).hasMatch()) {
        *error =
            SlurmText::tr("sbatch printed no job id: %1").arg(QString::fromUtf8(r.out + r.err).trimmed());
        return false;
    }
    return true;
}

JobState queryJob(const QString &jobId) {
    JobState j;
    // scontrol knows pending, running and (for MinJobAge seconds) ended jobs, with the batch script's exit
    // code; squeue alone does not say how a job ended.
    const Ran r = runTool(u"scontrol"_s, {u"show"_s, u"job"_s, u"-o"_s, jobId}, 10000);
    if (!r.started || r.exitCode != 0) {
        // "slurm_load_jobs error: Invalid job id specified": Slurm answered; anything else (no scontrol, the
        // controller not answering) says nothing about the job.
        j.gone = r.started && (r.err.contains("Invalid job id") || r.out.contains("Invalid job id"));
        return j;
    }
    const QString text = QString::fromUtf8(r.out);
    auto field = [&](const QString &name) {
        const QRegularExpression re(u"(?:^|\\s)"_s + name + u"=(\\S*)"_s);
        return re.match(text).captured(1);
    };
    j.known = !field(u"JobState"_s).isEmpty();
    j.state = field(u"JobState"_s);
    j.reason = field(u"Reason"_s);
    j.nodes = field(u"NodeList"_s);
    const QString exit = field(u"ExitCode"_s); // "code:signal"
    if (j.ended() && !exit.isEmpty()) {
        const int code = exit.section(u':', 0, 0).toInt();
        const int sig = exit.section(u':', 1, 1).toInt();
        j.exitCode = sig ? 128 + sig : code;
    }
    return j;
}

bool cancel(const QString &jobId, bool kill, QString *error) {
    QStringList args;
    if (kill)
        args << u"--signal=KILL"_s << u"--full"_s;
    args << jobId;
    const Ran r = runTool(u"scancel"_s, args);
    if (!r.started || r.exitCode != 0) {
        *error = said(r, u"scancel"_s);
        return false;
    }
    return true;
}

QStringList allocationNodes(QString *error) {
    const QString list = qEnvironmentVariable("SLURM_JOB_NODELIST");
    if (list.isEmpty()) {
        *error = SlurmText::tr("SLURM_JOB_NODELIST is not set: not inside a Slurm job");
        return {};
    }
    const Ran r = runTool(u"scontrol"_s, {u"show"_s, u"hostnames"_s, list});
    if (!r.started || r.exitCode != 0) {
        *error = said(r, u"scontrol"_s);
        return {};
    }
    return QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
}

QString nodeAddress(const QString &node, QString *error) {
    const Ran r = runTool(u"scontrol"_s, {u"show"_s, u"node"_s, u"-o"_s, node});
    if (!r.started || r.exitCode != 0) {
        *error = said(r, u"scontrol"_s);
        return {};
    }
    static const QRegularExpression re(u"(?:^|\\s)NodeAddr=(\\S+)"_s);
    const QString addr = re.match(QString::fromUtf8(r.out)).captured(1);
    if (addr.isEmpty())
        *error = SlurmText::tr("scontrol shows no NodeAddr for node %1").arg(node);
    return addr;
}

QStringList srunTransport() {
    // --unbuffered: frames are bytes, not lines; srun would hold them back until a newline.
    return {u"srun"_s,
            u"--overlap"_s,
            u"--unbuffered"_s,
            u"--nodes=1"_s,
            u"--ntasks=1"_s,
            u"--kill-on-bad-exit=1"_s,
            u"--job-name=trainyard-agent"_s};
}

} // namespace trainyard::slurm
