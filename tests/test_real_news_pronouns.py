"""Who a he or she of professional news is, and marks copy types the wrong way round: a pronoun
opening a fronted clause points ahead to the name that follows; a publication named as a source
is no "he"; an opening curly mark typed where a closing one belongs is not closed again at the
claim's end. Invented texts only."""

from __future__ import annotations

from .claim_texts import claims as _claims
from .claim_texts import holding


def test_a_pronoun_in_a_fronted_clause_is_the_main_clause_subject_named_after_it():
    claims = _claims("After she criticised the new budget for being too timid, Councillor Mara Quint has now turned "
                     "on the city's transport plan.")
    criticised = holding(claims, "criticised")
    assert all("Mara Quint" in src for _, src, _ in criticised), claims


def test_a_fronted_pronoun_is_not_given_to_someone_of_the_other_gender():
    claims = _claims("Paul Ekberg lost the primary. When he conceded on Tuesday, Jane Okoro said the race had been fair.")
    assert ("Jane Okoro" in {src for _, src, _ in claims}), claims
    assert not any(src == "Jane Okoro" and "conceded" in t for _, src, t in claims), claims


def test_a_capitalised_publication_reporting_is_not_the_he_of_the_next_sentence():
    claims = _claims("Pastor Dale Wrenfield, who leads a church in Ohio, attacked the school board on his radio show, "
                     "Faith Street Monitor first reported. He then suggested that board members should resign.")
    suggested = holding(claims, "suggested")
    assert all(src == "Dale Wrenfield" for _, src, _ in suggested), claims


def test_an_opening_mark_typed_as_a_closing_one_is_not_closed_again_at_the_end():
    claims = _claims("The critic Lena Park said the film \u201cHarbor\u201c was too \u201cbleak,\u201d and she "
                     "urged viewers to skip it.")
    assert claims
    for _, _, text in claims:
        assert text.count("\u201c") == text.count("\u201d"), claims
        assert not text.rstrip(".").endswith("\u201d\u201d"), claims


def test_a_he_inside_a_who_clause_is_the_person_the_clause_is_on():
    claims = _claims("Mayor Ana Ortiz fought council leader Tom Brandt, who led the campaign to rename the stadium "
                     "because he claimed the old name was offensive.")
    claimed = holding(claims, "offensive")
    assert all("Tom Brandt" in src for _, src, _ in claimed), claims


def test_a_cue_ending_in_a_colon_reports_the_quotation_after_it_not_the_one_before():
    claims = _claims('\u201cIt will cost a lot,\u201d Dana Voss said about the money. \u201cIt is probably close to '
                     'two million dollars. This is what I face.\u201d She went on to say:\n\n'
                     '"None of them will help. They are afraid of me."')
    assert claims and all(src == "Dana Voss" for _, src, _ in claims), claims
    assert not any("went on to say" in t for _, _, t in claims), claims
    assert any("None of them will help" in t for _, _, t in claims), claims


def test_a_preposition_stranded_after_a_wh_word_is_a_whole_sentence():
    from summarise._wellformed import problems

    assert problems("Voss said: \u201cThis is what I\u2019m up against.\u201d") == []
    assert problems("The fund kept its cool for.")  # a cut "for a while" is still a fragment


def test_a_name_inside_a_quotation_is_no_rival_for_a_she_outside_it():
    claims = _claims('Then Tom Orr went on the attack, saying, "Is Governor Ames going to finally say the words? If he does '
                     'not, he should resign." His approach posed a sharp contrast to that of Senator Hillary Wendt. '
                     'She first tweeted a note of concern for the victims.')
    tweeted = holding(claims, "tweeted")
    assert all(src.startswith("Hillary Wendt") for _, src, _ in tweeted), claims


def test_a_role_capitalised_only_as_the_first_word_is_written_in_lower_case():
    claims = _claims('Former Ruritania leader Ortiz calls the wall plan pointless.\n\n'
                     '\u201cWe are not going to pay a single cent for such a wall,\u201d Ortiz told CNBC on Saturday. '
                     '\u201cIt is going to be useless.\u201d')
    said = [c for c in claims if "cent" in c[2] or "useless" in c[2]]
    assert len(said) == 2 and all(t.startswith("Ortiz, former Ruritania leader, said:") for _, _, t in said), claims


def test_a_preposition_stranded_by_which_stays_in_the_article_sentence():
    claims = _claims("The candidate wants a new sea wall, which the port authority should pay for.")
    assert claims and all(t.endswith("pay for.") for _, _, t in claims), claims


def test_a_he_who_goes_on_speaking_is_the_last_to_have_spoken_not_the_one_spoken_of():
    text = ("Joining him at the early meetings was Robert Stovall, a local activist. Stovall joined Cruz at gatherings in "
            "sports bars.\n\nCruz electrified the small crowds with long speeches, Stovall said.\n\n"
            "\"He was very articulate, smart, well-spoken,\" he said. \"Once he talked to them, they were sold.\"\n")
    said = [c for c in _claims(text) if "articulate" in c[2] or "were sold" in c[2]]
    assert len(said) == 2 and all(src.startswith("Robert Stovall") for _, src, _ in said), said
    # one named only as what the last report was about does not go on speaking
    text = ("Pence met with Cruz and Trump last week, and this week with Governor John Kasich. As he has before, Cruz on "
            "Friday played down the idea that he had struck a deal with Kasich. \"There never was a grand alliance,\" he said.")
    assert not any(src.startswith("John Kasich") for _, src, said in _claims(text) if "alliance" in said), _claims(text)


def test_sentences_wholly_inside_a_quotation_do_not_use_up_the_look_back():
    text = ("Polly Sheppard, a survivor of the shooting, spoke on Tuesday.\n\n\u201cThe senator was in the state the day "
            "before the shooting and in the days that followed,\u201d Sheppard said. \u201cShe talked about the hatred "
            "in our nation. She said that we can\u2019t hide from these truths. She called on us to name them and change "
            "them.\u201d\n\n\u201cTogether, we can fight for that change,\u201d she added.\n")
    added = holding(_claims(text), "fight for that change")
    assert all("Sheppard" in src for _, src, _ in added), added


def test_names_in_the_last_speakers_own_report_are_no_rivals_for_the_he_who_goes_on():
    text = ("Chris Matthews, a television host, spoke after the debate.\n\nMatthews said Pence's performance should boost "
            "Trump's poll numbers.\n\n\u201cI thought he was very effective at securing the right-wing flank,\u201d he said.\n")
    said = holding(_claims(text), "right-wing flank")
    assert all("Matthews" in src for _, src, _ in said), said


def test_a_label_in_the_articles_own_sentence_is_no_speaker():
    text = ("Editor\u2019s note: Ellen Marsh regularly incites violence and is a serial liar, rampant xenophobe and birther "
            "who has repeatedly pledged to ban all visitors from the country.")
    assert all(src == "the article" for _, src, _ in _claims(text)), _claims(text)
