"""Claims from the analysis: one per attribution frame, plus the article's own assertions, each
with a deterministic, neutral, self-contained rendering (the fallback for the model's wording).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ._analysis import Analysis
from ._frames import Frame
from ._loaded import clean_span
from ._marks import balance_marks
from ._types import ARTICLE_SOURCE, LoadedTerm, Span
from ._layout import cut_off
from ._quotes import open_quote_before
from ._nlp import doc_text, tokens_in
from ._rendering import clean_output, finish, render_frame
from ._residues import EDGE_WORDS, residue_body
from ._wellformed import asserts_something, is_wellformed, mark_truncated, prepare

__all__ = ["Draft", "draft_claims"]



_EVALUATIVE = re.compile(r"\b(?:fault|blame[sd]?|should|must|ought|deserve[sd]?|failure|failed to|shameful|"
                         r"afterthought|lapses?|neglect\w*|incompeten\w*|right to|wrong to|unacceptable|"
                         r"less than forthcoming|has long|have long)\b", re.I)


@dataclass
class Draft:
    """A claim before the model is asked to word it."""

    text: str
    source: str
    kind: str
    evidence: tuple[Span, ...]
    cue: str
    sent: int
    context: str
    """The evidence's sentences (and the referenced claim for a denial), for verification."""
    loaded: tuple[str, ...] = ()
    """Loaded terms the rendering took out."""
    truncated: bool = False
    """The evidence sentence is cut off in the input: the text is that sentence as written,
    marked, never reworded or summarised as if complete."""
    source_as_written: str = ""
    """Set when ``source`` is the model's choice (:mod:`._pronoun_model`): the pronoun it names."""
    cue_lemma: str = ""
    """The cue's lemma ("opposed": "oppose"), empty for the article's own claims."""

    @property
    def source_by_model(self) -> bool:
        return bool(self.source_as_written)

    @property
    def attributed(self) -> bool:
        return self.source != ARTICLE_SOURCE


def _span(text: str, a: int, b: int) -> Span:
    while a < b and text[a] in " ,;:—–-\n\t":
        a += 1
    while b > a and text[b - 1] in " ,;:—–-\n\t":
        b -= 1
    return Span(a, b, text[a:b])




# The outcome of a case (a verdict, a sentence, an acquittal): a charge named in it is the court's
# record, not the article's accusation.
_JUDICIAL = re.compile(r"\b(?:convicted|acquitted|sentenced|found guilty|pleaded guilty|pleaded not guilty|guilty of|jailed|"
                       r"cleared of|verdict|jury|trial|charged with|indicted|court)\b", re.I)


_NEGATED_BEFORE = re.compile(r"(?<![\w-])(?:never|not|no|n't)(?:\s+[\w'-]+){0,2}\s*$", re.I)
_NAMING = frozenset("call label brand dub name term".split())


def _article_kind(text: str, loaded_count: int) -> str:
    from ._nlp import lexicons

    lex = lexicons()
    if loaded_count >= 2 or (loaded_count >= 1 and not re.search(r"\d", text)) or _EVALUATIVE.search(text) \
            or lex.judgement_pattern().search(text):
        return "opinion"
    charges = list(re.finditer(r"\b(?:accused|alleged|allegations?|accusations?)\b", text, re.I))
    if charges and not all(_NEGATED_BEFORE.search(text[max(0, m.start() - 40):m.start()]) for m in charges):
        return "allegation"  # ("was not accused of wrongdoing", "no allegations of fraud": that no one charged it is a fact)
    if any(not m.group(0).lower().startswith(("steal", "stole")) for m in lex.accusation_pattern().finditer(text)) \
            and not _JUDICIAL.search(text):
        # "explosives intended for sabotage", "provocations orchestrated by X": a charge of
        # wrongdoing the article makes itself, contested until someone establishes it ("stealing
        # moderates from the other party": in narration, stealing is mostly a figure of speech)
        return "allegation"
    return "fact"


def _reaches_end(analysis: Analysis, end: int, s1: int) -> bool:
    """Whether a span ending at ``end`` runs to the end of its sentence (only joining words and
    punctuation after it)."""
    return all(t.is_punct or t.is_space or t.lower_ in EDGE_WORDS or t.tag_ == "TO"
               or t.dep_ in ("cc", "mark", "det", "poss", "case", "prep", "aux", "auxpass", "neg")
               for t in analysis.doc if end <= t.idx < s1)


def _as_written(analysis: Analysis, si: int) -> str:
    s0, s1 = analysis.sentences[si]
    s = re.sub(r"\s+", " ", clean_output(analysis.text[s0:s1])).strip()
    return s if s[:1] in "\"\u201c'`" else balance_marks(s)  # (a sentence split inside a quotation gets its opening mark)


def _well_formed(analysis: Analysis, rendering: str, handled: list[str], span: tuple[int, int], si: int,
                 loaded: list[LoadedTerm], whole: bool = True, residue: bool = False,
                 content: tuple[int, int] | None = None) -> tuple[str, list[str]]:
    """The rendering if it is a complete sentence, its evidence cuts no phrase off
    (:func:`cuts_phrase`; ``residue``: the article's own part of a sentence, checked both ways) and
    it keeps every negation of its ``content`` (what a frame reports; the span by default);
    else the evidence as written (loaded terms handled), else (with ``whole``) the whole sentence
    as written, else nothing: never a broken rewrite."""
    text = analysis.text
    content = content or span
    cut = _cut_word(analysis.doc, *span, leaning=residue)
    if _rendering_cut(analysis, rendering, span, residue, cut) is None and is_wellformed(rendering, source=text) \
            and len(_NEGATION.findall(rendering)) >= len(_NEGATION.findall(text[content[0]:content[1]])):
        return rendering, handled  # (and it keeps every negation of what it reports: a lost "not" flips the claim)
    body, h = clean_span(analysis.doc, text, span[0], span[1], loaded, [])
    body = finish(body)
    if cut is None and is_wellformed(body, source=text):
        return body, h
    if not whole:
        return "", []
    s0, s1 = analysis.sentences[si]
    body, h = clean_span(analysis.doc, text, s0, s1, loaded, [])
    body = finish(body)
    if is_wellformed(body, source=text):
        return body, h
    return finish(_as_written(analysis, si)), []


def _rendering_cut(analysis: Analysis, rendering: str, span: tuple[int, int], residue: bool,
                   span_cut: tuple[Any, str] | None) -> tuple[Any, str] | None:
    """Where the evidence of ``rendering`` cuts a phrase off (:func:`cuts_phrase`), read up to the
    rendering's last word: a rendering may drop a dangling end ("calmed the fans [by]").
    ``span_cut`` is the cut of the whole span, the answer when the rendering ends where it does."""
    words = re.findall(r"[\w'\u2019-]+", rendering)
    toks = [t for t in tokens_in(analysis.doc, span[0], span[1]) if not (t.is_punct or t.is_space)]
    if words and toks and toks[-1].lower_ != words[-1].lower():
        last = next((t for t in reversed(toks) if t.lower_ == words[-1].lower()), None)
        if last is not None:
            return _cut_word(analysis.doc, span[0], last.idx + len(last.text), leaning=residue)
    return span_cut


_NEGATION = re.compile(r"\b(?:not|never|no|nor|neither)\b|n[\u2019']t\b", re.I)

# Dependents that complete their head: a span that keeps the head and loses them is cut off
# ("vocal in [rejecting ...]", "a headache for Trump by [pushing ...]").
_COMPLETING = frozenset({"pobj", "pcomp", "dobj", "ccomp", "xcomp", "acomp", "attr", "oprd", "agent", "dative", "prt"})
# Dependents that stand before their head: a span that keeps them and loses the head is cut
# off too ("they think she [and they can ...]").
_LEADING = frozenset({"nsubj", "nsubjpass", "det", "amod", "compound", "poss", "aux", "auxpass", "nummod", "predet", "mark",
                      "advmod"})


def cuts_phrase(doc: Any, a: int, b: int, leaning: bool = True) -> str | None:
    """How the span ``[a, b)`` of the article cuts a phrase off at its end, or None when it ends
    where its phrases end: a kept word whose completing dependent (object, complement) lies after
    the span, or (with ``leaning``) a word that leans on a head after the span. (A frame's evidence
    can end before the verb its subject leans on: "[the senator's claim that X] drew scorn".)

    >>> from summarise._nlp import nlp
    >>> d = nlp("He can hurt Trump by pushing for a vote.")
    >>> cuts_phrase(d, 0, d.text.index(" pushing")), cuts_phrase(d, 0, len(d.text) - 1)
    ("'by' loses its pcomp 'pushing'", None)
    """
    cut = _cut_word(doc, a, b, leaning)
    return cut[1] if cut is not None else None


def _cut_word(doc: Any, a: int, b: int, leaning: bool = True) -> tuple[Any, str] | None:
    """The word of ``[a, b)`` that loses a dependent or its head past ``b`` (see :func:`cuts_phrase`)
    and how."""
    toks = [t for t in tokens_in(doc, a, b) if not t.is_space]
    if not toks:
        return None
    last = toks[-1].i
    for t in toks:
        if t.is_punct:
            continue
        kept = [c for c in t.children if c.dep_ in _COMPLETING and c.i <= last]
        for c in t.children:
            between = doc_text(doc)[b:c.idx]
            if c.i > last and c.dep_ in _COMPLETING and not c.is_punct and not kept and ";" not in between \
                    and not re.match(r"\s*[,.!?]?[\u201d\"]", between):
                # (a clause past a semicolon is a sentence of its own, whatever the parser hung it on;
                # so is the cue past a quotation's closing mark: '... we ended that," he went on')
                # (a verb that keeps an object loses no other: "signed a pact on Friday — an
                # agreement that ...", the apposition read as a second object)
                return t, f"{t.text!r} loses its {c.dep_} {c.text!r}"
        if leaning and t.head.i > last and t.dep_ in _LEADING:
            return t, f"{t.text!r} loses its head {t.head.text!r}"
    return None


# Prepositions of a phrase that only adds to its clause ("calmed the fans by [telling ...]", "took
# heat for [not condemning ...]"): unlike "prevented her from", "accused of", the clause stands without it.


def draft_claims(analysis: Analysis, frames: list[Frame], loaded: list[LoadedTerm]) -> list[Draft]:
    """Every claim of the article, in text order, with its deterministic rendering."""
    text = analysis.text
    drafts: list[Draft] = []
    by_sent: dict[int, list[Frame]] = {}
    for f in frames:
        by_sent.setdefault(f.sent, []).append(f)
    by_sent = {si: sorted(fs, key=lambda f: f.span[0]) for si, fs in by_sent.items()}
    # the renderings that do not depend on the claims before them (all but a denial of "the
    # allegation"), made first so that the well-formed check parses them in one batch
    rendered = {id(f): render_frame(analysis, f, loaded, []) for si, fs in by_sent.items() if 0 <= si < len(analysis.sentences)
                for f in fs if not f.back_ref}
    residues = {si: residue_body(analysis, si, by_sent.get(si, []), loaded) for si in range(len(analysis.sentences))}
    prepare([r for r, _, _ in rendered.values() if len(r.split()) >= 4]
            + [r[2] for r in residues.values() if r is not None and len(r[2].split()) >= 5])
    for si, (s0, s1) in enumerate(analysis.sentences):
        sent_frames = by_sent.get(si, [])
        items: list[tuple[int, Draft]] = []
        cut = cut_off(analysis, si)
        for f in sent_frames:
            if not re.search(r"[^\W\d_]", text[f.content[0]:f.content[1]]):
                continue  # a quotation's ". . ." read as a sentence of its own: nothing said
            rendering, handled, extra = rendered[id(f)] if id(f) in rendered else \
                render_frame(analysis, f, loaded, drafts + [d for _, d in items])
            # ("Or maybe the governor, an aide says.": a phrase with no verb, outside a quotation, before its source)
            fragment = f.subj is not None and text[f.content[1]:f.subj[0]].strip() == "," and not analysis.in_quote(f.content[0], f.content[0] + 1) and not any(
                t.pos_ in ("VERB", "AUX") for t in tokens_in(analysis.doc, *f.content))
            if len(rendering.split()) < 4 or fragment:
                if len(sent_frames) != 1 or f.subj is None or len(_as_written(analysis, si).split()) < (4 if fragment else 6):
                    continue
                # "Democrats opposed it because it fell short of the request": too little to stand
                # alone, and what is left beside it is no sentence; the sentence as written is the
                # source's, not lost
                rendering, handled, f = _as_written(analysis, si), [], replace(f, span=(s0, s1))
                residues[si] = None
            truncated = cut and _reaches_end(analysis, f.span[1], s1)
            if truncated and re.search(r"\w", text[s0:f.span[0]]):
                # "X relishes the backlash from Y, who has criticized the governor for [...]": what Y
                # said is cut off, and the sentence as written is not Y's: no claim of Y's here
                continue
            if truncated:
                rendering, handled = mark_truncated(_as_written(analysis, si)), []
                if not asserts_something(rendering):  # "When the talks began [...]" asserts nothing
                    continue
            else:
                rendering, handled = _well_formed(analysis, rendering, handled, f.span, si, loaded, content=f.content)
            evidence = (_span(text, *f.span),)
            context = text[s0:s1] + ("\n" + extra if extra else "")
            items.append((f.span[0], Draft(rendering, f.source, f.kind, evidence, f.cue, si, context, tuple(handled), truncated,
                                                       text[f.subj[0]:f.subj[1]] if f.named_by_model and f.subj else "", f.cue_lemma)))
        res = residues[si]
        if res is not None:
            a, b, body, handled = res
            truncated = cut and _reaches_end(analysis, b, s1)
            if truncated:
                body, handled = mark_truncated(_as_written(analysis, si)), []
                if not asserts_something(body):
                    body = ""
            elif len(body.split()) >= 5:
                # what is left beside the frames, when it is no sentence and asserts nothing
                # ("Closing the session with a short speech --"), is dropped: the sentence as
                # written would put what the frames attribute in the article's voice
                finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tokens_in(analysis.doc, a, b))
                body, handled = _well_formed(analysis, body, handled, (a, b), si, loaded, whole=finite or not sent_frames, residue=True)
            if len(body.split()) >= 5:
                from ._nlp import lexicons

                lex = lexicons()
                # a loaded word with a neutral equivalent ("assault" -> "attack") colours the
                # wording, not the claim, and so does an intensifier the rendering drops ("a massive
                # outage"): only the others make the sentence a judgement
                starts = {t.idx: t for t in tokens_in(analysis.doc, a, b)}
                n_loaded = sum(1 for t in loaded if a <= t.start < b and not (lex.loaded_words.get(t.term.lower()) or lex.loaded_phrases.get(t.term.lower()))
                               and not (" " not in t.term and t.start in starts and starts[t.start].dep_ in ("amod", "advmod")
                                        and not open_quote_before(text, t.start, single=True))
                               # (a name someone called someone, "calling X a liar": the caller's word, not the article's)
                               and not (t.start in starts and starts[t.start].dep_ == "oprd" and starts[t.start].head.lemma_.lower() in _NAMING))
                items.append((a, Draft(body, ARTICLE_SOURCE, _article_kind(text[a:b], n_loaded), (_span(text, a, b),), "", si,
                                       text[s0:s1], tuple(handled), truncated)))
        drafts.extend(d for _, d in sorted(items, key=lambda x: x[0]))
    return _dedupe(drafts)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One claim per content: a repeated sentence is kept once (the first, or the first that
    names a source)."""
    out: list[Draft] = []
    seen: dict[str, int] = {}
    for d in drafts:
        key = re.sub(r"\W+", " ", d.text.lower()).strip()
        if key in seen:  # the same sentence twice (a sentence kept as written for two frames)
            k = seen[key]
            o = out[k]
            if o.source == ARTICLE_SOURCE and d.source != ARTICLE_SOURCE and d.evidence[0].start <= o.evidence[0].start \
                    and o.evidence[0].end <= d.evidence[0].end:
                out[k] = d  # (a frame's whole sentence, which the article's rest repeats: the frame's source's)
            continue
        if any(o.evidence[0].start <= d.evidence[0].start and d.evidence[0].end <= o.evidence[0].end and o.source == d.source and o.kind == d.kind for o in out):
            continue
        seen[key] = len(out)
        out.append(d)
    return out
