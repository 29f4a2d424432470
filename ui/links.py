"""This server's own address, for the links that clients open outside its pages (the source view of a local file,
in API answers, MCP results and exports)."""

from __future__ import annotations

import base64
import hashlib

from starlette.requests import Request

from planwijzer.config import Settings


def server_base(request: Request, settings: Settings) -> str:
    """This server's address for links clients open: ``PLANWIJZER_PUBLIC_URL``, else the scheme and host the request
    came in on."""
    return settings.web.public_url or f"{request.url.scheme}://{request.url.netloc}"


def csp_hash(source: str) -> str:
    """The Content-Security-Policy source (``'sha256-…'``) that allows exactly the inline ``source``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"
