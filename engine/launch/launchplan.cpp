#include "launchplan.h"

#include "config/accelerateconfig.h"
#include "config/compat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <optional>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

struct PlanMessages {
    Q_DECLARE_TR_FUNCTIONS(trainyard::PlanMessages)
};

constexpr int DefaultPort = 29500;

// Python's str() of a launch argument, and the .lower() accelerate applies to many of them.
QString str(const Value &v) {
    return v.pythonStr();
}
QString lower(const Value &v) {
    return v.pythonStr().toLower();
}

struct Planner {
    LaunchArgs args;
    const HardwareInfo &hw;
    QMap<QString, QString> environ;
    LaunchPlan plan;
    AccelerateConfig config;
    bool haveConfig = false;
    bool mixedPrecisionFromConfig = false;
    QStringList dsFieldsFromConfig;
    QSet<QString> fromFile; // launch arguments whose value came from the config file's sections

    Value get(const QString &d) const { return args.get(d); }
    bool on(const QString &d) const { return args.flag(d); }
    void set(const QString &d, const Value &v) { args.set(d, v); }

    void error(const QString &msg, const QString &field = {}) {
        plan.errors.append(Diagnostic{Diagnostic::Severity::Error, plan.configFile, {}, field, msg});
    }
    void warn(const QString &msg) {
        plan.warnings.append(Diagnostic{Diagnostic::Severity::Warning, u"trainyard launch"_s, {}, {}, msg});
    }
    void note(const QString &msg) {
        plan.notes.append(Diagnostic{Diagnostic::Severity::Note, u"trainyard launch"_s, {}, {}, msg});
    }

    bool validateFlags() {
        int hardware = 0;
        for (const QString &d : {u"multi_gpu"_s, u"cpu"_s, u"tpu"_s, u"use_deepspeed"_s, u"use_fsdp"_s})
            hardware += on(d) ? 1 : 0;
        if (hardware > 1) {
            error(PlanMessages::tr("use only one of --multi_gpu, --cpu, --tpu, --use_deepspeed, --use_fsdp"));
            return false;
        }
        if (on(u"multi_gpu"_s) && get(u"num_processes"_s).isInt() && get(u"num_processes"_s).toInt() < 2) {
            error(PlanMessages::tr("--multi_gpu needs at least 2 processes"));
            return false;
        }
        if (on(u"use_parallelism_config"_s) && !on(u"use_fsdp"_s)) {
            error(PlanMessages::tr("--use_parallelism_config needs --use_fsdp with --fsdp_version 2"));
            return false;
        }
        if (on(u"module"_s) && on(u"no_python"_s)) {
            error(PlanMessages::tr("--module and --no_python cannot be used together"));
            return false;
        }
        if (args.script.isEmpty()) {
            error(PlanMessages::tr("no training script or program given"));
            return false;
        }
        return true;
    }

    bool loadConfig() {
        QString path = get(u"config_file"_s).isString() ? get(u"config_file"_s).toString() : QString();
        if (path.isEmpty()) {
            const QString def = defaultConfigPath();
            if (QFileInfo::exists(def) && !on(u"cpu"_s))
                path = def;
        }
        if (path.isEmpty())
            return true;
        plan.configFile = path;
        config = AccelerateConfig::load(path);
        const Diagnostics ds = config.diagnostics(hw);
        for (const Diagnostic &d : ds) {
            if (d.isError())
                plan.errors.append(d);
            else
                plan.warnings.append(d);
        }
        haveConfig = config.isLoaded() && !hasErrors(ds);
        return haveConfig;
    }

    // --hostfile / --hosts: every machine is started from here, so the machine count and the processes per
    // machine come from the hosts unless the flags or the config say otherwise, and then they must agree.
    // Called after the config is loaded and before it is merged.
    void applyHosts() {
        QString e;
        const bool hostfileGiven = !args.hostfile.isEmpty();
        if (hostfileGiven && !args.hosts.isEmpty()) {
            error(PlanMessages::tr("use --hostfile or --hosts, not both"), u"hostfile"_s);
            return;
        }
        if (!(hostfileGiven ? readHostfile(args.hostfile, &plan.hosts, &e)
                            : parseHostList(args.hosts, &plan.hosts, &e))) {
            error(e, hostfileGiven ? u"hostfile"_s : u"hosts"_s);
            return;
        }
        const QString listed = hostfileGiven ? args.hostfile : u"--hosts"_s;
        const int n = int(plan.hosts.size());
        const Value cfg = haveConfig ? config.processed() : Value();
        // Where a value the user chose comes from: a typed flag, the config file, or nowhere (empty).
        auto source = [&](const QString &dest) -> QString {
            if (args.typed.contains(dest))
                return u"--"_s + dest;
            if (cfg.isMap() && !cfg.get(dest).isNull())
                return plan.configFile;
            return {};
        };
        auto valueOf = [&](const QString &dest) {
            return args.typed.contains(dest) ? get(dest) : cfg.get(dest);
        };
        if (args.typed.contains(u"machine_rank"_s)) {
            error(
                PlanMessages::tr("--machine_rank cannot be used with %1: every machine is started from here, "
                                 "line i of the hosts as machine rank i")
                    .arg(hostfileGiven ? u"--hostfile"_s : u"--hosts"_s),
                u"machine_rank"_s);
            return;
        }
        const QString machinesFrom = source(u"num_machines"_s);
        if (!machinesFrom.isEmpty() && valueOf(u"num_machines"_s).toInt() != n) {
            error(PlanMessages::tr(
                      "%1 lists %n machine(s), but num_machines is %2 (from %3); make them agree", nullptr, n)
                      .arg(listed)
                      .arg(valueOf(u"num_machines"_s).pythonStr(), machinesFrom),
                  u"num_machines"_s);
            return;
        }
        set(u"num_machines"_s, Value::integer(n));
        if (!args.typed.contains(u"num_machines"_s))
            args.typed.insert(u"num_machines"_s);
        int slots = 0;
        for (const HostEntry &h : std::as_const(plan.hosts)) {
            if (h.slots == 0)
                continue;
            if (slots != 0 && h.slots != slots) {
                error(PlanMessages::tr("%1: every machine runs the same number of processes, but %2 has "
                                       "slots=%3 and another slots=%4")
                          .arg(listed, h.host)
                          .arg(h.slots)
                          .arg(slots),
                      u"hostfile"_s);
                return;
            }
            slots = h.slots;
        }
        const QString processesFrom = source(u"num_processes"_s);
        if (slots > 0) {
            if (processesFrom.isEmpty()) {
                set(u"num_processes"_s, Value::integer(qint64(slots) * n));
                args.typed.insert(u"num_processes"_s);
            } else if (valueOf(u"num_processes"_s).toInt() != qint64(slots) * n) {
                error(PlanMessages::tr("%1 gives slots=%2 on each of %3 machines (%4 processes), but "
                                       "num_processes is %5 (from %6)")
                          .arg(listed)
                          .arg(slots)
                          .arg(n)
                          .arg(slots * n)
                          .arg(valueOf(u"num_processes"_s).pythonStr(), processesFrom),
                      u"num_processes"_s);
                return;
            }
        } else if (processesFrom.isEmpty()) {
            set(u"num_processes"_s, Value::integer(n));
            args.typed.insert(u"num_processes"_s);
            warn(PlanMessages::tr("num_processes was not given: one process on each of the %n machine(s)",
                                  nullptr, n));
        }
    }

    // Variables of the launcher's environment that every remote rank gets too (a local rank inherits them):
    // the collective libraries' settings, as DeepSpeed's multi-node runner passes them on.
    void forwardEnvironment(QMap<QString, QString> &env) {
        static const QStringList prefixes = {u"NCCL_"_s, u"GLOO_"_s, u"TORCH_"_s, u"UCX_"_s, u"FI_"_s};
        for (auto it = environ.cbegin(); it != environ.cend(); ++it)
            for (const QString &p : prefixes)
                if (it.key().startsWith(p))
                    env.insert(it.key(), it.value());
    }

    // accelerate's _validate_launch_command with a config (3.2 step 4, 3.3)
    void mergeConfig() {
        const Value p = config.processed();
        const Value dtValue = p.get(u"distributed_type"_s);
        const QString dt = dtValue.isString() ? dtValue.toString() : u"NO"_s;
        if (config.kind() == SageMaker) {
            error(PlanMessages::tr("this is a SageMaker config; Trainyard does not launch SageMaker jobs"));
            return;
        }
        if (!on(u"multi_gpu"_s) && !on(u"tpu"_s) && !on(u"tpu_use_cluster"_s) && !on(u"use_deepspeed"_s) &&
            !on(u"use_fsdp"_s) && !on(u"use_megatron_lm"_s)) {
            set(u"use_deepspeed"_s, Value::boolean(dt == u"DEEPSPEED"_s));
            set(u"multi_gpu"_s, Value::boolean(dt.startsWith(u"MULTI_"_s) && dt != u"MULTI_CPU"_s));
            set(u"tpu"_s, Value::boolean(dt == u"XLA"_s));
            set(u"use_fsdp"_s, Value::boolean(dt == u"FSDP"_s));
            set(u"use_megatron_lm"_s, Value::boolean(dt == u"MEGATRON_LM"_s));
            set(u"use_parallelism_config"_s, Value::boolean(p.get(u"parallelism_config"_s).size() > 0));
            if (dt == u"XLA"_s)
                set(u"tpu_use_cluster"_s, p.get(u"tpu_use_cluster"_s));
        }
        if (get(u"gpu_ids"_s).isNull())
            set(u"gpu_ids"_s, p.get(u"gpu_ids"_s).isNull() ? Value::string(u"all"_s) : p.get(u"gpu_ids"_s));
        // Sections: every inner key lands on its launch argument unless that flag was typed.
        for (const QString &section : schema::sections()) {
            const Value sec = p.get(section);
            if (!sec.isMap())
                continue;
            for (const MapEntry &e : sec.entries()) {
                QString dest = schema::launchArgName(section, e.key);
                // Trainyard reads the names accelerate's own fp8 questionnaire writes (accelerate loses
                // them).
                if (dest == u"fp8_amax_history_length"_s)
                    dest = u"fp8_amax_history_len"_s;
                else if (dest == u"fp8_amax_compute_algorithm"_s)
                    dest = u"fp8_amax_compute_algo"_s;
                else if (dest == u"fp8_optimization_level"_s)
                    dest = u"fp8_opt_level"_s;
                if (!args.typed.contains(dest)) {
                    set(dest, e.value);
                    fromFile << dest;
                }
            }
        }
        if (const Value ds = p.get(u"deepspeed_config"_s); ds.isMap())
            for (const MapEntry &e : ds.entries())
                dsFieldsFromConfig << e.key;
        // Top-level scalars: only where the argument is still None.
        static const QStringList handled = {u"compute_environment"_s, u"mixed_precision"_s,
                                            u"distributed_type"_s};
        for (const MapEntry &e : p.entries()) {
            if (handled.contains(e.key) || schema::sections().contains(e.key))
                continue;
            if (get(e.key).isNull())
                set(e.key, e.value);
        }
        // Trainyard honours enable_cpu_affinity from the file (accelerate drops it; validation warned).
        if (p.get(u"enable_cpu_affinity"_s).truthy())
            set(u"enable_cpu_affinity"_s, Value::boolean(true));
        set(u"debug"_s, Value::boolean(on(u"debug"_s) || p.get(u"debug"_s).truthy()));
        if (get(u"mixed_precision"_s).isNull()) {
            const Value mp = p.get(u"mixed_precision"_s);
            set(u"mixed_precision"_s, mp.isNull() ? Value::string(u"no"_s) : mp);
            mixedPrecisionFromConfig = !mp.isNull();
        }
        if (get(u"num_processes"_s).isInt() && get(u"num_processes"_s).toInt() == -1)
            error(
                PlanMessages::tr("the config does not say how many processes to start; pass --num_processes"),
                u"num_processes"_s);
    }

    void defaultsWithoutConfig() {
        if (get(u"num_processes"_s).isNull()) {
            const int n = on(u"cpu"_s) ? 1 : std::max(1, hw.cudaDevices);
            set(u"num_processes"_s, Value::integer(n));
            warn(PlanMessages::tr("--num_processes was not given and no config was found; using %1").arg(n));
        }
        set(u"debug"_s, Value::boolean(on(u"debug"_s)));
        if (!on(u"multi_gpu"_s) && !on(u"cpu"_s) && get(u"num_processes"_s).toInt() > 1 && hw.cudaDevices > 1)
            set(u"multi_gpu"_s, Value::boolean(true));
        if (get(u"num_machines"_s).isNull())
            set(u"num_machines"_s, Value::integer(1));
        if (get(u"mixed_precision"_s).isNull())
            set(u"mixed_precision"_s, Value::string(u"no"_s));
        set(u"use_cpu"_s, Value::boolean(on(u"cpu"_s)));
        if (get(u"gpu_ids"_s).isNull())
            set(u"gpu_ids"_s, Value::string(u"all"_s));
    }

    int threadsPerProcess(int numProcesses, int numMachines) {
        const Value typed = get(u"num_cpu_threads_per_process"_s);
        if (typed.isInt())
            return int(typed.toInt());
        const QString omp = environ.value(u"OMP_NUM_THREADS"_s);
        bool ok = false;
        int threads = omp.toInt(&ok);
        if (!ok)
            threads = 1;
        if ((on(u"cpu"_s) || on(u"use_cpu"_s)) && numProcesses >= 1 && (!ok || threads == 0)) {
            const int local = std::max(numProcesses / std::max(numMachines, 1), 1);
            const int perRank = hw.physicalCores / local;
            if (perRank > 1)
                threads = perRank;
        }
        return std::max(threads, 1);
    }

    // ---- environment blocks ----

    void mixedPrecisionEnv(QMap<QString, QString> &env) {
        const QString mp = lower(get(u"mixed_precision"_s));
        static const QStringList allowed = {u"no"_s, u"fp8"_s, u"fp16"_s, u"bf16"_s};
        if (!allowed.contains(mp)) {
            error(PlanMessages::tr("unknown mixed_precision mode '%1'; choose one of no, fp16, bf16, fp8")
                      .arg(mp),
                  u"mixed_precision"_s);
            return;
        }
        env[u"ACCELERATE_MIXED_PRECISION"_s] = mp;
        if (mp != u"fp8"_s)
            return;
        for (auto it = args.values.cbegin(); it != args.values.cend(); ++it) {
            if (!it.key().startsWith(u"fp8_"_s) || it.value().isNull())
                continue;
            if (it.key() == u"fp8_override_linear_precision"_s) {
                overrideLinearPrecisionEnv(it.value(), env);
                continue;
            }
            // accelerate parses these two flags with str_to_bool (so "true" becomes 1); from the file they
            // stay the YAML booleans ("True").
            if ((it.key() == u"fp8_enable_fsdp_float8_all_gather"_s || it.key() == u"fp8_pad_inner_dim"_s) &&
                !fromFile.contains(it.key())) {
                const std::optional<int> b = strToBool(str(it.value()));
                if (!b) {
                    error(
                        PlanMessages::tr("--%1: '%2' is not a truth value (true/false, yes/no, on/off, 1/0)")
                            .arg(it.key(), str(it.value())),
                        it.key());
                    continue;
                }
                env[u"ACCELERATE_"_s + it.key().toUpper()] = QString::number(*b);
                continue;
            }
            env[u"ACCELERATE_"_s + it.key().toUpper()] = str(it.value());
        }
    }

    // accelerate's str_to_bool: 1 for y/yes/t/true/on/1, 0 for n/no/f/false/off/0 (any case), else nothing.
    static std::optional<int> strToBool(const QString &text) {
        const QString t = text.toLower();
        if (QStringList{u"y"_s, u"yes"_s, u"t"_s, u"true"_s, u"on"_s, u"1"_s}.contains(t))
            return 1;
        if (QStringList{u"n"_s, u"no"_s, u"f"_s, u"false"_s, u"off"_s, u"0"_s}.contains(t))
            return 0;
        return std::nullopt;
    }

    // ACCELERATE_FP8_OVERRIDE_FPROP/_DGRAD/_WGRAD as accelerate exports them: str() of each of three values.
    // The flag gives str_to_bool's 1/0, its default (False, False, False), the file its YAML list. The text
    // accelerate 0.34 wrote ("(false, false, false)") is read as the booleans it spells, with a warning
    // (compat.h); accelerate would export its first three characters.
    void overrideLinearPrecisionEnv(const Value &v, QMap<QString, QString> &env) {
        const QStringList names = {u"FPROP"_s, u"DGRAD"_s, u"WGRAD"_s};
        QStringList out;
        const QString dest = u"fp8_override_linear_precision"_s;
        if (v.isList()) {
            for (const Value &item : v.items())
                out << str(item);
        } else if (args.typed.contains(dest)) {
            for (const QString &part : str(v).split(u',')) {
                const std::optional<int> b = strToBool(part);
                if (!b) {
                    error(PlanMessages::tr("--fp8_override_linear_precision: '%1' is not a truth value")
                              .arg(part),
                          dest);
                    return;
                }
                out << QString::number(*b);
            }
        } else if (!fromFile.contains(dest)) {
            out = {u"False"_s, u"False"_s, u"False"_s}; // the flag's default, a tuple of bools
        } else {
            out = compat::overrideTextBooleans(str(v));
            warn(compat::warning(compat::Fix::Fp8OverrideText).arg(str(v), out.mid(0, 3).join(u", "_s)));
        }
        if (out.size() < 3) {
            error(PlanMessages::tr(
                      "fp8 override_linear_precision needs three values (fprop, dgrad, wgrad), not "
                      "%1")
                      .arg(str(v)),
                  u"fp8_config.override_linear_precision"_s);
            return;
        }
        for (int i = 0; i < 3; ++i)
            env[u"ACCELERATE_FP8_OVERRIDE_"_s + names[i]] = out[i];
    }

    void commonEnv(QMap<QString, QString> &env, int threads) {
        if (on(u"debug"_s))
            env[u"ACCELERATE_DEBUG_MODE"_s] = u"true"_s;
        const Value ids = get(u"gpu_ids"_s);
        if (ids.isString() && ids.toString() != u"all"_s)
            env[u"CUDA_VISIBLE_DEVICES"_s] = ids.toString();
        mixedPrecisionEnv(env);
        Value backend = get(u"dynamo_backend"_s);
        if (backend.isNull())
            backend = Value::string(u"no"_s);
        const QString upper = str(backend).toUpper();
        if (!schema::dynamoBackends().contains(upper))
            error(PlanMessages::tr("unknown dynamo backend '%1'").arg(str(backend)),
                  u"dynamo_config.dynamo_backend"_s);
        env[u"ACCELERATE_DYNAMO_BACKEND"_s] = upper;
        env[u"ACCELERATE_DYNAMO_MODE"_s] = str(get(u"dynamo_mode"_s));
        env[u"ACCELERATE_DYNAMO_USE_FULLGRAPH"_s] =
            get(u"dynamo_use_fullgraph"_s).truthy() ? u"True"_s : u"False"_s;
        env[u"ACCELERATE_DYNAMO_USE_DYNAMIC"_s] =
            get(u"dynamo_use_dynamic"_s).truthy() ? u"True"_s : u"False"_s;
        env[u"ACCELERATE_DYNAMO_USE_REGIONAL_COMPILATION"_s] =
            get(u"dynamo_use_regional_compilation"_s).truthy() ? u"True"_s : u"False"_s;
        env[u"OMP_NUM_THREADS"_s] = QString::number(threads);
        if (on(u"enable_cpu_affinity"_s))
            env[u"ACCELERATE_CPU_AFFINITY"_s] = u"1"_s;
    }

    void fsdpEnv(QMap<QString, QString> &env) {
        env[u"ACCELERATE_USE_FSDP"_s] = u"true"_s;
        env[u"FSDP_VERSION"_s] = str(get(u"fsdp_version"_s));
        QString strategy = str(get(u"fsdp_sharding_strategy"_s));
        const Value reshard = get(u"fsdp_reshard_after_forward"_s);
        const bool v1 = str(get(u"fsdp_version"_s)) == u"1"_s;
        const bool strategyGiven = args.typed.contains(u"fsdp_sharding_strategy"_s) ||
                                   !config.field(u"fsdp_config.fsdp_sharding_strategy"_s).isNull();
        if (v1 && !strategyGiven && reshard.isString() &&
            schema::find(u"fsdp_config"_s, u"fsdp_sharding_strategy"_s)
                ->choices.contains(reshard.toString().toUpper())) {
            strategy = reshard.toString().toUpper();
            if (strategy != u"FULL_SHARD"_s)
                warn(compat::warning(compat::Fix::FsdpStrategyInReshard).arg(strategy));
        }
        env[u"FSDP_SHARDING_STRATEGY"_s] = strategy;
        env[u"FSDP_RESHARD_AFTER_FORWARD"_s] = lower(reshard);
        env[u"FSDP_OFFLOAD_PARAMS"_s] = lower(get(u"fsdp_offload_params"_s));
        env[u"FSDP_MIN_NUM_PARAMS"_s] = str(get(u"fsdp_min_num_params"_s));
        const QList<std::pair<QString, QString>> optional = {
            {u"fsdp_auto_wrap_policy"_s, u"FSDP_AUTO_WRAP_POLICY"_s},
            {u"fsdp_transformer_layer_cls_to_wrap"_s, u"FSDP_TRANSFORMER_CLS_TO_WRAP"_s},
            {u"fsdp_backward_prefetch"_s, u"FSDP_BACKWARD_PREFETCH"_s},
            {u"fsdp_state_dict_type"_s, u"FSDP_STATE_DICT_TYPE"_s}};
        for (const auto &[dest, var] : optional)
            if (!get(dest).isNull())
                env[var] = str(get(dest));
        for (const QString &k : {u"forward_prefetch"_s, u"use_orig_params"_s, u"cpu_ram_efficient_loading"_s,
                                 u"sync_module_states"_s, u"activation_checkpointing"_s})
            env[u"FSDP_"_s + k.toUpper()] = lower(get(u"fsdp_"_s + k));
        if (!get(u"fsdp_ignored_modules"_s).isNull())
            env[u"FSDP_IGNORED_MODULES"_s] = str(get(u"fsdp_ignored_modules"_s));
        // accelerate's multi-GPU launcher raises a ValueError before any rank starts when
        // `args.fsdp_cpu_ram_efficient_loading and not args.fsdp_sync_module_states` (Python truth): a value
        // from the file is a boolean, so `fsdp_sync_module_states: false` is refused; a typed flag is a
        // string, so
        // `--fsdp_sync_module_states false` is "false", true to Python, and launches.
        const Value cpuRam = get(u"fsdp_cpu_ram_efficient_loading"_s);
        const Value sync = get(u"fsdp_sync_module_states"_s);
        if (cpuRam.truthy() && !sync.truthy())
            error(PlanMessages::tr("fsdp_cpu_ram_efficient_loading is on and fsdp_sync_module_states is off: "
                                   "accelerate launch refuses this (\"When using "
                                   "`--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to "
                                   "`True`\"); set fsdp_sync_module_states to true"),
                  u"fsdp_sync_module_states"_s);
        else if (lower(cpuRam) == u"true"_s && lower(sync) == u"false"_s)
            warn(PlanMessages::tr(
                "fsdp_cpu_ram_efficient_loading with fsdp_sync_module_states false: only rank 0 "
                "loads the weights, so the others need them broadcast; accelerate's FSDP1 "
                "plugin turns fsdp_sync_module_states on when the run starts"));
    }

    void megatronEnv(QMap<QString, QString> &env) {
        env[u"ACCELERATE_USE_MEGATRON_LM"_s] = u"true"_s;
        for (const QString &k :
             {u"tp_degree"_s, u"use_custom_fsdp"_s, u"pp_degree"_s, u"gradient_clipping"_s})
            env[u"MEGATRON_LM_"_s + k.toUpper()] = str(get(u"megatron_lm_"_s + k));
        for (const QString &k : {u"no_load_optim"_s,
                                 u"eod_mask_loss"_s,
                                 u"no_save_optim"_s,
                                 u"optimizer_cpu_offload"_s,
                                 u"use_precision_aware_optimizer"_s,
                                 u"overlap_cpu_optimizer_d2h_h2d"_s,
                                 u"decoder_last_pipeline_num_layers"_s,
                                 u"num_micro_batches"_s,
                                 u"sequence_parallelism"_s,
                                 u"recompute_activations"_s,
                                 u"use_distributed_optimizer"_s,
                                 u"recompute_granularity"_s,
                                 u"recompute_method"_s,
                                 u"recompute_num_layers"_s,
                                 u"attention_backend"_s,
                                 u"expert_model_parallel_size"_s,
                                 u"context_parallel_size"_s,
                                 u"attention_dropout"_s,
                                 u"hidden_dropout"_s,
                                 u"attention_softmax_in_fp32"_s,
                                 u"expert_tensor_parallel_size"_s,
                                 u"calculate_per_token_loss"_s,
                                 u"use_rotary_position_embeddings"_s})
            if (!get(u"megatron_lm_"_s + k).isNull())
                env[u"MEGATRON_LM_"_s + k.toUpper()] = str(get(u"megatron_lm_"_s + k));
    }

    void parallelismEnv(QMap<QString, QString> &env) {
        if (!on(u"use_parallelism_config"_s))
            return;
        env[u"ACCELERATE_USE_PARALLELISM_CONFIG"_s] = u"true"_s;
        auto p = [&](const QString &k) { return get(u"parallelism_config_"_s + k); };
        for (const QString &k : {u"dp_replicate_size"_s, u"dp_shard_size"_s, u"tp_size"_s, u"cp_size"_s,
                                 u"cp_backend"_s, u"sp_size"_s, u"sp_backend"_s})
            env[u"PARALLELISM_CONFIG_"_s + k.toUpper()] = str(p(k));
        if (p(u"cp_size"_s).toInt() > 1)
            env[u"PARALLELISM_CONFIG_CP_COMM_STRATEGY"_s] = str(p(u"cp_comm_strategy"_s));
        if (p(u"sp_size"_s).toInt() > 1)
            for (const QString &k :
                 {u"sp_seq_length"_s, u"sp_seq_length_is_variable"_s, u"sp_attn_implementation"_s})
                env[u"PARALLELISM_CONFIG_"_s + k.toUpper()] = str(p(k));
    }

    void deepspeedEnv(QMap<QString, QString> &env) {
        if (on(u"debug"_s))
            env[u"ACCELERATE_DEBUG_MODE"_s] = u"true"_s;
        const Value ids = get(u"gpu_ids"_s);
        if (ids.isString() && ids.toString() != u"all"_s)
            env[u"CUDA_VISIBLE_DEVICES"_s] = ids.toString();
        const QString cwd = QDir::currentPath();
        const QString pythonPath = environ.value(u"PYTHONPATH"_s);
        env[u"PYTHONPATH"_s] = pythonPath.isEmpty() ? cwd : pythonPath + u':' + cwd;
        mixedPrecisionEnv(env);
        if (haveConfig) {
            QStringList fields = dsFieldsFromConfig;
            if (mixedPrecisionFromConfig)
                fields << u"mixed_precision"_s;
            env[u"ACCELERATE_CONFIG_DS_FIELDS"_s] = fields.join(u',').toLower();
        }
        env[u"ACCELERATE_USE_DEEPSPEED"_s] = u"true"_s;
        const QList<std::tuple<QString, QString, bool>> vars = {
            {u"zero_stage"_s, u"ACCELERATE_DEEPSPEED_ZERO_STAGE"_s, false},
            {u"gradient_accumulation_steps"_s, u"ACCELERATE_GRADIENT_ACCUMULATION_STEPS"_s, false},
            {u"gradient_clipping"_s, u"ACCELERATE_GRADIENT_CLIPPING"_s, true},
            {u"offload_optimizer_device"_s, u"ACCELERATE_DEEPSPEED_OFFLOAD_OPTIMIZER_DEVICE"_s, true},
            {u"offload_param_device"_s, u"ACCELERATE_DEEPSPEED_OFFLOAD_PARAM_DEVICE"_s, true},
            {u"zero3_init_flag"_s, u"ACCELERATE_DEEPSPEED_ZERO3_INIT"_s, true},
            {u"zero3_save_16bit_model"_s, u"ACCELERATE_DEEPSPEED_ZERO3_SAVE_16BIT_MODEL"_s, true},
            {u"deepspeed_config_file"_s, u"ACCELERATE_DEEPSPEED_CONFIG_FILE"_s, false},
            {u"deepspeed_moe_layer_cls_names"_s, u"ACCELERATE_DEEPSPEED_MOE_LAYER_CLS_NAMES"_s, false},
            // accelerate drops these two; its DeepSpeed plugin reads them, so Trainyard exports them.
            {u"offload_optimizer_nvme_path"_s, u"ACCELERATE_DEEPSPEED_OFFLOAD_OPTIMIZER_NVME_PATH"_s, false},
            {u"offload_param_nvme_path"_s, u"ACCELERATE_DEEPSPEED_OFFLOAD_PARAM_NVME_PATH"_s, false},
        };
        for (const auto &[dest, var, lowered] : vars) {
            if (get(dest).isNull())
                continue;
            env[var] = lowered ? lower(get(dest)) : str(get(dest));
            // From the file, validation warns (the same text); a typed flag is warned about here.
            if (dest.endsWith(u"_nvme_path"_s) && args.typed.contains(dest))
                warn(compat::warning(compat::Fix::NvmeOffloadPath).arg(u"--"_s + dest, var));
        }
        if (on(u"enable_cpu_affinity"_s))
            env[u"ACCELERATE_CPU_AFFINITY"_s] = u"1"_s;
        parallelismEnv(env);
    }

    int resolvePort(int numMachines, int machineRank) {
        const Value p = get(u"main_process_port"_s);
        int port = p.isInt() ? int(p.toInt()) : DefaultPort;
        const bool checks = numMachines == 1 || machineRank == 0;
        if (port == 0) {
            if (numMachines > 1 && machineRank != 0) {
                error(PlanMessages::tr(
                          "main_process_port is 0 (pick a free port), but only machine 0 can pick it; give "
                          "machine "
                          "%1 the port machine 0 chose")
                          .arg(machineRank),
                      u"main_process_port"_s);
                return 0;
            }
            port = pickFreePort();
            warn(PlanMessages::tr("main_process_port 0: using free port %1").arg(port));
        } else if (checks && !isPortFree(port)) {
            if (numMachines > 1) {
                error(PlanMessages::tr(
                          "port %1 on this machine (machine 0) is in use; the other machines expect the "
                          "rendezvous "
                          "there. Free it or choose another main_process_port on every machine")
                          .arg(port),
                      u"main_process_port"_s);
                return 0;
            }
            const int free = pickFreePort();
            warn(PlanMessages::tr("port %1 is in use; using free port %2 instead").arg(port).arg(free));
            port = free;
        }
        return port;
    }

    QStringList argvFor() {
        QStringList argv;
        const bool direct =
            on(u"no_python"_s) || (!on(u"module"_s) && !args.script.endsWith(u".py"_s) &&
                                   QFileInfo(args.script).isFile() && QFileInfo(args.script).isExecutable());
        if (!direct) {
            argv << (args.python.isEmpty() ? u"python3"_s : args.python);
            if (on(u"module"_s))
                argv << u"-m"_s;
        }
        argv << args.script << args.scriptArgs;
        return argv;
    }

    void build() {
        if (!validateFlags())
            return;
        if (!loadConfig() && !plan.configFile.isEmpty())
            return;
        if (!args.hostfile.isEmpty() || !args.hosts.isEmpty()) {
            applyHosts();
            if (!plan.errors.isEmpty())
                return;
        }
        if (haveConfig)
            mergeConfig();
        else
            defaultsWithoutConfig();
        if (!plan.errors.isEmpty())
            return;
        if (on(u"tpu"_s)) {
            error(PlanMessages::tr("Trainyard does not launch TPU (XLA) runs"));
            return;
        }
        const int numProcesses = int(get(u"num_processes"_s).toInt());
        const int numMachines =
            std::max(1, int(get(u"num_machines"_s).isInt() ? get(u"num_machines"_s).toInt() : 1));
        const int machineRank = get(u"machine_rank"_s).isInt() ? int(get(u"machine_rank"_s).toInt()) : 0;
        if (numProcesses < 1) {
            error(PlanMessages::tr("num_processes must be at least 1"), u"num_processes"_s);
            return;
        }
        if (numProcesses % numMachines != 0) {
            error(PlanMessages::tr("num_processes (%1) must be divisible by num_machines (%2)")
                      .arg(numProcesses)
                      .arg(numMachines),
                  u"num_processes"_s);
            return;
        }
        if (machineRank < 0 || machineRank >= numMachines) {
            error(PlanMessages::tr("machine_rank %1 is outside 0..%2").arg(machineRank).arg(numMachines - 1),
                  u"machine_rank"_s);
            return;
        }
        const Value ids = get(u"gpu_ids"_s);
        if (on(u"multi_gpu"_s) && numMachines <= 1 && ids.isString() && ids.toString() != u"all"_s &&
            ids.toString().split(u',', Qt::SkipEmptyParts).size() < 2) {
            error(PlanMessages::tr("less than two GPU ids were configured for a multi-GPU run"),
                  u"gpu_ids"_s);
            return;
        }
        const bool remote = !plan.hosts.isEmpty() || args.slurm;
        if (args.slurm && !plan.hosts.isEmpty()) {
            error(PlanMessages::tr("--slurm runs on the nodes Slurm gives the job: leave out --hostfile and "
                                   "--hosts"));
            return;
        }
        if (numMachines > 1 && get(u"main_process_ip"_s).isNull() && !remote) {
            error(PlanMessages::tr("several machines need main_process_ip"), u"main_process_ip"_s);
            return;
        }
        const bool cpu = on(u"cpu"_s) || on(u"use_cpu"_s);
        if (on(u"use_deepspeed"_s) && !cpu)
            plan.launcher = u"deepspeed"_s;
        else if ((on(u"use_fsdp"_s) || on(u"use_megatron_lm"_s) || on(u"multi_gpu"_s)) && !cpu)
            plan.launcher = u"multi_gpu"_s;
        else
            plan.launcher = u"simple"_s;

        const int perMachine = numProcesses / numMachines;
        const int threads = threadsPerProcess(numProcesses, numMachines);
        QMap<QString, QString> env;
        const bool distributed = numProcesses > 1 || numMachines > 1;
        if (plan.launcher == u"simple"_s) {
            env[u"ACCELERATE_USE_CPU"_s] = cpu ? u"True"_s : u"False"_s;
            commonEnv(env, threads);
        } else if (plan.launcher == u"multi_gpu"_s) {
            commonEnv(env, threads);
            if (on(u"use_fsdp"_s))
                fsdpEnv(env);
            if (on(u"use_megatron_lm"_s))
                megatronEnv(env);
            parallelismEnv(env);
        } else {
            deepspeedEnv(env);
            if (perMachine > 1 && !environ.contains(u"OMP_NUM_THREADS"_s))
                env[u"OMP_NUM_THREADS"_s] = u"1"_s; // what torchrun does for several workers
        }
        if (!plan.errors.isEmpty())
            return;
        if (distributed || plan.launcher != u"simple"_s) {
            if (remote) {
                // Machine 0 is somewhere else: its port is checked (or, for 0, picked) there at launch.
                const Value p = get(u"main_process_port"_s);
                plan.port = p.isInt() ? int(p.toInt()) : DefaultPort;
                if (plan.port == 0)
                    warn(PlanMessages::tr(
                        "main_process_port 0: machine 0 picks a free port when the run starts"));
            } else {
                plan.port = resolvePort(numMachines, machineRank);
            }
            if (!plan.errors.isEmpty())
                return;
            if (args.slurm && get(u"main_process_ip"_s).isNull()) {
                plan.masterAddr = u"$FIRST_NODE_ADDR"_s; // the job's first node's NodeAddr, found in the job
            } else if (remote && get(u"main_process_ip"_s).isNull()) {
                // Resolved at launch to machine 0's address as this machine reached it over SSH.
                plan.masterFromHosts = true;
                plan.masterAddr = hostNameOf(plan.hosts.value(0).host);
            } else {
                plan.masterAddr = numMachines > 1 || remote ? str(get(u"main_process_ip"_s)) : u"127.0.0.1"_s;
            }
            env[u"MASTER_ADDR"_s] = plan.masterAddr;
            env[u"MASTER_PORT"_s] = QString::number(plan.port);
        }
        if (plan.launcher == u"simple"_s && numProcesses > 1 && !cpu)
            warn(compat::warning(compat::Fix::ProcessesWithoutDistributedType).arg(numProcesses));
        if (plan.launcher == u"simple"_s && cpu && perMachine > 1)
            // Nothing is wrong: an ordinary CPU launch. Said as a note, not a warning.
            note(compat::warning(compat::Fix::MultiCpuWithoutMpi).arg(numProcesses).arg(perMachine));

        plan.numProcesses = numProcesses;
        plan.numMachines = numMachines;
        plan.machineRank = machineRank;
        if (remote)
            forwardEnvironment(env);
        // --env NAME=VALUE (accelerate's flag for TPU VMs): every rank on every machine.
        const Value envFlags = get(u"env"_s);
        for (const Value &item : envFlags.items()) {
            const QString kv = item.toString();
            const qsizetype eq = kv.indexOf(u'=');
            if (eq <= 0) {
                error(PlanMessages::tr("--env %1: expected NAME=VALUE").arg(kv), u"env"_s);
                return;
            }
            env.insert(kv.left(eq), kv.mid(eq + 1));
        }
        const QStringList argv = argvFor();
        const int maxRestarts = int(get(u"max_restarts"_s).toInt());
        for (int m = 0; m < numMachines; ++m) {
            for (int local = 0; local < perMachine; ++local) {
                RankPlan r;
                r.machineRank = m;
                r.localRank = local;
                r.rank = m * perMachine + local;
                r.argv = argv;
                r.env = env;
                if (distributed || plan.launcher != u"simple"_s) {
                    r.env[u"RANK"_s] = QString::number(r.rank);
                    r.env[u"LOCAL_RANK"_s] = QString::number(local);
                    r.env[u"WORLD_SIZE"_s] = QString::number(numProcesses);
                    r.env[u"LOCAL_WORLD_SIZE"_s] = QString::number(perMachine);
                    r.env[u"GROUP_RANK"_s] = QString::number(m);
                    r.env[u"GROUP_WORLD_SIZE"_s] = QString::number(numMachines);
                    r.env[u"ROLE_RANK"_s] = QString::number(r.rank);
                    r.env[u"ROLE_NAME"_s] = str(get(u"role"_s));
                    r.env[u"ROLE_WORLD_SIZE"_s] = QString::number(numProcesses);
                    r.env[u"TORCHELASTIC_RESTART_COUNT"_s] = u"0"_s;
                    r.env[u"TORCHELASTIC_MAX_RESTARTS"_s] = QString::number(maxRestarts);
                    r.env[u"TORCHELASTIC_RUN_ID"_s] = u"none"_s;
                    r.env[u"TORCHELASTIC_USE_AGENT_STORE"_s] = u"False"_s;
                }
                plan.ranks << r;
            }
        }
    }
};

} // namespace

// A word sh and bash read back byte for byte. Anchored at both ends (a `$` would also match before a final
// newline); '=' is quoted so that no word before the program can be taken for an assignment.
QString shellQuote(const QString &s) {
    static const QRegularExpression safe(u"\\A[A-Za-z0-9_./:,+@%-]+\\z"_s);
    if (!s.isEmpty() && safe.match(s).hasMatch())
        return s;
    return u"'"_s + QString(s).replace(u"'"_s, u"'\\''"_s) + u"'"_s;
}

static bool isShellName(const QString &s) {
    static const QRegularExpression name(u"\\A[A-Za-z_][A-Za-z0-9_]*\\z"_s);
    return name.match(s).hasMatch();
}

QList<RankPlan> LaunchPlan::ranksOfMachine(int machine) const {
    QList<RankPlan> out;
    for (const RankPlan &r : ranks)
        if (r.machineRank == machine)
            out << r;
    return out;
}

QByteArray LaunchPlan::toJson() const {
    QJsonObject root;
    QJsonArray warns;
    for (const Diagnostic &d : warnings)
        warns.append(d.format());
    root[u"warnings"_s] = warns;
    QJsonArray notesJson;
    for (const Diagnostic &d : notes)
        notesJson.append(d.format());
    root[u"notes"_s] = notesJson;
    QJsonArray errs;
    for (const Diagnostic &d : errors)
        errs.append(d.format());
    root[u"errors"_s] = errs;
    root[u"launcher"_s] = launcher;
    root[u"config_file"_s] = configFile.isEmpty() ? QJsonValue() : QJsonValue(configFile);
    root[u"num_processes"_s] = numProcesses;
    root[u"num_machines"_s] = numMachines;
    root[u"machine_rank"_s] = machineRank;
    if (!hosts.isEmpty()) {
        QJsonArray ms;
        for (qsizetype i = 0; i < hosts.size(); ++i)
            ms.append(QJsonObject{{u"machine_rank"_s, int(i)},
                                  {u"host"_s, hosts[i].host},
                                  {u"processes"_s, int(ranksOfMachine(int(i)).size())}});
        root[u"machines"_s] = ms;
        root[u"main_process_ip_from_ssh"_s] = masterFromHosts;
    }
    QJsonArray rs;
    for (const RankPlan &r : ranks) {
        QJsonObject o;
        o[u"machine_rank"_s] = r.machineRank;
        o[u"rank"_s] = r.rank;
        o[u"local_rank"_s] = r.localRank;
        o[u"argv"_s] = QJsonArray::fromStringList(r.argv);
        QJsonObject env;
        for (auto it = r.env.cbegin(); it != r.env.cend(); ++it)
            env[it.key()] = it.value();
        o[u"env"_s] = env;
        rs.append(o);
    }
    root[u"ranks"_s] = rs;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString LaunchPlan::toShellScript(int machine, const QString &workingDirectory) const {
    QString s = u"#!/bin/sh\n# "_s +
                PlanMessages::tr("Generated by Trainyard: the ranks of machine %1 of %2.")
                    .arg(machine)
                    .arg(numMachines) +
                u"\nset -e\n"_s;
    if (!workingDirectory.isEmpty())
        s += u"cd "_s + shellQuote(workingDirectory) + u'\n';
    s += u"pids=\"\"\n"_s;
    for (const RankPlan &r : ranksOfMachine(machine)) {
        // Assignments the shell itself makes for the command (NAME='value' prog args): unlike `env`, nothing
        // after them is read as NAME=VALUE, so a program path holding '=' runs as itself.
        QStringList words;
        QStringList odd; // names no shell assignment can carry (none that Trainyard sets)
        for (auto it = r.env.cbegin(); it != r.env.cend(); ++it) {
            if (isShellName(it.key()))
                words << it.key() + u'=' + shellQuote(it.value());
            else
                odd << shellQuote(it.key() + u'=' + it.value());
        }
        if (!odd.isEmpty())
            words << u"env"_s << odd << u"--"_s;
        for (const QString &a : r.argv)
            words << shellQuote(a);
        s += words.join(u' ') + u" &\npids=\"$pids $!\"\n"_s;
    }
    s += u"status=0\nfor p in $pids; do wait \"$p\" || status=$?; done\nexit $status\n"_s;
    return s;
}

bool isPortFree(int port) {
    QTcpServer any;
    if (!any.listen(QHostAddress::AnyIPv4, quint16(port)))
        return false;
    any.close();
    QTcpServer local;
    return local.listen(QHostAddress::LocalHost, quint16(port));
}

int pickFreePort() {
    QTcpServer s;
    if (!s.listen(QHostAddress::AnyIPv4, 0))
        return DefaultPort;
    return s.serverPort();
}

LaunchPlan planLaunch(const LaunchArgs &args, const HardwareInfo &hw, const PlanOptions &options) {
    Planner p{args, hw, {}, {}, {}, false, false, {}, {}};
    if (options.environmentGiven) {
        p.environ = options.environment;
    } else {
        const QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
        for (const QString &k : pe.keys())
            p.environ.insert(k, pe.value(k));
    }
    p.build();
    p.plan.settings = p.args.values;
    if (!p.plan.ok())
        p.plan.ranks.clear();
    return p.plan;
}

} // namespace trainyard
