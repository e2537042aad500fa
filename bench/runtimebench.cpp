// trainyard-bench runtime: the same MLP, data and world size trained by Trainyard's C++ runtime
// (bench/runtime/runtime_bench.cpp) and by PyTorch's DistributedDataParallel from Debian's python3-torch
// (bench/runtime/ddp_bench.py), both under `trainyard launch` with Gloo on CPU; steps per second and the
// all-reduce of 10M floats, medians of --repeat runs, with their ratios.
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
    static const QRegularExpression re(u"steps_per_s=([0-9.]+) allreduce_ms=([0-9.]+)"_s);
    const auto m = re.match(text);
    Figures f;
    if (p.exitCode() != 0 || !m.hasMatch()) {
        out << "runtime: a run failed: " << p.readAllStandardError() << '\n';
        return f;
    }
    f.stepsPerSecond = m.captured(1).toDouble();
    f.allreduceMs = m.captured(2).toDouble();
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
    QList<double> cSteps, cReduce, pySteps, pyReduce;
    for (int i = 0; i < repeat; ++i) {
        const Figures c =
            runOnce(common + QStringList{u"--no_python"_s, QStringLiteral(TRAINYARD_RUNTIME_BENCH),
                                         u"--steps"_s, QString::number(steps)},
                    dir, out);
        const Figures py = runOnce(common + QStringList{u"--python"_s, u"/usr/bin/python3"_s,
                                                        QStringLiteral(TRAINYARD_DDP_BENCH), u"--steps"_s,
                                                        QString::number(steps)},
                                   dir, out);
        if (c.stepsPerSecond < 0 || py.stepsPerSecond < 0)
            return 1;
        cSteps << c.stepsPerSecond;
        cReduce << c.allreduceMs;
        pySteps << py.stepsPerSecond;
        pyReduce << py.allreduceMs;
    }
    const double cs = median(cSteps), ps = median(pySteps), cr = median(cReduce), pr = median(pyReduce);
    out << "runtime: " << ranks << " CPU ranks (Gloo), MLP 512-1024-1024-10, batch 64 per rank, " << steps
        << " steps, " << repeat << " runs each, medians\n\n";
    printTable(out, {u"measure"_s, u"Trainyard runtime (C++)"_s, u"PyTorch DDP (Python)"_s, u"ratio"_s},
               {{u"training steps per second"_s, QString::number(cs, 'f', 2), QString::number(ps, 'f', 2),
                 QString::number(cs / ps, 'f', 2)},
                {u"all-reduce of 10M floats (ms)"_s, QString::number(cr, 'f', 1), QString::number(pr, 'f', 1),
                 QString::number(cr / pr, 'f', 2)}});
    out << "\nruntime ranks=" << ranks << " cpp_steps_per_s=" << QString::number(cs, 'f', 2)
        << " python_steps_per_s=" << QString::number(ps, 'f', 2)
        << " ratio=" << QString::number(cs / ps, 'f', 2)
        << " cpp_allreduce_ms=" << QString::number(cr, 'f', 1)
        << " python_allreduce_ms=" << QString::number(pr, 'f', 1) << '\n';
    return 0;
#endif
}

} // namespace trainyard::bench
