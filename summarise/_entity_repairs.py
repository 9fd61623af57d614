"""Person names the small tagger gets wrong, mended before the analysis reads them: a name cut
short ("chief executive Anders [Holm]"), a candidate taken for a company ("presidential candidate
[Carly Fiorina]" as ORG)."""

from __future__ import annotations

from typing import Any

from ._analysis import INSTITUTION_NOUNS, ROLE_ABBREVIATIONS, ROLE_NOUNS, TITLES

__all__ = ["mend_entities", "surnames_read_as_nouns"]


def mend_entities(doc: Any) -> None:
    """The repairs below, in place on ``doc.ents``."""
    _persons_tagged_org(doc)
    _whole_person_names(doc)
    _sentence_opener_out(doc)
    _headline_verb_out(doc)


def surnames_read_as_nouns(doc: Any) -> None:
    """A person's surname that is also a common word, written alone and read as a noun ("Price
    says ...", "Trump estimates ..." after "Ana Price", "Donald Trump"): a person's name, when it
    is the subject or object of a clause and no entity holds it. Run once the parse repairs are done."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_alpha}
    taken = {t.i for e in ents for t in e}
    added = []
    for t in doc:
        if (t.text in surnames and t.i not in taken and t.pos_ in ("NOUN", "ADJ") and t.text[1:].islower()
                and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not any(c.dep_ in ("det", "amod", "compound") for c in t.children)):
            t.pos_, t.tag_ = "PROPN", "NNP"
            added.append(Span(doc, t.i, t.i + 1, label="PERSON"))
    if added:
        doc.ents = sorted(ents + added, key=lambda e: e.start)


# Roles only a person holds, before a name ("presidential candidate X"), and words of a company's name.
_PERSON_ROLES = frozenset("candidate nominee senator governor congressman congresswoman representative mayor president "
                          "minister secretary hopeful challenger incumbent contender frontrunner front-runner".split())
_CORPORATE_WORDS = frozenset("capital partners holdings group bank fund inc corp co ltd llc plc media news press "
                             "systems technologies motors airlines foods energy".split())


def _persons_tagged_org(doc: Any) -> None:
    """A person's name the tagger took for an organisation ("presidential candidate [Carly
    Fiorina]" as ORG, her company's story around it) is a person's when a role or title stands
    just before it; so is the bare surname, as an ORG elsewhere in the article."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    surnames = set()
    for k, e in enumerate(ents):
        if e.label_ != "ORG" or not 2 <= len(e) <= 3 or e.start == 0 or not all(
                t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() for t in e):
            continue
        prev = doc[e.start - 1]
        if any(t.lower_ in INSTITUTION_NOUNS or t.lower_ in _CORPORATE_WORDS for t in e):
            continue  # "activist investor Northcliff Capital": a body's name
        if prev.lower_.rstrip(".") in TITLES or prev.lower_ in _PERSON_ROLES and prev.is_lower:
            ents[k] = Span(doc, e.start, e.end, label="PERSON")
            surnames.add(e[-1].text)
    if not surnames:
        return
    ents = [Span(doc, e.start, e.end, label="PERSON") if e.label_ == "ORG" and len(e) == 1 and e.text in surnames else e
            for e in ents]
    doc.ents = ents



def _whole_person_names(doc: Any) -> None:
    """A person's name the tagger cut ("chief executive Anders [Holm]") takes back the capitalised
    given name before it: a proper noun compounded onto the name, in no entity, not a role word."""
    from spacy.tokens import Span

    from ._persons import given_names

    ents = list(doc.ents)
    changed = False
    for k, e in enumerate(ents):
        if e.label_ != "PERSON" or len(e) > 2 or e.start == 0:
            continue
        prev = doc[e.start - 1]
        if len(e) == 2 and not (prev.lower_ in given_names() and e[0].lower_ not in given_names()):
            continue  # (before a two-word surname only a given name: "Chair Debbie [Wasserman Schultz]", not "Speaker [Nancy Pelosi]")
        if (prev.pos_ == "PROPN" and prev.ent_type_ == "" and prev.dep_ == "compound" and prev.head.i in (e.start, e.end - 1)
                and prev.text.isalpha() and prev.text[:1].isupper() and prev.text[1:].islower() and prev.lower_ not in ROLE_NOUNS
                and prev.lower_ not in TITLES
                and prev.lower_ not in ROLE_ABBREVIATIONS):
            ents[k] = Span(doc, e.start - 1, e.end, label="PERSON")
            changed = True
    if changed:
        doc.ents = ents


def _sentence_opener_out(doc: Any) -> None:
    """A word capitalised only because it opens a sentence or headline, tagged an adjective or
    adverb, that the tagger took into a person's name ("[Top Clinton] adviser sent ...") leaves
    the name, when the rest of the name is written without it elsewhere in the article."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    changed = False
    for k, e in enumerate(ents):
        first = doc[e.start]
        if e.label_ != "PERSON" or len(e) < 2 or not first.is_sent_start or first.tag_ not in ("JJ", "JJS", "RB", "RBS"):
            continue
        rest = doc[e.start + 1:e.end].text
        if any(o is not e and o.label_ == "PERSON" and rest in o.text and first.text not in o.text for o in ents):
            ents[k] = Span(doc, e.start + 1, e.end, label="PERSON")
            changed = True
    if changed:
        doc.ents = ents


def _headline_verb_out(doc: Any) -> None:
    """A verb the tagger took into the name before it in a title-case headline ("[Obama Says]
    Museum Will Tell ..."): a name's last word parsed as a finite verb with the name's first words
    as its subject leaves the name (else every later "Obama" is read as "Obama Says")."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    changed = False
    for k, e in enumerate(ents):
        last = doc[e.end - 1]
        if e.label_ in ("PERSON", "ORG") and len(e) >= 2 and last.tag_ in ("VBZ", "VBD") and any(
                c.dep_ in ("nsubj", "nsubjpass") and e.start <= c.i < e.end - 1 for c in last.children):
            ents[k] = Span(doc, e.start, e.end - 1, label=e.label_)
            changed = True
    if changed:
        doc.ents = ents
