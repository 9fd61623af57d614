"""Loaded terms: find them in the article, and take them out of a rendering.

A loaded term found by the lexicon (``data/loaded_terms.txt``) is handled by its role when a
sentence is rewritten: a modifier ("the disastrous plan") is dropped, a word with a neutral
equivalent ("slammed") is replaced, anything else is quoted, so that it stands as the source's
wording rather than the summary's.
"""

from __future__ import annotations

import re
from typing import Any

from ._quotes import open_quote_before
from ._nlp import lexicons, tokens_in
from ._types import LoadedTerm

__all__ = ["find_loaded", "clean_span", "loaded_in", "inflect_like", "adverb_base"]

_DOUBLING = frozenset("refer prefer occur admit commit submit regret control transfer compel expel rebut".split())
_IRREGULAR_PAST = {"rise": "rose", "fall": "fell", "cut": "cut", "say": "said", "tell": "told", "think": "thought",
                   "hold": "held", "make": "made", "give": "gave", "put": "put", "write": "wrote", "find": "found",
                   "speak": "spoke", "take": "took", "see": "saw", "know": "knew", "go": "went", "come": "came",
                   "get": "got", "bring": "brought", "buy": "bought", "seek": "sought", "teach": "taught",
                   "fight": "fought", "lead": "led", "leave": "left", "lose": "lost", "meet": "met", "pay": "paid",
                   "send": "sent", "spend": "spent", "stand": "stood", "win": "won", "feel": "felt", "keep": "kept",
                   "mean": "meant", "hear": "heard", "set": "set", "let": "let", "hit": "hit", "quit": "quit",
                   "forecast": "forecast", "broadcast": "broadcast", "bet": "bet", "run": "ran", "begin": "began",
                   "swear": "swore", "choose": "chose", "drive": "drove", "forbid": "forbade", "foresee": "foresaw",
                   "withdraw": "withdrew", "undertake": "undertook", "understand": "understood"}
_IRREGULAR_PART = {"rise": "risen", "fall": "fallen", "give": "given", "write": "written", "speak": "spoken",
                   "take": "taken", "see": "seen", "know": "known", "go": "gone", "come": "come", "run": "run",
                   "begin": "begun", "swear": "sworn", "choose": "chosen", "drive": "driven", "forbid": "forbidden",
                   "foresee": "foreseen", "withdraw": "withdrawn", "undertake": "undertaken"}


def inflect_like(base: str, tag: str) -> str:
    """``base`` inflected like a token with Penn tag ``tag``.

    >>> inflect_like("criticise", "VBD"), inflect_like("rise", "VBZ"), inflect_like("fall", "VBN")
    ('criticised', 'rises', 'fallen')
    """
    if " " in base:
        return base
    if tag == "VBD" or tag == "VBN":
        table = _IRREGULAR_PART if tag == "VBN" and base in _IRREGULAR_PART else _IRREGULAR_PAST
        if base in table:
            return table[base]
        if base in _DOUBLING:
            return base + base[-1] + "ed"
        if base.endswith("e"):
            return base + "d"
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", base) and len(base) <= 4:
            return base + base[-1] + "ed"
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            return base[:-1] + "ied"
        return base + "ed"
    if tag == "VBZ":
        if base.endswith(("s", "sh", "ch", "x", "z")):
            return base + "es"
        return base + "s"
    if tag == "VBG":
        return (base[:-1] if base.endswith("e") else base) + "ing"
    if tag in ("NNS", "NNPS"):
        return base + "s"
    return base


#: Entity labels of names, whose words are part of the name.
_NAMES = frozenset("PERSON ORG FAC GPE EVENT LAW WORK_OF_ART PRODUCT".split())


def _in_name(tok: Any) -> bool:
    """A capitalised proper noun inside a sentence written in sentence case: a word of a name ("when
    the Great Plague struck"), not a judgement (in a headline in title case every word is capitalised)."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return sum(t.text[:1].isupper() for t in words) * 2 < len(words)


def find_loaded(doc: Any, text: str) -> list[LoadedTerm]:
    """Every loaded word or phrase of the article (lexicon phrases first, then words)."""
    lex = lexicons()
    found: list[tuple[int, int]] = []
    low = text.lower()
    # a word of a name is no judgement ("the Revolutionary Guard Corps", "the Liberal Democrats")
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAMES]
    for phrase in lex.loaded_phrases:
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
            if not any(x <= m.start() and m.end() <= y for x, y in names):
                found.append((m.start(), m.end()))
    for tok in doc:
        if tok.is_punct or tok.is_space:
            continue
        pos = lex.loaded_pos.get(tok.lower_) or lex.loaded_pos.get(tok.lemma_.lower())
        if pos is not None and tok.pos_ != pos:
            continue  # "a blast" is an explosion; "blasted the plan" is loaded
        if tok.pos_ == "VERB" and not _figurative(tok, lex):
            continue  # "hammered out a deal", "rioters torched cars": the literal act, not a judgement
        if lex.loaded_words.get(tok.lemma_.lower()) and tok.pos_ == "NOUN" and (
                tok.dep_ == "compound" or any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children)):
            continue  # a term of its own ("a tax regime", "regime change"): no judgement, and no other word names it
        if tok.pos_ == "NOUN" and _legal(tok):
            continue  # "charged with assault", "a sexual assault": the offence's name
        if tok.lower_ in lex.loaded_words or (tok.lemma_.lower() in lex.loaded_words and tok.pos_ in ("VERB", "NOUN", "ADJ", "ADV")) \
                or tok.pos_ == "ADV" and not any(True for _ in tok.children) and adverb_base(tok.lower_, lex.loaded_words) is not None:
            # (an adverb of its own phrase, "as disastrously as", is not dropped: the phrase would break)
            a, b = tok.idx, tok.idx + len(tok.text)
            # (a word of a name is no judgement: checked last, on a word the lexicon has, since it
            # reads the whole sentence)
            if not any(x <= a and b <= y for x, y in found) and not (tok.ent_type_ in _NAMES or _in_name(tok)):
                found.append((a, b))
    found = sorted(set(found))
    out: list[LoadedTerm] = []
    last_end = -1
    for a, b in found:
        if a < last_end:
            continue
        out.append(LoadedTerm(text[a:b], a, b))
        last_end = b
    return out


# What a verb of attack is figurative about: words, plans and decisions ("slammed the plan").
_SAID_OR_DECIDED = frozenset("plan proposal policy decision bill deal law idea comment comments remark remarks statement "
                             "report budget move strategy approach record measure ruling order response speech claim claims "
                             "view views stance position rhetoric campaign leadership handling agenda reform reforms "
                             "government administration".split())


_CHARGING = frozenset("charge accuse convict arrest suspect acquit indict guilty innocent plead jail sentence".split())
_OFFENCE_KINDS = frozenset("sexual physical aggravated indecent domestic verbal felony misdemeanor misdemeanour armed".split())


def _legal(noun: Any) -> bool:
    """A noun that names an offence ("charged with assault", "convicted of assault", "a sexual
    assault"), which no neutral word replaces."""
    if any(c.dep_ == "amod" and c.lower_ in _OFFENCE_KINDS for c in noun.children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in ("with", "of", "for") and noun.head.head.lemma_.lower() in _CHARGING


def _figurative(verb: Any, lex: Any) -> bool:
    """Whether a verb the lexicon lists as loaded ("slammed", "torched", "hammered") is used of
    what someone said or did: no particle ("hammered out", "ripped off"), and its object (or a
    passive's subject) someone or something said or decided ("rioters torched cars" is arson).
    A verb of rising or falling ("soared", "plunged") needs no such target."""
    from ._cue_shapes import literal_with
    from ._speakers import animate

    if any(c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in ("home", "out", "off", "away", "down", "back") for c in verb.children):
        return False  # ("hammered home", read as an adverb: driven home, no criticism)
    repl = lex.loaded_words.get(verb.lemma_.lower()) or lex.loaded_words.get(verb.lower_)
    if repl in ("rise", "fall") and any(c.dep_ == "dobj" for c in verb.children):
        return False  # "would plunge the race into turmoil": a verb with an object is no rise or fall of a figure
    if repl not in ("criticise", "criticize"):
        return True
    if literal_with(verb):
        return False  # ("slammed the Gaza Strip with airstrikes": an attack, not a criticism)
    targets = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return not targets or any(animate(t) or t.lower_ in ("him", "her", "them", "us", "me")
                              or t.lemma_.lower() in _SAID_OR_DECIDED | lex.claim_nouns for t in targets)


def adverb_base(word: str, words: Any) -> str | None:
    """The loaded adjective an adverb is made from ("heroically" from "heroic", "angrily" from
    "angry"), when ``words`` has it; else None.

    >>> adverb_base("heroically", {"heroic"}), adverb_base("angrily", {"angry"}), adverb_base("early", {"ear"})
    ('heroic', 'angry', None)
    """
    if not word.endswith("ly") or len(word) < 6:
        return None
    stem = word[:-2]
    for base in (stem, stem[:-2] if word.endswith("ally") else "", stem[:-1] + "y" if word.endswith("ily") else "",
                 stem + "e" if word.endswith("bly") else ""):
        if len(base) >= 4 and base in words:
            return base
    return None


def loaded_in(sentence: str) -> list[str]:
    """Loaded terms standing unquoted in a sentence (quoted words are the source's, not ours).

    >>> loaded_in('The minister slammed the "disastrous" plan.')
    ['slammed']
    """
    lex = lexicons()
    unquoted = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]|\u2018[^\u2019]*\u2019(?!\w)", " ", sentence)
    low = unquoted.lower()
    hits = [p for p in lex.loaded_phrases if re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", low)]
    for w in re.findall(r"[a-z][a-z'-]*", low):
        stem_hit = w in lex.loaded_words or adverb_base(w, lex.loaded_words) is not None or any(
            w == inflect_like(base, tag) for base in (w[:-1], w[:-2], w[:-3]) if base in lex.loaded_words
            for tag in ("VBD", "VBZ", "VBG", "NNS"))
        if stem_hit:
            hits.append(w)
    return hits


def clean_span(doc: Any, text: str, start: int, end: int, loaded: list[LoadedTerm],
               extra_edits: list[tuple[int, int, str]] | None = None) -> tuple[str, list[str]]:
    """The text of ``[start, end)`` with loaded terms dropped, replaced or quoted.

    ``extra_edits`` are further (start, end, replacement) edits (a resolved subject, a
    pronoun). Returns the new text and the loaded terms handled.
    """
    lex = lexicons()
    edits: list[tuple[int, int, str]] = list(extra_edits or [])
    handled: list[str] = []
    tokens = {t.idx: t for t in tokens_in(doc, start, end)}
    for term in loaded:
        if term.start < start or term.end > end:
            continue
        if any(a <= term.start < b for a, b, _ in edits):
            continue
        if open_quote_before(text, term.start, single=True):
            continue
        handled.append(term.term)
        tok = tokens.get(term.start)
        key = term.term.lower()
        repl = lex.loaded_phrases.get(key) if " " in key else (
            lex.loaded_words.get(key) or (lex.loaded_words.get(tok.lemma_.lower()) if tok is not None else None))
        # (not the object of a preposition read as its modifier: "summed the plan up as reckless")
        if tok is not None and " " not in key and tok.dep_ in ("amod", "advmod") and (repl is None or tok.tag_ == "VBG") and not (  # ("a blistering report": a participle before a noun goes)
                tok.dep_ == "amod" and tok.head.pos_ == "ADP"):
            e = term.end
            while e < end and text[e] == " ":
                e += 1
            # its own degree word goes with it: "a more radical agenda" -> "an agenda", not "a more agenda"
            degree = next((c for c in tok.children if c.dep_ == "advmod" and c.i == tok.i - 1 and c.idx >= start), None)
            s0 = degree.idx if degree is not None else term.start
            det = re.search(r"(?<![\w-])(an?|An?) $", text[max(start, s0 - 4):s0])
            if det is not None:  # "a massive outage" -> "an outage", not "a outage"
                a0 = s0 - len(det.group(0))
                edits.append((a0, e, _article_for(det.group(1), text[e:end]) + " "))
            else:
                edits.append((s0, e, ""))  # drop a modifier
        elif repl:
            word = inflect_like(repl, tok.tag_) if tok is not None else repl
            edits.append((term.start, term.end, word))
        elif " " in key and tok is not None and tok.dep_ == "prep" and tok.i == tok.sent.start:
            # a sentence-opening idiom ("In a show of strength, ...") goes with its comma
            e = term.end
            while e < end and text[e] in " ,":
                e += 1
            edits.append((term.start, e, ""))
        else:
            edits.append((term.start, term.end, f"\u201c{text[term.start:term.end]}\u201d"))
    out = text[start:end]
    for a, b, r in sorted(edits, key=lambda x: x[0], reverse=True):
        if a < start or b > end:
            continue
        out = out[: a - start] + r + out[b - start:]
    out = re.sub(r"\s{2,}", " ", out).strip()
    if edits:  # a dropped word leaves no space before the punctuation that followed it
        out = re.sub(r"(?<=\w) ([,;:.!?])(?=\s|$)(?!\s\.)", r"\1", out)  # (not an ellipsis ". . .")
    return out, handled


_AN_EXCEPTIONS = re.compile(r"(?:uni|use|usu|uti|eu|one|once|ur)", re.I)
_A_EXCEPTIONS = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)


def _article_for(det: str, following: str) -> str:
    """``det`` ("a"/"an", capitalised as given) as the word that ``following`` starts needs.

    >>> _article_for("a", "outage struck"), _article_for("An", "big outage"), _article_for("a", "unit")
    ('an', 'A', 'a')
    """
    word = following.lstrip(" \u201c\"'")
    vowel = bool(word) and (word[0] in "aeiouAEIOU" and not _AN_EXCEPTIONS.match(word) or bool(_A_EXCEPTIONS.match(word)))
    out = "an" if vowel else "a"
    return out.capitalize() if det[0].isupper() else out

