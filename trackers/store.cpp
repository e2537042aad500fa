#include "store.h"

#include "atomicfile.h"
#include "databaseurl.h"
#include "pgconn.h"
#include "runoutcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <algorithm>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstring>
#include <iterator>
#include <limits>
#include <mutex>
#include <pthread.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct StoreText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::StoreText)
};
} // namespace

void Aggregate::add(qint64 step, double value) {
    if (count == 0) {
        firstStep = step;
        firstValue = value;
        minValue = value;
        maxValue = value;
    } else {
        minValue = std::isnan(minValue) ? value : std::fmin(minValue, value);
        maxValue = std::isnan(maxValue) ? value : std::fmax(maxValue, value);
    }
    lastStep = step;
    lastValue = value;
    ++count;
}

void Aggregate::merge(const Aggregate &later) {
    if (later.count == 0)
        return;
    if (count == 0) {
        *this = later;
        return;
    }
    minValue = std::isnan(minValue) ? later.minValue : std::fmin(minValue, later.minValue);
    maxValue = std::isnan(maxValue) ? later.maxValue : std::fmax(maxValue, later.maxValue);
    lastStep = later.lastStep;
    lastValue = later.lastValue;
    count += later.count;
}

namespace {

qint64 chunkSize(int level) {
    qint64 n = 1;
    for (int i = 0; i < level; ++i)
        n *= LevelFanout;
    return n;
}

const char *const MigrationV1 = R"(
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  uid TEXT UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'created',
  created_ms INTEGER, started_ms INTEGER, ended_ms INTEGER,
  exit_code INTEGER,
  host TEXT, working_dir TEXT, command TEXT, config TEXT);
CREATE TABLE params(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT,
  PRIMARY KEY(run_id, key)) WITHOUT ROWID;
CREATE TABLE tags(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT,
  PRIMARY KEY(run_id, key)) WITHOUT ROWID;
CREATE TABLE series(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL, key TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0, last_step INTEGER, last_value REAL, min_value REAL, max_value REAL,
  UNIQUE(run_id, rank, key));
CREATE TABLE points(series_id INTEGER NOT NULL, seq INTEGER NOT NULL, step INTEGER NOT NULL, value REAL,
  wall_ms INTEGER NOT NULL, PRIMARY KEY(series_id, seq)) WITHOUT ROWID;
CREATE TABLE levels(series_id INTEGER NOT NULL, level INTEGER NOT NULL, chunk INTEGER NOT NULL,
  count INTEGER NOT NULL, first_step INTEGER, first_value REAL, last_step INTEGER, last_value REAL,
  min_value REAL, max_value REAL, PRIMARY KEY(series_id, level, chunk)) WITHOUT ROWID;
CREATE TABLE logs(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  rank INTEGER, wall_ms INTEGER, kind TEXT, text TEXT);
PRAGMA user_version = 1;
)";

const char *const MigrationV2 = R"(
ALTER TABLE runs ADD COLUMN run_dir TEXT;
CREATE TABLE ingest_batches(run_id INTEGER NOT NULL, client TEXT NOT NULL, last_batch INTEGER NOT NULL,
  PRIMARY KEY(run_id, client)) WITHOUT ROWID;
CREATE TABLE system_metrics(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, host TEXT, device TEXT,
  key TEXT NOT NULL, wall_ms INTEGER NOT NULL, value REAL);
CREATE INDEX system_metrics_run ON system_metrics(run_id, key, wall_ms);
PRAGMA user_version = 2;
)";

const char *const MigrationV3 = R"(
ALTER TABLE runs ADD COLUMN launcher TEXT;
ALTER TABLE runs ADD COLUMN heartbeat_ms INTEGER;
ALTER TABLE runs ADD COLUMN failed_rank INTEGER;
ALTER TABLE runs ADD COLUMN ingest_refusals TEXT;
PRAGMA user_version = 3;
)";

// The run queue (trainyard queue): one row per queued run, kept after it ran (its GPU ids stay known).
const char *const MigrationV4 = R"(
CREATE TABLE queue(
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  gpus INTEGER NOT NULL DEFAULT 0,
  cpu_slots INTEGER NOT NULL DEFAULT 0,
  hosts TEXT NOT NULL DEFAULT '',
  words TEXT NOT NULL,
  working_dir TEXT NOT NULL,
  env TEXT NOT NULL,
  devices TEXT,
  launcher TEXT,
  started_ms INTEGER);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
PRAGMA user_version = 4;
)";

// What each tracker client said of its own points: how many it dropped (a full buffer, a connection it gave
// up on) and whether it finished (said goodbye after its last point). Rows of older databases count as
// finished.
const char *const MigrationV5 = R"(
ALTER TABLE ingest_batches ADD COLUMN rank INTEGER;
ALTER TABLE ingest_batches ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_batches ADD COLUMN finished INTEGER NOT NULL DEFAULT 1;
PRAGMA user_version = 5;
)";

// Who launched a run (a database a team shares shows it beside the host).
const char *const MigrationV6 = R"(
ALTER TABLE runs ADD COLUMN user_name TEXT;
PRAGMA user_version = 6;
)";

// The schema of version 6 on PostgreSQL: SQLite's INTEGER is BIGINT, REAL is DOUBLE PRECISION, ids are
// identity columns; ingest batches also cascade from their run. Points and levels have no foreign key, as in
// the SQLite file (a run's deletion removes them by its series, store.cpp): the key's check per row tripled
// the time of COPY into points (1,000,000 rows: 5.0 s with it, 1.6 s without).
const char *const PostgresTables = R"(
CREATE TABLE runs(
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  uid TEXT UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'created',
  created_ms BIGINT, started_ms BIGINT, ended_ms BIGINT,
  exit_code BIGINT,
  host TEXT, working_dir TEXT, command TEXT, config TEXT,
  run_dir TEXT, launcher TEXT, heartbeat_ms BIGINT, failed_rank BIGINT, ingest_refusals TEXT, user_name TEXT);
CREATE TABLE params(run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT,
  PRIMARY KEY(run_id, key));
CREATE TABLE tags(run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT,
  PRIMARY KEY(run_id, key));
CREATE TABLE series(
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  rank BIGINT NOT NULL, key TEXT NOT NULL,
  count BIGINT NOT NULL DEFAULT 0, last_step BIGINT, last_value DOUBLE PRECISION, min_value DOUBLE PRECISION,
  max_value DOUBLE PRECISION,
  UNIQUE(run_id, rank, key));
CREATE TABLE points(series_id BIGINT NOT NULL, seq BIGINT NOT NULL,
  step BIGINT NOT NULL, value DOUBLE PRECISION, wall_ms BIGINT NOT NULL, PRIMARY KEY(series_id, seq));
CREATE TABLE levels(series_id BIGINT NOT NULL, level BIGINT NOT NULL,
  chunk BIGINT NOT NULL, count BIGINT NOT NULL, first_step BIGINT, first_value DOUBLE PRECISION,
  last_step BIGINT, last_value DOUBLE PRECISION, min_value DOUBLE PRECISION, max_value DOUBLE PRECISION,
  PRIMARY KEY(series_id, level, chunk));
CREATE TABLE logs(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, rank BIGINT, wall_ms BIGINT, kind TEXT, text TEXT);
CREATE TABLE ingest_batches(run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, client TEXT NOT NULL,
  last_batch BIGINT NOT NULL, rank BIGINT, dropped BIGINT NOT NULL DEFAULT 0, finished BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY(run_id, client));
CREATE TABLE system_metrics(run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, host TEXT, device TEXT,
  key TEXT NOT NULL, wall_ms BIGINT NOT NULL, value DOUBLE PRECISION);
CREATE INDEX system_metrics_run ON system_metrics(run_id, key, wall_ms);
CREATE TABLE queue(
  run_id BIGINT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  gpus BIGINT NOT NULL DEFAULT 0,
  cpu_slots BIGINT NOT NULL DEFAULT 0,
  hosts TEXT NOT NULL DEFAULT '',
  words TEXT NOT NULL,
  working_dir TEXT NOT NULL,
  env TEXT NOT NULL,
  devices TEXT,
  launcher TEXT,
  started_ms BIGINT);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT);
)";

// Live updates (DatabaseWatcher): every statement that changes what a reader shows notifies channel
// `trainyard` (PostgreSQL sends one notification per transaction and payload, at its commit).
const char *const PostgresNotify = R"(
CREATE OR REPLACE FUNCTION trainyard_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('trainyard', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER trainyard_notify_runs AFTER INSERT OR UPDATE OR DELETE ON runs
  FOR EACH STATEMENT EXECUTE FUNCTION trainyard_notify();
CREATE TRIGGER trainyard_notify_series AFTER INSERT OR UPDATE OR DELETE ON series
  FOR EACH STATEMENT EXECUTE FUNCTION trainyard_notify();
CREATE TRIGGER trainyard_notify_logs AFTER INSERT OR DELETE ON logs
  FOR EACH STATEMENT EXECUTE FUNCTION trainyard_notify();
CREATE TRIGGER trainyard_notify_tags AFTER INSERT OR UPDATE OR DELETE ON tags
  FOR EACH STATEMENT EXECUTE FUNCTION trainyard_notify();
CREATE TRIGGER trainyard_notify_queue AFTER INSERT OR UPDATE OR DELETE ON queue
  FOR EACH STATEMENT EXECUTE FUNCTION trainyard_notify();
CREATE TRIGGER trainyard_notify_settings AFTER INSERT OR UPDATE OR DELETE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION trainyard_notify();
)";

// A chart's binary search for the first point at or after a step (or a wall time) in one statement: the
// client's search (StoreReader::seqAtOrAfter) costs a round trip per probe, some 24 for a series of
// 10,000,000 points.
const char *const PostgresSearch = R"(
CREATE OR REPLACE FUNCTION trainyard_seq_at_or_after(sid BIGINT, target BIGINT, n BIGINT, by_wall BIGINT)
RETURNS BIGINT LANGUAGE plpgsql STABLE AS $$
DECLARE
  lo BIGINT := 0;
  hi BIGINT := n;
  mid BIGINT;
  v BIGINT;
BEGIN
  WHILE lo < hi LOOP
    mid := lo + (hi - lo) / 2;
    IF by_wall <> 0 THEN
      SELECT wall_ms INTO v FROM points WHERE series_id = sid AND seq = mid;
    ELSE
      SELECT step INTO v FROM points WHERE series_id = sid AND seq = mid;
    END IF;
    IF v IS NULL OR v >= target THEN
      hi := mid;
    ELSE
      lo := mid + 1;
    END IF;
  END LOOP;
  RETURN lo;
END $$;
)";

bool configure(sql::Database &db, bool writer, QString *error) {
    if (db.isPostgres()) // a reader's connection never writes by mistake (it may make the tables first)
        return writer || db.exec("SET default_transaction_read_only = on", error);
    if (writer && !db.exec("PRAGMA journal_mode = WAL", error))
        return false;
    return db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
                   "PRAGMA cache_size = -65536;",
                   error);
}

void bindValue(sql::Statement &s, int i, double v) {
    if (std::isnan(v))
        s.bindNull(i);
    else
        s.bind(i, v);
}

double readValue(const sql::Statement &s, int col) {
    return s.isNull(col) ? NAN : s.real(col);
}

// A levels row's count, first_step, first_value, last_step, last_value, min_value, max_value from column
// `first`.
Aggregate readAggregate(const sql::Statement &s, int first) {
    Aggregate a;
    a.count = s.int64(first);
    a.firstStep = s.int64(first + 1);
    a.firstValue = readValue(s, first + 2);
    a.lastStep = s.int64(first + 3);
    a.lastValue = readValue(s, first + 4);
    a.minValue = readValue(s, first + 5);
    a.maxValue = readValue(s, first + 6);
    return a;
}

} // namespace

bool migrate(sql::Database &db, QString *error, int target) {
    const char *const steps[] = {MigrationV1, MigrationV2, MigrationV3,
                                 MigrationV4, MigrationV5, MigrationV6};
    static_assert(std::size(steps) == SchemaVersion);
    if (db.isPostgres()) // the server's tables are made at the newest version (preparePostgres)
        return preparePostgres(*db.server(), error);
    auto newer = [&](int version) {
        if (error)
            *error = u"the database has schema version %1, newer than this Trainyard (%2)"_s.arg(version).arg(
                SchemaVersion);
        return false;
    };
    if (db.userVersion() > SchemaVersion)
        return newer(db.userVersion());
    // Each step is one transaction. The version is read again once the write lock is held: another process
    // may have migrated meanwhile, and a step must never run twice.
    for (;;) {
        if (!db.exec("BEGIN IMMEDIATE", error))
            return false;
        const int version = db.userVersion();
        if (version < 0 || version >= target) {
            db.exec("COMMIT");
            if (version > SchemaVersion)
                return newer(version);
            if (version < 0 && error)
                *error = db.lastError();
            return version >= 0;
        }
        QString e;
        if (!db.exec(steps[version], &e)) {
            db.exec("ROLLBACK");
            if (error)
                *error = u"migration to schema version %1 failed: %2"_s.arg(version + 1).arg(e);
            return false;
        }
        if (!db.exec("COMMIT", &e)) {
            db.exec("ROLLBACK");
            if (error)
                *error = u"migration to schema version %1 failed: %2"_s.arg(version + 1).arg(e);
            return false;
        }
    }
}

bool preparePostgres(pg::Connection &c, QString *error) {
    // A server this process has seen ready needs one question, not the locked check (the studio opens a
    // reader for each refresh).
    static std::mutex readyMutex;
    static QSet<QString> ready;
    {
        std::lock_guard lock(readyMutex);
        if (ready.contains(c.url())) {
            int version = 0;
            if (c.query(
                    "SELECT version FROM trainyard_schema", {},
                    [&](const QList<pg::Value> &r) { version = r[0] ? r[0]->toInt() : 0; }, nullptr) &&
                version == SchemaVersion)
                return true;
            ready.remove(c.url()); // gone or changed meanwhile: the whole check below
        }
    }
    // Once per server, whoever comes first: the lock is the transaction's and ends with it.
    QString why;
    bool made = false;
    bool notifies = false, searches = false;
    const bool ok = c.exec("BEGIN; SELECT pg_advisory_xact_lock(7419001)", &why) &&
                    c.query(
                        "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = "
                        "'trainyard_schema'",
                        {}, [&](const QList<pg::Value> &) { made = true; }, &why) &&
                    (made || (c.exec(PostgresTables, &why) &&
                              c.exec("CREATE TABLE trainyard_schema(version INTEGER NOT NULL);"
                                     "INSERT INTO trainyard_schema VALUES(6)",
                                     &why))) &&
                    // Version 5 (made by an earlier Trainyard) gains the run's user.
                    c.exec("DO $$ BEGIN IF (SELECT version FROM trainyard_schema) = 5 THEN"
                           " ALTER TABLE runs ADD COLUMN user_name TEXT;"
                           " UPDATE trainyard_schema SET version = 6; END IF; END $$",
                           &why) &&
                    c.query(
                        "SELECT 1 FROM pg_trigger WHERE tgname = 'trainyard_notify_runs'", {},
                        [&](const QList<pg::Value> &) { notifies = true; }, &why) &&
                    (notifies || c.exec(PostgresNotify, &why)) &&
                    c.query(
                        "SELECT 1 FROM pg_proc WHERE proname = 'trainyard_seq_at_or_after'", {},
                        [&](const QList<pg::Value> &) { searches = true; }, &why) &&
                    (searches || c.exec(PostgresSearch, &why)) && c.exec("COMMIT", &why);
    if (!ok) {
        c.exec("ROLLBACK", nullptr);
        if (error)
            *error = StoreText::tr("cannot make the run database's tables: %1").arg(why);
        return false;
    }
    int version = 0;
    if (!c.query(
            "SELECT version FROM trainyard_schema", {},
            [&](const QList<pg::Value> &r) { version = r[0] ? r[0]->toInt() : 0; }, error))
        return false;
    if (version != SchemaVersion) {
        if (error)
            *error = StoreText::tr(
                         "the server's run database has schema version %1; this Trainyard reads version %2")
                         .arg(version)
                         .arg(SchemaVersion);
        return false;
    }
    std::lock_guard lock(readyMutex);
    ready.insert(c.url());
    return true;
}

namespace {
QByteArray readSmallFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(4096) : QByteArray();
}

// Read once: it changes only with a reboot.
const QString &bootId() {
    static const QString id =
        QString::fromLatin1(readSmallFile(u"/proc/sys/kernel/random/boot_id"_s).trimmed());
    return id;
}

// Field 22 of /proc/PID/stat (start time in clock ticks since boot); empty when there is no such process.
QString processStart(qint64 pid) {
    const QByteArray line = readSmallFile(u"/proc/%1/stat"_s.arg(pid));
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> f = line.mid(close + 2).split(' '); // f[0] is field 3 (state)
    if (f.size() < 20 || f[0] == "Z" || f[0] == "X")
        return {};
    return QString::fromLatin1(f[19]);
}
} // namespace

QString currentUserName() {
    const passwd *pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : qEnvironmentVariable("USER");
}

QString launcherIdentity() {
    return launcherIdentityOf(QCoreApplication::applicationPid());
}

QString launcherIdentityOf(qint64 pid) {
    return u"%1 %2 %3 %4"_s.arg(QSysInfo::machineHostName(), bootId()).arg(pid).arg(processStart(pid));
}

bool launcherRunning(const QString &identity) {
    const QStringList f = identity.split(u' ');
    return f.size() == 4 && !f[3].isEmpty() && f[0] == QSysInfo::machineHostName() && f[1] == bootId() &&
           processStart(f[2].toLongLong()) == f[3];
}

void writePointsCsv(StoreReader &reader, const RunRow &run, QTextStream &out, bool header) {
    if (header)
        out << "run,rank,key,step,value,wall_time\n";
    for (const SeriesRow &s : reader.series(run.id)) {
        const QString key = s.key.contains(u',') || s.key.contains(u'"') || s.key.contains(u'\n')
                                ? u"\""_s + QString(s.key).replace(u"\""_s, u"\"\""_s) + u"\""_s
                                : s.key;
        for (const PointRow &p :
             reader.points(s.id, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max())) {
            out << run.uid << ',' << s.rank << ',' << key << ',' << p.step << ','
                << (std::isnan(p.value) ? u"nan"_s
                                        : QString::number(p.value, 'g', QLocale::FloatingPointShortest))
                << ',' << QString::number(double(p.wallMs) / 1000.0, 'f', 3) << '\n';
        }
    }
}

qint64 crashEndMs(const RunRow &run) {
    return run.heartbeatMs > 0 ? run.heartbeatMs : std::max(run.startedMs, run.createdMs);
}

bool launcherGone(const RunRow &run, qint64 nowMs) {
    if (!isActive(run.status))
        return false;
    const QStringList f = run.launcher.split(u' ');
    if (f.size() == 4 && f[0] == QSysInfo::machineHostName()) {
        // On the launcher's own host its pid and start time say it exactly, at once.
        if (f[1] != bootId())
            return true;
        return processStart(f[2].toLongLong()) != f[3] || f[3].isEmpty();
    }
    // Elsewhere (a database on a shared file system) the heartbeat tells; a run recorded by a Trainyard
    // without either cannot have a live launcher (it would refuse this schema).
    const qint64 last = std::max(run.heartbeatMs, run.createdMs);
    return run.launcher.isEmpty() || nowMs - last > LauncherTimeoutMs;
}

QString formatMetric(const QString &key, double value) {
    const auto num = [](double v, int digits) { return QString::number(v, 'g', digits); };
    if (!std::isfinite(value))
        return num(value, 4);
    if (key.endsWith(u"_bytes"_s)) {
        static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = value;
        int u = 0;
        while (std::abs(v) >= 1024.0 && u < 5) {
            v /= 1024.0;
            ++u;
        }
        return (u == 0 ? QString::number(qint64(v)) : QString::number(v, 'f', 1)) + u' ' +
               QString::fromLatin1(units[u]);
    }
    if (key.endsWith(u"_percent"_s))
        return num(value, 3) + u'%';
    if (key.endsWith(u"_watts"_s))
        return num(value, 4) + u" W"_s;
    if (key.endsWith(u"_temperature_c"_s))
        return num(value, 3) + u" \u00b0C"_s;
    if (key.endsWith(u"_seconds"_s))
        return num(value, 4) + u" s"_s;
    return num(value, 4);
}

QString formatDuration(const RunRow &r) {
    if (r.startedMs <= 0)
        return {};
    const qint64 end = r.endedMs > 0 ? r.endedMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 s = (end - r.startedMs) / 1000;
    return u"%1:%2:%3"_s.arg(s / 3600).arg((s / 60) % 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
}

// ---- writer --------------------------------------------------------------------------------------------

// One clear message for the usual ways a database file cannot be used.
static QString describeOpenError(const QString &path, const QString &e) {
    // A file SQLite cannot read at all is foreign; one whose pages are damaged is ours, broken.
    if (e.contains(u"malformed"_s) || e.contains(u"corrupt"_s))
        return StoreText::tr("%1: the run database is damaged (%2)").arg(path, e);
    if (e.contains(u"not a database"_s))
        return StoreText::tr("%1: not a Trainyard run database (%2)").arg(path, e);
    if (e.contains(u"readonly"_s) || e.contains(u"read-only"_s) || e.contains(u"unable to open"_s))
        return StoreText::tr("%1: cannot write the run database (%2); check the file's and its folder's "
                             "permissions")
            .arg(path, e);
    return e.contains(path) ? e : u"%1: %2"_s.arg(path, e); // a server's connection error names it
}

// A path that exists and is not a regular file (a folder, a FIFO, a device): SQLite would block on a FIFO or
// say only "disk I/O error".
bool refusedDatabaseLocation(const QString &path, QString *error) {
    if (isServerUrl(path)) // a server's URL is never taken for a file name
        return false;
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || S_ISREG(st.st_mode))
        return false;
    if (error)
        *error = StoreText::tr("%1: not a file (%2); the run database must be a file")
                     .arg(path, S_ISDIR(st.st_mode)    ? StoreText::tr("a folder")
                                : S_ISFIFO(st.st_mode) ? StoreText::tr("a pipe")
                                                       : StoreText::tr("a device or socket"));
    return true;
}

bool StoreWriter::setAutoCheckpoint(int pages, QString *error) {
    if (m_db.isPostgres())
        return true; // a server has no write-ahead log of the client's to copy
    return m_db.exec(QByteArray("PRAGMA wal_autocheckpoint = " + QByteArray::number(pages)).constData(),
                     error);
}

void WalCheckpointer::start(const QString &path, int intervalMs) {
    stop();
    m_stop = false;
    m_thread = std::thread([this, path, intervalMs] {
        pthread_setname_np(pthread_self(), "trainyard-ckpt");
        sql::Database db;
        if (!db.open(path, false, nullptr))
            return; // the writer's own bound (wal_autocheckpoint) still holds
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, std::chrono::milliseconds(intervalMs));
            if (m_stop)
                break;
            lock.unlock();
            if (db.exec("PRAGMA wal_checkpoint(PASSIVE)", nullptr))
                ++m_done;
            lock.lock();
        }
    });
}

void WalCheckpointer::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool StoreWriter::open(const QString &path, QString *error) {
    m_path = path;
    if (refusedDatabaseLocation(path, error))
        return false;
    // The folder and the database Trainyard creates are its user's only (metrics, configs and logs of a
    // shared workstation's users stay apart); what exists keeps its mode.
    if (!isServerUrl(path)) {
        makePrivateFolder(QFileInfo(path).absolutePath());
        if (!QFileInfo::exists(path))
            createPrivateFile(path);
    }
    QString e;
    if (!m_db.open(path, false, &e) || !configure(m_db, true, &e) || !migrate(m_db, &e)) {
        if (error)
            *error = describeOpenError(pg::redacted(path), e);
        m_db.close();
        return false;
    }
    // Points and finished chunks are only ever appended (on a server, by COPY at the commit).
    m_insertPoint.prepareAppend(m_db, "points", "series_id, seq, step, value, wall_ms", 5);
    m_insertLevel.prepareAppend(m_db, "levels",
                                "series_id, level, chunk, count, first_step, first_value, last_step,"
                                " last_value, min_value, max_value",
                                10, "INSERT OR REPLACE");
    m_findSeries.prepare(m_db, "SELECT id, count, last_step, last_value, min_value, max_value FROM series"
                               " WHERE run_id = ? AND rank = ? AND key = ?");
    m_insertSeries.prepare(m_db, "INSERT INTO series(run_id, rank, key) VALUES(?, ?, ?) RETURNING id");
    m_updateSeries.prepare(m_db, "UPDATE series SET count = ?, last_step = ?, last_value = ?, min_value = ?,"
                                 " max_value = ? WHERE id = ?");
    // A client's first batch makes its row (not finished until it says so); later ones move its mark only.
    m_mark.prepare(
        m_db, "INSERT INTO ingest_batches(run_id, client, last_batch, rank, finished) VALUES(?, ?, ?, ?, ?)"
              " ON CONFLICT(run_id, client) DO UPDATE SET last_batch = excluded.last_batch");
    m_trackerReport.prepare(m_db, QByteArray("UPDATE ingest_batches SET dropped = ") + m_db.greatest() +
                                      "(dropped, ?), finished = " + m_db.greatest() +
                                      "(finished, ?) WHERE run_id = ? AND client = ?");
    reapDeadRuns(nullptr); // every writer records the runs whose launcher died (best effort: it may be busy)
    return true;
}

bool StoreWriter::begin(QString *error) {
    if (m_inTransaction)
        return true;
    if (!m_db.exec("BEGIN IMMEDIATE", error))
        return false;
    m_inTransaction = true;
    return true;
}

bool StoreWriter::commit(QString *error) {
    if (!m_inTransaction)
        return true;
    if (!flushSummaries(error)) {
        rollback();
        return false;
    }
    if (!m_db.exec("COMMIT", error)) {
        rollback();
        return false;
    }
    m_inTransaction = false;
    return true;
}

void StoreWriter::rollback() {
    if (m_inTransaction)
        m_db.exec("ROLLBACK");
    m_inTransaction = false;
    m_series.clear(); // cached tails may be ahead of what is stored now
    m_recordedBatches.clear();
}

qint64 StoreWriter::createRun(const RunRow &run, QString *error) {
    sql::Statement s(m_db,
                     "INSERT INTO runs(uid, name, status, created_ms, started_ms, ended_ms, exit_code, host,"
                     " working_dir, command, config, run_dir, failed_rank, launcher, heartbeat_ms,"
                     " ingest_refusals, user_name) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     " RETURNING id");
    s.bind(1, run.uid).bind(2, run.name).bind(3, runStatusName(run.status));
    s.bind(4, run.createdMs).bind(5, run.startedMs).bind(6, run.endedMs).bind(7, run.exitCode);
    s.bind(8, run.host)
        .bind(9, run.workingDirectory)
        .bind(10, run.command)
        .bind(11, run.config)
        .bind(12, run.runDir);
    s.bind(13, run.failedRank).bind(14, run.launcher).bind(15, run.heartbeatMs).bind(16, run.ingestRefusals);
    if (run.user.isEmpty())
        s.bindNull(17);
    else
        s.bind(17, run.user);
    if (s.step() != SQLITE_ROW) {
        if (error)
            *error = m_db.lastError();
        return 0;
    }
    const qint64 id = s.int64(0);
    s.reset();
    return id;
}

bool StoreWriter::updateRun(const RunRow &run, QString *error) {
    sql::Statement s(
        m_db, QByteArray("UPDATE runs SET name = ?, status = ?, started_ms = ?, ended_ms = ?, exit_code = ?,"
                         " host = ?, working_dir = ?, command = ?, config = ?, run_dir = ?, failed_rank = ?,"
                         " launcher = ?, heartbeat_ms = ") +
                  m_db.greatest() + "(coalesce(heartbeat_ms, 0), ?), ingest_refusals = ? WHERE id = ?");
    s.bind(1, run.name)
        .bind(2, runStatusName(run.status))
        .bind(3, run.startedMs)
        .bind(4, run.endedMs)
        .bind(5, run.exitCode);
    s.bind(6, run.host)
        .bind(7, run.workingDirectory)
        .bind(8, run.command)
        .bind(9, run.config)
        .bind(10, run.runDir);
    s.bind(11, run.failedRank).bind(12, run.launcher).bind(13, run.heartbeatMs).bind(14, run.ingestRefusals);
    s.bind(15, run.id);
    if (!s.run()) {
        if (error)
            *error = m_db.lastError();
        return false;
    }
    return true;
}

static bool setKeyValues(sql::Database &db, const char *sql, qint64 runId, const QMap<QString, QString> &kv,
                         QString *error) {
    sql::Statement s(db, sql);
    for (auto it = kv.cbegin(); it != kv.cend(); ++it) {
        s.bind(1, runId).bind(2, it.key()).bind(3, it.value());
        if (!s.run()) {
            if (error)
                *error = db.lastError();
            return false;
        }
    }
    return true;
}

bool StoreWriter::setParams(qint64 runId, const QMap<QString, QString> &params, QString *error) {
    return setKeyValues(m_db,
                        "INSERT INTO params(run_id, key, value) VALUES(?, ?, ?)"
                        " ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value",
                        runId, params, error);
}

bool StoreWriter::setTags(qint64 runId, const QMap<QString, QString> &tags, QString *error) {
    return setKeyValues(m_db,
                        "INSERT INTO tags(run_id, key, value) VALUES(?, ?, ?)"
                        " ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value",
                        runId, tags, error);
}

bool StoreWriter::removeTags(qint64 runId, const QStringList &keys, QString *error) {
    sql::Statement s(m_db, "DELETE FROM tags WHERE run_id = ? AND key = ?");
    for (const QString &key : keys) {
        s.bind(1, runId).bind(2, key);
        if (!s.run()) {
            if (error)
                *error = m_db.lastError();
            return false;
        }
    }
    return true;
}

bool StoreWriter::appendLog(qint64 runId, int rank, qint64 wallMs, const QString &kind, const QString &text,
                            QString *error) {
    sql::Statement s(m_db, "INSERT INTO logs(run_id, rank, wall_ms, kind, text) VALUES(?, ?, ?, ?, ?)");
    s.bind(1, runId).bind(2, rank).bind(3, wallMs).bind(4, kind).bind(5, text);
    if (!s.run()) {
        if (error)
            *error = m_db.lastError();
        return false;
    }
    return true;
}

bool StoreWriter::deleteRun(qint64 runId, QString *error) {
    const bool own = !m_inTransaction;
    if (own && !begin(error))
        return false;
    sql::Statement p(m_db, "DELETE FROM points WHERE series_id IN (SELECT id FROM series WHERE run_id = ?)");
    sql::Statement l(m_db, "DELETE FROM levels WHERE series_id IN (SELECT id FROM series WHERE run_id = ?)");
    sql::Statement b(m_db, "DELETE FROM ingest_batches WHERE run_id = ?");
    sql::Statement r(m_db, "DELETE FROM runs WHERE id = ?");
    const bool ok =
        p.bind(1, runId).run() && l.bind(1, runId).run() && b.bind(1, runId).run() && r.bind(1, runId).run();
    if (!ok) {
        if (error)
            *error = m_db.lastError();
        rollback();
        return false;
    }
    m_series.clear();
    m_recordedBatches.clear();
    return own ? commit(error) : true;
}

bool StoreWriter::heartbeat(const QList<qint64> &runIds, qint64 nowMs, QString *error) {
    sql::Statement s(m_db, "UPDATE runs SET heartbeat_ms = ? WHERE id = ?");
    for (const qint64 id : runIds) {
        s.bind(1, nowMs).bind(2, id);
        if (!s.run()) {
            if (error)
                *error = m_db.lastError();
            return false;
        }
    }
    return true;
}

// The columns launcherGone() and crashEndMs() read, in this order from column `first`.
#define LIVENESS_COLUMNS "status, launcher, heartbeat_ms, created_ms, started_ms"
static void readLiveness(const sql::Statement &s, int first, RunRow *r) {
    r->status = runStatusOr(s.text(first));
    r->launcher = s.text(first + 1);
    r->heartbeatMs = s.int64(first + 2);
    r->createdMs = s.int64(first + 3);
    r->startedMs = s.int64(first + 4);
}

int StoreWriter::reapDeadRuns(QString *error) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<std::pair<qint64, qint64>> dead; // id, ended
    {
        sql::Statement s(m_db, "SELECT id, " LIVENESS_COLUMNS " FROM runs"
                               " WHERE status IN ('created', 'running', 'stopping')");
        while (s.step() == SQLITE_ROW) {
            RunRow r;
            r.id = s.int64(0);
            readLiveness(s, 1, &r);
            if (launcherGone(r, now))
                dead.append({r.id, crashEndMs(r)});
        }
    }
    if (dead.isEmpty())
        return 0;
    // The status is checked again in the UPDATE: a launcher that recorded its end meanwhile keeps its word.
    sql::Statement u(m_db, "UPDATE runs SET status = 'crashed', ended_ms = ? WHERE id = ? AND"
                           " status IN ('created', 'running', 'stopping')");
    int n = 0;
    for (const auto &[id, ended] : dead) {
        u.bind(1, ended).bind(2, id);
        if (!u.run()) {
            if (error)
                *error = m_db.lastError();
            return -1;
        }
        n += m_db.changes();
    }
    return n;
}

bool StoreWriter::deleteEndedRun(qint64 runId, QString *runDir, QString *error) {
    if (!begin(error))
        return false;
    sql::Statement s(m_db, "SELECT run_dir, " LIVENESS_COLUMNS " FROM runs WHERE id = ?");
    s.bind(1, runId);
    if (s.step() != SQLITE_ROW) {
        s.reset();
        rollback();
        if (error)
            *error = StoreText::tr("no run %1 in the database").arg(runId);
        return false;
    }
    RunRow r;
    r.id = runId;
    readLiveness(s, 1, &r);
    if (runDir)
        *runDir = s.text(0);
    s.reset();
    if (isActive(r.status) && !launcherGone(r, QDateTime::currentMSecsSinceEpoch())) {
        rollback();
        if (error)
            *error = StoreText::tr("the run is still %1; stop it first").arg(runStatusName(r.status));
        return false;
    }
    return deleteRun(runId, error) && commit(error);
}

bool removeRun(const QString &databasePath, qint64 runId, QString *error) {
    StoreWriter w;
    QString runDir;
    if (!w.open(databasePath, error) || !w.deleteEndedRun(runId, &runDir, error))
        return false;
    const QString runs = QDir(runsFolderOf(databasePath)).canonicalPath();
    const QString folder = QFileInfo(runDir).canonicalFilePath();
    if (!runDir.isEmpty() && !runs.isEmpty() && !folder.isEmpty() && folder.startsWith(runs + u'/') &&
        !folder.mid(runs.size() + 1).contains(u'/'))
        QDir(folder).removeRecursively();
    return true;
}

qint64 StoreWriter::lastBatch(qint64 runId, const QString &client) {
    const auto known = m_recordedBatches.constFind(QString::number(runId) + u'/' + client);
    if (known != m_recordedBatches.cend())
        return *known;
    sql::Statement s(m_db, "SELECT last_batch FROM ingest_batches WHERE run_id = ? AND client = ?");
    s.bind(1, runId).bind(2, client);
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

qint64 StoreWriter::storedNextSeq(qint64 runId, int rank, const QString &key) {
    sql::Statement s(m_db,
                     "SELECT coalesce(max(p.seq) + 1, 0) FROM series s JOIN points p ON p.series_id = s.id"
                     " WHERE s.run_id = ? AND s.rank = ? AND s.key = ?");
    s.bind(1, runId).bind(2, rank).bind(3, key);
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

bool StoreWriter::loadSeriesState(Series &s, QString *error) {
    sql::Statement maxSeq(m_db, "SELECT coalesce(max(seq) + 1, 0) FROM points WHERE series_id = ?");
    maxSeq.bind(1, s.id);
    if (maxSeq.step() != SQLITE_ROW) {
        if (error)
            *error = m_db.lastError();
        return false;
    }
    s.nextSeq = maxSeq.int64(0);
    // Rebuild the unfinished chunk of every level from the stored tail.
    sql::Statement raw(m_db, "SELECT step, value FROM points WHERE series_id = ? AND seq >= ? ORDER BY seq");
    sql::Statement lvl(
        m_db, "SELECT count, first_step, first_value, last_step, last_value, min_value, max_value"
              " FROM levels WHERE series_id = ? AND level = ? AND chunk >= ? AND chunk < ? ORDER BY chunk");
    s.partial = {};
    const qint64 start1 = (s.nextSeq / LevelFanout) * LevelFanout;
    raw.bind(1, s.id).bind(2, start1);
    while (raw.step() == SQLITE_ROW)
        s.partial[1].add(raw.int64(0), readValue(raw, 1));
    for (int level = 2; level <= MaxLevel; ++level) {
        const qint64 size = chunkSize(level), below = chunkSize(level - 1);
        const qint64 start = (s.nextSeq / size) * size;
        Aggregate a;
        lvl.reset();
        lvl.bind(1, s.id).bind(2, level - 1).bind(3, start / below).bind(4, s.nextSeq / below);
        while (lvl.step() == SQLITE_ROW)
            a.merge(readAggregate(lvl, 0));
        s.partial[level] = a; // complete level-(L-1) chunks only: partial[L-1] joins when it completes
    }
    return true;
}

StoreWriter::Series *StoreWriter::series(qint64 runId, int rank, const QString &key, QString *error) {
    const QString id = QString::number(runId) + u'/' + QString::number(rank) + u'/' + key;
    auto it = m_series.find(id);
    if (it != m_series.end())
        return &it->second;
    Series s;
    m_findSeries.reset();
    m_findSeries.bind(1, runId).bind(2, rank).bind(3, key);
    if (m_findSeries.step() == SQLITE_ROW) {
        s.id = m_findSeries.int64(0);
        s.summary.count = m_findSeries.int64(1);
        s.summary.lastStep = m_findSeries.int64(2);
        s.summary.lastValue = readValue(m_findSeries, 3);
        s.summary.minValue = readValue(m_findSeries, 4);
        s.summary.maxValue = readValue(m_findSeries, 5);
        m_findSeries.reset();
        if (!loadSeriesState(s, error))
            return nullptr;
    } else {
        m_findSeries.reset();
        m_insertSeries.bind(1, runId).bind(2, rank).bind(3, key);
        if (m_insertSeries.step() != SQLITE_ROW) {
            m_insertSeries.reset();
            if (error)
                *error = m_db.lastError();
            return nullptr;
        }
        s.id = m_insertSeries.int64(0);
        m_insertSeries.reset();
    }
    return &m_series.emplace(id, s).first->second;
}

bool StoreWriter::appendPoints(qint64 runId, int rank, const std::vector<IncomingPoint> &points,
                               const std::optional<BatchMark> &mark, QString *error) {
    QStringList keys;
    QHash<QString, quint32> index;
    std::vector<KeyedPoint> keyed;
    keyed.reserve(points.size());
    for (const IncomingPoint &p : points) {
        auto it = index.find(p.key);
        if (it == index.end()) {
            it = index.insert(p.key, quint32(keys.size()));
            keys << p.key;
        }
        keyed.push_back(KeyedPoint{it.value(), p.step, p.value, p.wallMs});
    }
    return appendPoints(runId, rank, keys, keyed, mark, error);
}

bool StoreWriter::appendPoints(qint64 runId, int rank, const QStringList &keys,
                               const std::vector<KeyedPoint> &points, const std::optional<BatchMark> &mark,
                               QString *error, std::vector<qint64> *seqs) {
    const bool own = !m_inTransaction;
    if (own && !begin(error))
        return false;
    auto fail = [&] {
        if (error && error->isEmpty())
            *error = m_db.lastError();
        rollback();
        return false;
    };
    if (mark && lastBatch(runId, mark->client) >= mark->batch)
        return own ? commit(error) : true; // already stored: a re-sent batch
    std::vector<Series *> byKey(size_t(keys.size()), nullptr);
    for (const KeyedPoint &p : points) {
        if (p.key >= byKey.size()) {
            if (error)
                *error = u"point names key %1 of %2"_s.arg(p.key).arg(keys.size());
            return fail();
        }
        Series *&s = byKey[p.key];
        if (!s) {
            s = series(runId, rank, keys[int(p.key)], error);
            if (!s)
                return fail();
        }
        m_insertPoint.bind(1, s->id).bind(2, s->nextSeq).bind(3, p.step);
        bindValue(m_insertPoint, 4, p.value);
        m_insertPoint.bind(5, p.wallMs);
        if (!m_insertPoint.run())
            return fail();
        if (seqs)
            seqs->push_back(s->nextSeq);
        ++s->nextSeq;
        s->summary.add(p.step, p.value);
        s->dirty = true;
        s->partial[1].add(p.step, p.value);
        for (int level = 1; level <= MaxLevel && s->partial[level].count == chunkSize(level); ++level) {
            const Aggregate &a = s->partial[level];
            m_insertLevel.bind(1, s->id).bind(2, level).bind(3, (s->nextSeq - 1) / chunkSize(level));
            m_insertLevel.bind(4, a.count).bind(5, a.firstStep);
            bindValue(m_insertLevel, 6, a.firstValue);
            m_insertLevel.bind(7, a.lastStep);
            bindValue(m_insertLevel, 8, a.lastValue);
            bindValue(m_insertLevel, 9, a.minValue);
            bindValue(m_insertLevel, 10, a.maxValue);
            if (!m_insertLevel.run())
                return fail();
            if (level < MaxLevel)
                s->partial[level + 1].merge(a);
            s->partial[level] = Aggregate{};
        }
    }
    if (mark && !recordBatch(runId, *mark, error))
        return fail();
    return own ? commit(error) : true;
}

bool StoreWriter::recordBatch(qint64 runId, const BatchMark &mark, QString *error) {
    m_mark.bind(1, runId).bind(2, mark.client).bind(3, mark.batch);
    if (mark.rank >= 0)
        m_mark.bind(4, mark.rank);
    else
        m_mark.bindNull(4);
    m_mark.bind(5, mark.finished ? 1 : 0);
    if (m_mark.run()) {
        m_recordedBatches.insert(QString::number(runId) + u'/' + mark.client, mark.batch);
        return true;
    }
    if (error)
        *error = m_db.lastError();
    return false;
}

bool StoreWriter::recordTrackerReport(qint64 runId, const QString &client, qint64 dropped, bool finished,
                                      QString *error) {
    m_trackerReport.bind(1, std::max<qint64>(dropped, 0))
        .bind(2, finished ? 1 : 0)
        .bind(3, runId)
        .bind(4, client);
    if (m_trackerReport.run())
        return true;
    if (error)
        *error = m_db.lastError();
    return false;
}

bool StoreWriter::flushSummaries(QString *error) {
    for (auto &[id, s] : m_series) {
        if (!s.dirty)
            continue;
        m_updateSeries.bind(1, s.summary.count).bind(2, s.summary.lastStep);
        bindValue(m_updateSeries, 3, s.summary.lastValue);
        bindValue(m_updateSeries, 4, s.summary.minValue);
        bindValue(m_updateSeries, 5, s.summary.maxValue);
        m_updateSeries.bind(6, s.id);
        if (!m_updateSeries.run()) {
            if (error)
                *error = m_db.lastError();
            return false;
        }
        s.dirty = false;
    }
    return true;
}

// ---- reader --------------------------------------------------------------------------------------------

bool StoreReader::open(const QString &path, QString *error) {
    if (refusedDatabaseLocation(path, error))
        return false;
    if (isServerUrl(path)) {
        // The tables are made by whoever connects first, a reader too (then its connection reads only).
        QString e;
        if (!m_db.open(path, false, &e) || !preparePostgres(*m_db.server(), &e) ||
            !configure(m_db, false, &e)) {
            if (error)
                *error = e;
            m_db.close();
            return false;
        }
        m_path = pg::redacted(path);
        m_db.clearFailure();
        return true;
    }
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = StoreText::tr("%1: no such database").arg(path);
        return false;
    }
    QString e;
    bool opened = m_db.open(path, true, &e) && configure(m_db, false, &e) && m_db.userVersion() >= 0;
    if (!opened && ::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK) != 0) {
        // A folder this process cannot write (a read-only mount, another user's data): SQLite's WAL needs its
        // -shm beside the file, so the database is read as a file that does not change.
        QString again;
        opened =
            m_db.openImmutable(path, &again) && configure(m_db, false, &again) && m_db.userVersion() >= 0;
        if (opened)
            e.clear();
    }
    if (!opened) {
        if (error)
            *error = describeOpenError(path, e.isEmpty() ? m_db.lastError() : e);
        m_db.close();
        return false;
    }
    const int v = m_db.userVersion();
    if (v < 0) {
        if (error)
            *error = describeOpenError(path, m_db.lastError());
        m_db.close();
        return false;
    }
    if (v > SchemaVersion) {
        if (error)
            *error = StoreText::tr("%1: schema version %2 is newer than this Trainyard supports (%3)")
                         .arg(path)
                         .arg(v)
                         .arg(SchemaVersion);
        m_db.close();
        return false;
    }
    if (v < SchemaVersion) {
        // Readers never write: an older database is brought up to date by a writer's connection (the same
        // transactional migration every writer runs), then read through this read-only one.
        StoreWriter writer;
        if (!writer.open(path, error)) {
            m_db.close();
            return false;
        }
    }
    m_path = path;
    m_db.clearFailure();
    return true;
}

QString StoreReader::error() const {
    const QString &e = m_db.failure();
    if (e.isEmpty())
        return QString();
    if (e.contains(u"malformed"_s) || e.contains(u"corrupt"_s))
        return StoreText::tr("%1: the run database is damaged (%2); what was read before the damage may be "
                             "incomplete")
            .arg(m_path, e);
    return StoreText::tr("%1: %2").arg(m_path, e);
}

// The outcome file a launcher leaves when the database could not take all of the run's end (RunOutcomeFile):
// what could not be stored, and the ranks' outcome where the row still says the run goes (its launcher gone).
static bool readOutcome(RunRow &r, bool launcherGone) {
    if (r.runDir.isEmpty())
        return false;
    const std::optional<RunOutcome> o = RunOutcomeFile::read(r.runDir);
    if (!o)
        return false;
    r.pointsUnstored = o->pointsUnstored;
    r.unstoredReason = o->error;
    if (launcherGone) {
        r.status = o->status;
        r.exitCode = o->exitCode;
        r.failedRank = o->failedRank;
        r.endedMs = o->endedMs;
    }
    return true;
}

QString RunRow::incomplete() const {
    QStringList parts;
    if (pointsUnstored > 0)
        parts << StoreText::tr("%n point(s) and the run's end could not be stored (%1)", nullptr,
                               int(std::min<qint64>(pointsUnstored, INT_MAX)))
                     .arg(unstoredReason);
    else if (!unstoredReason.isEmpty())
        parts << StoreText::tr("the run's end could not be stored (%1)").arg(unstoredReason);
    if (pointsDropped > 0)
        parts << StoreText::tr("%n point(s) dropped by the trackers", nullptr,
                               int(std::min<qint64>(pointsDropped, INT_MAX)));
    if (status == RunStatus::Finished && !unfinishedTrackers.isEmpty()) {
        QStringList ranks;
        for (const int rank : unfinishedTrackers)
            ranks << (rank < 0 ? u"?"_s : QString::number(rank));
        parts << StoreText::tr(
                     "the tracker of rank(s) %1 never said it finished: its last points may be missing")
                     .arg(ranks.join(u", "_s));
    }
    return parts.join(u"; "_s);
}

static RunRow readRun(const sql::Statement &s) {
    RunRow r;
    r.id = s.int64(0);
    r.uid = s.text(1);
    r.name = s.text(2);
    r.status = runStatusOr(s.text(3));
    r.createdMs = s.int64(4);
    r.startedMs = s.int64(5);
    r.endedMs = s.int64(6);
    r.exitCode = int(s.int64(7));
    r.host = s.text(8);
    r.workingDirectory = s.text(9);
    r.command = s.text(10);
    r.config = s.text(11);
    r.runDir = s.text(12);
    r.failedRank = s.isNull(13) ? -1 : int(s.int64(13));
    r.launcher = s.text(14);
    r.heartbeatMs = s.int64(15);
    r.ingestRefusals = s.text(16);
    r.pointsDropped = s.int64(17);
    r.user = s.text(19);
    for (const QString &rank : s.text(18).split(u',', Qt::SkipEmptyParts))
        r.unfinishedTrackers << rank.toInt();
    std::sort(r.unfinishedTrackers.begin(), r.unfinishedTrackers.end());
    // What readers show is true even before a writer records it: a run whose launcher is gone crashed,
    // unless the launcher left its outcome beside the run because the database could not take all of it.
    const bool gone = launcherGone(r, QDateTime::currentMSecsSinceEpoch());
    if (!readOutcome(r, gone) && gone) {
        r.status = RunStatus::Crashed;
        r.endedMs = crashEndMs(r);
    }
    return r;
}

// The columns readRun() reads, in order.
static QByteArray selectRuns(const sql::Database &db, const char *rest) {
    return "SELECT id, uid, name, status, created_ms, started_ms, ended_ms, exit_code, host, working_dir, "
           "command,"
           " config, run_dir, failed_rank, launcher, heartbeat_ms, ingest_refusals,"
           " (SELECT sum(dropped) FROM ingest_batches b WHERE b.run_id = runs.id), (SELECT " +
           db.groupConcat("coalesce(rank, -1)") +
           " FROM ingest_batches b WHERE b.run_id = runs.id AND finished = 0), user_name FROM runs " + rest;
}

QList<RunRow> StoreReader::runs() {
    QList<RunRow> out;
    sql::Statement s(m_db, selectRuns(m_db, "ORDER BY created_ms DESC, id DESC"));
    while (s.step() == SQLITE_ROW)
        out << readRun(s);
    return out;
}

std::optional<RunRow> StoreReader::run(qint64 id) {
    sql::Statement s(m_db, selectRuns(m_db, "WHERE id = ?"));
    s.bind(1, id);
    if (s.step() == SQLITE_ROW)
        return readRun(s);
    return std::nullopt;
}

std::optional<RunRow> StoreReader::runByUid(const QString &uid) {
    sql::Statement s(m_db, selectRuns(m_db, "WHERE uid = ?"));
    s.bind(1, uid);
    if (s.step() == SQLITE_ROW)
        return readRun(s);
    return std::nullopt;
}

QList<LogRow> StoreReader::logs(qint64 runId, const QString &kind) {
    QList<LogRow> out;
    sql::Statement s(m_db,
                     "SELECT rank, wall_ms, kind, text FROM logs WHERE run_id = ? AND kind = ? ORDER BY id");
    s.bind(1, runId).bind(2, kind);
    while (s.step() == SQLITE_ROW)
        out << LogRow{int(s.int64(0)), s.int64(1), s.text(2), s.text(3)};
    return out;
}

QMap<int, qint64> silentRanks(const QList<LogRow> &watchdogRows) {
    QMap<int, qint64> silent;
    for (const LogRow &row : watchdogRows) {
        if (row.text.startsWith(u"silent "_s))
            silent.insert(row.rank, row.wallMs - row.text.mid(7).toLongLong() * 1000);
        else if (row.text == u"active"_s)
            silent.remove(row.rank);
    }
    return silent;
}

QList<SeriesRow> StoreReader::series(qint64 runId) {
    QList<SeriesRow> out;
    sql::Statement s(m_db, "SELECT id, run_id, rank, key, count, last_step, last_value, min_value, max_value"
                           " FROM series WHERE run_id = ? ORDER BY key, rank");
    s.bind(1, runId);
    while (s.step() == SQLITE_ROW)
        out << SeriesRow{s.int64(0), s.int64(1),      int(s.int64(2)), s.text(3),      s.int64(4),
                         s.int64(5), readValue(s, 6), readValue(s, 7), readValue(s, 8)};
    return out;
}

static QMap<QString, QString> readKeyValues(sql::Database &db, const char *sql, qint64 runId) {
    QMap<QString, QString> out;
    sql::Statement s(db, sql);
    s.bind(1, runId);
    while (s.step() == SQLITE_ROW)
        out.insert(s.text(0), s.text(1));
    return out;
}

QMap<QString, QString> StoreReader::params(qint64 runId) {
    return readKeyValues(m_db, "SELECT key, value FROM params WHERE run_id = ?", runId);
}

QMap<QString, QString> StoreReader::tags(qint64 runId) {
    return readKeyValues(m_db, "SELECT key, value FROM tags WHERE run_id = ?", runId);
}

std::optional<double> StoreReader::lastValue(qint64 runId, const QString &key, int rank) {
    sql::Statement s(m_db,
                     "SELECT last_value FROM series WHERE run_id = ? AND rank = ? AND key = ? AND count > 0");
    s.bind(1, runId).bind(2, rank).bind(3, key);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return readValue(s, 0);
}

QList<qint64> StoreReader::runsTagged(const QString &key, const QString &value) {
    QList<qint64> out;
    sql::Statement s(m_db, "SELECT run_id FROM tags WHERE key = ? AND value = ? ORDER BY run_id");
    s.bind(1, key).bind(2, value);
    while (s.step() == SQLITE_ROW)
        out << s.int64(0);
    return out;
}

QStringList StoreReader::tagValues(const QString &key) {
    QStringList out;
    sql::Statement s(m_db, "SELECT value FROM tags WHERE key = ? GROUP BY value ORDER BY max(run_id) DESC");
    s.bind(1, key);
    while (s.step() == SQLITE_ROW)
        out << s.text(0);
    return out;
}

qint64 StoreReader::pointCount(qint64 seriesId) {
    sql::Statement s(m_db, "SELECT count FROM series WHERE id = ?");
    s.bind(1, seriesId);
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

qint64 StoreReader::seqAtOrAfter(qint64 seriesId, qint64 value, qint64 count, Column column) {
    if (m_db.isPostgres()) { // the same search on the server, in one round trip (PostgresSearch)
        sql::Statement s(m_db, "SELECT trainyard_seq_at_or_after(?, ?, ?, ?)");
        s.bind(1, seriesId).bind(2, value).bind(3, count).bind(4, column == Column::WallMs ? 1 : 0);
        return s.step() == SQLITE_ROW ? s.int64(0) : count;
    }
    // Binary search with point lookups on the primary key.
    sql::Statement s(m_db, column == Column::Step
                               ? "SELECT step FROM points WHERE series_id = ? AND seq = ?"
                               : "SELECT wall_ms FROM points WHERE series_id = ? AND seq = ?");
    qint64 lo = 0, hi = count; // answer in [lo, hi]
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        s.reset();
        s.bind(1, seriesId).bind(2, mid);
        const qint64 at = s.step() == SQLITE_ROW ? s.int64(0) : std::numeric_limits<qint64>::max();
        if (at < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void StoreReader::scanValues(qint64 seriesId, qint64 lo, qint64 hi, const std::function<void(double)> &f) {
    sql::Statement s(m_db,
                     "SELECT value FROM points WHERE series_id = ? AND seq >= ? AND seq <= ? ORDER BY seq");
    s.bind(1, seriesId).bind(2, lo).bind(3, hi);
    while (s.step() == SQLITE_ROW)
        f(readValue(s, 0));
}

QVector<qint64> StoreReader::wallMsAt(qint64 seriesId, const QVector<qint64> &seqs) {
    sql::Statement s(m_db, "SELECT wall_ms FROM points WHERE series_id = ? AND seq = ?");
    QVector<qint64> out;
    out.reserve(seqs.size());
    for (const qint64 seq : seqs) {
        s.reset();
        s.bind(1, seriesId).bind(2, seq);
        out << (s.step() == SQLITE_ROW ? s.int64(0) : 0);
    }
    return out;
}

QList<PointRow> StoreReader::points(qint64 seriesId, qint64 from, qint64 to, qint64 limit) {
    const qint64 count = pointCount(seriesId);
    const qint64 lo = seqAtOrAfter(seriesId, from, count);
    const qint64 hi =
        to == std::numeric_limits<qint64>::max() ? count : seqAtOrAfter(seriesId, to + 1, count);
    QList<PointRow> out;
    sql::Statement s(m_db,
                     "SELECT step, value, wall_ms FROM points WHERE series_id = ? AND seq >= ? AND seq < ?"
                     " ORDER BY seq LIMIT ?");
    s.bind(1, seriesId)
        .bind(2, lo)
        .bind(3, hi)
        .bind(4, limit > 0 ? limit : std::numeric_limits<qint64>::max());
    while (s.step() == SQLITE_ROW)
        out << PointRow{s.int64(0), readValue(s, 1), s.int64(2)};
    return out;
}

void StoreReader::plan(qint64 lo, qint64 hi, int level, QList<Segment> &out) {
    if (lo > hi)
        return;
    if (level == 0) {
        out << Segment{0, lo, hi};
        return;
    }
    const qint64 size = chunkSize(level);
    const qint64 kLo = (lo + size - 1) / size;
    const qint64 kHi = (hi + 1) / size - 1;
    if (kLo > kHi) {
        plan(lo, hi, level - 1, out);
        return;
    }
    plan(lo, kLo * size - 1, level - 1, out);
    out << Segment{level, kLo, kHi};
    plan((kHi + 1) * size, hi, level - 1, out);
}

void StoreReader::coverAtOnce(qint64 seriesId, qint64 lo, qint64 hi, int level, QList<Part> &out) {
    QList<Segment> segments;
    plan(lo, hi, level, segments);
    if (segments.isEmpty())
        return;
    QByteArray sql;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            sql += " UNION ALL ";
        sql += "SELECT " + QByteArray::number(i);
        if (segments[i].level == 0)
            sql += ", seq, 1, step, value, step, value, value, value FROM points"
                   " WHERE series_id = ? AND seq >= ? AND seq <= ?";
        else
            sql += ", chunk, count, first_step, first_value, last_step, last_value, min_value, max_value"
                   " FROM levels WHERE series_id = ? AND level = ? AND chunk >= ? AND chunk <= ?";
    }
    sql += " ORDER BY 1, 2";
    sql::Statement s(m_db, sql);
    int n = 0;
    for (const Segment &g : std::as_const(segments)) {
        s.bind(++n, seriesId);
        if (g.level > 0)
            s.bind(++n, g.level);
        s.bind(++n, g.lo);
        s.bind(++n, g.hi);
    }
    // Rows of each segment in order; a chunk that is not stored (there should be none) is covered from below.
    qsizetype at = 0;
    qint64 next = segments[0].lo;       // the segment's next chunk (or point) expected
    auto finish = [&](qsizetype upTo) { // segments before upTo are complete
        for (; at < upTo; ++at) {
            const Segment &g = segments[at];
            if (g.level > 0 && next <= g.hi)
                cover(seriesId, next * chunkSize(g.level), (g.hi + 1) * chunkSize(g.level) - 1, g.level - 1,
                      out);
            if (at + 1 < segments.size())
                next = segments[at + 1].lo;
        }
    };
    while (s.step() == SQLITE_ROW) {
        const qsizetype part = qsizetype(s.int64(0));
        finish(part);
        const Segment &g = segments[part];
        const qint64 key = s.int64(1);
        const Aggregate a = readAggregate(s, 2);
        if (g.level == 0) {
            out << Part{key, a};
            next = key + 1;
            continue;
        }
        const qint64 size = chunkSize(g.level);
        if (key > next)
            cover(seriesId, next * size, key * size - 1, g.level - 1, out);
        out << Part{key * size, a};
        next = key + 1;
    }
    finish(segments.size());
}

void StoreReader::cover(qint64 seriesId, qint64 lo, qint64 hi, int level, QList<Part> &out) {
    if (lo > hi)
        return;
    if (level > 0 && m_db.isPostgres()) {
        coverAtOnce(seriesId, lo, hi, level, out);
        return;
    }
    if (level == 0) {
        sql::Statement s(
            m_db,
            "SELECT step, value FROM points WHERE series_id = ? AND seq >= ? AND seq <= ? ORDER BY seq");
        s.bind(1, seriesId).bind(2, lo).bind(3, hi);
        qint64 seq = lo;
        while (s.step() == SQLITE_ROW) {
            Part p{seq++, {}};
            p.aggregate.add(s.int64(0), readValue(s, 1));
            out << p;
        }
        return;
    }
    const qint64 size = chunkSize(level);
    const qint64 kLo = (lo + size - 1) / size;
    const qint64 kHi = (hi + 1) / size - 1;
    if (kLo > kHi) {
        cover(seriesId, lo, hi, level - 1, out);
        return;
    }
    cover(seriesId, lo, kLo * size - 1, level - 1, out);
    QList<std::pair<qint64, Aggregate>> chunks;
    {
        sql::Statement s(
            m_db, "SELECT chunk, count, first_step, first_value, last_step, last_value, min_value,"
                  " max_value FROM levels WHERE series_id = ? AND level = ? AND chunk >= ? AND chunk <= ?"
                  " ORDER BY chunk");
        s.bind(1, seriesId).bind(2, level).bind(3, kLo).bind(4, kHi);
        while (s.step() == SQLITE_ROW)
            chunks.append({s.int64(0), readAggregate(s, 1)});
    }
    // A chunk that is not stored (there should be none) is covered from the level below.
    qint64 k = kLo;
    for (const auto &[chunk, a] : chunks) {
        if (chunk > k)
            cover(seriesId, k * size, chunk * size - 1, level - 1, out);
        out << Part{chunk * size, a};
        k = chunk + 1;
    }
    if (k <= kHi)
        cover(seriesId, k * size, (kHi + 1) * size - 1, level - 1, out);
    cover(seriesId, (kHi + 1) * size, hi, level - 1, out);
}

// Buckets are aligned in the series' own point numbering: bucket b holds points [b * per, (b + 1) * per) that
// fall in the range. `per` is a multiple of the level's chunk size, so no chunk straddles two buckets.
static QList<Aggregate> groupInto(const QList<StoreReader::Part> &parts, qint64 per) {
    QList<Aggregate> out;
    qint64 bucket = -1;
    for (const StoreReader::Part &p : parts) {
        const qint64 b = p.seq / per;
        if (b != bucket) {
            out << Aggregate{};
            bucket = b;
        }
        out.last().merge(p.aggregate);
    }
    return out;
}

StoreReader::Range StoreReader::seqBucketing(qint64 lo, qint64 hi, int buckets) {
    Range r;
    r.lo = lo;
    r.hi = hi;
    const qint64 n = r.hi - r.lo + 1;
    qint64 per = std::max<qint64>(1, (n + buckets - 1) / buckets);
    r.level = 0;
    while (r.level < MaxLevel && chunkSize(r.level + 1) <= per)
        ++r.level;
    const qint64 size = chunkSize(r.level);
    r.per = (per + size - 1) / size * size;
    return r;
}

bool StoreReader::bucketing(qint64 seriesId, qint64 from, qint64 to, int buckets, Range *r) {
    const qint64 count = pointCount(seriesId);
    const qint64 lo = seqAtOrAfter(seriesId, from, count);
    const qint64 hi =
        seqAtOrAfter(seriesId, to == std::numeric_limits<qint64>::max() ? to : to + 1, count) - 1;
    if (hi < lo || buckets < 1)
        return false;
    *r = seqBucketing(lo, hi, buckets);
    return true;
}

QList<StoreReader::Bucket> StoreReader::bucketsOfSeqs(qint64 seriesId, qint64 lo, qint64 hi, int buckets) {
    if (hi < lo || buckets < 1)
        return {};
    const Range r = seqBucketing(lo, hi, buckets);
    QList<Part> parts;
    cover(seriesId, r.lo, r.hi, r.level, parts);
    QList<Bucket> out;
    qint64 bucket = -1;
    for (const Part &p : parts) {
        const qint64 b = p.seq / r.per;
        if (b != bucket) {
            out << Bucket{{}, p.seq, p.seq};
            bucket = b;
        }
        out.last().values.merge(p.aggregate);
        out.last().lastSeq = p.seq + p.aggregate.count - 1;
    }
    return out;
}

QList<Aggregate> StoreReader::downsample(qint64 seriesId, qint64 from, qint64 to, int buckets) {
    Range r;
    if (!bucketing(seriesId, from, to, buckets, &r))
        return {};
    QList<Part> parts;
    cover(seriesId, r.lo, r.hi, r.level, parts);
    return groupInto(parts, r.per);
}

QList<Aggregate> StoreReader::downsampleByScan(qint64 seriesId, qint64 from, qint64 to, int buckets) {
    Range r;
    if (!bucketing(seriesId, from, to, buckets, &r))
        return {};
    QList<Part> parts;
    cover(seriesId, r.lo, r.hi, 0, parts);
    return groupInto(parts, r.per);
}

} // namespace trainyard
