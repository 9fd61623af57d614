"""Benchmarks as config files: lookup, data resolution, the NeuS loader."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402

from summarise import InputError  # noqa: E402
from summarise.eval import run_eval  # noqa: E402
from summarise.eval.benchmarks import list_benchmarks, load_benchmark, load_benchmark_items, resolve_data  # noqa: E402
from summarise.eval.neus import load_neus  # noqa: E402
from summarise.eval.systems import build_system  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_the_three_benchmarks_exist_with_versions():
    assert {"own", "references-dev", "neus-val"} <= set(list_benchmarks())
    for name in ("own", "references-dev", "neus-val"):
        b = load_benchmark(name)
        assert b.name == name and b.version and b.description
    neus = load_benchmark("neus-val")
    assert neus.data["sample"] == 50 and neus.system_inputs == {"lead-3": "centre_text"}
    assert "framing_arousal_pos" in neus.metrics and neus.lexicon


def test_unknown_benchmark_lists_the_available():
    with pytest.raises(InputError, match=r"Did you mean 'neus-val'\? Available: .*own.*references-dev"):
        load_benchmark("neus_val")


def test_own_data_resolves_in_the_checkout():
    path = resolve_data(load_benchmark("own").data)
    assert path.name == "own.jsonl" and path.parent.name == "data"


def test_absent_outside_data_gives_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="was not found"):
        resolve_data({"path": str(tmp_path / "nowhere" / "dev.jsonl")})


@pytest.mark.skipif(not (SHARED / "references" / "dev.jsonl").is_file(), reason="../shared/references/dev.jsonl is absent here")
def test_references_dev_loads_and_validates():
    items = load_benchmark_items(load_benchmark("references-dev"))
    assert len(items) >= 7 and all(i["claims"] for i in items)


def write_neus(folder: Path, events: int = 6) -> None:
    folder.mkdir(parents=True)
    sources, targets = [], []
    for e in range(events):
        arts = [f"TITLE=> Outlet {k} on event {e}. ARTICLE=> Event {e} happened in town {k}. Officials said {e} people came. Crowds gathered."
                for k in range(3)]
        sources.append(" [SEP] ".join(arts))
        targets.append(f"TITLE=> Event {e}. ARTICLE=> Event {e} happened; officials counted {e} people.")
    (folder / "val.source").write_text("\n".join(sources) + "\n", encoding="utf-8")
    (folder / "val.target").write_text("\n".join(targets) + "\n", encoding="utf-8")
    crawl = {"news": {"center": {"newsTitle": "Outlet 2 on event 0"}, "left": {"newsTitle": "Outlet 0 on event 0"}}}
    (folder / "headline_11_test.jsonl").write_text(json.dumps(crawl) + "\n", encoding="utf-8")


def test_neus_loader_joins_articles_and_finds_the_centre(tmp_path):
    write_neus(tmp_path / "neus")
    items = load_neus(tmp_path / "neus", sample=4, sample_seed=0)
    assert len(items) == 4 and items == load_neus(tmp_path / "neus", sample=4, sample_seed=0)  # a fixed sample
    everything = load_neus(tmp_path / "neus", sample=None)
    event0 = everything[0]
    assert event0["text"].count("\n\n* * *\n\n") == 2 and event0["text"].startswith("Outlet 0 on event 0.\n\nEvent 0")
    assert event0["centre_from"] == "crawl" and event0["centre_text"].endswith("town 2. Officials said 0 people came. Crowds gathered.")
    assert [d["stance"] for d in event0["documents"]] == ["left", None, "center"]
    assert everything[1]["centre_from"] == "proxy"
    assert event0["reference_summary"] == "Event 0 happened; officials counted 0 people."
    assert event0["framing_reference"].startswith("Event 0. Event 0 happened")
    assert event0["claims"] == [] and event0["loaded_terms"] == []


def test_neus_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="NeuS data not found"):
        load_neus(tmp_path / "absent")


def test_lead3_reads_the_centre_article_on_neus(tmp_path):
    write_neus(tmp_path / "neus")
    items = load_neus(tmp_path / "neus", sample=None)[:1]
    results = run_eval(items, build_system("lead-3", model=None), tmp_path / "run", metrics=["rouge1"],
                       system_inputs={"lead-3": "centre_text"}, progress=False)
    pred = json.loads((tmp_path / "run" / "predictions.jsonl").read_text().splitlines()[0])
    assert pred["input_field"] == "centre_text" and "town 2" in pred["prediction"]["summary"]
    assert results["provenance"]["input_field"] == "centre_text"
