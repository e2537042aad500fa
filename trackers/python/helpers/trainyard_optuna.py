"""Optuna's sampler for `trainyard sweep` (method: bayes), spoken to in JSON lines.

stdin, first line: {"goal": "minimize"|"maximize", "parameters": [{"name", "distribution", "min", "max", "q",
"values"}], "startup": N, "seed": S}; then {"op": "ask"} -> {"trial": N, "params": {...}} (a categorical
parameter as the index of its value), {"op": "tell", "trial": N, "value": X} (or "pruned": X, or neither:
the trial failed), and {"op": "add", "params": {...}, "value": X} for a trial of an earlier run of the sweep. The first line written says whether Optuna is there: {"ok": true} or {"error": "..."}.
"""
import json
import math
import sys


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    spec = json.loads(sys.stdin.readline())
    try:
        import optuna
    except ImportError:
        say({"error": "the bayes method uses Optuna, which this Python does not have: "
                      "apt-get install python3-optuna (Debian), or pip install optuna"})
        return 3
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    dists = {}
    for p in spec["parameters"]:
        kind, lo, hi, q = p["distribution"], p["min"], p["max"], p.get("q") or None
        if kind == "constant":
            continue
        if kind == "categorical":
            dists[p["name"]] = optuna.distributions.CategoricalDistribution(list(range(len(p["values"]))))
        elif kind == "int_uniform":
            dists[p["name"]] = optuna.distributions.IntDistribution(int(lo), int(hi))
        elif kind == "uniform":
            dists[p["name"]] = optuna.distributions.FloatDistribution(lo, hi)
        elif kind == "q_uniform":
            dists[p["name"]] = optuna.distributions.FloatDistribution(lo, hi, step=q)
        elif kind == "log_uniform":  # bounds are natural logarithms
            dists[p["name"]] = optuna.distributions.FloatDistribution(math.exp(lo), math.exp(hi), log=True)
        elif kind in ("log_uniform_values", "q_log_uniform_values"):
            dists[p["name"]] = optuna.distributions.FloatDistribution(lo, hi, log=True)
        elif kind == "q_log_uniform":
            dists[p["name"]] = optuna.distributions.FloatDistribution(math.exp(lo), math.exp(hi), log=True)
        else:
            say({"error": f"parameter {p['name']}: the bayes method does not take {kind}"})
            return 2
    sampler = optuna.samplers.TPESampler(seed=spec.get("seed"), n_startup_trials=int(spec.get("startup", 10)))
    study = optuna.create_study(direction=spec.get("goal", "minimize"), sampler=sampler)
    trials = {}
    say({"ok": True, "optuna": optuna.__version__})
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("op") == "ask":
            trial = study.ask(dists)
            trials[trial.number] = trial
            say({"trial": trial.number, "params": trial.params})
        elif msg.get("op") == "add":  # a trial of an earlier run of the sweep (--continue)
            params = {}
            for name, value in msg["params"].items():
                d = dists.get(name)
                if d is None:
                    continue
                params[name] = int(value) if isinstance(d, (optuna.distributions.IntDistribution,
                                                            optuna.distributions.CategoricalDistribution)) else value
            try:
                study.add_trial(optuna.trial.create_trial(
                    params=params, distributions={k: dists[k] for k in params}, value=float(msg["value"])))
            except (ValueError, TypeError):
                pass  # outside the space the file gives now: not history
        elif msg.get("op") == "tell":
            trial = trials.pop(msg["trial"], None)
            if trial is None:
                continue
            if "value" in msg:
                study.tell(trial, float(msg["value"]))
            elif "pruned" in msg:
                trial.report(float(msg["pruned"]), 0)
                study.tell(trial, state=optuna.trial.TrialState.PRUNED)
            else:
                study.tell(trial, state=optuna.trial.TrialState.FAIL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
