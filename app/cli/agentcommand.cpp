// `trainyard agent`: the node agent a multi-machine launch starts on each machine over SSH (not for people:
// it speaks frames on stdin and stdout, engine/remote/agentprotocol.h). SIGTERM or SIGHUP act like the end
// of its input: every rank is stopped, then it exits.
#include "commands.h"
#include "launchsession.h"
#include "remote/nodeagent.h"
#include "signalevents.h"

#include <QCoreApplication>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {
struct AgentCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::AgentCliText)
};

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
    SignalEvents signalled({SIGTERM, SIGHUP, SIGINT});
    if (!signalled.ok())
        return 1;
    // The ranks' PYTHONPATH gets the start-up hook (stack dumps, capture) and the tracker, as on the
    // launcher's machine.
    NodeAgent agent(STDIN_FILENO, STDOUT_FILENO, QStringLiteral(TRAINYARD_VERSION),
                    LaunchSession::pythonBootDir() + u':' + LaunchSession::pythonTrackerDir());
    QObject::connect(&signalled, &SignalEvents::received, &agent, [&agent](int) { agent.shutdown(); });
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
