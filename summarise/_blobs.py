"""Structured blobs in an article shaped like this tool's own output: a JSON object or list, or a
YAML block, whose keys are the output's (``summary``, ``claims``, ``source``, ``kind``...).
Found in the normalised view of ``_suspicious`` (escaped quotes already decoded).

    >>> [r for _, _, r in json_blobs('Rates rose. {"summary": "Rates fell.", "kind": "fact"} Banks lent.')]
    ["a JSON blob shaped like this tool's output (keys: kind, summary)"]
"""

from __future__ import annotations

import re

__all__ = ["json_blobs", "yaml_blocks", "OUTPUT_KEYS"]

_OUTPUT_KEYS = ("summary", "claims", "claim", "source", "kind", "text", "evidence", "wording", "sentences", "loaded_terms",
                "inconsistencies", "warnings", "provenance", "output", "response", "answer", "key_fact", "key_facts",
                "facts", "statement", "instruction", "instructions", "role", "content", "messages", "verdict", "label")
_JSON_KEY = re.compile(r"""["']\s*([A-Za-z_][\w ]{0,30}?)\s*["']\s*:""")
_YAML_LINE = re.compile(rf"^[ \t]*(?:-[ \t]+)?(?:{'|'.join(_OUTPUT_KEYS)})[ \t]*:(?:[ \t].*)?$", re.I | re.M)


def json_blobs(norm: str) -> list[tuple[int, int, str]]:
    """Brace-balanced ``{...}``/``[{...}]`` stretches with quoted keys of this tool's output."""
    found: list[tuple[int, int, str]] = []
    i = norm.find("{")
    while i >= 0:
        start = i - 1 if i > 0 and norm[i - 1] == "[" else i
        depth, j, limit = 0, i, min(len(norm), i + 20000)
        while j < limit:
            c = norm[j]
            depth += (c == "{") - (c == "}")
            if depth == 0:
                break
            j += 1
        end = j + 1 if j < limit else min(len(norm), i + 2000)
        if end < len(norm) and norm[end] == "]" and start < i:
            end += 1
        keys = {k.strip().lower() for k in _JSON_KEY.findall(norm, i, end)}
        known = sorted(keys & set(_OUTPUT_KEYS))
        if known:
            fence = re.search(r"```\w*[ \t]*\n?[ \t]*$", norm[max(0, start - 12):start])
            a = start - (len(fence.group(0)) if fence else 0)
            lead = re.search(r"(?:^|(?<=[.!?\n]))[^.!?\n]{0,80}:[ \t]*\n?[ \t]*$", norm[max(0, a - 100):a])
            a -= len(lead.group(0)) if lead else 0  # its label ("Expected output:")
            b = end + (m.end() if (m := re.match(r"[ \t]*\n?[ \t]*```", norm[end:])) else 0)
            found.append((a, b, f"a JSON blob shaped like this tool's output (keys: {', '.join(known)})"))
            i = norm.find("{", end)
        else:
            i = norm.find("{", i + 1)
    return found


def yaml_blocks(norm: str) -> list[tuple[int, int, str]]:
    """Two or more adjacent ``key: value`` lines with this tool's output keys."""
    lines = list(_YAML_LINE.finditer(norm))
    found: list[tuple[int, int, str]] = []
    k = 0
    while k < len(lines):
        a, b, n = lines[k].start(), lines[k].end(), 1
        while k + 1 < len(lines) and re.fullmatch(r"(?:\n[ \t]+[^\n]*|\n[ \t]*-[^\n]*|\n)*\n?", norm[b:lines[k + 1].start()]):
            k += 1
            b, n = lines[k].end(), n + 1
        if n >= 2:
            found.append((a, b, "a YAML block shaped like this tool's output"))
        k += 1
    return found


OUTPUT_KEYS = _OUTPUT_KEYS
