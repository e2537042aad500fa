#!/usr/bin/env bash
# Times README's first command (`bash scripts/run-example.sh`: install what building and running need, build,
# launch the bundled example) on a fresh Debian 12 made by debootstrap, as a new user's machine would be. The
# debootstrap is not counted; the downloads from Debian's archive, the build and the example are. Needs root.
#   scripts/time-first-command.sh [DIR]    (default build-first/; the root is left there for a look)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$root/build-first}"
# shellcheck source=debian-root.sh
source "$root/scripts/debian-root.sh"
debian_root bookworm "$dir"
mkdir -p "$dir/root/src"
git -C "$root" archive HEAD | tar -x -C "$dir/root/src"
start=$(date +%s)
in_root "$dir" 'cd /src && bash scripts/run-example.sh --epochs 1' \
  >"$dir/first-command.log" 2>&1 || { tail -30 "$dir/first-command.log" >&2; exit 1; }
end=$(date +%s)
tail -5 "$dir/first-command.log"
echo "first command: $((end - start)) s on a fresh Debian 12 ($(nproc) cores)"
