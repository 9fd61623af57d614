"""The BABE study's arithmetic and data: precision/recall/F1 over word tokens and sentences,
bootstrap intervals, and the readers of BABE and of the two baseline lexicons (:mod:`.babe` runs
the study)."""

from __future__ import annotations

import ast
import csv
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from ..._paths import repo_root

__all__ = ["FUNCTION_WORDS", "bootstrap_f1", "file_sha", "lexicon_path", "load_babe", "load_lexicon", "load_mpqa",
           "lookup", "prf", "sentence_counts", "word_counts", "word_tokens"]

_TOKEN = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
#: English function words: BABE's annotators sometimes mark an idiom word by word ("bang the
#: drum"), so the word level is also reported with these dropped on both sides.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "over",
    "under", "up", "down", "out", "off", "about", "as", "and", "or", "but", "nor", "so", "if", "than",
    "then", "that", "this", "these", "those", "it", "its", "he", "she", "they", "them", "his", "her",
    "their", "we", "us", "our", "you", "your", "i", "me", "my", "is", "are", "was", "were", "be",
    "been", "being", "am", "do", "does", "did", "has", "have", "had", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "not", "no"
})

# --------------------------------------------------------------------------- arithmetic

def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts (0 where undefined).

    >>> prf(2, 1, 1)["f1"]
    0.6667
    >>> prf(0, 0, 3)
    {'tp': 0, 'fp': 0, 'fn': 3, 'precision': 0.0, 'recall': 0.0, 'f1': 0.0}
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def word_tokens(terms: Iterable[str]) -> set[str]:
    """The matching units of a list of words or phrases: lower-cased word tokens.

    >>> sorted(word_tokens(["Slammed", "a show of strength", "far-left", "Trump’s"]))
    ['a', 'far-left', 'of', 'show', 'slammed', 'strength', "trump's"]
    """
    out: set[str] = set()
    for t in terms:
        out.update(_TOKEN.findall(str(t).lower().replace("\u2019", "'").replace("\u2018", "'")))
    return out


def word_counts(predicted: Iterable[str], gold: Iterable[str], *, content_only: bool = False) -> tuple[int, int, int]:
    """(tp, fp, fn) of one sentence: the predicted terms' tokens against the gold words' tokens
    (``content_only``: function words dropped on both sides).

    >>> word_counts(["slammed", "radical left"], ["radical", "slammed", "extremists"])
    (2, 1, 1)
    >>> word_counts(["bang the drum"], ["bang", "the", "drum"]), word_counts(["a disgrace"], ["disgrace", "the"], content_only=True)
    ((3, 0, 0), (1, 0, 0))
    """
    p, g = word_tokens(predicted), word_tokens(gold)
    if content_only:
        p, g = p - FUNCTION_WORDS, g - FUNCTION_WORDS
    return len(p & g), len(p - g), len(g - p)


def sentence_counts(pred: list[bool], gold: list[bool]) -> dict[str, Any]:
    tp = sum(1 for p, g in zip(pred, gold) if p and g)
    fp = sum(1 for p, g in zip(pred, gold) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold) if not p and g)
    tn = len(gold) - tp - fp - fn
    pos = prf(tp, fp, fn)
    neg = prf(tn, fn, fp)
    out = dict(pos)
    out["tn"] = tn
    out["accuracy"] = round((tp + tn) / len(gold), 4) if gold else 0.0
    out["macro_f1"] = round((pos["f1"] + neg["f1"]) / 2, 4)
    out["predicted_biased_rate"] = round(sum(pred) / len(pred), 4) if pred else 0.0
    return out


def bootstrap_f1(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, *, resamples: int, seed: int) -> list[float]:
    """95% percentile interval of micro F1, resampling sentences."""
    if len(tp) == 0 or resamples <= 0:
        return [0.0, 0.0]
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(tp), size=(resamples, len(tp)))
    t, p, n = tp[idx].sum(1), fp[idx].sum(1), fn[idx].sum(1)
    denom = 2 * t + p + n
    f1 = np.where(denom > 0, 2 * t / np.maximum(denom, 1), 0.0)
    lo, hi = np.percentile(f1, [2.5, 97.5])
    return [round(float(lo), 4), round(float(hi), 4)]


# --------------------------------------------------------------------------- data

def load_babe(path: Path) -> list[dict[str, Any]]:
    """Rows of a BABE ``final_labels_SG*.csv``: text, outlet, label and the biased words (a list)."""
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row, r in enumerate(csv.DictReader(fh, delimiter=";"), start=2):  # row 1: the header
            raw = (r.get("biased_words") or "").strip()
            try:
                words = ast.literal_eval(raw) if raw else []
            except (ValueError, SyntaxError):
                words = [w.strip(" '\"") for w in raw.strip("[]").split(",") if w.strip(" '\"")]
            rows.append({"row": row, "text": r["text"], "outlet": r.get("outlet", ""), "type": r.get("type", ""),
                         "label": r["label_bias"].strip(), "words": [str(w) for w in words]})
    return rows


def load_lexicon(path: Path) -> frozenset[str]:
    """A one-entry-a-line word list (lower-cased; ``#`` comments and blank lines skipped)."""
    out = set()
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line)
    return frozenset(out)


def load_mpqa(path: Path, kind: str = "strongsubj") -> tuple[frozenset[str], frozenset[str]]:
    """MPQA subjectivity clues of type ``kind``: (all words, the words marked ``stemmed1=y``)."""
    words, stemmed = set(), set()
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        fields = dict(p.split("=", 1) for p in line.split() if "=" in p)
        if fields.get("type") != kind or "word1" not in fields:
            continue
        w = fields["word1"].lower()
        words.add(w)
        if fields.get("stemmed1") == "y":
            stemmed.add(w)
    return frozenset(words), frozenset(stemmed)


def lookup(doc: Any, forms: frozenset[str], lemmas: frozenset[str]) -> list[str]:
    """Tokens of ``doc`` whose lower-cased form is in ``forms`` or whose lemma is in ``lemmas``."""
    return [t.text for t in doc if not (t.is_punct or t.is_space)
            and (t.lower_ in forms or t.lemma_.lower() in lemmas)]


def file_sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def lexicon_path(config: dict[str, Any], key: str, data: Path) -> Path:
    """A lexicon path: resolved by the framework (``resolved_paths``), else relative to the
    repository root or to the data folder's parent."""
    resolved = (config.get("resolved_paths") or {}).get(key)
    if resolved:
        return Path(resolved)
    raw = Path(str((config.get("paths") or {})[key]))
    if raw.is_absolute():
        return raw
    root = repo_root()
    for cand in ([root / raw] if root else []) + [data / raw, data.parent / raw.name]:
        if cand.exists():
            return cand.resolve()
    raise FileNotFoundError(f"babe: lexicon {key!r} not found at {raw}")
