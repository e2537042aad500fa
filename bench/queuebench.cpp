// trainyard-bench queue: how long a GPU stays idle between two queued runs: from the moment one run's rank
// ends to the moment the next run's rank runs (the launcher recording the end, the runner seeing it, a new
// launcher and its rank starting), against a baseline in the same process: `trainyard launch` of the same
// rank started directly, to its rank running.
#include "bench.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <ctime>

using namespace Qt::StringLiterals;

namespace trainyard::bench {

namespace {

qint64 stampOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}

} // namespace

int queueBench(const QStringList &args, QTextStream &out) {
    const int runs = std::max(2, option(args, u"--runs"_s, u"10"_s).toInt());
    const QString seconds = option(args, u"--seconds"_s, u"0.3"_s);
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TRAINYARD_DB"_s, dir.filePath(u"db/trainyard.db"_s));
    env.insert(u"HF_HOME"_s, dir.filePath(u"hf"_s));
    env.insert(u"OUT"_s, dir.path());
    // A rank that stamps when it starts and when it ends (ns, the wall clock every process shares).
    const QString rank = dir.filePath(u"rank.sh"_s);
    {
        QFile f(rank);
        f.open(QIODevice::WriteOnly);
        f.write("#!/bin/sh\ndate +%s%N > \"$OUT/start-$TRAINYARD_RUN_ID\"\nsleep \"$1\"\n"
                "date +%s%N > \"$OUT/end-$TRAINYARD_RUN_ID\"\n");
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    }
    const auto cli = [&](const QStringList &words, int timeoutMs, QByteArray *output = nullptr) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir.path());
        p.start(QStringLiteral(TRAINYARD_CLI), words);
        if (!p.waitForFinished(timeoutMs)) { // a deadline: never wait forever
            p.kill();
            p.waitForFinished();
            QTextStream(stderr) << "trainyard " << words.join(u' ') << " did not end in " << timeoutMs / 1000
                                << " s\n";
            return false;
        }
        if (output)
            *output = p.readAllStandardOutput();
        if (p.exitCode() != 0)
            QTextStream(stderr) << "trainyard " << words.join(u' ') << ": " << p.readAllStandardError();
        return p.exitCode() == 0;
    };

    // Baseline: `trainyard launch` to its rank running, started directly.
    QList<double> direct;
    for (int i = 0; i < runs; ++i) {
        const qint64 spawned = realtimeNs();
        if (!cli({u"launch"_s, u"--cpu"_s, u"--num_processes"_s, u"1"_s, u"--show-ranks"_s, u"none"_s, rank,
                  u"0"_s},
                 60000))
            return 1;
        // The run id is the launcher's: the newest start file is this run's.
        qint64 newest = 0;
        for (const QString &name : QDir(dir.path()).entryList({u"start-*"_s}, QDir::Files)) {
            const qint64 t = stampOf(dir.filePath(name));
            newest = std::max(newest, t);
        }
        direct << double(newest - spawned) / 1e6;
    }
    for (const QString &name : QDir(dir.path()).entryList({u"start-*"_s, u"end-*"_s}, QDir::Files))
        QFile::remove(dir.filePath(name));

    // The queue: runs of one GPU each on a pool of one, so each starts when the one before it ends.
    QStringList ids;
    for (int i = 0; i < runs; ++i) {
        QByteArray id;
        if (!cli({u"queue"_s, u"add"_s, u"--gpus"_s, u"1"_s, u"--show-ranks"_s, u"none"_s, rank, seconds},
                 60000, &id))
            return 1;
        ids << QString::fromUtf8(id).trimmed();
    }
    QElapsedTimer wall;
    wall.start();
    if (!cli({u"queue"_s, u"run"_s, u"--gpus"_s, u"0"_s, u"--until-empty"_s}, 60000 + runs * 30000))
        return 1;
    const double wallS = double(wall.elapsed()) / 1000;
    QList<double> gaps;
    for (int i = 0; i + 1 < runs; ++i) {
        const qint64 ended = stampOf(dir.filePath(u"end-"_s + ids[i]));
        const qint64 next = stampOf(dir.filePath(u"start-"_s + ids[i + 1]));
        if (!ended || !next) {
            QTextStream(stderr) << "run " << ids[i] << " or the next one left no stamp\n";
            return 1;
        }
        gaps << double(next - ended) / 1e6;
    }
    const double gap = median(gaps), start = median(direct);
    QList<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    printTable(out, {u"step"_s, u"median ms"_s, u"max ms"_s},
               {{u"freed GPU -> next queued run's rank running"_s, QString::number(gap, 'f', 1),
                 QString::number(sorted.last(), 'f', 1)},
                {u"baseline: trainyard launch -> its rank running"_s, QString::number(start, 'f', 1),
                 QString::number(*std::max_element(direct.cbegin(), direct.cend()), 'f', 1)}});
    out << u"queue runs=%1 gap_median_ms=%2 direct_start_ms=%3 ratio=%4 wall_s=%5"_s.arg(runs)
               .arg(gap, 0, 'f', 1)
               .arg(start, 0, 'f', 1)
               .arg(start > 0 ? gap / start : 0, 0, 'f', 2)
               .arg(wallS, 0, 'f', 1)
        << '\n';
    out.flush();
    return 0;
}

} // namespace trainyard::bench
