// Metrics with no code change: scripts written against accelerate, transformers' Trainer, Lightning and a
// TensorBoard SummaryWriter (the stand-ins in tests/data/capture, with those libraries' signatures), none of
// them mentioning Trainyard, launched with 2 CPU ranks: every value at its step, the parameters, once. And
// the launcher following event files while a run writes them.
#include "processes.h"
#include "store.h"

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

using trainyard::test::SystemPython;
using Result = trainyard::test::CliResult;

namespace {
const QString Stubs = QStringLiteral(TRAINYARD_TEST_DATA "/capture");
const QString Scripts = QStringLiteral(TRAINYARD_TEST_DATA "/capture/scripts");

struct Point {
    qint64 step;
    double value;
};
} // namespace

class TestCapture : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_work;

    QString db() const { return m_dir.filePath(u"db/trainyard.db"_s); }

    QProcessEnvironment env(const QString &pythonPath = Stubs) const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, db());
        e.insert(u"HF_HOME"_s, m_dir.filePath(u"hf"_s));
        e.insert(u"PYTHONPATH"_s, pythonPath);
        e.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
        return e;
    }

    Result run(const QStringList &args, const QString &pythonPath = Stubs) {
        return trainyard::test::runCli(args, env(pythonPath), m_work);
    }

    // A launch with 2 CPU ranks in a fresh working directory; the new run's id, empty on failure.
    QString launch(const QStringList &flagsAndScript, const QString &pythonPath = Stubs) {
        m_work = m_dir.filePath(u"work-%1"_s.arg(++m_launches));
        QDir().mkpath(m_work);
        const Result r = run(QStringList{u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--python"_s,
                                         QString::fromLatin1(SystemPython)} +
                                 flagsAndScript,
                             pythonPath);
        if (r.exitCode != 0) {
            qWarning("launch failed: %s\n%s", r.out.constData(), r.err.constData());
            return QString();
        }
        return QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out)
            .array()
            .first()
            .toObject()
            .value(u"id"_s)
            .toString();
    }

    // "key@rank" -> points in order, from `runs export --format csv` (telemetry left out).
    QMap<QString, QList<Point>> points(const QString &id) {
        QMap<QString, QList<Point>> out;
        const Result csv = run({u"runs"_s, u"export"_s, id, u"--format"_s, u"csv"_s});
        const QList<QByteArray> lines = csv.out.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> c = lines[i].split(',');
            if (c.size() != 6 || c[2].startsWith("system/"))
                continue;
            out[QString::fromUtf8(c[2]) + u'@' + QString::fromUtf8(c[1])].append(
                Point{c[3].toLongLong(), c[4].toDouble()});
        }
        return out;
    }

    QJsonObject show(const QString &id) {
        return QJsonDocument::fromJson(run({u"runs"_s, u"show"_s, id, u"--json"_s}).out).object();
    }

    QList<trainyard::LogRow> logs(const QString &id, const QString &kind) {
        trainyard::StoreReader reader;
        QString error;
        if (!reader.open(db(), &error))
            return {};
        const auto row = reader.runByUid(id);
        return row ? reader.logs(row->id, kind) : QList<trainyard::LogRow>{};
    }

    int m_launches = 0;

private Q_SLOTS:
    void initTestCase();
    void accelerate_data();
    void accelerate();
    void trainer();
    void lightning_data();
    void lightning();
    void summaryWriter_data();
    void summaryWriter();
    void eightRanksFiftySeries();
    void noCapture();
    void eventFilesFollowedWhileTheRunGoes();
    void aFailureInsideTheHookNeverBreaksTheRank();
};

void TestCapture::initTestCase() {
    QVERIFY(m_dir.isValid());
    if (!QFile::exists(QString::fromLatin1(SystemPython)))
        QSKIP("python3 is not installed (scripts/install-deps.sh installs it)");
    // pytorch_lightning: the same stand-in under the older package name, as Lightning ships both.
    const QString pl = m_dir.filePath(u"pl"_s);
    QDirIterator it(Stubs + u"/lightning/pytorch"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        if (!from.endsWith(u".py"_s))
            continue;
        const QString to =
            pl + u"/pytorch_lightning/"_s + QDir(Stubs + u"/lightning/pytorch"_s).relativeFilePath(from);
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile in(from), out(to);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace("lightning.pytorch", "pytorch_lightning"));
    }
}

void TestCapture::accelerate_data() {
    QTest::addColumn<QString>("logWith");
    QTest::newRow("no tracker") << QString();
    // accelerate's TensorBoard tracker writes the same values through a SummaryWriter: once, not twice or
    // three times (the hook, the SummaryWriter hook, the launcher following its event files).
    QTest::newRow("tensorboard") << u"tensorboard"_s;
    // A TrainyardTracker given to accelerate: what accelerate hands it is the hook's already.
    QTest::newRow("TrainyardTracker") << u"trainyard"_s;
}

void TestCapture::accelerate() {
    QFETCH(QString, logWith);
    const QString id = launch({Scripts + u"/accelerate_train.py"_s, logWith});
    QVERIFY(!id.isEmpty());
    const QMap<QString, QList<Point>> p = points(id);
    // The main process only (Accelerator.log is on_main_process); strings and dicts skipped.
    QCOMPARE(p.keys(), (QStringList{u"accuracy@0"_s, u"loss@0"_s}));
    QCOMPARE(p[u"loss@0"_s].size(), 50);
    for (int step = 0; step < 50; ++step) {
        QCOMPARE(p[u"loss@0"_s][step].step, step);
        QCOMPARE(p[u"loss@0"_s][step].value, 1.0 / (step + 1));
        QCOMPARE(p[u"accuracy@0"_s][step].value, step / 50.0);
    }
    const QJsonObject detail = show(id);
    const QJsonObject params = detail.value(u"params"_s).toObject();
    QCOMPARE(params.value(u"lr"_s).toString(), u"0.01"_s);
    QCOMPARE(params.value(u"epochs"_s).toString(), u"3"_s);
    QCOMPARE(params.value(u"model"_s).toString(), u"mlp"_s);
    // The project given to init_trackers names the run, as TrainyardTracker's does.
    QVERIFY2(detail.value(u"name"_s).toString().startsWith(u"acc-project-"_s),
             qPrintable(detail.value(u"name"_s).toString()));
    QVERIFY(logs(id, u"capture"_s).size() >= (logWith == u"tensorboard"_s ? 1 : 0));
    for (const trainyard::LogRow &l : logs(id, u"capture"_s))
        QVERIFY2(!l.text.startsWith(u"error"_s), qPrintable(l.text));
}

void TestCapture::trainer() {
    const QString id = launch({Scripts + u"/trainer_train.py"_s, m_dir.filePath(u"trainer-out"_s)});
    QVERIFY(!id.isEmpty());
    const QMap<QString, QList<Point>> p = points(id);
    // What Trainer.log hands the callbacks, at state.global_step, on the world's process zero only; the
    // report_to=tensorboard callback's event files are not counted again.
    QCOMPARE(p.keys(), (QStringList{u"epoch@0"_s, u"eval_accuracy@0"_s, u"eval_loss@0"_s, u"grad_norm@0"_s,
                                    u"learning_rate@0"_s, u"loss@0"_s, u"total_flos@0"_s, u"train_loss@0"_s,
                                    u"train_runtime@0"_s}));
    QCOMPARE(p[u"loss@0"_s].size(), 10);
    for (int i = 0; i < 10; ++i) {
        const int step = 2 * (i + 1);
        QCOMPARE(p[u"loss@0"_s][i].step, step);
        QCOMPARE(p[u"loss@0"_s][i].value, 1.0 / (step - 1 + 1.0));
        QCOMPARE(p[u"learning_rate@0"_s][i].value, 0.001);
    }
    QCOMPARE(p[u"epoch@0"_s].size(), 12); // 10 training logs, the summary, the evaluation
    QCOMPARE(p[u"eval_loss@0"_s].size(), 1);
    QCOMPARE(p[u"eval_loss@0"_s][0].step, 20);
    QCOMPARE(p[u"eval_accuracy@0"_s][0].value, 0.875);
    QCOMPARE(p[u"total_flos@0"_s][0].value, 1e12); // before PrinterCallback pops it
    const QJsonObject params = show(id).value(u"params"_s).toObject();
    QCOMPARE(params.value(u"learning_rate"_s).toString(), u"0.001"_s);
    QCOMPARE(params.value(u"logging_steps"_s).toString(), u"2"_s);
    QCOMPARE(params.value(u"train_batch_size"_s).toString(), u"8"_s);
    QCOMPARE(params.value(u"hub_token"_s).toString(), u"<HUB_TOKEN>"_s); // as to_sanitized_dict masks it
}

void TestCapture::lightning_data() {
    QTest::addColumn<QString>("package");
    QTest::newRow("lightning") << u"lightning.pytorch"_s;
    QTest::newRow("pytorch_lightning") << u"pytorch_lightning"_s;
}

void TestCapture::lightning() {
    QFETCH(QString, package);
    const QString id =
        launch({Scripts + u"/lightning_train.py"_s, package}, Stubs + u':' + m_dir.filePath(u"pl"_s));
    QVERIFY(!id.isEmpty());
    const QMap<QString, QList<Point>> p = points(id);
    // What self.log / log_dict hand the loggers, at the step Lightning gives them, on global rank zero; the
    // default TensorBoardLogger's files are not counted again.
    QCOMPARE(p.keys(),
             (QStringList{u"a@0"_s, u"b@0"_s, u"epoch@0"_s, u"epoch_score@0"_s, u"train_loss@0"_s}));
    QCOMPARE(p[u"train_loss@0"_s].size(), 20);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(p[u"train_loss@0"_s][i].step, i + 1); // batches that stepped
        QCOMPARE(p[u"train_loss@0"_s][i].value, 1.0 / (i % 10 + 1));
        QCOMPARE(p[u"b@0"_s][i].value, 2.0 * (i % 10));
        QCOMPARE(p[u"epoch@0"_s][i].value, double(i / 10));
    }
    QCOMPARE(p[u"epoch_score@0"_s].size(), 2); // a "step" among the metrics is the step
    QCOMPARE(p[u"epoch_score@0"_s][1].step, 1);
    QCOMPARE(p[u"epoch_score@0"_s][1].value, 1.5);
    const QJsonObject params = show(id).value(u"params"_s).toObject();
    QCOMPARE(params.value(u"lr"_s).toString(), u"0.02"_s);
    QCOMPARE(params.value(u"hidden"_s).toString(), u"64"_s);
}

void TestCapture::summaryWriter_data() {
    QTest::addColumn<QString>("library");
    QTest::newRow("torch.utils.tensorboard") << u"torch"_s;
    QTest::newRow("tensorboardX") << u"tensorboardX"_s;
}

void TestCapture::summaryWriter() {
    QFETCH(QString, library);
    const QString id = launch({Scripts + u"/writer_train.py"_s, library});
    QVERIFY(!id.isEmpty());
    const QMap<QString, QList<Point>> p = points(id);
    // Every rank writes: each point carries its rank. add_scalars as main_tag/tag; add_hparams' metrics.
    QCOMPARE(p.keys(), (QStringList{u"hp/final@0"_s, u"hp/final@1"_s, u"loss@0"_s, u"loss@1"_s,
                                    u"lr/group0@0"_s, u"lr/group0@1"_s, u"lr/group1@0"_s, u"lr/group1@1"_s}));
    for (int rank = 0; rank < 2; ++rank) {
        const QString r = QString::number(rank);
        QCOMPARE(p[u"loss@"_s + r].size(), 30);
        for (int step = 0; step < 30; ++step) {
            QCOMPARE(p[u"loss@"_s + r][step].step, step);
            QCOMPARE(p[u"loss@"_s + r][step].value, rank + 1.0 / (step + 1));
            QCOMPARE(p[u"lr/group1@"_s + r][step].value, 0.2 * step);
        }
        QCOMPARE(p[u"hp/final@"_s + r].size(), 1);
        QCOMPARE(p[u"hp/final@"_s + r][0].value, 0.5 + rank);
    }
    const QJsonObject params = show(id).value(u"params"_s).toObject();
    QCOMPARE(params.value(u"lr"_s).toString(), u"0.1"_s);
    QCOMPARE(params.value(u"batch_size"_s).toString(), u"32"_s);
}

// A real shape: 8 ranks x 50 series x 100 steps through the hook (40,000 points), each once, each at its step
// and rank; the writers' own event files under the working directory are not counted again.
void TestCapture::eightRanksFiftySeries() {
    m_work = m_dir.filePath(u"work-8x50"_s);
    QDir().mkpath(m_work);
    const Result r = run({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"8"_s, u"--name"_s, u"eight"_s,
                          u"--python"_s, QString::fromLatin1(SystemPython), Scripts + u"/writer_many.py"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString id = QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out)
                           .array()
                           .first()
                           .toObject()
                           .value(u"id"_s)
                           .toString();
    const QMap<QString, QList<Point>> p = points(id);
    QCOMPARE(p.size(), 8 * 50);
    for (int rank = 0; rank < 8; ++rank)
        for (int k = 0; k < 50; ++k) {
            const QList<Point> &series = p[u"metric_%1@%2"_s.arg(k, 2, 10, QLatin1Char('0')).arg(rank)];
            QCOMPARE(series.size(), 100);
            for (int step = 0; step < 100; ++step) {
                QCOMPARE(series[step].step, step);
                QCOMPARE(series[step].value, rank * 1000 + k + step / 1000.0);
            }
        }
}

void TestCapture::noCapture() {
    const QString id = launch({u"--no-capture"_s, Scripts + u"/accelerate_train.py"_s});
    QVERIFY(!id.isEmpty());
    QVERIFY(points(id).isEmpty());
    QVERIFY(show(id).value(u"params"_s).toObject().isEmpty());
}

// With --no-capture nothing hooks the writer: the launcher reads its event files, while the run goes, as any
// framework's. Keys are the folder under the working directory and the tag; the pid in a file's name says
// whose rank it is.
void TestCapture::eventFilesFollowedWhileTheRunGoes() {
    m_work = m_dir.filePath(u"work-live"_s);
    QDir().mkpath(m_work);
    const QString marker = m_dir.filePath(u"go-on"_s);
    QProcess launcher;
    launcher.setProcessEnvironment(env());
    launcher.setWorkingDirectory(m_work);
    launcher.start(QStringLiteral(TRAINYARD_CLI),
                   {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--no-capture"_s, u"--name"_s,
                    u"live-tb"_s, u"--python"_s, QString::fromLatin1(SystemPython),
                    Scripts + u"/writer_train.py"_s, u"torch"_s, marker});
    QVERIFY(launcher.waitForStarted());
    // The first 10 steps of each rank show up while the ranks wait for the marker.
    QString id;
    QMap<QString, qint64> counts;
    const bool seen = trainyard::test::waitUntil(
        [&] {
            const QJsonArray runs =
                QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array();
            for (const QJsonValue &r : runs)
                if (r.toObject().value(u"name"_s).toString() == u"live-tb"_s)
                    id = r.toObject().value(u"id"_s).toString();
            if (id.isEmpty())
                return false;
            counts.clear();
            for (const QJsonValue &m : show(id).value(u"metrics"_s).toArray()) {
                const QJsonObject o = m.toObject();
                if (o.value(u"key"_s).toString().endsWith(u"/loss"_s))
                    counts[QString::number(o.value(u"rank"_s).toInt())] =
                        qint64(o.value(u"count"_s).toDouble());
            }
            return counts.value(u"0"_s) == 10 && counts.value(u"1"_s) == 10;
        },
        30000);
    QVERIFY2(seen, qPrintable(u"points seen while running: %1"_s.arg(counts.value(u"0"_s))));
    QCOMPARE(launcher.state(), QProcess::Running); // seen while it runs
    QFile(marker).open(QIODevice::WriteOnly);
    QVERIFY(launcher.waitForFinished(60000));
    QCOMPARE(launcher.exitCode(), 0);
    const QMap<QString, QList<Point>> p = points(id);
    QStringList lossKeys;
    for (const QString &k : p.keys())
        if (k.contains(u"/loss@"_s))
            lossKeys << k;
    QCOMPARE(lossKeys.size(), 2);
    for (const QString &k : lossKeys) {
        QVERIFY2(k.startsWith(u"runs/"_s), qPrintable(k)); // the writer's folder under the working directory
        QCOMPARE(p[k].size(), 30);
        const int rank = k.right(1).toInt();
        QCOMPARE(p[k][29].step, 29);
        QCOMPARE(p[k][29].value, double(float(rank + 1.0 / 30))); // stored as float32 in the file
    }
    // A second run in the same folder reads its own files, not the first run's (there before it started).
    const Result again = run({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--no-capture"_s,
                              u"--name"_s, u"again"_s, u"--python"_s, QString::fromLatin1(SystemPython),
                              Scripts + u"/writer_train.py"_s, u"torch"_s});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QString second = QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out)
                               .array()
                               .first()
                               .toObject()
                               .value(u"id"_s)
                               .toString();
    const QMap<QString, QList<Point>> q = points(second);
    QStringList secondLoss;
    for (const QString &k : q.keys())
        if (k.contains(u"/loss@"_s)) {
            secondLoss << k;
            QCOMPARE(q[k].size(), 30);
        }
    QCOMPARE(secondLoss.size(), 2);
    for (const QString &k : secondLoss)
        QVERIFY2(!lossKeys.contains(k), qPrintable(k)); // another writer folder, not the first run's
}

void TestCapture::aFailureInsideTheHookNeverBreaksTheRank() {
    m_work = m_dir.filePath(u"work-broken"_s);
    QDir().mkpath(m_work);
    QFile script(m_dir.filePath(u"broken.py"_s));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(R"(
from accelerate import Accelerator

class BadKey:
    def __str__(self):
        raise RuntimeError("no name for this key")

acc = Accelerator()
for step in range(5):
    acc.log({BadKey(): 1.0}, step=step)
    acc.log({"loss": 0.5 * step}, step=step)
print("done", acc.process_index)
)");
    script.close();
    const Result r = run({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--name"_s, u"broken"_s,
                          u"--python"_s, QString::fromLatin1(SystemPython), script.fileName()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("[rank 0] done 0"));
    const QString id = QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out)
                           .array()
                           .first()
                           .toObject()
                           .value(u"id"_s)
                           .toString();
    QCOMPARE(points(id).value(u"loss@0"_s).size(), 5);
    // Said once when it first happens, and the count at the end.
    QStringList errors;
    for (const trainyard::LogRow &l : logs(id, u"capture"_s))
        if (l.text.startsWith(u"error"_s))
            errors << l.text;
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors[0].contains(u"no name for this key"_s), qPrintable(errors[0]));
    QVERIFY2(errors[1].contains(u"5 failures"_s), qPrintable(errors[1]));
}

QTEST_GUILESS_MAIN(TestCapture)
#include "tst_capture.moc"
