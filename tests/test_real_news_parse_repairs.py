"""Misparses of the small English pipeline that real news shows, repaired before the analysis:
invented texts only."""

from __future__ import annotations

from .claim_texts import by_text
from .claim_texts import claims as _claims
from .claim_texts import holding


def test_a_surname_that_is_also_a_noun_is_the_subject_of_the_cue_after_it():
    text = ("Sam Trump opened the hotel in 2009.\n\n"
            "Trump estimates that he lost between $5 million and $8 million on the hotel last year.")
    kind, source, said = by_text(text, "lost between")
    assert (kind, source) == ("estimate", "Sam Trump"), (kind, source, said)


def test_a_plural_noun_subject_keeps_its_verb():
    kind, source, _ = by_text("Police reports show that the road was closed for two days.", "road was closed")
    assert source == "Police reports"


def test_a_document_a_relative_clause_says_shows_its_clause_not_itself():
    text = "The council released a report that shows the budget gap has doubled since last year."
    kind, source, said = by_text(text, "budget gap")
    assert source == "a report" and "budget gap has doubled" in said and "showed the report" not in said, said


def test_records_described_as_showing_something_are_its_source():
    text = ("The mayor had come under scrutiny over his ties to the developer, including bank records showing "
            "he was paid $40,000 by the firm in 2015.")
    kind, source, said = by_text(text, "was paid")
    assert source == "bank records" and said.startswith("Bank records"), (source, said)


def test_what_people_are_said_to_say_in_a_with_phrase_is_theirs_and_the_rest_stays_whole():
    text = "The mayor's plan could shift the race, with 47 percent of renters saying they will certainly support her over Mr. Dale."
    found = _claims(text)
    assert ("statement", "47 percent of renters",
            "47 percent of renters said they will certainly support her over Mr. Dale.") in found, found
    assert ("fact", "the article", "The mayor's plan could shift the race.") in found, found
    # a progressive is no participle of that kind: "is demanding" stays
    _, _, said = by_text("A climate group is demanding that the candidates propose clean energy plans.", "clean energy")
    assert "is demanding" in said, said


def test_an_argument_that_might_be_made_is_still_not_made():
    found = _claims("Dunmore could fight the charge, perhaps by arguing that he saw Ana Fields as a threat to the senator.")
    assert all(src == "the article" for _, src, _ in found), found


def test_a_report_that_dates_the_main_clause_reports_only_its_own_clause():
    for lead in ("", "So let me put it plainly: "):
        text = (f"{lead}On the same day that the Tribune reported that the county issued subpoenas to a charity, "
                "the panel's moderators didn't ask the candidate about it.")
        found = _claims(text)
        reported = holding(found, "issued subpoenas")
        assert all(src == "Tribune" and "moderators" not in said for _, src, said in reported), found
        assert ("fact", "the article", "The panel's moderators didn't ask the candidate about it.") in found, found


def test_a_name_read_into_a_fronted_phrase_with_a_nickname_is_the_subject():
    text = ("During an interview broadcast on Wednesday, Marcel Dobre, the hacker known as \u201cSparrow,\u201d stated "
            "that he had access to the minister\u2019s email server.")
    kind, source, said = by_text(text, "had access")
    assert source == "Marcel Dobre" and said.startswith("Marcel Dobre stated that he had access"), (source, said)
    _, source, said = by_text("Marcel Dobre, the hacker known as \u201cSparrow,\u201d said that he had access to the server.",
                              "had access")
    assert said == "Marcel Dobre said that he had access to the server.", said


def test_continued_that_reports_speech_and_continued_to_rise_does_not():
    text = ("Nora Bell interviewed the hacker in March.\n\nShe continued that an official she spoke to had said that "
            "the hacker admitted to a crime. The talks continued through the night after the storm.")
    found = _claims(text)
    assert by_text(text, "admitted to a crime")[1] == "Nora Bell", found
    assert ("fact", "the article", "The talks continued through the night after the storm.") in found, found


def test_a_quotation_closed_at_a_line_end_ends_its_sentence():
    text = ('Donald Trump spoke first.\nTrump, however, wasted no time responding.\n'
            '"If you noticed, he didn\'t answer your question," he said of his rival. "We are going to win. '
            'That\'s what I like and that\'s what the country likes."\n'
            'Moments earlier, in his opening remarks, Trump said he was ideally suited for the presidency.\n')
    found = _claims(text)
    assert not holding(found, "country likes") or all("Moments" not in said for _, _, said in holding(found, "country likes")), found
    assert ("statement", "Donald Trump", "Donald Trump said he was ideally suited for the presidency.") in found, found


def test_a_quotation_ending_on_a_relative_clauses_preposition_keeps_its_frame():
    text = ('Donald Trump spoke first.\n"We will beat our enemies and the people we compete against," Trump said. '
            '"That\'s what is going to happen with our enemies and the people we compete against. We will win."\n')
    said = [s for _, src, s in _claims(text) if "compete against." in s]
    assert said and all(s.startswith("Donald Trump said:") for s in said), said


def test_what_it_is_not_that_someone_feels_is_not_reported():
    found = _claims("It\u2019s not that Ted Cruz feels he has anything to apologize for \u2014 his outreach will go only "
                    "so far \u2014 but his team does see the campaign as a way to reset relationships.")
    assert not any(src != "the article" and "apologize" in said for _, src, said in found), found


def test_a_price_charged_is_no_accusation():
    found = _claims("Most of the money came from her own pocket, meaning that whatever Marsh charged her campaign for rent "
                    "was largely coming from Marsh herself. The firm charged customers for delivery last year.")
    assert not any(kind == "allegation" for kind, _, _ in found), found
    kind, source, _ = by_text("Prosecutors charged the mayor for bribery in March.", "bribery")
    assert (kind, source) == ("allegation", "Prosecutors")


def test_what_an_indirect_question_joins_is_no_ones_thought():
    found = _claims("A young man asked the senator why young people didn\u2019t like her and thought she was dishonest.")
    assert not any(src == "a young man" and said.startswith("A young man thought") for _, src, said in found), found


def test_names_called_are_loaded_and_make_a_label_an_opinion():
    kind, source, said = by_text("Editor\u2019s note: Ellen Marsh is a serial liar, rampant xenophobe and misogynist who has "
                                 "repeatedly pledged to ban all visitors from entering the country.", "visitors")
    assert (kind, source) == ("opinion", "the article"), (kind, source, said)
    # a name someone else called someone is the caller's word: the article's sentence stays a fact
    kind, _, said = by_text("There is still time for Cruz to mend fences with senators, even after calling Majority Leader "
                            "Mitch McConnell a liar.", "mend fences")
    assert kind == "fact" and "\u201cliar\u201d" in said, (kind, said)


def test_a_quotation_after_a_relative_clauses_cue_is_the_speakers():
    text = ("Nadia Ortiz, a senator, spoke on Thursday. The governor scored her first endorsement from a Senate colleague, "
            "from Nadia Ortiz, who declared in the debate spin room, \u201cI\u2019m sending the signal that it\u2019s time to unite.\u201d")
    found = _claims(text)
    assert by_text(text, "sending the signal")[1].startswith("Nadia Ortiz"), found
    assert ("fact", "the article", "The governor scored her first endorsement from a Senate colleague, from Nadia Ortiz.") in found, found


def test_a_sentence_opening_on_a_person_as_its_topic_gives_its_he_that_person():
    kind, source, _ = by_text("Ted Cruz spoke first.\n\nAs for Donald Trump, he said he\u2019s not worried about the count.", "not worried")
    assert source == "Donald Trump"


def test_no_sentence_ends_between_two_words_of_one_line():
    found = _claims("Ted Cruz entered the debate with a forceful argument that the race is now a two-man contest. "
                    "Cruz trails Trump 458 to 359, but he has netted far more than Rubio, who has 151, or Kasich, at 54.")
    assert holding(found, "Cruz trails Trump 458 to 359"), found


def test_survey_groups_keep_who_they_are_and_lose_a_dashed_aside():
    text = ("Despite growing up during the worst downturn in decades -- and coming of age at a time of wage stagnation -- "
            "more than two-thirds of those in the rising generation predict they will be more successful in their careers "
            "than their parents were.")
    assert by_text(text, "more successful")[1] == "more than two-thirds of those in the rising generation"
    _, source, said = by_text("By big margins, those surveyed say the economy should be the first priority.", "first priority")
    assert source == "those surveyed" and said.startswith("Those surveyed say"), (source, said)


def test_a_polls_answer_in_quotation_marks_is_no_quotation():
    kind, source, _ = by_text('Thirty percent of renters "strongly agree" that they will own a home within ten years.', "own a home")
    assert source == "Thirty percent of renters"
    text = 'The senator, who "boasts" she won, spoke to the crowd at the fair on Sunday.'
    assert _claims(text) == [("fact", "the article", text)]


def test_a_sentence_given_both_as_a_frame_and_as_the_articles_rest_is_the_frames_when_the_frame_covers_it():
    from summarise._claims import Draft, _dedupe
    from summarise._types import Span

    text = "The ministry claims the group runs a network."
    whole = Span(0, len(text) - 1, text[:-1])
    rest = Draft(text, "the article", "fact", (Span(0, 30, text[:30]),), "", 0, text)
    frame = Draft(text, "The ministry", "allegation", (whole,), "claims", 0, text)
    assert [(d.source, d.kind) for d in _dedupe([rest, frame])] == [("The ministry", "allegation")]
    # a frame that accounts for part of the sentence only leaves it the article's
    part = Draft(text, "The ministry", "allegation", (Span(4, 30, text[4:30]),), "claims", 0, text)
    whole_rest = Draft(text, "the article", "fact", (whole,), "", 0, text)
    assert [(d.source, d.kind) for d in _dedupe([whole_rest, part])] == [("the article", "fact")]


def test_a_figure_a_body_reports_is_its_statement():
    kind, source, said = by_text("The council reported 300 new cases on Friday.", "300 new cases")
    assert (kind, source, said) == ("statement", "The council", "The council reported 300 new cases on Friday."), said
    assert by_text("She posted a photo of 12 dogs online.", "dogs")[1] == "the article"
    # a business's own results that it reports are the news, in the article's voice
    assert by_text("The bakery chain reported profits of 31 million pounds last year.", "profits")[1] == "the article"


def test_nothing_quoted_makes_no_claim_and_a_plain_verb_opens_no_quotation():
    found = _claims("\u201cI think politicians are practical people,\u201d said the senior adviser. \u201cThey\u2019re going to be "
                    "interested in the support he can give them. ... I think fewer people would say they don\u2019t want him now.\u201d")
    assert found and not any(not any(ch.isalpha() for ch in said) or "\u201c\u201d" in said for _, _, said in found), found
    text = ("The statement also referenced the impact it said the senator would have on women in the workplace: "
            "\u201cHer fight has opened the door for women to overcome discrimination,\u201d the union wrote.")
    found = _claims(text)
    assert not any(src == "the senator" for _, src, _ in found), found
    assert not any("\u201c\u201d" in said for _, _, said in found), found


def _parsed(words, heads, deps, pos=None, ents=None, tags=None, lemmas=None):
    """A parse fixed by hand: the misreadings the repairs are for, independent of the tagger."""
    from spacy.tokens import Doc

    from summarise._nlp import nlp

    vocab = nlp("x").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos or ["X"] * len(words), ents=ents, tags=tags, lemmas=lemmas,
               spaces=[not (i + 1 < len(words) and words[i + 1] in (",", ".", "''")) for i in range(len(words))])


def test_archive_marks_after_a_full_stop_open_the_next_sentence():
    from summarise._nlp import _load_nlp, _opening_marks

    tokens = _load_nlp().make_doc("Mr. Brook said. ''It will cast a shadow.''")
    _opening_marks(tokens)
    mark = next(t for t in tokens if t.text == "''")
    assert mark.is_sent_start and tokens[mark.i + 1].is_sent_start is False


def test_the_writer_named_after_a_quotation_is_not_the_quotations_he():
    from summarise._frame_repairs import conjoined_name_subject

    #        0     1    2     3    4    5   6     7      8    9       10     11     12  13
    words = ["''", "He", "will", "see", "you", ",", "''", "Ana", "Lovell", ",", "then", "working", ",", "wrote"]
    heads = [3, 3, 3, 3, 3, 3, 3, 8, 11, 8, 11, 3, 11, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "dobj", "punct", "punct", "compound", "nsubj", "punct", "advmod", "advcl",
            "punct", "conj"]
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    doc = _parsed(words, heads, deps, ents=ents)
    assert conjoined_name_subject(doc[13]).text == "Lovell"


def test_a_speaker_named_after_the_cue_keeps_the_quotation_despite_a_who_clause():
    from summarise._frame_repairs import inverted_subject

    #        0     1     2       3    4     5       6        7    8      9         10       11
    words = ["''", "She", "won", ",", "''", "said", "Robert", "Reich", ",", "who", "endorsed", "her", "."]
    heads = [2, 2, 5, 5, 5, 5, 7, 10, 7, 10, 5, 10, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "nsubj", "ccomp", "dobj",
            "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"]
    ents = ["O"] * 6 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    doc = _parsed(words, heads, deps, pos=pos, ents=ents)
    assert [t.text for t in inverted_subject(doc[5], 12)] == ["Robert", "Reich"]


def test_a_report_to_someone_set_off_at_the_end_and_one_in_a_book_are_theirs():
    text = ("The administration is adding troops in the region. This includes a special force to assist the Kurdish "
            "fighters, Defense Secretary Ann Carter told a Senate panel Wednesday.")
    assert by_text(text, "special force")[1].startswith("Ann Carter"), _claims(text)
    text = ("In the old Soviet Union, as Hedrick Smith reported in his book The Russians, the party bosses had lavish "
            "country houses, even as the common people stood in line for hours.")
    assert by_text(text, "party bosses")[1] == "Hedrick Smith", _claims(text)


def test_a_yes_or_no_to_a_question_put_is_the_answerers():
    found = _claims("Asked if he was ever \u201cbullied\u201d as a boy, the senator said no.\n\n"
                    "Asked whether she would run again, the mayor said yes.\n\nShe said no to the deal on Friday night.")
    assert ("denial", "the senator", "Asked if he was ever \u201cbullied\u201d as a boy, the senator said no.") in found, found
    assert ("statement", "the mayor", "Asked whether she would run again, the mayor said yes.") in found, found
    assert ("fact", "the article", "She said no to the deal on Friday night.") in found, found


def test_a_speakers_role_read_as_a_verb_leaves_the_speaker_theirs():
    from summarise._frame_repairs import stranded_subject

    #        0         1        2    3    4           5    6      7    8        9         10   11     12
    words = ["Jeffrey", "Salkin", ",", "a", "Hollywood", ",", "Fla.", ",", "rabbi", "helping", ",", "said", "."]
    heads = [1, 8, 1, 6, 6, 6, 1, 1, 11, 8, 11, 11, 11]
    deps = ["compound", "nsubj", "punct", "det", "nmod", "punct", "appos", "punct", "ccomp", "xcomp", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "VERB", "PUNCT", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 11
    doc = _parsed(words, heads, deps, pos=pos, ents=ents)
    doc[8].tag_ = "VBP"
    assert stranded_subject(doc[11]).text == "Salkin"


def test_a_report_set_off_with_its_addressee_is_the_speakers():
    kind, source, said = by_text("The partners met the couple on Monday. The solution, the partner told them, was simple.",
                                 "solution")
    assert source == "the partner", (source, said)


def test_a_belief_in_a_who_clause_is_its_holders_and_a_report_in_a_where_clause_its_speakers():
    text = ("The manager was ultimately fired with the help of the owner's adult children, who believed the manager was "
            "trying to spread negative stories about the family.")
    kind, source, said = by_text(text, "negative stories")
    assert source == "the owner's adult children" and kind == "estimate", (kind, source, said)
    text = ("The letter cited an April summit where the health director Tom Frieden said caring for a single child with "
            "birth defects can cost at least $10 million.")
    assert by_text(text, "birth defects")[1] != "the article", _claims(text)


def test_a_role_named_at_the_end_of_a_sentence_is_its_speaker_though_the_parser_gave_the_cue_a_subject():
    text = ("Federal officers cleared the protesters from the park near the White House in June to install fencing, not to "
            "make way for a photo-op for the president, the Inspector General for the Department of the Interior said on Wednesday.")
    kind, source, said = by_text(text, "install fencing")
    assert "Inspector General" in source, (kind, source, said)


def test_what_someone_is_called_on_to_apologize_for_is_theirs_not_the_callers():
    text = ("Ann Ross calls on Bo Dean to apologize for suggesting the mayor takes bribes.\n\n"
            "Ann Ross on Wednesday called on Bo Dean to apologize to the mayor for accusing him of being a cheat.")
    found = _claims(text)
    assert by_text(text, "suggested")[1] == "Bo Dean", found
    assert not any(src.startswith("Ann Ross") and ("suggested" in said or said.startswith("Ann Ross accused"))
                   for _, src, said in found), found
    # one asked to act does not speak: "asked the council to call in the decision" stays the asker's
    assert by_text("The union asked the council to call in the decision on Monday.", "call in")[1] == "The union"


def test_a_that_clause_after_a_time_phrase_is_what_was_said():
    # the parser hangs "that ..." on the rally as a clause of its own; "that" as a conjunction
    # cannot open a relative clause of a rally
    text = "Maria Lopez, a nurse from Dayton, said before attending the rally that the campaign asked her to speak."
    found = _claims(text)
    assert found == [("statement", "Maria Lopez, a nurse from Dayton", text)], found


def test_a_quoted_word_does_not_make_the_clause_before_it_a_quotation():
    # 'The mayor summed up ... “reckless,” criticised ...' is read as a quotation with
    # "criticised" its cue and no speaker; the mayor did all three
    text = "The mayor summed up the plan as “reckless,” criticised its cost and said it should not even be put to a vote."
    found = _claims(text)
    assert ("opinion", "The mayor", "The mayor said it should not even be put to a vote.") in found, found
    assert ("opinion", "The mayor", "The mayor criticised its cost.") in found, found
    assert holding(found, "summed up the plan") == [("opinion", "the article", "The mayor summed up the plan as “reckless”.")], found


def test_a_loaded_word_after_as_is_quoted_not_dropped():
    # unquoted, the parser reads "reckless" as a modifier of "as": dropping it left "as, criticised"
    text = "The mayor summed up the plan as reckless, criticised its cost and said it should not even be put to a vote."
    assert holding(_claims(text), "summed up") == [("opinion", "the article", "The mayor summed up the plan as “reckless”.")]


def test_an_infinitive_after_a_thing_pointed_to_is_the_pointers():
    text = ("The judge pointed to a previous case to say that courts deciding on disclosure must weigh whether the "
            "case involves issues important to the public.")
    found = _claims(text)
    assert [src for _, src, _ in found] == ["The judge"], found


def test_polling_and_testimony_speak_through_document_verbs():
    found = _claims("Recent polling is showing the mayor has a large lead over the senator in Ohio. "
                    "Testimony showed the mayor knew about the leak in March.")
    assert [src for _, src, _ in holding(found, "large lead")] == ["Recent polling"], found
    assert [src for _, src, _ in holding(found, "knew about the leak")] == ["Testimony"], found


def test_a_trailing_report_whose_noun_modifier_was_read_as_a_participle():
    # "fundraising" read as a participle the report hangs on: the documents still show all before the comma
    text = "That is why the governor had to lend his campaign thousands of dollars last month, fundraising documents show."
    found = _claims(text)
    assert found == [("statement", "fundraising documents",
                      "Fundraising documents showed the governor had to lend his campaign thousands of dollars last month.")], found


def test_a_response_saying_something_is_its_senders_and_a_second_participle_is_not_part_of_the_first():
    text = ("Later that day, the mayor fired back a response saying he would not support the council's agenda and "
            "suggesting that politicians should do what is best for residents.")
    found = _claims(text)
    agenda = holding(found, "council's agenda")
    assert [src for _, src, _ in agenda] == ["the mayor"] and "suggest" not in agenda[0][2], found
    assert ("estimate", "the mayor", "The mayor suggested that politicians should do what is best for residents.") in found, found


def test_a_name_in_quotation_marks_after_the_thing_named_is_the_callers():
    text = 'Lena Novak, a spokeswoman for the group, called it "a decade late, but better than nothing."'
    found = _claims(text)
    assert [src for _, src, _ in found] == ["Lena Novak, a spokeswoman for the group"], found



def test_a_statement_that_says_two_things_keeps_both():
    from summarise._frame_syntax import content_of

    # "X said in a brief statement that it was cooperating with A and B and that none of ... had
    # been affected": the parser read the first "that" clause as the statement's, the second as its conjunct
    words = ["Corlan", "Systems", "said", "in", "a", "brief", "statement", "that", "it", "was", "cooperating", "with",
             "Harwell", "and", "the", "regulator", "and", "that", "none", "of", "its", "other", "clients", "had", "been",
             "affected", "."]
    heads = [1, 2, 2, 2, 6, 6, 3, 10, 10, 10, 6, 10, 11, 12, 15, 12, 10, 25, 25, 18, 22, 22, 19, 25, 25, 10, 2]
    deps = ["compound", "nsubj", "ROOT", "prep", "det", "amod", "pobj", "mark", "nsubj", "aux", "acl", "prep", "pobj", "cc",
            "det", "conj", "cc", "mark", "nsubjpass", "prep", "poss", "amod", "pobj", "aux", "auxpass", "conj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "ADP", "DET", "ADJ", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "ADP", "PROPN", "CCONJ",
           "DET", "NOUN", "CCONJ", "SCONJ", "NOUN", "ADP", "PRON", "ADJ", "NOUN", "AUX", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "NNPS", "VBD", "IN", "DT", "JJ", "NN", "IN", "PRP", "VBD", "VBG", "IN", "NNP", "CC", "DT", "NN", "CC",
            "IN", "NN", "IN", "PRP$", "JJ", "NNS", "VBD", "VBN", "VBN", "."]
    lemmas = [w.lower() for w in words]
    lemmas[2], lemmas[10], lemmas[25] = "say", "cooperate", "affect"
    doc = _parsed(words, heads, deps, pos=pos, tags=tags, lemmas=lemmas)
    content, _ = content_of(doc[2], doc[1], False)
    said = " ".join(t.text for t in content)
    assert said.startswith("that it was cooperating") and said.endswith("none of its other clients had been affected"), said


def test_someone_pointing_to_something_cites_it():
    found = _claims("Activists point to a number of factors that are fanning the protests. Polls point to a close race. "
                    "The sign points to the exit.")
    assert [src for _, src, _ in holding(found, "factors")] == ["Activists"], found
    assert [src for _, src, _ in holding(found, "close race")] == ["Polls"], found
    assert [src for _, src, _ in holding(found, "exit")] == ["the article"], found


def test_names_after_the_verb_are_not_part_of_its_subject():
    # the parser hangs the list in the object ("Sen. A and Gov. B") on the subject as its apposition
    text = ("The lawyers also pointed to the valid candidacies of two former hopefuls, Sen. Tom Ardley of Ohio and former "
            "Gov. Jim Pallis, as examples of runs that received the blessing of Congress, courts and other means to proceed.")
    found = _claims(text)
    assert [src for _, src, _ in found] == ["The lawyers"] and found[0][2] == text, found


def test_the_end_of_a_list_the_parser_hung_on_the_speaker_stays_in_what_was_said():
    text = ("Negotiation Over Issues During First Summit\n\n"
            "President Biden said he raised some of the biggest issues dividing the U.S. and Russia during a summit with "
            "President Vladimir Putin, including Moscow's aggression toward Ukraine, alleged cyberattacks against the U.S. "
            "and jailed Russian dissident Alexei Navalny.")
    found = _claims(text)
    said = holding(found, "raised some")
    assert [src for _, src, _ in said] == ["President Biden"] and said[0][2].endswith("dissident Alexei Navalny."), found


def test_an_ellipsis_in_a_quotation_keeps_its_spacing_when_the_subject_is_rewritten():
    text = ("Judge Ana Ruiz ruled on Monday.\n\nThe judge said that courts must weigh \"whether a party is a public "
            "entity; and . . . whether the case involves issues important to the public.\"")
    said = holding(_claims(text), "courts must weigh")
    assert said and all("entity; and . . . whether" in text for _, _, text in said), said


def test_a_whose_clause_names_its_owner_and_leaves_the_main_clause_whole():
    found = _claims("Anna Berg, whose report found that the mill leaked, resigned on Friday.")
    assert ("statement", "Anna Berg\u2019s report", "Anna Berg\u2019s report found that the mill leaked.") in found, found
    assert ("fact", "the article", "Anna Berg resigned on Friday.") in found, found
    found = _claims("The official whose memo revealed that the plan was flawed resigned on Tuesday.")
    assert all(not said.lower().startswith("whose") and src != "whose memo" for _, src, said in found), found


def test_the_people_a_verb_leaves_saying_something_say_it():
    found = _claims("The attacks have left 62 percent of voters saying race relations are growing worse.")
    assert ("statement", "62 percent of voters", "62 percent of voters said race relations are growing worse.") in found, found
    # what is left of the article's sentence is not "have left 62 percent of voters" (abandoned them)
    assert ("fact", "the article", "The attacks have left 62 percent of voters.") not in found, found


def test_a_report_closing_its_sentence_whose_clause_the_parser_left_unread():
    # "called" read as a participle on "cable", "cable" a second subject of "said"
    text = "The July 13 cable called on Washington to be firm and direct in describing abuses by the militia, the source said."
    found = _claims(text)
    assert [(kind, src) for kind, src, _ in found] == [("statement", "the source")], found
    assert found[0][2].startswith("The source said the July 13 cable called on Washington"), found
    # a phrase set before the speaker is no report of the speaker's
    text = ("Courted by most of the candidates and widely expected to be the top donor, Adelson said earlier on Friday "
            "during a news conference that he may wait until the primaries to decide.")
    assert [said for _, _, said in _claims(text)] == [
        "Adelson said earlier on Friday during a news conference that he may wait until the primaries to decide."]


def test_a_wire_dateline_of_a_date_and_an_agency_is_not_the_speakers_name():
    found = _claims("Senator Says Talks Failed\n\nDec 29 (Wirenews) - U.S. Senator Ana Ruiz on Tuesday said that the talks had failed.")
    assert [src.split(",")[0] for _, src, said in found if "talks had failed" in said] == ["Ana Ruiz"], found
    assert all("Dec 29" not in said for _, _, said in found), found


def test_going_so_far_as_to_say_reports_what_was_said():
    found = _claims("The columnist went so far as to say that the network is over.")
    assert found == [("statement", "The columnist", "The columnist said that the network is over.")], found
    found = _claims("The columnist went so far as to say: \u201cThe network as we know it is over.\u201d")
    assert [src for _, src, _ in found] == ["The columnist"], found
    # "go only so far" is no report
    assert _claims("His outreach will go only so far, and the party knows it.")[0][1] == "the article"


def test_concerns_and_doubts_raised_or_voiced_are_their_holders():
    found = _claims("Politicians raised concern that smugglers are slipping weapons through the border. "
                    "Local officials voiced doubts that the plan would work.")
    assert [src for _, src, _ in holding(found, "smugglers")] == ["Politicians"], found
    assert [src for _, src, _ in holding(found, "plan would work")] == ["Local officials"], found


def test_what_half_said_so_is_no_claim_of_the_articles():
    found = _claims("Six in 10 say he\u2019s at least somewhat decisive, after half said so in the earlier poll.")
    assert all("half said so" not in said or src != "the article" for _, src, said in found), found


def test_a_plural_verb_does_not_take_it_as_its_subject():
    text = ("A significant number of Democrats said they\u2019re fine with however it plays out but just want to put the "
            "drama over nominating rules to rest.")
    found = _claims(text)
    assert all(src != "it" and not said.startswith("It want") for _, src, said in found), found


def test_a_quotation_said_of_someone_is_the_speakers():
    # the quotation split at its question mark: the cue's sentence holds only "Absolutely"
    found = _claims("\u201cWould I change the schedule? Absolutely,\u201d the strategist said of the senator.")
    assert [src for _, src, _ in found] == ["the strategist", "the strategist"], found
    assert all("said of the senator" not in said for _, _, said in found), found


def test_archive_quotation_marks_keep_their_words_as_spoken():
    # doubled apostrophes are quotation marks: a loaded word inside is the speaker's, never edited
    found = _claims("The senator, who has called the remarks ''racially toxic,'' said he would not campaign with him.")
    assert any("''racially toxic,''" in said for _, _, said in found), found
    found = _claims("''I am really, totally committed to bringing back manufacturing'' sounds great in Youngstown before the primary.")
    assert found and "totally committed" in found[0][2] and found[0][1] == "the article", found


def test_a_verb_read_as_a_participle_on_its_subject_before_but_said_is_a_claim_of_its_own():
    text = ("Speaker Tom Ardley, the party's highest-ranking member, called Mr. Dale's remarks about a judge "
            "''racist,'' but said he would still vote for him.")
    found = _claims(text)
    who = "Tom Ardley, the party's highest-ranking member"
    assert sorted(found) == sorted([
        ("opinion", who, who + ", called Mr. Dale's remarks about a judge ''racist''."),
        ("statement", who, who + ", said he would still vote for him.")]), found


def test_what_a_quotation_holds_after_a_colon_is_all_said():
    found = _claims("Then she added warily: \u201cThere's always something - something that can come at you, drop from the sky.\u201d")
    assert len(found) == 1 and found[0][2].endswith("come at you, drop from the sky.\u201d"), found


def test_who_after_a_comma_is_the_body_just_before_it_not_a_thing_the_parser_hung_it_on():
    text = ("Dale's description of the staff as having been \"paid in crumbs\" drew an angry response from management, "
            "who said it ignored bonuses paid during the pandemic.")
    found = _claims(text)
    assert ("allegation", "management", "Management said it ignored bonuses paid during the pandemic.") in found, found


def test_a_sentence_whose_subject_was_lost_is_not_well_formed():
    from summarise._wellformed import is_wellformed

    assert not is_wellformed("Said it ignored bonuses paid during the pandemic.")
    assert is_wellformed("Management said it ignored bonuses paid during the pandemic.")


def test_a_quotation_set_off_by_dashes_after_a_name_is_that_persons():
    text = ("A chorus of prominent Republicans has said the same thing, including the former candidate Mitt Romney -- "
            "''It is disqualifying for a nominee to refuse to release tax returns to the voters'' -- and Fred Goldberg, "
            "a former tax commissioner.")
    found = _claims(text)
    assert [src for _, src, _ in holding(found, "disqualifying")] == ["Mitt Romney"], found


def test_an_apposition_to_the_whole_clause_stays_with_what_was_reported():
    text = ("A union representing flight attendants endorsed Ana Ruiz for president on Thursday, another example of "
            "organized labor throwing its support behind the nominee.")
    found = _claims(text)
    assert len(found) == 1 and found[0][2].endswith("behind the nominee."), found


def test_a_view_in_the_passive_is_held_by_its_agent_or_by_no_one_named():
    found = _claims("Sanders is widely seen as the favourite in the state. The plan is viewed by economists as a giveaway. "
                    "The senator was seen at the rally.")
    assert [src for _, src, _ in holding(found, "favourite")] == ["unnamed sources"], found
    assert [src for _, src, _ in holding(found, "giveaway")] == ["economists"], found
    assert [src for _, src, _ in holding(found, "at the rally")] == ["the article"], found


def test_according_to_after_an_opening_conjunction_names_the_source():
    text = ("But according to recently leaked committee documents, while the party's leaders have harsh things to say "
            "about their donors, in private they often ask the same donors for money.")
    found = _claims(text)
    assert [src for _, src, _ in found] == ["recently leaked committee documents"], found


def test_a_name_the_parser_made_the_root_with_its_verb_as_a_participle_is_the_subject():
    # no verb in the parse: "called" a reduced relative clause on the name
    text = ("Speaker Tom Ardley, the party's highest-ranking member, on Tuesday called Mr. Dale's remarks about a judge "
            "''racist,'' an extraordinary indictment that generated a fresh wave of criticism from others.")
    found = _claims(text)
    who = "Tom Ardley, the party's highest-ranking member"
    assert [(kind, src) for kind, src, _ in found] == [("opinion", who)], found
    # the label ends the claim: the article's own description after it is not the speaker's
    assert found[0][2].endswith("''racist.''") and "indictment" not in found[0][2], found


def test_straight_single_quotation_marks_are_quotation_marks_and_are_paired():
    from summarise._marks import balance_marks

    # a headline's 'Racist': the word is already quoted (no curly marks added), and a cut keeps the pair
    assert balance_marks("Mayor calls council plan 'reckless") == "Mayor calls council plan 'reckless'"
    assert balance_marks("The voters' views") == "The voters' views"
    found = _claims("Critics said the 'disastrous' rollout had hurt the city.")
    assert found == [("statement", "Critics", "Critics said the 'disastrous' rollout had hurt the city.")], found


def test_urging_someone_to_do_what_was_said_before_is_no_claim_of_its_own():
    found = _claims("He did not apologize for his remarks, something many colleagues had urged him to do.")
    assert all(src != "many colleagues" for _, src, _ in found), found


def test_what_may_have_to_be_done_or_could_be_said_is_not_reported_as_done():
    # "may have to disavow" had become "The party disavowed Mr. Dale." (a fact the article never states)
    for text in ("The party may have to disavow Mr. Dale.", "The mayor has to explain the delay.",
                 "The firm could announce the cuts as soon as Friday."):
        found = _claims(text)
        assert found == [("fact", "the article", text)], found
    found = _claims("Senator Ana Ruiz acknowledged that the party may have to disavow Mr. Dale.")
    assert all("disavowed" not in said for _, _, said in found), found
    # what was done stays done: "had to deny", "went on to say"
    assert _claims("The party had to deny the report.") == [("denial", "The party", "The party denied the report.")]


def test_a_denial_to_come_keeps_its_tense():
    found = _claims("The company will deny the charges in court next week.")
    assert [said for _, _, said in found] == ["The company will deny the charges."], found


def test_a_list_of_labels_in_quotation_marks_is_all_the_callers():
    found = _claims('The mayor called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."')
    assert found == [("opinion", "The mayor", 'The mayor called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."')], found


def test_a_show_named_in_quotation_marks_after_the_cue_is_not_the_speaker():
    # the parser read the programme's title as the subject of "said"
    text = ("\u201cThere is a severe disconnect between this White House and our military,\u201d Flynn, a top Trump "
            "surrogate, said Thursday morning on Fox News\u2019s \u201cFox and Friends.\u201d")
    found = _claims(text)
    assert [src for _, src, _ in found] == ["Flynn, a top Trump surrogate"], found


def test_a_subject_inside_a_quotation_before_the_cue_is_not_the_speaker():
    from summarise._frame_syntax import subject_of

    # '... the words ''I can't vote,'' as Dana Reyes, kneeling on the steps, said before ...': the parser
    # made the quotation a clause of its own and hung "said" on it, so "I" would be inherited as the speaker
    #        0        1      2     3    4     5      6     7    8    9      10      11   12      13    14
    words = ["words", "''", "I", "ca", "n't", "vote", ",", "''", "as", "Dana", "Reyes", ",", "kneeling", ",", "said"]
    heads = [5, 5, 5, 5, 5, 5, 5, 5, 5, 10, 8, 5, 5, 5, 5]
    deps = ["dep", "punct", "nsubj", "aux", "neg", "ROOT", "punct", "punct", "prep", "compound", "pobj", "punct", "advcl",
            "punct", "conj"]
    tags = ["NNS", "''", "PRP", "MD", "RB", "VB", ",", "''", "IN", "NNP", "NNP", ",", "VBG", ",", "VBD"]
    pos = ["NOUN", "PUNCT", "PRON", "AUX", "PART", "VERB", "PUNCT", "PUNCT", "ADP", "PROPN", "PROPN", "PUNCT", "VERB",
           "PUNCT", "VERB"]
    ents = ["O"] * 9 + ["B-PERSON", "I-PERSON"] + ["O"] * 4
    lemmas = ["word", "''", "I", "can", "not", "vote", ",", "''", "as", "Dana", "Reyes", ",", "kneel", ",", "say"]
    doc = _parsed(words, heads, deps, pos=pos, ents=ents, tags=tags, lemmas=lemmas)
    subj, _ = subject_of(doc[14])
    assert subj is None or subj.text != "I"


def test_the_noun_a_relative_clause_hangs_on_leaves_its_dash_behind():
    from summarise._frame_relatives import antecedent

    # "... from the products—revelations that senators said would ...": the dash hung on the noun
    #        0       1      2           3          4        5          6       7
    words = ["from", "the", "products", "\u2014", "revelations", "that", "senators", "said"]
    heads = [0, 2, 0, 4, 2, 7, 7, 4]
    deps = ["ROOT", "det", "pobj", "punct", "appos", "dobj", "nsubj", "relcl"]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "NOUN", "PRON", "NOUN", "VERB"]
    doc = _parsed(words, heads, deps, pos=pos)
    assert antecedent(doc[4]) == "the revelations"


def test_an_inherited_she_does_not_tell_her():
    from summarise._frame_guards import misread_subject

    # "..., which she was doing when the police located her and told her to leave": the parser joined
    # "told" to "doing", whose subject is "she"
    #        0        1      2      3        4       5         6         7       8      9      10     11    12     13
    words = ["which", "she", "was", "doing", "when", "police", "located", "her", "and", "told", "her", "to", "leave", "."]
    heads = [3, 3, 3, 3, 6, 6, 3, 6, 3, 3, 9, 12, 9, 3]
    deps = ["dobj", "nsubj", "aux", "ROOT", "advmod", "nsubj", "advcl", "dobj", "cc", "conj", "dobj", "aux", "xcomp", "punct"]
    tags = ["WDT", "PRP", "VBD", "VBG", "WRB", "NNS", "VBD", "PRP", "CC", "VBD", "PRP", "TO", "VB", "."]
    doc = _parsed(words, heads, deps, tags=tags)
    assert misread_subject(doc[9], doc[1], False)


def test_a_report_set_off_inside_the_clause_it_reports_stands_aside():
    from summarise._parse_repairs import repair_heads

    # "She was not surprised that the campaign won, her aides said Friday, because she knew.": the parser
    # hangs "that" on "said", so "her aides said the campaign won" and "surprised" loses its clause
    #        0      1      2      3            4       5      6           7      8    9      10      11
    words = ["She", "was", "not", "surprised", "that", "the", "campaign", "won", ",", "her", "aides", "said",
             "Friday", ",", "because", "she", "knew", "."]
    #        12        13   14         15     16      17
    heads = [1, 1, 1, 1, 11, 6, 7, 11, 11, 10, 11, 3, 11, 11, 16, 16, 11, 1]
    deps = ["nsubj", "ROOT", "neg", "acomp", "mark", "det", "nsubj", "ccomp", "punct", "poss", "nsubj", "ccomp",
            "npadvmod", "punct", "mark", "nsubj", "advcl", "punct"]
    tags = ["PRP", "VBD", "RB", "JJ", "IN", "DT", "NN", "VBD", ",", "PRP$", "NNS", "VBD", "NNP", ",", "IN", "PRP", "VBD", "."]
    doc = repair_heads(_parsed(words, heads, deps, tags=tags))
    assert doc[7].head.i == 3 and doc[4].head.i == 7  # "surprised that the campaign won"
    assert doc[11].dep_ == "parataxis" and doc[16].head.i == 3  # the report aside; "because she knew" the sentence's


def test_a_headline_verb_the_tagger_took_into_a_name_leaves_it():
    from summarise._entity_repairs import mend_entities

    # "Lind Says Plant Will Close.": the tagger takes the headline's verb into the name ("[Lind Says]")
    doc = _parsed(["Lind", "Says", "Plant", "Will", "Close", "."], [1, 1, 4, 4, 1, 1], ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
                  pos=["PROPN", "VERB", "PROPN", "AUX", "VERB", "PUNCT"], ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"],
                  tags=["NNP", "VBZ", "NNP", "MD", "VB", "."])
    mend_entities(doc)
    assert [e.text for e in doc.ents] == ["Lind"]


def test_a_noun_is_written_into_the_gap_right_after_the_verb_only():
    from summarise._frame_relatives import relative_content
    from summarise._frame_syntax import Frame

    # 'the story Lind told about his father who wired, "Do n't buy votes."': the quotation's verb
    # has no subject of its own, but "the story" is not what is missing there
    #        0      1        2       3       4        5      6         7      8        9   10  11     12     13     14
    words = ["the", "story", "Lind", "told", "about", "his", "father", "who", "wired", ",", '"', "Do", "n't", "buy", "votes"]
    heads = [1, 1, 3, 1, 3, 6, 4, 8, 6, 3, 13, 13, 13, 3, 13]
    deps = ["det", "ROOT", "nsubj", "relcl", "prep", "poss", "pobj", "nsubj", "relcl", "punct", "punct", "aux", "neg",
            "ccomp", "dobj"]
    pos = ["DET", "NOUN", "PROPN", "VERB", "ADP", "PRON", "NOUN", "PRON", "VERB", "PUNCT", "PUNCT", "AUX", "PART", "VERB", "NOUN"]
    doc = _parsed(words, heads, deps, pos=pos)
    f = Frame(0, "told", "tell", "statement", "Lind", None, None, (doc[10].idx, len(doc.text)), (doc[2].idx, len(doc.text)))
    assert not relative_content(f, doc[3], list(doc[3].subtree)) and not f.edits
    # "a probe the agency said was ongoing": the gap right after "said" is the probe's
    words = ["a", "probe", "the", "agency", "said", "was", "ongoing"]
    doc = _parsed(words, [1, 1, 3, 4, 1, 4, 5], ["det", "ROOT", "det", "nsubj", "relcl", "ccomp", "acomp"],
                  pos=["DET", "NOUN", "DET", "NOUN", "VERB", "AUX", "ADJ"])
    f = Frame(0, "said", "say", "statement", "the agency", None, None, (doc[5].idx, len(doc.text)), (doc[2].idx, len(doc.text)))
    assert relative_content(f, doc[4], list(doc[4].subtree)) and f.edits[0][2] == "the probe "
