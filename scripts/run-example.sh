#!/usr/bin/env bash
# The main job on a fresh machine: install what Trainyard needs, build it, and launch the bundled example
# (two CPU ranks, DDP over Gloo) through `trainyard launch` with the embedded defaults: the local launcher and
# the run folder under $XDG_DATA_HOME/trainyard (~/.local/share/trainyard).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
cd "$root"
# Debian's PyTorch is installed for the system interpreter; a python3 earlier on PATH may not have it.
exec "$root/build/bin/trainyard" launch --config_file examples/ddp_cpu/accelerate_config.yaml \
  --python /usr/bin/python3 examples/ddp_cpu/train.py "$@"
