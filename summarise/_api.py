"""The public entry points: summarise, extract_claims, summarise_many."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterable, Iterator

from ._errors import InputError
from ._types import Claim, Summary
from .backends import Backend, load_backend

__all__ = ["summarise", "extract_claims", "summarise_many", "DEFAULT_MODEL"]

DEFAULT_MODEL = "smollm2-135m"


def _check_text(text: Any) -> str:
    if isinstance(text, (bytes, bytearray)):
        raise InputError(
            f"text must be a str, got {type(text).__name__} ({len(text)} bytes): decode it first, "
            "e.g. text.decode('utf-8')"
        )
    if not isinstance(text, str):
        raise InputError(
            f"text must be a str, got {type(text).__name__}: pass the article body as a string"
        )
    if not text.strip():
        raise InputError(
            f"text is empty or whitespace only ({len(text)} characters): pass the article body"
        )
    from ._suspicious import visible_text

    if not visible_text(text):
        raise InputError(
            f"text has no visible character ({len(text)} characters, all invisible: zero-width, bidi, control "
            "or white space): pass the article body"
        )
    return text


def _check_options(model: Any, seed: Any) -> None:
    if model is not None and not isinstance(model, str) and not callable(getattr(model, "generate", None)):
        raise InputError(
            f"model must be a model name (str), a Backend (an object with generate()) or None, got "
            f"{type(model).__name__} {model!r:.60}: pass e.g. model='smollm2-135m', or model=None for no model"
        )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputError(f"seed must be an int, got {type(seed).__name__} {seed!r:.60}: pass e.g. seed=0")


def _as_article(text: str, input_format: str | None) -> tuple[str, Any]:
    """The article text, extracted first when the input is HTML (``input_format`` ``"html"``,
    or ``None``/``"auto"`` and markup detected); the :class:`Extracted` record or ``None``."""
    from ._html import extract_html, looks_like_html

    if input_format not in (None, "auto", "text", "html"):
        raise InputError(f"input_format must be 'auto', 'text' or 'html', got {input_format!r}")
    if input_format == "html" or (input_format in (None, "auto") and looks_like_html(text)):
        extracted = extract_html(text)
        return _check_text(extracted.text), extracted
    return text, None


def _resolve_backend(model: str | Backend | None, backend: str | None, options: dict[str, Any]) -> Backend | None:
    if model is None:
        return None
    if not isinstance(model, str):
        return model
    return load_backend(model, backend=backend, **options)


def summarise(
    text: str,
    *,
    model: str | Backend | None = DEFAULT_MODEL,
    backend: str | None = None,
    max_words: int = 120,
    seed: int = 0,
    input_format: str | None = None,
    **backend_options: Any,
) -> Summary:
    """Summarise one news article neutrally and list its attributed claims.

    ``model`` is a registry name (``summarise models`` lists them), a hub id, a local model
    folder, a ``.gguf`` path, a ready :class:`~summarise.backends.Backend`, or ``None`` for the
    deterministic pipeline with no model at all (every wording ``rule``). ``backend`` picks the
    backend for a name (``transformers`` by default, ``openai`` for a server); further keyword
    arguments go to the backend (``device``, ``dtype``, ``base_url``...). ``input_format``:
    ``"html"`` extracts the article from a web page (trafilatura), ``"text"`` never does, and the
    default extracts when markup is detected; offsets then index ``Summary.extracted.text``.
    """
    from ._pipeline import run_pipeline

    text = _check_text(text)
    _check_options(model, seed)
    if not isinstance(max_words, int) or max_words < 20:
        raise InputError(f"max_words must be an int of at least 20, got {max_words!r}")
    text, extracted = _as_article(text, input_format)
    be = _resolve_backend(model, backend, backend_options)
    result = run_pipeline(text, be, max_words=max_words, seed=seed)
    if extracted is None:
        return result
    from dataclasses import replace

    note = f"HTML input: the article was extracted ({extracted.method}); offsets index Summary.extracted.text"
    if extracted.hidden_removed:
        note += f"; {extracted.hidden_removed} element(s) hidden from the reader were removed"
    return replace(result, extracted=extracted, warnings=result.warnings + (note,))


def extract_claims(
    text: str,
    *,
    model: str | Backend | None = DEFAULT_MODEL,
    backend: str | None = None,
    seed: int = 0,
    input_format: str | None = None,
    **backend_options: Any,
) -> tuple[Claim, ...]:
    """The attributed claims of one article (``Summary.claims`` without writing a summary)."""
    from ._pipeline import run_pipeline

    text = _check_text(text)
    _check_options(model, seed)
    text, _ = _as_article(text, input_format)
    be = _resolve_backend(model, backend, backend_options)
    return run_pipeline(text, be, max_words=120, seed=seed, write_summary=False).claims


def summarise_many(
    texts: Iterable[str],
    *,
    model: str | Backend | None = DEFAULT_MODEL,
    backend: str | None = None,
    concurrency: int = 1,
    max_words: int = 120,
    seed: int = 0,
    **backend_options: Any,
) -> Iterator[Summary]:
    """Summarise many articles, yielding one :class:`Summary` per text, in input order.

    The model is loaded once and shared. ``concurrency`` > 1 runs that many articles at once
    (useful against a server backend; a local model gains little). For corpora on disk with
    resumable output, use :func:`summarise.batch.summarise_corpus`.
    """
    if not isinstance(concurrency, int) or concurrency < 1:
        raise InputError(f"concurrency must be a positive int, got {concurrency!r}")
    _check_options(model, seed)
    be = _resolve_backend(model, backend, backend_options)

    def one(t: str) -> Summary:
        return summarise(t, model=be, max_words=max_words, seed=seed)

    if concurrency == 1:
        for t in texts:
            yield one(t)
        return
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        # map keeps input order and bounds nothing by itself: chunk the input to bound memory
        batch: list[str] = []
        for t in texts:
            batch.append(t)
            if len(batch) >= 4 * concurrency:
                yield from pool.map(one, batch)
                batch = []
        if batch:
            yield from pool.map(one, batch)
