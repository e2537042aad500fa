"""Stand-in for accelerate.state (1.x): PartialState.on_main_process decides per call."""
import os


class PartialState:
    initialized = True

    def __init__(self):
        self.process_index = int(os.environ.get("RANK", "0"))
        self.num_processes = int(os.environ.get("WORLD_SIZE", "1"))

    @property
    def is_main_process(self):
        return self.process_index == 0

    @property
    def use_distributed(self):
        return self.num_processes > 1

    def on_main_process(self, function):
        if self.is_main_process or not self.use_distributed:
            return function
        return lambda *args, **kwargs: None
