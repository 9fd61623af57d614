"""The pipeline: analyse, draft claims, let the model judge (and, if asked, word them), verify,
summarise, report.

By default the model is a judge, not a writer: where the rules are unsure (who a "he"/"she"
who speaks is) it scores the candidates (:mod:`._pronoun_model`), a few short forward passes.
With the ``rewrite`` option it also rewords claims and writes the summary; the model proposes,
the source disposes: everything it writes is checked against the article (``_verify``) and
replaced by the deterministic rendering when it fails.
"""

from __future__ import annotations

import inspect
import re
import time
from dataclasses import replace
from typing import Any, Callable

from ._author import document_author, with_article
from ._chunked import CHUNK_CHARS, analyse_article
from ._embeds import blank_embeds, credit_embeds, find_embeds
from ._html import blank_markup
from ._claims import Draft
from ._rendering import clean_output
from ._embed import embed
from ._errors import ContextLengthError
from ._layout import split_layout
from ._loaded import loaded_in
from ._prompts import load_prompt, neutralise_text
from ._screen import screen
from ._summary import centrality, compose, select_claims, verify_summary
from ._types import Claim, LoadedTerm, Provenance, Summary, SummarySentence
from ._verify import verify_sentence
from ._version import __version__
from ._wellformed import is_marked_truncated, problems
from .backends.base import Backend, Generation, group_by_context

__all__ = ["run_pipeline", "why_model", "MAX_CHARS", "Progress"]

#: Longest article accepted (about 1.6 million words): the analysis runs in chunks, and the model
#: only ever sees one claim or the selected claims, so a long article never overflows its context.
MAX_CHARS = 10_000_000
_PREFIX = re.compile(r"^(?:sentence|rewritten(?: sentence)?|answer|output|neutral(?: sentence)?)\s*:\s*", re.I)


#: Called as ``progress(done, total)`` while the model works: model calls finished of those
#: planned for the article (claim rewrites, then the summary). A callback that takes a ``stage``
#: keyword is called during the judge's scoring pass too: ``stage="judging"`` with scoring
#: requests done of those asked so far (the judge asks as it goes), ``stage="wording"`` for the
#: rewrites and the summary.
Progress = Callable[[int, int], None]


def _takes_stage(progress: Any) -> bool:
    """Whether ``progress`` accepts a ``stage`` keyword (by name, or as ``**kwargs``)."""
    try:
        params = inspect.signature(progress).parameters.values()
    except (TypeError, ValueError):  # a builtin without a signature: the plain protocol
        return False
    return any(p.kind is p.VAR_KEYWORD or (p.name == "stage" and p.kind is not p.POSITIONAL_ONLY) for p in params)


class _Meter:
    """Counts tokens, calls and seconds spent in the model, and reports progress."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.prompt = 0
        self.completion = 0
        self.cached = 0
        self.calls = 0
        self.seconds = 0.0
        self.total = 0
        self.progress = progress
        self.staged = progress is not None and _takes_stage(progress)
        self.scoring_seconds = 0.0
        self.scored = 0
        """Tokens whose log-probability the model gave (judging, not writing)."""
        self.judged = 0
        self.to_judge = 0
        """Scoring requests answered, and asked so far (the judge's progress)."""

    def report(self, done: int, total: int) -> None:
        """A wording step: ``progress(done, total)`` (with ``stage="wording"`` where it is taken)."""
        if self.progress is not None:
            if self.staged:
                self.progress(done, total, stage="wording")  # type: ignore[call-arg]
            else:
                self.progress(done, total)

    def report_judging(self) -> None:
        if self.staged:
            self.progress(self.judged, self.to_judge, stage="judging")  # type: ignore[misc, call-arg]

    def _count(self, g: Generation) -> str:
        self.prompt += g.prompt_tokens
        self.completion += g.completion_tokens
        self.cached += g.cached_tokens
        self.calls += 1
        self.report(self.calls, max(self.total, self.calls))
        return g.text

    def generate(self, backend: Backend, messages: list[dict[str, str]], **kw: Any) -> str:
        t = time.perf_counter()
        g = backend.generate(messages, **kw)  # type: ignore[arg-type]
        self.seconds += time.perf_counter() - t
        return self._count(g)

    def generate_many(self, backend: Backend, batch: list[list[dict[str, str]]], budgets: list[int], **kw: Any) -> list[str]:
        """Independent prompts: in one batched call where the backend has ``generate_many``."""
        many = getattr(backend, "generate_many", None)
        if many is None or len(batch) < 2:
            return [self.generate(backend, m, max_tokens=b, **kw) for m, b in zip(batch, budgets)]
        t = time.perf_counter()
        gens = many(batch, max_tokens=budgets, **kw)
        self.seconds += time.perf_counter() - t
        return [self._count(g) for g in gens]


class _ScoringMeter:
    """The backend as a :class:`~summarise.backends.base.Scorer` whose calls the meter counts.

    Where a callback follows the judge (see :data:`Progress`), the requests go to the backend a
    context at a time, with progress after each: the same answers, since every backend evaluates
    each context on its own (a fresh cache per context; a server, one request per pair)."""

    def __init__(self, backend: Any, meter: _Meter) -> None:
        self.backend, self.meter = backend, meter
        self.name, self.model_id = backend.name, backend.model_id

    def logprobs(self, requests: Any) -> Any:
        meter = self.meter
        t = time.perf_counter()
        if not meter.staged:
            out = self.backend.logprobs(requests)
        else:
            meter.to_judge += len(requests)
            meter.report_judging()
            out = [None] * len(requests)
            for indexes in group_by_context(requests).values():
                for i, lp in zip(indexes, self.backend.logprobs([requests[i] for i in indexes])):
                    out[i] = lp
                meter.judged += len(indexes)
                meter.report_judging()
        meter.scoring_seconds += time.perf_counter() - t
        meter.scored += sum(len(lp.logprobs) for lp in out)
        return out


def _clean_model_line(text: str) -> str:
    line = text.strip().split("\n")[0].strip()
    line = _PREFIX.sub("", line).strip()
    if len(line) >= 2 and line[0] == line[-1] and line[0] in "\"'":
        line = line[1:-1].strip()
    return line


def _plain(s: str) -> str:
    """A sentence compared for content: whitespace collapsed, outer punctuation and the case of
    the first letter ignored (the rendering capitalises and ends with a full stop)."""
    s = " ".join(s.split()).strip(" ,;:.")
    return s[:1].lower() + s[1:]


def why_model(d: Draft) -> tuple[bool, str]:
    """Whether the model's wording of draft ``d`` can change the result, and why.

    Not when the deterministic rendering is the evidence exactly as written with no loaded
    term in it: nothing was resolved, dropped or reordered, so there is nothing for the model
    to smooth, and a verified rewrite could only restate the article's own sentence.

    >>> from summarise._types import Span
    >>> e = (Span(0, 34, "Police said 12 people were hurt"),)
    >>> why_model(Draft("Police said 12 people were hurt.", "Police", "statement", e, "said", 0, ""))[0]
    False
    >>> why_model(Draft("Police said 12 people were hurt.", "Police", "statement",
    ...                 (Span(0, 34, "Officers said 12 people were hurt"),), "said", 0, ""))
    (True, 'sent: the rendering rewords the evidence (resolved, dropped or reordered words)')
    """
    if _plain(d.text) != _plain(" ".join(e.text for e in d.evidence)):
        return True, "sent: the rendering rewords the evidence (resolved, dropped or reordered words)"
    if loaded_in(d.text):
        return True, "sent: the rendering keeps a loaded term"
    return False, "not sent: the rendering is the evidence as written, nothing to resolve, drop or reorder"


def _word_claims(drafts: list[Draft], backend: Backend | None, meter: _Meter, seed: int,
                 warnings: list[str], use: dict[str, str], generation: dict[str, Any], prompts: Any) -> list[Claim]:
    """Claims in draft order; the model words those it can improve (see :func:`why_model`)."""
    rule = {k: Claim(d.text, d.source, d.kind, d.evidence, "rule", d.cue, f"c{k}")  # type: ignore[arg-type]
            for k, d in enumerate(drafts, 1)}
    for k, d in enumerate(drafts, 1):
        if d.truncated:
            warnings.append(f"claim c{k}: its sentence is cut off in the article; kept as written, marked, "
                            "and left out of the summary")
    if backend is None:
        return list(rule.values())
    for k, d in enumerate(drafts, 1):
        if d.source_by_model:
            use[f"c{k}"] = (f"; source named by the model: the rules could not tell who {d.source_as_written!r} is, "
                            f"the model chose {d.source!r}")
    if not generation.get("rewrite"):
        for k in range(1, len(drafts) + 1):
            use[f"c{k}"] = "not sent: rewording is off (the default; -o rewrite 1 turns it on)" + use.get(f"c{k}", "")
        return list(rule.values())
    prompt = load_prompt("claim_rewrite", prompts)
    todo: list[tuple[int, list[dict[str, str]], int]] = []
    for k, d in enumerate(drafts, 1):
        cid = f"c{k}"
        send, why = why_model(d)
        if d.truncated:  # a cut-off sentence stays as written, marked
            send, why = False, "not sent: its sentence is cut off in the article (kept as written, marked)"
        messages = prompt.render(sentence=neutralise_text(d.text))
        budget = generation.get("max_tokens") or min(160, int(len(d.text.split()) * 2.2) + 16)
        if send and _too_long(messages, budget, backend):
            warnings.append(f"claim {cid}: {len(d.text.split())} words is too long for the model's context "
                            f"({backend.context_length} tokens); deterministic rendering used without a model call")
            send, why = False, "not sent: too long for the model's context"
        use[cid] = why + use.get(cid, "")
        if send:
            todo.append((k, messages, budget))
    meter.total = len(todo) + 1  # and the summary
    meter.report(0, meter.total)
    outs = meter.generate_many(backend, [m for _, m, _ in todo], [b for _, _, b in todo],
                               temperature=generation.get("temperature", 0.0), seed=seed, stop=["\n"])
    for (k, _, _), raw in zip(todo, outs):
        d, cid = drafts[k - 1], f"c{k}"
        out = _clean_model_line(raw)
        reasons = verify_sentence(out, evidence=d.context, reference=d.text, sources=[d.source] if d.attributed else [])
        reasons += [f"not a sentence: {p}" for p in problems(out, source=d.context)]
        if reasons:
            warnings.append(f"claim {cid}: model wording rejected ({'; '.join(reasons)}), deterministic rendering used")
            rule[k] = Claim(d.text, d.source, d.kind, d.evidence, "fallback", d.cue, cid, rejected=tuple(reasons))  # type: ignore[arg-type]
        else:
            rule[k] = Claim(out, d.source, d.kind, d.evidence, "model", d.cue, cid)  # type: ignore[arg-type]
    return list(rule.values())


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


def _settings(max_words: int, seed: int, generation: dict[str, Any], prompts: Any) -> dict[str, Any]:
    """``provenance.settings``: the defaults as before, then what the caller changed."""
    settings: dict[str, Any] = {"max_words": max_words, "seed": seed, "temperature": generation.get("temperature", 0.0)}
    settings.update({k: v for k, v in generation.items() if k != "temperature"})
    if prompts is not None:
        settings["prompts"] = str(prompts)
    return settings


def run_pipeline(text: str, backend: Backend | None, *, max_words: int = 120, seed: int = 0,
                 write_summary: bool = True, progress: Progress | None = None,
                 generation: dict[str, Any] | None = None, prompts: Any = None) -> Summary:
    """Summarise ``text`` (already checked to be a non-empty string); ``progress(done, total)``
    is called after each model call. ``generation``: checked options of every model call
    (:mod:`._options`); ``prompts``: a folder whose prompt files replace the packaged ones."""
    generation = dict(generation or {})
    if len(text) > MAX_CHARS:
        raise ContextLengthError(
            f"The article has {len(text):,} characters; the analysis takes at most {MAX_CHARS:,}. "
            "Split it into articles, or summarise it in parts."
        )
    t0 = time.perf_counter()
    seconds: dict[str, float] = {}
    warnings: list[str] = []
    use: dict[str, str] = {}
    meter = _Meter(progress)
    layout = split_layout(text)  # headline, byline, dateline blanked: offsets unchanged
    screened = screen(layout.body)  # text addressed to a machine, hidden text, bylines: blanked, offsets kept
    warnings.extend(screened.warnings())
    # a model that scores text judges who a "he"/"she" the rules cannot name is (source field only)
    scorer = backend if backend is not None and callable(getattr(backend, "logprobs", None)) else None
    author = document_author(text)  # a statement or press release speaks for the body that issued it
    if author:
        warnings.append(f"the document is a statement issued by {with_article(author)}: what it states in its own "
                        f"voice is credited to {with_article(author)}, not to the article")
    embeds = find_embeds(text)  # posts embedded in the article: their authors' words, markup blanked
    # (then any tag left in plain text, "<a href=…>": blanked in place)
    analysis = analyse_article(blank_markup(blank_embeds(screened.text, embeds)), scorer=_ScoringMeter(scorer, meter) if scorer is not None else None,
                               margin=generation.get("pronoun_margin"), author=author)  # in chunks when long
    loaded = analysis.loaded
    drafts = credit_embeds(screened.keep(analysis.drafts), embeds)
    inconsistencies = [i for i in analysis.inconsistencies if not any(screened.touches(e.start, e.end) for e in i.evidence)]
    if analysis.chunks > 1:
        warnings.append(f"the article ({len(text):,} characters) was analysed in {analysis.chunks} chunks of at most "
                        f"{CHUNK_CHARS:,}; claims were merged and de-duplicated across them")
    seconds["analysis"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    claims = _word_claims(drafts, backend, meter, seed, warnings, use, generation, prompts)
    vectors = embed([c.text for c in claims]) if claims else None
    if claims and vectors is not None:
        cent = centrality(drafts, vectors, len(analysis.sentences))
        claims = [replace(c, centrality=round(x, 4)) for c, x in zip(claims, cent)]
    seconds["claims"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    sentences: list[SummarySentence] = []
    rewrite = backend is not None and bool(generation.get("rewrite"))
    prompts_used = {"claim_rewrite": load_prompt("claim_rewrite", prompts).sha256} if rewrite else {}
    if not claims:
        warnings.append("no checkworthy claim found: the summary is the article's first sentences")
        first = clean_output(" ".join(analysis.text[s:e] for s, e in analysis.sentences[:3]))
        words = first.split()
        sentences = [SummarySentence(" ".join(words[:max_words]), (), "rule")] if words else []
    elif write_summary and vectors is not None:
        h = layout.headline  # a headline kept in the text gives claims, not the summary's opening
        chosen = select_claims(claims, vectors, max_words, frozenset(
            i for i, c in enumerate(claims) if h and c.evidence and all(h[0] <= e.start and e.end <= h[1] for e in c.evidence)))
        if not rewrite:
            sentences = compose(claims, chosen)
            if backend is not None:
                use["summary"] = "not sent: the summary is composed from the selected claims (rewording is off, the default)"
        else:
            prompt = load_prompt("summary", prompts)
            prompts_used["summary"] = prompt.sha256
            listing = "\n".join(f"{n}. {neutralise_text(claims[i].text)}" for n, i in enumerate(chosen, 1))
            messages = prompt.render(claims=listing, max_words=str(max_words))
            budget = generation.get("max_tokens") or min(int(1.6 * max_words) + 24, 320)
            if _too_long(messages, budget, backend):
                warnings.append("the selected claims are too long for the model's context: summary composed without it")
                use["summary"] = "not sent: the selected claims are too long for the model's context"
                out = ""
            else:
                use["summary"] = "sent: the model writes the summary from the selected claims"
                out = meter.generate(backend, messages, max_tokens=budget, temperature=generation.get("temperature", 0.0), seed=seed)
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
    if meter.calls:
        seconds["model"] = meter.seconds
    if meter.scored:
        seconds["scoring"] = meter.scoring_seconds

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
            tokens={"prompt": meter.prompt, "completion": meter.completion, "prompt_cached": meter.cached, "scored": meter.scored},
            model_calls=meter.calls,
            settings=_settings(max_words, seed, generation, prompts),
            backend_reason=getattr(backend, "reason", "a ready backend object") if backend is not None else "",
            model_use=use,
        ),
        suspicious=screened.suspicious,
    )
