"""Attribution patterns of real news, continued from ``test_attribution_frames``: stances and
states of mind, headline speakers, quotation marks and cues set beside what they report, each on
an invented text (general patterns, not any corpus article)."""

from __future__ import annotations

import pytest

from .claim_texts import by_text as _by_text
from .claim_texts import claims as _claims


@pytest.mark.parametrize("sentence, fragment, source, kind", [
    # a stance or a state of mind as an adjective, with a clause or what it is about
    ("The farmers' union is confident that the harvest will recover next year.", "harvest will recover", "union", "estimate"),
    ("Councillor Petra Lind was sharply critical of the new parking charges.", "parking charges", "Petra Lind", "opinion"),
    ("The residents are worried about the noise from the quarry.", "noise from the quarry", "residents", "statement"),
    # the cue set off beside or inside the clause it reports
    ("As the mayor noted, the bridge has been closed twice this year.", "bridge has been closed", "mayor", "statement"),
    ("As reported by the Harbour Gazette, the ferry will stop running in May.", "ferry will stop", "Harbour Gazette", "statement"),
    ("What is less clear, the survey shows, is whether tenants will move.", "tenants will move", "survey", "statement"),
    # "made it clear", a cognition verb with a clause, a speech act about something, a judgement verb
    ("The nurses made it clear they would not accept the offer.", "would not accept", "nurses", "statement"),
    ("The minister recognises that the waiting lists are too long.", "waiting lists", "minister", "statement"),
    ("Dr Amal Haddad spoke about the shortage of midwives in rural clinics.", "shortage of midwives", "Amal Haddad", "statement"),
    ("The opposition leader chided the government for the delay.", "for the delay", "opposition leader", "opinion"),
    # a reaction as a participle, and a demand with a clause of its own
    ("The head teacher was deeply troubled by the inspection report.", "inspection report", "head teacher", "opinion"),
    ("The union has called for the night shift to be paid at a higher rate.", "to be paid", "union", "statement"),
])
def test_stances_states_of_mind_and_asides_are_the_holders(sentence: str, fragment: str, source: str, kind: str) -> None:
    text = "The town council met on Tuesday. " + sentence
    got_kind, got_source, claim = _by_text(text, fragment)
    assert source.lower() in got_source.lower(), (got_source, claim)
    assert got_kind == kind, (got_kind, claim)
    assert claim.rstrip(".").endswith(sentence.rstrip(".")[-20:]), claim  # the sentence as written, not a rewrite


@pytest.mark.parametrize("sentence, fragment", [
    ("The mayor spoke in the town hall on Monday.", "town hall"),  # where and when someone spoke is the article's
    ("The plant knows how to cope with floods.", "cope with floods"),  # no one holds a thought
    ("It is clear that the road needs repairs.", "road needs repairs"),
    # the article's word on what someone intends is not that someone's statement
    ("The attacks were the work of foreign backers, who seek to drag the town into a feud.", "drag the town"),
    # a negated speech act asserts nothing; "for 2019" is no cause pushed for
    ("The charities that don't disclose their donors were not named.", "disclose their donors"),
    ("The mayor would not comment on the audit.", "comment on the audit"),
    ("A few big donors push the tally beyond the total for 2019.", "the total for 2019"),
])
def test_what_only_looks_like_a_stance_stays_the_articles(sentence: str, fragment: str) -> None:
    _, source, _ = _by_text("The town council met on Tuesday. " + sentence, fragment)
    assert source == "the article"


def test_a_passive_stance_is_written_as_it_stands_not_prefixed_with_its_agent() -> None:
    kind, source, claim = _by_text("The mayor met the unions. The plan is backed by 40 councillors, the Herald reported.", "backed by")
    assert not claim.lower().startswith("40 councillors the plan"), claim


def test_a_headline_speaker_before_a_colon_is_the_source_and_a_dateline_is_not() -> None:
    text = ("The vote was held on Monday.\n\nSenator Ada Brook: Housing Plan Will Cost Renters More\n\n"
            "OSLO: The government signed the agreement on Friday.")
    kind, source, _ = _by_text(text, "Cost Renters")
    assert "Ada Brook" in source
    _, source, _ = _by_text(text, "signed the agreement")
    assert source == "the article"


def test_quotation_marks_mixed_or_missing_pair_within_their_paragraph() -> None:
    from summarise._quotes import quotation_spans as _quotes

    text = ('"This is a bad result," said Ana Ruiz. "It could not get worse, and it did.\u201d\n\n'
            'The board met later.\n\nA third member said he was opposed. "I prefer the other plan," he said.')
    quoted = [text[a:b] for a, b in _quotes(text)]
    assert '"It could not get worse, and it did.\u201d' in quoted
    assert not any("board met" in q for q in quoted)  # no quotation runs over paragraphs it never reopens
    multi = "\u201cThe first paragraph of a long quote.\n\n\u201cThe second one,\u201d she said."
    assert [multi[a:b] for a, b in _quotes(multi)] == [multi[:multi.index(",\u201d") + 2]]


def test_a_relative_clause_cue_keeps_its_negation_and_auxiliaries() -> None:
    text = "The vote was close. Senator Hal Moreno, who had not endorsed anyone in the primary, spoke on Monday."
    claims = [c for c in _claims(text) if "endorsed" in c[2]]
    assert claims and all("had not endorsed" in c[2] for c in claims), claims


def test_as_someone_put_it_is_theirs() -> None:
    kind, source, claim = _by_text("The talks ended. As the mayor put it, the town has run out of money.", "run out of money")
    assert "mayor" in source and claim.startswith("As the mayor put it")


def test_a_share_of_people_who_say_something_is_the_source() -> None:
    text = "The poll was taken in May. Most voters gave the plan low marks, including 18% who say they would move away."
    kind, source, claim = _by_text(text, "would move away")
    assert source == "18%" and claim.startswith("18% say")


def test_a_participle_phrase_left_beside_a_frame_does_not_restate_the_sentence_in_the_articles_voice() -> None:
    text = ("The season ended. Closing the session with a short address -- read from cards, as usual -- "
            "the senator told supporters that the party would win in November.")
    claims = _claims(text)
    assert not any(src == "the article" and "would win" in t for _, src, t in claims), claims
    assert any("senator" in src.lower() and "would win" in t for _, src, t in claims), claims


def test_a_trailing_inverted_cue_reports_everything_before_it() -> None:
    text = ("The mill was sold in May. In nearby Arden, the old mill is still running, but orders have fallen for a year, "
            "said the company's chief executive, Lena Ortiz.")
    kind, source, claim = _by_text(text, "still running")
    assert "Lena Ortiz" in source
    assert claim.startswith("Lena Ortiz said that in nearby Arden"), claim  # "said in nearby Arden" would say where


def test_a_quotation_before_its_cue_is_kept_whole() -> None:
    text = ("The vote was close. \u201cThe board is warning members that unless they pay the fee by May, they will lose "
            "their seats,\u201d said Ada Brook.")
    kind, source, claim = _by_text(text, "lose their seats")
    assert "The board is warning members that" in claim, claim


def test_a_passive_inside_what_someone_said_stays_theirs_and_whole() -> None:
    kind, source, claim = _by_text("The shop was robbed. So far, no one has been charged, police said.", "charged")
    assert source.lower() == "police" and claim == "Police said that so far, no one has been charged.", claim


def test_a_share_of_people_polled_can_speak() -> None:
    kind, source, claim = _by_text("The poll was taken in May. A majority say the plan is too costly.", "too costly")
    assert source == "A majority"


def test_a_noun_that_is_the_object_of_a_reported_infinitive_gets_no_half_claim() -> None:
    text = ("The board approved the budget. The plan, which the mayor promised to publish in May, was delayed "
            "until the autumn.")
    claims = _claims(text)
    assert not any("promised to publish in May" in t and not t.startswith("The plan") for _, _, t in claims), claims


def test_an_infinitive_cue_stays_inside_the_outer_cues_words() -> None:
    kind, source, claim = _by_text("The vote was close. Senator Ada Brook pledged to push for a ban on the levy.", "ban on")
    assert "Ada Brook" in source and "pledged to push for a ban" in claim, claim
