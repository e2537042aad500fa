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
# Two runs with two ranks' losses each (a spike on rank 1), imported into a database of their own: one in the run
# dashboard with smoothing, both compared.
db="$(mktemp -d)/trainyard.db"
python3 - "$db" <<'PY'
import json, math, random, sys
config = "compute_environment: LOCAL_MACHINE\ndistributed_type: MULTI_GPU\nnum_processes: 2\nmixed_precision: %s\n"
for n, (name, lr, decay, precision) in enumerate([("sample-run", 3e-4, 4000, "bf16"), ("lower-lr", 1e-4, 7000, "'no'")]):
    rng = random.Random(n)
    with open(f"{sys.argv[1]}.{n}.jsonl", "w") as out:
        out.write(json.dumps({"type": "run", "name": name, "created_ms": 1790000000000 + n,
                              "config": config % precision}) + "\n")
        out.write(json.dumps({"type": "params", "params": {"lr": lr, "batch_size": 64, "model": "mlp"}}) + "\n")
        for rank in (0, 1):
            for step in range(20000):
                loss = 2.5 * math.exp(-step / decay) + 0.3 + 0.08 * rng.gauss(0, 1) + 0.02 * rank
                if n == 0 and rank == 1 and step == 12345:
                    loss = 4.0
                out.write(json.dumps({"type": "point", "rank": rank, "key": "loss", "step": step, "value": loss,
                                      "wall_ms": 1790000000000 + step * 50}) + "\n")
                if step % 100 == 0:
                    out.write(json.dumps({"type": "point", "rank": rank, "key": "lr", "step": step,
                                          "value": lr * min(1, step / 2000)}) + "\n")
                if step % 20 == 0:  # the launcher's telemetry, once a second
                    t = step // 20
                    for key, value in (("system/cpu_percent", 95 + 4 * rng.random() - 10 * rank),
                                       ("system/rss_bytes", 2.1e9 + 1e6 * t + 3e8 * rank)):
                        out.write(json.dumps({"type": "point", "rank": rank, "key": key, "step": t + 1,
                                              "value": value, "wall_ms": 1790000000000 + step * 50}) + "\n")
PY
ids=()
for n in 0 1; do
  ids+=("$(TRAINYARD_DB="$db" "$build/bin/trainyard" runs import "$db.$n.jsonl" | sed -n 's/.* as run \([^ ]*\) .*/\1/p')")
done
TRAINYARD_DB="$db" run --run "${ids[0]}" --smoothing 0.9 --screenshot "$out/run-dashboard.png"
TRAINYARD_DB="$db" run --compare "${ids[0]},${ids[1]}" --smoothing 0.9 --screenshot "$out/run-compare.png"
echo "dashboard and comparison screenshots of runs ${ids[*]}"
run --estimate "$root/tests/data/models/llama-2-7b" --screenshot "$out/memory-view.png"
echo "screenshots in $out"
