#!/usr/bin/env bash
# Installs the Debian packages Trainyard needs. Safe to run again (only what is missing is installed).
#   install-deps.sh          what building Trainyard and running it need (README's first command)
#   install-deps.sh --all    that, and what the tests, the fuzzers and sanitizers, the LibTorch runtime,
#                            packaging and CI need (README's test command and .ci/run)
set -euo pipefail
# Building and running: compilers, Qt, QCustomPlot, yaml-cpp, SQLite, libpq (PostgreSQL's client), protobuf (TensorBoard event files), the
# Python side of the bundled example (Debian's PyTorch), the SSH client for launches on other machines.
run_packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev
  libyaml-cpp-dev libsqlite3-dev libpq-dev libprotobuf-dev protobuf-compiler
  python3 python3-torch openssh-client procps
)
# Tests and CI: formatting and clang's sanitizer runtimes, git (a run records its code's commit), a PostgreSQL
# server (a private one per test run), Optuna (the
# sweeps' bayes method), the offscreen GUI's X server for screenshots, test machines (sshd in network namespaces)
# and a one-machine Slurm cluster, LibTorch for the C++ runtime, and the Debian packaging checks (lintian, a
# pristine Debian root by debootstrap).
test_packages=(
  clang-format clang libclang-rt-dev git python3-optuna postgresql
  xvfb xauth openssh-server iproute2
  slurm-wlm slurmctld slurmd slurm-client munge
  libtorch-dev libgloo-dev
  lintian desktop-file-utils appstream bash-completion man-db debootstrap debian-archive-keyring gpgv
)
packages=("${run_packages[@]}")
case "${1:-}" in
  --all) packages+=("${test_packages[@]}") ;;
  "") ;;
  *) echo "usage: install-deps.sh [--all]" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
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
