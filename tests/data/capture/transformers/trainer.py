"""Stand-in for transformers.trainer: Trainer.log adds epoch, keeps log_history and hands the logs to the
callbacks on every process (they check state.is_world_process_zero); a report_to of "tensorboard" adds a
callback writing through SummaryWriter, as transformers' TensorBoardCallback does."""
import os

from .trainer_callback import CallbackHandler, PrinterCallback, TrainerCallback, TrainerControl, TrainerState

DEFAULT_CALLBACKS = []


class TensorBoardCallback(TrainerCallback):
    def __init__(self):
        self.tb_writer = None

    def on_train_begin(self, args, state, control, **kwargs):
        if state.is_world_process_zero and self.tb_writer is None:
            from torch.utils.tensorboard import SummaryWriter

            self.tb_writer = SummaryWriter(log_dir=os.path.join(args.output_dir, "tb"))

    def on_log(self, args, state, control, logs=None, **kwargs):
        if self.tb_writer is not None:
            for k, v in logs.items():
                if isinstance(v, (int, float)):
                    self.tb_writer.add_scalar(k, v, state.global_step)
            self.tb_writer.flush()


class Trainer:
    def __init__(self, model=None, args=None, train_dataset=None, eval_dataset=None, callbacks=None):
        self.model = model
        self.args = args
        self.train_dataset = train_dataset or []
        self.state = TrainerState()
        self.state.is_world_process_zero = args.process_index == 0
        self.control = TrainerControl()
        default_callbacks = DEFAULT_CALLBACKS + ([TensorBoardCallback] if "tensorboard" in args.report_to else [])
        callbacks = default_callbacks if callbacks is None else default_callbacks + callbacks
        self.callback_handler = CallbackHandler(callbacks, self.model, None, None, None)
        self.callback_handler.add_callback(PrinterCallback)

    def log(self, logs, start_time=None):
        if self.state.epoch is not None:
            logs["epoch"] = self.state.epoch
        output = {**logs, **{"step": self.state.global_step}}
        self.state.log_history.append(output)
        self.control = self.callback_handler.on_log(self.args, self.state, self.control, logs)

    def train(self):
        steps = len(self.train_dataset)
        self.state.max_steps = steps
        self.control = self.callback_handler.on_train_begin(self.args, self.state, self.control)
        total = 0.0
        for i, example in enumerate(self.train_dataset):
            loss = self.model(example)
            total += loss
            self.state.global_step = i + 1
            self.state.epoch = (i + 1) / steps
            if self.state.global_step % self.args.logging_steps == 0:
                self.log({"loss": loss, "grad_norm": abs(loss) * 2, "learning_rate": self.args.learning_rate})
        self.log({"train_runtime": 0.5, "train_loss": total / steps, "total_flos": 1e12, "note": "not a number"})
        return total / steps

    def evaluate(self):
        metrics = {"eval_loss": 0.25, "eval_accuracy": 0.875}
        self.log(metrics)
        return metrics
