"""``evaluate`` module: summarise's summary metrics (ROUGE, semantic similarity, loaded-term
leaks, unsupported numbers and entities, attribution kept, faithfulness, invented words,
fallback rate; framing with ``lexicon=PATH``), computed by the eval harness.

See ``summarise.eval.hf`` for the input formats.
"""

import summarise.eval.hf as _hf  # a module, not the base class: evaluate takes the first class it finds


class Summary(_hf.HarnessMetric):  # type: ignore[misc,valid-type]
    GROUP = "summary"
