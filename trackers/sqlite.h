// A thin RAII layer over the run database's connection: SQLite's C API for a file, libpq (pgconn.h) for a
// postgresql:// URL. The storage writes its SQL once, in the dialect both accept (`?` parameters, ON CONFLICT
// upserts, RETURNING); the few words that differ come from Database (greatest(), groupConcat()). Only the
// storage's own .cpp files include <sqlite3.h> (for its result codes, which step() returns for both);
// nothing above trackers sees it.
#pragma once

#include "pgconn.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

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

    // A file's path, or a PostgreSQL server's URL (isServerUrl()).
    bool open(const QString &path, bool readOnly, QString *error);
    // Read-only, as a file that cannot change (SQLite's immutable URI parameter): no -shm or -wal is made or
    // read, so a database in a folder this process cannot write can still be read.
    bool openImmutable(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr || m_pg != nullptr; }
    bool isPostgres() const { return m_pg != nullptr; }
    // Statements without parameters. "BEGIN IMMEDIATE" (the one writer at a time of a SQLite file) is, on a
    // server, a transaction that holds the database's write lock (an advisory lock) until it ends.
    bool exec(const char *sql, QString *error = nullptr);
    QString lastError() const;
    // SQLite's rowid of the last INSERT (0 on a server: use INSERT ... RETURNING, which both accept).
    qint64 lastInsertId() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    int changes() const;
    sqlite3 *handle() const { return m_db; }
    pg::Connection *server() const { return m_pg.get(); }
    // The schema's version (SQLite's user_version; the trainyard_schema table on a server), -1 on error.
    int userVersion();
    // The dialect's words: the larger of two values ("max" / "greatest"); the distinct values of a column
    // joined by commas.
    const char *greatest() const { return m_pg ? "greatest" : "max"; }
    QByteArray groupConcat(const QByteArray &column) const;
    // The first error a statement of this connection met while preparing or stepping (SQLITE_CORRUPT from a
    // damaged file, SQLITE_BUSY past the timeout, ...), kept until clearFailure(): a read that stops early
    // never looks like the end of the data.
    const QString &failure() const { return m_failure; }
    void clearFailure() { m_failure.clear(); }
    void noteFailure(int rc);

private:
    friend class Statement;
    bool openWith(const QByteArray &name, int flags, const QString &path, QString *error);
    // On a server: rows appended through Statement::prepareAppend go out as one COPY per table, before the
    // connection runs anything else (and so before COMMIT).
    bool flushAppends(QString *error);
    void noteServerError(const QString &error);
    QByteArray preparedName(const QByteArray &sql);
    sqlite3 *m_db = nullptr;
    std::unique_ptr<pg::Connection> m_pg;
    QString m_failure;
    QString m_pgError;
    qint64 m_pgChanges = 0;
    bool m_pgInTransaction = false;
    QHash<QByteArray, QByteArray> m_names; // SQL -> its prepared statement's name
    struct Append {
        QByteArray table, columns, rows;
    };
    std::vector<Append> m_appends;
};

class Statement {
public:
    Statement() = default;
    Statement(Database &db, const char *sql) { prepare(db, sql); }
    Statement(Database &db, const QByteArray &sql) { prepare(db, sql.constData()); }
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool prepare(Database &db, const char *sql);
    bool prepare(Database &db, const QByteArray &sql) { return prepare(db, sql.constData()); }
    // An INSERT of `count` values into table(columns) whose run() only appends the row: on a server the rows
    // go out together (COPY) before the connection's next statement; SQLite runs `verb` INTO ... VALUES.
    bool prepareAppend(Database &db, const char *table, const char *columns, int count,
                       const char *verb = "INSERT");
    bool isValid() const { return m_stmt != nullptr || !m_sql.isEmpty(); }
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
    std::optional<QByteArray> &param(int i, unsigned type); // i >= 1
    QByteArray &slot(int i, unsigned type);                 // param(i) made a value
    int execute();
    sqlite3_stmt *m_stmt = nullptr;
    Database *m_db = nullptr;
    // On a server:
    QByteArray m_sql, m_name;
    int m_appendTo = -1; // Database::m_appends, for prepareAppend
    std::vector<std::optional<QByteArray>> m_params;
    std::vector<unsigned> m_types;
    std::unique_ptr<pg::Result> m_result;
    int m_row = -1; // the current row; -1 before the statement ran
    bool m_done = false;
};

} // namespace trainyard::sql
