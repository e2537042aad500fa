// Every deliberate difference from accelerate, in one table: where accelerate silently drops or mangles a
// user's setting, Trainyard does what the user meant and warns with the text kept here. README's list of
// deliberate fixes is this table, and tst_launchplan checks that each entry's warning is given.
#pragma once

#include <QList>
#include <QString>

namespace trainyard::compat {

enum class Fix {
    FsdpStrategyInReshard, // FSDP1 strategy stored in fsdp_reshard_after_forward
    NvmeOffloadPath,       // DeepSpeed offload_*_nvme_path exported
    MultiCpuWithoutMpi,    // MULTI_CPU with N processes: N ranks, no mpirun
    CpuAffinityFromFile,   // enable_cpu_affinity from the file honoured
    Fp8MisnamedKeys,       // fp8 keys accelerate's questionnaire writes under names its launcher never reads
    Fp8OverrideText,       // override_linear_precision as the text accelerate 0.34 wrote
    ProcessesWithoutDistributedType, // distributed_type NO with --num_processes N > 1
    QuestionnaireFsdpStrategy,       // the FSDP1 questionnaire also writes fsdp_sharding_strategy
    QuestionnaireFp8Keys,            // the fp8 questionnaire writes the amax keys accelerate launch reads
};

struct Difference {
    Fix fix;
    const char *id;      // its name in tests/data/launch/*.case ("fix ID")
    const char *setting; // the key or flag it is about
    const char *what;    // what Trainyard does instead (README's list)
    const char *warning; // the warning text, with %1... for the specifics
};

const QList<Difference> &differences();
// The translated warning text of a fix (arguments still to fill in with arg()).
QString warning(Fix fix);

// Fix::Fp8OverrideText: the booleans a text such as "(false, true, false)" spells, as Python spells them
// ("False", "True", "False"); a word that is not a truth value reads as False.
QStringList overrideTextBooleans(const QString &text);

} // namespace trainyard::compat
