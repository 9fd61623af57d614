"""A document that speaks for a body: an official statement, a press release, a communiqué.

A newspaper's report states things in its own voice, and the claims it makes itself are the
article's. A statement printed as it was issued is different: every sentence it states without
attribution is the issuing body's, and a reader must see it as that body's statement, not as
established fact ("Two servicemen were wounded", in a defence ministry's statement, is the
ministry's account). The body is found from the document's furniture only, never from its
wording:

- a first line that names the document and who issued it: ``Statement by the Ministry of X``,
  ``PRESS RELEASE: Acme Corp``, ``Joint communiqué of …``, ``Acme Corp press release``;
- a last line that signs it: ``Press Service of the Ministry of X``, ``Press Office, Acme Corp``.

A first line that names only the kind of document (``PRESS RELEASE``) needs the signature. What
the document states in its own voice then becomes a ``statement`` (or keeps its kind when it is
an allegation, an estimate, an opinion) of that body, worded "According to the body, …"; the
document's "we" and a bare "the Ministry" that the body's name is built on are the body.

    >>> document_author("STATEMENT BY THE MINISTRY OF HEALTH\\n\\nCases fell by a third.")
    'Ministry of Health'
    >>> document_author("Statement from Trump campaign sparks outrage\\n\\nCritics said it went too far.") is None
    True
"""

from __future__ import annotations

import re
from typing import Any

from ._analysis import INSTITUTION_NOUNS
from ._claims import Draft
from ._rendering import lower_common
from ._types import ARTICLE_SOURCE

__all__ = ["document_author", "speak_for", "with_article"]

_DOC = r"(?:(?:joint|official|press|public|formal)\s+)?(?:statement|press\s+release|news\s+release|media\s+release|communiqu[eé])"
_HEADER = re.compile(rf"^(?:{_DOC})\s*(?:(?:of|by|from|issued\s+by)\s+|[:\u2014\u2013-]\s*)(?P<who>.+)$", re.I)
_HEADER_AFTER = re.compile(rf"^(?P<who>.+?)(?:['\u2019]s)?\s*[:\u2014\u2013-]?\s*(?:{_DOC})$", re.I)
_BARE_HEADER = re.compile(rf"^(?:{_DOC})$", re.I)
_OFFICE = (r"(?:press|media|information|communications?|public\s+affairs|press\s+and\s+information)\s+"
           r"(?:service|office|department|centre|center|unit|section|bureau)")
_FOOTER = re.compile(rf"^(?:the\s+)?{_OFFICE}(?:\s+(?:of|for|at)\s+|\s*,\s*)(?P<who>.+)$", re.I)
_FOOTER_AFTER = re.compile(rf"^(?P<who>.+?)\s*[,:\u2014\u2013-]?\s*{_OFFICE}$", re.I)
# where a header's name ends and its topic begins ("Statement by the Ministry of X on the floods")
_TOPIC = re.compile(r"\s+(?:on|regarding|concerning|about|in\s+connection\s+with|following|after|over)\s+.*$|\s*[:\u2014\u2013(].*$", re.I)
_CONNECTORS = frozenset("of the and for on in at to de du des la le van von".split())
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'\u2019&-]*|of|the|and|for|on|in|at|to|de|du|des|la|le|van|von|&)$")


def _short_line(line: str) -> bool:
    return 0 < len(line.split()) <= 16 and not re.search(r"[.!?;]['\"\u201d\u2019)]*$", line)


def _name(who: str) -> str | None:
    """The issuing body's name from a header or signature, or None when it is no name."""
    who = _TOPIC.sub("", who.strip(" ,:;\u2014\u2013-")).strip(" ,:;")
    who = re.sub(r"^the\s+", "", who, flags=re.I)
    words = who.split()
    if not 1 <= len(words) <= 12:
        return None
    if who.isupper():  # a header in capitals: written as a name
        words = [w.lower() if w.lower() in _CONNECTORS and k else w if len(w) <= 2 or not re.search(r"[AEIOUY]", w) else w.capitalize()
                 for k, w in enumerate(words)]
        return " ".join(words)
    if not words[0][:1].isupper() or not all(_NAME_WORD.match(w) for w in words):
        return None  # "Trump campaign sparks outrage": a headline, not a name
    return " ".join(words)


def document_author(text: str) -> str | None:
    """The body a statement, press release or communiqué is issued by, when its first lines name
    it or its last line signs it; else None (a report in the newspaper's own voice)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) < 2:
        return None
    signed = None
    if _short_line(lines[-1]):
        m = _FOOTER.match(lines[-1]) or _FOOTER_AFTER.match(lines[-1])
        signed = _name(m.group("who")) if m else None
    for line in lines[:2]:
        if not _short_line(line):
            continue
        if _BARE_HEADER.match(line):
            return signed
        m = _HEADER.match(line) or _HEADER_AFTER.match(line)
        if m:
            named = _name(m.group("who"))
            if named and signed and named.lower() == signed.lower():
                return signed  # the signature's case, when the header is in capitals
            return named or signed
    return signed


def with_article(name: str) -> str:
    """The body's name as written inside a sentence: "the Ministry of X", "Acme Corp"."""
    first = name.split()[0].lower()
    return f"the {name}" if first in INSTITUTION_NOUNS or " of " in name else name


def _head(name: str) -> str:
    return name.split(" of ")[0].split()[-1].lower()


def speak_for(analysis: Any, drafts: list[Draft], author: str) -> list[Draft]:
    """``drafts`` with what the document states in its own voice credited to ``author``, and
    the document's "we" and a bare "the <head of the author's name>" named as the author."""
    head = _head(author)
    out = []
    for d in drafts:
        low = re.sub(r"^(?:the|this)\s+", "", d.source.lower())
        if d.source == ARTICLE_SOURCE:
            start = d.evidence[0].start if d.evidence else 0
            body = d.text
            names_author = re.search(rf"\b{re.escape(head)}\b(?!\s+of\b)", body, re.I) or author.lower() in body.lower()
            if not names_author and not body.startswith("["):
                body = f"According to {with_article(author)}, {lower_common(analysis.doc, start, body)}"
            d.text, d.source = body, author
            d.kind = "statement" if d.kind == "fact" else d.kind
        elif low == head or low in ("we", "us"):
            d.source = author
        out.append(d)
    return out
