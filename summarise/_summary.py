"""The summary: the most central claims, written by the model and verified sentence by sentence,
or composed deterministically from the claims' own neutral renderings.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from ._analysis import INSTITUTION_NOUNS
from ._claims import Draft
from ._types import ARTICLE_SOURCE, Claim, SummarySentence
from ._verify import verify_sentence
from ._wellformed import is_marked_truncated, problems

__all__ = ["centrality", "select_claims", "compose", "split_sentences", "match_claims", "shorten_sources"]

_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Hon|Sec|Amb|Pres)\.$|(?:^|\s)(?:Gov\.|Sen\.|Dr\.|[A-Z][a-z]+)\s[A-Z]\.$")
_SENT_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019]))\s+(?=[A-Z\u201c\"])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a short generated text.

    >>> split_sentences('Seoul said X. "It is wrong," he said. Done.')
    ['Seoul said X.', '"It is wrong," he said.', 'Done.']
    >>> split_sentences('The aide spoke to Mr. Hale and Gov. J. Smith. He left.')
    ['The aide spoke to Mr. Hale and Gov. J. Smith.', 'He left.']
    """
    out: list[str] = []
    for piece in (p.strip() for p in _SENT_SPLIT.split(text.strip())):
        if not piece:
            continue
        if out and _ABBREVIATION_END.search(out[-1]):  # "said Mr. Cuomo": not a sentence end
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def centrality(drafts: Sequence[Draft], vectors: np.ndarray, n_sentences: int) -> list[float]:
    """How central each claim is: similarity to the rest of the article, its position, its weight.

    Mean cosine similarity to the other claims (what the article keeps returning to), plus an
    early-position prior (news puts the most important first), plus a little for a number or
    a contested kind (what readers check). Scaled to 0..1.
    """
    n = len(drafts)
    if n == 0:
        return []
    # the row sums of vectors @ vectors.T, without the n x n matrix (linear in the claims)
    row_sums = vectors @ vectors.sum(0) if len(vectors) else np.zeros(n)
    mean_sim = (row_sums - 1.0) / max(n - 1, 1)
    scores = []
    for i, d in enumerate(drafts):
        pos = 1.0 - d.sent / max(n_sentences, 1)
        bonus = 0.1 * bool(re.search(r"\d", d.text)) + 0.1 * (d.kind in ("allegation", "denial", "estimate"))
        short = -0.15 if len(d.text.split()) < 7 else 0.0
        scores.append(0.5 * float(mean_sim[i]) + 0.35 * pos + bonus + short)
    lo, hi = min(scores), max(scores)
    return [(s - lo) / (hi - lo) if hi > lo else 1.0 for s in scores]


def select_claims(claims: Sequence[Claim], vectors: np.ndarray, max_words: int, skip: frozenset[int] = frozenset()) -> list[int]:
    """Indices of the claims the summary rests on, in text order.

    Greedy by centrality within the word budget, skipping near-duplicates (cosine > 0.85, or most
    of the evidence shared); a selected allegation brings its denial, so that contested content is
    never one-sided. ``skip``: claims never chosen (a headline's, where the body has others).
    """
    order = sorted((i for i in range(len(claims)) if i not in skip or len(skip) == len(claims)), key=lambda i: -claims[i].centrality)
    chosen: list[int] = []
    words = 0
    budget = max_words
    for i in order:
        w = len(claims[i].text.split())
        if words + w > budget and chosen or is_marked_truncated(claims[i].text):
            continue
        if any(float(vectors[i] @ vectors[j]) > 0.85 or _shared_evidence(claims[i], claims[j]) for j in chosen):
            continue
        chosen.append(i)
        words += w
        if claims[i].kind == "allegation":
            for j in range(i + 1, min(i + 4, len(claims))):
                if claims[j].kind == "denial" and j not in chosen:
                    wj = len(claims[j].text.split())
                    if words + wj <= budget * 1.3:
                        chosen.append(j)
                        words += wj
                    break
        if words >= budget * 0.9:
            break
    return sorted(chosen)


def _shared_evidence(a: Claim, b: Claim) -> bool:
    """Whether most of one claim's evidence is the other's: a sentence in the article's voice and a
    report rendered from a phrase of it ("X hit the trail, accusing Y of Z" and "X accused Y of Z")
    say the same thing twice."""
    def chars(c: Claim) -> set[int]:
        return {k for e in c.evidence for k in range(e.start, e.end)}
    ca, cb = chars(a), chars(b)
    if ca and cb and len(ca & cb) >= 0.8 * min(len(ca), len(cb)):
        return True
    # or its words: a report whose rendering fell back to its sentence as written
    wa, wb = set(re.findall(r"\w+", a.text.lower())), set(re.findall(r"\w+", b.text.lower()))
    return bool(wa and wb) and len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def shorten_sources(sentences: list[str], claims: Sequence[Claim]) -> list[str]:
    """After a source's first full mention ("Shin Won-sik, the defence minister,"), use its name;
    after a body's ("the Ministry of Health of Ruritania"), its head ("the Ministry") where no
    other source has the same head.

    >>> shorten_sources(["The Ministry of Health of Ruritania said A.", "The Ministry of Health of Ruritania said B."],
    ...                 [Claim("x", "Ministry of Health of Ruritania", "statement", (), "rule")])
    ['The Ministry of Health of Ruritania said A.', 'The Ministry said B.']
    """
    seen: set[str] = set()
    heads = [src.split(" of ")[0] for src in {c.source for c in claims} if " of " in src]
    out = []
    for s in sentences:
        for c in {c.source: c for c in claims}.values():
            if ", " in c.source:
                name = c.source.split(",")[0]
                full = c.source + ","
            elif " of " in c.source and c.source.split()[0].lower() in INSTITUTION_NOUNS:
                name = c.source.split(" of ")[0]
                full = c.source
                if heads.count(name) > 1:
                    continue
            else:
                continue
            if full in s:
                if name in seen:
                    s = s.replace(full, name)
                seen.add(name)
        out.append(s)
    return out


def compose(claims: Sequence[Claim], chosen: Sequence[int]) -> list[SummarySentence]:
    """The deterministic summary: the chosen claims' neutral sentences, in article order."""
    texts = shorten_sources([claims[i].text for i in chosen], claims)
    return [SummarySentence(t, (claims[i].id,), "rule") for t, i in zip(texts, chosen)]


def _overlap(a: str, b: str) -> float:
    wa = {w for w in re.findall(r"\w+", a.lower()) if len(w) > 3}
    wb = {w for w in re.findall(r"\w+", b.lower()) if len(w) > 3}
    return len(wa & wb) / max(len(wa), 1)


def match_claims(sentence: str, claims: Sequence[Claim], chosen: Sequence[int]) -> list[int]:
    """The chosen claims a generated sentence rests on (by shared words), best first."""
    scored = sorted(((_overlap(sentence, claims[i].text), i) for i in chosen), reverse=True)
    return [i for s, i in scored[:2] if s >= 0.3 and (s >= 0.5 or i == scored[0][1])]


def verify_summary(model_text: str, claims: Sequence[Claim], chosen: Sequence[int], contexts: dict[str, str],
                   max_words: int) -> tuple[list[SummarySentence], list[str]]:
    """Keep each generated sentence that passes verification against the claims it rests on;
    replace each that fails by the neutral sentence of its best claim. Returns the sentences and
    the reasons for each replacement."""
    out: list[SummarySentence] = []
    warnings: list[str] = []
    covered: set[int] = set()
    seen: set[str] = set()
    repeats = 0
    for sent in split_sentences(model_text):
        key = re.sub(r"\W+", " ", sent.lower()).strip()
        if key in seen:
            repeats += 1
            continue
        seen.add(key)
        support = match_claims(sent, claims, chosen)
        if not support:
            warnings.append(f"summary sentence dropped (rests on no claim): {sent[:80]!r}")
            continue
        evidence = " ".join(contexts[claims[i].id] + " " + claims[i].text for i in support)
        sources = [claims[i].source for i in support if claims[i].source != ARTICLE_SOURCE]
        reasons = verify_sentence(sent, evidence=evidence, reference=" ".join(claims[i].text for i in support),
                                  sources=sources, min_keep=0.3, max_new=0.3)
        reasons += [f"not a sentence: {p}" for p in problems(sent, source=evidence)]
        if reasons:
            i = next((i for i in support if i not in covered), None)
            warnings.append(f"summary sentence replaced ({'; '.join(reasons)}): {sent[:80]!r}")
            if i is not None:
                out.append(SummarySentence(claims[i].text, (claims[i].id,), "fallback"))
                covered.add(i)
            continue
        out.append(SummarySentence(sent, tuple(claims[i].id for i in support), "model"))
        covered.update(support)
    if repeats:
        warnings.append(f"the model's summary repeated itself: {repeats} repeated sentence(s) dropped")
    # chosen claims the model left out: contested ones must appear; others while there is room
    words = sum(len(s.text.split()) for s in out)
    for i in chosen:
        if i in covered:
            continue
        c = claims[i]
        w = len(c.text.split())
        if c.kind in ("allegation", "denial") or words + w <= max_words:
            out.append(SummarySentence(c.text, (c.id,), "fallback"))
            covered.add(i)
            words += w
    order = {c.id: k for k, c in enumerate(claims)}
    out.sort(key=lambda s: min(order.get(cid, 0) for cid in s.claim_ids))
    texts = shorten_sources([s.text for s in out], claims)
    return [SummarySentence(t, s.claim_ids, s.wording) for t, s in zip(texts, out)], warnings
