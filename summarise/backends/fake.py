"""A fake backend for tests and offline demos: canned responses, every call recorded.

Public, supported API (like httpx's MockTransport)::

    >>> from summarise.backends import FakeBackend
    >>> fake = FakeBackend(["Hello."])
    >>> fake.generate([{"role": "user", "content": "Hi"}]).text
    'Hello.'
    >>> fake.calls[0][0]["content"]
    'Hi'

It is a :class:`~summarise.backends.base.Scorer` too: a word of the continuation that occurs in
the context is likely (log 0.5), any other unlikely (log 0.01), unless ``token_logprob`` says
otherwise::

    >>> [round(x, 2) for x in fake.logprobs([("Rain fell.", " Rain fell on Paris.")])[0].logprobs]
    [-0.69, -0.69, -4.61, -4.61]
"""

from __future__ import annotations

import math
import re
from typing import Callable, Iterable, Sequence, Union

from .base import Generation, Message, TokenLogprobs, check_requests

#: A token of the fake scorer: a run of non-space characters with the spaces before it.
_TOKEN = re.compile(r"\s*\S+")

__all__ = ["FakeBackend"]

Responder = Callable[[Sequence[Message]], str]
#: ``token_logprob(context, token)``: the fake scorer's log-probability of ``token``.
TokenRule = Callable[[str, str], float]


def _word(token: str) -> str:
    return re.sub(r"^\W+|\W+$", "", token.strip().lower())


def in_context_rule(context: str, token: str) -> float:
    """The default fake scoring rule: log 0.5 for a word that occurs in the context (case and
    surrounding punctuation ignored), log 0.01 for any other."""
    seen = {_word(t) for t in context.split()}
    return math.log(0.5) if _word(token) in seen else math.log(0.01)


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
        token_logprob: TokenRule = in_context_rule,
    ) -> None:
        self._responder: Responder | None = responses if callable(responses) else None
        self._canned = [] if callable(responses) else list(responses)
        if self._responder is None and not self._canned:
            raise ValueError("FakeBackend needs at least one canned response, or a callable")
        self.model_id = model_id
        self.revision: str | None = None
        self.context_length = context_length
        self.calls: list[list[Message]] = []
        self.token_logprob = token_logprob
        self.scored: list[tuple[str, str]] = []
        """Every ``(context, continuation)`` request ``logprobs`` answered, in order."""

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

    def logprobs(self, requests: Sequence[tuple[str, str]]) -> list[TokenLogprobs]:
        """Tokens are runs of non-space characters with their leading spaces; each gets
        ``token_logprob(context, token)``."""
        check_requests(requests)
        out = []
        for context, continuation in requests:
            self.scored.append((context, continuation))
            found = list(_TOKEN.finditer(continuation))
            out.append(TokenLogprobs(tokens=tuple(m.group() for m in found),
                                     logprobs=tuple(float(self.token_logprob(context, m.group())) for m in found),
                                     offsets=tuple(m.start() for m in found)))
        return out
