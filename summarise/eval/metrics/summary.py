"""Summary-level metrics: overlap with the reference summary, neutrality, grounding, cost.

Every metric is a pure function with keyword-only arguments returning a float, or ``None`` when
it is undefined for the item (no loaded terms to leak, no numbers to check...): ``None`` is left
out of the mean, never counted as 0. Claim metrics are in :mod:`.claims`, the NeuS framing
metric in :mod:`.framing`; all are registered by name in :mod:`summarise.eval.registry`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

from ..._types import ARTICLE_SOURCE, Claim, Provenance, SummarySentence
from .._sources import ENTITY_LABELS, canonical, entity_supported, names_source
from ..._numbers import extract_numbers
from .._text import find_unquoted, spacy_nlp
from ..registry import Details, ItemContext, MetricCard, MetricError, register

__all__ = [
    "rouge1", "rouge2", "rougeL", "semantic_similarity", "loaded_leak_rate", "leaked_terms",
    "unsupported_number_rate", "unsupported_numbers", "unsupported_entity_rate",
    "unsupported_entities", "attribution_kept", "fallback_rate", "seconds_per_article",
    "tokens_per_article",
]


@lru_cache(maxsize=1)
def _rouge_scorer() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError as e:  # never a silent 0
        raise MetricError(
            "The ROUGE metrics need the package rouge-score: pip install 'summarise[eval]'"
        ) from e
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def _rouge(kind: str, summary: str, reference: str) -> float | None:
    if not reference.strip():
        return None
    if not summary.strip():
        return 0.0
    return float(_rouge_scorer().score(reference, summary)[kind].fmeasure)


_ROUGE_MISSES = (
    "Word overlap only: a neutral paraphrase scores low, a fluent reversal of the facts or a "
    "dropped attribution can score high."
)
_SUMMARY_INPUTS = lambda ctx: {"summary": ctx.summary, "reference": str(ctx.item.get("reference_summary") or "")}  # noqa: E731


def _rouge_metric(name: str, definition: str, range_: str) -> Any:
    return register(name, card=MetricCard(definition, range_, _ROUGE_MISSES), higher_is_better=True, inputs=_SUMMARY_INPUTS,
                    hf_module="summary")


def _article_inputs(ctx: ItemContext) -> dict[str, Any]:
    return {"summary": ctx.summary, "article": str(ctx.item.get("text") or "")}


def _leak_inputs(ctx: ItemContext) -> dict[str, Any]:
    return {"summary": ctx.summary, "loaded_terms": list(ctx.item.get("loaded_terms") or [])}


@_rouge_metric("rouge1", "ROUGE-1 F1 (unigrams, Porter stemming) of summary against reference summary.",
               "0..1; None without a reference summary; 0 for an empty summary.")
def rouge1(*, summary: str, reference: str) -> float | None:
    """ROUGE-1 F-measure, stemming on (``rouge-score``, no hub download).

    >>> round(rouge1(summary="Troops massed at the border.", reference="Troops are massing at the border."), 3)
    0.909
    """
    return _rouge("rouge1", summary, reference)


@_rouge_metric("rouge2", "ROUGE-2 F1 (bigrams, stemming) of summary against reference summary.",
               "0..1; None without a reference summary.")
def rouge2(*, summary: str, reference: str) -> float | None:
    """ROUGE-2 F-measure, stemming on.

    >>> round(rouge2(summary="Troops massed at the border.", reference="Troops are massing at the border."), 3)
    0.667
    """
    return _rouge("rouge2", summary, reference)


@_rouge_metric("rougeL", "ROUGE-L F1 (longest common subsequence, stemming) against the reference.",
               "0..1; None without a reference summary.")
def rougeL(*, summary: str, reference: str) -> float | None:  # noqa: N802 - the metric's name
    """ROUGE-L F-measure, stemming on.

    >>> rougeL(summary="", reference="Troops massed.")
    0.0
    """
    return _rouge("rougeL", summary, reference)


@register(
    "semantic_similarity",
    hf_module="summary",
    card=MetricCard("Cosine similarity of all-MiniLM-L6-v2 embeddings of summary and reference.",
                    "-1..1 (in practice 0..1); None without a reference; 0 for an empty summary.",
                    "Topic similarity, not truth: negations, swapped numbers and dropped "
                    "attributions barely move it; texts past 256 tokens are truncated."),
    higher_is_better=True,
    inputs=_SUMMARY_INPUTS,
)
def semantic_similarity(*, summary: str, reference: str) -> float | None:
    """Cosine similarity of the two texts' sentence embeddings.

    >>> a = semantic_similarity(summary="Stocks fell sharply on Monday.", reference="Shares dropped on Monday.")
    >>> b = semantic_similarity(summary="The cat slept all day.", reference="Shares dropped on Monday.")
    >>> a > b
    True
    """
    from ..._embed import embed

    if not reference.strip():
        return None
    if not summary.strip():
        return 0.0
    v = embed([summary, reference])
    return float(v[0] @ v[1])


def leaked_terms(*, summary: str, loaded_terms: Sequence[str]) -> list[str]:
    """The loaded terms standing unquoted in the summary (whole words, any case).

    >>> leaked_terms(summary='It called the drills "reckless war games" and Western bullying.',
    ...              loaded_terms=["reckless war games", "Western bullying", "sabre-rattling"])
    ['Western bullying']
    """
    unique = list(dict.fromkeys(t.strip() for t in loaded_terms if t.strip()))
    return [t for t in unique if find_unquoted(summary, t)]


@register(
    "loaded_leak_rate",
    hf_module="summary",
    details=Details("leaked_terms", lambda ctx: {"leaked_terms": leaked_terms(**_leak_inputs(ctx))}),
    card=MetricCard("Share of the reference's loaded terms (unique, case-insensitive) that occur "
                    "unquoted as whole words in the summary.",
                    "0..1, lower is better; None when the reference lists no loaded terms.",
                    "Exact forms only: an inflection (\"assaults\") or a synonym the annotators "
                    "did not list is not seen; quoting a term always counts as neutral."),
    higher_is_better=False,
    inputs=_leak_inputs,
)
def loaded_leak_rate(*, summary: str, loaded_terms: Sequence[str]) -> float | None:
    """Share of loaded terms that leak into the summary unquoted.

    >>> loaded_leak_rate(summary='Russia praised the assault and the "carnage".', loaded_terms=["assault", "carnage"])
    0.5
    >>> loaded_leak_rate(summary="Russia thanked North Korea.", loaded_terms=[]) is None
    True
    """
    unique = {t.strip().lower() for t in loaded_terms if t.strip()}
    if not unique:
        return None
    leaked = {t.lower() for t in leaked_terms(summary=summary, loaded_terms=loaded_terms)}
    return len(leaked) / len(unique)


def unsupported_numbers(*, summary: str, article: str) -> list[float]:
    """Values stated in the summary that the article never states (spellings normalised).

    >>> unsupported_numbers(summary="6700 containers, three million shells, 21,000 troops",
    ...                     article="6,700 containers with over 3 million shells; 12,000 troops")
    [21000.0]
    """
    known = extract_numbers(article)
    return [v for v in extract_numbers(summary) if not any(abs(v - k) <= 1e-9 * max(1.0, abs(k)) for k in known)]


@register(
    "unsupported_number_rate",
    hf_module="summary",
    label="unsupported_numbers",
    details=Details("unsupported_numbers", lambda ctx: {"unsupported_numbers": unsupported_numbers(**_article_inputs(ctx))}),
    card=MetricCard("Share of the numbers stated in the summary that the article does not state "
                    "(\"6,700\" = \"6700\", \"three million\" = \"3000000\").",
                    "0..1, lower is better; None when the summary states no number.",
                    "A number the article states in another context passes; derived numbers "
                    "(sums, conversions) count as unsupported; a bare \"one\" is ignored."),
    higher_is_better=False,
    inputs=_article_inputs,
)
def unsupported_number_rate(*, summary: str, article: str) -> float | None:
    """Share of the summary's numbers not in the article.

    >>> unsupported_number_rate(summary="About 6700 containers and 21,000 troops.", article="6,700 containers, 12,000 troops")
    0.5
    >>> unsupported_number_rate(summary="No figures here.", article="6,700 containers") is None
    True
    """
    stated = extract_numbers(summary)
    if not stated:
        return None
    return len(unsupported_numbers(summary=summary, article=article)) / len(stated)


def unsupported_entities(*, summary: str, article: str) -> list[str]:
    """Named entities (spaCy) of the summary that the article does not name, by any alias.

    >>> unsupported_entities(summary="Seoul says Pyongyang shipped shells to Russia via China.",
    ...                      article="South Korea said North Korea shipped shells to Russia.")
    ['China']
    """
    ents = [e.text for e in spacy_nlp()(summary).ents if e.label_ in ENTITY_LABELS]
    article_lower = article.lower().replace("’", "'")
    article_tokens = set(re.findall(r"[a-z0-9_]+", canonical(article)))
    return [e for e in ents if not entity_supported(e, article_lower, article_tokens)]


@register(
    "unsupported_entity_rate",
    hf_module="summary",
    label="unsupported_entities",
    details=Details("unsupported_entities", lambda ctx: {"unsupported_entities": unsupported_entities(**_article_inputs(ctx))}),
    card=MetricCard("Share of the summary's named entities (spaCy NER: people, organisations, "
                    "places, nationalities...) that the article does not name, aliases allowed.",
                    "0..1, lower is better; None when the summary names no entity.",
                    "Depends on spaCy's small NER model (misses and false entities); an entity "
                    "named in the article but misused passes."),
    higher_is_better=False,
    inputs=_article_inputs,
)
def unsupported_entity_rate(*, summary: str, article: str) -> float | None:
    """Share of the summary's named entities not in the article.

    >>> unsupported_entity_rate(summary="Moscow thanked Pyongyang.", article="Russia thanked North Korea.")
    0.0
    """
    ents = [e for e in spacy_nlp()(summary).ents if e.label_ in ENTITY_LABELS]
    if not ents:
        return None
    return len(unsupported_entities(summary=summary, article=article)) / len(ents)


@register(
    "attribution_kept",
    hf_module="summary",
    card=MetricCard("Of the summary sentences that rest on attributed claims (a claim whose source "
                    "is not \"the article\"), the share that name the source of each of them "
                    "(a name, a country by any alias, or a role).",
                    "0..1; None when no summary sentence rests on an attributed claim "
                    "(lead-3 and naive-prompt have no attributed claims).",
                    "Uses the system's own claims, so a system that attributes nothing is not "
                    "penalised here (claim metrics see that); naming is lexical."),
    higher_is_better=True,
    inputs=lambda ctx: {"sentences": ctx.result.sentences, "claims": ctx.predicted_claims},
)
def attribution_kept(*, sentences: Sequence[SummarySentence], claims: Sequence[Claim]) -> float | None:
    """Share of attribution-bearing summary sentences that name their sources.

    >>> claims = [Claim("x", "Seoul", "statement", (), "rule", id="c1"), Claim("y", "the article", "fact", (), "rule", id="c2")]
    >>> attribution_kept(sentences=[SummarySentence("South Korea says 6,700 containers were shipped.", ("c1",), "rule"),
    ...                             SummarySentence("6,700 containers were shipped.", ("c1", "c2"), "rule"),
    ...                             SummarySentence("The war goes on.", ("c2",), "rule")], claims=claims)
    0.5
    """
    by_id = {c.id: c for c in claims}
    relevant = kept = 0
    for sent in sentences:
        sources = [by_id[i].source for i in sent.claim_ids if i in by_id]
        attributed = [s for s in sources if s.strip().lower() != ARTICLE_SOURCE]
        if not attributed:
            continue
        relevant += 1
        kept += all(names_source(sent.text, s) for s in attributed)
    return kept / relevant if relevant else None


@register(
    "fallback_rate",
    hf_module="summary",
    card=MetricCard("Share of claims and summary sentences whose wording is \"fallback\" among "
                    "those where a model was asked (wording \"model\" or \"fallback\").",
                    "0..1 (how often verification replaced the model's text); None when no "
                    "model was asked (lead-3, or a run without a model).",
                    "Says how often the model failed verification, not whether what passed is "
                    "good."),
    higher_is_better=False,
    inputs=lambda ctx: {"claims": ctx.predicted_claims, "sentences": ctx.result.sentences},
)
def fallback_rate(*, claims: Sequence[Claim], sentences: Sequence[SummarySentence]) -> float | None:
    """Share of model-written units that fell back to the deterministic rendering.

    >>> fallback_rate(claims=[Claim("x", "the article", "fact", (), w) for w in ("model", "fallback", "rule")],
    ...               sentences=[SummarySentence("x", (), "fallback")])
    0.6666666666666666
    """
    asked = [u.wording for u in [*claims, *sentences] if u.wording in ("model", "fallback")]
    return asked.count("fallback") / len(asked) if asked else None


@register(
    "seconds_per_article",
    label="s/article",
    card=MetricCard("Wall-clock seconds per article: the pipeline's own total where it reports "
                    "one, else the runner's measurement of the system call.",
                    "> 0, lower is better.",
                    "Machine-dependent; the first article of a run includes loading the model."),
    higher_is_better=False,
    inputs=lambda ctx: {"seconds": ctx.seconds},
)
def seconds_per_article(*, seconds: float) -> float | None:
    """Seconds spent on the article.

    >>> seconds_per_article(seconds=1.5)
    1.5
    """
    return float(seconds)


@register(
    "tokens_per_article",
    label="tokens/article",
    card=MetricCard("Prompt plus completion tokens over all model calls for the article "
                    "(from the prediction's provenance).",
                    ">= 0, lower is cheaper; 0 for systems that call no model.",
                    "Token counts are the backend's; different tokenizers count differently."),
    higher_is_better=False,
    inputs=lambda ctx: {"provenance": ctx.result.provenance},
)
def tokens_per_article(*, provenance: Provenance) -> float | None:
    """Total tokens the article cost.

    >>> tokens_per_article(provenance=Provenance("m", None, "fake", {}, "", {}, {"prompt": 900, "completion": 120}))
    1020.0
    """
    tokens = provenance.tokens or {}
    return float(int(tokens.get("prompt") or 0) + int(tokens.get("completion") or 0))
