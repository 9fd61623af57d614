"""The pipeline: analyse, draft claims, let the model word them, verify, summarise, report.

The model proposes, the source disposes: everything the model writes is checked against the
article (``_verify``) and replaced by the deterministic rendering when it fails.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import Any

from ._analysis import analyse
from ._claims import Draft, clean_output, draft_claims
from ._contradictions import find_inconsistencies
from ._embed import embed
from ._errors import ContextLengthError
from ._frames import find_frames
from ._layout import split_layout
from ._loaded import find_loaded, loaded_in
from ._prompts import load_prompt, neutralise_text
from ._summary import centrality, compose, select_claims, verify_summary
from ._types import Claim, LoadedTerm, Provenance, Summary, SummarySentence
from ._verify import verify_sentence
from ._version import __version__
from ._wellformed import is_marked_truncated, problems
from .backends.base import Backend

__all__ = ["run_pipeline", "MAX_CHARS"]

#: Longest article accepted (spaCy's default limit); the model only ever sees one claim or the
#: selected claims, so a long article never overflows the model's context.
MAX_CHARS = 1_000_000
_PREFIX = re.compile(r"^(?:sentence|rewritten(?: sentence)?|answer|output|neutral(?: sentence)?)\s*:\s*", re.I)


class _Meter:
    def __init__(self) -> None:
        self.prompt = 0
        self.completion = 0
        self.calls = 0

    def generate(self, backend: Backend, messages: list[dict[str, str]], **kw: Any) -> str:
        g = backend.generate(messages, **kw)  # type: ignore[arg-type]
        self.prompt += g.prompt_tokens
        self.completion += g.completion_tokens
        self.calls += 1
        return g.text


def _clean_model_line(text: str) -> str:
    line = text.strip().split("\n")[0].strip()
    line = _PREFIX.sub("", line).strip()
    if len(line) >= 2 and line[0] == line[-1] and line[0] in "\"'":
        line = line[1:-1].strip()
    return line


def _word_claims(drafts: list[Draft], backend: Backend | None, meter: _Meter, seed: int,
                 warnings: list[str]) -> list[Claim]:
    claims: list[Claim] = []
    prompt = load_prompt("claim_rewrite")
    for k, d in enumerate(drafts, 1):
        cid = f"c{k}"
        if d.truncated:
            warnings.append(f"claim {cid}: its sentence is cut off in the article; kept as written, marked, "
                            "and left out of the summary")
        if backend is None or d.truncated:  # a cut-off sentence stays as written, marked
            claims.append(Claim(d.text, d.source, d.kind, d.evidence, "rule", d.cue, cid))  # type: ignore[arg-type]
            continue
        messages = prompt.render(sentence=neutralise_text(d.text))
        budget = min(160, int(len(d.text.split()) * 2.2) + 16)
        if _too_long(messages, budget, backend):
            warnings.append(f"claim {cid}: {len(d.text.split())} words is too long for the model's context "
                            f"({backend.context_length} tokens); deterministic rendering used without a model call")
            claims.append(Claim(d.text, d.source, d.kind, d.evidence, "rule", d.cue, cid))  # type: ignore[arg-type]
            continue
        out = _clean_model_line(meter.generate(backend, messages, max_tokens=budget, temperature=0.0, seed=seed, stop=["\n"]))
        reasons = verify_sentence(out, evidence=d.context, reference=d.text, sources=[d.source] if d.attributed else [])
        reasons += [f"not a sentence: {p}" for p in problems(out, source=d.context)]
        if reasons:
            warnings.append(f"claim {cid}: model wording rejected ({'; '.join(reasons)}), deterministic rendering used")
            claims.append(Claim(d.text, d.source, d.kind, d.evidence, "fallback", d.cue, cid, rejected=tuple(reasons)))  # type: ignore[arg-type]
        else:
            claims.append(Claim(out, d.source, d.kind, d.evidence, "model", d.cue, cid))  # type: ignore[arg-type]
    return claims


def _too_long(messages: list[dict[str, str]], budget: int, backend: Backend) -> bool:
    """Whether a prompt may overflow the backend's context (about 1.6 tokens a word, an upper
    estimate for English with these tokenizers), so the call is not even tried."""
    words = sum(len(m["content"].split()) for m in messages)
    return int(words * 1.6) + 64 + budget > int(getattr(backend, "context_length", 4096))


def _summary_text(sentences: list[SummarySentence]) -> str:
    return " ".join(s.text for s in sentences)


def _fit_length(sentences: list[SummarySentence], claims: list[Claim], chosen: list[int], max_words: int) -> list[SummarySentence]:
    """Keep the summary within ``max_words`` and, where the article allows, at least 40 words."""
    out = list(sentences)
    while len(out) > 1 and len(_summary_text(out).split()) > max_words:
        # drop the least central sentence that carries no contested claim
        by_id = {c.id: c for c in claims}
        removable = [s for s in out if not any(by_id[i].kind in ("allegation", "denial") for i in s.claim_ids if i in by_id)] or out
        worst = min(removable, key=lambda s: max(by_id[i].centrality for i in s.claim_ids if i in by_id) if s.claim_ids else 0)
        out.remove(worst)
    used = {i for s in out for i in s.claim_ids}
    for c in sorted(claims, key=lambda c: -c.centrality):
        if len(_summary_text(out).split()) >= 40:
            break
        if c.id in used or is_marked_truncated(c.text) or c.text in {s.text for s in out} or len(_summary_text(out).split()) + len(c.text.split()) > max_words:
            continue
        out.append(SummarySentence(c.text, (c.id,), "rule" if c.wording == "rule" else "fallback"))
        used.add(c.id)
    order = {c.id: k for k, c in enumerate(claims)}
    out.sort(key=lambda s: min((order.get(i, 0) for i in s.claim_ids), default=0))
    return out


def run_pipeline(text: str, backend: Backend | None, *, max_words: int = 120, seed: int = 0,
                 write_summary: bool = True) -> Summary:
    """Summarise ``text`` (already checked to be a non-empty string)."""
    if len(text) > MAX_CHARS:
        raise ContextLengthError(
            f"The article has {len(text):,} characters; the analysis takes at most {MAX_CHARS:,}. "
            "Split it into articles, or summarise it in parts."
        )
    t0 = time.perf_counter()
    seconds: dict[str, float] = {}
    warnings: list[str] = []
    meter = _Meter()
    layout = split_layout(text)  # headline, byline, dateline blanked: offsets unchanged
    analysis = analyse(layout.body)
    frames = find_frames(analysis)
    loaded = find_loaded(analysis.doc, text)
    drafts = draft_claims(analysis, frames, loaded)
    inconsistencies = find_inconsistencies(analysis, frames)
    seconds["analysis"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    claims = _word_claims(drafts, backend, meter, seed, warnings)
    vectors = embed([c.text for c in claims]) if claims else None
    if claims and vectors is not None:
        cent = centrality(drafts, vectors, len(analysis.sentences))
        claims = [replace(c, centrality=round(x, 4)) for c, x in zip(claims, cent)]
    seconds["claims"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    sentences: list[SummarySentence] = []
    prompts_used = {"claim_rewrite": load_prompt("claim_rewrite").sha256} if backend is not None else {}
    if not claims:
        warnings.append("no checkworthy claim found: the summary is the article's first sentences")
        first = clean_output(" ".join(analysis.text[s:e] for s, e in analysis.sentences[:3]))
        words = first.split()
        sentences = [SummarySentence(" ".join(words[:max_words]), (), "rule")] if words else []
    elif write_summary and vectors is not None:
        chosen = select_claims(claims, vectors, max_words)
        if backend is None:
            sentences = compose(claims, chosen)
        else:
            prompt = load_prompt("summary")
            prompts_used["summary"] = prompt.sha256
            listing = "\n".join(f"{n}. {neutralise_text(claims[i].text)}" for n, i in enumerate(chosen, 1))
            messages = prompt.render(claims=listing, max_words=str(max_words))
            budget = min(int(1.6 * max_words) + 24, 320)
            if _too_long(messages, budget, backend):
                warnings.append("the selected claims are too long for the model's context: summary composed without it")
                out = ""
            else:
                out = meter.generate(backend, messages, max_tokens=budget, temperature=0.0, seed=seed)
            contexts = {d_id: d.context for d_id, d in zip((c.id for c in claims), drafts)}
            sentences, why = verify_summary(out, claims, chosen, contexts, max_words)
            warnings.extend(why)
        sentences = _fit_length(sentences, claims, chosen, max_words)
    if claims and not sentences:
        # every claim is longer than the budget (one endless sentence): its first max_words words
        top = max(claims, key=lambda c: c.centrality)
        words = top.text.split()
        sentences = [SummarySentence(" ".join(words[:max_words]) + (" …" if len(words) > max_words else ""), (top.id,),
                                     "rule" if top.wording == "rule" else "fallback")]
        warnings.append(f"claim {top.id} is longer than the summary ({len(words)} words): the summary is cut at {max_words} words")
    summary_text = _summary_text(sentences)
    seconds["summary"] = time.perf_counter() - t2
    seconds["total"] = time.perf_counter() - t0

    leaked = {w.lower() for w in loaded_in(summary_text)}
    left_out = tuple(t for t in loaded if t.term.lower() not in leaked)
    return Summary(
        title=layout.title,
        text=summary_text,
        sentences=tuple(sentences),
        claims=tuple(claims),
        loaded_terms=tuple(LoadedTerm(t.term, t.start, t.end) for t in left_out),
        inconsistencies=tuple(inconsistencies),
        warnings=tuple(warnings),
        provenance=Provenance(
            model=getattr(backend, "model_id", "none") if backend is not None else "none",
            revision=getattr(backend, "revision", None) if backend is not None else None,
            backend=getattr(backend, "name", "custom") if backend is not None else "none",
            prompts=prompts_used,
            package_version=__version__,
            seconds={k: round(v, 3) for k, v in seconds.items()},
            tokens={"prompt": meter.prompt, "completion": meter.completion},
            model_calls=meter.calls,
            settings={"max_words": max_words, "seed": seed, "temperature": 0.0},
        ),
    )
