"""Compare runs: a Markdown leaderboard, PNG plots, and the generated tables of ``models.md``.

Runs are grouped by benchmark (name and version from their provenance; a ``--data`` run is
grouped by its file name). A cell is the mean ± half the width of its bootstrap 95% interval;
the best mean of each column is bold. Everything here is generated from ``results.json``
files: the tables in ``models.md`` between ``<!-- results:start -->`` and
``<!-- results:end -->`` (and the model list between ``<!-- models:start -->`` /
``<!-- models:end -->``) are never typed by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Sequence

from .._errors import InputError
from .metrics import COST_METRIC, LEADERBOARD_METRICS, MODELS_MD_METRICS, PLOT_METRICS, QUALITY_METRICS
from .registry import METRICS

__all__ = ["load_run", "leaderboard_markdown", "compare_runs", "run_folders", "update_models_md", "RESULTS_MARKERS", "MODELS_MARKERS"]

RESULTS_MARKERS = ("<!-- results:start -->", "<!-- results:end -->")
MODELS_MARKERS = ("<!-- models:start -->", "<!-- models:end -->")



def _heading(name: str) -> str:
    """A column's heading: the metric's label (its name for a metric no longer registered)."""
    return METRICS[name].heading if name in METRICS else name


def load_run(path: str | Path) -> dict[str, Any]:
    """``results.json`` of a run folder (or the file itself)."""
    p = Path(path)
    f = p / "results.json" if p.is_dir() else p
    if not f.is_file():
        raise InputError(f"No results.json in {str(p)!r}: give folders written by `summarise eval run --out DIR`.")
    with open(f, encoding="utf-8") as fh:
        run = json.load(fh)
    run["_path"] = str(f)
    return run


def _group(run: dict[str, Any]) -> str:
    bench = run["provenance"].get("benchmark") or {}
    if bench.get("name"):
        return f"{bench['name']} v{bench.get('version', '?')}"
    return str(bench.get("data") or "data")


def _label(run: dict[str, Any]) -> tuple[str, str]:
    prov = run["provenance"]
    model = str(prov.get("model_label") or prov.get("model") or "—")
    if ((prov.get("settings") or {}).get("generation") or {}).get("rewrite"):
        model += " (rewrite)"  # the model also words claims and the summary
    return str(prov.get("system")), model


def _cell(stats: dict[str, Any] | None, bold: bool) -> str:
    if not stats or stats.get("mean") is None:
        return "—"
    mean, lo, hi = stats["mean"], stats.get("ci_low"), stats.get("ci_high")
    digits = 1 if abs(mean) >= 10 else 2
    text = f"{mean:.{digits}f}"
    if lo is not None and hi is not None:
        text += f" ± {(hi - lo) / 2:.{digits}f}"
    return f"**{text}**" if bold else text


def _columns(runs: Sequence[dict[str, Any]], wanted: Sequence[str]) -> list[str]:
    return [m for m in wanted if any((r["aggregate"].get(m) or {}).get("mean") is not None for r in runs)]


def _table(runs: Sequence[dict[str, Any]], wanted: Sequence[str]) -> str:
    cols = _columns(runs, wanted)
    best: dict[str, float] = {}
    for m in cols:
        vals = [(r["aggregate"][m]["mean"], r["aggregate"][m].get("higher_is_better", True)) for r in runs
                if (r["aggregate"].get(m) or {}).get("mean") is not None]
        if len(vals) > 1 and len({v for v, _ in vals}) > 1:  # no bold when all runs tie
            best[m] = max(v for v, _ in vals) if vals[0][1] else min(v for v, _ in vals)
    def higher(m: str) -> bool:  # from a run that has the metric
        return next((r["aggregate"][m].get("higher_is_better", True) for r in runs if r["aggregate"].get(m)), True)

    header = ["system", "model", "n", *[_heading(m) + (" ↑" if higher(m) else " ↓") for m in cols]]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    for r in runs:
        system, model = _label(r)
        cells = [_cell(r["aggregate"].get(m), m in best and (r["aggregate"].get(m) or {}).get("mean") == best[m]) for m in cols]
        lines.append("| " + " | ".join([system, model, str(r["counts"]["items"]), *cells]) + " |")
    return "\n".join(lines)


def _grouped(runs: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    order = {"lead-3": 0, "naive-prompt": 1, "pipeline": 2}
    for r in runs:
        groups.setdefault(_group(r), []).append(r)
    for g in groups.values():
        g.sort(key=lambda r: (order.get(_label(r)[0], 3), _label(r)))
    return groups


def leaderboard_markdown(runs: Sequence[dict[str, Any]], *, metrics: Sequence[str] = LEADERBOARD_METRICS, heading: str = "###") -> str:
    """One Markdown table per benchmark; mean ± half the 95% interval, best in bold."""
    parts = []
    for name, group in _grouped(runs).items():
        counts = {r["counts"]["items"] for r in group}
        note = "" if len(counts) == 1 else f"\n\n*Runs differ in item count ({', '.join(map(str, sorted(counts)))}): not directly comparable.*"
        parts.append(f"{heading} {name}\n\n{_table(group, metrics)}{note}")
    return "\n\n".join(parts) + "\n"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _plots(runs: Sequence[dict[str, Any]], out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt
    import numpy as np

    written = []
    for name, group in _grouped(runs).items():
        # The key 0..1 metrics only (the full set is in leaderboard.md): a readable figure.
        cols = _columns(group, PLOT_METRICS)
        if cols:
            fig, ax = plt.subplots(figsize=(min(14.0, max(6.0, 0.35 * len(cols) * len(group) + 3)), 4.8))
            width = 0.8 / len(group)
            x = np.arange(len(cols))
            for k, r in enumerate(group):
                stats = [r["aggregate"].get(m) or {} for m in cols]
                means = np.array([s.get("mean") if s.get("mean") is not None else np.nan for s in stats])
                lo = np.array([s["mean"] - s["ci_low"] if s.get("mean") is not None else 0 for s in stats])
                hi = np.array([s["ci_high"] - s["mean"] if s.get("mean") is not None else 0 for s in stats])
                ax.bar(x + k * width - 0.4 + width / 2, means, width, yerr=[lo, hi], capsize=2, label=" / ".join(_label(r)))
            arrows = {m: "↑" if (group[0]["aggregate"].get(m) or {}).get("higher_is_better", True) else "↓" for m in cols}
            ax.set_xticks(x, [f"{_heading(m)} {arrows[m]}" for m in cols], rotation=40, ha="right")
            ax.set_ylabel("mean (bars: bootstrap 95% interval)")
            ax.set_title(f"{name}: metrics by run")
            ax.set_ylim(0, ax.get_ylim()[1] * 1.2)  # headroom for the legend
            ax.legend(fontsize="small", loc="upper center", ncol=min(4, len(group)))
            fig.tight_layout()
            path = out / f"{_slug(name)}-metrics.png"
            fig.savefig(path, dpi=110)
            plt.close(fig)
            written.append(path)
        quality = next((m for m in QUALITY_METRICS if m in _columns(group, (m,))), None)
        if quality and COST_METRIC in _columns(group, (COST_METRIC,)):
            fig, ax = plt.subplots(figsize=(6, 4.5))
            for r in group:
                q, s = r["aggregate"][quality], r["aggregate"][COST_METRIC]
                if q.get("mean") is None or s.get("mean") is None:
                    continue
                ax.errorbar(max(s["mean"], 1e-3), q["mean"], yerr=[[q["mean"] - q["ci_low"]], [q["ci_high"] - q["mean"]]],
                            xerr=[[s["mean"] - s["ci_low"]], [s["ci_high"] - s["mean"]]], fmt="o", capsize=3)
                ax.annotate(" / ".join(_label(r)), (max(s["mean"], 1e-3), q["mean"]), textcoords="offset points", xytext=(5, 5), fontsize="small")
            ax.set_xscale("log")
            ax.margins(x=0.35, y=0.15)  # room for the labels
            ax.set_xlabel("seconds per article (log)")
            ax.set_ylabel(quality)
            ax.set_title(f"{name}: quality against time")
            fig.tight_layout()
            path = out / f"{_slug(name)}-quality-vs-speed.png"
            fig.savefig(path, dpi=110)
            plt.close(fig)
            written.append(path)
    return written


def _replace_between(text: str, markers: tuple[str, str], body: str, path: Path, required: bool) -> str:
    start, end = markers
    if start not in text or end not in text or text.index(start) > text.index(end):
        if required:
            raise InputError(f"{path} lacks the markers {start} ... {end}: add them where the generated tables go.")
        return text
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body.strip()}\n{end}{tail}"


def _models_table(runs: Sequence[dict[str, Any]]) -> str:
    from .._api import DEFAULT_MODEL
    from .._models import registry

    measured: dict[str, set[str]] = {}
    for r in runs:
        model = r["provenance"].get("model")
        if model:
            measured.setdefault(str(model), set()).add(_group(r))
    lines = ["| name | model | status |", "|---|---|---|"]
    for name, entry in registry(include_user=False).items():  # the project's models, never a user's aliases
        hub = entry.get("hub_id", "")
        benches = measured.get(name, set()) | measured.get(hub, set())
        status = f"measured: {', '.join(sorted(benches))}" if benches else "not measured here (weights not available offline)"
        default = " (the embedded default)" if name == DEFAULT_MODEL else ""
        lines.append(f"| `{name}`{default} | {entry.get('description', hub)} | {status} |")
    return "\n".join(lines)


def update_models_md(path: str | Path, runs: Sequence[dict[str, Any]]) -> None:
    """Regenerate the results tables (and the model list, where its markers are) of models.md."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"No file {str(p)!r} to update: give the path of models.md.")
    text = p.read_text(encoding="utf-8")
    note = ("*Generated by `summarise eval compare` from results.json files — do not edit by hand. "
            "Cells: mean ± half the bootstrap 95% interval; best in bold; ↑/↓: higher/lower is better.*")
    text = _replace_between(text, RESULTS_MARKERS, note + "\n\n" + leaderboard_markdown(runs, metrics=MODELS_MD_METRICS, heading="####"), p, True)
    text = _replace_between(text, MODELS_MARKERS, _models_table(runs), p, False)
    p.write_text(text, encoding="utf-8")


def run_folders(dirs: Sequence[str | Path], *, out: str | Path | None = None) -> tuple[list[Path], list[str]]:
    """The run folders among ``dirs`` (as a shell expands ``runs/*``), and a note for each folder
    skipped: one without ``results.json`` (the ``compare/`` output folder, an unfinished run) or
    the output folder itself. A path that does not exist is an error (a typo, not a folder to skip).
    """
    kept, notes = [], []
    target = Path(out).resolve() if out is not None else None
    for d in dirs:
        p = Path(d)
        if not p.exists():
            raise InputError(f"No such run folder or results file: {str(d)!r}. Give folders written by `summarise eval run --out DIR`.")
        if target is not None and p.resolve() == target:
            notes.append(f"skipped {d}: it is the output folder")
        elif p.is_dir() and not (p / "results.json").is_file():
            notes.append(f"skipped {d}: not a run folder (no results.json)")
        else:
            kept.append(p)
    return kept, notes


def compare_runs(dirs: Sequence[str | Path], *, out: str | Path | None = None, models_md: str | Path | None = None,
                 log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Load the runs, write ``leaderboard.md`` and the plots into ``out``, update ``models_md``.

    Folders that are not runs are skipped (:func:`run_folders`), each with a note to ``log``,
    which also hears what is being done. Returns ``{"markdown": str, "files": [paths],
    "skipped": [notes]}``.
    """
    say = log or (lambda line: None)
    if not dirs:
        raise InputError("Give at least one run folder (written by `summarise eval run --out DIR`).")
    out_dir = Path(out) if out else Path(dirs[0]).resolve().parent / "compare"
    kept, skipped = run_folders(dirs, out=out_dir)
    for note in skipped:
        say(note)
    if not kept:
        raise InputError(f"No results.json in any folder given ({'; '.join(skipped)}): give run folders, written by "
                         "`summarise eval run --out DIR`.")
    runs = [load_run(d) for d in kept]
    say(f"read {len(runs)} runs; writing the leaderboard and plots to {out_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    markdown = "## Leaderboard\n\n" + leaderboard_markdown(runs)
    board = out_dir / "leaderboard.md"
    board.write_text(markdown, encoding="utf-8")
    files = [board, *_plots(runs, out_dir)]
    if models_md:
        update_models_md(models_md, runs)
        files.append(Path(models_md))
    return {"markdown": markdown, "files": [str(f) for f in files], "skipped": skipped}
