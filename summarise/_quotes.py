"""Quotations in text: the one detector the analysis, the well-formedness checks and the
harness's metrics share.

:func:`quotation_spans` finds quotations in double marks (curly or straight, mixed as sloppy
copy mixes them, a missing closing mark ending with its paragraph), in doubled apostrophes as
news archives print them, in single curly marks around several words, and in guillemets; with
``straight_single``, also in straight single marks that cannot be apostrophes (for short texts
such as summaries; in a long article "rock 'n' roll" and "the '90s" make them unsafe).
:func:`unquoted` blanks them out. :func:`open_quote_before` answers for a text cut at an
offset, by counting marks, whether a quotation is open there (it need not close).
"""

from __future__ import annotations

import re

__all__ = ["quotation_spans", "unquoted", "open_quote_before", "single_marks_open"]

#: A straight single quotation: the opening mark not after a word character and before one, the
#: closing one after a word or sentence punctuation and not before a word character
#: ("Russia's" and "don't" stay words).
_STRAIGHT_SINGLE = re.compile(r"(?<!\w)'(?=\w)[^'\n]*?(?<=[\w.,!?])'(?!\w)")

#: Straight single marks that open (not after a word, before one; not a decade's "'90s" or a
#: year's "'08") and that close (after a word or sentence punctuation, not before a word).
_OPENS_SINGLE = re.compile(r"(?<![\w'.,!?])'(?=\w|$)(?!\d\ds?\b)")
_CLOSES_SINGLE = re.compile(r"(?<=[\w.,!?])'(?![\w'])")

_PARAGRAPH_OPENS = "\u201c\"'`\u2018"


def _double_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations in double marks, curly or straight, mixed as sloppy copy mixes them ('"Just when
    ... it did.\u201d'). A straight mark opens after a space or a bracket and before a word, and
    closes after a word or punctuation. A quotation runs over a line break only into a paragraph
    that opens with a mark (the convention for quoting several paragraphs); one whose closing mark
    is missing ends with its paragraph, and never pairs with a mark paragraphs later."""
    spans: list[tuple[int, int]] = []
    start: int | None = None

    def cut(upto: int) -> None:
        nonlocal start
        if start is None:
            return
        for nl in re.finditer(r"\n", text[start:upto]):
            rest = text[start + nl.end():upto + 1].lstrip()  # with the mark at upto, if any
            if not rest or rest[0] not in _PARAGRAPH_OPENS:
                end = start + nl.start()
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end - start > 1:
                    spans.append((start, end))
                start = None
                return

    for m in re.finditer('[\u201c\u201d"]', text):
        i, ch = m.start(), m.group()
        cut(i)
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "\u201c":
            opening = True
        elif ch == "\u201d":
            opening = False
        elif (prev.isspace() or prev in "([{\u2014\u2013-/") and not nxt.isspace():
            opening = start is None or "\n" in text[start:i]
        elif not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-"):
            opening = False
        else:
            opening = start is None
        if opening:
            if start is None or not ("\n" in text[start:i] and not text[text.rfind("\n", 0, i) + 1:i].strip()):
                start = i  # a new quotation (a mark opening its paragraph continues the last one)
        elif start is not None:
            spans.append((start, i + 1))
            start = None
    cut(len(text))
    return spans


def quotation_spans(text: str, *, straight_single: bool = False) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` of the quotations of ``text``, the marks included,
    sorted (a quotation inside another is a range of its own).

    >>> t = "He called it \u201ca rehearsal for aggression\u201d and Moscow's 'reckless games' bad."
    >>> [t[s:e] for s, e in quotation_spans(t)]
    ['\u201ca rehearsal for aggression\u201d']
    >>> [t[s:e] for s, e in quotation_spans(t, straight_single=True)]
    ['\u201ca rehearsal for aggression\u201d', "'reckless games'"]
    """
    spans: list[tuple[int, int]] = _double_quotes(text)
    # doubled apostrophes as quotation marks, as news archives print them (''...'' and ``...'')
    # an opening pair follows a space or a bracket and precedes a word; a closing pair follows a
    # word or punctuation and precedes no word; neither runs over a blank line (a missing mark
    # must not pair every later quotation wrongly)
    for m in re.finditer(r"(?<![^\s(\[\u2014\u2013-])(?:''|``)(?=[^\s'])((?:(?!'')(?!\n\s*\n).){2,3000}?)(?<=\S)''(?!\w)",
                         text, flags=re.S):
        spans.append((m.start(), m.end()))
    # single curly quotes only as a pair around several words (apostrophes are U+2019 too)
    for m in re.finditer(r"(?<!\w)\u2018([^\u2018\u2019]{3,200}?)\u2019(?!\w)", text):
        spans.append((m.start(), m.end()))
    # guillemets, as French-style copy prints them, within a paragraph
    spans.extend((m.start(), m.end()) for m in re.finditer(r"\u00ab[^\u00ab\u00bb\n]{1,3000}\u00bb", text))
    if straight_single:
        spans.extend((m.start(), m.end()) for m in _STRAIGHT_SINGLE.finditer(text))
    return sorted(set(spans))


def unquoted(text: str, *, straight_single: bool = False) -> str:
    """``text`` with each quotation (marks included) blanked out by spaces, offsets kept.

    >>> unquoted('She said \u201che lied\u201d and left.')
    'She said           and left.'
    """
    chars = list(text)
    for a, b in quotation_spans(text, straight_single=straight_single):
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def open_quote_before(text: str, offset: int, *, single: bool = False) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at ``offset`` (news
    style leaves a quotation that runs on, or that the input cut off, unclosed): more “ than
    ”, or an odd number of ``"`` (or of an archive's doubled apostrophes); with ``single``, also more opening ‘ (not after a letter)
    than closing ’ (not before one: an apostrophe is not a closing mark).

    >>> t = 'He said “the plan is dead and ‘reckless’ ... it went on'
    >>> open_quote_before(t, t.index("dead")), open_quote_before(t, t.index("He"))
    (True, False)
    >>> t = "He called the remarks ''racially toxic"
    >>> open_quote_before(t, t.index("toxic")), open_quote_before(t, t.index("He"))
    (True, False)
    >>> t = "Ryan Calls Trump Line 'Racist"
    >>> open_quote_before(t, t.index("Racist"), single=True), open_quote_before("The voters' views", 12, single=True)
    (True, False)
    >>> t = "They called it ‘a rehearsal for war"
    >>> open_quote_before(t, t.index("war")), open_quote_before(t, t.index("war"), single=True)
    (False, True)
    """
    para = text[text.rfind("\n", 0, offset) + 1:offset]
    if para.count("\u201c") > para.count("\u201d") or para.count('"') % 2 == 1:
        return True
    # (an archive's doubled apostrophes: ``...'' or ''...'')
    if para.count("``") > para.count("''") or not para.count("``") and para.count("''") % 2 == 1:
        return True
    return single and (len(re.findall(r"(?<!\w)\u2018", para)) > len(re.findall(r"\u2019(?!\w)", para))
                       # (and a headline's straight ones: "Calls Trump Line 'Racist")
                       or single_marks_open(para))


def single_marks_open(s: str) -> bool:
    """Whether ``s`` opens more straight single quotation marks than it closes (a headline's
    "Calls Trump Line 'Racist"), apostrophes of a decade or a year ("since the '90s") aside.

    >>> single_marks_open("Calls Line 'Racist"), single_marks_open("not seen since the '90s"), single_marks_open("the 'plan'")
    (True, False, False)
    """
    return len(_OPENS_SINGLE.findall(s)) > len(_CLOSES_SINGLE.findall(s))
