#include "estimate.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <set>

using namespace Qt::StringLiterals;

namespace trainyard::memory {

namespace {

struct EstimateText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::memory::EstimateText)
};

qint64 tensorBytes(const Tensor &t, int bits) {
    const int b = bits > 0 ? std::min(bits, t.bits) : t.bits;
    return t.numel * b / 8;
}

void addSizes(const Module &m, int bits, Sizes &s) {
    auto add = [&](const QString &key, qint64 b) {
        auto it = s.bytes.find(key);
        if (it == s.bytes.end()) {
            s.order << key;
            s.bytes.insert(key, b);
        } else {
            *it += b;
        }
    };
    if (!m.tensors.isEmpty()) {
        // The total, every prefix of the module's name and the module itself get its own tensors' bytes once
        // (the same keys, in the same first-seen order, as adding each tensor to every prefix of its name).
        qint64 own = 0;
        for (const Tensor &t : m.tensors)
            own += tensorBytes(t, bits);
        add({}, own);
        if (!m.name.isEmpty()) {
            for (qsizetype dot = m.name.indexOf(u'.'); dot >= 0; dot = m.name.indexOf(u'.', dot + 1))
                add(m.name.left(dot), own);
            add(m.name, own);
        }
        for (const Tensor &t : m.tensors) {
            const qint64 b = tensorBytes(t, bits);
            const QString full = m.name.isEmpty() ? t.name : m.name + u'.' + t.name;
            // a tensor name with dots of its own: the parts between the module and the tensor
            const qsizetype start = m.name.isEmpty() ? 0 : m.name.size() + 1;
            for (qsizetype dot = full.indexOf(u'.', start); dot >= 0; dot = full.indexOf(u'.', dot + 1))
                add(full.left(dot), b);
            add(full, b);
        }
    }
    for (const Module &c : m.children)
        addSizes(c, bits, s);
}

// A queue entry: a module, or one of a module's own tensors.
struct Item {
    QString name;
    const Module *module = nullptr; // null for a tensor
};

bool hasChildren(const Item &i) {
    return i.module && !i.module->children.isEmpty();
}

QList<Item> ownTensorsAndChildren(const Module &m) {
    QList<Item> out;
    for (const Tensor &t : m.tensors)
        if (!t.isBuffer)
            out << Item{m.name.isEmpty() ? t.name : m.name + u'.' + t.name, nullptr};
    for (const Module &c : m.children)
        out << Item{c.name, &c};
    return out;
}

LargestLayer maxLayer(QList<Item> work, const Sizes &sizes, const QStringList &noSplit) {
    LargestLayer best;
    std::deque<Item> q(work.begin(), work.end());
    while (!q.empty()) {
        const Item it = q.front();
        q.pop_front();
        if (!it.module || it.module->children.isEmpty() || noSplit.contains(it.module->className)) {
            const qint64 size = sizes.at(it.name);
            if (size > best.bytes) {
                best.bytes = size;
                best.names = {it.name};
            } else if (size == best.bytes) {
                best.names << it.name;
            }
        } else {
            QList<Item> children;
            for (const Module &c : it.module->children)
                children << Item{c.name, &c};
            for (auto r = children.rbegin(); r != children.rend(); ++r)
                q.push_front(*r);
        }
    }
    return best;
}

} // namespace

Sizes computeSizes(const Model &model, int bits) {
    Sizes s;
    addSizes(model.root, bits, s);
    return s;
}

LargestLayer largestLayer(const Model &model, const Sizes &sizes) {
    return maxLayer(ownTensorsAndChildren(model.root), sizes, model.noSplit);
}

std::optional<qint64> parseSize(const QString &text, QString *error) {
    static const QRegularExpression re(u"^\\s*([0-9]*\\.?[0-9]+)\\s*([KMGT]i?)([Bb])\\s*$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) {
        if (error)
            *error =
                EstimateText::tr("'%1' is not a size; write it with a unit, e.g. 8GiB or 500MB").arg(text);
        return std::nullopt;
    }
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    static const QMap<QString, double> factor = {
        {u"K"_s, 1e3},    {u"M"_s, 1e6},       {u"G"_s, 1e9},          {u"T"_s, 1e12},
        {u"Ki"_s, 1024.}, {u"Mi"_s, 1048576.}, {u"Gi"_s, 1073741824.}, {u"Ti"_s, 1099511627776.}};
    qint64 bytes = qint64(n * factor.value(unit));
    if (m.captured(3) == u"b"_s)
        bytes /= 8; // bits
    return bytes;
}

qint64 MaxMemory::of(const QString &d) const {
    for (const auto &[k, v] : devices)
        if (k == d)
            return v;
    return 0;
}

bool MaxMemory::has(const QString &d) const {
    return std::any_of(devices.begin(), devices.end(), [&](const auto &p) { return p.first == d; });
}

std::optional<MaxMemory> parseMaxMemory(const QString &text, QString *error) {
    QMap<int, qint64> gpus;
    std::optional<qint64> cpu, disk;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0) {
            if (error)
                *error = EstimateText::tr("'%1' is not DEVICE=SIZE").arg(part);
            return std::nullopt;
        }
        const QString dev = part.left(eq).trimmed();
        const auto size = parseSize(part.mid(eq + 1), error);
        if (!size)
            return std::nullopt;
        bool isInt = false;
        const int id = dev.toInt(&isInt);
        if (isInt && id >= 0)
            gpus[id] = *size;
        else if (dev == u"cpu"_s)
            cpu = *size;
        else if (dev == u"disk"_s)
            disk = *size;
        else {
            if (error)
                *error = EstimateText::tr("device '%1' is not a GPU index, cpu or disk").arg(dev);
            return std::nullopt;
        }
    }
    MaxMemory m;
    for (auto it = gpus.cbegin(); it != gpus.cend(); ++it)
        m.devices.append({QString::number(it.key()), it.value()});
    if (cpu)
        m.devices.append({u"cpu"_s, *cpu});
    if (disk)
        m.devices.append({u"disk"_s, *disk});
    return m;
}

static void cleanDeviceMap(DeviceMap &map, const QString &module) {
    const QString prefix = module.isEmpty() ? QString() : module + u'.';
    QStringList values;
    for (const auto &[k, v] : map)
        if (k.startsWith(prefix))
            values << v;
    if (!module.isEmpty() && values.size() > 1 && QSet<QString>(values.begin(), values.end()).size() == 1) {
        map.removeIf([&](const auto &p) { return p.first.startsWith(prefix); });
        map.append({module, values.first()});
    }
    const int depth = module.isEmpty() ? 1 : int(module.split(u'.').size()) + 1;
    // The children that have entries below them, in first-seen order (a child that is an entry itself has
    // nothing to merge): a flat checkpoint of many tensors is one pass, not one per tensor.
    QStringList children;
    QSet<QString> seen;
    for (const auto &[k, v] : map) {
        if (!k.startsWith(prefix) || k.size() <= module.size())
            continue;
        const QStringList parts = k.split(u'.');
        if (parts.size() <= depth)
            continue;
        const QString child = parts.mid(0, depth).join(u'.');
        if (!seen.contains(child)) {
            seen.insert(child);
            children << child;
        }
    }
    for (const QString &c : children)
        cleanDeviceMap(map, c);
}

DeviceMap inferAutoDeviceMap(const Model &model, const MaxMemory &maxMemory, int bits) {
    QStringList devices;
    for (const auto &[d, _] : maxMemory.devices)
        devices << d;
    if (!devices.contains(u"disk"_s))
        devices << u"disk"_s;
    QStringList gpus;
    for (const QString &d : devices)
        if (d != u"cpu"_s && d != u"disk"_s)
            gpus << d;
    const QStringList mainDevices =
        gpus.isEmpty() ? QStringList{u"cpu"_s} : QStringList{gpus.first(), u"cpu"_s};
    const Sizes sizes = computeSizes(model, bits);
    const QList<QStringList> &tied = model.tiedGroups;
    QList<Item> queue = ownTensorsAndChildren(model.root);
    LargestLayer max = maxLayer(queue, sizes, model.noSplit);
    // The largest layers not placed yet, sorted: a placed module takes its own name and the names under it
    // out in O(log n) (a scan of every name per placement was quadratic: 20,000 equal tensors took 5 s).
    std::set<QString> unplaced(max.names.cbegin(), max.names.cend());
    auto recomputeMax = [&] {
        QList<Item> modules;
        for (const Item &i : queue)
            if (i.module)
                modules << i;
        max = maxLayer(modules, sizes, model.noSplit);
        unplaced = std::set<QString>(max.names.cbegin(), max.names.cend());
    };
    QHash<QString, qint64> used;
    int current = 0;
    DeviceMap map;
    auto split = [&](const Item &it) {
        QList<Item> parts = ownTensorsAndChildren(*it.module);
        for (auto r = parts.rbegin(); r != parts.rend(); ++r)
            queue.prepend(*r);
    };
    while (!queue.isEmpty()) {
        const Item it = queue.takeFirst();
        unplaced.erase(it.name);
        const QString prefix = it.name + u'.';
        for (auto n = unplaced.lower_bound(prefix); n != unplaced.end() && n->startsWith(prefix);)
            n = unplaced.erase(n);
        if (unplaced.empty())
            recomputeMax();
        const qint64 size = sizes.at(it.name);
        // Tied parameters: groups partly inside this module.
        QStringList tiedParams;
        for (const QStringList &group : tied) {
            bool any = false, all = true;
            for (const QString &k : group) {
                const bool inside = QString(k + u'.').contains(it.name + u'.');
                any = any || inside;
                all = all && inside;
            }
            if (any && !all)
                for (const QString &k : group)
                    if (!QString(k + u'.').contains(it.name + u'.'))
                        tiedParams << k;
        }
        const QString dev = devices[current];
        const bool unlimited = dev == u"disk"_s;
        qint64 cap = unlimited ? std::numeric_limits<qint64>::max() : maxMemory.of(dev);
        qint64 reserved = 0;
        if (mainDevices.contains(dev) && !unlimited) {
            cap -= max.bytes;
            reserved = max.bytes;
        }
        qint64 sizeWithTies = size;
        QStringList tiedModules;
        for (const QString &p : tiedParams) {
            for (const Item &q : queue) {
                if (p.startsWith(q.name + u'.')) {
                    tiedModules << q.name;
                    sizeWithTies += sizes.at(q.name) - sizes.at(p);
                    break;
                }
            }
        }
        if (unlimited || used[dev] + sizeWithTies <= cap) {
            used[dev] += sizeWithTies;
            map.append({it.name, dev});
            for (const QString &tm : tiedModules) {
                queue.removeIf([&](const Item &q) { return q.name == tm; });
                map.append({tm, dev});
            }
            continue;
        }
        if (!tiedParams.isEmpty() && used[dev] + size <= cap) {
            bool splitOne = false;
            for (const QString &tm : tiedModules) {
                const qsizetype idx =
                    std::find_if(queue.begin(), queue.end(), [&](const Item &q) { return q.name == tm; }) -
                    queue.begin();
                if (idx >= queue.size())
                    continue;
                const Item tiedItem = queue[idx];
                if (!hasChildren(tiedItem) || model.noSplit.contains(tiedItem.module->className))
                    continue;
                queue.removeAt(idx);
                QList<Item> parts = ownTensorsAndChildren(*tiedItem.module);
                for (qsizetype k = 0; k < parts.size(); ++k)
                    queue.insert(idx + k, parts[k]);
                queue.prepend(it);
                recomputeMax();
                splitOne = true;
                break;
            }
            if (splitOne)
                continue;
        }
        if (used[dev] + size >= cap && hasChildren(it) && !model.noSplit.contains(it.module->className)) {
            split(it);
            recomputeMax();
            continue;
        }
        used[dev] += reserved;
        ++current;
        if (current >= devices.size())
            current = int(devices.size()) - 1;
        queue.prepend(it);
    }
    // A fully uniform map collapses to the whole model on one device.
    QSet<QString> values;
    for (const auto &[k, v] : map)
        values.insert(v);
    if (values.size() == 1 && !map.isEmpty())
        return DeviceMap{{QString(), *values.begin()}};
    cleanDeviceMap(map, {});
    return map;
}

MaxMemory balancedMemory(const Model &model, const MaxMemory &maxMemory, int bits, bool lowZero) {
    MaxMemory out = maxMemory;
    QList<qsizetype> gpuIdx;
    for (qsizetype i = 0; i < out.devices.size(); ++i) {
        bool isInt = false;
        out.devices[i].first.toInt(&isInt);
        if (isInt && out.devices[i].second > 0)
            gpuIdx << i;
    }
    const qsizetype n = gpuIdx.size();
    if (n == 0)
        return out;
    if (n == 1)
        lowZero = false;
    const Sizes sizes = computeSizes(model, bits);
    const qint64 total = sizes.at({});
    qint64 perGpu = total / (lowZero ? n - 1 : n);
    // The first module of each no-split class met in size order.
    qint64 buffer = 0;
    if (!model.noSplit.isEmpty()) {
        QHash<QString, QString> classOf;
        std::function<void(const Module &)> walk = [&](const Module &m) {
            classOf.insert(m.name, m.className);
            for (const Module &c : m.children)
                walk(c);
        };
        walk(model.root);
        QSet<QString> seen;
        for (const QString &k : sizes.order) {
            if (k.isEmpty())
                continue;
            const QString cls = classOf.value(k);
            if (model.noSplit.contains(cls) && !seen.contains(cls)) {
                seen.insert(cls);
                buffer = std::max(buffer, sizes.at(k));
                if (seen.size() == model.noSplit.size())
                    break;
            }
        }
    }
    // Mean size of the leaf modules (leaves once the tensors are taken away).
    auto leavesOf = [](const QStringList &keys) {
        const QSet<QString> set(keys.begin(), keys.end());
        QSet<QString> parents;
        for (const QString &k : keys) {
            const qsizetype dot = k.lastIndexOf(u'.');
            if (dot > 0)
                parents.insert(k.left(dot));
        }
        QStringList leaves;
        for (const QString &k : keys)
            if (!k.isEmpty() && !parents.contains(k))
                leaves << k;
        return leaves;
    };
    QStringList keys = sizes.order;
    keys.removeAll(QString());
    const QStringList tensors = leavesOf(keys);
    const QSet<QString> tensorSet(tensors.cbegin(), tensors.cend()); // a list's contains() was quadratic
    QStringList modules;
    for (const QString &k : keys)
        if (!tensorSet.contains(k))
            modules << k;
    const QStringList leafModules = leavesOf(modules);
    qint64 sum = 0;
    for (const QString &k : leafModules)
        sum += sizes.at(k);
    const qint64 mean = leafModules.isEmpty() ? 0 : qint64(double(sum) / double(leafModules.size()));
    buffer = qint64(1.25 * double(std::max(buffer, mean)));
    perGpu += buffer;
    for (qsizetype j = 0; j + 1 < gpuIdx.size(); ++j) {
        auto &entry = out.devices[gpuIdx[j]];
        const qint64 limit = (lowZero && j == 0) ? maxMemory.devices[gpuIdx[0]].second : perGpu;
        entry.second = std::min(limit, entry.second);
    }
    if (lowZero) {
        qint64 others = 0;
        for (qsizetype j = 1; j < gpuIdx.size(); ++j)
            others += out.devices[gpuIdx[j]].second;
        out.devices[gpuIdx[0]].second =
            std::min(std::max<qint64>(0, total - others), out.devices[gpuIdx[0]].second);
    }
    return out;
}

DeviceMap deviceMap(const Model &model, const MaxMemory &maxMemory, int bits, const QString &strategy,
                    MaxMemory *used) {
    MaxMemory mm = maxMemory;
    if (strategy == u"auto"_s || strategy == u"balanced"_s || strategy == u"balanced_low_0"_s)
        mm = balancedMemory(model, maxMemory, bits, strategy == u"balanced_low_0"_s);
    if (used)
        *used = mm;
    return inferAutoDeviceMap(model, mm, bits);
}

// Powers of 1024, labelled as such: accelerate's convert_bytes divides by 1024 too but prints "GB", so
// its 25.1 GB is 25.1 GiB (27.0 GB); Trainyard shows the same figures with their true unit.
QString formatBytes(double bytes) {
    static const char *units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    for (const char *u : units) {
        if (bytes < 1024.0) {
            const double r = std::round(bytes * 100.0) / 100.0;
            return (r == std::floor(r) && QString::fromLatin1(u) != u"bytes"_s
                        ? QString::number(r, 'f', 1)
                        : QString::number(r, 'g', QLocale::FloatingPointShortest)) +
                   u' ' + QString::fromLatin1(u);
        }
        bytes /= 1024.0;
    }
    const double r = std::round(bytes * 100.0) / 100.0;
    return (r == std::floor(r) ? QString::number(r, 'f', 1)
                               : QString::number(r, 'g', QLocale::FloatingPointShortest)) +
           u" PiB"_s;
}

QList<DtypeRow> estimateTable(const Model &model, const QStringList &dtypes) {
    const Sizes sizes = computeSizes(model, 32);
    const qint64 total = sizes.at({});
    const LargestLayer largest = largestLayer(model, sizes);
    QList<DtypeRow> rows;
    for (const QString &d : dtypes) {
        const int divisor = d == u"float16"_s || d == u"bfloat16"_s ? 2
                            : d == u"int8"_s                        ? 4
                            : d == u"int4"_s                        ? 8
                                                                    : 1;
        DtypeRow r;
        r.dtype = d;
        r.totalBytes = total / divisor;
        r.largestLayerBytes = largest.bytes / divisor;
        // accelerate's estimate_training_usage on the float32 size, shown as the largest of its terms.
        if (d == u"float32"_s)
            r.trainingAdamBytes = 4 * total; // model, gradients, 2x optimizer: max is the optimizer step (4B)
        else if (d == u"float16"_s || d == u"bfloat16"_s)
            r.trainingAdamBytes = 2 * total; // max(B, 1.5B, 2B, 2B)
        rows << r;
    }
    return rows;
}

qint64 TrainingEstimate::total() const {
    qint64 t = 0;
    for (const TrainingTerm &term : terms)
        t += term.bytes;
    return t;
}

TrainingEstimate estimateTraining(const Model &model, const TrainingSetup &s) {
    TrainingEstimate e;
    const double p = double(model.numParameters);
    const bool half =
        s.mixedPrecision == u"fp16"_s || s.mixedPrecision == u"bf16"_s || s.mixedPrecision == u"fp8"_s;
    const int n = std::max(1, s.gpus);
    // How many ways weights, gradients and optimizer states are split on one GPU.
    double wShard = 1, gShard = 1, oShard = 1;
    QString how = u"replicated on every GPU"_s;
    if (s.strategy == u"FSDP"_s) {
        const QString st = s.fsdpSharding.toUpper();
        const double ways = st.startsWith(u"HYBRID"_s) ? std::max(1, s.gpusPerNode) : n;
        if (st == u"FULL_SHARD"_s || st == u"HYBRID_SHARD"_s)
            wShard = gShard = oShard = ways;
        else if (st == u"SHARD_GRAD_OP"_s || st == u"HYBRID_SHARD_ZERO2"_s)
            gShard = oShard = ways;
        how = u"FSDP %1 over %2 GPUs"_s.arg(st).arg(ways);
    } else if (s.strategy == u"DEEPSPEED"_s) {
        if (s.zeroStage >= 1)
            oShard = n;
        if (s.zeroStage >= 2)
            gShard = n;
        if (s.zeroStage >= 3)
            wShard = n;
        how = u"DeepSpeed ZeRO-%1 over %2 GPUs"_s.arg(s.zeroStage).arg(n);
    }
    // What accelerate's mixed precision keeps: DDP and FSDP keep float32 parameters (torch.autocast; FSDP's
    // MixedPrecision casts the gathered units), DeepSpeed keeps half-precision parameters and gradients with
    // float32 master weights in its optimizer.
    const bool halfParams = half && s.strategy == u"DEEPSPEED"_s;
    const double weightBytes = halfParams ? 2 : 4;
    const double offloadParams = s.offloadParams ? 0 : 1;
    const double offloadOpt = s.offloadOptimizer ? 0 : 1;
    e.terms << TrainingTerm{u"weights"_s, qint64(p * weightBytes / wShard * offloadParams),
                            u"P x %1 bytes / %2 (%3)"_s.arg(weightBytes).arg(wShard).arg(how)};
    if (halfParams)
        e.terms << TrainingTerm{u"fp32 master weights"_s, qint64(p * 4 / oShard * offloadOpt),
                                u"P x 4 bytes / %1 (kept with the optimizer)"_s.arg(oShard)};
    // FSDP's CPUOffload(offload_params=True) moves the sharded gradients to the CPU too (the optimizer steps
    // there); the unit being reduced is part of the gathered unit below.
    const bool gradientsOffloaded = s.strategy == u"FSDP"_s && s.offloadParams;
    e.terms << TrainingTerm{u"gradients"_s, gradientsOffloaded ? 0 : qint64(p * weightBytes / gShard),
                            gradientsOffloaded
                                ? u"offloaded to the CPU with the parameters (FSDP CPUOffload)"_s
                                : u"P x %1 bytes / %2"_s.arg(weightBytes).arg(gShard)};
    e.terms << TrainingTerm{u"optimizer states (Adam)"_s, qint64(p * 8 / oShard * offloadOpt),
                            u"P x 8 bytes (two fp32 moments) / %1"_s.arg(oShard)};
    if (wShard > 1) {
        const LargestLayer l = largestLayer(model, computeSizes(model, half ? 16 : 32));
        e.terms << TrainingTerm{
            u"gathered unit"_s, 2 * l.bytes,
            u"2 x the largest unit (%1), gathered and prefetched"_s.arg(l.names.value(0))};
    }
    // Activations (Korthikanti et al. 2022, half precision): per layer s*b*h*(34 + 5*a*s/h) bytes, where the
    // 5*a*s/h term is the attention matrix that PyTorch's fused attention (SDPA, used by transformers) never
    // stores, so it is left out; with checkpointing, the 2*s*b*h input of every layer plus one layer
    // recomputed.
    qint64 hidden = 0, layerCount = 0;
    std::function<void(const Module &)> find = [&](const Module &m) {
        if (model.noSplit.contains(m.className))
            ++layerCount;
        for (const Module &c : m.children)
            find(c);
    };
    find(model.root);
    std::function<void(const Module &)> dims = [&](const Module &m) {
        for (const Module &c : m.children) {
            if (hidden == 0 && (c.name.endsWith(u"input_layernorm"_s) || c.name.endsWith(u"ln_1"_s) ||
                                c.name.endsWith(u".layer_norm"_s) || c.name.endsWith(u"output.LayerNorm"_s)))
                hidden = c.tensors.value(0).numel;
            dims(c);
        }
    };
    dims(model.root);
    if (hidden > 0 && layerCount > 0) {
        const double sbh = double(s.seqLen) * s.batchSize * double(hidden);
        const double perLayer = sbh * 34.0;
        const double act = s.activationCheckpointing ? 2.0 * sbh * double(layerCount) + perLayer
                                                     : perLayer * double(layerCount);
        e.terms << TrainingTerm{u"activations"_s, qint64(act * (half ? 1.0 : 2.0)),
                                s.activationCheckpointing
                                    ? u"2*s*b*h per layer (checkpointed) + one layer's s*b*h*(34 + 5*a*s/h)"_s
                                    : u"layers x 34*s*b*h (fused attention), s=%1 b=%2 h=%3"_s.arg(s.seqLen)
                                          .arg(s.batchSize)
                                          .arg(hidden)};
    } else {
        e.notes << EstimateText::tr(
            "activations are not estimated for this model (no transformer layers found)");
    }
    e.terms << TrainingTerm{u"CUDA context"_s, qint64(500) * 1024 * 1024, u"about 500 MiB per process"_s};
    const qint64 subtotal = e.total();
    e.terms << TrainingTerm{u"fragmentation allowance"_s, subtotal / 10, u"10% of the above"_s};
    if (s.gradientAccumulation > 1)
        e.notes << EstimateText::tr(
                       "gradient accumulation over %1 micro-batches keeps the memory of one micro-batch")
                       .arg(s.gradientAccumulation);
    return e;
}

TrainingSetup trainingSetupFor(const AccelerateConfig &c) {
    TrainingSetup setup;
    const QString dt = c.field(u"distributed_type"_s).toString();
    setup.strategy = dt == u"FSDP"_s ? u"FSDP"_s : dt == u"DEEPSPEED"_s ? u"DEEPSPEED"_s : u"DDP"_s;
    const Value np = c.field(u"num_processes"_s);
    setup.gpus = np.isInt() && np.toInt() > 0 ? int(np.toInt()) : 1;
    const Value nm = c.field(u"num_machines"_s);
    setup.gpusPerNode = std::max(1, setup.gpus / int(nm.isInt() && nm.toInt() > 0 ? nm.toInt() : 1));
    const Value mp = c.field(u"mixed_precision"_s);
    setup.mixedPrecision = mp.isString() ? mp.toString() : u"no"_s;
    Value sharding = c.field(u"fsdp_config.fsdp_sharding_strategy"_s);
    const Value reshard = c.field(u"fsdp_config.fsdp_reshard_after_forward"_s);
    if (sharding.isNull() && reshard.isString() && reshard.toString().contains(u"SHARD"_s))
        sharding = reshard; // where accelerate's FSDP1 questionnaire stores it
    if (sharding.isString())
        setup.fsdpSharding = sharding.toString();
    else if (c.field(u"fsdp_config.fsdp_version"_s).pythonStr() == u"2"_s && reshard.isBool() &&
             !reshard.toBool())
        setup.fsdpSharding = u"SHARD_GRAD_OP"_s;
    setup.activationCheckpointing = c.field(u"fsdp_config.fsdp_activation_checkpointing"_s).truthy();
    setup.zeroStage = int(c.field(u"deepspeed_config.zero_stage"_s).toInt());
    const bool fsdpOffload = c.field(u"fsdp_config.fsdp_offload_params"_s).truthy();
    setup.offloadOptimizer =
        c.field(u"deepspeed_config.offload_optimizer_device"_s).pythonStr() == u"cpu"_s || fsdpOffload;
    setup.offloadParams =
        c.field(u"deepspeed_config.offload_param_device"_s).pythonStr() == u"cpu"_s || fsdpOffload;
    const Value ga = c.field(u"deepspeed_config.gradient_accumulation_steps"_s);
    setup.gradientAccumulation = ga.isInt() ? int(ga.toInt()) : 1;
    return setup;
}

QList<StrategyEstimate> compareStrategies(const Model &model, const TrainingSetup &base) {
    QList<StrategyEstimate> out;
    const auto add = [&](const QString &label, const auto &change) {
        TrainingSetup s = base;
        s.offloadOptimizer = s.offloadParams = false;
        s.zeroStage = 0;
        s.fsdpSharding = u"FULL_SHARD"_s;
        change(s);
        out << StrategyEstimate{label, s, estimateTraining(model, s)};
    };
    add(u"DDP"_s, [](TrainingSetup &s) { s.strategy = u"DDP"_s; });
    add(u"FSDP"_s, [](TrainingSetup &s) { s.strategy = u"FSDP"_s; });
    add(u"FSDP + CPU offload"_s, [](TrainingSetup &s) {
        s.strategy = u"FSDP"_s;
        s.offloadParams = s.offloadOptimizer = true;
    });
    add(u"ZeRO-2"_s, [](TrainingSetup &s) {
        s.strategy = u"DEEPSPEED"_s;
        s.zeroStage = 2;
    });
    add(u"ZeRO-3"_s, [](TrainingSetup &s) {
        s.strategy = u"DEEPSPEED"_s;
        s.zeroStage = 3;
    });
    return out;
}

QStringList termNames(const QList<StrategyEstimate> &strategies) {
    // In the order of the estimate with the most terms (each estimate lists its terms in the same order),
    // then any others.
    QList<const StrategyEstimate *> byTerms;
    for (const StrategyEstimate &s : strategies)
        byTerms << &s;
    std::stable_sort(byTerms.begin(), byTerms.end(),
                     [](const StrategyEstimate *a, const StrategyEstimate *b) {
                         return a->estimate.terms.size() > b->estimate.terms.size();
                     });
    QStringList names;
    for (const StrategyEstimate *s : std::as_const(byTerms))
        for (const TrainingTerm &t : s->estimate.terms)
            if (!names.contains(t.name))
                names << t.name;
    return names;
}

qint64 termBytes(const TrainingEstimate &estimate, const QString &name) {
    for (const TrainingTerm &t : estimate.terms)
        if (t.name == name)
            return t.bytes;
    return -1;
}

int bitsOfDtype(const QString &dtype) {
    if (dtype == u"float16"_s || dtype == u"bfloat16"_s)
        return 16;
    if (dtype == u"int8"_s)
        return 8;
    if (dtype == u"int4"_s)
        return 4;
    return 32;
}

} // namespace trainyard::memory
