"""The one number parser and the one quotation detector, shared by the pipeline's checks and the
harness's metrics (issue 15): the same text reads the same on both sides."""

from __future__ import annotations

from summarise._numbers import extract_numbers, normalise_number, number_values, numbers_agree
from summarise._quotes import open_quote_before, quotation_spans, unquoted
from summarise._verify import verify_sentence


def test_spellings_of_one_number_are_one_value() -> None:
    for text in ("25,000", "25000", "twenty-five thousand", "twenty five thousand"):
        assert extract_numbers(text) == [25_000.0], text
        assert number_values(text) == {"25000"}, text
    assert number_values("1.9 billion") == number_values("$1,900,000,000") == {"1900000000"}
    assert number_values("half a million") == {"500000"}


def test_a_bare_one_counts_only_for_the_check() -> None:
    # the measurement skips "one of them" (a pronoun); the check that a rewrite kept the
    # article's numbers keeps it (one death is not two)
    assert extract_numbers("one of them left") == []
    assert number_values("one of them left") == {"1"}
    assert numbers_agree("one of them left", "two of them left")  # nothing to compare: no conflict


def test_a_rewrite_that_drops_part_of_a_compound_number_is_rejected() -> None:
    evidence = "The agency said twenty-five people were hurt in the blast."
    kept = verify_sentence("The agency said 25 people were hurt in the blast.", evidence=evidence,
                           reference=evidence, sources=["The agency"])
    changed = verify_sentence("The agency said twenty people were hurt in the blast.", evidence=evidence,
                              reference=evidence, sources=["The agency"])
    assert not any("number" in r for r in kept), kept
    assert any("number" in r and "20" in r for r in changed), changed


def test_one_token_of_a_number_phrase() -> None:
    assert [normalise_number(t) for t in ("3", "million", "1,180", "4.50", "Thirty", "dozen")] == \
        ["3", "1000000", "1180", "4.5", "30", "dozen"]


def test_quotations_in_mixed_marks_and_over_paragraphs() -> None:
    text = ('"This went badly," said the coach. "It could not get worse, and it did.\u201d\n\n'
            'The board met later. \u00abNous verrons\u00bb, he wrote.')
    quoted = [text[a:b] for a, b in quotation_spans(text)]
    assert quoted == ['"This went badly,"', '"It could not get worse, and it did.\u201d', "\u00abNous verrons\u00bb"]
    assert "board met" in unquoted(text) and "badly" not in unquoted(text)
    assert len(unquoted(text)) == len(text)


def test_straight_single_marks_only_when_asked() -> None:
    text = "Critics called the plan 'a giveaway' in the style of the '90s, the mayor's way."
    assert quotation_spans(text) == []
    assert [text[a:b] for a, b in quotation_spans(text, straight_single=True)] == ["'a giveaway'"]


def test_the_metrics_and_the_analysis_see_the_same_quotations() -> None:
    from summarise._analysis import analyse
    from summarise.eval._text import find_unquoted

    # a straight opening mark closed by a curly one: both sides read one quotation
    text = 'Officials said the move was "a reckless gamble.\u201d Critics called it reckless too.'
    a = analyse(text)
    assert a.quotes == quotation_spans(text)
    hits = find_unquoted(text, "reckless")
    assert [text[s:e] for s, e in hits] == ["reckless"] and hits[0][0] > text.index("Critics")


def test_an_open_quotation_at_an_offset() -> None:
    text = "He said \u201cthe plan is dead and it went on"
    assert open_quote_before(text, text.index("dead"))
    assert not open_quote_before(text, text.index("said"))
    later = "\u201cIt is over, the coach began\n\nThe mayor said nothing."
    assert not open_quote_before(later, later.index("nothing"))  # a paragraph later, it is closed
