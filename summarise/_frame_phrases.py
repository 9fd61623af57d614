"""Attribution by a phrase, not a verb: "according to X", "by one estimate", "In this poll, ...",
"... a lead in the polls", "To many, ...": the phrase names the source of the clause it hangs on;
and "reportedly", "allegedly": a word that says the clause is someone's report or charge, no one named."""

from __future__ import annotations

from typing import Any

from ._cues import MESSAGE_NOUNS, animate, is_cue, is_document
from ._frame_syntax import Frame, span_of

__all__ = ["INFORMANTS", "hearsay_frame", "phrase_source", "phrase_span"]

# People who tell what others said or did ("X told Y ..., according to people familiar with the talks"):
# "according to" them reports the telling (a transcript, a service or an agency gives the speaker's own words).
INFORMANTS = frozenset("people person source official aide adviser advisor attendee participant witness insider "
                       "associate ally confidant friend someone".split())

# Pronouns of people that hold a view ("To many, ...").
_VIEW_HOLDERS = frozenset("many some most others few".split())
# "by one estimate", "by some accounts", "by its own count": whose figure it is
_BY_NOUNS = frozenset("estimate estimates count counts account accounts calculation calculations tally measure measures reckoning".split())


def phrase_span(tok: Any, pobj: Any) -> set[int]:
    """The tokens of an attributing phrase ("according to X"), without a name the parser hung on
    a document as its apposition ("According to the FBI summary, Mills and an aide asked ...": the
    subject of the clause, not the summary's name)."""
    drop = {x.i for c in pobj.children if c.dep_ == "appos" and is_document(pobj)
            and any(t.ent_type_ in ("PERSON", "ORG", "NORP") or t.pos_ == "PROPN" for t in c.subtree) for x in c.subtree}
    return {t.i for t in tok.subtree} - drop


def phrase_source(tok: Any) -> Any | None:
    """The source named by a phrase that attributes its clause: "according to X", "by one
    estimate", a poll a standing is found in ("a lead in the polls"), and a document opening the
    sentence ("In this poll, X rose ...", "In the study,
    ..."); ``None`` for any other token."""
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if tok.dep_ != "prep" or tok.lower_ not in ("by", "in", "to"):
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if tok.lower_ == "to":
        # "To many, he is a provocateur", "To his critics, the plan is ...": a view those people hold
        end = max(t.i for t in tok.subtree)
        if (tok.i == tok.sent.start and end + 1 < len(tok.doc) and tok.doc[end + 1].text == ","
                and tok.head.dep_ == "ROOT" and tok.head.lemma_ in ("be", "seem", "look", "sound", "appear", "remain")
                and (pobj.lower_ in _VIEW_HOLDERS or animate(pobj) and pobj.ent_type_ not in ("GPE", "DATE"))):
            return pobj
        return None
    if tok.lower_ == "by":
        clause = tok.head.head if tok.head.dep_ in ("aux", "auxpass") else tok.head
        if clause.dep_ == "relcl":
            return None  # "Murdoch, who is by all accounts enjoying his role": the clause is about the noun
        return pobj if pobj.lemma_.lower() in _BY_NOUNS and pobj.text.lower() in _BY_NOUNS else None
    head = tok.head
    if (tok.i == tok.sent.start and is_document(pobj) and head.pos_ in ("VERB", "AUX") and head.dep_ == "ROOT"
            and (pobj.tag_ != "NNS" or any(c.dep_ in ("det", "poss") for c in pobj.children))  # ("In emails, ...": where, not who)
            and not is_cue(head) and not any(is_cue(c) for c in head.children if c.dep_ in ("ccomp", "conj", "parataxis"))
            and not (pobj.lemma_.lower() in MESSAGE_NOUNS and any(c.dep_ == "nsubj" and (animate(c) or c.ent_type_ in ("ORG", "PERSON"))
                                                                   for c in head.children))):  # ("In a letter, the FDA classified ...": the FDA's)
        return pobj  # "In this poll, Trump rose 1 point": the poll's finding ("In a statement, an official
        # said, "We are ..."" read with the cue as an aside is the official's)
    verb = head.head if head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr", "nsubj") and head.lemma_.lower() in _STANDINGS else head
    if (pobj.lemma_.lower() in ("poll", "survey") and verb.pos_ in ("VERB", "AUX") and verb.dep_ == "ROOT" and not is_cue(verb)
            and verb.lemma_.lower() not in _POLLED and not any(is_cue(c) for c in verb.children if c.dep_ in ("ccomp", "conj"))
            and any(c.dep_ == "nsubj" and (animate(c) or c.i == head.i and any(p.dep_ == "poss" and animate(p) for p in c.children))
                    for c in verb.children)  # ("X's approval rating in the poll stands at 53%")
            and not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)):  # (nor a clause joined to it)
        # "Trump has a decisive lead in the polls", "X led Y in every poll": the polls' finding of
        # where someone stands ("errors have handed her a lead in the polls" is the article's reading)
        return pobj
    return None


# What a candidate holds in a poll ("a 24-point lead in a poll").
_STANDINGS = frozenset("lead margin edge advantage deficit rating ratings share support standing".split())
# Verbs of taking part in a poll, which the poll does not find ("took part in the survey").
_POLLED = frozenset("take participate respond answer interview ask question poll survey include conduct publish release".split())


# Adverbs by which the article says that what it states is someone's report or charge, not its own
# finding: who reports it (unnamed) and the claim's kind.
_HEARSAY = {"reportedly": ("unnamed sources", "statement"), "allegedly": ("unnamed accusers", "allegation"),
            "purportedly": ("unnamed sources", "statement"), "reputedly": ("unnamed sources", "statement"),
            "supposedly": ("unnamed sources", "statement")}


def hearsay_frame(in_quote: Any, si: int, toks: list[Any]) -> Frame | None:
    """"The company has reportedly taken heat from a rights group": the sentence is a report of no
    one named, not the article's fact; kept as written. Only an adverb on the sentence's main verb
    ("a man who allegedly stole ..." charges the man's act, not the sentence) and outside a quotation."""
    adv = next((t for t in toks if t.lower_ in _HEARSAY and t.dep_ == "advmod" and t.head.dep_ == "ROOT" and t.head.pos_ in ("VERB", "AUX")
                and not in_quote(t.idx, t.idx + 1)), None)
    words = [t for t in toks if not t.is_space]
    while words and words[-1].is_punct:
        words = words[:-1]
    if adv is None or not words:
        return None
    source, kind = _HEARSAY[adv.lower_]
    content = span_of(words)
    return Frame(si, adv.text, adv.lower_, kind, source, None, None, content, content, cue_i=adv.i)
