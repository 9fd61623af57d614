"""The syntax of one attribution cue: the :class:`Frame` record, and from a cue token its subject,
the source's words and the content it reports (spaCy dependency parse).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._analysis import Mention
from ._cues import (ABOUT_CUES, ADDRESSEE_CUES, ADJECTIVE_CUES, ADJECTIVE_PREPS, FOR_CUES, MEDIUM_CUES, MESSAGE_NOUNS,
                    OBJECT_CUES, QUOTE_CUES, animate, aside, document_participle, is_cue,
                    is_document, made_clear, told_whom, when_or_where)
from ._clause_shapes import (beyond_semicolon, clause_read_as_quotation, joined_to, message_issuer, object_acting, object_before_date,
                             one_of_those, purpose_infinitive, quoted_after, quoted_before, role_read_as_verb, said_conjuncts, set_off, stranded_clause,
                             that_clause, with_stray_tail, with_subjunctive, without_gloss, first_to, contrasted_report, NAMING_CUES)
from ._frame_repairs import is_trailing_report
from ._nlp import lexicons
from ._speakers import someone, source_tokens, who_antecedent
from ._spans import span_of, subtree

__all__ = ["Frame", "KIND_RANK", "RELATIVE", "content_of", "source_tokens", "span_of", "subject_of", "subtree"]

# Conjunctions that open a clause the frame does not assert ("..., even as X surfaced").
_FOREIGN_MARKS = frozenset("as while although though whereas even because since".split())


#: When frames merge, the more specific kind wins.
KIND_RANK = {"denial": 5, "allegation": 4, "estimate": 3, "opinion": 2, "statement": 1, "fact": 0}

RELATIVE = frozenset("who which that whom".split())


_DEMONSTRATIVE = frozenset("this that it these those".split())
# Verbs whose object "it" or "that" is something said ("confirmed it", "repeated that"); "described it",
# "explained it" are about a thing or an event.
_ABOUT_CLAIMS = frozenset("confirm repeat reiterate echo acknowledge admit concede dispute question doubt verify "
                          "corroborate retract withdraw".split())


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


def subject_of(cue: Any) -> tuple[Any | None, bool]:
    """(subject token, passive) of a cue verb (see :func:`_subject_of`); a conjoined or relative
    cue with its own passive auxiliary is passive whatever subject it inherits ("X is not on board
    and is not expected to sign", "a candidate who was criticised as ...": others expect it of X,
    others criticised the candidate)."""
    if cue.tag_ == "VBG" and cue.dep_ == "conj" and cue.head.tag_ != "VBG" and cue.head.pos_ in ("VERB", "AUX"):
        # "warning that X could penetrate the country and implying that ...": a participle is joined
        # to the participle before it, not to the finite verb the parser hung it on
        partner = next((a for a in cue.head.ancestors if a.tag_ == "VBG"), None)
        if partner is not None:
            return subject_of(partner)
    if cue.tag_ == "VBG" and cue.dep_ == "advcl":
        # "X remain confident despite a few supporters, such as Y, now saying ...", "with polls
        # showing ...": the noun of the phrase just before the participle is its subject
        pp = next((c for c in cue.head.children if c.dep_ == "prep" and c.lower_ in ("despite", "with", "amid") and c.i < cue.i), None)
        pobj = next((c for c in pp.children if c.dep_ == "pobj"), None) if pp is not None else None
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and someone(pobj) and all(
                t.is_punct or t.dep_ == "advmod" for t in cue.doc[pp.right_edge.i + 1:cue.i]):
            return pobj, False
    if (acting := object_acting(cue)) is not None:
        return acting, False  # "have left 62 percent of voters saying ...": the voters say it
    if document_participle(cue) is not None:
        return cue.head, False  # "including bank records showing he was paid ...": the records show it
    subj, passive = _subject_of(cue)
    return subj, passive or (cue.tag_ == "VBN" and cue.dep_ in ("conj", "relcl") and any(
        c.dep_ == "auxpass" and c.lower_ not in ("'s", "\u2019s") for c in cue.children))  # ("who's called for": has called)


def _subject_of(cue: Any) -> tuple[Any | None, bool]:
    """(subject token, passive) of a cue verb, inheriting it through conj / advcl / xcomp.

    A subject inherited from another verb is not the cue's own child (``subj.head is not cue``); it must
    be someone or something that can speak (a person, a body, a document), else the search goes on up.
    """
    t = cue
    fallback, via_for = None, False
    for _ in range(4):
        # the subject nearest the verb: "LONDON — Northgate Mobile ... said" has two nsubj
        subjects = sorted((c for c in t.children if not quoted_after(t, c)), key=lambda c: (c.i > t.i, -c.i if c.i < t.i else c.i))
        if any(c.dep_ == "nsubj" and c.i > t.i for c in subjects):
            # '"Safety," said Grimm': a word of the quotation before the cue is what was said
            subjects = [c for c in subjects if not (c.i < t.i and quoted_before(c, t))]
        # ("Not everyone is convinced ...": the parser can hang the subject on the auxiliary)
        subjects += [x for a in t.children if a.dep_ in ("aux", "auxpass") and a.i < t.i for x in a.children
                     if not any(q.is_quote for q in t.doc[x.i:t.i])]  # (not '"Is it fair?" asked Y': the quotation's)
        issuer = None
        for c in subjects:
            if c.dep_ in ("nsubj", "nsubjpass") and c.text.lower() not in ("it", "there"):
                if c.text.lower() in RELATIVE and t.dep_ == "relcl":
                    if t.tag_ == "VBZ" and t.head.tag_ == "NNS" and t.head.ent_type_ in ("", "ORG", "CARDINAL"):
                        return None, False  # "a report by two committees that outlines": hung on the wrong noun
                    issuer = message_issuer(t.head)
                    if issuer is not None:
                        break  # "is releasing an ad that urges voters to ...": whoever releases it speaks
                    return one_of_those(t.head) or object_before_date(t) or who_antecedent(c, t.head), False
                if c.text.lower() in ("which", "who") and c.i > 0:
                    # "... provider Fastly, which said ...", the clause misparsed: the name just before
                    prev = c.doc[c.i - 1]
                    while prev.i > 0 and prev.is_punct:
                        prev = c.doc[prev.i - 1]
                    if prev.pos_ == "PROPN" or prev.pos_ == "NOUN" and (animate(prev) or is_document(prev)):
                        return prev, False
                if (t is not cue and c.dep_ == "nsubjpass" and cue.tag_ in ("VBG", "VBD", "VBZ", "VBP") and someone(c)
                        and joined_to(cue, t)):
                    # "she's shifted (read as a passive) to the right, criticizing the deal": the one
                    # the clause is about does the active cue ("was arrested and accused" is passive too)
                    return c, False
                if t is not cue and not (c.dep_ == "nsubj" and (animate(c) or is_document(c) or c.ent_type_)):
                    # "the way to proceed is ..., suggesting": rather whoever speaks higher up
                    fallback = fallback or (c if c.dep_ == "nsubj" else None)
                    break
                if t is not cue and t.tag_ == "VB" and t.dep_ in ("ccomp", "xcomp") and t.head.i < c.i < t.i and any(
                        a.tag_ == "TO" for a in t.children):
                    break  # "a campaign to get the FBI to release X while requesting Y": the one made to act does not request
                if t is not cue and sum(1 for x in c.doc[min(c.i, cue.i) + 1:max(c.i, cue.i)] if x.is_quote) % 2 == 1 and (
                        c.i > cue.i or any(x.tag_ == "''" for x in c.doc[c.i + 1:cue.i])):  # (a quotation that closes between)
                    break  # ', telling the crowd, "Some people get ..."', '"We want to vote," as X said': a subject inside the quotation is not the teller
                return c, c.dep_ == "nsubjpass"
            if c.text.lower() == "it" and (c.dep_ == "nsubjpass" or any(x.dep_ == "auxpass" for x in t.children)):
                return None, True  # "it was alleged that ...": no one is named
            if c.dep_ == "nsubj" and c.text.lower() == "it" and not (t is not cue and cue.tag_ == "VBP"):
                return c, False  # "It added that ..." (not "said it plays out but want to": "it" does not "want")
        if issuer is not None:
            t = issuer
            continue
        if (fronted := clause_read_as_quotation(t)) is not None:  # "X summed Y up as “reckless,” criticised Z and said"
            return fronted, False
        if t.dep_ == "relcl" and any(c.tag_ == "TO" for c in t.children) and t.head.dep_ == "pobj" and not animate(t.head) and (
                t.head.head.head.pos_ == "VERB"):  # (not "have harsh things to say about X": no one says them)
            t = t.head.head.head  # "pointed to a case to say": the one who pointed
            continue
        if (copula := first_to(t)) is not None:
            t = copula  # "The Ledger was the first to report that ...": the Ledger reported it
            continue
        if t.dep_ == "advmod" and t.pos_ == "ADV" and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX") and t is not cue:
            t = t.head  # "went so far as to say": the one who went
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            judged = next((c for c in t.head.head.children if c.dep_ in ("dobj", "dep") and c.i < t.i and t.head.lower_ == "in" and any(
                x.lower_ in ("right", "wrong", "correct", "justified", "mistaken") for x in c.subtree)), None)  # ("says X 'wrong' in claiming": X)
            obj = judged or next((c for c in t.head.head.children if c.dep_ == "dobj" and c.i < t.i), None)
            if (t.head.lower_ in ("of", "for", "with") or judged is not None) and obj is not None and (someone(obj) or obj.pos_ in ("PROPN", "PRON")):
                return obj, False  # "accused Cruz of opposing X", "praised her for standing up": the one accused or praised
            via_for = t.head.lower_ == "for"
            t = t.head.head  # "tried to make peace by telling her that ...": the one who tried
            continue
        if t.dep_ == "acl" and t.head.lemma_.lower() in MESSAGE_NOUNS and t.head.dep_ in ("dobj", "pobj"):
            # "issued a statement calling ...", "said in a letter urging ...": whoever issued it
            up = t.head.head if t.head.dep_ == "dobj" else t.head.head.head
            if up.pos_ in ("VERB", "AUX") and up.i != t.i:
                t = up
                continue
        ctrl = (next((c for c in t.head.children if c.dep_ in ("dobj", "dative")), None) or next((
            o for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < t.i for o in c.children
            if o.dep_ == "pobj" and someone(o)), None)) if t.dep_ == "xcomp" else None  # the one called on / asked to act
        if ctrl is not None:
            if via_for and someone(ctrl) or t.head.lemma_.lower() in _MADE_TO and t.head.tag_ == "VBD" and someone(ctrl):
                return ctrl, False  # "called on Dean to apologize for accusing him": Dean accused; "prompted X to call Y Z": X called
            break  # "asking the minister to call in the decision": the minister is to call, and says nothing
        if t.dep_ in ("acomp", "oprd") and t is cue and t.head.i != t.i:
            t = t.head  # "X is confident that ...": the subject of "is"
            continue
        if t.dep_ in ("conj", "advcl", "xcomp", "ccomp") and t.head.i != t.i:
            head = t.head
            # "said X had entered ... and described Y": a verb coordinated inside a cue's
            # content that is itself a cue shares the cue's subject, not the content's
            # ("she would do an about-face and support X": a bare verb shares its head's "would" and subject)
            # ("X said Y was opening a new era, telling the assembly ...": the participle is X's too)
            # Only where the reporting verb comes first and the verb's tense agrees with it ("X
            # addressed ... and plans Y, AP reported", "AP reported X addressed ... and plans Y": X plans)
            if (t.dep_ == "conj" and t.tag_ != "VB" and t.tag_ == head.head.tag_
                    or t.dep_ == "advcl" and t.tag_ == "VBG" and t is cue) and is_cue(t) and (
                    head.dep_ == "ccomp" or head.dep_ == "advcl" and that_clause(head)) and (
                    head.head.i < head.i and is_cue(head.head)):
                head = head.head
            elif t.dep_ == "conj" and is_cue(t) and head.dep_ == "relcl" and not animate(head.head) and not any(
                    c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in t.children):
                # (not "a nightmare that has led to shortages and threatens to slow the recovery": the thing threatens)
                # "He said the claim would require currents that would cook the cell, and accused
                # the company of ...": not the currents; the speaker the relative clause is inside
                head = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX") and is_cue(a)), head)
            t = head
            continue
        break
    return fallback, False


# Verbs whose object, in the past tense, did what it was brought to do ("forced X to admit": X admitted).
_MADE_TO = frozenset("prompt force compel lead spur persuade convince cause drive inspire provoke".split())
# Prepositions of where, when and through what something was said, never of what.
_WHERE_PREPS = frozenset("at in on during after before from while outside inside near via through".split())


def content_of(cue: Any, subj: Any | None, passive: bool) -> tuple[list[Any], bool]:
    """Tokens of what the cue's source asserts, and whether it points back to an earlier claim."""
    lex = lexicons()
    lemma = cue.lemma_.lower()
    if aside(cue) and cue.dep_ in ("advcl", "ccomp"):
        # "As the mayor noted, the bridge has ...", "As reported by X, ...": the clause the
        # aside hangs on, without it
        own = {t.i for t in cue.subtree}
        subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
        if subj is not None and not any(c.dep_ == "mark" for c in cue.children):
            # "Soon after the hearing, the records indicate, ...": what the parser hung on the cue
            # before its subject is the reported clause's
            own = {t.i for t in cue.subtree if t.i >= subj.left_edge.i}
        own |= {c.i for c in cue.head.children if c.dep_ == "mark" and c.i == cue.head.left_edge.i}  # ("because ..., as a memo put it")
        return [t for t in cue.head.subtree if t.i not in own], False
    if passive:  # "X have been accused of Y": the clause itself is the content
        return subtree(cue), False
    if any(c.dep_ == "xcomp" and c.lemma_ == "do" and all(x.tag_ == "TO" for x in c.children) for c in cue.children):
        return [], False  # "something many had urged him to do": what is said is said before, in other words
    if lemma == "make" or lemma == "press" and made_clear(cue) is not None:
        return (subtree(clause), False) if (clause := made_clear(cue)) is not None else ([], False)  # "made it clear they disagree"
    purpose = purpose_infinitive(cue)
    # (a clause before a cue that has an object of its own is no report of it: "There is an inquiry, courts
    # are ordering the release of emails, and ..." is a list, not "courts said there is an inquiry")
    own_object = any(c.dep_ == "dobj" and c.i > cue.i and not animate(c) for c in cue.children) and lemma not in ADDRESSEE_CUES
    # (nor is a clause before a cue that reports a "that" clause after it: "So let me get this straight:
    # on the day that the Post reports that X, ...")
    own_object = own_object or any(c.dep_ == "ccomp" and c.i > cue.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                                   for c in cue.children)
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and not (is_cue(c) and is_trailing_report(c)) and not beyond_semicolon(cue, c)
               and not ((own_object or role_read_as_verb(c)) and c.i < cue.i)  # (a speaker's role noun read as a clause)
               or (c.dep_ == "xcomp" and cue.lemma_ not in ("call",) and c is not purpose)
               or (c.dep_ == "advcl" and c.i > cue.i and any(
                   m.dep_ == "mark" and (m.lower_ == "that" or m.lower_ == "for" and cue.lemma_.lower() in FOR_CUES) for m in c.children)
                   or that_clause(c))]
    if clauses and any(c.dep_ == "advmod" and c.lower_ in ("that", "when") and c.i < cue.i for c in cue.children) and any(
            c.dep_ == "prep" and c.i < cue.i for c in cue.children):
        # "On the same day that the Post reported X, the moderators didn't ask": the cue's clause dates
        # the sentence; what follows its comma is the article's
        clauses = [c for c in clauses if c.i > cue.i and not any(t.text == "," for t in cue.doc[cue.i:c.left_edge.i + 1])]
    if clauses:
        # every clause the cue reports ("says his campaign is doing well because it is ...", which
        # the parser can split in two)
        toks = sorted({t for c in clauses for t in subtree(c, contrasted_report(c)) + said_conjuncts(c, cue)}, key=lambda t: t.i)
        opened = cue.doc[toks[0].i - 1] if toks[0].i > cue.i + 1 else None
        close = next((t for t in cue.doc[toks[-1].i + 1:cue.sent.end] if t.tag_ == "''"), None) if opened is not None and opened.tag_ == "``" else None
        if close is not None:  # 'added: "A, drop from the sky."': all the quotation holds is what was said
            toks = list(cue.doc[toks[0].i:close.i])
        return with_stray_tail(cue, subj, toks), False
    if cue.dep_ == "parataxis" and cue.head.i != cue.i and not any(
            c.dep_ in ("dobj", "prep", "ccomp", "xcomp") and not when_or_where(c) and not told_whom(cue, c) for c in cue.children):
        # "Many of the closures, he said (on Monday), have involved ...": the clause around the cue
        own = {t.i for t in cue.subtree}
        around = cue.head
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
        if subj is not None and set_off(cue, subj):
            # ", he said," between commas reports the whole sentence: the words before its subject
            # that the parser hung on the cue ("If the talks fail, the minister warned, prices will
            # rise") and the clauses above the one it hung on ("Though X, he said, Y"; "That's why,
            # he argued, Z") are part of what is reported
            own = {t.i for t in cue.subtree if t.i >= subj.left_edge.i}
            while around.head.i != around.i and around.dep_ in ("advcl", "ccomp", "conj"):
                around = around.head
        return [t for t in around.subtree if t.i not in own], False  # coordinated clauses included
    if lemma in QUOTE_CUES:
        # "said during a news conference (before attending the rally) that he may wait": a clause
        # opened by "that" as a conjunction cannot be a relative clause of the conference; it is what was said
        misread = next((r for p in cue.children if p.dep_ == "prep" and p.i > cue.i for o in p.subtree if o.dep_ in ("pobj", "dobj")
                        for r in o.children if r.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in r.children)
                        and any(n.dep_ == "nsubj" and n.lower_ not in RELATIVE for n in r.children)), None)
        if misread is not None:
            return sorted(subtree(misread) + said_conjuncts(misread, cue), key=lambda t: t.i), False
    stranded = stranded_clause(cue)
    if stranded is not None:
        return stranded, False
    objs = [c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "prep", "oprd", "dative", "attr", "xcomp", "advcl", "acomp", "npadvmod", "prt", "pobj")]
    # (the clause's mark, or one the parser hung on a word of its subject: "while presumptive nominee X has")
    objs = [c for c in objs if not (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.text.lower() in _FOREIGN_MARKS for m in (*c.children, c.left_edge)))
            and c is not purpose]
    if (cue.pos_ == "ADJ" or cue.tag_ == "VBN") and (lemma in ADJECTIVE_CUES or cue.lower_ in ADJECTIVE_CUES):
        # "critical of ...", "troubled by ...": what the stance is about
        objs = [c for c in cue.children if c.i > cue.i and c.dep_ in ("prep", "agent") and c.lower_ in ADJECTIVE_PREPS]
    elif lemma not in OBJECT_CUES and (lemma in ABOUT_CUES or lemma in FOR_CUES):
        # "spoke about X", "pressed for X": the phrase, never where or when ("spoke in Ohio")
        preps = (("about", "of") if lemma in ABOUT_CUES else ()) + (("for", "against") if lemma in FOR_CUES else ())
        objs = [c for c in objs if c.dep_ == "prep" and c.lower_ in preps]
    if cue.lemma_.lower() in QUOTE_CUES:
        objs = [c for c in objs if not when_or_where(c)]
    if cue.lemma_.lower() in MEDIUM_CUES:  # "wrote on Twitter", "said in a statement": the medium
        # (and where or when, with whatever describes it: "said at a town hall sponsored by X")
        objs = [c for c in objs if not (c.dep_ == "prep" and c.lower_ not in ("of", "about") and (
            c.lower_ in _WHERE_PREPS or not any(t.pos_ in ("VERB", "AUX") for t in c.subtree)))]
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
    obj = next((c for c in objs if c.dep_ == "dobj"), None) if lemma in NAMING_CUES else None
    quoted = _quote_after(cue, obj.right_edge.i) if obj is not None else []
    if quoted and quoted[-1].i + 1 < len(cue.doc) and cue.doc[quoted[-1].i + 1].is_quote:
        return list(cue.doc[obj.left_edge.i:quoted[-1].i + 2]), False  # 'called it "a decade late"': the thing and its name
    for c in objs:
        # ("described it as Y", "called it a common ailment": "it" is the thing labelled, not an earlier claim)
        as_phrase = any(x.dep_ == "prep" and x.lower_ == "as" or x.dep_ in ("oprd", "xcomp") for x in cue.children)
        # ("opposed it", "backed this": a side taken on a thing, a bill or a plan, not on an
        # earlier claim; only a verb about claims points back with a pronoun)
        about_claims = lex.cue_kind.get(lemma) in ("denial", "allegation") or lemma in _ABOUT_CLAIMS
        if c.dep_ == "dobj" and not as_phrase and (c.text.lower() in _DEMONSTRATIVE and about_claims or (c.lemma_.lower() in lex.claim_nouns and not any(x.dep_ in ("acl", "relcl", "prep") for x in c.children))):
            return subtree(c), True  # "the allegation", with its determiner
    if not objs:
        return [], False
    toks = sorted((t for c in objs for t in subtree(c)), key=lambda t: t.i)
    marks = [k for k, t in enumerate(toks) if t.text in ('"', "\u201c", "\u201d", "''", "``")]
    close = marks[1] if len(marks) == 2 else None  # (not a list of labels: 'a "nasty guy," an "anchor baby," ...')
    if lemma in NAMING_CUES and close is not None and close + 1 < len(toks) and toks[close + 1].i == toks[close].i + 1 and toks[close - 1].text == ",":
        toks = toks[:close + 1]  # 'called X "racist," an extraordinary indictment that ...': the name ends the label; the rest is the article's
    return with_stray_tail(cue, subj, without_gloss(with_subjunctive(cue, toks))), False
