// The launch plan, driven by tests/data/launch/*.case: for a config and a command line, the ranks, their
// argv, their environment block (exactly, where the case says so), the settings after precedence, warnings
// and errors.
//
// A case file holds one directive per line:
//   config FILE         a config under tests/data/configs (or a path relative to tests/data/launch)
//   args WORDS...       what follows `trainyard launch`
//   environ K=V         the launcher's own environment (repeatable; default: empty)
//   gpus N              GPUs this machine has (default 2)
//   launcher NAME       expected launcher
//   ranks N             expected number of ranks over all machines
//   rank N              following env/noenv/argv/exact lines are about this rank (default 0)
//   env K=V             expected variable (V "*" accepts any value)
//   noenv K             variable that must not be set
//   exact               the rank's variables are exactly the env lines given for it
//   argv WORDS...       expected argv
//   setting K=V         Python str() of the launch setting K after precedence
//   warning TEXT        a warning containing TEXT
//   note TEXT           a note containing TEXT (and no warning with it: nothing is wrong)
//   error TEXT          an error containing TEXT (and no ranks)
#include "config/accelerateconfig.h"
#include "config/compat.h"
#include "launch/argbytes.h"
#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "launch/runrecord.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trainyard;

namespace {

QString dataDir(const QString &sub) {
    return QStringLiteral(TRAINYARD_TEST_DATA) + u'/' + sub;
}

HardwareInfo machineWith(int gpus) {
    HardwareInfo hw;
    hw.cudaDevices = gpus;
    hw.physicalCores = 8;
    hw.logicalCores = 16;
    return hw;
}

LaunchArgs parse(const QStringList &words) {
    LaunchArgs a;
    QString error;
    if (!parseLaunchArgs(words, &a, &error))
        qFatal("parse failed: %s", qPrintable(error));
    return a;
}

QString joined(const Diagnostics &ds) {
    QStringList out;
    for (const Diagnostic &d : ds)
        out << d.format();
    return out.join(u'\n');
}

} // namespace

class TestLaunchPlan : public QObject {
    Q_OBJECT
    QTemporaryDir m_hfHome;
private Q_SLOTS:
    void initTestCase();
    void cases_data();
    void cases();
    void flagSpellings();
    void runNames();
    void flagErrors();
    void precedenceReferenceCase();
    void portZeroPicksAFreePort();
    void busyPortIsReplacedOnOneMachine();
    void busyPortOnMachineZeroOfSeveralIsAnError();
    void jsonShape();
    void shellScriptRunsTheRanks();
    void shellScriptKeepsEveryByte();
    void argumentBytesRoundTrip();
    void everyDifferenceIsTestedAndListed();
};

void TestLaunchPlan::initTestCase() {
    // No user default config may leak into the plans.
    QVERIFY(m_hfHome.isValid());
    qputenv("HF_HOME", m_hfHome.path().toUtf8());
}

void TestLaunchPlan::cases_data() {
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(dataDir(u"launch"_s)).entryList({u"*.case"_s}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void TestLaunchPlan::cases() {
    QFETCH(QString, file);
    QFile f(dataDir(u"launch"_s) + u'/' + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QStringList words;
    PlanOptions options;
    options.environmentGiven = true;
    int gpus = 2;
    struct Expect {
        QString directive;
        QString value;
        int rank;
        int line;
    };
    QList<Expect> expects;
    int rank = 0;
    int lineNo = 0;
    QString configArg;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        ++lineNo;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype sp = line.indexOf(u' ');
        const QString directive = sp < 0 ? line : line.left(sp);
        const QString value = sp < 0 ? QString() : line.mid(sp + 1).trimmed();
        if (directive == u"config"_s) {
            configArg = QFile::exists(dataDir(u"configs"_s) + u'/' + value)
                            ? dataDir(u"configs"_s) + u'/' + value
                            : dataDir(u"launch"_s) + u'/' + value;
        } else if (directive == u"args"_s) {
            words = value.split(u' ', Qt::SkipEmptyParts);
        } else if (directive == u"environ"_s) {
            const qsizetype eq = value.indexOf(u'=');
            options.environment.insert(value.left(eq), value.mid(eq + 1));
        } else if (directive == u"gpus"_s) {
            gpus = value.toInt();
        } else if (directive == u"rank"_s) {
            rank = value.toInt();
        } else {
            expects << Expect{directive, value, rank, lineNo};
        }
    }
    if (!configArg.isEmpty())
        words.prepend(configArg), words.prepend(u"--config_file"_s);
    const LaunchPlan plan = planLaunch(parse(words), machineWith(gpus), options);
    QMap<int, QSet<QString>> listed;
    for (const Expect &e : expects) {
        const QString where = u"%1:%2: %3 %4"_s.arg(file).arg(e.line).arg(e.directive, e.value);
        const QByteArray w = where.toUtf8();
        const RankPlan *r = nullptr;
        for (const RankPlan &candidate : plan.ranks)
            if (candidate.rank == e.rank)
                r = &candidate;
        const bool needsRank = e.directive == u"env"_s || e.directive == u"noenv"_s ||
                               e.directive == u"argv"_s || e.directive == u"exact"_s;
        if (needsRank)
            QVERIFY2(r, (where + u"\nno such rank; errors:\n"_s + joined(plan.errors)).toUtf8().constData());
        if (e.directive == u"env"_s) {
            const qsizetype eq = e.value.indexOf(u'=');
            const QString key = e.value.left(eq), value = e.value.mid(eq + 1);
            listed[e.rank].insert(key);
            QVERIFY2(r->env.contains(key), w.constData());
            if (value != u"*"_s)
                QVERIFY2(r->env.value(key) == value,
                         (where + u"\n  actual: "_s + r->env.value(key)).toUtf8().constData());
        } else if (e.directive == u"noenv"_s) {
            QVERIFY2(!r->env.contains(e.value), w.constData());
        } else if (e.directive == u"exact"_s) {
            QStringList extra;
            for (auto it = r->env.cbegin(); it != r->env.cend(); ++it)
                if (!listed[e.rank].contains(it.key()))
                    extra << it.key() + u'=' + it.value();
            QVERIFY2(extra.isEmpty(),
                     (where + u"\n  not expected: "_s + extra.join(u' ')).toUtf8().constData());
        } else if (e.directive == u"argv"_s) {
            QCOMPARE(r->argv.join(u' '), e.value);
        } else if (e.directive == u"ranks"_s) {
            QVERIFY2(plan.ranks.size() == e.value.toInt(),
                     (where + u"\n  actual: %1\n"_s.arg(plan.ranks.size()) + joined(plan.errors))
                         .toUtf8()
                         .constData());
        } else if (e.directive == u"launcher"_s) {
            QVERIFY2(plan.launcher == e.value,
                     (where + u"\n  actual: "_s + plan.launcher).toUtf8().constData());
        } else if (e.directive == u"setting"_s) {
            const qsizetype eq = e.value.indexOf(u'=');
            const QString actual = plan.settings.value(e.value.left(eq)).pythonStr();
            QVERIFY2(actual == e.value.mid(eq + 1),
                     (where + u"\n  actual: "_s + actual).toUtf8().constData());
        } else if (e.directive == u"fix"_s) {
            // One of compat.h's deliberate differences: its own warning text, whatever fills its %1...
            const compat::Difference *d = nullptr;
            for (const compat::Difference &c : compat::differences())
                if (QString::fromLatin1(c.id) == e.value)
                    d = &c;
            QVERIFY2(d, qPrintable(where + u"\n  no such difference in compat.h"_s));
            QString pattern = QRegularExpression::escape(compat::warning(d->fix));
            pattern.replace(QRegularExpression(u"\\\\%\\d"_s), u".*"_s); // escape() made "%1" "\\%1"
            const QRegularExpression re(u"\\A.*"_s + pattern + u".*\\z"_s);
            // Said as a warning, or as a note where nothing is wrong (MULTI_CPU without MPI).
            bool found = false;
            for (const Diagnostic &warned : plan.warnings + plan.notes)
                found = found || re.match(warned.message).hasMatch();
            QVERIFY2(found, (where + u"\n  warnings and notes:\n"_s + joined(plan.warnings + plan.notes))
                                .toUtf8()
                                .constData());
        } else if (e.directive == u"note"_s) { // said as a note, and not as a warning
            QVERIFY2(joined(plan.notes).contains(e.value) && !joined(plan.warnings).contains(e.value),
                     (where + u"\n  notes:\n"_s + joined(plan.notes) + u"\n  warnings:\n"_s +
                      joined(plan.warnings))
                         .toUtf8()
                         .constData());
        } else if (e.directive == u"warning"_s) {
            QVERIFY2(joined(plan.warnings).contains(e.value),
                     (where + u"\n  warnings:\n"_s + joined(plan.warnings)).toUtf8().constData());
        } else if (e.directive == u"error"_s) {
            QVERIFY2(joined(plan.errors).contains(e.value),
                     (where + u"\n  errors:\n"_s + joined(plan.errors)).toUtf8().constData());
            QVERIFY(plan.ranks.isEmpty());
        } else {
            QFAIL(qPrintable(u"unknown directive: "_s + where));
        }
    }
    if (!std::any_of(expects.begin(), expects.end(),
                     [](const Expect &e) { return e.directive == u"error"_s; }))
        QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
}

void TestLaunchPlan::flagSpellings() {
    const LaunchArgs a = parse({u"--num-processes=4"_s, u"--mixed_precision"_s, u"bf16"_s, u"-m"_s,
                                u"--same-network"_s, u"pkg.train"_s, u"--num_processes"_s, u"9"_s, u"-m"_s});
    QCOMPARE(a.get(u"num_processes"_s), Value::integer(4));
    QCOMPARE(a.get(u"mixed_precision"_s), Value::string(u"bf16"_s));
    QVERIFY(a.flag(u"module"_s));
    QVERIFY(a.flag(u"same_network"_s));
    QCOMPARE(a.typed,
             (QSet<QString>{u"num_processes"_s, u"mixed_precision"_s, u"module"_s, u"same_network"_s}));
    QCOMPARE(a.script, u"pkg.train"_s);
    // Everything after the script belongs to the script, flags included.
    QCOMPARE(a.scriptArgs, (QStringList{u"--num_processes"_s, u"9"_s, u"-m"_s}));
    // Defaults are accelerate's: None for the store_true flags declared without one, strings for FSDP.
    QVERIFY(a.get(u"quiet"_s).isNull());
    QCOMPARE(a.get(u"fsdp_sync_module_states"_s), Value::string(u"true"_s));
    QCOMPARE(a.get(u"fsdp_min_num_params"_s), Value::integer(100000000));
    const LaunchArgs dry = parse({u"--dry-run"_s, u"--json"_s, u"--python"_s, u"/opt/py"_s, u"t.py"_s});
    QVERIFY(dry.dryRun && dry.json);
    QCOMPARE(dry.python, u"/opt/py"_s);
    QVERIFY(dry.typed.isEmpty());
}

void TestLaunchPlan::flagErrors() {
    LaunchArgs a;
    QString error;
    QVERIFY(!parseLaunchArgs({u"--num_processes"_s, u"two"_s, u"t.py"_s}, &a, &error));
    QVERIFY(error.contains(u"'two' is not an integer"_s));
    QVERIFY(!parseLaunchArgs({u"--nproc"_s, u"2"_s, u"t.py"_s}, &a, &error));
    QVERIFY(error.contains(u"unknown launch flag --nproc"_s));
    QVERIFY(!parseLaunchArgs({u"--mixed_precision"_s, u"fp32"_s, u"t.py"_s}, &a, &error));
    QVERIFY(error.contains(u"not one of no, fp16, bf16, fp8"_s));
    QVERIFY(!parseLaunchArgs({u"--config_file"_s}, &a, &error));
    QVERIFY(error.contains(u"needs a value"_s));
}

void TestLaunchPlan::precedenceReferenceCase() {
    // accelerate's own test: typed flags beat the file, the file beats flag defaults.
    PlanOptions options;
    options.environmentGiven = true;
    const LaunchPlan plan = planLaunch(
        parse({u"--config_file"_s, dataDir(u"configs/validate_launch_cmd.yaml"_s), u"--num-processes"_s,
               u"2"_s, u"--deepspeed_config_file"_s, u"path/to/be/accepted"_s, u"train.py"_s}),
        machineWith(0), options);
    QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
    QCOMPARE(plan.settings.value(u"debug"_s), Value::boolean(true));
    QCOMPARE(plan.settings.value(u"num_processes"_s), Value::integer(2));
    QCOMPARE(plan.settings.value(u"fsdp_sync_module_states"_s), Value::boolean(false));
    QCOMPARE(plan.settings.value(u"deepspeed_config_file"_s), Value::string(u"path/to/be/accepted"_s));
    QCOMPARE(plan.ranks.size(), 2);
    QCOMPARE(plan.ranks[1].env.value(u"ACCELERATE_DEBUG_MODE"_s), u"true"_s);
}

void TestLaunchPlan::portZeroPicksAFreePort() {
    PlanOptions options;
    options.environmentGiven = true;
    const LaunchPlan plan = planLaunch(
        parse({u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--main_process_port"_s, u"0"_s, u"train.py"_s}),
        machineWith(0), options);
    QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
    QVERIFY(plan.port > 0);
    QCOMPARE(plan.ranks[0].env.value(u"MASTER_PORT"_s), QString::number(plan.port));
    QVERIFY(isPortFree(plan.port));
    QVERIFY(joined(plan.warnings).contains(u"free port %1"_s.arg(plan.port)));
}

void TestLaunchPlan::busyPortIsReplacedOnOneMachine() {
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::AnyIPv4, 0));
    const int busy = holder.serverPort();
    QVERIFY(!isPortFree(busy));
    PlanOptions options;
    options.environmentGiven = true;
    const LaunchPlan plan =
        planLaunch(parse({u"--config_file"_s, dataDir(u"configs/multi_gpu.yaml"_s), u"--main_process_port"_s,
                          QString::number(busy), u"train.py"_s}),
                   machineWith(2), options);
    QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
    QVERIFY(plan.port != busy);
    QVERIFY(joined(plan.warnings).contains(u"port %1 is in use"_s.arg(busy)));
    for (const RankPlan &r : plan.ranks)
        QCOMPARE(r.env.value(u"MASTER_PORT"_s), QString::number(plan.port));
}

void TestLaunchPlan::busyPortOnMachineZeroOfSeveralIsAnError() {
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::AnyIPv4, 0));
    PlanOptions options;
    options.environmentGiven = true;
    const LaunchPlan plan =
        planLaunch(parse({u"--config_file"_s, dataDir(u"configs/multi_node.yaml"_s), u"--main_process_port"_s,
                          QString::number(holder.serverPort()), u"train.py"_s}),
                   machineWith(4), options);
    QVERIFY(!plan.ok());
    QVERIFY(joined(plan.errors).contains(u"is in use"_s));
    QVERIFY(plan.ranks.isEmpty());
    // Machine 1 does not check: the port is machine 0's.
    const LaunchPlan other = planLaunch(
        parse({u"--config_file"_s, dataDir(u"configs/multi_node.yaml"_s), u"--machine_rank"_s, u"1"_s,
               u"--main_process_port"_s, QString::number(holder.serverPort()), u"train.py"_s}),
        machineWith(4), options);
    QVERIFY2(other.ok(), qPrintable(joined(other.errors)));
    QCOMPARE(other.machineRank, 1);
}

void TestLaunchPlan::jsonShape() {
    PlanOptions options;
    options.environmentGiven = true;
    const LaunchPlan plan = planLaunch(
        parse({u"--config_file"_s, dataDir(u"configs/multi_cpu.yaml"_s), u"train.py"_s, u"--lr"_s, u"0.1"_s}),
        machineWith(0), options);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(plan.toJson(), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QVERIFY(root.value(u"warnings"_s).isArray());
    const QJsonArray ranks = root.value(u"ranks"_s).toArray();
    QCOMPARE(ranks.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject r = ranks[i].toObject();
        QCOMPARE(r.value(u"machine_rank"_s).toInt(), 0);
        QCOMPARE(r.value(u"rank"_s).toInt(), i);
        QCOMPARE(r.value(u"local_rank"_s).toInt(), i);
        QCOMPARE(r.value(u"argv"_s).toArray().last().toString(), u"0.1"_s);
        QCOMPARE(r.value(u"env"_s).toObject().value(u"RANK"_s).toString(), QString::number(i));
    }
}

void TestLaunchPlan::shellScriptRunsTheRanks() {
    // "Copy as shell script" really starts the ranks with the plan's environment.
    QTemporaryDir dir;
    const QString program = dir.filePath(u"rank.sh"_s);
    {
        QFile f(program);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho \"$RANK/$WORLD_SIZE $MASTER_ADDR $1\" >> \"$(dirname \"$0\")/out.txt\"\n");
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    }
    PlanOptions options;
    options.environmentGiven = true;
    const LaunchPlan plan = planLaunch(parse({u"--cpu"_s, u"--num_processes"_s, u"3"_s, program, u"it's"_s}),
                                       machineWith(0), options);
    QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
    QCOMPARE(plan.ranks[0].argv.first(), program); // an executable that is not a .py runs directly
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, plan.toShellScript(0)});
    QVERIFY(sh.waitForFinished(20000));
    QCOMPARE(sh.exitCode(), 0);
    QFile out(dir.filePath(u"out.txt"_s));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(out.readAll()).split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
    QCOMPARE(lines, (QStringList{u"0/3 127.0.0.1 it's"_s, u"1/3 127.0.0.1 it's"_s, u"2/3 127.0.0.1 it's"_s}));
}

void TestLaunchPlan::shellScriptKeepsEveryByte() {
    // A program in a folder whose name holds '=', and arguments that end in a newline, hold quotes, '$',
    // backquotes, spaces, '=' and bytes that are not UTF-8: sh and bash both hand the program exactly these
    // words.
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u"a=b c"_s)));
    const QString program = dir.filePath(u"a=b c/rank.sh"_s);
    {
        QFile f(program);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$OUT.$RANK\"\n");
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    }
    const QStringList words{u"block\nvalue\n"_s,
                            u"x=y"_s,
                            u"it's \"quoted\""_s,
                            u"$HOME `id` $(id)"_s,
                            u"  spaces  "_s,
                            u""_s,
                            u"--flag=a b"_s,
                            u"\\backslash\\"_s,
                            u"ünïcödé"_s,
                            u"*"_s,
                            argFromBytes("caf\xe9 \xff\xfe \xc3(")};
    QCOMPARE(argToBytes(words.last()), QByteArray("caf\xe9 \xff\xfe \xc3("));
    for (const QString &shell : {u"sh"_s, u"bash"_s}) {
        if (QStandardPaths::findExecutable(shell).isEmpty())
            continue;
        PlanOptions options;
        options.environmentGiven = true;
        options.environment.insert(u"OUT"_s, dir.filePath(u"out-"_s + shell));
        const LaunchPlan plan =
            planLaunch(parse(QStringList{u"--cpu"_s, u"--num_processes"_s, u"2"_s, program} + words),
                       machineWith(0), options);
        QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
        QProcess sh;
        sh.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OUT"_s, dir.filePath(u"out-"_s + shell));
        sh.setProcessEnvironment(env);
        QFile script(dir.filePath(u"script-"_s + shell));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(argToBytes(plan.toShellScript(0)));
        script.close();
        sh.start(shell, {script.fileName()});
        QVERIFY(sh.waitForFinished(20000));
        QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
        for (int rank = 0; rank < 2; ++rank) {
            QFile out(dir.filePath(u"out-%1.%2"_s.arg(shell).arg(rank)));
            QVERIFY2(out.open(QIODevice::ReadOnly), qPrintable(out.fileName()));
            QByteArray expected;
            for (const QString &w : words)
                expected += argToBytes(w) + '\0';
            QCOMPARE(out.readAll(), expected);
        }
    }
}

void TestLaunchPlan::argumentBytesRoundTrip() {
    // Any bytes come back unchanged; valid UTF-8 (including 4-byte sequences) reads as itself; each byte of
    // an invalid sequence (a stray continuation, a cut sequence, an overlong form, an encoded surrogate) is
    // one escaped character.
    QRandomGenerator rng(20261201);
    for (int i = 0; i < 20000; ++i) {
        QByteArray b(int(rng.bounded(24)), Qt::Uninitialized);
        for (char &c : b)
            c = char(rng.bounded(i % 2 ? 256 : 8) + (i % 2 ? 0 : 0xB8)); // half dense in lead/continuation
        QCOMPARE(argToBytes(argFromBytes(b)), b);
    }
    const QString valid = u"plain ünïcödé \U0001F680 日本"_s;
    QCOMPARE(argFromBytes(valid.toUtf8()), valid);
    QVERIFY(!hasEscapedBytes(valid));
    for (const QByteArray &bad : {QByteArray("\x80"), QByteArray("\xc3"), QByteArray("\xc0\xaf"),
                                  QByteArray("\xed\xa0\x80"), QByteArray("\xf4\x90\x80\x80")}) {
        const QString s = argFromBytes(bad);
        QCOMPARE(s.size(), bad.size());
        QVERIFY(hasEscapedBytes(s));
        QCOMPARE(argToBytes(s), bad);
    }
}

void TestLaunchPlan::everyDifferenceIsTestedAndListed() {
    // Every deliberate difference from accelerate (compat.h) has a launch case that sees its warning (or, for
    // the questionnaire's, tst_cli's questionnaire test), and README's list says what each one does.
    QSet<QString> tested = {u"questionnaire-fsdp-strategy"_s, u"questionnaire-fp8-keys"_s};
    const QDir cases(dataDir(u"launch"_s));
    for (const QString &name : cases.entryList({u"*.case"_s}, QDir::Files)) {
        QFile f(cases.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("fix "))
                tested << QString::fromUtf8(line.mid(4)).trimmed();
    }
    QFile readme(QStringLiteral(TRAINYARD_TEST_DATA) + u"/../../README.md"_s);
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString listed = QString::fromUtf8(readme.readAll()).simplified();
    for (const compat::Difference &d : compat::differences()) {
        QVERIFY2(tested.contains(QString::fromLatin1(d.id)), d.id);
        QVERIFY2(!compat::warning(d.fix).isEmpty(), d.id);
        QVERIFY2(listed.contains(QString::fromUtf8(d.what).simplified()), d.what);
    }
}

// A run without --name is called after its script and its id's last four characters, so that runs of one
// script differ in lists and legends; --name is kept as given.
void TestLaunchPlan::runNames() {
    QCOMPARE(runName({}, u"/home/u/train.py"_s, u"20261201-235304-00f0"_s), u"train-00f0"_s);
    QCOMPARE(runName({}, u"./bin/my.program"_s, u"20261201-235304-a1b2"_s), u"my-a1b2"_s);
    QCOMPARE(runName(u"sweep lr=3e-4"_s, u"train.py"_s, u"20261201-235304-00f0"_s), u"sweep lr=3e-4"_s);
    QCOMPARE(runName({}, {}, u"20261201-235304-ffff"_s), u"run-ffff"_s);
}

QTEST_GUILESS_MAIN(TestLaunchPlan)
#include "tst_launchplan.moc"
