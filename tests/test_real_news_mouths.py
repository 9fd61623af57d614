"""Sentences of real news whose parse puts a claim in the wrong mouth, or makes a claim of what no
one said: a name the tagger reads as a common noun before a verb of saying in -s ("Pratt charges
that ..."), a clause after "since" read as a phrase, a verb under "may not let", anybody who would
complain, an accusation no one made, and a person's campaign after another person is named.
Invented texts only."""

from __future__ import annotations

from .claim_texts import by_text, claims, holding


def test_a_name_read_as_a_noun_before_a_verb_of_saying_in_s_is_the_speaker():
    text = "Pratt charges that firms that stand to gain from the merger gave millions of dollars to the Lee Foundation."
    assert by_text(text, "stand to gain")[:2] == ("allegation", "Pratt"), claims(text)


def test_a_clause_after_since_keeps_its_own_subject():
    text = "Pratt has been targeting Lopez since Ruiz, at Monday\u2019s debate, cited derogatory comments Pratt had made about Lopez."
    found = claims(text)
    assert all(c[1] in ("Ruiz", "the article") for c in holding(found, "derogatory comments")), found
    assert not [c for c in found if c[2].startswith("Pratt cited")], found
    assert not [c for c in found if c[2].rstrip(".").endswith("Monday\u2019s debate")], found  # (no fragment left)


def test_what_readers_may_not_let_editorials_do_is_no_report():
    text = "Readers may not let editorials tell them how to vote, but they care enough to write back."
    assert [c[1] for c in claims(text)] == ["the article"], claims(text)


def test_anybody_who_would_complain_is_no_source():
    text = "Senator Ann Lee mocked the complaint, saying anybody who complains about a microphone is not having a good night."
    found = claims(text)
    assert found and all(c[1].startswith(("Ann Lee", "Senator Ann Lee")) for c in found), found


def test_an_accusation_no_one_made_is_the_article_s_fact():
    for text in ("Neither the mayor nor her aides have been charged with any crime related to the contract.",
                 "The senator was not accused of wrongdoing."):
        assert [c[:2] for c in claims(text)] == [("fact", "the article")], claims(text)
    text = "The senator was accused of fraud."
    assert [c[0] for c in claims(text)] == ["allegation"], claims(text)


def test_the_campaign_after_another_person_is_named_is_left_as_written():
    text = ("The Pratt campaign released a new ad on Friday.\n\nThe campaign says the ad will air nationally.\n\n"
            "Ann Lee plans to call on young people to serve.\n\nThe campaign says she will announce the plan on Friday.")
    assert by_text(text, "air nationally")[1] == "the Pratt campaign", claims(text)
    assert by_text(text, "announce the plan")[1] == "The campaign", claims(text)


def test_a_figure_a_report_hangs_on_is_written_back_where_the_report_lacks_it():
    text = "The governor will spend the roughly $20 million he says he raised for the party on the day after the vote."
    said = [c[2] for c in claims(text) if c[1] == "he" or c[1].startswith("The governor")]
    assert any("he raised the roughly $20 million for the party" in s for s in said), claims(text)
    assert not [c for c in claims(text) if "he raised for" in c[2]], claims(text)
    # (a noun the clause cannot take as its object is not written into it)
    text = "The day she says she arrived in the city was a Monday, officials said."
    assert not [c for c in claims(text) if "arrived the day" in c[2]], claims(text)


def test_an_abbreviated_rank_is_part_of_the_name_not_a_sentence_s_end():
    text = '"We were ready," said Army Capt. Dana Ruiz, who said the unit had trained for months.'
    found = claims(text)
    assert found and all(c[1].startswith("Dana Ruiz") and "captain" in c[1] for c in found), found
    text = '"We are ready," Lt. Col. Ann Lee told reporters.'
    assert [c[1] for c in claims(text)] == ["Ann Lee, lieutenant colonel"], claims(text)
