"""Does a predicted source name an annotated speaker? Matching rules for speaker labels written as
``Donald_Trump`` or ``Democratic_Lawmakers`` against a source as the library writes it
("President Trump", "Jay Inslee, D-Wash."): case- and accent-folded tokens, a person's surname, a
group's distinctive token.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_named_speaker", "is_person", "name_tokens", "speaker_matches", "speaker_name", "tokens_agree"]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "president", "vice", "prime",
    "minister", "secretary", "deputy", "chief", "sen", "senator", "rep", "representative", "gov",
    "governor", "mayor", "speaker", "leader", "former", "first", "lady", "judge", "justice", "attorney",
    "general", "candidate", "chairman", "chairwoman", "ambassador", "gen", "rev", "pope", "king",
    "queen", "prince", "house", "senate", "majority", "minority", "the", "a", "an"
})
# Words that say what kind of group speaks, not which one ("Democratic lawmakers" vs "Republican lawmakers").
_GENERIC = frozenset({
    "lawmakers", "lawmaker", "officials", "official", "members", "member", "committee", "campaign",
    "house", "senate", "state", "states", "department", "white", "and", "the", "of", "for", "with",
    "people", "group", "groups", "supporters", "leaders", "leader", "staff", "aides", "administration",
    "government", "office", "companies", "company"
})


# --------------------------------------------------------------------------- matching

def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("\u2019", "'")


def name_tokens(text: str) -> list[str]:
    """Case-folded, accent-free word tokens (``'s`` dropped).

    >>> name_tokens("Felipe Calderón's aides")
    ['felipe', 'calderon', 'aides']
    """
    return [t for t in re.findall(r"[a-z0-9]+", re.sub(r"'s\b", "", _fold(text)))]


def tokens_agree(a: str, b: str) -> bool:
    """Equal, or one shared prefix of 5+ letters leaving at most 2 letters of the shorter token.

    >>> tokens_agree("democratic", "democrats"), tokens_agree("calder", "calderon"), tokens_agree("trump", "truman")
    (True, True, False)
    """
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5 and min(len(a), len(b)) - n <= 2


def speaker_name(label: str) -> str:
    return label.replace("_", " ").strip()


def _surname(label: str) -> str:
    toks = [t for t in name_tokens(speaker_name(label)) if t not in _SUFFIXES]
    return toks[-1] if toks else ""


def speaker_matches(predicted: str | None, speaker: str, *, person: bool) -> bool:
    """Whether a predicted source names the annotated BASIL ``speaker`` (rule in the module docstring).

    >>> speaker_matches("President Trump", "Donald_Trump", person=True)
    True
    >>> speaker_matches("Ivanka Trump, the president's daughter", "Donald_Trump", person=True)
    False
    >>> speaker_matches("House Democrats", "Democratic_lawmakers", person=False)
    True
    >>> speaker_matches("Republican lawmakers", "Democratic_lawmakers", person=False)
    False
    """
    from .._sources import sources_match

    if not predicted:
        return False
    # the name before any appositive role: "Sarah Palin, a tea party supporter" is not the Tea Party
    name_part = predicted.split(",")[0]
    if sources_match(name_part, speaker_name(speaker)):
        return True
    pred = name_tokens(name_part)
    if person:
        sur = _surname(speaker)
        given = [t for t in name_tokens(speaker_name(speaker)) if t not in _SUFFIXES][:-1]
        for i, tok in enumerate(pred):
            if not sur or not tokens_agree(tok, sur):
                continue
            before = pred[i - 1] if i > 0 else ""
            # a different given name right before the surname is another person of that family
            if before and before not in _TITLES and before not in given and len(before) > 1 and not before.isdigit():
                continue
            return True
        return False
    key = [t for t in name_tokens(speaker_name(speaker)) if len(t) > 2 and t not in _GENERIC]
    if not key:
        key = name_tokens(speaker_name(speaker))
    return any(tokens_agree(p, k) for p in pred for k in key)


def is_named_speaker(label: str) -> bool:
    """A speaker that names someone: not empty and not one of the ``other_*`` labels."""
    return bool(label.strip()) and not label.strip().lower().startswith("other")


def is_person(label: str, person_names: list[str]) -> bool:
    """A personal name: every token capitalised and its surname agrees with the last name token of a
    PERSON entity spaCy found in the article."""
    words = speaker_name(label).split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    sur = _surname(label)
    for p in person_names:
        toks = [t for t in name_tokens(p) if t not in _SUFFIXES]
        if toks and tokens_agree(toks[-1], sur):
            return True
    return False
