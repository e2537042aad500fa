// `trainyard runs list | show | diff | export | import | rm`: the run database from the command line.
#include "commands.h"
#include "exports.h"
#include "importer.h"
#include "jsontext.h"
#include "launch/launchargs.h"
#include "launch/runrecord.h"
#include "runcompare.h"
#include "runcontrol.h"
#include "runfilter.h"
#include "store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {

struct RunsText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::RunsText)
};

QString iso(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate) : QString();
}

QString number(double v) {
    if (std::isnan(v))
        return u"nan"_s;
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QJsonValue jsonNumber(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(number(v));
}

// The ranks of a run's record (run.json in its folder) that have ended; empty when there is no record.
QList<RankRecord> rankEndings(const RunRow &r) {
    RunRecord record;
    if (r.runDir.isEmpty() || !JsonRunRecorder::load(r.runDir + u"/run.json"_s, &record, nullptr))
        return {};
    QList<RankRecord> ended;
    for (const RankRecord &k : std::as_const(record.ranks))
        if (k.state != u"running"_s)
            ended << k;
    return ended;
}

QString signalName(int sig) {
    if (const char *abbrev = ::sigabbrev_np(sig))
        return u"SIG"_s + QString::fromLatin1(abbrev);
    return u"signal %1"_s.arg(sig);
}

QJsonObject runJson(const RunRow &r, const QList<SeriesRow> &series) {
    QJsonObject o{{u"id"_s, r.uid},
                  {u"db_id"_s, r.id},
                  {u"name"_s, r.name},
                  {u"status"_s, runStatusName(r.status)},
                  {u"created"_s, iso(r.createdMs)},
                  {u"started"_s, iso(r.startedMs)},
                  {u"ended"_s, iso(r.endedMs)},
                  {u"exit_code"_s, r.exitCode},
                  {u"failed_rank"_s, r.failedRank},
                  {u"host"_s, r.host},
                  {u"user"_s, r.user},
                  {u"working_directory"_s, r.workingDirectory},
                  {u"run_dir"_s, r.runDir},
                  // What the record lacks although the ranks ended as the status says (empty: complete).
                  {u"incomplete"_s, r.incomplete()},
                  {u"points_dropped"_s, r.pointsDropped},
                  {u"points_unstored"_s, r.pointsUnstored}};
    QJsonArray unfinished;
    for (const int rank : r.unfinishedTrackers)
        unfinished.append(rank);
    o[u"unfinished_trackers"_s] = unfinished;
    QJsonArray metrics;
    for (const SeriesRow &s : series)
        metrics.append(QJsonObject{{u"key"_s, s.key},
                                   {u"rank"_s, s.rank},
                                   {u"count"_s, s.count},
                                   {u"last_step"_s, s.lastStep},
                                   {u"last"_s, jsonNumber(s.lastValue)},
                                   {u"min"_s, jsonNumber(s.minValue)},
                                   {u"max"_s, jsonNumber(s.maxValue)}});
    o[u"metrics"_s] = metrics;
    return o;
}

bool openReader(StoreReader &reader, const QString &db, Io &io) {
    QString error;
    if (!reader.open(databasePath(db), &error)) {
        io.err << RunsText::tr("trainyard runs: %1").arg(error) << '\n';
        return false;
    }
    return true;
}

std::optional<RunRow> findRun(StoreReader &reader, const QString &id, Io &io) {
    std::optional<RunRow> r = reader.runByUid(id);
    bool numeric = false;
    const qint64 n = id.toLongLong(&numeric);
    if (!r && numeric)
        r = reader.run(n);
    if (!r)
        io.err << RunsText::tr("trainyard runs: no run %1").arg(id) << '\n';
    return r;
}

int list(const QString &db, bool json, const std::optional<QString> &filterText, Io &io) {
    RunFilter filter;
    if (filterText) {
        RunFilter::Error e;
        if (!filter.parse(*filterText, &e)) {
            // The query, and a caret line under the part that could not be read.
            io.err << RunsText::tr("trainyard runs list: --filter: %1").arg(e.message) << '\n'
                   << u"  "_s << *filterText << '\n'
                   << u"  "_s << QString(e.start, u' ') << QString(e.length, u'^') << '\n';
            return 2;
        }
    }
    StoreReader reader;
    if (!QFileInfo::exists(databasePath(db)) && !isServerUrl(databasePath(db))) {
        io.out << (json ? u"[]\n"_s : RunsText::tr("no runs yet (%1)\n").arg(databasePath(db)));
        return 0;
    }
    if (!openReader(reader, db, io))
        return 1;
    QList<RunRow> runs = reader.runs();
    // Queued Slurm runs whose job is gone without its launcher ever starting (cancelled or failed while
    // pending): Slurm says how the job ended, and the run is closed so.
    if (!closeEndedSlurmRuns(databasePath(db)).isEmpty())
        runs = reader.runs();
    if (!filter.isEmpty())
        runs.removeIf([&](const RunRow &r) {
            return !filter.matches(
                RunFacts{r, reader.params(r.id), reader.tags(r.id),
                         filter.readsMetrics() ? reader.series(r.id) : QList<SeriesRow>()});
        });
    const auto readFailed = [&] {
        if (reader.error().isEmpty())
            return false;
        io.out.flush();
        io.err << RunsText::tr("trainyard runs: %1").arg(reader.error()) << '\n';
        return true;
    };
    if (json) {
        QJsonArray arr;
        for (const RunRow &r : runs)
            arr.append(runJson(r, reader.series(r.id)));
        io.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        return readFailed() ? 1 : 0;
    }
    // The NAME column is as wide as the longest name, up to 40 characters; a longer name is cut with an
    // ellipsis.
    qsizetype nameWidth = RunsText::tr("NAME").size();
    for (const RunRow &r : runs)
        nameWidth = std::max(nameWidth, r.name.size());
    nameWidth = std::min<qsizetype>(nameWidth, 40);
    const auto fit = [nameWidth](const QString &name) {
        return (name.size() > nameWidth ? name.left(nameWidth - 1) + u'\u2026' : name)
            .leftJustified(nameWidth);
    };
    io.out << RunsText::tr("%1  %2  %3  %4  %5  %6\n")
                  .arg(u"ID"_s.leftJustified(20), RunsText::tr("NAME").leftJustified(nameWidth),
                       RunsText::tr("STATUS").leftJustified(9), RunsText::tr("STARTED").leftJustified(19),
                       RunsText::tr("DURATION").leftJustified(8), RunsText::tr("LATEST"));
    if (runs.isEmpty() && !filter.isEmpty())
        io.err << RunsText::tr("trainyard runs list: no run matches %1").arg(*filterText) << '\n';
    bool anyIncomplete = false;
    for (const RunRow &r : runs) {
        QStringList latest;
        for (const SeriesRow &s : reader.series(r.id))
            if (s.rank == 0)
                latest << s.key + u'=' + formatMetric(s.key, s.lastValue);
        const bool incomplete = !r.incomplete().isEmpty();
        anyIncomplete = anyIncomplete || incomplete;
        io.out << r.uid.leftJustified(20) << "  " << fit(r.name) << "  "
               << QString(runStatusName(r.status) + (incomplete ? u"*"_s : QString())).leftJustified(9)
               << "  " << iso(r.startedMs > 0 ? r.startedMs : r.createdMs).leftJustified(19) << "  "
               << formatDuration(r).leftJustified(8) << "  " << latest.join(u' ') << '\n';
    }
    if (anyIncomplete)
        io.out << RunsText::tr("* its record is incomplete (points dropped or not stored): runs show ID says "
                               "what is missing\n");
    return readFailed() ? 1 : 0;
}

int show(const QString &db, const QString &id, bool json, Io &io) {
    StoreReader reader;
    if (!openReader(reader, db, io))
        return 1;
    const auto r = findRun(reader, id, io);
    if (!r)
        return 1;
    const QList<SeriesRow> series = reader.series(r->id);
    const QMap<QString, QString> params = reader.params(r->id);
    const QMap<QString, QString> tags = reader.tags(r->id);
    if (json) {
        QJsonObject o = runJson(*r, series);
        QJsonObject p, t;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            p[it.key()] = it.value();
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            t[it.key()] = it.value();
        o[u"params"_s] = p;
        o[u"tags"_s] = t;
        o[u"command"_s] = QJsonDocument::fromJson(r->command.toUtf8()).array();
        o[u"config"_s] = r->config;
        QJsonArray ranks;
        for (const RankRecord &k : rankEndings(*r))
            ranks.append(QJsonObject{{u"rank"_s, k.rank},
                                     {u"state"_s, k.state},
                                     {u"exit_code"_s, k.exitCode},
                                     {u"signal"_s, k.signal}});
        o[u"ranks"_s] = ranks;
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return 0;
    }
    io.out << RunsText::tr("run %1 (%2)\n").arg(r->uid, r->name);
    if (r->failedRank >= 0)
        io.out << RunsText::tr("  status:    %1 (rank %2 failed first, exit code %3)\n")
                      .arg(runStatusName(r->status))
                      .arg(r->failedRank)
                      .arg(r->exitCode);
    else
        io.out << RunsText::tr("  status:    %1 (exit code %2)\n")
                      .arg(runStatusName(r->status))
                      .arg(r->exitCode);
    if (const QString missing = r->incomplete(); !missing.isEmpty())
        io.out << RunsText::tr("  incomplete: %1\n").arg(missing);
    // How each rank ended, from the run's record (a stopped run: the signal each got).
    QStringList endings;
    for (const RankRecord &k : rankEndings(*r))
        endings << (k.signal ? RunsText::tr("%1 killed by %2").arg(k.rank).arg(signalName(k.signal))
                             : RunsText::tr("%1 exit code %2").arg(k.rank).arg(k.exitCode));
    if (!endings.isEmpty())
        io.out << RunsText::tr("  ranks:     %1\n").arg(endings.join(u", "_s));
    io.out << RunsText::tr("  started:   %1, duration %2\n").arg(iso(r->startedMs), formatDuration(*r));
    io.out << RunsText::tr("  host:      %1\n").arg(r->user.isEmpty() ? r->host : r->user + u'@' + r->host);
    io.out << RunsText::tr("  folder:    %1\n  run dir:   %2\n").arg(r->workingDirectory, r->runDir);
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        io.out << RunsText::tr("  param %1 = %2\n").arg(it.key(), it.value());
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        io.out << RunsText::tr("  tag %1 = %2\n").arg(it.key(), it.value());
    for (const SeriesRow &s : series)
        io.out << RunsText::tr("  %1 [rank %2]: %3 points, last %4 at step %5, min %6, max %7\n")
                      .arg(s.key)
                      .arg(s.rank)
                      .arg(s.count)
                      .arg(number(s.lastValue))
                      .arg(s.lastStep)
                      .arg(number(s.minValue), number(s.maxValue));
    return 0;
}

// What differs between runs: launch, config as accelerate sees it, parameters, last metric values.
int diff(const QString &db, const QStringList &ids, bool json, Io &io) {
    StoreReader reader;
    if (!openReader(reader, db, io))
        return 1;
    QList<qint64> runIds;
    for (const QString &id : ids) {
        const auto r = findRun(reader, id, io);
        if (!r)
            return 1;
        runIds << r->id;
    }
    const RunComparison c = compareRuns(reader, runIds);
    if (!c.error.isEmpty()) {
        io.err << c.error << '\n';
        return 1;
    }
    if (json) {
        QJsonArray runs, rows;
        for (const RunRow &r : c.runs)
            runs.append(r.uid);
        for (const ComparedSetting &s : c.rows) {
            QJsonArray values;
            for (qsizetype i = 0; i < s.difference.values.size(); ++i)
                values.append(s.difference.present[i] ? QJsonValue(s.difference.values[i]) : QJsonValue());
            rows.append(QJsonObject{
                {u"section"_s, sectionName(s.section)}, {u"key"_s, s.difference.key}, {u"values"_s, values}});
        }
        io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"runs"_s, runs}, {u"differences"_s, rows}})
                                        .toJson(QJsonDocument::Indented));
        return 0;
    }
    if (c.rows.isEmpty()) {
        io.out << RunsText::tr("no differences\n");
        return 0;
    }
    for (const ComparedSetting &s : c.rows) {
        io.out << sectionName(s.section) << ' ' << s.difference.key << '\n';
        for (qsizetype i = 0; i < c.runs.size(); ++i)
            io.out << "  " << c.runs[i].uid << ": "
                   << (s.difference.present[i] ? s.difference.values[i] : RunsText::tr("(not set)")) << '\n';
    }
    return 0;
}

int exportRun(const QString &db, const QString &id, const QString &formatName, Io &io) {
    const std::optional<ExportFormat> format = exportFormatFromName(formatName);
    if (!format) {
        io.err << RunsText::tr("trainyard runs export: --format takes csv or jsonl") << '\n';
        return 2;
    }
    StoreReader reader;
    if (!openReader(reader, db, io))
        return 1;
    const auto r = findRun(reader, id, io);
    if (!r)
        return 1;
    writeRun(reader, *r, *format, io.out);
    // A read that stopped at damage is said, and the export fails, rather than look complete.
    if (reader.error().isEmpty())
        return 0;
    io.out.flush();
    io.err << RunsText::tr("trainyard runs export: %1").arg(reader.error()) << '\n';
    return 1;
}

int importFile(const QString &db, const QString &path, Io &io) {
    QList<ImportedSummary> imported;
    QStringList problems;
    QString error;
    const bool ok = importRuns(databasePath(db), path, &imported, &problems, &error);
    // What was skipped (a damaged record, a malformed metric line) is said; the rest is kept.
    for (const QString &p : std::as_const(problems))
        io.err << RunsText::tr("warning: %1").arg(p) << '\n';
    for (const ImportedSummary &s : std::as_const(imported))
        io.out << RunsText::tr("imported %1 points as run %2 (%3)").arg(s.points).arg(s.uid, s.name) << '\n';
    if (!ok) {
        io.err << RunsText::tr("trainyard runs import: %1").arg(error) << '\n';
        return 1;
    }
    if (imported.isEmpty()) {
        io.err << RunsText::tr("trainyard runs import: nothing in %1 could be imported").arg(path) << '\n';
        return 1;
    }
    return 0;
}

int remove(const QString &db, const QString &id, Io &io) {
    StoreReader reader;
    if (!openReader(reader, db, io))
        return 1;
    const auto r = findRun(reader, id, io);
    if (!r)
        return 1;
    QString error;
    if (!removeRun(databasePath(db), r->id, &error)) {
        io.err << RunsText::tr("trainyard runs rm: %1: %2").arg(r->uid, error) << '\n';
        return 1;
    }
    io.out << RunsText::tr("removed run %1").arg(r->uid) << '\n';
    return 0;
}

// `runs rerun ID`: the run's `trainyard launch` words again, in its working directory, with the config file
// as it was launched (the run folder's config.yaml), as a new run tagged rerun_of=ID. A secret given with
// --env was never recorded: such a run is refused, naming the variable.
int rerun(const QString &db, const QString &id, Io &io) {
    StoreReader reader;
    if (!openReader(reader, db, io))
        return 1;
    const auto r = findRun(reader, id, io);
    if (!r)
        return 1;
    RunRecord record;
    QString error;
    QStringList argv;
    if (JsonRunRecorder::load(r->runDir + u"/run.json"_s, &record, &error))
        argv = record.argv;
    else
        for (const QJsonValue &w : QJsonDocument::fromJson(r->command.toUtf8()).array())
            argv << w.toString();
    if (argv.size() < 3 || argv[0] != u"trainyard"_s || argv[1] != u"launch"_s) {
        io.err << RunsText::tr("trainyard runs rerun: run %1 was not started by `trainyard launch` (it was "
                               "imported, or its record is gone), so there is nothing to run again")
                      .arg(r->uid)
               << '\n';
        return 1;
    }
    QStringList words = argv.mid(2);
    LaunchArgs parsed;
    if (!parseLaunchArgs(words, &parsed, &error) || parsed.script.isEmpty()) {
        io.err << RunsText::tr("trainyard runs rerun: the recorded command of %1 cannot be read: %2")
                      .arg(r->uid, error)
               << '\n';
        return 1;
    }
    const qsizetype scriptAt = words.size() - parsed.scriptArgs.size() - 1;
    for (qsizetype i = 0; i < scriptAt; ++i) {
        const QString assignment = words[i] == u"--env"_s             ? words.value(i + 1)
                                   : words[i].startsWith(u"--env="_s) ? words[i].mid(6)
                                                                      : QString();
        if (assignment.endsWith(u"=***"_s)) {
            io.err << RunsText::tr(
                          "trainyard runs rerun: the value of %1 (given with --env) is a secret and was "
                          "not recorded; run `trainyard launch` with it again")
                          .arg(assignment.section(u'=', 0, 0))
                   << '\n';
            return 1;
        }
    }
    // The config as it was launched, not the file as it is now.
    const QString snapshot = r->runDir + u"/config.yaml"_s;
    if (QFileInfo::exists(snapshot)) {
        QStringList head = withoutFlags(words.mid(0, scriptAt), {u"config_file"_s});
        words = QStringList{u"--config_file"_s, snapshot} + head + words.mid(scriptAt);
    }
    words = withoutFlags(words, {u"queued_run"_s, u"slurm_job"_s, u"rerun_of"_s});
    words.prepend(r->uid);
    words.prepend(u"--rerun-of"_s);
    if (!db.isEmpty() && !parsed.typed.contains(u"db"_s) && parsed.db.isEmpty()) {
        words.prepend(db);
        words.prepend(u"--db"_s);
    }
    const QString dir = record.workingDirectory.isEmpty() ? r->workingDirectory : record.workingDirectory;
    if (!QDir::setCurrent(dir)) {
        io.err
            << RunsText::tr("trainyard runs rerun: the working directory of %1, %2, is gone").arg(r->uid, dir)
            << '\n';
        return 1;
    }
    io.err << RunsText::tr("trainyard: running %1 again in %2: trainyard launch %3")
                  .arg(r->uid, dir, redactedCommandLine(words).join(u' '))
           << '\n';
    io.err.flush();
    return launchCommand(words, io);
}

// `runs tag ID KEY=VALUE...` (KEY= removes the tag) and `runs note ID TEXT` (an empty TEXT removes the note):
// a run's own labels, stored as its tags (the note is the "note" tag) and shown by runs show and the studio.
int tag(const QString &db, const QString &id, const QStringList &pairs, Io &io) {
    QMap<QString, QString> set;
    QStringList removed;
    for (const QString &p : pairs) {
        const qsizetype eq = p.indexOf(u'=');
        if (eq <= 0) {
            io.err << RunsText::tr("trainyard runs tag: '%1' is not KEY=VALUE (KEY= removes a tag)").arg(p)
                   << '\n';
            return 2;
        }
        if (eq == p.size() - 1)
            removed << p.left(eq);
        else
            set.insert(p.left(eq), p.mid(eq + 1));
    }
    std::optional<RunRow> r;
    {
        StoreReader reader;
        if (!openReader(reader, db, io))
            return 1;
        r = findRun(reader, id, io);
        if (!r)
            return 1;
    }
    StoreWriter writer;
    QString error;
    // All of them or none: one transaction.
    if (!writer.open(databasePath(db), &error) || !writer.begin(&error) ||
        !writer.setTags(r->id, set, &error) || !writer.removeTags(r->id, removed, &error) ||
        !writer.commit(&error)) {
        writer.rollback();
        io.err << RunsText::tr("trainyard runs: %1").arg(error) << '\n';
        return 1;
    }
    return 0;
}

} // namespace

int runsCommand(const QStringList &args, Io &io) {
    QString db;
    bool json = false;
    QString format;
    std::optional<QString> filter;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--db"_s && i + 1 < args.size())
            db = args[++i];
        else if (args[i] == u"--filter"_s && i + 1 < args.size())
            filter = args[++i];
        else if (args[i].startsWith(u"--filter="_s))
            filter = args[i].mid(9);
        else if (args[i] == u"--json"_s)
            json = true;
        else if (args[i] == u"--format"_s && i + 1 < args.size())
            format = args[++i];
        else
            positional << args[i];
    }
    const QString sub = positional.value(0);
    if (sub == u"list"_s && positional.size() == 1)
        return list(db, json, filter, io);
    if (sub == u"tag"_s && positional.size() >= 3)
        return tag(db, positional[1], positional.mid(2), io);
    if (sub == u"note"_s && positional.size() >= 2) // the words after the id, joined: runs note ID some text
        return tag(db, positional[1], {u"note="_s + positional.mid(2).join(u' ')}, io);
    if (sub == u"show"_s && positional.size() == 2)
        return show(db, positional[1], json, io);
    if (sub == u"diff"_s && positional.size() >= 3)
        return diff(db, positional.mid(1), json, io);
    if (sub == u"export"_s && positional.size() == 2)
        return exportRun(db, positional[1], format.isEmpty() ? u"csv"_s : format, io);
    if (sub == u"import"_s && positional.size() == 2)
        return importFile(db, positional[1], io);
    if (sub == u"rm"_s && positional.size() == 2)
        return remove(db, positional[1], io);
    if (sub == u"rerun"_s && positional.size() == 2)
        return rerun(db, positional[1], io);
    io.err << RunsText::tr(
                  "usage: trainyard runs list [--json] [--filter QUERY] | show ID [--json] | diff ID ID... "
                  "[--json] | export ID --format csv|jsonl | import PATH | rm ID | rerun ID | tag ID "
                  "KEY=VALUE... | note ID TEXT   [--db PATH]")
           << '\n';
    return 2;
}

} // namespace trainyard::cli
