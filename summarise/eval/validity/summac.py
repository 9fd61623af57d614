"""Validity of the faithfulness scorer on the SummaC benchmark (validation cut, four sets).

Each (document, summary) pair is split into sentences (:func:`~summarise.eval.faithfulness.split_sentences`),
each sentence gets the scorer's features and two baselines (ROUGE-2 of the sentence against the
document, F1 and precision; cosine of the sentence's and the document's MiniLM embeddings), and
the summary's score is the aggregate of its sentences' (``min``, fixed before any result; ``mean``
reported beside as a declared variant). Validation is leave-one-dataset-out with **nested model
selection** (:func:`nested_lodo`): the config declares a family of candidate scorers
(:func:`candidate_family`: logistic combinations with several penalties, a sparse combination, each
feature alone); for each scored set, the candidate is chosen by leave-one-set-out within the other
three sets (:func:`select_candidate`), then fitted on those three (:func:`fit_candidate`: scaler and
weights, or a single feature's sign, and the threshold). So every fitted parameter, the choice of
features included, is fitted without the scored set. The previous scorer (v1: the full combination,
always) and the baselines (thresholds too) are evaluated the same way. The scorer shipped in the
library is the candidate chosen by leave-one-set-out over all four sets, fitted on all four
(``results["model"]``, copied to ``summarise/eval/faithfulness.json``).

Since v4 the family may hold candidates over the language model's evidence (``lm`` in the config:
:mod:`summarise.eval._lm_evidence`, through :mod:`._evidence`) and candidates whose weights are
also fitted on the synthetic set (``synthetic`` in the config; :data:`_SYNTHETIC_RECS`). Rows:
the whole family (v4), the family without LM features (the default scorer, which needs no model
at run time; ``results["model"]``), the base family (v3), v2, v1 and the baselines, with bootstrap
intervals (:func:`._evidence.bootstrap_mean`). The LM scorer ships as ``results["model_lm"]``
(``summarise/eval/faithfulness_lm.json``).

Statistics are plain numpy (no scipy/sklearn), in :mod:`._stats`: ROC AUC (ties count one half),
balanced accuracy, Pearson, Spearman (average ranks for ties). The sets, features and baseline
values (shared with the QAGS and WiCE studies) are read and cached by :mod:`._summac_data`; the
page section is written by :mod:`._summac_page`.
"""

from __future__ import annotations

import datetime as _dt
import pathlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .. import faithfulness as fa
from ._evidence import add_lm_rows, bootstrap_mean, feature_rows, load_synthetic
from ._summac_data import BASELINES, SCORER_LABELS, cached_features, load_set, summary_scores
from ._summac_page import headline, render  # noqa: F401  (the page's functions, re-exported: summac.render)
from ._stats import balanced_accuracy, best_threshold, leave_one_dataset_out, roc_auc

TITLE = "Faithfulness: SummaC benchmark (validation cut)"
#: A-priori direction of each feature (+1: higher means better supported), for single-feature AUCs.
FEATURE_SIGN = {"number_unsupported": -1, "entity_unsupported": -1, "novel_propn": -1, "negation_mismatch": -1,
                "log_length": -1, "rel_swapped": -1, "rel_other_subject": -1, "speaker_unsupported": -1,
                "rel_negation_mismatch": -1, "rel_modality_mismatch": -1}
#: The name of the synthetic training set when a candidate adds it (never a scored set).
SYNTHETIC = "synthetic"
#: The synthetic records of the running study (``run`` loads them when the config names them):
#: a candidate with ``synthetic: true`` adds them, as one more set of equal weight, to every fit
#: of its weights; they are never held out nor scored.
_SYNTHETIC_RECS: list[dict] = []


# --- the study -------------------------------------------------------------------------------

def fit_scorer(train: Mapping[str, Sequence[dict]], *, l2: float, mil_iterations: int,
               features: Sequence[str] = fa.FEATURES) -> fa.FaithModel:
    """The logistic regression on the given sets: every set the same total weight, and within a
    set both classes the same total weight (the sets are very unbalanced, in opposite directions)."""
    summaries = []
    for recs in train.values():
        labels = np.array([r["label"] for r in recs])
        for r in recs:
            if r["features"]:
                cell = (labels == r["label"]).sum()
                summaries.append((feature_rows(r), r["label"], 1.0 / (2 * len(train) * cell)))
    return fa.fit_model(summaries, l2=l2, mil_iterations=mil_iterations, features=features)


def candidate_family(config: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The pre-declared candidate scorers of the config, ``single: all`` expanded to one per feature,
    ordered simplest first (fewer features, then stronger regularisation, then config order): the
    order that breaks ties in the selection.

    >>> fam = candidate_family({"candidates": [{"name": "full", "features": "all", "l2": 0.01},
    ...                                        {"single": ["bigram_precision"]}]})
    >>> [(c["name"], c["kind"]) for c in fam]
    [('single:bigram_precision', 'single'), ('full', 'logistic')]
    """
    out = []
    default = [{"name": "full", "features": "all", "l2": config.get("l2", 0.01)}]  # no family declared: v1 alone
    # "all" stays the v1-v4 features (the declared candidates of those versions keep their meaning);
    # "all5": those and the v5 ones (fa.FEATURES); "v5": the v5 ones alone
    named = {"all": list(fa.FEATURES_V4), "lm": list(fa.LM_FEATURES), "all+lm": list(fa.FEATURES_V4 + fa.LM_FEATURES),
             "all5": list(fa.FEATURES), "v5": list(fa.FEATURES_V5)}
    for spec in config.get("candidates") or default:
        extra = {"synthetic": True} if spec.get("synthetic") else {}
        if spec.get("since"):
            extra["since"] = int(spec["since"])
        if "single" in spec:
            feats = named.get(spec["single"], spec["single"]) if isinstance(spec["single"], str) else spec["single"]
            out += [{"name": f"single:{f}", "kind": "single", "features": [f], **extra} for f in feats]
        else:
            feats = named.get(spec.get("features", "all"), spec.get("features")) if isinstance(spec.get("features", "all"), str) \
                else list(spec["features"])
            out.append({"name": str(spec["name"]), "kind": "logistic", "features": list(feats), "l2": float(spec["l2"]), **extra})
    unknown = {f for c in out for f in c["features"]} - set(fa.ALL_FEATURES)
    if unknown or len({c["name"] for c in out}) != len(out):
        raise ValueError(f"bad candidate family: unknown features {sorted(unknown)} or repeated names")
    order = {c["name"]: i for i, c in enumerate(out)}
    return sorted(out, key=lambda c: (len(c["features"]), -c.get("l2", np.inf), order[c["name"]]))


def _with_copy(model: fa.FaithModel, spec: Mapping[str, Any]) -> fa.FaithModel:
    model.copy_rule = bool(spec.get("copy_rule", False))
    return model


def fit_candidate(spec: Mapping[str, Any], train: Mapping[str, Sequence[dict]], *, rule: str, mil_iterations: int,
                  threshold: bool = True) -> fa.FaithModel:
    """Fit one candidate on ``train`` only: a logistic combination's scaler and weights; a single
    feature's sign (the one with the higher mean AUC over the training sets, ties: the a-priori sign);
    and, with ``threshold``, the cut maximising the mean balanced accuracy over the training sets."""
    if spec["kind"] == "logistic":
        weights_on = dict(train)
        if spec.get("synthetic"):  # weights only: the threshold is still chosen on the real sets
            if not _SYNTHETIC_RECS:
                raise ValueError(f"candidate {spec['name']!r} adds the synthetic set, which was not loaded")
            weights_on[SYNTHETIC] = _SYNTHETIC_RECS
        model = fit_scorer(weights_on, l2=spec["l2"], mil_iterations=mil_iterations, features=spec["features"])
    else:
        f = spec["features"][0]
        prior = FEATURE_SIGN.get(f, 1)
        auc = {sg: _mean([roc_auc(summary_scores(t, "", rule, _with_copy(fa.single_feature_model(f, sg), spec)), [r["label"] for r in t])
                          for t in train.values()]) or 0.5 for sg in (prior, -prior)}
        model = fa.single_feature_model(f, prior if auc[prior] >= auc[-prior] else -prior)
    model.copy_rule = bool(spec.get("copy_rule", False))
    if threshold:
        model.threshold = best_threshold([(summary_scores(t, "", rule, model), np.array([r["label"] for r in t]))
                                          for t in train.values()])
    return model


def select_candidate(family: Sequence[Mapping[str, Any]], train: Mapping[str, Sequence[dict]], *, rule: str,
                     mil_iterations: int) -> tuple[dict[str, Any], dict[str, float]]:
    """Choose among ``family`` by leave-one-set-out *within* ``train``: each candidate is fitted on
    all but one training set and ranked by its mean ROC AUC on the left-out ones; ties go to the
    simpler (``family`` is ordered simplest first). Returns the chosen spec and every inner score."""
    inner: dict[str, float] = {}
    for spec in family:
        per = leave_one_dataset_out(
            train, lambda tr, sp=spec: fit_candidate(sp, tr, rule=rule, mil_iterations=mil_iterations, threshold=False),
            lambda m, held: {"auc": roc_auc(summary_scores(held, "", rule, m), [r["label"] for r in held])})
        inner[spec["name"]] = _mean([v["auc"] for v in per.values()]) or 0.0
    best = family[0]
    for spec in family[1:]:
        if inner[spec["name"]] > inner[best["name"]] + 1e-12:
            best = spec
    return dict(best), inner


def _evaluate_model(model: fa.FaithModel | None, scorer: str, rule: str, train: Mapping[str, Sequence[dict]],
                    held: Sequence[dict]) -> dict[str, Any]:
    """BA at a cut fitted on ``train`` (the model's own threshold when it has been fitted) and AUC on ``held``."""
    if model is None:
        cut = best_threshold([(summary_scores(t, scorer, rule), np.array([r["label"] for r in t])) for t in train.values()])
    else:
        cut = model.threshold
    s, y = summary_scores(held, scorer, rule, model), np.array([r["label"] for r in held])
    return {"balanced_accuracy": balanced_accuracy((s >= cut).astype(int), y), "roc_auc": roc_auc(s, y), "threshold": cut,
            "_held": (s, y, cut)}  # for the bootstrap; dropped before the results are written


def nested_lodo(recs: Mapping[str, Sequence[dict]], family: Sequence[Mapping[str, Any]], *, rule: str,
                mil_iterations: int) -> dict[str, dict[str, Any]]:
    """For each set: choose the candidate by :func:`select_candidate` on the *other* sets, fit it
    (weights, sign, threshold) on those sets, then score the held-out set."""
    def fit(train: dict) -> fa.FaithModel:
        spec, inner = select_candidate(family, train, rule=rule, mil_iterations=mil_iterations)
        model = fit_candidate(spec, train, rule=rule, mil_iterations=mil_iterations)
        model.meta = {"chosen": spec["name"], "inner_auc": inner}
        return model

    return leave_one_dataset_out(recs, fit, lambda m, held: {
        **_evaluate_model(m, "", rule, {}, held), "chosen": m.meta["chosen"], "inner_auc": m.meta["inner_auc"]})


def run(config: dict, *, data: pathlib.Path, cache: pathlib.Path, log: Callable[[str], None]) -> dict:
    """The study (see the module docstring); ``config["limit"]`` subsamples each set (tests)."""
    names = list(config.get("sets") or ["summeval", "xsumfaith", "factcc", "polytope"])
    rules = [config.get("aggregate", "min")] + [v for v in config.get("aggregate_variants", []) or []]
    l2, mil = float(config.get("l2", 0.01)), int(config.get("mil_iterations", 2))
    family = candidate_family(config)
    uses_lm = lambda c: any(f in fa.LM_FEATURES for f in c["features"])
    v1_spec = {"name": "v1", "kind": "logistic", "features": list(fa.FEATURES_V4), "l2": l2}
    sets = {n: load_set(pathlib.Path(data) / f"{n}.json", config.get("limit")) for n in names}
    pairs = [(it["document"], it["claim"]) for n in names for it in sets[n]]
    feats = iter(cached_features(pairs, pathlib.Path(cache), log))
    recs = {n: [{**next(feats), "label": it["label"], "id": it["id"]} for it in sets[n]] for n in names}
    for n in names:
        for r, it in zip(recs[n], sets[n]):
            r["copied"] = fa.copied(it["document"], r["sentences"])
    lm_tag = add_lm_rows([r for n in names for r in recs[n]], [d for d, _ in pairs], config, cache, log)
    if lm_tag is None:  # no LM in the config: its candidates cannot be scored
        family = [c for c in family if not uses_lm(c)]
    synthetic = _load_synthetic_recs(config, cache, log)
    if not synthetic:
        family = [c for c in family if not c.get("synthetic")]
    # the families of the rows: all candidates (v5); without LM features (the default scorer,
    # no model at run time); the candidates declared up to v4 (no v5 feature, no ``since: 5``);
    # the declared base family of v3 (neither LM nor synthetic data nor v5)
    families = {"nested": family, "nested_nolm": [c for c in family if not uses_lm(c)],
                "nested_v4": [c for c in family if not _is_v5(c)],
                "nested_base": [c for c in family if not uses_lm(c) and not c.get("synthetic") and not _is_v5(c)]}
    plain_family = families["nested_base"]
    if config.get("copy_rule"):  # declared in the config: every candidate scores a copied sentence 1
        families = {k: [{**c, "copy_rule": True} for c in v] for k, v in families.items()}
    seen: list[list[str]] = []
    for k in list(families):  # a family equal to an earlier (larger) one is not a row of its own
        names_k = [c["name"] for c in families[k]]
        if names_k in seen:
            families.pop(k)
        else:
            seen.append(names_k)
    family = families["nested"]

    tables: dict[str, Any] = {}
    intervals: dict[str, Any] = {}
    for rule in rules:
        per: dict[str, dict[str, Any]] = {k: nested_lodo(recs, fam, rule=rule, mil_iterations=mil) for k, fam in families.items()}
        if config.get("copy_rule"):
            per["nested_no_copy"] = nested_lodo(recs, plain_family, rule=rule, mil_iterations=mil)
        per["v1"] = leave_one_dataset_out(
            recs, lambda tr, r=rule: fit_candidate(v1_spec, tr, rule=r, mil_iterations=mil),
            lambda m, held, r=rule: _evaluate_model(m, "", r, {}, held))
        for sc in BASELINES:
            per[sc] = leave_one_dataset_out(recs, lambda tr: tr, lambda tr, held, sc=sc, r=rule: _evaluate_model(None, sc, r, tr, held))
        if rule == rules[0]:
            base = {n: per["rouge2_precision"][n]["_held"] for n in names}
            intervals = {k: bootstrap_mean({n: per[k][n]["_held"] for n in names}, paired_with=None if k == "rouge2_precision" else base)
                         for k in per}
        for cells in per.values():
            for n in names:
                cells[n].pop("_held", None)
            for k in ("balanced_accuracy", "roc_auc"):
                cells.setdefault("mean", {})[k] = _mean([cells[n][k] for n in names])
        tables[rule] = per
        log(f"aggregate {rule}: " + ", ".join(f"{sc} BA {per[sc]['mean']['balanced_accuracy']:.3f} AUC {per[sc]['mean']['roc_auc']:.3f}" for sc in per)
            + "; nested chose " + ", ".join(f"{n}: {per['nested'][n]['chosen']}" for n in names))

    single = {}
    for j, f in enumerate(fa.FEATURES + fa.LM_FEATURES if lm_tag else fa.FEATURES):
        sign = FEATURE_SIGN.get(f, 1)
        single[f] = {n: roc_auc([fa.aggregate((sign * feature_rows(r)[:, j]).tolist()) if r["features"] else -np.inf
                                 for r in recs[n]], [r["label"] for r in recs[n]]) for n in names}
        single[f]["mean"] = _mean([single[f][n] for n in names])

    today = _dt.date.today().isoformat()
    common = {
        "fitted_on": {n: len(recs[n]) for n in names}, "data": "SummaC benchmark, validation cut",
        "aggregate": rules[0], "mil_iterations": mil, "feature_version": fa.FEATURE_VERSION,
        "weights": "each set equal total weight, classes balanced within a set",
        "threshold": "maximises the mean balanced accuracy over the four sets (aggregated scores)",
        "how": "summarise.eval.validity.summac.run (eval/validity/summac.yaml)", "fitted_at": today,
    }
    shipped = {}
    lm_choice = None
    for key, fam in (("model", [c for c in family if not uses_lm(c)]), ("model_lm", family if lm_tag else [])):
        if not fam:
            continue
        spec, inner = select_candidate(fam, recs, rule=rules[0], mil_iterations=mil)
        final = fit_candidate(spec, recs, rule=rules[0], mil_iterations=mil)
        final.meta = {
            **common, "candidate": spec["name"], "candidate_spec": spec, "features_used": spec["features"],
            "selection": "leave-one-set-out over the four SummaC sets: each candidate fitted on three, ranked by "
                         "its mean ROC AUC on the left-out set; ties to the simpler",
            "inner_auc": inner, "candidates": [c["name"] for c in fam],
            **({"synthetic_items": len(synthetic)} if spec.get("synthetic") else {}),
            **({"lm": lm_tag} if final.needs_lm else {}),
        }
        if key == "model_lm" and not final.needs_lm:  # the LM's evidence lost the selection: nothing to ship
            lm_choice = spec["name"]
            log(f"selection over all candidates chose {spec['name']}, without LM features: no LM scorer ships")
            continue
        shipped[key] = final
        log(f"shipped scorer ({key}): {spec['name']} (inner mean AUC {inner[spec['name']]:.3f})")
    v1_final = fit_candidate(v1_spec, recs, rule=rules[0], mil_iterations=mil)
    v1_final.meta = {**common, "candidate": "v1: fixed full combination", "l2": l2}
    history = {"v1_full_combination": v1_final}
    if config.get("copy_rule"):  # the same selection without the copy rule, for the history (QAGS shows it)
        history["v2_without_copy_rule"] = fit_candidate(select_candidate(plain_family, recs, rule=rules[0], mil_iterations=mil)[0],
                                                        recs, rule=rules[0], mil_iterations=mil)
    if "nested_v4" in families:
        v4_spec = select_candidate(families["nested_v4"], recs, rule=rules[0], mil_iterations=mil)[0]
        history["v4_candidates"] = fit_candidate(v4_spec, recs, rule=rules[0], mil_iterations=mil)
        history["v4_candidates"].meta = {"candidate": v4_spec["name"],
                                         **({"synthetic_items": len(synthetic)} if v4_spec.get("synthetic") else {})}
    if "nested_base" in families:
        history["v3_base_features"] = fit_candidate(select_candidate(families["nested_base"], recs, rule=rules[0], mil_iterations=mil)[0],
                                                    recs, rule=rules[0], mil_iterations=mil)
    for m in shipped.values():
        m.meta.update({k: {a: b for a, b in h.to_json().items() if a != "meta" or b} for k, h in history.items()})
    row_keys = ("nested", "nested_nolm", "nested_v4", "nested_base", "nested_no_copy", "v1", *BASELINES)
    return {
        "sets": {n: {"items": len(recs[n]), "consistent": sum(r["label"] for r in recs[n]),
                     "sentences_per_summary": float(np.mean([len(r["sentences"]) for r in recs[n]]))} for n in names},
        "aggregate": rules[0], "aggregate_variants": rules[1:], "l2": l2, "mil_iterations": mil,
        "candidates": family, "scorers": {k: SCORER_LABELS[k] for k in row_keys if k in tables[rules[0]]}, "lodo": tables,
        "intervals": intervals, "lm": lm_tag, "synthetic_items": len(synthetic), "lm_choice_without_lm": lm_choice,
        "single_feature_auc": single, **{k: m.to_json() for k, m in shipped.items()}, "v1_model": v1_final.to_json(),
        "published": config.get("published", {}),
    }


def _load_synthetic_recs(config: Mapping[str, Any], cache: pathlib.Path, log: Callable[[str], None]) -> list[dict]:
    """The synthetic training records (features, LM rows, copy flags) when the config names the
    file (``synthetic: {path: ...}``, written by ``scripts/make_synthetic_faithfulness.py``);
    they also become :data:`_SYNTHETIC_RECS`."""
    from ..._paths import candidate_paths
    from . import DataMissing

    _SYNTHETIC_RECS.clear()
    spec = config.get("synthetic") or {}
    if not spec.get("path"):
        return []
    path = next((p for p in candidate_paths(spec["path"]) if p.is_file()), None)
    if path is None:
        raise DataMissing(f"summac: the synthetic training set {spec['path']!r} is not there; make it with "
                          f"`{spec.get('make', 'python scripts/make_synthetic_faithfulness.py')}` (a fixed seed: "
                          "the same file every time; never committed).")
    items = load_synthetic(pathlib.Path(path), config.get("synthetic_limit"))
    pairs = [(it["document"], it["claim"]) for it in items]
    recs = [{**f, "label": it["label"], "id": it["id"]} for f, it in
            zip(cached_features(pairs, pathlib.Path(cache).parent / "synthetic", log), items)]
    for r, it in zip(recs, items):
        r["copied"] = fa.copied(it["document"], r["sentences"])
    add_lm_rows(recs, [d for d, _ in pairs], config, cache, log)
    _SYNTHETIC_RECS.extend(recs)
    return recs


def _is_v5(spec: Mapping[str, Any]) -> bool:
    """A candidate declared in v5: over a v5 feature, or marked ``since: 5`` in the config."""
    return spec.get("since", 0) >= 5 or any(f in fa.FEATURES_V5 for f in spec["features"])


def _mean(values: Sequence[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return float(np.mean(kept)) if kept else None


# the page (render, headline) lives in ._summac_page and is re-exported above
