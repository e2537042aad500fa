// What a run needs to be run again the same way, recorded when it starts: the git commit, branch and state of
// the code it runs (with the uncommitted diff saved beside the run), the versions of Python, torch,
// accelerate and transformers its interpreter imports, and the GPUs it was given. Found without blocking:
// git, the interpreter and nvidia-smi run as processes of the launcher's event loop, each with a deadline,
// while the ranks start.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QProcess;

namespace trainyard {

struct Provenance {
    QString gitRoot, gitCommit, gitBranch; // empty when the code is not in a git work tree
    bool gitDirty = false;                 // tracked files differ from the commit
    QByteArray gitDiff;                    // `git diff HEAD --binary` when dirty
    QMap<QString, QString> versions;       // "python", "torch", "accelerate", "transformers" -> version
    QStringList gpus;                      // the GPUs rank 0 sees (names), when nvidia-smi answers

    // As the run's tags: git.commit, git.branch, git.dirty, python.version, torch.version, ..., gpus.
    QMap<QString, QString> tags() const;
    QJsonObject toJson() const;
};

class ProvenanceProbe : public QObject {
    Q_OBJECT
public:
    // Probes git in `codeDir` (the script's folder), the interpreter `python` (empty: not a Python run),
    // nvidia-smi filtered by `visibleDevices` (rank 0's CUDA_VISIBLE_DEVICES; unset: all), each process
    // within deadlineMs.
    ProvenanceProbe(QString codeDir, QString python, std::optional<QString> visibleDevices,
                    QObject *parent = nullptr, int deadlineMs = 10000);
    ~ProvenanceProbe() override;

    // Starts the probes; later calls do nothing.
    void start();
    bool isFinished() const { return m_started && m_pending == 0; }
    const Provenance &result() const { return m_result; }

Q_SIGNALS:
    void finished(const trainyard::Provenance &provenance);

private:
    // Runs program with args in dir; done(output) gets its stdout ("" on failure or past the deadline).
    void run(const QString &program, const QStringList &args, const QString &dir,
             std::function<void(const QByteArray &)> done);
    void settle();
    Provenance m_result;
    QString m_codeDir, m_python;
    std::optional<QString> m_visible;
    int m_deadlineMs;
    int m_pending = 0;
    bool m_started = false;
};

} // namespace trainyard
