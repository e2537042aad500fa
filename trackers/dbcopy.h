// trainyard db copy FROM TO: runs moved between run databases (a SQLite file, a PostgreSQL server named by a
// postgresql:// URL, either way), exactly: every column of a run, its parameters, tags, log lines, tracker
// reports, system metrics and queue entry, every point of every series with its place, and the downsampling
// levels as stored. Runs get new ids in the target; a run whose uid the target already holds is left out
// (copying twice copies nothing twice).
#pragma once

#include <QString>
#include <QStringList>

namespace trainyard {

struct CopyReport {
    int runs = 0;        // copied
    qint64 points = 0;   // their points
    QStringList skipped; // uids the target already held
    QString from, to;    // as said in messages (a URL's password hidden)
};

// One transaction per run: a failure leaves the runs copied before it whole, and nothing of the run it failed
// on. False (and error, naming the database and the run) on the first failure.
bool copyRuns(const QString &from, const QString &to, CopyReport *report, QString *error);

} // namespace trainyard
