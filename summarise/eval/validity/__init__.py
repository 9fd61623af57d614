"""Validity studies: do the harness's metrics agree with what careful humans judged?

Each study is a config (``eval/validity/NAME.yaml``: the data path, the settings and the published
figures to compare with) and a module ``summarise.eval.validity.<study>`` (:func:`study_module`)
that defines::

    run(config, *, data, cache, log) -> dict      # JSON-serialisable results
    render(results) -> str                        # the Markdown body of its VALIDITY.md section
    TITLE                                         # its section's title (else the study's name)
    headline(results) -> list[dict]               # its rows of the page's "At a glance" table (optional)

:func:`run_study` loads the config (:func:`load_study_config`, from :func:`validity_dir`),
resolves the data (a missing path is a :class:`DataMissing`, which the command line reports as a
skip with the reason), runs the study, adds provenance and writes
``eval/validity/results/NAME.json``; :func:`write_validity_page` regenerates ``eval/VALIDITY.md``
from every result file, in :data:`ORDER`. The command line is ``summarise eval validate NAME``
(``all`` for every study).

    >>> sorted(list_studies())
    ['babe', 'basil', 'neus-framing', 'polnear', 'qags', 'summac', 'wice']
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..._errors import InputError
from ..._version import __version__
from ..._paths import PACKAGE, candidate_paths, repo_root, resource_dir
from .._config import read_config

__all__ = ["ORDER", "DataMissing", "list_studies", "load_study_config", "run_study", "study_module",
           "validity_dir", "write_validity_page"]

#: The order of the sections on the page (and of ``validate all``).
ORDER = ("summac", "qags", "wice", "babe", "neus-framing", "basil", "polnear")


class DataMissing(InputError):
    """A study's data is not at its path (the study is skipped, with this reason)."""


def validity_dir() -> Path:
    """The folder of study configs (installed resources first, then ``eval/validity``)."""
    found = resource_dir("validity", "eval/validity")
    if found is None:
        raise InputError(f"No validity study folder found next to {PACKAGE}: reinstall summarise")
    return found


def list_studies() -> list[str]:
    """Names of the study configs found."""
    return sorted(p.stem for p in validity_dir().glob("*.yaml"))


def load_study_config(name: str) -> dict[str, Any]:
    """The parsed config of study ``name`` (or of a config file path), checked."""
    path, cfg = read_config(name, validity_dir(), what="validity study", required=("name", "study", "version", "data"),
                            names_also=", or 'all'", needs="its study module, its data and a version")
    cfg["_config_path"] = str(path)
    return cfg


def study_module(cfg: dict[str, Any]) -> Any:
    """The module that runs ``cfg``'s study."""
    mod = str(cfg["study"]).replace("-", "_")
    try:
        return importlib.import_module(f"{__name__}.{mod}")
    except ModuleNotFoundError as e:
        raise InputError(f"{cfg.get('_config_path')}: study module {mod!r} does not exist in {__name__}.") from e


def _resolve(path_value: str, what: str, study: str) -> Path:
    tried = candidate_paths(path_value)
    for p in tried:
        if p.exists():
            return p.resolve()
    raise DataMissing(
        f"{study}: its {what} {str(path_value)!r} is not there (looked in: {', '.join(str(p) for p in tried)}). "
        "Public research data is read from its path and never shipped with summarise: put the folder "
        "there (see ../shared/datasets/README.md for where each set comes from), or edit the path in "
        "the study's config."
    )


def results_dir() -> Path:
    """Where study results go: ``eval/validity/results`` in a checkout, else ``./validity-results``."""
    root = repo_root()
    return root / "eval" / "validity" / "results" if root else Path.cwd() / "validity-results"


def cache_root() -> Path:
    """Caches of features and predictions (resumable): ``runs/validity`` in a checkout."""
    root = repo_root()
    return (root if root else Path.cwd()) / "runs" / "validity"


def run_study(name: str, *, out_dir: str | Path | None = None, cache: str | Path | None = None,
              log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run study ``name``; write and return its results (with provenance).

    Raises :class:`DataMissing` (nothing written) when its data path is absent.
    """
    cfg = load_study_config(name)
    say = log or (lambda line: print(f"summarise eval validate {cfg['name']}: {line}", file=sys.stderr))
    data = _resolve(cfg["data"]["path"], "data", str(cfg["name"]))
    extra = {k: str(_resolve(v, k, str(cfg["name"]))) for k, v in (cfg.get("paths") or {}).items()}
    module = study_module(cfg)
    cache_dir = Path(cache) if cache else cache_root() / "cache" / str(cfg["name"])
    cache_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    try:
        body = module.run({**cfg, "resolved_paths": extra}, data=data, cache=cache_dir, log=say)
    except (KeyError, ValueError, IndexError, UnicodeDecodeError) as e:  # a file not in the expected format
        if isinstance(e, InputError):
            raise
        raise InputError(
            f"{cfg['name']}: could not read its data at {data} ({type(e).__name__}: {e}). Check that the folder "
            "holds the dataset the study's config names, unmodified (see ../shared/datasets/README.md)."
        ) from e
    from ..runner import library_fingerprint

    results = {
        "study": str(cfg["name"]), "title": getattr(module, "TITLE", str(cfg["name"])),
        "provenance": {
            "config": Path(cfg["_config_path"]).name, "version": str(cfg["version"]),
            "description": " ".join(str(cfg.get("description", "")).split()),
            "data": str(cfg["data"]["path"]), "package_version": __version__,
            "library_sha256": library_fingerprint(), "seconds": round(time.perf_counter() - t0, 1),
            "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        },
        "results": body,
    }
    out = Path(out_dir) if out_dir else results_dir()
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f"{cfg['name']}.json.tmp"
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=_jsonable), encoding="utf-8")
    os.replace(tmp, out / f"{cfg['name']}.json")
    return results


def _jsonable(value: Any) -> Any:
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return value.tolist()
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


_PAGE_HEAD = """# Validity of the metrics

<!-- Generated by `summarise eval validate all` (or `summarise eval validate --page`) from
eval/validity/results/*.json. Do not edit by hand: edit the study or its config and rerun. -->

A user choosing between models trusts the harness only if its scores track what careful humans
judged. Each section below measures one of the harness's checks against human annotations of
public data that nobody on this team wrote, beside the published figures for other methods.
Where our data or protocol differs from the published one (another cut, fewer sets, another
split), the section says so: those figures are context, not a like-for-like ranking.

The data is read from `../shared/datasets/` and never shipped (see its README for sources and
licences). Each study's config is `eval/validity/NAME.yaml`; its full results, with provenance,
are `eval/validity/results/NAME.json`.
"""


def write_validity_page(path: str | Path | None = None, *, results: str | Path | None = None) -> Path:
    """Regenerate ``eval/VALIDITY.md`` from the study results on disk; return its path."""
    res_dir = Path(results) if results else results_dir()
    root = repo_root()
    target = Path(path) if path else (root / "eval" / "VALIDITY.md" if root else Path.cwd() / "VALIDITY.md")
    parts = [_PAGE_HEAD]
    found = {p.stem: p for p in res_dir.glob("*.json")} if res_dir.is_dir() else {}
    names = [n for n in ORDER if n in found] + sorted(set(found) - set(ORDER))
    known = set(list_studies())
    stored = {n: json.loads(found[n].read_text(encoding="utf-8")) for n in names}  # each file read once
    configs = {n: load_study_config(n) if n in known else {"study": n} for n in names}
    modules = {n: study_module(configs[n]) for n in names}
    titles = {n: str(stored[n].get("title", n)) for n in names}
    glance = [row for n in names if hasattr(modules[n], "headline") for row in modules[n].headline(stored[n]["results"])]
    if glance:
        parts.append("## At a glance\n\n| check | data | measure | ours | best simple baseline | published (other data or protocol) |\n"
                     "|---|---|---|---|---|---|\n" + "\n".join(
                         "| " + " | ".join(str(r.get(k, "—")).replace("|", "\\|") for k in
                                          ("check", "data", "measure", "ours", "baseline", "published")) + " |" for r in glance))
    parts.append("## Contents\n\n" + "\n".join(f"- [{titles[n]}](#{_anchor(titles[n])})" for n in names)
                 + "\n" + "".join(f"- {n}: not run yet (`summarise eval validate {n}`)\n" for n in ORDER if n not in found))
    for n in names:
        prov = stored[n]["provenance"]
        notes = "".join(f"\n\nNote: {' '.join(str(x).split())}" for x in configs[n].get("notes") or [])
        parts.append(
            f"## {titles[n]}\n\n_{prov.get('description', '')}_\n\n"
            + modules[n].render(stored[n]["results"]).strip() + notes
            + f"\n\n<sub>Study `{n}` v{prov.get('version')}, data `{prov.get('data')}`, summarise "
            f"{prov.get('package_version')} (library {str(prov.get('library_sha256'))[:12]}), run "
            f"{prov.get('date')} in {prov.get('seconds')} s. Rerun: `summarise eval validate {n}`.</sub>\n"
        )
    target.write_text("\n\n".join(p.strip() for p in parts) + "\n", encoding="utf-8")
    return target


def published_table(published: dict[str, Any] | None, heading: str) -> list[str]:
    """Markdown lines for a config's published figures (``note`` plus ``figures``: system, kind
    of figure, value, source); none when the config names none."""
    if not published:
        return []
    return [f"\n#### {heading}\n", str(published.get("note", "")).strip() + "\n",
            "| System | Figure | Value | Source |\n|---|---|---|---|",
            *(f"| {p['system']} | {p['kind']} | {p['value']} | {p['source']} |" for p in published.get("figures", []))]


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    import re

    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
