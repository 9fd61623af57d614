"""The people an article names, where it names them, and what it says of their gender: the
ground the pronoun rules (:mod:`._coref`) and the pronoun judge (:mod:`._pronoun_model`) stand on."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._analysis import ROLE_NOUNS, Analysis, Mention, untitled
from ._nlp import tokens_in
from ._references import things_named

__all__ = ["PRONOUN_GENDER", "PLURAL_PRONOUNS", "PERSON_NOUNS", "GENDERED_NOUNS", "given_names", "named_people", "mention_gender", "named_in", "named_in_quote"]

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_HONORIFIC = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "dame": "f", "lady": "f", "madam": "f", "madame": "f", "mme": "f", "mme.": "f"}
GENDERED_NOUNS = {
    **dict.fromkeys("man men boy father husband son brother uncle nephew grandfather king prince duke "
                    "spokesman chairman congressman businessman actor waiter widower boyfriend".split(), "m"),
    **dict.fromkeys("woman women girl mother wife daughter sister aunt niece grandmother queen princess duchess "
                    "spokeswoman chairwoman congresswoman businesswoman actress waitress widow girlfriend".split(), "f"),
}
# Nouns that name a person without a name (blockers when they head a noun phrase in the window).
PERSON_NOUNS = ROLE_NOUNS | frozenset(GENDERED_NOUNS) | frozenset(
    "assistant aide staffer employee accuser victim suspect reporter journalist teacher student "
    "nurse driver officer soldier patient citizen voter owner person child parent friend neighbour "
    "neighbor colleague partner boss lawmaker politician prosecutor defendant plaintiff survivor "
    "passenger customer critic supporter opponent rival protester".split())


def named_people(analysis: Analysis) -> list[tuple[int, int, Mention]]:
    """(start, end, mention) of every occurrence of a named person (full name, surname or first
    name), in text order; computed once per analysis."""
    cached = analysis.__dict__.get("_coref_people")
    if cached is not None:
        return cached
    things = things_named(analysis)
    persons = [m for m in analysis.mentions if m.label == "PERSON" and m.name not in things]
    out = []
    for e in analysis.doc.ents:
        if e.label_ != "PERSON":
            continue
        name = re.sub(r"^(?:the\s+)", "", e.text)
        if " " in name:
            name = re.sub(r"(?<=\w)['\u2019]s$", "", name)  # as the mention is named (see analyse)
        parts = name.replace("-", " ").split()
        m = next((p for p in persons if p.name == name), None)
        if m is None and untitled(name) != name:  # "Cllr Ashworth": the surname of the person named in full
            name = untitled(name)
            parts = name.replace("-", " ").split()
            m = next((p for p in persons if p.name == name), None)
        if m is None and len(parts) == 1:
            m = next((p for p in persons if p.name.replace("-", " ").split()[-1] == parts[0]), None) or \
                next((p for p in persons if p.name.replace("-", " ").split()[0] == parts[0]), None)
        if m is not None:
            out.append((e.start_char, e.end_char, m))
    # a known surname the parser did not tag as a person ("Hale denied the claims")
    surnames = {p.name.replace("-", " ").split()[-1]: p for p in persons if len(p.name.split()) > 1}
    for t in analysis.doc:
        if t.ent_type_ != "PERSON" and t.text in surnames and _alone(t):
            out.append((t.idx, t.idx + len(t.text), surnames[t.text]))
    out.sort(key=lambda x: x[0])
    analysis.__dict__["_coref_people"] = out
    return out


def _alone(t: Any) -> bool:
    """A capitalised word standing alone, not part of a longer name ("Safe Turf Now")."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    prev = doc[t.i - 1] if t.i > 0 else None
    cap = lambda x: x is not None and x.text[:1].isupper() and x.is_alpha  # noqa: E731
    return t.text[:1].isupper() and not cap(nxt) and not (cap(prev) and not prev.is_sent_start and prev.lower_ not in _HONORIFIC)


def mention_gender(analysis: Analysis, mention: Mention) -> str | None:
    """``"m"``, ``"f"`` or ``None`` (unknown or contradictory) for a named person.

    Evidence: an honorific before any occurrence of the name (``Mr``, ``Ms``), a gendered noun in
    the role (``spokeswoman``), and a gendered pronoun in a clause whose subject is the person
    ("Reyes said her office…"), where that clause names no one else.
    """
    key = "_coref_gender"
    cache = analysis.__dict__.setdefault(key, {})
    if mention.name in cache:
        return cache[mention.name]
    votes: set[str] = set()
    doc = analysis.doc
    for role_word in re.findall(r"[a-z]+", mention.role.lower())[:3]:  # the role's head comes first
        if role_word in GENDERED_NOUNS:
            votes.add(GENDERED_NOUNS[role_word])
    title = mention.name.split()[0].lower() if mention.name.split() else ""
    if title in _HONORIFIC:  # the tagger kept the honorific in the name ("Ms Kim Adler")
        votes.add(_HONORIFIC[title])
    named = named_people(analysis)
    for a, b, m in named:
        if m is not mention:
            continue
        before = analysis.text[max(0, a - 6):a].strip().lower().split()
        if before and before[-1] in _HONORIFIC:
            votes.add(_HONORIFIC[before[-1]])
        head = next((t for t in tokens_in(doc, a, b) if t.head.idx < a or t.head.idx >= b or t.head.i == t.i), None)
        if head is None or head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = head.head
        others = [p for p in named if p[2] is not mention and verb.sent.start_char <= p[0] < verb.sent.end_char]
        if others:
            continue
        for t in verb.subtree:
            g = PRONOUN_GENDER.get(t.lower_)
            if g and t.i > head.i and _same_subject(_clause_head(t), verb) and not analysis.in_quote(t.idx, t.idx + 1):
                votes.add(g)
    if not votes:  # nothing in the article says: a given name borne by one gender with few exceptions
        words = [w for w in untitled(mention.name).replace(".", " ").split() if w.lower() not in _HONORIFIC]
        if len(words) > 1 and words[0][:1].isupper():
            g = given_names().get(words[0].lower())
            if g:
                votes.add(g)
    cache[mention.name] = votes.pop() if len(votes) == 1 else None
    return cache[mention.name]


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> "f" or "m" (``data/given_names.tsv``, with its sources)."""
    out = {}
    for line in (Path(__file__).parent / "data" / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, g = line.partition("\t")
            out[name] = g
    return out


def _same_subject(clause: Any, verb: Any) -> bool:
    """Whether ``clause`` is ``verb`` or a clause under it ("X said his team would appeal")
    with no person of its own as subject ("X said the minister lost her job" is not)."""
    while clause.i != verb.i:
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.pos_ in ("PRON", "PROPN")
                                 or subj.lemma_.lower() in PERSON_NOUNS):
            return False
        if clause.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or clause.head.i == clause.i:
            return False
        clause = clause.head
    return True


def _clause_head(tok: Any) -> Any:
    """The nearest verb above ``tok`` (the clause it belongs to)."""
    t = tok.head
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def named_in_quote(analysis: Analysis, mention: Mention, start: int, end: int) -> bool:
    """Whether the quotation that holds ``[start, end)`` names the person ``mention`` is, under
    any of the names the article gives them ("the Clinton campaign" and "Hillary Clinton" are one
    person): :func:`named_in` over the whole quotation."""
    said = analysis.quotation_of(start, end)
    last = mention.name.split()[-1]
    return any(named_in(m, said) for m in [mention, *(o for o in analysis.mentions if o.label == "PERSON" and o.name.split()[-1] == last)])


def named_in(mention: Mention, text: str) -> bool:
    """Whether ``text`` names ``mention`` (its last or, for a full name, its first name as a word:
    "go vote for Hillary"): a person a quotation names is whom the speaker talks about, not the
    speaker."""
    words = mention.name.split()
    return any(re.search(r"\b%s\b" % re.escape(w), text) is not None for w in {words[0], words[-1]} if w[:1].isupper() and len(w) > 1)

