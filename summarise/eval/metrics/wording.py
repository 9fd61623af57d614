"""Whether the words a system wrote are the article's: the invented-word metric.

The pipeline lets the model reword claims and write the summary, but only with the article's
own words (``summarise._verify.invented_words``: nouns, proper nouns, verbs, adjectives and
adverbs compared by lemma). This metric measures the same thing on any system's output, against
the whole article, so that the pipeline, its baselines and a plain prompt are comparable.
"""

from __future__ import annotations

import re

from functools import lru_cache
from typing import Sequence

from ..._types import Claim
from ..registry import MetricCard, register

__all__ = ["invented_word_rate", "invented_units", "RENDERING_WORDS"]

#: Lemmas the deterministic renderer itself writes (summarise/_claims.py: "X said: …",
#: "According to X, …", "X denied the allegation that …"), besides the article's words, the
#: claims' sources and the lexicon's neutral replacements ("carnage" -> "deaths").
RENDERING_WORDS = frozenset({"say", "accord", "allegation", "deny"})


@lru_cache(maxsize=1)
def _allowed() -> frozenset[str]:
    from ..._nlp import lexicons
    from ..._verify import ALWAYS_ALLOWED

    lex = lexicons()
    replacements = {w.lower() for r in (*lex.loaded_words.values(), *lex.loaded_phrases.values()) if r for w in r.split()}
    return ALWAYS_ALLOWED | RENDERING_WORDS | frozenset(replacements)


def invented_units(*, summary: str, claims: Sequence[Claim], article: str) -> list[tuple[str, list[str]]]:
    """Each judged unit (the summary, then every claim worded by a model) with its words of
    substance that are in neither the article, the claims' sources nor the renderer's own words.

    >>> invented_units(summary="Russia praised North Korea.", article="Russia thanked North Korea.",
    ...                claims=[Claim("Seoul said Russia thanked North Korea.", "Seoul", "statement", (), "model"),
    ...                        Claim("Russia thanked North Korea.", "the article", "fact", (), "rule")])
    [('Russia praised North Korea.', ['praised']), ('Seoul said Russia thanked North Korea.', [])]
    """
    from ..._verify import invented_words

    # a bracket glued to a word ("Fastly Inc(FSLY.N)") tokenises as one piece: its parts count too
    unglued = re.sub(r"[()\[\]{}]", " ", article)
    support = " ".join([article, unglued, *dict.fromkeys(c.source for c in claims)])
    units = ([summary] if summary.strip() else []) + [c.text for c in claims if c.wording == "model"]
    allowed = _allowed()
    return [(u, [w for w in invented_words(u, support=support, allowed=allowed) if not _as_written(w, support)])
            for u in units if u.strip()]


def _as_written(word: str, support: str) -> bool:
    """A token the tagger cut differently, which the support holds as written ("FSLY.N." at the
    end of a sentence, "FSLY.N" in the article)."""
    w = word.rstrip(".")
    return bool(w) and re.search(r"(?<![\w.])" + re.escape(w) + r"(?!\w)", support) is not None


@register(
    "invented_word_rate",
    hf_module="summary",
    label="invented words",
    card=MetricCard("Share of the units a system wrote (its summary, and each claim a model worded) "
                    "holding a word of substance (noun, proper noun, verb, adjective, adverb; by "
                    "spaCy lemma) that is in neither the article, the claims' sources nor the "
                    "renderer's own attribution words and neutral replacements.",
                    "0..1, lower is better; None when the system wrote nothing (empty summary, "
                    "no model-worded claim).",
                    "A word taken from elsewhere in the article passes (the pipeline's own check "
                    "is stricter: the claim's evidence only); a paraphrase with a synonym counts "
                    "as invented even when faithful; lemmas follow spaCy's small model."),
    higher_is_better=False,
    inputs=lambda ctx: {"summary": ctx.summary, "claims": ctx.predicted_claims, "article": str(ctx.item.get("text") or "")},
)
def invented_word_rate(*, summary: str, claims: Sequence[Claim], article: str) -> float | None:
    """Share of written units with a word the article does not have.

    >>> invented_word_rate(summary="The transport ministry said 40 people were hurt.",
    ...                    claims=[], article="Police said 40 people were hurt.")
    1.0
    >>> invented_word_rate(summary="", claims=[], article="Police said 40 people were hurt.") is None
    True
    """
    units = invented_units(summary=summary, claims=claims, article=article)
    if not units:
        return None
    return sum(1 for _, words in units if words) / len(units)
