"""HTML for the web app: conversation turns with cited sources, search results, browse lists, the documents table.

Every piece of document text (titles, quotes, passages, metadata) goes through :func:`html.escape`
before it reaches the page, so markup or script inside a document is shown as text and never runs.
Query words are highlighted with ``<mark>`` by stem (Dutch and English), after escaping.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlparse

from planwijzer.assistant.citing import cited_link, passage_link
from planwijzer.assistant.decision_timeline import TimelineEntry
from planwijzer.ingest.decisions import Decision
from planwijzer.ingest.language import ALL_STOPWORDS
from planwijzer.ingest.tokens import word_stems
from planwijzer.ui.catalog import DocInfo, Passage
from planwijzer.ui.i18n import body_label, count, known, t

from planwijzer import messages

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_MARKER = re.compile(r"\[(\d{1,3})\]")
COMPOUND_TAIL = 5
"""A document word ending in a query word of at least this length counts as a match (Dutch compounds)."""

THUMB_UP = (
    '<svg viewBox="0 0 24 24"><path d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1'
    ' 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/></svg>'
)
THUMB_DOWN = (
    '<svg viewBox="0 0 24 24"><path d="M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1'
    ' 6.6-6.6c.4-.4.6-.9.6-1.4V5a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z"/></svg>'
)


def doc_type_label(doc_type: str | None, lang: str) -> str:
    """A readable name for a ``doc_type`` value (the raw value when unknown)."""
    if not doc_type:
        return ""
    key = f"doc_type_{doc_type}"
    return t(lang, key) if known(key) else doc_type.replace("_", " ")


def language_label(code: str | None, lang: str) -> str:
    """``nl`` → "Nederlands"/"Dutch", in the interface language."""
    key = f"language_{code}"
    return t(lang, key) if code and known(key) else code or ""


def query_terms(query: str) -> frozenset[str]:
    """The Dutch and English stems of the content words of ``query`` (what :func:`highlight` marks)."""
    out: set[str] = set()
    for word in (w.lower() for w in _WORD.findall(query or "")):
        if word in ALL_STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        out |= {word, *word_stems(word)}
    return frozenset(out)


def _matches(word: str, terms: frozenset[str]) -> bool:
    low = word.lower()
    if low in ALL_STOPWORDS:
        return False
    if low in terms or word_stems(low) & terms:
        return True
    return any(len(term) >= COMPOUND_TAIL and low.endswith(term) for term in terms)


def highlight(text: str, query: str | frozenset[str]) -> str:
    """``text`` html-escaped, with every word that matches a query word (by stem) wrapped in ``<mark>``."""
    terms = query_terms(query) if isinstance(query, str) else query
    if not terms:
        return escape(text or "")
    out: list[str] = []
    last = 0
    for m in _WORD.finditer(text or ""):
        if _matches(m.group(), terms):
            out.append(escape(text[last : m.start()]))
            out.append(f"<mark>{escape(m.group())}</mark>")
            last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def tidy(text: str) -> str:
    """Passage text for display: blank lines collapsed, surrounding space removed (line breaks kept)."""
    return re.sub(r"\n\s*\n+", "\n", (text or "").strip())


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link or a path on this server (``/source/…``), else None (no ``javascript:`` or
    other schemes, no ``//host`` or ``/\\host`` that browsers would take to another site)."""
    if not url:
        return None
    url = url.strip()
    if url.startswith("/") and not url.startswith(("//", "/\\")) and "\\" not in url:
        return url
    parsed = urlparse(url)
    return url if parsed.scheme in ("http", "https") and parsed.netloc else None


def _link(url: str | None, label_html: str, cls: str = "") -> str:
    href = safe_url(url)
    if not href:
        return f'<span class="{cls}">{label_html}</span>' if cls else label_html
    return f'<a class="{cls}" href="{escape(href)}" target="_blank" rel="noopener noreferrer">{label_html}</a>'


def _meta_line(parts: list[str]) -> str:
    return " · ".join(escape(p) for p in parts if p)


def source_id(turn: int, n: int) -> str:
    """The DOM id of source card ``n`` of conversation turn ``turn`` (the target of marker ``[n]``)."""
    return f"pw-t{turn}-s{n}"


def answer_html(text: str, turn: int, known: set[int]) -> str:
    """Answer text escaped, with each ``[n]`` marker of a known source turned into a link to its card."""

    def marker(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in known:
            return escape(m.group())
        target = source_id(turn, n)
        return f'<a class="pw-cite" href="#{target}" data-target="{target}" aria-label="[{n}]">[{n}]</a>'

    out, last = [], 0
    for m in _MARKER.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(marker(m))
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def source_card(c: dict, turn: int, query: str, lang: str) -> str:
    """One cited source: number, title (linked to the original), date, page, section and highlighted quote."""
    n = int(c["n"])
    meta = _meta_line(
        [c.get("date") or "", f"{t(lang, 'page')} {c['page']}" if c.get("page") else "", c.get("heading") or ""]
    )
    title = _link(c.get("link") or c.get("url"), escape(c.get("title") or c.get("doc_id") or ""), "pw-title")
    return (
        f'<li class="pw-source" id="{source_id(turn, n)}" tabindex="-1">'
        f'<div class="pw-source-head"><span class="pw-n">[{n}]</span> {title}</div>'
        + (f'<div class="pw-meta">{meta}</div>' if meta else "")
        + f'<div class="pw-quote">{highlight(tidy(c.get("quote") or ""), query)}</div></li>'
    )


def split_for_stream(text: str) -> list[str]:
    """The answer cut into the pieces it streams in (words with their trailing space; markers stay whole)."""
    return re.findall(r"\S+\s*", text) or [text]


def turn_html(turn: dict, index: int, lang: str, shown: int | None = None, history: list[str] | None = None) -> str:
    """One question and its answer with sources, vote buttons and (once finished) the share and export links.

    While streaming, ``shown`` pieces of the answer are visible; the rest is laid out but invisible, so the
    answer box has its final size from the start and nothing below it moves. ``history``: the questions of the
    turns before this one (oldest first), which its share link carries; None leaves the links out.
    """
    ans = turn["answer"]
    query = turn["question"]
    text = ans["answer"]
    known = {int(c["n"]) for c in ans.get("citations", []) + ans.get("related", [])}
    streaming = shown is not None
    if streaming:
        pieces = split_for_stream(text)
        body = answer_html("".join(pieces[:shown]), index, known) + (
            f'<span class="pw-pending" aria-hidden="true">{escape("".join(pieces[shown:]))}</span>'
        )
    else:
        body = answer_html(text, index, known)
    parts = [
        f'<section class="pw-turn" data-turn="{index}" aria-busy="{str(streaming).lower()}">',
        f'<div class="pw-q"><span class="pw-who">{escape(t(lang, "you"))}</span>{escape(query)}</div>',
        f'<div class="pw-a{" pw-abstained" if ans.get("abstained") else ""}"'
        f' lang="{escape(ans.get("language", lang))}">'
        f'<span class="pw-who">{escape(t(lang, "assistant"))}</span><p class="pw-answer-text">{body}</p>',
    ]
    for key, items in (("sources", ans.get("citations", [])), ("related", ans.get("related", []))):
        if items:
            cards = "".join(source_card(c, index, query, lang) for c in items)
            heading = f'<div class="pw-h" role="heading" aria-level="3">{escape(t(lang, key))}</div>'
            parts.append(f'<div class="pw-sources pw-{key}">{heading}<ol>{cards}</ol></div>')
    parts.append(_vote_bar(turn, index, lang, disabled=streaming))
    if not streaming and history is not None:
        parts.append(share_bar(query, history, lang))
    parts.append("</div></section>")
    return "".join(parts)


def _vote_bar(turn: dict, index: int, lang: str, disabled: bool) -> str:
    vote = turn.get("vote")
    buttons = []
    for value, icon in (("like", THUMB_UP), ("dislike", THUMB_DOWN)):
        label = escape(t(lang, value))
        pressed = "true" if vote == value else "false"
        buttons.append(
            f'<button type="button" class="pw-vote" data-turn="{index}" data-vote="{value}" aria-pressed="{pressed}"'
            f'{" disabled" if disabled else ""} title="{label}"><span aria-hidden="true">{icon}</span> {label}</button>'
        )
    thanks = f'<span class="pw-thanks" role="status">{escape(t(lang, "thanks"))}</span>' if vote else ""
    return f'<div class="pw-votes">{"".join(buttons)}{thanks}</div>'


def share_bar(question: str, history: list[str], lang: str) -> str:
    """The links under a finished answer: "Link to this answer" (the conversation up to it, asked again when
    opened), its Markdown export and its print view (``ui/share.py``)."""
    from planwijzer.ui.share import share_links  # share.py renders with this module: imported on use

    new_tab = ' target="_blank" rel="noopener"'  # the conversation on this page stays as it is
    share, markdown, printable = share_links(question, history, lang)
    links = [
        ("pw-share-link", share, "share_link", new_tab),
        ("pw-export-md", markdown, "export_markdown", " download"),
        ("pw-export-print", printable, "export_print", new_tab),
    ]
    items = "".join(
        f'<a class="{cls}" href="{escape(href)}"{extra}>{escape(t(lang, key))}</a>' for cls, href, key, extra in links
    )
    return f'<div class="pw-share" role="group" aria-label="{escape(t(lang, "share_actions"))}">{items}</div>'


def waiting_html(turns: list[dict], question: str, lang: str) -> str:
    """The conversation with ``question`` asked and its answer still being composed."""
    done = conversation_html(turns, lang) if turns else '<div class="pw-chat"></div>'
    pending = (
        f'<section class="pw-turn" data-turn="{len(turns)}" aria-busy="true">'
        f'<div class="pw-q"><span class="pw-who">{escape(t(lang, "you"))}</span>{escape(question)}</div>'
        f'<div class="pw-a"><span class="pw-who">{escape(t(lang, "assistant"))}</span>'
        f'<p class="pw-answer-text pw-waiting">{escape(t(lang, "answering"))}</p></div></section>'
    )
    return done[: -len("</div>")] + pending + "</div>"


def conversation_html(turns: list[dict], lang: str, streaming: int | None = None) -> str:
    """The whole conversation; the last turn is partly shown when ``streaming`` (pieces visible) is given."""
    if not turns:
        return f'<div class="pw-chat pw-empty"><p>{escape(t(lang, "empty_chat"))}</p></div>'
    body = turns_html(turns, lang, streaming)
    return f'<div class="pw-chat">{body}</div>'  # not live: the finished answer is announced once (CHAT_JS)


def turns_html(turns: list[dict], lang: str, streaming: int | None = None) -> str:
    """Every turn of a conversation (:func:`turn_html`), each with the questions before it for its share links; the
    last one partly shown when ``streaming`` (pieces visible) is given."""
    last = len(turns) - 1
    asked = [turn["question"] for turn in turns]
    return "".join(
        turn_html(turn, i, lang, streaming if i == last else None, asked[:i]) for i, turn in enumerate(turns)
    )


def _passage_card(p: Passage, rank: int, query: str, lang: str) -> str:
    meta = _meta_line(
        [
            p.date or t(lang, "undated"),
            doc_type_label(p.doc_type, lang),
            p.institution or "",
            language_label(p.language, lang),
            f"{t(lang, 'page')} {p.page}" if p.page else "",
        ]
    )
    title = _link(passage_link(p.url, p.page, " ".join(p.text.split())), escape(p.title), "pw-title")
    return (
        f'<li class="pw-result" data-year="{p.year or ""}"><div class="pw-source-head">'
        f'<span class="pw-n">{rank}.</span> '
        f'{title}</div><div class="pw-meta">{meta}</div>'
        + (f'<div class="pw-heading">{escape(p.heading)}</div>' if p.heading else "")
        + f'<div class="pw-quote">{highlight(tidy(p.text), " ".join([query, *p.also]))}</div></li>'
    )


def results_html(
    passages: list[Passage], query: str, lang: str, has_more: bool = False, corrected: list | None = None
) -> str:
    """Ranked passages for the search view (title, date, type, page, link, highlighted text); first, when words of
    the query were mistyped, what was searched for instead (``corrected``: ``(typed, searched)`` pairs)."""
    note = f'<p class="pw-corrected">{escape(messages.searched_for(corrected, lang))}</p>' if corrected else ""
    if not passages:
        return f'<div class="pw-results pw-none">{note}<p>{escape(t(lang, "no_results"))}</p></div>'
    count = t(lang, "results", n=f"{len(passages)}{'+' if has_more else ''}")
    cards = "".join(_passage_card(p, i, query, lang) for i, p in enumerate(passages, 1))
    return f'<div class="pw-results">{note}<p class="pw-count">{escape(count)}</p><ol>{cards}</ol></div>'


def browse_html(docs: list[DocInfo], lang: str, has_more: bool = False) -> str:
    """Documents matching the filters, newest first (the search view with an empty query)."""
    if not docs:
        return f'<div class="pw-results pw-none"><p>{escape(t(lang, "no_results"))}</p></div>'
    count = t(lang, "browse", n=f"{len(docs)}{'+' if has_more else ''}")
    cards = []
    for d in docs:
        meta = _meta_line(
            [
                d.date or t(lang, "undated"),
                doc_type_label(d.doc_type, lang),
                d.institution or "",
                language_label(d.language, lang),
            ]
        )
        cards.append(
            f'<li class="pw-result pw-doc" data-year="{d.year or ""}"><div class="pw-source-head">'
            f'{_link(d.url, escape(d.title), "pw-title")}</div><div class="pw-meta">{meta}</div>'
            f'<p class="pw-snippet">{escape(d.snippet)}</p></li>'
        )
    return f'<div class="pw-results pw-browse"><p class="pw-count">{escape(count)}</p><ol>{"".join(cards)}</ol></div>'


def documents_html(docs: list[DocInfo], lang: str) -> str:
    """The read-only table of indexed documents."""
    heads = ["col_title", "col_type", "col_date", "col_language", "col_chunks", "col_indexed"]
    head = "".join(f'<th scope="col">{escape(t(lang, h))}</th>' for h in heads)
    rows = []
    for d in docs:
        cells = [
            _link(d.url, escape(d.title), "pw-title"),
            escape(doc_type_label(d.doc_type, lang)),
            escape(d.date or ""),
            escape(language_label(d.language, lang)),
            str(d.chunks),
            escape((d.indexed_at or "").replace("T", " ")[:16]),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    chunks = sum(d.chunks for d in docs)
    intro = escape(t(lang, "docs_intro", n=len(docs), chunks=chunks))
    return (
        f'<div class="pw-docs"><p>{intro}</p><div class="pw-table-wrap" tabindex="0">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def act_label(act: str, negated: bool, lang: str) -> str:
    """A decision act ("consent") in the interface language, marked when it was negated."""
    label = t(lang, f"act_{act}") if known(f"act_{act}") else act.replace("_", " ")
    return t(lang, "act_negated", act=label) if negated else label


def _decision_link(r: Decision, docs: dict[str, DocInfo], lang: str) -> str:
    """The source of a decision record: its document's title linked to the sentence, and the page."""
    doc = docs.get(r.doc_id)
    quote = " ".join(r.sentence.split())
    link = cited_link(r.doc_id, r.chunk_id, doc.url if doc else None, r.page, quote)
    title = _link(link, escape(doc.title if doc else r.doc_id), "pw-title")
    page = f" · {escape(t(lang, 'page'))} {int(r.page)}" if r.page else ""
    return f"{title}{page}"


def _decision_when(r: Decision, lang: str) -> str:
    when = r.date_text or r.date or ""
    if r.date is None:  # placed under its document's date, visibly marked
        return f"{r.doc_date or ''} ({t(lang, 'decision_document_date')})".strip()
    if r.date_basis == "meeting":
        return f"{when} ({t(lang, 'decision_meeting_date')})"
    return when


def decisions_html(items: list[TimelineEntry] | list[Decision], docs: dict[str, DocInfo], lang: str) -> str:
    """The decision timeline: entries oldest first, grouped by year, each with its quoted sentence and every
    document that reports it, and a link to the earlier decision it continues (records are shown one per entry)."""
    entries = [e if isinstance(e, TimelineEntry) else TimelineEntry(e, [e]) for e in items]
    if not entries:
        return f'<div class="pw-results pw-decisions pw-none"><p>{escape(t(lang, "no_decisions"))}</p></div>'
    groups: dict[int | None, list[str]] = {}
    for entry in entries:
        r = entry.record
        body = body_label(r.body, lang) + (f" ({r.institution})" if r.institution else "")
        head = _meta_line([_decision_when(r, lang), body, act_label(r.act, r.negated, lang)])
        sources = " · ".join(_decision_link(s, docs, lang) for s in entry.sources)
        continues = ""
        if entry.continues is not None:
            c = entry.continues.record
            label = _meta_line([_decision_when(c, lang), body_label(c.body, lang), c.subject])
            continues = (
                f'<div class="pw-meta pw-continues">{escape(t(lang, "decision_continues"))} '
                f'<a href="#{entry.continues.anchor}">{label}</a></div>'
            )
        groups.setdefault(r.year, []).append(
            f'<li class="pw-result pw-decision" id="{entry.anchor}" data-year="{r.year or ""}"'
            f' data-body="{escape(r.body)}" data-date-basis="{escape(r.date_basis)}"'
            f' data-sources="{len(entry.sources)}">'
            f'<div class="pw-source-head"><time datetime="{escape(r.when or "")}">{head}</time></div>'
            + (f'<div class="pw-heading">{escape(r.subject)}</div>' if r.subject else "")
            + f'<blockquote class="pw-quote">{escape(tidy(r.sentence))}</blockquote>{continues}'
            f'<div class="pw-meta pw-decision-source">{escape(t(lang, "decision_source"))} {sources}</div></li>'
        )
    total = escape(count(lang, "decisions_count", len(entries)))
    years = "".join(
        f'<section class="pw-year" data-year="{year or ""}"><h3>{year or escape(t(lang, "decision_no_date"))}</h3>'
        f"<ol>{''.join(items)}</ol></section>"
        for year, items in groups.items()
    )
    return f'<div class="pw-results pw-decisions"><p class="pw-count">{total}</p>{years}</div>'
