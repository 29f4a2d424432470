"""Citing: numbered citations that point to document, page and the quoted passage.

Each chosen sentence gets the number of its passage ([1], [2] …, in order of first use); a passage's citation
quotes every sentence taken from it, joined by " … ". Passages that were read but not quoted follow as related
material, cut to a snippet.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwijzer.assistant.candidates import Candidate
from planwijzer.assistant.retrieval import Hit
from planwijzer.ingest.sentences import shorten

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

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "page": self.page,
            "date": self.date,
            "quote": self.quote,
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
