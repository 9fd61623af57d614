"""How a frame's source is named: the subject's words resolved to the person or body they refer
to where the analysis is sure ("she", "Ms. Ruiz", "the ministry", an active "it"), else as written;
and a headline's "Name: what they said", whose source is the name before the colon."""

from __future__ import annotations

import re
from typing import Any

from ._analysis import INSTITUTION_NOUNS, PRONOUNS_PLUR, PRONOUNS_SING, TITLES, Analysis, Mention, full_person, strip_det
from ._cues import animate, is_document
from ._frame_syntax import Frame, source_tokens, span_of
from ._kinds import cue_kind_of_text
from ._nlp import lexicons, tokens_in
from ._references import resolve_reference

__all__ = ["colon_quotation", "display_source", "headline_speaker", "last_institution"]


def display_source(analysis: Analysis, toks: list[Any], recent: list[Mention]) -> tuple[str, Mention | None]:
    """How the source whose words are ``toks`` is named in a claim, and the mention it resolves to:
    a pronoun, surname or "the minister" resolved where the analysis is sure, an institution's
    name without its apposition, a dateline taken off."""
    a, b = span_of(toks)
    if analysis.text[a:b].count("(") > analysis.text[a:b].count(")") and analysis.text[b:b + 1] == ")":
        b += 1  # "Rep. X (D-Ariz.)": the bracket's close, which a trailing-punctuation trim took
    raw = re.sub(r"\s", " ", analysis.text[a:b]).strip(" ,")  # (a no-break space in "the\u00a0statement" is a space)
    dateline = re.match(r"^[A-Z][A-Z .,'-]{2,40}\s*[—–-]+\s*", raw)
    if dateline:
        raw = raw[dateline.end():]
        a += dateline.end()
    low = raw.lower()
    whose = toks[0] if toks[0].lower_ == "whose" and toks[0].i > 0 else None
    owner = analysis.doc[whose.i - 1 - (analysis.doc[whose.i - 1].text == ",")] if whose is not None else None
    if owner is not None and owner.pos_ in ("NOUN", "PROPN"):
        from ._frame_relatives import antecedent

        # "The official whose memo revealed ...": the official's memo, not "whose memo"
        return f"{antecedent(owner)}’s{raw[len('whose'):]}" if not owner.text.endswith("s") else f"{antecedent(owner)}’{raw[5:]}", None
    if low == "it":
        m = last_institution(analysis, a, recent)
        return (m.name, m) if m is not None else ("it", None)  # (as an unresolved "he" stays "he": no anonymous sources)
    # a name or a description: "Ruiz", "the agency", "the disaster agency", "a force spokesman"
    short = len(raw.split()) <= 2 or len(raw.split()) == 3 and raw.split()[0].lower() in ("the", "a", "an", "this")
    persons = [e for e in analysis.doc.ents if e.label_ == "PERSON" and a <= e.start_char < b]
    root0 = next((t for t in toks if (t.head not in toks or t.head.i == t.i) and t.dep_ != "advcl"), toks[0])  # (not an adjective hung as a clause)
    heads = {root0.i} | {c.i for c in root0.children if c.dep_ == "appos"}
    person = next((e for e in persons if any(e.start <= i < e.end for i in heads)), None)
    if any(c.dep_ == "conj" for c in root0.children):
        person = None  # "President Joe Biden and Democrats": both speak, not the one named first
    named = next((analysis.doc[h] for h in heads - {root0.i} if any(
        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in analysis.doc[h].children)), None)
    if person is not None and named is not None:
        # "Presidential candidates Hillary Clinton and Donald Trump cited ...": both names, not the first
        heads = {named.i} | {c.i for c in named.conjuncts}
        names = [e.text for e in persons if e.root.i in heads]
        if len(names) > 1:  # (their names only: "X, who studies viruses, and Y, a microbiologist" -> "X and Y")
            name = ", ".join(names[:-1]) + " and " + names[-1]
            return name, Mention(name, "", "PERSON", named.idx, plural=True)
    if person is not None and not short:
        m = full_person(strip_det(person.text), {x.name: x for x in analysis.mentions if x.start <= person.start_char})
        if m is not None:
            return m.display, m
    if low in PRONOUNS_SING | PRONOUNS_PLUR or short and not any(t.like_num or t.text == "%" for t in toks):  # "18%" is no reference
        m = resolve_reference(analysis, raw, a, recent_sources=recent)
        if m is not None and m.label == "PERSON" and low.split()[0] in ("a", "an") and root0.dep_ != "appos":
            m = None  # "a reporter" is someone new, not a person named before (unless set beside the name)
        if m is not None and is_document(root0) and root0.lower_ not in m.name.lower():
            m = None  # "the poll" is a poll, not the body or event named last
        if m is not None and (low in PRONOUNS_SING | PRONOUNS_PLUR or raw.split()[0].lower() in ("the", "a", "an", "this") or m.label == "PERSON"):
            return (m.display if m.label == "PERSON" else m.name), m
    if person is None and any(c.dep_ == "appos" for c in root0.children):
        # "Northgate Mobile, a British mobile operator with ...": an institution's name only
        appos = min(c.left_edge.i for c in root0.children if c.dep_ == "appos")
        keep = [t for t in toks if t.i < appos and not t.is_punct]
        # only an apposition set off by a comma or a dash; "40% of farmers and farm-owning
        # families", misread as one, is all the source
        if keep and (appos < 1 or analysis.doc[appos - 1].text not in (",", "—", "–", "(")) or keep and keep[-1].dep_ == "cc":
            keep = []
        if keep:
            a2, b2 = span_of(keep)
            raw = analysis.text[max(a, a2):b2].strip(" ,")
    # ("the Republican presidential candidate", "a Times article" keep their article: a description, not a name)
    name = raw if root0.pos_ == "NOUN" and not root0.ent_type_ and raw.split()[0].lower() in ("the", "a", "an") else strip_det(raw)
    m = next((m for m in analysis.mentions if m.name == name or m.name.startswith(name) and len(name) > 3), None)
    if m is None:
        # ("the Times": a body's name that ends in -s is one body)
        plural = toks[-1].tag_ == "NNS" or toks[-1].tag_ == "NNPS" and toks[-1].ent_type_ != "ORG" or any(t.dep_ == "conj" for t in toks)
        m = Mention(name, "", "PERSON" if any(t.ent_type_ == "PERSON" for t in toks) else "NOUN", a, plural=plural)
    return name, m


def last_institution(analysis: Analysis, offset: int, recent: list[Mention]) -> Mention | None:
    """What an active "it" that says something refers to: a document that spoke last, named in
    this sentence or the three before ("the paper notes X, and it says Y"; 'a Times article
    hailed X. "...," the article read. "...," it added'), else the last organisation
    that spoke, else the organisation named last before it (the subject among those of one
    sentence; None when no one of several is)."""
    if recent and not recent[-1].plural and analysis.sentence_of(recent[-1].start) >= analysis.sentence_of(offset) - 3:
        last = recent[-1].name.split()[-1] if recent[-1].name else ""
        head = next((t for t in analysis.doc if t.idx >= recent[-1].start and t.text == last), None)
        if head is not None and is_document(head):
            return recent[-1]
    body = _body_subject(analysis, offset)
    if body is not None:
        return body
    for m in reversed(recent):
        if not m.plural and (m.label in ("ORG", "GPE") or (
                m.label == "NOUN" and m.name.split()[-1].lower() in INSTITUTION_NOUNS)):
            return m
    orgs = [m for m in analysis.mentions if m.label == "ORG" and m.start < offset
            and analysis.sentence_of(m.start) >= analysis.sentence_of(offset) - 1]
    if not orgs:
        return None  # (a body named further back is no surer than another the tagger missed)
    # in the last sentence naming one, the body that is a subject ("The agency set a goal of ...
    # against COVID-19. It aimed ...": the agency, not the disease the tagger took for a body)
    near = [m for m in orgs if analysis.sentence_of(m.start) == analysis.sentence_of(orgs[-1].start)]
    subjects = [m for m in near if any(t.dep_ in ("nsubj", "nsubjpass") for t in analysis.doc
                                       if m.start <= t.idx < m.start + len(m.name) + 4 and t.head.idx >= m.start + len(m.name))]
    if subjects:
        return subjects[-1]
    return near[-1] if len(near) == 1 else None


def _body_subject(analysis: Analysis, offset: int) -> Mention | None:
    """The body that is the main subject of the sentence of ``offset`` (before it) or of the one
    before: "his team is bracing supporters for a race that it says ...", "The company released a
    report. It said ...": a singular body noun or a name that is no person or place."""
    si = analysis.sentence_of(offset)
    for k in (si, si - 1):
        if k < 0:
            continue
        s0, s1 = analysis.sentences[k]
        subj = next((t for t in analysis.doc if s0 <= t.idx < min(s1, offset) and t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subj is None or subj.tag_ not in ("NN", "NNP") or subj.ent_type_ in ("PERSON", "GPE", "NORP", "DATE") or (
                subj.tag_ == "NN" and subj.lemma_.lower() not in INSTITUTION_NOUNS):
            continue
        a, b = span_of(source_tokens(subj))
        name = analysis.text[a:b]
        named = next((m for m in analysis.mentions if m.label == "ORG" and m.name in name), None)
        return named or Mention(name, "", "NOUN", a)
    return None


def _verb_form(word: str) -> bool:
    """A title-case word that is a cue's verb form ("Endorses", "Backs", "Slammed")."""
    low, kinds = word.lower(), lexicons().cue_kind
    return any(low.endswith(x) and low[:len(low) - len(x)] + y in kinds for x, y in (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ed", "e")))


def headline_speaker(analysis: Analysis, si: int, recent: list[Mention]) -> Frame | None:
    """A headline's "Name: what they said" ("Senator X: The Bill Is a Failure"): the name is the
    source, when the words before the colon are a person or an organisation (a dateline's place
    is not) and a clause follows."""
    text, doc = analysis.text, analysis.doc
    s0, s1 = analysis.sentences[si]
    m = re.match(r"\s*([^:\n]{2,60}?)\s*:\s+(?=\S)", text[s0:s1])
    if m is None:
        return None
    a, b = s0 + m.start(1), s0 + m.end(1)
    ents = [e for e in doc.ents if a <= e.start_char and e.end_char <= b and e.label_ in ("PERSON", "ORG") and (
        e.end_char == b or re.fullmatch(r"\s+(?:at|in|on|to|before)(?:\s+(?:the\s+)?[A-Z][\w.'\u2019-]*)+", text[e.end_char:b]))]
    if ents and ents[0].label_ == "ORG" and len(re.findall(r"\b" + re.escape(
            ents[0].text if len(ents[0]) > 2 and ents[0][1].text[:1].isupper() else ents[0].text.split()[0]) + r"\b", text)) < 2:
        ents = []  # "Veto Power Impedes Peace Efforts: ...": a section's heading the tagger took for a body
        # (a long name the article never writes again is the headline's clause: "X Addresses Y Attack: ...")
    words = [t for t in doc if a <= t.idx < b]
    if not ents and si == 0 and 0 < len(words) <= 3 and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in words) and (
            animate(words[-1]) or is_document(words[-1])):
        who = (a, b)  # "Historians: ...", "Poll: ...": a headline's unnamed source
    elif not ents:
        return None  # ("Former AG Smith at RNC: ...": a name and where they spoke)
    elif any(_verb_form(w) for w in text[a:ents[0].start_char].split()):
        return None  # ("Ann Lee Endorses Bo Kim: ...": the name before the colon is the one endorsed)
    else:
        who = (ents[0].start_char, ents[0].end_char)
    before = text[a:who[0]].split()
    if any(w.rstrip(".").lower() not in TITLES and not w[:1].isupper() for w in before):
        return None  # "Asked about it, Smith: ..." is no headline speaker
    c0 = s0 + m.end()
    after = [t for t in doc if c0 <= t.idx < s1]
    if len([t for t in after if not t.is_punct]) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    source, mention = display_source(analysis, [t for t in doc if who[0] <= t.idx < who[1]], recent)
    end = s1
    while end > c0 and text[end - 1].isspace():
        end -= 1
    content = (c0, end)
    return Frame(si, ":", "say", cue_kind_of_text(text[c0:end]), source, mention, who, content,
                 (a, end))


def colon_quotation(analysis: Analysis, si: int, recent: list[Mention]) -> Frame | None:
    """'The governor lashed out at the press: "They are spreading lies."': a clause whose subject is a
    person or a body, then a colon and a quotation that ends the sentence; the quotation is the
    subject's words, whatever the verb (no verb of saying needed: the colon introduces them).
    The evidence is the whole sentence, act and words, as the source's."""
    text, doc = analysis.text, analysis.doc
    s0, s1 = analysis.sentences[si]
    end = s0 + len(text[s0:s1].rstrip())
    q = next(((a, b) for a, b in analysis.quotes if s0 < a < s1 and b >= end - 2 and text[s0:a].rstrip().endswith(":")), None)
    if q is None:
        return None
    colon = next((t for t in reversed(tokens_in(doc, s0, q[0])) if t.text == ":"), None)
    verb = colon.head if colon is not None else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.i > colon.i or analysis.in_quote(verb.idx, verb.idx + 1):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.lower_ in ("it", "this", "that") or not (animate(subj) or subj.lower_ in PRONOUNS_SING | PRONOUNS_PLUR):
        return None
    source, mention = display_source(analysis, source_tokens(subj), recent)
    a = min(t.idx for t in subj.subtree)
    return Frame(si, verb.text, verb.lemma_.lower(), cue_kind_of_text(text[q[0]:q[1]], "statement"), source, mention,
                 span_of(source_tokens(subj)), q, (a, end), cue_i=verb.i)
