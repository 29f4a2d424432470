"""planwijzer bench --load: simulated users against the real web app, started as ``planwijzer serve``.

The app runs in its own process over the session's test index (tests/conftest.py), on a free loopback port.
No timing is asserted: only that the report is complete, the requests succeeded and the figures are consistent,
and that failures (an unknown endpoint, a closed port) are counted as errors rather than as answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from planwijzer.bench.load import (
    OPENAI,
    Query,
    ask_data,
    call_api,
    call_openai,
    check_payload,
    drive,
    free_port,
    markdown,
    read_questions,
    run_load,
    serve_app,
)
from planwijzer.cli import build_parser

QUESTIONS = [
    {"id": "l1", "question": "Wanneer stemde de Universiteitsraad in met het bestedingsplan?"},
    {"id": "l2", "question": "Hoeveel bedraagt de begroting voor het programma studiesucces?"},
    {"id": "l3", "question": "Who received the Student Well-being Award?"},
    {"id": "l4", "question": "En wanneer keurde het ministerie het goed?", "history": ["Wat is het bestedingsplan?"]},
]
REPORT_FIELDS = {
    "date", "command", "machine", "url", "questions", "requests", "errors", "throughput_rps", "latency_ms",
    "errors_by_kind", "error_examples", "endpoints", "users", "duration_s", "elapsed_s", "think_s",
    "server_rss_peak_mb", "server_rss_start_mb", "queue_size_max", "queue_size_mean", "queued_share_of_samples",
}  # fmt: skip


@pytest.fixture(scope="module")
def questions_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("load") / "questions.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in QUESTIONS) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def load_report(settings, ingest_report, questions_file: Path, tmp_path_factory) -> tuple[dict, Path]:
    """One short run: the driver starts the app itself, 4 users for 4 seconds."""
    out = tmp_path_factory.mktemp("load-out")
    report = run_load(out, index=settings.index.dir, users=4, duration_s=4, questions_path=questions_file, think_s=0.2)
    return report, out


def test_report_has_every_field_and_no_errors(load_report):
    report, _ = load_report
    assert REPORT_FIELDS <= set(report), REPORT_FIELDS - set(report)
    assert report["requests"] > 0
    assert report["errors"] == 0, report["error_examples"]
    assert report["errors_by_kind"] == {}
    assert report["throughput_rps"] > 0
    assert report["questions"] == len(QUESTIONS)
    assert report["users"] == 4


def test_latencies_are_positive_and_ordered(load_report):
    report, _ = load_report
    lat = report["latency_ms"]
    assert 0 < lat["p50"] <= lat["p95"] <= lat["p99"] <= lat["max"]
    endpoints = report["endpoints"]
    assert endpoints["ask"]["requests"] > 0
    assert sum(stats["requests"] for stats in endpoints.values()) == report["requests"]
    for stats in endpoints.values():
        if stats["requests"]:
            assert 0 < stats["latency_ms"]["p50"] <= stats["latency_ms"]["p95"] <= stats["latency_ms"]["p99"]


def test_the_openai_endpoint_is_measured_beside_the_gradio_api(settings, ingest_report):
    """The started app gets a fresh API key, so /v1/chat/completions answers under load with its citations."""
    with serve_app(settings.index.dir, settings.index.dir.parent / "load-v1.log") as (url, _pid, api_key):
        assert api_key
        with httpx.Client() as client:
            asked = call_openai(client, url, api_key, Query(QUESTIONS[0]["question"]))
        assert asked.error is None and asked.latency_ms > 0, asked.detail
        outcomes, _elapsed, _samples = drive(url, read_questions(None), 6, 3.0, think_s=0.1, api_key=api_key)
    by_endpoint = {o.endpoint for o in outcomes}
    assert OPENAI in by_endpoint and "ask" in by_endpoint
    assert all(o.error is None for o in outcomes), [o.detail for o in outcomes if o.error][:3]


def test_server_memory_and_queue_were_sampled(load_report):
    report, _ = load_report
    assert report["server_rss_peak_mb"] >= report["server_rss_start_mb"] > 0
    assert report["queue_size_max"] is not None and report["queue_size_max"] >= 0


def test_json_and_markdown_written(load_report):
    report, out = load_report
    assert json.loads((out / "load.json").read_text(encoding="utf-8")) == report
    md = (out / "load.md").read_text(encoding="utf-8")
    assert md == markdown(report)
    assert "| all | " in md and "| /ask | " in md and "p95 ms" in md
    if report["endpoints"][OPENAI]["requests"]:
        assert f"| /{OPENAI} | " in md
    assert (out / "load-server.log").exists()


def test_failures_count_as_errors(settings, ingest_report):
    """An unknown endpoint is an HTTP error, an unreachable server a connection error, never an answer."""
    with serve_app(settings.index.dir, settings.index.dir.parent / "load-errors.log") as (url, _pid, api_key):
        with httpx.Client() as client:  # one client per call: Gradio drops the connection after an unknown endpoint
            good = call_api(client, url, "ask", ask_data(Query(QUESTIONS[0]["question"])))
            assert good.error is None and good.latency_ms > 0, good.detail
        with httpx.Client() as client:
            bad_input = call_api(client, url, "search", ["x", "not a number", None, None, None, None, None, "x"])
            assert bad_input.error == "error_payload", bad_input
        with httpx.Client() as client:
            wrong = call_api(client, url, "no_such_endpoint", ["x"])
            assert wrong.error == "http", wrong
        with httpx.Client() as client:
            unkeyed = call_openai(client, url, "pwk_not-a-key", Query(QUESTIONS[0]["question"]))
            assert unkeyed.error == "http" and "401" in unkeyed.detail, unkeyed
    with httpx.Client() as client:
        closed = call_api(client, f"http://127.0.0.1:{free_port()}/", "ask", ask_data(Query("x")), timeout_s=5)
    assert closed.error == "connection", closed
    outcomes, _elapsed, _samples = drive(f"http://127.0.0.1:{free_port()}/", [Query("x")], 2, 1.0, think_s=0.1)
    assert outcomes and all(o.error == "connection" for o in outcomes)


def test_questions_file_builtin_list_and_payload_check(questions_file: Path, tmp_path: Path):
    queries = read_questions(questions_file)
    assert [q.question for q in queries] == [q["question"] for q in QUESTIONS]
    assert queries[3].history == ("Wat is het bestedingsplan?",)
    assert len(read_questions(None)) >= 10
    assert check_payload("ask", [{"answer": "a [1]", "citations": []}]) is None
    assert check_payload("search", [{"query": "q", "results": []}]) is None
    assert check_payload("ask", [{"error": "rate_limited", "retry_after_s": 3}])  # refused, not answered
    assert check_payload("search", None)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"question": "ok"}\n{"vraag": "no question key"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.jsonl:2"):
        read_questions(broken)


def test_cli_flags():
    args = build_parser().parse_args(["bench", "--load", "--users", "7", "--duration", "3", "--url", "http://x/"])
    assert args.load and args.users == 7 and args.duration == 3 and args.url == "http://x/"
    defaults = build_parser().parse_args(["bench", "--load"])
    assert defaults.users == 50 and defaults.duration == 60 and defaults.url is None
