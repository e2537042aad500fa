// trainyard-bench SUBCOMMAND [options]
#include "bench.h"

#include <QCoreApplication>
#ifdef TRAINYARD_BENCH_PLOT
#include <QApplication>
#endif
#include <memory>

int main(int argc, char **argv) {
    [[maybe_unused]] const bool plot =
        argc > 1 &&
        (qstrcmp(argv[1], "plot") == 0 || qstrcmp(argv[1], "live") == 0 || qstrcmp(argv[1], "import") == 0);
    std::unique_ptr<QCoreApplication> app;
#ifdef TRAINYARD_BENCH_PLOT
    if (plot) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    }
#endif
    if (!app)
        app = std::make_unique<QCoreApplication>(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app->arguments().mid(1);
    const QString sub = args.value(0);
    if (sub == QStringLiteral("launch"))
        return trainyard::bench::launchBench(args.mid(1), out);
    if (sub == QStringLiteral("queue"))
        return trainyard::bench::queueBench(args.mid(1), out);
    if (sub == QStringLiteral("ingest"))
        return trainyard::bench::ingestBench(args.mid(1), out);
    if (sub == QStringLiteral("query"))
        return trainyard::bench::queryBench(args.mid(1), out);
    if (sub == QStringLiteral("runtime"))
        return trainyard::bench::runtimeBench(args.mid(1), out);
    if (sub == QStringLiteral("import"))
        return trainyard::bench::importBench(args.mid(1), out);
#ifdef TRAINYARD_BENCH_PLOT
    if (sub == QStringLiteral("plot"))
        return trainyard::bench::plotBench(args.mid(1), out);
    if (sub == QStringLiteral("live"))
        return trainyard::bench::liveBench(args.mid(1), out);
    if (sub == QStringLiteral("live-rank")) // a rank of `live`, started by trainyard launch
        return trainyard::bench::liveRank(args.mid(1), out);
#endif
    QTextStream(stderr)
        << "usage: trainyard-bench launch [--ranks N] [--repeat N] [--machines]\n"
           "       trainyard-bench queue [--runs N] [--seconds S]\n"
           "       trainyard-bench ingest [--clients N] [--points PER_CLIENT] [--series N] [--batch N] "
           "[--repeat N]\n"
           "                              [--db postgresql://... | --db private]\n"
           "       trainyard-bench query [--points N] [--buckets B] [--repeat N] [--db postgresql://... | "
           "--db "
           "private]\n"
           "       trainyard-bench runtime [--ranks N] [--steps N] [--repeat N]   (LibTorch builds)\n"
           "       trainyard-bench import [--runs N] [--tags N] [--points PER_TAG] [--repeat N] [--list-runs "
           "N]\n"
           "       trainyard-bench plot [--series N] [--points PER_SERIES] [--repeat N]\n"
           "                            [--stream-seconds S] [--rate POINTS_PER_S]   (GUI builds)\n"
           "       trainyard-bench live [--ranks N] [--rate POINTS_PER_S] [--series N] [--seconds S]   (GUI "
           "builds)\n";
    return 2;
}
