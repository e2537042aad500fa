// trainyard: the command line. A thin main over trainyard::cli.
#include "commands.h"
#include "launch/argbytes.h"
#include "launch/processtree.h"
#include "translations.h"

#include <QCoreApplication>
#include <cstdio>
#include <cstring>
#include <unistd.h>

int main(int argc, char **argv) {
    // A launch's ranks, and whatever they start, die with this process however it ends (processtree.h). The
    // guard is forked before Qt starts any thread.
    if (argc > 1 && (strcmp(argv[1], "launch") == 0 || strcmp(argv[1], "agent") == 0)) {
        trainyard::startOrphanGuard();
        trainyard::becomeSubreaper();
    }
    // From argv's bytes, not app.arguments(): bytes that are not UTF-8 survive to the ranks (argbytes.h).
    const QStringList args = trainyard::argsFromArgv(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trainyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAINYARD_VERSION));
    trainyard::installTranslations(app);
    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    trainyard::cli::Io io{in, out, err, isatty(STDIN_FILENO) != 0};
    const int rc = trainyard::cli::run(args.mid(1), io);
    out.flush();
    err.flush();
    return rc;
}
