"""Shapes of a clause around an attribution cue that decide what it reports or who says it: a
clause the parser set apart from its cue, a cue set off by commas, a purpose infinitive, the
issuer of a message, a relative clause hung on a date (:mod:`._frame_syntax` asks these)."""

from __future__ import annotations

from typing import Any

from ._cues import MESSAGE_NOUNS, QUOTE_CUES, animate, is_document
from ._nlp import lexicons
from ._tag_repairs import title_case

__all__ = ["NAMING_CUES", "TOLD_TO", "answer_word", "clause_read_as_quotation", "object_acting", "quoted_after", "said_conjuncts", "role_read_as_verb", "beyond_semicolon", "message_issuer", "joined_to", "object_before_date", "one_of_those", "purpose_infinitive",
           "quoted_before", "set_off", "stranded_clause", "that_clause", "with_stray_tail", "with_subjunctive", "first_to", "title_case_rest"]

#: Verbs that name what they are said of ("called it a disaster", "labelled him a liar").
NAMING_CUES = frozenset("call label brand dub term deem".split())


def quoted_after(cue: Any, word: Any) -> bool:
    """``word`` comes after the ``cue`` inside a quotation opened after it (a title: 'said on Fox
    News's “Fox and Friends.”'), an odd number of quotation marks between them."""
    return word.i > cue.i and sum(1 for x in word.doc[cue.i + 1:word.i] if x.is_quote and x.text != "'") % 2 == 1


def quoted_before(word: Any, cue: Any) -> bool:
    """A closing quotation mark stands between ``word`` and the ``cue`` after it."""
    return any(x.text in ("\u201d", "\"", "''") and x.is_punct and (x.tag_ == "''" or x.text == "\u201d")
               for x in word.doc[word.i + 1:cue.i])


def stranded_clause(cue: Any) -> list[Any] | None:
    """The clause a verb of saying or thinking reports when the parser took its subject for the
    cue's object and hung its verb elsewhere ("who warn [the legislation] [could topple the
    system]": "the legislation" the object, "could topple" a clause of the sentence's main verb):
    the object and that verb's clause, when a modal opens the verb right after the object (or,
    after a dash, the verb itself follows) and the verb has no subject of its own. None
    otherwise."""
    if lexicons().cue_kind.get(cue.lemma_.lower()) not in ("statement", "estimate", "allegation") or any(
            c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None:
        return None
    doc = cue.doc
    nxt = max(t.i for t in obj.subtree) + 1
    dashes = ("\u2013", "\u2014", "--")
    close = None
    if nxt < cue.sent.end - 1 and doc[nxt].text in dashes:  # the aside closes here, or opens here and closes later
        close = nxt if doc[nxt + 1].tag_ in ("VBP", "VBZ", "VBD") else next(
            (k for k in range(nxt + 1, cue.sent.end - 1) if doc[k].text in dashes), None)
    aside: set[int] = set()
    if close is not None and doc[close + 1].tag_ in ("VBP", "VBZ", "VBD") and doc[close + 1].head.i < cue.i and doc[close + 1].dep_ == "conj":
        # "stating [local authorities] – and not the federal government – [are] in charge": an
        # aside between dashes, then the subject's verb, hung on the main verb
        verb = doc[close + 1]
        aside = set(range(nxt, close + 1))
    elif nxt >= len(doc) or doc[nxt].tag_ != "MD":
        return None
    else:
        verb = doc[nxt].head
    if verb.i < nxt or verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i not in aside for c in verb.children):
        return None
    return sorted(set(obj.subtree) | {doc[k] for k in aside} | {t for t in verb.subtree if t.i >= nxt}, key=lambda t: t.i)


def that_clause(clause: Any) -> bool:
    """An adverbial clause after its verb that opens with "that", the parser's misreading of a
    reported clause ("tweeted that X was ...", "that" taken for an adverb)."""
    first = clause.left_edge
    return clause.dep_ == "advcl" and clause.i > clause.head.i and first.lower_ == "that" and first.head.i == clause.i and first.dep_ in (
        "mark", "advmod")


def joined_to(cue: Any, verb: Any) -> bool:
    """The cue hangs on ``verb`` through clauses joined to it ("was shown discussing", "has shifted
    to the right, criticizing X and calling for Y"), not through a preposition ("was suspended after
    criticizing X": the suspension is no report)."""
    t = cue
    while t.i != verb.i:
        if t.dep_ not in ("advcl", "conj", "xcomp") or t.head.i == t.i:
            return False
        t = t.head
    return True


def object_before_date(rel: Any) -> Any | None:
    """"released her records in July, which showed ...": a relative clause after a comma the parser
    hung on a date, which stands for the document the verb before the date took as its object."""
    date = rel.head
    if date.ent_type_ not in ("DATE", "TIME") or date.dep_ != "pobj" or rel.doc[rel.left_edge.i - 1].text != ",":
        return None
    verb = date.head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < date.i), None)
    return obj if obj is not None and is_document(obj) else None


def message_issuer(noun: Any) -> Any | None:
    """The verb whose subject issues a message ("released an ad", "sent a letter"): the verb the
    message noun is the object of, when it has a subject of its own who is someone."""
    if noun.lemma_.lower() not in MESSAGE_NOUNS or noun.dep_ != "dobj":
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("from", "by") or c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
        return None  # "released a letter from his doctor that says ...": the doctor's words, not the releaser's
    verb = noun.head
    return verb if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and animate(c) for c in verb.children) else None


# Cues whose object is someone asked or told to do what the infinitive says ("urged voters to
# ..."): the infinitive after the object is what was said.
TOLD_TO = frozenset("tell urge ask order encourage call press push persuade invite advise request challenge implore "
                     "beg lobby pressure warn remind instruct direct allow permit forbid".split())


def one_of_those(head: Any) -> Any | None:
    """The one who is "among those who say ..." or "one of those who say ...": the subject of the
    copula the group hangs on, when it is someone (else None, and "those" speak)."""
    if head.lower_ not in ("those", "people", "ones") or head.dep_ != "pobj" or head.head.lower_ not in ("among", "of"):
        return None
    t = head.head.head
    while t.dep_ in ("attr", "pobj", "prep") and t.head.i != t.i:
        t = t.head
    if t.lemma_ != "be":
        return None
    return next((c for c in t.children if c.dep_ == "nsubj" and animate(c)), None)


def beyond_semicolon(cue: Any, clause: Any) -> bool:
    """A clause the parser hung on the cue across a semicolon ("X has indicated that ...; the
    department has indicated that ..."): another sentence in all but the full stop. So is one
    before the cue across a colon ("The worries are sharpened by the calendar: the winner would
    assume office in May" reports no worries; after the cue a colon opens what is said)."""
    sub = [t.i for t in clause.subtree]
    lo, hi = (max(sub), cue.i) if max(sub) < cue.i else (cue.i, min(sub))
    if max(sub) < cue.i and cue.i >= 2 and cue.doc[cue.i - 1].lower_ == "then" and cue.doc[cue.i - 2].text == ",":
        return True  # ("X offered him a job, then says ...": X's first act, not what X says)
    stops = (";", ":") if max(sub) < cue.i else (";",)
    # (nor is one after a second verb of saying: '"A," X said, adding later, "B."' quotes twice)
    return any(t.text in stops for t in cue.doc[lo + 1:hi]) or any(
        c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.lemma_.lower() in QUOTE_CUES and cue.i < c.i < min(sub) for c in cue.children)


def purpose_infinitive(cue: Any) -> Any | None:
    """An infinitive after the cue's object that says why, not what ("announced his candidacy to
    ask if ...", "released a video to rally supporters"), for cues that do not tell someone to do
    something; None otherwise."""
    if cue.lemma_.lower() in TOLD_TO:
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None:
        return None
    return next((c for c in cue.children if c.dep_ in ("xcomp", "advcl") and c.i > obj.i
                 and any(a.tag_ == "TO" for a in c.children)), None)


def set_off(cue: Any, subj: Any) -> bool:
    """A cue and its subject set off by commas inside the sentence it reports (", he said,"):
    a comma right before the subject and right after the cue's last word, and words after it."""
    doc = cue.doc
    first, last = subj.left_edge.i, max(t.i for t in cue.subtree if not t.is_punct)
    return (first > cue.sent.start and doc[first - 1].text == "," and last + 2 < cue.sent.end
            and doc[last + 1].text == "," and not doc[last + 2].is_punct)


def role_read_as_verb(tok: Any) -> bool:
    """A role noun the tagger read as the verb of a clause: a noun, or a base-form "verb" after a
    person's name and an apposition ("X, a Hollywood, Fla., rabbi helping to ...": no third person
    says "rabbi")."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return tok.pos_ == "NOUN" or tok.tag_ == "VBP" and tok.pos_ == "VERB" and subj is not None and subj.ent_type_ == "PERSON" \
        and tok.doc[tok.i - 1].text == "," and any(c.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
                                                  for c in subj.children)  # (an apposition "a ..." left open: "are" stays a verb)


def answer_word(cue: Any) -> Any | None:
    """The "no" or "yes" right after a verb of saying or answering ("said no"), or None."""
    if cue.lemma_.lower() not in ("say", "answer", "reply"):
        return None
    return next((c for c in cue.children if c.lower_ in ("no", "yes") and c.dep_ in ("intj", "dobj", "npadvmod", "advmod")
                 and c.i == cue.i + 1), None)


def clause_read_as_quotation(verb: Any) -> Any | None:
    """The subject of a clause the parser took for a quotation said with ``verb`` because a quoted
    word ends it ('The mayor summed the plan up as “reckless,” criticised its cost and said ...':
    "criticised" read as the cue of "The mayor summed ... reckless"): ``verb`` has no subject of its
    own, no quotation mark opens the clause, and one stands between its subject and ``verb``."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None) if clause is not None else None
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON") or subj.lower_ in ("it", "this", "that"):
        return None
    doc = verb.doc
    if any(t.is_quote for t in doc[verb.sent.start:subj.left_edge.i]) or not any(t.is_quote for t in doc[subj.i:verb.i]):
        return None
    return subj


# Verbs whose object does what a participle after it says ("left 62 percent of voters saying", "found
# most residents expecting", "has voters saying").
_OBJECT_ACTS = frozenset("leave have find see hear keep show get catch".split())


def object_acting(cue: Any) -> Any | None:
    """The object of a verb of leaving, finding or seeing that a participle right after it is said of
    ("The attacks have left 62 percent of voters saying race relations are worse": the voters say
    it), when it is someone; None otherwise."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp", "ccomp", "oprd") or cue.head.lemma_.lower() not in _OBJECT_ACTS:
        return None
    obj = next((c for c in cue.head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == cue.i), None)
    return obj if obj is not None and animate(obj) else None


def said_conjuncts(clause: Any, cue: Any) -> list[Any]:
    """Clauses coordinated with what a cue reports that belong to it: all of them when the report
    comes before its cue ('A, but B, said X'), else those joined without a comma ('said he would
    cut taxes and his plan is costed'); a clause after ', and' may be the article's own."""
    out: list[Any] = []
    for v in clause.children:
        if v.dep_ != "conj" or v.pos_ not in ("VERB", "AUX") or v.i < clause.i or v.tag_ == "VBG" == cue.tag_ and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in v.children):
            continue  # ("saying he would not X and suggesting Y": the second participle is the cue's partner)
        cc = [t for t in clause.children if t.dep_ == "cc" and clause.i < t.i < v.i]
        start = cc[0].i if cc else v.left_edge.i
        if clause.i < cue.i or clause.doc[start - 1].text != ",":
            out += cc + list(v.subtree)
    return sorted(out, key=lambda t: t.i)


def with_stray_tail(cue: Any, subj: Any | None, toks: list[Any]) -> list[Any]:
    """What a cue reports with the words after it the parser hung on its subject, when they follow
    it with only punctuation between ("including X, alleged cyberattacks ... and Y": the rest of a
    list; "endorsed X on Thursday, another example of Y": an apposition to the whole clause)."""
    stray = [t for t in subj.subtree if t.i > cue.i] if subj is not None and toks and subj.i < cue.i < toks[0].i else []
    if stray and stray[0].i > toks[-1].i and all(t.is_punct for t in cue.doc[toks[-1].i + 1:stray[0].i]):
        return list(cue.doc[toks[0].i:stray[-1].i + 1])
    return toks


def first_to(t: Any) -> Any | None:
    """The copula of "X was the first (the only one, one of the last) to report that ...": whoever
    it is said of did the reporting; None for any other shape."""
    if t.dep_ not in ("relcl", "acl") or not any(c.tag_ == "TO" for c in t.children):
        return None
    noun = t.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head  # "was one of the first to say"
    if noun.lower_ not in ("first", "last", "only", "one") or noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    return noun.head


def title_case_rest(cue: Any, toks: list[Any]) -> list[Any]:
    """What a headline in title case reports after its verb, which the parser cannot read as a
    clause ("Senator Says Plan Would Fail Without Funds"): the rest of the line, when the line is
    a headline (nearly every word capitalised), the verb is one of saying with a name before it,
    and at least two words follow; else nothing."""
    if not cue.text[:1].isupper() or lexicons().cue_kind.get(cue.lemma_.lower()) not in ("statement", "denial", "allegation", "estimate"):
        return []
    if not title_case([t for t in toks if t.is_alpha]) or "\n" in cue.doc[toks[0].i:cue.i].text:
        return []
    if not any(c.dep_ == "nsubj" and c.i < cue.i and (c.ent_type_ in ("PERSON", "ORG", "NORP") or c.pos_ == "PROPN") for c in cue.children):
        return []
    rest = [t for t in toks if t.i > cue.i and not t.is_space]
    while rest and rest[-1].is_punct and not rest[-1].is_quote:
        rest.pop()
    return rest if sum(t.is_alpha for t in rest) >= 2 else []


# Verbs that take a clause in the subjunctive ("demanded X be removed", "asked that she resign").
_MANDATIVE = frozenset("demand insist ask propose recommend urge request require suggest order".split())


def with_subjunctive(cue: Any, toks: list[Any]) -> list[Any]:
    """What a verb of demanding reports when the parser took the subject of its subjunctive clause
    for its object and hung the clause's verb elsewhere ("demanded $90 million in grants be
    cut from the bill": not "demanded $90 million in grants"): the object through the end
    of the verb's phrase. ``toks`` unchanged otherwise."""
    if cue.lemma_.lower() not in _MANDATIVE or not toks or toks[-1].i + 1 >= len(cue.doc):
        return toks
    nxt = cue.doc[toks[-1].i + 1]
    if nxt.tag_ != "VB" or any(t.i == nxt.i for t in cue.subtree):
        return toks
    verb = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
    if verb.i < nxt.i or verb.right_edge.i <= verb.i:
        return toks
    return [t for t in cue.doc[toks[0].i:verb.right_edge.i + 1] if not t.is_space]


def fronted_fragment(cue: Any) -> list[Any]:
    """'People like the senator, he said.': a verbless phrase set off before the subject of a cue
    that reports nothing else (the parser takes it for a second subject); [] otherwise."""
    subjs = [c for c in cue.children if c.dep_ in ("nsubj", "dep", "npadvmod") and c.i < cue.i]
    if len(subjs) != 2 or subjs[1].dep_ != "nsubj" or cue.dep_ != "ROOT" or any(c.i > cue.i and not c.is_punct for c in cue.children):
        return []
    frag, subj = subjs
    if cue.doc[subj.left_edge.i - 1].text != "," or any(t.pos_ in ("VERB", "AUX") for t in frag.subtree):
        return []
    return [t for t in frag.subtree]


def in_subject(subj: Any | None, cue: Any, offset: int) -> bool:
    """Whether ``offset`` lies in the subject before the cue (a nickname in quotation marks: 'his
    niece, Marcia "Cia" Price, shouted' quotes no words she said)."""
    return subj is not None and subj.i < cue.i and subj.left_edge.idx <= offset < subj.right_edge.idx + len(subj.right_edge)


def without_gloss(toks: list[Any]) -> list[Any]:
    """The words a cue reports without the article's gloss set off by a dash after a quotation
    ('dismissed it as "a backwater" -- a metaphor for ...', 'called it "a disaster" -- a rare
    rebuke'): a phrase with no verb of its own that describes what was said."""
    for k, t in enumerate(toks[1:-1], 1):
        if (t.text in ("--", "\u2014", "\u2013") and toks[k - 1].is_quote and toks[k + 1].tag_ == "DT"
                and not any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in toks[k + 1:])):
            return toks[:k]
    return toks


# Verbs of a report set against another ("..., while Y argued that B"), besides those of QUOTE_CUES.
_CONTRAST_CUES = frozenset("argue insist claim suggest contend counter maintain warn note".split())


def contrasted_report(clause: Any) -> set[int]:
    """The report set against a reported clause at its end ("X suggested that A, while Y said that
    B"): Y's, not X's; its tokens (the comma before it too), to leave out of X's content."""
    out: set[int] = set()
    for c in clause.children:
        if c.dep_ == "advcl" and c.i > clause.i and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in c.children) and any(
                s.dep_ == "nsubj" and s.pos_ in ("PROPN", "NOUN") for s in c.children) and (c.lemma_.lower() in QUOTE_CUES | _CONTRAST_CUES or (
                c.lemma_.lower() in lexicons().cue_kind and any(x.dep_ == "ccomp" for x in c.children))):  # ("while Democrats charge it would ...")
            out |= {t.i for t in c.subtree}
            if c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ",":
                out.add(c.left_edge.i - 1)
    return out
