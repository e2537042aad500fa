// Points pushed from a launcher to the studio that started it, so that open dashboards draw them without a
// database round trip (docs/PROTOCOL.md, "Studio push"). The database stays the source of truth: only points
// already committed are pushed, each with its place in its series (seq), so that a dashboard merges them with
// what it read and notices a gap (then it reads again). The channel is a local socket the studio listens on;
// its path reaches the launcher in TRAINYARD_STUDIO_PUSH. Losing it loses nothing: the studio falls back to
// watching the database.
#pragma once

#include "runstatus.h"

#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QVector>

class QLocalServer;
class QLocalSocket;

namespace trainyard {

// The environment variable that carries the studio's push socket to the launcher (never to the ranks).
inline constexpr char StudioPushVariable[] = "TRAINYARD_STUDIO_PUSH";
// The studio's name for one launch (any text), which the launcher repeats in its run frames: how the studio
// knows which run a launcher it started made, whatever language the launcher prints in.
inline constexpr char StudioLaunchVariable[] = "TRAINYARD_STUDIO_LAUNCH";

struct PushedPoint {
    qint64 seq = 0; // the point's place in its series (0-based, as stored)
    qint64 step = 0;
    double value = 0;
    qint64 wallMs = 0;
};

// Committed points of one series: a run (database id), a rank, a key.
struct PushedSeries {
    qint64 runId = 0;
    int rank = 0;
    QString key;
    QVector<PushedPoint> points;
};

// A run's state as its launcher committed it: sent when the run is recorded (created, or queued for Slurm)
// and whenever its stored status or exit code changes.
struct PushedRun {
    QString launch;   // StudioLaunchVariable as the launcher got it (empty when it got none)
    qint64 runId = 0; // the database id
    QString uid;      // the run id (its folder's name)
    RunStatus status = RunStatus::Created; // by its stored name on the wire
    int exitCode = 0;
};

namespace push {
// A frame's bound: the sender cuts a series into frames of at most 100,000 points (3.2 MB plus a key of at
// most 64 KiB), so a connection holds at most one unfinished frame of 4 MiB.
constexpr quint32 MaxFrameBytes = 4u * 1024u * 1024u;
// Launchers the studio follows by push at once (its own launches and the queue's): more are refused, so the
// receiver's memory stays bounded (at most MaxConnections x MaxFrameBytes of unfinished frames).
constexpr int MaxConnections = 32;
constexpr quint8 SeriesFrame = 1;
constexpr quint8 RunFrame = 2;
// A frame: u32 length of the rest, u8 SeriesFrame, i64 run, i32 rank, u16 key length, key (UTF-8), u32 n,
// then n x (i64 seq, i64 step, f64 value, i64 wall_ms); little-endian.
QByteArray encode(const PushedSeries &series);
// A run frame: u32 length of the rest, u8 RunFrame, i64 run, i32 exit code, then three strings (launch, uid,
// status), each a u16 length and UTF-8.
QByteArray encode(const PushedRun &run);
// Decodes the frames at the start of `buffer` into `out` (and `runs`) and removes them. False (and `error`)
// for a frame that breaks the format; an unfinished frame stays in the buffer. Without `runs`, run frames are
// skipped.
bool decode(QByteArray &buffer, QVector<PushedSeries> &out, QString *error,
            QVector<PushedRun> *runs = nullptr);
} // namespace push

// The launcher's end: connects to the studio's socket (on the thread it lives on) and writes frames. When the
// studio is gone or reads too slowly (more than MaxBacklogBytes unsent), frames are dropped: the dashboards
// see the gap and read the database.
class PushSender : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 MaxBacklogBytes = 32 * 1024 * 1024;
    explicit PushSender(const QString &serverPath, QObject *parent = nullptr);
    bool connected() const;
    void send(const PushedSeries &series);
    // Several series' frames in one write (what one commit stored); a long series is cut into several frames.
    void send(const QList<PushedSeries> &series);
    void send(const PushedRun &run);
    // Waits up to timeoutMs until what was sent has left (for a launcher about to exit).
    bool waitSent(int timeoutMs);
    qint64 dropped() const { return m_dropped; }

private:
    QLocalSocket *m_socket;
    qint64 m_dropped = 0;
};

// The studio's end: a local socket only this user can open, in the runtime directory. Every launcher the
// studio starts connects to it; series() arrive on the owner's thread.
class PushReceiver : public QObject {
    Q_OBJECT
public:
    explicit PushReceiver(QObject *parent = nullptr);
    ~PushReceiver() override;
    // Starts listening; false (and error) when no socket could be made.
    bool listen(QString *error);
    // What launchers connect to (empty before listen()).
    QString serverPath() const;
    qint64 framesReceived() const { return m_frames; }

Q_SIGNALS:
    void received(const trainyard::PushedSeries &series);
    void runChanged(const trainyard::PushedRun &run);
    // A connection sent something that is not a push frame: it is closed.
    void malformed(const QString &error);

private:
    void accept();
    QLocalServer *m_server;
    QHash<QLocalSocket *, QByteArray> m_buffers;
    qint64 m_frames = 0;
};

} // namespace trainyard

Q_DECLARE_METATYPE(trainyard::PushedSeries)
Q_DECLARE_METATYPE(trainyard::PushedRun)
