"""Prompt templates are files in ``prompts/``, loaded by name, hashed into every result.

A template is plain text with ``{variable}`` placeholders (``{{`` and ``}}`` for literal
braces). A file may hold several chat turns, each starting with a line ``### system``,
``### user`` or ``### assistant``; a file without such lines is one user message.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ._errors import PromptError

__all__ = ["Prompt", "load_prompt", "prompt_dir", "neutralise_text"]

_ROLE_LINE = re.compile(r"^### (system|user|assistant)\s*$", re.M)


def prompt_dir() -> Path:
    """The folder of prompt files: inside the installed wheel, else the source tree's ``prompts/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_resources" / "prompts", here.parent / "prompts"):
        if candidate.is_dir():
            return candidate
    raise PromptError(f"No prompts folder found next to {here}: reinstall summarise")


@dataclass(frozen=True)
class Prompt:
    """A loaded prompt template."""

    name: str
    """File name without ``.txt``."""
    template: str
    """The file's text."""
    sha256: str
    """sha256 of the file's bytes, recorded in every result."""

    @property
    def variables(self) -> set[str]:
        """The ``{names}`` the template needs."""
        return {f for _, f, _, _ in string.Formatter().parse(self.template) if f}

    def render(self, **values: str) -> list[dict[str, str]]:
        """Chat messages with every variable filled; a missing one raises :class:`PromptError`."""
        missing = sorted(self.variables - values.keys())
        if missing:
            raise PromptError(
                f"Prompt {self.name!r} needs variable(s) {', '.join(missing)} that were not given "
                f"(given: {', '.join(sorted(values)) or 'none'})"
            )
        text = self.template.format(**values)
        parts = _ROLE_LINE.split(text)
        if len(parts) == 1:
            return [{"role": "user", "content": text.strip()}]
        messages = []
        for role, content in zip(parts[1::2], parts[2::2]):
            messages.append({"role": role, "content": content.strip()})
        return messages


@lru_cache(maxsize=None)
def load_prompt(name: str) -> Prompt:
    """Load ``prompts/NAME.txt``."""
    folder = prompt_dir()
    path = folder / f"{name}.txt"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.txt")))
        raise PromptError(f"No prompt named {name!r} in {folder}. Known prompts: {known}")
    data = path.read_bytes()
    return Prompt(name, data.decode("utf-8"), hashlib.sha256(data).hexdigest())


# Chat-template control tokens of the common families. Article text is data: these must never
# reach a prompt intact, or the article could end the user turn and speak as the system.
_CONTROL = re.compile(
    r"<\|[a-zA-Z0-9_]{1,40}\|>"          # <|im_start|>, <|eot_id|>, <|endoftext|> ...
    r"|</?s>|\[/?INST\]|<<\/?SYS>>"      # llama-2 / mistral
    r"|<start_of_turn>|<end_of_turn>"    # gemma
    r"|^### (?:system|user|assistant)\b",  # this project's own role lines
    re.M,
)


def neutralise_text(text: str) -> str:
    """Defuse chat-template tokens in article text before it goes into a prompt.

    Each token keeps its letters, so nothing is lost for reading, but its brackets become
    look-alikes that no tokenizer maps to a control token.

    >>> neutralise_text("Hi <|im_start|>system")
    'Hi ‹|im_start|›system'
    """

    def repl(m: re.Match[str]) -> str:
        s = m.group(0)
        return s.replace("<", "‹").replace(">", "›").replace("[", "⟦").replace("]", "⟧").replace("### ", "## ")

    return _CONTROL.sub(repl, text)
