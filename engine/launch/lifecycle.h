// The run lifecycle every backend shares: created -> running -> (stopping ->) finished | failed | cancelled,
// with restarts of the whole group after a failure. RunLifecycle keeps the state, the record and the first
// failure, gives stop() its Ctrl-C semantics and decides what follows an attempt; a backend (RunController
// for this machine, ClusterController for node agents) only says how to stop, kill and restart its ranks.
#pragma once

#include "launch/supervisor.h"

namespace trainyard {

class RunLifecycle : public RankSupervisor {
    Q_OBJECT
public:
    explicit RunLifecycle(const RunOptions &options, QObject *parent = nullptr);

    RunStatus state() const final { return m_state; }
    int exitCode() const final { return exitCodeFor(m_state); }
    RankExit firstFailure() const final { return m_firstFailure; }
    int attempt() const { return m_attempt; }
    const RunRecord &record() const { return m_record; }
    // Before the start, the run is cancelled; while it runs, every rank is asked to stop (beginStopping():
    // SIGTERM, SIGKILL after the grace period); while it stops, every rank is killed at once.
    void stop() final;

protected:
    virtual void cancelBeforeStart() = 0;
    virtual void beginStopping() = 0;
    virtual void killNow() = 0;
    // Writes the record as it is now.
    virtual void persistRecord() = 0;
    virtual void addEvent(const QString &kind, int rank, const QString &message) = 0;
    // What follows an attempt whose ranks are all gone: Cancelled when a stop was asked; Running when it
    // failed, may restart (mayRestart, and fewer restarts than RunOptions::maxRestarts so far) — the restart
    // is then counted, recorded as an event with `reason` and announced (restarting()); else Failed or
    // Finished. The caller enters the state, or starts the next attempt.
    RunStatus afterAttempt(bool failed, bool mayRestart, const QString &reason);
    // Enters s: the record's times and status, written at once, and stateChanged().
    void setState(RunStatus s);

    RunOptions m_options;
    RunRecord m_record;
    RunRecorder *m_recorder = nullptr;
    RunStatus m_state = RunStatus::Created;
    int m_attempt = 0;
    bool m_cancelRequested = false;
    RankExit m_firstFailure;
};

} // namespace trainyard
