"""The language model as evidence of faithfulness: per summary sentence, how much the article's
best-aligned sentences raise (or lower) the model's probability of it.

For each summary, one context is built from its article: for every summary sentence, the
``TOP_K`` article sentences most similar to it (MiniLM cosine), pooled over the summary's
sentences, in article order, each cut to ``SENTENCE_CHARS`` characters, the whole cut to
``CONTEXT_CHARS`` (the least similar dropped first). Each summary sentence (cut to
``SENTENCE_CHARS``) is then scored by the backend's :class:`~summarise.backends.Scorer` twice:
after that context (``Article: ...\\n\\nSummary:``) and after the bare header (``Summary:``).
So there is one prefix pass per summary over its aligned article sentences, and one, shared by
every request of a batch, over the header: the cost grows with the summary, not the article.

Features (:data:`LM_FEATURES`), in nats:

- ``lm_pmi``: mean over the sentence's tokens of log p(token | article) - log p(token | no
  article): pointwise mutual information per token (as in BARTScore-style and HaRiM-style
  scorers, which contrast a conditioned and an unconditioned likelihood).
- ``lm_logp``: mean log p(token | article): the sentence's likelihood given the evidence.
- ``lm_min_pmi``: the lowest PMI of a content token (a token with a letter or digit whose word is
  not a stop word): the name or number the article makes *less* likely, or does not support.
- ``lm_min_logp``: the lowest log p(token | article) of a content token.

Any backend with ``logprobs`` serves: the embedded SmolLM2-135M on llama.cpp by default, or a
bigger model behind ``--backend openai`` (a server returning prompt log-probabilities) or
``transformers``, with no change here.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

__all__ = ["LM_FEATURES", "LM_FEATURE_VERSION", "aligned_context", "cached_lm_features", "lm_features",
           "lm_features_many", "read_cache", "sentence_lm_features"]

#: LM feature names, in column order (see the module docstring).
LM_FEATURES = ("lm_pmi", "lm_logp", "lm_min_pmi", "lm_min_logp")
#: Bumped whenever the features' computation (prompt, alignment, caps) changes.
LM_FEATURE_VERSION = "2"
#: Article sentences aligned to each summary sentence.
TOP_K = 2
#: Longest article or summary sentence kept, in characters (about 50 tokens).
SENTENCE_CHARS = 240
#: Longest context kept, in characters (about 110 tokens): the budget that keeps the LM features
#: of every study within about 45 minutes of one CPU core for the embedded model (bench/).
CONTEXT_CHARS = 500
HEADER = "Summary:"


def aligned_context(article_sentences: Sequence[str], similarity: np.ndarray, *, top_k: int = TOP_K) -> str:
    """The context for one summary: each summary sentence's ``top_k`` most similar article
    sentences (``similarity``: summary sentences x article sentences), pooled, in article order.

    >>> aligned_context(["A.", "B.", "C."], np.array([[0.1, 0.9, 0.5]]), top_k=2)
    'Article: B. C.\\n\\nSummary:'
    """
    sim = np.asarray(similarity, dtype=float).reshape(-1, len(article_sentences))
    best: dict[int, float] = {}
    for row in sim:
        for j in np.argsort(-row)[:top_k]:
            best[int(j)] = max(best.get(int(j), -np.inf), float(row[j]))
    kept, size = [], 0
    for j in sorted(best, key=lambda j: -best[j]):  # most similar first, until the cap
        piece = article_sentences[j].strip()[:SENTENCE_CHARS]
        if kept and size + len(piece) > CONTEXT_CHARS:
            break
        kept.append(j)
        size += len(piece) + 1
    body = " ".join(article_sentences[j].strip()[:SENTENCE_CHARS] for j in sorted(kept))
    return f"Article: {body}\n\n{HEADER}"


def _content_mask(tokens: Sequence[str]) -> list[bool]:
    """Tokens that carry content: a letter or digit, and a word that is not a stop word (a piece
    continuing a word counts with the word)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    mask, word_is_stop = [], True
    for t in tokens:
        if t[:1].isspace() or not mask:  # a token that starts a word
            w = t.strip().lower().strip(".,;:!?\"'()[]")
            word_is_stop = w in STOP_WORDS
        mask.append(any(c.isalnum() for c in t) and not word_is_stop)
    return mask


def sentence_lm_features(with_article: Any, without: Any) -> list[float]:
    """:data:`LM_FEATURES` of one sentence from its two :class:`~summarise.backends.TokenLogprobs`.

    >>> from summarise.backends import TokenLogprobs
    >>> w = TokenLogprobs((" Smith", " won"), (-1.0, -0.5), (0, 6))
    >>> o = TokenLogprobs((" Smith", " won"), (-6.0, -1.5), (0, 6))
    >>> sentence_lm_features(w, o)
    [3.0, -0.75, 1.0, -1.0]
    """
    lw, lo = np.asarray(with_article.logprobs, dtype=float), np.asarray(without.logprobs, dtype=float)
    if len(lw) == 0 or len(lw) != len(lo):
        return [0.0, 0.0, 0.0, 0.0]
    mask = np.asarray(_content_mask(with_article.tokens)) if with_article.tokens else np.zeros(0, bool)
    pmi = lw - lo
    sel = mask if mask.any() else np.ones(len(lw), bool)
    return [float(pmi.mean()), float(lw.mean()), float(pmi[sel].min()), float(lw[sel].min())]


def lm_features_many(items: Sequence[tuple[str, Sequence[str]]], scorer: Any, *,
                     analyse: Callable[[str], Any] | None = None) -> list[np.ndarray]:
    """:data:`LM_FEATURES` rows for each ``(article, summary sentences)`` item, all scored in one
    ``scorer.logprobs`` call (so the bare header is evaluated once for the whole batch)."""
    from .._embed import embed
    from ._faith_features import analyse_document

    analyse = analyse or analyse_document
    requests: list[tuple[str, str]] = []
    for article, sentences in items:
        if not sentences:
            continue
        doc = analyse(article)
        context = aligned_context(doc.texts, embed(list(sentences)) @ doc.emb_sent.T)
        for s in sentences:
            text = " " + " ".join(s.split())[:SENTENCE_CHARS]
            requests += [(context, text), (HEADER, text)]
    scored = iter(scorer.logprobs(requests)) if requests else iter(())
    out = []
    for _, sentences in items:
        rows = [sentence_lm_features(next(scored), next(scored)) for _ in sentences]
        out.append(np.asarray(rows, dtype=float).reshape(-1, len(LM_FEATURES)))
    return out


def lm_features(*, document: str, sentences: Sequence[str], scorer: Any) -> np.ndarray:
    """:data:`LM_FEATURES`, one row per sentence of one summary against ``document``.

    >>> from summarise.backends import FakeBackend
    >>> doc = "The council approved the budget on Monday. Critics said it was too small."
    >>> x = lm_features(document=doc, sentences=["The council approved the budget.", "Paris rejected a loan."],
    ...                 scorer=FakeBackend())
    >>> bool(x[0, 0] > x[1, 0])   # the article makes the first sentence likelier than the second
    True
    """
    return lm_features_many([(document, list(sentences))], scorer)[0]


def scorer_key(scorer: Any) -> str:
    """What the cached features depend on besides the text: the model, its weights and backend."""
    return f"{getattr(scorer, 'name', '?')}:{getattr(scorer, 'model_id', '?')}:{getattr(scorer, 'revision', None)}:v{LM_FEATURE_VERSION}"


def read_cache(path: pathlib.Path) -> dict[str, dict]:
    """The records of an append-only JSONL feature cache by their ``key`` (none when absent; a
    line cut by an interruption is skipped)."""
    done: dict[str, dict] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            done[rec["key"]] = rec
    return done


def cached_lm_features(items: Sequence[tuple[str, Sequence[str]]], scorer: Any, cache: pathlib.Path,
                       log: Callable[[str], None], *, batch: int = 16) -> list[np.ndarray]:
    """:func:`lm_features_many` through an append-only JSONL cache under ``cache`` keyed by the
    article, the sentences and :func:`scorer_key` (resumable; a rerun computes nothing)."""
    cache.mkdir(parents=True, exist_ok=True)
    tag = scorer_key(scorer)
    path = cache / f"lm-{hashlib.sha1(tag.encode()).hexdigest()[:12]}.jsonl"
    key = lambda d, ss: hashlib.sha1(json.dumps([tag, d, list(ss)]).encode()).hexdigest()
    done = {k: rec["lm"] for k, rec in read_cache(path).items()}
    todo = list({key(d, ss): (d, ss) for d, ss in items if key(d, ss) not in done}.items())
    log(f"LM features ({tag}): {len(items) - len(todo)} cached, {len(todo)} to compute")
    with open(path, "a", encoding="utf-8") as fh:
        for start in range(0, len(todo), batch):
            chunk = todo[start:start + batch]
            for (k, _), rows in zip(chunk, lm_features_many([v for _, v in chunk], scorer)):
                done[k] = rows.round(5).tolist()
                fh.write(json.dumps({"key": k, "lm": done[k]}) + "\n")
            fh.flush()
            if (start // batch) % 10 == 9:
                log(f"LM features: {start + len(chunk)}/{len(todo)}")
    return [np.asarray(done[key(d, ss)], dtype=float).reshape(-1, len(LM_FEATURES)) for d, ss in items]
