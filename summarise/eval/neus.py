"""NeuS / AllSides (Lee et al., 2022) as reference items: three articles on one event (left,
centre and right outlets) and the AllSides editors' neutral summary.

``{split}.source`` holds one event per line, ``TITLE=> t. ARTICLE=> body [SEP] TITLE=> ...``
(three articles, shuffled: the order says nothing about the outlet's leaning);
``{split}.target`` the neutral ``TITLE=> t. ARTICLE=> summary``.

- The API summarises one text, so **the harness joins the three articles** (title, blank line,
  body) with a separator line, in the file's order; the item's ``documents`` keep them apart.
- The **centre article** (for the lead-3 baseline) is known only for events that the raw crawl
  ``headline_11_*.jsonl`` also holds (matched by title; about a tenth of val). For the others it
  is the article sharing the most words with the other two (a proxy, recorded per item in
  ``centre_from``: ``crawl`` or ``proxy``).
- ``reference_summary`` is the target's summary; ``framing_reference`` is the whole target
  (title and summary), as the NeuS metric code compares against it.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from .._errors import InputError

__all__ = ["load_neus"]

_PART = re.compile(r"^\s*TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*)$", re.S)
DEFAULT_SEPARATOR = "\n\n* * *\n\n"


def _split(part: str) -> tuple[str, str]:
    m = _PART.match(part)
    if not m:
        return "", part.strip()
    return m.group("title").strip().rstrip("."), m.group("body").strip()


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def _crawl_stances(folder: Path) -> dict[str, str]:
    stances: dict[str, str] = {}
    for path in sorted(folder.glob("headline_*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    event = json.loads(line)
                except json.JSONDecodeError:
                    continue
                for stance, article in (event.get("news") or {}).items():
                    title = _norm(str(article.get("newsTitle") or "")).rstrip()
                    if title:
                        stances[title] = stance
    return stances


def _proxy_centre(bodies: list[str]) -> int:
    # The article that shares the most vocabulary with the other two: a stand-in for the
    # centre outlet when the crawl does not say which one it is.
    words = [set(_norm(b).split()) for b in bodies]

    def overlap(i: int) -> float:
        return sum(len(words[i] & words[j]) / max(1, len(words[i] | words[j])) for j in range(len(words)) if j != i)

    return max(range(len(bodies)), key=overlap)


def load_neus(
    path: str | Path,
    *,
    split: str = "val",
    sample: int | None = 50,
    sample_seed: int = 0,
    separator: str = DEFAULT_SEPARATOR,
) -> list[dict[str, Any]]:
    """NeuS events as reference items (no claims, loaded terms or inconsistencies annotated).

    ``sample`` events are drawn with ``random.Random(sample_seed)`` (``None``: all), kept in file
    order so the sample is fixed for a given file, size and seed.
    """
    folder = Path(path)
    source, target = folder / f"{split}.source", folder / f"{split}.target"
    if not source.is_file() or not target.is_file():
        raise InputError(
            f"NeuS data not found: expected {source} and {target}. The NeuS set is not shipped with "
            "summarise; point the benchmark's data.path (or --data) at a folder holding it."
        )
    sources = source.read_text(encoding="utf-8").splitlines()
    targets = target.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise InputError(f"{source} has {len(sources)} lines but {target} has {len(targets)}: they must pair line by line.")
    lines = list(range(len(sources)))
    if sample is not None and sample < len(lines):
        lines = sorted(random.Random(sample_seed).sample(lines, sample))
    stances = _crawl_stances(folder)
    items = []
    for n in lines:
        docs = [dict(zip(("title", "body"), _split(p))) for p in sources[n].split(" [SEP] ")]
        for d in docs:
            d["stance"] = stances.get(_norm(d["title"]))
        known = [i for i, d in enumerate(docs) if d["stance"] == "center"]
        centre, centre_from = (known[0], "crawl") if known else (_proxy_centre([d["body"] for d in docs]), "proxy")
        title, summary = _split(targets[n])
        text = separator.join(f"{d['title']}.\n\n{d['body']}" if d["title"] else d["body"] for d in docs)
        items.append({
            "id": f"neus-{split}-{n + 1:04d}",
            "title": title,
            "text": text,
            "reference_summary": summary,
            "framing_reference": f"{title}. {summary}" if title else summary,
            "claims": [],
            "loaded_terms": [],
            "inconsistencies": [],
            "documents": docs,
            "centre_text": docs[centre]["body"],
            "centre_from": centre_from,
        })
    return items
