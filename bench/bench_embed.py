"""Cold start and embedding speed of this checkout against a baseline checkout, in one run.

    git worktree add ../summarise-base main --detach      # or any commit to compare with
    python bench/bench_embed.py --base ../summarise-base   # writes bench/results_embed.json

- cold: ``python -m summarise examples/seed.txt --no-model --json --quiet`` as a fresh process
  (process start to output), wall and CPU seconds, peak RSS; the two checkouts alternate,
  ``--repeats`` times each, medians;
- warm embed: in one process per checkout, after a warm-up, ``embed`` on the seed's claims (the
  texts this checkout's cold run printed, about 15 sentences), ``--warm-repeats`` times, median;
  and whether the embedding path imported torch or transformers.

Both checkouts run on this interpreter, so only the library differs. Every figure that matters
is a ratio of this checkout to the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"

_WARM = """
import json, statistics, sys, time
texts = json.loads(sys.stdin.read())
from summarise._embed import embed
embed(texts)
times = []
for _ in range({repeats}):
    t = time.perf_counter()
    embed(texts)
    times.append(time.perf_counter() - t)
print(json.dumps({{"seconds": statistics.median(times),
                  "imported": [m for m in ("torch", "transformers") if m in sys.modules]}}))
"""


def _env(checkout: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(checkout), "HF_HUB_OFFLINE": "1"}


def cold_once(checkout: Path) -> tuple[dict[str, float], str]:
    """One fresh no-model run on the seed: wall and CPU seconds, peak RSS, and its JSON output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "summarise", str(SEED), "--no-model", "--json", "--quiet"],
                                stdout=out, stderr=err, env=_env(checkout), cwd=checkout)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"cold run in {checkout} failed: {err.read().decode()[-2000:]}")
        return ({"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024},
                out.read().decode())


def warm(checkout: Path, texts: list[str], repeats: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _WARM.format(repeats=repeats)], input=json.dumps(texts),
                         capture_output=True, text=True, env=_env(checkout), cwd=checkout, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="a checkout of the baseline commit")
    ap.add_argument("--repeats", type=int, default=3, help="cold runs per checkout (median)")
    ap.add_argument("--warm-repeats", type=int, default=15, help="warm embed calls per checkout (median)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results_embed.json")
    args = ap.parse_args(argv)
    checkouts = {"base": args.base.resolve(), "this": ROOT}
    commits = {k: subprocess.run(["git", "-C", str(p), "describe", "--always", "--dirty"], capture_output=True,
                                 text=True).stdout.strip() for k, p in checkouts.items()}

    cold: dict[str, list[dict[str, float]]] = {k: [] for k in checkouts}
    outputs: dict[str, str] = {}
    for _ in range(args.repeats):
        for name, path in checkouts.items():  # alternate, so that load drifts hit both alike
            run, outputs[name] = cold_once(path)
            cold[name].append(run)
            print(f"  cold {name}: {run['wall_s']:.2f} s wall, {run['cpu_s']:.2f} s CPU, "
                  f"{run['peak_rss_mb']:.0f} MB", flush=True)
    same = {k: v for k, v in json.loads(outputs["base"]).items() if k != "provenance"} == \
           {k: v for k, v in json.loads(outputs["this"]).items() if k != "provenance"}
    texts = [c["text"] for c in json.loads(outputs["this"])["claims"]]
    warm_res = {name: warm(path, texts, args.warm_repeats) for name, path in checkouts.items()}

    res: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
                 "load_average": os.getloadavg(), "commits": commits, "repeats": args.repeats,
                 "warm_repeats": args.warm_repeats, "claims": len(texts), "same_output": same}
    for name in checkouts:
        res[name] = {"cold_wall_s": statistics.median(r["wall_s"] for r in cold[name]),
                     "cold_cpu_s": statistics.median(r["cpu_s"] for r in cold[name]),
                     "cold_peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in cold[name]),
                     "warm_embed_s": warm_res[name]["seconds"],
                     "embed_imports": warm_res[name]["imported"]}
    b, t = res["base"], res["this"]
    res["ratios"] = {"cold_wall": t["cold_wall_s"] / b["cold_wall_s"], "cold_cpu": t["cold_cpu_s"] / b["cold_cpu_s"],
                     "warm_embed": t["warm_embed_s"] / b["warm_embed_s"]}
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")

    print(f"\n| checkout | cold wall s | cold CPU s | cold peak RSS MB | warm embed s ({len(texts)} claims) "
          "| embedding imports |")
    print("|---|---|---|---|---|---|")
    for name in checkouts:
        r = res[name]
        print(f"| {name} ({commits[name]}) | {r['cold_wall_s']:.2f} | {r['cold_cpu_s']:.2f} | {r['cold_peak_rss_mb']:.0f} "
              f"| {r['warm_embed_s']:.3f} "
              f"| {', '.join(r['embed_imports']) or 'neither torch nor transformers'} |")
    q = res["ratios"]
    print(f"| this ÷ base | {q['cold_wall']:.2f} | {q['cold_cpu']:.2f} | | {q['warm_embed']:.2f} | |")
    print(f"\nsame output (provenance aside): {same}; load average {res['load_average'][0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
