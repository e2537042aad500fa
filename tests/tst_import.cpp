// The runs people already have: TensorBoard event files (every scalar encoding, hparams, nested logdirs, a
// damaged record mid-file, a truncated tail, a damaged length, a hostile length, a file still being written)
// and an MLflow file store made by hand in its documented layout, imported with `trainyard runs import`.
#include "processes.h"
#include "store.h"
#include "tensorboard.pb.h"
#include "tfevents.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <bit>
#include <cstring>

using namespace Qt::StringLiterals;
using Result = trainyard::test::CliResult;
namespace tb = trainyard::tb;

namespace {

QByteArray record(const std::string &data) {
    QByteArray out;
    const quint64 length = data.size();
    char head[8];
    for (int i = 0; i < 8; ++i)
        head[i] = char((length >> (8 * i)) & 0xff);
    out.append(head, 8);
    const quint32 lengthCrc = tb::maskedCrc(head, 8);
    out.append(reinterpret_cast<const char *>(&lengthCrc), 4); // little-endian machine
    out.append(data.data(), qsizetype(data.size()));
    const quint32 dataCrc = tb::maskedCrc(data.data(), data.size());
    out.append(reinterpret_cast<const char *>(&dataCrc), 4);
    return out;
}

std::string fileVersion() {
    tb::Event e;
    e.set_wall_time(1700000000.0);
    e.set_file_version("brain.Event:2");
    return e.SerializeAsString();
}

std::string simple(const std::string &tag, qint64 step, float value, double wall = 1700000000.5) {
    tb::Event e;
    e.set_wall_time(wall);
    e.set_step(step);
    auto *v = e.mutable_summary()->add_value();
    v->set_tag(tag);
    v->set_simple_value(value);
    return e.SerializeAsString();
}

// A scalar tensor as TF 2 writes it: the "scalars" plugin only with the tag's first value.
tb::Event tensorEvent(const std::string &tag, qint64 step, tb::DataType dtype, bool withPlugin) {
    tb::Event e;
    e.set_wall_time(1700000001.0 + double(step));
    e.set_step(step);
    auto *v = e.mutable_summary()->add_value();
    v->set_tag(tag);
    if (withPlugin)
        v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("scalars");
    v->mutable_tensor()->set_dtype(dtype);
    return e;
}

quint16 toHalf(float f) { // exact for the values used here
    const quint32 b = std::bit_cast<quint32>(f);
    const quint32 sign = (b >> 16) & 0x8000;
    const int exponent = int((b >> 23) & 0xff) - 127 + 15;
    return quint16(sign | quint32(exponent << 10) | ((b >> 13) & 0x3ff));
}

} // namespace

class TestImport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString db() const { return m_dir.filePath(u"db/trainyard.db"_s); }
    Result run(const QStringList &args) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, db());
        return trainyard::test::runCli(args, e);
    }
    void write(const QString &path, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    QJsonArray runs() {
        return QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array();
    }
    QJsonObject runNamed(const QString &name) {
        for (const QJsonValue &r : runs())
            if (r.toObject().value(u"name"_s).toString() == name)
                return QJsonDocument::fromJson(
                           run({u"runs"_s, u"show"_s, r.toObject().value(u"id"_s).toString(), u"--json"_s})
                               .out)
                    .object();
        return {};
    }
    // key -> "step:value" in order
    QMap<QString, QStringList> points(const QString &id) {
        QMap<QString, QStringList> out;
        const QList<QByteArray> lines =
            run({u"runs"_s, u"export"_s, id, u"--format"_s, u"csv"_s}).out.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> c = lines[i].split(',');
            if (c.size() == 6)
                out[QString::fromUtf8(c[2])] << QString::fromUtf8(c[3] + ':' + c[4]);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void crc();
    void everyScalarEncoding();
    void nestedLogdirIsOneRunPerFolder();
    void damagedRecordsAreSkippedAndTheRestKept();
    void hostileLengthsNeverAllocate();
    void aFileStillBeingWrittenIsReadWhenItGrows();
    void mlflowStore();
    void notAnImportableFolder();
};

void TestImport::crc() {
    // CRC-32C's check value, and TFRecord's mask of it.
    QCOMPARE(tb::crc32c("123456789", 9), 0xE3069283u);
    const quint32 c = 0xE3069283u;
    QCOMPARE(tb::maskedCrc("123456789", 9), ((c >> 15) | (c << 17)) + 0xa282ead8u);
}

void TestImport::everyScalarEncoding() {
    QByteArray file = record(fileVersion());
    file += record(simple("simple", 1, 0.25f));
    // float32 and float64 as tensor_content and as typed values; float16 and bfloat16 both ways.
    tb::Event e = tensorEvent("f32", 1, tb::DT_FLOAT, true);
    const float f = 1.5f;
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->set_tensor_content(&f, 4);
    file += record(e.SerializeAsString());
    e = tensorEvent("f32", 2, tb::DT_FLOAT, false);
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_float_val(2.5f);
    file += record(e.SerializeAsString());
    e = tensorEvent("f64", 1, tb::DT_DOUBLE, true);
    const double d = 0.1;
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->set_tensor_content(&d, 8);
    file += record(e.SerializeAsString());
    e = tensorEvent("f64", 2, tb::DT_DOUBLE, false);
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_double_val(0.2);
    file += record(e.SerializeAsString());
    e = tensorEvent("f16", 1, tb::DT_HALF, true);
    const quint16 h = toHalf(0.75f);
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->set_tensor_content(&h, 2);
    file += record(e.SerializeAsString());
    e = tensorEvent("f16", 2, tb::DT_HALF, false);
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_half_val(toHalf(-3.0f));
    file += record(e.SerializeAsString());
    e = tensorEvent("bf16", 1, tb::DT_BFLOAT16, true);
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_half_val(
        int(std::bit_cast<quint32>(1.25f) >> 16));
    file += record(e.SerializeAsString());
    // A histogram (plugin "histograms", shape [2, 3]) and a text tensor are not scalars.
    e = tensorEvent("histo", 1, tb::DT_DOUBLE, false);
    e.mutable_summary()->mutable_value(0)->mutable_metadata()->mutable_plugin_data()->set_plugin_name(
        "histograms");
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_double_val(7.0);
    file += record(e.SerializeAsString());
    e = tensorEvent("histo", 2, tb::DT_DOUBLE, false); // metadata only on the first: still a histogram
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_double_val(8.0);
    file += record(e.SerializeAsString());
    e = tensorEvent("matrix", 1, tb::DT_FLOAT, false);
    auto *shape = e.mutable_summary()->mutable_value(0)->mutable_tensor()->mutable_tensor_shape();
    shape->add_dim()->set_size(2);
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_float_val(1);
    e.mutable_summary()->mutable_value(0)->mutable_tensor()->add_float_val(2);
    file += record(e.SerializeAsString());
    // The hparams plugin's parameters.
    tb::Event hp;
    hp.set_wall_time(1700000000.25);
    auto *v = hp.mutable_summary()->add_value();
    v->set_tag("_hparams_/session_start_info");
    v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("hparams");
    tb::HParamsPluginData data;
    auto &hparams = *data.mutable_session_start_info()->mutable_hparams();
    hparams["lr"].set_number_value(0.001);
    hparams["optimizer"].set_string_value("adamw");
    hparams["amp"].set_bool_value(true);
    v->mutable_metadata()->mutable_plugin_data()->set_content(data.SerializeAsString());
    file += record(hp.SerializeAsString());
    const QString logdir = m_dir.filePath(u"encodings"_s);
    write(logdir + u"/events.out.tfevents.1700000000.host.1.1"_s, file);

    const Result r = run({u"runs"_s, u"import"_s, logdir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QJsonObject detail = runNamed(u"encodings"_s);
    QCOMPARE(detail.value(u"status"_s).toString(), u"imported"_s);
    QCOMPARE(detail.value(u"started"_s).toString(),
             QDateTime::fromMSecsSinceEpoch(1700000000250).toString(Qt::ISODate));
    const QJsonObject params = detail.value(u"params"_s).toObject();
    QCOMPARE(params.value(u"lr"_s).toString(), u"0.001"_s);
    QCOMPARE(params.value(u"optimizer"_s).toString(), u"adamw"_s);
    QCOMPARE(params.value(u"amp"_s).toString(), u"true"_s);
    const QMap<QString, QStringList> p = points(detail.value(u"id"_s).toString());
    QCOMPARE(p.keys(), (QStringList{u"bf16"_s, u"f16"_s, u"f32"_s, u"f64"_s, u"simple"_s}));
    QCOMPARE(p[u"simple"_s], QStringList{u"1:0.25"_s});
    QCOMPARE(p[u"f32"_s], (QStringList{u"1:1.5"_s, u"2:2.5"_s}));
    QCOMPARE(p[u"f64"_s], (QStringList{u"1:0.1"_s, u"2:0.2"_s})); // float64 kept exactly
    QCOMPARE(p[u"f16"_s], (QStringList{u"1:0.75"_s, u"2:-3"_s}));
    QCOMPARE(p[u"bf16"_s], QStringList{u"1:1.25"_s});
}

void TestImport::nestedLogdirIsOneRunPerFolder() {
    const QString logdir = m_dir.filePath(u"nested"_s);
    write(logdir + u"/events.out.tfevents.1.h.1.1"_s, record(fileVersion()) + record(simple("top", 0, 1)));
    write(logdir + u"/exp1/train/events.out.tfevents.1.h.2.1"_s,
          record(fileVersion()) + record(simple("loss", 0, 2)) + record(simple("loss", 1, 3)));
    // Two files in one folder (a restart): one run, in the writers' order.
    write(logdir + u"/exp1/val/events.out.tfevents.1.h.3.1"_s, record(simple("loss", 0, 4)));
    write(logdir + u"/exp1/val/events.out.tfevents.2.h.4.1"_s, record(simple("loss", 5, 5)));
    write(logdir + u"/exp1/notes.txt"_s, "not an event file");
    const Result r = run({u"runs"_s, u"import"_s, logdir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count("imported "), 3);
    const QJsonObject top = runNamed(u"nested"_s), train = runNamed(u"exp1/train"_s),
                      val = runNamed(u"exp1/val"_s);
    QVERIFY(!top.isEmpty() && !train.isEmpty() && !val.isEmpty());
    QCOMPARE(points(train.value(u"id"_s).toString())[u"loss"_s], (QStringList{u"0:2"_s, u"1:3"_s}));
    QCOMPARE(points(val.value(u"id"_s).toString())[u"loss"_s], (QStringList{u"0:4"_s, u"5:5"_s}));
    // One event file alone: a run named after its folder.
    const Result one = run({u"runs"_s, u"import"_s, logdir + u"/exp1/train/events.out.tfevents.1.h.2.1"_s});
    QVERIFY2(one.out.contains("imported 2 points"), one.out.constData());
}

void TestImport::damagedRecordsAreSkippedAndTheRestKept() {
    QByteArray file = record(fileVersion());
    QList<qsizetype> offsets;
    for (int i = 0; i < 10; ++i) {
        offsets << file.size();
        file += record(simple("loss", i, float(i)));
    }
    // Record 3's data fails its check; record 6's length fails its; the last record is cut off.
    file[offsets[3] + 14] = char(file[offsets[3] + 14] ^ 0x40);
    file[offsets[6] + 1] = char(file[offsets[6] + 1] ^ 0x01);
    file.chop(5);
    const QString path = m_dir.filePath(u"damaged/events.out.tfevents.1.h.1.1"_s);
    write(path, file);
    const Result r = run({u"runs"_s, u"import"_s, QFileInfo(path).absolutePath()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains(u"%1: offset %2: the record's data fails its check; skipped"_s.arg(path)
                                .arg(offsets[3])
                                .toUtf8()),
             r.err.constData());
    QVERIFY2(r.err.contains(
                 u"%1: offset %2: the record's length fails its check"_s.arg(path).arg(offsets[6]).toUtf8()),
             r.err.constData());
    QVERIFY2(
        r.err.contains(u"%1: offset %2: the last record is cut off"_s.arg(path).arg(offsets[9]).toUtf8()),
        r.err.constData());
    const QJsonObject detail = runNamed(u"damaged"_s);
    QCOMPARE(points(detail.value(u"id"_s).toString())[u"loss"_s],
             (QStringList{u"0:0"_s, u"1:1"_s, u"2:2"_s, u"4:4"_s, u"5:5"_s, u"7:7"_s, u"8:8"_s}));
}

void TestImport::hostileLengthsNeverAllocate() {
    // A valid header announcing 2^62 bytes, then nothing: waited for (a file still being written), never
    // read.
    char head[8];
    const quint64 huge = quint64(1) << 62;
    std::memcpy(head, &huge, 8);
    const quint32 crc = tb::maskedCrc(head, 8);
    QByteArray file = record(simple("before", 0, 1)) + QByteArray(head, 8) +
                      QByteArray(reinterpret_cast<const char *>(&crc), 4) + QByteArray(100, 'x');
    const QString path = m_dir.filePath(u"hostile/events.out.tfevents.1.h.1.1"_s);
    write(path, file);
    tb::EventFileReader reader(path);
    tb::EventData data;
    QStringList problems;
    QString error;
    QVERIFY(reader.poll(data, &problems, &error));
    QCOMPARE(data.scalars.size(), size_t(1));
    QCOMPARE(reader.tailBytes(), qint64(112));
    // Garbage only: no header anywhere, nothing read, no crash.
    write(m_dir.filePath(u"garbage/events.out.tfevents.1.h.1.1"_s), QByteArray(4096, '\xff'));
    const Result r = run({u"runs"_s, u"import"_s, m_dir.filePath(u"garbage"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no scalar in its event files; not imported"), r.err.constData());
}

void TestImport::aFileStillBeingWrittenIsReadWhenItGrows() {
    const QString path = m_dir.filePath(u"growing/events.out.tfevents.1.h.1.1"_s);
    const QByteArray first = record(fileVersion()) + record(simple("loss", 0, 1));
    const QByteArray second = record(simple("loss", 1, 2));
    write(path, first + second.left(7)); // a partial header
    tb::EventFileReader reader(path);
    tb::EventData data;
    QStringList problems;
    QVERIFY(reader.poll(data, &problems, nullptr));
    QCOMPARE(data.scalars.size(), size_t(1));
    QCOMPARE(reader.tailBytes(), qint64(7));
    write(path, first + second.left(20)); // a partial record
    QVERIFY(reader.poll(data, &problems, nullptr));
    QCOMPARE(data.scalars.size(), size_t(1));
    write(path, first + second);
    QVERIFY(reader.poll(data, &problems, nullptr));
    QCOMPARE(data.scalars.size(), size_t(2));
    QCOMPARE(data.scalars[1].step, 1);
    QCOMPARE(data.scalars[1].value, 2.0);
    QCOMPARE(reader.tailBytes(), qint64(0));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestImport::mlflowStore() {
    const QString store = m_dir.filePath(u"mlruns"_s);
    write(store + u"/0/meta.yaml"_s,
          "artifact_location: file:///x/mlruns/0\ncreation_time: 1700000000000\n"
          "experiment_id: '0'\nlast_update_time: 1700000000000\nlifecycle_stage: active\n"
          "name: Default\n");
    const QString run1 = store + u"/0/8f2a1c0d9e7b4a6f9c3d2e1f0a9b8c7d"_s;
    write(run1 + u"/meta.yaml"_s,
          "artifact_uri: file:///x/mlruns/0/8f2a1c0d9e7b4a6f9c3d2e1f0a9b8c7d/artifacts\nend_time: "
          "1700000600000\n"
          "entry_point_name: ''\nexperiment_id: '0'\nlifecycle_stage: active\n"
          "run_id: 8f2a1c0d9e7b4a6f9c3d2e1f0a9b8c7d\nrun_name: bright-fox-42\n"
          "run_uuid: 8f2a1c0d9e7b4a6f9c3d2e1f0a9b8c7d\nsource_name: ''\nsource_type: 4\nsource_version: ''\n"
          "start_time: 1700000000000\nstatus: 3\ntags: []\nuser_id: alice\n");
    write(
        run1 + u"/metrics/loss"_s,
        "1700000001000 0.9 0\n1700000002000 0.5 1\n1700000003000 nan 2\nbroken line\n1700000004000 0.25 3\n");
    write(run1 + u"/metrics/train/accuracy"_s, "1700000001000 0.5 10\n1700000002000 0.75 20\n");
    write(run1 + u"/metrics/old_style"_s, "1700000001000 7\n"); // before MLflow kept steps
    write(run1 + u"/params/lr"_s, "0.001");
    write(run1 + u"/params/optim/name"_s, "adamw");
    write(run1 + u"/tags/mlflow.runName"_s, "bright-fox-42");
    write(run1 + u"/tags/mlflow.user"_s, "alice");
    // A deleted run and the trash are not imported.
    write(store + u"/0/deadbeef/meta.yaml"_s, "run_id: deadbeef\nlifecycle_stage: deleted\nstart_time: 1\n");
    write(store + u"/0/deadbeef/metrics/loss"_s, "1 1 1\n");
    write(store + u"/.trash/1/meta.yaml"_s, "artifact_location: x\nname: trashed\n");
    // A second experiment; a run without run_name takes its mlflow.runName tag.
    write(store + u"/7/meta.yaml"_s, "artifact_location: file:///x/mlruns/7\nexperiment_id: '7'\n"
                                     "lifecycle_stage: active\nname: sweeps\n");
    write(store + u"/7/aaaa/meta.yaml"_s, "run_uuid: aaaa\nexperiment_id: '7'\nstart_time: 1700001000000\n"
                                          "end_time: null\nstatus: 1\nlifecycle_stage: active\n");
    write(store + u"/7/aaaa/tags/mlflow.runName"_s, "tagged-name");
    write(store + u"/7/aaaa/metrics/loss"_s, "1700001000000 1.5 0\n");

    const Result r = run({u"runs"_s, u"import"_s, store});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count("imported "), 2);
    QVERIFY2(
        r.err.contains(u"%1/metrics/loss:4: not \"TIMESTAMP VALUE STEP\"; line skipped"_s.arg(run1).toUtf8()),
        r.err.constData());
    const QJsonObject fox = runNamed(u"bright-fox-42"_s);
    QCOMPARE(fox.value(u"started"_s).toString(),
             QDateTime::fromMSecsSinceEpoch(1700000000000).toString(Qt::ISODate));
    QCOMPARE(fox.value(u"ended"_s).toString(),
             QDateTime::fromMSecsSinceEpoch(1700000600000).toString(Qt::ISODate));
    const QJsonObject params = fox.value(u"params"_s).toObject();
    QCOMPARE(params.value(u"lr"_s).toString(), u"0.001"_s);
    QCOMPARE(params.value(u"optim/name"_s).toString(), u"adamw"_s);
    const QMap<QString, QStringList> p = points(fox.value(u"id"_s).toString());
    QCOMPARE(p[u"loss"_s], (QStringList{u"0:0.9"_s, u"1:0.5"_s, u"2:nan"_s, u"3:0.25"_s}));
    QCOMPARE(p[u"train/accuracy"_s], (QStringList{u"10:0.5"_s, u"20:0.75"_s}));
    QCOMPARE(p[u"old_style"_s], QStringList{u"0:7"_s});
    QVERIFY(!runNamed(u"tagged-name"_s).isEmpty());
    QVERIFY(runNamed(u"deadbeef"_s).isEmpty());
    // Tags come along, with where the run came from.
    trainyard::StoreReader reader;
    QString error;
    QVERIFY2(reader.open(db(), &error), qPrintable(error));
    const auto row = reader.runByUid(fox.value(u"id"_s).toString());
    QVERIFY(row);
    const QMap<QString, QString> tags = reader.tags(row->id);
    QCOMPARE(tags.value(u"mlflow.user"_s), u"alice"_s);
    QCOMPARE(tags.value(u"mlflow.experiment"_s), u"Default"_s);
    QCOMPARE(tags.value(u"mlflow.status"_s), u"FINISHED"_s);
}

void TestImport::notAnImportableFolder() {
    QDir().mkpath(m_dir.filePath(u"empty/sub"_s));
    const Result r = run({u"runs"_s, u"import"_s, m_dir.filePath(u"empty"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("neither a TensorBoard logdir"), r.err.constData());
    const Result missing = run({u"runs"_s, u"import"_s, m_dir.filePath(u"nowhere"_s)});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("no such file or folder"));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
