"""The command's cold start: spaCy imported without its command line, and without torch when the
backend does without it (``summarise/cli/_lean_import.py``), and nothing of that left for a
later user of torch or of spacy.cli in the process."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarise.cli import _import_spacy, _summarise_parser

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "examples" / "seed.txt")


def _fresh(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def _args(*argv: str) -> argparse.Namespace:
    return _summarise_parser().parse_args([SEED, *argv])


@pytest.mark.parametrize("argv, model, hides", [
    (("--no-model",), {"model": None}, True),
    (("--backend", "llamacpp"), {"model": "smollm2-135m", "backend": "llamacpp"}, True),
    (("--backend", "openai"), {"model": "m", "backend": "openai"}, True),
    (("--backend", "transformers"), {"model": "smollm2-135m", "backend": "transformers"}, False),
    (("--backend", "fake"), {"model": "smollm2-135m", "backend": "fake"}, False),
    (("--model", "no-such-model-anywhere"), {"model": "no-such-model-anywhere"}, False),  # its error comes later
])
def test_torch_is_hidden_only_for_backends_that_do_without_it(monkeypatch, argv, model, hides):
    calls = []
    monkeypatch.setattr("summarise.cli._lean_import.import_spacy_lean", lambda hide_torch: calls.append(hide_torch))
    _import_spacy(_args(*argv), model)
    assert calls == [hides]


def test_default_backend_decides(monkeypatch):
    from summarise.backends import default_backend

    calls = []
    monkeypatch.setattr("summarise.cli._lean_import.import_spacy_lean", lambda hide_torch: calls.append(hide_torch))
    _import_spacy(_args(), {"model": "smollm2-135m"})
    assert calls == [default_backend("smollm2-135m")[0] == "llamacpp"]


def test_several_files_read_the_made_backend(monkeypatch):
    from summarise.backends import FakeBackend

    calls = []
    monkeypatch.setattr("summarise.cli._lean_import.import_spacy_lean", lambda hide_torch: calls.append(hide_torch))
    _import_spacy(_args(), {"model": FakeBackend()})
    assert calls == [False]


def test_spacy_works_without_torch_and_torch_works_after():
    """In a fresh process: the guard leaves no ``torch`` or ``spacy.cli`` entry behind, thinc
    knows it has no torch, en_core_web_sm parses as usual, ``import torch`` afterwards is the
    real torch and ``spacy.cli`` the real command line."""
    code = """
import sys, json
from summarise.cli._lean_import import import_spacy_lean
assert import_spacy_lean(hide_torch=True)
left = [m for m in ("torch", "spacy.cli", "spacy.cli.info") if m in sys.modules]
import thinc.compat
from summarise._nlp import nlp
doc = nlp("The minister said on Monday that the plan would cost $3 million.")
out = {"has_torch": thinc.compat.has_torch, "left": left,
       "tags": [t.dep_ for t in doc], "again": import_spacy_lean(hide_torch=True)}
import spacy, spacy.cli
out["cli"] = callable(spacy.cli.setup_cli) and "spacy.cli" in sys.modules and spacy.cli.__file__ is not None
out["info"] = spacy.info()["spacy_version"] == spacy.__version__
import importlib.util
if importlib.util.find_spec("torch") is not None:
    import torch
    out["torch"] = float((torch.ones(3) * 2).sum())
    from transformers.utils import is_torch_available
    out["transformers_torch"] = is_torch_available()
print(json.dumps(out))
"""
    out = json.loads(_fresh(code))
    assert out["has_torch"] is False and out["left"] == [] and out["again"] is False
    assert out["cli"] is True and out["info"] is True
    assert "nsubj" in out["tags"] and "ROOT" in out["tags"]
    if importlib.util.find_spec("torch") is not None:
        assert out["torch"] == 6.0 and out["transformers_torch"] is True


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_cli_then_transformers_in_one_process(tmp_path):
    """The command with no model (torch hidden during spaCy's import), then the transformers
    backend in the same process: real torch, a model loaded and run, the same claims as a process
    where torch was imported first."""
    from .tiny_model import build_tiny_llama

    tiny = build_tiny_llama(tmp_path / "tiny", Path(SEED).read_text(encoding="utf-8"))
    code = f"""
import contextlib, io, json, sys
from summarise.cli import main
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    assert main([{SEED!r}, "--no-model", "--json", "--quiet"]) == 0
first = json.loads(buf.getvalue())
import thinc.compat
hidden = not thinc.compat.has_torch
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    assert main([{SEED!r}, "--model", {str(tiny)!r}, "--backend", "transformers", "--json", "--quiet", "--rewrite"]) == 0
second = json.loads(buf.getvalue())
import torch
print(json.dumps({{"hidden": hidden, "torch": type(torch.ones(1)).__name__,
                  "claims": [c["text"] for c in first["claims"]],
                  "backend": second["provenance"]["backend"], "calls": second["provenance"]["model_calls"]}}))
"""
    out = json.loads(_fresh(code))
    assert out["hidden"] is True and out["torch"] == "Tensor"
    assert out["backend"] == "transformers" and out["calls"] > 0
    plain = json.loads(_fresh(f"""
import contextlib, io, json, torch
from summarise.cli import main
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    assert main([{SEED!r}, "--no-model", "--json", "--quiet"]) == 0
import thinc.compat
print(json.dumps({{"has_torch": thinc.compat.has_torch, "claims": [c["text"] for c in json.loads(buf.getvalue())["claims"]]}}))
"""))
    assert plain["has_torch"] is True and plain["claims"] == out["claims"]


def test_batch_imports_spacy_the_same_way(monkeypatch, tmp_path):
    from summarise.cli import main

    calls = []
    monkeypatch.setattr("summarise.cli._lean_import.import_spacy_lean", lambda hide_torch: calls.append(hide_torch))
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The minister said on Monday that the plan would cost $3 million."}) + "\n",
                      encoding="utf-8")
    assert main(["batch", str(corpus), "--out", str(tmp_path / "out.jsonl"), "--no-model", "--quiet"]) == 0
    assert calls == [True]
