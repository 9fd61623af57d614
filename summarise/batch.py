"""Resumable batch summarisation of a corpus: :func:`summarise_corpus` (the command line,
``summarise batch IN --out OUT``, is :mod:`summarise.cli.batch`).

The output holds one record per article::

    {"id": ..., "ok": true, "result": Summary.to_dict(), "error": null, "seconds": 3.2}
    {"id": ..., "ok": false, "result": null, "error": {"type": "BackendError", "message": "..."},
     "seconds": 0.4}

Exactly once. Records are appended (and fsync'ed) as articles finish, by one writer thread, and
every line appended is for an id the file does not hold yet, so the file holds each id at most
once at every moment, even after a crash. At start the existing output is read: a truncated last
line (a crash mid-write) is dropped, successful ids are skipped, and the failure records of ids
about to be retried are removed by an atomic rewrite (temporary file + ``os.replace``), so the
retry's record takes their place. Failures that a run did not get to retry (``limit``, Ctrl-C)
are written back before it returns. Parquet output is written to a JSONL sidecar
(``OUT.partial.jsonl``) the same way and converted to ``OUT`` at the end; re-running on a
finished Parquet file converts it back first.
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from . import _api
from ._batch_io import (
    ArticleSource,
    open_source,
    read_log,
    read_parquet_records,
    rewrite_jsonl,
    write_parquet,
)
from ._errors import InputError

__all__ = ["BatchReport", "summarise_corpus"]

# Looked up at call time, so that tests can stand in for the pipeline.
_summarise = _api.summarise


@dataclass(frozen=True)
class BatchReport:
    """What one :func:`summarise_corpus` run did."""

    done: int
    """Articles summarised successfully by this run."""
    skipped: int
    """Articles skipped because the output already held a successful record for them."""
    failed: int
    """Articles whose summarisation failed in this run (recorded with their error)."""
    seconds: float
    """Wall-clock seconds of the run."""
    output: str
    """The output file."""

    def __str__(self) -> str:
        rate = self.done / self.seconds * 60 if self.seconds > 0 else 0.0
        return (f"{self.done} summarised, {self.skipped} skipped (already done), "
                f"{self.failed} failed in {self.seconds:.1f} s ({rate:.1f} articles/min) -> {self.output}")


def _is_parquet(path: str) -> bool:
    return path.lower().endswith((".parquet", ".pq"))


def _record(article_id: Any, result: Any, error: BaseException | None, seconds: float) -> dict[str, Any]:
    if error is not None:
        return {"id": article_id, "ok": False, "result": None,
                "error": {"type": type(error).__name__, "message": str(error)}, "seconds": round(seconds, 3)}
    return {"id": article_id, "ok": True, "result": result, "error": None, "seconds": round(seconds, 3)}


def _prepare_log(log_path: str, output: str, parquet: bool, retry: set[str]) -> tuple[set[str], dict[str, dict[str, Any]]]:
    """Make ``log_path`` hold each id at most once, end with a complete line, and hold no record
    of an id in ``retry``. Returns the successful ids, and the failure records set aside."""
    if parquet and not os.path.exists(log_path) and os.path.exists(output):
        rewrite_jsonl(log_path, read_parquet_records(output))  # re-run on a finished Parquet file
    if not os.path.exists(log_path):
        return set(), {}
    state = read_log(log_path)
    ok = {key for key, rec in state.records.items() if rec.get("ok") is True}
    set_aside = {key: rec for key, rec in state.records.items() if key in retry and key not in ok}
    if set_aside or state.lines != len(state.records):
        rewrite_jsonl(log_path, [rec for key, rec in state.records.items() if key not in set_aside])
    elif state.truncated:
        os.truncate(log_path, state.good_size)
    return ok, set_aside


def summarise_corpus(
    input: Any,
    output: str | os.PathLike[str],
    *,
    model: Any = _api.DEFAULT_MODEL,
    backend: str | None = None,
    id_column: str = "id",
    text_column: str = "text",
    concurrency: int = 4,
    max_words: int = 120,
    seed: int = 0,
    limit: int | None = None,
    progress: bool = True,
    generation: dict[str, Any] | None = None,
    prompts: str | os.PathLike[str] | None = None,
    **backend_options: Any,
) -> BatchReport:
    """Summarise every article of ``input`` into ``output``, resumably.

    ``input`` is a path to a ``.jsonl``, ``.csv`` or ``.parquet`` file, or a ``datasets.Dataset``,
    with an id column and a text column (``id_column``, ``text_column``); ids must be unique.
    ``output`` is Parquet when it ends in ``.parquet`` (or ``.pq``), JSONL otherwise. Re-running
    with the same output skips the articles already summarised and retries the failed ones.
    ``limit`` takes only the first N articles of the input. ``model``, ``backend`` and
    ``backend_options`` are as for :func:`summarise.summarise`; the model is loaded once and
    shared by ``concurrency`` worker threads. With ``backend="openai"`` the backend's own
    ``concurrency`` (requests in flight) defaults to the same number. ``generation`` and
    ``prompts`` are as for :func:`summarise.summarise` (checked before any article is read).
    ``progress``: a bar of articles done on stderr.

    Per-article failures are recorded and do not stop the batch. On ``KeyboardInterrupt`` the
    articles in flight are finished and saved (a second Ctrl-C abandons them), then the
    ``KeyboardInterrupt`` is re-raised; re-running the same call resumes.
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise InputError(f"concurrency must be a positive int, got {concurrency!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InputError(f"limit must be None or an int >= 0, got {limit!r}")
    output = os.fspath(output)
    if os.path.isdir(output):
        raise InputError(f"--out {output!r} is a folder: give a file path ending in .jsonl or .parquet")
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):
        raise InputError(f"The folder of the output {output!r} does not exist: create {parent!r} first")

    options, folder = _api._check_controls(generation, prompts, model)
    start = time.perf_counter()
    source: ArticleSource = open_source(input, id_column=id_column, text_column=text_column, limit=limit)
    parquet = _is_parquet(output)
    log_path = output + ".partial.jsonl" if parquet else output
    ok_ids, set_aside = _prepare_log(log_path, output, parquet, retry=set(source.keys))
    todo = [key for key in source.keys if key not in ok_ids]
    skipped = len(source.keys) - len(todo)

    if backend == "openai":
        backend_options.setdefault("concurrency", concurrency)
    be = _api._resolve_backend(model, backend, backend_options) if todo else None

    def one(article_id: Any, text: Any) -> tuple[dict[str, Any], bytes]:
        """Summarise one article into its record and the record's line (in the worker thread)."""
        t0 = time.perf_counter()
        try:
            rec = _record(article_id, _summarise(text, model=be, max_words=max_words, seed=seed,
                                                 **({"generation": options} if options else {}),
                                                 **({"prompts": folder} if folder is not None else {})).to_dict(),
                          None, time.perf_counter() - t0)
            line = json.dumps(rec, ensure_ascii=False)
        except Exception as e:  # recorded per article; KeyboardInterrupt etc. propagate
            rec = _record(article_id, None, e, time.perf_counter() - t0)
            line = json.dumps(rec, ensure_ascii=False, default=repr)
        return rec, line.encode("utf-8") + b"\n"

    done = failed = 0
    from tqdm import tqdm

    bar = tqdm(total=len(todo), desc="summarise", unit="article", disable=not progress)
    pending: set[Future[tuple[dict[str, Any], bytes]]] = set()  # submitted, not yet saved
    log = open(log_path, "ab")
    saved = log.tell()  # bytes up to the end of the last complete line
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="summarise-batch")

    def append(line: bytes) -> None:
        nonlocal saved
        log.write(line)
        log.flush()
        os.fsync(log.fileno())
        saved = log.tell()

    def save(future: Future[tuple[dict[str, Any], bytes]]) -> None:
        nonlocal done, failed
        rec, line = future.result()
        set_aside.pop(str(rec["id"]), None)  # before the append: never two records of one id
        append(line)
        pending.discard(future)
        done, failed = (done + 1, failed) if rec["ok"] else (done, failed + 1)
        bar.update(1)
        if failed:
            bar.set_postfix(failed=failed)

    def drain(below: int) -> None:
        while len(pending) > below:
            for future in wait(pending, return_when=FIRST_COMPLETED)[0]:
                save(future)

    try:
        todo_set = set(todo)
        for article_id, text in source.articles():
            if str(article_id) in todo_set:
                drain(below=2 * concurrency - 1)  # bounded in flight: the input is read lazily
                pending.add(pool.submit(one, article_id, text))
        drain(below=0)
    except KeyboardInterrupt:
        running = [f for f in pending if not f.cancel()]
        bar.write(f"summarise: interrupted; saving {len(running)} article(s) in flight "
                  "(Ctrl-C again to abandon them)")
        try:
            for future in running:
                if future.exception() is None:  # waits; None unless the worker was interrupted
                    save(future)
        except KeyboardInterrupt:
            pass
        raise
    finally:
        try:
            # An interrupt mid-write leaves a partial line: cut it, then put back the failures
            # this run did not get to retry, so that no record is lost.
            log.flush()
            if log.tell() != saved:
                log.truncate(saved)
            for rec in list(set_aside.values()):
                append(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
        finally:
            log.close()
            pool.shutdown(wait=False, cancel_futures=True)
            bar.close()
            if isinstance(model, str) and callable(getattr(be, "close", None)):
                be.close()  # a backend made here (an HTTP connection pool) is ours to close
    if parquet:
        write_parquet(output, read_log(log_path).records.values())
        os.remove(log_path)
    return BatchReport(done=done, skipped=skipped, failed=failed,
                       seconds=round(time.perf_counter() - start, 3), output=output)
