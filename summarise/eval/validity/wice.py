"""Validity of the faithfulness scorer on WiCE (dev): is a Wikipedia claim supported by the web
page it cites?

WiCE (Kamoi et al., 2023) labels each claim *supported*, *partially supported* or *not
supported* by its cited article. Here a claim counts as consistent only when fully supported
("consistent unless some part is not", as in the SummaC study), and the figure is ROC AUC; the
Spearman correlation with the three levels is reported beside. The cited pages are long (median
6,000 characters, up to 100,000): every scorer, the baselines included, sees the same document,
the ``evidence_lines`` lines of the page with the most content words in common with the claim,
in page order (a fixed, label-blind retrieval step; WiCE's own retrieval setting also narrows
the page). Nothing is fitted on WiCE: the scorers are the ones shipped in the library, fitted on
the SummaC sets (and the synthetic set where their candidate says so) only.
"""

from __future__ import annotations

import json
import pathlib
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from . import published_table
from ._evidence import add_lm_rows, shipped_models
from ._stats import roc_auc, spearman
from ._summac_data import BASELINES, SCORER_LABELS, cached_features, summary_scores

TITLE = "Faithfulness: WiCE dev (claims against the web pages they cite)"
LEVELS = {"supported": 2, "partially_supported": 1, "not_supported": 0}


def _words(text: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP_WORDS and len(w) > 1}


def retrieve(claim: str, lines: list[str], k: int) -> str:
    """The ``k`` lines sharing the most content words with ``claim`` (ties: earlier first), in
    page order, one per line.

    >>> retrieve("Paris hosted the 1900 Olympics.", ["Menu", "The 1900 Olympics were in Paris.", "Paris is big."], 2)
    'The 1900 Olympics were in Paris.\\nParis is big.'
    """
    want = _words(claim)
    scored = sorted(range(len(lines)), key=lambda i: (-len(want & _words(lines[i])), i))
    keep = sorted(i for i in scored[:k] if want & _words(lines[i])) or sorted(scored[:1])
    return "\n".join(lines[i].strip() for i in keep)


def load_wice(path: pathlib.Path, *, lines: int, limit: int | None = None) -> list[dict[str, Any]]:
    """``[{document, claim, level, label}]`` (label 1: fully supported)."""
    file = path if path.is_file() else path / "entailment_retrieval_claim_dev.jsonl"
    items = []
    for raw in file.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            r = json.loads(raw)
            level = LEVELS[r["label"]]
            items.append({"document": retrieve(r["claim"], list(r["evidence"]), lines), "claim": r["claim"],
                          "level": level, "label": int(level == 2)})
    return items[:limit] if limit else items


def run(config: dict, *, data: pathlib.Path, cache: pathlib.Path, log: Callable[[str], None]) -> dict:
    """The study: the shipped scorers and the baselines, AUC (supported vs not) and Spearman."""
    from .. import faithfulness as fa

    items = load_wice(pathlib.Path(data), lines=int(config.get("evidence_lines", 12)), limit=config.get("limit"))
    recs = cached_features([(it["document"], it["claim"]) for it in items], pathlib.Path(cache), log)
    for r, it in zip(recs, items):
        r["copied"] = fa.copied(it["document"], r["sentences"])
    lm_tag = add_lm_rows(recs, [it["document"] for it in items], config, cache, log)
    models, labels = shipped_models(config, with_lm=lm_tag is not None)
    rule = config.get("aggregate", "min")
    y = np.array([it["label"] for it in items])
    level = np.array([it["level"] for it in items])
    table = {}
    for sc in [*models, *BASELINES]:
        s = summary_scores(recs, sc, rule, models.get(sc))
        ok = np.isfinite(s)
        table[sc] = {"roc_auc": roc_auc(s[ok], y[ok]), "spearman": spearman(s[ok], level[ok]), "n": int(ok.sum())}
    log("AUC: " + ", ".join(f"{k} {v['roc_auc']:.3f}" for k, v in table.items()))
    return {
        "items": len(items), "levels": {k: int((level == v).sum()) for k, v in LEVELS.items()},
        "evidence_lines": int(config.get("evidence_lines", 12)), "aggregate": rule, "lm": lm_tag,
        "scorers": {**labels, **{k: SCORER_LABELS[k] for k in BASELINES}}, "scores": table,
        "published": config.get("published", {}),
    }


def render(results: dict) -> str:
    """The VALIDITY.md section."""
    lv = results["levels"]
    out = [(f"{results['items']} claims of WiCE's dev split ({lv['supported']} supported, {lv['partially_supported']} "
             f"partially, {lv['not_supported']} not supported), each against the {results['evidence_lines']} lines of its "
             "cited page that share most content words with it. Consistent = fully supported. Nothing was fitted "
             f"on WiCE. A claim's score is the **{results['aggregate']}** over its sentences, for the baselines too.\n"),
           "| Scorer | ROC AUC ×100 (supported vs not) | Spearman ×100 (3 levels) |\n|---|---|---|"]
    for sc, row in results["scores"].items():
        out.append(f"| {results['scorers'][sc]} | {100 * row['roc_auc']:.1f} | {100 * row['spearman']:.1f} |")
    out += published_table(results.get("published"), "Published figures (not the same protocol)")
    best = max((s for s in results["scores"] if s in BASELINES), key=lambda s: results["scores"][s]["roc_auc"])
    ours = {k: v for k, v in results["scores"].items() if k not in BASELINES}
    top = max(ours, key=lambda k: ours[k]["roc_auc"])
    verdict = "above" if ours[top]["roc_auc"] > results["scores"][best]["roc_auc"] else "not above"
    out.append(f"\nThe best of our scorers here, {results['scorers'][top]}, reaches AUC {100 * ours[top]['roc_auc']:.1f}, "
               f"{verdict} the best baseline ({results['scorers'][best]}, {100 * results['scores'][best]['roc_auc']:.1f}). "
               "Wikipedia claims paraphrase and combine facts from a page written for another purpose, so word overlap "
               "with the page says less here than on news summaries.")
    return "\n".join(out).strip() + "\n"


def headline(results: dict) -> list[dict[str, str]]:
    """The page's at-a-glance row."""
    sc = results["scores"]
    best = max((s for s in sc if s in BASELINES), key=lambda s: sc[s]["roc_auc"])
    ours = "faithfulness_lm" if "faithfulness_lm" in sc else "faithfulness"
    return [{"check": "faithfulness scorer", "data": f"WiCE dev, {results['items']} claims", "measure": "ROC AUC ×100 (supported vs not)",
             "ours": f"{100 * sc[ours]['roc_auc']:.1f} ({ours})" + (f"; without LM {100 * sc['faithfulness']['roc_auc']:.1f}" if ours != "faithfulness" else ""),
             "baseline": f"{results['scorers'][best]}: {100 * sc[best]['roc_auc']:.1f}", "published": "—"}]
