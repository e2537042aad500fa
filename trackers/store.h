// The run database (SQLite, WAL). One StoreWriter per database writes in batched transactions and keeps the
// downsampling levels up to date; any number of StoreReaders query on their own connections. docs/DATABASE.md
// describes the schema.
#pragma once
#include "runstatus.h"
#include "sqlite.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <array>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace trainyard {

constexpr int SchemaVersion = 6;
constexpr int LevelFanout = 16; // a level-L chunk aggregates 16^L points
constexpr int MaxLevel = 5;

struct Aggregate {
    qint64 count = 0;
    qint64 firstStep = 0, lastStep = 0;
    double firstValue = 0, lastValue = 0;
    double minValue = 0, maxValue = 0;
    void add(qint64 step, double value);
    void merge(const Aggregate &later); // later follows this one in the series
};

// A run's status (RunStatus, stored by name): crashed is set by readers when its launcher died without
// recording an end (detected from the launcher's pid and start time on its own host, or a heartbeat older
// than LauncherTimeoutMs elsewhere). docs/DATABASE.md.
constexpr qint64 HeartbeatMs = 3000;
constexpr qint64 LauncherTimeoutMs = 12000;

struct RunRow {
    qint64 id = 0;
    QString uid; // the launcher's run id (folder name)
    QString name;
    RunStatus status = RunStatus::Created;
    qint64 createdMs = 0, startedMs = 0, endedMs = 0;
    int exitCode = 0; // the first failing rank's exit code (128 + signal when killed); 130 when the run was
                      // stopped (as Ctrl-C in a terminal); 0 when it finished
    int failedRank = -1; // the first rank that failed, -1 when none
    QString launcher;    // who supervises the run: launcherIdentity() of that process
    qint64 heartbeatMs = 0;
    QString ingestRefusals; // JSON object: reason -> count of refused ingest connections
    QString host;
    QString user; // who launched it (the launcher's login name), for a database a team shares
    QString workingDirectory;
    QString command; // JSON array
    QString config;  // the config file as launched
    QString runDir;
    // What may be missing from the run's record although its ranks ended as its status says (see
    // incomplete()).
    qint64 pointsDropped = 0;      // points its trackers said they dropped (a full buffer, a connection lost)
    QList<int> unfinishedTrackers; // ranks whose tracker stored points and never said it finished
    qint64 pointsUnstored = 0;     // points the launcher held and could not store (its outcome file)
    QString unstoredReason;        // why (the database's error), with pointsUnstored
    // Empty for a complete record; else what is missing, for people ("12 points dropped by the trackers"). A
    // run still going, failed, cancelled or crashed does not count a tracker that has not finished.
    QString incomplete() const;
};

// When a crashed run ended: its last heartbeat, else its start.
qint64 crashEndMs(const RunRow &run);
// This process's login name (its effective user's), empty when the system knows none.
QString currentUserName();
// "HOST BOOT_ID PID START_TICKS" of this process: enough to tell, on this host, whether it still runs.
QString launcherIdentity();
// The same for another process of this host (its start time empty when there is no such process).
QString launcherIdentityOf(qint64 pid);
// Whether the process an identity names still runs (on this host; false for another host's identity).
bool launcherRunning(const QString &identity);
// Whether the launcher recorded in an active run is gone (nowMs: the reader's clock).
bool launcherGone(const RunRow &run, qint64 nowMs);

// The one deletion rule, for the CLI and the studio: a run whose launcher is alive is refused; the run's rows
// (points, levels, series, parameters, logs, batch marks) go in one transaction, then its folder, and only a
// folder inside the database's runs directory.
bool removeRun(const QString &databasePath, qint64 runId, QString *error);

// A metric's value for people, in the unit its key names (the telemetry's system/*_bytes in KiB/MiB/GiB,
// *_percent, *_watts, *_temperature_c, *_seconds); other keys as a number of 4 significant digits. The CLI's
// runs list and the studio's runs table both use it.
QString formatMetric(const QString &key, double value);

// H:MM:SS from the start to the end (or to now while the run goes on); empty before it started.
QString formatDuration(const RunRow &run);

struct SeriesRow {
    qint64 id = 0;
    qint64 runId = 0;
    int rank = 0;
    QString key;
    qint64 count = 0;
    qint64 lastStep = 0;
    double lastValue = 0, minValue = 0, maxValue = 0;
};

// A line of a run's log: what a rank's tracker sent as a log event, or what the launcher recorded (kind
// "watchdog": "silent SECONDS" when the watchdog found the rank silent, "active" when it printed or logged
// again).
struct LogRow {
    int rank = 0;
    qint64 wallMs = 0;
    QString kind, text;
};

// The ranks the watchdog last found silent and that have not printed or logged since: rank -> since when
// (wall ms), from a run's "watchdog" log rows in order.
QMap<int, qint64> silentRanks(const QList<LogRow> &watchdogRows);

struct PointRow {
    qint64 step = 0;
    double value = 0;
    qint64 wallMs = 0;
};

struct IncomingPoint {
    QString key;
    qint64 step = 0;
    double value = 0;
    qint64 wallMs = 0;
};

// The ingest path's form: points name their key by index into a batch's key table.
struct KeyedPoint {
    quint32 key = 0;
    qint64 step = 0;
    double value = 0;
    qint64 wallMs = 0;
};

// Copies a database's write-ahead log into the database file on a thread of its own, every intervalMs: so a
// writer's commits never wait for the copy and its fsync (they took a fifth of the ingest thread at 8 ranks x
// 50 series). Passive: it never blocks the writer or readers; a log that readers still need is copied later.
class WalCheckpointer {
public:
    WalCheckpointer() = default;
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;
    ~WalCheckpointer() { stop(); }
    void start(const QString &path, int intervalMs = 200);
    void stop();
    qint64 checkpoints() const { return m_done.load(); }

private:
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::atomic<qint64> m_done{0};
};

// The run database's tables on a PostgreSQL server (the SQLite file's schema), its notify triggers and its
// search function, made when missing under an advisory lock so that two clients starting at once never make
// them twice; a server made at an older version is brought up to date. Every connection to a server (the
// stores', db copy's) passes here first.
bool preparePostgres(pg::Connection &c, QString *error);

// Migrates db to `target` (default: the newest schema). Exposed so tests can build old databases.
bool migrate(sql::Database &db, QString *error, int target = SchemaVersion);

class StoreWriter {
public:
    bool open(const QString &path, QString *error);
    const QString &path() const { return m_path; }
    // SQLite's wal_autocheckpoint for this connection, in pages (0: never checkpoint on commit). The ingest
    // server leaves the checkpoints to a WalCheckpointer and keeps a large one as a bound.
    bool setAutoCheckpoint(int pages, QString *error);

    qint64 createRun(const RunRow &run, QString *error);
    bool updateRun(const RunRow &run, QString *error);
    bool setParams(qint64 runId, const QMap<QString, QString> &params, QString *error);
    bool setTags(qint64 runId, const QMap<QString, QString> &tags, QString *error);
    bool removeTags(qint64 runId, const QStringList &keys, QString *error);
    bool appendLog(qint64 runId, int rank, qint64 wallMs, const QString &kind, const QString &text,
                   QString *error);
    bool deleteRun(qint64 runId, QString *error);
    // deleteRun under the write lock, refused while the run's launcher is alive; runDir: the run's folder.
    bool deleteEndedRun(qint64 runId, QString *runDir, QString *error);
    // Marks the heartbeat of the given runs (their launcher is alive).
    bool heartbeat(const QList<qint64> &runIds, qint64 nowMs, QString *error);
    // Records as crashed every active run whose launcher is gone; returns how many (-1 on error).
    int reapDeadRuns(QString *error);

    // Appends points of (run, rank) in one transaction, together with the client's batch mark when given (so
    // a batch re-sent after a lost acknowledgement is recognised and skipped: exactly once).
    struct BatchMark {
        QString client;
        qint64 batch = 0;
        int rank = -1;         // the client's rank, kept with its first mark (-1: not known)
        bool finished = false; // a client with nothing to finish (the launcher's own batches)
    };
    bool appendPoints(qint64 runId, int rank, const std::vector<IncomingPoint> &points,
                      const std::optional<BatchMark> &mark, QString *error);
    // seqs, when given, receives each point's place in its series (valid once the transaction commits).
    bool appendPoints(qint64 runId, int rank, const QStringList &keys, const std::vector<KeyedPoint> &points,
                      const std::optional<BatchMark> &mark, QString *error,
                      std::vector<qint64> *seqs = nullptr);
    // The last batch committed for a client, 0 if none.
    qint64 lastBatch(qint64 runId, const QString &client);
    // The place the series' next point takes as committed (0 for a series not stored yet).
    qint64 storedNextSeq(qint64 runId, int rank, const QString &key);
    // Records that a client's batch is stored (in the current transaction).
    bool recordBatch(qint64 runId, const BatchMark &mark, QString *error);
    // What a client said of its own points (its EVENT {"dropped": N} or {"finish": {"dropped": N}}): the
    // points it dropped so far (the count only grows) and whether it finished. After recordBatch of the same
    // batch, in the same transaction.
    bool recordTrackerReport(qint64 runId, const QString &client, qint64 dropped, bool finished,
                             QString *error);

    // Several appends in one transaction (the ingest server's batching).
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    // The connection, for the other stores of trackers/ that share this writer (queuestore.h).
    sql::Database &connection() { return m_db; }

private:
    struct Series {
        qint64 id = 0;
        qint64 nextSeq = 0;
        // partial[1]: the points of the unfinished level-1 chunk; partial[L > 1]: the complete level-(L-1)
        // chunks of the unfinished level-L chunk (partial[L-1] joins it when complete).
        std::array<Aggregate, MaxLevel + 1> partial;
        Aggregate summary;
        bool dirty = false;
    };
    Series *series(qint64 runId, int rank, const QString &key, QString *error);
    bool loadSeriesState(Series &s, QString *error);
    bool flushSummaries(QString *error);

    QString m_path;
    sql::Database m_db;
    // "run/rank/key". A node-based map: the Series* handed out by series() stay valid while later series of
    // the same batch are inserted (a QHash moves its values when it grows).
    std::unordered_map<QString, Series> m_series;
    sql::Statement m_insertPoint, m_insertLevel, m_findSeries, m_insertSeries, m_updateSeries, m_mark,
        m_trackerReport;
    bool m_inTransaction = false;
    // "run/client" -> the last batch this writer recorded for it (so a batch's check costs no query: a round
    // trip on a server); dropped with a rollback.
    QHash<QString, qint64> m_recordedBatches;
};

// True (and error) when path cannot be a run database file: a folder, a pipe, a device, or a PostgreSQL
// server's URL (so far only `trainyard db copy` reaches a server).
bool refusedDatabaseLocation(const QString &path, QString *error);

class StoreReader {
public:
    bool open(const QString &path, QString *error);
    // The first error a read met since open() (a damaged page, a busy database past the timeout), naming the
    // file; empty when every read so far was whole. Reads stop at such an error and return what they had:
    // whoever reads a run whole (exports, runs list/show, the studio's table) checks this and says so.
    QString error() const;

    QList<RunRow> runs(); // newest first
    std::optional<RunRow> run(qint64 id);
    std::optional<RunRow> runByUid(const QString &uid);
    QList<SeriesRow> series(qint64 runId);
    // The last value a rank logged for a key (a sweep's objective), none when it logged none.
    std::optional<double> lastValue(qint64 runId, const QString &key, int rank = 0);
    // The run's log rows of one kind, oldest first.
    QList<LogRow> logs(qint64 runId, const QString &kind);
    QMap<QString, QString> params(qint64 runId);
    QMap<QString, QString> tags(qint64 runId);
    // The runs with a tag set to a value (a sweep's trials: sweep=ID), oldest first.
    QList<qint64> runsTagged(const QString &key, const QString &value);
    // The values a tag has on any run, the most recent run's first (the sweeps of the database).
    QStringList tagValues(const QString &key);
    qint64 pointCount(qint64 seriesId);

    // Exact points with step in [from, to], in order, at most limit (0: all).
    QList<PointRow> points(qint64 seriesId, qint64 from, qint64 to, qint64 limit = 0);
    // About `buckets` buckets covering the points with step in [from, to], each with the first, min, max and
    // last of exactly the points it holds (never sampled). Steps are expected not to decrease along a series.
    QList<Aggregate> downsample(qint64 seriesId, qint64 from, qint64 to, int buckets);
    // The same by a full scan of the raw points (the benchmark's reference).
    QList<Aggregate> downsampleByScan(qint64 seriesId, qint64 from, qint64 to, int buckets);

    // A series' points are numbered 0.. in arrival order (seq). What the charts use:
    enum class Column { Step, WallMs };
    // The first point whose step (or wall time) is >= value; the point count if none. Both are expected not
    // to decrease along a series (a clock stepping back only makes the answer approximate).
    qint64 seqAtOrAfter(qint64 seriesId, qint64 value, qint64 count, Column column = Column::Step);
    struct Bucket {
        Aggregate values;
        qint64 firstSeq = 0, lastSeq = 0;
    };
    // About `buckets` buckets of the points numbered [lo, hi], as downsample() forms them.
    QList<Bucket> bucketsOfSeqs(qint64 seriesId, qint64 lo, qint64 hi, int buckets);
    // Calls f(value) for the points numbered [lo, hi], in order.
    void scanValues(qint64 seriesId, qint64 lo, qint64 hi, const std::function<void(double)> &f);
    // The wall time (ms since the epoch) of each point in `seqs`; 0 for one that is not there.
    QVector<qint64> wallMsAt(qint64 seriesId, const QVector<qint64> &seqs);

    struct Part {
        qint64 seq; // the first point's number in the series
        Aggregate aggregate;
    };

private:
    struct Range {
        qint64 lo = 0, hi = -1, per = 1;
        int level = 0;
    };
    bool bucketing(qint64 seriesId, qint64 from, qint64 to, int buckets, Range *r);
    static Range seqBucketing(qint64 lo, qint64 hi, int buckets);
    void cover(qint64 seriesId, qint64 lo, qint64 hi, int level, QList<Part> &out);
    // The same in one statement (a server: a round trip per level's edges adds up): the ranges cover() would
    // read, planned first, read together.
    struct Segment {
        int level; // 0: points [lo, hi]; else that level's chunks [lo, hi]
        qint64 lo, hi;
    };
    static void plan(qint64 lo, qint64 hi, int level, QList<Segment> &out);
    void coverAtOnce(qint64 seriesId, qint64 lo, qint64 hi, int level, QList<Part> &out);
    sql::Database m_db;
    QString m_path;
};

// The raw points of a run as CSV, the format `trainyard runs export --format csv` writes: the header (when
// asked) "run,rank,key,step,value,wall_time", then one row per point, the run by its id (folder name), keys
// quoted when they hold a comma or a quote, values in their shortest exact form, wall time in seconds.
void writePointsCsv(StoreReader &reader, const RunRow &run, QTextStream &out, bool header);

} // namespace trainyard
