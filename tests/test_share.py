"""Share links and exports (``ui/share.py``): a link that asks a conversation again, its Markdown export and its
print view.

* the link round-trips its question and earlier questions, within the length limits;
* the Markdown holds the question, the answer and every citation's title, link, page, date and full quote;
* over the real server, every quote of an export occurs in its document, and a follow-up is answered with its history;
* the print view meets WCAG 2.1 AA (axe-core) and hides its buttons when printed;
* an export is computed under the opener's rights: anonymous readers never get the closed minutes, a council member
  behind the trusted proxy does;
* a link taken from the chat in one browser context, opened in a fresh one, shows the same answers and citations and
  says which index generation they come from.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from api_support import api_settings, running
from browser_support import CHROMIUM, CHROMIUM_ARGS, Page, screenshot
from conftest import CLOSED_FACT, CLOSED_WORD, PLAN_DATE_QUESTION, ingested_index, write_mixed_corpus
from planwijzer.assistant.ask import ask
from planwijzer.assistant.question import MAX_QUESTION_CHARS
from planwijzer.assistant.retrieval import Index
from planwijzer.ui.app import answer_record
from planwijzer.ui.share import (
    MAX_HISTORY,
    MAX_QUERY_CHARS,
    export_markdown,
    export_url,
    parse_share,
    print_html,
    share_url,
)

from planwijzer.config import Settings

PLAN_Q = PLAN_DATE_QUESTION["question"]
FOLLOW_UP = "En hoeveel geld is daarmee gemoeid?"
KOMPAS_Q = "Wanneer startte het mentorprogramma Kompas?"
AWARD_Q = "Which award did the Buddy Network receive?"
CLOSED_QUESTION = f"Hoeveel bedraagt het reservefonds {CLOSED_WORD}?"
COUNCIL_HEADERS = {"X-Forwarded-User": "cas", "X-Forwarded-Groups": "council"}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
_SOURCE = re.compile(r"^(\d+)\. \*\*(.+)\*\*\s*$")
_QUOTE = re.compile(r"^   >(?: (.*))?$")


def _words(text: str) -> str:
    return " ".join(text.split())


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<])", r"\1", text)


def sources_in(markdown: str) -> list[tuple[str, str]]:
    """(title, full quote) of every numbered source of an export, in order."""
    found: list[list] = []
    for line in markdown.splitlines():
        if m := _SOURCE.match(line):
            found.append([_unescape(m.group(2)), []])
        elif (m := _QUOTE.match(line)) and found:
            found[-1][1].append(_unescape(m.group(1) or ""))
    return [(title, "\n".join(lines)) for title, lines in found]


def quote_pieces(quote: str) -> list[str]:
    """The verbatim pieces of a quote: several sentences of one passage are joined by " … ", a cut one ends in "…"."""
    return [_words(p.strip().strip("…")) for p in quote.split(" … ") if p.strip().strip("…").strip()]


def document_texts(index: Index) -> dict[str, list[str]]:
    """Per document title: its chunk texts (whitespace-normalized) and, for Markdown, its original file's text."""
    texts: dict[str, list[str]] = {}
    for text, meta in zip(index.lexical.texts, index.lexical.metas, strict=True):
        texts.setdefault(str(meta.get("title") or meta.get("doc_id")), []).append(_words(text))
    docs = index.store.manifest().docs
    for doc in docs.values():
        path = Path(str(doc.get("path") or ""))
        if path.suffix == ".md" and path.is_file():
            texts.setdefault(str(doc.get("title")), []).append(_words(path.read_text(encoding="utf-8")))
    return texts


# --------------------------------------------------------------------------- the link


def test_share_url_round_trips_question_and_history() -> None:
    question, history = "Wat kost het plan & wie betaalt? (één vraag)", ["Eerste vraag?", "Tweede: 50% = ½"]
    url = share_url(question, history)
    assert url.startswith("/?q=") and " " not in url and "&h=" in url
    params = parse_qs(urlsplit(url).query)
    assert params == {"q": [question], "h": history}
    assert parse_share(urlsplit(url).query) == (question, history)
    assert parse_share({"q": question, "h": history}) == (question, history)
    assert parse_share("") == ("", []) and parse_share("q=%20%3F&h=x") == ("", [])  # no words: nothing to ask


def test_share_url_keeps_the_latest_questions_within_the_limits() -> None:
    history = [f"Vraag nummer {i} over het bestedingsplan?" for i in range(9)] + ["", "  "]
    q, h = parse_share(urlsplit(share_url("Laatste vraag?", history)).query)
    assert q == "Laatste vraag?" and h == history[9 - MAX_HISTORY : 9]
    long = "woord " * 400  # 2,400 characters: cut like a typed question
    q, h = parse_share(urlsplit(share_url(long, [long] * 3)).query)
    assert len(q) <= MAX_QUESTION_CHARS and q.startswith("woord woord")
    heavy = "één " * 120  # non-ASCII grows nine-fold in a URL: older questions make room
    url = share_url(heavy, [heavy] * 5)
    assert len(urlsplit(url).query) <= MAX_QUERY_CHARS
    q, h = parse_share(urlsplit(url).query)
    assert q == heavy.strip() and len(h) < 5
    crafted = "q=vraag&" + "&".join(["h=nog%20een%20vraag"] * 1000)  # a crafted link: still at most MAX_HISTORY
    assert len(parse_share(crafted)[1]) == MAX_HISTORY
    assert export_url("md", "vraag", ["eerder"], "en") == "/export/answer.md?q=vraag&h=eerder&lang=en"
    assert export_url("print", "vraag", [], "xx") == "/export/print?q=vraag&lang=nl"


# --------------------------------------------------------------------------- the Markdown


@pytest.mark.parametrize("question", [PLAN_Q, KOMPAS_Q])
def test_markdown_holds_question_answer_and_every_citation(index: Index, settings: Settings, question: str) -> None:
    ans = ask(index, question, [], None, settings)
    assert ans.citations
    for lang, labels in (("nl", ("Vraag 1", "Bronnen", "Pagina", "Datum", "generatie 7")),
                         ("en", ("Question 1", "Sources", "Page", "Date", "generation 7"))):  # fmt: skip
        for answer in (ans, answer_record(ans)):  # the Answer or the chat's JSON record
            md = export_markdown([{"question": question, "answer": answer}], lang, 7, "2024-05-06T07:08:09+00:00")
            assert md.startswith("# Planwijzer") and "2024-05-06 07:08 UTC" in md
            assert all(label in md for label in labels), (lang, md)
            assert question in md and ans.answer in md
            shown = sources_in(md)
            listed = ans.citations + ans.related
            assert [title for title, _ in shown] == [c.title for c in listed]
            for c, (_, quote) in zip(listed, shown, strict=True):
                assert _words(quote) == _words(c.quote)  # the full quote
                assert (c.link and f"<{c.link}>" in md) or f": {c.doc_id}" in md
                assert c.page is None or f"{labels[2]}: {c.page}" in md
                assert c.date is None or f"{labels[3]}: {c.date}" in md


def test_markdown_of_a_pdf_citation_names_its_page_and_document(index: Index, settings: Settings) -> None:
    ans = ask(index, KOMPAS_Q, [], None, settings)
    pdf = [c for c in ans.citations if c.doc_id == "jaarverslag-2020.pdf"]
    assert pdf and pdf[0].page == 2
    md = export_markdown([{"question": KOMPAS_Q, "answer": ans}], "nl", 1, None)
    assert "Pagina: 2" in md and "Kompas" in md


def test_print_html_escapes_document_text() -> None:
    record = {
        "answer": "Zie <script>alert(1)</script> [1]",
        "language": "nl",
        "citations": [
            {
                "n": 1,
                "title": "<b>Titel</b>",
                "url": "javascript:alert(1)",
                "page": None,
                "date": None,
                "quote": "<img src=x onerror=alert(2)>",
                "doc_id": "x.md",
                "link": "javascript:alert(1)",
            },
        ],  # fmt: skip
        "related": [],
    }
    page = print_html([{"question": "<i>vraag</i>", "answer": record}], "nl", 1, None)
    assert "<script>alert" not in page and "<img" not in page and "<b>Titel" not in page and "javascript:" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    md = export_markdown([{"question": "<i>vraag</i>", "answer": record}], "nl", 1, None)
    assert "javascript:" not in md and "\\<img" in md


# --------------------------------------------------------------------------- the real server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, settings: Settings, index: Index):
    s = api_settings(settings, tmp_path_factory.mktemp("share"), answer_backend="extractive")
    with running(s, index) as srv:
        yield SimpleNamespace(url=srv.url, settings=s, index=index)


def _get(url: str, headers: dict | None = None) -> httpx.Response:
    return httpx.get(url, headers=headers or {}, timeout=120)


@pytest.mark.parametrize(
    "history,question",
    [([], PLAN_Q), ([PLAN_Q], FOLLOW_UP), ([], KOMPAS_Q), ([], AWARD_Q)],
    ids=["plan", "follow-up", "pdf", "english"],
)
def test_every_quote_of_an_export_occurs_in_its_document(server, history: list[str], question: str) -> None:
    lang = "en" if question == AWARD_Q else "nl"
    response = _get(server.url + export_url("md", question, history, lang))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="planwijzer-[a-z0-9-]+\.md"', response.headers["content-disposition"])
    assert response.headers["cache-control"] == "no-store"
    md = response.text
    expected: list[tuple] = []  # the same conversation asked directly: the export holds the same answers and sources
    for q in [*history, question]:
        expected.append((q, ask(server.index, q, [e[0] for e in expected], None, server.settings)))
    for i, (q, ans) in enumerate(expected, 1):
        assert f"## {'Question' if lang == 'en' else 'Vraag'} {i}" in md and q in md and ans.answer in md
    if question == FOLLOW_UP:
        assert "12,8 miljoen" in expected[-1][1].answer
    shown = sources_in(md)
    cited = [c for _, ans in expected for c in ans.citations + ans.related]
    assert [title for title, _ in shown] == [c.title for c in cited]
    texts = document_texts(server.index)
    for title, quote in shown:
        pieces = quote_pieces(quote)
        assert pieces, title
        for piece in pieces:
            assert any(piece in text for text in texts[title]), f"{piece!r} is not in {title!r}"
    generation = server.index.lexical.generation
    assert (f"generation {generation})" if lang == "en" else f"generatie {generation})") in md


def test_an_export_without_a_question_is_refused(server) -> None:
    response = _get(server.url + "/export/answer.md?h=eerder&lang=en")
    assert response.status_code == 400 and "?q=" in response.text
    assert _get(server.url + "/export/print?q=%3F%3F").status_code == 400


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium (Playwright never downloads one); each test makes fresh contexts: separate browsers, as far
    as cookies and storage go."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium not installed (/usr/bin/chromium)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on ``page`` as it is now (skipped without axe-playwright-python)."""
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    page.wait_for_function("document.querySelectorAll('.pending').length === 0")  # Gradio's updates: 20% opacity
    result = axe_module.Axe().run(page, options=WCAG_AA)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


def _context(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1200, "height": 900})
    context.set_default_timeout(60_000)
    return context


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_print_view_meets_wcag_2_1_aa_and_hides_its_buttons_in_print(server, browser, lang: str) -> None:
    context = _context(browser)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(server.url + export_url("print", FOLLOW_UP, [PLAN_Q], lang))
        assert response is not None and response.status == 200
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator("h1").count() == 1 and page.locator("main h2").count() == 2
        assert page.locator("blockquote").count() >= 2
        assert "12,8 miljoen" in page.locator("main").inner_text()
        violations = _violations(page)
        assert not violations, violations
        assert page.locator("#pw-print").is_visible()
        screenshot(page, f"export-print-{lang}.png", full_page=True)
        page.emulate_media(media="print")
        assert not page.locator("#pw-print").is_visible()
        assert not errors, errors
    finally:
        context.close()


# --------------------------------------------------------------------------- access


@pytest.fixture(scope="module")
def mixed_server(tmp_path_factory: pytest.TempPathFactory):
    mixed = ingested_index(tmp_path_factory.mktemp("share-mixed"), write=write_mixed_corpus)
    s = api_settings(mixed, tmp_path_factory.mktemp("share-mixed-web"), answer_backend="extractive",
                     trusted_proxies="127.0.0.1")  # fmt: skip
    with running(s, Index(s)) as srv:
        yield srv.url


@pytest.mark.parametrize("kind", ["md", "print"])
def test_an_export_is_computed_under_the_openers_rights(mixed_server: str, kind: str) -> None:
    url = mixed_server + export_url(kind, CLOSED_QUESTION)
    anonymous = _get(url)
    assert anonymous.status_code == 200
    assert CLOSED_FACT not in anonymous.text and "Notulen besloten" not in anonymous.text
    forged = _get(url, {"X-Forwarded-User": "cas"})  # a user header without the council group reads as public
    assert CLOSED_FACT not in forged.text
    council = _get(url, COUNCIL_HEADERS)
    assert council.status_code == 200 and CLOSED_FACT in council.text and "Notulen besloten" in council.text


# --------------------------------------------------------------------------- the link in real browsers


def test_a_shared_link_opened_in_a_new_browser_gives_the_same_answers_and_citations(server, browser) -> None:
    first, second = _context(browser), _context(browser)
    try:
        asker = Page(first, server.url + "/")
        asker.ask(PLAN_Q)
        turn = asker.ask(FOLLOW_UP)
        link = turn.locator("a.pw-share-link")
        assert link.inner_text() == "Link naar dit antwoord"
        href = link.get_attribute("href")
        assert href == share_url(FOLLOW_UP, [PLAN_Q])
        md_href = turn.locator("a.pw-export-md").get_attribute("href")
        assert md_href == export_url("md", FOLLOW_UP, [PLAN_Q], "nl")
        assert turn.locator("a.pw-export-print").inner_text() == "Afdrukken"
        link.focus()  # keyboard reachable, with a visible focus ring
        assert asker.page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        before = _shown(asker.page)
        assert len(before) == 2 and "12,8 miljoen" in before[1][0]
        asker.close()

        opener = Page(second, server.url + href)
        pg = opener.page
        pg.wait_for_selector(".pw-turn[data-turn='1'][aria-busy='false']", timeout=120_000)
        assert _shown(pg) == before
        notice = pg.locator("#pw-share-notice .pw-share-notice")
        notice.wait_for()
        generation = server.index.lexical.generation
        text = notice.inner_text()
        assert text.startswith("Opnieuw berekend op ") and f"(generatie {generation})" in text, text
        screenshot(pg, "share-opened.png")
        assert not _violations(pg)  # the notice and the links meet WCAG 2.1 AA too
        # the conversation state is whole: a vote is stored and a further follow-up uses the history
        pg.locator(".pw-turn[data-turn='1'] button.pw-vote[data-vote='like']").click()
        pg.wait_for_selector(".pw-turn[data-turn='1'] button.pw-vote[data-vote='like'][aria-pressed='true']")
        third = opener.ask("Wanneer keurde het ministerie het plan goed?")
        assert "juni 2019" in third.locator(".pw-answer-text").inner_text()
        assert third.locator("a.pw-share-link").get_attribute("href") == share_url(
            "Wanneer keurde het ministerie het plan goed?", [PLAN_Q, FOLLOW_UP]
        )
        pg.get_by_label("English").check()  # the notice follows the language switch
        pg.wait_for_function("document.querySelector('.pw-share-notice').innerText.startsWith('Recomputed on')")
        opener.close()
    finally:
        first.close()
        second.close()


def _shown(page) -> list[tuple[str, list[tuple[str, str]]]]:
    """Per turn: the answer text and the (title, quote) of every source card."""
    out = []
    for turn in page.locator(".pw-turn").all():
        cards = [
            (card.locator(".pw-source-head").inner_text(), card.locator(".pw-quote").inner_text())
            for card in turn.locator(".pw-source").all()
        ]
        out.append((turn.locator(".pw-answer-text").inner_text(), cards))
    return out
