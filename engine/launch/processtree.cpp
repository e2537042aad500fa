#include "processtree.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace trainyard {

namespace {

std::atomic<int> g_nextTag{1};
bool g_guardStarted = false;

// Reads at most `limit` bytes of a /proc file.
std::string readProc(const char *path, size_t limit) {
    std::string out;
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return out;
    char buf[8192];
    while (out.size() < limit) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        out.append(buf, size_t(n));
    }
    ::close(fd);
    return out;
}

bool isZombie(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", int(pid));
    const std::string stat = readProc(path, 4096);
    const size_t close = stat.rfind(')');
    return stat.empty() || close == std::string::npos || close + 2 >= stat.size() || stat[close + 2] == 'Z' ||
           stat[close + 2] == 'X';
}

} // namespace

std::string newSupervisorTag() {
    return std::to_string(::getpid()) + "-" + std::to_string(g_nextTag++);
}

std::vector<pid_t> taggedProcesses(const std::string &tag, bool prefix) {
    std::vector<pid_t> out;
    const std::string needle = std::string(SupervisorVariable) + "=" + tag;
    const pid_t self = ::getpid();
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return out;
    while (dirent *e = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = strtol(e->d_name, &end, 10);
        if (pid <= 0 || *end != '\0' || pid_t(pid) == self)
            continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%ld/environ", pid);
        const std::string env = readProc(path, 1 << 20);
        for (size_t at = 0; at < env.size();) {
            const size_t nul = env.find('\0', at);
            const size_t len = (nul == std::string::npos ? env.size() : nul) - at;
            const bool match = prefix ? len >= needle.size() && env.compare(at, needle.size(), needle) == 0
                                      : len == needle.size() && env.compare(at, len, needle) == 0;
            if (match) {
                if (!isZombie(pid_t(pid)))
                    out.push_back(pid_t(pid));
                break;
            }
            at += len + 1;
        }
    }
    ::closedir(proc);
    return out;
}

int killTagged(const std::string &tag, int sig, bool prefix) {
    int n = 0;
    for (const pid_t pid : taggedProcesses(tag, prefix))
        n += ::kill(pid, sig) == 0 ? 1 : 0;
    return n;
}

void becomeSubreaper() {
    ::prctl(PR_SET_CHILD_SUBREAPER, 1L, 0L, 0L, 0L);
}

std::vector<pid_t> adoptedStrays() {
    struct Proc {
        pid_t pid;
        pid_t ppid;
        pid_t session;
        bool zombie;
    };
    // Only a subreaper adopts: a process that is not one (a test driving a run controller in-process) may
    // have children of other sessions that are no run's.
    int subreaper = 0;
    if (::prctl(PR_GET_CHILD_SUBREAPER, &subreaper, 0L, 0L, 0L) != 0 || !subreaper)
        return {};
    std::vector<Proc> all;
    const pid_t self = ::getpid();
    const pid_t ownSession = ::getsid(0);
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return {};
    while (dirent *e = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = strtol(e->d_name, &end, 10);
        if (pid <= 0 || *end != '\0' || pid_t(pid) == self)
            continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        const std::string stat = readProc(path, 4096);
        const size_t close = stat.rfind(')');
        if (close == std::string::npos || close + 2 >= stat.size())
            continue;
        // after "(comm) ": state ppid pgrp session ...
        char state = 0;
        long ppid = 0, pgrp = 0, session = 0;
        if (sscanf(stat.c_str() + close + 2, "%c %ld %ld %ld", &state, &ppid, &pgrp, &session) != 4)
            continue;
        all.push_back(Proc{pid_t(pid), pid_t(ppid), pid_t(session), state == 'Z' || state == 'X'});
    }
    ::closedir(proc);
    std::vector<pid_t> sessions;
    for (const Proc &p : all) {
        if (p.ppid != self || p.session == ownSession)
            continue;
        if (p.zombie) {
            int status = 0;
            ::waitpid(p.pid, &status, WNOHANG);
        } else if (std::find(sessions.begin(), sessions.end(), p.session) == sessions.end()) {
            sessions.push_back(p.session);
        }
    }
    std::vector<pid_t> out;
    for (const Proc &p : all)
        if (!p.zombie && std::find(sessions.begin(), sessions.end(), p.session) != sessions.end())
            out.push_back(p.pid);
    return out;
}

void startOrphanGuard() {
    if (g_guardStarted)
        return;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return;
    const pid_t launcher = ::getpid();
    const pid_t guard = ::fork();
    if (guard < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    if (guard > 0) {
        ::close(fds[0]); // the write end stays open, unseen by ranks (close-on-exec), until this process ends
        g_guardStarted = true;
        return;
    }
    // The guard. Out of the terminal's foreground group, deaf to the terminal's signals (Ctrl-C is the
    // launcher's to handle), holding no descriptor of the launcher's but the pipe.
    ::setpgid(0, 0);
    for (int sig : {SIGINT, SIGQUIT, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE})
        ::signal(sig, SIG_IGN);
    const int null = ::open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3; ++fd)
        ::dup2(null, fd);
    for (int fd = 3; fd < 1024; ++fd)
        if (fd != fds[0])
            ::close(fd);
    ::prctl(PR_SET_NAME, "trainyard-guard");
    char c;
    while (::read(fds[0], &c, 1) != 0) { // EOF: the launcher ended, by exit or by any signal
        if (errno != EINTR && errno != EAGAIN)
            break;
    }
    const std::string prefix = std::to_string(launcher) + "-";
    for (int pass = 0; pass < 200; ++pass) { // what is killed may have been forking: look again
        if (killTagged(prefix, SIGKILL, true) == 0)
            break;
        ::usleep(10000);
    }
    ::_exit(0);
}

} // namespace trainyard
