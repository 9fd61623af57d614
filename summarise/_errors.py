"""Exceptions raised by summarise.

The tree::

    SummariseError                 base of everything this library raises on purpose
    ├── InputError                 the article text (or a file / dataset given for it) is unusable
    │   └── ContextLengthError     an article longer than the analysis takes, or a prompt longer than the model's context
    ├── ModelNotFoundError         an unknown model name, or a missing model package
    ├── BackendError               a backend could not load or answer (after its retries)
    ├── PromptError                a prompt file is missing or a template variable is unset
    └── ReferenceFormatError       an annotated reference file breaks the documented format

Every message says what happened, the value at fault, and what to do next.
"""

from __future__ import annotations

__all__ = [
    "SummariseError",
    "InputError",
    "ContextLengthError",
    "ModelNotFoundError",
    "BackendError",
    "PromptError",
    "ReferenceFormatError",
]


class SummariseError(Exception):
    """Base class of every error summarise raises on purpose."""


class InputError(SummariseError, ValueError):
    """The text given to summarise is unusable (empty, not a string, undecodable...)."""


class ContextLengthError(InputError):
    """Too long: an article over the analysis's limit (``MAX_CHARS``), or a prompt or scoring
    request over the model's context window (raised the same way by every backend)."""


class ModelNotFoundError(SummariseError, LookupError):
    """A model name is unknown, or the package that ships its weights is not installed."""


class BackendError(SummariseError, RuntimeError):
    """A backend failed to load a model or to answer a request."""


class PromptError(SummariseError, KeyError):
    """A prompt template is missing, or a variable it needs was not given."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class ReferenceFormatError(SummariseError, ValueError):
    """An annotated reference file does not follow the documented format.

    ``problems`` lists every problem found, each naming its line number and item id.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])
