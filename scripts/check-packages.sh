#!/usr/bin/env bash
# Installs the packages in dist/ (scripts/package.sh) with apt, checks them as a user would meet them, and purges
# them again: the programs and their --version, the manual pages, shell completion, the Python tracker imported
# by the system python3 outside any launch, the desktop entry and icon, and the bundled example run from the
# installed files.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
debs=("$root"/dist/trainyard_*.deb "$root"/dist/trainyard-studio_*.deb)
runtime=("$root"/dist/trainyard-runtime-dev_*.deb)
[ -e "${runtime[0]}" ] && debs+=("${runtime[@]}")
export DEBIAN_FRONTEND=noninteractive
purge() { $sudo apt-get purge -y -q trainyard trainyard-studio trainyard-runtime-dev >/dev/null 2>&1 || true; }
trap purge EXIT
$sudo apt-get install -y -q --no-install-recommends "${debs[@]}" >/dev/null
fail() { echo "check-packages: $*" >&2; exit 1; }

[ "$(command -v trainyard)" = /usr/bin/trainyard ] || fail "trainyard is not /usr/bin/trainyard"
trainyard --version | grep '^trainyard 0\.' >/dev/null || fail "trainyard --version"
env -u DISPLAY -u WAYLAND_DISPLAY trainyard-studio --version | grep '^trainyard-studio ' >/dev/null ||
  fail "trainyard-studio --version"
man -w trainyard >/dev/null && man -w trainyard-studio >/dev/null || fail "manual pages"
# Completion as bash-completion loads it: a command, a subcommand, a launch flag (read from the installed
# program's --help), a flag's values, and the studio's options.
complete_line() {
  bash -c 'source /usr/share/bash-completion/bash_completion
    source "/usr/share/bash-completion/completions/$1"
    COMP_LINE="$2"; read -ra COMP_WORDS <<<"$2"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_POINT=${#COMP_LINE}
    COMPREPLY=(); "$3"; echo "${COMPREPLY[*]}"' _ "$@"
}
[ "$(complete_line trainyard 'trainyard ru' _trainyard)" = runs ] || fail "completion of commands"
[ "$(complete_line trainyard 'trainyard runs ex' _trainyard)" = export ] || fail "completion of subcommands"
[ "$(complete_line trainyard 'trainyard launch --num_p' _trainyard)" = --num_processes ] ||
  fail "completion of launch flags"
[ "$(complete_line trainyard 'trainyard launch --mixed_precision b' _trainyard)" = bf16 ] ||
  fail "completion of flag values"
[ "$(complete_line trainyard-studio 'trainyard-studio --est' _trainyard_studio)" = --estimate ] ||
  fail "completion of the studio's options"
[ -f /usr/share/applications/io.github.trainyard.Studio.desktop ] || fail "desktop entry"
[ -f /usr/share/icons/hicolor/scalable/apps/io.github.trainyard.Studio.svg ] || fail "icon"
(cd / && env -u PYTHONPATH /usr/bin/python3 -c 'import trainyard_tracker; print(trainyard_tracker.__file__)') |
  grep '^/usr/lib/python3/dist-packages/' >/dev/null || fail "import trainyard_tracker with the system python3"

work="$(mktemp -d)"
examples=/usr/share/trainyard/examples/ddp_cpu
(cd "$work" && env -u PYTHONPATH TRAINYARD_DB="$work/runs.db" HF_HOME="$work/hf" trainyard launch \
  --config_file "$examples/accelerate_config.yaml" --python /usr/bin/python3 "$examples/train.py" \
  --epochs 2 --samples 4000) || fail "the bundled example failed from the installed files"
TRAINYARD_DB="$work/runs.db" trainyard runs list | grep finished >/dev/null || fail "the example's run is not finished"
# The runtime's C++ example, from the installed files: built against the installed CMake package alone, trained
# under the installed launcher.
if [ -e "${runtime[0]}" ]; then
  cmake -S /usr/share/trainyard/examples/ddp_libtorch -B "$work/cpp" -G Ninja >/dev/null ||
    fail "the C++ example does not configure against the installed trainyard-runtime-dev"
  cmake --build "$work/cpp" >/dev/null || fail "the C++ example does not build against trainyard-runtime-dev"
  (cd "$work" && TRAINYARD_DB="$work/runs.db" HF_HOME="$work/hf" trainyard launch --cpu --num_processes 2 \
    --no_python --name cpp "$work/cpp/ddp_libtorch" --epochs 1) || fail "the installed C++ example failed"
  echo "check-packages: the C++ example built against trainyard-runtime-dev and trained"
fi
rm -rf "$work"
purge
trap - EXIT
[ ! -e /usr/bin/trainyard ] || fail "purge left /usr/bin/trainyard"
echo "check-packages: ok"
