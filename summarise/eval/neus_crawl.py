"""The NeuS raw crawl (``headline_*.jsonl``, Lee et al., 2022) as single real news articles.

Each line of the crawl is one AllSides event with up to three articles (``news``: left, centre,
right), each with ``newsTitle``, ``newsSource`` and ``newBody`` (a list of paragraphs, most of
them cut off by the crawler with ``...``). No reference summary or claims: the benchmark is for
metrics that need none (``fragment_rate``, grounding, cost), on text the pipeline was never
tuned on.

An item's ``text`` is laid out as a reader would paste it: the headline as published, a blank
line, then the paragraphs separated by blank lines.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from .._errors import InputError

__all__ = ["load_neus_crawl"]


def _articles(folder: Path) -> list[dict[str, Any]]:
    files = sorted(folder.glob("headline_*.jsonl")) if folder.is_dir() else [folder]
    if not files or not all(f.is_file() for f in files):
        raise InputError(
            f"NeuS crawl not found: expected headline_*.jsonl in {folder}. The crawl is not shipped "
            "with summarise; point the benchmark's data.path (or --data) at the folder holding it."
        )
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                try:
                    event = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{n} is not JSON ({e}): the crawl file is damaged; fetch it again.") from e
                for stance, art in sorted((event.get("news") or {}).items()):
                    title = str(art.get("newsTitle") or "").strip()
                    paragraphs = [str(p).strip() for p in art.get("newBody") or [] if str(p).strip()]
                    if not title or title in seen:
                        continue
                    seen.add(title)
                    out.append({"event": event.get("id"), "stance": stance, "outlet": str(art.get("newsSource") or ""),
                                "title": title, "paragraphs": paragraphs})
    return out


def load_neus_crawl(path: str | Path, *, sample: int | None = 60, sample_seed: int = 0, min_words: int = 40,
                    min_paragraphs: int = 2) -> list[dict[str, Any]]:
    """Articles of the NeuS crawl as reference items without references.

    Articles with at least ``min_paragraphs`` paragraphs and ``min_words`` words are eligible;
    ``sample`` of them are drawn with ``random.Random(sample_seed)`` (``None``: all) and kept in
    file order, so the sample is fixed for a given file, size and seed.
    """
    arts = [a for a in _articles(Path(path))
            if len(a["paragraphs"]) >= min_paragraphs and sum(len(p.split()) for p in a["paragraphs"]) >= min_words]
    idx = list(range(len(arts)))
    if sample is not None and sample < len(idx):
        idx = sorted(random.Random(sample_seed).sample(idx, sample))
    items = []
    for i in idx:
        a = arts[i]
        items.append({
            "id": f"neus-crawl-{a['event']}-{a['stance']}",
            "title": a["title"],
            "text": a["title"] + "\n\n" + "\n\n".join(a["paragraphs"]),
            "reference_summary": "",
            "claims": [],
            "loaded_terms": [],
            "inconsistencies": [],
            "outlet": a["outlet"],
        })
    return items
