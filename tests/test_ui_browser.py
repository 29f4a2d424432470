"""The web app in a real browser: Debian's chromium driven by Playwright, over a corpus written by the test.

One app (own index, own feedback database) and one browser serve the whole module. Console errors and
uncaught page errors are collected on every page and must stay empty. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from browser_support import CHROMIUM, Page, screenshot
from llm_support import free_port

from planwijzer.config import Settings
from tests.conftest import ingested_index, write_corpus

XSS_MD = """\
---
title: Notulen <b>overleg</b> studentenraad
date: 2019-04-02
doc_type: council
language: nl
institution: Universiteit Duinstad
---
# Notulen

Het XYLOFOONPROTOCOL werd besproken. Een lid plakte deze code in de notulen: <script>window.__pwned=1</script> \
en ook <img src=x onerror="window.__pwned=2"> en ${window.__pwned=3} en {{constructor}}.
"""
PLAN_Q = "Wanneer stemde de Universiteitsraad in met het bestedingsplan?"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (/usr/bin/chromium)")


@pytest.fixture(scope="module")
def web_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    def corpus_with_markup(folder: Path) -> Path:
        corpus = write_corpus(folder)
        (corpus / "notulen-xss-2019.md").write_text(XSS_MD, encoding="utf-8")
        return corpus

    return ingested_index(tmp_path_factory.mktemp("web"), corpus_with_markup, rate_limit_per_minute=0)  # asks fast


@pytest.fixture(scope="module")
def app_url(web_settings: Settings):
    from planwijzer.ui.app import build_app, launch

    demo = build_app(web_settings)
    port = free_port()
    launch(demo, "127.0.0.1", port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture()
def page(browser_context, app_url):
    p = Page(browser_context, app_url)
    yield p
    p.close()


def test_chat_streams_cited_answer_follow_up_and_abstains(page, web_settings):
    pg = page.page
    assert pg.get_by_role("tab").first.inner_text().strip() == "Vraag het"  # Dutch browser → Dutch interface
    # record the answer box height on every change while the answer streams in
    pg.evaluate(
        """() => { window.__frames = []; new MutationObserver(() => {
             const a = document.querySelector('.pw-turn[aria-busy="true"] .pw-pending');
             if (a) window.__frames.push(a.closest('.pw-a').getBoundingClientRect().height);
           }).observe(document.querySelector('#pw-chat'), {subtree: true, childList: true}); }"""
    )
    page.ask(PLAN_Q)
    answer = pg.locator(".pw-turn[data-turn='0'] .pw-answer-text")
    assert "14 maart 2022" in answer.inner_text()
    frames = pg.evaluate("window.__frames")
    assert len(frames) >= 2, "the answer did not stream"
    assert max(frames) - min(frames) < 1, f"layout moved while streaming: {frames}"
    # the marker reveals its source card, which holds the quoted passage with highlighted words
    cite = pg.locator(".pw-turn[data-turn='0'] a.pw-cite").first
    target = cite.get_attribute("data-target")
    cite.focus()
    pg.keyboard.press("Enter")  # keyboard works as well as a click
    card = pg.locator(f"#{target}")
    pg.wait_for_selector(f"#{target}.pw-flash")
    assert "Op 14 maart 2022 stemde de Universiteitsraad in met het bestedingsplan" in card.inner_text()
    assert "Bestedingsplan kwaliteitsafspraken Universiteit Duinstad" in card.inner_text()
    assert card.locator("mark").count() >= 2
    assert card.locator("a.pw-title").get_attribute("href").startswith("https://duinstad.example/")

    page.ask("En hoeveel geld is daarmee gemoeid?")  # follow-up: uses the conversation
    assert "12,8 miljoen" in pg.locator(".pw-turn[data-turn='1'] .pw-answer-text").inner_text()

    page.ask("Wat is de parkeerregeling voor elektrische steps op de campus?")
    last = pg.locator(".pw-turn[data-turn='2']")
    assert "Dit staat niet in de documenten" in last.inner_text()
    assert last.locator(".pw-abstained").count() == 1
    assert last.locator(".pw-related .pw-source").count() >= 1
    screenshot(pg, "chat.png")

    # like the first answer, add a comment, find both in SQLite
    pg.locator(".pw-turn[data-turn='0'] button.pw-vote[data-vote='like']").click()
    pg.wait_for_selector(".pw-turn[data-turn='0'] button.pw-vote[data-vote='like'][aria-pressed='true']")
    pg.fill("#pw-comment textarea", "Duidelijk antwoord")
    pg.click("#pw-comment-send")
    pg.wait_for_selector("#pw-comment-done:has-text('opgeslagen')")
    db = sqlite3.connect(web_settings.web.feedback_db)
    rows = db.execute("SELECT question, answer, citations, vote, comment FROM feedback").fetchall()
    assert len(rows) == 1
    question, text, citations, vote, comment = rows[0]
    assert (question, vote, comment) == (PLAN_Q, "like", "Duidelijk antwoord")
    assert "14 maart 2022" in text and "bestedingsplan-2022.md" in citations

    pg.click("#pw-new")  # new conversation
    pg.wait_for_selector(".pw-chat.pw-empty")
    assert pg.locator(".pw-turn").count() == 0


def test_search_year_filter_sort_and_more(page):
    pg = page.page
    page.tab(1)
    page.pick("pw-year-from", "2021")
    page.pick("pw-year-to", "2022")
    page.search("besluit begroting bestedingsplan universiteitsraad")
    pg.wait_for_selector(".pw-result")
    years = pg.locator(".pw-result").evaluate_all("els => els.map(e => e.dataset.year)")
    assert years and set(years) <= {"2021", "2022"}, years
    assert pg.locator(".pw-result mark").count() >= 1
    screenshot(pg, "search.png", full_page=True)


def test_browse_mode_lists_documents_by_date(page):
    pg = page.page
    page.tab(1)
    page.pick("pw-doc-type", "raadsstuk")
    page.search("")
    pg.wait_for_selector(".pw-browse")
    titles = pg.locator(".pw-doc .pw-source-head").all_inner_texts()
    assert titles == ["Besluit faculteitsraad over de begroting studiesucces", "Notulen <b>overleg</b> studentenraad"]


def test_documents_table_lists_every_document(page):
    pg = page.page
    page.tab(2)
    rows = pg.locator("#pw-docs tbody tr")
    rows.first.wait_for()
    assert rows.count() == 9
    text = pg.locator("#pw-docs").inner_text()
    assert "Jaarverslag kwaliteitsafspraken 2020" in text and "Tutoraat in de bachelor" in text


ANY = "(alle)"


def test_decisions_timeline_grouped_by_year_with_body_filter(page):
    pg = page.page
    page.tab(3)
    assert pg.get_by_role("tab").nth(3).inner_text().strip() == "Besluiten"
    group = pg.locator("#pw-decisions .pw-year[data-year='2022']")
    group.wait_for()
    entry = group.locator(".pw-decision[data-body='Universiteitsraad']").first
    text = entry.inner_text()
    assert "14 maart 2022" in text and "Universiteitsraad" in text and "instemming" in text
    assert "Op 14 maart 2022 stemde de Universiteitsraad in met het bestedingsplan" in text
    assert "Bestedingsplan kwaliteitsafspraken Universiteit Duinstad" in text
    assert entry.locator("a.pw-title").get_attribute("href").startswith("https://duinstad.example/")
    years = pg.locator("#pw-decisions .pw-year").evaluate_all("els => els.map(e => Number(e.dataset.year))")
    assert years == sorted(years), years  # chronological
    before = pg.locator("#pw-decisions .pw-decision").count()

    page.pick("pw-dec-body", "Ministerie van OCW")
    shown = "[...document.querySelectorAll('#pw-decisions .pw-decision')].map(e => e.dataset.body)"
    pg.wait_for_function(f"(b => b.length > 0 && b.every(x => x === 'Ministerie van OCW'))({shown})")
    bodies = pg.locator("#pw-decisions .pw-decision").evaluate_all("els => els.map(e => e.dataset.body)")
    assert bodies and len(bodies) < before
    assert "juni 2019" in pg.locator("#pw-decisions").inner_text()
    assert pg.locator("#pw-decisions .pw-decision[data-body='Universiteitsraad']").count() == 0
    screenshot(pg, "decisions.png", full_page=True)

    page.pick("pw-dec-body", ANY)
    page.pick("pw-dec-institution", "Hogeschool Polderland")  # the faculty council's undated consent
    pg.wait_for_function(f"(b => b.length > 0 && b.every(x => x === 'Faculteitsraad'))({shown})")
    entry = pg.locator("#pw-decisions .pw-decision").first
    assert "(Hogeschool Polderland)" in entry.inner_text() and "datum van het document" in entry.inner_text()


def test_script_in_a_document_is_shown_as_text_and_never_runs(page):
    pg = page.page
    page.tab(1)
    page.search("XYLOFOONPROTOCOL")
    result = pg.locator(".pw-result").first
    result.wait_for()
    text = result.inner_text()
    assert "<script>window." in text and "</script>" in text and "onerror=" in text
    assert "Notulen <b>overleg</b> studentenraad" in text
    assert pg.locator("#pw-results script, #pw-results img, #pw-results b").count() == 0
    page.tab(0)
    page.ask("Wat is het XYLOFOONPROTOCOL?")
    assert "Notulen <b>overleg</b> studentenraad" in pg.locator(".pw-turn .pw-source").first.inner_text()
    assert pg.locator(".pw-turn script, .pw-turn img, .pw-turn b").count() == 0
    assert pg.evaluate("[typeof window.__pwned, typeof window.pwned]") == ["undefined", "undefined"]


def test_language_switch(page):
    pg = page.page
    pg.get_by_label("English").check()
    pg.wait_for_function("document.querySelector('[role=tab]').innerText.trim() === 'Ask'")
    assert pg.get_by_role("tab").nth(1).inner_text().strip() == "Search decisions and documents"
    page.ask("When did the University Council consent to the spending plan?")
    assert "Sources" in pg.locator(".pw-turn").first.inner_text()


def test_phone_width_has_no_horizontal_overflow(browser_context, app_url):
    p = Page(browser_context, app_url, viewport={"width": 375, "height": 740})
    try:
        p.ask(PLAN_Q)
        for tab in (0, 1, 2, 3):
            p.tab(tab)
            if tab == 1:
                p.search("bestedingsplan")
                p.page.wait_for_selector(".pw-result")
            time.sleep(0.2)
            width = p.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], f"tab {tab}: page is {width[0]}px wide in a {width[1]}px viewport"
        p.tab(0)
        screenshot(p.page, "chat-phone.png")
    finally:
        p.close()


def test_api_endpoints_with_gradio_client(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    ans = client.predict(question=PLAN_Q, api_name="/ask")
    assert not ans["abstained"] and "14 maart 2022" in ans["answer"]
    assert ans["citations"][0]["doc_id"] == "bestedingsplan-2022.md"
    follow = client.predict(question="En hoeveel geld is daarmee gemoeid?", history=[PLAN_Q], api_name="/ask")
    assert "12,8 miljoen" in follow["answer"]
    found = client.predict(query="begroting", year_from=2021, year_to=2021, k=5, api_name="/search")
    assert found["results"] and {r["year"] for r in found["results"]} == {2021}
    browse = client.predict(query="", doc_type="council", api_name="/search")
    assert [d["doc_id"] for d in browse["documents"]] == ["raadsbesluit-begroting-2021.md", "notulen-xss-2019.md"]
