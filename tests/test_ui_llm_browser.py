"""The web chat with generated answers, in a real browser: Debian's chromium driven by Playwright, against the app
configured for the ``openai`` backend — once pointed at llama-cpp-python's real server with SmolLM2-135M (the
session's ``llm_server``), once at a port where nothing listens.

The answer must stream into the chat (the text grows over several observations before it is final) and end with
either cited sources or the fallback notice; with the endpoint down the chat shows the extractive answer and the
notice, in the question's language. Console errors, page errors and stack traces must not appear.
"""

from __future__ import annotations

import pytest
from browser_support import CHROMIUM, Page, screenshot
from llm_support import NOTICES, free_port, llm_overrides

from planwijzer.config import Settings
from tests.conftest import ingested_index

PLAN_Q = "Wanneer stemde de Universiteitsraad in met het bestedingsplan?"
AWARD_Q = "When did the Buddy Network receive the award?"
ANSWER_TIMEOUT_MS = 240_000
"""SmolLM2 on two busy CPU cores: generous, the test measures no time."""
RECORD_STREAM = """() => {
  window.__seen = [];
  new MutationObserver(() => {
    const a = document.querySelector('.pw-turn[aria-busy="true"] .pw-answer-text:not(.pw-waiting)');
    if (!a) return;
    const text = a.textContent;
    if (window.__seen[window.__seen.length - 1] !== text) window.__seen.push(text);
  }).observe(document.querySelector('#pw-chat'), {subtree: true, childList: true, characterData: true});
}"""

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (/usr/bin/chromium)")


@pytest.fixture(scope="module")
def web_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return ingested_index(tmp_path_factory.mktemp("web-llm"))


@pytest.fixture(scope="module")
def app_urls(web_settings: Settings, llm_server: str):
    """Two apps over one index: ``llm`` streams from the real model server, ``down`` points at a closed port."""
    from planwijzer.assistant.retrieval import Index
    from planwijzer.ui.app import build_app, launch

    index = Index(web_settings)
    demos, urls = [], {}
    for name, base_url in (("llm", llm_server), ("down", f"http://127.0.0.1:{free_port()}/v1")):
        demo = build_app(web_settings.replace(**llm_overrides(base_url)), index)
        port = free_port()
        launch(demo, "127.0.0.1", port, prevent_thread_lock=True, quiet=True)
        demos.append(demo)
        urls[name] = f"http://127.0.0.1:{port}/"
    yield urls
    for demo in demos:
        demo.close()


def _failed_notice(lang: str, reason: str) -> str:
    return NOTICES[lang]["failed"].format(reason=NOTICES[lang][reason])


def test_generated_answer_streams_then_shows_sources_or_notice(browser_context, app_urls) -> None:
    chat = Page(browser_context, app_urls["llm"])
    try:
        pg = chat.page
        pg.evaluate(RECORD_STREAM)
        turn = chat.ask(PLAN_Q, ANSWER_TIMEOUT_MS)
        seen = [" ".join(t.split()) for t in pg.evaluate("window.__seen")]
        final = " ".join(turn.locator(".pw-answer-text").inner_text().split())
        # the model's text grew in the chat: at least two observations, each extending the one before
        growing = [t for t in seen if t]
        assert len(growing) >= 2, f"the answer did not stream: {seen}"
        assert all(b.startswith(a) and len(b) > len(a) for a, b in zip(growing, growing[1:], strict=False)), growing
        cited = turn.locator(".pw-sources:not(.pw-related) .pw-source")
        notices = [NOTICES["nl"]["failed"].split("{")[0], NOTICES["nl"]["ungrounded"].split("{")[0]]
        fell_back = final.startswith("⚠")
        if fell_back:  # the model's answer failed the check: the extractive answer with a Dutch notice
            assert any(n in final for n in notices), final
            assert "14 maart 2022" in final
        assert cited.count() >= 1, "no cited sources under the answer"
        for marker in turn.locator(".pw-answer-text a.pw-cite").all():  # every marker opens a card of this answer
            assert turn.locator(f"#{marker.get_attribute('data-target')}").count() == 1
        screenshot(pg, "chat-llm.png")
    finally:
        chat.close()


def test_endpoint_down_shows_the_extractive_answer_with_the_notice(browser_context, app_urls) -> None:
    chat = Page(browser_context, app_urls["down"])
    try:
        nl = chat.ask(PLAN_Q, ANSWER_TIMEOUT_MS)
        text = " ".join(nl.locator(".pw-answer-text").inner_text().split())
        assert text.startswith("⚠ " + _failed_notice("nl", "unreachable")), text
        assert "14 maart 2022" in text
        assert nl.locator(".pw-sources:not(.pw-related) .pw-source").count() >= 1
        assert "Op 14 maart 2022 stemde de Universiteitsraad in" in nl.locator(".pw-source").first.inner_text()
        en = chat.ask(AWARD_Q, ANSWER_TIMEOUT_MS)  # an English question gets the notice in English
        text = " ".join(en.locator(".pw-answer-text").inner_text().split())
        assert text.startswith("⚠ " + _failed_notice("en", "unreachable")), text
        assert "9 May 2023" in text
        screenshot(chat.page, "chat-llm-down.png")
    finally:
        chat.close()
