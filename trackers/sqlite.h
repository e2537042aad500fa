// A thin RAII layer over SQLite's C API: a connection and prepared statements, errors as strings.
#pragma once

#include <QByteArray>
#include <QString>
#include <sqlite3.h>

namespace trainyard::sql {

class Statement;

class Database {
public:
    Database() = default;
    ~Database() { close(); }
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(const QString &path, bool readOnly, QString *error);
    // Read-only, as a file that cannot change (SQLite's immutable URI parameter): no -shm or -wal is made or
    // read, so a database in a folder this process cannot write can still be read.
    bool openImmutable(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    bool exec(const char *sql, QString *error = nullptr);
    QString lastError() const;
    qint64 lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
    int changes() const { return sqlite3_changes(m_db); }
    sqlite3 *handle() const { return m_db; }
    int userVersion();
    // The first error a statement of this connection met while preparing or stepping (SQLITE_CORRUPT from a
    // damaged file, SQLITE_BUSY past the timeout, ...), kept until clearFailure(): a read that stops early
    // never looks like the end of the data.
    const QString &failure() const { return m_failure; }
    void clearFailure() { m_failure.clear(); }
    void noteFailure(int rc);

private:
    bool openWith(const QByteArray &name, int flags, const QString &path, QString *error);
    sqlite3 *m_db = nullptr;
    QString m_failure;
};

class Statement {
public:
    Statement() = default;
    Statement(Database &db, const char *sql) { prepare(db, sql); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool prepare(Database &db, const char *sql);
    bool isValid() const { return m_stmt != nullptr; }
    Statement &bind(int i, qint64 v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Statement &bind(int i, int v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Statement &bind(int i, double v) {
        sqlite3_bind_double(m_stmt, i, v);
        return *this;
    }
    Statement &bind(int i, const QString &v) {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bind(int i, const QByteArray &v) {
        sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bindNull(int i) {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    // SQLITE_ROW, SQLITE_DONE or an error code (noted on the connection: Database::failure()).
    int step() {
        const int rc = sqlite3_step(m_stmt);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE && m_db)
            m_db->noteFailure(rc);
        return rc;
    }
    // Runs to completion; true on SQLITE_DONE.
    bool run() {
        const int rc = step();
        sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE;
    }
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    qint64 int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const { return sqlite3_column_double(m_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    QString text(int col) const {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col)),
                                 sqlite3_column_bytes(m_stmt, col));
    }
    QByteArray bytes(int col) const {
        return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col)),
                          sqlite3_column_bytes(m_stmt, col));
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    Database *m_db = nullptr;
};

} // namespace trainyard::sql
