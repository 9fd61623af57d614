"""A claim's deterministic rendering: one attribution frame as a self-contained sentence, its
source written in (a pronoun resolved by the rules, a role shown once), a quotation broken by its
cue joined, loaded words replaced, and the sentence finished cleanly.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ._analysis import ROLE_NOUNS, Analysis, strip_det
from ._frame_guards import DONE_HEADS
from ._frame_syntax import source_tokens, subject_of
from ._frames import Frame
from ._loaded import clean_span, inflect_like
from ._marks import balance_marks, unquote
from ._nlp import lexicons, token_at, tokens_in
from ._types import ARTICLE_SOURCE, LoadedTerm


if TYPE_CHECKING:
    from ._claims import Draft

__all__ = ["DISCOURSE", "clean_output", "clitic_verb", "finish", "lower_common", "lower_first", "pronoun_edits", "render_frame", "role_case", "with_role_comma"]

# Openers that tie a sentence to its neighbours and mean nothing on their own. The words that
# can also open a phrase of their own ("So far", "Later this month", "Instead of", "In addition
# to", "Still more") go only with the comma that shows they stand alone.
DISCOURSE = re.compile(
    r"^(?:(?:But|And|Yet(?! another)|However|Meanwhile|Separately|Moreover|Furthermore|Also|Nonetheless|Nevertheless)\s*,?"
    r"|(?:So|Still|Instead|On the other hand|In addition|By contrast|In contrast|Elsewhere|A few days prior|Earlier|"
    r"Later|Then)\s*,)\s+",
)


_CONTROL_CHARS = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_output(s: str) -> str:
    r"""Text fit to print: no control characters, bidi overrides or live chat-template tokens.

    >>> clean_output("The mayor\x00 said\u202e 5 people <|im_end|> died.")
    'The mayor said 5 people ‹|im_end|› died.'
    """
    from ._prompts import neutralise_text

    return neutralise_text(_CONTROL_CHARS.sub("", s))


def finish(s: str) -> str:
    s = clean_output(s).strip(" ,;:—–-\n\t")
    s = re.sub(r"\s+", " ", s)
    s = balance_marks(s)
    if not s:
        return s
    s = s[0].upper() + s[1:]
    if s[-1] not in ".!?":
        if s.endswith("''") and len(s) > 2 and s[-3] in ".!?,":  # ('... the right thing.\'\'': archive quotation marks)
            s = s[:-3] + ".''" if s[-3] == "," else s
        elif s[-1] in "\u201d\"\u2019'" and len(s) > 1 and s[-2] in ".!?,":  # (a headline's 'single marks.')
            s = s[:-2] + "." + s[-1] if s[-2] == "," else s
        else:
            s += "."
    return s


_FUNCTION_STARTS = frozenset("the a an this that these those it its there some many most all no one each "
                             "any his her their our we they he she".split())


def lower_first(s: str) -> str:
    """Lower-case a sentence's first letter when it is a function word, not a name."""
    first = s.split(" ", 1)[0]
    return s[0].lower() + s[1:] if first.lower() in _FUNCTION_STARTS else s


# Entity types that are names (a number or a date opening a clause is not: "said six million ...").
_NAME_ENTITIES = frozenset("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())


def lower_common(doc: Any, offset: int, s: str) -> str:
    """Lower-case the first letter of ``s`` (text starting at ``offset`` of ``doc``) when it opens
    a sentence of the source only: a common word, not a name, an acronym or "I"."""
    first = next((t for t in doc if t.idx >= offset), None)
    if first is None or first.pos_ == "PROPN" or first.ent_type_ in _NAME_ENTITIES or first.text == "I" or first.text.isupper():
        return lower_first(s)
    return s[:1].lower() + s[1:]


def pronoun_edits(analysis: Analysis, a: int, b: int, frame: Frame | None) -> list[tuple[int, int, str]]:
    """Third-person pronouns inside ``[a, b)`` replaced by a name only where agreement leaves
    one named candidate (``_coref``); any other pronoun stays as the article wrote it. Quoted
    words are never touched."""
    if frame is None:
        return []
    from ._coref import resolve_pronoun

    edits = []
    for tok in tokens_in(analysis.doc, a, b):
        if analysis.in_quote(tok.idx, tok.idx + 1):
            continue
        if frame.subj and frame.subj[0] <= tok.idx < frame.subj[1]:
            continue
        w = tok.lower_
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        if not ((w in ("he", "she") and subject) or (w in ("his", "her") and tok.dep_ == "poss")
                or (w == "they" and subject) or (w == "their" and tok.dep_ == "poss")):
            continue
        m = resolve_pronoun(analysis, w, tok.idx)
        if m is None or (m.label == "PERSON") != (w not in ("they", "their")):
            continue
        if m is frame.mention and (frame.subj is None or frame.subj[1] <= tok.idx):
            continue  # "Sanders says his campaign ...": the speaker is named just before (or put before); "his" reads right
        if (frame.mention is not None and m is not frame.mention and w in ("he", "she", "his", "her")
                and frame.content[0] <= tok.idx < frame.content[1]):
            continue  # "Trump said he believes ...": "he" may well be the speaker; kept as written
        if (w in ("they", "their") and m is not frame.mention and frame.content[0] <= tok.idx < frame.content[1] and (
                any(t.tag_ in ("NNS", "NNPS") or t.dep_ == "cc" for t in tokens_in(analysis.doc, *frame.subj)) if frame.subj
                else " and " in frame.source or frame.source.endswith("s"))):
            continue  # "Democrats and independents who said they would vote": "they" may well be the speakers
        last = max((t.i for t in analysis.doc if t.i < tok.i and t.text in m.name.split()), default=None)
        if last is not None and a <= analysis.doc[last].idx:
            continue  # the name is in the rendered text already, before the pronoun: it reads right as written
        subj = frame.subj or (0, 0)
        if last is None or any(t.pos_ == "PROPN" and t.text not in m.name.split() and t.ent_type_ not in ("DATE", "TIME")
                               and not subj[0] <= t.idx < subj[1] for t in analysis.doc[last + 1:tok.i]):
            continue  # another name stands between: the tagger may have missed that it is a person
        name = ("the " if m.label == "NORP" else "") + m.name
        end = tok.idx + len(tok.text)
        nxt = tok.nbor() if tok.i + 1 < len(analysis.doc) else None
        if subject and nxt is not None and nxt.idx == end and nxt.text[:1] in "'’":
            # "he's doing" is "he is doing", never "Sanders's doing"; other clitics stay as written
            full = clitic_verb(nxt, plural=w == "they")
            if full is None:
                continue
            edits.append((tok.idx, nxt.idx + len(nxt.text), f"{name} {full}"))
            continue
        edits.append((tok.idx, end, name + ("'s" if tok.dep_ == "poss" else "")))
    return edits


def clitic_verb(clitic: Any, plural: bool) -> str | None:
    """The verb a clitic after a subject stands for, written out for a subject that is replaced by a
    name ("he's argued" -> "X has argued", "who's hopeful" -> "X is hopeful", "he'd welcome" ->
    "X would welcome"); None for a clitic that is not one of 's, 're, 've, 'll, 'd, 'm (or an
    "'d" the tagger gives no tense).

    "'s" before a past participle is "has" ("he's argued", "she's been"), unless the participle is
    passive ("he's seen as", "she's said to be"); else "is".
    """
    c = clitic.lower_[1:]
    if clitic.text[:1] not in "'\u2019" or c not in ("s", "re", "ve", "ll", "d", "m") or clitic.tag_ == "POS" or clitic.dep_ == "case":
        return None  # (a possessive "'s" is no verb: "Kessler's complaint")
    if c == "m":
        return "am"
    if c == "d":  # "he'd welcome" (would), "he'd gone" (had)
        return "would" if clitic.tag_ == "MD" else "had" if clitic.tag_ in ("VBD", "VBN") else None
    if c == "ll":
        return "will"
    if c == "ve":
        return "have"
    if c == "re":
        return "are"
    doc = clitic.doc
    nxt = doc[clitic.i + 1] if clitic.i + 1 < len(doc) else None
    while nxt is not None and nxt.tag_ == "RB" and nxt.i + 1 < len(doc):  # "he's long argued"
        nxt = doc[nxt.i + 1]
    perfect = False
    if nxt is not None and nxt.tag_ in ("VBN", "VBD"):
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        perfect = nxt.lower_ in ("been", "got", "gotten", "had") or after is None or after.lower_ not in ("to", "by", "as")
    if perfect:
        return "have" if plural else "has"
    return "are" if plural else "is"


def role_case(source: str) -> str:
    """A role written before a name keeps its capital there only ("Mayor Tom Hale" ->
    "Tom Hale, mayor"); after the name it is a common noun.

    >>> role_case("Sofia Lindqvist, Chief executive"), role_case("Jo Bell, Deputy Health Minister")
    ('Sofia Lindqvist, chief executive', 'Jo Bell, Deputy Health Minister')
    >>> role_case("Al Marsh, former President")
    'Al Marsh, former president'
    """
    name, sep, role = source.partition(", ")
    if not sep:
        return source
    words = role.split(" ")
    common = ROLE_NOUNS | _ROLE_MODIFIERS
    # only a role made of common words ("Chief executive"), never a title ("Deputy Defence Minister")
    if any(w[:1].isupper() for w in words) and all(w.lower() in common or w.islower() for w in words):
        words = [w[:1].lower() + w[1:] for w in words]
    return f"{name}{sep}{' '.join(words)}"


# Cues that keep their own verb when a claim is turned round ('..., a judge ruled.' -> 'A judge
# ruled ...'): each takes a reported clause straight after it; others become "said".
_OWN_VERB_CUES = frozenset("add warn insist claim allege write deny admit stress rule report conclude find show estimate "
                           "predict acknowledge concede confirm announce argue note testify explain ask".split())


# Cues of a belief, an expectation or a judgement that keep their own verb in the form written
# ('..., most analysts believe.' -> 'Most analysts believe ...', never 'said': a belief is not a
# statement).
_MIND_VERB_CUES = frozenset("believe think expect fear hope suspect feel assume contend maintain suggest assert "
                            "declare observe recall agree reckon caution complain doubt worry".split())


def _own_verb(lemma: str, cue_tok: Any) -> str:
    """The verb a claim turned round keeps ('..., X ruled.' -> 'X ruled ...'): the cue's own for
    the cues that take a clause, as written when it is finite ("believe", "found"), else "said"."""
    if lemma in _MIND_VERB_CUES and cue_tok is not None and cue_tok.tag_ in ("VBD", "VBZ", "VBP"):
        return cue_tok.text.lower()
    if lemma in _OWN_VERB_CUES or lemma in _MIND_VERB_CUES:
        return inflect_like(lemma, "VBD")
    return "said"


_ROLE_MODIFIERS = frozenset("chief deputy former acting senior vice assistant associate interim".split())


def render_frame(analysis: Analysis, f: Frame, loaded: list[LoadedTerm], previous: list[Draft]) -> tuple[str, list[str], str]:
    text, doc = analysis.text, analysis.doc
    # a source the model chose (a "she" the rules could not name) is not written into the text
    source = text[f.subj[0]:f.subj[1]] if f.named_by_model and f.subj else role_case(f.source)
    if f.subj and not f.named_by_model and not source.lower().startswith("the ") \
            and re.match(r"(?i)the\s", text[f.subj[0]:f.subj[1]]) and strip_det(text[f.subj[0]:f.subj[1]]) == source:
        source = "the " + source  # "the United States pledged", not "United States pledged"
    extra = ""
    if f.back_ref:
        # what "the allegation" / "that" points back to: someone else's claim of this sentence or
        # the one before, the last one (not a claim further back the reader has left behind)
        # (none when a claim of this sentence already holds the denial: "said X met Y and denied
        # the report" is the speaker's report of the denial, not a denial of the speaker)
        inside = any(d.sent == f.sent and text[f.span[0]:f.span[1]].lower() in d.text.lower() for d in previous)
        # (nor a side taken on a thing: "Democrats opposed it" holds no claim to deny)
        ref = None if inside else next((d for d in reversed(previous) if d.kind in ("allegation", "statement", "estimate", "opinion")
                                        and d.source != source and d.source != ARTICLE_SOURCE and d.sent >= f.sent - 1
                                        and lexicons().cue_kind.get(d.cue_lemma) != "opinion"), None)
        verb = inflect_like(f.cue_lemma, "VBD") if f.cue_lemma else "denied"
        cue0 = doc[f.cue_i] if 0 <= f.cue_i < len(doc) else None
        aux = [c for c in cue0.children if c.dep_ in ("aux", "neg") and c.i < cue0.i] if cue0 is not None else []
        if any(c.tag_ == "MD" for c in aux):  # "will deny the charges": not "denied" (a tense the article did not write)
            verb = " ".join([c.text for c in aux] + [cue0.text])
        if ref is not None:
            body = ref.text.rstrip(".")
            said = re.match(re.escape(ref.source) + r",?\s+\w+\s+(?:that\s+)?", body, re.I)
            if said and ref.cue and said.group(0).split()[-1 if not said.group(0).rstrip().endswith("that") else -2].lower() == ref.cue.lower():
                body = body[said.end():]  # "Prosecutors said the mayor took bribes" -> "the mayor took bribes"
            elif " that " in body or " of " in body:
                body = re.sub(r"^.*?\b(?:that|of)\s+", "", body, count=1)
            body = lower_first(body)
            extra = ref.context
            # the article's own noun ("denied the report that ..."); "rejected that" -> "the claim"
            words = re.findall(r"[a-z]+", text[f.content[0]:f.content[1]].lower())
            noun = next((w for w in reversed(words) if w in lexicons().claim_nouns), "claim")
            return finish(f"{with_role_comma(source)} {verb} the {noun} that {body}"), [], extra
        what = text[f.content[0]:f.content[1]]
        if what.lower() in lexicons().claim_nouns:
            what = "the " + what  # "an allegation the company has refuted": "refuted the allegation"
        return finish(f"{with_role_comma(source)} {verb} {what}"), [], extra
    if f.cue_lemma == "according":
        body, handled = clean_span(doc, text, f.content[0], f.content[1], loaded, pronoun_edits(analysis, *f.content, f) + list(f.edits))
        body = DISCOURSE.sub("", body)
        that = re.match(r"that\b[\s,]*", body)
        if that:  # "said that, according to X, the city has grown": the clause, not its "that"
            body = body[that.end():]
        body = lower_common(doc, f.content[0] + (that.end() if that else 0), body)  # "About 300 homes" -> "about"
        s0, s1 = analysis.sentences[f.sent]
        det = re.search(r"\b(?:according to|by|in) (the|an?) " + re.escape(source.split(",")[0]), text[s0:s1], re.I)
        if det:
            source = f"{det.group(1).lower()} {source}"  # "according to the Sheriff's Office" keeps its article
        return finish(f"According to {source}, {body}"), handled, extra
    a, b = f.span
    cue_tok = next((t for t in doc if t.idx >= a and t.text == f.cue), None) if f.cue else None
    edits = pronoun_edits(analysis, a, b, f) + list(f.edits)
    first = next((c for c in cue_tok.children if c.dep_ == "conj" and a <= c.idx < cue_tok.idx), None) if cue_tok is not None else None
    if first is not None:  # "X called Y 'racist' but said ...": the verb joined before the cue is another claim
        edits.append((first.left_edge.idx, cue_tok.idx, ""))
    if f.subj and f.source.startswith("unnamed ") and text[f.subj[0]:f.subj[1]].lower() in ("it", "they"):
        source = text[f.subj[0]:f.subj[1]]  # "it says" that no analysis resolved stays "it", never "Unnamed sources says"
    if f.subj and a <= f.subj[0] and f.subj[1] <= b:
        nxt = text[f.subj[1]:f.subj[1] + 1]
        between = tokens_in(doc, f.subj[1], cue_tok.idx) if cue_tok is not None else []
        if ", " in source and between and all(t.is_punct or t.text in source and any(
                f.subj[0] <= h.idx < f.subj[1] for h in t.ancestors) for t in between):
            # "X, a host considered one of ..., recalled": the role shown once, from the source
            edits.append((f.subj[0], cue_tok.idx, source + ", "))
        elif nxt == "," and ", " not in source and "," in text[f.subj[0]:f.subj[1]] and cue_tok is not None and (
                not text[f.subj[1] + 1:cue_tok.idx].strip()):
            edits.append((f.subj[0], f.subj[1] + 1, source))  # "X, a researcher at Y, said" -> "X said"
            # (not "X, 41, whose son ..., is convinced": the comma opens the relative clause)
        elif between and cue_tok is not None and text[f.subj[1]:f.subj[1] + 1] == " " and all(
                t.is_punct or any(f.subj[0] <= h.idx < f.subj[1] for h in t.ancestors) for t in between) and not any(
                t.dep_ in ("relcl", "advcl", "nsubj", "nsubjpass") or t.tag_ == "VBG" or not t.is_punct and t.head not in between
                and t.head.text in source.split() for t in between):  # (not the words of a source's own phrase: "X commissioned by Y on Z")
            # "X, the hacker known as “Sparrow,” said": the subject's own words up to the cue go with it
            edits.append((f.subj[0], cue_tok.idx, with_role_comma(source) + " "))
        else:
            # a comma after "Name, role" (a source rebuilt so), none after a source as written
            # ("voters in Alabama, Georgia and Virginia said")
            as_written = strip_det(text[f.subj[0]:f.subj[1]]).lower() == strip_det(source).lower()
            clitic = token_at(doc, f.subj[1])
            full = clitic_verb(clitic, plural=False) if clitic is not None and not as_written else None
            if full is not None:  # "who's argued" -> "X has argued", not "X 's argued"
                edits.append((f.subj[0], clitic.idx + len(clitic.text), f"{with_role_comma(source)} {full}"))
            else:
                edits.append((f.subj[0], f.subj[1], source + ("," if ", " in source and text[f.subj[1]:].lstrip()[:1] not in (",", ")", "-", "\u2014", "\u2013") and not as_written else "")))
        body, handled = clean_span(doc, text, a, b, loaded, edits)
        broken = _broken_quote(analysis, f, cue_tok)
        if broken is not None:
            # '"A," he said, "B."' -> 'X said: "A, B"'
            (qa, qb), (ra, rb) = broken
            left, h1 = clean_span(doc, text, qa, qb, loaded, [])
            right, h2 = clean_span(doc, text, ra, rb, loaded, [])
            left, right = unquote(left).rstrip(","), unquote(right).rstrip(" .,")  # ("last week. ...": no stray space before the close)
            verb = inflect_like(f.cue_lemma, "VBD") if f.cue_lemma in ("add", "warn", "insist", "write") else "said"
            return finish(f"{with_role_comma(source)} {verb}: \u201c{left}, {right}\u201d"), h1 + h2, extra
        if f.content[0] < f.subj[0] and f.content[1] <= (cue_tok.idx if cue_tok is not None else f.subj[0]):
            # '"...," she said.' -> 'X said: "..."'
            quote, handled = clean_span(doc, text, f.content[0], f.content[1], loaded, [])
            quote = unquote(quote, " ,\u201c\u201d\"'`")  # (an archive's '' that closes inside the words reported: the mark opened here)
            quote = quote.replace("''", "\u201d") if quote.count("''") == 1 else quote
            quoted, verb = analysis.in_quote(f.content[0], f.content[0] + 1), _own_verb(f.cue_lemma, cue_tok)
            if quoted or re.search(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|us|[Oo]urs?)\b", re.sub(r"[\u201c\"].*?(?:[\u201d\"]|$)", "", quote)) and source.lower() not in ("i", "we"):
                # (the speaker's own words in the first person, printed without quotation marks)
                # ('"We're alive" at the convention, he said': the quotation closes inside the words reported)
                close = "" if "\u201d" in quote or quote.count('"') % 2 else "\u201d"
                return finish(f"{with_role_comma(source)} {verb}: \u201c{quote.rstrip(',')}{close}"), handled, extra
            # "The protests were planned, the president said." -> "The president said the protests ..."
            # ("In Arden, the mill is ..., X said." -> "X said that in Arden, ...": not where X said it)
            first = next((t for t in doc if t.idx >= f.content[0]), None)
            that = "that " if first is not None and first.pos_ in ("ADP", "SCONJ", "ADV") and first.lower_ != "that" else ""
            return finish(f"{with_role_comma(source)} {verb} {that}{lower_common(doc, f.content[0], quote.rstrip(','))}"), handled, extra
        if cue_tok is not None and cue_tok.tag_ == "VBG" and cue_tok.dep_ in ("pcomp", "advcl") and any(
                c.dep_ == "nsubj" and c.i < cue_tok.i for c in cue_tok.children) and not any(c.dep_ in ("aux", "auxpass") for c in cue_tok.children):
            # "with 47 percent of renters saying they will ..." -> "47 percent of renters said they will ..."
            body = re.sub(rf"\b{re.escape(f.cue)}\b", inflect_like(f.cue_lemma, "VBD"), body, count=1)
        return finish(DISCOURSE.sub("", body)), handled, extra
    body, handled = clean_span(doc, text, a, b, loaded, edits)
    if not f.cue:  # quote continuation
        q = next(((qa, qb) for qa, qb in analysis.quotes if qa <= f.content[0] and f.content[1] <= qb), None)
        if q is not None and text[f.content[0]] != text[q[0]]:  # a sentence cut out of a longer quotation
            body = "\u201c" + body.strip().strip("'`\"\u201c\u201d").rstrip(",") + "\u201d"
        return finish(f"{with_role_comma(source)} said: {body}"), handled, extra
    verb_first = bool(f.cue) and body.lower().startswith(f.cue.lower())
    if cue_tok is not None and verb_first and cue_tok.tag_ == "VB" and not (
            cue_tok.dep_ in ("xcomp", "advcl") and cue_tok.head.lemma_.lower() in DONE_HEADS):
        # a bare verb is past only after "went on to", "managed to": "has tried to explain X" is
        # neither "explained X" nor "explain X"; the sentence as written says it
        s0, s1 = analysis.sentences[f.sent]
        whole, handled = clean_span(doc, text, s0, s1, loaded, [])
        return finish(whole), handled, extra
    if cue_tok is not None and verb_first and cue_tok.tag_ in ("VBG", "VBN", "VB"):
        # "went on to discuss X" -> "Kovacs discussed X", not "Kovacs discuss X"
        body = inflect_like(f.cue_lemma, "VBD") + body[len(f.cue):]
    if f.subj is None and f.source in ("unnamed accusers", "unnamed sources"):
        subj = subject_of(cue_tok)[0] if cue_tok is not None and body[:1].islower() else None
        if subj is not None and subj.i < cue_tok.i and subj.head.i != cue_tok.i:
            # "X is not on board and is not expected to sign": the clause's subject, inherited; "a
            # candidate who was criticised as ...": the noun the clause is on, for the relative word
            st = source_tokens(subj)
            end = st[-1].idx + len(st[-1].text)
            comma = "," if "," in text[st[0].idx:end] and text[end:].lstrip().startswith(",") else ""  # (an apposition closes)
            body = text[st[0].idx:end] + comma + " " + re.sub(r"^(?:who|which|that)\s+", "", body)
        return finish(body), handled, extra
    if f.subj is None and source.lower() in body.lower() and not verb_first:
        return finish(body), handled, extra  # "Clinton is backed by 520 delegates", "As reported by X, ...": named in place
    if not body.lower().startswith(source.lower()):
        first = next((t for t in doc if t.idx >= a), None)
        prev = doc[first.i - 1] if first is not None and first.i > 0 else None
        written_out = clitic_verb(first, plural=False) if first is not None else None
        if written_out is not None and body.startswith(first.text):
            # "who's argued that ..." -> "X has argued that ...", not "X 's argued"
            body = f"{written_out}{body[len(first.text):]}"
        elif prev is not None and (clitic_verb(prev, plural=False) is not None or prev.lemma_ == "be" and prev.pos_ == "AUX") \
                and prev.i > 0 and doc[prev.i - 1].lower_ in ("who", "that", "which") and not text[prev.idx + len(prev.text):a].strip():
            # "X, who's / who is sure that ..." -> "X is sure that ...": the verb before the cue stays
            verb = clitic_verb(prev, plural=False) if prev.text[:1] in "'\u2019" else prev.text
            body = f"{verb} {body}"
        body = f"{with_role_comma(source)} {lower_first(body)}"
    return finish(body), handled, extra


def _broken_quote(analysis: Analysis, f: Frame, cue_tok: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two quotations of a quotation broken by its cue ('"A," he said, "B."'), when the
    frame's content runs over the cue from one into the other."""
    if cue_tok is None or not (f.content[0] < cue_tok.idx < f.content[1]):
        return None
    left = next((q for q in analysis.quotes if q[0] <= f.content[0] < q[1] and q[1] <= cue_tok.idx), None)
    right = next((q for q in analysis.quotes if q[0] > cue_tok.idx and q[0] < f.content[1] <= q[1]), None)
    if left is None or right is None or not analysis.text[:right[0]].rstrip().endswith((",", ":")):
        return None  # (a quotation resumes after a comma: '"A," he said, "B."'; not 'said on the podcast "Title"')
    return (f.content[0], left[1]), (right[0], f.content[1])


def with_role_comma(source: str) -> str:
    """'Shin Won-sik, the defence minister' before a verb needs its closing comma."""
    return source + "," if ", " in source else source
