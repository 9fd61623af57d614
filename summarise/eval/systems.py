"""The systems the harness compares. A system is a callable ``text -> prediction dict`` (the
``Summary.to_dict()`` form) plus what identifies it in the prediction cache.

- ``pipeline``: :func:`summarise.summarise` with the given model (``none``: no model at all).
- ``lead-3``: the first three sentences (spaCy), each also a claim by ``the article``, kind
  ``fact``, wording ``rule``, evidence its own span. The extractive baseline.
- ``naive-prompt``: the model asked directly (``prompts/naive_summary.txt``), no grounding and
  no verification; its sentences become claims as for lead-3 (wording ``model``, no evidence).
  What the pipeline adds over it is what the comparison measures.
- ``article-voice``: every sentence a claim by ``the article`` (the attribution baseline that
  attributes nothing).
- ``nearest-source``: every sentence a claim, its source the nearest person or organisation
  named before the sentence's end (spaCy entities), else ``the article``; kind ``statement``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .._errors import InputError
from .._prompts import load_prompt, neutralise_text, prompt_dir, prompt_hashes
from .._version import __version__
from ._text import sentence_spans
from .._types import ARTICLE_SOURCE as ARTICLE

__all__ = ["MODEL_FREE_SYSTEMS", "System", "SYSTEMS", "article_voice_prediction", "build_system", "lead3_prediction", "naive_prediction",
           "nearest_source_prediction"]

#: System names the CLI accepts.
SYSTEMS = ("pipeline", "lead-3", "naive-prompt", "article-voice", "nearest-source")
#: Systems that never use a model.
MODEL_FREE_SYSTEMS = ("lead-3", "article-voice", "nearest-source")


@dataclass
class System:
    """A system under evaluation."""

    name: str
    """``pipeline``, ``lead-3``, ``naive-prompt``, or any name a caller gives its own system."""
    predict: Callable[[str], dict[str, Any]]
    """Article text -> prediction (``Summary.to_dict()`` form)."""
    model: str | None = None
    """Model as the user named it (``None`` when no model is used)."""
    backend: str | None = None
    """Backend name (``transformers``, ``openai``...)."""
    prompts: dict[str, str] = field(default_factory=dict)
    """Prompt name -> sha256 of every prompt file the system may use (part of the cache key)."""
    backend_object: Any = None
    """The loaded backend, for its revision once weights are loaded."""

    @property
    def revision(self) -> str | None:
        return getattr(self.backend_object, "revision", None)


def _provenance(model: str | None, backend: str, prompts: dict[str, str], seconds: float,
                tokens: tuple[int, int] = (0, 0), calls: int = 0, revision: str | None = None,
                settings: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "model": model or "none", "revision": revision, "backend": backend, "prompts": prompts,
        "package_version": __version__, "seconds": {"total": seconds},
        "tokens": {"prompt": tokens[0], "completion": tokens[1]}, "model_calls": calls,
        "settings": settings or {},
    }


def _sentences_as_claims(text: str, spans: list[tuple[int, int]], wording: str, with_evidence: bool) -> dict[str, Any]:
    claims, sentences = [], []
    for i, (start, end) in enumerate(spans, start=1):
        sentence = text[start:end]
        evidence = [{"start": start, "end": end, "text": sentence}] if with_evidence else []
        claims.append({"id": f"c{i}", "text": sentence, "source": ARTICLE, "kind": "fact",
                       "evidence": evidence, "wording": wording, "cue": ""})
        sentences.append({"text": sentence, "claims": [f"c{i}"], "wording": wording})
    return {"summary": " ".join(s["text"] for s in sentences), "sentences": sentences, "claims": claims,
            "loaded_terms": [], "inconsistencies": [], "warnings": []}


def lead3_prediction(text: str) -> dict[str, Any]:
    """The lead-3 baseline on one article.

    >>> p = lead3_prediction("Troops massed. Talks failed. Markets fell. Rain came.")
    >>> p["summary"], p["claims"][1]["evidence"][0]["start"], p["claims"][1]["wording"]
    ('Troops massed. Talks failed. Markets fell.', 15, 'rule')
    """
    sentence_spans("")  # load spaCy outside the timed part: the baseline's cost is the split
    t0 = time.perf_counter()
    prediction = _sentences_as_claims(text, sentence_spans(text)[:3], "rule", with_evidence=True)
    prediction["provenance"] = _provenance(None, "none", {}, time.perf_counter() - t0)
    return prediction


def article_voice_prediction(text: str) -> dict[str, Any]:
    """Every sentence a claim in the article's own voice.

    >>> [c["source"] for c in article_voice_prediction("Troops massed. Talks failed.")["claims"]]
    ['the article', 'the article']
    """
    sentence_spans("")
    t0 = time.perf_counter()
    prediction = _sentences_as_claims(text, sentence_spans(text), "rule", with_evidence=True)
    prediction["provenance"] = _provenance(None, "none", {}, time.perf_counter() - t0)
    return prediction


def nearest_source_prediction(text: str) -> dict[str, Any]:
    """Every sentence a claim whose source is the nearest person or organisation named before the
    sentence's end.

    >>> p = nearest_source_prediction("The weather was fine. Anna Berg said prices rose. Rain came later.")
    >>> [c["source"] for c in p["claims"]]
    ['the article', 'Anna Berg', 'Anna Berg']
    """
    from .._nlp import nlp

    nlp("")
    t0 = time.perf_counter()
    doc = nlp(text)
    ents = [(e.end_char, e.text) for e in doc.ents if e.label_ in ("PERSON", "ORG")]
    spans = sentence_spans(text)
    prediction = _sentences_as_claims(text, spans, "rule", with_evidence=True)
    for claim, (start, end) in zip(prediction["claims"], spans):
        before = [name for e, name in ents if e <= end]
        if before:
            claim["source"], claim["kind"] = before[-1], "statement"
    prediction["provenance"] = _provenance(None, "none", {}, time.perf_counter() - t0)
    return prediction


def naive_prediction(text: str, backend: Any, *, max_words: int = 120, seed: int = 0,
                     generation: dict[str, Any] | None = None, prompts: Any = None) -> dict[str, Any]:
    """The naive-prompt baseline: the model asked once, its answer taken as it is.

    >>> from summarise.backends import FakeBackend
    >>> p = naive_prediction("Troops massed at the border.", FakeBackend(["Troops gathered. Talks failed."]))
    >>> [c["text"] for c in p["claims"]], p["claims"][0]["wording"], p["claims"][0]["evidence"]
    (['Troops gathered.', 'Talks failed.'], 'model', [])
    """
    generation = generation or {}
    prompt = load_prompt("naive_summary", prompts)
    messages = prompt.render(article=neutralise_text(text), max_words=str(max_words))
    t0 = time.perf_counter()
    # About 1.3 tokens per English word, plus room to finish the last sentence.
    temperature = generation.get("temperature", 0.0)
    gen = backend.generate(messages, max_tokens=generation.get("max_tokens") or int(max_words * 1.6) + 16,
                           temperature=temperature, seed=seed)
    summary = gen.text.strip()
    prediction = _sentences_as_claims(summary, sentence_spans(summary) if summary else [], "model", with_evidence=False)
    prediction["provenance"] = _provenance(
        getattr(backend, "model_id", None), getattr(backend, "name", "unknown"), {prompt.name: prompt.sha256},
        time.perf_counter() - t0, (gen.prompt_tokens, gen.completion_tokens), 1,
        getattr(backend, "revision", None), {"max_words": max_words, "seed": seed, "temperature": temperature,
                                             **{k: v for k, v in generation.items() if k != "temperature"}},
    )
    return prediction


def _pipeline_prompts(folder: Any = None) -> dict[str, str]:
    # Every prompt file but the baseline's: the pipeline may use any of them, and a change to
    # any must invalidate its stored predictions.
    return prompt_hashes([p.stem for p in sorted(prompt_dir().glob("*.txt")) if p.stem != "naive_summary"], folder)


def build_system(
    name: str,
    *,
    model: str | None,
    backend: str | None = None,
    base_url: str | None = None,
    max_words: int = 120,
    seed: int = 0,
    generation: dict[str, Any] | None = None,
    prompts: Any = None,
) -> System:
    """The named system, its backend created (weights load lazily, on the first article).
    ``generation`` (checked options of every model call) and ``prompts`` (a checked prompt
    folder) are for the systems that ask a model."""
    if name == "lead-3":
        return System("lead-3", lead3_prediction)
    if name == "article-voice":
        return System(name, article_voice_prediction)
    if name == "nearest-source":
        return System(name, nearest_source_prediction)
    if name not in SYSTEMS:
        import difflib

        close = difflib.get_close_matches(name, SYSTEMS, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise InputError(f"Unknown system {name!r}.{hint} Available: {', '.join(SYSTEMS)}.")
    from ..backends import load_backend

    no_model = model is None or model.lower() == "none"
    if no_model and name == "naive-prompt":
        raise InputError("The naive-prompt system asks a model: give --model (e.g. smollm2-135m).")
    options = {"base_url": base_url} if base_url else {}
    be = None if no_model else load_backend(model, backend=backend, **options)  # type: ignore[arg-type]
    backend_name = "none" if be is None else getattr(be, "name", backend or "transformers")
    if name == "naive-prompt":
        return System(name, lambda text: naive_prediction(text, be, max_words=max_words, seed=seed, generation=generation, prompts=prompts),
                      model, backend_name, prompt_hashes(["naive_summary"], prompts), be)

    def pipeline(text: str) -> dict[str, Any]:
        from .. import summarise

        return summarise(text, model=be, max_words=max_words, seed=seed, generation=generation, prompts=prompts).to_dict()

    return System(name, pipeline, "none" if no_model else model, backend_name, _pipeline_prompts(prompts), be)
