"""Reports whose content is a clause, finite or not, that the small parser hides from the cue:
a subject hung elsewhere, a report the parser made the main clause, an aside set off by commas, a
noun of saying with its holder, a state of mind after a linking verb. Each on an invented text:
what someone says, thinks or wants is theirs, never the article's, and no one is credited with
what they did not say."""

from __future__ import annotations

from .claim_texts import by_text as _by_text
from .claim_texts import claims as _claims


def test_a_verb_with_an_object_is_no_state_of_mind() -> None:
    # "encouraged" is also an adjective of feeling ("encouraged by the news"); with an object it is the verb
    kind, source, claim = _by_text("The mayor has encouraged residents to stay indoors until the storm passes.", "indoors")
    assert source == "The mayor" and kind == "statement"
    assert claim.startswith("The mayor has encouraged residents")


def test_a_state_of_mind_after_a_linking_verb_is_the_holders() -> None:
    kind, source, claim = _by_text("The inspector came away convinced that the dam would fail.", "dam would fail")
    assert source == "The inspector" and kind != "fact"
    assert claim == "The inspector came away convinced that the dam would fail."
    kind, source, _ = _by_text("Local officials are uneasy about the plan to close the clinic.", "clinic")
    assert source == "Local officials" and kind != "fact"


def test_a_subject_the_parser_hung_on_the_auxiliary_still_holds_the_view() -> None:
    kind, source, _ = _by_text("Not everyone is convinced the tax will raise as much as promised.", "tax will raise")
    assert kind != "fact" and "everyone" in source


def test_an_active_cue_after_a_clause_read_as_passive_is_its_subjects() -> None:
    text = ("Since her speech in March, Senator Ana Reyes has shifted to the right on trade, criticizing the new "
            "tariff deal and calling for tighter border checks.")
    found = _claims(text)
    deal = next(c for c in found if "tariff deal" in c[2] and "shifted" not in c[2])
    assert "Reyes" in deal[1] and deal[0] != "fact"


def test_someone_seen_doing_a_report_makes_it_and_an_act_after_a_preposition_is_no_report() -> None:
    kind, source, claim = _by_text("In the video, Senator Ana Reyes is seen urging voters to reject the toll.", "urged")
    assert "Reyes" in source and claim.endswith("urged voters to reject the toll.")
    # "suspended after criticizing": the claim stays whole and the article's, never cut to "... after."
    found = _claims("The columnist was suspended for two weeks after criticizing the mayor's budget.")
    assert found == [("fact", "the article", "The columnist was suspended for two weeks after criticizing the mayor's budget.")]


def test_an_arrest_and_a_charge_are_no_one_speaking() -> None:
    # a passive conjunct shares the passive: "he" is not the one accusing
    for kind, source, claim in _claims("The treasurer was arrested on Monday and accused of stealing from the fund."):
        assert source != "The treasurer" and "treasurer accused" not in claim.lower()


def test_the_rest_of_a_list_the_parser_made_the_main_clause_is_the_speakers() -> None:
    text = ("Governor Lena Ortiz went on the attack on Tuesday, saying the plan would bankrupt the port, its backers "
            "are \"reckless\" and the council is a \"rubber stamp\".")
    found = _claims(text)
    assert not any(c[1] == "the article" and "rubber stamp" in c[2] for c in found)
    kind, source, claim = _by_text(text, "rubber stamp")
    assert "Ortiz" in source and "its backers" in claim


def test_a_report_set_off_by_commas_inside_its_clause_is_the_reporters() -> None:
    text = "Soon after the hearing, the available records indicate, the commissioner approved the contract."
    kind, source, claim = _by_text(text, "approved the contract")
    assert source == "the available records" and kind != "fact"
    assert "Soon after the hearing" in claim


def test_a_quotation_opened_by_the_cue_is_the_subjects_report() -> None:
    text = "The tenants' group is \"confident that the landlord will back down\" before the deadline."
    kind, source, _ = _by_text(text, "back down")
    assert source == "The tenants' group" and kind != "fact"
    # one word in scare quotes is not turned into a claim of its own
    found = _claims("Mayor Dana Ruiz, who \"boasts\" she has never lost an election, will run again.")
    assert all(c[1] == "the article" for c in found)


def test_a_possessors_claim_is_theirs_and_the_sentence_stays_the_articles() -> None:
    found = _claims("The senator's claim that the budget is balanced drew scorn from economists.")
    assert ("allegation", "The senator", "The senator has claimed that the budget is balanced.") in found
    assert any(c[1] == "the article" and "drew scorn" in c[2] for c in found)
    kind, source, claim = _by_text("A strong finish in Ohio would bolster Moreno's claim to be the party's best hope.",
                                   "has claimed")
    assert source == "Moreno" and claim == "Moreno has claimed to be the party's best hope."
    kind, source, claim = _by_text("His promise to cut the ferry fares by half won him the seat.", "promised")
    assert claim == "He has promised to cut the ferry fares by half."


def test_nouns_that_hold_no_ones_claim_stay_the_articles() -> None:
    for text in ("Its claim to fame is a bridge built in 1820.",
                 "The mayor's decision to close the library angered parents.",
                 "The claim that the river was poisoned spread quickly online."):
        assert all(c[1] == "the article" for c in _claims(text)), text
    # the object of a cue is the cue's: one claim, the union's denial
    found = _claims("The union rejected her assertion that wages had kept pace with prices.")
    assert [c[1] for c in found] == ["The union"]


def test_a_message_that_urges_is_spoken_by_whoever_releases_it() -> None:
    kind, source, claim = _by_text("The candidate is releasing a new radio ad that urges voters in Maine to \"reject the "
                                   "power line\".", "reject the power line")
    assert source == "The candidate" and kind != "fact"


def test_a_set_of_documents_shows_what_it_shows() -> None:
    kind, source, _ = _by_text("The latest batch of emails shows that the aide asked the consultant to delete the files.",
                               "delete the files")
    assert "batch of emails" in source and kind != "fact"


def test_knocking_someone_for_something_is_criticism_a_blow_is_not() -> None:
    kind, source, _ = _by_text("At a rally in Dayton, Governor Tim Hale knocked Senator Ruiz for skipping the vote.",
                               "skipping the vote")
    assert "Hale" in source and kind == "opinion"
    for text in ("The storm hit Florida for three days.", "Protesters hit the officer for several minutes."):
        assert all(c[1] == "the article" for c in _claims(text)), text


def test_a_stance_verb_the_tagger_read_as_a_noun_is_the_groups() -> None:
    kind, source, claim = _by_text("Two-thirds support raising the minimum wage to $15.", "minimum wage")
    assert source == "Two-thirds" and kind == "opinion"
    assert claim == "Two-thirds support raising the minimum wage to $15."
    # a noun of support with no one holding it, and one that is a subject, stay as they are
    assert _claims("Public support for the plan fell sharply in May.")[0][1] == "the article"


def test_a_standing_in_the_polls_is_the_polls_finding() -> None:
    kind, source, claim = _by_text("Mayor Dana Ruiz held a 12-point lead over her rival among older voters in a new city poll.",
                                   "12-point lead")
    assert source == "a new city poll" and claim.startswith("According to a new city poll, Mayor Dana Ruiz held")
    kind, source, _ = _by_text("Senator Ana Ruiz has a clear lead in the polls ahead of the June primary.", "clear lead")
    assert source == "the polls"
    # taking part in a poll, or trusting polls, is no finding of one
    for text in ("Only 300 residents took part in the survey.", "He has a lot of faith in polls."):
        assert all(c[1] == "the article" for c in _claims(text)), text


def test_a_finding_of_a_document_named_before_a_date_is_the_documents() -> None:
    kind, source, claim = _by_text("The senator released her medical records in July, which showed she was fit for duty.",
                                   "fit for duty")
    assert source == "her medical records" and claim == "Her medical records showed she was fit for duty."
    # a relative clause on a date that stands for no document is left alone
    assert all(c[1] == "the article" for c in _claims("The senator visited the plant in July, which was a mistake."))


def test_pressing_the_case_that_is_an_argument() -> None:
    text = ("Ms. Okafor, a central bank governor since 2014, has emerged as a leading advocate for patience, pressing "
            "the case that low rates are important for growth.")
    kind, source, claim = _by_text(text, "low rates")
    assert "Okafor" in source and kind != "fact"
    assert any(c[1] == "the article" and "leading advocate" in c[2] and "low rates" not in c[2] for c in _claims(text))


def test_a_letter_from_someone_else_is_not_its_releasers_words() -> None:
    found = _claims("He released a letter from his doctor on Friday that says he is in excellent health.")
    assert not any(c[1] == "He" and "excellent health" in c[2] for c in found)


def test_a_verb_joined_inside_what_was_tweeted_is_the_tweeters() -> None:
    text = ("Governor Hale tweeted in the early hours that the mayor was \"a disgrace\" and \"a fraud\" and urged voters "
            "to \"look closer\" at her record.")
    for kind, source, claim in _claims(text):
        assert "Hale" in source, claim
