#include "remote/hostcheck.h"

#include "remote/remotemachine.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace trainyard {

HostChecker::HostChecker(const LaunchPlan &plan, QStringList ssh, QString remoteProgram, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_ssh(std::move(ssh))
    , m_program(remoteProgram.isEmpty() ? QCoreApplication::applicationFilePath()
                                        : std::move(remoteProgram)) {}

HostChecker::~HostChecker() = default;

void HostChecker::start(const QString &workingDirectory, int timeoutMs) {
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    for (int i = 0; i < int(m_plan.hosts.size()); ++i) {
        HostCheck c;
        c.machineRank = i;
        c.host = m_plan.hosts[i].host;
        m_results << c;
        auto m = std::make_unique<RemoteMachine>(i, m_plan.hosts[i], m_ssh, m_program);
        RemoteMachine *rm = m.get();
        connect(rm, &RemoteMachine::ready, this, [this, rm, clock] {
            m_results[rm->machineRank()].elapsedMs = clock->elapsed();
            answered(rm, true, {});
        });
        connect(rm, &RemoteMachine::failed, this, [this, rm, clock](const QString &why) {
            m_results[rm->machineRank()].elapsedMs = clock->elapsed();
            answered(rm, false, why);
        });
        m_machines.push_back(std::move(m));
    }
    const QString program = m_plan.ranks.value(0).argv.value(0);
    for (auto &m : m_machines)
        m->connectHost(workingDirectory, program, timeoutMs);
}

void HostChecker::answered(RemoteMachine *m, bool ok, const QString &problem) {
    HostCheck &c = m_results[m->machineRank()];
    c.ok = ok;
    c.problem = problem;
    c.hostname = m->hello().hostname;
    c.address = m->hello().address;
    c.version = m->hello().version;
    m->closeInput(); // the agent exits on EOF
    Q_EMIT checked(c);
    if (++m_answered == int(m_machines.size()))
        Q_EMIT finished(
            std::all_of(m_results.cbegin(), m_results.cend(), [](const HostCheck &r) { return r.ok; }));
}

} // namespace trainyard
