// Metrics end to end: Python ranks launched by `trainyard launch` log through TrainyardTracker; `trainyard
// runs` lists, shows, exports, imports and removes runs.
#include "processes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using trainyard::test::SystemPython;
using Result = trainyard::test::CliResult;

class TestTracking : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString db() const { return m_dir.filePath(u"db/trainyard.db"_s); }

    Result run(const QStringList &args, const QString &cwd = {}, const QMap<QString, QString> &env = {}) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, db());
        e.insert(u"HF_HOME"_s, m_dir.filePath(u"hf"_s));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        return trainyard::test::runCli(args, e, cwd);
    }

    QString writeFile(const QString &name, const QByteArray &body) {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(name));
        f.write(body);
        return f.fileName();
    }

private Q_SLOTS:
    void initTestCase();
    void twoRanksLogEveryPointExactlyOnce();
    void runsAreNamedAfterTheProject();
    void offlineJsonlImports();
    void importRefusesBadLinesAndKeepsTheDatabase();
    void listShowsUnitsAndFitsLongNames();
    void listEmptyAndUnknownRun();
    void diffTwoRuns();
};

void TestTracking::initTestCase() {
    QVERIFY(m_dir.isValid());
    if (!QFile::exists(QString::fromLatin1(SystemPython)))
        QSKIP("python3 is not installed (scripts/install-deps.sh installs it)");
}

void TestTracking::twoRanksLogEveryPointExactlyOnce() {
    const QString script = writeFile(u"log100k.py"_s, R"(
import os
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker("hundred-k")
t.store_init_configuration({"lr": 0.001, "model": "mlp"})
rank = int(os.environ["RANK"])
for i in range(100000):
    t.log({"loss": rank + 1.0 / (i + 1)}, step=i)
t.finish()
print("done", rank, t.dropped)
)");
    const Result r = run({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--name"_s, u"hundred-k"_s,
                          u"--python"_s, QString::fromLatin1(SystemPython), script});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("[rank 0] done 0 0"));
    QVERIFY(r.out.contains("[rank 1] done 1 0"));
    const Result list = run({u"runs"_s, u"list"_s, u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run0 = runs[0].toObject();
    QCOMPARE(run0.value(u"name"_s).toString(), u"hundred-k"_s);
    QCOMPARE(run0.value(u"status"_s).toString(), u"finished"_s);
    const QString id = run0.value(u"id"_s).toString();
    const Result csv = run({u"runs"_s, u"export"_s, id, u"--format"_s, u"csv"_s});
    QCOMPARE(csv.exitCode, 0);
    const QList<QByteArray> lines = csv.out.split('\n');
    QCOMPARE(lines.first(), QByteArray("run,rank,key,step,value,wall_time"));
    QSet<QByteArray> seen;
    int rows = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QList<QByteArray> cols = lines[i].split(',');
        QCOMPARE(cols.size(), 6);
        if (cols[2].startsWith("system/"))
            continue; // the launcher's telemetry of a rank that ran for more than a second or two
        QCOMPARE(cols[2], QByteArray("loss"));
        const QByteArray rankStep = cols[1] + '/' + cols[3];
        QVERIFY2(!seen.contains(rankStep), rankStep.constData()); // exactly once
        seen.insert(rankStep);
        ++rows;
    }
    QCOMPARE(rows, 200000);
    for (int rank = 0; rank < 2; ++rank)
        for (int step : {0, 1, 50000, 99999})
            QVERIFY(seen.contains(QByteArray::number(rank) + '/' + QByteArray::number(step)));
    const Result show = run({u"runs"_s, u"show"_s, id, u"--json"_s});
    const QJsonObject detail = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(detail.value(u"params"_s).toObject().value(u"model"_s).toString(), u"mlp"_s);
    QCOMPARE(detail.value(u"params"_s).toObject().value(u"lr"_s).toString(), u"0.001"_s);
    int lossSeries = 0; // a rank per series; the launcher's system/ telemetry of a slow rank aside
    for (const QJsonValue &m : detail.value(u"metrics"_s).toArray())
        lossSeries += m[u"key"_s].toString() == u"loss"_s ? 1 : 0;
    QCOMPARE(lossSeries, 2);
    // rm removes the run and its folder.
    const QString folder = detail.value(u"run_dir"_s).toString();
    QVERIFY(QFileInfo(folder).isDir());
    QCOMPARE(run({u"runs"_s, u"rm"_s, id}).exitCode, 0);
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array().size(), 0);
}

// Without --name a run is called after the tracker's project (TrainyardTracker("my-project")), else after its
// script, with the run id's last four characters either way; --name wins over both.
void TestTracking::runsAreNamedAfterTheProject() {
    const QString script = writeFile(u"project.py"_s, R"(
import sys
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker(sys.argv[1]) if sys.argv[1] else TrainyardTracker()
t.log({"loss": 1.0}, step=0)
t.finish()
)");
    const auto launchedName = [&](const QStringList &flags, const QString &project) -> QString {
        const Result r = run(QStringList{u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s} + flags +
                             QStringList{u"--python"_s, QString::fromLatin1(SystemPython), script, project});
        if (r.exitCode != 0)
            return QString::fromUtf8(r.err);
        const QJsonArray runs = QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array();
        const QJsonObject newest = runs.first().toObject();
        return newest.value(u"name"_s).toString() + u" " + newest.value(u"id"_s).toString().right(4);
    };
    QString got = launchedName({}, u"my-project"_s);
    QVERIFY2(QRegularExpression(u"^my-project-([0-9a-f]{4}) \\1$"_s).match(got).hasMatch(), qPrintable(got));
    got = launchedName({}, QString());
    QVERIFY2(QRegularExpression(u"^project-([0-9a-f]{4}) \\1$"_s).match(got).hasMatch(), qPrintable(got));
    got = launchedName({u"--name"_s, u"chosen"_s}, u"my-project"_s);
    QVERIFY2(got.startsWith(u"chosen "_s), qPrintable(got));
}

void TestTracking::offlineJsonlImports() {
    // Outside a Trainyard launch the tracker writes JSONL, which `runs import` loads.
    const QString script = writeFile(u"offline.py"_s, R"(
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker("offline", logging_dir="offline-logs")
t.store_init_configuration({"batch_size": 32})
for i in range(1000):
    t.log({"loss": 1.0 / (i + 1), "acc": i / 1000.0, "note": "text is skipped"}, step=i)
t.finish()
print(t.jsonl_path)
)");
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(u"TRAINYARD_TRACKER"_s);
    e.insert(u"PYTHONPATH"_s, QStringLiteral(TRAINYARD_PYTHON_DIR));
    p.setProcessEnvironment(e);
    p.setWorkingDirectory(m_dir.path());
    p.start(QString::fromLatin1(SystemPython), {script});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QString jsonl = QDir(m_dir.path()).filePath(QString::fromUtf8(p.readAllStandardOutput().trimmed()));
    QVERIFY2(QFile::exists(jsonl), qPrintable(jsonl));
    const Result imp = run({u"runs"_s, u"import"_s, jsonl});
    QVERIFY2(imp.exitCode == 0, imp.err.constData());
    QVERIFY(imp.out.contains("imported 2000 points"));
    const QJsonArray runs = QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array();
    const QJsonObject imported = runs[0].toObject();
    QCOMPARE(imported.value(u"name"_s).toString(), u"offline"_s);
    QCOMPARE(imported.value(u"status"_s).toString(), u"imported"_s);
    const QJsonObject detail =
        QJsonDocument::fromJson(
            run({u"runs"_s, u"show"_s, imported.value(u"id"_s).toString(), u"--json"_s}).out)
            .object();
    QCOMPARE(detail.value(u"params"_s).toObject().value(u"batch_size"_s).toString(), u"32"_s);
    // A JSONL export imports back to the same points.
    const Result exported =
        run({u"runs"_s, u"export"_s, imported.value(u"id"_s).toString(), u"--format"_s, u"jsonl"_s});
    const QString again = writeFile(u"again.jsonl"_s, exported.out);
    QVERIFY(run({u"runs"_s, u"import"_s, again}).out.contains("imported 2000 points"));
}

void TestTracking::importRefusesBadLinesAndKeepsTheDatabase() {
    const int before =
        int(QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array().size());
    const QString bad = writeFile(
        u"bad.jsonl"_s, "{\"type\": \"run\", \"name\": \"bad\"}\n"
                        "{\"type\": \"point\", \"key\": \"loss\", \"step\": 1, \"value\": 0.5}\n"
                        "{\"type\": \"point\", \"key\": \"loss\", \"step\": 2, \"value\": \"high\"}\n");
    const Result r = run({u"runs"_s, u"import"_s, bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("bad.jsonl:3: error: \"value\" must be a number; nothing was imported"),
             r.err.constData());
    const QString truncated = writeFile(u"cut.jsonl"_s, "{\"type\": \"point\", \"key\": \"loss\", \"st");
    const Result t = run({u"runs"_s, u"import"_s, truncated});
    QCOMPARE(t.exitCode, 1);
    QVERIFY(t.err.contains("cut.jsonl:1: error: not a JSON object"));
    QCOMPARE(QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array().size(), before);
}

// runs list: telemetry in its units, and a long name cut to the NAME column (40 characters) so the columns
// after it stay aligned.
void TestTracking::listShowsUnitsAndFitsLongNames() {
    const QString name = u"a-very-long-run-name-from-a-sweep-lr-0.0003-batch-512"_s;
    const QString jsonl = writeFile(
        u"units.jsonl"_s,
        "{\"type\": \"run\", \"name\": \"" + name.toUtf8() +
            "\"}\n{\"type\": \"point\", \"key\": \"system/rss_bytes\", \"step\": 1, \"value\": 264600000}\n");
    QCOMPARE(run({u"runs"_s, u"import"_s, jsonl}).exitCode, 0);
    const Result list = run({u"runs"_s, u"list"_s});
    QVERIFY2(list.out.contains("system/rss_bytes=252.3 MiB"), list.out.constData());
    const QList<QByteArray> lines = list.out.split('\n');
    QVERIFY(lines[0].startsWith("ID"));
    // Every row's STATUS column starts where the header's does.
    const qsizetype status = QString::fromUtf8(lines[0]).indexOf(u"STATUS"_s);
    QCOMPARE(status, 20 + 2 + 40 + 2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString row = QString::fromUtf8(lines[i]);
        if (row.contains(u"a-very-long"_s)) {
            QVERIFY2(row.contains(name.left(39) + u'\u2026'), qPrintable(row));
            QCOMPARE(row.mid(status, 8), u"imported"_s);
        }
    }
}

void TestTracking::listEmptyAndUnknownRun() {
    const Result empty = run({u"runs"_s, u"list"_s, u"--json"_s, u"--db"_s, m_dir.filePath(u"none/x.db"_s)},
                             {}, {{u"TRAINYARD_DB"_s, QString()}});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.out.trimmed(), QByteArray("[]"));
    const Result unknown = run({u"runs"_s, u"show"_s, u"no-such-run"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains("no run no-such-run"));
    QCOMPARE(run({u"runs"_s, u"export"_s, u"x"_s, u"--format"_s, u"xml"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestTracking)
#include "tst_tracking.moc"

void TestTracking::diffTwoRuns() {
    const QString script = writeFile(u"lr.py"_s, R"(
import sys
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker("cmp")
lr = float(sys.argv[1])
t.store_init_configuration({"lr": lr, "model": "mlp"})
for i in range(10):
    t.log({"loss": lr * (10 - i)}, step=i)
t.finish()
)");
    const QByteArray config =
        "compute_environment: LOCAL_MACHINE\ndistributed_type: 'NO'\nmixed_precision: %1\n"
        "num_processes: 1\nuse_cpu: true\n";
    const QString a = writeFile(u"a.yaml"_s, QByteArray(config).replace("%1", "'no'"));
    const QString b = writeFile(u"b.yaml"_s, QByteArray(config).replace("%1", "bf16"));
    for (const auto &[file, name, lr] :
         {std::tuple{a, u"cmp-a"_s, u"0.1"_s}, std::tuple{b, u"cmp-b"_s, u"0.01"_s}}) {
        const Result r = run({u"launch"_s, u"--config_file"_s, file, u"--name"_s, name, u"--python"_s,
                              QString::fromLatin1(SystemPython), script, lr});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    QStringList ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(run({u"runs"_s, u"list"_s, u"--json"_s}).out).array())
        if (v.toObject().value(u"name"_s).toString().startsWith(u"cmp-"_s))
            ids.prepend(v.toObject().value(u"id"_s).toString()); // the list is newest first
    QCOMPARE(ids.size(), 2);
    const Result diff = run({u"runs"_s, u"diff"_s, ids[0], ids[1], u"--json"_s});
    QVERIFY2(diff.exitCode == 0, diff.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(diff.out).object();
    QCOMPARE(o.value(u"runs"_s).toArray().size(), 2);
    QMap<QString, QJsonArray> rows;
    for (const QJsonValue &v : o.value(u"differences"_s).toArray())
        rows.insert(v[u"section"_s].toString() + u' ' + v[u"key"_s].toString(), v[u"values"_s].toArray());
    // The config as accelerate reads it, the logged parameters, the last values; what is equal is left out.
    QCOMPARE(rows.value(u"config mixed_precision"_s), (QJsonArray{u"no"_s, u"bf16"_s}));
    QCOMPARE(rows.value(u"param lr"_s), (QJsonArray{u"0.1"_s, u"0.01"_s}));
    QCOMPARE(rows.value(u"metric loss (rank 0)"_s), (QJsonArray{u"0.1"_s, u"0.01"_s}));
    QVERIFY(rows.contains(u"run command"_s));
    // The command as a shell line, the way it was typed, not the recorded JSON array (issue 28, item 6).
    for (const QJsonValue &v : rows.value(u"run command"_s))
        QVERIFY2(v.toString().startsWith(u"trainyard launch "_s), qPrintable(v.toString()));
    QVERIFY(!rows.contains(u"param model"_s));
    QVERIFY(!rows.contains(u"config num_processes"_s));
    // The text form names each run under each key; an unknown run is an error.
    const Result text = run({u"runs"_s, u"diff"_s, ids[0], ids[1]});
    QVERIFY(text.out.contains(u"config mixed_precision\n  "_s.toUtf8()));
    QCOMPARE(run({u"runs"_s, u"diff"_s, ids[0], u"no-such-run"_s}).exitCode, 1);
}
