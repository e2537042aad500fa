// Decoding the metrics wire protocol (docs/PROTOCOL.md) from bytes: splitting a stream into frames and
// reading HELLO, POINTS and EVENT payloads. Pure functions with no sockets, so the ingest server and the fuzz
// target (tests/fuzz/fuzz_frames.cpp) run exactly the same code on untrusted input.
#pragma once

#include "protocol.h"
#include "store.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace trainyard::wire {

// Why a frame was refused: a short reason (counted per reason in the run record) and a detail for the peer.
struct Refusal {
    QString reason;
    QString detail;
};

// The frame at `pos` in `buffer`, if it is complete.
struct FrameView {
    enum State { Incomplete, Complete, Oversized } state = Incomplete;
    uint8_t type = 0;
    qsizetype payload = 0;     // offset of the payload in the buffer
    qsizetype payloadSize = 0; // bytes after the type byte
    qsizetype next = 0;        // offset just past the frame
    quint32 length = 0;        // the announced length (for the Oversized message)
};
FrameView nextFrame(const QByteArray &buffer, qsizetype pos);

struct HelloFrame {
    int protocol = 0;
    QString run;
    QByteArray token;
    int rank = 0;
    QString client;
};
bool decodeHello(const char *data, qsizetype size, HelloFrame *out, Refusal *why);

struct PointsFrame {
    qint64 batch = 0;
    QStringList keys;
    std::vector<KeyedPoint> points;
};
bool decodePoints(const char *data, qsizetype size, PointsFrame *out, Refusal *why);

struct EventFrame {
    qint64 batch = 0;
    QJsonObject event;
};
bool decodeEvent(const char *data, qsizetype size, EventFrame *out, Refusal *why);

} // namespace trainyard::wire
