// What this machine has, as far as a launch plan cares: accelerators and CPU cores.
#pragma once

#include <QString>
#include <QStringList>

namespace trainyard {

struct HardwareInfo {
    int cudaDevices = 0;          // NVIDIA GPUs visible to this process
    QStringList gpuNames;         // one per device when known
    QList<qint64> gpuMemoryBytes; // one per device when known (nvidia-smi), else empty
    int logicalCores = 1;
    int physicalCores = 1; // what psutil.cpu_count(logical=False) gives
    QString detectedBy;    // "nvidia-smi", "/proc/driver/nvidia", "TRAINYARD_GPU_COUNT" or "none"

    // Probes the machine. TRAINYARD_GPU_COUNT overrides the GPU count (for machines without GPUs, such as CI,
    // that must plan for a GPU cluster). CUDA_VISIBLE_DEVICES, when set, narrows what is seen as CUDA (and
    // torch.cuda.device_count()) would: the queue's runs plan for the GPUs they were given.
    static HardwareInfo detect();
};

} // namespace trainyard
