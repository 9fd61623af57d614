"""llama.cpp in process (``llama-cpp-python``): GGUF files at full quantised speed on a CPU.

The default backend for a GGUF file when ``llama-cpp-python`` is installed (see
``backends.default_backend``): it decodes the embedded default several times faster than
transformers, which dequantises the GGUF to fp32 (``bench/``). Weights load on the first
``generate`` or ``logprobs`` call, once per process.

No repeated work: the prompt is formatted with the GGUF's own chat template and tokenised once
per call; the KV cache of a prompt's shared prefix (system turn and worked examples: every
message but the last) is computed once per process and restored when a call starts with it, and
llama.cpp itself keeps what the previous call shares with the next (consecutive claim rewrites
differ only in their last message). ``Generation.cached_tokens`` says how many prompt tokens were
not evaluated again.

``logprobs`` (the :class:`~summarise.backends.base.Scorer` method) drives ``llama_decode``
directly on the same loaded model: each distinct context is evaluated once, its KV cache kept,
and each continuation after it asks for the logits of its own tokens only (no ``logits_all``
context, whose score matrix would take n_ctx x vocabulary floats).
"""

from __future__ import annotations

import atexit
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from .._errors import BackendError, ModelNotFoundError
from .._models import ModelSource, resolve_model
from .base import Generation, Message, TokenLogprobs, check_fits, check_requests, group_by_context

__all__ = ["LlamaCppBackend"]

_lock = threading.Lock()
#: How many prompt prefixes keep a saved KV state (one per prompt template in practice).
_PREFIX_STATES = 4


class _Model:
    """One loaded GGUF: the llama.cpp context, its chat formatter and the saved prefix states."""

    def __init__(self, llm: Any) -> None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        self.llm = llm
        template = llm.metadata.get("tokenizer.chat_template")
        if not template:
            raise BackendError(
                "The GGUF file has no chat template (metadata tokenizer.chat_template); use an "
                "instruction-tuned GGUF, or --backend transformers with a model folder that has one"
            )
        eos, bos = llm.token_eos(), llm.token_bos()
        text = llm._model.token_get_text  # what Llama itself uses to build its chat handler
        self.format = Jinja2ChatFormatter(template=template, eos_token=text(eos) if eos != -1 else "",
                                          bos_token=text(bos) if bos != -1 else "", stop_token_ids=[eos])
        self.states: OrderedDict[tuple[int, ...], bytes] = OrderedDict()

    def tokens(self, messages: Sequence[Message], add_generation_prompt: bool = True) -> tuple[list[int], Any]:
        self.format.add_generation_prompt = add_generation_prompt
        result = self.format(messages=[dict(m) for m in messages])
        ids = self.llm.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True)
        return ids, result

    def reuse_prefix(self, ids: list[int], prefix: list[int]) -> None:
        """Make the context hold ``prefix`` (a prefix of ``ids``) evaluated, from a saved state
        when the context holds something else; the first time, evaluate it and save it."""
        import llama_cpp

        llm = self.llm
        if len(prefix) < 16 or ids[: len(prefix)] != prefix:
            return
        held = int(llm.n_tokens)
        if held >= len(prefix) and list(llm.input_ids[: len(prefix)]) == prefix:
            return  # already there: llama.cpp keeps the common prefix itself
        key = tuple(prefix)
        ctx = llm._ctx.ctx
        state = self.states.get(key)
        if state is None:
            llm.reset()
            llm.eval(prefix)
            size = llama_cpp.llama_state_seq_get_size(ctx, 0)
            buf = (llama_cpp.ctypes.c_uint8 * size)()
            n = llama_cpp.llama_state_seq_get_data(ctx, buf, size, 0)
            self.states[key] = bytes(buf[:n])
            while len(self.states) > _PREFIX_STATES:
                self.states.popitem(last=False)
            return
        self.states.move_to_end(key)
        llm._ctx.kv_cache_seq_rm(-1, 0, -1)
        buf = (llama_cpp.ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        if llama_cpp.llama_state_seq_set_data(ctx, buf, len(state), 0) != len(state):
            llm.reset()  # nothing restored: the prompt is evaluated in full, same result
            return
        llm.input_ids[: len(prefix)] = prefix
        llm.n_tokens = len(prefix)
        llm._requires_eval = True  # the restored state has no logits: evaluate at least one token


@lru_cache(maxsize=2)
def _load(path: str, n_ctx: int, n_threads: int | None) -> _Model:
    try:
        from llama_cpp import Llama
    except ImportError as e:
        raise ModelNotFoundError(
            "The llamacpp backend needs llama-cpp-python: pip install llama-cpp-python "
            "(it compiles from source, several minutes), or use --backend transformers"
        ) from e
    # prompt evaluation on as many threads as decoding (llama-cpp-python's default: every
    # logical CPU): on a busy CPU, OpenMP threads that spin waiting for each other made prompt
    # evaluation several times slower than on half the threads (bench/README.md)
    threads = n_threads or max(1, (os.cpu_count() or 2) // 2)
    try:
        llm = Llama(model_path=path, n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads, seed=0, verbose=False)
    except (ValueError, RuntimeError) as e:
        raise BackendError(f"llama.cpp could not load {path!r}: {e}") from e
    # free it before the interpreter tears down llama_cpp's module globals (else a TypeError
    # is printed at exit)
    atexit.register(llm.close)
    return _Model(llm)


class _LoopStop:
    """Stops a generation that has started repeating itself (the small model's usual failure):
    every 8 tokens after 24, when the last 48 characters already occur earlier in the reply."""

    def __init__(self, llm: Any, n_prompt: int) -> None:
        self.llm, self.n_prompt, self.looped = llm, n_prompt, False

    def __call__(self, input_ids: Any, logits: Any) -> bool:
        n = len(input_ids) - self.n_prompt
        if n < 24 or n % 8:
            return False
        text = self.llm.detokenize(list(input_ids[self.n_prompt:])).decode("utf-8", "ignore")
        self.looped = len(text) > 96 and text[-48:] in text[:-48]
        return self.looped


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

    def _model(self) -> _Model:
        return _load(str(Path(self.source.path) / self.source.gguf_file), self.context_length, self.n_threads)

    def generate(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> Generation:
        from llama_cpp import StoppingCriteriaList

        m = self._model()
        with _lock:
            ids, fmt = m.tokens(messages)
            check_fits(self.model_id, len(ids), max_tokens, self.context_length, generating=True)
            if len(messages) > 1:
                m.reuse_prefix(ids, m.tokens(messages[:-1], add_generation_prompt=False)[0])
            held = m.llm.input_ids[: int(m.llm.n_tokens)]
            cached = 0
            for a, b in zip(held, ids[:-1]):  # what llama.cpp will not evaluate again
                if a != b:
                    break
                cached += 1
            loop = _LoopStop(m.llm, len(ids))
            criteria = [loop] + list(fmt.stopping_criteria or [])
            stops = list(stop) + ([fmt.stop] if isinstance(fmt.stop, str) else list(fmt.stop or []))
            try:
                # the same call create_chat_completion makes, on the same tokens
                out = m.llm.create_completion(
                    prompt=ids, max_tokens=max_tokens, temperature=temperature, top_p=0.95, min_p=0.05,
                    top_k=1 if temperature == 0 else 40, repeat_penalty=1.0, seed=seed,
                    stop=stops or None, stopping_criteria=StoppingCriteriaList(criteria),
                )
            except ValueError as e:  # llama.cpp raises ValueError when the prompt is too long
                raise BackendError(f"llama.cpp refused the request for {self.model_id!r}: {e}") from e
        choice, usage = out["choices"][0], out["usage"]
        finish = "loop" if loop.looped else ("length" if choice.get("finish_reason") == "length" else "stop")
        return Generation(text=choice["text"], prompt_tokens=len(ids), completion_tokens=int(usage["completion_tokens"]),
                          finish_reason=finish, cached_tokens=cached)

    def logprobs(self, requests: Sequence[tuple[str, str]]) -> list[TokenLogprobs]:
        """Log-probabilities of each continuation's tokens given its context (see the module
        docstring: one pass per distinct context, the continuations after it)."""
        check_requests(requests)
        m = self._model()
        llm = m.llm
        start = llm.token_bos() if llm.token_bos() != -1 else llm.token_eos()
        results: list[TokenLogprobs | None] = [None] * len(requests)
        with _lock:
            try:
                for context, indexes in group_by_context(requests).items():
                    pre = [start] + llm.tokenize(context.encode("utf-8"), add_bos=False, special=False)
                    llm._ctx.kv_cache_seq_rm(-1, 0, -1)
                    first = _decode(llm, pre, 0, all_logits=False)
                    for i in indexes:
                        text = requests[i][1]
                        ids = llm.tokenize(text.encode("utf-8"), add_bos=False, special=False) if text else []
                        check_fits(self.model_id, len(pre), len(ids), self.context_length)
                        rows = first
                        if len(ids) > 1:
                            llm._ctx.kv_cache_seq_rm(-1, len(pre), -1)
                            rows = _stack(first, _decode(llm, ids[:-1], len(pre), all_logits=True))
                        results[i] = _record(llm, text, ids, rows)
            finally:
                # the generation path tracks what the context holds in n_tokens/input_ids: say it
                # holds nothing, so the next generate evaluates (or restores) its prompt in full
                llm._ctx.kv_cache_seq_rm(-1, 0, -1)
                llm.n_tokens = 0
        return [r for r in results if r is not None]


def _decode(llm: Any, ids: list[int], n_past: int, *, all_logits: bool) -> Any:
    """Evaluate ``ids`` after ``n_past`` cached tokens, in batches of ``n_batch``; the logits of
    every token (``all_logits``) or of the last one only, as a float32 array (rows x vocabulary)."""
    import numpy as np
    from llama_cpp._internals import LlamaBatch

    n_vocab = llm.n_vocab()
    step = int(llm.n_batch)
    batch = LlamaBatch(n_tokens=step, embd=0, n_seq_max=1)
    rows = []
    for a in range(0, len(ids), step):
        chunk = ids[a:a + step]
        batch.set_batch(batch=chunk, n_past=n_past + a, logits_all=all_logits)
        try:
            llm._ctx.decode(batch)
        except RuntimeError as e:
            raise BackendError(f"llama.cpp could not evaluate {len(chunk)} tokens: {e}") from e
        n = len(chunk) if all_logits else 1
        if all_logits or a + step >= len(ids):
            got = np.ctypeslib.as_array(llm._ctx.get_logits(), shape=(n * n_vocab,))
            rows.append(got.reshape(n, n_vocab).astype(np.float32, copy=True))
    return np.concatenate(rows) if len(rows) > 1 else rows[0]


def _stack(first: Any, more: Any) -> Any:
    import numpy as np

    return np.concatenate([first, more])


def _record(llm: Any, text: str, ids: list[int], rows: Any) -> TokenLogprobs:
    """Pick each token's log-probability from the log-softmax of the row before it, and the
    character offset where each token starts (from the bytes of the pieces before it)."""
    import numpy as np

    if not ids:
        return TokenLogprobs(tokens=(), logprobs=(), offsets=())
    rows = rows[: len(ids)]
    top = rows.max(axis=1, keepdims=True)
    norm = top[:, 0] + np.log(np.exp(rows - top).sum(axis=1))
    picked = rows[np.arange(len(ids)), ids] - norm
    offsets, done = [], b""
    for t in ids:
        offsets.append(min(len(done.decode("utf-8", "ignore")), len(text)))
        done += llm.detokenize([t], special=False)
    offsets[0] = 0
    ends = offsets[1:] + [len(text)]
    return TokenLogprobs(tokens=tuple(text[a:b] for a, b in zip(offsets, ends)),
                         logprobs=tuple(float(x) for x in picked), offsets=tuple(offsets))
