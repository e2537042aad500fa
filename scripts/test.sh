#!/usr/bin/env bash
# Builds (if needed) and runs every test with Qt on the offscreen platform.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build}"
# The tests need more than building does (test machines, Slurm, LibTorch, ...): installed here if missing.
bash "$root/scripts/install-deps.sh" --all
if [ -f "$build/build.ninja" ]; then
  # Configured again: a tree first built without LibTorch (README's first command) now builds the runtime too.
  cmake -S "$root" -B "$build" >/dev/null
else
  "$root/scripts/build.sh"
fi
cmake --build "$build" --parallel "$(nproc)"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build" --output-on-failure --timeout 600
