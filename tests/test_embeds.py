"""A post embedded in an article (a tweet printed in the text, with its signature or an archive's
markup) is its author's words, never the article's, and its markup is no claim. Invented texts."""

from __future__ import annotations

from summarise import extract_claims, summarise
from summarise._embeds import find_embeds

SIGNED = ("The mayor defended the plan on Monday.\n\n"
          "Critics were quick to respond online.\n\n"
          "This is a reckless plan that will cost the city millions. https://t.co/ab12cd \u2014 Jo Hale (@johale) "
          "August 2, 2016\n\n"
          "The council will vote on Friday.")

TAGGED = ("The mayor defended the plan on Monday.\n\n"
          '<tweet id="1" author="@harbourwatch" datetime="2016-08-02">Harbour depot closed after a fire this '
          "morning, all staff safe</tweet>\n\n"
          "The council will vote on Friday.")


def test_a_signed_post_is_its_authors_words_quoted():
    claims = extract_claims(SIGNED, model=None)
    post = next(c for c in claims if "reckless plan" in c.text)
    assert post.source == "Jo Hale" and post.kind != "fact"
    assert post.text.startswith("Jo Hale posted: \u201cThis is a reckless plan"), post.text
    assert "t.co" not in post.text and "@johale" not in post.text


def test_an_archives_post_markup_is_no_claim_and_the_handle_speaks():
    claims = extract_claims(TAGGED, model=None)
    assert not any("<" in c.text or "tweet" in c.text for c in claims), [c.text for c in claims]
    post = next(c for c in claims if "depot closed" in c.text)
    assert post.source == "@harbourwatch" and post.kind == "statement"
    assert summarise(TAGGED, model=None).text.count("<") == 0


def test_a_byline_with_a_handle_but_no_date_is_no_post():
    assert find_embeds("The council will vote on Friday.\n\n\u2014 Jo Hale (@johale)") == []
