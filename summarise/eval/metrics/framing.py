"""The NeuS framing-bias metric (Lee et al., 2022; HLTCHKUST/framing-bias-metric).

As in the paper's code: replace "U.S." by "USA", lower-case, strip punctuation, lemmatise (here
with spaCy: WordNet data is not installable offline), take the set of lemmas of the generated
summary that are not lemmas of the reference, look them up in NRC-VAD, and sum the arousal of
those with valence > 0.65 (Arousal+) and, separately, < 0.35 (Arousal-). Lower is more neutral.
The means over items are the paper's per-item averages.

The lexicon is research-only and never shipped: the caller passes its path. Without it the
metric raises :class:`~summarise.eval.registry.MetricError`; it never returns 0 instead.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Mapping

from .._text import spacy_nlp
from ..registry import ItemContext, MetricCard, MetricError, register, run_option

__all__ = ["load_vad_lexicon", "framing_arousal_pos", "framing_arousal_neg", "framing_lemmas", "VadLexicon"]

#: word -> (valence, arousal), both 0..1.
VadLexicon = Mapping[str, tuple[float, float]]

POSITIVE_VALENCE = 0.65
NEGATIVE_VALENCE = 0.35
LEXICON_HINT = (
    "Pass the path of the NRC-VAD lexicon (NRC-VAD-Lexicon.txt: word<TAB>valence<TAB>arousal"
    "<TAB>dominance), e.g. --lexicon ../shared/datasets/lexicons/NRC-VAD-Lexicon.txt"
)


@lru_cache(maxsize=4)
def load_vad_lexicon(path: str) -> dict[str, tuple[float, float]]:
    """Read NRC-VAD (``word<TAB>valence<TAB>arousal<TAB>dominance`` per line, header optional)."""
    if not path:
        raise MetricError(f"The framing metrics need the NRC-VAD lexicon, and no path was given. {LEXICON_HINT}")
    if not os.path.isfile(path):
        raise MetricError(f"NRC-VAD lexicon not found at {path!r}. {LEXICON_HINT}")
    table: dict[str, tuple[float, float]] = {}
    bad = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            try:
                table[parts[0].strip().lower()] = (float(parts[1]), float(parts[2]))
            except (IndexError, ValueError):
                bad += 1  # a header line, or a blank one
    if not table or bad > 2:
        raise MetricError(
            f"{path!r} does not look like the NRC-VAD lexicon ({bad} unreadable lines, "
            f"{len(table)} entries). {LEXICON_HINT}"
        )
    return table


@run_option("lexicon")
def _lexicon(given: Mapping[str, object]) -> dict[str, tuple[float, float]]:
    """The run's lexicon, from its path (the run option ``lexicon``)."""
    return load_vad_lexicon(str(given.get("lexicon") or ""))


def framing_lemmas(text: str) -> set[str]:
    """The set of lemmas the NeuS metric compares.

    >>> sorted(framing_lemmas("The U.S. troops were massing!"))
    ['be', 'mass', 'the', 'troop', 'usa']
    """
    text = text.replace("U.S.", "USA").lower()
    text = re.sub(r"[^\w\s]", "", text)
    return {t.lemma_ for t in spacy_nlp()(text) if not t.is_space}


def _arousal(summary: str, reference: str, lexicon: VadLexicon, positive: bool) -> float | None:
    if not isinstance(lexicon, Mapping) or not lexicon:
        raise MetricError(f"The framing metrics need a loaded NRC-VAD lexicon. {LEXICON_HINT}")
    if not reference.strip():
        return None
    total = 0.0
    for lemma in framing_lemmas(summary) - framing_lemmas(reference):
        if lemma in lexicon:
            valence, arousal = lexicon[lemma]
            if (valence > POSITIVE_VALENCE) if positive else (valence < NEGATIVE_VALENCE):
                total += arousal
    return total


_MISSES = (
    "Lexical: counts emotive words absent from the reference, whatever their role (a quoted or "
    "attributed word counts the same); longer outputs score higher; needs the research-only "
    "NRC-VAD lexicon."
)


def _inputs(ctx: ItemContext) -> dict[str, object]:
    return {"summary": ctx.summary,
            "reference": str(ctx.item.get("framing_reference") or ctx.item.get("reference_summary") or ""),
            "lexicon": ctx.options.get("lexicon")}


def _card(sign: str, side: str) -> MetricCard:
    return MetricCard(f"NeuS Arousal{sign}: sum of NRC-VAD arousal over lemmas of the summary absent from "
                      f"the reference with valence {side}.",
                      ">= 0, lower is more neutral; None without a reference summary.", _MISSES)


@register("framing_arousal_pos", card=_card("+", "> 0.65"), higher_is_better=False, inputs=_inputs, needs=("lexicon",),
          label="arousal+", hf_module="summary")
def framing_arousal_pos(*, summary: str, reference: str, lexicon: VadLexicon) -> float | None:
    """Arousal of positive words the summary adds over the reference.

    >>> lex = {"triumph": (0.9, 0.8), "win": (0.8, 0.6), "disaster": (0.1, 0.9)}
    >>> framing_arousal_pos(summary="A triumph and a disaster.", reference="A win.", lexicon=lex)
    0.8
    """
    return _arousal(summary, reference, lexicon, positive=True)


@register("framing_arousal_neg", card=_card("-", "< 0.35"), higher_is_better=False, inputs=_inputs, needs=("lexicon",),
          label="arousal-", hf_module="summary")
def framing_arousal_neg(*, summary: str, reference: str, lexicon: VadLexicon) -> float | None:
    """Arousal of negative words the summary adds over the reference.

    >>> lex = {"triumph": (0.9, 0.8), "disaster": (0.1, 0.9)}
    >>> framing_arousal_neg(summary="A triumph and a disaster.", reference="A win.", lexicon=lex)
    0.9
    >>> framing_arousal_neg(summary="A disaster.", reference="A win.", lexicon={})
    Traceback (most recent call last):
    ...
    summarise.eval.registry.MetricError: The framing metrics need a loaded NRC-VAD lexicon. Pass the path of the NRC-VAD lexicon (NRC-VAD-Lexicon.txt: word<TAB>valence<TAB>arousal<TAB>dominance), e.g. --lexicon ../shared/datasets/lexicons/NRC-VAD-Lexicon.txt
    """
    return _arousal(summary, reference, lexicon, positive=False)
