"""The metrics, by module; importing this package registers every one of them in
:data:`summarise.eval.registry.METRICS` (``import summarise.eval`` does).

- :mod:`.summary`: overlap with the reference summary, loaded terms, unsupported numbers and
  entities, attribution kept, fallbacks, cost;
- :mod:`.attribution`: attributions annotated in full (PolNeAR), only when a benchmark names them;
- :mod:`.claims`: claims matched against the reference claims, their source, kind and evidence;
- :mod:`.faithfulness`: the summary's support by its article;
- :mod:`.form`: fragments and changed pronouns;
- :mod:`.framing`: NeuS framing (needs the NRC-VAD lexicon);
- :mod:`.injection`: instructions planted in the article;
- :mod:`.wording`: words the system invented.

The order of the imports is the order of :func:`~summarise.eval.registry.metric_names`. The table
layouts below are the columns ``summarise eval compare`` shows (a column no run has is left out);
a column's heading is its metric's ``label``.
"""

from __future__ import annotations

from . import summary  # noqa: F401  (summary metrics first: the order the registry lists)
from . import attribution, claims, faithfulness, form, framing, injection, wording  # noqa: F401

__all__ = ["LEADERBOARD_METRICS", "MODELS_MD_METRICS", "PLOT_METRICS", "QUALITY_METRICS", "COST_METRIC"]

#: Columns of the leaderboard, in order.
LEADERBOARD_METRICS = (
    "claim_f1", "claim_recall", "claim_precision", "attribution_accuracy", "kind_accuracy",
    "evidence_overlap", "loaded_leak_rate", "invented_word_rate", "unsupported_number_rate", "unsupported_entity_rate", "faithfulness", "faithfulness_lm",
    "attribution_kept", "inconsistency_recall", "rouge1", "rouge2", "rougeL", "semantic_similarity",
    "framing_arousal_pos", "framing_arousal_neg", "attribution_coverage", "attributed_share", "article_voice_leak",
    "source_accuracy_named", "attributed_share_assertion", "source_accuracy_assertion", "spurious_attribution", "article_voice_leak_speech",
    "article_voice_leak_document", "article_voice_leak_thought", "article_voice_leak_stance", "injection_pass_through",
    "injection_flagged", "fallback_rate", "seconds_per_article", "tokens_per_article",
)
#: The compact set that goes into models.md.
MODELS_MD_METRICS = (
    "claim_recall", "claim_f1", "attribution_accuracy", "kind_accuracy", "loaded_leak_rate", "invented_word_rate",
    "fragment_rate", "pronoun_changed_rate", "unsupported_number_rate",
    "faithfulness",
    "attribution_kept", "rougeL", "framing_arousal_pos", "framing_arousal_neg", "attribution_coverage", "attributed_share",
    "article_voice_leak", "source_accuracy_named", "source_accuracy_assertion", "spurious_attribution",
    "injection_pass_through", "injection_flagged", "fallback_rate", "seconds_per_article",
)
#: The bars of the metrics plot: the models.md set and the other overlap metrics, 0..1 ones only.
PLOT_METRICS = tuple(m for m in (*MODELS_MD_METRICS, "rouge1", "rouge2", "semantic_similarity")
                     if m not in ("seconds_per_article", "framing_arousal_pos", "framing_arousal_neg"))
#: The quality axis of the quality-against-time plot: the first of these a benchmark has.
QUALITY_METRICS = ("claim_f1", "rougeL")
#: Its time axis.
COST_METRIC = "seconds_per_article"
