"""The in-app source view (``ui/source_view.py``) on the real server: a citation of a document without a url opens
``/source/<doc_id>?chunk=<chunk_id>&q=<quote>`` at the quoted passage, marked exactly, between its neighbours, with a
link to the original file (a PDF at its page); ``/source-file/<doc_id>`` serves that file.

Files are served by document id only, from inside the folder that was ingested, to readers who may read the
document: traversal (plain, absolute, percent-encoded), symbolic links out of the corpus, ids not in the index,
vanished files and documents the reader may not read all get the same 404. A real browser scrolls to the quote and
axe-core finds no WCAG 2.1 AA violation, in Dutch and English, at desktop and phone width.
"""

from __future__ import annotations

import html
import http.client
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

import httpx
import pytest
from api_support import api_settings, running
from browser_support import CHROMIUM
from conftest import CLOSED_DOC, CLOSED_WORD, PDF_PAGES, write_mixed_corpus
from planwijzer.assistant.citing import passage_quote
from planwijzer.assistant.retrieval import Index
from planwijzer.ui.source_view import highlight_html, quote_spans

from planwijzer.config import Settings
from planwijzer.messages import text

COUNCIL_HEADERS = {"X-Forwarded-User": "cas", "X-Forwarded-Groups": "council"}
NOTE_DOC = "notities/lange notitie.md"
"""A Markdown note without a url, in a subfolder and with a space in its name, long enough for several chunks."""
KEY_SENTENCE = "Het project Lijsterbes krijgt in 2025 een eigen budget van 2,1 miljoen euro."
SECOND_SENTENCE = "De projectleider rapporteert elk kwartaal aan de Universiteitsraad."
OUTSIDE_WORD = "Vlierbessensap"
"""Only in a file outside the corpus (reached through symbolic links)."""
PDF_QUOTE = PDF_PAGES[1][1]  # "In 2020 startte het mentorprogramma Kompas …" (page 2)


def _filler(topic: str, n: int) -> str:
    return " ".join(
        f"Over het onderwerp {topic} zegt de commissie in punt {i} dat de opleidingen hun plannen verder uitwerken."
        for i in range(1, n + 1)
    )


NOTE_MD = f"""\
---
title: Lange notitie over het project Lijsterbes
date: 2024-06-01
doc_type: report
language: nl
institution: Universiteit Duinstad
---
# Aanleiding

{_filler("werving", 7)}

# Het project

{_filler("begeleiding", 3)} {KEY_SENTENCE} {SECOND_SENTENCE} {_filler("toetsing", 3)}

# Vervolg

{_filler("evaluatie", 7)}
"""

RUNNING_DOC = "notities/doorlopend.md"
"""One section of numbered sentences: three chunks that share their edges (the chunk overlap)."""
RUNNING_MD = "---\ntitle: Doorlopend verslag\n---\n" + " ".join(
    f"Zin {i} van het verslag gaat over onderwerp nummer {i} van de lijst." for i in range(1, 31)
)

PLAIN_MD = """\
---
title: Notitie die straks verdwijnt
date: 2024-02-02
---
# Tijdelijk

Deze notitie over roosters wordt na het inlezen uit de map verwijderd.
"""


def _write(root: Path) -> Path:
    """The mixed corpus (a council-only document under ``besloten/``) plus the long note, two files that change
    after the ingest, and a symbolic link to a file outside the corpus."""
    write_mixed_corpus(root)
    (root / "notities").mkdir()
    (root / NOTE_DOC).write_text(NOTE_MD, encoding="utf-8")
    (root / RUNNING_DOC).write_text(RUNNING_MD, encoding="utf-8")
    (root / "verdwenen.md").write_text(PLAIN_MD, encoding="utf-8")
    (root / "wissel.md").write_text(PLAIN_MD.replace("verdwijnt", "een link wordt"), encoding="utf-8")
    outside = root.parent / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text(f"# Geheim\n\nHet recept voor {OUTSIDE_WORD} staat hier.\n", encoding="utf-8")
    (root / "uitstapje.md").symlink_to(outside / "geheim.md")
    return root


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """The real server over the corpus of :func:`_write`, behind a "proxy" on 127.0.0.1 (where the tests connect
    from); after the ingest ``verdwenen.md`` is deleted and ``wissel.md`` becomes a link to the outside file."""
    from planwijzer.ingest.pipeline import ingest

    root = tmp_path_factory.mktemp("source-view")
    corpus = _write(root / "corpus")
    settings = Settings(index=root / "index", corpus=corpus, trusted_proxies="127.0.0.1")
    report = ingest([corpus], settings, progress=False)
    assert not report.failed, report.failed
    settings = api_settings(settings, root / "api", answer_backend="extractive")
    index = Index(settings)
    docs = index.store.manifest().docs
    assert "uitstapje.md" in docs  # a symlinked file is ingested, its resolved (outside) path in the manifest
    (corpus / "verdwenen.md").unlink()
    (corpus / "wissel.md").unlink()
    (corpus / "wissel.md").symlink_to(root / "buiten" / "geheim.md")
    lex = index.lexical
    chunks = {cid: (txt, meta) for cid, txt, meta in zip(lex.ids, lex.texts, lex.metas, strict=True)}
    with running(settings, index) as srv:
        yield SimpleNamespace(url=srv.url, corpus=corpus, chunks=chunks)


def _chunk(server, doc_id: str, word: str) -> str:
    found = [cid for cid, (txt, meta) in server.chunks.items() if meta["doc_id"] == doc_id and word in txt]
    assert len(found) == 1, (doc_id, word, found)
    return found[0]


def _source(doc_id: str, chunk: str | None = None, **params: str) -> str:
    """The link a citation of ``doc_id`` carries (``assistant/citing.py``), with further query parameters."""
    query = {"chunk": chunk, **params} if chunk else params
    url = "/source/" + percent_encode(doc_id, safe="/")
    return url + ("?" + str(httpx.QueryParams(query)) if query else "")


def _get(server, path: str, headers: dict | None = None) -> httpx.Response:
    return httpx.get(server.url + path, headers=headers or {}, timeout=30)


def _raw(server, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written (no client normalises ``../`` or re-encodes anything)."""
    host, port = urlsplit(server.url).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": "nl"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _marks(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", page, re.S)]


# --------------------------------------------------------------------------- the page


def test_a_pdf_citation_opens_its_page_with_the_quote_marked_and_its_neighbours(server) -> None:
    chunk = _chunk(server, "jaarverslag-2020.pdf", "Kompas")
    response = _get(server, _source("jaarverslag-2020.pdf", chunk, q=PDF_QUOTE))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.headers["x-content-type-options"] == "nosniff"
    page = response.text
    assert '<html lang="nl">' in page
    assert "<h1>Jaarverslag kwaliteitsafspraken 2020</h1>" in page
    assert "<dt>Pagina</dt><dd>2</dd>" in page
    assert _marks(page) == [PDF_QUOTE]
    assert re.search(r'<mark id="pw-quote" tabindex="0">', page)
    assert PDF_PAGES[0][2] in page and PDF_PAGES[2][1] in page  # the text of pages 1 and 3 around it
    assert 'href="/source-file/jaarverslag-2020.pdf#page=2"' in page
    original = _get(server, "/source-file/jaarverslag-2020.pdf")
    assert original.status_code == 200
    assert original.headers["content-type"] == "application/pdf"
    assert original.headers["content-disposition"].startswith("inline")
    assert original.headers["x-content-type-options"] == "nosniff"
    assert original.content == (server.corpus / "jaarverslag-2020.pdf").read_bytes()


def test_each_part_of_a_quote_is_marked_exactly_where_it_occurs(server) -> None:
    chunk = _chunk(server, NOTE_DOC, "Lijsterbes")
    two_parts = _get(server, _source(NOTE_DOC, chunk, q=f"{KEY_SENTENCE} … {SECOND_SENTENCE}")).text
    assert _marks(two_parts) == [KEY_SENTENCE, SECOND_SENTENCE]
    assert two_parts.count('id="pw-quote"') == 1 and "<h1>Lange notitie over het project Lijsterbes</h1>" in two_parts
    assert "<dt>Sectie</dt><dd>Het project</dd>" in two_parts and "<dt>Pagina</dt>" not in two_parts
    assert 'href="/source-file/notities/lange%20notitie.md"' in two_parts
    one_missing = _get(server, _source(NOTE_DOC, chunk, q=f"Dit staat er niet. … {SECOND_SENTENCE}")).text
    assert _marks(one_missing) == [SECOND_SENTENCE]
    absent = _get(server, _source(NOTE_DOC, chunk, q="Dit staat nergens in de notitie.")).text
    assert _marks(absent) == [] and html.escape(text("source_quote_missing", "nl")) in absent
    whole = _get(server, _source(NOTE_DOC, chunk)).text  # no quote: the whole passage
    assert _marks(whole) == [server.chunks[chunk][0].strip()]
    cut = passage_quote(server.chunks[chunk][0])  # a related passage's quote, cut short with "…"
    assert cut.endswith("…") and _marks(_get(server, _source(NOTE_DOC, chunk, q=cut)).text) == [cut[:-1]]


def test_the_neighbouring_passages_are_shown_once_around_the_cited_one(server) -> None:
    chunk = _chunk(server, NOTE_DOC, "Lijsterbes")
    page = html.unescape(_get(server, _source(NOTE_DOC, chunk, q=KEY_SENTENCE)).text)
    before, after = page.index("Tekst ervoor"), page.index("Tekst erna")
    assert before < page.index(KEY_SENTENCE) < after
    assert "onderwerp werving" in page[before : page.index("Geciteerde passage")]
    assert "onderwerp evaluatie" in page[after:]
    for sentence in re.findall(r"Over het onderwerp \w+ zegt de commissie in punt \d+ [^.]*\.", page):
        assert page.count(sentence) == 1, f"shown twice (chunk overlap): {sentence}"


def test_text_the_chunks_share_is_shown_once_and_in_reading_order(server) -> None:
    texts = sorted((m["position"], t) for t, m in server.chunks.values() if m["doc_id"] == RUNNING_DOC)
    assert len(texts) == 3 and texts[1][1][:40] in texts[0][1]  # the chunks overlap
    chunk = _chunk(server, RUNNING_DOC, "Zin 18 ")
    for path in (_source(RUNNING_DOC, chunk, q="Zin 18 van het verslag"), _source(RUNNING_DOC)):
        numbers = [int(n) for n in re.findall(r"Zin (\d+) van", _get(server, path).text)]
        assert numbers == list(range(1, 31)), numbers


@pytest.mark.parametrize(
    ("query", "headers", "lang"),
    [("", {}, "nl"), ("lang=en", {}, "en"), ("", {"Accept-Language": "en-GB,en;q=0.9,nl;q=0.5"}, "en"),
     ("", {"Accept-Language": "fr, nl;q=0.3"}, "nl"), ("lang=nl", {"Accept-Language": "en"}, "nl")],
)  # fmt: skip
def test_the_page_speaks_the_asked_language(server, query: str, headers: dict, lang: str) -> None:
    chunk = _chunk(server, "jaarverslag-2020.pdf", "Kompas")
    page = _get(server, _source("jaarverslag-2020.pdf", chunk) + ("&" + query if query else ""), headers).text
    assert f'<html lang="{lang}">' in page
    assert text("source_open_pdf", lang, page=2) in page and text("source_passage", lang) in page
    other = "en" if lang == "nl" else "nl"
    assert f'lang={other}" lang="{other}"' in page.replace("&amp;", "&")  # the switch keeps the chunk
    assert f"chunk={chunk}" in page


def test_without_a_known_chunk_the_page_shows_the_start_of_the_document(server) -> None:
    for path in (_source(NOTE_DOC), _source(NOTE_DOC, "no-such-chunk", q=KEY_SENTENCE)):
        page = _get(server, path).text
        assert text("source_start", "nl") in page and "onderwerp werving" in page
        assert _marks(page) == [] and 'id="pw-quote"' not in page
    docx = _get(server, _source("tutoraat.docx")).text
    assert "persoonlijke tutor" in docx and 'href="/source-file/tutoraat.docx"' in docx


def test_the_original_files_are_served_inline_with_their_type_and_html_never_as_html(server) -> None:
    docx = _get(server, "/source-file/tutoraat.docx")
    assert docx.headers["content-type"] == ("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert docx.content == (server.corpus / "tutoraat.docx").read_bytes()
    note = _get(server, "/source-file/notities/lange%20notitie.md")
    assert note.headers["content-type"] == "text/plain; charset=utf-8" and KEY_SENTENCE in note.text
    page = _get(server, "/source-file/docentprofessionalisering.html")
    assert page.status_code == 200 and page.headers["content-type"] == "text/plain; charset=utf-8"
    assert page.headers["content-security-policy"].startswith("sandbox")
    assert page.content == (server.corpus / "docentprofessionalisering.html").read_bytes()
    for response in (docx, note, page):
        assert response.headers["content-disposition"].startswith("inline")
        assert response.headers["x-content-type-options"] == "nosniff"


# --------------------------------------------------------------------------- refusals


REFUSED_FILES = {
    "dot-dot": "/source-file/../../../../etc/passwd",
    "dot-dot-through-a-folder": "/source-file/besloten/../bestedingsplan-2022.md",
    "absolute": "/source-file//etc/passwd",
    "absolute-encoded": "/source-file/%2Fetc%2Fpasswd",
    "encoded-traversal": "/source-file/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "half-encoded-traversal": "/source-file/..%2f..%2f..%2fetc/passwd",
    "nul-byte": "/source-file/bestedingsplan-2022.md%00.pdf",
    "not-in-the-index": "/source-file/bestaat-niet.pdf",
    "not-ingested-file-in-the-corpus": "/source-file/access.toml",
    "a-folder": "/source-file/besloten",
    "no-id": "/source-file/",
    "symlink-out-of-the-corpus": "/source-file/uitstapje.md",
    "replaced-by-a-symlink-out": "/source-file/wissel.md",
    "vanished": "/source-file/verdwenen.md",
    "council-only-for-anonymous": "/source-file/" + CLOSED_DOC,
}


@pytest.mark.parametrize("path", REFUSED_FILES.values(), ids=REFUSED_FILES.keys())
def test_every_refused_file_gets_the_same_404_that_names_nothing(server, path: str) -> None:
    status, body = _raw(server, path)
    unknown_status, unknown = _raw(server, "/source-file/bestaat-niet.pdf")
    assert status == unknown_status == 404
    assert body == unknown
    page = body.decode()
    assert text("source_not_found", "nl") in page
    assert not any(word in page for word in ("passwd", "etc", OUTSIDE_WORD, "besloten", "wissel", "bestaat-niet"))


def test_the_absolute_path_of_a_corpus_file_is_not_a_document_id(server) -> None:
    absolute = percent_encode(str(server.corpus / "bestedingsplan-2022.md"), safe="/")
    assert _raw(server, "/source-file/" + absolute)[0] == 404
    assert _raw(server, "/source-file/" + absolute.lstrip("/"))[0] == 404
    assert _raw(server, "/source/" + absolute.lstrip("/"))[0] == 404


REFUSED_PAGES = {
    "dot-dot": "/source/../../etc/passwd",
    "encoded-traversal": "/source/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "not-in-the-index": "/source/bestaat-niet.md?chunk=abc",
    "no-id": "/source/",
    "council-only-for-anonymous": "/source/" + CLOSED_DOC,
}


@pytest.mark.parametrize("path", REFUSED_PAGES.values(), ids=REFUSED_PAGES.keys())
def test_every_refused_source_view_gets_the_same_404(server, path: str) -> None:
    status, body = _raw(server, path)
    assert status == 404 and body == _raw(server, "/source/bestaat-niet.md")[1]
    assert b"passwd" not in body and CLOSED_WORD.encode() not in body and b"besloten" not in body


def test_a_council_only_document_opens_for_a_council_member_and_nobody_else(server) -> None:
    chunk = _chunk(server, CLOSED_DOC, "7,7 miljoen")
    quote = f"Het reservefonds {CLOSED_WORD} bedraagt 7,7 miljoen euro"
    view, original = _source(CLOSED_DOC, chunk, q=quote), "/source-file/" + CLOSED_DOC
    council = _get(server, view, COUNCIL_HEADERS)
    assert council.status_code == 200 and _marks(council.text) == [quote]
    file = _get(server, original, COUNCIL_HEADERS)
    assert file.status_code == 200 and CLOSED_WORD in file.text
    unknown = _get(server, _source("besloten/bestaat-niet.md", chunk, q="x"))
    student = {"X-Forwarded-User": "ada", "X-Forwarded-Groups": "student"}
    staff = {"X-Forwarded-User": "bob", "X-Forwarded-Groups": "staff"}
    for headers in ({}, student, staff):
        refused = _get(server, view, headers)
        assert refused.status_code == 404 and CLOSED_WORD not in refused.text
        assert refused.text == unknown.text  # exactly like an id that is not in the index
        assert _get(server, original, headers).status_code == 404


def test_an_ingested_symlink_out_of_the_corpus_shows_its_indexed_text_but_never_the_file(server) -> None:
    """The ingest followed the link (its text is in the index, as the operator ingested it), but the file lies
    outside the ingested folder and is not served; neither is a file replaced by such a link after the ingest."""
    assert OUTSIDE_WORD in _get(server, _source("uitstapje.md")).text
    assert _get(server, "/source-file/uitstapje.md").status_code == 404
    assert _get(server, "/source-file/wissel.md").status_code == 404
    assert _get(server, _source("verdwenen.md")).status_code == 200  # the indexed text stays; the file is gone
    assert _get(server, "/source-file/verdwenen.md").status_code == 404


# --------------------------------------------------------------------------- the marking itself


def test_quote_spans_match_words_exactly_and_only_white_space_may_differ() -> None:
    passage = "Eerste zin.\nIn 2020 startte\nhet programma. Laatste zin."
    assert quote_spans(passage, "In 2020 startte het programma.") == [(12, 42)]
    assert quote_spans(passage, "in 2020 startte het programma.") == []  # case counts
    assert quote_spans(passage, "Laatste zin. … Eerste zin.") == [(0, 11), (43, 55)]
    assert quote_spans(passage, None) == [(0, len(passage))]
    assert quote_spans(passage, " … ") == []
    marked = highlight_html("a <b> & c", [(2, 5)])
    assert marked == 'a <mark id="pw-quote" tabindex="0">&lt;b&gt;</mark> &amp; c'


# --------------------------------------------------------------------------- in a browser

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (/usr/bin/chromium)")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_browser_scrolls_to_the_quote_and_axe_finds_no_violation(
    browser_context, server, lang: str, width: str
) -> None:
    from playwright.sync_api import expect

    chunk = _chunk(server, NOTE_DOC, "Lijsterbes")
    errors: list[str] = []
    page = browser_context.new_page()
    page.set_viewport_size(WIDTHS[width])
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(server.url + _source(NOTE_DOC, chunk, q=f"{KEY_SENTENCE} … {SECOND_SENTENCE}", lang=lang))
        quote = page.locator("#pw-quote")
        expect(quote).to_be_in_viewport()
        assert quote.inner_text() == KEY_SENTENCE
        assert page.evaluate("document.activeElement.id") == "pw-quote"
        assert page.evaluate("document.documentElement.lang") == lang
        result = axe_module.Axe().run(page, options=WCAG_AA)
        violations = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
        assert not violations, violations
        assert not page.evaluate("document.getElementById('pw-back').getAttribute('href')").startswith("javascript")
    finally:
        page.close()
    assert not errors, errors  # the content security policy lets the page's own style and script run
