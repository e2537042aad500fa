#!/usr/bin/env bash
# The LibTorch runtime against LibTorch 2.x: Debian 12 has LibTorch 1.13, where the process groups derive from
# c10d::ProcessGroup; from 2.0 Gloo and NCCL derive from c10d::Backend, the autocast API takes a device type
# (2.4) and TCPStore asks for libuv (2.4). Debian 13 (trixie) has LibTorch 2.6 (CPU): this script makes a
# minimal trixie by debootstrap in a folder, installs its libtorch-dev, libgloo-dev and a compiler there, and
# runs `scripts/gpu-check.sh --cpu` in it: engine/runtime built on its own (no Qt) against 2.6, then its
# collectives, training against one process, the overlap, loss scaling, bf16 and the example, with Gloo on CPU.
# Needs root and Debian's archive; TRAINYARD_TORCH2_DIR (default build-torch2) holds the system while it runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${TRAINYARD_TORCH2_DIR:-$root/build-torch2}"
source "$root/scripts/debian-root.sh"

debian_root trixie "$dir"
mkdir -p "$dir/root/opt/src"
# The tree as git sees it (tracked and new files, nothing ignored): no build output goes in.
(cd "$root" && git ls-files -co --exclude-standard -z | tar --null -cf - -T -) | tar -xf - -C "$dir/root/opt/src"
in_root "$dir" '
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends libtorch-dev libgloo-dev cmake ninja-build g++ python3 \
    >/tmp/apt.log 2>&1 || { tail -30 /tmp/apt.log >&2; exit 1; }
  echo "check-torch2: LibTorch $(dpkg-query -W -f="\${Version}" libtorch-dev) from Debian 13"
  cd /opt/src
  TRAINYARD_BUILD_DIR=/opt/build bash scripts/gpu-check.sh --cpu
'
rm -rf "$dir"
echo "check-torch2: ok"
