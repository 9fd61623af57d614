"""Prompt templates are files in ``prompts/``, loaded by name, hashed into every result.

A template is plain text with ``{variable}`` placeholders (``{{`` and ``}}`` for literal
braces). A file may hold several chat turns, each starting with a line ``### system``,
``### user`` or ``### assistant``; a file without such lines is one user message.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ._errors import PromptError
from ._paths import PACKAGE, resource_dir

__all__ = ["Prompt", "check_prompt_folder", "load_prompt", "prompt_dir", "prompt_hashes", "neutralise_text"]

_ROLE_LINE = re.compile(r"^### (system|user|assistant)\s*$", re.M)


def prompt_dir() -> Path:
    """The folder of prompt files: inside the installed wheel, else the source tree's ``prompts/``."""
    found = resource_dir("prompts", "prompts")
    if found is None:
        raise PromptError(f"No prompts folder found next to {PACKAGE}: reinstall summarise")
    return found


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
def load_prompt(name: str, folder: str | Path | None = None) -> Prompt:
    """Load ``NAME.txt``: from ``folder`` when it holds one (a user's prompt folder, checked by
    :func:`check_prompt_folder`), else from the packaged ``prompts/``."""
    if folder is not None:
        path = check_prompt_folder(folder) / f"{name}.txt"
        if path.is_file():
            data = path.read_bytes()
            return Prompt(name, data.decode("utf-8"), hashlib.sha256(data).hexdigest())
    packaged = prompt_dir()
    path = packaged / f"{name}.txt"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in packaged.glob("*.txt")))
        raise PromptError(f"No prompt named {name!r} in {packaged}. Known prompts: {known}")
    data = path.read_bytes()
    return Prompt(name, data.decode("utf-8"), hashlib.sha256(data).hexdigest())


@lru_cache(maxsize=None)
def check_prompt_folder(folder: str | Path) -> Path:
    """A user's prompt folder (``--prompts DIR``), resolved and checked: each ``NAME.txt`` in it
    replaces the packaged prompt of that name (the others stay), so every file must be named
    after a packaged prompt, be UTF-8, and use only the variables the packaged one is given.
    Their sha256 reaches every result as the packaged ones' do.
    """
    path = Path(folder).expanduser().resolve()
    if not path.is_dir():
        raise PromptError(f"Prompt folder {str(folder)!r} is not a folder: give a folder holding files named like the "
                          f"packaged prompts ({', '.join(sorted(p.stem for p in prompt_dir().glob('*.txt')))}), e.g. "
                          f"a copy of {prompt_dir()}")
    known = {p.stem: load_prompt(p.stem) for p in prompt_dir().glob("*.txt")}
    for f in sorted(path.glob("*.txt")):
        if f.stem not in known:
            close = difflib.get_close_matches(f.stem, known, n=1)
            hint = f" Did you mean {close[0] + '.txt'!r}?" if close else ""
            raise PromptError(f"{f} is not a prompt summarise uses.{hint} Prompt files: "
                              f"{', '.join(sorted(k + '.txt' for k in known))}")
        try:
            template = f.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise PromptError(f"{f} is not valid UTF-8: save it as UTF-8") from None
        try:
            variables = {v for _, v, _, _ in string.Formatter().parse(template) if v}
        except ValueError as e:
            raise PromptError(f"{f}: {e} (write a literal brace as {{{{ or }}}})") from None
        extra = sorted(variables - known[f.stem].variables)
        if extra:
            raise PromptError(f"{f} uses {', '.join('{' + v + '}' for v in extra)}, which the {f.stem} prompt is not "
                              f"given. Available: {', '.join('{' + v + '}' for v in sorted(known[f.stem].variables))}")
    return path


def prompt_hashes(names: list[str] | None = None, folder: str | Path | None = None) -> dict[str, str]:
    """Prompt name -> sha256 of the file that will be used (``folder``'s where it has one), for
    every packaged prompt or those in ``names``."""
    names = names if names is not None else sorted(p.stem for p in prompt_dir().glob("*.txt"))
    return {n: load_prompt(n, folder).sha256 for n in names}


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
