#include "remote/agentprotocol.h"

#include "launch/argbytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace trainyard::agent {

namespace {
QString b64(const QString &text) {
    return QString::fromLatin1(argToBytes(text).toBase64());
}

bool unb64(const QJsonValue &v, QString *out) {
    if (!v.isString())
        return false;
    const auto r =
        QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = argFromBytes(*r);
    return true;
}
} // namespace

QByteArray frame(Msg type, const QByteArray &payload) {
    QByteArray out(5, Qt::Uninitialized);
    qToBigEndian(quint32(payload.size() + 1), out.data());
    out[4] = char(type);
    out.append(payload);
    return out;
}

QByteArray jsonFrame(Msg type, const QJsonObject &o) {
    return frame(type, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QByteArray outputFrame(int rank, int stream, const QByteArray &line) {
    QByteArray p(5, Qt::Uninitialized);
    qToBigEndian(qint32(rank), p.data());
    p[4] = char(stream);
    p.append(line);
    return frame(Msg::Output, p);
}

QByteArray connectionFrame(Msg type, quint32 connection, const QByteArray &data) {
    QByteArray p(4, Qt::Uninitialized);
    qToBigEndian(connection, p.data());
    p.append(data);
    return frame(type, p);
}

std::optional<Frame> FrameReader::next() {
    if (!m_error.isEmpty())
        return std::nullopt;
    const qsizetype avail = m_buffer.size() - m_pos;
    if (avail < 4)
        return std::nullopt;
    const quint32 len = qFromBigEndian<quint32>(m_buffer.constData() + m_pos);
    if (len < 1 || qsizetype(len) > MaxFrame) {
        m_error = u"agent protocol: a frame of %1 bytes"_s.arg(len);
        return std::nullopt;
    }
    if (avail < 4 + qsizetype(len))
        return std::nullopt;
    Frame f;
    f.type = Msg(m_buffer.at(m_pos + 4));
    f.payload = m_buffer.mid(m_pos + 5, len - 1);
    m_pos += 4 + len;
    if (m_pos > (1 << 16) && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    return f;
}

QJsonObject jsonOf(const Frame &f, bool *ok) {
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(f.payload, &e);
    if (ok)
        *ok = e.error == QJsonParseError::NoError && d.isObject();
    return d.object();
}

bool decodeOutput(const QByteArray &payload, int *rank, int *stream, QByteArray *line) {
    if (payload.size() < 5)
        return false;
    *rank = qFromBigEndian<qint32>(payload.constData());
    *stream = payload.at(4);
    *line = payload.mid(5);
    return *stream == 1 || *stream == 2;
}

bool decodeConnection(const QByteArray &payload, quint32 *connection, QByteArray *data) {
    if (payload.size() < 4)
        return false;
    *connection = qFromBigEndian<quint32>(payload.constData());
    if (data)
        *data = payload.mid(4);
    return true;
}

QByteArray encodePlan(const MachinePlan &plan) {
    QJsonArray ranks;
    for (const RankPlan &r : plan.ranks) {
        QJsonArray argv;
        for (const QString &a : r.argv)
            argv.append(b64(a));
        QJsonArray env;
        for (auto it = r.env.cbegin(); it != r.env.cend(); ++it)
            env.append(QJsonArray{b64(it.key()), b64(it.value())});
        ranks.append(QJsonObject{{u"rank"_s, r.rank},
                                 {u"local_rank"_s, r.localRank},
                                 {u"machine_rank"_s, r.machineRank},
                                 {u"argv"_s, argv},
                                 {u"env"_s, env}});
    }
    const QJsonObject o{{u"version"_s, ProtocolVersion},
                        {u"machine_rank"_s, plan.machineRank},
                        {u"ranks"_s, ranks},
                        {u"working_directory"_s, b64(plan.workingDirectory)},
                        {u"grace_ms"_s, plan.graceMs},
                        {u"watchdog_seconds"_s, plan.watchdogSeconds},
                        {u"watchdog_kill"_s, plan.watchdogKill},
                        {u"telemetry_ms"_s, plan.telemetryMs},
                        {u"attempt"_s, plan.attempt}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool decodePlan(const QByteArray &json, MachinePlan *out, QString *error) {
    auto fail = [&](const QString &what) {
        *error = u"agent protocol: invalid plan (%1)"_s.arg(what);
        return false;
    };
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(pe.errorString());
    if (!d.isObject())
        return fail(u"not a JSON object"_s);
    const QJsonObject o = d.object();
    if (o.value(u"version"_s).toInt() != ProtocolVersion)
        return fail(u"protocol version %1, this agent speaks %2"_s.arg(o.value(u"version"_s).toInt())
                        .arg(ProtocolVersion));
    MachinePlan p;
    p.machineRank = o.value(u"machine_rank"_s).toInt();
    if (!unb64(o.value(u"working_directory"_s), &p.workingDirectory))
        return fail(u"working_directory"_s);
    p.graceMs = o.value(u"grace_ms"_s).toInt(5000);
    p.watchdogSeconds = o.value(u"watchdog_seconds"_s).toInt();
    p.watchdogKill = o.value(u"watchdog_kill"_s).toBool();
    p.telemetryMs = o.value(u"telemetry_ms"_s).toInt(1000);
    p.attempt = o.value(u"attempt"_s).toInt();
    // A plan with no rank, or one rank twice, would leave a controller that never finishes (and an agent
    // that never exits after its launcher is gone): refused.
    QSet<int> seen;
    for (const QJsonValue &rv : o.value(u"ranks"_s).toArray()) {
        const QJsonObject ro = rv.toObject();
        RankPlan r;
        r.rank = ro.value(u"rank"_s).toInt(-1);
        r.localRank = ro.value(u"local_rank"_s).toInt();
        r.machineRank = ro.value(u"machine_rank"_s).toInt();
        if (r.rank < 0)
            return fail(u"rank"_s);
        if (seen.contains(r.rank))
            return fail(u"rank %1 twice"_s.arg(r.rank));
        seen.insert(r.rank);
        for (const QJsonValue &a : ro.value(u"argv"_s).toArray()) {
            QString s;
            if (!unb64(a, &s))
                return fail(u"argv of rank %1"_s.arg(r.rank));
            r.argv << s;
        }
        if (r.argv.isEmpty())
            return fail(u"empty argv of rank %1"_s.arg(r.rank));
        for (const QJsonValue &e : ro.value(u"env"_s).toArray()) {
            const QJsonArray kv = e.toArray();
            QString k, v;
            if (kv.size() != 2 || !unb64(kv[0], &k) || !unb64(kv[1], &v) || k.isEmpty())
                return fail(u"environment of rank %1"_s.arg(r.rank));
            r.env.insert(k, v);
        }
        p.ranks << r;
    }
    if (p.ranks.isEmpty())
        return fail(u"no ranks"_s);
    *out = p;
    return true;
}

QJsonObject exitToJson(const RankExit &e) {
    return QJsonObject{{u"rank"_s, e.rank},
                       {u"exit_code"_s, e.exitCode},
                       {u"signal"_s, e.signal},
                       {u"failed_to_start"_s, e.failedToStart}};
}

RankExit exitFromJson(const QJsonObject &o) {
    RankExit e;
    e.rank = o.value(u"rank"_s).toInt(-1);
    e.exitCode = o.value(u"exit_code"_s).toInt();
    e.signal = o.value(u"signal"_s).toInt();
    e.failedToStart = o.value(u"failed_to_start"_s).toBool();
    return e;
}

} // namespace trainyard::agent
