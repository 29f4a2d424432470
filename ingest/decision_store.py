"""Decision records on disk: ``decisions.sqlite3`` in the index directory, kept in step by the ingest.

A document's records are replaced in one transaction whenever it is (re)indexed, deleted when it
leaves the index, and all of them are dropped by ``ingest --rebuild``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ingest.decisions import Decision, canonical_body, extract_decisions

DB_NAME = "decisions.sqlite3"
_COLUMNS = ("date", "date_text", "body", "act", "subject", "negated", "doc_id", "chunk_id", "page", "sentence")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    {", ".join(f"{c} {'INTEGER' if c in ('negated', 'page') else 'TEXT'}" for c in _COLUMNS)}
);
CREATE INDEX IF NOT EXISTS decisions_doc ON decisions(doc_id);
CREATE INDEX IF NOT EXISTS decisions_date ON decisions(date);
"""


def _connect(index_dir: Path) -> sqlite3.Connection:
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(Path(index_dir) / DB_NAME)
    conn.executescript(_SCHEMA)
    return conn


def replace_doc_decisions(index_dir: Path, doc_id: str, records: Iterable[Decision]) -> int:
    """Replace every record of ``doc_id`` with ``records`` (one transaction); returns how many were written."""
    rows = [tuple(int(v) if k == "negated" else v for k, v in r.to_json().items()) for r in records]
    with _connect(index_dir) as conn:
        conn.execute("DELETE FROM decisions WHERE doc_id = ?", (doc_id,))
        conn.executemany(
            f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})", rows
        )
    conn.close()
    return len(rows)


def delete_doc_decisions(index_dir: Path, doc_id: str) -> None:
    """Remove every record of ``doc_id``."""
    replace_doc_decisions(index_dir, doc_id, [])


def clear_decisions(index_dir: Path) -> None:
    """Remove every record (``ingest --rebuild``)."""
    path = Path(index_dir) / DB_NAME
    if path.exists():
        with _connect(index_dir) as conn:
            conn.execute("DELETE FROM decisions")
        conn.close()


def ensure_decisions(index_dir: Path) -> None:
    """Fill ``decisions.sqlite3`` from the chunks already indexed when it does not exist yet (an index built
    before decision records existed), so unchanged documents get their records without re-embedding."""
    from ingest.store import load_lexical

    if (Path(index_dir) / DB_NAME).exists() or not (Path(index_dir) / "bm25").exists():
        return
    lex = load_lexical(Path(index_dir))
    by_doc: dict[str, list[Decision]] = {}
    for chunk_id, text, meta in zip(lex.ids, lex.texts, lex.metas, strict=True) if lex else []:
        doc_id = str(meta.get("doc_id"))
        by_doc.setdefault(doc_id, []).extend(
            extract_decisions(text, doc_id, chunk_id, meta.get("page"), meta.get("date"))
        )
    _connect(index_dir).close()
    for doc_id, records in by_doc.items():
        replace_doc_decisions(index_dir, doc_id, records)


def query_decisions(
    index_dir: Path,
    body: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    text: str | None = None,
    dedupe: bool = True,
) -> list[Decision]:
    """Records in chronological order, filtered by body (any Dutch or English name), years and words.

    ``text`` must occur (case-insensitively, every word) in the subject, the sentence or the body.
    With ``dedupe`` one record per (document, date, body, act, negation) is kept — the overlap
    between chunks states the same sentence twice.
    """
    ensure_decisions(index_dir)
    if not (Path(index_dir) / DB_NAME).exists():
        return []
    where, params = [], []
    if body:
        where.append("body = ?")
        params.append(canonical_body(body) or body)
    if year_from is not None:
        where.append("CAST(substr(date, 1, 4) AS INTEGER) >= ?")
        params.append(year_from)
    if year_to is not None:
        where.append("CAST(substr(date, 1, 4) AS INTEGER) <= ?")
        params.append(year_to)
    for word in (text or "").split():
        where.append("(lower(subject) LIKE ? OR lower(sentence) LIKE ? OR lower(body) LIKE ?)")
        params += [f"%{word.lower()}%"] * 3
    sql = f"SELECT {', '.join(_COLUMNS)} FROM decisions"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date, doc_id, id"
    with _connect(index_dir) as conn:
        rows = conn.execute(sql, params).fetchall()
    conn.close()
    out: list[Decision] = []
    seen: set[tuple] = set()
    for row in rows:
        rec = dict(zip(_COLUMNS, row, strict=True))
        rec["negated"] = bool(rec["negated"])
        key = (rec["doc_id"], rec["date"], rec["body"], rec["act"], rec["negated"])
        if dedupe and key in seen:
            continue
        seen.add(key)
        out.append(Decision(**rec))
    return out
