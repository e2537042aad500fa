#include "accelerateconfig.h"

#include "compat.h"
#include "system/atomicfile.h"
#include "system/hardware.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct ConfigMessages {
    Q_DECLARE_TR_FUNCTIONS(trainyard::ConfigMessages)
};
} // namespace

Dialect dialectForPath(const QString &path) {
    return path.endsWith(u".json"_s) ? Dialect::Json : Dialect::Yaml;
}

AccelerateConfig AccelerateConfig::load(const QString &path) {
    QFile f(path);
    QFileInfo info(path);
    AccelerateConfig c;
    c.m_fileName = path;
    c.m_dialect = dialectForPath(path);
    auto fail = [&](const QString &msg) {
        c.m_loadDiagnostics.append(Diagnostic{Diagnostic::Severity::Error, path, {}, {}, msg});
        return c;
    };
    if (!info.exists())
        return fail(ConfigMessages::tr("no such file"));
    if (info.isDir())
        return fail(ConfigMessages::tr("is a folder, not a config file"));
    if (info.size() > MaxConfigBytes)
        return fail(ConfigMessages::tr("file is %1 bytes, larger than the %2 bytes a config may have")
                        .arg(info.size())
                        .arg(MaxConfigBytes));
    if (!f.open(QIODevice::ReadOnly))
        return fail(ConfigMessages::tr("cannot read: %1").arg(f.errorString()));
    const QByteArray bytes = f.read(MaxConfigBytes + 1);
    AccelerateConfig parsed = fromBytes(bytes, path);
    parsed.m_dialect = c.m_dialect;
    return parsed;
}

AccelerateConfig AccelerateConfig::fromBytes(const QByteArray &bytes, const QString &fileName) {
    AccelerateConfig c;
    c.m_fileName = fileName;
    c.m_dialect = dialectForPath(fileName);
    ParseResult r = parseDocument(bytes, c.m_dialect, fileName);
    c.m_loadDiagnostics = r.diagnostics;
    if (r.ok() && !r.root.isMap()) {
        c.m_loadDiagnostics.append(
            Diagnostic{Diagnostic::Severity::Error,
                       fileName,
                       r.root.pos,
                       {},
                       ConfigMessages::tr("a config must be a mapping of keys to values, not a %1")
                           .arg(r.root.typeName())});
        return c;
    }
    if (r.root.isMap())
        c.m_document = r.root;
    return c;
}

AccelerateConfig AccelerateConfig::fromDocument(const Value &document, const QString &fileName) {
    AccelerateConfig c;
    c.m_fileName = fileName;
    c.m_dialect = dialectForPath(fileName);
    c.m_document = document.isMap() ? document : Value::map();
    return c;
}

ConfigKind AccelerateConfig::kind() const {
    const Value *env = m_document.find(u"compute_environment"_s);
    if (!env || (env->isString() && env->toString() == u"LOCAL_MACHINE"_s))
        return Cluster;
    return SageMaker;
}

Value AccelerateConfig::processed() const {
    Value d = m_document;
    if (!d.isMap())
        return d;
    if (!d.contains(u"compute_environment"_s))
        d.set(u"compute_environment"_s, Value::string(u"LOCAL_MACHINE"_s));
    const Value dt = d.get(u"distributed_type"_s);
    if (!d.contains(u"num_processes"_s) && dt.isString() && dt.toString() == u"NO"_s)
        d.set(u"num_processes"_s, Value::integer(1));
    if (!d.contains(u"mixed_precision"_s))
        d.set(u"mixed_precision"_s, d.get(u"fp16"_s).truthy() ? Value::string(u"fp16"_s) : Value::null());
    d.remove(u"fp16"_s);
    if (const Value *legacy = d.find(u"dynamo_backend"_s)) {
        const Value backend = *legacy;
        d.remove(u"dynamo_backend"_s);
        Value dyn = Value::map();
        if (!(backend.isString() && backend.toString() == u"NO"_s))
            dyn.set(u"dynamo_backend"_s, backend);
        d.set(u"dynamo_config"_s, dyn);
    }
    for (const QString &k : {u"use_cpu"_s, u"debug"_s, u"enable_cpu_affinity"_s})
        if (!d.contains(k))
            d.set(k, Value::boolean(false));
    const ConfigKind k = kind();
    for (const FieldSpec &f : schema::fields()) {
        if (!f.section.isEmpty() || !(f.kinds & k) || f.required)
            continue;
        Value *existing = d.find(f.key);
        if (!existing)
            d.set(f.key, k == SageMaker && f.key == u"gpu_ids"_s ? Value::string(u"all"_s) : f.defaultValue);
        else if (k == Cluster && f.type == FieldType::Dict && existing->isNull())
            *existing = Value::map();
    }
    return d;
}

Value AccelerateConfig::canonical() const {
    const Value p = processed();
    Value out = Value::map();
    for (const MapEntry &e : p.entries()) {
        if (e.value.isNull() || (e.value.isMap() && e.value.size() == 0))
            continue;
        out.set(e.key, e.value);
    }
    return out;
}

QByteArray AccelerateConfig::canonicalText(Dialect d) const {
    return d == Dialect::Json ? toJson(canonical(), true) : toYaml(canonical(), true);
}

Value AccelerateConfig::field(const QString &path) const {
    const Value p = processed();
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0)
        return p.get(path);
    return p.get(path.left(dot)).get(path.mid(dot + 1));
}

Diagnostics AccelerateConfig::diagnostics(const HardwareInfo &hw) const {
    Diagnostics all = m_loadDiagnostics;
    if (isLoaded())
        all += validate(hw);
    return all;
}

// ---- validation -----------------------------------------------------------------------------------------

namespace {

const QRegularExpression &looksLikeNumberRe() {
    static const QRegularExpression re(u"^[-+]?[0-9._]*[0-9][0-9._]*(?:[eE][-+]?[0-9]+)?$"_s);
    return re;
}

bool isSentinelFalse(const Value &v) {
    return (v.isBool() && !v.toBool()) ||
           (v.isString() && v.toString().compare(u"false"_s, Qt::CaseInsensitive) == 0);
}

bool isBoolLike(const Value &v) {
    if (v.isBool())
        return true;
    if (!v.isString())
        return false;
    const QString l = v.toString().toLower();
    return l == u"true"_s || l == u"false"_s;
}

struct Checker {
    const AccelerateConfig &config;
    const HardwareInfo &hw;
    Diagnostics out;
    Value doc;
    ConfigKind kind;

    void add(Diagnostic::Severity s, SourcePos pos, const QString &field, const QString &msg) {
        out.append(Diagnostic{s, config.fileName(), pos.isValid() ? pos : SourcePos{1, 1}, field, msg});
    }
    void error(SourcePos pos, const QString &field, const QString &msg) {
        add(Diagnostic::Severity::Error, pos, field, msg);
    }
    void warning(SourcePos pos, const QString &field, const QString &msg) {
        add(Diagnostic::Severity::Warning, pos, field, msg);
    }

    static QString quoteList(const QStringList &xs) { return xs.join(u", "_s); }

    bool enumMatches(const FieldSpec &f, const QString &s) const {
        for (const QString &c : f.choices)
            if (s.compare(c, f.caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0)
                return true;
        if (f.digitsAllowed) {
            bool ok = false;
            const int n = s.toInt(&ok);
            const int count = f.key == u"fsdp_backward_prefetch"_s ? 2 : int(f.choices.size());
            return ok && n >= 1 && n <= count;
        }
        return false;
    }

    // Type and value of one field. Returns false when the value is unusable.
    bool checkValue(const FieldSpec &f, const Value &v, const QString &path) {
        const bool inSection = !f.section.isEmpty();
        if (v.isNull())
            return true;
        switch (f.type) {
        case FieldType::Any:
            return true;
        case FieldType::Dict:
            if (!v.isMap()) {
                error(v.pos, path,
                      ConfigMessages::tr("%1 must be a mapping of keys to values, not a %2")
                          .arg(path, v.typeName()));
                return false;
            }
            return true;
        case FieldType::Bool:
            if (v.isBool() || (inSection && isBoolLike(v)))
                return true;
            error(v.pos, path,
                  ConfigMessages::tr("%1 must be true or false, not %2 '%3'")
                      .arg(path, v.typeName(), v.sourceText()));
            return false;
        case FieldType::Int:
            if (v.isInt()) {
                const schema::IntRange range = schema::intRange(f.key);
                if (v.toInt() >= range.min && v.toInt() <= range.max)
                    return true;
                error(v.pos, path,
                      ConfigMessages::tr("%1 is %2; it must be between %3 and %4")
                          .arg(path, v.sourceText())
                          .arg(range.min)
                          .arg(range.max));
                return false;
            }
            if (v.isString() && looksLikeNumberRe().match(v.toString()).hasMatch()) {
                error(v.pos, path,
                      ConfigMessages::tr(
                          "%1: '%2' is a string, not a number: YAML 1.1 reads a number with an exponent only "
                          "with a dot and a signed exponent; write it out in digits")
                          .arg(path, v.toString()));
                return false;
            }
            error(v.pos, path,
                  ConfigMessages::tr("%1 must be an integer, not %2 '%3'")
                      .arg(path, v.typeName(), v.sourceText()));
            return false;
        case FieldType::Float:
            if (v.isInt() || v.isFloat())
                return true;
            error(v.pos, path,
                  ConfigMessages::tr("%1 must be a number, not %2 '%3'")
                      .arg(path, v.typeName(), v.sourceText()));
            return false;
        case FieldType::String:
            if (v.isString())
                return true;
            if (f.key == u"gpu_ids"_s && v.isInt()) {
                error(v.pos, path,
                      ConfigMessages::tr(
                          "gpu_ids: %1 is read as the integer %1, and accelerate launch crashes on it; "
                          "quote it: gpu_ids: '%1'")
                          .arg(v.toInt()));
                return false;
            }
            if (v.isScalar() && !v.isBool()) {
                warning(
                    v.pos, path,
                    ConfigMessages::tr("%1 should be a string; quote it: '%2'").arg(path, v.sourceText()));
                return true;
            }
            error(v.pos, path, ConfigMessages::tr("%1 must be a string, not %2").arg(path, v.typeName()));
            return false;
        case FieldType::StringList:
            if (!v.isList()) {
                error(v.pos, path,
                      ConfigMessages::tr("%1 must be a list of strings, not %2").arg(path, v.typeName()));
                return false;
            }
            return true;
        case FieldType::BoolOrEnum:
            if (isBoolLike(v) || (v.isString() && enumMatches(f, v.toString())))
                return true;
            error(v.pos, path,
                  ConfigMessages::tr("%1 must be true, false or one of %2, not '%3'")
                      .arg(path, quoteList(f.choices), v.sourceText()));
            return false;
        case FieldType::Enum: {
            if (v.isBool()) {
                const bool no = !v.toBool() && v.sourceText().compare(u"no"_s, Qt::CaseInsensitive) == 0;
                if (f.key == u"distributed_type"_s && no) {
                    warning(v.pos, path,
                            ConfigMessages::tr(
                                "distributed_type: NO unquoted is the boolean false in YAML 1.1; accelerate "
                                "runs it as a single process by accident; write distributed_type: 'NO'"));
                    return true;
                }
                error(v.pos, path,
                      ConfigMessages::tr(
                          "%1: unquoted %2 is the boolean %3 in YAML 1.1, not a string; write %1: '%2'")
                          .arg(f.key, v.sourceText(), v.toBool() ? u"true"_s : u"false"_s));
                return false;
            }
            const QString s = v.isString() ? v.toString() : v.sourceText();
            if ((v.isString() || v.isInt()) && enumMatches(f, s))
                return true;
            QString msg = ConfigMessages::tr("%1: '%2' is not one of %3").arg(path, s, quoteList(f.choices));
            QString guess = schema::nearest(s, f.choices);
            if (f.key == u"distributed_type"_s && s.compare(u"TPU"_s, Qt::CaseInsensitive) == 0)
                guess = u"XLA"_s;
            if (!guess.isEmpty())
                msg += ConfigMessages::tr("; did you mean %1?").arg(guess);
            error(v.pos, path, msg);
            return false;
        }
        }
        return true;
    }

    void checkTopLevel() {
        const QStringList known = schema::topLevelKeys(kind);
        for (const MapEntry &e : doc.entries()) {
            if (e.key == u"fp16"_s || e.key == u"dynamo_backend"_s) {
                warning(e.keyPos, e.key,
                        ConfigMessages::tr(
                            "%1 is a legacy key that accelerate migrates on load (to %2); `trainyard config "
                            "update` rewrites the file in the current form")
                            .arg(e.key, e.key == u"fp16"_s ? u"mixed_precision"_s : u"dynamo_config"_s));
                continue;
            }
            if (known.contains(e.key))
                continue;
            QString msg =
                ConfigMessages::tr("unknown key '%1': accelerate refuses files with keys it does not know")
                    .arg(e.key);
            if (e.key == u"ipex_config"_s)
                msg += ConfigMessages::tr("; ipex_config was removed from accelerate, delete it");
            else if (const QString guess = schema::nearest(e.key, known); !guess.isEmpty())
                msg += ConfigMessages::tr("; did you mean '%1'?").arg(guess);
            error(e.keyPos, e.key, msg);
        }
        if (!doc.contains(u"distributed_type"_s))
            error(doc.pos, u"distributed_type"_s,
                  ConfigMessages::tr(
                      "distributed_type is missing; accelerate requires it (NO, MULTI_GPU, MULTI_CPU, FSDP, "
                      "DEEPSPEED, ...)"));
        for (const FieldSpec &f : schema::fields()) {
            if (!f.section.isEmpty() || !(f.kinds & kind))
                continue;
            const Value *v = doc.find(f.key);
            if (!v) {
                if (f.required)
                    error(doc.pos, f.key,
                          ConfigMessages::tr("%1 is required for a SageMaker config").arg(f.key));
                continue;
            }
            if (kind == SageMaker && f.key == u"distributed_type"_s) {
                FieldSpec sm = f;
                sm.choices = schema::sageMakerDistributedTypes();
                checkValue(sm, *v, f.key);
                continue;
            }
            checkValue(f, *v, f.key);
        }
    }

    void checkSections() {
        static const QStringList fp8Renamed = {u"amax_history_length"_s, u"amax_compute_algorithm"_s,
                                               u"optimization_level"_s};
        static const QStringList fp8Right = {u"amax_history_len"_s, u"amax_compute_algo"_s, u"opt_level"_s};
        for (const QString &section : schema::sections()) {
            const Value *sec = doc.find(section);
            if (!sec || !sec->isMap())
                continue;
            const QStringList known = schema::sectionKeys(section);
            for (const MapEntry &e : sec->entries()) {
                const QString path = section + u'.' + e.key;
                const FieldSpec *f = schema::find(section, e.key);
                if (!f && section == u"fsdp_config"_s)
                    f = schema::find(section, schema::launchArgName(section, e.key));
                if (!f && section == u"dynamo_config"_s)
                    f = schema::find(section, schema::launchArgName(section, e.key));
                if (!f && section == u"fp8_config"_s && e.key.startsWith(u"fp8_"_s))
                    f = schema::find(section, e.key.mid(4));
                if (f) {
                    checkValue(*f, e.value, path);
                    if (path == u"fp8_config.override_linear_precision"_s && e.value.isString())
                        warning(e.keyPos, path,
                                compat::warning(compat::Fix::Fp8OverrideText)
                                    .arg(e.value.toString(), compat::overrideTextBooleans(e.value.toString())
                                                                 .mid(0, 3)
                                                                 .join(u", "_s)));
                    continue;
                }
                if (const qsizetype i = fp8Renamed.indexOf(e.key); section == u"fp8_config"_s && i >= 0) {
                    warning(e.keyPos, path,
                            compat::warning(compat::Fix::Fp8MisnamedKeys).arg(path, fp8Right[i]));
                    continue;
                }
                QString msg =
                    ConfigMessages::tr(
                        "%1: unknown key; accelerate does not check keys inside %2 and nothing reads "
                        "this one")
                        .arg(path, section);
                if (const QString guess = schema::nearest(e.key, known); !guess.isEmpty())
                    msg += ConfigMessages::tr("; did you mean '%1'?").arg(guess);
                warning(e.keyPos, path, msg);
            }
        }
    }

    SourcePos posOf(const QString &key) const {
        const MapEntry *e = doc.entry(key);
        return e ? e->value.pos : doc.pos;
    }

    void checkCluster() {
        const Value p = config.processed();
        const Value dtv = doc.get(u"distributed_type"_s);
        const QString dt = dtv.isString() ? dtv.toString() : (dtv.isBool() ? u"NO"_s : QString());
        const Value np = doc.get(u"num_processes"_s);
        const Value nm = p.get(u"num_machines"_s);
        const Value mr = p.get(u"machine_rank"_s);
        const qint64 machines = nm.isInt() ? nm.toInt() : 1;
        if (nm.isInt() && machines < 1)
            error(posOf(u"num_machines"_s), u"num_machines"_s,
                  ConfigMessages::tr("num_machines must be at least 1"));
        if (np.isInt()) {
            if (np.toInt() == -1 && dt != u"NO"_s)
                warning(posOf(u"num_processes"_s), u"num_processes"_s,
                        ConfigMessages::tr("num_processes is -1: the launch needs --num_processes"));
            else if (np.toInt() < 1)
                error(posOf(u"num_processes"_s), u"num_processes"_s,
                      ConfigMessages::tr("num_processes must be at least 1"));
            else if (machines > 0 && np.toInt() % machines != 0)
                error(posOf(u"num_processes"_s), u"num_processes"_s,
                      ConfigMessages::tr(
                          "num_processes (%1) is the total over all machines and must be divisible by "
                          "num_machines (%2)")
                          .arg(np.toInt())
                          .arg(machines));
        } else if (np.isNull() && !dt.isEmpty() && dt != u"NO"_s) {
            warning(doc.pos, u"num_processes"_s,
                    ConfigMessages::tr("num_processes is not set: the launch needs --num_processes"));
        }
        if (mr.isInt() && nm.isInt() && (mr.toInt() < 0 || mr.toInt() >= machines))
            error(posOf(u"machine_rank"_s), u"machine_rank"_s,
                  ConfigMessages::tr("machine_rank (%1) must be between 0 and num_machines - 1 (%2)")
                      .arg(mr.toInt())
                      .arg(machines - 1));
        // The usual file for a Slurm job or a hostfile: the address comes with the launch (--slurm, --hosts,
        // --hostfile find machine 0 themselves; --main_process_ip gives it). A launch that still has none is
        // refused by the launch plan, not here.
        if (machines > 1 && p.get(u"main_process_ip"_s).isNull())
            warning(posOf(u"num_machines"_s), u"main_process_ip"_s,
                    ConfigMessages::tr(
                        "num_machines is %1 and main_process_ip is not set: give it when launching "
                        "(--main_process_ip), or launch with --slurm, --hostfile or --hosts, which "
                        "find machine 0 themselves")
                        .arg(machines));
        // main_process_port's range is checked with the field's type (schema::intRange).

        const bool gpuType = dt.startsWith(u"MULTI_"_s) && dt != u"MULTI_CPU"_s;
        if (gpuType && machines == 1 && np.isInt() && np.toInt() == 1)
            warning(posOf(u"num_processes"_s), u"num_processes"_s,
                    ConfigMessages::tr("%1 with a single process: use distributed_type 'NO' for one device")
                        .arg(dt));
        checkGpuIds(p, gpuType, machines, np);

        // Keys accelerate launch ignores when they come from the file (its flag defaults win).
        const Value rdzv = p.get(u"rdzv_backend"_s);
        if (rdzv.isString() && rdzv.toString() != u"static"_s)
            warning(posOf(u"rdzv_backend"_s), u"rdzv_backend"_s,
                    ConfigMessages::tr(
                        "accelerate launch ignores rdzv_backend from the file (only --rdzv_backend counts); "
                        "Trainyard starts every rank itself with a static rendezvous at main_process_ip"));
        if (p.get(u"same_network"_s).truthy() && machines > 1)
            warning(posOf(u"same_network"_s), u"same_network"_s,
                    ConfigMessages::tr(
                        "accelerate launch ignores same_network from the file (only --same_network counts); "
                        "Trainyard always gives every rank MASTER_ADDR=main_process_ip"));
        if (p.get(u"enable_cpu_affinity"_s).truthy())
            warning(posOf(u"enable_cpu_affinity"_s), u"enable_cpu_affinity"_s,
                    compat::warning(compat::Fix::CpuAffinityFromFile));
        const Value downcast = p.get(u"downcast_bf16"_s);
        if (downcast.truthy() && !(downcast.isString() && downcast.toString() == u"no"_s))
            warning(posOf(u"downcast_bf16"_s), u"downcast_bf16"_s,
                    ConfigMessages::tr(
                        "accelerate launch ignores downcast_bf16 from the file; it only matters on TPUs"));
        if (dt == u"XLA"_s)
            warning(posOf(u"distributed_type"_s), u"distributed_type"_s,
                    ConfigMessages::tr(
                        "Trainyard does not launch TPU (XLA) runs; accelerate launch can run this config"));

        checkFsdp(dt);
        checkDeepSpeed(dt, machines);
        checkParallelism(np);
        const Value hostfile = doc.get(u"mpirun_config"_s).get(u"mpirun_hostfile"_s);
        if (!hostfile.isNull())
            warning(hostfile.pos, u"mpirun_config.mpirun_hostfile"_s,
                    ConfigMessages::tr(
                        "Trainyard starts multi-CPU ranks itself, without mpirun; the hostfile is kept for "
                        "accelerate launch"));
    }

    void checkGpuIds(const Value &p, bool gpuType, qint64 machines, const Value &np) {
        const Value ids = p.get(u"gpu_ids"_s);
        if (!ids.isString() || ids.toString().trimmed() == u"all"_s)
            return;
        const QStringList parts = ids.toString().split(u',', Qt::SkipEmptyParts);
        QList<int> numbers;
        for (const QString &part : parts) {
            bool ok = false;
            const int n = part.trimmed().toInt(&ok);
            if (!ok || n < 0) {
                error(posOf(u"gpu_ids"_s), u"gpu_ids"_s,
                      ConfigMessages::tr(
                          "gpu_ids: '%1' is not a GPU index; write 'all' or indices such as '0,1'")
                          .arg(part.trimmed()));
                return;
            }
            numbers << n;
        }
        if (gpuType && machines <= 1 && numbers.size() < 2)
            error(posOf(u"gpu_ids"_s), u"gpu_ids"_s,
                  ConfigMessages::tr(
                      "gpu_ids names fewer than two GPUs for a multi-GPU run; accelerate launch refuses it"));
        for (int n : numbers) {
            if (n >= hw.cudaDevices) {
                warning(posOf(u"gpu_ids"_s), u"gpu_ids"_s,
                        hw.cudaDevices == 0
                            ? ConfigMessages::tr("gpu_ids names GPU %1, but this machine has no GPU").arg(n)
                            : ConfigMessages::tr("gpu_ids names GPU %1, but this machine has %n GPU(s)",
                                                 nullptr, hw.cudaDevices)
                                  .arg(n));
                break;
            }
        }
        if (np.isInt() && machines > 0 && np.toInt() > 0 && numbers.size() < np.toInt() / machines && gpuType)
            warning(posOf(u"gpu_ids"_s), u"gpu_ids"_s,
                    ConfigMessages::tr("gpu_ids names %1 GPU(s) for %2 processes per machine")
                        .arg(numbers.size())
                        .arg(np.toInt() / machines));
    }

    void checkFsdp(const QString &dt) {
        const Value fsdp = doc.get(u"fsdp_config"_s);
        if (!fsdp.isMap() || fsdp.size() == 0)
            return;
        auto get = [&](const QString &key) {
            const Value *v = fsdp.find(key);
            if (!v)
                v = fsdp.find(key.mid(5)); // "fsdp_x" may be written as "x"
            return v ? *v : Value();
        };
        auto pos = [&](const QString &key) {
            const Value v = get(key);
            return v.pos.isValid() ? v.pos : doc.entry(u"fsdp_config"_s)->keyPos;
        };
        if (dt != u"FSDP"_s)
            warning(doc.entry(u"fsdp_config"_s)->keyPos, u"fsdp_config"_s,
                    ConfigMessages::tr("fsdp_config is used only when distributed_type is FSDP"));
        const Value version = get(u"fsdp_version"_s);
        const bool v2 = version.pythonStr() == u"2"_s;
        const Value cpuRam = get(u"fsdp_cpu_ram_efficient_loading"_s);
        const Value sync = get(u"fsdp_sync_module_states"_s);
        // accelerate launch raises a ValueError for this before any rank starts (utils/launch.py,
        // prepare_multi_gpu_env): fsdp_cpu_ram_efficient_loading true or left out (its flag's default is
        // "true") with fsdp_sync_module_states false, on the GPU path (not use_cpu). Refused here as there.
        if (dt == u"FSDP"_s && !doc.get(u"use_cpu"_s).truthy() &&
            (cpuRam.isNull() || !isSentinelFalse(cpuRam)) && !sync.isNull() && isSentinelFalse(sync)) {
            const SourcePos at = pos(u"fsdp_cpu_ram_efficient_loading"_s);
            const QString where = cpuRam.isNull()
                                      ? ConfigMessages::tr("left out, which accelerate launch reads as true")
                                      : ConfigMessages::tr("line %1").arg(at.line);
            error(pos(u"fsdp_sync_module_states"_s), u"fsdp_config.fsdp_sync_module_states"_s,
                  ConfigMessages::tr(
                      "fsdp_sync_module_states is false while fsdp_cpu_ram_efficient_loading is on "
                      "(%1): accelerate launch refuses this (\"When using "
                      "`--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to "
                      "`True`\"); set fsdp_sync_module_states: true")
                      .arg(where));
        }
        const Value reshard = get(u"fsdp_reshard_after_forward"_s);
        const Value strategy = get(u"fsdp_sharding_strategy"_s);
        if (reshard.isString() && !isBoolLike(reshard)) {
            if (v2)
                error(
                    pos(u"fsdp_reshard_after_forward"_s), u"fsdp_config.fsdp_reshard_after_forward"_s,
                    ConfigMessages::tr(
                        "under FSDP2 fsdp_reshard_after_forward is true or false, not a sharding strategy"));
            else if (strategy.isNull())
                warning(
                    pos(u"fsdp_reshard_after_forward"_s), u"fsdp_config.fsdp_reshard_after_forward"_s,
                    compat::warning(compat::Fix::FsdpStrategyInReshard).arg(reshard.toString().toUpper()));
        }
        if (v2) {
            const Value sd = get(u"fsdp_state_dict_type"_s);
            if (sd.isString() && sd.toString().compare(u"LOCAL_STATE_DICT"_s, Qt::CaseInsensitive) == 0)
                error(pos(u"fsdp_state_dict_type"_s), u"fsdp_config.fsdp_state_dict_type"_s,
                      ConfigMessages::tr(
                          "FSDP2 supports SHARDED_STATE_DICT and FULL_STATE_DICT, not LOCAL_STATE_DICT"));
            if (!get(u"fsdp_backward_prefetch"_s).isNull())
                warning(pos(u"fsdp_backward_prefetch"_s), u"fsdp_config.fsdp_backward_prefetch"_s,
                        ConfigMessages::tr("FSDP2 ignores fsdp_backward_prefetch"));
            if (!strategy.isNull())
                warning(pos(u"fsdp_sharding_strategy"_s), u"fsdp_config.fsdp_sharding_strategy"_s,
                        ConfigMessages::tr(
                            "FSDP2 ignores fsdp_sharding_strategy; use fsdp_reshard_after_forward"));
        }
        const Value policy = get(u"fsdp_auto_wrap_policy"_s);
        if (policy.isString() &&
            policy.toString().compare(u"TRANSFORMER_BASED_WRAP"_s, Qt::CaseInsensitive) == 0 &&
            get(u"fsdp_transformer_layer_cls_to_wrap"_s).isNull())
            warning(pos(u"fsdp_auto_wrap_policy"_s), u"fsdp_config.fsdp_auto_wrap_policy"_s,
                    ConfigMessages::tr(
                        "TRANSFORMER_BASED_WRAP without fsdp_transformer_layer_cls_to_wrap relies on the "
                        "model's _no_split_modules"));
    }

    void checkDeepSpeed(const QString &dt, qint64 machines) {
        const Value ds = doc.get(u"deepspeed_config"_s);
        if (!ds.isMap() || ds.size() == 0)
            return;
        const SourcePos sectionPos = doc.entry(u"deepspeed_config"_s)->keyPos;
        if (dt != u"DEEPSPEED"_s)
            warning(sectionPos, u"deepspeed_config"_s,
                    ConfigMessages::tr("deepspeed_config is used only when distributed_type is DEEPSPEED"));
        if (!ds.get(u"deepspeed_config_file"_s).isNull()) {
            static const QStringList accelerateSide = {
                u"gradient_accumulation_steps"_s, u"gradient_clipping"_s,     u"zero_stage"_s,
                u"offload_optimizer_device"_s,    u"offload_param_device"_s,  u"offload_param_nvme_path"_s,
                u"offload_optimizer_nvme_path"_s, u"zero3_save_16bit_model"_s};
            for (const MapEntry &e : ds.entries())
                if (accelerateSide.contains(e.key))
                    error(e.keyPos, u"deepspeed_config."_s + e.key,
                          ConfigMessages::tr(
                              "deepspeed_config.%1 cannot be combined with deepspeed_config_file: set it in "
                              "the "
                              "DeepSpeed JSON file instead (accelerate refuses this at run time)")
                              .arg(e.key));
            if (const MapEntry *mp = doc.entry(u"mixed_precision"_s); mp && !mp->value.isNull())
                error(
                    mp->keyPos, u"mixed_precision"_s,
                    ConfigMessages::tr(
                        "mixed_precision cannot be combined with deepspeed_config_file: set fp16/bf16 in the "
                        "DeepSpeed JSON file and remove mixed_precision (accelerate refuses this at run "
                        "time)"));
        }
        for (const QString &what : {u"optimizer"_s, u"param"_s}) {
            const QString key = u"offload_%1_nvme_path"_s.arg(what);
            if (const MapEntry *e = ds.entry(key);
                e && !e->value.isNull() && ds.get(u"deepspeed_config_file"_s).isNull())
                warning(e->keyPos, u"deepspeed_config."_s + key,
                        compat::warning(compat::Fix::NvmeOffloadPath)
                            .arg(key, u"ACCELERATE_DEEPSPEED_OFFLOAD_%1_NVME_PATH"_s.arg(what.toUpper())));
        }
        const Value stage = ds.get(u"zero_stage"_s);
        const Value optDev = ds.get(u"offload_optimizer_device"_s);
        const Value paramDev = ds.get(u"offload_param_device"_s);
        if (stage.isInt() && stage.toInt() < 3 && paramDev.isString() && paramDev.toString() != u"none"_s)
            warning(ds.entry(u"offload_param_device"_s)->keyPos, u"deepspeed_config.offload_param_device"_s,
                    ConfigMessages::tr("parameter offload needs ZeRO stage 3"));
        if (stage.isInt() && stage.toInt() < 2 && optDev.isString() && optDev.toString() != u"none"_s)
            warning(ds.entry(u"offload_optimizer_device"_s)->keyPos,
                    u"deepspeed_config.offload_optimizer_device"_s,
                    ConfigMessages::tr("optimizer offload needs ZeRO stage 2 or 3"));
        const Value launcher = ds.get(u"deepspeed_multinode_launcher"_s);
        if (machines > 1 && !(launcher.isString() && launcher.toString() == u"standard"_s))
            warning(
                sectionPos, u"deepspeed_config.deepspeed_multinode_launcher"_s,
                ConfigMessages::tr(
                    "Trainyard starts the ranks of every machine itself, as DeepSpeed's 'standard' launcher "
                    "does; the pdsh/MPI launcher setting is kept for accelerate launch"));
    }

    void checkParallelism(const Value &np) {
        const Value pc = doc.get(u"parallelism_config"_s);
        if (!pc.isMap() || pc.size() == 0 || !np.isInt() || np.toInt() < 1)
            return;
        qint64 product = 1;
        for (const QString &k :
             {u"dp_replicate_size"_s, u"dp_shard_size"_s, u"tp_size"_s, u"cp_size"_s, u"sp_size"_s}) {
            const Value v = pc.get(u"parallelism_config_"_s + k);
            if (v.isInt() && v.toInt() > 0)
                product *= v.toInt();
        }
        if (product != np.toInt())
            error(doc.entry(u"parallelism_config"_s)->keyPos, u"parallelism_config"_s,
                  ConfigMessages::tr(
                      "the parallelism sizes multiply to %1 but num_processes is %2; they must be equal")
                      .arg(product)
                      .arg(np.toInt()));
    }
};

} // namespace

Diagnostics AccelerateConfig::validate(const HardwareInfo &hw) const {
    Checker c{*this, hw, {}, m_document, kind()};
    if (!m_document.isMap())
        return {};
    c.checkTopLevel();
    if (kind() == Cluster) {
        c.checkSections();
        c.checkCluster();
    } else {
        c.warning(c.posOf(u"compute_environment"_s), u"compute_environment"_s,
                  ConfigMessages::tr(
                      "Trainyard keeps SageMaker configs but does not launch them; use accelerate launch"));
    }
    std::stable_sort(c.out.begin(), c.out.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    return c.out;
}

bool saveFileAtomically(const QString &path, const QByteArray &data, QString *error) {
    const QFileInfo info(path);
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = ConfigMessages::tr("cannot create folder %1").arg(info.absolutePath());
        return false;
    }
    return writeFileAtomically(path, data, error);
}

QString defaultConfigPath() {
    QString cache = qEnvironmentVariable("HF_HOME");
    if (cache.isEmpty()) {
        QString xdg = qEnvironmentVariable("XDG_CACHE_HOME");
        if (xdg.isEmpty())
            xdg = QDir::homePath() + u"/.cache"_s;
        cache = xdg + u"/huggingface"_s;
    }
    if (cache.startsWith(u"~/"_s))
        cache = QDir::homePath() + cache.mid(1);
    return cache + u"/accelerate/default_config.yaml"_s;
}

} // namespace trainyard
