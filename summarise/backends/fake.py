"""A fake backend for tests and offline demos: canned responses, every call recorded.

Public, supported API (like httpx's MockTransport)::

    >>> from summarise.backends import FakeBackend
    >>> fake = FakeBackend(["Hello."])
    >>> fake.generate([{"role": "user", "content": "Hi"}]).text
    'Hello.'
    >>> fake.calls[0][0]["content"]
    'Hi'
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence, Union

from .base import Generation, Message

__all__ = ["FakeBackend"]

Responder = Callable[[Sequence[Message]], str]


class FakeBackend:
    """Answers from a list of canned texts (in turn, the last one repeated) or a function.

    ``responses`` may be a list of strings, or a callable that receives the messages and returns
    the reply, so that a test can answer according to the prompt.
    """

    name = "fake"

    def __init__(
        self,
        responses: Union[Iterable[str], Responder] = ("",),
        *,
        model_id: str = "fake",
        context_length: int = 8192,
    ) -> None:
        self._responder: Responder | None = responses if callable(responses) else None
        self._canned = [] if callable(responses) else list(responses)
        if self._responder is None and not self._canned:
            raise ValueError("FakeBackend needs at least one canned response, or a callable")
        self.model_id = model_id
        self.revision: str | None = None
        self.context_length = context_length
        self.calls: list[list[Message]] = []

    def generate(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        stop: Sequence[str] = (),
    ) -> Generation:
        self.calls.append([dict(m) for m in messages])  # type: ignore[misc]
        if self._responder is not None:
            text = self._responder(messages)
        else:
            index = min(len(self.calls) - 1, len(self._canned) - 1)
            text = self._canned[index]
        for s in stop:
            if s and s in text:
                text = text[: text.index(s)]
        prompt_tokens = sum(len(m["content"].split()) for m in messages)
        return Generation(text=text, prompt_tokens=prompt_tokens, completion_tokens=len(text.split()))
