// Fuzzes the ingest server's decoding of the metrics wire protocol. The first byte picks what the rest is: a
// byte stream split into frames and each frame decoded (what a connection sends), or one HELLO, POINTS or
// EVENT payload. Properties: frames tile the stream in order; a decoded POINTS frame names only keys it
// carries.
#include "wireformat.h"

#include <cstdlib>

using namespace trainyard;

namespace {

void decode(uint8_t type, const char *data, qsizetype size) {
    wire::Refusal why;
    switch (type % 3) {
    case 0: {
        wire::HelloFrame hello;
        wire::decodeHello(data, size, &hello, &why);
        break;
    }
    case 1: {
        wire::PointsFrame points;
        if (wire::decodePoints(data, size, &points, &why)) {
            for (const KeyedPoint &p : points.points)
                if (p.key >= quint32(points.keys.size()))
                    abort();
        } else if (why.reason.isEmpty()) {
            abort(); // a refusal always says why
        }
        break;
    }
    default: {
        wire::EventFrame event;
        wire::decodeEvent(data, size, &event, &why);
        break;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    if (data[0] < 128) {
        qsizetype pos = 0;
        for (;;) {
            const wire::FrameView f = wire::nextFrame(rest, pos);
            if (f.state != wire::FrameView::Complete)
                break;
            if (f.next <= pos || f.next > rest.size() || f.payload + f.payloadSize != f.next)
                abort();
            decode(f.type, rest.constData() + f.payload, f.payloadSize);
            pos = f.next;
        }
    } else {
        decode(data[0], rest.constData(), rest.size());
    }
    return 0;
}
