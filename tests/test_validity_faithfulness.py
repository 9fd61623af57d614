"""The faithfulness scorer, its statistics and its validity studies (SummaC, QAGS)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from summarise.eval import faithfulness as fa
from summarise.eval.metrics.faithfulness import faithfulness
from summarise.eval.validity import _stats as stats
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
    assert faithfulness(summary=summary, article=DOC) == pytest.approx(min(per))
    assert faithfulness(summary=" ", article=DOC) is None
    assert faithfulness(summary="Fine.", article="") is None


def test_shipped_model_records_how_it_was_fitted() -> None:
    data = json.loads(fa.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["kind"] in ("logistic", "single") and set(data["features"]) <= set(fa.FEATURES)
    meta = data["meta"]
    assert set(meta["fitted_on"]) == {"summeval", "xsumfaith", "factcc", "polytope"}
    assert meta["aggregate"] == "min" and meta["fitted_at"]
    assert meta["candidate"] in meta["candidates"] and meta["features_used"] == data["features"]
    assert meta["inner_auc"][meta["candidate"]] == max(meta["inner_auc"].values())
    assert fa.load_model().kind == data["kind"]


def test_single_feature_model_loads_and_scores_from_json(tmp_path: Path) -> None:
    sents = ["Critics said the money would not be enough to repair the bridge.",
             "The striker scored twice in the cup final in Paris."]
    x = fa.sentence_features(document=DOC, sentences=sents)
    j, k = fa.FEATURES.index("bigram_precision"), fa.FEATURES.index("novel_propn")
    for feature, sign, expected in (("bigram_precision", 1, x[:, j]), ("novel_propn", -1, 1.0 - x[:, k])):
        path = tmp_path / f"{feature}.json"
        path.write_text(json.dumps(fa.single_feature_model(feature, sign).to_json()))
        stored = json.loads(path.read_text())
        assert stored["kind"] == "single" and stored["features"] == [feature] and "coef" not in stored
        model = fa.load_model(str(path))
        scores = fa.score_sentences(document=DOC, sentences=sents, model=model)
        assert scores == pytest.approx(expected.tolist())
    assert scores[0] > scores[1]  # the second sentence names places the article never does
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"kind": "single", "features": ["no_such_feature"], "sign": 1}))
    with pytest.raises(ValueError):
        fa.load_model(str(bad))


def test_sparse_logistic_fit_uses_only_its_features() -> None:
    rng = np.random.default_rng(2)
    summaries = [(rng.normal(size=(2, len(fa.FEATURES))), int(i % 2), 1.0) for i in range(40)]
    model = fa.fit_model(summaries, l2=0.1, features=["bigram_precision", "emb_sent_max"])
    assert model.features == ["bigram_precision", "emb_sent_max"] and len(model.coef) == 2
    x = summaries[0][0].copy()
    before = model.predict(x)
    x[:, fa.FEATURES.index("log_length")] += 5.0  # a column the model does not use
    assert model.predict(x) == pytest.approx(before)


# --- statistics, against hand-computed values ---------------------------------------------------

def test_roc_auc_with_ties() -> None:
    # positives 0.4, 0.8; negatives 0.1, 0.4: pairs (0.4>0.1)=1, (0.4=0.4)=.5, (0.8>.1)=1, (0.8>.4)=1 -> 3.5/4
    assert stats.roc_auc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1]) == pytest.approx(0.875)
    assert stats.roc_auc([0.5, 0.5, 0.5], [0, 1, 1]) == pytest.approx(0.5)
    assert stats.roc_auc([0.9, 0.1], [0, 1]) == pytest.approx(0.0)
    assert stats.roc_auc([0.3, 0.4], [1, 1]) is None


def test_balanced_accuracy_and_threshold() -> None:
    # class 1: 2/3 right, class 0: 1/1 right -> (2/3 + 1) / 2
    assert stats.balanced_accuracy([1, 0, 1, 0], [1, 1, 1, 0]) == pytest.approx(5 / 6)
    s, y = np.array([0.1, 0.2, 0.3, 0.9]), np.array([0, 1, 0, 1])
    cut = stats.best_threshold([(s, y)])
    assert stats.balanced_accuracy((s >= cut).astype(int), y) == pytest.approx(0.75)


def test_pearson_and_spearman_with_ties() -> None:
    assert stats.rankdata([3, 1, 3, 2]).tolist() == [3.5, 1.0, 3.5, 2.0]
    # x ranks [1, 2.5, 2.5, 4], y ranks [1, 2, 3, 4]; deviations [-1.5, 0, 0, 1.5] and
    # [-1.5, -.5, .5, 1.5]: sum of products 4.5, sums of squares 4.5 and 5
    assert stats.spearman([1, 2, 2, 3], [10, 20, 30, 40]) == pytest.approx(4.5 / np.sqrt(4.5 * 5))
    assert stats.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert stats.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


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


FAMILY = [{"name": "full", "features": "all", "l2": 0.01}, {"name": "strong", "features": "all", "l2": 1.0},
          {"name": "sparse", "features": ["bigram_precision", "emb_sent_max"], "l2": 0.01},
          {"single": ["bigram_precision", "number_unsupported"]}]


def test_nested_selection_never_passes_the_scored_set_to_selection_or_fitting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(1)

    def fake_features(pairs, cache, log):
        return [{"sentences": ["s"], "features": rng.normal(size=(1, len(fa.FEATURES))).tolist(),
                 "rouge2_f1": [rng.random()], "rouge2_precision": [rng.random()], "embedding_cosine": [rng.random()]}
                for _ in pairs]

    calls: list[tuple[str, str, dict[str, set[str]]]] = []  # (function, candidate, {set: ids})
    ids = lambda train: {k: {r["id"] for r in v} for k, v in train.items()}
    real_select, real_fit = summac.select_candidate, summac.fit_candidate
    monkeypatch.setattr(summac, "cached_features", fake_features)
    monkeypatch.setattr(summac, "select_candidate", lambda family, train, **kw: (
        calls.append(("select", "", ids(train))), real_select(family, train, **kw))[1])
    monkeypatch.setattr(summac, "fit_candidate", lambda spec, train, **kw: (
        calls.append(("fit", spec["name"], ids(train))), real_fit(spec, train, **kw))[1])
    names = ["summeval", "xsumfaith", "factcc", "polytope"]
    res = summac.run({"sets": names, "aggregate_variants": [], "candidates": FAMILY},
                     data=_fake_sets(tmp_path), cache=tmp_path / "cache", log=lambda s: None)

    def excludes(held: str, train: dict[str, set[str]]) -> bool:
        return held not in train and not any(i.startswith(f"{held}-") for v in train.values() for i in v)

    selects = [i for i, c in enumerate(calls) if c[0] == "select"]
    assert len(selects) == 5  # one per held-out set, then the shipped scorer's (all four sets)
    for k, held in enumerate(names):
        start, end = selects[k], selects[k + 1]
        fold = [c for c in calls[start:end] if c[1] != "v1"]
        assert fold[0][2].keys() == set(names) - {held}
        assert all(excludes(held, train) for _, _, train in fold)  # inner selection and final fit alike
        inner, final = fold[1:-1], fold[-1]
        assert inner and all(len(train) == 2 for _, _, train in inner)
        assert final[0] == "fit" and len(final[2]) == 3 and final[1] == res["lodo"]["min"]["nested"][held]["chosen"]
    v1 = [c for c in calls if c[1] == "v1"]
    assert [len(train) for _, _, train in v1] == [3, 3, 3, 3, 4]
    assert all(excludes(held, train) for held, (_, _, train) in zip(names, v1))
    assert len(calls[selects[-1]][2]) == 4
    family = {c["name"] for c in summac.candidate_family({"candidates": FAMILY})}
    for held in names:
        cell = res["lodo"]["min"]["nested"][held]
        assert cell["chosen"] in family and set(cell["inner_auc"]) == family
    assert res["model"]["meta"]["candidate"] in family
    assert set(res["lodo"]["min"]) == {"nested", "v1", *summac.BASELINES}
    assert set(res["lodo"]["min"]["nested"]) == {*names, "mean"}


def test_selection_prefers_the_better_candidate_and_ties_go_to_the_simpler() -> None:
    rng = np.random.default_rng(3)
    j = fa.FEATURES.index("bigram_precision")

    def make(n: int, name: str) -> list[dict]:
        out = []
        for i in range(n):
            x = rng.normal(size=(1, len(fa.FEATURES)))
            x[0, j] = i % 2 + 0.1 * rng.normal()  # bigram precision separates the classes
            out.append({"id": f"{name}-{i}", "label": i % 2, "features": x.tolist()})
        return out

    train = {n: make(30, n) for n in ("a", "b", "c")}
    family = summac.candidate_family({"candidates": [{"name": "full", "features": "all", "l2": 0.01},
                                                     {"single": ["bigram_precision", "log_length"]}]})
    spec, inner = summac.select_candidate(family, train, rule="min", mil_iterations=0)
    assert spec["name"] == "single:bigram_precision" and inner[spec["name"]] == pytest.approx(1.0)
    twins = [{"name": "x", "kind": "single", "features": ["bigram_precision"]},
             {"name": "y", "kind": "single", "features": ["bigram_precision"]}]
    assert summac.select_candidate(twins, train, rule="min", mil_iterations=0)[0]["name"] == "x"


# --- the real data, on a small subsample -----------------------------------------------------------

@pytest.mark.skipif(not (DATASETS / "summac").is_dir(), reason="SummaC data not at ../shared/datasets/summac")
def test_summac_study_on_a_subsample(tmp_path: Path) -> None:
    cfg = {"sets": ["summeval", "xsumfaith", "factcc"], "limit": 1, "aggregate_variants": ["mean"], "candidates": FAMILY}
    res = summac.run(cfg, data=DATASETS / "summac", cache=tmp_path, log=lambda s: None)
    assert res["sets"]["summeval"]["items"] == 2
    for rule in ("min", "mean"):
        for sc in ("nested", "v1", *summac.BASELINES):
            assert 0.0 <= res["lodo"][rule][sc]["mean"]["balanced_accuracy"] <= 1.0
    text = summac.render(res)
    assert "Ours: nested selection" in text and "v1: fixed full combination" in text and "balanced accuracy" in text
    again = summac.run({**cfg, "aggregate_variants": []}, data=DATASETS / "summac", cache=tmp_path, log=lambda s: None)
    assert again["lodo"]["min"] == res["lodo"]["min"]  # cached features, same numbers


@pytest.mark.skipif(not (DATASETS / "qags").is_dir(), reason="QAGS data not at ../shared/datasets/qags")
def test_qags_study_on_a_subsample(tmp_path: Path) -> None:
    res = qags.run({"limit": 4}, data=DATASETS / "qags" / "qags_cnndm.json", cache=tmp_path, log=lambda s: None)
    assert res["items"] == 4 and -1.0 <= res["correlations"]["min"]["faithfulness"]["pearson"] <= 1.0
    assert "Pearson" in qags.render(res)


def test_the_shipped_scorer_is_the_one_the_committed_summac_study_chose() -> None:
    # summarise eval validate summac writes results["model"]; it is copied to the package by hand
    # (a study does not rewrite the library); this keeps the two from drifting apart.
    root = Path(__file__).resolve().parents[1]
    shipped = json.loads((root / "summarise" / "eval" / "faithfulness.json").read_text(encoding="utf-8"))
    chosen = json.loads((root / "eval" / "validity" / "results" / "summac.json").read_text(encoding="utf-8"))["results"]["model"]
    assert shipped == chosen, "copy eval/validity/results/summac.json's results.model to summarise/eval/faithfulness.json"


def test_a_copied_sentence_is_fully_supported_under_the_copy_rule() -> None:
    doc = "HALDEN, March 14 (Meridian News) - A former director was sentenced to six years on Thursday."
    model = fa.load_model()
    assert model.copy_rule
    dateline, changed = fa.score_sentences(document=doc, sentences=["HALDEN, March 14 (Meridian News) -",
                                                                    "A former director was sentenced to nine years."])
    assert dateline == 1.0 and changed < model.threshold
