#include "executors.h"

#include "remote/clustercontroller.h"
#include "slurm/slurm.h"

#include <QCoreApplication>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

struct ExecutorText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::ExecutorText)
};

// This machine: RunController starts the ranks as child processes.
class LocalExecutor final : public Executor {
public:
    QString name() const override { return u"local"_s; }
    bool takes(const LaunchPlan &, const LaunchArgs &) const override { return true; }
    bool remote() const override { return false; }
    std::unique_ptr<RankSupervisor> supervisor(const LaunchPlan &runnable, const LaunchArgs &,
                                               const ExecutorContext &context, QString *) const override {
        return std::make_unique<RunController>(runnable, context.options);
    }
};

// Machines reached over SSH (--hostfile / --hosts): a node agent on each, through the --ssh command.
class SshExecutor final : public Executor {
public:
    QString name() const override { return u"ssh"_s; }
    bool takes(const LaunchPlan &plan, const LaunchArgs &args) const override {
        return !plan.hosts.isEmpty() && args.slurmJob.isEmpty();
    }
    bool remote() const override { return true; }
    std::unique_ptr<RankSupervisor> supervisor(const LaunchPlan &runnable, const LaunchArgs &args,
                                               const ExecutorContext &context,
                                               QString *error) const override {
        ClusterOptions cluster;
        cluster.ssh = QProcess::splitCommand(args.ssh.isEmpty() ? u"ssh"_s : args.ssh);
        if (cluster.ssh.isEmpty()) {
            if (error)
                *error = ExecutorText::tr("--ssh: no command given");
            return nullptr;
        }
        cluster.ingestPort = context.ingestPort;
        return std::make_unique<ClusterController>(runnable, context.options, cluster);
    }
};

// Inside a Slurm job (--slurm-job RUN, written by the batch script of `launch --slurm`): a node agent on each
// of the job's nodes, started by srun.
class SlurmJobExecutor final : public Executor {
public:
    QString name() const override { return u"slurm"_s; }
    bool takes(const LaunchPlan &plan, const LaunchArgs &args) const override {
        return !plan.hosts.isEmpty() && !args.slurmJob.isEmpty();
    }
    bool remote() const override { return true; }
    std::unique_ptr<RankSupervisor> supervisor(const LaunchPlan &runnable, const LaunchArgs &,
                                               const ExecutorContext &context, QString *) const override {
        ClusterOptions cluster;
        cluster.transport = Transport::Srun;
        cluster.ssh = slurm::srunTransport();
        cluster.ingestPort = context.ingestPort;
        return std::make_unique<ClusterController>(runnable, context.options, cluster);
    }
};

} // namespace

const QList<const Executor *> &executors() {
    static const SlurmJobExecutor slurmJob;
    static const SshExecutor ssh;
    static const LocalExecutor local;
    // Asked in this order; the last takes everything.
    static const QList<const Executor *> all{&slurmJob, &ssh, &local};
    return all;
}

const Executor &executorFor(const LaunchPlan &plan, const LaunchArgs &args) {
    for (const Executor *e : executors())
        if (e->takes(plan, args))
            return *e;
    return *executors().constLast();
}

} // namespace trainyard
