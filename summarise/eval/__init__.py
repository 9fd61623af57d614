"""The evaluation harness: score summaries and claim lists against annotated references,
compare systems and models, publish the tables.

    >>> from summarise.eval import get_metric
    >>> get_metric("loaded_leak_rate").fn(summary="A 'reckless' move.", loaded_terms=["reckless"])
    0.0

Layers, kept apart (as in HELM): data (:mod:`.references`, :mod:`.neus`, :mod:`.benchmarks`),
systems (:mod:`.systems`), metrics (the package :mod:`.metrics`, one module per family, each
registering its metrics in :mod:`.registry` when imported, as this package does), the runner
(:mod:`.runner`) and reports (:mod:`.compare`).
The command line is ``summarise eval run | compare | validate`` (:mod:`.cli`); docs/eval.md
documents the format, every metric card and the claim-matching rule.
"""

from __future__ import annotations

from .benchmarks import Benchmark, list_benchmarks, load_benchmark, load_benchmark_items
from . import metrics  # noqa: F401  (registers every metric: METRICS is full on import)
from .compare import compare_runs, leaderboard_markdown, update_models_md
from .matching import MATCH_THRESHOLD, ClaimMatch, match_claims
from .references import check_references, load_references, to_items
from .registry import METRICS, ItemContext, Metric, MetricCard, MetricError, get_metric, metric_names
from .runner import run_eval
from .systems import SYSTEMS, System, build_system

__all__ = [
    "Benchmark",
    "list_benchmarks",
    "load_benchmark",
    "load_benchmark_items",
    "check_references",
    "load_references",
    "to_items",
    "METRICS",
    "Metric",
    "MetricCard",
    "MetricError",
    "ItemContext",
    "get_metric",
    "metric_names",
    "MATCH_THRESHOLD",
    "ClaimMatch",
    "match_claims",
    "System",
    "SYSTEMS",
    "build_system",
    "run_eval",
    "compare_runs",
    "leaderboard_markdown",
    "update_models_md",
]
