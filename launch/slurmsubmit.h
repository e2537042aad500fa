// `trainyard launch --slurm` from the launcher's side: the run recorded as queued (its folder, batch script,
// run.json and database row), its job submitted with sbatch, a studio that started the launch told of it, and
// the run closed as its job ended when the launcher inside the job never recorded anything. The CLI prints
// and follows the job; nothing here prints.
#pragma once

#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "runstatus.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace trainyard {

struct SlurmSubmission {
    QString runId, name, runDir, scriptPath, databasePath, jobId;
    qint64 rowId = 0;
};

// The batch script `launch --slurm --dry-run` shows (the run id a placeholder).
QByteArray slurmDryRunScript(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &words,
                             const QString &program);
// Records the run as queued and submits its job (program: the trainyard the job runs). False with the reason
// when it could not; a job Slurm refused leaves its run recorded as failed, with sbatch's message as an
// event.
bool submitSlurmRun(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &words,
                    const QString &program, SlurmSubmission *out, QString *error);
// A queued run whose job ended before its launcher inside the job recorded anything: its final status. True
// when it was written; nothing changes when the run is no longer queued (its launcher took it over).
bool closeQueuedRun(const QString &databasePath, qint64 rowId, RunStatus status, int exitCode,
                    QString *error = nullptr);

} // namespace trainyard
