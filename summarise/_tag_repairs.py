"""Repairs of the parse where the tagger read a word as the wrong part of speech and the parser
built on it: a verb of saying read as a plural noun ("Her fate hinges on ...", "Trump charges that
...", "policies she supported that Trump argues allowed ..."), or as a name in a title-case headline
("Senator Denies He Skipped Votes"). Run by :func:`._parse_repairs.repair_heads`."""

from __future__ import annotations

from typing import Any

__all__ = ["cue_form", "cue_read_as_noun", "noun_read_verb", "relative_cue_read_as_noun", "title_case", "title_case_verb"]


def noun_read_verb(tok: Any) -> None:
    """"Her fate hinges on X, an analyst says.": the tagger can read a verb in -s as a plural noun
    ("hinges") with its subject as a compound; the parser still makes it the clause a verb of saying
    reports. A clause's head has a verb: a plural noun with no determiner, a noun before it and a
    phrase after it, heading a reported clause, is the verb."""
    if tok.dep_ != "ccomp" or tok.tag_ != "NNS" or tok.head.pos_ != "VERB" or any(c.dep_ == "det" for c in tok.children):
        return
    subj = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ in ("NOUN", "PROPN")]
    if not subj or not any(c.dep_ in ("prep", "dobj") and c.i > tok.i for c in tok.children):
        return
    for c in tok.children:
        if c.i < subj[0].i:
            c.head = subj[0]  # ("Her fate": the subject's own words)
    tok.tag_, tok.pos_ = "VBZ", "VERB"
    subj[0].dep_ = "nsubj"


_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "thought": "think", "felt": "feel", "knew": "know",
              "found": "find", "says": "say", "tells": "tell"}


def cue_form(word: str) -> bool:
    """Whether ``word`` (lower case, as written: the lemmatizer runs after the repairs) is a form of a
    cue verb ("argued", "insists", "said", "warning")."""
    from ._nlp import lexicons

    cues = lexicons().cue_kind
    stems = {word, _IRREGULAR.get(word, word), word[:-1], word[:-2], word[:-3], word[:-3] + "y", word[:-3] + "e"}
    return any(x in cues for x in stems if x)


def _cue_in_s(word: str) -> bool:
    """Whether ``word`` (lower case) is a verb of saying in -s ("denies", "charges", "claims")."""
    from ._nlp import lexicons

    stems = [word[:-3] + "y"] if word.endswith("ies") else [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    return word.endswith("s") and any(lexicons().cue_kind.get(x) in ("statement", "denial", "allegation", "estimate") for x in stems)


def cue_read_as_noun(tok: Any) -> None:
    """"Trump charges that X donated millions": the tagger can read the subject as a common noun
    and the verb of saying as a plural noun it governs, so the sentence has no verb and the "that"
    clause describes the "charges". A sentence whose root is the noun that opens it, with a plural
    noun right after it whose singular is a cue verb and a "that" clause with its own subject after
    that, is that subject saying the clause."""
    subj = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.tag_ != "NNS" or subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.left_edge.i != tok.sent.start or not _cue_in_s(tok.lower_):
        return
    if not (subj.dep_ == "ROOT" and tok.head.i == subj.i or tok.dep_ == "ROOT" and subj.head.i == tok.i):
        return  # (the parser found a verb elsewhere: "Media reports that X won surfaced")
    clause = next((c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.left_edge.i == tok.i + 1
                   and c.left_edge.lower_ == "that" and any(x.dep_ in ("nsubj", "nsubjpass") and x.i > tok.i + 1 for x in c.children)), None)
    if clause is None:
        return
    for c in list(subj.children):
        if c.i > tok.i:
            c.head = tok  # (the full stop)
    tok.head, tok.dep_, tok.tag_, tok.pos_ = tok, "ROOT", "VBZ", "VERB"
    subj.head, subj.dep_ = tok, "nsubj"
    clause.dep_ = "ccomp"
    clause.left_edge.dep_, clause.left_edge.head = "mark", clause


def relative_cue_read_as_noun(tok: Any) -> None:
    """"policies she supported that Trump argues allowed X to spread": the tagger can read the verb
    of saying after a name as a plural noun, the subject of the verb after it, and the parser then
    makes the whole a clause the first relative clause reports ("she supported that ..."). A plural
    whose singular is a cue verb, right after a name, between a relative word and the verb it is
    read as the subject of, under a relative clause on a noun, is a second relative clause on that
    noun: the name says the verb's clause, whose subject is the relative word."""
    verb, name = tok.head, tok.doc[tok.i - 1] if tok.i > 1 else None
    if tok.tag_ != "NNS" or tok.dep_ != "nsubj" or name is None or name.pos_ != "PROPN" or name.head.i != tok.i or not _cue_in_s(tok.lower_):
        return
    rel = tok.doc[name.left_edge.i - 1]
    if verb.pos_ != "VERB" or verb.i != tok.i + 1 or verb.tag_ not in ("VBD", "VBZ", "VBP") or rel.lower_ not in ("that", "which") \
            or rel.head.i != verb.i or verb.head.dep_ != "relcl" or verb.head.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > rel.i:
        return
    noun = verb.head.head
    tok.head, tok.dep_, tok.tag_, tok.pos_ = noun, "relcl", "VBZ", "VERB"
    name.head, name.dep_ = tok, "nsubj"
    verb.head, verb.dep_ = tok, "ccomp"
    rel.head, rel.dep_, rel.tag_, rel.pos_ = verb, "nsubj", "WDT", "PRON"


def title_case(words: list[Any]) -> bool:
    """Whether a line's words are a headline in title case: four or more, and nearly every word
    of more than three letters after the first capitalised."""
    long = [t for t in words[1:] if t.is_alpha and len(t.text) > 3]
    return sum(t.is_alpha for t in words) >= 4 and bool(long) and sum(t.text[:1].isupper() for t in long) >= 0.8 * len(long)


def title_case_verb(tok: Any) -> None:
    """"Senator Denies He Skipped Votes": in a title-case headline the tagger reads the verb of
    saying as a name. A capitalised root read as a plural or proper noun whose singular is a cue
    verb, with a name as its subject before it and a clause after it, is that verb."""
    if tok.dep_ != "ROOT" or tok.tag_ not in ("NNP", "NNPS", "NNS") or not tok.text[:1].isupper() or not tok.lower_.endswith("s"):
        return
    if not _cue_in_s(tok.lower_):
        return
    if not any(c.dep_ in ("nsubj", "compound") and c.i < tok.i and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG")) for c in tok.children):
        return
    if not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) or not title_case(list(tok.sent)):
        return
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            c.dep_ = "nsubj"  # ("Marsh Denies": the name read as part of one)
    tok.tag_, tok.pos_ = "VBZ", "VERB"
