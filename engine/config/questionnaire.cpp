#include "questionnaire.h"

#include "accelerateconfig.h"
#include "compat.h"
#include "system/hardware.h"

#include <QCoreApplication>
#include <QDir>
#include <optional>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

struct QuestionnaireText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::QuestionnaireText)
};

struct EndOfInput {};

class Asker {
public:
    Asker(Prompter &p)
        : m_p(p) {}

    QString line(const Question &q, const QString &prompt) {
        const QString s = m_p.askQuestion(q, prompt);
        if (s.isNull())
            throw EndOfInput{};
        return s.trimmed();
    }

    int menu(const QString &question, const QStringList &options, int def = 0) {
        QString text = question + u'\n';
        for (int i = 0; i < options.size(); ++i)
            text += u"  [%1] %2%3\n"_s.arg(i).arg(options[i],
                                                  i == def ? QuestionnaireText::tr(" (default)") : QString());
        for (;;) {
            const QString a = line(Question{Question::Kind::Menu, question, options, QString::number(def)},
                                   text + QuestionnaireText::tr("Choose a number [%1]: ").arg(def));
            if (a.isEmpty())
                return def;
            bool ok = false;
            const int n = a.toInt(&ok);
            if (ok && n >= 0 && n < options.size())
                return n;
            // Also accept the option's text.
            for (int i = 0; i < options.size(); ++i)
                if (options[i].compare(a, Qt::CaseInsensitive) == 0)
                    return i;
            m_p.say(QuestionnaireText::tr("Please enter a number between 0 and %1.").arg(options.size() - 1));
        }
    }

    bool yesNo(const QString &question, bool def) {
        for (;;) {
            const QString a = line(Question{Question::Kind::YesNo, question, {}, def ? u"yes"_s : u"no"_s},
                                   question + (def ? QuestionnaireText::tr(" [YES/no]: ")
                                                   : QuestionnaireText::tr(" [yes/NO]: ")))
                                  .toLower();
            if (a.isEmpty())
                return def;
            if (a == u"yes"_s || a == u"y"_s)
                return true;
            if (a == u"no"_s || a == u"n"_s)
                return false;
            m_p.say(QuestionnaireText::tr("Please answer yes or no."));
        }
    }

    qint64 integer(const QString &question, std::optional<qint64> def, qint64 min = 0,
                   std::optional<qint64> max = std::nullopt) {
        for (;;) {
            const QString a =
                line(Question{Question::Kind::Integer, question, {}, def ? QString::number(*def) : QString()},
                     question + (def ? u" [%1]: "_s.arg(*def) : u": "_s));
            if (a.isEmpty() && def)
                return *def;
            bool ok = false;
            const qint64 n = a.toLongLong(&ok);
            if (ok && n >= min && (!max || n <= *max))
                return n;
            m_p.say(
                max ? QuestionnaireText::tr("Please enter a whole number from %1 to %2.").arg(min).arg(*max)
                    : QuestionnaireText::tr("Please enter a whole number of at least %1.").arg(min));
        }
    }

    double number(const QString &question, double def) {
        for (;;) {
            const QString a = line(Question{Question::Kind::Number, question, {}, QString::number(def)},
                                   question + u" [%1]: "_s.arg(def));
            if (a.isEmpty())
                return def;
            bool ok = false;
            const double d = a.toDouble(&ok);
            if (ok)
                return d;
            m_p.say(QuestionnaireText::tr("Please enter a number."));
        }
    }

    QString text(const QString &question, const std::optional<QString> &def) {
        for (;;) {
            const QString a = line(Question{Question::Kind::Text, question, {}, def.value_or(QString())},
                                   question + (def ? u" [%1]: "_s.arg(*def) : u": "_s));
            if (a.isEmpty() && def)
                return *def;
            if (!a.isEmpty())
                return a;
            m_p.say(QuestionnaireText::tr("An answer is needed."));
        }
    }

    void say(const QString &s) { m_p.say(s); }

private:
    Prompter &m_p;
};

Value S(const QString &s) {
    return Value::string(s);
}
Value B(bool b) {
    return Value::boolean(b);
}
Value I(qint64 i) {
    return Value::integer(i);
}

void askDeepSpeed(Asker &a, Value &cfg, qint64 machines) {
    Value ds = Value::map();
    if (a.yesNo(QuestionnaireText::tr("Do you want to specify a json file to a DeepSpeed config?"), false)) {
        ds.set(u"deepspeed_config_file"_s,
               S(a.text(QuestionnaireText::tr("Please enter the path to the json DeepSpeed config file"),
                        u"none"_s)));
    } else {
        const int stage =
            a.menu(QuestionnaireText::tr("What should be your DeepSpeed's ZeRO optimization stage?"),
                   {u"0"_s, u"1"_s, u"2"_s, u"3"_s}, 2);
        ds.set(u"zero_stage"_s, I(stage));
        const QStringList devices = {u"none"_s, u"cpu"_s, u"nvme"_s};
        if (stage >= 2) {
            const int opt = a.menu(QuestionnaireText::tr("Where to offload optimizer states?"), devices, 0);
            const int par = a.menu(QuestionnaireText::tr("Where to offload parameters?"), devices, 0);
            ds.set(u"offload_optimizer_device"_s, S(devices[opt]));
            ds.set(u"offload_param_device"_s, S(devices[par]));
            if (par == 2)
                ds.set(u"offload_param_nvme_path"_s,
                       S(a.text(QuestionnaireText::tr("NVMe path to offload parameters"), u"/nvme"_s)));
            if (opt == 2)
                ds.set(u"offload_optimizer_nvme_path"_s,
                       S(a.text(QuestionnaireText::tr("NVMe path to offload optimizer states"), u"/nvme"_s)));
        }
        ds.set(u"gradient_accumulation_steps"_s,
               I(a.integer(QuestionnaireText::tr(
                               "How many gradient accumulation steps you're passing in your script?"),
                           1, 1)));
        if (a.yesNo(QuestionnaireText::tr("Do you want to use gradient clipping?"), false))
            ds.set(u"gradient_clipping"_s,
                   Value::real(a.number(QuestionnaireText::tr("What is the gradient clipping value?"), 1.0)));
        if (stage == 3)
            ds.set(u"zero3_save_16bit_model"_s,
                   B(a.yesNo(QuestionnaireText::tr(
                                 "Do you want to save 16-bit model weights when using ZeRO Stage-3?"),
                             false)));
    }
    ds.set(
        u"zero3_init_flag"_s,
        B(a.yesNo(QuestionnaireText::tr(
                      "Do you want to enable `deepspeed.zero.Init` when using ZeRO Stage-3 for constructing "
                      "massive models?"),
                  false)));
    if (a.yesNo(QuestionnaireText::tr("Do you want to enable Mixture-of-Experts training (MoE)?"), false))
        ds.set(u"deepspeed_moe_layer_cls_names"_s,
               S(a.text(QuestionnaireText::tr(
                            "Specify the comma-separated list of transformers MoE layer class names"),
                        {})));
    if (machines > 1) {
        const QStringList launchers = {u"pdsh"_s,  u"standard"_s, u"openmpi"_s, u"mvapich"_s,
                                       u"mpich"_s, u"nossh"_s,    u"slurm"_s};
        const int l =
            a.menu(QuestionnaireText::tr("Which Type of launcher do you want to use?"), launchers, 0);
        ds.set(u"deepspeed_multinode_launcher"_s, S(launchers[l]));
        if (launchers[l] != u"standard"_s) {
            ds.set(u"deepspeed_hostfile"_s,
                   S(a.text(QuestionnaireText::tr("DeepSpeed configures multi-node compute resources with "
                                                  "hostfile. Path to the hostfile"),
                            {})));
            if (a.yesNo(QuestionnaireText::tr("Do you want to specify exclusion filter string?"), false))
                ds.set(u"deepspeed_exclusion_filter"_s,
                       S(a.text(QuestionnaireText::tr("DeepSpeed exclusion filter string"), {})));
            if (a.yesNo(QuestionnaireText::tr("Do you want to specify inclusion filter string?"), false))
                ds.set(u"deepspeed_inclusion_filter"_s,
                       S(a.text(QuestionnaireText::tr("DeepSpeed inclusion filter string"), {})));
        }
    }
    cfg.set(u"deepspeed_config"_s, ds);
}

void askFsdp(Asker &a, Value &cfg) {
    Value fs = Value::map();
    const int version =
        a.menu(QuestionnaireText::tr("What should be your FSDP version?"), {u"1"_s, u"2"_s}, 1) + 1;
    fs.set(u"fsdp_version"_s, I(version));
    const QStringList strategies = {u"FULL_SHARD"_s, u"SHARD_GRAD_OP"_s, u"NO_SHARD"_s, u"HYBRID_SHARD"_s,
                                    u"HYBRID_SHARD_ZERO2"_s};
    if (version == 1) {
        const int s = a.menu(QuestionnaireText::tr("What should be your sharding strategy?"), strategies, 0);
        // accelerate's questionnaire stores the strategy under fsdp_reshard_after_forward only, and its
        // launch then runs FULL_SHARD; Trainyard also writes the key accelerate launch reads, and says so
        // here.
        fs.set(u"fsdp_reshard_after_forward"_s, S(strategies[s]));
        fs.set(u"fsdp_sharding_strategy"_s, S(strategies[s]));
        a.say(compat::warning(compat::Fix::QuestionnaireFsdpStrategy).arg(strategies[s]));
    } else {
        fs.set(u"fsdp_reshard_after_forward"_s,
               B(a.yesNo(QuestionnaireText::tr("Do you want to enable resharding after forward?"), true)));
    }
    fs.set(
        u"fsdp_offload_params"_s,
        B(a.yesNo(QuestionnaireText::tr("Do you want to offload parameters and gradients to CPU?"), false)));
    const QStringList policies = {u"TRANSFORMER_BASED_WRAP"_s, u"SIZE_BASED_WRAP"_s, u"NO_WRAP"_s};
    const int p = a.menu(QuestionnaireText::tr("What should be your auto wrap policy?"), policies, 0);
    fs.set(u"fsdp_auto_wrap_policy"_s, S(policies[p]));
    if (p == 0) {
        if (!a.yesNo(QuestionnaireText::tr("Do you want to use the model's `_no_split_modules` to wrap?"),
                     false))
            fs.set(
                u"fsdp_transformer_layer_cls_to_wrap"_s,
                S(a.text(
                    QuestionnaireText::tr(
                        "Specify the comma-separated list of transformer layer class names (case-sensitive) "
                        "to wrap, e.g. `BertLayer`, `GPTJBlock`, `T5Block`"),
                    {})));
    } else if (p == 1) {
        fs.set(u"fsdp_min_num_params"_s,
               I(a.integer(
                   QuestionnaireText::tr(
                       "What should be your FSDP's minimum number of parameters for Default Auto Wrapping "
                       "Policy?"),
                   100000000, 1)));
    }
    if (version == 1) {
        const QStringList prefetch = {u"BACKWARD_PRE"_s, u"BACKWARD_POST"_s, u"NO_PREFETCH"_s};
        fs.set(
            u"fsdp_backward_prefetch"_s,
            S(prefetch[a.menu(QuestionnaireText::tr("What should be your FSDP's backward prefetch policy?"),
                              prefetch, 0)]));
    }
    const QStringList sd =
        version == 1 ? QStringList{u"FULL_STATE_DICT"_s, u"LOCAL_STATE_DICT"_s, u"SHARDED_STATE_DICT"_s}
                     : QStringList{u"SHARDED_STATE_DICT"_s, u"FULL_STATE_DICT"_s};
    fs.set(u"fsdp_state_dict_type"_s,
           S(sd[a.menu(QuestionnaireText::tr("What should be your FSDP's state dict type?"), sd, 0)]));
    if (version == 1) {
        fs.set(u"fsdp_forward_prefetch"_s,
               B(a.yesNo(QuestionnaireText::tr("Do you want to enable FSDP's forward prefetch policy?"),
                         false)));
        fs.set(u"fsdp_use_orig_params"_s,
               B(a.yesNo(QuestionnaireText::tr("Do you want to enable FSDP's `use_orig_params` feature?"),
                         true)));
    }
    const bool cpuRam = a.yesNo(
        QuestionnaireText::tr("Do you want to enable CPU RAM efficient model loading? Only applicable for "
                              "Transformers models."),
        true);
    fs.set(u"fsdp_cpu_ram_efficient_loading"_s, B(cpuRam));
    if (version == 1)
        fs.set(u"fsdp_sync_module_states"_s,
               B(cpuRam ? true
                        : a.yesNo(QuestionnaireText::tr(
                                      "Do you want each individually wrapped FSDP unit to broadcast module "
                                      "parameters from rank 0 at the start?"),
                                  true)));
    fs.set(u"fsdp_activation_checkpointing"_s,
           B(a.yesNo(QuestionnaireText::tr("Do you want to enable FSDP activation checkpointing?"), false)));
    cfg.set(u"fsdp_config"_s, fs);
    if (version == 2 && a.yesNo(QuestionnaireText::tr("Do you want to use the parallelism config?"), false)) {
        Value pc = Value::map();
        for (const QString &k : {u"dp_replicate_size"_s, u"dp_shard_size"_s, u"tp_size"_s, u"cp_size"_s})
            pc.set(u"parallelism_config_"_s + k,
                   I(a.integer(QuestionnaireText::tr("What is the %1?").arg(k), 1, 1)));
        if (pc.get(u"parallelism_config_cp_size"_s).toInt() > 1) {
            const QStringList st = {u"allgather"_s, u"alltoall"_s};
            pc.set(
                u"parallelism_config_cp_comm_strategy"_s,
                S(st[a.menu(QuestionnaireText::tr("What context parallel communication strategy?"), st, 0)]));
        }
        cfg.set(u"parallelism_config"_s, pc);
    }
}

void askMixedPrecision(Asker &a, Value &cfg) {
    const QStringList modes = {u"no"_s, u"fp16"_s, u"bf16"_s, u"fp8"_s};
    const int m = a.menu(QuestionnaireText::tr("Do you wish to use mixed precision?"), modes, 0);
    cfg.set(u"mixed_precision"_s, S(modes[m]));
    if (m != 3)
        return;
    Value fp8 = Value::map();
    const QStringList backends = {u"AO"_s, u"TE"_s, u"MSAMP"_s};
    const int b = a.menu(QuestionnaireText::tr("Which FP8 backend do you want to use?"),
                         {u"ao"_s, u"te"_s, u"msamp"_s}, 0);
    fp8.set(u"backend"_s, S(backends[b]));
    if (b == 1) {
        fp8.set(
            u"use_autocast_during_eval"_s,
            B(a.yesNo(QuestionnaireText::tr("Do you want to use FP8 autocast during eval mode?"), false)));
        fp8.set(
            u"margin"_s,
            I(a.integer(QuestionnaireText::tr("What margin should be used for gradient scaling?"), 0, 0)));
        fp8.set(u"interval"_s,
                I(a.integer(QuestionnaireText::tr(
                                "What interval should be used for when to recompute the scaling factor?"),
                            1, 1)));
        const QStringList formats = {u"HYBRID"_s, u"E4M3"_s, u"E5M2"_s};
        fp8.set(u"fp8_format"_s,
                S(formats[a.menu(QuestionnaireText::tr("Which weight format should be used?"), formats, 0)]));
        // accelerate's questionnaire writes amax_history_length / amax_compute_algorithm, which its launcher
        // never reads; Trainyard writes the keys that are read, and says so here.
        a.say(compat::warning(compat::Fix::QuestionnaireFp8Keys));
        fp8.set(
            u"amax_history_len"_s,
            I(a.integer(QuestionnaireText::tr(
                            "What length of history should be used for the amax scaling factor computation?"),
                        1024, 1)));
        const QStringList algos = {u"max"_s, u"most_recent"_s};
        fp8.set(u"amax_compute_algo"_s,
                S(algos[a.menu(QuestionnaireText::tr(
                                   "Which algorithm should be used for the amax scaling factor computation?"),
                               algos, 0)]));
        // A list of three booleans, as accelerate writes it (a text here would reach its launcher one
        // character per switch).
        Value precision = Value::list();
        if (a.yesNo(QuestionnaireText::tr(
                        "Do you want to execute `fprop`, `dgrad`, and `wgrad` GEMMS in higher precision?"),
                    false)) {
            for (const QString &gemm : {u"fprop"_s, u"dgrad"_s, u"wgrad"_s})
                precision.append(B(a.yesNo(
                    QuestionnaireText::tr("Should `%1` be executed in higher precision?").arg(gemm), false)));
        } else {
            for (int i = 0; i < 3; ++i)
                precision.append(B(false));
        }
        fp8.set(u"override_linear_precision"_s, precision);
    } else if (b == 2) {
        const QStringList levels = {u"O1"_s, u"O2"_s};
        fp8.set(
            u"opt_level"_s,
            S(levels[a.menu(QuestionnaireText::tr("What optimization level should be used?"), levels, 1)]));
    } else {
        fp8.set(u"enable_fsdp_float8_all_gather"_s,
                B(a.yesNo(QuestionnaireText::tr("Do you want to enable FSDP2 float8 all-gather?"), true)));
        fp8.set(u"pad_inner_dim"_s,
                B(a.yesNo(QuestionnaireText::tr("Do you want to pad the inner dimension of weight matrices?"),
                          true)));
    }
    cfg.set(u"fp8_config"_s, fp8);
}

Value askCluster(Asker &a, const HardwareInfo &hw) {
    Value cfg = Value::map();
    cfg.set(u"compute_environment"_s, S(u"LOCAL_MACHINE"_s));
    const QStringList machineTypes = {QuestionnaireText::tr("No distributed training"),
                                      u"multi-CPU"_s,
                                      u"multi-XPU"_s,
                                      u"multi-HPU"_s,
                                      u"multi-GPU"_s,
                                      u"multi-NPU"_s,
                                      u"multi-MLU"_s,
                                      u"multi-SDAA"_s,
                                      u"multi-MUSA"_s,
                                      u"multi-NEURON"_s,
                                      u"TPU"_s};
    const QStringList types = {u"NO"_s,         u"MULTI_CPU"_s,    u"MULTI_XPU"_s, u"MULTI_HPU"_s,
                               u"MULTI_GPU"_s,  u"MULTI_NPU"_s,    u"MULTI_MLU"_s, u"MULTI_SDAA"_s,
                               u"MULTI_MUSA"_s, u"MULTI_NEURON"_s, u"XLA"_s};
    if (hw.cudaDevices > 0)
        a.say(QuestionnaireText::tr("Detected %n NVIDIA GPU(s).", nullptr, hw.cudaDevices));
    else
        a.say(QuestionnaireText::tr("No GPU detected on this machine."));
    const int defType = hw.cudaDevices > 1 ? 4 : 0;
    QString dt =
        types[a.menu(QuestionnaireText::tr("Which type of machine are you using?"), machineTypes, defType)];
    const bool multi = dt.startsWith(u"MULTI_"_s);
    qint64 machines = 1;
    cfg.set(u"machine_rank"_s, I(0));
    cfg.set(u"rdzv_backend"_s, S(u"static"_s));
    cfg.set(u"same_network"_s, B(true));
    bool debug = false;
    if (multi) {
        machines = a.integer(
            QuestionnaireText::tr(
                "How many different machines will you use (use more than 1 for multi-node training)?"),
            1, 1);
        if (machines > 1) {
            QStringList ranks;
            for (qint64 i = 0; i < machines; ++i)
                ranks << QString::number(i);
            cfg.set(u"machine_rank"_s,
                    I(a.menu(QuestionnaireText::tr("What is the rank of this machine?"), ranks, 0)));
            cfg.set(u"main_process_ip"_s,
                    S(a.text(QuestionnaireText::tr(
                                 "What is the IP address of the machine that will host the main process?"),
                             {})));
            cfg.set(u"main_process_port"_s,
                    I(a.integer(QuestionnaireText::tr(
                                    "What is the port you will use to communicate with the main process?"),
                                std::nullopt, 0, 65535)));
            const bool same =
                a.yesNo(QuestionnaireText::tr("Are all the machines on the same local network?"), true);
            cfg.set(u"same_network"_s, B(same));
            if (!same)
                cfg.set(u"rdzv_backend"_s,
                        S(a.text(QuestionnaireText::tr(
                                     "What rendezvous backend will you use? ('static', 'c10d', ...)"),
                                 u"static"_s)));
        }
        debug =
            a.yesNo(QuestionnaireText::tr(
                        "Should distributed operations be checked while running for errors? This can avoid "
                        "timeout issues but will be slower."),
                    false);
    }
    cfg.set(u"num_machines"_s, I(machines));
    cfg.set(u"debug"_s, B(debug));
    bool useCpu = dt == u"MULTI_CPU"_s;
    if (dt == u"NO"_s)
        useCpu = a.yesNo(
            QuestionnaireText::tr(
                "Do you want to run your training on CPU only (even if a GPU / Apple Silicon / Ascend NPU "
                "device is available)?"),
            hw.cudaDevices == 0);
    cfg.set(u"use_cpu"_s, B(useCpu));
    if (useCpu && dt == u"MULTI_CPU"_s &&
        a.yesNo(QuestionnaireText::tr("Do you want to launch your training with mpirun?"), false)) {
        QString hostfile = a.text(QuestionnaireText::tr("Enter the path to the hostfile to use with mpirun"),
                                  u"~/hostfile"_s);
        if (hostfile.startsWith(u"~/"_s))
            hostfile = QDir::homePath() + hostfile.mid(1);
        Value mpi = Value::map();
        mpi.set(u"mpirun_hostfile"_s, S(hostfile));
        cfg.set(u"mpirun_config"_s, mpi);
    }
    if (a.yesNo(QuestionnaireText::tr("Do you wish to optimize your script with torch dynamo?"), false)) {
        Value dyn = Value::map();
        QStringList lowerBackends;
        for (const QString &b : schema::dynamoBackends())
            if (b != u"NO"_s)
                lowerBackends << b.toLower();
        dyn.set(u"dynamo_backend"_s,
                S(lowerBackends[a.menu(QuestionnaireText::tr("Which dynamo backend would you like to use?"),
                                       lowerBackends, 2)]
                      .toUpper()));
        if (a.yesNo(QuestionnaireText::tr("Do you want to customize the defaults sent to torch.compile?"),
                    false)) {
            const QStringList modes = {u"default"_s, u"reduce-overhead"_s, u"max-autotune"_s};
            dyn.set(u"dynamo_mode"_s,
                    S(modes[a.menu(QuestionnaireText::tr("Which mode do you want to use?"), modes, 0)]));
            dyn.set(
                u"dynamo_use_fullgraph"_s,
                B(a.yesNo(
                    QuestionnaireText::tr(
                        "Do you want the fullgraph mode or it is ok to break model into several subgraphs?"),
                    false)));
            dyn.set(u"dynamo_use_dynamic"_s,
                    B(a.yesNo(QuestionnaireText::tr("Do you want to enable dynamic shape tracing?"), false)));
            dyn.set(u"dynamo_use_regional_compilation"_s,
                    B(a.yesNo(QuestionnaireText::tr("Do you want to enable regional compilation?"), false)));
        }
        cfg.set(u"dynamo_config"_s, dyn);
    }
    static const QStringList gpuLike = {u"MULTI_GPU"_s, u"MULTI_XPU"_s,  u"MULTI_HPU"_s,  u"MULTI_NPU"_s,
                                        u"MULTI_MLU"_s, u"MULTI_SDAA"_s, u"MULTI_MUSA"_s, u"MULTI_NEURON"_s};
    if (!useCpu && (gpuLike.contains(dt) || dt == u"NO"_s) && dt != u"MULTI_NEURON"_s &&
        a.yesNo(QuestionnaireText::tr("Do you want to use DeepSpeed?"), false)) {
        dt = u"DEEPSPEED"_s;
        askDeepSpeed(a, cfg, machines);
    }
    if (gpuLike.contains(dt) && dt != u"MULTI_NEURON"_s &&
        a.yesNo(QuestionnaireText::tr("Do you want to use FullyShardedDataParallel?"), false)) {
        dt = u"FSDP"_s;
        askFsdp(a, cfg);
    }
    if (dt == u"MULTI_GPU"_s && a.yesNo(QuestionnaireText::tr("Do you want to use Megatron-LM?"), false)) {
        dt = u"MEGATRON_LM"_s;
        Value mg = Value::map();
        const qint64 tp =
            a.integer(QuestionnaireText::tr("What is the Tensor Parallelism degree/size?"), 1, 1);
        mg.set(u"megatron_lm_tp_degree"_s, I(tp));
        if (tp > 1)
            mg.set(u"megatron_lm_sequence_parallelism"_s,
                   B(a.yesNo(QuestionnaireText::tr("Do you want to enable Sequence Parallelism?"), true)));
        const qint64 pp =
            a.integer(QuestionnaireText::tr("What is the Pipeline Parallelism degree/size?"), 1, 1);
        mg.set(u"megatron_lm_pp_degree"_s, I(pp));
        if (pp > 1)
            mg.set(u"megatron_lm_num_micro_batches"_s,
                   I(a.integer(QuestionnaireText::tr("What is the number of micro-batches?"), 1, 1)));
        mg.set(u"megatron_lm_recompute_activations"_s,
               B(a.yesNo(QuestionnaireText::tr("Do you want to enable selective activation recomputation?"),
                         true)));
        mg.set(u"megatron_lm_use_distributed_optimizer"_s,
               B(a.yesNo(QuestionnaireText::tr(
                             "Do you want to use distributed optimizer which shards optimizer state and "
                             "gradients across data parallel ranks?"),
                         true)));
        mg.set(u"megatron_lm_gradient_clipping"_s,
               Value::real(a.number(
                   QuestionnaireText::tr(
                       "What is the gradient clipping value based on global L2 Norm (0 to disable)?"),
                   1.0)));
        cfg.set(u"megatron_lm_config"_s, mg);
    }
    cfg.set(u"distributed_type"_s, S(dt));

    // Processes, checked against what this machine has.
    qint64 processes = 1;
    if (multi || dt == u"XLA"_s || dt == u"FSDP"_s || dt == u"DEEPSPEED"_s || dt == u"MEGATRON_LM"_s) {
        const bool cpuProcs = dt == u"MULTI_CPU"_s;
        const QString what = cpuProcs ? QuestionnaireText::tr("processes")
                                      : (dt == u"XLA"_s ? QuestionnaireText::tr("TPU cores")
                                                        : QuestionnaireText::tr("GPU(s)"));
        const qint64 def = cpuProcs ? std::max(1, hw.physicalCores) : std::max(1, hw.cudaDevices);
        for (;;) {
            processes = a.integer(
                QuestionnaireText::tr(
                    "How many %1 should be used for distributed training (in total over all machines)?")
                    .arg(what),
                def * machines, 1);
            if (processes % machines != 0) {
                a.say(QuestionnaireText::tr(
                          "The number of processes must be divisible by the number of machines (%1).")
                          .arg(machines));
                continue;
            }
            if (!cpuProcs && dt != u"XLA"_s && hw.cudaDevices > 0 && processes / machines > hw.cudaDevices) {
                a.say(QuestionnaireText::tr(
                          "This machine has %n GPU(s); %1 processes per machine would share GPUs.", nullptr,
                          hw.cudaDevices)
                          .arg(processes / machines));
                continue;
            }
            if (!cpuProcs && dt != u"XLA"_s && hw.cudaDevices == 0)
                a.say(QuestionnaireText::tr(
                    "Note: no GPU was detected here; the config is kept for a machine that has them."));
            break;
        }
        if (dt == u"MULTI_GPU"_s && machines == 1 && processes == 1) {
            a.say(QuestionnaireText::tr(
                "One process on one machine is not distributed training: the type is set to "
                "'No distributed training'."));
            cfg.set(u"distributed_type"_s, S(u"NO"_s));
            dt = u"NO"_s;
        }
    }
    cfg.set(u"num_processes"_s, I(processes));
    if ((gpuLike.contains(dt) || dt == u"NO"_s) && !useCpu) {
        for (;;) {
            const QString ids = a.text(
                QuestionnaireText::tr("What GPU(s) (by id) should be used for training on this machine as a "
                                      "comma-separated list?"),
                u"all"_s);
            bool valid = true;
            if (ids != u"all"_s) {
                for (const QString &part : ids.split(u',')) {
                    bool ok = false;
                    const int n = part.trimmed().toInt(&ok);
                    if (!ok || n < 0 || (hw.cudaDevices > 0 && n >= hw.cudaDevices)) {
                        a.say(hw.cudaDevices > 0
                                  ? QuestionnaireText::tr(
                                        "'%1' is not a GPU of this machine (it has GPUs 0 to %2).")
                                        .arg(part.trimmed())
                                        .arg(hw.cudaDevices - 1)
                                  : QuestionnaireText::tr("'%1' is not a GPU index.").arg(part.trimmed()));
                        valid = false;
                        break;
                    }
                }
            }
            if (valid) {
                cfg.set(u"gpu_ids"_s, S(ids));
                break;
            }
        }
    }
    if ((dt == u"NO"_s || dt == u"MULTI_GPU"_s) && !useCpu)
        cfg.set(u"enable_cpu_affinity"_s,
                B(a.yesNo(QuestionnaireText::tr("Would you like to enable numa efficiency? (Currently "
                                                "only supported on NVIDIA hardware)."),
                          false)));
    else
        cfg.set(u"enable_cpu_affinity"_s, B(false));
    if (dt == u"XLA"_s) {
        cfg.set(u"mixed_precision"_s, S(u"no"_s));
        cfg.set(u"main_training_function"_s,
                S(a.text(QuestionnaireText::tr("What is the name of the function in your script "
                                               "that should be launched in all parallel scripts?"),
                         u"main"_s)));
        cfg.set(u"tpu_use_cluster"_s, B(false));
    } else if (dt == u"DEEPSPEED"_s && cfg.get(u"deepspeed_config"_s).contains(u"deepspeed_config_file"_s)) {
        // mixed precision is set in the DeepSpeed file; accelerate refuses both.
    } else {
        askMixedPrecision(a, cfg);
    }
    cfg.set(u"downcast_bf16"_s, S(u"no"_s));
    cfg.set(u"tpu_env"_s, Value::list());
    return cfg;
}

} // namespace

QuestionnaireResult runQuestionnaire(Prompter &prompter, const HardwareInfo &hw) {
    Asker a(prompter);
    QuestionnaireResult r;
    try {
        const int env = a.menu(
            QuestionnaireText::tr("In which compute environment are you running?"),
            {QuestionnaireText::tr("This machine"), QuestionnaireText::tr("AWS (Amazon SageMaker)")}, 0);
        if (env == 1) {
            r.error = QuestionnaireText::tr(
                "Trainyard does not create SageMaker configs; use `accelerate config` for those");
            return r;
        }
        r.config = AccelerateConfig::fromDocument(askCluster(a, hw)).canonical();
    } catch (const EndOfInput &) {
        r.error = QuestionnaireText::tr("the input ended before the questionnaire was complete");
    }
    return r;
}

Value defaultConfigFor(const HardwareInfo &hw, const QString &mixedPrecision) {
    Value cfg = Value::map();
    cfg.set(u"compute_environment"_s, S(u"LOCAL_MACHINE"_s));
    cfg.set(u"mixed_precision"_s, S(mixedPrecision));
    if (hw.cudaDevices > 0) {
        cfg.set(u"num_processes"_s, I(hw.cudaDevices));
        cfg.set(u"distributed_type"_s, S(hw.cudaDevices > 1 ? u"MULTI_GPU"_s : u"NO"_s));
        cfg.set(u"use_cpu"_s, B(false));
    } else {
        cfg.set(u"num_processes"_s, I(1));
        cfg.set(u"distributed_type"_s, S(u"NO"_s));
        cfg.set(u"use_cpu"_s, B(true));
    }
    return AccelerateConfig::fromDocument(cfg).canonical();
}

} // namespace trainyard
