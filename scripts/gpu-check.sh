#!/usr/bin/env bash
# The LibTorch runtime on a GPU: builds engine/runtime on its own (no Qt) against a CUDA LibTorch 2.x (a pip
# torch's torch.utils.cmake_prefix_path, NCCL's header from its nvidia-nccl wheel) and runs, with ranks started
# here the way `trainyard launch` starts them (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR/PORT):
#   1. NCCL with one rank: runtime_check's collectives, sampler and training through a one-rank NCCL group, bit
#      for bit what the same run without a process group ends with;
#   2. Gloo with CUDA tensors on two ranks (sharing the GPUs round robin): the replicas identical, and equal
#      (within float rounding) to one process on the whole batch; with the 3-layer MLP, buckets all-reduced
#      while backward runs; a run saved and resumed (each GPU's random state with it) ends bit for bit where
#      the uninterrupted one ends;
#   3. fp16 under autocast with dynamic loss scaling, and bf16 under autocast through NCCL;
#   4. NCCL with one rank per GPU when there are two or more;
#   5. examples/ddp_libtorch on the GPU, checkpointed and resumed.
# Prints one line per check and "gpu-check: ok" at the end; any failure stops it with the check's output.
# PYTHON (default python3) is the Python whose torch is used; the build goes to build-gpu (TRAINYARD_BUILD_DIR).
#
# `gpu-check.sh --cpu` runs the same script where there is no GPU (LibTorch found by CMake as usual, Gloo on CPU
# where NCCL would be, the NCCL-only checks left out): a rehearsal of the script itself, so that the first GPU
# it meets is not spent on a mistake in it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build-gpu}"
python="${PYTHON:-python3}"
fail() { echo "gpu-check: $*" >&2; exit 1; }
cpu=0
[ "${1:-}" = --cpu ] && cpu=1

if [ $cpu = 1 ]; then
  torch_version="(CMake's LibTorch)" gpus=0 prefix="" nccl=gloo
  export ACCELERATE_USE_CPU=true
  echo "gpu-check: --cpu: a rehearsal on the CPU, Gloo where NCCL would be"
else
  "$python" -c 'import torch' 2>/dev/null || fail "$python has no torch (a CUDA build of PyTorch 2.x is needed)"
  read -r torch_version cuda_ok gpus prefix < <("$python" -c '
import torch
print(torch.__version__, int(torch.cuda.is_available()), torch.cuda.device_count(), torch.utils.cmake_prefix_path)')
  [ "$cuda_ok" = 1 ] || fail "torch $torch_version sees no CUDA device"
  nccl=nccl
fi
nccl_include=""
[ $cpu = 1 ] || nccl_include="$("$python" -c '
import os
try:
    import nvidia.nccl
    print(os.path.join(list(nvidia.nccl.__path__)[0], "include"))
except ImportError:
    print("")' 2>/dev/null || true)"
echo "gpu-check: torch $torch_version, $gpus GPU(s), nccl.h in ${nccl_include:-(searched by CMake)}"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null | sed 's/^/gpu-check: GPU /' || true

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$root/engine/runtime" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  ${prefix:+-DCMAKE_PREFIX_PATH="$prefix"} ${nccl_include:+-DNCCL_INCLUDE_DIR="$nccl_include"} \
  >"$build.configure.log" 2>&1 ||
  { tail -40 "$build.configure.log" >&2; fail "configuring engine/runtime against torch $torch_version failed"; }
[ $cpu = 1 ] || grep -q 'NCCL on CUDA devices' "$build.configure.log" ||
  { tail -20 "$build.configure.log" >&2; fail "the runtime was configured without NCCL"; }
cmake --build "$build" --parallel "$(nproc)" >"$build.build.log" 2>&1 ||
  { grep -m 20 -A 5 'error' "$build.build.log" >&2; fail "building engine/runtime failed"; }
echo "gpu-check: built engine/runtime, runtime_check and examples/ddp_libtorch"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=$((29500 + RANDOM % 2000))
# ranks N ENV... -- PROGRAM ARGS...: N ranks on this machine, as the launcher starts them; fails when one does.
ranks() {
  local n="$1"
  shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  port=$((port + 1))
  local pids=()
  for ((r = 0; r < n; r++)); do
    env "${envs[@]}" RANK=$r LOCAL_RANK=$r WORLD_SIZE="$n" LOCAL_WORLD_SIZE="$n" GROUP_RANK=0 \
      MASTER_ADDR=127.0.0.1 MASTER_PORT=$port "$@" >"$work/rank$r.log" 2>&1 &
    pids+=($!)
  done
  local status=0
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  if [ $status -ne 0 ]; then
    for ((r = 0; r < n; r++)); do sed "s/^/[rank $r] /" "$work/rank$r.log" >&2; done
  fi
  return $status
}
same() { cmp -s "$work/$1" "$work/$2" || fail "$3: $1 and $2 differ"; }
close() { # close A B: every value within 1e-9 (relative)
  "$python" - "$work/$1" "$work/$2" <<'EOF' || fail "$3: $1 and $2 are not within 1e-9"
import sys
a = [float.fromhex(l) for l in open(sys.argv[1]) if l.strip()]
b = [float.fromhex(l) for l in open(sys.argv[2]) if l.strip()]
sys.exit(0 if a and len(a) == len(b) and all(abs(x - y) <= 1e-9 * (1 + abs(y)) for x, y in zip(a, b)) else 1)
EOF
}
check="$build/tests/runtime_check"
[ -x "$check" ] || check="$(find "$build" -name runtime_check -type f -perm -u+x | head -1)"
example="$(find "$build" -name ddp_libtorch -type f -perm -u+x | head -1)"

# 1. NCCL, one rank, against no process group at all.
ranks 1 -- "$check" "$work/plain" || fail "runtime_check without a process group failed on the GPU"
ranks 1 -- "$check" "$work/nccl1" --backend $nccl || fail "runtime_check with a one-rank $nccl group failed"
same plain.0 nccl1.0 "$nccl with one rank"
echo "gpu-check: $nccl, 1 rank: collectives, sampler and training match the run without a group"

# 2. Gloo with CUDA tensors, two ranks, against one process on the whole batch.
ranks 2 -- "$check" "$work/gloo2" --backend gloo || fail "Gloo with CUDA tensors on 2 ranks failed"
same gloo2.0 gloo2.1 "Gloo with CUDA tensors: the replicas"
close gloo2.0 plain.0 "Gloo with CUDA tensors against one process"
ranks 1 -- "$check" "$work/mlp1" --mlp || fail "the MLP on one rank failed"
ranks 2 -- "$check" "$work/mlp2" --mlp --backend gloo || fail "the MLP on 2 Gloo ranks failed"
close mlp2.0 mlp1.0 "the MLP over 2 Gloo ranks with CUDA tensors"
grep -q '^buckets 3 early 3$' "$work/mlp2.0.sync" || fail "buckets did not start during backward: $(cat "$work/mlp2.0.sync")"
echo "gpu-check: Gloo, 2 ranks, device tensors: replicas identical, equal to one process, 3 of 3 buckets during backward"
# The saved state on the GPU: each rank's noise comes from its GPU's generator, which the state must restore.
ranks 2 -- "$check" "$work/whole" --noise --backend gloo || fail "the run with noise failed"
ranks 2 -- "$check" "$work/first" --noise --backend gloo --stop-at 5 "$work/state" || fail "the run to step 5 failed"
ranks 2 -- "$check" "$work/rest" --noise --backend gloo --resume "$work/state" || fail "the resumed run failed"
same rest.0 whole.0 "resumed from the saved state (rank 0)"
same rest.1 whole.1 "resumed from the saved state (rank 1)"
echo "gpu-check: saved at step 5 and resumed, both ranks end bit for bit where the uninterrupted run ends"

# 3. Mixed precision on the GPU: fp16 (autocast in half, loss scaling, an inf on rank 1 skipped on both ranks)
# and bf16. (fp16 needs CUDA: on the CPU, loss scaling alone.)
if [ $cpu = 1 ]; then
  ranks 2 -- "$check" "$work/fp16" --backend $nccl --loss-scaling --inf-at 4 || fail "loss scaling failed"
else
  ranks 2 ACCELERATE_MIXED_PRECISION=fp16 -- "$check" "$work/fp16" --backend gloo --inf-at 4 ||
    fail "fp16 on 2 ranks failed"
fi
grep -q 'skipped 1$' "$work/fp16.0.scale" || fail "the step with an inf was not skipped: $(cat "$work/fp16.0.scale")"
same fp16.0 fp16.1 "fp16: the replicas"
ranks 1 ACCELERATE_MIXED_PRECISION=bf16 -- "$check" "$work/bf16" --backend $nccl || fail "bf16 through $nccl failed"
echo "gpu-check: fp16 and loss scaling ($(cat "$work/fp16.0.scale")), bf16 under autocast through $nccl"

# 4. NCCL with one rank per GPU.
if [ "$gpus" -ge 2 ]; then
  ranks 2 -- "$check" "$work/nccl2" || fail "NCCL on 2 GPUs failed"
  same nccl2.0 nccl2.1 "NCCL on 2 GPUs: the replicas"
  close nccl2.0 plain.0 "NCCL on 2 GPUs against one process"
  echo "gpu-check: NCCL, 2 ranks on 2 GPUs: replicas identical, equal to one process"
else
  echo "gpu-check: NCCL with 2 ranks needs 2 GPUs; this machine has $gpus (Gloo covered 2 ranks above)"
fi

# 5. The example on the GPU, checkpointed after each epoch, then resumed for one more.
(cd "$work" && ranks 1 -- "$example" --epochs 2 --checkpoint "$work/ckpt") || fail "examples/ddp_libtorch failed"
(cd "$work" && ranks 1 -- "$example" --epochs 3 --resume "$work/ckpt") || fail "the resumed example failed"
grep -q 'epoch 2: mean loss' "$work/rank0.log" || fail "the resumed example did not train epoch 2"
echo "gpu-check: examples/ddp_libtorch trained on the device, saved and resumed ($(grep 'epoch 2' "$work/rank0.log"))"
echo "gpu-check: ok"
