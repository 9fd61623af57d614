"""The runner: predictions stored as they finish, resumable, then scored into ``results.json``.

``DIR/predictions.jsonl`` gets one line per finished item (appended, flushed and fsynced), keyed
by a hash of: item id and text, system, model, backend, prompt hashes, package version, a hash
of the library's source files, and the generation settings. A re-run reuses a line only when
its key matches, so a code, prompt or setting change never silently reuses stale predictions;
an interrupted run loses at most the item in flight, and a half-written last line is dropped
and redone. Items whose system raised are recorded with the error and retried on the next run.

Scoring goes metric by metric, each score stored in ``DIR/scores.jsonl`` under a hash of what it
depends on (:mod:`._scoring`), so a re-run with nothing changed scores in a moment; the seconds
each metric took are in ``results.json`` under ``scoring``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .._models import model_label
from .._version import __version__
from ._scoring import SCORES_FILE, ScoreCache, detail_groups, package_digest, score_items, scoring_fingerprint
from .matching import MATCH_THRESHOLD
from .registry import ItemContext, Metric, get_metric, metric_names, read_prediction, run_options
from .systems import System

__all__ = ["run_eval", "default_metrics", "library_fingerprint", "bootstrap_ci", "item_key", "read_predictions", "EMPTY_PREDICTION"]

BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 0
#: What a failed item is scored as: nothing said, so recall-type metrics count it as 0.
EMPTY_PREDICTION: dict[str, Any] = {"summary": "", "sentences": [], "claims": [], "loaded_terms": [],
                                    "inconsistencies": [], "warnings": [], "provenance": {}}


def default_metrics(*, with_lexicon: bool = False) -> list[str]:
    """Every registered metric that needs no extra input (framing too when a lexicon is given)."""
    return [n for n in metric_names() if (not get_metric(n).needs or (with_lexicon and set(get_metric(n).needs) == {"lexicon"}))
            and not get_metric(n).requires]


def library_fingerprint() -> str:
    """sha256 over the library's source and data files (not the eval harness's own scoring code,
    which never changes a prediction; its systems and text helpers are included)."""
    return package_digest(lambda rel: not rel.startswith("eval/") or rel in ("eval/systems.py", "eval/_text.py"))


def item_key(item: Mapping[str, Any], text: str, system: System, settings: Mapping[str, Any], fingerprint: str) -> str:
    """The key a prediction is stored and reused under (see the module docstring)."""
    parts = {
        "id": item["id"], "text_sha256": hashlib.sha256(text.encode()).hexdigest(), "system": system.name,
        "model": system.model, "backend": system.backend, "prompts": system.prompts,
        "package_version": __version__, "library": fingerprint, "settings": dict(settings),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def read_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """Stored records by key (last line wins). A half-written last line (no newline: the
    process died mid-write) is cut off so that the next append starts on a fresh line."""
    if not path.exists():
        return {}
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        with open(path, "r+b") as fh:
            fh.truncate(keep)
        print(f"summarise eval: dropped a half-written last line of {path}; that item is redone", file=sys.stderr)
        data = data[:keep]
    records: dict[str, dict[str, Any]] = {}
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue  # a damaged line: its item is simply redone
        if isinstance(rec, dict) and "key" in rec:
            records[rec["key"]] = rec
    return records


def _append(fh: Any, record: Mapping[str, Any]) -> None:
    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    fh.flush()
    os.fsync(fh.fileno())  # a finished item survives a crash or a kill right after it


def bootstrap_ci(values: Sequence[float], *, resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """Percentile bootstrap 95% interval of the mean (fixed seed: the same values give the same
    interval).

    >>> bootstrap_ci([1.0, 1.0, 1.0])
    (1.0, 1.0)
    >>> lo, hi = bootstrap_ci([0.0, 1.0] * 10); 0.2 < lo < 0.5 < hi < 0.8
    True
    """
    arr = np.asarray(values, dtype=float)
    if arr.size == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = arr[rng.integers(0, arr.size, size=(resamples, arr.size))].mean(axis=1)
    return (float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5)))


def _contexts(items: list[dict[str, Any]], records: list[dict[str, Any]], options: dict[str, Any],
              stored_in: Path | None = None) -> list[ItemContext]:
    """One context per item, its prediction read with ``Summary.from_dict`` before any metric
    runs: a stored prediction not in that form stops the run with an ``InputError`` naming the
    item and ``stored_in``."""
    contexts = []
    for item, rec in zip(items, records):
        prediction = rec.get("prediction") or EMPTY_PREDICTION
        result = read_prediction(prediction, item.get("id"), stored_in)
        total = (result.provenance.seconds or {}).get("total")
        seconds = float(total) if isinstance(total, (int, float)) else float(rec.get("seconds") or 0.0)
        ctx = ItemContext(item, prediction, seconds, options)
        ctx.result = result  # the cached property, already read
        contexts.append(ctx)
    return contexts


def _aggregate(per_item: list[dict[str, Any]], metrics: list[Metric]) -> dict[str, Any]:
    agg: dict[str, Any] = {}
    for m in metrics:
        values = [e["scores"][m.name] for e in per_item if e["scores"].get(m.name) is not None]
        lo, hi = bootstrap_ci(values)
        agg[m.name] = {
            "mean": float(np.mean(values)) if values else None,
            "ci_low": lo if values else None, "ci_high": hi if values else None,
            "n": len(values), "higher_is_better": m.higher_is_better,
        }
    return agg


def _run_totals(per_item: list[dict[str, Any]]) -> dict[str, Any]:
    """The run totals the metrics' details declare (:attr:`Details.totals`), each over the items
    whose details have its key; those of every registered metric, so that ``results.json`` has
    the same keys whichever metrics a run scored (an empty total where none)."""
    totals: dict[str, Any] = {}
    for group in detail_groups([get_metric(n) for n in metric_names()]):
        for key, total in group.totals.items():
            totals[key] = total([e["details"][key] for e in per_item if key in e["details"]])
    return totals


def run_eval(
    items: Sequence[Mapping[str, Any]],
    system: System | Callable[[str], dict[str, Any]],
    out_dir: str | Path,
    *,
    metrics: Sequence[str] | None = None,
    lexicon: str | None = None,
    limit: int | None = None,
    settings: Mapping[str, Any] | None = None,
    system_inputs: Mapping[str, str] | None = None,
    benchmark: Mapping[str, Any] | None = None,
    progress: bool = True,
    cache_scores: bool = True,
) -> dict[str, Any]:
    """Validate ``items``, run ``system`` on them, store predictions, score, write
    ``results.json`` and return its content.

    ``system`` is a :class:`System` or any callable ``text -> prediction dict``.
    ``system_inputs`` maps a system name to the item field it reads instead of ``text``.
    ``progress``: the bars and notes on stderr (articles, then scoring metric by metric).
    ``cache_scores=False`` computes every score again instead of reusing ``DIR/scores.jsonl``.
    """
    from tqdm.auto import tqdm

    if not isinstance(system, System):
        system = System(getattr(system, "__name__", type(system).__name__), system)
    from .references import check_references

    items = [dict(i) for i in items][: limit if limit is not None else None]
    check_references(items)  # every problem reported before the system runs on anything
    names = list(metrics) if metrics is not None else default_metrics(with_lexicon=bool(lexicon))
    chosen = [get_metric(n) for n in names]
    options = run_options(chosen, {"lexicon": lexicon})  # a bad lexicon path fails here, before any model runs
    settings = dict(settings or {})
    field = (system_inputs or {}).get(system.name, "text")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pred_path = out / "predictions.jsonl"
    stored = read_predictions(pred_path)
    fingerprint = library_fingerprint()

    keyed = []
    for item in items:
        text = str(item.get(field) or item.get("text") or "")
        keyed.append((item, text, item_key(item, text, system, settings, fingerprint)))
    todo = [(i, t, k) for i, t, k in keyed if not (k in stored and stored[k].get("error") is None and stored[k].get("prediction") is not None)]
    cached = len(items) - len(todo)
    if progress and cached:
        print(f"summarise eval: {cached} of {len(items)} items from stored predictions in {pred_path}", file=sys.stderr)
    with open(pred_path, "a", encoding="utf-8") as fh:
        label = f"{system.name} {model_label(system.model) if system.model else ''}".strip()
        if progress and todo:
            loads = " (the model loads with the first article)" if system.backend_object is not None else ""
            print(f"summarise eval: running {label} on {len(todo)} items{loads}", file=sys.stderr)
        bar = tqdm(todo, desc=label, unit="article", disable=not progress or not todo, file=sys.stderr)
        for item, text, key in bar:
            t0 = time.perf_counter()
            record: dict[str, Any] = {"key": key, "id": item["id"], "system": system.name, "model": system.model,
                                      "backend": system.backend, "prompts": system.prompts, "package_version": __version__,
                                      "library": fingerprint, "settings": settings, "input_field": field}
            try:
                record["prediction"], record["error"] = system.predict(text), None
            except Exception as e:  # recorded and retried next run; KeyboardInterrupt stops the run
                record["prediction"], record["error"] = None, f"{type(e).__name__}: {e}"
                print(f"summarise eval: {item['id']!r} failed: {record['error']}", file=sys.stderr)
            record["seconds"] = time.perf_counter() - t0
            record["finished"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
            _append(fh, record)
            stored[key] = record
    records = [stored[k] for _, _, k in keyed]
    contexts = _contexts(items, records, options, pred_path)
    lexicon_sha = hashlib.sha256(Path(lexicon).read_bytes()).hexdigest() if lexicon and Path(lexicon).is_file() else None
    scoring = score_items(contexts, chosen, cache=ScoreCache(out / SCORES_FILE) if cache_scores else None,
                          run_key=f"{scoring_fingerprint()}|lexicon={lexicon_sha}", progress=progress)
    per_item = []
    for ctx, scores, details, rec in zip(contexts, scoring.scores, scoring.details, records):
        entry: dict[str, Any] = {"id": ctx.item["id"], "scores": scores, "details": details, "seconds": ctx.seconds}
        if rec.get("error"):
            entry["error"] = rec["error"]
        per_item.append(entry)
    metric_errors = scoring.errors
    revisions = {((r.get("prediction") or {}).get("provenance") or {}).get("revision") for r in records} - {None}
    results = {
        "provenance": {
            "system": system.name, "model": system.model, "model_label": model_label(system.model) if system.model else None,
            "backend": system.backend,
            "revision": sorted(revisions)[0] if len(revisions) == 1 else (sorted(revisions) or system.revision),
            "prompts": system.prompts, "package_version": __version__, "library_sha256": fingerprint,
            "benchmark": dict(benchmark) if benchmark else None, "settings": settings, "input_field": field,
            "metrics": names, "lexicon": lexicon, "match_threshold": MATCH_THRESHOLD,
            "bootstrap": {"resamples": BOOTSTRAP_RESAMPLES, "seed": BOOTSTRAP_SEED, "interval": 0.95},
            "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        },
        "counts": {"items": len(items), "from_stored_predictions": cached, "computed": len(todo),
                   "failed": sum(1 for r in records if r.get("error")), "metric_errors": len(metric_errors)},
        "aggregate": _aggregate(per_item, chosen),
        **_run_totals(per_item),  # the kind confusion matrix, summed
        "scoring": scoring.timing,
        "errors": [f"{e['id']!r}: {e['error']}" for e in per_item if e.get("error")] + metric_errors,
        "items": per_item,
    }
    tmp = out / "results.json.tmp"
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / "results.json")  # never a half-written results.json
    return results
