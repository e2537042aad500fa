#include "hardware.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace trainyard {

static int physicalCoreCount() {
    QFile f(u"/proc/cpuinfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return std::max(1, QThread::idealThreadCount());
    QSet<QString> cores;
    QString physical = u"0"_s;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QString value = QString::fromLatin1(line.mid(colon + 1).trimmed());
        if (key == "physical id")
            physical = value;
        else if (key == "core id")
            cores.insert(physical + u':' + value);
    }
    return cores.isEmpty() ? std::max(1, QThread::idealThreadCount()) : int(cores.size());
}

HardwareInfo HardwareInfo::detect() {
    HardwareInfo h;
    h.logicalCores = std::max(1, QThread::idealThreadCount());
    h.physicalCores = physicalCoreCount();
    h.detectedBy = u"none"_s;
    bool ok = false;
    const int forced = qEnvironmentVariableIntValue("TRAINYARD_GPU_COUNT", &ok);
    if (ok && forced >= 0) {
        h.cudaDevices = forced;
        h.detectedBy = u"TRAINYARD_GPU_COUNT"_s;
        return h;
    }
    const QString smi = QStandardPaths::findExecutable(u"nvidia-smi"_s);
    if (!smi.isEmpty()) {
        QProcess p;
        p.start(smi, {u"--query-gpu=name,memory.total"_s, u"--format=csv,noheader,nounits"_s});
        if (p.waitForFinished(5000) && p.exitCode() == 0) {
            const QStringList lines =
                QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
            for (const QString &line : lines) { // "NVIDIA H200, 143771" (MiB)
                const qsizetype comma = line.lastIndexOf(u',');
                h.gpuNames << (comma < 0 ? line : line.left(comma)).trimmed();
                h.gpuMemoryBytes << (comma < 0 ? 0
                                               : line.mid(comma + 1).trimmed().toLongLong() * 1024 * 1024);
            }
            h.cudaDevices = int(h.gpuNames.size());
            h.detectedBy = u"nvidia-smi"_s;
            return h;
        }
    }
    const QDir procGpus(u"/proc/driver/nvidia/gpus"_s);
    if (procGpus.exists()) {
        h.cudaDevices = int(procGpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
        h.detectedBy = u"/proc/driver/nvidia"_s;
    }
    return h;
}

} // namespace trainyard
