"""The harness's metrics as ``evaluate`` modules: loaded offline from their folder, they return
the numbers ``summarise eval run`` writes; reference files load as a ``datasets.Dataset`` with
declared Features."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

import pytest  # noqa: E402

evaluate = pytest.importorskip("evaluate", reason="the evaluate modules need `evaluate` (pip install 'summarise[eval]')")

from summarise import summarise  # noqa: E402
from summarise.eval import run_eval  # noqa: E402
from summarise.eval.hf import MODULES, load_reference_dataset, module_path, reference_features  # noqa: E402
from summarise.eval.references import load_references, to_items  # noqa: E402

OWN = Path(__file__).resolve().parent.parent / "eval" / "data" / "own.jsonl"


@pytest.fixture(scope="module")
def harness_run(tmp_path_factory):
    """The rule pipeline on three annotated articles through the real runner (no model: fast)."""
    items = to_items(load_references(str(OWN)))[:3]
    out = tmp_path_factory.mktemp("run")
    names = [n for group in MODULES.values() for n in group]
    results = run_eval(items, lambda text: summarise(text, model=None).to_dict(), out, metrics=names, progress=False)
    predictions = [json.loads(line)["prediction"] for line in (out / "predictions.jsonl").read_text().splitlines()]
    return items, predictions, results


@pytest.mark.parametrize("module", sorted(MODULES))
def test_evaluate_module_returns_the_harness_numbers(module, harness_run):
    items, predictions, results = harness_run
    metric = evaluate.load(module_path(module))
    scores = metric.compute(predictions=predictions, references=items)  # full stored dicts: extra keys dropped
    assert set(scores) == set(MODULES[module])
    for name in MODULES[module]:
        expected = results["aggregate"][name]["mean"]
        if expected is None:
            assert scores[name] is None, name
        else:
            assert scores[name] == pytest.approx(expected, abs=1e-12), name
    assert any(scores[n] not in (None, 0.0) for n in MODULES[module])  # not trivially empty


def test_evaluate_module_adds_batches_like_a_training_loop(harness_run):
    items, predictions, results = harness_run
    metric = evaluate.load(module_path("claims"))
    for p, r in zip(predictions, items):
        metric.add(prediction=p, reference=r)
    assert metric.compute()["claim_f1"] == pytest.approx(results["aggregate"]["claim_f1"]["mean"])


def test_framing_metrics_with_a_lexicon(tmp_path, harness_run):
    items, predictions, _ = harness_run
    lexicon = tmp_path / "vad.txt"
    lexicon.write_text("attack\t0.2\t0.9\t0.5\nsave\t0.8\t0.3\t0.5\n", encoding="utf-8")
    scores = evaluate.load(module_path("summary")).compute(predictions=predictions, references=items, lexicon=str(lexicon))
    assert "framing_arousal_pos" in scores and "framing_arousal_neg" in scores


def test_unknown_module_lists_the_known_ones():
    with pytest.raises(ValueError, match="Did you mean 'claims'.*Available: claims, summary"):
        module_path("claim")


def test_reference_file_loads_with_declared_features():
    ds = load_reference_dataset(OWN)
    assert ds.features == reference_features()
    assert len(ds) == sum(1 for line in OWN.read_text().splitlines() if line.strip())
    first = json.loads(OWN.read_text().splitlines()[0])
    assert ds[0]["id"] == first["id"] and ds[0]["text"] == first["text"]
    assert [c["claim"] for c in ds[0]["claims"]] == [c["claim"] for c in first["claims"]]


def test_invalid_reference_file_is_reported_before_loading(tmp_path):
    from summarise import ReferenceFormatError

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "title": "", "text": "Troops massed.", "reference_summary": "",
                               "claims": [{"claim": "c", "source": "s", "kind": "rumour", "evidence": ["Troops"]}],
                               "loaded_terms": [], "inconsistencies": []}) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceFormatError, match="rumour"):
        load_reference_dataset(bad)
