"""What makes a word an attribution cue, and what kind of claim its content is.

A cue is a reporting, judging, estimating or denying verb of the project's lexicon
(``summarise/data/cues.yaml``) used with what it reports: a clause, or for some verbs an object
("denied the report", "backs the bill", "put the cost at $4 million"). The kind starts from the
cue and is refined by the content (a hedge makes an estimate, a charge of wrongdoing an
allegation). :mod:`._frames` finds the cue's source and content.
"""

from __future__ import annotations

import re
from typing import Any

from ._nlp import lexicons

__all__ = ["ADDRESSEE_CUES", "DOCUMENT_CUES", "MEDIUM_CUES", "MESSAGE_NOUNS", "OBJECT_CUES", "QUOTE_CUES", "STANCE_CUES", "animate", "cue_kind", "is_cue", "is_document"]

# Cues that take their content as an object or prepositional phrase, not only a clause.
OBJECT_CUES = frozenset(
    "thank accuse blame deny refute reject dismiss rebut dispute contest criticise criticize "
    "condemn praise hail slam blast denounce decry applaud commend laud call label brand describe "
    "refer charge welcome express deride lambast castigate defend disavow repudiate contradict mock "
    "ridicule suspect implicate confirm acknowledge admit announce reveal disclose warn urge "
    "order demand propose promise pledge threaten tout allege support back oppose endorse favor favour "
    "estimate project forecast predict calculate".split()
)
# Verbs of regarding something as something ("see X as Y"): an opinion of whoever does.
_AS_CUES = frozenset("see view regard".split())
# Cues of taking a side ("X backs Y"): an attribution only when someone, not something, does it.
STANCE_CUES = frozenset("support back oppose endorse favor favour".split())
# Verbs that give a figure as someone's valuation when followed by "at" and a number.
_VALUING_CUES = frozenset("put place peg value".split())
_FIGURES = frozenset("MONEY CARDINAL PERCENT QUANTITY".split())
# Subject words that stand for people or bodies without being a named entity.
_ANIMATE_PRONOUNS = frozenset("i we you he she they who".split())
# Cues that introduce a quotation ('"...," she said').
QUOTE_CUES = frozenset("say tell add write state post reply respond tweet".split())
# Of those, the ones whose prepositional phrase is where they said it, never what.
MEDIUM_CUES = frozenset("say write state post tweet".split())
# Nouns of a message someone issues ("issued a statement calling ...", "sent a letter urging ...",
# "in a post saying ..."): a cue that modifies one is spoken by whoever issued it.
MESSAGE_NOUNS = frozenset(
    "statement letter message post tweet release communique communiqué note memo email e-mail op-ed "
    "editorial column video speech interview petition resolution motion notice appeal filing".split())
# Cues whose object is the person told, not what is said ("telling CNN: '...'").
ADDRESSEE_CUES = frozenset("tell inform assure warn remind promise".split())


# Cues a document or a set of data can be the source of ("records show", "a study found").
DOCUMENT_CUES = frozenset("show find suggest indicate reveal conclude estimate project confirm report".split())
# Head nouns of documents and data that speak through those cues.
_DOCUMENT_NOUNS = frozenset(
    "report study survey poll data record analysis figure statistic document filing memo audit review "
    "investigation research census result finding tally model forecast projection estimate count "
    "test assessment evaluation inquiry video footage recording tape photo photograph image picture "
    "transcript email emails letter memo slide chart graph graphic table map presentation".split())


def is_document(tok: Any) -> bool:
    """A document or a body of data ("the records", "a new poll"), which can show or find things."""
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in _DOCUMENT_NOUNS or tok.lower_ in _DOCUMENT_NOUNS
                                              or tok.lower_.endswith("s") and tok.lower_[:-1] in _DOCUMENT_NOUNS)


def animate(subj: Any) -> bool:
    """A subject that is a person, a body or a group of people (not a thing)."""
    from ._analysis import INSTITUTION_NOUNS, ROLE_NOUNS

    if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    low = subj.lower_
    return low in _ANIMATE_PRONOUNS or subj.lemma_.lower() in ROLE_NOUNS | INSTITUTION_NOUNS or low in ROLE_NOUNS


def _values_at(tok: Any) -> bool:
    """'puts the cost at $4 million', 'pegged turnout at 60 percent': a figure someone gives."""
    return tok.lemma_.lower() in _VALUING_CUES and tok.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "at" and any(t.like_num or t.ent_type_ in _FIGURES for t in c.subtree)
        for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children)


def is_cue(tok: Any) -> bool:
    lex = lexicons()
    lemma = tok.lemma_.lower()
    if _values_at(tok):
        return True
    if lemma in _AS_CUES:
        # "critics see the plan as a giveaway", "many view him as the favourite": a stance, only
        # with "as" and someone holding it ("we saw the film" reports nothing)
        return tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children) and any(
            c.dep_ == "nsubj" and animate(c) for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children)
    if lemma == "question" and tok.pos_ == "VERB":
        # "delegates questioned whether ...", "some question the wisdom of ...": someone's doubt
        return any(c.dep_ == "nsubj" and animate(c) for c in tok.children) and any(
            c.dep_ in ("ccomp", "dobj") for c in tok.children)
    if lemma not in lex.cue_kind:
        return False
    if tok.pos_ not in ("VERB", "AUX"):
        # the small tagger misreads "Records show that ..." as a noun; a subject and a clausal
        # complement say it is the verb
        if not (any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children)):
            return False
    if lemma == "point" and not any(c.dep_ == "prt" and c.text.lower() == "out" for c in tok.children):
        return False
    if lemma == "show" and not any(c.dep_ in ("nsubj", "nsubjpass") and any(is_document(x) for x in (c, *c.conjuncts))
                                   for c in tok.children) and tok.dep_ != "relcl":
        return False  # data and documents show things; "Mexico has shown it knows how" is the article's
    has_clause = any(c.dep_ in ("ccomp", "xcomp") or (  # "recalled that ...", parsed as an adverbial clause
        c.dep_ == "advcl" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        for c in tok.children)
    if lemma in OBJECT_CUES or (lemma in DOCUMENT_CUES and any(
            c.dep_ == "nsubj" and any(is_document(x) for x in (c, *c.conjuncts)) for c in tok.children)):  # "the poll finds a generation that ..."
        return has_clause or any(c.dep_ in ("dobj", "prep", "oprd", "nsubjpass") for c in tok.children) or tok.dep_ == "relcl"
    if lemma in QUOTE_CUES:
        return True  # quotes: '"...," she said.'
    return has_clause


def cue_kind(cue: Any, content_text: str) -> str:
    lex = lexicons()
    lemma = cue.lemma_.lower()
    if _values_at(cue):
        return "estimate"
    if lemma in _AS_CUES or lemma == "question":
        return "opinion"
    kind = lex.cue_kind.get(lemma, "statement")
    if lemma == "call" and any(c.dep_ == "prep" and c.text.lower() == "for" for c in cue.children):
        kind = "statement"
    low = content_text.lower()
    if kind in ("statement", "opinion") and any(w in low for w in lex.denial_content) and any(n in low for n in lex.claim_nouns):
        return "denial"
    if kind == "statement" and lex.accusation_pattern().search(content_text):
        return "allegation"
    if kind == "statement" and lex.hedge_pattern().search(content_text):
        return "estimate"
    if kind == "statement" and not re.search(r"\d", content_text) and lex.evaluative_pattern().search(content_text):
        return "opinion"
    return kind
