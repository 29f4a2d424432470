"""Refresh the README's screenshots from the real app: ``python docs/make_screenshots.py``.

Starts ``planwijzer serve``'s server over the bundled corpus (``corpus/``) in a temporary index, opens it in Debian's
chromium (Playwright, headless) and saves ``docs/screenshot-chat.png`` (a cited answer with its sources and the share
and export links) and ``docs/screenshot-search.png`` (search results).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from planwijzer.assistant.service import ensure_index
from planwijzer.ui.server import build_server, start
from playwright.sync_api import sync_playwright

from planwijzer.config import get_settings

DOCS = Path(__file__).resolve().parent
QUESTION = "Wanneer stemde de Universiteitsraad in met het aanvullend bestedingsplan?"
SEARCH = "instemming universiteitsraad"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(index=Path(tmp) / "index", rate_limit_per_minute=0)
        ensure_index(settings, progress=False)
        server = start(build_server(settings))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1200, "height": 1000}, locale="nl-NL")
                page.goto(server.url + "/")
                page.wait_for_selector(".pw-chat")
                page.fill("#pw-question textarea", QUESTION)
                page.press("#pw-question textarea", "Enter")
                page.wait_for_selector(".pw-turn[data-turn='0'][aria-busy='false']", timeout=60_000)
                page.screenshot(path=str(DOCS / "screenshot-chat.png"), full_page=True)
                page.get_by_role("tab").nth(1).click()
                page.fill("#pw-query textarea", SEARCH)
                page.click("#pw-search")
                page.wait_for_selector(".pw-result")
                page.screenshot(path=str(DOCS / "screenshot-search.png"), full_page=True)
                browser.close()
        finally:
            server.stop()
    print(f"wrote {DOCS / 'screenshot-chat.png'} and {DOCS / 'screenshot-search.png'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
