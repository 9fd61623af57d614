"""Who says it, on real news: the claims' attribution against PolNeAR's annotated attributions.

The study runs the ``polnear-dev`` benchmark's metrics (:mod:`summarise.eval.metrics.attribution`)
through the harness's own runner, for the model-free pipeline and the two baselines
(``nearest-source``, ``article-voice``), with predictions cached under the study's cache folder
(an interrupted run resumes). It also counts the remaining misses by type: contents not covered,
contents in the article's voice by cue class, and wrong sources. Results keep names and counts,
never the corpus's text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable

__all__ = ["TITLE", "run", "render", "headline"]

TITLE = "Attribution on real news (PolNeAR)"
SYSTEMS = ("pipeline", "nearest-source", "article-voice")
_LABELS = {"attribution_coverage": "covered", "attributed_share": "attributed", "article_voice_leak": "voice leak ↓",
           "source_accuracy_named": "source acc.", "attributed_share_assertion": "attributed (say-verbs)",
           "source_accuracy_assertion": "source acc. (say-verbs)", "spurious_attribution": "spurious ↓",
           "article_voice_leak_speech": "leak: speech ↓", "article_voice_leak_document": "leak: document ↓",
           "article_voice_leak_thought": "leak: thought ↓", "article_voice_leak_stance": "leak: stance ↓"}


def run(config: dict[str, Any], *, data: Path, cache: Path, log: Callable[[str], None]) -> dict[str, Any]:
    from ..polnear import load_polnear
    from ..runner import run_eval
    from ..systems import build_system

    split = str(config.get("split", "dev"))
    items = load_polnear(data, split=split)
    metrics = [m for m in _LABELS]
    log(f"{len(items)} articles of split {split!r}, {sum(len(i['attributions']) for i in items)} attributions")
    systems: dict[str, Any] = {}
    misses: dict[str, Any] = {}
    for name in SYSTEMS:
        log(f"  {name} (predictions cached in {cache / name})")
        res = run_eval(items, build_system(name, model=None), cache / name, metrics=metrics, progress=False,
                       settings={"max_words": 120, "seed": 0})
        systems[name] = {m: res["aggregate"][m] for m in metrics}
        if name == "pipeline":
            misses = _misses(items, res)
    return {"split": split, "articles": len(items), "attributions": sum(len(i["attributions"]) for i in items),
            "systems": systems, "misses": misses, "targets": config.get("targets") or {}}


def _misses(items: list[dict[str, Any]], res: dict[str, Any]) -> dict[str, Any]:
    by_id = {i["id"]: i for i in items}
    c: Counter[str] = Counter()
    leak_cues: Counter[str] = Counter()
    for entry in res["items"]:
        item = by_id[entry["id"]]
        for a, o in zip(item["attributions"], entry["details"].get("attributions") or []):
            c["all"] += 1
            if not o["covered"]:
                c["not covered"] += 1
            elif not o["attributed"]:
                c[f"article voice: {a['cue_class']}"] += 1
                leak_cues[a.get("cue_lemma") or "(no cue)"] += 1
            elif o["source_ok"] is False:
                c["wrong source"] += 1
    return {"counts": dict(c), "leak_cues": leak_cues.most_common(15)}


def _cell(agg: dict[str, Any] | None) -> str:
    if not agg or agg.get("mean") is None:
        return "—"
    half = (agg["ci_high"] - agg["ci_low"]) / 2
    return f"{agg['mean']:.2f} ± {half:.2f}"


def render(results: dict[str, Any]) -> str:
    metrics = list(_LABELS)
    lines = [f"{results['articles']} articles of PolNeAR's `{results['split']}` split, "
             f"{results['attributions']} annotated attributions (the first annotator's file per article). "
             "Per-article means ± half the bootstrap 95% interval over articles; the same figures as "
             "`summarise eval run --benchmark polnear-dev` and models.md.", "",
             "| system | " + " | ".join(_LABELS[m] for m in metrics) + " |",
             "|---|" + "---|" * len(metrics)]
    for name, aggs in results["systems"].items():
        label = "pipeline (no model)" if name == "pipeline" else name
        lines.append(f"| {label} | " + " | ".join(_cell(aggs.get(m)) for m in metrics) + " |")
    counts = results.get("misses", {}).get("counts") or {}
    if counts:
        total = counts.get("all", 0)
        lines += ["", "Remaining misses of the pipeline, by type (attributions):", "",
                  "| type | count | share |", "|---|---|---|"]
        for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
            if k != "all":
                lines.append(f"| {k} | {v} | {v / total:.1%} |")
        cues = ", ".join(f"{k} {v}" for k, v in results["misses"].get("leak_cues") or [])
        lines += ["", f"Most frequent cue lemmas among the contents left in the article's voice: {cues}."]
    return "\n".join(lines)


def headline(results: dict[str, Any]) -> list[dict[str, str]]:
    pipe = results["systems"].get("pipeline", {})
    near = results["systems"].get("nearest-source", {})
    return [{"check": "attribution (who says it)", "data": f"PolNeAR {results['split']}, {results['articles']} articles",
             "measure": "named-source accuracy / article-voice leak",
             "ours": f"{_cell(pipe.get('source_accuracy_named'))} / {_cell(pipe.get('article_voice_leak'))}",
             "baseline": f"nearest-source {_cell(near.get('source_accuracy_named'))} / {_cell(near.get('article_voice_leak'))}",
             "published": "— (no published system scored this way)"}]
