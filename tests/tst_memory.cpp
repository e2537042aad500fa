// The memory estimator: parameter counts of well-known models from their configs (checked against their
// published counts), accelerate's units and formatting, device maps worked by hand from accelerate's
// algorithm, safetensors headers valid and broken, and the CLI.
#include "memory/estimate.h"
#include "memory/model.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trainyard;
using namespace trainyard::memory;

namespace {

QString models() {
    return QStringLiteral(TRAINYARD_TEST_DATA) + u"/models"_s;
}

Module leaf(const QString &name, const QString &cls, qint64 params) {
    Module m{name, cls, {}, {}};
    m.tensors << Tensor{u"weight"_s, params, 32, false};
    return m;
}

// embed (100 params) | layers: 3 x Block (250 each, kept whole) | head (100), all float32.
Model toy(bool tiedHead) {
    Model m;
    m.root = Module{{}, u"Toy"_s, {}, {}};
    m.root.children << leaf(u"embed"_s, u"Embedding"_s, 100);
    Module layers{u"layers"_s, u"ModuleList"_s, {}, {}};
    for (int i = 0; i < 3; ++i)
        layers.children << leaf(u"layers.%1"_s.arg(i), u"Block"_s, 250);
    m.root.children << layers;
    if (tiedHead) {
        m.root.children << Module{u"head"_s, u"Linear"_s, {}, {}};
        m.tiedGroups << QStringList{u"embed.weight"_s, u"head.weight"_s};
    } else {
        m.root.children << leaf(u"head"_s, u"Linear"_s, 100);
    }
    m.noSplit = {u"Block"_s};
    m.numParameters = m.root.parameters();
    return m;
}

QString show(const DeviceMap &map) {
    QStringList parts;
    for (const auto &[k, v] : map)
        parts << (k.isEmpty() ? u"\"\""_s : k) + u'=' + v;
    return parts.join(u' ');
}

QByteArray safetensors(const QByteArray &header, qint64 dataBytes) {
    QByteArray out(8, '\0');
    const quint64 n = quint64(header.size());
    memcpy(out.data(), &n, 8);
    return out + header + QByteArray(dataBytes, '\x01');
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

} // namespace

class TestMemory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void publishedCounts_data();
    void publishedCounts();
    void unsupportedAndBrokenConfigs();
    void units_data();
    void units();
    void formatting();
    void manyEqualSiblingsArePlacedInOrder();
    void estimateTable();
    void sequentialDeviceMapByHand();
    void balancedDeviceMapByHand();
    void tiedWeightsStayTogether();
    void everythingFitsOnOneGpu();
    void seventyBillion();
    void safetensorsValid();
    void safetensorsBroken_data();
    void safetensorsBroken();
    void shardedIndex();
    void trainingTerms();
    void cli();
    void emptyNamePartsAreTheirOwnModules();
};

void TestMemory::publishedCounts_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("count");
    QFile f(models() + u"/published.txt"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        QTest::newRow(parts[0].constData()) << QString::fromUtf8(parts[0]) << parts[1].toLongLong();
    }
}

void TestMemory::publishedCounts() {
    QFETCH(QString, model);
    QFETCH(qint64, count);
    Model m;
    Diagnostics errors;
    QVERIFY(loadModel(models() + u'/' + model, &m, &errors));
    QCOMPARE(m.numParameters, count);
    QCOMPARE(computeSizes(m, 32).at({}), count * 4);
    QCOMPARE(computeSizes(m, 16).at({}), count * 2);
}

void TestMemory::unsupportedAndBrokenConfigs() {
    QTemporaryDir dir;
    writeFile(dir.filePath(u"falcon.json"_s), R"({"model_type": "falcon", "hidden_size": 4544})");
    writeFile(dir.filePath(u"nohidden.json"_s),
              R"({"model_type": "llama", "vocab_size": 10, "intermediate_size": 8,
        "num_hidden_layers": 2, "num_attention_heads": 2})");
    writeFile(dir.filePath(u"broken.json"_s), R"({"model_type": "llama", )");
    Model m;
    Diagnostics e;
    QVERIFY(!modelFromConfig(dir.filePath(u"falcon.json"_s), &m, &e));
    QVERIFY2(e.first().format().contains(
                 u"model_type 'falcon' is not supported; Trainyard knows llama, mistral"_s),
             qPrintable(e.first().format()));
    e.clear();
    QVERIFY(!modelFromConfig(dir.filePath(u"nohidden.json"_s), &m, &e));
    QCOMPARE(e.first().field, u"hidden_size"_s);
    QVERIFY(e.first().format().startsWith(dir.filePath(u"nohidden.json"_s) +
                                          u": error: hidden_size is missing"_s));
    e.clear();
    QVERIFY(!modelFromConfig(dir.filePath(u"broken.json"_s), &m, &e));
    QVERIFY(e.first().message.contains(u"not a JSON object"_s));
    e.clear();
    QVERIFY(!loadModel(dir.filePath(u"nothing-here"_s), &m, &e));
    // A size no model has is refused before anything is built (1e9 layers once took 3.5 GB).
    writeFile(dir.filePath(u"huge.json"_s),
              R"({"model_type": "llama", "vocab_size": 10, "hidden_size": 8, "intermediate_size": 8,
        "num_hidden_layers": 1e9, "num_attention_heads": 2})");
    e.clear();
    QVERIFY(!modelFromConfig(dir.filePath(u"huge.json"_s), &m, &e));
    QCOMPARE(e.first().field, u"num_hidden_layers"_s);
    QVERIFY2(e.first().message.contains(u"at most 1024"_s), qPrintable(e.first().message));
    // Experts count across layers: 1e5 layers of 8 experts (3.1M tensors) once took over 10 s per estimate.
    writeFile(dir.filePath(u"experts.json"_s),
              R"({"model_type": "mixtral", "vocab_size": 10, "hidden_size": 8, "intermediate_size": 8,
        "num_hidden_layers": 1024, "num_attention_heads": 2, "num_local_experts": 64})");
    e.clear();
    QVERIFY(!modelFromConfig(dir.filePath(u"experts.json"_s), &m, &e));
    QCOMPARE(e.first().field, u"num_local_experts"_s);
    QVERIFY2(e.first().message.contains(u"65536 expert blocks; at most 2048"_s),
             qPrintable(e.first().message));
    // And the whole tree, whatever its family: 1024 layers of 2 experts are 13,312 tensors.
    writeFile(dir.filePath(u"tensors.json"_s),
              R"({"model_type": "mixtral", "vocab_size": 10, "hidden_size": 8, "intermediate_size": 8,
        "num_hidden_layers": 1024, "num_attention_heads": 2, "num_local_experts": 2})");
    e.clear();
    QVERIFY(!modelFromConfig(dir.filePath(u"tensors.json"_s), &m, &e));
    QVERIFY2(e.first().message.contains(u"would have 13315 tensors; at most 10000"_s),
             qPrintable(e.first().message));
    // The same bound for every architecture's layer count, and gpt2's n_inner is checked like any size.
    const QList<std::pair<QByteArray, QString>> bounded = {
        {R"({"model_type": "gpt2", "n_layer": 1e9})", u"n_layer"_s},
        {R"({"model_type": "t5", "vocab_size": 10, "d_model": 8, "d_ff": 8, "num_heads": 2, "num_layers": 1e9})",
         u"num_layers"_s},
        {R"({"model_type": "t5", "vocab_size": 10, "d_model": 8, "d_ff": 8, "num_heads": 2, "num_layers": 2,
             "num_decoder_layers": 1e9})",
         u"num_decoder_layers"_s},
        {R"({"model_type": "t5", "vocab_size": 10, "d_model": 8, "d_ff": 8, "num_heads": 2, "num_layers": 1000})",
         u"num_decoder_layers"_s},
        {R"({"model_type": "gpt2", "n_inner": 1e300})", u"n_inner"_s}};
    for (const auto &[json, field] : bounded) {
        writeFile(dir.filePath(u"bounded.json"_s), json);
        e.clear();
        QVERIFY2(!modelFromConfig(dir.filePath(u"bounded.json"_s), &m, &e), json.constData());
        QCOMPARE(e.first().field, field);
        QVERIFY2(e.first().message.contains(u"at most"_s), qPrintable(e.first().message));
    }
}

void TestMemory::units_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("GiB") << u"1GiB"_s << qint64(1073741824);
    QTest::newRow("GB") << u"1GB"_s << qint64(1000000000);
    QTest::newRow("MiB") << u"512MiB"_s << qint64(536870912);
    QTest::newRow("KB") << u"10KB"_s << qint64(10000);
    QTest::newRow("bits") << u"5Gb"_s << qint64(625000000);
    QTest::newRow("fraction") << u"1.5GiB"_s << qint64(1610612736);
    QTest::newRow("bare number") << u"1000"_s << qint64(-1);
    QTest::newRow("unknown unit") << u"3 parsecs"_s << qint64(-1);
}

void TestMemory::units() {
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QString error;
    const auto v = parseSize(text, &error);
    if (bytes < 0) {
        QVERIFY(!v);
        QVERIFY(error.contains(text));
    } else {
        QCOMPARE(v.value_or(-1), bytes);
    }
    const auto mm = parseMaxMemory(u"cpu=64GiB,1=8GiB,0=8GB,disk=1TB"_s, &error);
    QVERIFY(mm);
    QCOMPARE(mm->devices.size(), 4);
    QCOMPARE(mm->devices[0].first, u"0"_s); // GPUs sorted, then cpu, then disk
    QCOMPARE(mm->devices[2].first, u"cpu"_s);
    QVERIFY(!parseMaxMemory(u"tpu=8GiB"_s, &error));
}

void TestMemory::formatting() {
    QCOMPARE(formatBytes(1023), u"1023 bytes"_s);
    QCOMPARE(formatBytes(1024), u"1.0 KiB"_s);
    QCOMPARE(formatBytes(1536), u"1.5 KiB"_s);
    QCOMPARE(formatBytes(7e9), u"6.52 GiB"_s);         // 7 GB; accelerate prints this figure as "6.52 GB"
    QCOMPARE(formatBytes(6.74e9 * 4), u"25.11 GiB"_s); // issue 28, item 4: 6.74 B fp32 parameters
    QCOMPARE(formatBytes(double(qint64(1) << 50)), u"1.0 PiB"_s);
}

void TestMemory::estimateTable() {
    Model m;
    Diagnostics e;
    QVERIFY(loadModel(models() + u"/gpt2"_s, &m, &e));
    const QList<DtypeRow> rows = memory::estimateTable(m, {u"float32"_s, u"float16"_s, u"int8"_s, u"int4"_s});
    QCOMPARE(rows[0].totalBytes, qint64(124439808) * 4);
    QCOMPARE(rows[1].totalBytes, qint64(124439808) * 2);
    QCOMPARE(rows[3].totalBytes, qint64(124439808) / 2);
    QCOMPARE(rows[0].trainingAdamBytes, qint64(124439808) * 16); // 4 x the float32 size
    QCOMPARE(rows[1].trainingAdamBytes, qint64(124439808) * 8);  // 2 x the float32 size
    QCOMPARE(rows[2].trainingAdamBytes, qint64(-1));             // N/A
    // The largest layer is the (tied) token embedding: 50257 x 768 floats.
    const LargestLayer l = largestLayer(m, computeSizes(m, 32));
    QCOMPARE(l.bytes, qint64(50257) * 768 * 4);
    QCOMPARE(l.names, QStringList{u"transformer.wte"_s});
}

void TestMemory::sequentialDeviceMapByHand() {
    // Worked through accelerate's infer_auto_device_map by hand (the steps are in this file's history):
    // GPU 0 keeps room for the largest layer (a 1000-byte Block), so only `embed` fits there; blocks fill GPU
    // 1; the rest goes to the CPU.
    MaxMemory m;
    m.devices = {{u"0"_s, 2000}, {u"1"_s, 2000}, {u"cpu"_s, 10000}};
    QCOMPARE(show(inferAutoDeviceMap(toy(false), m, 32)),
             u"embed=0 layers.0=1 layers.1=1 layers.2=cpu head=cpu"_s);
}

void TestMemory::balancedDeviceMapByHand() {
    // get_balanced_memory: 3800 bytes // 2 GPUs = 1900, plus 1.25 x max(first Block 1000, mean leaf 760) =
    // 1250: GPU 0 is capped at 3150 (the last GPU keeps its own limit).
    MaxMemory m;
    m.devices = {{u"0"_s, 10000}, {u"1"_s, 10000}, {u"cpu"_s, 100000}};
    const MaxMemory balanced = balancedMemory(toy(false), m, 32, false);
    QCOMPARE(balanced.of(u"0"_s), qint64(3150));
    QCOMPARE(balanced.of(u"1"_s), qint64(10000));
    QCOMPARE(show(deviceMap(toy(false), m, 32, u"balanced"_s)),
             u"embed=0 layers.0=0 layers.1=1 layers.2=1 head=1"_s);
    // balanced_low_0: GPU 0 gets what the others leave: max(0, 3800 - 10000) = 0.
    QCOMPARE(balancedMemory(toy(false), m, 32, true).of(u"0"_s), qint64(0));
}

void TestMemory::tiedWeightsStayTogether() {
    MaxMemory m;
    m.devices = {{u"0"_s, 2000}, {u"1"_s, 2000}, {u"cpu"_s, 10000}};
    const DeviceMap map = inferAutoDeviceMap(toy(true), m, 32);
    QString embed, head;
    for (const auto &[k, v] : map) {
        if (k == u"embed"_s)
            embed = v;
        if (k == u"head"_s)
            head = v;
    }
    QVERIFY2(!embed.isEmpty() && embed == head, qPrintable(show(map)));
}

void TestMemory::everythingFitsOnOneGpu() {
    MaxMemory m;
    m.devices = {{u"0"_s, 1000000}, {u"cpu"_s, 1000000}};
    QCOMPARE(show(deviceMap(toy(false), m, 32, u"sequential"_s)), u"\"\"=0"_s);
    // Nothing fits anywhere but the disk.
    MaxMemory tiny;
    tiny.devices = {{u"0"_s, 10}, {u"cpu"_s, 10}};
    QCOMPARE(show(inferAutoDeviceMap(toy(false), tiny, 32)), u"\"\"=disk"_s);
}

// A checkpoint of 20,000 equal tensors side by side (every one a "largest layer"): each is placed once, in
// order, filling GPU 0 before GPU 1 (the placement used to scan every largest-layer name per tensor).
void TestMemory::manyEqualSiblingsArePlacedInOrder() {
    QList<SafetensorsTensor> tensors;
    for (int i = 0; i < 20000; ++i)
        tensors << SafetensorsTensor{u"w%1"_s.arg(i, 5, 10, QLatin1Char('0')), u"F32"_s, {256}};
    Model m;
    Diagnostics e;
    QVERIFY(modelFromTensors(tensors, u"siblings.safetensors"_s, &m, &e));
    MaxMemory mm;
    mm.devices.append({u"0"_s, qint64(10000) * 1024}); // room for about 9,000 of the 1 KiB tensors
    mm.devices.append({u"1"_s, qint64(10000) * 1024});
    mm.devices.append({u"cpu"_s, qint64(1) << 40});
    const DeviceMap map = deviceMap(m, mm, 32, u"auto"_s);
    QCOMPARE(map.size(), qsizetype(20000));
    QCOMPARE(map.first().first, u"w00000"_s);
    QCOMPARE(map.last().first, u"w19999"_s);
    QCOMPARE(map.first().second, u"0"_s);
    QCOMPARE(map.last().second, u"cpu"_s);
    // Devices in order: never back to an earlier one.
    QStringList order;
    for (const auto &[name, device] : map)
        if (order.isEmpty() || order.last() != device)
            order << device;
    QCOMPARE(order, (QStringList{u"0"_s, u"1"_s, u"cpu"_s}));
}

void TestMemory::seventyBillion() {
    Model m;
    Diagnostics e;
    QVERIFY(loadModel(models() + u"/llama-2-70b"_s, &m, &e));
    MaxMemory mm;
    for (int i = 0; i < 2; ++i)
        mm.devices.append(
            {QString::number(i), qint64(40) * 1024 * 1024 * 1024}); // 2 x 40 GiB < 138 GB in fp16
    mm.devices.append({u"cpu"_s, qint64(512) * 1024 * 1024 * 1024});
    const DeviceMap map = deviceMap(m, mm, 16, u"auto"_s);
    QSet<QString> devices;
    bool layersSplit = false;
    for (const auto &[k, v] : map) {
        devices.insert(v);
        // A decoder layer is never split: no key goes below model.layers.N.
        layersSplit = layersSplit || k.count(u'.') > 2;
    }
    QVERIFY(!layersSplit);
    QVERIFY2(devices.contains(u"0"_s) && devices.contains(u"1"_s) && devices.contains(u"cpu"_s),
             qPrintable(show(map)));
    QVERIFY(m.untiedHead);
    QCOMPARE(m.headParameters, qint64(8192) * 32000);
}

void TestMemory::safetensorsValid() {
    QTemporaryDir dir;
    const QByteArray header =
        R"({"__metadata__":{"format":"pt"},"a.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"b.bias":{"dtype":"BF16","shape":[4],"data_offsets":[24,32]}})";
    writeFile(dir.filePath(u"model.safetensors"_s), safetensors(header, 32));
    QList<SafetensorsTensor> ts;
    QString error;
    QVERIFY2(readSafetensorsHeader(dir.filePath(u"model.safetensors"_s), &ts, &error), qPrintable(error));
    QCOMPARE(ts.size(), 2);
    Model m;
    Diagnostics e;
    QVERIFY(loadModel(dir.path(), &m, &e));
    QCOMPARE(m.numParameters, 10);
    const Sizes own = computeSizes(m, 0);
    QCOMPARE(own.at(u"a.weight"_s), 24);
    QCOMPARE(own.at(u"b"_s), 8);
    QCOMPARE(computeSizes(m, 16).at({}), 20); // a target dtype never increases a size
}

void TestMemory::safetensorsBroken_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fault");
    const QByteArray ok = R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    QTest::newRow("too small") << QByteArray("abc") << u"header too small"_s;
    QByteArray huge(8, '\0');
    const quint64 big = 200'000'000;
    memcpy(huge.data(), &big, 8);
    QTest::newRow("header over the limit") << huge + QByteArray("{}") << u"header too large"_s;
    QByteArray longer(8, '\0');
    const quint64 n = 5000;
    memcpy(longer.data(), &n, 8);
    QTest::newRow("header longer than file") << longer + ok << u"truncated"_s;
    QTest::newRow("data truncated") << safetensors(ok, 4) << u"truncated"_s;
    QTest::newRow("not json") << safetensors("{oops", 0) << u"not valid JSON"_s;
    QTest::newRow("size mismatch") << safetensors(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})",
                                                  8)
                                   << u"which needs 12"_s;
    QTest::newRow("overlap")
        << safetensors(
               R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
               12)
        << u"overlaps"_s;
    QTest::newRow("gap")
        << safetensors(
               R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[12,20]}})",
               20)
        << u"gap"_s;
    QTest::newRow("unknown dtype") << safetensors(
                                          R"({"w":{"dtype":"F128","shape":[1],"data_offsets":[0,16]}})", 16)
                                   << u"unknown dtype 'F128'"_s;
    // 2^31 x 2^31 elements: the product overflows 64 bits in bytes (it was once reported as "0 bytes").
    QTest::newRow("shape overflows")
        << safetensors(R"({"w":{"dtype":"F32","shape":[2147483648,2147483648],"data_offsets":[0,0]}})", 0)
        << u"more elements than any file can hold"_s;
    QByteArray deep;
    for (int i = 0; i < 100; ++i)
        deep += "a.";
    QTest::newRow("name nested too deep")
        << safetensors(R"({")" + deep + R"(w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 4)
        << u"nests 101 levels deep; at most 64"_s;
    QTest::newRow("fractional dimension")
        << safetensors(R"({"w":{"dtype":"F32","shape":[2.5],"data_offsets":[0,10]}})", 10) << u"bad shape"_s;
}

void TestMemory::safetensorsBroken() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fault);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.safetensors"_s);
    writeFile(path, bytes);
    Model m;
    Diagnostics e;
    QVERIFY(!loadModel(path, &m, &e));
    QCOMPARE(e.size(), 1);
    QVERIFY2(e.first().format().startsWith(path + u": error: "_s), qPrintable(e.first().format()));
    QVERIFY2(e.first().message.contains(fault), qPrintable(e.first().message));
}

void TestMemory::shardedIndex() {
    QTemporaryDir dir;
    writeFile(
        dir.filePath(u"model-00001-of-00002.safetensors"_s),
        safetensors(R"({"model.embed.weight":{"dtype":"F16","shape":[10,4],"data_offsets":[0,80]}})", 80));
    writeFile(dir.filePath(u"model-00002-of-00002.safetensors"_s),
              safetensors(R"({"lm_head.weight":{"dtype":"F16","shape":[10,4],"data_offsets":[0,80]}})", 80));
    writeFile(
        dir.filePath(u"model.safetensors.index.json"_s),
        R"({"metadata":{"total_size":160},"weight_map":{"model.embed.weight":"model-00001-of-00002.safetensors","lm_head.weight":"model-00002-of-00002.safetensors"}})");
    Model m;
    Diagnostics e;
    QVERIFY2(loadModel(dir.path(), &m, &e), e.isEmpty() ? "" : qPrintable(e.first().format()));
    QCOMPARE(m.numParameters, 80);
    QCOMPARE(computeSizes(m, 0).at({}), 160);
}

void TestMemory::trainingTerms() {
    Model m;
    Diagnostics e;
    QVERIFY(loadModel(models() + u"/llama-2-7b"_s, &m, &e));
    TrainingSetup ddp;
    ddp.mixedPrecision = u"bf16"_s;
    ddp.gpus = 8;
    const TrainingEstimate a = estimateTraining(m, ddp);
    TrainingSetup fsdp = ddp;
    fsdp.strategy = u"FSDP"_s;
    const TrainingEstimate b = estimateTraining(m, fsdp);
    auto term = [](const TrainingEstimate &t, const QString &name) {
        for (const TrainingTerm &x : t.terms)
            if (x.name == name)
                return x.bytes;
        return qint64(-1);
    };
    const qint64 p = m.numParameters;
    // DDP with accelerate's bf16 (autocast): float32 weights and gradients, Adam's two moments.
    QCOMPARE(term(a, u"weights"_s), 4 * p);
    QCOMPARE(term(a, u"gradients"_s), 4 * p);
    QCOMPARE(term(a, u"optimizer states (Adam)"_s), 8 * p);
    QCOMPARE(term(a, u"fp32 master weights"_s), -1);
    // FSDP full shard over 8 GPUs: all three split eight ways, plus the gathered unit.
    QCOMPARE(term(b, u"weights"_s), 4 * p / 8);
    QCOMPARE(term(b, u"optimizer states (Adam)"_s), 8 * p / 8);
    // DeepSpeed ZeRO-2 with bf16: half weights on every GPU, fp32 master and moments split.
    TrainingSetup zero2 = ddp;
    zero2.strategy = u"DEEPSPEED"_s;
    zero2.zeroStage = 2;
    const TrainingEstimate c = estimateTraining(m, zero2);
    QCOMPARE(term(c, u"weights"_s), 2 * p);
    QCOMPARE(term(c, u"gradients"_s), 2 * p / 8);
    QCOMPARE(term(c, u"fp32 master weights"_s), 4 * p / 8);
    QVERIFY(term(b, u"gathered unit"_s) > 0);
    QVERIFY(b.total() < a.total());
    TrainingSetup ckpt = ddp;
    ckpt.activationCheckpointing = true;
    QVERIFY(term(estimateTraining(m, ckpt), u"activations"_s) < term(a, u"activations"_s));
}

void TestMemory::cli() {
    QProcess p;
    p.start(QStringLiteral(TRAINYARD_CLI),
            {u"estimate-memory"_s, models() + u"/llama-2-7b"_s, u"--json"_s, u"--max-memory"_s,
             u"0=16GiB,1=16GiB,cpu=64GiB"_s, u"--dtype"_s, u"float16"_s});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(qint64(o.value(u"parameters"_s).toDouble()), qint64(6738415616));
    QCOMPARE(qint64(o.value(u"dtypes"_s)
                        .toObject()
                        .value(u"float16"_s)
                        .toObject()
                        .value(u"total_bytes"_s)
                        .toDouble()),
             qint64(6738415616) * 2);
    const QJsonObject map = o.value(u"device_map"_s).toObject();
    QVERIFY(map.contains(u"model.embed_tokens"_s));
    QCOMPARE(map.value(u"model.embed_tokens"_s).toInt(-1), 0);
    QVERIFY(o.value(u"max_memory"_s).toObject().contains(u"cpu"_s));
    QVERIFY(o.value(u"training"_s).toObject().contains(u"per_gpu_bytes"_s));
    QProcess text;
    text.start(QStringLiteral(TRAINYARD_CLI), {u"estimate-memory"_s, models() + u"/gpt2"_s});
    QVERIFY(text.waitForFinished(60000));
    const QString out = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(out.contains(u"Memory Usage for loading"_s) && out.contains(u"│ float32 │"_s), qPrintable(out));
    QProcess bad;
    bad.start(QStringLiteral(TRAINYARD_CLI), {u"estimate-memory"_s, models() + u"/published.txt"_s});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
    QVERIFY(bad.readAllStandardError().contains("published.txt: error: not a JSON object"));
    // --strategies: the five strategies side by side for 8 GPUs; sharding shrinks what a GPU holds, offload
    // more so; a term a strategy does not have is "-".
    QProcess strategies;
    strategies.start(QStringLiteral(TRAINYARD_CLI),
                     {u"estimate-memory"_s, models() + u"/llama-2-7b"_s, u"--strategies"_s, u"--json"_s,
                      u"--num_processes"_s, u"8"_s, u"--mixed_precision"_s, u"bf16"_s, u"--max-memory"_s,
                      u"0=40GiB"_s});
    QVERIFY(strategies.waitForFinished(60000));
    QCOMPARE(strategies.exitCode(), 0);
    const QJsonObject so = QJsonDocument::fromJson(strategies.readAllStandardOutput()).object();
    QCOMPARE(so.value(u"gpus"_s).toInt(), 8);
    const QJsonArray list = so.value(u"strategies"_s).toArray();
    QCOMPARE(list.size(), 5);
    QMap<QString, double> total;
    for (const QJsonValue &v : list)
        total[v[u"label"_s].toString()] = v[u"per_gpu_bytes"_s].toDouble();
    QVERIFY(total[u"FSDP"_s] < total[u"DDP"_s]);
    QVERIFY(total[u"ZeRO-3"_s] < total[u"ZeRO-2"_s]);
    QVERIFY(total[u"FSDP + CPU offload"_s] < total[u"FSDP"_s]);
    // FSDP's CPU offload takes the sharded gradients to the CPU with the parameters.
    QCOMPARE(list.at(2)[u"terms"_s][u"gradients"_s].toDouble(), 0.0);
    QVERIFY(list.at(1)[u"terms"_s][u"gradients"_s].toDouble() > 0);
    QCOMPARE(list.at(0)[u"fits"_s].toBool(), false); // DDP of 7B does not fit 40 GiB
    QCOMPARE(list.at(4)[u"fits"_s].toBool(), true);
    QProcess table;
    table.start(QStringLiteral(TRAINYARD_CLI),
                {u"estimate-memory"_s, models() + u"/llama-2-7b"_s, u"--strategies"_s, u"--num_processes"_s,
                 u"8"_s, u"--mixed_precision"_s, u"bf16"_s});
    QVERIFY(table.waitForFinished(60000));
    const QString tableText = QString::fromUtf8(table.readAllStandardOutput());
    QVERIFY2(tableText.contains(u"FSDP + CPU offload"_s) && tableText.contains(u"ZeRO-3"_s) &&
                 tableText.contains(u"fp32 master weights"_s) &&
                 tableText.contains(QRegularExpression(u"│ +- +│"_s)),
             qPrintable(tableText));
}

void TestMemory::emptyNamePartsAreTheirOwnModules() {
    // A fuzzing find: ".x.w" (an empty first part) and "x.w" once shared the module index key of "x", so one
    // parent's child index was used on another's list. Each path is its own module now.
    auto tensor = [](const QString &name) {
        SafetensorsTensor t;
        t.name = name;
        t.dtype = u"F32"_s;
        t.shape = {2};
        return t;
    };
    Model m;
    Diagnostics errors;
    QVERIFY(modelFromTensors({tensor(u".x.w"_s), tensor(u"x.w"_s), tensor(u"x.v"_s), tensor(u"..y"_s)},
                             u"names.safetensors"_s, &m, &errors));
    QCOMPARE(m.numParameters, 8);
    QCOMPARE(m.root.children.size(), 2); // "" and "x"
    for (const Module &child : m.root.children) {
        if (child.name == u"x"_s)
            QCOMPARE(child.tensors.size(), 2); // w and v
        else
            QCOMPARE(child.children.size(), 2); // "x" (with w) and "" (with y), under the empty part
    }
}

QTEST_GUILESS_MAIN(TestMemory)
#include "tst_memory.moc"
