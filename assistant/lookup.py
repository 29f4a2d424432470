"""Looking passages and documents up by id, and passages as citation objects (the ``ask --json`` fields).

Used by the MCP server's ``search``, ``get_passage`` and ``get_document`` tools: every passage they return carries
the fields of an ``ask --json`` citation (``n``, ``doc_id``, ``title``, ``url``, ``page``, ``date``, ``quote``)
plus its ``chunk_id``, so a client can cite it exactly as it cites an answer.
"""

from __future__ import annotations

from planwijzer.assistant.citing import absolute, citation
from planwijzer.assistant.retrieval import Hit, Index


def passage_json(n: int, hit: Hit, quote: str | None = None, base: str | None = None) -> dict:
    """``hit`` as a citation object numbered ``n`` (``quote``: the passage text unless given), with its chunk_id,
    section heading, document type, language and institution; a source-view link gets ``base`` in front."""
    meta = hit.meta
    cited = citation(n, hit, hit.text if quote is None else quote)
    return {
        **cited.to_json(),
        "link": absolute(cited.link, base),
        "chunk_id": hit.chunk_id,
        "heading": meta.get("heading") or None,
        "doc_type": meta.get("doc_type") or None,
        "language": meta.get("language") or None,
        "institution": meta.get("institution") or None,
    }


def _hit(index: Index, pos: int) -> Hit:
    lex = index.lexical
    return Hit(lex.ids[pos], lex.texts[pos], lex.metas[pos], 0.0)


def passage(index: Index, chunk_id: str) -> tuple[Hit, str | None, str | None] | None:
    """The passage ``chunk_id`` with the chunk ids before and after it in its document, or None when unknown."""
    pos = index.row_of(chunk_id)
    if pos is None:
        return None
    hit = _hit(index, pos)
    doc, position = hit.meta.get("doc_id"), int(hit.meta.get("position", 0))
    before, after = index.row_at(doc, position - 1), index.row_at(doc, position + 1)
    ids = index.lexical.ids
    return hit, ids[before] if before is not None else None, ids[after] if after is not None else None


def document(index: Index, doc_id: str) -> list[Hit]:
    """Every passage of the document ``doc_id`` in reading order (empty when the document is not indexed)."""
    return [_hit(index, row) for row in index.doc_rows(doc_id)]


def similar_doc_ids(index: Index, doc_id: str, limit: int = 5) -> list[str]:
    """Indexed document ids that contain ``doc_id``'s file name without its extension (a "did you mean")."""
    wanted = doc_id.lower().rsplit("/", 1)[-1].rsplit(".", 1)[0].strip()
    ids = sorted({str(m.get("doc_id", "")) for m in index.lexical.metas})
    return [d for d in ids if wanted and wanted in d.lower()][:limit]
