#!/usr/bin/env bash
# Installs the packages in dist/ (scripts/package.sh) on a pristine Debian 12: a minimal system made by
# debootstrap in a folder, with nothing of this machine's packages, so that a dependency missing from the
# packages' control files fails here rather than on a user's machine. apt installs the packages the way a user
# does (`apt install ./trainyard_*.deb`: dependencies and recommendations from Debian's archive), then
# scripts/check-packages.sh runs inside that system: the programs, manual pages, completion, the Python tracker,
# the bundled Python example, and the C++ example built against trainyard-runtime-dev.
#
# Needs root (debootstrap, chroot, mounts in a private mount namespace) and Debian's archive. The checker's own
# tools (man-db, bash-completion, and cmake, ninja and g++ for the C++ example) are installed after the
# packages, so that they cannot hide a missing dependency. TRAINYARD_PRISTINE_DIR (default build-pristine) holds
# the system while it runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${TRAINYARD_PRISTINE_DIR:-$root/build-pristine}"
source "$root/scripts/debian-root.sh"
debs=("$root"/dist/*.deb)
[ -e "${debs[0]}" ] || { echo "check-pristine: no packages in dist/ (bash scripts/package.sh)" >&2; exit 1; }

debian_root bookworm "$dir"
mkdir -p "$dir/root/opt/trainyard/dist" "$dir/root/opt/trainyard/scripts"
cp "${debs[@]}" "$dir/root/opt/trainyard/dist/"
cp "$root/scripts/check-packages.sh" "$dir/root/opt/trainyard/scripts/"
in_root "$dir" '
  apt-get update -q >/dev/null
  cd /opt/trainyard
  echo "check-pristine: apt install ./dist/*.deb on a minimal Debian 12"
  apt-get install -y -q ./dist/*.deb >/tmp/apt.log 2>&1 || { tail -30 /tmp/apt.log >&2; exit 1; }
  trainyard --version
  trainyard-studio --version
  apt-get install -y -q --no-install-recommends man-db bash-completion cmake ninja-build g++ >/dev/null 2>&1
  bash scripts/check-packages.sh
'
rm -rf "$dir"
echo "check-pristine: ok"
