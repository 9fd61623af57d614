"""A batch against a local server that fails: 500s, 429s with Retry-After, requests that hang.
Retries happen, then the article's record carries a clear error, and the batch finishes.

The server is stdlib ``http.server`` on 127.0.0.1; the pipeline is stood in for by
``servers.stub_summarise`` (exactly one model call per article), so the request counts are exact.
"""

from __future__ import annotations

import json
import os
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import FakeOpenAIServer, stub_summarise  # noqa: E402

import summarise.batch as batch  # noqa: E402
from summarise.batch import summarise_corpus  # noqa: E402

ARTICLES = [{"id": i, "text": f"Article number {i}. The mayor said the bridge will reopen."} for i in range(6)]
FAST = {"backoff_base": 0.01, "backoff_max": 0.05}


@pytest.fixture(autouse=True)
def stub(monkeypatch):
    monkeypatch.setattr(batch, "_summarise", stub_summarise)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    return str(path)


def article_of(body: dict) -> int:
    return int(body["messages"][-1]["content"].split(".")[0].split()[-1])


def by_article(server: FakeOpenAIServer) -> dict[int, int]:
    counts: dict[int, int] = {}
    for req in server.chat_requests:
        n = article_of(req["json"])
        counts[n] = counts.get(n, 0) + 1
    return counts


def records(path) -> dict[int, dict]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    assert len(rows) == len({r["id"] for r in rows}), "an id twice"
    return {r["id"]: r for r in rows}


def run(corpus, out, server, **options):
    return summarise_corpus(corpus, out, model="fake-model", backend="openai", base_url=server.url,
                            concurrency=3, progress=False, **{**FAST, **options})


def test_500_is_retried_then_recorded_and_the_batch_finishes(tmp_path, corpus):
    with FakeOpenAIServer(default=lambda body: 500 if article_of(body) == 2 else "ok") as server:
        report = run(corpus, tmp_path / "out.jsonl", server, max_retries=3)
        counts = by_article(server)
    assert (report.done, report.failed) == (5, 1)
    assert counts[2] == 4 and all(counts[i] == 1 for i in range(6) if i != 2)
    error = records(tmp_path / "out.jsonl")[2]["error"]
    assert error["type"] == "BackendError"
    assert f"POST {server.url}/chat/completions failed after 4 attempts: HTTP 500" in error["message"]
    assert "What to do" in error["message"]


def test_429_with_retry_after_then_success(tmp_path, corpus):
    script = [(429, {"Retry-After": "0.2"})] * 2  # the first two requests, whichever articles
    with FakeOpenAIServer(script) as server:
        t0 = time.perf_counter()
        report = run(corpus, tmp_path / "out.jsonl", server, max_retries=2, backoff_max=1.0)
        elapsed = time.perf_counter() - t0
        assert len(server.chat_requests) == 8
    assert (report.done, report.failed) == (6, 0) and elapsed >= 0.2


def test_429_forever_is_recorded_per_article(tmp_path, corpus):
    with FakeOpenAIServer(default=(429, {"Retry-After": "0"})) as server:
        report = run(corpus, tmp_path / "out.jsonl", server, max_retries=2, limit=3)
        assert len(server.chat_requests) == 9
    assert (report.done, report.failed) == (0, 3)
    for rec in records(tmp_path / "out.jsonl").values():
        assert "after 3 attempts: HTTP 429" in rec["error"]["message"]
        assert "lower the concurrency" in rec["error"]["message"]


def test_hanging_server_times_out_retries_and_finishes(tmp_path, corpus):
    hang = lambda body: "hang" if article_of(body) in (1, 4) else "ok"  # noqa: E731
    with FakeOpenAIServer(default=hang, hang_seconds=5.0) as server:
        t0 = time.perf_counter()
        report = run(corpus, tmp_path / "out.jsonl", server, timeout=0.3, max_retries=1)
        elapsed = time.perf_counter() - t0
        counts = by_article(server)
    assert (report.done, report.failed) == (4, 2)
    assert counts[1] == counts[4] == 2 and elapsed < 5.0
    recs = records(tmp_path / "out.jsonl")
    for n in (1, 4):
        assert "after 2 attempts: timed out after 0.3 s" in recs[n]["error"]["message"]


def test_failures_are_retried_on_rerun_once_the_server_recovers(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    with FakeOpenAIServer(default=lambda body: 503 if article_of(body) % 2 else "ok") as server:
        assert run(corpus, out, server, max_retries=1).failed == 3
    with FakeOpenAIServer() as server:
        report = run(corpus, out, server)
        assert sorted(by_article(server)) == [1, 3, 5]  # only the failed ones are asked again
    assert (report.done, report.skipped, report.failed) == (3, 3, 0)
    recs = records(out)
    assert sorted(recs) == list(range(6)) and all(r["ok"] for r in recs.values())


def test_unreachable_server_fails_every_article_clearly(tmp_path, corpus):
    from servers import free_port

    url = f"http://127.0.0.1:{free_port()}/v1"
    report = summarise_corpus(corpus, tmp_path / "out.jsonl", model="m", backend="openai", base_url=url,
                              max_retries=1, progress=False, **FAST)
    assert report.failed == 6
    message = records(tmp_path / "out.jsonl")[0]["error"]["message"]
    assert f"POST {url}/chat/completions failed after 2 attempts: could not connect" in message


def test_cli_against_a_failing_server(tmp_path, corpus, capsys):
    from summarise.cli import main

    out = str(tmp_path / "out.jsonl")
    with FakeOpenAIServer(default=lambda body: 500 if article_of(body) == 0 else "ok") as server:
        code = main(["batch", corpus, "--out", out, "--backend", "openai", "--base-url", server.url,
                     "--model", "fake-model", "--max-retries", "1", "--timeout", "5", "--concurrency", "2",
                     "--no-progress"])
        assert by_article(server)[0] == 2
    err = capsys.readouterr().err
    assert code == 1 and "5 summarised, 0 skipped (already done), 1 failed" in err
    assert "1 article(s) failed" in err and "Re-run the same command to retry them" in err
    assert records(out)[0]["error"]["type"] == "BackendError"
