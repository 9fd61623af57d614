"""What professional news reports only as unsaid, undone or hypothetical, and who an indefinite or
a pair of names is: invented texts only."""

from __future__ import annotations

from .claim_texts import claims as _claims
from .claim_texts import holding


def test_an_indefinite_description_is_someone_new():
    claims = _claims("Ben Okafor, a Post reporter, saw the crash. A reporter pointed out that Okafor saw it happen.")
    pointed = holding(claims, "pointed out")
    assert pointed and all(src == "A reporter" for _, src, _ in pointed), claims


def test_an_indefinite_set_beside_a_name_is_that_name():
    claims = _claims("The money came from Clearwater, a group that favors limiting the influence of big donors.")
    favors = holding(claims, "favors")
    assert favors and all(src == "Clearwater" for _, src, _ in favors), claims


def test_what_someone_stopped_short_of_or_refrained_from_saying_is_not_said():
    claims = _claims("The senator praised the reporter for pursuing the case but stopped short of calling for the "
                     "manager to be fired. The mayor refrained from saying the chief should resign.")
    assert claims
    assert not any(src != "the article" and ("fired" in t or "resign" in t) for _, src, t in claims), claims


def test_a_report_someone_might_make_is_not_made():
    claims = _claims("Dunmore could fight the charge, perhaps by arguing that he saw Ana Fields as a threat to the senator.")
    assert claims and all(src == "the article" for _, src, _ in claims), claims


def test_dismissing_a_person_or_a_lawsuit_denies_no_claim():
    claims = _claims("The owner did not dismiss the coach on Tuesday. A judge dismissed the lawsuit in May. "
                     "The minister dismissed the report as fiction.")
    kinds = {t.split()[1]: kind for kind, _, t in claims}
    assert kinds.get("owner") != "denial" and kinds.get("judge") != "denial", claims
    assert kinds.get("minister") == "denial", claims


def test_a_subjectless_continue_to_assert_after_a_dashed_aside_names_its_speaker():
    claims = _claims("In an interview with The Daily Ledger - conducted last Wednesday at his estate in Palm Beach - "
                     "Corey Dunmore continued to assert that he never made contact with Ana Fields.")
    said = [c for c in claims if c[1] != "the article"]
    assert said and all(src == "Corey Dunmore" for _, src, _ in said), claims


def test_an_ellipsis_or_an_editors_bracket_does_not_cut_a_quotation_in_two():
    claims = _claims('"Probable cause exists to charge Corey Dunmore . . . with one count of simple battery," the '
                     'detective wrote. "I don\'t know Ben, and I don\'t know [Fields], and I\'ve never met her," Dunmore said.')
    texts = [t for _, _, t in claims]
    assert any("Dunmore . . . with one count" in t for t in texts), claims
    assert any("[Fields], and I've never met her" in t and "I don't know Ben" in t for t in texts), claims


def test_they_after_two_people_named_together_is_both():
    claims = _claims("The police released a video. It contradicted what Mara Quint and Corey Dunmore said about the "
                     "incident. They had asserted that Dunmore never touched the reporter.")
    asserted = holding(claims, "asserted")
    assert asserted and all(src == "Mara Quint and Corey Dunmore" for _, src, _ in asserted), claims
    # a group named beside the pair leaves "they" open
    claims = _claims("Police arrested Ann Smith and Bea Jones. They said the women had fled.")
    said = holding(claims, "fled")
    assert said and all(src != "Ann Smith and Bea Jones" for _, src, _ in said), claims


def test_a_loaded_word_that_is_part_of_a_name_is_left_alone():
    claims = _claims("The bill targets the Iranian Revolutionary Guard Corps, the senator said.")
    assert claims and any("Iranian Revolutionary Guard Corps" in t for _, _, t in claims), claims


def test_a_while_clause_is_neither_the_stance_before_it_nor_cut_into_a_fragment():
    claims = _claims("Presumptive Democratic nominee Hillary Clinton backed the deal, while presumptive Republican "
                     "nominee Donald Trump has threatened to tear it up.")
    backed = holding(claims, "backed")
    assert backed and all("threatened" not in t for _, _, t in backed), claims
    assert any(src == "Donald Trump" and "threatened" in t for _, src, t in claims), claims
    assert not any(t.rstrip(".").endswith("presumptive") for _, _, t in claims), claims


def test_a_passive_expectation_joined_to_a_clause_is_no_one_named():
    claims = _claims("Senator Ben Ward, the ranking Democrat, is not on board with the compromise and is not expected "
                     "to sign on anytime soon.")
    expected = holding(claims, "expected")
    assert expected and all(src == "unnamed sources" for _, src, _ in expected), claims
    assert all(t.startswith("Senator Ben Ward, the ranking Democrat, is not expected") for _, _, t in expected), claims


def test_a_candidate_who_was_criticised_did_not_criticise():
    claims = _claims("The tables turned on the senator as a presidential candidate who was criticised as mainstream "
                     "in a year when voters wanted an outsider.")
    criticised = holding(claims, "criticised")
    assert criticised and all(src == "unnamed sources" for _, src, _ in criticised), claims
    assert all(t.startswith("A presidential candidate was criticised") for _, _, t in criticised), claims


def test_a_comparison_with_what_someone_hoped_is_no_report():
    claims = _claims("The bank did not announce as much stimulus as many had hoped.")
    assert claims and all(src == "the article" for _, src, _ in claims), claims


def test_a_quotation_closed_before_its_cue_is_rendered_with_its_speaker():
    claims = _claims('"There is anger like nobody has seen," the candidate said in an interview.\n\n'
                     '"We ought to start it again. This is a lot of nonsense that we ended that," he went on.')
    nonsense = holding(claims, "nonsense")
    assert nonsense and all(t.startswith("The candidate said: \u201cThis is a lot of nonsense") for _, _, t in nonsense), claims


def test_a_participle_joined_to_a_finite_verb_is_the_earlier_participles_subjects():
    claims = _claims("On Thursday, Mayor Ann Ruiz expanded her calls for patrols, warning residents that the gang could "
                     "easily return and implying that some members might already be back.")
    implied = [c for c in claims if "implying" in c[2] or "implied" in c[2]]
    assert implied and all("Ann Ruiz" in src for _, src, _ in implied), claims


def test_a_description_keeps_its_article_as_a_source():
    claims = _claims('"We will win," the Republican presidential candidate said on Monday.')
    assert claims and all(src == "the Republican presidential candidate" for _, src, _ in claims), claims


def test_a_capitalised_word_of_a_name_in_a_sentence_is_no_loaded_term():
    claims = _claims("When the Great Plague struck the port in 1720, travellers were ordered to carry papers.")
    assert claims and all("\u201cPlague\u201d" not in t and "Great Plague" in t for _, _, t in claims), claims


def test_a_medium_in_the_plural_is_where_something_happened_not_a_source():
    claims = _claims("In emails, on social media and on websites, his supporters have been trading advice about "
                     "protest tactics. In this poll, the governor rose one point.")
    assert any(src == "the article" and t.startswith("In emails") for _, src, t in claims), claims
    assert any(src == "this poll" for _, src, _ in claims), claims


def test_an_object_made_to_feel_something_reports_nothing():
    claims = _claims("The tutor would train his eyes on the pupils to make them feel that he was talking directly to them.")
    assert claims and all(src == "the article" for _, src, _ in claims), claims


def test_who_wrote_something_is_no_report_of_what_they_wrote():
    claims = _claims("In the 2012 election, 71% of front-page stories were written by men.")
    assert claims and all(src == "the article" for _, src, _ in claims), claims


def test_posting_a_picture_is_no_claim():
    claims = _claims("In 2011, the congressman resigned after he accidentally posted an explicit image of himself online.")
    assert claims and all(src == "the article" for _, src, _ in claims), claims


def test_a_title_in_quotation_marks_after_the_cue_is_not_more_of_the_quotation():
    claims = _claims("\u201cBeing a dad, that\u2019s my job,\u201d Ned Weil said in May on the podcast \u201cAll About Work.\u201d")
    assert claims and not any("job, All About Work" in t for _, _, t in claims), claims
    claims = _claims("\u201cWe will win,\u201d Ana Ruiz said, \u201cand we will keep going.\u201d")
    assert any(t == "Ana Ruiz said: \u201cWe will win, and we will keep going\u201d." for _, _, t in claims), claims


def test_archive_quotation_marks_close_a_claim_without_another_full_stop():
    claims = _claims("Senator Ana Ruiz said she was confident that the governor would ''do the right thing.''")
    assert claims and all(not t.endswith("''.") for _, _, t in claims), claims


def test_an_adverbial_particle_may_end_a_quotation():
    claims = _claims('"And if they believe that is not going to happen, they are mistaken. They have blinders on," '
                     'Nina Okafor said.')
    blinders = holding(claims, "blinders")
    assert blinders and all(t.startswith("Nina Okafor said:") for _, _, t in blinders), claims


def test_a_sentence_opening_with_a_quoted_title_is_still_the_articles():
    claims = _claims("\u201cRiver Tide (Part Two)\u201d was written by Ana Ruiz after the flood of 1999, which destroyed "
                     "the harbour district.")
    assert any(src == "the article" and "River Tide" in t for _, src, t in claims), claims


def test_it_after_a_document_quoted_over_several_sentences_is_that_document():
    text = ("However, a different story was told by The Morning Courier, which unearthed an old story. Twenty years ago, "
            "a Ledger article hailed the mayor as a reformer. \u201cBusiness leaders honored the mayor yesterday,\u201d "
            "the article read. \u201cThe mayor has erased much of the city's debt,\u201d it added.")
    added = holding(_claims(text), "erased")
    assert all(src == "a Ledger article" for _, src, _ in added), added


def test_a_newspaper_whose_name_ends_in_s_is_one_body():
    text = ("\u201cThe company was left holding $8 billion in debt,\u201d the Ledger Times wrote. "
            "\u201cBut since then, its fortunes have changed,\u201d it added.")
    added = holding(_claims(text), "fortunes")
    assert all("Times" in src for _, src, _ in added), added


def test_a_participle_after_despite_someone_is_that_persons_report():
    claims = _claims("The leaders remain confident despite a few early backers of the bill, such as Ana Ruiz and Tom "
                     "Brandt, now saying they think it should be changed. Cruz took the stage with a shot at the "
                     "governor, saying his use of the term was incorrect.")
    saying = holding(claims, "should be changed")
    assert saying and all("Ana Ruiz" in src and "leaders" not in src for _, src, _ in saying), claims
    assert any(src == "Cruz" and "incorrect" in t for _, src, t in claims), claims
