#include "schema.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace trainyard {

QString FieldSpec::helpText() const {
    return help ? QCoreApplication::translate("trainyard::schema", help) : QString();
}

namespace schema {

namespace {

Value S(const char *s) {
    return Value::string(QString::fromLatin1(s));
}
Value B(bool b) {
    return Value::boolean(b);
}
Value I(qint64 i) {
    return Value::integer(i);
}
Value F(double d) {
    return Value::real(d);
}
Value N() {
    return Value::null();
}
Value D() {
    return Value::map();
}

QStringList L(std::initializer_list<const char *> xs) {
    QStringList out;
    for (const char *x : xs)
        out << QString::fromLatin1(x);
    return out;
}

const QStringList kDistributed =
    L({"NO", "MULTI_CPU", "MULTI_GPU", "MULTI_NPU", "MULTI_MLU", "MULTI_SDAA", "MULTI_MUSA", "MULTI_XPU",
       "DEEPSPEED", "FSDP", "XLA", "MEGATRON_LM", "MULTI_HPU", "MULTI_NEURON"});
const QStringList kSageMakerDistributed = L({"NO", "DATA_PARALLEL", "MODEL_PARALLEL"});
const QStringList kDynamo = L({"NO", "EAGER", "AOT_EAGER", "INDUCTOR", "AOT_TS_NVFUSER", "NVPRIMS_NVFUSER",
                               "CUDAGRAPHS", "OFI", "FX2TRT", "ONNXRT", "TENSORRT", "AOT_TORCHXLA_TRACE_ONCE",
                               "TORCHXLA_TRACE_ONCE", "TVM", "HPU_BACKEND", "NEURON"});
const QStringList kShardingStrategies =
    L({"FULL_SHARD", "SHARD_GRAD_OP", "NO_SHARD", "HYBRID_SHARD", "HYBRID_SHARD_ZERO2"});

FieldSpec top(const char *key, FieldType t, Value def, const char *help, unsigned kinds = Cluster,
              QStringList choices = {}, bool ci = false) {
    FieldSpec f;
    f.key = QString::fromLatin1(key);
    f.type = t;
    f.defaultValue = def;
    f.help = help;
    f.kinds = kinds;
    f.choices = choices;
    f.caseInsensitive = ci;
    return f;
}

FieldSpec sec(const char *section, const char *key, FieldType t, Value def, const char *help,
              QStringList choices = {}, bool ci = false, bool digits = false) {
    FieldSpec f = top(key, t, def, help, Cluster, choices, ci);
    f.section = QString::fromLatin1(section);
    f.digitsAllowed = digits;
    return f;
}

QList<FieldSpec> buildFields() {
    using T = FieldType;
    QList<FieldSpec> f;
    // ---- BaseConfig (both kinds)
    f << top(
        "compute_environment", T::Enum, S("LOCAL_MACHINE"),
        QT_TRANSLATE_NOOP("trainyard::schema", "Where the run happens: this machine or Amazon SageMaker."),
        BothKinds, L({"LOCAL_MACHINE", "AMAZON_SAGEMAKER"}));
    FieldSpec dt =
        top("distributed_type", T::Enum, N(),
            QT_TRANSLATE_NOOP("trainyard::schema",
                              "The kind of distributed training: NO, MULTI_GPU (DDP), MULTI_CPU, FSDP, "
                              "DEEPSPEED, MEGATRON_LM, XLA (TPU), ..."),
            BothKinds, kDistributed);
    dt.required = true;
    f << dt;
    f << top("mixed_precision", T::Enum, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Mixed precision mode; quote 'no' in YAML."), BothKinds,
             L({"no", "fp16", "bf16", "fp8"}), true);
    f << top("use_cpu", T::Bool, B(false),
             QT_TRANSLATE_NOOP("trainyard::schema", "Train on the CPU even when accelerators are present."),
             BothKinds);
    f << top("debug", T::Bool, B(false),
             QT_TRANSLATE_NOOP("trainyard::schema",
                               "Check distributed operations for errors (ACCELERATE_DEBUG_MODE)."),
             BothKinds);
    f << top(
        "enable_cpu_affinity", T::Bool, B(false),
        QT_TRANSLATE_NOOP("trainyard::schema",
                          "Pin each rank to the CPU cores nearest its GPU (NUMA). accelerate launch ignores "
                          "this key from the file; Trainyard honours it."),
        BothKinds);
    f << top("dynamo_config", T::Dict, D(),
             QT_TRANSLATE_NOOP("trainyard::schema", "torch.compile (TorchDynamo) settings."), BothKinds);
    // ---- ClusterConfig
    f << top("num_processes", T::Int, I(-1),
             QT_TRANSLATE_NOOP("trainyard::schema", "Total number of processes over all machines."));
    f << top("machine_rank", T::Int, I(0),
             QT_TRANSLATE_NOOP("trainyard::schema", "Rank of this machine, from 0 to num_machines - 1."));
    f << top("num_machines", T::Int, I(1), QT_TRANSLATE_NOOP("trainyard::schema", "Number of machines."),
             BothKinds);
    f << top("gpu_ids", T::String, N(),
             QT_TRANSLATE_NOOP(
                 "trainyard::schema",
                 "GPUs to use, as 'all' or a comma-separated list such as '0,1'; quote a single id."),
             BothKinds);
    f << top("main_process_ip", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Address of machine 0, needed with several machines."));
    f << top(
        "main_process_port", T::Int, N(),
        QT_TRANSLATE_NOOP("trainyard::schema",
                          "Port of the rendezvous on machine 0; 0 picks a free port; empty means 29500."));
    f << top("rdzv_backend", T::String, S("static"),
             QT_TRANSLATE_NOOP("trainyard::schema",
                               "torchrun rendezvous backend (static or c10d); accelerate launch ignores it "
                               "from the file."));
    f << top(
        "same_network", T::Bool, B(false),
        QT_TRANSLATE_NOOP("trainyard::schema",
                          "Whether all machines share a local network; accelerate launch ignores it from "
                          "the file."));
    f << top("main_training_function", T::String, S("main"),
             QT_TRANSLATE_NOOP("trainyard::schema", "TPU only: the function the TPU launcher calls."));
    f << top("downcast_bf16", T::Any, B(false),
             QT_TRANSLATE_NOOP(
                 "trainyard::schema",
                 "TPU only: store float32 as bfloat16; accelerate launch ignores it from the file."));
    for (const char *s : {"fp8_config", "deepspeed_config", "fsdp_config", "parallelism_config",
                          "megatron_lm_config", "mpirun_config"})
        f << top(s, T::Dict, D(), nullptr);
    f << top("tpu_name", T::String, N(), QT_TRANSLATE_NOOP("trainyard::schema", "TPU pod name."));
    f << top("tpu_zone", T::String, N(), QT_TRANSLATE_NOOP("trainyard::schema", "TPU pod zone."));
    f << top("tpu_use_cluster", T::Bool, B(false),
             QT_TRANSLATE_NOOP("trainyard::schema", "Launch on a TPU pod."));
    f << top("tpu_use_sudo", T::Bool, B(false),
             QT_TRANSLATE_NOOP("trainyard::schema", "Run TPU pod commands with sudo."));
    f << top("command_file", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Script run on every TPU pod worker at start-up."));
    f << top("commands", T::StringList, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Commands run on every TPU pod worker at start-up."));
    f << top("tpu_vm", T::StringList, N(), QT_TRANSLATE_NOOP("trainyard::schema", "TPU VM names."));
    f << top("tpu_env", T::StringList, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Environment variables for TPU pod workers."));
    // ---- SageMakerConfig
    FieldSpec ec2 = top("ec2_instance_type", T::String, N(),
                        QT_TRANSLATE_NOOP("trainyard::schema", "SageMaker EC2 instance type."), SageMaker);
    ec2.required = true;
    FieldSpec iam = top("iam_role_name", T::String, N(),
                        QT_TRANSLATE_NOOP("trainyard::schema", "SageMaker IAM role."), SageMaker);
    iam.required = true;
    f << ec2 << iam;
    f << top("image_uri", T::String, N(), nullptr, SageMaker)
      << top("profile", T::String, N(), nullptr, SageMaker)
      << top("region", T::String, S("us-east-1"), nullptr, SageMaker)
      << top("base_job_name", T::String, S("accelerate-sagemaker-1"), nullptr, SageMaker)
      << top("pytorch_version", T::String, S("1.10.2"), nullptr, SageMaker)
      << top("transformers_version", T::String, S("4.17.0"), nullptr, SageMaker)
      << top("py_version", T::String, S("py38"), nullptr, SageMaker)
      << top("sagemaker_inputs_file", T::String, N(), nullptr, SageMaker)
      << top("sagemaker_metrics_file", T::String, N(), nullptr, SageMaker)
      << top("additional_args", T::Dict, N(), nullptr, SageMaker);

    // ---- fsdp_config (defaults are accelerate launch's flag defaults)
    const char *fs = "fsdp_config";
    f << sec(fs, "fsdp_version", T::Enum, S("1"),
             QT_TRANSLATE_NOOP("trainyard::schema",
                               "FSDP version: 1 (FullyShardedDataParallel) or 2 (fully_shard)."),
             L({"1", "2"}));
    f << sec(fs, "fsdp_sharding_strategy", T::Enum, S("FULL_SHARD"),
             QT_TRANSLATE_NOOP("trainyard::schema",
                               "FSDP1: how parameters, gradients and optimizer states are sharded."),
             kShardingStrategies, true, true);
    f << sec(
        fs, "fsdp_reshard_after_forward", T::BoolOrEnum, S("true"),
        QT_TRANSLATE_NOOP("trainyard::schema",
                          "FSDP2: free gathered parameters after forward (true/false). accelerate's FSDP1 "
                          "questionnaire stores the sharding strategy here."),
        kShardingStrategies, true);
    f << sec(fs, "fsdp_offload_params", T::Bool, S("false"),
             QT_TRANSLATE_NOOP("trainyard::schema", "Offload parameters and gradients to the CPU."));
    f << sec(
        fs, "fsdp_min_num_params", T::Int, I(100000000),
        QT_TRANSLATE_NOOP("trainyard::schema", "SIZE_BASED_WRAP: minimum parameters of a wrapped module."));
    f << sec(fs, "fsdp_auto_wrap_policy", T::Enum, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "How modules are wrapped into FSDP units."),
             L({"TRANSFORMER_BASED_WRAP", "SIZE_BASED_WRAP", "NO_WRAP"}), true);
    f << sec(fs, "fsdp_transformer_layer_cls_to_wrap", T::String, N(),
             QT_TRANSLATE_NOOP(
                 "trainyard::schema",
                 "TRANSFORMER_BASED_WRAP: comma-separated layer class names, e.g. LlamaDecoderLayer."));
    f << sec(
        fs, "fsdp_backward_prefetch", T::Enum, N(),
        QT_TRANSLATE_NOOP("trainyard::schema", "FSDP1: when to prefetch the next parameters in backward."),
        L({"BACKWARD_PRE", "BACKWARD_POST", "NO_PREFETCH"}), true, true);
    f << sec(fs, "fsdp_state_dict_type", T::Enum, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "How checkpoints are gathered when saved."),
             L({"FULL_STATE_DICT", "LOCAL_STATE_DICT", "SHARDED_STATE_DICT"}), true, true);
    f << sec(fs, "fsdp_forward_prefetch", T::Bool, S("false"),
             QT_TRANSLATE_NOOP("trainyard::schema", "FSDP1: prefetch the next parameters in forward."));
    f << sec(fs, "fsdp_use_orig_params", T::Bool, S("true"),
             QT_TRANSLATE_NOOP("trainyard::schema",
                               "FSDP1: keep the original parameters (needed for torch.compile)."));
    f << sec(
        fs, "fsdp_cpu_ram_efficient_loading", T::Bool, S("true"),
        QT_TRANSLATE_NOOP("trainyard::schema",
                          "Load the checkpoint on rank 0 only; needs fsdp_sync_module_states under FSDP1."));
    f << sec(fs, "fsdp_sync_module_states", T::Bool, S("true"),
             QT_TRANSLATE_NOOP("trainyard::schema", "Broadcast rank 0's module states to every rank."));
    f << sec(fs, "fsdp_activation_checkpointing", T::Bool, S("false"),
             QT_TRANSLATE_NOOP("trainyard::schema", "Recompute activations in backward to save memory."));
    f << sec(fs, "fsdp_ignored_modules", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Modules FSDP leaves alone (a regular expression)."));

    // ---- deepspeed_config
    const char *ds = "deepspeed_config";
    const QStringList offload = L({"none", "cpu", "nvme"});
    f << sec(ds, "deepspeed_config_file", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema",
                               "A DeepSpeed JSON config; when set, the other DeepSpeed fields and "
                               "mixed_precision must be left out."));
    f << sec(ds, "zero_stage", T::Enum, N(), QT_TRANSLATE_NOOP("trainyard::schema", "ZeRO stage, 0 to 3."),
             L({"0", "1", "2", "3"}));
    f << sec(ds, "offload_optimizer_device", T::Enum, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "ZeRO 2/3: where optimizer states live."), offload, true);
    f << sec(ds, "offload_param_device", T::Enum, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "ZeRO 3: where parameters live."), offload, true);
    f << sec(ds, "offload_optimizer_nvme_path", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "NVMe folder for offloaded optimizer states."));
    f << sec(ds, "offload_param_nvme_path", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "NVMe folder for offloaded parameters."));
    f << sec(ds, "gradient_accumulation_steps", T::Int, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Micro-batches accumulated before each optimizer step."));
    f << sec(ds, "gradient_clipping", T::Float, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Clip gradients to this norm."));
    f << sec(ds, "zero3_init_flag", T::Bool, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Build the model under deepspeed.zero.Init (ZeRO 3)."));
    f << sec(ds, "zero3_save_16bit_model", T::Bool, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "ZeRO 3: gather and save 16-bit weights."));
    f << sec(ds, "deepspeed_multinode_launcher", T::Enum, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "How DeepSpeed starts ranks on several machines."),
             L({"pdsh", "standard", "openmpi", "mvapich", "mpich", "nossh", "slurm"}));
    f << sec(ds, "deepspeed_hostfile", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "DeepSpeed hostfile for several machines."));
    f << sec(ds, "deepspeed_exclusion_filter", T::String, N(), nullptr);
    f << sec(ds, "deepspeed_inclusion_filter", T::String, N(), nullptr);
    f << sec(ds, "deepspeed_moe_layer_cls_names", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "Comma-separated mixture-of-experts layer classes."));

    // ---- megatron_lm_config
    const char *mg = "megatron_lm_config";
    f << sec(mg, "megatron_lm_tp_degree", T::Int, I(1),
             QT_TRANSLATE_NOOP("trainyard::schema", "Tensor parallel degree."))
      << sec(mg, "megatron_lm_pp_degree", T::Int, I(1),
             QT_TRANSLATE_NOOP("trainyard::schema", "Pipeline parallel degree."))
      << sec(mg, "megatron_lm_num_micro_batches", T::Int, N(), nullptr)
      << sec(mg, "megatron_lm_sequence_parallelism", T::Bool, N(), nullptr)
      << sec(mg, "megatron_lm_recompute_activations", T::Bool, N(), nullptr)
      << sec(mg, "megatron_lm_use_distributed_optimizer", T::Bool, N(), nullptr)
      << sec(mg, "megatron_lm_gradient_clipping", T::Float, F(1.0), nullptr);
    for (const char *k :
         {"megatron_lm_use_custom_fsdp", "megatron_lm_no_load_optim", "megatron_lm_no_save_optim",
          "megatron_lm_eod_mask_loss", "megatron_lm_overlap_cpu_optimizer_d2h_h2d",
          "megatron_lm_optimizer_cpu_offload", "megatron_lm_use_precision_aware_optimizer"})
        f << sec(mg, k, T::Bool, B(false), nullptr);
    for (const char *k : {"megatron_lm_decoder_last_pipeline_num_layers", "megatron_lm_recompute_num_layers",
                          "megatron_lm_expert_model_parallel_size", "megatron_lm_context_parallel_size",
                          "megatron_lm_expert_tensor_parallel_size"})
        f << sec(mg, k, T::Int, N(), nullptr);
    for (const char *k : {"megatron_lm_recompute_granularity", "megatron_lm_recompute_method",
                          "megatron_lm_attention_backend"})
        f << sec(mg, k, T::String, N(), nullptr);
    for (const char *k : {"megatron_lm_attention_dropout", "megatron_lm_hidden_dropout"})
        f << sec(mg, k, T::Float, N(), nullptr);
    for (const char *k : {"megatron_lm_attention_softmax_in_fp32", "megatron_lm_calculate_per_token_loss",
                          "megatron_lm_use_rotary_position_embeddings"})
        f << sec(mg, k, T::Bool, N(), nullptr);

    // ---- parallelism_config
    const char *pc = "parallelism_config";
    for (const char *k :
         {"parallelism_config_dp_replicate_size", "parallelism_config_dp_shard_size",
          "parallelism_config_tp_size", "parallelism_config_cp_size", "parallelism_config_sp_size"})
        f << sec(pc, k, T::Int, I(1), nullptr);
    f << sec(pc, "parallelism_config_cp_backend", T::Enum, S("torch"), nullptr, L({"torch"}))
      << sec(pc, "parallelism_config_cp_comm_strategy", T::Enum, S("allgather"), nullptr,
             L({"allgather", "alltoall"}))
      << sec(pc, "parallelism_config_sp_backend", T::Enum, S("deepspeed"), nullptr, L({"deepspeed"}))
      << sec(pc, "parallelism_config_sp_seq_length", T::Int, N(), nullptr)
      << sec(pc, "parallelism_config_sp_seq_length_is_variable", T::Bool, B(true), nullptr)
      << sec(pc, "parallelism_config_sp_attn_implementation", T::String, S("sdpa"), nullptr);

    // ---- dynamo_config
    const char *dy = "dynamo_config";
    f << sec(dy, "dynamo_backend", T::Enum, S("no"),
             QT_TRANSLATE_NOOP("trainyard::schema", "torch.compile backend, e.g. INDUCTOR; quote 'NO'."),
             kDynamo, true)
      << sec(dy, "dynamo_mode", T::Enum, S("default"), nullptr,
             L({"default", "reduce-overhead", "max-autotune"}))
      << sec(dy, "dynamo_use_fullgraph", T::Bool, B(false), nullptr)
      << sec(dy, "dynamo_use_dynamic", T::Bool, B(false), nullptr)
      << sec(dy, "dynamo_use_regional_compilation", T::Bool, B(false), nullptr);

    // ---- fp8_config (keys as written in the file; the launch flag adds the fp8_ prefix)
    const char *f8 = "fp8_config";
    f << sec(f8, "backend", T::Enum, N(), QT_TRANSLATE_NOOP("trainyard::schema", "FP8 library."),
             L({"AO", "TE", "MSAMP"}), true)
      << sec(f8, "use_autocast_during_eval", T::Bool, B(false), nullptr)
      << sec(f8, "margin", T::Int, I(0), nullptr) << sec(f8, "interval", T::Int, I(1), nullptr)
      << sec(f8, "fp8_format", T::Enum, S("HYBRID"), nullptr, L({"HYBRID", "E4M3", "E5M2"}), true)
      << sec(f8, "amax_history_len", T::Int, I(1024), nullptr)
      << sec(f8, "amax_compute_algo", T::Enum, S("most_recent"), nullptr, L({"max", "most_recent"}), true)
      << sec(f8, "override_linear_precision", T::Any, N(), nullptr)
      << sec(f8, "opt_level", T::Enum, S("O2"), nullptr, L({"O1", "O2"}))
      << sec(f8, "enable_fsdp_float8_all_gather", T::Bool, B(true), nullptr)
      << sec(f8, "pad_inner_dim", T::Bool, B(true), nullptr);

    // ---- mpirun_config
    f << sec("mpirun_config", "mpirun_hostfile", T::String, N(),
             QT_TRANSLATE_NOOP("trainyard::schema", "MPI hostfile for multi-CPU runs."));
    return f;
}

} // namespace

const QList<FieldSpec> &fields() {
    static const QList<FieldSpec> all = buildFields();
    return all;
}

IntRange intRange(const QString &key) {
    static const QHash<QString, IntRange> ranges{
        {u"num_processes"_s, {-1, 65536}},
        {u"num_machines"_s, {1, 65536}},
        {u"machine_rank"_s, {0, 65535}},
        {u"main_process_port"_s, {0, 65535}},
        {u"max_restarts"_s, {0, 100000}},
        {u"num_cpu_threads_per_process"_s, {1, 65536}},
        {u"gradient_accumulation_steps"_s, {1, 1 << 30}},
        {u"watchdog"_s, {0, 365 * 86400}},
        {u"megatron_lm_tp_degree"_s, {1, 65536}},
        {u"megatron_lm_pp_degree"_s, {1, 65536}},
        {u"megatron_lm_num_micro_batches"_s, {1, 1 << 30}},
    };
    return ranges.value(key,
                        IntRange{std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()});
}

const FieldSpec *find(const QString &section, const QString &key) {
    for (const FieldSpec &f : fields())
        if (f.section == section && f.key == key)
            return &f;
    return nullptr;
}

QStringList topLevelKeys(ConfigKind kind) {
    QStringList out;
    for (const FieldSpec &f : fields())
        if (f.section.isEmpty() && (f.kinds & kind))
            out << f.key;
    return out;
}

QStringList sectionKeys(const QString &section) {
    QStringList out;
    for (const FieldSpec &f : fields())
        if (f.section == section)
            out << f.key;
    return out;
}

QStringList sections() {
    return L({"fsdp_config", "deepspeed_config", "megatron_lm_config", "parallelism_config", "dynamo_config",
              "fp8_config", "mpirun_config"});
}

QString launchArgName(const QString &section, const QString &key) {
    if (section == u"fsdp_config"_s && !key.startsWith(u"fsdp"_s))
        return u"fsdp_"_s + key;
    if (section == u"dynamo_config"_s && !key.startsWith(u"dynamo_"_s))
        return u"dynamo_"_s + key;
    if (section == u"fp8_config"_s && !key.startsWith(u"fp8"_s))
        return u"fp8_"_s + key;
    return key;
}

const QStringList &distributedTypes() {
    return kDistributed;
}
const QStringList &sageMakerDistributedTypes() {
    return kSageMakerDistributed;
}
const QStringList &dynamoBackends() {
    return kDynamo;
}

static int levenshtein(const QString &a, const QString &b) {
    std::vector<int> prev(size_t(b.size()) + 1), cur(size_t(b.size()) + 1);
    for (size_t j = 0; j < prev.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int sub = prev[size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[size_t(j)] = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}

QString nearest(const QString &word, const QStringList &candidates) {
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    const QString w = word.toLower();
    for (const QString &c : candidates) {
        const int d = levenshtein(w, c.toLower());
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // Close enough to be a typo: at most a third of the word, and never more than 4 edits.
    if (best.isEmpty() || bestDistance > std::min<qsizetype>(4, std::max<qsizetype>(2, word.size() / 3)))
        return {};
    return best;
}

} // namespace schema
} // namespace trainyard
