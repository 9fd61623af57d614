"""Attribution metrics on articles whose every attribution is annotated (PolNeAR): are the
annotated attributed contents found, attributed to someone, to the right someone, and never
stated in the article's own voice?

Each annotated attribution (``item["attributions"]``: content spans, source as written, cue class;
see :mod:`summarise.eval.polnear`) is compared with the predicted claims through their evidence offsets:

- **covered**: the claims' evidence together covers at least half of the content's characters;
- the **best claim** of a covered content is the claim whose evidence overlaps it most (on a tie,
  the one with the least other text: the claim most about that content);
- **attributed**: the best claim's source is not ``the article``; **article-voice leak**: it is;
- **source correct**: the best claim's source names the annotated one
  (:func:`summarise.eval.polnear.source_matches`: a fuller name or a name with its role is accepted). Scored
  where the annotated source is a name or noun phrase (not a bare pronoun, not absent).

Rates are per article (None where the article has nothing to score) and averaged over articles
by the runner, with bootstrap intervals.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..polnear import is_pronoun_source, source_matches
from ..registry import Details, ItemContext, MetricCard, register
from ..._types import ARTICLE_SOURCE as ARTICLE
from ..._types import Claim, Span

__all__ = [
    "attribution_outcomes", "attribution_coverage", "attributed_share", "article_voice_leak",
    "source_accuracy_named", "attributed_share_assertion", "source_accuracy_assertion",
    "spurious_attribution", "article_voice_leak_by_class", "COVERAGE_THRESHOLD",
]

#: Share of a content's characters the claims' evidence must cover for it to count as found.
COVERAGE_THRESHOLD = 0.5

#: The predicted claims: the prediction's typed records.
Claims = Sequence[Claim]
#: The annotated attributions: the benchmark's dicts.
Attributions = Sequence[Mapping[str, Any]]


def _overlap(pieces: Sequence[Sequence[int]], spans: Sequence[tuple[int, int]]) -> int:
    """Characters of ``pieces`` covered by the union of ``spans``."""
    total = 0
    for s, e in pieces:
        cuts = sorted((max(a, s), min(b, e)) for a, b in spans if a < e and b > s)
        end = s
        for a, b in cuts:
            a = max(a, end)
            if b > a:
                total += b - a
                end = b
    return total


def _spans(evidence: Sequence[Span]) -> list[tuple[int, int]]:
    return [(ev.start, ev.end) for ev in evidence]


def attribution_outcomes(*, claims: Claims, attributions: Attributions) -> list[dict[str, Any]]:
    """Per annotated attribution: ``covered``, ``attributed``, ``leak``, ``source_ok`` (None
    where not scored), ``predicted_source``, ``cue_class``, ``assertion``.

    >>> att = [{"content": [[9, 20]], "source": "Bob", "cue_class": "speech", "assertion": True}]
    >>> ok = [Claim("Bob said it rained.", "Bob Smith", "statement", (Span(0, 20, ""),), "rule")]
    >>> o = attribution_outcomes(claims=ok, attributions=att)[0]
    >>> o["covered"], o["attributed"], o["leak"], o["source_ok"]
    (True, True, False, True)
    >>> leak = [Claim("It rained.", "the article", "fact", (Span(9, 20, ""),), "rule")]
    >>> attribution_outcomes(claims=leak, attributions=att)[0]["leak"]
    True
    """
    spans = [_spans(c.evidence) for c in claims]
    every = [s for ss in spans for s in ss]
    out = []
    for a in attributions:
        pieces = [(int(s), int(e)) for s, e in a.get("content") or []]
        size = sum(e - s for s, e in pieces)
        covered = size > 0 and _overlap(pieces, every) >= COVERAGE_THRESHOLD * size
        record: dict[str, Any] = {"covered": covered, "attributed": None, "leak": None, "source_ok": None,
                                  "predicted_source": None, "gold_source": a.get("source"),
                                  "cue_class": a.get("cue_class", "speech"), "assertion": bool(a.get("assertion"))}
        if covered:
            # the claim most about this content: the most of it covered, then the least else
            best = max(range(len(claims)), key=lambda i: (_overlap(pieces, spans[i]), -sum(e - s for s, e in spans[i])))
            source = claims[best].source
            record["predicted_source"] = source
            record["attributed"] = source.strip().lower() != ARTICLE
            record["leak"] = not record["attributed"]
            gold = a.get("source")
            if gold and not is_pronoun_source(gold):
                record["source_ok"] = source_matches(source, gold)
        out.append(record)
    return out


def _rate(outcomes: list[dict[str, Any]], field: str, where: Any = None) -> float | None:
    values = [o[field] for o in outcomes if o[field] is not None and (where is None or where(o))]
    return sum(1 for v in values if v) / len(values) if values else None


def _inputs(ctx: ItemContext) -> dict[str, Any]:
    return {"claims": ctx.predicted_claims, "attributions": list(ctx.item.get("attributions") or [])}


_MISSES = ("Compares offsets, not meaning: a claim whose evidence spans the content but whose text "
           "says something else still counts; PolNeAR annotates no claim kinds, so kind is not scored.")


def _card(definition: str, range_: str) -> MetricCard:
    return MetricCard(definition, range_, _MISSES)


def _details(ctx: ItemContext) -> dict[str, Any]:
    keep = ("covered", "attributed", "source_ok", "gold_source", "predicted_source", "cue_class")
    return {"attributions": [{k: o[k] for k in keep}
                             for o in attribution_outcomes(claims=ctx.predicted_claims, attributions=ctx.item["attributions"])]}


#: Each annotated attribution's outcome, kept per item in results.json.
DETAILS = Details("attributions", _details, when=lambda ctx: bool(ctx.item.get("attributions")))


def _register(name: str, definition: str, range_: str, higher: bool, label: str = ""):
    return register(name, card=_card(definition, range_), higher_is_better=higher, inputs=_inputs,
                    requires=("attributions",), details=DETAILS, label=label)


@_register("attribution_coverage", "Annotated attributed contents covered (>= half their characters) by claims' evidence.",
           "0..1; None for an article with no annotated attribution.", True, label="covered")
def attribution_coverage(*, claims: Claims, attributions: Attributions) -> float | None:
    """Share of annotated contents the claims' evidence covers.

    >>> att = [{"content": [[0, 10]]}, {"content": [[50, 60]]}]
    >>> attribution_coverage(claims=[Claim("x", "X", "statement", (Span(0, 12, ""),), "rule")], attributions=att)
    0.5
    """
    return _rate(attribution_outcomes(claims=claims, attributions=attributions), "covered")


@_register("attributed_share", "Of the covered annotated contents, the share whose best claim names a source.",
           "0..1; None when no content is covered.", True, label="attributed")
def attributed_share(*, claims: Claims, attributions: Attributions) -> float | None:
    """Share of covered contents attributed to some source (not ``the article``).

    >>> att = [{"content": [[0, 10]]}, {"content": [[20, 30]]}]
    >>> cl = [Claim("x", "X", "statement", (Span(0, 10, ""),), "rule"),
    ...       Claim("y", "the article", "fact", (Span(20, 30, ""),), "rule")]
    >>> attributed_share(claims=cl, attributions=att)
    0.5
    """
    return _rate(attribution_outcomes(claims=claims, attributions=attributions), "attributed")


@_register("article_voice_leak", "Of the covered annotated contents, the share stated in the article's own voice.",
           "0..1 (lower is better); None when no content is covered.", False, label="voice leak")
def article_voice_leak(*, claims: Claims, attributions: Attributions) -> float | None:
    """Share of covered attributed contents whose best claim is the article's own.

    >>> att = [{"content": [[0, 10]]}]
    >>> article_voice_leak(claims=[Claim("x", "the article", "fact", (Span(0, 10, ""),), "rule")], attributions=att)
    1.0
    """
    return _rate(attribution_outcomes(claims=claims, attributions=attributions), "leak")


@_register("source_accuracy_named", "Of the covered contents whose annotated source is a name or noun phrase, the "
           "share whose best claim's source names it.", "0..1; None when there is none.", True, label="source acc.")
def source_accuracy_named(*, claims: Claims, attributions: Attributions) -> float | None:
    """Share of covered, named-source contents credited to the right source.

    >>> att = [{"content": [[0, 10]], "source": "the mayor"}, {"content": [[20, 30]], "source": "he"}]
    >>> cl = [Claim("x", "Ann Lee, the mayor", "statement", (Span(0, 30, ""),), "rule")]
    >>> source_accuracy_named(claims=cl, attributions=att)
    1.0
    """
    return _rate(attribution_outcomes(claims=claims, attributions=attributions), "source_ok")


@_register("attributed_share_assertion", "attributed_share on contents whose cue is an assertion verb "
           "(say, tell, according to, report, claim, deny, estimate, show, find, warn ...).",
           "0..1; None when there is none.", True, label="attributed (say-verbs)")
def attributed_share_assertion(*, claims: Claims, attributions: Attributions) -> float | None:
    """``attributed_share`` restricted to assertion-verb cues.

    >>> att = [{"content": [[0, 10]], "assertion": True}, {"content": [[20, 30]], "assertion": False}]
    >>> cl = [Claim("x", "X", "statement", (Span(0, 10, ""),), "rule"),
    ...       Claim("y", "the article", "fact", (Span(20, 30, ""),), "rule")]
    >>> attributed_share_assertion(claims=cl, attributions=att)
    1.0
    """
    return _rate(attribution_outcomes(claims=claims, attributions=attributions), "attributed", lambda o: o["assertion"])


@_register("source_accuracy_assertion", "source_accuracy_named on contents whose cue is an assertion verb.",
           "0..1; None when there is none.", True, label="source acc. (say-verbs)")
def source_accuracy_assertion(*, claims: Claims, attributions: Attributions) -> float | None:
    """``source_accuracy_named`` restricted to assertion-verb cues.

    >>> att = [{"content": [[0, 10]], "source": "Bob", "assertion": True}]
    >>> source_accuracy_assertion(claims=[Claim("x", "Ann", "statement", (Span(0, 10, ""),), "rule")], attributions=att)
    0.0
    """
    return _rate(attribution_outcomes(claims=claims, attributions=attributions), "source_ok", lambda o: o["assertion"])


@_register("spurious_attribution", "Of the claims credited to a source, the share whose evidence is mostly (over half "
           "its characters) outside every annotated attribution (source, cue and content): the article's own "
           "voice credited to someone.", "0..1 (lower is better); None without attributed claims.", False, label="spurious attr.")
def spurious_attribution(*, claims: Claims, attributions: Attributions) -> float | None:
    """Share of attributed claims that no annotated attribution accounts for (the precision side,
    which keeps a system from attributing every sentence to someone).

    >>> att = [{"content": [[0, 10]], "source_span": [11, 14], "cue_span": [15, 19]}]
    >>> cl = [Claim("x", "Bob", "statement", (Span(0, 19, ""),), "rule"),
    ...       Claim("y", "Bob", "statement", (Span(40, 60, ""),), "rule")]
    >>> spurious_attribution(claims=cl, attributions=att)
    0.5
    """
    annotated: list[tuple[int, int]] = []
    for a in attributions:
        annotated += [(int(s), int(e)) for s, e in a.get("content") or []]
        annotated += [tuple(a[k]) for k in ("source_span", "cue_span") if a.get(k)]  # type: ignore[misc]
    attributed = [c for c in claims if c.source.strip().lower() != ARTICLE and _spans(c.evidence)]
    if not attributed:
        return None
    spurious = 0
    for c in attributed:
        spans = _spans(c.evidence)
        size = sum(e - s for s, e in spans)
        if size and _overlap(spans, annotated) < COVERAGE_THRESHOLD * size:
            spurious += 1
    return spurious / len(attributed)


def article_voice_leak_by_class(*, claims: Claims, attributions: Attributions, cue_class: str) -> float | None:
    """``article_voice_leak`` on contents of one cue class (speech, document, thought, stance).

    >>> att = [{"content": [[0, 10]], "cue_class": "thought"}, {"content": [[20, 30]], "cue_class": "speech"}]
    >>> cl = [Claim("x", "the article", "fact", (Span(0, 10, ""),), "rule"),
    ...       Claim("y", "X", "statement", (Span(20, 30, ""),), "rule")]
    >>> article_voice_leak_by_class(claims=cl, attributions=att, cue_class="thought")
    1.0
    """
    return _rate(attribution_outcomes(claims=claims, attributions=attributions), "leak",
                 lambda o: o["cue_class"] == cue_class)


def _class_metric(cls: str) -> None:
    def inputs(ctx: ItemContext) -> dict[str, Any]:
        return {**_inputs(ctx), "cue_class": cls}

    register(f"article_voice_leak_{cls}",
             card=_card(f"article_voice_leak on contents whose cue class is {cls!r} (see summarise.eval.polnear.cue_class).",
                        "0..1 (lower is better); None when the article has none covered."),
             higher_is_better=False, inputs=inputs, requires=("attributions",), details=DETAILS,
             label=f"leak: {cls}")(article_voice_leak_by_class)


for _cls in ("speech", "document", "thought", "stance"):
    _class_metric(_cls)
