// `trainyard sweep`: W&B sweep files run as real queued runs of a real trial script that logs its objective
// through the Python tracker; grid, random with a seed, bayes through Optuna, hyperband, and bad files.
#include "processes.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trainyard::test;

namespace {

// A trial: logs `loss` = (x - 2)^2 + y (y defaults to 0) at steps 1..steps, sleeping between them; with
// --bad=True its loss is ten times worse.
const char *const TrialScript = R"(import argparse, time
from trainyard_tracker import TrainyardTracker
p = argparse.ArgumentParser()
p.add_argument("--x", type=float, default=0)
p.add_argument("--y", type=float, default=0)
p.add_argument("--steps", type=int, default=1)
p.add_argument("--pause", type=float, default=0)
p.add_argument("--name", default="")
a = p.parse_args()
t = TrainyardTracker()
for step in range(1, a.steps + 1):
    time.sleep(a.pause)
    t.log({"loss": (a.x - 2) ** 2 + a.y + 1.0 / step}, step=step)
t.finish()
)";

bool optunaAvailable() {
    QProcess probe;
    probe.start(QString::fromLatin1(SystemPython), {u"-c"_s, u"import optuna"_s});
    return probe.waitForFinished(60000) && probe.exitCode() == 0;
}

} // namespace

class TestSweep : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_case = 0;
    QString m_db;

    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, m_db);
        e.insert(u"HF_HOME"_s, m_dir.filePath(u"hf"_s));
        e.insert(u"TRAINYARD_GPU_COUNT"_s, u"0"_s);
        return e;
    }
    QString sweepFile(const QByteArray &yaml) {
        const QString path = m_dir.filePath(u"sweep%1.yaml"_s.arg(m_case));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(yaml);
        return path;
    }
    // Runs a sweep to its end; its --json document.
    QJsonObject sweep(const QStringList &args, CliResult *result = nullptr) {
        const CliResult r =
            runCli(QStringList{u"sweep"_s} + args + QStringList{u"--json"_s}, env(), m_dir.path());
        if (result)
            *result = r;
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object();
    }
    QJsonObject runShown(const QString &id) const {
        return QJsonDocument::fromJson(runCli({u"runs"_s, u"show"_s, id, u"--json"_s}, env()).out).object();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(u"trial.py"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(TrialScript);
    }
    void init() {
        ++m_case;
        m_db = m_dir.filePath(u"db%1/trainyard.db"_s.arg(m_case));
    }

    // A grid: every combination once, its parameters recorded on its run (params and the script's own
    // arguments), the best the true minimum.
    void gridRunsEveryCombinationOnce() {
        const QString file = sweepFile("program: trial.py\nmethod: grid\nname: g\n"
                                       "metric: {name: loss, goal: minimize}\n"
                                       "parameters:\n  x: {values: [0, 2, 3]}\n  y: {values: [0.5, 0]}\n"
                                       "  steps: {value: 2}\n");
        CliResult r;
        const QJsonObject result = sweep({file, u"--parallel"_s, u"2"_s}, &r);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(result[u"sweep"_s].toString().startsWith(u"sweep-"_s));
        const QJsonArray trials = result[u"trials"_s].toArray();
        QCOMPARE(trials.size(), 6);
        QSet<QString> seen;
        for (const QJsonValue &t : trials) {
            const QJsonObject params = t[u"params"_s].toObject();
            seen.insert(u"%1/%2"_s.arg(params[u"x"_s].toDouble()).arg(params[u"y"_s].toDouble()));
            QCOMPARE(t[u"status"_s].toString(), u"finished"_s);
            const double x = params[u"x"_s].toDouble(), y = params[u"y"_s].toDouble();
            QCOMPARE(t[u"value"_s].toDouble(), (x - 2) * (x - 2) + y + 0.5); // the last value, at step 2
            const QJsonObject run = runShown(t[u"run"_s].toString());
            QCOMPARE(run[u"params"_s][u"x"_s].toString(), QString::number(int(x)));
            QCOMPARE(run[u"tags"_s][u"sweep"_s].toString(), result[u"sweep"_s].toString());
            QVERIFY(run[u"name"_s].toString().startsWith(u"g-"_s));
        }
        QCOMPARE(seen.size(), 6);
        const QJsonObject best = result[u"best"_s].toObject();
        QCOMPARE(best[u"params"_s][u"x"_s].toDouble(), 2.0);
        QCOMPARE(best[u"params"_s][u"y"_s].toDouble(), 0.0);
        QCOMPARE(best[u"value"_s].toDouble(), 0.5);
    }

    // Random search with a seed draws the same trials again; W&B's distributions stay in their bounds.
    void randomWithASeedIsReproducible() {
        const QString file = sweepFile(
            "program: trial.py\nmethod: random\nmetric: {name: loss}\nparameters:\n"
            "  x: {min: -1.0, max: 4.0}\n  y: {distribution: log_uniform_values, min: 0.001, max: 0.1}\n"
            "  steps: {distribution: int_uniform, min: 1, max: 3}\n");
        const QJsonObject a = sweep({file, u"--trials"_s, u"4"_s, u"--seed"_s, u"7"_s});
        const QJsonObject b = sweep({file, u"--trials"_s, u"4"_s, u"--seed"_s, u"7"_s});
        const QJsonObject c = sweep({file, u"--trials"_s, u"4"_s, u"--seed"_s, u"8"_s});
        QCOMPARE(a[u"trials"_s].toArray().size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QJsonObject pa = a[u"trials"_s][i][u"params"_s].toObject();
            QCOMPARE(pa, b[u"trials"_s][i][u"params"_s].toObject());
            QVERIFY(pa[u"x"_s].toDouble() >= -1 && pa[u"x"_s].toDouble() <= 4);
            QVERIFY(pa[u"y"_s].toDouble() >= 0.001 && pa[u"y"_s].toDouble() <= 0.1);
            QVERIFY(pa[u"steps"_s].isDouble() && pa[u"steps"_s].toInt() >= 1 && pa[u"steps"_s].toInt() <= 3);
        }
        QVERIFY(a[u"trials"_s][0][u"params"_s] != c[u"trials"_s][0][u"params"_s]);
    }

    // bayes through Optuna's TPE sampler finds a quadratic's minimum within 20 trials, closer than the best
    // of 20 random draws usually comes.
    void bayesFindsTheMinimum() {
        if (!optunaAvailable())
            QSKIP("Optuna is not installed (scripts/install-deps.sh --all installs python3-optuna)");
        const QString file = sweepFile("program: trial.py\nmethod: bayes\n"
                                       "metric: {name: loss, goal: minimize}\n"
                                       "parameters:\n  x: {min: -10.0, max: 10.0}\n");
        CliResult r;
        const QJsonObject result = sweep({file, u"--trials"_s, u"20"_s, u"--seed"_s, u"1"_s}, &r);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(result[u"trials"_s].toArray().size(), 20);
        const double best = result[u"best"_s][u"value"_s].toDouble();
        // loss = (x - 2)^2 + 1 at its one step: the minimum is 1 at x = 2.
        QVERIFY2(best < 1.05, qPrintable(u"best %1 at x = %2"_s.arg(best).arg(
                                  result[u"best"_s][u"params"_s][u"x"_s].toDouble())));
    }

    // Hyperband: trials whose loss at a milestone is outside the best 1/eta of all trials' are stopped with
    // SIGINT and end cancelled, their points kept; the good ones run to their end.
    void hyperbandStopsTheWorst() {
        const QString file = sweepFile("program: trial.py\nmethod: grid\n"
                                       "metric: {name: loss, goal: minimize}\n"
                                       "early_terminate: {type: hyperband, min_iter: 3, eta: 2}\n"
                                       "parameters:\n  x: {values: [2, 2.5, 9, 10]}\n  steps: {value: 12}\n"
                                       "  pause: {value: 0.15}\n");
        CliResult r;
        const QJsonObject result = sweep({file}, &r);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray trials = result[u"trials"_s].toArray();
        QCOMPARE(trials.size(), 4);
        // One at a time, in order: x = 9 and x = 10 come after two better ones and are stopped.
        QCOMPARE(trials[0][u"status"_s].toString(), u"finished"_s);
        for (int i : {2, 3}) {
            QCOMPARE(trials[i][u"status"_s].toString(), u"cancelled"_s);
            QVERIFY(trials[i][u"stopped_early"_s].toBool());
            const QJsonObject run = runShown(trials[i][u"run"_s].toString());
            int points = 0;
            for (const QJsonValue &s : run[u"metrics"_s].toArray())
                if (s[u"key"_s].toString() == u"loss"_s)
                    points = s[u"count"_s].toInt();
            QVERIFY2(points >= 3 && points < 12, qPrintable(QString::number(points))); // kept, and cut short
        }
        QVERIFY2(r.err.contains("stopped early"), r.err.constData());
        QCOMPARE(result[u"best"_s][u"params"_s][u"x"_s].toDouble(), 2.0);
    }

    // A sweep file with a mistake names the file, the line and the key.
    // A sweep whose run database is removed while it runs (the studio's More Trials in a test's folder) ends
    // and says so, instead of waiting for trials it can never read again.
    void aSweepEndsWhenItsDatabaseIsGone() {
        const QString file = sweepFile("program: trial.py\nmethod: random\nmetric: {name: loss}\n"
                                       "parameters:\n  x: {min: 0.0, max: 1.0}\n  pause: {value: 1.0}\n"
                                       "  steps: {value: 3}\n");
        QProcess sweeper;
        sweeper.setProcessEnvironment(env());
        sweeper.setWorkingDirectory(m_dir.path());
        sweeper.start(QStringLiteral(TRAINYARD_CLI), {u"sweep"_s, file, u"--trials"_s, u"2"_s});
        QVERIFY(sweeper.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_db), 20000);
        QTest::qWait(500);
        QVERIFY(QDir(QFileInfo(m_db).absolutePath()).removeRecursively());
        QVERIFY2(sweeper.waitForFinished(10000), "the sweep went on waiting");
        QVERIFY2(sweeper.readAllStandardError().contains("is gone; the sweep ends"),
                 "the sweep did not say why it ended");
    }

    void badFilesAreNamed() {
        const QString file =
            sweepFile("program: trial.py\nmethod: grid\nparameters:\n  x: {min: 0.0, max: 1.0}\n");
        CliResult r;
        sweep({file}, &r);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains((file + u":4: parameter x (uniform) has no finite set of values"_s).toUtf8()),
                 r.err.constData());
        const QString typo = sweepFile("program: trial.py\nmethod: grdi\nparameters:\n  x: {value: 1}\n");
        sweep({typo}, &r);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains((typo + u":2:"_s).toUtf8()) && r.err.contains("grid, random or bayes"),
                 r.err.constData());
        const QString unknown = sweepFile("program: trial.py\nmethod: random\nparamters:\n  x: {value: 1}\n");
        sweep({unknown, u"--trials"_s, u"1"_s}, &r);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("unknown key 'paramters'"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
