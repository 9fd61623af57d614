"""Form metrics: does every output sentence read as a sentence, and did resolving a pronoun put
the wrong name in a claim?

- ``fragment_rate``: claims and summary sentences that fail the well-formedness check
  (:func:`summarise._wellformed.problems`: finite main verb, no dangling word at the end,
  balanced quotes, no stray mid-sentence capital); needs no reference.
- ``pronoun_changed_rate``: matched claims whose text or source puts a name where the evidence
  has a pronoun, and that name is not who the reference claim is about or by; needs annotated
  claims.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Mapping, Sequence

from ..._quotes import unquoted
from ..._types import Claim, Summary
from .._sources import source_tokens
from ..matching import ClaimMatch, match_claims
from ..registry import MetricCard, register

__all__ = ["fragment_rate", "fragments", "pronoun_changed_rate", "pronoun_changes"]

#: Predicted claims: the prediction's typed records.
Claims = Sequence[Claim]
#: Reference claims: the reference format's dicts.
References = Sequence[Mapping[str, Any]]
_PRONOUNS = frozenset("he she him his her they them their it its".split())


def _output_texts(prediction: Summary) -> list[str]:
    claims = [c.text for c in prediction.claims]
    sentences = [s.text for s in prediction.sentences]
    if not sentences and prediction.text:
        from ..._summary import split_sentences

        sentences = split_sentences(prediction.text)
    return [t for t in claims + sentences if t.strip()]


def fragments(*, texts: Sequence[str], source: str | None = None) -> list[tuple[str, list[str]]]:
    """Each text that is not a well-formed sentence, with what is wrong with it.

    >>> fragments(texts=["The mayor resigned.", "The mayor resigned and."])
    [('The mayor resigned and.', ["ends on a dangling conjunction ('and')"])]
    """
    from ..._wellformed import problems

    out = []
    for t in texts:
        p = problems(t, source=source)
        if p:
            out.append((t, p))
    return out


@register(
    "fragment_rate",
    label="fragments",
    card=MetricCard(
        "Claims and summary sentences that are not complete sentences (no finite main verb, a "
        "dangling conjunction, preposition, determiner or possessive at the end, unbalanced quotes, "
        "a mid-sentence capital the article does not have) / all claims and summary sentences.",
        "0..1, lower is better; None when the prediction has no text. A source sentence kept "
        "verbatim and marked as cut off by the input ('[\u2026]') is held to the capital checks only.",
        "The check rests on spaCy's small parser: a mis-parse (a verb tagged as a noun) can fail a "
        "good sentence; a complete sentence that says the wrong thing passes."),
    higher_is_better=False,
    inputs=lambda ctx: {"texts": _output_texts(ctx.result), "source": str(ctx.item.get("text") or "")},
)
def fragment_rate(*, texts: Sequence[str], source: str | None = None) -> float | None:
    """Share of output sentences that fail the well-formedness check.

    >>> fragment_rate(texts=["The council approved the budget.", "The assistant to the mayor's."])
    0.5
    >>> fragment_rate(texts=[]) is None
    True
    """
    if not texts:
        return None
    return len(fragments(texts=texts, source=source)) / len(texts)


def _words(s: str) -> list[str]:
    return re.findall(r"[\w\u2019'-]+", s)


def _inserted_names(claim: str, evidence: str) -> list[str]:
    """Stretches of ``claim`` that name someone (a capitalised word) absent from ``evidence``,
    where ``evidence`` has a third-person pronoun outside quotes."""
    if not any(w.lower() in _PRONOUNS for w in _words(unquoted(evidence))):
        return []
    cw, ew = _words(claim), _words(evidence)
    present = {w.lower() for w in ew}
    out = []
    sm = difflib.SequenceMatcher(a=[w.lower() for w in ew], b=[w.lower() for w in cw], autojunk=False)
    for op, _, _, j1, j2 in sm.get_opcodes():
        if op not in ("insert", "replace"):
            continue
        seg = cw[j1:j2]
        if any(w[:1].isupper() and w.lower() not in present and w.lower() not in _PRONOUNS for w in seg):
            out.append(" ".join(seg))
    return out


def pronoun_changes(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch]) -> list[dict[str, str]]:
    """Matched claims whose inserted name is not who the reference claim is by or about."""
    out = []
    for m in matches:
        p, r = predicted[m.predicted], reference[m.reference]
        evidence = " ".join(e.text for e in p.evidence)
        ref_tokens = source_tokens(f"{r.get('claim', '')} {r.get('source', '')}", drop_roles=False)
        for name in _inserted_names(p.text, evidence):
            tokens = source_tokens(name, drop_roles=False)
            if tokens and len(tokens & ref_tokens) / len(tokens) < 0.5:
                out.append({"claim": p.text, "name": name, "reference": str(r.get("claim"))})
                break
    return out


@register(
    "pronoun_changed_rate",
    label="pronoun changed",
    card=MetricCard(
        "Matched claims that put a name where their evidence has a pronoun, the name's words "
        "mostly absent from the matched reference claim and its source / matched claims.",
        "0..1, lower is better; None when the item has no reference claims or no claim matches.",
        "Sees only names inserted in the claim text (a word-level diff against the evidence); a "
        "wrong name that the reference also mentions (the governor's assistant for the governor) "
        "counts only when most of its words are absent. Depends on the claim matching."),
    higher_is_better=False,
    inputs=lambda ctx: {"predicted": ctx.predicted_claims, "reference": ctx.reference_claims,
                        "matches": ctx.matches if ctx.reference_claims else []},
)
def pronoun_changed_rate(*, predicted: Claims, reference: References, matches: Sequence[ClaimMatch] | None = None) -> float | None:
    """Share of matched claims whose resolved pronoun names someone the reference does not.

    >>> ref = [{"claim": "Ms Reyes said the mayor's office ignored her complaints.", "source": "Alma Reyes"}]
    >>> from summarise import Span
    >>> she = (Span(0, 43, "She said the office ignored her complaints."),)
    >>> ok = [Claim("Alma Reyes said the office ignored Alma Reyes's complaints.", "Alma Reyes", "statement", she, "rule")]
    >>> bad = [Claim("Tom Hale said the office ignored Tom Hale's complaints.", "Tom Hale", "statement", she, "rule")]
    >>> m = [ClaimMatch(0, 0, 0.9)]
    >>> pronoun_changed_rate(predicted=ok, reference=ref, matches=m), pronoun_changed_rate(predicted=bad, reference=ref, matches=m)
    (0.0, 1.0)
    """
    if not reference or not predicted:
        return None
    if matches is None:
        matches = match_claims([c.text for c in predicted], [str(c.get("claim", "")) for c in reference])
    if not matches:
        return None
    return len(pronoun_changes(predicted=predicted, reference=reference, matches=matches)) / len(matches)
