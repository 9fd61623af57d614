"""Claims of an invented text without a model, as (kind, source, text), for the attribution tests."""

from __future__ import annotations

from summarise import extract_claims


def claims(text: str) -> list[tuple[str, str, str]]:
    found = extract_claims(text, model=None)
    assert found, f"no claim found in {text!r}"
    return [(c.kind, c.source, c.text) for c in found]


def by_text(text: str, fragment: str) -> tuple[str, str, str]:
    """The first claim whose text holds ``fragment``."""
    found = [c for c in claims(text) if fragment in c[2]]
    assert found, f"no claim holds {fragment!r}: {claims(text)}"
    return found[0]


def holding(found: list[tuple[str, str, str]], fragment: str) -> list[tuple[str, str, str]]:
    """The claims of ``found`` whose text holds ``fragment``; fails when none does, so that an
    ``all(...)`` over them cannot pass on an empty list."""
    held = [c for c in found if fragment in c[2]]
    assert held, f"no claim holds {fragment!r}: {found}"
    return held
