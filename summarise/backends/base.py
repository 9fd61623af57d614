"""The protocols backends implement, and the records they exchange.

:class:`Backend` (every backend): chat generation. :class:`Scorer` (``transformers``,
``llamacpp``, ``openai`` where the server returns prompt log-probabilities, ``fake``): the
log-probability of each token of a text given a context, for metrics that use the model as
evidence rather than as a writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence, TypedDict, runtime_checkable

__all__ = ["Message", "Generation", "Backend", "TokenLogprobs", "Scorer", "group_by_context", "check_requests", "check_fits"]


class Message(TypedDict):
    """One chat message: ``{"role": "system" | "user" | "assistant", "content": str}``."""

    role: str
    content: str


@dataclass(frozen=True)
class Generation:
    """What one generation call returned."""

    text: str
    """The generated text (the assistant's reply only, without the prompt)."""
    prompt_tokens: int
    """Tokens in the prompt as the backend counted them (0 when unknown)."""
    completion_tokens: int
    """Tokens generated."""
    finish_reason: str = "stop"
    """``stop`` (end of turn or a stop string), ``length`` (``max_tokens`` reached) or ``loop``
    (the backend cut off a generation that had started repeating itself)."""
    cached_tokens: int = 0
    """Prompt tokens the backend did not evaluate again, its cache holding them from an earlier
    call (the shared prefix of a prompt template); 0 when it has no such cache."""


@runtime_checkable
class Backend(Protocol):
    """A language model that answers chat messages.

    Implementations load weights lazily (on the first ``generate``), never at construction or
    import, and reuse them across calls. With ``temperature=0`` they decode greedily, so the
    same messages give the same text for a given backend and settings.
    """

    name: str
    """Backend name: ``transformers``, ``openai``, ``fake``..."""
    model_id: str
    """The model as resolved (hub id, path, or registry name)."""
    revision: str | None
    """Revision or file hash of the weights, where known."""
    context_length: int
    """Tokens the model can attend to (prompt plus completion)."""

    def generate(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> Generation:
        """Answer ``messages`` with at most ``max_tokens`` new tokens."""
        ...


@dataclass(frozen=True)
class TokenLogprobs:
    """The log-probabilities of a continuation's tokens given a context (one ``Scorer`` request).

    >>> lp = TokenLogprobs(tokens=(" Rain", " fell"), logprobs=(-2.5, -0.5), offsets=(0, 5))
    >>> lp.total, lp.lowest()
    (-3.0, (0, -2.5))
    """

    tokens: tuple[str, ...]
    """The continuation's tokens as text, in order: ``continuation[offsets[i]:offsets[i+1]]``
    (a token cut inside a multi-byte character may differ from the text by that character)."""
    logprobs: tuple[float, ...]
    """Natural log-probability of each token given the context and the tokens before it."""
    offsets: tuple[int, ...]
    """Character offset in the continuation where each token starts."""

    @property
    def total(self) -> float:
        """Log-probability of the whole continuation (the sum over its tokens)."""
        return float(sum(self.logprobs))

    def lowest(self) -> tuple[int, float]:
        """``(index, logprob)`` of the least probable token; ``(-1, 0.0)`` when there is none."""
        if not self.logprobs:
            return -1, 0.0
        i = min(range(len(self.logprobs)), key=self.logprobs.__getitem__)
        return i, float(self.logprobs[i])


@runtime_checkable
class Scorer(Protocol):
    """A language model that scores text: ``logprobs([(context, continuation), ...])``.

    For each pair, the log-probability of every token of ``continuation`` given ``context``
    (the model's start-of-text token, then the context, then the continuation, each tokenised
    on its own; the ``openai`` backend tokenises them together, as a server does, and keeps
    the tokens that start at or after the context's end). The continuation's own leading space
    is part of it (``" Police said ..."`` after a context ending in a full stop). Requests that
    share a context are evaluated with one pass over it. Deterministic for a given model and
    backend. Loads weights lazily, like :class:`Backend`.
    """

    name: str
    model_id: str

    def logprobs(self, requests: Sequence[tuple[str, str]]) -> list[TokenLogprobs]:
        """One :class:`TokenLogprobs` per ``(context, continuation)`` request, in order."""
        ...


def group_by_context(requests: Sequence[tuple[str, str]]) -> dict[str, list[int]]:
    """Request indexes grouped by their context, in first-seen order: each group's context is
    evaluated once (the prefix pass) and each continuation after it.

    >>> group_by_context([("a", "x"), ("b", "y"), ("a", "z")])
    {'a': [0, 2], 'b': [1]}
    """
    groups: dict[str, list[int]] = {}
    for i, (context, _) in enumerate(requests):
        groups.setdefault(context, []).append(i)
    return groups


def check_requests(requests: Sequence[tuple[str, str]]) -> None:
    """Raise ``BackendError`` naming the first request that is not a pair of strings."""
    from .._errors import BackendError

    for i, r in enumerate(requests):
        if not (isinstance(r, (tuple, list)) and len(r) == 2 and all(isinstance(x, str) for x in r)):
            raise BackendError(f"logprobs request {i} must be a (context, continuation) pair of str, got {r!r}")


def check_fits(model_id: str, n_context: int, n_continuation: int, limit: int, *, generating: bool = False) -> None:
    """Raise :class:`~summarise.ContextLengthError`, as every backend does, when a prompt and the
    tokens to generate after it (``generating``), or a scoring request's context and continuation,
    exceed the context length."""
    from .._errors import ContextLengthError

    if n_context + n_continuation > limit:
        what = (f"Prompt of {n_context} tokens plus {n_continuation} new tokens" if generating
                else f"Context of {n_context} tokens plus a continuation of {n_continuation}")
        raise ContextLengthError(f"{what} exceeds the context length of {model_id!r} ({limit}); "
                                 f"shorten the {'input' if generating else 'request'}")
