// A run's status: one vocabulary for the launcher's lifecycle, the run record (run.json), the run database,
// the studio and the CLI. Stored and printed as the lower-case names (docs/DATABASE.md); compared as values.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trainyard {

enum class RunStatus {
    Created,   // recorded, ranks not started yet
    Queued,    // waiting for resources (a Slurm job pending, a queued run)
    Running,   // ranks started
    Stopping,  // asked to stop (Ctrl-C, a failed rank, the studio's Stop): ranks are being ended
    Finished,  // every rank exited 0
    Failed,    // a rank failed, or the run could not start
    Cancelled, // stopped by the user
    Crashed,   // its launcher died without recording an end (set by readers)
    Imported,  // read from another tracker's files (runs import)
};

// "created", "queued", ... as stored.
QString runStatusName(RunStatus status);
// The status a stored name means; nullopt for a name this version does not know.
std::optional<RunStatus> runStatusFromName(QStringView name);
// Every status's stored name, in the enum's order.
QStringList runStatusNames();
// A stored name read back: an unknown name (a newer Trainyard's) reads as failed.
RunStatus runStatusOr(QStringView name, RunStatus fallback = RunStatus::Failed);
// While a run may still change by its own launcher: created, running, stopping.
bool isActive(RunStatus status);
// Finished, failed, cancelled, crashed, imported: nothing will change it.
bool isEnded(RunStatus status);

} // namespace trainyard

Q_DECLARE_METATYPE(trainyard::RunStatus)
