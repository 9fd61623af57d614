"""What kind of claim an attributed content is: the cue's own kind (a verb of saying, judging,
estimating, denying), refined by the content (a hedge or a range makes an estimate, a charge of
wrongdoing an allegation, a whole quotation of a view an opinion). :mod:`._cues` says what is a cue.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ._clause_shapes import answer_word
from ._cues import ADJECTIVE_CUES, AS_CUES, QUOTE_CUES, animate, is_document, values_at
from ._nlp import doc_text, lexicons
from ._quotes import open_quote_before

__all__ = ["cue_kind", "cue_kind_of_text"]


def cue_kind(cue: Any, content_text: str) -> str:
    lex = lexicons()
    lemma = cue.lemma_.lower()
    if values_at(cue):
        return "estimate"
    if getattr(answer_word(cue), "lower_", None) == "no":
        return "denial"  # "Asked if ..., she said no"
    if lemma in AS_CUES or lemma == "question":
        return "opinion"
    active = cue.pos_ == "VERB" and any(c.dep_ in ("dobj", "dative") for c in cue.children) and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)  # "encouraged residents to", not "is convinced"
    kind = (None if active else ADJECTIVE_CUES.get(cue.lower_) or ADJECTIVE_CUES.get(lemma)) or lex.cue_kind.get(lemma, "statement")
    if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children) for c in cue.children):
        kind = "statement"  # "called for X (to be raised)": a demand, not a judgement
    if lemma == "call" and kind == "opinion" and _calls_on(cue):
        kind = "statement"  # "called on the minister to resign": a demand, not a judgement
    if lemma == "blame" and cue.pos_ == "VERB":
        # "blamed the council for the delay", "blamed the losses on the board": an accusation of
        # someone; "blamed the decline on a tough market" (a cause, no one's wrongdoing): a judgement
        objects = [c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")]
        targets = objects + [p for c in (cue, *objects) for c2 in c.children if c2.dep_ == "prep" and c2.lower_ == "on"
                             for p in c2.children if p.dep_ == "pobj"]
        return "allegation" if any(animate(t) for t in targets) or not targets else "opinion"
    if lemma == "call" and kind == "opinion" and any(
            c.dep_ in ("oprd", "xcomp", "attr") and (c.pos_ == "PROPN" or any(x.dep_ == "compound" and x.pos_ == "PROPN" for x in c.children))
            for c in cue.children):
        return "statement"  # "what it calls the Helix cell": a name, not a judgement
    if kind == "denial" and _characterises(cue):
        # "dismissed the protesters as a noisy minority", "rejected the plan as unworkable": a
        # judgement of someone or something, not a denial of a claim ("dismissed the claim as
        # baseless" stays one); a charge of wrongdoing in it makes it an allegation
        return "allegation" if lex.accusation_pattern().search(content_text) else "opinion"
    head = cue.head
    if (cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj") and head.i != cue.i and head.pos_ == "VERB"
            and lex.cue_kind.get(head.lemma_.lower()) in ("denial", "allegation") and not _characterises(head)
            and not _refuses_to_act(head)):
        # "X denied the accusation, saying ...", "accused the board, saying ...": what the
        # participle reports is the denial's (or the accusation's) reason, of its kind
        return lex.cue_kind[head.lemma_.lower()]
    if lemma in ("warn", "caution") and kind == "statement" and _MODAL.search(content_text) and not lex.accusation_pattern().search(content_text):
        return "estimate"  # "warned that delays could last for weeks": a prediction of a risk
    before = kind
    kind = cue_kind_of_text(content_text, kind, judging=_judges(cue, content_text), denying=not _acts(cue))
    if kind in ("statement", "estimate") and before in ("statement", "estimate") and _quoted_judgement(cue, content_text):
        # 'said the 30 percent figure was "meaningless"': a judgement in the source's own quoted
        # words is their view, whatever figure or hedge comes with it
        kind = "opinion"
    if kind == "allegation" and before == "statement" and _court(cue):
        kind = "statement"  # "the judge concluded that the program is unlawful": a ruling, not an accusation
    if kind == "allegation" and before == "statement" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _MEASURES for c in cue.children):
        kind = "statement"  # "a poll shows voters have abandoned the party": a measure of opinion accuses no one
    if kind == "statement" and lemma in QUOTE_CUES and _quoted_view(cue, content_text):
        kind = "opinion"
    return kind


# Measures of opinion, which report what people say or do and accuse no one.
_MEASURES = frozenset("poll polls polling survey surveys census tally count".split())
# Who rules rather than accuses: a finding of wrongdoing by one is a ruling.
_COURTS = frozenset("judge court jury tribunal justice justices magistrate panel".split())


def _court(cue: Any) -> bool:
    """Whether the cue's subject is a court, a judge or a jury ("Judge X, a district court judge")."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subj is not None and any(t.lemma_.lower() in _COURTS or t.lower_ in _COURTS for t in subj.subtree)


# What makes a quotation a report of something rather than a view: a figure, a plan or an action of
# the speaker's own ("we will ...", "we have launched ..."), a question, an appeal, others' words.
_REPORTING_QUOTE = re.compile(r"\d|\b(?:I|we)\s+(?:will|'ll|are going to|plan|intend|have|had|did|were|was|are|am|'re|'m|would|can|could|need|urge|ask|hope)\b"
                              r"|\b(?:I'll|we'll|I've|we've|I'd|we'd|I'm|we're)\b|\?|\b(?:urge|appeal|please)\b"
                              r"|\b(?:said|says|told|tells)\b"  # a quotation that reports what others said
                              # a practice the quotation opens with ("We do not pay guests ..."), not a view
                              r"|^we\s+(?:do|don't)\b(?!\s+(?:not\s+)?(?:think|believe|feel|like|want|agree|accept|buy|see why|understand why)\b)"
                              r"|\b(?:evidence|proof)\b", re.I)  # what the evidence shows (or that there is none)


def _quoted_view(cue: Any, content_text: str) -> bool:
    """A whole quotation, said in the speaker's own words and reporting no figure, plan or action of
    theirs: news quotes a source's words for a view (and paraphrases facts)."""
    doc = cue.doc
    content_text = content_text.strip(" \u201c\u201d\"'`,")  # the parse may take the marks in
    start = doc_text(doc).find(content_text, max(0, cue.sent.start_char - 2000)) if content_text else -1
    if start <= 0:
        return False
    before = doc_text(doc)[max(0, start - 2):start].strip()
    after = doc_text(doc)[start + len(content_text):start + len(content_text) + 3]
    if not (before.endswith(("\u201c", '"', "''")) and re.match(r"^[,.!?]?\s*[\u201d\"']", after)):
        return False
    speakers = list(cue.children) + (list(cue.head.children) if cue.dep_ in ("advcl", "conj", "xcomp") else [])
    if any(c.dep_ in ("nsubj", "nsubjpass") and is_document(c) for c in speakers):
        return False  # 'The report added, "..."': a document's words are what it reports
    plain = content_text.replace("\u2019", "'")
    return len(content_text.split()) >= 5 and not _REPORTING_QUOTE.search(plain) and not _FIGURE.search(content_text)


def _calls_on(cue: Any) -> bool:
    """"called on X to do Y": someone asked to act ("called on Tuesday for ..." is a date)."""
    on = [p for c in cue.children if c.dep_ == "prep" and c.lower_ == "on"
          for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
    if not on:
        return False
    verbs = [c for t in (cue, *on) for c in t.children if c.dep_ in ("xcomp", "acl", "advcl", "ccomp")]
    return any(c.pos_ in ("VERB", "AUX") and any(a.tag_ == "TO" for a in c.children) for c in verbs)


# Verbs of committing to, or aiming at, an action of one's own: what follows "to" is that action.
_COMMITMENTS = frozenset("promise vow pledge plan intend decide threaten want seek aim hope wish agree".split())


def _acts(cue: Any) -> bool:
    """"vowed to pursue the governor's false claims": an action the source commits to, in which a
    word of falsity is the article's description of what is acted on, not the source denying it."""
    return cue.lemma_.lower() in _COMMITMENTS and any(
        c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in cue.children)


def _refuses_to_act(cue: Any) -> bool:
    return cue.lemma_.lower() in ("refuse", "decline") and any(c.dep_ == "xcomp" for c in cue.children)


def _judges(cue: Any, content_text: str) -> bool:
    """Whether what ``cue`` reports passes a judgement: an evaluative word or idiom in it, in the
    source's own quoted words or as what the content asserts. Not a capitalised word of a name
    ("the Great Recession", "the Fair Housing Act"), nor, outside a quotation, an attributive
    adjective of a noun the content is about ("the reports show a change after Rubio's
    disappointing debate": the writer's word, perhaps, not what the reports show)."""

    lex = lexicons()
    words = re.findall(r"[A-Za-z]+", content_text)
    headline = sum(w[:1].isupper() for w in words) * 2 > len(words)  # "Trump Says He Is Unlikely To Have A Good ..."
    hits = [m for m in lex.evaluative_pattern().finditer(content_text)
            if headline or not (m.start() > 0 and m.group(0)[:1].isupper() and not m.group(0).isupper())]  # "WRONG" is emphasis
    if not hits:
        return False
    doc = cue.doc
    start = doc_text(doc).find(content_text, max(0, cue.sent.start_char - 2000))
    if start < 0:
        return True
    span = doc.char_span(start, start + len(content_text), alignment_mode="expand")
    by_idx = {t.idx: t for t in (span if span is not None else ()) if start <= t.idx < start + len(content_text)}
    for m in hits:
        tok = by_idx.get(start + m.start())
        if (tok is None or " " in m.group(0) or tok.dep_ != "amod" or tok.head.dep_ in ("attr", "acomp", "oprd", "appos", "ROOT")
                or open_quote_before(doc_text(doc), tok.idx, single=True)
                or doc_text(doc)[doc_text(doc).rfind("\n", 0, tok.idx) + 1:tok.idx].count("''") % 2 == 1):  # ''NYT-style''
            return True
    return False


def _quoted_judgement(cue: Any, content_text: str) -> bool:
    """Whether a word of judgement ("meaningless", "a sham") in ``content_text`` stands inside
    quotation marks: the source's own words."""

    hits = list(lexicons().judgement_pattern().finditer(content_text))
    if not hits:
        return False
    text = doc_text(cue.doc)
    start = text.find(content_text, max(0, cue.sent.start_char - 2000))
    if start < 0:
        return False
    lex = lexicons()

    def own(offset: int) -> bool:
        # the source's own words, not a clause on what someone else made of it ("..., which the
        # mayor described as 'a death trap'")
        span = cue.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return False
        for t in span[0].ancestors:
            if t.i == cue.i:
                break
            if t.dep_ in ("relcl", "acl") or t.pos_ == "VERB" and t.lemma_.lower() in lex.cue_kind:
                return False
        return True

    return any(open_quote_before(text, start + m.start(), single=True) and own(start + m.start()) for m in hits)


def _characterises(cue: Any) -> bool:
    """"dismissed X as Y" where X is no claim, report or allegation (someone, a plan, a figure)."""
    lex = lexicons()
    as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if cue.dep_ == "relcl" and obj is None:
        obj = cue.head  # "a figure the union dismissed as scaremongering"
    return as_phrase and obj is not None and obj.lemma_.lower() not in lex.claim_nouns and obj.lower_ not in lex.claim_nouns


def _negated_charge(content_text: str) -> bool:
    """Whether every charge of wrongdoing in ``content_text`` is negated ("never knowingly",
    "did not illegally", "no fraud"): someone saying a wrong was not done denies it."""
    lex = lexicons()
    hits = list(lex.accusation_pattern().finditer(content_text))
    return bool(hits) and all(re.search(r"(?<![\w-])(?:never|not|no|n't|nothing|without)(?:\s+[\w'-]+){0,2}\s*$",
                                        content_text[max(0, m.start() - 40):m.start()], re.I) for m in hits)


@lru_cache(maxsize=2)
def _claim_words(words: frozenset[str]) -> re.Pattern[str]:
    """The claim nouns as whole words, or the verbs they come from ("reported incidents")."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?:s|ed|d)?(?![\w-])", re.I)


_MODAL = re.compile(r"\b(?:could|might|may|would|will)\b(?!\s+not\b|n't)", re.I)
_COULD = re.compile(r"\bcould\b(?!\s+not\b|n't)", re.I)
_FIGURE = re.compile(r"\d|\b(?:once|twice|dozens|hundreds|thousands|millions|billions|trillions|ten|twenty|thirty|forty|fifty|hundred|"
                     r"thousand|million|billion|trillion|half|third|quarter)\b", re.I)
_YEARS = re.compile(r"(?<![\d,.$\u00a3\u20ac])(?:19|20)\d\d(?:s|'s)?(?![\d,.%])(?!\s*(?:percent|per cent|people|votes|jobs|homes))")


def cue_kind_of_text(content_text: str, kind: str = "statement", *, judging: bool | None = None, denying: bool = True) -> str:
    """The kind a cue's own ``kind`` becomes given what it reports: a denial of a claim, an
    accusation, a hedged figure, a judgement. ``denying=False``: the content is an action the
    source takes, and a word of falsity in it denies nothing."""
    lex = lexicons()
    # whole words: "families" holds no "lie", "the people in charge" no charge of anyone
    if denying and kind in ("statement", "opinion") and lex.denial_pattern().search(content_text) and _claim_words(lex.claim_nouns).search(
            re.sub(r"\bin charge\b", "", content_text, flags=re.I)):
        return "denial"
    if kind == "statement" and lex.accusation_pattern().search(content_text):
        if _negated_charge(content_text):
            return "denial"  # "he had never knowingly taken ...", "we did not cover anything up"
        return "allegation"
    if kind == "statement" and lex.hedge_pattern().search(content_text):
        return "estimate"
    if kind == "statement" and _COULD.search(content_text) and _FIGURE.search(_YEARS.sub("", content_text)):
        return "estimate"  # "legalising it could put thousands to work", "could win by more than ten points"
    # a judgement, unless the content gives a figure (a year is no figure: "the 2033 deadline was
    # too late" judges)
    if judging is None:
        judging = lex.evaluative_pattern().search(content_text) is not None
    if kind == "statement" and not re.search(r"\d", _YEARS.sub("", content_text)) and judging:
        return "opinion"
    return kind
