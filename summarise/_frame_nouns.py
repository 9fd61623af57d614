"""Attribution by a noun of saying or thinking with its holder and what it holds: "the senator's
claim that the budget is balanced", "Moreno's claim to be the party's best hope", "her warning
that ...". The possessor asserts the clause; the rendering turns the noun back into its verb
("The senator has claimed that the budget is balanced"), so the clause is never the article's.
"""

from __future__ import annotations

from typing import Any

from ._analysis import Analysis, Mention
from ._cues import OBJECT_CUES, STANCE_CUES, animate, is_cue
from ._frame_repairs import noun_read_report, noun_read_stance
from ._frame_sources import display_source
from ._frame_syntax import Frame, span_of, subtree
from ._kinds import cue_kind_of_text
from ._nlp import lexicons

__all__ = ["noun_frames", "noun_read_frame"]

# Nouns of a claim, a promise or a view -> the verb the rendering writes and the cue lemma whose
# kind the claim takes. General English (not any one article).
_NOUNS = {
    "claim": ("has claimed", "claim"), "assertion": ("has asserted", "assert"), "contention": ("has contended", "contend"),
    "insistence": ("has insisted", "insist"), "argument": ("has argued", "argue"), "comment": ("has commented", "comment"),
    "remark": ("has remarked", "remark"), "suggestion": ("has suggested", "suggest"), "warning": ("has warned", "warn"),
    "promise": ("has promised", "promise"), "pledge": ("has pledged", "pledge"), "vow": ("has vowed", "vow"),
    "prediction": ("has predicted", "predict"), "accusation": ("has alleged", "allege"), "allegation": ("has alleged", "allege"),
    "insinuation": ("has insinuated", "allege"), "denial": ("has denied", "deny"), "admission": ("has admitted", "admit"),
    "boast": ("has boasted", "boast"), "complaint": ("has complained", "complain"), "threat": ("has threatened", "threaten"),
    "belief": ("believes", "believe"), "hope": ("hopes", "hope"), "fear": ("fears", "fear"), "insistance": ("has insisted", "insist"),
}


# Nouns of an idea put forward, with the kind of claim it is ("floated the notion that ...").
_IDEAS = {"notion": "estimate", "idea": "estimate", "theory": "estimate", "possibility": "estimate", "prospect": "estimate",
          "case": "statement", "argument": "statement", "claim": "allegation", "view": "opinion", "concern": "statement",
          "hope": "opinion", "fear": "statement", "belief": "opinion", "suggestion": "estimate", "doubt": "opinion",
          "worry": "statement", "prediction": "estimate", "expectation": "estimate", "accusation": "allegation",
          "allegation": "allegation", "complaint": "allegation"}
# Verbs of putting an idea forward (its subject holds it) or of turning one down (a denial).
_PUT_FORWARD = frozenset("float raise advance pitch offer make repeat reiterate voice express air revive push share".split())
_TURN_DOWN = frozenset("dismiss reject scoff ridicule deride".split())

_NOMINATIVE = {"his": "he", "her": "she"}
# The words a possessor's name is made of ("the party's chairman", "Sen. Ana Reyes's").
_NAME_LINKS = frozenset("compound flat det case amod nmod poss punct".split())


def _holder(noun: Any) -> Any | None:
    """The possessor of the noun ("the senator's", "her") when it is someone."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    if poss is None or poss.lower_ in ("its", "their", "whose") or not (animate(poss) or poss.lower_ in ("his", "her")):
        return None  # ("their" and "its" are often things: "its claim to fame")
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ not in _NAME_LINKS for t in poss.subtree if t.i != poss.i):
        return None  # ("Biden rubbished Trump's claim": a verb the parser hung on the name is no part of it)
    return poss


def _clause(noun: Any) -> list[Any] | None:
    """What the noun holds: a clause with "that" ("claim that X is Y") or an infinitive ("claim to
    be Y") right after the noun."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    # ("pointed to her comment that X": the parser can hang the clause on the verb, right after the noun)
    hung = [c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == noun.i + 1] if not is_cue(verb) else []
    for c in [*noun.children, *hung]:
        if c.i <= noun.i or c.dep_ not in ("acl", "ccomp", "relcl"):
            continue
        marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "that"]
        to = [a for a in c.children if a.tag_ == "TO" and a.dep_ == "aux"]
        first = min(t.i for t in c.subtree)
        if any(t.ent_type_ not in ("DATE", "TIME") for t in noun.doc[noun.i + 1:first]):
            continue  # ("his claim of X's qualifications to be president": the clause is no longer the claim's)
        if marks and marks[0].i == first and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children):
            return _to_comma(subtree(c))  # ("the claim that he made": a relative "that", no mark)
        if to and to[0].i == first and c.dep_ == "acl" and c.tag_ == "VB":
            return _to_comma(subtree(c))
    return None


def _to_comma(clause: list[Any]) -> list[Any]:
    """The clause up to a comma before a conjunction: what follows ("his claims that he had an
    offer, when he had not applied") is the article's word on the claim."""
    for k, t in enumerate(clause[:-1]):
        nxt = clause[k + 1]
        if t.text == "," and (nxt.pos_ in ("CCONJ", "SCONJ") or nxt.lower_ in ("when", "while", "even", "despite", "as")):
            return clause[:k]
    return clause


def noun_frames(analysis: Analysis, si: int, toks: list[Any], taken: list[Frame], recent: list[Mention]) -> list[Frame]:
    """Frames of the nouns of sentence ``si`` that report their possessor's claim, outside every
    frame already found (``taken``: "The union rejected her assertion that ..." is the union's)."""
    text = analysis.text
    out = []
    for noun in toks:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _NOUNS or analysis.in_quote(noun.idx, noun.idx + 1):
            continue
        if any(f.span[0] <= noun.idx < f.span[1] for f in taken) or is_cue(noun.head) and noun.dep_ in ("dobj", "pobj"):
            continue
        holder = _holder(noun)
        clause = _clause(noun) if holder is not None else None
        if not clause:
            continue
        verb, lemma = _NOUNS[noun.lemma_.lower()]
        holder_toks = [t for t in holder.subtree if t.i < noun.i and t.dep_ != "case"] or [holder]
        source, mention = display_source(analysis, holder_toks, recent)
        source = _NOMINATIVE.get(source.lower(), source)  # "his promise", no one named: "He has promised"
        content = span_of(clause)
        subj = span_of(holder_toks)
        kind = cue_kind_of_text(text[content[0]:content[1]], lexicons().cue_kind.get(lemma, "statement"))
        # "the senator's claim" -> "the senator has claimed": the possessive mark and the noun
        # (with any word between them: "her March comment") become the verb
        start = holder_toks[-1].idx + len(holder_toks[-1].text)
        frame = Frame(si, noun.text, lemma, kind, source, mention, subj, content, (subj[0], content[1]), cue_i=noun.i)
        frame.edits = ((start, noun.idx + len(noun.text), " " + verb),)
        s0 = analysis.sentences[si][0]
        frame.cover = (s0, s0)  # the sentence stays the article's too: "X's claim that Y drew scorn" asserts no Y
        out.append(frame)
        if mention is not None:
            recent.append(mention)
    for noun in toks:
        frame = _put_forward(analysis, si, noun, taken + out, recent)
        if frame is not None:
            out.append(frame)
    return out


def _put_forward(analysis: Analysis, si: int, noun: Any, taken: list[Frame], recent: list[Mention]) -> Frame | None:
    """"X floated the notion that Y", "X raised the possibility that Y": an idea its subject put
    forward (or, "dismissed the idea that", turned down), written as it stands with X its source."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.lemma_.lower() not in _IDEAS or lemma not in _PUT_FORWARD | _TURN_DOWN:
        return None
    if analysis.in_quote(noun.idx, noun.idx + 1) or any(f.span[0] <= noun.idx < f.span[1] for f in taken) or is_cue(verb):
        return None
    holder = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = _clause(noun)
    if holder is None or not clause or not animate(holder) or any(c.dep_ == "neg" for c in verb.children):
        return None
    holder_toks = [t for t in holder.subtree if t.i < verb.i]
    source, mention = display_source(analysis, holder_toks, recent)
    content = span_of(clause)
    subj = span_of(holder_toks)
    base = "denial" if lemma in _TURN_DOWN else _IDEAS[noun.lemma_.lower()]
    kind = base if base == "denial" else cue_kind_of_text(analysis.text[content[0]:content[1]], base)
    if mention is not None:
        recent.append(mention)
    return Frame(si, verb.text, lemma, kind, source, mention, subj, content, (subj[0], content[1]), cue_i=verb.i)


def noun_read_frame(analysis: Analysis, si: int, toks: list[Any], s_last: int, recent: list[Mention]) -> Frame | None:
    """"..., campaign finance records show." with "show" tagged as a noun (see
    :func:`noun_read_report`): the records' statement of all before the comma; "Two-thirds support
    raising the wage" with "support" read so (see :func:`noun_read_stance`): their stance."""
    found = noun_read_report(toks, s_last) or noun_read_stance(toks, STANCE_LEMMAS)
    if found is None:
        return None
    subj, verb, lemma, content_toks = found
    source, mention = display_source(analysis, subj, recent)
    content = span_of(content_toks)
    kind = cue_kind_of_text(analysis.text[content[0]:content[1]], lexicons().cue_kind.get(lemma, "statement"))
    subj_span = span_of(subj)
    return Frame(si, verb.text, lemma, kind, source, mention, subj_span, content,
                 (min(content[0], subj_span[0]), max(content[1], verb.idx + len(verb.text))), cue_i=verb.i)


# Verbs of taking a side that the tagger can read as nouns ("support", "oppose", "blame").
STANCE_LEMMAS = frozenset(STANCE_CUES | OBJECT_CUES)
