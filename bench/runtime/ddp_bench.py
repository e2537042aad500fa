# trainyard-bench runtime's Python side: the same MLP and data sizes under PyTorch's own
# DistributedDataParallel (Gloo), and torch.distributed's all-reduce of 10M floats. Rank 0 prints one line:
#   python steps_per_s=X allreduce_ms=Y
import sys, time
import torch, torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

steps = int(sys.argv[sys.argv.index("--steps") + 1]) if "--steps" in sys.argv else 30
dist.init_process_group("gloo")
rank = dist.get_rank()
torch.manual_seed(rank)
model = DistributedDataParallel(torch.nn.Sequential(torch.nn.Linear(512, 1024), torch.nn.ReLU(),
                                                    torch.nn.Linear(1024, 1024), torch.nn.ReLU(),
                                                    torch.nn.Linear(1024, 10)))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
x = torch.randn(64, 512)
y = torch.randint(0, 10, (64,))

def once():
    loss = torch.nn.functional.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()

for _ in range(5):
    once()
dist.barrier()
t0 = time.perf_counter()
for _ in range(steps):
    once()
dist.barrier()
seconds = time.perf_counter() - t0
ms = []
big = torch.ones(10_000_000)
for _ in range(7):
    dist.barrier()
    a = time.perf_counter()
    dist.all_reduce(big.clone())
    ms.append((time.perf_counter() - a) * 1000)
ms.sort()
if rank == 0:
    print(f"python steps_per_s={steps / seconds:.3f} allreduce_ms={ms[len(ms) // 2]:.3f}", flush=True)
dist.destroy_process_group()
