#include "pgconn.h"

#include <QCoreApplication>
#include <QUrl>
#include <libpq-fe.h>
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
    return exec("SET extra_float_digits = 3", error); // doubles as text read back exactly (also before 12)
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

void Connection::appendCopyRow(QByteArray &buffer, const QList<Value> &row) {
    for (qsizetype c = 0; c < row.size(); ++c) {
        if (c > 0)
            buffer += '\t';
        if (!row[c]) {
            buffer += "\\N";
            continue;
        }
        for (const char ch : *row[c]) {
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

bool Connection::copyIn(const QByteArray &table, const QByteArray &columns, const QByteArray &rows,
                        QString *error) {
    const QByteArray sql = "COPY " + table + '(' + columns + ") FROM STDIN";
    PGresult *r = PQexec(m_conn, sql.constData());
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
