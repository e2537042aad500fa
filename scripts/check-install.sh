#!/usr/bin/env bash
# Installs a build tree (default build-release/, configured with -DCMAKE_BUILD_TYPE=Release) into a scratch
# prefix with `cmake --install` and checks the installed files on their own: nothing refers to the source or the
# build tree, the programs answer --version and --help, the Python tracker imports from the installed folder, and
# a launch by the installed `trainyard` of a two-rank script that logs through trainyard_tracker stores every
# point.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-release}"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
fail() { echo "check-install: $*" >&2; exit 1; }

echo "installed:"
(cd "$prefix" && find . -type f | sort | sed 's/^/  /')
for dir in "$root" "$(cd "$build" && pwd)"; do
  if grep -rlF "$dir" "$prefix" >/dev/null; then
    grep -rlF "$dir" "$prefix" >&2
    fail "installed files mention $dir"
  fi
done
"$prefix/bin/trainyard" --version | grep '^trainyard ' >/dev/null || fail "trainyard --version"
"$prefix/bin/trainyard" launch --help | grep -- '--num_processes' >/dev/null || fail "trainyard launch --help"
if [ -x "$prefix/bin/trainyard-studio" ]; then
  env -u DISPLAY -u WAYLAND_DISPLAY "$prefix/bin/trainyard-studio" --version | grep '^trainyard-studio ' >/dev/null ||
    fail "trainyard-studio --version"
fi
pydir="$prefix/lib/python3/dist-packages"
PYTHONPATH="$pydir" /usr/bin/python3 -c 'import trainyard_tracker, sys; sys.exit(0 if trainyard_tracker.__file__.startswith(sys.argv[1]) else 1)' "$pydir" ||
  fail "trainyard_tracker does not import from $pydir"

work="$prefix/work"
mkdir -p "$work"
cat >"$work/log.py" <<'PY'
import os
from trainyard_tracker import TrainyardTracker
t = TrainyardTracker("installed")
for step in range(100):
    t.log({"loss": 1.0 / (step + 1), "rank": float(os.environ["RANK"])}, step=step)
t.finish()
PY
# PYTHONPATH is cleared: the launcher itself must point the ranks at the installed tracker.
env -u PYTHONPATH TRAINYARD_DB="$work/runs.db" HF_HOME="$work/hf" \
  "$prefix/bin/trainyard" launch --cpu --num_processes 2 --python /usr/bin/python3 --name installed "$work/log.py" ||
  fail "the installed launcher's run failed"
# The ranks' own points (the launcher's system/* telemetry comes on top, once a second).
points=$(TRAINYARD_DB="$work/runs.db" "$prefix/bin/trainyard" runs export 1 --format csv | tail -n +2 |
  grep -vc ',system/' || true)
[ "$points" -eq 400 ] || fail "expected 400 points (2 ranks x 2 metrics x 100 steps), found $points"
# The C++ runtime, when the tree built it: the example builds against the installed CMake package alone and
# trains under the installed launcher.
if [ -f "$prefix/lib/cmake/Trainyard/TrainyardConfig.cmake" ] || [ -n "$(find "$prefix" -name TrainyardConfig.cmake)" ]; then
  cmake -S "$root/examples/ddp_libtorch" -B "$work/example" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null ||
    fail "examples/ddp_libtorch does not configure against the installed package"
  cmake --build "$work/example" >/dev/null || fail "examples/ddp_libtorch does not build against the installed package"
  env TRAINYARD_DB="$work/runs.db" HF_HOME="$work/hf" "$prefix/bin/trainyard" launch --cpu --num_processes 2 \
    --no_python --name libtorch "$work/example/ddp_libtorch" --epochs 2 --checkpoint "$work/ckpt" ||
    fail "the example's run failed"
  [ -f "$work/ckpt/step.txt" ] || fail "the example saved no state"
  epochs=$(TRAINYARD_DB="$work/runs.db" "$prefix/bin/trainyard" runs export 2 --format csv | grep -c ',epoch/loss,' || true)
  [ "$epochs" -eq 4 ] || fail "expected 4 epoch/loss points (2 ranks x 2 epochs), found $epochs"
  echo "check-install: the runtime's example built against the installed package and trained ($epochs epoch points)"
fi
echo "check-install: ok ($points points from the installed tracker)"
