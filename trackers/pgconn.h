// A thin layer over libpq, PostgreSQL's client library: a connection from a postgresql:// URL (libpq's own
// form, with its environment: PGPASSFILE, PGSSLMODE, ...), statements with parameters, COPY into a table,
// errors as strings that never show a password. Only pgconn.cpp includes <libpq-fe.h>.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace trainyard::pg {

// The URL with any password replaced by "***", for messages and logs.
QString redacted(const QString &url);

// A value as text, or NULL (nullopt). Floating-point values are written with 17 significant digits and read
// back exactly.
using Value = std::optional<QByteArray>;

// Appends the low `bytes` bytes of v, most significant first (network order, as COPY's binary format has it).
void putNetworkOrder(QByteArray &out, quint64 v, int bytes);

// Doubles as text that reads back to the same bits ("Infinity" as PostgreSQL writes it), and back.
QByteArray realText(double v);
std::optional<double> realValue(const QByteArray &text);

// A statement's result, held whole (rows, columns and the count of rows a command changed).
class Result {
public:
    Result() = default;
    ~Result() { clear(); }
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;
    void clear();
    int rows() const;
    bool isNull(int row, int col) const;
    // The value's text (empty for NULL); valid until clear().
    const char *value(int row, int col) const;
    int length(int row, int col) const;
    qint64 affected() const; // rows an INSERT, UPDATE or DELETE changed

private:
    friend class Connection;
    pg_result *m_r = nullptr;
};

// Parameter types (PostgreSQL's type ids) for Connection::run: 0 lets the server infer it.
enum ParamType : unsigned { Inferred = 0, Int8 = 20, Text = 25, Float8 = 701 };

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
    // The same in COPY's binary format: `tuples` are binaryTuple()s (the header and trailer are added here).
    bool copyInBinary(const QByteArray &table, const QByteArray &columns, const QByteArray &tuples,
                      QString *error);
    // Appends a tuple of COPY's binary format: each value an 8-byte integer (Int8), an IEEE double (Float8),
    // text, or NULL; `types` says which (pg::ParamType).
    static void appendBinaryTuple(QByteArray &buffer, const std::vector<Value> &row,
                                  const std::vector<unsigned> &types);
    // Appends a row to a COPY text buffer: tab-separated, NULL as \N, backslash escapes.
    static void appendCopyRow(QByteArray &buffer, const QList<Value> &row);
    // What the server said last (the connection's message), for errors.
    QString lastError() const;

    // Runs one statement with its parameters into `out`, prepared on the server once per connection under
    // `name` (empty: not prepared). The types are the first run's.
    bool run(const QByteArray &name, const QByteArray &sql, const std::vector<Value> &params,
             const std::vector<unsigned> &types, Result *out, QString *error);
    // Whether the connection still reaches the server; if not, one try to connect again (a server that
    // restarted). The statements prepared before are gone with the old connection.
    bool reconnect(QString *error);
    bool isBroken() const;
    // LISTEN/NOTIFY: the socket to wait on, and the notifications that arrived (their count; -1 when the
    // connection broke).
    int socket() const;
    int takeNotifications();
    const QString &url() const { return m_url; }

private:
    bool copyFrom(const QByteArray &copySql, const QByteArray &data, QString *error);
    // What every connection sets, once connected and again after a reconnect.
    bool setUpSession(QString *error);
    pg_conn *m_conn = nullptr;
    QString m_url; // redacted
    QHash<QByteArray, bool> m_prepared;
};

} // namespace trainyard::pg
