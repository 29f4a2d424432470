"""Share links and exports of a conversation: a link that asks it again, Markdown, and a print-friendly page.

Nothing is stored: a link holds the questions only, and whoever opens it gets the conversation computed again, from
the index as it is then and under their own rights (a council member's link opened anonymously answers from the
public documents). URL formats (all root-relative, percent-encoded):

* ``/?q=QUESTION&h=EARLIER&h=EARLIER...`` — the web app asks the earlier questions ``h`` (oldest first), then ``q``;
* ``/export/answer.md?q=...&h=...&lang=nl|en`` — the same conversation as a Markdown download;
* ``/export/print?q=...&h=...&lang=nl|en`` — the same as a standalone, print-friendly HTML page.

At most :data:`MAX_HISTORY` earlier questions travel, each cut like a typed question
(:func:`~planwijzer.assistant.question.cap_question`), and a link's query stays under :data:`MAX_QUERY_CHARS`
(older questions are dropped first). Both routes apply the same limits to what they are given, so a crafted link
cannot make the server answer more than ``MAX_HISTORY + 1`` questions, and each export counts as one request for
the rate limit.

Mount with ``root.router.routes.extend(share_routes(app))`` before the web app is mounted at ``/``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from html import escape
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from planwijzer.assistant.answer import Answer
from planwijzer.assistant.ask import answer_json, ask
from planwijzer.assistant.question import MAX_QUESTION_CHARS, cap_question, has_words
from planwijzer.assistant.retrieval import Index
from planwijzer.ui.i18n import t
from planwijzer.ui.links import csp_hash, server_base
from planwijzer.ui.render import answer_html, safe_url, source_id
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from planwijzer.access import Reader
from planwijzer.config import Settings

MAX_HISTORY = 5
"""Earlier questions a link carries (the most recent ones)."""
MAX_QUERY_CHARS = 4000
"""A link's query string stays below this (proxies and servers accept request lines of 8 KB and more)."""
MARKDOWN_PATH = "/export/answer.md"
PRINT_PATH = "/export/print"

_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_BLOCK_START = re.compile(r"^(\s*)([#>]|[-*+](?=\s)|\d+[.)](?=\s))")
_TITLE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_PRINT_JS = "document.getElementById('pw-print').addEventListener('click', () => window.print());"
_PRINT_CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src {csp_hash(_PRINT_JS)}; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'"
)
_PRINT_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0;background:#fff;color:#1b1f24;line-height:1.5}"
    "main,footer{max-width:46rem;margin:0 auto;padding:1rem 1.5rem}"
    "h1{font-size:1.6rem;color:#001158}h2{font-size:1.3rem;margin-top:2rem;border-top:1px solid #d9dde6;"
    "padding-top:1rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}"
    "a{color:#1d4ed8;overflow-wrap:anywhere}"
    ":focus-visible{outline:3px solid #b45309;outline-offset:2px}"
    ".pw-question{font-weight:600}.pw-notice{border-left:4px solid #b45309;padding:.3rem .7rem;background:#fff7ed}"
    ".pw-sources{padding-left:1.6rem}.pw-sources li{margin:0 0 1rem}.pw-sources p{margin:.1rem 0}"
    ".pw-meta,.pw-link{color:#4a5168;font-size:.92rem}"
    "blockquote{margin:.4rem 0 0;padding:.1rem 0 .1rem .8rem;border-left:3px solid #6b7280;white-space:pre-line}"
    "button{font:inherit;padding:.4rem 1rem;background:#001158;color:#fff;border:0;border-radius:4px;"
    "cursor:pointer}"
    "footer{color:#4a5168;font-size:.9rem;border-top:1px solid #d9dde6}"
    "@media print{.pw-tools{display:none}body{font-size:11pt}main,footer{max-width:none;padding:0}"
    "a{color:#000}h2,h3{break-after:avoid}.pw-sources li{break-inside:avoid}}"
)


# --------------------------------------------------------------------------- links


def clean_conversation(question: str, history: Sequence[str] = ()) -> tuple[str, list[str]]:
    """``question`` and the last :data:`MAX_HISTORY` earlier questions with words, each cut like a typed question."""
    q = cap_question(question or "")[0]
    earlier = [cap_question(h or "")[0] for h in history or ()]
    return q, [h for h in earlier if has_words(h)][-MAX_HISTORY:]


def _encode(question: str, history: Sequence[str]) -> str:
    return urlencode([("q", question), *(("h", h) for h in history)], quote_via=quote)


def share_query(question: str, history: Sequence[str] = ()) -> str:
    """The percent-encoded query ``q=...&h=...`` of a conversation (see :func:`clean_conversation`), under
    :data:`MAX_QUERY_CHARS`: the oldest questions are dropped first, then the question itself is cut shorter."""
    q, earlier = clean_conversation(question, history)
    while earlier and len(_encode(q, earlier)) > MAX_QUERY_CHARS:
        earlier = earlier[1:]
    limit = MAX_QUESTION_CHARS
    while len(_encode(q, earlier)) > MAX_QUERY_CHARS and limit > 16:
        limit = limit * 3 // 4
        q = cap_question(q, limit)[0]
    return _encode(q, earlier)


def share_url(question: str, history: Sequence[str] = ()) -> str:
    """The root-relative link ``/?q=QUESTION&h=EARLIER...`` that asks the conversation again in a fresh browser;
    ``history`` holds the earlier questions, oldest first."""
    return _share_link(share_query(question, history))


def _share_link(query: str) -> str:
    """The share link for a conversation's :func:`share_query` ``query``."""
    return f"/?{query}"


def export_url(kind: str, question: str, history: Sequence[str] = (), lang: str = "nl") -> str:
    """The link of the Markdown export (``kind`` ``md``) or the print view (``print``) of a conversation."""
    return _export_link(kind, share_query(question, history), lang)


def _export_link(kind: str, query: str, lang: str) -> str:
    """The export link of ``kind`` (see :func:`export_url`) for a conversation's :func:`share_query` ``query``."""
    path = MARKDOWN_PATH if kind == "md" else PRINT_PATH
    return f"{path}?{query}&lang={'en' if lang == 'en' else 'nl'}"


def share_links(question: str, history: Sequence[str] = (), lang: str = "nl") -> tuple[str, str, str]:
    """The :func:`share_url`, the Markdown :func:`export_url` and the print view link of a conversation, from one
    :func:`share_query`."""
    query = share_query(question, history)
    return _share_link(query), _export_link("md", query, lang), _export_link("print", query, lang)


def parse_share(query: str | Mapping[str, Any] | None) -> tuple[str, list[str]]:
    """The question and earlier questions of a link's query string (or of a plain mapping), limited as
    :func:`clean_conversation` limits them; ``("", [])`` when the link asks nothing."""
    if isinstance(query, Mapping):
        pairs = [(k, v) for k, vs in query.items() for v in (vs if isinstance(vs, list | tuple) else [vs])]
    else:
        pairs = parse_qsl(query or "", keep_blank_values=False)
    questions = [str(v) for k, v in pairs if k == "q"]
    history = [str(v) for k, v in pairs if k == "h"]
    q, earlier = clean_conversation(questions[0] if questions else "", history)
    return (q, earlier) if has_words(q) else ("", [])


def request_query(request: Any) -> str:
    """The query string of ``request`` (a Starlette request or a ``gr.Request``: for an event of the web app that is
    the page's own query, which Gradio's client sends along with every event)."""
    url = getattr(request, "url", None) if request is not None else None
    return urlsplit(str(url)).query if url else ""


# --------------------------------------------------------------------------- computing the conversation


def recompute(
    index: Index, settings: Settings, reader: Reader, question: str, history: Sequence[str] = ()
) -> list[dict]:
    """Answer the earlier questions in turn, each as a follow-up of those before it, then ``question``, all under
    ``reader``'s rights (:func:`~planwijzer.assistant.ask.ask`); returns ``{"question", "answer"}`` turns."""
    steps = ask_conversation(index, settings, reader, question, history)
    return [{"question": q, "answer": ans} for q, ans in steps if ans is not None]


def ask_conversation(
    index: Index, settings: Settings, reader: Reader, question: str, history: Sequence[str] = ()
) -> Iterator[tuple[str, Answer | None]]:
    """Ask the earlier questions in turn, each as a follow-up of those before it, then ``question``, under
    ``reader``'s rights: yields ``(q, None)`` before asking each question ``q`` and ``(q, answer)`` once answered."""
    questions = [*history, question]
    for i, q in enumerate(questions):
        yield q, None
        yield q, ask(index, q, questions[:i], None, settings, reader=reader)


def display_time(value: str | datetime | None, lang: str = "nl") -> str:
    """A moment as ``YYYY-MM-DD HH:MM UTC`` (an ISO string or a datetime; naive ones count as UTC)."""
    if not value:
        return t(lang, "export_unknown_date")
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def index_stamp(index: Index, reader: Reader) -> tuple[int, str | None]:
    """The index generation (after a refresh) and when the newest document ``reader`` may read was indexed (ISO)."""
    index.refresh()
    generation = index.lexical.generation
    docs = index.store.manifest().docs.values()
    stamps = [str(d["indexed_at"]) for d in docs if d.get("indexed_at") and reader.may_read(d.get("access"))]
    return generation, max(stamps) if stamps else None


def notice_html(info: Mapping[str, Any] | None, lang: str) -> str:
    """The chat's notice above a conversation opened from a link: when it was computed, from which index (``info``:
    ``generation``, ``indexed_at`` and ``made_at``, as ISO strings); empty without ``info``."""
    if not info:
        return ""
    text = t(
        lang,
        "share_recomputed",
        made_at=display_time(info.get("made_at"), lang),
        indexed_at=display_time(info.get("indexed_at"), lang),
        generation=info.get("generation"),
    )
    return f'<p class="pw-share-notice" role="status">{escape(text)}</p>'


# --------------------------------------------------------------------------- Markdown


def _answer_data(answer: Answer | Mapping[str, Any]) -> dict:
    """The JSON of an answer; the chat's record (``ui.app.answer_record``) has its notice before the answer text."""
    data = answer.to_json() if isinstance(answer, Answer) else dict(answer)
    notice, text = data.get("notice"), str(data.get("answer") or "")
    if notice and text.startswith(f"⚠ {notice}"):
        data["answer"] = text[len(f"⚠ {notice}") :].lstrip()
    return data


def _md_text(text: str) -> str:
    """Text for a Markdown paragraph: lines kept, a leading block marker and a tag start escaped."""
    lines = [_BLOCK_START.sub(r"\1\\\2", line.rstrip()) for line in (text or "").strip().splitlines()]
    return _TAG_START.sub(r"\\<", "\n".join(lines))


def _md_link(url: str) -> str:
    return "<" + quote(url, safe=":/?#[]@!$&'()*+,;=%~") + ">"


def _source_meta(c: Mapping[str, Any], lang: str) -> str:
    """A source's page and date as one line ("Pagina: 2 · Datum: 2020"), empty when it has neither."""
    meta = [f"{t(lang, 'export_page')}: {c['page']}" if c.get("page") is not None else ""]
    meta.append(f"{t(lang, 'export_date')}: {c['date']}" if c.get("date") else "")
    return " · ".join(m for m in meta if m)


def _footer(lang: str, generation: int, indexed_at: str | None, made_at: str | datetime) -> str:
    """When an export was made and from which index (generation and date)."""
    shown = {"made_at": display_time(made_at, lang), "indexed_at": display_time(indexed_at, lang)}
    return t(lang, "export_footer", generation=generation, **shown)


def _md_source(c: Mapping[str, Any], lang: str) -> list[str]:
    title = _TAG_START.sub(r"\\<", _TITLE_SPECIAL.sub(r"\\\1", str(c.get("title") or c.get("doc_id") or "")))
    lines = [f"{int(c['n'])}. **{title}**  "]
    link = safe_url(c.get("link")) or safe_url(c.get("url"))
    if link:
        lines.append(f"   {t(lang, 'export_link')}: {_md_link(link)}  ")
    elif c.get("doc_id"):
        lines.append(f"   {t(lang, 'export_document')}: {_md_text(str(c['doc_id']))}  ")
    if meta := _source_meta(c, lang):
        lines.append(f"   {meta}")
    lines.append("")
    quote_text = _TAG_START.sub(r"\\<", str(c.get("quote") or "").strip())
    lines.extend(f"   > {line.strip()}".rstrip() for line in quote_text.splitlines())
    lines.append("")
    return lines


def export_markdown(
    turns: Sequence[Mapping[str, Any]],
    lang: str,
    generation: int,
    indexed_at: str | None,
    made_at: str | datetime | None = None,
) -> str:
    """The conversation ``turns`` (each ``{"question", "answer"}``, the answer an :class:`Answer` or its JSON) as
    Markdown for minutes: per question the question, the answer with its [n] markers, and the numbered sources, each
    with title, link (else the document's name), page, date and the full quote; a footer naming the index generation,
    the index date and when it was made. Labels in ``lang``."""
    made_at = made_at or datetime.now(UTC)
    out = [f"# {t(lang, 'export_title')}", ""]
    for i, turn in enumerate(turns, 1):
        data = _answer_data(turn["answer"])
        out += [f"## {t(lang, 'export_question', n=i)}", "", _md_text(str(turn["question"])), ""]
        out += [f"### {t(lang, 'export_answer')}", ""]
        if data.get("notice"):
            out += [f"⚠ {_md_text(str(data['notice']))}", ""]
        out += [_md_text(str(data.get("answer") or "")), ""]
        for key, heading in (("citations", "export_sources"), ("related", "export_related")):
            if items := data.get(key) or []:
                out += [f"### {t(lang, heading)}", ""]
                out += [line for c in items for line in _md_source(c, lang)]
    footer = _footer(lang, generation, indexed_at, made_at)
    out += ["---", "", f"_{footer}_", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- print view


def _html_source(c: Mapping[str, Any], turn: int, lang: str) -> str:
    n = int(c["n"])
    title = escape(str(c.get("title") or c.get("doc_id") or ""))
    link = safe_url(c.get("link")) or safe_url(c.get("url"))
    head = f'<a href="{escape(link)}">{title}</a>' if link else title
    where = (
        f'<p class="pw-link">{escape(t(lang, "export_link"))}: <a href="{escape(link)}">{escape(link)}</a></p>'
        if link
        else f'<p class="pw-link">{escape(t(lang, "export_document"))}: {escape(str(c.get("doc_id") or ""))}</p>'
    )
    meta = _source_meta(c, lang)
    meta_html = f'<p class="pw-meta">{escape(meta)}</p>' if meta else ""
    return (
        f'<li id="{source_id(turn, n)}" value="{n}"><p class="pw-title"><strong>{head}</strong></p>{meta_html}'
        f"{where}<blockquote>{escape(str(c.get('quote') or '').strip())}</blockquote></li>"
    )


def print_html(
    turns: Sequence[Mapping[str, Any]],
    lang: str,
    generation: int,
    indexed_at: str | None,
    made_at: str | datetime | None = None,
    back_url: str | None = None,
) -> str:
    """The content of :func:`export_markdown` as a standalone, print-friendly and accessible HTML page (``<html
    lang>``, headings per question, a print button and a link back to the conversation that hide when printed)."""
    made_at = made_at or datetime.now(UTC)
    title = escape(t(lang, "export_title"))
    back = f' <a href="{escape(back_url)}">{escape(t(lang, "export_open"))}</a>' if back_url else ""
    parts = [
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_PRINT_STYLE}</style></head><body><main><h1>{title}</h1>"
        f'<p class="pw-tools"><button type="button" id="pw-print">{escape(t(lang, "export_print"))}</button>'
        f"{back}</p>"
    ]
    for i, turn in enumerate(turns):
        data = _answer_data(turn["answer"])
        known = {int(c["n"]) for c in data.get("citations", []) + data.get("related", [])}
        parts.append(
            f'<section aria-labelledby="pw-q{i}"><h2 id="pw-q{i}">{escape(t(lang, "export_question", n=i + 1))}</h2>'
            f'<p class="pw-question">{escape(str(turn["question"]))}</p><h3>{escape(t(lang, "export_answer"))}</h3>'
        )
        if data.get("notice"):
            parts.append(f'<p class="pw-notice">⚠ {escape(str(data["notice"]))}</p>')
        answer_lang = escape(str(data.get("language") or lang))
        parts.append(f'<p class="pw-answer" lang="{answer_lang}">{answer_html(str(data["answer"]), i, known)}</p>')
        for key, heading in (("citations", "export_sources"), ("related", "export_related")):
            if items := data.get(key) or []:
                cards = "".join(_html_source(c, i, lang) for c in items)
                parts.append(f'<h3>{escape(t(lang, heading))}</h3><ol class="pw-sources">{cards}</ol>')
        parts.append("</section>")
    footer = _footer(lang, generation, indexed_at, made_at)
    parts.append(f"</main><footer><p>{escape(footer)}</p></footer><script>{_PRINT_JS}</script></body></html>")
    return "".join(parts)


# --------------------------------------------------------------------------- routes


def file_name(question: str) -> str:
    """A safe download name for the export of ``question``: ``planwijzer-<first words>.md`` (ASCII)."""
    ascii_text = unicodedata.normalize("NFKD", question).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].rstrip("-")
    return f"planwijzer-{slug or 'export'}.md"


def share_routes(app: Any) -> list[Route]:
    """``GET /export/answer.md`` (Markdown download) and ``GET /export/print`` (print view) for the web app's server;
    ``app`` is the :class:`~planwijzer.ui.app.PlanwijzerApp` whose index, settings, reader and rate limit they use.
    Both take ``q``, ``h`` (repeatable) and ``lang`` and compute the conversation again under the requester's own
    rights; neither may be cached."""

    async def conversation(request: Request) -> tuple[str, list[dict], int, str | None, datetime] | Response:
        lang = "en" if request.query_params.get("lang") == "en" else "nl"
        question, history = parse_share(request.url.query)
        headers = {"Cache-Control": "no-store"}
        if not question:
            return PlainTextResponse(t(lang, "export_no_question"), 400, headers=headers)
        if wait := app.admit("export", question, request):
            headers["Retry-After"] = str(wait)
            return PlainTextResponse(t(lang, "rate_limited", seconds=wait), 429, headers=headers)
        who = app.reader(request)
        turns = await run_in_threadpool(recompute, app.index, app.settings, who, question, history)
        base = server_base(request, app.settings)  # a local file's source-view link, absolute for pasting elsewhere
        turns = [{**turn, "answer": answer_json(turn["answer"], base)} for turn in turns]
        generation, indexed_at = index_stamp(app.index, who)
        return lang, turns, generation, indexed_at, datetime.now(UTC)

    async def markdown(request: Request) -> Response:
        found = await conversation(request)
        if isinstance(found, Response):
            return found
        lang, turns, generation, indexed_at, made_at = found
        headers = {
            "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="{file_name(turns[-1]["question"])}"',
            "X-Content-Type-Options": "nosniff",
        }
        body = export_markdown(turns, lang, generation, indexed_at, made_at)
        return Response(body, media_type="text/markdown; charset=utf-8", headers=headers)

    async def printable(request: Request) -> Response:
        found = await conversation(request)
        if isinstance(found, Response):
            return found
        lang, turns, generation, indexed_at, made_at = found
        back = share_url(turns[-1]["question"], [turn["question"] for turn in turns[:-1]])
        page = print_html(turns, lang, generation, indexed_at, made_at, back)
        headers = {"Cache-Control": "no-store", "Content-Security-Policy": _PRINT_CSP}
        return HTMLResponse(page, headers=headers)

    return [Route(MARKDOWN_PATH, markdown, methods=["GET"]), Route(PRINT_PATH, printable, methods=["GET"])]
