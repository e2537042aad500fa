// Helpers of the tests that start real processes: is a pid alive, and wait for a condition with the event
// loop running.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QTest>
#include <csignal>
#include <functional>

namespace trainyard::test {

// A zombie counts as dead.
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
