"""Social-media posts embedded in an article: a post is its author's words, never the article's.

Crawled and archived news keeps embedded posts in two forms: the post's text with the embed's
signature (``… — Jo Hale (@johale) August 2, 2016``), and markup some archives leave in the text
(``<tweet author="@johale" …>…</tweet>``). The markup, the signature and links inside the post are
blanked (same length, offsets kept) before the analysis; what the post states in its own voice
becomes its author's (the name the signature gives, else the handle), worded as a quotation.

    >>> [(e.author, e.body) for e in find_embeds('Hale replied.\\n<tweet author="@johale">Not true.</tweet>')]
    [('@johale', 'Not true.')]
    >>> [e.author for e in find_embeds("Not true. https://t.co/x1 \\u2014 Jo Hale (@johale) August 2, 2016")]
    ['Jo Hale']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._claims import Draft
from ._suspicious import mask
from ._types import ARTICLE_SOURCE

__all__ = ["Embed", "find_embeds", "blank_embeds", "credit_embeds"]

_TAGGED = re.compile(r"<(tweet|post|blockquote)\b([^>\n]*)>(.*?)</\1>", re.I | re.S)
_HANDLE_ATTR = re.compile(r"""author\s*=\s*["']?(@?\w{1,40})""", re.I)
_SIGNATURE = re.compile(r"[\u2014\u2013-]{1,2}\s*(?P<name>[^\s()\u2014\u2013<>][^()\n\u2014\u2013<>]{0,60}?)\s*\((?P<handle>@\w{1,30})\)"
                        r"\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})?")
_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")


@dataclass(frozen=True)
class Embed:
    """One embedded post: where its text stands, who wrote it, what to blank."""

    start: int
    end: int
    author: str
    body: str
    blanks: tuple[tuple[int, int], ...]


def find_embeds(text: str) -> list[Embed]:
    """The embedded posts of ``text``, tagged or signed."""
    out: list[Embed] = []
    taken: list[tuple[int, int]] = []
    for m in _TAGGED.finditer(text):
        a, b = m.start(3), m.end(3)
        sig = _SIGNATURE.search(text, a, b)
        handle = _HANDLE_ATTR.search(m.group(2))
        author = sig.group("name").strip() if sig else handle.group(1) if handle else ""
        blanks = [(m.start(), m.start(3)), (m.end(3), m.end())] + ([(sig.start(), sig.end())] if sig else [])
        out.append(_embed(text, a, sig.start() if sig else b, author, blanks))
        taken.append((m.start(), m.end()))
    for sig in _SIGNATURE.finditer(text):
        if any(x <= sig.start() < y for x, y in taken) or not sig.group("date"):
            continue  # a signed post has a date after the handle; "— Jo Hale (@johale)" alone may be a byline
        line_start = text.rfind("\n", 0, sig.start()) + 1
        out.append(_embed(text, line_start, sig.start(), sig.group("name").strip(), [(sig.start(), sig.end())]))
    return [e for e in out if e.author and e.body]


def _embed(text: str, a: int, b: int, author: str, blanks: list[tuple[int, int]]) -> Embed:
    blanks = blanks + [(m.start(), m.end()) for m in _LINK.finditer(text, a, b)]
    body = re.sub(r"\s+", " ", _LINK.sub(" ", text[a:b])).strip()
    return Embed(a, b, author, body, tuple(sorted(blanks)))


def blank_embeds(text: str, embeds: list[Embed]) -> str:
    """``text`` with each post's markup, signature and links replaced by spaces (same length)."""
    return mask(text, [span for e in embeds for span in e.blanks])


def credit_embeds(drafts: list[Draft], embeds: list[Embed]) -> list[Draft]:
    """``drafts`` with what a post states in its own voice credited to its author, quoted."""
    for d in drafts:
        e = next((e for e in embeds if d.evidence and all(e.start <= s.start and s.end <= e.end + 1 for s in d.evidence)), None)
        if e is None or d.source != ARTICLE_SOURCE:
            continue
        words = re.sub(r"\s+", " ", d.evidence[0].text if len(d.evidence) == 1 else d.text).strip()
        d.text = f"{e.author} posted: \u201c{words}\u201d" + ("" if words.endswith((".", "!", "?")) else ".")
        d.source = e.author
        d.kind = "statement" if d.kind == "fact" else d.kind
    return drafts
