// trainyard-bench launch: how long `trainyard launch` takes to get N ranks running, and to have every rank
// gone after one fails, against a baseline in the same process that starts and stops the same N processes
// with QProcess and no supervision.
#include "bench.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <csignal>
#include <ctime>

using namespace Qt::StringLiterals;

namespace trainyard::bench {

namespace {

QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &body) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(body);
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return path;
}

// Reads p's stdout until `needle` has appeared `count` times; returns the time that took, in ms.
double waitForLines(QProcess &p, const QByteArray &needle, int count, const QElapsedTimer &clock) {
    QByteArray seen;
    while (seen.count(needle) < count) {
        if (!p.waitForReadyRead(30000))
            return -1;
        seen += p.readAllStandardOutput();
    }
    return double(clock.nsecsElapsed()) / 1e6;
}

struct Sample {
    double startMs = 0;
    double stopMs = 0;
};

// hosts: extra launch words for several machines (empty: this machine).
Sample trainyardOnce(const QString &upScript, const QString &failScript, int ranks, const QTemporaryDir &dir,
                     const QStringList &hosts = {}) {
    Sample s;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TRAINYARD_DB"_s, dir.filePath(u"db/trainyard.db"_s));
    env.insert(u"HF_HOME"_s, dir.filePath(u"hf"_s));
    {
        QProcess p;
        p.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        p.start(QStringLiteral(TRAINYARD_CLI),
                QStringList{u"launch"_s} + hosts +
                    QStringList{u"--cpu"_s, u"--num_processes"_s, QString::number(ranks), upScript});
        s.startMs = waitForLines(p, "] up", ranks, clock);
        if (p.state() == QProcess::NotRunning) {
            qWarning("trainyard launch ended early: %s", p.readAllStandardError().constData());
            s.startMs = -1;
        } else if (!hosts.isEmpty()) {
            // SIGKILL would leave the remote ranks to their agents' grace period: stop them in order.
            ::kill(pid_t(p.processId()), SIGINT);
            p.waitForFinished(30000);
        }
        if (p.state() != QProcess::NotRunning)
            ::kill(pid_t(p.processId()), SIGKILL); // ranks die with the launcher (PR_SET_PDEATHSIG)
        p.waitForFinished();
    }
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRAINYARD_CLI),
                QStringList{u"launch"_s} + hosts +
                    QStringList{u"--cpu"_s, u"--num_processes"_s, QString::number(ranks), failScript});
        p.waitForFinished(60000);
        const qint64 end = realtimeNs();
        QFile stamp(dir.filePath(u"failed-at"_s));
        stamp.open(QIODevice::ReadOnly);
        s.stopMs = double(end - stamp.readAll().trimmed().toLongLong()) / 1e6;
    }
    return s;
}

Sample baselineOnce(const QString &upScript, const QString &failScript, int ranks, const QTemporaryDir &dir) {
    Sample s;
    {
        QList<QProcess *> ps;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < ranks; ++i) {
            auto *p = new QProcess;
            p->start(upScript, {});
            ps << p;
        }
        double last = 0;
        for (QProcess *p : ps)
            last = std::max(last, waitForLines(*p, "up", 1, clock));
        s.startMs = last;
        for (QProcess *p : ps) {
            p->kill();
            p->waitForFinished();
            delete p;
        }
    }
    {
        QList<QProcess *> ps;
        for (int i = 0; i < ranks; ++i) {
            auto *p = new QProcess;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"RANK"_s, QString::number(i));
            p->setProcessEnvironment(env);
            p->start(failScript, {});
            ps << p;
        }
        ps.first()->waitForFinished(60000);
        for (QProcess *p : ps.mid(1))
            p->terminate();
        for (QProcess *p : ps)
            p->waitForFinished();
        const qint64 end = realtimeNs();
        QFile stamp(dir.filePath(u"failed-at"_s));
        stamp.open(QIODevice::ReadOnly);
        s.stopMs = double(end - stamp.readAll().trimmed().toLongLong()) / 1e6;
        qDeleteAll(ps);
    }
    return s;
}

} // namespace

// Three namespace machines with their own sshd (tests/ssh/machines.sh, root only): 2 ranks on each, started
// and failed over SSH, against the same 6 ranks on this machine.
int machinesBench(int repeat, QTextStream &out) {
    QTemporaryDir dir, machines;
    QProcess up;
    up.start(u"bash"_s, {QStringLiteral(TRAINYARD_SSH_MACHINES), u"up"_s, machines.path(), u"3"_s});
    up.waitForFinished(60000);
    if (up.exitCode() != 0) {
        out << "launch machines: cannot start the test machines: " << up.readAllStandardError() << '\n';
        return 1;
    }
    const QString upScript = writeScript(dir, u"up.sh"_s, "#!/bin/sh\necho up\nexec sleep 60\n");
    const QString fail = writeScript(
        dir, u"fail.sh"_s,
        "#!/bin/sh\nif [ \"$RANK\" = 0 ]; then sleep 0.3; date +%s%N > \"$(dirname \"$0\")/failed-at\"; "
        "exit 1; fi\nexec sleep 60\n");
    const QStringList hosts{u"--hosts"_s, u"m1,m2,m3"_s, u"--ssh"_s,
                            u"ssh -F "_s + machines.filePath(u"ssh_config"_s)};
    QList<double> oneStart, oneStop, sshStart, sshStop;
    for (int i = 0; i < repeat; ++i) {
        const Sample one = trainyardOnce(upScript, fail, 6, dir);
        const Sample ssh = trainyardOnce(upScript, fail, 6, dir, hosts);
        oneStart << one.startMs;
        oneStop << one.stopMs;
        sshStart << ssh.startMs;
        sshStop << ssh.stopMs;
    }
    QProcess::execute(u"bash"_s, {QStringLiteral(TRAINYARD_SSH_MACHINES), u"down"_s, machines.path()});
    const double os = median(oneStart), ot = median(oneStop), ss = median(sshStart), st = median(sshStop);
    out << "launch machines: 6 ranks, " << repeat << " runs each, medians in ms\n\n";
    printTable(out,
               {u"measure"_s, u"3 machines over SSH (2 ranks each)"_s, u"1 machine (6 ranks)"_s, u"ratio"_s},
               {{u"start -> all ranks running"_s, QString::number(ss, 'f', 1), QString::number(os, 'f', 1),
                 QString::number(ss / os, 'f', 2)},
                {u"rank 0 fails -> every rank gone"_s, QString::number(st, 'f', 1),
                 QString::number(ot, 'f', 1), QString::number(st / ot, 'f', 2)}});
    out << "\nlaunch machines=3 start_ms=" << QString::number(ss, 'f', 1)
        << " stop_ms=" << QString::number(st, 'f', 1)
        << " one_machine_start_ms=" << QString::number(os, 'f', 1)
        << " one_machine_stop_ms=" << QString::number(ot, 'f', 1) << '\n';
    return 0;
}

int launchBench(const QStringList &args, QTextStream &out) {
    int ranks = 8;
    int repeat = 10;
    bool machines = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--machines"_s)
            machines = true;
        else if (args[i] == u"--ranks"_s && i + 1 < args.size())
            ranks = args[++i].toInt();
        else if (args[i] == u"--repeat"_s && i + 1 < args.size())
            repeat = args[++i].toInt();
    }
    if (machines)
        return machinesBench(repeat, out);
    QTemporaryDir dir;
    const QString up = writeScript(dir, u"up.sh"_s, "#!/bin/sh\necho up\nexec sleep 60\n");
    const QString fail = writeScript(
        dir, u"fail.sh"_s,
        "#!/bin/sh\nif [ \"$RANK\" = 0 ]; then sleep 0.3; date +%s%N > \"$(dirname \"$0\")/failed-at\"; "
        "exit 1; fi\nexec sleep 60\n");
    QList<double> tyStart, tyStop, baseStart, baseStop;
    for (int i = 0; i < repeat; ++i) {
        const Sample b = baselineOnce(up, fail, ranks, dir);
        const Sample t = trainyardOnce(up, fail, ranks, dir);
        baseStart << b.startMs;
        baseStop << b.stopMs;
        tyStart << t.startMs;
        tyStop << t.stopMs;
    }
    const double bs = median(baseStart), bt = median(baseStop), ts = median(tyStart), tt = median(tyStop);
    out << "launch: " << ranks << " ranks, " << repeat << " runs each, medians in ms\n\n";
    printTable(out,
               {u"measure"_s, u"trainyard launch"_s, u"baseline (QProcess, no supervision)"_s, u"ratio"_s},
               {{u"start -> all ranks running"_s, QString::number(ts, 'f', 1), QString::number(bs, 'f', 1),
                 QString::number(ts / bs, 'f', 2)},
                {u"rank 0 fails -> every rank gone"_s, QString::number(tt, 'f', 1),
                 QString::number(bt, 'f', 1), QString::number(tt / bt, 'f', 2)}});
    out << "\nlaunch ranks=" << ranks << " start_ms=" << QString::number(ts, 'f', 1)
        << " stop_ms=" << QString::number(tt, 'f', 1) << " baseline_start_ms=" << QString::number(bs, 'f', 1)
        << " baseline_stop_ms=" << QString::number(bt, 'f', 1) << '\n';
    return 0;
}

} // namespace trainyard::bench
