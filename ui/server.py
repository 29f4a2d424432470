"""One server for everything ``planwijzer serve`` offers: the Gradio web app at ``/``, the OpenAI-compatible endpoint
at ``/v1`` and the MCP server at ``/mcp``, on one FastAPI app run by uvicorn.

Gradio is mounted on the FastAPI app (``gr.mount_gradio_app``), so its CORS rules apply to the web app only; ``/v1``
and ``/mcp`` send CORS headers only for the origins in ``PLANWIJZER_CORS_ORIGINS``. All three share one
:class:`~ui.app.PlanwijzerApp`: one index, one per-client rate limit, one opt-in request log.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time
from dataclasses import dataclass

import gradio as gr
import uvicorn
from fastapi import FastAPI
from planwijzer.assistant.retrieval import Index
from planwijzer.ui.apikeys import KeyStore
from planwijzer.ui.app import PlanwijzerApp, build_app
from planwijzer.ui.assets import CSS
from planwijzer.ui.identity import check_trusted_proxies
from planwijzer.ui.login import login_routes
from planwijzer.ui.mcp_server import KeyedAccess, KeyedEndpoint, build_mcp
from planwijzer.ui.openai_api import build_openai_api, cors_origins
from planwijzer.ui.share import share_routes
from planwijzer.ui.source_view import source_routes
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from planwijzer.config import Settings

SHUTDOWN_GRACE_S = 3
"""On SIGTERM or Ctrl-C, requests in flight get this many seconds to finish."""


def build_server(settings: Settings, index: Index | None = None) -> FastAPI:
    """The FastAPI app with ``/v1``, ``/mcp`` and the web app (at ``/``) over the index of ``settings``."""
    check_trusted_proxies(settings)  # a malformed PLANWIJZER_TRUSTED_PROXIES stops the start, naming the setting
    app = PlanwijzerApp(settings, index)
    demo = build_app(settings, app.index, app=app)
    keys = KeyStore(settings)
    mcp = build_mcp(KeyedAccess(app, keys))
    endpoint = KeyedEndpoint(mcp, keys)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        async with mcp.session_manager.run():
            yield

    root = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    root.mount("/v1", build_openai_api(app, keys))
    mcp_app = endpoint
    if origins := cors_origins(settings):
        mcp_app = CORSMiddleware(
            endpoint,
            allow_origins=origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Mcp-Session-Id", "Mcp-Protocol-Version", "Last-Event-ID"],
            expose_headers=["Mcp-Session-Id"],
        )
    root.router.routes.append(Route("/mcp", mcp_app))
    root.state.planwijzer = app
    root.state.keys = keys
    root.router.routes.extend(login_routes(settings))  # before the web app takes over "/"
    root.router.routes.extend(source_routes(app))
    root.router.routes.extend(share_routes(app))
    return gr.mount_gradio_app(
        root,
        demo,
        path="/",
        footer_links=["api"],
        show_error=False,
        max_file_size=int(settings.index.max_file_mb * 1024 * 1024),  # Gradio refuses larger uploads
        css=CSS,
    )


def _config(app: FastAPI, host: str, port: int) -> uvicorn.Config:
    # warnings only and no access log: no client address or path is logged unless PLANWIJZER_LOG_REQUESTS is set
    # open streams (Gradio's queue, a browser tab) would hold a graceful shutdown forever: cut them after a moment
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
    )


def serve_all(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> None:
    """Serve the web app, ``/v1`` and ``/mcp`` until interrupted (the index must be filled already)."""
    server = build_server(settings)
    keys = server.state.keys
    base = f"http://{host}:{port}"
    print(f"Planwijzer: {base}", file=sys.stderr)
    if keys.enabled():
        n = len(keys.keys())
        print(f"OpenAI-compatible API: {base}/v1 · MCP: {base}/mcp ({n} API key{'s' * (n != 1)})", file=sys.stderr)
    else:
        print("OpenAI-compatible API and MCP: off (no API key; `planwijzer api-key create NAME`)", file=sys.stderr)
    _Server(_config(server, host, port)).run()


class _Server(uvicorn.Server):
    """uvicorn's server that first ends the web app's heartbeat streams when it shuts down (as Gradio's own
    ``close()`` does), so that open browser tabs and ``gradio_client`` sessions do not hold the shutdown."""

    async def shutdown(self, sockets=None) -> None:
        for route in self.config.app.routes:
            stop = getattr(getattr(route, "app", None), "stop_event", None)  # the mounted Gradio app's
            if stop is not None:
                stop.set()
        await super().shutdown(sockets)


@dataclass
class Running:
    """A server started by :func:`start` in a thread; ``stop()`` ends it."""

    url: str
    server: _Server
    thread: threading.Thread

    def stop(self, timeout: float = 15.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)


def start(app: FastAPI, host: str = "127.0.0.1", port: int = 0, timeout: float = 60.0) -> Running:
    """Run ``app`` with uvicorn in a background thread (``port`` 0: a free one); returns once it accepts requests."""
    if not port:
        with socket.socket() as s:
            s.bind((host, 0))
            port = s.getsockname()[1]
    server = _Server(_config(app, host, port))
    thread = threading.Thread(target=server.run, name=f"planwijzer-server-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the server on {host}:{port} did not start")
        time.sleep(0.05)
    return Running(f"http://{host}:{port}", server, thread)
