"""The BASIL study's data and analysis: the articles and their annotated quotes placed in the
text, the library's analysis and frames of each article (cached by library fingerprint), and the
nearest-person baseline (:mod:`.basil` runs the study)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

__all__ = ["analyse_text", "article_files", "best_frame", "cached_analysis", "load_article", "nearest_person", "overlap",
           "place_spans", "sentence_index"]


# --------------------------------------------------------------------------- data

def load_article(path: Path) -> dict[str, Any]:
    """An article's body text and the (start, end) of each of its sentences in that text."""
    art = json.loads(Path(path).read_text(encoding="utf-8"))
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for pi, para in enumerate(art.get("body-paragraphs") or []):
        if pi and pieces:
            pieces.append("\n\n")
            pos += 2
        for si, sent in enumerate(para):
            if si:
                pieces.append(" ")
                pos += 1
            spans.append((pos, pos + len(sent)))
            pieces.append(sent)
            pos += len(sent)
    return {"text": "".join(pieces), "sentences": spans, "title": art.get("title", ""),
            "source": str(art.get("source", "")).lower(), "uuid": art.get("uuid"), "url": art.get("url")}


def place_spans(article: dict[str, Any], phrases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each phrase annotation with its global offsets in the body (``gstart``/``gend``) and how it
    was placed: ``unique``, ``ambiguous`` (first of several sentences) or ``unplaced``."""
    text = article["text"]
    out = []
    for ph in phrases:
        s, e, t = int(ph["start"]), int(ph["end"]), ph["txt"]
        hits = [a for a, b in article["sentences"] if text[a:b][s:e] == t]
        rec = dict(ph)
        if hits:
            rec.update(gstart=hits[0] + s, gend=hits[0] + e, placed="unique" if len(hits) == 1 else "ambiguous")
        else:
            rec.update(gstart=None, gend=None, placed="unplaced")
        out.append(rec)
    return out


def article_files(data: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for ann in sorted((data / "annotations").glob("*/*_ann.json")):
        art = data / "articles" / ann.parent.name / ann.name.replace("_ann.json", ".json")
        if art.is_file():
            pairs.append((ann, art))
    return pairs


# --------------------------------------------------------------------------- analysis (cached)

def analyse_text(text: str) -> dict[str, Any]:
    from ..._analysis import analyse
    from ..._frames import find_frames

    analysis = analyse(text)
    frames = find_frames(analysis)
    return {
        "frames": [{"source": f.source, "content": list(f.content), "span": list(f.span), "cue": f.cue, "kind": f.kind}
                   for f in frames],
        "persons": [[t, a, b] for t, lab, a, b in analysis.entities if lab == "PERSON"],
        "sentences": [list(x) for x in analysis.sentences],
        "quotes": [list(q) for q in analysis.quotes],
    }


def cached_analysis(text: str, cache: Path, fingerprint: str) -> dict[str, Any]:
    key = hashlib.sha1((fingerprint + "\0" + text).encode("utf-8")).hexdigest()
    path = cache / f"{key}.json"
    if path.is_file():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            pass
    res = analyse_text(text)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return res


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def best_frame(frames: list[dict[str, Any]], span: tuple[int, int]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    hits = [f for f in frames if overlap(tuple(f["content"]), span) > 0]
    if not hits:
        return None, []
    best = max(hits, key=lambda f: (overlap(tuple(f["content"]), span), -(f["content"][1] - f["content"][0])))
    return best, hits


def sentence_index(sentences: list[list[int]], offset: int) -> int:
    for i, (s, e) in enumerate(sentences):
        if s <= offset < e:
            return i
    # between sentences: the next one
    for i, (s, _e) in enumerate(sentences):
        if s > offset:
            return i
    return max(0, len(sentences) - 1)


def nearest_person(res: dict[str, Any], span: tuple[int, int]) -> str | None:
    """Nearest PERSON entity in the span's sentence(s) or the one before, outside the span and quotes."""
    sents = res["sentences"]
    if not sents:
        return None
    first = max(0, sentence_index(sents, span[0]) - 1)
    last = sentence_index(sents, max(span[0], span[1] - 1))
    lo, hi = sents[first][0], sents[last][1]
    best, best_d = None, None
    for name, a, b in res["persons"]:
        if a < lo or b > hi or overlap((a, b), span) > 0:
            continue
        if any(qa <= a and b <= qb for qa, qb in res["quotes"]):
            continue
        d = span[0] - b if b <= span[0] else a - span[1]
        if best_d is None or d < best_d:
            best, best_d = name, d
    return best
