// The ingest server: ranks connect over loopback, authenticate with their run's token and stream batches of
// points; batches from all connections are written in group transactions and acknowledged only once
// committed. It lives on its own thread (IngestService) and never blocks the thread of its owner; its commits
// run on a second thread, so that reading the sockets (and pushing to a studio) never waits for one.
#pragma once

#include "livepush.h"
#include "store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace trainyard {

struct IngestStats {
    qint64 points = 0;
    qint64 batches = 0;
    qint64 duplicateBatches = 0;
    qint64 connections = 0;
    QMap<QString, qint64> rejected; // reason -> count
    qint64 storeRetries = 0;        // group commits that failed and were tried again
    QString lastStoreError;
    qint64 unstoredPoints = 0; // points still held when drain() gave up
    // Points pushed to a studio on receipt whose commit gave them another place in their series than the one
    // pushed (none, unless something else writes the run's series).
    qint64 pushMispredicted = 0;
};

class IngestServer : public QObject {
    Q_OBJECT
public:
    explicit IngestServer(QString databasePath, QObject *parent = nullptr);
    ~IngestServer() override;

    // On the server's thread.
    bool start(QString *error);
    quint16 port() const { return m_port; }

    // Thread-safe.
    void registerRun(const QString &uid, qint64 runId, const QByteArray &token);
    // Stops the run's heartbeat (its launcher is done with it); its token stays valid for late re-sends.
    void endHeartbeat(qint64 runId);
    // Writes the run's row on the server's thread (the newest row wins), retried while the database is busy.
    void recordRun(const RunRow &row);
    IngestStats stats() const;

    // On the server's thread: points the launcher itself records for a rank (its telemetry). Stored with the
    // ranks' own batches (the same commits and retries, exactly once under the client "trainyard-telemetry"),
    // but not counted as the rank's activity (the watchdog listens for what the rank logs).
    void storeLocal(qint64 runId, const QString &runUid, int rank, const QStringList &keys,
                    std::vector<KeyedPoint> points);

    // On the server's thread: a line the launcher records in the run's log (kind "watchdog": "silent SECONDS"
    // or "active"), stored with the ranks' batches, exactly once.
    void storeLocalLog(qint64 runId, const QString &runUid, int rank, const QString &kind,
                       const QString &text);

    // On the server's thread: an event the launcher records for a rank as if the rank had sent it (params,
    // tags, log), stored with the ranks' batches, exactly once.
    void storeLocalEvent(qint64 runId, const QString &runUid, int rank, const QJsonObject &event);

    // On the server's thread: received points are also pushed to a studio's socket (livepush.h) as they
    // arrive, each with the place in its series that its commit gives it (commits keep the order of arrival).
    // launch: the studio's name for this launch (StudioLaunchVariable); `run` is the row as recorded, whose
    // state is pushed at once and again whenever a stored row changes its status or exit code.
    void pushTo(const QString &serverPath, const QString &launch, const RunRow &run);

    // On the server's thread: commits what is pending (points and run rows), retrying for up to timeoutMs.
    // False with error when something could not be stored in that time.
    bool drain(int timeoutMs, QString *error);

Q_SIGNALS:
    // After a commit: a rank stored points (the run controller counts this as activity).
    void stored(const QString &runUid, int rank, qint64 points, const QString &lastKey, double lastValue);
    // After a commit: a rank's tracker set tags (TrainyardTracker sends "project" when given a run name).
    void tagged(const QString &runUid, int rank, const QMap<QString, QString> &tags);
    // The run database cannot be written (disk full, read-only, damaged; a lock held for over 10 s): said
    // once per cause while commits keep failing, with how many points wait in memory (none is acknowledged,
    // none is lost while the launcher lives). storeRecovered() when a commit succeeds again.
    void storeTrouble(const QString &error, qint64 pointsWaiting);
    void storeRecovered();
    // After a commit: a line in the run's log (a rank's tracker or the launcher: kind, text).
    void logged(const QString &runUid, int rank, const QString &kind, const QString &text);

private:
    struct Connection;
    struct Pending;
    struct Commit;
    struct Job;
    void onNewConnection();
    void checkTimeouts();
    void readLater(QTcpSocket *socket);
    void onReadyRead(Connection *c);
    bool handleFrame(Connection *c, uint8_t type, const char *data, qsizetype size);
    void reject(Connection *c, const QString &reason, const QString &detail);
    void flush();
    void store(Commit &c);     // on the writer's thread
    void committed(Commit &c); // back on the server's thread
    void writeRuns();
    void beat();
    // Runs work on the writer's thread, then done on this one (jobs end in the order they were given).
    void onWriter(std::function<void()> work, std::function<void()> done);
    void finishJob(const std::shared_ptr<Job> &job);
    void waitForWriter(); // every job given so far has ended and its done has run
    void pushReceived(Pending &batch);
    void sendPushed();
    void queueLocal(qint64 runId, const QString &runUid, int rank, Pending batch);
    void enqueue(Pending batch);

    QString m_path;
    // Commits run on a thread of their own, so that receiving (and pushing to the studio) never waits for
    // one: m_writer is used only there; m_lookup, a second connection, answers this thread's questions (a
    // client's last committed batch, a series' next place).
    StoreWriter m_writer;
    StoreWriter m_lookup;
    QThread *m_writerThread = nullptr;
    QObject *m_writerContext = nullptr;
    std::deque<std::shared_ptr<Job>> m_jobs;
    bool m_committing = false; // a commit of batches is on the writer's thread
    bool m_writingRunRows = false;
    WalCheckpointer m_checkpointer;
    QTcpServer *m_server = nullptr;
    class PushSender *m_push = nullptr;
    QString m_pushLaunch;
    QHash<qint64, QPair<RunStatus, int>> m_pushedStates; // run -> the status and exit code last pushed
    void pushRunState(const RunRow &row);
    // What the push predicts: "run/rank/key" -> the place of the series' next received point, and
    // "run/client" -> the client's last batch received (a batch at or below it is a re-send, not pushed).
    std::unordered_map<QString, qint64> m_nextSeq; // node-based: a batch holds pointers into it
    QHash<QString, qint64> m_lastReceived;
    QList<PushedSeries> m_toPush; // received since the last send (sendPushed, at the end of the loop's pass)
    QHash<QString, qsizetype> m_toPushIndex;
    QTimer *m_pushTimer = nullptr;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_retryTimer = nullptr; // a failed commit is tried again after m_retryMs
    int m_retryMs = 0;
    QElapsedTimer m_failingSince; // the current streak of failed commits, invalid when none
    QString m_saidError;          // the failure last said (storeTrouble), empty when none
    quint16 m_port = 0;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<Pending> m_pending;
    qint64 m_localBatch = 0; // storeLocal's batch numbers
    qint64 m_pendingPoints = 0;

    mutable QMutex m_mutex; // guards m_runs and m_stats
    struct RunAuth {
        qint64 runId;
        QByteArray token;
    };
    QHash<QString, RunAuth> m_runs;
    QSet<qint64> m_beating;         // runs whose heartbeat this server writes
    QMap<qint64, RunRow> m_runRows; // rows waiting to be written
    IngestStats m_stats;
    QTimer *m_heartbeatTimer = nullptr;
    QTimer *m_runRetryTimer = nullptr;
};

// Runs an IngestServer on a thread of its own.
class IngestService {
public:
    IngestService() = default;
    ~IngestService();
    bool start(const QString &databasePath, QString *error);
    // Stops the server after committing what it holds (drain, for up to timeoutMs). False with error when
    // something could not be stored.
    bool stop(int timeoutMs = 0, QString *error = nullptr);
    IngestServer *server() const { return m_server; }
    // The server's counts when it stopped.
    const IngestStats &lastStats() const { return m_lastStats; }
    quint16 port() const { return m_server ? m_server->port() : 0; }

private:
    QThread m_thread;
    IngestServer *m_server = nullptr;
    IngestStats m_lastStats;
};

} // namespace trainyard
