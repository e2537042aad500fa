// Multi-machine launches over SSH against real OpenSSH servers: tests/ssh/machines.sh starts machines as
// network namespaces with their own sshd (root only; CI runs as root and sets TRAINYARD_REQUIRE_SSH=1 so that
// they can never be skipped there). The hostfile, plan and protocol tests need no machines.
#include "executors.h"
#include "launch/argbytes.h"
#include "launch/launchargs.h"
#include "launch/launchplan.h"
#include "livepush.h"
#include "processes.h"
#include "remote/agentprotocol.h"
#include "remote/hostfile.h"
#include "studio.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
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

QString runIdFrom(const QByteArray &err) {
    static const QRegularExpression re(u"run (\\d{8}-\\d{6}-[0-9a-f]+):"_s);
    return re.match(QString::fromUtf8(err)).captured(1);
}

} // namespace

class TestRemote : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void hostfileSyntax_data();
    void hostfileSyntax();
    void hostList();
    void executorIsChosenFromThePlan();
    void planTakesMachinesFromHosts();
    void planRefusesDisagreement_data();
    void planRefusesDisagreement();
    void protocolCarriesBytesExactly();
    void framesSplitAnywhere();

    void allReduceAcrossThreeMachines();
    void captureOnRemoteMachines();
    void germanStudioFollowsItsSshLaunch();
    void remoteFailureStopsEveryMachine();
    void restartsEveryMachineTogether();
    void ctrlCStopsEveryMachine();
    void aCutNetworkFailsTheRunNamingTheMachine();
    void killedLauncherLeavesNothing();
    void unreachableHostsStartNothing();
    void missingInterpreterNamesTheHost();
    void checkReportsEveryHost();
    void nastyArgumentsArriveByteExact();

private:
    bool machinesUp();
    QProcessEnvironment env() const;
    QStringList hosts(const QString &list) const {
        return {u"--hosts"_s, list, u"--ssh"_s, u"ssh -F "_s + m_machines.filePath(u"ssh_config"_s)};
    }
    bool startSleepers(QProcess &p, int ranks, const QString &marker);
    QString writeScript(const QString &name, const QByteArray &text) {
        const QString path = m_work.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }

    QTemporaryDir m_machines;
    QTemporaryDir m_work;
    QString m_skip; // why the machine tests cannot run here
    bool m_up = false;
};

void TestRemote::initTestCase() {
    QVERIFY(m_machines.isValid() && m_work.isValid());
    QProcess up;
    up.start(u"bash"_s, {QStringLiteral(TRAINYARD_SSH_MACHINES), u"up"_s, m_machines.path(), u"3"_s});
    QVERIFY(up.waitForFinished(60000));
    if (up.exitCode() == 3) {
        m_skip = QString::fromUtf8(up.readAllStandardError()).trimmed();
        if (qEnvironmentVariableIsSet("TRAINYARD_REQUIRE_SSH"))
            QFAIL(qPrintable(u"TRAINYARD_REQUIRE_SSH is set, but: "_s + m_skip));
        return;
    }
    QVERIFY2(up.exitCode() == 0, up.readAllStandardError().constData());
    m_up = true;
}

void TestRemote::cleanupTestCase() {
    if (m_up)
        QProcess::execute(u"bash"_s, {QStringLiteral(TRAINYARD_SSH_MACHINES), u"down"_s, m_machines.path()});
}

bool TestRemote::machinesUp() {
    return m_up;
}

QProcessEnvironment TestRemote::env() const {
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(u"TRAINYARD_DB"_s, m_work.filePath(u"db/trainyard.db"_s));
    e.insert(u"GLOO_SOCKET_IFNAME"_s, u"eth0"_s); // the machines' interface; forwarded to every rank
    return e;
}

#define NEED_MACHINES()                                                                                      \
    do {                                                                                                     \
        if (!machinesUp())                                                                                   \
            QSKIP(qPrintable(u"no test machines: "_s + m_skip));                                             \
    } while (false)

void TestRemote::hostfileSyntax_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("hosts"); // "host/slots ..." or "error: substring"
    QTest::newRow("plain") << QByteArray("a\nb\n") << u"a/0 b/0"_s;
    QTest::newRow("slots, comments, blanks")
        << QByteArray("# cluster\n\nnode-1 slots=4  # gpu box\nuser@node-2 slots=4\n")
        << u"node-1/4 user@node-2/4"_s;
    QTest::newRow("ipv6 and alias") << QByteArray("[fe80::1]\nbox.example\n")
                                    << u"[fe80::1]/0 box.example/0"_s;
    QTest::newRow("bad slots") << QByteArray("a slots=x\n") << u"error: hosts.txt:1: slots must be"_s;
    QTest::newRow("zero slots") << QByteArray("a\nb slots=0\n") << u"error: hosts.txt:2: slots must be"_s;
    QTest::newRow("unknown field") << QByteArray("a gpus=2\n") << u"error: hosts.txt:1: unknown field"_s;
    QTest::newRow("twice") << QByteArray("a\nb\na\n") << u"error: hosts.txt:3: host a is listed twice"_s;
    QTest::newRow("empty") << QByteArray("# nothing\n\n") << u"error: hosts.txt: no hosts"_s;
    QTest::newRow("option-like") << QByteArray("-oProxyCommand=x\n") << u"error: hosts.txt:1: "_s;
    QTest::newRow("shell word") << QByteArray("a;reboot\n") << u"error: hosts.txt:1: "_s;
}

void TestRemote::hostfileSyntax() {
    QFETCH(QByteArray, text);
    QFETCH(QString, hosts);
    QList<HostEntry> out;
    QString error;
    const bool ok = parseHostfile(text, u"hosts.txt"_s, &out, &error);
    if (hosts.startsWith(u"error: "_s)) {
        QVERIFY2(!ok, qPrintable(u"parsed, expected "_s + hosts));
        QVERIFY2(error.startsWith(hosts.mid(7)), qPrintable(error));
        return;
    }
    QVERIFY2(ok, qPrintable(error));
    QStringList got;
    for (const HostEntry &h : out)
        got << u"%1/%2"_s.arg(h.host).arg(h.slots);
    QCOMPARE(got.join(u' '), hosts);
}

void TestRemote::hostList() {
    QList<HostEntry> out;
    QString error;
    QVERIFY(parseHostList(u"a:2, root@b:2 ,c"_s, &out, &error));
    QCOMPARE(out.size(), 3);
    QCOMPARE(out[1].host, u"root@b"_s);
    QCOMPARE(out[1].slots, 2);
    QCOMPARE(out[2].slots, 0);
    QVERIFY(parseHostList(u"fe80::1"_s, &out, &error)); // an IPv6 address, not host "fe80:" with slots
    QCOMPARE(out[0].host, u"fe80::1"_s);
    QVERIFY(!parseHostList(u"a:zero"_s, &out, &error));
    QVERIFY(error.contains(u"a:zero"_s));
    QVERIFY(!parseHostList(u" , "_s, &out, &error));
    QCOMPARE(hostNameOf(u"me@[fe80::1]"_s), u"fe80::1"_s);
}

// One registration list decides where ranks run: hosts go over SSH, hosts inside a Slurm job through srun,
// anything else on this machine; an --ssh that names no command is refused by the SSH backend.
void TestRemote::executorIsChosenFromThePlan() {
    LaunchPlan plan;
    LaunchArgs args;
    QCOMPARE(executorFor(plan, args).name(), u"local"_s);
    QVERIFY(!executorFor(plan, args).remote());
    plan.hosts = {HostEntry{u"a"_s, 2, 0}, HostEntry{u"b"_s, 2, 0}};
    QCOMPARE(executorFor(plan, args).name(), u"ssh"_s);
    QVERIFY(executorFor(plan, args).remote());
    args.slurmJob = u"20261206-200000-ab12"_s;
    QCOMPARE(executorFor(plan, args).name(), u"slurm"_s);
    QCOMPARE(executors().size(), 3);
    args.slurmJob.clear();
    args.ssh = u"   "_s;
    QString error;
    QVERIFY(!executorFor(plan, args).supervisor(plan, args, ExecutorContext{}, &error));
    QVERIFY2(error.contains(u"--ssh"_s), qPrintable(error));
}

void TestRemote::planTakesMachinesFromHosts() {
    QTemporaryDir dir;
    QFile hf(dir.filePath(u"hosts"_s));
    QVERIFY(hf.open(QIODevice::WriteOnly));
    hf.write("gpu-a slots=2\ngpu-b slots=2\ngpu-c slots=2\n");
    hf.close();
    LaunchArgs args;
    QString error;
    QVERIFY(parseLaunchArgs(
        {u"--hostfile"_s, hf.fileName(), u"--cpu"_s, u"--env"_s, u"A=b=c"_s, u"train.py"_s}, &args, &error));
    PlanOptions po;
    po.environmentGiven = true;
    po.environment = {
        {u"NCCL_DEBUG"_s, u"INFO"_s}, {u"GLOO_SOCKET_IFNAME"_s, u"eth0"_s}, {u"HOME"_s, u"/x"_s}};
    const LaunchPlan plan = planLaunch(args, HardwareInfo{}, po);
    QVERIFY2(plan.ok(), plan.errors.isEmpty() ? "" : qPrintable(plan.errors[0].format()));
    QCOMPARE(plan.numMachines, 3);
    QCOMPARE(plan.numProcesses, 6);
    QCOMPARE(plan.ranks.size(), 6);
    QVERIFY(plan.masterFromHosts);
    for (const RankPlan &r : plan.ranks) {
        QCOMPARE(r.machineRank, r.rank / 2);
        QCOMPARE(r.env.value(u"MASTER_ADDR"_s), u"gpu-a"_s); // replaced by its SSH address at launch
        QCOMPARE(r.env.value(u"NCCL_DEBUG"_s), u"INFO"_s);   // the collective libraries' settings travel
        QCOMPARE(r.env.value(u"GLOO_SOCKET_IFNAME"_s), u"eth0"_s);
        QVERIFY(!r.env.contains(u"HOME"_s)); // the rest is the remote machine's own
        QCOMPARE(r.env.value(u"A"_s), u"b=c"_s);
    }
    const QJsonObject json = QJsonDocument::fromJson(plan.toJson()).object();
    const QJsonArray machines = json.value(u"machines"_s).toArray();
    QCOMPARE(machines.size(), 3);
    QCOMPARE(machines[2].toObject().value(u"host"_s).toString(), u"gpu-c"_s);
    QCOMPARE(machines[2].toObject().value(u"processes"_s).toInt(), 2);
}

void TestRemote::planRefusesDisagreement_data() {
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("error");
    QTest::newRow("num_machines")
        << QStringList{u"--hosts"_s, u"a,b"_s, u"--num_machines"_s, u"3"_s}
        << u"--hosts lists 2 machine(s), but num_machines is 3 (from --num_machines)"_s;
    QTest::newRow("slots vs num_processes")
        << QStringList{u"--hosts"_s, u"a:2,b:2"_s, u"--num_processes"_s, u"6"_s}
        << u"slots=2 on each of 2 machines (4 processes), but num_processes is 6 (from --num_processes)"_s;
    QTest::newRow("uneven slots") << QStringList{u"--hosts"_s, u"a:2,b:4"_s}
                                  << u"every machine runs the same number of processes"_s;
    QTest::newRow("machine_rank") << QStringList{u"--hosts"_s, u"a,b"_s, u"--machine_rank"_s, u"1"_s}
                                  << u"--machine_rank cannot be used with --hosts"_s;
    QTest::newRow("both") << QStringList{u"--hosts"_s, u"a"_s, u"--hostfile"_s, u"/nonexistent"_s}
                          << u"use --hostfile or --hosts, not both"_s;
    QTest::newRow("missing hostfile") << QStringList{u"--hostfile"_s, u"/nonexistent/hosts"_s}
                                      << u"/nonexistent/hosts: cannot read the hostfile"_s;
}

void TestRemote::planRefusesDisagreement() {
    QFETCH(QStringList, words);
    QFETCH(QString, error);
    LaunchArgs args;
    QString e;
    QVERIFY(parseLaunchArgs(words + QStringList{u"--cpu"_s, u"train.py"_s}, &args, &e));
    const LaunchPlan plan = planLaunch(args, HardwareInfo{});
    QVERIFY(!plan.ok());
    QVERIFY2(plan.errors[0].message.contains(error), qPrintable(plan.errors[0].format()));
}

void TestRemote::protocolCarriesBytesExactly() {
    // Property: any argv and environment, as bytes (not UTF-8, NUL-free), comes out of the wire format as it
    // went in.
    QRandomGenerator rng(20261201);
    auto randomBytes = [&](bool allowEmpty) {
        QByteArray b;
        const int n = int(rng.bounded(allowEmpty ? 0 : 1, 24));
        for (int i = 0; i < n; ++i)
            b.append(char(rng.bounded(1, 256)));
        return b;
    };
    for (int round = 0; round < 300; ++round) {
        agent::MachinePlan p;
        p.machineRank = int(rng.bounded(8));
        p.workingDirectory = argFromBytes(randomBytes(false));
        p.graceMs = int(rng.bounded(100000));
        p.attempt = int(rng.bounded(5));
        for (int r = 0; r < 3; ++r) {
            RankPlan rp;
            rp.rank = r + 10;
            rp.localRank = r;
            for (int a = 0; a < 5; ++a)
                rp.argv << argFromBytes(randomBytes(a > 0));
            for (int v = 0; v < 4; ++v)
                rp.env.insert(argFromBytes(randomBytes(false).replace('=', '_')),
                              argFromBytes(randomBytes(true)));
            p.ranks << rp;
        }
        agent::FrameReader reader;
        reader.append(agent::frame(agent::Msg::Plan, agent::encodePlan(p)));
        const auto f = reader.next();
        QVERIFY(f && f->type == agent::Msg::Plan);
        agent::MachinePlan q;
        QString error;
        QVERIFY2(agent::decodePlan(f->payload, &q, &error), qPrintable(error));
        QCOMPARE(argToBytes(q.workingDirectory), argToBytes(p.workingDirectory));
        QCOMPARE(q.graceMs, p.graceMs);
        QCOMPARE(q.attempt, p.attempt);
        QCOMPARE(q.ranks.size(), p.ranks.size());
        for (qsizetype r = 0; r < p.ranks.size(); ++r) {
            QCOMPARE(q.ranks[r].rank, p.ranks[r].rank);
            QCOMPARE(q.ranks[r].argv.size(), p.ranks[r].argv.size());
            for (qsizetype a = 0; a < p.ranks[r].argv.size(); ++a)
                QCOMPARE(argToBytes(q.ranks[r].argv[a]), argToBytes(p.ranks[r].argv[a]));
            QCOMPARE(q.ranks[r].env, p.ranks[r].env);
        }
    }
    agent::MachinePlan bad;
    QString error;
    QVERIFY(!agent::decodePlan("{\"version\": 99}", &bad, &error));
    QVERIFY(error.contains(u"protocol version 99"_s));
    // Valid JSON that is not an object says so; a plan with no rank, or a rank twice, is refused (it would
    // leave a controller that never finishes and an agent that never exits).
    QVERIFY(!agent::decodePlan("[1, 2]", &bad, &error));
    QVERIFY2(error.contains(u"not a JSON object"_s), qPrintable(error));
    const QByteArray v = QByteArray::number(agent::ProtocolVersion);
    QVERIFY(!agent::decodePlan("{\"version\": " + v + ", \"working_directory\": \"\", \"ranks\": []}", &bad,
                               &error));
    QVERIFY2(error.contains(u"no ranks"_s), qPrintable(error));
    const QByteArray rank = "{\"rank\": 1, \"argv\": [\"" + QByteArray("python3").toBase64() + "\"]}";
    QVERIFY(!agent::decodePlan("{\"version\": " + v + ", \"working_directory\": \"\", \"ranks\": [" + rank +
                                   ", " + rank + "]}",
                               &bad, &error));
    QVERIFY2(error.contains(u"rank 1 twice"_s), qPrintable(error));
}

void TestRemote::framesSplitAnywhere() {
    QByteArray stream = agent::outputFrame(3, 2, "line\none") +
                        agent::connectionFrame(agent::Msg::Data, 7, "xyz") + agent::frame(agent::Msg::Stop);
    for (int cut = 0; cut <= stream.size(); ++cut) {
        agent::FrameReader r;
        QList<agent::Frame> got;
        r.append(stream.left(cut));
        while (auto f = r.next())
            got << *f;
        r.append(stream.mid(cut));
        while (auto f = r.next())
            got << *f;
        QCOMPARE(got.size(), 3);
        int rank = 0, s = 0;
        QByteArray line;
        QVERIFY(agent::decodeOutput(got[0].payload, &rank, &s, &line));
        QCOMPARE(rank, 3);
        QCOMPARE(s, 2);
        QCOMPARE(line, QByteArray("line\none"));
        QCOMPARE(got[2].type, agent::Msg::Stop);
    }
    agent::FrameReader huge;
    huge.append(QByteArray::fromHex("7fffffff00"));
    QVERIFY(!huge.next());
    QVERIFY(!huge.error().isEmpty());
}

void TestRemote::allReduceAcrossThreeMachines() {
    NEED_MACHINES();
    if (!trainyard::test::systemTorchAvailable())
        QSKIP("Debian's python3-torch is not installed (scripts/install-deps.sh installs it)");
    const QString script = writeScript(u"allreduce.py"_s, R"(
import os, socket, torch, torch.distributed as dist
from trainyard_tracker import TrainyardTracker
dist.init_process_group("gloo")
r = dist.get_rank()
t = torch.tensor([float(r + 1)])
dist.all_reduce(t)
print(f"rank {r} host {socket.gethostname()} sum {t.item():.0f}", flush=True)
tracker = TrainyardTracker(run_name="allreduce")
for step in range(50):
    tracker.log({"loss": 1.0 / (step + 1), "sum": t.item()}, step=step)
tracker.finish()
dist.destroy_process_group()
)"_ba);
    const auto r = runCli(QStringList{u"launch"_s} + hosts(u"m1,m2,m3"_s) +
                              QStringList{u"--cpu"_s, u"--num_processes"_s, u"6"_s, u"--python"_s,
                                          QString::fromLatin1(SystemPython), script},
                          env(), m_work.path());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString runId = runIdFrom(r.err);
    QVERIFY(!runId.isEmpty());
    const QString runDir = m_work.filePath(u"db/runs/"_s + runId);
    for (int rank = 0; rank < 6; ++rank) {
        QFile out(runDir + u"/rank-%1.out"_s.arg(rank));
        QVERIFY(out.open(QIODevice::ReadOnly));
        // Every rank ran on its own machine (line i of the hosts is machine rank i) and saw the world's sum.
        QCOMPARE(out.readAll().trimmed(), u"rank %1 host m%2 sum 21"_s.arg(rank).arg(rank / 2 + 1).toUtf8());
    }
    // Every remote rank's metrics reached this machine's database, all 50 steps of each.
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, env());
    QCOMPARE(exported.exitCode, 0);
    QMap<int, int> lossPoints;
    for (const QByteArray &line : exported.out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(u"key"_s).toString() == u"loss"_s)
            ++lossPoints[o.value(u"rank"_s).toInt()];
    }
    QCOMPARE(lossPoints.size(), 6);
    for (int n : std::as_const(lossPoints))
        QCOMPARE(n, 50);
    // The record names each machine, its ranks and how they ended.
    QFile rec(runDir + u"/run.json"_s);
    QVERIFY(rec.open(QIODevice::ReadOnly));
    const QJsonArray machines =
        QJsonDocument::fromJson(rec.readAll()).object().value(u"machines"_s).toArray();
    QCOMPARE(machines.size(), 3);
    const QString subnet = [&] {
        QFile f(m_machines.filePath(u"subnet"_s));
        f.open(QIODevice::ReadOnly);
        return QString::fromLatin1(f.readAll().trimmed());
    }();
    for (int m = 0; m < 3; ++m) {
        const QJsonObject o = machines[m].toObject();
        QCOMPARE(o.value(u"hostname"_s).toString(), u"m%1"_s.arg(m + 1));
        QCOMPARE(o.value(u"address"_s).toString(), u"%1.%2"_s.arg(subnet).arg(11 + m));
        QCOMPARE(o.value(u"state"_s).toString(), u"finished"_s);
        QCOMPARE(o.value(u"ranks"_s).toArray(), (QJsonArray{2 * m, 2 * m + 1}));
    }
}

// The ranks' start-up hook reaches remote machines through their node agent: an accelerate script that knows
// nothing of Trainyard (the stand-in in tests/data/capture) logs on machine 0's main process, and its values
// and config come back into this machine's database.
void TestRemote::captureOnRemoteMachines() {
    NEED_MACHINES();
    QProcessEnvironment e = env();
    e.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    const auto r =
        runCli(QStringList{u"launch"_s} + hosts(u"m1,m2"_s) +
                   QStringList{u"--cpu"_s, u"--num_processes"_s, u"4"_s, u"--env"_s,
                               u"PYTHONPATH=" TRAINYARD_TEST_DATA "/capture"_s, u"--python"_s,
                               QString::fromLatin1(SystemPython),
                               QStringLiteral(TRAINYARD_TEST_DATA "/capture/scripts/accelerate_train.py")},
               e, m_work.path());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString runId = runIdFrom(r.err);
    QVERIFY(!runId.isEmpty());
    const auto exported = runCli({u"runs"_s, u"export"_s, runId, u"--format"_s, u"jsonl"_s}, env());
    QCOMPARE(exported.exitCode, 0);
    QCOMPARE(trainyard::test::pointCounts(exported.out),
             (QMap<QString, int>{{u"accuracy@0"_s, 50}, {u"loss@0"_s, 50}}));
    const auto shown = runCli({u"runs"_s, u"show"_s, runId, u"--json"_s}, env());
    const QJsonObject detail = QJsonDocument::fromJson(shown.out).object();
    QCOMPARE(detail.value(u"params"_s).toObject().value(u"lr"_s).toString(), u"0.01"_s);
    QVERIFY(detail.value(u"name"_s).toString().startsWith(u"acc-project-"_s));
}

// What the studio does when it launches on SSH hosts: it listens on its push socket and names the launch; the
// launcher speaks German. The run is known from the run frames alone, from created to finished.
void TestRemote::germanStudioFollowsItsSshLaunch() {
    NEED_MACHINES();
    trainyard::test::StudioSocket studio;
    QString error;
    QVERIFY2(studio.listen(&error), qPrintable(error));
    const QList<PushedRun> &states = studio.states;
    const QProcessEnvironment e = studio.environment(env(), u"ssh-launch"_s);
    const QString script = m_work.filePath(u"hello.py"_s);
    {
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import os\nprint('hello from', os.environ['RANK'], flush=True)\n");
    }
    QProcess launcher;
    launcher.setProcessEnvironment(e);
    launcher.setWorkingDirectory(m_work.path());
    launcher.start(QStringLiteral(TRAINYARD_CLI),
                   QStringList{u"launch"_s} + hosts(u"m1,m2"_s) +
                       QStringList{u"--cpu"_s, u"--num_processes"_s, u"4"_s, u"--python"_s,
                                   QString::fromLatin1(SystemPython), script});
    QVERIFY(launcher.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && states.last().status == RunStatus::Finished, 60000);
    QVERIFY(launcher.state() == QProcess::NotRunning || launcher.waitForFinished(30000));
    const QByteArray err = launcher.readAllStandardError();
    QVERIFY2(launcher.exitCode() == 0, err.constData());
    QVERIFY2(runIdFrom(err).isEmpty(), err.constData()); // German: nothing to match in English
    QCOMPARE(states.first().launch, u"ssh-launch"_s);
    QCOMPARE(states.first().status, RunStatus::Created);
    QVERIFY(studio.saw(u"ssh-launch"_s, RunStatus::Running));
    for (const PushedRun &r : std::as_const(states))
        QCOMPARE(r.uid, states.first().uid);
    const auto shown = runCli({u"runs"_s, u"show"_s, states.first().uid, u"--json"_s}, env());
    QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(u"status"_s).toString(), u"finished"_s);
}

void TestRemote::remoteFailureStopsEveryMachine() {
    NEED_MACHINES();
    const QString script = writeScript(u"failfast.py"_s, R"(
import os, sys, time
rank = int(os.environ["RANK"])
print("up", rank, flush=True)
if rank == 4:
    time.sleep(1)
    print("rank 4 gives up", file=sys.stderr, flush=True)
    sys.exit(3)
time.sleep(120)
)"_ba);
    QElapsedTimer clock;
    clock.start();
    const auto r = runCli(QStringList{u"launch"_s} + hosts(u"m1,m2,m3"_s) +
                              QStringList{u"--cpu"_s, u"--num_processes"_s, u"6"_s, u"--python"_s,
                                          QString::fromLatin1(SystemPython), script, u"failfast-marker"_s},
                          env(), m_work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("run failed: rank 4 on m3, exit code 3"), r.err.constData());
    QVERIFY2(r.err.contains("rank 4 gives up"), r.err.constData()); // the failing rank's stderr tail
    // The other five ranks were stopped by SIGTERM well before their 120 s were up (launch, 1 s, stop).
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(waitUntil([] { return processesWith("failfast-marker") == 0; }, 5000));
}

void TestRemote::restartsEveryMachineTogether() {
    // --max_restarts restarts every machine's ranks together (a collective needs all of them), with
    // TORCHELASTIC_RESTART_COUNT counting the restarts on every machine.
    NEED_MACHINES();
    const QString script = writeScript(u"restart.py"_s, R"(
import os, sys
rank, attempt = int(os.environ["RANK"]), int(os.environ["TORCHELASTIC_RESTART_COUNT"])
print(f"rank {rank} attempt {attempt}", flush=True)
sys.exit(2 if rank == 3 and attempt == 0 else 0)
)"_ba);
    const auto r = runCli(QStringList{u"launch"_s} + hosts(u"m1,m2,m3"_s) +
                              QStringList{u"--cpu"_s, u"--num_processes"_s, u"6"_s, u"--max_restarts"_s,
                                          u"1"_s, u"--python"_s, QString::fromLatin1(SystemPython), script},
                          env(), m_work.path());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("restarting all ranks (restart 1 of 1) after rank 3 on m2: exit code 2"),
             r.err.constData());
    for (int rank = 0; rank < 6; ++rank)
        QVERIFY2(r.out.contains(u"[rank %1] rank %1 attempt 1"_s.arg(rank).toUtf8()), r.out.constData());
}

// Starts ranks sleeping on m1..m3 and waits until every one has said so.
bool TestRemote::startSleepers(QProcess &p, int ranks, const QString &marker) {
    const QString script =
        writeScript(u"sleeper.py"_s, "import time\nprint('up', flush=True)\ntime.sleep(120)\n");
    p.setProcessEnvironment(env());
    p.setWorkingDirectory(m_work.path());
    p.start(QStringLiteral(TRAINYARD_CLI),
            QStringList{u"launch"_s} + hosts(u"m1,m2,m3"_s) +
                QStringList{u"--cpu"_s, u"--num_processes"_s, QString::number(ranks), u"--python"_s,
                            QString::fromLatin1(SystemPython), script, marker});
    if (!p.waitForStarted())
        return false;
    QByteArray out;
    return waitUntil(
        [&] {
            out += p.readAllStandardOutput();
            return out.count("] up") == ranks;
        },
        30000);
}

void TestRemote::ctrlCStopsEveryMachine() {
    NEED_MACHINES();
    QProcess p;
    QVERIFY(startSleepers(p, 6, u"ctrlc-marker"_s));
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(p.readAllStandardError().contains("run cancelled"));
    QVERIFY(waitUntil([] { return processesWith("ctrlc-marker") == 0; }, 5000));
}

// A machine whose network is cut while its ranks run (no EOF, no RST: TCP alone would wait many minutes): the
// launcher hears nothing for agent::SilenceLimitMs (SSH's keepalives say the same) and fails the run naming
// the machine; that machine's agent hears nothing either and stops its ranks, so none runs unsupervised.
void TestRemote::aCutNetworkFailsTheRunNamingTheMachine() {
    NEED_MACHINES();
    QFile prefixFile(m_machines.filePath(u"prefix"_s));
    QVERIFY(prefixFile.open(QIODevice::ReadOnly));
    const QString ns = QString::fromLatin1(prefixFile.readAll().trimmed()) + u"m2"_s;
    QProcess p;
    QVERIFY(startSleepers(p, 6, u"cut-marker"_s));
    const auto restore = qScopeGuard([&] {
        QProcess::execute(u"ip"_s,
                          {u"netns"_s, u"exec"_s, ns, u"ip"_s, u"link"_s, u"set"_s, u"eth0"_s, u"up"_s});
    });
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(QProcess::execute(
                 u"ip"_s, {u"netns"_s, u"exec"_s, ns, u"ip"_s, u"link"_s, u"set"_s, u"eth0"_s, u"down"_s}),
             0);
    QVERIFY(p.waitForFinished(60000));
    const qint64 noticedMs = clock.elapsed();
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    qInfo("the cut was noticed after %lld ms", noticedMs);
    QVERIFY2(err.contains("m2: no word from the machine") ||
                 err.contains("m2: lost the connection to the machine"),
             err.constData());
    // Noticed within the stated bound (20 s of silence, checked every 5 s), with room for a busy machine.
    QVERIFY2(noticedMs < 40000, qPrintable(QString::number(noticedMs)));
    // m2's ranks were stopped by their own agent; the others by the launcher.
    QVERIFY(waitUntil([] { return processesWith("cut-marker") == 0; }, 40000));
}

void TestRemote::killedLauncherLeavesNothing() {
    NEED_MACHINES();
    QProcess p;
    QVERIFY(startSleepers(p, 3, u"sigkill-marker"_s));
    QVERIFY(processesWith("sigkill-marker") >= 3);
    // SIGKILL: the launcher cannot stop anything itself. Its SSH clients die with it, every agent sees EOF
    // and stops its ranks.
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished(5000));
    QVERIFY(waitUntil([] { return processesWith("sigkill-marker") == 0; }, 10000));
}

void TestRemote::unreachableHostsStartNothing() {
    NEED_MACHINES();
    const QString marker = m_work.filePath(u"started-anyway"_s);
    const QString script = writeScript(u"touch.py"_s, "import sys\nopen(sys.argv[1], 'w').close()\n");
    const auto r =
        runCli(QStringList{u"launch"_s} + hosts(u"m1,refused,wrongkey"_s) +
                   QStringList{u"--cpu"_s, u"--python"_s, QString::fromLatin1(SystemPython), script, marker},
               env(), m_work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("nothing was started"), r.err.constData());
    QVERIFY2(r.err.contains("refused: cannot connect: ssh: connect to host"), r.err.constData());
    QVERIFY2(r.err.contains("Connection refused"), r.err.constData());
    // A wrong host key is refused (host key checking stays on), and the message says so.
    QVERIFY2(r.err.contains("wrongkey: cannot connect: Host key verification failed."), r.err.constData());
    QVERIFY(!QFile::exists(marker)); // m1 was reachable, but nothing ran there either
}

void TestRemote::missingInterpreterNamesTheHost() {
    NEED_MACHINES();
    const auto r =
        runCli(QStringList{u"launch"_s} + hosts(u"m1,m2"_s) +
                   QStringList{u"--cpu"_s, u"--python"_s, u"/opt/no-such/python3"_s, u"train.py"_s},
               env(), m_work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("m1: /opt/no-such/python3 does not exist or is not executable"),
             r.err.constData());
    QVERIFY2(r.err.contains("m2: /opt/no-such/python3 does not exist or is not executable"),
             r.err.constData());
}

void TestRemote::checkReportsEveryHost() {
    NEED_MACHINES();
    const QDir runs(m_work.filePath(u"db/runs"_s));
    const qsizetype before = runs.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
    const auto r =
        runCli(QStringList{u"launch"_s, u"--check"_s} + hosts(u"m1,m2,refused"_s) +
                   QStringList{u"--cpu"_s, u"--python"_s, QString::fromLatin1(SystemPython), u"x.py"_s},
               env(), m_work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("m1: ready (hostname m1, address "), r.out.constData());
    QVERIFY2(r.out.contains("m2: ready (hostname m2, address "), r.out.constData());
    QVERIFY2(r.out.contains("not ready: refused: cannot connect"), r.out.constData());
    const auto ok =
        runCli(QStringList{u"launch"_s, u"--check"_s} + hosts(u"m1,m2"_s) +
                   QStringList{u"--cpu"_s, u"--python"_s, QString::fromLatin1(SystemPython), u"x.py"_s},
               env(), m_work.path());
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(waitUntil([] { return processesWith("trainyard agent") == 0; }, 5000)); // the agents have exited
    QCOMPARE(runs.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), before);     // a check records no run
}

void TestRemote::nastyArgumentsArriveByteExact() {
    NEED_MACHINES();
    const QString pwned = m_work.filePath(u"pwned"_s);
    const QString script = writeScript(u"echo.py"_s, R"(
import json, os, sys
out = os.environ["ECHO_DIR"] + "/echo-" + os.environ["RANK"] + ".json"
with open(out, "w") as f:
    json.dump({"argv": [os.fsencode(a).hex() for a in sys.argv[1:]],
               "nasty": os.environb[b"NASTY"].hex()}, f)
)"_ba);
    const QList<QByteArray> nasty = {"two words",
                                     "it's",
                                     "\"double\"",
                                     "$(touch " + pwned.toUtf8() + ")",
                                     "`touch " + pwned.toUtf8() + "`",
                                     "line\nbreak",
                                     "tab\there",
                                     "caf\xc3\xa9 \xe2\x9c\x93",
                                     "latin1 caf\xe9",
                                     "",
                                     "*",
                                     "; exit 1",
                                     "\\back\\slash"};
    const QByteArray nastyEnv = "$(touch " + pwned.toUtf8() + ") 'q' \"d\"\nnext line \xc3\xbc";
    // Through a shell script so that argv holds raw bytes (one argument is not UTF-8).
    QByteArray wrapper =
        "#!/bin/sh\nexec " + QByteArray(TRAINYARD_CLI) + " launch --hosts m1,m2 --ssh 'ssh -F " +
        m_machines.filePath(u"ssh_config"_s).toUtf8() + "' --cpu --num_processes 2 --python " + SystemPython +
        " --env ECHO_DIR=" + m_work.path().toUtf8() + " --env \"NASTY=$NASTY\" " + script.toUtf8();
    for (int i = 0; i < nasty.size(); ++i)
        wrapper += " \"$A" + QByteArray::number(i) + "\"";
    wrapper += "\n";
    const QString wrapperPath = writeScript(u"nasty.sh"_s, wrapper);
    QProcessEnvironment e = env();
    for (int i = 0; i < nasty.size(); ++i)
        e.insert(u"A%1"_s.arg(i), argFromBytes(nasty[i]));
    e.insert(u"NASTY"_s, argFromBytes(nastyEnv));
    QProcess p;
    p.setProcessEnvironment(e);
    p.setWorkingDirectory(m_work.path());
    // QProcess passes environment values as UTF-8; the non-UTF-8 one is rebuilt from its escaped form by the
    // shell's printf instead.
    p.start(u"/bin/sh"_s, {u"-c"_s, u"A8=\"$(printf 'latin1 caf\\351')\" exec sh "_s + wrapperPath});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    for (int rank = 0; rank < 2; ++rank) {
        QFile f(m_work.filePath(u"echo-%1.json"_s.arg(rank)));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray argv = o.value(u"argv"_s).toArray();
        QCOMPARE(argv.size(), nasty.size());
        for (int i = 0; i < nasty.size(); ++i)
            QCOMPARE(QByteArray::fromHex(argv[i].toString().toLatin1()), nasty[i]);
        QCOMPARE(QByteArray::fromHex(o.value(u"nasty"_s).toString().toLatin1()), nastyEnv);
    }
    QVERIFY(!QFile::exists(pwned)); // nothing was ever run by a shell
}

QTEST_GUILESS_MAIN(TestRemote)
#include "tst_remote.moc"
