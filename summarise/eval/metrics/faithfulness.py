"""The faithfulness metrics: the summary's support by its article, by the scorer of
:mod:`summarise.eval.faithfulness` (``faithfulness``), or by the one that also reads the local
language model's evidence (``faithfulness_lm``, only when named).
"""

from __future__ import annotations

from typing import Any

from ..faithfulness import LM_MODEL_PATH, lm_scorer_backend, load_model, summary_score
from ..registry import MetricCard, register, run_option

__all__ = ["faithfulness", "faithfulness_lm"]


@register(
    "faithfulness",
    hf_module="summary",
    card=MetricCard(
        "Reference-free support of the summary by its article: each summary sentence is scored "
        "0..1 from embedding support, lemma and bigram overlap, unsupported numbers, entities and "
        "proper nouns, negation mismatch and length, by the scorer shipped in "
        "summarise/eval/faithfulness.json (chosen among logistic combinations and single features, "
        "and fitted, on the SummaC validation cut and synthetic FactCC-style sentences from NeuS; a "
        "sentence copied word for word from the article scores 1); the summary's value is its weakest "
        "sentence's score.",
        "0..1, higher is better; None for an empty summary or article. Below the stored "
        "threshold (summarise/eval/faithfulness.json) the summary is predicted inconsistent.",
        "No inference model: a fluent sentence reusing the article's words with a changed "
        "relation (who did what to whom, swapped roles, wrong causality) often passes; an "
        "abstractive but correct paraphrase can score low, and its threshold does not transfer "
        "to very abstractive (XSum-style) summaries. Held out set by set on SummaC (nested "
        "selection): ROC AUC about 0.78, balanced accuracy about 0.61, within the bootstrap interval "
        "of ROUGE-2 precision against the article; on QAGS-CNN/DM it correlates less with human scores "
        "than ROUGE-2 precision, on WiCE dev it separates supported claims better (AUC 0.77 vs 0.70) "
        "(eval/VALIDITY.md). The local language model's evidence was among the candidates and was "
        "not chosen.",
    ),
    higher_is_better=True,
    inputs=lambda ctx: {"summary": ctx.summary, "article": str(ctx.item.get("text") or "")},
)
def faithfulness(*, summary: str, article: str) -> float | None:
    """The summary's weakest sentence score against the article.

    >>> art = "Police in Leeds arrested two men on Friday after a robbery at a jewellery shop."
    >>> a = faithfulness(summary="Two men were arrested in Leeds after a jewellery shop robbery.", article=art)
    >>> b = faithfulness(summary="Five men were arrested in Manchester after a bank robbery.", article=art)
    >>> a > b
    True
    """
    return summary_score(summary=summary, article=article)


@run_option("lm_scorer")
def _lm_scorer(given: Any) -> Any:
    """The backend the LM scorer was fitted with (loaded once per run)."""
    return lm_scorer_backend()


@register(
    "faithfulness_lm",
    card=MetricCard(
        "As faithfulness, by the scorer shipped in summarise/eval/faithfulness_lm.json, whose candidates also "
        "had the language model's evidence (summarise/eval/_lm_evidence.py: per summary sentence, the "
        "pointwise mutual information of its tokens given the best-aligned article sentences against no "
        "article, and its least probable content token) and synthetic FactCC-style training data; chosen "
        "and fitted like faithfulness. Runs the model it was fitted with (the embedded SmolLM2-135M on "
        "llama.cpp; cost per summary sentence in bench/README.md). Only when named (--metrics "
        "faithfulness_lm), never by default; an error saying why when no such scorer ships (the 2026-12-05 "
        "SummaC selection chose a candidate without LM features, so none does).",
        "0..1, higher is better; None for an empty summary or article.",
        "The 135M model's probabilities are a weak judge of meaning: a swapped relation between names "
        "the article contains still reads as likely. Validity figures in eval/VALIDITY.md (SummaC "
        "leave-one-set-out, QAGS, WiCE).",
    ),
    higher_is_better=True,
    needs=("lm_scorer",),
    inputs=lambda ctx: {"summary": ctx.summary, "article": str(ctx.item.get("text") or ""),
                        "scorer": ctx.options["lm_scorer"]},
)
def faithfulness_lm(*, summary: str, article: str, scorer: Any) -> float | None:
    """The summary's weakest sentence score against the article, with language-model evidence.

    >>> from summarise.backends import FakeBackend
    >>> art = "Police in Leeds arrested two men on Friday after a robbery at a jewellery shop."
    >>> faithfulness_lm(summary="", article=art, scorer=FakeBackend()) is None
    True
    """
    if not summary.strip() or not article.strip():
        return None
    if not LM_MODEL_PATH.is_file():
        lm_scorer_backend()  # raises MetricError, saying why there is none
    return summary_score(summary=summary, article=article, model=load_model(str(LM_MODEL_PATH)), scorer=scorer)
