"""The SummaC study's section of VALIDITY.md: the tables, the reading and the at-a-glance row
(:mod:`.summac` runs the study)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .. import faithfulness as fa
from . import published_table
from ._summac_data import BASELINES

__all__ = ["headline", "render"]


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.1f}"


def render(results: dict) -> str:
    """The VALIDITY.md section: LODO figures per set (nested scorer, v1, baselines), the variants,
    what the nested selection chose, published figures, single features, the shipped scorer."""
    names = list(results["sets"])
    rule = results["aggregate"]
    family = results["candidates"]
    out = [
        ("Balanced accuracy (BA, threshold chosen on the other three sets) and ROC AUC, ×100, per set "
        "of the SummaC benchmark's **validation** cut, leave-one-dataset-out. **Every fitted parameter of "
        "our scorer is fitted without the scored set**, including which scorer it is: for each held-out set, "
        f"one of {len(family)} pre-declared candidates (" + ", ".join(_family_summary(family)) + ") is chosen by "
        "leave-one-set-out *within* the other three sets (mean inner ROC AUC, ties to the simpler), then "
        "fitted on those three (weights or sign, and threshold). The v1 row is the previous scorer (the full "
        "combination, always), kept for the history. A summary's score is the "
        f"**{rule}** of its sentence scores, for the baselines too.\n"),
        "| Scorer | " + " | ".join(f"{n} BA / AUC" for n in names) + " | mean BA / AUC |",
        "|---|" + "---|" * (len(names) + 1),
    ]
    for rl in [rule, *results.get("aggregate_variants", [])]:
        for sc, label in results["scorers"].items():
            row = results["lodo"][rl][sc]
            tag = "" if rl == rule else f" — variant: {rl} aggregate"
            out.append(f"| {label}{tag} | " + " | ".join(
                f"{_pct(row[n]['balanced_accuracy'])} / {_pct(row[n]['roc_auc'])}" for n in [*names, "mean"]) + " |")
    out += _interval_lines(results)
    sets = results["sets"]
    out.append("\nItems (consistent): " + ", ".join(
        f"{n} {sets[n]['items']} ({sets[n]['consistent']}), {sets[n]['sentences_per_summary']:.1f} sentences/summary"
        for n in names) + ".\n")
    out.append("#### What the nested selection chose\n")
    out.append("Per held-out set, the candidate chosen on the other three sets, its mean inner AUC ×100 "
               "(leave-one-set-out within those three) and, for comparison, that of v1's specification (full combination, "
               f"l2 {results['l2']:g}).\n")
    out.append("| Held-out set | Aggregate | Chosen candidate | its inner AUC | v1 specification's inner AUC |\n|---|---|---|---|---|")
    full = next((c["name"] for c in family if c["kind"] == "logistic" and len(c["features"]) == len(fa.FEATURES_V4)
                 and c["l2"] == results["l2"]), None)
    for rl in [rule, *results.get("aggregate_variants", [])]:
        for n in names:
            cell = results["lodo"][rl]["nested"][n]
            out.append(f"| {n} | {rl} | {cell['chosen']} | {_pct(cell['inner_auc'][cell['chosen']])} | "
                       f"{_pct(cell['inner_auc'].get(full)) if full else 'n/a'} |")
    out += published_table(results.get("published"), "Published figures (not on identical data)")
    out.append("\n#### Single features (no fitting; AUC ×100 of the min over sentences, sign fixed a priori)\n")
    single = results["single_feature_auc"]
    out.append("| Feature | " + " | ".join(names) + " | mean |\n|---|" + "---|" * (len(names) + 1))
    for f, row in single.items():
        out.append(f"| {f} | " + " | ".join(_pct(row[n]) for n in [*names, "mean"]) + " |")
    out.append("\n#### The shipped scorers\n\n**Default** (`faithfulness`, summarise/eval/faithfulness.json; no model at run "
               "time): " + _describe_model(results["model"]) + "\n")
    if results.get("lm_choice_without_lm"):
        out.append(f"**With LM evidence**: none ships. The same selection over all {len(family)} candidates, those over the "
                   f"language model's features (`{results.get('lm')}`) included, chose **{results['lm_choice_without_lm']}**, "
                   "which uses none of them, so `faithfulness_lm` has no scorer to run.\n")
    if results.get("model_lm"):
        out.append("**With LM evidence** (`faithfulness_lm`, summarise/eval/faithfulness_lm.json; features from "
                   f"`{results.get('lm')}`): " + _describe_model(results["model_lm"]) + "\n")
    out.append(_reading(results))
    return "\n".join(out).strip() + "\n"


def _interval_lines(results: dict) -> list[str]:
    """The bootstrap intervals of each row's mean AUC and BA, and of its difference to ROUGE-2 precision."""
    ci = results.get("intervals") or {}
    if not ci:
        return []
    row = results["lodo"][results["aggregate"]]
    span = lambda v: f"[{_pct(v[0])}, {_pct(v[1])}]"
    lines = ["\nBootstrap 95% intervals of the mean over sets (1,000 resamples of the items within each set and "
             "class; the fitted models and thresholds fixed), and of the difference to ROUGE-2 precision on the same "
             "resamples: a row is above the baseline beyond its interval when the difference's interval is above 0.\n",
             "| Scorer | mean AUC [95% CI] | AUC − ROUGE-2 precision | mean BA [95% CI] | BA − ROUGE-2 precision |",
             "|---|---|---|---|---|"]
    for sc, label in results["scorers"].items():
        c = ci.get(sc)
        if not c:
            continue
        m = row[sc]["mean"]
        diff = lambda k: span(c[k]) if k in c else "—"
        lines.append(f"| {label.split(' (')[0]} | {_pct(m['roc_auc'])} {span(c['roc_auc'])} | {diff('diff_roc_auc')} | "
                     f"{_pct(m['balanced_accuracy'])} {span(c['balanced_accuracy'])} | {diff('diff_balanced_accuracy')} |")
    return lines


def _family_summary(family: Sequence[Mapping[str, Any]]) -> list[str]:
    singles = [c for c in family if c["kind"] == "single"]
    parts = [f"{c['name']} (logistic over {len(c['features'])} features, l2 {c['l2']:g})"
             for c in family if c["kind"] == "logistic"]
    return parts + ([f"each of {len(singles)} features alone (sign fitted)"] if singles else [])


def _describe_model(model: Mapping[str, Any]) -> str:
    meta = model.get("meta", {})
    inner = meta.get("inner_auc", {})
    ranked = sorted(inner, key=lambda k: -inner[k])[:4]
    head = (f"Chosen by leave-one-set-out over all four sets, then fitted on all four: **{meta.get('candidate')}** "
            f"(mean inner AUC {_pct(inner.get(meta.get('candidate')))}; next: "
            + ", ".join(f"{k} {_pct(inner[k])}" for k in ranked if k != meta.get("candidate")) + "). ")
    if model.get("kind") == "single":
        f = model["features"][0]
        how = f"{f}" if model["sign"] > 0 else f"1 − {f}"
        return head + f"A sentence's score is {how}; threshold {model['threshold']:.3f}."
    return head + (f"Standardised coefficients (threshold {model['threshold']:.3f}): " + ", ".join(
        f"{f} {c:+.2f}" for f, c in zip(model["features"], model["coef"])) + ".")


def _reading(results: dict) -> str:
    """A few sentences on what the figures mean, written from the figures themselves."""
    row = results["lodo"][results["aggregate"]]
    names = list(results["sets"])
    ours, v1 = row["nested"]["mean"], row["v1"]["mean"]
    base = max(BASELINES, key=lambda s: row[s]["mean"]["roc_auc"] or 0)
    chosen = [row["nested"][n]["chosen"] for n in names]
    shipped = results["model"]["meta"].get("candidate")
    picks = sorted(set(chosen), key=chosen.index)
    text = (
        f"Held out set by set, the nested scorer reaches a mean balanced accuracy (BA) of {_pct(ours['balanced_accuracy'])} and ROC AUC "
        f"of {_pct(ours['roc_auc'])} (v1, the fixed full combination: {_pct(v1['balanced_accuracy'])} / "
        f"{_pct(v1['roc_auc'])}; best baseline by AUC, {results['scorers'][base]}: "
        f"{_pct(row[base]['mean']['balanced_accuracy'])} / {_pct(row[base]['mean']['roc_auc'])}). "
        f"The inner selection chose {', '.join(picks)} "
        + ("in every fold" if len(picks) == 1 else "(" + ", ".join(f"{n}: {c}" for n, c in zip(names, chosen)) + ")")
        + f", and {shipped} over all four sets. "
    )
    if "nested_no_copy" in row:
        v2 = row["nested_no_copy"]["mean"]
        same = row.get("nested_base", row["nested"])["mean"]  # the same (v3) family with the rule
        text += ("The copy rule (declared before it was measured: a summary sentence found word for word in the "
                 "document scores 1, since copying cannot add what the document does not say, while the features "
                 "mark a short copied line such as a dateline as weakly supported) moves the mean BA / AUC of the "
                 f"v3 selection from {_pct(v2['balanced_accuracy'])} / {_pct(v2['roc_auc'])} (v2, without it) to "
                 f"{_pct(same['balanced_accuracy'])} / {_pct(same['roc_auc'])}. ")
    inner = results["model"]["meta"].get("inner_auc", {})
    best_single = max((k for k in inner if k.startswith("single:")), key=lambda k: inner[k], default=None)
    if all(c.startswith("single:") for c in chosen + [shipped]):
        text += ("The learned combinations do not transfer across these heterogeneous sets (weights fitted on "
                 "three sets lose to one feature on the fourth): a single lexical signal of support in the source "
                 "is the most robust one here. ")
    elif best_single:
        text += (f"Over all four sets the margin of {shipped} over the best single feature ({best_single}) is "
                 f"{100 * (inner[shipped] - inner[best_single]):.1f} AUC points of inner AUC"
                 + (" — within noise: the combination adds little to its best signal. " if abs(inner[shipped] - inner[best_single]) < 0.01
                    else ". "))
        heavy = [c for c in results["candidates"] if c["name"] == shipped and c.get("l2", 0) >= 1]
        if heavy:
            text += ("The strongest regularisation won: weights fitted on some sets transfer to another only when kept "
                     "small and close to equal (close to an average of the standardised signals); the weakly "
                     "regularised fit (v1) overfits the set mix. ")
    if ours["balanced_accuracy"] < v1["balanced_accuracy"] and ours["roc_auc"] > v1["roc_auc"]:
        text += (f"The selection is on AUC (ranking): the nested scorer ranks better than v1 "
                 f"(+{100 * (ours['roc_auc'] - v1['roc_auc']):.1f} AUC) but its balanced accuracy is lower "
                 f"({100 * (ours['balanced_accuracy'] - v1['balanced_accuracy']):+.1f}): the threshold fitted on three "
                 "sets transfers poorly to the fourth. ")
    earlier = [(k, what) for k, what in (("nested_nolm", "without the LM features (the default scorer)"),
                                         ("nested_v4", "over the candidates declared up to v4 (v4)"),
                                         ("nested_base", "over the base features alone (v3)")) if k in row]
    if earlier:
        text += (f"With the v5 features (relations from the dependency parse, token alignment, local bigrams) among the "
                 f"candidates, the mean BA / AUC is {_pct(ours['balanced_accuracy'])} / {_pct(ours['roc_auc'])}, against "
                 + ", ".join(f"{_pct(row[k]['mean']['balanced_accuracy'])} / {_pct(row[k]['mean']['roc_auc'])} for the same selection {what}"
                             for k, what in earlier) + ". ")
    diff = (results.get("intervals") or {}).get("nested", {})
    if diff.get("diff_roc_auc"):
        beyond = lambda k: diff[k][0] > 0
        text += (f"Against ROUGE-2 precision on the same bootstrap resamples, the difference in mean AUC is "
                 f"[{_pct(diff['diff_roc_auc'][0])}, {_pct(diff['diff_roc_auc'][1])}] and in mean BA "
                 f"[{_pct(diff['diff_balanced_accuracy'][0])}, {_pct(diff['diff_balanced_accuracy'][1])}]: "
                 + ("above it beyond the interval on both. " if beyond("diff_roc_auc") and beyond("diff_balanced_accuracy") else
                    "above it beyond the interval on AUC only. " if beyond("diff_roc_auc") else
                    "above it beyond the interval on BA only. " if beyond("diff_balanced_accuracy") else
                    "not above it beyond the interval. "))
    if (ours["roc_auc"] or 0) < (row[base]["mean"]["roc_auc"] or 0):
        text += f"On mean AUC it is still below {results['scorers'][base]} alone. "
    weak = [n for n in names if (row["nested"][n]["roc_auc"] or 0) < 0.65]
    cut = [n for n in names if row["nested"][n]["balanced_accuracy"] < 0.55 and (row["nested"][n]["roc_auc"] or 0) >= 0.7]
    if cut:
        text += (f"On {', '.join(cut)} it ranks summaries well (AUC) but the threshold learned on the other "
                 "sets does not transfer: those summaries are far more abstractive. ")
    if weak:
        text += (f"It is near chance on {', '.join(weak)}: errors there mostly recombine words the article "
                 "does contain (wrong relation, omission, wrong attribution), which overlap and embedding "
                 "signals cannot see. ")
        single = results.get("single_feature_auc", {})
        rel = [f for f in fa.FEATURES_V5 if f.startswith(("rel_", "speaker_")) and f in single]
        if rel and weak:
            text += ("The v5 relation features from the dependency parse do not see them either: alone, their AUC on "
                     + ", ".join(weak) + " is " + ", ".join(f"{f} {_pct(single[f][weak[0]])}" for f in rel)
                     + " (mean over the sets: " + ", ".join(f"{_pct(single[f]['mean'])}" for f in rel) + "); "
                     "a clean swap of subject and object, or a negated or hedged copy of an article clause, is rare in "
                     "real system summaries, and a clause the article states is mostly a restatement of word overlap. ")
    text += ("The published model-based checkers (SummaC-Conv 74.4 BA, 81.0 AUC; AlignScore 88.6 AUC) are on other "
             "data (test cut, six sets) and use trained NLI or alignment models, which this offline scorer does not have.")
    return text


def headline(results: dict) -> list[dict[str, str]]:
    """The page's at-a-glance rows: our scorer against the best baseline, and a published figure."""
    row = results["lodo"][results["aggregate"]]
    base = max(BASELINES, key=lambda s: row[s]["mean"]["roc_auc"] or 0)
    ours, b = row["nested"]["mean"], row[base]["mean"]
    nolm = row.get("nested_nolm", {}).get("mean")
    v4 = row.get("nested_v4", {}).get("mean")
    return [{"check": "faithfulness scorer", "data": "SummaC, 4 sets (validation cut), held out set by set",
             "measure": "mean ROC AUC / balanced accuracy ×100",
             "ours": f"{_pct(ours['roc_auc'])} / {_pct(ours['balanced_accuracy'])}"
                     + (f" (without LM: {_pct(nolm['roc_auc'])} / {_pct(nolm['balanced_accuracy'])})" if nolm else "")
                     + (f" (v4: {_pct(v4['roc_auc'])} / {_pct(v4['balanced_accuracy'])})" if v4 else ""),
             "baseline": f"{results['scorers'][base]}: {_pct(b['roc_auc'])} / {_pct(b['balanced_accuracy'])}",
             "published": "SummaC-Conv 81.0 AUC, 74.4 BA; AlignScore 88.6 AUC (test cut, 6 sets)"}]
