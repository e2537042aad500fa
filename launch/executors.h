// Where a run's ranks run: one Executor per backend, chosen from the plan and the flags by the one
// registration list in executors.cpp. LaunchSession asks it for the RankSupervisor that runs the ranks;
// everything else (the run's folder, record and database row, the ingest server, fail-fast, Ctrl-C, the
// status line) is the same for every backend. A new backend (another transport for the node agent, a cluster
// scheduler's step launcher) is an Executor in a folder of its own plus a line in executors().
#pragma once

#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "launch/runcontroller.h"
#include "launch/supervisor.h"

#include <QList>
#include <QString>
#include <memory>

namespace trainyard {

struct ExecutorContext {
    RunOptions options;     // grace, restarts, watchdog, the run's folder
    quint16 ingestPort = 0; // the launcher's ingest server (remote ranks reach it through their agent)
};

class Executor {
public:
    virtual ~Executor() = default;
    // For messages and docs: "local", "ssh", "slurm".
    virtual QString name() const = 0;
    // Whether this backend runs the given launch (the first executor in executors() that takes it does).
    virtual bool takes(const LaunchPlan &plan, const LaunchArgs &args) const = 0;
    // True when the ranks run on other machines, each machine's node agent giving them their metrics relay,
    // tracker and start-up hook (the launcher sets those only for local ranks).
    virtual bool remote() const = 0;
    // What runs the ranks of `runnable` (the plan with the run's variables in every rank's environment); null
    // and error when the backend cannot start it.
    virtual std::unique_ptr<RankSupervisor> supervisor(const LaunchPlan &runnable, const LaunchArgs &args,
                                                       const ExecutorContext &context,
                                                       QString *error) const = 0;
};

// Every backend, in the order they are asked.
const QList<const Executor *> &executors();
// The executor of a launch (never null: this machine takes whatever no other backend takes).
const Executor &executorFor(const LaunchPlan &plan, const LaunchArgs &args);

} // namespace trainyard
