"""The language model as evidence of faithfulness (summarise.eval._lm_evidence), the scorer over
those features, the synthetic data script and the WiCE study: with the fake backend's
deterministic log-probabilities, so nothing here runs a real model."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import numpy as np
import pytest

from summarise.backends import FakeBackend
from summarise.eval import _lm_evidence as lm
from summarise.eval import faithfulness as fa
from summarise.eval.metrics.faithfulness import faithfulness, faithfulness_lm
from summarise.eval.runner import default_metrics

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
DOC = ("The council approved a budget of 4 million pounds on Monday. Its leader Ann Smith said the money "
       "would repair two schools. Critics said the plan was too small. The vote was 7 to 2.")


def test_pmi_is_higher_for_a_sentence_the_article_supports_and_one_prefix_serves_the_summary():
    fake = FakeBackend()
    x = lm.lm_features(document=DOC, sentences=["Ann Smith said the money would repair two schools.",
                                                "Paris rejected nine loans."], scorer=fake)
    f = dict(zip(lm.LM_FEATURES, x.T))
    assert x.shape == (2, len(lm.LM_FEATURES))
    assert f["lm_pmi"][0] > f["lm_pmi"][1] and f["lm_min_pmi"][1] == pytest.approx(0.0)
    assert f["lm_logp"][0] == pytest.approx(math.log(0.5), abs=0.5) and f["lm_min_logp"][1] == pytest.approx(math.log(0.01))
    contexts = [c for c, _ in fake.scored]
    with_article = {c for c in contexts if c != lm.HEADER}
    assert len(with_article) == 1 and contexts.count(lm.HEADER) == 2  # one aligned context for the summary
    (context,) = with_article
    assert context.startswith("Article: ") and "Ann Smith" in context and len(context) <= lm.CONTEXT_CHARS + 30


def test_content_tokens_skip_stop_words_and_pieces_follow_their_word():
    assert lm._content_mask([" The", " North", "field", " of", " 12", "."]) == [False, True, True, False, True, False]


def test_cached_features_are_keyed_by_text_and_model_and_not_recomputed(tmp_path):
    items = [(DOC, ["Ann Smith said the money would repair two schools."]), (DOC, ["The vote was 7 to 2."])]
    fake = FakeBackend()
    first = lm.cached_lm_features(items, fake, tmp_path, lambda s: None)
    n = len(fake.scored)
    again = lm.cached_lm_features(items, fake, tmp_path, lambda s: None)
    assert len(fake.scored) == n and all(np.array_equal(a, b) for a, b in zip(first, again))
    other = FakeBackend(model_id="another-model")
    lm.cached_lm_features(items[:1], other, tmp_path, lambda s: None)
    assert len(other.scored) == 2  # another model: computed, not taken from the first one's cache


def test_a_scorer_over_lm_features_needs_a_backend_and_uses_it():
    model = fa.FaithModel(["lm_pmi"], kind="single", sign=1.0)
    assert model.needs_lm and not fa.load_model().needs_lm
    sents = ["Ann Smith said the money would repair two schools.", "Paris rejected nine loans."]
    with pytest.raises(ValueError, match="pass scorer="):
        fa.score_sentences(document=DOC, sentences=sents, model=model)
    good, bad = fa.score_sentences(document=DOC, sentences=sents, model=model, scorer=FakeBackend())
    assert good > bad
    with pytest.raises(ValueError, match="lacks"):
        model.predict(np.zeros((1, 3)))


def test_the_lm_metric_is_never_a_default_and_the_default_runs_without_a_model():
    assert "faithfulness" in default_metrics() and "faithfulness_lm" not in default_metrics()
    assert "faithfulness_lm" not in default_metrics(with_lexicon=True)
    assert faithfulness(summary="The council approved a 4 million pound budget.", article=DOC) is not None


@pytest.mark.skipif(not fa.LM_MODEL_PATH.is_file(), reason="no LM scorer shipped (summarise/eval/faithfulness_lm.json)")
def test_the_shipped_lm_scorer_is_the_one_the_committed_summac_study_chose():
    shipped = json.loads(fa.LM_MODEL_PATH.read_text(encoding="utf-8"))
    chosen = json.loads((ROOT / "eval" / "validity" / "results" / "summac.json").read_text(encoding="utf-8"))["results"]["model_lm"]
    assert shipped == chosen, "copy eval/validity/results/summac.json's results.model_lm to summarise/eval/faithfulness_lm.json"
    value = faithfulness_lm(summary="The council approved a budget.", article=DOC, scorer=FakeBackend())
    assert 0.0 <= value <= 1.0


def _script():
    spec = importlib.util.spec_from_file_location("make_synthetic", ROOT / "scripts" / "make_synthetic_faithfulness.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_synthetic_pairs_are_deterministic_and_each_negative_changes_its_sentence():
    mod = _script()
    texts = [DOC, "Police in Leeds arrested two men on Friday after a robbery, officers said. The men, both 30, "
                  "were charged on Saturday. Detective Mark Jones said the shop had not been robbed before."]
    rows = mod.make(texts, 2, seed=3)
    assert rows == mod.make(texts, 2, seed=3)
    assert [r["label"] for r in rows] == [1, 0] * (len(rows) // 2) and rows
    for pos, neg in zip(rows[::2], rows[1::2]):
        assert neg["claim"] != neg["source_sentence"] and neg["kind"] in mod.EDITS
        assert pos["document"] == neg["document"] and pos["source_sentence"] in pos["document"]


@pytest.mark.skipif(not (DATASETS / "wice").is_dir(), reason="WiCE data not at ../shared/datasets/wice")
def test_wice_study_on_a_subsample(tmp_path):
    from summarise.eval.validity import wice

    res = wice.run({"limit": 6}, data=DATASETS / "wice" / "entailment_retrieval_claim_dev.jsonl", cache=tmp_path / "wice",
                   log=lambda s: None)
    assert res["items"] == 6 and "faithfulness" in res["scores"] and "rouge2_precision" in res["scores"]
    assert res["lm"] is None and "faithfulness_lm" not in res["scores"]  # no lm in the config: no model run
    assert "ROC AUC" in wice.render(res)


def test_cli_validate_takes_several_study_names_and_refuses_an_unknown_one(capsys):
    from summarise.cli import main

    assert main(["eval", "validate", "summac", "qags", "nope"]) == 2
    assert "Unknown validity study 'nope'" in capsys.readouterr().err
