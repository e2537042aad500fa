// Helpers of the tests that start real processes: the CLI run to its end, is a pid alive, and waiting for a
// condition with the event loop running.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QTest>
#include <csignal>
#include <functional>

namespace trainyard::test {

// The interpreter ranks run with (Debian's, which scripts/install-deps.sh installs).
constexpr const char *SystemPython = "/usr/bin/python3";

// Debian's python3-torch can be imported by SystemPython.
inline bool systemTorchAvailable() {
    QProcess probe;
    probe.start(QString::fromLatin1(SystemPython),
                {QStringLiteral("-c"), QStringLiteral("import torch.distributed")});
    return probe.waitForFinished(60000) && probe.exitCode() == 0;
}

struct CliResult {
    int exitCode = -1; // -1 when it crashed or did not end in 5 minutes
    QByteArray out;
    QByteArray err;
};

// Runs the trainyard CLI with args in env (and cwd when given) to its end.
inline CliResult runCli(const QStringList &args, const QProcessEnvironment &env, const QString &cwd = {}) {
    QProcess p;
    p.setProcessEnvironment(env);
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(TRAINYARD_CLI), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// A zombie counts as dead.
// "key@rank" -> how many points, from `runs export --format jsonl` output (the launcher's system/ telemetry
// left out).
inline QMap<QString, int> pointCounts(const QByteArray &jsonl) {
    QMap<QString, int> points;
    for (const QByteArray &line : jsonl.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString key = o.value(QStringLiteral("key")).toString();
        if (o.value(QStringLiteral("type")).toString() == QStringLiteral("point") &&
            !key.startsWith(QStringLiteral("system/")))
            ++points[key + QLatin1Char('@') + QString::number(o.value(QStringLiteral("rank")).toInt())];
    }
    return points;
}

inline bool alive(qint64 pid) {
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    return close > 0 && s.size() > close + 2 && s[close + 2] != 'Z';
}

// Processes whose command line holds marker (the ranks of one test), wherever they run: the test machines
// (network namespaces, Slurm nodes) share this machine's process table.
inline int processesWith(const QByteArray &marker) {
    int n = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok || pid == QCoreApplication::applicationPid())
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(marker) && alive(pid))
            ++n;
    }
    return n;
}

inline bool waitUntil(const std::function<bool()> &cond, int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (cond())
            return true;
        QTest::qWait(50);
    }
    return cond();
}

} // namespace trainyard::test
