"""Annotated references: the format, its validator, and the loader (through ``datasets``).

The format (one JSON object per line; adopted from ``../shared/references/README.md`` and
documented in ``docs/eval.md``)::

    {"id": str, "title": str, "text": str, "reference_summary": str,
     "claims": [{"claim": str, "source": str, "kind": KIND, "evidence": [str, ...], "note"?: str}],
     "loaded_terms": [str, ...],
     "inconsistencies": [{"evidence": str, "note": str}]}

``KIND`` is one of fact, statement, allegation, estimate, denial, opinion. Every evidence string
and loaded term is an exact substring of ``text``. Other fields are allowed and kept.

The validator reports *every* problem, each with its line number and item id, before any model
runs; :class:`~summarise.ReferenceFormatError` carries them in ``.problems``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .._errors import ReferenceFormatError
from .._types import CLAIM_KINDS

__all__ = ["REQUIRED_FIELDS", "validate_item", "validate_items", "check_references", "load_references", "read_jsonl", "to_items"]

#: Top-level fields every item must have, with their JSON types.
REQUIRED_FIELDS: dict[str, type] = {
    "id": str,
    "title": str,
    "text": str,
    "reference_summary": str,
    "claims": list,
    "loaded_terms": list,
    "inconsistencies": list,
}
_TYPE_NAMES = {str: "a string", list: "a list", dict: "an object"}


def _substring_problem(where: str, value: str, text: str) -> str | None:
    if value and value in text:
        return None
    if not value:
        return f"{where} is empty"
    shown = value if len(value) <= 70 else value[:67] + "..."
    hint = ""
    squash = lambda s: " ".join(s.replace("’", "'").replace("“", '"').replace("”", '"').split())  # noqa: E731
    if value.lower() in text.lower():
        hint = " (it occurs with different capitalisation)"
    elif squash(value) in squash(text):
        hint = " (it occurs with different quotes, apostrophes or spacing)"
    return f"{where} {shown!r} is not an exact substring of text{hint}"


def _check_type(where: str, value: Any, expected: type) -> str | None:
    if value is None:
        return f"missing field {where}"
    if not isinstance(value, expected):
        return f"{where} must be {_TYPE_NAMES[expected]}, got {type(value).__name__}"
    return None


def validate_item(item: Any) -> list[str]:
    """Problems of one item (without line or id; :func:`validate_items` adds them).

    >>> validate_item({"id": "x", "title": "", "text": "Troops massed.", "reference_summary": "s",
    ...                "claims": [{"claim": "c", "source": "the article", "kind": "rumour",
    ...                            "evidence": ["Troops gathered"]}],
    ...                "loaded_terms": [], "inconsistencies": []})
    ["claims[0].kind 'rumour' is not one of fact, statement, allegation, estimate, denial, opinion", "claims[0].evidence[0] 'Troops gathered' is not an exact substring of text"]
    """
    if not isinstance(item, Mapping):
        return [f"each line must be a JSON object, got {type(item).__name__}"]
    problems = [p for f, t in REQUIRED_FIELDS.items() if (p := _check_type(f, item.get(f), t))]
    text = item.get("text") if isinstance(item.get("text"), str) else ""
    if isinstance(item.get("id"), str) and not item["id"].strip():
        problems.append("id is empty")
    if isinstance(item.get("text"), str) and not text.strip():
        problems.append("text is empty")
    for i, claim in enumerate(item.get("claims") or [] if isinstance(item.get("claims"), list) else []):
        where = f"claims[{i}]"
        if not isinstance(claim, Mapping):
            problems.append(f"{where} must be an object, got {type(claim).__name__}")
            continue
        for f in ("claim", "source", "kind"):
            if p := _check_type(f"{where}.{f}", claim.get(f), str):
                problems.append(p)
            elif not claim[f].strip():
                problems.append(f"{where}.{f} is empty")
        kind = claim.get("kind")
        if isinstance(kind, str) and kind.strip() and kind not in CLAIM_KINDS:
            problems.append(f"{where}.kind {kind!r} is not one of {', '.join(CLAIM_KINDS)}")
        if claim.get("note") is not None and not isinstance(claim["note"], str):
            problems.append(f"{where}.note must be a string, got {type(claim['note']).__name__}")
        evidence = claim.get("evidence")
        if p := _check_type(f"{where}.evidence", evidence, list):
            problems.append(p)
            continue
        if not evidence:
            problems.append(f"{where}.evidence is empty: give at least one exact substring of text")
        for j, ev in enumerate(evidence):
            if not isinstance(ev, str):
                problems.append(f"{where}.evidence[{j}] must be a string, got {type(ev).__name__}")
            elif p := _substring_problem(f"{where}.evidence[{j}]", ev, text):
                problems.append(p)
    for i, term in enumerate(item.get("loaded_terms") or [] if isinstance(item.get("loaded_terms"), list) else []):
        if not isinstance(term, str):
            problems.append(f"loaded_terms[{i}] must be a string, got {type(term).__name__}")
        elif p := _substring_problem(f"loaded_terms[{i}]", term, text):
            problems.append(p)
    for i, inc in enumerate(item.get("inconsistencies") or [] if isinstance(item.get("inconsistencies"), list) else []):
        where = f"inconsistencies[{i}]"
        if not isinstance(inc, Mapping):
            problems.append(f"{where} must be an object, got {type(inc).__name__}")
            continue
        if p := _check_type(f"{where}.evidence", inc.get("evidence"), str):
            problems.append(p)
        elif p := _substring_problem(f"{where}.evidence", inc["evidence"], text):
            problems.append(p)
        if inc.get("note") is not None and not isinstance(inc["note"], str):
            problems.append(f"{where}.note must be a string, got {type(inc['note']).__name__}")
    return problems


def validate_items(items: Iterable[tuple[str, Any]]) -> list[str]:
    """Every problem of ``(location, item)`` pairs, each as ``"LOCATION (id 'X'): problem"``,
    duplicate ids included."""
    problems: list[str] = []
    first_seen: dict[str, str] = {}
    count = 0
    for where, item in items:
        count += 1
        if isinstance(item, _Bad):
            problems.append(f"{where}: {item.reason}")
            continue
        item_id = item.get("id") if isinstance(item, Mapping) else None
        label = f"{where} (id {item_id!r})" if isinstance(item_id, str) else where
        problems.extend(f"{label}: {p}" for p in validate_item(item))
        if isinstance(item_id, str) and item_id.strip():
            if item_id in first_seen:
                problems.append(f"{label}: duplicate id, first used on {first_seen[item_id]}")
            else:
                first_seen[item_id] = where
    if count == 0:
        problems.append("no items: the file holds no JSON object")
    return problems


def read_jsonl(path: Path) -> Iterable[tuple[str, Any]]:
    """``("line N", record)`` for each non-blank line of a JSONL file; a line that is not UTF-8 or
    not JSON gives an empty record carrying the reason (the validator reports it by line)."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield f"line {n}", _Bad(f"not valid UTF-8 (byte {e.start})")
                continue
            if not line.strip():
                continue
            try:
                yield f"line {n}", json.loads(line)
            except json.JSONDecodeError as e:
                yield f"line {n}", _Bad(f"not valid JSON ({e.msg}, column {e.colno})")


class _Bad(dict):  # a line that could not be parsed; carries its reason
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def _problems_of(source: Any) -> tuple[list[str], str]:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise ReferenceFormatError(f"No reference file at {str(path)!r}: give the path of a .jsonl file in the reference format (docs/eval.md).", [])
        return validate_items(read_jsonl(path)), str(path)
    rows = _rows_of(source)
    return validate_items((f"row {i}", _drop_none(r)) for i, r in enumerate(rows, start=1)), type(source).__name__


def _rows_of(source: Any) -> list[Any]:
    if hasattr(source, "to_list"):  # a datasets.Dataset
        return list(source.to_list())
    if isinstance(source, Sequence):
        return list(source)
    raise ReferenceFormatError(f"References must be a .jsonl path, a datasets.Dataset or a list of dicts, got {type(source).__name__}", [])


def _drop_none(value: Any) -> Any:
    # datasets fills fields that some rows lack (a claim's optional "note") with None.
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def check_references(source: Any) -> None:
    """Raise :class:`ReferenceFormatError` listing every problem of ``source`` (a path, a
    ``datasets.Dataset`` or a list of dicts); return quietly when it is valid."""
    problems, name = _problems_of(source)
    if problems:
        shown = "\n  ".join(problems[:50]) + (f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else "")
        raise ReferenceFormatError(
            f"{name}: {len(problems)} problem(s) in the reference format (see docs/eval.md):\n  {shown}", problems
        )


def load_references(source: Any, *, cache_dir: str | None = None) -> Any:
    """Validate, then load references as a ``datasets.Dataset``.

    ``source`` is a ``.jsonl`` path (loaded with ``datasets.load_dataset("json", ...)``) or any
    ``datasets.Dataset`` with the fields of the format (returned as it is once valid).
    """
    check_references(source)
    if not isinstance(source, (str, os.PathLike)):
        return source
    import datasets

    was_disabled = datasets.utils.are_progress_bars_disabled()
    datasets.disable_progress_bars()  # the runner shows its own progress
    try:
        return datasets.load_dataset("json", data_files=str(source), split="train", cache_dir=cache_dir)
    except Exception as e:  # pyarrow schema errors: say which file, keep the cause
        raise ReferenceFormatError(f"{str(source)!r} passed validation but datasets could not load it: {e}", [str(e)]) from e
    finally:
        if not was_disabled:
            datasets.enable_progress_bars()


def to_items(dataset: Any) -> list[dict[str, Any]]:
    """Plain dicts from a loaded dataset (or list), with ``datasets``' filler ``None`` dropped."""
    return [_drop_none(dict(r)) for r in _rows_of(dataset)]
