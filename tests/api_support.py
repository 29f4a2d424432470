"""Starting the real server (web app, ``/v1``, ``/mcp``) on a free loopback port for the API and MCP tests."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path

from planwijzer.assistant.retrieval import Index
from planwijzer.ui.apikeys import KeyStore
from planwijzer.ui.server import Running, build_server, start

from planwijzer.config import Settings

CLOSED_PORT_URL = "http://127.0.0.1:9/v1"
"""An LLM endpoint nothing listens on: the ``planwijzer`` model then falls back to the extractive answer."""


def api_settings(settings: Settings, folder: Path, **overrides) -> Settings:
    """``settings`` with its own key file in ``folder``, the rate limit off, and the generating backend pointed at a
    closed port (so the ``planwijzer`` model answers extractively with a notice); ``overrides`` win."""
    folder.mkdir(parents=True, exist_ok=True)
    update = {
        "api_keys_file": folder / "api-keys.json",
        "feedback_db": folder / "feedback.sqlite3",
        "rate_limit_per_minute": 0,
        "answer_backend": "openai",
        "llm_base_url": CLOSED_PORT_URL,
        "llm_retries": 0,
        "llm_timeout": 5.0,
    }
    return settings.replace(**{**update, **overrides})


def create_key(settings: Settings, name: str = "tests") -> str:
    key, _ = KeyStore(settings).create(name)
    return key


def run_async(make: Callable[[], Coroutine]):
    """``asyncio.run(make())`` in a thread of its own (Playwright's sync API may hold this thread's event loop)."""
    result: dict = {}

    def target() -> None:
        try:
            result["value"] = asyncio.run(make())
        except BaseException as exc:  # noqa: BLE001 (re-raised in the caller's thread)
            result["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


@contextlib.contextmanager
def running(settings: Settings, index: Index) -> Iterator[Running]:
    """The server of ``planwijzer serve`` over ``index``, in a thread, stopped afterwards."""
    server = start(build_server(settings, index))
    try:
        yield server
    finally:
        server.stop()
