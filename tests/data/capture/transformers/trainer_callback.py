"""Stand-in for transformers.trainer_callback: TrainerState, TrainerCallback, CallbackHandler (call_event passes
model, optimizer, ... and the event's own keywords, logs= for on_log)."""
import dataclasses


@dataclasses.dataclass
class TrainerState:
    epoch: float = None
    global_step: int = 0
    max_steps: int = 0
    is_local_process_zero: bool = True
    is_world_process_zero: bool = True
    log_history: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class TrainerControl:
    should_log: bool = False


class TrainerCallback:
    def on_train_begin(self, args, state, control, **kwargs):
        pass

    def on_log(self, args, state, control, **kwargs):
        pass


class PrinterCallback(TrainerCallback):
    def on_log(self, args, state, control, logs=None, **kwargs):
        logs.pop("total_flos", None)


class CallbackHandler(TrainerCallback):
    def __init__(self, callbacks, model, processing_class, optimizer, lr_scheduler):
        self.callbacks = [c() if isinstance(c, type) else c for c in callbacks]
        self.model = model
        self.processing_class = processing_class
        self.optimizer = optimizer
        self.lr_scheduler = lr_scheduler
        self.train_dataloader = None
        self.eval_dataloader = None

    def add_callback(self, callback):
        self.callbacks.append(callback() if isinstance(callback, type) else callback)

    def on_train_begin(self, args, state, control):
        return self.call_event("on_train_begin", args, state, control)

    def on_log(self, args, state, control, logs):
        control.should_log = False
        return self.call_event("on_log", args, state, control, logs=logs)

    def call_event(self, event, args, state, control, **kwargs):
        for callback in self.callbacks:
            result = getattr(callback, event)(args, state, control, model=self.model,
                                              processing_class=self.processing_class, optimizer=self.optimizer,
                                              lr_scheduler=self.lr_scheduler,
                                              train_dataloader=self.train_dataloader,
                                              eval_dataloader=self.eval_dataloader, **kwargs)
            if result is not None:
                control = result
        return control
