"""A backend for any OpenAI-compatible chat-completions server: vLLM, llama.cpp server,
llama-cpp-python, TGI, Ollama, or OpenAI itself.

    >>> from summarise.backends.openai import OpenAIBackend
    >>> be = OpenAIBackend("Qwen/Qwen2.5-7B-Instruct", base_url="http://127.0.0.1:8000/v1/")
    >>> be.name, be.model_id, be.base_url
    ('openai', 'Qwen/Qwen2.5-7B-Instruct', 'http://127.0.0.1:8000/v1')

Construction makes no request. ``generate`` is thread-safe: one shared ``httpx.Client`` (a pool of
``concurrency`` connections) and a semaphore that bounds the requests in flight, so one backend
can serve a whole thread pool of articles.

Retry policy: a request is tried ``1 + max_retries`` times. HTTP 408, 409, 425, 429 and every 5xx,
connection errors and timeouts are retried after a sleep drawn uniformly from
``[0, min(backoff_max, backoff_base * 2**retry)]`` ("full jitter"), or the server's
``Retry-After`` (seconds or an HTTP date) capped at ``backoff_max`` when it sends one. Any other
4xx is not retried: the request itself is wrong and would fail again. After the last try a
:class:`~summarise.BackendError` names the URL, the status or exception, the attempts made and
what to do.

Bounds: a reply larger than ``max_response_bytes`` (default 8 MB; a chat completion is a few
kilobytes) is refused as soon as that many bytes have arrived, so a runaway server cannot fill
the memory; one ``generate`` call, retries and sleeps included, never takes more than
``total_timeout`` seconds (default 180), however slowly a server trickles its bytes.
"""

from __future__ import annotations

import email.utils
import os
import random
import threading
import time
from typing import Any, Sequence

import httpx

from .._errors import BackendError, ContextLengthError
from .base import Generation, Message, TokenLogprobs, check_requests

__all__ = ["OpenAIBackend", "DEFAULT_CONTEXT_LENGTH", "RETRY_STATUSES", "MAX_RESPONSE_BYTES", "TOTAL_TIMEOUT"]

#: Assumed when neither the ``context_length`` option nor ``GET /models`` gives one.
DEFAULT_CONTEXT_LENGTH = 8192
#: Largest reply read, in bytes (a chat completion of a few hundred tokens is a few kilobytes).
MAX_RESPONSE_BYTES = 8_000_000
#: Longest one ``generate`` call may take, retries and back-off sleeps included, in seconds.
TOTAL_TIMEOUT = 180.0
#: HTTP statuses worth another try (besides every 5xx).
RETRY_STATUSES = frozenset({408, 409, 425, 429})
#: Environment variables read for the server URL, in order.
BASE_URL_ENV = ("SUMMARISE_BASE_URL", "OPENAI_BASE_URL")
# Keys that servers use for the context window in a /models entry (vLLM: max_model_len).
_CONTEXT_KEYS = ("max_model_len", "context_length", "context_window", "max_context_length", "n_ctx")
_CONTEXT_WORDS = ("context length", "context window", "maximum context", "too many tokens", "exceeds the")


_NO_LOGPROBS = ("What to do: log-probabilities need a server whose /completions endpoint echoes the prompt "
                "with logprobs (vLLM, llama.cpp's server); otherwise score with --backend llamacpp or "
                "--backend transformers on a local copy of the model.")


def _retry_after(value: str | None, cap: float) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, min(seconds, cap))


def _snippet(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


class OpenAIBackend:
    """Chat completions from an OpenAI-compatible server at ``base_url`` (the URL ending in ``/v1``).

    ``base_url`` defaults to the environment variable ``SUMMARISE_BASE_URL``, then
    ``OPENAI_BASE_URL``; there is no built-in default, so articles are never sent to a third
    party by accident (OpenAI's own API is ``https://api.openai.com/v1``). ``api_key`` defaults
    to ``OPENAI_API_KEY`` and may be absent for local servers. ``timeout`` is per request in
    seconds; ``concurrency`` bounds the requests in flight from this backend, across threads.
    ``context_length`` defaults to what ``GET {base_url}/models`` reports (vLLM's
    ``max_model_len``, llama.cpp's ``meta.n_ctx_train``), else :data:`DEFAULT_CONTEXT_LENGTH`;
    pass it for servers that do not report it (llama-cpp-python, Ollama, TGI). ``transport`` is
    an ``httpx`` transport for tests (e.g. ``httpx.MockTransport``).
    """

    name = "openai"

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 5,
        concurrency: int = 8,
        context_length: int | None = None,
        backoff_base: float = 0.5,
        backoff_max: float = 20.0,
        transport: httpx.BaseTransport | None = None,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        total_timeout: float = TOTAL_TIMEOUT,
    ) -> None:
        if not isinstance(model, str) or not model.strip():
            raise BackendError(
                f"model must be the model name the server serves, got {model!r}: "
                "pass e.g. model='Qwen/Qwen2.5-7B-Instruct' (GET BASE_URL/models lists them)"
            )
        url = base_url or next((os.environ[v] for v in BASE_URL_ENV if os.environ.get(v)), None)
        if not url:
            raise BackendError(
                "No server URL for the openai backend: pass base_url='http://HOST:8000/v1' "
                "(--base-url on the command line) or set SUMMARISE_BASE_URL. "
                "For OpenAI's own API use https://api.openai.com/v1."
            )
        if not url.startswith(("http://", "https://")):
            raise BackendError(
                f"base_url must start with http:// or https://, got {url!r}: "
                "pass the server's API root, e.g. http://127.0.0.1:8000/v1"
            )
        for label, value in (("timeout", timeout), ("backoff_base", backoff_base), ("backoff_max", backoff_max),
                             ("total_timeout", total_timeout)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (label in ("timeout", "total_timeout") and value == 0):
                raise BackendError(f"{label} must be a positive number of seconds, got {value!r}")
        if not isinstance(max_retries, int) or max_retries < 0:
            raise BackendError(f"max_retries must be an int >= 0, got {max_retries!r}")
        if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int) or max_response_bytes < 1024:
            raise BackendError(f"max_response_bytes must be an int of at least 1024, got {max_response_bytes!r}")
        if not isinstance(concurrency, int) or concurrency < 1:
            raise BackendError(f"concurrency must be a positive int, got {concurrency!r}")
        if context_length is not None and (not isinstance(context_length, int) or context_length < 1):
            raise BackendError(f"context_length must be a positive int, got {context_length!r}")

        self.model_id = model
        self.revision: str | None = None
        self.base_url = url.rstrip("/")
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.concurrency = concurrency
        self.backoff_base = float(backoff_base)
        self.backoff_max = float(backoff_max)
        self.max_response_bytes = max_response_bytes
        self.total_timeout = float(total_timeout)
        self._context_length = context_length
        self._context_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(concurrency)
        self._random = random.Random()
        key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        # Plain http never uses TLS: skip loading the CA bundle (a quarter second per backend).
        verify = self.base_url.startswith("https://")
        self._client = httpx.Client(
            headers=headers, timeout=self.timeout, limits=limits, transport=transport, verify=verify
        )

    def __repr__(self) -> str:
        return f"OpenAIBackend({self.model_id!r}, base_url={self.base_url!r})"

    def close(self) -> None:
        """Close the connection pool (the backend is unusable afterwards)."""
        self._client.close()

    def __enter__(self) -> "OpenAIBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- context length -------------------------------------------------------------------

    @property
    def context_length(self) -> int:
        """Tokens the served model attends to: the option, else ``GET /models``, else 8192."""
        if self._context_length is None:
            with self._context_lock:
                if self._context_length is None:
                    self._context_length = self._probe_context_length() or DEFAULT_CONTEXT_LENGTH
        return self._context_length

    @context_length.setter
    def context_length(self, value: int) -> None:
        self._context_length = value

    def _probe_context_length(self) -> int | None:
        # One quick try: a server that is down now will be reported by generate() itself.
        try:
            response = self._client.get(f"{self.base_url}/models", timeout=min(self.timeout, 10.0))
            entries = response.json().get("data", []) if response.status_code == 200 else []
        except (httpx.HTTPError, ValueError, AttributeError):
            return None
        if not isinstance(entries, list):
            return None
        entries = [e for e in entries if isinstance(e, dict)]
        mine = [e for e in entries if e.get("id") == self.model_id] or (entries if len(entries) == 1 else [])
        for entry in mine:
            meta = entry.get("meta") if isinstance(entry.get("meta"), dict) else {}
            for source in (entry, meta):
                for key in (*_CONTEXT_KEYS, "n_ctx_train"):
                    value = source.get(key)
                    if isinstance(value, int) and value > 0:
                        return value
        return None

    # -- generation -----------------------------------------------------------------------

    def generate(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> Generation:
        """One chat completion, retried as described in the module docstring."""
        body: dict[str, Any] = {
            "model": self.model_id,
            "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
            "max_tokens": max_tokens,
            "temperature": temperature,
            "seed": seed,
            "stream": False,
        }
        if stop:
            body["stop"] = list(stop)
        return self._parse(self._post("/chat/completions", body))

    def logprobs(self, requests: Sequence[tuple[str, str]]) -> list[TokenLogprobs]:
        """For each ``(context, continuation)``, one ``POST /completions`` with ``echo=true``,
        ``logprobs=1`` and ``max_tokens=1`` (the one generated token is dropped); the
        continuation's tokens are those that start at or after the context's end. Requests run
        ``concurrency`` at a time."""
        from concurrent.futures import ThreadPoolExecutor

        check_requests(requests)
        if not requests:
            return []
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(requests))) as pool:
            return list(pool.map(lambda r: self._score_one(*r), requests))

    def _score_one(self, context: str, continuation: str) -> TokenLogprobs:
        body = {"model": self.model_id, "prompt": context + continuation, "max_tokens": 1, "temperature": 0.0,
                "echo": True, "logprobs": 1, "stream": False}
        try:
            response = self._post("/completions", body)
        except ContextLengthError:
            raise
        except BackendError as e:
            if "(not retried)" in str(e):
                raise BackendError(f"{e} {_NO_LOGPROBS}") from e
            raise
        url = str(response.request.url)
        try:
            lp = response.json()["choices"][0]["logprobs"]
            tokens, values, offsets = lp["tokens"], lp["token_logprobs"], lp["text_offset"]
            assert len(tokens) == len(values) == len(offsets)
        except (ValueError, KeyError, IndexError, TypeError, AssertionError):
            raise BackendError(f"POST {url} answered without prompt log-probabilities "
                               f"({_snippet(response.text)!r}). {_NO_LOGPROBS}") from None
        start, end = len(context), len(context) + len(continuation)
        keep = [k for k, o in enumerate(offsets) if isinstance(o, int) and start <= o < end]
        if continuation and not keep or any(values[k] is None for k in keep):
            raise BackendError(f"POST {url} returned no log-probability for the tokens of the continuation "
                               f"{continuation[:60]!r}. {_NO_LOGPROBS}")
        # the echoed prompt ends at the continuation's end: a token starting there is generated
        rel = [offsets[k] - start for k in keep]
        if rel:
            rel[0] = 0
        ends = rel[1:] + [len(continuation)]
        return TokenLogprobs(tokens=tuple(continuation[a:b] for a, b in zip(rel, ends)),
                             logprobs=tuple(float(values[k]) for k in keep), offsets=tuple(rel))

    def _read(self, url: str, body: dict[str, Any], deadline: float) -> httpx.Response:
        """POST and read the reply, at most ``max_response_bytes`` of it, by ``deadline``."""
        left = deadline - time.monotonic()
        timeout = httpx.Timeout(max(0.001, min(self.timeout, left)))
        with self._client.stream("POST", url, json=body, timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_response_bytes:
                raise self._too_large(url, f"declared {int(declared):,} bytes")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_response_bytes:
                    raise self._too_large(url, f"more than {size:,} bytes arrived")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("the reply was still arriving when the total time ran out")
                chunks.append(chunk)
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(response.status_code, headers=headers, content=b"".join(chunks), request=response.request)

    def _too_large(self, url: str, what: str) -> BackendError:
        return BackendError(
            f"POST {url} answered with a reply over max_response_bytes={self.max_response_bytes:,} ({what}); "
            "it was not read further and not retried. What to do: check the server (a chat completion is a "
            "few kilobytes), or raise max_response_bytes."
        )

    def _post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        url = f"{self.base_url}{path}"
        attempts = self.max_retries + 1
        deadline = time.monotonic() + self.total_timeout
        for attempt in range(1, attempts + 1):
            wait: float | None = None
            try:
                with self._slots:
                    if time.monotonic() >= deadline:
                        raise httpx.ConnectTimeout("no time left")
                    response = self._read(url, body, deadline)
            except httpx.TimeoutException as e:
                problem = f"timed out after {self.timeout:g} s ({type(e).__name__})"
                advice = (f"raise timeout= (now {self.timeout:g} s), lower the concurrency, "
                          "or check the server is not overloaded")
            except httpx.TransportError as e:
                problem = f"could not connect ({type(e).__name__}: {e})"
                advice = ("check the server is running and reachable at that URL "
                          f"(curl {self.base_url}/models) or fix base_url / --base-url")
            else:
                status = response.status_code
                if status < 400:
                    return response
                problem = f"HTTP {status} {response.reason_phrase}: {_snippet(response.text)}"
                if status not in RETRY_STATUSES and status < 500:
                    raise self._client_error(url, status, response.text, problem)
                wait = _retry_after(response.headers.get("Retry-After"), self.backoff_max)
                advice = ("the server is rate-limiting: lower the concurrency or raise max_retries"
                          if status == 429 else
                          "the server failed: see its log, lower the concurrency, or raise max_retries")
            if time.monotonic() >= deadline - 0.01 and attempt < attempts:
                raise BackendError(
                    f"POST {url} gave up after {attempt} attempt{'s' if attempt > 1 else ''} and "
                    f"total_timeout={self.total_timeout:g} s: {problem}. What to do: {advice}, or raise total_timeout."
                )
            if attempt == attempts:
                raise BackendError(
                    f"POST {url} failed after {attempts} attempt{'s' if attempts > 1 else ''}: "
                    f"{problem}. What to do: {advice}."
                )
            if wait is None:
                ceiling = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
                wait = self._random.uniform(0.0, ceiling)
            time.sleep(max(0.0, min(wait, deadline - time.monotonic())))
        raise AssertionError("unreachable")  # pragma: no cover

    def _client_error(self, url: str, status: int, text: str, problem: str) -> BackendError:
        lowered = text.lower()
        if status == 400 and any(w in lowered for w in _CONTEXT_WORDS) and "token" in lowered:
            return ContextLengthError(
                f"POST {url} refused the prompt as too long for the model: {problem}. "
                "What to do: shorten the article, or serve the model with a longer context "
                "(vLLM --max-model-len, llama.cpp --ctx-size) and pass context_length=."
            )
        if status in (401, 403):
            advice = "set OPENAI_API_KEY (or pass api_key=) to a key this server accepts"
        elif status == 404:
            advice = (f"check that base_url ends with the API root (usually /v1, now {self.base_url!r}) "
                      f"and that the server serves model {self.model_id!r} (GET {self.base_url}/models)")
        else:
            advice = "the server rejected the request as malformed; see the message above"
        return BackendError(f"POST {url} failed (not retried): {problem}. What to do: {advice}.")

    def _parse(self, response: httpx.Response) -> Generation:
        url = str(response.request.url)
        try:
            data = response.json()
            choice = data["choices"][0]
            content = choice["message"].get("content") or ""
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise BackendError(
                f"POST {url} answered HTTP {response.status_code} with something that is not a chat "
                f"completion: {_snippet(response.text)!r}. What to do: check that base_url points "
                "at an OpenAI-compatible API root (usually ending in /v1)."
            ) from None
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        fingerprint = data.get("system_fingerprint")
        served = data.get("model")
        if isinstance(fingerprint, str) and fingerprint:
            self.revision = fingerprint
        elif isinstance(served, str) and served and served != self.model_id:
            self.revision = served
        finish = "length" if choice.get("finish_reason") == "length" else "stop"
        return Generation(
            text=content if isinstance(content, str) else str(content),
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
            finish_reason=finish,
        )
