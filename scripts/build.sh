#!/usr/bin/env bash
# Configures and builds Trainyard into build/ (or $TRAINYARD_BUILD_DIR), passing any extra CMake options.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build" --parallel "$(nproc)"
