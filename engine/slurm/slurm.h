// Slurm for `trainyard launch --slurm`: the batch script Trainyard writes into the run folder, and the few
// client commands it needs (sbatch, squeue, scontrol, scancel), each with errors that say what Slurm said.
// Inside the job, the script runs `trainyard launch --slurm-job RUN` on the first node: the same
// multi-machine launch as over SSH, with `srun --overlap` (one step per node) carrying each node's agent
// instead of ssh.
#pragma once

#include <QString>
#include <QStringList>

namespace trainyard {
struct LaunchArgs;
struct LaunchPlan;
} // namespace trainyard

namespace trainyard::slurm {

struct JobSpec {
    QString runId, runName, runDir;
    QString workingDirectory;
    QString program;        // trainyard, as the nodes run it
    QString database;       // the run database the job records into
    QStringList launchArgs; // the words after `trainyard launch`, without the Slurm flags
    int nodes = 1;
    QString partition, time, account;
    QStringList extra; // --slurm-arg: one #SBATCH line each
};

// The job for a launch: the plan's machine count as nodes, the launch's words without the flags that only
// the submitting side reads (--slurm, --partition, --time, --account, --slurm-arg, --detach, --db,
// --dry-run), the run's database as the submitting side resolves it, program: trainyard on the nodes; the
// job runs in workingDirectory (default: this process's).
JobSpec jobSpec(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &words,
                const QString &runId, const QString &runDir, const QString &name, const QString &program,
                const QString &workingDirectory = {});

// The batch script: #SBATCH lines, then `exec trainyard launch --slurm-job ...` with every word shell-quoted
// (bytes that are not UTF-8 as they are, argbytes.h).
QByteArray batchScript(const JobSpec &spec);

// sbatch --parsable FILE: the job id, or false with Slurm's own message.
bool submit(const QString &scriptPath, QString *jobId, QString *error);

struct JobState {
    bool known = false; // Slurm still knows the job
    bool gone = false;  // Slurm answered that it does not know the job (ended long ago, or never was)
    QString state;      // PENDING, RUNNING, COMPLETING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
    QString reason;     // why it is pending
    QString nodes;
    int exitCode = -1; // of the batch script, when it has ended and Slurm still says
    bool ended() const;
};
JobState queryJob(const QString &jobId);

// scancel JOB (SIGTERM to every step, then SIGKILL after the cluster's KillWait); kill: SIGKILL at once.
bool cancel(const QString &jobId, bool kill, QString *error);

// Inside a job: the nodes of the allocation in order (scontrol show hostnames $SLURM_JOB_NODELIST), and a
// node's address as Slurm knows it (NodeAddr, which works where node names do not resolve).
QStringList allocationNodes(QString *error);
QString nodeAddress(const QString &node, QString *error);

// The command that carries a node's agent inside the job (srun, one task on that node, sharing the
// allocation with the batch step).
QStringList srunTransport();

} // namespace trainyard::slurm
