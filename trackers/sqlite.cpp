#include "sqlite.h"

#include "databaseurl.h"
#include "pgconn.h"

#include <QUrl>
#include <bit>
#include <cmath>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace trainyard::sql {

namespace {
// SQLite's `?` parameters as PostgreSQL's $1, $2, ... (outside quoted text).
QByteArray dollars(const char *sql) {
    QByteArray out;
    int n = 0;
    char quote = 0;
    for (const char *c = sql; *c; ++c) {
        if (quote) {
            if (*c == quote)
                quote = 0;
        } else if (*c == '\'' || *c == '"') {
            quote = *c;
        } else if (*c == '?') {
            out += '$' + QByteArray::number(++n);
            continue;
        }
        out += *c;
    }
    return out;
}

// The advisory lock every writing transaction on a server holds (SQLite's one writer at a time).
constexpr const char *BeginWriting = "BEGIN; SELECT pg_advisory_xact_lock(7419002)";
} // namespace

bool Database::openWith(const QByteArray &name, int flags, const QString &path, QString *error) {
    close();
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path,
                                                  m_db ? lastError() : QString::fromUtf8(sqlite3_errstr(rc)));
        close();
        return false;
    }
    sqlite3_busy_timeout(m_db, 10000);
    return true;
}

bool Database::open(const QString &path, bool readOnly, QString *error) {
    if (isServerUrl(path)) {
        close();
        auto c = std::make_unique<pg::Connection>();
        if (!c->open(path, error))
            return false;
        m_pg = std::move(c);
        return true;
    }
    return openWith(path.toUtf8(),
                    readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE), path,
                    error);
}

bool Database::openImmutable(const QString &path, QString *error) {
    return openWith("file:" + QUrl::toPercentEncoding(path, "/") + "?immutable=1",
                    SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path, error);
}

void Database::close() {
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_pg.reset();
    m_names.clear();
    m_appends.clear();
    m_pgInTransaction = false;
}

QByteArray Database::groupConcat(const QByteArray &column) const {
    if (m_pg)
        return "string_agg(DISTINCT (" + column + ")::text, ',')";
    return "group_concat(DISTINCT " + column + ')';
}

void Database::noteServerError(const QString &error) {
    m_pgError = error;
    if (m_failure.isEmpty())
        m_failure = error;
}

bool Database::flushAppends(QString *error) {
    for (Append &a : m_appends) {
        if (a.rows.isEmpty())
            continue;
        QString e;
        const bool ok = m_pg->copyInBinary(a.table, a.columns, a.rows, &e);
        a.rows.clear();
        if (!ok) {
            noteServerError(e);
            if (error)
                *error = e;
            return false;
        }
    }
    return true;
}

QByteArray Database::preparedName(const QByteArray &sql) {
    auto it = m_names.constFind(sql);
    if (it != m_names.cend())
        return *it;
    if (m_names.size() >= 512)
        return {}; // SQL made on the fly: run unprepared rather than fill the server's memory
    const QByteArray name = "trainyard_" + QByteArray::number(m_names.size());
    m_names.insert(sql, name);
    return name;
}

bool Database::exec(const char *sql, QString *error) {
    if (m_pg) {
        const QByteArray text(sql);
        const bool begins = text.startsWith("BEGIN");
        const bool ends = text == "COMMIT" || text == "ROLLBACK";
        QString e;
        bool ok = true;
        if (text == "ROLLBACK") {
            for (Append &a : m_appends)
                a.rows.clear();
        } else {
            ok = flushAppends(&e);
        }
        // A server that restarted: connect again between transactions (one inside is lost with the old
        // connection, and the writer tries it again whole).
        if (ok && begins && !m_pgInTransaction && m_pg->isBroken())
            ok = m_pg->reconnect(&e);
        if (ok)
            ok = m_pg->exec(text == "BEGIN IMMEDIATE" ? QByteArray(BeginWriting) : text, &e);
        if (begins && ok)
            m_pgInTransaction = true;
        if (ends)
            m_pgInTransaction = false;
        if (!ok) {
            noteServerError(e);
            if (error)
                *error = e;
        }
        return ok;
    }
    char *msg = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

QString Database::lastError() const {
    if (m_pg)
        return m_pgError.isEmpty() ? m_pg->lastError() : m_pgError;
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

int Database::userVersion() {
    if (m_pg) {
        Statement s(*this, "SELECT version FROM trainyard_schema");
        return s.step() == SQLITE_ROW ? int(s.int64(0)) : -1;
    }
    Statement s(*this, "PRAGMA user_version");
    return s.step() == SQLITE_ROW ? int(s.int64(0)) : -1;
}

void Database::noteFailure(int rc) {
    if (!m_failure.isEmpty())
        return;
    if (m_pg) {
        m_failure = lastError();
        return;
    }
    m_failure = m_db ? lastError() : QString::fromUtf8(sqlite3_errstr(rc));
    if (m_failure.isEmpty() || m_failure == u"not an error")
        m_failure = QString::fromUtf8(sqlite3_errstr(rc));
}

bool Statement::prepare(Database &db, const char *sql) {
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db = &db;
    reset();
    if (db.m_pg) {
        m_sql = dollars(sql);
        m_name = db.preparedName(m_sql);
        m_appendTo = -1;
        return true;
    }
    const int rc = sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.noteFailure(rc);
    return rc == SQLITE_OK;
}

bool Statement::prepareAppend(Database &db, const char *table, const char *columns, int count,
                              const char *verb) {
    if (!db.m_pg) {
        QByteArray sql = QByteArray(verb) + " INTO " + table + '(' + columns + ") VALUES(";
        for (int i = 0; i < count; ++i)
            sql += i ? ", ?" : "?";
        sql += ')';
        return prepare(db, sql.constData());
    }
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db = &db;
    reset();
    m_name.clear();
    m_sql = QByteArray("COPY ") + table;
    for (int i = 0; i < int(db.m_appends.size()); ++i) {
        if (db.m_appends[size_t(i)].table == table && db.m_appends[size_t(i)].columns == columns)
            m_appendTo = i;
    }
    if (m_appendTo < 0) {
        m_appendTo = int(db.m_appends.size());
        db.m_appends.push_back({table, columns, {}});
    }
    return true;
}

qint64 Database::lastInsertId() const {
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

int Database::changes() const {
    return m_pg ? int(m_pgChanges) : sqlite3_changes(m_db);
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

std::optional<QByteArray> &Statement::param(int i, unsigned type) {
    if (m_params.size() < size_t(i)) {
        m_params.resize(size_t(i));
        m_types.resize(size_t(i), pg::Inferred);
    }
    m_types[size_t(i - 1)] = type;
    return m_params[size_t(i - 1)];
}

QByteArray &Statement::slot(int i, unsigned type) {
    std::optional<QByteArray> &p = param(i, type);
    if (!p)
        p.emplace();
    return *p; // its buffer is used again (the ingest's hot path binds millions of numbers)
}

namespace {
// An appended row's number as COPY's binary format has it.
void setNetworkOrder(QByteArray &slot, quint64 bits) {
    slot.clear();
    pg::putNetworkOrder(slot, bits, 8);
}
} // namespace

Statement &Statement::bind(int i, qint64 v) {
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, i, v);
    else if (i >= 1 && m_appendTo >= 0)
        setNetworkOrder(slot(i, pg::Int8), quint64(v));
    else if (i >= 1)
        slot(i, pg::Int8).setNum(v);
    return *this;
}

Statement &Statement::bind(int i, double v) {
    if (m_stmt)
        sqlite3_bind_double(m_stmt, i, v);
    else if (i >= 1 && m_appendTo >= 0)
        setNetworkOrder(slot(i, pg::Float8), std::bit_cast<quint64>(v));
    else if (i >= 1 && std::isinf(v))
        slot(i, pg::Float8) = pg::realText(v);
    else if (i >= 1)
        slot(i, pg::Float8).setNum(v, 'g', 17);
    return *this;
}

Statement &Statement::bind(int i, const QByteArray &v) {
    if (m_stmt)
        sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    else if (i >= 1)
        param(i, pg::Text) = v;
    return *this;
}

Statement &Statement::bindNull(int i) {
    if (m_stmt)
        sqlite3_bind_null(m_stmt, i);
    else if (i >= 1)
        param(i, pg::Inferred).reset();
    return *this;
}

int Statement::execute() {
    Database &db = *m_db;
    QString e;
    if (!db.flushAppends(&e))
        return SQLITE_ERROR;
    if (!db.m_pgInTransaction && db.m_pg->isBroken() && !db.m_pg->reconnect(&e)) {
        db.noteServerError(e);
        return SQLITE_ERROR;
    }
    if (!m_result)
        m_result = std::make_unique<pg::Result>();
    if (!db.m_pg->run(m_name, m_sql, m_params, m_types, m_result.get(), &e)) {
        db.noteServerError(e);
        m_row = -1;
        return SQLITE_ERROR;
    }
    db.m_pgChanges = m_result->affected();
    m_row = 0;
    m_done = m_result->rows() == 0;
    return m_done ? SQLITE_DONE : SQLITE_ROW;
}

int Statement::step() {
    if (m_stmt) {
        const int rc = sqlite3_step(m_stmt);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE && m_db)
            m_db->noteFailure(rc);
        return rc;
    }
    if (!m_db || !m_db->m_pg)
        return SQLITE_MISUSE;
    if (m_appendTo >= 0) {
        pg::Connection::appendBinaryTuple(m_db->m_appends[size_t(m_appendTo)].rows, m_params, m_types);
        return SQLITE_DONE;
    }
    if (m_row < 0 || m_done)
        return execute();
    if (++m_row < m_result->rows())
        return SQLITE_ROW;
    m_done = true;
    return SQLITE_DONE;
}

bool Statement::nextRow() {
    return step() == SQLITE_ROW;
}

bool Statement::run() {
    const int rc = step();
    if (m_stmt) {
        sqlite3_reset(m_stmt);
    } else {
        m_row = -1;
        m_done = false;
        if (m_result)
            m_result->clear();
    }
    return rc == SQLITE_DONE;
}

void Statement::reset() {
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        return;
    }
    m_params.clear();
    m_types.clear();
    m_row = -1;
    m_done = false;
    if (m_result)
        m_result->clear();
}

namespace {
QByteArray serverValue(const pg::Result *r, int row, int col) {
    return r && row >= 0 && row < r->rows() ? QByteArray(r->value(row, col), r->length(row, col))
                                            : QByteArray();
}
} // namespace

qint64 Statement::int64(int col) const {
    if (m_stmt)
        return sqlite3_column_int64(m_stmt, col);
    const QByteArray v = serverValue(m_result.get(), m_row, col);
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? n : qint64(v.toDouble()); // a sum() comes back as numeric
}

double Statement::real(int col) const {
    if (m_stmt)
        return sqlite3_column_double(m_stmt, col);
    return pg::realValue(serverValue(m_result.get(), m_row, col)).value_or(0.0);
}

bool Statement::isNull(int col) const {
    if (m_stmt)
        return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
    return !m_result || m_row < 0 || m_row >= m_result->rows() || m_result->isNull(m_row, col);
}

QString Statement::text(int col) const {
    if (!m_stmt)
        return QString::fromUtf8(serverValue(m_result.get(), m_row, col));
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col)),
                             sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::bytes(int col) const {
    if (!m_stmt)
        return serverValue(m_result.get(), m_row, col);
    return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col)),
                      sqlite3_column_bytes(m_stmt, col));
}

} // namespace trainyard::sql
