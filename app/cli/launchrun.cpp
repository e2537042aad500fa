// `trainyard launch` without --dry-run: runs the plan's local ranks under a RunController in this process's
// event loop, echoes their output with a [rank N] prefix, turns SIGINT/SIGTERM into stop requests.
#include "commands.h"
#include "launch/runcontroller.h"
#include "launchsession.h"
#include "remote/hostcheck.h"
#include "runoutcome.h"
#include "signalevents.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMap>
#include <QProcess>
#include <QTimer>
#include <climits>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {

struct RunCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::RunCliText)
};

QString formatElapsed(qint64 ms) {
    const qint64 s = ms / 1000;
    return s >= 3600 ? u"%1:%2:%3"_s.arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QChar(u'0'))
                           .arg(s % 60, 2, 10, QChar(u'0'))
                     : u"%1:%2"_s.arg(s / 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
}

// Writes whole lines to a terminal stream, keeping a one-line status at the bottom when it is a terminal.
class Console {
public:
    Console()
        : m_tty(isatty(STDERR_FILENO) != 0) {}
    void line(FILE *to, const QByteArray &text) {
        clearStatus();
        if (m_last && m_last != to)
            fflush(m_last); // keep stdout and stderr lines in order when both go to one pipe
        m_last = to;
        fwrite(text.constData(), 1, size_t(text.size()), to);
        fputc('\n', to);
        if (m_tty)
            fflush(to);
        drawStatus();
    }
    void setStatus(const QString &s) {
        if (!m_tty)
            return;
        m_status = s.toUtf8();
        clearStatus();
        drawStatus();
    }
    void endStatus() {
        clearStatus();
        m_status.clear();
    }
    void flush() {
        fflush(stdout);
        fflush(stderr);
    }

private:
    void clearStatus() {
        if (m_tty && m_drawn) {
            fflush(stdout);
            fputs("\r\033[K", stderr);
            m_drawn = false;
        }
    }
    void drawStatus() {
        if (m_tty && !m_status.isEmpty()) {
            fflush(stdout);
            fwrite(m_status.constData(), 1, size_t(m_status.size()), stderr);
            fflush(stderr);
            m_drawn = true;
        }
    }
    bool m_tty;
    bool m_drawn = false;
    FILE *m_last = nullptr;
    QByteArray m_status;
};

} // namespace

int runPlan(const LaunchPlan &plan, const LaunchArgs &args, const QStringList &commandLine, Io &io) {
    io.out.flush();
    io.err.flush();
    LaunchSession session(plan, args, commandLine);
    QString setupError;
    if (!session.prepare(&setupError)) {
        io.err << RunCliText::tr("trainyard launch: %1").arg(setupError) << '\n';
        return 1;
    }
    RankSupervisor &controller = *session.controller();
    const QString runId = session.runId();
    const QString runDir = session.runDirectory();
    // Everything the handlers below use is declared first, then `scope`: every connection has scope as its
    // context, and scope is destroyed before anything it guards, so no handler can run (say, while the
    // session closes or is destroyed) after what it captures is gone.
    Console console;
    QString latestMetric;
    // Ranks the watchdog found silent (--watchdog), with when they last printed or logged: the status line
    // shows them until they do again.
    QMap<int, qint64> silentSince;
    QElapsedTimer wall;
    wall.start();
    const int mainRank = plan.ranksOfMachine(plan.machineRank).value(0).rank;
    // Output that is not a terminal is flushed once per burst, when the event loop has nothing else to do.
    QTimer flusher;
    flusher.setSingleShot(true);
    flusher.setInterval(0);
    QTimer status;
    status.setInterval(500);
    QEventLoop loop;
    auto note = [&](const QString &text) {
        console.line(stderr, (u"trainyard: "_s + text).toUtf8());
        console.flush();
    };
    // Signals become events: Ctrl-C or SIGTERM stops the ranks, a second one kills them.
    SignalEvents interrupts({SIGINT, SIGTERM, SIGHUP, SIGUSR1});
    if (!interrupts.ok()) {
        io.err << RunCliText::tr("trainyard launch: cannot set up signal handling") << '\n';
        return 1;
    }
    QObject scope;

    QObject::connect(&flusher, &QTimer::timeout, &scope, [&] { console.flush(); });
    QObject::connect(
        &controller, &RankSupervisor::rankLine, &scope, [&](int rank, int stream, const QByteArray &line) {
            silentSince.remove(rank);
            if (args.showRanks == u"none"_s || (args.showRanks == u"main"_s && rank != mainRank))
                return;
            console.line(stream == 2 ? stderr : stdout, "[rank " + QByteArray::number(rank) + "] " + line);
            if (!flusher.isActive())
                flusher.start();
        });
    QObject::connect(&controller, &RankSupervisor::rankExited, &scope, [&](const RankExit &e) {
        if (e.failedToStart || e.signal || e.exitCode) {
            const QString place = controller.rankPlace(e.rank);
            note(place.isEmpty()
                     ? RunCliText::tr("rank %1 stopped: %2").arg(e.rank).arg(e.describe())
                     : RunCliText::tr("rank %1 on %2 stopped: %3").arg(e.rank).arg(place, e.describe()));
        }
    });
    QObject::connect(&controller, &RankSupervisor::watchdogFired, &scope, [&](int rank, int seconds) {
        silentSince.insert(rank, wall.elapsed() - qint64(seconds) * 1000);
        // A silent Python rank's stacks say where it waits.
        const bool dumped =
            session.dumpStacks({rank}, u"watchdog: rank %1 silent for %2 s"_s.arg(rank).arg(seconds)) > 0;
        note(RunCliText::tr("watchdog: rank %1 printed and logged nothing for %2 s%3%4")
                 .arg(rank)
                 .arg(seconds)
                 .arg(dumped ? RunCliText::tr("; its Python stacks: %1").arg(session.stackFile(rank))
                             : QString())
                 .arg(args.watchdogKill ? RunCliText::tr("; stopping the run") : QString()));
    });
    QObject::connect(&controller, &RankSupervisor::restarting, &scope,
                     [&](int attempt, const QString &reason) {
                         note(RunCliText::tr("restarting all ranks (restart %1 of %2) after %3")
                                  .arg(attempt)
                                  .arg(args.get(u"max_restarts"_s).toInt())
                                  .arg(reason));
                     });
    QObject::connect(&controller, &RankSupervisor::notice, &scope, [&](const QString &text) { note(text); });
    QObject::connect(&controller, &RankSupervisor::stateChanged, &scope, [&](RunStatus s) {
        if (s == RunStatus::Stopping && controller.firstFailure().rank >= 0)
            note(RunCliText::tr("stopping every rank (SIGTERM, then SIGKILL after %1 s)")
                     .arg(args.graceSeconds));
    });
    QObject::connect(&interrupts, &SignalEvents::received, &scope, [&](int c) {
        if (c == SIGUSR1) { // `kill -USR1 LAUNCHER`: every Python rank's stacks, nothing stops
            QList<int> ranks;
            for (const RankPlan &r : plan.ranksOfMachine(plan.machineRank))
                ranks << r.rank;
            const int asked = session.dumpStacks(ranks, u"asked with SIGUSR1"_s);
            note(asked ? RunCliText::tr("Python stacks of %n rank(s) appended to %1/stacks-rank-N.txt",
                                        nullptr, asked)
                             .arg(runDir)
                       : RunCliText::tr("no rank can dump its stacks (only Python ranks can, once started)"));
            return;
        }
        const bool second = controller.state() == RunStatus::Stopping;
        note(second ? RunCliText::tr("second interrupt: killing every rank now")
                    : RunCliText::tr("interrupted (%1): stopping every rank; interrupt again to kill them")
                          .arg(c == SIGINT    ? u"SIGINT"_s
                               : c == SIGTERM ? u"SIGTERM"_s
                                              : u"SIGHUP"_s));
        controller.stop();
    });
    QObject::connect(&status, &QTimer::timeout, &scope, [&] {
        QString line = RunCliText::tr("[trainyard] %1 · ranks up %2/%3 · %4")
                           .arg(session.runName())
                           .arg(controller.runningRanks())
                           .arg(controller.totalRanks())
                           .arg(formatElapsed(controller.elapsedMs()));
        if (!latestMetric.isEmpty())
            line += u" · "_s + latestMetric;
        for (auto it = silentSince.cbegin(); it != silentSince.cend(); ++it)
            line += u" · "_s + RunCliText::tr("rank %1 silent for %2 s")
                                   .arg(it.key())
                                   .arg((wall.elapsed() - it.value()) / 1000);
        console.setStatus(line);
    });
    status.start();
    // The main rank's latest metric shows in the status line.
    QObject::connect(&session, &LaunchSession::metricStored, &scope,
                     [&](int rank, const QString &key, double value) {
                         silentSince.remove(rank);
                         if (rank == mainRank)
                             latestMetric = u"%1=%2"_s.arg(key).arg(value, 0, 'g', 4);
                     });
    // The run database failing (a full disk) is said when it happens, not after the run.
    bool storeFailing = false; // said, and not recovered since
    QObject::connect(
        &session, &LaunchSession::storeTrouble, &scope, [&](const QString &error, qint64 waiting) {
            storeFailing = true;
            note(RunCliText::tr(
                     "the run database cannot be written: %1; %n point(s) wait in memory and are written "
                     "when it can be (nothing acknowledged is lost while this launcher runs)",
                     nullptr, int(std::min<qint64>(waiting, INT_MAX)))
                     .arg(error));
        });
    QObject::connect(&session, &LaunchSession::storeRecovered, &scope, [&] {
        storeFailing = false;
        note(RunCliText::tr("the run database can be written again"));
    });
    QObject::connect(&controller, &RankSupervisor::finished, &loop, &QEventLoop::quit);
    if (session.multiMachine())
        note(RunCliText::tr("run %1: %2 rank(s) on %3 machine(s), logs in %4")
                 .arg(runId)
                 .arg(plan.ranks.size())
                 .arg(plan.hosts.size())
                 .arg(runDir));
    else
        note(RunCliText::tr("run %1: %2 rank(s) on this machine, logs in %3")
                 .arg(runId)
                 .arg(plan.ranksOfMachine(plan.machineRank).size())
                 .arg(runDir));
    session.start();
    loop.exec();
    status.stop();
    console.endStatus();

    // What the run did, read before the session closes: closing ends the controller. Closing commits the
    // final record and any point still held, waiting while another process holds the database's write lock,
    // so the summary below is only printed once the database says the same.
    const RankExit failure = controller.firstFailure();
    const QString failurePlace = failure.rank >= 0 ? controller.rankPlace(failure.rank) : QString();
    const QString failureMessage = controller.failureMessage();
    const QStringList failureTail = failure.rank >= 0 ? controller.stderrTail(failure.rank) : QStringList();
    const RunStatus finalState = controller.state();
    const qint64 elapsedMs = controller.elapsedMs();
    const int exitCode = controller.exitCode();
    const QString recordError = controller.recordError(); // run.json in the run folder
    QString storeError;
    // How long the end waits for a database that refuses (a full disk, a lock held elsewhere): two minutes,
    // or TRAINYARD_RECORD_TIMEOUT seconds.
    bool timeoutSet = false;
    const int recordTimeoutS = qEnvironmentVariableIntValue("TRAINYARD_RECORD_TIMEOUT", &timeoutSet);
    const int recordTimeoutMs = timeoutSet && recordTimeoutS >= 0 ? recordTimeoutS * 1000 : 120000;
    if (storeFailing) // the wait below is bounded, and said
        note(RunCliText::tr(
                 "the ranks have ended; trying for up to %1 s to store the run's last points and its "
                 "end (TRAINYARD_RECORD_TIMEOUT)")
                 .arg(recordTimeoutMs / 1000));
    const bool stored = session.close(recordTimeoutMs, &storeError);
    const IngestStats stats = session.ingestStats();
    // A record that could not be stored is said first: the outcome below is the ranks', not the record's.
    if (!stored)
        note(RunCliText::tr("could not record the run in %1: %2").arg(session.databasePath(), storeError));
    if (!recordError.isEmpty())
        note(RunCliText::tr("could not record the run: %1").arg(recordError));
    if (finalState == RunStatus::Failed && failure.rank >= 0) {
        note(failurePlace.isEmpty()
                 ? RunCliText::tr("run failed: rank %1, %2").arg(failure.rank).arg(failure.describe())
                 : RunCliText::tr("run failed: rank %1 on %2, %3")
                       .arg(failure.rank)
                       .arg(failurePlace, failure.describe()));
        if (!failureTail.isEmpty()) {
            note(RunCliText::tr("last lines of rank %1's stderr:").arg(failure.rank));
            for (const QString &l : failureTail)
                console.line(stderr, QByteArray("    ") + l.toUtf8());
        }
    } else if (finalState == RunStatus::Failed && !failureMessage.isEmpty()) {
        note(RunCliText::tr("run failed: %1").arg(failureMessage));
    } else if (finalState == RunStatus::Cancelled) {
        note(RunCliText::tr("run cancelled"));
    } else {
        note(RunCliText::tr("run finished in %1").arg(formatElapsed(elapsedMs)));
    }
    // A record that lacks points is said with the outcome, never left to look complete.
    if (!stored && session.outcomeKept()) {
        note(RunCliText::tr("%n point(s) could not be stored; the run's outcome is kept in %1", nullptr,
                            int(std::min<qint64>(stats.unstoredPoints, INT_MAX)))
                 .arg(RunOutcomeFile::pathIn(runDir)));
    } else if (!stored) {
        note(RunCliText::tr("%n point(s) could not be stored", nullptr,
                            int(std::min<qint64>(stats.unstoredPoints, INT_MAX))));
    } else if (StoreReader reader; reader.open(session.databasePath(), nullptr)) {
        if (const auto row = reader.run(session.databaseRunId()); row && !row->incomplete().isEmpty())
            note(RunCliText::tr("the run's record is incomplete: %1").arg(row->incomplete()));
    }
    for (auto it = stats.rejected.cbegin(); it != stats.rejected.cend(); ++it)
        note(RunCliText::tr("the metrics server refused %n connection(s): %1", nullptr, int(it.value()))
                 .arg(it.key()));
    if (stats.storeRetries > 0)
        note(RunCliText::tr("the run database was busy %n time(s) (%1); nothing acknowledged was lost",
                            nullptr, int(stats.storeRetries))
                 .arg(stats.lastStoreError));
    console.flush();
    return stored || exitCode != 0 ? exitCode : 1;
}

int checkHosts(const LaunchPlan &plan, const LaunchArgs &args, Io &io) {
    const QStringList ssh = QProcess::splitCommand(args.ssh.isEmpty() ? u"ssh"_s : args.ssh);
    if (ssh.isEmpty()) {
        io.err << RunCliText::tr("trainyard launch: --ssh: no command given") << '\n';
        return 2;
    }
    HostChecker checker(plan, ssh, {});
    QEventLoop loop;
    bool allOk = false;
    QObject::connect(&checker, &HostChecker::checked, &loop, [&io](const HostCheck &c) {
        if (c.ok)
            io.out << RunCliText::tr("%1: ready (hostname %2, address %3, trainyard %4, %5 ms)")
                          .arg(c.host, c.hostname, c.address.isEmpty() ? u"-"_s : c.address, c.version)
                          .arg(c.elapsedMs)
                   << '\n';
        else
            io.out << RunCliText::tr("not ready: %1").arg(c.problem) << '\n';
        io.out.flush();
    });
    QObject::connect(&checker, &HostChecker::finished, &loop, [&](bool ok) {
        allOk = ok;
        loop.quit();
    });
    checker.start(QDir::currentPath());
    loop.exec();
    return allOk ? 0 : 1;
}

} // namespace trainyard::cli
