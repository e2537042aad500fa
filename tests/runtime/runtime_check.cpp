// The runtime's behaviour, checked under `trainyard launch` by tst_runtime: a small linear regression trained
// with Adam on a fixed dataset. Every rank takes its shard of each global batch; the parameters after the
// last step are written (as exact hex floats) to OUT.RANK. Options:
//   --steps N        optimizer steps (default 12)
//   --accum K        split each global batch into K micro-batches (gradient accumulation)
//   --stop-at S DIR  save the state after step S into DIR and stop
//   --resume DIR     load the state from DIR and go on
//   --fail-at S      rank 1 exits with 7 at step S, in the middle of the run
//   --noise          add noise from each rank's own generator to its targets (a resumed run must continue
//                    every rank's random sequence exactly)
//   --mlp            a 3-layer MLP in 1 KiB gradient buckets instead of one linear layer; OUT.RANK.sync then
//                    says how many buckets the last synchronising backward had and how many of them started
//                    while backward still ran ("buckets N early M")
//   --plan P         with --mlp, the bucket plan: overlap (1 KiB buckets started while backward runs: the
//                    default of this flag), default (the runtime's own choice: on CPU one bucket after
//                    backward), views (overlap with the gradients as views of their bucket's buffer)
//   --loss-scaling   dynamic loss scaling (init scale 65536, growth every 3 steps); OUT.RANK.scale says the
//                    final scale and the steps skipped ("scale X skipped N")
//   --inf-at S       rank 1's loss is multiplied by inf at step S
//   --skip-at S      no optimizer step at step S (the gradients are computed and dropped)
//   --freeze-at S    the first parameter stops requiring gradients at step S (frozen mid-run)
//   --backend B      the process group's backend (nccl, gloo), which also makes one for a single rank
//   --by-value       the optimizer held by value (SGD with momentum, as LibTorch's examples hold it), a
//   StepLR
//                    scheduler and an object of the program's own (an EMA of the weights and a batch count),
//                    all prepared or registered by reference; OUT.RANK.extra holds the EMA, the count and the
//                    learning rate after the last step
//   --log-burst N FLAG  after training, write OUT.RANK.ready, wait for the file FLAG, log N points ("burst")
//   and
//                    write the longest log() call in microseconds and the number of calls over 1 ms to
//                    OUT.RANK.logmax, then flush_logs()
// Every tensor lives on the accelerator's device (a GPU under CUDA: scripts/gpu-check.sh).
// It also checks gather, reduce, broadcast and the sampler, and exits with 3 when one is wrong.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <thread>
#include <trainyard/accelerator.h>

namespace {

// State of the program's own, checkpointed through register_for_checkpointing: an exponential moving average
// of the weights and how many batches were seen.
struct Ema {
    torch::Tensor average;
    int64_t batches = 0;
    void update(const std::vector<torch::Tensor> &params) {
        torch::NoGradGuard no;
        torch::Tensor flat = torch::cat([&] {
            std::vector<torch::Tensor> v;
            for (const auto &p : params)
                v.push_back(p.detach().reshape({-1}));
            return v;
        }());
        average = average.defined() ? average * 0.9 + flat * 0.1 : flat.clone();
        ++batches;
    }
    void save(torch::serialize::OutputArchive &a) const {
        a.write("average", average.defined() ? average : torch::Tensor(torch::zeros({0})));
        a.write("batches", torch::tensor(batches));
    }
    void load(torch::serialize::InputArchive &a) {
        torch::Tensor b;
        a.read("average", average);
        a.read("batches", b);
        batches = b.item<int64_t>();
        if (average.numel() == 0)
            average = torch::Tensor();
    }
};

int check(bool ok, const char *what) {
    if (!ok)
        std::cerr << "runtime_check: " << what << " is wrong" << std::endl;
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::cerr << "usage: runtime_check OUT [--steps N] [--accum K] [--stop-at S DIR] [--resume DIR] "
                     "[--fail-at S]\n";
        return 2;
    }
    const std::string out = argv[1];
    int steps = 12, accum = 1, stopAt = -1, failAt = -1, infAt = -1, skipAt = -1, freezeAt = -1;
    bool byValue = false;
    bool noisy = false, mlp = false, scaling = false;
    std::string stopDir, resumeDir, backend, burstFlag, plan = "overlap";
    long burst = 0;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--steps" && i + 1 < argc)
            steps = std::atoi(argv[++i]);
        else if (a == "--accum" && i + 1 < argc)
            accum = std::atoi(argv[++i]);
        else if (a == "--stop-at" && i + 2 < argc) {
            stopAt = std::atoi(argv[++i]);
            stopDir = argv[++i];
        } else if (a == "--resume" && i + 1 < argc)
            resumeDir = argv[++i];
        else if (a == "--fail-at" && i + 1 < argc)
            failAt = std::atoi(argv[++i]);
        else if (a == "--noise")
            noisy = true;
        else if (a == "--mlp")
            mlp = true;
        else if (a == "--plan" && i + 1 < argc)
            plan = argv[++i];
        else if (a == "--loss-scaling")
            scaling = true;
        else if (a == "--inf-at" && i + 1 < argc)
            infAt = std::atoi(argv[++i]);
        else if (a == "--skip-at" && i + 1 < argc)
            skipAt = std::atoi(argv[++i]);
        else if (a == "--freeze-at" && i + 1 < argc)
            freezeAt = std::atoi(argv[++i]);
        else if (a == "--backend" && i + 1 < argc)
            backend = argv[++i];
        else if (a == "--by-value")
            byValue = true;
        else if (a == "--log-burst" && i + 2 < argc) {
            burst = std::atol(argv[++i]);
            burstFlag = argv[++i];
        }
    }
    trainyard::AcceleratorOptions options;
    options.gradient_accumulation_steps = accum;
    options.timeout = std::chrono::seconds(20);
    if (mlp &&
        plan != "default") { // buckets started while backward runs, on CPU too (the default: CUDA only)
        options.bucket_bytes = options.first_bucket_bytes = 1024;
        options.overlap = true;
        options.gradient_as_bucket_view = plan == "views";
    }
    if (scaling) {
        trainyard::GradScalerOptions scaler;
        scaler.init_scale = 65536;
        scaler.growth_interval = 3;
        options.grad_scaler = scaler;
    }
    if (!backend.empty())
        options.backend = backend;
    trainyard::Accelerator acc(options);
    const int world = acc.num_processes(), rank = acc.process_index();
    const torch::Device dev = acc.device();
    const auto on = [&](const torch::Tensor &t) { return t.to(dev); };
    torch::manual_seed(1000 + uint64_t(rank)); // each rank's own random numbers (noise below)

    int wrong = 0;
    const torch::Tensor gathered = acc.gather(on(torch::full({1}, double(rank), torch::kFloat64)));
    wrong += check(gathered.numel() == world && gathered[world - 1].item<double>() == world - 1, "gather");
    wrong +=
        check(acc.reduce(on(torch::ones({2}))).sum().item<float>() == 2.0f * float(world), "reduce(Sum)");
    wrong += check(acc.reduce(on(torch::full({1}, float(rank))), trainyard::Reduction::Mean).item<float>() ==
                       float(world - 1) / 2.0f,
                   "reduce(Mean)");
    wrong +=
        check(acc.broadcast(on(torch::full({1}, float(rank + 5))), 0).item<float>() == 5.0f, "broadcast");
    trainyard::DistributedSampler sampler(10, acc, true, 7);
    sampler.set_epoch(3);
    const auto mine = sampler.indices();
    const torch::Tensor all = acc.gather(on(torch::tensor(mine)));
    wrong +=
        check(int64_t(mine.size()) == (10 + world - 1) / world && all.numel() == int64_t(mine.size()) * world,
              "sampler sizes");
    if (world <= 10)
        wrong += check(std::get<0>(at::_unique(all)).numel() == 10, "sampler coverage");
    {
        // Under --mixed_precision bf16 (fp16), a matmul inside autocast() computes in bfloat16 (half);
        // outside, in float32.
        const torch::Tensor a = on(torch::randn({2, 4})), b = on(torch::randn({3, 4}));
        torch::ScalarType inside;
        {
            auto guard = acc.autocast();
            inside = torch::nn::functional::linear(a, b).scalar_type();
        }
        const std::string &mp = acc.mixed_precision();
        wrong += check(inside == (mp == "bf16"   ? torch::kBFloat16
                                  : mp == "fp16" ? torch::kHalf
                                                 : torch::kFloat32),
                       "autocast inside");
        wrong +=
            check(torch::nn::functional::linear(a, b).scalar_type() == torch::kFloat32, "autocast after");
    }
    if (wrong)
        return 3;

    // The data: the same on every rank (its own generator), 64 rows of 8 features.
    auto gen = at::make_generator<at::CPUGeneratorImpl>(42);
    const torch::Tensor x = on(torch::randn({64, 8}, gen, torch::kFloat64));
    const torch::Tensor y = on(x.cpu().matmul(torch::linspace(-1, 1, 8, torch::kFloat64)).unsqueeze(1) + 0.5);
    torch::manual_seed(7); // the model's initial values: broadcast from rank 0 anyway
    // Prepared in float32, then cast: the gradient hooks follow the parameters' new accumulators.
    auto model = mlp ? acc.prepare(torch::nn::Sequential(torch::nn::Linear(8, 64), torch::nn::Tanh(),
                                                         torch::nn::Linear(64, 64), torch::nn::Tanh(),
                                                         torch::nn::Linear(64, 1)))
                     : acc.prepare(torch::nn::Sequential(torch::nn::Linear(torch::nn::LinearOptions(8, 1))));
    model->to(torch::kFloat64);
    auto adam = std::make_shared<torch::optim::Adam>(model->parameters(), torch::optim::AdamOptions(0.05));
    // By value, as LibTorch programs hold an optimizer; a scheduler and an object of the program's own.
    torch::optim::SGD sgd(model->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
    torch::optim::StepLR schedule(sgd, 2, 0.5);
    Ema ema;
    torch::optim::Optimizer &optimizer = byValue ? static_cast<torch::optim::Optimizer &>(sgd) : *adam;
    if (byValue) {
        acc.prepare(sgd);
        acc.prepare(schedule);
        acc.register_for_checkpointing(ema);
    } else {
        acc.register_for_checkpointing(adam);
    }
    if (!resumeDir.empty())
        acc.load_state(resumeDir);

    const int64_t globalBatch = 16;
    int64_t skipped = 0;
    for (int64_t step = acc.step(); step < steps; ++step) {
        if (step == failAt && rank == 1) {
            std::cerr << "rank 1 fails at step " << step << std::endl;
            std::exit(7);
        }
        if (step == freezeAt)
            model->parameters()[0].requires_grad_(false);
        for (int micro = 0; micro < accum; ++micro) {
            auto guard = acc.accumulate();
            // This micro-batch's rows of the global batch, then this rank's share of them.
            const int64_t rows = globalBatch / accum;
            const int64_t start = (step * globalBatch + micro * rows) % 64;
            const torch::Tensor idx = on(torch::arange(start + rank, start + rows, world));
            // A little noise from each rank's own generator: a resumed run must continue its sequence.
            // Drawn on the device: under CUDA from the GPU's generator, which the state also saves.
            const auto f64 = torch::TensorOptions(torch::kFloat64).device(dev);
            const torch::Tensor noise =
                noisy ? torch::randn({idx.size(0), 1}, f64) * 1e-3 : torch::zeros({idx.size(0), 1}, f64);
            torch::Tensor loss =
                torch::mse_loss(model->forward(x.index_select(0, idx)), y.index_select(0, idx) + noise);
            if (step == infAt && rank == 1)
                loss = loss * std::numeric_limits<double>::infinity();
            acc.backward(loss);
            if (step != skipAt) {
                acc.step(optimizer);
                if (byValue)
                    acc.step(schedule);
            }
            skipped += acc.sync_gradients() && step != skipAt && acc.optimizer_step_was_skipped();
            if (acc.sync_gradients())
                optimizer.zero_grad();
            if (byValue)
                ema.update(model->parameters());
        }
        acc.log({{"step_done", double(step)}}, step);
        if (step + 1 == stopAt) {
            acc.save_state(stopDir);
            return 0;
        }
    }
    std::ofstream(out + "." + std::to_string(rank) + ".sync")
        << "buckets " << acc.gradient_buckets() << " early " << acc.gradient_buckets_started_early() << '\n';
    std::ofstream(out + "." + std::to_string(rank) + ".scale")
        << "scale " << int64_t(acc.loss_scale()) << " skipped " << skipped << '\n';
    if (byValue) {
        std::ofstream extra(out + "." + std::to_string(rank) + ".extra");
        extra << std::hexfloat << "batches " << ema.batches << " lr "
              << static_cast<torch::optim::SGDOptions &>(sgd.param_groups()[0].options()).lr() << '\n';
        const torch::Tensor avg = ema.average.cpu().contiguous();
        for (int64_t i = 0; i < avg.numel(); ++i)
            extra << avg[i].item<double>() << '\n';
    }
    if (burst > 0) {
        std::ofstream(out + "." + std::to_string(rank) + ".ready") << "ready\n";
        for (int waited = 0; !std::ifstream(burstFlag) && waited < 6000; ++waited)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::chrono::nanoseconds longest{0};
        long slow = 0; // calls over 1 ms
        for (long i = 0; i < burst; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            acc.log({{"burst", double(i)}}, i);
            const auto took = std::chrono::steady_clock::now() - t0;
            longest = std::max<std::chrono::nanoseconds>(longest, took);
            slow += took > std::chrono::milliseconds(1);
        }
        std::ofstream(out + "." + std::to_string(rank) + ".logmax")
            << std::chrono::duration_cast<std::chrono::microseconds>(longest).count() << ' ' << slow << '\n';
        acc.flush_logs();
    }
    std::ofstream f(out + "." + std::to_string(rank));
    f << std::hexfloat;
    for (const auto &p : model->parameters()) {
        const torch::Tensor flat = p.detach().cpu().reshape({-1}).contiguous();
        for (int64_t i = 0; i < flat.numel(); ++i)
            f << flat[i].item<double>() << '\n';
    }
    return 0;
}
