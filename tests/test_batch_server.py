"""End to end against a real OpenAI-compatible server: llama-cpp-python's ``llama_cpp.server`` on
the default model's GGUF, on a free port of 127.0.0.1. Needs ``pip install
'llama-cpp-python[server]'`` (compiled from source, minutes); without it these tests fail, they
are not skipped.

- the batch runner through the real server with a one-call stand-in for the pipeline;
- the server killed mid-batch (SIGKILL), restarted, the batch re-run: every article once;
- the real pipeline through the real server (needs ``summarise/_pipeline.py``).
"""

from __future__ import annotations

import json
import os
import sys
import threading

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import LlamaServer, stub_summarise  # noqa: E402

import summarise.batch as batch  # noqa: E402
from summarise.batch import summarise_corpus  # noqa: E402

pytestmark = pytest.mark.slow

SERVED = "SmolLM2-135M-Instruct"  # llama-cpp-python serves its one model under any name
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ARTICLES = [
    {"id": "bridge", "text": "The city council voted on Tuesday to reopen the Elm Street bridge. Mayor Ana Ruiz "
                             "said the repairs cost $4.2 million. Opposition councillors claimed the work was "
                             "rushed, which the mayor denied."},
    {"id": "strike", "text": "Nurses at St Mary's hospital began a 48-hour strike on Monday. The union said 900 "
                             "staff walked out over pay. Hospital managers estimated that 120 operations would be "
                             "postponed."},
    {"id": "rates", "text": "The central bank raised its main interest rate to 5.25 percent. Governor Lee said "
                            "inflation remained too high. Some economists warned that the rise could tip the "
                            "economy into recession."},
    {"id": "river", "text": "Police reported that a man was rescued from the river late on Friday. Witnesses said "
                            "he had been swept away while fishing. He was taken to hospital in a stable condition."},
]


def seed_article() -> dict:
    with open(os.path.join(ROOT, "examples", "seed.txt"), encoding="utf-8") as fh:
        return {"id": "seed", "text": fh.read()}


def write_corpus(path, rows) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def read_records(path) -> dict[str, dict]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), f"an id twice: {ids}"
    return {r["id"]: r for r in rows}


def options(server: LlamaServer, **extra):
    return {"model": SERVED, "backend": "openai", "base_url": server.url, "context_length": server.n_ctx,
            "timeout": 120.0, "progress": False, **extra}


@pytest.fixture(scope="module")
def llama(tmp_path_factory):
    server = LlamaServer(str(tmp_path_factory.mktemp("llama") / "server.log"))
    try:
        yield server.start()
    finally:
        server.stop()


def test_batch_through_the_real_server(tmp_path, llama, monkeypatch):
    monkeypatch.setattr(batch, "_summarise", stub_summarise)
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    report = summarise_corpus(corpus, tmp_path / "out.jsonl", concurrency=2, **options(llama))
    assert (report.done, report.failed) == (4, 0), llama.log_tail()
    recs = read_records(tmp_path / "out.jsonl")
    assert sorted(recs) == sorted(a["id"] for a in ARTICLES)
    for article in ARTICLES:
        result = recs[article["id"]]["result"]
        assert isinstance(result["summary"], str) and result["summary"].strip()  # the model wrote it
        for span in result["claims"][0]["evidence"]:
            assert article["text"][span["start"]:span["end"]] == span["text"]


def test_server_killed_mid_batch_then_restarted(tmp_path):
    server = LlamaServer(str(tmp_path / "server.log"))
    server.start()
    calls = 0
    lock = threading.Lock()

    def killing(text, **kw):
        nonlocal calls
        with lock:
            calls += 1
            if calls == 3:
                server.kill()  # SIGKILL mid-batch, requests possibly in flight
        return stub_summarise(text, **kw)

    articles = [{"id": f"n{i}", "text": f"Report {i}. " + ARTICLES[i % 4]["text"]} for i in range(6)]
    corpus = write_corpus(tmp_path / "corpus.jsonl", articles)
    out = tmp_path / "out.jsonl"
    try:
        batch._summarise, saved_summarise = killing, batch._summarise
        try:
            first = summarise_corpus(corpus, out, concurrency=2,
                                     **options(server, max_retries=1, backoff_base=0.05, backoff_max=0.1))
        finally:
            batch._summarise = saved_summarise
        assert first.done >= 1 and first.failed >= 3 and first.done + first.failed == 6
        before = read_records(out)
        failed = [r for r in before.values() if not r["ok"]]
        assert failed and all("could not connect" in r["error"]["message"] or "attempts" in r["error"]["message"]
                   for r in failed)

        server.start()  # the same port
        batch._summarise = stub_summarise
        try:
            second = summarise_corpus(corpus, out, concurrency=2, **options(server))
        finally:
            batch._summarise = saved_summarise
        assert (second.skipped, second.done, second.failed) == (first.done, first.failed, 0)
        after = read_records(out)
        assert sorted(after) == sorted(a["id"] for a in articles)
        assert all(r["ok"] for r in after.values())
        for key, rec in before.items():  # what was done is kept, not redone
            if rec["ok"]:
                assert after[key] == rec
    finally:
        server.stop()


def test_pipeline_end_to_end_through_the_real_server(tmp_path, llama):
    articles = [seed_article(), *ARTICLES[:3]]
    corpus = write_corpus(tmp_path / "corpus.jsonl", articles)
    report = summarise_corpus(corpus, tmp_path / "out.jsonl", concurrency=2, **options(llama, generation={"rewrite": 1}))
    recs = read_records(tmp_path / "out.jsonl")
    assert sorted(recs) == sorted(a["id"] for a in articles)
    assert report.failed == 0, {k: r["error"] for k, r in recs.items() if not r["ok"]}
    for article in articles:
        result = recs[article["id"]]["result"]
        assert isinstance(result["summary"], str) and result["summary"].strip()
        assert result["claims"], article["id"]
        for claim in result["claims"]:
            assert claim["evidence"]
            for span in claim["evidence"]:
                assert article["text"][span["start"]:span["end"]] == span["text"]
        prov = result["provenance"]
        assert (prov["backend"], prov["model"]) == ("openai", SERVED)
        assert prov["model_calls"] > 0 and prov["tokens"]["completion"] > 0
