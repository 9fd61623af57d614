"""End-to-end speed and memory of ``summarise``, as ratios measured in one run on one machine.

    make bench                       # = python bench/bench.py: bench/results.json + the README table
    python bench/bench.py --quick    # the seed only, fewer repeats (a smoke run)

Measured (``--repeats`` runs each, medians; timings on a shared machine are noisy, so every
figure that matters is a ratio to a baseline of the same run):

- warm: in one process, after a warm-up, the whole pipeline on the seed (``--repeats`` times) and
  on every article of ``eval/data/own.jsonl`` (once each) for no model, the default (the model
  as a judge, on the backend ``load_backend`` picks) and ``rewrite`` (``-o rewrite 1``: the model
  also words claims and the summary); ``llamacpp`` and ``transformers`` by name on the seed
  (transformers with rewrite once: it is slow on a CPU), with per-stage seconds,
  prompt tokens (and how many a cache spared), generated tokens, scored tokens and model calls;
- cold: ``summarise examples/seed.txt --json --quiet`` as a fresh process (process start to
  output, model load included), wall and CPU seconds and peak RSS (``--cold-only``: again, into
  an existing results file, with the warm no-model seed measured again as their baseline);
- raw: the prompts the pipeline sent on the seed with ``rewrite``, replayed through ``Llama.create_chat_completion``
  and through ``model.generate``, against summarise's two backends on the same prompts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
README = ROOT / "bench" / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _articles(quick: bool) -> list[tuple[str, str]]:
    out = [("seed", (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8"))]
    if not quick:
        for line in (ROOT / "eval" / "data" / "own.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out.append((r["id"], r["text"]))
    return out


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else 0.0


class _Recorder:
    """A backend that records every prompt it is sent (for the raw replays), then delegates."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.prompts = inner, []
        for k in ("name", "model_id", "revision", "context_length", "reason"):
            setattr(self, k, getattr(inner, k, None))

    def generate(self, messages, **kw):  # type: ignore[no-untyped-def]
        self.prompts.append(([dict(m) for m in messages], kw))
        return self.inner.generate(messages, **kw)


def warm(config: str, backend: Any, articles: list[tuple[str, str]], repeats: int,
         generation: dict[str, Any] | None = None) -> dict[str, Any]:
    from summarise import summarise

    summarise(articles[0][1], model=backend, generation=generation)  # warm-up: loads spaCy, the embedder, the model
    rows = {}
    for k, (aid, text) in enumerate(articles):
        # the seed `repeats` times; every other article once (the spread is in the ratios' medians)
        runs = [summarise(text, model=backend, generation=generation) for _ in range(repeats if k == 0 else 1)]
        p = runs[-1].provenance
        stages = sorted({k for r in runs for k in r.provenance.seconds})
        rows[aid] = {
            "seconds": _median([r.provenance.seconds["total"] for r in runs]),
            "stages": {k: _median([r.provenance.seconds.get(k, 0.0) for r in runs]) for k in stages},
            "prompt_tokens": p.tokens.get("prompt", 0), "prompt_cached": p.tokens.get("prompt_cached", 0),
            "completion_tokens": p.tokens.get("completion", 0), "model_calls": p.model_calls,
            "scored_tokens": p.tokens.get("scored", 0),
            "claims": len(runs[-1].claims), "backend": p.backend, "backend_reason": p.backend_reason,
        }
        print(f"  warm {config:<12} {aid:<34} {rows[aid]['seconds']:7.2f} s  calls {p.model_calls}", flush=True)
    return rows


# The child reports its own peak RSS (VmHWM of its address space). ``ru_maxrss`` from wait4 would
# not do: Linux carries the forking parent's high-water mark over exec, so every child would show
# this benchmark's own size.
_COLD = ("import atexit, sys\n"
         "def _hwm():\n"
         "    for line in open('/proc/self/status'):\n"
         "        if line.startswith('VmHWM'):\n"
         "            sys.stderr.write('BENCH_VMHWM_KB ' + line.split()[1] + '\\n')\n"
         "atexit.register(_hwm)\n"
         "from summarise.cli import main\n"
         "raise SystemExit(main())\n")


def cold(args_: list[str], repeats: int) -> dict[str, float]:
    """A fresh ``summarise`` process: wall seconds, CPU seconds (user + system, the child's own)
    and peak RSS (medians)."""
    walls, cpus, rss = [], [], []
    for _ in range(repeats):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _COLD, str(ROOT / "examples" / "seed.txt"), "--json", "--quiet", *args_],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
        err_bytes = proc.stderr.read()  # type: ignore[union-attr]
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t)
        cpus.append(usage.ru_utime + usage.ru_stime)
        err = err_bytes.decode(errors="replace")
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"cold run {args_} failed: {err[-2000:]}")
        kb = [int(line.split()[1]) for line in err.splitlines() if line.startswith("BENCH_VMHWM_KB ")]
        rss.append(kb[-1] / 1024 if kb else 0.0)
    return {"seconds": _median(walls), "cpu_s": _median(cpus), "peak_rss_mb": _median(rss)}


def _timed(fn: Callable[[], int], repeats: int) -> dict[str, float]:
    times, tokens = [], 0
    for _ in range(repeats):
        t = time.perf_counter()
        tokens = fn()
        times.append(time.perf_counter() - t)
    s = _median(times)
    return {"seconds": s, "tokens": tokens, "tok_per_s": tokens / s if s else 0.0}


def raw_llamacpp(prompts: list, backend: Any, repeats: int) -> dict[str, Any]:
    """The seed's prompts through ``create_chat_completion`` on a second Llama, against ours."""
    from llama_cpp import Llama

    src = backend.source
    threads = backend._model().llm.context_params.n_threads  # the same threads as the backend's
    llm = Llama(model_path=str(Path(src.path) / src.gguf_file), n_ctx=backend.context_length, n_threads=threads,
                n_threads_batch=threads, seed=0, verbose=False)
    texts: list[str] = []

    def raw() -> int:
        texts.clear()
        n = 0
        for messages, kw in prompts:
            out = llm.create_chat_completion(messages=messages, max_tokens=kw["max_tokens"], temperature=0.0, top_k=1,
                                             seed=kw.get("seed", 0), stop=kw.get("stop") or None)
            texts.append(out["choices"][0]["message"]["content"])
            n += out["usage"]["completion_tokens"]
        return n

    ours_texts: list[str] = []

    def ours() -> int:
        ours_texts.clear()
        n = 0
        for messages, kw in prompts:
            g = backend.generate(messages, **kw)
            ours_texts.append(g.text)
            n += g.completion_tokens
        return n

    raw(), ours()  # warm-up
    r, o = _timed(raw, repeats), _timed(ours, repeats)
    llm.close()
    same = sum(a.strip() == b.strip() for a, b in zip(texts, ours_texts))
    return {"raw": r, "summarise": o, "ratio": o["tok_per_s"] / r["tok_per_s"] if r["tok_per_s"] else 0.0,
            "same_text": f"{same}/{len(prompts)}"}


def raw_generate(prompts: list, backend: Any) -> dict[str, Any]:
    """The seed's prompts through plain ``model.generate`` (greedy, fp32), against the transformers
    backend one prompt at a time and with the claim rewrites batched (once each: it is slow)."""
    import torch

    tok, model = backend._loaded()

    def raw() -> int:
        n = 0
        for messages, kw in prompts:
            enc = tok.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
            with torch.inference_mode():
                out = model.generate(**enc, max_new_tokens=kw["max_tokens"], do_sample=False, pad_token_id=tok.pad_token_id)
            n += int(out.shape[1] - enc["input_ids"].shape[1])
        return n

    singles: list[str] = []

    def ours() -> int:
        singles.clear()
        gens = [backend.generate(m, **kw) for m, kw in prompts]
        singles.extend(g.text for g in gens)
        return sum(g.completion_tokens for g in gens)

    claims = [(m, kw) for m, kw in prompts if kw.get("stop")]
    batched: list[str] = []

    def ours_batched() -> int:
        batched.clear()
        gens = backend.generate_many([m for m, _ in claims], max_tokens=[kw["max_tokens"] for _, kw in claims],
                                     stop=claims[0][1]["stop"]) if claims else []
        batched.extend(g.text for g in gens)
        return sum(g.completion_tokens for g in gens)

    r, o = _timed(raw, 1), _timed(ours, 1)
    b = _timed(ours_batched, 1)
    single_claims = [t for (m, kw), t in zip(prompts, singles) if kw.get("stop")]
    same = sum(x == y for x, y in zip(single_claims, batched))
    return {"raw": r, "summarise": o, "summarise_batched_claims": b,
            "ratio": o["tok_per_s"] / r["tok_per_s"] if r["tok_per_s"] else 0.0,
            "batched_same_text": f"{same}/{len(claims)}"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cold-repeats", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="the seed only, 2 repeats, no transformers raw replay")
    ap.add_argument("--skip-transformers", action="store_true", help="leave the (slow) transformers rows out")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    ap.add_argument("--cold-only", action="store_true", help="measure the cold rows again into an existing --out "
                    "(the warm rows and raw replays kept), then the ratios and the README table")
    args = ap.parse_args()
    if args.cold_only:
        return cold_only(args)
    if args.quick:
        args.repeats, args.cold_repeats = 2, 1
    from summarise._embed import embed
    from summarise._nlp import nlp
    from summarise.backends import load_backend

    arts = _articles(args.quick)
    res: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                       "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())},
                           "repeats": args.repeats, "warm": {}, "cold": {}}
    t0 = time.perf_counter()
    nlp("Warm up."), embed(["Warm up."])
    res["load_s"] = {"spacy_and_embedder": time.perf_counter() - t0}
    default = load_backend("smollm2-135m")
    rewriter = _Recorder(load_backend("smollm2-135m"))
    llama = load_backend("smollm2-135m", backend="llamacpp")
    # the default: the model judges where the rules are unsure (who a "he"/"she" is); "rewrite":
    # it also words claims and the summary (-o rewrite 1). `llamacpp` is the default's backend
    # here: asked for by name, on the seed only
    rw = {"rewrite": 1}
    configs: list[tuple[str, Any, list, Any]] = [("none", None, arts, None), ("default", default, arts, None),
                                                 ("rewrite", rewriter, arts, rw), ("llamacpp", llama, arts[:1], None)]
    tf = None if args.skip_transformers else load_backend("smollm2-135m", backend="transformers")
    if tf is not None:
        configs += [("transformers", tf, arts[:1], None), ("transformers-rewrite", tf, arts[:1], rw)]
    out = Path(args.out)

    def save() -> None:  # after every phase: a long run that is stopped keeps what it measured
        out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")

    for name, be, which, gen in configs:
        res["warm"][name] = warm(name, be, which, args.repeats if name != "transformers-rewrite" else 1, gen)
        save()
    seed_prompts = rewriter.prompts[-res["warm"]["rewrite"]["seed"]["model_calls"]:]
    tokenizer = llama._model().llm
    res["article_tokens"] = {aid: len(tokenizer.tokenize(t.encode("utf-8"), add_bos=False)) for aid, t in arts}
    cold_cfg = {"none": ["--no-model"], "default": [], "rewrite": ["--rewrite"], "llamacpp": ["--backend", "llamacpp"]}
    if tf is not None:
        cold_cfg["transformers"] = ["--backend", "transformers"]
        cold_cfg["transformers-rewrite"] = ["--backend", "transformers", "--rewrite"]
    for name, extra in cold_cfg.items():
        res["cold"][name] = cold(extra, 1 if name == "transformers-rewrite" else args.cold_repeats)
        print(f"  cold {name:<12} {res['cold'][name]['seconds']:7.2f} s  {res['cold'][name]['peak_rss_mb']:.0f} MB", flush=True)
        save()
    res["raw_llamacpp"] = raw_llamacpp(seed_prompts, llama, args.repeats)
    save()
    if tf is not None and not args.quick:
        res["raw_generate"] = raw_generate(seed_prompts, tf)
    res["ratios"] = ratios(res)
    save()
    table = render(res)
    print(table)
    if not args.quick:
        text = README.read_text(encoding="utf-8")
        if START in text and END in text:
            README.write_text(text[: text.index(START) + len(START)] + "\n" + table + "\n" + text[text.index(END):], encoding="utf-8")
    return 0


def cold_only(args: argparse.Namespace) -> int:
    out = Path(args.out)
    res = json.loads(out.read_text(encoding="utf-8"))
    cfg = {"none": ["--no-model"], "default": [], "rewrite": ["--rewrite"], "llamacpp": ["--backend", "llamacpp"]}
    if "transformers" in res["warm"]:
        cfg["transformers"] = ["--backend", "transformers"]
        cfg["transformers-rewrite"] = ["--backend", "transformers", "--rewrite"]
    for name, extra in cfg.items():
        res["cold"][name] = cold(extra, 1 if name == "transformers-rewrite" else args.cold_repeats)
        print(f"  cold {name:<12} {res['cold'][name]['seconds']:7.2f} s  {res['cold'][name]['peak_rss_mb']:.0f} MB", flush=True)
    # the cold rows' baseline, measured in this run too (the warm rows are from the full run)
    res["cold_warm_none_s"] = warm("none", None, _articles(True), args.repeats)["seed"]["seconds"]
    res["cold_measured"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    res["cold_load_average"] = os.getloadavg()
    res["ratios"] = ratios(res)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    table = render(res)
    print(table)
    text = README.read_text(encoding="utf-8")
    if START in text and END in text:
        README.write_text(text[: text.index(START) + len(START)] + "\n" + table + "\n" + text[text.index(END):], encoding="utf-8")
    return 0


def ratios(res: dict[str, Any]) -> dict[str, Any]:
    w, c = res["warm"], res["cold"]
    none = w["none"]["seed"]["seconds"]
    out: dict[str, Any] = {"no_model_warm_s": none}
    for name in ("default", "rewrite", "llamacpp", "transformers", "transformers-rewrite"):
        if name in w:
            out[f"{name}_warm_vs_no_model"] = w[name]["seed"]["seconds"] / none
    per = [w["default"][aid]["seconds"] / w["none"][aid]["seconds"] for aid in w["none"] if aid in w["default"]]
    out["default_warm_vs_no_model_median_over_articles"] = _median(per)
    base = res.get("cold_warm_none_s", none)  # measured with the cold rows when they were measured again
    for name in c:
        out[f"{name}_cold_vs_no_model_warm"] = c[name]["seconds"] / base
    out["decode_vs_raw_llamacpp"] = res["raw_llamacpp"]["ratio"]
    d = w["rewrite"]["seed"]
    if d.get("stages", {}).get("model"):
        out["pipeline_model_tok_per_s_vs_raw_llamacpp"] = (d["completion_tokens"] / d["stages"]["model"]) / res["raw_llamacpp"]["raw"]["tok_per_s"]
    out["processed_prompt_tokens_vs_article"] = {  # with rewrite (the default processes no prompt)
        aid: (r["prompt_tokens"] - r["prompt_cached"]) / res["article_tokens"][aid] for aid, r in w["rewrite"].items()}
    return out


def render(res: dict[str, Any]) -> str:
    w, c, r = res["warm"], res["cold"], res["ratios"]
    none = r["no_model_warm_s"]
    again = ""
    if res.get("cold_measured"):
        again = (f" Cold rows measured again {res['cold_measured']} (load average {res.get('cold_load_average', [0])[0]:.1f}; peak RSS: the "
                 f"child's own VmHWM), with the warm no-model seed measured again in that run: "
                 f"{res.get('cold_warm_none_s', none):.2f} s, the cold column's baseline.")
    lines = [f"Recorded {res['machine']['date']} ({res['machine']['cpus']} CPUs, shared; medians of {res['repeats']} warm runs).{again}", "",
             "| run (seed article) | warm s | × no model warm | cold s | cold CPU s | cold × no model warm | peak RSS MB | model calls | prompt tok (cached) | generated tok | scored tok |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    cold_base = res.get("cold_warm_none_s", none)
    names = ("none", "default", "rewrite", "llamacpp", "transformers", "transformers-rewrite")
    for name in names:
        if name not in w:
            continue
        s = w[name]["seed"]
        cs = c.get(name, {})
        label = name if name != "default" else f"default ({s['backend']})"
        cpu = f"{cs['cpu_s']:.2f}" if "cpu_s" in cs else ""
        lines.append(f"| {label} | {s['seconds']:.2f} | {s['seconds'] / none:.2f} | {cs.get('seconds', 0):.2f} | {cpu} | "
                     f"{cs.get('seconds', 0) / cold_base:.2f} | {cs.get('peak_rss_mb', 0):.0f} | {s['model_calls']} | "
                     f"{s['prompt_tokens']} ({s['prompt_cached']}) | {s['completion_tokens']} | {s.get('scored_tokens', 0)} |")
    shown = [n for n in names if n in w]
    lines += ["", "| stage (seed, warm s) | " + " | ".join(shown) + " |", "|---|" + "---|" * len(shown)]
    for stage in ("analysis", "claims", "scoring", "model", "summary", "total"):
        lines.append(f"| {stage} | " + " | ".join(f"{w[n]['seed']['stages'].get(stage, 0):.3f}" for n in shown) + " |")
    if len(w["none"]) > 1:
        lines += ["", "| every article (warm s) | none | default | default × none | scored tok | rewrite | rewrite × none | processed prompt tok ÷ article tok (rewrite) |",
                  "|---|---|---|---|---|---|---|---|"]
        per = [(aid, w["none"][aid]["seconds"], w["default"][aid]["seconds"], w["rewrite"][aid]["seconds"]) for aid in w["none"]]
        for aid, a, b, c in per:
            lines.append(f"| {aid} | {a:.2f} | {b:.2f} | {b / a:.2f} | {w['default'][aid].get('scored_tokens', 0)} | {c:.2f} | {c / a:.2f} | "
                         f"{r['processed_prompt_tokens_vs_article'][aid]:.2f} |")
        lines.append(f"| **median** | {_median([a for _, a, _, _ in per]):.2f} | {_median([b for _, _, b, _ in per]):.2f} | "
                     f"{_median([b / a for _, a, b, _ in per]):.2f} | | {_median([c for _, _, _, c in per]):.2f} | "
                     f"{_median([c / a for _, a, _, c in per]):.2f} | {_median(list(r['processed_prompt_tokens_vs_article'].values())):.2f} |")
    rl = res["raw_llamacpp"]
    lines += ["", "| same prompts as the seed run | s | generated tok | tok/s | × raw | same text |", "|---|---|---|---|---|---|",
              f"| raw llama.cpp (`create_chat_completion`) | {rl['raw']['seconds']:.2f} | {rl['raw']['tokens']} | {rl['raw']['tok_per_s']:.1f} | 1.00 | |",
              f"| summarise `llamacpp` backend | {rl['summarise']['seconds']:.2f} | {rl['summarise']['tokens']} | {rl['summarise']['tok_per_s']:.1f} | {rl['ratio']:.2f} | {rl['same_text']} |"]
    if "raw_generate" in res:
        g = res["raw_generate"]
        lines += [f"| raw transformers (`model.generate`, fp32) | {g['raw']['seconds']:.2f} | {g['raw']['tokens']} | {g['raw']['tok_per_s']:.1f} | 1.00 | |",
                  f"| summarise `transformers` backend | {g['summarise']['seconds']:.2f} | {g['summarise']['tokens']} | {g['summarise']['tok_per_s']:.1f} | {g['ratio']:.2f} | |",
                  f"| summarise `transformers`, claim rewrites batched | {g['summarise_batched_claims']['seconds']:.2f} | "
                  f"{g['summarise_batched_claims']['tokens']} | {g['summarise_batched_claims']['tok_per_s']:.1f} | | {g['batched_same_text']} vs unbatched |"]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
