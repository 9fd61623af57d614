"""The report page: self-contained, every evidence span marked once with its exact text, loaded
terms struck through with their neutral wording, summary sentences linked to their claims; and,
in a real headless Chromium, it loads without console errors or network requests at phone
width (a screenshot is taken).

Set SUMMARISE_DOCS_SCREENSHOTS=1 to copy the screenshot to docs/report-seed.png."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarise import InputError, summarise
from summarise.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")


class _Marks(HTMLParser):
    """Text of every <mark id="ev-..."> (nested tags included), and every tag's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: dict[str, str] = {}
        self.open: list[tuple[str, str | None]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("br", "meta", "img", "link", "input"):
            return
        mark_id = a.get("id") if tag == "mark" else None
        if mark_id:
            self.marks[mark_id] = ""
        self.open.append((tag, mark_id))

    def handle_endtag(self, tag):
        while self.open:
            t, _ = self.open.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, mark_id in self.open:
            if mark_id:
                self.marks[mark_id] += data


def _parse(page: str) -> _Marks:
    p = _Marks()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def seed_summary():
    return summarise(SEED, model=None)


def test_one_mark_per_evidence_span_with_its_exact_text(seed_summary):
    page = _parse(seed_summary.to_html(SEED))
    expected = {f"ev-{c.id}-{j}": e.text for c in seed_summary.claims for j, e in enumerate(c.evidence)}
    assert page.marks == expected
    marks = {a["id"]: a for t, a in page.tags if t == "mark"}
    assert seed_summary.claims
    for c in seed_summary.claims:
        a = marks[f"ev-{c.id}-0"]
        assert a["data-kind"] == c.kind and a["data-source"] == c.source and a["tabindex"] == "0"
        assert c.kind in a["data-label"]  # kind in words, not colour alone


def test_loaded_terms_struck_through_with_neutral_wording(seed_summary):
    tags = _parse(seed_summary.to_html(SEED)).tags
    dels = [a for t, a in tags if t == "del"]
    assert len(dels) == len(seed_summary.loaded_terms) > 0
    assert any(a["data-neutral"] == "attack" for a in dels)  # "assault" => "attack" in the lexicon


def test_summary_sentences_link_to_claims_that_exist(seed_summary):
    tags = _parse(seed_summary.to_html(SEED)).tags
    ids = {a.get("id") for _, a in tags}
    links = [a["href"] for t, a in tags if t == "a" and (a.get("href") or "").startswith("#claim-")]
    assert len(links) >= len(seed_summary.sentences)
    assert links and all(h[1:] in ids for h in links)


def test_page_is_self_contained(seed_summary):
    page = seed_summary.to_html(SEED)
    tags = _parse(page).tags
    assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe")]
    assert not [a for _, a in tags for k in ("src", "href") if (a.get(k) or "").startswith(("http", "//"))]
    assert "@import" not in page and "url(" not in page
    assert '<meta name="viewport"' in page and '<html lang="en">' in page


def test_wrong_text_is_an_error_naming_the_claim(seed_summary):
    with pytest.raises(InputError, match="exactly as it was given"):
        seed_summary.to_html(SEED.upper())


def test_cli_writes_the_report(tmp_path, capsys):
    article = tmp_path / "seed.txt"
    article.write_text(SEED, encoding="utf-8")
    report = tmp_path / "out" / "report.html"
    assert main([str(article), "--no-model", "--report", str(report)]) == 0
    assert report.is_file() and "report written to" in capsys.readouterr().err
    assert "<mark" in report.read_text(encoding="utf-8")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Debian's chromium is not installed (apt-get install -y chromium)")
def test_page_in_a_real_headless_browser(seed_summary, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(seed_summary.to_html(SEED, title="Seed article"), encoding="utf-8")
    shot = tmp_path / "report-seed.png"
    common = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
              f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Failed to load" in line]
    assert console == []
    marks = _parse(dom.stdout).marks
    assert marks == {f"ev-{c.id}-{j}": e.text for c in seed_summary.claims for j, e in enumerate(c.evidence)}
    r = subprocess.run([*common, f"--screenshot={shot}", "--window-size=390,2400", "--hide-scrollbars",
                        page.as_uri()], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and shot.is_file() and shot.stat().st_size > 10_000, r.stderr[-2000:]
    if os.environ.get("SUMMARISE_DOCS_SCREENSHOTS") == "1":
        shutil.copy(shot, ROOT / "docs" / "report-seed.png")


@pytest.fixture(scope="module")
def eval_report(tmp_path_factory):
    run = tmp_path_factory.mktemp("run")
    assert main(["eval", "run", "--benchmark", "own", "--model", "none", "--limit", "2", "--out", str(run),
                 "--metrics", "claim_f1,attribution_accuracy,kind_accuracy", "--no-progress"]) in (0, 1)
    assert main(["eval", "report", str(run)]) == 0
    return run


def test_eval_report_puts_predicted_and_reference_claims_side_by_side(eval_report):
    results = __import__("json").loads((eval_report / "results.json").read_text())
    pages = sorted((eval_report / "report").glob("item-*.html"))
    assert len(pages) == 2 and (eval_report / "report" / "index.html").is_file()
    first = results["items"][0]
    html_text = pages[0].read_text(encoding="utf-8")
    rows = html_text.count("<tr>") - 1  # minus the header row
    matches = len(first["details"]["matches"])
    preds = html_text.count("unmatched prediction")
    missed = html_text.count("missed reference claim")
    assert matches > 0 and rows == matches + preds + missed
    assert 'class="ref-ev"' in html_text and "<mark" in html_text


@pytest.mark.skipif(_chromium() is None, reason="Debian's chromium is not installed (apt-get install -y chromium)")
def test_eval_report_page_in_a_real_headless_browser(eval_report, tmp_path):
    page = sorted((eval_report / "report").glob("item-*.html"))[0]
    shot = tmp_path / "eval-report-item.png"
    r = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
                        f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=900,2400",
                        "--hide-scrollbars", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and shot.is_file() and shot.stat().st_size > 10_000, r.stderr[-2000:]
    assert not [line for line in r.stderr.splitlines() if "CONSOLE" in line or "Failed to load" in line]
    if os.environ.get("SUMMARISE_DOCS_SCREENSHOTS") == "1":
        shutil.copy(shot, ROOT / "docs" / "report-eval-item.png")
