"""PolNeAR (Newell, Margolin & Ruths, LREC 2018) as harness items: real 2016 US political news
with every attribution's source, cue and content annotated by trained annotators.

The corpus is read from its path (``../shared/datasets/polnear``: ``<split>/text/*.txt``,
``<split>/attributions/<stem>_<annotator>.ann`` in brat standoff) and never shipped. Where an
article has several annotators' files, the first by annotator id is used, so the items are the
same on every run.

Each item is in the reference format (``docs/eval.md``) so that the runner validates it like any
other: ``claims`` holds one entry per annotated attribution (the content as ``claim``, the source
as written, ``unnamed`` where none is written; PolNeAR annotates no kind, so ``statement``), and
``attributions`` keeps what the attribution metrics score: offsets of source, cue and content,
and the cue's class.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._errors import InputError
from .._types import ARTICLE_SOURCE

__all__ = ["load_polnear", "parse_ann", "cue_class", "cue_lemma", "is_assertion_cue", "is_pronoun_source",
           "source_matches", "CUE_CLASSES"]

#: The cue classes the attribution metrics are split by.
CUE_CLASSES = ("speech", "document", "thought", "stance")

# Reported thoughts, intentions and expectations: the holder's, never the article's.
_THOUGHT = frozenset(
    "believe think want expect fear hope feel know worry plan intend doubt suspect wonder assume consider "
    "see understand realize realise remember recall prefer wish seek aim try decide predict anticipate "
    "envision imagine suppose reckon figure guess trust question view regard concern convince sure afraid "
    "confident optimistic skeptical sceptical pessimistic aware unaware certain hopeful determined eager "
    "willing ready intent".split()
)
# Taking a side: support, opposition, praise, blame, appeals.
_STANCE = frozenset(
    "support back oppose endorse praise criticize criticise condemn thank urge call applaud welcome reject "
    "blame slam attack defend favor favour champion denounce decry hail laud commend embrace protest "
    "challenge vow pledge promise demand push press".split()
)
# Assertion verbs: the easy, explicit cues ("say", "according to", "report", "deny" ...).
_ASSERTION = frozenset(
    "say tell according report claim deny estimate show find warn add state announce write insist argue "
    "explain note allege acknowledge admit confirm predict suggest indicate reveal testify tweet assert "
    "contend maintain declare reply respond post disclose conclude project calculate".split()
)
# Head nouns of sources that are documents or data rather than people.
_DOCUMENT_NOUNS = frozenset(
    "report reports study studies survey surveys poll polls data record records analysis analyses figure "
    "figures statistic statistics document documents filing filings memo memos email emails letter letters "
    "book article review audit investigation research census numbers results findings tally model forecast "
    "index transcript transcripts indictment complaint lawsuit ruling order statement statements release "
    "video footage tape recording website page post tweet tweets list database documents paper papers "
    "projection projections estimate estimates count counts chart map table graph".split()
)
_AUX = frozenset("has have had is was were are be been being am will would shall should can could may might must "
                 "did do does not n't also reportedly recently previously later earlier first once then just "
                 "repeatedly publicly privately still even already further again often never".split())
_PRONOUNS = frozenset("i me we us you he him she her it they them his hers its their theirs our ours my mine your "
                      "yours this that these those who which one".split())
_DETERMINERS = frozenset("a an the another some many several most all both each every other one two three few "
                         "his her its their our my your this that these those such".split())
_TITLES = frozenset("mr mrs ms miss dr sir dame prof professor president vice prime minister secretary chief sen "
                    "senator rep representative gov governor mayor speaker judge justice gen rev gop democratic "
                    "republican former presidential nominee candidate".split())


def parse_ann(ann: str) -> list[dict[str, Any]]:
    """The attributions of one brat standoff file: source, cue and content spans and texts.

    >>> ann = ("T1\\tSource 0 3\\tBob\\nT2\\tCue 4 8\\tsaid\\nT3\\tContent 9 14;15 19\\train is\\n"
    ...        "T4\\tAttribution 4 8\\tsaid\\nE1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1\\n")
    >>> a = parse_ann(ann)[0]
    >>> a["source"], a["source_span"], a["cue_span"], a["content"]
    ('Bob', [0, 3], [4, 8], [[9, 14], [15, 19]])
    """
    spans: dict[str, tuple[str, list[list[int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                continue
            pieces = []
            for piece in head[1].split(";"):
                nums = piece.split()
                if len(nums) == 2 and nums[0].isdigit() and nums[1].isdigit():
                    pieces.append([int(nums[0]), int(nums[1])])
            spans[parts[0]] = (head[0], pieces, parts[2] if len(parts) > 2 else "")
        elif len(parts) >= 2 and parts[0].startswith("E"):
            roles = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles[role] = tid
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        cue = spans.get(roles.get("Cue", ""))
        if content is None or not content[1]:
            continue
        source = spans.get(roles.get("Source", ""))
        out.append({
            "source": source[2] if source else None,
            "source_span": source[1][0] if source and source[1] else None,
            "cue": cue[2] if cue else "",
            "cue_span": cue[1][0] if cue and cue[1] else None,
            "content": content[1],
        })
    return sorted(out, key=lambda a: a["content"][0][0])


def cue_lemma(cue: str) -> str:
    """The verb (or adjective, or ``according``) a cue rests on, lemmatised with spaCy.

    >>> cue_lemma("has learned"), cue_lemma("according to"), cue_lemma("told reporters")
    ('learn', 'according', 'tell')
    """
    from .._nlp import nlp

    words = [w for w in re.findall(r"[A-Za-z'’]+", cue)]
    if not words:
        return ""
    if words[0].lower() == "according":
        return "according"
    doc = nlp(" ".join(words[:6]))
    for t in doc:
        if t.lower_ in _AUX or t.lower_ in _PRONOUNS:
            continue
        if t.pos_ in ("VERB", "ADJ", "NOUN", "AUX"):
            return t.lemma_.lower()
    return doc[0].lemma_.lower() if len(doc) else ""


def is_pronoun_source(source: str | None) -> bool:
    """A source written only as a pronoun ("he", "they"): not scored as a named source."""
    words = re.findall(r"[A-Za-z]+", source or "")
    return bool(words) and all(w.lower() in _PRONOUNS for w in words)


def _head_part(source: str) -> str:
    """The source before its first prepositional or relative attachment ("a spokesman for X" ->
    "a spokesman"), or the whole when a name comes first ("Donald Trump's campaign manager")."""
    m = re.search(r"\s(?:for|of|at|by|with|from|in|on|who|which|that|to)\s", " " + source + " ")
    return source[: max(0, m.start() - 1)] if m and m.start() > 1 else source


def _document_source(source: str | None) -> bool:
    if not source:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", _head_part(source))]
    return bool(words) and words[-1] in _DOCUMENT_NOUNS


def cue_class(cue: str, source: str | None, lemma: str | None = None) -> str:
    """``speech``, ``document`` (a report, study or data speaks), ``thought`` (belief, intention,
    expectation) or ``stance`` (support, opposition, praise, blame).

    >>> cue_class("said", "Bob"), cue_class("showed", "a new poll"), cue_class("believes", "Bob")
    ('speech', 'document', 'thought')
    >>> cue_class("praised", "the senator")
    'stance'
    """
    lemma = lemma if lemma is not None else cue_lemma(cue)
    if lemma in _THOUGHT:
        return "thought"
    if lemma in _STANCE:
        return "stance"
    if _document_source(source):
        return "document"
    return "speech"


def is_assertion_cue(lemma: str) -> bool:
    return lemma in _ASSERTION


def _tokens(s: str) -> list[str]:
    from .validity._speakers import name_tokens

    return name_tokens(s)


@lru_cache(maxsize=4096)
def _gold_head(gold: str) -> tuple[str, tuple[str, ...], bool]:
    """(head word, the other words of its name, whether it is a proper name) of an annotated
    source phrase, from its parse: "A court document filed Thursday" -> document; "Rep. Chris
    Collins, R-NY," -> Collins; "Some of Clinton's longtime allies" -> allies."""
    from .._nlp import nlp

    doc = nlp(gold.strip(" ,"))
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None:
        return "", (), False
    # "some of X", "one of X", "many of X": the group named after "of"
    if root.lower_ in _DETERMINERS or root.pos_ in ("NUM", "PRON", "DET") or root.lower_ == "%":
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            root = pobj
    proper = root.pos_ == "PROPN" or (root.text[:1].isupper() and root.i > 0 and root.lower_ not in _TITLES)
    names = tuple(t.text for t in doc if t.i < root.i and t.head.i == root.i and t.dep_ == "compound")
    return root.text, names, proper


_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


@lru_cache(maxsize=4096)
def _gold_names(gold: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The people a source phrase names beside its role ("Acting party chair Maria Lopez",
    "another analyst, Joan Reyes of the firm X", "Her son Tom Lopez Jr."): (surname, given names)
    of each, not a name the role only points to ("a spokesman for Lopez", "Lopez's campaign
    manager")."""
    from .._nlp import nlp

    doc = nlp(gold.strip(" ,"))
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        before = doc[ent.start - 1] if ent.start > 0 else None
        after = doc[ent.end] if ent.end < len(doc) else None
        if before is not None and before.pos_ == "ADP" or after is not None and after.tag_ == "POS":
            continue
        t = ent.root
        if t.dep_ == "compound" and t.head.pos_ != "PROPN":
            continue  # "the Lopez campaign", "Lopez spokesman X": the name qualifies another noun
        while t.head.i != t.i and t.dep_ not in ("pobj", "poss", "pcomp"):
            t = t.head
        if t.dep_ in ("pobj", "poss", "pcomp"):
            continue  # "... of the firm Reyes Hart": the name is not the speaker's
        toks = [t.text for t in ent if not t.is_punct and t.lower_ not in _SUFFIXES and t.lower_.rstrip(".") not in _TITLES]
        if toks:
            out.append((toks[-1], tuple(toks[:-1])))
    return tuple(out)


def source_matches(predicted: str | None, gold: str) -> bool:
    """Whether a predicted source names the annotated one. A fuller name or a role beside the
    name is accepted ("Donald Trump, the Republican nominee" for "Trump"); a proper name must
    agree on its head word (the surname), without another given name before it; a common noun
    phrase on its head noun ("unnamed sources" for "a source", "Brian Fallon, a spokesman for the
    campaign" for "a spokesman").

    >>> source_matches("Donald Trump, the Republican nominee", "Mr. Trump")
    True
    >>> source_matches("unnamed sources", "another source"), source_matches("the article", "sources")
    (True, False)
    >>> source_matches("Hillary Clinton", "a spokesman for the Clinton campaign")
    False
    >>> source_matches("New York Post", "The Post"), source_matches("Ivanka Trump", "Donald Trump")
    (True, False)
    >>> source_matches("A court document", "A court document filed Thursday")
    True
    >>> source_matches("Maria Lopez", "Acting party chair Maria Lopez")
    True
    >>> source_matches("Lopez", "a spokesman for Lopez"), source_matches("Joan Reyes", "an analyst, Joan Reyes of Hart Capital")
    (False, True)
    """
    from .validity._speakers import tokens_agree

    if not predicted or predicted.strip().lower() == ARTICLE_SOURCE or not gold.strip():
        return False
    pred = _tokens(predicted)
    heads = [_gold_head(gold)]
    heads += [(surname, given, True) for surname, given in _gold_names(gold)]  # the role's head or the name beside it
    for head, names, proper in heads:
        head_toks = _tokens(head)
        if not head_toks:
            continue
        key = head_toks[-1]
        allowed = {t for n in names for t in _tokens(n) if t not in _TITLES} | set(head_toks[:-1])
        for i, tok in enumerate(pred):
            if not tokens_agree(tok, key):
                continue
            before = pred[i - 1] if i > 0 else ""
            if proper and allowed and before and before.isalpha() and before not in _TITLES and before not in _DETERMINERS \
                    and not any(tokens_agree(before, n) for n in allowed):
                continue  # a different given name before the surname: another person of the family
            return True
    return False


def load_polnear(path: str | Path, *, split: str = "dev", sample: int | None = None, sample_seed: int = 0) -> list[dict[str, Any]]:
    """The articles of one PolNeAR split as harness items (see the module docstring)."""
    root = Path(path)
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{root} has no PolNeAR split {split!r} (expected {text_dir} and {ann_dir}). "
                         "Give the folder that holds train/ and dev/, and a split that exists there.")
    titles = _titles(root / "metadata.tsv")
    anns: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", p.stem)
        anns.setdefault(stem, p)  # the first annotator's file, by annotator id
    files = [(tp, anns[tp.stem]) for tp in sorted(text_dir.glob("*.txt")) if tp.stem in anns]
    if sample is not None and sample < len(files):
        import random

        keep = sorted(random.Random(sample_seed).sample(range(len(files)), sample))
        files = [files[i] for i in keep]
    items = []
    for tp, ann in files:
        text = tp.read_text(encoding="utf-8")
        attributions = []
        for a in parse_ann(ann.read_text(encoding="utf-8")):
            if any(e > len(text) for _, e in a["content"]):
                continue
            lemma = cue_lemma(a["cue"])
            a["cue_lemma"] = lemma
            a["cue_class"] = cue_class(a["cue"], a["source"], lemma)
            a["assertion"] = is_assertion_cue(lemma)
            attributions.append(a)
        claims = [{"claim": " ".join(text[s:e] for s, e in a["content"]), "source": a["source"] or "unnamed",
                   "kind": "statement", "evidence": [text[s:e] for s, e in a["content"] if text[s:e]]}
                  for a in attributions]
        items.append({"id": tp.stem, "title": titles.get(tp.stem, ""), "text": text, "reference_summary": "",
                      "claims": [c for c in claims if c["evidence"]], "loaded_terms": [], "inconsistencies": [],
                      "attributions": attributions,
                      "annotator": ann.stem.rsplit("_", 1)[-1]})
    return items


def _titles(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    out = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return out
    cols = lines[0].split("\t")
    if "filename" not in cols or "title" not in cols:
        return out
    fi, ti = cols.index("filename"), cols.index("title")
    for line in lines[1:]:
        parts = line.split("\t")
        if len(parts) > max(fi, ti):
            out[parts[fi]] = parts[ti]
    return out
