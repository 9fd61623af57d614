"""Numbers in text: the one parser the pipeline's checks and the harness's metrics share.

A number mention is digits (with thousands commas and decimals) or number words ("twenty-five"),
with any scale words after it ("1.9 billion", "three million", "half a million", "a thousand").
:func:`extract_numbers` gives their values; :func:`number_values` the same values as keys for set
arithmetic ("is every number of the rewrite in its evidence?"); :func:`normalise_number` the key
of one token, for code that already has the tokens of a number phrase.
"""

from __future__ import annotations

import re

__all__ = ["extract_numbers", "number_values", "number_key", "normalise_number", "numbers_agree"]

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


def extract_numbers(text: str, *, bare_one: bool = False) -> list[float]:
    """The numeric values a text states, normalised so that different spellings compare equal.

    Digits with or without thousands commas, decimals, number words and scale words are
    understood. A bare "one" is skipped unless ``bare_one``: it is mostly a pronoun ("one of
    them"), which a measurement must not count, while a check that a rewrite kept its numbers
    (one death, not two) keeps it.

    >>> extract_numbers("6,700 containers and 6700 boxes")
    [6700.0, 6700.0]
    >>> extract_numbers("more than three million shells, half a million rounds, $1.9 billion")
    [3000000.0, 500000.0, 1900000000.0]
    >>> extract_numbers("thirty of hundreds of factories; 152mm guns; one of them")
    [30.0, 152.0]
    >>> extract_numbers("one of them", bare_one=True), extract_numbers("twenty-five")
    ([1.0], [25.0])
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
            if words.lower() == "one" and not scales and not bare_one:
                continue
            value = _words_value(words)
        for s in scales:
            value *= _SCALES[s]
        if not m.group("digits") and not m.group("words") and not scales:
            continue
        values.append(value)
    return values


def number_key(value: float) -> str:
    """A value as the string sets of numbers are compared by: no trailing ".0", no separators.

    >>> number_key(6700.0), number_key(4.5), number_key(3e6)
    ('6700', '4.5', '3000000')
    """
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def number_values(text: str) -> set[str]:
    """The numbers of ``text`` as keys (:func:`number_key`), a bare "one" included: what a check
    that one text keeps another's numbers compares.

    >>> sorted(number_values("over three million shells, one tank and 6,700 containers"))
    ['1', '3000000', '6700']
    """
    return {number_key(v) for v in extract_numbers(text, bare_one=True)}


def normalise_number(token: str) -> str:
    """The key of one token of a number phrase: digits without separators, a number or scale
    word as its value; a token that is neither comes back as written.

    >>> normalise_number("6,700"), normalise_number("three"), normalise_number("4.50"), normalise_number("millions")
    ('6700', '3', '4.5', '1000000')
    """
    t = token.lower()
    word = t[:-1] if t.endswith("s") and t[:-1] in (*_UNITS, *_TENS, *_SCALES) else t
    for table in (_UNITS, _TENS, _SCALES, _FRACTIONS):
        if word in table:
            return number_key(table[word])
    digits = t.replace(",", "")
    return number_key(float(digits)) if re.fullmatch(r"\d+(?:\.\d+)?", digits) else token


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
