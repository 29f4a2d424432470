"""This server's own address, for the links that clients open outside its pages (the source view of a local file,
in API answers, MCP results and exports)."""

from __future__ import annotations

from starlette.requests import Request

from planwijzer.config import Settings


def server_base(request: Request, settings: Settings) -> str:
    """This server's address for links clients open: ``PLANWIJZER_PUBLIC_URL``, else the scheme and host the request
    came in on."""
    return settings.web.public_url or f"{request.url.scheme}://{request.url.netloc}"
