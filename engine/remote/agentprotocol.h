// The node agent's wire format (docs/AGENT.md): the launcher and `trainyard agent` on another machine talk
// over the agent's stdin and stdout, whatever carries them (an SSH session, srun). Every message is a frame:
// a 4-byte big-endian length, then a type byte and the payload. A machine's plan travels as data (JSON with
// every argument, variable and path as base64 of its exact bytes), never as a shell command line.
#pragma once

#include "launch/launchplan.h"
#include "launch/runcontroller.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace trainyard::agent {

inline constexpr int ProtocolVersion = 2;
// Both ends send a Heartbeat every HeartbeatMs; an end that hears nothing (no frame at all) for
// SilenceLimitMs takes the other as lost: the launcher fails the run naming the machine, the agent stops its
// ranks. With SSH's own keepalives (ServerAliveInterval 5 s x 4, unless --ssh sets them) a cut network is
// noticed within about 20 s, where TCP alone would take many minutes.
inline constexpr int HeartbeatMs = 5000;
inline constexpr int SilenceLimitMs = 20000;
inline constexpr qsizetype MaxFrame = 64 << 20;

enum class Msg : char {
    // launcher -> agent
    Query = 'Q',     // JSON {"version", "python"}: check this machine, answered by Hello
    Plan = 'P',      // JSON MachinePlan: start the ranks
    Stop = 'S',      // stop every rank (a second Stop kills)
    Kill = 'K',      // kill every rank now
    Activity = 'a',  // int32 rank: the rank logged a metric (for the watchdog)
    Heartbeat = 'h', // both ways, every HeartbeatMs: this end is still here
    // agent -> launcher
    Hello = 'H',     // JSON: version, hostname, address, a free port, the interpreter check
    Started = 'B',   // JSON {"rank", "pid", "attempt"}
    Output = 'O',    // int32 rank, uint8 stream (1 stdout, 2 stderr), the line's bytes
    Exited = 'X',    // JSON RankExit
    Watchdog = 'W',  // JSON {"rank", "seconds"}
    Telemetry = 'T', // JSON {"rank", "step", "cpu", "rss"}
    Finished = 'F',  // JSON {"exit_code", "state", "stderr_tails": {rank: [lines]}}
    Error = 'E',     // JSON {"message"}: the agent cannot do what it was asked
    // both ways: connections of the ranks' metrics clients, carried to the launcher's ingest server
    Open = 'o',  // uint32 connection (agent -> launcher)
    Data = 'd',  // uint32 connection, bytes
    Close = 'c', // uint32 connection
};

struct Frame {
    Msg type{};
    QByteArray payload;
};

QByteArray frame(Msg type, const QByteArray &payload = {});
QByteArray jsonFrame(Msg type, const QJsonObject &o);
QByteArray outputFrame(int rank, int stream, const QByteArray &line);
QByteArray connectionFrame(Msg type, quint32 connection, const QByteArray &data = {});

// Splits a byte stream into frames.
class FrameReader {
public:
    void append(const QByteArray &bytes) { m_buffer.append(bytes); }
    // The next whole frame; nullopt when more bytes are needed. Sets error (and stays failed) on a frame
    // that is too long.
    std::optional<Frame> next();
    const QString &error() const { return m_error; }

private:
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QString m_error;
};

// Payload helpers.
QJsonObject jsonOf(const Frame &f, bool *ok = nullptr);
bool decodeOutput(const QByteArray &payload, int *rank, int *stream, QByteArray *line);
bool decodeConnection(const QByteArray &payload, quint32 *connection, QByteArray *data);

// What one machine runs: its ranks (global rank numbers, argv and the variables to set) and how to supervise
// them.
struct MachinePlan {
    int machineRank = 0;
    QList<RankPlan> ranks;
    QString workingDirectory;
    int graceMs = 5000;
    int watchdogSeconds = 0;
    bool watchdogKill = false;
    int telemetryMs = 1000;
    int attempt = 0; // TORCHELASTIC_RESTART_COUNT of this start
};

QByteArray encodePlan(const MachinePlan &plan);
bool decodePlan(const QByteArray &json, MachinePlan *out, QString *error);

QJsonObject exitToJson(const RankExit &e);
RankExit exitFromJson(const QJsonObject &o);

} // namespace trainyard::agent
