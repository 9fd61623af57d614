"""Misparses of the small English pipeline that real news shows, repaired before the analysis:
invented texts only."""

from __future__ import annotations

from .claim_texts import by_text


def test_a_surname_that_is_also_a_noun_is_the_subject_of_the_cue_after_it():
    text = ("Sam Trump opened the hotel in 2009.\n\n"
            "Trump estimates that he lost between $5 million and $8 million on the hotel last year.")
    kind, source, said = by_text(text, "lost between")
    assert (kind, source) == ("estimate", "Sam Trump"), (kind, source, said)


def test_a_plural_noun_subject_keeps_its_verb():
    kind, source, _ = by_text("Police reports show that the road was closed for two days.", "road was closed")
    assert source == "Police reports"
