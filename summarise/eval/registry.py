"""The metric registry: every metric by name, with its card and how the runner feeds it.

A metric is a small pure function with keyword-only arguments (``rouge1(summary=...,
reference=...)``); the registry adds what the runner needs to call it on one scored item
(:class:`ItemContext`), the per-item details it keeps beside the scores (:class:`Details`), the
run-wide inputs it needs (:func:`run_option`) and what a reader needs to trust it
(:class:`MetricCard`). This module imports no metric: the metrics register themselves when the
package :mod:`summarise.eval.metrics` is imported, which ``import summarise.eval`` does.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Mapping, Sequence

from .._errors import InputError, SummariseError
from .._types import Claim, Summary

__all__ = [
    "Details",
    "Metric",
    "MetricCard",
    "ItemContext",
    "read_prediction",
    "METRICS",
    "RUN_OPTIONS",
    "MetricError",
    "register",
    "run_option",
    "run_options",
    "get_metric",
    "metric_names",
]


class MetricError(SummariseError):
    """A metric cannot run (unknown name, missing lexicon or dependency): it never returns 0
    instead."""


@dataclass(frozen=True)
class MetricCard:
    """What a metric measures, in three lines."""

    definition: str
    """What is computed."""
    range: str
    """Possible values, and what ``None`` means for this metric."""
    misses: str
    """What the metric does not see (its known blind spots)."""


@dataclass
class ItemContext:
    """One reference item and one prediction, as the runner hands them to metrics.

    Metrics read the prediction as the library's typed record (:attr:`result`, a
    :class:`~summarise.Summary`); the reference item stays in the reference format (a dict).
    Shared work (reading the prediction, claim matching, which embeds every claim) is done once
    per item.
    """

    item: Mapping[str, Any]
    """The reference item (the reference format: ``text``, ``reference_summary``, ``claims``...)."""
    prediction: Mapping[str, Any]
    """The prediction as stored (``Summary.to_dict()`` form): what the score cache hashes."""
    seconds: float = 0.0
    """Wall-clock seconds the system took on this item, measured by the runner."""
    options: dict[str, Any] = field(default_factory=dict)
    """Run-wide inputs some metrics need (``lexicon``: the loaded NRC-VAD table)."""

    @cached_property
    def result(self) -> Summary:
        """:attr:`prediction` read by :meth:`Summary.from_dict <summarise.Summary.from_dict>`; a
        prediction it cannot read is an :class:`~summarise.InputError` naming the item."""
        return read_prediction(self.prediction, self.item.get("id"))

    @property
    def summary(self) -> str:
        return self.result.text

    @property
    def predicted_claims(self) -> tuple[Claim, ...]:
        return self.result.claims

    @property
    def reference_claims(self) -> list[Mapping[str, Any]]:
        return list(self.item.get("claims") or [])

    @cached_property
    def matches(self) -> list[Any]:
        from .matching import match_claims

        return match_claims([c.text for c in self.predicted_claims],
                            [str(c.get("claim", "")) for c in self.reference_claims])


def read_prediction(prediction: Any, item_id: Any = None, stored_in: Any = None) -> Summary:
    """``prediction`` (the ``Summary.to_dict()`` form) as a :class:`~summarise.Summary`; one that
    is not in that form is an :class:`~summarise.InputError` naming the item (and the file it was
    stored in, when given) and what to do.

    >>> read_prediction({"summary": "Talks failed.", "claims": [{"text": "Talks failed."}]}, "a1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    summarise.InputError: The prediction for item 'a1' is not in the Summary.to_dict() form: Summary.from_dict: key 'source' is missing; ...
    """
    try:
        return Summary.from_dict(prediction)
    except (InputError, TypeError, ValueError) as e:
        where = f" stored in {stored_in}" if stored_in else ""
        raise InputError(f"The prediction for item {item_id!r}{where} is not in the Summary.to_dict() form: {e}. "
                         "Store what Summary.to_dict() returns (a system's predict must return it), or delete "
                         "the item's line from predictions.jsonl so that it is predicted again.") from None


@dataclass(frozen=True)
class Details:
    """Per-item details a metric keeps beside its score in ``results.json`` (the claim matches,
    the leaked terms...): computed once per item for all the run's metrics that name the same
    ``group``, and cached with the scores."""

    group: str
    """Name of the group (several metrics may share one: the claim metrics' ``claims``)."""
    compute: Callable[[ItemContext], dict[str, Any]]
    """The details of one item, as the keys they add to its ``details``."""
    when: Callable[[ItemContext], bool] = lambda ctx: True
    """Whether the item has them (the claim matches only where the item has reference claims)."""
    totals: Mapping[str, Callable[[list[Any]], Any]] = field(default_factory=dict)
    """Detail key -> how to total it over a run (given its value on every item that has it): the
    total is written at the top level of ``results.json`` under the same key, for every run,
    whichever metrics it scored (the claims group's ``kind_confusion``: the summed matrix)."""


@dataclass(frozen=True)
class Metric:
    """A registered metric."""

    name: str
    """Registry name (``rouge1``, ``claim_f1``...)."""
    fn: Callable[..., float | None]
    """The pure function (keyword-only arguments)."""
    card: MetricCard
    """Definition, range, blind spots."""
    higher_is_better: bool
    """Direction, for tables and plots."""
    inputs: Callable[[ItemContext], dict[str, Any]]
    """Builds ``fn``'s keyword arguments from one item."""
    needs: tuple[str, ...] = ()
    """Run options the metric cannot run without (``lexicon``)."""
    requires: tuple[str, ...] = ()
    """Item fields only some benchmarks have (``attributions``): such a metric runs only when a
    benchmark or the command line names it, never by default."""
    details: Details | None = None
    """The per-item details the runner keeps for it (``None``: none)."""
    label: str = ""
    """Short column heading in tables (the name when empty)."""
    hf_module: str = ""
    """The Hugging Face ``evaluate`` module of :mod:`summarise.eval.hf` that computes it
    (``claims``, ``summary``; empty: none). A metric with ``needs`` joins its module's output
    when ``compute`` is given those run options (the framing metrics with ``lexicon=PATH``)."""

    @property
    def heading(self) -> str:
        """The column heading: :attr:`label`, or the name."""
        return self.label or self.name

    def score(self, ctx: ItemContext) -> float | None:
        """The metric on one item (``None``: undefined here, left out of the mean)."""
        for need in self.needs:
            if ctx.options.get(need) is None:
                raise MetricError(f"Metric {self.name!r} needs the run option {need!r}, which was not given.")
        value = self.fn(**self.inputs(ctx))
        return None if value is None else float(value)


#: name -> Metric, filled by the metric modules as they are imported (``import summarise.eval``
#: imports them all).
METRICS: dict[str, Metric] = {}
#: Run option name -> how to load it once per run from what the run was given
#: (:func:`run_option`; ``lexicon``: the NRC-VAD table from the ``--lexicon`` path).
RUN_OPTIONS: dict[str, Callable[[Mapping[str, Any]], Any]] = {}


def register(
    name: str,
    *,
    card: MetricCard,
    higher_is_better: bool,
    inputs: Callable[[ItemContext], dict[str, Any]],
    needs: tuple[str, ...] = (),
    requires: tuple[str, ...] = (),
    details: Details | None = None,
    label: str = "",
    hf_module: str = "",
) -> Callable[[Callable[..., float | None]], Callable[..., float | None]]:
    """Decorator: register ``fn`` under ``name`` (the arguments are :class:`Metric`'s fields)."""

    def decorate(fn: Callable[..., float | None]) -> Callable[..., float | None]:
        METRICS[name] = Metric(name, fn, card, higher_is_better, inputs, needs, requires, details, label, hf_module)
        return fn

    return decorate


def run_option(name: str) -> Callable[[Callable[[Mapping[str, Any]], Any]], Callable[[Mapping[str, Any]], Any]]:
    """Decorator: ``fn(given)`` loads the run option ``name`` that metrics list in ``needs``, from
    what the run was given (``{"lexicon": path or None}``)."""

    def decorate(fn: Callable[[Mapping[str, Any]], Any]) -> Callable[[Mapping[str, Any]], Any]:
        RUN_OPTIONS[name] = fn
        return fn

    return decorate


def run_options(metrics: Sequence[Metric], given: Mapping[str, Any]) -> dict[str, Any]:
    """The run options for ``metrics``: each given one (``None`` when absent) and each one a
    metric needs, loaded by its :func:`run_option` (a given value is loaded too, so that a bad
    path fails before any model runs)."""
    options: dict[str, Any] = {name: None for name in given}
    wanted = [n for n, v in given.items() if v] + [n for m in metrics for n in m.needs]
    for name in dict.fromkeys(wanted):
        if name not in RUN_OPTIONS:
            raise MetricError(f"No metric module provides the run option {name!r}.")
        options[name] = RUN_OPTIONS[name](given)
    return options


def metric_names() -> list[str]:
    """Every registered metric name, in registration order."""
    return list(METRICS)


def get_metric(name: str) -> Metric:
    """The metric called ``name``; an unknown name says which names exist.

    >>> get_metric("rouge1").higher_is_better
    True
    >>> get_metric("claim_f2")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    summarise.eval.registry.MetricError: Unknown metric 'claim_f2'. Did you mean 'claim_f1'... Available: ...
    """
    if name in METRICS:
        return METRICS[name]
    close = difflib.get_close_matches(name, METRICS, n=2)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise MetricError(f"Unknown metric {name!r}.{hint} Available: {', '.join(METRICS)}.")
