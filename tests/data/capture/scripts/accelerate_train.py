# An ordinary accelerate training script: it knows nothing of Trainyard.
import sys

from accelerate import Accelerator

log_with = sys.argv[1] if len(sys.argv) > 1 else ""
if log_with == "trainyard":  # a script that also gives accelerate Trainyard's own tracker
    from trainyard_tracker import TrainyardTracker

    log_with = TrainyardTracker("acc-project")
accelerator = Accelerator(log_with=log_with or None)
accelerator.init_trackers("acc-project", config={"lr": 0.01, "epochs": 3, "model": "mlp"})
for step in range(50):
    accelerator.log({"loss": 1.0 / (step + 1), "accuracy": step / 50.0, "phase": "train", "nested": {"a": 1}},
                    step=step)
accelerator.end_training()
print("done", accelerator.process_index)
