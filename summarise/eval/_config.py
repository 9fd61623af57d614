"""Reading a named YAML config (a benchmark, a validity study): by name from its folder or by
path, with a did-you-mean for an unknown name and the keys every such config must have."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from .._errors import InputError

__all__ = ["read_config"]


def read_config(name: str, folder: Path, *, what: str, required: tuple[str, ...], names_also: str = "",
                needs: str) -> tuple[Path, dict[str, Any]]:
    """``(path, parsed config)`` of ``name``: a ``.yaml`` file path, else ``folder/NAME.yaml``.

    ``what`` names the kind in errors (``benchmark``, ``validity study``); an unknown name lists
    the configs in ``folder`` (and ``names_also``, e.g. ``", or 'all'"``); a config without one of
    ``required`` is an error ending with ``needs`` (what every config names).
    """
    path = Path(name)
    if not (path.suffix in (".yaml", ".yml") and path.is_file()):
        path = folder / f"{name}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.yaml"))
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise InputError(f"Unknown {what} {name!r}.{hint} Available: {', '.join(known)}{names_also} (configs in {folder}).")
    with open(path, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh) or {}
    missing = [k for k in required if k not in cfg]
    if missing:
        raise InputError(f"{what.split()[0].capitalize()} config {path} lacks {', '.join(missing)}: every config names {needs}.")
    return path, cfg
