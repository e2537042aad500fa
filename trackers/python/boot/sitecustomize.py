"""Trainyard's start-up hook for the Python ranks it launches (this folder is on their PYTHONPATH only, never
installed where every Python would load it).

It registers faulthandler on SIGUSR1, so that the launcher can ask a rank for every thread's stack (on its
watchdog, or when asked: `kill -USR1 LAUNCHER_PID`); the stacks are appended to the file named by
TRAINYARD_STACK_FILE, in the run folder. A line "trainyard: pid PID ready" tells the launcher that this process
handles the signal (a process that does not would be killed by it). The variable is removed, so processes the
rank starts do not register again.

Under a launch (TRAINYARD_TRACKER set) and unless `--no-capture` (TRAINYARD_CAPTURE=0), it installs the capture
hook (_trainyard_capture.py): what the script gives accelerate, Trainer, Lightning or a SummaryWriter is recorded
in the run with no change to the script.

Then the sitecustomize module this one hides, if any, runs as it would have. Nothing here may break the rank:
every failure is ignored.
"""

import os
import sys


def _register_stack_dumps():
    path = os.environ.pop("TRAINYARD_STACK_FILE", "")
    if not path:
        return
    try:
        import faulthandler
        import signal

        # The run folder's files are its user's alone (0600), whatever the rank's umask.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        stream = os.fdopen(fd, "a", buffering=1, encoding="utf-8")
        faulthandler.register(signal.SIGUSR1, file=stream, all_threads=True, chain=False)
        stream.write("trainyard: pid %d ready\n" % os.getpid())
        globals()["_trainyard_stack_stream"] = stream  # kept open for the process' lifetime
    except Exception:  # noqa: BLE001 - a rank must start whatever happens here
        pass


def _install_capture():
    if not os.environ.get("TRAINYARD_TRACKER") or os.environ.get("TRAINYARD_CAPTURE", "1") == "0":
        return
    try:
        import _trainyard_capture

        _trainyard_capture.install()
    except Exception:  # noqa: BLE001 - a rank must start whatever happens here
        pass


def _run_hidden_sitecustomize():
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        try:
            if os.path.abspath(entry or os.curdir) == here:
                continue
            candidate = os.path.join(entry or os.curdir, "sitecustomize.py")
            if not os.path.isfile(candidate):
                continue
            import importlib.util

            spec = importlib.util.spec_from_file_location("_trainyard_hidden_sitecustomize", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        except Exception:  # noqa: BLE001
            pass
        return


_register_stack_dumps()
_install_capture()
_run_hidden_sitecustomize()
