"""Reading corpora and reading / writing batch output files, for :mod:`summarise.batch`."""

from __future__ import annotations

import csv
import difflib
import json
import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from ._errors import InputError

__all__ = ["ArticleSource", "LogState", "open_source", "read_log", "read_parquet_records",
           "rewrite_jsonl", "write_parquet"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES = (".csv", ".tsv")
PARQUET_SUFFIXES = (".parquet", ".pq")

Row = tuple[Any, Any, str]  # (id, text, where: "line 3 of corpus.jsonl")


@dataclass(frozen=True)
class ArticleSource:
    """The articles of one input, read twice: ids up front (checked), texts as they are needed."""

    keys: list[str]
    """``str(id)`` of every article, in input order (the first ``limit`` only)."""
    rows: Callable[[], Iterator[Row]]
    """A fresh pass over ``(id, text, where)`` in the same order."""

    def articles(self) -> Iterator[tuple[Any, Any]]:
        for article_id, text, _ in self.rows():
            yield article_id, text


def _missing(column: str, option: str, present: Iterable[str], where: str, other: str = "") -> InputError:
    """An error for a missing column that names the columns present and guesses the right one."""
    present = [str(p) for p in present]
    candidates = [p for p in present if p != other]
    close = difflib.get_close_matches(column, candidates, n=1)
    guess = close[0] if close else (candidates[0] if len(candidates) == 1 else None)
    name = option[2:].replace("-", "_")
    hint = f" Pass {name}={guess!r} ({option} {guess})." if guess else f" Name the right one with {option}."
    return InputError(f"{where} has no column {column!r} (columns: {', '.join(present) or 'none'}).{hint}")


def _check_columns(id_column: str, text_column: str, present: Iterable[str], where: str) -> None:
    present = list(present)
    for column, option, other in ((id_column, "--id-column", text_column),
                                  (text_column, "--text-column", id_column)):
        if column not in present:
            raise _missing(column, option, present, where, other)


def _jsonl_rows(path: str, id_column: str, text_column: str) -> Iterator[Row]:
    name = os.path.basename(path)
    with open(path, "r", encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"line {number} of {name}"
            try:
                row = json.loads(line)
            except ValueError as e:
                if number == 1 and line.lstrip().startswith("["):
                    raise InputError(f"{path!r} holds a JSON array, not JSON Lines: write one object "
                                     "per line (e.g. jq -c '.[]' FILE > FILE.jsonl)") from None
                raise InputError(f"{where} is not valid JSON ({e}): fix or remove that line") from None
            if not isinstance(row, dict):
                raise InputError(f"{where} is a JSON {type(row).__name__}, not an object with "
                                 f"{id_column!r} and {text_column!r} fields")
            if id_column not in row or text_column not in row:
                _check_columns(id_column, text_column, row.keys(), where)
            yield row[id_column], row[text_column], where


def _csv_rows(path: str, id_column: str, text_column: str) -> Iterator[Row]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KiB default
    name = os.path.basename(path)
    with open(path, "r", encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t" if path.lower().endswith(".tsv") else ",")
        _check_columns(id_column, text_column, reader.fieldnames or [], name)
        for row in reader:
            yield row[id_column], row[text_column], f"line {reader.line_num} of {name}"


def _parquet_rows(path: str, id_column: str, text_column: str) -> Iterator[Row]:
    import pyarrow.parquet as pq

    name = os.path.basename(path)
    file = pq.ParquetFile(path)
    _check_columns(id_column, text_column, file.schema_arrow.names, name)
    number = 0
    for batch in file.iter_batches(batch_size=1024, columns=[id_column, text_column]):
        for article_id, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
            number += 1
            yield article_id, text, f"row {number} of {name}"


def _dataset_rows(ds: Any, id_column: str, text_column: str) -> Iterator[Row]:
    if ds.column_names:
        _check_columns(id_column, text_column, ds.column_names, "the dataset")
    for number, row in enumerate(ds, 1):
        where = f"row {number} of the dataset"
        if id_column not in row or text_column not in row:
            _check_columns(id_column, text_column, row.keys(), where)
        yield row[id_column], row[text_column], where


def _reader(input: Any, id_column: str, text_column: str) -> Callable[[], Iterator[Row]]:
    if isinstance(input, (str, os.PathLike)):
        path = os.fspath(input)
        if not os.path.isfile(path):
            what = "is a folder" if os.path.isdir(path) else "does not exist"
            raise InputError(f"The input {path!r} {what}: give a .jsonl, .csv or .parquet file")
        lower = path.lower()
        for suffixes, read in ((JSONL_SUFFIXES, _jsonl_rows), (CSV_SUFFIXES, _csv_rows),
                               (PARQUET_SUFFIXES, _parquet_rows)):
            if lower.endswith(suffixes):
                return lambda: read(path, id_column, text_column)
        raise InputError(f"Cannot tell the format of {path!r} from its extension: name it .jsonl, "
                         ".csv or .parquet (or pass a datasets.Dataset)")
    datasets = sys.modules.get("datasets")
    if datasets is not None and isinstance(input, datasets.DatasetDict):
        raise InputError(f"Got a DatasetDict with splits {list(input)}: pass one split, "
                         f"e.g. ds[{next(iter(input), 'train')!r}]")
    if datasets is not None and isinstance(input, (datasets.Dataset, datasets.IterableDataset)):
        return lambda: _dataset_rows(input, id_column, text_column)
    raise InputError(f"input must be a path to a .jsonl, .csv or .parquet file or a datasets.Dataset, "
                     f"got {type(input).__name__}")


def open_source(input: Any, *, id_column: str, text_column: str, limit: int | None) -> ArticleSource:
    """Check the columns and ids of ``input`` (unique, non-empty str or int) and return its articles."""
    read = _reader(input, id_column, text_column)

    def rows() -> Iterator[Row]:
        for number, row in enumerate(read()):
            if limit is not None and number >= limit:
                return
            yield row

    first_seen: dict[str, str] = {}
    for article_id, _, where in rows():
        if isinstance(article_id, bool) or not isinstance(article_id, (str, int)) or article_id == "":
            raise InputError(f"{where} has id {article_id!r}: ids must be non-empty strings or integers "
                             f"(column {id_column!r}; pick another with --id-column)")
        key = str(article_id)
        if key in first_seen:
            raise InputError(f"Duplicate id {article_id!r}: {first_seen[key]} and {where}. Ids must be "
                             "unique, so that a re-run knows what is done: fix the input or pick "
                             "another --id-column")
        first_seen[key] = where
    return ArticleSource(keys=list(first_seen), rows=rows)


# -- output ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogState:
    """A JSONL output as found on disk."""

    records: dict[str, dict[str, Any]]
    """``str(id)`` -> the latest record of that id."""
    lines: int
    """Complete record lines read (more than ``len(records)`` when an id repeats)."""
    good_size: int
    """Bytes up to the end of the last complete line."""
    truncated: bool
    """Whether a partial last line (a crash mid-write) follows ``good_size``."""


def read_log(path: str) -> LogState:
    """Read a JSONL output; a partial or unparsable *last* line is reported, not an error."""
    records: dict[str, dict[str, Any]] = {}
    lines = good_size = 0
    bad: str | None = None
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            if bad is not None:  # a bad line with more after it: not a crash, a damaged file
                raise InputError(f"{bad}. Move the file aside, or delete that line, and re-run")
            try:
                rec = json.loads(raw) if raw.endswith(b"\n") else None
            except ValueError:
                rec = None
            if rec is None and not raw.strip():
                good_size += len(raw)
                continue
            if not (isinstance(rec, dict) and "id" in rec and "ok" in rec):
                bad = f"Line {number} of the output {path!r} is not a batch record ({raw[:80]!r})"
                continue
            key = str(rec["id"])
            if not (records.get(key, {}).get("ok") is True and rec.get("ok") is not True):
                records[key] = rec  # the latest wins, except that a failure never hides a success
            lines += 1
            good_size += len(raw)
    return LogState(records=records, lines=lines, good_size=good_size, truncated=bad is not None)


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def rewrite_jsonl(path: str, records: Iterable[dict[str, Any]]) -> None:
    """Replace ``path`` atomically by ``records``, one JSON object a line."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path)


def write_parquet(path: str, records: Iterable[dict[str, Any]]) -> None:
    """Write records to Parquet atomically. ``result`` is stored as a JSON string (its nested shape
    varies between records, a Parquet column needs one type); ``json.loads`` gives the dict back."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(records)
    ids = [r["id"] for r in rows]
    id_type = pa.int64() if all(isinstance(i, int) for i in ids) and ids else pa.string()
    table = pa.table(
        {
            "id": pa.array(ids if id_type == pa.int64() else [str(i) for i in ids], type=id_type),
            "ok": pa.array([bool(r["ok"]) for r in rows], type=pa.bool_()),
            "result": pa.array([None if r.get("result") is None else json.dumps(r["result"], ensure_ascii=False)
                                for r in rows], type=pa.string()),
            "error": pa.array([r.get("error") for r in rows],
                              type=pa.struct([("type", pa.string()), ("message", pa.string())])),
            "seconds": pa.array([float(r.get("seconds") or 0.0) for r in rows], type=pa.float64()),
        }
    )
    tmp = f"{path}.tmp{os.getpid()}"
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    _fsync_dir(path)


def read_parquet_records(path: str) -> list[dict[str, Any]]:
    """The records of a Parquet output written by :func:`write_parquet`, ``result`` parsed."""
    import pyarrow.parquet as pq

    try:
        rows = pq.read_table(path).to_pylist()
    except Exception as e:  # pyarrow raises several types for a damaged file
        raise InputError(f"The output {path!r} is not a readable Parquet file ({e}): move it aside and re-run") from None
    for row in rows:
        if isinstance(row.get("result"), str):
            row["result"] = json.loads(row["result"])
    return rows
