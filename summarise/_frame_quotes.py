"""Frames across sentences and inside quotations: a quotation whose speaker is named a sentence
before or after it, a quotation running over several sentences, a "No" answering an earlier
claim, and nested frames of one source folded into one.
"""

from __future__ import annotations

import re
from typing import Any

from ._analysis import Analysis
from ._cues import QUOTE_CUES, animate, is_cue
from ._frame_syntax import KIND_RANK, Frame
from ._kinds import cue_kind_of_text
from ._nlp import doc_text, tokens_in

__all__ = ["colon_continuation", "inner_quote", "merge_nested", "multi_sentence_quotes", "negated_answer", "quote_after_colon", "quote_before", "quote_continuation", "quote_opens_at"]

def quote_before(analysis: Analysis, si: int) -> list[tuple[int, int]]:
    """The quotation that makes up the whole sentence before ``si`` (if one does)."""
    if si == 0:
        return []
    p0, p1 = analysis.sentences[si - 1]
    return [(a, b) for a, b in analysis.quotes if a <= p0 + 1 and b >= p1 - 1][:1]


def quote_after_colon(analysis: Analysis, si: int) -> list[tuple[int, int]]:
    """The quotation that opens the sentence after ``si`` (a cue ending in a colon leads into it)."""
    if si + 1 >= len(analysis.sentences):
        return []
    n0 = analysis.sentences[si + 1][0]
    return [(a, b) for a, b in analysis.quotes if n0 - 1 <= a <= n0 + 1][:1]


def multi_sentence_quotes(analysis: Analysis, frames: list[Frame]) -> list[Frame]:
    """A quotation running over several sentences is all said by whoever its cue names: each of
    its sentences left without a frame gets one ('"A. B," said X' -> X says A and B)."""
    text = analysis.text
    taken = {f.sent for f in frames}
    added: list[Frame] = []
    for qa0, qb0 in analysis.quotes:
        qa, qb = inner_quote(text, qa0, qb0)
        inside = [si for si, (s0, s1) in enumerate(analysis.sentences) if s0 < qb and qa < s1]
        if len(inside) < 2:
            continue
        speaker = next((f for f in frames if f.cue and f.content[0] < qb and qa < f.content[1]), None)
        if speaker is None:  # '"A," X said. "B. C."': the quotation goes on with the same speaker
            speaker = next((f for f in reversed(frames) if f.sent == inside[0] - 1 and f.cue_lemma in QUOTE_CUES
                            and inside[0] not in taken), None)
        if speaker is None:
            continue
        for si in inside:
            s0, s1 = analysis.sentences[si]
            if si in taken:
                continue
            a, b = max(s0, qa), min(s1, qb)
            if b - a < 0.7 * (s1 - s0):
                continue  # the sentence says more than the quotation
            while a < b and (text[a].isspace() or text[a] in "\u201c\u201d\"'"):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in "\u201c\u201d\",'"):
                b -= 1
            if b > a and not (speaker.content[0] <= a and b <= speaker.content[1]):  # not already the cue's words
                added.append(Frame(si, "", "", "statement", speaker.source, speaker.mention, None, (a, b), (a, b)))
                taken.add(si)
    added += _set_off_quotes(analysis, frames + added)
    added += _block_quotes(analysis, frames + added)
    return sorted(frames + added, key=lambda f: (f.span[0], f.sent)) if added else frames


# Verbs that lead into a speaker's words set off as a paragraph of their own ("The governor added:").
_LEADS = QUOTE_CUES | {"explain", "continue", "argue", "insist", "note", "recall", "declare", "write"}


def _block_quotes(analysis: Analysis, frames: list[Frame]) -> list[Frame]:
    """'The governor added:' closing its paragraph, and the next paragraph, no quotation marks: that
    paragraph is the governor's words (a block quotation), each of its sentences without a frame."""
    from ._frame_sources import display_source
    from ._frame_syntax import source_tokens

    text, sents = analysis.text, analysis.sentences
    taken = {f.sent for f in frames}
    added: list[Frame] = []
    for si in range(len(sents) - 1):
        s0, s1 = sents[si]
        body = text[s0:s1].rstrip()
        gap = text[s0 + len(body):sents[si + 1][0]]
        if not body.endswith(":") or "\n" not in gap or analysis.in_quote(sents[si + 1][0], sents[si + 1][0] + 1):
            continue
        cue = next((t for t in tokens_in(analysis.doc, s0, s1) if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.lemma_.lower() in _LEADS), None)
        subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None) if cue is not None else None
        if subj is None or not animate(subj) or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.children):
            continue  # (someone who speaks, with nothing said before the colon)
        source, mention = display_source(analysis, source_tokens(subj), [])
        end = text.find("\n", sents[si + 1][0])
        for sj in range(si + 1, len(sents)):
            a, b = sents[sj]
            if sj in taken or (end >= 0 and a >= end) or analysis.in_quote(a, a + 1):
                break
            b = a + len(text[a:b].rstrip())
            added.append(Frame(sj, "", "", cue_kind_of_text(text[a:b], "statement"), source, mention, None, (a, b), (a, b)))
    return added


_DASHES = ("--", "\u2014", "\u2013")


def _set_off_quotes(analysis: Analysis, frames: list[Frame]) -> list[Frame]:
    """A quotation set off by dashes right after a person's name, with no cue ('including the former
    candidate Mitt Romney -- "It is disqualifying ..." -- and X'): that person's words."""
    from ._frame_sources import display_source
    from ._nlp import token_ending_in

    text, doc = analysis.text, analysis.doc
    out: list[Frame] = []
    for qa0, qb0 in analysis.quotes:
        qa, qb = inner_quote(text, qa0, qb0)
        if any(f.content[0] < qb and qa < f.content[1] for f in frames) or qb - qa < 20:
            continue
        before, after = text[:qa0].rstrip(), text[qb0:].lstrip()
        if not before.endswith(_DASHES) or not after.startswith(_DASHES):
            continue
        name = token_ending_in(doc, len(before.rstrip("-\u2014\u2013 ")))
        entity = next((e for e in doc.ents if e.start <= name.i < e.end), None) if name is not None else None
        if entity is None or entity.label_ != "PERSON":
            continue
        source, mention = display_source(analysis, list(doc[entity.start:name.i + 1]), [])
        out.append(Frame(analysis.sentence_of(qa), "", "", "statement", source, mention, None, (qa, qb), (qa, qb)))
    return out


_NEGATED_START = re.compile(r"^(?:that\s+)?(?:no|none|nothing|never|not)\b|\b(?:had not|has not|have not|did not|was not|were not|is not|are not|(?<!who )(?<!which )never)\b", re.I)


_STOPWORDS = frozenset("the a an of in on at to for by with from and or but that this it its is are was were be been has have had "
                       "not no never any said says".split())


_QUOTE_MARKS = "\u201c\u201d\u2018\u2019\"'`"


def inner_quote(text: str, a: int, b: int) -> tuple[int, int]:
    """A quotation's words without its marks and surrounding space: an opening mark that the
    sentence splitter left at the end of the previous sentence does not put the quote there."""
    while a < b and (text[a].isspace() or text[a] in _QUOTE_MARKS):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in _QUOTE_MARKS):
        b -= 1
    return a, b


def negated_answer(analysis: Analysis, f: Frame, earlier: list[Frame]) -> None:
    """A statement that negates what another source just alleged is a denial ("X alleged Y.
    Z said no Y had happened.")."""
    if f.kind != "statement":
        return
    content = analysis.text[f.content[0]:f.content[1]]
    # a negation in a condition or a reason negates nothing said ("agents would be screaming if a
    # prosecution is not pursued")
    main = re.split(r"\b(?:if|unless|whether|because|when|while|although|though)\b", content, maxsplit=1, flags=re.I)[0]
    if not _NEGATED_START.search(main):
        return
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", content)} - _STOPWORDS
    for g in reversed(earlier[-6:]):
        if g.sent < f.sent - 3 or g.source == f.source or g.kind not in ("allegation", "statement", "estimate"):
            continue
        other = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", analysis.text[g.content[0]:g.content[1]])} - _STOPWORDS
        if len(words & other) >= 2:
            f.kind = "denial"
            return


def _beyond(text: str, outer: Frame, inner: Frame) -> bool:
    """Whether the outer frame reports words of its own beyond the inner frame's: "He said he
    intends to win, so he will have enough votes" (the second clause is said, not intended)."""
    rest = text[outer.content[0]:inner.span[0]] + " " + text[inner.span[1]:outer.content[1]]
    return len(re.findall(r"\w+", rest)) >= 3


def _object_does(cue: Any, outer_i: int) -> bool:
    """Whether the cue says what the outer cue's object did ("accused Cruz of [opposing] X", "of
    being [welcoming] to Y")."""
    t = cue
    while t.dep_ in ("acomp", "oprd", "xcomp", "conj") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pcomp" and t.head.head.i == outer_i


def merge_nested(frames: list[Frame], doc: Any = None) -> list[Frame]:
    """Fold "X said that he estimates that Y" into one frame of X, kind estimate."""
    out: list[Frame] = []
    for r in frames:
        # "X called for Y, sources said": the parser hangs the report on the verb it reports, whose
        # words then run on over "sources said"; they end where the report's content ends
        if doc is None or r.cue_i < 0 or r.content[1] > doc[r.cue_i].idx:
            continue
        for g in frames:
            if g is not r and g.cue_i >= 0 and r.content[0] <= doc[g.cue_i].idx < r.content[1] and g.span[1] > r.content[1]:
                g.span = (g.span[0], r.content[1])
                g.content = (g.content[0], min(g.content[1], r.content[1]))
    for f in sorted(frames, key=lambda f: (f.span[0], f.span[0] - f.span[1])):  # an outer frame first
        outer = next((o for o in out if o.content[0] <= f.span[0] and min(f.span[1], f.content[1]) <= o.content[1] + 1), None)
        if outer is None or f.back_ref:
            out.append(f)
            continue
        if f.subj is None and f.source.startswith("unnamed"):
            continue  # "No one has been charged, police said": a passive inside what the outer source said is theirs
        # (a passive's agent is a source of its own: "reporting that said X had been warned by the FBI")
        agent = doc is not None and f.cue_i >= 0 and any(c.dep_ == "agent" for c in doc[f.cue_i].children)
        same = (f.mention is not None and f.mention is outer.mention) or f.source == outer.source or f.subj is None and not agent and not (
            doc is not None and f.cue_i >= 0 and (_object_does(doc[f.cue_i], outer.cue_i) or doc[f.cue_i].dep_ == "prep" and outer.content[0] > 0
                                                  and doc_text(doc)[outer.content[0] - 1] in _QUOTE_MARKS))
        # (nor is "according to X" inside someone's quotation another claim: the speaker cites X)
        # ("accused Cruz of opposing X": what the accused is said to do is the accuser's claim)
        # only a cue that heads the outer content ("said that he estimates ...") is folded in; a
        # cue in a relative clause of an object ("accused X of Y, which she called Z") is not
        heads_content = doc is None or f.cue_i < 0 or outer.cue_i < 0 or (
            doc[f.cue_i].head.i == outer.cue_i and doc[f.cue_i].dep_ in ("ccomp", "xcomp", "conj"))
        if same and not heads_content:
            if f.subj is None and f.source != outer.source and (f.mention is None or f.mention is not outer.mention) and doc is not None \
                    and f.cue_i >= 0 and any(c.tag_ == "TO" for c in doc[f.cue_i].children):
                continue  # ("X says that Y called Z to express gratitude": Y's aim is what X says, not Y's claim)
            if doc is not None and f.cue_i >= 0 and doc[f.cue_i].dep_ == "relcl" and outer.content[0] <= doc[f.cue_i].head.idx < outer.content[1] \
                    and _generic(doc[f.cue_i].head):
                continue  # "X joked that people who think Y would need Z": a kind of people X describes, no one's claim
            out.append(f)
            continue
        if same and doc is not None and f.cue_i >= 0 and (doc[f.cue_i].dep_ == "xcomp" or _beyond(doc_text(doc), outer, f)):
            # "pledged to push for X": the infinitive stays inside the outer cue's words (taking its
            # span alone left "X push for ..."), as does a cue beside other reported words ("said he
            # intends to win, so he will have ..."); only a more specific kind carries over
            if KIND_RANK.get(f.kind, 0) > KIND_RANK.get(outer.kind, 0):
                outer.kind = f.kind
            continue
        if same:
            if KIND_RANK.get(f.kind, 0) >= KIND_RANK.get(outer.kind, 0):
                outer.kind, outer.cue, outer.cue_lemma = f.kind, f.cue, f.cue_lemma
            outer.cover = (min((outer.cover or outer.span)[0], outer.span[0]), max((outer.cover or outer.span)[1], outer.span[1]))
            outer.content, outer.span = f.content, f.span
            if f.subj:
                outer.subj = f.subj
        elif f.span[1] > outer.span[1] and abs(f.content[0] - outer.content[0]) + abs(f.content[1] - outer.content[1]) <= 2:
            # 'X said "A," she said': the second cue reports the same quotation; it is the frame's too
            outer.cover = (min((outer.cover or outer.span)[0], outer.span[0]), f.span[1])
        # a different source inside someone's statement stays part of that statement
    return out


def _generic(noun: Any) -> bool:
    """A noun for whoever fits a description, no one in particular: a bare plural of people ("people
    who think"), "those", "anyone"."""
    return noun.lower_ in ("those", "anyone", "anybody", "everyone", "everybody") or noun.tag_ == "NNS" and animate(noun) and not any(
        c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in noun.children)  # (not "polls that show ...": a finding)


def quote_continuation(analysis: Analysis, si: int, earlier: list[Frame]) -> Frame | None:
    """A sentence that is all quote, with no cue, continues the previous speaker's quote."""
    s0, s1 = analysis.sentences[si]
    q = [(a, b) for a, b in (inner_quote(analysis.text, *x) for x in analysis.quotes) if s0 <= a and b <= s1 + 1]
    # (a quotation inside another, "The 'I feel your pain' is genuine", is part of it, not its end)
    q = [x for x in q if not any(y != x and y[0] <= x[0] and x[1] <= y[1] for y in q)]
    if not q or not earlier or earlier[-1].sent != si - 1:
        return None
    covered = sum(b - a for a, b in q)
    if covered < 0.7 * (s1 - s0):
        return None
    if any(t.dep_ == "nsubj" and t.text[:1].isupper() and t.idx > s0 and not any(a <= x.idx < b for x in (t, t.head) for a, b in q)
           for t in tokens_in(analysis.doc, s0, s1)):
        return None  # ('"...," Hannity started.': someone named says it, not the last speaker)
    prev = earlier[-1]
    # ('"...," X says. "..."' where X's report holds another's: "The ACLU plans to watch the case, X says": X goes on)
    prev = next((f for f in earlier if f.sent == si - 1 and f is not prev and f.cue_lemma in QUOTE_CUES
                 and f.span[0] <= prev.span[0] and prev.span[1] <= f.span[1]), prev)
    a, b = q[0][0], q[-1][1]
    return Frame(si, "", "", "statement", prev.source, prev.mention, None, (a, b), (a, b))


def colon_continuation(analysis: Analysis, si: int, earlier: list[Frame]) -> Frame | None:
    """'X argued that his client was joking: His words were the rants of an entertainer.': a sentence
    the splitter cut off after a colon that ends a report goes on with that report's source."""
    if si < 1 or not earlier or earlier[-1].sent != si - 1 or not earlier[-1].cue:
        return None
    p0, p1 = analysis.sentences[si - 1]
    s0, s1 = analysis.sentences[si]
    before = analysis.text[p0:p1].rstrip()
    prev = earlier[-1]
    if not before.endswith(":") or prev.content[1] < p0 + len(before) - 2 or analysis.in_quote(s0, s0 + 1) or prev.source.lower() in ("i", "we"):
        return None  # (a writer's own "I am here to tell you what I am doing:" leads into the writer's text)
    end = s0 + len(analysis.text[s0:s1].rstrip())
    return Frame(si, "", "", "statement", prev.source, prev.mention, None, (s0, end), (s0, end))


def quote_opens_at(analysis: Analysis, cue: Any) -> bool:
    """A quotation that opens with the cue, its subject before it: the article's report of a
    partial quotation ('The group is "confident that ..."'); not one word in scare quotes ('who
    "boasts" she ...'), which the rendering would leave with a stray mark."""
    text = analysis.text
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and cue.dep_ in ("acomp", "oprd"):
        subj = next((c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    end = cue.idx + len(cue.text)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    return subj is not None and any(qs <= cue.idx < qe and subj.idx < qs and (
        not text[qs + 1:cue.idx].strip() and text[end:qe].strip(" ,.\u201d\"'")
        # ('30 percent "strongly agree" that ...': the answer a poll offered, quoted whole before its clause)
        or clause is not None and min(t.idx for t in clause.subtree) >= qe and len(text[qs:qe].split()) <= 3
        and subj.lower_ not in ("who", "which", "that") and subj.head.i == cue.i)
        for qs, qe in analysis.quotes)


def quote_before_cue(analysis: Analysis, cue: Any, subj: Any | None, content: list[Any], s0: int) -> tuple[int, int] | None:
    """The quotation a cue after it reports, when the parser hung only part of it, or something
    else, on the cue: '"A, B that C," said X' (the whole quotation, not the part of it hung on
    the cue; or '"A . . . with B," X wrote', the parser hanging B on the cue), 'X said "A," she said' and 'X declared Y: "A," she said' (the quotation, not the
    clause that leads into it), '"A," X said, adding that B' (the quotation; what X added is a
    report of its own). ``None`` where the cue reports something else."""
    text = analysis.text
    gap = lambda q: text[q[1]:cue.idx].strip(" ,\u2014\u2013-")  # noqa: E731
    named = subj is not None and text[subj.left_edge.idx:subj.right_edge.idx + len(subj.right_edge)].strip(" ,")
    # (a quotation opened in an earlier sentence counts from this one's start: '"A. B," X told Y')
    before = next(((max(q[0], s0), q[1]) for q in analysis.quotes if s0 < q[1] <= cue.idx and (
        not gap(q) or named and q[1] <= subj.idx and gap(q) == named)), None)
    if before is None:
        return None
    inside = [t for t in content if before[0] <= t.idx < before[1]]
    if inside and (not gap(before) and all(before[0] <= t.idx < before[1] or t.idx > cue.idx for t in content)
                   or named and gap(before) == named and all(before[0] <= t.idx < before[1] for t in content)
                   and (any(c.dep_ == "prep" and before[0] <= c.idx < before[1] for c in cue.children)  # ('"The sooner X, the better," Y said': all of it)
                        or any(not t.is_punct and t.i not in {x.i for x in inside} for t in tokens_in(cue.doc, *inner_quote(text, *before))))
                   or clause_before_quote(content, before)):
        # (words after the cue the parser hung on the quotation are not the speaker's)
        return inner_quote(text, *before)
    if not inside and all(t.idx > cue.idx for t in content) and not any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children) and (
            any(c.dep_ == "advcl" and c.tag_ == "VBG" and is_cue(c) for c in cue.children) and not any(c.dep_ == "dobj" and c.i > cue.i for c in cue.children)
            or cue.lemma_.lower() == "tell" and any(c.dep_ in ("dobj", "dative") and animate(c) for c in cue.children)
            or {t.i for t in content} <= {x.i for c in cue.children if c.dep_ == "prep" and c.lower_ in ("of", "about") for x in c.subtree}):
        # (or '"A," X told union workers in Ohio': whom X told is no content; '"A," X said of Y': whom it is about)
        return inner_quote(text, *before)
    return None


def clause_before_quote(content: list[Any], quote: tuple[int, int]) -> bool:
    """'X said "A," she said', 'In her speech, X declared the need for Y: "A," she said': the
    words before the quotation are a clause of their own (a subject and its verb) that leads into
    it, so what the closing cue reports is the quotation, not that clause."""
    outside = [t for t in content if t.idx < quote[0]]
    if not outside or any(t.idx >= quote[1] for t in content):
        return False
    first = next((t for t in content if quote[0] <= t.idx < quote[1] and t.is_alpha), None)
    if first is None or not first.text[:1].isupper():
        return False  # ('X said America needs leaders "who understand ..."': the quotation goes on the clause)
    ids = {t.i for t in outside}
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and c.i in ids for c in t.children) for t in outside)
