"""llama.cpp in process (``llama-cpp-python``): GGUF files at full quantised speed on a CPU.

On this kind of machine it decodes the embedded default about six times faster than
transformers (which dequantises the GGUF to fp32; see ``bench/``). Optional: install
``llama-cpp-python`` (it compiles from source). Weights load on the first ``generate``.
"""

from __future__ import annotations

import atexit
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from .._errors import BackendError, ModelNotFoundError
from .._models import ModelSource, resolve_model
from .base import Generation, Message

__all__ = ["LlamaCppBackend"]

_lock = threading.Lock()


@lru_cache(maxsize=2)
def _load(path: str, n_ctx: int, n_threads: int | None) -> Any:
    try:
        from llama_cpp import Llama
    except ImportError as e:
        raise ModelNotFoundError(
            "The llamacpp backend needs llama-cpp-python: pip install llama-cpp-python "
            "(it compiles from source, several minutes), or use --backend transformers"
        ) from e
    try:
        llm = Llama(model_path=path, n_ctx=n_ctx, n_threads=n_threads, seed=0, verbose=False)
    except (ValueError, RuntimeError) as e:
        raise BackendError(f"llama.cpp could not load {path!r}: {e}") from e
    # free it before the interpreter tears down llama_cpp's module globals (else a TypeError
    # is printed at exit)
    atexit.register(llm.close)
    return llm


def _flat(messages: Sequence[Message]) -> str:
    return "\n".join(f"{m['role']}: {m['content']}" for m in messages)


class LlamaCppBackend:
    """A GGUF model run by llama.cpp in this process (thread-safe: calls are serialised)."""

    name = "llamacpp"

    def __init__(self, model: str | ModelSource, *, context_length: int | None = None, n_threads: int | None = None) -> None:
        self.source = model if isinstance(model, ModelSource) else resolve_model(model)
        if not self.source.gguf_file:
            raise BackendError(
                f"The llamacpp backend runs GGUF files; {self.source.name!r} resolves to "
                f"{self.source.path!r}, which is not one. Use --backend transformers, or give a .gguf path"
            )
        self.model_id = self.source.name
        self.revision: str | None = self.source.gguf_file
        self.context_length = int(context_length or min(self.source.context_length, 8192))
        self.n_threads = n_threads

    def generate(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> Generation:
        llm = _load(str(Path(self.source.path) / self.source.gguf_file), self.context_length, self.n_threads)
        text, finish, n_out = "", "stop", 0
        with _lock:
            try:
                prompt_tokens = len(llm.tokenize(_flat(messages).encode("utf-8"), add_bos=False))
                # streamed, so that a generation that starts repeating itself is cut off early
                for chunk in llm.create_chat_completion(
                    messages=[dict(m) for m in messages], max_tokens=max_tokens, temperature=temperature,
                    top_k=1 if temperature == 0 else 40, seed=seed, stop=list(stop) or None, stream=True,
                ):
                    choice = chunk["choices"][0]
                    piece = choice.get("delta", {}).get("content") or ""
                    if piece:
                        text += piece
                        n_out += 1
                    if choice.get("finish_reason"):
                        finish = choice["finish_reason"]
                    if n_out >= 24 and n_out % 8 == 0 and len(text) > 96 and text[-48:] in text[:-48]:
                        finish = "loop"
                        break
            except ValueError as e:  # llama.cpp raises ValueError when the prompt is too long
                raise BackendError(f"llama.cpp refused the request for {self.model_id!r}: {e}") from e
        return Generation(text=text, prompt_tokens=prompt_tokens, completion_tokens=n_out, finish_reason=finish)
