"""fragment_rate and pronoun_changed_rate, and the neus-crawl benchmark. Invented texts only."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarise import Claim, Span
from summarise.eval.benchmarks import load_benchmark, load_benchmark_items, resolve_data
from summarise.eval.metrics.form import fragments, pronoun_changed_rate
from summarise.eval.matching import ClaimMatch
from summarise.eval.registry import ItemContext, get_metric
from summarise.eval.runner import default_metrics


def test_registered_with_direction_and_card():
    for name in ("fragment_rate", "pronoun_changed_rate"):
        m = get_metric(name)
        assert m.higher_is_better is False
        assert m.card.definition and m.card.misses
        assert name in default_metrics()


def test_fragment_rate_counts_claims_and_summary_sentences():
    item = {"id": "x", "text": "The council met. It approved the plan."}
    prediction = {
        "summary": "The council approved the plan.",
        "sentences": [{"text": "The council approved the plan.", "claims": ["c1"], "wording": "rule"}],
        "claims": [{"text": "The council approved the plan.", "source": "the article", "kind": "fact"},
                   {"text": "The council met and.", "source": "the article", "kind": "fact"}],
    }
    assert get_metric("fragment_rate").score(ItemContext(item, prediction)) == pytest.approx(1 / 3)


def test_fragments_say_why():
    (text, why), = fragments(texts=["Officials said the dam held.", "The report by the office of."])
    assert text == "The report by the office of." and any("preposition" in w for w in why)


def test_pronoun_changed_rate_only_counts_a_wrong_name():
    ref = [{"claim": "Maria Lopez said the council ignored her letters.", "source": "Maria Lopez"}]
    she = (Span(0, 41, "She said the council ignored her letters."),)
    kept = [Claim("She said the council ignored her letters.", "She", "statement", she, "rule")]
    wrong = [Claim("Sam Ortiz said the council ignored Sam Ortiz's letters.", "Sam Ortiz", "statement", she, "model")]
    m = [ClaimMatch(0, 0, 0.9)]
    assert pronoun_changed_rate(predicted=kept, reference=ref, matches=m) == 0.0
    assert pronoun_changed_rate(predicted=wrong, reference=ref, matches=m) == 1.0
    assert pronoun_changed_rate(predicted=kept, reference=[], matches=[]) is None


def _crawl_or_skip():
    bench = load_benchmark("neus-crawl")
    try:
        resolve_data(bench.data)
    except Exception as e:  # the crawl lives outside the project
        pytest.skip(f"NeuS crawl not available here ({e})")
    return bench


def test_neus_crawl_benchmark_loads_real_articles_with_title_layout():
    bench = _crawl_or_skip()
    items = load_benchmark_items(bench)
    assert len(items) >= 50
    assert len({i["id"] for i in items}) == len(items)
    for it in items:
        first, blank, _ = it["text"].partition("\n\n")
        assert first == it["title"] and blank
        assert it["reference_summary"] == "" and it["claims"] == []
    assert "fragment_rate" in (bench.metrics or ())


def test_neus_crawl_missing_data_says_where_to_put_it(tmp_path: Path):
    from summarise._errors import InputError
    from summarise.eval.neus_crawl import load_neus_crawl

    with pytest.raises(InputError, match="headline_"):
        load_neus_crawl(tmp_path)
