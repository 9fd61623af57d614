"""Benchmarks are data: a YAML file in ``eval/benchmarks/`` names the data and its loader, the
metrics, the generation settings and a version (bump it whenever the data or settings change,
so that results from different versions are never compared as equals).

Data locations in a config:

- ``resource: own.jsonl`` — a file shipped with summarise: ``summarise/_resources/eval_data/``
  in an installed wheel, the repository's ``eval/data/`` in a source checkout;
- ``path: ../shared/references/dev.jsonl`` — outside the package, relative to the repository
  root (then to the working directory), or absolute. Never copied into the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._errors import InputError
from .._paths import PACKAGE, candidate_paths, resource_dir
from ._config import read_config

__all__ = ["Benchmark", "BenchmarkDataMissing", "benchmark_dir", "list_benchmarks", "load_benchmark", "load_benchmark_items",
           "resolve_data"]

LOADERS = ("references", "neus", "neus-crawl", "polnear")


def benchmark_dir() -> Path:
    """The folder of benchmark configs (installed resources first, then the source tree)."""
    found = resource_dir("benchmarks", "eval/benchmarks")
    if found is None:
        raise InputError(f"No benchmark folder found next to {PACKAGE}: reinstall summarise")
    return found


def eval_data_dir() -> Path | None:
    """The folder of the project's own annotated data (installed, else ``eval/data``)."""
    return resource_dir("eval_data", "eval/data")


@dataclass(frozen=True)
class Benchmark:
    """One benchmark config."""

    name: str
    """Name used on the command line (``--benchmark NAME``)."""
    version: str
    """Version of data plus settings; recorded in every result."""
    description: str
    """One paragraph: what is measured and how the data is made."""
    data: dict[str, Any]
    """``loader`` (references | neus | polnear), ``resource`` or ``path``, and loader options."""
    metrics: tuple[str, ...] | None
    """Metric names; ``None`` means every metric that runs without extra inputs."""
    max_words: int = 120
    """Summary length asked of every system."""
    seed: int = 0
    """Generation seed."""
    lexicon: str | None = None
    """Path of the NRC-VAD lexicon for the framing metrics (relative like data paths)."""
    system_inputs: dict[str, str] = field(default_factory=dict)
    """System name -> item field it reads instead of ``text`` (lead-3 of the centre article)."""
    source: str = ""
    """The config file it was read from."""


def list_benchmarks() -> list[str]:
    """Names of the benchmark configs found."""
    return sorted(p.stem for p in benchmark_dir().glob("*.yaml"))


def load_benchmark(name: str) -> Benchmark:
    """The benchmark called ``name`` (or a path to a config file)."""
    path, cfg = read_config(name, benchmark_dir(), what="benchmark", required=("name", "version", "data"),
                            needs="its data and a version")
    data = dict(cfg["data"])
    if data.get("loader", "references") not in LOADERS:
        raise InputError(f"{path}: unknown loader {data.get('loader')!r}. Available: {', '.join(LOADERS)}.")
    gen = cfg.get("generation") or {}
    metrics = cfg.get("metrics")
    return Benchmark(
        name=str(cfg["name"]), version=str(cfg["version"]), description=str(cfg.get("description", "")).strip(),
        data=data, metrics=tuple(metrics) if isinstance(metrics, list) else None,
        max_words=int(gen.get("max_words", 120)), seed=int(gen.get("seed", 0)),
        lexicon=cfg.get("lexicon"), system_inputs=dict(cfg.get("system_inputs") or {}), source=str(path),
    )


class BenchmarkDataMissing(InputError):
    """A benchmark's data lives outside the package (``path:``) and is not there: the benchmark
    is skipped with this message rather than failed."""


def config_base(bench: Benchmark) -> Path | None:
    """The folder of ``bench``'s config when it is a user's own file (given by path), where its
    relative paths are looked for first; ``None`` for a packaged benchmark."""
    folder = Path(bench.source).resolve().parent if bench.source else None
    return None if folder is None or folder == benchmark_dir().resolve() else folder


def resolve_data(spec: dict[str, Any], *, what: str = "data", base: Path | None = None) -> Path:
    """The file or folder a config's ``resource`` or ``path`` names (relative paths: see
    :func:`candidate_paths`); a clear error if absent."""
    tried: list[Path] = []
    if "resource" in spec:
        folder = eval_data_dir()
        if folder is not None:
            tried.append(folder / str(spec["resource"]))
    elif "path" in spec:
        tried += candidate_paths(spec["path"], base=base)
    else:
        raise InputError(f"The benchmark's {what} names neither 'resource' nor 'path'.")
    for p in tried:
        if p.exists():
            return p.resolve()
    where = ", ".join(str(p) for p in tried) or "(no eval data folder in this installation)"
    raise (BenchmarkDataMissing if "path" in spec else InputError)(
        f"The benchmark's {what} {spec.get('resource') or spec.get('path')!r} was not found (looked in: {where}). "
        "Data outside the package is read from its path and never shipped: put it there, or run "
        "with --data PATH instead."
    )


def resolve_lexicon(bench: Benchmark) -> str | None:
    """The benchmark's lexicon path, resolved like data paths (``None`` when it names none)."""
    if not bench.lexicon:
        return None
    return str(resolve_data({"path": bench.lexicon}, what="lexicon", base=config_base(bench)))


def load_benchmark_items(bench: Benchmark) -> list[dict[str, Any]]:
    """The benchmark's items, validated."""
    from .neus import DEFAULT_SEPARATOR, load_neus
    from .references import check_references, load_references, to_items

    path = resolve_data(bench.data, base=config_base(bench))
    if bench.data.get("loader") == "polnear":
        from .polnear import load_polnear

        sample = bench.data.get("sample")
        items = load_polnear(path, split=str(bench.data.get("split", "dev")), sample=None if sample is None else int(sample),
                             sample_seed=int(bench.data.get("sample_seed", 0)))
        check_references(items)
        return items
    if bench.data.get("loader", "references") == "neus":
        items = load_neus(path, split=str(bench.data.get("split", "val")), sample=bench.data.get("sample", 50),
                          sample_seed=int(bench.data.get("sample_seed", 0)),
                          separator=str(bench.data.get("separator", DEFAULT_SEPARATOR)))
        check_references(items)  # the loader's output must be in the reference format too
        return items
    if bench.data.get("loader") == "neus-crawl":
        from .neus_crawl import load_neus_crawl

        items = load_neus_crawl(path, sample=bench.data.get("sample", 60), sample_seed=int(bench.data.get("sample_seed", 0)))
        check_references(items)
        return items
    return to_items(load_references(path))
