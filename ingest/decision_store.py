"""Decision records on disk: ``decisions.sqlite3`` in the index directory, kept in step by the ingest.

A document's records are replaced in one transaction whenever it is (re)indexed, deleted when it
leaves the index, and all of them are dropped by ``ingest --rebuild``. The table is stamped with the
index generation it matches; with a Chroma server the file is a local cache that :func:`sync_decisions`
rebuilds from the chunks whenever the server's generation has moved past the stamp.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from planwijzer.ingest.decisions import Decision, canonical_body, extract_decisions

DB_NAME = "decisions.sqlite3"
_COLUMNS = ("date", "date_text", "body", "act", "subject", "negated", "doc_id", "chunk_id", "page", "sentence")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    {", ".join(f"{c} {'INTEGER' if c in ('negated', 'page') else 'TEXT'}" for c in _COLUMNS)}
);
CREATE INDEX IF NOT EXISTS decisions_doc ON decisions(doc_id);
CREATE INDEX IF NOT EXISTS decisions_date ON decisions(date);
CREATE TABLE IF NOT EXISTS stamp (generation INTEGER);
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


def _records_by_doc(lex) -> dict[str, list[Decision]]:
    by_doc: dict[str, list[Decision]] = {}
    for chunk_id, text, meta in zip(lex.ids, lex.texts, lex.metas, strict=True):
        doc_id = str(meta.get("doc_id"))
        by_doc.setdefault(doc_id, []).extend(
            extract_decisions(text, doc_id, chunk_id, meta.get("page"), meta.get("date"))
        )
    return by_doc


def ensure_decisions(index_dir: Path) -> None:
    """Fill ``decisions.sqlite3`` from the chunks already indexed when it does not exist yet (an index built
    before decision records existed), so unchanged documents get their records without re-embedding."""
    from planwijzer.ingest.store import load_lexical

    if (Path(index_dir) / DB_NAME).exists() or not (Path(index_dir) / "bm25").exists():
        return
    lex = load_lexical(Path(index_dir), any_version=True)  # only its chunks are read
    if lex is None:
        return
    rebuild_decisions(index_dir, lex)


def rebuild_decisions(index_dir: Path, lex) -> None:
    """Replace every record with those extracted from the chunks of ``lex`` and stamp its generation (one
    transaction: readers see the old records or the new ones)."""
    rows = [
        tuple(int(v) if k == "negated" else v for k, v in r.to_json().items())
        for records in _records_by_doc(lex).values()
        for r in records
    ]
    with _connect(index_dir) as conn:
        conn.execute("DELETE FROM decisions")
        conn.executemany(
            f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})", rows
        )
        conn.execute("DELETE FROM stamp")
        conn.execute("INSERT INTO stamp VALUES (?)", (lex.generation,))
    conn.close()


def decisions_generation(index_dir: Path) -> int | None:
    """The index generation the records were last stamped with (None: never stamped)."""
    if not (Path(index_dir) / DB_NAME).exists():
        return None
    with _connect(index_dir) as conn:
        row = conn.execute("SELECT generation FROM stamp").fetchone()
    conn.close()
    return None if row is None else int(row[0])


def stamp_decisions(index_dir: Path, generation: int) -> None:
    """Record that the records match index ``generation`` (the ingest kept them in step)."""
    with _connect(index_dir) as conn:
        conn.execute("DELETE FROM stamp")
        conn.execute("INSERT INTO stamp VALUES (?)", (generation,))
    conn.close()


def sync_decisions(index_dir: Path, lex) -> None:
    """Rebuild the records from ``lex`` unless they are already stamped with its generation."""
    if decisions_generation(index_dir) != lex.generation:
        rebuild_decisions(index_dir, lex)


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
