// The launch plan: from accelerate's launch flags and a config, every rank of every machine with its argv and
// the environment Trainyard sets for it, the way `accelerate launch` and torchrun would, plus Trainyard's
// deliberate fixes (each with a warning). Nothing is started here; the launch engine runs the plan.
#pragma once

#include "config/diagnostic.h"
#include "launch/launchargs.h"
#include "remote/hostfile.h"
#include "system/hardware.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace trainyard {

struct RankPlan {
    int machineRank = 0;
    int rank = 0;
    int localRank = 0;
    QStringList argv;
    QMap<QString, QString> env; // every variable Trainyard sets or overrides for this process
};

struct LaunchPlan {
    QString launcher;     // "simple", "multi_gpu" (torchrun path), "deepspeed"
    QString configFile;   // the config used, empty when none
    int numProcesses = 1; // world size
    int numMachines = 1;
    int machineRank = 0; // this machine
    int port = 0;        // MASTER_PORT, 0 when the plan needs none
    QString masterAddr;
    Diagnostics warnings; // the config's warnings and the plan's own (file "trainyard launch")
    Diagnostics
        notes; // what is worth knowing where nothing is wrong (a MULTI_CPU launch started without MPI)
    Diagnostics errors; // when not empty, nothing may be launched
    QList<RankPlan> ranks;
    // The launch arguments in effect after accelerate's precedence: typed flags, then the file, then
    // defaults.
    QMap<QString, Value> settings;
    // --hostfile / --hosts: the machines, line i machine rank i; every one is started from here over SSH.
    QList<HostEntry> hosts;
    // main_process_ip was not given: MASTER_ADDR becomes machine 0's address as the launcher reaches it
    // (masterAddr holds its host name until then).
    bool masterFromHosts = false;

    bool ok() const { return errors.isEmpty(); }
    QList<RankPlan> ranksOfMachine(int machine) const;
    // {"warnings": [...], "notes": [...], "ranks": [{"machine_rank", "rank", "local_rank", "argv", "env"}],
    // ...}
    QByteArray toJson() const;
    // A POSIX shell script that starts this machine's ranks as the plan says.
    // The ranks of a machine as a shell script; with a working directory, it first goes there (the launch's
    // relative paths are read from it).
    QString toShellScript(int machine, const QString &workingDirectory = {}) const;
};

struct PlanOptions {
    // Environment the plan is computed against (OMP_NUM_THREADS, PYTHONPATH, ...); defaults to this
    // process's.
    QMap<QString, QString> environment;
    bool environmentGiven = false;
};

LaunchPlan planLaunch(const LaunchArgs &args, const HardwareInfo &hw, const PlanOptions &options = {});

// A word sh and bash read back byte for byte (quoted only when it needs to be).
QString shellQuote(const QString &s);

// Binds 127.0.0.1 and the wildcard address to port; false when something else holds it.
bool isPortFree(int port);
// A port the OS says is free now.
int pickFreePort();

} // namespace trainyard
