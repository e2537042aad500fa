// trainyard-bench runtime: the same MLP, data and world size trained by Trainyard's C++ runtime
// (bench/runtime/runtime_bench.cpp) and by PyTorch's DistributedDataParallel from Debian's python3-torch
// (bench/runtime/ddp_bench.py), both under `trainyard launch` with Gloo on CPU; steps per second and the
// all-reduce of 10M floats, medians of --repeat runs, with their ratios. The runtime runs as it chooses
// (on CPU: all gradients in one bucket averaged after backward), with its buckets overlapped with backward
// (--overlap, its choice on CUDA), and with the gradients as views of the bucket (--views), each against the
// default in the same process.
#include "bench.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace trainyard::bench {

#ifdef TRAINYARD_RUNTIME_BENCH
namespace {
struct Figures {
    double stepsPerSecond = -1, allreduceMs = -1;
    int buckets = 0;
};

Figures runOnce(const QStringList &launchArgs, const QTemporaryDir &dir, QTextStream &out) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TRAINYARD_DB"_s, dir.filePath(u"db/trainyard.db"_s));
    env.insert(u"HF_HOME"_s, dir.filePath(u"hf"_s));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TRAINYARD_CLI),
            QStringList{u"launch"_s, u"--show-ranks"_s, u"main"_s} + launchArgs);
    p.waitForFinished(600000);
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    static const QRegularExpression re(u"steps_per_s=([0-9.]+) allreduce_ms=([0-9.]+)(?: buckets=(\\d+))?"_s);
    const auto m = re.match(text);
    Figures f;
    if (p.exitCode() != 0 || !m.hasMatch()) {
        out << "runtime: a run failed: " << p.readAllStandardError() << '\n';
        return f;
    }
    f.stepsPerSecond = m.captured(1).toDouble();
    f.allreduceMs = m.captured(2).toDouble();
    f.buckets = m.captured(3).toInt();
    return f;
}
} // namespace
#endif

int runtimeBench(const QStringList &args, QTextStream &out) {
    int ranks = 2, repeat = 3, steps = 30;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--ranks"_s)
            ranks = args[i + 1].toInt();
        else if (args[i] == u"--repeat"_s)
            repeat = args[i + 1].toInt();
        else if (args[i] == u"--steps"_s)
            steps = args[i + 1].toInt();
    }
#ifndef TRAINYARD_RUNTIME_BENCH
    Q_UNUSED(ranks);
    Q_UNUSED(repeat);
    Q_UNUSED(steps);
    out << "runtime: this build has no LibTorch runtime (engine/runtime was not built)\n";
    return 1;
#else
    QTemporaryDir dir;
    const QStringList common{u"--cpu"_s, u"--num_processes"_s, QString::number(ranks)};
    QList<double> cSteps, cReduce, overlapSteps, viewSteps, pySteps, pyReduce;
    int buckets = 0, overlapBuckets = 0;
    for (int i = 0; i < repeat; ++i) {
        const QStringList cpp{u"--no_python"_s, QStringLiteral(TRAINYARD_RUNTIME_BENCH), u"--steps"_s,
                              QString::number(steps)};
        const Figures c = runOnce(common + cpp, dir, out);
        const Figures overlapped = runOnce(common + cpp + QStringList{u"--overlap"_s}, dir, out);
        const Figures views = runOnce(common + cpp + QStringList{u"--views"_s}, dir, out);
        const Figures py = runOnce(common + QStringList{u"--python"_s, u"/usr/bin/python3"_s,
                                                        QStringLiteral(TRAINYARD_DDP_BENCH), u"--steps"_s,
                                                        QString::number(steps)},
                                   dir, out);
        if (c.stepsPerSecond < 0 || overlapped.stepsPerSecond < 0 || views.stepsPerSecond < 0 ||
            py.stepsPerSecond < 0)
            return 1;
        buckets = c.buckets;
        overlapBuckets = overlapped.buckets;
        cSteps << c.stepsPerSecond;
        overlapSteps << overlapped.stepsPerSecond;
        viewSteps << views.stepsPerSecond;
        cReduce << c.allreduceMs;
        pySteps << py.stepsPerSecond;
        pyReduce << py.allreduceMs;
    }
    const double cs = median(cSteps), os = median(overlapSteps), vs = median(viewSteps), ps = median(pySteps),
                 cr = median(cReduce), pr = median(pyReduce);
    const auto busMBps = [ranks](double ms) {
        const double bytes = 10'000'000.0 * 4.0 * 2.0 * (ranks - 1) / std::max(ranks, 1);
        return ms > 0 ? bytes / (ms / 1000.0) / 1e6 : 0.0;
    };
    out << "runtime: " << ranks << " CPU ranks (Gloo), MLP 512-1024-1024-10, batch 64 per rank, " << steps
        << " steps, " << repeat << " runs each, medians\n\n";
    printTable(
        out, {u"measure"_s, u"Trainyard runtime (C++)"_s, u"PyTorch DDP (Python)"_s, u"ratio"_s},
        {{u"training steps per second"_s, QString::number(cs, 'f', 2), QString::number(ps, 'f', 2),
          QString::number(cs / ps, 'f', 2)},
         {u"all-reduce of 10M floats (ms)"_s, QString::number(cr, 'f', 1), QString::number(pr, 'f', 1),
          QString::number(cr / pr, 'f', 2)},
         // A ring all-reduce moves 2 (n - 1) / n of the buffer through each rank (NCCL's bus bandwidth).
         {u"all-reduce bus bandwidth (MB/s)"_s, QString::number(busMBps(cr), 'f', 0),
          QString::number(busMBps(pr), 'f', 0), QString::number(busMBps(cr) / busMBps(pr), 'f', 2)}});
    out << "\nThe runtime's bucket plans: its default here (" << buckets
        << " bucket(s), averaged after backward on CPU), " << overlapBuckets
        << " buckets each all-reduced as soon as backward has its gradients (the default on CUDA), and the "
           "default with the gradients as views of the bucket (no copies)\n\n";
    printTable(
        out, {u"plan"_s, u"steps per second"_s, u"against the default"_s},
        {{u"default (after backward)"_s, QString::number(cs, 'f', 2), u"1.00"_s},
         {u"overlapped with backward"_s, QString::number(os, 'f', 2), QString::number(os / cs, 'f', 2)},
         {u"gradients as bucket views"_s, QString::number(vs, 'f', 2), QString::number(vs / cs, 'f', 2)}});
    out << "\nruntime ranks=" << ranks << " cpp_steps_per_s=" << QString::number(cs, 'f', 2)
        << " python_steps_per_s=" << QString::number(ps, 'f', 2)
        << " ratio=" << QString::number(cs / ps, 'f', 2)
        << " overlap_steps_per_s=" << QString::number(os, 'f', 2)
        << " overlap_ratio=" << QString::number(os / cs, 'f', 2)
        << " views_steps_per_s=" << QString::number(vs, 'f', 2)
        << " cpp_allreduce_ms=" << QString::number(cr, 'f', 1)
        << " python_allreduce_ms=" << QString::number(pr, 'f', 1) << '\n';
    return 0;
#endif
}

} // namespace trainyard::bench
