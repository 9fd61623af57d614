"""summarise_corpus and `summarise batch`: inputs, outputs, resuming, exactly-once records.

The pipeline is stood in for by ``servers.stub_summarise`` (one model call per article, a
Summary-shaped result), so these tests exercise the batch runner alone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import stub_summarise  # noqa: E402

import summarise.batch as batch  # noqa: E402
from summarise import InputError  # noqa: E402
from summarise.backends import FakeBackend  # noqa: E402
from summarise.batch import BatchReport, summarise_corpus  # noqa: E402
from summarise.cli import main  # noqa: E402

ARTICLES = [{"id": f"a{i}", "text": f"Officials said {i} people attended. Critics disagreed."} for i in range(8)]


def write_jsonl(path, rows) -> str:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    return str(path)


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def assert_exactly_once(records, ids) -> None:
    got = [r["id"] for r in records]
    assert sorted(got, key=str) == sorted(ids, key=str), "every id exactly once"
    for r in records:
        assert set(r) == {"id", "ok", "result", "error", "seconds"}
        assert (r["result"] is None) != r["ok"] and (r["error"] is None) == r["ok"]


@pytest.fixture(autouse=True)
def stub(monkeypatch):
    monkeypatch.setattr(batch, "_summarise", stub_summarise)


@pytest.fixture
def corpus(tmp_path):
    return write_jsonl(tmp_path / "corpus.jsonl", ARTICLES)


def test_jsonl_to_jsonl_then_rerun_skips(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    fake = FakeBackend(["A neutral summary."])
    report = summarise_corpus(corpus, out, model=fake, concurrency=3, progress=False)
    assert isinstance(report, BatchReport)
    assert (report.done, report.skipped, report.failed) == (8, 0, 0) and report.seconds >= 0
    records = read_jsonl(out)
    assert_exactly_once(records, [a["id"] for a in ARTICLES])
    by_id = {r["id"]: r for r in records}
    for article in ARTICLES:
        ev = by_id[article["id"]]["result"]["claims"][0]["evidence"][0]
        assert article["text"][ev["start"]:ev["end"]] == ev["text"]
    assert len(fake.calls) == 8
    again = summarise_corpus(corpus, out, model=fake, progress=False)
    assert (again.done, again.skipped, again.failed) == (0, 8, 0)
    assert len(fake.calls) == 8 and read_jsonl(out) == records


def test_csv_parquet_and_dataset_inputs(tmp_path):
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"doc": i, "body": a["text"]} for i, a in enumerate(ARTICLES[:4])]
    csv_path = tmp_path / "c.csv"
    with open(csv_path, "w", encoding="utf-8") as fh:
        fh.write("doc,body\n" + "".join(f'{r["doc"]},"{r["body"]}"\n' for r in rows))
    pq_path = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows), pq_path)
    ds = datasets.Dataset.from_list(rows)
    for source, ids in ((csv_path, ["0", "1", "2", "3"]), (pq_path, [0, 1, 2, 3]), (ds, [0, 1, 2, 3])):
        out = tmp_path / f"out-{len(os.listdir(tmp_path))}.jsonl"
        report = summarise_corpus(source, out, model=None, id_column="doc", text_column="body",
                                  progress=False)
        assert report.done == 4
        assert_exactly_once(read_jsonl(out), ids)


def test_parquet_output_and_rerun(tmp_path, corpus):
    import pyarrow.parquet as pq

    out = tmp_path / "out.parquet"
    assert summarise_corpus(corpus, out, model=None, limit=5, progress=False).done == 5
    assert not os.path.exists(f"{out}.partial.jsonl")
    rows = pq.read_table(out).to_pylist()
    assert_exactly_once(rows, [a["id"] for a in ARTICLES[:5]])
    assert json.loads(rows[0]["result"])["claims"][0]["kind"] == "fact"
    report = summarise_corpus(corpus, out, model=None, progress=False)  # the rest, resumed
    assert (report.done, report.skipped) == (3, 5)
    assert_exactly_once(pq.read_table(out).to_pylist(), [a["id"] for a in ARTICLES])


def test_failures_are_recorded_and_retried_on_rerun(tmp_path, monkeypatch):
    rows = ARTICLES[:5] + [{"id": "empty", "text": "  "}]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows)
    out = tmp_path / "out.jsonl"

    def flaky(text, **kw):
        if "3 people" in text:
            raise RuntimeError("model exploded on a3")
        return stub_summarise(text, **kw)

    monkeypatch.setattr(batch, "_summarise", flaky)
    report = summarise_corpus(corpus, out, model=None, concurrency=2, progress=False)
    assert (report.done, report.failed) == (4, 2)
    by_id = {r["id"]: r for r in read_jsonl(out)}
    assert by_id["a3"]["error"] == {"type": "RuntimeError", "message": "model exploded on a3"}
    assert by_id["empty"]["error"]["type"] == "InputError"

    monkeypatch.setattr(batch, "_summarise", stub_summarise)  # the model is fixed; re-run
    report = summarise_corpus(corpus, out, model=None, progress=False)
    assert (report.done, report.skipped, report.failed) == (1, 4, 1)
    records = read_jsonl(out)
    assert_exactly_once(records, [r["id"] for r in rows])
    assert {r["id"]: r["ok"] for r in records}["a3"] is True


def test_limit_keeps_failures_it_does_not_reach(tmp_path, corpus, monkeypatch):
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(batch, "_summarise", lambda text, **kw: 1 / 0)
    assert summarise_corpus(corpus, out, model=None, progress=False).failed == 8
    monkeypatch.setattr(batch, "_summarise", stub_summarise)
    report = summarise_corpus(corpus, out, model=None, limit=3, progress=False)
    assert (report.done, report.failed) == (3, 0)
    records = read_jsonl(out)
    assert_exactly_once(records, [a["id"] for a in ARTICLES])
    assert sum(r["ok"] for r in records) == 3


def test_truncated_last_line_is_dropped(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    summarise_corpus(corpus, out, model=None, limit=3, progress=False)
    with open(out, "ab") as fh:
        fh.write(b'{"id": "a3", "ok": true, "result": {"summ')  # a crash mid-write
    report = summarise_corpus(corpus, out, model=None, progress=False)
    assert (report.done, report.skipped) == (5, 3)
    assert_exactly_once(read_jsonl(out), [a["id"] for a in ARTICLES])


def test_damaged_middle_line_is_an_error(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    summarise_corpus(corpus, out, model=None, limit=2, progress=False)
    lines = open(out).read().splitlines()
    with open(out, "w") as fh:
        fh.write(lines[0] + "\nnot json\n" + lines[1] + "\n")
    with pytest.raises(InputError, match=r"Line 2 of the output .* is not a batch record.*Move the file aside"):
        summarise_corpus(corpus, out, model=None, progress=False)


def test_duplicate_record_lines_are_compacted(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    summarise_corpus(corpus, out, model=None, limit=2, progress=False)
    first = open(out).readline()
    with open(out, "a") as fh:
        fh.write(first.replace('"ok": true', '"ok": false'))  # a stale failure after a success
    summarise_corpus(corpus, out, model=None, progress=False)
    records = read_jsonl(out)
    assert_exactly_once(records, [a["id"] for a in ARTICLES])
    assert all(r["ok"] for r in records)


@pytest.mark.parametrize("rows,match", [
    ([{"id": 1, "body": "x"}], r"line 1 of corpus.jsonl has no column 'text' \(columns: id, body\)\. "
                               r"Pass text_column='body' \(--text-column body\)"),
    ([{"id": 1, "text": "x"}, {"id": 1, "text": "y"}], r"Duplicate id 1: line 1 of corpus.jsonl and line 2"),
    ([{"id": None, "text": "x"}], r"line 1 of corpus.jsonl has id None: ids must be non-empty strings or integers"),
    ([["id", "text"]], r"line 1 of corpus.jsonl is a JSON list, not an object"),
])
def test_input_errors(tmp_path, rows, match):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows)
    with pytest.raises(InputError, match=match):
        summarise_corpus(corpus, tmp_path / "out.jsonl", model=None, progress=False)
    assert not os.path.exists(tmp_path / "out.jsonl")


def test_input_errors_for_files_and_datasets(tmp_path):
    import datasets

    csv_path = tmp_path / "c.csv"
    csv_path.write_text("key,text\n1,hello\n")
    with pytest.raises(InputError, match=r"c.csv has no column 'id' \(columns: key, text\)"):
        summarise_corpus(csv_path, tmp_path / "o.jsonl", model=None, progress=False)
    ds = datasets.Dataset.from_list([{"id": 1, "content": "x"}])
    with pytest.raises(InputError, match=r"the dataset has no column 'text' \(columns: id, content\)"):
        summarise_corpus(ds, tmp_path / "o.jsonl", model=None, progress=False)
    with pytest.raises(InputError, match="DatasetDict with splits \\['train'\\]: pass one split"):
        summarise_corpus(datasets.DatasetDict({"train": ds}), tmp_path / "o.jsonl", model=None)
    with pytest.raises(InputError, match="does not exist"):
        summarise_corpus(tmp_path / "nope.jsonl", tmp_path / "o.jsonl", model=None)
    (tmp_path / "x.txt").write_text("hi")
    with pytest.raises(InputError, match="extension: name it .jsonl, .csv or .parquet"):
        summarise_corpus(tmp_path / "x.txt", tmp_path / "o.jsonl", model=None)
    with pytest.raises(InputError, match="folder of the output"):
        summarise_corpus(tmp_path / "c.csv", tmp_path / "no" / "o.jsonl", model=None)


def test_bounded_concurrency(tmp_path, corpus, monkeypatch):
    active = peak = 0
    lock = threading.Lock()

    def slow(text, **kw):
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.03)
        with lock:
            active -= 1
        return stub_summarise(text, **kw)

    monkeypatch.setattr(batch, "_summarise", slow)
    summarise_corpus(corpus, tmp_path / "out.jsonl", model=None, concurrency=3, progress=False)
    assert peak == 3


def test_keyboard_interrupt_saves_what_finished_and_resumes(tmp_path, corpus, monkeypatch):
    out = tmp_path / "out.jsonl"
    calls = []

    def interrupted(text, **kw):
        calls.append(text)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return stub_summarise(text, **kw)

    monkeypatch.setattr(batch, "_summarise", interrupted)
    with pytest.raises(KeyboardInterrupt):
        summarise_corpus(corpus, out, model=None, concurrency=1, progress=False)
    saved = read_jsonl(out)  # the 4 before, and what was in flight (up to 2 x concurrency)
    assert 4 <= len(saved) <= 6 and all(r["ok"] for r in saved)
    assert "a4" not in {r["id"] for r in saved}
    monkeypatch.setattr(batch, "_summarise", stub_summarise)
    report = summarise_corpus(corpus, out, model=None, progress=False)
    assert (report.done, report.skipped) == (8 - len(saved), len(saved))
    assert_exactly_once(read_jsonl(out), [a["id"] for a in ARTICLES])


def test_killed_process_resumes_exactly_once(tmp_path, corpus):
    """SIGKILL the batch mid-run (no cleanup at all), then re-run: nothing lost, nothing twice."""
    out = tmp_path / "out.jsonl"
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        from servers import stub_summarise
        import summarise.batch as batch
        def slow(text, **kw):
            time.sleep(0.15)
            return stub_summarise(text, **kw)
        batch._summarise = slow
        batch.summarise_corpus({corpus!r}, {str(out)!r}, model=None, concurrency=2, progress=False)
    """))
    proc = subprocess.Popen([sys.executable, str(script)], start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if os.path.exists(out) and len(open(out, "rb").read().splitlines()) >= 3:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the batch finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    done_before = len(read_jsonl(out))
    assert 3 <= done_before < 8
    report = summarise_corpus(corpus, out, model=None, progress=False)
    assert report.skipped == done_before and report.done == 8 - done_before
    assert_exactly_once(read_jsonl(out), [a["id"] for a in ARTICLES])


def test_openai_backend_gets_the_batch_concurrency(tmp_path, corpus, monkeypatch):
    seen = []
    monkeypatch.setattr(batch, "_summarise", lambda text, *, model, **kw: seen.append(model) or
                        stub_summarise(text, model=None))
    summarise_corpus(corpus, tmp_path / "o.jsonl", model="m", backend="openai",
                     base_url="http://127.0.0.1:9/v1", concurrency=5, limit=2, progress=False)
    assert {be.concurrency for be in seen} == {5} and len({id(be) for be in seen}) == 1


# -- command line ---------------------------------------------------------------------------


def test_cli_batch(tmp_path, corpus, capsys, monkeypatch):
    out = str(tmp_path / "out.jsonl")
    assert main(["batch", corpus, "--out", out, "--no-model", "--no-progress", "--concurrency", "2"]) == 0
    assert "8 summarised, 0 skipped" in capsys.readouterr().err
    assert_exactly_once(read_jsonl(out), [a["id"] for a in ARTICLES])
    assert main(["batch", corpus, "--out", out, "--no-model", "--no-progress"]) == 0
    assert "0 summarised, 8 skipped" in capsys.readouterr().err

    monkeypatch.setattr(batch, "_summarise", lambda text, **kw: 1 / 0)
    out2 = str(tmp_path / "out2.jsonl")
    assert main(["batch", corpus, "--out", out2, "--no-model", "--no-progress", "--limit", "2"]) == 1
    assert "2 article(s) failed" in capsys.readouterr().err


def test_cli_errors(tmp_path, corpus, capsys):
    out = str(tmp_path / "out.jsonl")
    assert main(["batch", corpus, "--out", out, "--no-model", "--text-column", "body"]) == 2
    assert "summarise: error: line 1 of corpus.jsonl has no column 'body'" in capsys.readouterr().err
    assert main(["batch", corpus, "--out", out, "--base-url", "http://127.0.0.1:9/v1"]) == 2
    assert "--base-url is for --backend openai" in capsys.readouterr().err
