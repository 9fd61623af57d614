"""Backends: one protocol (:class:`Backend`), one generation method; and :class:`Scorer`, the
log-probabilities of a text given a context (:class:`TokenLogprobs`), which every backend here
implements too (``openai`` where the server returns prompt log-probabilities).

- ``llamacpp`` (default for a GGUF file when ``llama-cpp-python`` is installed): llama.cpp in
  process, the weights kept quantised; on a CPU it decodes the embedded default several times
  faster than transformers (``bench/``).
- ``transformers`` (default otherwise: hub ids, model folders, a ``device=``/``dtype=`` option,
  or a GGUF without llama-cpp-python): any causal LM transformers can load, GGUF included; CPU,
  CUDA or MPS chosen automatically.
- ``openai``: any OpenAI-compatible chat-completions server (vLLM, llama.cpp server, TGI, Ollama).
- ``fake``: canned responses for tests (:class:`FakeBackend`, public API).
"""

from __future__ import annotations

import difflib
import importlib.util
from typing import Any

from .._errors import ModelNotFoundError
from .base import Backend, Generation, Message, Scorer, TokenLogprobs
from .fake import FakeBackend

__all__ = ["Backend", "Generation", "Message", "Scorer", "TokenLogprobs", "FakeBackend", "load_backend", "default_backend", "BACKENDS"]

#: Backend names accepted by ``load_backend(..., backend=NAME)``.
BACKENDS = ("transformers", "llamacpp", "openai", "fake")


#: Options only the transformers backend takes: asking for one asks for transformers.
_TRANSFORMERS_OPTIONS = ("device", "dtype")


def default_backend(model: str, options: dict[str, Any] | None = None) -> tuple[str, str]:
    """The backend ``load_backend`` picks for ``model`` when none is named, and why.

    A GGUF file runs on llama.cpp when ``llama-cpp-python`` is installed (the quantised weights
    decode several times faster on a CPU than transformers' dequantised copy); anything else,
    or a GGUF with a ``device``/``dtype`` option, runs on transformers. Resolving the name
    loads no weights.

    >>> default_backend("org/some-model")
    ('transformers', 'a hub id: llama.cpp runs GGUF files only')
    """
    from .._models import resolve_model

    source = resolve_model(model)
    asked = sorted(k for k in (options or {}) if k in _TRANSFORMERS_OPTIONS)
    if not source.gguf_file:
        what = {"hub": "a hub id", "folder": "a model folder"}.get(source.kind, "not a GGUF file")
        return "transformers", f"{what}: llama.cpp runs GGUF files only"
    if asked:
        return "transformers", f"a GGUF file, with {', '.join(asked)}= given (a transformers option)"
    if importlib.util.find_spec("llama_cpp") is None:
        return "transformers", ("a GGUF file, but llama-cpp-python is not installed "
                                "(pip install llama-cpp-python runs it several times faster)")
    return "llamacpp", "a GGUF file and llama-cpp-python is installed (quantised weights, fastest on a CPU)"


def load_backend(model: str, *, backend: str | None = None, **options: Any) -> Backend:
    """A backend for ``model`` (weights are loaded lazily, on the first generation).

    ``backend=None`` picks one with :func:`default_backend` (llama.cpp for a GGUF file when
    installed, else transformers) and records why in the backend's ``reason`` (it reaches
    ``Provenance.backend_reason``). Options go to the backend's constructor:
    ``device``/``dtype`` for transformers; ``n_threads`` for llamacpp;
    ``base_url``/``api_key``/``timeout``/``max_retries``/``concurrency`` for openai.
    """
    if backend is None:
        name, reason = default_backend(model, options)
    else:
        name, reason = backend, "asked for"
    be = _construct(model, name, options)
    be.reason = reason  # type: ignore[attr-defined]
    return be


def _construct(model: str, name: str, options: dict[str, Any]) -> Backend:
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
