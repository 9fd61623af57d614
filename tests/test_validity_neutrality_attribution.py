"""Validity studies of the loaded-term detector (BABE) and the attribution analysis (BASIL):
the arithmetic, the word and speaker matching rules, the BASIL offset mapping, and quick runs on
hand-made data and on small subsamples of the real data sets (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.eval.validity import _babe_data, _basil_data, babe, basil

DATASETS = Path(__file__).parents[1] / ".." / "shared" / "datasets"
BABE = DATASETS / "babe"
BASIL = DATASETS / "basil"
LEXICONS = DATASETS / "lexicons"
needs_babe = pytest.mark.skipif(not (BABE / "final_labels_SG2.csv").is_file() or not LEXICONS.is_dir(),
                                reason=f"BABE data or lexicons absent at {BABE.resolve()} / {LEXICONS.resolve()} "
                                       "(public data is read from ../shared/datasets, never shipped)")
needs_basil = pytest.mark.skipif(not (BASIL / "annotations").is_dir(),
                                 reason=f"BASIL data absent at {BASIL.resolve()} (read from ../shared/datasets, never shipped)")


def _log(_line: str) -> None:
    pass


# --------------------------------------------------------------------------- arithmetic

def test_prf_hand_made() -> None:
    r = _babe_data.prf(6, 2, 4)  # P = 6/8, R = 6/10, F1 = 2PR/(P+R) = 0.6667
    assert (r["precision"], r["recall"], r["f1"]) == (0.75, 0.6, 0.6667)
    assert _babe_data.prf(0, 0, 0) == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert _babe_data.prf(3, 0, 0)["f1"] == 1.0


def test_sentence_counts_and_macro_f1() -> None:
    pred = [True, True, False, False, True]
    gold = [True, False, True, False, True]
    s = _babe_data.sentence_counts(pred, gold)
    assert (s["tp"], s["fp"], s["fn"], s["tn"]) == (2, 1, 1, 1)
    assert s["precision"] == round(2 / 3, 4) and s["recall"] == round(2 / 3, 4)
    assert s["accuracy"] == 0.6
    # negative class: P = 1/2, R = 1/2, F1 = 0.5; macro = (0.6667 + 0.5) / 2
    assert s["macro_f1"] == round((0.6667 + 0.5) / 2, 4)
    allb = _babe_data.sentence_counts([True] * 4, [True, False, False, True])
    assert allb["recall"] == 1.0 and allb["precision"] == 0.5 and allb["macro_f1"] == round(0.6667 / 2, 4)


# --------------------------------------------------------------------------- word rule

def test_word_matching_rule() -> None:
    # lower-cased surface tokens; phrases split; hyphenated words whole; curly apostrophes straight
    assert _babe_data.word_tokens(["Radical Left", "far-left", "Trump’s"]) == {"radical", "left", "far-left", "trump's"}
    # no lemmatisation: an inflected form is another word
    assert _babe_data.word_counts(["slams"], ["slammed"]) == (0, 1, 1)
    # a phrase counts as its tokens; repeated words count once per sentence
    assert _babe_data.word_counts(["show of strength", "slammed"], ["slammed", "slammed", "strength"]) == (2, 2, 0)
    assert _babe_data.word_counts(["show of strength"], ["strength"], content_only=True) == (1, 1, 0)
    assert _babe_data.word_counts([], []) == (0, 0, 0)


def test_lexicon_loaders(tmp_path: Path) -> None:
    (tmp_path / "lex.txt").write_text("# comment\nAbuse\n\nradical\n", encoding="utf-8")
    assert _babe_data.load_lexicon(tmp_path / "lex.txt") == {"abuse", "radical"}
    (tmp_path / "m.tff").write_text(
        "type=strongsubj len=1 word1=abhor pos1=verb stemmed1=y priorpolarity=negative\n"
        "type=strongsubj len=1 word1=absurd pos1=adj stemmed1=n priorpolarity=negative\n"
        "type=weaksubj len=1 word1=able pos1=adj stemmed1=n priorpolarity=positive\n", encoding="utf-8")
    words, stemmed = _babe_data.load_mpqa(tmp_path / "m.tff")
    assert words == {"abhor", "absurd"} and stemmed == {"abhor"}


def test_babe_run_on_hand_made_file(tmp_path: Path) -> None:
    data = tmp_path / "babe"
    data.mkdir()
    rows = [
        ("The senator slammed the radical plan.", "Biased", "['slammed', 'radical']"),
        ("The council met on Tuesday to discuss the budget.", "Non-biased", "[]"),
        ("Officials described a disastrous week.", "Biased", "['disastrous']"),
        ("Ambiguous line.", "No agreement", "[]"),
    ]
    lines = ["text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words"]
    lines += [f"{t};http://x;Outlet;topic;center;{lab};Entirely factual;{w}" for t, lab, w in rows]
    (data / "final_labels_SG2.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "rec.txt").write_text("plan\nradical\n", encoding="utf-8")
    (tmp_path / "mpqa.tff").write_text("type=strongsubj len=1 word1=slam pos1=verb stemmed1=y priorpolarity=negative\n",
                                       encoding="utf-8")
    cfg = {"files": [{"name": "SG2", "file": "final_labels_SG2.csv"}], "primary": "SG2",
           "resolved_paths": {"recasens_lexicon": str(tmp_path / "rec.txt"), "mpqa_lexicon": str(tmp_path / "mpqa.tff")},
           "baselines": {"recasens": {"path_key": "recasens_lexicon"}, "mpqa": {"path_key": "mpqa_lexicon"}},
           "bootstrap_resamples": 20}
    res = babe.run(cfg, data=data, cache=tmp_path / "cache", log=_log)
    f = res["files"]["SG2"]
    assert f["scored"] == 3 and f["left_out"] == {"No agreement": 1} and f["biased"] == 2
    t = f["table"]
    # the library's lexicon lists "slammed", "radical" and "disastrous": every marked word found, nothing else
    assert t["library"]["word"]["tp"] == 3 and t["library"]["word"]["fp"] == 0
    assert t["library"]["sentence"]["precision"] == 1.0 and t["library"]["sentence"]["recall"] == 1.0
    # Recasens stand-in: "radical" right, "plan" wrong; MPQA stand-in finds "slammed" through its lemma
    assert (t["recasens"]["word"]["tp"], t["recasens"]["word"]["fp"]) == (1, 1)
    assert t["mpqa"]["word"]["tp"] == 1
    assert t["all biased"]["sentence"]["recall"] == 1.0
    json.dumps(res)
    assert "| the library's loaded-term detector |" in babe.render(res)
    # cached: a rerun reads the predictions back
    assert any((tmp_path / "cache").iterdir())
    assert babe.run(cfg, data=data, cache=tmp_path / "cache", log=_log)["files"] == res["files"]


# --------------------------------------------------------------------------- speaker rule

def test_speaker_matching_people() -> None:
    m = basil.speaker_matches
    assert m("President Trump", "Donald_Trump", person=True)
    assert m("Trump", "Donald_Trump", person=True)
    assert m("Donald Trump, the Republican nominee", "Donald_Trump", person=True)
    assert m("Mr. Steele", "Michael_Steele", person=True)
    assert m("Felipe Calderón", "Felipe_Calder", person=True)  # a label cut short, an accent
    assert not m("Ivanka Trump", "Donald_Trump", person=True)  # another person of the family
    assert not m("Melania Trump", "Donald_Trump", person=True)
    assert not m("Michael Bloomberg", "Michael_Steele", person=True)
    assert not m(None, "Donald_Trump", person=True)
    assert not m("he", "Donald_Trump", person=True)


def test_speaker_matching_groups() -> None:
    m = basil.speaker_matches
    assert m("the NAACP", "NAACP", person=False)
    assert m("House Democrats", "Democratic_lawmakers", person=False)
    assert m("Democrats", "House_Democrats", person=False)
    assert not m("Republican lawmakers", "Democratic_lawmakers", person=False)
    assert not m("House Republicans", "House_Democrats", person=False)
    # only the name part counts: the role after the comma is not the speaker
    assert not m("Sarah Palin, a vocal tea party supporter", "Tea_Party", person=False)
    assert basil.tokens_agree("catholics", "catholic") and not basil.tokens_agree("trump", "truman")
    assert basil.is_named_speaker("Donald_Trump") and not basil.is_named_speaker("other_anti")
    assert not basil.is_named_speaker("")


# --------------------------------------------------------------------------- BASIL offsets

def _write_basil(root: Path) -> None:
    (root / "annotations" / "2020").mkdir(parents=True)
    (root / "articles" / "2020").mkdir(parents=True)
    article = {"title": "T", "source": "nyt", "uuid": "u1",
               "body-paragraphs": [["Jane Doe spoke on Monday.", "“We will win this fight,” Jane Doe said."],
                                   ["Critics disagreed.", "“It is a farce,” said the opposition leader, Tom Roe."]]}
    phrases = [
        {"quote": "yes", "speaker": "Jane_Doe", "start": 1, "end": 24, "txt": "We will win this fight,"},
        {"quote": "yes", "speaker": "Tom_Roe", "start": 1, "end": 15, "txt": "It is a farce,"},
        {"quote": "yes", "speaker": "other_anti", "start": 0, "end": 7, "txt": "Critics"},
        {"quote": "no", "speaker": "", "start": 0, "end": 8, "txt": "Jane Doe"},
    ]
    (root / "articles" / "2020" / "a_1.json").write_text(json.dumps(article), encoding="utf-8")
    (root / "annotations" / "2020" / "a_1_ann.json").write_text(
        json.dumps({"phrase-level-annotations": phrases}), encoding="utf-8")


def test_basil_offsets_are_sentence_relative(tmp_path: Path) -> None:
    _write_basil(tmp_path)
    art = _basil_data.load_article(tmp_path / "articles" / "2020" / "a_1.json")
    assert art["text"].startswith("Jane Doe spoke on Monday. “We will win")
    assert "said.\n\nCritics" in art["text"]
    ann = json.loads((tmp_path / "annotations" / "2020" / "a_1_ann.json").read_text())["phrase-level-annotations"]
    placed = _basil_data.place_spans(art, ann)
    for p in placed:
        assert art["text"][p["gstart"]:p["gend"]] == p["txt"]
    assert placed[1]["placed"] == "unique" and placed[1]["gstart"] > art["text"].index("Critics")


def test_basil_run_on_hand_made_article(tmp_path: Path) -> None:
    _write_basil(tmp_path / "basil")
    res = basil.run({"failure_examples": 5}, data=tmp_path / "basil", cache=tmp_path / "cache", log=_log)
    assert res["considered"] == 2  # the other_* speaker and the non-quote are left out
    by_speaker = {i["speaker"]: i for i in res["items"]}
    assert by_speaker["Jane_Doe"]["predicted"] == "Jane Doe" and by_speaker["Jane_Doe"]["correct"]
    assert res["overall"]["frames"]["coverage"] >= 0.5
    json.dumps(res)
    assert "| attribution frames (analyse + find_frames) | ours | 2 |" in basil.render(res)


@needs_basil
def test_basil_offsets_on_a_real_file() -> None:
    name = "2b95d2cf-e979-4f9c-ae27-9a5370934f23_1"
    art = _basil_data.load_article(BASIL / "articles" / "2010" / f"{name}.json")
    ann = json.loads((BASIL / "annotations" / "2010" / f"{name}_ann.json").read_text(encoding="utf-8"))
    placed = _basil_data.place_spans(art, ann["phrase-level-annotations"])
    assert placed and all(p["placed"] != "unplaced" for p in placed)
    for p in placed:
        assert art["text"][p["gstart"]:p["gend"]] == p["txt"]
    fierce = next(p for p in placed if p["txt"] == "fierce")
    first_sentence_end = art["sentences"][0][1]
    assert fierce["gstart"] == 81 and fierce["gend"] <= first_sentence_end  # relative to the first sentence
    # the offsets are not paragraph-relative: a span of the third paragraph's 2nd sentence sits past its 1st
    steele = next(p for p in placed if p["txt"] == "who was trying to be cute")
    assert steele["gstart"] > art["text"].index("“It was the president")


@needs_basil
def test_basil_quick_run_on_subsample(tmp_path: Path) -> None:
    res = basil.run({"limit": 12, "failure_examples": 4}, data=BASIL, cache=tmp_path, log=_log)
    assert res["articles"] == 12 and res["considered"] > 0
    o = res["overall"]["frames"]
    assert 0 <= o["precision"] <= 1 and o["correct"] <= o["found"] <= o["n"] == res["considered"]
    assert "#### By outlet" in basil.render(res)


@needs_babe
def test_babe_quick_run_on_subsample(tmp_path: Path) -> None:
    cfg = {"files": [{"name": "SG2", "file": "final_labels_SG2.csv"}], "primary": "SG2", "limit": 80,
           "paths": {"recasens_lexicon": str(LEXICONS / "bias-lexicon.txt"),
                     "mpqa_lexicon": str(LEXICONS / "subjclueslen1-HLTEMNLP05.tff")},
           "bootstrap_resamples": 50,
           "published": [{"system": "paper", "system_short": "their model", "kind": "published", "value": 0.804,
                          "source": "abstract"}]}
    res = babe.run(cfg, data=BABE, cache=tmp_path, log=_log)
    f = res["files"]["SG2"]
    assert f["scored"] == 80
    lib = f["table"]["library"]
    assert lib["word"]["tp"] + lib["word"]["fn"] == f["gold_words"]
    assert f["table"]["all biased"]["sentence"]["recall"] == 1.0
    text = babe.render(res)
    assert "0.804" in text and "#### SG2" in text
