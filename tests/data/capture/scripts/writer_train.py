# An ordinary script that writes TensorBoard through a SummaryWriter: it knows nothing of Trainyard. argv[1]:
# torch (torch.utils.tensorboard) or tensorboardX. With argv[2], a marker file: after the first points are
# written and flushed, the script waits (up to 60 s) for it to appear before it goes on.
import os
import sys
import time

if sys.argv[1] == "torch":
    from torch.utils.tensorboard import SummaryWriter
else:
    from tensorboardX import SummaryWriter

rank = int(os.environ.get("RANK", "0"))
writer = SummaryWriter()
for step in range(30):
    writer.add_scalar("loss", rank + 1.0 / (step + 1), step)
    writer.add_scalars("lr", {"group0": 0.1 * step, "group1": 0.2 * step}, step)
    if step == 9 and len(sys.argv) > 2:
        writer.flush()
        deadline = time.time() + 60
        while not os.path.exists(sys.argv[2]) and time.time() < deadline:
            time.sleep(0.1)
writer.add_hparams({"lr": 0.1, "batch_size": 32}, {"hp/final": 0.5 + rank})
writer.close()
print("done", rank)
