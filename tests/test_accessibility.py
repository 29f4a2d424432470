"""WCAG 2.1 AA in a real browser: axe-core (``axe-playwright-python``) scans the web app's views in Dutch and English,
at desktop and phone width, and finds no violation of the wcag2a, wcag2aa, wcag21a and wcag21aa rules.

The views: the chat with a cited answer and an abstention, search with results, the documents table and the decisions
timeline. One app and one browser serve the module.
"""

from __future__ import annotations

import pytest
from browser_support import CHROMIUM, Page, wait_until_drawn

from planwijzer.config import Settings
from tests.conftest import ingested_index, write_corpus

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (/usr/bin/chromium)")

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
QUESTIONS = {
    "nl": ("Wanneer stemde de Universiteitsraad in met het bestedingsplan?", "Wie won de Tour de France van 1950?"),
    "en": ("When did the University Council consent to the spending plan?", "Who won the Tour de France in 1950?"),
}
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory):
    """The server of ``planwijzer serve`` (web app, source view, exports) over the test corpus."""
    from planwijzer.ui.server import build_server, start

    settings: Settings = ingested_index(tmp_path_factory.mktemp("a11y"), write_corpus, rate_limit_per_minute=0)
    running = start(build_server(settings))
    yield f"{running.url}/"
    running.stop()


def _violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now: rule, impact and the first elements. Waits for
    Gradio's updates to finish first (a component being updated is drawn at 20% opacity)."""
    wait_until_drawn(page)
    result = axe_module.Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", QUESTIONS)
def test_every_view_meets_wcag_2_1_aa(browser_context, app_url, lang: str, width: str) -> None:
    p = Page(browser_context, app_url, viewport=WIDTHS[width])
    try:
        pg = p.page
        if lang == "en":
            pg.get_by_label("English").check()
            pg.wait_for_function("document.documentElement.lang === 'en'")
        answered, refused = QUESTIONS[lang]
        assert p.ask(answered).locator(".pw-source").count() >= 1  # a cited answer with its sources
        p.ask(refused)  # an abstention with related passages
        found = {"chat": _violations(pg)}
        p.tab(1)
        p.search("bestedingsplan")
        pg.wait_for_selector(".pw-result")
        found["search"] = _violations(pg)
        p.tab(2)
        pg.locator("#pw-docs tbody tr").first.wait_for()
        found["documents"] = _violations(pg)
        p.tab(3)
        pg.locator("#pw-decisions .pw-decision").first.wait_for()
        found["decisions"] = _violations(pg)
    finally:
        p.close()
    assert not any(found.values()), {view: v for view, v in found.items() if v}


def test_the_finished_answer_is_announced_once_and_the_chat_is_not_live(browser_context, app_url) -> None:
    """Screen readers hear the answer once, when it is complete, not each streamed piece."""
    p = Page(browser_context, app_url, viewport=WIDTHS["desktop"])
    try:
        pg = p.page
        pg.wait_for_selector("#pw-announce[role=status][aria-live=polite]", state="attached")
        pg.evaluate(
            "window.__changes = 0; new MutationObserver(() => window.__changes++)"
            ".observe(document.getElementById('pw-announce'), {childList: true, characterData: true, subtree: true})"
        )
        turn = p.ask(QUESTIONS["nl"][0])
        answer = turn.locator(".pw-answer-text").inner_text()
        pg.wait_for_function("document.getElementById('pw-announce').textContent.length > 0")
        assert pg.locator("#pw-announce").text_content().strip() == answer.strip()
        assert pg.evaluate("window.__changes") == 1
        assert pg.locator("#pw-chat [aria-live]").count() == 0  # streamed pieces are not read out
    finally:
        p.close()


def test_html_lang_follows_the_interface_language(browser_context, app_url) -> None:
    p = Page(browser_context, app_url, viewport=WIDTHS["desktop"])
    try:
        pg = p.page
        pg.wait_for_function("document.documentElement.lang === 'nl'")  # the browser's language (nl-NL) first
        pg.get_by_label("English").check()
        pg.wait_for_function("document.documentElement.lang === 'en'")
        pg.get_by_label("Nederlands").check()
        pg.wait_for_function("document.documentElement.lang === 'nl'")
    finally:
        p.close()


def test_reduced_motion_turns_smooth_scrolling_off(browser_context, app_url) -> None:
    p = Page(browser_context, app_url, viewport=WIDTHS["desktop"])
    try:
        behaviour = "getComputedStyle(document.getElementById('pw-chat')).scrollBehavior"
        assert p.page.evaluate(behaviour) == "smooth"
        p.page.emulate_media(reduced_motion="reduce")
        assert p.page.evaluate(behaviour) == "auto"
    finally:
        p.close()


def test_the_scan_finds_a_violation_when_there_is_one(browser_context, app_url) -> None:
    """The check can fail: text whose contrast is too low is reported."""
    p = Page(browser_context, app_url, viewport=WIDTHS["desktop"])
    try:
        p.page.evaluate("document.querySelector('#pw-header p').style.color = '#cccccc'")
        assert any(v.startswith("color-contrast") for v in _violations(p.page))
    finally:
        p.close()


def _focused(pg) -> str:
    """What has keyboard focus: its id, else its class, else its tag."""
    return pg.evaluate("(() => { const e = document.activeElement; return e.id || e.className || e.tagName; })()")


def _tab_until(pg, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches ``selector`` (fails after ``limit`` presses)."""
    for _ in range(limit):
        pg.keyboard.press("Tab")
        if pg.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reached by Tab; focus is on {_focused(pg)}")


def test_the_chat_works_by_keyboard_alone_with_visible_focus(browser_context, app_url) -> None:
    """Ask, open a citation with Enter on [n] (its source card takes focus), open the source (a local PDF: the
    source view, its quote focused), go back, vote, switch language: keys only."""
    p = Page(browser_context, app_url, viewport=WIDTHS["desktop"])
    try:
        pg = p.page
        _tab_until(pg, "#pw-question textarea")
        pg.keyboard.type("Hoe groot is een groep in het mentorprogramma Kompas?")
        pg.keyboard.press("Enter")
        pg.wait_for_selector(".pw-turn[data-turn='0'][aria-busy='false']")
        _tab_until(pg, "a.pw-cite")
        outline = pg.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), "the focused citation shows no focus outline"
        target = pg.evaluate("document.activeElement.dataset.target")
        pg.keyboard.press("Enter")
        pg.wait_for_function(f"document.activeElement.id === {target!r}")  # the source card, focused
        pg.keyboard.press("Tab")
        assert pg.evaluate("document.activeElement.matches('a.pw-title')")  # the source's title link, next
        assert "/source/jaarverslag-2020.pdf?chunk=" in pg.evaluate("document.activeElement.href")
        with browser_context.expect_page() as opened:
            pg.keyboard.press("Enter")
        source = opened.value
        source.wait_for_function("document.activeElement && document.activeElement.id === 'pw-quote'")
        assert "Kompas" in source.inner_text("#pw-quote")
        assert source.evaluate("document.querySelector('a[href*=\"#page=2\"]') !== null")  # the PDF at its page
        source.close()  # back in the chat, where the focus was
        pg.bring_to_front()
        assert pg.evaluate("document.activeElement.matches('a.pw-title')")
        _tab_until(pg, "button.pw-vote")
        pg.keyboard.press("Enter")
        pg.wait_for_selector("button.pw-vote[aria-pressed='true']")
        _tab_until(pg, "#pw-lang input[value='en']")
        pg.keyboard.press("Space")
        pg.wait_for_function("document.documentElement.lang === 'en'")
    finally:
        p.close()
