#include "pgconn.h"

#include <QCoreApplication>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <libpq-fe.h>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace trainyard::pg {

namespace {
struct PgText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::pg::PgText)
};
} // namespace

QString redacted(const QString &url) {
    QUrl u(url);
    if (!u.isValid() || u.password().isEmpty())
        return url;
    u.setPassword(u"***"_s);
    return u.toString();
}

void putNetworkOrder(QByteArray &out, quint64 v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i)
        out += char((v >> (8 * i)) & 0xff);
}

QByteArray realText(double v) {
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    return QByteArray::number(v, 'g', 17);
}

std::optional<double> realValue(const QByteArray &text) {
    if (text == "Infinity")
        return std::numeric_limits<double>::infinity();
    if (text == "-Infinity")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

void Result::clear() {
    if (m_r)
        PQclear(m_r);
    m_r = nullptr;
}

int Result::rows() const {
    return m_r ? PQntuples(m_r) : 0;
}

bool Result::isNull(int row, int col) const {
    return !m_r || PQgetisnull(m_r, row, col);
}

const char *Result::value(int row, int col) const {
    return m_r ? PQgetvalue(m_r, row, col) : "";
}

int Result::length(int row, int col) const {
    return m_r ? PQgetlength(m_r, row, col) : 0;
}

qint64 Result::affected() const {
    return m_r ? QByteArray(PQcmdTuples(m_r)).toLongLong() : 0;
}

Connection::~Connection() {
    if (m_conn)
        PQfinish(m_conn);
}

QString Connection::lastError() const {
    if (!m_conn)
        return PgText::tr("not connected");
    return QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
}

bool Connection::open(const QString &url, QString *error) {
    m_url = redacted(url);
    // The URL as given, then what this program needs: UTF-8 text, and a name the server's views show.
    const QByteArray conninfo = url.toUtf8();
    const char *keys[] = {"dbname", "client_encoding", "application_name", nullptr};
    const char *values[] = {conninfo.constData(), "UTF8", "trainyard", nullptr};
    m_conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        if (error)
            *error = PgText::tr("cannot connect to %1: %2").arg(m_url, lastError());
        if (m_conn)
            PQfinish(m_conn);
        m_conn = nullptr;
        return false;
    }
    // The server's notices (a restart's "terminating connection") are not this program's output: what matters
    // reaches the caller as an error.
    PQsetNoticeProcessor(
        m_conn, [](void *, const char *) {}, nullptr);
    return setUpSession(error);
}

bool Connection::setUpSession(QString *error) {
    // Doubles as text read back exactly (also before 12); a writer waits for the write lock (an advisory
    // lock, sqlite.cpp) as long as SQLite's busy timeout, then says so and is retried.
    return exec("SET extra_float_digits = 3; SET lock_timeout = '10s'", error);
}

namespace {
bool ok(PGresult *r) {
    const ExecStatusType s = PQresultStatus(r);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
}
} // namespace

bool Connection::exec(const QByteArray &sql, QString *error) {
    PGresult *r = PQexec(m_conn, sql.constData());
    const bool good = ok(r);
    if (!good && error)
        *error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    PQclear(r);
    return good;
}

bool Connection::query(const QByteArray &sql, const QList<Value> &params,
                       const std::function<void(const QList<Value> &row)> &onRow, QString *error) {
    std::vector<const char *> values;
    values.reserve(size_t(params.size()));
    for (const Value &v : params)
        values.push_back(v ? v->constData() : nullptr);
    // Rows one at a time (single-row mode): a series of millions of points is never held whole in memory.
    if (!PQsendQueryParams(m_conn, sql.constData(), int(values.size()), nullptr, values.data(), nullptr,
                           nullptr, 0)) {
        if (error)
            *error = lastError();
        return false;
    }
    PQsetSingleRowMode(m_conn);
    bool good = true;
    QList<Value> row;
    while (PGresult *r = PQgetResult(m_conn)) {
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_SINGLE_TUPLE && onRow && good) {
            const int cols = PQnfields(r);
            row.resize(cols);
            for (int c = 0; c < cols; ++c)
                row[c] = PQgetisnull(r, 0, c) ? Value{}
                                              : Value{QByteArray(PQgetvalue(r, 0, c), PQgetlength(r, 0, c))};
            onRow(row);
        } else if (status != PGRES_SINGLE_TUPLE && !ok(r) && good) {
            good = false; // the rest of the results are read and dropped, so the connection stays usable
            if (error)
                *error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        }
        PQclear(r);
    }
    return good;
}

bool Connection::run(const QByteArray &name, const QByteArray &sql, const std::vector<Value> &params,
                     const std::vector<unsigned> &types, Result *out, QString *error) {
    out->clear();
    std::vector<const char *> values;
    std::vector<int> lengths;
    values.reserve(params.size());
    lengths.reserve(params.size());
    for (const Value &v : params) {
        values.push_back(v ? v->constData() : nullptr);
        lengths.push_back(v ? int(v->size()) : 0);
    }
    const int n = int(params.size());
    if (!name.isEmpty() && !m_prepared.contains(name)) {
        PGresult *p = PQprepare(m_conn, name.constData(), sql.constData(), n,
                                reinterpret_cast<const Oid *>(types.data()));
        const bool good = ok(p);
        if (!good && error)
            *error = QString::fromUtf8(p ? PQresultErrorMessage(p) : PQerrorMessage(m_conn)).trimmed();
        PQclear(p);
        if (!good)
            return false;
        m_prepared.insert(name, true);
    }
    out->m_r = name.isEmpty()
                   ? PQexecParams(m_conn, sql.constData(), n, reinterpret_cast<const Oid *>(types.data()),
                                  values.data(), lengths.data(), nullptr, 0)
                   : PQexecPrepared(m_conn, name.constData(), n, values.data(), lengths.data(), nullptr, 0);
    if (ok(out->m_r))
        return true;
    if (error)
        *error =
            QString::fromUtf8(out->m_r ? PQresultErrorMessage(out->m_r) : PQerrorMessage(m_conn)).trimmed();
    out->clear();
    return false;
}

bool Connection::isBroken() const {
    return !m_conn || PQstatus(m_conn) != CONNECTION_OK;
}

bool Connection::reconnect(QString *error) {
    if (!m_conn) {
        if (error)
            *error = PgText::tr("not connected");
        return false;
    }
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    m_prepared.clear();
    PQreset(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        if (error)
            *error = PgText::tr("cannot reach %1: %2").arg(m_url, lastError());
        return false;
    }
    return setUpSession(error); // a new session: its settings are gone with the old one
}

int Connection::socket() const {
    return m_conn ? PQsocket(m_conn) : -1;
}

int Connection::takeNotifications() {
    if (!m_conn || !PQconsumeInput(m_conn) || PQstatus(m_conn) != CONNECTION_OK)
        return -1;
    int n = 0;
    while (PGnotify *note = PQnotifies(m_conn)) {
        ++n;
        PQfreemem(note);
    }
    return n;
}

void Connection::appendCopyRow(QByteArray &buffer, const QList<Value> &row) {
    bool first = true;
    for (const Value &v : row) {
        if (!first)
            buffer += '\t';
        first = false;
        if (!v) {
            buffer += "\\N";
            continue;
        }
        const QByteArray &text = *v;
        // Numbers and most text need no escape: appended whole.
        if (std::none_of(text.cbegin(), text.cend(),
                         [](char ch) { return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r'; })) {
            buffer += text;
            continue;
        }
        for (const char ch : text) {
            switch (ch) {
            case '\\':
                buffer += "\\\\";
                break;
            case '\t':
                buffer += "\\t";
                break;
            case '\n':
                buffer += "\\n";
                break;
            case '\r':
                buffer += "\\r";
                break;
            default:
                buffer += ch;
            }
        }
    }
    buffer += '\n';
}

void Connection::appendBinaryTuple(QByteArray &buffer, const std::vector<Value> &row,
                                   const std::vector<unsigned> &types) {
    const auto put = [&buffer](quint64 v, int bytes) { putNetworkOrder(buffer, v, bytes); };
    put(quint64(row.size()), 2);
    for (size_t i = 0; i < row.size(); ++i) {
        const Value &v = row[i];
        if (!v) {
            put(0xffffffffu, 4); // -1: NULL
            continue;
        }
        const unsigned type = i < types.size() ? types[i] : Text;
        if (type == Int8 || type == Float8) { // bound as their 8 bytes already (Statement's append slots)
            put(8, 4);
            buffer += *v;
            continue;
        }
        put(quint64(v->size()), 4);
        buffer += *v;
    }
}

bool Connection::copyInBinary(const QByteArray &table, const QByteArray &columns, const QByteArray &tuples,
                              QString *error) {
    static const QByteArray header("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0", 19); // signature, flags, extension
    QByteArray data;
    data.reserve(header.size() + tuples.size() + 2);
    data += header;
    data += tuples;
    data += "\xff\xff"; // the trailer: a field count of -1
    return copyFrom("COPY " + table + '(' + columns + ") FROM STDIN (FORMAT binary)", data, error);
}

bool Connection::copyIn(const QByteArray &table, const QByteArray &columns, const QByteArray &rows,
                        QString *error) {
    return copyFrom("COPY " + table + '(' + columns + ") FROM STDIN", rows, error);
}

bool Connection::copyFrom(const QByteArray &copySql, const QByteArray &rows, QString *error) {
    PGresult *r = PQexec(m_conn, copySql.constData());
    const bool started = PQresultStatus(r) == PGRES_COPY_IN;
    if (!started && error)
        *error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    PQclear(r);
    if (!started)
        return false;
    constexpr qsizetype Chunk = 1 << 20;
    for (qsizetype at = 0; at < rows.size(); at += Chunk) {
        if (PQputCopyData(m_conn, rows.constData() + at, int(std::min(Chunk, rows.size() - at))) != 1) {
            if (error)
                *error = lastError();
            return false;
        }
    }
    if (PQputCopyEnd(m_conn, nullptr) != 1) {
        if (error)
            *error = lastError();
        return false;
    }
    bool good = true;
    while (PGresult *end = PQgetResult(m_conn)) {
        if (!ok(end)) {
            good = false;
            if (error)
                *error = QString::fromUtf8(PQresultErrorMessage(end)).trimmed();
        }
        PQclear(end);
    }
    return good;
}

} // namespace trainyard::pg
