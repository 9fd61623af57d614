"""Screening an article before the analysis: what is not the article's content is set aside.

Text addressed to a machine or hidden from the reader (``_suspicious``) and page furniture
(``_boilerplate``) are blanked with spaces of the same length, so every offset the analysis
produces still indexes the text as given; claims whose evidence touches a blanked span are
dropped, and sources are cleaned of control and bidi characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ._boilerplate import find_boilerplate
from ._language import check_english
from ._suspicious import find_suspicious, mask
from ._types import ARTICLE_SOURCE, Suspicious

__all__ = ["Screened", "screen", "clean_source"]

_SOURCE_JUNK = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                          r"\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")


def clean_source(source: str) -> str:
    r"""A source name without control, format or bidi characters.

    >>> clean_source("the\u202e mayor\x00 of\u200b Dunmore")
    'the mayor of Dunmore'
    """
    return re.sub(r"\s+", " ", _SOURCE_JUNK.sub("", source)).strip() or ARTICLE_SOURCE


@dataclass(frozen=True)
class Screened:
    """An article once screened."""

    text: str
    """The text with every set-aside span blanked (same length as the original)."""
    suspicious: tuple[Suspicious, ...]
    """Spans addressed to a machine or hidden from the reader."""
    boilerplate: tuple[tuple[int, int, str], ...]
    """``(start, end, kind)`` of bylines, credits, captions and calls to action."""
    language: str | None = None
    """A warning when the text may not be English (too short to refuse it)."""

    @property
    def spans(self) -> list[tuple[int, int]]:
        return sorted([(s.start, s.end) for s in self.suspicious] + [(a, b) for a, b, _ in self.boilerplate])

    def warnings(self) -> list[str]:
        out = [self.language] if self.language else []
        if self.suspicious:
            shown = "; ".join(f"[{s.start}:{s.end}] {s.reason}" for s in self.suspicious[:3])
            more = f" (and {len(self.suspicious) - 3} more)" if len(self.suspicious) > 3 else ""
            out.append(f"{len(self.suspicious)} span(s) addressed to a machine or hidden from the reader were set aside, "
                       f"not read as the article's content (see Summary.suspicious): {shown}{more}")
        if self.boilerplate:
            kinds = sorted({k for _, _, k in self.boilerplate})
            out.append(f"{len(self.boilerplate)} line(s) of page furniture set aside ({', '.join(kinds)})")
        if self.suspicious and not self.text.strip():
            out.append("nothing is left of the text once the spans addressed to a machine are set aside: the summary is empty")
        return out

    def touches(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a set-aside span."""
        return any(a < end and start < b for a, b in self.spans)

    def keep(self, drafts: Sequence) -> list:
        """The drafts whose evidence lies wholly in the article's own text, sources cleaned."""
        out = []
        for d in drafts:
            if any(self.touches(e.start, e.end) for e in d.evidence):
                continue
            d.source = clean_source(d.source)
            out.append(d)
        return out


def screen(text: str) -> Screened:
    """Find what is not the article's content and blank it; refuse a text that is not English
    (:func:`~summarise._language.check_english`)."""
    suspicious = tuple(find_suspicious(text))
    inside = [(s.start, s.end) for s in suspicious]
    boiler = tuple((a, b, k) for a, b, k in find_boilerplate(text) if not any(x < b and a < y for x, y in inside))
    spans = sorted(inside + [(a, b) for a, b, _ in boiler])
    masked = mask(text, spans)
    return Screened(masked, suspicious, boiler, check_english(masked))
