"""The llama.cpp in-process backend on the embedded default GGUF (llama-cpp-python is installed
by `make install`; without it the test says so and skips)."""

from __future__ import annotations

import pytest

from summarise import BackendError, summarise
from summarise.backends import load_backend

llama_cpp = pytest.importorskip("llama_cpp", reason="llama-cpp-python not installed (make install builds it)")


def test_generate_greedy_repeatable_and_counted():
    b = load_backend("smollm2-135m", backend="llamacpp")
    msgs = [{"role": "user", "content": "Sentence: Police said 12 people were hurt in the crash."}]
    g1 = b.generate(msgs, max_tokens=24, stop=["\n"])
    g2 = b.generate(msgs, max_tokens=24, stop=["\n"])
    assert g1.text == g2.text and g1.text.strip()
    assert g1.prompt_tokens > 10 and 0 < g1.completion_tokens <= 24


def test_pipeline_runs_on_llamacpp_and_stays_grounded():
    text = ("Police said 12 people were hurt when a bus crashed in Northfield on Friday. "
            "The bus company denied that the driver had been speeding.")
    s = summarise(text, backend="llamacpp")
    assert s.provenance.backend == "llamacpp" and s.provenance.model_calls == len(s.claims) + 1
    assert all(text[e.start:e.end] == e.text for c in s.claims for e in c.evidence)
    assert {c.wording for c in s.claims} <= {"model", "fallback"}


def test_a_folder_model_is_refused_with_the_way_out(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(BackendError, match="runs GGUF files"):
        load_backend(str(tmp_path), backend="llamacpp")
