"""The faithfulness scorer's features: cheap, explainable signals of one summary sentence against
its article (:data:`FEATURES`), one row per sentence (:func:`sentence_features`).

Embedding support (best cosine of the sentence to the article's sentences and to windows of two
adjacent sentences, all-MiniLM-L6-v2), lexical support (share of the sentence's content lemmas and
lemma bigrams found in the article, and in its best single window), numbers and named entities the
article never states, proper nouns it never uses, a negation present on one side only, and length
(:data:`FEATURES_V4`, the features of study versions 1-4). Since v5 (issue 14, :data:`FEATURES_V5`),
against the :data:`TOP_K` best-aligned article sentences: lemma-bigram precision, and BERTScore-style
precision of the sentence's MiniLM token vectors (:func:`summarise._embed.embed_tokens`, the same
forward pass as the sentence vectors) with the lowest alignment of a content token; and against the
article's clauses (:func:`relations`: subject, verb, object by lemma from spaCy's dependency parse,
the passive turned round): the share of the sentence's clauses the article states, has with subject
and object swapped, or has with the same verb and object but another subject; a reporting verb whose
speaker the article never has say anything; negation and modality differing from the article's
matching clauses. The scorer that weighs them is :mod:`summarise.eval.faithfulness`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np

from ._sources import ENTITY_LABELS, canonical, entity_supported
from .._numbers import extract_numbers
from ._text import sentence_spans, spacy_nlp

__all__ = ["FEATURES", "FEATURES_V4", "FEATURES_V5", "FEATURE_VERSION", "Relation", "relations", "analyse_document", "copied", "sentence_features", "split_sentences"]

#: The features of study versions 1-4 (the first columns of :data:`FEATURES`).
FEATURES_V4 = (
    "emb_sent_max", "emb_sent_top3", "emb_window_max", "lemma_precision", "local_lemma_precision",
    "bigram_precision", "number_unsupported", "entity_unsupported", "novel_propn",
    "negation_mismatch", "log_length",
)
#: Added in v5 (issue 14): local and token-level alignment, and relations from the dependency parse.
FEATURES_V5 = (
    "local_bigram_precision", "tok_precision", "tok_min_content",
    "rel_supported", "rel_swapped", "rel_other_subject", "speaker_unsupported",
    "rel_negation_mismatch", "rel_modality_mismatch",
)
#: Feature names, in column order (see the module docstring).
FEATURES = FEATURES_V4 + FEATURES_V5
#: Bumped whenever a feature's computation changes (invalidates the studies' feature caches).
FEATURE_VERSION = "3"
#: How many best-aligned article sentences (MiniLM cosine) the local features compare with.
TOP_K = 3
_REPORTING = {"say", "tell", "claim", "state", "announce", "report", "add", "insist", "argue", "allege", "deny",
              "admit", "confirm", "warn", "explain", "note", "write", "accuse", "acknowledge", "suggest", "believe",
              "reveal", "testify", "declare", "predict", "estimate"}
_MODALS = {"can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought"}
_NEGATIONS = {"not", "no", "never", "n't", "none", "nothing", "nobody", "neither", "nor", "without", "cannot"}


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def copied(document: str, sentences: Sequence[str]) -> list[bool]:
    """Whether each sentence stands word for word in the document (case, punctuation and spacing
    aside); the document is normalised once.

    >>> copied("HALDEN, March 14 (Meridian News) - A judge ruled on Monday.",
    ...        ["Halden, March 14 (Meridian News) -", "A judge ruled on Friday."])
    [True, False]
    """
    doc = f" {_plain(document)} "
    return [bool(words) and f" {words} " in doc for words in map(_plain, sentences)]


def split_sentences(summary: str) -> list[str]:
    """The summary's sentences: line breaks first, then spaCy; text without a letter or digit dropped.

    >>> split_sentences("Troops massed. Talks failed.\\nhi there")
    ['Troops massed.', 'Talks failed.', 'hi there']
    """
    out = []
    for chunk in summary.splitlines():
        for s, e in sentence_spans(chunk) if chunk.strip() else []:
            if re.search(r"\w", chunk[s:e]):
                out.append(chunk[s:e])
    return out


def _content(tok: Any) -> bool:
    return not (tok.is_punct or tok.is_space or tok.is_stop) and any(c.isalnum() for c in tok.text)


def _forms(tok: Any) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _bigrams(tokens: Sequence[Any]) -> set[tuple[str, str]]:
    words = [t.lemma_.lower() for t in tokens if not (t.is_punct or t.is_space)]
    return set(pairwise(words))


def _negated(tokens: Sequence[Any]) -> bool:
    return any(t.dep_ == "neg" or t.lower_ in _NEGATIONS for t in tokens)


@dataclass(frozen=True)
class Relation:
    """A clause's (subject, verb, object) by lemma, with its negation and modality.

    ``subj`` / ``obj``: the argument's head lemma and its compound / flat-name lemmas (a name such
    as "Ann Smith" is ``{"ann", "smith"}``), empty when absent or a pronoun (nothing to check).
    The passive is turned round: "Y was hit by X" is (X, hit, Y).
    """

    verb: str
    subj: frozenset[str]
    obj: frozenset[str]
    negated: bool = False
    modal: str = ""


def _arg(tok: Any) -> frozenset[str]:
    if tok is None or tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WDT", "EX"):
        return frozenset()
    heads = [tok] + [c for c in tok.children if c.dep_ == "appos"]  # "her lawyer John Brown"
    parts = heads + [c for h in heads for c in h.children if c.dep_ in ("compound", "flat")]
    return frozenset(t.lemma_.lower() for t in parts if any(ch.isalnum() for ch in t.text))


def _args_of(verb: Any) -> tuple[Any, Any]:
    subj = obj = None
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") and subj is None:
            subj = c
        elif c.dep_ == "agent":
            subj = next((g for g in c.children if g.dep_ == "pobj"), subj)
        elif c.dep_ in ("dobj", "nsubjpass") and obj is None:
            obj = c
    if obj is None:  # "met with X", "accused of X": the first prepositional object
        obj = next((g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
    return subj, obj


def relations(tokens: Sequence[Any]) -> list[Relation]:
    """The clauses of parsed tokens (one sentence or a whole document) as :class:`Relation` objects: every
    verb with a subject or an object (a conjoined verb shares its head's subject).

    >>> from summarise.eval._text import spacy_nlp
    >>> [(sorted(r.subj), r.verb, sorted(r.obj)) for r in relations(list(spacy_nlp()("The police arrested Ann Smith.")))]
    [(['police'], 'arrest', ['ann', 'smith'])]
    """
    out = []
    for t in tokens:
        if t.pos_ not in ("VERB", "AUX") or (t.pos_ == "AUX" and t.dep_ == "aux"):
            continue
        subj, obj = _args_of(t)
        head = t
        while subj is None and head.dep_ == "conj" and head.head is not head:
            head = head.head
            subj = _args_of(head)[0]
        s_, o_ = _arg(subj), _arg(obj)
        if not (s_ or o_):
            continue
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass", "neg")]
        negated = any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in t.children)
        modal = next((c.lemma_.lower() for c in aux if c.tag_ == "MD" or c.lower_ in _MODALS), "")
        out.append(Relation(t.lemma_.lower(), s_, o_, negated, modal))
    return out


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two arguments name the same thing: they share a lemma (the head of one may be a name part of the other)."""
    return bool(a & b)


def _relation_features(rels: Sequence[Relation], doc_rels: Sequence[Relation],
                       speakers: frozenset[str]) -> list[float]:
    """rel_supported, rel_swapped, rel_other_subject, speaker_unsupported, rel_negation_mismatch,
    rel_modality_mismatch of a sentence's relations against the article's."""
    by_verb: dict[str, list[Relation]] = {}
    for r in doc_rels:
        by_verb.setdefault(r.verb, []).append(r)
    supported = swapped = other = neg = mod = matched = 0
    said = [r for r in rels if r.verb in _REPORTING and r.subj]
    for r in rels:
        cands = by_verb.get(r.verb, [])
        full = [d for d in cands if (not r.subj or _same(r.subj, d.subj)) and (not r.obj or _same(r.obj, d.obj))]
        supported += bool(full)
        if not full and r.subj and r.obj:
            swapped += any(_same(r.subj, d.obj) and _same(r.obj, d.subj) for d in cands)
        if not full and r.subj and r.obj and r.verb not in _REPORTING:
            other += any(_same(r.obj, d.obj) and d.subj and not _same(r.subj, d.subj) for d in cands)
        near = full or [d for d in cands if (r.subj and _same(r.subj, d.subj)) or (r.obj and _same(r.obj, d.obj))]
        if near:
            matched += 1
            neg += all(d.negated != r.negated for d in near)
            mod += all(d.modal != r.modal for d in near)
    n = len(rels)
    return [supported / n if n else 1.0, swapped / n if n else 0.0, other / n if n else 0.0,
            sum(1 for r in said if not (r.subj & speakers)) / len(said) if said else 0.0,
            neg / matched if matched else 0.0, mod / matched if matched else 0.0]


def _speakers(parsed: Any, rels: Sequence[Relation]) -> frozenset[str]:
    """Lemmas of whoever the article has say something: subjects of reporting verbs, and the
    object of "according to"."""
    names = {w for r in rels if r.verb in _REPORTING for w in r.subj}
    for t in parsed:
        if t.lower_ == "according" and t.nbor(1).lower_ == "to" if t.i + 1 < len(parsed) else False:
            names |= {w for g in t.nbor(1).children if g.dep_ == "pobj" for w in _arg(g)}
    return frozenset(names)


@dataclass(frozen=True)
class _Doc:
    lower: str
    entity_tokens: frozenset[str]
    words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    windows: tuple[frozenset[str], ...]
    negated: tuple[bool, ...]
    numbers: tuple[float, ...]
    texts: tuple[str, ...]
    """The article's sentences (what the LM evidence aligns summary sentences with)."""
    sent_bigrams: tuple[frozenset[tuple[str, str]], ...] = field(repr=False)
    relations: tuple[Relation, ...] = field(repr=False)
    speakers: frozenset[str] = field(repr=False)
    token_vecs: tuple[np.ndarray, ...] = field(repr=False)
    emb_sent: np.ndarray = field(repr=False)
    emb_window: np.ndarray = field(repr=False)


@lru_cache(maxsize=8)
def analyse_document(document: str) -> _Doc:
    """The article's analysis the features compare summary sentences with (parsed once, embedded
    once; the last few documents are cached)."""
    from .._embed import embed_tokens

    parsed = spacy_nlp()(document)
    sents = [s for s in parsed.sents if any(c.isalnum() for c in s.text)] or [parsed[:]]
    sent_words = [frozenset(w for t in s if _content(t) for w in _forms(t)) for s in sents]
    windows = sent_words + [a | b for a, b in pairwise(sent_words)]
    texts = [s.text for s in sents]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding per batch
    vecs = np.empty((len(texts), 384), dtype=np.float32)
    pooled, tok_sorted, _ = embed_tokens([texts[i] for i in order])
    vecs[order] = pooled
    token_vecs: list[np.ndarray] = [np.zeros((0, 384), dtype=np.float32)] * len(texts)
    for i, v in zip(order, tok_sorted):
        token_vecs[i] = v
    rels = relations(list(parsed))
    # A window of two adjacent sentences: the length-weighted sum of their (mean-pooled)
    # embeddings, renormalised: close to embedding the pair, at no extra model call.
    lens = np.array([[len(s)] for s in sents], dtype=np.float32)
    pairs = vecs[:-1] * lens[:-1] + vecs[1:] * lens[1:]
    pairs /= np.maximum(np.linalg.norm(pairs, axis=1, keepdims=True), 1e-9)
    return _Doc(
        lower=document.lower().replace("’", "'"),
        entity_tokens=frozenset(re.findall(r"[a-z0-9_]+", canonical(document))),
        words=frozenset(w for t in parsed for w in _forms(t)),
        bigrams=frozenset(_bigrams(list(parsed))),
        windows=tuple(windows),
        negated=tuple(_negated(list(s)) for s in sents),
        numbers=tuple(extract_numbers(document)),
        texts=tuple(texts),
        sent_bigrams=tuple(frozenset(_bigrams(list(s))) for s in sents),
        relations=tuple(rels),
        speakers=_speakers(parsed, rels),
        token_vecs=tuple(token_vecs),
        emb_sent=vecs,
        emb_window=pairs if len(pairs) else vecs,
    )


def _share(items: Sequence[Any], ok: Any) -> float:
    return sum(1 for i in items if ok(i)) / len(items) if items else 0.0


def _content_piece(piece: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    word = piece[2:] if piece.startswith("##") else piece
    return any(c.isalnum() for c in word) and (piece.startswith("##") or word not in STOP_WORDS)


def _token_alignment(vecs: np.ndarray, pieces: Sequence[str], doc_vecs: Sequence[np.ndarray]) -> tuple[float, float]:
    """BERTScore-style precision of a sentence's word pieces against the pieces of some article
    sentences (mean over its pieces of the best cosine), and the lowest best cosine of a content
    piece (not a stop word or punctuation): the one word the article supports least.

    >>> v = np.eye(3, dtype=np.float32)
    >>> _token_alignment(v[:2], ["police", "the"], [v[[0, 1]]]), _token_alignment(v[:2], ["police", "fled"], [v[[0]]])
    ((1.0, 1.0), (0.5, 0.0))
    """
    ref = [m for m in doc_vecs if len(m)]
    if not len(vecs) or not ref:
        return 0.0, 0.0
    best = (vecs @ np.vstack(ref).T).max(1)
    content = [b for b, p in zip(best, pieces) if _content_piece(p)]
    return float(best.mean()), float(min(content) if content else best.min())


def sentence_features(*, document: str, sentences: Sequence[str]) -> np.ndarray:
    """One row of :data:`FEATURES` per sentence, computed against ``document``.

    >>> doc = "The council approved the budget of 4 million pounds on Monday. Critics said it was too small."
    >>> x = sentence_features(document=doc, sentences=["The council approved a 4 million pound budget.",
    ...                                                "The council rejected a 9 million pound budget in Paris."])
    >>> f = dict(zip(FEATURES, x.T))
    >>> f["number_unsupported"].tolist(), bool(f["lemma_precision"][0] > f["lemma_precision"][1])
    ([0.0, 1.0], True)
    """
    from .._embed import embed_tokens

    if not sentences:
        return np.zeros((0, len(FEATURES)))
    d = analyse_document(document)
    vecs, tok_vecs, pieces = embed_tokens(list(sentences))
    sims_s, sims_w = vecs @ d.emb_sent.T, vecs @ d.emb_window.T
    rows = []
    for i, text in enumerate(sentences):
        parsed = spacy_nlp()(text)
        toks = list(parsed)
        content = [t for t in toks if _content(t)]
        found = lambda t: bool(_forms(t) & d.words)
        bigrams = _bigrams(toks)
        numbers = extract_numbers(text)
        ents = [e.text for e in parsed.ents if e.label_ in ENTITY_LABELS]
        propn = [t for t in toks if t.pos_ == "PROPN" and any(c.isalnum() for c in t.text)]
        top = np.sort(sims_s[i])[::-1]
        local = max(_share(content, lambda t, win=win: bool(_forms(t) & win)) for win in d.windows)
        near = np.argsort(-sims_s[i], kind="stable")[:TOP_K]
        near_bigrams = frozenset().union(*(d.sent_bigrams[j] for j in near))
        tok_prec, tok_min = _token_alignment(tok_vecs[i], pieces[i], [d.token_vecs[j] for j in near])
        rows.append([
            float(top[0]),
            float(top[:3].mean()),
            float(sims_w[i].max()),
            _share(content, found) if content else 1.0,
            local if content else 1.0,
            len(bigrams & d.bigrams) / len(bigrams) if bigrams else 1.0,
            _share(numbers, lambda v: not any(abs(v - k) <= 1e-9 * max(1.0, abs(k)) for k in d.numbers)),
            _share(ents, lambda e: not entity_supported(e, d.lower, d.entity_tokens)),
            _share(propn, lambda t: t.lower_ not in d.words),
            float(_negated(toks) != d.negated[int(np.argmax(sims_s[i]))]),
            math.log1p(sum(1 for t in toks if not (t.is_punct or t.is_space))),
            len(bigrams & near_bigrams) / len(bigrams) if bigrams else 1.0,
            tok_prec,
            tok_min,
            *_relation_features(relations(toks), d.relations, d.speakers),
        ])
    return np.asarray(rows, dtype=float)
