"""What a reference in the article points back to: a repeated name, a surname, "the minister",
"the agency", "the company", "a spokesperson" (pronouns through ``_coref``), resolved only where
the article leaves one candidate."""

from __future__ import annotations

import re

from ._analysis import (INSTITUTION_NOUNS, PRONOUNS_PLUR, PRONOUNS_SING, Analysis, Mention, common_plural_at, full_person, strip_det,
                        untitled)

from ._parse_repairs import NAME_PARTICLES

__all__ = ["resolve_reference", "things_named"]


# Common nouns that, written just before a name ("the app Zipli", "the bank Morland"), say that
# the name is a thing or a body's, whatever the tagger called it.
_THING_NOUNS = frozenset(
    "company firm agency app platform website site brand startup start-up retailer chain store restaurant "
    "magazine newspaper network channel studio airline carrier insurer bank operator charity organisation "
    "organization institute university hospital broadcaster publisher manufacturer carmaker automaker "
    "chipmaker supermarket".split())


def things_named(analysis: Analysis) -> set[str]:
    """Names the tagger called a person's that the text calls a thing: a noun of ``_THING_NOUNS``
    compounded or set in apposition right before one of its occurrences."""
    out = set()
    for e in analysis.doc.ents:
        if e.label_ != "PERSON" or e.start == 0:
            continue
        prev = analysis.doc[e.start - 1]
        if prev.pos_ == "NOUN" and prev.lower_ in _THING_NOUNS and e.start <= prev.head.i < e.end:
            out.add(re.sub(r"^(?:the\s+)", "", e.text))
    return out


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


def resolve_reference(analysis: Analysis, span_text: str, offset: int, *,
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
    if len(s.split()) > 1 and all(w in NAME_PARTICLES for w in s.split()[:-1]):
        # "dos Santos" for "Ana dos Santos": a surname with its particles
        found = next((m for m in earlier if m.label == "PERSON" and m.name.endswith(" " + s)), None)
        if found is not None:
            return found
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
        found = found or _description(analysis, words[-1], offset, earlier)
        if found is not None and words[1] in _ANY_BODY_HEADS and _other_body_since(analysis, found, offset):
            return None  # "Black Lives Matter issued a statement ... the group said": not the paper named before it
        return found
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
    # a surname the tagger also took for a body ("Lang" after "Viktor Lang") is the person's
    surnames = {m.name.split()[-1] for m in earlier if m.label == "PERSON" and " " in m.name}
    if head in _BUSINESS_HEADS or head in _ANY_BODY_HEADS:
        for m in earlier:
            if m.name in surnames:
                continue
            # a body by its label, or a name the tagger took for a person's that its role calls a
            # business ("Lumora Energy, a three-year-old start-up"); not a common plural the tagger
            # took for a name at the start of a sentence ("Reporters said")
            body = m.label == "ORG" or m.label == "PERSON" and bool(
                set(re.findall(r"[a-z-]+", m.role.lower())[:4]) & (_BUSINESS_HEADS | {"start-up", "business"}))
            # (nor a name with a figure: "COVID-19", which the tagger takes for a body)
            if body and not re.search(r"\d", m.name) and not (" " not in m.name and common_plural_at(analysis, m.start)) and (
                    head in _ANY_BODY_HEADS or not any(w in _NO_BUSINESS for w in re.findall(r"[a-z]+", m.name.lower()))):
                # a body the tagger called a person is named as a body (without the role a person's name shows)
                kind.append((_last_seen(analysis, m, offset), m if m.label == "ORG" else Mention(m.name, m.role, "ORG", m.start, m.plural)))
    # a name the description was written with or is built on comes first, then a body of its kind,
    # then the last description that said which
    best = fits or kind or unnamed
    if not best:
        return None
    at, pick = max(best, key=lambda f: f[0])
    root = next((t for t in doc if t.idx >= at), None)
    while root is not None and root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    if not fits and root is not None and (root.dep_ == "conj" or any(c.dep_ == "conj" and c.ent_type_ for c in root.children)):
        return None  # "Acme, Brightline and Vantor are back online. The company said": which of them, the text does not say
    if _other_owner_since(analysis, pick, at, offset, earlier):
        return None  # "the Trump campaign ... Hillary Clinton plans to ... The campaign says": whose, the text does not say
    return pick


# Bodies that are a person's own ("the Trump campaign", "Clinton's team").
_PERSONAL_BODIES = frozenset("campaign camp team staff office family aides advisers advisors lawyers attorneys".split())


def _other_body_since(analysis: Analysis, found: Mention, offset: int) -> bool:
    """Whether another capitalised name of a body or a movement, whatever the entity tagger called
    it ("Black Lives Matter" as a title), is named since the article last wrote ``found`` and in
    this sentence or the three before: "the group" may be that one."""
    low = strip_det(found.name).lower()
    last = max([e.start_char for e in analysis.doc.ents if strip_det(e.text).lower() == low and e.start_char < offset] + [found.start])
    si = analysis.sentence_of(offset)
    return any(last < e.start_char < offset and e.label_ in ("ORG", "WORK_OF_ART", "FAC", "EVENT", "PRODUCT") and low not in e.text.lower()
               and analysis.sentence_of(e.start_char) >= si - 3 and not analysis.in_quote(e.start_char, e.end_char) for e in analysis.doc.ents)


def _other_owner_since(analysis: Analysis, pick: Mention, at: int, offset: int, earlier: list[Mention]) -> bool:
    """Whether a description that fits a person's body ("the Trump campaign", "Clinton's team") may
    be another person's: someone else is named, outside a quotation, since the article last wrote it."""
    from ._persons import named_people

    words = re.findall(r"[\w-]+", pick.name)
    owners = {w for w in words[:-1] if w[:1].isupper() and w.lower() != "the"}
    if not words or words[-1].lower() not in _PERSONAL_BODIES or not owners:
        return False
    last = max(at, analysis.text.lower().rfind(pick.name.lower(), 0, offset))
    return any(last < a < offset and not analysis.in_quote(a, b) and not owners & set(untitled(m.name).split())
               for a, b, m in named_people(analysis))
