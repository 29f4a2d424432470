"""``planwijzer bench --load``: many simulated users against the running web app, over plain HTTP.

Each user is a thread with its own HTTP connection. It asks a question through Gradio's API (``/ask``, or
``/search`` for a share of the requests) or, for another share when an API key is at hand, through the
OpenAI-compatible endpoint (``/v1/chat/completions``, non-streaming), waits for the answer, thinks a moment, and
asks again until the time is up. A Gradio request is its two-step call: ``POST /gradio_api/call/<api_name>``
queues it and returns an event id, then ``GET /gradio_api/call/<api_name>/<event_id>`` streams server-sent
events until ``complete`` (the answer) or ``error``. Latency is from the POST to the ``complete`` event, so it
includes the time the request waited in Gradio's queue.

Without ``--url`` the app is started here (``planwijzer serve`` on a free loopback port, the per-client rate
limit switched off so the run measures capacity, not the limiter, and a fresh API key so ``/v1`` is on) and stopped
afterwards; its resident
memory (the process and its children) and the length of Gradio's queue are sampled throughout.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from planwijzer.bench.measure import percentiles

API = "gradio_api"
SEARCH_SHARE = 0.2
"""Share of requests that go to ``/search``."""
OPENAI_SHARE = 0.2
"""Share of requests that go to ``/v1/chat/completions`` when an API key is given (the rest go to ``/ask``)."""
OPENAI = "v1/chat/completions"
OPENAI_MODEL = "planwijzer-extractive"
REQUEST_TIMEOUT_S = 60.0
"""A request without an answer after this long counts as a timeout error."""
SAMPLE_EVERY_S = 0.25
STARTUP_TIMEOUT_S = 600.0
"""How long the started app may take to come up (an empty index is ingested first)."""
BUILTIN_QUESTIONS = [
    "Wat zijn de kwaliteitsafspraken?",
    "Waaraan worden de middelen van de kwaliteitsafspraken besteed?",
    "Wanneer stemde de Universiteitsraad in met het bestedingsplan?",
    "Wie beoordeelt de plannen voor de kwaliteitsafspraken?",
    "Hoeveel geld is er voor de kwaliteitsafspraken beschikbaar?",
    "Welke rol hebben studenten bij de besteding van de studievoorschotmiddelen?",
    "What are the quality agreements?",
    "How is the money from the quality agreements spent?",
    "Who approved the spending plan?",
    "How much funding is involved in the quality agreements?",
    "What does the university do for student well-being?",
    "When will the quality agreements be evaluated?",
]
"""Generic questions about the documents, used when no questions file is given or found."""


@dataclass(frozen=True)
class Query:
    """One question a simulated user asks, with the earlier questions of its conversation."""

    question: str
    history: tuple[str, ...] = ()


@dataclass
class Outcome:
    """One finished request: which endpoint, how long it took, and what went wrong if anything."""

    endpoint: str
    latency_ms: float
    error: str | None = None
    """``None`` on success, else ``http``, ``timeout``, ``connection`` or ``error_payload``."""
    detail: str = ""


@dataclass
class Samples:
    """What the monitor saw while the load ran: server memory and Gradio's queue length."""

    rss_mb: list[float] = field(default_factory=list)
    queue_size: list[int] = field(default_factory=list)


def read_questions(path: Path | None) -> list[Query]:
    """The questions of a JSONL file (``question`` and optional ``history``), or the built-in list for ``None``."""
    if path is None:
        return [Query(q) for q in BUILTIN_QUESTIONS]
    from planwijzer.assistant.evaluation import load_questions  # the one reader of questions files

    queries = [Query(row["question"], tuple(str(h) for h in row.get("history") or [])) for row in load_questions(path)]
    if not queries:
        raise ValueError(f"{path}: no questions; give a JSONL file with one {{'question': ...}} per line")
    return queries


def free_port() -> int:
    """A TCP port on loopback that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids += [int(c) for c in task.read_text().split()]
        except OSError:
            continue
    return kids


def process_tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB (Linux ``/proc``; 0.0 once the process is gone)."""
    total_kb, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        total_kb += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        todo += _children(p)
    return round(total_kb / 1024, 1)


def ask_data(q: Query) -> list:
    """Positional inputs of ``/ask``: question, history, and the five filters (none)."""
    return [q.question, list(q.history), None, None, None, None, None]


def search_data(q: Query, k: int = 10) -> list:
    """Positional inputs of ``/search``: query, k, the five filters (none) and the sort order."""
    return [q.question, k, None, None, None, None, None, "relevance"]


def check_payload(api_name: str, data: object) -> str | None:
    """What is wrong with an endpoint's ``complete`` data, or ``None`` when it has the expected shape."""
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        return f"expected a list holding one object, got {str(data)[:200]}"
    obj = data[0]
    if api_name == "ask" and not (isinstance(obj.get("answer"), str) and isinstance(obj.get("citations"), list)):
        return f"/ask result without 'answer' and 'citations': {str(obj)[:200]}"
    if api_name == "search" and not isinstance(obj.get("results", obj.get("documents")), list):
        return f"/search result without 'results': {str(obj)[:200]}"
    return None


def call_api(
    client: httpx.Client, base_url: str, api_name: str, data: list, timeout_s: float = REQUEST_TIMEOUT_S
) -> Outcome:
    """One request through Gradio's HTTP API (POST, then the event stream), timed and classified."""
    started = time.perf_counter()
    deadline = started + timeout_s
    url = f"{base_url.rstrip('/')}/{API}/call/{api_name}"

    def done(error: str | None = None, detail: str = "") -> Outcome:
        return Outcome(api_name, (time.perf_counter() - started) * 1000, error, detail[:300])

    try:
        posted = client.post(url, json={"data": data}, timeout=timeout_s)
        if posted.status_code != 200:
            return done("http", f"POST {posted.status_code}: {posted.text}")
        event_id = posted.json()["event_id"]
        event = None
        with client.stream("GET", f"{url}/{event_id}", timeout=timeout_s) as stream:
            if stream.status_code != 200:
                return done("http", f"GET {stream.status_code}")
            for line in stream.iter_lines():
                if time.perf_counter() > deadline:
                    return done("timeout", f"no answer within {timeout_s:g} s")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event in ("complete", "error"):
                    payload = json.loads(line[5:].strip() or "null")
                    if event == "error":
                        return done("error_payload", f"error event: {payload}")
                    problem = check_payload(api_name, payload)
                    return done("error_payload", problem) if problem else done()
        return done("error_payload", "event stream ended without a 'complete' event")
    except httpx.TimeoutException as exc:
        return done("timeout", f"{type(exc).__name__}: {exc}")
    except httpx.TransportError as exc:
        return done("connection", f"{type(exc).__name__}: {exc}")
    except (ValueError, KeyError) as exc:  # unreadable JSON in a response
        return done("error_payload", f"{type(exc).__name__}: {exc}")


def openai_body(q: Query) -> dict:
    """The chat-completions request for ``q``: its earlier questions as user turns, then the question."""
    turns = [*q.history, q.question]
    return {"model": OPENAI_MODEL, "messages": [{"role": "user", "content": t} for t in turns]}


def call_openai(
    client: httpx.Client, base_url: str, api_key: str, q: Query, timeout_s: float = REQUEST_TIMEOUT_S
) -> Outcome:
    """One non-streaming ``/v1/chat/completions`` request, timed and classified like :func:`call_api`."""
    started = time.perf_counter()

    def done(error: str | None = None, detail: str = "") -> Outcome:
        return Outcome(OPENAI, (time.perf_counter() - started) * 1000, error, detail[:300])

    try:
        got = client.post(
            f"{base_url.rstrip('/')}/{OPENAI}",
            json=openai_body(q),
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=timeout_s,
        )
        if got.status_code != 200:
            return done("http", f"POST {got.status_code}: {got.text}")
        message = got.json()["choices"][0]["message"]
        if not isinstance(message.get("content"), str) or not isinstance(message.get("citations"), list):
            return done("error_payload", f"a message without 'content' and 'citations': {str(message)[:200]}")
        return done()
    except httpx.TimeoutException as exc:
        return done("timeout", f"{type(exc).__name__}: {exc}")
    except httpx.TransportError as exc:
        return done("connection", f"{type(exc).__name__}: {exc}")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        return done("error_payload", f"{type(exc).__name__}: {exc}")


@contextmanager
def serve_app(index: Path | None, log_path: Path, startup_timeout_s: float = STARTUP_TIMEOUT_S) -> Iterator[tuple]:
    """Start ``planwijzer serve`` on a free loopback port (rate limit off, one fresh API key set through
    ``PLANWIJZER_API_KEYS``); yields ``(url, pid, api_key)``, stops it after.

    The app's output goes to ``log_path``; if it exits or does not answer in time, the error quotes that log.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    cmd = [sys.executable, "-m", "planwijzer.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if index is not None:
        cmd += ["--index", str(index)]
    from planwijzer.ui.apikeys import hash_key, new_key

    api_key = new_key()
    keys = f"bench={hash_key(api_key)}"
    env = {**os.environ, "PLANWIJZER_RATE_LIMIT_PER_MINUTE": "0", "PLANWIJZER_API_KEYS": keys}
    env["PLANWIJZER_QUERY_CACHE"] = "0"  # the simulated users repeat questions: each is timed as a new one
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_ready(url, proc, log_path, startup_timeout_s)
        yield url, proc.pid, api_key
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_ready(url: str, proc: subprocess.Popen, log_path: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"planwijzer serve exited with code {proc.returncode} (log {log_path}):\n{tail}")
        try:
            if httpx.get(f"{url}{API}/queue/status", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"planwijzer serve did not answer at {url} within {timeout_s:g} s (log {log_path})")


def _monitor(base_url: str, pid: int | None, stop: threading.Event, samples: Samples) -> None:
    """Sample the server's memory and Gradio's queue length until ``stop`` is set."""
    with httpx.Client(timeout=2) as client:
        while not stop.is_set():
            if pid is not None:
                samples.rss_mb.append(process_tree_rss_mb(pid))
            try:
                samples.queue_size.append(
                    int(client.get(f"{base_url.rstrip('/')}/{API}/queue/status").json()["queue_size"])
                )
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            stop.wait(SAMPLE_EVERY_S)


def _user(
    n: int,
    base_url: str,
    queries: list[Query],
    go: threading.Barrier,
    duration_s: float,
    think_s: float,
    search_share: float,
    out: list,
    api_key: str | None = None,
) -> None:
    """One simulated user: ask, wait for the answer, think 0.5-1.5 × ``think_s``, repeat for ``duration_s``.

    The clock starts when every user has its connection ready (``go``), so set-up time is not load time.
    """
    rng = random.Random(n)
    with httpx.Client() as client:
        go.wait()
        until = time.perf_counter() + duration_s
        time.sleep(rng.uniform(0, think_s))  # users do not all start in the same instant
        while time.perf_counter() < until:
            q = rng.choice(queries)
            draw = rng.random()
            if api_key and draw < OPENAI_SHARE:
                out.append(call_openai(client, base_url, api_key, q))
            elif draw < search_share + (OPENAI_SHARE if api_key else 0.0):
                out.append(call_api(client, base_url, "search", search_data(q)))
            else:
                out.append(call_api(client, base_url, "ask", ask_data(q)))
            time.sleep(think_s * rng.uniform(0.5, 1.5))


def drive(
    base_url: str,
    queries: list[Query],
    users: int,
    duration_s: float,
    think_s: float = 1.0,
    search_share: float = SEARCH_SHARE,
    pid: int | None = None,
    api_key: str | None = None,
) -> tuple[list[Outcome], float, Samples]:
    """Run ``users`` simulated users for ``duration_s`` seconds; returns the outcomes, the wall time and samples.

    Users start no new request after ``duration_s``; requests in flight then are waited for and counted. One
    ``/ask`` and one ``/search`` (and one ``/v1`` request with ``api_key``) are sent first and not counted (the first
    call loads models and caches).
    """
    with httpx.Client() as client:
        call_api(client, base_url, "ask", ask_data(queries[0]))
        call_api(client, base_url, "search", search_data(queries[0]))
        if api_key:
            call_openai(client, base_url, api_key, queries[0])
    samples, stop = Samples(), threading.Event()
    monitor = threading.Thread(target=_monitor, args=(base_url, pid, stop, samples), daemon=True)
    monitor.start()
    per_user: list[list[Outcome]] = [[] for _ in range(users)]
    go = threading.Barrier(users + 1, timeout=120)  # a user that fails to set up breaks it instead of hanging
    threads = [
        threading.Thread(
            target=_user, args=(n, base_url, queries, go, duration_s, think_s, search_share, per_user[n], api_key)
        )
        for n in range(users)
    ]
    for t in threads:
        t.start()
    go.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    stop.set()
    monitor.join()
    return [o for outcomes in per_user for o in outcomes], elapsed, samples


def _stats(outcomes: list[Outcome], elapsed_s: float) -> dict:
    ok = [o.latency_ms for o in outcomes if o.error is None]
    return {
        "requests": len(outcomes),
        "errors": len(outcomes) - len(ok),
        "throughput_rps": round(len(ok) / elapsed_s, 2) if elapsed_s > 0 else 0.0,
        "latency_ms": {**percentiles(ok), "max": round(max(ok), 2) if ok else 0.0},
    }


def summarize(
    outcomes: list[Outcome], elapsed_s: float, samples: Samples, *, users: int, duration_s: float, think_s: float
) -> dict:
    """The report: requests, errors (by kind, with examples), throughput, latency percentiles, memory, queue."""
    kinds: dict[str, int] = {}
    for o in outcomes:
        if o.error:
            kinds[o.error] = kinds.get(o.error, 0) + 1
    queue = samples.queue_size
    return {
        **_stats(outcomes, elapsed_s),
        "errors_by_kind": kinds,
        "error_examples": [f"/{o.endpoint} {o.error}: {o.detail}" for o in outcomes if o.error][:5],
        "endpoints": {
            name: _stats([o for o in outcomes if o.endpoint == name], elapsed_s) for name in ("ask", "search", OPENAI)
        },
        "users": users,
        "duration_s": duration_s,
        "elapsed_s": round(elapsed_s, 2),
        "think_s": think_s,
        "server_rss_peak_mb": max(samples.rss_mb) if samples.rss_mb else None,
        "server_rss_start_mb": samples.rss_mb[0] if samples.rss_mb else None,
        "queue_size_max": max(queue) if queue else None,
        "queue_size_mean": round(sum(queue) / len(queue), 2) if queue else None,
        "queued_share_of_samples": round(sum(1 for q in queue if q > 0) / len(queue), 3) if queue else None,
    }


def markdown(report: dict) -> str:
    """The load report as a Markdown table, one row for all requests and one per endpoint."""

    def row(name: str, s: dict) -> str:
        lat = s["latency_ms"]
        return (
            f"| {name} | {s['requests']} | {s['errors']} | {s['throughput_rps']} | "
            f"{lat['p50']} | {lat['p95']} | {lat['p99']} | {lat['max']} |"
        )

    rss = report["server_rss_peak_mb"]
    memory = f"{rss} MB (at start {report['server_rss_start_mb']} MB)" if rss else "not measured"
    lines = [
        f"Load test of {report['date']} on {report['machine']['cpus']} CPUs (1-minute load average before/after: "
        f"{'/'.join(map(str, report['machine']['load_avg_1min']))}) — `{report['command']}`",
        "",
        f"{report['users']} users for {report['duration_s']} s (think time {report['think_s']} s × 0.5-1.5), "
        f"{report['questions']} questions, {_mix(report)}, against {report['url']}",
        "/ask and /search go through Gradio's queue; /v1/chat/completions is the OpenAI-compatible endpoint"
        f" (model {OPENAI_MODEL}, non-streaming) on the same server.",
        "",
        "| requests | total | errors | throughput req/s | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
        row("all", report),
        *(row(f"/{name}", s) for name, s in report["endpoints"].items() if s["requests"]),
        "",
        f"- peak server RSS (process and children): {memory}",
        f"- Gradio queue (requests waiting): max {report['queue_size_max']}, mean {report['queue_size_mean']}, "
        f"non-empty in {report['queued_share_of_samples']} of the samples",
        f"- errors by kind: {report['errors_by_kind'] or 'none'}",
        *(f"  - {e}" for e in report["error_examples"]),
        "",
    ]
    return "\n".join(lines)


def _mix(report: dict) -> str:
    openai = OPENAI_SHARE if report.get("api_key_used") else 0.0
    ask = 1.0 - SEARCH_SHARE - openai
    parts = [f"{round(100 * ask)}% /ask", f"{round(100 * SEARCH_SHARE)}% /search"]
    return ", ".join(parts + ([f"{round(100 * openai)}% /{OPENAI}"] if openai else []))


def run_load(
    out: Path,
    *,
    url: str | None = None,
    api_key: str | None = None,
    index: Path | None = None,
    users: int = 50,
    duration_s: float = 60.0,
    questions_path: Path | None = None,
    think_s: float = 1.0,
    command: str = "planwijzer bench --load",
    log: Callable[[str], None] = print,
) -> dict:
    """Run the load test (starting the app unless ``url`` is given); write ``load.json`` and ``load.md`` to ``out``.
    Against a running app at ``url``, ``/v1`` is measured when ``api_key`` is given."""
    if users < 1 or duration_s <= 0:
        raise ValueError("--users must be at least 1 and --duration positive")
    queries = read_questions(questions_path)
    out.mkdir(parents=True, exist_ok=True)
    load_before = round(os.getloadavg()[0], 2)
    if url:
        log(f"load: {users} users for {duration_s:g} s against {url} (server memory not measured)")
        outcomes, elapsed, samples = drive(url, queries, users, duration_s, think_s, api_key=api_key)
    else:
        log_path = out / "load-server.log"
        log(f"load: starting planwijzer serve (log {log_path}) …")
        with serve_app(index, log_path) as (url, pid, api_key):
            log(f"load: {users} users for {duration_s:g} s against {url}")
            outcomes, elapsed, samples = drive(url, queries, users, duration_s, think_s, pid=pid, api_key=api_key)
    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "machine": {"cpus": os.cpu_count(), "load_avg_1min": [load_before, round(os.getloadavg()[0], 2)]},
        "url": url,
        "questions": len(queries),
        "api_key_used": bool(api_key),
        **summarize(outcomes, elapsed, samples, users=users, duration_s=duration_s, think_s=think_s),
    }
    (out / "load.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "load.md").write_text(markdown(report), encoding="utf-8")
    return report
