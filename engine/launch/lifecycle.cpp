#include "lifecycle.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct LifecycleText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::LifecycleText)
};
} // namespace

RunLifecycle::RunLifecycle(const RunOptions &options, QObject *parent)
    : RankSupervisor(parent)
    , m_options(options)
    , m_attempt(options.firstAttempt) {}

void RunLifecycle::stop() {
    switch (m_state) {
    case RunStatus::Created:
        m_cancelRequested = true;
        cancelBeforeStart();
        return;
    case RunStatus::Running:
        m_cancelRequested = true;
        beginStopping();
        return;
    case RunStatus::Stopping:
        m_cancelRequested = true;
        killNow();
        return;
    default:
        return;
    }
}

RunStatus RunLifecycle::afterAttempt(bool failed, bool mayRestart, const QString &reason) {
    if (m_cancelRequested)
        return RunStatus::Cancelled;
    if (failed && mayRestart && m_attempt < m_options.maxRestarts) {
        ++m_attempt;
        m_firstFailure = RankExit{};
        addEvent(u"restart"_s, -1, LifecycleText::tr("restart %1 after %2").arg(m_attempt).arg(reason));
        Q_EMIT restarting(m_attempt, reason);
        return RunStatus::Running;
    }
    return failed ? RunStatus::Failed : RunStatus::Finished;
}

void RunLifecycle::setState(RunStatus s) {
    if (s == m_state)
        return;
    m_state = s;
    recordState(m_record, s);
    persistRecord();
    Q_EMIT stateChanged(s);
}

} // namespace trainyard
