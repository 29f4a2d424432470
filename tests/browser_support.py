"""The real browser for the web-app tests: Debian's chromium driven by Playwright, and a page wrapper that
collects console errors, uncaught page errors and stack traces shown on the page (each must stay empty)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
"""Screenshots the browser tests take (ignored by git)."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
TRACE = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\.py\", line \d+")


SETTLE_MS = 400
"""How long a component takes to be drawn at full opacity again once Gradio's update of it has finished."""


def wait_until_drawn(page) -> None:
    """Wait until Gradio has finished every update and drawn the page at full opacity: a component being updated
    carries ``.pending`` and is drawn at 20% opacity, and fades back in after; an update may start a moment after the
    event that caused it, so the wait is repeated once the fade is over. Accessibility scans run on the page as
    drawn, never mid-fade (a faded text fails colour contrast)."""
    for _ in range(2):
        page.wait_for_function("document.querySelectorAll('.pending').length === 0")
        page.wait_for_timeout(SETTLE_MS)


@contextmanager
def chromium_context(profile: Path, timeout_ms: int = 20_000) -> Iterator:
    """A headless chromium (the Debian one: Playwright never downloads a browser) with a Dutch locale."""
    import playwright.sync_api as playwright_api

    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            locale="nl-NL",
            viewport={"width": 1200, "height": 900},
        )
        context.set_default_timeout(timeout_ms)
        try:
            yield context
        finally:
            context.close()


def screenshot(page, name: str, full_page: bool = False) -> None:
    """Save a screenshot of ``page`` as ``test-artifacts/<name>``."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


class Page:
    """A browser page on the app that records console errors and uncaught exceptions."""

    def __init__(self, context, url: str, viewport: dict | None = None) -> None:
        self.errors: list[str] = []
        self.page = context.new_page()
        if viewport:
            self.page.set_viewport_size(viewport)
        self.page.on(
            "console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.goto(url)
        self.page.wait_for_selector(".pw-chat")
        self.page.wait_for_function("document.querySelector('#pw-lang input:checked') !== null")

    def ask(self, question: str, timeout_ms: float | None = None):
        """Ask ``question`` in the chat; wait until its answer is final and return its turn."""
        n = self.page.locator(".pw-turn").count()
        self.page.fill("#pw-question textarea", question)
        self.page.press("#pw-question textarea", "Enter")
        turn = f".pw-turn[data-turn='{n}']"
        self.page.wait_for_selector(f"{turn}[aria-busy='false']", timeout=timeout_ms)
        return self.page.locator(turn)

    def tab(self, n: int) -> None:
        self.page.get_by_role("tab").nth(n).click()

    def pick(self, elem_id: str, value: str) -> None:
        box = self.page.locator(f"#{elem_id} input")
        box.click()
        listbox = self.page.locator(f"#{box.get_attribute('aria-controls')}")
        listbox.get_by_role("option", name=value, exact=True).click()

    def search(self, query: str) -> None:
        self.page.fill("#pw-query textarea", query)
        self.page.click("#pw-search")

    def close(self) -> None:
        """Close the page; fails when it logged an error or showed a stack trace."""
        body = self.page.inner_text("body")
        self.page.close()
        assert not TRACE.search(body), "a stack trace is shown on the page"
        assert not self.errors, self.errors
