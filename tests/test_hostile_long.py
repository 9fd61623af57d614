"""Long articles are analysed in chunks: claims merged and de-duplicated, spans exact."""

from __future__ import annotations

import re

import pytest

from summarise import summarise
from summarise import _chunked
from summarise._chunked import chunk_bounds

PARAGRAPHS = [
    "The Brenmoor port authority said on Monday that cargo volumes fell {n}% in March.",
    "Harbour master Ines Calder said two cranes had been out of service for {n} days.",
    "Dock workers' union leader Sam Okafor said overtime had been cut by {n} hours a week.",
    "The authority said a new berth costing {n} million euros would open next year.",
]


def article(repeats: int, *, vary: bool = True) -> str:
    out = []
    for k in range(repeats):
        for p in PARAGRAPHS:
            out.append(p.format(n=(k + 3) if vary else 3))
    return "\n".join(out)


@pytest.mark.parametrize("size", [50, 400, 5000])
def test_chunks_cover_the_text_and_respect_the_size(size):
    text = article(20) + " " + "x" * 120  # one word longer than the smaller sizes
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a2 == b1 for (_, b1), (a2, _) in zip(bounds, bounds[1:]))
    assert all(b - a <= size for a, b in bounds)


def test_long_article_is_chunked_merged_and_deduplicated(monkeypatch):
    monkeypatch.setattr(_chunked, "CHUNK_CHARS", 600)
    # the second half repeats the first chunk's claims word for word, then one new claim ends it
    text = article(6) + "\n" + article(6, vary=False) + "\nThe mayor, Tara Quinn, said the port would get 9 new cranes."
    s = summarise(text, model=None)
    assert len(s.claims) <= 6 * len(PARAGRAPHS) + 1
    assert any("chunks" in w for w in s.warnings)
    assert s.claims and all(text[e.start:e.end] == e.text for c in s.claims for e in c.evidence)
    keys = [(re.sub(r"\W+", " ", c.text.lower()), c.source) for c in s.claims]
    assert len(keys) == len(set(keys))
    # claims from the first and the last chunk are both there, in text order
    starts = [c.evidence[0].start for c in s.claims]
    assert starts == sorted(starts) and starts[0] < 600 and "Quinn" in s.claims[-1].source
    assert s.text and len(s.text.split()) <= 160
    assert any("Calder" in c.source for c in s.claims)


def test_one_chunk_article_is_not_chunked():
    s = summarise(article(1), model=None)
    assert not any("chunks" in w for w in s.warnings)
