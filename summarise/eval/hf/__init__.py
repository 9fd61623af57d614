"""The harness's metrics as Hugging Face ``evaluate`` modules, and the reference format as
``datasets`` Features.

Two modules, each a folder ``evaluate.load`` takes offline (:func:`module_path` gives it). Which
registered metrics a module computes, each metric declares itself (``register(...,
hf_module=...)``; :data:`MODULES` lists them, in registration order):

- ``claims``: claim_precision, claim_recall, claim_f1, attribution_accuracy, kind_accuracy,
  evidence_overlap, inconsistency_recall;
- ``summary``: ROUGE, semantic similarity, loaded-term leaks, unsupported numbers and entities,
  attribution kept, fallback rate, faithfulness, invented words; the two framing metrics (which
  need the run option ``lexicon``) too when ``compute(..., lexicon=PATH)`` names the NRC-VAD
  lexicon.

``compute(predictions=..., references=...)`` takes one prediction per article in the
``Summary.to_dict()`` form and one reference item per article in the reference format, scores
each article with the harness's own registered metric and returns each metric's mean over the
articles where it is defined: the numbers ``summarise eval run`` writes to ``results.json``
(``aggregate[name]["mean"]``). Keys a metric does not read are dropped before ``evaluate``
stores the inputs; missing optional keys are empty.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

__all__ = [
    "MODULES", "module_path", "prediction_feature", "reference_feature", "reference_features",
    "load_reference_dataset", "harness_means", "HarnessMetric",
]

_HERE = Path(__file__).resolve().parent



def _modules(*, given: Sequence[str] = ()) -> dict[str, tuple[str, ...]]:
    """evaluate module name (in name order) -> the registered metrics that declare it
    (``Metric.hf_module``), in registration order: those that need no run option, and those whose
    ``needs`` are all in ``given``."""
    from ..registry import METRICS

    modules: dict[str, tuple[str, ...]] = {}
    for m in METRICS.values():
        if m.hf_module and set(m.needs) <= set(given):
            modules[m.hf_module] = (*modules.get(m.hf_module, ()), m.name)
    return dict(sorted(modules.items()))


def module_path(name: str) -> str:
    """The folder of the ``evaluate`` module ``name``, for ``evaluate.load`` (offline).

    >>> import evaluate
    >>> claims = evaluate.load(module_path("claims"))
    >>> text = "Seoul reported that North Korea had shipped 6,700 containers to Russia."
    >>> reference = {"text": text, "claims": [{"claim": "South Korea said North Korea shipped 6,700 containers to Russia.",
    ...              "source": "South Korea", "kind": "allegation", "evidence": [text[:-1]]}]}
    >>> prediction = {"claims": [{"text": "Seoul said North Korea shipped 6,700 containers to Russia.", "source": "Seoul",
    ...               "kind": "statement", "evidence": [{"start": 0, "end": len(text) - 1, "text": text[:-1]}]}]}
    >>> scores = claims.compute(predictions=[prediction], references=[reference])
    >>> scores["claim_f1"], scores["attribution_accuracy"], scores["kind_accuracy"]
    (1.0, 1.0, 0.0)
    """
    modules = _modules()
    if name not in modules:
        import difflib

        close = difflib.get_close_matches(name, modules, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"No evaluate module {name!r}.{hint} Available: {', '.join(modules)}.")
    return str(_HERE / name)


def _span() -> Any:
    from datasets import Value

    return {"start": Value("int64"), "end": Value("int64"), "text": Value("string")}


def prediction_feature() -> dict[str, Any]:
    """One prediction (``Summary.to_dict()``) as a ``datasets`` feature: the keys metrics read."""
    from datasets import List, Value

    return {
        "summary": Value("string"),
        "sentences": List({"text": Value("string"), "claims": List(Value("string")), "wording": Value("string")}),
        "claims": List({"id": Value("string"), "text": Value("string"), "source": Value("string"),
                        "kind": Value("string"), "wording": Value("string"), "cue": Value("string"),
                        "evidence": List(_span())}),
        "inconsistencies": List({"description": Value("string"), "evidence": List(_span())}),
    }


def reference_feature() -> dict[str, Any]:
    """One reference item as a ``datasets`` feature (the documented fields of the format)."""
    from datasets import List, Value

    return {
        "id": Value("string"),
        "title": Value("string"),
        "text": Value("string"),
        "reference_summary": Value("string"),
        "claims": List({"claim": Value("string"), "source": Value("string"), "kind": Value("string"),
                        "evidence": List(Value("string")), "note": Value("string")}),
        "loaded_terms": List(Value("string")),
        "inconsistencies": List({"evidence": Value("string"), "note": Value("string")}),
    }


def reference_features() -> Any:
    """The reference format as declared ``datasets.Features`` (one column per field)."""
    from datasets import Features

    return Features(reference_feature())


def load_reference_dataset(path: str | Path) -> Any:
    """A reference ``.jsonl`` file, validated, as a ``datasets.Dataset`` with the declared
    :func:`reference_features` (fields outside the format are left out).

    >>> import json, tempfile
    >>> item = {"id": "a", "title": "t", "text": "Troops massed.", "reference_summary": "Troops massed.",
    ...         "claims": [{"claim": "Troops massed.", "source": "the article", "kind": "fact",
    ...                     "evidence": ["Troops massed"]}], "loaded_terms": [], "inconsistencies": [], "extra": 1}
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
    ...     _ = fh.write(json.dumps(item) + "\\n")
    >>> ds = load_reference_dataset(fh.name)
    >>> ds.features["claims"].feature["kind"], ds[0]["claims"][0]["evidence"], "extra" in ds.column_names
    (Value('string'), ['Troops massed'], False)
    """
    import datasets

    from ..references import check_references
    from ..references import read_jsonl  # the validator's own reader: line numbers in problems

    check_references(str(path))
    rows = [_project(dict(row), reference_feature()) for _, row in read_jsonl(Path(path))]
    return datasets.Dataset.from_list(rows, features=reference_features())


def _project(value: Any, feature: Any) -> Any:
    """``value`` with only the keys ``feature`` declares (recursively); missing ones empty."""
    from datasets import List

    if isinstance(feature, dict):
        value = value if isinstance(value, Mapping) else {}
        return {k: _project(value.get(k), f) for k, f in feature.items()}
    if isinstance(feature, List):
        return [_project(v, feature.feature) for v in (value or [])]
    if value is None and getattr(feature, "dtype", "") == "string":
        return ""
    return value


def harness_means(names: Sequence[str], *, predictions: Sequence[Mapping[str, Any]],
                  references: Sequence[Mapping[str, Any]], options: Mapping[str, Any] | None = None) -> dict[str, float | None]:
    """Each named harness metric on every (prediction, reference) pair, averaged over the pairs
    where it is defined, exactly as the runner aggregates it; ``None`` where it never is."""
    import numpy as np

    from ..registry import ItemContext, get_metric

    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references: give one of each per article")
    metrics = [get_metric(n) for n in names]
    values: dict[str, list[float]] = {n: [] for n in names}
    for prediction, reference in zip(predictions, references):
        ctx = ItemContext(reference, prediction, 0.0, dict(options or {}))
        for m in metrics:
            v = m.score(ctx)
            if v is not None:
                values[m.name].append(v)
    return {n: (float(np.mean(v)) if v else None) for n, v in values.items()}


@lru_cache(maxsize=1)
def _metric_base() -> type:
    import evaluate

    class _HarnessMetric(evaluate.Metric):
        """An ``evaluate`` module over registered harness metrics (subclasses set ``GROUP``)."""

        GROUP = ""

        def _info(self) -> Any:
            import datasets

            from ..registry import get_metric

            cards = "\n".join(f"- {n}: {get_metric(n).card.definition} Range: {get_metric(n).card.range} "
                              f"Misses: {get_metric(n).card.misses}" for n in _modules()[self.GROUP])
            return evaluate.MetricInfo(
                description=f"summarise's {self.GROUP} metrics, computed by the project's eval harness.\n{cards}",
                citation="",
                inputs_description=(
                    "predictions: one Summary.to_dict() per article (summary, sentences, claims with text, source, "
                    "kind, wording and evidence spans). references: one reference item per article (text, "
                    "reference_summary, claims with claim, source, kind and evidence strings, loaded_terms, "
                    "inconsistencies). Returns each metric's mean over the articles where it is defined (None if "
                    "nowhere)." + (" lexicon: optional NRC-VAD path, adds the framing metrics." if self.GROUP == "summary" else "")
                ),
                features=datasets.Features({"predictions": prediction_feature(), "references": reference_feature()}),
                reference_urls=["https://github.com/huggingface/evaluate"],
            )

        # Keep only what the declared features hold: a stored result carries more (provenance,
        # centrality...), which evaluate would refuse. compute(predictions=...) goes through add_batch.
        def add_batch(self, *, predictions: Any = None, references: Any = None, **kwargs: Any) -> None:
            """Add a batch of predictions and references (``evaluate`` appends the inputs' description)."""
            if predictions is not None:
                predictions = [_project(p, prediction_feature()) for p in predictions]
            if references is not None:
                references = [_project(r, reference_feature()) for r in references]
            super().add_batch(predictions=predictions, references=references, **kwargs)

        def add(self, *, prediction: Any = None, reference: Any = None, **kwargs: Any) -> None:
            """Add one prediction and its reference (``evaluate`` appends the inputs' description)."""
            super().add(prediction=None if prediction is None else _project(prediction, prediction_feature()),
                        reference=None if reference is None else _project(reference, reference_feature()), **kwargs)

        def _compute(self, predictions: Any, references: Any, lexicon: str | None = None) -> dict[str, Any]:
            from ..registry import RUN_OPTIONS

            given = {"lexicon": lexicon} if lexicon is not None else {}
            names = list(_modules(given=list(given))[self.GROUP])
            options = {n: RUN_OPTIONS[n](given) for n in given}  # the lexicon loaded by its run option
            return harness_means(names, predictions=predictions, references=references, options=options)

    return _HarnessMetric


def __getattr__(name: str) -> Any:
    # the base class is built on first use, so importing this package does not import evaluate;
    # MODULES is read from the registry on each use (a metric registered later is in it)
    if name == "HarnessMetric":
        return _metric_base()
    if name == "MODULES":
        return _modules()
    raise AttributeError(name)
