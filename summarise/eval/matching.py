"""One-to-one matching of predicted claims to reference claims.

The rule, used by every claim metric:

- **Similarity**: cosine similarity of the two claim sentences' all-MiniLM-L6-v2 embeddings.
- **Numbers**: a pair whose texts both state numbers and share none (``12,000 troops`` vs
  ``21,000 troops``) cannot match, however similar the wording; spellings are normalised first
  (``6,700`` = ``6700``, ``three million`` = ``3000000``).
- **Threshold**: a pair can match only at similarity >= :data:`MATCH_THRESHOLD` (0.55).
  Chosen on the seed and dev references: a reference claim and its own evidence sentence have
  median similarity 0.78 and 10th percentile 0.55, while the closest *other* claim of the same
  article has median 0.61, so no threshold separates them alone; one-to-one assignment does
  most of the work, the threshold only keeps unrelated leftovers from pairing.
- **Assignment**: optimal, not greedy: the Hungarian algorithm (pure numpy, no scipy) picks the
  pairs that maximise the total similarity of admissible pairs, so each predicted claim matches
  at most one reference claim and the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .._numbers import numbers_agree

__all__ = ["MATCH_THRESHOLD", "ClaimMatch", "match_claims", "max_weight_assignment"]

#: Least cosine similarity at which a predicted claim can match a reference claim.
MATCH_THRESHOLD = 0.55


@dataclass(frozen=True)
class ClaimMatch:
    """One predicted claim paired with one reference claim."""

    predicted: int
    """Index into the predicted claims."""
    reference: int
    """Index into the reference claims."""
    similarity: float
    """Cosine similarity of the two claim texts."""


def max_weight_assignment(weights: np.ndarray) -> list[tuple[int, int]]:
    """Row-column pairs that maximise the sum of ``weights`` (rectangular allowed); pairs of
    weight <= 0 are left out, so a zero weight means "may not pair".

    The Hungarian algorithm with potentials, O(n^3); claim lists are tens of items.

    >>> max_weight_assignment(np.array([[0.9, 0.8], [0.85, 0.0]]))
    [(0, 1), (1, 0)]
    >>> max_weight_assignment(np.zeros((2, 3)))
    []
    """
    rows, cols = weights.shape
    if rows == 0 or cols == 0:
        return []
    n = max(rows, cols)
    cost = np.zeros((n, n))
    cost[:rows, :cols] = -np.clip(weights, 0.0, None)  # minimise negative weight
    # u, v: potentials; p[j]: row assigned to column j (1-based, 0 = none); way: augmenting path.
    u = np.zeros(n + 1)
    v = np.zeros(n + 1)
    p = np.zeros(n + 1, dtype=int)
    way = np.zeros(n + 1, dtype=int)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = np.full(n + 1, np.inf)
        used = np.zeros(n + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = p[j0]
            free = ~used[1:]
            cur = cost[i0 - 1] - u[i0] - v[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            masked = np.where(free, minv[1:], np.inf)
            j1 = int(np.argmin(masked)) + 1
            delta = masked[j1 - 1]
            u[p[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = []
    for j in range(1, n + 1):
        i = int(p[j]) - 1
        if i < rows and j - 1 < cols and weights[i, j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)


def match_claims(
    predicted: Sequence[str],
    reference: Sequence[str],
    *,
    threshold: float = MATCH_THRESHOLD,
    similarity: np.ndarray | None = None,
) -> list[ClaimMatch]:
    """Match predicted claim texts one-to-one to reference claim texts (rule above).

    ``similarity`` (shape ``len(predicted) x len(reference)``) may be given to skip embedding.

    >>> sim = np.array([[0.9, 0.6], [0.7, 0.2]])
    >>> [(m.predicted, m.reference) for m in match_claims(["a", "b"], ["c", "d"], similarity=sim)]
    [(0, 1), (1, 0)]
    >>> m = match_claims(["12,000 troops massed at the border."],
    ...                  ["21,000 troops massed at the border."], similarity=np.array([[0.95]]))
    >>> m
    []
    """
    if not predicted or not reference:
        return []
    if similarity is None:
        from .._embed import embed

        vectors = embed([*predicted, *reference])
        similarity = vectors[: len(predicted)] @ vectors[len(predicted):].T
    sim = np.asarray(similarity, dtype=float)
    weights = np.where(sim >= threshold, sim, 0.0)
    for i, p in enumerate(predicted):
        for j, r in enumerate(reference):
            if weights[i, j] > 0 and not numbers_agree(p, r):
                weights[i, j] = 0.0
    return [ClaimMatch(i, j, float(sim[i, j])) for i, j in max_weight_assignment(weights)]
