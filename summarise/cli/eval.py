"""``summarise eval``: run, compare, validate, report (plus ``benchmarks`` and ``metrics`` listings).

Registered by :mod:`summarise.cli` when the first argument is ``eval``; user errors are raised
as :class:`~summarise.SummariseError` and become ``summarise: error: ...`` (exit 2) there.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from .._errors import InputError

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``eval`` subcommand and its own subcommands."""
    from ..eval.systems import SYSTEMS

    p = subparsers.add_parser("eval", help="evaluate, compare and validate (see docs/eval.md)",
                              description="The evaluation harness: run a system on annotated references, "
                              "compare runs, validate the metrics against human judgements, check reference files.")
    sub = p.add_subparsers(dest="eval_command", required=True, metavar="{run,compare,validate,report,benchmarks,metrics}")

    run = sub.add_parser("run", help="run a system on a data file or benchmark and score it",
                         description="Run a system on references, store predictions as they finish "
                         "(resumable), score them and write DIR/results.json.")
    src = run.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", help="a .jsonl file in the reference format (or a NeuS folder)")
    src.add_argument("--benchmark", help="a benchmark name (`summarise eval benchmarks` lists them) or config path")
    run.add_argument("--system", default="pipeline", choices=SYSTEMS, help="what to run (default pipeline)")
    run.add_argument("--out", required=True, help="run folder: predictions.jsonl and results.json go here")
    run.add_argument("--limit", type=int, default=None, help="only the first N items")
    run.add_argument("--lexicon", default=None, help="NRC-VAD lexicon path: adds the framing metrics")
    run.add_argument("--max-words", type=int, default=None, help="summary length (default: the benchmark's, else 120)")
    run.add_argument("--metrics", default=None, help="comma-separated metric names (default: the benchmark's)")
    from . import add_model_options

    add_model_options(run, model_help="model for pipeline / naive-prompt (default smollm2-135m; 'none': no model)",
                      seed=None, seed_help="generation seed (default: the benchmark's, else 0)", server_bounds=False)
    _add_quiet(run, "no progress on stderr (articles, then scoring metric by metric)")
    run.set_defaults(handler=_run)

    cmp = sub.add_parser("compare", help="leaderboard, plots and models.md tables from runs",
                         description="Print and write a Markdown leaderboard and PNG plots from run folders; "
                         "with --models-md, regenerate its tables between the markers.")
    cmp.add_argument("dirs", nargs="+", help="run folders (each holding results.json); other folders given, such as "
                     "the --out folder in runs/*, are skipped with a note")
    cmp.add_argument("--out", default=None, help="where leaderboard.md and the plots go (default: compare/ beside the first run)")
    cmp.add_argument("--models-md", default=None, help="models.md to regenerate between <!-- results:start --> and <!-- results:end -->")
    _add_quiet(cmp, "no notes on stderr (runs read, folders skipped, files written)")
    cmp.set_defaults(handler=_compare)

    val = sub.add_parser("validate", help="validity studies against human judgements; or check a reference file",
                         description="With a study name (summac, qags, babe, neus-framing, basil) or 'all': measure "
                         "the metrics against human annotations of public data, write eval/validity/results/NAME.json "
                         "and regenerate eval/VALIDITY.md (a study whose data path is absent is skipped, with the "
                         "reason). With a .jsonl file or a benchmark name: check it against the reference format.")
    val.add_argument("target", nargs="?", help="a study name or 'all'; or a .jsonl reference file or benchmark name")
    val.add_argument("more", nargs="*", help="further study names, run in turn (summarise eval validate summac qags wice)")
    val.add_argument("--page", action="store_true", help="only regenerate eval/VALIDITY.md from the stored results")
    val.add_argument("--out", default=None, help="a folder for the study results and their VALIDITY.md (default: "
                     "eval/validity/results and eval/VALIDITY.md in a checkout)")
    _add_quiet(val, "no progress on stderr")
    val.set_defaults(handler=_validate)

    rep = sub.add_parser("report", help="a page per item: predicted and reference claims side by side",
                         description="Write RUN_DIR/report/index.html and one page per item of a run.")
    rep.add_argument("run_dir", help="a run folder written by `summarise eval run`")
    rep.add_argument("--out", default=None, help="where the pages go (default RUN_DIR/report)")
    rep.set_defaults(handler=_report)

    sub.add_parser("benchmarks", help="list the benchmarks").set_defaults(handler=_benchmarks)
    sub.add_parser("metrics", help="list the metrics with their cards").set_defaults(handler=_metrics)


def _add_quiet(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--quiet", "-q", "--no-progress", dest="quiet", action="store_true", help=what)


def _note(args: argparse.Namespace, line: str) -> None:
    """A progress note on stderr, unless --quiet."""
    if not args.quiet:
        print(f"summarise eval {args.eval_command}: {line}", file=sys.stderr, flush=True)


def _report(args: argparse.Namespace) -> int:
    from ..eval.report import write_run_report

    pages = write_run_report(args.run_dir, args.out)
    print(f"summarise eval: {len(pages) - 1} item pages and {pages[0]}", file=sys.stderr)
    return 0


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _load_data(args: argparse.Namespace) -> tuple[list[dict[str, Any]], dict[str, Any], Any]:
    from ..eval.benchmarks import load_benchmark, load_benchmark_items

    if args.benchmark:
        bench = load_benchmark(args.benchmark)
        info = {"name": bench.name, "version": bench.version, "config": bench.source}
        return load_benchmark_items(bench), info, bench
    path = Path(args.data)
    if path.is_dir():
        from ..eval.neus import load_neus
        from ..eval.references import check_references

        items = load_neus(path, sample=None)
        check_references(items)
    else:
        from ..eval.references import load_references, to_items

        items = to_items(load_references(path))
    return items, {"data": path.name, "path": str(path.resolve()), "sha256": _file_sha256(path)}, None


def _run(args: argparse.Namespace) -> int:
    from .._api import DEFAULT_MODEL
    from ..eval.benchmarks import resolve_lexicon
    from ..eval.runner import run_eval
    from ..eval.systems import MODEL_FREE_SYSTEMS, build_system

    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be a positive number, got {args.limit}")
    from ..eval.benchmarks import BenchmarkDataMissing

    try:
        items, info, bench = _load_data(args)  # validated here, before any model loads
    except BenchmarkDataMissing as e:
        if not args.benchmark:
            raise
        print(f"SKIPPED {args.benchmark}: {e}")
        return 0
    max_words = args.max_words or (bench.max_words if bench else 120)
    seed = args.seed if args.seed is not None else (bench.seed if bench else 0)
    metrics = [m.strip() for m in args.metrics.split(",") if m.strip()] if args.metrics else (list(bench.metrics) if bench and bench.metrics else None)
    lexicon = args.lexicon
    if lexicon is None and bench is not None and bench.metrics and any(m.startswith("framing_") for m in bench.metrics):
        lexicon = resolve_lexicon(bench)
    from . import controls, no_model

    if no_model(args):
        args.model = "none"  # --no-model and --model none are the same run (and the same prediction key)
    model = args.model if args.model is not None else (None if args.system in MODEL_FREE_SYSTEMS else DEFAULT_MODEL)

    ctl = controls(args, model_used=args.system not in MODEL_FREE_SYSTEMS and model is not None and model.lower() != "none")
    system = build_system(args.system, model=model, backend=args.backend, base_url=args.base_url, max_words=max_words, seed=seed, **ctl)
    settings: dict[str, Any] = {"max_words": max_words, "seed": seed}
    if ctl.get("generation"):  # only when given: the keys of runs made without them stay valid
        settings["generation"] = ctl["generation"]
    results = run_eval(items, system, args.out, metrics=metrics, lexicon=lexicon, limit=args.limit, settings=settings,
                       system_inputs=bench.system_inputs if bench else None, benchmark=info, progress=not args.quiet)
    _print_summary(results, Path(args.out) / "results.json")
    return 1 if results["errors"] else 0


def _print_summary(results: dict[str, Any], path: Path) -> None:
    c = results["counts"]
    print(f"{results['provenance']['system']} / {results['provenance'].get('model_label') or '—'}: {c['items']} items "
          f"({c['from_stored_predictions']} from stored predictions, {c['computed']} computed, {c['failed']} failed)")
    width = max(len(n) for n in results["aggregate"]) if results["aggregate"] else 10
    for name, s in results["aggregate"].items():
        if s["mean"] is None:
            print(f"  {name:<{width}}  —  (undefined on every item)")
        else:
            print(f"  {name:<{width}}  {s['mean']:.3f}  [{s['ci_low']:.3f}, {s['ci_high']:.3f}]  n={s['n']}")
    for e in results["errors"][:10]:
        print(f"  error: {e}", file=sys.stderr)
    print(f"results: {path}")


def _compare(args: argparse.Namespace) -> int:
    from ..eval.compare import compare_runs

    result = compare_runs(args.dirs, out=args.out, models_md=args.models_md, log=lambda line: _note(args, line))
    print(result["markdown"])
    for f in result["files"]:
        _note(args, f"wrote {f}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from ..eval.validity import list_studies

    if args.page or args.target == "all" or args.target in list_studies():
        unknown = [n for n in args.more if n not in list_studies()]
        if unknown:
            raise InputError(f"Unknown validity stud{'ies' if len(unknown) > 1 else 'y'} {', '.join(map(repr, unknown))}. "
                             f"Available: {', '.join(list_studies())}, or 'all'.")
        return _validity(args)
    if args.more:
        raise InputError(f"Several names are for validity studies ({', '.join(list_studies())}); {args.target!r} is not one.")
    if args.out:
        raise InputError(f"--out is where validity study results go; checking the reference file {args.target!r} writes nothing. "
                         "Drop --out, or name a study (" + ", ".join(list_studies()) + ") or 'all'.")
    if not args.target:
        raise InputError("Give a study name (" + ", ".join(list_studies()) + "), 'all', or a reference file to check.")
    from ..eval.benchmarks import list_benchmarks

    if not Path(args.target).exists() and args.target not in list_benchmarks():
        import difflib

        close = difflib.get_close_matches(args.target, [*list_studies(), *list_benchmarks()], n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise InputError(f"{args.target!r} is neither a validity study ({', '.join(list_studies())}, or 'all'), a "
                         f"benchmark ({', '.join(list_benchmarks())}), nor an existing reference file.{hint}")
    return _check_references(args.target)


def _validity(args: argparse.Namespace) -> int:
    from ..eval.validity import (
        ORDER,
        DataMissing,
        list_studies,
        results_dir,
        run_study,
        write_validity_page,
    )

    names = [] if args.page and not args.target else (
        [n for n in ORDER if n in list_studies()] + sorted(set(list_studies()) - set(ORDER)) if args.target == "all" else [args.target, *[n for n in args.more if n != args.target]])
    out = Path(args.out) if args.out else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for k, name in enumerate(names, 1):
        _note(args, f"study {k}/{len(names)}: {name}")
        try:
            results = run_study(name, out_dir=out, log=lambda line, n=name: _note(args, f"{n}: {line}"))
        except DataMissing as e:
            print(f"SKIPPED {e}", file=sys.stderr)  # the message starts with the study's name
            continue
        _note(args, f"{name}: wrote {(out or results_dir()) / (name + '.json')} in {results['provenance']['seconds']} s")
    page = write_validity_page(out / "VALIDITY.md", results=out) if out else write_validity_page()
    print(f"wrote {page}")
    return 0


def _check_references(target: str) -> int:
    from ..eval.benchmarks import list_benchmarks, load_benchmark, load_benchmark_items
    from ..eval.references import load_references, to_items

    path = Path(target)
    if not path.exists() and target in list_benchmarks():
        items = load_benchmark_items(load_benchmark(target))
        where = f"benchmark {target}"
    else:
        items = to_items(load_references(path))  # raises with every problem listed
        where = str(path)
    claims = sum(len(i["claims"]) for i in items)
    terms = sum(len(i["loaded_terms"]) for i in items)
    incs = sum(len(i["inconsistencies"]) for i in items)
    print(f"OK {where}: {len(items)} items, {claims} claims, {terms} loaded terms, {incs} inconsistencies")
    return 0


def _benchmarks(args: argparse.Namespace) -> int:
    from ..eval.benchmarks import list_benchmarks, load_benchmark

    for name in list_benchmarks():
        b = load_benchmark(name)
        where = b.data.get("resource") or b.data.get("path")
        print(f"{b.name} (v{b.version}): {where}\n  {b.description}")
    return 0


def _metrics(args: argparse.Namespace) -> int:
    from ..eval.registry import get_metric, metric_names

    for name in metric_names():
        m = get_metric(name)
        needs = f" (needs {', '.join(m.needs)})" if m.needs else ""
        print(f"{name}{needs} [{'higher' if m.higher_is_better else 'lower'} is better]\n"
              f"  {m.card.definition}\n  range: {m.card.range}\n  misses: {m.card.misses}")
    return 0

