"""Pronouns are resolved to a name only when gender, number and syntax leave one named
candidate; otherwise the pronoun stays. Invented texts only."""

from __future__ import annotations

from summarise import summarise
from summarise._analysis import analyse
from summarise._coref import mention_gender, resolve_pronoun


def _at(text: str, word: str, nth: int = 0) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return i


def test_gender_from_honorific_role_and_own_clause():
    text = ("Mr Tom Hale chaired the meeting. Maria Lopez, a spokeswoman for the union, spoke next. "
            "Lee Park said his team would appeal.")
    a = analyse(text)
    by = {m.name: m for m in a.mentions}
    assert mention_gender(a, by["Tom Hale"]) == "m"
    assert mention_gender(a, by["Maria Lopez"]) == "f"
    assert mention_gender(a, by["Lee Park"]) == "m"


def test_no_gender_from_a_pronoun_in_someone_elses_clause():
    # "her" belongs to the unnamed aide, not to the governor named inside the subject
    text = "An aide to Governor Kai Ortiz has given up her anonymity."
    a = analyse(text)
    m = next(m for m in a.mentions if m.name.endswith("Ortiz"))
    assert mention_gender(a, m) is None


def test_unnamed_person_blocks_a_resolution():
    text = ("An aide to Mr Sam Ortiz has given up her anonymity. "
            "The aide called for an inquiry into his conduct and her treatment.")
    a = analyse(text)
    assert resolve_pronoun(a, "her", _at(text, "her", 1)) is None  # only the unnamed aide agrees
    assert resolve_pronoun(a, "his", _at(text, "his")) is None  # the aide is in the way


def test_one_agreeing_named_candidate_is_resolved():
    text = "Maria Lopez, the union's treasurer, met Mr Sam Ortiz on Friday. She said the talks had failed."
    a = analyse(text)
    m = resolve_pronoun(a, "she", _at(text, "She"))
    assert m is not None and m.name == "Maria Lopez"


def test_two_agreeing_candidates_leave_the_pronoun():
    text = "Sam Ortiz met Lee Park on Friday. He said the talks had failed."
    a = analyse(text)
    assert resolve_pronoun(a, "he", _at(text, "He")) is None


def test_claim_never_names_the_wrong_person_for_his():
    text = ("An assistant to Mayor Tom Hale has spoken publicly for the first time. "
            "She called for accountability over his alleged misconduct.")
    s = summarise(text, model=None)
    assert s.claims
    for c in s.claims:
        assert "assistant to Mayor Tom Hale's" not in c.text
        if "accountability" in c.text:
            assert "his alleged misconduct" in c.text or "Hale's alleged misconduct" in c.text


def test_quoted_pronouns_stay_verbatim():
    text = 'Maria Lopez, the union treasurer, spoke on Friday. "He never answered our letters," she said.'
    s = summarise(text, model=None)
    quoted = [c for c in s.claims if "answered our letters" in c.text]
    assert quoted and all("He never answered our letters" in c.text for c in quoted)


def test_a_pronoun_of_unknown_agreement_is_not_given_to_the_nearest_person_when_another_is_near():
    from summarise import extract_claims

    text = ("Dana Whitfield was urged to change course on Friday. "
            "Robin Ashe told a radio host that nobody would question her judgement on the budget.")
    claims = extract_claims(text, model=None)
    told = next(c for c in claims if "judgement" in c.text)
    assert "Robin Ashe's judgement" not in told.text
    assert "her judgement" in told.text


def test_they_is_not_a_name_that_only_modifies_a_noun_nor_a_place_past_a_campaign():
    from summarise import extract_claims

    text = ("Ana Ruiz says she is not just a one-issue candidate who appeals to rural voters. "
            "The state of Oregon will decide whether she is right.\n\n"
            "The Beaver State holds its Democratic caucuses on Saturday, and a new Pollwise survey shows Tom Hale and "
            "the Idaho senator in a dead heat. If Hale loses, it would be the third sign yet that his path to the "
            "Democratic nomination is anything but certain.\n\n"
            "The Hale campaign attributed his narrow win in Idaho to the state's overwhelmingly rural electorate, "
            "which favors Ruiz.\n\n"
            "They can't make the same argument about Oregon, where urban voters in 2012 accounted for 40% of caucusgoers.")
    claim = next(c for c in extract_claims(text, model=None) if "same argument" in c.text)
    assert claim.text.startswith("They"), claim.text  # not "Democratic", not "The Beaver State"


def test_they_after_a_pair_of_people_named_together_is_no_one_of_them():
    from summarise import extract_claims

    text = ("\"Watch the footage,\" said former tech executive Carla Varga during the second debate.\n\n"
            "The influence is especially strong in Varga and Holt, the two other political outsiders, who have risen in "
            "Brandt's slipstream. All three will be onstage Tuesday evening in Denver for the fourth televised debate.\n\n"
            "As with Brandt, some of these outsiders' most memorable moments have come when they uttered statements that "
            "turned out to be untrue. And, like Brandt, they have played to a distrustful electorate by criticizing the "
            "fact-checkers and refusing to acknowledge that any facts were wrong.")
    claim = next(c for c in extract_claims(text, model=None) if "fact-checkers" in c.text)
    assert claim.source.lower() == "they", (claim.source, claim.text)
