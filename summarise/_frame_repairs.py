"""Attribution where the small parser misreads the sentence: a speaker it hung elsewhere, a report
set off at the end of its sentence, a name after a quotation taken for objects. Each returns what
the parse would have given had it read the sentence right, or None when the sentence is not so.
"""

from __future__ import annotations

from typing import Any

from ._clause_shapes import answer_word, quoted_after, role_read_as_verb
from ._cues import DOCUMENT_CUES, OBJECT_CUES, QUOTE_CUES, animate, is_document, parenthetical_conj, told_whom

__all__ = ["conjoined_name_subject", "continued_report", "inverted_subject", "report_hung_on_speaker", "is_trailing_report", "participle_subject", "noun_read_report", "noun_read_stance", "parenthetical_cue", "stranded_subject", "trailing_report", "answer_to", "description_edit", "fronted_description"]

# Verbs of saying, which may say where ("..., X said at an event in Ohio."); a reply is not set off so.
_SAY = QUOTE_CUES - {"reply", "respond"}

# Present forms of the verbs a report ends on, which the tagger can read as the last noun of its
# subject ("..., campaign finance records show."): "show", "shows", "says".
_REPORT_FORMS = {f: v for v in DOCUMENT_CUES | QUOTE_CUES for f in (v, v + "s", v + "es")}  # form -> verb

# Links inside a noun phrase, from a word up to the phrase's head.
_NOMINAL_LINKS = frozenset("appos conj compound flat amod nmod nummod det poss case punct cc".split())


def stranded_subject(cue: Any) -> Any | None:
    """The name just before a subjectless cue ("Alarmed by ..., Senator Harry Reid, the minority
    leader, said"), which the parser hung elsewhere: a person or body, possibly with its apposition."""
    doc = cue.doc
    misread = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i and role_read_as_verb(c)), None)
    named = next((x for x in misread.children if x.dep_ == "nsubj" and x.ent_type_ == "PERSON"), None) if misread is not None else None
    if named is not None and not any(c.dep_ == "nsubj" for c in cue.children):
        return named  # "X, a Hollywood, Fla., rabbi helping to ..., said": the role noun read as a clause of X's
    if cue.i >= 2 and doc[cue.i - 1].lower_ == "then" and doc[cue.i - 2].text == ",":
        # "X offered him a job as Secretary of Defense, then says ...": a second verb of X's, not Defense's
        first = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
        return next((x for x in first.children if x.dep_ == "nsubj" and x.pos_ == "PROPN"), None) if first is not None else None
    i = cue.i - 1
    while i >= cue.sent.start:
        own = next((c for c in cue.children if c.i < cue.i and doc[i] in c.subtree), None)
        if doc[i].is_punct or own is not None and own.dep_ in ("advmod", "neg", "aux"):
            i -= 1
        else:
            # ", without naming him," set off between the name and the cue: a phrase opened by a
            # preposition between commas, naming no one
            j = next((k for k in range(i - 1, cue.sent.start, -1) if doc[k].text == ","), None)
            if j is None or doc[i + 1].text != "," or doc[j + 1].tag_ != "IN" or any(
                    t.ent_type_ in ("PERSON", "ORG") for t in doc[j + 1:i + 1]):
                break
            i = j - 1
    if i < cue.sent.start or doc[cue.sent.start].is_quote and any(doc[k].is_quote for k in range(i + 1, cue.i)):
        return None  # ('"Why now?" asked Z': the words before the cue are the quotation's)
    if any(c.dep_ == "nsubj" and not quoted_after(cue, c) for c in cue.children):
        return None  # (not a title quoted after the cue, read as its subject: 'said on “Fox and Friends”')
    t = doc[i]
    # up the noun phrase that ends just before the cue, to the first name in it: "At Harbour Point, ...,
    # Lena Varga, the marina's manager, suggested" (the parser hung "Lena Varga" on the
    # place as an apposition), "on the trail for his wife Jane Doe, former mayor John Doe said"
    while not (t.ent_type_ in ("PERSON", "ORG") and t.ent_iob_ != "O"):
        # (through a place in the role: "Col. X, a military spokesman in Baghdad, said")
        if t.dep_ not in _NOMINAL_LINKS and t.dep_ not in ("pobj", "prep", "acl") or t.head.i >= cue.i or t.head.i == t.i or (
                t.dep_ == "prep" and not (t.head.dep_ == "appos" and animate(t.head) or t.head.dep_ == "acl" and t.head.tag_ == "VBN")) or (
                t.dep_ == "acl" and not (t.tag_ == "VBN" and t.head.dep_ == "appos")):
            return None  # (through "known as X" on a role: "Marcel Dobre, the hacker known as “Sparrow,” stated")
        t = t.head
    while t.dep_ in ("compound", "flat") and t.head.i < cue.i and t.head.ent_type_ == t.ent_type_:
        t = t.head  # the name's head word, not a first name
    left = min(x.i for x in t.subtree)
    if t.ent_type_ == "ORG" and left >= 2 and doc[left - 1].lower_ in ("at", "of", "with", "from") and doc[left - 2].ent_type_ == "PERSON":
        return doc[left - 2]  # "researcher Ann Lee at the firm Acme said": Ann Lee, where she works beside her
    return t


def participle_subject(cue: Any) -> Any | None:
    """The subject of a subjectless cue that the parser gave to a participle modifying it
    ("Activists clamoring to block him say ...": "activists" the subject of "clamoring", itself
    read as a clause of "say"): that noun, when it stands just before the participle, opens the
    sentence and the participle's phrase runs up to the cue. None otherwise."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children):
        return None
    doc = cue.doc
    for c in cue.children:
        if c.dep_ != "advcl" or c.i > cue.i or c.tag_ not in ("VBG", "VBN"):
            continue
        # ("Mayor Ada Lind, opening the session on Monday, said": a name, its phrase set off by commas)
        set_off = c.i >= 2 and doc[c.i - 1].text == "," and doc[cue.i - 1].text == ","
        subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass") and (
            x.i == c.i - 1 or set_off and x.i == c.i - 2 and x.ent_type_ in ("PERSON", "ORG"))), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        first = min(t.i for t in subj.subtree)
        opening = [t for t in doc[cue.sent.start:first] if not (t.is_space or t.is_punct)]
        if any(t.dep_ != "cc" for t in opening):
            continue
        if max(t.i for t in c.subtree) + 1 != cue.i - (subj.i == c.i - 2) or any(t.text == "," and t.i > c.i for t in c.subtree):
            continue
        return subj
    return None


def conjoined_name_subject(cue: Any) -> Any | None:
    """The name just before a subjectless conjoined cue that the parser joined to the object before
    it ("Neither A nor B has won a county and Okafor suggested ...": "Okafor" a second object of
    "won", "suggested" a second verb of its subject), or the first name after the quotation whose
    last verb the parser joined the cue to ("'... He will see you,' Ann Lee, a diplomat then working
    for X, wrote": not the quotation's "he"). None otherwise."""
    if cue.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    doc = cue.doc
    close = next((t for t in reversed(doc[cue.head.i:cue.i]) if t.is_quote), None)
    if close is not None and close.i > cue.head.i and sum(t.is_quote for t in doc[cue.head.i:close.i + 1]) % 2:
        # (a quotation that opened before the verb joined to: not a scare quote after it, 'was "certain" X would')
        return next((t for t in doc[close.i + 1:cue.i] if t.ent_type_ in ("PERSON", "ORG") and t.dep_ in ("nsubj", "nsubjpass")), None)
    i = cue.i - 1
    while i > 0 and doc[i].dep_ in ("advmod", "neg", "aux") and doc[i].head.i == cue.i:
        i -= 1
    name = doc[i]
    if name.ent_type_ not in ("PERSON", "ORG") or name.dep_ != "conj" or name.head.dep_ not in ("dobj", "pobj", "attr"):
        return None
    return name


def trailing_report(cue: Any, subj: Any, toks: list[Any], s_last: int) -> list[Any] | None:
    """What a cue set off at the end of its sentence reports: "84 percent have a poor view of him,
    the poll found." (the parser hangs "the poll found" on a noun as a relative clause): all that
    comes before the comma, when the cue's subject follows that comma, the cue reports nothing of its
    own and nothing follows it. None when the sentence is not so."""
    if subj.i > cue.i or subj.head.i != cue.i or cue.dep_ == "ROOT" and not _clause_unread(cue, subj):
        return None
    left = min(t.i for t in subj.subtree)
    doc = cue.doc
    if left > 1 and doc[left - 1].tag_ == "VBG" and cue.head.i == left - 1 and cue.dep_ == "ccomp":
        left -= 1  # "..., fundraising documents show.": the noun before the subject read as a participle
    if left < 1 or doc[left - 1].text not in (",", "\u2014", "\u2013", "--"):
        return None  # (or a dash closing an aside: "... fell to 5.4% \u2014 a new low \u2014 the bureau reported")
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "nsubjpass", "agent")
           and not told_whom(cue, c) and not (c.dep_ == "ccomp" and c.i < left and cue.dep_ == "conj")  # ("A, but B, X notes": B hung on the cue)
           or c.dep_ == "prep" and cue.lemma_.lower() not in _SAY and not _addressee(c) and cue.doc[c.i - 1].text != "," for c in cue.children):
        return None  # (a verb of saying may say where: "..., X said at an event in Ohio"; and whom: "..., X told a panel")
    own = {t.i for t in cue.subtree}
    if max(own) < s_last or any(not (t.is_punct or t.is_space) and t.i > cue.i and t.i not in own for t in toks):
        return None
    if any(t.i < cue.i and t.i > max(x.i for x in subj.subtree) and t.dep_ not in ("aux", "advmod", "neg") for t in toks):
        return None  # only "also", "have" between the subject and the cue
    content = [t for t in toks if t.i < left - 1 and not t.is_space]
    if len(content) > 3 and content[0].lower_ in ("that", "this") and content[1].lemma_ == "be" and content[2].lower_ in ("why", "because"):
        content = content[3:]  # "That's why X, documents show": the documents show X, not why
    return content if sum(1 for t in content if not t.is_punct) >= 4 else None


def _addressee(prep: Any) -> bool:
    """"..., two sources confirmed to Fox News": to whom a report was made, no content of its own."""
    return prep.lower_ == "to" and any(p.dep_ == "pobj" and (p.ent_type_ in ("ORG", "PERSON") or animate(p)) for p in prep.children)


def _clause_unread(cue: Any, subj: Any) -> bool:
    """A verb of saying at the end of its sentence that the parser made the root with no clause,
    the clause before its comma read as words of its own ("The July 13 cable called on X to act,
    the source said.": "cable" a second subject, "called" a participle on it): the report is all
    that comes before the comma, which holds a verb."""
    if cue.lemma_.lower() not in _SAY or any(c.dep_ in ("ccomp", "xcomp", "parataxis", "csubj") for c in cue.children):
        return False
    if any(t.dep_ == "mark" and t.lower_ == "that" for t in cue.doc[cue.i + 1:cue.sent.end]):
        return False  # ("said during a news conference that ...": a clause of its own after it)
    before = [t for t in cue.doc[cue.sent.start:subj.left_edge.i] if not (t.is_punct or t.is_space)]
    # (not a phrase set before the subject: "Courted by most of the candidates, X said")
    return len(before) >= 4 and before[0].tag_ not in ("VBN", "VBG", "IN") and any(t.tag_ in ("VBD", "VBN", "VBZ", "VBP") for t in before)


def report_hung_on_speaker(cue: Any, toks: list[Any], s_last: int) -> tuple[Any, list[Any]] | None:
    """A report at the end of its sentence whose speaker the parser hung elsewhere ("The planes
    have left, Gen. Frank Ruiz, the commander, announced Monday.": "announced" read as a relative
    clause of "Ruiz", or as a verb joined to "left" with "the planes" for subject): the speaker's
    name and all that comes before the comma in front of it. Only where a comma, a person's or
    body's name (with its apposition, no verb) and the cue close the sentence, the cue with
    nothing of its own but where and when. None otherwise."""
    if cue.tag_ not in ("VBD", "VBN") or cue.lemma_.lower() not in _SAY | _ANNOUNCE or cue.dep_ == "ROOT":
        return None
    if any(c.dep_ in ("nsubjpass", "dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "agent", "dative", "aux", "auxpass")
           for c in cue.children) or max(t.i for t in cue.subtree) < s_last:
        return None
    doc = cue.doc
    if any(t.pos_ in ("VERB", "AUX") for t in doc[cue.i + 1:s_last + 1]):
        return None
    from ._analysis import INSTITUTION_NOUNS, ROLE_NOUNS

    # the comma before the speaker's name: the last one before the cue whose next word opens a name
    # (or a role's noun phrase: ", the Inspector General for the Department of the Interior said")
    start = cue.sent.start
    for i in range(cue.i - 2, start, -1):
        between = doc[i + 1:cue.i]
        role = doc[i].text == "," and doc[i + 1].lower_ == "the" and len(between) <= 12 and doc[cue.i - 1].text != "," and any(
            t.lemma_.lower() in ROLE_NOUNS | INSTITUTION_NOUNS and t.pos_ in ("NOUN", "PROPN") for t in between)
        if doc[i].text != "," or not (doc[i + 1].ent_iob_ == "B" and doc[i + 1].ent_type_ in ("PERSON", "ORG")
                                      or doc[i + 1].tag_ == "NNP" and doc[i + 2].ent_iob_ == "B" and doc[i + 2].ent_type_ == "PERSON" or role):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in between) or any(c.dep_ == "nsubj" and c.i > i for c in cue.children):
            return None
        if role:  # the phrase's head: its one word hung outside it
            head = next((t for t in between if not (i < t.head.i < cue.i) and not t.is_punct), None)
            content = [t for t in toks if t.i < i and not t.is_space]
            return (head, content) if head is not None and sum(1 for t in content if not t.is_punct) >= 4 else None
        name = doc[i + 1] if doc[i + 1].ent_iob_ == "B" else doc[i + 2]  # ("Gen. Frank Ruiz": the name after the title)
        while name.i + 1 < cue.i and doc[name.i + 1].ent_iob_ == "I":  # its last word
            name = doc[name.i + 1]
        content = [t for t in toks if t.i < i and not t.is_space]
        return (name, content) if sum(1 for t in content if not t.is_punct) >= 4 else None
    return None


_ANNOUNCE = frozenset("announce report confirm write tweet post state".split())


def inverted_subject(cue: Any, s_last: int) -> list[Any] | None:
    """The speaker named after a cue that closes a quotation, when the parser took the name for
    objects ('"...," mused radio co-host Petra Lund.': "co", "-" and "Lund" as three
    objects): every word after the cue to the end of the sentence, when they name a person or body
    and hold no verb. None otherwise."""
    doc = cue.doc
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children) or cue.i < 2:
        return None
    before = cue.i - 1
    while before > 0 and doc[before].text == ",":
        before -= 1
    if not (doc[before].is_quote or doc[before].text in ("\u201d", "''")):
        return None
    after = [t for t in doc[cue.i + 1:s_last + 1] if not t.is_space]
    while after and after[-1].is_punct:
        after.pop()
    comma = next((k for k, t in enumerate(after) if t.text == ","), None)
    if comma and comma <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in after[:comma]) and any(
            t.ent_type_ == "PERSON" for t in after[:comma]) and comma + 1 < len(after) and (
            after[comma + 1].lower_ in ("who", "whose") or after[comma + 1].tag_ == "VBG" and after[comma + 1].head.i == cue.i):
        return after[:comma]  # ('"...," said Robert Reich, who served as ... yet endorsed X', '..., referring to Y': the name before its clause)
    if not after or len(after) > 12 or any(t.pos_ in ("VERB", "AUX") or t.head.i < cue.i for t in after):
        return None
    if not any(t.ent_type_ in ("PERSON", "ORG") for t in after):
        return None
    return after


def is_trailing_report(cue: Any) -> bool:
    """Whether ``cue`` is a report set off at the end of its sentence (see :func:`trailing_report`),
    with a subject of its own: "..., former President X said this week." hung by the parser on the
    verb it reports."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    toks = [t for t in cue.sent if not t.is_space]
    words = [t.i for t in toks if not t.is_punct]
    return bool(words) and trailing_report(cue, subj, toks, words[-1]) is not None


def noun_read_report(toks: list[Any], s_last: int) -> tuple[list[Any], Any, str, list[Any]] | None:
    """A report set off at the end of its sentence whose verb the tagger read as the last noun of
    its subject ("X gave $5,000 to the fund in 2014, campaign finance records show."): the subject's
    tokens, the verb, its lemma and all that comes before the comma. Only a plain noun phrase between the comma
    and the verb, whose head is a document, a plural or a name and agrees with the verb, a present
    form of a verb of saying or showing. None when the sentence is not so."""
    doc = toks[0].doc if toks else None
    if doc is None or s_last < 2:
        return None
    verb = doc[s_last]
    if verb.pos_ not in ("NOUN", "PROPN") or verb.lower_ not in _REPORT_FORMS:
        return None
    i = s_last - 1
    while i > toks[0].i and doc[i].text != "," and doc[i].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "CCONJ"):
        i -= 1
    if doc[i].text != "," or i == s_last - 1:
        return None
    subj = [t for t in doc[i + 1:s_last]]
    head = subj[-1]
    if (head.tag_ in ("NNS", "NNPS")) != (verb.lower_ in DOCUMENT_CUES | QUOTE_CUES):
        return None  # "records show", "the survey shows": the verb agrees with its subject
    if not (is_document(head) or head.tag_ in ("NNS", "NNPS") or head.ent_type_ in ("ORG", "NORP", "PERSON")):
        return None
    content = [t for t in toks if t.i < i and not t.is_space]
    if sum(1 for t in content if not t.is_punct) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    return subj, verb, _REPORT_FORMS[verb.lower_], content


def parenthetical_cue(cue: Any) -> list[Any] | None:
    """What a cue set off inside the clause it reports says, when the parser made the cue the
    sentence's root and the reported verb its conjunct ("This sort of opining, the network
    claimed, violates its code, and so she was suspended."): the words before the cue's subject
    and the conjunct that follows the cue, without the clauses joined after it. None otherwise."""
    verb = parenthetical_conj(cue)
    if verb is None:
        return None
    subj = next(c for c in cue.children if c.dep_ == "nsubj")
    left = min(t.i for t in subj.subtree)
    tail = [t for t in verb.subtree if not any(a.dep_ in ("conj", "cc") and t in a.subtree for a in verb.children)]
    return [t for t in cue.doc[cue.sent.start:left - 1] if not t.is_space] + tail


def continued_report(cue: Any, content: list[Any]) -> list[Any]:
    """The rest of a report the parser made the main clause ("X went on the attack, saying the
    plan would fail, its backers are reckless and the council is a rubber stamp": "are" the root,
    the clause with the cue its complement): the root's clause, when it follows the cue's content
    after a comma, opens with its own subject, and is no report of its own. Empty otherwise."""
    clause = cue
    while clause.dep_ in ("advcl", "conj", "xcomp") and clause.head.i < clause.i:
        clause = clause.head  # "went on the attack, saying": the clause the cue's verb hangs on
    root = clause.head
    if clause.dep_ != "ccomp" or root.dep_ != "ROOT" or root.i < cue.i:
        return []
    first = next((c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), clause.i)
    if any(c.i < first and (c.dep_ in ("prep", "mark") or c.dep_ == "advmod" and c.lower_ in ("that", "when", "while", "as"))
           for c in clause.children):
        return []  # "On the same day that the Post reported X, the moderators didn't ask": a time, not a report
    end = max(t.i for t in clause.subtree)
    doc = cue.doc
    if end + 2 >= len(doc) or doc[end + 1].text != "," or max(t.i for t in content) != max(
            t.i for t in content if not t.is_punct) or max(t.i for t in content) < end - 1:
        return []  # the cue's content runs to the comma
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None or subj.left_edge.i != end + 2 or subj.ent_type_ in ("PERSON", "ORG") or root.lemma_.lower() in QUOTE_CUES | DOCUMENT_CUES:
        return []  # ("..., Jones said": another report; "..., but engineers disagree": no comma and subject)
    if any(c.dep_ in ("ccomp", "parataxis") and c.i > root.i for c in root.children):
        return []
    rest = [t for t in root.subtree if t.i > end + 1]
    dash = next((k for k, t in enumerate(rest) if t.text in ("--", "\u2014", "\u2013")), len(rest))
    return rest[:dash]  # ("... and he is a bully -- all without naming him": the article's aside after the dash)


def noun_read_stance(toks: list[Any], lemmas: frozenset[str]) -> tuple[list[Any], Any, str, list[Any]] | None:
    """A sentence whose verb of stance the tagger read as a noun and made its root, the subject
    as its modifiers ("Two-thirds support raising the wage": "thirds" a compound of "support",
    "raising" its modifier): the subject's tokens, the verb, its lemma (one of ``lemmas``) and what
    follows it. Only when the words before the verb are a noun phrase that is someone (a share of
    people, a group, a name) and what follows is an object, a gerund or a clause. None otherwise."""
    words = [t for t in toks if not t.is_space]
    root = next((t for t in words if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("NOUN", "PROPN") or root.i == words[0].i:
        return None
    form = root.lower_
    lemma = next((v for v in (form, form[:-1], form[:-2]) if v in lemmas and form in (v, v + "s", v + "es")), None)
    if lemma is None:
        return None
    subj = [t for t in words if t.i < root.i]
    if any(t.head.i != root.i and not any(a.i == root.i for a in t.ancestors) or t.pos_ in ("VERB", "AUX") for t in subj):
        return None
    head = doc_prev = root.doc[root.i - 1]
    if not (animate(head) and head.pos_ in ("NOUN", "PROPN", "NUM")) or doc_prev.dep_ not in ("compound", "nummod", "amod", "nmod"):
        return None
    after = [c for c in root.children if c.i > root.i and (c.dep_ in ("dobj", "ccomp") or c.dep_ == "acl" and c.tag_ == "VBG")]
    if not after or after[0].i != root.i + 1:
        return None
    content = [t for c in after for t in c.subtree]
    return subj, root, lemma, sorted(content, key=lambda t: t.i)


def answer_to(cue: Any) -> Any | None:
    """The "no" or "yes" a verb of saying gives to a question put to its subject ("Asked if he was
    ever bullied, the candidate said no."): that word, when it ends the sentence and the question
    is in it. None otherwise."""
    ans = answer_word(cue)
    if ans is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.children):
        return None
    asked = any(c.dep_ == "advcl" and c.lemma_.lower() == "ask" and c.i < cue.i for c in cue.children)
    last = max((t.i for t in cue.subtree if not (t.is_punct or t.is_space)), default=cue.i)
    return ans if asked and last == ans.i else None


def fronted_description(cue: Any) -> Any | None:
    """The subject a description opening the sentence is of ("Described by critics as a
    “giveaway,” the bill passed": the critics describe the bill), or None. Only a participle
    with its agent and an "as" (what it is described as) before its clause's subject."""
    if cue.tag_ != "VBN" or cue.dep_ != "advcl" or cue.i > cue.head.i or cue.head.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in OBJECT_CUES:
        return None
    if cue.i != cue.sent.start and not all(t.is_punct or t.dep_ == "cc" for t in cue.doc[cue.sent.start:cue.i]):
        return None
    if not any(c.dep_ == "agent" for c in cue.children) or not any(t.dep_ == "prep" and t.lower_ == "as" for t in cue.subtree):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in cue.children):
        return None
    return next((c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i and c.pos_ in ("NOUN", "PROPN")), None)


def description_edit(cue: Any, subj: Any) -> tuple[int, int, str]:
    """The edit that writes a fronted description as a sentence: "Described by X as Y" ->
    "the bill was described by X as Y" (the tense of the clause it opens)."""
    words = "".join(t.text_with_ws for t in subj.subtree).strip()
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    present = cue.head.tag_ in ("VBZ", "VBP")
    be = ("are" if plural else "is") if present else ("were" if plural else "was")
    return cue.idx, cue.idx + len(cue.text), f"{words} {be} {cue.lower_}"
