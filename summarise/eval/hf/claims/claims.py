"""``evaluate`` module: summarise's claim metrics (claim precision, recall and F1, attribution
and kind accuracy, evidence overlap, inconsistency recall), computed by the eval harness.

    >>> import evaluate                                                  # doctest: +SKIP
    >>> evaluate.load("path/to/summarise/eval/hf/claims").compute(      # doctest: +SKIP
    ...     predictions=[summary.to_dict()], references=[reference_item])

See ``summarise.eval.hf`` for the input formats.
"""

import summarise.eval.hf as _hf  # a module, not the base class: evaluate takes the first class it finds


class Claims(_hf.HarnessMetric):  # type: ignore[misc,valid-type]
    GROUP = "claims"
