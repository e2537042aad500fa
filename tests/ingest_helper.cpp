// A stand-alone ingest server for tests that kill it: ingest_helper DB RUN_UID TOKEN. Creates the run, prints
// the port on the first line of stdout, then serves until killed.
#include "ingestserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cstdio>

using namespace trainyard;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        fprintf(stderr, "usage: ingest_helper DB RUN_UID TOKEN\n");
        return 2;
    }
    QString error;
    qint64 runId = 0;
    {
        StoreWriter w;
        if (!w.open(args[1], &error)) {
            fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        RunRow r;
        r.uid = args[2];
        r.name = args[2];
        r.createdMs = QDateTime::currentMSecsSinceEpoch();
        runId = w.createRun(r, &error);
    }
    IngestService service;
    if (!runId || !service.start(args[1], &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    service.server()->registerRun(args[2], runId, args[3].toUtf8());
    printf("%d\n", int(service.port()));
    fflush(stdout);
    return app.exec();
}
