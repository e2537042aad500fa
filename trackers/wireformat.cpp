#include "wireformat.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cstring>

using namespace Qt::StringLiterals;

namespace trainyard::wire {

namespace {

bool refuse(Refusal *why, const QString &reason, const QString &detail) {
    *why = Refusal{reason, detail};
    return false;
}

} // namespace

FrameView nextFrame(const QByteArray &buffer, qsizetype pos) {
    FrameView f;
    if (pos < 0 || buffer.size() - pos < 5)
        return f;
    memcpy(&f.length, buffer.constData() + pos, 4);
    if (f.length == 0 || f.length > protocol::MaxFrameBytes) {
        f.state = FrameView::Oversized;
        return f;
    }
    if (buffer.size() - pos - 4 < qsizetype(f.length))
        return f;
    f.state = FrameView::Complete;
    f.type = uint8_t(buffer[pos + 4]);
    f.payload = pos + 5;
    f.payloadSize = qsizetype(f.length) - 1;
    f.next = pos + 4 + qsizetype(f.length);
    return f;
}

bool decodeHello(const char *data, qsizetype size, HelloFrame *out, Refusal *why) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(data, size), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return refuse(why, u"malformed"_s,
                      u"HELLO is not a JSON object: %1"_s.arg(
                          pe.error != QJsonParseError::NoError ? pe.errorString() : u"another JSON value"_s));
    const QJsonObject o = doc.object();
    HelloFrame h;
    h.protocol = o.value(u"protocol"_s).toInt();
    h.run = o.value(u"run"_s).toString();
    h.token = o.value(u"token"_s).toString().toUtf8();
    h.rank = o.value(u"rank"_s).toInt();
    h.client = o.value(u"client"_s).toString();
    *out = std::move(h);
    return true;
}

bool decodePoints(const char *data, qsizetype size, PointsFrame *out, Refusal *why) {
    const char *p = data;
    const char *end = data + size;
    auto need = [&](qsizetype n) { return end - p >= n; };
    PointsFrame f;
    if (!need(12))
        return refuse(why, u"malformed"_s, u"POINTS frame too short"_s);
    memcpy(&f.batch, p, 8);
    p += 8;
    quint32 nkeys = 0;
    memcpy(&nkeys, p, 4);
    p += 4;
    // Each key takes at least 3 bytes, so a count the frame cannot hold is refused before any work.
    if (qint64(nkeys) * 3 > end - p)
        return refuse(why, u"malformed"_s, u"%1 keys announced, %2 bytes follow"_s.arg(nkeys).arg(end - p));
    f.keys.reserve(qsizetype(nkeys));
    for (quint32 i = 0; i < nkeys; ++i) {
        quint16 len = 0;
        if (!need(2))
            return refuse(why, u"malformed"_s, u"key table cut short"_s);
        memcpy(&len, p, 2);
        p += 2;
        if (len == 0 || !need(len))
            return refuse(why, u"malformed"_s, u"key %1 has a bad length"_s.arg(i));
        f.keys << QString::fromUtf8(p, len);
        p += len;
    }
    quint32 n = 0;
    if (!need(4))
        return refuse(why, u"malformed"_s, u"point count missing"_s);
    memcpy(&n, p, 4);
    p += 4;
    if (end - p != qsizetype(n) * qsizetype(sizeof(protocol::WirePoint)))
        return refuse(why, u"malformed"_s, u"%1 points announced, %2 bytes follow"_s.arg(n).arg(end - p));
    f.points.resize(n);
    for (quint32 i = 0; i < n; ++i) {
        protocol::WirePoint w;
        memcpy(&w, p, sizeof w);
        p += sizeof w;
        if (w.key >= nkeys)
            return refuse(why, u"malformed"_s, u"point %1 names key %2 of %3"_s.arg(i).arg(w.key).arg(nkeys));
        f.points[i] = KeyedPoint{w.key, w.step, w.value, w.wallMs};
    }
    *out = std::move(f);
    return true;
}

bool decodeEvent(const char *data, qsizetype size, EventFrame *out, Refusal *why) {
    if (size < 8)
        return refuse(why, u"malformed"_s, u"EVENT frame too short"_s);
    EventFrame f;
    memcpy(&f.batch, data, 8);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(data + 8, size - 8), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return refuse(why, u"malformed"_s,
                      u"EVENT is not a JSON object: %1"_s.arg(
                          pe.error != QJsonParseError::NoError ? pe.errorString() : u"another JSON value"_s));
    f.event = doc.object();
    *out = std::move(f);
    return true;
}

} // namespace trainyard::wire
