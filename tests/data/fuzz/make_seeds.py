#!/usr/bin/env python3
"""Writes the binary seed corpora of tests/fuzz: frames/ (ingest streams and payloads, docs/PROTOCOL.md) and
safetensors/ (small valid and broken files). Run from anywhere; the output is committed."""
import json
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))


def frame(ftype, payload):
    return struct.pack('<IB', len(payload) + 1, ftype) + payload


def hello(run='r', token='t', rank=0):
    return json.dumps({'protocol': 1, 'token': token, 'run': run, 'rank': rank, 'client': 'c'}).encode()


def points(batch, keys, pts):
    out = struct.pack('<QI', batch, len(keys))
    for k in keys:
        kb = k.encode()
        out += struct.pack('<H', len(kb)) + kb
    out += struct.pack('<I', len(pts))
    for key, step, value, wall in pts:
        out += struct.pack('<Iqdq', key, step, value, wall)
    return out


def event(batch, obj):
    return struct.pack('<Q', batch) + json.dumps(obj).encode()


def write(folder, name, data):
    os.makedirs(os.path.join(here, folder), exist_ok=True)
    with open(os.path.join(here, folder, name), 'wb') as f:
        f.write(data)


# frames/: first byte < 128 is a stream of frames; 128 + (0 hello, 1 points, 2 event) one bare payload.
good = points(1, ['loss', 'lr'], [(0, 1, 0.5, 1700000000000), (1, 1, 1e-4, 1700000000000)])
write('frames', 'stream_session', b'\0' + frame(1, hello()) + frame(4, good) +
      frame(6, event(2, {'params': {'lr': 0.001, 'model': 'gpt2'}})) +
      frame(6, event(3, {'log': {'kind': 'stdout', 'text': 'epoch 1'}})))
write('frames', 'stream_partial', b'\0' + frame(1, hello()) + frame(4, good)[:-7])
write('frames', 'stream_oversized', b'\0' + struct.pack('<IB', 0x7fffffff, 4) + b'xx')
write('frames', 'payload_hello', bytes([128]) + hello('run-uid', 'secret', 3))
write('frames', 'payload_points', bytes([129]) + good)
write('frames', 'payload_points_many_keys',
      bytes([129]) + points(7, ['k%d' % i for i in range(64)], [(i, i, float(i), 0) for i in range(64)]))
write('frames', 'payload_points_bad_key', bytes([129]) + points(1, ['a'], [(5, 0, 1.0, 0)]))
write('frames', 'payload_event', bytes([130]) + event(9, {'tags': {'team': 'x'}}))


# safetensors/: an 8-byte little-endian header length, the JSON header, the data.
def safetensors(tensors, metadata=None, pad=b''):
    header = {}
    data = b''
    for name, dtype, shape, width in tensors:
        n = 1
        for d in shape:
            n *= d
        size = n * width
        header[name] = {'dtype': dtype, 'shape': shape, 'data_offsets': [len(data), len(data) + size]}
        data += b'\0' * size
    if metadata:
        header['__metadata__'] = metadata
    h = json.dumps(header).encode()
    return struct.pack('<Q', len(h)) + h + data + pad


write('safetensors', 'tiny_gpt', safetensors([
    ('transformer.wte.weight', 'F16', [16, 4], 2),
    ('transformer.h.0.attn.c_attn.weight', 'F16', [4, 12], 2),
    ('transformer.h.0.mlp.c_fc.weight', 'BF16', [4, 16], 2),
    ('transformer.h.1.ln_1.weight', 'F32', [4], 4),
    ('lm_head.weight', 'F16', [16, 4], 2)], {'format': 'pt'}))
write('safetensors', 'one_scalar', safetensors([('w', 'F64', [], 8)]))
write('safetensors', 'i8_u8_bool', safetensors([('a.b', 'I8', [3], 1), ('a.c', 'U8', [2, 2], 1),
                                                ('d', 'BOOL', [1], 1)]))
write('safetensors', 'truncated', safetensors([('x.y', 'F32', [8], 4)])[:-5])
write('safetensors', 'gap', safetensors([('x', 'F32', [2], 4)], pad=b'1234'))
