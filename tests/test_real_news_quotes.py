"""Quotations and asides as professional news writes them: a quotation its speaker shouts, one a
verb of agreeing leads into, one broken by a second verb of saying, a nickname in quotation marks,
a verbless aside before its source, a gloss after a quotation; and the shapes that look like a
report and are not ("would assume office", "as he welcomed the guests", "the storm threatens").
Each claim must say what the article says, and no more. Invented texts only."""

from __future__ import annotations

from .claim_texts import by_text, claims, holding


def test_a_quotation_its_speaker_shouts_is_theirs():
    text = '"This is a great night for our next mayor, Dana Ruiz!" Her cousin, council member Pat Owens, shouted to the crowd.'
    kind, source, said = by_text(text, "great night")
    assert source.startswith("Pat Owens") and kind != "fact", claims(text)
    assert said.count("great night") == 1 and "to the crowd" not in said, said
    # (a verb of shouting alone reports nothing: "to the crowd" is no quotation)
    assert not [c for c in claims(text) if "to the crowd" in c[2] and c[1] != "the article"], claims(text)


def test_a_nickname_in_quotation_marks_is_no_quotation():
    text = ('"We have waited long enough for this!" Her niece, state Rep. Marcia "Cia" Price, shouted to the crowd. '
            '"The whole state is watching us."')
    found = claims(text)
    assert all(c[1].startswith("Her niece") for c in holding(found, "waited long enough")), found
    assert all(c[1].startswith("Her niece") for c in holding(found, "whole state")), found
    assert not [c for c in found if c[2].strip('"\u201c\u201d. ') == "Cia"], found


def test_assuming_office_is_no_thought_and_a_colon_ends_what_a_cue_can_report():
    text = ("The worries are sharpened by the calendar: That governor would assume office in January 2027, "
            "and a special vote would not be held until late that year.")
    found = claims(text)
    assert [c[1] for c in found] == ["the article"], found
    assert not [c for c in found if "assumed the worries" in c[2]], found


def test_greeting_guests_reports_nothing():
    text = ("This year, an undercurrent of intrigue ran through the gathering: As he welcomed several hundred guests, "
            "Ortega (D-Ore.) was also launching his campaign for a Senate seat that is not yet open.")
    found = claims(text)
    assert all(c[1] == "the article" for c in found), found


def test_what_was_said_after_adding_later_is_a_second_quotation():
    text = ('\u201cWe certainly cannot afford to do this anymore,\u201d Trump said, adding later, '
            '\u201cThe alliance is costing us a fortune, and we are spending a lot of money.\u201d')
    found = claims(text)
    first = holding(found, "cannot afford")
    assert all("fortune" not in c[2] for c in first), found  # not spliced into one quotation
    assert all(c[1] == "Trump" for c in holding(found, "fortune")), found
    # a participle that is no verb of saying does not split a broken quotation
    text = '"These people know how to use words," said Ella Sherman, speaking of politicians, "and leave themselves room."'
    assert [c[1] for c in holding(claims(text), "leave themselves room")] == ["Ella Sherman"], claims(text)


def test_a_verb_of_agreeing_leads_into_the_quotation_after_it():
    text = ('Professor Dianne Ortiz agreed. "Voters are running out of time to find an alternative. '
            'At this point, that alternative may be the governor."\n\nThe race tightened in May.')
    found = claims(text)
    assert all(c[1].startswith("Dianne Ortiz") for c in holding(found, "running out of time")), found
    assert all(c[1].startswith("Dianne Ortiz") for c in holding(found, "alternative may be")), found


def test_a_gloss_after_a_quotation_is_the_article_s():
    text = ("In July, the senator dismissed the island as being in the \u201cbackyard of the capital\u201d "
            "\u2014 a metaphor for the party\u2019s retreat from principle.")
    kind, source, said = by_text(text, "backyard")
    assert source == "the senator" and "metaphor" not in said, claims(text)


def test_a_storm_threatens_no_one():
    found = claims("The storm continues to threaten the harvest across the northern valleys.")
    assert [c[1] for c in found] == ["the article"], found
    found = claims("The delta variant continues to threaten the economic recovery in the region.")
    assert [c[1] for c in found] == ["the article"], found
    assert by_text("The union threatened a strike over the new contract.", "strike")[1] == "The union"


def test_hammered_home_is_no_criticism():
    found = claims("The governor's position on taxes was hammered home to voters across the state last week.")
    assert not [c for c in found if "criticis" in c[2]], found


def test_a_bracket_inside_a_sentence_does_not_end_it():
    text = "Anna Berg, former adviser to Governor (then-Mayor) Tom Reed, is a fellow at the institute."
    found = claims(text)
    assert [c[2] for c in found] == [text], found


def test_he_is_not_the_person_he_told():
    text = ('Senator Tom Lee co-sponsored a bill this year that would triple the cap.\n\n'
            '"Workers like me have been abused by the program," he told Lee.')
    assert not by_text(text, "abused")[1].startswith("Tom Lee"), claims(text)


def test_a_closing_report_keeps_its_subject_when_the_parser_lends_it_to_the_clause():
    text = "Wealthy donors are helping pay for a series of efforts to wound the front-runner, disclosures filed on Sunday night revealed."
    kind, source, said = by_text(text, "wealthy donors")
    assert source == "disclosures" and "wound the front-runner" in said, claims(text)


def test_a_verb_the_tagger_read_as_a_plural_noun_still_heads_the_report():
    kind, source, said = by_text("Her fate hinges on the governor's popularity, an analyst says.", "fate")
    assert source == "an analyst" and kind != "fact", claims("Her fate hinges on the governor's popularity, an analyst says.")


def test_a_closing_according_to_and_a_closing_cue_scope_over_the_whole_sentence():
    text = "The mayor raised $2.7 million from donors since January, while her rival raised $6 million, according to new filings."
    assert [c[1] for c in claims(text)] == ["new filings"], claims(text)
    text = ("Ann Lee, the 39-year old land commissioner, is now considered the family's best hope to win the seat, "
            "but she cannot expect to advance without the senator's support, Ed Marsh notes.")
    found = claims(text)
    assert [c[1] for c in found] == ["Ed Marsh"] and "best hope" in found[0][2], found


def test_a_headline_names_an_unnamed_source_before_its_colon():
    found = claims("Historians: Lee, Park linked no matter what;\nHer fate hinges on the vote.\n\nThe vote is in November, and the race is close.")
    assert by_text("Historians: Lee, Park linked no matter what;\nHer fate hinges on the vote.\n\nThe vote is in November, and the race is close.",
                   "linked")[1] == "Historians", found


def test_a_date_range_keeps_its_end():
    text = "Lee leads Park among men by 8 points in the survey, taken July 11-14, But simple math shows he needs to win more women to have a chance."
    assert by_text(text, "Lee leads")[2] == "Lee leads Park among men by 8 points in the survey, taken July 11-14.", claims(text)


def test_a_name_before_the_day_is_the_verb_s_object():
    text = 'Ann Berg endorsed Lopez Wednesday. "Winning her support is a coup," he said.'
    kind, source, said = by_text(text, "endorsed")
    assert source == "Ann Berg" and kind == "opinion", claims(text)


def test_a_second_verb_after_then_keeps_the_first_verb_s_subject():
    text = "Kasich jokingly offered the man a job as Secretary of Defense, then says he'll welcome advice from anyone who wants to talk."
    found = claims(text)
    assert [c[1] for c in holding(found, "welcome advice")] == ["Kasich"], found
    assert not [c for c in found if c[1] == "Defense"], found


def test_a_headline_whose_verb_comes_before_the_name_is_not_that_name_s():
    text = "Carly Fiorina Endorses Ted Cruz: I Am Horrified By Donald Trump.\n\nThe race goes on in Texas and in Ohio this week."
    assert not [c for c in claims(text) if c[1] == "Ted Cruz"], claims(text)


def test_a_closing_speaker_at_a_firm_is_the_person_not_the_firm():
    for text in ('The offer reflects the "logistical nightmare" the gang is now facing with thousands of potential victims to '
                 'negotiate with, researcher Tom Berg at cybersecurity firm Grey Matter said.',
                 'The offer reflects the "logistical nightmare" the gang is now facing, researcher Ann Lopez at security firm Blue Harbor said.'):
        found = claims(text)
        assert [c[1].split(",")[0] for c in found] in (["Tom Berg"], ["Ann Lopez"]), found


def test_a_standing_in_a_poll_is_the_poll_s_finding():
    text = "The governor's approval rating in the latest Ledger-News poll stands at a robust 53%. Other recent polls show a 56% rating."
    kind, source, said = by_text(text, "53%")
    assert source == "the latest Ledger-News poll" and "rating stands" in said, claims(text)
    # (a standing somewhere that is no poll stays the article's)
    assert by_text("The mayor's rating in the city has fallen sharply since the strike began.", "fallen")[1] == "the article"


def test_a_quotation_the_parser_splits_at_its_comma_stays_whole():
    kind, source, said = by_text('"The sooner she leaves, the better," Ms. Ray said.', "sooner")
    assert source == "Ms. Ray" and "the better" in said, said


def test_a_question_the_article_asks_attributes_nothing():
    found = claims("Mr. Lund has attacked rules that benefit others. But has he called for changing any of the rules that benefit him?")
    assert not [c for c in found if c[1] != "the article"], found


def test_a_verbless_aside_after_a_quotation_is_its_speaker_s_as_written():
    text = ('"There are many in the chamber whose grasp of these issues is thin," said Cornelia Watts, president of the league. '
            '"We need people of substance."\n\nPeople like Ortega, she said.')
    found = claims(text)
    assert len(holding(found, "people of substance")) == 1, found  # not repeated under "she"
    assert [c[1].split(",")[0] for c in holding(found, "People like Ortega")] == ["Cornelia Watts"], found


def test_a_report_set_against_another_is_its_own():
    text = "Lee suggested that someone who does not answer questions cannot lead, while Park said that the stakes are too high for Kim to be the nominee."
    found = claims(text)
    assert all("Park" not in c[2] for c in holding(found, "answer questions")), found
    assert [c[1] for c in holding(found, "stakes")] == ["Park"], found


def test_a_quotation_a_named_person_closes_is_theirs_not_the_last_speaker_s():
    text = ('Lee suggested that someone who does not answer questions cannot lead.\n\n'
            '"The paper is claiming today that you met them in January," Hannity started.')
    assert by_text(text, "claiming today")[1] == "Hannity", claims(text)
    assert [c[1] for c in claims('The meeting started with a "moment of silence" for the victims of the flood.')] == ["the article"]


def test_a_headline_speaker_says_all_the_headline():
    text = "Gingrich: Lee Must Decide If He Wants a Two-Pirate Ticket.\n\nNewt Gingrich said on Tuesday that Tom Lee faces a hard choice about the ticket."
    assert by_text(text, "Two-Pirate")[1] == "Gingrich", claims(text)  # (not Lee's decision, in the headline's words)


def test_an_inverted_aside_between_a_subject_and_its_verb_is_the_speaker_s():
    for text, speaker in (("The budget, said Mayor Ann Lee, will be balanced by spring.", "Ann Lee"),
                          ("The plan, said the mayor, is dead.", "the mayor"),
                          ("And Lopez, said Ana Sunshine, who remains friendly with her former boss, does not forgive or forget.", "Ana Sunshine")):
        found = claims(text)
        assert [c[1].split(",")[0] for c in found] == [speaker], found


def test_an_aim_inside_a_report_is_the_reporter_s_not_its_subject_s():
    text = ("Campaign spokesman Tom Reyes says that Ann Lee called the former champion on Friday to express gratitude "
            "for her support.\n\nThe council said residents should call the city to learn how to protect their homes.")
    found = claims(text)
    assert [c[1].split(",")[0] for c in holding(found, "express gratitude")] == ["Tom Reyes"], found
    assert [c[1] for c in holding(found, "protect their homes")] == ["The council"], found


def test_an_inner_quotation_closing_with_the_outer_one_keeps_its_mark():
    text = "\"I have always resented the term 'voter outreach,' \" she told the group."
    said = [c[2] for c in claims(text)]
    assert said == ["She said: \u201cI have always resented the term 'voter outreach'\u201d."], said


def test_an_ellipsis_between_two_sentences_of_a_broken_quotation_leaves_no_stray_mark():
    text = '"If you check the record," Lee said, "I could have written those words last week. ... We lock up more people than anyone."'
    said = [c[2] for c in claims(text)]
    assert said[0] == "Lee said: \u201cIf you check the record, I could have written those words last week\u201d.", said


def test_a_bracket_at_the_end_of_a_sentence_keeps_both_halves():
    for text in ("Currently, there are two: Ann Lee (D-N.J.) and Tom Berg (R-S.C.)", "The vote was delayed (again)."):
        said = [c[2] for c in claims(text)]
        assert len(said) == 1 and said[0].count("(") == said[0].count(")") == text.count("("), said
