#include "tfevents.h"

#include "tensorboard.pb.h"

#include <QCoreApplication>
#include <QFile>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace trainyard::tb {

namespace {

struct TbText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::tb::TbText)
};

constexpr std::array<quint32, 256> makeTable() {
    std::array<quint32, 256> t{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        t[i] = c;
    }
    return t;
}
constexpr std::array<quint32, 256> CrcTable = makeTable();

quint64 readLe64(const char *p) {
    quint64 v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | quint8(p[i]);
    return v;
}

quint32 readLe32(const char *p) {
    quint32 v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | quint8(p[i]);
    return v;
}

double halfToDouble(quint16 h) {
    const int sign = (h >> 15) & 1, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
    double v;
    if (exponent == 0)
        v = std::ldexp(double(mantissa), -24); // subnormal
    else if (exponent == 31)
        v = mantissa ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
    else
        v = std::ldexp(double(mantissa | 0x400), exponent - 25);
    return sign ? -v : v;
}

double bfloat16ToDouble(quint16 b) {
    return double(std::bit_cast<float>(quint32(b) << 16));
}

// The one value of a tensor with a single element of a numeric type; false for anything else.
bool tensorScalar(const TensorProto &t, double *value) {
    qint64 elements = 1;
    for (const auto &d : t.tensor_shape().dim()) {
        if (d.size() != 1)
            return false;
        elements *= d.size();
    }
    if (elements != 1)
        return false;
    const std::string &raw = t.tensor_content();
    switch (t.dtype()) {
    case DT_FLOAT:
        if (raw.size() == 4) {
            *value = double(std::bit_cast<float>(readLe32(raw.data())));
            return true;
        }
        if (t.float_val_size() == 1) {
            *value = double(t.float_val(0));
            return true;
        }
        return false;
    case DT_DOUBLE:
        if (raw.size() == 8) {
            *value = std::bit_cast<double>(readLe64(raw.data()));
            return true;
        }
        if (t.double_val_size() == 1) {
            *value = t.double_val(0);
            return true;
        }
        return false;
    case DT_HALF:
    case DT_BFLOAT16: {
        quint16 bits = 0;
        if (raw.size() == 2)
            bits = quint16(quint8(raw[0]) | (quint8(raw[1]) << 8));
        else if (t.half_val_size() == 1)
            bits = quint16(t.half_val(0) & 0xffff);
        else
            return false;
        *value = t.dtype() == DT_HALF ? halfToDouble(bits) : bfloat16ToDouble(bits);
        return true;
    }
    case DT_INT32:
        if (raw.size() == 4) {
            *value = double(qint32(readLe32(raw.data())));
            return true;
        }
        if (t.int_val_size() == 1) {
            *value = double(t.int_val(0));
            return true;
        }
        return false;
    case DT_INT64:
        if (raw.size() == 8) {
            *value = double(qint64(readLe64(raw.data())));
            return true;
        }
        if (t.int64_val_size() == 1) {
            *value = double(t.int64_val(0));
            return true;
        }
        return false;
    default:
        return false;
    }
}

QString hparamText(const HParamValue &v) {
    switch (v.kind_case()) {
    case HParamValue::kNumberValue:
        return QString::number(v.number_value(), 'g', 17);
    case HParamValue::kStringValue:
        return QString::fromStdString(v.string_value());
    case HParamValue::kBoolValue:
        return v.bool_value() ? u"true"_s : u"false"_s;
    default:
        return QString();
    }
}

} // namespace

#if defined(__x86_64__)
// SSE 4.2's crc32 instruction computes CRC-32C itself, 8 bytes at a time.
__attribute__((target("sse4.2"))) static quint32 crc32cHardware(const unsigned char *p, std::size_t size,
                                                                quint32 crc) {
    quint64 c = ~crc;
    for (; size >= 8; size -= 8, p += 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        c = __builtin_ia32_crc32di(c, word);
    }
    auto c32 = quint32(c);
    for (; size > 0; --size, ++p)
        c32 = __builtin_ia32_crc32qi(c32, *p);
    return ~c32;
}
#endif

quint32 crc32c(const void *data, std::size_t size, quint32 crc) {
    const auto *p = static_cast<const unsigned char *>(data);
#if defined(__x86_64__)
    static const bool hardware = __builtin_cpu_supports("sse4.2");
    if (hardware)
        return crc32cHardware(p, size, crc);
#endif
    crc = ~crc;
    for (std::size_t i = 0; i < size; ++i)
        crc = CrcTable[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

quint32 maskedCrc(const void *data, std::size_t size) {
    const quint32 crc = crc32c(data, size);
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

bool parseEvent(const char *data, std::size_t size, QHash<QString, TagKind> &tags, EventData &out) {
    if (size > std::size_t(std::numeric_limits<int>::max()))
        return false;
    // One message per thread, cleared by each parse: its sub-messages' memory is reused, not freed and taken
    // again for every record.
    thread_local Event event;
    if (!event.ParseFromArray(data, int(size)))
        return false;
    if (!event.has_summary())
        return true;
    const double wall = event.wall_time();
    const qint64 wallMs = std::isfinite(wall) && std::abs(wall) < 9.2e15 ? qint64(wall * 1000.0) : 0;
    if (wallMs > 0) {
        if (!out.firstWallMs || wallMs < out.firstWallMs)
            out.firstWallMs = wallMs;
        out.lastWallMs = std::max(out.lastWallMs, wallMs);
    }
    for (const Summary::Value &v : event.summary().value()) {
        // Tags repeat in every event: one QString each, shared by all its points.
        auto cached =
            out.tagNames.constFind(QByteArray::fromRawData(v.tag().data(), qsizetype(v.tag().size())));
        if (cached == out.tagNames.constEnd())
            cached = out.tagNames.insert(QByteArray(v.tag().data(), qsizetype(v.tag().size())),
                                         QString::fromStdString(v.tag()));
        const QString tag = cached.value();
        if (v.has_metadata()) {
            const std::string &plugin = v.metadata().plugin_data().plugin_name();
            if (plugin == "hparams") {
                HParamsPluginData hp;
                if (hp.ParseFromString(v.metadata().plugin_data().content()) && hp.has_session_start_info())
                    for (const auto &[key, value] : hp.session_start_info().hparams())
                        out.hparams.insert(QString::fromStdString(key), hparamText(value));
                tags.insert(tag, TagKind::Other);
                continue;
            }
            if (!plugin.empty())
                tags.insert(tag, plugin == "scalars" ? TagKind::Scalar : TagKind::Other);
        }
        if (tag.isEmpty())
            continue;
        double value = 0;
        if (v.value_case() == Summary::Value::kSimpleValue) {
            value = double(v.simple_value());
        } else if (v.value_case() == Summary::Value::kTensor) {
            // A tensor is a scalar when its plugin says so, or when nothing said otherwise and it holds one
            // number (TF 2 writes the plugin only with a tag's first value).
            if (tags.value(tag, TagKind::Unknown) == TagKind::Other || !tensorScalar(v.tensor(), &value))
                continue;
        } else {
            continue;
        }
        out.scalars.push_back(Scalar{tag, event.step(), value, wallMs});
    }
    return true;
}

EventFileReader::EventFileReader(QString path)
    : m_path(std::move(path)) {}

bool EventFileReader::poll(EventData &out, QStringList *problems, QString *error) {
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = TbText::tr("%1: %2").arg(m_path, f.errorString());
        return false;
    }
    return poll(f, f.size(), out, problems);
}

bool EventFileReader::poll(QIODevice &f, qint64 size, EventData &out, QStringList *problems) {
    auto report = [&](const QString &what) {
        ++m_skipped;
        if (problems)
            problems->append(what);
    };
    std::string data;
    while (size - m_offset >= 12) {
        char header[12];
        if (!f.seek(m_offset) || f.read(header, 12) != 12)
            break;
        const quint64 length = readLe64(header);
        if (maskedCrc(header, 8) != readLe32(header + 8)) {
            // The framing is lost: the next offset whose 12 bytes make a valid header is taken as the next
            // record (a damaged byte run is skipped, a later record is kept).
            const qint64 from = m_offset;
            qint64 found = -1;
            QByteArray window;
            for (qint64 at = from + 1; found < 0 && size - at >= 12;) {
                f.seek(at);
                window = f.read(std::min<qint64>(size - at, 1 << 20));
                for (qsizetype i = 0; i + 12 <= window.size(); ++i) {
                    if (maskedCrc(window.constData() + i, 8) == readLe32(window.constData() + i + 8)) {
                        found = at + i;
                        break;
                    }
                }
                if (window.size() < 12)
                    break;
                at += window.size() - 11;
            }
            if (found < 0) {
                // Nothing valid after it yet: a later poll looks again once the file grows.
                m_tail = size - m_offset;
                if (m_tail > 11 + MaxRecordBytes) { // never a header to come: give the bytes up
                    report(TbText::tr("%1: offset %2: the record's length fails its check; %3 bytes skipped")
                               .arg(m_path)
                               .arg(from)
                               .arg(size - from));
                    m_offset = size;
                    m_tail = 0;
                }
                return true;
            }
            report(TbText::tr("%1: offset %2: the record's length fails its check; %3 bytes skipped")
                       .arg(m_path)
                       .arg(from)
                       .arg(found - from));
            m_offset = found;
            continue;
        }
        const qint64 end = m_offset + 12 + qint64(std::min<quint64>(length, quint64(1) << 62)) + 4;
        if (length > quint64(MaxRecordBytes)) {
            if (end > size)
                break; // its end is not written yet
            report(TbText::tr("%1: offset %2: a record of %3 bytes (more than %4) skipped")
                       .arg(m_path)
                       .arg(m_offset)
                       .arg(length)
                       .arg(MaxRecordBytes));
            m_offset = end;
            continue;
        }
        if (end > size)
            break; // cut off: still being written, or truncated
        data.resize(std::size_t(length) + 4);
        if (f.read(data.data(), qint64(data.size())) != qint64(data.size()))
            break;
        const qint64 at = m_offset;
        m_offset = end;
        if (maskedCrc(data.data(), std::size_t(length)) != readLe32(data.data() + length)) {
            report(
                TbText::tr("%1: offset %2: the record's data fails its check; skipped").arg(m_path).arg(at));
            continue;
        }
        if (!parseEvent(data.data(), std::size_t(length), m_tags, out)) {
            report(TbText::tr("%1: offset %2: the record is not a TensorBoard event; skipped")
                       .arg(m_path)
                       .arg(at));
            continue;
        }
        ++m_records;
    }
    m_tail = size - m_offset;
    return true;
}

bool isEventFileName(const QString &fileName) {
    return fileName.startsWith(u"events.out.tfevents."_s) && !fileName.endsWith(u".tmp"_s) &&
           !fileName.endsWith(u".part"_s);
}

} // namespace trainyard::tb
