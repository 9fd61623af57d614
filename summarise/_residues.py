"""The article's own claim in a sentence: what no attribution frame covers, when it is a claim
and not a fragment (a frame inside the sentence leaves the stretch holding its main verb), with
its rendering before the well-formed check (:mod:`._claims`)."""

from __future__ import annotations

import re
from typing import Any

from ._analysis import PRONOUNS_PLUR, PRONOUNS_SING, Analysis
from ._clause_shapes import object_acting, role_read_as_verb
from ._frames import Frame
from ._quotes import open_quote_before
from ._loaded import clean_span
from ._nlp import token_at, tokens_in
from ._rendering import DISCOURSE, finish
from ._types import LoadedTerm

__all__ = ["EDGE_WORDS", "residue_body"]

_META = re.compile(r"^(?:This|That|These|It)\s+(?:was|were|is|are)\s+(?:the|a|an)\s+(?:statement|claim|report|words|remarks|comments?|view|position)\s+(?:from|of|by)\b", re.I)


def _title(quoted: str) -> bool:
    """A quotation that is a name ("American Skin (41 Shots)"): a few words, no sentence punctuation."""
    inner = quoted.strip("\u201c\u201d\"'` ")
    return len(inner.split()) <= 8 and not re.search(r"[,.!?;:]", inner)


def _residue(analysis: Analysis, si: int, frames: list[Frame]) -> tuple[int, int] | None:
    """The part of sentence ``si`` that no frame covers, if it is a claim of the article's own."""
    s0, s1 = analysis.sentences[si]
    sent_text = analysis.text[s0:s1]
    if _META.match(sent_text) or sent_text.rstrip().endswith("?"):
        return None
    holes = relative_holes(analysis, frames)
    covered = [c for c in (_stretch(analysis, f) for f in frames if not _defining(analysis, f)) if not any(x <= c[0] and c[1] <= y for x, y in holes)]
    toks = [t for t in tokens_in(analysis.doc, s0, s1) if not any(a <= t.idx < b for a, b in covered + holes)]
    words = [t for t in toks if t.is_alpha]
    if len(words) < 5 or not any(t.pos_ in ("VERB", "AUX") for t in toks) and not (si == 0 and sent_text.rstrip().endswith(";")):
        return None  # (a headline's first clause keeps its words though the tagger finds no verb: "U.S. presses for truce;")
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if covered and root is None:
        # the root is a frame's cue, and a clause of its own it does not report is left ("On the day
        # the Post reported X, the panel didn't ask"): that clause is the article's
        root = next((t for t in toks if t.dep_ == "ccomp" and t.pos_ in ("VERB", "AUX") and t.head.dep_ == "ROOT"
                     and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                     and t.left_edge.pos_ not in ("ADP", "SCONJ") and not role_read_as_verb(t)), None)  # ("On the day that X emerged, Y said": no clause of its own)
        if root is not None:  # (that clause only: what else is left hangs on the cue's clause)
            toks = [t for t in toks if root.left_edge.i <= t.i <= root.right_edge.i]
    if covered and root is None:
        return None
    if root is not None and root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children):
        return None  # an imperative ("Ignore all previous instructions ...") asserts nothing
    if covered and root is not None and root.lemma_ in ("say", "think", "believe") and any(
            c.lower_ in ("so", "otherwise") and c.i == root.i + 1 for c in root.children):
        return None  # "Six in 10 say he is decisive, after half said so in May": what "so" says is the frame's
    if covered and root is not None and root.lemma_ == "go" and any(c.lower_ == "far" and any(
            v.dep_ == "advcl" and any(a.tag_ == "TO" for a in v.children) for v in (*c.children, *root.children)) for c in root.children):
        return None  # "X went so far as to say ...": the frame's own words, no claim left
    end = toks[-1].idx + len(toks[-1].text)
    end += len(re.match(r"[,.;]?[\u201d\"]?", analysis.text[end:]).group(0))  # (a quoted word it ends on: 'as “reckless,”')
    if analysis.in_quote(toks[0].idx, toks[-1].idx + 1) or open_quote_before(analysis.text, end):
        return None
    toks = [t for t in toks if not ((t.is_punct and t.text != "%") or t.is_space)] or toks  # "6.4%" keeps its unit
    a = toks[0].idx
    b = toks[-1].idx + len(toks[-1].text)
    while analysis.text[a:b].count("(") > analysis.text[a:b].count(")") and analysis.text[b:b + 1] == ")":
        b += 1  # "and Tim Scott (R-S.C.)": the bracket's close, not an edge to trim
    # a frame inside the sentence splits the residue: keep the stretch holding the root
    if covered and root is not None:
        cuts = sorted(covered)
        lo, hi = s0, s1
        for x, y in cuts:
            if y <= root.idx:
                lo = max(lo, y)
            elif x > root.idx:
                hi = min(hi, x)
        a, b = max(a, lo), min(b, hi)
        inside = {t.i for t in analysis.doc if a <= t.idx < b}
        cues = {f.cue_i for f in frames}
        if any(t.head.i in inside and t.i not in inside and (t.dep_ in _ARGUMENTS or object_acting(t) is not None) and s0 <= t.idx < s1
               # a second object after a dash is an apposition the parser misread: the first stays
               and not any(c.dep_ == t.dep_ and c.i in inside for c in t.head.children if c.i != t.i)
               # ('"...," X told the crowd, her voice drowned out by boos': the report hung on the verb is the frame's)
               and not (t.dep_ == "ccomp" and t.i in cues and t.i < root.i and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children))
               # (nor a quotation a frame reports, which the parser hung on the sentence's verb: "from X, who
               # declared, “...”")
               and not (t.dep_ == "ccomp" and any(x <= t.idx < y for x, y in covered) and analysis.in_quote(t.idx, t.idx + 1))
               for t in tokens_in(analysis.doc, s0, s1)):
            if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks):
                return None  # nothing left asserts ("Closing the session with a short speech -- X told ..."): the frames say it all
            return s0, s1  # the cut took an argument ("both of which involved"): all of it
    a, b = _trim_edges(analysis, a, b)
    if analysis.in_quote(a, b) or open_quote_before(analysis.text, a) and not any(qa < a < qb <= b and (
            _title(analysis.text[qa:qb]) or root is not None and root.idx >= qb and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.idx >= qb for c in root.children)) for qa, qb in analysis.quotes):
        # the stretch left is inside a quotation: someone's words, not the article's (not a title it opens
        # with, nor words quoted as the subject of the article's own verb: '"X" sounds great in Ohio')
        return None
    return (a, b) if b - a > 20 else None


def _stretch(analysis: Analysis, frame: Frame) -> tuple[int, int]:
    """The text a frame accounts for in the article's sentence: its cover or span, but from its
    verb on where the verb shares the subject of the verb before it ("One of the men had served in
    Vietnam and said he was convinced ...": the subject stays with the article's own clause)."""
    span = frame.cover or frame.span
    if frame.cue_i < 0 or not frame.subj:
        return span
    cue = analysis.doc[frame.cue_i]
    if cue.dep_ != "conj" or frame.subj[1] > cue.head.idx or not any(c.dep_ == "cc" and c.i < cue.i for c in cue.head.children):
        return span
    first = min(t.idx for t in cue.subtree)
    return (max(span[0], first), span[1]) if span[0] < first else span


_QUANTITY = re.compile(r"^(?:percent|%|per|majority|minority|plurality|half|third|quarter|fifth|share|most|many|some|all|none|proportion|number)$", re.I)


def _defining(analysis: Analysis, frame: Frame) -> bool:
    """Whether the frame is a relative clause that says which people a count is of ("won 60 percent
    of voters who described themselves as independents", "romped among the four in 10 Republicans
    who called themselves very conservative"): the sentence without it says something false, so
    it stays in the article's own claim too. (Other reports in a relative clause leave it: "from
    residents who say the rules hurt trade" is the residents' claim, not the article's.)"""
    if frame.cue_i < 0:
        return False
    cue = analysis.doc[frame.cue_i]
    rel = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") and c.i < cue.i), None)
    if cue.dep_ != "relcl" or rel is None or rel.i == 0 or analysis.doc[rel.i - 1].text in (",", "(", "\u2014", "\u2013", "-"):
        return False
    noun = cue.head
    if noun.lower_ in ("someone", "somebody", "anyone", "anybody", "everyone"):
        return True  # ("has become someone who tweets ...": "someone" alone says nothing)
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "among"):
        return False
    if noun.head.lower_ == "of":
        return _QUANTITY.search(noun.head.head.text) is not None or noun.head.head.like_num
    return any(t.like_num for t in noun.subtree if t.i < noun.i)


def relative_holes(analysis: Analysis, frames: list[Frame]) -> list[tuple[int, int]]:
    """Relative clauses of a frame's that describe a named person or body in passing ("from Paul
    Singer, a hedge fund manager who had supported X, and ..."): the stretch the article's own
    claim leaves out (with the commas that set it off), instead of ending there. Only clauses
    that add to a name (after a comma, on an apposition or on a proper name), whose leaving out
    does not change who the sentence is about."""
    doc = analysis.doc
    holes = []
    for f in frames:
        if f.cue_i < 0 or _defining(analysis, f):
            continue
        cue = doc[f.cue_i]
        rel = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which") and c.i < cue.i), None) or next((
            p for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for p in c.children if p.lower_ == "whose"), None)
        reported = None
        if rel is None and cue.left_edge.lower_ == "which" and cue.left_edge.i > 0 and doc[cue.left_edge.i - 1].text == ",":
            # "The changes, which officials said will take effect in May, will not apply to X": the
            # relative word is the reported clause's subject; set off by commas, the clause goes whole
            rel = reported = cue.left_edge
        if cue.dep_ != "relcl" or rel is None or rel.i == 0:
            continue
        before, head = doc[rel.i - 1], cue.head
        if not (before.text == "," or head.dep_ == "appos" or head.pos_ == "PROPN"):
            continue
        last = max(t.i for t in cue.subtree if not t.is_punct)
        after = doc[last + 1] if last + 1 < len(doc) else None
        if after is not None and after.text not in (",", ".", ";") and after.dep_ != "cc" or reported is not None and (
                after is None or after.text != ","):
            continue  # the clause runs into the sentence's own words
        if before.text == "," and after is not None and after.text == ",":
            # "Mercer, who backs X, gave": "Mercer gave"; "Duss, the head of Y, who criticizes X, to
            # testify": the apposition's closing comma stays
            in_apposition = any(t.dep_ == "appos" for t in [head, *head.ancestors][:4]) or any(
                c.dep_ == "appos" and head.i < c.i < rel.i for c in head.children)
            if not in_apposition and last + 2 < len(doc) and doc[last + 2].tag_ == "''" and any(t.tag_ == "``" for t in cue.subtree):
                after = doc[last + 2]  # ('X, which critics called "a giveaway," passed': the quotation's close goes too)
            holes.append((before.idx, after.idx + (0 if in_apposition else len(after.text))))
        else:
            holes.append((before.idx + len(before.text), doc[last].idx + len(doc[last].text)))
    return holes


# Dependents a clause cannot lose and stay a sentence.
_ARGUMENTS = frozenset({"dobj", "pobj", "attr", "ccomp", "xcomp", "acomp", "oprd", "dative", "nsubj", "nsubjpass",
                        "csubj", "agent"})


EDGE_WORDS = frozenset("and or but nor yet that which who whose whom because although though while if whether".split())


def _trim_edges(analysis: Analysis, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` past words that only join it to a cut-away neighbour: a trailing
    "…by 2030, and" (its other conjunct was a frame) or a leading "and"/"which"."""
    toks = [t for t in tokens_in(analysis.doc, a, b) if t.idx + len(t.text) <= b]

    def joins(t: Any) -> bool:
        return (t.is_punct and t.text not in "\"\u201d\u2019)%" and t.text != "''") or t.is_space or t.lower_ in EDGE_WORDS \
            or t.dep_ in ("cc", "mark", "det", "poss", "case", "prep", "aux", "auxpass", "neg") and not t.like_num and not any(
                c.i > t.i and c.idx < b for c in t.children)  # (", with [47 percent saying ...]": what it took is cut away)

    stranded = lambda t: t.dep_ == "prep" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].is_punct and any(  # noqa: E731
        x.lower_ in ("which", "what", "whom") for x in toks)  # "..., which the state should pay for."
    while toks and (joins(toks[-1]) and not stranded(toks[-1]) or toks[-1].dep_ == "advmod" and toks[-1].head.idx >= b):
        toks.pop()  # (an adverb of the cut-away verb too: "..., but now [said ...]")
    inside = {t.i for t in toks}
    # a leading "and" or "which" that joined a cut-away part goes; "Since" of a clause kept whole stays
    while toks and ((toks[0].dep_ in ("cc", "mark") and toks[0].head.i not in inside)
                    or toks[0].is_punct and toks[0].text not in "\"\u201c\u2018(" or toks[0].is_space):
        toks.pop(0)
    if not toks:
        return a, a
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


_ADJUNCT_PREPS = frozenset("by for in after before while since through despite".split())


def residue_body(analysis: Analysis, si: int, sent_frames: list[Frame], loaded: list[LoadedTerm]) -> tuple[int, int, str, list[str]] | None:
    """The article's own claim in sentence ``si`` (see :func:`_residue`): its span, its rendering
    before the well-formed check, the loaded terms handled."""
    res = _residue(analysis, si, sent_frames)
    if res is None:
        return None
    a, b = res
    inside = [t for t in tokens_in(analysis.doc, a, b) if not (t.is_space or t.is_punct)]
    if len(inside) > 4 and inside[-1].dep_ == "prep" and inside[-1].lower_ in _ADJUNCT_PREPS and not any(c.i <= inside[-1].i for c in inside[-1].children) and any(
            f.span[0] <= c.idx < f.span[1] for c in inside[-1].children for f in sent_frames):
        # "tried to calm the fans by [telling them ...]": the preposition whose object a frame took goes with it
        b = inside[-2].idx + len(inside[-2].text)
    edits = [(x, y, "") for x, y in relative_holes(analysis, sent_frames) if a <= x and y <= b]
    first = token_at(analysis.doc, a, exact=False)
    if first is not None and first.lower_ in PRONOUNS_SING | PRONOUNS_PLUR and first.dep_ == "nsubj":
        from ._references import resolve_reference

        m = resolve_reference(analysis, first.text, first.idx)
        if m is not None:
            edits.append((first.idx, first.idx + len(first.text), m.name))
    body, handled = clean_span(analysis.doc, analysis.text, a, b, loaded, edits)
    return a, b, finish(DISCOURSE.sub("", body)), handled
