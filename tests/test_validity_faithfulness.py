"""The faithfulness scorer, its statistics and its validity studies (SummaC, QAGS)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from summarise.eval import faithfulness as fa
from summarise.eval.validity import qags, summac

DATASETS = Path(__file__).parents[1] / ".." / "shared" / "datasets"

DOC = ("The city council approved a budget of 4 million pounds on Monday, its leader Ann Smith said. "
       "Critics said the money would not be enough to repair the bridge over the river Wear.")


def _feat(sentences: list[str]) -> dict[str, np.ndarray]:
    return dict(zip(fa.FEATURES, fa.sentence_features(document=DOC, sentences=sentences).T))


def test_unsupported_number_and_name_lower_support_than_a_paraphrase() -> None:
    good = "Ann Smith said the council approved a budget of 4 million pounds."
    wrong_number = "Ann Smith said the council approved a budget of 9 million pounds."
    wrong_name = "John Brown said the council approved a budget of 4 million pounds."
    f = _feat([good, wrong_number, wrong_name])
    assert f["number_unsupported"].tolist() == [0.0, 1.0, 0.0]
    assert f["entity_unsupported"][2] > f["entity_unsupported"][0] == 0.0
    assert f["novel_propn"][2] > 0.0 and f["lemma_precision"][0] == 1.0 > f["lemma_precision"][2]
    scores = fa.score_sentences(document=DOC, sentences=[good, wrong_number, wrong_name])
    assert scores[0] > scores[1] and scores[0] > scores[2]
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_negation_and_off_topic_sentences() -> None:
    f = _feat(["Critics said the money would be enough to repair the bridge.",
               "Critics said the money would not be enough to repair the bridge.",
               "The striker scored twice in the cup final."])
    assert f["negation_mismatch"].tolist()[:2] == [1.0, 0.0]
    assert f["emb_sent_max"][2] < f["emb_sent_max"][1]
    assert f["bigram_precision"][2] < f["bigram_precision"][1]


def test_metric_is_registered_and_aggregates_by_min() -> None:
    from summarise.eval.registry import get_metric

    metric = get_metric("faithfulness")
    assert metric.higher_is_better and "weakest" in metric.card.definition
    summary = "Ann Smith said the council approved a budget of 4 million pounds. John Brown won the cup in Paris."
    per = fa.score_sentences(document=DOC, sentences=fa.split_sentences(summary))
    assert len(per) == 2
    assert fa.faithfulness(summary=summary, article=DOC) == pytest.approx(min(per))
    assert fa.faithfulness(summary=" ", article=DOC) is None
    assert fa.faithfulness(summary="Fine.", article="") is None


def test_shipped_model_records_how_it_was_fitted() -> None:
    data = json.loads(fa.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(fa.FEATURES)
    assert set(data["meta"]["fitted_on"]) == {"summeval", "xsumfaith", "factcc", "polytope"}
    assert data["meta"]["aggregate"] == "min" and data["meta"]["fitted_at"]


# --- statistics, against hand-computed values ---------------------------------------------------

def test_roc_auc_with_ties() -> None:
    # positives 0.4, 0.8; negatives 0.1, 0.4: pairs (0.4>0.1)=1, (0.4=0.4)=.5, (0.8>.1)=1, (0.8>.4)=1 -> 3.5/4
    assert summac.roc_auc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1]) == pytest.approx(0.875)
    assert summac.roc_auc([0.5, 0.5, 0.5], [0, 1, 1]) == pytest.approx(0.5)
    assert summac.roc_auc([0.9, 0.1], [0, 1]) == pytest.approx(0.0)
    assert summac.roc_auc([0.3, 0.4], [1, 1]) is None


def test_balanced_accuracy_and_threshold() -> None:
    # class 1: 2/3 right, class 0: 1/1 right -> (2/3 + 1) / 2
    assert summac.balanced_accuracy([1, 0, 1, 0], [1, 1, 1, 0]) == pytest.approx(5 / 6)
    s, y = np.array([0.1, 0.2, 0.3, 0.9]), np.array([0, 1, 0, 1])
    cut = summac.best_threshold([(s, y)])
    assert summac.balanced_accuracy((s >= cut).astype(int), y) == pytest.approx(0.75)


def test_pearson_and_spearman_with_ties() -> None:
    assert summac.rankdata([3, 1, 3, 2]).tolist() == [3.5, 1.0, 3.5, 2.0]
    # x ranks [1, 2.5, 2.5, 4], y ranks [1, 2, 3, 4]; deviations [-1.5, 0, 0, 1.5] and
    # [-1.5, -.5, .5, 1.5]: sum of products 4.5, sums of squares 4.5 and 5
    assert summac.spearman([1, 2, 2, 3], [10, 20, 30, 40]) == pytest.approx(4.5 / np.sqrt(4.5 * 5))
    assert summac.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert summac.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


def test_logistic_regression_learns_the_direction() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] - 0.5 * x[:, 1] + 0.3 * rng.normal(size=200) > 0).astype(float)
    coef, _ = fa.fit_logistic(x, y, np.ones(200), l2=0.01)
    assert coef[0] > 0 > coef[1]
    strong, _ = fa.fit_logistic(x, y, np.ones(200), l2=10.0)
    assert np.abs(strong).sum() < np.abs(coef).sum()  # the penalty shrinks


# --- leave-one-dataset-out never fits on the scored set -------------------------------------------

def _fake_sets(tmp_path: Path) -> Path:
    for n, name in enumerate(["summeval", "xsumfaith", "factcc", "polytope"]):
        items = {f"{name}-{i}": {"document": f"doc {name} {i}", "claim": f"claim {i}", "label": str(i % 2)}
                 for i in range(6 + n)}
        (tmp_path / f"{name}.json").write_text(json.dumps(items))
    return tmp_path


def test_lodo_never_passes_the_scored_set_to_fitting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(1)

    def fake_features(pairs, cache, log):
        return [{"sentences": ["s"], "features": rng.normal(size=(1, len(fa.FEATURES))).tolist(),
                 "rouge2_f1": [rng.random()], "rouge2_precision": [rng.random()], "embedding_cosine": [rng.random()]}
                for _ in pairs]

    calls: list[dict[str, set[str]]] = []
    real_fit, real_thr = summac.fit_scorer, summac.best_threshold
    monkeypatch.setattr(summac, "cached_features", fake_features)
    monkeypatch.setattr(summac, "fit_scorer", lambda train, **kw: (
        calls.append({k: {r["id"] for r in v} for k, v in train.items()}), real_fit(train, **kw))[1])
    thresholds: list[int] = []
    monkeypatch.setattr(summac, "best_threshold", lambda sets: (thresholds.append(len(sets)), real_thr(sets))[1])
    data = _fake_sets(tmp_path)
    res = summac.run({"sets": ["summeval", "xsumfaith", "factcc", "polytope"], "aggregate_variants": []},
                     data=data, cache=tmp_path / "cache", log=lambda s: None)
    lodo_calls, final = calls[:-1], calls[-1]
    assert len(lodo_calls) == 4 and len(final) == 4
    for held, train in zip(["summeval", "xsumfaith", "factcc", "polytope"], lodo_calls):
        assert held not in train and len(train) == 3
        held_ids = {f"{held}-{i}" for i in range(20)}
        assert not any(held_ids & ids for ids in train.values())
    assert thresholds[:-1] and all(n == 3 for n in thresholds[:-1]) and thresholds[-1] == 4
    assert set(res["lodo"]["min"]["faithfulness"]) == {"summeval", "xsumfaith", "factcc", "polytope", "mean"}


# --- the real data, on a small subsample -----------------------------------------------------------

@pytest.mark.skipif(not (DATASETS / "summac").is_dir(), reason="SummaC data not at ../shared/datasets/summac")
def test_summac_study_on_a_subsample(tmp_path: Path) -> None:
    cfg = {"sets": ["summeval", "xsumfaith", "factcc"], "limit": 1, "aggregate_variants": ["mean"]}
    res = summac.run(cfg, data=DATASETS / "summac", cache=tmp_path, log=lambda s: None)
    assert res["sets"]["summeval"]["items"] == 2
    for rule in ("min", "mean"):
        for sc in summac.SCORERS:
            assert 0.0 <= res["lodo"][rule][sc]["mean"]["balanced_accuracy"] <= 1.0
    text = summac.render(res)
    assert "| Our scorer" in text and "balanced accuracy" in text
    again = summac.run({**cfg, "aggregate_variants": []}, data=DATASETS / "summac", cache=tmp_path, log=lambda s: None)
    assert again["lodo"]["min"] == res["lodo"]["min"]  # cached features, same numbers


@pytest.mark.skipif(not (DATASETS / "qags").is_dir(), reason="QAGS data not at ../shared/datasets/qags")
def test_qags_study_on_a_subsample(tmp_path: Path) -> None:
    res = qags.run({"limit": 4}, data=DATASETS / "qags" / "qags_cnndm.json", cache=tmp_path, log=lambda s: None)
    assert res["items"] == 4 and -1.0 <= res["correlations"]["min"]["faithfulness"]["pearson"] <= 1.0
    assert "Pearson" in qags.render(res)
