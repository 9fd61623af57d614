"""``summarise batch IN --out OUT``: the command line of :func:`summarise.batch.summarise_corpus`."""

from __future__ import annotations

import argparse
from typing import Any

from .._api import DEFAULT_MODEL
from .._errors import InputError
from ..batch import summarise_corpus
from . import add_model_options, controls, no_model

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``summarise batch`` to the command line."""
    p = subparsers.add_parser(
        "batch",
        help="summarise a corpus (JSONL, CSV or Parquet) into a resumable JSONL or Parquet file",
        description="Summarise every article of INPUT into OUT, one record per article. Re-running "
        "the same command skips the articles done and retries the failed ones. Exit code 0 when "
        "every article succeeded, 1 when some failed (their records say why), 2 on errors.",
    )
    p.add_argument("input", metavar="INPUT", help="a .jsonl, .csv or .parquet file with an id and a text column")
    p.add_argument("--out", required=True, help="output file: .jsonl (default) or .parquet")
    p.add_argument("--concurrency", type=int, default=4, help="articles in flight at once (default 4)")
    p.add_argument("--id-column", default="id", help="name of the id column (default id)")
    p.add_argument("--text-column", default="text", help="name of the text column (default text)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles of INPUT")
    p.add_argument("--max-words", type=int, default=120, help="summary length limit (default 120)")
    add_model_options(p, model_help=f"registry name, hub id, path, or the server's model name (default: {DEFAULT_MODEL}; "
                      "'none': no model)")
    p.add_argument("--quiet", "-q", "--no-progress", dest="quiet", action="store_true",
                   help="no progress bar on stderr (the final report and errors are still printed)")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    import sys

    options: dict[str, Any] = {}
    for name in ("base_url", "timeout", "max_retries"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    if options and args.backend != "openai":
        raise InputError(f"--{next(iter(options)).replace('_', '-')} is for --backend openai; add --backend openai")
    off = no_model(args)
    model: Any = None if off else (args.model or DEFAULT_MODEL)
    ctl = controls(args, model_used=not off)
    if not args.quiet and not off:
        from .._models import model_label

        print(f"summarise batch: summarising with {model_label(model)} (the model loads with the first article)", file=sys.stderr)
    from . import _import_spacy

    _import_spacy(args, {"model": model})  # before any worker thread starts (see cli._lean_import)
    try:
        report = summarise_corpus(
            args.input, args.out, model=model, backend=None if off else args.backend,
            id_column=args.id_column, text_column=args.text_column, concurrency=args.concurrency,
            max_words=args.max_words, seed=args.seed, limit=args.limit,
            progress=not args.quiet, **ctl, **({} if off else options),
        )
    except KeyboardInterrupt:
        print(f"summarise: interrupted; the articles finished are saved in {args.out}. "
              "Re-run the same command to resume.", file=sys.stderr)
        return 130
    print(report, file=sys.stderr)
    if report.failed:
        print(f"summarise: {report.failed} article(s) failed; their records in {args.out} say why. "
              "Re-run the same command to retry them.", file=sys.stderr)
        return 1
    return 0
