// Fuzzes the Hugging Face config.json reader (every supported family), then the estimates built from it: the
// dtype table, training memory for each strategy, and device maps.
#include "memory/estimate.h"
#include "memory/model.h"

using namespace trainyard;
using namespace trainyard::memory;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Model model;
    Diagnostics errors;
    if (!modelFromConfigJson(bytes, u"config.json"_s, &model, &errors))
        return 0;
    (void)estimateTable(model, {u"float32"_s, u"bfloat16"_s, u"int8"_s, u"int4"_s});
    for (const QString &strategy : {u"DDP"_s, u"FSDP"_s, u"DEEPSPEED"_s}) {
        TrainingSetup setup;
        setup.strategy = strategy;
        setup.zeroStage = 3;
        setup.gpus = 8;
        (void)estimateTraining(model, setup);
    }
    QString e;
    const auto maxMemory = parseMaxMemory(u"0=8GiB,1=8GiB,cpu=64GiB"_s, &e);
    for (const QString &strategy : {u"auto"_s, u"balanced_low_0"_s, u"sequential"_s})
        (void)deviceMap(model, *maxMemory, 16, strategy);
    return 0;
}
