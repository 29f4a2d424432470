"""Per-client request accounting for the public web app: who the client is, the rate limit, the opt-in request log.

The limit is an in-memory sliding window per client key (the connecting address, or the address a trusted reverse
proxy put last in ``X-Forwarded-For``). It is per process: with N app workers a client gets up to N times the limit
unless the proxy pins clients to workers.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

WINDOW_S = 60.0
MAX_KEYS = 10_000
"""Above this many tracked clients, clients idle for a whole window are forgotten (bounds memory)."""
REQUEST_LOG = "planwijzer.requests"
"""The logger that receives question text and client addresses, only when ``PLANWIJZER_LOG_REQUESTS`` is set."""


class RateLimiter:
    """At most ``limit`` requests per client key in any ``window`` seconds; ``limit <= 0`` disables it.

    Thread-safe. ``clock`` (monotonic seconds) can be replaced for tests.
    """

    def __init__(self, limit: int, window: float = WINDOW_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = int(limit)
        self.window = float(window)
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key)
        if hits is None:
            if len(self._hits) >= MAX_KEYS:
                self._forget_idle(now)
            hits = self._hits[key] = deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        return hits

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]:
            del self._hits[key]

    def _wait(self, hits: deque[float], now: float) -> int:
        return max(1, math.ceil(hits[0] + self.window - now))

    def _admit(self, key: str, count: bool) -> int:
        if not self.enabled:
            return 0
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return self._wait(hits, now)
            if count:
                hits.append(now)
            return 0

    def check(self, key: str) -> int:
        """Count one request of ``key``; 0 when allowed, else the whole seconds until it would be (not counted)."""
        return self._admit(key, count=True)

    def retry_after(self, key: str) -> int:
        """Like :meth:`check` without counting: 0 when ``key`` may make a request now."""
        return self._admit(key, count=False)

    def add(self, key: str) -> None:
        """Count one event of ``key`` without checking (e.g. a failed password)."""
        if self.enabled:
            with self._lock:
                now = self._clock()
                self._recent(key, now).append(now)


def client_key(request: Any, trust_forwarded_for: bool = False) -> str:
    """The rate-limit key of a ``gr.Request``: the connecting address, or with ``trust_forwarded_for`` the last
    address in ``X-Forwarded-For`` (the one the operator's proxy appended; earlier ones are client-supplied)."""
    if trust_forwarded_for:
        headers = getattr(request, "headers", None) or {}
        forwarded = headers.get("x-forwarded-for") or ""
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-1]
    client = getattr(request, "client", None)
    return str(getattr(client, "host", None) or "unknown")


def request_logger(enabled: bool) -> logging.Logger | None:
    """The request log when the operator enabled it (an INFO handler on stderr is added once), else None."""
    if not enabled:
        return None
    log = logging.getLogger(REQUEST_LOG)
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log


def limited_notice(lang: str, seconds: int) -> str:
    """The localised "too many requests, try again in N seconds" notice (HTML)."""
    from html import escape

    from planwijzer.ui.i18n import t

    text = escape(t(lang, "rate_limited", seconds=seconds))
    style = (  # sticky: stays in view at the bottom of a scrolled conversation
        "position: sticky; bottom: 0; z-index: 1; border-left: 4px solid #d98c00; padding: .5rem .8rem; "
        "background: #fff4e0; color: #3d2a00; border-radius: 4px;"
    )
    return f'<div class="pw-notice pw-ratelimit" role="alert" style="{style}">{text}</div>'


def limited_chat_html(turns: list[dict], lang: str, seconds: int) -> str:
    """The conversation so far with the rate-limit notice below it (the question itself is not answered)."""
    from planwijzer.ui import render

    body = render.turns_html(turns, lang)
    return f'<div class="pw-chat" aria-live="polite">{body}{limited_notice(lang, seconds)}</div>'
