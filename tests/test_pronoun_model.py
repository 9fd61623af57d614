"""The model as a judge of who a "he"/"she" who speaks is, where the rules cannot tell: named in
the source field only, the claim's text keeps the pronoun (invented texts, a scripted scorer)."""

from __future__ import annotations

from summarise import summarise
from summarise.backends.base import TokenLogprobs
from summarise.backends.fake import FakeBackend

FEMALE = {"Aino", "Freya", "Maria"}
MALE = {"Tuomas", "Liam", "Oskar"}


class Judge(FakeBackend):
    """A scorer that knows a few first names, and prefers a continuation after a chosen name."""

    def __init__(self, prefer: str = "") -> None:
        super().__init__(lambda messages: "")
        self.prefer, self.requests = prefer, []
        self.names = ("Aino Berg", "Tuomas Reyes", "Freya Keane", "Maria Lopez", "Tuomas Berg")

    def logprobs(self, requests):
        self.requests += list(requests)
        out = []
        for context, continuation in requests:
            if context.startswith("Name: "):
                first = context[len("Name: "):].split(".")[0]
                female = first in FEMALE if continuation == " female" else first in MALE
                score = 0.0 if female else -3.0
            else:  # a candidate's name, then the rest of the sentence after it (only the rest is compared)
                name = next((n for n in self.names if continuation.startswith(n)), "")
                score = 0.0 if self.prefer and name == self.prefer else -2.0
                out.append(TokenLogprobs((name, continuation[len(name):]), (-5.0, score), (0, len(name))))
                continue
            out.append(TokenLogprobs((continuation,), (score,), (0,)))
        return out


def _claim(s, fragment):
    found = [c for c in s.claims if fragment in c.text]
    assert found, [c.text for c in s.claims]
    return found[0]


def test_the_model_names_the_one_person_a_she_can_be_and_the_text_keeps_the_pronoun():
    text = "Aino Berg, the harbour master, met Tuomas Reyes on Monday. She said the pier would open in May."
    judge = Judge()
    s = summarise(text, model=judge)
    c = _claim(s, "pier")
    assert c.source.startswith("Aino Berg") and c.text.startswith("She said")
    assert "source named by the model" in s.provenance.model_use[c.id] and s.provenance.tokens["scored"] > 0
    assert s.provenance.model_calls == 0  # judging, not writing
    none = summarise(text, model=None)
    assert _claim(none, "pier").source == "She"  # the rules alone cannot tell


def test_two_people_the_pronoun_fits_are_told_apart_only_by_a_clear_margin():
    text = "Freya Keane met Maria Lopez on Monday. She said the pier would open in May."
    assert _claim(summarise(text, model=Judge()), "pier").source == "She"  # a tie: left as written
    s = summarise(text, model=Judge(prefer="Maria Lopez"))
    assert _claim(s, "pier").source == "Maria Lopez"


def test_the_margin_option_leaves_pronouns_to_the_rules():
    text = "Aino Berg met Tuomas Reyes on Monday. He said the pier would open in May."
    assert _claim(summarise(text, model=Judge()), "pier").source == "Tuomas Reyes"
    off = summarise(text, model=Judge(), generation={"pronoun_margin": 1000})
    assert _claim(off, "pier").source == "He"


def test_an_honorific_kept_in_the_name_gives_the_gender():
    from summarise._analysis import analyse
    from summarise._persons import mention_gender, named_people

    a = analyse("Ms Kim Adler met Tuomas Reyes on Monday.")
    assert {m.name: mention_gender(a, m) for _, _, m in named_people(a)}.get("Ms Kim Adler") == "f"


def test_a_body_the_tagger_took_for_a_person_is_not_a_he():
    text = "Researchers at Brightfield Labs found the flaw. Tuomas Berg, who led the work, spoke on Monday. He said it was fixed."
    s = summarise(text, model=Judge())
    assert "Brightfield" not in _claim(s, "fixed").source


def test_the_judging_is_reported_to_a_progress_callback_that_takes_a_stage_and_changes_nothing():
    text = ("Freya Keane met Maria Lopez on Monday. She said the pier would open in May. "
            "Aino Berg met Oskar Lund later. She said the ferry would run again.")
    plain, seen = [], []
    quiet = summarise(text, model=Judge(prefer="Maria Lopez"))
    judge = Judge(prefer="Maria Lopez")
    s = summarise(text, model=judge, progress=lambda done, total, stage="wording": seen.append((done, total, stage)))
    summarise(text, model=Judge(prefer="Maria Lopez"), progress=lambda done, total: plain.append((done, total)))
    assert s.to_dict()["claims"] == quiet.to_dict()["claims"] and _claim(s, "pier").source == "Maria Lopez"
    assert plain == []  # a two-argument callback hears of wording calls only, as before (none by default)
    assert {stage for *_, stage in seen} == {"judging"}
    assert seen[-1][0] == seen[-1][1] == len(judge.requests)  # every scoring request answered, of all asked
    assert all(a[0] <= b[0] and a[1] <= b[1] and a[0] <= a[1] for a, b in zip(seen, seen[1:]))
    assert len(seen) > 4  # a report before each batch and after each of its contexts


def test_a_person_the_quotation_names_is_not_a_candidate_for_its_speaker():
    text = ("Freya Keane met Maria Lopez on Monday.\n\n\u201cEverybody is laughing at Maria Lopez. A sad figure!\u201d "
            "she said.")
    s = summarise(text, model=Judge(prefer="Maria Lopez"))
    c = _claim(s, "sad figure")
    assert "Lopez" not in c.source, c.source
