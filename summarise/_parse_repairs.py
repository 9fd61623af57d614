"""Dependency repairs made on the parse itself, right after the parser, where the small English
model reads a sentence of news in a way no rule downstream could undo: every consumer (frames,
sources, the well-formed check) then sees the repaired tree. Each repair is narrow: it needs the
word order that rules out the parser's reading.
"""

from __future__ import annotations

from typing import Any

from ._tag_repairs import cue_form, cue_read_as_noun, noun_read_verb, relative_cue_read_as_noun, title_case_verb

__all__ = ["repair_heads"]


def repair_heads(doc: Any) -> Any:
    """The spaCy component: each repair in turn."""
    for tok in doc:
        _inverted_aside(tok)
        _name_before_date(tok)
        noun_read_verb(tok)
        _worker_at_firm(tok)
        _trailing_subject(tok)
        _compound_subject(tok)
        _coordinated_participle(tok)
        _participle_root(tok)
        title_case_verb(tok)
        cue_read_as_noun(tok)
        _clause_read_as_phrase(tok)
        _relative_read_as_conj(tok)
        _stray_possessive(tok)
        _name_particle(tok)
        _report_before_colon(tok)
        relative_cue_read_as_noun(tok)
        _stance_adjective(tok)
        _parenthetical_report(tok)
    return doc


# Words of a day that a sentence's verb can take as its time ("endorsed Cruz Wednesday"); the named
# entities are not tagged yet when the repairs run.
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())


def _name_before_date(tok: Any) -> None:
    """"Bush endorsed Cruz Wednesday": the parser can read the name as a modifier of the day after it,
    leaving the verb without its object. A name that modifies a date hung on a verb with no object is
    the verb's object."""
    date, verb = tok.head, tok.head.head
    if (tok.dep_ == "compound" and tok.pos_ == "PROPN" and date.lower_ in _DAYS and tok.lower_ not in _DAYS
            and date.dep_ in ("npadvmod", "tmod") and verb.pos_ == "VERB" and date.i == tok.i + 1
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)):
        for c in list(tok.doc[tok.left_edge.i:tok.i]):
            if c.head.i == date.i:
                c.head = tok  # ("Jeb Bush": the first name goes with it)
        tok.head, tok.dep_ = verb, "dobj"


# Verbs of reporting, as written, that can close the sentence they report ("..., records showed.").
_TRAILING_REPORTS = frozenset("said says revealed reveals showed shows found finds reported reports indicated indicates "
                              "suggested suggests concluded concludes confirmed confirms".split())


def _trailing_subject(tok: Any) -> None:
    """"X are helping pay for efforts to wound Y, disclosures filed on Sunday revealed.": the parser
    can hang the noun phrase after the last comma inside the reported clause (here the object of
    "wound"), leaving the verb that closes the sentence without a subject. A phrase with one head
    noun between that comma and a closing verb of reporting that has none is its subject."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or tok.lower_ not in _TRAILING_REPORTS or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children) \
            or not any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children) or not all(t.is_punct or t.is_space for t in doc[tok.i + 1:tok.sent.end]):
        return
    comma = next((k for k in range(tok.i - 1, tok.sent.start, -1) if doc[k].text == ","), None)
    if comma is None or comma + 1 >= tok.i:
        return
    phrase = doc[comma + 1:tok.i]
    heads = [t for t in phrase if not comma < t.head.i < tok.i or t.head.i == t.i]
    noun = heads[0] if heads else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.head.i >= comma or any(t.dep_ != "prep" for t in heads[1:]):
        return
    for p in heads[1:]:
        p.head = noun  # ("researcher Ann Lee at the firm Acme said": where she works is hers)
    before = [c for c in noun.children if c.i < comma]  # ("to wound the front-runner, disclosures": the object stays)
    if before:
        obj = max(before, key=lambda c: len(list(c.subtree)))
        for c in before:
            c.head = obj if c.i != obj.i else noun.head
        obj.dep_ = noun.dep_
    noun.head, noun.dep_ = tok, "nsubj"


def _worker_at_firm(tok: Any) -> None:
    """"..., researcher Tom Berg at security firm Grey Matter said.": the parser can make the firm's
    name the closing verb's subject and hang the person in the clause before; the person set off by
    the comma is the subject, where they work their phrase."""
    doc = tok.doc
    subj = max((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), key=lambda c: c.i, default=None)  # (the nearest, of two)
    if tok.dep_ != "ROOT" or tok.lower_ not in _TRAILING_REPORTS or subj is None or subj.pos_ != "PROPN" or subj.left_edge.i < 4:
        return
    k = subj.left_edge.i - 1
    while k > 0 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET") and doc[k].lower_ not in ("at", "of", "with", "from"):
        k -= 1  # (back over the firm's own words, "security firm", "cybersecurity firm Recorded")
    prep, person = doc[k], doc[k - 1]
    if prep.lower_ not in ("at", "of", "with", "from") or person.pos_ != "PROPN" or person.head.i > tok.i:
        return
    start = person.i
    while start > 0 and doc[start - 1].pos_ in ("PROPN", "NOUN") and doc[start - 1].text != ",":
        start -= 1
    if doc[start - 1].text != "," or any(t.text == "," for t in doc[person.i:subj.i]):
        return
    if any(t.i == tok.i for t in person.subtree) or any(t.i == prep.i for t in subj.subtree) or (
            prep.head.i != person.i and any(t.i == person.i for t in prep.subtree)):
        return  # (no head may come to hang below itself)
    person.head, person.dep_ = tok, "nsubj"
    prep.head = person
    subj.head, subj.dep_ = prep, "pobj"


def _compound_subject(tok: Any) -> None:
    """"Scott bristles at the suggestion ...": the parser can hang a name on the verb after it as a
    "compound", a relation only a noun has; a name right before a finite verb that has no subject is
    its subject (so a pronoun later in the sentence can stand for it)."""
    verb = tok.head
    if (tok.dep_ == "compound" and tok.pos_ == "PROPN" and verb.i == tok.i + 1 and verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBD", "VBP")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)):
        tok.dep_ = "nsubj"


# Verbs of saying that can be set off inside the clause they report ("X won, her advisers said, because ..."),
# as written (the lemmatizer runs after this component).
_SET_OFF_SAY = frozenset("said says told tells added adds noted notes wrote writes reported reports argued argues insisted insists "
                         "claimed claims explained explains acknowledged acknowledges conceded concedes".split())


def _parenthetical_report(tok: Any) -> None:
    """"She was not surprised that the campaign won, her advisers said Friday, because she ...": the
    parser takes "that" for the mark of "said" and the clause before it for its object, so "her advisers
    said the campaign won" and the sentence's own clause loses its "that" clause. A verb of saying
    whose subject is set off by a comma after its own "that ..." clause is set off inside that
    clause's sentence: the clause goes back to the word before "that", and the report stands aside
    (parataxis) with what follows it belonging to the sentence."""
    if tok.dep_ != "ccomp" or tok.lower_ not in _SET_OFF_SAY or tok.head.i > tok.i:
        return
    mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < tok.i), None)
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and mark is not None and mark.i < c.i < tok.i), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and clause is not None and clause.i < c.i < tok.i), None)
    if subj is None or subj.left_edge.i < 1 or tok.doc[subj.left_edge.i - 1].text != ",":
        return
    head, root = tok.head, tok.sent.root
    clause.head, mark.head = head, clause
    for c in list(tok.children):
        if c.i > tok.i and c.dep_ == "advcl":
            c.head = head  # ("..., because she ...": the sentence's reason, not the advisers')
    tok.head, tok.dep_ = root, "parataxis"


def _inverted_aside(tok: Any) -> None:
    """"The budget, said Mayor Ann Lee, will be balanced by spring.": the parser gives the cue the
    clause's subject before it, the speaker after it (or the speaker to the clause), so the budget
    "said" it. An inverted cue set off by commas right after a subject is an aside in that subject's
    clause (as in "The budget, she said, will be ..."): the clause is the root, its subject back, the
    speaker the cue's, the cue beside the clause."""
    doc = tok.doc
    if tok.lower_ not in _SET_OFF_SAY or tok.i < 2 or doc[tok.i - 1].text != ",":
        return
    before = next((c for c in tok.children if c.dep_ == "nsubj" and c.right_edge.i == tok.i - 2), None)
    clause = tok.head if tok.dep_ == "parataxis" and tok.head.i > tok.i else (
        next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None) if tok.dep_ == "ROOT" else None)
    if before is None or clause is None:
        return
    after = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i), None) or next(
        (c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1), None)  # (the speaker read as the clause's)
    comma = after.right_edge.i if after is not None and doc[after.right_edge.i].text == "," else (after.right_edge.i + 1 if after is not None else 0)
    if after is None or comma >= clause.i or doc[comma].text != ",":
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != after.i for c in clause.children):
        return
    after.head, after.dep_ = tok, "nsubj"
    before.head, before.dep_ = clause, ("nsubjpass" if any(c.dep_ == "auxpass" for c in clause.children) else "nsubj")
    if tok.dep_ == "ROOT":
        for c in list(tok.children):
            if c.i > after.right_edge.i or c.i < before.left_edge.i:
                c.head = clause  # (the sentence's own words: its full stop, a conjunction before it)
        clause.head, clause.dep_ = clause, "ROOT"
        tok.head, tok.dep_ = clause, "parataxis"


# Adjectives of a stance that take a clause ("X is skeptical (that) Y can win").
_CLAUSE_ADJECTIVES = frozenset("confident sure certain convinced optimistic pessimistic hopeful doubtful skeptical sceptical "
                               "aware worried concerned afraid adamant unaware".split())


def _stance_adjective(tok: Any) -> None:
    """"X is skeptical Trump can win": the parser reads the adjective as a modifier of the name
    after it ("skeptical Trump"), the subject of a clause it hangs on "is". An adjective of a stance
    right after the copula, first word of the subject of the copula's clause, is the copula's
    complement, and the clause is its own."""
    if tok.lower_ not in _CLAUSE_ADJECTIVES or tok.dep_ != "amod" or tok.i == 0:
        return
    noun, cop = tok.head, tok.doc[tok.i - 1]
    clause = noun.head
    if cop.lower_ not in ("is", "are", "was", "were", "be", "been", "am") or noun.dep_ != "nsubj" or noun.left_edge.i != tok.i or clause.dep_ != "ccomp" or clause.head.i != cop.i:
        return
    tok.head, tok.dep_ = cop, "acomp"
    clause.head = tok


# Prepositions that also open a clause ("since she arrived"), which the parser can read as taking only
# the noun after them ("since Clinton, at the debate, cited ...").
_CLAUSE_PREPOSITIONS = frozenset("since after before until till".split())


def _clause_read_as_phrase(tok: Any) -> None:
    """"X has been targeting Y since Clinton, at Monday's debate, cited comments X had made": the
    parser reads "since Clinton" as a phrase and "cited" as a second verb of X's, joined with no
    conjunction, so X "cited" them. A finite verb joined to the main verb with no conjunction and no
    subject of its own, after a preposition that opens clauses whose object is a name or a noun
    followed only by a set-off phrase, is the verb of that preposition's clause, the noun its subject."""
    main = tok.head
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ") or main.i > tok.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "cc") for c in tok.children):
        return
    preps = [c for c in main.children if main.i < c.i < tok.i and c.dep_ == "prep"]
    if any(c.dep_ == "cc" and main.i < c.i < tok.i for c in main.children) or not preps or preps[0].lower_ not in _CLAUSE_PREPOSITIONS:
        return
    mark = preps[0]
    noun = next((c for c in mark.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")), None)
    if noun is None or mark.right_edge.i + 1 >= tok.i or tok.doc[mark.right_edge.i + 1].text != "," or tok.doc[tok.i - 1].text != ",":
        return
    if any(not (t.is_punct or t.head.i in {p.i for p in preps[1:]} or any(t.i in {x.i for x in p.subtree} for p in preps[1:]))
           for t in tok.doc[mark.right_edge.i + 1:tok.i]):
        return  # (only a phrase set off by commas between the noun and the verb)
    for p in preps[1:]:
        p.head = tok  # ("at Monday's debate": when she cited them)
    for t in tok.doc[mark.right_edge.i + 1:tok.i]:
        if t.is_punct and t.head.i == main.i:
            t.head = tok
    noun.head, noun.dep_ = tok, "nsubj"
    mark.head, mark.dep_ = tok, "mark"
    tok.dep_ = "advcl"


def _relative_read_as_conj(tok: Any) -> None:
    """"The mayor wants to spend the 40 percent she says she saved on parks": the parser can read a
    relative clause with no relative word as a second main clause, joined with no conjunction and no
    comma. A verb so joined whose subject follows a noun of the first clause right away is a relative
    clause on that noun."""
    head, subj = tok.head, next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP") or head.i > tok.i or subj is None or subj.left_edge.i < 1:
        return
    noun = tok.doc[subj.left_edge.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN", "NUM") or noun.i <= head.i or noun.head.i < head.i or not any(a.i == head.i for a in noun.ancestors):
        return
    if any(c.dep_ == "cc" and head.i < c.i < tok.i for c in head.children) or any(t.is_punct for t in tok.doc[head.i:tok.i]):
        return
    tok.head, tok.dep_ = noun, "relcl"


# Lower-case particles of a surname ("dos Santos", "van Hollen", "de la Cruz").
NAME_PARTICLES = frozenset("de da das do dos del della di du la le van von der den ter bin ibn al el".split())


def _name_particle(tok: Any) -> None:
    """"..., dos Santos says.": the tagger can read a surname's particle as a word of its own (an
    auxiliary, a determiner), so the name loses it. A particle written in lower case right before
    a capitalised name, after no article, is part of that name."""
    name = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.text not in NAME_PARTICLES or name is None or name.pos_ != "PROPN" or not name.text[:1].isupper() or tok.head.i == name.i \
            or tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("a", "an", "the") or any(c for c in tok.children):
        return
    tok.head, tok.dep_, tok.pos_, tok.tag_ = name, "compound", "PROPN", "NNP"


def _report_before_colon(tok: Any) -> None:
    """"X argued that his client was joking: His words were the rants of an entertainer.": the parser
    can make the clause after the colon the sentence's root and the report before it that clause's
    complement, so what X argued ends at the colon and the rest is the article's. A verb of saying
    with its own subject, ending before a colon after which the root's clause begins, is the root,
    and the clause after the colon goes on with what it reports."""
    report = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i and c.pos_ == "VERB" and cue_form(c.lower_)
                   and any(x.dep_ == "nsubj" and x.i < c.i for x in c.children)), None)
    if tok.dep_ != "ROOT" or report is None or report.left_edge.i != tok.sent.start or cue_form(tok.lower_):
        return  # (not '..., because it pays: He said he raised ...': a report of its own after the colon)
    colon = tok.doc[report.right_edge.i + 1] if report.right_edge.i + 1 < len(tok.doc) else None
    if colon is None or colon.text != ":" or colon.head.i != tok.i or tok.left_edge.i != report.left_edge.i \
            or min(c.left_edge.i for c in tok.children if c.i > colon.i) != colon.i + 1:
        return
    report.head, report.dep_ = report, "ROOT"
    for c in list(tok.children):
        if c.i > tok.i and c.is_punct:
            c.head = report  # (the full stop)
    colon.head = report
    tok.head, tok.dep_ = report, "ccomp"


def _stray_possessive(tok: Any) -> None:
    """"as examples of the Republican nominee's disrespect for women": the parser can hang the "'s"
    and the noun after it on the verb, so the phrase ends at "nominee" and a claim cut there reads
    whole. A possessive ending right after a noun, not hung on it, marks that noun as the owner of the
    word after it, which takes the owner's place in the sentence."""
    owner = tok.doc[tok.i - 1] if tok.i > 0 else None
    owned = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.tag_ != "POS" or tok.dep_ == "case" or owner is None or owned is None or owner.pos_ not in ("NOUN", "PROPN") \
            or owned.pos_ not in ("NOUN", "ADJ", "PROPN") or owner.head.i == owned.i or owner.dep_ == "ROOT" \
            or any(t.i == owner.head.i for t in owned.subtree) or owned.head.i != tok.head.i:  # (both hung on the same verb)
        return
    owned.head, owned.dep_ = owner.head, owner.dep_
    owner.head, owner.dep_ = owned, "poss"
    tok.head, tok.dep_ = owner, "case"
    if owned.pos_ == "ADJ":
        owned.pos_, owned.tag_ = "NOUN", "NN"


def _participle_root(tok: Any) -> None:
    """'Speaker X, the party's leader, on Tuesday called Y's remarks "racist," an extraordinary
    indictment': the parser makes the name the sentence's root and "called" a reduced relative
    clause on it, leaving the sentence without a verb. A participle with an object of its own on
    a name that is its sentence's root, with no relative word and no other verb the name could be
    the subject of, is the sentence's verb in the past tense, and the name its subject."""
    name = tok.head
    if tok.dep_ not in ("relcl", "acl") or tok.tag_ != "VBN" or name.dep_ != "ROOT" or name.pos_ != "PROPN" or tok.i < name.i:
        return
    if not any(c.dep_ in ("dobj", "oprd") and c.i > tok.i for c in tok.children) or any(
            c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in tok.children):
        return  # ("X, who has called ...", "X, called 'the conscience of the party'": a description)
    if any(c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX") and c.i != tok.i for c in name.children):
        return
    if tok.left_edge.i == 0 or tok.doc[tok.left_edge.i - 1].text != ",":
        return  # (the verb's phrase opens after the name's apposition and its comma)
    tok.head = tok
    tok.dep_, tok.tag_ = "ROOT", "VBD"
    name.head = tok
    name.dep_ = "nsubj"


def _coordinated_participle(tok: Any) -> None:
    """'X, the speaker, called Y's remarks "racist," but said he would vote for him': the parser
    reads "called" as a participle on X ("X, called ...") and the clause it opens as part of the
    subject. A participle with an object of its own, followed by a comma and "but" or "and" before
    its subject's verb, is that verb's coordinate, not a description of the subject: a participle
    describing the subject is never joined to the verb by a conjunction."""
    subj = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or subj.dep_ not in ("nsubj", "nsubjpass") or tok.i < subj.i:
        return
    verb = subj.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
        return
    if not any(c.dep_ in ("dobj", "oprd", "ccomp") and c.i > tok.i for c in tok.children):
        return
    end = max(t.i for t in tok.subtree)
    between = [t for t in tok.doc[end + 1:verb.i] if not t.is_space]
    words = [t for t in between if not (t.is_punct or t.is_quote)]
    if not words or words[0].dep_ != "cc" or words[0].lower_ not in ("but", "and") or any(
            t.dep_ not in ("cc", "advmod", "neg") for t in words[1:]) or not any(t.text == "," for t in between):
        return
    tok.head = verb
    tok.dep_, tok.tag_ = "conj", "VBD"
    words[0].head = verb
