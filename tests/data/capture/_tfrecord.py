"""Writes TensorBoard event files: TFRecord framing with masked CRC-32C, Event/Summary protobuf by hand."""
import os
import socket
import struct
import time

_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _TABLE.append(_c)


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked(data):
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def _varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field(number, wire, payload):
    return _varint((number << 3) | wire) + payload


def _bytes_field(number, data):
    return _field(number, 2, _varint(len(data)) + data)


def event(wall_time, step=None, summary=None, file_version=None):
    out = _field(1, 1, struct.pack("<d", wall_time))
    if step is not None:
        out += _field(2, 0, _varint(step))
    if file_version is not None:
        out += _bytes_field(3, file_version.encode())
    if summary is not None:
        out += _bytes_field(5, summary)
    return out


def scalar_summary(tag, value):
    v = _bytes_field(1, tag.encode()) + _field(2, 5, struct.pack("<f", value))
    return _bytes_field(1, v)


def record(data):
    head = struct.pack("<Q", len(data))
    return head + struct.pack("<I", masked(head)) + data + struct.pack("<I", masked(data))


class EventWriter:
    """One events.out.tfevents file, named as tensorboard names it (time, host, pid, a counter)."""

    counter = 0

    def __init__(self, logdir, suffix=""):
        os.makedirs(logdir, exist_ok=True)
        EventWriter.counter += 1
        name = "events.out.tfevents.%010d.%s.%s.%s%s" % (time.time(), socket.gethostname(), os.getpid(),
                                                          EventWriter.counter, suffix)
        self.path = os.path.join(logdir, name)
        self.file = open(self.path, "wb")
        self.file.write(record(event(time.time(), file_version="brain.Event:2")))
        self.file.flush()

    def scalar(self, tag, value, step):
        self.file.write(record(event(time.time(), step or 0, scalar_summary(tag, float(value)))))

    def flush(self):
        self.file.flush()

    def close(self):
        self.file.close()
