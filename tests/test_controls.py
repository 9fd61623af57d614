"""A researcher's controls: generation options, a prompt folder, user model aliases, a short label
for a model given by path, paths from where the command runs; and progress and --quiet on the
long-running commands."""

from __future__ import annotations

import hashlib
import json
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import stub_summarise  # noqa: E402

import summarise.batch as batch  # noqa: E402
from summarise import InputError, ModelNotFoundError, PromptError, summarise  # noqa: E402
from summarise._models import model_label, registry, resolve_model  # noqa: E402
from summarise._prompts import prompt_dir  # noqa: E402
from summarise.backends import FakeBackend  # noqa: E402
from summarise.cli import main  # noqa: E402
from summarise.eval.compare import compare_runs  # noqa: E402

ARTICLE = (
    "Health officials said 30 people fell ill after eating at a festival in Brandon on Saturday. "
    "The organisers denied that the food had been stored badly. "
    "Inspector Ana Ruiz said samples would be tested this week."
)


class RecordingFake(FakeBackend):
    """A fake backend that also records each call's keyword arguments."""

    def __init__(self) -> None:
        super().__init__(lambda messages: "")
        self.options: list[dict] = []

    def generate(self, messages, **kw):
        self.options.append(kw)
        return super().generate(messages, **kw)


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


@pytest.fixture
def refs(tmp_path):
    items = [{"id": f"a{i}", "title": f"Ships {i}", "text": f"Officials said {i} ships docked. Trade rose.", "reference_summary": f"{i} ships docked.",
              "claims": [{"claim": f"Officials said {i} ships docked.", "source": "officials", "kind": "statement",
                          "evidence": [f"Officials said {i} ships docked"]}], "loaded_terms": [], "inconsistencies": []}
             for i in (1, 2)]
    path = tmp_path / "refs.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in items), encoding="utf-8")
    return path


# -- generation options --------------------------------------------------------------------


def test_generation_options_reach_every_model_call_and_the_provenance():
    fake = RecordingFake()
    s = summarise(ARTICLE, model=fake, generation={"temperature": 0.7, "max_tokens": "50", "rewrite": 1})
    assert fake.options and all(kw["temperature"] == 0.7 and kw["max_tokens"] == 50 for kw in fake.options)
    assert s.provenance.settings["temperature"] == 0.7 and s.provenance.settings["max_tokens"] == 50
    default = summarise(ARTICLE, model=RecordingFake(), generation={"rewrite": 1})
    assert default.provenance.settings["temperature"] == 0.0 and "max_tokens" not in default.provenance.settings


@pytest.mark.parametrize("kwargs, expect", [
    ({"generation": {"temp": 1}}, "Unknown generation option 'temp'. Did you mean 'temperature'? Accepted: temperature"),
    ({"generation": {"temperature": "hot"}}, "temperature must be a number, got 'hot'"),
    ({"generation": {"temperature": 5}}, "temperature is 5.0, out of range"),
    ({"generation": {"max_tokens": 2.5}}, "max_tokens must be a whole number"),
    ({"temperature": 0.7}, "generation options go in generation={'temperature': ...}"),
])
def test_a_bad_generation_option_names_itself_and_the_accepted_ones(kwargs, expect):
    with pytest.raises(InputError) as e:
        summarise(ARTICLE, model=FakeBackend(), **kwargs)
    assert expect in str(e.value)


def test_generation_options_without_a_model_are_refused(article, capsys):
    with pytest.raises(InputError, match="model=None runs no model"):
        summarise(ARTICLE, model=None, generation={"temperature": 0.5})
    assert main([str(article), "--no-model", "-o", "temperature", "0.5"]) == 2
    assert "no model runs here" in capsys.readouterr().err


def test_cli_option_flags(article, capsys):
    assert main([str(article), "--backend", "fake", "-o", "temperature", "0.5", "-o", "max_tokens", "40", "--json", "-q"]) == 0
    settings = json.loads(capsys.readouterr().out)["provenance"]["settings"]
    assert settings["temperature"] == 0.5 and settings["max_tokens"] == 40
    assert main([str(article), "--backend", "fake", "-o", "max_tokenz", "40"]) == 2
    err = capsys.readouterr().err
    assert "Unknown generation option 'max_tokenz'. Did you mean 'max_tokens'?" in err and "Traceback" not in err


# -- prompt folder -------------------------------------------------------------------------


def test_a_prompt_folder_replaces_the_prompts_it_holds_and_is_hashed(tmp_path):
    folder = tmp_path / "prompts"
    folder.mkdir()
    text = (prompt_dir() / "claim_rewrite.txt").read_text(encoding="utf-8").replace("### user", "### user\nBE BRIEF.", 1)
    (folder / "claim_rewrite.txt").write_text(text, encoding="utf-8")
    fake = RecordingFake()
    s = summarise(ARTICLE, model=fake, prompts=folder, generation={"rewrite": 1})
    assert s.provenance.prompts["claim_rewrite"] == hashlib.sha256(text.encode()).hexdigest()
    packaged = hashlib.sha256((prompt_dir() / "summary.txt").read_bytes()).hexdigest()
    assert s.provenance.prompts["summary"] == packaged  # the folder has no summary.txt: the packaged one
    assert any("BE BRIEF." in m["content"] for call in fake.calls for m in call)
    assert s.provenance.settings["prompts"] == str(folder.resolve())


def test_a_prompt_folder_is_checked_before_anything_runs(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "claim_rewite.txt").write_text("{sentence}", encoding="utf-8")
    with pytest.raises(PromptError, match="is not a prompt summarise uses. Did you mean 'claim_rewrite.txt'"):
        summarise(ARTICLE, model=FakeBackend(), prompts=folder)
    other = tmp_path / "q"
    other.mkdir()
    (other / "claim_rewrite.txt").write_text("Rewrite {sentence} for {audience}", encoding="utf-8")
    with pytest.raises(PromptError, match=r"uses \{audience\}, which the claim_rewrite prompt is not given. Available: \{sentence\}"):
        summarise(ARTICLE, model=FakeBackend(), prompts=other)
    with pytest.raises(PromptError, match="is not a folder"):
        summarise(ARTICLE, model=FakeBackend(), prompts=tmp_path / "none")


def test_eval_options_and_prompts_are_in_the_prediction_key(tmp_path, refs, capsys):
    base = ["eval", "run", "--data", str(refs), "--system", "naive-prompt", "--model", "fake", "--backend", "fake",
            "--out", str(tmp_path / "run"), "--metrics", "rouge1", "-q"]

    def computed(*extra: str) -> int:
        assert main(base + list(extra)) == 0
        return json.loads((tmp_path / "run" / "results.json").read_text())["counts"]["computed"]

    assert computed() == 2 and computed() == 0
    assert computed("-o", "temperature", "0.5") == 2 and computed("-o", "temperature", "0.5") == 0
    folder = tmp_path / "prompts"
    folder.mkdir()
    (folder / "naive_summary.txt").write_text("Summarise in {max_words} words:\n{article}", encoding="utf-8")
    assert computed("--prompts", str(folder)) == 2 and computed("--prompts", str(folder)) == 0
    results = json.loads((tmp_path / "run" / "results.json").read_text())
    assert results["provenance"]["prompts"]["naive_summary"] == hashlib.sha256((folder / "naive_summary.txt").read_bytes()).hexdigest()
    assert main(["eval", "run", "--data", str(refs), "--system", "lead-3", "--out", str(tmp_path / "l"), "-o", "temperature", "1"]) == 2
    assert "no model runs here" in capsys.readouterr().err


# -- user model aliases and labels ---------------------------------------------------------


@pytest.fixture
def user_config(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    (folder / "weights").mkdir(parents=True)
    (folder / "weights" / "My-Model-Q4.gguf").write_bytes(b"GGUF")  # resolution only checks the file is there
    monkeypatch.setenv("SUMMARISE_CONFIG_DIR", str(folder))
    return folder


def test_user_aliases_merge_over_the_registry(user_config, capsys):
    (user_config / "models.yaml").write_text(
        "mine:\n  path: weights/My-Model-Q4.gguf\n  context_length: 2048\n"
        "big:\n  hub_id: Qwen/Qwen2.5-7B-Instruct\n", encoding="utf-8")
    src = resolve_model("mine")
    assert src.kind == "gguf" and src.gguf_file == "My-Model-Q4.gguf" and src.context_length == 2048
    assert src.path == str(user_config / "weights")  # relative to the file that names it
    assert resolve_model("big").path == "Qwen/Qwen2.5-7B-Instruct"
    assert "smollm2-135m" in registry() and "mine" not in registry(include_user=False)
    assert main(["models"]) == 0
    out = capsys.readouterr().out
    assert "mine*" in out and "big*" in out and f"your alias, from {user_config / 'models.yaml'}" in out


def test_the_unknown_model_error_advises_the_user_file(user_config):
    with pytest.raises(ModelNotFoundError) as e:
        resolve_model("qwen-7b")
    msg = str(e.value)
    assert f"add an alias to {user_config / 'models.yaml'}" in msg and "Did you mean" in msg
    assert "site-packages" not in msg and "summarise/models.yaml" not in msg


@pytest.mark.parametrize("content, expect", [
    ("mine:\n  file: x.gguf\n", "entry 'mine' has unknown key(s) file. Accepted: description"),
    ("mine:\n  description: no weights\n", "exactly one of hub_id, path"),
    ("mine: [1, 2]\n", "entry 'mine' must be a mapping"),
    ("mine: {path: nowhere.gguf}\n", "GGUF file"),
])
def test_a_bad_alias_file_says_where_and_what(user_config, content, expect):
    (user_config / "models.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match="models.yaml") as e:
        resolve_model("mine")
    assert expect in str(e.value)


def test_a_model_given_by_path_gets_a_short_label_in_runs_and_tables(tmp_path, refs, user_config, capsys):
    gguf = str(user_config / "weights" / "My-Model-Q4.gguf")
    assert model_label(gguf) == "My-Model-Q4" and model_label("Qwen/Qwen2.5-7B-Instruct") == "Qwen/Qwen2.5-7B-Instruct"
    argv = ["eval", "run", "--data", str(refs), "--system", "naive-prompt", "--model", gguf, "--backend", "fake",
            "--out", str(tmp_path / "run"), "--metrics", "rouge1", "-q"]
    assert main(argv) == 0
    assert "naive-prompt / My-Model-Q4: 2 items" in capsys.readouterr().out
    prov = json.loads((tmp_path / "run" / "results.json").read_text())["provenance"]
    assert prov["model"] == gguf and prov["model_label"] == "My-Model-Q4"
    assert "| naive-prompt | My-Model-Q4 | 2 |" in compare_runs([tmp_path / "run"], out=tmp_path / "cmp")["markdown"]


# -- paths, compare's own folder, validate --out -------------------------------------------


def test_a_users_benchmark_config_finds_its_data_beside_it_from_anywhere(tmp_path, refs, monkeypatch, capsys):
    (tmp_path / "mine.yaml").write_text("name: mine\nversion: 1\ndata:\n  path: refs.jsonl\nmetrics: [rouge1]\n", encoding="utf-8")
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["eval", "run", "--benchmark", "../mine.yaml", "--system", "lead-3", "--out", "runs/a", "-q"]) == 0
    assert (elsewhere / "runs" / "a" / "results.json").is_file()  # --out from where the command runs


def test_compare_skips_what_is_not_a_run_with_a_note(tmp_path, refs, capsys):
    assert main(["eval", "run", "--data", str(refs), "--system", "lead-3", "--out", str(tmp_path / "runs" / "a"),
                 "--metrics", "rouge1", "-q"]) == 0
    (tmp_path / "runs" / "notes").mkdir()
    capsys.readouterr()
    dirs = [str(tmp_path / "runs" / d) for d in ("a", "notes")]
    assert main(["eval", "compare", *dirs]) == 0  # writes runs/compare
    err = capsys.readouterr().err
    assert "skipped" in err and "notes: not a run folder (no results.json)" in err
    assert main(["eval", "compare", *dirs, str(tmp_path / "runs" / "compare")]) == 0
    assert "compare: it is the output folder" in capsys.readouterr().err
    assert main(["eval", "compare", *dirs, "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["eval", "compare", str(tmp_path / "runs" / "typo")]) == 2
    assert "No such run folder" in capsys.readouterr().err


def test_validate_writes_where_out_says(tmp_path, refs, capsys):
    assert main(["eval", "validate", "--page", "--out", str(tmp_path / "v"), "-q"]) == 0
    assert (tmp_path / "v" / "VALIDITY.md").is_file()
    assert capsys.readouterr().err == ""
    assert main(["eval", "validate", str(refs), "--out", str(tmp_path / "v")]) == 2
    assert "--out is where validity study results go" in capsys.readouterr().err


# -- progress and quiet --------------------------------------------------------------------


def test_eval_run_says_what_it_does_and_quiet_silences_it(tmp_path, refs, capsys):
    argv = ["eval", "run", "--data", str(refs), "--system", "naive-prompt", "--model", "fake", "--backend", "fake",
            "--out", str(tmp_path / "run"), "--metrics", "rouge1,loaded_leak_rate"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "running naive-prompt fake on 2 items (the model loads with the first article)" in err
    assert "scoring 2 metrics on 2 items" in err and "scoring rouge1 (1/2)" in err and "scoring loaded_leak_rate (2/2)" in err
    assert main(argv + ["--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_batch_shows_progress_and_quiet_keeps_only_the_report(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch, "_summarise", stub_summarise)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Officials said {i} people came."}) + "\n" for i in range(3)))
    assert main(["batch", str(corpus), "--out", str(tmp_path / "o.jsonl"), "--backend", "fake"]) == 0
    err = capsys.readouterr().err
    assert "summarising with smollm2-135m" in err and "3/3" in err and "3 summarised" in err
    assert main(["batch", str(corpus), "--out", str(tmp_path / "p.jsonl"), "--backend", "fake", "-q"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("3 summarised") and err.count("\n") == 1
