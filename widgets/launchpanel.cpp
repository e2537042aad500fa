#include "launchpanel.h"

#include "background.h"
#include "databaseurl.h"
#include "filedialogs.h"
#include "launch/launchargs.h"
#include "launch/runrecord.h"
#include "launchsession.h"
#include "livepush.h"
#include "slurm/slurm.h"
#include "store.h"
#include "system/hardware.h"

#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <csignal>

using namespace Qt::StringLiterals;

namespace trainyard {

LaunchPanel::LaunchPanel(QWidget *parent)
    : QWidget(parent)
    , m_script(new QLineEdit(this))
    , m_arguments(new QLineEdit(this))
    , m_flags(new QLineEdit(this))
    , m_config(new QLineEdit(this))
    , m_python(new QLineEdit(this))
    , m_workdir(new QLineEdit(this))
    , m_where(new QComboBox(this))
    , m_hosts(new QLineEdit(this))
    , m_ssh(new QLineEdit(this))
    , m_slurm(new QLineEdit(this))
    , m_check(new QPushButton(tr("Check &hosts"), this))
    , m_preview(new QPlainTextEdit(this))
    , m_output(new QPlainTextEdit(this))
    , m_launch(new QPushButton(tr("&Launch"), this))
    , m_stop(new QPushButton(tr("&Stop"), this))
    , m_enqueue(new QPushButton(tr("Add to &Queue"), this))
    , m_queueGpus(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_previewTimer(new QTimer(this))
    , m_outputTimer(new QTimer(this))
    , m_poll(new QTimer(this)) {
    m_poll->setInterval(250);
    connect(m_poll, &QTimer::timeout, this, &LaunchPanel::poll);
    m_script->setPlaceholderText(tr("train.py, a module with -m in the flags, or a program"));
    m_arguments->setPlaceholderText(tr("arguments of the script"));
    m_flags->setPlaceholderText(tr("accelerate launch flags, e.g. --num_processes 2 --mixed_precision bf16"));
    m_config->setPlaceholderText(tr("accelerate config (default: accelerate's default config)"));
    m_python->setPlaceholderText(u"python3"_s);
    m_workdir->setPlaceholderText(QDir::homePath());
    m_workdir->setToolTip(
        tr("The launch runs here: relative paths of the script, the config and its data resolve "
           "against this folder"));
    m_where->addItem(tr("This machine"));
    m_where->addItem(tr("SSH hosts"));
    m_where->addItem(tr("Slurm job"));
    m_slurm->setPlaceholderText(tr("--partition P --time 1:00:00 --account A --slurm-arg=--gres=gpu:4"));
    m_hosts->setPlaceholderText(tr("gpu1,gpu2:4 (HOST[:PROCESSES],...) or a hostfile"));
    m_ssh->setPlaceholderText(tr("ssh (your ssh config, agent and known hosts apply)"));
    m_check->setEnabled(false);
    m_check->setToolTip(tr("Reach every host and check trainyard and the interpreter there; starts nothing"));
    auto *browseHosts = new QPushButton(tr("Browse..."), this);
    connect(browseHosts, &QPushButton::clicked, this, [this] {
        const QString f = fileDialogs::getOpenFileName(this, tr("Hostfile (one HOST [slots=N] per line)"));
        if (!f.isEmpty())
            m_hosts->setText(f);
    });
    connect(m_check, &QPushButton::clicked, this, &LaunchPanel::checkHosts);
    connect(m_where, &QComboBox::currentIndexChanged, this, [this] {
        updateMachinesRows();
        m_previewTimer->start();
    });
    auto *browseScript = new QPushButton(tr("Browse..."), this);
    connect(browseScript, &QPushButton::clicked, this, [this] {
        const QString f = fileDialogs::getOpenFileName(this, tr("Training script or program"));
        if (!f.isEmpty())
            m_script->setText(f);
    });
    auto *browseWorkdir = new QPushButton(tr("Browse..."), this);
    connect(browseWorkdir, &QPushButton::clicked, this, [this] {
        const QString d =
            fileDialogs::getExistingDirectory(this, tr("Working directory"), workingDirectory());
        if (!d.isEmpty())
            m_workdir->setText(d);
    });
    auto *browseConfig = new QPushButton(tr("Browse..."), this);
    connect(browseConfig, &QPushButton::clicked, this, [this] {
        const QString f = fileDialogs::getOpenFileName(this, tr("accelerate config"), QString(),
                                                       tr("Configs (*.yaml *.yml *.json)"));
        if (!f.isEmpty())
            m_config->setText(f);
    });
    auto row = [this](QLineEdit *edit, QPushButton *button) {
        auto *w = new QWidget(this);
        auto *h = new QHBoxLayout(w);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(edit);
        if (button)
            h->addWidget(button);
        return w;
    };
    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Working directory"), row(m_workdir, browseWorkdir));
    form->addRow(tr("Script or program"), row(m_script, browseScript));
    form->addRow(tr("Arguments"), m_arguments);
    form->addRow(tr("Launch flags"), m_flags);
    form->addRow(tr("Config"), row(m_config, browseConfig));
    form->addRow(tr("Python"), m_python);
    form->addRow(tr("Machines"), m_where);
    auto *hostsRow = row(m_hosts, browseHosts);
    hostsRow->layout()->addWidget(m_check);
    form->addRow(tr("Hosts"), hostsRow);
    form->addRow(tr("SSH command"), m_ssh);
    form->addRow(tr("Slurm options"), m_slurm);
    auto *copy = new QPushButton(tr("&Copy as shell script"), this);
    connect(copy, &QPushButton::clicked, this, &LaunchPanel::copyShellScript);
    connect(m_launch, &QPushButton::clicked, this, &LaunchPanel::launch);
    connect(m_stop, &QPushButton::clicked, this, &LaunchPanel::stop);
    connect(m_enqueue, &QPushButton::clicked, this, &LaunchPanel::enqueue);
    m_stop->setEnabled(false);
    m_queueGpus->setRange(0, 64);
    m_queueGpus->setSpecialValueText(tr("no GPU"));
    m_queueGpus->setSuffix(tr(" GPU(s)"));
    m_queueGpus->setToolTip(
        tr("What a run added to the queue asks for: N GPUs of the runner's pool (its ranks "
           "see CUDA_VISIBLE_DEVICES set to their ids; one rank per GPU unless "
           "--num_processes is given), or no GPU (a CPU slot)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addStretch(1);
    buttons->addWidget(m_status);
    buttons->addWidget(m_launch);
    buttons->addWidget(m_stop);
    buttons->addSpacing(12);
    buttons->addWidget(m_queueGpus);
    buttons->addWidget(m_enqueue);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_preview->setReadOnly(true);
    m_preview->setFont(mono);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setMaximumBlockCount(20000);
    m_output->setPlaceholderText(tr("The ranks' output appears here."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_preview);
    split->addWidget(m_output);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &LaunchPanel::updatePreview);
    updateMachinesRows();
    for (QLineEdit *e :
         {m_script, m_arguments, m_flags, m_config, m_python, m_workdir, m_hosts, m_ssh, m_slurm}) {
        connect(e, &QLineEdit::textChanged, m_previewTimer, qOverload<>(&QTimer::start));
    }
    // The fields are remembered when the preview follows them (debounced), not at every keystroke.
    connect(m_previewTimer, &QTimer::timeout, this, &LaunchPanel::rememberFields);
    // Output is appended in bursts, at most every 40 ms.
    m_outputTimer->setSingleShot(true);
    m_outputTimer->setInterval(40);
    connect(m_outputTimer, &QTimer::timeout, this, [this] {
        m_output->appendPlainText(m_pendingOutput.join(u'\n'));
        m_pendingOutput.clear();
    });
}

// A launch being followed is not stopped here: it runs on its own, and the settings say where to find it.
LaunchPanel::~LaunchPanel() = default;

void LaunchPanel::setScript(const QString &script) {
    m_script->setText(script);
}
void LaunchPanel::setArguments(const QString &arguments) {
    m_arguments->setText(arguments);
}
void LaunchPanel::setFlags(const QString &flags) {
    m_flags->setText(flags);
}
void LaunchPanel::setConfigFile(const QString &path) {
    m_config->setText(path);
}
void LaunchPanel::setPython(const QString &python) {
    m_python->setText(python);
}

void LaunchPanel::setWorkingDirectory(const QString &dir) {
    m_workdir->setText(dir);
}

QString LaunchPanel::workingDirectory() const {
    const QString dir = m_workdir->text().trimmed();
    return dir.isEmpty() ? QDir::homePath() : QDir(dir).absolutePath();
}

namespace {
const QStringList &rememberedKeys() {
    static const QStringList keys = {u"script"_s,  u"arguments"_s, u"flags"_s, u"config"_s, u"python"_s,
                                     u"workdir"_s, u"hosts"_s,     u"ssh"_s,   u"slurm"_s};
    return keys;
}
} // namespace

void LaunchPanel::restoreFields() {
    QSettings settings;
    settings.beginGroup(u"launch/fields"_s);
    const QList<QLineEdit *> edits = {m_script,  m_arguments, m_flags, m_config, m_python,
                                      m_workdir, m_hosts,     m_ssh,   m_slurm};
    for (qsizetype i = 0; i < edits.size(); ++i)
        if (settings.contains(rememberedKeys().at(i)))
            edits.at(i)->setText(settings.value(rememberedKeys().at(i)).toString());
    m_where->setCurrentIndex(std::clamp(settings.value(u"machines"_s, 0).toInt(), 0, 2));
    settings.endGroup();
    m_remember = true;
}

void LaunchPanel::rememberFields() const {
    if (!m_remember)
        return;
    QSettings settings;
    settings.beginGroup(u"launch/fields"_s);
    const QList<QLineEdit *> edits = {m_script,  m_arguments, m_flags, m_config, m_python,
                                      m_workdir, m_hosts,     m_ssh,   m_slurm};
    for (qsizetype i = 0; i < edits.size(); ++i)
        settings.setValue(rememberedKeys().at(i), edits.at(i)->text());
    settings.setValue(u"machines"_s, m_where->currentIndex());
}

void LaunchPanel::setMachines(const QString &hosts, const QString &ssh) {
    m_where->setCurrentIndex(hosts.isEmpty() ? 0 : 1);
    m_hosts->setText(hosts);
    m_ssh->setText(ssh);
}

void LaunchPanel::setSlurm(const QString &options) {
    m_where->setCurrentIndex(2);
    m_slurm->setText(options);
}

void LaunchPanel::updateMachinesRows() {
    const bool ssh = m_where->currentIndex() == 1;
    m_form->setRowVisible(m_hosts->parentWidget(), ssh);
    m_form->setRowVisible(m_ssh, ssh);
    m_form->setRowVisible(m_slurm, m_where->currentIndex() == 2);
}

QStringList LaunchPanel::commandLine() const {
    QStringList words = QProcess::splitCommand(m_flags->text());
    const QString hosts = m_hosts->text().trimmed();
    if (m_where->currentIndex() == 1 && !hosts.isEmpty()) {
        // A file is a hostfile; anything else the --hosts list.
        words << (QFileInfo(hosts).isFile() ? u"--hostfile"_s : u"--hosts"_s) << hosts;
        if (!m_ssh->text().trimmed().isEmpty())
            words << u"--ssh"_s << m_ssh->text().trimmed();
    }
    if (m_where->currentIndex() == 2)
        words << u"--slurm"_s << QProcess::splitCommand(m_slurm->text());
    if (!m_config->text().trimmed().isEmpty())
        words << u"--config_file"_s << m_config->text().trimmed();
    if (!m_python->text().trimmed().isEmpty())
        words << u"--python"_s << m_python->text().trimmed();
    words << m_script->text().trimmed() << QProcess::splitCommand(m_arguments->text());
    return words;
}

QString LaunchPanel::previewText() const {
    return m_preview->toPlainText();
}

QString LaunchPanel::outputText() const {
    return m_output->toPlainText() + m_pendingOutput.join(u'\n');
}

void LaunchPanel::updatePreview() {
    const QStringList words = commandLine();
    const quint64 generation = ++m_previewGeneration;
    const QString workdir = workingDirectory();
    const bool local = m_where->currentIndex() == 0; // SSH hosts and Slurm nodes have their own files
    struct Preview {
        bool parsed = false;
        QString error;
        QStringList missing; // files the launch names that are not there
        LaunchPlan plan;
        QString batchScript; // --slurm: what sbatch will get
    };
    // Reading the config and probing ports happen off the GUI thread.
    runInBackground(
        this,
        [words, workdir, local, program = launcherProgram()] {
            Preview p;
            LaunchArgs args;
            p.parsed = parseLaunchArgs(words, &args, &p.error);
            // The script (unless a module, or a program found on PATH) and the config, where the launch will
            // look for them: relative to its working directory.
            const QDir dir(workdir);
            if (p.parsed && local && !args.script.isEmpty() && !args.get(u"module"_s).toBool()) {
                const bool onPath = args.get(u"no_python"_s).toBool() && !args.script.contains(u'/') &&
                                    !QStandardPaths::findExecutable(args.script).isEmpty();
                if (!onPath && !QFileInfo::exists(dir.filePath(args.script)))
                    p.missing << tr("%1: no such file in %2").arg(args.script, workdir);
            }
            const QString config = args.get(u"config_file"_s).toString();
            if (p.parsed && !config.isEmpty() && !QFileInfo::exists(dir.filePath(config)))
                p.missing << tr("%1: no such config file in %2").arg(config, workdir);
            // The plan reads the config as the launcher will: from the working directory.
            if (p.parsed && !config.isEmpty())
                args.values[u"config_file"_s] = Value::string(dir.filePath(config));
            if (p.parsed && p.missing.isEmpty())
                p.plan = planLaunch(args, HardwareInfo::detect());
            if (p.parsed && args.slurm && p.plan.ok()) {
                const QString id = tr("<run id>");
                const QString name =
                    args.runName.isEmpty() ? QFileInfo(args.script).completeBaseName() : args.runName;
                p.batchScript = QString::fromUtf8(slurm::batchScript(slurm::jobSpec(
                    p.plan, args, words, id, runsDirectory(args.db) + u'/' + id, name, program, workdir)));
            }
            return p;
        },
        [this, generation, workdir](const Preview &p) {
            if (generation != m_previewGeneration)
                return; // a newer preview is on its way
            QString text;
            for (const Diagnostic &d : p.plan.warnings)
                text += u"# "_s + d.format() + u'\n';
            for (const Diagnostic &d : p.plan.notes)
                text += u"# "_s + d.format() + u'\n';
            const bool ok = p.parsed && p.missing.isEmpty() && p.plan.ok();
            if (!p.parsed)
                text += tr("# error: %1\n").arg(p.error);
            for (const QString &m : p.missing)
                text += tr("# error: %1\n").arg(m);
            m_status->setText(p.missing.value(0));
            for (const Diagnostic &d : p.plan.errors)
                text += u"# "_s + d.format() + u'\n';
            m_shellScript.clear();
            if (ok && !p.batchScript.isEmpty()) {
                m_shellScript = p.batchScript;
            } else if (ok && p.plan.hosts.isEmpty()) {
                m_shellScript = p.plan.toShellScript(p.plan.machineRank, workdir);
            } else if (ok) {
                // Every machine's ranks, as each machine's agent will start them.
                for (int m = 0; m < int(p.plan.hosts.size()); ++m)
                    m_shellScript += tr("# ---- machine %1: %2 (%n rank(s))\n", nullptr,
                                        int(p.plan.ranksOfMachine(m).size()))
                                         .arg(m)
                                         .arg(p.plan.hosts[m].host) +
                                     p.plan.toShellScript(m);
                if (p.plan.masterFromHosts)
                    text += tr("# MASTER_ADDR: machine 0's address as this machine reaches it over SSH\n");
            }
            text += m_shellScript;
            m_check->setEnabled(ok && !p.plan.hosts.isEmpty() && !m_checkProcess);
            m_preview->setPlainText(text);
            m_launch->setEnabled(ok); // several runs may go at once
            Q_EMIT previewUpdated(ok);
        });
}

void LaunchPanel::checkHosts() {
    if (m_checkProcess || m_where->currentIndex() != 1 || m_hosts->text().trimmed().isEmpty())
        return;
    const QString program = launcherProgram();
    if (program.isEmpty()) {
        m_status->setText(tr("The trainyard program was not found beside the studio or on PATH."));
        return;
    }
    m_checkProcess = new QProcess(this);
    m_checkProcess->setProgram(program);
    m_checkProcess->setArguments(QStringList{u"launch"_s, u"--check"_s} + commandLine());
    m_checkProcess->setWorkingDirectory(workingDirectory()); // a relative config or hostfile is found there
    m_checkProcess->setStandardInputFile(QProcess::nullDevice());
    m_checkProcess->setProcessChannelMode(QProcess::MergedChannels);
    m_check->setEnabled(false);
    m_status->setText(tr("Checking the hosts..."));
    m_output->clear();
    m_pendingOutput.clear();
    connect(m_checkProcess, &QProcess::readyRead, this, [this] {
        while (m_checkProcess->canReadLine())
            appendOutput(m_checkProcess->readLine().chopped(1));
    });
    connect(m_checkProcess, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QByteArray rest = m_checkProcess->readAll();
        if (!rest.isEmpty())
            appendOutput(rest);
        const bool ready = status == QProcess::NormalExit && code == 0;
        m_status->setText(ready ? tr("Every host is ready.") : tr("Not every host is ready: see below."));
        m_checkProcess->deleteLater();
        m_checkProcess = nullptr;
        m_check->setEnabled(true);
        Q_EMIT hostsChecked(ready);
    });
    connect(m_checkProcess, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_status->setText(
            tr("Cannot start %1: %2").arg(m_checkProcess->program(), m_checkProcess->errorString()));
        m_checkProcess->deleteLater();
        m_checkProcess = nullptr;
        m_check->setEnabled(true);
        Q_EMIT hostsChecked(false);
    });
    m_checkProcess->start();
}

void LaunchPanel::copyShellScript() {
    if (!m_shellScript.isEmpty())
        QGuiApplication::clipboard()->setText(m_shellScript);
}

QString LaunchPanel::launcherProgram() const {
    if (!m_program.isEmpty())
        return m_program;
    return LaunchSession::trainyardProgram();
}

qint64 LaunchPanel::launcherPid() const {
    return m_run ? m_run->identity.section(u' ', 2, 2).toLongLong() : 0;
}

void LaunchPanel::launch() {
    LaunchArgs args;
    QString error;
    QStringList words = commandLine();
    if (!parseLaunchArgs(words, &args, &error)) {
        m_status->setText(error);
        return;
    }
    const QString program = launcherProgram();
    if (program.isEmpty()) {
        m_status->setText(tr("The trainyard program was not found beside the studio or on PATH."));
        return;
    }
    // The database the launcher will write to, resolved as it resolves it: $TRAINYARD_DB, else --db, else the
    // studio's.
    QStringList launchArgs{u"launch"_s};
    if (args.db.isEmpty() && !m_database.isEmpty())
        launchArgs << u"--db"_s << m_database;
    launchArgs += words;
    startLauncher(program, launchArgs, databasePath(args.db.isEmpty() ? m_database : args.db),
                  workingDirectory());
}

void LaunchPanel::runAgain(const QString &runUid) {
    const QString program = launcherProgram();
    if (program.isEmpty()) {
        m_status->setText(tr("The trainyard program was not found beside the studio or on PATH."));
        return;
    }
    // `runs rerun` goes to the run's own working directory and config snapshot.
    QStringList args{u"runs"_s, u"rerun"_s, runUid};
    if (!m_database.isEmpty())
        args << u"--db"_s << m_database;
    startLauncher(program, args, databasePath(m_database), QDir::homePath());
}

void LaunchPanel::startLauncher(const QString &program, const QStringList &launchArgs,
                                const QString &database, const QString &workdir) {
    Followed run;
    run.database = database;
    // The launcher's own output goes to a file beside the runs (moved into the run's folder when it ends).
    const QString logDir = QFileInfo(run.database).dir().filePath(u"launches"_s);
    QDir().mkpath(logDir);
    run.logPath = QDir(logDir).filePath(
        u"launch-%1-%2.log"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss-zzz"_s))
            .arg(QCoreApplication::applicationPid()));
    QProcess p;
    p.setProgram(program);
    p.setArguments(launchArgs);
    p.setWorkingDirectory(workdir);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(run.logPath, QIODevice::Append);
    p.setStandardErrorFile(run.logPath, QIODevice::Append);
    // The launcher tells the studio its run (id, states) on the push socket, naming it with run.launch.
    if (!m_pushSocket.isEmpty()) {
        run.launch = u"%1-%2"_s.arg(QCoreApplication::applicationPid())
                         .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(StudioPushVariable), m_pushSocket);
        env.insert(QString::fromLatin1(StudioLaunchVariable), run.launch);
        p.setProcessEnvironment(env);
    }
    // startDetached() puts it in a session of its own: a terminal's Ctrl-C or hangup reaching the studio does
    // not reach the run.
    qint64 pid = 0;
    if (!p.startDetached(&pid)) {
        m_status->setText(tr("Cannot start %1: %2").arg(program, p.errorString()));
        return;
    }
    run.identity = launcherIdentityOf(pid);
    run.startedMs = QDateTime::currentMSecsSinceEpoch();
    // A run already followed goes on by itself (its page and the runs list follow it; its page can stop it);
    // the panel follows the new one.
    if (m_run) {
        m_poll->stop();
        m_run.reset();
    }
    m_output->clear();
    m_pendingOutput.clear();
    m_status->setText(tr("Starting..."));
    follow(run);
}

int LaunchPanel::queueGpus() const {
    return m_queueGpus->value();
}

void LaunchPanel::setQueueGpus(int gpus) {
    m_queueGpus->setValue(gpus);
}

void LaunchPanel::enqueue() {
    LaunchArgs args;
    QString error;
    const QStringList words = commandLine();
    if (!parseLaunchArgs(words, &args, &error)) {
        m_status->setText(error);
        return;
    }
    const QString program = launcherProgram();
    if (program.isEmpty()) {
        m_status->setText(tr("The trainyard program was not found beside the studio or on PATH."));
        return;
    }
    QStringList queueArgs{u"queue"_s, u"add"_s};
    if (m_queueGpus->value() > 0)
        queueArgs << u"--gpus"_s << QString::number(m_queueGpus->value());
    if (args.db.isEmpty() && !m_database.isEmpty())
        queueArgs << u"--db"_s << m_database;
    queueArgs += words;
    auto *p = new QProcess(this);
    p->setWorkingDirectory(workingDirectory());
    p->setStandardInputFile(QProcess::nullDevice());
    m_enqueue->setEnabled(false);
    connect(p, &QProcess::finished, this, [this, p](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        m_enqueue->setEnabled(true);
        const QString id = QString::fromUtf8(p->readAllStandardOutput()).trimmed();
        const QString said = QString::fromUtf8(p->readAllStandardError()).trimmed();
        if (status == QProcess::NormalExit && code == 0 && !id.isEmpty()) {
            m_status->setText(tr("Queued %1.").arg(id));
            Q_EMIT queued(id);
            return;
        }
        m_status->setText(said.isEmpty() ? tr("Could not add the run to the queue.")
                                         : said.section(u'\n', -1).remove(u"trainyard queue add: "_s));
        m_status->setToolTip(said);
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, program](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_status->setText(tr("Cannot start %1: %2").arg(program, p->errorString()));
        m_enqueue->setEnabled(true);
        p->deleteLater();
    });
    p->start(program, queueArgs);
}

void LaunchPanel::follow(const Followed &run) {
    m_run = run;
    saveFollowed();
    m_stop->setEnabled(true);
    m_poll->start();
    poll();
}

void LaunchPanel::runAnnounced(const PushedRun &run) {
    if (!m_run || run.launch.isEmpty() || run.launch != m_run->launch || run.runId <= 0)
        return;
    if (m_run->runId == 0) {
        m_run->runId = run.runId;
        m_run->runUid = run.uid;
        saveFollowed();
        Q_EMIT launched(run.uid);
    }
    // The end is the poll's to report (with the launcher's last output); states before it are shown now.
    if (isActive(run.status) || run.status == RunStatus::Queued)
        m_status->setText(statusText(run.status));
}

QString LaunchPanel::statusText(RunStatus status) {
    return status == RunStatus::Created  ? tr("Starting...")
           : status == RunStatus::Queued ? tr("queued (Slurm)")
           : isActive(status)            ? tr("running")
                                         : tr("finishing...");
}

void LaunchPanel::saveFollowed() const {
    QSettings settings;
    settings.beginGroup(u"launch/followed"_s);
    settings.remove(QString());
    if (m_run) {
        settings.setValue(u"identity"_s, m_run->identity);
        settings.setValue(u"log"_s, m_run->logPath);
        settings.setValue(u"database"_s, m_run->database);
        settings.setValue(u"run"_s, m_run->runUid);
    }
    settings.endGroup();
}

bool LaunchPanel::resumeDetached() {
    if (m_run)
        return true;
    QSettings settings;
    settings.beginGroup(u"launch/followed"_s);
    Followed run;
    run.identity = settings.value(u"identity"_s).toString();
    run.logPath = settings.value(u"log"_s).toString();
    run.database = settings.value(u"database"_s).toString();
    run.runUid = settings.value(u"run"_s).toString();
    settings.endGroup();
    if (run.identity.isEmpty())
        return false;
    // Its output so far is in the log; the run itself is found again in the database, running or ended (a run
    // that ended while no studio was open is reported once, then forgotten).
    m_status->setText(tr("Following a launch started earlier..."));
    follow(run);
    return true;
}

namespace {

// What one poll of a followed launch finds, off the GUI thread.
struct PollResult {
    QByteArray output; // new complete lines of the launcher's output
    qint64 logOffset = 0;
    std::optional<RunRow> row;
    bool launcherAlive = false;
    bool over = false; // the run has ended and its launcher is gone: nothing more will come
};

// typed: the launcher names its run and its states on the push socket (runAnnounced); the database is read
// only when it has no such channel, or once it is gone (how the run ended, or a frame that never came).
PollResult pollLaunch(const QString &identity, const QString &logPath, const QString &database, qint64 runId,
                      const QString &runUid, qint64 offset, bool typed) {
    PollResult r;
    r.logOffset = offset;
    // Alive first: output read after seeing the launcher gone is all there will be.
    r.launcherAlive = launcherRunning(identity);
    // A launcher that speaks on the push socket says its run and its states there: while it lives, the poll
    // only reads its output, and opens the database once it is gone (how the run ended).
    StoreReader reader;
    QString error;
    const bool opened = (!typed || !r.launcherAlive) &&
                        (isServerUrl(database) || QFileInfo::exists(database)) &&
                        reader.open(database, &error);
    if (opened) {
        if (runId > 0) {
            r.row = reader.run(runId);
        } else if (!runUid.isEmpty()) {
            r.row = reader.runByUid(runUid);
        } else {
            for (const RunRow &row : reader.runs()) // newest first: it is among the first
                if (row.launcher == identity) {
                    r.row = row;
                    break;
                }
        }
    }
    const bool waiting = r.row && r.row->status == RunStatus::Queued;
    r.over = !r.launcherAlive && (!r.row || (!isActive(r.row->status) && !waiting));
    QFile log(logPath);
    if (log.open(QIODevice::ReadOnly) && log.size() > offset) {
        log.seek(offset);
        // At most 4 MiB a poll while it runs; the rest at once when it is over (and a last line without
        // '\n').
        QByteArray data = log.read(r.over ? (64 << 20) : (4 << 20));
        const qsizetype end = r.over ? data.size() - 1 : data.lastIndexOf('\n');
        if (end >= 0) {
            data.truncate(end + 1);
            r.logOffset = offset + end + 1;
            if (!data.endsWith('\n'))
                data += '\n';
            r.output = data;
        }
    }
    // Once over, the launcher's output joins the run's folder.
    if (r.over && r.row && QFileInfo(r.row->runDir).isDir()) {
        log.close();
        QFile::rename(logPath, QDir(r.row->runDir).filePath(u"launcher.log"_s));
    }
    return r;
}

} // namespace

void LaunchPanel::poll() {
    if (!m_run || m_pollBusy)
        return;
    m_pollBusy = true;
    const Followed run = *m_run;
    // The push channel is trusted once it has named the run, or for the first seconds; a launcher that says
    // nothing there (an older trainyard, a socket it could not reach) is followed through the database.
    const bool typed = !run.launch.isEmpty() &&
                       (run.runId > 0 || QDateTime::currentMSecsSinceEpoch() - run.startedMs < 5000);
    runInBackground(
        this,
        [run, typed] {
            return pollLaunch(run.identity, run.logPath, run.database, run.runId, run.runUid, run.logOffset,
                              typed);
        },
        [this, identity = run.identity](const PollResult &r) {
            m_pollBusy = false;
            if (!m_run || m_run->identity != identity)
                return; // a poll of a launch that is no longer followed
            m_run->logOffset = r.logOffset;
            if (!r.output.isEmpty())
                for (const QByteArray &line : r.output.chopped(1).split('\n'))
                    appendOutput(line);
            if (r.row && m_run->runId == 0) {
                m_run->runId = r.row->id;
                m_run->runUid = r.row->uid;
                saveFollowed();
                Q_EMIT launched(r.row->uid);
            }
            if (!r.over) {
                if (r.row)
                    m_status->setText(statusText(r.row->status));
                return;
            }
            if (!r.row) {
                // It ended before its run was recorded (bad flags, an unreadable config): its output says
                // why.
                ended(1, tr("the launch did not start; its output says why"));
                return;
            }
            const RunRow &row = *r.row;
            if (row.status == RunStatus::Finished)
                ended(0, tr("finished"));
            else if (row.status == RunStatus::Cancelled)
                ended(130, tr("cancelled"));
            else if (row.status == RunStatus::Failed)
                ended(row.exitCode ? row.exitCode : 1,
                      row.failedRank >= 0
                          ? tr("failed: rank %1, exit code %2").arg(row.failedRank).arg(row.exitCode)
                          : tr("failed (%1)").arg(row.exitCode));
            else
                ended(-1, tr("crashed: the launcher ended without recording the end of the run"));
        });
}

void LaunchPanel::stop() {
    if (!m_run)
        return;
    // SIGINT, as Ctrl-C in a terminal: the launcher stops every rank (SIGTERM, then SIGKILL after its grace
    // period) and records the run as cancelled; a second Stop kills the ranks at once. The pid is only
    // signalled while it is still the launcher (same start time). (Reading the start time is one small read
    // of /proc, not disk I/O: done here, so a stop asked while the window closes is sent before it is gone.)
    if (launcherRunning(m_run->identity) && ::kill(pid_t(launcherPid()), SIGINT) == 0)
        m_status->setText(tr("Stopping..."));
    poll();
}

void LaunchPanel::appendOutput(const QByteArray &line) {
    m_pendingOutput << QString::fromUtf8(line);
    if (!m_outputTimer->isActive())
        m_outputTimer->start();
}

void LaunchPanel::ended(int exitCode, const QString &statusText) {
    m_poll->stop();
    m_run.reset();
    saveFollowed();
    m_launch->setEnabled(true);
    m_stop->setEnabled(false);
    m_status->setText(statusText);
    Q_EMIT finished(exitCode);
}

} // namespace trainyard
