#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang into build-fuzz/ (or $TRAINYARD_BUILD_DIR) and runs each
# for $1 seconds (default 60) from its seed corpus in tests/data. New inputs go to a scratch folder, never into
# the repository. Any crash, sanitizer report, leak-free timeout (>10 s per input) or out-of-memory (>2 GB)
# fails the run; the reproducer is kept as build-fuzz/findings/<target>/crash-* and the run prints its path.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
# A fixed seed by default: CI explores the same inputs on every run (a prefix of what a longer run with this
# seed explores), so a run fails only when the code changed. TRAINYARD_FUZZ_SEED=0 picks a random seed, for
# exploring.
seed="${TRAINYARD_FUZZ_SEED:-1}"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DTRAINYARD_WERROR=ON -DTRAINYARD_FUZZ=ON -DTRAINYARD_GUI=OFF -DTRAINYARD_TORCH=OFF
cmake --build "$build" --parallel "$(nproc)" --target fuzzers
data="$root/tests/data"
declare -A seeds=(
  [fuzz_config]="$data/configs $data/invalid $data/launch $data/fuzz/config"
  [fuzz_frames]="$data/fuzz/frames"
  [fuzz_safetensors]="$data/fuzz/safetensors"
  [fuzz_model_config]="$data/models"
  [fuzz_tfevents]="$data/fuzz/tfevents"
)
declare -A dicts=([fuzz_config]="$root/tests/fuzz/config.dict")
status=0
printf '%-20s %10s %12s %8s %10s  %s\n' target seconds execs execs/s corpus result
for target in fuzz_config fuzz_frames fuzz_safetensors fuzz_model_config fuzz_tfevents; do
  work="$build/findings/$target"
  rm -rf "$work" && mkdir -p "$work/corpus"
  dict=()
  [ -n "${dicts[$target]:-}" ] && dict=("-dict=${dicts[$target]}")
  # shellcheck disable=SC2086
  if ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -seed="$seed" -artifact_prefix="$work/" "${dict[@]}" "$work/corpus" ${seeds[$target]} \
    >"$work/log.txt" 2>&1; then
    result=ok
  else
    result="FAILED (log: $work/log.txt)"
    status=1
    ls "$work"/crash-* "$work"/timeout-* "$work"/oom-* 2>/dev/null || true
    tail -n 40 "$work/log.txt"
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log.txt" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log.txt" | tail -n1)
  corpus=$(find "$work/corpus" -type f | wc -l)
  printf '%-20s %10s %12s %8s %10s  %s\n' "$target" "$seconds" "${execs:-?}" "${rate:-?}" "+$corpus" "$result"
done
exit $status
