// The LibTorch runtime (engine/runtime) under `trainyard launch`, with real Gloo ranks: tests/runtime/
// runtime_check trains a small model and writes its parameters; this suite compares runs. It links no torch.
#include "processes.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using trainyard::test::runCli;

class TestRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ddpEqualsOneProcessOnTheWholeBatch();
    void accumulationEqualsALargerBatch();
    void resumedRunEndsWhereTheUninterruptedOneEnds();
    void everyKindOfStateResumesOnThreeRanks();
    void failingRankEndsTheRunWithoutAHang();
    void logsReachTheRunDatabase();
    void logNeverWaitsForALockedDatabase();
    void bf16AutocastFromTheLaunchFlag();
    void gradientsAreAveragedWhileBackwardRuns();
    void lossScalingSkipsStepsWithAnInfOrNaN();

private:
    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, m_dir.filePath(u"db/trainyard.db"_s));
        return e;
    }
    // runtime_check OUT ARGS... under `trainyard launch` with `ranks` CPU ranks (0: as a plain process).
    trainyard::test::CliResult train(int ranks, const QString &out, const QStringList &args = {}) {
        if (ranks == 0) {
            QProcess p;
            p.setProcessEnvironment(env());
            p.start(QStringLiteral(TRAINYARD_RUNTIME_CHECK), QStringList{m_dir.filePath(out)} + args);
            p.waitForFinished(120000);
            return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        }
        return runCli(QStringList{u"launch"_s, u"--cpu"_s, u"--num_processes"_s, QString::number(ranks),
                                  u"--no_python"_s, QStringLiteral(TRAINYARD_RUNTIME_CHECK),
                                  m_dir.filePath(out)} +
                          args,
                      env(), m_dir.path());
    }
    QList<double> params(const QString &out, int rank) const {
        QFile f(m_dir.filePath(out + u".%1"_s.arg(rank)));
        QList<double> v;
        if (!f.open(QIODevice::ReadOnly))
            return v;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                v << std::strtod(line.constData(), nullptr); // hex floats: exact
        return v;
    }
    QByteArray text(const QString &name) const {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static bool close(const QList<double> &a, const QList<double> &b, double tol) {
        if (a.size() != b.size() || a.isEmpty())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (std::abs(a[i] - b[i]) > tol * (1 + std::abs(b[i])))
                return false;
        return true;
    }
    QTemporaryDir m_dir;
};

void TestRuntime::ddpEqualsOneProcessOnTheWholeBatch() {
    // Two ranks, each on half of every global batch, with gradients averaged, train the same model as one
    // process on the whole batch (within float rounding); the replicas stay identical bit for bit. The run
    // also checks gather, reduce, broadcast and the sampler (exit 3 when one is wrong).
    const auto one = train(0, u"one"_s);
    QVERIFY2(one.exitCode == 0, one.err.constData());
    const auto two = train(2, u"two"_s);
    QVERIFY2(two.exitCode == 0, two.err.constData());
    QVERIFY(close(params(u"two"_s, 0), params(u"one"_s, 0), 1e-9));
    QCOMPARE(params(u"two"_s, 1), params(u"two"_s, 0));
    // And the result is not the untrained model: the comparison means something.
    const auto none = train(0, u"none"_s, {u"--steps"_s, u"0"_s});
    QVERIFY(!close(params(u"none"_s, 0), params(u"one"_s, 0), 1e-3));
}

void TestRuntime::accumulationEqualsALargerBatch() {
    // Two micro-batches of 8 rows per step, accumulated over 2 ranks: the same steps as 16 rows at once.
    const auto one = train(0, u"big"_s);
    QVERIFY2(one.exitCode == 0, one.err.constData());
    const auto accum = train(2, u"accum"_s, {u"--accum"_s, u"2"_s});
    QVERIFY2(accum.exitCode == 0, accum.err.constData());
    QVERIFY(close(params(u"accum"_s, 0), params(u"big"_s, 0), 1e-9));
    QCOMPARE(params(u"accum"_s, 1), params(u"accum"_s, 0));
}

void TestRuntime::resumedRunEndsWhereTheUninterruptedOneEnds() {
    // Adam's state, the step and every rank's random sequence (the targets' noise) come back from the saved
    // state: the resumed run ends bit for bit where the uninterrupted one ends.
    const QString state = m_dir.filePath(u"state"_s);
    const auto whole = train(2, u"whole"_s, {u"--noise"_s});
    QVERIFY2(whole.exitCode == 0, whole.err.constData());
    const auto first = train(2, u"first"_s, {u"--noise"_s, u"--stop-at"_s, u"5"_s, state});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY(QFile::exists(state + u"/step.txt"_s));
    QVERIFY(!QFile::exists(state + u".partial"_s)); // written beside it, then renamed
    const auto rest = train(2, u"rest"_s, {u"--noise"_s, u"--resume"_s, state});
    QVERIFY2(rest.exitCode == 0, rest.err.constData());
    QCOMPARE(params(u"rest"_s, 0), params(u"whole"_s, 0));
    QCOMPARE(params(u"rest"_s, 1), params(u"whole"_s, 1));
    // Without the state the second half alone ends elsewhere.
    const auto fresh = train(2, u"fresh"_s, {u"--noise"_s, u"--steps"_s, u"7"_s});
    QVERIFY(fresh.exitCode == 0);
    QVERIFY(params(u"fresh"_s, 0) != params(u"whole"_s, 0));
}

// The API LibTorch programs expect: an optimizer held by value (prepared by reference), a StepLR scheduler
// and an object of the program's own (an EMA of the weights, a batch count), on 3 ranks. Stopped after step 5
// and resumed, the run ends bit for bit where the uninterrupted one ends: weights, EMA, count and learning
// rate.
void TestRuntime::everyKindOfStateResumesOnThreeRanks() {
    const QString state = m_dir.filePath(u"vstate"_s);
    const auto whole = train(3, u"vwhole"_s, {u"--by-value"_s, u"--noise"_s});
    QVERIFY2(whole.exitCode == 0, whole.err.constData());
    const auto first = train(3, u"vfirst"_s, {u"--by-value"_s, u"--noise"_s, u"--stop-at"_s, u"5"_s, state});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY(QFile::exists(state + u"/scheduler_0.txt"_s) && QFile::exists(state + u"/object_0.pt"_s));
    const auto rest = train(3, u"vrest"_s, {u"--by-value"_s, u"--noise"_s, u"--resume"_s, state});
    QVERIFY2(rest.exitCode == 0, rest.err.constData());
    for (int rank = 0; rank < 3; ++rank) {
        QCOMPARE(params(u"vrest"_s, rank), params(u"vwhole"_s, rank));
        const QByteArray extra = text(u"vwhole.%1.extra"_s.arg(rank));
        QVERIFY(extra.startsWith("batches 12 lr ")); // 12 optimizer steps
        QCOMPARE(text(u"vrest.%1.extra"_s.arg(rank)), extra);
    }
    // The schedule was stepped num_processes times per optimizer step (accelerate's prepared scheduler): 36
    // scheduler steps, and StepLR(2, 0.5) halves at its counts 2, 4, ..., 34: 17 halvings of 0.05.
    const QList<QByteArray> head = text(u"vwhole.0.extra"_s).split('\n').value(0).split(' ');
    QCOMPARE(std::strtod(head.value(3).constData(), nullptr), 0.05 / double(1 << 17));
    // Without the scheduler's count the rate would restart: a state without it is refused by name.
    QFile::remove(state + u"/scheduler_0.txt"_s);
    const auto refused = train(3, u"vrefused"_s, {u"--by-value"_s, u"--resume"_s, state});
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("holds no state for scheduler 0"), refused.err.constData());
}

void TestRuntime::failingRankEndsTheRunWithoutAHang() {
    QElapsedTimer clock;
    clock.start();
    const auto r = train(2, u"fail"_s, {u"--fail-at"_s, u"4"_s, u"--steps"_s, u"100000"_s});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("rank 1, exit code 7") || r.err.contains("rank 1 stopped: exit code 7"),
             r.err.constData());
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
}

void TestRuntime::logsReachTheRunDatabase() {
    const auto r = train(2, u"logged"_s, {u"--steps"_s, u"5"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString runId =
        QRegularExpression(u"run (\\d{8}-\\d{6}-[0-9a-f]+):"_s).match(QString::fromUtf8(r.err)).captured(1);
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, env());
    QCOMPARE(exported.out.count("\"key\":\"step_done\""), 10); // 2 ranks x 5 steps
}

void TestRuntime::logNeverWaitsForALockedDatabase() {
    // The run database is write-locked for 15 s (another process holds BEGIN IMMEDIATE) while a rank logs
    // 50,000 points: log() must return at once every time (the old client waited for acknowledgements once
    // four batches were in flight, up to the whole 15 s), and every point must be stored once the lock goes.
    const QString out = u"burst"_s, flag = m_dir.filePath(u"burst.go"_s);
    const int points = 50000;
    QProcess launcher;
    launcher.setProcessEnvironment(env());
    launcher.setWorkingDirectory(m_dir.path());
    launcher.start(QStringLiteral(TRAINYARD_CLI),
                   {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--no_python"_s,
                    QStringLiteral(TRAINYARD_RUNTIME_CHECK), m_dir.filePath(out), u"--steps"_s, u"2"_s,
                    u"--log-burst"_s, QString::number(points), flag});
    QVERIFY(launcher.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath(out + u".0.ready"_s)), 60000);
    QProcess locker;
    locker.start(QString::fromLatin1(trainyard::test::SystemPython),
                 {u"-c"_s,
                  u"import sqlite3, sys, time\n"
                  u"c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n"
                  u"c.execute('BEGIN IMMEDIATE')\n"
                  u"print('locked', flush=True)\n"
                  u"time.sleep(15)\n"
                  u"c.execute('COMMIT')\n"_s,
                  m_dir.filePath(u"db/trainyard.db"_s)});
    QVERIFY(locker.waitForReadyRead(30000));
    QVERIFY(QFile(flag).open(QIODevice::WriteOnly));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath(out + u".0.logmax"_s)), 60000);
    QTest::qWait(100); // the number is written by then
    const QList<QByteArray> timing = text(out + u".0.logmax"_s).trimmed().split(' ');
    QCOMPARE(timing.size(), 2);
    const qint64 longestUs = timing[0].toLongLong(), overOneMs = timing[1].toLongLong();
    QVERIFY(locker.state() == QProcess::Running); // the burst ended while the database was still locked
    QVERIFY(launcher.waitForFinished(120000));
    const QByteArray err = launcher.readAllStandardError();
    QVERIFY2(launcher.exitCode() == 0, err.constData());
    QVERIFY(locker.waitForFinished(30000));
    // A generous bound for a loaded 2-core machine: the call only queues the point (microseconds); a call
    // that waited for the database took seconds.
    QVERIFY2(longestUs < 100000, QByteArray::number(longestUs).constData());
    QVERIFY2(overOneMs <= points / 1000, QByteArray::number(overOneMs).constData()); // at most 0.1% over 1 ms
    qInfo("log() with the database locked: longest call %lld us, %lld of %d calls over 1 ms", longestUs,
          overOneMs, points);
    const QString runId =
        QRegularExpression(u"run (\\d{8}-\\d{6}-[0-9a-f]+):"_s).match(QString::fromUtf8(err)).captured(1);
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, env());
    QCOMPARE(exported.out.count("\"key\":\"burst\""), points);
}

void TestRuntime::bf16AutocastFromTheLaunchFlag() {
    // --mixed_precision bf16 reaches the runtime as ACCELERATE_MIXED_PRECISION; runtime_check verifies that
    // autocast() computes in bfloat16 inside and float32 after (exit 3 otherwise), then trains as usual.
    const auto r = runCli({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"2"_s, u"--mixed_precision"_s,
                           u"bf16"_s, u"--no_python"_s, QStringLiteral(TRAINYARD_RUNTIME_CHECK),
                           m_dir.filePath(u"bf16"_s), u"--steps"_s, u"2"_s},
                          env(), m_dir.path());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // fp16 on CPU is refused with a message rather than silently run in float32.
    const auto fp16 =
        runCli({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--mixed_precision"_s, u"fp16"_s,
                u"--no_python"_s, QStringLiteral(TRAINYARD_RUNTIME_CHECK), m_dir.filePath(u"fp16"_s)},
               env(), m_dir.path());
    QVERIFY(fp16.exitCode != 0);
    QVERIFY2(fp16.out.contains("fp16 mixed precision needs a CUDA device") ||
                 fp16.err.contains("fp16 mixed precision needs a CUDA device"),
             fp16.err.constData());
}

void TestRuntime::gradientsAreAveragedWhileBackwardRuns() {
    // A 3-layer MLP in 1 KiB buckets (prepared in float32, then cast to float64): 3 buckets, each all-reduced
    // from the hook that completes it while autograd still runs, and the result is still one process on the
    // whole batch. Hooks lost with the cast would leave every bucket to the end of backward ("early 0").
    const auto one = train(0, u"mlp1"_s, {u"--mlp"_s});
    QVERIFY2(one.exitCode == 0, one.err.constData());
    const auto two = train(2, u"mlp2"_s, {u"--mlp"_s});
    QVERIFY2(two.exitCode == 0, two.err.constData());
    QVERIFY(close(params(u"mlp2"_s, 0), params(u"mlp1"_s, 0), 1e-9));
    QCOMPARE(params(u"mlp2"_s, 1), params(u"mlp2"_s, 0));
    QCOMPARE(text(u"mlp2.0.sync"_s), QByteArray("buckets 3 early 3\n"));
    QCOMPARE(text(u"mlp2.1.sync"_s), QByteArray("buckets 3 early 3\n"));
    QCOMPARE(text(u"mlp1.0.sync"_s), QByteArray("buckets 0 early 0\n")); // a world of one averages nothing
    // A parameter frozen mid-run (requires_grad false) leaves its bucket; the others are still averaged.
    const auto frozen1 = train(0, u"frozen1"_s, {u"--mlp"_s, u"--freeze-at"_s, u"6"_s});
    QVERIFY2(frozen1.exitCode == 0, frozen1.err.constData());
    const auto frozen2 = train(2, u"frozen2"_s, {u"--mlp"_s, u"--freeze-at"_s, u"6"_s});
    QVERIFY2(frozen2.exitCode == 0, frozen2.err.constData());
    QVERIFY(close(params(u"frozen2"_s, 0), params(u"frozen1"_s, 0), 1e-9));
    QVERIFY(!close(params(u"frozen1"_s, 0), params(u"mlp1"_s, 0), 1e-6)); // freezing changed the run
    QCOMPARE(text(u"frozen2.0.sync"_s), QByteArray("buckets 3 early 3\n"));
    // With accumulation, only the synchronising micro-batch all-reduces, and it still matches.
    const auto accum = train(2, u"mlpacc"_s, {u"--mlp"_s, u"--accum"_s, u"2"_s});
    QVERIFY2(accum.exitCode == 0, accum.err.constData());
    QVERIFY(close(params(u"mlpacc"_s, 0), params(u"mlp1"_s, 0), 1e-9));
    // The runtime's own plan on CPU: one bucket averaged once backward has ended (communication would take
    // backward's cores); the same result.
    const auto plain = train(2, u"plain2"_s, {u"--mlp"_s, u"--plan"_s, u"default"_s});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY(close(params(u"plain2"_s, 0), params(u"mlp1"_s, 0), 1e-9));
    QCOMPARE(text(u"plain2.0.sync"_s), QByteArray("buckets 1 early 0\n"));
    // Gradients as views of their bucket's buffer (all-reduced in place; the optimizer's zero_grad detaches
    // and zeroes them in place), overlapped and with accumulation: the same result again.
    for (const QStringList &extra : {QStringList{}, QStringList{u"--accum"_s, u"2"_s}}) {
        const auto views = train(2, u"views2"_s, QStringList{u"--mlp"_s, u"--plan"_s, u"views"_s} + extra);
        QVERIFY2(views.exitCode == 0, views.err.constData());
        QVERIFY(close(params(u"views2"_s, 0), params(u"mlp1"_s, 0), 1e-9));
        QCOMPARE(params(u"views2"_s, 1), params(u"views2"_s, 0));
        QCOMPARE(text(u"views2.0.sync"_s), QByteArray("buckets 3 early 3\n"));
    }
}

void TestRuntime::lossScalingSkipsStepsWithAnInfOrNaN() {
    // Scaling by powers of two is exact: with loss scaling (65536, doubled every 3 good steps) the run ends
    // bit for bit where the unscaled one ends, and the scale grew 4 times in 12 steps.
    const auto plain = train(2, u"plain"_s);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    const auto scaled = train(2, u"scaled"_s, {u"--loss-scaling"_s});
    QVERIFY2(scaled.exitCode == 0, scaled.err.constData());
    QCOMPARE(params(u"scaled"_s, 0), params(u"plain"_s, 0));
    QCOMPARE(text(u"scaled.0.scale"_s), QByteArray("scale 1048576 skipped 0\n"));
    // An inf in rank 1's loss at step 4 reaches every rank through the average: both skip that optimizer step
    // and halve the scale, and the run ends where a run that drops step 4's gradients ends.
    const auto inf = train(2, u"inf"_s, {u"--loss-scaling"_s, u"--inf-at"_s, u"4"_s});
    QVERIFY2(inf.exitCode == 0, inf.err.constData());
    const auto skip = train(2, u"skip"_s, {u"--skip-at"_s, u"4"_s});
    QVERIFY2(skip.exitCode == 0, skip.err.constData());
    QCOMPARE(params(u"inf"_s, 0), params(u"skip"_s, 0));
    QCOMPARE(params(u"inf"_s, 1), params(u"skip"_s, 1));
    QVERIFY(params(u"inf"_s, 0) != params(u"plain"_s, 0));
    QCOMPARE(text(u"inf.0.scale"_s), QByteArray("scale 262144 skipped 1\n"));
    QCOMPARE(text(u"inf.1.scale"_s), QByteArray("scale 262144 skipped 1\n"));
    // The scale and its count of good steps are part of the saved state: stopped after step 8 and resumed,
    // the run ends with the scale of the uninterrupted one (a fresh scale would end at 131072).
    const QString state = m_dir.filePath(u"scaled-state"_s);
    const auto first =
        train(2, u"sfirst"_s, {u"--loss-scaling"_s, u"--inf-at"_s, u"4"_s, u"--stop-at"_s, u"8"_s, state});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const auto rest = train(2, u"srest"_s, {u"--loss-scaling"_s, u"--resume"_s, state});
    QVERIFY2(rest.exitCode == 0, rest.err.constData());
    QCOMPARE(text(u"srest.0.scale"_s), QByteArray("scale 262144 skipped 0\n"));
    QCOMPARE(params(u"srest"_s, 0), params(u"inf"_s, 0));
}

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
