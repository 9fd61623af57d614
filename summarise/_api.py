"""The public entry points: summarise, extract_claims, summarise_many."""

from __future__ import annotations

import difflib
import importlib
import inspect
from concurrent.futures import ThreadPoolExecutor
from os import PathLike
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from ._errors import InputError, SummariseError
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


def _check_types(model: Any, seed: Any) -> None:
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
    from ._options import GENERATION_OPTIONS

    gen = [k for k in options if k in GENERATION_OPTIONS]
    if gen:
        example = ", ".join(f"{k!r}: ..." for k in gen)
        raise InputError(f"{function}() got {', '.join(repr(k) for k in gen)} as keyword argument(s): generation "
                         f"options go in generation={{{example}}} (accepted: {', '.join(GENERATION_OPTIONS)}).")
    if model is None or not isinstance(model, str):
        why = "model=None runs no model" if model is None else f"model is a ready {type(model).__name__}"
        close = [c for k in options for c in difflib.get_close_matches(k, own, n=1)]
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise InputError(
            f"{function}() got unknown option(s) {', '.join(repr(k) for k in options)}.{hint} Accepted: "
            f"{', '.join(own)} (backend options only with a model name; here {why})."
        )
    if backend is None:  # the backend load_backend will pick for this model
        from .backends import default_backend

        try:
            backend = default_backend(model, options)[0]
        except SummariseError:
            pass  # an unknown model: load_backend names it and the way out
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


def _check_controls(generation: Mapping[str, Any] | None, prompts: str | PathLike[str] | None,
                    model: Any) -> tuple[dict[str, Any], Path | None]:
    """The generation options typed and checked, and the prompt folder resolved and checked."""
    from ._options import check_generation
    from ._prompts import check_prompt_folder

    if model is None and (generation or prompts is not None):
        raise InputError("generation= and prompts= set what the model is asked, but model=None runs no model: "
                         "drop them, or name a model")
    return check_generation(generation), (None if prompts is None else check_prompt_folder(prompts))


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
    progress: Callable[[int, int], None] | None = None,
    input_format: str | None = None,
    generation: Mapping[str, Any] | None = None,
    prompts: str | PathLike[str] | None = None,
    **backend_options: Any,
) -> Summary:
    """Summarise one news article neutrally and list its attributed claims.

    ``model`` is a registry name (``summarise models`` lists them), a hub id, a local model
    folder, a ``.gguf`` path, a ready :class:`~summarise.backends.Backend`, or ``None`` for the
    deterministic pipeline with no model at all (every wording ``rule``). ``backend`` picks the
    backend for a name (by default llama.cpp for a GGUF file when ``llama-cpp-python`` is
    installed, else ``transformers``; ``openai`` for a server); further keyword
    arguments go to the backend (``device``, ``dtype``, ``base_url``...); any other is an
    :class:`InputError` naming the accepted ones. ``max_words`` is an upper limit: the summary
    of a short article is at most a third of its words (see :func:`summary_length`; the limit
    used is in ``provenance.settings``). ``progress``, if given, is called as
    ``progress(done, total)`` after each model call (the CLI's progress line); one that takes a
    ``stage`` keyword also hears the judge's scoring pass (``stage="judging"``: scoring requests
    answered of those asked so far; ``"wording"``: rewrites and the summary). ``input_format``:
    ``"html"`` extracts the article from a web page (trafilatura), ``"text"`` never does, and the
    default extracts when markup is detected; offsets then index ``Summary.extracted.text``.
    ``generation`` sets options of every model call, e.g. ``{"temperature": 0.7, "max_tokens":
    200}`` (``summarise._options.GENERATION_OPTIONS`` lists them; an unknown one or a bad value is
    an :class:`InputError`); ``prompts`` is a folder whose files replace the packaged prompts of
    the same name (see ``prompts/``). Both are recorded in ``provenance.settings``, and each
    prompt's sha256 in ``provenance.prompts``.
    """
    from ._pipeline import run_pipeline

    text = _check_text(text)
    _check_options("summarise", ("model", "backend", "max_words", "seed", "progress", "input_format", "generation", "prompts"),
                   model, backend, backend_options)
    _check_types(model, seed)
    if not isinstance(max_words, int) or max_words < 20:
        raise InputError(f"max_words must be an int of at least 20, got {max_words!r}")
    options, folder = _check_controls(generation, prompts, model)
    text, extracted = _as_article(text, input_format)
    be = _resolve_backend(model, backend, backend_options)
    result = run_pipeline(text, be, max_words=summary_length(text, max_words), seed=seed, progress=progress,
                          generation=options, prompts=folder)
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
    generation: Mapping[str, Any] | None = None,
    prompts: str | PathLike[str] | None = None,
    **backend_options: Any,
) -> tuple[Claim, ...]:
    """The attributed claims of one article (``Summary.claims`` without writing a summary);
    arguments as for :func:`summarise`."""
    from ._pipeline import run_pipeline

    text = _check_text(text)
    _check_options("extract_claims", ("model", "backend", "seed", "input_format", "generation", "prompts"), model, backend, backend_options)
    _check_types(model, seed)
    options, folder = _check_controls(generation, prompts, model)
    text, _ = _as_article(text, input_format)
    be = _resolve_backend(model, backend, backend_options)
    return run_pipeline(text, be, max_words=120, seed=seed, write_summary=False, generation=options, prompts=folder).claims


def summarise_many(
    texts: Iterable[str],
    *,
    model: str | Backend | None = DEFAULT_MODEL,
    backend: str | None = None,
    concurrency: int = 1,
    max_words: int = 120,
    seed: int = 0,
    generation: Mapping[str, Any] | None = None,
    prompts: str | PathLike[str] | None = None,
    **backend_options: Any,
) -> Iterator[Summary]:
    """Summarise many articles, yielding one :class:`Summary` per text, in input order.

    The model is loaded once and shared. ``concurrency`` > 1 runs that many articles at once
    (useful against a server backend; a local model gains little). For corpora on disk with
    resumable output, use :func:`summarise.batch.summarise_corpus`.
    """
    if not isinstance(concurrency, int) or concurrency < 1:
        raise InputError(f"concurrency must be a positive int, got {concurrency!r}")
    _check_options("summarise_many", ("model", "backend", "concurrency", "max_words", "seed", "generation", "prompts"),
                   model, backend, backend_options)
    _check_types(model, seed)
    options, folder = _check_controls(generation, prompts, model)
    be = _resolve_backend(model, backend, backend_options)

    def one(t: str) -> Summary:
        return summarise(t, model=be, max_words=max_words, seed=seed, generation=options, prompts=folder)

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
