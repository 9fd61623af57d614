"""The one protocol every backend implements, and the records it exchanges."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence, TypedDict, runtime_checkable

__all__ = ["Message", "Generation", "Backend"]


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
