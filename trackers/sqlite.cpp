#include "sqlite.h"

#include <QUrl>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace trainyard::sql {

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
}

bool Database::exec(const char *sql, QString *error) {
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
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

int Database::userVersion() {
    Statement s(*this, "PRAGMA user_version");
    return s.step() == SQLITE_ROW ? int(s.int64(0)) : -1;
}

void Database::noteFailure(int rc) {
    if (!m_failure.isEmpty())
        return;
    m_failure = m_db ? lastError() : QString::fromUtf8(sqlite3_errstr(rc));
    if (m_failure.isEmpty() || m_failure == u"not an error")
        m_failure = QString::fromUtf8(sqlite3_errstr(rc));
}

bool Statement::prepare(Database &db, const char *sql) {
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db = &db;
    const int rc = sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.noteFailure(rc);
    return rc == SQLITE_OK;
}

qint64 Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int i, qint64 v) {
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}

Statement &Statement::bind(int i, double v) {
    sqlite3_bind_double(m_stmt, i, v);
    return *this;
}

Statement &Statement::bind(int i, const QByteArray &v) {
    sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int i) {
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

int Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE && m_db)
        m_db->noteFailure(rc);
    return rc;
}

bool Statement::nextRow() {
    return step() == SQLITE_ROW;
}

bool Statement::run() {
    const int rc = step();
    sqlite3_reset(m_stmt);
    return rc == SQLITE_DONE;
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int col) const {
    return sqlite3_column_int64(m_stmt, col);
}

double Statement::real(int col) const {
    return sqlite3_column_double(m_stmt, col);
}

bool Statement::isNull(int col) const {
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

QString Statement::text(int col) const {
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col)),
                             sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::bytes(int col) const {
    return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col)),
                      sqlite3_column_bytes(m_stmt, col));
}

} // namespace trainyard::sql
