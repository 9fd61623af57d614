"""The attribution benchmark (PolNeAR format): loader, metrics, baselines, and the skip when the
corpus is absent. The corpus itself is never in the repository: these tests build a small one in
the same brat standoff format from invented text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarise import Claim, Span
from summarise.eval.metrics.attribution import attribution_outcomes
from summarise.eval.polnear import load_polnear, source_matches
from summarise.eval.runner import run_eval
from summarise.eval.systems import build_system

TEXT = ("Harbour plan splits council\n\n"
        "The harbour authority said the new quay would open in May. "
        "Residents fear the works will close the beach. "
        "A survey by the tourism board showed that visits fell by 12 percent.")


def _ann(text: str) -> str:
    def span(s: str) -> tuple[int, int]:
        a = text.index(s)
        return a, a + len(s)

    rows = []
    parts = [("The harbour authority", "said", "the new quay would open in May"),
             ("Residents", "fear", "the works will close the beach"),
             ("A survey by the tourism board", "showed", "that visits fell by 12 percent")]
    for k, (src, cue, content) in enumerate(parts):
        t = 4 * k
        for j, (label, s) in enumerate((("Source", src), ("Cue", cue), ("Content", content))):
            a, b = span(s)
            rows.append(f"T{t + j + 1}\t{label} {a} {b}\t{s}")
        a, b = span(cue)
        rows.append(f"T{t + 4}\tAttribution {a} {b}\t{cue}")
        rows.append(f"E{k + 1}\tAttribution:T{t + 4} Content:T{t + 3} Cue:T{t + 2} Source:T{t + 1}")
    return "\n".join(rows) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "polnear"
    for split in ("dev",):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir(parents=True)
        (root / split / "text" / "paper_2016-01-01_harbour.txt").write_text(TEXT, encoding="utf-8")
        (root / split / "attributions" / "paper_2016-01-01_harbour_ab12.ann").write_text(_ann(TEXT), encoding="utf-8")
    return root


def test_loader_reads_attributions_with_offsets_and_cue_classes(corpus: Path) -> None:
    (item,) = load_polnear(corpus, split="dev")
    assert item["id"] == "paper_2016-01-01_harbour"
    atts = item["attributions"]
    assert [a["source"] for a in atts] == ["The harbour authority", "Residents", "A survey by the tourism board"]
    for a in atts:
        for s, e in a["content"]:
            assert TEXT[s:e]  # offsets index the text as stored
    assert [a["cue_class"] for a in atts] == ["speech", "thought", "document"]
    assert [c["source"] for c in item["claims"]] == [a["source"] for a in atts]


def test_unknown_split_is_a_clear_error(corpus: Path) -> None:
    from summarise import InputError

    with pytest.raises(InputError, match="no PolNeAR split 'test'"):
        load_polnear(corpus, split="test")


def test_source_matching_accepts_fuller_names_and_heads_not_other_people() -> None:
    assert source_matches("Donald Trump, the Republican nominee", "Trump")
    assert source_matches("unnamed sources", "a source")
    assert source_matches("Brian Fallon, a spokesman for the campaign", "a spokesman for the Clinton campaign")
    assert not source_matches("the article", "officials")
    assert not source_matches("Ivanka Trump", "Donald Trump")
    assert not source_matches("Hillary Clinton", "a spokesman for the Clinton campaign")


def test_outcomes_count_coverage_attribution_leak_and_source() -> None:
    atts = [{"content": [[0, 20]], "source": "the mayor", "cue_class": "speech", "assertion": True},
            {"content": [[30, 50]], "source": "they", "cue_class": "thought", "assertion": False},
            {"content": [[80, 90]], "source": "Bob", "cue_class": "speech", "assertion": True}]
    claims = [Claim("x", "Ann Lee, the mayor", "statement", (Span(0, 22, ""),), "rule"),
              Claim("y", "the article", "fact", (Span(28, 52, ""),), "rule")]
    out = attribution_outcomes(claims=claims, attributions=atts)
    assert [o["covered"] for o in out] == [True, True, False]
    assert [o["leak"] for o in out] == [False, True, None]
    assert [o["source_ok"] for o in out] == [True, None, None]  # a pronoun source is not scored


def test_run_on_the_benchmark_format_with_the_pipeline_and_baselines(corpus: Path, tmp_path: Path) -> None:
    items = load_polnear(corpus, split="dev")
    metrics = ["attribution_coverage", "attributed_share", "article_voice_leak", "source_accuracy_named"]
    scores = {}
    for name in ("pipeline", "article-voice", "nearest-source"):
        system = build_system(name, model=None)
        res = run_eval(items, system, tmp_path / name, metrics=metrics, progress=False)
        scores[name] = {k: v["mean"] for k, v in res["aggregate"].items()}
        assert res["items"][0]["details"]["attributions"]  # per-attribution outcomes kept for reading
    assert scores["article-voice"]["article_voice_leak"] == 1.0
    assert scores["pipeline"]["attribution_coverage"] == 1.0
    assert scores["pipeline"]["article_voice_leak"] == 0.0
    assert scores["pipeline"]["source_accuracy_named"] == 1.0


def test_benchmark_metrics_are_not_run_by_default() -> None:
    from summarise.eval.runner import default_metrics

    assert "attribution_coverage" not in default_metrics()


def test_cli_skips_a_benchmark_whose_data_is_absent(tmp_path: Path) -> None:
    cfg = tmp_path / "pn.yaml"
    cfg.write_text("name: pn\nversion: '1'\ndata:\n  loader: polnear\n  path: " + str(tmp_path / "nowhere") +
                   "\nmetrics: [attribution_coverage]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "summarise.cli", "eval", "run", "--benchmark", str(cfg), "--model", "none",
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("SKIPPED")
    assert str(tmp_path / "nowhere") in proc.stdout


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "polnear"


@pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason=f"PolNeAR is not at {SHARED} (read from ../shared, never shipped)")
def test_the_real_dev_split_loads() -> None:
    items = load_polnear(SHARED, split="dev")
    assert len(items) == 84
    assert sum(len(i["attributions"]) for i in items) > 1500
    json.dumps(items[0])  # items are plain JSON data
