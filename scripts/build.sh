#!/usr/bin/env bash
# Configures and builds Trainyard into build/ (or $TRAINYARD_BUILD_DIR), passing any extra CMake options.
# Warnings in the project's own code are errors here (a developer's and CI's build).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRAINYARD_WERROR=ON "$@"
cmake --build "$build" --parallel "$(nproc)"
