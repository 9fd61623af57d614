"""The kind of a claim (fact, statement, allegation, estimate, denial, opinion) on invented
sentences: what the cue and the content of a report make it, and the article's own sentences."""

from __future__ import annotations

import pytest

from summarise import extract_claims
from summarise._kinds import cue_kind, cue_kind_of_text
from summarise._nlp import lexicons, nlp


def kind_of(text, word):
    claims = extract_claims(text, model=None)
    hits = [c for c in claims if word in c.text]
    assert hits, f"no claim mentions {word!r}: {[(c.kind, c.text) for c in claims]}"
    return hits[0]


@pytest.mark.parametrize("text, word, kind", [
    # a judgement in the source's words, quoted or reported, is their opinion
    ('"The new timetable is a recipe for disaster," the union leader told reporters.', "timetable", "opinion"),
    ("A consumer advocate said the comparison with last year's prices was misleading.", "comparison", "opinion"),
    ('Another banker said the merger was "a sensible use of spare cash" and kept her rating.', "merger", "opinion"),
    ("The mayor said the 2031 target was too late for the families on the estate.", "target", "opinion"),
    # a charge of doing wrong on purpose or in secret, reported with a plain "said", is an allegation
    ("The tenants' group said the landlord had deliberately delayed the repairs for months.", "repairs", "allegation"),
    ("A driver said the firm had quietly cut the rate it pays per mile in March.", "rate", "allegation"),
    # and a charge that the speaker negates is a denial
    ('The cyclist said she had "never knowingly taken any banned substance".', "substance", "denial"),
    # the reasons given with a denial are the denial's
    ("The mayor denied the report, saying the contract had been awarded in an open tender.", "tender", "denial"),
    # a characterisation of someone (not of a claim) is a judgement, or a charge
    ("The minister dismissed the strikers as a small group of troublemakers.", "strikers", "opinion"),
    ('The minister dismissed the marchers as "a crowd manipulated by foreign donors".', "marchers", "allegation"),
    ("The agency dismissed the report as baseless.", "report", "denial"),
    ("The ministry said the report was false.", "report", "denial"),
    # a word inside another word is no denial: "families" holds no "lie", "in charge" no charge
    ("The pastor said the families had been forgotten by the people in charge of the scheme.", "families", "statement"),
    # blaming a circumstance judges it; blaming someone accuses them
    ("The chief executive blamed the loss on a weak housing market.", "loss", "opinion"),
    ("The chief executive blamed the regulator for the loss.", "regulator", "allegation"),
])
def test_reported_kinds(text, word, kind):
    c = kind_of(text, word)
    assert c.kind == kind, (c.kind, c.source, c.text)
    assert c.source != "the article"


@pytest.mark.parametrize("text, word, kind", [
    # "could" of ability or of a possible cause is no estimate ...
    ("The inspector said the report could not establish what caused the fire.", "fire", "statement"),
    ("The trainer suggested the injury could have been caused by an old boot.", "boot", "estimate"),  # "suggest" hedges
    # ... but a figure that could come about is
    ("The senator said the new mine could put thousands of people to work.", "mine", "estimate"),
    # "as much as" hedges only a figure (and this whole quotation is a view)
    ('"The rule protects tenants as much as it protects landlords," she said.', "tenants", "opinion"),
    ("Officials said repairs could cost as much as 40 million dollars.", "repairs", "estimate"),
    # a comparison of risks is no hedge
    ("The researchers found that regular walkers were 20 percent less likely to fall.", "walkers", "statement"),
    # a lower bound, or a figure someone puts at a value, is their estimate
    ('The union spokesman said the lost pay was "at least 3 million pounds".', "lost pay", "estimate"),
    # a warning of what could happen is a prediction
    ("Port operators warned that the delays could last for weeks.", "delays", "estimate"),
    # a refusal to act is no denial (an action the article reports), nor is what is said beside it
    ("The council has refused to close the library despite the petition.", "library", "fact"),
    ("The spokesman refused to name a favourite, adding that the government would work with either.", "either", "statement"),
])
def test_hedges_and_figures(text, word, kind):
    c = kind_of(text, word)
    assert c.kind == kind, (c.kind, c.source, c.text)


@pytest.mark.parametrize("text, word, kind", [
    ("This is what happens when greedy landlords treat tenants like numbers on a spreadsheet.", "landlords", "opinion"),
    ("It is yet another example of a ministry that has stopped listening to teachers.", "ministry", "opinion"),
    ("The blast is the latest in a series of provocations orchestrated by the rebels' foreign backers.", "provocations", "allegation"),
    # a court's outcome is a fact, though it names the wrongdoing
    ("The jury acquitted the former mayor on a separate charge of money laundering.", "laundering", "fact"),
    ("The bridge was closed for repairs on Monday after engineers found cracks in two supports.", "bridge", "fact"),
    # an idiom and the name of a topic are no charge
    ("By the time the governor entered the race, the senator had stolen his thunder with a new plan.", "thunder", "fact"),
])
def test_the_articles_own_kinds(text, word, kind):
    c = kind_of(text, word)
    assert c.source == "the article" and c.kind == kind, (c.kind, c.source, c.text)


def test_names_and_headlines():
    # a capitalised word of a name does not judge; a headline's capitals and shouted words do
    assert kind_of("The senator says the obvious test was her response to the Great Depression.", "Depression").kind == "statement"
    assert kind_of("Mayor Says He Is Unlikely To Have A Good Relationship With The Governor.", "Relationship").kind == "opinion"


def test_hedge_words_need_what_they_hedge():
    hedge = lexicons().hedge_pattern()
    assert not hedge.search("where nearly every company in this field has stumbled")
    assert not hedge.search("this law protects journalists as much as it protects the public")
    assert not hedge.search("they were 31 percent less likely to be diagnosed")
    assert not hedge.search("the study could not show cause and effect")
    assert hedge.search("fell by nearly 5 percent")
    assert hedge.search("as many as 400 people")
    assert hedge.search("the dispute is likely to end up in court")
    assert hedge.search("the program will most likely be dropped")
    assert hedge.search("it is unclear whether the fund could pay")


def test_a_topic_or_an_idiom_is_no_charge():
    acc = lexicons().accusation_pattern()
    assert not acc.search("a speech on illegal immigration")
    assert not acc.search("she stole the show at the convention")
    assert not acc.search("the rising number of illegal border crossings")
    assert not acc.search("in response to a spike in harassment of officials")
    assert acc.search("officials stole 2 million dollars from the fund")


def test_a_figure_someone_puts_at_a_value_is_their_estimate():
    assert cue_kind_of_text("4,000 members joined the strike, a turnout it put at 80 percent") == "estimate"
    assert cue_kind_of_text("the hours spent waiting, which she estimated at a third of every shift") == "estimate"
    assert cue_kind_of_text("the plan put it at risk of collapse") == "statement"


def test_naming_is_not_judging():
    doc = nlp("The start-up unveiled what it calls the Quill engine, and a rival called the engine a gimmick.")
    names, judges = [t for t in doc if t.lower_ in ("calls", "called")]
    assert cue_kind(names, "the Quill engine") == "statement"
    assert cue_kind(judges, "the engine a gimmick") == "opinion"


@pytest.mark.parametrize("text, word, kind", [
    # news quotes a source's words for a view, and paraphrases facts: a whole quotation with no
    # figure, plan or action of the speaker's is their opinion ...
    ('"The families on this street were simply forgotten by the people in charge," the pastor said.', "forgotten", "opinion"),
    ('The chairman was furious. "They tried to sell us a broken product," Mr Lee told reporters.', "broken", "opinion"),
    # ... not one that reports a plan, an action of theirs or a figure
    ('"We will publish the full accounts next week," the treasurer said.', "accounts", "statement"),
    ("\u201cWe\u2019re announcing a new policy for advertisers today,\u201d the company said.", "advertisers", "statement"),
    ('"Turnout reached 64 percent in the northern districts," the commission said.', "Turnout", "statement"),
    ('"Pepper spray was used once, against a group attacking the line," the inspector said.', "Pepper", "statement"),
    ('"They said the deadline was negotiable," the senator said.', "deadline", "statement"),
    # ... nor a document's words
    ('"Spending on roads fell sharply after the change of government," the audit report said.', "roads", "statement"),
])
def test_whole_quotations(text, word, kind):
    c = kind_of(text, word)
    assert c.kind == kind and c.source != "the article", (c.kind, c.source, c.text)


@pytest.mark.parametrize("text, word, kind", [
    # a demand that someone act is a statement, not a judgement ("called on Tuesday" is a date)
    ("Greens leader Mia Sandvik called on the harbour commissioner to resign.", "resign", "statement"),
    ("The farmers' union called on the regional government to release the reserve funds.", "funds", "statement"),
    # an action the source commits to: a word of falsity in it is no denial of theirs
    ("Councillor Ruth Abara vowed to keep repeating the mayor's false claims about the tender.", "tender", "statement"),
    ("Councillor Ruth Abara said the claims about the tender were false.", "tender", "denial"),
    # the name of a proceeding ("a bribery trial") charges no one
    ("Prosecutors described the case as the biggest bribery trial the region had seen.", "trial", "statement"),
    ("The auditor said the fraud inquiry would report in the spring.", "inquiry", "statement"),
    ("The auditor said the director had taken bribes from two contractors.", "contractors", "allegation"),
    # a judgement in the source's quoted words is their opinion, figures or not
    ('Councillor Tessa Moor said the 25 percent quota was "completely meaningless" since rents would stay at 85 percent of market level.',
     "quota", "opinion"),
    # a quotation about what the evidence shows reports it
    ('Dorian Vail, who heads the paint makers\' association, said: "There is no evidence at all that the coating harms children."',
     "coating", "statement"),
    # a hedged time of day is when something happened, not an estimate
    ("According to the coastguard, at approximately 04:20 a fishing boat with six crew sank off the cape.", "boat", "statement"),
])
def test_demands_actions_proceedings_and_quoted_judgements(text, word, kind):
    c = kind_of(text, word)
    assert c.kind == kind and c.source != "the article", (c.kind, c.source, c.text)


def test_a_time_of_day_is_no_hedge_and_a_proceeding_no_charge():
    hedge = lexicons().hedge_pattern()
    assert not hedge.search("at approximately 02:40 the convoy crossed")
    assert not hedge.search("shortly after nearly 7 p.m. on Friday")
    assert hedge.search("approximately 240 people crossed")
    acc = lexicons().accusation_pattern()
    assert not acc.search("the largest corruption trial in the country's history")
    assert not acc.search("he faces fraud charges in two states")
    assert acc.search("the officials took part in the fraud")


def test_a_judgement_quoted_from_someone_else_is_not_the_sources():
    text = ("Traffic engineers estimated the estate would add around 900 car trips a day to Kiln Road, "
            'which Mr Adeyemi described as "already a death trap for cyclists".')
    assert kind_of(text, "trips").kind == "estimate"


def test_a_comparison_with_expectations_and_showing_up_are_no_hedges():
    hedge = lexicons().hedge_pattern()
    assert not hedge.search("the repairs took longer than she expected")
    assert not hedge.search("exports fell more than forecast in May")
    assert not hedge.search("as predicted, the river crested on Friday")
    assert not hedge.search("the two men appeared in court on Monday")
    assert hedge.search("exports are forecast to fall in May")
    assert hedge.search("the ferry appears to have drifted")
    assert kind_of("The farmer told reporters that rebuilding the barn had cost more than he expected.", "barn").kind == "statement"
    # (and an institution's account of its practice is no view)
    assert kind_of('The broadcaster said: "We do not pay guests to appear on the show."', "guests").kind == "statement"
    assert kind_of('The broadcaster said: "We don\'t think the market has room for another quiz channel."', "quiz").kind == "opinion"


def test_a_negation_inside_a_condition_denies_nothing() -> None:
    from summarise import extract_claims
    text = ("Prosecutors alleged that the mayor took bribes from the contractor. Former agents said the bureau would be "
            "furious if a prosecution of the mayor is not pursued.\n\nThe mayor said he had not taken bribes from the contractor.")
    kinds = {c.source: c.kind for c in extract_claims(text, model=None)}
    assert kinds.get("Former agents") == "statement"
    assert kinds.get("The mayor") == "denial"


def test_a_poll_reports_and_accuses_no_one():
    from summarise import extract_claims

    claims = extract_claims("A Harbour Research poll shows that rural voters have abandoned the Liberal party.", model=None)
    assert [c.kind for c in claims] == ["statement"], [(c.kind, c.text) for c in claims]
