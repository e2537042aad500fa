"""Trainyard's capture of what a script already logs, with no change to the script (loaded by sitecustomize in
the ranks `trainyard launch` starts, unless --no-capture).

What is recorded, each point with this process' RANK, through one TrainyardTracker of this process:
- accelerate: Accelerator.log(values, step) on the main process, whatever log_with is (none included);
  Accelerator.init_trackers(project_name, config): config as the run's parameters, project_name as its project.
- transformers: what Trainer.log hands its callbacks (CallbackHandler.on_log: loss, learning_rate, eval_*,
  epoch, ...) at state.global_step, on the world's process zero; TrainingArguments (to_sanitized_dict) as
  parameters when training begins.
- Lightning (lightning.pytorch and pytorch_lightning): what self.log / log_dict hand the loggers
  (_LoggerConnector.log_metrics, at the step Lightning gives them), on global rank zero; the hyperparameters
  _log_hyperparams gives the loggers.
- torch.utils.tensorboard and tensorboardX SummaryWriter: add_scalar (tag), add_scalars (main_tag/tag),
  add_hparams (parameters, and the metrics at global_step).

One value is recorded once: while one of these calls runs, the calls it makes in turn (accelerate's
TensorBoardTracker writing through a SummaryWriter, Lightning's TensorBoardLogger, a TrainyardTracker given to
accelerate) are not recorded again. Event files that a captured SummaryWriter writes are named to the launcher
(a "capture" line in the run's log), which then leaves them to this hook instead of following them too.

The libraries are patched when the script imports them (a finder on sys.meta_path that only looks at their
module names). A method a version lacks is left alone. Nothing here may break or slow the rank: every failure
is caught, counted, and said once in the run's log (and the count again at exit).
"""

import atexit
import importlib.abc
import os
import sys
import threading
import time

_state = threading.local()
_tracker = None
_tracker_pid = None
_failures = {"count": 0, "said": False}
_lock = threading.Lock()


def suppressed():
    """True while a captured call runs on this thread (TrainyardTracker asks, so as not to count twice)."""
    return getattr(_state, "depth", 0) > 0


class _Inside:
    def __enter__(self):
        _state.depth = getattr(_state, "depth", 0) + 1

    def __exit__(self, *exc):
        _state.depth -= 1
        return False


def _sender():
    global _tracker, _tracker_pid
    with _lock:
        if _tracker is None or _tracker_pid != os.getpid():
            from trainyard_tracker import TrainyardTracker

            _tracker = TrainyardTracker(_capture=True)
            _tracker_pid = os.getpid()
        return _tracker


def _failed(where, exc):
    _failures["count"] += 1
    if _failures["said"]:
        return
    _failures["said"] = True
    try:
        sender = _sender()
        # Registered after the tracker's own finish: at exit it runs first, while the tracker still sends.
        atexit.register(_say_count)
        sender._put(("log", {"kind": "capture", "text": "error: %s: %s: %s; counted, the rank goes on"
                                % (where, type(exc).__name__, exc), "wall_ms": int(time.time() * 1000)}))
    except Exception:  # noqa: BLE001
        pass


def _say_count():
    if _failures["count"] > 1:
        try:
            _sender()._put(("log", {"kind": "capture", "text": "error: %d failures in all inside the capture hook"
                                    % _failures["count"], "wall_ms": int(time.time() * 1000)}))
        except Exception:  # noqa: BLE001
            pass


def _log(where, values, step):
    try:
        if not isinstance(values, dict) or not values:
            return
        if step is not None:
            try:
                step = int(step)
            except Exception:  # noqa: BLE001 - a step that is not a number: none
                step = None
        clean = {}
        for k, v in values.items():
            if isinstance(v, bool) or v is None or isinstance(v, (str, bytes, dict, list, tuple)):
                continue
            if not isinstance(v, (int, float)):
                if not hasattr(v, "item"):
                    continue
                try:
                    if hasattr(v, "numel") and v.numel() != 1:
                        continue
                    v = v.item()
                except Exception:  # noqa: BLE001
                    continue
            clean[str(k)] = v
        if clean:
            _sender().log(clean, step=step)
    except Exception as e:  # noqa: BLE001
        _failed(where, e)


def _params(where, values):
    try:
        if values is None:
            return
        if not isinstance(values, dict):
            values = dict(values)
        if values:
            _sender().store_init_configuration({str(k): _param_value(v) for k, v in values.items()})
    except Exception as e:  # noqa: BLE001
        _failed(where, e)


def _param_value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def _tag(where, tags):
    try:
        _sender()._put(("tags", dict(tags)))
    except Exception as e:  # noqa: BLE001
        _failed(where, e)


def _note_event_dir(where, logdir):
    try:
        if logdir:
            _sender()._put(("log", {"kind": "capture", "text": "tensorboard " + os.path.abspath(str(logdir)),
                                    "wall_ms": int(time.time() * 1000)}))
    except Exception as e:  # noqa: BLE001
        _failed(where, e)


def _wrap(owner, name, before):
    """Replaces owner.name by a function that calls before(*args, **kwargs) (outside any captured call only),
    then the original with nested captures off. Returns False when the version has no such method."""
    original = getattr(owner, name, None)
    if original is None or getattr(original, "_trainyard_wrapped", False):
        return False

    def wrapper(*args, **kwargs):
        if not suppressed():
            try:
                before(*args, **kwargs)
            except Exception as e:  # noqa: BLE001
                _failed("%s.%s" % (getattr(owner, "__name__", owner), name), e)
        with _Inside():
            return original(*args, **kwargs)

    wrapper._trainyard_wrapped = True
    wrapper.__name__ = getattr(original, "__name__", name)
    wrapper.__doc__ = getattr(original, "__doc__", None)
    wrapper.__wrapped__ = original
    setattr(owner, name, wrapper)
    return True


def _arg(args, kwargs, index, name, default=None):
    if name in kwargs:
        return kwargs[name]
    return args[index] if len(args) > index else default


# --- accelerate ---------------------------------------------------------------------------------------------
def _is_main(accelerator):
    try:
        return bool(accelerator.is_main_process)
    except Exception:  # noqa: BLE001 - no state yet: accelerate itself would refuse; record nothing
        return False


def _patch_accelerate(module):
    cls = getattr(module, "Accelerator", None)
    if cls is None:
        return

    def log(self, *args, **kwargs):  # log(self, values, step=None, log_kwargs=None)
        if _is_main(self):
            _log("accelerate", _arg(args, kwargs, 0, "values"), _arg(args, kwargs, 1, "step"))

    def init_trackers(self, *args, **kwargs):  # init_trackers(self, project_name, config=None, init_kwargs=None)
        if not _is_main(self):
            return
        project = _arg(args, kwargs, 0, "project_name")
        if project:
            _tag("accelerate", {"project": str(project)})
        _params("accelerate", _arg(args, kwargs, 1, "config"))

    _wrap(cls, "log", log)
    _wrap(cls, "init_trackers", init_trackers)


# --- transformers -------------------------------------------------------------------------------------------
def _patch_transformers(module):
    cls = getattr(module, "CallbackHandler", None)
    if cls is None:
        return

    def on_log(self, *args, **kwargs):  # on_log(self, args, state, control, logs)
        state = _arg(args, kwargs, 1, "state")
        if state is not None and not getattr(state, "is_world_process_zero", True):
            return
        _log("transformers", _arg(args, kwargs, 3, "logs"), getattr(state, "global_step", None))

    def on_train_begin(self, *args, **kwargs):  # on_train_begin(self, args, state, control)
        state = _arg(args, kwargs, 1, "state")
        if state is not None and not getattr(state, "is_world_process_zero", True):
            return
        training_args = _arg(args, kwargs, 0, "args")
        for method in ("to_sanitized_dict", "to_dict"):
            if hasattr(training_args, method):
                _params("transformers", getattr(training_args, method)())
                return

    _wrap(cls, "on_log", on_log)
    _wrap(cls, "on_train_begin", on_train_begin)


# --- Lightning ----------------------------------------------------------------------------------------------
def _is_global_zero(trainer):
    try:
        return bool(trainer.is_global_zero)
    except Exception:  # noqa: BLE001
        return True


def _patch_lightning_connector(module):
    cls = getattr(module, "_LoggerConnector", None)
    if cls is None:
        return

    def log_metrics(self, *args, **kwargs):  # log_metrics(self, metrics, step=None)
        trainer = getattr(self, "trainer", None)
        if trainer is not None and not _is_global_zero(trainer):
            return
        metrics = _arg(args, kwargs, 0, "metrics")
        if not isinstance(metrics, dict) or not metrics:
            return
        metrics = dict(metrics)
        step = _arg(args, kwargs, 1, "step")
        if step is None:  # as Lightning picks it for its loggers
            given = metrics.pop("step", None)
            if given is not None:
                step = given
            elif trainer is not None:
                metrics.setdefault("epoch", getattr(trainer, "current_epoch", None))
                try:
                    step = trainer.fit_loop.epoch_loop._batches_that_stepped
                except Exception:  # noqa: BLE001
                    step = getattr(trainer, "global_step", None)
        _log("lightning", metrics, step)

    _wrap(cls, "log_metrics", log_metrics)


def _lightning_hparams(trainer):
    module = getattr(trainer, "lightning_module", None)
    if module is None:
        return None
    hparams = dict(getattr(module, "hparams_initial", None) or {})
    datamodule = getattr(trainer, "datamodule", None)
    if datamodule is not None:
        for k, v in dict(getattr(datamodule, "hparams_initial", None) or {}).items():
            hparams.setdefault(k, v)
    hparams.pop("_class_path", None)
    return hparams


def _patch_lightning_hparams(module):
    def log_hyperparams(*args, **kwargs):  # _log_hyperparams(trainer)
        trainer = _arg(args, kwargs, 0, "trainer")
        if trainer is None or not _is_global_zero(trainer):
            return
        _params("lightning", _lightning_hparams(trainer))

    # The trainer module imported the function by name: both names are patched.
    _wrap(module, "_log_hyperparams", log_hyperparams)


# --- TensorBoard writers ------------------------------------------------------------------------------------
def _patch_summary_writer(module):
    cls = getattr(module, "SummaryWriter", None)
    if cls is None:
        return

    original_init = cls.__init__
    if not getattr(original_init, "_trainyard_wrapped", False):

        def __init__(self, *args, **kwargs):
            original_init(self, *args, **kwargs)
            # Whoever writes through it (the script, accelerate's or Lightning's TensorBoard logger, the child
            # writer of add_hparams), its scalars are captured here: the launcher leaves its files alone.
            _note_event_dir("SummaryWriter", getattr(self, "log_dir", None) or getattr(self, "logdir", None))

        __init__._trainyard_wrapped = True
        __init__.__wrapped__ = original_init
        cls.__init__ = __init__

    def add_scalar(self, *args, **kwargs):  # add_scalar(tag, scalar_value, global_step=None, ...)
        tag = _arg(args, kwargs, 0, "tag")
        _log("SummaryWriter", {tag: _arg(args, kwargs, 1, "scalar_value")}, _arg(args, kwargs, 2, "global_step"))

    def add_scalars(self, *args, **kwargs):  # add_scalars(main_tag, tag_scalar_dict, global_step=None, ...)
        main = _arg(args, kwargs, 0, "main_tag")
        values = _arg(args, kwargs, 1, "tag_scalar_dict") or {}
        _log("SummaryWriter", {"%s/%s" % (main, k): v for k, v in dict(values).items()},
             _arg(args, kwargs, 2, "global_step"))

    def add_hparams(self, *args, **kwargs):  # add_hparams(hparam_dict, metric_dict, ..., global_step=None)
        _params("SummaryWriter", _arg(args, kwargs, 0, "hparam_dict"))
        _log("SummaryWriter", _arg(args, kwargs, 1, "metric_dict"), kwargs.get("global_step"))

    _wrap(cls, "add_scalar", add_scalar)
    _wrap(cls, "add_scalars", add_scalars)
    _wrap(cls, "add_hparams", add_hparams)


_PATCHES = {
    "accelerate.accelerator": _patch_accelerate,
    "transformers.trainer_callback": _patch_transformers,
    "lightning.pytorch.trainer.connectors.logger_connector.logger_connector": _patch_lightning_connector,
    "pytorch_lightning.trainer.connectors.logger_connector.logger_connector": _patch_lightning_connector,
    "lightning.pytorch.loggers.utilities": _patch_lightning_hparams,
    "pytorch_lightning.loggers.utilities": _patch_lightning_hparams,
    "lightning.pytorch.trainer.trainer": _patch_lightning_hparams,
    "pytorch_lightning.trainer.trainer": _patch_lightning_hparams,
    "torch.utils.tensorboard.writer": _patch_summary_writer,
    "tensorboardX.writer": _patch_summary_writer,
}


def _apply(name, module):
    try:
        _PATCHES[name](module)
    except Exception as e:  # noqa: BLE001
        _failed(name, e)


class _Loader(importlib.abc.Loader):
    def __init__(self, name, loader):
        self._name = name
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _apply(self._name, module)


class _Finder(importlib.abc.MetaPathFinder):
    """Patches the modules in _PATCHES once they are loaded; every other import passes straight through."""

    def find_spec(self, fullname, path, target=None):
        if fullname not in _PATCHES or getattr(_state, "finding", False):
            return None
        _state.finding = True
        try:
            import importlib.util

            spec = importlib.util.find_spec(fullname)
        except Exception:  # noqa: BLE001
            return None
        finally:
            _state.finding = False
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        spec.loader = _Loader(fullname, spec.loader)
        return spec


def install():
    sys.meta_path.insert(0, _Finder())
    for name in _PATCHES:  # already imported (a sitecustomize before ours)
        if name in sys.modules:
            _apply(name, sys.modules[name])
