#include "livepush.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <QtEndian>
#include <bit>
#include <cstring>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace push {

namespace {

template <class T> void put(QByteArray &out, T v) {
    const T le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof(T));
}

template <class T> T get(const char *p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return qFromLittleEndian(v);
}

constexpr qsizetype PointBytes = 32;

} // namespace

QByteArray encode(const PushedSeries &series) {
    const QByteArray key = series.key.toUtf8().left(65535);
    QByteArray out;
    out.reserve(4 + 1 + 8 + 4 + 2 + key.size() + 4 + series.points.size() * PointBytes);
    put<quint32>(out, 0); // the length, filled in below
    out.append(char(SeriesFrame));
    put<qint64>(out, series.runId);
    put<qint32>(out, series.rank);
    put<quint16>(out, quint16(key.size()));
    out.append(key);
    put<quint32>(out, quint32(series.points.size()));
    for (const PushedPoint &p : series.points) {
        put<qint64>(out, p.seq);
        put<qint64>(out, p.step);
        put<quint64>(out, std::bit_cast<quint64>(p.value));
        put<qint64>(out, p.wallMs);
    }
    const quint32 length = qToLittleEndian(quint32(out.size() - 4));
    std::memcpy(out.data(), &length, 4);
    return out;
}

QByteArray encode(const PushedRun &run) {
    QByteArray out;
    put<quint32>(out, 0);
    out.append(char(RunFrame));
    put<qint64>(out, run.runId);
    put<qint32>(out, run.exitCode);
    for (const QString &text : {run.launch, run.uid, runStatusName(run.status)}) {
        const QByteArray bytes = text.toUtf8().left(65535);
        put<quint16>(out, quint16(bytes.size()));
        out.append(bytes);
    }
    const quint32 length = qToLittleEndian(quint32(out.size() - 4));
    std::memcpy(out.data(), &length, 4);
    return out;
}

namespace {
// The body of a run frame (after its type byte).
bool decodeRun(const char *p, const char *end, PushedRun &run, QString *error) {
    if (end - p < 8 + 4) {
        if (error)
            *error = u"run frame of %1 bytes"_s.arg(end - p + 1);
        return false;
    }
    run.runId = get<qint64>(p);
    run.exitCode = get<qint32>(p + 8);
    p += 12;
    QString status;
    for (QString *text : {&run.launch, &run.uid, &status}) {
        if (end - p < 2 || end - p - 2 < qsizetype(get<quint16>(p))) {
            if (error)
                *error = u"run frame shorter than its strings"_s;
            return false;
        }
        const quint16 n = get<quint16>(p);
        *text = QString::fromUtf8(p + 2, n);
        p += 2 + n;
    }
    if (p != end) {
        if (error)
            *error = u"run frame with %1 bytes after its strings"_s.arg(end - p);
        return false;
    }
    // A status this version does not know (a newer launcher's) reads as failed, as stored names do.
    run.status = runStatusOr(status);
    return true;
}
} // namespace

bool decode(QByteArray &buffer, QVector<PushedSeries> &out, QString *error, QVector<PushedRun> *runs) {
    qsizetype at = 0;
    const auto fail = [&](const QString &why) {
        buffer.remove(0, at);
        if (error)
            *error = why;
        return false;
    };
    while (buffer.size() - at >= 4) {
        const quint32 length = get<quint32>(buffer.constData() + at);
        // Either kind is at least 19 bytes: a series frame with an empty key and no point (1 + 8 + 4 + 2 +
        // 4), a run frame with three empty strings (1 + 8 + 4 + 3 x 2).
        if (length > MaxFrameBytes || length < 1 + 8 + 4 + 2 + 4)
            return fail(u"push frame of %1 bytes"_s.arg(length));
        if (buffer.size() - at - 4 < qsizetype(length))
            break; // unfinished
        const char *p = buffer.constData() + at + 4;
        const char *end = p + length;
        if (quint8(*p) == RunFrame) {
            PushedRun run;
            QString why;
            if (!decodeRun(p + 1, end, run, &why))
                return fail(why);
            if (runs)
                *runs << std::move(run);
            at += 4 + qsizetype(length);
            continue;
        }
        if (quint8(*p) != SeriesFrame)
            return fail(u"unknown push frame type %1"_s.arg(quint8(*p)));
        ++p;
        PushedSeries s;
        s.runId = get<qint64>(p);
        p += 8;
        s.rank = get<qint32>(p);
        p += 4;
        const quint16 keyLength = get<quint16>(p);
        p += 2;
        if (end - p < qsizetype(keyLength) + 4)
            return fail(u"push frame shorter than its key"_s);
        s.key = QString::fromUtf8(p, keyLength);
        p += keyLength;
        const quint32 n = get<quint32>(p);
        p += 4;
        if (end - p != qsizetype(n) * PointBytes)
            return fail(u"push frame of %1 points holds %2 bytes of them"_s.arg(n).arg(end - p));
        s.points.resize(n);
        for (PushedPoint &pt : s.points) {
            pt.seq = get<qint64>(p);
            pt.step = get<qint64>(p + 8);
            pt.value = std::bit_cast<double>(get<quint64>(p + 16));
            pt.wallMs = get<qint64>(p + 24);
            p += PointBytes;
        }
        out << std::move(s);
        at += 4 + qsizetype(length);
    }
    buffer.remove(0, at);
    return true;
}

} // namespace push

// ---- launcher side
// ------------------------------------------------------------------------------------------

PushSender::PushSender(const QString &serverPath, QObject *parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this)) {
    m_socket->setReadBufferSize(4096);
    // Connecting to a local socket completes at once or fails at once; frames written before it is connected
    // are buffered by QLocalSocket.
    m_socket->connectToServer(serverPath, QIODevice::WriteOnly);
}

bool PushSender::connected() const {
    return m_socket->state() == QLocalSocket::ConnectedState;
}

void PushSender::send(const PushedSeries &series) {
    send(QList<PushedSeries>{series});
}

void PushSender::send(const QList<PushedSeries> &series) {
    qint64 points = 0;
    for (const PushedSeries &s : series)
        points += s.points.size();
    if (m_socket->state() == QLocalSocket::UnconnectedState || m_socket->bytesToWrite() > MaxBacklogBytes) {
        m_dropped += points;
        return;
    }
    // One write for them all; a series longer than a frame may hold (a commit after a long retry can have
    // millions of points of one) goes in several frames, each far under the receiver's MaxFrameBytes.
    constexpr qsizetype MaxFramePoints = 100'000; // 3.2 MB
    QByteArray frames;
    for (const PushedSeries &s : series) {
        if (s.points.size() <= MaxFramePoints) {
            frames += push::encode(s);
            continue;
        }
        for (qsizetype at = 0; at < s.points.size(); at += MaxFramePoints)
            frames += push::encode(PushedSeries{s.runId, s.rank, s.key, s.points.mid(at, MaxFramePoints)});
    }
    m_socket->write(frames);
    m_socket->flush();
}

void PushSender::send(const PushedRun &run) {
    if (m_socket->state() == QLocalSocket::UnconnectedState)
        return;
    m_socket->write(push::encode(run));
    m_socket->flush();
}

bool PushSender::waitSent(int timeoutMs) {
    if (m_socket->state() != QLocalSocket::ConnectedState)
        return m_socket->bytesToWrite() == 0;
    while (m_socket->bytesToWrite() > 0)
        if (!m_socket->waitForBytesWritten(timeoutMs))
            return false;
    return true;
}

// ---- studio side
// --------------------------------------------------------------------------------------------

PushReceiver::PushReceiver(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this)) {
    qRegisterMetaType<trainyard::PushedSeries>();
    qRegisterMetaType<trainyard::PushedRun>();
    connect(m_server, &QLocalServer::newConnection, this, &PushReceiver::accept);
}

PushReceiver::~PushReceiver() {
    const QString path = m_server->fullServerName();
    m_server->close();
    if (!path.isEmpty())
        QFile::remove(path);
}

bool PushReceiver::listen(QString *error) {
    // The user's runtime directory (XDG_RUNTIME_DIR, private to the user), else the temporary one; the socket
    // itself is the user's alone either way.
    QString dir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::tempPath();
    const QString path =
        QDir(dir).filePath(u"trainyard-studio-%1-%2.sock"_s.arg(QCoreApplication::applicationPid())
                               .arg(qulonglong(QRandomGenerator::global()->generate()), 8, 16, QChar(u'0')));
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(path)) {
        if (error)
            *error = u"cannot listen on %1: %2"_s.arg(path, m_server->errorString());
        return false;
    }
    return true;
}

QString PushReceiver::serverPath() const {
    return m_server->fullServerName();
}

void PushReceiver::accept() {
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_buffers.size() >= push::MaxConnections) {
            socket->abort();
            socket->deleteLater();
            Q_EMIT malformed(u"more than %1 launchers push to the studio at once; a new one is refused "
                             u"(its run is followed through the database)"_s.arg(push::MaxConnections));
            continue;
        }
        m_buffers.insert(socket, {});
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            auto it = m_buffers.find(socket);
            if (it == m_buffers.end())
                return;
            it->append(socket->readAll());
            QVector<PushedSeries> series;
            QVector<PushedRun> runs;
            QString error;
            const bool ok = push::decode(*it, series, &error, &runs);
            m_frames += series.size() + runs.size();
            // Points before states: a run's last state (finished) comes after its last points.
            for (const PushedSeries &s : std::as_const(series))
                Q_EMIT received(s);
            for (const PushedRun &r : std::as_const(runs))
                Q_EMIT runChanged(r);
            if (!ok) {
                m_buffers.remove(socket);
                socket->abort();
                Q_EMIT malformed(error);
            }
        });
    }
}

} // namespace trainyard
