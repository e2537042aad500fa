// What a process tree uses, read from /proc in one pass: for each root pid, the CPU time (user and system,
// its own and that of children it has waited for) and the resident memory of it and every descendant. The
// run controller samples each rank's tree about once a second (system/cpu_percent, system/rss_bytes).
#pragma once

#include <QHash>
#include <QList>

namespace trainyard::telemetry {

struct TreeUsage {
    quint64 cpuTicks = 0; // in clock ticks (ticksPerSecond())
    qint64 rssBytes = 0;
    int processes = 0;  // 0: the root is gone
    QList<qint64> pids; // the tree's processes (to find them among a GPU's)
};

QHash<qint64, TreeUsage> sampleTrees(const QList<qint64> &roots);
long ticksPerSecond();

} // namespace trainyard::telemetry
