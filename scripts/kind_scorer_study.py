"""Can the local model judge a reported claim's kind better than the rules? (issue 9.2)

For every claim of a stored eval run that matched a reference claim and that the rules called a
``statement`` of someone other than the article, the model scores the reported words (the text
after the cue) under ``Statement: "..."\\nIs this statement a fact or an opinion? Answer:`` as
``" opinion"`` against ``" fact"``; above a threshold the claim becomes an ``opinion``. The
threshold is fitted on the first run (the team's own articles) and checked on the second (the
dev set). The template was the best of three on the reference claims' own texts of ``own``
(AUC 0.75 opinion against statement; dev 0.73).

    python scripts/kind_scorer_study.py RUN_OWN eval/data/own.jsonl RUN_DEV ../shared/references/dev.jsonl

where each RUN is the ``--out`` folder of ``summarise eval run --model none``. Result
(2026-12-05, SmolLM2-135M on llama.cpp): kind accuracy own 0.615 -> 0.639 with the fitted
threshold, dev 0.691 -> 0.670: it does not beat the rules on dev, so the pipeline does not use it.
"""

from __future__ import annotations

import json
import re
import sys

from summarise.backends import load_backend

TEMPLATE = 'Statement: "{t}"\nIs this statement a fact or an opinion? Answer:'
_CUE = re.compile(r"\b(?:said|says|told [^:,]+?|added|wrote|stated|argued|insisted|warned)(?::| that)? ")


def _rows(run_dir: str, refs: str) -> list[tuple[str, str, str, str]]:
    preds = {json.loads(line)["id"]: json.loads(line)["prediction"] for line in open(f"{run_dir}/predictions.jsonl")}
    refd = {json.loads(line)["id"]: json.loads(line) for line in open(refs)}
    res = json.load(open(f"{run_dir}/results.json"))
    out = []
    for item in res["items"]:
        for pi, ri, _ in item["details"].get("matches", []):
            c, g = preds[item["id"]]["claims"][pi], refd[item["id"]]["claims"][ri]
            out.append((c["kind"], g["kind"], c["text"], c["source"]))
    return out


def _scores(backend, rows) -> dict[int, float]:
    cand = [i for i, r in enumerate(rows) if r[0] == "statement" and r[3] != "the article"]
    reqs = []
    for i in cand:
        m = _CUE.search(rows[i][2])
        body = (rows[i][2][m.end():] if m else rows[i][2]).strip(" \u201c\u201d\"")
        ctx = TEMPLATE.format(t=body)
        reqs += [(ctx, " opinion"), (ctx, " fact")]
    lps = backend.logprobs(reqs)
    return {i: lps[2 * j].total - lps[2 * j + 1].total for j, i in enumerate(cand)}


def _accuracy(rows, scores, threshold: float) -> float:
    return sum((("opinion" if scores.get(i, -1e9) > threshold else p) == g) for i, (p, g, _, _) in enumerate(rows)) / len(rows)


def main(run_fit: str, refs_fit: str, run_check: str, refs_check: str) -> None:
    backend = load_backend("smollm2-135m")
    fit, check = _rows(run_fit, refs_fit), _rows(run_check, refs_check)
    s_fit, s_check = _scores(backend, fit), _scores(backend, check)
    best = max(sorted(set(s_fit.values())) + [1e9], key=lambda t: _accuracy(fit, s_fit, t))
    print(f"rules: fit {_accuracy(fit, s_fit, 1e9):.3f}  check {_accuracy(check, s_check, 1e9):.3f}")
    print(f"model, threshold {best:.2f} fitted on the first: fit {_accuracy(fit, s_fit, best):.3f}  "
          f"check {_accuracy(check, s_check, best):.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
