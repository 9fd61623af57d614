"""The records summarise returns: frozen dataclasses, every field documented.

All character offsets index the text exactly as the caller gave it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, Mapping

__all__ = [
    "CLAIM_KINDS",
    "ClaimKind",
    "Wording",
    "Span",
    "Claim",
    "LoadedTerm",
    "Inconsistency",
    "SummarySentence",
    "Suspicious",
    "Extracted",
    "Provenance",
    "Summary",
]

ClaimKind = Literal["fact", "statement", "allegation", "estimate", "denial", "opinion"]
Wording = Literal["model", "fallback", "rule"]

#: The kinds of claim, as in the reference format (``../shared/references/README.md``).
CLAIM_KINDS: tuple[str, ...] = ("fact", "statement", "allegation", "estimate", "denial", "opinion")

ARTICLE_SOURCE = "the article"


@dataclass(frozen=True)
class Span:
    """A stretch of the source text."""

    start: int
    """Offset of the first character, into the text as given."""
    end: int
    """Offset one past the last character; ``text[start:end] == self.text``."""
    text: str
    """The exact characters of the source between ``start`` and ``end``."""


@dataclass(frozen=True)
class Claim:
    """One checkworthy, atomic claim of the article, attributed to whoever makes it."""

    text: str
    """A self-contained sentence in neutral wording (pronouns resolved, loaded words dropped
    or quoted, the source named unless the article asserts it in its own voice)."""
    source: str
    """Who asserts it: a person with role, an institution, ``"unnamed accusers"``, or
    ``"the article"`` when the article asserts it in its own voice."""
    kind: ClaimKind
    """``fact`` | ``statement`` | ``allegation`` | ``estimate`` | ``denial`` | ``opinion``."""
    evidence: tuple[Span, ...]
    """The spans of the source that support the claim (at least one)."""
    wording: Wording
    """``model``: the model's text passed verification; ``fallback``: the model's text failed
    verification and the deterministic rendering replaced it; ``rule``: no model call was made."""
    cue: str = ""
    """The attribution cue the source and kind rest on (``"reported"``, ``"denied"``, ``""`` for
    the article's own voice)."""
    id: str = ""
    """Stable id within one result (``c1``, ``c2``, ...), used by summary sentences."""
    centrality: float = 0.0
    """How central the claim is to the article (0..1); the summary takes the highest."""
    rejected: tuple[str, ...] = ()
    """Why the model's wording was rejected, when ``wording == "fallback"``."""


@dataclass(frozen=True)
class LoadedTerm:
    """A word or phrase of the article that carries judgement or emotion."""

    term: str
    """The term as it appears in the text."""
    start: int
    """Offset of its first character."""
    end: int
    """Offset one past its last character."""


@dataclass(frozen=True)
class Inconsistency:
    """A place where the article contradicts itself or misattributes."""

    description: str
    """What is inconsistent, in one sentence."""
    evidence: tuple[Span, ...]
    """The spans that disagree."""


@dataclass(frozen=True)
class Suspicious:
    """A stretch of the article addressed to a machine or hidden from its reader; kept out of
    the claims and the summary."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset one past its last character; ``text[start:end] == self.text``."""
    text: str
    """The exact characters of the source between ``start`` and ``end``."""
    reason: str
    """Why it was set aside (``"instruction addressed to a machine: 'Note to AI'"``...)."""


@dataclass(frozen=True)
class Extracted:
    """The article as extracted from a web page: the text every offset of the result indexes."""

    text: str
    """The extracted main text (the offsets of claims, terms and spans index this)."""
    title: str | None = None
    """The page's title, where found."""
    byline: str | None = None
    """The author(s), where found."""
    date: str | None = None
    """The publication date (ISO), where found."""
    method: str = "trafilatura"
    """How the text was extracted."""
    hidden_removed: int = 0
    """Elements a reader does not see (``display:none``, ``hidden``...) removed before extraction."""


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of the summary, with the claims it rests on."""

    text: str
    """The sentence."""
    claim_ids: tuple[str, ...]
    """Ids of the claims (``Claim.id``) the sentence rests on."""
    wording: Wording
    """Where its wording came from (see ``Claim.wording``)."""


@dataclass(frozen=True)
class Provenance:
    """How a result was made, so that it can be reproduced and compared."""

    model: str
    """Model id as resolved (registry name, hub id or path)."""
    revision: str | None
    """Model revision or file hash where known."""
    backend: str
    """Backend name (``transformers``, ``openai``, ``fake``, ``none``)."""
    prompts: dict[str, str]
    """Prompt name -> sha256 of the template file used."""
    package_version: str
    """Version of summarise."""
    seconds: dict[str, float]
    """Wall-clock seconds per stage (``analysis``, ``claims``, ``summary``, ``total``)."""
    tokens: dict[str, int]
    """Token counts: ``prompt`` and ``completion`` over all model calls."""
    model_calls: int = 0
    """How many generation calls were made."""
    settings: dict[str, Any] = field(default_factory=dict)
    """Generation settings (seed, temperature, max words...)."""
    backend_reason: str = ""
    """Why this backend ran: ``asked for``, or why the default was picked for the model
    (``backends.default_backend``); empty with no model or a ready backend object."""
    model_use: dict[str, str] = field(default_factory=dict)
    """Claim id (and ``summary``) -> whether the model was asked to word it and why:
    ``sent: ...`` or ``not sent: ...`` (a claim whose rendering is already the evidence
    sentence is not sent: the model's answer could not improve it)."""


@dataclass(frozen=True)
class Summary:
    """A neutral summary of one article, the article's claims, and what was left out."""

    text: str
    """The summary: a few neutral sentences, contested content attributed."""
    sentences: tuple[SummarySentence, ...]
    """The summary sentence by sentence, each linked to its claims."""
    claims: tuple[Claim, ...]
    """Every checkworthy claim found, in order of appearance."""
    loaded_terms: tuple[LoadedTerm, ...]
    """Loaded words and phrases of the article that the summary does not use unquoted."""
    inconsistencies: tuple[Inconsistency, ...]
    """Places where the article contradicts itself."""
    warnings: tuple[str, ...]
    """Everything that went wrong and was repaired (model output rejected, text chunked...)."""
    provenance: Provenance
    """How the result was made."""
    suspicious: tuple[Suspicious, ...] = ()
    """Spans addressed to a machine (planted instructions, chat-template tokens, output-shaped
    JSON) or hidden from the reader, set aside before the analysis."""
    extracted: Extracted | None = None
    """For HTML input: the extracted article, whose text all offsets index (``None`` for text)."""
    title: str | None = None
    """The article's headline, when its first line is one (no final punctuation, then a blank
    line): reported here, never part of a claim or glued to the first sentence."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``summarise --json`` (offsets into the text as given)."""
        return {
            "title": self.title,
            "summary": self.text,
            "sentences": [
                {"text": s.text, "claims": list(s.claim_ids), "wording": s.wording}
                for s in self.sentences
            ],
            "claims": [
                {
                    "id": c.id,
                    "text": c.text,
                    "source": c.source,
                    "kind": c.kind,
                    "evidence": [asdict(e) for e in c.evidence],
                    "wording": c.wording,
                    "cue": c.cue,
                    "centrality": c.centrality,
                    **({"rejected": list(c.rejected)} if c.rejected else {}),
                }
                for c in self.claims
            ],
            "loaded_terms": [asdict(t) for t in self.loaded_terms],
            "inconsistencies": [
                {"description": i.description, "evidence": [asdict(e) for e in i.evidence]}
                for i in self.inconsistencies
            ],
            "warnings": list(self.warnings),
            "suspicious": [asdict(x) for x in self.suspicious],
            **({"extracted": asdict(self.extracted)} if self.extracted is not None else {}),
            "provenance": asdict(self.provenance),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (non-ASCII kept as is); :meth:`from_dict` reads it back
        after ``json.loads``."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Summary":
        """The :class:`Summary` whose :meth:`to_dict` is ``data`` (a stored result, a line of
        ``summarise --json`` or of a batch file). Keys it does not know are ignored; a missing
        required key is an error naming it.

        >>> s = Summary.from_dict({"summary": "Police said 40 people were hurt.", "claims": [
        ...     {"id": "c1", "text": "Police said 40 people were hurt.", "source": "Police", "kind": "statement",
        ...      "evidence": [{"start": 0, "end": 31, "text": "Police said 40 people were hurt"}], "wording": "rule"}],
        ...     "sentences": [{"text": "Police said 40 people were hurt.", "claims": ["c1"], "wording": "rule"}]})
        >>> s
        Summary('Police said 40 people were hurt.', 1 sentence, 1 claim (0 model-worded), 0 loaded terms, 0 inconsistencies, model='none')
        >>> Summary.from_dict(s.to_dict()) == s
        True
        """
        from ._errors import InputError

        if not isinstance(data, Mapping):
            raise InputError(f"Summary.from_dict needs a dict (the to_dict() form), got {type(data).__name__}")
        try:
            return cls(
                text=str(data["summary"]),
                sentences=tuple(SummarySentence(str(s["text"]), tuple(s.get("claims") or ()), s.get("wording", "rule"))
                                for s in data.get("sentences") or ()),
                claims=tuple(_claim_from_dict(c) for c in data.get("claims") or ()),
                loaded_terms=tuple(LoadedTerm(str(t["term"]), int(t["start"]), int(t["end"]))
                                   for t in data.get("loaded_terms") or ()),
                inconsistencies=tuple(Inconsistency(str(i["description"]), _spans(i.get("evidence")))
                                      for i in data.get("inconsistencies") or ()),
                warnings=tuple(str(w) for w in data.get("warnings") or ()),
                provenance=_provenance_from_dict(data.get("provenance") or {}),
                title=None if data.get("title") is None else str(data["title"]),
                suspicious=tuple(Suspicious(int(x["start"]), int(x["end"]), str(x["text"]), str(x["reason"]))
                                 for x in data.get("suspicious") or ()),
                extracted=Extracted(**data["extracted"]) if isinstance(data.get("extracted"), Mapping) else None,
            )
        except KeyError as e:
            raise InputError(f"Summary.from_dict: key {e.args[0]!r} is missing; pass the form Summary.to_dict() "
                             "writes (keys: summary, sentences, claims, loaded_terms, inconsistencies, warnings, "
                             "provenance)") from None

    def to_html(self, text: str, *, title: str | None = None) -> str:
        """A self-contained HTML page a reader can check: ``text`` (the article exactly as given
        to summarise) with each claim's evidence marked by id, kind and source, loaded terms
        struck through with their neutral wording, inconsistencies marked; the summary linked
        to its claims; provenance. Inline CSS, no script, no network request."""
        from ._report import render_html

        return render_html(self, text, title=title)

    def __repr__(self) -> str:
        """One line: the start of the summary and the counts (the fields are all still there)."""
        text = self.text if len(self.text) <= 60 else self.text[:57].rstrip() + "..."
        model_worded = sum(1 for c in self.claims if c.wording == "model")
        return (f"Summary({text!r}, {_count(len(self.sentences), 'sentence')}, {_count(len(self.claims), 'claim')} "
                f"({model_worded} model-worded), {_count(len(self.loaded_terms), 'loaded term')}, "
                f"{_count(len(self.inconsistencies), 'inconsistency', 'inconsistencies')}, "
                f"model={self.provenance.model!r})")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _spans(items: Any) -> tuple[Span, ...]:
    return tuple(Span(int(e["start"]), int(e["end"]), str(e["text"])) for e in items or ())


def _claim_from_dict(c: Mapping[str, Any]) -> Claim:
    return Claim(
        text=str(c["text"]), source=str(c["source"]), kind=c["kind"], evidence=_spans(c.get("evidence")),
        wording=c.get("wording", "rule"), cue=str(c.get("cue") or ""), id=str(c.get("id") or ""),
        centrality=float(c.get("centrality") or 0.0), rejected=tuple(str(r) for r in c.get("rejected") or ()),
    )


def _provenance_from_dict(p: Mapping[str, Any]) -> Provenance:
    known = {f.name for f in fields(Provenance)}
    values = {k: v for k, v in p.items() if k in known}
    defaults = {"model": "none", "revision": None, "backend": "none", "prompts": {}, "package_version": "",
                "seconds": {}, "tokens": {}}
    return Provenance(**{**defaults, **values})
