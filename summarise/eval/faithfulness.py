"""Reference-free faithfulness: is each summary sentence supported by its article?

No NLI model is installable offline, so the scorer combines cheap, explainable signals of one
summary sentence against the article (:data:`FEATURES`, computed in :mod:`._faith_features`:
embedding and lexical support, unsupported numbers, entities and proper nouns, negation, length). A
:class:`FaithModel` turns them into a per-sentence score: either a logistic regression
(standardised features, L2, numpy; score in 0..1) over all or some of them, or one feature used
alone. Which of a pre-declared family of such candidates, and its weights or sign and threshold,
were chosen and fitted on the SummaC benchmark's validation cut (four sets, leave-one-set-out) by
:mod:`summarise.eval.validity.summac`; the result ships in ``summarise/eval/faithfulness.json``
(its ``meta`` records which candidate and why), so scoring needs no data at run time. Since v4 the
candidates may also fit their weights on synthetic FactCC-style sentences
(``scripts/make_synthetic_faithfulness.py``) and use the local language model's evidence
(:data:`LM_FEATURES`, :mod:`summarise.eval._lm_evidence`); a scorer over those needs a backend at
run time (``score_sentences(..., scorer=)``, the ``faithfulness_lm`` metric) and ships as
``faithfulness_lm.json`` only when the selection chooses one. Since v5 the features include relations
from the dependency parse, token-level alignment and local bigram precision (``FEATURES_V5``).

A summary's score is the **minimum** of its sentence scores (decided before any result was
seen): a summary is as faithful as its least supported sentence, and the human labels it was
checked against are "consistent unless some part is not". :func:`score_sentences` gives the
per-sentence scores, :func:`summary_score` the summary's; the metrics ``faithfulness`` and
``faithfulness_lm`` are registered in :mod:`summarise.eval.metrics.faithfulness`. Validity figures:
``eval/VALIDITY.md``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ._faith_features import FEATURE_VERSION, FEATURES, FEATURES_V4, FEATURES_V5, analyse_document, copied, sentence_features, split_sentences
from ._lm_evidence import LM_FEATURES

__all__ = [
    "ALL_FEATURES",
    "FEATURES",
    "FEATURES_V4",
    "FEATURES_V5",
    "LM_FEATURES",
    "FEATURE_VERSION",
    "LM_MODEL_PATH",
    "MODEL_PATH",
    "FaithModel",
    "aggregate",
    "analyse_document",
    "columns",
    "copied",
    "fit_logistic",
    "fit_model",
    "lm_scorer_backend",
    "load_model",
    "score_sentences",
    "sentence_features",
    "single_feature_model",
    "split_sentences",
    "summary_score",
]

#: Columns a :class:`FaithModel` may use: :data:`FEATURES`, then the language-model evidence
#: (:data:`~summarise.eval._lm_evidence.LM_FEATURES`), which needs a backend to compute.
ALL_FEATURES = FEATURES + LM_FEATURES
MODEL_PATH = Path(__file__).resolve().parent / "faithfulness.json"  # eval data: not in the library fingerprint
#: The scorer over language-model features too (chosen and fitted like the default one).
LM_MODEL_PATH = Path(__file__).resolve().parent / "faithfulness_lm.json"


@dataclass
class FaithModel:
    """A sentence scorer over (a subset of) :data:`ALL_FEATURES`; two kinds.

    ``logistic``: standardisation plus logistic-regression weights over ``features``, a score in 0..1.
    ``single``: one feature used alone, ``offset + sign * value`` (``sign`` fitted on the training
    sets; ``offset`` 1 for a share that counts against support, so the score stays in 0..1).
    ``predict`` takes the full feature matrix either way: one column per :data:`ALL_FEATURES`, or
    per :data:`FEATURES` for a model that uses no language-model feature (:attr:`needs_lm`).
    """

    features: list[str]
    mean: list[float] = field(default_factory=list)
    std: list[float] = field(default_factory=list)
    coef: list[float] = field(default_factory=list)
    intercept: float = 0.0
    threshold: float = 0.5
    """Aggregate score below which a summary is called inconsistent (chosen on the fitting data)."""
    meta: dict[str, Any] = field(default_factory=dict)
    kind: str = "logistic"
    sign: float = 1.0
    offset: float = 0.0
    copy_rule: bool = False
    """A sentence found word for word in the document (:func:`copied`) scores 1: copying cannot
    add anything the document does not say, whatever the features make of a short or odd line."""

    def __post_init__(self) -> None:
        unknown = [f for f in self.features if f not in ALL_FEATURES]
        if unknown or self.kind not in ("logistic", "single") or (self.kind == "single" and len(self.features) != 1):
            raise ValueError(f"not a scorer over FEATURES: kind {self.kind!r}, features {self.features}")

    @property
    def needs_lm(self) -> bool:
        """Whether it uses a language-model feature (scoring then needs a backend)."""
        return any(f in LM_FEATURES for f in self.features)

    def predict(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        x = x.reshape(-1, x.shape[-1] if x.ndim > 1 else len(FEATURES))
        x = x[:, columns(self.features, x.shape[1])]
        if self.kind == "single":
            return self.offset + self.sign * x[:, 0]
        z = (x - np.asarray(self.mean)) / np.asarray(self.std)
        return 1.0 / (1.0 + np.exp(-(z @ np.asarray(self.coef) + self.intercept)))

    def to_json(self) -> dict[str, Any]:
        keys = ("features", "mean", "std", "coef", "intercept") if self.kind == "logistic" else ("features", "sign", "offset")
        return {"kind": self.kind, **{k: getattr(self, k) for k in (*keys, "threshold", "copy_rule", "meta")}}


def columns(features: Sequence[str], width: int) -> list[int]:
    """Column indexes of ``features`` in a matrix of ``width`` columns (:data:`FEATURES`, or
    :data:`ALL_FEATURES` when it has the language-model columns too).

    >>> columns(["lm_pmi", "log_length"], len(ALL_FEATURES))
    [20, 10]
    """
    names = ALL_FEATURES if width == len(ALL_FEATURES) else FEATURES
    missing = [f for f in features if f not in names[:width]]
    if width not in (len(FEATURES), len(ALL_FEATURES)) or missing:
        raise ValueError(f"a feature matrix of {width} columns lacks {missing or 'the expected layout'}: "
                         "compute the language-model features (summarise.eval._lm_evidence) for this scorer")
    return [names.index(f) for f in features]


def single_feature_model(feature: str, sign: float) -> FaithModel:
    """One feature alone as a scorer: the value itself (``sign`` +1), or one minus it (``sign`` -1).

    >>> m = single_feature_model("number_unsupported", -1)
    >>> x = np.zeros((2, len(FEATURES))); x[1, FEATURES.index("number_unsupported")] = 1.0
    >>> m.predict(x).tolist()
    [1.0, 0.0]
    """
    return FaithModel([feature], kind="single", sign=float(np.sign(sign) or 1.0), offset=1.0 if sign < 0 else 0.0)


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, *, l2: float) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression by Newton's method: minimises
    ``sum(w * logloss) / sum(w) + l2/2 * |coef|^2`` (intercept not penalised).

    >>> coef, b = fit_logistic(np.array([[-2.0], [-1.0], [1.0], [2.0]]), np.array([0, 0, 1, 1]), np.ones(4), l2=0.1)
    >>> bool(coef[0] > 0), abs(b) < 1e-9
    (True, True)
    """
    w = np.asarray(w, dtype=float) / np.sum(w)
    a = np.hstack([np.asarray(x, dtype=float), np.ones((len(x), 1))])
    beta = np.zeros(a.shape[1])
    pen = np.full(a.shape[1], l2)
    pen[-1] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(a @ beta)))
        grad = a.T @ (w * (p - y)) + pen * beta
        hess = (a * (w * p * (1 - p))[:, None]).T @ a + np.diag(pen) + 1e-9 * np.eye(a.shape[1])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta[:-1], float(beta[-1])


def aggregate(scores: Sequence[float], rule: str = "min") -> float | None:
    """A summary's score from its sentences' scores: ``min`` (default) or ``mean``.

    >>> aggregate([0.9, 0.2, 0.7]), aggregate([0.5, 1.0], "mean"), aggregate([])
    (0.2, 0.75, None)
    """
    if len(scores) == 0:
        return None
    return float(min(scores)) if rule == "min" else float(np.mean(scores))


def fit_model(
    summaries: Sequence[tuple[np.ndarray, int, float]], *, l2: float, mil_iterations: int = 2,
    features: Sequence[str] = FEATURES,
) -> FaithModel:
    """Fit the sentence scorer on summary-level labels.

    ``summaries``: (sentence features ``n x len(FEATURES)``, label 1 consistent / 0 not, weight).
    Every sentence of a consistent summary is a positive (sharing the summary's weight). For an
    inconsistent summary, at first all its sentences are negatives; then, ``mil_iterations``
    times, only its lowest-scoring sentence under the current fit is (multiple-instance learning:
    the label says some sentence is wrong, not which). ``features``: the columns used (all by default).
    """
    stack = np.vstack([s for s, _, _ in summaries])
    cols = columns(features, stack.shape[1])
    stack = stack[:, cols]
    mean, std = stack.mean(0), stack.std(0)
    std[std < 1e-9] = 1.0
    model = FaithModel(list(features), mean.tolist(), std.tolist(), [0.0] * len(cols), 0.0)
    for it in range(mil_iterations + 1):
        xs, ys, ws = [], [], []
        for x, label, weight in summaries:
            if label == 0 and it > 0 and len(x) > 1:
                x = x[[int(np.argmin(model.predict(x)))]]
            xs.append(np.asarray(x)[:, cols])
            ys += [label] * len(x)
            ws += [weight / len(x)] * len(x)
        coef, b = fit_logistic((np.vstack(xs) - mean) / std, np.asarray(ys, float), np.asarray(ws), l2=l2)
        model.coef, model.intercept = coef.tolist(), b
    return model


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> FaithModel:
    """The fitted scorer (default: the one shipped in ``summarise/eval/faithfulness.json``)."""
    data = json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))
    if not set(data["features"]) <= set(ALL_FEATURES) or (data.get("kind", "logistic") == "logistic"
                                                      and len(data["coef"]) != len(data["features"])):
        raise ValueError(f"{path or MODEL_PATH} was fitted on other features: {data['features']}")
    return FaithModel(**data)


def score_sentences(*, document: str, sentences: Sequence[str], model: FaithModel | None = None,
                    scorer: Any = None) -> list[float]:
    """Each sentence's support score in 0..1 (higher: better supported by ``document``).

    ``scorer``: a backend with ``logprobs`` (:class:`~summarise.backends.Scorer`), needed only
    by a model over language-model features (:attr:`FaithModel.needs_lm`, e.g.
    :func:`load_model` of :data:`LM_MODEL_PATH`); such a model without one is an error.

    >>> doc = "The council approved a budget of 4 million pounds on Monday, its leader Ann Smith said."
    >>> good, bad = score_sentences(document=doc, sentences=["Ann Smith said the council approved a 4 million pound budget.",
    ...                                                      "John Brown said the council approved a 9 million pound budget."])
    >>> good > bad
    True
    """
    if not sentences:
        return []
    model = model or load_model()
    x = sentence_features(document=document, sentences=sentences)
    if model.needs_lm:
        if scorer is None:
            raise ValueError(f"This faithfulness scorer uses language-model features ({', '.join(f for f in model.features if f in LM_FEATURES)}): "
                             "pass scorer= a backend with logprobs, e.g. summarise.load_backend('smollm2-135m'), "
                             "or use the scorer without them (load_model()).")
        from ._lm_evidence import lm_features

        x = np.hstack([x, lm_features(document=document, sentences=sentences, scorer=scorer)])
    scores = model.predict(x)
    if model.copy_rule:
        scores = np.where(copied(document, sentences), 1.0, scores)
    return scores.tolist()


def summary_score(*, summary: str, article: str, model: FaithModel | None = None, scorer: Any = None) -> float | None:
    """The summary's weakest sentence score against the article (``None`` for an empty summary or
    article); ``model`` and ``scorer`` as for :func:`score_sentences`.

    >>> summary_score(summary=" ", article="Troops massed at the border.") is None
    True
    """
    if not summary.strip() or not article.strip():
        return None
    return aggregate(score_sentences(document=article, sentences=split_sentences(summary), model=model, scorer=scorer))


def lm_scorer_backend(model: FaithModel | None = None) -> Any:
    """The backend the LM scorer's features were computed with when it was fitted (its
    ``meta["lm"]``: backend, model; default: the embedded model on llama.cpp)."""
    from ..backends import load_backend

    if model is None and not LM_MODEL_PATH.is_file():
        from .registry import MetricError

        raise MetricError(f"No scorer with LM evidence is shipped ({LM_MODEL_PATH.name} is absent): the last SummaC study's "
                          "selection chose a candidate without language-model features (eval/VALIDITY.md). Use the "
                          "faithfulness metric, or rerun `summarise eval validate summac` with another lm: backend.")
    model = model or load_model(str(LM_MODEL_PATH))
    parts = str(model.meta.get("lm", "llamacpp:smollm2-135m")).split(":")
    return load_backend(parts[1], backend=parts[0])
