// A small real training program for `trainyard launch --no_python`: a two-layer network learns a noisy
// sine wave. Each rank trains on its shard of the data (DistributedSampler), gradients are averaged across
// ranks, the loss goes into Trainyard's run database, and the state is saved after every epoch so that
// --resume DIR continues where a run stopped.
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <string>
#include <trainyard/accelerator.h>

int main(int argc, char **argv) {
    int epochs = 3;
    std::string checkpoint, resume;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--epochs" && i + 1 < argc)
            epochs = std::atoi(argv[++i]);
        else if (a == "--checkpoint" && i + 1 < argc)
            checkpoint = argv[++i];
        else if (a == "--resume" && i + 1 < argc)
            resume = argv[++i];
    }
    trainyard::Accelerator accelerator;
    torch::manual_seed(0);
    const int64_t samples = 4096;
    const torch::Tensor cpuX = torch::linspace(-3.14159, 3.14159, samples).unsqueeze(1);
    const torch::Tensor cpuY = torch::sin(cpuX) + 0.05 * torch::randn({samples, 1});
    // The data where the model is: this rank's GPU under CUDA, else the CPU.
    const torch::Tensor x = cpuX.to(accelerator.device()), y = cpuY.to(accelerator.device());

    auto model = accelerator.prepare(
        torch::nn::Sequential(torch::nn::Linear(1, 64), torch::nn::Tanh(), torch::nn::Linear(64, 1)));
    auto optimizer =
        std::make_shared<torch::optim::Adam>(model->parameters(), torch::optim::AdamOptions(1e-2));
    accelerator.register_for_checkpointing(optimizer);
    if (!resume.empty())
        accelerator.load_state(resume);

    trainyard::DistributedSampler sampler(samples, accelerator, /*shuffle=*/true, /*seed=*/42);
    const int64_t batch = 64;
    const int64_t startEpoch = accelerator.step() / int64_t((sampler.size() + batch - 1) / batch);
    for (int64_t epoch = startEpoch; epoch < epochs; ++epoch) {
        sampler.set_epoch(epoch);
        const auto indices = sampler.indices();
        double total = 0;
        int64_t batches = 0;
        for (size_t start = 0; start < indices.size(); start += batch) {
            const auto end = std::min(indices.size(), start + size_t(batch));
            const torch::Tensor idx = torch::tensor(std::vector<int64_t>(indices.begin() + long(start),
                                                                         indices.begin() + long(end)))
                                          .to(accelerator.device());
            torch::Tensor loss;
            {
                auto autocast = accelerator.autocast(); // --mixed_precision bf16 / fp16
                loss = torch::mse_loss(model->forward(x.index_select(0, idx)), y.index_select(0, idx));
            }
            accelerator.backward(loss);
            accelerator.clip_grad_norm_(1.0);
            accelerator.step(*optimizer);
            optimizer->zero_grad();
            total += loss.item<double>();
            ++batches;
            accelerator.log({{"train/loss", loss.item<double>()}}, accelerator.step());
        }
        const double mean = accelerator
                                .reduce(torch::tensor(total / double(batches)).to(accelerator.device()),
                                        trainyard::Reduction::Mean)
                                .item<double>();
        accelerator.log({{"epoch/loss", mean}}, epoch);
        accelerator.print("epoch " + std::to_string(epoch) + ": mean loss " + std::to_string(mean));
        if (!checkpoint.empty())
            accelerator.save_state(checkpoint);
    }
    accelerator.flush_logs();
    return 0;
}
