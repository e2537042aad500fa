#include "model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trainyard::memory {

namespace {

struct ModelText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::memory::ModelText)
};

Diagnostic error(const QString &file, const QString &field, const QString &message) {
    return Diagnostic{Diagnostic::Severity::Error, file, {}, field, message};
}

// ---- builders ----

Module mod(const QString &name, const QString &cls = {}) {
    return Module{name, cls, {}, {}};
}

QString join(const QString &a, const QString &b) {
    return a.isEmpty() ? b : a + u'.' + b;
}

Module linear(const QString &parent, const QString &name, qint64 in, qint64 out, bool bias) {
    Module m = mod(join(parent, name), u"Linear"_s);
    m.tensors << Tensor{u"weight"_s, in * out, 32, false};
    if (bias)
        m.tensors << Tensor{u"bias"_s, out, 32, false};
    return m;
}

Module norm(const QString &parent, const QString &name, qint64 h, bool bias, const QString &cls) {
    Module m = mod(join(parent, name), cls);
    m.tensors << Tensor{u"weight"_s, h, 32, false};
    if (bias)
        m.tensors << Tensor{u"bias"_s, h, 32, false};
    return m;
}

Module embedding(const QString &parent, const QString &name, qint64 n, qint64 h) {
    Module m = mod(join(parent, name), u"Embedding"_s);
    m.tensors << Tensor{u"weight"_s, n * h, 32, false};
    return m;
}

// More layers than any model has (the deepest released ones have under 200): the module tree of each is
// built, so a config's layer count is bounded (1e9 layers took over 3 GB and 12 s before it was refused; 1e5
// layers of 8 experts, 3.1M tensors, still took over 10 s per estimate; 1024 layers take about 2.5 s of every
// estimate under ASan).
constexpr qint64 MaxLayers = 1024;
// Experts in all layers together (Mixtral 8x22B has 56 x 8): each is three linear modules, so this bounds a
// mixtral config's tree as MaxLayers bounds a dense one (16,384 blocks took 19 s under ASan, 4,096 about 6
// s).
constexpr qint64 MaxExpertBlocks = 2048;
// Tensors in the whole tree, whatever the family (Llama 3.1 405B has 1,138, Mixtral 8x22B 1,739): every
// estimate walks them several times, and 10,000 take about 3 s of the estimates together under ASan.
constexpr qint64 MaxTensors = 10000;

qint64 countTensors(const Module &m) {
    qint64 n = m.tensors.size();
    for (const Module &c : m.children)
        n += countTensors(c);
    return n;
}

struct Cfg {
    QJsonObject o;
    QString file;
    Diagnostics *errors;
    bool ok = true;

    // A positive integer up to max (sizes beyond it describe no real model, and would only exhaust memory).
    qint64 integer(const char *key, qint64 def = -1, qint64 max = qint64(1) << 40) {
        const QJsonValue v = o.value(QString::fromLatin1(key));
        if (v.isDouble() && v.toDouble() > 0 && v.toDouble() <= double(max) &&
            v.toDouble() == double(qint64(v.toDouble())))
            return qint64(v.toDouble());
        if (v.isDouble() && v.toDouble() > double(max)) {
            ok = false;
            errors->append(error(file, QString::fromLatin1(key),
                                 ModelText::tr("%1 is %2; at most %3 is accepted")
                                     .arg(QString::fromLatin1(key))
                                     .arg(v.toDouble())
                                     .arg(max)));
            return 1;
        }
        if ((v.isUndefined() || v.isNull()) && def >= 0)
            return def;
        ok = false;
        errors->append(error(
            file, QString::fromLatin1(key),
            v.isUndefined() ? ModelText::tr("%1 is missing").arg(QString::fromLatin1(key))
                            : ModelText::tr("%1 must be a positive integer").arg(QString::fromLatin1(key))));
        return 1;
    }
    bool boolean(const char *key, bool def) const {
        const QJsonValue v = o.value(QString::fromLatin1(key));
        return v.isBool() ? v.toBool() : def;
    }
};

// llama, mistral, mixtral, qwen2, gemma, phi3: decoder-only transformers in transformers' "model.layers"
// layout.
bool buildDecoder(Cfg &c, const QString &type, Model *m) {
    static const QMap<QString, QString> prefix = {{u"llama"_s, u"Llama"_s},     {u"mistral"_s, u"Mistral"_s},
                                                  {u"mixtral"_s, u"Mixtral"_s}, {u"qwen2"_s, u"Qwen2"_s},
                                                  {u"gemma"_s, u"Gemma"_s},     {u"phi3"_s, u"Phi3"_s}};
    const QString p = prefix.value(type);
    const qint64 vocab = c.integer("vocab_size");
    const qint64 h = c.integer("hidden_size");
    const qint64 inter = c.integer("intermediate_size");
    const qint64 layers = c.integer("num_hidden_layers", -1, MaxLayers);
    const qint64 heads = c.integer("num_attention_heads");
    const qint64 kv = c.integer("num_key_value_heads", heads);
    const qint64 headDim = c.integer("head_dim", heads > 0 ? h / std::max<qint64>(heads, 1) : 1);
    const qint64 experts = type == u"mixtral"_s ? c.integer("num_local_experts", 8, MaxExpertBlocks) : 0;
    if (c.ok && layers * experts > MaxExpertBlocks) {
        c.ok = false;
        c.errors->append(
            error(c.file, u"num_local_experts"_s,
                  ModelText::tr("%1 layers of %2 experts make %3 expert blocks; at most %4 are accepted")
                      .arg(layers)
                      .arg(experts)
                      .arg(layers * experts)
                      .arg(MaxExpertBlocks)));
    }
    if (!c.ok)
        return false;
    const bool tie = c.boolean("tie_word_embeddings", type == u"gemma"_s);
    const bool qkvBias = type == u"qwen2"_s || c.boolean("attention_bias", false);
    const bool mlpBias = c.boolean("mlp_bias", false);
    const QString norm_ = p + u"RMSNorm"_s;
    m->architecture = p + u"ForCausalLM"_s;
    m->noSplit = {p + u"DecoderLayer"_s};
    Module model = mod(u"model"_s, p + u"Model"_s);
    model.children << embedding(u"model"_s, u"embed_tokens"_s, vocab, h);
    Module list = mod(u"model.layers"_s, u"ModuleList"_s);
    for (qint64 i = 0; i < layers; ++i) {
        const QString ln = u"model.layers.%1"_s.arg(i);
        Module layer = mod(ln, p + u"DecoderLayer"_s);
        Module attn = mod(ln + u".self_attn"_s, p + u"Attention"_s);
        if (type == u"phi3"_s) {
            attn.children << linear(attn.name, u"qkv_proj"_s, h, heads * headDim + 2 * kv * headDim, false);
        } else {
            attn.children << linear(attn.name, u"q_proj"_s, h, heads * headDim, qkvBias)
                          << linear(attn.name, u"k_proj"_s, h, kv * headDim, qkvBias)
                          << linear(attn.name, u"v_proj"_s, h, kv * headDim, qkvBias);
        }
        attn.children << linear(attn.name, u"o_proj"_s, heads * headDim, h, type == u"llama"_s && qkvBias);
        layer.children << attn;
        if (type == u"mixtral"_s) {
            Module moe = mod(ln + u".block_sparse_moe"_s, u"MixtralSparseMoeBlock"_s);
            moe.children << linear(moe.name, u"gate"_s, h, experts, false);
            Module ex = mod(moe.name + u".experts"_s, u"ModuleList"_s);
            for (qint64 e = 0; e < experts; ++e) {
                Module expert = mod(ex.name + u".%1"_s.arg(e), u"MixtralBlockSparseTop2MLP"_s);
                expert.children << linear(expert.name, u"w1"_s, h, inter, false)
                                << linear(expert.name, u"w2"_s, inter, h, false)
                                << linear(expert.name, u"w3"_s, h, inter, false);
                ex.children << expert;
            }
            moe.children << ex;
            layer.children << moe;
        } else {
            Module mlp = mod(ln + u".mlp"_s, p + u"MLP"_s);
            if (type == u"phi3"_s)
                mlp.children << linear(mlp.name, u"gate_up_proj"_s, h, 2 * inter, false);
            else
                mlp.children << linear(mlp.name, u"gate_proj"_s, h, inter, mlpBias)
                             << linear(mlp.name, u"up_proj"_s, h, inter, mlpBias);
            mlp.children << linear(mlp.name, u"down_proj"_s, inter, h, mlpBias);
            layer.children << mlp;
        }
        layer.children << norm(ln, u"input_layernorm"_s, h, false, norm_)
                       << norm(ln, u"post_attention_layernorm"_s, h, false, norm_);
        list.children << layer;
    }
    model.children << list << norm(u"model"_s, u"norm"_s, h, false, norm_);
    m->root.children << model;
    if (tie) {
        m->root.children << mod(u"lm_head"_s, u"Linear"_s); // its weight is model.embed_tokens.weight
        m->tiedGroups << QStringList{u"lm_head.weight"_s, u"model.embed_tokens.weight"_s};
    } else {
        m->root.children << linear({}, u"lm_head"_s, h, vocab, false);
        m->untiedHead = true;
        m->headParameters = h * vocab;
    }
    return true;
}

bool buildGpt2(Cfg &c, Model *m) {
    const qint64 vocab = c.integer("vocab_size", 50257);
    const qint64 pos = c.integer("n_positions", 1024);
    const qint64 e = c.integer("n_embd", 768);
    const qint64 layers = c.integer("n_layer", 12, MaxLayers);
    if (!c.ok)
        return false;
    // n_inner: null means 4 x n_embd; a value is checked like every other size (1e300 was taken as is).
    const qint64 inner = c.integer("n_inner", 4 * e);
    if (!c.ok)
        return false;
    m->architecture = u"GPT2LMHeadModel"_s;
    m->noSplit = {u"GPT2Block"_s};
    Module t = mod(u"transformer"_s, u"GPT2Model"_s);
    t.children << embedding(u"transformer"_s, u"wte"_s, vocab, e)
               << embedding(u"transformer"_s, u"wpe"_s, pos, e);
    Module h = mod(u"transformer.h"_s, u"ModuleList"_s);
    for (qint64 i = 0; i < layers; ++i) {
        const QString n = u"transformer.h.%1"_s.arg(i);
        Module block = mod(n, u"GPT2Block"_s);
        Module attn = mod(n + u".attn"_s, u"GPT2Attention"_s);
        attn.children << linear(attn.name, u"c_attn"_s, e, 3 * e, true)
                      << linear(attn.name, u"c_proj"_s, e, e, true);
        Module mlp = mod(n + u".mlp"_s, u"GPT2MLP"_s);
        mlp.children << linear(mlp.name, u"c_fc"_s, e, inner, true)
                     << linear(mlp.name, u"c_proj"_s, inner, e, true);
        block.children << norm(n, u"ln_1"_s, e, true, u"LayerNorm"_s) << attn
                       << norm(n, u"ln_2"_s, e, true, u"LayerNorm"_s) << mlp;
        h.children << block;
    }
    t.children << h << norm(u"transformer"_s, u"ln_f"_s, e, true, u"LayerNorm"_s);
    m->root.children << t << mod(u"lm_head"_s, u"Linear"_s);
    m->tiedGroups << QStringList{u"lm_head.weight"_s, u"transformer.wte.weight"_s};
    return true;
}

bool buildNeox(Cfg &c, Model *m) {
    const qint64 vocab = c.integer("vocab_size");
    const qint64 h = c.integer("hidden_size");
    const qint64 inter = c.integer("intermediate_size");
    const qint64 layers = c.integer("num_hidden_layers", -1, MaxLayers);
    if (!c.ok)
        return false;
    const bool tie = c.boolean("tie_word_embeddings", false);
    m->architecture = u"GPTNeoXForCausalLM"_s;
    m->noSplit = {u"GPTNeoXLayer"_s};
    Module g = mod(u"gpt_neox"_s, u"GPTNeoXModel"_s);
    g.children << embedding(u"gpt_neox"_s, u"embed_in"_s, vocab, h);
    Module list = mod(u"gpt_neox.layers"_s, u"ModuleList"_s);
    for (qint64 i = 0; i < layers; ++i) {
        const QString n = u"gpt_neox.layers.%1"_s.arg(i);
        Module layer = mod(n, u"GPTNeoXLayer"_s);
        Module attn = mod(n + u".attention"_s, u"GPTNeoXAttention"_s);
        attn.children << linear(attn.name, u"query_key_value"_s, h, 3 * h, true)
                      << linear(attn.name, u"dense"_s, h, h, true);
        Module mlp = mod(n + u".mlp"_s, u"GPTNeoXMLP"_s);
        mlp.children << linear(mlp.name, u"dense_h_to_4h"_s, h, inter, true)
                     << linear(mlp.name, u"dense_4h_to_h"_s, inter, h, true);
        layer.children << norm(n, u"input_layernorm"_s, h, true, u"LayerNorm"_s)
                       << norm(n, u"post_attention_layernorm"_s, h, true, u"LayerNorm"_s) << attn << mlp;
        list.children << layer;
    }
    g.children << list << norm(u"gpt_neox"_s, u"final_layer_norm"_s, h, true, u"LayerNorm"_s);
    m->root.children << g;
    if (tie) {
        m->root.children << mod(u"embed_out"_s, u"Linear"_s);
        m->tiedGroups << QStringList{u"embed_out.weight"_s, u"gpt_neox.embed_in.weight"_s};
    } else {
        m->root.children << linear({}, u"embed_out"_s, h, vocab, false);
        m->untiedHead = true;
        m->headParameters = h * vocab;
    }
    return true;
}

bool buildBert(Cfg &c, Model *m) {
    const qint64 vocab = c.integer("vocab_size");
    const qint64 h = c.integer("hidden_size");
    const qint64 inter = c.integer("intermediate_size");
    const qint64 layers = c.integer("num_hidden_layers", -1, MaxLayers);
    const qint64 pos = c.integer("max_position_embeddings", 512);
    const qint64 types = c.integer("type_vocab_size", 2);
    if (!c.ok)
        return false;
    m->architecture = u"BertModel"_s;
    m->noSplit = {u"BertEmbeddings"_s, u"BertLayer"_s};
    Module emb = mod(u"embeddings"_s, u"BertEmbeddings"_s);
    emb.children << embedding(u"embeddings"_s, u"word_embeddings"_s, vocab, h)
                 << embedding(u"embeddings"_s, u"position_embeddings"_s, pos, h)
                 << embedding(u"embeddings"_s, u"token_type_embeddings"_s, types, h)
                 << norm(u"embeddings"_s, u"LayerNorm"_s, h, true, u"LayerNorm"_s);
    Module enc = mod(u"encoder"_s, u"BertEncoder"_s);
    Module list = mod(u"encoder.layer"_s, u"ModuleList"_s);
    for (qint64 i = 0; i < layers; ++i) {
        const QString n = u"encoder.layer.%1"_s.arg(i);
        Module layer = mod(n, u"BertLayer"_s);
        Module attention = mod(n + u".attention"_s, u"BertAttention"_s);
        Module self = mod(attention.name + u".self"_s, u"BertSelfAttention"_s);
        self.children << linear(self.name, u"query"_s, h, h, true) << linear(self.name, u"key"_s, h, h, true)
                      << linear(self.name, u"value"_s, h, h, true);
        Module out = mod(attention.name + u".output"_s, u"BertSelfOutput"_s);
        out.children << linear(out.name, u"dense"_s, h, h, true)
                     << norm(out.name, u"LayerNorm"_s, h, true, u"LayerNorm"_s);
        attention.children << self << out;
        Module intermediate = mod(n + u".intermediate"_s, u"BertIntermediate"_s);
        intermediate.children << linear(intermediate.name, u"dense"_s, h, inter, true);
        Module output = mod(n + u".output"_s, u"BertOutput"_s);
        output.children << linear(output.name, u"dense"_s, inter, h, true)
                        << norm(output.name, u"LayerNorm"_s, h, true, u"LayerNorm"_s);
        layer.children << attention << intermediate << output;
        list.children << layer;
    }
    enc.children << list;
    Module pooler = mod(u"pooler"_s, u"BertPooler"_s);
    pooler.children << linear(u"pooler"_s, u"dense"_s, h, h, true);
    m->root.children << emb << enc << pooler;
    return true;
}

bool buildT5(Cfg &c, Model *m) {
    const qint64 vocab = c.integer("vocab_size");
    const qint64 d = c.integer("d_model");
    const qint64 dkv = c.integer("d_kv", 64);
    const qint64 ff = c.integer("d_ff");
    const qint64 layers = c.integer("num_layers", -1, MaxLayers);
    const qint64 decLayers = c.integer("num_decoder_layers", layers, MaxLayers);
    const qint64 heads = c.integer("num_heads");
    const qint64 buckets = c.integer("relative_attention_num_buckets", 32);
    if (c.ok && layers + decLayers > MaxLayers) { // the bound is on the tree: encoder and decoder together
        c.ok = false;
        c.errors->append(
            error(c.file, u"num_decoder_layers"_s,
                  ModelText::tr("%1 encoder and %2 decoder layers make %3; at most %4 are accepted")
                      .arg(layers)
                      .arg(decLayers)
                      .arg(layers + decLayers)
                      .arg(MaxLayers)));
    }
    if (!c.ok)
        return false;
    const bool gated = c.o.value(u"feed_forward_proj"_s).toString().startsWith(u"gated"_s);
    const bool tie = c.boolean("tie_word_embeddings", true);
    const qint64 inner = heads * dkv;
    m->architecture = u"T5ForConditionalGeneration"_s;
    m->noSplit = {u"T5Block"_s};
    m->root.children << embedding({}, u"shared"_s, vocab, d);
    auto attention = [&](const QString &parent, const QString &name, bool relative) {
        Module a = mod(join(parent, name), u"T5Attention"_s);
        a.children << linear(a.name, u"q"_s, d, inner, false) << linear(a.name, u"k"_s, d, inner, false)
                   << linear(a.name, u"v"_s, d, inner, false) << linear(a.name, u"o"_s, inner, d, false);
        if (relative)
            a.children << embedding(a.name, u"relative_attention_bias"_s, buckets, heads);
        return a;
    };
    for (const bool decoder : {false, true}) {
        const QString stack = decoder ? u"decoder"_s : u"encoder"_s;
        Module s = mod(stack, u"T5Stack"_s);
        s.children << mod(stack + u".embed_tokens"_s, u"Embedding"_s); // the shared embedding
        Module blocks = mod(stack + u".block"_s, u"ModuleList"_s);
        for (qint64 i = 0; i < (decoder ? decLayers : layers); ++i) {
            const QString n = stack + u".block.%1"_s.arg(i);
            Module block = mod(n, u"T5Block"_s);
            Module list = mod(n + u".layer"_s, u"ModuleList"_s);
            Module self = mod(n + u".layer.0"_s, u"T5LayerSelfAttention"_s);
            self.children << attention(self.name, u"SelfAttention"_s, i == 0)
                          << norm(self.name, u"layer_norm"_s, d, false, u"T5LayerNorm"_s);
            list.children << self;
            int next = 1;
            if (decoder) {
                Module cross = mod(n + u".layer.1"_s, u"T5LayerCrossAttention"_s);
                cross.children << attention(cross.name, u"EncDecAttention"_s, false)
                               << norm(cross.name, u"layer_norm"_s, d, false, u"T5LayerNorm"_s);
                list.children << cross;
                next = 2;
            }
            Module ffLayer = mod(n + u".layer.%1"_s.arg(next), u"T5LayerFF"_s);
            Module dense = mod(ffLayer.name + u".DenseReluDense"_s,
                               gated ? u"T5DenseGatedActDense"_s : u"T5DenseActDense"_s);
            if (gated)
                dense.children << linear(dense.name, u"wi_0"_s, d, ff, false)
                               << linear(dense.name, u"wi_1"_s, d, ff, false);
            else
                dense.children << linear(dense.name, u"wi"_s, d, ff, false);
            dense.children << linear(dense.name, u"wo"_s, ff, d, false);
            ffLayer.children << dense << norm(ffLayer.name, u"layer_norm"_s, d, false, u"T5LayerNorm"_s);
            list.children << ffLayer;
            block.children << list;
            blocks.children << block;
        }
        s.children << blocks << norm(stack, u"final_layer_norm"_s, d, false, u"T5LayerNorm"_s);
        m->root.children << s;
    }
    QStringList tied = {u"decoder.embed_tokens.weight"_s, u"encoder.embed_tokens.weight"_s,
                        u"shared.weight"_s};
    if (tie) {
        m->root.children << mod(u"lm_head"_s, u"Linear"_s);
        tied << u"lm_head.weight"_s;
    } else {
        m->root.children << linear({}, u"lm_head"_s, d, vocab, false);
        m->untiedHead = true;
        m->headParameters = d * vocab;
    }
    tied.sort();
    m->tiedGroups << tied;
    return true;
}

qint64 countParameters(const Module &m) {
    qint64 n = 0;
    for (const Tensor &t : m.tensors)
        if (!t.isBuffer)
            n += t.numel;
    for (const Module &c : m.children)
        n += countParameters(c);
    return n;
}

} // namespace

qint64 Module::parameters() const {
    return countParameters(*this);
}

QStringList supportedModelTypes() {
    return {u"llama"_s, u"mistral"_s, u"mixtral"_s,  u"qwen2"_s, u"gemma"_s,
            u"phi3"_s,  u"gpt2"_s,    u"gpt_neox"_s, u"bert"_s,  u"t5"_s};
}

bool modelFromConfig(const QString &path, Model *out, Diagnostics *errors) {
    const QString file = QFileInfo(path).isDir() ? QDir(path).filePath(u"config.json"_s) : path;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append(error(file, {}, ModelText::tr("cannot read: %1").arg(f.errorString())));
        return false;
    }
    return modelFromConfigJson(f.read(16 * 1024 * 1024), file, out, errors);
}

bool modelFromConfigJson(const QByteArray &json, const QString &file, Model *out, Diagnostics *errors) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        errors->append(error(file, {}, ModelText::tr("not a JSON object: %1").arg(pe.errorString())));
        return false;
    }
    Model m;
    m.root = mod({}, {});
    Cfg c{doc.object(), file, errors};
    m.modelType = c.o.value(u"model_type"_s).toString();
    bool ok = false;
    if (QStringList{u"llama"_s, u"mistral"_s, u"mixtral"_s, u"qwen2"_s, u"gemma"_s, u"phi3"_s}.contains(
            m.modelType))
        ok = buildDecoder(c, m.modelType, &m);
    else if (m.modelType == u"gpt2"_s)
        ok = buildGpt2(c, &m);
    else if (m.modelType == u"gpt_neox"_s)
        ok = buildNeox(c, &m);
    else if (m.modelType == u"bert"_s)
        ok = buildBert(c, &m);
    else if (m.modelType == u"t5"_s)
        ok = buildT5(c, &m);
    else {
        errors->append(
            error(file, u"model_type"_s,
                  ModelText::tr("model_type '%1' is not supported; Trainyard knows %2 (or give the model's "
                                "safetensors files)")
                      .arg(m.modelType.isEmpty() ? ModelText::tr("(missing)") : m.modelType,
                           supportedModelTypes().join(u", "_s))));
        return false;
    }
    if (!ok)
        return false;
    if (const qint64 tensors = countTensors(m.root); tensors > MaxTensors) {
        errors->append(error(file, {},
                             ModelText::tr("this %1 model would have %2 tensors; at most %3 are estimated")
                                 .arg(m.modelType)
                                 .arg(tensors)
                                 .arg(MaxTensors)));
        return false;
    }
    m.root.className = m.architecture;
    m.numParameters = countParameters(m.root);
    *out = m;
    return true;
}

// ---- safetensors ----

int safetensorsBits(const QString &dtype) {
    static const QMap<QString, int> bits = {
        {u"BOOL"_s, 8},        {u"F4"_s, 4},      {u"F6_E2M3"_s, 6}, {u"F6_E3M2"_s, 6}, {u"U8"_s, 8},
        {u"I8"_s, 8},          {u"F8_E5M2"_s, 8}, {u"F8_E4M3"_s, 8}, {u"F8_E8M0"_s, 8}, {u"F8_E4M3FNUZ"_s, 8},
        {u"F8_E5M2FNUZ"_s, 8}, {u"I16"_s, 16},    {u"U16"_s, 16},    {u"F16"_s, 16},    {u"BF16"_s, 16},
        {u"I32"_s, 32},        {u"U32"_s, 32},    {u"F32"_s, 32},    {u"C64"_s, 64},    {u"F64"_s, 64},
        {u"I64"_s, 64},        {u"U64"_s, 64}};
    return bits.value(dtype, 0);
}

bool readSafetensorsHeader(const QString &file, QList<SafetensorsTensor> *tensors, QString *errorText) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *errorText = ModelText::tr("cannot read: %1").arg(f.errorString());
        return false;
    }
    return readSafetensorsHeader(f, f.size(), tensors, errorText);
}

bool readSafetensorsHeader(QIODevice &f, qint64 size, QList<SafetensorsTensor> *tensors, QString *errorText) {
    auto fail = [&](const QString &msg) {
        *errorText = msg;
        return false;
    };
    if (size < 8)
        return fail(
            ModelText::tr("header too small: the file has %1 bytes, fewer than the 8 of the header length")
                .arg(size));
    quint64 n = 0;
    const QByteArray lenBytes = f.read(8);
    memcpy(&n, lenBytes.constData(), 8);
    if (n > 100'000'000)
        return fail(
            ModelText::tr("header too large: it claims %1 bytes (the format allows 100,000,000)").arg(n));
    if (qint64(n) > size - 8)
        return fail(
            ModelText::tr("truncated: the header claims %1 bytes but the file has only %2 after the length")
                .arg(n)
                .arg(size - 8));
    const QByteArray header = f.read(qint64(n));
    if (!header.startsWith('{'))
        return fail(ModelText::tr("the header does not start with '{'"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(header, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ModelText::tr("the header is not valid JSON at byte %1: %2")
                        .arg(8 + pe.offset)
                        .arg(pe.errorString()));
    const QJsonObject o = doc.object();
    QList<SafetensorsTensor> out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"__metadata__"_s)
            continue;
        const QJsonObject t = it.value().toObject();
        SafetensorsTensor st;
        st.name = it.key();
        st.dtype = t.value(u"dtype"_s).toString();
        const int bits = safetensorsBits(st.dtype);
        if (!bits)
            return fail(ModelText::tr("tensor %1: unknown dtype '%2'").arg(st.name, st.dtype));
        qint64 numel = 1;
        for (const QJsonValue &d : t.value(u"shape"_s).toArray()) {
            // Dimensions are exact integers (below 2^53) whose product, in bits, fits in 64 bits.
            if (!d.isDouble() || d.toDouble() < 0 || d.toDouble() >= 9007199254740992.0 ||
                d.toDouble() != double(qint64(d.toDouble())))
                return fail(ModelText::tr("tensor %1: bad shape").arg(st.name));
            st.shape << qint64(d.toDouble());
            if (__builtin_mul_overflow(numel, qint64(d.toDouble()), &numel) || numel > (qint64(1) << 56))
                return fail(ModelText::tr("tensor %1: its shape has more elements than any file can hold")
                                .arg(st.name));
        }
        const QJsonArray off = t.value(u"data_offsets"_s).toArray();
        if (off.size() != 2 || !off[0].isDouble() || !off[1].isDouble())
            return fail(ModelText::tr("tensor %1: data_offsets must be [begin, end]").arg(st.name));
        st.begin = qint64(off[0].toDouble());
        st.end = qint64(off[1].toDouble());
        if (st.end < st.begin)
            return fail(ModelText::tr("tensor %1: data_offsets end before they begin").arg(st.name));
        if ((numel * bits) % 8 != 0)
            return fail(ModelText::tr("tensor %1: misaligned slice (%2 elements of %3 bits)")
                            .arg(st.name)
                            .arg(numel)
                            .arg(bits));
        if (st.end - st.begin != numel * bits / 8)
            return fail(
                ModelText::tr("tensor %1: %2 bytes for shape %3 of %4, which needs %5")
                    .arg(st.name)
                    .arg(st.end - st.begin)
                    .arg(QString::fromUtf8(
                             QJsonDocument(t.value(u"shape"_s).toArray()).toJson(QJsonDocument::Compact)),
                         st.dtype)
                    .arg(numel * bits / 8));
        out << st;
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.begin < b.begin; });
    qint64 pos = 0;
    for (const SafetensorsTensor &t : out) {
        if (t.begin != pos)
            return fail(
                t.begin > pos
                    ? ModelText::tr("tensor %1 starts at byte %2 of the data, leaving a gap after byte %3")
                          .arg(t.name)
                          .arg(t.begin)
                          .arg(pos)
                    : ModelText::tr("tensor %1 overlaps the tensor before it (starts at %2, before %3)")
                          .arg(t.name)
                          .arg(t.begin)
                          .arg(pos));
        pos = t.end;
    }
    if (8 + qint64(n) + pos != size)
        return fail(ModelText::tr("the tensors end at byte %1 but the file has %2 bytes%3")
                        .arg(8 + qint64(n) + pos)
                        .arg(size)
                        .arg(8 + qint64(n) + pos > size ? ModelText::tr(" (truncated)") : QString()));
    *tensors = out;
    return true;
}

bool modelFromSafetensors(const QString &path, Model *out, Diagnostics *errors) {
    const QFileInfo info(path);
    QStringList files;
    QString origin = path;
    QString index;
    if (info.isDir()) {
        const QDir dir(path);
        if (QFileInfo::exists(dir.filePath(u"model.safetensors"_s))) {
            files << dir.filePath(u"model.safetensors"_s);
        } else {
            const QStringList indexes = dir.entryList({u"*.safetensors.index.json"_s}, QDir::Files);
            if (indexes.size() > 1) {
                errors->append(error(
                    path, {},
                    ModelText::tr("more than one *.safetensors.index.json: %1").arg(indexes.join(u", "_s))));
                return false;
            }
            if (indexes.isEmpty()) {
                errors->append(error(
                    path, {}, ModelText::tr("no model.safetensors and no *.safetensors.index.json here")));
                return false;
            }
            index = dir.filePath(indexes.first());
        }
    } else if (path.endsWith(u".index.json"_s)) {
        index = path;
    } else {
        files << path;
    }
    if (!index.isEmpty()) {
        origin = index;
        QFile f(index);
        QJsonParseError pe;
        const QJsonDocument doc = f.open(QIODevice::ReadOnly)
                                      ? QJsonDocument::fromJson(f.read(64 * 1024 * 1024), &pe)
                                      : QJsonDocument();
        const QJsonObject map = doc.object().value(u"weight_map"_s).toObject();
        if (map.isEmpty()) {
            errors->append(error(index, u"weight_map"_s, ModelText::tr("the index has no weight_map")));
            return false;
        }
        QSet<QString> shards;
        for (auto it = map.begin(); it != map.end(); ++it)
            shards.insert(it.value().toString());
        QStringList sorted(shards.begin(), shards.end());
        sorted.sort();
        for (const QString &s : sorted)
            files << QFileInfo(index).dir().filePath(s);
    }
    QList<SafetensorsTensor> all;
    for (const QString &file : files) {
        QList<SafetensorsTensor> ts;
        QString e;
        if (!readSafetensorsHeader(file, &ts, &e)) {
            errors->append(error(file, {}, e));
            return false;
        }
        all += ts;
    }
    return modelFromTensors(all, origin, out, errors);
}

bool modelFromTensors(QList<SafetensorsTensor> all, const QString &origin, Model *out, Diagnostics *errors) {
    Model m;
    m.modelType = u"safetensors"_s;
    m.architecture = QFileInfo(origin).fileName();
    m.root = mod({}, {});
    // Build the module tree from dotted tensor names; children keep first-seen order (sorted names here).
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    // Children are found through an index keyed by (parent node, name part): linear in the tensors, not
    // quadratic in a level's width. Node ids rather than joined paths, since a part may be empty or hold any
    // character. Names nest at most MaxNesting levels (real checkpoints use under ten; the module tree is
    // walked recursively).
    constexpr qsizetype MaxNesting = 64;
    QHash<std::pair<qint64, QString>, std::pair<qsizetype, qint64>>
        childIndex; // -> (index in parent, child id)
    qint64 nextId = 1;
    for (const SafetensorsTensor &t : all) {
        const QString &name = t.name;
        const QStringList parts = name.split(u'.');
        if (parts.size() > MaxNesting) {
            errors->append(
                error(origin, {},
                      ModelText::tr("tensor %1...: its name nests %2 levels deep; at most %3 are read")
                          .arg(name.left(80))
                          .arg(parts.size())
                          .arg(MaxNesting)));
            return false;
        }
        QString path_;
        Module *cur = &m.root;
        qint64 curId = 0;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            path_ = join(path_, parts[i]);
            const std::pair<qint64, QString> key(curId, parts[i]);
            auto it = childIndex.find(key);
            if (it == childIndex.end()) {
                cur->children.append(mod(path_, {}));
                it = childIndex.insert(key, {cur->children.size() - 1, nextId++});
            }
            cur = &cur->children[it.value().first];
            curId = it.value().second;
        }
        qint64 numel = 1;
        for (qint64 d : t.shape)
            numel *= d;
        cur->tensors << Tensor{parts.last(), numel, safetensorsBits(t.dtype), false};
    }
    m.numParameters = countParameters(m.root);
    m.notes << ModelText::tr(
        "sizes come from the checkpoint's own dtypes; without config.json, no module is kept whole "
        "on one device");
    *out = m;
    return true;
}

bool loadModel(const QString &path, Model *out, Diagnostics *errors) {
    const QFileInfo info(path);
    if (!info.exists()) {
        errors->append(error(path, {}, ModelText::tr("no such file or folder")));
        return false;
    }
    if (info.isDir()) {
        const QDir dir(path);
        if (QFileInfo::exists(dir.filePath(u"config.json"_s)))
            return modelFromConfig(path, out, errors);
        return modelFromSafetensors(path, out, errors);
    }
    if (path.endsWith(u".safetensors"_s) || path.endsWith(u".index.json"_s))
        return modelFromSafetensors(path, out, errors);
    return modelFromConfig(path, out, errors);
}

} // namespace trainyard::memory
