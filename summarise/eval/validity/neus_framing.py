"""NeuS framing arousal of partisan leads, the naive prompt and the pipeline, at matched lengths.

The NeuS framing-bias metric (Arousal+ and Arousal-, :mod:`summarise.eval.metrics.framing`) counts the
emotive words a text adds over the AllSides editors' neutral summary. If it measures framing,
the lead of a left or right outlet's article should score higher than the centre outlet's, and
a neutral summary lower than all three. The metric grows with length, so every text of an event
is cut to the same number of words (the shortest of the event's texts, at most ``max_words``)
before scoring; the uncut scores are reported too.

Events: the NeuS validation events whose three outlets' stances are known from the raw AllSides
crawl (only those can be split into left, centre and right). The naive prompt and the pipeline
run through the harness's resumable runner (predictions cached under the study's cache folder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["STANCES", "TITLE", "matched_truncate", "render", "run"]

TITLE = "Neutrality: NeuS framing arousal of partisan leads, the naive prompt and the pipeline"
STANCES = ("left", "center", "right")


def matched_truncate(texts: dict[str, str], *, cap: int | None = None) -> tuple[dict[str, str], int]:
    """Every text cut to the word count of the shortest (at most ``cap``), and that count.

    >>> matched_truncate({"a": "one two three four", "b": "five six"})
    ({'a': 'one two', 'b': 'five six'}, 2)
    """
    words = {k: v.split() for k, v in texts.items()}
    n = min(len(w) for w in words.values())
    if cap is not None:
        n = min(n, cap)
    return {k: " ".join(w[:n]) for k, w in words.items()}, n


def _events(data: Path, split: str) -> list[dict[str, Any]]:
    from ..neus import load_neus

    items = load_neus(data, split=split, sample=None)
    return [i for i in items if sorted(str(d.get("stance")) for d in i["documents"]) == sorted(STANCES)]


def _system_summaries(items: list[dict[str, Any]], name: str, cfg: dict[str, Any], cache: Path,
                      log: Callable[[str], None]) -> tuple[dict[str, str], dict[str, Any]]:
    from ..runner import item_key, read_predictions, run_eval
    from ..systems import build_system

    gen = cfg.get("generation") or {}
    settings = {"max_words": int(gen.get("max_words", 60)), "seed": int(gen.get("seed", 0))}
    system = build_system(name, model=cfg.get("model"), backend=cfg.get("backend"), **settings)
    log(f"{name}: {len(items)} events (resumable; predictions in {cache / name})")
    res = run_eval(items, system, cache / name, metrics=["unsupported_number_rate"], settings=settings,
                   progress=bool(cfg.get("progress", True)))
    stored = read_predictions(cache / name / "predictions.jsonl")
    fp = res["provenance"]["library_sha256"]  # the run's own: the library may change while it runs
    by_id = {}
    for item in items:
        rec = stored.get(item_key(item, item["text"], system, settings, fp)) or {}
        if rec.get("prediction"):
            by_id[item["id"]] = rec["prediction"]["summary"]
    prov = {k: res["provenance"].get(k) for k in ("system", "model", "backend", "revision", "prompts", "settings")}
    return by_id, prov


def _stats(values: list[float]) -> dict[str, Any]:
    from ..runner import bootstrap_ci

    lo, hi = bootstrap_ci(values)
    return {"mean": float(np.mean(values)) if values else None, "ci_low": lo, "ci_high": hi, "n": len(values)}


def run(config: dict[str, Any], *, data: Path, cache: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """Score every text of every stance-known event, uncut and at matched lengths."""
    from ..metrics.framing import framing_arousal_neg, framing_arousal_pos, load_vad_lexicon
    from ..systems import lead3_prediction

    lexicon = load_vad_lexicon(config["resolved_paths"]["lexicon"])
    items = _events(data, str(config.get("split", "val")))
    if config.get("limit"):
        items = items[: int(config["limit"])]
    if not items:
        from ..validity import DataMissing

        raise DataMissing(f"No NeuS event in {data} has all three outlet stances in the raw crawl.")
    log(f"{len(items)} events with left, centre and right known")
    texts: dict[str, dict[str, str]] = {i["id"]: {} for i in items}
    for item in items:
        for doc in item["documents"]:
            texts[item["id"]][f"lead-3 {doc['stance']}"] = lead3_prediction(doc["body"])["summary"]
    systems = {}
    for name in config.get("systems", ["naive-prompt", "pipeline"]):
        summaries, prov = _system_summaries(items, name, config, cache, log)
        systems[name] = prov
        for iid, s in summaries.items():
            texts[iid][name] = s
    labels = [f"lead-3 {s}" for s in STANCES] + list(systems)
    cap = int((config.get("generation") or {}).get("max_words", 60))
    scores: dict[str, dict[str, list[float]]] = {label: {"pos": [], "neg": [], "pos_uncut": [], "neg_uncut": [], "words": []} for label in labels}
    lengths = []
    per_event = []
    for item in items:
        have = texts[item["id"]]
        if any(label not in have or not have[label].strip() for label in labels):
            continue  # an event a system failed on is left out of every row, so rows stay paired
        ref = item["framing_reference"]
        cut, n = matched_truncate({k: have[k] for k in labels}, cap=cap)
        lengths.append(n)
        row = {"id": item["id"], "words": n}
        for label in labels:
            s = scores[label]
            s["pos"].append(framing_arousal_pos(summary=cut[label], reference=ref, lexicon=lexicon) or 0.0)
            s["neg"].append(framing_arousal_neg(summary=cut[label], reference=ref, lexicon=lexicon) or 0.0)
            s["pos_uncut"].append(framing_arousal_pos(summary=have[label], reference=ref, lexicon=lexicon) or 0.0)
            s["neg_uncut"].append(framing_arousal_neg(summary=have[label], reference=ref, lexicon=lexicon) or 0.0)
            s["words"].append(len(have[label].split()))
            row[label] = {"pos": s["pos"][-1], "neg": s["neg"][-1]}
        per_event.append(row)
    table = {label: {k: _stats(v) for k, v in s.items()} for label, s in scores.items()}
    base = "pipeline" if "pipeline" in labels else labels[-1]
    paired = {}
    for label in labels:
        if label == base:
            continue
        diff = [a + b - c - d for a, b, c, d in zip(scores[base]["pos"], scores[base]["neg"], scores[label]["pos"], scores[label]["neg"])]
        paired[label] = _stats(diff)
    from ._stats import pearson

    words = [w for label in labels for w in scores[label]["words"]]
    total_uncut = [a + b for label in labels for a, b in zip(scores[label]["pos_uncut"], scores[label]["neg_uncut"])]
    return {
        "length_correlation": pearson(words, total_uncut) if len(set(words)) > 1 else None,
        "events": len(per_event), "events_with_stances": len(items), "split": str(config.get("split", "val")),
        "matched_words": _stats([float(n) for n in lengths]), "cap": cap, "systems": systems,
        "table": table, "paired_base": base, "paired_total_arousal_difference": paired, "per_event": per_event,
    }


def _fmt(st: dict[str, Any] | None) -> str:
    if not st or st.get("mean") is None:
        return "–"
    return f"{st['mean']:.2f} [{st['ci_low']:.2f}, {st['ci_high']:.2f}]"


def render(results: dict[str, Any]) -> str:
    """The section body: the arousal table at matched and uncut lengths, paired differences."""
    t = results["table"]
    mw = results["matched_words"]
    lines = [
        (f"{results['events']} NeuS {results['split']} events whose three outlets' stances are known "
        f"(of {results['events_with_stances']} found). Every text of an event is cut to the shortest "
        f"one's length (at most {results['cap']} words; mean {mw['mean']:.1f} words). Reference: the "
        "AllSides editors' neutral title and summary. Mean over events with bootstrap 95% intervals; "
        "lower is more neutral."),
        "",
        "| text | Arousal+ (matched) | Arousal− (matched) | Arousal+ (uncut) | Arousal− (uncut) | words (uncut) |",
        "|---|---|---|---|---|---|",
    ]
    for label, s in t.items():
        lines.append(f"| {label} | {_fmt(s['pos'])} | {_fmt(s['neg'])} | {_fmt(s['pos_uncut'])} | "
                     f"{_fmt(s['neg_uncut'])} | {s['words']['mean']:.0f} |")
    base = results["paired_base"]
    lines += ["", (f"Paired difference of total arousal (Arousal+ plus Arousal−, matched lengths), {base} minus each "
              "other text; an interval below 0 means the pipeline's text is more neutral on this metric:"), "",
              "| compared with | mean difference [95% CI] |", "|---|---|"]
    for label, st in results["paired_total_arousal_difference"].items():
        lines.append(f"| {label} | {_fmt(st)} |")
    lines += ["", _reading(results)]
    sysinfo = "; ".join(f"{k}: model {v.get('model')} on {v.get('backend')}" for k, v in results["systems"].items())
    lines += ["", (f"Systems: {sysinfo}. The published NeuS paper reports these metrics for trained "
              "multi-document summarisers on its test split, which is not here; no like-for-like figure "
              "exists for this table, so it is read only within itself: does the metric order the "
              "partisan leads above the centre lead, and where do the generated summaries fall?")]
    return "\n".join(lines)


def _total(st: dict[str, Any]) -> float:
    return st["pos"]["mean"] + st["neg"]["mean"]


def _reading(results: dict[str, Any]) -> str:
    """What the table says, from its numbers."""
    t = results["table"]
    leads = {s: _total(t[f"lead-3 {s}"]) for s in STANCES if f"lead-3 {s}" in t}
    centre = leads.get("center")
    partisan_higher = [s for s in ("left", "right") if s in leads and centre is not None and leads[s] > centre]
    overlap = all(
        t[f"lead-3 {s}"]["pos"]["ci_low"] <= t["lead-3 center"]["pos"]["ci_high"]
        and t["lead-3 center"]["pos"]["ci_low"] <= t[f"lead-3 {s}"]["pos"]["ci_high"]
        for s in ("left", "right") if f"lead-3 {s}" in t and "lead-3 center" in t)
    parts = [
        "Reading: at matched lengths the total arousal (Arousal+ plus Arousal−) of the leads is "
        + ", ".join(f"{s} {v:.2f}" for s, v in leads.items()) + "; "
        + (f"only the {' and '.join(partisan_higher)} lead scores above the centre one" if 0 < len(partisan_higher) < 2
           else "both partisan leads score above the centre one" if partisan_higher else
           "neither partisan lead scores above the centre one")
        + (", and every interval overlaps" if overlap else "") + "."
    ]
    r = results.get("length_correlation")
    if r is not None:
        parts.append(f"Uncut, a text's total arousal correlates with its length (Pearson r = {r:.2f} over all "
                     "texts), so uncut comparisons between systems of different lengths partly compare lengths.")
    diffs = results["paired_total_arousal_difference"]
    clear = [k for k, v in diffs.items() if v["ci_high"] < 0 or v["ci_low"] > 0]
    parts.append(
        f"The {results['paired_base']}'s paired differences with "
        + ("every other text have intervals that include 0." if not clear else
           "; ".join(f"{k}: {diffs[k]['mean']:+.2f}" for k in clear) + " exclude 0."))
    if not partisan_higher or overlap:
        parts.append("On this sample the metric does not separate partisan from centre framing, nor the generated "
                     "summaries from the leads, once length is held fixed: it is a weak signal of framing, to be "
                     "read only at matched lengths and over many more events than these.")
    return " ".join(parts)


def headline(results: dict[str, Any]) -> list[dict[str, str]]:
    """The page's at-a-glance row: does the metric separate partisan from centre leads?"""
    t = results["table"]
    tot = {label: _total(s) for label, s in t.items()}
    leads = " / ".join(f"{tot[f'lead-3 {s}']:.2f}" for s in STANCES if f"lead-3 {s}" in tot)
    return [{"check": "NeuS framing arousal (metric)", "data": f"NeuS val, {results['events']} events, matched lengths",
             "measure": "total arousal: lead-3 left / centre / right; pipeline",
             "ours": f"{leads}; {tot.get('pipeline', float('nan')):.2f}",
             "baseline": f"naive prompt {tot['naive-prompt']:.2f}" if "naive-prompt" in tot else "—",
             "published": "none on this protocol"}]
