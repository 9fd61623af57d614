"""`summarise eval compare`: the Markdown leaderboard, the PNG plots and the models.md tables,
all generated from results.json files."""

from __future__ import annotations

import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402

from summarise import InputError  # noqa: E402
from summarise.cli import main  # noqa: E402
from summarise.eval.compare import compare_runs, leaderboard_markdown, update_models_md  # noqa: E402


def fake_run(folder, system, model, f1, seconds, benchmark="own", version="1") -> str:
    def stat(mean, half, higher=True):
        return {"mean": mean, "ci_low": None if mean is None else mean - half, "ci_high": None if mean is None else mean + half,
                "n": 0 if mean is None else 9, "higher_is_better": higher}

    results = {
        "provenance": {"system": system, "model": model, "benchmark": {"name": benchmark, "version": version}},
        "counts": {"items": 9},
        "aggregate": {
            "claim_f1": stat(f1, 0.05), "claim_recall": stat(f1, 0.04), "loaded_leak_rate": stat(0.3 - f1 / 4, 0.02, False),
            "rougeL": stat(0.3, 0.01), "fallback_rate": stat(None if system == "lead-3" else 0.4, 0.1, False),
            "seconds_per_article": stat(seconds, seconds / 10, False),
        },
    }
    folder.mkdir(parents=True)
    (folder / "results.json").write_text(json.dumps(results), encoding="utf-8")
    return str(folder)


@pytest.fixture
def runs(tmp_path):
    return [
        fake_run(tmp_path / "runs" / "pipe", "pipeline", "smollm2-135m", 0.45, 20.0),
        fake_run(tmp_path / "runs" / "lead", "lead-3", None, 0.25, 0.05),
        fake_run(tmp_path / "runs" / "naive", "naive-prompt", "smollm2-135m", 0.10, 8.0),
        fake_run(tmp_path / "runs" / "dev-lead", "lead-3", None, 0.2, 0.05, benchmark="references-dev"),
    ]


def test_leaderboard_rows_columns_and_best(runs):
    from summarise.eval.compare import load_run

    md = leaderboard_markdown([load_run(r) for r in runs])
    assert "### own v1" in md and "### references-dev v1" in md
    own = md.split("### references-dev")[0]
    rows = [line for line in own.splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split(" | ")[0] for r in rows[1:]] == ["| lead-3", "| naive-prompt", "| pipeline"]  # baselines first
    assert "claim_f1 ↑" in rows[0] and "s/article ↓" in rows[0]
    assert "**0.45 ± 0.05**" in own  # best claim_f1 in bold
    assert "| — |" in own  # lead-3 has no fallback_rate


def test_compare_writes_table_plots_and_models_md(runs, tmp_path, capsys):
    models_md = tmp_path / "models.md"
    models_md.write_text("# Models\n\n<!-- models:start -->\nold\n<!-- models:end -->\n\nintro\n\n"
                         "<!-- results:start -->\nstale table\n<!-- results:end -->\n\nafter\n", encoding="utf-8")
    out = tmp_path / "cmp"
    assert main(["eval", "compare", *runs, "--out", str(out), "--models-md", str(models_md)]) == 0
    printed = capsys.readouterr().out
    assert "| pipeline | smollm2-135m |" in printed
    assert (out / "leaderboard.md").read_text(encoding="utf-8").startswith("## Leaderboard")
    for png in ("own-v1-metrics.png", "own-v1-quality-vs-speed.png", "references-dev-v1-metrics.png"):
        assert (out / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    text = models_md.read_text(encoding="utf-8")
    assert "stale table" not in text and "old\n" not in text
    assert text.endswith("<!-- results:end -->\n\nafter\n") and "intro" in text
    assert "#### own v1" in text and "do not edit by hand" in text
    assert "| `smollm2-135m` (the embedded default) |" in text and "measured: own v1" in text
    assert "| `qwen2.5-7b` | Qwen2.5-7B-Instruct | not measured here" in text
    # regenerating is idempotent
    update_models_md(models_md, [json.loads(open(os.path.join(r, "results.json")).read()) for r in runs])
    assert models_md.read_text(encoding="utf-8") == text


def test_models_md_without_markers_is_refused(runs, tmp_path):
    models_md = tmp_path / "models.md"
    models_md.write_text("# Models\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks the markers <!-- results:start -->"):
        compare_runs(runs, out=tmp_path / "cmp", models_md=models_md)


def test_compare_needs_results(tmp_path):
    with pytest.raises(InputError, match="No results.json"):
        compare_runs([tmp_path])


def test_the_projects_models_md_has_the_markers():
    path = os.path.join(os.path.dirname(__file__), "..", "models.md")
    text = open(path, encoding="utf-8").read()
    for marker in ("<!-- results:start -->", "<!-- results:end -->", "<!-- models:start -->", "<!-- models:end -->"):
        assert marker in text
