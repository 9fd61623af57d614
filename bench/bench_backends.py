"""Speed and memory of the backends on the embedded default model, as ratios measured in one run.

Baselines, on the same model file and the same prompt (one claim rewrite, greedy, 48 new tokens):
- ``raw-transformers``: ``AutoModelForCausalLM.generate`` called directly (what the
  transformers backend wraps);
- ``raw-llama.cpp``: ``llama_cpp.Llama.create_chat_completion`` called directly.
Measured: ``summarise``'s ``transformers`` and ``llamacpp`` backends, and the whole pipeline on
the seed article with each backend. Results go to ``bench/results.json`` and are printed as a
Markdown table; timings on a shared 2-core machine are noisy, so read the ratios, not the seconds.

    python bench/bench_backends.py [--repeats 3] [--skip-pipeline]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
MESSAGES = [
    {"role": "system", "content": "You rewrite one sentence from a news report as one plain, neutral sentence."},
    {"role": "user", "content": "Sentence: The regional health authority said about 40 patients were treated at the "
                                "town's hospital on Monday after a gas leak."},
]
NEW_TOKENS = 48


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _time(fn, repeats: int) -> tuple[float, int]:
    fn()  # warm-up (and load)
    times, tokens = [], 0
    for _ in range(repeats):
        t = time.perf_counter()
        tokens = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), tokens


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-pipeline", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    args = ap.parse_args()

    from summarise._models import resolve_model
    from summarise.backends import load_backend

    src = resolve_model("smollm2-135m")
    gguf = str(Path(src.path) / src.gguf_file)
    rows: dict[str, dict[str, float]] = {}

    # raw transformers
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    t0 = time.perf_counter()
    tok = AutoTokenizer.from_pretrained(src.path, gguf_file=src.gguf_file)
    model = AutoModelForCausalLM.from_pretrained(src.path, gguf_file=src.gguf_file, dtype=torch.float32).eval()
    load_raw_tf = time.perf_counter() - t0
    enc = tok.apply_chat_template(MESSAGES, add_generation_prompt=True, return_tensors="pt", return_dict=True)

    def raw_tf() -> int:
        with torch.inference_mode():
            out = model.generate(**enc, max_new_tokens=NEW_TOKENS, min_new_tokens=NEW_TOKENS, do_sample=False)
        return int(out.shape[1] - enc["input_ids"].shape[1])

    s, n = _time(raw_tf, args.repeats)
    rows["raw-transformers"] = {"seconds": s, "tokens": n, "tok_per_s": n / s, "load_s": load_raw_tf}

    be = load_backend("smollm2-135m")

    def ours_tf() -> int:
        return be.generate(MESSAGES, max_tokens=NEW_TOKENS).completion_tokens

    s, n = _time(ours_tf, args.repeats)
    rows["summarise transformers"] = {"seconds": s, "tokens": n, "tok_per_s": n / s}
    rss_tf = _rss_mb()

    try:
        from llama_cpp import Llama
    except ImportError:
        Llama = None
    if Llama is not None:
        t0 = time.perf_counter()
        llm = Llama(model_path=gguf, n_ctx=2048, seed=0, verbose=False)
        load_raw_ll = time.perf_counter() - t0

        def raw_ll() -> int:
            out = llm.create_chat_completion(messages=MESSAGES, max_tokens=NEW_TOKENS, temperature=0.0, top_k=1)
            return int(out["usage"]["completion_tokens"])

        s, n = _time(raw_ll, args.repeats)
        rows["raw-llama.cpp"] = {"seconds": s, "tokens": n, "tok_per_s": n / s, "load_s": load_raw_ll}
        bl = load_backend("smollm2-135m", backend="llamacpp")

        def ours_ll() -> int:
            return bl.generate(MESSAGES, max_tokens=NEW_TOKENS).completion_tokens

        s, n = _time(ours_ll, args.repeats)
        rows["summarise llamacpp"] = {"seconds": s, "tokens": n, "tok_per_s": n / s}
        llm.close()

    if not args.skip_pipeline:
        from summarise import summarise

        seed = (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")
        for name, kw in [("pipeline, no model", {"model": None}), ("pipeline, transformers", {}),
                         ("pipeline, llamacpp", {"backend": "llamacpp"})]:
            if "llamacpp" in name and Llama is None:
                continue
            t = time.perf_counter()
            r = summarise(seed, **kw)
            rows[name] = {"seconds": time.perf_counter() - t, "tokens": r.provenance.tokens["completion"],
                          "model_calls": r.provenance.model_calls}

    base = rows["raw-transformers"]["tok_per_s"]
    for r in rows.values():
        if "tok_per_s" in r:
            r["speed_vs_raw_transformers"] = r["tok_per_s"] / base
    result = {"rows": rows, "peak_rss_mb_after_transformers": rss_tf, "new_tokens": NEW_TOKENS,
              "repeats": args.repeats, "python": sys.version.split()[0], "torch": torch.__version__,
              "cpus": os.cpu_count(), "date": time.strftime("%Y-%m-%d")}
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print("| run | median s | tokens | tok/s | × raw transformers |\n|---|---|---|---|---|")
    for k, r in rows.items():
        print(f"| {k} | {r['seconds']:.2f} | {r.get('tokens', '')} | {r.get('tok_per_s', 0):.1f} | "
              f"{r.get('speed_vs_raw_transformers', float('nan')):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
