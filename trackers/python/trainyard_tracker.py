"""Trainyard's metrics tracker for Python training scripts (standard library only).

Use it on its own:

    from trainyard_tracker import TrainyardTracker
    tracker = TrainyardTracker("my-run")
    tracker.store_init_configuration({"lr": 3e-4})
    tracker.log({"loss": 0.5}, step=10)
    tracker.finish()

or with accelerate, which accepts it as a GeneralTracker:

    Accelerator(log_with=TrainyardTracker("my-run"))

Under `trainyard launch` every rank streams its points to the launcher's ingest server (TRAINYARD_TRACKER,
TRAINYARD_TRACKER_TOKEN, TRAINYARD_RUN_ID), tagged with its RANK; a batch counts as stored only once the server
acknowledges it, and batches are re-sent after a lost connection. Outside a Trainyard launch the points go to a
JSONL file that `trainyard runs import FILE` loads.

Points wait in a bounded buffer (TRAINYARD_TRACKER_BUFFER points, default 1,000,000) for a background thread that
sends them in batches. When the buffer is full, one log() call waits at most one second in all for room, then
drops the points that did not fit and counts them; the count is printed at once and again at finish(). The
training loop is never held up for longer than that.

A bad call raises ValueError in the caller and sends nothing of it: a key that is empty or longer than 65,535
bytes in UTF-8, a step outside -2^63..2^63-1. Values that are not numbers are skipped, as accelerate's trackers
do. finish() waits for the server to acknowledge every point (TRAINYARD_TRACKER_FINISH_TIMEOUT seconds, default
120) and says on stderr how many points were not acknowledged if it gives up.
"""

import atexit
import json
import os
import queue
import socket
import struct
import sys
import threading
import time
import uuid

try:  # accelerate's base class, when accelerate is installed, so that Accelerator(log_with=...) accepts us
    from accelerate.tracking import GeneralTracker as _Base
except Exception:  # noqa: BLE001 - any import problem means: work without accelerate
    _Base = object

PROTOCOL = 1
_HELLO, _WELCOME, _ERROR, _POINTS, _ACK, _EVENT = 1, 2, 3, 4, 5, 6
_POINT = struct.Struct("<Iqdq")  # key index, step, value, wall time in ms
_BATCH_POINTS = 4096
_MAX_KEY_BYTES = 65535
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def _captured():
    """True inside a call that the launch's capture hook records (accelerate's log, a Trainer callback, ...)."""
    hook = sys.modules.get("_trainyard_capture")
    return hook is not None and hook.suppressed()


class TrackerRejected(Exception):
    """The ingest server refused this client (wrong token, unknown run, malformed data)."""


def _frame(kind, payload):
    return struct.pack("<IB", len(payload) + 1, kind) + payload


class _Connection:
    """One authenticated socket to the ingest server."""

    def __init__(self, host, port, token, run, rank, client):
        self.sock = socket.create_connection((host, port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        hello = json.dumps({"protocol": PROTOCOL, "token": token, "run": run, "rank": rank, "client": client})
        self.sock.sendall(_frame(_HELLO, hello.encode()))
        kind, payload = self.read()
        if kind != _WELCOME:
            raise ConnectionError("unexpected reply to HELLO")
        self.last_batch = json.loads(payload).get("last_batch", 0)

    def read(self):
        header = self._exactly(5)
        length, kind = struct.unpack("<IB", header)
        payload = self._exactly(length - 1)
        if kind == _ERROR:
            raise TrackerRejected("trainyard ingest server: " + payload.decode(errors="replace"))
        return kind, payload

    def _exactly(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("the ingest server closed the connection")
            data += chunk
        return data

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class TrainyardTracker(_Base):
    """A metrics tracker with accelerate's GeneralTracker interface."""

    name = "trainyard"
    requires_logging_directory = False
    main_process_only = False  # every rank may log; its points carry its rank

    def __init__(self, run_name=None, logging_dir=None, **kwargs):
        if _Base is not object:
            super().__init__()
        # The launch's capture hook sends through a tracker of its own; any other tracker leaves to the hook
        # what it already recorded (this tracker given to accelerate, whose log() the hook captured).
        self._capture = bool(kwargs.get("_capture", False))
        self.run_name = run_name or os.environ.get("TRAINYARD_RUN_NAME") or "run"
        self.rank = int(os.environ.get("RANK", "0"))
        self.dropped = 0
        self._queue = queue.Queue(maxsize=int(os.environ.get("TRAINYARD_TRACKER_BUFFER", "1000000")))
        self._finished = False
        self._error = None
        self._unacked_points = 0  # sent, not yet acknowledged
        self._counts = {}  # batch number -> points in it, until acknowledged
        address = os.environ.get("TRAINYARD_TRACKER")
        if address:
            host, _, port = address.rpartition(":")
            self._target = (host, int(port), os.environ.get("TRAINYARD_TRACKER_TOKEN", ""),
                            os.environ.get("TRAINYARD_RUN_ID", ""))
            self.jsonl_path = None
        else:
            self._target = None
            folder = logging_dir or os.environ.get("TRAINYARD_TRACKER_DIR") or "trainyard_runs"
            os.makedirs(folder, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            self.jsonl_path = os.path.join(folder, f"{self.run_name}-{stamp}-rank{self.rank}.jsonl")
        self._thread = threading.Thread(target=self._run, name="trainyard-tracker", daemon=True)
        self._thread.start()
        if run_name and self._target is not None and run_name != os.environ.get("TRAINYARD_RUN_NAME"):
            # The project name the script gave: a launch without --name is called after it.
            self._put(("tags", {"project": str(run_name)}))
        atexit.register(self.finish)

    # --- GeneralTracker interface ---------------------------------------------------------------------------
    @property
    def tracker(self):
        return self

    def start(self):
        pass

    def store_init_configuration(self, values):
        if not self._capture and _captured():
            return
        self._put(("params", {str(k): v for k, v in (values or {}).items()}))

    def log(self, values, step=None, **kwargs):
        if not self._capture and _captured():
            return
        now = int(time.time() * 1000)
        step = int(step) if step is not None else -1
        if not _INT64_MIN <= step <= _INT64_MAX:
            raise ValueError(f"trainyard_tracker: step {step} is outside the 64-bit range")
        points = []
        for key, value in values.items():
            key = str(key)
            size = len(key.encode("utf-8", "surrogatepass"))
            if size == 0 or size > _MAX_KEY_BYTES:
                raise ValueError(f"trainyard_tracker: metric key of {size} bytes (1 to {_MAX_KEY_BYTES} allowed)")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                if hasattr(value, "item"):  # a 0-d tensor or numpy scalar
                    try:
                        value = value.item()
                    except Exception:  # noqa: BLE001
                        continue
                else:
                    continue
            try:
                value = float(value)
            except (OverflowError, TypeError, ValueError):
                continue
            points.append(("point", key, step, value, now))
        # One deadline for the whole call: a full buffer holds up training for at most a second per call.
        deadline = time.monotonic() + 1.0
        for i, point in enumerate(points):
            if not self._put(point, deadline):
                self._drop(len(points) - i)
                break

    def finish(self):
        if self._finished:
            return
        self._finished = True
        self._queue.put(("finish",))
        self._thread.join(timeout=float(os.environ.get("TRAINYARD_TRACKER_FINISH_TIMEOUT", "120")))
        if self._thread.is_alive():
            waiting = self._queue.qsize() + self._unacked_points
            print(f"trainyard_tracker: gave up waiting for the server; {waiting} points were not acknowledged and "
                  "may be missing from the run", file=sys.stderr)
        if self.dropped:
            print(f"trainyard_tracker: dropped {self.dropped} points (the buffer was full)", file=sys.stderr)
        if self._error:
            print(f"trainyard_tracker: {self._error}", file=sys.stderr)

    # --- internals -------------------------------------------------------------------------------------------
    def _put(self, item, deadline=None):
        if self._finished:
            return True
        try:
            if deadline is None:
                self._queue.put(item, timeout=1.0)
            else:
                self._queue.put(item, timeout=max(0.0, deadline - time.monotonic()))
            return True
        except queue.Full:
            if deadline is None:
                self._drop(1)
            return False

    def _drop(self, n):
        if self.dropped == 0:
            print("trainyard_tracker: the buffer is full; points are being dropped (see finish())", file=sys.stderr)
        self.dropped += n

    def _take(self, first_wait):
        """A batch of items: the first waits up to first_wait seconds, the rest are what is queued now."""
        items = []
        try:
            items.append(self._queue.get(timeout=first_wait))
            while len(items) < _BATCH_POINTS:
                items.append(self._queue.get_nowait())
        except queue.Empty:
            pass
        return items

    def _run(self):
        try:
            if self._target is None:
                self._run_jsonl()
            else:
                self._run_socket()
        except Exception as e:  # noqa: BLE001 - never raised into training, but said at once
            self._error = str(e)
            print(f"trainyard_tracker: {e}; the run's further points are not sent", file=sys.stderr)
            self._discard_rest()

    def _discard_rest(self):
        """After a fatal error: counts what is logged from now on as dropped, so finish() reports it."""
        while True:
            try:
                item = self._queue.get(timeout=0.5)
            except queue.Empty:
                if self._finished:
                    return
                continue
            if item[0] == "finish":
                return
            if item[0] == "point":
                self.dropped += 1

    def _run_jsonl(self):
        with open(self.jsonl_path, "a", encoding="utf-8") as out:
            out.write(json.dumps({"type": "run", "name": self.run_name, "rank": self.rank,
                                  "created_ms": int(time.time() * 1000)}) + "\n")
            done = False
            while not done:
                for item in self._take(0.5):
                    if item[0] == "finish":
                        done = True
                    elif item[0] == "params":
                        out.write(json.dumps({"type": "params", "params": item[1]}, default=str) + "\n")
                    elif item[0] in ("tags", "log"):
                        pass
                    else:
                        _, key, step, value, wall = item
                        out.write(json.dumps({"type": "point", "rank": self.rank, "key": key, "step": step,
                                              "value": value, "wall_ms": wall}) + "\n")
                out.flush()

    def _encode_points(self, batch_no, points):
        keys, index = [], {}
        body = bytearray()
        for key, step, value, wall in points:
            i = index.get(key)
            if i is None:
                i = index[key] = len(keys)
                keys.append(key.encode())
            body += _POINT.pack(i, step, value, wall)
        head = bytearray(struct.pack("<QI", batch_no, len(keys)))
        for k in keys:
            head += struct.pack("<H", len(k)) + k
        head += struct.pack("<I", len(points))
        return _frame(_POINTS, bytes(head + body))

    def _run_socket(self):
        host, port, token, run = self._target
        client = uuid.uuid4().hex
        unacked = {}  # batch number -> frame, until acknowledged
        next_batch = 1
        conn = None
        done = False
        said_dropped = 0  # the drop count the server last heard

        def event(body):
            nonlocal next_batch
            payload = struct.pack("<Q", next_batch) + json.dumps(body, default=str).encode()
            unacked[next_batch] = _frame(_EVENT, payload)
            self._send(conn, unacked[next_batch])
            next_batch += 1

        while not done or unacked:
            if conn is None:
                conn = self._connect(host, port, token, run, client, unacked)
            if not done:
                items = self._take(0.2)
                points = []
                finishing = False
                for item in items:
                    if item[0] == "finish":
                        finishing = True
                    elif item[0] in ("params", "tags", "log"):
                        event({item[0]: item[1]})
                    else:
                        points.append(item[1:])
                if points:
                    unacked[next_batch] = self._encode_points(next_batch, points)
                    self._counts[next_batch] = len(points)
                    self._unacked_points += len(points)
                    try:
                        conn.sock.sendall(unacked[next_batch])
                    except OSError:
                        conn.close()
                        conn = None
                    next_batch += 1
                # The run's record says what this tracker dropped (a full buffer) and that it finished, so a
                # run that lost points never reads as plainly complete.
                if finishing:
                    event({"finish": {"dropped": self.dropped}})
                    done = True
                elif self.dropped != said_dropped:
                    said_dropped = self.dropped
                    event({"dropped": said_dropped})
            try:
                # Keep a few batches in flight; wait for all of them at the end.
                while conn is not None and unacked and (len(unacked) > 4 or done):
                    kind, payload = conn.read()
                    if kind == _ACK:
                        (acked,) = struct.unpack("<Q", payload)
                        for b in [b for b in unacked if b <= acked]:
                            del unacked[b]
                            self._unacked_points -= self._counts.pop(b, 0)
            except OSError:
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()

    def _send(self, conn, frame):
        if conn is None:
            return  # sent after reconnecting
        try:
            conn.sock.sendall(frame)
        except OSError:
            pass  # re-sent after reconnecting

    def _connect(self, host, port, token, run, client, unacked):
        """Connects (retrying for up to a minute) and re-sends what the server has not stored."""
        deadline = time.time() + 60
        while True:
            try:
                conn = _Connection(host, port, token, run, self.rank, client)
                for b in sorted(unacked):
                    if b <= conn.last_batch:
                        del unacked[b]
                        self._unacked_points -= self._counts.pop(b, 0)
                for b in sorted(unacked):
                    conn.sock.sendall(unacked[b])
                return conn
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)
