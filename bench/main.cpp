// trainyard-bench SUBCOMMAND [options]
#include "bench.h"

#include <QCoreApplication>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments().mid(1);
    const QString sub = args.value(0);
    if (sub == QStringLiteral("launch"))
        return trainyard::bench::launchBench(args.mid(1), out);
    if (sub == QStringLiteral("ingest"))
        return trainyard::bench::ingestBench(args.mid(1), out);
    if (sub == QStringLiteral("query"))
        return trainyard::bench::queryBench(args.mid(1), out);
    QTextStream(stderr) << "usage: trainyard-bench launch [--ranks N] [--repeat N]\n"
                           "       trainyard-bench ingest [--clients N] [--points PER_CLIENT] [--repeat N]\n"
                           "       trainyard-bench query [--points N] [--buckets B] [--repeat N]\n";
    return 2;
}
