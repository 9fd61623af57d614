"""Is a claim or summary sentence a complete sentence? A check on the output, not the input.

A sentence passes when it

- starts with a capital (or a digit, or an opening quote) and ends in ``.``, ``!`` or ``?``
  (a closing quote or bracket may follow);
- has a finite main verb: the root of each part outside quotation marks is a verb in a finite
  form (``said``, ``is``, ``has broken``, ``will go``), not a noun phrase;
- does not end on a word that needs a continuation: a conjunction (``and``), a preposition that
  cannot be stranded (``of``, ``from``), an article or possessive determiner (``the``, ``his``),
  a possessive ``'s``, a subordinator (``because``) or an abbreviated title (``Mr.``);
- has balanced double quotes and brackets;
- has no capital in mid-sentence where the source has none (``which The residents said``).

A sentence that ends in :data:`TRUNCATION_MARK` is a source sentence that the input itself cut
off, kept as written and marked: only the capital checks apply to it (the pipeline keeps such a
sentence as a claim only when what is left still has a finite main verb).

The parse is spaCy's (the pipeline's own), so a mis-parse can fail a sentence that a person
would accept; the pipeline then keeps the source's own sentence, which is never wrong.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Any, Iterable

from ._quotes import quotation_spans

__all__ = ["ABBREVIATED_TITLES", "TRUNCATION_MARK", "problems", "is_wellformed", "is_marked_truncated", "mark_truncated",
           "ends_truncated", "asserts_something", "prepare"]

#: Appended to a source sentence that the input cut off (an editor's mark of omitted text).
TRUNCATION_MARK = "[\u2026]"

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Words after which a sentence cannot end (closed classes; "her" and "that" need the parse).
_CONJUNCTIONS = frozenset("and or but nor yet".split())
_UNSTRANDABLE = frozenset(
    "of from than into onto upon between among amid amidst via per despite toward towards "
    "including regarding concerning except unlike within without during throughout beside "
    "besides".split())
_SUBORDINATORS = frozenset("because although though whereas unless whether if while since so".split())
_DETERMINERS = frozenset("the a an every each its their his my our your whose".split())
#: Titles abbreviated before a name ("Gov.", "Sen", "Capt."), lower case without the full stop.
ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr prof gov sen rep gen lt col capt sgt adm supt insp det atty sec amb cmdr pres "
    "st rev hon messrs reps sens govs drs profs gens".split())
# Words that are capitalised in mid-sentence only when something went wrong.
_FUNCTION_WORDS = frozenset(
    "the a an this that these those which who whom whose what when where while and or but nor "
    "he she it they we his her its their our them him of in on at to for from with by as than "
    "is are was were has have had will would said says".split())

_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_TRUNC = re.compile(r"(?:\.\.\.|\u2026)[\"'\u201d\u2019)\]]*$")


_CACHE_SIZE = 4096
_parses: OrderedDict[str, Any] = OrderedDict()
_parses_lock = threading.Lock()


def _remember(pairs: Iterable[tuple[str, Any]]) -> None:
    with _parses_lock:
        for text, doc in pairs:
            _parses[text] = doc
            _parses.move_to_end(text)
        while len(_parses) > _CACHE_SIZE:
            _parses.popitem(last=False)


def _parse(text: str) -> Any:
    """The parse the checks read (cached by text, the last :data:`_CACHE_SIZE`): tags,
    dependencies, ``pos_`` and sentences only, no entities, no lemmas."""
    with _parses_lock:
        doc = _parses.get(text)
        if doc is not None:
            _parses.move_to_end(text)
            return doc
    from ._nlp import parse_syntax

    doc = parse_syntax(text)
    _remember([(text, doc)])
    return doc


def _body(sentence: str) -> str:
    """What :func:`problems` and :func:`asserts_something` parse of ``sentence``."""
    s = re.sub(r"\s+", " ", sentence).strip()
    return s[: -len(TRUNCATION_MARK)].rstrip() if is_marked_truncated(s) else s


def prepare(sentences: Iterable[str]) -> None:
    """Parse, in one batch, sentences the checks are about to be asked about (those not parsed
    already): the same parses as one at a time, in about half the time. Only a cache: a
    sentence prepared and never checked costs its parse, one checked unprepared is parsed then."""
    todo = list(dict.fromkeys(b for b in map(_body, sentences) if b))
    with _parses_lock:
        todo = [t for t in todo if t not in _parses]
    if todo:
        from ._nlp import parse_syntax_many

        _remember(zip(todo, parse_syntax_many(todo)))


def is_marked_truncated(sentence: str) -> bool:
    """Whether ``sentence`` carries the truncation mark (kept as the source cut it off).

    >>> is_marked_truncated("Two officers were sued by the estate of a man whom they shot after [\u2026]")
    True
    """
    return sentence.rstrip().endswith(TRUNCATION_MARK)


def mark_truncated(sentence: str) -> str:
    """The source's cut-off sentence with its trailing dots replaced by the mark.

    >>> mark_truncated("The board met on Monday and agreed to...")
    'The board met on Monday and agreed to [\u2026]'
    """
    s = re.sub(r"\s*(?:\.{2,}|\u2026)\s*$", "", sentence.strip())
    return f"{s} {TRUNCATION_MARK}"


def ends_truncated(sentence: str) -> bool:
    """Whether a source sentence ends in an ellipsis (a crawler's or an editor's cut).

    >>> ends_truncated("He said the plan would..."), ends_truncated("He left.")
    (True, False)
    """
    return bool(_TRUNC.search(sentence.rstrip()))


def _quote_problems(s: str) -> list[str]:
    out = []
    depth = 0
    for ch in s:
        if ch == "\u201c":
            depth += 1
        elif ch == "\u201d":
            depth -= 1
            if depth < 0:
                break
    if depth != 0:
        out.append("unbalanced quotes: \u201c and \u201d do not pair up")
    if s.count('"') % 2:
        out.append('unbalanced quotes: an odd number of "')
    if s.count("''") % 2:  # the doubled apostrophes some outlets (and PolNeAR's texts) quote with
        out.append("unbalanced quotes: an odd number of ''")
    if s.count("(") != s.count(")"):
        out.append("unbalanced brackets")
    if re.search(r"\u201c[\s.,]*\u201d|(?<![\w\"])\"[\s.,]*\"(?![\w\"])", s):
        out.append("an empty quotation: what was quoted is not in the sentence")
    return out


def _outside_quotes(doc: Any) -> list[Any]:
    """The sentences of ``doc`` that are not wholly inside quotation marks."""
    spans = quotation_spans(doc.text)
    return [s for s in doc.sents if not any(a <= s.start_char and s.end_char <= b + 1 for a, b in spans)
            and any(t.is_alpha for t in s)]


def _finite(root: Any) -> bool:
    if root.tag_ in _FINITE:
        return True
    if root.tag_ in ("NNS", "NN") and any(c.dep_ == "nsubj" for c in root.children):
        return True  # the small parser's "The Ministry thanks/NNS the guards": a subject makes it a verb
    if root.tag_ == "VB" and root.i == root.sent.start and not any(c.dep_ in ("aux", "nsubj") for c in root.children):
        return True  # an imperative
    if root.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in root.children):
        return True
    # "X said: <quote>" / "According to X, <clause>": a finite clause joined to the root
    return any(c.dep_ in ("ccomp", "conj", "parataxis") and c.i > root.i and _finite_clause(c) for c in root.children)


def _finite_clause(tok: Any) -> bool:
    return tok.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in tok.children)


_SUBORDINATE_STARTS = frozenset("where which whom whose because although though whereas while if when who".split())


def _subordinate(part: Any) -> bool:
    """"Where women were threatened.": the first word subordinates the main verb itself; or the
    part opens on a finite verb, its subject cut away ("Is responsible, Hamas said.")."""
    first = next((t for t in part if not t.is_punct), None)
    inverted = first is not None and first.lower_ in ("had", "should", "were") and "," in part.text  # "Had he known, …"
    if first is not None and first.tag_ in _FINITE and first.pos_ in ("AUX", "VERB") and first.i < part.root.i and not inverted:
        return True
    if first is not None and first.i == part.root.i and first.tag_ in ("VBD", "VBZ") and first.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in first.children):
        return True  # "Said it ignored bonuses.": the subject lost
    return first is not None and first.lower_ in _SUBORDINATE_STARTS and first.head.i == part.root.i \
        and first.dep_ in ("advmod", "mark", "nsubj", "nsubjpass", "dobj", "poss")


# Prepositions that also stand alone as adverbs ("they have blinders on", "the talks broke down").
_PARTICLES = frozenset("on off in out up down over around along by through across behind past inside outside above "
                       "below ahead back aboard underneath beneath".split())
# Auxiliaries that cannot end a clause they open ("... ties to PACs and has.").
_AUXILIARIES = frozenset("has have had is are was were will would can could should shall may might must does did".split())


def _end_problem(doc: Any) -> str | None:
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if not words:
        return "no words"
    last = words[-1]
    w = last.lower_.rstrip(".")
    if last.tag_ == "POS" or w in ("'s", "\u2019s"):
        return f"ends on a possessive ({words[-2].text if len(words) > 1 else ''}{last.text})"
    if w in _CONJUNCTIONS and last.dep_ in ("cc", "ROOT", "dep", "punct") or last.tag_ == "CC" and w in _CONJUNCTIONS:
        return f"ends on a dangling conjunction ({last.text!r})"
    if w in _UNSTRANDABLE:
        return f"ends on a preposition ({last.text!r})"
    if last.pos_ == "ADP" and last.dep_ == "prep" and not any(True for _ in last.children) and w not in _PARTICLES and not any(
            t.lower_ in ("what", "which", "whom", "who", "whatever") for t in words[-10:-1]) and last.head.dep_ != "relcl":
        # ("the people we compete against": the noun the relative clause is on is its object)
        # "kept its cool for." (a cut "for a while"); a stranded preposition keeps its object in
        # the parse ("what the money was for": "what" hangs on "for"), or the parser hangs the
        # wh-word elsewhere ("what I'm up against")
        return f"ends on a preposition with no object ({last.text!r})"
    if len(words) > 1 and words[-2].lower_ in _CONJUNCTIONS and w in _AUXILIARIES:
        return f"ends on an auxiliary with no verb ({words[-2].text} {last.text!r})"
    if w in _DETERMINERS or (w == "her" and last.dep_ == "poss") or (last.tag_ == "DT" and last.dep_ == "det"):
        return f"ends on a determiner or possessive ({last.text!r})"
    if w in _SUBORDINATORS and last.dep_ in ("mark", "cc", "dep", "ROOT") and w != "so":
        return f"ends on a subordinator ({last.text!r})"
    if last.tag_ == "TO" or (w == "to" and last.dep_ == "aux"):
        return "ends on 'to' with no verb"
    if w in ("he", "she", "they", "we") and len(words) > 1 and words[-2].lower_ not in ("than", "as", "not") \
            and words[-2].pos_ != "AUX" and words[-2].lower_ not in ("said", "says", "asked", "added", "replied", "wrote", "explained", "noted"):
        return f"ends on a subject pronoun with no verb ({last.text!r})"  # "they think she." ("said he." is whole)
    if w in ABBREVIATED_TITLES:
        return f"ends on an abbreviated title ({last.text!r}): the sentence was cut at an abbreviation"
    return None


def _capital_problem(s: str, source: str | None) -> str | None:
    for m in re.finditer(r"(?<=[a-z,;] )([A-Z][a-z]+)(?!\w)", s):
        word = m.group(1)
        if word.lower() in _FUNCTION_WORDS:
            nxt = re.match(r"\s+([A-Z][\w'\u2019-]*)", s[m.end():])
            if source is not None and nxt and _mid_sentence_in(f"{word} {nxt.group(1)}", source):
                continue  # part of a name the source writes so ("told The Associated Press")
            return f"a capital in mid-sentence ({s[max(0, m.start() - 12):m.end()]!r})"
        if source is not None and re.search(r"(?<![\w'\u2019-])" + re.escape(word.lower()) + r"(?![\w'-])", source) \
                and not _mid_sentence_in(word, source):
            return f"a capital in mid-sentence that the source does not have ({word!r})"
    return None


def _mid_sentence_in(word: str, source: str) -> bool:
    """Whether ``word``, capitalised, stands somewhere in ``source`` other than at a sentence start."""
    for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?!\w)", source):
        before = source[:m.start()].rstrip(" \t")
        if before and not re.search(r"[.!?:\n\u201c\"(\u2014\u2013-]$|[.!?,][\u201d\"']$", before):
            return True
    return False


def _clause_problems(parts: list[Any], s: str) -> list[str]:
    if parts and not all(_finite(p.root) for p in parts):
        return ["no finite main verb"]
    root = parts[0].root if parts else None
    if root is not None and parts[0][0].lower_ == "according" and root.tag_ in _FINITE and root.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass") for c in root.children):
        return ["'According to X,' before a clause that lost its subject"]
    if parts and not s.rstrip("\"'\u201d\u2019)").endswith("?") and _subordinate(parts[0]):
        return [f"a subordinate clause or a lost subject, not a sentence (starts {parts[0][0].text!r})"]
    return []


def asserts_something(sentence: str) -> bool:
    """Whether what is left of a (possibly cut-off) sentence has a main clause with a finite verb.

    >>> asserts_something(f"The board met and agreed to {TRUNCATION_MARK}"), asserts_something(f"When the talks began {TRUNCATION_MARK}")
    (True, False)
    """
    body = _body(sentence)
    return bool(body) and not _clause_problems(_outside_quotes(_parse(body)), body)


def problems(sentence: str, *, source: str | None = None) -> list[str]:
    """Why ``sentence`` is not a complete, well-formed sentence (empty when it is one).

    ``source`` is the article it comes from, for the capitals check.

    >>> problems("The council approved the budget on Monday.")
    []
    >>> problems("An executive assistant to the governor has broken her silence and.")
    ["ends on a dangling conjunction ('and')"]
    >>> problems("The assistant to the mayor's alleged misconduct.")
    ['no finite main verb']
    >>> print(*problems("The plan, which The residents opposed, was dropped."))
    a capital in mid-sentence ('plan, which The')
    >>> problems("According to the poll, have a strong presence in the state.")
    ["'According to X,' before a clause that lost its subject"]
    """
    s = re.sub(r"\s+", " ", sentence).strip()
    if not s:
        return ["empty"]
    out: list[str] = []
    truncated = is_marked_truncated(s)
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "\u201c\"'\u2018(["):
        out.append(f"does not start with a capital ({s[:12]!r})")
    if not truncated and not _END.search(s):
        out.append(f"does not end in . ! or ? ({s[-12:]!r})")
    if not truncated:  # a quotation the input cut off cannot close
        out += _quote_problems(s)
    body = s[: -len(TRUNCATION_MARK)].rstrip() if truncated else s
    doc = _parse(body)
    parts = _outside_quotes(doc)
    if not truncated:
        out += _clause_problems(parts, s)
        end = _end_problem(doc)
        if end:
            out.append(end)
    cap = _capital_problem(s, source)
    if cap:
        out.append(cap)
    return out


def is_wellformed(sentence: str, *, source: str | None = None) -> bool:
    """Whether :func:`problems` finds nothing.

    >>> is_wellformed("Police said two people were hurt."), is_wellformed("Police said two people were hurt by Mr.")
    (True, False)
    """
    return not problems(sentence, source=source)
