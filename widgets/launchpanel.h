// The launch panel: a script or program, its arguments, accelerate launch flags and a config; a preview of
// every rank's command and environment (the dry-run plan), "copy as shell script", Launch and Stop. Plans are
// computed and runs are supervised on a thread of their own (LaunchSession); the panel only shows what they
// report.
#pragma once

#include "launch/launchplan.h"

#include <QPointer>
#include <QThread>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace trainyard {

class LaunchSession;

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

    // The words after `trainyard launch` that the inputs make.
    QStringList commandLine() const;
    QString previewText() const;
    QString outputText() const;
    bool isRunning() const { return m_session != nullptr; }

public Q_SLOTS:
    void updatePreview();
    void launch();
    void stop();
    void copyShellScript();

    // The run database launches write to (the studio's); a --db flag wins, and $TRAINYARD_DB over both.
    void setDatabase(const QString &path) { m_database = path; }

Q_SIGNALS:
    void previewUpdated(bool ok);
    void launched(const QString &runId);
    void finished(int exitCode);

private:
    void appendOutput(const QByteArray &line);
    void sessionPrepared(LaunchSession *session, bool ok, const QString &error);
    void sessionEnded(int exitCode, bool setupFailed = false);

    QLineEdit *m_script, *m_arguments, *m_flags, *m_config, *m_python;
    QPlainTextEdit *m_preview, *m_output;
    QPushButton *m_launch, *m_stop;
    QLabel *m_status;
    QTimer *m_previewTimer, *m_outputTimer;
    QStringList m_pendingOutput;
    QString m_shellScript;
    QString m_database;
    QThread m_thread;
    LaunchSession *m_session = nullptr;
    quint64 m_previewGeneration = 0;
};

} // namespace trainyard
