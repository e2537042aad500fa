// A thin RAII layer over SQLite's C API: a connection and prepared statements, errors as strings. Only the
// storage's own .cpp files include <sqlite3.h> (for its result codes); nothing above trackers sees it.
#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

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
    qint64 lastInsertId() const;
    int changes() const;
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
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool prepare(Database &db, const char *sql);
    bool isValid() const { return m_stmt != nullptr; }
    Statement &bind(int i, qint64 v);
    Statement &bind(int i, int v) { return bind(i, qint64(v)); }
    Statement &bind(int i, double v);
    Statement &bind(int i, const QString &v) { return bind(i, v.toUtf8()); }
    Statement &bind(int i, const QByteArray &v);
    Statement &bindNull(int i);
    // SQLITE_ROW, SQLITE_DONE or an error code (noted on the connection: Database::failure()).
    int step();
    // step() == SQLITE_ROW, for callers that need no other code.
    bool nextRow();
    // Runs to completion; true on SQLITE_DONE.
    bool run();
    void reset();
    qint64 int64(int col) const;
    double real(int col) const;
    bool isNull(int col) const;
    QString text(int col) const;
    QByteArray bytes(int col) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    Database *m_db = nullptr;
};

} // namespace trainyard::sql
