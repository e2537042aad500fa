#include "provenance.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
// Versions read from the installed packages' metadata: nothing is imported (importing torch takes seconds).
const char *const VersionsScript = "import sys, importlib.metadata as m\n"
                                   "print('python', sys.version.split()[0])\n"
                                   "for p in ('torch', 'accelerate', 'transformers'):\n"
                                   "    try:\n"
                                   "        print(p, m.version(p))\n"
                                   "    except Exception:\n"
                                   "        pass\n";
} // namespace

QMap<QString, QString> Provenance::tags() const {
    QMap<QString, QString> t;
    if (!gitCommit.isEmpty()) {
        t[u"git.commit"_s] = gitCommit;
        t[u"git.branch"_s] = gitBranch;
        t[u"git.dirty"_s] = gitDirty ? u"true"_s : u"false"_s;
    }
    for (auto it = versions.cbegin(); it != versions.cend(); ++it)
        t[it.key() + u".version"_s] = it.value();
    if (!gpus.isEmpty())
        t[u"gpus"_s] = gpus.join(u", "_s);
    return t;
}

QJsonObject Provenance::toJson() const {
    QJsonObject o;
    if (!gitCommit.isEmpty())
        o[u"git"_s] = QJsonObject{{u"root"_s, gitRoot},
                                  {u"commit"_s, gitCommit},
                                  {u"branch"_s, gitBranch},
                                  {u"dirty"_s, gitDirty},
                                  {u"diff"_s, gitDirty ? u"git.diff"_s : QString()}};
    QJsonObject v;
    for (auto it = versions.cbegin(); it != versions.cend(); ++it)
        v[it.key()] = it.value();
    o[u"versions"_s] = v;
    o[u"gpus"_s] = QJsonArray::fromStringList(gpus);
    return o;
}

ProvenanceProbe::ProvenanceProbe(QString codeDir, QString python, std::optional<QString> visibleDevices,
                                 QObject *parent, int deadlineMs)
    : QObject(parent)
    , m_codeDir(std::move(codeDir))
    , m_python(std::move(python))
    , m_visible(std::move(visibleDevices))
    , m_deadlineMs(deadlineMs) {}

ProvenanceProbe::~ProvenanceProbe() = default; // its processes are children: killed with it

void ProvenanceProbe::run(const QString &program, const QStringList &args, const QString &dir,
                          std::function<void(const QByteArray &)> done) {
    ++m_pending;
    auto *p = new QProcess(this);
    p->setWorkingDirectory(dir);
    p->setStandardInputFile(QProcess::nullDevice());
    auto *deadline = new QTimer(p);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, p, [p] { p->kill(); });
    connect(p, &QProcess::finished, this, [this, p, done](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        done(status == QProcess::NormalExit && code == 0 ? p->readAllStandardOutput() : QByteArray());
        --m_pending;
        settle();
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, done](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // finished() follows
        p->deleteLater();
        done({});
        --m_pending;
        settle();
    });
    p->start(program, args);
    deadline->start(m_deadlineMs);
}

void ProvenanceProbe::settle() {
    if (m_pending == 0)
        Q_EMIT finished(m_result);
}

void ProvenanceProbe::start() {
    if (m_started)
        return;
    m_started = true;
    const QString &codeDir = m_codeDir, &python = m_python;
    const std::optional<QString> &visibleDevices = m_visible;
    ++m_pending; // held until every probe has been started, so finished() comes once, at the end
    const QString git = QStandardPaths::findExecutable(u"git"_s);
    if (!git.isEmpty()) {
        run(git, {u"rev-parse"_s, u"--show-toplevel"_s, u"HEAD"_s, u"--abbrev-ref"_s, u"HEAD"_s}, codeDir,
            [this, git](const QByteArray &out) {
                const QList<QByteArray> lines = out.trimmed().split('\n');
                if (lines.size() != 3)
                    return; // not a work tree, or no commit yet
                m_result.gitRoot = QString::fromUtf8(lines[0]);
                m_result.gitCommit = QString::fromUtf8(lines[1]);
                m_result.gitBranch = QString::fromUtf8(lines[2]);
                run(git, {u"status"_s, u"--porcelain"_s, u"--untracked-files=no"_s}, m_result.gitRoot,
                    [this, git](const QByteArray &status) {
                        m_result.gitDirty = !status.trimmed().isEmpty();
                        if (m_result.gitDirty)
                            run(git, {u"diff"_s, u"HEAD"_s, u"--binary"_s}, m_result.gitRoot,
                                [this](const QByteArray &diff) { m_result.gitDiff = diff; });
                    });
            });
    }
    if (!python.isEmpty())
        run(python, {u"-c"_s, QString::fromLatin1(VersionsScript)}, codeDir, [this](const QByteArray &out) {
            for (const QByteArray &line : out.split('\n')) {
                const QList<QByteArray> w = line.trimmed().split(' ');
                if (w.size() == 2)
                    m_result.versions.insert(QString::fromUtf8(w[0]), QString::fromUtf8(w[1]));
            }
        });
    const QString smi = QStandardPaths::findExecutable(u"nvidia-smi"_s);
    if (!smi.isEmpty())
        run(smi, {u"--query-gpu=index,name"_s, u"--format=csv,noheader"_s}, codeDir,
            [this, visibleDevices](const QByteArray &out) {
                QMap<QString, QString> byIndex;
                QStringList all;
                for (const QByteArray &line : out.split('\n')) {
                    const qsizetype comma = line.indexOf(',');
                    if (comma < 0)
                        continue;
                    const QString name = QString::fromUtf8(line.mid(comma + 1)).trimmed();
                    byIndex.insert(QString::fromUtf8(line.left(comma)).trimmed(), name);
                    all << name;
                }
                if (!visibleDevices) {
                    m_result.gpus = all;
                    return;
                }
                for (const QString &id : visibleDevices->split(u',', Qt::SkipEmptyParts))
                    if (byIndex.contains(id.trimmed()))
                        m_result.gpus << byIndex.value(id.trimmed());
            });
    --m_pending;
    settle();
}

} // namespace trainyard
