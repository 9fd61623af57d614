"""The default backend: any causal LM that transformers can load, GGUF files included.

Weights load on the first ``generate`` and are shared by every backend object for the same
model, device and dtype in one process. Decoding is greedy at ``temperature=0`` and seeded
otherwise, so the same messages give the same text for a given model and settings.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, Sequence

from .._errors import BackendError
from .._models import ModelSource, resolve_model
from .base import Generation, Message

__all__ = ["TransformersBackend", "pick_device", "LoopStop"]


_load_lock = threading.Lock()
_generate_lock = threading.Lock()


class LoopStop:
    """Stops generation at a stop string, or once the text starts repeating itself (a small
    model's usual failure: the last 48 characters already occur earlier in the generated text).

    Done on decoded text rather than with transformers' ``stop_strings``, which needs a
    byte-level tokenizer.
    """

    def __init__(self, tokenizer: Any, n_prompt: int, stop: Sequence[str] = (), every: int = 8) -> None:
        self.tokenizer, self.n_prompt, self.every = tokenizer, n_prompt, every
        self.stop = [s for s in stop if s]
        self.looped = False

    def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
        import torch

        new = input_ids[0, self.n_prompt:]
        done = False
        if self.stop or (len(new) >= 24 and len(new) % self.every == 0):
            text = self.tokenizer.decode(new, skip_special_tokens=True)
            if any(s in text for s in self.stop):
                done = True
            elif len(new) >= 24 and len(text) > 96 and text[-48:] in text[:-48]:
                self.looped = done = True
        return torch.full((input_ids.shape[0],), done, dtype=torch.bool, device=input_ids.device)


def pick_device() -> str:
    """``cuda`` when a CUDA GPU is visible, else ``mps`` on Apple silicon, else ``cpu``."""
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


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

    def count_tokens(self, text: str) -> int:
        """Tokens in ``text`` with this model's tokenizer."""
        tok, _ = self._loaded()
        return len(tok(text, add_special_tokens=False)["input_ids"])

    def generate(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> Generation:
        import torch

        tok, model = self._loaded()
        try:
            ids = tok.apply_chat_template(list(messages), add_generation_prompt=True, return_tensors="pt", return_dict=True)
        except Exception as e:  # a tokenizer without a chat template
            raise BackendError(
                f"The tokenizer of {self.model_id!r} has no usable chat template ({e}); use an "
                "instruction-tuned model or set tokenizer.chat_template"
            ) from e
        input_ids = ids["input_ids"].to(model.device)
        attention = ids["attention_mask"].to(model.device)
        n_prompt = int(input_ids.shape[1])
        if n_prompt + max_tokens > self.context_length:
            raise BackendError(
                f"Prompt of {n_prompt} tokens plus {max_tokens} new tokens exceeds the context "
                f"length of {self.model_id!r} ({self.context_length}); shorten the input"
            )
        gen_kwargs: dict[str, Any] = {
            "max_new_tokens": max_tokens,
            "pad_token_id": tok.pad_token_id,
            "attention_mask": attention,
        }
        if temperature > 0:
            torch.manual_seed(seed)
            gen_kwargs.update(do_sample=True, temperature=temperature, top_p=0.95)
        else:
            gen_kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        from transformers import StoppingCriteriaList

        loop = LoopStop(tok, n_prompt, stop)
        gen_kwargs["stopping_criteria"] = StoppingCriteriaList([loop])
        # one generation at a time per process: batch threads share the weights, and torch's
        # CPU kernels already use every core
        with _generate_lock, torch.inference_mode():
            out = model.generate(input_ids, **gen_kwargs)
        new = out[0, n_prompt:]
        text = tok.decode(new, skip_special_tokens=True)
        finish = "loop" if loop.looped else ("length" if len(new) >= max_tokens else "stop")
        for s in stop:
            if s and s in text:
                text = text[: text.index(s)]
                finish = "stop"
        return Generation(text=text, prompt_tokens=n_prompt, completion_tokens=int(len(new)), finish_reason=finish)
