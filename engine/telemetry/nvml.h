// NVIDIA GPUs through NVML, loaded at run time with dlopen (libnvidia-ml.so.1, which the driver installs):
// no build dependency, and no NVML (no driver, no GPU) simply means no GPU series. Only the few entry points
// Trainyard reads are declared here, as the driver's library exports them.
#pragma once

#include <QList>
#include <QString>

namespace trainyard::telemetry {

struct GpuProcess {
    qint64 pid = 0;
    qint64 usedBytes = 0;
};

struct GpuSample {
    int index = 0;
    double utilPercent = -1; // -1: not reported by this device
    double powerWatts = -1;
    double temperatureC = -1;
    QList<GpuProcess> processes; // compute processes and their memory
};

class Nvml {
public:
    Nvml() = default;
    ~Nvml();
    Nvml(const Nvml &) = delete;
    Nvml &operator=(const Nvml &) = delete;

    // Loads and initialises NVML; false (with why) when there is none here.
    bool load(QString *why = nullptr);
    bool loaded() const { return m_library != nullptr; }
    // Every device, now: about 10-30 µs each on real hardware.
    QList<GpuSample> sample() const;

private:
    void *m_library = nullptr;
    struct Api;
    Api *m_api = nullptr;
};

// What a rank's process tree uses of the GPUs it runs on (those where one of pids has memory): its own memory
// summed, and the devices' utilisation, power and temperature averaged. False when it uses none.
struct RankGpuUsage {
    double utilPercent = 0;
    qint64 memoryBytes = 0;
    double powerWatts = 0;
    double temperatureC = 0;
};
bool rankGpuUsage(const QList<GpuSample> &gpus, const QList<qint64> &pids, RankGpuUsage *out);

} // namespace trainyard::telemetry
