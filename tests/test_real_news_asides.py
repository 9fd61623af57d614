"""Misreadings of professional news around asides and second cues: a relative clause on a name the
parser took for the whole sentence, a quotation introduced by one cue and closed by another, a
document phrase beside a cue the parser set aside, a reported clause split by a dash aside, a
sentence adverb or headline adjective taken into a name, and a label given at the end of a long
object. Invented texts only."""

from __future__ import annotations

from .claim_texts import claims as _claims


def test_a_source_is_never_the_rest_of_the_sentence():
    claims = _claims("The Clean Rivers Fund, which backed Ortega, spent at least $200,000 on radio ads in the primary "
                     "election, according to the Civic Data Project. The Harbour Alliance spent far more.")
    assert all(len(src.split()) <= 6 for _, src, _ in claims), claims
    assert not any("according to the Civic Data Project," in t for _, _, t in claims), claims
    assert any(src == "Civic Data Project" for _, src, _ in claims), claims


def test_a_quotation_between_two_cues_is_reported_once_and_nothing_is_left_in_the_article_voice():
    claims = _claims('Asked Monday about the audit, Okafor said "I have not read the report," she said. '
                     '"Nobody has sent it to me."')
    said = [c for c in claims if "I have not read the report" in c[2]]
    assert said and all(src == "Okafor" for _, src, _ in said), claims
    assert not any(src == "the article" and "she said" in t for _, src, t in claims), claims


def test_a_statement_opening_the_sentence_is_not_a_source_beside_the_speaker():
    claims = _claims('In a statement to reporters, a Treasury spokesman said, "We will not comment on individual cases, '
                     'including who filed them."')
    assert not any(src.lower().startswith(("a statement", "statement")) for _, src, _ in claims), claims
    assert any("Treasury spokesman" in src for _, src, _ in claims), claims


def test_a_reported_clause_split_by_a_dash_aside_keeps_its_verb():
    claims = _claims("Lindqvist addressed the complaints on Friday, stating regional boards \u2013 and not the national "
                     "agency \u2013 are responsible for the inspections.")
    said = [t for _, src, t in claims if src == "Lindqvist" and "regional boards" in t]
    assert said and "are responsible for the inspections" in said[0], claims


def test_a_sentence_adverb_or_headline_adjective_is_not_part_of_a_name():
    claims = _claims("Meanwhile Okafor, who chaired the panel, said the budget could not be cut further.")
    assert {src for _, src, _ in claims if src != "the article"} == {"Okafor"}, claims
    claims = _claims("Top Ferreira aide quits over audit\n\nMarta Ferreira said on Monday that the audit was complete. "
                     "Ferreira had asked the aide to stay, the office said.")
    assert not any("Top" in src for _, src, _ in claims), claims


def test_a_label_at_the_end_of_a_long_object_is_the_speakers():
    claims = _claims("Dana Whitfield spoke on Monday. She called the council's long dispute with the transit union reckless.")
    called = [c for c in claims if "reckless" in c[2]]
    assert called and called[0][:2] == ("opinion", "Dana Whitfield"), claims


def test_what_the_accused_is_said_to_do_stays_inside_the_accusation():
    claims = _claims("Governor Ana Ruiz accused Delgado of opposing the port expansion for personal, not economic, reasons. "
                     "A new ad accuses Delgado of being welcoming to lobbyists before that became unpopular.")
    assert not any(src == "Ana Ruiz" and t.startswith("Ana Ruiz opposed") for _, src, t in claims), claims
    assert not any(src == "Delgado" for _, src, _ in claims), claims
    assert any(k == "allegation" and "of opposing the port expansion" in t for k, _, t in claims), claims


def test_those_who_said_otherwise_have_no_words_of_their_own():
    claims = _claims("In a state poll conducted on Monday, 61 percent of residents agreed that the levy was the "
                     "\u201cfair choice\u201d compared to only 30 percent who said otherwise.")
    assert not any("30 percent" in src for _, src, _ in claims), claims


def test_a_headline_clause_the_tagger_took_for_a_body_is_no_speaker():
    claims = _claims("Mayor Addresses Harbour Flooding: 'We Will Rebuild'\n\nOn Sunday, the harbour flooded for the "
                     "third time this year. Mayor Ines Baptiste visited the docks.")
    assert not any("Flooding" in src for _, src, _ in claims), claims


def test_someone_who_would_say_anything_says_nothing_here():
    claims = _claims("The ads portray Okafor as a career politician who will say whatever pleases the crowd at the moment. "
                     "Okafor said anything was possible.")
    assert not any("career politician" in src for _, src, _ in claims), claims
    assert any(src == "Okafor" and "anything was possible" in t for _, src, t in claims), claims


def test_a_headline_line_ending_in_a_semicolon_is_its_own_sentence():
    claims = _claims("Young renters stay hopeful, survey finds; \nMost expect to buy a home within ten years.\n\n"
                     "In a tight market, renters still save for deposits.")
    assert not any("survey finds" in t and "Most expect" in t for _, _, t in claims), claims
    assert any(t.startswith("Most expect to buy a home") for _, _, t in claims), claims


def test_what_a_thing_could_do_is_no_one_s_report():
    claims = _claims("A defeat in the county would hurt the mayor. It could also encourage Ms. Varga to stay in the race "
                     "through the autumn, at a time when many allies would be asking her to step aside.")
    assert not any(src.startswith("unnamed") for _, src, _ in claims), claims


def test_they_after_a_group_of_speakers_is_left_as_written():
    claims = _claims("Renters protested on Monday. The survey counts both renters and young owners who said they would "
                     "vote in the local election.")
    said = [t for _, src, t in claims if "would vote in the local election" in t and src != "the article"]
    assert said and "said they would vote" in said[0], claims


def test_what_someone_would_be_able_to_claim_is_not_claimed():
    claims = _claims("Lena Ortiz campaigned in the north. If she were to win there, she would be able to claim she had "
                     "erased the memory of her defeat four years ago.")
    assert not any(src != "the article" and "erased the memory" in t for _, src, t in claims), claims


def test_questions_gaps_and_asides_make_no_speaker():
    claims = _claims("Her future will depend on how the owners decide to proceed. The rule lets doctors give extra doses "
                     "to anyone they think should get one. The owner, who is by all accounts enjoying his new role, "
                     "is saying he won't rush into picking a successor.")
    assert not any(src in ("owners", "they", "all accounts") for _, src, _ in claims), claims
    assert not any(t.startswith(("How the owners", "They think should")) for _, _, t in claims), claims
    claims = _claims("The protesters gathered outside the hall, surprisingly enough, cheered loudly for the mayor.")
    assert not any("surprisingly" in src for _, src, _ in claims), claims


def test_a_quantifier_under_a_relative_clause_is_no_speaker():
    claims = _claims("The governor repeated his claim that the charter always limited both who could vote and the "
                     "kinds of ballots allowed and then appeared to threaten the county clerks by alluding to the courts.")
    assert not any(src.lower() == "both" for _, src, _ in claims), claims


def test_a_defining_relative_clause_stays_in_the_article_s_sentence():
    claims = _claims("Ruiz won 60 percent of voters who described themselves as independents. "
                     "The mayor met residents who said the water was unsafe.")
    texts = [t for _, src, t in claims if src == "the article"]
    assert "Ruiz won 60 percent of voters who described themselves as independents." in texts, claims
    assert not any(t == "Ruiz won 60 percent of voters." for t in texts), claims
    assert any(src == "residents" and "the water was unsafe" in t for _, src, t in claims), claims


def test_a_relative_clause_that_took_in_the_sentence_s_verb_is_no_report():
    claims = _claims("Critics who say the plan is flawed point to rising costs.")
    assert not any(src.lower() == "critics" for _, src, _ in claims), claims
    assert any(t == "Critics who say the plan is flawed point to rising costs." for _, _, t in claims), claims


def test_a_straight_mark_closed_by_a_curly_one_is_one_quotation():
    claims = _claims('An official said, "We are not going to speak to the content of these documents.\u201d')
    assert claims[0][2].count("\u201c") == claims[0][2].count("\u201d") == 1 and '"' not in claims[0][2], claims
    assert not claims[0][2].startswith("\u201c"), claims


def test_a_quotation_closed_inside_the_reported_words_gets_no_extra_marks():
    claims = _claims("Dara Quinn spoke to reporters. \u201cWe are ready, unlike the others\u201d at the state fair, she said.")
    said = [t for _, src, t in claims if src == "Dara Quinn"]
    assert said and not said[0].startswith("\u201c") and said[0].count("\u201c") == said[0].count("\u201d"), claims


def test_a_that_clause_hung_on_the_place_of_a_cue_is_what_was_said():
    claims = _claims("Courted by most of the candidates and widely expected to be the top donor, Halvorsen said on Friday "
                     "during a news conference that he may wait until the spring primaries to decide whom to back.")
    said = [c for c in claims if "he may wait" in c[2]]
    assert said and said[0][1] == "Halvorsen", claims
    assert not any(src.endswith("primaries") for _, src, _ in claims), claims
    assert not any(t.startswith("Halvorsen expected") for _, _, t in claims), claims


def test_a_quotation_before_its_cue_and_what_the_speaker_added():
    claims = _claims("\u201cEverything the inspector found is the kind of thing you use to prove neglect,\u201d Okafor said in "
                     "a phone interview, adding that the firm showed the \u201cconduct of a company that knew: it hid records, "
                     "it shredded files.\u201d")
    assert not any(src == "the article" for _, src, _ in claims), claims
    assert any("prove neglect" in t and src == "Okafor" for _, src, t in claims), claims
    assert any("it shredded files" in t and src == "Okafor" for _, src, t in claims), claims


def test_what_someone_once_did_before_now_saying_stays_the_article_s():
    claims = _claims("Councillor Ines Moreau used to support the harbour plan, but now said the city had \u201cno money "
                     "left to build it.\u201d")
    assert ("fact", "the article", "Councillor Ines Moreau used to support the harbour plan.") in claims, claims
    assert any("Ines Moreau" in src and "no money" in t for _, src, t in claims), claims


def test_a_belief_about_what_something_is_is_no_claim_of_its_own():
    claims = _claims("The film lays out what the director believes are the senator's core beliefs.")
    assert not any(t.startswith("What") for _, _, t in claims), claims


def test_someone_who_says_after_a_copula_is_the_named_subject():
    claims = _claims("Ines Moreau is a lawyer who says the levy is illegal.")
    assert any(src == "Ines Moreau" and "the levy is illegal" in t for _, src, t in claims), claims
    assert not any(src == "a lawyer" for _, src, _ in claims), claims


def test_a_plural_subject_does_not_take_a_singular_verb_read_from_a_noun():
    claims = _claims("The skaters tend to spread the word through group messages, but often plans come together at the "
                     "last minute.")
    assert not any(src == "The skaters" for _, src, _ in claims), claims
    assert any("often plans come together" in t for _, _, t in claims), claims


def test_a_report_set_off_as_a_which_clause_leaves_the_article_s_sentence():
    claims = _claims("The new rules, which officials said will take effect in the spring, will not apply to small farms.")
    assert ("fact", "the article", "The new rules will not apply to small farms.") in claims, claims
    assert any(src == "officials" and "will take effect in the spring" in t for _, src, t in claims), claims


def test_a_question_word_is_no_speaker():
    claims = _claims("Ortega says Delgado is a close friend and it's his business what favors he does for him. "
                     "Researchers hope to harness that power for what is today typically called \u201cregenerative medicine.\u201d")
    assert not any(src.lower() == "what" for _, src, _ in claims), claims


def test_a_quotation_told_to_a_crowd_leaves_only_the_article_s_own_words():
    claims = _claims("\u201cMost of our staff support this merger,\u201d Varga told the crowd, her voice drowned out by boos.")
    assert not any(src == "the article" and "support this merger" in t for _, src, t in claims), claims
    assert any(src == "Varga" and "support this merger" in t for _, src, t in claims), claims


def test_a_quotation_over_two_sentences_told_to_an_audience_is_the_teller_s():
    claims = _claims("\u201cYou know what happened in the crash. Ortega said when he was asked about it, he said, \u2018I sort of "
                     "hope that happens,'\u201d Varga told union workers in Leeds.")
    assert not any(src == "the article" for _, src, _ in claims), claims
    said = [t for _, src, t in claims if src == "Varga" and "I sort of hope" in t]
    assert said and said[0].endswith("\u2019\u201d.") or said and said[0].endswith("\u2019\u201d"), claims


def test_telling_insight_and_a_noun_coordinated_with_a_verb_make_no_speaker():
    claims = _claims("The deal and how it came to be provide telling insight into the workings of the port authority, "
                     "which manages the harbour's debt - and says it cannot hope to repay it.")
    assert not any(src.startswith(("The deal", "unnamed")) for _, src, _ in claims), claims  # ("it" stays "it")
    assert not any(t.startswith("Told") for _, _, t in claims), claims


def test_according_to_inside_a_speakers_quotation_is_the_speakers_claim():
    claims = _claims("\u201cAccording to local papers, the governor has singled out our county,\u201d Mayor Ruiz claimed at a "
                     "news conference.")
    assert not any(src == "local papers" for _, src, _ in claims), claims
    assert any("Ruiz" in src and "singled out our county" in t for _, src, t in claims), claims


def test_a_report_after_a_dash_aside_closes_the_sentence():
    claims = _claims("The region added 9,000 jobs in May and unemployment fell to 4.1% \u2014 a record low \u2014 the "
                     "statistics office reported Friday.")
    assert not any(src == "the article" for _, src, _ in claims), claims


def test_a_shared_subject_stays_with_the_article_s_own_clause():
    claims = _claims("One of the men, Tomas Reyes, 70, had served in the navy - ''13 months at sea'' - and said he was "
                     "convinced that the plan would fail.")
    assert any(src == "the article" and t.startswith("One of the men, Tomas Reyes, 70, had served in the navy") and "said" not in t
               for _, src, t in claims), claims


def test_a_speaker_whose_role_names_a_place_speaks():
    claims = _claims("But in a call with reporters on May 2, Col. Anna Berg, a military spokeswoman in Kabul, said, "
                     "''I mean, a raid is a combat operation. There is no way around that.''")
    assert not any(src in ("the article", "unnamed sources") for _, src, _ in claims), claims
    assert all("Anna Berg" in src for _, src, _ in claims), claims


def test_a_quotation_glued_to_the_speaker_s_name_and_one_opened_after_a_comma():
    claims = _claims("\u201cI was surprised to see him traffic in prejudice and paranoia,\u201dVarga said.")
    assert [src for _, src, _ in claims] == ["Varga"], claims
    claims = _claims("Lena Ortiz covered the debate. Ortiz tweeted, \u201cCandidates are not supposed to confer with staff "
                     "during breaks.\u201d")
    assert any(src == "Lena Ortiz" and "confer with staff" in t for _, src, t in claims), claims
    assert not any(src == "the article" and "confer with staff" in t for _, src, t in claims), claims


def test_a_document_released_by_a_body_keeps_the_body_in_its_name():
    claims = _claims("Four pharmacy chains reported more than a million wasted doses each, according to data released "
                     "Tuesday by the Centers for Disease Control and Prevention.")
    assert any("Centers for Disease Control" in src for _, src, _ in claims), claims


def test_what_a_colon_opens_after_an_object_is_what_was_posted():
    claims = _claims("Lena Ortiz campaigned on Monday. Ortiz routinely posts things like this: \u201cThe council is corrupt.\u201d")
    posted = [t for _, src, t in claims if src == "Lena Ortiz"]
    assert posted and "The council is corrupt" in posted[0], claims
    claims = _claims("Since then, Varga has become a tired figure, not just a party loyalist, but someone who routinely "
                     "tweets out stuff like this: \u201cThe levy is a disaster.\u201d")
    assert not any(t.rstrip(".").endswith("but someone") for _, _, t in claims), claims
    assert any(src == "Varga" and "The levy is a disaster" in t for _, src, t in claims), claims


def test_names_roles_and_clitics_around_a_speaker():
    claims = _claims("Party Chair Debbie Lopez Garza dismissed the complaint on Friday.")
    assert any(src.startswith("Debbie Lopez Garza") for _, src, _ in claims), claims
    claims = _claims("Sen. Ana Ruiz (a Nevada Democrat so young she has been mistaken for an intern) says she was "
                     "unfocused in her first weeks.")
    assert not any("so young" in src for _, src, _ in claims), claims
    assert not any(t.count("so young") > 1 for _, _, t in claims), claims
    claims = _claims("Ortega is weighing a run. Lena Varga said she'd welcome Ortega's entry.")
    assert not any("Varga'd" in t for _, _, t in claims), claims


def test_two_names_in_apposition_to_a_role_both_speak():
    claims = _claims("Council members Maria Lopez and John Smith said the plan was late.")
    assert any(src == "Maria Lopez and John Smith" for _, src, _ in claims), claims


def test_a_person_the_whole_quotation_names_by_any_name_is_not_its_speaker():
    claims = _claims("The Varga campaign is worried. Ines Varga spoke on Monday. Leslie Moreau, a party organiser, was "
                     "blunt. \u201cThey thought people saying, \u2018Hey, go vote for Ines\u2019 would do it. But it\u2019s not "
                     "enough,\u201d she said.")
    assert not any("Varga" in src and "not enough" in t for _, src, t in claims), claims
