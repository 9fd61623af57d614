"""The person a he or she points to by the shape of its sentence, before any look back over the
article: the subject of a main clause a fronted clause's pronoun anticipates ("After he lost the
vote, Senator Ann Doe said ..."), the topic a sentence opens on ("As for Trump, he said ..."), and
the subject of a clause that leads into a quotation with a colon ('Mosman saw it differently: "...,"
he said')."""

from __future__ import annotations

import re

from ._analysis import Analysis, Mention
from ._nlp import token_ending_in, tokens_in
from ._persons import PRONOUN_GENDER, mention_gender, named_people

__all__ = ["cataphor", "colon_lead"]


def cataphor(analysis: Analysis, pronoun: str, offset: int) -> Mention | None:
    """The person a he/she opening a fronted clause points ahead to: the subject of the main
    clause, named in full ("After he lost the vote, Senator Ann Doe said ..."; "When she
    arrived, Ann Doe ..."). Only the clause that opens the sentence, and only a full name; or the
    person a sentence opens on as its topic ("As for Trump, he said ...")."""
    gender = PRONOUN_GENDER.get(pronoun)
    tok = token_ending_in(analysis.doc, offset + len(pronoun))
    if gender is None or tok is None or tok.idx != offset or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause, s0 = tok.head, analysis.sentences[analysis.sentence_of(offset)][0]
    topic = re.match(r"(?:As for|As to)\s+([^,]{2,60}),\s*$", analysis.text[s0:offset])
    if topic is not None:  # "As for Trump, he said he's not worried": the person the sentence is about
        at = s0 + topic.start(1)
        return next((m for a, b, m in named_people(analysis) if a <= at < b and at + len(topic.group(1)) <= b + 1
                     and mention_gender(analysis, m) in (None, gender)), None)
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    if clause.dep_ != "advcl" or clause.i > clause.head.i or mark is None or mark.idx != s0 or tok.i != mark.i + 1:
        return None  # not "<After/When/As> he ..." opening the sentence, before its main clause
    main = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
    for a, b, m in named_people(analysis) if main is not None else ():
        if a <= main.idx < b and len(m.name.split()) > 1 and mention_gender(analysis, m) in (None, gender):
            return m
    return None


def colon_lead(analysis: Analysis, pronoun: str, offset: int) -> Mention | None:
    """'Mosman saw Santilli's words differently: "When he says ..., I don't ...," he said.': the
    speaker of a quotation a colon leads into is the subject of the clause before the colon, when
    that subject is a person named in full or by surname, of the pronoun's gender, and the pronoun is
    the subject of the verb of saying right after the quotation."""
    gender = PRONOUN_GENDER.get(pronoun)
    tok = token_ending_in(analysis.doc, offset + len(pronoun))
    if gender is None or tok is None or tok.idx != offset or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in ("say", "add", "tell"):
        return None
    s0 = analysis.sentences[analysis.sentence_of(offset)][0]
    q = next(((a, b) for a, b in analysis.quotes if s0 < a and b <= offset), None)
    colon = next((t for t in reversed(tokens_in(analysis.doc, s0, q[0])) if t.text == ":"), None) if q is not None else None
    if colon is None or analysis.text[colon.idx + 1:q[0]].strip() or analysis.text[q[1]:offset].strip(" ,"):
        return None  # (the colon right before the quotation, and the pronoun right after it)
    subj = next((t for t in tokens_in(analysis.doc, s0, colon.idx) if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX")
                 and t.i < t.head.i < colon.i), None)  # (the parser may hang the colon on the quotation's verb)
    if subj is None or analysis.in_quote(subj.idx, subj.idx + 1):
        return None
    return next((m for a, b, m in named_people(analysis) if a <= subj.idx < b and mention_gender(analysis, m) in (None, gender)), None)
