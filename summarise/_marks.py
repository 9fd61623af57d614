"""Quotation marks and brackets in a rendered claim: a span cut out of a sentence can leave a
mark or a bracket without its partner, and an article can pair a straight mark with a curly one."""

from __future__ import annotations

import re

from ._quotes import single_marks_open

__all__ = ["balance_marks", "unquote"]


def balance_marks(s: str) -> str:
    """``s`` with every quotation mark and bracket paired: a straight mark and a curly one that
    are one pair written two ways become one kind, a curly mark without its partner gets one, a
    lone straight mark gets one at the end (or goes, at the start), and a bracket whose partner
    is missing goes.

    >>> balance_marks('An official said, "We will not comment.\u201d')
    'An official said, \u201cWe will not comment.\u201d'
    >>> balance_marks("the plan was \u201cdead")
    'the plan was \u201cdead\u201d'
    >>> balance_marks("He called the remarks ''racist"), balance_marks("We will win,'' she said")
    ("He called the remarks ''racist''", "''We will win,'' she said")
    >>> balance_marks("She called \u201cDune\u201c and the sequels too \u201cbleak,\u201d and left.")
    'She called \u201cDune\u201d and the sequels too \u201cbleak,\u201d and left.'
    >>> balance_marks('We had a plan and we dropped it," the senator told reporters')
    '"We had a plan and we dropped it," the senator told reporters'
    """
    s = _turned_marks(s)
    if s.count('"') % 2 and abs(s.count("\u201d") - s.count("\u201c")) == 1:
        # 'said, "We will not ...\u201d': one straight mark and one curly one are one pair
        if s.count("\u201d") > s.count("\u201c"):
            s = s.replace('"', "\u201c", 1)
        else:
            k = s.rindex('"')
            s = s[:k] + "\u201d" + s[k + 1:]
    for o, c in (("\u2018", "\u2019"), ("\u201c", "\u201d")):  # an inner quotation closes first
        if s.count(o) > s.count(c):
            end = len(s.rstrip("."))
            # (inside an outer quotation that closes at the end: '\u201c... \u2018A\u201d' -> '\u201c... \u2018A\u2019\u201d')
            s = s[:end - 1] + c + s[end - 1:] if c == "\u2019" and s[:end].endswith("\u201d") else s + c
        elif s.count(c) > s.count(o) and c != "\u2019":
            s = o + s
    if s.count('"') % 2:  # (one that closes after the words before it, as a cut-off quotation's does: its opening at the start)
        first = s.index('"')
        closes = first > 0 and s[first - 1] in ",.!?" and s[first + 1:first + 2] in (" ", "") and not s.startswith('"')
        s = '"' + s if closes else s + '"' if not s.startswith('"') else s[1:]
    if "''" not in s and single_marks_open(s):
        s += "'"  # a headline's straight single mark ("Calls Line 'Racist")
    if s.count("''") % 2 and "``" not in s:  # an archive's doubled apostrophes: the lone one's partner
        k = s.index("''")
        closing = k > 0 and not s[k - 1].isspace() and (k + 2 == len(s) or not s[k + 2].isalnum())
        s = ("''" + s if closing else s + "''") if not s.startswith("''") or len(s) == 2 else s[2:]
    return _drop_unpaired_brackets(s)


def _turned_marks(s: str) -> str:
    """A curly mark typed the wrong way round (an opening one after a word and before a space or
    punctuation, a closing one after a space and before a word), where the other kind is short
    of partners, is the mark its place says it is (copy often has "\u201cTitle\u201c")."""
    n = int((s.count("\u201c") - s.count("\u201d")) / 2)  # (pairs short, rounded toward zero)
    if n > 0:
        s = re.sub(r"(?<=[\w.,!?])\u201c(?=[\s,.;:!?]|$)", "\u201d", s, count=n)
    elif n < 0:
        s = re.sub(r"(?<=[\s(])\u201d(?=\w)", "\u201c", s, count=-n)
    return s


def _drop_unpaired_brackets(s: str) -> str:
    """A bracket whose partner a span boundary cut off goes ("Ashworth, Conservative) said").

    >>> _drop_unpaired_brackets("Jo Bell, Labour) said (in part) that (it")
    'Jo Bell, Labour said (in part) that it'
    >>> _drop_unpaired_brackets("cloud company Fastly Inc(FSLY.N"), _drop_unpaired_brackets("She] should [have] gone")
    ('cloud company Fastly Inc FSLY.N', 'She should [have] gone')
    """
    drop: set[int] = set()
    for o, c in ("()", "[]"):
        opened: list[int] = []
        for i, ch in enumerate(s):
            if ch == o:
                opened.append(i)
            elif ch == c:
                if opened:
                    opened.pop()
                else:
                    drop.add(i)
        drop.update(opened)
    if not drop:
        return s
    # a bracket between two words leaves a space, never glues them ("Inc(FSLY.N" -> "Inc FSLY.N")
    return "".join((" " if 0 < i < len(s) - 1 and s[i - 1].isalnum() and s[i + 1].isalnum() else "")
                   if i in drop else ch for i, ch in enumerate(s))


def unquote(s: str, marks: str = " \u201c\u201d\"'`") -> str:
    """``s`` without the quotation marks (and spaces, or other ``marks``) around it; a single mark
    that closes an inner quotation at its end stays.

    >>> unquote("We resent the term 'outreach,' ", " ,'"), unquote("'We will win.'")
    ("We resent the term 'outreach'", 'We will win.')
    """
    out = s.strip(marks)
    lead = len(s) - len(s.lstrip(marks))
    if "'" in s[lead + len(out):] and single_marks_open(out):
        out += "'"  # ("the term 'African American outreach,' ": the inner quotation's close)
    return out
