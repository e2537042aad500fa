#include "queuestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct QueueText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::QueueText)
};

bool failWith(QString *error, const QString &why) {
    if (error)
        *error = why;
    return false;
}

QString devicesText(const QList<int> &devices) {
    QStringList ids;
    for (int d : devices)
        ids << QString::number(d);
    return ids.join(u',');
}

QList<int> devicesOf(const QString &text) {
    QList<int> out;
    for (const QString &id : text.split(u',', Qt::SkipEmptyParts))
        out << id.toInt();
    return out;
}

#define ENTRY_COLUMNS                                                                                        \
    "q.run_id, r.uid, r.name, r.status, q.position, q.gpus, q.cpu_slots, q.hosts, q.words, q.working_dir, "  \
    "q.env, q.devices, q.launcher, r.created_ms, q.started_ms, r.launcher, r.heartbeat_ms, r.started_ms"

QueueEntry readEntry(const sql::Statement &s) {
    QueueEntry e;
    e.runId = s.int64(0);
    e.uid = s.text(1);
    e.name = s.text(2);
    e.status = runStatusOr(s.text(3));
    e.position = int(s.int64(4));
    e.gpus = int(s.int64(5));
    e.cpuSlots = int(s.int64(6));
    e.hosts = s.text(7);
    for (const QJsonValue &w : QJsonDocument::fromJson(s.bytes(8)).array())
        e.words << w.toString();
    e.workingDirectory = s.text(9);
    const QJsonObject env = QJsonDocument::fromJson(s.bytes(10)).object();
    for (auto it = env.begin(); it != env.end(); ++it)
        e.env.insert(it.key(), it.value().toString());
    e.devices = devicesOf(s.text(11));
    e.launcher = s.text(12);
    e.createdMs = s.int64(13);
    e.startedMs = s.int64(14);
    // A run whose launcher died is crashed, whether or not a writer recorded it yet (as StoreReader says).
    RunRow liveness;
    liveness.status = e.status;
    liveness.launcher = s.text(15);
    liveness.heartbeatMs = s.int64(16);
    liveness.createdMs = e.createdMs;
    liveness.startedMs = s.int64(17);
    if (launcherGone(liveness, QDateTime::currentMSecsSinceEpoch()))
        e.status = RunStatus::Crashed;
    return e;
}
} // namespace

QueueEntry::State QueueEntry::state() const {
    if (isEnded(status))
        return State::Done;
    if (isActive(status))
        return State::Running;
    return launcher.isEmpty() ? State::Waiting : State::Starting;
}

QString queueStateName(QueueEntry::State state) {
    switch (state) {
    case QueueEntry::State::Waiting:
        return u"waiting"_s;
    case QueueEntry::State::Starting:
        return u"starting"_s;
    case QueueEntry::State::Running:
        return u"running"_s;
    case QueueEntry::State::Done:
        return u"done"_s;
    }
    return {};
}

bool QueueStore::open(const QString &databasePath, QString *error) {
    return m_writer.open(databasePath, error);
}

qint64 QueueStore::add(const RunRow &run, const QueueEntry &entry, QString *error,
                       const QMap<QString, QString> &params, const QMap<QString, QString> &tags) {
    if (!m_writer.begin(error))
        return 0;
    const qint64 id = m_writer.createRun(run, error);
    if (!id) {
        m_writer.rollback();
        return 0;
    }
    sql::Database &db = m_writer.connection();
    QJsonObject env;
    for (auto it = entry.env.cbegin(); it != entry.env.cend(); ++it)
        env.insert(it.key(), it.value());
    sql::Statement s(db,
                     "INSERT INTO queue(run_id, position, gpus, cpu_slots, hosts, words, working_dir, env)"
                     " VALUES(?, (SELECT coalesce(max(position), 0) + 1 FROM queue), ?, ?, ?, ?, ?, ?)");
    s.bind(1, id).bind(2, entry.gpus).bind(3, entry.cpuSlots).bind(4, entry.hosts);
    s.bind(5, QJsonDocument(QJsonArray::fromStringList(entry.words)).toJson(QJsonDocument::Compact));
    s.bind(6, entry.workingDirectory).bind(7, QJsonDocument(env).toJson(QJsonDocument::Compact));
    if (!s.run()) {
        failWith(error, db.lastError());
        m_writer.rollback();
        return 0;
    }
    if ((!params.isEmpty() && !m_writer.setParams(id, params, error)) ||
        (!tags.isEmpty() && !m_writer.setTags(id, tags, error))) {
        m_writer.rollback();
        return 0;
    }
    return m_writer.commit(error) ? id : 0;
}

QList<QueueEntry> QueueStore::entries(bool includeDone, QString *error) {
    sql::Database &db = m_writer.connection();
    db.clearFailure();
    QList<QueueEntry> waiting, started;
    sql::Statement s(db, "SELECT " ENTRY_COLUMNS " FROM queue q JOIN runs r ON r.id = q.run_id"
                         " ORDER BY q.position, q.run_id");
    while (s.step() == SQLITE_ROW) {
        QueueEntry e = readEntry(s);
        if (e.state() == QueueEntry::State::Waiting)
            waiting << e;
        else if (includeDone || e.state() != QueueEntry::State::Done)
            started << e;
    }
    if (!db.failure().isEmpty())
        failWith(error, db.failure());
    // The waiting ones are numbered 1.. in their order (what `queue move --to N` counts).
    for (qsizetype i = 0; i < waiting.size(); ++i)
        waiting[i].position = int(i + 1);
    std::stable_sort(started.begin(), started.end(),
                     [](const QueueEntry &a, const QueueEntry &b) { return a.startedMs > b.startedMs; });
    return waiting + started;
}

std::optional<QueueEntry> QueueStore::entry(qint64 runId, QString *error) {
    for (const QueueEntry &e : entries(true, error))
        if (e.runId == runId)
            return e;
    return std::nullopt;
}

qint64 QueueStore::find(const QString &idOrUid) {
    sql::Statement s(m_writer.connection(), "SELECT q.run_id FROM queue q JOIN runs r ON r.id = q.run_id"
                                            " WHERE r.uid = ? OR CAST(q.run_id AS TEXT) = ?");
    s.bind(1, idOrUid).bind(2, idOrUid);
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

bool QueueStore::move(qint64 runId, int position, QString *error) {
    if (!m_writer.begin(error))
        return false;
    sql::Database &db = m_writer.connection();
    QList<qint64> order;
    {
        sql::Statement s(db,
                         "SELECT q.run_id FROM queue q JOIN runs r ON r.id = q.run_id"
                         " WHERE q.launcher IS NULL AND r.status = 'queued' ORDER BY q.position, q.run_id");
        while (s.step() == SQLITE_ROW)
            order << s.int64(0);
    }
    if (!order.contains(runId)) {
        m_writer.rollback();
        return failWith(error, QueueText::tr("run %1 is not waiting in the queue").arg(runId));
    }
    order.removeOne(runId);
    order.insert(std::clamp<qsizetype>(position - 1, 0, order.size()), runId);
    // Renumbered after every started row, so the waiting ones keep their order whatever was there before.
    sql::Statement top(db, "SELECT coalesce(max(position), 0) FROM queue");
    const qint64 base = top.step() == SQLITE_ROW ? top.int64(0) : 0;
    top.reset();
    sql::Statement u(db, "UPDATE queue SET position = ? WHERE run_id = ?");
    for (qsizetype i = 0; i < order.size(); ++i) {
        u.bind(1, base + 1 + i).bind(2, order[i]);
        if (!u.run()) {
            failWith(error, db.lastError());
            m_writer.rollback();
            return false;
        }
        u.reset();
    }
    return m_writer.commit(error);
}

bool QueueStore::setPaused(bool paused, QString *error) {
    sql::Database &db = m_writer.connection();
    sql::Statement s(db, "INSERT INTO settings(key, value) VALUES('queue_paused', ?)"
                         " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, paused ? u"1"_s : u"0"_s);
    return s.run() || failWith(error, db.lastError());
}

bool QueueStore::paused() {
    sql::Statement s(m_writer.connection(), "SELECT value FROM settings WHERE key = 'queue_paused'");
    return s.step() == SQLITE_ROW && s.text(0) == u"1"_s;
}

bool QueueStore::claim(qint64 runId, const QList<int> &devices, const QString &marker, QString *error) {
    sql::Database &db = m_writer.connection();
    sql::Statement s(db, "UPDATE queue SET launcher = ?, devices = ?, started_ms = ? WHERE run_id = ? AND"
                         " launcher IS NULL AND (SELECT status FROM runs WHERE id = ?) = 'queued'");
    s.bind(1, marker).bind(2, devicesText(devices)).bind(3, QDateTime::currentMSecsSinceEpoch());
    s.bind(4, runId).bind(5, runId);
    if (!s.run())
        return failWith(error, db.lastError());
    if (error)
        error->clear();
    return db.changes() == 1;
}

bool QueueStore::forget(qint64 runId, QString *error) {
    sql::Database &db = m_writer.connection();
    sql::Statement s(db, "DELETE FROM queue WHERE run_id = ?");
    s.bind(1, runId);
    return s.run() || failWith(error, db.lastError());
}

bool QueueStore::setLauncher(qint64 runId, const QString &identity, QString *error) {
    sql::Database &db = m_writer.connection();
    sql::Statement s(db, "UPDATE queue SET launcher = ? WHERE run_id = ?");
    s.bind(1, identity).bind(2, runId);
    return s.run() || failWith(error, db.lastError());
}

bool QueueStore::release(qint64 runId, QString *error) {
    sql::Database &db = m_writer.connection();
    sql::Statement s(db,
                     "UPDATE queue SET launcher = NULL, devices = NULL, started_ms = NULL WHERE run_id = ?"
                     " AND (SELECT status FROM runs WHERE id = ?) = 'queued'");
    s.bind(1, runId).bind(2, runId);
    return s.run() || failWith(error, db.lastError());
}

bool QueueStore::failStart(qint64 runId, int exitCode, const QString &why, QString *error) {
    if (!m_writer.begin(error))
        return false;
    sql::Database &db = m_writer.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Only a run its launcher never took: one it took says its own end.
    sql::Statement s(db, "UPDATE runs SET status = 'failed', exit_code = ?, ended_ms = ? WHERE id = ? AND"
                         " status = 'queued'");
    s.bind(1, exitCode).bind(2, now).bind(3, runId);
    if (!s.run()) {
        failWith(error, db.lastError());
        m_writer.rollback();
        return false;
    }
    if (db.changes() == 1 && !m_writer.appendLog(runId, 0, now, u"queue"_s, why, error)) {
        m_writer.rollback();
        return false;
    }
    return m_writer.commit(error);
}

} // namespace trainyard
