"""Model options: what a researcher may set on how the model is used (``-o NAME VALUE`` on the
command line, ``generation={...}`` in the API), checked before anything runs, and recorded in
``provenance.settings`` and in the eval runner's prediction key (changed options never reuse
stored predictions).

The defaults are what the pipeline was measured with: the model as a judge only (``rewrite``
0), and for rewording, greedy decoding (temperature 0, the same text every run) and a token
budget sized per call from its input.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from ._errors import InputError

__all__ = ["BACKEND_HELP", "GENERATION_OPTIONS", "GenerationOption", "check_generation", "parse_option_pairs"]


#: The ``--backend`` help of every command that runs a model.
BACKEND_HELP = ("llamacpp, transformers, openai, fake (default: llamacpp for a GGUF file when "
                "llama-cpp-python is installed, else transformers)")


@dataclass(frozen=True)
class GenerationOption:
    """One option a model call accepts."""

    type: type
    """``float`` or ``int``."""
    low: float
    """Smallest value accepted."""
    high: float
    """Largest value accepted."""
    help: str
    """What it does and its default, for errors and ``--help``."""


#: Name -> option. The :class:`~summarise.backends.Backend` protocol's ``generate`` takes both.
GENERATION_OPTIONS: dict[str, GenerationOption] = {
    "temperature": GenerationOption(float, 0.0, 2.0, "sampling temperature, 0 to 2 (default 0: greedy, the same text every run)"),
    "max_tokens": GenerationOption(int, 1, 32768, "token budget of every model call, 1 to 32768 (default: sized per call from its input)"),
    "rewrite": GenerationOption(int, 0, 1, "1: the model also rewords the claims whose rendering it can improve and "
                                "writes the summary, every wording verified against the article (default 0: the "
                                "model only judges where the rules are unsure, e.g. who a 'he'/'she' is; on the "
                                "annotated sets rewording changed no score and took about 30 times as long)"),
    "pronoun_margin": GenerationOption(float, 0.0, 1000.0, "nats by which the model's choice of who a 'he'/'she' the rules "
                                       "cannot name must beat the next person to be named as the source, 0 to 1000 "
                                       "(default 1; 1000 leaves such pronouns to the rules)"),
}


def _accepted() -> str:
    return "; ".join(f"{name}: {o.help}" for name, o in GENERATION_OPTIONS.items())


def _typed(name: str, value: Any) -> float | int:
    option = GENERATION_OPTIONS[name]
    what = "a whole number" if option.type is int else "a number"
    number: float | int
    if isinstance(value, bool):
        raise InputError(f"Generation option {name} must be {what}, got {value!r}. {name}: {option.help}.")
    if isinstance(value, str):
        try:
            number = int(value) if option.type is int else float(value)
        except ValueError:
            raise InputError(f"Generation option {name} must be {what}, got {value!r}. {name}: {option.help}.") from None
    elif isinstance(value, (int, float)):
        if option.type is int and value != int(value):
            raise InputError(f"Generation option {name} must be {what}, got {value!r}. {name}: {option.help}.")
        number = option.type(value)
    else:
        raise InputError(f"Generation option {name} must be {what}, got {type(value).__name__} {value!r:.40}. {name}: {option.help}.")
    if not option.low <= number <= option.high:
        raise InputError(f"Generation option {name} is {number}, out of range. {name}: {option.help}.")
    return number


def check_generation(options: Mapping[str, Any] | None) -> dict[str, float | int]:
    """The options typed and checked; an unknown name or a bad value is an :class:`InputError`
    that names it and the accepted ones.

    >>> check_generation({"temperature": "0.7", "max_tokens": 200})
    {'temperature': 0.7, 'max_tokens': 200}
    >>> check_generation({"temp": 1})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    summarise.InputError: Unknown generation option 'temp'. Did you mean 'temperature'? Accepted: temperature: ...
    """
    if options is None:
        return {}
    if not isinstance(options, Mapping):
        raise InputError(f"generation must be a dict such as {{'temperature': 0.7}}, got {type(options).__name__} {options!r:.40}")
    out: dict[str, float | int] = {}
    for name, value in options.items():
        if name not in GENERATION_OPTIONS:
            close = [n for n in GENERATION_OPTIONS if n.startswith(str(name))] or difflib.get_close_matches(str(name), GENERATION_OPTIONS, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise InputError(f"Unknown generation option {name!r}.{hint} Accepted: {_accepted()}.")
        out[name] = _typed(name, value)
    return out


def parse_option_pairs(pairs: Sequence[Sequence[str]] | None) -> dict[str, float | int]:
    """``-o NAME VALUE`` pairs from the command line, checked (a name given twice: the last wins).

    >>> parse_option_pairs([["temperature", "0.7"], ["max_tokens", "200"]])
    {'temperature': 0.7, 'max_tokens': 200}
    """
    return check_generation({name: value for name, value in pairs or ()})
