#include "sqlite.h"

#include <QUrl>

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

} // namespace trainyard::sql
