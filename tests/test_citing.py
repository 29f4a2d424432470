"""Citations open their source at the quoted passage: a PDF at its page, a web page through a text fragment
(URL Fragment Text Directives, ``#:~:text=``), which a real browser scrolls to."""

from __future__ import annotations

import http.server
import threading
from functools import partial
from pathlib import Path
from urllib.parse import unquote

import pytest
from browser_support import CHROMIUM
from planwijzer.assistant.citing import FRAGMENT_WORDS, Citation, passage_link, text_fragment

LONG = (
    "Op 6 december 2021 stemde de Universiteitsraad in met het aanvullend bestedingsplan, na een periode van "
    "intensief overleg met de faculteiten en de studentenraden."
)


def _citation(url: str | None, page: int | None = None, quote: str = LONG) -> Citation:
    return Citation(1, "doc.md", "Plan", url, page, None, quote)


@pytest.mark.parametrize(
    ("url", "page", "link"),
    [
        ("https://example.org/plan.pdf", 4, "https://example.org/plan.pdf#page=4"),
        ("https://example.org/plan#sectie", None, "https://example.org/plan#sectie"),  # has a fragment already
        ("file:///srv/plan.md", None, "file:///srv/plan.md"),
        (None, None, None),
    ],
)
def test_a_pdf_opens_at_its_page_and_other_links_stay_as_they_are(url, page, link) -> None:
    assert passage_link(url, page, LONG) == link
    assert _citation(url, page).to_json()["link"] == link


def test_a_web_page_opens_at_the_first_and_last_words_of_a_long_quote() -> None:
    link = _citation("https://example.org/plan").link
    base, directive = link.split("#:~:text=")
    assert base == "https://example.org/plan"
    start, end = (unquote(term) for term in directive.split(","))
    words = LONG.split()
    assert start == " ".join(words[:FRAGMENT_WORDS]) and end == " ".join(words[-FRAGMENT_WORDS:])


def test_directive_characters_in_the_quote_are_percent_encoded() -> None:
    directive = text_fragment("Kwaliteit, studie-succes & welzijn")
    assert directive == "text=Kwaliteit%2C%20studie%2Dsucces%20%26%20welzijn"  # one term: no bare , - or &
    assert text_fragment("Eerste zin. … Tweede zin.") == "text=Eerste%20zin."  # the first quoted sentence
    assert text_fragment("   ") is None
    assert text_fragment("Een passage die is afgekapt…") == "text=Een%20passage%20die%20is%20afgekapt"


PAGE = f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Plan</title></head><body>
<h1>Plan</h1>{"<p>Inleiding zonder belang.</p>" * 200}<p id="passage">{LONG}</p>{"<p>Slot.</p>" * 50}
</body></html>"""


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory):
    root: Path = tmp_path_factory.mktemp("site")
    (root / "plan.html").write_text(PAGE, encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/plan.html"
    server.shutdown()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (/usr/bin/chromium)")
def test_a_browser_scrolls_the_passage_into_view(browser_context, page_url) -> None:
    visible = "(() => { const r = document.getElementById('passage').getBoundingClientRect();"
    visible += " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    page = browser_context.new_page()
    try:
        page.set_viewport_size({"width": 1000, "height": 600})
        page.goto(page_url)
        assert not page.evaluate(visible)  # far below the fold without the fragment
        page.goto("about:blank")
        page.goto(_citation(page_url).link)
        page.wait_for_function(visible, timeout=10_000)
    finally:
        page.close()
