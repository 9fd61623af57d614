"""The SummaC study's data and features, shared with the QAGS and WiCE studies: the sets, each
summary's sentences with the scorer's features and the baselines' values (cached), and the
summary scores of a scorer or a baseline over them.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from .. import faithfulness as fa
from .._lm_evidence import read_cache
from ._evidence import feature_rows

__all__ = ["BASELINES", "SCORER_LABELS", "cached_features", "item_features", "load_set", "summary_scores"]

#: Baselines: per-sentence values stored with the features, aggregated like our scorer's.
BASELINES = ("rouge2_f1", "rouge2_precision", "embedding_cosine")
SCORER_LABELS = {"nested": "**Ours: nested selection** (v5: relation, token-alignment and local-bigram features among the candidates; candidate, weights and threshold fitted without the scored set)",
                 "nested_nolm": "v5 without the LM (the default scorer: no model at run time; nested selection over the candidates without LM features)",
                 "nested_v4": "v4: nested selection over the candidates declared up to v4 (synthetic data among them; LM candidates only where the config has an lm entry)",
                 "nested_base": "v3: nested selection (base features only, no synthetic data, copy rule)",
                 "nested_no_copy": "v2: nested selection without the copy rule",
                 "v1": "v1: fixed full combination (logistic, all features, l2 0.01)",
                 "rouge2_f1": "ROUGE-2 F1 vs document",
                 "rouge2_precision": "ROUGE-2 precision vs document", "embedding_cosine": "MiniLM cosine vs document"}


@lru_cache(maxsize=1)
def _rouge2() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)


@lru_cache(maxsize=4)
def _doc_vector(document: str) -> np.ndarray:
    from ..._embed import embed

    return embed([document])[0]


def item_features(document: str, summary: str) -> dict[str, Any]:
    """Sentences, scorer features and baseline values of one summary against its document."""
    from ..._embed import embed

    sents = fa.split_sentences(summary)
    feats = fa.sentence_features(document=document, sentences=sents)
    r2 = [_rouge2().score(document, s)["rouge2"] for s in sents]
    cos = (embed(sents) @ _doc_vector(document)).tolist() if sents else []
    return {"sentences": sents, "features": feats.round(6).tolist(), "rouge2_f1": [r.fmeasure for r in r2],
            "rouge2_precision": [r.precision for r in r2], "embedding_cosine": cos}


def cached_features(pairs: Sequence[tuple[str, str]], cache: pathlib.Path, log: Callable[[str], None]) -> list[dict]:
    """:func:`item_features` of every (document, summary) pair, via an append-only JSONL cache
    (resumable; pairs are processed grouped by document so each document is analysed once)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"features-v{fa.FEATURE_VERSION}.jsonl"
    key = lambda d, s: hashlib.sha1(f"{d}\0{s}".encode()).hexdigest()
    done = read_cache(path)
    todo = sorted({key(d, s): (d, s) for d, s in pairs if key(d, s) not in done}.items(), key=lambda kv: kv[1][0])
    log(f"features: {len(pairs) - len(todo)} cached, {len(todo)} to compute")
    with open(path, "a", encoding="utf-8") as fh:
        for n, (k, (d, s)) in enumerate(todo, 1):
            done[k] = {"key": k, **item_features(d, s)}
            fh.write(json.dumps(done[k]) + "\n")
            fh.flush()
            if n % 100 == 0:
                log(f"features: {n}/{len(todo)}")
    return [done[key(d, s)] for d, s in pairs]


def load_set(path: pathlib.Path, limit: int | None = None) -> list[dict[str, Any]]:
    """One SummaC set: ``[{id, document, claim, label}]`` (label 1 consistent), file order;
    ``limit``: only the first ``limit`` items of each label (a quick subsample)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    items = [{"id": str(k), "document": v["document"], "claim": v["claim"], "label": int(v["label"])} for k, v in raw.items()]
    if limit:
        items = [it for c in (0, 1) for it in [x for x in items if x["label"] == c][:limit]]
    return items


_STACKS: dict[int, tuple[Sequence[dict], np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}


def _stacked(recs: Sequence[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """All sentence feature rows of ``recs`` stacked, with each summary's first row and row count,
    and whether each sentence is copied word for word from its document (cached)."""
    hit = _STACKS.get(id(recs))
    if hit is None or hit[0] is not recs:
        rows = [feature_rows(r) for r in recs]
        lens = np.array([len(x) for x in rows])
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(int)
        flags = np.array([bool(c) for r in recs for c in r.get("copied", [False] * len(r["features"]))], dtype=bool)
        hit = _STACKS[id(recs)] = (recs, np.vstack(rows) if rows else np.zeros((0, len(fa.ALL_FEATURES))), starts, lens, flags)
    return hit[1], hit[2], hit[3], hit[4]


def summary_scores(recs: Sequence[dict], scorer: str, rule: str, model: fa.FaithModel | None = None) -> np.ndarray:
    """Each summary's aggregated score: ``model``'s sentence scores when given (copied sentences 1
    under its copy rule), else the stored per-sentence values of baseline ``scorer``; a summary
    without a sentence scores -inf."""
    if model is None:
        vals = [fa.aggregate(r[scorer], rule) for r in recs]
        return np.asarray([-np.inf if v is None else v for v in vals], dtype=float)
    x, starts, lens, flags = _stacked(recs)
    out = np.full(len(recs), -np.inf)
    ok = lens > 0
    if ok.any():
        s = model.predict(x)
        if model.copy_rule:
            s = np.where(flags, 1.0, s)
        out[ok] = (np.minimum.reduceat(s, starts[ok]) if rule == "min" else np.add.reduceat(s, starts[ok]) / lens[ok])
    return out
