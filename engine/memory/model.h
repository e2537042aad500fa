// A model as the memory estimator sees it: a tree of modules with their parameters, the module classes that
// must not be split across devices, and tied parameters. Built from a Hugging Face config.json (no weights
// needed) or from safetensors headers (bounded reads, never the weights).
#pragma once

#include "config/diagnostic.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class QIODevice;

namespace trainyard::memory {

struct Tensor {
    QString name; // own name inside its module, e.g. "weight"
    qint64 numel = 0;
    int bits = 32; // bits per element as stored (safetensors) or the dtype asked for
    bool isBuffer = false;
};

struct Module {
    QString name;      // dotted path from the root ("" for the root)
    QString className; // e.g. "LlamaDecoderLayer"
    QList<Tensor> tensors;
    QList<Module> children;

    qint64 parameters() const; // recursive, tied parameters counted once by the caller's rules
};

struct Model {
    QString modelType; // "llama", ..., or "safetensors"
    QString architecture;
    Module root;
    QStringList noSplit;           // module classes accelerate keeps on one device (_no_split_modules)
    QList<QStringList> tiedGroups; // full parameter names sharing one tensor, e.g. {"lm_head.weight",
                                   // "model.embed_tokens.weight"}
    qint64 numParameters = 0;      // every parameter once (tied ones once)
    bool untiedHead = false;       // an LM head that is not tied to the embeddings
    qint64 headParameters = 0;     // its size (accelerate's estimate-memory leaves it out)
    QStringList notes;
};

// Supported families (model_type): llama, mistral, mixtral, qwen2, gemma, phi3, gpt2, gpt_neox, bert, t5.
QStringList supportedModelTypes();

// From a config.json file or a folder holding one. Errors name the file and the field.
bool modelFromConfig(const QString &path, Model *out, Diagnostics *errors);
// The same from a config.json's bytes; `file` names it in errors.
bool modelFromConfigJson(const QByteArray &json, const QString &file, Model *out, Diagnostics *errors);
// From model.safetensors, a model.safetensors.index.json, or a folder holding either. Reads headers only.
bool modelFromSafetensors(const QString &path, Model *out, Diagnostics *errors);
// A folder, a config.json, or a safetensors file / index: whichever applies (safetensors first when present).
bool loadModel(const QString &path, Model *out, Diagnostics *errors);

struct SafetensorsTensor {
    QString name;
    QString dtype;
    QList<qint64> shape;
    qint64 begin = 0, end = 0;
};
// Parses and checks one safetensors file's header (length, JSON, dtypes, offsets tiling the buffer, sizes).
bool readSafetensorsHeader(const QString &file, QList<SafetensorsTensor> *tensors, QString *error);
// The same from a device positioned at the file's start whose whole file has `size` bytes.
bool readSafetensorsHeader(QIODevice &device, qint64 size, QList<SafetensorsTensor> *tensors, QString *error);
// The module tree from checked tensors (readSafetensorsHeader's) named by dotted paths; `origin` names the
// checkpoint in errors and becomes the architecture.
bool modelFromTensors(QList<SafetensorsTensor> tensors, const QString &origin, Model *out,
                      Diagnostics *errors);
int safetensorsBits(const QString &dtype); // 0 when unknown

} // namespace trainyard::memory
