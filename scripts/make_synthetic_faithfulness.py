"""Synthetic faithfulness data, FactCC-style, from real news text: a training signal without labels.

For each sampled article of NeuS (``../shared/datasets/neus/train.source``: the left, centre and
right outlets' openings of one event), one sentence of the article is taken and turned into

- a **consistent** claim by paraphrase-free compression (a leading adverbial or an appositive or
  parenthetical dropped; the sentence as written when nothing can be dropped), and
- an **inconsistent** claim by one edit, tried in a random order until one applies: swap an
  entity for another of the same type from the article (``entity``), change a number
  (``number``), change a date (``date``), negate or un-negate the main verb (``negation``), swap
  who did what (``roles``: subject and object), credit a statement to another person of the
  article (``speaker``), or drop a hedge (``hedge``: "reportedly", "may", "allegedly"...).

Output: one JSON line per claim, ``{id, document, claim, label, kind, source_sentence}`` (label
1 consistent), written to ``runs/synthetic/faithfulness.jsonl`` by default (ignored by git: the
text belongs to the outlets and is never committed). Fixed seed: the same file every run.

    python scripts/make_synthetic_faithfulness.py [--articles 100] [--seed 14] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "datasets" / "neus" / "train.source"
DEFAULT_OUT = ROOT / "runs" / "synthetic" / "faithfulness.jsonl"
HEDGES = ("reportedly", "allegedly", "apparently", "possibly", "probably", "likely", "may", "might", "could")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SWAPPABLE = ("PERSON", "ORG", "GPE", "NORP", "LOC")


def articles(path: Path) -> list[str]:
    """Every outlet's article text of every event line (``TITLE=> ... ARTICLE=> ...`` parts)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for part in line.split("[SEP]"):
            if "ARTICLE=>" in part:
                text = " ".join(part.split("ARTICLE=>", 1)[1].split())
                if len(text) > 200:
                    out.append(text)
    return out


def _replace(sent, start: int, end: int, new: str) -> str:
    """The sentence text with characters ``start:end`` (relative to the sentence) replaced."""
    text = sent.text
    return re.sub(r"\s+", " ", text[:start] + new + text[end:]).replace(" ,", ",").replace(" .", ".").strip()


def compress(sent) -> str | None:
    """Drop a leading adverbial clause/phrase before a comma, or an appositive or parenthetical."""
    toks = list(sent)
    for t in toks:  # an appositive ", the former secretary of state," or a parenthesis
        if t.dep_ == "appos" and t.head.i < t.i:
            span = sent.doc[t.left_edge.i:t.right_edge.i + 1]
            a, b = span.start_char - sent.start_char, span.end_char - sent.start_char
            before, after = sent.text[:a].rstrip(), sent.text[b:]
            if before.endswith(",") and after.lstrip().startswith(","):
                return _replace(sent, len(before) - 1, b + after.index(",") + 1, "")
    if "(" in sent.text and ")" in sent.text and sent.text.index("(") < sent.text.index(")"):
        return _replace(sent, sent.text.index("(") - 1, sent.text.index(")") + 1, "")
    first_comma = next((t for t in toks[:8] if t.text == ","), None)
    if first_comma is not None and toks[0].dep_ in ("prep", "advmod", "advcl", "npadvmod"):
        rest = sent.text[first_comma.idx - sent.start_char + 1:].strip()
        return rest[:1].upper() + rest[1:] if len(rest.split()) >= 6 else None
    return None


def _entity(sent, doc, rng) -> str | None:
    ents = [e for e in sent.ents if e.label_ in SWAPPABLE]
    rng.shuffle(ents)
    for e in ents:
        others = sorted({o.text for o in doc.ents if o.label_ == e.label_ and o.text.lower() not in sent.text.lower()
                         and o.text.lower() not in e.text.lower() and e.text.lower() not in o.text.lower()})
        if others:
            return _replace(sent, e.start_char - sent.start_char, e.end_char - sent.start_char, rng.choice(others))
    return None


def _number(sent, doc, rng) -> str | None:
    nums = [t for t in sent if t.like_num and re.fullmatch(r"\d[\d,.]*", t.text)]
    if not nums:
        return None
    t = rng.choice(nums)
    value = float(t.text.replace(",", ""))
    new = value + rng.choice([1, 2, 3, 5, 10]) if value < 10 else value * rng.choice([0.5, 2, 3, 1.5])
    text = f"{new:,.0f}" if float(new).is_integer() or new > 100 else f"{new:g}"
    return _replace(sent, t.idx - sent.start_char, t.idx - sent.start_char + len(t.text), text)


def _date(sent, doc, rng) -> str | None:
    for names in (WEEKDAYS, MONTHS):
        for t in sent:
            if t.text in names:
                new = rng.choice([n for n in names if n != t.text])
                return _replace(sent, t.idx - sent.start_char, t.idx - sent.start_char + len(t.text), new)
    years = [t for t in sent if re.fullmatch(r"(19|20)\d\d", t.text)]
    if years:
        t = rng.choice(years)
        return _replace(sent, t.idx - sent.start_char, t.idx - sent.start_char + 4, str(int(t.text) + rng.choice([-2, -1, 1, 2])))
    return None


def _negation(sent, doc, rng) -> str | None:
    root = sent.root
    for t in root.children:
        if t.dep_ == "neg":  # un-negate
            return _replace(sent, t.idx - sent.start_char, t.idx - sent.start_char + len(t.text_with_ws), "")
    aux = [t for t in root.children if t.dep_ in ("aux", "auxpass") and t.i < root.i]
    if aux:
        a = aux[0]
        pos = a.idx - sent.start_char + len(a.text)
        return _replace(sent, pos, pos, " not")
    if root.tag_ == "VBD" and root.lemma_ not in ("be",):
        return _replace(sent, root.idx - sent.start_char, root.idx - sent.start_char + len(root.text), f"did not {root.lemma_}")
    if root.lemma_ == "be" and root.tag_ in ("VBZ", "VBD", "VBP"):
        pos = root.idx - sent.start_char + len(root.text)
        return _replace(sent, pos, pos, " not")
    return None


def _roles(sent, doc, rng) -> str | None:
    root = sent.root
    subj = next((t for t in root.children if t.dep_ == "nsubj"), None)
    obj = next((t for t in root.children if t.dep_ == "dobj"), None)
    if subj is None or obj is None:
        return None
    s = doc[subj.left_edge.i:subj.right_edge.i + 1]
    o = doc[obj.left_edge.i:obj.right_edge.i + 1]
    if len(s) > 6 or len(o) > 6 or s.end > o.start:
        return None
    text, base = sent.text, sent.start_char
    a0, a1, b0, b1 = s.start_char - base, s.end_char - base, o.start_char - base, o.end_char - base
    new = text[:a0] + o.text + text[a1:b0] + s.text + text[b1:]
    return new[:1].upper() + new[1:]


def _speaker(sent, doc, rng) -> str | None:
    for t in sent:
        if t.lemma_ in ("say", "tell", "claim", "argue", "write", "add"):
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                span = doc[subj.left_edge.i:subj.right_edge.i + 1]
                people = sorted({e.text for e in doc.ents if e.label_ == "PERSON" and e.text not in span.text})
                if people:
                    return _replace(sent, span.start_char - sent.start_char, span.end_char - sent.start_char, rng.choice(people))
    return None


def _hedge(sent, doc, rng) -> str | None:
    for t in sent:
        if t.lower_ in HEDGES:
            return _replace(sent, t.idx - sent.start_char, t.idx - sent.start_char + len(t.text_with_ws), "")
    return None


EDITS = {"entity": _entity, "number": _number, "date": _date, "negation": _negation, "roles": _roles,
         "speaker": _speaker, "hedge": _hedge}


def make(texts: list[str], n_articles: int, seed: int) -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from summarise.eval._text import spacy_nlp

    nlp = spacy_nlp()
    rng = random.Random(seed)
    order = list(range(len(texts)))
    rng.shuffle(order)
    out: list[dict] = []
    for k in order:
        if len(out) >= 2 * n_articles:
            break
        doc = nlp(texts[k])
        sents = [s for s in doc.sents if 8 <= len(s) <= 45]
        rng.shuffle(sents)
        for sent in sents:
            kinds = list(EDITS)
            rng.shuffle(kinds)
            neg = next(((kind, c) for kind in kinds if (c := EDITS[kind](sent, doc, rng)) and c != sent.text.strip()), None)
            if neg is None:
                continue
            pos = compress(sent) or sent.text.strip()
            base = {"document": texts[k], "source_sentence": sent.text.strip()}
            out.append({"id": f"neus-{k}-pos", "claim": pos, "label": 1, "kind": "compressed" if pos != sent.text.strip() else "extracted", **base})
            out.append({"id": f"neus-{k}-neg", "claim": neg[1], "label": 0, "kind": neg[0], **base})
            break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", default=str(DEFAULT_SOURCE), help="NeuS train.source (default: ../shared/datasets/neus)")
    ap.add_argument("--articles", type=int, default=100, help="articles used: one consistent and one inconsistent claim each")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)
    source = Path(args.source)
    if not source.is_file():
        print(f"make_synthetic_faithfulness: no NeuS file at {source} (see ../shared/datasets/README.md)", file=sys.stderr)
        return 2
    rows = make(articles(source), args.articles, args.seed)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"wrote {len(rows)} claims to {out}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
