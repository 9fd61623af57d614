"""The v5 faithfulness features (issue 14): relations from the dependency parse, token alignment
with MiniLM token vectors, bigram precision against the best-aligned article sentences."""

from __future__ import annotations

import numpy as np

from summarise._embed import embed, embed_tokens
from summarise.eval import _faith_features as ff
from summarise.eval._text import spacy_nlp

DOC = ("The police arrested Ann Smith in Halden on Monday. Smith said the council did not approve the budget. "
       "\"We will appeal,\" her lawyer John Brown told reporters. The mayor praised the officers. "
       "The weather in the valley stayed cold and wet for most of the week.")


def _feat(sentences: list[str]) -> dict[str, np.ndarray]:
    return dict(zip(ff.FEATURES, ff.sentence_features(document=DOC, sentences=sentences).T))


def _triples(text: str) -> list[tuple[list[str], str, list[str], bool, str]]:
    return [(sorted(r.subj), r.verb, sorted(r.obj), r.negated, r.modal) for r in ff.relations(list(spacy_nlp()(text)))]


def test_relations_turn_the_passive_round_and_drop_pronouns() -> None:
    assert _triples("Ann Smith was arrested by the police.") == [(["police"], "arrest", ["ann", "smith"], False, "")]
    assert _triples("The council could not approve the budget.") == [(["council"], "approve", ["budget"], True, "could")]
    assert _triples("She praised him.") == []  # nothing to check: both arguments are pronouns


def test_swapped_roles_and_another_subject_are_caught() -> None:
    right, swapped, other = "The police arrested Ann Smith.", "Ann Smith arrested the police.", "The governor praised the officers."
    f = _feat([right, swapped, other])
    assert f["rel_supported"].tolist() == [1.0, 0.0, 0.0]
    assert f["rel_swapped"].tolist() == [0.0, 1.0, 0.0]
    assert f["rel_other_subject"].tolist() == [0.0, 0.0, 1.0]


def test_who_said_it_negation_and_modality() -> None:
    f = _feat(["Smith said the council approved the budget.", "John Brown said the council did not approve the budget.",
               "Mary Jones said the council did not approve the budget.", "The council might approve the budget."])
    assert f["speaker_unsupported"].tolist() == [0.0, 0.0, 1.0, 0.0]  # Brown speaks in the article (an apposition)
    assert f["rel_negation_mismatch"][0] > 0.0 and f["rel_negation_mismatch"][1] == 0.0
    assert f["rel_modality_mismatch"][3] == 1.0 and f["rel_modality_mismatch"][1] == 0.0


def test_token_alignment_marks_the_word_the_article_lacks() -> None:
    f = _feat(["The police arrested Ann Smith in Halden.", "The police arrested Ann Smith in Tokyo with a helicopter."])
    assert f["tok_min_content"][0] > f["tok_min_content"][1]
    assert f["tok_precision"][0] > f["tok_precision"][1]
    assert 0.0 < f["tok_precision"][1] <= 1.0 + 1e-6


def test_local_bigrams_only_count_the_best_aligned_sentences() -> None:
    # every bigram is in the article, but half of them in a sentence about something else
    stitched = "The mayor praised the officers for most of the week in the valley."
    f = _feat(["The mayor praised the officers.", stitched])
    assert f["local_bigram_precision"][0] == 1.0
    assert f["local_bigram_precision"][1] <= f["bigram_precision"][1]


def test_token_vectors_come_from_the_same_pass_as_the_sentence_vectors() -> None:
    texts = ["The police arrested Ann Smith.", "Stocks fell."]
    pooled, vecs, pieces = embed_tokens(texts)
    assert np.allclose(pooled, embed(texts), atol=1e-6)
    assert [len(p) for p in pieces] == [v.shape[0] for v in vecs] and "[CLS]" not in pieces[0]
    assert np.allclose(np.linalg.norm(vecs[0], axis=1), 1.0, atol=1e-5)


def test_the_v4_row_is_the_same_selection_without_the_v5_candidates(tmp_path, monkeypatch) -> None:
    import json

    from summarise.eval.validity import summac

    rng = np.random.default_rng(5)
    monkeypatch.setattr(summac, "cached_features", lambda pairs, cache, log: [
        {"sentences": ["s"], "features": rng.normal(size=(1, len(ff.FEATURES))).tolist(), "rouge2_f1": [rng.random()],
         "rouge2_precision": [rng.random()], "embedding_cosine": [rng.random()]} for _ in pairs])
    names = ["summeval", "xsumfaith", "factcc", "polytope"]
    for n, name in enumerate(names):
        (tmp_path / f"{name}.json").write_text(json.dumps(
            {f"{name}-{i}": {"document": f"d {i}", "claim": f"c {i}", "label": str(i % 2)} for i in range(8 + n)}))
    family = [{"name": "old", "features": "all", "l2": 1.0}, {"name": "new", "features": "all5", "l2": 10.0},
              {"single": "v5"}]
    res = summac.run({"sets": names, "aggregate_variants": [], "candidates": family},
                     data=tmp_path, cache=tmp_path / "cache", log=lambda s: None)
    rows = res["lodo"]["min"]
    assert {"nested", "nested_v4", "v1"} <= set(rows)
    assert all(rows["nested_v4"][n]["chosen"] == "old" for n in names)  # the only candidate declared up to v4
    assert set(rows["nested"]["summeval"]["inner_auc"]) == {"old", "new", *(f"single:{f}" for f in ff.FEATURES_V5)}
    assert res["v1_model"]["features"] == list(ff.FEATURES_V4)  # v1 keeps its eleven features
    assert res["model"]["meta"]["v4_candidates"]["features"] == list(ff.FEATURES_V4)
