"""Deterministic analysis of an article with spaCy: sentences, entities, quotes, and
the sources that speak in it (with simple coreference of "he", "she", "the minister").

Attribution frames are found in ``_frames``; loaded terms in ``_loaded``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ._nlp import lexicons, nlp
from ._wellformed import ABBREVIATED_TITLES

__all__ = ["Analysis", "Mention", "analyse", "full_person", "resolve_reference", "strip_det"]

# Nouns that name an institution when used as "the X" ("the company said").
INSTITUTION_NOUNS = frozenset(
    "company firm group government ministry office department agency commission council union "
    "regulator court police authority board party club league university hospital embassy "
    "administration campaign team committee army military service bank operator watchdog "
    "prosecutor prosecutors organisation organization institute charity body trust federation "
    "association corporation insurer airline carrier studio network channel newspaper".split()
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


_QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"))


_PARAGRAPH_OPENS = "\u201c\"'`\u2018"


def _double_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations in double marks, curly or straight, mixed as sloppy copy mixes them ('"Just when
    ... it did.\u201d'). A straight mark opens after a space or a bracket and before a word, and
    closes after a word or punctuation. A quotation runs over a line break only into a paragraph
    that opens with a mark (the convention for quoting several paragraphs); one whose closing mark
    is missing ends with its paragraph, and never pairs with a mark paragraphs later."""
    spans: list[tuple[int, int]] = []
    start: int | None = None

    def cut(upto: int) -> None:
        nonlocal start
        if start is None:
            return
        for nl in re.finditer(r"\n", text[start:upto]):
            rest = text[start + nl.end():upto + 1].lstrip()  # with the mark at upto, if any
            if not rest or rest[0] not in _PARAGRAPH_OPENS:
                end = start + nl.start()
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end - start > 1:
                    spans.append((start, end))
                start = None
                return

    for m in re.finditer('[\u201c\u201d"]', text):
        i, ch = m.start(), m.group()
        cut(i)
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "\u201c":
            opening = True
        elif ch == "\u201d":
            opening = False
        elif (prev.isspace() or prev in "([{\u2014\u2013-/") and not nxt.isspace():
            opening = start is None or "\n" in text[start:i]
        elif not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-"):
            opening = False
        else:
            opening = start is None
        if opening:
            if start is None or not ("\n" in text[start:i] and not text[text.rfind("\n", 0, i) + 1:i].strip()):
                start = i  # a new quotation (a mark opening its paragraph continues the last one)
        elif start is not None:
            spans.append((start, i + 1))
            start = None
    cut(len(text))
    return spans


def _quotes(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = _double_quotes(text)
    # doubled apostrophes as quotation marks, as news archives print them (''...'' and ``...'')
    # an opening pair follows a space or a bracket and precedes a word; a closing pair follows a
    # word or punctuation and precedes no word; neither runs over a blank line (a missing mark
    # must not pair every later quotation wrongly)
    for m in re.finditer(r"(?<![^\s(\[\u2014\u2013-])(?:''|``)(?=[^\s'])((?:(?!'')(?!\n\s*\n).){2,3000}?)(?<=\S)''(?!\w)",
                         text, flags=re.S):
        spans.append((m.start(), m.end()))
    # single curly quotes only as a pair around several words (apostrophes are U+2019 too)
    for m in re.finditer(r"(?<!\w)\u2018([^\u2018\u2019]{3,200}?)\u2019(?!\w)", text):
        spans.append((m.start(), m.end()))
    return sorted(set(spans))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _role_of(ent: Any) -> str:
    """The appositive or pre-modifying role of a PERSON/ORG entity, as written."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            # without relative clauses and participles ("an analyst at X, who cut her rating ...")
            drop = {x.i for t in child.subtree if t.dep_ == "relcl" and t.i > child.i for x in t.subtree}
            toks = [t for t in child.subtree if t.i not in drop]
            while len(toks) > 1 and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
                toks = toks[:-1]
            span = ent.doc[toks[0].i : toks[-1].i + 1]
            text = ent.doc.text
            before = text[ent.end_char:span.start_char]
            # beside the name: after its place or party ("of Florida", "(D-Fla.)") and an adverb ("then") at most
            if not re.fullmatch(r"(?:\s+of(?:\s+[A-Z][\w.'-]*)+)?(?:\s*\([^()]{1,40}\))?\s*[,(\u2014\u2013-]?\s*(?:[a-z]+\s+)?", before):
                continue  # not beside the name: a parse that hung a later noun on it ("X, which will see houses, a road")
            if "(" in before and ")" not in before:  # "Nancy Pelosi (D-Calif.)": the whole bracket
                close = text.find(")", span.start_char)
                if close > 0:
                    return text[text.index("(", ent.end_char) + 1:close].strip(" ,")
            return span.text.strip(" ,")
    # "chief executive Helen Marsh", "deputy commissioner Anil Varma", "retired bus driver X"
    j = ent.start - 1
    role_toks: list[Any] = []
    attached = set(range(ent.start, ent.end))
    while j >= 0 and ent.doc[j].head.i in attached and ent.doc[j].dep_ in ("compound", "amod", "nmod", "poss", "case") and ent.doc[j].ent_type_ in ("", "ORG", "NORP", "GPE"):
        role_toks.insert(0, ent.doc[j])
        attached.add(j)
        j -= 1
    if role_toks and any(t.lemma_.lower() in ROLE_NOUNS for t in role_toks):
        return " ".join(t.text for t in role_toks).replace(" 's", "'s").replace(" ’s", "’s")
    if role_toks and role_toks[0].lower_ in ROLE_ABBREVIATIONS:  # "Gov. Mike Pence" -> governor
        return " ".join([ROLE_ABBREVIATIONS[role_toks[0].lower_]] + [t.text for t in role_toks[1:]])
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ROLE_ABBREVIATIONS:
        return ROLE_ABBREVIATIONS[ent.doc[ent.start - 1].lower_]
    return ""


def strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+(?=[A-Z])", "", text.strip())


#: Honorifics and titles written before a name ("Mr Santorum", "Dr Lee", "Sen Reid"), lower case
#: without a full stop: never a given name.
TITLES = ABBREVIATED_TITLES | frozenset("miss mx sir dame lord lady fr sr sra herr frau mme mlle".split())


def _whole_person_names(doc: Any) -> None:
    """A person's name the tagger cut ("chief executive Anders [Holm]") takes back the capitalised
    given name before it: a proper noun compounded onto the name, in no entity, not a role word."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    changed = False
    for k, e in enumerate(ents):
        if e.label_ != "PERSON" or len(e) != 1 or e.start == 0:
            continue
        prev = doc[e.start - 1]
        if (prev.pos_ == "PROPN" and prev.ent_type_ == "" and prev.dep_ == "compound" and prev.head.i == e.start
                and prev.text.isalpha() and prev.text[:1].isupper() and prev.text[1:].islower() and prev.lower_ not in ROLE_NOUNS
                and prev.lower_ not in TITLES
                and prev.lower_ not in ROLE_ABBREVIATIONS):
            ents[k] = Span(doc, e.start - 1, e.end, label="PERSON")
            changed = True
    if changed:
        doc.ents = ents


def analyse(text: str) -> Analysis:
    """Parse ``text`` and collect sentences, entities, quotes and named sources."""
    doc = nlp(text)
    _whole_person_names(doc)
    _mend_lemmas(doc)
    sentences = []
    for s in doc.sents:
        a, b = _trimmed(text, s.start_char, s.end_char)
        if b > a:
            sentences.append((a, b))
    entities = [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
    analysis = Analysis(text, doc, sentences, entities, _quotes(text))
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
                if not full.role:
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


def _plural_name(name: str) -> bool:
    """Whether a body's name is plural by its head word: "Free Democrats" is, "International
    Federation of Journalists" (a federation) is not."""
    head = re.split(r"\s+(?:of|for|on|in|against)\s+", name, maxsplit=1)[0]
    return head.endswith("s")


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


def _common_plural_at(analysis: Analysis, offset: int) -> bool:
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


def _named_institution(text: str, head: str, offset: int) -> str | None:
    """The last proper name before ``offset`` built on ``head`` ("the agency" -> "National
    Anti-Doping Agency", "the ministry" -> "Ministry of Defence")."""
    if head not in INSTITUTION_NOUNS or len(head) < 4:
        return None
    cap = head[0].upper() + head[1:]
    pattern = re.compile(
        r"(?:[A-Z][\w’'-]+\s+){0,5}" + re.escape(cap) + r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w’'-]+){1,4})?"
    )
    found = [m.group(0) for m in pattern.finditer(text[:offset]) if m.group(0) != cap]
    return found[-1].strip() if found else None


def resolve_reference(analysis: Analysis, span_text: str, offset: int, *, prefer_person: bool | None = None,
                      recent_sources: list[Mention] | None = None) -> Mention | None:
    """The mention that a pronoun, surname or "the minister" at ``offset`` refers to.

    ``recent_sources`` (most recent last) are the sources of earlier attribution frames: a
    pronoun prefers them over any entity, as "he said" continues whoever spoke last.
    """
    s = strip_det(span_text).strip()
    s = re.sub(r"^(?:Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Judge|President|Minister|Chancellor|Senator|Governor|Mayor|General|Chief|Gov\.|Sen\.|Rep\.|Gen\.|Lt\.|Col\.|Capt\.|Sgt\.)\s+(?=[A-Z])", "", s)
    s = untitled(s)  # "Cllr Ashworth"
    low = s.lower()
    earlier = [m for m in analysis.mentions if m.start < offset]
    words = low.split()
    if low in PRONOUNS_SING | PRONOUNS_PLUR:
        # only when gender, number and syntax leave one named candidate (see _coref)
        from ._coref import resolve_pronoun

        return resolve_pronoun(analysis, low, offset, recent_sources)
    # a repeated name, then a surname (the first person of that surname: see full_person)
    for m in reversed(earlier):
        if s == m.name:
            return m
    if len(s.split()) == 1:
        people = [m for m in earlier if m.label == "PERSON"]
        # a surname as written first ("Clinton" is Hillary Clinton, not a "Trump-Clinton" fight
        # named earlier), then as the last part of a hyphenated name ("Jones" for Ana Smith-Jones)
        for key in (lambda n: n.split()[-1], lambda n: n.replace("-", " ").split()[-1]):
            for m in people:
                if s == key(m.name):
                    return m
        for m in reversed(people):
            if s in m.name.replace("-", " ").split():
                return m
    if words and words[0] in ("the", "a", "an", "this", "that") and len(words) == 2:
        found = _spokesperson(analysis, words[0], words[1], offset, recent_sources or []) if words[1] in _SPOKES else None
        return found or _description(analysis, words[-1], offset, earlier)
    return None


_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def _spokesperson(analysis: Analysis, det: str, head: str, offset: int, recent: list[Mention]) -> Mention | None:
    """Whose "a spokesperson" reports right after a body's own report ("Zipli rejected both claims.
    A spokesperson said ..."): that body's, when the body spoke last and was named in the sentence
    before or this one; "the spokesperson" after it is the same one."""
    if not recent:
        return None
    last = recent[-1]
    if det == "the" and last.label == "NOUN" and last.name.lower().endswith(" " + head) and last.name.split()[0].lower() in ("a", "an", "the"):
        # "A spokesperson said ... The spokesperson said ...": the same one
        return Mention("the " + last.name.split(None, 1)[1], "", "NOUN", offset)
    from ._coref import things_named

    body = last.label == "ORG" or last.label == "NOUN" and last.name.split()[-1].lower() in INSTITUTION_NOUNS \
        or last.label == "PERSON" and last.name in things_named(analysis)  # "the app Zipli"
    if not body:
        return None
    si = analysis.sentence_of(offset)
    start = analysis.sentences[max(0, si - 1)][0]
    if analysis.text.rfind(strip_det(last.name), start, offset) < 0:
        return None
    body_name = strip_det(last.name)
    article = det if det in ("the", "a", "an") else "the"
    if article in ("a", "an"):
        article = "an" if body_name[:1].lower() in "aeiou" else "a"
    return Mention(f"{article} {body_name} {head}", "", "NOUN", offset)


# Heads of a description that only a business fits ("the company" is no union, party or ministry).
_BUSINESS_HEADS = frozenset("company firm operator developer retailer carrier airline insurer "
                            "manufacturer carmaker automaker chipmaker publisher broadcaster startup start-up".split())
# Heads that any organisation fits ("the group" may be a company, a charity or a federation).
_ANY_BODY_HEADS = frozenset({"group", "club", "organisation", "organization"})
# Words in a body's name that say it is no business.
_NO_BUSINESS = (INSTITUTION_NOUNS - _BUSINESS_HEADS - {"corporation", "bank", "network", "channel", "studio", "newspaper"}) | frozenset(
    "ministry parliament senate congress assembly court tribunal union federation association council "
    "commission committee party police army navy university college school hospital church foundation".split())
# Heads that name a body by another word than its name has ("the force" for "Westshire Police").
_NAME_WORDS_OF = {"force": {"police", "constabulary"}}
# Modifiers that say which of several, not what kind ("the other agency", "the same company").
_NOT_DESCRIPTIVE = frozenset("other same first second third last next new former previous another such whole "
                             "entire own latest".split())


def _last_seen(analysis: Analysis, m: Mention, offset: int) -> int:
    """Where the article last names ``m`` before ``offset`` (its first mention if nowhere later)."""
    low = m.name.lower()
    # the whole name, or its first words alone ("Lumora" for "Lumora Energy")
    at = [e.start_char for e in analysis.doc.ents if e.start_char < offset and e.label_ != "DATE" and (
        strip_det(e.text).lower() == low or " " in low and low.startswith(strip_det(e.text).lower() + " "))]
    return max(at + [m.start])


def _description(analysis: Analysis, head: str, offset: int, earlier: list[Mention]) -> Mention | None:
    """What "the <head>" at ``offset`` refers to: of the bodies and people it fits, the one the
    article mentioned last. It fits a name built on the head ("the agency": "National Disaster
    Management Agency"), a name the head was written beside ("developer Greyhawk Homes", "the research
    firm Greyline", "Greyline, a research firm"), a role given with a person's name, and, for "the
    company" or "the firm", the last business named (a name that says it is a union, a party or a
    ministry is no company; "the group" fits any body). Where no name fits, an earlier description
    of the same head that says which ("the national anti-doping agency"). Nothing fits: None, and
    the description stays as written."""
    fits: list[tuple[int, Mention]] = []
    unnamed: list[tuple[int, Mention]] = []
    doc = analysis.doc
    at = next((t for t in doc if t.idx >= offset and t.lower_ == head), None)
    if at is not None and at.tag_ in ("NNS", "NNPS"):
        # "the companies": the bodies named together, not the one named first ("Merck & Co. and Ridgeback")
        return None
    for m in earlier:
        words = m.name.lower().split()
        if head in words or (head not in INSTITUTION_NOUNS and head in m.role.lower().split()) \
                or m.label == "ORG" and set(words) & _NAME_WORDS_OF.get(head, set()):
            fits.append((_last_seen(analysis, m, offset), m))
    for t in doc:
        if t.idx >= offset:
            break
        if t.lower_ != head or t.pos_ != "NOUN" or t.ent_type_:
            continue
        # written beside a name: "developer Greyhawk Homes", "the firm Greyline", "Greyline, a firm"
        named = [x for x in (t.head, *t.children) if (x.ent_type_ in ("ORG", "PERSON") or x.pos_ == "PROPN" and not x.ent_type_) and (
            (t.dep_ in ("compound", "appos") and x.i == t.head.i) or (x.dep_ == "appos" and x.head.i == t.i))]
        if named:
            ent = next((e for e in doc.ents if e.start <= named[0].i < e.end), None)
            m = next((m for m in earlier if ent is not None and m.name.lower() == strip_det(ent.text).lower()), None)
            if m is None and ent is not None and ent.label_ == "PERSON":
                m = full_person(strip_det(ent.text), {x.name: x for x in earlier})
            if m is None and ent is None:  # a name the tagger left out of its entities ("Greyline, a research firm")
                x = named[0]
                parts = [c for c in x.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"] + [x]
                m = Mention(doc[parts[0].i:x.i + 1].text, "", "ORG" if head in INSTITUTION_NOUNS else "NOUN", x.idx)
            if m is not None:
                fits.append((t.idx, m))
            continue
        # an earlier description that says which: "the national anti-doping agency"
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i]
        if any(c.lower_ in ("the", "this") for c in t.children if c.dep_ == "det") and mods \
                and not any(c.lower_ in _NOT_DESCRIPTIVE or any(g.dep_ == "advmod" for g in c.children) for c in mods) \
                and not analysis.in_quote(t.idx, t.idx + 1):  # "the famously liberal court" judges, not says which
            first = min(x.i for c in mods for x in c.subtree)
            if any(q in doc[first:t.i].text for q in "\"\u201c\u201d\u2018\u2019'"):
                continue  # 'the "fact-checking" website': the article's words about it, not which it is
            # with its article, as a description reads ("The national anti-doping agency said")
            unnamed.append((t.idx, Mention("the " + doc[first:t.i + 1].text, "", "ORG" if head in INSTITUTION_NOUNS else "NOUN", t.idx)))
    named = _named_institution(analysis.text, head, offset)
    if named is not None:
        fits.append((analysis.text.rfind(named, 0, offset), Mention(named, "", "ORG", offset)))
    kind: list[tuple[int, Mention]] = []
    if head in _BUSINESS_HEADS or head in _ANY_BODY_HEADS:
        for m in earlier:
            # a body by its label, or a name the tagger took for a person's that its role calls a
            # business ("Lumora Energy, a three-year-old start-up"); not a common plural the tagger
            # took for a name at the start of a sentence ("Reporters said")
            body = m.label == "ORG" or m.label == "PERSON" and bool(
                set(re.findall(r"[a-z-]+", m.role.lower())[:4]) & (_BUSINESS_HEADS | {"start-up", "business"}))
            # (nor a name with a figure: "COVID-19", which the tagger takes for a body)
            if body and not re.search(r"\d", m.name) and not (" " not in m.name and _common_plural_at(analysis, m.start)) and (
                    head in _ANY_BODY_HEADS or not any(w in _NO_BUSINESS for w in re.findall(r"[a-z]+", m.name.lower()))):
                # a body the tagger called a person is named as a body (without the role a person's name shows)
                kind.append((_last_seen(analysis, m, offset), m if m.label == "ORG" else Mention(m.name, m.role, "ORG", m.start, m.plural)))
    # a name the description was written with or is built on comes first, then a body of its kind,
    # then the last description that said which
    best = fits or kind or unnamed
    return max(best, key=lambda f: f[0])[1] if best else None
