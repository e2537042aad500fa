// The config core, driven by the files in tests/data/: every config's diagnostics, canonical YAML and JSON,
// round trips, the YAML 1.1 resolver, file-level faults and atomic saves.
#include "config/accelerateconfig.h"
#include "config/questionnaire.h"
#include "config/yamlio.h"
#include "system/hardware.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace trainyard;

namespace {

QString dataDir(const QString &sub) {
    return QStringLiteral(TRAINYARD_TEST_DATA) + u'/' + sub;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

HardwareInfo twoGpus() {
    HardwareInfo hw;
    hw.cudaDevices = 2;
    hw.physicalCores = 8;
    hw.logicalCores = 16;
    return hw;
}

QStringList inputFiles(const QString &sub) {
    QStringList out;
    const QStringList all = QDir(dataDir(sub)).entryList(QDir::Files, QDir::Name);
    for (const QString &f : all)
        if (!f.endsWith(u".expected"_s) && !f.contains(u".canonical."_s))
            out << f;
    return out;
}

QString baseName(const QString &file) {
    return file.left(file.lastIndexOf(u'.'));
}

QString formatAll(const Diagnostics &ds) {
    QString out;
    for (const Diagnostic &d : ds)
        out += d.format() + u'\n';
    return out;
}

// Loads by the file name alone (diagnostics name the file as the user typed it).
AccelerateConfig loadData(const QString &sub, const QString &file) {
    const QString previous = QDir::currentPath();
    QDir::setCurrent(dataDir(sub));
    AccelerateConfig c = AccelerateConfig::load(file);
    QDir::setCurrent(previous);
    return c;
}

} // namespace

class TestConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void diagnostics_data();
    void diagnostics();
    void canonical_data();
    void canonical();
    void roundTrip_data() { canonical_data(); }
    void roundTrip();
    void yaml11Resolver_data();
    void yaml11Resolver();
    void duplicateKeysLastWins();
    void manyKeysAreReadAndTooManyAreNamed();
    void quotedStringsStayStrings();
    void yamlWriterQuotes_data();
    void yamlWriterQuotes();
    void everyEnumValue_data();
    void everyEnumValue();
    void fileFaults();
    void editKeepsUnknownKeysInPlace();
    void atomicSaveReplaces();
    void charactersOutsideTheBmpRoundTrip();
    void aliasBombAtTheLimitRoundTrips();
    void atomicSaveFailingMidwayKeepsOldFile();
    void defaultConfigPathFollowsAccelerate();
    void defaultsForThisMachine();
    void longKeysRoundTrip();
    void jsonSpecials();
};

void TestConfig::diagnostics_data() {
    QTest::addColumn<QString>("sub");
    QTest::addColumn<QString>("file");
    for (const QString &sub : {u"configs"_s, u"invalid"_s})
        for (const QString &f : inputFiles(sub))
            QTest::newRow(qPrintable(sub + u'/' + f)) << sub << f;
}

void TestConfig::diagnostics() {
    QFETCH(QString, sub);
    QFETCH(QString, file);
    const AccelerateConfig c = loadData(sub, file);
    const QString expected =
        QString::fromUtf8(readAll(dataDir(sub) + u'/' + baseName(file) + u".expected"_s));
    QCOMPARE(formatAll(c.diagnostics(twoGpus())), expected);
}

void TestConfig::canonical_data() {
    QTest::addColumn<QString>("file");
    for (const QString &f : inputFiles(u"configs"_s))
        QTest::newRow(qPrintable(f)) << f;
}

void TestConfig::canonical() {
    QFETCH(QString, file);
    const AccelerateConfig c = loadData(u"configs"_s, file);
    QVERIFY(c.isLoaded());
    const QString base = dataDir(u"configs"_s) + u'/' + baseName(file);
    QCOMPARE(QString::fromUtf8(c.canonicalText(Dialect::Yaml)),
             QString::fromUtf8(readAll(base + u".canonical.yaml"_s)));
    QCOMPARE(QString::fromUtf8(c.canonicalText(Dialect::Json)),
             QString::fromUtf8(readAll(base + u".canonical.json"_s)));
}

void TestConfig::roundTrip() {
    QFETCH(QString, file);
    const AccelerateConfig first = loadData(u"configs"_s, file);
    for (Dialect d : {Dialect::Yaml, Dialect::Json}) {
        const QString name = d == Dialect::Json ? u"again.json"_s : u"again.yaml"_s;
        const AccelerateConfig second = AccelerateConfig::fromBytes(first.canonicalText(d), name);
        QVERIFY2(second.loadDiagnostics().isEmpty(), qPrintable(formatAll(second.loadDiagnostics())));
        QCOMPARE(second.canonical(), first.canonical());
        QCOMPARE(second.canonicalText(d), first.canonicalText(d));
    }
    // Every key of the file (unknown ones included) survives, with its value, unless it is a legacy key that
    // accelerate itself migrates.
    const Value canonical = first.canonical();
    for (const MapEntry &e : first.document().entries()) {
        if (e.key == u"fp16"_s || e.key == u"dynamo_backend"_s || e.value.isNull() ||
            (e.value.isMap() && e.value.size() == 0))
            continue;
        QVERIFY2(canonical.contains(e.key), qPrintable(e.key));
        QCOMPARE(canonical.get(e.key), e.value);
    }
}

void TestConfig::yaml11Resolver_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("python");
    auto row = [](const char *t, const char *type, const char *py) {
        QTest::newRow(t) << QString::fromUtf8(t) << QString::fromUtf8(type) << QString::fromUtf8(py);
    };
    row("no", "boolean", "False");
    row("NO", "boolean", "False");
    row("No", "boolean", "False");
    row("yes", "boolean", "True");
    row("on", "boolean", "True");
    row("OFF", "boolean", "False");
    row("true", "boolean", "True");
    row("y", "string", "y"); // PyYAML's resolver does not take single letters
    row("1e8", "string", "1e8");
    row("1.0e+8", "number", "100000000.0");
    row("1.5", "number", "1.5");
    row("100000000", "integer", "100000000");
    row("0x1F", "integer", "31");
    row("017", "integer", "15");
    row("1_000", "integer", "1000");
    row("190:20:30", "integer", "685230");
    row("0,1", "string", "0,1");
    row("1", "integer", "1");
    row("~", "null", "None");
    row("null", "null", "None");
    row(".inf", "number", "inf");
    row("FULL_SHARD", "string", "FULL_SHARD");
}

void TestConfig::yaml11Resolver() {
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(QString, python);
    const Value v = resolvePlainScalar(text);
    QCOMPARE(v.typeName(), type);
    QCOMPARE(v.pythonStr(), python);
}

void TestConfig::duplicateKeysLastWins() {
    const ParseResult r =
        parseDocument("debug: false\nnum_processes: 1\ndebug: true\n", Dialect::Yaml, u"d.yaml"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.root.size(), 2);
    QCOMPARE(r.root.entries().front().key,
             u"debug"_s); // in the place of the first, as a Python dict keeps it
    QCOMPARE(r.root.get(u"debug"_s), Value::boolean(true));
}

// A file of many keys is read key by key (a duplicate found by a table, not by looking through the keys,
// which took 14 s for 200,000 keys); over the reader's limit, a file that is simply long is not called an
// alias bomb.
void TestConfig::manyKeysAreReadAndTooManyAreNamed() {
    QByteArray text = "num_processes: 1\n";
    for (int i = 0; i < 40000; ++i)
        text += "k" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
    text += "k7: seven\n";
    const ParseResult r = parseDocument(text, Dialect::Yaml, u"many.yaml"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.root.size(), 40001);
    QCOMPARE(r.root.entries()[8].key, u"k7"_s);
    QCOMPARE(r.root.get(u"k7"_s), Value::string(u"seven"_s));
    QCOMPARE(r.root.entries().back().key, u"k39999"_s);

    for (int i = 40000; i < 60000; ++i)
        text += "k" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
    const ParseResult over = parseDocument(text, Dialect::Yaml, u"many.yaml"_s);
    QVERIFY(!over.ok());
    const QString message = over.diagnostics.first().message;
    QVERIFY2(message.contains(u"more than 100000 keys and values"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"alias"_s), qPrintable(message));
    QCOMPARE(over.diagnostics.first().pos.line, 50000); // k49998: the document, num_processes, then 2 per key
}

void TestConfig::quotedStringsStayStrings() {
    const ParseResult r =
        parseDocument("a: 'no'\nb: \"1\"\nc: !!str 12\nd: no\n", Dialect::Yaml, u"q.yaml"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.root.get(u"a"_s), Value::string(u"no"_s));
    QCOMPARE(r.root.get(u"b"_s), Value::string(u"1"_s));
    QCOMPARE(r.root.get(u"c"_s), Value::string(u"12"_s));
    QCOMPARE(r.root.get(u"d"_s), Value::boolean(false));
    // In JSON, "1e8" and yes are what JSON says they are.
    const ParseResult j = parseDocument("{\"a\": 1e8, \"b\": \"yes\"}", Dialect::Json, u"q.json"_s);
    QVERIFY(j.ok());
    QCOMPARE(j.root.get(u"a"_s), Value::real(1e8));
    QCOMPARE(j.root.get(u"b"_s), Value::string(u"yes"_s));
}

void TestConfig::yamlWriterQuotes_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("written");
    QTest::newRow("no") << u"no"_s << u"x: 'no'\n"_s;
    QTest::newRow("NO") << u"NO"_s << u"x: 'NO'\n"_s;
    QTest::newRow("digits") << u"1"_s << u"x: '1'\n"_s;
    QTest::newRow("ids") << u"0,1"_s << u"x: 0,1\n"_s;
    QTest::newRow("1e8") << u"1e8"_s << u"x: 1e8\n"_s;
    QTest::newRow("empty") << u""_s << u"x: ''\n"_s;
    QTest::newRow("colon space") << u"a: b"_s << u"x: 'a: b'\n"_s;
    QTest::newRow("quote") << u"it's"_s << u"x: it's\n"_s;
    QTest::newRow("leading quote") << u"'a"_s << u"x: '''a'\n"_s;
    QTest::newRow("path") << u"/home/user/hostfile"_s << u"x: /home/user/hostfile\n"_s;
    QTest::newRow("tuple") << u"(false, false, false)"_s << u"x: (false, false, false)\n"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"x: \"a\\nb\"\n"_s;
    QTest::newRow("date") << u"2024-01-02"_s << u"x: '2024-01-02'\n"_s;
}

void TestConfig::yamlWriterQuotes() {
    QFETCH(QString, value);
    QFETCH(QString, written);
    Value m = Value::map();
    m.set(u"x"_s, Value::string(value));
    const QByteArray yaml = toYaml(m);
    QCOMPARE(QString::fromUtf8(yaml), written);
    // And it reads back as the same string.
    const ParseResult r = parseDocument(yaml, Dialect::Yaml, u"w.yaml"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.root.get(u"x"_s), Value::string(value));
}

void TestConfig::everyEnumValue_data() {
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    for (const FieldSpec &f : schema::fields()) {
        // compute_environment switches the whole schema; the SageMaker files in tests/data cover it.
        if (f.type != FieldType::Enum || !(f.kinds & Cluster) || f.key == u"compute_environment"_s)
            continue;
        for (const QString &c : f.choices)
            QTest::newRow(qPrintable(f.path() + u'=' + c)) << f.section << f.key << c << true;
        QTest::newRow(qPrintable(f.path() + u"=bogus"_s)) << f.section << f.key << u"bogus"_s << false;
    }
}

void TestConfig::everyEnumValue() {
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    // Quoted, so that NO or 1 stay strings, as `accelerate config` writes them.
    QByteArray text = "distributed_type: MULTI_GPU\nnum_processes: 2\n";
    const QByteArray line = key.toUtf8() + ": '" + value.toUtf8() + "'\n";
    if (section.isEmpty()) {
        if (key == u"distributed_type"_s)
            text = "num_processes: 8\nmain_process_ip: 10.0.0.1\nnum_machines: 2\n";
        text += line;
    } else {
        text += section.toUtf8() + ":\n  " + line;
    }
    const AccelerateConfig c = AccelerateConfig::fromBytes(text, u"enum.yaml"_s);
    const Diagnostics ds = c.diagnostics(twoGpus());
    const QString path = section.isEmpty() ? key : section + u'.' + key;
    bool enumError = false;
    for (const Diagnostic &d : ds)
        enumError = enumError || (d.isError() && d.message.contains(u"is not one of"_s));
    QVERIFY2(enumError == !valid, qPrintable(formatAll(ds)));
    if (!valid) {
        const FieldSpec *f = schema::find(section, key);
        QVERIFY(f);
        QVERIFY(formatAll(ds).contains(f->choices.join(u", "_s))); // the allowed values are listed
        QVERIFY(formatAll(ds).startsWith(u"enum.yaml:"_s));
    }
}

void TestConfig::fileFaults() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(u"empty.yaml"_s, {});
    write(u"binary.yaml"_s, QByteArray("distributed_type: NO\n\x00\x01\x02", 24));
    write(u"latin1.yaml"_s, "distributed_type: \xff\xfe\n");
    write(u"huge.yaml"_s, QByteArray(MaxConfigBytes + 10, '#'));
    const struct {
        const char *file;
        const char *fault;
    } cases[] = {{"empty.yaml", "file is empty"},
                 {"binary.yaml", "binary"},
                 {"latin1.yaml", "not valid UTF-8"},
                 {"huge.yaml", "larger than"},
                 {"missing.yaml", "no such file"}};
    for (const auto &c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.file));
        const AccelerateConfig config = AccelerateConfig::load(path);
        QVERIFY(!config.isLoaded());
        const Diagnostics ds = config.diagnostics(twoGpus());
        QCOMPARE(ds.size(), 1);
        QVERIFY(ds.first().isError());
        QVERIFY2(ds.first().format().startsWith(path + u':'), qPrintable(ds.first().format()));
        QVERIFY2(ds.first().message.contains(QString::fromLatin1(c.fault)), qPrintable(ds.first().message));
    }
    // A folder is not a config.
    QVERIFY(AccelerateConfig::load(dir.path()).loadDiagnostics().first().message.contains(u"folder"_s));
}

void TestConfig::editKeepsUnknownKeysInPlace() {
    AccelerateConfig c = AccelerateConfig::fromBytes("distributed_type: MULTI_GPU\nmy_team_note: keep "
                                                     "me\nnum_processes: 2\nfsdp_config:\n  fsdp_future: 3\n",
                                                     u"e.yaml"_s);
    c.document().set(u"num_processes"_s, Value::integer(4));
    const QByteArray text = toYaml(c.document(), false);
    QCOMPARE(QString::fromUtf8(text),
             u"distributed_type: MULTI_GPU\nmy_team_note: keep me\nnum_processes: 4\n"
             "fsdp_config:\n  fsdp_future: 3\n"_s);
}

void TestConfig::atomicSaveReplaces() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/c.yaml"_s);
    QString error;
    QVERIFY2(saveFileAtomically(path, "a: 1\n", &error), qPrintable(error));
    QVERIFY(saveFileAtomically(path, "a: 2\n", &error));
    QCOMPARE(readAll(path), QByteArray("a: 2\n"));
    QCOMPARE(QDir(dir.filePath(u"sub"_s)).entryList(QDir::Files).size(), 1); // no temporary left behind
}

void TestConfig::atomicSaveFailingMidwayKeepsOldFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"c.yaml"_s);
    QString error;
    const QByteArray old = "distributed_type: 'NO'\n";
    QVERIFY(saveFileAtomically(path, old, &error));
    // Let the kernel refuse every write past 64 KiB: the new file fails halfway through being written.
    const QByteArray big(1024 * 1024, 'x');
    struct rlimit saved {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = saved;
    limited.rlim_cur = 64 * 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
    const bool saved_ok = saveFileAtomically(path, big, &error);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!saved_ok);
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readAll(path), old);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"c.yaml"_s});
}

void TestConfig::defaultConfigPathFollowsAccelerate() {
    const QByteArray hf = qgetenv("HF_HOME");
    const QByteArray xdg = qgetenv("XDG_CACHE_HOME");
    qputenv("HF_HOME", "/x/hf");
    QCOMPARE(defaultConfigPath(), u"/x/hf/accelerate/default_config.yaml"_s);
    qunsetenv("HF_HOME");
    qputenv("XDG_CACHE_HOME", "/y");
    QCOMPARE(defaultConfigPath(), u"/y/huggingface/accelerate/default_config.yaml"_s);
    qunsetenv("XDG_CACHE_HOME");
    QCOMPARE(defaultConfigPath(), QDir::homePath() + u"/.cache/huggingface/accelerate/default_config.yaml"_s);
    if (!hf.isNull())
        qputenv("HF_HOME", hf);
    if (!xdg.isNull())
        qputenv("XDG_CACHE_HOME", xdg);
}

void TestConfig::defaultsForThisMachine() {
    HardwareInfo cpuOnly;
    const Value cpu = defaultConfigFor(cpuOnly);
    // What accelerate config default writes on a machine without accelerators.
    const QByteArray expected = "compute_environment: LOCAL_MACHINE\ndebug: false\ndistributed_type: 'NO'\n"
                                "downcast_bf16: false\nenable_cpu_affinity: false\nmachine_rank: 0\n"
                                "main_training_function: main\nmixed_precision: 'no'\nnum_machines: 1\n"
                                "num_processes: 1\nrdzv_backend: static\nsame_network: false\n"
                                "tpu_use_cluster: false\ntpu_use_sudo: false\nuse_cpu: true\n";
    QCOMPARE(QString::fromUtf8(toYaml(cpu)), QString::fromUtf8(expected));
    const Value gpus = defaultConfigFor(twoGpus());
    QCOMPARE(gpus.get(u"distributed_type"_s), Value::string(u"MULTI_GPU"_s));
    QCOMPARE(gpus.get(u"num_processes"_s), Value::integer(2));
    QCOMPARE(gpus.get(u"use_cpu"_s), Value::boolean(false));
}

void TestConfig::longKeysRoundTrip() {
    // Keys past YAML's 1024-character limit for implicit keys, and keys of unprintable characters (a fuzzer's
    // find): YAML writes them as explicit keys, JSON reads them as json.load does; both read back equal.
    Value doc = Value::map();
    doc.set(u"distributed_type"_s, Value::string(u"NO"_s));
    doc.set(QString(1500, u'k'), Value::integer(1));
    doc.set(u"a"_s + QString(300, QChar(0x7f)) + u"b"_s, Value::boolean(false));
    Value nested = Value::map();
    nested.set(u"x"_s, Value::integer(2));
    doc.set(QString(200, u'n'), nested);
    for (const Dialect dialect : {Dialect::Yaml, Dialect::Json}) {
        const QByteArray text = dialect == Dialect::Yaml ? toYaml(doc) : toJson(doc);
        const ParseResult back = parseDocument(text, dialect, u"long"_s);
        QVERIFY2(back.ok(), qPrintable(formatAll(back.diagnostics)));
        QCOMPARE(back.root.get(QString(1500, u'k')), Value::integer(1));
        QCOMPARE(back.root.get(u"a"_s + QString(300, QChar(0x7f)) + u"b"_s), Value::boolean(false));
        QCOMPARE(back.root.get(QString(200, u'n')).get(u"x"_s), Value::integer(2));
        QCOMPARE(dialect == Dialect::Yaml ? toYaml(back.root) : toJson(back.root), text);
    }
}

void TestConfig::jsonSpecials() {
    // json.dump writes NaN, Infinity and -Infinity and json.load reads them back (another fuzzing find: a
    // YAML .inf became JSON that Trainyard could not read); inside strings they stay text.
    const ParseResult r = parseDocument(
        R"({"distributed_type": "NO", "tpu_env": [Infinity, -Infinity, NaN], "s": "NaN Infinity"})",
        Dialect::Json, u"specials.json"_s);
    QVERIFY2(r.ok(), qPrintable(formatAll(r.diagnostics)));
    const Value env = r.root.get(u"tpu_env"_s);
    QCOMPARE(env.size(), 3);
    QCOMPARE(env.items()[0].toFloat(), INFINITY);
    QCOMPARE(env.items()[1].toFloat(), -INFINITY);
    QVERIFY(std::isnan(env.items()[2].toFloat()));
    QCOMPARE(r.root.get(u"s"_s), Value::string(u"NaN Infinity"_s));
    QCOMPARE(toJson(r.root).count("Infinity"), 3);                               // two numbers and the string
    QVERIFY(!parseDocument(R"({"a": inf})", Dialect::Json, u"bad.json"_s).ok()); // only json.load's spellings
}

// A character outside the BMP: canonical YAML writes it as PyYAML does (\\U and eight upper-case hex digits;
// a surrogate pair would not read back), JSON as json.dumps does (its surrogate pair); both read back.
void TestConfig::charactersOutsideTheBmpRoundTrip() {
    const AccelerateConfig c = AccelerateConfig::load(dataDir(u"fuzz/config"_s) + u"/non_bmp_key.yaml"_s);
    QVERIFY(c.isLoaded());
    const QByteArray yaml = c.canonicalText(Dialect::Yaml);
    QVERIFY2(yaml.contains("\"distr`ib_GPU\\U00091292_processes\": 3"), yaml.constData());
    const QByteArray json = c.canonicalText(Dialect::Json);
    QVERIFY2(json.contains("\"distr`ib_GPU\\uda04\\ude92_processes\": 3"), json.constData());
    for (const auto &[text, name] : {std::pair{yaml, u"c.yaml"_s}, std::pair{json, u"c.json"_s}}) {
        const AccelerateConfig again = AccelerateConfig::fromBytes(text, name);
        QVERIFY(again.isLoaded());
        QCOMPARE(again.canonicalText(Dialect::Yaml), yaml);
    }
    // Upper-case hex as PyYAML writes it, for a Latin-1 and a BMP character alike.
    const AccelerateConfig accents = AccelerateConfig::fromBytes(
        "compute_environment: LOCAL_MACHINE\nnote: \"\xc3\xa9\xe2\x82\xac\"\n", u"a.yaml"_s);
    QVERIFY(accents.canonicalText(Dialect::Yaml).contains("note: \"\\xE9\\u20AC\""));
}

// An alias bomb cut off at the reader's 100,000-value limit: its canonical text reads back to itself.
void TestConfig::aliasBombAtTheLimitRoundTrips() {
    const AccelerateConfig c =
        AccelerateConfig::load(dataDir(u"fuzz/config"_s) + u"/alias_expansion_slow.yaml"_s);
    QVERIFY(c.isLoaded());
    const QByteArray yaml = c.canonicalText(Dialect::Yaml);
    QVERIFY(yaml.size() > 256 * 1024);
    QCOMPARE(AccelerateConfig::fromBytes(yaml, u"c.yaml"_s).canonicalText(Dialect::Yaml), yaml);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
