#include "dbcopy.h"

#include "databaseurl.h"
#include "pgconn.h"
#include "sqlite.h"
#include "store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <sqlite3.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

struct CopyText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::CopyText)
};

using pg::Value;
using Row = QList<Value>;

// A column's kind, for reading SQLite exactly (its text of a REAL keeps 15 digits only).
enum class Kind { Int, Real, Text };

struct Column {
    const char *name;
    Kind kind;
};

// A table a run owns: the column naming its owner (a run's or a series' id), what is copied, the order read.
struct Table {
    const char *name;
    const char *owner;
    std::vector<Column> columns;
    const char *order;

    QByteArray columnList() const {
        QByteArray out;
        for (const Column &c : columns)
            out += (out.isEmpty() ? "" : ", ") + QByteArray(c.name);
        return out;
    }
};

const Table Runs{"runs",
                 nullptr,
                 {{"uid", Kind::Text},
                  {"name", Kind::Text},
                  {"status", Kind::Text},
                  {"created_ms", Kind::Int},
                  {"started_ms", Kind::Int},
                  {"ended_ms", Kind::Int},
                  {"exit_code", Kind::Int},
                  {"host", Kind::Text},
                  {"working_dir", Kind::Text},
                  {"command", Kind::Text},
                  {"config", Kind::Text},
                  {"run_dir", Kind::Text},
                  {"launcher", Kind::Text},
                  {"heartbeat_ms", Kind::Int},
                  {"failed_rank", Kind::Int},
                  {"ingest_refusals", Kind::Text},
                  {"user_name", Kind::Text}},
                 "id"};
const Table Series{"series",
                   "run_id",
                   {{"rank", Kind::Int},
                    {"key", Kind::Text},
                    {"count", Kind::Int},
                    {"last_step", Kind::Int},
                    {"last_value", Kind::Real},
                    {"min_value", Kind::Real},
                    {"max_value", Kind::Real}},
                   "id"};
// What a run owns besides its series.
const std::vector<Table> &runTables() {
    static const std::vector<Table> tables{
        {"params", "run_id", {{"key", Kind::Text}, {"value", Kind::Text}}, "key"},
        {"tags", "run_id", {{"key", Kind::Text}, {"value", Kind::Text}}, "key"},
        {"logs",
         "run_id",
         {{"rank", Kind::Int}, {"wall_ms", Kind::Int}, {"kind", Kind::Text}, {"text", Kind::Text}},
         "id"},
        {"ingest_batches",
         "run_id",
         {{"client", Kind::Text},
          {"last_batch", Kind::Int},
          {"rank", Kind::Int},
          {"dropped", Kind::Int},
          {"finished", Kind::Int}},
         "client"},
        {"system_metrics",
         "run_id",
         {{"host", Kind::Text},
          {"device", Kind::Text},
          {"key", Kind::Text},
          {"wall_ms", Kind::Int},
          {"value", Kind::Real}},
         "key, wall_ms"},
        {"queue",
         "run_id",
         {{"position", Kind::Int},
          {"gpus", Kind::Int},
          {"cpu_slots", Kind::Int},
          {"hosts", Kind::Text},
          {"words", Kind::Text},
          {"working_dir", Kind::Text},
          {"env", Kind::Text},
          {"devices", Kind::Text},
          {"launcher", Kind::Text},
          {"started_ms", Kind::Int}},
         "run_id"},
    };
    return tables;
}
// What a series owns.
const std::vector<Table> &seriesTables() {
    static const std::vector<Table> tables{
        {"points",
         "series_id",
         {{"seq", Kind::Int}, {"step", Kind::Int}, {"value", Kind::Real}, {"wall_ms", Kind::Int}},
         "seq"},
        {"levels",
         "series_id",
         {{"level", Kind::Int},
          {"chunk", Kind::Int},
          {"count", Kind::Int},
          {"first_step", Kind::Int},
          {"first_value", Kind::Real},
          {"last_step", Kind::Int},
          {"last_value", Kind::Real},
          {"min_value", Kind::Real},
          {"max_value", Kind::Real}},
         "level, chunk"},
    };
    return tables;
}

using pg::realText;
using pg::realValue;

// One end of a copy.
class End {
public:
    virtual ~End() = default;
    virtual QString name() const = 0;
    virtual bool begin(QString *error) = 0;
    virtual bool commit(QString *error) = 0;
    virtual void rollback() = 0;
    // Rows of a table in its order: all of them (owner 0), or those of one owner. With the id when withId.
    virtual bool rows(const Table &t, qint64 owner, bool withId,
                      const std::function<bool(qint64, const Row &)> &f, QString *error) = 0;
    virtual bool hasRun(const QByteArray &uid, bool *has, QString *error) = 0;
    // Inserts a row that owns others (a run, a series): its new id.
    virtual bool insert(const Table &t, qint64 owner, const Row &row, qint64 *id, QString *error) = 0;
    // Inserts a row nothing refers to (may wait until flush() or commit()).
    virtual bool append(const Table &t, qint64 owner, const Row &row, QString *error) = 0;
};

QByteArray selectSql(const Table &t, qint64 owner, bool withId) {
    QByteArray sql = "SELECT " + QByteArray(withId ? "id, " : "") + t.columnList() + " FROM " + t.name;
    if (owner)
        sql += " WHERE " + QByteArray(t.owner) + " = ?";
    return sql + " ORDER BY " + t.order;
}

QByteArray insertSql(const Table &t, bool owned, bool dollars) {
    QByteArray cols = owned ? QByteArray(t.owner) : QByteArray();
    QByteArray marks;
    int n = 0;
    const auto mark = [&] {
        marks += (marks.isEmpty() ? "" : ", ") + (dollars ? "$" + QByteArray::number(++n) : QByteArray("?"));
    };
    if (owned)
        mark();
    for (const Column &c : t.columns) {
        cols += (cols.isEmpty() ? "" : ", ") + QByteArray(c.name);
        mark();
    }
    return "INSERT INTO " + QByteArray(t.name) + "(" + cols + ") VALUES(" + marks + ")";
}

// ---- SQLite ----

class SqliteEnd : public End {
public:
    bool open(const QString &path, bool target, QString *error) {
        m_path = path;
        if (!target && !QFileInfo::exists(path)) {
            if (error)
                *error = CopyText::tr("%1: no such file").arg(path);
            return false;
        }
        // The schema made or brought up to date as every writer does (migrations), then a plain connection.
        StoreWriter w;
        if (!w.open(path, error))
            return false;
        return m_db.open(path, !target, error);
    }
    QString name() const override { return m_path; }
    bool begin(QString *error) override { return m_db.exec("BEGIN IMMEDIATE", error); }
    bool commit(QString *error) override { return m_db.exec("COMMIT", error); }
    void rollback() override { m_db.exec("ROLLBACK"); }

    bool rows(const Table &t, qint64 owner, bool withId, const std::function<bool(qint64, const Row &)> &f,
              QString *error) override {
        sql::Statement s(m_db, selectSql(t, owner, withId).constData());
        if (owner)
            s.bind(1, owner);
        const int first = withId ? 1 : 0;
        Row row(qsizetype(t.columns.size()));
        int rc = 0;
        while ((rc = s.step()) == SQLITE_ROW) {
            for (size_t i = 0; i < t.columns.size(); ++i) {
                const int col = first + int(i);
                if (s.isNull(col)) {
                    row[qsizetype(i)] = Value{};
                    continue;
                }
                switch (t.columns[i].kind) {
                case Kind::Int:
                    row[qsizetype(i)] = QByteArray::number(s.int64(col));
                    break;
                case Kind::Real:
                    row[qsizetype(i)] = realText(s.real(col));
                    break;
                case Kind::Text:
                    row[qsizetype(i)] = s.bytes(col);
                    break;
                }
            }
            if (!f(withId ? s.int64(0) : 0, row))
                return false;
        }
        if (rc != SQLITE_DONE) {
            if (error)
                *error = CopyText::tr("%1: reading %2: %3")
                             .arg(m_path, QString::fromLatin1(t.name), m_db.lastError());
            return false;
        }
        return true;
    }

    bool hasRun(const QByteArray &uid, bool *has, QString *error) override {
        sql::Statement s(m_db, "SELECT 1 FROM runs WHERE uid = ?");
        s.bind(1, uid);
        const int rc = s.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            if (error)
                *error = CopyText::tr("%1: %2").arg(m_path, m_db.lastError());
            return false;
        }
        *has = rc == SQLITE_ROW;
        return true;
    }

    bool bindRow(sql::Statement &s, const Table &t, qint64 owner, bool owned, const Row &row,
                 QString *error) {
        int at = 1;
        if (owned)
            s.bind(at++, owner);
        for (size_t i = 0; i < t.columns.size(); ++i, ++at) {
            const Value &v = row[qsizetype(i)];
            if (!v) {
                s.bindNull(at);
                continue;
            }
            switch (t.columns[i].kind) {
            case Kind::Int:
                s.bind(at, v->toLongLong());
                break;
            case Kind::Real: {
                const std::optional<double> d = realValue(*v);
                if (!d) {
                    if (error)
                        *error = CopyText::tr("%1.%2: not a number: %3")
                                     .arg(QString::fromLatin1(t.name), QString::fromLatin1(t.columns[i].name),
                                          QString::fromUtf8(*v));
                    return false;
                }
                s.bind(at, *d);
                break;
            }
            case Kind::Text:
                s.bind(at, *v);
                break;
            }
        }
        return true;
    }

    bool insert(const Table &t, qint64 owner, const Row &row, qint64 *id, QString *error) override {
        if (!store(t, owner, row, error))
            return false;
        *id = m_db.lastInsertId();
        return true;
    }
    bool append(const Table &t, qint64 owner, const Row &row, QString *error) override {
        return store(t, owner, row, error);
    }

private:
    bool store(const Table &t, qint64 owner, const Row &row, QString *error) {
        std::unique_ptr<sql::Statement> &s = m_inserts[t.name];
        if (!s)
            s = std::make_unique<sql::Statement>(m_db, insertSql(t, t.owner != nullptr, false).constData());
        s->reset();
        if (!bindRow(*s, t, owner, t.owner != nullptr, row, error))
            return false;
        if (!s->run()) {
            if (error)
                *error = CopyText::tr("%1: writing %2: %3")
                             .arg(m_path, QString::fromLatin1(t.name), m_db.lastError());
            return false;
        }
        return true;
    }

    QString m_path;
    sql::Database m_db;
    std::map<QByteArray, std::unique_ptr<sql::Statement>> m_inserts;
};

// ---- PostgreSQL ----

QByteArray dollars(const QByteArray &sql) {
    QByteArray out;
    int n = 0;
    for (const char c : sql)
        out += c == '?' ? "$" + QByteArray::number(++n) : QByteArray(1, c);
    return out;
}

class PostgresEnd : public End {
public:
    bool open(const QString &url, QString *error) {
        m_name = pg::redacted(url);
        return m_c.open(url, error) && preparePostgres(m_c, error);
    }
    QString name() const override { return m_name; }
    bool begin(QString *error) override { return m_c.exec("BEGIN", error); }
    bool commit(QString *error) override { return flush(error) && m_c.exec("COMMIT", error); }
    void rollback() override {
        m_pending.clear();
        m_c.exec("ROLLBACK", nullptr);
    }

    bool rows(const Table &t, qint64 owner, bool withId, const std::function<bool(qint64, const Row &)> &f,
              QString *error) override {
        QList<Value> params;
        if (owner)
            params << QByteArray::number(owner);
        bool stopped = false;
        Row row(qsizetype(t.columns.size()));
        const bool ok = m_c.query(
            dollars(selectSql(t, owner, withId)), params,
            [&](const QList<Value> &r) {
                if (stopped)
                    return;
                const qsizetype first = withId ? 1 : 0;
                for (qsizetype i = 0; i < row.size(); ++i)
                    row[i] = r[first + i];
                if (!f(withId ? r[0]->toLongLong() : 0, row))
                    stopped = true;
            },
            error);
        if (!ok && error)
            *error = CopyText::tr("%1: reading %2: %3").arg(m_name, QString::fromLatin1(t.name), *error);
        return ok && !stopped;
    }

    bool hasRun(const QByteArray &uid, bool *has, QString *error) override {
        *has = false;
        return m_c.query(
            "SELECT 1 FROM runs WHERE uid = $1", {uid}, [&](const QList<Value> &) { *has = true; }, error);
    }

    bool insert(const Table &t, qint64 owner, const Row &row, qint64 *id, QString *error) override {
        QList<Value> params;
        if (t.owner)
            params << QByteArray::number(owner);
        params << row;
        *id = 0;
        const bool ok = m_c.query(
            insertSql(t, t.owner != nullptr, true) + " RETURNING id", params,
            [&](const QList<Value> &r) { *id = r[0]->toLongLong(); }, error);
        if (!ok && error)
            *error = CopyText::tr("%1: writing %2: %3").arg(m_name, QString::fromLatin1(t.name), *error);
        return ok;
    }

    // Rows nothing refers to go through COPY, a buffer per table, sent at the commit (or every 16 MiB).
    bool append(const Table &t, qint64 owner, const Row &row, QString *error) override {
        Pending &p = m_pending[t.name];
        p.table = &t;
        Row full;
        full.reserve(row.size() + 1);
        full << Value{QByteArray::number(owner)} << row;
        pg::Connection::appendCopyRow(p.rows, full);
        if (p.rows.size() > (16 << 20))
            return send(p, error);
        return true;
    }

private:
    struct Pending {
        const Table *table = nullptr;
        QByteArray rows;
    };
    bool send(Pending &p, QString *error) {
        if (p.rows.isEmpty())
            return true;
        const bool ok = m_c.copyIn(p.table->name, QByteArray(p.table->owner) + ", " + p.table->columnList(),
                                   p.rows, error);
        p.rows.clear();
        if (!ok && error)
            *error =
                CopyText::tr("%1: writing %2: %3").arg(m_name, QString::fromLatin1(p.table->name), *error);
        return ok;
    }
    bool flush(QString *error) {
        for (auto &[name, p] : m_pending)
            if (!send(p, error))
                return false;
        return true;
    }

    pg::Connection m_c;
    QString m_name;
    std::map<QByteArray, Pending> m_pending;
};

std::unique_ptr<End> openEnd(const QString &where, bool target, QString *error) {
    if (isServerUrl(where)) {
        auto e = std::make_unique<PostgresEnd>();
        if (!e->open(where, error))
            return nullptr;
        return e;
    }
    auto e = std::make_unique<SqliteEnd>();
    if (!e->open(where, target, error))
        return nullptr;
    return e;
}

// One run and everything it owns, inside the target's open transaction.
bool copyRun(End &from, End &to, qint64 runId, const Row &run, qint64 *points, QString *error) {
    qint64 newRun = 0;
    if (!to.insert(Runs, 0, run, &newRun, error))
        return false;
    for (const Table &t : runTables())
        if (!from.rows(
                t, runId, false, [&](qint64, const Row &r) { return to.append(t, newRun, r, error); }, error))
            return false;
    // The series and their points: the ids of the series are the target's own.
    std::vector<std::pair<qint64, Row>> series;
    if (!from.rows(
            Series, runId, true,
            [&](qint64 id, const Row &r) {
                series.emplace_back(id, r);
                return true;
            },
            error))
        return false;
    for (const auto &[id, r] : series) {
        qint64 newSeries = 0;
        if (!to.insert(Series, newRun, r, &newSeries, error))
            return false;
        for (const Table &t : seriesTables()) {
            const bool arePoints = qstrcmp(t.name, "points") == 0;
            if (!from.rows(
                    t, id, false,
                    [&](qint64, const Row &p) {
                        *points += arePoints ? 1 : 0;
                        return to.append(t, newSeries, p, error);
                    },
                    error))
                return false;
        }
    }
    return true;
}

} // namespace

bool copyRuns(const QString &from, const QString &to, CopyReport *report, QString *error) {
    CopyReport local;
    CopyReport &r = report ? *report : local;
    if (from == to) {
        if (error)
            *error = CopyText::tr("FROM and TO are the same database");
        return false;
    }
    std::unique_ptr<End> source = openEnd(from, false, error);
    if (!source)
        return false;
    std::unique_ptr<End> target = openEnd(to, true, error);
    if (!target)
        return false;
    r.from = source->name();
    r.to = target->name();
    std::vector<std::pair<qint64, Row>> runs;
    if (!source->rows(
            Runs, 0, true,
            [&](qint64 id, const Row &row) {
                runs.emplace_back(id, row);
                return true;
            },
            error))
        return false;
    for (const auto &[id, row] : runs) {
        const QByteArray uid = row[0].value_or(QByteArray());
        bool has = false;
        if (!uid.isEmpty() && !target->hasRun(uid, &has, error))
            return false;
        if (has) {
            r.skipped << QString::fromUtf8(uid);
            continue;
        }
        qint64 points = 0;
        QString why;
        if (!target->begin(&why) || !copyRun(*source, *target, id, row, &points, &why) ||
            !target->commit(&why)) {
            target->rollback();
            if (error)
                *error = CopyText::tr("run %1: %2").arg(QString::fromUtf8(uid), why);
            return false;
        }
        ++r.runs;
        r.points += points;
    }
    return true;
}

} // namespace trainyard
