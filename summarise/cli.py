"""The command line: a thin layer over the library. Library errors become CLI errors here, at
one boundary (message on stderr, exit code 2), never a traceback.

    summarise FILE|-            summary, then a claims table (--json for one JSON object)
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
    p.add_argument("file", help="article text file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--max-words", type=int, default=120, help="summary length limit (default 120)")
    _add_model_options(p)
    p.add_argument("--input-format", choices=("auto", "text", "html"), default="auto",
                   help="html: extract the article from a web page; auto (default): html for .html/.htm files or detected markup")
    p.add_argument("--timeout", type=float, default=None, help="for --backend openai: seconds per request (default 60)")
    p.add_argument("--max-retries", type=int, default=None, help="for --backend openai: retries per request (default 5)")
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


def _run_summarise(argv: Sequence[str]) -> int:
    from . import summarise
    from ._render_cli import render_text

    args = _summarise_parser().parse_args(argv)
    text = _read_input(args.file)
    kwargs: dict = {"max_words": args.max_words, "seed": args.seed}
    from ._html import is_html_path

    kwargs["input_format"] = "html" if args.input_format == "auto" and is_html_path(args.file) else args.input_format
    if args.no_model:
        kwargs["model"] = None
    else:
        if args.model:
            kwargs["model"] = args.model
        if args.backend:
            kwargs["backend"] = args.backend
        if args.base_url:
            kwargs["base_url"] = args.base_url
    for flag, value in (("timeout", args.timeout), ("max_retries", args.max_retries)):
        if value is not None:
            if args.no_model or args.backend != "openai":
                from ._errors import InputError

                raise InputError(f"--{flag.replace('_', '-')} {value} is for --backend openai (a server); add --backend openai --base-url URL")
            kwargs[flag] = value
    result = summarise(text, **kwargs)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result))
    return 0


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
