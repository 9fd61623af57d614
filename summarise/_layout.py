"""An article's furniture before its body: headline, byline, dateline.

None of these is a sentence of the article, so none may become part of a claim or be glued to
the first sentence of the body (``Accuser says governor broke law An executive assistant …``):

- **headline**: the first line, without final punctuation, followed by a blank line; or a
  first paragraph of one or two short lines that ends in a full stop (some archives add one)
  written as a headline: before a dateline, with a deck after a semicolon, or in headline
  grammar (a present tense for the news, "X to do Y", no finite verb, capitalised words that
  are no names). Such a headline is kept in the text (what it reports is still a claim, with
  its source) but never opens the summary;
- **byline**: a short line after the headline of the form ``By Name (and Name)(, Outlet)``;
- **dateline**: at the start of the body's first paragraph, a place in capitals with an optional
  date and agency, then a dash (``LONDON —``, ``WASHINGTON (Reuters) -``,
  ``HALDEN, March 14 (Meridian News) -``, or a date alone with an agency: ``Dec 29 (Reuters) -``),
  a place in ordinary case only when an agency or a capitalised sentence follows (``Washington —
  The Senate …``), or an agency alone (``(CNN) —``);
- **time stamps** of a live blog at the start of any paragraph (``16:40 -``, ``9.05am —``).

:func:`split_layout` finds them and returns the text with those stretches blanked (same length,
so that every offset still indexes the text as the caller gave it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ._suspicious import mask
from ._wellformed import ends_truncated

__all__ = ["Layout", "split_layout", "cut_off"]

_SPACE = "[ \t\u00a0]"
_DASH = "[\u2014\u2013-]{1,2}"
_CAPS_PLACE = r"[A-Z][A-Z.'\u2019-]+(?:" + _SPACE + r"+[A-Z][A-Z.'\u2019-]+){0,3}"
_CASED_PLACE = r"[A-Z][a-z.'\u2019-]+(?:" + _SPACE + r"+[A-Z][a-z.'\u2019-]+){0,2}"
_DATE_OR_REGION = r"(?:," + _SPACE + r"+[A-Z][\w.]*(?:" + _SPACE + r"+[\w.]+){0,2})?"
_AGENCY = r"\([A-Z][\w .&'\u2019-]{0,30}\)"
# after a place in ordinary case, a dash set off as one: not the hyphen of "African-American"
_LOOSE_DASH = "(?:" + _SPACE + "*[\u2014\u2013]{1,2}|" + _SPACE + "*--|" + _SPACE + "+-)"
# a date alone before an agency: "Dec 29 (Reuters) -", "March 3 (AP) -"
_MONTH_DAY = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?" + _SPACE + r"+\d{1,2}")
_DATELINE = re.compile(
    r"^(?:"
    + _CAPS_PLACE + _DATE_OR_REGION + r"(?:" + _SPACE + r"*" + _AGENCY + r")?" + _SPACE + r"*" + _DASH
    + r"|" + _CASED_PLACE + _DATE_OR_REGION + _SPACE + r"*" + _AGENCY + _SPACE + r"*" + _DASH
    + r"|" + _CASED_PLACE + _LOOSE_DASH + r"(?=" + _SPACE + r"*[A-Z\u201c\"])"
    + r"|" + _MONTH_DAY + _SPACE + r"*" + _AGENCY + _SPACE + r"*" + _DASH
    + r"|" + _AGENCY + r"(?:" + _SPACE + r"*" + _DASH + r")?"
    + r")" + _SPACE + r"*(?=\S)"
)
# a live blog's time stamp at the start of a paragraph: "16:40 -", "9.05am —", "11:30 GMT:"
_TIMESTAMP = re.compile(
    r"(?m)^[ \t\u00a0]*(?:[01]?\d|2[0-3])[:.][0-5]\d" + _SPACE + r"*(?:[ap]\.?m\.?|GMT|BST|CET|CEST|UTC|ET|EST|EDT|PT|local(?: time)?)?"
    + _SPACE + r"*(?:" + _DASH + r"|:)" + _SPACE + r"*(?=[A-Z\u201c\"'])")
_BYLINE = re.compile(r"^By" + _SPACE + r"+[A-Z][\w.'\u2019-]*(?:[ \t\u00a0,]+(?:and" + _SPACE + r"+)?[A-Z][\w.'\u2019-]*){0,7}" + _SPACE + r"*$")


@dataclass(frozen=True)
class Layout:
    """What stands before the body, and the text with it blanked."""

    body: str
    """The text as given with headline, byline and dateline replaced by spaces (same length)."""
    title: str | None = None
    """The headline, when the first line is one."""
    headline: tuple[int, int] | None = None
    """(start, end) of a headline kept in the body (one that ends in a full stop)."""


def _is_headline(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return (0 < len(words) <= 30 and not re.search(r"[.!?:;,\u2026][\"'\u201d\u2019)]*$", s)
            and (s[:1].isupper() or s[:1].isdigit() or s[:1] in "\u201c\"'\u2018"))


def _headline_grammar(line: str) -> bool:
    """Whether a short line ending in a full stop reads as a headline, not a lede."""
    from ._nlp import nlp

    doc = nlp(line)
    finite = [t for t in doc if t.tag_ in ("VBD", "VBZ", "VBP", "MD")]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if not finite or root is None:
        return True  # "A big bet on nostalgia."
    if root.tag_ in ("VBZ", "VBP") and root.lemma_ not in ("be", "have") \
            and not any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return True  # "Senate passes budget."
    if any(t.tag_ == "TO" and t.head.dep_ == "ROOT" and t.i <= 3 for t in doc) and not any(t.tag_ in ("VBD", "MD") for t in doc):
        return True  # "Mayor to seek third term."
    # "Republicans Have Stake in a Deal": capitalised words that are no names
    return sum(1 for t in doc[1:] if t.text[:1].isupper() and not t.ent_type_
               and t.pos_ in ("VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "PRON", "NOUN")) >= 2


def _stopped_headline(para: str, rest: str) -> bool:
    """A first paragraph that ends in a full stop and is a headline (see the module docstring)."""
    lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
    if not 1 <= len(lines) <= 2 or not para.rstrip().endswith(".") or any(len(ln.split()) > 16 for ln in lines):
        return False
    if len(lines) == 1 and re.search(r"[.!?][\"'”’)]*\s+\S", lines[0]):
        return False  # two sentences: a paragraph of the body
    if len(lines) == 2:
        return lines[0].endswith(";") or not re.search(r"[.!?:,]$", lines[0])  # headline; deck
    return bool(_DATELINE.match(rest.lstrip())) or _headline_grammar(lines[0])


def split_layout(text: str) -> Layout:
    """Find the headline, byline and dateline of ``text``.

    >>> lay = split_layout("Council backs new budget\\n\\nLONDON (Wire) \u2014 The council approved it.")
    >>> lay.title
    'Council backs new budget'
    >>> lay.body.strip()
    'The council approved it.'
    >>> len(lay.body) == len("Council backs new budget\\n\\nLONDON (Wire) \u2014 The council approved it.")
    True
    >>> split_layout("The council met.\\n\\nIt approved the budget.").title is None
    True
    """
    spans: list[tuple[int, int]] = []
    title = None
    pos = 0
    lead = len(text) - len(text.lstrip())
    m = re.match(r"([^\n]+)\n[ \t\u00a0]*\n", text[lead:])
    kept = re.match(r"([^\n]+(?:\n[^\n]+)?)\n[ \t\u00a0]*\n", text[lead:])
    if not (m and _is_headline(m.group(1))) and kept and text[lead + kept.end():].strip() \
            and _stopped_headline(kept.group(1), text[lead + kept.end():]):
        pos = lead + kept.end()
        rest = text[pos:]
        skip = len(rest) - len(rest.lstrip())
        d = _DATELINE.match(rest[skip:])
        if d and rest[skip + d.end():].strip():
            spans.append((pos + skip, pos + skip + d.end()))
        return Layout(mask(text, spans), re.sub(r"\s+", " ", kept.group(1)).strip(),
                      headline=(lead, lead + len(kept.group(1))))
    if m and _is_headline(m.group(1)) and text[lead + m.end():].strip():
        title = re.sub(r"\s+", " ", m.group(1)).strip()
        spans.append((lead, lead + len(m.group(1))))
        pos = lead + m.end()
        # a byline on its own line right after the headline
        rest = text[pos:]
        skip = len(rest) - len(rest.lstrip())
        b = re.match(r"([^\n]+)\n", rest[skip:])
        if b and _BYLINE.match(b.group(1).strip()):
            spans.append((pos + skip, pos + skip + len(b.group(1))))
            pos = pos + skip + b.end()
    rest = text[pos:]
    skip = len(rest) - len(rest.lstrip())
    d = _DATELINE.match(rest[skip:])
    if d and rest[skip + d.end():].strip():
        spans.append((pos + skip, pos + skip + d.end()))
    spans += [(t.start(), t.end()) for t in _TIMESTAMP.finditer(text, pos) if not any(a <= t.start() < b for a, b in spans)]
    return Layout(mask(text, spans), title)


def cut_off(analysis: Any, si: int) -> bool:
    """Whether sentence ``si`` is cut off in the input: it ends in an ellipsis where its
    paragraph or the text ends (a crawler's cut), or it is the text's last sentence and has no
    final punctuation."""
    text = analysis.text
    s0, s1 = analysis.sentences[si]
    rest = text[s1:]
    dots = re.match(r"[ \t\u00a0]*(?:\.{2,}|\u2026)", rest)
    if dots:  # the parser left the dots to the next "sentence"
        rest = rest[dots.end():]
    at_break = not rest.strip() or rest.lstrip(" \t\u00a0").startswith("\n")
    if (ends_truncated(text[s0:s1]) or dots) and at_break:
        return True
    # the text stops in mid-sentence: its last sentence ends on a word or a comma
    return si == len(analysis.sentences) - 1 and bool(re.search(r"[\w,;]$", text[s0:s1])) and len(text[s0:s1].split()) > 3
