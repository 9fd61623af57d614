"""Does the local language model pick a pronoun's person better than the rules?

The classic language-model test of pronoun resolution (Trinh & Le, 2018, "partial" scoring): put
each candidate person's name where the pronoun is, and compare the log-probability the model gives
to the rest of the sentence after it (with the two sentences before as context). Measured on the
claims of a benchmark run that a reference claim is matched to, whose evidence has "he" or "she"
as a subject, and whose reference names a person as the source:

- rules: the pipeline's source for that claim (right, wrong, or left as the pronoun);
- model: the candidate the model prefers among the people named in the pronoun's sentence (before
  it) and the three sentences before.

    python scripts/pronoun_scorer_study.py runs/new-own eval/data/own.jsonl \\
        runs/new-references-dev ../shared/references/dev.jsonl [--model smollm2-135m]

Prints the counts; nothing is fitted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from summarise._analysis import analyse  # noqa: E402
from summarise._coref import _people  # noqa: E402
from summarise.backends import load_backend  # noqa: E402


def _names_person(source: str, name: str) -> bool:
    """Whether a reference source names the candidate (by surname)."""
    return bool(name) and name.split()[-1].lower() in source.lower().replace(",", " ").split()


def cases(run: Path, references: Path) -> list[dict]:
    preds = {json.loads(line)["id"]: json.loads(line)["prediction"] for line in open(run / "predictions.jsonl")}
    refs = {json.loads(line)["id"]: json.loads(line) for line in open(references)}
    results = json.load(open(run / "results.json"))
    out = []
    for item in results["items"]:
        ref, pred = refs[item["id"]], preds[item["id"]]
        text = ref["text"]
        analysis = None
        for pi, ri, _ in item["details"].get("matches", []):
            claim, gold = pred["claims"][pi], ref["claims"][ri]
            source = str(gold.get("source") or "")
            ev = (claim.get("evidence") or [{}])[0]
            if not isinstance(ev.get("start"), int) or source.lower() in ("the article", "unnamed", ""):
                continue
            analysis = analysis or analyse(text)
            pron = next((t for t in analysis.doc if ev["start"] <= t.idx < ev["end"] and t.lower_ in ("he", "she")
                         and t.dep_ in ("nsubj", "nsubjpass") and not analysis.in_quote(t.idx, t.idx + 1)), None)
            if pron is None:
                continue
            si = analysis.sentence_of(pron.idx)
            start = analysis.sentences[max(0, si - 3)][0]
            cands = []
            for a, _, m in _people(analysis):
                if start <= a < pron.idx and m not in cands:
                    cands.append(m)
            if not any(_names_person(source, m.name) for m in cands):
                continue  # the right person is not among the candidates: nothing to choose
            s0, s1 = analysis.sentences[si]
            context = text[analysis.sentences[max(0, si - 2)][0]:s0]
            out.append({"id": item["id"], "gold": source, "rules": str(claim.get("source") or ""),
                        "pronoun": pron.text, "cands": [m.name for m in cands],
                        "prefix": context + text[s0:pron.idx], "rest": text[pron.idx + len(pron.text):s1]})
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("pairs", nargs="+", help="RUN_DIR REFERENCES.jsonl, repeated")
    p.add_argument("--model", default="smollm2-135m")
    args = p.parse_args()
    found = []
    for run, refs in zip(args.pairs[::2], args.pairs[1::2]):
        found += cases(Path(run), Path(refs))
    scorer = load_backend(args.model)
    counts = {"cases": len(found), "rules_right": 0, "rules_wrong": 0, "rules_unresolved": 0, "lm_right": 0,
              "lm_right_where_rules_unresolved": 0, "lm_wrong_where_rules_right": 0}
    for c in found:
        scores = [sum(lp.logprobs) for lp in scorer.logprobs([(c["prefix"] + name, c["rest"]) for name in c["cands"]])]
        pick = c["cands"][max(range(len(scores)), key=scores.__getitem__)]
        lm_ok = _names_person(c["gold"], pick)
        rules = c["rules"].strip().lower()
        rules_state = "unresolved" if rules in ("he", "she") else ("right" if any(
            _names_person(c["gold"], n) and n.split()[-1].lower() in rules for n in c["cands"]) else "wrong")
        counts[f"rules_{rules_state}"] += 1
        counts["lm_right"] += lm_ok
        counts["lm_right_where_rules_unresolved"] += lm_ok and rules_state == "unresolved"
        counts["lm_wrong_where_rules_right"] += (not lm_ok) and rules_state == "right"
        print(f"{c['id']}: gold={c['gold']!r} rules={c['rules']!r} model={pick!r} of {c['cands']}")
    print(json.dumps(counts, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
