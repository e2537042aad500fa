# An ordinary transformers Trainer script: it knows nothing of Trainyard.
import sys

from transformers import Trainer, TrainingArguments

args = TrainingArguments(output_dir=sys.argv[1], learning_rate=0.001, logging_steps=2, report_to=["tensorboard"])
trainer = Trainer(model=lambda x: 1.0 / (x + 1.0), args=args, train_dataset=[float(i) for i in range(20)])
trainer.train()
trainer.evaluate()
print("done", args.process_index)
