// Checks the machines of a multi-machine plan without starting anything: each one is reached through the SSH
// command in parallel and its node agent answers what a launch needs (the working directory, the ranks'
// program, a compatible trainyard). `trainyard launch --check` and the studio's "Check hosts" use it; a
// launch makes the same check itself before any rank starts.
#pragma once

#include "launch/launchplan.h"

#include <QObject>
#include <memory>
#include <vector>

namespace trainyard {

class RemoteMachine;

struct HostCheck {
    int machineRank = 0;
    QString host;
    bool ok = false;
    QString hostname, address, version; // when ok
    QString problem;                    // when not: names the host and the cause
    qint64 elapsedMs = 0;
};

class HostChecker : public QObject {
    Q_OBJECT
public:
    HostChecker(const LaunchPlan &plan, QStringList ssh, QString remoteProgram, QObject *parent = nullptr);
    ~HostChecker() override;
    void start(const QString &workingDirectory, int timeoutMs = 30000);
    const QList<HostCheck> &results() const { return m_results; }

Q_SIGNALS:
    void checked(const trainyard::HostCheck &result);
    void finished(bool allOk);

private:
    void answered(RemoteMachine *m, bool ok, const QString &problem);
    LaunchPlan m_plan;
    QStringList m_ssh;
    QString m_program;
    std::vector<std::unique_ptr<RemoteMachine>> m_machines;
    QList<HostCheck> m_results;
    int m_answered = 0;
};

} // namespace trainyard
