"""Cost of the faithfulness scorer per summary sentence, without and with the language model
(issue 14): the lead-3 sentences of every article of ``eval/data/own.jsonl`` scored against their
article, in one warm process (models loaded and each article analysed once before the clock
starts, as in a long eval run; the first article's load time is reported apart).

- ``default``: ``faithfulness`` (summarise/eval/faithfulness.json): spaCy, MiniLM, no LM.
- ``lm``: the same plus the LM evidence (``summarise.eval._lm_evidence.lm_features``) from the
  embedded SmolLM2-135M on llama.cpp, one thread (the setting of the studies): what a scorer over
  LM features costs (``faithfulness_lm`` when one ships).

    nice python bench/bench_faithfulness.py      # writes bench/results_faithfulness.json, prints the table

The machine's load average is recorded beside: on a shared CPU the figures are upper bounds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> int:
    import torch

    torch.set_num_threads(1)
    from summarise.backends import load_backend
    from summarise.eval import faithfulness as fa
    from summarise.eval._text import sentence_spans

    items = [json.loads(line) for line in (ROOT / "eval" / "data" / "own.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    work = []
    for it in items:
        text = str(it["text"])
        sents = [text[a:b] for a, b in sentence_spans(text)][:3]
        work.append((text, sents))
    from summarise.eval._lm_evidence import lm_features

    scorer = load_backend("smollm2-135m", backend="llamacpp", n_threads=1)
    default = fa.load_model()
    t0 = time.perf_counter()
    fa.score_sentences(document=work[0][0], sentences=work[0][1], model=default)
    lm_features(document=work[0][0], sentences=work[0][1], scorer=scorer)  # loads everything
    first = time.perf_counter() - t0
    for text, _ in work:
        fa.analyse_document(text)  # the article analysis is shared by both and cached: time the sentences only
    record: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
                    "articles": len(work), "sentences": sum(len(s) for _, s in work),
                    "first_call_seconds_with_loads": round(first, 2), "per_sentence_ms": {}}
    t0 = time.perf_counter()
    for text, sents in work:
        fa.score_sentences(document=text, sentences=sents, model=default)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text, sents in work:
        lm_features(document=text, sentences=sents, scorer=scorer)
    extra = time.perf_counter() - t0
    record["per_sentence_ms"] = {"default": round(1000 * base / record["sentences"], 1),
                                 "lm": round(1000 * (base + extra) / record["sentences"], 1)}
    record["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    (ROOT / "bench" / "results_faithfulness.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"| scorer | ms per summary sentence ({record['sentences']} sentences, {record['articles']} articles) |\n|---|---|")
    for name, ms in record["per_sentence_ms"].items():
        print(f"| {name} | {ms} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
