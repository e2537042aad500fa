// What the CLI and the studio ask of a run they did not start, or no longer hold a process handle for: its
// launcher (on this host) is signalled as a user in its terminal would, and queued Slurm runs whose job ended
// before its launcher started are closed as Slurm says they ended.
#pragma once

#include "store.h"

#include <QMap>
#include <QString>

namespace trainyard {

// Asks an active run's launcher (on this host) for every Python rank's stacks: SIGUSR1, as `kill -USR1` does.
// They are appended to stacks-rank-N.txt in the run folder. False (and why) when the launcher is not here.
bool requestStacks(const RunRow &run, QString *error);
// The last stack dump of each rank in a run folder (stacks-rank-N.txt: the launcher appends a "=== REASON,
// TIME ===" line, then the rank's faulthandler writes every thread's stack): rank -> the text from that line
// on. Ranks whose file holds no dump yet are left out; an empty map means no Python rank registered for
// dumps.
QMap<int, QString> lastStackDumps(const QString &runDir);
// Asks an active run's launcher (on this host) to stop the run: SIGINT, as Ctrl-C in its terminal (every rank
// gets SIGTERM, then SIGKILL after the grace period; the run is recorded as cancelled). A second call kills
// the ranks at once. False (and why) when the launcher is not here.
bool requestStop(const RunRow &run, QString *error);

// Closes the queued Slurm runs of a database whose job ended, or that Slurm no longer knows, without its
// launcher ever starting (cancelled or failed while pending): cancelled when Slurm says CANCELLED, else
// failed with the job's exit code. Left alone: a run whose job Slurm could not be asked about (no scontrol,
// the controller not answering), one submitted less than a minute ago that Slurm does not list yet, one whose
// launcher took it over meanwhile. Returns the runs closed (their database ids). Runs squeue/sacct: call it
// off the GUI thread.
QList<qint64> closeEndedSlurmRuns(const QString &databasePath, QString *error = nullptr);

} // namespace trainyard
