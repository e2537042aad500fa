// Fuzzes the TensorBoard event-file reader (TFRecord framing, masked CRC-32C, resynchronisation, the Event
// protobuf and the scalar/hparams decoding) on a whole file's bytes. Property: reading the file in two
// polls, as the launcher does while a rank writes it (the first `cut` bytes, then all), gives exactly what
// one poll of the whole file gives; the reader never claims more than it was given.
#include "tfevents.h"

#include <QBuffer>
#include <cstdlib>
#include <cstring>

using namespace trainyard;

namespace {
tb::EventData readAll(const QByteArray &bytes, qint64 cut, tb::EventFileReader &reader) {
    tb::EventData out;
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    if (cut >= 0)
        reader.poll(buffer, cut, out, nullptr);
    reader.poll(buffer, bytes.size(), out, nullptr);
    if (reader.offset() < 0 || reader.offset() + reader.tailBytes() != bytes.size())
        abort();
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2)
        return 0;
    const qint64 cut = qint64((size_t(data[0]) | (size_t(data[1]) << 8)) % size);
    const QByteArray bytes(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    tb::EventFileReader whole(QStringLiteral("fuzz")), twice(QStringLiteral("fuzz"));
    const tb::EventData a = readAll(bytes, -1, whole);
    const tb::EventData b = readAll(bytes, std::min<qint64>(cut, bytes.size()), twice);
    if (a.scalars.size() != b.scalars.size() || a.hparams != b.hparams || whole.offset() != twice.offset())
        abort();
    for (size_t i = 0; i < a.scalars.size(); ++i)
        if (a.scalars[i].tag != b.scalars[i].tag || a.scalars[i].step != b.scalars[i].step ||
            std::memcmp(&a.scalars[i].value, &b.scalars[i].value, sizeof(double)) != 0)
            abort();
    // Parsing a record's data on its own (the Event protobuf) never crashes either.
    QHash<QString, tb::TagKind> tags;
    tb::EventData direct;
    tb::parseEvent(bytes.constData(), size_t(bytes.size()), tags, direct);
    return 0;
}
