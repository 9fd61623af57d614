"""Long articles in chunks: the analysis runs on pieces of at most :data:`CHUNK_CHARS`
characters cut at paragraph (else sentence, else word) boundaries, and the pieces' claims are
merged and de-duplicated; the summary is then selected from all of them.

Why: the analysis has steps that grow with sentences x tokens of one parse (each sentence scans
its document), and one spaCy parse holds the whole document in memory. In chunks of fixed size
both grow linearly with the article: time ~ chunks x (cost of one chunk), memory ~ one chunk's
parse plus the claims. A person named in one chunk and called "he" in the next is the price:
coreference does not cross a chunk boundary, and inconsistencies are found within a chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ._analysis import analyse
from ._author import speak_for
from ._claims import Draft, draft_claims
from ._contradictions import find_inconsistencies
from ._frames import find_frames
from ._pronoun_model import name_pronoun_sources
from ._loaded import find_loaded
from ._types import Inconsistency, LoadedTerm, Span

__all__ = ["CHUNK_CHARS", "Analysed", "analyse_article", "chunk_bounds"]

#: Longest piece analysed at once (about 1,300 words: most news articles fit in one).
CHUNK_CHARS = 8_000


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of at most ``size`` characters covering ``text``,
    each cut after a line break, else after a sentence end, else at white space.

    >>> chunk_bounds("Aa bb.\\nCc dd. Ee ff.", size=12)
    [(0, 7), (7, 14), (14, 20)]
    """
    out: list[tuple[int, int]] = []
    a, n = 0, len(text)
    while a < n:
        if n - a <= size:
            out.append((a, n))
            break
        window = text[a:a + size]
        cut = window.rfind("\n") + 1
        if cut < size // 2:
            ends = [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s", window)]
            cut = ends[-1] if ends and ends[-1] >= size // 2 else 0
        if cut < size // 2:
            space = window.rfind(" ")
            cut = space + 1 if space > 0 else size
        out.append((a, a + cut))
        a += cut
    return out


@dataclass
class Analysed:
    """What the pipeline takes from the analysis, over the whole article."""

    text: str
    sentences: list[tuple[int, int]]
    drafts: list[Draft]
    loaded: list[LoadedTerm]
    inconsistencies: list[Inconsistency]
    chunks: int = 1


def _shift_span(s: Span, by: int) -> Span:
    return Span(s.start + by, s.end + by, s.text)


def _key(d: Draft) -> tuple[str, str]:
    return re.sub(r"\W+", " ", d.text.lower()).strip(), d.source


def _words_key(d: Draft) -> tuple[str, str]:
    """The article's own words a claim rests on, and its kind: the same in another chunk is the
    same claim even where that chunk could not say who "the authority" or "he" is."""
    return re.sub(r"\W+", " ", " ".join(e.text for e in d.evidence).lower()).strip(), d.kind


def analyse_article(text: str, size: int | None = None, scorer: Any = None, margin: float | None = None,
                    author: str | None = None) -> Analysed:
    """Analyse ``text`` whole when it fits one chunk, else chunk by chunk, offsets into ``text``.
    ``scorer``: a model that scores text, asked who a "he"/"she" the rules cannot name is
    (:mod:`._pronoun_model`); ``author``: the body the document speaks for (:mod:`._author`)."""
    size = size or CHUNK_CHARS
    bounds = chunk_bounds(text, size) if len(text) > size else [(0, len(text))]
    sentences: list[tuple[int, int]] = []
    drafts: list[Draft] = []
    loaded: list[LoadedTerm] = []
    inconsistencies: list[Inconsistency] = []
    seen: set[tuple[str, str]] = set()
    earlier_words: set[tuple[str, str]] = set()  # of the chunks before this one
    for a, b in bounds:
        piece = text[a:b] if len(bounds) > 1 else text
        analysis = analyse(piece)
        frames = find_frames(analysis)
        if scorer is not None:
            name_pronoun_sources(analysis, frames, scorer, margin)
        chunk_loaded = find_loaded(analysis.doc, piece)
        chunk_drafts = draft_claims(analysis, frames, chunk_loaded)
        if author:
            chunk_drafts = speak_for(analysis, chunk_drafts, author)
        chunk_inconsistencies = find_inconsistencies(analysis, frames)
        base = len(sentences)
        sentences += [(s + a, e + a) for s, e in analysis.sentences]
        for d in chunk_drafts:
            if _key(d) in seen or _words_key(d) in earlier_words:  # the same claim in another chunk
                continue
            seen.add(_key(d))
            d.sent += base
            d.evidence = tuple(_shift_span(e, a) for e in d.evidence)
            drafts.append(d)
        earlier_words |= {_words_key(d) for d in chunk_drafts if d.evidence}
        loaded += [replace(t, start=t.start + a, end=t.end + a) for t in chunk_loaded]
        inconsistencies += [replace(i, evidence=tuple(_shift_span(e, a) for e in i.evidence)) for i in chunk_inconsistencies]
        del analysis, frames  # one chunk's parse in memory at a time
    return Analysed(text, sentences, drafts, loaded, inconsistencies, len(bounds))
