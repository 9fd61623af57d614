"""Backends: one protocol (:class:`Backend`), one generation method.

- ``transformers`` (default): any causal LM transformers can load, GGUF included; CPU, CUDA or
  MPS chosen automatically.
- ``llamacpp``: GGUF files with llama.cpp in process (optional ``llama-cpp-python``), fastest on a CPU.
- ``openai``: any OpenAI-compatible chat-completions server (vLLM, llama.cpp server, TGI, Ollama).
- ``fake``: canned responses for tests (:class:`FakeBackend`, public API).
"""

from __future__ import annotations

import difflib
from typing import Any

from .._errors import ModelNotFoundError
from .base import Backend, Generation, Message
from .fake import FakeBackend

__all__ = ["Backend", "Generation", "Message", "FakeBackend", "load_backend", "BACKENDS"]

#: Backend names accepted by ``load_backend(..., backend=NAME)``.
BACKENDS = ("transformers", "llamacpp", "openai", "fake")


def load_backend(model: str, *, backend: str | None = None, **options: Any) -> Backend:
    """A backend for ``model`` (weights are loaded lazily, on the first generation).

    ``backend`` defaults to ``transformers``. Options go to the backend's constructor:
    ``device``/``dtype`` for transformers; ``base_url``/``api_key``/``timeout``/``max_retries``/
    ``concurrency`` for openai.
    """
    name = backend or "transformers"
    if name == "transformers":
        from .transformers import TransformersBackend

        return TransformersBackend(model, **options)
    if name == "llamacpp":
        from .llamacpp import LlamaCppBackend

        return LlamaCppBackend(model, **options)
    if name == "openai":
        from .openai import OpenAIBackend

        return OpenAIBackend(model, **options)
    if name == "fake":
        return FakeBackend(**options) if options else FakeBackend()
    close = difflib.get_close_matches(name, BACKENDS, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise ModelNotFoundError(f"Unknown backend {name!r}.{hint} Available: {', '.join(BACKENDS)}.")
