"""The real transformers code path on a tiny random model built in the test (no download)."""

from __future__ import annotations

import pytest

from summarise import BackendError, ContextLengthError, summarise
from summarise.backends import load_backend
from summarise.backends.transformers import TransformersBackend

from .tiny_model import build_tiny_llama

ARTICLE = (
    "Police said 12 people were injured when a bus crashed in Northfield on Friday. "
    "The bus company denied that the driver had been speeding. "
    "Witness Tom Hale said the bus was going very fast."
)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_llama(tmp_path_factory.mktemp("tiny"), ARTICLE)


def test_generate_is_greedy_and_repeatable(tiny):
    b = TransformersBackend(str(tiny))
    msgs = [{"role": "user", "content": "Sentence: Police said 12 people were injured."}]
    g1 = b.generate(msgs, max_tokens=12)
    g2 = b.generate(msgs, max_tokens=12)
    assert g1 == g2
    assert g1.prompt_tokens > 5 and 0 < g1.completion_tokens <= 12
    assert g1.finish_reason in ("stop", "length", "loop")
    assert b.device == "cpu" and b.dtype == "float32"


def test_weights_load_lazily_and_are_shared(tiny):
    from summarise.backends import transformers as tb

    tb._load.cache_clear()
    a = load_backend(str(tiny))
    assert tb._load.cache_info().currsize == 0  # nothing loaded by construction
    a.generate([{"role": "user", "content": "the"}], max_tokens=2)
    b = load_backend(str(tiny))
    b.generate([{"role": "user", "content": "the"}], max_tokens=2)
    assert tb._load.cache_info().hits >= 1 and tb._load.cache_info().currsize == 1


def test_context_overflow_names_both_lengths(tiny):
    b = TransformersBackend(str(tiny), context_length=16)
    with pytest.raises(ContextLengthError, match=r"exceeds the context length .*\(16\)"):
        b.generate([{"role": "user", "content": "the " * 40}], max_tokens=4)


def test_full_pipeline_on_the_tiny_model_falls_back_and_stays_grounded(tiny):
    s = summarise(ARTICLE, model=str(tiny), generation={"rewrite": 1})
    sent = [k for k, why in s.provenance.model_use.items() if why.startswith("sent")]
    assert s.provenance.backend == "transformers" and s.provenance.model_calls == len(sent)
    assert "summary" in sent and len(sent) > 1
    assert s.provenance.backend_reason == "a model folder: llama.cpp runs GGUF files only"
    assert s.provenance.tokens["completion"] > 0
    # random weights write nonsense: every wording sent is the verified deterministic rendering
    assert s.claims and all(c.wording == ("fallback" if c.id in sent else "rule") for c in s.claims)
    assert s.claims and all(ARTICLE[e.start:e.end] == e.text for c in s.claims for e in c.evidence)
    assert any(c.kind == "denial" for c in s.claims)


def test_bad_dtype_is_refused():
    with pytest.raises(BackendError, match="dtype"):
        TransformersBackend("smollm2-135m", dtype="int3")


def test_prefix_cache_and_batching_give_the_plain_generate_text(tiny):
    """The shared prompt prefix comes from a cache and independent prompts go in one batch, yet
    under greedy decoding each answer is what a plain ``model.generate`` on that prompt gives."""
    from summarise._prompts import load_prompt

    b = TransformersBackend(str(tiny))
    prompts = [load_prompt("claim_rewrite").render(sentence=s) for s in (
        "Police said 12 people were injured.", "Witness Tom Hale said the bus was going very fast on Friday.",
        "The bus company denied that.")]
    tok, model = b._loaded()
    plain = []
    for m in prompts:
        enc = tok.apply_chat_template(m, add_generation_prompt=True, return_tensors="pt", return_dict=True)
        out = model.generate(**enc, max_new_tokens=10, do_sample=False, pad_token_id=tok.pad_token_id)
        plain.append(tok.decode(out[0, enc["input_ids"].shape[1]:], skip_special_tokens=True))
    single = [b.generate(m, max_tokens=10) for m in prompts]
    many = b.generate_many(prompts, max_tokens=[10, 10, 10])
    assert [g.text for g in single] == plain and [g.text for g in many] == plain
    assert all(g.cached_tokens > 16 for g in single + many)
    assert [g.prompt_tokens for g in many] == [g.prompt_tokens for g in single]


def test_per_prompt_budgets_in_one_batch(tiny):
    b = TransformersBackend(str(tiny))
    msgs = [[{"role": "user", "content": "Sentence: Police said 12 people were injured."}]] * 2
    short, long = b.generate_many(msgs, max_tokens=[3, 9])
    assert short.completion_tokens <= 3 and long.completion_tokens <= 9
    assert long.text.startswith(short.text.strip()) or short.finish_reason == "stop"
