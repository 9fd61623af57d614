"""The language model as a judge of who a "he" or "she" who speaks is, where the rules are unsure.

The rules (:mod:`._coref`) name the person a pronoun refers to only when agreement and syntax
leave one candidate. Where they leave the pronoun as the source of an attribution ("She said
…"), a model that can score text (:class:`~summarise.backends.base.Scorer`) supplies what the
rules lack, the gender a first name suggests: ``"Name: Anna. Gender:"`` followed by
``" female"`` against ``" male"``, by at least :data:`GENDER_MARGIN` nats either way (the
135M default model knows common first names; an unknown name stays unknown). The people named
in the pronoun's sentence before it and the two sentences before, whose gender (from the text,
else from the model) does not disagree with the pronoun, are the candidates. One candidate left
is named; with several, each is put where the pronoun is and the rest of the sentence scored
after it (Trinh & Le, 2018, "partial" scoring), and the best is named only when it beats the
next by :data:`MARGIN` nats. The person is named in the claim's ``source`` field only: the
claim's text keeps the pronoun as written, because the choice is the model's, not the text's.
"""

from __future__ import annotations

from typing import Any

from ._analysis import INSTITUTION_NOUNS, TITLES, Analysis, Mention
from ._persons import PRONOUN_GENDER, mention_gender, named_in_quote, named_people

__all__ = ["MARGIN", "name_pronoun_sources"]

MARGIN = 1.0
"""Nats by which the chosen person's continuation must beat the next person's."""
GENDER_MARGIN = 0.75
"""Nats by which " female" must beat " male" (or the reverse) for the model to give a gender."""
_WINDOW = 2
"""Sentences before the pronoun's sentence whose people are candidates and whose text is context."""


def _model_gender(scorer: Any, name: str, cache: dict[str, str | None]) -> str | None:
    """``"m"``, ``"f"`` or ``None``: what the model makes of a person's first name."""
    parts = [p for p in name.split() if p.lower().rstrip(".") not in TITLES]
    first = parts[0] if len(parts) > 1 and parts[0].isalpha() and parts[0][:1].isupper() else ""
    if not first:
        return None  # a surname alone says nothing
    if first not in cache:
        female, male = scorer.logprobs([(f"Name: {first}. Gender:", " female"), (f"Name: {first}. Gender:", " male")])
        d = female.total - male.total
        cache[first] = "f" if d >= GENDER_MARGIN else "m" if d <= -GENDER_MARGIN else None
    return cache[first]


_ORG_WORDS = INSTITUTION_NOUNS | frozenset("labs lab inc corp co ltd llc plc ag sa gmbh holdings partners "
                                           "systems technologies media news press foundation center centre".split())


def _organisation(name: str) -> bool:
    """A name ending in a word of bodies ("Redline Labs", "Acme Corp")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().strip(".,") in _ORG_WORDS


def _candidates(analysis: Analysis, offset: int, pronoun: str, scorer: Any, genders: dict[str, str | None]) -> list[Mention]:
    si = analysis.sentence_of(offset)
    start = analysis.sentences[max(0, si - _WINDOW)][0]
    gender = PRONOUN_GENDER[pronoun.lower()]
    out: list[Mention] = []
    for a, _, m in named_people(analysis):
        if start <= a < offset and m not in out and not m.plural and not analysis.in_quote(a, a + 1):
            told = mention_gender(analysis, m)
            if told is None and _organisation(m.name):
                continue  # the tagger's "person" that is a body ("Redline Labs"): not a "he" or "she"
            g = told or _model_gender(scorer, m.name, genders)
            if g is None or g == gender:
                out.append(m)
    return out


def name_pronoun_sources(analysis: Analysis, frames: list[Any], scorer: Any, margin: float | None = None) -> int:
    """Give frames whose source is a bare "he"/"she" the person the model prefers, in place
    (``frame.source``, ``frame.mention``, ``frame.named_by_model``); returns how many were named.
    ``margin``: :data:`MARGIN` when ``None``; 1000 or more leaves every pronoun to the rules."""
    margin = MARGIN if margin is None else margin
    if margin >= 1000:
        return 0  # left to the rules
    text = analysis.text
    todo: list[tuple[Any, list[Mention], list[tuple[str, str]]]] = []
    genders: dict[str, str | None] = {}
    for f in frames:
        if f.subj is None or f.source.lower() not in ("he", "she"):
            continue  # named by the rules (a "she" left unnamed has a placeholder mention)
        a, b = f.subj
        if text[a:b].lower() != f.source.lower():
            continue
        # (a person the quotation itself names is whom the speaker talks about, not the speaker)
        cands = [m for m in _candidates(analysis, a, f.source, scorer, genders)
                 if not named_in_quote(analysis, m, *f.content)]
        if not cands:
            continue
        si = analysis.sentence_of(a)
        s0, s1 = analysis.sentences[si]
        before = text[analysis.sentences[max(0, si - _WINDOW)][0]:s0]
        prefix = before + text[s0:a]
        rest = text[b:s1]
        # one context for every candidate (one prefix pass); each name is part of the continuation
        # and only the tokens after it are scored ("partial" scoring)
        todo.append((f, cands, [(prefix, m.name + rest) for m in cands] if len(cands) > 1 else []))
    if not todo:
        return 0
    scored = scorer.logprobs([r for _, _, reqs in todo for r in reqs]) if any(reqs for _, _, reqs in todo) else []
    named = 0
    k = 0
    for f, cands, reqs in todo:
        totals = [sum(x for x, off in zip(lp.logprobs, lp.offsets) if off >= len(m.name))
                  for lp, m in zip(scored[k:k + len(reqs)], cands)] if reqs else [0.0]
        k += len(reqs)
        order = sorted(range(len(totals)), key=totals.__getitem__, reverse=True)
        if len(order) > 1 and totals[order[0]] - totals[order[1]] < margin:
            continue
        m = cands[order[0]]
        f.source, f.mention, f.named_by_model = m.display, m, True
        named += 1
    return named
