"""Loaded terms against BABE: does the loaded-term detector find the words experts marked as biased?

BABE (Spinde et al., 2021) is news sentences that trained annotators labelled biased or
non-biased, marking the words that carry the bias. The library's detector
(:func:`summarise._loaded.find_loaded`, run as the pipeline runs it, on the library's spaCy parse)
is measured at two levels, each with precision, recall and F1:

* **word level**: the detector's loaded words against the annotated biased words. Both sides are
  lower-cased (curly apostrophes made straight) and split into word tokens
  (``[a-z0-9]+`` joined by inner hyphens or apostrophes, so ``left-wing`` is one token); a
  detected phrase ("a show of strength") counts as its tokens; no lemmatisation (BABE marks
  surface words, the detector reports surface spans). Per sentence the two token *sets* are
  compared; true positives, false positives and false negatives are summed over all sentences
  (micro-average), non-biased sentences included (a loaded word found there is a false positive
  unless the annotators marked it anyway).
* **sentence level**: a sentence is predicted biased iff the detector finds at least one loaded
  term; against ``label_bias``. F1 of the "Biased" class, and the macro F1 over both classes
  (the figure the BABE paper reports).

Rows labelled "No agreement" have no gold label and are left out of both levels (SG2 has one,
SG1 154). Baselines run the same way: the Recasens et al. (2013) bias lexicon and the MPQA
strong-subjective clues as word lookups (a token is flagged when its lower-cased form, or its
lemma, is listed; MPQA's ``stemmed1=n`` entries match the form only; part of speech is ignored),
and the trivial "every sentence biased". Nothing is tuned on BABE: this is measurement only. The
arithmetic and the readers of the data are in :mod:`._babe_data`.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ._babe_data import (bootstrap_f1, file_sha, lexicon_path, load_babe, load_lexicon, load_mpqa, lookup, prf,
                         sentence_counts, word_counts, word_tokens)

__all__ = ["TITLE", "headline", "render", "run"]

TITLE = "Neutrality: loaded terms against BABE"

LIBRARY = "library"
ALL_BIASED = "all biased"


# --------------------------------------------------------------------------- run

def _predict(texts: list[str], detectors: dict[str, Callable[[Any, str], list[str]]], cache_file: Path,
             log: Callable[[str], None]) -> dict[str, dict[str, list[str]]]:
    """Detected terms of every text by every detector, cached by text (resumable)."""
    from ..._nlp import nlp

    cached: dict[str, dict[str, list[str]]] = {}
    if cache_file.is_file():
        with open(cache_file, encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut by an interrupted run
                cached[rec["key"]] = rec["terms"]
    todo = [t for t in dict.fromkeys(texts) if _key(t) not in cached]
    if todo:
        log(f"parsing {len(todo)} sentences ({len(cached)} cached in {cache_file.name})")
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    with open(cache_file, "a", encoding="utf-8") as out:
        for i, text in enumerate(todo, 1):
            doc = nlp(text)
            terms = {name: fn(doc, text) for name, fn in detectors.items()}
            cached[_key(text)] = terms
            out.write(json.dumps({"key": _key(text), "terms": terms}, ensure_ascii=False) + "\n")
            if i % 500 == 0:
                out.flush()
                log(f"  {i}/{len(todo)}")
    return {t: cached[_key(t)] for t in texts}


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def run(config: dict[str, Any], *, data: Path, cache: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """Score the library's detector and the baselines on every configured BABE file."""
    from ..._loaded import find_loaded
    from ..._nlp import pipeline_meta
    from ..runner import library_fingerprint

    data = Path(data)
    base_cfg = config.get("baselines") or {}
    rec_path = lexicon_path(config, base_cfg.get("recasens", {}).get("path_key", "recasens_lexicon"), data)
    mpqa_cfg = base_cfg.get("mpqa", {})
    mpqa_path = lexicon_path(config, mpqa_cfg.get("path_key", "mpqa_lexicon"), data)
    recasens = load_lexicon(rec_path)
    mpqa_words, mpqa_stemmed = load_mpqa(mpqa_path, str(mpqa_cfg.get("type", "strongsubj")))
    names = {"recasens": str(base_cfg.get("recasens", {}).get("label", "Recasens et al. (2013) bias lexicon")),
             "mpqa": str(mpqa_cfg.get("label", "MPQA strong-subjective clues"))}
    detectors: dict[str, Callable[[Any, str], list[str]]] = {
        LIBRARY: lambda doc, text: [t.term for t in find_loaded(doc, text)],
        "recasens": lambda doc, text: lookup(doc, recasens, recasens),
        "mpqa": lambda doc, text: lookup(doc, mpqa_words, mpqa_stemmed),
    }
    spacy_meta = pipeline_meta()
    fingerprint = hashlib.sha256("|".join([
        library_fingerprint(), str(spacy_meta.get("name")), str(spacy_meta.get("version")),
        file_sha(rec_path), file_sha(mpqa_path), str(mpqa_cfg.get("type", "strongsubj")), "v1",
    ]).encode()).hexdigest()[:16]
    cache_file = Path(cache) / f"terms-{fingerprint}.jsonl"
    resamples = int(config.get("bootstrap_resamples", 1000))
    seed = int(config.get("seed", 0))
    limit = config.get("limit")
    exclude = {str(x) for x in (config.get("exclude_labels") or ["No agreement"])}
    positive = str(config.get("positive_label", "Biased"))

    files_out: dict[str, Any] = {}
    for spec in config.get("files") or [{"name": "SG2", "file": "final_labels_SG2.csv"}]:
        fpath = data / spec["file"] if data.is_dir() else data
        rows_all = load_babe(fpath)
        rows = [r for r in rows_all if r["label"] not in exclude]
        if limit:
            rng = random.Random(seed)
            keep = sorted(rng.sample(range(len(rows)), min(int(limit), len(rows))))
            rows = [rows[i] for i in keep]
        log(f"{spec['name']}: {len(rows)} sentences scored ({len(rows_all) - len([r for r in rows_all if r['label'] not in exclude])} "
            f"'{'/'.join(sorted(exclude))}' rows left out)")
        preds = _predict([r["text"] for r in rows], detectors, cache_file, log)
        gold = [r["label"] == positive for r in rows]
        table: dict[str, Any] = {}
        for name in detectors:
            counts = np.array([word_counts(preds[r["text"]][name], r["words"]) for r in rows], dtype=np.int64).reshape(-1, 3)
            word = prf(int(counts[:, 0].sum()), int(counts[:, 1].sum()), int(counts[:, 2].sum()))
            word["f1_ci95"] = bootstrap_f1(counts[:, 0], counts[:, 1], counts[:, 2], resamples=resamples, seed=seed)
            cw = np.array([word_counts(preds[r["text"]][name], r["words"], content_only=True) for r in rows],
                          dtype=np.int64).reshape(-1, 3)
            word_content = prf(int(cw[:, 0].sum()), int(cw[:, 1].sum()), int(cw[:, 2].sum()))
            flagged = [bool(preds[r["text"]][name]) for r in rows]
            sent = sentence_counts(flagged, gold)
            g = np.array(gold, dtype=bool)
            f = np.array(flagged, dtype=bool)
            sent["f1_ci95"] = bootstrap_f1((f & g).astype(np.int64), (f & ~g).astype(np.int64),
                                            (~f & g).astype(np.int64), resamples=resamples, seed=seed)
            table[name] = {"label": "the library's loaded-term detector" if name == LIBRARY else names[name],
                           "kind": "ours (lexicon + lemma rules, untuned on BABE)" if name == LIBRARY else "baseline (word lookup)",
                           "word": word, "word_content_words": word_content, "sentence": sent,
                           "terms_per_sentence": round(sum(len(preds[r["text"]][name]) for r in rows) / max(len(rows), 1), 3)}
        table[ALL_BIASED] = {"label": "every sentence biased", "kind": "trivial baseline", "word": None,
                             "sentence": sentence_counts([True] * len(rows), gold)}
        # what the library's detector gets wrong most often (diagnostics, not used to tune anything)
        fp_words: Counter[str] = Counter()
        fn_words: Counter[str] = Counter()
        tp_words: Counter[str] = Counter()
        for r in rows:
            p, g = word_tokens(preds[r["text"]][LIBRARY]), word_tokens(r["words"])
            fp_words.update(p - g)
            fn_words.update(g - p)
            tp_words.update(p & g)
        examples = []
        for r in rows:
            p = word_tokens(preds[r["text"]][LIBRARY])
            if r["label"] == positive and not p and len(examples) < 6:
                examples.append({"row": r.get("row"), "gold_words": r["words"], "found": []})
        top = int(config.get("top_words", 15))
        files_out[spec["name"]] = {
            "file": spec["file"], "rows": len(rows_all), "scored": len(rows),
            "texts": {r["text"] for r in rows},
            "left_out": {lab: sum(1 for r in rows_all if r["label"] == lab) for lab in sorted(exclude)},
            "biased": sum(gold), "non_biased": len(gold) - sum(gold),
            "gold_words": sum(len(word_tokens(r["words"])) for r in rows),
            "table": table,
            "library_top_true_positives": tp_words.most_common(top),
            "library_top_false_positives": fp_words.most_common(top),
            "library_top_missed": fn_words.most_common(top),
            "library_missed_biased_sentences": examples,
        }
    order = list(files_out)
    first_texts: set[str] = files_out[order[0]].pop("texts") if order else set()
    for n in order[1:]:
        files_out[n]["sentences_also_in_" + order[0]] = len(files_out[n].pop("texts") & first_texts)
    lex_sizes = {"library_words": None, "recasens": len(recasens), "mpqa_strongsubj": len(mpqa_words)}
    from ..._nlp import lexicons

    lx = lexicons()
    lex_sizes["library_words"] = len(lx.loaded_words)
    lex_sizes["library_phrases"] = len(lx.loaded_phrases)
    return {
        "files": files_out,
        "primary": str(config.get("primary", next(iter(files_out)))),
        "matching": {
            "word": ("lower-cased surface tokens ([a-z0-9]+ joined by inner - or '); a detected phrase counts as its "
                     "tokens; no lemmatisation; per-sentence token sets; micro-averaged over all scored sentences"),
            "sentence": "predicted biased iff at least one term found; against label_bias (Biased = positive)",
            "excluded_labels": sorted(exclude),
            "baselines": ("word lookup over the same spaCy tokens: lower-cased form or lemma in the list (MPQA: "
                          "lemma only for stemmed1=y entries); part of speech ignored"),
        },
        "lexicon_sizes": lex_sizes,
        "spacy": f"{spacy_meta.get('name')} {spacy_meta.get('version')}",
        "bootstrap": {"resamples": resamples, "seed": seed, "unit": "sentence"},
        "limit": limit,
        "published": config.get("published") or [],
    }


# --------------------------------------------------------------------------- render

def _f(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _ci(v: dict[str, Any]) -> str:
    ci = v.get("f1_ci95")
    return f"{v['f1']:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else f"{v['f1']:.3f}"


def render(results: dict[str, Any]) -> str:
    """Tables per BABE file (ours beside the baselines and the published figure) and a reading."""
    lines: list[str] = []
    primary = results.get("primary")
    order = [primary] + [k for k in results["files"] if k != primary]
    m = results["matching"]
    for name in order:
        f = results["files"][name]
        left = ", ".join(f"{v} '{k}'" for k, v in f["left_out"].items())
        lines += [(f"#### {name} (`{f['file']}`): {f['scored']} sentences, {f['biased']} biased, "
                  f"{f['non_biased']} non-biased ({left} left out)"), ""]
        lines += ["| detector | kind | word P | word R | word F1 [95% CI] | sent. P | sent. R | sent. F1 [95% CI] | sent. macro F1 | flagged |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for row in f["table"].values():
            w, s = row["word"], row["sentence"]
            wcols = f"{_f(w['precision'])} | {_f(w['recall'])} | {_ci(w)}" if w else "— | — | —"
            lines.append(f"| {row['label']} | {row['kind']} | {wcols} | {_f(s['precision'])} | {_f(s['recall'])} | "
                         f"{_ci(s)} | {_f(s['macro_f1'])} | {s['predicted_biased_rate']:.0%} |")
        if name == primary:
            for pub in results.get("published") or []:
                lines.append(f"| {pub['system']} | {pub['kind']} | — | — | — | — | — | — | {pub['value']:.3f} | — |")
        lines.append("")
    pf = results["files"][primary]
    t = pf["table"]
    lib, mp, rc, allb = t[LIBRARY], t["mpqa"], t["recasens"], t[ALL_BIASED]["sentence"]
    top_fp = ", ".join(f"{w} ({n})" for w, n in pf["library_top_false_positives"][:8])
    top_fn = ", ".join(f"{w} ({n})" for w, n in pf["library_top_missed"][:10])
    cw = "; ".join(f"{row['label']} P {row['word_content_words']['precision']:.3f} R {row['word_content_words']['recall']:.3f} "
                   f"F1 {row['word_content_words']['f1']:.3f}" for key, row in t.items() if row.get("word_content_words"))
    shared_txt = ""
    for name in order[1:]:
        for k, v in results["files"][name].items():
            if k.startswith("sentences_also_in_"):
                shared_txt += (f" {v} of the {results['files'][name]['scored']} {name} sentences are also in "
                               f"{k[len('sentences_also_in_'):]} (labelled by another group of annotators): the tables "
                               "are not independent.")
    lines += [
        (f"Matching: word level — {m['word']}; sentence level — {m['sentence']}. Baselines — {m['baselines']}. "
        f"Intervals: bootstrap over sentences ({results['bootstrap']['resamples']} resamples). "
        f"\"flagged\" is the share of sentences predicted biased.{shared_txt}"),
        "",
        (f"Annotators sometimes mark an idiom word by word (\"bang the drum\"); with function words dropped on both sides the "
        f"word level on {primary} reads: {cw}."),
        "",
        (f"Most frequent false positives of the library's detector on {primary} (flagged, not marked by the annotators): "
        f"{top_fp}. Most often missed marked words: {top_fn}."),
        "",
    ]
    pubs = results.get("published") or []
    pub_txt = ""
    if pubs:
        p = pubs[0]
        pub_txt = (f" The published {p['value']:.3f} ({p['source']}) is the sentence-level macro F1 of {p['system_short']}, "
                   f"a trained classifier under its own split and protocol: it shows how far a fixed lexicon sits from a "
                   f"trained model, and is not a like-for-like ranking.")
    lines.append(
        f"Reading: of the three lexicons the library's is by far the most precise and the least complete. At the word "
        f"level {lib['word']['precision']:.0%} of the words it flags were marked by BABE's experts (MPQA "
        f"{mp['word']['precision']:.0%}, Recasens {rc['word']['precision']:.0%}), but it finds only "
        f"{lib['word']['recall']:.0%} of the marked words (MPQA {mp['word']['recall']:.0%}); word F1 "
        f"{lib['word']['f1']:.3f} against MPQA's {mp['word']['f1']:.3f}. At the sentence level it flags "
        f"{lib['sentence']['predicted_biased_rate']:.0%} of the sentences with precision {lib['sentence']['precision']:.3f}, "
        f"so its positive-class F1 ({lib['sentence']['f1']:.3f}) falls under the trivial all-biased baseline "
        f"({allb['f1']:.3f}), which the word-lookup baselines hardly beat because they flag nearly every sentence; its macro "
        f"F1 ({lib['sentence']['macro_f1']:.3f}) is the best of the untrained detectors (all-biased {allb['macro_f1']:.3f}, "
        f"MPQA {mp['sentence']['macro_f1']:.3f}). Much of the bias BABE marks is carried by ordinary words in context "
        f"(the missed list), which no fixed list can see; \"claim\" and its forms, the most missed, are treated by the "
        f"library as attribution cues rather than loaded words. For the pipeline's use — drop or quote what it flags — "
        f"precision matters more than recall, but a reader should take the detector as catching the obvious loaded "
        f"words only.{pub_txt}")
    return "\n".join(lines)


def headline(results: dict[str, Any]) -> list[dict[str, str]]:
    """The page's at-a-glance rows (the primary BABE file)."""
    name = results.get("primary") or next(iter(results["files"]))
    t = results["files"][name]["table"]
    lib = t[LIBRARY]
    others = {k: v for k, v in t.items() if k != LIBRARY and v.get("word")}
    best_w = max(others.values(), key=lambda v: v["word"]["f1"]) if others else None
    allb = t.get(ALL_BIASED) or {}
    rows = [{"check": "loaded-term detector", "data": f"BABE {name}, {results['files'][name]['scored']} sentences",
             "measure": "word level P / R / F1",
             "ours": f"{lib['word']['precision']:.2f} / {lib['word']['recall']:.2f} / {lib['word']['f1']:.2f}",
             "baseline": (f"{best_w['label']}: {best_w['word']['precision']:.2f} / {best_w['word']['recall']:.2f} / "
                          f"{best_w['word']['f1']:.2f}") if best_w else "—",
             "published": "—"},
            {"check": "loaded-term detector", "data": f"BABE {name}", "measure": "sentence level F1 / macro F1",
             "ours": f"{lib['sentence']['f1']:.2f} / {lib['sentence']['macro_f1']:.2f}",
             "baseline": (f"every sentence biased: {allb['sentence']['f1']:.2f} / {allb['sentence']['macro_f1']:.2f}"
                          if allb.get("sentence") else "—"),
             "published": "; ".join(f"{str(p.get('system')).split(':')[0]}, trained classifier: {p.get('value')} macro F1"
                                    for p in results.get("published") or [] if p.get("value") is not None) or "—"}]
    return rows
