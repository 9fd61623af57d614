"""A report inside a relative clause ("a partnership that experts believe serves as ...", "which X
described as Y"): what the relative word stands for, written back into the claim."""

from __future__ import annotations

from typing import Any

from ._frame_syntax import RELATIVE, Frame
from ._nlp import doc_text, lexicons

__all__ = ["antecedent", "relative_content", "said_of_claim_noun"]


def relative_content(f: Frame, cue: Any, content: list[Any], quoted: bool = False) -> bool:
    """"a partnership that experts believe serves as ...": the relative word opening the content
    stands for the noun; the rendering says "experts believe the partnership serves as ..." and
    the frame accounts for the noun phrase too ("which X described as Y": "X described the rise as
    Y"). False when the noun it stands for is unsure, and the frame is not made."""
    rel = next((t for t in content if t.lower_ in ("that", "which", "who", "whom") and t.i < cue.i
                and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "det")
                and not (t.head.i == cue.i and t.dep_ in ("nsubj", "nsubjpass"))), None)  # the cue's own subject is its source
    if rel is None and not quoted and cue.head.pos_ in ("NOUN", "PROPN", "NUM") and not (cue.head.dep_ == "pobj" and cue.head.head.head.pos_ in ("NOUN", "PROPN")):
        clause = next((c for c in cue.children if c.dep_ == "ccomp" and not any(
            x.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for x in c.children)), None)
        if clause is not None:  # "emails ... and that X thinks should be made public": "X thinks the emails should be ..."
            first = min(clause.subtree, key=lambda t: t.i)
            if any(t.dep_ not in ("advmod", "npadvmod", "neg") for t in cue.doc[cue.i + 1:first.i]):
                return False  # (the gap the noun fills is right after the verb: not 'the story X told about Y who wired, "Don't buy ..."')
            f.edits = ((first.idx, first.idx, antecedent(cue.head) + " "),)
            return True
        gap = _object_gap(cue)
        if gap == -1:
            return False
        if gap is not None:  # "the $18 million he says he raised for X": "he says he raised the $18 million for X"
            f.edits = ((gap, gap, " " + antecedent(cue.head)),)
        return True
    if rel is None or cue.head.pos_ not in ("NOUN", "PROPN", "NUM") or quoted and rel.dep_ != "det":
        return True
    if rel.dep_ in ("nsubj", "nsubjpass") and rel.head.i != cue.i and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i != rel.i for c in rel.head.children):
        return False  # "the term, which X wants Y to use": "which" read as a second subject; what it is, unsure
    if cue.head.dep_ in ("pobj", "dobj") and any(a.dep_ == "relcl" for a in list(cue.head.ancestors)[:3]):
        return False  # "a bill that would require pupils to use the room that matched their sex, which critics said
        # was discriminatory": the noun just before sits in another relative clause; what "which" is, unsure
    if rel.dep_ == "dobj" and cue.head.dep_ == "pobj" and any(c.dep_ == "oprd" for c in cue.children):
        return False  # "bringing in workers during the strike, which she called strike-breaking": the strike, or the bringing in?
    after = cue  # "which X described as Y": "X described the rise as Y"
    if rel.dep_ == "dobj" and rel.head.i != cue.i:
        return False  # "the term, which X wants Y to use to describe Z": whose object it is, the parse cannot say
    if rel.dep_ == "pobj" and rel.head.i > cue.i:
        after = rel.head  # "which X refers to as Y": "X refers to the lead as Y"
    elif rel.dep_ == "pobj" or rel.dep_ == "det" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children):
        return True  # "a clip in which he says ...": nothing stands for an object
    head = cue.head
    if rel.dep_ in ("det", "pobj") and head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN"):
        return False  # "a lead in the north, which X refers to as ...": the lead or the north? not rewritten
    text = doc_text(cue.doc)
    end = rel.idx + len(rel.text)
    while end < len(text) and text[end] == " ":
        end += 1
    f.edits = ((rel.idx, end, ""), (after.idx, after.idx + len(after.text), f"{after.text} {antecedent(cue.head)}"))
    if f.subj and f.subj[0] == rel.idx:
        f.subj = (end, f.subj[1])  # "which chief officer X described": the subject starts after "which"
    if f.content[0] <= rel.idx:
        f.content = (end, f.content[1])
    start = min(t.idx for t in head.subtree)
    if head.dep_ == "appos" or text[cue.sent.start_char:start].rstrip().endswith(("\u2014", "\u2013", " -", ",")):
        # "a deal — a partnership that experts believe ...": the apposition is theirs too
        while start > 0 and text[start - 1] in " ,\u2014\u2013-":
            start -= 1
        f.cover = (start, max(f.span[1], (f.cover or f.span)[1]))
    return True


# Nouns a relative clause can hang on without standing for any object in it ("the day he says he
# arrived", "the way she says she works").
_NO_OBJECT_HEADS = frozenset("day days time times year years week month moment night morning place way reason extent".split())


def _object_gap(cue: Any) -> int | None:
    """Where the noun a cue's relative clause hangs on is missing from the clause the cue reports
    ("the $18 million he says he raised for X": after "raised"; "the firm she says she worked for":
    after "for"): a character offset; None when the reported clause lacks nothing; -1 when what it
    lacks is not sure to be that noun."""
    if any(t.lower_ in RELATIVE or t.lower_ in ("whose", "where", "when", "why") for t in cue.subtree if t.i < cue.i):
        return None  # ("X, who said he would not vote for Y", "X, whose report found that ...": no gap to fill)
    verb = next((c for c in cue.children if c.dep_ == "ccomp" and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)), None)
    while verb is not None and not any(x.dep_ in ("dobj", "attr", "acomp", "ccomp", "oprd", "dative", "nsubjpass") for x in verb.children):
        more = next((x for x in verb.children if x.dep_ == "xcomp"), None)
        if more is None:
            break
        verb = more  # ("the house he says he wants to buy": the object of "buy")
    if verb is None or any(x.dep_ in ("dobj", "attr", "acomp", "ccomp", "oprd", "dative", "nsubjpass", "xcomp") for x in verb.children):
        return None
    stranded = [x for x in verb.children if x.dep_ == "prep" and x.i > verb.i and not any(c.dep_ in ("pobj", "pcomp") for c in x.children)]
    if stranded:
        return stranded[-1].idx + len(stranded[-1].text)
    if cue.head.lower_ in _NO_OBJECT_HEADS or verb.pos_ != "VERB":
        return -1
    prt = next((x for x in verb.children if x.dep_ == "prt" and x.i == verb.i + 1), None)
    end = prt or verb
    return end.idx + len(end.text)


def said_of_claim_noun(cue: Any) -> bool:
    """Whether ``cue`` heads a relative clause about a claim noun that is its object ("an
    allegation X has refuted"), not its subject ("a report that shows the gap doubled": the
    report is the source, the clause after the cue what it says; nor "a report the ministry says
    is flawed": said of the report, not said to be one)."""
    return cue.dep_ == "relcl" and cue.head.lemma_.lower() in lexicons().claim_nouns and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE or c.dep_ == "ccomp" for c in cue.children)


def antecedent(head: Any) -> str:
    """'the deal' for the noun a relative clause hangs on; a name as written."""
    if head.pos_ == "PROPN" or head.ent_type_ and head.pos_ != "NUM":  # ("the approximately $18 million": a figure with its words)
        def name(h: Any) -> str:
            return " ".join(t.text for t in h.subtree if t.i <= h.i and t.dep_ in ("compound", "flat") or t.i == h.i)
        # "Ted Cruz and Marco Rubio, who many feel need ...": both, not the first
        names = [name(x) for x in (head, *(c for c in head.children if c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_)))]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    left = [t for t in head.subtree if t.i <= head.i]
    while left and (left[0].dep_ in ("det", "predet") or left[0].is_punct):  # (and "products—revelations": the dash)
        left = left[1:]
    if left and left[0].dep_ == "poss":
        return head.doc[left[0].i:head.i + 1].text  # "her lead"
    return "the " + head.doc[left[0].i:head.i + 1].text if left else "the " + head.text  # "the roughly 45-point lead"
