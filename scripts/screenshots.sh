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
# A run with two ranks' losses (a spike on rank 1), imported into a database of its own, in the run dashboard.
db="$(mktemp -d)/trainyard.db"
python3 - "$db.jsonl" <<'PY'
import json, math, sys
with open(sys.argv[1], "w") as out:
    out.write(json.dumps({"type": "run", "name": "sample-run", "created_ms": 1790000000000}) + "\n")
    for rank in (0, 1):
        for step in range(20000):
            loss = 2.5 * math.exp(-step / 4000) + 0.3 + 0.05 * math.sin(step / 37 + rank)
            if rank == 1 and step == 12345:
                loss = 4.0
            out.write(json.dumps({"type": "point", "rank": rank, "key": "loss", "step": step, "value": loss}) + "\n")
            if step % 100 == 0:
                out.write(json.dumps({"type": "point", "rank": rank, "key": "lr", "step": step,
                                      "value": 3e-4 * min(1, step / 2000)}) + "\n")
PY
id=$(TRAINYARD_DB="$db" "$build/bin/trainyard" runs import "$db.jsonl" | sed -n 's/.* as run \([^ ]*\) .*/\1/p')
TRAINYARD_DB="$db" run --run "$id" --screenshot "$out/run-dashboard.png"
echo "dashboard screenshot of run $id"
run --estimate "$root/tests/data/models/llama-2-7b" --screenshot "$out/memory-view.png"
echo "screenshots in $out"
