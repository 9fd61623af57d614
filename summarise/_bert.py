"""A BERT encoder's forward pass in numpy, for the sentence embedder (inference only).

The same computation as ``transformers``' ``BertModel`` in eval mode (absolute positions, no
dropout, exact GELU), so that embedding a few sentences needs neither torch nor transformers:
importing them took longer than the whole rest of a no-model run. The sizes and the LayerNorm
epsilon come from the model's ``config.json``; the weights from its ``model.safetensors``.
Everything is float32, as in the reference.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["BertWeights", "load_bert", "bert_forward", "erf"]

# Rational approximation of erf on [-4, 4] (erf is ±1 in float32 beyond), the one XLA and Eigen
# use for float32. In float32 its error is at most 4.5e-7, and GELU computed with it is as close
# to the float64 GELU as torch's own float32 GELU (1.1e-6 at worst on [-8, 8]).
_ERF_NUMERATOR = (-2.72614225801306e-10, 2.77068142495902e-08, -2.10102402082508e-06,
                  -5.69250639462346e-05, -7.34990630326855e-04, -2.95459980854025e-03,
                  -1.60960333262415e-02)
_ERF_DENOMINATOR = (-1.45660718464996e-05, -2.13374055278905e-04, -1.68282697438203e-03,
                    -7.37332916720468e-03, -1.42647390514189e-02)


def erf(x: np.ndarray) -> np.ndarray:
    """The error function, element-wise, in the dtype of ``x``.

    >>> import math
    >>> xs = np.linspace(-6, 6, 1201, dtype=np.float32)
    >>> worst = max(abs(float(e) - math.erf(float(v))) for v, e in zip(xs, erf(xs)))
    >>> worst < 5e-7
    True
    """
    x = np.clip(x, -4.0, 4.0)
    x2 = x * x
    p = np.full_like(x, _ERF_NUMERATOR[0])
    for c in _ERF_NUMERATOR[1:]:
        p *= x2
        p += c
    q = np.full_like(x, _ERF_DENOMINATOR[0])
    for c in _ERF_DENOMINATOR[1:]:
        q *= x2
        q += c
    p *= x
    p /= q
    return p


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, ``x * Φ(x)`` (BERT's ``hidden_act: gelu``, not the tanh approximation)."""
    return 0.5 * x * (1.0 + erf(x * np.float32(1 / math.sqrt(2))))


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(eps)) * gamma + beta


@dataclass(frozen=True)
class _Layer:
    """One encoder layer; dense weights are stored transposed, ``(in, out)``, for ``x @ w``."""

    qkv_w: np.ndarray  #: query, key and value projections side by side, ``(hidden, 3 * hidden)``
    qkv_b: np.ndarray
    attn_out_w: np.ndarray
    attn_out_b: np.ndarray
    attn_ln: tuple[np.ndarray, np.ndarray]
    inter_w: np.ndarray
    inter_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    out_ln: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class BertWeights:
    """A BERT encoder's weights and the sizes from its config (the pooler is not used)."""

    word: np.ndarray  #: token embeddings, ``(vocab, hidden)``
    position: np.ndarray  #: absolute position embeddings, ``(max_positions, hidden)``
    token_type: np.ndarray  #: segment embeddings, ``(type_vocab, hidden)``
    embed_ln: tuple[np.ndarray, np.ndarray]
    layers: tuple[_Layer, ...]
    heads: int  #: ``num_attention_heads``
    eps: float  #: ``layer_norm_eps``

    @property
    def max_positions(self) -> int:
        return self.position.shape[0]


_SUPPORTED = {"model_type": "bert", "position_embedding_type": "absolute", "hidden_act": "gelu"}


def load_bert(folder: Path) -> BertWeights:
    """Read ``config.json`` and ``model.safetensors`` from a ``BertModel`` folder."""
    from safetensors.numpy import load_file

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    for key, value in _SUPPORTED.items():
        if config.get(key, value) != value:
            raise ValueError(f"{folder / 'config.json'}: {key}={config[key]!r}; the numpy encoder "
                             f"supports only {key}={value!r}")
    t = load_file(str(folder / "model.safetensors"))
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in t else ""

    def w(name: str) -> np.ndarray:
        return np.ascontiguousarray(t[prefix + name], dtype=np.float32)

    def ln(name: str) -> tuple[np.ndarray, np.ndarray]:
        return w(f"{name}.weight"), w(f"{name}.bias")

    layers = []
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        qkv = [f"{p}attention.self.{n}" for n in ("query", "key", "value")]
        layers.append(_Layer(
            qkv_w=np.ascontiguousarray(np.concatenate([w(f"{n}.weight") for n in qkv]).T),
            qkv_b=np.concatenate([w(f"{n}.bias") for n in qkv]),
            attn_out_w=np.ascontiguousarray(w(f"{p}attention.output.dense.weight").T),
            attn_out_b=w(f"{p}attention.output.dense.bias"),
            attn_ln=ln(f"{p}attention.output.LayerNorm"),
            inter_w=np.ascontiguousarray(w(f"{p}intermediate.dense.weight").T),
            inter_b=w(f"{p}intermediate.dense.bias"),
            out_w=np.ascontiguousarray(w(f"{p}output.dense.weight").T),
            out_b=w(f"{p}output.dense.bias"),
            out_ln=ln(f"{p}output.LayerNorm"),
        ))
    weights = BertWeights(
        word=w("embeddings.word_embeddings.weight"),
        position=w("embeddings.position_embeddings.weight"),
        token_type=w("embeddings.token_type_embeddings.weight"),
        embed_ln=ln("embeddings.LayerNorm"),
        layers=tuple(layers),
        heads=config["num_attention_heads"],
        eps=config["layer_norm_eps"],
    )
    hidden = config["hidden_size"]
    if weights.word.shape[1] != hidden or hidden % weights.heads:
        raise ValueError(f"{folder}: hidden_size {hidden} does not fit the weights "
                         f"{weights.word.shape} or {weights.heads} heads")
    return weights


def bert_forward(weights: BertWeights, ids: np.ndarray, type_ids: np.ndarray,
                 mask: np.ndarray) -> np.ndarray:
    """The last hidden state, ``(batch, length, hidden)`` float32, of ``(batch, length)`` inputs.

    ``mask`` is 1 for real tokens and 0 for padding: no token attends to padding. Only real
    tokens go through the dense layers (all but attention work token by token), so padding
    costs nothing there: one article's claims are about half padding. The hidden state of a
    padded position is 0, not what transformers computes for it; mean pooling never reads it.
    """
    batch, length = ids.shape
    if length > weights.max_positions:
        raise ValueError(f"{length} tokens; the model has {weights.max_positions} positions")
    real = mask.astype(bool)
    rows, positions = np.nonzero(real)  # the real tokens, packed: (n,) each
    flat = rows * length + positions  # their places in the padded (batch * length) layout
    x = weights.word[ids[real]] + weights.position[positions] + weights.token_type[type_ids[real]]
    x = _layer_norm(x, *weights.embed_ln, weights.eps)  # (n, hidden)
    hidden = x.shape[-1]
    heads, size = weights.heads, hidden // weights.heads
    # Added to the scores of padded keys, as transformers does: their softmax weight is 0.
    key_bias = np.where(real, np.float32(0), np.finfo(np.float32).min)[:, None, None, :]
    scale = np.float32(1 / math.sqrt(size))
    padded = np.zeros((batch * length, 3 * hidden), dtype=np.float32)
    for layer in weights.layers:
        padded[flat] = x @ layer.qkv_w + layer.qkv_b
        qkv = padded.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]  # each (batch, heads, length, size)
        scores = (q * scale) @ k.transpose(0, 1, 3, 2) + key_bias
        scores -= scores.max(-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)[flat]
        x = _layer_norm(context @ layer.attn_out_w + layer.attn_out_b + x, *layer.attn_ln,
                        weights.eps)
        inner = _gelu(x @ layer.inter_w + layer.inter_b)
        x = _layer_norm(inner @ layer.out_w + layer.out_b + x, *layer.out_ln, weights.eps)
    out = np.zeros((batch * length, hidden), dtype=np.float32)
    out[flat] = x
    return out.reshape(batch, length, hidden)
