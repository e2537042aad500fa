// Slurm launches against a real Slurm: tests/slurm/cluster.sh starts munged, slurmctld and two slurmd nodes
// on this machine (root only; CI runs as root and sets TRAINYARD_REQUIRE_SLURM=1 so that these tests can
// never be skipped there). The batch script test needs no cluster.
#include "livepush.h"
#include "processes.h"
#include "slurm/slurm.h"
#include "studio.h"
#include "testdatabase.h"
#ifdef TRAINYARD_HAS_WIDGETS
#include "runsmodel.h"
#else
#include "runcontrol.h"
#endif

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace trainyard;
using trainyard::test::processesWith;
using trainyard::test::runCli;
using trainyard::test::SystemPython;
using trainyard::test::waitUntil;

namespace {

QString captured(const QByteArray &text, const char *pattern) {
    return QRegularExpression(QString::fromLatin1(pattern)).match(QString::fromUtf8(text)).captured(1);
}

} // namespace

class TestSlurm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void batchScriptSaysEverything();
    void allReduceOnTwoNodes();
    void captureInsideTheJob();
    void failingRankEndsTheJob();
    void ctrlCCancelsTheJob();
    void detachedJobRecordsItself();
    void badPartitionIsRefused();
    void queuedRunOfACancelledJobIsClosed();
    void germanStudioFollowsItsSlurmLaunch();
    void refusedStepIsAskedForAgain();
    void jobWritesToAServer();

private:
    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"SLURM_CONF"_s, m_cluster.filePath(u"slurm.conf"_s));
        e.insert(u"TRAINYARD_DB"_s, m_work.filePath(u"db/trainyard.db"_s));
        return e;
    }
    QString writeScript(const QString &name, const QByteArray &text) {
        const QString path = m_work.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }
    QStringList launch(const QStringList &more) const {
        return QStringList{u"launch"_s,
                           u"--slurm"_s,
                           u"--cpu"_s,
                           u"--num_machines"_s,
                           u"2"_s,
                           u"--num_processes"_s,
                           u"4"_s,
                           u"--python"_s,
                           QString::fromLatin1(SystemPython)} +
               more;
    }
    bool jobGone(const QString &job) const {
        QProcess q;
        q.setProcessEnvironment(env());
        q.start(u"squeue"_s, {u"-h"_s, u"-j"_s, job});
        q.waitForFinished(10000);
        return q.readAllStandardOutput().trimmed().isEmpty();
    }
    QJsonObject runJson(const QString &runId) const {
        const auto r = runCli({u"runs"_s, u"show"_s, runId, u"--json"_s}, env());
        return QJsonDocument::fromJson(r.out).object();
    }

    QTemporaryDir m_cluster;
    QTemporaryDir m_work;
    QString m_skip;
    bool m_up = false;
};

#define NEED_CLUSTER()                                                                                       \
    do {                                                                                                     \
        if (!m_up)                                                                                           \
            QSKIP(qPrintable(u"no Slurm cluster: "_s + m_skip));                                             \
    } while (false)

void TestSlurm::initTestCase() {
    QVERIFY(m_cluster.isValid() && m_work.isValid());
    QProcess up;
    up.start(u"bash"_s, {QStringLiteral(TRAINYARD_SLURM_CLUSTER), u"up"_s, m_cluster.path()});
    QVERIFY(up.waitForFinished(120000));
    if (up.exitCode() == 3) {
        m_skip = QString::fromUtf8(up.readAllStandardError()).trimmed();
        if (qEnvironmentVariableIsSet("TRAINYARD_REQUIRE_SLURM"))
            QFAIL(qPrintable(u"TRAINYARD_REQUIRE_SLURM is set, but: "_s + m_skip));
        return;
    }
    QVERIFY2(up.exitCode() == 0, up.readAllStandardError().constData());
    m_up = true;
}

void TestSlurm::cleanupTestCase() {
    if (m_up)
        QProcess::execute(u"bash"_s, {QStringLiteral(TRAINYARD_SLURM_CLUSTER), u"down"_s, m_cluster.path()});
}

void TestSlurm::batchScriptSaysEverything() {
    slurm::JobSpec spec;
    spec.runId = u"20261201-000000-abcd"_s;
    spec.runName = u"my run"_s;
    spec.runDir = u"/data/runs/20261201-000000-abcd"_s;
    spec.workingDirectory = u"/home/me/project x"_s;
    spec.program = u"/usr/bin/trainyard"_s;
    spec.database = u"/home/me/.local/share/trainyard/trainyard.db"_s;
    spec.launchArgs = {u"--num_processes"_s, u"8"_s, u"train.py"_s, u"--name"_s, u"it's $(here)"_s};
    spec.nodes = 2;
    spec.partition = u"gpu"_s;
    spec.time = u"01:30:00"_s;
    spec.account = u"proj"_s;
    spec.extra = {u"--gres=gpu:4"_s, u"--exclusive"_s};
    const QByteArray s = slurm::batchScript(spec);
    QVERIFY(s.startsWith("#!/bin/bash\n"));
    for (const char *line :
         {"#SBATCH --job-name=trainyard-my run\n", "#SBATCH --nodes=2\n", "#SBATCH --ntasks-per-node=1\n",
          "#SBATCH --output=/data/runs/20261201-000000-abcd/slurm-%j.out\n", "#SBATCH --partition=gpu\n",
          "#SBATCH --time=01:30:00\n", "#SBATCH --account=proj\n", "#SBATCH --gres=gpu:4\n",
          "#SBATCH --exclusive\n", "cd '/home/me/project x'\n",
          "exec /usr/bin/trainyard launch --slurm-job 20261201-000000-abcd --db "
          "/home/me/.local/share/trainyard/trainyard.db --num_processes 8 train.py --name 'it'\\''s "
          "$(here)'\n"})
        QVERIFY2(s.contains(line),
                 qPrintable(QString::fromUtf8(s) + u"\nlacks: "_s + QString::fromUtf8(line)));
    // Every #SBATCH line comes before the first command, or sbatch ignores it.
    QVERIFY(s.lastIndexOf("#SBATCH") < s.indexOf("\ncd "));
}

void TestSlurm::allReduceOnTwoNodes() {
    NEED_CLUSTER();
    if (!trainyard::test::systemTorchAvailable())
        QSKIP("Debian's python3-torch is not installed (scripts/install-deps.sh installs it)");
    const QString script = writeScript(u"allreduce.py"_s, R"(
import os, torch, torch.distributed as dist
from trainyard_tracker import TrainyardTracker
dist.init_process_group("gloo")
r = dist.get_rank()
t = torch.tensor([float(r + 1)])
dist.all_reduce(t)
print(f"rank {r} node {os.environ['SLURMD_NODENAME']} sum {t.item():.0f}", flush=True)
tracker = TrainyardTracker(run_name="slurm")
for step in range(30):
    tracker.log({"loss": 1.0 / (step + 1)}, step=step)
tracker.finish()
dist.destroy_process_group()
)"_ba);
    const auto r = runCli(launch({script}), env(), m_work.path());
    QVERIFY2(r.exitCode == 0, QByteArray(r.err + r.out).constData());
    const QString job = captured(r.err, "submitted as Slurm job (\\d+)");
    const QString runId = captured(r.err, "run (\\d{8}-\\d{6}-[0-9a-f]+) submitted");
    QVERIFY(!job.isEmpty() && !runId.isEmpty());
    // Rank output came home while following, each rank on its node (machine rank i on the job's node i).
    for (int rank = 0; rank < 4; ++rank)
        QVERIFY2(r.out.contains(u"[rank %1] rank %1 node n%2 sum 10"_s.arg(rank).arg(rank / 2 + 1).toUtf8()),
                 r.out.constData());
    QVERIFY2(r.err.contains(u"job %1 ended: COMPLETED, exit code 0"_s.arg(job).toUtf8()), r.err.constData());
    const QJsonObject run = runJson(runId);
    QCOMPARE(run.value(u"status"_s).toString(), u"finished"_s);
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, env());
    QMap<int, int> points;
    for (const QByteArray &line : exported.out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(u"key"_s).toString() == u"loss"_s)
            ++points[o.value(u"rank"_s).toInt()];
    }
    QCOMPARE(points.size(), 4);
    for (int n : std::as_const(points))
        QCOMPARE(n, 30);
    // The batch script and the job's id stay with the run.
    const QString runDir = m_work.filePath(u"db/runs/"_s + runId);
    QVERIFY(QFile::exists(runDir + u"/slurm.sbatch"_s));
    QFile rec(runDir + u"/run.json"_s);
    QVERIFY(rec.open(QIODevice::ReadOnly));
    const QJsonObject record = QJsonDocument::fromJson(rec.readAll()).object();
    QCOMPARE(record.value(u"slurm_job"_s).toString(), job);
    const QJsonArray machines = record.value(u"machines"_s).toArray();
    QCOMPARE(machines.size(), 2);
    QCOMPARE(machines[1].toObject().value(u"host"_s).toString(), u"n2"_s);
    QVERIFY(jobGone(job));
}

// The ranks' start-up hook reaches the job's nodes (srun and the node agent): an accelerate script that knows
// nothing of Trainyard (the stand-in in tests/data/capture) logs on the main process, and its values and
// config come back into the submitter's database.
void TestSlurm::captureInsideTheJob() {
    NEED_CLUSTER();
    const auto r =
        runCli(launch({u"--env"_s, u"PYTHONPATH=" TRAINYARD_TEST_DATA "/capture"_s,
                       QStringLiteral(TRAINYARD_TEST_DATA "/capture/scripts/accelerate_train.py")}),
               env(), m_work.path());
    QVERIFY2(r.exitCode == 0, QByteArray(r.err + r.out).constData());
    const QString runId = captured(r.err, "run (\\d{8}-\\d{6}-[0-9a-f]+) submitted");
    QVERIFY(!runId.isEmpty());
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, env());
    QCOMPARE(trainyard::test::pointCounts(exported.out),
             (QMap<QString, int>{{u"accuracy@0"_s, 50}, {u"loss@0"_s, 50}}));
    QCOMPARE(runJson(runId).value(u"status"_s).toString(), u"finished"_s);
}

void TestSlurm::failingRankEndsTheJob() {
    NEED_CLUSTER();
    const QString script = writeScript(u"fail.py"_s, R"(
import os, sys, time
rank = int(os.environ["RANK"])
print("up", rank, flush=True)
if rank == 3:
    time.sleep(1)
    print("rank 3 gives up", file=sys.stderr, flush=True)
    sys.exit(5)
time.sleep(120)
)"_ba);
    QElapsedTimer clock;
    clock.start();
    const auto r = runCli(launch({script, u"slurm-fail-marker"_s}), env(), m_work.path());
    QVERIFY2(r.exitCode != 0, r.err.constData());
    QVERIFY2(r.out.contains("run failed: rank 3 on n2") && r.out.contains(", exit code 5"),
             QByteArray(r.out + r.err).constData());
    QVERIFY(clock.elapsed() < 60000);
    const QString job = captured(r.err, "submitted as Slurm job (\\d+)");
    QVERIFY(waitUntil([&] { return jobGone(job); }, 20000));
    QVERIFY(waitUntil([] { return processesWith("slurm-fail-marker") == 0; }, 10000));
    const QString runId = captured(r.err, "run (\\d{8}-\\d{6}-[0-9a-f]+) submitted");
    QCOMPARE(runJson(runId).value(u"status"_s).toString(), u"failed"_s);
}

void TestSlurm::ctrlCCancelsTheJob() {
    NEED_CLUSTER();
    const QString script =
        writeScript(u"sleep.py"_s, "import time\nprint('up', flush=True)\ntime.sleep(120)\n");
    QProcess p;
    p.setProcessEnvironment(env());
    p.setWorkingDirectory(m_work.path());
    p.start(QStringLiteral(TRAINYARD_CLI), launch({script, u"slurm-ctrlc-marker"_s}));
    QVERIFY(p.waitForStarted());
    QByteArray out, err;
    QVERIFY(waitUntil(
        [&] {
            out += p.readAllStandardOutput();
            err += p.readAllStandardError();
            return out.count("] up") == 4;
        },
        60000));
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    err += p.readAllStandardError();
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(err.contains("cancelling job"), err.constData());
    const QString job = captured(err, "submitted as Slurm job (\\d+)");
    QVERIFY(jobGone(job)); // the launcher waited until the job was gone
    QVERIFY(waitUntil([] { return processesWith("slurm-ctrlc-marker") == 0; }, 10000));
    const QString runId = captured(err, "run (\\d{8}-\\d{6}-[0-9a-f]+) submitted");
    QCOMPARE(runJson(runId).value(u"status"_s).toString(), u"cancelled"_s);
}

void TestSlurm::detachedJobRecordsItself() {
    NEED_CLUSTER();
    const QString script = writeScript(u"log.py"_s, R"(
import time
from trainyard_tracker import TrainyardTracker
tracker = TrainyardTracker(run_name="detached")
for step in range(10):
    tracker.log({"x": float(step)}, step=step)
    time.sleep(0.05)
tracker.finish()
)"_ba);
    QElapsedTimer clock;
    clock.start();
    const auto r = runCli(launch({u"--detach"_s, script}), env(), m_work.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(clock.elapsed() < 10000); // returned without waiting for the job
    const QString job = QString::fromUtf8(r.out).trimmed();
    QVERIFY2(QRegularExpression(u"\\A\\d+\\z"_s).match(job).hasMatch(), r.out.constData());
    const QString runId = captured(r.err, "run (\\d{8}-\\d{6}-[0-9a-f]+) submitted");
    // Nobody follows the job: it records the run itself, from queued to finished, with every point.
    QVERIFY(waitUntil([&] { return runJson(runId).value(u"status"_s).toString() == u"finished"_s; }, 60000));
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, env());
    QCOMPARE(exported.out.count("\"key\":\"x\""), 40); // 4 ranks x 10 steps
    QVERIFY(waitUntil([&] { return jobGone(job); }, 20000));
}

void TestSlurm::badPartitionIsRefused() {
    NEED_CLUSTER();
    const auto r = runCli(launch({u"--partition"_s, u"nosuch"_s, u"train.py"_s}), env(), m_work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Slurm refused the job: sbatch: error: invalid partition specified: nosuch"),
             r.err.constData());
}

void TestSlurm::queuedRunOfACancelledJobIsClosed() {
    // A detached job cancelled while pending never starts its launcher: the next `runs list` asks Slurm and
    // closes the run, instead of showing it queued for ever.
    NEED_CLUSTER();
    const auto r = runCli(launch({u"--detach"_s, u"--slurm-arg=--begin=now+1hour"_s, u"never.py"_s}), env(),
                          m_work.path());
    QCOMPARE(r.exitCode, 0);
    const QString job = QString::fromUtf8(r.out).trimmed();
    const QString runId = captured(r.err, "run (\\d{8}-\\d{6}-[0-9a-f]+) submitted");
    QCOMPARE(runJson(runId).value(u"status"_s).toString(), u"queued"_s);
    const auto listed = runCli({u"runs"_s, u"list"_s}, env());
    QVERIFY2(listed.out.contains(runId.toUtf8()) && listed.out.contains("queued"), listed.out.constData());
    QProcess cancel;
    cancel.setProcessEnvironment(env());
    cancel.start(u"scancel"_s, {job});
    QVERIFY(cancel.waitForFinished(10000));
    QVERIFY(waitUntil([&] { return jobGone(job); }, 20000));
    runCli({u"runs"_s, u"list"_s}, env());
    QCOMPARE(runJson(runId).value(u"status"_s).toString(), u"cancelled"_s);
}

void TestSlurm::germanStudioFollowsItsSlurmLaunch() {
    // What the studio does when it launches: it listens on its push socket and names the launch; the launcher
    // speaks German. The run is known from the launcher's run frames alone (no output is read): queued from
    // the submitting launcher, then running and finished from the launcher inside the job, which inherits the
    // variables through sbatch. A second launch, detached and held pending, is cancelled: the studio's runs
    // list closes it (RunsModel::readRows asks Slurm), with no `runs list` in between.
    NEED_CLUSTER();
    trainyard::test::StudioSocket studio;
    QString error;
    QVERIFY2(studio.listen(&error), qPrintable(error));
    QList<PushedRun> &states = studio.states;
    const QProcessEnvironment e = studio.environment(env(), u"studio-launch-1"_s);
    const QString script = writeScript(u"short.py"_s, "print('hello', flush=True)\n");
    QProcess launcher;
    launcher.setProcessEnvironment(e);
    launcher.setWorkingDirectory(m_work.path());
    launcher.start(QStringLiteral(TRAINYARD_CLI), launch({script}));
    QVERIFY(launcher.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(studio.saw(u"studio-launch-1"_s, RunStatus::Finished), 120000);
    QVERIFY(launcher.state() == QProcess::NotRunning || launcher.waitForFinished(60000));
    const QByteArray err = launcher.readAllStandardError();
    QVERIFY2(launcher.exitCode() == 0, err.constData());
    QVERIFY2(!err.contains("trainyard: run "), err.constData()); // German: nothing to match in English
    QCOMPARE(states.first().status, RunStatus::Queued);
    QVERIFY(studio.saw(u"studio-launch-1"_s, RunStatus::Running));
    for (const PushedRun &r : std::as_const(states)) {
        QCOMPARE(r.uid, states.first().uid);
        QCOMPARE(r.runId, states.first().runId);
    }
    QCOMPARE(runJson(states.first().uid).value(u"status"_s).toString(), u"finished"_s);

    // Detached, pending, cancelled: the studio's runs list closes it.
    states.clear();
    QProcess detached;
    detached.setProcessEnvironment(studio.environment(env(), u"studio-launch-2"_s));
    detached.setWorkingDirectory(m_work.path());
    detached.start(QStringLiteral(TRAINYARD_CLI),
                   launch({u"--detach"_s, u"--slurm-arg=--begin=now+1hour"_s, u"never.py"_s}));
    QVERIFY(detached.waitForFinished(60000));
    QCOMPARE(detached.exitCode(), 0);
    const QString job = QString::fromUtf8(detached.readAllStandardOutput()).trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(studio.saw(u"studio-launch-2"_s, RunStatus::Queued), 10000);
    const QString uid = states.first().uid;
    QProcess cancel;
    cancel.setProcessEnvironment(env());
    cancel.start(u"scancel"_s, {job});
    QVERIFY(cancel.waitForFinished(10000));
    QVERIFY(waitUntil([&] { return jobGone(job); }, 20000));
    const QString db = m_work.filePath(u"db/trainyard.db"_s);
#ifdef TRAINYARD_HAS_WIDGETS
    qputenv("SLURM_CONF", m_cluster.filePath(u"slurm.conf"_s).toUtf8());
    RunStatus status = RunStatus::Queued;
    // The list asks Slurm at most every 5 s: a list read just before may not have asked yet.
    QVERIFY(waitUntil(
        [&] {
            for (const RunsModel::Row &row : RunsModel::readRows(db, &error))
                if (row.run.uid == uid)
                    status = row.run.status;
            return status == RunStatus::Cancelled;
        },
        15000));
#else
    qputenv("SLURM_CONF", m_cluster.filePath(u"slurm.conf"_s).toUtf8());
    QVERIFY(!closeEndedSlurmRuns(db, &error).isEmpty());
#endif
    QCOMPARE(runJson(uid).value(u"status"_s).toString(), u"cancelled"_s);
}

void TestSlurm::refusedStepIsAskedForAgain() {
    // slurmctld now and then refuses the step that starts the agent on a node of a job that has just begun
    // ("Unable to create step for job N: Invalid argument") and takes the same request a moment later. An
    // srun first on the job's PATH refuses the first step on n2 that way, then is the real srun: the launcher
    // asks again and the run goes on.
    NEED_CLUSTER();
    QDir(m_work.path()).mkpath(u"shim"_s);
    const QString marker = m_work.filePath(u"shim/refused-n2"_s);
    const QString shim = writeScript(u"shim/srun"_s, R"(#!/bin/bash
case " $* " in
  *" --nodelist=n2 "*)
    if [ ! -e "$REFUSED_MARKER" ]; then
      touch "$REFUSED_MARKER"
      echo "srun: error: Unable to create step for job ${SLURM_JOB_ID}: Invalid argument" >&2
      exit 1
    fi;;
esac
exec /usr/bin/srun "$@"
)"_ba);
    QFile::setPermissions(shim, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString script = writeScript(u"hello.py"_s, R"(
import os
print("rank", os.environ["RANK"], "on", os.environ["SLURMD_NODENAME"], flush=True)
)"_ba);
    QProcessEnvironment e = env();
    e.insert(u"PATH"_s, m_work.filePath(u"shim"_s) + u':' + e.value(u"PATH"_s));
    e.insert(u"REFUSED_MARKER"_s, marker);
    const auto r = runCli(launch({script}), e, m_work.path());
    QVERIFY2(r.exitCode == 0, QByteArray(r.err + r.out).constData());
    QVERIFY2(QFile::exists(marker), r.err.constData()); // the step on n2 was refused once
    for (int rank = 0; rank < 4; ++rank)
        QVERIFY2(r.out.contains(u"[rank %1] rank %1 on n%2"_s.arg(rank).arg(rank / 2 + 1).toUtf8()),
                 r.out.constData());
}

// A team's database on a server: the job's launcher, on the job's first node, writes the run there (no shared
// file), and the batch script in the run folder holds the server's URL without its password.
void TestSlurm::jobWritesToAServer() {
    NEED_CLUSTER();
    if (!trainyard::test::systemTorchAvailable())
        QSKIP("Debian's python3-torch is not installed (scripts/install-deps.sh installs it)");
    QString why;
    trainyard::test::PrivatePostgres *server = trainyard::test::suiteServer(&why);
    if (!server && !qEnvironmentVariableIsSet("TRAINYARD_REQUIRE_POSTGRES"))
        QSKIP(qPrintable(why));
    QVERIFY2(server, qPrintable(why));
    // Trust authentication takes any password; none may be written anywhere.
    const QString url = u"postgresql://trainyard:pw-s3cret@127.0.0.1:%1/trainyard"_s.arg(server->port());
    QProcessEnvironment e = env();
    e.insert(u"TRAINYARD_DB"_s, url);
    e.insert(u"XDG_DATA_HOME"_s, m_work.filePath(u"server-data"_s));
    const QString script = writeScript(u"onserver.py"_s, R"(
import torch.distributed as dist
from trainyard_tracker import TrainyardTracker
dist.init_process_group("gloo")
tracker = TrainyardTracker(run_name="slurm-server")
for step in range(20):
    tracker.log({"loss": 1.0 / (step + 1)}, step=step)
tracker.finish()
dist.destroy_process_group()
)"_ba);
    const auto r = runCli(launch({script}), e, m_work.path());
    QVERIFY2(r.exitCode == 0, QByteArray(r.err + r.out).constData());
    QVERIFY2(!QByteArray(r.err + r.out).contains("pw-s3cret"), QByteArray(r.err + r.out).constData());
    const QString runId = captured(r.err, "run (\\d{8}-\\d{6}-[0-9a-f]+) submitted");
    QVERIFY(!runId.isEmpty());
    const auto shown = runCli({u"runs"_s, u"show"_s, runId, u"--json"_s}, e);
    QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(u"status"_s).toString(), u"finished"_s);
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, e);
    QCOMPARE(
        trainyard::test::pointCounts(exported.out),
        (QMap<QString, int>{{u"loss@0"_s, 20}, {u"loss@1"_s, 20}, {u"loss@2"_s, 20}, {u"loss@3"_s, 20}}));
    QFile sbatch(m_work.filePath(u"server-data/trainyard/runs/"_s + runId + u"/slurm.sbatch"_s));
    QVERIFY2(sbatch.open(QIODevice::ReadOnly), qPrintable(sbatch.fileName()));
    const QByteArray text = sbatch.readAll();
    QVERIFY2(text.contains("postgresql://trainyard@127.0.0.1:") && !text.contains("pw-s3cret"),
             text.constData());
}

QTEST_GUILESS_MAIN(TestSlurm)
#include "tst_slurm.moc"
