#!/usr/bin/env bash
# The main job on a fresh machine: install what Trainyard needs, build it, and launch the bundled example
# (two CPU ranks, DDP over Gloo) through `trainyard launch` with the embedded defaults: the local launcher and
# the run folder under $XDG_DATA_HOME/trainyard (~/.local/share/trainyard).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/install-deps.sh"
# The programs only (the CLI, the studio and what they load): the tests, benchmarks and fuzzers are built by
# scripts/test.sh, which also installs what they need.
build="${TRAINYARD_BUILD_DIR:-$root/build}"
[ -f "$build/build.ninja" ] ||
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRAINYARD_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target trainyard trainyard-studio
cd "$root"
# Debian's PyTorch is installed for the system interpreter; a python3 earlier on PATH may not have it.
exec "$build/bin/trainyard" launch --config_file examples/ddp_cpu/accelerate_config.yaml \
  --python /usr/bin/python3 examples/ddp_cpu/train.py "$@"
