// `trainyard launch` running real processes: a PyTorch Gloo all-reduce, fail-fast, signals, the launcher
// killed with SIGKILL, heavy output, restarts and the watchdog. Every test checks that no rank is left
// behind.
#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "launch/runcontroller.h"
#include "launch/runrecord.h"
#include "processes.h"
#include "store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <sys/wait.h>

using namespace Qt::StringLiterals;
using namespace trainyard;
using trainyard::test::alive;
using trainyard::test::SystemPython;
using trainyard::test::waitUntil;

class TestRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeScript(const QString &name, const QByteArray &body) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(body);
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        return path;
    }

    QString runsDir() const { return m_dir.filePath(u"db/runs"_s); }

    void startLauncher(QProcess &p, const QStringList &args, const QMap<QString, QString> &extraEnv = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TRAINYARD_DB"_s, m_dir.filePath(u"db/trainyard.db"_s));
        env.insert(u"HF_HOME"_s, m_dir.filePath(u"hf"_s));
        for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRAINYARD_CLI), QStringList{u"launch"_s} + args);
        QVERIFY(p.waitForStarted(10000));
    }

    // The newest run's system/* series: the largest value and the number of samples of each "rank/key".
    void newestRunSystemSeries(QMap<QString, double> *maxOf, QMap<QString, int> *samples) {
        const QStringList runs = QDir(runsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QProcess exportRun;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TRAINYARD_DB"_s, m_dir.filePath(u"db/trainyard.db"_s));
        exportRun.setProcessEnvironment(env);
        exportRun.start(QStringLiteral(TRAINYARD_CLI), {u"runs"_s, u"export"_s, runs.last()});
        QVERIFY(exportRun.waitForFinished(20000));
        for (const QByteArray &line : exportRun.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> f = line.split(','); // run,rank,key,step,value,wall_time
            if (f.size() < 6 || !f[2].startsWith("system/"))
                continue;
            const QString k = QString::fromUtf8(f[1] + '/' + f[2]);
            (*maxOf)[k] = std::max(maxOf->value(k), f[4].toDouble());
            ++(*samples)[k];
        }
    }

    // The newest run's record, once every expected rank has a pid in it.
    RunRecord waitForRanks(int ranks) {
        RunRecord rec;
        waitUntil(
            [&] {
                const QStringList runs =
                    QDir(runsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
                if (runs.isEmpty())
                    return false;
                QString error;
                if (!JsonRunRecorder::load(runsDir() + u'/' + runs.last() + u"/run.json"_s, &rec, &error))
                    return false;
                return rec.ranks.size() == ranks &&
                       std::all_of(rec.ranks.begin(), rec.ranks.end(),
                                   [](const RankRecord &r) { return r.pid > 0; });
            },
            20000);
        return rec;
    }

    void cleanRuns() { QDir(runsDir()).removeRecursively(); }

    // Reads the launcher's stdout until needle has appeared count times.
    static bool waitForOutput(QProcess &p, const QByteArray &needle, int count, QByteArray &seen) {
        return waitUntil(
            [&] {
                seen += p.readAllStandardOutput();
                return seen.count(needle) >= count;
            },
            20000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { cleanRuns(); }
    void pytorchGlooAllReduce();
    void failingRankStopsTheOthers();
    void signalsStopEveryRank_data();
    void signalsStopEveryRank();
    void rankIgnoringSigtermIsKilledAfterGrace();
    void launcherKilledLeavesNoRank();
    void heavyOutputIsCompleteAndWhole();
    void outputWithoutLineEnds();
    void argumentsKeepTheirBytes();
    void telemetryPerRank();
    void gpuTelemetryThroughNvml();
    void restartsAfterAFailure();
    void watchdogReportsAndKills();
    void silentPythonRankDumpsItsStacks();
    void programThatCannotStart();
    void showRanksMain();
    void controllerKeepsItsThreadResponsive();
};

void TestRun::pytorchGlooAllReduce() {
    if (!trainyard::test::systemTorchAvailable())
        QSKIP("Debian's python3-torch is not installed (scripts/install-deps.sh installs it)");
    const QString script = writeScript(u"allreduce.py"_s, R"(
import os, torch, torch.distributed as dist
dist.init_process_group("gloo")
rank, world = dist.get_rank(), dist.get_world_size()
assert world == int(os.environ["WORLD_SIZE"]) == 3
t = torch.tensor([float(rank + 1)])
dist.all_reduce(t)
print(f"rank {rank} local {os.environ['LOCAL_RANK']} sum {t.item()}", flush=True)
dist.destroy_process_group()
)");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"3"_s, u"--python"_s,
                      QString::fromLatin1(SystemPython), script});
    QVERIFY(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(out + err));
    for (int r = 0; r < 3; ++r)
        QVERIFY2(out.contains(u"[rank %1] rank %1 local %1 sum 6.0"_s.arg(r)), qPrintable(out));
    const RunRecord rec = waitForRanks(3);
    QCOMPARE(rec.status, RunStatus::Finished);
    for (const RankRecord &r : rec.ranks) {
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!alive(r.pid));
    }
}

void TestRun::failingRankStopsTheOthers() {
    const QString script =
        writeScript(u"fail.sh"_s, "#!/bin/sh\n"
                                  "if [ \"$RANK\" = 1 ]; then\n"
                                  "  echo 'loading shard'; echo 'CUDA out of memory (pretend)' >&2\n"
                                  "  sleep 0.5; exit 3\n"
                                  "fi\n"
                                  "exec sleep 60\n");
    QProcess p;
    QElapsedTimer t;
    t.start();
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"3"_s, u"--grace"_s, u"5"_s, script});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(t.elapsed() < 15000); // sleep 60 dies by SIGTERM at once
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u"run failed: rank 1, exit code 3"_s), qPrintable(err));
    QVERIFY2(err.contains(u"CUDA out of memory (pretend)"_s), qPrintable(err));
    const RunRecord rec = waitForRanks(3);
    QCOMPARE(rec.status, RunStatus::Failed);
    for (const RankRecord &r : rec.ranks) {
        QVERIFY(!alive(r.pid));
        if (r.rank == 1)
            QCOMPARE(r.exitCode, 3);
        else
            QCOMPARE(r.signal, int(SIGTERM));
    }
    QVERIFY(std::any_of(rec.events.begin(), rec.events.end(),
                        [](const RunEvent &e) { return e.kind == u"failure"_s && e.rank == 1; }));
    // Per-rank logs hold each rank's streams.
    const QString dir = runsDir() + u'/' + rec.id;
    QFile out1(dir + u"/rank-1.out"_s), err1(dir + u"/rank-1.err"_s);
    QVERIFY(out1.open(QIODevice::ReadOnly) && err1.open(QIODevice::ReadOnly));
    QCOMPARE(out1.readAll(), QByteArray("loading shard\n"));
    QCOMPARE(err1.readAll(), QByteArray("CUDA out of memory (pretend)\n"));
}

void TestRun::signalsStopEveryRank_data() {
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestRun::signalsStopEveryRank() {
    QFETCH(int, sig);
    // Each rank also starts a child of its own: the whole process group must go.
    const QString script = writeScript(u"sleepers.sh"_s, "#!/bin/sh\nsleep 120 &\necho \"child $!\"\nwait\n");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, script});
    const RunRecord rec = waitForRanks(2);
    QCOMPARE(rec.ranks.size(), 2);
    QByteArray seen;
    QVERIFY2(waitForOutput(p, "child", 2, seen), QByteArray(seen + p.readAllStandardError()).constData());
    ::kill(pid_t(p.processId()), sig);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(u"run cancelled"_s));
    for (const RankRecord &r : rec.ranks)
        QVERIFY(waitUntil([&] { return !alive(r.pid); }, 5000));
    // The children the ranks started (their pids were printed as "child PID") are gone too: they were in the
    // ranks' process groups.
    static const QRegularExpression childRe(u"child (\\d+)"_s);
    auto it = childRe.globalMatch(QString::fromUtf8(seen));
    int children = 0;
    while (it.hasNext()) {
        const qint64 child = it.next().captured(1).toLongLong();
        ++children;
        QVERIFY2(waitUntil([&] { return !alive(child); }, 5000), "a rank's child outlived the run");
    }
    QCOMPARE(children, 2);
    RunRecord after;
    QVERIFY(JsonRunRecorder::load(runsDir() + u'/' + rec.id + u"/run.json"_s, &after, nullptr));
    QCOMPARE(after.status, RunStatus::Cancelled);
    // What happened is recorded, never a clean exit: the launcher's 130, each rank's SIGTERM; runs show and
    // the database say the same.
    QCOMPARE(after.failedExitCode, 130);
    for (const RankRecord &r : after.ranks)
        QCOMPARE(r.signal, int(SIGTERM));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TRAINYARD_DB"_s, m_dir.filePath(u"db/trainyard.db"_s));
    const auto shown = trainyard::test::runCli({u"runs"_s, u"show"_s, rec.id}, env);
    QVERIFY2(shown.out.contains("cancelled (exit code 130)"), shown.out.constData());
    QVERIFY2(shown.out.contains("ranks:     0 killed by SIGTERM, 1 killed by SIGTERM"),
             shown.out.constData());
    const auto json = trainyard::test::runCli({u"runs"_s, u"show"_s, rec.id, u"--json"_s}, env);
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value(u"exit_code"_s).toInt(), 130);
}

void TestRun::rankIgnoringSigtermIsKilledAfterGrace() {
    const QString script =
        writeScript(u"stubborn.sh"_s, "#!/bin/sh\ntrap '' TERM\necho ready\nwhile :; do sleep 0.1; done\n");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--grace"_s, u"1"_s, script});
    const RunRecord rec = waitForRanks(2);
    QByteArray seen;
    QVERIFY(waitForOutput(p, "ready", 2, seen));
    QElapsedTimer t;
    t.start();
    ::kill(pid_t(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(20000));
    QVERIFY(t.elapsed() >= 900);
    QCOMPARE(p.exitCode(), 130);
    for (const RankRecord &r : rec.ranks)
        QVERIFY(waitUntil([&] { return !alive(r.pid); }, 5000));
}

void TestRun::launcherKilledLeavesNoRank() {
    const QString script = writeScript(u"forever.sh"_s, "#!/bin/sh\nexec sleep 300\n");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"3"_s, script});
    const RunRecord rec = waitForRanks(3);
    QCOMPARE(rec.ranks.size(), 3);
    for (const RankRecord &r : rec.ranks)
        QVERIFY(alive(r.pid));
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished(10000));
    for (const RankRecord &r : rec.ranks)
        QVERIFY2(waitUntil([&] { return !alive(r.pid); }, 5000),
                 qPrintable(u"rank %1 outlived the launcher"_s.arg(r.rank)));
}

void TestRun::heavyOutputIsCompleteAndWhole() {
    const int lines = 200000;
    const QString script = writeScript(
        u"chatty.sh"_s, QByteArray("#!/bin/sh\nexec awk -v r=\"$RANK\" 'BEGIN { for (i = 1; i <= ") +
                            QByteArray::number(lines) +
                            "; i++) { print \"line \" i \" of rank \" r; if (i % 1000 == 0) print \"progress "
                            "\" i > \"/dev/stderr\" } }'\n");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, script});
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 120000) {
        p.waitForReadyRead(1000);
        out += p.readAllStandardOutput();
    }
    QVERIFY(p.state() == QProcess::NotRunning || p.waitForFinished(10000));
    out += p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 0);
    const QList<QByteArray> got = out.split('\n');
    int counts[2] = {0, 0};
    static const QRegularExpression whole(u"^\\[rank ([01])\\] line (\\d+) of rank \\1$"_s);
    for (const QByteArray &l : got) {
        if (l.isEmpty())
            continue;
        const QRegularExpressionMatch m = whole.match(QString::fromUtf8(l));
        QVERIFY2(m.hasMatch(), l.constData()); // never two ranks inside one line
        counts[m.captured(1).toInt()]++;
    }
    QCOMPARE(counts[0], lines);
    QCOMPARE(counts[1], lines);
    const RunRecord rec = waitForRanks(2);
    for (int r = 0; r < 2; ++r) {
        QFile log(runsDir() + u'/' + rec.id + u"/rank-%1.out"_s.arg(r));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray all = log.readAll();
        QCOMPARE(all.count('\n'), lines);
        const QByteArray last =
            QByteArray("line ") + QByteArray::number(lines) + " of rank " + QByteArray::number(r) + "\n";
        QVERIFY(all.endsWith(last));
        QFile err(runsDir() + u'/' + rec.id + u"/rank-%1.err"_s.arg(r));
        QVERIFY(err.open(QIODevice::ReadOnly));
        QCOMPARE(err.readAll().count('\n'), lines / 1000);
    }
}

void TestRun::outputWithoutLineEnds() {
    // 3 MiB without a line end, then a progress bar redrawn with '\r' a thousand times, then a CRLF line: the
    // launcher passes on lines of at most 1 MiB, keeps only the bar's last state, and the log keeps every
    // byte.
    const QString script = writeScript(u"noeol.py"_s, R"(#!/usr/bin/env python3
import sys
sys.stdout.write("x" * (3 << 20))
sys.stdout.write("\n")
for i in range(1000):
    sys.stdout.write(f"\rprogress {i}/999")
    sys.stdout.flush()
sys.stdout.write("\ndone\r\n")
)");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--python"_s,
                      QString::fromLatin1(SystemPython), script});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    const QByteArray mib = "[rank 0] " + QByteArray(1 << 20, 'x');
    QCOMPARE(lines.count(mib), 3);
    QVERIFY(lines.contains("[rank 0] progress 999/999"));
    QVERIFY(!lines.contains("[rank 0] progress 998/999"));
    QVERIFY(lines.contains("[rank 0] done"));
    const QStringList runs = QDir(runsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QFile log(runsDir() + u'/' + runs.last() + u"/rank-0.out"_s);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray all = log.readAll();
    QCOMPARE(all.count('x'), 3 << 20);
    QCOMPARE(all.count('\r'), 1001);
}

void TestRun::argumentsKeepTheirBytes() {
    // Arguments that are not UTF-8 (Latin-1 'café', stray bytes) typed on a shell reach every rank exactly as
    // typed, in the real launch and through the --dry-run script.
    const QString rank =
        writeScript(u"argbytes.sh"_s, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; "
                                      "done > \"$OUT.$RANK\"\n");
    const QString wrapper = writeScript(
        u"wrapper.sh"_s, "#!/bin/sh\nexec \"$CLI\" launch --cpu --num_processes 2 --no_python \"$@\" "
                         "\"$RANK_PROGRAM\" \"$(printf 'caf\\351')\" \"$(printf '\\377\\376 x')\" plain\n");
    const QByteArray expected = QByteArray("caf\xe9", 4) + '\0' + "\xff\xfe x" + '\0' + "plain" + '\0';
    for (const bool dryRun : {false, true}) {
        const QString out = m_dir.filePath(dryRun ? u"bytes-dry"_s : u"bytes-real"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TRAINYARD_DB"_s, m_dir.filePath(u"db/trainyard.db"_s));
        env.insert(u"HF_HOME"_s, m_dir.filePath(u"hf"_s));
        env.insert(u"CLI"_s, QStringLiteral(TRAINYARD_CLI));
        env.insert(u"RANK_PROGRAM"_s, rank);
        env.insert(u"OUT"_s, out);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(u"sh"_s, dryRun ? QStringList{wrapper, u"--dry-run"_s} : QStringList{wrapper});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        if (dryRun) {
            const QByteArray script = p.readAllStandardOutput();
            QVERIFY2(script.contains("caf\xe9"), script.constData());
            QProcess sh;
            sh.setProcessEnvironment(env);
            sh.start(u"sh"_s, {u"-s"_s});
            sh.write(script);
            sh.closeWriteChannel();
            QVERIFY(sh.waitForFinished(60000));
            QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
        }
        for (int r = 0; r < 2; ++r) {
            QFile f(out + u'.' + QString::number(r));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            QCOMPARE(f.readAll(), expected);
        }
    }
}

void TestRun::telemetryPerRank() {
    // Each rank's process tree is sampled about once a second into its own series: rank 0 spins a core in a
    // child process it starts (so the tree counts, not only the rank) and holds 300 MB; rank 1 sleeps.
    const QString script = writeScript(u"telemetry.py"_s, R"(#!/usr/bin/env python3
import os, subprocess, sys, time
if os.environ["RANK"] == "0":
    ballast = bytearray(300 << 20)
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    subprocess.run([sys.executable, "-c", "import time\nend = time.time() + 3.5\nwhile time.time() < end: pass"])
else:
    time.sleep(3.5)
)");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--python"_s,
                      QString::fromLatin1(SystemPython), script});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QMap<QString, double> maxOf; // "rank/key" -> largest value
    QMap<QString, int> samples;
    newestRunSystemSeries(&maxOf, &samples);
    // No NVIDIA driver library here (or no GPU process in these ranks): no GPU series, and no error.
    for (const QString &k : samples.keys())
        QVERIFY2(!k.contains(u"system/gpu_"_s), qPrintable(k));
    QVERIFY2(samples.value(u"0/system/cpu_percent"_s) >= 2,
             qPrintable(QStringList(samples.keys()).join(u' ')));
    QVERIFY2(maxOf.value(u"0/system/cpu_percent"_s) > 60,
             qPrintable(QString::number(maxOf.value(u"0/system/cpu_percent"_s))));
    QVERIFY(maxOf.value(u"1/system/cpu_percent"_s) < 30);
    QVERIFY(maxOf.value(u"0/system/rss_bytes"_s) > 300e6);
    QVERIFY(maxOf.value(u"1/system/rss_bytes"_s) < 200e6);
}

void TestRun::gpuTelemetryThroughNvml() {
    // The launcher reads GPUs through the driver's libnvidia-ml.so.1 (dlopen); here a stand-in with two
    // devices (tests/fake_nvml) whose compute processes are files the ranks write: rank r's process holds
    // (r + 1) GiB on device r. Each rank gets its own device's figures and only its own memory.
    QTemporaryDir gpus;
    const QString script = writeScript(u"gpu.py"_s, R"(#!/usr/bin/env python3
import os, time
rank = int(os.environ["RANK"])
d = os.path.join(os.environ["FAKE_NVML_DIR"], f"gpu{rank}")
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, str(os.getpid())), "w") as f:
    f.write(str((rank + 1) << 30))
time.sleep(2.5)
)");
    QProcess p;
    startLauncher(
        p,
        {u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--python"_s, QString::fromLatin1(SystemPython), script},
        {{u"LD_LIBRARY_PATH"_s, QStringLiteral(TRAINYARD_FAKE_NVML_DIR)}, {u"FAKE_NVML_DIR"_s, gpus.path()}});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QMap<QString, double> maxOf;
    QMap<QString, int> samples;
    newestRunSystemSeries(&maxOf, &samples);
    QVERIFY2(samples.value(u"0/system/gpu_memory_bytes"_s) >= 1,
             qPrintable(QStringList(samples.keys()).join(u' ')));
    for (int rank : {0, 1}) {
        const QString r = QString::number(rank) + u'/';
        QCOMPARE(maxOf.value(r + u"system/gpu_memory_bytes"_s), double(qint64(rank + 1) << 30));
        QCOMPARE(maxOf.value(r + u"system/gpu_util_percent"_s), 37.0 + rank);
        QCOMPARE(maxOf.value(r + u"system/gpu_power_watts"_s), 150.0 + rank);
        QCOMPARE(maxOf.value(r + u"system/gpu_temperature_c"_s), 61.0 + rank);
    }
}

void TestRun::restartsAfterAFailure() {
    // The first attempt fails on rank 0; the second (TORCHELASTIC_RESTART_COUNT=1) succeeds.
    const QString script = writeScript(
        u"flaky.sh"_s, "#!/bin/sh\n"
                       "echo \"attempt $TORCHELASTIC_RESTART_COUNT\"\n"
                       "if [ \"$TORCHELASTIC_RESTART_COUNT\" = 0 ] && [ \"$RANK\" = 0 ]; then exit 7; fi\n"
                       "if [ \"$TORCHELASTIC_RESTART_COUNT\" = 0 ]; then exec sleep 30; fi\n"
                       "exit 0\n");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--max_restarts"_s, u"2"_s, script});
    QVERIFY(p.waitForFinished(30000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(out + err));
    QVERIFY(err.contains(u"restarting all ranks (restart 1 of 2)"_s));
    QVERIFY(out.contains(u"[rank 1] attempt 1"_s));
    const RunRecord rec = waitForRanks(2);
    QCOMPARE(rec.attempts, 2);
    QCOMPARE(rec.status, RunStatus::Finished);
    QVERIFY(std::any_of(rec.events.begin(), rec.events.end(),
                        [](const RunEvent &e) { return e.kind == u"restart"_s; }));
    // Restarts that keep failing end the run.
    cleanRuns();
    const QString always = writeScript(u"always.sh"_s, "#!/bin/sh\nexit 2\n");
    QProcess q;
    startLauncher(q, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--max_restarts"_s, u"1"_s, always});
    QVERIFY(q.waitForFinished(30000));
    QCOMPARE(q.exitCode(), 1);
    QCOMPARE(waitForRanks(2).attempts, 2);
}

void TestRun::watchdogReportsAndKills() {
    const QString script = writeScript(u"quiet.sh"_s, "#!/bin/sh\necho start\nsleep 3\necho done\n");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--watchdog"_s, u"1"_s, script});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0); // reported, not killed
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u"watchdog: rank 0 printed and logged nothing for"_s), qPrintable(err));
    const RunRecord rec = waitForRanks(1);
    QVERIFY(std::any_of(rec.events.begin(), rec.events.end(),
                        [](const RunEvent &e) { return e.kind == u"watchdog"_s; }));
    cleanRuns();
    QProcess k;
    startLauncher(
        k, {u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--watchdog"_s, u"1"_s, u"--watchdog-kill"_s, script});
    QVERIFY(k.waitForFinished(30000));
    QCOMPARE(k.exitCode(), 1);
    QVERIFY(!QString::fromUtf8(k.readAllStandardOutput()).contains(u"done"_s));
}

// A Python rank the watchdog finds silent has its stacks dumped into the run folder (faulthandler through the
// launch's start-up hook), and the database records it silent, then active again; SIGUSR1 to the launcher
// dumps every Python rank's stacks and stops nothing; a program that is not Python never gets the signal.
void TestRun::silentPythonRankDumpsItsStacks() {
    cleanRuns();
    const QString script = writeScript(u"stuck.py"_s, R"(import sys, time
def waiting_in_all_reduce():
    time.sleep(float(sys.argv[1]))
print("start", flush=True)
waiting_in_all_reduce()
print("done", flush=True)
waiting_in_all_reduce()
print("end", flush=True)
)");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--watchdog"_s, u"1"_s, u"--python"_s,
                      QString::fromLatin1(SystemPython), script, u"2.5"_s});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0); // reported, not stopped
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u"; its Python stacks: "_s), qPrintable(err));
    const RunRecord rec = waitForRanks(2);
    const QString runDir = runsDir() + u'/' + rec.id;
    for (int rank = 0; rank < 2; ++rank) {
        QFile f(runDir + u"/stacks-rank-%1.txt"_s.arg(rank));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QString stacks = QString::fromUtf8(f.readAll());
        QVERIFY2(stacks.contains(u"=== watchdog: rank %1 silent for"_s.arg(rank)), qPrintable(stacks));
        QVERIFY2(stacks.contains(u"in waiting_in_all_reduce"_s), qPrintable(stacks));
        QVERIFY2(stacks.contains(u"stuck.py"_s), qPrintable(stacks));
    }
    // The database: each rank silent, then active again when it printed.
    StoreReader reader;
    QString error;
    QVERIFY2(reader.open(m_dir.filePath(u"db/trainyard.db"_s), &error), qPrintable(error));
    const auto run = reader.runByUid(rec.id);
    QVERIFY(run);
    const QList<LogRow> rows = reader.logs(run->id, u"watchdog"_s);
    QStringList texts;
    for (const LogRow &row : rows)
        texts << u"%1 %2"_s.arg(row.rank).arg(row.text.section(u' ', 0, 0));
    QVERIFY2(texts.contains(u"0 silent"_s) && texts.contains(u"1 silent"_s) && texts.contains(u"0 active"_s),
             qPrintable(texts.join(u", "_s)));
    QVERIFY(silentRanks(rows).isEmpty()); // every rank printed again in the end
    QList<LogRow> silentOnly;
    for (const LogRow &row : rows)
        if (row.text.startsWith(u"silent"_s))
            silentOnly << row;
    QCOMPARE(silentRanks(silentOnly).size(), 2);

    // On request: SIGUSR1 to the launcher.
    cleanRuns();
    QProcess q;
    startLauncher(q, {u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--python"_s,
                      QString::fromLatin1(SystemPython), script, u"3"_s});
    QByteArray seen;
    QVERIFY(waitForOutput(q, "start", 1, seen));
    QVERIFY(::kill(pid_t(q.processId()), SIGUSR1) == 0);
    QVERIFY(q.waitForFinished(30000));
    QCOMPARE(q.exitCode(), 0);
    QVERIFY2(QString::fromUtf8(q.readAllStandardError()).contains(u"Python stacks of 1 rank appended"_s),
             "no note of the dump");
    const RunRecord second = waitForRanks(1);
    QFile dump(runsDir() + u'/' + second.id + u"/stacks-rank-0.txt"_s);
    QVERIFY(dump.open(QIODevice::ReadOnly));
    QVERIFY(dump.readAll().contains("=== asked with SIGUSR1"));
    // A shell rank never registered: it gets no signal and ends normally.
    cleanRuns();
    const QString shell = writeScript(u"shell.sh"_s, "#!/bin/sh\necho start\nsleep 2\necho done\n");
    QProcess r;
    startLauncher(r, {u"--cpu"_s, u"--num_processes"_s, u"1"_s, shell});
    seen.clear();
    QVERIFY(waitForOutput(r, "start", 1, seen));
    QVERIFY(::kill(pid_t(r.processId()), SIGUSR1) == 0);
    QVERIFY(r.waitForFinished(30000));
    QCOMPARE(r.exitCode(), 0);
    QVERIFY(QString::fromUtf8(r.readAllStandardError()).contains(u"no rank can dump its stacks"_s));
}

void TestRun::programThatCannotStart() {
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--no_python"_s,
                      m_dir.filePath(u"no-such-program"_s)});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u"failed to start"_s), qPrintable(err));
}

void TestRun::showRanksMain() {
    const QString script = writeScript(u"hello.sh"_s, "#!/bin/sh\necho \"hello from $RANK\"\n");
    QProcess p;
    startLauncher(p, {u"--cpu"_s, u"--num_processes"_s, u"3"_s, u"--show-ranks"_s, u"main"_s, script});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), u"[rank 0] hello from 0\n"_s);
    // The others' output is still complete in their logs.
    const RunRecord rec = waitForRanks(3);
    QFile log(runsDir() + u'/' + rec.id + u"/rank-2.out"_s);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll(), QByteArray("hello from 2\n"));
}

void TestRun::controllerKeepsItsThreadResponsive() {
    // The studio drives the same controller on its GUI thread: start() returns at once, and while two ranks
    // print 100,000 lines each, other work on that thread (a timer here) keeps running.
    const QString script = writeScript(
        u"burst.sh"_s,
        "#!/bin/sh\nawk 'BEGIN { for (i = 0; i < 100000; i++) print \"x\" i }'\nsleep 0.3\necho done\n");
    LaunchArgs args;
    QString error;
    QVERIFY(parseLaunchArgs({u"--cpu"_s, u"--num_processes"_s, u"2"_s, script}, &args, &error));
    PlanOptions options;
    options.environmentGiven = true;
    const LaunchPlan plan = planLaunch(args, HardwareInfo{}, options);
    QVERIFY(plan.ok());
    RunOptions ro;
    ro.runDirectory = m_dir.filePath(u"controller-run"_s);
    RunController controller(plan, ro);
    qint64 lines = 0;
    connect(&controller, &RunController::rankLine, this, [&](int, int, const QByteArray &) { ++lines; });
    QList<RunStatus> states;
    connect(&controller, &RunController::stateChanged, this, [&](RunStatus st) { states << st; });
    int ticksWhileRunning = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (controller.state() == RunStatus::Running && lines > 0)
            ++ticksWhileRunning;
    });
    QSignalSpy finished(&controller, &RunController::finished);
    ticker.start();
    controller.start();
    QCOMPARE(controller.state(), RunStatus::Running);
    QCOMPARE(lines, 0); // nothing was waited for inside start()
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QCOMPARE(lines, 200002);
    QCOMPARE(states, (QList<RunStatus>{RunStatus::Running, RunStatus::Finished}));
    QVERIFY(ticksWhileRunning > 0);
}

QTEST_GUILESS_MAIN(TestRun)
#include "tst_run.moc"
