# Many ranks, many series: every rank writes 50 tags x 100 steps through a SummaryWriter (stand-in torch).
import os

from torch.utils.tensorboard import SummaryWriter

rank = int(os.environ.get("RANK", "0"))
writer = SummaryWriter(log_dir=os.path.join("runs", "rank%d" % rank))
for step in range(100):
    for k in range(50):
        writer.add_scalar("metric_%02d" % k, rank * 1000 + k + step / 1000.0, step)
writer.close()
print("done", rank)
