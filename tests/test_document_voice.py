"""A statement, press release or communiqué printed as issued speaks for the body that issued it:
what it states in its own voice is that body's statement, not the article's fact. The body is
found from the header or the signature only. Invented texts only."""

from __future__ import annotations

import pytest

from summarise import extract_claims, summarise
from summarise._author import document_author

_STATEMENT = (
    "STATEMENT OF THE MINISTRY OF HEALTH OF THE REPUBLIC OF ORVANIA\n\n"
    "On Monday, health inspectors closed three clinics in the Felde district after finding expired vaccines. "
    "Two inspectors were injured in a scuffle with clinic staff. The Ministry estimates that about 4,000 patients received "
    "expired doses. \"We will not tolerate negligence,\" said Health Minister Ilse Varn. "
    "The minister said she had ordered a full audit of every clinic in the district.\n\n"
    "We call on all patients who were vaccinated in Felde since June to contact their doctor.\n\n"
    "Press Service of the Ministry of Health of the Republic of Orvania"
)


@pytest.mark.parametrize("text, author", [
    (_STATEMENT, "Ministry of Health of the Republic of Orvania"),
    ("Press release\n\nThe plant will close in May. Output moves to Lyon.\n\nPress Office, Kestrel Foods", "Kestrel Foods"),
    ("Joint statement by the Foreign Ministers of Aland and Borsk on the river treaty\n\n"
     "The two governments agreed to share the water equally.", "Foreign Ministers of Aland and Borsk"),
    ("Kestrel Foods press release\n\nThe plant will close in May.", "Kestrel Foods"),
])
def test_the_issuing_body_is_found_from_the_header_or_the_signature(text, author):
    assert document_author(text) == author


@pytest.mark.parametrize("text", [
    "Statement from council leader sparks anger over bins\n\nResidents said the plan was unfair.",
    "Council backs new budget\n\nThe council voted 5-2 on Tuesday.",
    "PRESS RELEASE\n\nThe plant will close in May. Output moves to Lyon.",  # no one signs it
    "The ministry issued a statement on Monday.\n\nIt said cases fell.",
    "The council voted on Tuesday.\n\nThe press office of the council said the vote was close.",
])
def test_a_report_about_a_statement_or_an_unsigned_release_has_no_author(text):
    assert document_author(text) is None


def test_a_statements_own_voice_is_the_issuing_bodys_statement():
    claims = extract_claims(_STATEMENT, model=None)
    body = "Ministry of Health of the Republic of Orvania"
    assert claims
    assert all(c.source != "the article" for c in claims), [(c.source, c.text) for c in claims]
    injured = next(c for c in claims if "scuffle" in c.text)
    assert injured.source == body and injured.kind == "statement"
    assert injured.text.startswith("According to the Ministry of Health of the Republic of Orvania, two inspectors")
    # "the Ministry" and the document's "we" are the body; a named official stays themself
    assert next(c for c in claims if "4,000" in c.text).source == body
    assert next(c for c in claims if "negligence" in c.text).source.startswith("Ilse Varn")


def test_the_summary_names_the_issuing_body_once_in_full():
    s = summarise(_STATEMENT, model=None)
    assert any("statement issued by the Ministry of Health" in w for w in s.warnings)
    assert s.text.count("Ministry of Health of the Republic of Orvania") == 1, s.text


def test_a_newspaper_report_keeps_its_own_voice():
    text = ("Clinics closed over expired vaccines\n\n"
            "Health inspectors closed three clinics in the Felde district on Monday. "
            "The health ministry said about 4,000 patients received expired doses.")
    claims = extract_claims(text, model=None)
    assert any(c.source == "the article" and "closed three clinics" in c.text for c in claims)


def test_an_office_written_before_a_rank_and_a_name_is_the_persons_role():
    text = ("\"The border is calm,\" said Minister of Energy General Anton Brask. "
            "The minister said he had sent more patrols to the east.")
    claims = extract_claims(text, model=None)
    assert claims
    assert all(c.source == "Anton Brask, Minister of Energy" for c in claims), [(c.source, c.text) for c in claims]
    # a rank that is part of the office stays: "Attorney General"
    lynch = extract_claims("Attorney General Ana Ruiz said the case was closed.", model=None)
    assert [c.source for c in lynch] == ["Ana Ruiz, Attorney General"]
