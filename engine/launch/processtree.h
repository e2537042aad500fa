// Every process a run starts, in whatever process group or session, carries its supervisor's tag in its
// environment (TRAINYARD_SUPERVISOR=PID-N, inherited down the tree). What is tagged is swept when the run
// ends, and by the orphan guard when the launcher itself dies, even by SIGKILL. Plain POSIX: the guard runs
// it in a forked child before Qt exists.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace trainyard {

constexpr const char *SupervisorVariable = "TRAINYARD_SUPERVISOR";

// "PID-N": a tag unique to one run controller of this process.
std::string newSupervisorTag();

// Live (not zombie) processes other than this one whose environment holds TRAINYARD_SUPERVISOR=VALUE, where
// VALUE equals `tag`, or starts with it when prefix is true.
std::vector<pid_t> taggedProcesses(const std::string &tag, bool prefix = false);

// Signals every tagged process; returns how many were signalled.
int killTagged(const std::string &tag, int sig, bool prefix = false);

// Makes this process the child subreaper of everything it starts (prctl PR_SET_CHILD_SUBREAPER): a descendant
// whose parent ends is handed to this process instead of to init, so a rank's grandchild that left the rank's
// session and replaced its environment (no tag to find it by) can still be found (adoptedStrays).
void becomeSubreaper();

// Empty unless this process is a subreaper. Descendants this process adopted that live in a session other
// than its own (a daemon, a child started with start_new_session=True whose parent ended), and every live
// process of those sessions. The adopted children that already ended are reaped (they are this process's
// zombies, and no QProcess owns them: a rank, like every child a QProcess starts here, stays in this
// process's session).
std::vector<pid_t> adoptedStrays();

// Forks the orphan guard: a small process that waits for this process to end, however it ends, and then kills
// every process tagged by any of this process's run controllers. Call at the top of main(), before any thread
// starts. Does nothing when called twice.
void startOrphanGuard();

} // namespace trainyard
