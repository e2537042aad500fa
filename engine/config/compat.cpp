#include "compat.h"

#include <QCoreApplication>
#include <QStringList>

namespace trainyard::compat {

namespace {
constexpr const char *Context = "trainyard::compat";
} // namespace

const QList<Difference> &differences() {
    static const QList<Difference> table = {
        {Fix::FsdpStrategyInReshard, "fsdp-strategy-in-reshard", "fsdp_config.fsdp_reshard_after_forward",
         "FSDP1: the sharding strategy accelerate's questionnaire stores in fsdp_reshard_after_forward is "
         "exported "
         "as FSDP_SHARDING_STRATEGY (accelerate launch runs FULL_SHARD).",
         QT_TRANSLATE_NOOP("trainyard::compat",
                           "the FSDP1 sharding strategy %1 is stored in fsdp_reshard_after_forward (where "
                           "accelerate's questionnaire writes it); accelerate launch would run FULL_SHARD, "
                           "Trainyard exports FSDP_SHARDING_STRATEGY=%1")},
        {Fix::NvmeOffloadPath, "nvme-offload-path",
         "deepspeed_config.offload_{optimizer,param}_nvme_path, --offload_*_nvme_path",
         "DeepSpeed NVMe offload paths, from the file or the flags, are exported "
         "(ACCELERATE_DEEPSPEED_OFFLOAD_*_NVME_PATH); accelerate launch drops them.",
         QT_TRANSLATE_NOOP("trainyard::compat", "accelerate launch drops %1; Trainyard exports it as %2")},
        {Fix::MultiCpuWithoutMpi, "multi-cpu-without-mpi", "distributed_type: MULTI_CPU",
         "MULTI_CPU with num_processes N on a machine starts its N ranks without MPI (accelerate needs "
         "mpirun).",
         QT_TRANSLATE_NOOP(
             "trainyard::compat",
             "accelerate launch would start %1 processes here only through mpirun; Trainyard "
             "starts the %2 ranks of this machine itself, with RANK, WORLD_SIZE and MASTER_ADDR "
             "for torch.distributed")},
        {Fix::CpuAffinityFromFile, "cpu-affinity-from-file", "enable_cpu_affinity",
         "enable_cpu_affinity from the file is honoured (accelerate launch only reads the flag).",
         QT_TRANSLATE_NOOP(
             "trainyard::compat",
             "accelerate launch ignores enable_cpu_affinity from the file (only "
             "--enable_cpu_affinity counts); Trainyard honours it and sets ACCELERATE_CPU_AFFINITY=1")},
        {Fix::Fp8MisnamedKeys, "fp8-misnamed-keys",
         "fp8_config.amax_history_length, amax_compute_algorithm, optimization_level",
         "The fp8 keys accelerate's questionnaire writes under names its launcher never reads are read as "
         "meant "
         "(amax_history_len, amax_compute_algo, opt_level), and Trainyard's questionnaire writes the read "
         "names.",
         QT_TRANSLATE_NOOP(
             "trainyard::compat",
             "%1: accelerate's questionnaire writes this key, but accelerate launch reads %2 and "
             "loses the answer; Trainyard reads it as %2 (rename the key for accelerate)")},
        {Fix::Fp8OverrideText, "fp8-override-text", "fp8_config.override_linear_precision",
         "override_linear_precision written as text, as accelerate 0.34 wrote it (\"(false, false, "
         "false)\"), is "
         "read as its three booleans (accelerate exports one character per variable).",
         QT_TRANSLATE_NOOP(
             "trainyard::compat",
             "fp8_config.override_linear_precision is the text %1 (as accelerate 0.34 wrote it): "
             "accelerate launch would export its first three characters as the FPROP, DGRAD and "
             "WGRAD switches; Trainyard exports the booleans it spells (%2)")},
        {Fix::ProcessesWithoutDistributedType, "processes-without-distributed-type",
         "distributed_type: 'NO' with --num_processes N",
         "distributed_type NO with --num_processes N > 1 starts N processes, each with RANK and WORLD_SIZE "
         "(accelerate's simple launcher starts one).",
         QT_TRANSLATE_NOOP(
             "trainyard::compat",
             "distributed_type is NO but %1 processes were asked for: accelerate launch would start "
             "one process (its simple launcher ignores the count); Trainyard starts %1, each with "
             "RANK and WORLD_SIZE")},
        {Fix::QuestionnaireFsdpStrategy, "questionnaire-fsdp-strategy", "config init (FSDP1)",
         "The FSDP1 questionnaire writes the chosen strategy to fsdp_sharding_strategy as well, the key "
         "accelerate launch reads (accelerate's questionnaire writes only fsdp_reshard_after_forward), and "
         "says so "
         "while asking.",
         QT_TRANSLATE_NOOP(
             "trainyard::compat",
             "Note: %1 is also written as fsdp_sharding_strategy, the key accelerate launch reads "
             "(accelerate's own questionnaire writes only fsdp_reshard_after_forward, and accelerate "
             "launch would then run FULL_SHARD).")},
        {Fix::QuestionnaireFp8Keys, "questionnaire-fp8-keys", "config init (fp8, TransformerEngine)",
         "The fp8 questionnaire writes amax_history_len and amax_compute_algo, the keys accelerate launch "
         "reads (accelerate's questionnaire writes amax_history_length and amax_compute_algorithm, which its "
         "launch never reads), and says so while asking.",
         QT_TRANSLATE_NOOP(
             "trainyard::compat",
             "Note: the answers are written as amax_history_len and amax_compute_algo, the keys accelerate "
             "launch reads (accelerate's own questionnaire writes amax_history_length and "
             "amax_compute_algorithm, which its launch never reads, so they would be lost).")},
    };
    return table;
}

QStringList overrideTextBooleans(const QString &text) {
    QString t = text;
    t.remove(u'(').remove(u')').remove(u'[').remove(u']');
    QStringList out;
    for (const QString &part : t.split(u',')) {
        const QString w = part.trimmed().toLower();
        out << ((w == u"true" || w == u"yes" || w == u"1" || w == u"on" || w == u"t" || w == u"y")
                    ? QStringLiteral("True")
                    : QStringLiteral("False"));
    }
    return out;
}

QString warning(Fix fix) {
    for (const Difference &d : differences())
        if (d.fix == fix)
            return QCoreApplication::translate(Context, d.warning);
    return {};
}

} // namespace trainyard::compat
