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


def test_a_possessive_the_parser_hung_on_the_verb_does_not_cut_the_claim():
    # ("Trump", a name that is also a word, is what makes the parser hang "'s" on the verb)
    for verb in ("cited", "mentioned"):
        text = f"At Monday\u2019s presidential debate, Lee {verb} disparaging remarks Trump had made about Ruiz as examples of the Republican nominee\u2019s disrespect for women."
        found = claims(text)
        assert found and all(not c[2].endswith("nominee.") for c in found), found
        assert any(c[2].endswith("nominee\u2019s disrespect for women.") and c[1] == "Lee" for c in found), found


def test_a_verb_of_saying_read_as_a_noun_inside_a_relative_clause_is_the_name_s_report():
    text = "It also mentions policies she supported that Trump argues allowed the cartel\u2019s reach to spread."
    found = claims(text)
    assert ("statement", "Trump", "Trump argues the policies allowed the cartel\u2019s reach to spread.") in found, found
    assert not [c for c in found if "supported that" in c[2]], found


def test_began_by_saying_leaves_no_bare_verb_behind():
    text = "Lee, a nurse, then appeared on local radio on Tuesday and began by saying she would never judge a patient from afar."
    found = claims(text)
    assert not [c for c in found if c[2].rstrip(".").endswith("began")], found
    assert [c[1] for c in holding(found, "never judge")] == ["Lee, a nurse"], found
    assert holding(found, "appeared on local radio"), found


def test_reportedly_and_allegedly_make_a_sentence_someone_s_report_not_the_article_s_fact():
    text = "The company has reportedly taken heat from a civil rights group.\n\nThe senator allegedly took bribes from a contractor."
    assert by_text(text, "taken heat")[:2] == ("statement", "unnamed sources"), claims(text)
    assert by_text(text, "took bribes")[:2] == ("allegation", "unnamed accusers"), claims(text)
    assert by_text(text, "taken heat")[2] == "The company has reportedly taken heat from a civil rights group.", claims(text)
    # (on a described person's act, the word charges the act, not the sentence)
    assert [c[1] for c in claims("A man who allegedly stole a car was arrested on Friday.")] == ["the article"]


def test_deeming_is_a_judgement_of_whoever_deems():
    text = 'The bar association deemed her "well qualified," its highest rating.'
    assert by_text(text, "well qualified")[:2] == ("opinion", "The bar association"), claims(text)
    assert [c[1] for c in claims("The area was deemed safe for residents to return.")] == ["the article"]


def test_a_report_set_off_after_its_clause_to_whom_it_was_made_reports_that_clause():
    text = ("The agency assesses that the port could close within the next 90 days, two sources familiar with the matter "
            "confirmed to the Daily Ledger, just weeks before the mayor plans to reopen the harbor.")
    found = claims(text)
    confirmed = [c for c in found if c[1] == "two sources familiar with the matter"]
    assert confirmed and all("port could close" in c[2] for c in confirmed), found
    assert not [c for c in found if "confirmed to the Daily Ledger, just weeks" in c[2]], found


def test_according_to_people_who_were_told_reports_the_telling():
    text = ("Senior health officials have told the governor to scale back a plan to offer the shots to everyone later this month, "
            "saying that regulators need more time to review the data, according to people familiar with the discussion.")
    found = claims(text)
    told = holding(found, "scale back a plan")
    assert told and all(c[1] == "people familiar with the discussion" for c in told), found
    assert not [c for c in found if c[2].startswith("According to people familiar with the discussion, saying")], found
    # (a transcript gives the speaker's own words: the mayor's)
    assert [c[1] for c in claims('"We will win," the mayor said, according to a transcript.')] == ["the mayor"]
    text = "The mayor said the city would win, according to people who attended the meeting."
    assert [c[1] for c in claims(text)] == ["people who attended the meeting"], claims(text)


def test_a_past_verb_joined_under_would_is_not_the_would_clause_s_subject_s():
    text = ("The country\u2019s top admiral on Tuesday firmly defended his Jan. 8 phone call with foreign military leaders, telling "
            "lawmakers that he was \u201ccertain\u201d then-President Ann Lee wouldn\u2019t order an attack on the port and wanted to "
            "convey that reassuring message to his counterparts.")
    found = claims(text)
    assert not [c for c in found if c[1].startswith("Ann Lee")], found
    assert found and all(c[1] == "The country\u2019s top admiral" for c in found), found  # (not "... admiral on Tuesday")
    found = claims("Lee said Ruiz would win the seat and predicted a landslide.")
    assert found and all(c[1] == "Lee" for c in found), found


def test_a_hyphenated_role_is_one_word():
    text = ('Tom Berg, co-founder of the Greenway Institute and advocate of an Apollo Project-type effort to cultivate new '
            'technologies, welcomed "the recognition that we do not, in fact, have all the technology we need."')
    assert [c[1] for c in claims(text)] == [
        "Tom Berg, co-founder of the Greenway Institute and advocate of an Apollo Project-type effort to cultivate new technologies"], claims(text)


def test_a_letter_its_subject_wrote_is_no_source_of_its_own():
    text = 'In a letter to the company, the agency classified the chances of a reaction after the shot as being "very low."'
    assert not [c for c in claims(text) if "letter" in c[1]], claims(text)
    text = "Critics characterized the plan as a giveaway to developers."
    assert [c[:2] for c in claims(text)] == [("opinion", "Critics")], claims(text)


def test_a_quotation_after_a_report_that_holds_another_s_goes_on_with_the_reporter():
    text = ('"We think the city has gone too far," Ana dos Santos, legal director for the Rights Union, said. The union '
            'won\'t be representing Lopez but plans to watch his case closely, dos Santos says. "If the city can pick our '
            'words apart, you really run the risk of silencing debate."')
    found = claims(text)
    assert [c[1] for c in holding(found, "silencing debate")] == ["dos Santos"], found
    assert not [c for c in found if c[1] == "Santos"], found  # (the surname keeps its particle)


def test_being_asked_by_someone_is_no_claim_of_the_one_asked():
    text = 'Asked by the host to respond to the criticism, Lee said, "What does it say about people who jump on the bandwagon?"'
    found = claims(text)
    assert not [c for c in found if "asked by the host" in c[2].lower() and c[1] == "Lee"], found


def test_the_group_after_another_body_is_named_is_not_the_paper_named_before():
    text = ("In Denver, organizers added 120 security guards along the route, the Denver Post reported.\n\n"
            "The added security brought controversy as well, prompting Black Youth Rising, the grand marshal for the march, to "
            "withdraw from the event. Black Youth Rising issued a statement saying it took the action because of the conditions.\n\n"
            '"For us, marching this year meant choosing between two dangers," the group said in a statement.')
    assert by_text(text, "two dangers")[1] == "the group", claims(text)


def test_he_said_after_a_quotation_a_colon_leads_into_is_the_clause_s_subject():
    text = ('Judge Ann Lee heard the case. The defense lawyer, Tom Berg, argued that his client was joking. '
            'Lee saw Berg\'s words differently: "When he says he will fight, I believe him," she said.')
    assert by_text(text, "I believe him")[1].startswith("Ann Lee"), claims(text)
    text = ('U.S. District Judge Mark Dunn heard the case. The defense lawyer, Tom Berg, argued that his client was joking. '
            'Dunn saw Berg\'s words differently: "When he says he will fight, I believe him," he said.')
    assert by_text(text, "I believe him")[1].startswith("Mark Dunn"), claims(text)


def test_what_follows_a_colon_that_ends_a_report_is_the_reporter_s():
    text = "The lawyer, Tom Berg, argued that his client was not to be taken seriously: His words were the rants of an entertainer."
    assert [c[1] for c in claims(text)] == ["Tom Berg"], claims(text)
    text = "The lawyer, Tom Berg, argued that his client was not to be taken seriously:\n\nHis words were the rants of an entertainer."
    assert [c[1] for c in holding(claims(text), "rants")] == ["Tom Berg"], claims(text)
    assert [c[1] for c in claims("The plan was simple: The city would sell the land.")] == ["the article"]


def test_saying_nothing_is_no_claim_of_the_one_silent():
    for text in ("The mayor has proposed nothing that would raise taxes for developers.", "The senator said nothing about the vote on Friday.",
                 "The governor has announced no plans to run for the seat."):
        assert [c[1] for c in claims(text)] == ["the article"], claims(text)
    assert [c[1] for c in claims("The mayor said no one would lose a job at the plant.")] == ["The mayor"]


def test_an_intention_the_writer_infers_is_not_the_holder_s_word():
    text = "It is apparent that the senator wanted to shield her dealings from the public by using a private server."
    assert [c[1] for c in claims(text)] == ["the article"], claims(text)
    assert [c[1] for c in claims("The senator wanted to shield her dealings from the public.")] == ["The senator"]


def test_a_paragraph_a_speaker_leads_into_with_a_colon_is_the_speaker_s_words():
    text = ("Governor Dana Ruiz called the senator a disgrace on Wednesday.\n\nThe governor added:\n\n"
            "It is typical of the senator. She knows nothing, but the mouth never stops.\n\n"
            "The senator's comments came as the facts are still being gathered.")
    found = claims(text)
    for words in ("typical of the senator", "mouth never stops"):
        assert [c[1] for c in holding(found, words)] == ["Dana Ruiz, Governor"], found
    assert [c[1] for c in holding(found, "still being gathered")] == ["the article"], found


def test_a_charge_set_against_an_argument_with_while_is_the_other_side_s():
    text = "Republicans argue the bill would provide greater election security, while Democrats charge it would suppress turnout."
    found = claims(text)
    assert [c[:2] for c in holding(found, "suppress turnout")] == [("allegation", "Democrats")], found
    assert [c[1] for c in holding(found, "election security")] == ["Republicans"], found


def test_a_researcher_at_a_firm_whose_name_holds_a_verb_is_the_source():
    for name in ("Allan Riska", "Tom Berg"):
        text = f"The offer reflects the nightmare REvil is now facing, researcher {name} at cybersecurity firm Recorded Future said."
        assert [c[1] for c in claims(text)] == [f"{name}, researcher"], claims(text)


def test_a_verb_of_attack_made_with_weapons_is_no_criticism():
    text = "The army slammed the border town with airstrikes on Saturday, in a dramatic escalation of the conflict."
    found = claims(text)
    assert [c[1] for c in found] == ["the article"] and "criticised" not in found[0][2], found
    found = claims("The senator slammed the plan with harsh criticism on Monday.")
    assert [c[1] for c in found] == ["The senator"], found
    text = ('With 50 days until the election, Ann Lee, a senior adviser to the campaign, called the remarks on Saturday '
            '"a true wake-up call" to its supporters.')  # (a phrase before the verb is no weapon)
    assert [c[:2] for c in claims(text)] == [("opinion", "Ann Lee, a senior adviser to the campaign")], claims(text)


def test_people_a_speaker_describes_inside_a_report_make_no_claim_of_their_own():
    text = "The governor joked that people who think they need rifles to take on the state would actually need tanks."
    found = claims(text)
    assert [c[1] for c in found] == ["The governor"], found


def test_a_report_closing_its_sentence_before_a_set_off_phrase_reports_what_comes_before():
    text = ("The Lee administration will invest $3.2 billion to foster the development of antiviral pills to help fight against "
            "COVID-19, the Health and Human Services department announced Thursday, with hopes the medication becomes available "
            "to the public as soon as the end of this year.")
    found = claims(text)
    assert [c[1] for c in holding(found, "antiviral pills")] == ["the Health and Human Services department"], found
    assert not [c for c in found if "announced Thursday, with" in c[2]], found


def test_their_after_millions_is_not_the_body_named_before():
    text = ("After a federal eviction moratorium was allowed to lapse this weekend, the Centers for Disease Control and "
            "Prevention issued a new moratorium Tuesday on evictions that would last until Oct. 3. The new moratorium aims to "
            "keep millions in their homes and prevent the spread of the coronavirus' delta variant.")
    assert not [c for c in claims(text) if "Prevention's homes" in c[2] or "Prevention\u2019s homes" in c[2]], claims(text)


def test_being_asked_a_question_is_no_one_s_claim():
    text = ("On Thursday, Lee was asked a question regarding the administration's request for tech companies to be more "
            "\"aggressive\" when policing what they referred to as \"misinformation.\"")
    assert [c[1] for c in claims(text)] == ["the article"], claims(text)  # (nor is "what they referred to as X" a claim)
