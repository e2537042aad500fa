// A thin layer over libpq, PostgreSQL's client library: a connection from a postgresql:// URL (libpq's own
// form, with its environment: PGPASSFILE, PGSSLMODE, ...), statements with parameters, COPY into a table,
// errors as strings that never show a password. Only pgconn.cpp includes <libpq-fe.h>.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

struct pg_conn;
struct pg_result;

namespace trainyard::pg {

// The URL with any password replaced by "***", for messages and logs.
QString redacted(const QString &url);

// A value as text, or NULL (nullopt). Floating-point values are written with 17 significant digits and read
// back exactly.
using Value = std::optional<QByteArray>;

class Connection {
public:
    Connection() = default;
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool open(const QString &url, QString *error);
    bool isOpen() const { return m_conn != nullptr; }
    // Runs statements with no parameters and no rows wanted (several, separated by ';', are allowed).
    bool exec(const QByteArray &sql, QString *error);
    // Runs one statement with $1, $2, ... given as text; onRow (may be null) sees each row's values.
    bool query(const QByteArray &sql, const QList<Value> &params,
               const std::function<void(const QList<Value> &row)> &onRow, QString *error);
    // COPY table(columns) FROM STDIN of the rows given in COPY's text format (rows(), below).
    bool copyIn(const QByteArray &table, const QByteArray &columns, const QByteArray &rows, QString *error);
    // Appends a row to a COPY text buffer: tab-separated, NULL as \N, backslash escapes.
    static void appendCopyRow(QByteArray &buffer, const QList<Value> &row);
    // What the server said last (the connection's message), for errors.
    QString lastError() const;

private:
    pg_conn *m_conn = nullptr;
    QString m_url; // redacted
};

} // namespace trainyard::pg
