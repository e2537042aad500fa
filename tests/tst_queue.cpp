// `trainyard queue`: real runs queued in a real database, started by a real runner (the CLI) with a declared
// pool of GPU ids on a machine without GPUs; ranks that write down when they ran and which ids they saw.
#include "processes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace trainyard::test;

namespace {

// Each rank writes "RUN RANK START_MS END_MS CUDA_VISIBLE_DEVICES" to $OUT/RUN-RANK once it has slept for
// its SECONDS (first argument).
const char *const RankScript = R"(import os, sys, time
start = time.time()
time.sleep(float(sys.argv[1]))
run = os.environ["TRAINYARD_RUN_ID"]
rank = os.environ.get("RANK", "0")  # a single process gets no RANK, as under accelerate
with open(os.path.join(os.environ["OUT"], f"{run}-{rank}"), "a") as f:
    f.write(f"{run} {rank} {int(start * 1000)} {int(time.time() * 1000)} {os.environ.get('CUDA_VISIBLE_DEVICES', '<unset>')}\n")
)";

struct RankRecord {
    QString run;
    int rank = 0;
    qint64 start = 0, end = 0;
    QString devices;
};

} // namespace

class TestQueue : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_case = 0;
    QString m_db, m_out, m_script;

    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"TRAINYARD_DB"_s, m_db);
        e.insert(u"HF_HOME"_s, m_dir.filePath(u"hf"_s));
        e.insert(u"OUT"_s, m_out);
        e.insert(u"TRAINYARD_GPU_COUNT"_s, u"4"_s);
        return e;
    }
    CliResult cli(const QStringList &args) const { return runCli(args, env(), m_dir.path()); }
    QString add(const QStringList &args) {
        const CliResult r = cli(QStringList{u"queue"_s, u"add"_s} + args);
        if (r.exitCode != 0)
            qWarning("queue add failed: %s", r.err.constData());
        return QString::fromUtf8(r.out).trimmed();
    }
    QJsonArray listed(bool all = true) const {
        const CliResult r = cli(all ? QStringList{u"queue"_s, u"list"_s, u"--json"_s, u"--all"_s}
                                    : QStringList{u"queue"_s, u"list"_s, u"--json"_s});
        return QJsonDocument::fromJson(r.out).object().value(u"runs"_s).toArray();
    }
    QJsonObject entry(const QString &id) const {
        for (const QJsonValue &v : listed())
            if (v[u"id"_s].toString() == id)
                return v.toObject();
        return {};
    }
    QList<RankRecord> records() const {
        QList<RankRecord> out;
        for (const QString &name : QDir(m_out).entryList(QDir::Files)) {
            QFile f(QDir(m_out).filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray &line : f.readAll().split('\n')) {
                const QList<QByteArray> w = line.split(' ');
                if (w.size() == 5)
                    out << RankRecord{QString::fromUtf8(w[0]), w[1].toInt(), w[2].toLongLong(),
                                      w[3].toLongLong(), QString::fromUtf8(w[4])};
            }
        }
        return out;
    }
    QProcess *startRunner(const QStringList &args) {
        auto *p = new QProcess(this);
        p->setProcessEnvironment(env());
        p->setWorkingDirectory(m_dir.path());
        p->start(QStringLiteral(TRAINYARD_CLI), QStringList{u"queue"_s, u"run"_s} + args);
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_script = m_dir.filePath(u"rank.py"_s);
        QFile f(m_script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(RankScript);
    }
    // Every case has a database and an output folder of its own.
    void init() {
        ++m_case;
        m_db = m_dir.filePath(u"db%1/trainyard.db"_s.arg(m_case));
        m_out = m_dir.filePath(u"out%1"_s.arg(m_case));
        QVERIFY(QDir().mkpath(m_out));
    }

    // A pool of 4 GPU ids and 5 runs asking for 2 each: never more than two at once, their ids disjoint, each
    // rank sees its run's ids, and all finish.
    void poolOfFourRunsOfTwo() {
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << add({u"--gpus"_s, u"2"_s, u"--name"_s, u"pair%1"_s.arg(i), m_script, u"1.5"_s});
        for (const QString &id : std::as_const(ids))
            QVERIFY2(!id.isEmpty(), "queue add printed no id");
        // Queued runs are runs: `runs list` shows them at once.
        const CliResult runs = cli({u"runs"_s, u"list"_s});
        QVERIFY2(runs.out.contains(ids[0].toUtf8()) && runs.out.contains("queued"), runs.out.constData());
        QCOMPARE(listed(false).size(), 5);
        QCOMPARE(listed(false).at(0)[u"position"_s].toInt(), 1);

        const CliResult r = cli({u"queue"_s, u"run"_s, u"--gpus"_s, u"0,1,2,3"_s, u"--until-empty"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("GPU pool 0,1,2,3"), r.err.constData());
        const QList<RankRecord> recs = records();
        QCOMPARE(recs.size(), 10); // 5 runs x 2 ranks, each exactly once
        QMap<QString, QPair<qint64, qint64>> span;
        for (const QString &id : std::as_const(ids)) {
            const QJsonObject e = entry(id);
            QCOMPARE(e[u"status"_s].toString(), u"finished"_s);
            const QJsonArray gpuIds = e[u"gpu_ids"_s].toArray();
            QCOMPARE(gpuIds.size(), 2);
            const QString seen = u"%1,%2"_s.arg(gpuIds[0].toInt()).arg(gpuIds[1].toInt());
            qint64 lo = LLONG_MAX, hi = 0;
            for (const RankRecord &rec : recs)
                if (rec.run == id) {
                    QCOMPARE(rec.devices, seen); // CUDA_VISIBLE_DEVICES: the run's ids
                    lo = std::min(lo, rec.start);
                    hi = std::max(hi, rec.end);
                }
            span.insert(id, {lo, hi});
        }
        // Runs that overlap in time share no id, and at most two run at once.
        for (const QString &a : std::as_const(ids))
            for (const QString &b : std::as_const(ids)) {
                if (a >= b)
                    continue;
                const bool overlap = span[a].first < span[b].second && span[b].first < span[a].second;
                if (!overlap)
                    continue;
                const QJsonArray ga = entry(a)[u"gpu_ids"_s].toArray(), gb = entry(b)[u"gpu_ids"_s].toArray();
                for (const QJsonValue &g : ga)
                    QVERIFY2(!gb.contains(g),
                             qPrintable(u"%1 and %2 overlapped on GPU %3"_s.arg(a, b).arg(g.toInt())));
            }
        for (const QString &a : std::as_const(ids)) {
            int atOnce = 0;
            for (const QString &b : std::as_const(ids))
                if (span[b].first <= span[a].first && span[a].first < span[b].second)
                    ++atOnce;
            QVERIFY2(atOnce <= 2, qPrintable(u"%1 runs at once"_s.arg(atOnce)));
        }
        // Two at a time is what the pool allows: with 5 runs of 1.5 s some did overlap.
        QVERIFY(std::any_of(ids.cbegin() + 1, ids.cend(), [&](const QString &b) {
            return span[ids[0]].first < span[b].second && span[b].first < span[ids[0]].second;
        }));
    }

    // The runner killed with SIGKILL mid-queue: the run it started keeps its launcher and finishes; the next
    // runner takes over and starts the rest; nothing runs twice, nothing is lost.
    void killedRunnerIsTakenOver() {
        // The first runs long enough that the runner is surely killed while it runs (a slow, sanitized
        // machine included); the others are short.
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << add({u"--gpus"_s, u"1"_s, m_script, i == 0 ? u"6"_s : u"0.5"_s});
        QProcess *runner = startRunner({u"--gpus"_s, u"0"_s});
        QVERIFY(waitUntil([&] { return entry(ids[0])[u"state"_s].toString() == u"running"_s; }, 30000));
        // One runner per database.
        const CliResult second = cli({u"queue"_s, u"run"_s, u"--gpus"_s, u"0"_s, u"--until-empty"_s});
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QByteArray(QByteArray("another queue runner (pid ") +
                                                QByteArray::number(runner->processId()))),
                 second.err.constData());
        ::kill(pid_t(runner->processId()), SIGKILL);
        QVERIFY(runner->waitForFinished(10000));
        // The run goes on without its runner, and nothing else starts.
        QVERIFY2(
            waitUntil([&] { return entry(ids[0])[u"status"_s].toString() == u"finished"_s; }, 30000),
            QByteArray(cli({u"queue"_s, u"list"_s, u"--all"_s}).out + cli({u"runs"_s, u"show"_s, ids[0]}).out)
                .constData());
        QCOMPARE(entry(ids[1])[u"state"_s].toString(), u"waiting"_s);
        const CliResult next = cli({u"queue"_s, u"run"_s, u"--gpus"_s, u"0"_s, u"--until-empty"_s});
        QVERIFY2(next.exitCode == 0, next.err.constData());
        const QList<RankRecord> recs = records();
        QCOMPARE(recs.size(), 3);
        for (const QString &id : std::as_const(ids)) {
            QCOMPARE(entry(id)[u"status"_s].toString(), u"finished"_s);
            QCOMPARE(
                std::count_if(recs.cbegin(), recs.cend(), [&](const RankRecord &r) { return r.run == id; }),
                1);
        }
    }

    // Order, moves, removal and the pause: a paused queue starts nothing; resumed, the runs start in the
    // order the queue has then (one CPU slot: one at a time).
    void orderMoveRemovePause() {
        const QString a = add({u"--name"_s, u"a"_s, m_script, u"0.2"_s});
        const QString b = add({u"--name"_s, u"b"_s, m_script, u"0.2"_s});
        const QString c = add({u"--name"_s, u"c"_s, m_script, u"0.2"_s});
        QCOMPARE(cli({u"queue"_s, u"move"_s, c, u"--to"_s, u"1"_s}).exitCode, 0);
        QJsonArray waiting = listed(false);
        QCOMPARE(waiting.size(), 3);
        QCOMPARE(waiting[0][u"id"_s].toString(), c);
        QCOMPARE(waiting[1][u"id"_s].toString(), a);
        QCOMPARE(waiting[2][u"position"_s].toInt(), 3);
        const CliResult rm = cli({u"queue"_s, u"rm"_s, b});
        QVERIFY2(rm.exitCode == 0, rm.err.constData());
        QVERIFY(!cli({u"runs"_s, u"list"_s}).out.contains(b.toUtf8()));
        QCOMPARE(cli({u"queue"_s, u"rm"_s, b}).exitCode, 1);
        QCOMPARE(cli({u"queue"_s, u"pause"_s}).exitCode, 0);
        QVERIFY(cli({u"queue"_s, u"list"_s}).out.contains("paused"));
        const CliResult paused = cli({u"queue"_s, u"run"_s, u"--until-empty"_s});
        QCOMPARE(paused.exitCode, 0);
        QVERIFY(records().isEmpty());
        QCOMPARE(entry(c)[u"state"_s].toString(), u"waiting"_s);
        QCOMPARE(cli({u"queue"_s, u"resume"_s}).exitCode, 0);
        const CliResult ran = cli({u"queue"_s, u"run"_s, u"--until-empty"_s});
        QVERIFY2(ran.exitCode == 0, ran.err.constData());
        const QList<RankRecord> recs = records();
        QCOMPARE(recs.size(), 2);
        const RankRecord first = recs[0].start < recs[1].start ? recs[0] : recs[1];
        const RankRecord second = recs[0].start < recs[1].start ? recs[1] : recs[0];
        QCOMPARE(first.run, c);
        QCOMPARE(second.run, a);
        QVERIFY(first.end <= second.start); // one CPU slot: one after the other
        QCOMPARE(first.devices, QString()); // a CPU run sees no GPU
        // A run that ended leaves the queue and stays a run.
        QCOMPARE(cli({u"queue"_s, u"rm"_s, c}).exitCode, 0);
        QVERIFY(entry(c).isEmpty());
        QVERIFY(cli({u"runs"_s, u"list"_s}).out.contains(c.toUtf8()));
    }

    // A GPU that a program the queue did not start uses (NVML's processes) is not free; the pool is every
    // GPU NVML sees when none is declared.
    void busyGpuIsNotFree() {
        QTemporaryDir gpus;
        QVERIFY(QDir(gpus.path()).mkpath(u"gpu0"_s) && QDir(gpus.path()).mkpath(u"gpu1"_s));
        QFile foreign(gpus.filePath(u"gpu0/%1"_s.arg(QCoreApplication::applicationPid())));
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write("1048576");
        foreign.close();
        const QString id = add({u"--gpus"_s, u"1"_s, m_script, u"0.1"_s});
        QProcessEnvironment e = env();
        e.insert(u"LD_LIBRARY_PATH"_s, QStringLiteral(TRAINYARD_FAKE_NVML_DIR));
        e.insert(u"FAKE_NVML_DIR"_s, gpus.path());
        const CliResult r = runCli({u"queue"_s, u"run"_s, u"--until-empty"_s}, e, m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("GPU pool 0,1 (the GPUs NVML sees)"), r.err.constData());
        const QList<RankRecord> recs = records();
        QCOMPARE(recs.size(), 1);
        QCOMPARE(recs[0].devices, u"1"_s);
        QCOMPARE(entry(id)[u"gpu_ids"_s].toArray(), QJsonArray{1});
    }

    // A launcher plans for the GPUs CUDA_VISIBLE_DEVICES shows it, as torch.cuda.device_count() counts them
    // for accelerate: a queued run given 2 ids gets 2 ranks by default, one given none gets 1 on the CPU.
    void visibleDevicesNarrowThePlan() {
        const auto ranks = [&](const QString &visible) {
            QProcessEnvironment e = env(); // 4 GPUs on this machine (TRAINYARD_GPU_COUNT), no default config
            e.insert(u"CUDA_VISIBLE_DEVICES"_s, visible);
            const CliResult r = runCli({u"launch"_s, u"--dry-run"_s, u"--json"_s, m_script}, e, m_dir.path());
            return QJsonDocument::fromJson(r.out).object().value(u"ranks"_s).toArray().size();
        };
        QCOMPARE(ranks(u"1,3"_s), 2);
        QCOMPARE(ranks(u"2"_s), 1);
        QCOMPARE(ranks(u"0,1,2,3"_s), 4);
        QCOMPARE(ranks(u"0,7,1"_s), 1); // CUDA stops at the first id that names no device
        QCOMPARE(ranks(QString()), 1);  // none visible: one process
    }

    // A run records its code's commit, branch and uncommitted diff, and the versions its interpreter imports;
    // `runs rerun` runs the same command again as a new run, tagged with the one it repeats. A secret given
    // with --env was never recorded, so such a run is refused, naming it.
    void runsCanBeReproduced() {
        const QString repo = m_dir.filePath(u"repo%1"_s.arg(m_case));
        QVERIFY(QDir().mkpath(repo));
        bool gitRan = false;
        const auto git = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(repo);
            p.start(u"git"_s, QStringList{u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@t"_s} + args);
            gitRan = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
            return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        };
        git({u"init"_s, u"-q"_s, u"-b"_s, u"trial"_s});
        if (!gitRan)
            QSKIP("git is not installed (scripts/install-deps.sh --all installs it)");
        QVERIFY(QFile::copy(m_script, repo + u"/rank.py"_s));
        git({u"add"_s, u"rank.py"_s});
        git({u"commit"_s, u"-q"_s, u"-m"_s, u"first"_s});
        const QString commit = git({u"rev-parse"_s, u"HEAD"_s});
        QVERIFY(!commit.isEmpty());
        QFile script(repo + u"/rank.py"_s);
        QVERIFY(script.open(QIODevice::Append));
        script.write("# an uncommitted change\n");
        script.close();
        const CliResult ran = cli({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--name"_s,
                                   u"repro"_s, repo + u"/rank.py"_s, u"0.1"_s});
        QVERIFY2(ran.exitCode == 0, ran.err.constData());
        const QJsonArray runs = QJsonDocument::fromJson(cli({u"runs"_s, u"list"_s, u"--json"_s}).out).array();
        QCOMPARE(runs.size(), 1);
        const QString id = runs[0][u"id"_s].toString();
        const QJsonObject shown =
            QJsonDocument::fromJson(cli({u"runs"_s, u"show"_s, id, u"--json"_s}).out).object();
        const QJsonObject tags = shown[u"tags"_s].toObject();
        QCOMPARE(tags[u"git.commit"_s].toString(), commit);
        QCOMPARE(tags[u"git.branch"_s].toString(), u"trial"_s);
        QCOMPARE(tags[u"git.dirty"_s].toString(), u"true"_s);
        QVERIFY2(tags[u"python.version"_s].toString().startsWith(u"3."_s),
                 qPrintable(tags.keys().join(u',')));
        QFile diff(QFileInfo(m_db).absolutePath() + u"/runs/"_s + id + u"/git.diff"_s);
        QVERIFY(diff.open(QIODevice::ReadOnly));
        QVERIFY(diff.readAll().contains("+# an uncommitted change"));

        const CliResult again = cli({u"runs"_s, u"rerun"_s, id});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonArray after =
            QJsonDocument::fromJson(cli({u"runs"_s, u"list"_s, u"--json"_s}).out).array();
        QCOMPARE(after.size(), 2);
        const QString second = after[0][u"id"_s].toString(); // newest first
        QVERIFY(second != id);
        const QJsonObject rerun =
            QJsonDocument::fromJson(cli({u"runs"_s, u"show"_s, second, u"--json"_s}).out).object();
        QCOMPARE(rerun[u"tags"_s].toObject()[u"rerun_of"_s].toString(), id);
        QCOMPARE(rerun[u"name"_s].toString(), u"repro"_s);
        QCOMPARE(rerun[u"status"_s].toString(), u"finished"_s);
        QCOMPARE(records().size(), 2); // the rank ran once per run

        const CliResult secret = cli({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--env"_s,
                                      u"HF_TOKEN=hunter2"_s, repo + u"/rank.py"_s, u"0"_s});
        QVERIFY2(secret.exitCode == 0, secret.err.constData());
        const QString withSecret = QJsonDocument::fromJson(cli({u"runs"_s, u"list"_s, u"--json"_s}).out)
                                       .array()[0][u"id"_s]
                                       .toString();
        const CliResult refused = cli({u"runs"_s, u"rerun"_s, withSecret});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("HF_TOKEN"), refused.err.constData());
    }

    // What cannot be queued is refused at `queue add`, naming why; a run whose launcher fails before it
    // starts is failed with why in its log, and the queue goes on.
    void badRunsAreRefusedOrFailed() {
        const CliResult slurm = cli({u"queue"_s, u"add"_s, u"--slurm"_s, m_script});
        QCOMPARE(slurm.exitCode, 2);
        QVERIFY2(slurm.err.contains("Slurm is a queue of its own"), slurm.err.constData());
        const CliResult ids =
            cli({u"queue"_s, u"add"_s, u"--gpus"_s, u"2"_s, u"--gpu_ids"_s, u"0,1"_s, m_script});
        QCOMPARE(ids.exitCode, 2);
        QVERIFY2(ids.err.contains("--gpu_ids"), ids.err.constData());
        const QString cfg = m_dir.filePath(u"cfg%1.yaml"_s.arg(m_case));
        QFile broken(cfg);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("compute_environment: LOCAL_MACHINE\nnum_processes: [\n");
        broken.close();
        const CliResult bad = cli({u"queue"_s, u"add"_s, u"--config_file"_s, cfg, m_script});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(cfg.toUtf8()), bad.err.constData());
        QCOMPARE(listed().size(), 0);
        // A config that was fine when queued and broken when the run starts.
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("compute_environment: LOCAL_MACHINE\ndistributed_type: 'NO'\nnum_processes: 1\n");
        broken.close();
        const QString doomed = add({u"--config_file"_s, cfg, m_script, u"0.1"_s});
        const QString fine = add({m_script, u"0.1"_s});
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("num_processes: [\n");
        broken.close();
        const CliResult r = cli({u"queue"_s, u"run"_s, u"--until-empty"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(entry(doomed)[u"status"_s].toString(), u"failed"_s);
        QVERIFY2(r.err.contains("launcher.log"), r.err.constData());
        QCOMPARE(entry(fine)[u"status"_s].toString(), u"finished"_s);
        QFile log(QFileInfo(m_db).absolutePath() + u"/runs/"_s + doomed + u"/launcher.log"_s);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains(cfg.toUtf8()), "the launcher's log names the broken config");
    }
};

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
