"""Every claim and summary sentence is a complete sentence, or the source's own sentence; titles
and datelines stay out of claims; cut-off input sentences are marked. Invented texts only."""

from __future__ import annotations

import pytest

from summarise import summarise
from summarise._layout import split_layout
from summarise._wellformed import TRUNCATION_MARK, asserts_something, is_wellformed, problems


@pytest.mark.parametrize("sentence", [
    "The council approved the budget on Monday.",
    "The plan has been delayed twice.",
    "Officials said the bridge would reopen in May.",
    'Jo Bell said: "We are not finished."',
    "According to the ministry, 40 people were hurt.",
    "Forget what you heard about the vote.",
    "Is the plan affordable?",
    "When the storm hit, the harbour flooded.",
    "The Ministry thanks the volunteers for their work.",
])
def test_complete_sentences_pass(sentence):
    assert problems(sentence) == []


@pytest.mark.parametrize("sentence, why", [
    ("The mayor has resigned and.", "dangling conjunction"),
    ("The report was published by the office of.", "preposition"),
    ("The fund will be managed by the.", "determiner"),
    ("The decision angered supporters of Mr Hale's.", "possessive"),
    ("The vote was delayed by Mr.", "abbreviated title"),
    ("The assistant to the mayor's alleged misconduct.", "finite main verb"),
    ("Where families were moved out of the valley.", "subordinate clause"),
    ("Is “responsible for the delay,” the union said.", "lost subject"),
    ('The minister said "the plan is dead.', "unbalanced quotes"),
    ("the council met on Monday.", "capital"),
    ("The council met on Monday", "end in"),
])
def test_fragments_fail_with_the_reason(sentence, why):
    found = problems(sentence)
    assert found and any(why in p for p in found), found


def test_mid_sentence_capital_is_judged_against_the_source():
    source = "Residents of the valley opposed the plan. The residents said it came too late."
    assert any("capital" in p for p in problems("The plan, which The residents opposed, was dropped.", source=source))
    # a name the source writes with a capital in mid-sentence is fine
    assert is_wellformed("The plan was opposed by Valley Action.", source="It was opposed by Valley Action, a group.")
    assert not is_wellformed("The plan was opposed by Residents.", source=source)


def test_a_marked_cut_off_sentence_is_held_to_the_capital_checks_only():
    assert is_wellformed(f"Two officers were sued by the family of a man they stopped after {TRUNCATION_MARK}")
    assert is_wellformed(f'The minister said the plan was "a step towards {TRUNCATION_MARK}')
    assert not is_wellformed(f"the family of a man after {TRUNCATION_MARK}")
    assert not asserts_something(f"When the talks began in the spring {TRUNCATION_MARK}")


def test_a_quotation_left_open_is_not_the_articles_own_claim():
    text = ("The mayor spoke on Monday.\n\n"
            "\u201cWe will rebuild the harbour. Nobody will be left behind and we will find the money to...")
    s = summarise(text, model=None)
    assert s.claims  # the mayor's sentence; the open quotation, whose speaker is unknown, gives none
    assert not any(c.source == "the article" and ("rebuild the harbour" in c.text or "left behind" in c.text)
                   for c in s.claims), s.claims


def test_a_cut_off_sentence_that_asserts_nothing_is_no_claim():
    text = "The harbour reopened on Monday after the storm.\n\nWhen the first ships arrived in the morning..."
    s = summarise(text, model=None)
    assert s.claims and not any("first ships" in c.text for c in s.claims)


# --- layout ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, title, body_start", [
    ("Harbour strike ends after two weeks\n\nDock workers returned on Monday.", "Harbour strike ends after two weeks", "Dock"),
    ("Harbour strike ends\n\nBy Ana Ruiz and Tom Lee\nDock workers returned on Monday.", "Harbour strike ends", "Dock"),
    ("PORTVALE — Dock workers returned on Monday.", None, "Dock"),
    ("PORTVALE, March 3 (Coast Wire) - Dock workers returned.", None, "Dock"),
    ("Portvale (Coast Wire) — Dock workers returned.", None, "Dock"),
    ("Portvale — Dock workers returned.", None, "Dock"),
    ("12 ships diverted as strike ends\n\nDock workers returned.", "12 ships diverted as strike ends", "Dock"),
    ("(Coast Wire) — Dock workers returned.", None, "Dock"),
    ("Dock workers returned on Monday.\n\nThe strike had lasted two weeks.", None, "Dock"),
    ("Hale — who had resigned — spoke on Monday.", None, "Hale"),
    # an archive's headline with a full stop: kept in the text (its claims stay), the dateline after it blanked
    ("Harbour strike ends after two weeks.\n\nPORTVALE — Dock workers returned.", "Harbour strike ends after two weeks.", "Harbour"),
    ("Harbour strike ends; \nUnion hails a 6 percent rise.\n\nDock workers returned.", "Harbour strike ends; Union hails a 6 percent rise.", "Harbour"),
    ("Mayor to seek a third term.\n\nThe mayor of Portvale said on Monday she would run again.", "Mayor to seek a third term.", "Mayor"),
    ("Dock Workers Win Their Fight Over Pay.\n\nThe strike ended on Monday.", "Dock Workers Win Their Fight Over Pay.", "Dock"),
    ("The strike ended on Monday after two weeks.\n\nDock workers returned to the port.", None, "The strike"),
    ("Dock workers went back. The port reopened.\n\nThe strike had lasted two weeks.", None, "Dock"),
])
def test_layout_finds_headline_byline_dateline(text, title, body_start):
    lay = split_layout(text)
    assert (lay.headline is not None) == (title is not None and title.endswith("."))
    assert lay.title == title
    assert len(lay.body) == len(text)
    assert lay.body.strip().startswith(body_start)


ARTICLE = (
    "Harbour strike ends after two weeks\n\n"
    "PORTVALE — Dock workers at the port of Portvale returned to work on Monday after a two-week strike over pay. "
    "The union said its members had accepted a 6 percent rise.\n\n"
    "The port operator said the strike had cost it about 12 million euros. "
    "Shipping companies had diverted at least 40 vessels to other ports, and the backlog could take weeks to..."
)


@pytest.fixture(scope="module")
def summary():
    return summarise(ARTICLE, model=None)


def test_title_is_reported_and_never_glued_to_the_body(summary):
    assert summary.title == "Harbour strike ends after two weeks"
    assert summary.to_dict()["title"] == summary.title
    for text in [c.text for c in summary.claims] + [s.text for s in summary.sentences]:
        assert "two weeks Dock" not in text and "PORTVALE" not in text
        assert not text.startswith("Harbour strike ends")


def test_every_output_sentence_is_well_formed(summary):
    for text in [c.text for c in summary.claims] + [s.text for s in summary.sentences]:
        assert problems(text, source=ARTICLE) == [], text


def test_cut_off_sentence_is_kept_as_written_marked_and_out_of_the_summary(summary):
    cut = [c for c in summary.claims if c.text.endswith(TRUNCATION_MARK)]
    assert len(cut) == 1
    assert "the backlog could take weeks to" in cut[0].text
    assert ARTICLE[cut[0].evidence[0].start:cut[0].evidence[0].end] in ARTICLE
    assert summary.sentences and not any(TRUNCATION_MARK in s.text for s in summary.sentences)
    assert any("cut off" in w for w in summary.warnings)


def test_a_rendering_that_would_dangle_keeps_the_source_sentence():
    text = ("The district must find land for 4,500 new homes by 2030, and planners say the valley is the only site left. "
            "The council will vote on the plan in June.")
    s = summarise(text, model=None)
    assert s.claims
    for c in s.claims:
        assert is_wellformed(c.text, source=text), c.text
        assert not c.text.rstrip(".").endswith(" and")


def test_a_figure_keeps_its_percent_sign():
    s = summarise("Output grew 6.5% in the quarter. Growth was revised down to 6.3% from its previous reading of 6.4%.", model=None)
    assert any(c.text.endswith("6.4%.") for c in s.claims), [c.text for c in s.claims]


def test_doubled_apostrophe_quotes_must_pair_up():
    from summarise._wellformed import problems

    assert problems("Mexicans often say, ''Poor Mexico.")
    assert problems("He said ''no'' twice.") == []


def test_sentences_prepared_in_one_batch_parse_as_one_at_a_time():
    from summarise import _wellformed as wf
    from summarise._nlp import parse_syntax

    sents = ["Harbour officials in Quillby said 417 boats were checked and.", f"The board met and agreed to {TRUNCATION_MARK}",
             'Quillby\'s mayor said: "The pier reopens on 3 May." The ferry did not.', "Forget   what you heard about the Quillby vote."]
    before = [(problems(s), asserts_something(s)) for s in sents]  # parsed one at a time (or cached)
    for s in sents:
        wf._parses.pop(wf._body(s), None)
    wf.prepare(sents)
    assert all(wf._body(s) in wf._parses for s in sents)
    for s in sents:
        batched, single = wf._parse(wf._body(s)), parse_syntax(wf._body(s))
        assert [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.is_sent_start) for t in batched] == \
               [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.is_sent_start) for t in single]
        assert not batched.ents and not single.ents  # syntax only: no entities
    assert [(problems(s), asserts_something(s)) for s in sents] == before


def test_a_headline_with_a_full_stop_never_opens_the_summary():
    text = ("Portvale dockers end strike.\n\n"
            "PORTVALE — Dock workers at the port of Portvale returned to work on Monday after a two-week strike over pay. "
            "The union said its members had accepted a 6 percent rise. The port operator said the strike had cost it "
            "about 12 million euros.")
    s = summarise(text, model=None)
    assert s.title == "Portvale dockers end strike."
    assert not s.text.startswith("Portvale dockers"), s.text
    assert "PORTVALE —" not in s.text
