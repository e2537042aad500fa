#include "launchargs.h"

#include "config/schema.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <cmath>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

struct FlagMessages {
    Q_DECLARE_TR_FUNCTIONS(trainyard::FlagMessages)
};

using K = LaunchFlagSpec::Kind;

LaunchFlagSpec flag(std::initializer_list<const char *> names, K kind, Value def, QStringList choices = {}) {
    LaunchFlagSpec s;
    for (const char *n : names)
        s.names << QString::fromLatin1(n);
    QString longest = s.names.last();
    s.dest = longest.mid(longest.startsWith(u"--"_s) ? 2 : 1).replace(u'-', u'_');
    s.kind = kind;
    s.defaultValue = def;
    s.choices = choices;
    return s;
}

Value S(const char *s) {
    return Value::string(QString::fromLatin1(s));
}
Value N() {
    return Value::null();
}

QList<LaunchFlagSpec> buildSpecs() {
    QList<LaunchFlagSpec> f;
    const Value F = Value::boolean(false);
    f << flag({"--config_file"}, K::String, N()) << flag({"-q", "--quiet"}, K::StoreTrue, N())
      << flag({"-m", "--module"}, K::StoreTrue, N()) << flag({"--no_python"}, K::StoreTrue, N())
      << flag({"--debug"}, K::StoreTrue, N());
    f << flag({"--cpu"}, K::StoreTrue, F) << flag({"--multi_gpu"}, K::StoreTrue, F)
      << flag({"--tpu"}, K::StoreTrue, F);
    f << flag({"--mixed_precision"}, K::String, N(), {u"no"_s, u"fp16"_s, u"bf16"_s, u"fp8"_s})
      << flag({"--num_processes"}, K::Int, N()) << flag({"--num_machines"}, K::Int, N())
      << flag({"--num_cpu_threads_per_process"}, K::Int, N())
      << flag({"--enable_cpu_affinity"}, K::StoreTrue, F);
    f << flag({"--dynamo_backend"}, K::String, N()) << flag({"--dynamo_mode"}, K::String, S("default"))
      << flag({"--dynamo_use_fullgraph"}, K::StoreTrue, F) << flag({"--dynamo_use_dynamic"}, K::StoreTrue, F)
      << flag({"--dynamo_use_regional_compilation"}, K::StoreTrue, F);
    f << flag({"--use_deepspeed"}, K::StoreTrue, F) << flag({"--use_fsdp"}, K::StoreTrue, F)
      << flag({"--use_parallelism_config"}, K::StoreTrue, F) << flag({"--use_megatron_lm"}, K::StoreTrue, F);
    f << flag({"--gpu_ids"}, K::String, N()) << flag({"--same_network"}, K::StoreTrue, F)
      << flag({"--machine_rank"}, K::Int, N()) << flag({"--main_process_ip"}, K::String, N())
      << flag({"--main_process_port"}, K::Int, N()) << flag({"-t", "--tee"}, K::String, S("0"))
      << flag({"--log_dir"}, K::String, N()) << flag({"--role"}, K::String, S("default"))
      << flag({"--rdzv_backend"}, K::String, S("static")) << flag({"--rdzv_conf"}, K::String, S(""))
      << flag({"--max_restarts"}, K::Int, Value::integer(0))
      << flag({"--monitor_interval"}, K::Float, Value::real(0.1));
    LaunchFlagSpec cluster = flag({"--tpu_cluster"}, K::StoreTrue, F);
    cluster.dest = u"tpu_use_cluster"_s;
    f << cluster << flag({"--tpu_use_sudo"}, K::StoreTrue, F) << flag({"--vm"}, K::Append, N())
      << flag({"--env"}, K::Append, N()) << flag({"--main_training_function"}, K::String, N())
      << flag({"--downcast_bf16"}, K::StoreTrue, F);
    for (const char *n : {"--deepspeed_config_file", "--offload_optimizer_device", "--offload_param_device",
                          "--offload_optimizer_nvme_path", "--offload_param_nvme_path", "--zero3_init_flag",
                          "--zero3_save_16bit_model", "--deepspeed_hostfile", "--deepspeed_exclusion_filter",
                          "--deepspeed_inclusion_filter", "--deepspeed_multinode_launcher",
                          "--deepspeed_moe_layer_cls_names"})
        f << flag({n}, K::String, N());
    f << flag({"--zero_stage"}, K::Int, N()) << flag({"--gradient_accumulation_steps"}, K::Int, N())
      << flag({"--gradient_clipping"}, K::Float, N());
    f << flag({"--fsdp_version"}, K::String, S("1"), {u"1"_s, u"2"_s})
      << flag({"--fsdp_offload_params"}, K::String, S("false"))
      << flag({"--fsdp_min_num_params"}, K::Int, Value::integer(100000000))
      << flag({"--fsdp_sharding_strategy"}, K::String, S("FULL_SHARD"))
      << flag({"--fsdp_reshard_after_forward"}, K::String, S("true"))
      << flag({"--fsdp_auto_wrap_policy"}, K::String, N())
      << flag({"--fsdp_transformer_layer_cls_to_wrap"}, K::String, N())
      << flag({"--fsdp_backward_prefetch"}, K::String, N())
      << flag({"--fsdp_state_dict_type"}, K::String, N())
      << flag({"--fsdp_forward_prefetch"}, K::String, S("false"))
      << flag({"--fsdp_use_orig_params"}, K::String, S("true"))
      << flag({"--fsdp_cpu_ram_efficient_loading"}, K::String, S("true"))
      << flag({"--fsdp_sync_module_states"}, K::String, S("true"))
      << flag({"--fsdp_activation_checkpointing"}, K::String, S("false"))
      << flag({"--fsdp_ignored_modules"}, K::String, N());
    f << flag({"--megatron_lm_tp_degree"}, K::Int, Value::integer(1))
      << flag({"--megatron_lm_pp_degree"}, K::Int, Value::integer(1))
      << flag({"--megatron_lm_gradient_clipping"}, K::Float, Value::real(1.0));
    for (const char *n :
         {"--megatron_lm_use_custom_fsdp", "--megatron_lm_no_load_optim", "--megatron_lm_eod_mask_loss",
          "--megatron_lm_overlap_cpu_optimizer_d2h_h2d", "--megatron_lm_no_save_optim",
          "--megatron_lm_optimizer_cpu_offload", "--megatron_lm_use_precision_aware_optimizer"})
        f << flag({n}, K::String, F); // accelerate: type=bool, so any text but "" is True
    for (const char *n :
         {"--megatron_lm_num_micro_batches", "--megatron_lm_sequence_parallelism",
          "--megatron_lm_recompute_activations", "--megatron_lm_use_distributed_optimizer",
          "--megatron_lm_decoder_last_pipeline_num_layers", "--megatron_lm_recompute_granularity",
          "--megatron_lm_recompute_method", "--megatron_lm_recompute_num_layers",
          "--megatron_lm_attention_backend", "--megatron_lm_expert_model_parallel_size",
          "--megatron_lm_context_parallel_size", "--megatron_lm_attention_dropout",
          "--megatron_lm_hidden_dropout", "--megatron_lm_attention_softmax_in_fp32",
          "--megatron_lm_expert_tensor_parallel_size", "--megatron_lm_calculate_per_token_loss",
          "--megatron_lm_use_rotary_position_embeddings"})
        f << flag({n}, K::String, N());
    f << flag({"--fp8_backend"}, K::String, N(), {u"ao"_s, u"te"_s, u"msamp"_s})
      << flag({"--fp8_use_autocast_during_eval"}, K::StoreTrue, F)
      << flag({"--fp8_margin"}, K::Int, Value::integer(0))
      << flag({"--fp8_interval"}, K::Int, Value::integer(1)) << flag({"--fp8_format"}, K::String, S("HYBRID"))
      << flag({"--fp8_amax_history_len"}, K::Int, Value::integer(1024))
      << flag({"--fp8_amax_compute_algo"}, K::String, S("most_recent"))
      << flag({"--fp8_override_linear_precision"}, K::String, S("False,False,False"))
      << flag({"--fp8_opt_level"}, K::String, S("O2"))
      << flag({"--fp8_enable_fsdp_float8_all_gather"}, K::String, S("true"))
      << flag({"--fp8_pad_inner_dim"}, K::String, S("true"));
    f << flag({"--aws_access_key_id"}, K::String, N()) << flag({"--aws_secret_access_key"}, K::String, N())
      << flag({"--mpirun_hostfile"}, K::String, N());
    for (const char *n :
         {"--parallelism_config_dp_replicate_size", "--parallelism_config_dp_shard_size",
          "--parallelism_config_tp_size", "--parallelism_config_cp_size", "--parallelism_config_sp_size"})
        f << flag({n}, K::Int, Value::integer(1));
    f << flag({"--parallelism_config_cp_backend"}, K::String, S("torch"))
      << flag({"--parallelism_config_cp_comm_strategy"}, K::String, S("allgather"))
      << flag({"--parallelism_config_sp_backend"}, K::String, S("deepspeed"))
      << flag({"--parallelism_config_sp_seq_length"}, K::String, N())
      << flag({"--parallelism_config_sp_seq_length_is_variable"}, K::String, Value::boolean(true))
      << flag({"--parallelism_config_sp_attn_implementation"}, K::String, S("sdpa"));

    // Trainyard's own flags
    for (LaunchFlagSpec s : {flag({"--dry-run"}, K::StoreTrue, F),
                             flag({"--json"}, K::StoreTrue, F),
                             flag({"--python"}, K::String, N()),
                             flag({"--grace"}, K::Float, N()),
                             flag({"--watchdog"}, K::Int, N()),
                             flag({"--watchdog-kill"}, K::StoreTrue, F),
                             flag({"--show-ranks"}, K::String, N(), {u"main"_s, u"all"_s, u"none"_s}),
                             flag({"--db"}, K::String, N()),
                             flag({"--name"}, K::String, N()),
                             flag({"--hostfile"}, K::String, N()),
                             flag({"--hosts"}, K::String, N()),
                             flag({"--ssh"}, K::String, N()),
                             flag({"--check"}, K::StoreTrue, F),
                             flag({"--slurm"}, K::StoreTrue, F),
                             flag({"--partition"}, K::String, N()),
                             flag({"--time"}, K::String, N()),
                             flag({"--account"}, K::String, N()),
                             flag({"--slurm-arg"}, K::Append, N()),
                             flag({"--detach"}, K::StoreTrue, F),
                             flag({"--slurm-job"}, K::String, N()),
                             flag({"--queued-run"}, K::String, N()),
                             flag({"--rerun-of"}, K::String, N()),
                             flag({"--no-capture"}, K::StoreTrue, F),
                             flag({"--tensorboard-dir"}, K::String, N())}) {
        s.trainyard = true;
        f << s;
    }
    return f;
}

} // namespace

QStringList withoutFlags(const QStringList &words, const QStringList &dests) {
    QStringList out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        if (!w.startsWith(u'-') || w == u"-"_s) { // the script: the rest is its own
            out += words.mid(i);
            break;
        }
        const qsizetype eq = w.indexOf(u'=');
        const QString name = eq > 0 && w.startsWith(u"--"_s) ? w.left(eq) : w;
        const LaunchFlagSpec *spec = findFlag(name);
        const bool takesValue = spec && spec->kind != LaunchFlagSpec::Kind::StoreTrue && eq < 0;
        if (spec && dests.contains(spec->dest)) {
            if (takesValue)
                ++i;
            continue;
        }
        out << w;
        if (takesValue && i + 1 < words.size())
            out << words[++i];
    }
    return out;
}

const LaunchFlagSpec *findFlag(const QString &word) {
    QString normalized = word;
    if (normalized.startsWith(u"--"_s))
        normalized = u"--"_s + normalized.mid(2).replace(u'-', u'_');
    for (const LaunchFlagSpec &s : launchFlagSpecs()) {
        for (const QString &n : s.names) {
            const QString nn = n.startsWith(u"--"_s) ? u"--"_s + QString(n.mid(2)).replace(u'-', u'_') : n;
            if (nn == normalized)
                return &s;
        }
    }
    return nullptr;
}

const QList<LaunchFlagSpec> &launchFlagSpecs() {
    static const QList<LaunchFlagSpec> specs = buildSpecs();
    return specs;
}

bool parseLaunchArgs(const QStringList &words, LaunchArgs *out, QString *error) {
    LaunchArgs a;
    for (const LaunchFlagSpec &s : launchFlagSpecs())
        if (!s.trainyard)
            a.values.insert(s.dest, s.defaultValue);
    auto fail = [&](const QString &msg) {
        if (error)
            *error = msg;
        return false;
    };
    qsizetype i = 0;
    for (; i < words.size(); ++i) {
        const QString &w = words[i];
        if (!w.startsWith(u'-') || w == u"-"_s)
            break;
        if (w == u"--"_s) {
            ++i;
            break;
        }
        if (w == u"-h"_s || w == u"--help"_s) {
            a.help = true; // before the script only: after it, --help is the script's
            continue;
        }
        QString name = w;
        QString inlineValue;
        bool hasInline = false;
        if (const qsizetype eq = w.indexOf(u'='); eq > 0 && w.startsWith(u"--"_s)) {
            name = w.left(eq);
            inlineValue = w.mid(eq + 1);
            hasInline = true;
        }
        const LaunchFlagSpec *spec = findFlag(name);
        if (!spec)
            return fail(FlagMessages::tr("unknown launch flag %1").arg(name));
        Value v;
        if (spec->kind == K::StoreTrue) {
            if (hasInline)
                return fail(FlagMessages::tr("%1 takes no value").arg(name));
            v = Value::boolean(true);
        } else {
            QString text;
            if (hasInline) {
                text = inlineValue;
            } else {
                if (i + 1 >= words.size())
                    return fail(FlagMessages::tr("%1 needs a value").arg(name));
                text = words[++i];
            }
            switch (spec->kind) {
            case K::Int: {
                bool ok = false;
                const qint64 n = text.toLongLong(&ok);
                if (!ok)
                    return fail(
                        FlagMessages::tr("%1: '%2' is not an integer (or too large)").arg(name, text));
                const schema::IntRange range = schema::intRange(spec->dest);
                if (n < range.min || n > range.max)
                    return fail(FlagMessages::tr("%1: %2 is out of range (%3 to %4)")
                                    .arg(name, text)
                                    .arg(range.min)
                                    .arg(range.max));
                v = Value::integer(n);
                break;
            }
            case K::Float: {
                bool ok = false;
                const double d = text.toDouble(&ok);
                if (!ok || !std::isfinite(d))
                    return fail(FlagMessages::tr("%1: '%2' is not a number").arg(name, text));
                if (spec->dest == u"grace"_s && (d < 0 || d > 86400))
                    return fail(
                        FlagMessages::tr("%1: %2 is out of range (0 to 86400 seconds)").arg(name, text));
                v = Value::real(d);
                break;
            }
            case K::Append: {
                v = a.values.value(spec->dest);
                if (!v.isList())
                    v = Value::list();
                v.append(Value::string(text));
                break;
            }
            default:
                if (!spec->choices.isEmpty() && !spec->choices.contains(text))
                    return fail(FlagMessages::tr("%1: '%2' is not one of %3")
                                    .arg(name, text, spec->choices.join(u", "_s)));
                v = Value::string(text);
            }
        }
        if (spec->trainyard) {
            if (spec->dest == u"dry_run"_s)
                a.dryRun = true;
            else if (spec->dest == u"json"_s)
                a.json = true;
            else if (spec->dest == u"python"_s)
                a.python = v.toString();
            else if (spec->dest == u"grace"_s)
                a.graceSeconds = v.toFloat();
            else if (spec->dest == u"watchdog"_s)
                a.watchdogSeconds = int(v.toInt());
            else if (spec->dest == u"watchdog_kill"_s)
                a.watchdogKill = true;
            else if (spec->dest == u"show_ranks"_s)
                a.showRanks = v.toString();
            else if (spec->dest == u"db"_s)
                a.db = v.toString();
            else if (spec->dest == u"name"_s)
                a.runName = v.toString();
            else if (spec->dest == u"no_capture"_s)
                a.noCapture = true;
            else if (spec->dest == u"tensorboard_dir"_s)
                a.tensorboardDir = v.toString();
            else if (spec->dest == u"hostfile"_s)
                a.hostfile = v.toString();
            else if (spec->dest == u"hosts"_s)
                a.hosts = v.toString();
            else if (spec->dest == u"ssh"_s)
                a.ssh = v.toString();
            else if (spec->dest == u"check"_s)
                a.checkHosts = true;
            else if (spec->dest == u"slurm"_s)
                a.slurm = true;
            else if (spec->dest == u"partition"_s)
                a.slurmPartition = v.toString();
            else if (spec->dest == u"time"_s)
                a.slurmTime = v.toString();
            else if (spec->dest == u"account"_s)
                a.slurmAccount = v.toString();
            else if (spec->dest == u"slurm_arg"_s)
                a.slurmArgs << v.items().back().toString();
            else if (spec->dest == u"detach"_s)
                a.detach = true;
            else if (spec->dest == u"slurm_job"_s)
                a.slurmJob = v.toString();
            else if (spec->dest == u"queued_run"_s)
                a.queuedRun = v.toString();
            else if (spec->dest == u"rerun_of"_s)
                a.rerunOf = v.toString();
            continue;
        }
        a.values.insert(spec->dest, v);
        a.typed.insert(spec->dest);
    }
    if (i < words.size()) {
        a.script = words[i];
        a.scriptArgs = words.mid(i + 1);
    }
    *out = a;
    return true;
}

} // namespace trainyard

// ---- help ------------------------------------------------------------------------------------------------

namespace trainyard {

namespace {

struct FlagHelp {
    Q_DECLARE_TR_FUNCTIONS(trainyard::FlagHelp)
};

// Help for the flags that are not config keys (the config keys' help is the schema's).
const QHash<QString, const char *> &ownHelp() {
    static const QHash<QString, const char *> h = {
        {u"config_file"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                                             "the accelerate config to launch with (default: accelerate's "
                                             "default config, when it exists)")},
        {u"quiet"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "accepted for accelerate's sake; Trainyard's "
                                                              "launcher prints little anyway")},
        {u"module"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "run the script as a Python module (python -m MODULE)")},
        {u"no_python"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "run the program directly, without Python (a C++ LibTorch program, "
                           "a shell script)")},
        {u"debug"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "set ACCELERATE_DEBUG_MODE in every rank (extra checks in accelerate)")},
        {u"cpu"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "train on the CPU, even where GPUs are present")},
        {u"multi_gpu"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "distributed data parallel over GPUs")},
        {u"tpu"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "train on TPUs")},
        {u"use_deepspeed"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "train with DeepSpeed")},
        {u"use_fsdp"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "train with PyTorch FSDP")},
        {u"use_parallelism_config"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "combine data, tensor, context and sequence parallelism (the parallelism_config_* "
                           "flags; with FSDP 2)")},
        {u"use_megatron_lm"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "train with Megatron-LM")},
        {u"tee"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "torchrun's --tee (0 none, 1 stdout, 2 stderr, 3 both); Trainyard always "
                           "keeps every rank's output in the run folder")},
        {u"log_dir"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "torchrun's log folder, for accelerate's sake")},
        {u"role"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the workers' role name (ROLE_NAME)")},
        {u"rdzv_conf"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "extra rendezvous settings, KEY=VALUE,... (torchrun's --rdzv_conf)")},
        {u"max_restarts"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "restart every rank this many times after a failure "
                                                  "(TORCHELASTIC_RESTART_COUNT counts them)")},
        {u"monitor_interval"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "seconds between checks of the ranks (torchrun's setting)")},
        {u"vm"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "a TPU VM to run on (repeatable)")},
        {u"env"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "set NAME=VALUE in every rank's environment, on every machine (repeatable; "
                           "accelerate uses it for TPU VMs only)")},
        {u"aws_access_key_id"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the AWS access key id for a SageMaker launch")},
        {u"aws_secret_access_key"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the AWS secret access key for a SageMaker launch")},
        {u"mpirun_hostfile"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "accelerate's MPI hostfile for multi-CPU runs; Trainyard starts a machine's CPU ranks "
             "itself")},
        {u"num_cpu_threads_per_process"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "OMP_NUM_THREADS for each rank (default: the physical "
                                                  "cores divided among this machine's ranks, on CPU runs)")},
        {u"dynamo_mode"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "torch.compile's mode: default, reduce-overhead or max-autotune")},
        {u"dynamo_use_fullgraph"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "torch.compile with fullgraph=True: fail on graph breaks instead of splitting")},
        {u"dynamo_use_dynamic"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "torch.compile with dynamic shapes")},
        {u"dynamo_use_regional_compilation"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "compile repeated blocks once and reuse them (shorter compile times)")},
        {u"deepspeed_exclusion_filter"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "DeepSpeed's multi-node launcher: the hosts or GPUs to leave out")},
        {u"deepspeed_inclusion_filter"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "DeepSpeed's multi-node launcher: the only hosts or GPUs to use")},
        {u"megatron_lm_gradient_clipping"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: clip gradients to this global norm")},
        {u"megatron_lm_use_custom_fsdp"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: use its own FSDP (any text but an empty one means yes)")},
        {u"megatron_lm_no_load_optim"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: do not load the optimizer state from a "
                                                  "checkpoint (any text but an empty one means yes)")},
        {u"megatron_lm_eod_mask_loss"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "Megatron-LM: mask the loss at end-of-document tokens (any text but an empty one means yes)")},
        {u"megatron_lm_overlap_cpu_optimizer_d2h_h2d"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: overlap the CPU optimizer's copies to and "
                                                  "from the GPU (any text but an empty one means yes)")},
        {u"megatron_lm_no_save_optim"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "Megatron-LM: do not save the optimizer state (any text but an empty one means yes)")},
        {u"megatron_lm_optimizer_cpu_offload"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "Megatron-LM: keep the optimizer on the CPU (any text but an empty one means yes)")},
        {u"megatron_lm_use_precision_aware_optimizer"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "Megatron-LM: the precision-aware optimizer (any text but an empty one means yes)")},
        {u"megatron_lm_num_micro_batches"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: micro-batches per pipeline step")},
        {u"megatron_lm_sequence_parallelism"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: sequence parallelism with tensor parallelism (true or false)")},
        {u"megatron_lm_recompute_activations"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: recompute activations in backward (true or false)")},
        {u"megatron_lm_use_distributed_optimizer"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "Megatron-LM: shard the optimizer state over data-parallel ranks (true or false)")},
        {u"megatron_lm_decoder_last_pipeline_num_layers"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: decoder layers on the last pipeline stage")},
        {u"megatron_lm_recompute_granularity"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: what to recompute (full or selective)")},
        {u"megatron_lm_recompute_method"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: how layers are chosen for recomputation (uniform or block)")},
        {u"megatron_lm_recompute_num_layers"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: layers per recomputation unit")},
        {u"megatron_lm_attention_backend"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: the attention implementation")},
        {u"megatron_lm_expert_model_parallel_size"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: ranks that share the experts of a mixture-of-experts layer")},
        {u"megatron_lm_context_parallel_size"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: ranks that split the sequence (context parallelism)")},
        {u"megatron_lm_attention_dropout"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: dropout after attention")},
        {u"megatron_lm_hidden_dropout"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: dropout of hidden states")},
        {u"megatron_lm_attention_softmax_in_fp32"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: attention softmax in float32 (true or false)")},
        {u"megatron_lm_expert_tensor_parallel_size"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: tensor parallelism inside each expert")},
        {u"megatron_lm_calculate_per_token_loss"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "Megatron-LM: average the loss over tokens instead of samples (true or false)")},
        {u"megatron_lm_use_rotary_position_embeddings"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "Megatron-LM: rotary position embeddings (true or false)")},
        {u"fp8_use_autocast_during_eval"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "keep FP8 autocast on during evaluation")},
        {u"fp8_margin"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                                            "TransformerEngine: the margin for the FP8 scaling factor")},
        {u"fp8_interval"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "TransformerEngine: steps between updates of the scaling factors")},
        {u"fp8_amax_history_len"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "TransformerEngine: how many steps of amax history the scaling uses")},
        {u"parallelism_config_dp_replicate_size"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "ranks that each hold a full replica of the model (data parallelism across replicas)")},
        {u"parallelism_config_dp_shard_size"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "ranks that share one sharded replica (FSDP sharding)")},
        {u"parallelism_config_tp_size"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "tensor parallel degree")},
        {u"parallelism_config_cp_size"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "context parallel degree (the sequence split over ranks)")},
        {u"parallelism_config_sp_size"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "sequence parallel degree")},
        {u"parallelism_config_sp_seq_length"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the sequence length for sequence parallelism")},
        {u"parallelism_config_sp_seq_length_is_variable"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "whether sequences vary in length under sequence parallelism")},
        {u"fp8_format"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "TransformerEngine: the FP8 format, HYBRID (E4M3 forward, E5M2 backward) or E4M3")},
        {u"fp8_amax_compute_algo"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "TransformerEngine: how amax is taken from its history (max or most_recent)")},
        {u"fp8_override_linear_precision"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "TransformerEngine: higher precision for the forward, data-gradient and "
                           "weight-gradient matmuls, three booleans such as False,False,False")},
        {u"fp8_opt_level"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "MS-AMP: the optimization level (O1 or O2)")},
        {u"fp8_enable_fsdp_float8_all_gather"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "torchao: all-gather FSDP2 parameters in float8")},
        {u"fp8_pad_inner_dim"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "torchao: pad inner dimensions to multiples of 16 for float8 matmuls")},
        {u"parallelism_config_cp_backend"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the context parallel backend")},
        {u"parallelism_config_cp_comm_strategy"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "how context parallel ranks exchange keys and values (allgather or alltoall)")},
        {u"parallelism_config_sp_backend"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the sequence parallel backend")},
        {u"parallelism_config_sp_attn_implementation"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the attention implementation under sequence parallelism")},
        {u"dry_run"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "start nothing: print a shell script that starts this machine's ranks")},
        {u"json"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                                      "with --dry-run: print every rank's argv and environment as JSON")},
        {u"python"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the Python interpreter (default: python3 on PATH)")},
        {u"grace"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "seconds between SIGTERM and SIGKILL when ranks are stopped (default 5)")},
        {u"watchdog"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "report a rank that prints and logs nothing for this many seconds")},
        {u"watchdog_kill"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "with --watchdog: stop the run when a rank goes silent")},
        {u"show_ranks"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "whose output reaches the terminal: every rank's, the main rank's, or "
                           "none (default all; the run folder keeps everything)")},
        {u"db"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "the run database (default: $TRAINYARD_DB, else "
                                                           "$XDG_DATA_HOME/trainyard/trainyard.db)")},
        {u"name"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                                      "the run's name in the database (default: the script's name)")},
        {u"no_capture"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "record nothing from what the script gives accelerate, Trainer, Lightning or "
                           "SummaryWriter (TrainyardTracker and TensorBoard event files still count)")},
        {u"tensorboard_dir"_s,
         QT_TRANSLATE_NOOP(
             "trainyard::FlagHelp",
             "follow the TensorBoard event files written under DIR while the run goes (default: "
             "the run's working directory)")},
        {u"hostfile"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "run on the machines of FILE, one per line as HOST [slots=N]; line i is machine "
                           "rank i, and every machine is started from here over SSH")},
        {u"hosts"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                                       "run on these machines: HOST[:SLOTS],... (like --hostfile)")},
        {u"check"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "with --hostfile or --hosts: check every machine (reachable, "
                           "authenticated, trainyard and the interpreter there) and start nothing")},
        {u"slurm"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                                       "submit the run as a Slurm job of num_machines nodes (sbatch) and "
                                       "follow it; Ctrl-C cancels the job")},
        {u"partition"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "with --slurm: the partition")},
        {u"time"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "with --slurm: the time limit (Slurm's format)")},
        {u"account"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp", "with --slurm: the account to charge")},
        {u"slurm_arg"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "with --slurm: one more sbatch option, e.g. --slurm-arg=--gres=gpu:4 "
                           "(repeatable)")},
        {u"detach"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "with --slurm: print the job id and return; the job records the run")},
        {u"slurm_job"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "used by the batch script Trainyard writes: run the ranks of run ID "
                           "on the nodes of this Slurm job")},
        {u"rerun_of"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "used by `trainyard runs rerun`: the new run is tagged rerun_of=ID")},
        {u"queued_run"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                           "used by `trainyard queue run`: start run ID, recorded by `trainyard queue add`")},
        {u"ssh"_s, QT_TRANSLATE_NOOP("trainyard::FlagHelp",
                                     "the command that connects to a machine (default: ssh; your ssh config, "
                                     "agent and known hosts apply)")},
        {u"env"_s,
         QT_TRANSLATE_NOOP("trainyard::FlagHelp", "set NAME=VALUE in every rank's environment (repeatable)")},
    };
    return h;
}

// accelerate launch's argument groups, in its order.
enum class Group {
    Top,
    Hardware,
    Resource,
    Paradigm,
    Distributed,
    Tpu,
    DeepSpeed,
    Fsdp,
    Megatron,
    Fp8,
    Aws,
    Mpi,
    Parallelism,
    Trainyard
};

Group groupOf(const LaunchFlagSpec &s) {
    const QString &d = s.dest;
    if (s.trainyard)
        return Group::Trainyard;
    if (d == u"cpu"_s || d == u"multi_gpu"_s || d == u"tpu"_s)
        return Group::Hardware;
    if (d == u"mixed_precision"_s || d == u"num_processes"_s || d == u"num_machines"_s ||
        d == u"num_cpu_threads_per_process"_s || d == u"enable_cpu_affinity"_s || d.startsWith(u"dynamo_"_s))
        return Group::Resource;
    if (d.startsWith(u"use_"_s))
        return Group::Paradigm;
    if (d == u"gpu_ids"_s || d == u"same_network"_s || d == u"machine_rank"_s ||
        d.startsWith(u"main_process_"_s) || d == u"tee"_s || d == u"log_dir"_s || d == u"role"_s ||
        d.startsWith(u"rdzv_"_s) || d == u"max_restarts"_s || d == u"monitor_interval"_s)
        return Group::Distributed;
    if (d.startsWith(u"tpu_"_s) || d == u"vm"_s || d == u"env"_s || d == u"main_training_function"_s ||
        d == u"downcast_bf16"_s)
        return Group::Tpu;
    if (d.startsWith(u"deepspeed_"_s) || d == u"zero_stage"_s || d.startsWith(u"offload_"_s) ||
        d.startsWith(u"zero3_"_s) || d == u"gradient_accumulation_steps"_s || d == u"gradient_clipping"_s)
        return Group::DeepSpeed;
    if (d.startsWith(u"fsdp_"_s))
        return Group::Fsdp;
    if (d.startsWith(u"megatron_lm_"_s))
        return Group::Megatron;
    if (d.startsWith(u"fp8_"_s))
        return Group::Fp8;
    if (d.startsWith(u"aws_"_s))
        return Group::Aws;
    if (d.startsWith(u"mpirun_"_s))
        return Group::Mpi;
    if (d.startsWith(u"parallelism_config_"_s))
        return Group::Parallelism;
    return Group::Top;
}

QString groupTitle(Group g) {
    switch (g) {
    case Group::Top:
        return FlagHelp::tr("General");
    case Group::Hardware:
        return FlagHelp::tr("Hardware selection");
    case Group::Resource:
        return FlagHelp::tr("Resource selection");
    case Group::Paradigm:
        return FlagHelp::tr("Training paradigm");
    case Group::Distributed:
        return FlagHelp::tr("Distributed GPUs and machines");
    case Group::Tpu:
        return FlagHelp::tr("TPU");
    case Group::DeepSpeed:
        return FlagHelp::tr("DeepSpeed");
    case Group::Fsdp:
        return FlagHelp::tr("FSDP");
    case Group::Megatron:
        return FlagHelp::tr("Megatron-LM");
    case Group::Fp8:
        return FlagHelp::tr("FP8");
    case Group::Aws:
        return FlagHelp::tr("AWS (SageMaker)");
    case Group::Mpi:
        return FlagHelp::tr("MPI");
    case Group::Parallelism:
        return FlagHelp::tr("ParallelismConfig");
    case Group::Trainyard:
        return FlagHelp::tr("Trainyard's own");
    }
    return {};
}

// Words wrapped to `width` columns, every line after the first indented by `indent`.
QString wrap(const QString &text, int indent, int width) {
    QString out;
    int column = indent;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (column > indent && column + 1 + word.size() > width) {
            out += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (column > indent) {
            out += u' ';
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    return out;
}

// What a flag's value is, in its help line.
QString metavar(const LaunchFlagSpec &s) {
    if (s.kind == LaunchFlagSpec::Kind::Int)
        return u"N"_s;
    if (s.kind == LaunchFlagSpec::Kind::Float)
        return u"X"_s;
    if (s.dest.endsWith(u"_file"_s) || s.dest.endsWith(u"_path"_s) || s.dest.endsWith(u"hostfile"_s) ||
        s.dest == u"log_dir"_s || s.dest == u"db"_s || s.dest == u"python"_s)
        return u"PATH"_s;
    return u"VALUE"_s;
}

} // namespace

QString launchFlagHelp(const LaunchFlagSpec &spec) {
    if (const char *own = ownHelp().value(spec.dest))
        return QCoreApplication::translate("trainyard::FlagHelp", own);
    // A config key's flag: the schema's help for that key (top level, or the section it belongs to).
    for (const FieldSpec &f : schema::fields())
        if ((f.section.isEmpty() ? f.key : schema::launchArgName(f.section, f.key)) == spec.dest && f.help)
            return f.helpText();
    return {};
}

QString launchHelpText() {
    constexpr int Column = 30;
    constexpr int Width = 100;
    QString out =
        FlagHelp::tr("usage: trainyard launch [FLAGS] SCRIPT_OR_PROGRAM [ARGS...]") + u"\n\n"_s +
        wrap(FlagHelp::tr("Starts this machine's ranks of a training script or program with the "
                          "environment accelerate launch gives them, supervises them, and records the "
                          "run. Flags you type beat the config file; the file beats the flags' "
                          "defaults. Flags are accepted with - or _ between words. Everything after the "
                          "script goes to the script."),
             0, Width) +
        u'\n';
    QMap<int, QList<const LaunchFlagSpec *>> groups;
    for (const LaunchFlagSpec &s : launchFlagSpecs())
        groups[int(groupOf(s))] << &s;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        out += u'\n' + groupTitle(Group(it.key())) + u":\n"_s;
        for (const LaunchFlagSpec *s : it.value()) {
            QString left = u"  "_s + s->names.join(u", "_s);
            if (s->kind != LaunchFlagSpec::Kind::StoreTrue)
                left += s->choices.isEmpty() ? QString(u' ' + metavar(*s))
                                             : QString(u" {"_s + s->choices.join(u',') + u'}');
            QString help = launchFlagHelp(*s);
            if (!s->defaultValue.isNull() && s->kind != LaunchFlagSpec::Kind::StoreTrue &&
                !s->defaultValue.pythonStr().isEmpty())
                help += u" "_s + FlagHelp::tr("(default: %1)").arg(s->defaultValue.pythonStr());
            if (left.size() >= Column - 1)
                out += left + u'\n' + QString(Column, u' ');
            else
                out += left.leftJustified(Column, u' ');
            out += wrap(help, Column, Width) + u'\n';
        }
    }
    return out;
}

} // namespace trainyard
