// The ingest server: ranks connect over loopback, authenticate with their run's token and stream batches of
// points; batches from all connections are written in group transactions and acknowledged only once
// committed. It lives on its own thread (IngestService) and never blocks the thread of its owner.
#pragma once

#include "store.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <memory>

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
    IngestStats stats() const;

Q_SIGNALS:
    // After a commit: a rank stored points (the run controller counts this as activity).
    void stored(const QString &runUid, int rank, qint64 points, const QString &lastKey, double lastValue);

private:
    struct Connection;
    struct Pending;
    void onNewConnection();
    void onReadyRead(Connection *c);
    bool handleFrame(Connection *c, uint8_t type, const char *data, qsizetype size);
    void reject(Connection *c, const QString &reason, const QString &detail);
    void flush();

    QString m_path;
    StoreWriter m_writer;
    QTcpServer *m_server = nullptr;
    QTimer *m_flushTimer = nullptr;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<Pending> m_pending;
    qint64 m_pendingPoints = 0;

    mutable QMutex m_mutex; // guards m_runs and m_stats
    struct RunAuth {
        qint64 runId;
        QByteArray token;
    };
    QHash<QString, RunAuth> m_runs;
    IngestStats m_stats;
};

// Runs an IngestServer on a thread of its own.
class IngestService {
public:
    IngestService() = default;
    ~IngestService();
    bool start(const QString &databasePath, QString *error);
    void stop();
    IngestServer *server() const { return m_server; }
    quint16 port() const { return m_server ? m_server->port() : 0; }

private:
    QThread m_thread;
    IngestServer *m_server = nullptr;
};

} // namespace trainyard
