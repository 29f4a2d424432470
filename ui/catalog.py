"""What the web app lists: the indexed documents (for browse mode and the documents table) and search passages."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwijzer.assistant import answer_weights
from planwijzer.assistant.retrieval import Filters, Index, SearchResult
from planwijzer.assistant.translation import words_of
from planwijzer.ingest.sentences import shorten

from planwijzer.access import PUBLIC

SNIPPET_CHARS = 280


@dataclass
class DocInfo:
    """One indexed document, with the metadata of its chunks and its manifest entry."""

    doc_id: str
    title: str
    date: str | None
    year: int | None
    doc_type: str | None
    institution: str | None
    language: str | None
    url: str | None
    chunks: int
    indexed_at: str | None
    snippet: str
    access: str = "public"
    """Who may read it: ``public`` or the groups (see :mod:`planwijzer.access`)."""

    def meta(self) -> dict:
        """The fields :meth:`Filters.matches` looks at."""
        return {
            "year": self.year,
            "doc_type": self.doc_type,
            "institution": self.institution,
            "language": self.language,
        }


@dataclass
class Passage:
    """A search result: one chunk with the metadata the result card shows."""

    chunk_id: str
    text: str
    title: str
    doc_id: str
    url: str | None
    date: str | None
    year: int | None
    doc_type: str | None
    institution: str | None
    language: str | None
    page: int | None
    heading: str | None
    score: float
    also: list[str] = field(default_factory=list)
    """The query's words in this passage's language when it is not the query's (its translations that stand out from
    their near neighbours, highlighted too)."""

    def to_json(self) -> dict:
        return dict(self.__dict__)


def documents(index: Index) -> list[DocInfo]:
    """Every indexed document, newest first (undated last), from the chunk metadata and the manifest, as of the
    index's last refresh."""
    lex = index.lexical
    manifest = index.store.manifest().docs
    first: dict[str, tuple[int, dict, str]] = {}
    counts: dict[str, int] = {}
    for text, meta in zip(lex.texts, lex.metas, strict=True):
        doc_id = str(meta.get("doc_id", ""))
        counts[doc_id] = counts.get(doc_id, 0) + 1
        position = int(meta.get("position", 0))
        if doc_id not in first or position < first[doc_id][0]:
            first[doc_id] = (position, meta, text)
    out = []
    for doc_id, (_, meta, text) in first.items():
        entry = manifest.get(doc_id, {})
        out.append(
            DocInfo(
                doc_id=doc_id,
                title=str(meta.get("title") or entry.get("title") or doc_id),
                date=str(meta["date"]) if meta.get("date") else None,
                year=int(meta["year"]) if meta.get("year") is not None else None,
                doc_type=meta.get("doc_type"),
                institution=meta.get("institution"),
                language=meta.get("language"),
                url=meta.get("url"),
                chunks=int(entry.get("chunks") or counts[doc_id]),
                indexed_at=entry.get("indexed_at"),
                snippet=shorten(" ".join(text.split()), SNIPPET_CHARS, " …"),
                access=str(meta.get("access") or PUBLIC),
            )
        )
    return sort_by_date(out)


def sort_by_date(items: list, newest_first: bool = True) -> list:
    """``items`` (anything with ``.date``) by ISO date, newest first; undated items last, order otherwise kept."""
    dated = sorted((x for x in items if x.date), key=lambda x: x.date, reverse=newest_first)
    return dated + [x for x in items if not x.date]


def browse(index: Index, filters: Filters) -> list[DocInfo]:
    """The documents that pass ``filters``, newest first (search with an empty query)."""
    return [d for d in documents(index) if filters.matches(d.meta())]


def search(index: Index, query: str, filters: Filters, limit: int, sort: str = "relevance") -> list[Passage]:
    """Up to ``limit`` ranked passages for ``query``; ``sort="date"`` orders that same set newest first."""
    return searched(index, query, filters, limit, sort)[0]


def searched(
    index: Index, query: str, filters: Filters, limit: int, sort: str = "relevance"
) -> tuple[list[Passage], SearchResult]:
    """:func:`search`'s passages with the search result they came from (the query as searched, corrected words)."""
    result = index.search(query, filters, k=limit)
    hits = result.hits
    confident = words_of(result.translations, answer_weights.TRANSLATION_MARGIN)  # the ones an answer counts, too
    translated = [w for found in confident.values() for w in found]
    asked_in = result.language
    passages = [
        Passage(
            chunk_id=h.chunk_id,
            text=h.text,
            title=str(h.meta.get("title") or h.meta.get("doc_id") or ""),
            doc_id=str(h.meta.get("doc_id") or ""),
            url=h.meta.get("url"),
            date=str(h.meta["date"]) if h.meta.get("date") else None,
            year=int(h.meta["year"]) if h.meta.get("year") is not None else None,
            doc_type=h.meta.get("doc_type"),
            institution=h.meta.get("institution"),
            language=h.meta.get("language"),
            page=int(h.meta["page"]) if h.meta.get("page") is not None else None,
            heading=h.meta.get("heading"),
            score=round(float(h.score), 6),
            also=translated if h.meta.get("language") not in (None, asked_in) else [],
        )
        for h in hits
    ]
    return (sort_by_date(passages) if sort == "date" else passages), result


def facets(docs: list[DocInfo]) -> dict[str, list]:
    """The values the search filters offer: years, document types, institutions, languages."""
    return {
        "years": sorted({d.year for d in docs if d.year is not None}),
        "doc_types": sorted({d.doc_type for d in docs if d.doc_type}),
        "institutions": sorted({d.institution for d in docs if d.institution}),
        "languages": sorted({d.language for d in docs if d.language}),
    }
