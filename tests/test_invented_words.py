"""The model may only use the evidence's words: verification rejects a rewording or summary
sentence with a word of substance of its own, the prompt's examples cannot leak into a claim,
and the harness's ``invented_word_rate`` measures the same on any system's output."""

from __future__ import annotations

import re

import pytest

from summarise import Claim, summarise
from summarise._prompts import load_prompt
from summarise._verify import invented_words, verify_sentence
from summarise.backends import FakeBackend
from summarise.eval import ItemContext, get_metric
from summarise.eval.metrics.wording import invented_units, invented_word_rate

ARTICLE = (
    "The city council voted on Tuesday to close the Riverside library. Council leader Maria Lopez said "
    "the closure would save 1.2 million pounds a year. Campaign group Friends of Riverside accused the "
    "council of ignoring 4,000 residents who signed a petition. The council denied the accusation."
)
EVIDENCE = "Council leader Maria Lopez said the closure would save 1.2 million pounds a year."


@pytest.mark.parametrize("candidate, invented", [
    ("The transport ministry said the closure would save 1.2 million pounds a year.", ["transport", "ministry"]),
    ("Maria Lopez praised the closure, which would save 1.2 million pounds a year.", ["praised"]),
    ("Maria Lopez said the closure would save 1.2 million pounds a year, citing strong support.", ["citing", "strong", "support"]),
])
def test_a_word_of_its_own_is_rejected_and_named(candidate, invented):
    reasons = verify_sentence(candidate, evidence=EVIDENCE, reference=EVIDENCE, sources=["Maria Lopez"])
    words = next((r for r in reasons if r.startswith("word(s) of its own")), "")
    assert words, reasons
    for w in invented:
        assert w in words


@pytest.mark.parametrize("candidate", [
    "Maria Lopez said the closure would save 1.2 million pounds a year.",
    "Maria Lopez, the council leader, said the closure would save 1.2 million pounds each year.",  # inflection/order
    "According to Maria Lopez, the closure would save 1.2 million pounds a year.",  # neutral attribution
])
def test_rewording_with_the_evidence_words_passes(candidate):
    assert verify_sentence(candidate, evidence=EVIDENCE + " council leader each", reference=EVIDENCE,
                           sources=["Maria Lopez"]) == []


def test_lemmas_match_across_inflections():
    assert invented_words("Troops were shipping shells.", support="The troop shipped a shell.") == []
    assert invented_words("The shipment arrived.", support="They shipped it and it arrived.") == ["shipment"]


def test_pipeline_replaces_a_model_claim_with_an_invented_institution():
    invent = FakeBackend(lambda m: "The transport ministry said the closure would save 1.2 million pounds a year.")
    s = summarise(ARTICLE, model=invent, generation={"rewrite": 1})
    assert not any("ministry" in c.text for c in s.claims)
    assert "ministry" not in s.text
    sent = [c for c in s.claims if s.provenance.model_use.get(c.id, "").startswith("sent")]
    assert sent, f"no claim was sent to the model: {s.provenance.model_use}"
    for c in sent:  # every model wording named the invented body: every one was rejected for it
        assert c.wording == "fallback"
        assert any("ministry" in r for r in c.rejected)


def test_summary_sentence_with_an_invented_judgement_is_replaced():
    from summarise._summary import verify_summary
    from summarise._types import Claim, Span

    claim = Claim("Maria Lopez said the closure would save 1.2 million pounds a year.", "Maria Lopez", "statement",
                  (Span(66, 147, EVIDENCE[:-1]),), "model", "said", "c1")
    sentences, warnings = verify_summary("Maria Lopez praised the closure, which would save 1.2 million pounds a year.",
                                         [claim], [0], {"c1": EVIDENCE}, 120)
    assert [s.text for s in sentences] == [claim.text] and sentences[0].wording == "fallback"
    assert any("summary sentence replaced" in w and "praised" in w for w in warnings)
    kept, _ = verify_summary("Maria Lopez said the closure would save 1.2 million pounds a year.", [claim], [0],
                             {"c1": EVIDENCE}, 120)
    assert kept[0].wording == "model"


def test_prompt_examples_use_placeholders_that_cannot_pass_verification():
    prompt = load_prompt("claim_rewrite")
    examples = [m["content"] for m in prompt.render(sentence="x")[1:-1]]
    assert examples
    for text in examples:
        assert re.search(r"\[[^\]]+\]", text), text  # bracketed placeholders, not real-looking names
        body = text.removeprefix("Sentence:").strip()
        # copied into an answer, an example fails verification whatever the article says
        assert verify_sentence(body, evidence=ARTICLE, reference=ARTICLE) != []


def test_invented_word_rate_counts_the_summary_and_model_worded_claims():
    claims = [
        Claim("Maria Lopez said the closure would save 1.2 million pounds a year.", "Maria Lopez", "estimate", (), "model"),
        Claim("The transport ministry said the library would close.", "Maria Lopez", "statement", (), "model"),
        Claim("The council denied the allegation that it ignored residents.", "The council", "denial", (), "rule"),
    ]
    summary = "The city council voted to close the Riverside library."
    assert invented_word_rate(summary=summary, claims=claims, article=ARTICLE) == pytest.approx(1 / 3)
    units = dict(invented_units(summary=summary, claims=claims, article=ARTICLE))
    assert units["The transport ministry said the library would close."] == ["transport", "ministry"]


def test_renderer_words_and_neutral_replacements_are_not_invented():
    # "denied the allegation that" and "attack" (for "assault") are the renderer's, not the model's
    article = "Residents accused the firm of an assault on the park. The firm rejected it."
    summary = "The firm denied the allegation that it carried out an attack on the park."
    assert invented_word_rate(summary=summary, claims=[], article=article + " carried out") == 0.0


def test_metric_is_registered_and_runs_on_a_prediction():
    m = get_metric("invented_word_rate")
    assert m.higher_is_better is False
    item = {"id": "x", "text": ARTICLE}
    ctx = ItemContext(item, {"summary": "The transport ministry closed the library.", "claims": []})
    assert m.score(ctx) == 1.0
    assert m.score(ItemContext(item, {"summary": "", "claims": []})) is None


def test_the_metric_does_not_count_a_ticker_the_tagger_cut_differently_as_invented():
    from summarise.eval.metrics.wording import invented_units

    article = "Sites went down after an outage at cloud company Fastly Inc(FSLY.N), officials said."
    units = invented_units(summary="Officials said sites went down after an outage at cloud company Fastly Inc FSLY.N.",
                           claims=[], article=article)
    assert units and units[0][1] == []
    units = invented_units(summary="The transport ministry said sites went down.", claims=[], article=article)
    assert units[0][1] == ["transport", "ministry"]
