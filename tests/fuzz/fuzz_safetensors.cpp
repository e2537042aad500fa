// Fuzzes the safetensors header reader on a whole file's bytes, then builds the module tree from what it
// accepts and places it with every device_map strategy, as `estimate-memory model.safetensors` does.
#include "memory/estimate.h"
#include "memory/model.h"

#include <QBuffer>

using namespace trainyard;
using namespace trainyard::memory;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QList<SafetensorsTensor> tensors;
    QString error;
    if (!readSafetensorsHeader(buffer, qint64(size), &tensors, &error))
        return 0;
    Model model;
    Diagnostics errors;
    if (!modelFromTensors(tensors, u"fuzz.safetensors"_s, &model, &errors))
        return 0;
    (void)estimateTable(model, {u"float32"_s, u"float16"_s, u"int8"_s, u"int4"_s});
    QString e;
    const auto maxMemory = parseMaxMemory(u"0=1GiB,1=1GiB,cpu=2GiB"_s, &e);
    for (const QString &strategy : {u"auto"_s, u"balanced_low_0"_s, u"sequential"_s})
        (void)deviceMap(model, *maxMemory, 16, strategy);
    return 0;
}
