"""Shapes of a cue's clause that need no word list of cues (kept apart from :mod:`._cues`, which
uses them when it decides what is a cue)."""

from __future__ import annotations

from typing import Any

__all__ = ["literal_with", "made_clear", "opened_by", "parenthetical_conj"]


def parenthetical_conj(tok: Any) -> Any | None:
    """The verb a cue set off inside the clause it reports was hung on as a conjunct ("This sort
    of opining, the network claimed, violates its code": "claimed" the root, "violates" its
    conjunct): the conjunct right after the cue's closing comma, which has no subject of its own,
    when only a noun phrase comes before the cue's subject. None otherwise."""
    doc = tok.doc
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    left, start = (min(t.i for t in subj.subtree), tok.sent.start) if subj is not None else (0, 0)
    if tok.dep_ != "ROOT" or subj is None or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "," or left - start < 3 or doc[left - 1].text != ",":
        return None
    if any(t.dep_ not in ("advmod", "aux", "neg") for t in doc[max(t.i for t in subj.subtree) + 1:tok.i]):
        return None  # only "also", "has" between the subject and the cue
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("pcomp", "amod", "acl", "relcl") for t in doc[start:left - 1]):
        return None  # a clause of its own before the cue
    verb = doc[tok.i + 2]
    if verb.head.i != tok.i or verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return verb


# Nouns of a case someone makes ("made the case that ...", "made the point that ...").
_MADE_NOUNS = frozenset("case point argument claim pitch promise pledge vow prediction assertion accusation charge allegation".split())


def made_clear(tok: Any) -> Any | None:
    """The clause a "make" reports: "made it clear (that) they disagree", "made clear Monday they
    disagree" (the parser can hang "clear" on the date), "made the case/point that ..." -> the clause."""
    doc = tok.doc
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "it" else (
        doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
    for c in (*tok.children, *([after] if after is not None and after.lower_ == "clear" else [])):
        if c.lower_ == "clear" and (c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") or c is after):
            for x in (*c.children, *tok.children):
                if x.dep_ in ("ccomp", "advcl") and x.pos_ in ("VERB", "AUX") and x.i > c.i:
                    return x
        if c.dep_ == "dobj" and c.lemma_.lower() in _MADE_NOUNS:
            # the clause with "that", wherever the parser hung it ("made a case to the voters
            # that he ...": on "voters"); a relative "that" is its subject or object, not its mark
            for x in tok.subtree:
                if x.i > c.i and x.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and m.lower_ == "that" for m in x.children):
                    return x
    return None


# Verbs of beginning or answering that a report by a gerund completes ("began by saying", "responded by
# noting"): without it they say nothing.
_OPENED_BY = frozenset("begin start open end close conclude finish respond reply react follow".split())


def opened_by(tok: Any) -> int | None:
    """Where the verb a cue completes starts ("X appeared on TV and began by saying Y": the claim
    is X's, and "and began" left behind would read as a sentence of its own), with its conjunction:
    a character offset, or None."""
    by, verb = tok.head, tok.head.head
    if tok.dep_ != "pcomp" or by.lower_ != "by" or verb.lemma_.lower() not in _OPENED_BY or verb.pos_ != "VERB" or verb.i > tok.i \
            or any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i > verb.i for c in verb.children):
        return None
    cc = next((c for c in verb.head.children if c.dep_ == "cc" and c.i == verb.i - 1), None) if verb.dep_ == "conj" else None
    return (cc or verb).idx


# Nouns of words and judgements a verb of attack can be made "with" ("slammed the plan with harsh criticism").
_VERBAL = frozenset("criticism critique words remark remarks comment comments question questions accusation accusations "
                    "allegation allegations charge charges claim claims insult insults attack attacks complaint complaints "
                    "rhetoric language statement statements tweet tweets ad ads jab jabs barb barbs".split())


def literal_with(verb: Any) -> bool:
    """"Israel slammed the Gaza Strip with airstrikes": a verb of attack made with something other
    than words (strikes, rockets, a lawsuit, sanctions) is an act, not a criticism."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and c.i > verb.i and any(p.dep_ == "pobj" for p in c.children)  # (not "With 50 days to go, X called ...")
               and not any(t.lemma_.lower() in _VERBAL or t.lower_ in _VERBAL for t in c.subtree) for c in verb.children)
