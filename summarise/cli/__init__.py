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
import time
from typing import TYPE_CHECKING, Callable, Sequence, TextIO

from .._errors import SummariseError
from .._options import BACKEND_HELP

if TYPE_CHECKING:
    from .._types import Summary

__all__ = ["main", "ProgressLine", "add_model_options", "add_control_arguments", "controls", "no_model"]

# name -> "module:register" ; each register(subparsers) adds its parser with
# set_defaults(handler=fn), fn(args) -> int exit code.
_SUBCOMMANDS: dict[str, str] = {
    "models": "summarise.cli.models:register",
    "eval": "summarise.cli.eval:register",
    "batch": "summarise.cli.batch:register",
}


def _load_register(spec: str) -> Callable[[argparse._SubParsersAction], None]:
    import importlib

    mod, fn = spec.split(":")
    return getattr(importlib.import_module(mod), fn)


def add_model_options(p: argparse.ArgumentParser, *, model_help: str | None = None, seed: int | None = 0,
                      seed_help: str = "generation seed (default 0)", server_bounds: bool = True) -> None:
    """The model options every command that runs a model takes, declared once: ``--model``,
    ``--backend``, ``--base-url``, ``--no-model`` (the same as ``--model none``), ``--seed``,
    ``--timeout``/``--max-retries`` for a server, then ``-o``, ``--rewrite`` and ``--prompts``."""
    p.add_argument("--model", default=None, help=model_help or "registry name, hub id, model folder or .gguf path "
                   "(default: smollm2-135m; 'none': no model)")
    p.add_argument("--backend", default=None, help=BACKEND_HELP)
    p.add_argument("--base-url", default=None, help="for --backend openai: the server's API root, e.g. http://HOST:8000/v1")
    p.add_argument("--no-model", action="store_true", help="deterministic pipeline only, no model calls (= --model none)")
    p.add_argument("--seed", type=int, default=seed, help=seed_help)
    if server_bounds:
        p.add_argument("--timeout", type=float, default=None, help="for --backend openai: seconds per request (default 60)")
        p.add_argument("--max-retries", type=int, default=None, help="for --backend openai: retries per request (default 5)")
    add_control_arguments(p)


def no_model(args: argparse.Namespace) -> bool:
    """``--no-model`` or ``--model none``: the same thing for every command."""
    return bool(getattr(args, "no_model", False)) or str(getattr(args, "model", None) or "").lower() == "none"


def add_control_arguments(p: argparse.ArgumentParser) -> None:
    """``-o NAME VALUE`` (generation options) and ``--prompts DIR``, for every command that runs a model."""
    from .._options import GENERATION_OPTIONS

    p.add_argument("-o", "--option", nargs=2, action="append", metavar=("NAME", "VALUE"), dest="options",
                   help="a model option, repeatable: "
                   + "; ".join(f"{n}: {o.help}" for n, o in GENERATION_OPTIONS.items()))
    p.add_argument("--rewrite", action="store_true",
                   help="let the model also reword claims and write the summary, each wording verified (= -o rewrite 1; "
                   "slower: by default the model only judges where the rules are unsure)")
    p.add_argument("--prompts", metavar="DIR", default=None,
                   help="a folder of prompt files that replace the packaged ones of the same name (copy prompts/ to start; "
                   "each file's sha256 is recorded in the result)")


def controls(args: argparse.Namespace, *, model_used: bool) -> dict:
    """``generation=`` and ``prompts=`` from ``-o`` and ``--prompts``, checked; an error when no
    model will run, since they would change nothing."""
    from .._errors import InputError
    from .._options import parse_option_pairs
    from .._prompts import check_prompt_folder

    if getattr(args, "rewrite", False):
        args.options = [*(args.options or []), ["rewrite", "1"]]
    if not model_used and (args.options or args.prompts):
        given = " and ".join(x for x, v in (("-o", args.options), ("--prompts", args.prompts)) if v)
        raise InputError(f"{given} set what the model is asked, but no model runs here (--no-model, --model none, or "
                         "a system without a model): drop them, or name a model")
    out: dict = {}
    if args.options:
        out["generation"] = parse_option_pairs(args.options)
    if args.prompts:
        out["prompts"] = check_prompt_folder(args.prompts)
    return out


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
    p.add_argument("--quiet", "-q", action="store_true", help="no progress line on stderr while the model works")
    p.add_argument("--report", metavar="PATH", default=None,
                   help="also write a self-contained HTML page a reader can check (with several files: a folder, "
                   "one page per file)")
    p.add_argument("--max-words", type=int, default=120, help="summary length limit (default 120)")
    add_model_options(p)
    p.add_argument("--input-format", choices=("auto", "text", "html"), default="auto",
                   help="html: extract the article from a web page; auto (default): html for .html/.htm files or detected markup")
    return p


def _read_input(path: str) -> str:
    from .._errors import InputError

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
    from .. import DEFAULT_MODEL, load_backend

    bounds = {k: v for k, v in (("timeout", args.timeout), ("max_retries", args.max_retries)) if v is not None}
    for flag, value in bounds.items():
        if no_model(args) or args.backend != "openai":
            from .._errors import InputError

            raise InputError(f"--{flag.replace('_', '-')} {value} is for --backend openai (a server); add --backend openai --base-url URL")
    if no_model(args):
        return {"model": None}
    if len(args.files) == 1:
        kwargs: dict = {"model": args.model or DEFAULT_MODEL, **bounds}
        if args.backend:
            kwargs["backend"] = args.backend
        if args.base_url:
            kwargs["base_url"] = args.base_url
        return kwargs
    options = {"base_url": args.base_url, **bounds} if args.base_url else bounds
    return {"model": load_backend(args.model or DEFAULT_MODEL, backend=args.backend, **options)}


def _input_format(args: argparse.Namespace, path: str) -> str:
    from .._html import is_html_path

    return "html" if args.input_format == "auto" and is_html_path(path) else args.input_format


def _write_report(result: Summary, text: str, path: str, source: str) -> None:
    from .._errors import InputError

    folder = os.path.dirname(path)
    try:
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            extracted = result.extracted  # HTML input: offsets index the extracted text
            fh.write(result.to_html(extracted.text if extracted is not None else text, title=f"Summary report: {os.path.basename(source)}"))
    except OSError as e:
        raise InputError(f"Cannot write the report to {path!r} ({e.strerror}): give --report a writable path") from None
    print(f"summarise: report written to {path}", file=sys.stderr)


class ProgressLine:
    """``progress(done, total, stage=...)`` for the pipeline: one line on ``stream`` (rewritten in
    place on a terminal, a line per update otherwise) saying how far the model is and the time
    elapsed: judging (scoring requests answered of those asked so far), then wording claims."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.t0, self.shown = stream, time.perf_counter(), False
        self.tty = bool(getattr(stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int, stage: str = "wording") -> None:
        claims = total - 1  # the last call writes the summary
        if stage == "judging":
            what = f"model judging who a pronoun is: {done}/{total} scored"
        elif done < claims:
            what = f"model wording claims: {done}/{claims} done"
        elif done == claims:
            what = f"model wording claims: {claims}/{claims} done, writing the summary"
        else:
            what = "model done"
        msg = f"summarise: {what} ({time.perf_counter() - self.t0:.1f} s)"
        self.stream.write(f"\r{msg}\x1b[K" if self.tty else msg + "\n")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the line on a terminal, so that what follows starts clean."""
        if self.tty and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _summarise_one(args: argparse.Namespace, text: str, model: dict, path: str) -> Summary:
    """``summarise(text)`` with the progress line on stderr unless --quiet or --no-model."""
    from .. import summarise

    line = None if args.quiet or no_model(args) else ProgressLine(sys.stderr)
    try:
        return summarise(text, max_words=args.max_words, seed=args.seed, input_format=_input_format(args, path),
                         progress=line, **model, **args.controls)
    finally:
        if line is not None:
            line.close()


def _import_spacy(args: argparse.Namespace, model: dict) -> None:
    """Import spaCy without its command line, and without torch when the backend this command
    runs does without it (see ``_lean_import``: this process is the command's, the library never
    does it)."""
    from .. import DEFAULT_MODEL
    from ._lean_import import TORCHLESS_BACKENDS, import_spacy_lean

    given = model.get("model")
    if given is None:
        name = None
    elif not isinstance(given, str):  # several files: the backend is made already
        name = getattr(given, "name", "")
    elif args.backend:
        name = args.backend
    else:
        from ..backends import default_backend

        try:
            name = default_backend(given or DEFAULT_MODEL)[0]
        except SummariseError:  # the same error comes again, with its message, from summarise()
            name = ""
    import_spacy_lean(hide_torch=name in TORCHLESS_BACKENDS)


def _run_summarise(argv: Sequence[str]) -> int:
    from ._render import render_text

    args = _summarise_parser().parse_args(argv)
    args.controls = controls(args, model_used=not no_model(args))  # checked once, before any file is read
    if len(args.files) == 1:  # one file: its error is the command's error
        text = _read_input(args.files[0])
        model = _model_kwargs(args)
        _import_spacy(args, model)
        result = _summarise_one(args, text, model, args.files[0])
        if args.report:
            _write_report(result, text, args.report, args.files[0])
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json else render_text(result))
        return 0
    model = _model_kwargs(args)
    _import_spacy(args, model)
    failed = 0
    for k, path in enumerate(args.files):
        try:
            text = _read_input(path)
            result = _summarise_one(args, text, model, path)
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
