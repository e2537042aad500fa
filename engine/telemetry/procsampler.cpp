#include "procsampler.h"

#include <QByteArray>
#include <QFile>
#include <dirent.h>
#include <unistd.h>

namespace trainyard::telemetry {

namespace {

struct Proc {
    qint64 ppid = 0;
    quint64 ticks = 0;
    qint64 rssPages = 0;
};

} // namespace

long ticksPerSecond() {
    static const long ticks = sysconf(_SC_CLK_TCK);
    return ticks > 0 ? ticks : 100;
}

QHash<qint64, TreeUsage> sampleTrees(const QList<qint64> &roots) {
    QHash<qint64, Proc> procs;
    QMultiHash<qint64, qint64> children;
    if (DIR *d = opendir("/proc")) {
        while (const dirent *e = readdir(d)) {
            char *end = nullptr;
            const long pid = strtol(e->d_name, &end, 10);
            if (pid <= 0 || *end)
                continue;
            QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!f.open(QIODevice::ReadOnly))
                continue; // gone meanwhile
            const QByteArray line = f.read(4096);
            const qsizetype close = line.lastIndexOf(')');
            if (close < 0)
                continue;
            // After "(comm) ": field 3 (state) is f[0]; ppid is field 4, utime..cstime fields 14-17, rss 24.
            const QList<QByteArray> fl = line.mid(close + 2).split(' ');
            if (fl.size() < 22 || fl[0] == "Z")
                continue;
            Proc p;
            p.ppid = fl[1].toLongLong();
            p.ticks =
                fl[11].toULongLong() + fl[12].toULongLong() + fl[13].toULongLong() + fl[14].toULongLong();
            p.rssPages = fl[21].toLongLong();
            procs.insert(pid, p);
            children.insert(p.ppid, pid);
        }
        closedir(d);
    }
    static const long pageSize = sysconf(_SC_PAGESIZE);
    QHash<qint64, TreeUsage> out;
    for (const qint64 root : roots) {
        TreeUsage u;
        if (procs.contains(root)) {
            QList<qint64> todo{root};
            while (!todo.isEmpty()) {
                const qint64 pid = todo.takeLast();
                const Proc &p = procs[pid];
                u.cpuTicks += p.ticks;
                u.rssBytes += p.rssPages * (pageSize > 0 ? pageSize : 4096);
                ++u.processes;
                u.pids << pid;
                for (auto it = children.constFind(pid); it != children.cend() && it.key() == pid; ++it)
                    todo << it.value();
            }
        }
        out.insert(root, u);
    }
    return out;
}

} // namespace trainyard::telemetry
