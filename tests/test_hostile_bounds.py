"""Bounds: reply size and total time of the server client, CLI options, and input the library
refuses with its own error."""

from __future__ import annotations

import os
import sys
import time

import httpx
import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import FakeOpenAIServer, completion  # noqa: E402

from summarise import BackendError, InputError, extract_claims, summarise  # noqa: E402
from summarise.backends import FakeBackend  # noqa: E402
from summarise.backends.openai import OpenAIBackend  # noqa: E402
from summarise.cli import main  # noqa: E402

HELLO = [{"role": "user", "content": "Hello"}]


def _backend(handler, **kw):
    return OpenAIBackend("m", base_url="http://test/v1", transport=httpx.MockTransport(handler),
                         backoff_base=0.01, backoff_max=0.01, **kw)


def test_a_declared_huge_reply_is_refused_unread_and_not_retried():
    calls = []

    def handler(request):
        calls.append(1)
        return httpx.Response(200, headers={"Content-Length": str(95_000_000)}, content=b"{}")

    with pytest.raises(BackendError, match=r"over max_response_bytes=8,000,000 \(declared 95,000,000 bytes\).*not retried"):
        _backend(handler).generate(HELLO)
    assert len(calls) == 1


def test_an_endless_reply_stops_at_the_cap():
    sent = []

    def endless():
        while True:
            sent.append(1)
            yield b"x" * 100_000

    with pytest.raises(BackendError, match="over max_response_bytes=1,000,000"):
        _backend(lambda r: httpx.Response(200, content=endless()), max_response_bytes=1_000_000).generate(HELLO)
    assert len(sent) <= 12  # read up to the cap, not on


def test_a_trickling_server_cannot_hold_a_call_past_total_timeout():
    def trickle():
        yield b'{"choices": ['
        while True:
            time.sleep(0.05)
            yield b" "

    t0 = time.perf_counter()
    with pytest.raises(BackendError, match="total_timeout=0.5 s|timed out"):
        _backend(lambda r: httpx.Response(200, content=trickle()), timeout=5.0, total_timeout=0.5).generate(HELLO)
    assert time.perf_counter() - t0 < 2.0


def test_a_hanging_server_with_many_retries_is_bounded_by_total_timeout():
    with FakeOpenAIServer(default="hang", hang_seconds=3.0) as srv:
        be = OpenAIBackend("m", base_url=srv.url, timeout=0.3, max_retries=20, total_timeout=1.0,
                           backoff_base=0.01, backoff_max=0.01)
        t0 = time.perf_counter()
        with pytest.raises(BackendError, match=r"total_timeout=1 s.*raise total_timeout"):
            be.generate(HELLO)
        assert time.perf_counter() - t0 < 2.0
        assert len(srv.chat_requests) < 6


def test_normal_replies_still_parse():
    be = _backend(lambda r: httpx.Response(200, json=completion("Fine.")))
    assert be.generate(HELLO).text == "Fine."


@pytest.mark.parametrize("option,value", [("max_response_bytes", 10), ("total_timeout", 0), ("total_timeout", "1")])
def test_bad_bounds_name_the_value(option, value):
    with pytest.raises(BackendError, match=f"{option} must be"):
        OpenAIBackend("m", base_url="http://x/v1", **{option: value})


def test_cli_timeout_and_retries_reach_the_backend(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The port said cargo fell 8% in March. Dock workers said overtime was cut.", encoding="utf-8")
    with FakeOpenAIServer(default="hang", hang_seconds=2.0) as srv:
        t0 = time.perf_counter()
        code = main([str(article), "--backend", "openai", "--base-url", srv.url, "--model", "fake-model",
                     "--timeout", "0.2", "--max-retries", "1", "--rewrite"])
        err = capsys.readouterr().err
        assert code == 2 and "after 2 attempts: timed out after 0.2 s" in err
        assert time.perf_counter() - t0 < 15


def test_cli_timeout_without_a_server_backend_says_what_to_add(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The port said cargo fell 8% in March.", encoding="utf-8")
    assert main([str(article), "--no-model", "--timeout", "5"]) == 2
    assert "--timeout 5.0 is for --backend openai" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["\u200b\u200b\u200b", "\u202e\u202c \u2060\t\ufeff", "\x00\x07\n"])
def test_text_of_invisible_characters_only_is_an_input_error(text):
    with pytest.raises(InputError, match="no visible character"):
        summarise(text, model=None)


@pytest.mark.parametrize("kwargs,match", [
    ({"model": 3}, "model must be a model name.*got int 3"),
    ({"model": ["smollm2-135m"]}, "model must be.*got list"),
    ({"seed": "1"}, "seed must be an int, got str '1'"),
    ({"seed": 1.5}, "seed must be an int, got float"),
    ({"seed": True}, "seed must be an int, got bool"),
])
def test_wrong_types_get_the_library_error(kwargs, match):
    for fn in (summarise, extract_claims):
        with pytest.raises(InputError, match=match):
            fn("The port said cargo fell 8% in March.", **{"model": None, **kwargs})


def test_control_and_bidi_characters_never_reach_a_source():
    text = ("Port \u202edirector\u202c Ana\u200b Lima\x07 said cargo fell 8% in March. "
            "The harbour\u2066 master\u2069, Joe\x1b[31m Kim, said overtime was cut.")
    for model in (None, FakeBackend(lambda m: "The port said cargo fell.")):
        s = summarise(text, model=model)
        assert s.claims
        for c in s.claims:
            assert not any(ch in c.source for ch in "\u202e\u202c\u200b\x07\u2066\u2069\x1b"), c.source


FOREIGN = {
    "de": "Der Stadtrat hat am Dienstag beschlossen, die Buslinie bis zum neuen Krankenhaus zu verlängern. Die Kosten "
          "werden auf 1,2 Millionen Euro pro Jahr geschätzt, sagte ein Sprecher der Stadt. Die Opposition kritisierte den Beschluss.",
    "es": "El ayuntamiento votó el martes la ampliación de la línea de autobús hasta el nuevo hospital. El coste se estima "
          "en 1,2 millones de euros al año, según un portavoz de la ciudad. La oposición criticó duramente la decisión.",
    "ru": "Городской совет во вторник проголосовал за продление автобусного маршрута до новой больницы. Стоимость "
          "оценивается в 1,2 миллиона евро в год, сообщил представитель города.",
    "zh": "市议会周二投票决定将公交线路延长至新医院。市政府发言人说，每年的费用估计为一百二十万欧元。反对派强烈批评了这一决定。",
}


@pytest.mark.parametrize("lang", list(FOREIGN))
def test_a_text_that_is_not_english_is_refused_clearly(lang):
    with pytest.raises(InputError, match="does not look like English.*Translate the article into English first"):
        summarise(FOREIGN[lang], model=None)


def test_a_short_foreign_text_gets_a_warning_and_english_none():
    s = summarise("Der Minister sagte am Montag, dass der Plan mehr kosten werde als erwartet.", model=None)
    assert any("not English" in w for w in s.warnings)
    s = summarise("Troops massed. Talks failed. Markets fell. Rain came.", model=None)
    assert not any("not English" in w for w in s.warnings)
    quoted = ('The mayor of Dunmore said on Monday that the council would keep the bus route. "Wir schaffen das," '
              "the visiting German minister told reporters, before the two signed a twinning agreement.")
    assert not any("not English" in w for w in summarise(quoted, model=None).warnings)
