"""Any causal LM that transformers can load, GGUF files included: the default backend for hub ids,
model folders, a ``device``/``dtype`` option, and GGUF files when llama-cpp-python is not
installed (``backends.default_backend``).

Weights load on the first ``generate`` or ``logprobs`` call and are shared by every backend
object for the same model, device and dtype in one process. Decoding is greedy at ``temperature=0`` and seeded
otherwise, so the same messages give the same text for a given model and settings.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import threading
from functools import lru_cache
from typing import Any, Iterator, Sequence

from .._errors import BackendError
from .._models import ModelSource, resolve_model
from .base import Generation, Message, TokenLogprobs, check_fits, check_requests, group_by_context

__all__ = ["TransformersBackend", "pick_device", "LoopStop"]


_load_lock = threading.Lock()
_generate_lock = threading.Lock()
#: (model, prefix token ids) -> KV cache of that prefix: a prompt template's shared part is
#: evaluated once per process.
_prefix_caches: dict[tuple[int, tuple[int, ...]], Any] = {}


class LoopStop:
    """Stops each row of a generation at a stop string, at its own token budget, or once its
    text starts repeating itself (a small model's usual failure: the last 48 characters already
    occur earlier in the generated text). Done on decoded text rather than with transformers'
    ``stop_strings``, which needs a byte-level tokenizer.
    """

    def __init__(self, tokenizer: Any, n_prompt: int, stop: Sequence[str] = (), every: int = 8,
                 budgets: Sequence[int] | None = None) -> None:
        self.tokenizer, self.n_prompt, self.every = tokenizer, n_prompt, every
        self.stop = [s for s in stop if s]
        self.budgets = list(budgets) if budgets is not None else None
        self.looped: list[bool] = [False] * (len(self.budgets) if self.budgets else 1)

    def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
        import torch

        rows = input_ids.shape[0]
        if len(self.looped) < rows:
            self.looped += [False] * (rows - len(self.looped))
        done = []
        for r in range(rows):
            new = input_ids[r, self.n_prompt:]
            d = self.budgets is not None and len(new) >= self.budgets[r]
            if not d and (self.stop or (len(new) >= 24 and len(new) % self.every == 0)):
                text = self.tokenizer.decode(new, skip_special_tokens=True)
                if any(s in text for s in self.stop):
                    d = True
                elif len(new) >= 24 and len(text) > 96 and text[-48:] in text[:-48]:
                    self.looped[r] = d = True
            done.append(d)
        return torch.tensor(done, dtype=torch.bool, device=input_ids.device)


def pick_device() -> str:
    """``cuda`` when a CUDA GPU is visible, else ``mps`` on Apple silicon, else ``cpu``."""
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


@contextlib.contextmanager
def _no_conversion_bar() -> Iterator[None]:
    """transformers converts a GGUF with a bare ``tqdm`` bar that ``disable_progress_bar`` does
    not reach: silence that one bar while loading (the CLI's output is the summary)."""
    try:
        import transformers.modeling_gguf_pytorch_utils as gguf_utils
    except ImportError:  # no gguf support installed: no bar either
        yield
        return
    bar = gguf_utils.tqdm
    gguf_utils.tqdm = functools.partial(bar, disable=True)
    try:
        yield
    finally:
        gguf_utils.tqdm = bar


@lru_cache(maxsize=4)
def _load(path: str, gguf_file: str | None, device: str, dtype: str) -> tuple[Any, Any]:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # the CLI's output is the summary, not loading bars
    kwargs: dict[str, Any] = {}
    if gguf_file:
        kwargs["gguf_file"] = gguf_file
    try:
        tok = AutoTokenizer.from_pretrained(path, **kwargs)
        torch_dtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
        with _no_conversion_bar():
            model = AutoModelForCausalLM.from_pretrained(path, dtype=torch_dtype, **kwargs)
    except (OSError, ValueError) as e:
        where = f"{path}/{gguf_file}" if gguf_file else path
        raise BackendError(
            f"transformers could not load the model at {where!r}: {e}. If this is a hub id, the "
            "weights must already be in the local Hugging Face cache when offline "
            "(HF_HUB_OFFLINE=1); download them where the hub is reachable, or pass a local folder "
            "or .gguf path."
        ) from e
    model.to(device)
    model.eval()
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    return tok, model


class TransformersBackend:
    """A local model run with transformers (CPU, CUDA or MPS, chosen automatically)."""

    name = "transformers"

    def __init__(
        self,
        model: str | ModelSource,
        *,
        device: str | None = None,
        dtype: str | None = None,
        context_length: int | None = None,
    ) -> None:
        self.source = model if isinstance(model, ModelSource) else resolve_model(model)
        self.model_id = self.source.name
        self.revision: str | None = self.source.gguf_file
        self.device = device
        if dtype not in (None, "float32", "bfloat16", "float16"):
            raise BackendError(f"dtype must be float32, bfloat16 or float16, got {dtype!r}")
        self.dtype = dtype
        self.context_length = int(context_length or self.source.context_length)

    # -- lazy loading -------------------------------------------------------------------------
    def _loaded(self) -> tuple[Any, Any]:
        with _load_lock:
            device = self.device or pick_device()
            # fp32 on CPU: bf16 matmuls are slow on CPUs without AMX and change greedy outputs.
            dtype = self.dtype or ("float32" if device == "cpu" else "bfloat16")
            self.device, self.dtype = device, dtype
            return _load(self.source.path, self.source.gguf_file, device, dtype)

    def logprobs(self, requests: Sequence[tuple[str, str]]) -> list[TokenLogprobs]:
        """The :class:`~summarise.backends.base.Scorer` method: one forward pass over each
        distinct context (after the start-of-text token, or end-of-text when the tokenizer has
        none), kept in the KV cache, then one over each continuation, the cache cropped back to
        the context after it."""
        import torch
        from transformers import DynamicCache

        check_requests(requests)
        tok, model = self._loaded()
        start = tok.bos_token_id if tok.bos_token_id is not None else tok.eos_token_id
        results: list[TokenLogprobs | None] = [None] * len(requests)
        with _generate_lock, torch.inference_mode():
            for context, indexes in group_by_context(requests).items():
                pre = ([start] if start is not None else []) + list(tok(context, add_special_tokens=False)["input_ids"])
                if not pre:
                    raise BackendError(f"{self.model_id!r} has neither a start- nor an end-of-text token: give a non-empty context")
                cache = DynamicCache(config=model.config)
                out = model(input_ids=torch.tensor([pre], device=model.device), cache=cache, use_cache=True)
                first = out.logits[0, -1:].float().log_softmax(-1)
                for i in indexes:
                    text = requests[i][1]
                    ids, offsets = self._pieces(tok, text)
                    check_fits(self.model_id, len(pre), len(ids), self.context_length)
                    rows = first
                    if len(ids) > 1:
                        more = model(input_ids=torch.tensor([ids[:-1]], device=model.device), cache=cache, use_cache=True)
                        cache.crop(-(len(ids) - 1))  # back to the context alone
                        rows = torch.cat([first, more.logits[0].float().log_softmax(-1)])
                    picked = rows[torch.arange(len(ids)), torch.tensor(ids, dtype=torch.long)] if ids else rows[:0, 0]
                    results[i] = TokenLogprobs(
                        tokens=tuple(text[a:b] for a, b in zip(offsets, list(offsets[1:]) + [len(text)])),
                        logprobs=tuple(float(x) for x in picked), offsets=tuple(offsets))
        return [r for r in results if r is not None]

    @staticmethod
    def _pieces(tok: Any, text: str) -> tuple[list[int], list[int]]:
        """Token ids of ``text`` alone and the character offset where each starts (from the fast
        tokenizer's offset mapping, else from decoding growing prefixes)."""
        if not text:
            return [], []
        try:
            enc = tok(text, add_special_tokens=False, return_offsets_mapping=True)
            ids, spans = list(enc["input_ids"]), [a for a, _ in enc["offset_mapping"]]
        except (NotImplementedError, ValueError, KeyError):
            ids = list(tok(text, add_special_tokens=False)["input_ids"])
            spans = [len(tok.decode(ids[:k])) for k in range(len(ids))]
        spans = [min(max(0, a), len(text)) for a in spans]
        if spans:
            spans[0] = 0  # a leading space belongs to the first token, whatever the mapping says
        for k in range(1, len(spans)):
            spans[k] = max(spans[k], spans[k - 1])
        return ids, spans

    def _chat_ids(self, tok: Any, messages: Sequence[Message], generation_prompt: bool = True) -> list[int]:
        try:
            enc = tok.apply_chat_template(list(messages), add_generation_prompt=generation_prompt, tokenize=True,
                                          return_dict=True)
        except Exception as e:  # a tokenizer without a chat template
            raise BackendError(
                f"The tokenizer of {self.model_id!r} has no usable chat template ({e}); use an "
                "instruction-tuned model or set tokenizer.chat_template"
            ) from e
        return list(enc["input_ids"])

    def _prefix(self, tok: Any, model: Any, messages: Sequence[Message], ids: list[int]) -> tuple[int, Any]:
        """The KV cache of the prompt's shared prefix (every message but the last: the system
        turn and worked examples), computed once per process; ``(0, None)`` when there is none."""
        import torch

        if len(messages) < 2:
            return 0, None
        pre = self._chat_ids(tok, messages[:-1], generation_prompt=False)
        if len(pre) < 16 or len(pre) >= len(ids) or ids[: len(pre)] != pre:
            return 0, None
        key = (id(model), tuple(pre))
        with _load_lock:
            cache = _prefix_caches.get(key)
            if cache is None:
                from transformers import DynamicCache

                cache = DynamicCache(config=model.config)
                with torch.inference_mode():
                    model(input_ids=torch.tensor([pre], device=model.device), cache=cache, use_cache=True)
                _prefix_caches[key] = cache
                while len(_prefix_caches) > 4:
                    _prefix_caches.pop(next(iter(_prefix_caches)))
        return len(pre), cache

    def generate(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> Generation:
        return self.generate_many([messages], max_tokens=max_tokens, temperature=temperature, seed=seed, stop=stop)[0]

    def generate_many(
        self,
        batch: Sequence[Sequence[Message]],
        *,
        max_tokens: int | Sequence[int] = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> list[Generation]:
        """Answer independent prompts in one batched ``generate`` (``max_tokens`` one per prompt
        or shared). Rows that share a prompt prefix start from its cached KV, with the padding
        between prefix and suffix masked out; under greedy decoding each row's text equals the
        unbatched answer up to floating-point ties (``bench/`` counts them)."""
        import torch

        tok, model = self._loaded()
        budgets = [int(max_tokens)] * len(batch) if isinstance(max_tokens, int) else [int(b) for b in max_tokens]
        rows = [self._chat_ids(tok, m) for m in batch]
        for ids, b in zip(rows, budgets):
            check_fits(self.model_id, len(ids), b, self.context_length, generating=True)
        prefixes = [self._prefix(tok, model, m, ids) for m, ids in zip(batch, rows)]
        n_pre, cache = prefixes[0]
        if any(c is not cache or n != n_pre for n, c in prefixes):
            n_pre, cache = 0, None  # different templates in one batch: no shared prefix
        width = max(len(ids) for ids in rows)
        pad = tok.pad_token_id
        # prefix | padding | rest: the padding sits where the prefix's cache ends, masked out;
        # positions come from the mask, so every row continues the prefix at the same place
        input_ids = torch.tensor([ids[:n_pre] + [pad] * (width - len(ids)) + ids[n_pre:] for ids in rows], device=model.device)
        attention = torch.tensor([[1] * n_pre + [0] * (width - len(ids)) + [1] * (len(ids) - n_pre) for ids in rows],
                                 device=model.device)
        gen_kwargs: dict[str, Any] = {"max_new_tokens": max(budgets), "pad_token_id": pad, "attention_mask": attention}
        if cache is not None:
            past = copy.deepcopy(cache)
            if len(rows) > 1:
                past.batch_repeat_interleave(len(rows))
            gen_kwargs["cache"] = past
        if temperature > 0:
            torch.manual_seed(seed)
            gen_kwargs.update(do_sample=True, temperature=temperature, top_p=0.95)
        else:
            gen_kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        from transformers import StoppingCriteriaList

        loop = LoopStop(tok, width, stop, budgets=budgets)
        gen_kwargs["stopping_criteria"] = StoppingCriteriaList([loop])
        # one generation at a time per process: batch threads share the weights, and torch's
        # CPU kernels already use every core
        with _generate_lock, torch.inference_mode():
            out = model.generate(input_ids, **gen_kwargs)
        gens = []
        for r, ids in enumerate(rows):
            new = out[r, width:][: budgets[r]]
            new = new[new != pad] if pad != tok.eos_token_id else _until_eos(new, tok.eos_token_id)
            text = tok.decode(new, skip_special_tokens=True)
            finish = "loop" if loop.looped[r] else ("length" if len(new) >= budgets[r] else "stop")
            for s in stop:
                if s and s in text:
                    text = text[: text.index(s)]
                    finish = "stop"
            gens.append(Generation(text=text, prompt_tokens=len(ids), completion_tokens=int(len(new)),
                                   finish_reason=finish, cached_tokens=n_pre))
        return gens


def _until_eos(new: Any, eos: int) -> Any:
    """The generated tokens up to and including the first end-of-sequence (the rest is padding
    when pad and eos are the same token)."""
    hits = (new == eos).nonzero()
    return new[: int(hits[0]) + 1] if len(hits) else new
