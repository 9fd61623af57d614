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
    sent = {k for k, why in s.provenance.model_use.items() if why.startswith("sent")}
    assert s.provenance.backend == "llamacpp" and s.provenance.model_calls == len(sent)
    assert s.claims and all(text[e.start:e.end] == e.text for c in s.claims for e in c.evidence)
    assert s.claims and all(c.wording in (("model", "fallback") if c.id in sent else ("rule",)) for c in s.claims)


def test_the_embedded_gguf_runs_on_llamacpp_by_default():
    s = summarise("Police said 12 people were hurt when a bus crashed in Northfield on Friday.")
    assert s.provenance.backend == "llamacpp"
    assert "llama-cpp-python is installed" in s.provenance.backend_reason


def test_same_text_as_create_chat_completion_and_the_shared_prefix_is_evaluated_once():
    from llama_cpp import Llama

    from summarise._prompts import load_prompt

    b = load_backend("smollm2-135m", backend="llamacpp")
    claim = load_prompt("claim_rewrite")
    prompts = [claim.render(sentence=s) for s in (
        "A few days prior, Seoul reported that North Korea had shipped 6,700 containers to Russia.",
        "He said the talks would resume on Monday.")]
    other = [{"role": "system", "content": "You write short, neutral news summaries."},
             {"role": "user", "content": "Claims:\n1. Police said 12 people were hurt.\n\nSummary:"}]
    gens = [b.generate(prompts[0], max_tokens=40, stop=["\n"]), b.generate(other, max_tokens=30),
            b.generate(prompts[1], max_tokens=40, stop=["\n"])]
    # the third call follows a different prompt, yet its template prefix comes from the saved state
    assert gens[2].cached_tokens > 100 and gens[2].cached_tokens < gens[2].prompt_tokens
    src = b.source
    raw = Llama(model_path=f"{src.path}/{src.gguf_file}", n_ctx=b.context_length, seed=0, verbose=False)
    try:
        for g, m, kw in zip(gens, [prompts[0], other, prompts[1]], [{"stop": ["\n"], "max_tokens": 40}, {"max_tokens": 30},
                                                                    {"stop": ["\n"], "max_tokens": 40}]):
            out = raw.create_chat_completion(messages=m, temperature=0.0, top_k=1, seed=0, **kw)
            assert g.text == out["choices"][0]["message"]["content"]
            assert g.prompt_tokens == out["usage"]["prompt_tokens"]
    finally:
        raw.close()


def test_a_folder_model_is_refused_with_the_way_out(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(BackendError, match="runs GGUF files"):
        load_backend(str(tmp_path), backend="llamacpp")
