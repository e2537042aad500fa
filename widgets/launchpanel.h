// The launch panel: a script or program, its arguments, accelerate launch flags and a config; a preview of
// every rank's command and environment (the dry-run plan), "copy as shell script", Launch and Stop. Plans are
// computed and runs are supervised on a thread of their own (LaunchSession); the panel only shows what they
// report.
#pragma once

#include "launch/launchplan.h"
#include "runstatus.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProcess;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace trainyard {

struct PushedRun;

class LaunchPanel : public QWidget {
    Q_OBJECT
public:
    explicit LaunchPanel(QWidget *parent = nullptr);
    ~LaunchPanel() override;

    // The inputs (for tests and for "launch this config" from elsewhere).
    void setScript(const QString &script);
    void setArguments(const QString &arguments);
    void setFlags(const QString &flags);
    void setConfigFile(const QString &path);
    void setPython(const QString &python);
    // Where the launch runs: relative script, config and data paths resolve against it (empty: the home
    // folder).
    void setWorkingDirectory(const QString &dir);
    QString workingDirectory() const;
    // The fields as the last studio left them (the main window calls this; from then on every change is
    // remembered, in the studio's settings).
    void restoreFields();
    // Several machines over SSH: a hostfile or HOST[:SLOTS],... and the SSH command (empty: ssh). Empty hosts
    // means this machine.
    void setMachines(const QString &hosts, const QString &ssh = {});
    // A Slurm job: sbatch options as Trainyard's flags ("--partition gpu --time 1:00:00"; empty: the
    // cluster's defaults).
    void setSlurm(const QString &options);

    // The words after `trainyard launch` that the inputs make.
    QStringList commandLine() const;
    QString previewText() const;
    QString outputText() const;
    // Whether the panel follows a launch (the latest one; launching again follows the new one and leaves the
    // earlier ones running on their own, each stopped from its run page).
    bool isRunning() const { return m_run.has_value(); }
    // The GPUs a run added to the queue asks for (0: a CPU slot).
    int queueGpus() const;
    void setQueueGpus(int gpus);
    // The `trainyard` program that runs launches (default: the one beside this executable, else PATH's).
    void setLauncherProgram(const QString &program) { m_program = program; }
    // The studio's push socket (PushReceiver): launches are told to push their committed points to it.
    void setPushSocket(const QString &path) { m_pushSocket = path; }
    // A run state a launcher pushed (PushReceiver::runChanged): the followed launch's own names its run.
    void runAnnounced(const trainyard::PushedRun &run);
    // The launcher process of the run being followed (0 when none).
    qint64 launcherPid() const;

    // A launch runs as its own `trainyard launch` process, detached from the studio: quitting the studio can
    // leave it running. What the panel follows is kept in the settings, and a studio opened later follows
    // it again (resumeDetached(): true when a launch from an earlier studio still runs).
    bool resumeDetached();

public Q_SLOTS:
    void updatePreview();
    void launch();
    // Adds the run the inputs make to the run queue (`trainyard queue add`) instead of starting it, asking
    // for queueGpus() GPUs; queued() or a status message follows.
    void enqueue();
    // Runs an earlier run again (`trainyard runs rerun`: its command, working directory and config as
    // launched) and follows it as a launch of its own.
    void runAgain(const QString &runUid);
    void stop();
    void copyShellScript();
    // Reaches every host of the SSH launch (`trainyard launch --check`) and shows what each answered; starts
    // nothing. The result arrives in hostsChecked().
    void checkHosts();

    // The run database launches write to (the studio's); a --db flag wins, and $TRAINYARD_DB over both.
    void setDatabase(const QString &path) { m_database = path; }

Q_SIGNALS:
    void previewUpdated(bool ok);
    void hostsChecked(bool allReady);
    void launched(const QString &runId);
    // A run was added to the queue (its id).
    void queued(const QString &runId);
    // The launcher's exit code as the CLI gives it (0 finished, 130 cancelled, a rank's code when it failed;
    // -1 when the launcher itself died and the run is recorded as crashed).
    void finished(int exitCode);

private:
    // The launch being followed: a `trainyard launch` process (not a child: it outlives the studio when asked
    // to), its output file, and its run once the database has it.
    struct Followed {
        QString
            identity;    // launcherIdentityOf(pid): pid and start time, so a reused pid is never taken for it
        QString logPath; // the launcher's stdout and stderr
        QString database;
        QString runUid; // empty until its row is in the database
        qint64 runId = 0;
        qint64 logOffset = 0;
        QString launch; // the name the launcher repeats in its run frames (StudioLaunchVariable)
        qint64 startedMs = 0;
    };
    static QString statusText(RunStatus status);
    void follow(const Followed &run);
    // Starts a launcher (`trainyard launch ...` or `runs rerun ...`) detached, its output in a file, and
    // follows it.
    void startLauncher(const QString &program, const QStringList &args, const QString &database,
                       const QString &workdir);
    void poll();
    void saveFollowed() const;
    void appendOutput(const QByteArray &line);
    void ended(int exitCode, const QString &statusText);
    QString launcherProgram() const;

    void updateMachinesRows();

    QString m_pushSocket;
    QLineEdit *m_script, *m_arguments, *m_flags, *m_config, *m_python, *m_workdir;
    bool m_remember = false;
    void rememberFields() const;
    QComboBox *m_where;
    QLineEdit *m_hosts, *m_ssh, *m_slurm;
    QPushButton *m_check;
    QFormLayout *m_form = nullptr;
    QProcess *m_checkProcess = nullptr;
    QPlainTextEdit *m_preview, *m_output;
    QPushButton *m_launch, *m_stop, *m_enqueue;
    QSpinBox *m_queueGpus;
    QLabel *m_status;
    QTimer *m_previewTimer, *m_outputTimer;
    QStringList m_pendingOutput;
    QString m_shellScript;
    QString m_database;
    QString m_program;
    std::optional<Followed> m_run;
    QTimer *m_poll;
    bool m_pollBusy = false;
    quint64 m_previewGeneration = 0;
};

} // namespace trainyard
