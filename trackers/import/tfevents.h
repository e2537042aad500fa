// TensorBoard event files (events.out.tfevents.*): TFRecord framing with its masked CRC-32C checks, and the
// scalars and hparams in their Event records. Read incrementally, so the same reader follows a file that is
// still being written and imports a finished one. Hostile input is expected: a record whose data fails its
// check is skipped and reported, a damaged length is resynchronised past, a record cut off at the end is
// waited for, and nothing here allocates more than MaxRecordBytes for one record.
#pragma once

#include <QHash>
#include <QIODevice>
#include <QMap>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace trainyard::tb {

// CRC-32C (Castagnoli), and TFRecord's mask of it: ((crc >> 15) | (crc << 17)) + 0xa282ead8.
quint32 crc32c(const void *data, std::size_t size, quint32 crc = 0);
quint32 maskedCrc(const void *data, std::size_t size);

struct Scalar {
    QString tag;
    qint64 step = 0;
    double value = 0;
    qint64 wallMs = 0;
};

// What one file (or a run's files) gave: scalars in file order, the hparams plugin's parameters.
struct EventData {
    std::vector<Scalar> scalars;
    QMap<QString, QString> hparams;
    qint64 firstWallMs = 0, lastWallMs = 0;
    QHash<QByteArray, QString> tagNames; // each tag's text once
};

// TensorBoard writes a tag's SummaryMetadata only with its first value: what each tag turned out to be.
enum class TagKind : quint8 { Unknown, Scalar, Other };

// Appends what one record's data (a serialized Event) holds to out. False when it is not a parseable Event.
bool parseEvent(const char *data, std::size_t size, QHash<QString, TagKind> &tags, EventData &out);

class EventFileReader {
public:
    static constexpr qint64 MaxRecordBytes = 64LL << 20;

    explicit EventFileReader(QString path);
    const QString &path() const { return m_path; }

    // Reads every complete record after the last one read. A record cut off at the end of the file (still
    // being written) is left for the next call. Problems (a record skipped, with the file and its offset)
    // are appended to problems. False with error only when the file cannot be opened or read.
    bool poll(EventData &out, QStringList *problems, QString *error);
    // The same over the first `size` bytes of an open device (the file's bytes so far; tests and the fuzzer).
    bool poll(QIODevice &device, qint64 size, EventData &out, QStringList *problems);

    qint64 offset() const { return m_offset; }           // where the next record starts
    void setOffset(qint64 offset) { m_offset = offset; } // a file read from the middle (resynchronised)
    qint64 tailBytes() const {
        return m_tail;
    } // bytes after offset() at the last poll (an unfinished record)
    qint64 records() const { return m_records; } // records read whole
    qint64 skipped() const { return m_skipped; } // records or byte runs skipped as damaged

private:
    QString m_path;
    qint64 m_offset = 0, m_tail = 0, m_records = 0, m_skipped = 0;
    QHash<QString, TagKind> m_tags;
};

// True for a file name TensorBoard's writers use (events.out.tfevents.*, not a temporary or hidden file).
bool isEventFileName(const QString &fileName);

} // namespace trainyard::tb
