"""Attribution patterns of real news that must not come out in the article's own voice, each on
an invented text (general patterns, not any corpus article)."""

from __future__ import annotations

import pytest

from summarise import extract_claims


def _claims(text: str) -> list[tuple[str, str, str]]:
    claims = extract_claims(text, model=None)
    assert claims, f"no claim found in {text!r}"
    return [(c.kind, c.source, c.text) for c in claims]


def _by_text(text: str, fragment: str) -> tuple[str, str, str]:
    found = [c for c in _claims(text) if fragment in c[2]]
    assert found, f"no claim holds {fragment!r}: {_claims(text)}"
    return found[0]


def test_active_it_is_the_body_that_spoke_last_not_unnamed_sources() -> None:
    text = "Northwind Freight reported a loss on Tuesday. It added that the depot in Leeds would close by March."
    kind, source, _ = _by_text(text, "depot in Leeds")
    assert source == "Northwind Freight"
    assert kind == "statement"


def test_impersonal_passive_it_stays_unnamed() -> None:
    kind, source, _ = _by_text("It was alleged that the contract had been awarded without a tender.", "tender")
    assert source == "unnamed accusers"
    assert kind == "allegation"


def test_a_person_backing_something_is_their_stance_a_thing_supporting_is_not() -> None:
    text = "Senator Maria Ortiz backs the new housing bill. The bill supports first-time buyers with grants."
    kind, source, _ = _by_text(text, "backs the new housing bill")
    assert "Maria Ortiz" in source and kind == "opinion"
    kind, source, _ = _by_text(text, "first-time buyers")
    assert source == "the article"


@pytest.mark.parametrize("text, fragment, source", [
    ("A survey by the county health office showed that waiting times rose by 20 percent last year.",
     "waiting times", "survey"),
    ("Records obtained by the newspaper show that the firm paid no tax in 2019.", "paid no tax", "Records"),
    ("A new analysis of police data found that arrests fell sharply after the change.", "arrests fell", "analysis"),
])
def test_documents_and_data_are_sources(text: str, fragment: str, source: str) -> None:
    kind, src, _ = _by_text(text, fragment)
    assert source.lower() in src.lower()
    assert kind in ("statement", "estimate")


def test_valuations_and_estimates_with_an_object_are_the_sources_estimates() -> None:
    text = ("Lawyers for the tenants estimate damages at $4 million. "
            "The landlord, in court filings, has put its liability at $1 million.")
    kind, source, _ = _by_text(text, "$4 million")
    assert (kind, source) == ("estimate", "Lawyers for the tenants")
    kind, source, _ = _by_text(text, "$1 million")
    assert kind == "estimate" and "landlord" in source.lower()


@pytest.mark.parametrize("text, fragment", [
    ("Many farmers want the subsidy to continue.", "subsidy"),
    ("Analysts expected prices to fall in the spring.", "prices to fall"),
    ("Local shopkeepers fear that the road closure will drive customers away.", "road closure"),
])
def test_reported_thoughts_and_intentions_are_the_holders(text: str, fragment: str) -> None:
    kind, source, _ = _by_text(text, fragment)
    assert source != "the article"
    assert kind != "fact"


def test_doubled_apostrophes_are_quotation_marks_and_a_quote_runs_on_after_its_cue() -> None:
    text = ("''Some courses are adapting, others are not,'' said Paul Grant, a lawyer in Leeds. "
            "''It costs a lot to run a course. You need fees to cover that.''")
    claims = _claims(text)
    for fragment in ("Some courses", "It costs a lot", "You need fees"):
        kind, source, rendered = next(c for c in claims if fragment in c[2])
        assert source.startswith("Paul Grant")
        assert "''" not in rendered


def test_a_parenthetical_said_attributes_the_clause_around_it() -> None:
    text = "Ann Lee runs the club. Many of the closures, she said, have involved public courses."
    kind, source, _ = _by_text(text, "closures")
    assert source.startswith("Ann Lee")


def test_a_parenthetical_said_keeps_the_clauses_coordinated_after_it() -> None:
    text = ("Omar Haddad drives for a delivery app. His pay, he said, has fallen by a third since the spring, "
            "and he now works far longer hours to earn the same.")
    kind, source, rendered = _by_text(text, "fallen by a third")
    assert source == "Omar Haddad"
    assert "longer hours" in rendered


def test_what_is_said_keeps_its_coordinated_clauses() -> None:
    text = ("The steel plant is hanging on, but it is under intense pressure from imports, said Tom Reed, "
            "a union official.")
    kind, source, rendered = _by_text(text, "steel plant")
    assert source.startswith("Tom Reed") and "intense pressure" in rendered


def test_a_closing_quotation_mark_is_not_part_of_the_source() -> None:
    text = ('"The inspectors are under a lot of pressure," a council source, who was not authorised to speak '
            'publicly, told the newspaper.')
    kind, source, _ = _by_text(text, "inspectors")
    assert source == "a council source"
