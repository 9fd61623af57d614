"""Dependency repairs made on the parse itself, right after the parser, where the small English
model reads a sentence of news in a way no rule downstream could undo: every consumer (frames,
sources, the well-formed check) then sees the repaired tree. Each repair is narrow: it needs the
word order that rules out the parser's reading.
"""

from __future__ import annotations

from typing import Any

__all__ = ["repair_heads"]


def repair_heads(doc: Any) -> Any:
    """The spaCy component: each repair in turn."""
    for tok in doc:
        _coordinated_participle(tok)
        _participle_root(tok)
    return doc


def _participle_root(tok: Any) -> None:
    """'Speaker X, the party's leader, on Tuesday called Y's remarks "racist," an extraordinary
    indictment': the parser makes the name the sentence's root and "called" a reduced relative
    clause on it, leaving the sentence without a verb. A participle with an object of its own on
    a name that is its sentence's root, with no relative word and no other verb the name could be
    the subject of, is the sentence's verb in the past tense, and the name its subject."""
    name = tok.head
    if tok.dep_ not in ("relcl", "acl") or tok.tag_ != "VBN" or name.dep_ != "ROOT" or name.pos_ != "PROPN" or tok.i < name.i:
        return
    if not any(c.dep_ in ("dobj", "oprd") and c.i > tok.i for c in tok.children) or any(
            c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in tok.children):
        return  # ("X, who has called ...", "X, called 'the conscience of the party'": a description)
    if any(c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX") and c.i != tok.i for c in name.children):
        return
    if tok.left_edge.i == 0 or tok.doc[tok.left_edge.i - 1].text != ",":
        return  # (the verb's phrase opens after the name's apposition and its comma)
    tok.head = tok
    tok.dep_, tok.tag_ = "ROOT", "VBD"
    name.head = tok
    name.dep_ = "nsubj"


def _coordinated_participle(tok: Any) -> None:
    """'X, the speaker, called Y's remarks "racist," but said he would vote for him': the parser
    reads "called" as a participle on X ("X, called ...") and the clause it opens as part of the
    subject. A participle with an object of its own, followed by a comma and "but" or "and" before
    its subject's verb, is that verb's coordinate, not a description of the subject: a participle
    describing the subject is never joined to the verb by a conjunction."""
    subj = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or subj.dep_ not in ("nsubj", "nsubjpass") or tok.i < subj.i:
        return
    verb = subj.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
        return
    if not any(c.dep_ in ("dobj", "oprd", "ccomp") and c.i > tok.i for c in tok.children):
        return
    end = max(t.i for t in tok.subtree)
    between = [t for t in tok.doc[end + 1:verb.i] if not t.is_space]
    words = [t for t in between if not (t.is_punct or t.is_quote)]
    if not words or words[0].dep_ != "cc" or words[0].lower_ not in ("but", "and") or any(
            t.dep_ not in ("cc", "advmod", "neg") for t in words[1:]) or not any(t.text == "," for t in between):
        return
    tok.head = verb
    tok.dep_, tok.tag_ = "conj", "VBD"
    words[0].head = verb
