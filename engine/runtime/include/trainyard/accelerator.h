// Trainyard's runtime for C++ training programs: accelerate's Accelerator for LibTorch. It reads the
// environment `trainyard launch` gives every rank (RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE,
// MASTER_ADDR/PORT and accelerate's ACCELERATE_* variables), joins the process group (TCPStore + Gloo on
// CPU, NCCL on CUDA when LibTorch was built with it), keeps prepared modules' replicas identical (rank 0's
// parameters broadcast, gradients averaged across ranks in buckets while backward still runs), scales fp16
// losses dynamically, and saves and restores the whole training state. Without that environment it is a world
// of one. Link Trainyard::runtime (find_package(Trainyard)).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <torch/torch.h>
#include <type_traits>
#include <vector>

namespace trainyard {

enum class Reduction { Sum, Mean };

namespace detail {
// An object the program checkpoints itself: `void save(torch::serialize::OutputArchive &) const` and
// `void load(torch::serialize::InputArchive &)` (a data-loader position, an EMA of the weights). Optimizers
// have both too, and are registered as optimizers.
template <class T, class = void> struct IsCheckpointable : std::false_type {};
template <class T>
struct IsCheckpointable<
    T,
    std::void_t<decltype(std::declval<const T &>().save(std::declval<torch::serialize::OutputArchive &>())),
                decltype(std::declval<T &>().load(std::declval<torch::serialize::InputArchive &>()))>>
    : std::bool_constant<!std::is_base_of_v<torch::optim::Optimizer, T>> {};
template <class T> inline constexpr bool isOptimizer = std::is_base_of_v<torch::optim::Optimizer, T>;
template <class T> inline constexpr bool isScheduler = std::is_base_of_v<torch::optim::LRScheduler, T>;
} // namespace detail

// Dynamic loss scaling (accelerate's GradScalerKwargs, torch.cuda.amp.GradScaler's rules): the loss is
// multiplied by the scale before backward and the gradients divided by it before the optimizer step; a step
// whose gradients hold an inf or a NaN is skipped and the scale multiplied by backoff_factor; after
// growth_interval steps in a row without one, the scale is multiplied by growth_factor.
struct GradScalerOptions {
    double init_scale = 65536.0;
    double growth_factor = 2.0;
    double backoff_factor = 0.5;
    int64_t growth_interval = 2000;
    bool enabled = true;
};

struct AcceleratorOptions {
    // Unset: from the environment (ACCELERATE_GRADIENT_ACCUMULATION_STEPS, ACCELERATE_USE_CPU,
    // ACCELERATE_SEED), else 1, CPU when LibTorch has no CUDA, no seed.
    std::optional<int> gradient_accumulation_steps;
    std::optional<bool> cpu;
    std::optional<uint64_t> seed;
    // "no", "bf16" or "fp16"; unset: ACCELERATE_MIXED_PRECISION (what --mixed_precision sets), else "no".
    // bf16 runs under autocast on CPU and CUDA; fp16 needs CUDA.
    std::optional<std::string> mixed_precision;
    // Loss scaling: unset, on with the defaults above under fp16 and off otherwise (as accelerate). Set it to
    // tune it, to turn it off (enabled = false), or to scale without fp16 autocast (a model cast to half).
    std::optional<GradScalerOptions> grad_scaler;
    // The process group's backend: "nccl" or "gloo"; unset: NCCL on a CUDA device when LibTorch has it, else
    // Gloo (which also takes CUDA tensors). Set, it makes a process group even for a world of one.
    std::optional<std::string> backend;
    // How long a collective may wait for the other ranks before it fails (a dead rank never hangs the run).
    std::chrono::milliseconds timeout{std::chrono::seconds(120)};
    // Gradients are averaged in flat buckets of about this many bytes, in the reverse order of the parameters
    // (about the order backward produces them): a bucket's all-reduce starts as soon as backward has
    // accumulated all of its gradients, while backward goes on with the layers before it.
    size_t bucket_bytes = size_t(25) << 20;
    // The first bucket (the last layers' gradients, ready first) is smaller, so that communication starts
    // early (as DDP's 1 MiB first bucket).
    size_t first_bucket_bytes = size_t(1) << 20;
    // Whether buckets start while backward runs. Unset: on a CUDA device (NCCL or Gloo, the collective runs
    // on the GPU and the network beside backward's kernels), and not on CPU, where the all-reduce needs the
    // cores backward is using: there all gradients are averaged in one bucket once backward has ended, which
    // measured faster (docs/RUNTIME.md: 2 CPU ranks, 7.06 against 5.77 steps/s with the buckets overlapped).
    std::optional<bool> overlap;
    // Gradients live in their bucket's flat buffer (each parameter's grad a view of it, as DDP's
    // gradient_as_bucket_view): the all-reduce and the average work in place, without copying the gradients
    // into a bucket and back. A grad the program sets to none (zero_grad) is a view again at the next
    // synchronising backward.
    bool gradient_as_bucket_view = false;
};

class Accelerator {
public:
    Accelerator();
    explicit Accelerator(const AcceleratorOptions &options);
    ~Accelerator();
    Accelerator(const Accelerator &) = delete;
    Accelerator &operator=(const Accelerator &) = delete;

    int process_index() const;
    int local_process_index() const;
    int num_processes() const;
    bool is_main_process() const { return process_index() == 0; }
    bool is_local_main_process() const { return local_process_index() == 0; }
    torch::Device device() const;
    int gradient_accumulation_steps() const;
    const std::string &mixed_precision() const;
    // "nccl", "gloo", or "" in a world of one.
    std::string backend() const;

    // Runs what follows in the scope under autocast with the mixed precision's dtype (accelerate's
    // autocast()); does nothing for "no". Put the forward pass and the loss inside, backward() outside.
    class AutocastGuard {
    public:
        AutocastGuard(bool enabled, bool cuda, at::ScalarType dtype);
        ~AutocastGuard();
        AutocastGuard(const AutocastGuard &) = delete;
        AutocastGuard &operator=(const AutocastGuard &) = delete;

    private:
        bool m_enabled, m_cuda, m_previous;
        at::ScalarType m_previousType;
    };
    AutocastGuard autocast() const;
    // Blocks until every rank has reached this point.
    void wait_for_everyone();

    // Moves a module to the device, gives every rank rank 0's parameters and buffers, and has backward()
    // average its gradients across ranks. Takes a module holder (torch::nn::Linear) or a shared_ptr.
    template <class M, std::enable_if_t<!detail::isOptimizer<std::remove_cv_t<M>> &&
                                            !detail::isScheduler<std::remove_cv_t<M>>,
                                        int> = 0>
    M prepare(M module) {
        prepare_module(as_module(module));
        return module;
    }
    // An optimizer or a learning-rate scheduler, as accelerate prepares them: registered for checkpointing
    // (save_state()/load_state() include it, as accelerate's do), and stepped through step(optimizer) and
    // step(scheduler), which act only on synchronised steps. Held by reference, not owned: the program keeps
    // it alive while the Accelerator is used. Returns the same object.
    template <class O, std::enable_if_t<detail::isOptimizer<O>, int> = 0> O &prepare(O &optimizer) {
        register_for_checkpointing(static_cast<torch::optim::Optimizer &>(optimizer));
        return optimizer;
    }
    template <class S, std::enable_if_t<detail::isScheduler<S>, int> = 0> S &prepare(S &scheduler) {
        register_for_checkpointing(static_cast<torch::optim::LRScheduler &>(scheduler));
        return scheduler;
    }

    // Counts a micro-batch for gradient accumulation (accelerate's accumulate()): gradients are synchronised
    // (and sync_gradients() is true) on every gradient_accumulation_steps()-th call; the loss given to
    // backward() is divided by that number so that accumulated gradients equal a larger batch's.
    class AccumulateGuard {
    public:
        explicit AccumulateGuard(Accelerator &a);
        ~AccumulateGuard() = default;

    private:
        Accelerator &m_accelerator;
    };
    AccumulateGuard accumulate() { return AccumulateGuard(*this); }
    bool sync_gradients() const;
    // loss.backward() (the loss scaled when loss scaling is on), with (when gradients are synchronised) the
    // average of every prepared module's gradients across ranks: buckets are all-reduced while backward runs
    // and are all back in the parameters' gradients when this returns.
    void backward(const torch::Tensor &loss);
    // How many buckets the gradients are averaged in (0 in a world of one), and how many of them the last
    // synchronising backward started before autograd had finished (its overlap of communication with
    // compute).
    size_t gradient_buckets() const;
    size_t gradient_buckets_started_early() const;
    // Clips the (synchronised, unscaled) gradients of every prepared module; returns their total norm (inf or
    // NaN when the step is to be skipped under loss scaling).
    double clip_grad_norm_(double max_norm);
    // Divides the gradients by the loss scale (once per step; step() and clip_grad_norm_() do it when
    // needed).
    void unscale_gradients();
    // The loss scale now (1 without loss scaling), and whether the last step() skipped the optimizer because
    // the gradients held an inf or a NaN.
    double loss_scale() const;
    bool optimizer_step_was_skipped() const;

    // Every rank's tensor, concatenated along dim 0 in rank order (same shape on every rank).
    torch::Tensor gather(const torch::Tensor &tensor);
    torch::Tensor reduce(const torch::Tensor &tensor, Reduction reduction = Reduction::Sum);
    // The value rank `from` has, on every rank.
    torch::Tensor broadcast(const torch::Tensor &tensor, int from = 0);

    // Objects whose state save_state() writes and load_state() restores, beside the prepared modules
    // (accelerate's register_for_checkpointing). Registered in the same order on every run, they come back
    // bit for bit:
    // - an optimizer, held by shared_ptr (kept alive by the Accelerator) or by reference (as LibTorch
    // programs
    //   hold them, `torch::optim::SGD opt(...)`: not owned, the program keeps it alive while the Accelerator
    //   uses it): its parameter groups' options (the learning rates) and its state;
    // - a learning-rate scheduler (torch::optim::LRScheduler: StepLR, ...), by reference, not owned: its step
    //   count (its learning rates are the optimizer's, restored with it);
    // - any object with `save(torch::serialize::OutputArchive &) const` and
    //   `load(torch::serialize::InputArchive &)`, by reference, not owned.
    void register_for_checkpointing(std::shared_ptr<torch::optim::Optimizer> optimizer);
    void register_for_checkpointing(torch::optim::Optimizer &optimizer);
    void register_for_checkpointing(torch::optim::LRScheduler &scheduler);
    template <class T,
              std::enable_if_t<detail::IsCheckpointable<T>::value && !detail::isScheduler<T>, int> = 0>
    void register_for_checkpointing(T &object) {
        register_object([&object](torch::serialize::OutputArchive &a) { object.save(a); },
                        [&object](torch::serialize::InputArchive &a) { object.load(a); });
    }
    // Writes the prepared modules, registered optimizers, every rank's RNG state, the loss scale and the step
    // into dir, which
    // appears complete or not at all (written beside it, then renamed by the main process). Every rank calls
    // it.
    void save_state(const std::string &dir);
    void load_state(const std::string &dir);
    // Synchronised steps (counted by step(), skipped ones included); saved and restored with the state.
    int64_t step() const;
    // The optimizer's step on synchronised steps (nothing while accumulating); under loss scaling the
    // gradients are unscaled first, and a step with an inf or a NaN in them is skipped and lowers the scale.
    void step(torch::optim::Optimizer &optimizer);
    // The scheduler's step as accelerate's prepared scheduler takes it: nothing while accumulating or when
    // the optimizer step was skipped (loss scaling); otherwise num_processes() steps, since each optimizer
    // step consumed that many processes' batches (a schedule written for one process keeps its length in
    // samples).
    void step(torch::optim::LRScheduler &scheduler);

    // Prints on the main process only.
    void print(const std::string &text) const;
    // Logs into the run's database through Trainyard's tracker (a no-op outside `trainyard launch`). Returns
    // at once: the points wait in a bounded buffer (TRAINYARD_TRACKER_BUFFER points, default 1,000,000) for a
    // sender thread, so a busy run database never holds up training; a full buffer holds up one call for at
    // most a second, then its points are dropped and counted (said on stderr at the end).
    void log(const std::map<std::string, double> &values, int64_t step);
    // Waits until everything logged so far is stored (at most TRAINYARD_TRACKER_FINISH_TIMEOUT seconds,
    // default 120, as the destructor does).
    void flush_logs();

private:
    static std::shared_ptr<torch::nn::Module> as_module(const std::shared_ptr<torch::nn::Module> &m) {
        return m;
    }
    template <class T>
    static std::shared_ptr<torch::nn::Module> as_module(const torch::nn::ModuleHolder<T> &m) {
        return m.ptr();
    }
    template <class T> static std::shared_ptr<torch::nn::Module> as_module(const std::shared_ptr<T> &m) {
        return std::static_pointer_cast<torch::nn::Module>(m);
    }
    void prepare_module(const std::shared_ptr<torch::nn::Module> &module);
    void register_object(std::function<void(torch::serialize::OutputArchive &)> save,
                         std::function<void(torch::serialize::InputArchive &)> load);
    void count_micro_batch();

    struct State;
    std::unique_ptr<State> d;
};

// accelerate's sharding of a dataset of `size` samples over the ranks: every rank gets size / ranks samples
// (rounded up, the first ones repeated to even it out), shuffled with a seed all ranks share, reshuffled by
// set_epoch().
class DistributedSampler {
public:
    DistributedSampler(size_t size, int num_replicas, int rank, bool shuffle = true, uint64_t seed = 0);
    DistributedSampler(size_t size, const Accelerator &accelerator, bool shuffle = true, uint64_t seed = 0);
    void set_epoch(int64_t epoch) { m_epoch = epoch; }
    std::vector<int64_t> indices() const;
    size_t size() const;

private:
    size_t m_size;
    int m_replicas, m_rank;
    bool m_shuffle;
    uint64_t m_seed;
    int64_t m_epoch = 0;
};

} // namespace trainyard
