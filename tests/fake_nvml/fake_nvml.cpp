// A stand-in for the NVIDIA driver's libnvidia-ml.so.1, so that the tests can read "GPUs" through the same
// dlopen path as real ones: two devices whose utilisation, temperature and power are fixed (device i: 37 + i
// %, 61 + i °C, 150 + i W), and whose compute processes are the files $FAKE_NVML_DIR/gpuI/PID, each holding
// the bytes that process uses.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <string>

extern "C" {

struct nvmlDeviceOpaque;
struct FakeUtilization {
    unsigned int gpu;
    unsigned int memory;
};
struct FakeProcess {
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
};

static unsigned int indexOf(nvmlDeviceOpaque *d) {
    return unsigned(reinterpret_cast<unsigned long>(d) - 1);
}

int nvmlInit_v2() {
    return 0;
}
int nvmlShutdown() {
    return 0;
}
int nvmlDeviceGetCount_v2(unsigned int *count) {
    *count = 2;
    return 0;
}
int nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDeviceOpaque **device) {
    if (index >= 2)
        return 2; // NVML_ERROR_INVALID_ARGUMENT
    *device = reinterpret_cast<nvmlDeviceOpaque *>(static_cast<unsigned long>(index) + 1);
    return 0;
}
int nvmlDeviceGetUtilizationRates(nvmlDeviceOpaque *d, FakeUtilization *u) {
    u->gpu = 37 + indexOf(d);
    u->memory = 10;
    return 0;
}
int nvmlDeviceGetTemperature(nvmlDeviceOpaque *d, int, unsigned int *t) {
    *t = 61 + indexOf(d);
    return 0;
}
int nvmlDeviceGetPowerUsage(nvmlDeviceOpaque *d, unsigned int *mw) {
    *mw = (150 + indexOf(d)) * 1000;
    return 0;
}
int nvmlDeviceGetComputeRunningProcesses_v3(nvmlDeviceOpaque *d, unsigned int *count, FakeProcess *out) {
    const char *root = getenv("FAKE_NVML_DIR");
    unsigned int n = 0;
    if (root) {
        const std::string dir = std::string(root) + "/gpu" + std::to_string(indexOf(d));
        if (DIR *dd = opendir(dir.c_str())) {
            while (const dirent *e = readdir(dd)) {
                const long pid = strtol(e->d_name, nullptr, 10);
                if (pid <= 0)
                    continue;
                unsigned long long bytes = 0;
                if (FILE *f = fopen((dir + "/" + e->d_name).c_str(), "r")) {
                    if (fscanf(f, "%llu", &bytes) != 1)
                        bytes = 0;
                    fclose(f);
                }
                if (n < *count) {
                    out[n] = FakeProcess{unsigned(pid), bytes, 0, 0};
                }
                ++n;
            }
            closedir(dd);
        }
    }
    const bool fits = n <= *count;
    *count = n;
    return fits ? 0 : 7; // NVML_ERROR_INSUFFICIENT_SIZE
}
}
