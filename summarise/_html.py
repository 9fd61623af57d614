"""Web pages: the article's text, title, byline and date extracted from HTML with trafilatura.

Elements a reader does not see (``hidden``, ``aria-hidden``, ``display:none``,
``visibility:hidden``, zero font size, ``<template>``, ``<noscript>``) are removed first: hidden
text is a way to plant instructions for a machine. The offsets of a result index the extracted
text, which the result carries (``Summary.extracted``).

    >>> looks_like_html("<p>The mayor said 5 people died.</p><p>Police denied it.</p>")
    True
    >>> looks_like_html("Profits rose 5% (<10% expected) as 3 > 2.")
    False
"""

from __future__ import annotations

import re

from ._errors import InputError
from ._types import Extracted

__all__ = ["looks_like_html", "extract_html", "is_html_path", "blank_markup"]

_TAG = re.compile(r"</?(?:html|head|body|p|div|span|article|section|main|header|footer|nav|aside|h[1-6]|a|img|br|hr|ul|ol|li|"
                  r"table|tr|td|th|strong|em|b|i|figure|figcaption|blockquote|script|style|meta|link|title|time|iframe)"
                  r"\b[^<>]{0,2000}>", re.I)
# Tags that lay out a page; links and emphasis alone (``<a href=…>``, ``<b>``) are marks inside plain text.
_INLINE = frozenset("a span strong em b i u img time sup sub small font abbr cite mark".split())
# Any well-formed tag, for blanking markup left in plain text: a name, then attributes, quoted values.
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*\s*/?>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])", re.I)


def is_html_path(path: str) -> bool:
    """Whether a file name says HTML (``.html``, ``.htm``, ``.xhtml``)."""
    return path.lower().endswith((".html", ".htm", ".xhtml"))


def looks_like_html(text: str) -> bool:
    """Markup detected: a document tag, or several tags of which some lay out a page. Links and
    emphasis left in plain text (``<a href=…>…</a>``) do not make a page: they are blanked in place
    (:func:`blank_markup`), so that offsets still index the text as given."""
    head = text[:5000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<" in head[1:]:
        return True
    tags = [m.group(0) for m in _TAG.finditer(text[:200_000])]
    layout = [t for t in tags if re.match(r"</?([a-z0-9]+)", t, re.I).group(1).lower() not in _INLINE]
    return len(tags) >= 2 and sum(len(t) for t in tags) >= 7 and bool(layout)


def blank_markup(text: str) -> str:
    """``text`` with every well-formed tag left in it blanked (spaces of the same length): the words
    inside a link stay, the markup does not reach the parser, and offsets are unchanged.

    >>> blank_markup('He wrote on <a href="http://x.org">his blog</a> that 3 < 4.')
    'He wrote on                        his blog     that 3 < 4.'
    """
    return _ANY_TAG.sub(lambda m: " " * len(m.group(0)), text) if "<" in text else text


def _drop_hidden(html: str) -> tuple[str, int]:
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # lxml's own errors vary (ParserError, ValueError...): extract as it is
        return html, 0
    dropped = 0
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        hidden = (el.tag in ("template", "noscript") or el.get("hidden") is not None or el.get("aria-hidden") == "true"
                  or bool(_HIDDEN_STYLE.search(el.get("style") or "")))
        if hidden and el.getparent() is not None:
            el.drop_tree()
            dropped += 1
    return lxml_html.tostring(root, encoding="unicode"), dropped


def _plain(html: str) -> str:
    """Text of the page without trafilatura (a fragment too short for its extractor)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:
        return re.sub(r"<[^>]*>", " ", html)
    for el in root.xpath("//script|//style|//head"):
        el.drop_tree()
    for el in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//tr|//article|//section"):
        el.tail = "\n" + (el.tail or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().splitlines() if line.strip())


def extract_html(html: str) -> Extracted:
    """The article of an HTML page: main text (paragraphs on their own lines), title, byline, date."""
    try:
        import trafilatura
    except ImportError:
        raise InputError(
            "The input is HTML, and extracting its article needs trafilatura: pip install trafilatura "
            "(or pass the article's plain text)."
        ) from None
    cleaned, dropped = _drop_hidden(html)
    doc = trafilatura.bare_extraction(cleaned, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True, deduplicate=True)
    get = (lambda k: getattr(doc, k, None)) if doc is not None and not isinstance(doc, dict) else (lambda k: (doc or {}).get(k))
    text = (get("text") or "").strip()
    how = "trafilatura"
    if len(text.split()) < 5:
        text, how = _plain(cleaned).strip(), "markup stripped (too short for trafilatura's extractor)"
    title = get("title") or None
    first, _, rest = text.partition("\n")
    if title and rest.strip() and " ".join(first.split()).lower() == " ".join(title.split()).lower():
        text = rest.strip()  # the headline is the page's title, not the article's first sentence
    if not text:
        raise InputError("The HTML holds no article text (nothing left once markup, scripts and hidden elements "
                         "are removed): pass the page of the article itself, or its plain text.")
    return Extracted(text=text, title=title, byline=get("author") or None, date=get("date") or None,
                     method=how, hidden_removed=dropped)
