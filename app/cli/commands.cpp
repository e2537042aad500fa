#include "commands.h"

#include "config/accelerateconfig.h"
#include "config/questionnaire.h"
#include "launch/argbytes.h"
#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "system/hardware.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {

struct CliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::CliText)
};

constexpr int ExitOk = 0;
constexpr int ExitErrors = 1;
constexpr int ExitUsage = 2;

void writeBytes(QTextStream &to, const QByteArray &bytes) {
    writeBytesTo(to, bytes);
}

void printDiagnostics(const Diagnostics &ds, QTextStream &to) {
    for (const Diagnostic &d : ds)
        to << d.format() << '\n';
}

class StreamPrompter : public Prompter {
public:
    explicit StreamPrompter(Io &io)
        : m_io(io) {}
    QString ask(const QString &prompt) override {
        m_io.out << prompt;
        m_io.out.flush();
        QString line = m_io.in.readLine();
        if (line.isNull())
            m_io.out << '\n';
        return line;
    }
    void say(const QString &text) override { m_io.out << text << '\n'; }

private:
    Io &m_io;
};

int configInit(const QStringList &args, Io &io) {
    QString output;
    bool defaults = false;
    bool force = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if ((a == u"-o"_s || a == u"--output"_s || a == u"--config_file"_s) && i + 1 < args.size())
            output = args[++i];
        else if (a == u"--defaults"_s)
            defaults = true;
        else if (a == u"--force"_s)
            force = true;
        else {
            io.err << CliText::tr("trainyard config init: unexpected argument %1").arg(a) << '\n';
            return ExitUsage;
        }
    }
    if (output.isEmpty())
        output = defaultConfigPath();
    if (QFileInfo::exists(output) && !force) {
        io.err << CliText::tr("%1: a config already exists there; pass --force to replace it").arg(output)
               << '\n';
        return ExitErrors;
    }
    const HardwareInfo hw = HardwareInfo::detect();
    Value config;
    if (defaults) {
        config = defaultConfigFor(hw);
    } else {
        StreamPrompter prompter(io);
        const QuestionnaireResult r = runQuestionnaire(prompter, hw);
        if (!r.ok()) {
            io.err << CliText::tr("trainyard config init: %1").arg(r.error) << '\n';
            return ExitErrors;
        }
        config = r.config;
    }
    const AccelerateConfig c = AccelerateConfig::fromDocument(config, output);
    QString error;
    if (!saveFileAtomically(output, c.canonicalText(dialectForPath(output)), &error)) {
        io.err << error << '\n';
        return ExitErrors;
    }
    printDiagnostics(c.validate(hw), io.err);
    io.out << CliText::tr("configuration saved at %1").arg(output) << '\n';
    return ExitOk;
}

int configValidate(const QStringList &files, Io &io) {
    if (files.isEmpty()) {
        io.err << CliText::tr("trainyard config validate: give at least one FILE") << '\n';
        return ExitUsage;
    }
    const HardwareInfo hw = HardwareInfo::detect();
    int errors = 0;
    int warnings = 0;
    for (const QString &file : files) {
        const Diagnostics ds = AccelerateConfig::load(file).diagnostics(hw);
        printDiagnostics(ds, io.out);
        for (const Diagnostic &d : ds)
            (d.isError() ? errors : warnings)++;
    }
    io.err << CliText::tr("%1 file(s) checked: %2 error(s), %3 warning(s)")
                  .arg(files.size())
                  .arg(errors)
                  .arg(warnings)
           << '\n';
    return errors ? ExitErrors : ExitOk;
}

int configShow(const QStringList &args, Io &io) {
    QString file;
    Dialect format = Dialect::Yaml;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--format"_s && i + 1 < args.size()) {
            const QString f = args[++i];
            if (f != u"yaml"_s && f != u"json"_s) {
                io.err << CliText::tr("--format takes yaml or json") << '\n';
                return ExitUsage;
            }
            format = f == u"json"_s ? Dialect::Json : Dialect::Yaml;
        } else if (file.isEmpty()) {
            file = args[i];
        } else {
            io.err << CliText::tr("trainyard config show: unexpected argument %1").arg(args[i]) << '\n';
            return ExitUsage;
        }
    }
    if (file.isEmpty()) {
        io.err << CliText::tr("trainyard config show: give a FILE") << '\n';
        return ExitUsage;
    }
    const AccelerateConfig c = AccelerateConfig::load(file);
    const Diagnostics ds = c.diagnostics(HardwareInfo::detect());
    printDiagnostics(ds, io.err);
    if (!c.isLoaded())
        return ExitErrors;
    io.out << QString::fromUtf8(c.canonicalText(format));
    return hasErrors(ds) ? ExitErrors : ExitOk;
}

int configUpdate(const QStringList &args, Io &io) {
    if (args.size() != 1) {
        io.err << CliText::tr("trainyard config update: give one FILE") << '\n';
        return ExitUsage;
    }
    const QString file = args.first();
    const AccelerateConfig c = AccelerateConfig::load(file);
    const Diagnostics ds = c.diagnostics(HardwareInfo::detect());
    printDiagnostics(ds, io.err);
    if (!c.isLoaded() || hasErrors(ds)) {
        io.err << CliText::tr("%1: not rewritten; fix the errors first").arg(file) << '\n';
        return ExitErrors;
    }
    QString error;
    if (!saveFileAtomically(file, c.canonicalText(c.dialect()), &error)) {
        io.err << error << '\n';
        return ExitErrors;
    }
    io.out << CliText::tr("configuration updated at %1").arg(file) << '\n';
    return ExitOk;
}

} // namespace

int configCommand(const QStringList &args, Io &io) {
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == u"init"_s)
        return configInit(rest, io);
    if (sub == u"validate"_s)
        return configValidate(rest, io);
    if (sub == u"show"_s)
        return configShow(rest, io);
    if (sub == u"update"_s)
        return configUpdate(rest, io);
    io.err << commandHelp(u"config"_s);
    return ExitUsage;
}

// Bytes as they are (a --dry-run script may hold bytes that are not UTF-8, argbytes.h); a stream without a
// device (tests) gets them decoded.
void writeBytesTo(QTextStream &to, const QByteArray &bytes) {
    to.flush();
    if (QIODevice *d = to.device())
        d->write(bytes);
    else
        to << QString::fromUtf8(bytes);
}

int launchCommand(const QStringList &args, Io &io) {
    LaunchArgs la;
    QString error;
    if (!parseLaunchArgs(args, &la, &error)) {
        io.err << CliText::tr("trainyard launch: %1").arg(error) << '\n'
               << CliText::tr("`trainyard launch --help` lists the flags.") << '\n';
        return ExitUsage;
    }
    if (la.help) { // -h/--help before the script
        io.out << commandHelp(u"launch"_s);
        return ExitOk;
    }
    if (!la.slurmJob.isEmpty())
        return launchFromSlurmJob(la, args, io);
    const LaunchPlan plan = planLaunch(la, HardwareInfo::detect());
    if (la.dryRun && la.json) {
        io.out << QString::fromUtf8(plan.toJson());
        return plan.ok() ? ExitOk : ExitErrors;
    }
    printDiagnostics(plan.warnings, io.err);
    printDiagnostics(plan.notes, io.err);
    if (!plan.ok()) {
        printDiagnostics(plan.errors, io.err);
        return ExitErrors;
    }
    if (la.slurm)
        return submitSlurm(plan, la, args, io);
    if (la.checkHosts) {
        if (plan.hosts.isEmpty()) {
            io.err << CliText::tr("trainyard launch: --check needs --hostfile or --hosts") << '\n';
            return ExitUsage;
        }
        return checkHosts(plan, la, io);
    }
    if (la.dryRun) {
        io.out << CliText::tr("# launcher: %1, %2 process(es) on %3 machine(s)")
                      .arg(plan.launcher)
                      .arg(plan.numProcesses)
                      .arg(plan.numMachines)
               << '\n';
        if (plan.hosts.isEmpty()) {
            writeBytes(io.out, argToBytes(plan.toShellScript(plan.machineRank)));
            return ExitOk;
        }
        // Every machine's script, as its agent would start the ranks there (the rendezvous address is machine
        // 0's SSH address at launch when main_process_ip is not given).
        for (int m = 0; m < int(plan.hosts.size()); ++m) {
            io.out << CliText::tr("# ---- machine %1: %2").arg(m).arg(plan.hosts[m].host) << '\n';
            writeBytes(io.out, argToBytes(plan.toShellScript(m)));
        }
        return ExitOk;
    }
    return runPlan(plan, la, args, io);
}

int envCommand(const QStringList &, Io &io) {
    const HardwareInfo hw = HardwareInfo::detect();
    io.out << CliText::tr("Copy-and-paste the text below in your GitHub issue") << "\n\n";
    io.out << "- `Trainyard` version: " << QStringLiteral(TRAINYARD_VERSION) << '\n';
    io.out << "- Platform: " << QSysInfo::prettyProductName() << " (" << QSysInfo::kernelType() << ' '
           << QSysInfo::kernelVersion() << ", " << QSysInfo::currentCpuArchitecture() << ")\n";
    io.out << "- Qt version: " << QString::fromLatin1(qVersion()) << '\n';
    io.out << "- CPU cores: " << hw.physicalCores << " physical, " << hw.logicalCores << " logical\n";
    io.out << "- GPUs: " << hw.cudaDevices << " (detected by " << hw.detectedBy << ")";
    for (const QString &n : hw.gpuNames)
        io.out << "\n  - " << n;
    io.out << '\n';
    const QString path = defaultConfigPath();
    io.out << "- Default config: " << path;
    if (!QFileInfo::exists(path)) {
        io.out << " (not found)\n";
        return ExitOk;
    }
    io.out << '\n';
    const AccelerateConfig c = AccelerateConfig::load(path);
    if (!c.isLoaded()) {
        printDiagnostics(c.loadDiagnostics(), io.out);
        return ExitOk;
    }
    const Value canonical = c.canonical(); // held: entries() refers into it
    for (const MapEntry &e : canonical.entries())
        io.out << "\t- " << e.key << ": "
               << (e.value.isScalar() ? e.value.pythonStr() : QString::fromUtf8(toJson(e.value)).simplified())
               << '\n';
    return ExitOk;
}

int run(const QStringList &args, Io &io) {
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    // COMMAND [SUBCOMMAND] ... --help, and `help COMMAND [SUBCOMMAND]`. launch reads its own (only before the
    // script: after it, --help is the script's).
    static const QStringList helped = {u"config"_s,          u"runs"_s, u"queue"_s, u"sweep"_s,
                                       u"estimate-memory"_s, u"env"_s,  u"db"_s};
    if (helped.contains(command) && (rest.contains(u"--help"_s) || rest.contains(u"-h"_s))) {
        io.out << commandHelp(command, rest.value(0).startsWith(u'-') ? QString() : rest.value(0));
        return ExitOk;
    }
    if (command == u"help"_s && !rest.isEmpty()) {
        io.out << commandHelp(rest.value(0), rest.value(1));
        return ExitOk;
    }
    if (command == u"config"_s)
        return configCommand(rest, io);
    if (command == u"launch"_s)
        return launchCommand(rest, io);
    if (command == u"env"_s)
        return envCommand(rest, io);
    if (command == u"runs"_s)
        return runsCommand(rest, io);
    if (command == u"queue"_s)
        return queueCommand(rest, io);
    if (command == u"sweep"_s)
        return sweepCommand(rest, io);
    if (command == u"estimate-memory"_s)
        return estimateMemoryCommand(rest, io);
    if (command == u"db"_s)
        return dbCommand(rest, io);
    if (command == u"agent"_s)
        return agentCommand(rest, io);
    if (command == u"--version"_s) {
        io.out << "trainyard " << QStringLiteral(TRAINYARD_VERSION) << '\n';
        return ExitOk;
    }
    if (command == u"-h"_s || command == u"--help"_s || command == u"help"_s) {
        io.out << topLevelHelp();
        return ExitOk;
    }
    io.err << (command.isEmpty() ? QString() : CliText::tr("trainyard: unknown command %1\n").arg(command))
           << topLevelHelp();
    return ExitUsage;
}

} // namespace trainyard::cli
