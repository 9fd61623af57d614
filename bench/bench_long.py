"""Long articles: seconds and peak memory of the whole pipeline (no model) at 20,000 and
200,000 words, each size in its own process so that peaks do not mix.

    python bench/bench_long.py              # writes bench/results_long.json, prints the table
    python bench/bench_long.py --words 2000 # one size

The article is the project's own articles (eval/data/own.jsonl) repeated until long enough,
every number shifted by the repetition index so that repeated claims differ (the pipeline
de-duplicates identical ones). No model: the model's cost is per claim and measured by
bench_backends.py; this measures what grows with the article. CPU seconds are recorded beside
wall seconds: on a shared machine the wall clock measures the neighbours.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 20_000, 200_000)


def long_article(words: int) -> str:
    texts = [json.loads(line)["text"] for line in (ROOT / "eval" / "data" / "own.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[str] = []
    count, k = 0, 0
    while count < words:
        t = re.sub(r"\d+", lambda m: str(int(m.group(0)) + k), texts[k % len(texts)])
        out.append(t)
        count += len(t.split())
        k += 1
    return "\n\n".join(out)


def one(words: int) -> dict:
    from summarise import summarise

    summarise("The council said the bridge would reopen on Monday after repairs.", model=None)  # load spaCy, embeddings
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = long_article(words)
    t0, c0 = time.perf_counter(), time.process_time()
    s = summarise(text, model=None)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"words": len(text.split()), "chars": len(text), "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "peak_rss_mb": round(peak),
            "rss_before_mb": round(base_rss), "claims": len(s.claims), "summary_words": len(s.text.split()),
            "stages": s.provenance.seconds}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=None)
    ap.add_argument("--child", action="store_true")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(one(args.words)))
        return
    rows = []
    for words in ([args.words] if args.words else SIZES):
        out = subprocess.run([sys.executable, __file__, "--child", "--words", str(words)], capture_output=True, text=True,
                             env={**os.environ, "HF_HUB_OFFLINE": "1"}, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"| {r['words']:,} | {r['chars']:,} | {r['seconds']} | {r['cpu_seconds']} | {r['peak_rss_mb']} | {r['rss_before_mb']} "
              f"| {r['claims']:,} | {r['stages']} |", flush=True)
    if not args.words:
        (Path(__file__).with_name("results_long.json")).write_text(json.dumps({"rows": rows, "python": sys.version.split()[0]}, indent=2) + "\n")


if __name__ == "__main__":
    main()
