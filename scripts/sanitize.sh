#!/usr/bin/env bash
# Builds the headless tree (engine, trackers, CLI and their tests) under AddressSanitizer + UndefinedBehavior-
# Sanitizer into build-asan/ (or $TRAINYARD_BUILD_DIR) and runs every test there; any report fails the run.
# Leak checking stays off: Qt's one-time allocations at exit are not defects of ours.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export TRAINYARD_BUILD_DIR="${TRAINYARD_BUILD_DIR:-$root/build-asan}"
bash "$root/scripts/build.sh" -DTRAINYARD_GUI=OFF -DTRAINYARD_TORCH=OFF -DTRAINYARD_SANITIZE=address,undefined \
  -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1"
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  bash "$root/scripts/test.sh"
