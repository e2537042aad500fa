// The `trainyard` command line: one function per command, each returning the process exit code.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace trainyard {
struct LaunchPlan;
struct LaunchArgs;
} // namespace trainyard

namespace trainyard::cli {

struct Io {
    QTextStream &in;
    QTextStream &out;
    QTextStream &err;
    bool interactive; // stdin is a terminal
};

int run(const QStringList &args, Io &io);

// Help texts (help.cpp): the program's, and a command's or subcommand's.
QString topLevelHelp();
QString commandHelp(const QString &command, const QString &sub = {});

int configCommand(const QStringList &args, Io &io);
int launchCommand(const QStringList &args, Io &io);
int envCommand(const QStringList &args, Io &io);
int runsCommand(const QStringList &args, Io &io);
int queueCommand(const QStringList &args, Io &io);
int sweepCommand(const QStringList &args, Io &io);
int estimateMemoryCommand(const QStringList &args, Io &io);
int dbCommand(const QStringList &args, Io &io);
// --check: reaches every machine of a --hostfile/--hosts plan and reports, starting nothing.
int checkHosts(const LaunchPlan &plan, const LaunchArgs &args, Io &io);
// --slurm: submit (and follow) a Slurm job; --slurm-job RUN: inside that job, run RUN on its nodes.
int submitSlurm(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &words, Io &io);
int launchFromSlurmJob(LaunchArgs args, const QStringList &words, Io &io);
// Bytes as they are on a stream's device (a stream without one gets them decoded).
void writeBytesTo(QTextStream &to, const QByteArray &bytes);
// The node agent of multi-machine launches (hidden: started by the launcher over SSH).
int agentCommand(const QStringList &args, Io &io);
// Runs this machine's ranks of a plan and supervises them until they end; returns the launcher's exit code.
int runPlan(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &commandLine, Io &io);

} // namespace trainyard::cli
