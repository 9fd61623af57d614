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

Who the people are and what the article says of their gender is :mod:`._persons`.
"""

from __future__ import annotations


from typing import Any

from ._analysis import INSTITUTION_NOUNS, Analysis, Mention, untitled
from ._persons import GENDERED_NOUNS, PERSON_NOUNS, PLURAL_PRONOUNS, PRONOUN_GENDER, given_names, mention_gender, named_people
from ._coref_leads import cataphor, colon_lead
from ._nlp import token_ending_in, tokens_in

__all__ = ["resolve_pronoun", "mention_gender", "PRONOUN_GENDER"]

_GROUP_LABELS = ("ORG", "NORP", "GPE")
# Bodies "they" may stand for the people of ("the campaign blamed ... They can't"): unnamed, they block.
_COLLECTIVE = frozenset("campaign team party government administration committee council company firm union board staff".split())


def _modifier(analysis: Analysis, end: int) -> bool:
    """Whether the name ending at ``end`` only modifies another noun or names the same person
    as its appositive: a modifier is never what a pronoun points back to."""
    last = token_ending_in(analysis.doc, end)
    if last is None:
        return False
    # "Safe Turf Now, founder Gareth Pelling" parsed as a name with the person as its appositive
    return last.dep_ == "compound" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in last.children)


def _noun_candidates(analysis: Analysis, a: int, b: int, plural: bool) -> list[tuple[int, str | None, Mention | None]]:
    """Unnamed people (or groups) referred to in ``[a, b)``: (offset, gender, the mention they
    stand for)."""
    out: list[tuple[int, str | None, Mention | None]] = []
    for t in tokens_in(analysis.doc, a, b):
        if plural and t.ent_type_ in ("PERSON", "ORG") and any(
                c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in t.children):
            out.append((t.idx, None, _named_pair(analysis, t)))  # "Cruz and Rubio ... They pushed him": both, no one body
            continue
        if plural and t.lower_ in ("millions", "thousands", "hundreds", "dozens") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            out.append((t.idx, None, None))  # "aims to keep millions in their homes": theirs, unnamed
            continue
        if t.pos_ != "NOUN" or t.ent_type_ or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"):
            continue
        lemma = t.lemma_.lower()
        if plural and t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubjpass") and lemma in _COLLECTIVE:
            out.append((t.idx, None, None))
            continue
        if (t.tag_ == "NNS") != plural:
            continue
        if not plural and lemma not in PERSON_NOUNS:
            continue
        if plural and lemma not in PERSON_NOUNS and lemma not in ("officials", "authorities", "police", "lawmakers", "leaders"):
            if t.dep_ in ("nsubj", "nsubjpass"):
                out.append((t.idx, None, None))  # "Narcissists can ... They also need ...": what "they" may be, unnamed
            continue
        if (t.dep_ == "appos" and t.head.pos_ == "PROPN") or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children):
            continue  # "Shin Won-sik, the defence minister", "Her deputy, John Marsh": the named person
        same = next((m for m in analysis.mentions if m.start < t.idx and m.role and lemma in m.role.lower().split()
                     and any(d.lower_ in ("the", "this") for d in t.children)), None)
        out.append((t.idx, GENDERED_NOUNS.get(lemma), same))
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
    counted = 0
    for back in range(0, 8):
        if si - back < 0 or counted == 4:
            break
        s0, s1 = analysis.sentences[si - back]
        if back and analysis.in_quote(s0, s1) and not analysis.in_quote(offset, offset + 1):
            continue  # (a sentence wholly inside a quotation is the speaker's words: it does not use up the look-back)
        counted += 1
        end = offset if back == 0 else s1
        found: list[tuple[int, Mention | None]] = []
        if plural:
            for e in analysis.doc.ents:
                if s0 <= e.start_char < end and e.label_ in _GROUP_LABELS:
                    if e.root.dep_ in ("amod", "compound", "nmod") and e.root.head.i >= e.end:
                        continue  # a name modifying a noun ("the Democratic caucuses") is no one "they" is
                    m = next((m for m in analysis.mentions if m.name.lower() in e.text.lower() and m.label in _GROUP_LABELS), None)
                    if m is not None and any(_same_person(m, p) for _, _, p in named_people(analysis)):
                        continue  # a person's name the tagger took for a body's here ("that Trump refuses")
                    if m is not None and (m.plural or m.label == "ORG"):
                        found.append((e.start_char, m))
        else:
            for a, b, m in named_people(analysis):
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
    ahead = cataphor(analysis, low, offset) or colon_lead(analysis, low, offset)
    if ahead is not None:
        return ahead
    s0 = analysis.sentences[analysis.sentence_of(offset)][0]
    if speaker is not None and low in PRONOUN_GENDER and _goes_on_speaking(analysis, low, offset) and _spoke_just_before(analysis, speaker, s0) \
            and not any(t.pos_ in ("VERB", "AUX") for t in tokens_in(analysis.doc, s0, offset)):
        return speaker  # '"...," said X. "..." / People like Y, she said.': a name in the words before the cue is no one who spoke
    cands = _candidates(analysis, low, offset, speaker, depth)
    if speaker is not None and len(cands) > 1 and speaker in cands and low in PRONOUN_GENDER and _goes_on_speaking(analysis, low, offset) \
            and _spoke_just_before(analysis, speaker, offset):
        return speaker  # "X won the crowd over, Stovall said. '...,' he said.": the one who spoke goes on
    if len(cands) != 1 or cands[0] is None:
        return None
    m = cands[0]
    if _object_of_own_verb(analysis, low, offset, m):
        return None  # '"...," he told Rubio': he is not Rubio
    if low in PLURAL_PRONOUNS and m is not speaker and _body_subject_besides(analysis, offset, m):
        return None
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


def _object_of_own_verb(analysis: Analysis, pronoun: str, offset: int, m: Mention) -> bool:
    """Whether the person is named as the object of the pronoun's own verb ("he told Rubio", "she
    thanked Lee"), whom a subject pronoun cannot be."""
    tok = token_ending_in(analysis.doc, offset + len(pronoun))
    if tok is None or tok.idx != offset or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    objs = [t for c in tok.head.children if c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ in ("to", "with")
            for t in c.subtree]
    return any((t.ent_type_ == "PERSON" or t.pos_ == "PROPN") and t.text in m.name.split() for t in objs)


def _named_pair(analysis: Analysis, t: Any) -> Mention | None:
    """Two people named together ("what Trump and Lewandowski said", ``t`` the first name's head
    word) as one plural mention; None for more than two, or for a name that is no person's."""
    conj = [c for c in t.children if c.dep_ == "conj"]
    if len(conj) != 1 or conj[0].ent_type_ != "PERSON" or t.ent_type_ != "PERSON" or any(c.dep_ == "conj" for c in conj[0].children):
        return None
    people = named_people(analysis)
    pair = [next((m for x, y, m in people if x <= w.idx < y), None) for w in (t, conj[0])]
    if pair[0] is None or pair[1] is None or pair[0] is pair[1]:
        return None
    return Mention(f"{pair[0].name} and {pair[1].name}", "", "PERSON", t.idx, plural=True)


_SPEAKING = frozenset("say add tell note explain continue write recall argue insist".split())


def _goes_on_speaking(analysis: Analysis, pronoun: str, offset: int) -> bool:
    """Whether the pronoun at ``offset`` is the subject of a verb of saying ("..., he said")."""
    tok = token_ending_in(analysis.doc, offset + len(pronoun))
    return tok is not None and tok.idx == offset and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEAKING


def _narrative_before(analysis: Analysis, si: int) -> int:
    """The sentence before sentence ``si``, past up to three that lie wholly inside a quotation (the
    speaker's words go on: '"She called on us ...",' she added')."""
    k = si - 1
    while k > 0 and k > si - 4 and analysis.in_quote(*analysis.sentences[k]):
        k -= 1
    return k


def _spoke_just_before(analysis: Analysis, speaker: Mention, offset: int) -> bool:
    """Whether the speaker, named, is the subject of a verb of saying in the sentence before the
    pronoun at ``offset`` ("..., Stovall said."; "Matthews said Pence's ... should boost Trump's
    numbers."), not merely named there ("a deal with Kasich"), with no one else named outside a
    quotation since that sentence, and no namesake in the article."""
    k = _narrative_before(analysis, analysis.sentence_of(offset))
    if k < 0:
        return False
    s0, s1 = analysis.sentences[k]
    people = named_people(analysis)
    spans = [(a, b) for a, b, m in people if s0 <= a < s1 and _same_person(m, speaker)]
    if not any(t.lemma_.lower() in _SPEAKING and any(c.dep_ == "nsubj" and any(a <= c.idx < b for a, b in spans) for c in t.children)
               for t in tokens_in(analysis.doc, s0, s1)):
        return False
    parts = set(untitled(speaker.name).replace("-", " ").split())
    namesakes = [m for _, _, m in people if parts & set(untitled(m.name).replace("-", " ").split())]
    if any(not _same_person(m, speaker) for m in namesakes):
        return False  # ("Donald Jr.", "the younger Mr. Trump": which one spoke is not sure)
    # (the names in the speaker's own report are what was said of them, not rivals)
    return not any(not _same_person(m, speaker) and s1 <= a < offset and not analysis.in_quote(a, b) for a, b, m in people)


def _body_subject_besides(analysis: Analysis, offset: int, mention: Mention) -> bool:
    """Whether the sentence before a "they" (or its own, before it) is about a body other than
    ``mention``: "The newspaper writes that ... a system Republicans want. '...,' they conclude."
    The body's people may be "they", and a body named in the singular is no candidate."""
    si = analysis.sentence_of(offset)
    for k in (si, si - 1):
        if k < 0:
            break
        s0, s1 = analysis.sentences[k]
        root = next((t for t in tokens_in(analysis.doc, s0, min(s1, offset)) if t.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subj is None or analysis.in_quote(subj.idx, subj.idx + 1):
            continue
        body = subj.tag_ in ("NN", "NNP") and (subj.lemma_.lower() in _BODY_WORDS or subj.ent_type_ == "ORG")
        return body and subj.text.lower() not in mention.name.lower()
    return False


def _subject_last(analysis: Analysis, mention: Mention, offset: int) -> bool:
    """Whether ``mention``'s last occurrence before ``offset`` outside quotations is the subject
    of its clause (or a name in apposition to one: "Its treasurer, X, said")."""
    last = [(a, b) for a, b, m in named_people(analysis) if _same_person(m, mention) and a < offset and not analysis.in_quote(a, b)]
    if not last:
        return False
    a, b = last[-1]
    head = next((t for t in analysis.doc if a <= t.idx < b and (t.head.idx < a or t.head.idx >= b or t.head.i == t.i)), None)
    while head is not None and head.dep_ in ("appos", "compound", "flat") and head.head.i != head.i:
        head = head.head
    if head is None:
        return False
    # ("X, who led the campaign because he claimed ...": the subject of the relative clause the
    # pronoun stands in)
    return head.dep_ in ("nsubj", "nsubjpass") or any(
        c.dep_ == "relcl" and c.left_edge.idx <= offset <= c.right_edge.idx
        and any(x.dep_ in ("nsubj", "nsubjpass") and x.lower_ == "who" for x in c.children) for c in head.children)


def _speaker_just_named(analysis: Analysis, speaker: Mention, offset: int, depth: int = 0) -> bool:
    """Whether the pronoun at ``offset``, the source of a report, continues the last speaker
    named in its own sentence or the one before, with no other person named since: "Culture
    Minister X has responded. She said ...", "X, who voted against, said ... '...,' she said".
    The speaker is whom such a "she" continues whatever the gender of a person named earlier."""
    parts = set(untitled(speaker.name).replace("-", " ").split())
    sharing = {id(m): m for _, _, m in named_people(analysis) if parts & set(untitled(m.name).replace("-", " ").split())}
    people = list(sharing.values())
    if any(not _same_person(p, speaker) or not _same_person(p, q) for p in people for q in people):
        return False  # a namesake or a relative ("Donald Jr.", "the younger Mr. Trump"): which one spoke is not sure
    start = analysis.sentences[max(0, _narrative_before(analysis, analysis.sentence_of(offset)))][0]
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
    return not any(not _same_person(m, speaker) and last <= a < offset for a, _, m in named_people(analysis))


def _may_be_person(m: Mention) -> bool:
    """Whether a source may be a "he" or "she": a person, or a name the tagger called a body
    that does not say it is one; not a common noun phrase for a thing ("a routine audit")."""
    words = m.name.split()
    if m.label == "PERSON":
        return True
    if m.plural or m.label not in ("ORG", "NOUN") or not words or any(w.strip(".,").lower() in _BODY_WORDS for w in words):
        return False
    # a capitalised phrase no entity tag calls anyone's name ("Right Wing Monitor reported")
    # is a person's only when it opens with a given name
    return m.label == "ORG" or words[-1].lower() in PERSON_NOUNS or words[-1][:1].isupper() and words[0].lower() in given_names()


def _rivals(analysis: Analysis, mention: Mention, offset: int, gender: str) -> bool:
    """Whether another named person whose gender does not rule them out occurs in the stretch a
    pronoun at ``offset`` looks back over (its sentence and the three before): the
    nearest-stretch rule alone would pick ``mention`` although nothing but proximity says the
    pronoun is theirs. A name inside a quotation is no rival of a pronoun outside one."""
    si = analysis.sentence_of(offset)
    start = analysis.sentences[max(0, si - 3)][0]
    quoted = analysis.in_quote(offset, offset + 1)  # (outside a quotation, a name inside one is talked about: no rival)
    return any(not _same_person(m, mention) and start <= a < offset and mention_gender(analysis, m) in (None, gender)
               and (quoted or not analysis.in_quote(a, b)) for a, b, m in named_people(analysis))


def _same_person(a: Mention, b: Mention) -> bool:
    """Whether two mentions name one person: the same, or one's name (titles aside) a part of the
    other's ("Mr. McKinley", "Kevin McKinley")."""
    if a is b:
        return True
    x, y = set(untitled(a.name).replace("-", " ").split()), set(untitled(b.name).replace("-", " ").split())
    return bool(x and y) and (x <= y or y <= x)
