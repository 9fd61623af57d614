"""The reference format: the validator reports every problem with its line and id, before any
model runs; the loader goes through ``datasets``."""

from __future__ import annotations

import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402

from summarise import ReferenceFormatError  # noqa: E402
from summarise.cli import main  # noqa: E402
from summarise.eval.references import check_references, load_references, to_items, validate_item  # noqa: E402

TEXT = "Seoul reported that 6,700 containers were shipped. Moscow denied it. The carnage went on."


def item(id_: str = "a1", **changes) -> dict:
    base = {
        "id": id_,
        "title": "Shipments",
        "text": TEXT,
        "reference_summary": "South Korea says 6,700 containers were shipped; Russia denies it.",
        "claims": [
            {"claim": "South Korea reported that 6,700 containers were shipped.", "source": "Seoul",
             "kind": "allegation", "evidence": ["Seoul reported that 6,700 containers were shipped"]},
            {"claim": "Russia denied the shipments.", "source": "Moscow", "kind": "denial",
             "evidence": ["Moscow denied it"], "note": "contested"},
        ],
        "loaded_terms": ["carnage"],
        "inconsistencies": [],
    }
    base.update(changes)
    return base


def write_lines(path, lines) -> str:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def test_valid_file_loads_through_datasets(tmp_path):
    path = write_lines(tmp_path / "ok.jsonl", [json.dumps(item("a1")), json.dumps(item("a2", claims=[]))])
    ds = load_references(path, cache_dir=str(tmp_path / "cache"))
    assert ds.num_rows == 2
    items = to_items(ds)
    assert items[0] == item("a1")  # datasets' filler None (the missing "note") is dropped again
    assert items[1]["claims"] == []


def test_every_problem_is_reported_with_line_and_id(tmp_path):
    bad_kind = item("k1")
    bad_kind["claims"][0]["kind"] = "rumour"
    bad_evidence = item("e1")
    bad_evidence["claims"][1]["evidence"] = ["Moscow refuted it"]
    missing = item("m1")
    del missing["reference_summary"]
    ill_typed = item("t1", loaded_terms="carnage")
    bad_term = item("l1", loaded_terms=["bloodbath"])
    bad_inconsistency = item("i1", inconsistencies=[{"evidence": "nowhere in the text", "note": "x"}])
    lines = [json.dumps(x) for x in (bad_kind, bad_evidence, missing, ill_typed, bad_term, bad_inconsistency)]
    lines += ['{"id": "broken", "text": ', json.dumps(item("k1"))]  # bad JSON, duplicate id
    path = write_lines(tmp_path / "bad.jsonl", lines)
    with pytest.raises(ReferenceFormatError) as err:
        check_references(path)
    problems = err.value.problems
    expected = [
        ("line 1 (id 'k1')", "claims[0].kind 'rumour' is not one of"),
        ("line 2 (id 'e1')", "claims[1].evidence[0] 'Moscow refuted it' is not an exact substring"),
        ("line 3 (id 'm1')", "missing field reference_summary"),
        ("line 4 (id 't1')", "loaded_terms must be a list, got str"),
        ("line 5 (id 'l1')", "loaded_terms[0] 'bloodbath' is not an exact substring"),
        ("line 6 (id 'i1')", "inconsistencies[0].evidence 'nowhere in the text'"),
        ("line 7", "not valid JSON"),
        ("line 8 (id 'k1')", "duplicate id, first used on line 1"),
    ]
    for where, what in expected:
        assert any(p.startswith(where) and what in p for p in problems), (where, what, problems)
    assert str(err.value).count("\n") >= len(expected)  # the message lists them too


def test_near_miss_evidence_gets_a_hint():
    problems = validate_item(item(claims=[{"claim": "c", "source": "s", "kind": "fact", "evidence": ["seoul reported"]}]))
    assert problems == ["claims[0].evidence[0] 'seoul reported' is not an exact substring of text (it occurs with different capitalisation)"]


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(ReferenceFormatError, match="No reference file"):
        check_references(tmp_path / "absent.jsonl")
    with pytest.raises(ReferenceFormatError, match="no items"):
        check_references(write_lines(tmp_path / "empty.jsonl", [""]))


def test_a_dataset_or_list_is_validated_by_row():
    import datasets

    ds = datasets.Dataset.from_list([item("a1"), item("a1")])
    with pytest.raises(ReferenceFormatError) as err:
        load_references(ds)
    assert err.value.problems == ["row 2 (id 'a1'): duplicate id, first used on row 1"]
    assert load_references([item("a1")]) == [item("a1")]


def test_cli_validate(tmp_path, capsys):
    good = write_lines(tmp_path / "ok.jsonl", [json.dumps(item("a1"))])
    assert main(["eval", "validate", good]) == 0
    assert "OK" in capsys.readouterr().out
    bad = write_lines(tmp_path / "bad.jsonl", [json.dumps(item("a1", claims=[{"claim": "c", "source": "s", "kind": "gossip", "evidence": []}]))])
    assert main(["eval", "validate", bad]) == 2
    err = capsys.readouterr().err
    assert "summarise: error:" in err and "line 1 (id 'a1'): claims[0].kind 'gossip'" in err
    assert "claims[0].evidence is empty" in err
