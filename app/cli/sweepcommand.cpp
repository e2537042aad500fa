// `trainyard sweep FILE [--json] [--trials N] [--parallel N] [--seed S] [--gpus N] [--continue ID] [launch
// flags]`: prints and parses only; the sweep is launch/sweep.h.
#include "commands.h"
#include "launch/runrecord.h"
#include "launchsession.h"
#include "runcontrol.h"
#include "signalevents.h"
#include "store.h"
#include "sweep.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <csignal>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {
struct SweepCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::SweepCliText)
};

QString paramsText(const TrialParams &params) {
    QStringList out;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        out << u"%1=%2"_s.arg(it.key(), it.value().pythonStr());
    return out.join(u' ');
}
} // namespace

int sweepCommand(const QStringList &args, Io &io) {
    QString file, db;
    bool json = false;
    SweepOptions options;
    QStringList launchFlags;
    const auto number = [&](const QString &flag, const QString &text, int min, int *out) {
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < min) {
            io.err << SweepCliText::tr("trainyard sweep: %1 takes a whole number of at least %2, not '%3'")
                          .arg(flag)
                          .arg(min)
                          .arg(text)
                   << '\n';
            return false;
        }
        *out = n;
        return true;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &w = args[i];
        const bool hasValue = i + 1 < args.size();
        if (w == u"--json"_s) {
            json = true;
        } else if (w == u"--trials"_s && hasValue) {
            if (!number(w, args[++i], 1, &options.trials))
                return 2;
        } else if (w == u"--parallel"_s && hasValue) {
            if (!number(w, args[++i], 1, &options.parallel))
                return 2;
        } else if (w == u"--gpus"_s && hasValue) {
            if (!number(w, args[++i], 0, &options.request.gpus))
                return 2;
        } else if (w == u"--seed"_s && hasValue) {
            int seed = 0;
            if (!number(w, args[++i], 0, &seed))
                return 2;
            options.seed = quint32(seed);
        } else if (w == u"--db"_s && hasValue) {
            db = args[++i];
        } else if (w == u"--continue"_s && hasValue) {
            options.continueId = args[++i];
        } else if (file.isEmpty() && !w.startsWith(u'-')) {
            file = w;
        } else {
            launchFlags << w; // `trainyard launch` flags every trial gets (checked when it is queued)
        }
    }
    if (file.isEmpty()) {
        io.err << commandHelp(u"sweep"_s);
        return 2;
    }
    SweepConfig config;
    Diagnostics diags;
    if (!loadSweep(file, &config, &diags)) {
        for (const Diagnostic &d : diags)
            io.err << d.format() << '\n';
        return 1;
    }
    options.databasePath = databasePath(db);
    options.program = QCoreApplication::applicationFilePath();
    options.launchFlags = launchFlags;
    options.optunaHelper = QDir(LaunchSession::helpersDir()).filePath(u"trainyard_optuna.py"_s);
    SweepController sweep(config, options);
    QEventLoop loop;
    QObject scope;
    const auto say = [&](const QString &text) {
        io.err << u"trainyard sweep: "_s << text << '\n';
        io.err.flush();
    };
    QObject::connect(&sweep, &SweepController::trialQueued, &scope, [&](const SweepTrial &t) {
        say(SweepCliText::tr("trial %1 queued as %2: %3").arg(t.number).arg(t.runId, paramsText(t.params)));
    });
    QObject::connect(&sweep, &SweepController::trialEnded, &scope, [&](const SweepTrial &t) {
        say(t.value ? SweepCliText::tr("trial %1 %2: %3 = %4")
                          .arg(t.number)
                          .arg(runStatusName(t.status), config.metric)
                          .arg(*t.value)
                    : SweepCliText::tr("trial %1 %2%3")
                          .arg(t.number)
                          .arg(runStatusName(t.status),
                               config.metric.isEmpty()
                                   ? QString()
                                   : SweepCliText::tr(" (it logged no %1)").arg(config.metric)));
    });
    QObject::connect(&sweep, &SweepController::trialStopped, &scope,
                     [&](const SweepTrial &t, const QString &why) {
                         say(SweepCliText::tr("trial %1 stopped early: %2").arg(t.number).arg(why));
                     });
    QObject::connect(&sweep, &SweepController::notice, &scope, say);
    QObject::connect(&sweep, &SweepController::finished, &loop, &QEventLoop::quit);
    SignalEvents interrupts({SIGINT, SIGTERM, SIGHUP});
    int interrupted = 0;
    QObject::connect(&interrupts, &SignalEvents::received, &scope, [&](int) {
        if (++interrupted > 1) {
            loop.quit();
            return;
        }
        say(SweepCliText::tr(
            "interrupted: the waiting trials leave the queue and the running ones are stopped; "
            "interrupt again to leave them running"));
        sweep.stop();
        StoreReader reader;
        if (reader.open(options.databasePath, nullptr))
            for (const SweepTrial &t : sweep.trials())
                if (isActive(t.status))
                    if (const std::optional<RunRow> r = reader.run(t.rowId))
                        requestStop(*r, nullptr);
    });
    QString error;
    if (!sweep.start(&error)) {
        io.err << SweepCliText::tr("trainyard sweep: %1").arg(error) << '\n';
        return 1;
    }
    say(SweepCliText::tr("%1: %2 over %n parameter(s), %3 %4", nullptr, int(config.parameters.size()))
            .arg(sweep.sweepId(), config.method, config.goal,
                 config.metric.isEmpty() ? u"-"_s : config.metric));
    loop.exec();
    const std::optional<SweepTrial> best = sweep.best();
    if (best)
        say(SweepCliText::tr("best: trial %1 (%2), %3 = %4: %5")
                .arg(best->number)
                .arg(best->runId, config.metric)
                .arg(*best->value)
                .arg(paramsText(best->params)));
    if (json)
        io.out << QString::fromUtf8(QJsonDocument(sweep.toJson()).toJson(QJsonDocument::Compact)) << '\n';
    return best || config.metric.isEmpty() ? 0 : 1;
}

} // namespace trainyard::cli
