// `trainyard agent`: the node agent a multi-machine launch starts on each machine over SSH (not for people:
// it speaks frames on stdin and stdout, engine/remote/agentprotocol.h). SIGTERM or SIGHUP act like the end
// of its input: every rank is stopped, then it exits.
#include "commands.h"
#include "launchsession.h"
#include "remote/nodeagent.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {
struct AgentCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::AgentCliText)
};

int g_agentSignals[2] = {-1, -1};

void onAgentSignal(int sig) {
    const char c = char(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_agentSignals[1], &c, 1);
}
} // namespace

int agentCommand(const QStringList &args, Io &io) {
    if (!args.isEmpty()) {
        io.err << AgentCliText::tr("trainyard agent: takes no arguments (a launch with --hostfile or --hosts "
                                   "starts it and speaks to it on stdin and stdout)")
               << '\n';
        return 2;
    }
    if (isatty(STDIN_FILENO) && isatty(STDERR_FILENO)) // a person, most likely: say what this is
        io.err << AgentCliText::tr("trainyard agent: the node agent of multi-machine launches, waiting for a "
                                   "launcher on stdin (`trainyard launch --hostfile FILE ...` starts it)")
               << '\n';
    io.err.flush();
    ::signal(SIGPIPE, SIG_IGN); // a launcher that went away is seen as a failed write
    if (::pipe2(g_agentSignals, O_CLOEXEC | O_NONBLOCK) != 0)
        return 1;
    struct sigaction sa {};
    sa.sa_handler = onAgentSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    // The ranks' PYTHONPATH gets the start-up hook (stack dumps, capture) and the tracker, as on the
    // launcher's machine.
    NodeAgent agent(STDIN_FILENO, STDOUT_FILENO, QStringLiteral(TRAINYARD_VERSION),
                    LaunchSession::pythonBootDir() + u':' + LaunchSession::pythonTrackerDir());
    QSocketNotifier notifier(g_agentSignals[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &agent, [&agent] {
        char c = 0;
        while (::read(g_agentSignals[0], &c, 1) == 1) {
        }
        agent.shutdown();
    });
    int rc = 0;
    QObject::connect(&agent, &NodeAgent::done, &agent, [&rc](int code) {
        rc = code;
        QCoreApplication::exit(code);
    });
    agent.start();
    QCoreApplication::exec();
    return rc;
}

} // namespace trainyard::cli
