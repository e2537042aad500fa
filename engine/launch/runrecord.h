// What is recorded about a run, and where. The tracker's SQLite store will implement RunRecorder; until then
// JsonRunRecorder keeps the record as run.json in the run's folder, rewritten atomically on every change.
#pragma once

#include "databaseurl.h"
#include "system/runstatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace trainyard {

struct RankRecord {
    int rank = 0;
    qint64 pid = 0;
    int attempt = 0;
    QString state; // "running", "exited", "killed", "failed to start"
    int exitCode = 0;
    int signal = 0;
};

// One machine of a multi-machine launch.
struct MachineRecord {
    int machineRank = 0;
    QString host;     // as the hostfile names it
    QString hostname; // as the machine calls itself
    QString address;  // as the launcher reached it
    QList<int> ranks; // global ranks
    QString state;    // checking, running, finished, failed, cancelled, unreachable
    int exitCode = 0;
};

struct RunEvent {
    QDateTime time;
    QString kind; // "watchdog", "restart", "failure", "signal"
    int rank = -1;
    QString message;
};

struct RunRecord {
    QString id;
    QString name;
    RunStatus status = RunStatus::Created; // stored by name (docs/DATABASE.md)
    QDateTime created;
    QDateTime started;
    QDateTime ended;
    QString host;
    QString workingDirectory;
    QStringList argv;           // the command the user typed
    QMap<QString, QString> env; // rank 0's variables as Trainyard set them
    QString configFile;
    QByteArray configSnapshot; // the config file as launched
    int attempts = 0;
    int failedRank = -1;     // the first rank that failed in the last attempt, -1 when none
    int failedExitCode = 0;  // its exit code (128 + signal when a signal killed it); 130 for a stopped run
    QList<RankRecord> ranks; // last attempt
    QList<RunEvent> events;
    QList<MachineRecord> machines; // --hostfile / --hosts; empty for a launch on this machine
    QString slurmJob;              // --slurm: the job's id

    QJsonObject toJson() const;
    static RunRecord fromJson(const QJsonObject &o);
};

class RunRecorder {
public:
    virtual ~RunRecorder() = default;
    // Stores the record as it is now; called on every change of status, rank or event.
    virtual bool save(const RunRecord &record, QString *error) = 0;
};

class JsonRunRecorder : public RunRecorder {
public:
    explicit JsonRunRecorder(QString path)
        : m_path(std::move(path)) {}
    bool save(const RunRecord &record, QString *error) override;
    const QString &path() const { return m_path; }
    static bool load(const QString &path, RunRecord *out, QString *error);

private:
    QString m_path;
};

// Where runs live: $TRAINYARD_DB if set, else dbOverride, else $XDG_DATA_HOME/trainyard/trainyard.db. Runs'
// folders are beside the database, in runs/<id>/.
QString databasePath(const QString &dbOverride = {});
// Where the runs' folders are: beside the database file; for a server, where the default database's would be.
QString runsDirectory(const QString &dbOverride = {});
QString newRunId();
// Whether a variable's name says it holds a secret (KEY, TOKEN, SECRET, PASSWORD, PASSWD, CREDENTIAL, in any
// case, as in WANDB_API_KEY or HF_TOKEN).
bool looksSecret(const QString &name);
// A launch command line as recorded (run.json, the database): the value of every `--env NAME=VALUE` whose
// name looks secret is replaced by "***". The ranks still get the real value.
QStringList redactedCommandLine(const QStringList &argv);
// A run's recorded command (the database's JSON array of the launcher's argv) as one line a shell takes back
// ("trainyard launch --num_processes 2 train.py ..."); records that kept only the words after `trainyard
// launch` get them back in front. Empty when there is none.
QString recordedCommandLine(const QString &commandJson);
// The same for an environment as recorded.
QMap<QString, QString> redactedEnvironment(const QMap<QString, QString> &env);
// A run's name: --name as given, else the script's or program's name and the run id's last four characters
// ("train-3f9a"), so that runs of one script can be told apart in lists, legends and dialogs.
QString runName(const QString &givenName, const QString &script, const QString &runId);

} // namespace trainyard
