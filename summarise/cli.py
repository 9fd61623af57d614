"""The command line: a thin layer over the library. Library errors become CLI errors here, at
one boundary (message on stderr, exit code 2), never a traceback.

    summarise FILE|- [FILE...]  summary, then a claims table, per file (--json: one JSON object,
                                one JSON line per file when several are given)
    summarise models            the model registry
    summarise eval ...          the evaluation harness (run, compare, validate)
    summarise batch IN --out O  resumable batch summarisation of a corpus

Subcommand names take precedence over a file name: ``./eval`` reaches a file called ``eval``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Callable, Sequence

from ._errors import SummariseError

__all__ = ["main"]

# name -> "module:register" ; each register(subparsers) adds its parser with
# set_defaults(handler=fn), fn(args) -> int exit code.
_SUBCOMMANDS: dict[str, str] = {
    "models": "summarise._cli_models:register",
    "eval": "summarise.eval.cli:register",
    "batch": "summarise.batch:register",
}


def _load_register(spec: str) -> Callable[[argparse._SubParsersAction], None]:
    import importlib

    mod, fn = spec.split(":")
    return getattr(importlib.import_module(mod), fn)


def _add_model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=None, help="registry name, hub id, model folder or .gguf path (default: smollm2-135m)")
    p.add_argument("--backend", default=None, help="transformers (default), llamacpp, openai, fake")
    p.add_argument("--base-url", default=None, help="for --backend openai: the server's /v1 URL")
    p.add_argument("--no-model", action="store_true", help="deterministic pipeline only, no model calls")
    p.add_argument("--seed", type=int, default=0)


def _summarise_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="summarise",
        description="Neutral summary and attributed claims of a news article. "
        "Subcommands: models, eval, batch (see `summarise SUBCOMMAND --help`).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article text file(s), or - for standard input; "
                   "the model loads once for all of them")
    p.add_argument("--json", action="store_true", help="print one JSON object (with several files, one JSON line "
                   "per file: {\"file\": ..., \"result\": ...} or {\"file\": ..., \"error\": ...})")
    p.add_argument("--report", metavar="PATH", default=None,
                   help="also write a self-contained HTML page a reader can check (with several files: a folder, "
                   "one page per file)")
    p.add_argument("--max-words", type=int, default=120, help="summary length limit (default 120)")
    _add_model_options(p)
    return p


def _read_input(path: str) -> str:
    from ._errors import InputError

    if path == "-":
        data = sys.stdin.buffer.read()
        where = "standard input"
    else:
        if not os.path.exists(path):
            raise InputError(f"No such file: {path!r}. Give the path of a text file, or - to read standard input.")
        if os.path.isdir(path):
            raise InputError(f"{path!r} is a folder: give the path of a text file (for a corpus, use `summarise batch`).")
        with open(path, "rb") as fh:
            data = fh.read()
        where = repr(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{where} is not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}). "
            "Convert it first, e.g. iconv -f latin1 -t utf-8 FILE > FILE.txt"
        ) from None


def _model_kwargs(args: argparse.Namespace) -> dict:
    """The model arguments of ``summarise()``; with several files the backend is created once."""
    from . import DEFAULT_MODEL, load_backend

    if args.no_model:
        return {"model": None}
    if len(args.files) == 1:
        kwargs: dict = {"model": args.model or DEFAULT_MODEL}
        if args.backend:
            kwargs["backend"] = args.backend
        if args.base_url:
            kwargs["base_url"] = args.base_url
        return kwargs
    options = {"base_url": args.base_url} if args.base_url else {}
    return {"model": load_backend(args.model or DEFAULT_MODEL, backend=args.backend, **options)}


def _write_report(result: object, text: str, path: str, source: str) -> None:
    from ._errors import InputError

    folder = os.path.dirname(path)
    try:
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(result.to_html(text, title=f"Summary report: {os.path.basename(source)}"))  # type: ignore[attr-defined]
    except OSError as e:
        raise InputError(f"Cannot write the report to {path!r} ({e.strerror}): give --report a writable path") from None
    print(f"summarise: report written to {path}", file=sys.stderr)


def _run_summarise(argv: Sequence[str]) -> int:
    from . import summarise
    from ._render_cli import render_text

    args = _summarise_parser().parse_args(argv)
    if len(args.files) == 1:  # one file: its error is the command's error
        text = _read_input(args.files[0])
        result = summarise(text, max_words=args.max_words, seed=args.seed, **_model_kwargs(args))
        if args.report:
            _write_report(result, text, args.report, args.files[0])
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json else render_text(result))
        return 0
    model = _model_kwargs(args)
    failed = 0
    for k, path in enumerate(args.files):
        try:
            text = _read_input(path)
            result = summarise(text, max_words=args.max_words, seed=args.seed, **model)
            if args.report:
                name = "stdin" if path == "-" else os.path.splitext(os.path.basename(path))[0]
                _write_report(result, text, os.path.join(args.report, f"{k + 1:03d}-{name}.html"), path)
        except SummariseError as e:  # one bad file does not stop the others
            failed += 1
            print(f"summarise: error: {path}: {e}", file=sys.stderr)
            if args.json:
                print(json.dumps({"file": path, "error": str(e)}, ensure_ascii=False), flush=True)
            continue
        if args.json:
            print(json.dumps({"file": path, "result": result.to_dict()}, ensure_ascii=False), flush=True)
        else:
            print(("\n" if k else "") + f"==> {path} <==\n" + render_text(result), flush=True)
    if failed:
        print(f"summarise: {failed} of {len(args.files)} files failed (see above)", file=sys.stderr)
    return 2 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``summarise`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        if argv and argv[0] in _SUBCOMMANDS:
            parser = argparse.ArgumentParser(prog="summarise")
            sub = parser.add_subparsers(dest="command", required=True)
            for name, spec in _SUBCOMMANDS.items():
                if name == argv[0]:
                    _load_register(spec)(sub)
            args = parser.parse_args(argv)
            return int(args.handler(args) or 0)
        return _run_summarise(argv)
    except SummariseError as e:
        print(f"summarise: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("summarise: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
