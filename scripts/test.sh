#!/usr/bin/env bash
# Builds (if needed) and runs every test with Qt on the offscreen platform.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build}"
[ -f "$build/build.ninja" ] || "$root/scripts/build.sh"
cmake --build "$build" --parallel "$(nproc)"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build" --output-on-failure --timeout 600
