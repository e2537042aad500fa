"""Stand-in for accelerate.accelerator (1.x, read at main 16cb6eb): log and init_trackers are wrapped by
Accelerator.on_main_process (an _inner with no functools.wraps that asks PartialState per call)."""
import os

from .state import PartialState
from .tracking import LOGGER_TYPE_TO_CLASS, GeneralTracker


class Accelerator:
    def __init__(self, log_with=None, project_dir=None, **kwargs):
        self.trackers = []
        self.state = PartialState()
        if log_with is None:
            log_with = []
        elif not isinstance(log_with, (list, tuple)):
            log_with = [log_with]
        self.log_with = list(log_with)
        self.logging_dir = project_dir or "."

    @property
    def is_main_process(self):
        return self.state.is_main_process

    @property
    def process_index(self):
        return self.state.process_index

    def on_main_process(self, function=None):
        if function is None:
            function = self

        def _inner(*args, **kwargs):
            return PartialState().on_main_process(function)(*args, **kwargs)

        return _inner

    @on_main_process
    def init_trackers(self, project_name: str, config: dict | None = None, init_kwargs: dict | None = None):
        init_kwargs = init_kwargs or {}
        for tracker in self.log_with:
            if issubclass(type(tracker), GeneralTracker):
                self.trackers.append(tracker)
            else:
                tracker_init = LOGGER_TYPE_TO_CLASS[str(tracker)]
                if tracker_init.requires_logging_directory:
                    self.trackers.append(tracker_init(project_name, self.logging_dir,
                                                      **init_kwargs.get(str(tracker), {})))
                else:
                    self.trackers.append(tracker_init(project_name, **init_kwargs.get(str(tracker), {})))
        for tracker in self.trackers:
            tracker.start()
        if config is not None:
            for tracker in self.trackers:
                tracker.store_init_configuration(config)

    @on_main_process
    def log(self, values: dict, step: int | None = None, log_kwargs: dict | None = None):
        if log_kwargs is None:
            log_kwargs = {}
        for tracker in self.trackers:
            tracker.log(values, step=step, **log_kwargs.get(tracker.name, {}))

    def end_training(self):
        for tracker in self.trackers:
            tracker.finish()

    def wait_for_everyone(self):
        pass
