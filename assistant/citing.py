"""Citing: numbered citations that point to document, page and the quoted passage.

Each chosen sentence gets the number of its passage ([1], [2] …, in order of first use); a passage's citation
quotes every sentence taken from it, joined by " … ". Passages that were read but not quoted follow as related
material, cut to a snippet.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote as percent_encode
from urllib.parse import urlencode

from planwijzer.assistant import answer_weights
from planwijzer.assistant.candidates import Candidate
from planwijzer.assistant.lexicon import is_cut_off
from planwijzer.assistant.retrieval import Hit, Index
from planwijzer.ingest.sentences import shorten

FRAGMENT_WORDS = 6
"""A text fragment names the quote by its first and last this many words (the whole quote when it is short)."""
QUOTE_CHARS = 320
"""A passage quoted whole is cut at a word after this many characters."""


@dataclass
class Citation:
    """A numbered source: which document, where, and the exact quoted passage."""

    n: int
    doc_id: str
    title: str
    url: str | None
    page: int | None
    date: str | None
    quote: str
    chunk_id: str = ""
    heading: str | None = None
    prefix: str | None = None
    """Words just before the quote in its document, set when the quote's start occurs more than once there
    (:func:`disambiguate`), so a text fragment finds this occurrence."""

    @property
    def link(self) -> str | None:
        """A link that opens the source at the quoted passage (:func:`cited_link`)."""
        return cited_link(self.doc_id, self.chunk_id, self.url, self.page, self.quote, self.prefix)

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "page": self.page,
            "date": self.date,
            "quote": self.quote,
            "link": self.link,
        }


def citation(n: int, hit: Hit, quote: str) -> Citation:
    """Citation number ``n`` of ``hit``, quoting ``quote``."""
    meta = hit.meta
    page = meta.get("page")
    return Citation(
        n=n,
        doc_id=str(meta.get("doc_id", "")),
        title=str(meta.get("title") or meta.get("doc_id") or ""),
        url=meta.get("url") or None,
        page=int(page) if page is not None else None,
        date=str(meta["date"]) if meta.get("date") else None,
        quote=quote,
        chunk_id=hit.chunk_id,
        heading=meta.get("heading"),
    )


def _fragment_term(text: str) -> str:
    """One term of a text directive, percent-encoded; ``-``, ``,`` and ``&`` too, which the directive syntax uses."""
    return percent_encode(text, safe="").replace("-", "%2D")


def _fragment_words(quote: str) -> list[str]:
    """The words a text fragment matches: the quote's first sentence, without the "…" of a passage cut short."""
    return quote.split(" … ")[0].removesuffix("…").split()


def text_fragment(quote: str, prefix: str | None = None) -> str | None:
    """The ``:~:text=`` directive (URL Fragment Text Directives) that finds ``quote`` on its page: ``textStart`` and
    ``textEnd`` (its first and last :data:`FRAGMENT_WORDS` words) for a long quote, the whole quote for a short one,
    after ``prefix-,`` when given (words just before it, for a start that occurs more than once). The first sentence
    of a quote that joins several with " … " is used, without the "…" of a passage cut short
    (:func:`passage_quote`), which the page does not have. None for a quote without words."""
    words = _fragment_words(quote)
    if not words:
        return None
    before = f"{_fragment_term(prefix)}-," if prefix else ""
    if len(words) <= 2 * FRAGMENT_WORDS:
        return f"text={before}" + _fragment_term(" ".join(words))
    start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
    return f"text={before}{_fragment_term(start)},{_fragment_term(end)}"


def passage_link(url: str | None, page: int | None, quote: str, prefix: str | None = None) -> str | None:
    """A link that opens the source at the passage: a PDF at its page (``#page=N``), a web page with a text fragment
    (``#:~:text=…``, with ``prefix`` when given; browsers scroll to and highlight the quote, and open the page as
    usual when it does not match). ``url`` itself when it already has a fragment or is not http(s); None without a
    url."""
    if not url:
        return None
    if not url.startswith(("http://", "https://")) or "#" in url:
        return url
    if page is not None:
        return f"{url}#page={page}"
    directive = text_fragment(quote, prefix)
    return f"{url}#:~:{directive}" if directive else url


SOURCE_PATH = "/source/"
"""The in-app source view of a local file (``ui/source_view.py``): ``/source/<doc_id>?chunk=<id>&q=<quote>``."""


def source_link(doc_id: str, chunk_id: str, quote: str) -> str:
    """The root-relative link to the in-app source view of ``doc_id`` at passage ``chunk_id``, highlighting ``quote``
    (a document without a url: a local PDF, DOCX, HTML, Markdown or text file)."""
    query = urlencode({k: v for k, v in (("chunk", chunk_id), ("q", quote)) if v})
    return f"{SOURCE_PATH}{percent_encode(doc_id, safe='/')}" + (f"?{query}" if query else "")


def cited_link(
    doc_id: str, chunk_id: str, url: str | None, page: int | None, quote: str, prefix: str | None = None
) -> str | None:
    """A link that opens a cited passage: :func:`passage_link` for a document with a url, the in-app source view
    (:func:`source_link`) for a local file; None without either a url or a ``doc_id``."""
    if not url:
        return source_link(doc_id, chunk_id, quote) if doc_id else None
    return passage_link(url, page, quote, prefix)


def absolute(link: str | None, base: str | None) -> str | None:
    """``link`` with ``base`` (e.g. ``https://planwijzer.example.nl``) in front when it is root-relative (the source
    view), for clients that are not on this server's pages; unchanged otherwise or without a base."""
    if link and base and link.startswith("/"):
        return base.rstrip("/") + link
    return link


PREFIX_WORDS = 3
"""Words before a quote that make a text fragment's start unique (more when three are not enough, up to six)."""


def _collapsed(text: str) -> str:
    return " ".join(text.split()).casefold()


def _document_text(index: Index, doc_id: str, position: int) -> tuple[str, int] | None:
    """The text of document ``doc_id`` rebuilt from its chunks (placed at their character offsets, so overlaps are
    not doubled), and the offset of the chunk at ``position``; None when the chunks carry no offsets."""
    lex, rows = index.lexical, index.doc_rows(doc_id)
    if position >= len(rows) or any(lex.metas[row].get("char_start") is None for row in rows):
        return None
    parts = [(int(lex.metas[row]["char_start"]), lex.texts[row]) for row in rows]
    place = parts[position][0]
    text = ""
    for start, chunk in sorted(parts):
        text = text[:start].ljust(start) + chunk
    return text, place


def fragment_prefix(index: Index, doc_id: str, position: int, chunk_text: str, quote: str) -> str | None:
    """The words just before ``quote`` in its document when the text fragment's start occurs more than once there
    (matched as browsers do: case-insensitively, whitespace collapsed), else None."""
    words = _fragment_words(quote)
    if not words:
        return None
    start = _collapsed(" ".join(words[:FRAGMENT_WORDS] if len(words) > 2 * FRAGMENT_WORDS else words))
    found = _document_text(index, doc_id, position)
    if found is None:
        return None
    document, offset = found
    whole = _collapsed(document)
    if whole.count(start) < 2:
        return None
    at = chunk_text.find(" ".join(words[:2]))
    if at < 0:
        return None
    before = document[: offset + at].split()
    for n in range(PREFIX_WORDS, 7):
        prefix = " ".join(before[-n:])
        if not prefix or whole.count(f"{_collapsed(prefix)} {start}") <= 1:
            return prefix or None
    return " ".join(before[-6:]) or None


def disambiguate(citations: list[Citation], index: Index) -> None:
    """Give each web citation whose text fragment start is not unique in its document the words before it
    (:attr:`Citation.prefix`), so its link lands on the quoted occurrence."""
    for c in citations:
        if not c.url or c.page is not None or not c.chunk_id:
            continue
        row = index.row_of(c.chunk_id)
        if row is None:
            continue
        meta, text = index.lexical.metas[row], index.lexical.texts[row]
        c.prefix = fragment_prefix(index, c.doc_id, int(meta.get("position", 0)), text, c.quote)


def passage_quote(text: str) -> str:
    """A passage quoted whole (a related passage, a generated answer's source): ``text``, cut at a word after
    :data:`QUOTE_CHARS` characters."""
    return shorten(text, QUOTE_CHARS)


def cite(chosen: list[Candidate]) -> tuple[str, list[Citation]]:
    """The answer text with a [n] marker after each sentence, and the numbered citations it points to. A sentence its
    passage cut at a line break ("…, ICT & Onderwijs, de Leiden" then "Teachers' Academy en …") goes on in the next
    text of the same passage without a marker between (``MERGE_CUT_OFF``)."""
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}
    parts: list[tuple[str, int]] = []  # each answer sentence and the number of its source
    previous: Candidate | None = None
    for cand in chosen:
        cid = cand.hit.chunk_id
        n = numbers.setdefault(cid, len(numbers) + 1)
        goes_on = previous is not None and previous.hit.chunk_id == cid and is_cut_off(previous.text)
        if answer_weights.MERGE_CUT_OFF and goes_on:
            parts[-1] = (f"{parts[-1][0]} {cand.text}", n)
            quotes[cid][-1] += f" {cand.text}"
        else:
            quotes.setdefault(cid, []).append(cand.text)
            parts.append((cand.text, n))
        previous = cand
    by_id = {c.hit.chunk_id: c.hit for c in chosen}
    citations = [citation(n, by_id[cid], " … ".join(quotes[cid])) for cid, n in numbers.items()]
    return " ".join(f"{text} [{n}]" for text, n in parts), citations


def related(hits: list[Hit], exclude: set[str] = frozenset(), first: int = 1, limit: int = 3) -> list[Citation]:
    """Up to ``limit`` of ``hits`` not in ``exclude`` (chunk ids) as related passages, numbered from ``first``."""
    kept = [h for h in hits if h.chunk_id not in exclude][:limit]
    return [citation(first + i, h, passage_quote(h.text)) for i, h in enumerate(kept)]
