"""The runner: predictions stored as they finish, resumed after an interruption without redoing
finished items, half-written lines redone, stale predictions never reused; results.json."""

from __future__ import annotations

import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402

import summarise.eval.runner as runner  # noqa: E402
from summarise import InputError  # noqa: E402
from summarise.cli import main  # noqa: E402
from summarise.eval import System, build_system, run_eval  # noqa: E402

# Cheap metrics: the runner is under test here, not the embedding model.
METRICS = ["rouge1", "loaded_leak_rate", "unsupported_number_rate", "fallback_rate", "seconds_per_article", "tokens_per_article"]


def make_items(n: int = 5) -> list[dict]:
    items = []
    for i in range(1, n + 1):
        text = f"Officials said {i} ships docked. Critics called it a reckless move. Trade rose."
        items.append({"id": f"a{i}", "title": f"Ships {i}", "text": text,
                      "reference_summary": f"Officials say {i} ships docked; critics object.",
                      "claims": [{"claim": f"Officials said {i} ships docked.", "source": "officials", "kind": "statement",
                                  "evidence": [f"Officials said {i} ships docked"]}],
                      "loaded_terms": ["reckless"], "inconsistencies": []})
    return items


class CountingSystem:
    """A fake system: echoes the first sentence, counts calls, can be told to fail on one item."""

    def __init__(self, interrupt_on: str | None = None, raise_on: str | None = None) -> None:
        self.calls: list[str] = []
        self.interrupt_on, self.raise_on = interrupt_on, raise_on

    def __call__(self, text: str) -> dict:
        self.calls.append(text)
        if self.interrupt_on and self.interrupt_on in text:
            raise KeyboardInterrupt
        if self.raise_on and self.raise_on in text:
            raise RuntimeError("model fell over")
        first = text.split(".")[0] + "."
        return {"summary": first, "sentences": [{"text": first, "claims": ["c1"], "wording": "model"}],
                "claims": [{"id": "c1", "text": first, "source": "the article", "kind": "fact", "evidence": [], "wording": "model"}],
                "loaded_terms": [], "inconsistencies": [], "warnings": [],
                "provenance": {"seconds": {"total": 0.5}, "tokens": {"prompt": 10, "completion": 5}, "revision": "abc"}}


@pytest.fixture(autouse=True)
def stable_fingerprint(monkeypatch):
    # Other work may edit the library's files while the tests run; the key logic is tested
    # with an explicit fingerprint change below.
    monkeypatch.setattr(runner, "library_fingerprint", lambda: "fingerprint-1")
    monkeypatch.setattr(runner, "scoring_fingerprint", lambda: "scoring-1")


def run(system, tmp_path, items=None, **kw):
    s = system if isinstance(system, System) else System("fake", system, model="m1", backend="fake", prompts={"p": "h1"})
    return run_eval(items or make_items(), s, tmp_path / "run", **{"metrics": METRICS, "progress": False, **kw})


def test_resume_after_interruption_redoes_nothing_finished(tmp_path):
    first = CountingSystem(interrupt_on="said 3 ships")
    with pytest.raises(KeyboardInterrupt):
        run(first, tmp_path)
    assert len(first.calls) == 3  # items 1, 2 finished; 3 interrupted
    lines = (tmp_path / "run" / "predictions.jsonl").read_text().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a1", "a2"]
    second = CountingSystem()
    results = run(second, tmp_path)
    assert [c.split(" ships")[0][-1] for c in second.calls] == ["3", "4", "5"]
    assert results["counts"] == {"items": 5, "from_stored_predictions": 2, "computed": 3, "failed": 0, "metric_errors": 0}
    third = CountingSystem()
    again = run(third, tmp_path)
    assert third.calls == [] and again["counts"]["from_stored_predictions"] == 5


def test_half_written_last_line_is_dropped_and_redone(tmp_path):
    run(CountingSystem(), tmp_path, items=make_items(2))
    path = tmp_path / "run" / "predictions.jsonl"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])  # killed in the middle of writing the second line
    system = CountingSystem()
    results = run(system, tmp_path, items=make_items(2))
    assert len(system.calls) == 1 and "said 2 ships" in system.calls[0]
    assert results["counts"]["computed"] == 1
    lines = path.read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(line) for line in lines)  # both lines parse again


@pytest.mark.parametrize("change", ["settings", "prompt", "model", "library", "text"])
def test_a_changed_key_recomputes(tmp_path, monkeypatch, change):
    items = make_items(2)
    run(CountingSystem(), tmp_path, items=items, settings={"max_words": 60})
    system = CountingSystem()
    s = System("fake", system, model="m1", backend="fake", prompts={"p": "h1"})
    settings = {"max_words": 60}
    if change == "settings":
        settings = {"max_words": 80}
    elif change == "prompt":
        s.prompts = {"p": "h2"}
    elif change == "model":
        s.model = "m2"
    elif change == "library":
        monkeypatch.setattr(runner, "library_fingerprint", lambda: "fingerprint-2")
    else:
        items[0]["text"] += " Edited."
    run(s, tmp_path, items=items, settings=settings)
    assert len(system.calls) == (1 if change == "text" else 2)


def test_a_failing_item_is_recorded_scored_as_empty_and_retried(tmp_path):
    results = run(CountingSystem(raise_on="said 2 ships"), tmp_path, items=make_items(3))
    assert results["counts"]["failed"] == 1
    assert any("model fell over" in e for e in results["errors"])
    failed = next(e for e in results["items"] if e["id"] == "a2")
    assert failed["scores"]["rouge1"] == 0.0 and "RuntimeError" in failed["error"]
    retry = CountingSystem()
    results = run(retry, tmp_path, items=make_items(3))
    assert len(retry.calls) == 1 and results["counts"]["failed"] == 0


def test_results_json_has_aggregates_intervals_and_provenance(tmp_path):
    results = run(CountingSystem(), tmp_path, benchmark={"name": "tiny", "version": "1"}, settings={"max_words": 60, "seed": 0})
    on_disk = json.loads((tmp_path / "run" / "results.json").read_text())
    assert on_disk["aggregate"] == results["aggregate"]
    agg = results["aggregate"]["rouge1"]
    assert agg["n"] == 5 and agg["ci_low"] <= agg["mean"] <= agg["ci_high"]
    assert results["aggregate"]["tokens_per_article"]["mean"] == 15.0
    assert results["aggregate"]["seconds_per_article"]["mean"] == 0.5  # the prediction's own total
    assert results["aggregate"]["loaded_leak_rate"]["mean"] == 0.0
    prov = results["provenance"]
    for key in ("system", "model", "revision", "prompts", "package_version", "library_sha256", "benchmark", "settings", "date"):
        assert key in prov
    assert prov["revision"] == "abc" and prov["benchmark"]["version"] == "1" and prov["settings"]["seed"] == 0
    assert [e["id"] for e in results["items"]] == ["a1", "a2", "a3", "a4", "a5"]
    # the same predictions give the same interval (fixed bootstrap seed)
    assert run(CountingSystem(), tmp_path, benchmark={"name": "tiny", "version": "1"}, settings={"max_words": 60, "seed": 0})["aggregate"] == results["aggregate"]


def test_limit_and_a_plain_callable(tmp_path):
    system = CountingSystem()
    results = run_eval(make_items(), system, tmp_path / "run", metrics=["rouge1"], limit=2, progress=False)
    assert results["counts"]["items"] == 2 and results["provenance"]["system"] == "CountingSystem"


def test_missing_lexicon_fails_before_any_item_runs(tmp_path):
    from summarise.eval import MetricError

    system = CountingSystem()
    with pytest.raises(MetricError, match="NRC-VAD"):
        run_eval(make_items(), system, tmp_path / "run", metrics=["rouge1", "framing_arousal_neg"], progress=False)
    assert system.calls == []


def test_run_options_and_details_come_from_the_metrics(tmp_path):
    """The lexicon is loaded once by the framing module's run option; each metric's declared
    details are kept per item, in the order of the first metric that declares them."""
    lexicon = tmp_path / "vad.txt"
    lexicon.write_text("reckless\t0.1\t0.9\t0.5\nmove\t0.5\t0.3\t0.5\ncritics\t0.2\t0.6\t0.5\n", encoding="utf-8")
    results = run_eval(make_items(2), CountingSystem(), tmp_path / "run", lexicon=str(lexicon), progress=False,
                       metrics=["loaded_leak_rate", "framing_arousal_neg", "claim_recall", "unsupported_number_rate"])
    assert results["aggregate"]["framing_arousal_neg"]["n"] == 2 and not results["errors"]
    details = results["items"][0]["details"]
    assert list(details) == ["leaked_terms", "matches", "kind_confusion", "unsupported_numbers"]
    assert results["kind_confusion"] == {"statement": {"fact": 2}}


def test_lead3_and_naive_prompt_systems(tmp_path):
    items = make_items(2)
    lead = run_eval(items, build_system("lead-3", model=None), tmp_path / "lead", metrics=["claim_recall", "fallback_rate"], progress=False)
    assert lead["aggregate"]["claim_recall"]["mean"] == 1.0 and lead["aggregate"]["fallback_rate"]["mean"] is None
    naive = build_system("naive-prompt", model="fake", backend="fake")
    assert set(naive.prompts) == {"naive_summary"}
    out = run_eval(items, naive, tmp_path / "naive", metrics=["rouge1", "fallback_rate"], progress=False)
    assert out["counts"]["failed"] == 0 and out["aggregate"]["rouge1"]["mean"] == 0.0  # the fake answers ""
    with pytest.raises(Exception, match="Available: pipeline, lead-3, naive-prompt"):
        build_system("lead3", model=None)


def test_cli_run_writes_results_and_resumes(tmp_path, capsys):
    data = tmp_path / "refs.jsonl"
    data.write_text("".join(json.dumps(x) + "\n" for x in make_items(3)), encoding="utf-8")
    argv = ["eval", "run", "--data", str(data), "--system", "lead-3", "--out", str(tmp_path / "out"),
            "--metrics", "rouge1,claim_recall", "--no-progress"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "rouge1" in out and "3 computed" in out
    assert main(argv) == 0
    assert "3 from stored predictions" in capsys.readouterr().out
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    assert results["provenance"]["benchmark"]["data"] == "refs.jsonl"


def test_cli_run_refuses_invalid_data_before_running(tmp_path, capsys):
    bad = make_items(1)
    bad[0]["claims"][0]["evidence"] = ["not in the text"]
    data = tmp_path / "refs.jsonl"
    data.write_text(json.dumps(bad[0]) + "\n", encoding="utf-8")
    assert main(["eval", "run", "--data", str(data), "--system", "lead-3", "--out", str(tmp_path / "out")]) == 2
    assert "line 1 (id 'a1')" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_unknown_benchmark_lists_the_available(tmp_path, capsys):
    assert main(["eval", "run", "--benchmark", "own-set", "--system", "lead-3", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "Did you mean 'own'?" in err and "references-dev" in err


def test_run_eval_validates_items_before_running(tmp_path):
    from summarise import ReferenceFormatError

    items = make_items(2)
    items[1]["claims"][0]["kind"] = "rumour"
    system = CountingSystem()
    with pytest.raises(ReferenceFormatError, match="row 2 \\(id 'a2'\\)"):
        run_eval(items, system, tmp_path / "run", metrics=["rouge1"], progress=False)
    assert system.calls == []


# -- scoring: metric by metric, cached by content, timed ------------------------------------


@pytest.fixture
def counting_metric(monkeypatch):
    """A registered metric that counts its calls (the first word count of the summary)."""
    from summarise.eval.registry import METRICS, Metric, MetricCard

    calls: list[str] = []

    def words(*, summary: str) -> float:
        calls.append(summary)
        return float(len(summary.split()))

    card = MetricCard("words in the summary", "0..", "everything")
    monkeypatch.setitem(METRICS, "counted_words", Metric("counted_words", words, card, True, lambda ctx: {"summary": ctx.summary}))
    return calls


def test_a_rerun_reuses_every_score_and_gives_the_same_results(tmp_path, counting_metric):
    first = run(CountingSystem(), tmp_path, metrics=["counted_words", "rouge1", "loaded_leak_rate"])
    assert len(counting_metric) == 5 and first["scoring"]["scores_reused"] == 0
    again = run(CountingSystem(), tmp_path, metrics=["counted_words", "rouge1", "loaded_leak_rate"])
    assert len(counting_metric) == 5  # not called again
    assert again["scoring"]["scores_computed"] == 0 and again["scoring"]["scores_reused"] == 5 * 3 + 5  # + leaked-term details
    assert again["items"] == first["items"] and again["aggregate"] == first["aggregate"]
    # one line per item once the run is over, however many runs wrote to it
    assert len((tmp_path / "run" / "scores.jsonl").read_text().splitlines()) == 5


def test_a_changed_prediction_item_or_scoring_code_rescores(tmp_path, counting_metric, monkeypatch):
    items = make_items(3)
    run(CountingSystem(), tmp_path, items=items, metrics=["counted_words"])
    items[1]["reference_summary"] += " More."  # the item changed: its scores are computed again
    run(CountingSystem(), tmp_path, items=items, metrics=["counted_words"])
    assert len(counting_metric) == 4
    monkeypatch.setattr(runner, "scoring_fingerprint", lambda: "other scoring code")
    out = run(CountingSystem(), tmp_path, items=items, metrics=["counted_words"])
    assert len(counting_metric) == 7 and out["scoring"]["scores_reused"] == 0
    run(CountingSystem(), tmp_path, items=items, metrics=["counted_words"], cache_scores=False)
    assert len(counting_metric) == 10


def test_results_json_times_each_metric(tmp_path):
    results = run(CountingSystem(), tmp_path)
    timing = json.loads((tmp_path / "run" / "results.json").read_text())["scoring"]
    assert timing == results["scoring"]
    assert list(timing["per_metric_seconds"]) == METRICS
    assert all(isinstance(s, float) and s >= 0 for s in timing["per_metric_seconds"].values())
    assert timing["scores_computed"] == 5 * len(METRICS) + 5 + 5  # + leaked terms, unsupported numbers details


def test_scoring_shows_progress_metric_by_metric_and_quiet_hides_it(tmp_path, capsys):
    run_eval(make_items(2), CountingSystem(), tmp_path / "run", metrics=["rouge1", "loaded_leak_rate"], progress=True)
    err = capsys.readouterr().err
    assert "scoring 2 metrics on 2 items" in err and "scoring rouge1" in err and "scoring loaded_leak_rate" in err
    run_eval(make_items(2), CountingSystem(), tmp_path / "run", metrics=["rouge1", "loaded_leak_rate"], progress=True)
    assert "(6 of 6 scores from" in capsys.readouterr().err
    run_eval(make_items(2), CountingSystem(), tmp_path / "quiet", metrics=["rouge1"], progress=False)
    assert capsys.readouterr().err == ""


def test_scores_of_items_a_limited_run_left_out_are_kept(tmp_path, counting_metric):
    run(CountingSystem(), tmp_path, metrics=["counted_words"])
    run(CountingSystem(), tmp_path, metrics=["counted_words"], limit=2)
    full = run(CountingSystem(), tmp_path, metrics=["counted_words"])
    assert len(counting_metric) == 5 and full["scoring"]["scores_reused"] == 5


def test_a_malformed_stored_prediction_stops_the_run_naming_the_item_and_the_file(tmp_path):
    run(CountingSystem(), tmp_path, items=make_items(2))
    path = tmp_path / "run" / "predictions.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines()]
    del records[1]["prediction"]["claims"][0]["source"]  # hand-edited, or written by an older harness
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    system = CountingSystem()
    with pytest.raises(InputError, match=r"prediction for item 'a2' stored in .*predictions\.jsonl.*key 'source' is missing"
                                         r".*delete the item's line"):
        run(system, tmp_path, items=make_items(2))
    assert system.calls == []  # the line was reused as stored, and read before any metric ran


def test_a_system_returning_another_form_is_refused_before_scoring(tmp_path):
    with pytest.raises(InputError, match=r"item 'a1'.*key 'summary' is missing"):
        run(lambda text: {"text": text}, tmp_path, items=make_items(1))


def test_a_run_total_is_declared_by_the_details_and_present_whichever_metrics_ran(tmp_path, monkeypatch):
    """The top-level kind_confusion comes from the claims details' declared total: present (empty)
    in a run with no claim metric; another metric's declared total sits beside it."""
    from summarise.eval.registry import METRICS, Details, Metric, MetricCard

    details = Details("claim_counts", lambda ctx: {"claim_count": len(ctx.predicted_claims)},
                      totals={"claim_count": sum})
    card = MetricCard("claims predicted", "0..", "everything")
    monkeypatch.setitem(METRICS, "claims_predicted", Metric("claims_predicted", lambda *, n: float(n), card, True,
                                                            lambda ctx: {"n": len(ctx.predicted_claims)}, details=details))
    results = run(CountingSystem(), tmp_path, items=make_items(3), metrics=["rouge1"])
    assert results["kind_confusion"] == {} and results["claim_count"] == 0
    assert list(results).index("claim_count") == list(results).index("kind_confusion") + 1
    results = run(CountingSystem(), tmp_path, items=make_items(3), metrics=["claims_predicted", "claim_recall"])
    assert results["claim_count"] == 3 and results["kind_confusion"] == {"statement": {"fact": 3}}
    assert list(results)[:5] == ["provenance", "counts", "aggregate", "kind_confusion", "claim_count"]
