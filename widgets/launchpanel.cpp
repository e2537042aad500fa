#include "launchpanel.h"

#include "background.h"
#include "launch/launchargs.h"
#include "launchsession.h"
#include "system/hardware.h"

#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trainyard {

LaunchPanel::LaunchPanel(QWidget *parent)
    : QWidget(parent)
    , m_script(new QLineEdit(this))
    , m_arguments(new QLineEdit(this))
    , m_flags(new QLineEdit(this))
    , m_config(new QLineEdit(this))
    , m_python(new QLineEdit(this))
    , m_preview(new QPlainTextEdit(this))
    , m_output(new QPlainTextEdit(this))
    , m_launch(new QPushButton(tr("&Launch"), this))
    , m_stop(new QPushButton(tr("&Stop"), this))
    , m_status(new QLabel(this))
    , m_previewTimer(new QTimer(this))
    , m_outputTimer(new QTimer(this)) {
    m_thread.setObjectName(u"trainyard-launch"_s);
    m_thread.start();
    m_script->setPlaceholderText(tr("train.py, a module with -m in the flags, or a program"));
    m_arguments->setPlaceholderText(tr("arguments of the script"));
    m_flags->setPlaceholderText(tr("accelerate launch flags, e.g. --num_processes 2 --mixed_precision bf16"));
    m_config->setPlaceholderText(tr("accelerate config (default: accelerate's default config)"));
    m_python->setPlaceholderText(u"python3"_s);
    auto *browseScript = new QPushButton(tr("Browse..."), this);
    connect(browseScript, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Training script or program"));
        if (!f.isEmpty())
            m_script->setText(f);
    });
    auto *browseConfig = new QPushButton(tr("Browse..."), this);
    connect(browseConfig, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("accelerate config"), QString(),
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
    form->addRow(tr("Script or program"), row(m_script, browseScript));
    form->addRow(tr("Arguments"), m_arguments);
    form->addRow(tr("Launch flags"), m_flags);
    form->addRow(tr("Config"), row(m_config, browseConfig));
    form->addRow(tr("Python"), m_python);
    auto *copy = new QPushButton(tr("&Copy as shell script"), this);
    connect(copy, &QPushButton::clicked, this, &LaunchPanel::copyShellScript);
    connect(m_launch, &QPushButton::clicked, this, &LaunchPanel::launch);
    connect(m_stop, &QPushButton::clicked, this, &LaunchPanel::stop);
    m_stop->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addStretch(1);
    buttons->addWidget(m_status);
    buttons->addWidget(m_launch);
    buttons->addWidget(m_stop);
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
    for (QLineEdit *e : {m_script, m_arguments, m_flags, m_config, m_python})
        connect(e, &QLineEdit::textChanged, m_previewTimer, qOverload<>(&QTimer::start));
    // Output is appended in bursts, at most every 40 ms.
    m_outputTimer->setSingleShot(true);
    m_outputTimer->setInterval(40);
    connect(m_outputTimer, &QTimer::timeout, this, [this] {
        m_output->appendPlainText(m_pendingOutput.join(u'\n'));
        m_pendingOutput.clear();
    });
}

LaunchPanel::~LaunchPanel() {
    if (m_session) {
        LaunchSession *s = m_session;
        m_session = nullptr;
        QMetaObject::invokeMethod(
            s, [s] { delete s; }, Qt::BlockingQueuedConnection); // kills the ranks
    }
    m_thread.quit();
    m_thread.wait();
}

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

QStringList LaunchPanel::commandLine() const {
    QStringList words = QProcess::splitCommand(m_flags->text());
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
    struct Preview {
        bool parsed = false;
        QString error;
        LaunchPlan plan;
    };
    // Reading the config and probing ports happen off the GUI thread.
    runInBackground(
        this,
        [words] {
            Preview p;
            LaunchArgs args;
            p.parsed = parseLaunchArgs(words, &args, &p.error);
            if (p.parsed)
                p.plan = planLaunch(args, HardwareInfo::detect());
            return p;
        },
        [this, generation](const Preview &p) {
            if (generation != m_previewGeneration)
                return; // a newer preview is on its way
            QString text;
            for (const Diagnostic &d : p.plan.warnings)
                text += u"# "_s + d.format() + u'\n';
            const bool ok = p.parsed && p.plan.ok();
            if (!p.parsed)
                text += tr("# error: %1\n").arg(p.error);
            for (const Diagnostic &d : p.plan.errors)
                text += u"# "_s + d.format() + u'\n';
            m_shellScript = ok ? p.plan.toShellScript(p.plan.machineRank) : QString();
            text += m_shellScript;
            m_preview->setPlainText(text);
            m_launch->setEnabled(ok && !m_session);
            Q_EMIT previewUpdated(ok);
        });
}

void LaunchPanel::copyShellScript() {
    if (!m_shellScript.isEmpty())
        QGuiApplication::clipboard()->setText(m_shellScript);
}

void LaunchPanel::launch() {
    if (m_session)
        return;
    LaunchArgs args;
    QString error;
    const QStringList words = commandLine();
    if (!parseLaunchArgs(words, &args, &error)) {
        m_status->setText(error);
        return;
    }
    if (args.db.isEmpty())
        args.db = m_database; // the studio's database, unless the flags name one
    m_launch->setEnabled(false);
    m_stop->setEnabled(true);
    m_output->clear();
    m_status->setText(tr("Starting..."));
    // The plan is made off the GUI thread; the session (database, ingest, ranks) lives on the launch thread
    // and is only reached through queued calls and connections whose receiver is this panel (so nothing is
    // delivered to a panel that is gone, and no code on that thread holds a pointer to it).
    runInBackground(
        this, [args] { return planLaunch(args, HardwareInfo::detect()); },
        [this, args, words](const LaunchPlan &plan) {
            if (!plan.ok()) {
                m_status->setText(plan.errors.first().format());
                sessionEnded(1, true);
                return;
            }
            auto *session = new LaunchSession(plan, args, words);
            session->moveToThread(&m_thread);
            m_session = session;
            connect(session, &LaunchSession::prepared, this,
                    [this, session](bool ok, const QString &why) { sessionPrepared(session, ok, why); });
            QMetaObject::invokeMethod(session, &LaunchSession::prepareAndReport);
        });
}

void LaunchPanel::sessionPrepared(LaunchSession *session, bool ok, const QString &error) {
    if (session != m_session)
        return;
    if (!ok) {
        m_status->setText(error);
        sessionEnded(1, true);
        return;
    }
    // The controller exists once prepared and lives as long as the session, which only sessionEnded() and the
    // destructor end; the ranks start after these connections are made, so no line is missed.
    RunController *c = session->controller();
    connect(c, &RunController::rankLine, this, [this](int rank, int stream, const QByteArray &line) {
        appendOutput("[rank " + QByteArray::number(rank) + (stream == 2 ? "!] " : "] ") + line);
    });
    connect(c, &RunController::stateChanged, this,
            [this](RunState s) { m_status->setText(runStateName(s)); });
    connect(c, &RunController::finished, this, [this](int code) { sessionEnded(code); });
    Q_EMIT launched(session->runId());
    QMetaObject::invokeMethod(session, &LaunchSession::start);
}

void LaunchPanel::stop() {
    if (!m_session)
        return;
    LaunchSession *s = m_session;
    QMetaObject::invokeMethod(s, [s] {
        if (s->controller())
            s->controller()->stop();
    });
}

void LaunchPanel::appendOutput(const QByteArray &line) {
    m_pendingOutput << QString::fromUtf8(line);
    if (!m_outputTimer->isActive())
        m_outputTimer->start();
}

void LaunchPanel::sessionEnded(int exitCode, bool setupFailed) {
    if (m_session) {
        LaunchSession *s = m_session;
        m_session = nullptr;
        // On the session's thread: commit the final record (waiting while another process holds the
        // database's write lock), then go.
        QMetaObject::invokeMethod(s, [s] {
            s->close(120000, nullptr);
            s->deleteLater();
        });
    }
    m_launch->setEnabled(true);
    m_stop->setEnabled(false);
    if (!setupFailed) // the status already says what went wrong
        m_status->setText(exitCode == 0     ? tr("finished")
                          : exitCode == 130 ? tr("cancelled")
                                            : tr("failed (%1)").arg(exitCode));
    Q_EMIT finished(exitCode);
}

} // namespace trainyard
