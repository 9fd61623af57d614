"""Metrics: registry and cards, edge cases (empty prediction, no reference claims), the claim
matcher and the source rule. Every metric's docstring example runs as a doctest
(``--doctest-modules`` over ``summarise/``)."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from summarise.eval import ItemContext, MetricError, get_metric, metric_names  # noqa: E402
from summarise.eval._sources import sources_match  # noqa: E402
from summarise._numbers import extract_numbers  # noqa: E402
from summarise.eval.metrics.framing import load_vad_lexicon  # noqa: E402
from summarise.eval.matching import match_claims  # noqa: E402
from summarise.eval.runner import EMPTY_PREDICTION  # noqa: E402

TEXT = ("Seoul reported that North Korea had shipped 6,700 containers to Russia. Moscow and Pyongyang "
        "denied it. Volenko said 12,000 troops massed. Later, Volenko's figure of 21,000 troops was cited.")
ITEM = {
    "id": "x", "title": "t", "text": TEXT,
    "reference_summary": "South Korea says North Korea shipped 6,700 containers to Russia, which both deny.",
    "claims": [
        {"claim": "South Korea reported that North Korea shipped 6,700 containers to Russia.", "source": "South Korean government",
         "kind": "allegation", "evidence": ["Seoul reported that North Korea had shipped 6,700 containers to Russia"]},
        {"claim": "Russia and North Korea deny the shipments.", "source": "Russia and North Korea", "kind": "denial",
         "evidence": ["Moscow and Pyongyang denied it"]},
    ],
    "loaded_terms": ["massed"],
    "inconsistencies": [{"evidence": "Volenko's figure of 21,000 troops", "note": "12,000 earlier"}],
}
EVERYTHING = [n for n in metric_names() if not get_metric(n).needs]  # framing (a lexicon), faithfulness_lm (a model)


def lexicon_file(tmp_path) -> str:
    path = tmp_path / "vad.txt"
    path.write_text("triumph\t0.9\t0.8\t0.5\ndisaster\t0.1\t0.9\t0.3\nship\t0.5\t0.3\t0.5\n", encoding="utf-8")
    return str(path)


def test_every_metric_has_a_card_a_direction_and_a_runnable_example():
    names = metric_names()
    for required in ("rouge1", "rouge2", "rougeL", "semantic_similarity", "claim_precision", "claim_recall", "claim_f1",
                     "attribution_accuracy", "kind_accuracy", "evidence_overlap", "loaded_leak_rate",
                     "unsupported_number_rate", "unsupported_entity_rate", "attribution_kept", "inconsistency_recall",
                     "framing_arousal_pos", "framing_arousal_neg", "fallback_rate", "seconds_per_article", "tokens_per_article"):
        assert required in names
    for name in names:
        m = get_metric(name)
        assert m.card.definition and m.card.range and m.card.misses, name
        assert ">>> " in (m.fn.__doc__ or ""), f"{name} has no docstring example"
        assert isinstance(m.higher_is_better, bool)


def test_unknown_metric_says_what_exists():
    with pytest.raises(MetricError, match=r"Did you mean 'rougeL'.*Available: .*claim_f1"):
        get_metric("rougel")


@pytest.mark.parametrize("prediction", [EMPTY_PREDICTION, {"summary": ""}], ids=["empty", "only-the-summary"])
def test_empty_prediction_gives_defined_values(prediction):
    ctx = ItemContext(ITEM, prediction, 0.0, {})
    scores = {n: get_metric(n).score(ctx) for n in EVERYTHING}
    assert scores["claim_recall"] == 0.0 and scores["claim_f1"] == 0.0
    assert scores["claim_precision"] is None  # nothing predicted: precision undefined, not 0
    assert scores["rouge1"] == 0.0 and scores["semantic_similarity"] == 0.0
    assert scores["loaded_leak_rate"] == 0.0
    assert scores["inconsistency_recall"] == 0.0
    for name in ("attribution_accuracy", "kind_accuracy", "evidence_overlap", "unsupported_number_rate",
                 "unsupported_entity_rate", "attribution_kept", "fallback_rate"):
        assert scores[name] is None, name
    assert scores["tokens_per_article"] == 0.0


def test_no_reference_claims_leaves_claim_metrics_undefined():
    item = {**ITEM, "claims": [], "loaded_terms": [], "inconsistencies": [], "reference_summary": ""}
    prediction = {"summary": "Russia denied it.", "claims": [{"id": "c1", "text": "Russia denied it.", "source": "Moscow",
                                                             "kind": "denial", "evidence": [], "wording": "model"}],
                  "sentences": [{"text": "Russia denied it.", "claims": ["c1"], "wording": "fallback"}]}
    ctx = ItemContext(item, prediction, 1.0, {})
    scores = {n: get_metric(n).score(ctx) for n in EVERYTHING}
    for name in ("claim_precision", "claim_recall", "claim_f1", "attribution_accuracy", "kind_accuracy",
                 "evidence_overlap", "loaded_leak_rate", "inconsistency_recall", "rouge1", "semantic_similarity"):
        assert scores[name] is None, name
    assert scores["fallback_rate"] == 0.5
    assert scores["attribution_kept"] == 1.0  # "Russia" names the source "Moscow" (capital alias)


def test_a_good_prediction_scores_on_every_claim_metric():
    prediction = {
        "summary": "South Korea says 6,700 containers went to Russia; Moscow denies it. Troops massed.",
        "claims": [
            {"id": "c1", "text": "Seoul reported that North Korea shipped 6,700 containers to Russia.", "source": "Seoul",
             "kind": "allegation", "evidence": [{"start": 0, "end": 71, "text": TEXT[:71]}], "wording": "model"},
            {"id": "c2", "text": "Moscow and Pyongyang denied the shipments.", "source": "Moscow and Pyongyang",
             "kind": "statement", "evidence": [{"start": 72, "end": 102, "text": TEXT[72:102]}], "wording": "fallback"},
        ],
        "sentences": [{"text": "South Korea says 6,700 containers went to Russia; Moscow denies it.", "claims": ["c1", "c2"], "wording": "model"}],
        "inconsistencies": [{"description": "troops", "evidence": [{"start": TEXT.index("Volenko's"), "end": len(TEXT), "text": ""}]}],
    }
    ctx = ItemContext(ITEM, prediction, 2.0, {})
    s = {n: get_metric(n).score(ctx) for n in EVERYTHING}
    assert s["claim_precision"] == s["claim_recall"] == s["claim_f1"] == 1.0
    assert s["attribution_accuracy"] == 1.0
    assert s["kind_accuracy"] == 0.5  # the denial was labelled a statement
    assert s["evidence_overlap"] > 0.9
    assert s["loaded_leak_rate"] == 1.0  # "massed" stands unquoted
    assert s["inconsistency_recall"] == 1.0
    assert s["unsupported_number_rate"] == 0.0
    assert s["attribution_kept"] == 1.0
    assert s["fallback_rate"] == pytest.approx(1 / 3)
    assert s["seconds_per_article"] == 2.0


def test_matching_is_one_to_one_and_numbers_must_agree():
    reference = ["Volenko said 12,000 NATO troops massed near the border.", "Lithuania denies drones entered Belarus."]
    predicted = ["Volenko said 21,000 NATO troops massed near the border.", "Volenko said twelve thousand NATO troops massed near the border."]
    matches = match_claims(predicted, reference)
    assert [(m.predicted, m.reference) for m in matches] == [(1, 0)]
    # two predictions of the same claim: only one can match it
    assert len(match_claims(["Talks failed.", "Talks failed."], ["Talks failed."], similarity=np.array([[1.0], [1.0]]))) == 1
    assert match_claims([], reference) == [] and match_claims(predicted, []) == []


def test_number_normalisation():
    assert extract_numbers("6,700") == extract_numbers("6700") == [6700.0]
    assert extract_numbers("three million") == extract_numbers("3,000,000") == [3_000_000.0]
    assert extract_numbers("1.9 billion dollars") == [1.9e9]


@pytest.mark.parametrize("predicted, reference, same", [
    ("Seoul", "South Korean government", True),
    ("Moscow", "Russia", True),
    ("the Ukrainians", "Ukrainian officials", True),
    ("Shin", "Shin Won-sik, South Korean defence minister", True),
    ("Mr Volenko", "Arkady Volenko, Belarusian Foreign Ministry spokesman", True),
    ("the article", "the article", True),
    ("the article", "Seoul", False),
    ("Seoul", "the article", False),
    ("Russian Embassy in Pyongyang", "North Korea", False),
    ("John Smith", "John Doe", False),
    ("he", "Shin Won-sik", False),
])
def test_source_rule(predicted, reference, same):
    assert sources_match(predicted, reference) is same


def test_framing_fails_loudly_without_a_lexicon(tmp_path):
    m = get_metric("framing_arousal_pos")
    ctx = ItemContext(ITEM, {"summary": "A triumph and a disaster."}, 0.0, {"lexicon": None})
    with pytest.raises(MetricError, match="needs the run option 'lexicon'"):
        m.score(ctx)
    with pytest.raises(MetricError, match="not found"):
        load_vad_lexicon(str(tmp_path / "missing.txt"))
    with pytest.raises(MetricError, match="no path was given"):
        load_vad_lexicon("")
    lex = load_vad_lexicon(lexicon_file(tmp_path))
    ctx = ItemContext(ITEM, {"summary": "A triumph and a disaster."}, 0.0, {"lexicon": lex})
    assert get_metric("framing_arousal_pos").score(ctx) == pytest.approx(0.8)
    assert get_metric("framing_arousal_neg").score(ctx) == pytest.approx(0.9)


def test_framing_rejects_a_file_that_is_not_the_lexicon(tmp_path):
    path = tmp_path / "other.txt"
    path.write_text("a,b,c\nd,e,f\ng,h,i\nj,k,l\n", encoding="utf-8")
    with pytest.raises(MetricError, match="does not look like the NRC-VAD lexicon"):
        load_vad_lexicon(str(path))


def test_metrics_read_the_prediction_as_a_summary():
    """The context reads the stored dict with Summary.from_dict once; the metrics see typed records."""
    from summarise import Claim, Summary

    prediction = {"summary": "Seoul says 6,700 containers went to Russia.",
                  "claims": [{"id": "c1", "text": "Seoul reported that North Korea shipped 6,700 containers to Russia.",
                              "source": "Seoul", "kind": "allegation", "wording": "rule",
                              "evidence": [{"start": 0, "end": 71, "text": TEXT[:71]}]}]}
    ctx = ItemContext(ITEM, prediction, 0.0, {})
    assert isinstance(ctx.result, Summary) and ctx.result is ctx.result
    assert ctx.result == Summary.from_dict(prediction) and ctx.summary == prediction["summary"]
    assert isinstance(ctx.predicted_claims[0], Claim) and ctx.predicted_claims[0].evidence[0].start == 0
    assert get_metric("attribution_accuracy").score(ctx) == 1.0
    assert get_metric("evidence_overlap").score(ctx) == pytest.approx(70 / 71)  # the reference leaves out the full stop
    assert ctx.prediction is prediction  # the stored dict stays what the score cache hashes


def test_a_prediction_not_in_the_to_dict_form_names_the_item():
    from summarise import InputError

    ctx = ItemContext(ITEM, {"summary": "x", "claims": [{"text": "Talks failed.", "kind": "fact"}]}, 0.0, {})
    with pytest.raises(InputError, match=r"prediction for item 'x' is not in the Summary.to_dict\(\) form.*'source'"):
        get_metric("claim_f1").score(ctx)
    with pytest.raises(InputError, match="item 'x'.*got list"):
        _ = ItemContext(ITEM, [], 0.0, {}).result  # type: ignore[arg-type]


def test_the_hf_modules_are_what_the_metrics_declare(monkeypatch):
    """summarise.eval.hf names no metric: a module computes the metrics that declare it, those
    needing a run option only when compute is given it."""
    import summarise.eval.hf as hf
    from summarise.eval.hf import MODULES, _modules
    from summarise.eval.registry import METRICS, Metric

    assert MODULES["claims"][:3] == ("claim_precision", "claim_recall", "claim_f1") and "rouge1" in MODULES["summary"]
    assert "framing_arousal_pos" not in MODULES["summary"] and "framing_arousal_pos" in _modules(given=["lexicon"])["summary"]
    assert not any("faithfulness_lm" in names for names in _modules(given=["lexicon"]).values())
    rouge = get_metric("rouge1")
    monkeypatch.setitem(METRICS, "rouge1_copy", Metric("rouge1_copy", rouge.fn, rouge.card, True, rouge.inputs, hf_module="claims"))
    assert hf.MODULES["claims"][-1] == "rouge1_copy"  # read from the registry on each use
