// accelerate launch's command line: the same flag names (with - or _), defaults and types, and the record of
// which flags the user typed, which drives accelerate's precedence (typed flags beat the file, the file beats
// flag defaults). Trainyard's own launch flags live beside them.
#pragma once

#include "config/value.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace trainyard {

struct LaunchFlagSpec {
    enum class Kind { StoreTrue, Int, Float, String, Append };
    QStringList names; // "--num_processes"; short forms such as "-m"
    QString dest;
    Kind kind = Kind::String;
    Value defaultValue;
    QStringList choices;
    bool trainyard = false; // Trainyard's own flag (not accelerate's)
};

const QList<LaunchFlagSpec> &launchFlagSpecs();
// The flag a word names ("--num_processes", "--num-processes", "-m"), or nullptr.
const LaunchFlagSpec *findFlag(const QString &word);
// The words of a launch command line without the given flags (and their values), up to the script; the
// script and its arguments are kept as they are.
QStringList withoutFlags(const QStringList &words, const QStringList &dests);
// A flag's help text (translated): Trainyard's own words for launch-only flags, the config schema's for flags
// that set a config key.
QString launchFlagHelp(const LaunchFlagSpec &spec);
// `trainyard launch --help`: every flag with its help, grouped as accelerate launch groups them.
QString launchHelpText();

struct LaunchArgs {
    QMap<QString, Value> values; // every accelerate dest, defaults filled in
    QSet<QString> typed;         // dests the user gave on the command line (accelerate's args.nondefault)
    QString script;
    QStringList scriptArgs;

    // Trainyard's own flags
    bool help = false; // -h/--help before the script: print launchHelpText()
    bool dryRun = false;
    bool json = false;
    QString python;          // --python PATH; empty means python3 from PATH
    double graceSeconds = 5; // --grace: SIGTERM, then SIGKILL after this long
    int watchdogSeconds = 0; // --watchdog: report a rank silent this long
    bool watchdogKill = false;
    QString showRanks =
        QStringLiteral("all"); // --show-ranks main|all|none: whose output reaches the terminal
    QString db;                // --db PATH: the run database (runs are kept beside it)
    QString runName;           // --name
    QString hostfile;          // --hostfile FILE: machines to start over SSH
    QString hosts;             // --hosts H1,H2[:SLOTS],...
    QString ssh;               // --ssh "COMMAND": how every connection is made (default ssh)
    bool checkHosts = false;   // --check: check the machines, start nothing
    bool slurm = false;        // --slurm: submit as a Slurm job
    QString slurmPartition, slurmTime, slurmAccount; // --partition, --time, --account
    QStringList slurmArgs;                           // --slurm-arg ARG...: more #SBATCH lines
    bool detach = false;                             // --detach: submit and return
    QString slurmJob;  // --slurm-job RUN: inside the job, run RUN's ranks on the allocation's nodes
    QString queuedRun; // --queued-run RUN: the queue runner starts RUN, recorded by `trainyard queue add`
    QString rerunOf;   // --rerun-of RUN: `trainyard runs rerun RUN` runs RUN's command again (a tag)
    bool noCapture =
        false; // --no-capture: no metrics from the ranks' start-up hook (accelerate, Trainer, ...)
    QString tensorboardDir; // --tensorboard-dir DIR: event files to follow (default: the working directory)

    Value get(const QString &dest) const { return values.value(dest); }
    void set(const QString &dest, const Value &v) { values.insert(dest, v); }
    bool isSet(const QString &dest) const { return !values.value(dest).isNull(); }
    bool flag(const QString &dest) const { return values.value(dest).truthy(); }
};

// Parses the words after `launch`. Stops at the first positional word (the script); the rest are its
// arguments, as accelerate's REMAINDER does. Returns false with error set on a malformed flag.
bool parseLaunchArgs(const QStringList &words, LaunchArgs *out, QString *error);

} // namespace trainyard
