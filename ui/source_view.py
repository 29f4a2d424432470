"""The in-app source view: a cited passage of a document without a url, and the original file it comes from.

A citation of a document without a url (a local PDF, DOCX, HTML, Markdown or text file) links to
``/source/<doc_id>?chunk=<chunk_id>`` (``assistant/citing.py``; the doc id percent-encoded, its ``/`` kept), with
the quote in ``q`` where the link has one:

* ``GET /source/{doc_id}?chunk=<chunk_id>&q=<quote>&lang=nl|en`` is a small standalone page: the document's title,
  date, page and section, the cited passage between the passages before and after it, and each part of the quote
  (parts joined by " … ") marked where it occurs in the passage; the first mark (``#pw-quote``) is scrolled into
  view and focused on load. Without a known ``chunk`` the page shows the start of the document.
* ``GET /source-file/{doc_id}`` is the original file (``#page=N`` opens a PDF at its page).

Both read as the request's user (:meth:`~ui.app.PlanwijzerApp.view`): a document they may not read is answered
exactly like an id that is not in the index, 404 with one generic message. Files are found by document id only,
through the index's manifest, and served only when the path resolves inside the folder that was ingested.

Mount with ``root.router.routes.extend(source_routes(app))`` before the web app is mounted at ``/``.
"""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote as percent_encode
from urllib.parse import urlencode

from planwijzer.assistant.citing import SOURCE_PATH, passage_link
from planwijzer.assistant.lookup import document
from planwijzer.assistant.retrieval import Hit, Index
from planwijzer.ui.i18n import t
from planwijzer.ui.links import csp_hash
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

if TYPE_CHECKING:
    from planwijzer.ui.app import PlanwijzerApp

FILE_PREFIX = "/source-file/"
FIRST_PASSAGES = 3
"""The document view (no known chunk) shows this many passages from the start."""
MAX_QUOTE_CHARS = 4000
MAX_QUOTE_PARTS = 20
_MIN_OVERLAP = 8
_QUOTE_JOIN = " … "

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".md": "text/plain",
    ".markdown": "text/plain",
    ".txt": "text/plain",
    # An ingested web page is shown as its source text, never rendered as HTML: rendered in our origin its scripts
    # would run with the reader's session and could read every page that reader may read (restricted documents
    # included). text/plain with nosniff (and a sandboxing CSP on top) keeps it inert but still readable in place,
    # where an attachment would only be downloaded.
    ".html": "text/plain",
    ".htm": "text/plain",
}
"""The Content-Type each servable file type is sent with (Markdown and text are plain text, shown inline)."""

_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24;line-height:1.5}"
    "nav{max-width:46rem;margin:0 auto;padding:1rem 1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}"
    "main{max-width:46rem;margin:1rem auto 3rem;padding:1.5rem;background:#fff;border-radius:8px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.15);overflow-wrap:anywhere}"
    "h1{font-size:1.5rem;margin:.25rem 0 1rem}h2{font-size:1.05rem;margin:1.5rem 0 .25rem}"
    ".kicker{margin:0;color:#4b5563;font-size:.9rem;text-transform:uppercase;letter-spacing:.05em}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}"
    ".text{white-space:pre-line;margin:0}.context{color:#374151}"
    ".passage{border-left:4px solid #1d4ed8;padding:.25rem 0 .25rem .9rem}"
    "mark{background:#fde68a;color:#1b1f24;padding:0 .1em;border-radius:2px}"
    ".note{border-left:4px solid #b45309;background:#fffbeb;color:#78350f;padding:.5rem .8rem}"
    ":focus-visible{outline:3px solid #b45309;outline-offset:2px}a{color:#1d4ed8}"
    "@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}"
)
_SCRIPT = (
    "(function(){var m=document.getElementById('pw-quote');"
    "if(m){var still=window.matchMedia('(prefers-reduced-motion: reduce)').matches;"
    "m.scrollIntoView({block:'center',behavior:still?'auto':'smooth'});m.focus({preventScroll:true});}"
    "var b=document.getElementById('pw-back');"
    "if(b&&history.length>1&&document.referrer.indexOf(location.origin+'/')===0){"
    "b.addEventListener('click',function(e){e.preventDefault();history.back();});}})();"
)


_PAGE_CSP = (
    f"default-src 'none'; style-src {csp_hash(_STYLE)}; script-src {csp_hash(_SCRIPT)}; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


# --------------------------------------------------------------------------- highlighting


def quote_spans(text: str, quote: str | None) -> list[tuple[int, int]]:
    """Where the quote occurs in ``text``: for each part of ``quote`` (parts joined by " … "; the "…" of a passage
    cut short dropped) its first place in ``text`` that overlaps no earlier part, in text order. The words must
    occur exactly and in order; only the white space between them may differ (a line break in the passage). A part
    that does not occur gets no span. Without ``quote`` (None) the whole text is one span."""
    if quote is None:
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [(start, end)] if end > start else []
    spans: list[tuple[int, int]] = []
    for part in quote[:MAX_QUOTE_CHARS].split(_QUOTE_JOIN)[:MAX_QUOTE_PARTS]:
        words = part.strip().removesuffix("…").split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
        for found in pattern.finditer(text):
            if all(found.end() <= a or found.start() >= b for a, b in spans):
                spans.append(found.span())
                break
    return sorted(spans)


def highlight_html(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` as HTML with each span in a ``<mark>``; the first mark is ``#pw-quote`` and takes keyboard focus."""
    out, last = [], 0
    for i, (start, end) in enumerate(spans):
        first = ' id="pw-quote" tabindex="0"' if i == 0 else ""
        out.append(f"{html.escape(text[last:start])}<mark{first}>{html.escape(text[start:end])}</mark>")
        last = end
    return "".join(out) + html.escape(text[last:])


def _overlap(before: str, after: str) -> int:
    """The length of the longest end of ``before`` that ``after`` starts with (the chunks' shared text), 0 when
    shorter than a few characters."""
    head = after[:_MIN_OVERLAP]
    if len(head) < _MIN_OVERLAP:
        return 0
    i = before.find(head)
    while i >= 0:
        if after.startswith(before[i:]):
            return len(before) - i
        i = before.find(head, i + 1)
    return 0


def _joined(hits: list[Hit]) -> str:
    """The texts of consecutive passages as one text, the overlap between neighbours shown once."""
    text = ""
    for hit in hits:
        part = hit.text[_overlap(text, hit.text) :] if text else hit.text
        text = f"{text.rstrip()}\n\n{part.lstrip()}" if text else part
    return text


# --------------------------------------------------------------------------- looking up


def file_url(doc_id: str, page: int | None = None) -> str:
    """The root-relative path of the original file of ``doc_id``, at ``page`` (``#page=N``) when given."""
    return FILE_PREFIX + percent_encode(doc_id, safe="/") + (f"#page={page}" if page is not None else "")


def original_file(index: Index, view: Index, doc_id: str) -> Path | None:
    """The original file of ``doc_id`` as a resolved path, or None: the document is not in ``view`` (the index as
    the reader may read it), the manifest of ``index`` has no path and ingested folder for it, the file is gone or
    of a type that is not served, or its path (symbolic links followed) leads out of the folder that was ingested.
    A root that is itself a file (``planwijzer ingest one.pdf``) serves that one file."""
    if view.row_at(doc_id, 0) is None:  # not a document this reader may read
        return None
    entry = index.store.manifest().docs.get(doc_id)
    if not isinstance(entry, dict) or not entry.get("path") or not entry.get("root"):
        return None
    try:
        root = Path(str(entry["root"])).resolve(strict=True)
        path = Path(str(entry["path"])).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # gone, a link loop, a NUL byte
        return None
    inside = path == root if root.is_file() else path.is_relative_to(root) and path != root
    if not inside or not path.is_file() or path.suffix.lower() not in MEDIA_TYPES:
        return None
    return path


# --------------------------------------------------------------------------- pages


def _lang(request: Request) -> str:
    """``?lang=nl|en``, else the first of Dutch or English in the Accept-Language header (by weight), else ``nl``."""
    asked = (request.query_params.get("lang") or "").strip().lower()
    if asked in ("nl", "en"):
        return asked
    ranked = []
    for i, item in enumerate((request.headers.get("accept-language") or "")[:512].split(",")):
        tag, _, params = item.strip().partition(";")
        try:
            weight = float(params.strip().removeprefix("q=")) if params.strip().startswith("q=") else 1.0
        except ValueError:
            weight = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in ("nl", "en") and weight > 0:
            ranked.append((-weight, i, primary))
    return min(ranked)[2] if ranked else "nl"


def _root(request: Request) -> str:
    return request.scope.get("root_path", "").rstrip("/")


def _page(request: Request, lang: str, title: str, body: str, status: int = 200, text_lang: str = "") -> HTMLResponse:
    """A standalone page: navigation (back, other language), ``title`` as its heading in the document's language
    ``text_lang`` (when known), then ``body``. A 404 page's language link carries nothing of the request."""
    e = html.escape
    other = "en" if lang == "nl" else "nl"
    switch = urlencode({**(request.query_params if status == 200 else {}), "lang": other})
    own = f' lang="{e(text_lang)}"' if text_lang and text_lang != lang else ""
    page = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="same-origin">'
        f"<title>{e(title)} · Planwijzer</title><style>{_STYLE}</style></head><body>"
        f'<nav aria-label="Planwijzer"><a id="pw-back" href="{e(_root(request))}/">{e(t(lang, "login_back"))}</a>'
        f'<a href="?{e(switch)}" lang="{other}" hreflang="{other}">{e(t(lang, "login_other_language"))}</a></nav>'
        f'<main><p class="kicker">{e(t(lang, "source_label"))}</p><h1{own}>{e(title)}</h1>{body}</main>'
        f"<script>{_SCRIPT}</script></body></html>"
    )
    headers = {**_NO_STORE, "Content-Security-Policy": _PAGE_CSP}
    return HTMLResponse(page, status_code=status, headers=headers)


def not_found(request: Request) -> HTMLResponse:
    """The one answer to every source or file that cannot be shown: 404, naming nothing."""
    lang = _lang(request)
    body = f"<p>{html.escape(t(lang, 'source_not_found'))}</p>"
    return _page(request, lang, t(lang, "source_not_found_title"), body, 404)


def _details(lang: str, meta: dict, doc_id: str) -> str:
    e = html.escape
    rows = [
        ("source_date", meta.get("date")),
        ("source_page", meta.get("page")),
        ("source_section", meta.get("heading")),
        ("source_file", doc_id),
    ]
    return "<dl>" + "".join(f"<dt>{e(t(lang, k))}</dt><dd>{e(str(v))}</dd>" for k, v in rows if v) + "</dl>"


def _block(lang: str, key: str, inner: str, css: str, text_lang: str, ident: str = "") -> str:
    own = f' lang="{html.escape(text_lang)}"' if text_lang and text_lang != lang else ""
    return f'<h2{ident}>{html.escape(t(lang, key))}</h2><p class="{f"text {css}".strip()}"{own}>{inner}</p>'


def _links(request: Request, lang: str, doc_id: str, meta: dict, quote: str) -> str:
    e = html.escape
    page = meta.get("page")
    suffix = Path(doc_id).suffix.lower()
    if suffix == ".pdf" and page is not None:
        label = t(lang, "source_open_pdf", page=page)
    else:
        label = t(lang, "source_open_file", kind=suffix.lstrip(".").upper() or "?")
    target = _root(request) + file_url(doc_id, int(page) if suffix == ".pdf" and page is not None else None)
    out = f'<li><a href="{e(target)}">{e(label)}</a></li>'
    url = str(meta.get("url") or "")
    if url.startswith(("http://", "https://")):
        link = passage_link(url, int(page) if page is not None else None, quote) or url
        out += f'<li><a href="{e(link)}" rel="noopener noreferrer">{e(t(lang, "source_open_web"))}</a></li>'
    return f"<ul>{out}</ul>"


def source_page(request: Request, view: Index, doc_id: str) -> HTMLResponse:
    """The source view of ``doc_id`` in ``view`` for ``request`` (its ``chunk``, ``q`` and ``lang``); 404 when the
    document is not in ``view``."""
    hits = document(view, doc_id)
    if not hits:
        return not_found(request)
    lang = _lang(request)
    chunk = request.query_params.get("chunk") or ""
    quote = request.query_params.get("q")
    at = next((i for i, hit in enumerate(hits) if hit.chunk_id == chunk), None)
    if at is None:  # no (known) chunk: the start of the document
        shown = hits[:FIRST_PASSAGES]
        meta, text_lang = shown[0].meta, str(shown[0].meta.get("language") or "")
        body = _details(lang, meta, doc_id)
        if len(hits) > len(shown):
            body += f"<p>{html.escape(t(lang, 'source_shown', shown=len(shown), total=len(hits)))}</p>"
        body += _block(lang, "source_start", html.escape(_joined(shown)), "", text_lang)
        body += _links(request, lang, doc_id, {**meta, "page": None}, "")
        return _page(request, lang, str(meta.get("title") or doc_id), body, text_lang=text_lang)
    hit = hits[at]
    meta, text_lang = hit.meta, str(hit.meta.get("language") or "")
    spans = quote_spans(hit.text, quote)
    body = _details(lang, meta, doc_id)
    if quote is not None and not spans:
        body += f'<p class="note">{html.escape(t(lang, "source_quote_missing"))}</p>'
    if at > 0:
        before = hits[at - 1].text
        before = before[: len(before) - _overlap(before, hit.text)].rstrip()
        if before:
            body += _block(lang, "source_before", html.escape(before), "context", text_lang)
    passage = highlight_html(hit.text, spans)
    body += _block(lang, "source_passage", passage, "passage", text_lang, ' id="pw-passage"')
    if at + 1 < len(hits):
        after = hits[at + 1].text
        after = after[_overlap(hit.text, after) :].lstrip()
        if after:
            body += _block(lang, "source_after", html.escape(after), "context", text_lang)
    body += _links(request, lang, doc_id, meta, quote if quote is not None else hit.text)
    return _page(request, lang, str(meta.get("title") or doc_id), body, text_lang=text_lang)


def file_response(path: Path) -> Response:
    """The bytes of the (checked) file ``path``, inline, with the Content-Type of its type (:data:`MEDIA_TYPES`)."""
    media = MEDIA_TYPES[path.suffix.lower()]
    headers = dict(_NO_STORE)
    if media == "text/plain":
        if _is_utf8(path):
            media += "; charset=utf-8"
        # A text shown by the browser gets a unique, script-less origin too (not for PDFs: Chrome's viewer refuses
        # to run in a sandboxed document).
        headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return FileResponse(path, media_type=media, headers=headers, filename=path.name, content_disposition_type="inline")


def _is_utf8(path: Path, limit: int = 1 << 20) -> bool:
    """True when the first ``limit`` bytes of ``path`` are UTF-8 (a character cut at the limit allowed)."""
    try:
        with path.open("rb") as fh:
            codecs.getincrementaldecoder("utf-8")().decode(fh.read(limit), final=False)
    except (OSError, UnicodeDecodeError):
        return False
    return True


def source_routes(app: PlanwijzerApp) -> list[Route]:
    """``GET /source/{doc_id}`` (the source view) and ``GET /source-file/{doc_id}`` (the original file) over the
    index of ``app``, each read as the request's user; 404 for anything they cannot or may not see."""

    def source(request: Request) -> Response:
        doc_id = str(request.path_params.get("doc_id") or "")
        return source_page(request, app.view(request), doc_id) if doc_id else not_found(request)

    def source_file(request: Request) -> Response:
        doc_id = str(request.path_params.get("doc_id") or "")
        path = original_file(app.index, app.view(request), doc_id) if doc_id else None
        return file_response(path) if path is not None else not_found(request)

    return [
        Route(SOURCE_PATH + "{doc_id:path}", source, methods=["GET"]),
        Route(FILE_PREFIX + "{doc_id:path}", source_file, methods=["GET"]),
    ]
