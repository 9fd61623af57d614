"""Cold start of the ``summarise`` command, this checkout against a baseline checkout, in one run.

    git worktree add ../summarise-base main --detach     # or any commit to compare with
    python bench/bench_cold.py --base ../summarise-base  # writes bench/results_cold.json, prints the table

For each configuration (the seed with ``--no-model``; the seed with the default, the embedded
model on the backend ``load_backend`` picks, which the seed never calls; and the default on
``own-zipli-couriers-strike`` from ``eval/data/own.jsonl``, where the model judges, so its weights
load), ``python -m summarise FILE --json --quiet`` as a fresh process, process start to exit: wall seconds, CPU seconds (user + system, the child's own) and
peak RSS (the child's ``ru_maxrss``). The two checkouts alternate (base, this, base, this...),
``--repeats`` times each, medians; the load average is recorded before and after. Both run on
this interpreter and its packages, so only the checkout differs, and the outputs must be the
same (the provenance's seconds aside).

``--pyc``: let the children write and read bytecode (``PYTHONDONTWRITEBYTECODE`` unset, one
unmeasured run per checkout first), as an installed package has it; by default the environment
is left as it is.

Also, with ``--floor``: the same interpreter starting and exiting (``python -c pass``), and
spaCy imported as the command imports it (no torch, no ``spacy.cli``) and ``en_core_web_sm``
loaded, what the command cannot go below while it parses with spaCy in process.
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
JUDGED = "own-zipli-couriers-strike"
#: label -> (article: the seed or an id in eval/data/own.jsonl, extra arguments)
CONFIGS = {"none": ("seed", ["--no-model"]), "default": ("seed", []), f"default {JUDGED}": (JUDGED, [])}
_FLOOR = {
    "python -c pass": "pass",
    "numpy + spaCy imported as the command does + spacy.load": (
        "import numpy\nfrom summarise.cli._lean_import import import_spacy_lean\nimport_spacy_lean(hide_torch=True)\n"
        "from summarise._nlp import _load_nlp\n_load_nlp()\n"),
}


def _env(checkout: Path, pyc: bool) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "HF_HUB_OFFLINE": "1"}
    if pyc:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(cmd: list[str], checkout: Path, pyc: bool) -> tuple[dict[str, float], str]:
    """One fresh process: wall and CPU seconds, peak RSS, and its standard output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=_env(checkout, pyc), cwd=checkout)
        # ru_maxrss of the child: Linux carries the parent's high-water mark into a forked child,
        # but this parent stays small (about 20 MB), far below any child here
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        out.seek(0), err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{cmd} in {checkout} failed: {err.read().decode()[-2000:]}")
        return ({"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024},
                out.read().decode())


def _comparable(output: str) -> dict:
    d = json.loads(output)
    d["provenance"] = {k: v for k, v in d["provenance"].items() if k != "seconds"}
    return d


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="a checkout of the baseline commit")
    ap.add_argument("--repeats", type=int, default=5, help="runs per checkout and configuration (median)")
    ap.add_argument("--pyc", action="store_true", help="children write and read bytecode (as an installed package)")
    ap.add_argument("--floor", action="store_true", help="also time bare interpreter start and spaCy's own load")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results_cold.json")
    args = ap.parse_args(argv)
    checkouts = {"base": args.base.resolve(), "this": ROOT}
    commits = {k: subprocess.run(["git", "-C", str(p), "describe", "--always", "--dirty"], capture_output=True,
                                 text=True).stdout.strip() for k, p in checkouts.items()}
    res: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
                 "load_average_before": os.getloadavg(), "commits": commits, "repeats": args.repeats,
                 "pyc": args.pyc, "bytecode_env": "written and read" if args.pyc or not os.environ.get(
                     "PYTHONDONTWRITEBYTECODE") else "PYTHONDONTWRITEBYTECODE=1: summarise compiled from source each run",
                 "runs": {}, "same_output": {}}
    cmd = [sys.executable, "-m", "summarise"]
    files = {"seed": str(SEED)}
    with open(ROOT / "eval" / "data" / "own.jsonl", encoding="utf-8") as fh:
        texts = {d["id"]: d["text"] for d in map(json.loads, fh)}
    tmp = tempfile.TemporaryDirectory()
    for article, _ in CONFIGS.values():
        if article not in files:
            files[article] = os.path.join(tmp.name, f"{article}.txt")
            Path(files[article]).write_text(texts[article], encoding="utf-8")
    if args.pyc:
        for path in checkouts.values():
            run_once(cmd + [str(SEED), "--no-model"], path, True)
    for config, (article, extra) in CONFIGS.items():
        extra = [files[article], "--json", "--quiet", *extra]
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in checkouts}
        outputs: dict[str, str] = {}
        for _ in range(args.repeats):
            for name, path in checkouts.items():  # alternate, so that load drifts hit both alike
                run, outputs[name] = run_once(cmd + extra, path, args.pyc)
                runs[name].append(run)
                print(f"  {config:<8} {name}: {run['wall_s']:.2f} s wall, {run['cpu_s']:.2f} s CPU, "
                      f"{run['peak_rss_mb']:.0f} MB", flush=True)
        res["runs"][config] = {name: {"median": _median(r), "all": r} for name, r in runs.items()}
        res["same_output"][config] = _comparable(outputs["base"]) == _comparable(outputs["this"])
    if args.floor:
        res["floor"] = {}
        for label, code in _FLOOR.items():
            runs_ = [run_once([sys.executable, "-c", code], ROOT, args.pyc)[0] for _ in range(args.repeats)]
            res["floor"][label] = _median(runs_)
    res["load_average_after"] = os.getloadavg()
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(render(res))
    return 0


def render(res: dict) -> str:
    lines = [f"| run (cold) | checkout | wall s | CPU s | peak RSS MB | same output |", "|---|---|---|---|---|---|"]
    for config, by in res["runs"].items():
        b, t = by["base"]["median"], by["this"]["median"]
        for name in ("base", "this"):
            m = by[name]["median"]
            lines.append(f"| {config} | {name} ({res['commits'][name]}) | {m['wall_s']:.2f} | {m['cpu_s']:.2f} | "
                         f"{m['peak_rss_mb']:.0f} | {'yes' if res['same_output'][config] else 'NO'} |")
        lines.append(f"| {config} | this ÷ base | {t['wall_s'] / b['wall_s']:.2f} | {t['cpu_s'] / b['cpu_s']:.2f} | "
                     f"{t['peak_rss_mb'] / b['peak_rss_mb']:.2f} | |")
    for label, m in res.get("floor", {}).items():
        lines.append(f"| floor: {label} | | {m['wall_s']:.2f} | {m['cpu_s']:.2f} | {m['peak_rss_mb']:.0f} | |")
    la, lb = res["load_average_before"], res["load_average_after"]
    lines.append(f"\n{res['repeats']} runs each, medians, alternating; load average {la[0]:.1f} before, {lb[0]:.1f} after; "
                 f"bytecode: {res['bytecode_env']}.")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
