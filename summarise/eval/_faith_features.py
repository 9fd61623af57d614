"""The faithfulness scorer's features: cheap, explainable signals of one summary sentence against
its article (:data:`FEATURES`), one row per sentence (:func:`sentence_features`).

Embedding support (best cosine of the sentence to the article's sentences and to windows of two
adjacent sentences, all-MiniLM-L6-v2), lexical support (share of the sentence's content lemmas and
lemma bigrams found in the article, and in its best single window), numbers and named entities the
article never states, proper nouns it never uses, a negation present on one side only, and length.
The scorer that weighs them is :mod:`summarise.eval.faithfulness`.
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
from ._text import extract_numbers, sentence_spans, spacy_nlp

__all__ = ["FEATURES", "FEATURE_VERSION", "analyse_document", "copied", "sentence_features", "split_sentences"]

#: Feature names, in column order (see the module docstring).
FEATURES = (
    "emb_sent_max", "emb_sent_top3", "emb_window_max", "lemma_precision", "local_lemma_precision",
    "bigram_precision", "number_unsupported", "entity_unsupported", "novel_propn",
    "negation_mismatch", "log_length",
)
#: Bumped whenever a feature's computation changes (invalidates the studies' feature caches).
FEATURE_VERSION = "2"
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
    emb_sent: np.ndarray = field(repr=False)
    emb_window: np.ndarray = field(repr=False)


@lru_cache(maxsize=8)
def analyse_document(document: str) -> _Doc:
    """The article's analysis the features compare summary sentences with (parsed once, embedded
    once; the last few documents are cached)."""
    from .._embed import embed

    parsed = spacy_nlp()(document)
    sents = [s for s in parsed.sents if any(c.isalnum() for c in s.text)] or [parsed[:]]
    sent_words = [frozenset(w for t in s if _content(t) for w in _forms(t)) for s in sents]
    windows = sent_words + [a | b for a, b in pairwise(sent_words)]
    texts = [s.text for s in sents]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding per batch
    vecs = np.empty((len(texts), 384), dtype=np.float32)
    vecs[order] = embed([texts[i] for i in order])
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
        emb_sent=vecs,
        emb_window=pairs if len(pairs) else vecs,
    )


def _share(items: Sequence[Any], ok: Any) -> float:
    return sum(1 for i in items if ok(i)) / len(items) if items else 0.0


def sentence_features(*, document: str, sentences: Sequence[str]) -> np.ndarray:
    """One row of :data:`FEATURES` per sentence, computed against ``document``.

    >>> doc = "The council approved the budget of 4 million pounds on Monday. Critics said it was too small."
    >>> x = sentence_features(document=doc, sentences=["The council approved a 4 million pound budget.",
    ...                                                "The council rejected a 9 million pound budget in Paris."])
    >>> f = dict(zip(FEATURES, x.T))
    >>> f["number_unsupported"].tolist(), bool(f["lemma_precision"][0] > f["lemma_precision"][1])
    ([0.0, 1.0], True)
    """
    from .._embed import embed

    if not sentences:
        return np.zeros((0, len(FEATURES)))
    d = analyse_document(document)
    vecs = embed(list(sentences))
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
        ])
    return np.asarray(rows, dtype=float)
