"""``summarise eval report RUN_DIR``: the report page for every item of a run, with the
predicted and the reference claims side by side and how they were matched.

Each item's page shows the article with the predicted evidence marked (as in
``summarise FILE --report``) and the reference evidence underlined, then one row per match
(predicted claim, reference claim, similarity, whether source and kind agree), then the claims
left unmatched on either side, and the item's scores. ``index.html`` lists the items.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Mapping

from .._errors import InputError
from .._report import Layer, marked_article, page, provenance_line
from .._types import Claim, Summary

__all__ = ["write_run_report", "run_items"]


def run_items(results: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The reference items a run was scored on, from what its results.json recorded."""
    bench = (results.get("provenance") or {}).get("benchmark") or {}
    if bench.get("config"):
        from .benchmarks import load_benchmark, load_benchmark_items

        return load_benchmark_items(load_benchmark(bench["config"]))
    if bench.get("path") and Path(bench["path"]).is_file():
        from .references import load_references, to_items

        return to_items(load_references(bench["path"]))
    raise InputError(f"The run does not say where its reference items are (provenance.benchmark: {bench!r}); "
                     "rerun it with --benchmark or --data")


def _predictions(run: Path) -> dict[str, dict[str, Any]]:
    latest: dict[str, dict[str, Any]] = {}
    path = run / "predictions.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue  # a half-written last line, as the runner treats it
        if rec.get("prediction") is not None:
            latest[str(rec["id"])] = rec["prediction"]
    return latest


def _reference_layers(item: Mapping[str, Any]) -> list[Layer]:
    text = str(item.get("text") or "")
    layers = []
    for k, claim in enumerate(item.get("claims") or []):
        for ev in claim.get("evidence") or []:
            at = text.find(ev)
            if at >= 0:
                layers.append(Layer(at, -(at + len(ev)), 4, f'<span class="ref-ev" title="reference r{k + 1}: '
                                    f'{html.escape(str(claim.get("kind")), quote=True)}, source: '
                                    f'{html.escape(str(claim.get("source")), quote=True)}">', "</span>"))
    return layers


def _claim_cell(kind: Any, source: Any, text: Any, label: str) -> str:
    kind = html.escape(str(kind or ""))
    return (f'<td><span class="badge k-{kind}">{kind}</span><strong>{html.escape(str(source or ""))}'
            f'</strong>: {html.escape(str(text or ""))} <small>({label})</small></td>')


def _predicted_cell(claim: Claim) -> str:
    return _claim_cell(claim.kind, claim.source, claim.text, claim.id)


def _reference_cell(claim: Mapping[str, Any], i: int) -> str:
    return _claim_cell(claim.get("kind"), claim.get("source"), claim.get("claim"), f"r{i + 1}")


def _item_page(item: Mapping[str, Any], prediction: Mapping[str, Any], scored: Mapping[str, Any]) -> str:
    from ._sources import sources_match

    summary = Summary.from_dict(prediction)
    text = str(item.get("text") or "")
    pred, ref = list(summary.claims), list(item.get("claims") or [])
    matches = (scored.get("details") or {}).get("matches") or []
    rows = []
    for p_i, r_i, sim in matches:
        p, r = pred[p_i], ref[r_i]
        agree = (f"source {'agrees' if sources_match(p.source, str(r.get('source'))) else 'differs'}, "
                 f"kind {'agrees' if p.kind == r.get('kind') else 'differs'}")
        rows.append(f"<tr>{_predicted_cell(p)}{_reference_cell(r, r_i)}"
                    f"<td>{sim:.2f}; {agree}</td></tr>")
    matched_p, matched_r = {m[0] for m in matches}, {m[1] for m in matches}
    rows += [f"<tr>{_predicted_cell(p)}<td>—</td><td>unmatched prediction</td></tr>"
             for i, p in enumerate(pred) if i not in matched_p]
    rows += [f"<tr><td>—</td>{_reference_cell(r, i)}<td>missed reference claim</td></tr>"
             for i, r in enumerate(ref) if i not in matched_r]
    scores = "".join(f"<li>{html.escape(k)}: {'—' if v is None else f'{v:.3f}'}</li>"
                     for k, v in (scored.get("scores") or {}).items())
    body = f"""<section aria-labelledby="h-s"><h2 id="h-s">Summary</h2><p>{html.escape(summary.text)}</p>
<p><strong>Reference summary:</strong> {html.escape(str(item.get("reference_summary") or "—"))}</p></section>
<section aria-labelledby="h-a"><h2 id="h-a">Article</h2>
<p class="legend">Predicted evidence is marked with its claim's id and kind (source on hover or focus); reference
evidence is underlined in grey.</p>
<div class="article">{marked_article(summary, text, _reference_layers(item))}</div></section>
<section aria-labelledby="h-c"><h2 id="h-c">Claims: predicted and reference</h2>
<div class="table"><table><thead><tr><th scope="col">predicted ({len(pred)})</th><th scope="col">reference ({len(ref)})</th>
<th scope="col">match</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>
<section aria-labelledby="h-sc"><h2 id="h-sc">Scores</h2><ul>{scores}</ul></section>
<p><a href="index.html">All items</a></p>"""
    return page(f"{item.get('id')}: {item.get('title') or ''}".strip(": "), body, provenance_line(summary))


_EXTRA_CSS = ("<style>span.ref-ev{text-decoration:underline 3px #777;text-underline-offset:4px}"
              ".table{overflow-x:auto}table{border-collapse:collapse;width:100%}"
              "td,th{border:1px solid #bbb;padding:.3rem;vertical-align:top;text-align:left;font-size:.9em}</style>")


def write_run_report(run_dir: str | Path, out_dir: str | Path | None = None) -> list[Path]:
    """Write one page per scored item and ``index.html`` into ``out_dir`` (default
    ``RUN_DIR/report``); returns the paths written, index first."""
    run = Path(run_dir)
    if not (run / "results.json").is_file():
        raise InputError(f"No results.json in {str(run)!r}: give a folder written by `summarise eval run`")
    results = json.loads((run / "results.json").read_text(encoding="utf-8"))
    items = {str(i["id"]): i for i in run_items(results)}
    predictions = _predictions(run)
    out = Path(out_dir) if out_dir else run / "report"
    out.mkdir(parents=True, exist_ok=True)
    written, links = [], []
    for n, scored in enumerate(results.get("items") or [], 1):
        item_id = str(scored["id"])
        if item_id not in items or item_id not in predictions:
            continue
        path = out / f"item-{n:03d}.html"
        path.write_text(_item_page(items[item_id], predictions[item_id], scored).replace("</head>", _EXTRA_CSS + "</head>"),
                        encoding="utf-8")
        written.append(path)
        f1 = (scored.get("scores") or {}).get("claim_f1")
        links.append(f'<li><a href="{path.name}">{html.escape(item_id)}</a> — claim F1 '
                     f'{"—" if f1 is None else f"{f1:.2f}"}</li>')
    prov = results.get("provenance") or {}
    index = out / "index.html"
    index.write_text(page(f"Run: {prov.get('system')} / {prov.get('model')}", f"<ol>{''.join(links)}</ol>",
                          html.escape(f"{run} · {prov.get('date', '')}")), encoding="utf-8")
    return [index, *written]
