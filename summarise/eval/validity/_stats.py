"""Statistics for the validity studies, in plain numpy (no scipy or scikit-learn here): ranks with
ties, ROC AUC, balanced accuracy, Pearson and Spearman, the best threshold over several sets, and
the leave-one-dataset-out loop that keeps the scored set out of every fit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["balanced_accuracy", "best_threshold", "leave_one_dataset_out", "pearson", "rankdata", "roc_auc", "spearman"]


def rankdata(x: Sequence[float]) -> np.ndarray:
    """Ranks 1..n, ties sharing their average rank.

    >>> rankdata([10, 20, 20, 5]).tolist()
    [2.0, 3.5, 3.5, 1.0]
    """
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    xs = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and xs[j + 1] == xs[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """Area under the ROC curve (positives = label 1 should score higher); a tie counts 1/2.

    >>> roc_auc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1])
    0.875
    """
    y = np.asarray(labels)
    n1, n0 = int((y == 1).sum()), int((y == 0).sum())
    if not n1 or not n0:
        return None
    r = rankdata(scores)
    return float((r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def balanced_accuracy(predicted: Sequence[int], labels: Sequence[int]) -> float:
    """Mean of the recall of each class.

    >>> balanced_accuracy([1, 1, 0, 1], [1, 1, 0, 0])
    0.75
    """
    p, y = np.asarray(predicted), np.asarray(labels)
    return float(np.mean([(p[y == c] == c).mean() for c in (0, 1) if (y == c).any()]))


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r.

    >>> round(pearson([1, 2, 3, 4], [2, 4, 5, 9]), 4)
    0.9648
    """
    a, b = np.asarray(x, float) - np.mean(x), np.asarray(y, float) - np.mean(y)
    return float((a @ b) / np.sqrt((a @ a) * (b @ b)))


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: Pearson's r of the average ranks (the tie-corrected form).

    >>> round(spearman([1, 2, 2, 3], [1, 3, 2, 4]), 4)
    0.9487
    """
    return pearson(rankdata(x), rankdata(y))


def best_threshold(sets: Sequence[tuple[np.ndarray, np.ndarray]]) -> float:
    """The cut (predict consistent when score >= cut) maximising the mean balanced accuracy over ``sets``.

    >>> best_threshold([(np.array([0.1, 0.2, 0.6, 0.9]), np.array([0, 0, 1, 1]))])
    0.4
    """
    values = np.unique(np.concatenate([s for s, _ in sets]))
    cuts = np.concatenate([[values[0] - 1], (values[1:] + values[:-1]) / 2, [values[-1] + 1]])
    mean_ba = np.zeros(len(cuts))
    for s, y in sets:
        pred = s[None, :] >= cuts[:, None]
        recalls = [(pred[:, y == 1]).mean(1) if (y == 1).any() else None,
                   (~pred[:, y == 0]).mean(1) if (y == 0).any() else None]
        mean_ba += np.mean([r for r in recalls if r is not None], axis=0) / len(sets)
    return float(cuts[int(np.argmax(mean_ba))])


def leave_one_dataset_out(
    sets: Mapping[str, Any], fit: Callable[[dict[str, Any]], Any], evaluate: Callable[[Any, Any], dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """For each set: ``fit`` on the *other* sets only, then ``evaluate(fitted, held_out_set)``.

    >>> out = leave_one_dataset_out({"a": 1, "b": 2, "c": 3}, lambda tr: sorted(tr), lambda m, s: {"fit_on": m})
    >>> out["b"]
    {'fit_on': ['a', 'c']}
    """
    return {name: evaluate(fit({k: v for k, v in sets.items() if k != name}), held) for name, held in sets.items()}
