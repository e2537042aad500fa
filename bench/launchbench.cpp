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

qint64 realtimeNs() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

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

Sample trainyardOnce(const QString &upScript, const QString &failScript, int ranks,
                     const QTemporaryDir &dir) {
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
                {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, QString::number(ranks), upScript});
        s.startMs = waitForLines(p, "] up", ranks, clock);
        ::kill(pid_t(p.processId()), SIGKILL); // ranks die with the launcher (PR_SET_PDEATHSIG)
        p.waitForFinished();
    }
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRAINYARD_CLI),
                {u"launch"_s, u"--cpu"_s, u"--num_processes"_s, QString::number(ranks), failScript});
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

int launchBench(const QStringList &args, QTextStream &out) {
    int ranks = 8;
    int repeat = 10;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--ranks"_s)
            ranks = args[i + 1].toInt();
        else if (args[i] == u"--repeat"_s)
            repeat = args[i + 1].toInt();
    }
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
