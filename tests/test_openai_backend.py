"""The openai backend against a scripted local server (127.0.0.1 only): requests, parsing,
retries, and the messages of its errors."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import FakeOpenAIServer, completion  # noqa: E402

from summarise import Backend, BackendError, ContextLengthError, load_backend  # noqa: E402
from summarise.backends.openai import DEFAULT_CONTEXT_LENGTH, OpenAIBackend  # noqa: E402

HELLO = [{"role": "user", "content": "Hello"}]
FAST = {"backoff_base": 0.01, "backoff_max": 0.05, "timeout": 5.0}


@pytest.fixture
def server():
    srv = FakeOpenAIServer()
    yield srv
    srv.close()


def test_request_and_parsing(server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    be = load_backend("fake-model", backend="openai", base_url=server.url + "/")
    assert isinstance(be, Backend)
    assert (be.name, be.model_id, be.base_url) == ("openai", "fake-model", server.url)
    gen = be.generate([{"role": "system", "content": "Be brief."}, *HELLO], max_tokens=12,
                      temperature=0.0, seed=7, stop=["\n\n"])
    assert (gen.text, gen.prompt_tokens, gen.completion_tokens, gen.finish_reason) == (
        "A neutral summary.", 7, 3, "stop")
    (req,) = server.chat_requests
    assert req["path"] == "/v1/chat/completions"
    assert req["headers"]["Authorization"] == "Bearer sk-test"
    assert req["json"] == {
        "model": "fake-model", "messages": [{"role": "system", "content": "Be brief."}, *HELLO],
        "max_tokens": 12, "temperature": 0.0, "seed": 7, "stream": False, "stop": ["\n\n"],
    }


def test_no_key_no_header_and_no_stop(server, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    OpenAIBackend("fake-model", base_url=server.url).generate(HELLO)
    req = server.chat_requests[0]
    assert "Authorization" not in req["headers"] and "stop" not in req["json"]


def test_finish_reason_length_revision_and_null_content(server):
    server.script = [completion("cut", finish="length", system_fingerprint="fp_abc"),
                     {**completion(""), "choices": [{"message": {"content": None}, "finish_reason": "stop"}],
                      "usage": None}]
    be = OpenAIBackend("fake-model", base_url=server.url)
    assert be.revision is None
    gen = be.generate(HELLO)
    assert (gen.text, gen.finish_reason, be.revision) == ("cut", "length", "fp_abc")
    gen = be.generate(HELLO)
    assert (gen.text, gen.prompt_tokens, gen.completion_tokens) == ("", 0, 0)


def test_base_url_from_environment_and_missing(monkeypatch, server):
    monkeypatch.delenv("SUMMARISE_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(BackendError, match=r"No server URL.*--base-url.*SUMMARISE_BASE_URL"):
        OpenAIBackend("m")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
    monkeypatch.setenv("SUMMARISE_BASE_URL", server.url)
    assert OpenAIBackend("m").base_url == server.url
    with pytest.raises(BackendError, match="http:// or https://.*'localhost:8000/v1'"):
        OpenAIBackend("m", base_url="localhost:8000/v1")


@pytest.mark.parametrize("option,value", [("concurrency", 0), ("max_retries", -1), ("timeout", 0),
                                          ("context_length", 0), ("backoff_max", -1.0)])
def test_bad_options_name_the_value(option, value):
    with pytest.raises(BackendError, match=f"{option} must be .*got {value!r}"):
        OpenAIBackend("m", base_url="http://127.0.0.1:1/v1", **{option: value})


def test_retry_then_success_on_500_429_and_dropped_connection(server):
    server.script = [500, (429, {"Retry-After": "0"}), "close", 503]
    be = OpenAIBackend("fake-model", base_url=server.url, max_retries=4, **FAST)
    assert be.generate(HELLO).text == "A neutral summary."
    assert len(server.chat_requests) == 5


def test_retry_after_is_honoured_and_capped(server):
    server.script = [(429, {"Retry-After": "0.3"}), (429, {"Retry-After": "3600"})]
    be = OpenAIBackend("fake-model", base_url=server.url, max_retries=2, backoff_base=0.0,
                       backoff_max=0.5, timeout=5.0)
    t0 = time.perf_counter()
    be.generate(HELLO)
    elapsed = time.perf_counter() - t0
    assert len(server.chat_requests) == 3
    assert 0.75 <= elapsed < 3.0  # 0.3 s, then 3600 s capped at 0.5 s


def test_gives_up_after_the_last_try_with_a_clear_message(server):
    server.default = 500
    be = OpenAIBackend("fake-model", base_url=server.url, max_retries=2, **FAST)
    with pytest.raises(BackendError) as info:
        be.generate(HELLO)
    message = str(info.value)
    assert len(server.chat_requests) == 3
    assert f"POST {server.url}/chat/completions failed after 3 attempts" in message
    assert "HTTP 500" in message and "scripted 500" in message and "What to do" in message


def test_429_advice(server):
    server.default = (429, {})
    be = OpenAIBackend("fake-model", base_url=server.url, max_retries=1, **FAST)
    with pytest.raises(BackendError, match="HTTP 429.*lower the concurrency"):
        be.generate(HELLO)


@pytest.mark.parametrize("status,advice", [(400, "malformed"), (401, "OPENAI_API_KEY"),
                                           (404, "ends with the API root")])
def test_no_retry_on_other_4xx(server, status, advice):
    server.default = status
    be = OpenAIBackend("fake-model", base_url=server.url, max_retries=5, **FAST)
    with pytest.raises(BackendError, match=f"not retried.*HTTP {status}.*{advice}"):
        be.generate(HELLO)
    assert len(server.chat_requests) == 1


def test_context_overflow_is_a_context_length_error(server):
    body = {"error": {"message": "This model's maximum context length is 4096 tokens. However, "
                                 "you requested 5000 tokens."}}
    server.default = (400, {}, body)
    be = OpenAIBackend("fake-model", base_url=server.url, **FAST)
    with pytest.raises(ContextLengthError, match="too long.*maximum context length is 4096"):
        be.generate(HELLO)


def test_timeout_is_retried_then_reported(server):
    server.default = "hang"
    server.hang_seconds = 2.0
    be = OpenAIBackend("fake-model", base_url=server.url, max_retries=1, timeout=0.2,
                       backoff_base=0.01, backoff_max=0.01)
    t0 = time.perf_counter()
    with pytest.raises(BackendError, match=r"after 2 attempts: timed out after 0.2 s.*raise timeout="):
        be.generate(HELLO)
    assert len(server.chat_requests) == 2 and time.perf_counter() - t0 < 2.0


def test_connection_refused_names_the_url():
    from servers import free_port

    url = f"http://127.0.0.1:{free_port()}/v1"
    be = OpenAIBackend("m", base_url=url, max_retries=1, **FAST)
    with pytest.raises(BackendError, match=f"POST {url}/chat/completions failed after 2 attempts: "
                                           "could not connect.*check the server is running"):
        be.generate(HELLO)


def test_not_a_chat_completion(server):
    server.default = (200, {}, {"unexpected": True})
    with pytest.raises(BackendError, match="not a chat completion.*unexpected"):
        OpenAIBackend("fake-model", base_url=server.url, **FAST).generate(HELLO)


def test_context_length_from_option_models_or_default(server):
    assert OpenAIBackend("m", base_url=server.url, context_length=2048).context_length == 2048
    assert not server.requests  # the option makes no request
    server.models = [{"id": "other", "max_model_len": 1}, {"id": "m", "max_model_len": 32768}]
    assert OpenAIBackend("m", base_url=server.url).context_length == 32768  # vLLM
    server.models = [{"id": "x.gguf", "meta": {"n_ctx_train": 8192 * 2}}]
    assert OpenAIBackend("m", base_url=server.url).context_length == 16384  # llama.cpp, one model
    server.models = [{"id": "m"}]
    assert OpenAIBackend("m", base_url=server.url).context_length == DEFAULT_CONTEXT_LENGTH


def test_concurrency_bounds_requests_in_flight(server):
    in_flight = peak = 0
    lock = threading.Lock()

    def slow(body):
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.05)
        with lock:
            in_flight -= 1
        return "ok"

    server.default = slow
    be = OpenAIBackend("fake-model", base_url=server.url, concurrency=3, **FAST)
    threads = [threading.Thread(target=be.generate, args=(HELLO,)) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert len(server.chat_requests) == 12 and peak == 3
