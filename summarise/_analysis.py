"""Deterministic analysis of an article with spaCy: sentences, entities, quotes, and
the sources that speak in it. What a pronoun, surname or "the minister" refers to is in
``_references`` (and ``_coref`` for pronouns).

Attribution frames are found in ``_frames``; loaded terms in ``_loaded``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ._nlp import doc_text, lexicons, nlp
from ._quotes import quotation_spans
from ._wellformed import ABBREVIATED_TITLES

__all__ = ["Analysis", "Mention", "analyse", "common_plural_at", "full_person", "strip_det", "untitled"]

# Nouns that name an institution when used as "the X" ("the company said").
INSTITUTION_NOUNS = frozenset(
    "company firm group government ministry office department agency commission council union "
    "regulator court police authority board party club league university hospital embassy "
    "administration campaign team committee army military service bank operator watchdog "
    "prosecutor prosecutors organisation organization institute charity body trust federation "
    "association corporation insurer airline carrier studio network channel newspaper publication outlet magazine".split()
)
ROLE_NOUNS = frozenset(
    "minister president spokesperson spokesman spokeswoman chairman chairwoman chair executive "
    "director secretary official officer analyst researcher expert scientist professor doctor "
    "lawyer attorney judge mayor governor senator leader chief commissioner manager economist "
    "author editor founder ceo cfo coach captain player ambassador general commander "
    "inspector detective sergeant constable superintendent head deputy adviser advisor "
    "consultant engineer engineers worker workers residents resident witness witnesses "
    "activist activists campaigner organiser organizer organisers organizers candidate "
    "challenger incumbent councillor councilor member members representative spokespeople "
    "aide staffer lawmaker legislator strategist pollster critic supporter opponent voter delegate "
    "protester demonstrator historian scholar observer investor donor reporter journalist "
    "correspondent commentator negotiator diplomat envoy regulator auditor".split()
)
# Abbreviated titles written before a name ("Gov. Mike Pence"): the role they stand for.
ROLE_ABBREVIATIONS = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general", "lt.": "lieutenant",
    "col.": "colonel", "maj.": "major", "capt.": "captain", "sgt.": "sergeant", "adm.": "admiral",
    "supt.": "superintendent", "insp.": "inspector", "det.": "detective", "atty.": "attorney",
    "sec.": "secretary", "amb.": "ambassador", "cmdr.": "commander", "pres.": "president",
    "cpl.": "corporal", "pvt.": "private", "spc.": "specialist", "brig.": "brigadier", "ofc.": "officer",
    "asst.": "assistant", "dist.": "district", "msgr.": "monsignor", "ald.": "alderman", "treas.": "treasurer",
}
PRONOUNS_SING = {"he", "she", "him", "her", "his"}
PRONOUNS_PLUR = {"they", "them", "their"}

@dataclass
class Mention:
    """A person or institution that the article names, for resolving later references."""

    name: str
    """Its name as first written in full (``Shin Won-sik``, ``Russian Embassy in Pyongyang``)."""
    role: str
    """Its role or description where the article gives one (``the defense minister of South Korea``)."""
    label: str
    """spaCy entity label (``PERSON``, ``ORG``, ``GPE``, ``NORP``) or ``NOUN``."""
    start: int
    """Offset of the first mention."""
    plural: bool = False

    @property
    def display(self) -> str:
        """Name and role, as a self-contained source name."""
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass
class Analysis:
    """Everything the deterministic analysis found in one article."""

    text: str
    doc: Any
    sentences: list[tuple[int, int]]
    """(start, end) of each sentence, trimmed of surrounding white space."""
    entities: list[tuple[str, str, int, int]]
    """(text, label, start, end) of each named entity."""
    quotes: list[tuple[int, int]]
    """(start, end) of each quoted stretch, quote marks included."""
    mentions: list[Mention] = field(default_factory=list)
    """People and institutions named, in order of first mention."""

    def sentence_of(self, offset: int) -> int:
        for i, (s, e) in enumerate(self.sentences):
            if s <= offset < e:
                return i
        return max(0, len(self.sentences) - 1)

    def in_quote(self, start: int, end: int) -> bool:
        return any(qs <= start and end <= qe for qs, qe in self.quotes)

    def quotation_of(self, start: int, end: int) -> str:
        """The text of the quotation that holds ``[start, end)`` (the whole of one broken over
        sentences: '"... vote for Hillary ... But it's not enough," she said'), else of the span."""
        a, b = min(((qs, qe) for qs, qe in self.quotes if qs <= start and end <= qe), key=lambda q: q[1] - q[0], default=(start, end))
        return self.text[a:b]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: Military and police ranks written before a name: a rank, not the office held.
_RANKS = frozenset("general colonel major captain lieutenant admiral sergeant brigadier marshal commodore".split())
_ROLE_DEPS = ("compound", "amod", "nmod", "poss", "case")


def _premodifies(tok: Any, attached: set[int], lo: int, start: int) -> bool:
    """Whether ``tok`` is part of a role written before a name: a modifier of the name, or inside
    a prepositional phrase hung on one ("Minister [of Defence] General X")."""
    if tok.ent_type_ not in ("", "ORG", "NORP", "GPE"):
        return False
    t = tok
    while t.dep_ in _ROLE_DEPS + ("prep", "pobj") and t.head.i != t.i:
        if t.head.i in attached:
            return t.dep_ in _ROLE_DEPS
        if not lo < t.head.i < start:
            return False
        t = t.head
    return False


def _role_of(ent: Any) -> str:
    """The appositive or pre-modifying role of a PERSON/ORG entity, as written."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and not any(t.text in ("--", "\u2014", "\u2013") for t in ent.doc[root.i:child.i]):
            # (an aside set off by dashes is no role: "X -- author of a study that ... -- is"); without relative clauses and participles ("an analyst at X, who cut her rating ...")
            drop = {x.i for t in child.subtree if t.dep_ == "relcl" and t.i > child.i for x in t.subtree}
            toks = [t for t in child.subtree if t.i not in drop]
            while toks[-1].i + 2 < len(ent.doc) and ent.doc[toks[-1].i + 1].text == "-" and not toks[-1].whitespace_ \
                    and not ent.doc[toks[-1].i + 1].whitespace_:  # "co-founder of X", split at its hyphen: the whole word and its phrase
                toks += [t for t in ent.doc[toks[-1].i + 2].subtree if t.i > toks[-1].i and t.i not in drop]
            while len(toks) > 1 and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
                toks = toks[:-1]
            span = ent.doc[toks[0].i : toks[-1].i + 1]
            text = doc_text(ent.doc)
            if "(" in text[ent.end_char:span.start_char] and ")" not in text[ent.end_char:span.start_char]:
                close = text.find(")", span.start_char)  # "Nancy Pelosi (D-Calif.)": the whole bracket
                inside = text[text.index("(", ent.end_char) + 1:close].strip(" ,") if close > 0 else ""
                if inside and not re.fullmatch(r"[DRI]", inside) and len(inside.split()) <= 8:  # ("(D)" alone is a party, no role;
                    return inside  # "(a Democrat so boyish he has been mistaken for a staffer)" an aside, no role)
                continue
            if child.ent_type_ == "PERSON" or re.fullmatch(r"\(?[DRI]\)?", span.text.strip()) or (
                    len(span) == 2 and span[0].lower_ in ("the", "a") and span[1].lower_ in ("woman", "man", "person", "girl", "boy")):
                # "Clinton, Sanders": two people, no role; "(D)" alone is a party, no role; "X, the
                # woman who filed the complaint": no role once the clause is gone
                continue
            nxt = ent.doc[span.end] if span.end < len(ent.doc) else None
            if nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                continue  # "For X, the worst attack in a decade was ...": the clause's subject, no role of X's
            before = text[ent.end_char:span.start_char]
            # beside the name: after its place or party ("of Florida", "(D-Fla.)") and an adverb ("then") at most
            if not re.fullmatch(r"(?:\s+of(?:\s+[A-Z][\w.'-]*)+)?(?:\s*\([^()]{1,40}\))?\s*[,(\u2014\u2013-]?\s*(?:[a-z]+\s+)?", before):
                continue  # not beside the name: a parse that hung a later noun on it ("X, which will see houses, a road")
            return span.text.strip(" ,")
    # "chief executive Helen Marsh", "deputy commissioner Anil Varma", "retired bus driver X"
    j = ent.start - 1
    role_toks: list[Any] = []
    attached = set(range(ent.start, ent.end))
    while j >= 0 and _premodifies(ent.doc[j], attached, ent.start - 12, ent.start):
        role_toks.insert(0, ent.doc[j])
        attached.add(j)
        j -= 1
    if len(role_toks) > 1 and role_toks[-1].lower_ in _RANKS and any(t.dep_ == "prep" for t in role_toks[:-1]) \
            and any(t.lemma_.lower() in ROLE_NOUNS for t in role_toks[:-1]):
        role_toks = role_toks[:-1]  # "Minister of Defence General X": the office, not the rank
    if role_toks and any(t.lemma_.lower() in ROLE_NOUNS for t in role_toks):
        # (a common word capitalised only as the sentence's first, "Former Mexico leader X", is not)
        words = [t.lower_ if k == 0 and t.is_sent_start and t.tag_ not in ("NNP", "NNPS") and not t.ent_type_ else t.text
                 for k, t in enumerate(role_toks)]
        return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
    if role_toks and any(t.lower_ in ROLE_ABBREVIATIONS for t in role_toks):  # "Gov. Mike Pence" -> governor
        # ("Army Capt. X" -> "Army captain", "Lt. Col. X" -> "lieutenant colonel")
        return " ".join(ROLE_ABBREVIATIONS.get(t.lower_, t.text) for t in role_toks)
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ROLE_ABBREVIATIONS:
        return ROLE_ABBREVIATIONS[ent.doc[ent.start - 1].lower_]
    return ""


def strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+(?=[A-Z])", "", text.strip())


#: Honorifics and titles written before a name ("Mr Santorum", "Dr Lee", "Sen Reid"), lower case
#: without a full stop: never a given name.
TITLES = ABBREVIATED_TITLES | frozenset("miss mx sir dame lord lady fr sr sra herr frau mme mlle".split())


def analyse(text: str) -> Analysis:
    """Parse ``text`` and collect sentences, entities, quotes and named sources."""
    doc = nlp(text)
    from ._entity_repairs import mend_entities, surnames_read_as_nouns

    mend_entities(doc)
    _mend_lemmas(doc)
    _mend_noun_read_cues(doc)
    surnames_read_as_nouns(doc)
    sentences = []
    for s in doc.sents:
        a, b = _trimmed(text, s.start_char, s.end_char)
        if b > a:
            sentences.append((a, b))
    entities = [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
    analysis = Analysis(text, doc, sentences, entities, quotation_spans(text))
    seen: dict[str, Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        name = strip_det(ent.text)
        if " " in name and ent.label_ in ("PERSON", "ORG"):
            name = re.sub(r"(?<=\w)['\u2019]s$", "", name)  # "Bernie Sanders's chance": the name without the possessive
        if ent.label_ == "PERSON" and _question_verb(ent):
            continue  # "Will Sanders come down off the pique?": a question's verb, not a given name
        if ent.label_ == "PERSON":
            full = full_person(name, seen)
            if full is None and untitled(name) != name:  # "Cllr Ashworth" after "Councillor Brian Ashworth"
                full = full_person(untitled(name), seen)
            if full is not None:
                if not full.role and " " in untitled(name):
                    # (a role written with a bare surname may be a namesake's: "President Clinton"
                    # after "Hillary Clinton" is her husband)
                    full.role = _role_of(ent)
                continue
        if name.lower() in (k.lower() for k in seen):
            continue
        m = Mention(name, _role_of(ent) if ent.label_ in ("PERSON", "ORG") else "", ent.label_, ent.start_char,
                    plural=ent.label_ == "NORP" or _plural_name(name) and ent.label_ != "PERSON")
        seen[name] = m
        analysis.mentions.append(m)
    return analysis


_QUESTION_VERBS = frozenset("will can could would should shall may might must did does do is was has have".split())


def _question_verb(ent: Any) -> bool:
    """Whether a name opens a question with a verb the tagger took into it ("Will Sanders ...?")."""
    first = ent.doc[ent.start]
    return len(ent) > 1 and first.is_sent_start and first.lower_ in _QUESTION_VERBS and ent.sent.text.rstrip().endswith("?")


# Last words of names of one body that end in -s ("The New York Times", "Fox News", "General Motors").
_ONE_BODY_ENDINGS = frozenset("times news press motors industries airlines systems services holdings communications partners "
                              "brothers nations reuters sciences solutions technologies networks resources laboratories labs "
                              "studios pharmaceuticals electronics logistics mills works dynamics graphics analytics".split())


def _plural_name(name: str) -> bool:
    """Whether a body's name is plural by its head word: "Free Democrats" is, "International
    Federation of Journalists" (a federation) and "The New York Times" are not."""
    head = re.split(r"\s+(?:of|for|on|in|against)\s+", name, maxsplit=1)[0]
    return head.endswith("s") and head.split()[-1].lower() not in _ONE_BODY_ENDINGS


def _mend_lemmas(doc: Any) -> None:
    """Lemmas the small pipeline gets wrong for a cue ("hoping", "hopes" -> "hop"): a verb whose
    stem with its "e" is a cue of the lexicon, while the lemma given is not one."""
    cues = lexicons().cue_kind
    for t in doc:
        if t.lemma_.lower() in cues or t.pos_ != "VERB":
            continue
        low = t.lower_
        stem = {"VBG": low[:-3] + "e" if low.endswith("ing") else "", "VBZ": low[:-1] if low.endswith("es") else "",
                "VBD": low[:-1] if low.endswith("ed") else "", "VBN": low[:-1] if low.endswith("ed") else ""}.get(t.tag_, "")
        if stem in cues:
            t.lemma_ = stem  # "hoping", "hopes" -> "hope", not "hop"


def _mend_noun_read_cues(doc: Any) -> None:
    """A cue the tagger read as a plural noun after a capitalised name it took for a noun
    ("Trump estimates that he spent ...": "Trump estimates" a compound, the sentence's root a
    noun with a clause hung on it): the name is the subject and the cue a verb. Only a root noun
    whose singular is a cue, with no determiner, a clause of its own, and one capitalised word
    before it that opens the sentence."""
    cues = lexicons().cue_kind
    for t in doc:
        if t.dep_ != "ROOT" or t.tag_ != "NNS" or not t.lower_.endswith("s"):
            continue
        stem = next((s for s in (t.lower_[:-1], t.lower_[:-2]) if s in cues), None)
        left = [c for c in t.children if c.i < t.i]
        if stem is None or len(left) != 1 or left[0].dep_ != "compound" or left[0].i != t.i - 1:
            continue
        name = left[0]
        if not (name.is_alpha and name.text[:1].isupper() and name.text[1:].islower()) or name.i != t.sent.start or any(
                c.dep_ in ("compound", "det", "poss", "amod") for c in name.children):
            continue
        if not any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
            continue
        t.pos_, t.tag_, t.lemma_ = "VERB", "VBZ", stem
        name.dep_, name.pos_, name.tag_ = "nsubj", "PROPN", "NNP"


def common_plural_at(analysis: Analysis, offset: int) -> bool:
    """Whether the word starting at character ``offset`` is a common plural noun (tag NNS)."""
    span = analysis.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].idx == offset and span[0].tag_ == "NNS"


_NAME_TITLES = TITLES | frozenset("cllr councillor councilor senator representative governor mayor judge professor".split())


def untitled(name: str) -> str:
    """A person's name without the titles written before it ("Cllr Ashworth" -> "Ashworth")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _NAME_TITLES:
        words = words[1:]
    return " ".join(words)


def full_person(name: str, seen: dict[str, Mention]) -> Mention | None:
    """An earlier PERSON mention that ``name`` (a surname, or the same name) refers to."""
    parts = name.replace("-", " ").split()
    people = [m for m in seen.values() if m.label == "PERSON"]
    same = [m for m in people if m.name == name]
    if same:
        return same[-1]
    if len(parts) != 1:
        return None
    # A surname names the first person introduced with it: news style calls a later namesake
    # ("his wife, Melania Trump") by the full or first name. A first name alone, the latest.
    by_surname = [m for m in people if parts[0] == m.name.replace("-", " ").split()[-1]]
    if by_surname:
        return by_surname[0]
    by_first = [m for m in people if parts[0] == m.name.replace("-", " ").split()[0]]
    return by_first[-1] if by_first else None
