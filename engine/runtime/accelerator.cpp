// The runtime's only translation unit that includes torch's distributed headers.
#include "trainyard/accelerator.h"

#include "client.h"

#include <ATen/autocast_mode.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

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

} // namespace

struct Accelerator::State {
    int rank = 0, world = 1, localRank = 0, localWorld = 1;
    int accumulation = 1;
    std::string mixedPrecision = "no";
    int64_t microSteps = 0;
    bool sync = true;
    int64_t steps = 0;
    torch::Device device{torch::kCPU};
    size_t bucketBytes = 0;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    std::vector<std::shared_ptr<torch::nn::Module>> modules;
    std::vector<std::shared_ptr<torch::optim::Optimizer>> optimizers;
    TrackerClient tracker;
    bool trackerTried = false, trackerOk = false;

    void allreduce(std::vector<at::Tensor> &tensors) {
        if (group)
            group->allreduce(tensors)->wait();
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
    d->bucketBytes = std::max<size_t>(options.bucket_bytes, 1 << 10);
    const bool cpu = options.cpu.value_or(envTrue("ACCELERATE_USE_CPU")) || !torch::cuda::is_available();
    d->device = cpu ? torch::Device(torch::kCPU) : torch::Device(torch::kCUDA, d->localRank);
    d->mixedPrecision = options.mixed_precision.value_or(env("ACCELERATE_MIXED_PRECISION").value_or("no"));
    if (d->mixedPrecision != "no" && d->mixedPrecision != "bf16" && d->mixedPrecision != "fp16")
        throw std::invalid_argument("trainyard: mixed precision '" + d->mixedPrecision +
                                    "' is not supported here (no, bf16, or fp16 on CUDA)");
    if (d->mixedPrecision == "fp16" && cpu)
        throw std::invalid_argument("trainyard: fp16 mixed precision needs a CUDA device; use bf16 on CPU");
    if (const auto seed = options.seed ? std::optional<uint64_t>(options.seed)
                                       : (env("ACCELERATE_SEED")
                                              ? std::optional<uint64_t>(std::stoull(*env("ACCELERATE_SEED")))
                                              : std::nullopt))
        torch::manual_seed(*seed);
    if (d->rank < 0 || d->world < 1 || d->rank >= d->world)
        throw std::runtime_error("trainyard: RANK " + std::to_string(d->rank) + " is outside WORLD_SIZE " +
                                 std::to_string(d->world));
    if (d->world == 1)
        return;
    const std::string addr = env("MASTER_ADDR").value_or("127.0.0.1");
    const int port = envInt("MASTER_PORT", 29500);
    c10d::TCPStoreOptions so;
    so.port = uint16_t(port);
    so.isServer = d->rank == 0;
    so.numWorkers = d->world;
    so.waitWorkers = true;
    so.timeout = options.timeout;
    auto store = c10::make_intrusive<c10d::TCPStore>(addr, so);
    auto prefixed = c10::make_intrusive<c10d::PrefixStore>("trainyard/", store);
    auto gloo = c10d::ProcessGroupGloo::Options::create();
    gloo->timeout = options.timeout;
    // GLOO_SOCKET_IFNAME picks the interface, as torch.distributed reads it; else the host's address.
    if (const auto iface = env("GLOO_SOCKET_IFNAME"))
        gloo->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(*iface));
    else
        gloo->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
    d->group = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, d->rank, d->world, gloo);
}

Accelerator::~Accelerator() {
    if (d->trackerOk) {
        std::string error;
        d->tracker.flush(&error);
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

Accelerator::AutocastGuard Accelerator::autocast() const {
    return AutocastGuard(d->mixedPrecision != "no", d->device.is_cuda(),
                         d->mixedPrecision == "fp16" ? at::kHalf : at::kBFloat16);
}

Accelerator::AutocastGuard::AutocastGuard(bool enabled, bool cuda, at::ScalarType dtype)
    : m_enabled(enabled)
    , m_cuda(cuda)
    , m_previous(cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled())
    , m_previousType(cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype()) {
    if (!m_enabled)
        return;
    if (m_cuda) {
        at::autocast::set_enabled(true);
        at::autocast::set_autocast_gpu_dtype(dtype);
    } else {
        at::autocast::set_cpu_enabled(true);
        at::autocast::set_autocast_cpu_dtype(dtype);
    }
    at::autocast::increment_nesting();
}

Accelerator::AutocastGuard::~AutocastGuard() {
    if (!m_enabled)
        return;
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache(); // the casts made inside are not kept beyond the outermost guard
    if (m_cuda) {
        at::autocast::set_enabled(m_previous);
        at::autocast::set_autocast_gpu_dtype(m_previousType);
    } else {
        at::autocast::set_cpu_enabled(m_previous);
        at::autocast::set_autocast_cpu_dtype(m_previousType);
    }
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
    (d->accumulation > 1 ? loss / d->accumulation : loss).backward();
    if (!d->sync || !d->group)
        return;
    // Flat buckets of gradients, one all-reduce each, averaged and copied back.
    torch::NoGradGuard noGrad;
    std::vector<at::Tensor> bucket;
    size_t bytes = 0;
    auto flush = [&] {
        if (bucket.empty())
            return;
        std::vector<at::Tensor> flat{torch::cat([&] {
            std::vector<at::Tensor> views;
            for (auto &g : bucket)
                views.push_back(g.reshape({-1}));
            return views;
        }())};
        d->allreduce(flat);
        flat[0].div_(d->world);
        int64_t offset = 0;
        for (auto &g : bucket) {
            const int64_t n = g.numel();
            g.copy_(flat[0].narrow(0, offset, n).view_as(g));
            offset += n;
        }
        bucket.clear();
        bytes = 0;
    };
    for (auto &m : d->modules)
        for (auto &p : m->parameters()) {
            at::Tensor &g = p.mutable_grad();
            if (!g.defined())
                g = torch::zeros_like(p); // a rank whose loss did not reach p still takes part
            if (!bucket.empty() && bucket.front().scalar_type() != g.scalar_type())
                flush();
            bucket.push_back(g);
            bytes += size_t(g.numel()) * g.element_size();
            if (bytes >= d->bucketBytes)
                flush();
        }
    flush();
}

double Accelerator::clip_grad_norm_(double max_norm) {
    std::vector<at::Tensor> params;
    for (auto &m : d->modules)
        for (auto &p : m->parameters())
            params.push_back(p);
    return torch::nn::utils::clip_grad_norm_(params, max_norm);
}

void Accelerator::step(torch::optim::Optimizer &optimizer) {
    if (!d->sync)
        return; // accumulating: the step comes with the synchronised gradients
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

void Accelerator::save_state(const std::string &dir) {
    namespace fs = std::filesystem;
    const fs::path final(dir);
    const fs::path partial = final.string() + ".partial";
    if (is_main_process()) {
        fs::remove_all(partial);
        fs::create_directories(partial);
        for (size_t i = 0; i < d->modules.size(); ++i)
            torch::save(d->modules[i], (partial / ("module_" + std::to_string(i) + ".pt")).string());
        for (size_t i = 0; i < d->optimizers.size(); ++i)
            torch::save(*d->optimizers[i], (partial / ("optimizer_" + std::to_string(i) + ".pt")).string());
        std::ofstream(partial / "step.txt") << d->steps << ' ' << d->microSteps << '\n';
    }
    wait_for_everyone();
    // Every rank's random state (each draws its own numbers).
    torch::save(at::detail::getDefaultCPUGenerator().get_state(),
                (partial / ("rng_" + std::to_string(d->rank) + ".pt")).string());
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
    for (size_t i = 0; i < d->optimizers.size(); ++i)
        torch::load(*d->optimizers[i], (from / ("optimizer_" + std::to_string(i) + ".pt")).string());
    std::ifstream(from / "step.txt") >> d->steps >> d->microSteps;
    const fs::path rng = from / ("rng_" + std::to_string(d->rank) + ".pt");
    if (fs::exists(rng)) {
        at::Tensor state;
        torch::load(state, rng.string());
        at::Generator generator = at::detail::getDefaultCPUGenerator(); // shares the default one
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(state);
    }
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
        std::string error;
        d->trackerOk = d->tracker.connectFromEnvironment(&error);
    }
    if (!d->trackerOk)
        return;
    for (const auto &[key, value] : values)
        d->tracker.log(key, step, value);
}

void Accelerator::flush_logs() {
    if (d->trackerOk) {
        std::string error;
        d->tracker.flush(&error);
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
