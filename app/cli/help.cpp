// `--help` for every command and subcommand of `trainyard` (launch's flags come from the flag table in
// engine/launch/launchargs.cpp).
#include "commands.h"
#include "launch/launchargs.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trainyard::cli {

namespace {

struct HelpText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::cli::HelpText)
};

QString exitCodes() {
    return HelpText::tr(
        "\nExit codes: 0 success, 1 failure (errors found, a run that failed), 2 usage error.\n");
}

} // namespace

QString topLevelHelp() {
    return HelpText::tr(
               "usage: trainyard <command> [options]\n"
               "\n"
               "Configure, launch, watch and size PyTorch training runs (accelerate-compatible).\n"
               "\n"
               "commands:\n"
               "  config init [-o FILE] [--defaults] [--force]   accelerate's questionnaire, or detected "
               "defaults\n"
               "  config validate FILE...                        FILE:LINE:COL: error|warning: message\n"
               "  config show FILE [--format yaml|json]          the form accelerate holds after loading\n"
               "  config update FILE                             rewrite in canonical form, atomically\n"
               "  launch [FLAGS] SCRIPT [ARGS...]                start and supervise this machine's ranks\n"
               "  runs list|show|diff|export|import|rm|tag|note the run database\n"
               "  queue add|list|rm|move|pause|resume|run        queued runs, started as GPUs free up\n"
               "  sweep FILE [--json] [--trials N] [FLAGS]       a W&B sweep file's trials, on the queue\n"
               "  estimate-memory MODEL [OPTIONS]                memory per device and the device map\n"
               "  env                                            versions, devices, default config\n"
               "  db copy FROM TO                                runs between a SQLite file and a PostgreSQL "
               "server\n"
               "\n"
               "`trainyard COMMAND --help` (or `trainyard help COMMAND`) tells more; `trainyard --version` "
               "prints the version.\n") +
           exitCodes();
}

QString commandHelp(const QString &command, const QString &sub) {
    if (command == u"db"_s)
        return HelpText::tr(
                   "usage: trainyard db copy FROM TO\n\n"
                   "Copies every run of FROM that TO lacks (by its id, the uid) with everything stored of "
                   "it: "
                   "its fields,\n"
                   "parameters, tags, log lines, every point of every series, system metrics, its queue "
                   "entry. Runs get\n"
                   "new numbers in TO; a run TO already holds is left out and named. Each run is copied in "
                   "one transaction.\n\n"
                   "FROM and TO: a SQLite file (made when TO does not exist), or a PostgreSQL server as "
                   "libpq takes it:\n"
                   "postgresql://USER@HOST:PORT/DATABASE?sslmode=require (a password comes from PGPASSFILE "
                   "or ~/.pgpass,\n"
                   "never from the command line). The run folders (logs, config) stay where they are.\n") +
               exitCodes();
    if (command == u"launch"_s)
        return launchHelpText() + exitCodes();
    if (command == u"config"_s) {
        if (sub == u"init"_s)
            return HelpText::tr(
                       "usage: trainyard config init [-o FILE] [--defaults] [--force]\n"
                       "\n"
                       "Asks accelerate config's questions on the terminal (checked against the GPUs "
                       "found here) and saves the answers, atomically.\n"
                       "\n"
                       "  -o, --output FILE   where to save (default: accelerate's default config, "
                       "$HF_HOME/accelerate/default_config.yaml)\n"
                       "  --defaults          no questions: a config for the detected hardware\n"
                       "  --force             replace an existing file\n") +
                   exitCodes();
        if (sub == u"validate"_s)
            return HelpText::tr(
                       "usage: trainyard config validate FILE...\n"
                       "\n"
                       "Checks configs as accelerate would read them and prints one line per problem: "
                       "FILE:LINE:COL: error|warning: message.\n") +
                   exitCodes();
        if (sub == u"show"_s)
            return HelpText::tr("usage: trainyard config show FILE [--format yaml|json]\n"
                                "\n"
                                "Prints the config in canonical form: what accelerate holds after loading it "
                                "(migrations and defaults applied).\n") +
                   exitCodes();
        if (sub == u"update"_s)
            return HelpText::tr("usage: trainyard config update FILE\n"
                                "\n"
                                "Rewrites the file in canonical form, atomically (refused while it has "
                                "errors).\n") +
                   exitCodes();
        return HelpText::tr("usage: trainyard config init|validate|show|update ...\n"
                            "\n"
                            "  init       accelerate's questionnaire, or detected defaults\n"
                            "  validate   check configs: FILE:LINE:COL: error|warning: message\n"
                            "  show       the canonical form accelerate holds after loading\n"
                            "  update     rewrite in canonical form, atomically\n"
                            "\n"
                            "`trainyard config SUBCOMMAND --help` tells more.\n") +
               exitCodes();
    }
    if (command == u"sweep"_s)
        return HelpText::tr(
                   "usage: trainyard sweep FILE [--json] [--trials N] [--parallel N] [--seed S] [--gpus N] "
                   "[--continue ID] [--db PATH] [launch flags]\n\n"
                   "Runs the trials of a W&B sweep file (program, method grid|random|bayes, metric, "
                   "parameters "
                   "with value, values, min/max and distribution, command and its macros, early_terminate "
                   "hyperband, run_cap). Each trial is a queued run with its parameters recorded on it; the "
                   "objective is the last value of metric.name its rank 0 logged. The sweep serves the queue "
                   "itself unless a `trainyard queue run` (or the studio) already does.\n\n"
                   "  --trials N     how many trials (random and bayes need it, or run_cap; grid: at most N "
                   "of its combinations)\n"
                   "  --parallel N   trials at once (CPU slots of the sweep's runner; bayes: trials in "
                   "flight)\n"
                   "  --seed S       the same trials again (random; bayes through Optuna's sampler)\n"
                   "  --gpus N       every trial takes N GPUs of the queue's pool\n"
                   "  --continue ID  N more trials of sweep ID (bayes learns from its trials so far)\n"
                   "  --json         last line: {\"sweep\": ID, \"trials\": [...], \"best\": {\"run\": ID, "
                   "\"params\": {...}, \"value\": X}}\n"
                   "  launch flags   any of `trainyard launch`, given to every trial\n"
                   "bayes uses Optuna (Debian: python3-optuna). Ctrl-C stops the sweep: waiting trials leave "
                   "the queue, running ones are stopped.\n") +
               exitCodes();
    if (command == u"queue"_s) {
        const QString db =
            HelpText::tr("  --db PATH   the run database that holds the queue (default: $TRAINYARD_DB, "
                         "else $XDG_DATA_HOME/trainyard/trainyard.db)\n");
        if (sub == u"add"_s)
            return HelpText::tr(
                       "usage: trainyard queue add [--gpus N] [--cpu-slots N] [--name NAME] [launch flags] "
                       "SCRIPT [ARGS...]\n\n"
                       "Records a run as queued (it shows in `runs list` and the studio at once) and prints "
                       "its id. It starts, with the working directory and environment it was queued with, "
                       "when `trainyard queue run` finds what it asks for free.\n\n"
                       "  --gpus N        the run takes N GPUs of the pool; its ranks see "
                       "CUDA_VISIBLE_DEVICES "
                       "set to their ids (without --num_processes: one rank per GPU)\n"
                       "  --cpu-slots N   without --gpus: the CPU slots it takes (default 1); its ranks see "
                       "no "
                       "GPU\n"
                       "  launch flags    any of `trainyard launch` (--config_file, --hosts, --env, --name, "
                       "...), checked now; a --hosts run takes its machines\n") +
                   exitCodes();
        if (sub == u"run"_s)
            return HelpText::tr(
                       "usage: trainyard queue run [--gpus LIST] [--cpu-slots N] [--until-empty] [--db "
                       "PATH]\n\n"
                       "Starts queued runs, in order, as GPUs and CPU slots free up; runs that overlap in "
                       "time never share a GPU id. The first run that does not fit holds back those behind "
                       "it. Each run gets a launcher of its own: stopping or killing the runner leaves them "
                       "running, and the next runner takes them over. One runner per database.\n\n"
                       "  --gpus LIST     the GPU pool, e.g. 0,1,2,3 (default: every GPU NVML sees); a GPU "
                       "another program uses is not free\n"
                       "  --cpu-slots N   how many CPU slots runs without GPUs share (default 1)\n"
                       "  --until-empty   return when nothing waits and nothing started runs\n") +
                   db + exitCodes();
        return HelpText::tr(
                   "usage: trainyard queue add|list|rm|move|pause|resume|run ...\n"
                   "\n"
                   "  add [--gpus N] [launch flags] SCRIPT [ARGS...]   queue a run; prints its id\n"
                   "  list [--json] [--all]                          waiting (in order) and running runs; "
                   "--all: finished ones too\n"
                   "  rm ID                                          remove a waiting run\n"
                   "  move ID --to N                                 make a waiting run the N-th to start\n"
                   "  pause | resume                                 stop or go on starting runs (what runs "
                   "goes on)\n"
                   "  run [--gpus LIST] [--cpu-slots N] [--until-empty]   start runs as resources free "
                   "up\n\n") +
               db + exitCodes();
    }
    if (command == u"runs"_s) {
        const QString db = HelpText::tr("  --db PATH   the run database (default: $TRAINYARD_DB, else "
                                        "$XDG_DATA_HOME/trainyard/trainyard.db)\n");
        if (sub == u"list"_s)
            return HelpText::tr(
                       "usage: trainyard runs list [--json] [--filter QUERY] [--db PATH]\n\nEvery run, "
                       "newest "
                       "first: id, name, status, start, duration, exit code.\n\n  --json      one JSON "
                       "array\n"
                       "  --filter QUERY   only the runs that match every term of QUERY (the studio's runs "
                       "filter):\n"
                       "      epochs=30 lr>=1e-3 loss<0.5   a parameter, else a metric (rank 0's last "
                       "value), "
                       "else a tag\n"
                       "      loss.min<0.3 acc.max>0.9      a metric's smallest or largest value\n"
                       "      status:failed name~bert host=gpu1 id=ID   the run's own fields\n"
                       "      params.lr=0.1 metrics.loss<1 tags.git_branch=main note~ablation\n"
                       "      \"two words\" resnet              text in the name, id, status, parameters or "
                       "tags\n"
                       "    operators = (or :) != < > <= >= ~ (contains); numbers compare as numbers, text "
                       "in any case;\n"
                       "    a run without the key matches only !=.\n") +
                   db + exitCodes();
        if (sub == u"show"_s)
            return HelpText::tr(
                       "usage: trainyard runs show ID [--json] [--db PATH]\n\nOne run: status, "
                       "command, config, parameters, its metrics and their last values.\n\n  --json    "
                       "  one JSON object\n") +
                   db + exitCodes();
        if (sub == u"diff"_s)
            return HelpText::tr("usage: trainyard runs diff ID ID... [--json] [--db PATH]\n\nWhat differs "
                                "between runs: launch, config, parameters, last metric values.\n") +
                   db + exitCodes();
        if (sub == u"export"_s)
            return HelpText::tr("usage: trainyard runs export ID [--format csv|jsonl] [--db PATH]\n\nEvery "
                                "point of a run on standard output (default: csv).\n") +
                   db + exitCodes();
        if (sub == u"import"_s)
            return HelpText::tr(
                       "usage: trainyard runs import PATH [--db PATH]\n\nRuns from elsewhere, every "
                       "point kept:\n"
                       "  a JSONL file written by trainyard_tracker outside a launch (or by runs export "
                       "--format jsonl): one run;\n"
                       "  a TensorBoard logdir or event file: one run per folder that holds "
                       "events.out.tfevents.* files, named by its path inside the logdir (scalars, "
                       "hparams);\n"
                       "  an MLflow file store (mlruns/): every run with its metrics, params, tags, name "
                       "and times.\n"
                       "A damaged record or a malformed metric line is skipped with a warning naming the "
                       "file and offset or line; the rest is kept.\n") +
                   db + exitCodes();
        if (sub == u"tag"_s)
            return HelpText::tr("usage: trainyard runs tag ID KEY=VALUE... [--db PATH]\n\nSets tags on a run "
                                "(KEY= removes one); runs show, the filter and the studio see them.\n") +
                   db + exitCodes();
        if (sub == u"note"_s)
            return HelpText::tr("usage: trainyard runs note ID TEXT... [--db PATH]\n\nA run's note (its "
                                "\"note\" tag, editable in the studio's runs table); no TEXT removes it.\n") +
                   db + exitCodes();
        if (sub == u"rm"_s)
            return HelpText::tr("usage: trainyard runs rm ID [--db PATH]\n\nDeletes a run: its rows, its "
                                "points and its folder. A run whose launcher still runs is refused.\n") +
                   db + exitCodes();
        return HelpText::tr(
                   "usage: trainyard runs list|show|diff|export|import|rm|rerun|tag|note ...\n"
                   "\n"
                   "  list                 every run, newest first\n"
                   "  show ID              one run\n"
                   "  diff ID ID...        what differs between runs\n"
                   "  export ID            its points as CSV or JSONL\n"
                   "  import PATH          runs from a JSONL file, a TensorBoard logdir, an mlruns/\n"
                   "  rm ID                delete a run that has ended\n"
                   "  rerun ID             launch a run again as it was launched\n"
                   "  tag ID KEY=VALUE...  set (or with KEY= remove) a run's tags\n"
                   "  note ID TEXT         a run's note\n"
                   "\n"
                   "`trainyard runs SUBCOMMAND --help` tells more.\n") +
               db + exitCodes();
    }
    if (command == u"estimate-memory"_s)
        return HelpText::tr(
                   "usage: trainyard estimate-memory MODEL [--json] [--dtype D] [--max-memory SPEC]\n"
                   "                                 [--device-map STRATEGY] [--config_file F] "
                   "[--batch-size N] [--seq-len L]\n"
                   "                                 [--strategies] [--num_processes N] [--mixed_precision "
                   "M]\n"
                   "\n"
                   "Memory of a model per dtype, training memory per GPU for a launch config, and the "
                   "device_map accelerate's big-model inference would produce. MODEL is a folder, a "
                   "config.json, a model.safetensors or a *.safetensors.index.json; only headers are "
                   "read.\n"
                   "\n"
                   "  --json                  one JSON object\n"
                   "  --dtype D               float32, float16, bfloat16, int8 or int4 (default: "
                   "every one in the table)\n"
                   "  --max-memory SPEC       per device, e.g. 0=8GiB,1=8GiB,cpu=64GiB: prints the "
                   "device map\n"
                   "  --device-map STRATEGY   auto, balanced, balanced_low_0 or sequential (default "
                   "auto)\n"
                   "  --config_file F         the launch config the training estimate is for\n"
                   "  --batch-size N          per GPU (default 1)\n"
                   "  --seq-len L             tokens per sample (default 2048)\n"
                   "  --strategies            DDP, FSDP, FSDP with CPU offload, ZeRO-2 and ZeRO-3 side "
                   "by side, term by term\n"
                   "  --num_processes N       GPUs over all machines (default: the config's, else 1)\n"
                   "  --mixed_precision M     no, fp16, bf16 or fp8 (default: the config's, else no)\n") +
               exitCodes();
    if (command == u"env"_s)
        return HelpText::tr("usage: trainyard env\n\nVersions, devices and the default config, to paste into "
                            "a bug report (like accelerate env).\n") +
               exitCodes();
    return topLevelHelp();
}

} // namespace trainyard::cli
