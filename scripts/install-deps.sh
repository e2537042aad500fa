#!/usr/bin/env bash
# Installs the Debian packages Trainyard builds, tests and runs its example with. Safe to run again.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config clang-format clang libclang-rt-dev
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev
  libyaml-cpp-dev libsqlite3-dev libprotobuf-dev protobuf-compiler
  python3 python3-torch
  xvfb xauth openssh-client openssh-server iproute2 procps
  slurm-wlm slurmctld slurmd slurm-client munge
  libtorch-dev libgloo-dev
  lintian desktop-file-utils appstream bash-completion man-db debootstrap debian-archive-keyring gpgv
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
