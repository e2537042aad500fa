// The `trainyard` command line as users and scripts run it: a real process, its output and exit codes.
#include "launch/launchargs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString dataFile(const QString &rel) {
    return QStringLiteral(TRAINYARD_TEST_DATA) + u'/' + rel;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

    Result run(const QStringList &args, const QByteArray &input = {}, const QString &cwd = {},
               const QMap<QString, QString> &extraEnv = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HF_HOME"_s, m_home.filePath(u"hf"_s));
        for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        if (!cwd.isEmpty())
            p.setWorkingDirectory(cwd);
        p.start(QStringLiteral(TRAINYARD_CLI), args);
        if (!p.waitForStarted(10000))
            qFatal("cannot start %s", TRAINYARD_CLI);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            qFatal("trainyard %s did not finish", qPrintable(args.join(u' ')));
        return Result{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                      QString::fromUtf8(p.readAllStandardOutput()),
                      QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }
    void serverUrlIsNeverTakenForAFile();
    void validateReportsAndExits();
    void showPrintsCanonicalJson();
    void updateRewritesAtomicallyAndRefusesBrokenFiles();
    void initDefaults();
    void questionnaireThroughStdin_data();
    void questionnaireThroughStdin();
    void questionnaireReasksBadAnswers();
    void questionnaireEndOfInputWritesNothing();
    void launchDryRunJson();
    void launchDryRunShell();
    void launchRefusesBadFlags();
    void envReports();
    void usage();
    void helpForEveryCommand_data();
    void helpForEveryCommand();
    void launchHelpListsEveryFlag();
    void versions();
};

// A postgresql:// run database that cannot be reached: every command says so, naming the server without its
// password, and makes no file or folder (out of the URL, "postgresql:/...", nor a run folder for nothing).
void TestCli::serverUrlIsNeverTakenForAFile() {
    QTemporaryDir cwd;
    QFile script(cwd.filePath(u"t.py"_s));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("print(1)\n");
    script.close();
    const QString url = u"postgresql://ml:s3cret@127.0.0.1:5/runs"_s;
    const QMap<QString, QString> env{{u"TRAINYARD_DB"_s, url}, {u"XDG_DATA_HOME"_s, cwd.filePath(u"data"_s)}};
    const QList<QStringList> commands{{u"runs"_s, u"list"_s},
                                      {u"runs"_s, u"show"_s, u"1"_s},
                                      {u"queue"_s, u"list"_s},
                                      {u"queue"_s, u"run"_s, u"--until-empty"_s},
                                      {u"queue"_s, u"add"_s, u"t.py"_s},
                                      {u"launch"_s, u"--cpu"_s, u"t.py"_s}};
    for (const QStringList &command : commands) {
        const Result r = run(command, {}, cwd.path(), env);
        QVERIFY2(r.exitCode == 1, qPrintable(command.join(u' ') + u": "_s + r.err));
        QVERIFY2(r.err.contains(u"cannot connect to postgresql://ml:***@127.0.0.1:5/runs"_s) &&
                     !r.err.contains(u"s3cret"_s) && r.err.count(u"postgresql://"_s) == 1,
                 qPrintable(command.join(u' ') + u": "_s + r.err));
    }
    QStringList made;
    QDirIterator it(cwd.path(), QDir::AllEntries | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        made << QDir(cwd.path()).relativeFilePath(it.next());
    QVERIFY2(made == QStringList{u"t.py"_s}, qPrintable(made.join(u", "_s)));
}

void TestCli::validateReportsAndExits() {
    const Result ok =
        run({u"config"_s, u"validate"_s, u"multi_gpu.yaml"_s, u"fsdp.yaml"_s}, {}, dataFile(u"configs"_s));
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out,
             u"fsdp.yaml:6:26: warning: TRANSFORMER_BASED_WRAP without fsdp_transformer_layer_cls_to_wrap "
             "relies on the model's _no_split_modules\n"_s);
    QVERIFY(ok.err.contains(u"2 file(s) checked: 0 error(s), 1 warning(s)"_s));
    const Result bad =
        run({u"config"_s, u"validate"_s, u"yaml11_traps.yaml"_s, u"tab.yaml"_s}, {}, dataFile(u"invalid"_s));
    QCOMPARE(bad.exitCode, 1);
    const QStringList lines = bad.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith(u"yaml11_traps.yaml:3:18: error: mixed_precision: unquoted no"_s));
    QVERIFY(lines[1].startsWith(u"yaml11_traps.yaml:5:10: error: gpu_ids: 1"_s));
    QVERIFY(lines[2].startsWith(u"tab.yaml:4:1: error: tab character"_s));
    QCOMPARE(run({u"config"_s, u"validate"_s}).exitCode, 2);
}

void TestCli::showPrintsCanonicalJson() {
    const Result r =
        run({u"config"_s, u"show"_s, dataFile(u"configs/legacy_fp16.yaml"_s), u"--format"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.toUtf8(), readAll(dataFile(u"configs/legacy_fp16.canonical.json"_s)));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(u"mixed_precision"_s).toString(), u"fp16"_s);
    QCOMPARE(o.value(u"dynamo_config"_s).toObject().value(u"dynamo_backend"_s).toString(), u"INDUCTOR"_s);
    QVERIFY(!o.contains(u"fp16"_s));
    const Result yaml = run({u"config"_s, u"show"_s, dataFile(u"configs/fsdp.yaml"_s)});
    QCOMPARE(yaml.out.toUtf8(), readAll(dataFile(u"configs/fsdp.canonical.yaml"_s)));
    const Result broken = run({u"config"_s, u"show"_s, dataFile(u"invalid/syntax.yaml"_s)});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY(broken.out.isEmpty());
    QVERIFY(broken.err.contains(u"syntax.yaml:3:8: error: YAML syntax error"_s));
}

void TestCli::updateRewritesAtomicallyAndRefusesBrokenFiles() {
    QTemporaryDir dir;
    const QString target = dir.filePath(u"legacy.yaml"_s);
    QVERIFY(QFile::copy(dataFile(u"configs/legacy_fp16.yaml"_s), target));
    const Result r = run({u"config"_s, u"update"_s, target});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readAll(target), readAll(dataFile(u"configs/legacy_fp16.canonical.yaml"_s)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"legacy.yaml"_s});
    // JSON stays JSON.
    const QString json = dir.filePath(u"c.json"_s);
    QVERIFY(QFile::copy(dataFile(u"configs/gpu_subset.json"_s), json));
    QFile::setPermissions(json, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(run({u"config"_s, u"update"_s, json}).exitCode, 1); // unknown key: refused, untouched
    QCOMPARE(readAll(json), readAll(dataFile(u"configs/gpu_subset.json"_s)));
    const QString broken = dir.filePath(u"traps.yaml"_s);
    QVERIFY(QFile::copy(dataFile(u"invalid/yaml11_traps.yaml"_s), broken));
    const Result refused = run({u"config"_s, u"update"_s, broken});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(u"not rewritten"_s));
    QCOMPARE(readAll(broken), readAll(dataFile(u"invalid/yaml11_traps.yaml"_s)));
}

void TestCli::initDefaults() {
    QTemporaryDir dir;
    const QString out = dir.filePath(u"default_config.yaml"_s);
    const Result r = run({u"config"_s, u"init"_s, u"--defaults"_s, u"-o"_s, out}, {}, {},
                         {{u"TRAINYARD_GPU_COUNT"_s, u"0"_s}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"configuration saved at "_s + out));
    const QString text = QString::fromUtf8(readAll(out));
    QVERIFY(text.contains(u"distributed_type: 'NO'\n"_s));
    QVERIFY(text.contains(u"use_cpu: true\n"_s));
    // accelerate config default refuses to overwrite; so does Trainyard, unless told.
    QCOMPARE(run({u"config"_s, u"init"_s, u"--defaults"_s, u"-o"_s, out}).exitCode, 1);
    const Result forced = run({u"config"_s, u"init"_s, u"--defaults"_s, u"--force"_s, u"-o"_s, out}, {}, {},
                              {{u"TRAINYARD_GPU_COUNT"_s, u"4"_s}});
    QCOMPARE(forced.exitCode, 0);
    QVERIFY(QString::fromUtf8(readAll(out)).contains(u"num_processes: 4\n"_s));
    // Without -o it goes where accelerate looks.
    QCOMPARE(run({u"config"_s, u"init"_s, u"--defaults"_s}).exitCode, 0);
    QVERIFY(QFile::exists(m_home.filePath(u"hf/accelerate/default_config.yaml"_s)));
}

void TestCli::questionnaireThroughStdin_data() {
    QTest::addColumn<QString>("gpus");
    QTest::addColumn<QString>("answers");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::addColumn<QString>("said"); // printed while asking
    QTest::newRow("multi-cpu")
        << u"0"_s << u"0\n1\n1\nno\nno\nno\n4\n0\n"_s
        << QStringList{u"distributed_type: MULTI_CPU"_s, u"num_processes: 4"_s,    u"use_cpu: true"_s,
                       u"mixed_precision: 'no'"_s,       u"downcast_bf16: 'no'"_s, u"tpu_env: []"_s}
        << QString();
    // FSDP1 on two GPUs: the chosen strategy is written where accelerate launch reads it, too.
    QTest::newRow("fsdp1")
        << u"2"_s
        << u"0\n4\n1\nno\nno\nno\nyes\n0\n1\nno\n0\nno\nLlamaDecoderLayer\n0\n2\nno\n\n\nno\n2\n2\n"_s
        << QStringList{u"distributed_type: FSDP"_s,
                       u"  fsdp_sharding_strategy: SHARD_GRAD_OP"_s,
                       u"  fsdp_reshard_after_forward: SHARD_GRAD_OP"_s,
                       u"  fsdp_transformer_layer_cls_to_wrap: LlamaDecoderLayer"_s,
                       u"  fsdp_state_dict_type: SHARDED_STATE_DICT"_s,
                       u"  fsdp_sync_module_states: true"_s,
                       u"  fsdp_version: 1"_s,
                       u"num_processes: 2"_s,
                       u"mixed_precision: bf16"_s}
        << u"Note: SHARD_GRAD_OP is also written as fsdp_sharding_strategy, the key accelerate launch reads"_s;
    QTest::newRow("single-gpu") << u"1"_s << u"0\n0\nno\nno\nno\n0\nno\n1\n"_s
                                << QStringList{u"distributed_type: 'NO'"_s, u"gpu_ids: '0'"_s,
                                               u"mixed_precision: fp16"_s, u"num_processes: 1"_s}
                                << QString();
    // fp8 through TransformerEngine: override_linear_precision is a list of three booleans, as accelerate
    // writes it, and the amax keys are the ones accelerate launch reads.
    QTest::newRow("fp8-te")
        << u"1"_s << u"0\n0\nno\nno\nno\n0\nno\n3\n1\nno\n\n\n0\n\n0\nyes\nyes\nno\nyes\n"_s
        << QStringList{u"mixed_precision: fp8"_s,
                       u"  backend: TE"_s,
                       u"  amax_history_len: 1024"_s,
                       u"  amax_compute_algo: max"_s,
                       u"  override_linear_precision:"_s,
                       u"  - true"_s,
                       u"  - false"_s}
        << u"Note: the answers are written as amax_history_len and amax_compute_algo, the keys "
           "accelerate launch reads"_s;
}

void TestCli::questionnaireThroughStdin() {
    QFETCH(QString, gpus);
    QFETCH(QString, answers);
    QFETCH(QStringList, expectedLines);
    QFETCH(QString, said);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"c.yaml"_s);
    const Result r =
        run({u"config"_s, u"init"_s, u"-o"_s, out}, answers.toUtf8(), {}, {{u"TRAINYARD_GPU_COUNT"_s, gpus}});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(said), qPrintable(r.out));
    const QStringList written = QString::fromUtf8(readAll(out)).split(u'\n');
    for (const QString &line : expectedLines)
        QVERIFY2(written.contains(line), qPrintable(line + u"\nnot in:\n"_s + written.join(u'\n')));
    // What the questionnaire writes validates cleanly.
    const Result v = run({u"config"_s, u"validate"_s, out}, {}, {}, {{u"TRAINYARD_GPU_COUNT"_s, gpus}});
    QVERIFY2(v.exitCode == 0 && v.out.isEmpty(), qPrintable(v.out));
}

void TestCli::questionnaireReasksBadAnswers() {
    QTemporaryDir dir;
    const QString out = dir.filePath(u"c.yaml"_s);
    // "seven" is not a number, 12 is not a menu entry, "maybe" is not yes or no.
    const Result r =
        run({u"config"_s, u"init"_s, u"-o"_s, out}, "0\n12\n1\nseven\n1\nmaybe\nno\nno\nno\n3\n0\n", {},
            {{u"TRAINYARD_GPU_COUNT"_s, u"0"_s}});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(u"Please enter a number between 0 and 10."_s));
    QVERIFY(r.out.contains(u"Please enter a whole number"_s));
    QVERIFY(r.out.contains(u"Please answer yes or no."_s));
    QVERIFY(QString::fromUtf8(readAll(out)).contains(u"num_processes: 3\n"_s));
    // On a machine with two GPUs, asking for four per machine is asked again.
    const Result gpu =
        run({u"config"_s, u"init"_s, u"-o"_s, dir.filePath(u"g.yaml"_s)},
            "0\n4\n1\nno\nno\nno\nno\nno\n4\n2\nall\nno\n0\n", {}, {{u"TRAINYARD_GPU_COUNT"_s, u"2"_s}});
    QVERIFY2(gpu.exitCode == 0, qPrintable(gpu.out + gpu.err));
    QVERIFY(gpu.out.contains(u"This machine has 2 GPUs"_s));
    QVERIFY(QString::fromUtf8(readAll(dir.filePath(u"g.yaml"_s))).contains(u"num_processes: 2\n"_s));
}

void TestCli::questionnaireEndOfInputWritesNothing() {
    QTemporaryDir dir;
    const QString out = dir.filePath(u"c.yaml"_s);
    const Result r =
        run({u"config"_s, u"init"_s, u"-o"_s, out}, "0\n1\n", {}, {{u"TRAINYARD_GPU_COUNT"_s, u"0"_s}});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"input ended"_s));
    QVERIFY(!QFile::exists(out));
}

void TestCli::launchDryRunJson() {
    const Result r = run({u"launch"_s, u"--config_file"_s, dataFile(u"configs/multi_cpu.yaml"_s),
                          u"--dry-run"_s, u"--json"_s, u"train.py"_s, u"--epochs"_s, u"2"_s});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &err).object();
    QCOMPARE(err.error, QJsonParseError::NoError);
    const QJsonArray ranks = o.value(u"ranks"_s).toArray();
    QCOMPARE(ranks.size(), 3);
    const QJsonObject r2 = ranks[2].toObject();
    QCOMPARE(r2.value(u"rank"_s).toInt(), 2);
    QCOMPARE(r2.value(u"argv"_s).toArray().at(0).toString(), u"python3"_s);
    QCOMPARE(r2.value(u"env"_s).toObject().value(u"WORLD_SIZE"_s).toString(), u"3"_s);
    QCOMPARE(r2.value(u"env"_s).toObject().value(u"ACCELERATE_USE_CPU"_s).toString(), u"True"_s);
    const Result bad = run({u"launch"_s, u"--config_file"_s, dataFile(u"invalid/yaml11_traps.yaml"_s),
                            u"--dry-run"_s, u"--json"_s, u"train.py"_s});
    QCOMPARE(bad.exitCode, 1);
    const QJsonObject b = QJsonDocument::fromJson(bad.out.toUtf8()).object();
    QVERIFY(b.value(u"ranks"_s).toArray().isEmpty());
    QVERIFY(b.value(u"errors"_s).toArray().first().toString().contains(u"yaml11_traps.yaml:3:18: error"_s));
}

void TestCli::launchDryRunShell() {
    const Result r =
        run({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--dry-run"_s, u"train.py"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"#!/bin/sh"_s));
    QCOMPARE(r.out.count(u"python3 train.py &"_s), 2);
}

void TestCli::launchRefusesBadFlags() {
    const Result r = run({u"launch"_s, u"--num_processes"_s, u"two"_s, u"t.py"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"'two' is not an integer"_s));
    // Numbers are range-checked with the flag named, before anything is planned or allocated.
    const QList<std::pair<QStringList, QString>> cases{
        {{u"--main_process_port"_s, u"70000"_s},
         u"--main_process_port: 70000 is out of range (0 to 65535)"_s},
        {{u"--main_process_port"_s, u"4294967297"_s}, u"--main_process_port: 4294967297 is out of range"_s},
        {{u"--num_processes"_s, u"2000000000"_s}, u"--num_processes: 2000000000 is out of range"_s},
        {{u"--num_processes"_s, u"99999999999999999999"_s}, u"is not an integer"_s},
        {{u"--grace"_s, u"1e10"_s}, u"--grace: 1e10 is out of range"_s},
        {{u"--grace"_s, u"nan"_s}, u"--grace: 'nan' is not a number"_s},
        {{u"--machine_rank"_s, u"-1"_s}, u"--machine_rank: -1 is out of range"_s},
    };
    for (const auto &[flags, message] : cases) {
        const Result bad =
            run(QStringList{u"launch"_s, u"--cpu"_s, u"--dry-run"_s} + flags + QStringList{u"t.py"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(message), qPrintable(bad.err));
    }
}

void TestCli::envReports() {
    const Result r = run({u"env"_s}, {}, {}, {{u"TRAINYARD_GPU_COUNT"_s, u"3"_s}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"- GPUs: 3 (detected by TRAINYARD_GPU_COUNT)"_s));
    QVERIFY(r.out.contains(u"- Default config: "_s));
}

void TestCli::usage() {
    const Result r = run({u"frobnicate"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"usage: trainyard"_s));
    QCOMPARE(run({u"--help"_s}).exitCode, 0);
}

void TestCli::helpForEveryCommand_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage"); // what the help must start with
    const QString t = u"usage: trainyard"_s;
    QTest::newRow("--help") << QStringList{u"--help"_s} << t + u" <command>"_s;
    QTest::newRow("-h") << QStringList{u"-h"_s} << t + u" <command>"_s;
    QTest::newRow("help") << QStringList{u"help"_s} << t + u" <command>"_s;
    QTest::newRow("help runs rm") << QStringList{u"help"_s, u"runs"_s, u"rm"_s} << t + u" runs rm"_s;
    for (const QString &sub : {u"init"_s, u"validate"_s, u"show"_s, u"update"_s})
        QTest::newRow(qPrintable(u"config "_s + sub))
            << QStringList{u"config"_s, sub, u"--help"_s} << t + u" config "_s + sub;
    QTest::newRow("config") << QStringList{u"config"_s, u"--help"_s} << t + u" config init|"_s;
    for (const QString &sub : {u"list"_s, u"show"_s, u"diff"_s, u"export"_s, u"import"_s, u"rm"_s})
        QTest::newRow(qPrintable(u"runs "_s + sub))
            << QStringList{u"runs"_s, sub, u"-h"_s} << t + u" runs "_s + sub;
    QTest::newRow("runs") << QStringList{u"runs"_s, u"--help"_s} << t + u" runs list|"_s;
    QTest::newRow("launch") << QStringList{u"launch"_s, u"--help"_s} << t + u" launch"_s;
    QTest::newRow("launch -h after flags")
        << QStringList{u"launch"_s, u"--cpu"_s, u"-h"_s} << t + u" launch"_s;
    QTest::newRow("estimate-memory") << QStringList{u"estimate-memory"_s, u"--help"_s}
                                     << t + u" estimate-memory"_s;
    QTest::newRow("env") << QStringList{u"env"_s, u"--help"_s} << t + u" env"_s;
}

void TestCli::helpForEveryCommand() {
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(usage), qPrintable(r.out.left(200)));
    QVERIFY(r.out.contains(u"Exit codes: 0 success, 1 failure"_s));
    QVERIFY(r.err.isEmpty());
}

void TestCli::launchHelpListsEveryFlag() {
    // Every flag of the one table, with its help text, under accelerate's groups; --help after the script is
    // the script's.
    const Result r = run({u"launch"_s, u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QStringList withoutHelp;
    for (const trainyard::LaunchFlagSpec &s : trainyard::launchFlagSpecs()) {
        if (trainyard::launchFlagHelp(s).isEmpty())
            withoutHelp << s.names.join(u", "_s);
        QVERIFY2(r.out.contains(u"  "_s + s.names.join(u", "_s)), qPrintable(s.names.join(u", "_s)));
    }
    QVERIFY2(withoutHelp.isEmpty(), qPrintable(withoutHelp.join(u' ')));
    for (const QString &group :
         {u"Hardware selection:"_s, u"DeepSpeed:"_s, u"FSDP:"_s, u"Trainyard's own:"_s})
        QVERIFY(r.out.contains(group));
    for (const QString &line : r.out.split(u'\n'))
        QVERIFY2(line.size() <= 100, qPrintable(line));
    const Result script = run({u"launch"_s, u"--cpu"_s, u"--dry-run"_s, u"--json"_s, u"--no_python"_s,
                               u"/bin/echo"_s, u"--help"_s});
    QCOMPARE(script.exitCode, 0);
    const QJsonArray argv = QJsonDocument::fromJson(script.out.toUtf8())
                                .object()[u"ranks"_s]
                                .toArray()[0]
                                .toObject()[u"argv"_s]
                                .toArray();
    QCOMPARE(argv.last().toString(), u"--help"_s);
}

void TestCli::versions() {
    const Result r = run({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), u"trainyard "_s + QStringLiteral(TRAINYARD_VERSION));
#ifdef TRAINYARD_STUDIO
    // The studio answers --help and --version without a display, and refuses unknown options with 2.
    QProcess studio;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    studio.setProcessEnvironment(env);
    studio.start(QStringLiteral(TRAINYARD_STUDIO), {u"--version"_s});
    QVERIFY(studio.waitForFinished(20000));
    QCOMPARE(studio.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(studio.readAllStandardOutput()).trimmed(),
             u"trainyard-studio "_s + QStringLiteral(TRAINYARD_VERSION));
    studio.start(QStringLiteral(TRAINYARD_STUDIO), {u"--help"_s});
    QVERIFY(studio.waitForFinished(20000));
    QCOMPARE(studio.exitCode(), 0);
    const QString help = QString::fromUtf8(studio.readAllStandardOutput());
    QVERIFY2(help.contains(u"--run <ID>"_s) && help.contains(u"--estimate <MODEL>"_s), qPrintable(help));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    studio.setProcessEnvironment(env);
    studio.start(QStringLiteral(TRAINYARD_STUDIO), {u"--frobnicate"_s});
    QVERIFY(studio.waitForFinished(20000));
    QCOMPARE(studio.exitCode(), 2);
#endif
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
