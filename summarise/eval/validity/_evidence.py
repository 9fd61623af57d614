"""What the faithfulness studies (SummaC, QAGS, WiCE) share beyond the base features: the
language-model rows of each record, the synthetic training set, and bootstrap intervals.

- :func:`add_lm_rows`: each record's :data:`~summarise.eval._lm_evidence.LM_FEATURES` rows
  (``rec["lm"]``), from the on-disk cache under ``runs/validity/cache/lm`` (keyed by text and
  model: a rerun computes nothing), with the backend the config names (``lm: {model, backend}``).
- :func:`feature_rows`: a record's base and LM columns side by side (:data:`ALL_FEATURES`); LM
  columns are NaN where a record has none (a model that uses them must not be scored there).
- :func:`load_synthetic`: the synthetic FactCC-style set written by
  ``scripts/make_synthetic_faithfulness.py`` (never committed), as records like SummaC's.
- :func:`bootstrap_mean`: a percentile interval of a mean-over-sets figure (AUC or balanced
  accuracy) by resampling items within each set (classes kept), models and thresholds fixed.
"""

from __future__ import annotations

import json
import pathlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .. import faithfulness as fa
from .._lm_evidence import LM_FEATURES, cached_lm_features
from ._stats import balanced_accuracy, roc_auc

__all__ = ["add_lm_rows", "bootstrap_mean", "feature_rows", "lm_scorer", "load_synthetic", "shipped_models"]


def lm_scorer(config: Mapping[str, Any]) -> Any:
    """The backend the config's ``lm`` entry names (default: the embedded model on llama.cpp,
    one thread), or None when the config has no ``lm`` entry."""
    spec = config.get("lm")
    if not spec:
        return None
    from ...backends import load_backend

    spec = spec if isinstance(spec, dict) else {}
    options = dict(spec.get("options") or {})
    backend = spec.get("backend")
    if backend == "llamacpp":
        options.setdefault("n_threads", 1)
    return load_backend(str(spec.get("model", "smollm2-135m")), backend=backend, **options)


def add_lm_rows(recs: Sequence[dict], documents: Sequence[str], config: Mapping[str, Any], cache: pathlib.Path,
                log: Callable[[str], None]) -> str | None:
    """Set ``rec["lm"]`` for every record (``documents[i]`` is record i's article) when the config
    asks for LM features; return the scorer's description, or None."""
    scorer = lm_scorer(config)
    if scorer is None:
        return None
    rows = cached_lm_features([(d, r["sentences"]) for d, r in zip(documents, recs)], scorer,
                              pathlib.Path(cache).parent / "lm", log)
    for r, x in zip(recs, rows):
        r["lm"] = x.tolist()
    from .._lm_evidence import scorer_key

    return scorer_key(scorer)


def shipped_models(config: Mapping[str, Any], *, with_lm: bool) -> tuple[dict[str, fa.FaithModel], dict[str, str]]:
    """The scorers shipped in the library (``config["model"]`` overrides the default one's path):
    the default (no LM), the LM one when ``with_lm`` and it is shipped, and the earlier versions
    its meta records (v4, v3, v2, v1), for the history; with their row labels."""
    model = fa.load_model(config.get("model"))
    models = {"faithfulness": model}
    labels = {"faithfulness": f"Our default scorer, no LM ({model.meta.get('candidate', model.kind)}; fitted on SummaC"
                              + (" and synthetic data" if model.meta.get("synthetic_items") else "") + " only)"}
    if with_lm and pathlib.Path(config.get("model_lm") or fa.LM_MODEL_PATH).is_file():
        lm = fa.load_model(str(config.get("model_lm") or fa.LM_MODEL_PATH))
        models["faithfulness_lm"] = lm
        labels["faithfulness_lm"] = (f"**Ours with LM evidence** ({lm.meta.get('candidate', lm.kind)}; fitted on SummaC"
                                     + (" and synthetic data" if lm.meta.get("synthetic_items") else "") + " only)")
    for key, label in (("v4_candidates", "v4: selection over the candidates up to v4"), ("v3_base_features", "v3: base features, copy rule"),
                       ("v2_without_copy_rule", "v2: without the copy rule"), ("v1_full_combination", "v1: full combination, l2 0.01")):
        if model.meta.get(key):
            short = key.split("_")[0]
            models[short] = fa.FaithModel(**model.meta[key])
            labels[short] = f"{label} (fitted on SummaC" + (" and synthetic data" if model.meta[key].get("meta", {}).get("synthetic_items") else "") + " only)"
    return models, labels


def feature_rows(rec: Mapping[str, Any]) -> np.ndarray:
    """The record's sentence rows over :data:`~summarise.eval.faithfulness.ALL_FEATURES`.

    >>> feature_rows({"features": [[0.0] * len(fa.FEATURES)], "lm": [[1.0, 2.0, 3.0, 4.0]]}).shape == (1, len(fa.ALL_FEATURES))
    True
    """
    base = np.asarray(rec["features"], dtype=float).reshape(-1, len(fa.FEATURES))
    lm = rec.get("lm")
    extra = (np.asarray(lm, dtype=float).reshape(-1, len(LM_FEATURES)) if lm is not None
             else np.full((len(base), len(LM_FEATURES)), np.nan))
    return np.hstack([base, extra])


def load_synthetic(path: pathlib.Path, limit: int | None = None) -> list[dict[str, Any]]:
    """``[{id, document, claim, label, kind}]`` from the synthetic JSONL (label 1 consistent)."""
    items = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append({"id": r["id"], "document": r["document"], "claim": r["claim"], "label": int(r["label"]),
                          "kind": r.get("kind", "")})
    if limit:
        items = [it for c in (0, 1) for it in [x for x in items if x["label"] == c][:limit]]
    return items


def bootstrap_mean(per_set: Mapping[str, tuple[np.ndarray, np.ndarray, float]], *, rounds: int = 1000,
                   seed: int = 0, paired_with: Mapping[str, tuple[np.ndarray, np.ndarray, float]] | None = None,
                   ) -> dict[str, list[float]]:
    """95% percentile intervals of the mean over sets of ROC AUC and balanced accuracy.

    ``per_set``: set -> (held-out scores, labels, threshold). Items are resampled within each set
    and class; with ``paired_with`` (another scorer on the same items), the interval of the
    difference ``per_set - paired_with`` from the same resamples too.

    >>> y = np.array([0, 0, 1, 1] * 10); s = y + 0.1 * np.arange(40) % 1
    >>> ci = bootstrap_mean({"a": (s, y, 0.5)}, rounds=50)
    >>> ci["roc_auc"][0] <= ci["roc_auc"][1]
    True
    """
    rng = np.random.default_rng(seed)
    out: dict[str, list[list[float]]] = {k: [] for k in ("roc_auc", "balanced_accuracy", "diff_roc_auc", "diff_balanced_accuracy")}
    for _ in range(rounds):
        vals: dict[str, list[float]] = {k: [] for k in out}
        for name, (s, y, cut) in per_set.items():
            idx = np.concatenate([rng.choice(np.flatnonzero(y == c), size=int((y == c).sum())) for c in (0, 1) if (y == c).any()])
            a, b = roc_auc(s[idx], y[idx]), balanced_accuracy((s[idx] >= cut).astype(int), y[idx])
            vals["roc_auc"].append(a if a is not None else np.nan)
            vals["balanced_accuracy"].append(b)
            if paired_with is not None:
                s2, _, cut2 = paired_with[name]
                a2 = roc_auc(s2[idx], y[idx])
                vals["diff_roc_auc"].append((a if a is not None else np.nan) - (a2 if a2 is not None else np.nan))
                vals["diff_balanced_accuracy"].append(b - balanced_accuracy((s2[idx] >= cut2).astype(int), y[idx]))
        for k, v in vals.items():
            if v:
                out[k].append(float(np.nanmean(v)))
    return {k: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))] for k, v in out.items() if v}
