"""Claim metrics: how well the predicted claims cover the annotated ones, and whether their
source, kind and evidence are right.

All rest on one one-to-one matching of predicted to reference claims
(:func:`summarise.eval.matching.match_claims`: embedding similarity >= 0.55, no conflicting numbers,
Hungarian assignment). Predicted claims are the library's :class:`~summarise.Claim` records (the
runner reads each stored prediction with ``Summary.from_dict``); reference claims are in the
reference format (dicts: ``claim``, ``source``, ``kind``, ``evidence: [str]``).

Undefined values are ``None`` and left out of means: recall and F1 without reference claims
(the item is not annotated for claims), precision without predicted claims, the per-match
metrics without any match.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..._types import Claim, Inconsistency, Span
from .._sources import sources_match
from .._text import find_all
from ..matching import ClaimMatch, match_claims
from ..registry import Details, ItemContext, MetricCard, register

__all__ = [
    "claim_precision", "claim_recall", "claim_f1", "attribution_accuracy", "kind_accuracy",
    "kind_confusion", "evidence_overlap", "inconsistency_recall",
]

#: Predicted claims: the prediction's typed records.
Claims = Sequence[Claim]
#: Reference claims: the reference format's dicts.
References = Sequence[Mapping[str, Any]]


def _matches(predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None) -> Sequence[ClaimMatch]:
    if matches is not None:
        return matches
    return match_claims([c.text for c in predicted], [str(c.get("claim", "")) for c in reference])


def _claim_inputs(ctx: ItemContext) -> dict[str, Any]:
    return {"predicted": ctx.predicted_claims, "reference": ctx.reference_claims, "matches": ctx.matches}


def _details(ctx: ItemContext) -> dict[str, Any]:
    return {"matches": [[m.predicted, m.reference, round(m.similarity, 4)] for m in ctx.matches],
            "kind_confusion": kind_confusion(predicted=ctx.predicted_claims, reference=ctx.reference_claims, matches=ctx.matches)}


def _sum_confusion(tables: list[Mapping[str, Mapping[str, int]]]) -> dict[str, dict[str, int]]:
    """The kind confusion matrices of a run's items, summed (the top-level ``kind_confusion`` of
    results.json).

    >>> _sum_confusion([{"fact": {"fact": 2}}, {"fact": {"opinion": 1}, "denial": {"denial": 1}}])
    {'fact': {'fact': 2, 'opinion': 1}, 'denial': {'denial': 1}}
    """
    total: dict[str, dict[str, int]] = {}
    for table in tables:
        for ref, row in (table or {}).items():
            for pred, n in row.items():
                total.setdefault(ref, {})[pred] = total.setdefault(ref, {}).get(pred, 0) + n
    return total


#: The claim matches (predicted index, reference index, similarity) and the kind confusion, kept
#: per item in results.json where the item has reference claims; the kind confusion summed over
#: the run at the top level.
DETAILS = Details("claims", _details, when=lambda ctx: bool(ctx.reference_claims), totals={"kind_confusion": _sum_confusion})

_MATCH_MISSES = (
    "Matching is by embedding similarity, so a claim with the right topic but a reversed "
    "meaning (negation, swapped roles) can still match; numbers are the only hard check."
)


@register(
    "claim_precision",
    hf_module="claims",
    details=DETAILS,
    card=MetricCard("Matched predicted claims / predicted claims (one-to-one matching).",
                    "0..1; None when there are no predicted claims or no reference claims.",
                    _MATCH_MISSES),
    higher_is_better=True,
    inputs=_claim_inputs,
)
def claim_precision(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None = None) -> float | None:
    """Share of predicted claims that match a reference claim.

    >>> ref = [{"claim": "Seoul said North Korea shipped 6,700 containers to Russia."},
    ...        {"claim": "Moscow and Pyongyang deny trading arms."}]
    >>> pred = [Claim("South Korea reported that North Korea sent 6,700 containers to Russia.", "South Korea",
    ...               "statement", (), "rule"), Claim("The weather in Seoul was mild.", "the article", "fact", (), "rule")]
    >>> claim_precision(predicted=pred, reference=ref)
    0.5
    """
    if not predicted or not reference:
        return None
    return len(_matches(predicted, reference, matches)) / len(predicted)


@register(
    "claim_recall",
    hf_module="claims",
    details=DETAILS,
    card=MetricCard("Matched reference claims / reference claims (one-to-one matching).",
                    "0..1; None when the reference has no claims; 0 for an empty prediction.",
                    _MATCH_MISSES),
    higher_is_better=True,
    inputs=_claim_inputs,
)
def claim_recall(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None = None) -> float | None:
    """Share of reference claims matched by a predicted claim.

    >>> ref = [{"claim": "Troops massed at the border."}, {"claim": "Talks failed."}]
    >>> claim_recall(predicted=[], reference=ref)
    0.0
    >>> claim_recall(predicted=[Claim("Talks failed.", "the article", "fact", (), "rule")], reference=[]) is None
    True
    """
    if not reference:
        return None
    if not predicted:
        return 0.0
    return len(_matches(predicted, reference, matches)) / len(reference)


@register(
    "claim_f1",
    hf_module="claims",
    details=DETAILS,
    card=MetricCard("Harmonic mean of claim precision and recall.",
                    "0..1; None when the reference has no claims; 0 for an empty prediction.",
                    _MATCH_MISSES),
    higher_is_better=True,
    inputs=_claim_inputs,
)
def claim_f1(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None = None) -> float | None:
    """F1 of claim precision and recall.

    >>> ref = [{"claim": "a"}, {"claim": "b"}]
    >>> claim_f1(predicted=[Claim("x", "the article", "fact", (), "rule")], reference=ref, matches=[ClaimMatch(0, 1, 0.9)])
    0.6666666666666666
    """
    if not reference:
        return None
    if not predicted:
        return 0.0
    m = _matches(predicted, reference, matches)
    p, r = len(m) / len(predicted), len(m) / len(reference)
    return 2 * p * r / (p + r) if p + r else 0.0


@register(
    "attribution_accuracy",
    hf_module="claims",
    details=DETAILS,
    card=MetricCard("On matched claims, share whose source names the reference's source "
                    "(normalised case and punctuation, titles dropped, token overlap > 1/2, "
                    "capitals and demonyms aliased to countries; \"the article\" only matches "
                    "\"the article\").",
                    "0..1; None when no claim matched.",
                    "Only matched claims count, so it says nothing about missed claims; an "
                    "over-broad source (\"South Korea\" for its defence minister) counts as right."),
    higher_is_better=True,
    inputs=_claim_inputs,
)
def attribution_accuracy(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None = None) -> float | None:
    """Share of matched claims with the right source.

    >>> pred = [Claim("x", "Seoul", "statement", (), "rule"), Claim("y", "the article", "fact", (), "rule")]
    >>> ref = [{"claim": "x", "source": "South Korean government"}, {"claim": "y", "source": "Ukrainian officials"}]
    >>> attribution_accuracy(predicted=pred, reference=ref, matches=[ClaimMatch(0, 0, 0.9), ClaimMatch(1, 1, 0.8)])
    0.5
    """
    m = _matches(predicted, reference, matches)
    if not m:
        return None
    right = sum(sources_match(predicted[x.predicted].source, str(reference[x.reference].get("source", ""))) for x in m)
    return right / len(m)


def kind_confusion(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None = None) -> dict[str, dict[str, int]]:
    """Confusion matrix of kinds on matched claims: reference kind -> predicted kind -> count.

    >>> kind_confusion(predicted=[Claim("x", "the article", "fact", (), "rule")], reference=[{"kind": "allegation"}],
    ...                matches=[ClaimMatch(0, 0, 0.9)])
    {'allegation': {'fact': 1}}
    """
    table: dict[str, dict[str, int]] = {}
    for x in _matches(predicted, reference, matches):
        ref_kind = str(reference[x.reference].get("kind", ""))
        pred_kind = str(predicted[x.predicted].kind)
        row = table.setdefault(ref_kind, {})
        row[pred_kind] = row.get(pred_kind, 0) + 1
    return table


@register(
    "kind_accuracy",
    hf_module="claims",
    details=DETAILS,
    card=MetricCard("On matched claims, share whose kind (fact, statement, allegation, estimate, "
                    "denial, opinion) equals the reference's; results.json also holds the "
                    "confusion matrix.",
                    "0..1; None when no claim matched.",
                    "Neighbouring kinds (statement/estimate) count as wrong as fact/allegation."),
    higher_is_better=True,
    inputs=_claim_inputs,
)
def kind_accuracy(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None = None) -> float | None:
    """Share of matched claims with the right kind.

    >>> kind_accuracy(predicted=[Claim("x", "Moscow", "denial", (), "rule")], reference=[{"kind": "denial"}],
    ...               matches=[ClaimMatch(0, 0, 0.9)])
    1.0
    """
    m = _matches(predicted, reference, matches)
    if not m:
        return None
    return sum(predicted[x.predicted].kind == reference[x.reference].get("kind") for x in m) / len(m)


def _span_chars(evidence: Sequence[Span]) -> set[int]:
    chars: set[int] = set()
    for e in evidence:
        chars.update(range(e.start, e.end))
    return chars


def _reference_chars(evidence: Sequence[str], text: str, against: set[int]) -> set[int]:
    chars: set[int] = set()
    for e in evidence:
        # An evidence string may occur more than once: take the occurrence that overlaps the
        # prediction most (the first when none does), so repetition neither helps nor hurts.
        best: set[int] = set()
        for i in find_all(text, e):
            occ = set(range(i, i + len(e)))
            if not best or len(occ & against) > len(best & against):
                best = occ
        chars |= best
    return chars


@register(
    "evidence_overlap",
    hf_module="claims",
    details=DETAILS,
    card=MetricCard("On matched claims, mean character IoU of the predicted evidence spans "
                    "(union) with the reference evidence strings (located with text.find; of "
                    "several occurrences, the one overlapping the prediction most).",
                    "0..1; None when no claim matched; 0 for claims without evidence.",
                    "Rewards span extent, not whether the span supports the claim; annotators' "
                    "span boundaries (clause vs sentence) differ."),
    higher_is_better=True,
    inputs=lambda ctx: {**_claim_inputs(ctx), "text": str(ctx.item.get("text") or "")},
)
def evidence_overlap(*, predicted: Claims, reference: References, text: str, matches: Sequence[ClaimMatch] | None = None) -> float | None:
    """Mean character IoU of evidence on matched claims.

    >>> text = "Seoul said 6,700 containers were shipped. Moscow denied it."
    >>> pred = [Claim("Seoul said 6,700 containers were shipped.", "Seoul", "statement", (Span(0, 41, text[:41]),), "rule")]
    >>> ref = [{"evidence": ["6,700 containers were shipped"]}]
    >>> round(evidence_overlap(predicted=pred, reference=ref, text=text, matches=[ClaimMatch(0, 0, 0.9)]), 3)
    0.707
    """
    m = _matches(predicted, reference, matches)
    if not m:
        return None
    total = 0.0
    for x in m:
        p = _span_chars(predicted[x.predicted].evidence)
        r = _reference_chars([str(e) for e in reference[x.reference].get("evidence") or []], text, p)
        union = p | r
        total += len(p & r) / len(union) if union else 0.0
    return total / len(m)


@register(
    "inconsistency_recall",
    hf_module="claims",
    card=MetricCard("Share of annotated inconsistencies whose evidence (every occurrence in the "
                    "text) overlaps the evidence span of some predicted inconsistency.",
                    "0..1; None when the reference annotates no inconsistency.",
                    "Any character of overlap counts; false alarms are not penalised (no "
                    "precision: few articles annotate inconsistencies)."),
    higher_is_better=True,
    inputs=lambda ctx: {"predicted": ctx.result.inconsistencies,
                        "reference": list(ctx.item.get("inconsistencies") or []),
                        "text": str(ctx.item.get("text") or "")},
)
def inconsistency_recall(*, predicted: Sequence[Inconsistency], reference: Sequence[Mapping[str, Any]], text: str) -> float | None:
    """Share of annotated inconsistencies that a predicted inconsistency points at.

    >>> text = "12,000 troops massed. Later: Volenko's figure of 21,000 troops."
    >>> first = Span(0, 13, "12,000 troops")
    >>> pred = [Inconsistency("two troop figures", (first,))]
    >>> inconsistency_recall(predicted=pred, reference=[{"evidence": "figure of 21,000 troops"}], text=text)
    0.0
    >>> pred = [Inconsistency("two troop figures", (first, Span(48, 62, "21,000 troops.")))]
    >>> inconsistency_recall(predicted=pred, reference=[{"evidence": "figure of 21,000 troops"}], text=text)
    1.0
    """
    if not reference:
        return None
    flagged: set[int] = set()
    for inc in predicted:
        flagged |= _span_chars(inc.evidence)
    found = 0
    for inc in reference:
        ev = str(inc.get("evidence", ""))
        found += any(flagged & set(range(i, i + len(ev))) for i in find_all(text, ev))
    return found / len(reference)
