#!/usr/bin/env bash
# Opens the studio's views with sample data under Xvfb and saves screenshots in docs/screenshots/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build}"
out="$root/docs/screenshots"
mkdir -p "$out"
export XDG_CONFIG_HOME="$(mktemp -d)"  # no recent files or window state of the user's
run() { xvfb-run -a -s "-screen 0 1280x800x24" "$build/bin/trainyard-studio" "$@"; }
run "$root/tests/data/configs/latest_fsdp.yaml" --screenshot "$out/config-editor.png"
run "$root/tests/data/invalid/yaml11_traps.yaml" --screenshot "$out/config-diagnostics.png"
echo "screenshots in $out"
