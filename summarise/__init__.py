"""summarise: neutral, grounded summaries and attributed claims of news articles.

    >>> from summarise import summarise
    >>> s = summarise(text)                      # doctest: +SKIP
    >>> print(s.text); s.claims[0].source        # doctest: +SKIP

The model proposes, the source disposes: structure comes from the text (spaCy), the model
writes the wording, and every model output is verified against the source and replaced by a
deterministic rendering when it fails.
"""

from __future__ import annotations

from ._api import DEFAULT_MODEL, extract_claims, summarise, summarise_many
from ._errors import (
    BackendError,
    ContextLengthError,
    InputError,
    ModelNotFoundError,
    PromptError,
    ReferenceFormatError,
    SummariseError,
)
from ._types import (
    CLAIM_KINDS,
    Claim,
    Inconsistency,
    LoadedTerm,
    Provenance,
    Span,
    Summary,
    SummarySentence,
)
from ._version import __version__
from .backends import Backend, load_backend

__all__ = [
    "__version__",
    "DEFAULT_MODEL",
    "CLAIM_KINDS",
    "summarise",
    "extract_claims",
    "summarise_many",
    "load_backend",
    "Backend",
    "Summary",
    "SummarySentence",
    "Claim",
    "Span",
    "LoadedTerm",
    "Inconsistency",
    "Provenance",
    "SummariseError",
    "InputError",
    "ContextLengthError",
    "ModelNotFoundError",
    "BackendError",
    "PromptError",
    "ReferenceFormatError",
]
