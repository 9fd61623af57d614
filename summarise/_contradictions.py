"""Where an article contradicts itself: one quantity with two values, one quote credited to two
people, and an attribution sentence that names a different source from the statement it follows.
"""

from __future__ import annotations

import re
from typing import Any

from ._analysis import Analysis
from ._frames import Frame
from ._types import ARTICLE_SOURCE, Inconsistency, Span
from ._numbers import normalise_number
from ._verify import source_keys

__all__ = ["find_inconsistencies"]

# Units whose count is about different things from one sentence to the next; two values of
# these are only suspicious when their digits are the same, reordered (a typo).
_GENERIC_UNITS = frozenset(
    "percent per cent time times year years day days month months week weeks hour hours minute minutes "
    "second seconds pound pounds dollar dollars euro euros koruna yen franc francs point points "
    "kilometre kilometres kilometer kilometers mile miles metre metres meter meters".split()
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july "
                    "august september october november december".split())
_META = re.compile(r"^(?:This|That|These|It)\s+(?:was|were|is|are)\s+(?:the|a|an)\s+(?:statement|claim|report|words|"
                   r"remarks|comments?|view|position)\s+(?:from|of|by)\s+(?P<src>.+?)[.]?$", re.I)


def _quantities(analysis: Analysis) -> list[tuple[str, str, Any, int, int]]:
    """(value, counted noun lemma, sentence index, start, end) for each number in the text."""
    out = []
    for tok in analysis.doc:
        if tok.like_num and tok.pos_ == "NUM":
            head = tok
            for _ in range(3):  # "three million artillery shells": climb nummod / compound
                if head.dep_ in ("nummod", "compound", "quantmod", "amod") and head.head.i != head.i:
                    head = head.head
                else:
                    break
            if head.i == tok.i or head.pos_ not in ("NOUN", "PROPN"):
                continue
            if head.lower_.rstrip(".") in _MONTHS or tok.ent_type_ == "DATE" and re.fullmatch(r"1[89]\d\d|20\d\d", tok.text):
                continue  # "Feb. 9" and "Feb. 13" are two dates, not two counts of one thing
            doc = analysis.doc
            if any(0 <= j < len(doc) and 0 <= k < len(doc) and doc[j].text in ("-", "\u2013") and doc[k].like_num
                   for j, k in ((tok.i - 1, tok.i - 2), (tok.i + 1, tok.i + 2))):
                continue  # "a 5-4 decision", "a 4-4 ruling": a tally, not a count
            if tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "\u2013") and doc[tok.i + 2].is_alpha and not doc[tok.i + 2].like_num:
                continue  # "a four-way race", "a two-way race": a kind of race, not a count of races
            if tok.head.i != head.i and tok.head.like_num:
                continue  # the "three" of "three million": counted through "million"
            scale = [t for t in tok.head.subtree if t.like_num] if tok.head.like_num else [tok]
            # the whole number phrase: "three million" / "1,180"
            num_toks = sorted({*(t for t in head.children if t.like_num or t.dep_ == "quantmod"), tok}, key=lambda t: t.i)
            num_toks = [t for t in num_toks if t.like_num] or scale
            a = num_toks[0].idx
            b = num_toks[-1].idx + len(num_toks[-1].text)
            value = "*".join(normalise_number(t.text) for t in num_toks)
            out.append((value, head.lemma_.lower(), analysis.sentence_of(a), a, b))
    return out


def _source_at(frames: list[Frame], offset: int) -> str:
    for f in frames:
        if f.content[0] <= offset < f.content[1] or f.span[0] <= offset < f.span[1]:
            return f.source
    return ARTICLE_SOURCE


def _close(v1: str, v2: str) -> bool:
    """Values near enough (within a factor of two) to be two versions of one count."""
    try:
        x, y = (eval_product(v) for v in (v1, v2))
    except ValueError:
        return False
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= 2.0


def eval_product(v: str) -> float:
    out = 1.0
    for part in v.split("*"):
        out *= float(part)
    return out


def _digits(v: str) -> str:
    return "".join(sorted(c for c in v if c.isdigit()))


def _span(analysis: Analysis, a: int, b: int) -> Span:
    return Span(a, b, analysis.text[a:b])


def _sentence_span(analysis: Analysis, offset: int) -> Span:
    s, e = analysis.sentences[analysis.sentence_of(offset)]
    return _span(analysis, s, e)


def find_inconsistencies(analysis: Analysis, frames: list[Frame]) -> list[Inconsistency]:
    """Internal contradictions of the article, each with the spans that disagree."""
    found: list[Inconsistency] = []
    quantities = _quantities(analysis)
    seen_pairs: set[tuple[int, int]] = set()
    for i, (v1, noun1, s1, a1, b1) in enumerate(quantities):
        for v2, noun2, s2, a2, b2 in quantities[i + 1:]:
            if noun1 != noun2 or v1 == v2 or s1 == s2:
                continue
            typo = _digits(v1) == _digits(v2) and len(_digits(v1)) >= 3
            if noun1 in _GENERIC_UNITS and not typo:
                continue
            same_source = _source_at(frames, a1) == _source_at(frames, a2)
            if not (typo or same_source):
                continue  # two sources giving two figures is a dispute, not a contradiction
            if not typo and not _close(v1, v2):
                continue  # 280 new homes in a town of 4,500 homes: two different counts
            if (a1, a2) in seen_pairs:
                continue
            seen_pairs.add((a1, a2))
            t1, t2 = analysis.text[a1:b1], analysis.text[a2:b2]
            found.append(Inconsistency(
                f"The article gives two values for the number of {noun1}: {t1} and {t2}"
                + (" (the same digits reordered, likely a typo)" if typo else "") + ".",
                (_sentence_span(analysis, a1), _sentence_span(analysis, a2)),
            ))
    # one quotation credited to two different people
    quoted = [f for f in frames if analysis.in_quote(f.content[0], min(f.content[1], f.content[0] + 1))]
    for i, f in enumerate(quoted):
        q1 = _norm_quote(analysis.text[f.content[0]:f.content[1]])
        for g in quoted[i + 1:]:
            q2 = _norm_quote(analysis.text[g.content[0]:g.content[1]])
            unnamed = {f.source.lower(), g.source.lower()} & {"he", "she", "they", "it", "i", "we", "unnamed sources"}
            if len(q1.split()) >= 4 and (q1 in q2 or q2 in q1) and not _same_source(f.source, g.source) and not unnamed:
                # (a "she" the rules could not name may be the person named with the other: no contradiction)
                found.append(Inconsistency(
                    f"The same quotation is credited to {f.source.split(',')[0]} and to {g.source.split(',')[0]}.",
                    (_span(analysis, *f.span), _span(analysis, *g.span)),
                ))
    # "This was the statement from X." after a statement by someone else
    for si, (s0, s1) in enumerate(analysis.sentences):
        m = _META.match(analysis.text[s0:s1])
        if not m or si == 0:
            continue
        named = m.group("src")
        prev = [f for f in frames if f.sent == si - 1]
        if prev and not any(_same_source(named, f.source) for f in prev):
            p0, p1 = analysis.sentences[si - 1]
            found.append(Inconsistency(
                f"The article credits the preceding statement to {named.strip()}, but that statement is attributed "
                f"to {prev[-1].source.split(',')[0]}: the attribution looks misplaced.",
                (_span(analysis, s0, s1), _span(analysis, p0, p1)),
            ))
    return found


def _norm_quote(q: str) -> str:
    return re.sub(r"[^\w ]", "", q.lower()).strip()


def _same_source(a: str, b: str) -> bool:
    ka = {k.lower() for k in source_keys(a)}
    kb = {k.lower() for k in source_keys(b)}
    return bool(ka & kb)
