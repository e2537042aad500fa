#include "telemetry/nvml.h"

#include <QSet>
#include <dlfcn.h>

namespace trainyard::telemetry {

namespace {
// NVML's own types, as its header declares them (the header is not in Debian main).
using nvmlReturn = int;
constexpr nvmlReturn NvmlSuccess = 0;
constexpr nvmlReturn NvmlInsufficientSize = 7;
using nvmlDevice = struct nvmlDeviceOpaque *;
struct nvmlUtilization {
    unsigned int gpu;
    unsigned int memory;
};
struct nvmlProcessInfo { // nvmlProcessInfo_v2_t, which the _v3 process queries fill
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
};
constexpr int NvmlTemperatureGpu = 0;
} // namespace

struct Nvml::Api {
    nvmlReturn (*init)();
    nvmlReturn (*shutdown)();
    nvmlReturn (*count)(unsigned int *);
    nvmlReturn (*handle)(unsigned int, nvmlDevice *);
    nvmlReturn (*utilization)(nvmlDevice, nvmlUtilization *);
    nvmlReturn (*temperature)(nvmlDevice, int, unsigned int *);
    nvmlReturn (*power)(nvmlDevice, unsigned int *);
    nvmlReturn (*processes)(nvmlDevice, unsigned int *, nvmlProcessInfo *);
};

template <class F> static bool resolve(void *lib, const char *name, F *out) {
    *out = reinterpret_cast<F>(dlsym(lib, name));
    return *out != nullptr;
}

Nvml::~Nvml() {
    if (m_api)
        m_api->shutdown();
    delete m_api;
    if (m_library)
        dlclose(m_library);
}

bool Nvml::load(QString *why) {
    if (m_library)
        return true;
    void *lib = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        if (why)
            *why = QString::fromLocal8Bit(dlerror());
        return false;
    }
    auto *api = new Api{};
    const bool ok = resolve(lib, "nvmlInit_v2", &api->init) && resolve(lib, "nvmlShutdown", &api->shutdown) &&
                    resolve(lib, "nvmlDeviceGetCount_v2", &api->count) &&
                    resolve(lib, "nvmlDeviceGetHandleByIndex_v2", &api->handle) &&
                    resolve(lib, "nvmlDeviceGetUtilizationRates", &api->utilization) &&
                    resolve(lib, "nvmlDeviceGetTemperature", &api->temperature) &&
                    resolve(lib, "nvmlDeviceGetPowerUsage", &api->power) &&
                    resolve(lib, "nvmlDeviceGetComputeRunningProcesses_v3", &api->processes);
    if (!ok || api->init() != NvmlSuccess) {
        if (why)
            *why =
                ok ? QStringLiteral("nvmlInit_v2 failed") : QStringLiteral("an NVML entry point is missing");
        delete api;
        dlclose(lib);
        return false;
    }
    m_library = lib;
    m_api = api;
    return true;
}

QList<GpuSample> Nvml::sample() const {
    QList<GpuSample> out;
    unsigned int count = 0;
    if (!m_api || m_api->count(&count) != NvmlSuccess)
        return out;
    for (unsigned int i = 0; i < count; ++i) {
        nvmlDevice device = nullptr;
        if (m_api->handle(i, &device) != NvmlSuccess)
            continue;
        GpuSample s;
        s.index = int(i);
        nvmlUtilization u{};
        if (m_api->utilization(device, &u) == NvmlSuccess)
            s.utilPercent = u.gpu;
        unsigned int value = 0;
        if (m_api->temperature(device, NvmlTemperatureGpu, &value) == NvmlSuccess)
            s.temperatureC = value;
        if (m_api->power(device, &value) == NvmlSuccess)
            s.powerWatts = value / 1000.0; // milliwatts
        unsigned int n = 64;
        QList<nvmlProcessInfo> infos(n);
        nvmlReturn r = m_api->processes(device, &n, infos.data());
        if (r == NvmlInsufficientSize) {
            infos.resize(qsizetype(n) + 16);
            n = unsigned(infos.size());
            r = m_api->processes(device, &n, infos.data());
        }
        if (r == NvmlSuccess)
            for (unsigned int k = 0; k < n && k < unsigned(infos.size()); ++k)
                s.processes << GpuProcess{qint64(infos[k].pid), qint64(infos[k].usedGpuMemory)};
        out << s;
    }
    return out;
}

bool rankGpuUsage(const QList<GpuSample> &gpus, const QList<qint64> &pids, RankGpuUsage *out) {
    const QSet<qint64> mine(pids.cbegin(), pids.cend());
    RankGpuUsage u;
    int devices = 0, util = 0, power = 0, temp = 0;
    for (const GpuSample &g : gpus) {
        bool used = false;
        for (const GpuProcess &p : g.processes)
            if (mine.contains(p.pid)) {
                u.memoryBytes += p.usedBytes;
                used = true;
            }
        if (!used)
            continue;
        ++devices;
        if (g.utilPercent >= 0) {
            u.utilPercent += g.utilPercent;
            ++util;
        }
        if (g.powerWatts >= 0) {
            u.powerWatts += g.powerWatts;
            ++power;
        }
        if (g.temperatureC >= 0) {
            u.temperatureC += g.temperatureC;
            ++temp;
        }
    }
    if (devices == 0)
        return false;
    u.utilPercent = util ? u.utilPercent / util : 0;
    u.powerWatts = power ? u.powerWatts / power : 0;
    u.temperatureC = temp ? u.temperatureC / temp : 0;
    *out = u;
    return true;
}

} // namespace trainyard::telemetry
