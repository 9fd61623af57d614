"""Scoring time of `summarise eval run`: the own benchmark with no model, three runs in one fresh
run folder, each a fresh process (imports and model loads included, as a user sees it):

1. first: predictions computed, every score computed;
2. rerun: predictions and scores reused from the run folder;
3. rescore: predictions reused, ``scores.jsonl`` removed first, so every score is computed again
   (what a rerun cost before the score cache).

    python bench/bench_scoring.py           # writes bench/results_scoring.json, prints the table

Wall and CPU seconds of each process, and results.json's own seconds per metric. The three runs
must give the same scores (checked: the script fails otherwise). Issue 13's target: a cached
rerun in 10 s or less.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(out: Path) -> dict:
    cmd = [sys.executable, "-m", "summarise.cli", "eval", "run", "--benchmark", "own", "--model", "none", "--out", str(out), "-q"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {"wall_seconds": round(wall, 1), "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
            "scoring": results["scoring"], "_items": results["items"], "_aggregate": results["aggregate"]}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run"
        first = _run(out)
        rerun = _run(out)
        (out / "scores.jsonl").unlink()
        rescore = _run(out)
    runs = {"first": first, "rerun": rerun, "rescore": rescore}
    same = all(r["_items"] == first["_items"] and r["_aggregate"] == first["_aggregate"] for r in runs.values())
    record = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()], "same_scores": same,
        "runs": {k: {kk: vv for kk, vv in v.items() if not kk.startswith("_")} for k, v in runs.items()},
    }
    (ROOT / "bench" / "results_scoring.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print("| run | wall s | CPU s | scoring s (results.json) | scores computed | reused |\n|---|---|---|---|---|---|")
    for name, r in runs.items():
        s = r["scoring"]
        print(f"| {name} | {r['wall_seconds']} | {r['cpu_seconds']} | {s['seconds']} | {s['scores_computed']} | {s['scores_reused']} |")
    print(f"same scores in all three runs: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
