"""Readable terminal output: the summary, then a claims table."""

from __future__ import annotations

import shutil
import textwrap

from .._types import Summary

__all__ = ["render_text"]


def render_text(s: Summary) -> str:
    """The summary, the claims as a table, then inconsistencies, loaded terms and warnings."""
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    out = ["SUMMARY", textwrap.fill(s.text, width), ""]
    out.append(f"CLAIMS ({len(s.claims)})")
    src_w = min(max((len(c.source) for c in s.claims), default=6), 28)
    header = f"{'id':<4} {'kind':<10} {'source':<{src_w}} {'wording':<8} claim"
    out.append(header)
    out.append("-" * min(width, len(header) + 40))
    indent = 4 + 1 + 10 + 1 + src_w + 1 + 8 + 1
    for c in s.claims:
        src = c.source if len(c.source) <= src_w else c.source[: src_w - 1] + "…"
        body = textwrap.wrap(c.text, max(width - indent, 30)) or [""]
        out.append(f"{c.id:<4} {c.kind:<10} {src:<{src_w}} {c.wording:<8} {body[0]}")
        out.extend(" " * indent + line for line in body[1:])
    if s.inconsistencies:
        out += ["", "INCONSISTENCIES"]
        out += [f"- {i.description}" for i in s.inconsistencies]
    if s.loaded_terms:
        terms = sorted({t.term for t in s.loaded_terms}, key=str.lower)
        out += ["", "LOADED TERMS LEFT OUT: " + ", ".join(terms)]
    if s.warnings:
        out += ["", f"WARNINGS ({len(s.warnings)})"]
        out += [f"- {w}" for w in s.warnings]
    p = s.provenance
    out += ["", f"model {p.model} via {p.backend}, {p.model_calls} calls, "
            f"{p.tokens.get('prompt', 0)}+{p.tokens.get('completion', 0)} tokens, {p.seconds.get('total', 0):.1f} s"]
    return "\n".join(out)
