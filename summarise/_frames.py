"""Attribution frames: who says, reports, estimates, alleges or denies what, from the parse.

A frame is a cue verb (``reported``, ``denied``, ``according to``), its source (the subject,
resolved to a name where it is a pronoun, surname or "the minister") and its content (the
clause the source asserts). Nested frames of one source ("Shin said that he estimates that X")
merge into one, keeping the most specific kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ._analysis import PRONOUNS_PLUR, PRONOUNS_SING, TITLES, Analysis, Mention, resolve_reference
from ._cues import (ABOUT_CUES, ADDRESSEE_CUES, ADJECTIVE_CUES, DOCUMENT_CUES, FOR_CUES, MEDIUM_CUES, MESSAGE_NOUNS,
                    OBJECT_CUES, QUOTE_CUES, STANCE_CUES, animate, aside, colon_quote, cue_kind, cue_kind_of_text, is_cue,
                    is_document, made_clear)
from ._nlp import lexicons

__all__ = ["Frame", "find_frames", "KIND_RANK"]

# Conjunctions that open a clause the frame does not assert ("..., even as X surfaced").
_FOREIGN_MARKS = frozenset("as while although though whereas even because since".split())
#: When frames merge, the more specific kind wins.
KIND_RANK = {"denial": 5, "allegation": 4, "estimate": 3, "opinion": 2, "statement": 1, "fact": 0}
_RELATIVE = frozenset("who which that whom".split())
_DEMONSTRATIVE = frozenset("this that it these those".split())


def _is_when_or_where(c: Any) -> bool:
    """A phrase saying when something was said ("on Monday", "at 10 a.m."), not what."""
    if c.dep_ == "npadvmod":  # "tweeted last January"
        return all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree if not t.is_punct)
    rest = [t for t in c.subtree if t.i != c.i and not t.is_punct]
    return c.dep_ == "prep" and bool(rest) and all(t.ent_type_ in ("DATE", "TIME") for t in rest)


def _quote_after(cue: Any, after: int) -> list[Any]:
    """The tokens of a quotation opening after token ``after`` in the cue's sentence."""
    toks = [t for t in cue.sent if t.i > after]
    for k, t in enumerate(toks):
        if t.text in ("\u201c", '"'):
            close = "\u201d" if t.text == "\u201c" else '"'
            inner = []
            for u in toks[k + 1:]:
                if u.text == close:
                    return inner
                inner.append(u)
            return inner
        if not (t.is_punct or t.is_space):
            return []  # something else stands between the addressee and any quotation
    return []


@dataclass
class Frame:
    """One attribution: ``source`` asserts ``content`` (char spans into the text)."""

    sent: int
    cue: str
    cue_lemma: str
    kind: str
    source: str
    mention: Mention | None
    subj: tuple[int, int] | None
    """Span of the subject as written (to be replaced by ``source`` when rendering)."""
    content: tuple[int, int]
    span: tuple[int, int]
    """The evidence: subject, cue and content."""
    back_ref: bool = False
    """The content is an earlier claim ("denied this", "an allegation X refuted")."""
    cue_i: int = -1
    cover: tuple[int, int] | None = None
    """All the text the frame accounts for (the outer span of merged frames)."""
    edits: tuple[tuple[int, int, str], ...] = ()
    """Replacements the rendering makes besides the source's ("a deal that experts believe
    serves ..." -> "experts believe the deal serves ...")."""
    named_by_model: bool = False
    """``source`` names the person a "he"/"she" subject refers to by the model's choice
    (:mod:`._pronoun_model`), not the rules': the claim's text keeps the pronoun."""


_EDGE_PUNCT = frozenset([",", ".", ";", ":", "!", "?", "…", "-", "–", "—", "(", ")", "[", "]", "'"])


def _span_of(tokens: list[Any]) -> tuple[int, int]:
    # trailing commas and full stops are not part of a span; "%", "$" and quotes are
    toks = [t for t in tokens if not (t.is_punct and t.text in _EDGE_PUNCT) and not t.is_space]
    if not toks:
        toks = tokens
    a = min(t.idx for t in toks)
    b = max(t.idx + len(t.text) for t in toks)
    return a, b


def _subtree(tok: Any, exclude: set[int] | None = None) -> list[Any]:
    """Tokens of ``tok``'s subtree, leaving out clauses coordinated with it and ``exclude``."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        if exclude and t.i in exclude:
            continue
        out.append(t)
        for c in t.children:
            if t is tok and c.dep_ in ("conj", "cc") and c.pos_ in ("VERB", "AUX"):
                continue
            if t is tok and c.dep_ == "cc":
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _subject(cue: Any) -> tuple[Any | None, bool]:
    """(subject token, passive) of a cue verb, inheriting it through conj / advcl / xcomp.

    A subject inherited from another verb is not the cue's own child (``subj.head is not cue``);
    it must be someone or something that can speak (a person, a body, a document), else the
    search goes on up the tree.
    """
    t = cue
    fallback = None
    for _ in range(4):
        # the subject nearest the verb: "LONDON — Northgate Mobile ... said" has two nsubj
        subjects = sorted(t.children, key=lambda c: (c.i > t.i, -c.i if c.i < t.i else c.i))
        for c in subjects:
            if c.dep_ in ("nsubj", "nsubjpass") and c.text.lower() not in ("it", "there"):
                if c.text.lower() in _RELATIVE and t.dep_ == "relcl":
                    return t.head, False
                if c.text.lower() in ("which", "who") and c.i > 0:
                    # "... provider Fastly, which said ...", the clause misparsed: the name just before
                    prev = c.doc[c.i - 1]
                    while prev.i > 0 and prev.is_punct:
                        prev = c.doc[prev.i - 1]
                    if prev.pos_ == "PROPN" or prev.pos_ == "NOUN" and (animate(prev) or is_document(prev)):
                        return prev, False
                if t is not cue and not (c.dep_ == "nsubj" and (animate(c) or is_document(c) or c.ent_type_)):
                    # "the way to proceed is ..., suggesting": rather whoever speaks higher up
                    fallback = fallback or (c if c.dep_ == "nsubj" else None)
                    break
                return c, c.dep_ == "nsubjpass"
            if c.text.lower() == "it" and (c.dep_ == "nsubjpass" or any(x.dep_ == "auxpass" for x in t.children)):
                return None, True  # "it was alleged that ...": no one is named
            if c.dep_ == "nsubj" and c.text.lower() == "it":
                return c, False  # "It added that ...": the body last named speaks
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            t = t.head.head  # "tried to make peace by telling her that ...": the one who tried
            continue
        if t.dep_ == "acl" and t.head.lemma_.lower() in MESSAGE_NOUNS and t.head.dep_ in ("dobj", "pobj"):
            # "issued a statement calling ...", "said in a letter urging ...": whoever issued it
            up = t.head.head if t.head.dep_ == "dobj" else t.head.head.head
            if up.pos_ in ("VERB", "AUX") and up.i != t.i:
                t = up
                continue
        if t.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in t.head.children):
            break  # "asking the minister to call in the decision": the minister is to call, and says nothing
        if t.dep_ in ("acomp", "oprd") and t is cue and t.head.i != t.i:
            t = t.head  # "X is confident that ...": the subject of "is"
            continue
        if t.dep_ in ("conj", "advcl", "xcomp", "ccomp") and t.head.i != t.i:
            head = t.head
            # "said X had entered ... and described Y": a verb coordinated inside a cue's
            # content that is itself a cue shares the cue's subject, not the content's
            if t.dep_ == "conj" and is_cue(t) and head.dep_ == "ccomp" and head.head.i != head.i and is_cue(head.head):
                head = head.head
            t = head
            continue
        break
    return fallback, False


def _stranded_subject(cue: Any) -> Any | None:
    """The name just before a subjectless cue ("Alarmed by ..., Senator Harry Reid, the minority
    leader, said"), which the parser hung elsewhere: a person or body, possibly with its apposition."""
    i = cue.i - 1
    while i >= cue.sent.start and cue.doc[i].is_punct:
        i -= 1
    if i < cue.sent.start:
        return None
    t = cue.doc[i]
    while t.dep_ == "appos" and t.head.i < t.i:
        t = t.head
    if t.ent_type_ in ("PERSON", "ORG") and t.ent_iob_ != "O" and not any(c.dep_ == "nsubj" for c in cue.children):
        return t
    return None


def _source_tokens(subj: Any) -> list[Any]:
    """The subject's words, without its relative clauses and participial modifiers."""
    drop: set[int] = set()
    for t in subj.subtree:
        if t.dep_ in ("relcl", "acl") and t.i > subj.i:
            drop |= {x.i for x in t.subtree}
    toks = [t for t in subj.subtree if t.i not in drop]
    # a closing quotation mark the parser hung on the subject ('"...," a source said') is not its name
    while len(toks) > 1 and (toks[0].is_quote or toks[0].is_punct):
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1].is_quote or toks[-1].is_punct):
        toks = toks[:-1]
    return toks or [subj]


def _display(analysis: Analysis, toks: list[Any], recent: list[Mention]) -> tuple[str, Mention | None]:
    from ._analysis import _strip_det

    a, b = _span_of(toks)
    raw = analysis.text[a:b].strip(" ,")
    dateline = re.match(r"^[A-Z][A-Z .,'-]{2,40}\s*[—–-]+\s*", raw)
    if dateline:
        raw = raw[dateline.end():]
        a += dateline.end()
    low = raw.lower()
    if low == "it":
        m = _last_institution(analysis, a, recent)
        return (m.name, m) if m is not None else ("unnamed sources", None)
    short = len(raw.split()) <= 2
    persons = [e for e in analysis.doc.ents if e.label_ == "PERSON" and a <= e.start_char < b]
    root0 = next((t for t in toks if t.head not in toks or t.head.i == t.i), toks[0])
    heads = {root0.i} | {c.i for c in root0.children if c.dep_ == "appos"}
    person = next((e for e in persons if any(e.start <= i < e.end for i in heads)), None)
    if any(c.dep_ == "conj" for c in root0.children):
        person = None  # "President Joe Biden and Democrats": both speak, not the one named first
    if person is not None and not short:
        from ._analysis import _full_person

        m = _full_person(_strip_det(person.text), {x.name: x for x in analysis.mentions if x.start <= person.start_char})
        if m is not None:
            return m.display, m
    if low in PRONOUNS_SING | PRONOUNS_PLUR or short:
        m = resolve_reference(analysis, raw, a, recent_sources=recent)
        if m is not None and is_document(root0) and root0.lower_ not in m.name.lower():
            m = None  # "the poll" is a poll, not the body or event named last
        if m is not None and (low in PRONOUNS_SING | PRONOUNS_PLUR or raw.split()[0].lower() in ("the", "a", "an", "this") or m.label == "PERSON"):
            return (m.display if m.label == "PERSON" else m.name), m
    root = next((t for t in toks if t.head not in toks or t.head.i == t.i), toks[0])
    if person is None and any(c.dep_ == "appos" for c in root.children):
        # "Northgate Mobile, a British mobile operator with ...": an institution's name only
        appos = min(c.left_edge.i for c in root.children if c.dep_ == "appos")
        keep = [t for t in toks if t.i < appos and not t.is_punct]
        if keep:
            a2, b2 = _span_of(keep)
            raw = analysis.text[max(a, a2):b2].strip(" ,")
    name = _strip_det(raw)
    m = next((m for m in analysis.mentions if m.name == name or m.name.startswith(name) and len(name) > 3), None)
    if m is None:
        plural = toks[-1].tag_ in ("NNS", "NNPS") or any(t.dep_ == "conj" for t in toks)
        m = Mention(name, "", "PERSON" if any(t.ent_type_ == "PERSON" for t in toks) else "NOUN", a, plural=plural)
    return name, m


def _last_institution(analysis: Analysis, offset: int, recent: list[Mention]) -> Mention | None:
    """What an active "it" that says something refers to: the last organisation that spoke, else
    the last organisation named before it."""
    from ._analysis import INSTITUTION_NOUNS

    for m in reversed(recent):
        if not m.plural and (m.label in ("ORG", "GPE") or (
                m.label == "NOUN" and m.name.split()[-1].lower() in INSTITUTION_NOUNS)):
            return m
    orgs = [m for m in analysis.mentions if m.label == "ORG" and m.start < offset]
    return orgs[-1] if orgs else None


def _content(cue: Any, subj: Any | None, passive: bool) -> tuple[list[Any], bool]:
    """Tokens of what the cue's source asserts, and whether it points back to an earlier claim."""
    lex = lexicons()
    lemma = cue.lemma_.lower()
    if aside(cue) and cue.dep_ == "advcl":
        # "As Clyburn noted, those voters will ...", "As reported by X, ...": the clause the
        # aside hangs on, without it
        own = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in own], False
    if passive:  # "X have been accused of Y": the clause itself is the content
        return _subtree(cue), False
    if lemma == "make":
        clause = made_clear(cue)  # "made it clear they disagree"
        return (_subtree(clause), False) if clause is not None else ([], False)
    clauses = [c for c in cue.children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and cue.lemma_ not in ("call",))
               or (c.dep_ == "advcl" and c.i > cue.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
    if clauses:
        # every clause the cue reports ("says his campaign is doing well because it is ...", which
        # the parser can split in two)
        return sorted({t for c in clauses for t in _subtree(c) + _said_conjuncts(c, cue)}, key=lambda t: t.i), False
    if cue.dep_ == "parataxis" and cue.head.i != cue.i and not any(
            c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in cue.children):
        # "Many of the closures, he said, have involved ...": the clause around the cue
        own = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in own], False  # coordinated clauses included
    objs = [c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "prep", "oprd", "dative", "attr", "xcomp", "advcl", "acomp", "npadvmod", "prt", "pobj")]
    objs = [c for c in objs if not (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.text.lower() in _FOREIGN_MARKS for m in c.children))]
    if cue.pos_ == "ADJ" and (lemma in ADJECTIVE_CUES or cue.lower_ in ADJECTIVE_CUES):
        objs = [c for c in objs if c.dep_ == "prep" and c.lower_ in ("of", "about", "over")]  # "critical of ..."
    elif lemma not in OBJECT_CUES and (lemma in ABOUT_CUES or lemma in FOR_CUES):
        # "spoke about X", "pressed for X": the phrase, never where or when ("spoke in Ohio")
        preps = (("about", "of") if lemma in ABOUT_CUES else ()) + (("for", "against") if lemma in FOR_CUES else ())
        objs = [c for c in objs if c.dep_ == "prep" and c.lower_ in preps]
    if cue.lemma_.lower() in QUOTE_CUES:
        objs = [c for c in objs if not _is_when_or_where(c)]
    if cue.lemma_.lower() in MEDIUM_CUES:  # "wrote on Twitter", "said in a statement": the medium
        objs = [c for c in objs if not (c.dep_ == "prep" and c.lower_ not in ("of", "about")
                                        and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree))]
    if (cue.lemma_.lower() in ADDRESSEE_CUES and any(c.dep_ in ("dobj", "dative") for c in objs)
            and all(c.dep_ in ("dobj", "dative", "prep") for c in objs)):
        quoted = _quote_after(cue, max(t.i for c in objs for t in c.subtree))
        if quoted:
            return quoted, False
        if all(c.dep_ in ("dobj", "dative") for c in objs):
            # "after Trump told the Post he was not there yet": the parser can hang the reported
            # clause above the cue; what follows the addressee is what was said
            head = cue.head
            if cue.dep_ == "advcl" and head.i > cue.i and head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i for c in head.children):
                end = max(t.i for t in cue.subtree)
                return [t for t in head.subtree if t.i > end], False
            return [], False  # only the person told: nothing reported here
    for c in objs:
        as_phrase = any(x.dep_ == "prep" and x.lower_ == "as" for x in cue.children)
        if c.dep_ == "dobj" and not as_phrase and (c.text.lower() in _DEMONSTRATIVE or (c.lemma_.lower() in lex.claim_nouns and not any(x.dep_ in ("acl", "relcl", "prep") for x in c.children))):
            return [c], True
    if not objs:
        return [], False
    toks = [t for c in objs for t in _subtree(c)]
    return sorted(toks, key=lambda t: t.i), False


def _said_conjuncts(clause: Any, cue: Any) -> list[Any]:
    """Clauses coordinated with what a cue reports that belong to it: all of them when the report
    comes before its cue ('A, but B, said X'), else those joined without a comma ('said he would
    cut taxes and his plan is costed'); a clause after ', and' may be the article's own."""
    out: list[Any] = []
    for v in clause.children:
        if v.dep_ != "conj" or v.pos_ not in ("VERB", "AUX") or v.i < clause.i:
            continue
        cc = [t for t in clause.children if t.dep_ == "cc" and clause.i < t.i < v.i]
        start = cc[0].i if cc else v.left_edge.i
        if clause.i < cue.i or clause.doc[start - 1].text != ",":
            out += cc + list(v.subtree)
    return sorted(out, key=lambda t: t.i)


def find_frames(analysis: Analysis) -> list[Frame]:
    """Every attribution frame of the article, in text order."""
    doc, text = analysis.doc, analysis.text
    frames: list[Frame] = []
    recent: list[Mention] = []
    for si, (s0, s1) in enumerate(analysis.sentences):
        sent_frames: list[Frame] = []
        toks = [t for t in doc if s0 <= t.idx < s1]
        for tok in toks:
            phrase_source = _phrase_source(tok)
            if phrase_source is not None:
                pobj = phrase_source
                src_toks = _source_tokens(pobj)
                phrase = {t.i for t in tok.subtree}
                head = tok.head
                while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                    head = head.head  # "... incomes go up by 19.9 percent, according to": the clause, not the noun
                while head.dep_ in ("ccomp", "conj", "xcomp", "advcl") and head.head.i != head.i and not is_cue(head.head):
                    # the parser hangs it on the nearest verb; set off at the end, it scopes over the
                    # sentence ("X is one of 707 people shot and the fourth shot ..., according to a database")
                    head = head.head
                clause = _subtree(head) if head.i != tok.i else toks
                rest = [t for t in clause if t.i not in phrase and s0 <= t.idx < s1]
                if not rest:
                    continue
                source, mention = _display(analysis, src_toks, recent)
                ctext_span = _span_of(rest)
                kind = "estimate" if (tok.lower_ == "by" or lexicons().hedge_pattern().search(text[slice(*ctext_span)])) else "statement"
                whole = _span_of(rest + list(tok.subtree))
                frame = Frame(si, "according to", "according", kind, source, mention, None, ctext_span, whole, cue_i=tok.i)
                pa, pb = _span_of(list(tok.subtree))
                if ctext_span[0] < pa and pb < ctext_span[1]:
                    # the phrase inside what it reports ("X rose 19.9 percent, according to Y, more than
                    # ..."): taken out of the rendering with its commas
                    while pa > ctext_span[0] and text[pa - 1] in " ,":
                        pa -= 1
                    while pb < ctext_span[1] and text[pb] in " ,":
                        pb += 1
                    frame.edits = ((pa, pb, ", "),)
                sent_frames.append(frame)
                continue
            if not is_cue(tok) or analysis.in_quote(tok.idx, tok.idx + len(tok.text)):
                continue  # a cue inside a quotation is part of what the speaker said
            subj, passive = _subject(tok)
            if aside(tok) and any(c.dep_ == "agent" for c in tok.children):
                subj, passive = None, True  # "As reported by X, ...": the agent speaks, not the clause's subject
            if passive and subj is not None and tok.lower_ in ADJECTIVE_CUES:
                passive = False  # "not everyone is convinced that": a state of mind, not a passive report
            if subj is None and not passive and tok.dep_ == "ROOT":
                subj = _stranded_subject(tok)
            if tok.lemma_.lower() in STANCE_CUES and (subj is None or not animate(subj)) and not any(
                    c.dep_ == "ccomp" for c in tok.children):
                continue  # "the bill supports farmers": no one takes a side ("specialists stress that ..." do say)
            if tok.dep_ == "relcl" and tok.head.lemma_.lower() in lexicons().claim_nouns:
                content_toks, back = [tok.head], True  # "an allegation X have refuted"
            else:
                content_toks, back = _content(tok, subj, passive)
            quote_content = None
            if tok.lemma_.lower() in QUOTE_CUES:
                # '"A," he said, "B."': one quotation broken by its cue is all the speaker's
                own = {t.i for t in tok.subtree}
                left = [q for q in analysis.quotes if s0 <= q[0] and q[1] <= tok.idx and all(
                    t.i in own or t.is_punct or t.is_space for t in doc if q[1] <= t.idx < tok.idx)]
                right = [q for q in analysis.quotes if q[0] > tok.idx and q[1] <= s1 + 2
                         and text[s0:q[0]].rstrip().endswith((",", ":")) and all(
                    t.i in own or t.is_punct or t.is_space for t in doc if tok.idx < t.idx < q[0])]
                if left and right:
                    quote_content = (_inner(text, *left[-1])[0], _inner(text, *right[0])[1])
            opened = colon_quote(tok)
            if quote_content is None and opened is not None:
                q = next(((a, b) for a, b in analysis.quotes if a == opened), None)
                if q is not None and q[1] <= s1 + 2:
                    quote_content = q  # 'X shot back: "..."'
            if quote_content is None and not content_toks and tok.lemma_.lower() in QUOTE_CUES:
                q = [(a, b) for a, b in analysis.quotes if s0 <= a < s1]
                if not q:  # '"We will win." Berg wrote.': the quote is the sentence before
                    q = _quote_before(analysis, si)
                    if not q:
                        continue
                    frames[:] = [f for f in frames if not (f.sent == si - 1 and not f.cue)]
                quote_content = q[0]
            if subj is not None and subj.lower_ in _RELATIVE and not subj.ent_type_:
                continue
            if subj is not None and tok.dep_ == "relcl" and subj.i == tok.head.i and not (
                    animate(subj) or is_document(subj) and tok.lemma_.lower() in DOCUMENT_CUES):
                continue  # "the law, which has called for": no one speaks; "critics who say", "records that show" do
            if subj is None and not passive:
                if tok.dep_ == "relcl" and tok.head.lemma_.lower() in lexicons().claim_nouns:
                    continue  # an allegation refuted by ... without a named source: rare, skip
                continue
            if passive:
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if pobj is not None:
                    source, mention = _display(analysis, _source_tokens(pobj), recent)
                else:
                    kind0 = lexicons().cue_kind.get(tok.lemma_.lower())
                    source = "unnamed accusers" if kind0 == "allegation" else "unnamed sources"
                    mention = None
                subj_span = None
            else:
                src_toks = _source_tokens(subj)
                source, mention = _display(analysis, src_toks, recent)
                subj_span = _span_of(src_toks)
            if quote_content is not None:
                content = quote_content
            elif content_toks:
                content = _span_of(content_toks)
            else:
                continue
            if tok.dep_ == "relcl" and tok.head.lemma_.lower() in lexicons().claim_nouns:
                back = True
                span = _span_of([t for t in tok.head.subtree if t.i >= tok.head.i or t.dep_ == "det"])
                span = (min(span[0], tok.head.idx), span[1])
            else:
                pieces = [content, (tok.idx, tok.idx + len(tok.text))]
                # its auxiliaries and negation: "who had not endorsed" must not become "endorsed"
                pieces += [(c.idx, c.idx + len(c.text)) for c in tok.children
                           if c.dep_ in ("aux", "auxpass", "neg") and c.i < tok.i and c.tag_ != "TO"]
                if content[1] <= tok.idx:  # '"...," a source told Fox News.': the addressee too
                    pieces.append(_span_of([t for t in tok.subtree if t.i >= tok.i]))
                if tok.dep_ == "advcl" and aside(tok):
                    pieces += [(m.idx, m.idx + len(m.text)) for m in tok.children if m.dep_ == "mark"]  # "As X noted, ..."
                if subj_span and subj is not None and (subj.head.i == tok.i or tok.pos_ == "ADJ" and subj.head.i == tok.head.i):
                    pieces.append(subj_span)  # "X was critical of": the subject of "was" too
                else:
                    subj_span = None
                span = (min(p[0] for p in pieces), max(p[1] for p in pieces))
            closing = re.match(r"[.,!?]*[\u201d\"]|''", text[span[1]:])
            if closing and content[1] == span[1]:
                span = (span[0], span[1] + closing.end())  # the evidence keeps the quotation's closing mark
            frame = Frame(si, tok.text, tok.lemma_.lower(), cue_kind(tok, text[content[0]:content[1]]), source, mention,
                          subj_span, content, span, back_ref=back, cue_i=tok.i)
            if tok.dep_ == "relcl" and not back and quote_content is None:
                _relative_content(frame, tok, content_toks)
            lead = [t for c in tok.children if c.i < tok.i and c.dep_ in ("npadvmod", "advmod", "prep")
                    and (subj is None or c.i < subj.i) for t in c.subtree]
            if lead and frame.cover is None and min(t.idx for t in lead) < frame.span[0]:
                # "..., and today, AAA pegged the price at ...": the frame's own time or place
                # phrase is not left behind in the article's sentence ("had risen and today.")
                frame.cover = (min(t.idx for t in lead), frame.span[1])
            if passive:
                frame.kind = lexicons().cue_kind.get(tok.lemma_.lower(), "statement")
                if frame.kind == "statement" and source == "unnamed sources":
                    frame.kind = "allegation" if tok.lemma_.lower() in ("report", "say", "claim") else "statement"
            sent_frames.append(frame)
            if mention is not None:  # "Trump said X, although he ...": the last to speak is Trump
                recent.append(mention)
        for br in [f for f in sent_frames if f.back_ref]:
            for f in sent_frames:
                if f is not br and f.span[0] < br.span[0] < f.span[1]:
                    end = br.span[0]
                    while end > f.span[0] and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
                        end -= 1
                    f.span = (f.span[0], end)
                    f.content = (f.content[0], min(f.content[1], end))
        sent_frames = _merge_nested(sent_frames, analysis.doc)
        if not sent_frames:
            hf = _headline_speaker(analysis, si, recent)
            if hf is not None:
                sent_frames.append(hf)
        if not sent_frames:
            qf = _quote_continuation(analysis, si, frames)
            if qf is not None:
                sent_frames.append(qf)
        for f in sent_frames:
            if f.mention is not None and f.mention not in recent:
                recent.append(f.mention)
            _negated_answer(analysis, f, frames)
        frames.extend(sent_frames)
    return _multi_sentence_quotes(analysis, frames)


def _headline_speaker(analysis: Analysis, si: int, recent: list[Mention]) -> Frame | None:
    """A headline's "Name: what they said" ("Senator X: The Bill Is a Failure"): the name is the
    source, when the words before the colon are a person or an organisation (a dateline's place
    is not) and a clause follows."""
    text, doc = analysis.text, analysis.doc
    s0, s1 = analysis.sentences[si]
    m = re.match(r"\s*([^:\n]{2,60}?)\s*:\s+(?=\S)", text[s0:s1])
    if m is None:
        return None
    a, b = s0 + m.start(1), s0 + m.end(1)
    ents = [e for e in doc.ents if a <= e.start_char and e.end_char == b and e.label_ in ("PERSON", "ORG")]
    if not ents:
        return None
    before = text[a:ents[0].start_char].split()
    if any(w.rstrip(".").lower() not in TITLES and not w[:1].isupper() for w in before):
        return None  # "Asked about it, Smith: ..." is no headline speaker
    c0 = s0 + m.end()
    after = [t for t in doc if c0 <= t.idx < s1]
    if len([t for t in after if not t.is_punct]) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    source, mention = _display(analysis, [t for t in doc if ents[0].start_char <= t.idx < b], recent)
    end = s1
    while end > c0 and text[end - 1].isspace():
        end -= 1
    content = (c0, end)
    return Frame(si, ":", "say", cue_kind_of_text(text[c0:end]), source, mention, (ents[0].start_char, b), content, (a, end))


# "by one estimate", "by some accounts", "by its own count": whose figure it is
_BY_NOUNS = frozenset("estimate estimates count counts account accounts calculation calculations tally measure reckoning".split())


def _phrase_source(tok: Any) -> Any | None:
    """The source named by a phrase that attributes its clause: "according to X", "by one
    estimate", and a document opening the sentence ("In this poll, X rose ...", "In the study,
    ..."); ``None`` for any other token."""
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if tok.dep_ != "prep" or tok.lower_ not in ("by", "in"):
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if tok.lower_ == "by":
        return pobj if pobj.lemma_.lower() in _BY_NOUNS and pobj.text.lower() in _BY_NOUNS else None
    head = tok.head
    if (tok.i == tok.sent.start and is_document(pobj) and head.pos_ in ("VERB", "AUX") and head.dep_ == "ROOT"
            and not is_cue(head) and not any(is_cue(c) for c in head.children if c.dep_ in ("ccomp", "conj"))):
        return pobj  # "In this poll, Trump rose 1 point": the poll's finding
    return None


def _antecedent(head: Any) -> str:
    """'the deal' for the noun a relative clause hangs on; a name as written."""
    if head.pos_ == "PROPN" or head.ent_type_:
        toks = [t for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "flat") or t.i == head.i]
        return " ".join(t.text for t in toks)
    mods = [t for t in head.children if t.i < head.i and t.dep_ in ("compound", "amod") and not t.is_punct]
    return "the " + " ".join([*(t.text for t in mods), head.text])


def _relative_content(f: Frame, cue: Any, content: list[Any]) -> None:
    """"a partnership that experts believe serves as ...": the relative word opening the content
    stands for the noun; the rendering says "experts believe the partnership serves as ..." and
    the frame accounts for the noun phrase too."""
    rel = next((t for t in content if t.lower_ in ("that", "which", "who") and t.i < cue.i
                and t.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    if rel is None or cue.head.pos_ not in ("NOUN", "PROPN"):
        return
    text = cue.doc.text
    end = rel.idx + len(rel.text)
    while end < len(text) and text[end] == " ":
        end += 1
    f.edits = ((rel.idx, end, ""), (cue.idx, cue.idx + len(cue.text), f"{cue.text} {_antecedent(cue.head)}"))
    f.content = (end, f.content[1])
    head = cue.head
    start = min(t.idx for t in head.subtree)
    if head.dep_ == "appos" or text[cue.sent.start_char:start].rstrip().endswith(("\u2014", "\u2013", " -", ",")):
        # "a deal — a partnership that experts believe ...": the apposition is theirs too
        while start > 0 and text[start - 1] in " ,\u2014\u2013-":
            start -= 1
        f.cover = (start, max(f.span[1], (f.cover or f.span)[1]))


def _quote_before(analysis: Analysis, si: int) -> list[tuple[int, int]]:
    """The quotation that makes up the whole sentence before ``si`` (if one does)."""
    if si == 0:
        return []
    p0, p1 = analysis.sentences[si - 1]
    return [(a, b) for a, b in analysis.quotes if a <= p0 + 1 and b >= p1 - 1][:1]


def _multi_sentence_quotes(analysis: Analysis, frames: list[Frame]) -> list[Frame]:
    """A quotation running over several sentences is all said by whoever its cue names: each of
    its sentences left without a frame gets one ('"A. B," said X' -> X says A and B)."""
    text = analysis.text
    taken = {f.sent for f in frames}
    added: list[Frame] = []
    for qa0, qb0 in analysis.quotes:
        qa, qb = _inner(text, qa0, qb0)
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
            if b > a:
                added.append(Frame(si, "", "", "statement", speaker.source, speaker.mention, None, (a, b), (a, b)))
                taken.add(si)
    return sorted(frames + added, key=lambda f: (f.span[0], f.sent)) if added else frames


_NEGATED_START = re.compile(r"^(?:that\s+)?(?:no|none|nothing|never|not)\b|\b(?:had not|has not|have not|did not|was not|were not|is not|are not|never)\b", re.I)
_STOPWORDS = frozenset("the a an of in on at to for by with from and or but that this it its is are was were be been has have had "
                       "not no never any said says".split())


_QUOTE_MARKS = "\u201c\u201d\u2018\u2019\"'`"


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    """A quotation's words without its marks and surrounding space: an opening mark that the
    sentence splitter left at the end of the previous sentence does not put the quote there."""
    while a < b and (text[a].isspace() or text[a] in _QUOTE_MARKS):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in _QUOTE_MARKS):
        b -= 1
    return a, b


def _negated_answer(analysis: Analysis, f: Frame, earlier: list[Frame]) -> None:
    """A statement that negates what another source just alleged is a denial ("X alleged Y.
    Z said no Y had happened.")."""
    if f.kind != "statement":
        return
    content = analysis.text[f.content[0]:f.content[1]]
    if not _NEGATED_START.search(content):
        return
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", content)} - _STOPWORDS
    for g in reversed(earlier[-6:]):
        if g.sent < f.sent - 3 or g.source == f.source or g.kind not in ("allegation", "statement", "estimate"):
            continue
        other = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", analysis.text[g.content[0]:g.content[1]])} - _STOPWORDS
        if len(words & other) >= 2:
            f.kind = "denial"
            return


def _merge_nested(frames: list[Frame], doc: Any = None) -> list[Frame]:
    """Fold "X said that he estimates that Y" into one frame of X, kind estimate."""
    out: list[Frame] = []
    for f in sorted(frames, key=lambda f: (f.span[0], f.span[0] - f.span[1])):  # an outer frame first
        outer = next((o for o in out if o.content[0] <= f.span[0] and min(f.span[1], f.content[1]) <= o.content[1] + 1), None)
        if outer is None or f.back_ref:
            out.append(f)
            continue
        same = (f.mention is not None and f.mention is outer.mention) or f.source == outer.source or f.subj is None
        # only a cue that heads the outer content ("said that he estimates ...") is folded in; a
        # cue in a relative clause of an object ("accused X of Y, which she called Z") is not
        heads_content = doc is None or f.cue_i < 0 or outer.cue_i < 0 or (
            doc[f.cue_i].head.i == outer.cue_i and doc[f.cue_i].dep_ in ("ccomp", "xcomp", "conj"))
        if same and not heads_content:
            out.append(f)
            continue
        if same:
            if KIND_RANK.get(f.kind, 0) >= KIND_RANK.get(outer.kind, 0):
                outer.kind, outer.cue, outer.cue_lemma = f.kind, f.cue, f.cue_lemma
            outer.cover = (min((outer.cover or outer.span)[0], outer.span[0]), max((outer.cover or outer.span)[1], outer.span[1]))
            outer.content, outer.span = f.content, f.span
            if f.subj:
                outer.subj = f.subj
        # a different source inside someone's statement stays part of that statement
    return out


def _quote_continuation(analysis: Analysis, si: int, earlier: list[Frame]) -> Frame | None:
    """A sentence that is all quote, with no cue, continues the previous speaker's quote."""
    s0, s1 = analysis.sentences[si]
    q = [(a, b) for a, b in (_inner(analysis.text, *x) for x in analysis.quotes) if s0 <= a and b <= s1 + 1]
    if not q or not earlier or earlier[-1].sent != si - 1:
        return None
    covered = sum(b - a for a, b in q)
    if covered < 0.7 * (s1 - s0):
        return None
    prev = earlier[-1]
    a, b = q[0][0], q[-1][1]
    return Frame(si, "", "", "statement", prev.source, prev.mention, None, (a, b), (a, b))
