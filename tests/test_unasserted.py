"""What real news writes without anyone having said or done it: an indirect question, a condition,
what someone is expected to do, a time after "by", a relative clause hung on the wrong noun, an
"according to" inside an aside. None may become a report, and a report may never lose its
subject or its tense. Invented texts only."""

from __future__ import annotations

from summarise import extract_claims


def _claims(text: str):
    claims = extract_claims(text, model=None)
    assert claims
    return claims


def test_a_cue_in_an_indirect_question_reports_nothing():
    claims = _claims("It is hard to know where the county's donors will decide to put their money this autumn.")
    assert all(c.source == "the article" for c in claims), [(c.source, c.text) for c in claims]
    assert all(c.text.startswith("It is hard to know") for c in claims)


def test_what_a_described_body_is_expected_to_do_is_not_done():
    text = ("The prosecutor has convened the panel that is expected to decide whether to charge the mayor, "
            "according to two people familiar with the case.")
    claims = _claims(text)
    assert not any("decided" in c.text for c in claims), [c.text for c in claims]
    assert not any(c.source == "the panel" for c in claims)


def test_a_relative_clause_after_a_comma_still_reports():
    claims = _claims("At the rally in Dover, where he told voters that taxes would fall, Ruiz smiled.")
    assert any(c.kind != "fact" and "taxes would fall" in c.text for c in claims)


def test_a_condition_reports_nothing():
    claims = _claims("If the mayor says the budget is balanced, she is wrong about the pension fund.")
    assert all(c.source == "the article" for c in claims), [(c.source, c.text) for c in claims]


def test_a_time_after_by_is_no_source():
    claims = _claims("The regulator is expected by next week to approve the merger, according to three officials.")
    assert not any("week" in c.source for c in claims), [(c.source, c.text) for c in claims]


def test_a_relative_clause_that_disagrees_with_the_noun_before_it_is_not_that_nouns():
    text = ("Agencies failed to warn the police, according to a new report by two Senate committees that outlines "
            "large-scale failures.")
    claims = _claims(text)
    assert not any(c.source.lower() == "two senate committees" for c in claims), [(c.source, c.text) for c in claims]
    assert not any("committees outlines" in c.text.lower() for c in claims)


def test_according_to_inside_an_aside_is_the_asides_not_the_sentences():
    text = ("The county's farmers, 60 percent of whom oppose the tax according to the survey, have a strong "
            "presence in the valley.")
    claims = _claims(text)
    assert not any(c.text.startswith("According to the survey, have") for c in claims), [c.text for c in claims]
    assert not any(c.source == "the survey" and "strong presence" in c.text and c.text.startswith("According") for c in claims)


def test_an_irregular_verb_keeps_its_past_form():
    claims = _claims("He even inserted himself into the contest, speaking highly of the governor in remarks after the debate.")
    assert any("spoke highly" in c.text for c in claims), [c.text for c in claims]
    assert not any("speaked" in c.text for c in claims)


def test_a_name_the_parser_hung_on_a_document_is_the_clauses_subject_not_the_documents_name():
    text = ("According to the inquiry's summary, Holt and another council aide, Mara Vell, asked the clerk to delete "
            "the files in March.")
    claims = _claims(text)
    assert [c.source for c in claims if "delete" in c.text] == ["inquiry's summary"] or all(
        "Holt" not in c.source for c in claims), [(c.source, c.text) for c in claims]
    assert all("Holt" not in c.source for c in claims)


def test_a_proposal_rejects_no_one():
    text = ("The governor must argue that the way to rise above the feud is to elect Ana Ruiz and reject Tom Hale, "
            "the other nominee.")
    claims = _claims(text)
    assert not any(c.kind == "denial" for c in claims), [(c.kind, c.source, c.text) for c in claims]
    assert not any(c.text.startswith("The way") for c in claims)


def test_first_person_words_without_quotation_marks_stay_the_speakers_own():
    claims = _claims("This is not about me, Governor Ruiz told her closest advisers. The budget is balanced, the mayor said.")
    first = next(c for c in claims if "about me" in c.text)
    assert "\u201cThis is not about me\u201d" in first.text, first.text
    assert any(c.text.endswith("said the budget is balanced.") for c in claims), [c.text for c in claims]


def test_a_quotation_given_twice_by_an_unnamed_she_is_no_contradiction():
    from summarise import summarise

    text = ("Officials met after the vote.\n\n"
            "\"The videos were inconclusive and showed nothing new,\" she said.\n\n"
            "The officials then left by different doors.\n\n"
            "She said: \"The videos were inconclusive and showed nothing new.\"")
    s = summarise(text, model=None)
    assert not any("credited to" in i.description for i in s.inconsistencies), s.inconsistencies
