"""Trainyard's bundled example: a small classifier trained with DistributedDataParallel over Gloo on CPU.

The data is generated here from a fixed seed (nothing is downloaded): points in 16 dimensions labelled by a
fixed random two-layer "teacher" network. Every rank trains on its own shard; gradients are all-reduced by DDP.
Launch it with:  trainyard launch --config_file examples/ddp_cpu/accelerate_config.yaml examples/ddp_cpu/train.py
"""
import argparse
import os
import time

import torch
import torch.distributed as dist

try:  # on the PYTHONPATH of every rank that `trainyard launch` starts
    from trainyard_tracker import TrainyardTracker
except ImportError:
    TrainyardTracker = None
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as DDP


def make_teacher(dim, classes):
    g = torch.Generator().manual_seed(2024)
    return torch.randn(dim, 64, generator=g), torch.randn(64, classes, generator=g)


def make_data(n, teacher, seed):
    w1, w2 = teacher
    x = torch.randn(n, w1.shape[0], generator=torch.Generator().manual_seed(seed))
    y = torch.argmax(torch.tanh(x @ w1) @ w2, dim=1)
    return x, y


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--samples", type=int, default=40000)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=0.05)
    args = parser.parse_args()

    rank = int(os.environ.get("RANK", "0"))
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world > 1:
        dist.init_process_group("gloo")  # env:// rendezvous from MASTER_ADDR / MASTER_PORT
    torch.manual_seed(0)
    threads = int(os.environ.get("OMP_NUM_THREADS", "1"))
    torch.set_num_threads(max(1, threads))

    teacher = make_teacher(16, 4)
    x, y = make_data(args.samples, teacher, seed=1234)
    x_val, y_val = make_data(4000, teacher, seed=4321)
    shard = torch.arange(rank, args.samples, world)  # this rank's share of the data
    x, y = x[shard], y[shard]

    tracker = TrainyardTracker("ddp-cpu-example") if TrainyardTracker else None
    if tracker:
        tracker.store_init_configuration(vars(args))
    model = nn.Sequential(nn.Linear(16, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 4))
    if world > 1:
        model = DDP(model)
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    steps_per_epoch = (len(x) + args.batch_size - 1) // args.batch_size
    start = time.time()
    step = 0
    for epoch in range(args.epochs):
        perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(epoch))
        total = 0.0
        for i in range(steps_per_epoch):
            idx = perm[i * args.batch_size:(i + 1) * args.batch_size]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            total += loss.item()
            step += 1
            if tracker:
                tracker.log({"loss": loss.item()}, step=step)
        mean = torch.tensor([total / steps_per_epoch])
        if world > 1:
            dist.all_reduce(mean)
            mean /= world
        with torch.no_grad():
            acc = (model(x_val).argmax(dim=1) == y_val).float().mean().item()
        if tracker:
            tracker.log({"epoch_loss": mean.item(), "val_acc": acc}, step=step)
        if rank == 0:
            print(f"epoch {epoch + 1}/{args.epochs} step {step} loss {mean.item():.4f} "
                  f"val_acc {acc:.3f} elapsed {time.time() - start:.1f}s", flush=True)

    # Every rank must hold the same weights after DDP training.
    flat = torch.cat([p.detach().flatten() for p in model.parameters()])
    check = torch.tensor([flat.sum().item()])
    if world > 1:
        gathered = [torch.zeros(1) for _ in range(world)]
        dist.all_gather(gathered, check)
        if rank == 0:
            spread = max(g.item() for g in gathered) - min(g.item() for g in gathered)
            print(f"weights identical on all {world} ranks: {spread == 0.0}", flush=True)
            if spread != 0.0:
                raise SystemExit("ranks diverged")
        dist.destroy_process_group()
    if tracker:
        tracker.finish()


if __name__ == "__main__":
    main()
