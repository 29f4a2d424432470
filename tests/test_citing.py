"""Citations open their source at the quoted passage: a PDF at its page, a web page through a text fragment
(URL Fragment Text Directives, ``#:~:text=``), which a real browser scrolls to."""

from __future__ import annotations

import http.server
import threading
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser_support import CHROMIUM
from planwijzer.assistant.citing import (
    FRAGMENT_WORDS,
    Citation,
    absolute,
    disambiguate,
    passage_link,
    source_link,
    text_fragment,
)

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
    ],
)
def test_a_pdf_opens_at_its_page_and_other_links_stay_as_they_are(url, page, link) -> None:
    assert passage_link(url, page, LONG) == link
    assert _citation(url, page).to_json()["link"] == link


def test_a_local_file_opens_in_the_source_view_at_its_passage() -> None:
    c = Citation(2, "besluiten/raad 2024.md", "Besluit", None, None, None, "Eerste zin. … Tweede zin.", "abc123")
    assert passage_link(None, None, c.quote) is None
    link = c.link
    assert link.startswith("/source/besluiten/raad%202024.md?")
    query = parse_qs(urlsplit(link).query)
    assert query == {"chunk": ["abc123"], "q": ["Eerste zin. … Tweede zin."]}
    assert source_link("a.md", "c1", "") == "/source/a.md?chunk=c1"
    assert absolute(link, "https://planwijzer.example.nl/") == "https://planwijzer.example.nl" + link
    assert absolute("https://example.org/x", "https://planwijzer.example.nl") == "https://example.org/x"
    assert absolute(link, None) == link


def test_a_start_that_occurs_twice_gets_the_words_before_it() -> None:
    assert text_fragment("Het plan is goedgekeurd.", "In 2022:") == "text=In%202022%3A-,Het%20plan%20is%20goedgekeurd."
    assert _citation("https://example.org/plan").link.count("-,") == 0  # no prefix unless set
    twice = Citation(1, "d.md", "Plan", "https://example.org/plan", None, None, LONG, prefix="Tweede ronde.")
    assert "#:~:text=Tweede%20ronde.-,Op%206%20december" in twice.link


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


TWICE_PAGE = f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Rondes</title></head><body>
<p>In de eerste ronde.</p><p id="first">{LONG}</p>{"<p>Tussentekst.</p>" * 200}
<p>Na de tweede ronde.</p><p id="second">{LONG}</p>{"<p>Slot.</p>" * 200}</body></html>"""


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory):
    root: Path = tmp_path_factory.mktemp("site")
    (root / "plan.html").write_text(PAGE, encoding="utf-8")
    (root / "rondes.html").write_text(TWICE_PAGE, encoding="utf-8")
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


REPEATED = "De Universiteitsraad stemde in met het plan voor de komende jaren."
TWICE_MD = f"""---
title: Twee rondes
url: https://example.org/rondes
date: 2024-01-01
language: nl
---
# Eerste ronde

In de eerste ronde gebeurde iets anders. {REPEATED} Dat was in januari.

{"De faculteiten bespraken de voorstellen uitgebreid met hun opleidingscommissies. " * 14}

# Tweede ronde

Na lang overleg in de tweede ronde. {REPEATED} Dat was in juni, met een ruime meerderheid.
"""


def test_a_web_citation_whose_start_repeats_gets_a_prefix_that_finds_its_own_occurrence(tmp_path: Path) -> None:
    from conftest import ingested_index
    from planwijzer.assistant.retrieval import Index

    def write(root: Path) -> Path:
        root.mkdir(parents=True)
        (root / "rondes.md").write_text(TWICE_MD, encoding="utf-8")
        return root

    index = Index(ingested_index(tmp_path, write=write))
    lex = index.lexical
    rows = [i for i, t in enumerate(lex.texts) if "tweede ronde" in t]
    hit_row = rows[-1]
    c = Citation(1, "rondes.md", "Twee rondes", "https://example.org/rondes", None, None, REPEATED, lex.ids[hit_row])
    once = Citation(
        2, "rondes.md", "Twee rondes", "https://example.org/rondes", None, None, "Dat was in juni.", lex.ids[hit_row]
    )
    disambiguate([c, once], index)
    assert c.prefix is not None and c.prefix.endswith("tweede ronde.")
    assert once.prefix is None  # unique already
    assert unquote(c.link.split("#:~:text=")[1]).startswith(c.prefix + "-,")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (/usr/bin/chromium)")
def test_a_browser_lands_on_the_occurrence_the_prefix_names(browser_context, page_url) -> None:
    def shown(elem: str) -> str:
        return (
            f"(() => {{ const r = document.getElementById('{elem}').getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
        )

    url = page_url.replace("plan.html", "rondes.html")
    page = browser_context.new_page()
    try:
        page.set_viewport_size({"width": 1000, "height": 600})
        page.goto(_citation(url).link)  # without a prefix: the first occurrence
        page.wait_for_function(shown("first"), timeout=10_000)
        page.goto("about:blank")
        second = Citation(1, "rondes.html", "Rondes", url, None, None, LONG, prefix="Na de tweede ronde.")
        page.goto(second.link)
        page.wait_for_function(shown("second"), timeout=10_000)
    finally:
        page.close()


def test_a_sentence_its_passage_cut_at_a_line_break_gets_one_marker_with_its_rest(monkeypatch) -> None:
    from planwijzer.assistant import answer_weights
    from planwijzer.assistant.candidates import Candidate
    from planwijzer.assistant.citing import cite
    from planwijzer.assistant.retrieval import Hit

    monkeypatch.setattr(answer_weights, "MERGE_CUT_OFF", True)
    hit = Hit("plan-0", "…", {"doc_id": "plan", "title": "Jaarverslag", "position": 0}, 1.0)
    other = Hit("news-0", "…", {"doc_id": "news", "title": "Nieuws", "position": 0}, 0.9)
    pieces = [
        "Gewerkt is aan onderwijsvernieuwing en de Leiden",
        "Teachers' Academy en onderwijsprijzen.",
        "Dat ging goed.",
    ]
    chosen = [Candidate(t, hit, 0) for t in pieces] + [Candidate("Elders ging het anders en", other, 1)]
    text, citations = cite(chosen)
    assert text == (
        "Gewerkt is aan onderwijsvernieuwing en de Leiden Teachers' Academy en onderwijsprijzen. [1] "
        "Dat ging goed. [1] Elders ging het anders en [2]"
    )
    assert citations[0].quote.startswith("Gewerkt is aan onderwijsvernieuwing en de Leiden Teachers' Academy")
