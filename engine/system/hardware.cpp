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

namespace {
// The machine's GPUs, all of them.
HardwareInfo probe() {
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

} // namespace

HardwareInfo HardwareInfo::detect() {
    HardwareInfo h = probe();
    // What CUDA (and so torch.cuda.device_count(), which accelerate asks) shows this process: the devices
    // CUDA_VISIBLE_DEVICES names, in its order, up to the first entry that names none (an index out of range,
    // -1, a repeat); an empty value hides them all. A GPU-/MIG- UUID counts as one device.
    if (!qEnvironmentVariableIsSet("CUDA_VISIBLE_DEVICES"))
        return h;
    const QStringList ids = qEnvironmentVariable("CUDA_VISIBLE_DEVICES").split(u',');
    QStringList names;
    QList<qint64> memory;
    QSet<int> seen;
    int visible = 0;
    for (const QString &raw : ids) {
        const QString id = raw.trimmed();
        bool numeric = false;
        const int index = id.toInt(&numeric);
        if (numeric) {
            if (index < 0 || index >= h.cudaDevices || seen.contains(index))
                break;
            seen.insert(index);
            if (index < h.gpuNames.size())
                names << h.gpuNames[index];
            if (index < h.gpuMemoryBytes.size())
                memory << h.gpuMemoryBytes[index];
        } else if (!id.startsWith(u"GPU-"_s) && !id.startsWith(u"MIG-"_s)) {
            break;
        } else if (h.cudaDevices == 0) {
            break;
        }
        ++visible;
    }
    h.cudaDevices = std::min(visible, h.cudaDevices);
    if (names.size() == h.cudaDevices)
        h.gpuNames = names;
    if (memory.size() == h.cudaDevices)
        h.gpuMemoryBytes = memory;
    if (h.gpuNames.size() != h.cudaDevices)
        h.gpuNames.clear();
    if (h.gpuMemoryBytes.size() != h.cudaDevices)
        h.gpuMemoryBytes.clear();
    return h;
}

} // namespace trainyard
