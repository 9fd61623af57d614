"""The validity framework: study configs, runs, skips, the generated page, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise._errors import InputError
from summarise.cli import main
from summarise.eval.validity import (
    ORDER,
    DataMissing,
    list_studies,
    load_study_config,
    run_study,
    write_validity_page,
)
from summarise.eval.validity.neus_framing import matched_truncate

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / ".." / "shared" / "datasets"


def test_every_study_has_a_config_and_a_module() -> None:
    assert set(ORDER) <= set(list_studies())
    for name in list_studies():
        cfg = load_study_config(name)
        assert cfg["name"] == name
        from summarise.eval.validity import study_module

        mod = study_module(cfg)
        assert callable(mod.run) and callable(mod.render) and isinstance(mod.TITLE, str)


def test_unknown_study_names_the_known_ones() -> None:
    with pytest.raises(InputError, match=r"Unknown validity study 'sumac'\. Did you mean 'summac'\?.*Available"):
        load_study_config("sumac")


def _config(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "study.yaml"
    p.write_text(body, encoding="utf-8")
    return p


def test_absent_data_is_a_skip_with_the_path_and_writes_nothing(tmp_path: Path) -> None:
    cfg = _config(tmp_path, "name: t\nstudy: neus_framing\nversion: '1'\ndata:\n  path: /nonexistent/neus\n")
    with pytest.raises(DataMissing, match=r"'/nonexistent/neus' is not there.*never shipped"):
        run_study(str(cfg), out_dir=tmp_path / "results", cache=tmp_path / "cache")
    assert not (tmp_path / "results").exists()


def test_a_config_without_its_study_is_refused(tmp_path: Path) -> None:
    cfg = _config(tmp_path, "name: t\nversion: '1'\ndata:\n  path: .\n")
    with pytest.raises(InputError, match="lacks study"):
        load_study_config(str(cfg))


def test_matched_truncate_cuts_every_text_to_the_shortest() -> None:
    cut, n = matched_truncate({"a": "w " * 80, "b": "x " * 50, "c": "y " * 70}, cap=60)
    assert n == 50 and {len(v.split()) for v in cut.values()} == {50}
    cut, n = matched_truncate({"a": "w " * 80, "b": "x " * 70}, cap=60)
    assert n == 60


def _tiny_neus(folder: Path) -> None:
    """Two events with known stances (one loaded right-wing lead) and one without."""
    events = [
        (("Council approves budget", "The council approved the budget on Monday. It passed by five votes to two. The mayor signed it."),
         ("Budget passes council", "The city budget passed on Monday. Five members voted for it. Two voted against."),
         ("Reckless council rams through bloated budget", "The reckless council rammed through a bloated, disastrous budget. Furious residents fumed. Chaos erupted."),
         ("Council passes budget", "The city council passed the budget on Monday by five votes to two.")),
        (("Storm closes schools", "A storm closed schools on Tuesday. Roads were flooded. Officials urged caution."),
         ("Schools shut by storm", "Schools were shut by a storm on Tuesday. Several roads flooded. Officials asked drivers to stay home."),
         ("Terrifying monster storm wreaks havoc", "A terrifying monster storm wreaked havoc and devastation. Panicked families fled. Horror spread."),
         ("Storm closes schools", "A storm closed schools on Tuesday and flooded roads.")),
    ]
    src, tgt, crawl = [], [], []
    for left, centre, right, ref in events:
        src.append(" [SEP] ".join(f"TITLE=> {t}. ARTICLE=> {b}" for t, b in (right, left, centre)))
        tgt.append(f"TITLE=> {ref[0]}. ARTICLE=> {ref[1]}")
        crawl.append({"news": {"left": {"newsTitle": left[0]}, "center": {"newsTitle": centre[0]}, "right": {"newsTitle": right[0]}}})
    src.append("TITLE=> A. ARTICLE=> Unknown outlets one. [SEP] TITLE=> B. ARTICLE=> Two. [SEP] TITLE=> C. ARTICLE=> Three.")
    tgt.append("TITLE=> A. ARTICLE=> One.")
    (folder / "val.source").write_text("\n".join(src) + "\n", encoding="utf-8")
    (folder / "val.target").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    (folder / "headline_1.jsonl").write_text("\n".join(json.dumps(c) for c in crawl) + "\n", encoding="utf-8")
    lex = {"reckless": (0.1, 0.8), "bloated": (0.2, 0.6), "disastrous": (0.05, 0.9), "furious": (0.1, 0.9),
           "chaos": (0.1, 0.85), "terrifying": (0.05, 0.95), "monster": (0.2, 0.8), "havoc": (0.1, 0.9),
           "devastation": (0.05, 0.9), "horror": (0.05, 0.95), "panicked": (0.1, 0.9), "caution": (0.5, 0.4)}
    (folder / "vad.txt").write_text("".join(f"{w}\t{v}\t{a}\t0.5\n" for w, (v, a) in lex.items()), encoding="utf-8")


def test_neus_framing_runs_end_to_end_and_the_page_shows_it(tmp_path: Path) -> None:
    data = tmp_path / "neus"
    data.mkdir()
    _tiny_neus(data)
    cfg = _config(tmp_path, f"name: neus-framing\nstudy: neus_framing\nversion: '1'\ndescription: tiny\n"
                  f"data:\n  path: {data}\npaths:\n  lexicon: {data / 'vad.txt'}\nsystems: [pipeline]\nmodel: none\n"
                  "generation:\n  max_words: 60\n  seed: 0\nprogress: false\n")
    out = tmp_path / "eval" / "validity" / "results"
    res = run_study(str(cfg), out_dir=out, cache=tmp_path / "cache", log=lambda _: None)
    body = res["results"]
    assert body["events"] == 2  # the event without stances is not used
    table = body["table"]
    assert set(table) == {"lead-3 left", "lead-3 center", "lead-3 right", "pipeline"}
    # the loaded right-wing leads add emotive words the neutral reference lacks; the others none
    assert table["lead-3 right"]["neg"]["mean"] > 1.0
    assert table["lead-3 left"]["neg"]["mean"] == table["lead-3 center"]["neg"]["mean"] == 0.0
    assert body["matched_words"]["mean"] <= 60
    stored = json.loads((out / "neus-framing.json").read_text(encoding="utf-8"))
    assert stored["provenance"]["version"] == "1" and stored["results"]["events"] == 2
    # rerunning reads the pipeline's stored predictions instead of recomputing
    again = run_study(str(cfg), out_dir=out, cache=tmp_path / "cache", log=lambda _: None)
    assert again["results"]["table"] == table
    page = write_validity_page(tmp_path / "VALIDITY.md", results=out)
    text = page.read_text(encoding="utf-8")
    assert "| lead-3 right |" in text and "Generated by" in text and "Rerun: `summarise eval validate neus-framing`" in text


def test_cli_validate_still_checks_reference_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "validate", str(ROOT / "eval" / "data" / "own.jsonl")]) == 0
    assert capsys.readouterr().out.startswith("OK ")


def test_cli_validate_skips_a_study_whose_data_is_absent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from summarise.eval import validity

    def absent(name: str, **_: object) -> dict:
        raise DataMissing(f"{name}: its data '/nowhere' is not there")

    monkeypatch.setattr(validity, "run_study", absent)
    monkeypatch.setattr(validity, "write_validity_page", lambda *a, **k: tmp_path / "VALIDITY.md")
    assert main(["eval", "validate", "basil"]) == 0
    assert "SKIPPED basil: its data '/nowhere' is not there" in capsys.readouterr().err


def test_the_committed_page_is_generated_from_the_committed_results(tmp_path: Path) -> None:
    page = write_validity_page(tmp_path / "VALIDITY.md")
    committed = ROOT / "eval" / "VALIDITY.md"
    assert committed.is_file(), "eval/VALIDITY.md is missing: run `summarise eval validate --page`"
    assert page.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        "eval/VALIDITY.md differs from what the results generate: run `summarise eval validate --page`")


def test_cli_validate_an_unknown_name_says_what_exists(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "validate", "sumac"]) == 2
    err = capsys.readouterr().err
    assert "'sumac' is neither a validity study" in err and "Did you mean 'summac'?" in err


def test_a_corrupt_data_file_is_a_clear_error_naming_the_study_and_path(tmp_path: Path) -> None:
    data = tmp_path / "summac"
    data.mkdir()
    for name in ("summeval", "xsumfaith", "factcc", "polytope"):
        (data / f"{name}.json").write_text("{not json", encoding="utf-8")
    cfg = _config(tmp_path, f"name: s\nstudy: summac\nversion: '1'\ndata:\n  path: {data}\n")
    with pytest.raises(InputError, match=r"s: could not read its data at .*summac \(JSONDecodeError"):
        run_study(str(cfg), out_dir=tmp_path / "results", cache=tmp_path / "cache", log=lambda _: None)
    assert not (tmp_path / "results").exists()
