"""summarise: neutral, grounded summaries and attributed claims of news articles.

    >>> from summarise import summarise
    >>> s = summarise(text)                      # doctest: +SKIP
    >>> print(s.text); s.claims[0].source        # doctest: +SKIP

Structure comes from the text (spaCy); the model judges where the rules are unsure and, when
asked (``generation={"rewrite": 1}``), writes the wording, every output verified against the
source and replaced by a deterministic rendering when it fails.
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

# Public names show as ``summarise.X`` in tracebacks and reprs, not as the private module that
# defines them (httpx does the same).
for _name in __all__:
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("summarise.") and (isinstance(_obj, type) or callable(_obj)):
        _obj.__module__ = "summarise"
del _name, _obj
