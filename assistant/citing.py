"""Citing: numbered citations that point to document, page and the quoted passage.

Each chosen sentence gets the number of its passage ([1], [2] …, in order of first use); a passage's citation
quotes every sentence taken from it, joined by " … ". Passages that were read but not quoted follow as related
material, cut to a snippet.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote as percent_encode

from planwijzer.assistant.candidates import Candidate
from planwijzer.assistant.retrieval import Hit
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

    @property
    def link(self) -> str | None:
        """A link that opens the source at the quoted passage (:func:`passage_link`)."""
        return passage_link(self.url, self.page, self.quote)

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


def text_fragment(quote: str) -> str | None:
    """The ``:~:text=`` directive (URL Fragment Text Directives) that finds ``quote`` on its page: ``textStart`` and
    ``textEnd`` (its first and last :data:`FRAGMENT_WORDS` words) for a long quote, the whole quote for a short one.
    The first sentence of a quote that joins several with " … " is used, without the "…" of a passage cut short
    (:func:`passage_quote`), which the page does not have. None for a quote without words."""
    words = quote.split(" … ")[0].removesuffix("…").split()
    if not words:
        return None
    if len(words) <= 2 * FRAGMENT_WORDS:
        return "text=" + _fragment_term(" ".join(words))
    start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
    return f"text={_fragment_term(start)},{_fragment_term(end)}"


def passage_link(url: str | None, page: int | None, quote: str) -> str | None:
    """A link that opens the source at the passage: a PDF at its page (``#page=N``), a web page with a text fragment
    (``#:~:text=…``; browsers scroll to and highlight the quote, and open the page as usual when it does not match).
    ``url`` itself when it already has a fragment or is not http(s); None without a url."""
    if not url:
        return None
    if not url.startswith(("http://", "https://")) or "#" in url:
        return url
    if page is not None:
        return f"{url}#page={page}"
    directive = text_fragment(quote)
    return f"{url}#:~:{directive}" if directive else url


def passage_quote(text: str) -> str:
    """A passage quoted whole (a related passage, a generated answer's source): ``text``, cut at a word after
    :data:`QUOTE_CHARS` characters."""
    return shorten(text, QUOTE_CHARS)


def cite(chosen: list[Candidate]) -> tuple[str, list[Citation]]:
    """The answer text with a [n] marker after each sentence, and the numbered citations it points to."""
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}
    parts = []
    for cand in chosen:
        n = numbers.setdefault(cand.hit.chunk_id, len(numbers) + 1)
        quotes.setdefault(cand.hit.chunk_id, []).append(cand.text)
        parts.append(f"{cand.text} [{n}]")
    by_id = {c.hit.chunk_id: c.hit for c in chosen}
    citations = [citation(n, by_id[cid], " … ".join(quotes[cid])) for cid, n in numbers.items()]
    return " ".join(parts), citations


def related(hits: list[Hit], exclude: set[str] = frozenset(), first: int = 1, limit: int = 3) -> list[Citation]:
    """Up to ``limit`` of ``hits`` not in ``exclude`` (chunk ids) as related passages, numbered from ``first``."""
    kept = [h for h in hits if h.chunk_id not in exclude][:limit]
    return [citation(first + i, h, passage_quote(h.text)) for i, h in enumerate(kept)]
