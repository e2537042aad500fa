// `trainyard estimate-memory MODEL ...`: accelerate's table, the device map, and a per-GPU training estimate.
#include "commands.h"
#include "config/accelerateconfig.h"
#include "memory/estimate.h"
#include "memory/model.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {

struct EstimateCliText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::EstimateCliText)
};

qint64 availableRam() {
    QFile f(u"/proc/meminfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("MemAvailable:"))
            return line.mid(13).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

// accelerate's box table: centred cells, columns as wide as their widest cell.
QString centre(const QString &s, qsizetype width) {
    const qsizetype left = (width - s.size()) / 2;
    QString out(left, QChar(u' '));
    out.append(s);
    out.append(QString(width - s.size() - left, QChar(u' ')));
    return out;
}

QString boxTable(const QString &title, const QStringList &header, const QList<QStringList> &rows) {
    QList<qsizetype> w;
    for (const QString &h : header)
        w << h.size() + 2;
    for (const QStringList &r : rows)
        for (qsizetype i = 0; i < r.size(); ++i)
            w[i] = std::max(w[i], r[i].size() + 2);
    qsizetype inner = -1;
    for (qsizetype x : w)
        inner += x + 1;
    if (title.size() + 2 > inner) {
        w.last() += title.size() + 2 - inner;
        inner = title.size() + 2;
    }
    auto rule = [&](char16_t l, char16_t m, char16_t r) {
        QString s;
        s.append(QChar(l));
        for (qsizetype i = 0; i < w.size(); ++i) {
            s.append(QString(w[i], QChar(u'─')));
            s.append(QChar(i + 1 < w.size() ? m : r));
        }
        s.append(QChar(u'\n'));
        return s;
    };
    auto line = [&](const QStringList &cells) {
        QString s(QChar(u'│'));
        for (qsizetype i = 0; i < cells.size(); ++i) {
            s.append(centre(cells[i], w[i]));
            s.append(QChar(u'│'));
        }
        s.append(QChar(u'\n'));
        return s;
    };
    QString out;
    out.append(QChar(u'┌'));
    out.append(QString(inner, QChar(u'─')));
    out.append(u"┐\n"_s);
    out.append(QChar(u'│'));
    out.append(centre(title, inner));
    out.append(u"│\n"_s);
    out.append(rule(u'├', u'┬', u'┤'));
    out.append(line(header));
    out.append(rule(u'├', u'┼', u'┤'));
    for (const QStringList &r : rows)
        out.append(line(r));
    out.append(rule(u'└', u'┴', u'┘'));
    return out;
}

// `--strategies`: DDP, FSDP, FSDP with CPU offload, ZeRO-2 and ZeRO-3 side by side, a row per term, the
// totals, and whether each fits GPU 0 of --max-memory. The studio's Memory tab shows the same table.
int printStrategies(const QString &modelPath, const memory::Model &model, const memory::TrainingSetup &base,
                    const std::optional<memory::MaxMemory> &maxMemory, bool json, Io &io) {
    const QList<memory::StrategyEstimate> all = memory::compareStrategies(model, base);
    const QStringList names = memory::termNames(all);
    const qint64 cap = maxMemory && maxMemory->has(u"0"_s) ? maxMemory->of(u"0"_s) : 0;
    if (json) {
        QJsonArray list;
        for (const memory::StrategyEstimate &s : all) {
            QJsonObject terms;
            for (const memory::TrainingTerm &t : s.estimate.terms)
                terms[t.name] = double(t.bytes);
            QJsonObject o{{u"label"_s, s.label},
                          {u"strategy"_s, s.setup.strategy},
                          {u"zero_stage"_s, s.setup.zeroStage},
                          {u"offload"_s, s.setup.offloadParams || s.setup.offloadOptimizer},
                          {u"terms"_s, terms},
                          {u"per_gpu_bytes"_s, double(s.estimate.total())}};
            if (cap > 0)
                o[u"fits"_s] = s.estimate.total() <= cap;
            list.append(o);
        }
        io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"model"_s, modelPath},
                                                              {u"parameters"_s, double(model.numParameters)},
                                                              {u"gpus"_s, base.gpus},
                                                              {u"mixed_precision"_s, base.mixedPrecision},
                                                              {u"batch_size"_s, base.batchSize},
                                                              {u"seq_len"_s, base.seqLen},
                                                              {u"strategies"_s, list}})
                                        .toJson(QJsonDocument::Indented));
        return 0;
    }
    QStringList header{EstimateCliText::tr("per GPU")};
    for (const memory::StrategyEstimate &s : all)
        header << s.label;
    QList<QStringList> rows;
    for (const QString &name : names) {
        QStringList row{name};
        for (const memory::StrategyEstimate &s : all) {
            const qint64 bytes = memory::termBytes(s.estimate, name);
            row << (bytes < 0 ? u"-"_s : memory::formatBytes(double(bytes)));
        }
        rows << row;
    }
    QStringList total{EstimateCliText::tr("total")};
    for (const memory::StrategyEstimate &s : all)
        total << memory::formatBytes(double(s.estimate.total()));
    rows << total;
    if (cap > 0) {
        QStringList fits{EstimateCliText::tr("fits %1").arg(memory::formatBytes(double(cap)))};
        for (const memory::StrategyEstimate &s : all)
            fits << (s.estimate.total() <= cap ? EstimateCliText::tr("yes") : EstimateCliText::tr("no"));
        rows << fits;
    }
    io.out << boxTable(EstimateCliText::tr("Training memory per GPU for `%1`").arg(modelPath), header, rows);
    io.out << EstimateCliText::tr("%1 GPU(s), mixed precision %2, batch %3 x %4 tokens, Adam")
                  .arg(base.gpus)
                  .arg(base.mixedPrecision)
                  .arg(base.batchSize)
                  .arg(base.seqLen)
           << '\n';
    return 0;
}

} // namespace

int estimateMemoryCommand(const QStringList &args, Io &io) {
    QString modelPath, dtype, maxMemoryText, strategy = u"auto"_s, configFile, precision;
    bool json = false, strategiesTable = false;
    int batch = 1, seq = 2048, processes = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&]() { return i + 1 < args.size() ? args[++i] : QString(); };
        if (a == u"--json"_s)
            json = true;
        else if (a == u"--dtype"_s)
            dtype = value();
        else if (a == u"--max-memory"_s || a == u"--max_memory"_s)
            maxMemoryText = value();
        else if (a == u"--device-map"_s || a == u"--device_map"_s)
            strategy = value();
        else if (a == u"--config_file"_s || a == u"--config-file"_s)
            configFile = value();
        else if (a == u"--batch-size"_s)
            batch = value().toInt();
        else if (a == u"--seq-len"_s)
            seq = value().toInt();
        else if (a == u"--strategies"_s)
            strategiesTable = true;
        else if (a == u"--num_processes"_s || a == u"--num-processes"_s)
            processes = value().toInt();
        else if (a == u"--mixed_precision"_s || a == u"--mixed-precision"_s)
            precision = value();
        else if (modelPath.isEmpty() && !a.startsWith(u'-'))
            modelPath = a;
        else {
            io.err << EstimateCliText::tr("trainyard estimate-memory: unexpected argument %1").arg(a) << '\n';
            return 2;
        }
    }
    static const QStringList dtypes = {u"float32"_s, u"float16"_s, u"int8"_s, u"int4"_s};
    static const QStringList strategies = {u"auto"_s, u"balanced"_s, u"balanced_low_0"_s, u"sequential"_s};
    static const QStringList precisions = {u"no"_s, u"fp16"_s, u"bf16"_s, u"fp8"_s};
    if (modelPath.isEmpty() || (!dtype.isEmpty() && !dtypes.contains(dtype) && dtype != u"bfloat16"_s) ||
        !strategies.contains(strategy) || batch < 1 || seq < 1 || processes < 0 ||
        (!precision.isEmpty() && !precisions.contains(precision))) {
        io.err << EstimateCliText::tr(
                      "usage: trainyard estimate-memory MODEL [--json] [--dtype "
                      "float32|float16|bfloat16|int8|int4]\n"
                      "       [--max-memory 0=8GiB,1=8GiB,cpu=64GiB] [--device-map "
                      "auto|balanced|balanced_low_0|sequential]\n"
                      "       [--config_file F] [--batch-size N] [--seq-len L]\n"
                      "       [--strategies] [--num_processes N] [--mixed_precision no|fp16|bf16|fp8]")
               << '\n';
        return 2;
    }
    memory::Model model;
    Diagnostics errors;
    if (!memory::loadModel(modelPath, &model, &errors)) {
        for (const Diagnostic &d : errors)
            io.err << d.format() << '\n';
        return 1;
    }
    QString error;
    memory::MaxMemory maxMemory;
    if (!maxMemoryText.isEmpty()) {
        const auto mm = memory::parseMaxMemory(maxMemoryText, &error);
        if (!mm) {
            io.err << EstimateCliText::tr("trainyard estimate-memory: --max-memory: %1").arg(error) << '\n';
            return 2;
        }
        maxMemory = *mm;
    } else {
        maxMemory.devices.append({u"cpu"_s, availableRam()});
    }
    const QStringList shown = dtype.isEmpty() ? dtypes : QStringList{dtype};
    const QList<memory::DtypeRow> table = memory::estimateTable(model, shown);
    const memory::LargestLayer largest = memory::largestLayer(model, memory::computeSizes(model, 32));
    const int mapBits = memory::bitsOfDtype(dtype.isEmpty() ? u"float32"_s : dtype);
    memory::MaxMemory usedMemory;
    const memory::DeviceMap map = memory::deviceMap(model, maxMemory, mapBits, strategy, &usedMemory);

    memory::TrainingSetup setup;
    if (!configFile.isEmpty()) {
        const AccelerateConfig c = AccelerateConfig::load(configFile);
        if (!c.isLoaded()) {
            for (const Diagnostic &d : c.loadDiagnostics())
                io.err << d.format() << '\n';
            return 1;
        }
        setup = memory::trainingSetupFor(c);
    }
    setup.batchSize = batch;
    setup.seqLen = seq;
    if (processes > 0)
        setup.gpus = processes;
    if (!precision.isEmpty())
        setup.mixedPrecision = precision;
    if (strategiesTable)
        return printStrategies(modelPath, model, setup,
                               maxMemoryText.isEmpty() ? std::optional<memory::MaxMemory>()
                                                       : std::optional(maxMemory),
                               json, io);
    const memory::TrainingEstimate training = memory::estimateTraining(model, setup);
    QStringList notes = model.notes + training.notes;
    if (model.untiedHead)
        notes << EstimateCliText::tr(
                     "counts the untied LM head (%1 parameters), which accelerate estimate-memory leaves "
                     "out because it sizes the base AutoModel")
                     .arg(model.headParameters);

    if (json) {
        QJsonObject o;
        o[u"model"_s] = modelPath;
        o[u"model_type"_s] = model.modelType;
        o[u"architecture"_s] = model.architecture;
        o[u"parameters"_s] = double(model.numParameters);
        QJsonObject d;
        for (const memory::DtypeRow &r : table)
            d[r.dtype] = QJsonObject{
                {u"total_bytes"_s, double(r.totalBytes)},
                {u"largest_layer_bytes"_s, double(r.largestLayerBytes)},
                {u"largest_layer"_s, QJsonArray::fromStringList(largest.names)},
                {u"training_adam_bytes"_s,
                 r.trainingAdamBytes < 0 ? QJsonValue() : QJsonValue(double(r.trainingAdamBytes))}};
        o[u"dtypes"_s] = d;
        QJsonObject dm;
        for (const auto &[k, v] : map) {
            bool isInt = false;
            const int id = v.toInt(&isInt);
            dm[k] = isInt ? QJsonValue(id) : QJsonValue(v);
        }
        o[u"device_map"_s] = dm;
        o[u"device_map_strategy"_s] = strategy;
        QJsonObject mm;
        for (const auto &[k, v] : usedMemory.devices)
            mm[k] = double(v);
        o[u"max_memory"_s] = mm;
        QJsonArray terms;
        for (const memory::TrainingTerm &t : training.terms)
            terms.append(
                QJsonObject{{u"name"_s, t.name}, {u"bytes"_s, double(t.bytes)}, {u"formula"_s, t.formula}});
        QJsonObject tr{{u"strategy"_s, setup.strategy},
                       {u"gpus"_s, setup.gpus},
                       {u"mixed_precision"_s, setup.mixedPrecision},
                       {u"batch_size"_s, setup.batchSize},
                       {u"seq_len"_s, setup.seqLen},
                       {u"terms"_s, terms},
                       {u"per_gpu_bytes"_s, double(training.total())}};
        if (maxMemory.has(u"0"_s)) {
            const qint64 cap = maxMemory.of(u"0"_s);
            tr[u"fits"_s] = training.total() <= cap;
            tr[u"headroom_bytes"_s] = double(cap - training.total());
        }
        o[u"training"_s] = tr;
        o[u"notes"_s] = QJsonArray::fromStringList(notes);
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return 0;
    }
    QList<QStringList> rows;
    for (const memory::DtypeRow &r : table)
        rows << QStringList{r.dtype, memory::formatBytes(double(r.largestLayerBytes)),
                            memory::formatBytes(double(r.totalBytes)),
                            r.trainingAdamBytes < 0 ? u"N/A"_s
                                                    : memory::formatBytes(double(r.trainingAdamBytes))};
    io.out << boxTable(EstimateCliText::tr("Memory Usage for loading `%1`").arg(modelPath),
                       {u"dtype"_s, u"Largest Layer"_s, u"Total Size"_s, u"Training using Adam"_s}, rows);
    io.out << EstimateCliText::tr("parameters: %1 (%2)").arg(model.numParameters).arg(model.architecture)
           << '\n';
    io.out << EstimateCliText::tr("largest layer: %1").arg(largest.names.join(u", "_s)) << '\n';
    io.out << '\n' << EstimateCliText::tr("device_map (%1):").arg(strategy) << '\n';
    for (const auto &[k, v] : map)
        io.out << "  " << (k.isEmpty() ? u"\"\""_s : k) << ": " << v << '\n';
    io.out << '\n'
           << EstimateCliText::tr(
                  "training memory per GPU: %1, %2 GPU(s), mixed precision %3, batch %4 x %5 tokens")
                  .arg(setup.strategy)
                  .arg(setup.gpus)
                  .arg(setup.mixedPrecision)
                  .arg(setup.batchSize)
                  .arg(setup.seqLen)
           << '\n';
    for (const memory::TrainingTerm &t : training.terms)
        io.out << "  " << t.name.leftJustified(26) << memory::formatBytes(double(t.bytes)).rightJustified(10)
               << "   " << t.formula << '\n';
    io.out << "  " << EstimateCliText::tr("total").leftJustified(26)
           << memory::formatBytes(double(training.total())).rightJustified(10) << '\n';
    if (maxMemory.has(u"0"_s)) {
        const qint64 cap = maxMemory.of(u"0"_s);
        io.out << (training.total() <= cap ? EstimateCliText::tr("fits on GPU 0 (%1) with %2 to spare")
                                                 .arg(memory::formatBytes(double(cap)),
                                                      memory::formatBytes(double(cap - training.total())))
                                           : EstimateCliText::tr("does NOT fit on GPU 0 (%1): %2 short")
                                                 .arg(memory::formatBytes(double(cap)),
                                                      memory::formatBytes(double(training.total() - cap))))
               << '\n';
    }
    for (const QString &n : notes)
        io.out << EstimateCliText::tr("note: %1").arg(n) << '\n';
    return 0;
}

} // namespace trainyard::cli
