// `trainyard queue add|list|rm|move|pause|resume|run`: prints and parses only; the queue is launch/queue.h.
#include "commands.h"
#include "launch/launchplan.h"
#include "launch/runrecord.h"
#include "queue.h"
#include "signalevents.h"
#include "system/hardware.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {

struct QueueCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::QueueCliText)
};

constexpr int ExitOk = 0, ExitFailed = 1, ExitUsage = 2;

QString ids(const QList<int> &list) {
    QStringList out;
    for (int id : list)
        out << QString::number(id);
    return out.join(u',');
}

bool positiveInt(const QString &text, int *out, int min = 1) {
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < min)
        return false;
    *out = n;
    return true;
}

// `queue add [--gpus N] [--cpu-slots N] [launch flags] SCRIPT [ARGS...]`: the queue's own flags are taken out
// of the words before the script; the rest is `trainyard launch`'s, checked as a launch would check them.
int add(const QStringList &args, Io &io) {
    QueueRequest req;
    QStringList words;
    bool inScript = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &w = args[i];
        if (!inScript && (w == u"--gpus"_s || w == u"--cpu-slots"_s || w.startsWith(u"--gpus="_s) ||
                          w.startsWith(u"--cpu-slots="_s))) {
            const bool inl = w.contains(u'=');
            const QString name = inl ? w.section(u'=', 0, 0) : w;
            if (!inl && i + 1 >= args.size()) {
                io.err << QueueCliText::tr("trainyard queue add: %1 needs a number").arg(name) << '\n';
                return ExitUsage;
            }
            const QString value = inl ? w.section(u'=', 1) : args[++i];
            int *target = name == u"--gpus"_s ? &req.gpus : &req.cpuSlots;
            if (!positiveInt(value, target, name == u"--gpus"_s ? 0 : 1)) {
                io.err << QueueCliText::tr("trainyard queue add: %1 takes a whole number, not '%2'")
                              .arg(name, value)
                       << '\n';
                return ExitUsage;
            }
            continue;
        }
        if (!inScript && !w.startsWith(u'-')) {
            // A flag's value is not the script: let the launch parser say where the script starts.
            LaunchArgs probe;
            if (parseLaunchArgs(words + QStringList{w}, &probe, nullptr) && !probe.script.isEmpty())
                inScript = true;
        }
        words << w;
    }
    LaunchArgs la;
    QString error;
    if (!parseLaunchArgs(words, &la, &error)) {
        io.err << QueueCliText::tr("trainyard queue add: %1").arg(error) << '\n';
        return ExitUsage;
    }
    if (la.script.isEmpty()) {
        io.err << QueueCliText::tr("trainyard queue add: give the script or program to run") << '\n'
               << commandHelp(u"queue"_s, u"add"_s);
        return ExitUsage;
    }
    const auto refuse = [&](const QString &why) {
        io.err << QueueCliText::tr("trainyard queue add: %1").arg(why) << '\n';
        return ExitUsage;
    };
    if (la.slurm)
        return refuse(QueueCliText::tr("Slurm is a queue of its own: submit with `trainyard launch --slurm "
                                       "--detach` and it runs when Slurm starts it"));
    if (la.dryRun || la.checkHosts || !la.slurmJob.isEmpty() || !la.queuedRun.isEmpty())
        return refuse(QueueCliText::tr("--dry-run, --check, --slurm-job and --queued-run are not queued"));
    if (req.gpus > 0 && la.typed.contains(u"gpu_ids"_s))
        return refuse(QueueCliText::tr("--gpu_ids: the queue chooses the GPU ids of a run that asks for "
                                       "--gpus"));
    // --gpus N means a rank per GPU unless the processes are given.
    if (req.gpus > 0 && !la.typed.contains(u"num_processes"_s)) {
        words.prepend(QString::number(req.gpus));
        words.prepend(u"--num_processes"_s);
        parseLaunchArgs(words, &la, nullptr);
    }
    const LaunchPlan plan = planLaunch(la, HardwareInfo::detect());
    for (const Diagnostic &d : plan.warnings + plan.errors)
        io.err << d.format() << '\n';
    if (!plan.ok())
        return ExitFailed;
    if (!plan.hosts.isEmpty() && req.gpus > 0)
        return refuse(QueueCliText::tr("--gpus counts this machine's GPUs; a run on --hosts machines takes "
                                       "those machines whole"));
    QueuedRun q;
    if (!enqueueRun(plan, la, words, req, &q, &error)) {
        io.err << QueueCliText::tr("trainyard queue add: %1").arg(error) << '\n';
        return ExitFailed;
    }
    io.out << q.runId << '\n';
    io.err << (req.gpus > 0 ? QueueCliText::tr("queued %1 (%2): %3 GPU(s), %4 rank(s)")
                                  .arg(q.runId, q.name)
                                  .arg(req.gpus)
                                  .arg(plan.numProcesses)
               : plan.hosts.isEmpty()
                   ? QueueCliText::tr("queued %1 (%2): %3 CPU slot(s), no GPU (add --gpus N for GPUs)")
                         .arg(q.runId, q.name)
                         .arg(req.cpuSlots)
                   : QueueCliText::tr("queued %1 (%2): on %3")
                         .arg(q.runId, q.name,
                              plan.hosts.value(0).host + (plan.hosts.size() > 1 ? u",..."_s : QString())))
           << '\n';
    return ExitOk;
}

QJsonObject entryJson(const QueueEntry &e) {
    QJsonArray gpuIds;
    for (int id : e.devices)
        gpuIds << id;
    QJsonObject o{{u"id"_s, e.uid},
                  {u"row"_s, e.runId},
                  {u"name"_s, e.name},
                  {u"state"_s, queueStateName(e.state())},
                  {u"status"_s, runStatusName(e.status)},
                  {u"gpus"_s, e.gpus},
                  {u"gpu_ids"_s, gpuIds},
                  {u"cpu_slots"_s, e.cpuSlots},
                  {u"command"_s, QJsonArray::fromStringList(redactedCommandLine(e.words))}};
    if (e.state() == QueueEntry::State::Waiting)
        o.insert(u"position"_s, e.position);
    if (!e.hosts.isEmpty())
        o.insert(u"hosts"_s, QJsonArray::fromStringList(e.hosts.split(u',')));
    if (e.startedMs)
        o.insert(u"started"_s, QDateTime::fromMSecsSinceEpoch(e.startedMs).toString(Qt::ISODate));
    return o;
}

int list(QueueStore &store, bool json, bool all, Io &io) {
    QString error;
    const QList<QueueEntry> entries = store.entries(all, &error);
    if (!error.isEmpty()) {
        io.err << QueueCliText::tr("trainyard queue: %1").arg(error) << '\n';
        return ExitFailed;
    }
    const bool paused = store.paused();
    if (json) {
        QJsonArray runs;
        for (const QueueEntry &e : entries)
            runs << entryJson(e);
        io.out << QJsonDocument(QJsonObject{{u"paused"_s, paused}, {u"runs"_s, runs}})
                      .toJson(QJsonDocument::Compact)
               << '\n';
        return ExitOk;
    }
    if (paused)
        io.out << QueueCliText::tr("the queue is paused: nothing new starts (trainyard queue resume)")
               << '\n';
    if (entries.isEmpty()) {
        io.out << QueueCliText::tr("the queue is empty") << '\n';
        return ExitOk;
    }
    io.out << u"%1  %2  %3  %4  %5  %6"_s.arg(u"#"_s, -3)
                  .arg(u"RUN"_s, -20)
                  .arg(u"NAME"_s, -24)
                  .arg(u"STATE"_s, -9)
                  .arg(u"ASKS"_s, -10)
                  .arg(u"GPU IDS"_s)
           << '\n';
    for (const QueueEntry &e : entries) {
        const QString asks = e.gpus > 0           ? QueueCliText::tr("%n GPU(s)", nullptr, e.gpus)
                             : !e.hosts.isEmpty() ? e.hosts
                                                  : QueueCliText::tr("%n slot(s)", nullptr, e.cpuSlots);
        const QString state =
            e.state() == QueueEntry::State::Done ? runStatusName(e.status) : queueStateName(e.state());
        io.out << u"%1  %2  %3  %4  %5  %6"_s
                      .arg(e.state() == QueueEntry::State::Waiting ? QString::number(e.position) : u"-"_s, -3)
                      .arg(e.uid, -20)
                      .arg(e.name.left(24), -24)
                      .arg(state, -9)
                      .arg(asks, -10)
                      .arg(e.devices.isEmpty() ? u"-"_s : ids(e.devices))
               << '\n';
    }
    return ExitOk;
}

int runQueue(const QString &db, const QStringList &args, Io &io) {
    QueueRunnerOptions options;
    options.databasePath = databasePath(db);
    options.program = QCoreApplication::applicationFilePath();
    bool untilEmpty = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &w = args[i];
        if (w == u"--until-empty"_s) {
            untilEmpty = true;
        } else if (w == u"--gpus"_s && i + 1 < args.size()) {
            options.gpusGiven = true;
            for (const QString &id : args[++i].split(u',', Qt::SkipEmptyParts)) {
                int n = 0;
                if (!positiveInt(id.trimmed(), &n, 0) || options.gpus.contains(n)) {
                    io.err << QueueCliText::tr("trainyard queue run: --gpus takes distinct GPU ids such as "
                                               "0,1,2,3, not '%1'")
                                  .arg(args[i])
                           << '\n';
                    return ExitUsage;
                }
                options.gpus << n;
            }
        } else if (w == u"--cpu-slots"_s && i + 1 < args.size()) {
            if (!positiveInt(args[++i], &options.cpuSlots)) {
                io.err << QueueCliText::tr("trainyard queue run: --cpu-slots takes a number of at least 1")
                       << '\n';
                return ExitUsage;
            }
        } else {
            io.err << QueueCliText::tr("trainyard queue run: unknown option %1").arg(w) << '\n'
                   << commandHelp(u"queue"_s, u"run"_s);
            return ExitUsage;
        }
    }
    SignalEvents interrupts({SIGINT, SIGTERM, SIGHUP});
    QueueRunner runner(options);
    QEventLoop loop;
    QObject scope;
    const auto say = [&](const QString &text) {
        io.err << u"trainyard queue: "_s << text << '\n';
        io.err.flush();
    };
    QObject::connect(&runner, &QueueRunner::runStarted, &scope,
                     [&](const QString &id, const QString &name, const QList<int> &gpus) {
                         say(gpus.isEmpty()
                                 ? QueueCliText::tr("started %1 (%2)").arg(id, name)
                                 : QueueCliText::tr("started %1 (%2) on GPU(s) %3").arg(id, name, ids(gpus)));
                     });
    QObject::connect(&runner, &QueueRunner::runEnded, &scope,
                     [&](const QString &id, const QString &name, RunStatus status) {
                         say(QueueCliText::tr("%1 (%2) %3").arg(id, name, runStatusName(status)));
                     });
    QObject::connect(&runner, &QueueRunner::notice, &scope, say);
    QObject::connect(&runner, &QueueRunner::idleChanged, &scope, [&](bool idle) {
        if (idle && untilEmpty)
            loop.quit();
    });
    QObject::connect(&interrupts, &SignalEvents::received, &scope, [&](int) {
        say(QueueCliText::tr("stopping the runner; the runs it started go on (the next `trainyard queue run` "
                             "takes them over)"));
        loop.quit();
    });
    QString error;
    if (!runner.start(&error)) {
        io.err << QueueCliText::tr("trainyard queue run: %1").arg(error) << '\n';
        return ExitFailed;
    }
    say(QueueCliText::tr("serving %1: GPU pool %2%3, %n CPU slot(s)", nullptr, options.cpuSlots)
            .arg(options.databasePath,
                 runner.pool().isEmpty() ? QueueCliText::tr("empty") : ids(runner.pool()),
                 options.gpusGiven ? QString() : QueueCliText::tr(" (the GPUs NVML sees)")));
    if (!(untilEmpty && runner.idle()))
        loop.exec();
    return ExitOk;
}

} // namespace

int queueCommand(const QStringList &args, Io &io) {
    const QString sub = args.value(0);
    QString db;
    QStringList rest;
    if (sub == u"add"_s) // --db there is the launch flag, before the script
        return add(args.mid(1), io);
    bool json = false, all = false;
    QString to;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--db"_s && i + 1 < args.size())
            db = args[++i];
        else if (sub != u"run"_s && args[i] == u"--json"_s)
            json = true;
        else if (sub != u"run"_s && args[i] == u"--all"_s)
            all = true;
        else if (sub == u"move"_s && args[i] == u"--to"_s && i + 1 < args.size())
            to = args[++i];
        else
            rest << args[i];
    }
    if (sub == u"run"_s)
        return runQueue(db, rest, io);
    const QString path = databasePath(db);
    const auto usage = [&] {
        io.err << commandHelp(u"queue"_s, sub);
        return ExitUsage;
    };
    if (sub != u"list"_s && sub != u"rm"_s && sub != u"move"_s && sub != u"pause"_s && sub != u"resume"_s)
        return usage();
    if (sub == u"list"_s && !QFileInfo::exists(path) && !isServerUrl(path)) {
        io.out << (json ? u"{\"paused\":false,\"runs\":[]}\n"_s : QueueCliText::tr("the queue is empty\n"));
        return ExitOk;
    }
    QueueStore store;
    QString error;
    if (!store.open(path, &error)) {
        io.err << QueueCliText::tr("trainyard queue: cannot open the run database %1").arg(error) << '\n';
        return ExitFailed;
    }
    if (sub == u"list"_s)
        return rest.isEmpty() ? list(store, json, all, io) : usage();
    if (sub == u"pause"_s || sub == u"resume"_s) {
        if (!rest.isEmpty())
            return usage();
        if (!store.setPaused(sub == u"pause"_s, &error)) {
            io.err << QueueCliText::tr("trainyard queue: %1").arg(error) << '\n';
            return ExitFailed;
        }
        io.err << (sub == u"pause"_s ? QueueCliText::tr("the queue is paused: what runs goes on, nothing new "
                                                        "starts")
                                     : QueueCliText::tr("the queue is resumed"))
               << '\n';
        return ExitOk;
    }
    if (rest.size() != 1 || (sub == u"move"_s && to.isEmpty()))
        return usage();
    const qint64 runId = store.find(rest[0]);
    if (!runId) {
        io.err << QueueCliText::tr("trainyard queue: no queued run %1").arg(rest[0]) << '\n';
        return ExitFailed;
    }
    if (sub == u"move"_s) {
        int position = 0;
        if (!positiveInt(to, &position)) {
            io.err << QueueCliText::tr("trainyard queue move: --to takes a position, 1 for next") << '\n';
            return ExitUsage;
        }
        if (!store.move(runId, position, &error)) {
            io.err << QueueCliText::tr("trainyard queue move: %1").arg(error) << '\n';
            return ExitFailed;
        }
        return ExitOk;
    }
    if (!removeQueuedRun(path, runId, &error)) {
        io.err << QueueCliText::tr("trainyard queue rm: %1").arg(error) << '\n';
        return ExitFailed;
    }
    io.err << QueueCliText::tr("removed %1 from the queue").arg(rest[0]) << '\n';
    return ExitOk;
}

} // namespace trainyard::cli
