// Memory answers for a model: accelerate's estimate-memory table, accelerate's device maps
// (infer_auto_device_map and get_balanced_memory, read from accelerate's code), and a per-GPU training
// estimate for a launch config.
#pragma once

#include "config/accelerateconfig.h"
#include "memory/model.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace trainyard::memory {

// Sizes in bytes of every module, parameter and prefix ("" is the total), in first-seen order, for a target
// dtype of `bits` per element (0: each tensor's own dtype). A target never increases a tensor's size.
struct Sizes {
    QHash<QString, qint64> bytes;
    QStringList order;
    qint64 at(const QString &name) const { return bytes.value(name, 0); }
};
Sizes computeSizes(const Model &model, int bits);

struct LargestLayer {
    qint64 bytes = 0;
    QStringList names;
};
LargestLayer largestLayer(const Model &model, const Sizes &sizes);

// accelerate's units: GiB/MiB/KiB are powers of 2, GB/MB/KB powers of 10, a lowercase trailing b means bits.
std::optional<qint64> parseSize(const QString &text, QString *error);
// "0=8GiB,1=8GiB,cpu=64GiB" -> ordered max memory (GPU ids sorted, then cpu, then disk).
struct MaxMemory {
    QList<std::pair<QString, qint64>> devices; // "0", "1", "cpu", "disk"
    qint64 of(const QString &d) const;
    bool has(const QString &d) const;
};
std::optional<MaxMemory> parseMaxMemory(const QString &text, QString *error);

using DeviceMap = QList<std::pair<QString, QString>>; // module -> "0", "cpu" or "disk", in accelerate's order

DeviceMap inferAutoDeviceMap(const Model &model, const MaxMemory &maxMemory, int bits);
MaxMemory balancedMemory(const Model &model, const MaxMemory &maxMemory, int bits, bool lowZero);
// "auto" and "balanced": balanced memory then inferAutoDeviceMap; "balanced_low_0"; "sequential".
DeviceMap deviceMap(const Model &model, const MaxMemory &maxMemory, int bits, const QString &strategy,
                    MaxMemory *used = nullptr);

// The bits per parameter of a dtype name: float32 32, float16/bfloat16 16, int8 8, int4 4 (32 otherwise).
int bitsOfDtype(const QString &dtype);

// accelerate's convert_bytes: "1023 bytes", "1.5 KB", "6.52 GB".
QString formatBytes(double bytes);

struct DtypeRow {
    QString dtype; // float32, float16, int8, int4
    qint64 totalBytes = 0;
    qint64 largestLayerBytes = 0;
    qint64 trainingAdamBytes = -1; // -1: N/A
};
QList<DtypeRow> estimateTable(const Model &model, const QStringList &dtypes);

// Per-GPU training memory for a launch configuration, each term separately (docs/MEMORY.md has the formulas).
struct TrainingSetup {
    QString strategy = QStringLiteral("DDP"); // DDP, FSDP, DEEPSPEED, NO
    QString fsdpSharding = QStringLiteral("FULL_SHARD");
    int zeroStage = 0;
    bool offloadOptimizer = false;
    bool offloadParams = false;
    QString mixedPrecision = QStringLiteral("no");
    int gpus = 1;        // processes over all machines
    int gpusPerNode = 1; // for HYBRID_SHARD
    int batchSize = 1;
    int seqLen = 2048;
    bool activationCheckpointing = false;
    int gradientAccumulation = 1;
};
struct TrainingTerm {
    QString name;
    qint64 bytes = 0;
    QString formula;
};
struct TrainingEstimate {
    QList<TrainingTerm> terms;
    qint64 total() const;
    QStringList notes;
};
TrainingEstimate estimateTraining(const Model &model, const TrainingSetup &setup);
// The same model, GPUs, precision, batch and sequence length under each strategy people weigh against each
// other: DDP, FSDP full shard, FSDP full shard with CPU offload, DeepSpeed ZeRO-2 and ZeRO-3.
struct StrategyEstimate {
    QString label; // "DDP", "FSDP", "FSDP + CPU offload", "ZeRO-2", "ZeRO-3"
    TrainingSetup setup;
    TrainingEstimate estimate;
};
QList<StrategyEstimate> compareStrategies(const Model &model, const TrainingSetup &base);
// The term names of all of them, in the order they first appear (the rows of a side-by-side table).
QStringList termNames(const QList<StrategyEstimate> &strategies);
// A term's bytes in one estimate (-1 when it has no such term; 0 when the term is there but offloaded).
qint64 termBytes(const TrainingEstimate &estimate, const QString &name);

// The setup an accelerate config describes (distributed type, processes, sharding, ZeRO stage, offload,
// precision).
TrainingSetup trainingSetupFor(const AccelerateConfig &config);

} // namespace trainyard::memory
