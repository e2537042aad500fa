#include "launchargs.h"

#include "config/schema.h"

#include <QCoreApplication>
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
    for (LaunchFlagSpec s : {flag({"--dry-run"}, K::StoreTrue, F), flag({"--json"}, K::StoreTrue, F),
                             flag({"--python"}, K::String, N()), flag({"--grace"}, K::Float, N()),
                             flag({"--watchdog"}, K::Int, N()), flag({"--watchdog-kill"}, K::StoreTrue, F),
                             flag({"--show-ranks"}, K::String, N(), {u"main"_s, u"all"_s, u"none"_s}),
                             flag({"--db"}, K::String, N()), flag({"--name"}, K::String, N())}) {
        s.trainyard = true;
        f << s;
    }
    return f;
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

} // namespace

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
