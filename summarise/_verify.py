"""Verification of model output against the source: pure functions, no model.

A candidate sentence passes when every number and name in it occurs in its evidence (or the
context given), the source is still named for an attributed claim, no loaded term stands
unquoted, no negation appeared or vanished, it neither loops nor wanders off the evidence, and
every word of substance in it (noun, proper noun, verb, adjective, adverb, compared by lemma) is
in the evidence or the deterministic rendering: the model may reword only with the article's own
words. Each failure is a short reason string; an empty list means the candidate passed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from ._loaded import loaded_in
from ._numbers import number_values

__all__ = ["verify_sentence", "looks_degenerate", "source_keys", "invented_words",
           "ALWAYS_ALLOWED"]

_NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|nobody|neither|nor|without|n't|cannot|deny|denied|denies|"
                       r"refuted?|rejected?|dismissed?)\b|n't\b", re.I)
_ATTRIBUTION = re.compile(r"\b(?:said|says|say|saying|told|tells|stated|states|reported|reports|according|claimed|claims|"
                          r"alleged|alleges|accused|accuses|denied|denies|estimated|estimates|believes?|believed|"
                          r"thinks?|thought|expects?|expected|predicted|argued|argues|added|adds|warned|warns|"
                          r"called|calls|described|describes|rejected|rejects|refuted|dismissed|insisted|"
                          r"announced|confirmed|noted|thanked|praised|criticised|criticized|blamed|referred)\b", re.I)
_STOP = frozenset(
    "a an the of in on at to for by with from and or but that this these those it its is are was were be been "
    "has have had will would could should may might as than then there their they he she his her we our you "
    "your i me my not no so such which who whom whose what when where while also said says say".split()
)


def looks_degenerate(text: str) -> str | None:
    """Why ``text`` is not a usable sentence (empty, looping, junk), or None.

    >>> looks_degenerate("the the the the the the the the")
    'repeats itself'
    """
    s = text.strip()
    if not s:
        return "empty"
    words = s.split()
    if len(words) < 4:
        return "too short"
    for n in (1, 2, 3, 4):
        grams = [" ".join(words[i:i + n]).lower() for i in range(len(words) - n + 1)]
        if len(grams) >= 6 and max(grams.count(g) for g in set(grams)) * n > 0.5 * len(words):
            return "repeats itself"
    letters = [c for c in s if c.isalpha()]
    if letters and sum(1 for c in letters if ord(c) > 0x24F) > 0.2 * len(letters):
        return "not in the article's script"
    if re.search(r"[{}\[\]<>]|```|\\n", s):
        return "contains markup"
    return None


def source_keys(source: str) -> list[str]:
    """Words any mention of ``source`` must contain one of (names, else main nouns).

    >>> source_keys("Shin Won-sik, the defense minister of South Korea")
    ['Shin', 'Won-sik']
    """
    head = source.split(",")[0]
    caps = [re.sub(r"[’']s?$", "", w) for w in re.findall(r"[A-Z][\w’'-]+", head) if w.lower() not in ("the", "a", "an")]
    if caps:
        return caps
    return [w for w in re.findall(r"[a-z][\w-]+", head.lower()) if w not in _STOP][-1:]


def _names(text: str) -> list[str]:
    """Capitalised words that are not the first of a sentence, in order."""
    return re.findall(r"(?<![.!?]\s)(?<!^)(?<!\u201c)(?<!\")\b[A-Z][a-z]+(?:[-’'][A-Za-z]+)*", text.strip())


def _stem_name(n: str) -> str:
    return re.sub(r"(?:[’']s|ns|n|s)$", "", n.lower())[:5]


def _in_order(candidate: list[str], reference: list[str]) -> bool:
    """Whether the candidate's names occur in the same order as somewhere in the reference
    (a subsequence): "X attacked Y" must not become "Y attacked X"."""
    ref = [_stem_name(n) for n in reference]
    pos = 0
    for n in (_stem_name(c) for c in candidate):
        if n not in ref:
            continue  # unknown names are reported on their own
        try:
            pos = ref.index(n, pos) + 1
        except ValueError:
            return False
    return True


def _speaks(candidate: str, keys: list[str]) -> bool:
    """Whether a source key stands next to an attribution cue ("X said", "according to X",
    "..., X said"), not merely somewhere in the sentence."""
    found = list(re.finditer(r"[\w’'-]+", candidate.lower()))
    words = [m.group(0) for m in found]
    low_keys = [k.lower() for k in keys]
    for i, w in enumerate(words):
        if not _ATTRIBUTION.fullmatch(w):
            continue
        before = candidate[: found[i].start()].rstrip()
        # the source follows its cue only in '"...," said X' / "according to X"
        after = 5 if (before.endswith((",", "\u201d", '"')) or w == "according") else 1
        window = words[max(0, i - 12): i + after]
        if any(any(k == w or k in w for w in window) for k in low_keys):
            return True
    return False


_SUBSTANCE = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
#: Lemmas a rewording may use without the evidence: the neutral attribution the prompts ask for
#: ("X said", "according to X") and adverbs and light verbs that carry no claim of their own.
ALWAYS_ALLOWED = frozenset(
    "say accord be have do also then there here so as too when where how why not".split()
)


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[tuple[str, str, str], ...]:
    """(surface, part of speech, lower-case lemma) of every token with a letter in it (spaCy)."""
    from ._nlp import nlp

    return tuple((t.text, t.pos_, t.lemma_.lower()) for t in nlp(text) if any(c.isalpha() for c in t.text))


def _key(word: str) -> str:
    return re.sub(r"[’']s?$", "", word.lower())


def _inflection_key(word: str) -> str:
    """The word without a regular inflection ("shipping", "shipped", "ships" -> "ship";
    "praising", "praise" -> "prais"), for when spaCy tags one form a noun and another a verb."""
    w = re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 4 else word
    w = w[:-1] if w.endswith("e") and len(w) > 3 else w
    return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls" else w


@lru_cache(maxsize=256)
def _forms(text: str) -> frozenset[str]:
    """Every word of ``text`` as written, as lemma and without its inflection, lower case."""
    keys = {_key(f) for surface, _, lemma in _tokens(text) for f in (surface, lemma)}
    return frozenset(keys | {"~" + _inflection_key(k) for k in keys})


def invented_words(candidate: str, *, support: str, allowed: Iterable[str] = ALWAYS_ALLOWED) -> list[str]:
    """Words of substance in ``candidate`` (nouns, proper nouns, verbs, adjectives, adverbs, by
    spaCy) whose form and lemma are both absent from ``support`` and from ``allowed`` (lemmas),
    in order, once each.

    >>> invented_words("The transport ministry praised the plan, according to the council.",
    ...                support="The council approved the plan.")
    ['transport', 'ministry', 'praised']
    >>> invented_words("Seoul said North Korea shipped 6,700 containers.",
    ...                support="Seoul reported that North Korea had shipped 6,700 containers.")
    []
    """
    known = _forms(support) | frozenset(allowed)
    out: list[str] = []
    for surface, pos, lemma in _tokens(candidate):
        if pos not in _SUBSTANCE or surface in out or _key(surface) in known or _key(lemma) in known:
            continue
        if "~" + _inflection_key(_key(surface)) in known:
            continue
        out.append(surface)
    return out


def _content_words(text: str) -> set[str]:
    return {w.lower().strip("’'") for w in re.findall(r"[A-Za-z][\w’'-]+", text) if w.lower() not in _STOP and len(w) > 2}


def _stem(w: str) -> str:
    return re.sub(r"(?:ing|ed|es|s|ly)$", "", w)[:6]


def verify_sentence(
    candidate: str,
    *,
    evidence: str,
    reference: str,
    sources: Sequence[str] = (),
    min_keep: float = 0.5,
    max_new: float = 0.25,
) -> list[str]:
    """Reasons ``candidate`` may not replace ``reference`` (empty when it passes).

    ``evidence`` is the source text it rests on (evidence spans and their sentences);
    ``reference`` the deterministic rendering it would replace; ``sources`` the sources that
    must stay named (empty for the article's own voice).

    >>> ev = "Seoul reported that North Korea had shipped 6,700 containers to Russia."
    >>> verify_sentence("North Korea shipped 6,700 containers to Russia.", evidence=ev,
    ...                 reference=ev, sources=["Seoul"])
    ['drops the source Seoul']
    >>> verify_sentence("Seoul said North Korea shipped 6,700 containers to Russia.", evidence=ev,
    ...                 reference=ev, sources=["Seoul"])
    []
    """
    reasons: list[str] = []
    bad = looks_degenerate(candidate)
    if bad:
        return [bad]
    if len(re.findall(r"[.!?](?:\s|$)", candidate.strip())) > 1 + candidate.count("\u201c") + candidate.count('"'):
        reasons.append("more than one sentence")
    support = evidence + " " + reference
    missing_numbers = number_values(candidate) - number_values(support)
    if missing_numbers:
        reasons.append(f"number(s) not in the source: {', '.join(sorted(missing_numbers))}")
    support_low = support.lower()
    names = [re.sub(r"[’']s$", "", n) for n in _names(candidate)]
    unknown = sorted({n for n in names if n.lower() not in support_low and n not in ("I",)})
    if unknown:
        reasons.append(f"name(s) not in the source: {', '.join(unknown)}")
    if not (_in_order(names, _names(reference)) or _in_order(names, _names(evidence))):
        reasons.append("names in a different order from the source (roles may be swapped)")
    for src in sources:
        if src.lower().startswith("unnamed"):
            if not _ATTRIBUTION.search(candidate):
                reasons.append("no attribution verb")
            continue
        keys = source_keys(src)
        if keys and not any(k.lower() in candidate.lower() for k in keys):
            reasons.append(f"drops the source {src.split(',')[0]}")
        elif keys and not _speaks(candidate, keys):
            reasons.append(f"{src.split(',')[0]} is no longer the one who says it")
    loaded = loaded_in(candidate)
    introduced = [w for w in loaded if w not in loaded_in(reference)]
    if introduced:
        reasons.append(f"loaded term(s): {', '.join(sorted(set(introduced)))}")
    neg_c = len(_NEGATION.findall(candidate))
    neg_r = len(_NEGATION.findall(reference))
    if (neg_c == 0) != (neg_r == 0):
        reasons.append("negation changed")
    cw, rw, sw = _content_words(candidate), _content_words(reference), _content_words(support)
    if rw:
        kept = len({_stem(w) for w in cw} & {_stem(w) for w in rw}) / len({_stem(w) for w in rw})
        if kept < min_keep:
            reasons.append(f"keeps only {kept:.0%} of the claim's content")
    if cw:
        new = [w for w in cw if _stem(w) not in {_stem(x) for x in sw}]
        if len(new) / len(cw) > max_new:
            reasons.append(f"adds words not in the source: {', '.join(sorted(new)[:5])}")
    invented = invented_words(candidate, support=support)
    if invented:
        reasons.append(f"word(s) of its own, in neither the evidence nor the rendering: {', '.join(invented[:6])}")
    return reasons
