"""Third-person pronouns resolved to a named source only when agreement leaves one candidate.

A wrong resolution puts words in someone else's mouth ("called for accountability over <the
accuser>'s alleged harassment" for "his"), the worst error a summariser can make about a named
person, so the rule is conservative:

1. **Candidates** are the people (for he/she) or groups and institutions (for they) that the
   text refers to in the pronoun's own sentence before it, else in the nearest earlier sentence
   that refers to any (at most three back): named people, and also unnamed ones ("an executive
   assistant", "the officers"), which block a resolution without being one.
   A name the text calls a thing ("the app Zipli") is no person, whatever the tagger says.
2. **Agreement** removes candidates of the other gender (known from honorifics and titles,
   gendered nouns, and pronouns that the person's own clause uses for them; where the article
   says nothing, from a given name that one gender bears with few exceptions,
   ``data/given_names.tsv``) or number.
3. One candidate left, and it is named: resolved, unless only nearness chose it: a person of
   unknown gender, or one named in passing (not the subject of their clause), with another
   person who may be the pronoun's named in the four sentences looked at, leaves the pronoun.
   Syntax overrides that: a pronoun that is the source of a report (``"...," he said``,
   "She said ...") continues the last speaker when that speaker is the one candidate and was
   named (or so referred to) in its sentence or the one before, with nobody named since; not
   when another person of the article shares a name with the speaker (a relative, a namesake).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._analysis import INSTITUTION_NOUNS, ROLE_NOUNS, Analysis, Mention, untitled
from ._references import things_named
from ._nlp import token_ending_in, tokens_in

__all__ = ["resolve_pronoun", "mention_gender", "PRONOUN_GENDER"]

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_HONORIFIC = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "dame": "f", "lady": "f", "madam": "f", "madame": "f", "mme": "f", "mme.": "f"}
_GENDERED_NOUNS = {
    **dict.fromkeys("man men boy father husband son brother uncle nephew grandfather king prince duke "
                    "spokesman chairman congressman businessman actor waiter widower boyfriend".split(), "m"),
    **dict.fromkeys("woman women girl mother wife daughter sister aunt niece grandmother queen princess duchess "
                    "spokeswoman chairwoman congresswoman businesswoman actress waitress widow girlfriend".split(), "f"),
}
# Nouns that name a person without a name (blockers when they head a noun phrase in the window).
_PERSON_NOUNS = ROLE_NOUNS | frozenset(_GENDERED_NOUNS) | frozenset(
    "assistant aide staffer employee accuser victim suspect reporter journalist teacher student "
    "nurse driver officer soldier patient citizen voter owner person child parent friend neighbour "
    "neighbor colleague partner boss lawmaker politician prosecutor defendant plaintiff survivor "
    "passenger customer critic supporter opponent rival protester".split())
_GROUP_LABELS = ("ORG", "NORP", "GPE")
# Bodies "they" may stand for the people of ("the campaign blamed ... They can't"): unnamed, they block.
_COLLECTIVE = frozenset("campaign team party government administration committee council company firm union board staff".split())


def _people(analysis: Analysis) -> list[tuple[int, int, Mention]]:
    """(start, end, mention) of every occurrence of a named person (full name, surname or first
    name), in text order; computed once per analysis."""
    cached = analysis.__dict__.get("_coref_people")
    if cached is not None:
        return cached
    things = things_named(analysis)
    persons = [m for m in analysis.mentions if m.label == "PERSON" and m.name not in things]
    out = []
    for e in analysis.doc.ents:
        if e.label_ != "PERSON":
            continue
        name = re.sub(r"^(?:the\s+)", "", e.text)
        if " " in name:
            name = re.sub(r"(?<=\w)['\u2019]s$", "", name)  # as the mention is named (see analyse)
        parts = name.replace("-", " ").split()
        m = next((p for p in persons if p.name == name), None)
        if m is None and untitled(name) != name:  # "Cllr Ashworth": the surname of the person named in full
            name = untitled(name)
            parts = name.replace("-", " ").split()
            m = next((p for p in persons if p.name == name), None)
        if m is None and len(parts) == 1:
            m = next((p for p in persons if p.name.replace("-", " ").split()[-1] == parts[0]), None) or \
                next((p for p in persons if p.name.replace("-", " ").split()[0] == parts[0]), None)
        if m is not None:
            out.append((e.start_char, e.end_char, m))
    # a known surname the parser did not tag as a person ("Hale denied the claims")
    surnames = {p.name.replace("-", " ").split()[-1]: p for p in persons if len(p.name.split()) > 1}
    for t in analysis.doc:
        if t.ent_type_ != "PERSON" and t.text in surnames and _alone(t):
            out.append((t.idx, t.idx + len(t.text), surnames[t.text]))
    out.sort(key=lambda x: x[0])
    analysis.__dict__["_coref_people"] = out
    return out


def _alone(t: Any) -> bool:
    """A capitalised word standing alone, not part of a longer name ("Safe Turf Now")."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    prev = doc[t.i - 1] if t.i > 0 else None
    cap = lambda x: x is not None and x.text[:1].isupper() and x.is_alpha  # noqa: E731
    return t.text[:1].isupper() and not cap(nxt) and not (cap(prev) and not prev.is_sent_start and prev.lower_ not in _HONORIFIC)


def mention_gender(analysis: Analysis, mention: Mention) -> str | None:
    """``"m"``, ``"f"`` or ``None`` (unknown or contradictory) for a named person.

    Evidence: an honorific before any occurrence of the name (``Mr``, ``Ms``), a gendered noun in
    the role (``spokeswoman``), and a gendered pronoun in a clause whose subject is the person
    ("Reyes said her office…"), where that clause names no one else.
    """
    key = "_coref_gender"
    cache = analysis.__dict__.setdefault(key, {})
    if mention.name in cache:
        return cache[mention.name]
    votes: set[str] = set()
    doc = analysis.doc
    for role_word in re.findall(r"[a-z]+", mention.role.lower())[:3]:  # the role's head comes first
        if role_word in _GENDERED_NOUNS:
            votes.add(_GENDERED_NOUNS[role_word])
    title = mention.name.split()[0].lower() if mention.name.split() else ""
    if title in _HONORIFIC:  # the tagger kept the honorific in the name ("Ms Kim Adler")
        votes.add(_HONORIFIC[title])
    people = _people(analysis)
    for a, b, m in people:
        if m is not mention:
            continue
        before = analysis.text[max(0, a - 6):a].strip().lower().split()
        if before and before[-1] in _HONORIFIC:
            votes.add(_HONORIFIC[before[-1]])
        head = next((t for t in tokens_in(doc, a, b) if t.head.idx < a or t.head.idx >= b or t.head.i == t.i), None)
        if head is None or head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = head.head
        others = [p for p in people if p[2] is not mention and verb.sent.start_char <= p[0] < verb.sent.end_char]
        if others:
            continue
        for t in verb.subtree:
            g = PRONOUN_GENDER.get(t.lower_)
            if g and t.i > head.i and _same_subject(_clause_head(t), verb) and not analysis.in_quote(t.idx, t.idx + 1):
                votes.add(g)
    if not votes:  # nothing in the article says: a given name borne by one gender with few exceptions
        words = [w for w in untitled(mention.name).replace(".", " ").split() if w.lower() not in _HONORIFIC]
        if len(words) > 1 and words[0][:1].isupper():
            g = _given_names().get(words[0].lower())
            if g:
                votes.add(g)
    cache[mention.name] = votes.pop() if len(votes) == 1 else None
    return cache[mention.name]


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name -> "f" or "m" (``data/given_names.tsv``, with its sources)."""
    out = {}
    for line in (Path(__file__).parent / "data" / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, g = line.partition("\t")
            out[name] = g
    return out


def _modifier(analysis: Analysis, end: int) -> bool:
    """Whether the name ending at ``end`` only modifies another noun or names the same person
    as its appositive: a modifier is never what a pronoun points back to."""
    last = token_ending_in(analysis.doc, end)
    if last is None:
        return False
    # "Safe Turf Now, founder Gareth Pelling" parsed as a name with the person as its appositive
    return last.dep_ == "compound" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in last.children)


def _same_subject(clause: Any, verb: Any) -> bool:
    """Whether ``clause`` is ``verb`` or a clause under it ("X said his team would appeal")
    with no person of its own as subject ("X said the minister lost her job" is not)."""
    while clause.i != verb.i:
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.pos_ in ("PRON", "PROPN")
                                 or subj.lemma_.lower() in _PERSON_NOUNS):
            return False
        if clause.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or clause.head.i == clause.i:
            return False
        clause = clause.head
    return True


def _clause_head(tok: Any) -> Any:
    """The nearest verb above ``tok`` (the clause it belongs to)."""
    t = tok.head
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _noun_candidates(analysis: Analysis, a: int, b: int, plural: bool) -> list[tuple[int, str | None, Mention | None]]:
    """Unnamed people (or groups) referred to in ``[a, b)``: (offset, gender, the mention they
    stand for)."""
    out: list[tuple[int, str | None, Mention | None]] = []
    for t in tokens_in(analysis.doc, a, b):
        if plural and t.ent_type_ in ("PERSON", "ORG") and any(
                c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in t.children):
            out.append((t.idx, None, None))  # "Cruz and Rubio ... They pushed him": both, no one body
            continue
        if t.pos_ != "NOUN" or t.ent_type_ or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"):
            continue
        lemma = t.lemma_.lower()
        if plural and t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubjpass") and lemma in _COLLECTIVE:
            out.append((t.idx, None, None))
            continue
        if (t.tag_ == "NNS") != plural:
            continue
        if not plural and lemma not in _PERSON_NOUNS:
            continue
        if plural and lemma not in _PERSON_NOUNS and lemma not in ("officials", "authorities", "police", "lawmakers", "leaders"):
            if t.dep_ in ("nsubj", "nsubjpass"):
                out.append((t.idx, None, None))  # "Narcissists can ... They also need ...": what "they" may be, unnamed
            continue
        if (t.dep_ == "appos" and t.head.pos_ == "PROPN") or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children):
            continue  # "Shin Won-sik, the defence minister", "Her deputy, John Marsh": the named person
        same = next((m for m in analysis.mentions if m.start < t.idx and m.role and lemma in m.role.lower().split()
                     and any(d.lower_ in ("the", "this") for d in t.children)), None)
        out.append((t.idx, _GENDERED_NOUNS.get(lemma), same))
    return out


def _speaker_spans(analysis: Analysis, speaker: Mention | None, a: int, b: int) -> list[tuple[int, int]]:
    """Where ``speaker`` is named in ``[a, b)``, each with its whole noun phrase (appositive
    included: "Tom Hale, an aide to the mayor," is one candidate, not three)."""
    if speaker is None or not speaker.name:
        return []
    last = speaker.name.replace("-", " ").split()[-1]
    out = []
    for t in tokens_in(analysis.doc, a, b):
        if t.text == last:
            head = t
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            sub = list(head.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return out


def _candidates(analysis: Analysis, pronoun: str, offset: int, speaker: Mention | None = None,
                depth: int = 0) -> list[Mention | None]:
    """The agreeing candidates of the nearest stretch that has any (None: an unnamed one)."""
    plural = pronoun in PLURAL_PRONOUNS
    gender = PRONOUN_GENDER.get(pronoun)
    same_form = PLURAL_PRONOUNS if plural else {p for p, g in PRONOUN_GENDER.items() if g == gender}
    si = analysis.sentence_of(offset)
    for back in range(0, 4):
        if si - back < 0:
            break
        s0, s1 = analysis.sentences[si - back]
        end = offset if back == 0 else s1
        found: list[tuple[int, Mention | None]] = []
        if plural:
            for e in analysis.doc.ents:
                if s0 <= e.start_char < end and e.label_ in _GROUP_LABELS:
                    if e.root.dep_ in ("amod", "compound", "nmod") and e.root.head.i >= e.end:
                        continue  # a name modifying a noun ("the Democratic caucuses") is no one "they" is
                    m = next((m for m in analysis.mentions if m.name.lower() in e.text.lower() and m.label in _GROUP_LABELS), None)
                    if m is not None and any(_same_person(m, p) for _, _, p in _people(analysis)):
                        continue  # a person's name the tagger took for a body's here ("that Trump refuses")
                    if m is not None and (m.plural or m.label == "ORG"):
                        found.append((e.start_char, m))
        else:
            for a, b, m in _people(analysis):
                if s0 <= a < end and mention_gender(analysis, m) in (None, gender) and not _modifier(analysis, b):
                    found.append((a, m))
        for pos, g, m in _noun_candidates(analysis, s0, end, plural):
            if plural or g in (None, gender):
                found.append((pos, m))
        # an earlier pronoun of the same form stands for whoever it resolves to (or blocks)
        # (past the depth looked through, an earlier pronoun is passed over: what it stands for
        # lies beyond the sentences this one looks at, and it is no one else's mention)
        for t in tokens_in(analysis.doc, s0, end):
            if depth < 3 and t.lower_ in same_form and not analysis.in_quote(t.idx, t.idx + 1):
                found.append((t.idx, resolve_pronoun(analysis, t.lower_, t.idx, [speaker] if speaker else None, depth + 1)))
        spans = _speaker_spans(analysis, speaker, s0, end)
        if spans:  # the speaker's own noun phrase is the speaker
            found = [(pos, m) for pos, m in found if not any(x <= pos < y for x, y in spans)] + [(spans[0][0], speaker)]
        if not analysis.in_quote(offset, offset + 1):
            # a name inside a quotation is who the speaker talks about, rarely who "he" is outside it
            found = [(pos, m) for pos, m in found if not analysis.in_quote(pos, pos + 1)]
        if found:
            uniq: list[Mention | None] = []
            for _, m in found:
                if m is None or m not in uniq:
                    uniq.append(m)
            return uniq
    return []


_BODY_WORDS = INSTITUTION_NOUNS | frozenset("inc corp corporation ltd plc llc co group".split())


def resolve_pronoun(analysis: Analysis, pronoun: str, offset: int, recent_sources: list[Mention] | None = None,
                    depth: int = 0) -> Mention | None:
    """The named person or group that ``pronoun`` at ``offset`` refers to, or ``None`` when
    agreement and syntax leave more than one candidate, or only an unnamed one."""
    low = pronoun.lower()
    speaker = (recent_sources or [None])[-1]
    if low in PRONOUN_GENDER and recent_sources:
        # the last source that may be a "he" or "she": a report inside the speaker's words ("X
        # said a routine audit had found ...") does not make the audit the speaker
        speaker = next((m for m in reversed(recent_sources) if _may_be_person(m)), speaker)
    if speaker is not None and (speaker.name.lower() in PRONOUN_GENDER or speaker.name.lower() in PLURAL_PRONOUNS):
        speaker = None  # a report whose "he" was left as written: who spoke is not known
    if speaker is not None and (speaker.plural or speaker.label == "NORP") == (low in PRONOUN_GENDER):
        speaker = None  # number disagrees
    if speaker is not None and low in PRONOUN_GENDER and mention_gender(analysis, speaker) not in (None, PRONOUN_GENDER[low]):
        speaker = None
    if speaker is not None and low in PRONOUN_GENDER and (speaker.label in ("GPE", "NORP") or (
            speaker.label in ("NOUN", "ORG") and any(w.strip(".,").lower() in _BODY_WORDS for w in speaker.name.split()))):
        # "The group urged ... She promised ...": a body is no "she" (a name the tagger calls an
        # organisation may be a person's, so only one that says it is a body)
        speaker = None
    cands = _candidates(analysis, low, offset, speaker, depth)
    if len(cands) != 1 or cands[0] is None:
        return None
    m = cands[0]
    if low in PRONOUN_GENDER and m.label == "PERSON" and not (m is speaker and _speaker_just_named(analysis, speaker, offset, depth)):
        if mention_gender(analysis, m) is None and _rivals(analysis, m, offset, PRONOUN_GENDER[low]):
            return None  # nothing says this person is a "she" (or "he"), and another who may be is in reach
        if not _subject_last(analysis, m, offset) and _rivals(analysis, m, offset, PRONOUN_GENDER[low]):
            # only nearness picks a person named in passing ("Like Allen, their days begin ...")
            # over another of the same gender who is in reach
            return None
    if m.label == "NOUN" and not m.name[:1].isupper() and m.name.split()[0].lower() not in ("the", "a", "an", "this", "that"):
        return None  # an unnamed speaker cut to its noun ("wife" for "his ex-wife"): the pronoun reads better
    return m


def _subject_last(analysis: Analysis, mention: Mention, offset: int) -> bool:
    """Whether ``mention``'s last occurrence before ``offset`` outside quotations is the subject
    of its clause (or a name in apposition to one: "Its treasurer, X, said")."""
    last = [(a, b) for a, b, m in _people(analysis) if _same_person(m, mention) and a < offset and not analysis.in_quote(a, b)]
    if not last:
        return False
    a, b = last[-1]
    head = next((t for t in analysis.doc if a <= t.idx < b and (t.head.idx < a or t.head.idx >= b or t.head.i == t.i)), None)
    while head is not None and head.dep_ in ("appos", "compound", "flat") and head.head.i != head.i:
        head = head.head
    return head is not None and head.dep_ in ("nsubj", "nsubjpass")


def _speaker_just_named(analysis: Analysis, speaker: Mention, offset: int, depth: int = 0) -> bool:
    """Whether the pronoun at ``offset``, the source of a report, continues the last speaker
    named in its own sentence or the one before, with no other person named since: "Culture
    Minister X has responded. She said ...", "X, who voted against, said ... '...,' she said".
    The speaker is whom such a "she" continues whatever the gender of a person named earlier."""
    parts = set(untitled(speaker.name).replace("-", " ").split())
    sharing = {id(m): m for _, _, m in _people(analysis) if parts & set(untitled(m.name).replace("-", " ").split())}
    people = list(sharing.values())
    if any(not _same_person(p, speaker) or not _same_person(p, q) for p in people for q in people):
        return False  # a namesake or a relative ("Donald Jr.", "the younger Mr. Trump"): which one spoke is not sure
    si = analysis.sentence_of(offset)
    start = analysis.sentences[max(0, si - 1)][0]
    spans = _speaker_spans(analysis, speaker, start, offset)
    gender = mention_gender(analysis, speaker)
    # or a pronoun there that already stands for the speaker ("She said ... She also accused ...")
    forms = PLURAL_PRONOUNS if speaker.plural else {p for p, g in PRONOUN_GENDER.items() if gender in (None, g)}
    spans += [(t.idx, t.idx + len(t.text)) for t in analysis.doc
              if start <= t.idx < offset and t.lower_ in forms and t.dep_ in ("nsubj", "nsubjpass")
              and not analysis.in_quote(t.idx, t.idx + 1)
              and depth < 3 and resolve_pronoun(analysis, t.lower_, t.idx, [speaker], depth + 1) is speaker]
    if not spans:
        return False
    last = max(b for _, b in spans)
    # nobody else named after the speaker's last mention (a rival there is nearer than the speaker)
    return not any(not _same_person(m, speaker) and last <= a < offset for a, _, m in _people(analysis))


def _may_be_person(m: Mention) -> bool:
    """Whether a source may be a "he" or "she": a person, or a name the tagger called a body
    that does not say it is one; not a common noun phrase for a thing ("a routine audit")."""
    words = m.name.split()
    if m.label == "PERSON":
        return True
    if m.plural or m.label not in ("ORG", "NOUN") or not words or any(w.strip(".,").lower() in _BODY_WORDS for w in words):
        return False
    return m.label == "ORG" or words[-1].lower() in _PERSON_NOUNS or words[-1][:1].isupper()


def _rivals(analysis: Analysis, mention: Mention, offset: int, gender: str) -> bool:
    """Whether another named person whose gender does not rule them out occurs in the stretch a
    pronoun at ``offset`` looks back over (its sentence and the three before): the
    nearest-stretch rule alone would pick ``mention`` although nothing but proximity says the
    pronoun is theirs."""
    si = analysis.sentence_of(offset)
    start = analysis.sentences[max(0, si - 3)][0]
    return any(not _same_person(m, mention) and start <= a < offset and mention_gender(analysis, m) in (None, gender)
               for a, _, m in _people(analysis))


def _same_person(a: Mention, b: Mention) -> bool:
    """Whether two mentions name one person: the same, or one's name (titles aside) a part of the
    other's ("Mr. McKinley", "Kevin McKinley")."""
    if a is b:
        return True
    x, y = set(untitled(a.name).replace("-", " ").split()), set(untitled(b.name).replace("-", " ").split())
    return bool(x and y) and (x <= y or y <= x)
