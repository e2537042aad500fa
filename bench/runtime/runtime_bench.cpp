// trainyard-bench runtime's C++ side: an MLP trained with Trainyard's runtime under `trainyard launch`, and
// the all-reduce of 10M floats through its process group. Rank 0 prints one line:
//   runtime steps_per_s=X allreduce_ms=Y buckets=N early=M
// By default the runtime chooses (on CPU: one bucket once backward has ended). --overlap starts buckets while
// backward runs (the default on CUDA); --views keeps the gradients in their bucket's flat buffer
// (gradient_as_bucket_view); --one-bucket is the runtime without overlap whatever the device.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <trainyard/accelerator.h>
#include <vector>

int main(int argc, char **argv) {
    int steps = 30;
    trainyard::AcceleratorOptions options;
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--steps" && i + 1 < argc)
            steps = std::atoi(argv[++i]);
        else if (std::string(argv[i]) == "--one-bucket")
            options.overlap = false;
        else if (std::string(argv[i]) == "--overlap")
            options.overlap = true;
        else if (std::string(argv[i]) == "--views")
            options.gradient_as_bucket_view = true;
    trainyard::Accelerator acc(options);
    torch::manual_seed(uint64_t(acc.process_index()));
    auto model = acc.prepare(torch::nn::Sequential(torch::nn::Linear(512, 1024), torch::nn::ReLU(),
                                                   torch::nn::Linear(1024, 1024), torch::nn::ReLU(),
                                                   torch::nn::Linear(1024, 10)));
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.01));
    const torch::Tensor x = torch::randn({64, 512});
    const torch::Tensor y = torch::randint(0, 10, {64});
    auto once = [&] {
        const torch::Tensor loss = torch::cross_entropy_loss(model->forward(x), y);
        acc.backward(loss);
        acc.step(optimizer);
        optimizer.zero_grad();
    };
    for (int i = 0; i < 5; ++i)
        once();
    acc.wait_for_everyone();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
        once();
    acc.wait_for_everyone();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<double> ms;
    const torch::Tensor big = torch::ones({10'000'000});
    for (int i = 0; i < 7; ++i) {
        acc.wait_for_everyone();
        const auto a = std::chrono::steady_clock::now();
        acc.reduce(big);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(ms.begin(), ms.end());
    if (acc.is_main_process())
        std::printf("runtime steps_per_s=%.3f allreduce_ms=%.3f buckets=%zu early=%zu\n", steps / seconds,
                    ms[ms.size() / 2], acc.gradient_buckets(), acc.gradient_buckets_started_early());
    return 0;
}
