"""Which backend runs, which claims the model is asked to word, and the CLI's progress line."""

from __future__ import annotations

import io
import json

import pytest

from summarise import summarise
from summarise.backends import FakeBackend
from summarise._claims import Draft
from summarise._pipeline import why_model
from summarise._types import Span
from summarise.backends import default_backend, load_backend
from summarise.cli import ProgressLine, main

ARTICLE = (
    "Health officials said 30 people fell ill after eating at a festival in Brandon on Saturday. "
    "The organisers denied that the food had been stored badly. "
    "Inspector Ana Ruiz said samples would be tested this week. "
    "A few days prior, he said that the stall had passed an inspection."
)


@pytest.fixture()
def gguf(tmp_path):
    p = tmp_path / "m.gguf"
    p.write_bytes(b"GGUF")
    return str(p)


@pytest.fixture()
def llama_installed(monkeypatch):
    import importlib.util

    from summarise import backends

    real = importlib.util.find_spec

    def fake_find_spec(name, *a):
        return object() if name == "llama_cpp" else real(name, *a)

    monkeypatch.setattr(backends.importlib.util, "find_spec", fake_find_spec)


@pytest.fixture()
def llama_missing(monkeypatch):
    import importlib.util

    from summarise import backends

    real = importlib.util.find_spec
    monkeypatch.setattr(backends.importlib.util, "find_spec", lambda name, *a: None if name == "llama_cpp" else real(name, *a))


def test_a_gguf_runs_on_llamacpp_when_installed(gguf, llama_installed):
    name, why = default_backend(gguf)
    assert name == "llamacpp" and "llama-cpp-python is installed" in why
    be = load_backend(gguf)  # nothing is loaded by construction
    assert be.name == "llamacpp" and be.reason == why


def test_a_gguf_runs_on_transformers_without_llamacpp_and_says_how_to_speed_up(gguf, llama_missing):
    name, why = default_backend(gguf)
    assert name == "transformers" and "pip install llama-cpp-python" in why
    assert load_backend(gguf).name == "transformers"


def test_a_transformers_option_or_an_explicit_backend_wins(gguf, llama_installed):
    assert default_backend(gguf, {"device": "cuda"}) == ("transformers", "a GGUF file, with device= given (a transformers option)")
    be = load_backend(gguf, backend="transformers")
    assert be.name == "transformers" and be.reason == "asked for"


def test_hub_ids_and_folders_run_on_transformers(tmp_path, llama_installed):
    (tmp_path / "config.json").write_text("{}")
    assert default_backend(str(tmp_path))[0] == "transformers"
    assert default_backend("org/model") == ("transformers", "a hub id: llama.cpp runs GGUF files only")


def _draft(text, evidence):
    return Draft(text, "Police", "statement", (Span(0, len(evidence), evidence),), "said", 0, evidence)


def test_why_model():
    assert why_model(_draft("Police said 12 people were hurt.", "Police said 12 people were hurt"))[0] is False
    # a resolved pronoun, a dropped opener, a loaded term kept: the model may improve it
    assert why_model(_draft("Police said 12 people were hurt.", "they said 12 people were hurt"))[0] is True
    assert why_model(_draft("A few days prior, Police said 12 people were hurt.", "Police said 12 people were hurt"))[0] is True
    sent, why = why_model(_draft("Police said the thugs were arrested.", "Police said the thugs were arrested"))
    assert sent and "loaded term" in why


def _echo(messages):
    last = messages[-1]["content"]
    return last[len("Sentence:"):].strip() if last.startswith("Sentence:") else "Officials said 30 people fell ill."


def test_only_claims_the_model_can_change_are_sent_and_each_is_recorded():
    fake = FakeBackend(_echo)
    s = summarise(ARTICLE, model=fake, generation={"rewrite": 1})
    use = s.provenance.model_use
    assert set(use) == {c.id for c in s.claims} | {"summary"}
    sent = {k for k, why in use.items() if why.startswith("sent")}
    assert sent and sent != set(use)  # some sent, some not
    assert len(fake.calls) == s.provenance.model_calls == len(sent)
    sentences = [call[-1]["content"][len("Sentence: "):] for call in fake.calls[:-1]]
    for c in s.claims:
        if c.id in sent:
            assert c.wording in ("model", "fallback")
        else:
            assert c.wording == "rule" and c.text not in sentences
            assert use[c.id].startswith("not sent: the rendering is the evidence as written")


def test_progress_counts_every_model_call():
    seen = []
    s = summarise(ARTICLE, model=FakeBackend(_echo), progress=lambda done, total: seen.append((done, total)),
                  generation={"rewrite": 1})
    total = s.provenance.model_calls
    assert seen == [(k, total) for k in range(total + 1)]


def test_progress_line_on_a_terminal_is_rewritten_in_place_and_cleared():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    out = Tty()
    line = ProgressLine(out)
    line(0, 3), line(2, 3), line(3, 3)
    line.close()
    text = out.getvalue()
    assert "\n" not in text and "0/2 done" in text and "writing the summary" in text
    assert text.endswith("\r\x1b[K")


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_cli_shows_progress_on_stderr_and_keeps_json_stdout_clean(article, capsys):
    assert main([str(article), "--json", "--backend", "fake", "--rewrite"]) == 0
    out, err = capsys.readouterr()
    d = json.loads(out)
    n = d["provenance"]["model_calls"]
    assert n >= 2
    assert f"model wording claims: 0/{n - 1} done" in err and "model done" in err


def test_cli_quiet_and_no_model_print_nothing_on_stderr(article, capsys):
    assert main([str(article), "--backend", "fake", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main([str(article), "--no-model"]) == 0
    assert capsys.readouterr().err == ""


def test_progress_line_says_the_model_is_judging():
    out = io.StringIO()
    line = ProgressLine(out)
    line(0, 2, stage="judging"), line(2, 2, stage="judging")
    assert out.getvalue().splitlines()[0].startswith("summarise: model judging who a pronoun is: 0/2 scored (")


def test_cli_shows_the_judging_on_stderr_by_default_and_keeps_json_stdout_clean(tmp_path, capsys):
    article = tmp_path / "she.txt"  # who "she" is, the rules cannot tell: the model judges
    article.write_text("Aino Berg, the harbour master, met Tuomas Reyes on Monday. She said the pier would open in May.")
    assert main([str(article), "--json", "--backend", "fake"]) == 0  # the default: the model judges, no rewording
    out, err = capsys.readouterr()
    d = json.loads(out)
    assert d["provenance"]["model_calls"] == 0 and d["provenance"]["tokens"]["scored"] > 0
    assert "model judging who a pronoun is: 0/" in err and "scored" in err
    assert "wording" not in err
    assert main([str(article), "--json", "--backend", "fake", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
