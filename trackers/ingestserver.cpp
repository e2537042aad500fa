#include "ingestserver.h"

#include "jsontext.h"
#include "livepush.h"
#include "protocol.h"
#include "wireformat.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <cmath>
#include <map>
#include <tuple>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
constexpr qint64 MaxPendingPoints =
    2'000'000; // beyond this, sockets are not read until the writer catches up
constexpr qint64 SocketReadBuffer = 8 * 1024 * 1024;
// Limits on connections that have not said HELLO with the run's token: any local process can connect.
constexpr int MaxUnauthenticated = 32;          // at once
constexpr qsizetype MaxHelloBytes = 4096;       // buffered before HELLO
constexpr qint64 HelloTimeoutMs = 10000;        // from connecting to HELLO
constexpr qint64 PartialFrameTimeoutMs = 60000; // a frame begun and not finished

std::string jsonPayload(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

struct IngestServer::Connection {
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    QElapsedTimer connected;
    QElapsedTimer partialSince; // valid while the buffer holds an unfinished frame
    bool authenticated = false;
    bool closing = false;
    qint64 runId = 0;
    QString runUid;
    int rank = 0;
    QString client;
};

struct IngestServer::Pending {
    QPointer<QTcpSocket> socket;
    qint64 runId = 0;
    QString runUid;
    int rank = 0;
    QString client;
    qint64 batch = 0;
    QStringList keys;
    std::vector<KeyedPoint> points;
    QJsonObject event;
    bool local = false;            // recorded by the launcher (storeLocal), not sent by a rank
    std::vector<qint64> seqs;      // each point's place in its series, once stored (checks the push)
    std::vector<qint64> predicted; // the place pushed on receipt (empty when not pushed)

    // Who sent the batch: the connection's run, rank and client.
    void stampOrigin(const Connection &c) {
        socket = c.socket;
        runId = c.runId;
        runUid = c.runUid;
        rank = c.rank;
        client = c.client;
    }
};

IngestServer::IngestServer(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath)) {}

struct IngestServer::Commit {
    std::vector<Pending> batches;
    bool ok = false;
    QString error;
    qint64 points = 0, duplicates = 0, mispredicted = 0;
    struct Stored {
        qint64 points = 0;
        QString key;
        double value = 0;
    };
    QHash<QString, Stored> storedBy;                                  // "uid/rank" -> what was stored
    QList<std::tuple<QString, int, QMap<QString, QString>>> taggedBy; // tags committed: run, rank, tags
    QList<std::tuple<QString, int, QString, QString>> loggedBy;       // log lines: run, rank, kind, text
};

struct IngestServer::Job {
    std::function<void()> work;
    std::function<void()> done;
    QSemaphore ended; // released on the writer's thread after work
    bool handled = false;
};

IngestServer::~IngestServer() {
    if (m_writerThread) {
        m_writerThread->quit();
        m_writerThread->wait();
        delete m_writerContext;
        delete m_writerThread;
    }
}

void IngestServer::onWriter(std::function<void()> work, std::function<void()> done) {
    auto job = std::make_shared<Job>();
    job->work = std::move(work);
    job->done = std::move(done);
    m_jobs.push_back(job);
    QMetaObject::invokeMethod(
        m_writerContext,
        [this, job] {
            job->work();
            // Posted before the release: once released, the server may be drained and deleted.
            QMetaObject::invokeMethod(
                this, [this, job] { finishJob(job); }, Qt::QueuedConnection);
            job->ended.release();
        },
        Qt::QueuedConnection);
}

void IngestServer::finishJob(const std::shared_ptr<Job> &job) {
    if (job->handled)
        return; // waitForWriter() ran it
    job->handled = true;
    m_jobs.erase(std::find(m_jobs.begin(), m_jobs.end(), job));
    if (job->done)
        job->done();
}

void IngestServer::waitForWriter() {
    while (!m_jobs.empty()) {
        const std::shared_ptr<Job> job = m_jobs.front();
        job->ended.acquire();
        finishJob(job);
    }
}

bool IngestServer::start(QString *error) {
    if (!m_writer.open(m_path, error) || !m_lookup.open(m_path, error))
        return false;
    // Commits do not checkpoint: a thread of its own does, every 200 ms; 16,384 pages (64 MiB of log) is the
    // bound should it fall behind. trainyard-bench ingest --series 50 --batch 25: the checkpoints and their
    // fsync were a fifth of this thread's time.
    if (!m_writer.setAutoCheckpoint(16384, error))
        return false;
    if (!m_writer.connection().isPostgres())
        m_checkpointer.start(m_path);
    m_writerThread = new QThread;
    m_writerThread->setObjectName(u"trainyard-commit"_s);
    m_writerContext = new QObject;
    m_writerContext->moveToThread(m_writerThread);
    m_writerThread->start();
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) { // loopback only
        if (error)
            *error = m_server->errorString();
        return false;
    }
    m_port = m_server->serverPort();
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &IngestServer::flush);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &IngestServer::flush);
    connect(m_server, &QTcpServer::newConnection, this, &IngestServer::onNewConnection);
    m_heartbeatTimer = new QTimer(this);
    m_heartbeatTimer->setInterval(int(HeartbeatMs));
    connect(m_heartbeatTimer, &QTimer::timeout, this, &IngestServer::beat);
    m_heartbeatTimer->start();
    auto *timeouts = new QTimer(this);
    timeouts->setInterval(1000);
    connect(timeouts, &QTimer::timeout, this, &IngestServer::checkTimeouts);
    timeouts->start();
    m_runRetryTimer = new QTimer(this);
    m_runRetryTimer->setSingleShot(true);
    m_runRetryTimer->setInterval(200);
    connect(m_runRetryTimer, &QTimer::timeout, this, &IngestServer::writeRuns);
    return true;
}

void IngestServer::endHeartbeat(qint64 runId) {
    QMutexLocker lock(&m_mutex);
    m_beating.remove(runId);
}

void IngestServer::recordRun(const RunRow &row) {
    {
        QMutexLocker lock(&m_mutex);
        m_runRows.insert(row.id, row);
    }
    QMetaObject::invokeMethod(this, &IngestServer::writeRuns, Qt::QueuedConnection);
}

void IngestServer::writeRuns() {
    if (m_writingRunRows)
        return; // the rows given meanwhile are written when the writer is done with the last ones
    struct Rows {
        QMap<qint64, RunRow> left;
        QList<RunRow> written;
        QString error;
    };
    auto rows = std::make_shared<Rows>();
    {
        QMutexLocker lock(&m_mutex);
        rows->left.swap(m_runRows);
    }
    if (rows->left.isEmpty())
        return;
    m_writingRunRows = true;
    onWriter(
        [this, rows] {
            for (auto it = rows->left.begin(); it != rows->left.end();) {
                if (!m_writer.updateRun(it.value(), &rows->error))
                    break;
                rows->written << it.value();
                it = rows->left.erase(it);
            }
        },
        [this, rows] {
            m_writingRunRows = false;
            for (const RunRow &row : std::as_const(rows->written))
                pushRunState(row); // committed: the studio that started the launcher hears of it
            bool more = false;
            {
                QMutexLocker lock(&m_mutex);
                // The database is busy: what is left is written later, unless a newer row replaced it
                // meanwhile.
                for (auto it = rows->left.cbegin(); it != rows->left.cend(); ++it)
                    if (!m_runRows.contains(it.key()))
                        m_runRows.insert(it.key(), it.value());
                if (!rows->left.isEmpty()) {
                    ++m_stats.storeRetries;
                    m_stats.lastStoreError = rows->error;
                }
                more = !m_runRows.isEmpty();
            }
            if (!rows->left.isEmpty()) {
                if (!m_runRetryTimer->isActive())
                    m_runRetryTimer->start();
            } else if (more) {
                QMetaObject::invokeMethod(this, &IngestServer::writeRuns, Qt::QueuedConnection);
            }
        });
}

void IngestServer::beat() {
    QList<qint64> ids;
    {
        QMutexLocker lock(&m_mutex);
        ids = m_beating.values();
    }
    if (!ids.isEmpty()) // a busy database: the next beat
        onWriter([this, ids] { m_writer.heartbeat(ids, QDateTime::currentMSecsSinceEpoch(), nullptr); }, {});
}

bool IngestServer::drain(int timeoutMs, QString *error) {
    QElapsedTimer clock;
    clock.start();
    if (m_push)
        sendPushed();
    for (;;) {
        m_retryTimer->stop();
        m_runRetryTimer->stop();
        waitForWriter(); // a commit under way ends first
        flush();
        writeRuns();
        waitForWriter();
        bool empty = false;
        {
            QMutexLocker lock(&m_mutex);
            empty = m_pending.empty() && m_runRows.isEmpty();
            if (!empty && error)
                *error = m_stats.lastStoreError;
        }
        if (empty) {
            // The studio hears the last points and the final state before the launcher goes (bounded: a
            // studio that does not read loses them, and its dashboards read the database).
            if (m_push)
                m_push->waitSent(int(std::clamp<qint64>(timeoutMs - clock.elapsed(), 200, 2000)));
            return true;
        }
        if (clock.elapsed() >= timeoutMs) {
            QMutexLocker lock(&m_mutex);
            m_stats.unstoredPoints = 0;
            for (const Pending &b : m_pending)
                m_stats.unstoredPoints += qint64(b.points.size());
            return false;
        }
        QThread::msleep(100);
    }
}

void IngestServer::registerRun(const QString &uid, qint64 runId, const QByteArray &token) {
    QMutexLocker lock(&m_mutex);
    m_runs.insert(uid, RunAuth{runId, token});
    m_beating.insert(runId);
}

IngestStats IngestServer::stats() const {
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

// Reads a socket again from the event loop. The connection is looked up then: it may have gone meanwhile.
void IngestServer::readLater(QTcpSocket *socket) {
    QMetaObject::invokeMethod(
        this,
        [this, socket] {
            for (const auto &c : m_connections)
                if (c->socket == socket) {
                    onReadyRead(c.get());
                    return;
                }
        },
        Qt::QueuedConnection);
}

void IngestServer::checkTimeouts() {
    std::vector<Connection *> late;
    for (const auto &c : m_connections) {
        if (c->closing)
            continue;
        if (!c->authenticated && c->connected.elapsed() > HelloTimeoutMs)
            late.push_back(c.get());
        else if (c->partialSince.isValid() && c->partialSince.elapsed() > PartialFrameTimeoutMs)
            late.push_back(c.get());
    }
    for (Connection *c : late)
        reject(c, c->authenticated ? u"partial frame timeout"_s : u"no HELLO in time"_s,
               c->authenticated ? u"a frame stayed unfinished for %1 s"_s.arg(PartialFrameTimeoutMs / 1000)
                                : u"no HELLO within %1 s of connecting"_s.arg(HelloTimeoutMs / 1000));
}

void IngestServer::onNewConnection() {
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        const auto waiting = std::count_if(m_connections.begin(), m_connections.end(),
                                           [](const auto &c) { return !c->authenticated && !c->closing; });
        if (waiting >= MaxUnauthenticated) {
            {
                QMutexLocker lock(&m_mutex);
                ++m_stats.rejected[u"too many unauthenticated connections"_s];
            }
            s->abort();
            s->deleteLater();
            continue;
        }
        auto c = std::make_unique<Connection>();
        c->connected.start();
        c->socket = s;
        s->setReadBufferSize(SocketReadBuffer);
        Connection *raw = c.get();
        connect(s, &QTcpSocket::readyRead, this, [this, raw] { onReadyRead(raw); });
        connect(s, &QTcpSocket::disconnected, this, [this, raw] {
            raw->socket->deleteLater();
            std::erase_if(m_connections, [raw](const auto &p) { return p.get() == raw; });
        });
        m_connections.push_back(std::move(c));
        QMutexLocker lock(&m_mutex);
        ++m_stats.connections;
    }
}

void IngestServer::reject(Connection *c, const QString &reason, const QString &detail) {
    {
        QMutexLocker lock(&m_mutex);
        ++m_stats.rejected[reason];
    }
    if (c->closing)
        return;
    c->closing = true;
    const std::string f = protocol::frame(
        protocol::Error,
        jsonPayload(QJsonObject{{u"error"_s, reason}, {u"detail"_s, detail}, {u"fatal"_s, true}}));
    c->socket->write(f.data(), qint64(f.size()));
    c->socket->disconnectFromHost();
}

void IngestServer::onReadyRead(Connection *c) {
    if (c->closing) {
        c->socket->readAll();
        return;
    }
    if (m_pendingPoints > MaxPendingPoints)
        return; // backpressure: flush() reads again once the writer has caught up
    if (!c->authenticated) {
        // Before HELLO only a HELLO is read, so a stranger cannot make the server buffer much.
        c->buffer += c->socket->read(MaxHelloBytes + 1 - c->buffer.size());
        if (c->buffer.size() > MaxHelloBytes) {
            reject(c, u"oversized HELLO"_s, u"more than %1 bytes before HELLO"_s.arg(MaxHelloBytes));
            return;
        }
    } else {
        c->buffer += c->socket->readAll();
    }
    qsizetype pos = 0;
    while (!c->closing) {
        const wire::FrameView f = wire::nextFrame(c->buffer, pos);
        if (f.state == wire::FrameView::Oversized) {
            reject(c, u"oversized"_s,
                   u"frame of %1 bytes (the limit is %2)"_s.arg(f.length).arg(protocol::MaxFrameBytes));
            return;
        }
        if (f.state == wire::FrameView::Incomplete)
            break;
        if (!handleFrame(c, f.type, c->buffer.constData() + f.payload, f.payloadSize))
            return;
        pos = f.next;
    }
    c->buffer.remove(0, pos);
    if (c->buffer.isEmpty())
        c->partialSince.invalidate();
    else if (!c->partialSince.isValid())
        c->partialSince.start();
    if (c->authenticated && !c->closing && c->socket->bytesAvailable() > 0)
        readLater(c->socket); // what was left unread before HELLO
    if (!m_pending.empty() && !m_flushTimer->isActive())
        m_flushTimer->start();
}

bool IngestServer::handleFrame(Connection *c, uint8_t type, const char *data, qsizetype size) {
    if (!c->authenticated && type != protocol::Hello) {
        reject(c, u"unauthenticated"_s, u"the first frame must be HELLO"_s);
        return false;
    }
    wire::Refusal why;
    switch (type) {
    case protocol::Hello: {
        wire::HelloFrame hello;
        if (!wire::decodeHello(data, size, &hello, &why)) {
            reject(c, why.reason, why.detail);
            return false;
        }
        if (hello.protocol != protocol::Version) {
            reject(c, u"version"_s,
                   u"protocol %1 is not supported (this server speaks %2)"_s.arg(hello.protocol)
                       .arg(protocol::Version));
            return false;
        }
        RunAuth auth{0, {}};
        {
            QMutexLocker lock(&m_mutex);
            auth = m_runs.value(hello.run, RunAuth{0, {}});
        }
        if (auth.runId == 0 || auth.token != hello.token) {
            reject(c, u"unauthenticated"_s, u"unknown run or wrong token"_s);
            return false;
        }
        c->authenticated = true;
        c->runId = auth.runId;
        c->runUid = hello.run;
        c->rank = hello.rank;
        c->client = hello.client;
        const std::string f = protocol::frame(
            protocol::Welcome,
            jsonPayload(QJsonObject{{u"protocol"_s, protocol::Version},
                                    {u"last_batch"_s, double(m_lookup.lastBatch(c->runId, c->client))}}));
        c->socket->write(f.data(), qint64(f.size()));
        return true;
    }
    case protocol::Points: {
        wire::PointsFrame frame;
        if (!wire::decodePoints(data, size, &frame, &why)) {
            reject(c, why.reason, why.detail);
            return false;
        }
        Pending batch;
        batch.batch = frame.batch;
        batch.keys = std::move(frame.keys);
        batch.points = std::move(frame.points);
        batch.stampOrigin(*c);
        enqueue(std::move(batch));
        return true;
    }
    case protocol::Event: {
        wire::EventFrame frame;
        if (!wire::decodeEvent(data, size, &frame, &why)) {
            reject(c, why.reason, why.detail);
            return false;
        }
        Pending batch;
        batch.batch = frame.batch;
        batch.event = std::move(frame.event);
        batch.stampOrigin(*c);
        enqueue(std::move(batch));
        return true;
    }
    default:
        reject(c, u"malformed"_s, u"unknown frame type %1"_s.arg(type));
        return false;
    }
}

// Every batch, a rank's or the launcher's own, enters the queue here: pushed to a studio at once, committed
// in this order.
void IngestServer::enqueue(Pending batch) {
    m_pendingPoints += qint64(batch.points.size());
    if (m_push)
        pushReceived(batch);
    m_pending.push_back(std::move(batch));
}

void IngestServer::storeLocal(qint64 runId, const QString &runUid, int rank, const QStringList &keys,
                              std::vector<KeyedPoint> points) {
    Pending batch;
    batch.keys = keys;
    batch.points = std::move(points);
    queueLocal(runId, runUid, rank, std::move(batch));
}

// The launcher's own batches (telemetry, log lines) share one client and one numbering.
void IngestServer::queueLocal(qint64 runId, const QString &runUid, int rank, Pending batch) {
    batch.runId = runId;
    batch.runUid = runUid;
    batch.rank = rank;
    batch.client = u"trainyard-telemetry"_s;
    batch.batch = ++m_localBatch;
    batch.local = true;
    enqueue(std::move(batch));
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void IngestServer::storeLocalLog(qint64 runId, const QString &runUid, int rank, const QString &kind,
                                 const QString &text) {
    storeLocalEvent(
        runId, runUid, rank,
        QJsonObject{{u"log"_s, QJsonObject{{u"kind"_s, kind},
                                           {u"text"_s, text},
                                           {u"wall_ms"_s, double(QDateTime::currentMSecsSinceEpoch())}}}});
}

void IngestServer::storeLocalEvent(qint64 runId, const QString &runUid, int rank, const QJsonObject &event) {
    Pending batch;
    batch.event = event;
    queueLocal(runId, runUid, rank, std::move(batch));
}

void IngestServer::flush() {
    if (m_pending.empty() || m_retryTimer->isActive() || m_committing)
        return;
    auto c = std::make_shared<Commit>();
    c->batches.swap(m_pending);
    m_pendingPoints = 0;
    m_committing = true;
    onWriter([this, c] { store(*c); }, [this, c] { committed(*c); });
}

// On the writer's thread: the batches in one transaction, in the order they arrived.
void IngestServer::store(Commit &c) {
    QString &error = c.error;
    bool ok = m_writer.begin(&error);
    for (Pending &b : c.batches) {
        if (!ok)
            break;
        // One look-up per batch: a batch already stored (re-sent after a lost ACK) is acknowledged, not
        // applied.
        if (m_writer.lastBatch(b.runId, b.client) >= b.batch) {
            ++c.duplicates;
            continue;
        }
        if (!b.event.isEmpty()) {
            QMap<QString, QString> kv;
            const QJsonObject params = b.event.value(u"params"_s).toObject();
            const QJsonObject tags = b.event.value(u"tags"_s).toObject();
            for (auto it = params.begin(); it != params.end(); ++it)
                kv.insert(it.key(), jsonText(it.value()));
            if (!kv.isEmpty())
                ok = m_writer.setParams(b.runId, kv, &error);
            kv.clear();
            for (auto it = tags.begin(); it != tags.end(); ++it)
                kv.insert(it.key(), jsonText(it.value()));
            if (ok && !kv.isEmpty())
                ok = m_writer.setTags(b.runId, kv, &error);
            if (ok && !kv.isEmpty())
                c.taggedBy << std::tuple{b.runUid, b.rank, kv};
            const QJsonObject log = b.event.value(u"log"_s).toObject();
            if (ok && !log.isEmpty())
                ok = m_writer.appendLog(b.runId, b.rank, qint64(log.value(u"wall_ms"_s).toDouble()),
                                        log.value(u"kind"_s).toString(), log.value(u"text"_s).toString(),
                                        &error);
            if (ok && !log.isEmpty())
                c.loggedBy << std::tuple{b.runUid, b.rank, log.value(u"kind"_s).toString(),
                                         log.value(u"text"_s).toString()};
        } else {
            b.seqs.clear();
            ok = m_writer.appendPoints(b.runId, b.rank, b.keys, b.points, std::nullopt, &error,
                                       b.predicted.empty() ? nullptr : &b.seqs);
            if (ok && !b.predicted.empty() && b.seqs != b.predicted)
                ++c.mispredicted;
            c.points += qint64(b.points.size());
            if (!b.local) { // the launcher's own telemetry is not the rank's activity
                Commit::Stored &st = c.storedBy[b.runUid + u'/' + QString::number(b.rank)];
                st.points += qint64(b.points.size());
                if (!b.points.empty()) {
                    st.key = b.keys.value(int(b.points.back().key));
                    st.value = b.points.back().value;
                }
            }
        }
        ok = ok && m_writer.recordBatch(b.runId, StoreWriter::BatchMark{b.client, b.batch, b.rank, b.local},
                                        &error);
        // A client's word on its own points: {"dropped": N} as it goes, {"finish": {"dropped": N}} at its
        // end.
        if (ok && !b.event.isEmpty()) {
            const QJsonValue finish = b.event.value(u"finish"_s);
            const QJsonValue dropped =
                finish.isObject() ? finish.toObject().value(u"dropped"_s) : b.event.value(u"dropped"_s);
            if (!finish.isUndefined() || dropped.isDouble())
                ok = m_writer.recordTrackerReport(b.runId, b.client, qint64(dropped.toDouble()),
                                                  !finish.isUndefined(), &error);
        }
    }
    if (ok)
        ok = m_writer.commit(&error);
    else
        m_writer.rollback();
    c.ok = ok;
}

void IngestServer::committed(Commit &c) {
    m_committing = false;
    std::vector<Pending> &batches = c.batches;
    const QString &error = c.error;
    if (!c.ok) {
        // Nothing of these batches is stored and none is acknowledged. They stay queued, ahead of anything
        // that arrived meanwhile, and the commit is tried again (another process may hold the write lock for
        // longer than the busy timeout): an ACK only ever follows a commit, and batches are never dropped.
        for (Pending &b : batches)
            m_pendingPoints += qint64(b.points.size());
        batches.insert(batches.end(), std::make_move_iterator(m_pending.begin()),
                       std::make_move_iterator(m_pending.end()));
        m_pending.swap(batches);
        {
            QMutexLocker lock(&m_mutex);
            ++m_stats.storeRetries;
            m_stats.lastStoreError = error;
        }
        m_retryMs = m_retryMs == 0 ? 100 : std::min(m_retryMs * 2, 2000);
        m_retryTimer->start(m_retryMs);
        // Said at once (a lock another process holds is only said after 10 s: it usually passes).
        if (!m_failingSince.isValid())
            m_failingSince.start();
        const bool locked =
            error.contains(u"locked"_s) || error.contains(u"busy"_s) || error.contains(u"lock timeout"_s);
        if (error != m_saidError && (!locked || m_failingSince.elapsed() > 10000)) {
            m_saidError = error;
            Q_EMIT storeTrouble(error, m_pendingPoints);
        }
        return;
    }
    m_retryMs = 0;
    if (m_failingSince.isValid()) {
        m_failingSince.invalidate();
        if (!m_saidError.isEmpty())
            Q_EMIT storeRecovered();
        m_saidError.clear();
    }
    for (const Pending &b : batches) {
        if (!b.socket)
            continue;
        std::string f;
        std::string payload;
        protocol::put64(payload, quint64(b.batch));
        f = protocol::frame(protocol::Ack, payload);
        b.socket->write(f.data(), qint64(f.size()));
    }
    {
        QMutexLocker lock(&m_mutex);
        m_stats.pushMispredicted += c.mispredicted;
        m_stats.points += c.points;
        m_stats.batches += qint64(batches.size()) - c.duplicates;
        m_stats.duplicateBatches += c.duplicates;
    }
    for (const auto &[uid, rank, tags] : std::as_const(c.taggedBy))
        Q_EMIT tagged(uid, rank, tags);
    for (const auto &[uid, rank, kind, text] : std::as_const(c.loggedBy))
        Q_EMIT logged(uid, rank, kind, text);
    for (auto it = c.storedBy.cbegin(); it != c.storedBy.cend(); ++it) {
        const qsizetype slash = it.key().lastIndexOf(u'/');
        Q_EMIT stored(it.key().left(slash), it.key().mid(slash + 1).toInt(), it.value().points,
                      it.value().key, it.value().value);
    }
    // Sockets left unread under backpressure are read now.
    for (const auto &conn : m_connections)
        if (conn->socket->bytesAvailable() > 0)
            readLater(conn->socket);
    if (!m_pending.empty() && !m_flushTimer->isActive())
        m_flushTimer->start(); // what arrived during the commit
}

void IngestServer::pushTo(const QString &serverPath, const QString &launch, const RunRow &run) {
    m_push = new PushSender(serverPath, this);
    m_pushLaunch = launch;
    m_pushTimer = new QTimer(this);
    m_pushTimer->setSingleShot(true);
    m_pushTimer->setInterval(0); // at the end of this pass of the loop: what every socket had is one write
    connect(m_pushTimer, &QTimer::timeout, this, &IngestServer::sendPushed);
    pushRunState(run);
}

void IngestServer::pushRunState(const RunRow &row) {
    if (!m_push)
        return;
    const QPair<RunStatus, int> state{row.status, row.exitCode};
    const auto it = m_pushedStates.constFind(row.id);
    if (it != m_pushedStates.cend() && *it == state)
        return;
    m_pushedStates.insert(row.id, state);
    m_push->send(PushedRun{m_pushLaunch, row.id, row.uid, row.status, row.exitCode});
}

// Received points go to the studio that started the launcher at once, not after their commit: a commit of
// 100,000 points a second holds the server's thread for tens of milliseconds, and a point waited for the
// commit in progress and its own (trainyard-bench live --ranks 8 --series 50: p95 72 ms from rank to studio).
// Each point carries the place its commit will give it: commits store batches in the order they arrive, a
// failed commit is tried again in the same order, and a re-sent batch (at or below its client's last
// received) is neither pushed nor stored again. The studio keeps pushed points until a read of the database
// covers them, so points not yet committed are drawn and never counted twice. flush() checks every prediction
// (IngestStats::pushMispredicted).
void IngestServer::pushReceived(Pending &b) {
    const QString client = QString::number(b.runId) + u'/' + b.client;
    auto last = m_lastReceived.find(client);
    if (last == m_lastReceived.end())
        last = m_lastReceived.insert(client, m_lookup.lastBatch(b.runId, b.client));
    if (b.batch <= *last)
        return; // a re-send: stored once, pushed once
    *last = b.batch;
    if (b.points.empty())
        return;
    const QString prefix = QString::number(b.runId) + u'/' + QString::number(b.rank) + u'/';
    std::vector<qint64 *> next(size_t(b.keys.size()), nullptr);
    std::vector<qsizetype> slot(size_t(b.keys.size()), -1);
    b.predicted.reserve(b.points.size());
    for (const KeyedPoint &p : b.points) {
        if (p.key >= next.size()) {
            b.predicted.clear(); // refused at the commit; nothing of it is pushed
            return;
        }
        if (!next[p.key]) {
            const QString &key = b.keys.at(qsizetype(p.key));
            const QString id = prefix + key;
            auto it = m_nextSeq.find(id);
            if (it == m_nextSeq.end())
                it = m_nextSeq.emplace(id, m_lookup.storedNextSeq(b.runId, b.rank, key)).first;
            next[p.key] = &it->second;
            auto at = m_toPushIndex.constFind(id);
            if (at == m_toPushIndex.cend()) {
                at = m_toPushIndex.insert(id, m_toPush.size());
                PushedSeries s;
                s.runId = b.runId;
                s.rank = b.rank;
                s.key = key;
                m_toPush << s;
            }
            slot[p.key] = *at;
        }
        const qint64 seq = (*next[p.key])++;
        b.predicted.push_back(seq);
        m_toPush[slot[p.key]].points << PushedPoint{seq, p.step, p.value, p.wallMs};
    }
    if (!m_pushTimer->isActive())
        m_pushTimer->start();
}

// One frame per series for everything received in a pass of the event loop, written at once: a frame and a
// write per series per batch cost 200,000 writes a second for 8 ranks x 50 series (each sending every 2 ms).
void IngestServer::sendPushed() {
    if (m_toPush.isEmpty())
        return;
    m_push->send(m_toPush);
    m_toPush.clear();
    m_toPushIndex.clear();
}

// ---- service -------------------------------------------------------------------------------------------

bool IngestService::start(const QString &databasePath, QString *error) {
    m_thread.setObjectName(u"trainyard-ingest"_s);
    m_thread.start();
    m_server = new IngestServer(databasePath);
    m_server->moveToThread(&m_thread);
    bool ok = false;
    QString err;
    QMetaObject::invokeMethod(
        m_server, [&] { ok = m_server->start(&err); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        if (error)
            *error = err;
        stop();
    }
    return ok;
}

bool IngestService::stop(int timeoutMs, QString *error) {
    bool ok = true;
    if (m_server) {
        IngestServer *s = m_server;
        m_server = nullptr;
        QMetaObject::invokeMethod(
            s,
            [this, s, timeoutMs, error, &ok] {
                ok = s->drain(timeoutMs, error);
                m_lastStats = s->stats();
                delete s;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
    return ok;
}

IngestService::~IngestService() {
    stop();
}

} // namespace trainyard
