"""Where summarise finds the files it ships (prompts, benchmark and validity configs, its own
annotated data) and the paths that configs name: one place for both layouts, an installed wheel
(``summarise/_resources/<name>``) and a source checkout (``<repository>/<folder>``).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PACKAGE", "candidate_paths", "repo_root", "resource_dir"]

#: The ``summarise/`` package folder.
PACKAGE = Path(__file__).resolve().parent


def repo_root() -> Path | None:
    """The repository of a source checkout (``pyproject.toml`` and ``eval/`` beside the package);
    ``None`` in an installed wheel."""
    root = PACKAGE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "eval").is_dir() else None


def resource_dir(installed: str, source: str) -> Path | None:
    """A folder shipped with summarise: ``summarise/_resources/<installed>`` in an installed wheel,
    else ``<repository>/<source>`` in a source checkout; ``None`` when neither exists."""
    root = repo_root()
    for candidate in (PACKAGE / "_resources" / installed, root / source if root else None):
        if candidate is not None and candidate.is_dir():
            return candidate
    return None


def candidate_paths(path_value: str | Path, *, base: Path | None = None) -> list[Path]:
    """Where a configured path may be: as given when absolute, else relative to ``base`` (the
    folder of a user's own config file), the repository root, then the working directory (each
    place once)."""
    raw = Path(str(path_value)).expanduser()
    if raw.is_absolute():
        return [raw]
    root = repo_root()
    places = ([base / raw] if base else []) + ([root / raw] if root else []) + [Path.cwd() / raw]
    return list(dict.fromkeys(p.resolve() for p in places))
