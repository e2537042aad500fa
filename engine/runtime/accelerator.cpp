// The runtime's only translation unit that includes torch's distributed headers.
#include "trainyard/accelerator.h"

#include "asyncclient.h"

#include <ATen/autocast_mode.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/function_hook.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/version.h>
#include <unordered_set>
#ifdef TRAINYARD_NCCL // LibTorch with CUDA and NCCL (engine/runtime/CMakeLists.txt defines both)
#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace trainyard {

namespace {

std::optional<std::string> env(const char *name) {
    const char *v = std::getenv(name);
    if (!v || !*v)
        return std::nullopt;
    return std::string(v);
}

int envInt(const char *name, int fallback) {
    const auto v = env(name);
    if (!v)
        return fallback;
    try {
        return std::stoi(*v);
    } catch (const std::exception &) {
        throw std::runtime_error(std::string("trainyard: ") + name + " is not a number: '" + *v + "'");
    }
}

bool envTrue(const char *name) {
    const auto v = env(name);
    if (!v)
        return false;
    std::string s = *v;
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s == "1" || s == "true" || s == "yes";
}

bool ncclAvailable() {
#ifdef TRAINYARD_NCCL
    return torch::cuda::is_available();
#else
    return false;
#endif
}

// LibTorch 2 split the backends (Gloo, NCCL) from the ProcessGroup front: both derive from c10d::Backend
// there.
#if TORCH_VERSION_MAJOR >= 2
using Group = c10d::Backend;
#else
using Group = c10d::ProcessGroup;
#endif
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 2)
#define TRAINYARD_TCPSTORE_LIBUV 1 // TCPStoreOptions::useLibUV (on by default from 2.4)
#endif
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define TRAINYARD_AUTOCAST_BY_DEVICE                                                                         \
    1 // at::autocast::*_enabled(DeviceType); the CUDA/CPU ones are deprecated
#endif

bool autocastEnabled(bool cuda) {
#ifdef TRAINYARD_AUTOCAST_BY_DEVICE
    return at::autocast::is_autocast_enabled(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

at::ScalarType autocastType(bool cuda) {
#ifdef TRAINYARD_AUTOCAST_BY_DEVICE
    return at::autocast::get_autocast_dtype(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
#endif
}

void setAutocast(bool cuda, bool enabled, at::ScalarType type) {
#ifdef TRAINYARD_AUTOCAST_BY_DEVICE
    at::autocast::set_autocast_enabled(cuda ? at::kCUDA : at::kCPU, enabled);
    at::autocast::set_autocast_dtype(cuda ? at::kCUDA : at::kCPU, type);
#else
    if (cuda) {
        at::autocast::set_enabled(enabled);
        at::autocast::set_autocast_gpu_dtype(type);
    } else {
        at::autocast::set_cpu_enabled(enabled);
        at::autocast::set_autocast_cpu_dtype(type);
    }
#endif
}

// The default generator of a device (a GPU's under CUDA), through ATen's device-independent hooks: no CUDA
// header needed.
at::Generator deviceGenerator(const torch::Device &device) {
    return at::globalContext().defaultGenerator(device);
}

// Averages the gradients of the prepared modules across ranks while backward runs (what DDP's Reducer does):
// the parameters are laid out in buckets in reverse order, a hook after each parameter's gradient
// accumulation counts down its bucket, and a bucket whose gradients are all there is flattened and
// all-reduced asynchronously, while autograd goes on with earlier layers. Buckets start strictly in order
// (every rank issues the same collectives in the same order, whatever order its gradients come in); whatever
// backward did not reach (a parameter unused on this rank) starts at finish(), with zeros for a gradient
// never computed.
class GradSync : public std::enable_shared_from_this<GradSync> {
public:
    // overlap false: nothing starts while backward runs, and the gradients of one dtype and device are one
    // bucket, all-reduced once at finish().
    // views: each gradient is a view of its bucket's flat buffer (all-reduced in place, nothing copied).
    GradSync(c10::intrusive_ptr<Group> group, int world, size_t firstBucketBytes, size_t bucketBytes,
             bool overlap, bool views)
        : m_group(std::move(group))
        , m_world(world)
        , m_firstBucketBytes(overlap ? firstBucketBytes : SIZE_MAX)
        , m_bucketBytes(overlap ? bucketBytes : SIZE_MAX)
        , m_overlap(overlap)
        , m_views(views) {}

    void add(const std::vector<at::Tensor> &params) {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const auto &p : params)
            if (p.requires_grad() && m_known.insert(p.unsafeGetTensorImpl()).second)
                m_params.push_back(p);
        m_layoutDirty = true;
    }

    bool empty() const { return m_params.empty(); }

    // Before a synchronising backward: the hooks are on the accumulators autograd uses now (module->to() with
    // another dtype or device gives a parameter a new one), and every bucket waits for all its gradients.
    void begin() {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (size_t i = 0; i < m_params.size(); ++i) {
            auto accumulator = torch::autograd::impl::grad_accumulator(m_params[i]);
            if (i < m_accumulators.size() && m_accumulators[i] == accumulator)
                continue;
            m_accumulators.resize(std::max(m_accumulators.size(), i + 1));
            m_accumulators[i] = accumulator;
            if (accumulator) // none for a parameter frozen since (requires_grad false): it is left out
                accumulator->add_post_hook(std::make_unique<Ready>(weak_from_this(), i));
            m_layoutDirty = true;
        }
        if (m_layoutDirty)
            layOut();
        for (auto &b : m_buckets) {
            b.pending = b.members.size();
            b.work.reset();
            if (m_views)
                bindViews(b);
            else
                b.flat = at::Tensor();
        }
        std::fill(m_ready.begin(), m_ready.end(), false);
        m_next = 0;
        m_startedEarly = 0;
        m_active = true;
    }

    // After backward: starts what is left, waits for every bucket and copies the averages back.
    void finish() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_active = false;
            for (size_t b = m_next; b < m_buckets.size(); ++b)
                launch(m_buckets[b]);
            m_next = m_buckets.size();
        }
        for (auto &b : m_buckets) {
            b.work->wait();
            b.flat.div_(m_world);
            b.work.reset();
            if (m_views)
                continue; // the gradients are the buffer's views: averaged in place
            int64_t offset = 0;
            for (size_t i : b.members) {
                at::Tensor &g = m_params[i].mutable_grad();
                const int64_t n = g.numel();
                g.copy_(b.flat.narrow(0, offset, n).view_as(g));
                offset += n;
            }
            b.flat = at::Tensor();
        }
    }

    // A backward that threw: nothing more starts; what started is waited for (its result is dropped).
    void abort() noexcept {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_active = false;
        for (auto &b : m_buckets)
            if (b.work) {
                try {
                    b.work->wait();
                } catch (...) {
                }
                b.work.reset();
            }
    }

    size_t bucketCount() const { return m_buckets.size(); }
    // Buckets started while backward still ran in the last synchronising backward (the overlap).
    size_t startedDuringBackward() const { return m_startedEarly; }

private:
    struct Bucket {
        std::vector<size_t> members; // indexes into m_params
        size_t pending = 0;
        at::Tensor flat;
        c10::intrusive_ptr<c10d::Work> work;
    };

    class Ready : public torch::autograd::FunctionPostHook {
    public:
        Ready(std::weak_ptr<GradSync> sync, size_t index)
            : m_sync(std::move(sync))
            , m_index(index) {}
        torch::autograd::variable_list operator()(const torch::autograd::variable_list &outputs,
                                                  const torch::autograd::variable_list &) override {
            if (auto sync = m_sync.lock())
                sync->ready(m_index);
            return outputs;
        }

    private:
        std::weak_ptr<GradSync> m_sync; // the hook may outlive the Accelerator with the module
        size_t m_index;
    };

    // Reverse parameter order, one bucket per run of the same dtype and device up to m_bucketBytes (the first
    // up to m_firstBucketBytes). Frozen parameters (no gradient accumulator) are in none.
    static constexpr size_t NotAveraged = size_t(-1);
    void layOut() {
        m_buckets.clear();
        m_bucketOf.assign(m_params.size(), 0);
        m_ready.assign(m_params.size(), false);
        size_t bytes = 0;
        for (size_t k = m_params.size(); k-- > 0;) {
            const at::Tensor &p = m_params[k];
            if (!m_accumulators[k]) {
                m_bucketOf[k] = NotAveraged;
                continue;
            }
            const size_t limit = m_buckets.size() == 1 ? m_firstBucketBytes : m_bucketBytes;
            const bool fresh = m_buckets.empty() || bytes >= limit ||
                               m_params[m_buckets.back().members.front()].scalar_type() != p.scalar_type() ||
                               m_params[m_buckets.back().members.front()].device() != p.device();
            if (fresh) {
                m_buckets.emplace_back();
                bytes = 0;
            }
            m_buckets.back().members.push_back(k);
            m_bucketOf[k] = m_buckets.size() - 1;
            bytes += size_t(p.numel()) * p.element_size();
        }
        m_layoutDirty = false;
    }

    void ready(size_t index) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_active || index >= m_ready.size() || m_ready[index] || m_bucketOf[index] == NotAveraged)
            return;
        m_ready[index] = true;
        --m_buckets[m_bucketOf[index]].pending;
        while (m_overlap && m_next < m_buckets.size() && m_buckets[m_next].pending == 0) {
            launch(m_buckets[m_next++]);
            ++m_startedEarly;
        }
    }

    // Before backward, in views mode: every member's grad is a view of the bucket's flat buffer (made once
    // per layout); a grad that is undefined (set to none) becomes its zeroed view, one held elsewhere (the
    // program assigned it) is copied in, so autograd accumulates into the buffer in place.
    void bindViews(Bucket &b) {
        torch::NoGradGuard noGrad;
        if (!b.flat.defined()) {
            int64_t total = 0;
            for (size_t i : b.members)
                total += m_params[i].numel();
            const at::Tensor &first = m_params[b.members.front()];
            b.flat = torch::zeros({total}, first.options().requires_grad(false));
        }
        int64_t offset = 0;
        for (size_t i : b.members) {
            const int64_t n = m_params[i].numel();
            // The buffer's memory without autograd's view relation (set_, not narrow): LibTorch's
            // Optimizer::zero_grad() detaches grads in place, which autograd refuses for a view.
            at::Tensor view = at::empty({0}, b.flat.options());
            view.set_(b.flat.storage(), b.flat.storage_offset() + offset, m_params[i].sizes());
            at::Tensor &g = m_params[i].mutable_grad();
            if (!g.defined())
                view.zero_();
            else if (!g.is_same(view) && g.data_ptr() != view.data_ptr())
                view.copy_(g);
            g = view;
            offset += n;
        }
    }

    void launch(Bucket &b) {
        torch::NoGradGuard noGrad;
        if (m_views) { // the buffer holds the gradients already
            std::vector<at::Tensor> flat{b.flat};
            b.work = m_group->allreduce(flat);
            return;
        }
        std::vector<at::Tensor> views;
        views.reserve(b.members.size());
        for (size_t i : b.members) {
            at::Tensor &g = m_params[i].mutable_grad();
            if (!g.defined())
                g = torch::zeros_like(m_params[i]); // a rank whose loss did not reach it still takes part
            views.push_back(g.reshape({-1}));
        }
        std::vector<at::Tensor> flat{torch::cat(views)};
        b.flat = flat[0];
        b.work = m_group->allreduce(flat);
    }

    c10::intrusive_ptr<Group> m_group;
    int m_world;
    size_t m_firstBucketBytes, m_bucketBytes;
    bool m_overlap, m_views;
    std::mutex m_mutex;
    std::vector<at::Tensor> m_params;
    std::unordered_set<const c10::TensorImpl *> m_known;
    std::vector<std::shared_ptr<torch::autograd::Node>> m_accumulators; // keeps the hooked accumulators alive
    std::vector<Bucket> m_buckets;
    std::vector<size_t> m_bucketOf;
    std::vector<bool> m_ready;
    size_t m_next = 0, m_startedEarly = 0;
    bool m_active = false, m_layoutDirty = true;
};

} // namespace

struct Accelerator::State {
    int rank = 0, world = 1, localRank = 0, localWorld = 1;
    int accumulation = 1;
    std::string mixedPrecision = "no";
    std::string backend;
    int64_t microSteps = 0;
    bool sync = true;
    int64_t steps = 0;
    torch::Device device{torch::kCPU};
    c10::intrusive_ptr<Group> group;
    std::shared_ptr<GradSync> gradSync;
    std::vector<std::shared_ptr<torch::nn::Module>> modules;
    std::vector<std::shared_ptr<torch::optim::Optimizer>> optimizers; // owned or not (an empty owner)
    std::vector<torch::optim::LRScheduler *> schedulers;              // not owned
    struct Object {
        std::function<void(torch::serialize::OutputArchive &)> save;
        std::function<void(torch::serialize::InputArchive &)> load;
    };
    std::vector<Object> objects; // not owned
    AsyncTrackerClient tracker;  // log() returns at once; its thread sends
    bool trackerTried = false, trackerOk = false;
    // Loss scaling (GradScalerOptions): the scale, good steps in a row, and this step's state.
    std::optional<GradScalerOptions> scaler;
    double scale = 1.0;
    int64_t goodSteps = 0;
    bool unscaled = false, foundInf = false, skipped = false;

    void allreduce(std::vector<at::Tensor> &tensors) {
        if (group)
            group->allreduce(tensors)->wait();
    }

    std::vector<at::Tensor> parameters() const {
        std::vector<at::Tensor> all;
        for (const auto &m : modules)
            for (auto &p : m->parameters())
                all.push_back(p);
        return all;
    }
};

Accelerator::Accelerator()
    : Accelerator(AcceleratorOptions{}) {}

Accelerator::Accelerator(const AcceleratorOptions &options)
    : d(std::make_unique<State>()) {
    d->rank = envInt("RANK", 0);
    d->world = envInt("WORLD_SIZE", 1);
    d->localRank = envInt("LOCAL_RANK", 0);
    d->localWorld = envInt("LOCAL_WORLD_SIZE", d->world);
    d->accumulation =
        options.gradient_accumulation_steps.value_or(envInt("ACCELERATE_GRADIENT_ACCUMULATION_STEPS", 1));
    if (d->accumulation < 1)
        throw std::invalid_argument("trainyard: gradient_accumulation_steps must be at least 1");
    const bool cpu = options.cpu.value_or(envTrue("ACCELERATE_USE_CPU")) || !torch::cuda::is_available();
    // Rank i of a machine on its GPU i (as accelerate); more ranks than GPUs share them round robin.
    d->device = cpu ? torch::Device(torch::kCPU)
                    : torch::Device(torch::kCUDA,
                                    c10::DeviceIndex(d->localRank %
                                                     std::max<int>(1, int(torch::cuda::device_count()))));
#ifdef TRAINYARD_NCCL
    if (d->device.is_cuda())
        c10::cuda::set_device(d->device.index()); // NCCL's communicators and barrier() use the current device
#endif
    d->mixedPrecision = options.mixed_precision.value_or(env("ACCELERATE_MIXED_PRECISION").value_or("no"));
    if (d->mixedPrecision != "no" && d->mixedPrecision != "bf16" && d->mixedPrecision != "fp16")
        throw std::invalid_argument("trainyard: mixed precision '" + d->mixedPrecision +
                                    "' is not supported here (no, bf16, or fp16 on CUDA)");
    if (d->mixedPrecision == "fp16" && cpu)
        throw std::invalid_argument("trainyard: fp16 mixed precision needs a CUDA device; use bf16 on CPU");
    const GradScalerOptions scaling = options.grad_scaler.value_or(GradScalerOptions{});
    if ((options.grad_scaler || d->mixedPrecision == "fp16") && scaling.enabled) {
        if (!(scaling.init_scale > 0) || !(scaling.growth_factor > 1) || !(scaling.backoff_factor > 0) ||
            !(scaling.backoff_factor < 1) || scaling.growth_interval < 1)
            throw std::invalid_argument("trainyard: grad_scaler needs init_scale > 0, growth_factor > 1, "
                                        "0 < backoff_factor < 1 and growth_interval >= 1");
        d->scaler = scaling;
        d->scale = scaling.init_scale;
    }
    if (const auto seed = options.seed ? std::optional<uint64_t>(options.seed)
                                       : (env("ACCELERATE_SEED")
                                              ? std::optional<uint64_t>(std::stoull(*env("ACCELERATE_SEED")))
                                              : std::nullopt))
        torch::manual_seed(*seed);
    if (d->rank < 0 || d->world < 1 || d->rank >= d->world)
        throw std::runtime_error("trainyard: RANK " + std::to_string(d->rank) + " is outside WORLD_SIZE " +
                                 std::to_string(d->world));
    if (d->world == 1 && !options.backend)
        return; // a world of one needs no process group unless a backend is asked for
    d->backend = options.backend.value_or(d->device.is_cuda() && ncclAvailable() ? "nccl" : "gloo");
    if (d->backend != "gloo" && d->backend != "nccl")
        throw std::invalid_argument("trainyard: backend '" + d->backend + "' is not one of nccl, gloo");
    if (d->backend == "nccl" && !ncclAvailable())
        throw std::invalid_argument("trainyard: backend 'nccl' needs LibTorch with CUDA and NCCL; this build "
                                    "of the runtime has " +
                                    std::string(torch::cuda::is_available() ? "no NCCL" : "no CUDA"));
    if (d->backend == "nccl" && !d->device.is_cuda())
        throw std::invalid_argument("trainyard: backend 'nccl' needs a CUDA device (not --cpu)");
    const std::string addr = env("MASTER_ADDR").value_or("127.0.0.1");
    const int port = envInt("MASTER_PORT", 29500);
    c10d::TCPStoreOptions so;
    so.port = uint16_t(port);
    so.isServer = d->rank == 0;
    so.numWorkers = d->world;
    so.waitWorkers = true;
    so.timeout = options.timeout;
#ifdef TRAINYARD_TCPSTORE_LIBUV
    if (const auto libuv = env("USE_LIBUV")) // as torch.distributed reads it
        so.useLibUV = *libuv != "0";
#endif
    c10::intrusive_ptr<c10d::TCPStore> store;
    try {
        store = c10::make_intrusive<c10d::TCPStore>(addr, so);
    } catch (const c10::Error &e) {
#ifdef TRAINYARD_TCPSTORE_LIBUV
        // LibTorch 2.4+ asks for the libuv store by default, which a build without libuv (Debian's) refuses
        // before it opens anything: every rank falls back to the classic store alike.
        if (!so.useLibUV || std::string(e.what()).find("libuv") == std::string::npos)
            throw;
        so.useLibUV = false;
        store = c10::make_intrusive<c10d::TCPStore>(addr, so);
#else
        throw;
#endif
    }
    auto prefixed = c10::make_intrusive<c10d::PrefixStore>("trainyard/", store);
    if (d->backend == "nccl") {
#ifdef TRAINYARD_NCCL
        auto nccl = c10d::ProcessGroupNCCL::Options::create();
        nccl->timeout = options.timeout;
        d->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(prefixed, d->rank, d->world, nccl);
#endif
    } else {
        auto gloo = c10d::ProcessGroupGloo::Options::create();
        gloo->timeout = options.timeout;
        // GLOO_SOCKET_IFNAME picks the interface, as torch.distributed reads it; else the host's address.
        if (const auto iface = env("GLOO_SOCKET_IFNAME"))
            gloo->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(*iface));
        else
            gloo->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        d->group = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, d->rank, d->world, gloo);
    }
    const size_t bucketBytes = std::max<size_t>(options.bucket_bytes, 1 << 10);
    // Overlap where the collective does not take backward's cores: on a CUDA device (docs/RUNTIME.md).
    const bool overlap = options.overlap.value_or(d->device.is_cuda());
    d->gradSync = std::make_shared<GradSync>(
        d->group, d->world, std::clamp<size_t>(options.first_bucket_bytes, 1 << 10, bucketBytes), bucketBytes,
        overlap, options.gradient_as_bucket_view);
}

namespace {
// How long the end of a program waits for its points to be acknowledged, as the Python client:
// TRAINYARD_TRACKER_FINISH_TIMEOUT seconds, default 120.
int trackerFinishTimeoutMs() {
    const char *v = getenv("TRAINYARD_TRACKER_FINISH_TIMEOUT");
    const double s = v ? atof(v) : 120.0;
    return s > 0 ? int(std::min(s, 86400.0) * 1000) : 0;
}
} // namespace

Accelerator::~Accelerator() {
    if (d->trackerOk) {
        std::string error;
        if (!d->tracker.finish(trackerFinishTimeoutMs(), &error))
            std::cerr << "trainyard: logged points may be missing from the run: " << error << std::endl;
        if (d->tracker.dropped())
            std::cerr << "trainyard: dropped " << d->tracker.dropped() << " logged points" << std::endl;
    }
}

int Accelerator::process_index() const {
    return d->rank;
}
int Accelerator::local_process_index() const {
    return d->localRank;
}
int Accelerator::num_processes() const {
    return d->world;
}
torch::Device Accelerator::device() const {
    return d->device;
}
int Accelerator::gradient_accumulation_steps() const {
    return d->accumulation;
}
const std::string &Accelerator::mixed_precision() const {
    return d->mixedPrecision;
}
std::string Accelerator::backend() const {
    return d->backend;
}

Accelerator::AutocastGuard Accelerator::autocast() const {
    return AutocastGuard(d->mixedPrecision != "no", d->device.is_cuda(),
                         d->mixedPrecision == "fp16" ? at::kHalf : at::kBFloat16);
}

Accelerator::AutocastGuard::AutocastGuard(bool enabled, bool cuda, at::ScalarType dtype)
    : m_enabled(enabled)
    , m_cuda(cuda)
    , m_previous(autocastEnabled(cuda))
    , m_previousType(autocastType(cuda)) {
    if (!m_enabled)
        return;
    setAutocast(m_cuda, true, dtype);
    at::autocast::increment_nesting();
}

Accelerator::AutocastGuard::~AutocastGuard() {
    if (!m_enabled)
        return;
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache(); // the casts made inside are not kept beyond the outermost guard
    setAutocast(m_cuda, m_previous, m_previousType);
}
bool Accelerator::sync_gradients() const {
    return d->sync;
}
int64_t Accelerator::step() const {
    return d->steps;
}

void Accelerator::wait_for_everyone() {
    if (d->group)
        d->group->barrier()->wait();
}

void Accelerator::prepare_module(const std::shared_ptr<torch::nn::Module> &module) {
    if (!module)
        throw std::invalid_argument("trainyard: prepare() got an empty module");
    module->to(d->device);
    if (d->group) {
        torch::NoGradGuard noGrad;
        std::vector<at::Tensor> all;
        for (auto &p : module->parameters())
            all.push_back(p);
        for (auto &b : module->buffers())
            all.push_back(b);
        for (auto &t : all) {
            std::vector<at::Tensor> one{t};
            c10d::BroadcastOptions o;
            o.rootRank = 0;
            d->group->broadcast(one, o)->wait();
        }
        d->gradSync->add(module->parameters());
    }
    d->modules.push_back(module);
}

Accelerator::AccumulateGuard::AccumulateGuard(Accelerator &a)
    : m_accelerator(a) {
    m_accelerator.count_micro_batch();
}

void Accelerator::count_micro_batch() {
    ++d->microSteps;
    d->sync = d->microSteps % d->accumulation == 0;
}

void Accelerator::backward(const torch::Tensor &loss) {
    torch::Tensor scaled = d->accumulation > 1 ? loss / d->accumulation : loss;
    if (d->scaler)
        scaled = scaled * d->scale;
    const bool reduce = d->sync && d->gradSync && !d->gradSync->empty();
    if (!reduce) {
        scaled.backward();
        return;
    }
    d->gradSync->begin();
    try {
        scaled.backward();
    } catch (...) {
        d->gradSync->abort();
        throw;
    }
    d->gradSync->finish();
}

void Accelerator::unscale_gradients() {
    if (!d->scaler || d->unscaled)
        return;
    d->unscaled = true;
    // The gradients are the same on every rank once averaged, so every rank finds the same inf or NaN.
    torch::NoGradGuard noGrad;
    const double inverse = 1.0 / d->scale;
    std::vector<at::Tensor> bad;
    for (auto &p : d->parameters()) {
        at::Tensor &g = p.mutable_grad();
        if (!g.defined())
            continue;
        g.mul_(inverse);
        bad.push_back(g.isfinite().logical_not().any());
    }
    d->foundInf = !bad.empty() && torch::stack(bad).any().item<bool>();
}

size_t Accelerator::gradient_buckets() const {
    return d->gradSync ? d->gradSync->bucketCount() : 0;
}

size_t Accelerator::gradient_buckets_started_early() const {
    return d->gradSync ? d->gradSync->startedDuringBackward() : 0;
}

double Accelerator::loss_scale() const {
    return d->scaler ? d->scale : 1.0;
}

bool Accelerator::optimizer_step_was_skipped() const {
    return d->skipped;
}

double Accelerator::clip_grad_norm_(double max_norm) {
    unscale_gradients();
    return torch::nn::utils::clip_grad_norm_(d->parameters(), max_norm);
}

void Accelerator::step(torch::optim::Optimizer &optimizer) {
    if (!d->sync)
        return; // accumulating: the step comes with the synchronised gradients
    d->skipped = false;
    if (d->scaler) {
        unscale_gradients();
        d->skipped = d->foundInf;
        if (d->foundInf) {
            d->scale *= d->scaler->backoff_factor;
            d->goodSteps = 0;
        } else if (++d->goodSteps >= d->scaler->growth_interval) {
            d->scale *= d->scaler->growth_factor;
            d->goodSteps = 0;
        }
        d->unscaled = d->foundInf = false;
    }
    if (!d->skipped)
        optimizer.step();
    ++d->steps;
}

torch::Tensor Accelerator::gather(const torch::Tensor &tensor) {
    if (!d->group)
        return tensor.clone();
    std::vector<at::Tensor> input{tensor.contiguous()};
    std::vector<std::vector<at::Tensor>> output(1);
    for (int i = 0; i < d->world; ++i)
        output[0].push_back(torch::empty_like(input[0]));
    d->group->allgather(output, input)->wait();
    return torch::cat(output[0], 0);
}

torch::Tensor Accelerator::reduce(const torch::Tensor &tensor, Reduction reduction) {
    std::vector<at::Tensor> t{tensor.clone().contiguous()};
    d->allreduce(t);
    if (reduction == Reduction::Mean)
        t[0].div_(d->world);
    return t[0];
}

torch::Tensor Accelerator::broadcast(const torch::Tensor &tensor, int from) {
    std::vector<at::Tensor> t{tensor.clone().contiguous()};
    if (d->group) {
        c10d::BroadcastOptions o;
        o.rootRank = from;
        d->group->broadcast(t, o)->wait();
    }
    return t[0];
}

void Accelerator::register_for_checkpointing(std::shared_ptr<torch::optim::Optimizer> optimizer) {
    d->optimizers.push_back(std::move(optimizer));
}

void Accelerator::register_for_checkpointing(torch::optim::Optimizer &optimizer) {
    // A shared_ptr that owns nothing (the aliasing constructor with an empty owner): saved and loaded as the
    // owned ones are, never deleted here.
    d->optimizers.push_back(std::shared_ptr<torch::optim::Optimizer>(std::shared_ptr<void>(), &optimizer));
}

void Accelerator::register_for_checkpointing(torch::optim::LRScheduler &scheduler) {
    d->schedulers.push_back(&scheduler);
}

void Accelerator::register_object(std::function<void(torch::serialize::OutputArchive &)> save,
                                  std::function<void(torch::serialize::InputArchive &)> load) {
    d->objects.push_back({std::move(save), std::move(load)});
}

namespace {
// LRScheduler keeps its step count protected, with no accessor: a member pointer taken through a derived
// class reaches it on any scheduler (its learning rates live in the optimizer's options, saved with the
// optimizer).
struct SchedulerCount : torch::optim::LRScheduler {
    static unsigned &of(torch::optim::LRScheduler &s) { return s.*(&SchedulerCount::step_count_); }
};
} // namespace

void Accelerator::step(torch::optim::LRScheduler &scheduler) {
    if (!d->sync || d->skipped)
        return;
    for (int i = 0; i < d->world; ++i)
        scheduler.step();
}

void Accelerator::save_state(const std::string &dir) {
    namespace fs = std::filesystem;
    const fs::path final(dir);
    const fs::path partial = final.string() + ".partial";
    if (is_main_process()) {
        fs::remove_all(partial);
        fs::create_directories(partial);
        for (size_t i = 0; i < d->modules.size(); ++i)
            torch::save(d->modules[i], (partial / ("module_" + std::to_string(i) + ".pt")).string());
        for (size_t i = 0; i < d->optimizers.size(); ++i) {
            torch::save(*d->optimizers[i], (partial / ("optimizer_" + std::to_string(i) + ".pt")).string());
            // LibTorch's optimizer archive keeps its parameter groups' options but never loads them back: the
            // learning rates a scheduler changed would restart. They are saved here on their own.
            torch::serialize::OutputArchive groups;
            const auto &pg = d->optimizers[i]->param_groups();
            for (size_t g = 0; g < pg.size(); ++g) {
                torch::serialize::OutputArchive options;
                pg[g].options().serialize(options);
                groups.write("group_" + std::to_string(g), options);
            }
            groups.write("groups", torch::tensor(int64_t(pg.size())));
            groups.save_to((partial / ("optimizer_" + std::to_string(i) + "_options.pt")).string());
        }
        for (size_t i = 0; i < d->schedulers.size(); ++i)
            std::ofstream(partial / ("scheduler_" + std::to_string(i) + ".txt"))
                << SchedulerCount::of(*d->schedulers[i]) << '\n';
        for (size_t i = 0; i < d->objects.size(); ++i) {
            torch::serialize::OutputArchive archive;
            d->objects[i].save(archive);
            archive.save_to((partial / ("object_" + std::to_string(i) + ".pt")).string());
        }
        std::ofstream(partial / "step.txt") << d->steps << ' ' << d->microSteps << '\n';
        if (d->scaler) {
            std::ofstream scaler(partial / "scaler.txt");
            scaler.precision(17);
            scaler << d->scale << ' ' << d->goodSteps << '\n';
        }
    }
    wait_for_everyone();
    // Every rank's random state (each draws its own numbers): the CPU's generator, and its GPU's under CUDA.
    torch::save(at::detail::getDefaultCPUGenerator().get_state(),
                (partial / ("rng_" + std::to_string(d->rank) + ".pt")).string());
    if (d->device.is_cuda())
        torch::save(deviceGenerator(d->device).get_state(),
                    (partial / ("rng_cuda_" + std::to_string(d->rank) + ".pt")).string());
    wait_for_everyone();
    if (is_main_process()) {
        const fs::path old = final.string() + ".old";
        fs::remove_all(old);
        if (fs::exists(final))
            fs::rename(final, old);
        fs::rename(partial, final);
        fs::remove_all(old);
    }
    wait_for_everyone();
}

void Accelerator::load_state(const std::string &dir) {
    namespace fs = std::filesystem;
    const fs::path from(dir);
    if (!fs::exists(from / "step.txt"))
        throw std::runtime_error("trainyard: " + dir + " holds no saved state (step.txt is missing)");
    for (size_t i = 0; i < d->modules.size(); ++i) {
        torch::load(d->modules[i], (from / ("module_" + std::to_string(i) + ".pt")).string());
        d->modules[i]->to(d->device);
    }
    for (size_t i = 0; i < d->optimizers.size(); ++i) {
        torch::load(*d->optimizers[i], (from / ("optimizer_" + std::to_string(i) + ".pt")).string());
        const fs::path optionsFile = from / ("optimizer_" + std::to_string(i) + "_options.pt");
        if (!fs::exists(optionsFile))
            continue; // a state saved before the options were kept
        torch::serialize::InputArchive groups;
        groups.load_from(optionsFile.string());
        torch::Tensor count;
        groups.read("groups", count);
        auto &pg = d->optimizers[i]->param_groups();
        if (count.item<int64_t>() != int64_t(pg.size()))
            throw std::runtime_error("trainyard: " + dir + ": optimizer " + std::to_string(i) + " had " +
                                     std::to_string(count.item<int64_t>()) + " parameter groups, it has " +
                                     std::to_string(pg.size()) + " now");
        for (size_t g = 0; g < pg.size(); ++g) {
            torch::serialize::InputArchive options;
            groups.read("group_" + std::to_string(g), options);
            pg[g].options().serialize(options);
        }
    }
    for (size_t i = 0; i < d->schedulers.size(); ++i) {
        const fs::path file = from / ("scheduler_" + std::to_string(i) + ".txt");
        if (!fs::exists(file))
            throw std::runtime_error("trainyard: " + dir + " holds no state for scheduler " +
                                     std::to_string(i) +
                                     " (registered in another order, or saved without it)");
        std::ifstream(file) >> SchedulerCount::of(*d->schedulers[i]);
    }
    for (size_t i = 0; i < d->objects.size(); ++i) {
        const fs::path file = from / ("object_" + std::to_string(i) + ".pt");
        if (!fs::exists(file))
            throw std::runtime_error("trainyard: " + dir + " holds no state for registered object " +
                                     std::to_string(i));
        torch::serialize::InputArchive archive;
        archive.load_from(file.string());
        d->objects[i].load(archive);
    }
    std::ifstream(from / "step.txt") >> d->steps >> d->microSteps;
    if (d->scaler && fs::exists(from / "scaler.txt"))
        std::ifstream(from / "scaler.txt") >> d->scale >> d->goodSteps;
    const auto restore = [](const fs::path &file, at::Generator generator) { // shares the default one
        if (!fs::exists(file))
            return;
        at::Tensor state;
        torch::load(state, file.string());
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(state);
    };
    restore(from / ("rng_" + std::to_string(d->rank) + ".pt"), at::detail::getDefaultCPUGenerator());
    if (d->device.is_cuda())
        restore(from / ("rng_cuda_" + std::to_string(d->rank) + ".pt"), deviceGenerator(d->device));
    d->sync = d->microSteps % d->accumulation == 0;
    wait_for_everyone();
}

void Accelerator::print(const std::string &text) const {
    if (is_main_process()) {
        std::cout << text << std::endl;
    }
}

void Accelerator::log(const std::map<std::string, double> &values, int64_t step) {
    if (!d->trackerTried) {
        d->trackerTried = true;
        // Outside `trainyard launch` there is nobody to send to; inside, the sender thread connects.
        d->trackerOk = getenv("TRAINYARD_TRACKER") != nullptr;
        if (d->trackerOk)
            d->tracker.start();
    }
    if (!d->trackerOk)
        return;
    d->tracker.log(values, step); // one deadline for the call: at most a second with the buffer full
}

void Accelerator::flush_logs() {
    if (d->trackerOk) {
        std::string error;
        if (!d->tracker.flush(trackerFinishTimeoutMs(), &error))
            std::cerr << "trainyard: flush_logs: " << error << std::endl;
    }
}

DistributedSampler::DistributedSampler(size_t size, int num_replicas, int rank, bool shuffle, uint64_t seed)
    : m_size(size)
    , m_replicas(std::max(num_replicas, 1))
    , m_rank(rank)
    , m_shuffle(shuffle)
    , m_seed(seed) {}

DistributedSampler::DistributedSampler(size_t size, const Accelerator &accelerator, bool shuffle,
                                       uint64_t seed)
    : DistributedSampler(size, accelerator.num_processes(), accelerator.process_index(), shuffle, seed) {}

size_t DistributedSampler::size() const {
    return (m_size + size_t(m_replicas) - 1) / size_t(m_replicas);
}

std::vector<int64_t> DistributedSampler::indices() const {
    std::vector<int64_t> order(m_size);
    if (m_shuffle) {
        // The same permutation on every rank: a generator of its own, seeded with seed + epoch.
        auto gen = at::make_generator<at::CPUGeneratorImpl>(m_seed + uint64_t(m_epoch));
        const at::Tensor perm = torch::randperm(int64_t(m_size), gen, torch::kLong);
        const int64_t *p = perm.data_ptr<int64_t>();
        std::copy(p, p + m_size, order.begin());
    } else {
        for (size_t i = 0; i < m_size; ++i)
            order[i] = int64_t(i);
    }
    const size_t total = size() * size_t(m_replicas);
    for (size_t i = 0; order.size() < total && m_size > 0; ++i)
        order.push_back(order[i % m_size]); // even split: the first ones again
    std::vector<int64_t> mine;
    for (size_t i = size_t(m_rank); i < order.size(); i += size_t(m_replicas))
        mine.push_back(order[i]);
    return mine;
}

} // namespace trainyard
