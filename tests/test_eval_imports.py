"""The eval wing's import graph: ``import summarise.eval`` registers every metric, and every module
of ``summarise.eval`` imports first, on its own, in a fresh interpreter (no import cycle)."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "summarise" / "eval"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def _modules() -> list[str]:
    out = _python("import pkgutil, summarise.eval as e\n"
                  "print('\\n'.join(m.name for m in pkgutil.walk_packages(e.__path__, 'summarise.eval.')))")
    assert out.returncode == 0, out.stderr
    return ["summarise.eval", *out.stdout.split()]


def _documented_metrics() -> set[str]:
    """The names in the metric-card table of docs/eval.md (``framing_arousal_pos`` / ``_neg``)."""
    text = (ROOT / "docs" / "eval.md").read_text(encoding="utf-8")
    table = text.split("## Metric cards", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in table.splitlines():
        if line.startswith("| `"):
            cell = line.split("|")[1]
            found = re.findall(r"`([A-Za-z0-9_]+)`", cell)
            names.update(found)
            names.update(found[0].rsplit("_", 1)[0] + s for s in re.findall(r"`(_[a-z]+)`", cell) if found)
    return names - {n for n in names if n.startswith("_")}


def test_importing_the_package_registers_every_metric():
    code = ("import json, pkgutil, importlib, summarise.eval as e\n"
            "first = list(e.METRICS)\n"
            "for m in pkgutil.walk_packages(e.__path__, 'summarise.eval.'):\n"
            "    importlib.import_module(m.name)\n"
            "from summarise.eval import metrics as mm\n"
            "print(json.dumps({'first': first, 'after': list(e.METRICS), 'layouts': [*mm.LEADERBOARD_METRICS, "
            "*mm.MODELS_MD_METRICS, *mm.PLOT_METRICS, *mm.QUALITY_METRICS, mm.COST_METRIC], "
            "'options': sorted(e.registry.RUN_OPTIONS), 'needs': sorted({n for m in e.METRICS.values() for n in m.needs})}))")
    out = _python(code)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["first"], "summarise.eval.METRICS is empty right after import"
    assert got["first"] == got["after"], "importing some module registered metrics that `import summarise.eval` did not"
    documented = _documented_metrics()
    assert {"rouge1", "claim_f1", "faithfulness", "framing_arousal_neg", "tokens_per_article"} <= documented
    assert documented <= set(got["first"]), f"documented but not registered: {sorted(documented - set(got['first']))}"
    assert set(got["layouts"]) <= set(got["first"]), "a table column names no registered metric"
    assert set(got["needs"]) <= set(got["options"]), "a metric needs a run option no module provides"


def test_the_registry_imports_no_metric():
    tree = ast.parse((EVAL / "registry.py").read_text(encoding="utf-8"))
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any("metrics" in m or "faithfulness" in m for m in imported), imported


def test_the_runner_and_the_reports_name_no_metric():
    """What a metric needs (details and their run totals, run options, headings, its Hugging Face
    module) it declares itself: the runner, the scoring, the comparison and the ``evaluate``
    modules' package hold no metric name and import no metric module."""
    from summarise.eval import METRICS

    for name in ("runner.py", "_scoring.py", "compare.py", "hf/__init__.py"):
        tree = ast.parse((EVAL / name).read_text(encoding="utf-8"))
        named = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)} & set(METRICS)
        assert not named, f"{name} names metrics {sorted(named)}"
        modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in modules if m.startswith("metrics.") or m in ("faithfulness", "framing")}, (name, modules)


@pytest.mark.parametrize("chunk", range(4))
def test_every_module_imports_first_in_a_fresh_interpreter(chunk):
    """Each module imported as the very first one (each in its own interpreter) succeeds: an
    import cycle shows as an ImportError or a missing name in one of these orders."""
    modules = _modules()[chunk::4]
    assert modules
    failures = []
    for mod in modules:
        out = _python(f"import {mod}")
        if out.returncode != 0:
            failures.append(f"{mod}: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
    assert not failures, "\n".join(failures)


def _module_level_imports(path: Path, name: str, is_package: bool) -> set[str]:
    """The modules of ``summarise.eval`` that ``name`` imports when it is itself imported (imports
    inside functions run later and are left out). ``from PKG import x`` is an edge to the submodule
    ``PKG.x`` when there is one, else to ``PKG`` (its ``__init__`` must define ``x`` by then)."""
    package = name if is_package else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: list[ast.stmt] = list(tree.body)
    edges: set[str] = set()
    while nodes:
        node = nodes.pop()
        if isinstance(node, (ast.If, ast.Try)):
            nodes.extend([*node.body, *node.orelse, *getattr(node, "finalbody", []),
                          *(s for h in getattr(node, "handlers", []) for s in h.body)])
        elif isinstance(node, ast.Import):
            edges |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                edges.add(sub if _path_of(sub) else base)
    return {e for e in edges if e == "summarise.eval" or e.startswith("summarise.eval.")} - {name}


def _path_of(module: str) -> Path | None:
    rel = Path(*module.split("."))
    for p in (ROOT / rel / "__init__.py", ROOT / rel.with_suffix(".py")):
        if p.is_file():
            return p
    return None


def test_the_eval_import_graph_has_no_cycle():
    graph = {}
    for path in sorted(EVAL.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        is_package = rel.name == "__init__"
        name = ".".join(rel.parent.parts if is_package else rel.parts)
        graph[name] = _module_level_imports(path, name, is_package)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(stack[stack.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert "summarise.eval.metrics.claims" in graph and "summarise.eval.registry" in graph["summarise.eval.metrics.claims"]
