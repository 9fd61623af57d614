"""Who or what can be the source of a report: someone (a person, a body, a group or share of
people) or a document or body of data ("the records show", "a batch of emails shows")."""

from __future__ import annotations

from typing import Any

__all__ = ["animate", "is_document", "named_elsewhere", "someone", "source_tokens", "who_antecedent"]

# Subject words that stand for people or bodies without being a named entity.
# People in general, as a group or in a walk of life (the roles of ``_analysis.ROLE_NOUNS`` aside).
_PEOPLE_NOUNS = frozenset(
    "people person man woman men women citizen public parent student teacher nurse physician surgeon "
    "specialist developer farmer owner user customer consumer patient fan family victim survivor "
    "conservative liberal progressive moderate millennial adult respondent participant shareholder "
    "employee staff tenant landlord homeowner buyer seller driver passenger pilot soldier troop veteran "
    "firefighter prisoner inmate immigrant refugee migrant unionist insider ally rival colleague friend "
    "neighbour neighbor relative community crowd audience electorate partisan backer loyalist holdout "
    "advocate lobbyist operative skeptic sceptic believer politician republican democrat pundit evangelical "
    "bystander management leadership guest visitor attendee delegate".split())
# Shares of a group of people, as subjects ("a majority say", "56% oppose").
_SHARES = frozenset("majority minority plurality half third thirds quarter quarters % percent".split())
_ANIMATE_PRONOUNS = frozenset("i we you he she they who everyone everybody someone somebody anyone anybody nobody".split())

# Head nouns of documents and data, which speak through the document cues (``_cues.DOCUMENT_CUES``).
_DOCUMENT_NOUNS = frozenset(
    "report study survey poll data record analysis figure statistic document filing memo audit review "
    "investigation research census result finding tally model forecast projection estimate count "
    "test assessment evaluation inquiry video footage recording tape photo photograph image picture "
    "transcript email emails letter memo slide chart graph graphic table map presentation paper book article "
    "documentary database dataset index ranking reporting story coverage statement announcement release "
    "communique communiqué broadcast polling testimony ledger invoice receipt spreadsheet average disclosure math arithmetic".split())
# Nouns of a part or a set of something ("a batch of emails", "the latest series of polls").
_PARTITIVES = frozenset("batch series set trove cache collection bundle stack pile raft slew string handful review copy "
                        "number lot".split())


def is_document(tok: Any) -> bool:
    """A document or a body of data ("the records", "a new poll", "a batch of emails"), which can
    show or find things."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _PARTITIVES:
        ofs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        # ("the numbers show", "the top-line number shows": figures, which show things)
        return any(is_document(p) for p in ofs) or not ofs and tok.lemma_.lower() == "number" and tok.tag_ != "CD"
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in _DOCUMENT_NOUNS or tok.lower_ in _DOCUMENT_NOUNS
                                              or tok.lower_.endswith("s") and tok.lower_[:-1] in _DOCUMENT_NOUNS)


def animate(subj: Any) -> bool:
    """A subject that is a person, a body or a group of people (not a thing)."""
    from ._analysis import INSTITUTION_NOUNS, ROLE_NOUNS

    if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or named_elsewhere(subj):
        return True
    low = subj.lower_
    lemma = subj.lemma_.lower()
    if subj.pos_ == "NUM" or low in _SHARES or low.endswith(("-thirds", "-quarters", "-fifths")):
        return True  # "56% say", "two-thirds support", "a majority oppose": a share of people polled
    return low in _ANIMATE_PRONOUNS or lemma in ROLE_NOUNS | INSTITUTION_NOUNS or low in ROLE_NOUNS or lemma in _PEOPLE_NOUNS


def named_elsewhere(tok: Any) -> bool:
    """A capitalised word the small tagger took for a common noun or left out of every entity
    ("Sanders often questions ...", "Trump knows ...") that the article names a person or body
    with elsewhere."""
    if not tok.text[:1].isupper() or tok.ent_type_ or tok.text.isupper() and len(tok.text) < 3:
        return False
    doc = tok.doc
    names = doc.user_data.get("summarise_names")
    if names is None:
        names = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e if t.text[:1].isupper()}
        doc.user_data["summarise_names"] = names
    return tok.text in names


def someone(tok: Any) -> bool:
    """A person or a group of people: a name, a personal pronoun, a role ("the senator")."""
    return tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in ("he", "she", "they", "we", "i") or (
        animate(tok) and tok.pos_ != "NUM" and tok.ent_type_ not in ("GPE", "DATE"))


def _person(tok: Any) -> bool:
    from ._analysis import ROLE_NOUNS

    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in ROLE_NOUNS | _PEOPLE_NOUNS or tok.lower_ in ROLE_NOUNS


def who_antecedent(rel: Any, head: Any) -> Any:
    """The person a "who" clause is about when the parser hung it on a thing in that person's
    description ("X, an adviser to Y's campaign who has long dismissed ...": the adviser, not the
    campaign): up through prepositions and possessives to a person, else ``head``; a role in
    apposition to a name stands for the named person."""
    if rel.lower_ != "who":
        return head
    prev = rel.doc[rel.i - 2] if rel.i > 1 and rel.doc[rel.i - 1].text == "," else rel.doc[max(rel.i - 1, 0)]
    if prev.i > head.i and prev.pos_ in ("NOUN", "PROPN") and animate(prev) and not animate(head):
        return prev  # ("X's description drew a response from management, who said": the parser hung "who" on the description)
    pred = head
    while pred.dep_ in ("conj", "appos") and pred.head.i != pred.i:
        pred = pred.head
    verb = pred.head if pred.dep_ == "attr" else pred if pred is not head and pred.pos_ in ("VERB", "AUX") else None
    if verb is not None and verb.lemma_ in ("be", "become", "remain"):
        named = next((c for c in verb.children if c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)
        if named is not None:
            return named  # "Moreau is a lawyer who says ...", "X has become someone who tweets ...": X
    if _person(head):
        # "William Oberndorf, a California investor who had backed X": the person named, not the role
        while head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
            head = head.head
        return head
    h = head
    for _ in range(3):
        if h.dep_ == "pobj" and h.head.dep_ == "prep":
            h = h.head.head
        elif h.dep_ == "poss":
            h = h.head
        else:
            return head
        if h.pos_ in ("NOUN", "PROPN") and _person(h):
            while h.dep_ == "appos" and h.head.ent_type_ == "PERSON":
                h = h.head
            return h
    return head


# Adverbs that open a sentence and that the parser can take into the name after them.
_SENTENCE_ADVERBS = frozenset("meanwhile however moreover separately furthermore also nonetheless nevertheless still "
                              "then later earlier now instead similarly likewise".split())


# Pronouns and quantifiers a participle can say who they are ("those surveyed", "many polled").
_GROUP_WORDS = frozenset("those these many some all most few others people".split())


# Heads that say nothing of who without what follows them ("people who attended", "those who were there").
_VAGUE = frozenset("people person those someone somebody source sources individual individuals".split())


def _cue_lemmas() -> Any:
    from ._nlp import lexicons

    return lexicons().cue_kind


def source_tokens(subj: Any) -> list[Any]:
    """The subject's words, without its relative clauses, participial modifiers and bracketed
    asides."""
    drop: set[int] = set()
    for t in subj.subtree:
        if t.dep_ in ("relcl", "acl") and t.i > subj.i:
            if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i == subj.i and subj.lower_ in _GROUP_WORDS and len(list(t.subtree)) <= 3:
                continue  # "those surveyed", "many polled": the participle says who the group is
            if t.dep_ == "relcl" and t.head.i == subj.i and subj.lemma_.lower() in _VAGUE and len(list(t.subtree)) <= 8 \
                    and t.lemma_.lower() not in _cue_lemmas() and t.doc[t.left_edge.i - 1].text != ",":
                continue  # "people who attended the meeting": the clause says who they are (not "critics who say")
            drop |= {x.i for x in t.subtree}
            agent = next((c for c in t.children if c.dep_ == "agent" and all(
                x.ent_type_ in ("DATE", "TIME") for x in t.doc[t.i + 1:c.i])), None)  # ("data released Tuesday by X")
            if agent is not None and t.tag_ == "VBN" and t.i == subj.i + 1 and is_document(subj):  # "a study funded by X"
                drop -= {t.i} | {x.i for x in agent.subtree}
        elif t.dep_ == "prep" and t.head.i == subj.i and t.i > subj.i and t.lower_ in ("on", "in") and any(
                p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in t.children):
            drop |= {x.i for x in t.subtree}  # "The top admiral on Tuesday defended": when, not who
        elif t.dep_ == "prep" and t.lower_ == "as" and t.head.i == subj.i and t.i > subj.i and subj.head.dep_ == "agent":
            drop |= {x.i for x in t.subtree}  # ("described by analysts as a gamble": what they called it, not who they are)
        elif t.dep_ == "advmod" and t.head.i == subj.i and t.i > subj.i and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",":
            drop |= {x.i for x in t.subtree}  # "The activists placed in the hall, surprisingly enough, cheered": an aside
    first = next((c for c in subj.conjuncts if c.i > subj.i and c.ent_type_ in ("PERSON", "ORG")), None)
    if first is not None and subj.pos_ == "NOUN" and not (animate(subj) or is_document(subj)):
        # "... has won a state and Cruz suggested ...": a thing coordinated with a name is the verb
        # before's object, not one who speaks with it
        drop |= {t.i for t in subj.subtree if t.i < first.i}
    if subj.dep_ in ("nsubj", "nsubjpass") and subj.i < subj.head.i:
        drop |= {t.i for t in subj.subtree if t.i > subj.head.i}  # (a name after the verb the parser hung on its subject)
    toks = [t for t in subj.subtree if t.i not in drop]
    after = next((c for c in subj.children if c.dep_ in ("npadvmod", "appos") and c.i > subj.i and c.pos_ in ("NOUN", "PROPN", "NUM")
                  and c.left_edge.i > 0 and subj.doc[c.left_edge.i - 1].text in ("--", "\u2014", "\u2013")), None)
    if subj.tag_ == "VBG" and after is not None:  # "... -- and coming of age in Y -- two-thirds of them predict": the group after the dash
        toks = [t for t in after.subtree if t.i not in drop]
    dash = max((k for k, t in enumerate(toks) if t.text in ("--", "\u2014", "\u2013") and t.i < subj.i), default=None)
    if dash is not None:  # "Despite X -- and coming of age in Y -- two-thirds of them predict": the aside ends at the dash
        toks = toks[dash + 1:]
    after_dash = next((k for k, t in enumerate(toks) if t.i > subj.i and t.text in ("--", "\u2014", "\u2013") and k > 0), None)
    if after_dash is not None and subj.dep_ in ("nsubj", "nsubjpass") and any(t.text in ("--", "\u2014", "\u2013") for t in subj.doc[toks[after_dash].i + 1:subj.head.i]):
        toks = toks[:after_dash]  # "X -- a former aide who ran two campaigns -- is skeptical": the aside after the name (a pair of dashes)
    opened = next((k for k, t in enumerate(toks) if t.text in ("(", "[") and k > 0), None)
    if opened is not None:  # "Advisers to a rival campaign (that would be X)": the aside is not the name
        close = next((k for k in range(opened, len(toks)) if toks[k].text in (")", "]")), len(toks) - 1)
        toks = toks[:opened] + toks[close + 1:]
    cut = next((k for k, t in enumerate(toks) if t.i > subj.i and t.text in ('"', "\u201c", "\u201d", "''", "``") and k > 0), None)
    if cut is not None and subj.dep_ in ("nsubj", "nsubjpass"):
        toks = toks[:cut]  # ("The senator, who has called X ''racially toxic,'' said": words quoted after it are not its name)
    # a closing quotation mark the parser hung on the subject ('"...," a source said') is not its name
    while len(toks) > 1 and (toks[0].is_quote or toks[0].is_punct or toks[0].dep_ in ("compound", "advmod") and toks[0].head.pos_ == "PROPN"
                             and (toks[0].tag_ == "RB" or toks[0].is_sent_start and toks[0].lower_ in _SENTENCE_ADVERBS)):
        toks = toks[1:]  # ("Meanwhile Rihanna": the sentence's adverb the parser hung on the name)
    while len(toks) > 1 and (toks[-1].is_quote or toks[-1].is_punct and toks[-1].text != "%"):
        toks = toks[:-1]
    prev = subj.doc[toks[0].i - 1] if toks and toks[0].i > 0 else None
    if prev is not None and prev.tag_ == "JJ" and prev.dep_ == "advcl" and prev.i not in drop and any(
            c.dep_ == "mark" for c in prev.children) and all(c.dep_ == "mark" for c in prev.children):
        toks = [prev] + toks  # "while presumptive nominee X has ...": the parser hung the adjective on the verb as a clause
    if prev is not None and prev.tag_ == "VBG" and prev.i == subj.head.head.i and subj.head.dep_ == "ccomp" and prev.i > 0 \
            and subj.doc[prev.i - 1].text == ",":
        toks = [prev] + toks  # "..., fundraising documents show.": the noun before the subject read as a participle
    return toks or [subj]
