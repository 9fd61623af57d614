"""Warm no-model time per article, this checkout against a baseline checkout, in one run.

    git worktree add ../summarise-base main --detach    # or any commit to compare with
    python bench/bench_warm.py --base ../summarise-base  # writes bench/results_warm.json, prints the table

Each round runs one fresh process per checkout, the two alternating (base, this, base, this...):
``summarise(text, model=None)`` once on the seed (the warm-up: spaCy, the embedder, the lexicons
loaded), then once on every article of ``eval/data/own.jsonl``, each timed. ``--rounds`` rounds;
per article the median over rounds, and the median over articles. Both checkouts run on this
interpreter and its packages, so only the code differs; each child reads its own checkout's
``eval/data`` and ``examples``, so these must be the same in both.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from summarise import summarise
summarise(open("examples/seed.txt", encoding="utf-8").read(), model=None)  # warm-up
out = {}
for line in open("eval/data/own.jsonl", encoding="utf-8"):
    a = json.loads(line)
    t = time.perf_counter()
    summarise(a["text"], model=None)
    out[a["id"]] = time.perf_counter() - t
print(json.dumps(out))
"""


def _run(checkout: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=checkout, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, type=Path, help="the baseline checkout")
    p.add_argument("--rounds", type=int, default=4)
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results_warm.json")
    args = p.parse_args()
    runs: dict[str, list[dict[str, float]]] = {"base": [], "this": []}
    load = [os.getloadavg()[0]]
    for _ in range(args.rounds):
        for name, checkout in (("base", args.base.resolve()), ("this", ROOT)):
            runs[name].append(_run(checkout))
    load.append(os.getloadavg()[0])
    ids = list(runs["base"][0])
    med = {name: {k: statistics.median(r[k] for r in rs) for k in ids} for name, rs in runs.items()}
    print("| article | base s | this s | this ÷ base |\n|---|---|---|---|")
    for k in ids:
        print(f"| {k} | {med['base'][k]:.3f} | {med['this'][k]:.3f} | {med['this'][k] / med['base'][k]:.2f} |")
    b, t = statistics.median(med["base"].values()), statistics.median(med["this"].values())
    print(f"| **median** | {b:.3f} | {t:.3f} | {t / b:.2f} |")
    args.out.write_text(json.dumps({"recorded": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
                                    "load_average": load, "rounds": args.rounds, "base": str(args.base),
                                    "median": {"base": b, "this": t}, "per_article": med, "runs": runs}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
