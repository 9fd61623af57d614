"""Validity of the faithfulness scorer on QAGS-CNN/DM: correlation with human consistency scores.

Each of the 235 system summaries is scored against its source article exactly as in the SummaC
study (:mod:`.summac`: the same sentence split, features and cache, the same ``min`` aggregate,
``mean`` reported beside as a declared variant), with the scorer **shipped in the library**
(``summarise/eval/faithfulness.json``), which was fitted on the SummaC sets only and has never
seen QAGS. Pearson's r and Spearman's rho (tie-corrected) with the human score, for our scorer
and for the two baselines (ROUGE-2 of each sentence against the source, MiniLM cosine).
"""

from __future__ import annotations

import ast
import json
import pathlib
from collections.abc import Callable
from typing import Any

import numpy as np

from .. import faithfulness as fa
from . import published_table
from ._evidence import add_lm_rows, shipped_models
from ._stats import pearson, spearman
from ._summac_data import BASELINES, SCORER_LABELS, cached_features, summary_scores

TITLE = "Faithfulness: QAGS-CNN/DM (correlation with human consistency scores)"


def load_qags(path: pathlib.Path, limit: int | None = None) -> list[dict[str, Any]]:
    """``[{document, summary, human}]``: the source, the system summary and its consistency score
    (0..1, the share of its sentences annotators judged consistent)."""
    file = path if path.is_file() else path / "qags_cnndm.json"
    raw = json.loads(file.read_text(encoding="utf-8"))
    items = []
    for r in raw:
        scores = r["scores"] if isinstance(r["scores"], dict) else ast.literal_eval(str(r["scores"]))
        items.append({"document": r["source"], "summary": r["system_output"], "human": float(scores["consistency"])})
    return items[:limit] if limit else items


def run(config: dict, *, data: pathlib.Path, cache: pathlib.Path, log: Callable[[str], None]) -> dict:
    """The study; ``config["model"]``: a model JSON path (default: the one shipped). When the model
    records the v1 full combination (fitted on the same SummaC sets), it is scored beside, for the history."""
    rules = [config.get("aggregate", "min")] + list(config.get("aggregate_variants") or [])
    items = load_qags(pathlib.Path(data), config.get("limit"))
    recs = cached_features([(it["document"], it["summary"]) for it in items], pathlib.Path(cache), log)
    for r, it in zip(recs, items):
        r["copied"] = fa.copied(it["document"], r["sentences"])
    lm_tag = add_lm_rows(recs, [it["document"] for it in items], config, cache, log)
    models, labels = shipped_models(config, with_lm=lm_tag is not None)
    model = models["faithfulness"]
    human = np.array([it["human"] for it in items])
    scorers = [*models, *BASELINES]
    table: dict[str, dict[str, Any]] = {}
    for rule in rules:
        for sc in scorers:
            s = summary_scores(recs, sc, rule, models.get(sc))
            ok = np.isfinite(s)
            table.setdefault(rule, {})[sc] = {"pearson": pearson(s[ok], human[ok]), "spearman": spearman(s[ok], human[ok]),
                                              "n": int(ok.sum())}
        log(f"aggregate {rule}: " + ", ".join(f"{sc} r {table[rule][sc]['pearson']:.3f}" for sc in scorers))
    meta = {k: v for k, v in model.meta.items() if k not in ("v1_full_combination", "v2_without_copy_rule", "v3_base_features", "v4_candidates")}
    return {
        "items": len(items), "human_mean": float(human.mean()),
        "human_share_fully_consistent": float((human == 1).mean()),
        "sentences_per_summary": float(np.mean([len(r["sentences"]) for r in recs])),
        "aggregate": rules[0], "aggregate_variants": rules[1:],
        "scorers": {**labels, **{k: SCORER_LABELS[k] for k in BASELINES}}, "lm": lm_tag,
        "correlations": table,
        "model": {"path": str(config.get("model") or "summarise/eval/faithfulness.json"), "kind": model.kind, **meta},
        "published": config.get("published", {}),
    }


def render(results: dict) -> str:
    """The VALIDITY.md section: our correlations beside the published ones."""
    rule = results["aggregate"]
    out = [
        (f"{results['items']} CNN/DM system summaries ({results['sentences_per_summary']:.1f} sentences on average; "
        f"human score mean {results['human_mean']:.2f}, {100 * results['human_share_fully_consistent']:.0f}% fully "
        "consistent). Our scorer is the one shipped in the library, fitted on the SummaC sets only; nothing "
        f"was fitted on QAGS. A summary's score is the **{rule}** of its sentence scores, for the baselines too.\n"),
        "| Scorer | Pearson ×100 | Spearman ×100 |\n|---|---|---|",
    ]
    labels = dict(results["scorers"])
    for rl in [rule, *results.get("aggregate_variants", [])]:
        for sc, row in results["correlations"][rl].items():
            tag = "" if rl == rule else f" — variant: {rl} aggregate"
            out.append(f"| {labels[sc]}{tag} | {100 * row['pearson']:.1f} | {100 * row['spearman']:.1f} |")
    out += published_table(results.get("published"), "Published figures (not the same protocol)")
    out.append("\n" + _reading(results))
    return "\n".join(out).strip() + "\n"


def _reading(results: dict) -> str:
    row = results["correlations"][results["aggregate"]]
    baselines = [s for s in row if s in BASELINES]
    mine = "faithfulness_lm" if "faithfulness_lm" in row else "faithfulness"
    ours, base = row[mine]["pearson"], max(row[s]["pearson"] for s in baselines)
    best = max(baselines, key=lambda s: row[s]["pearson"])
    return (
        f"{results['scorers'][mine].split(' (')[0].strip('*')}: Pearson r {100 * ours:.1f}, Spearman {100 * row[mine]['spearman']:.1f}, against {100 * base:.1f} for the best baseline "
        f"({results['scorers'][best]}). "
        + ("It tracks the human scores better than word or embedding overlap alone. " if ours > base else
           "Word overlap tracks these human scores better than our scorer fitted on SummaC: CNN/DM "
           "system summaries are mostly extractive, so the share of a sentence copied from the article is "
           "a strong proxy for its consistency here, and a scorer fitted across SummaC's more varied "
           "sets transfers less well. ")
        + "".join(f"{results['scorers'][v].split(' (')[0].strip('*')} reached {100 * row[v]['pearson']:.1f} / {100 * row[v]['spearman']:.1f}. "
                  for v in ("faithfulness", "v4", "v3", "v2", "v1") if v in row and v != mine)
        + "The published QAGS figure is on the same judgements, but the paper's baselines compare with the "
        "reference summary, not the source, so those rows are not the same measurement as ours."
    )


def headline(results: dict) -> list[dict[str, str]]:
    """The page's at-a-glance row."""
    row = results["correlations"][results["aggregate"]]
    base = max((s for s in row if s in BASELINES), key=lambda s: row[s]["pearson"])
    figs = {f["system"]: f["value"] for f in (results.get("published") or {}).get("figures", [])}
    return [{"check": "faithfulness scorer", "data": "QAGS-CNN/DM, 235 summaries", "measure": "Pearson / Spearman ×100",
             "ours": " ; ".join(f"{100 * row[k]['pearson']:.1f} / {100 * row[k]['spearman']:.1f} ({k})"
                                for k in ("faithfulness_lm", "faithfulness") if k in row),
             "baseline": f"{results['scorers'][base]}: {100 * row[base]['pearson']:.1f} / {100 * row[base]['spearman']:.1f}",
             "published": f"QAGS {figs['QAGS']} Pearson" if "QAGS" in figs else "—"}]
