// trainyard db copy FROM TO: runs between a SQLite file and a PostgreSQL server (trackers/dbcopy.h).
#include "commands.h"
#include "dbcopy.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {
struct DbText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::DbText)
};
} // namespace

int dbCommand(const QStringList &args, Io &io) {
    if (args.value(0) != u"copy"_s || args.size() != 3) {
        io.err << commandHelp(u"db"_s, u"copy"_s);
        return 2;
    }
    CopyReport report;
    QString error;
    const bool ok = copyRuns(args[1], args[2], &report, &error);
    if (report.runs > 0 || ok)
        io.out << DbText::tr("copied %n run(s) (%1 points) from %2 to %3\n", nullptr, report.runs)
                      .arg(report.points)
                      .arg(report.from, report.to);
    if (!report.skipped.isEmpty())
        io.out << DbText::tr("left out %n run(s) %1 already holds: %2\n", nullptr, int(report.skipped.size()))
                      .arg(report.to, report.skipped.join(u", "_s));
    if (!ok) {
        io.err << DbText::tr("trainyard db copy: %1\n").arg(error);
        return 1;
    }
    return 0;
}

} // namespace trainyard::cli
