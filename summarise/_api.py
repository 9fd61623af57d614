"""The public entry points: summarise, extract_claims, summarise_many."""

from __future__ import annotations

import difflib
import importlib
import inspect
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
    return text


#: Backend name -> (module, class) whose constructor's keyword arguments are the options accepted.
_BACKEND_CLASSES = {
    "transformers": ("summarise.backends.transformers", "TransformersBackend"),
    "llamacpp": ("summarise.backends.llamacpp", "LlamaCppBackend"),
    "openai": ("summarise.backends.openai", "OpenAIBackend"),
    "fake": ("summarise.backends.fake", "FakeBackend"),
}


def _backend_option_names(backend: str | None) -> tuple[str, ...]:
    """The keyword options the named backend takes (``()`` for an unknown name, which
    :func:`load_backend` reports itself).

    >>> _backend_option_names("transformers")
    ('device', 'dtype', 'context_length')
    """
    target = _BACKEND_CLASSES.get(backend or "transformers")
    if target is None:
        return ()
    cls = getattr(importlib.import_module(target[0]), target[1])
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]  # without self
    return tuple(p.name for p in params if p.name != "model" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))


def _check_options(function: str, own: tuple[str, ...], model: Any, backend: str | None, options: dict[str, Any]) -> None:
    """Unknown keyword arguments are an error naming them and what is accepted (never ignored)."""
    if not options:
        return
    if model is None or not isinstance(model, str):
        why = "model=None runs no model" if model is None else f"model is a ready {type(model).__name__}"
        close = [c for k in options for c in difflib.get_close_matches(k, own, n=1)]
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise InputError(
            f"{function}() got unknown option(s) {', '.join(repr(k) for k in options)}.{hint} Accepted: "
            f"{', '.join(own)} (backend options only with a model name; here {why})."
        )
    accepted = _backend_option_names(backend)
    if not accepted and (backend or "transformers") not in _BACKEND_CLASSES:
        return  # load_backend names the unknown backend and the known ones
    unknown = [k for k in options if k not in accepted]
    if unknown:
        close = [c for k in unknown for c in difflib.get_close_matches(k, (*own, *accepted), n=1)]
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise InputError(
            f"{function}() got unknown option(s) {', '.join(repr(k) for k in unknown)}.{hint} Accepted: "
            f"{', '.join(own)}; and for backend {backend or 'transformers'!r}: {', '.join(accepted) or 'none'}."
        )


#: A summary is at most this share of the article's words: the annotators' reference summaries
#: of the project's own and dev sets are 25-33% of their articles (eval/data, ../shared/references).
SUMMARY_SHARE = 1 / 3
#: ... and never asked to be shorter than this many words (one or two claims).
MIN_SUMMARY_WORDS = 25


def summary_length(text: str, max_words: int) -> int:
    """The word limit for the summary of ``text``: ``max_words``, or a third of the article's
    words when that is less (at least 25), so a short article gets a short summary.

    >>> summary_length("word " * 1000, 120), summary_length("word " * 100, 120), summary_length("word " * 30, 120)
    (120, 33, 25)
    """
    return min(max_words, max(MIN_SUMMARY_WORDS, round(len(text.split()) * SUMMARY_SHARE)))


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
    **backend_options: Any,
) -> Summary:
    """Summarise one news article neutrally and list its attributed claims.

    ``model`` is a registry name (``summarise models`` lists them), a hub id, a local model
    folder, a ``.gguf`` path, a ready :class:`~summarise.backends.Backend`, or ``None`` for the
    deterministic pipeline with no model at all (every wording ``rule``). ``backend`` picks the
    backend for a name (``transformers`` by default, ``openai`` for a server); further keyword
    arguments go to the backend (``device``, ``dtype``, ``base_url``...); any other is an
    :class:`InputError` naming the accepted ones. ``max_words`` is an upper limit: the summary
    of a short article is at most a third of its words (see :func:`summary_length`; the limit
    used is in ``provenance.settings``).
    """
    from ._pipeline import run_pipeline

    text = _check_text(text)
    _check_options("summarise", ("model", "backend", "max_words", "seed"), model, backend, backend_options)
    if not isinstance(max_words, int) or max_words < 20:
        raise InputError(f"max_words must be an int of at least 20, got {max_words!r}")
    be = _resolve_backend(model, backend, backend_options)
    return run_pipeline(text, be, max_words=summary_length(text, max_words), seed=seed)


def extract_claims(
    text: str,
    *,
    model: str | Backend | None = DEFAULT_MODEL,
    backend: str | None = None,
    seed: int = 0,
    **backend_options: Any,
) -> tuple[Claim, ...]:
    """The attributed claims of one article (``Summary.claims`` without writing a summary)."""
    from ._pipeline import run_pipeline

    text = _check_text(text)
    _check_options("extract_claims", ("model", "backend", "seed"), model, backend, backend_options)
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
    _check_options("summarise_many", ("model", "backend", "concurrency", "max_words", "seed"), model, backend, backend_options)
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
