"""The character span of a run of tokens, and a cue's own subtree: the two measures every frame
is cut by."""

from __future__ import annotations

import re
from typing import Any

from ._nlp import doc_text
from ._quotes import single_marks_open

__all__ = ["span_of", "subtree"]


_EDGE_PUNCT = frozenset([",", ".", ";", ":", "!", "?", "…", "-", "–", "—", "(", ")", "[", "]", "'"])


_NOT = re.compile(r"n[\u2019']t\b", re.I)


def span_of(tokens: list[Any]) -> tuple[int, int]:
    # trailing commas and full stops are not part of a span; "%", "$" and quotes are
    toks = [t for t in tokens if not (t.is_punct and t.text in _EDGE_PUNCT) and not t.is_space]
    if not toks:
        toks = tokens
    a = min(t.idx for t in toks)
    b = max(t.idx + len(t.text) for t in toks)
    text = doc_text(toks[0].doc)
    for o, c in ("()", "[]"):
        close = [t.idx for t in tokens if t.text == c and t.idx >= b]
        if text[a:b].count(o) > text[a:b].count(c) and close:
            b = min(close) + 1  # "Tim Scott (R-S.C.)": the bracket's close, which the trim took, goes back
    inner = re.match(r"[,.]?['\u2019](?!\w)", text[b:b + 3])
    if inner and single_marks_open(text[a:b]):
        b += inner.end()  # ("the term 'African American outreach,'": the inner quotation's close)
    negation = _NOT.match(text, b)
    if negation:  # "if he didn’t": the parser can hang "n’t" elsewhere; a lost one flips the claim
        b = negation.end()
    return a, b


def subtree(tok: Any, exclude: set[int] | None = None) -> list[Any]:
    """Tokens of ``tok``'s subtree, leaving out clauses coordinated with it and ``exclude``."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        if exclude and t.i in exclude:
            continue
        out.append(t)
        for c in t.children:
            if t is tok and c.dep_ in ("conj", "cc") and c.pos_ in ("VERB", "AUX"):
                continue
            if t is tok and c.dep_ == "cc":
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)
