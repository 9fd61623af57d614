"""The command line: output formats, subcommand precedence, and bad input (exit 2, no traceback)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from summarise.cli import main

ARTICLE = (
    "Health officials said 30 people fell ill after eating at a festival in Brandon on Saturday. "
    "The organisers denied that the food had been stored badly. "
    "Inspector Ana Ruiz said samples would be tested this week."
)


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_json_output_shape(article, capsys):
    assert main([str(article), "--json", "--no-model"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert set(d) >= {"summary", "claims", "loaded_terms", "inconsistencies", "warnings", "provenance"}
    for c in d["claims"]:
        assert set(c) >= {"text", "source", "kind", "evidence", "wording"}
        for e in c["evidence"]:
            assert ARTICLE[e["start"]:e["end"]] == e["text"]
    assert any(c["kind"] == "denial" for c in d["claims"])


def test_readable_output_has_summary_then_claims_table(article, capsys):
    assert main([str(article), "--no-model"]) == 0
    out = capsys.readouterr().out
    assert out.index("SUMMARY") < out.index("CLAIMS")
    assert "denial" in out and "Ana Ruiz" in out


def test_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["-", "--json", "--no-model"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"]


@pytest.mark.parametrize(
    "content, expect",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\xff\xfe\xfa caf\xe9", "not valid UTF-8"),
    ],
)
def test_bad_files_exit_2_with_a_message(tmp_path, capsys, content, expect):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    assert main([str(p), "--no-model"]) == 2
    err = capsys.readouterr().err
    assert expect in err and "Traceback" not in err


def test_missing_file_and_folder(tmp_path, capsys):
    assert main([str(tmp_path / "nope.txt")]) == 2
    assert "No such file" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_unknown_model_lists_known_names(article, capsys):
    assert main([str(article), "--model", "smollm-135"]) == 2
    err = capsys.readouterr().err
    assert "Unknown model 'smollm-135'" in err and "smollm2-135m" in err and "Did you mean" in err


def test_subcommand_wins_over_a_file_named_like_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").write_text(ARTICLE, encoding="utf-8")
    assert main(["models"]) == 0
    assert "smollm2-135m" in capsys.readouterr().out
    assert main(["./models", "--json", "--no-model"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"]


def test_real_process_exit_code_and_no_traceback(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    r = subprocess.run([sys.executable, "-m", "summarise.cli", str(p)], capture_output=True, text=True)
    assert r.returncode == 2
    assert "summarise: error:" in r.stderr and "Traceback" not in r.stderr


def test_no_model_and_model_none_are_the_same_for_every_command(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The port said cargo fell 8% in March. Dock workers said overtime was cut.", encoding="utf-8")
    assert main([str(article), "--json", "--model", "none"]) == 0
    a = json.loads(capsys.readouterr().out)
    assert main([str(article), "--json", "--no-model"]) == 0
    b = json.loads(capsys.readouterr().out)
    assert a["provenance"]["model"] == b["provenance"]["model"] == "none"
    assert a["claims"] == b["claims"]


def test_the_cli_is_one_package_whose_subcommands_share_the_model_options():
    import argparse

    from summarise.cli import _SUBCOMMANDS, _load_register, _summarise_parser

    assert _SUBCOMMANDS and all(spec.startswith("summarise.cli.") for spec in _SUBCOMMANDS.values())
    shared = {"--model", "--backend", "--base-url", "--no-model", "--seed", "-o", "--rewrite", "--prompts"}

    def flags(p: argparse.ArgumentParser) -> set[str]:
        return {o for a in p._actions for o in a.option_strings}

    assert shared <= flags(_summarise_parser())
    for name in ("batch", "eval"):
        parser = argparse.ArgumentParser(prog="summarise")
        sub = parser.add_subparsers(dest="command")
        _load_register(_SUBCOMMANDS[name])(sub)
        p = sub.choices[name]
        if name == "eval":
            p = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction)).choices["run"]
        assert shared <= flags(p), name
