"""A page a reader can check: one self-contained HTML file per summarised article.

The article with every claim's evidence highlighted (labelled with the claim's id, kind and
source, not by colour alone), loaded terms struck through with their neutral wording, the
article's inconsistencies marked; the summary with each sentence linked to the claims it rests
on; the claims; provenance at the foot. Inline CSS only: no script, no network request.
"""

from __future__ import annotations

import heapq
import html
from dataclasses import dataclass
from typing import Any, Iterable

from ._errors import InputError
from ._types import Summary

__all__ = ["render_html", "marked_article", "page", "provenance_line", "CSS", "Layer"]

#: Kind -> (background, border style): dark text on light backgrounds (contrast > 7:1), and
#: a distinct underline per kind so that kinds differ without colour as well.
_KIND_STYLE = {
    "fact": ("#e8eef7", "solid"),
    "statement": ("#e3f2e1", "dotted"),
    "allegation": ("#fde8d7", "dashed"),
    "estimate": ("#efe6f8", "double"),
    "denial": ("#fbe3e8", "wavy"),
    "opinion": ("#fff3c4", "dashed"),
}

CSS = """
:root{color-scheme:light;--ink:#111;--muted:#444;--focus:#1645c4}
*{box-sizing:border-box}
body{margin:0 auto;max-width:52rem;padding:1rem;font:1rem/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
a{color:#0b3d91}a:focus,mark:focus,summary:focus{outline:3px solid var(--focus);outline-offset:2px}
.article p{margin:.6rem 0}
mark.ev{color:var(--ink);padding:0 .1em;border-bottom:2px solid #333;text-decoration:none}
mark.ev::before{content:"[" attr(data-label) "] ";font-size:.72em;font-weight:600;color:var(--muted)}
mark.ev:focus::after,mark.ev:hover::after{content:" \\2014 " attr(data-source);font-size:.8em;font-weight:600}
del.loaded{text-decoration:line-through;color:var(--ink)}
del.loaded::after{content:" \\2192 " attr(data-neutral);text-decoration:none;display:inline-block;font-size:.85em;font-style:italic}
span.inc{outline:2px dashed #8a1c1c;outline-offset:1px}
span.inc::before{content:"\\26A0 ";font-size:.8em}
span.sus{box-shadow:inset 0 -3px 0 #8a1c1c}
ol.claims{padding-left:1.2rem}ol.claims li{margin:.5rem 0}
.badge{display:inline-block;font-size:.78em;font-weight:600;border:1px solid #333;border-radius:.3em;padding:0 .35em;margin-right:.3em;color:var(--ink)}
.sentence .refs{font-size:.8em}
.legend span{margin-right:.6rem;white-space:nowrap}
footer{margin-top:2rem;font-size:.85em;color:var(--muted);border-top:1px solid #ccc;padding-top:.5rem;overflow-wrap:anywhere}
@media (max-width:30rem){body{padding:.6rem;font-size:.95rem}}
""" + "".join(
    f"mark.k-{k},.badge.k-{k}{{background:{bg};border-bottom-style:{style}}}" for k, (bg, style) in _KIND_STYLE.items()
)


@dataclass(order=True)
class Layer:
    """Tags to put around ``text[start:-neg_end]`` (``order`` breaks ties: lower is outer)."""

    start: int
    neg_end: int
    order: int
    open_tag: str
    close_tag: str


def _nest(text: str, layers: Iterable[Layer]) -> str:
    """``text`` with every layer's tags around its span, properly nested; a span crossing an
    enclosing one is split at the boundary (not seen in the pipeline's output)."""
    heap = list(layers)
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    pos = 0
    while heap or stack:
        next_open = heap[0].start if heap else len(text) + 1
        if stack and stack[-1][0] <= next_open:
            end, close = stack.pop()
            out.append(html.escape(text[pos:end]) + close)
            pos = end
            continue
        if not heap:
            break
        layer = heapq.heappop(heap)
        end = -layer.neg_end
        if stack and end > stack[-1][0]:
            heapq.heappush(heap, Layer(stack[-1][0], layer.neg_end, layer.order, layer.open_tag, layer.close_tag))
            end = stack[-1][0]
        if end <= layer.start:
            continue
        out.append(html.escape(text[pos:layer.start]) + layer.open_tag)
        pos = layer.start
        stack.append((end, layer.close_tag))
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _attr(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _neutral(term: str) -> str:
    from ._nlp import lexicons

    lex = lexicons()
    repl = lex.loaded_phrases.get(term.lower()) or lex.loaded_words.get(term.lower())
    return repl or "left out"


def _check_offsets(summary: Summary, text: str) -> None:
    for c in summary.claims:
        for e in c.evidence:
            if text[e.start:e.end] != e.text:
                raise InputError(
                    f"claim {c.id}'s evidence {e.text[:40]!r} is not at {e.start}:{e.end} of the text given: pass "
                    "to_html() the article exactly as it was given to summarise()"
                )


def _article_layers(summary: Summary) -> list[Layer]:
    layers: list[Layer] = []
    for c in summary.claims:
        for j, e in enumerate(c.evidence):
            label = f"{c.id} {c.kind}"
            layers.append(Layer(
                e.start, -e.end, 0,
                f'<mark class="ev k-{_attr(c.kind)}" id="ev-{_attr(c.id)}-{j}" data-claim="{_attr(c.id)}" '
                f'data-kind="{_attr(c.kind)}" data-label="{_attr(label)}" data-source="{_attr(c.source)}" tabindex="0" '
                f'title="{_attr(f"{c.id}: {c.kind}, source: {c.source}")}">',
                "</mark>",
            ))
    for k, inc in enumerate(summary.inconsistencies):
        for e in inc.evidence:
            layers.append(Layer(e.start, -e.end, 1, f'<span class="inc" title="{_attr(inc.description)}" '
                                                     f'data-inconsistency="i{k + 1}">', "</span>"))
    for s in summary.suspicious:  # spans flagged as suspicious
        layers.append(Layer(s.start, -s.end, 2, f'<span class="sus" title="{_attr(s.reason or "suspicious")}">', "</span>"))
    for t in summary.loaded_terms:
        neutral = _neutral(t.term)
        layers.append(Layer(t.start, -t.end, 3, f'<del class="loaded" data-neutral="{_attr(neutral)}" '
                                                 f'title="{_attr(f"loaded term; neutral wording: {neutral}")}">', "</del>"))
    return layers


def _paragraph_layers(text: str) -> list[Layer]:
    """One ``<p>`` per blank-line-separated paragraph, outermost: a mark never spans two."""
    import re

    return [Layer(m.start(), -m.end(), -1, "<p>", "</p>") for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]


def marked_article(summary: Summary, text: str, extra: Iterable[Layer] = ()) -> str:
    """The article as HTML paragraphs with the summary's evidence, loaded terms and
    inconsistencies marked (and any ``extra`` layers)."""
    _check_offsets(summary, text)
    return _nest(text, _paragraph_layers(text) + _article_layers(summary) + list(extra))


def page(title: str, body: str, footer: str = "") -> str:
    """A whole self-contained page around ``body`` (inline CSS, no script)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{html.escape(title)}</h1></header>
<main>
{body}
</main>
<footer>{footer}</footer>
</body>
</html>
"""


def render_html(summary: Summary, text: str, *, title: str | None = None) -> str:
    """The report page for ``summary`` of the article ``text`` (exactly as given to summarise)."""
    if not isinstance(text, str):
        raise InputError(f"to_html() needs the article text as a str, got {type(text).__name__}")
    page_title = title or summary.title or "Summary report"
    by_id = {c.id: c for c in summary.claims}
    sentences = []
    for s in summary.sentences:
        refs = " ".join(f'<a href="#claim-{_attr(i)}">{_attr(i)}</a>' for i in s.claim_ids if i in by_id)
        sentences.append(f'<span class="sentence" data-wording="{_attr(s.wording)}">{html.escape(s.text)}'
                         f'{f" <span class=refs>[{refs}]</span>" if refs else ""}</span>')
    claims = []
    for c in summary.claims:
        evidence = " ".join(f'<a href="#ev-{_attr(c.id)}-{j}">evidence {j + 1}</a>' for j in range(len(c.evidence)))
        rejected = (f'<br><small>model wording rejected: {html.escape("; ".join(c.rejected))}</small>'
                    if c.rejected else "")
        claims.append(f'<li id="claim-{_attr(c.id)}"><span class="badge k-{_attr(c.kind)}">{_attr(c.kind)}</span>'
                      f'<strong>{html.escape(c.source)}</strong>: {html.escape(c.text)} <small>({_attr(c.id)}, '
                      f'wording: {_attr(c.wording)}; {evidence})</small>{rejected}</li>')
    incs = "".join(f"<li>{html.escape(i.description)}</li>" for i in summary.inconsistencies)
    legend = "".join(f'<span><span class="badge k-{k}">{k}</span></span>' for k in _KIND_STYLE)
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in summary.warnings)
    body = f"""<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>
<p>{" ".join(sentences)}</p></section>
<section aria-labelledby="h-article"><h2 id="h-article">Article</h2>
<p class="legend">Evidence is marked with its claim's id and kind; the source shows on hover or keyboard focus.
Kinds: {legend}. Struck-through words are loaded terms, followed by their neutral wording.{
" Dashed boxes mark inconsistencies." if summary.inconsistencies else ""}</p>
<div class="article">{marked_article(summary, text)}</div></section>
<section aria-labelledby="h-claims"><h2 id="h-claims">Claims ({len(summary.claims)})</h2>
<ol class="claims">{"".join(claims)}</ol></section>
{f'<section aria-labelledby="h-inc"><h2 id="h-inc">Inconsistencies</h2><ul>{incs}</ul></section>' if incs else ""}
{f'<section aria-labelledby="h-warn"><h2 id="h-warn">Warnings</h2><details><summary>{len(summary.warnings)} repaired problems</summary><ul>{warnings}</ul></details></section>' if warnings else ""}"""
    return page(page_title, body, provenance_line(summary))


def provenance_line(summary: Summary) -> str:
    """How the result was made, in one escaped line for a page's foot."""
    p = summary.provenance
    prompts = ", ".join(f"{k} {v[:12]}" for k, v in sorted(p.prompts.items())) or "none"
    return (f"Made by summarise {html.escape(p.package_version)} with model {html.escape(p.model)} (revision "
            f"{html.escape(str(p.revision))}) via {html.escape(p.backend)}; {p.model_calls} model calls, "
            f"{p.tokens.get('prompt', 0)}+{p.tokens.get('completion', 0)} tokens, {p.seconds.get('total', 0):.1f} s; "
            f"prompts {html.escape(prompts)}.")
