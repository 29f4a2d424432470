"""Decision records on disk: ``decisions.sqlite3`` in the index directory, kept in step by the ingest.

A document's records are replaced in one transaction whenever it is (re)indexed, deleted when it
leaves the index, and all of them are dropped by ``ingest --rebuild``. The table is stamped with the
index generation it matches; with a Chroma server the file is a local cache that :meth:`DecisionRecords.sync`
rebuilds from the chunks whenever the server's generation has moved past the stamp.
:class:`~ingest.store.IndexStore` owns one (``store.decision_db``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from planwijzer.ingest.decisions import Decision, canonical_body, document_decisions
from planwijzer.ingest.lexical import BM25_DIR, LexicalIndex, load_lexical

DB_NAME = "decisions.sqlite3"
_COLUMNS = (
    "date", "date_text", "body", "act", "subject", "negated", "doc_id", "chunk_id", "page", "sentence", "access",
    "date_basis", "institution", "doc_date", "parties",
)  # fmt: skip
EXTRACTOR_VERSION = 99
"""Bumped whenever extraction changes what records say: records stamped with another version are extracted again
from the chunks (no re-embedding)."""
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    {", ".join(f"{c} {'INTEGER' if c in ('negated', 'page') else 'TEXT'}" for c in _COLUMNS)}
);
CREATE INDEX IF NOT EXISTS decisions_doc ON decisions(doc_id);
CREATE INDEX IF NOT EXISTS decisions_date ON decisions(date);
CREATE TABLE IF NOT EXISTS stamp (generation INTEGER, version INTEGER);
"""
_INSERT = f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"


_ADDED_COLUMNS = {
    "access": "TEXT NOT NULL DEFAULT 'public'",  # records from before access labels: their documents were public
    "date_basis": "TEXT NOT NULL DEFAULT 'sentence'",
    "institution": "TEXT",
    "doc_date": "TEXT",
    "parties": "TEXT NOT NULL DEFAULT ''",
}


def _row(record: Decision) -> tuple:
    return tuple(int(v) if k == "negated" else v for k, v in record.to_json().items())


def _stamp(conn: sqlite3.Connection, generation: int) -> None:
    conn.execute("DELETE FROM stamp")
    conn.execute("INSERT INTO stamp (generation, version) VALUES (?, ?)", (generation, EXTRACTOR_VERSION))


def _records_by_doc(lex: LexicalIndex) -> dict[str, list[Decision]]:
    chunks: dict[str, list[tuple[str, str, dict]]] = {}
    for chunk_id, text, meta in zip(lex.ids, lex.texts, lex.metas, strict=True):
        chunks.setdefault(str(meta.get("doc_id")), []).append((chunk_id, text, meta))
    return {
        doc_id: document_decisions(sorted(parts, key=lambda c: int(c[2].get("position", 0))))
        for doc_id, parts in chunks.items()
    }


class DecisionRecords:
    """The decision records of the index whose local folder is ``folder`` (``folder/decisions.sqlite3``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME

    def _connect(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path)
        conn.executescript(_SCHEMA)
        known = {row[1] for row in conn.execute("PRAGMA table_info(decisions)")}
        for column, sql in _ADDED_COLUMNS.items():  # records of an older version: read, then extracted again
            if column not in known:
                conn.execute(f"ALTER TABLE decisions ADD COLUMN {column} {sql}")
        if "version" not in {row[1] for row in conn.execute("PRAGMA table_info(stamp)")}:
            conn.execute("ALTER TABLE stamp ADD COLUMN version INTEGER")
        conn.commit()
        return conn

    def _put(self, rows: list[tuple], doc_id: str | None, generation: int | None = None) -> None:
        """In one transaction: delete the records of ``doc_id`` (None: every record), insert ``rows``, and stamp
        ``generation`` when given."""
        with self._connect() as conn:
            if doc_id is None:
                conn.execute("DELETE FROM decisions")
            else:
                conn.execute("DELETE FROM decisions WHERE doc_id = ?", (doc_id,))
            conn.executemany(_INSERT, rows)
            if generation is not None:
                _stamp(conn, generation)
        conn.close()

    def replace(self, doc_id: str, records: Iterable[Decision]) -> int:
        """Replace every record of ``doc_id`` with ``records`` (one transaction); returns how many were written."""
        rows = [_row(r) for r in records]
        self._put(rows, doc_id)
        return len(rows)

    def relabel(self, doc_id: str, access: str) -> None:
        """Give every record of ``doc_id`` the access label ``access``."""
        with self._connect() as conn:
            conn.execute("UPDATE decisions SET access = ? WHERE doc_id = ?", (access, doc_id))
        conn.close()

    def delete(self, doc_id: str) -> None:
        """Remove every record of ``doc_id``."""
        self._put([], doc_id)

    def clear(self) -> None:
        """Remove every record (``ingest --rebuild``)."""
        if self.path.exists():
            self._put([], None)

    def fill_if_missing(self) -> None:
        """Fill the records from the chunks already indexed when the file does not exist yet (an index built
        before decision records existed) or holds records of another extractor version, so unchanged documents get
        their records without re-embedding."""
        if (self.path.exists() and self.version() == EXTRACTOR_VERSION) or not (self.folder / BM25_DIR).exists():
            return
        lex = load_lexical(self.folder, any_version=True)  # only its chunks are read
        if lex is None:
            return
        self.rebuild(lex)

    def rebuild(self, lex: LexicalIndex) -> None:
        """Replace every record with those extracted from the chunks of ``lex`` and stamp its generation (one
        transaction: readers see the old records or the new ones)."""
        rows = [_row(r) for records in _records_by_doc(lex).values() for r in records]
        self._put(rows, None, lex.generation)

    def _stamped(self) -> tuple[int | None, int | None]:
        """The stamp's index generation and extractor version in one read (None where never recorded)."""
        if not self.path.exists():
            return None, None
        with self._connect() as conn:
            row = conn.execute("SELECT generation, version FROM stamp").fetchone()
        conn.close()
        if row is None:
            return None, None
        return (None if row[0] is None else int(row[0])), (None if row[1] is None else int(row[1]))

    def version(self) -> int | None:
        """The extractor version the records were made with (None: before versions were recorded)."""
        return self._stamped()[1]

    def current(self, generation: int) -> bool:
        """True when the records match index ``generation`` and were made by this extractor version."""
        return self._stamped() == (generation, EXTRACTOR_VERSION)

    def stamp(self, generation: int) -> None:
        """Record that the records match index ``generation`` (the ingest kept them in step)."""
        with self._connect() as conn:
            _stamp(conn, generation)
        conn.close()

    def sync(self, lex: LexicalIndex) -> None:
        """Rebuild the records from ``lex`` unless they are already stamped with its generation."""
        if not self.current(lex.generation):
            self.rebuild(lex)

    def query(
        self,
        body: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        text: str | None = None,
        dedupe: bool = True,
        institution: str | None = None,
    ) -> list[Decision]:
        """Records in chronological order (undated ones at their document's date), filtered by body (any Dutch or
        English name), years, words and institution.

        ``text`` must occur (case-insensitively, every word) in the subject, the sentence or the body.
        With ``dedupe`` one record per (document, date, body, act, negation) is kept — the overlap
        between chunks states the same sentence twice.
        """
        self.fill_if_missing()
        if not self.path.exists():
            return []
        where, params = [], []
        if body:
            where.append("body = ?")
            params.append(canonical_body(body) or body)
        if institution:
            where.append("lower(institution) = ?")
            params.append(institution.strip().lower())
        if year_from is not None:
            where.append("CAST(substr(COALESCE(date, doc_date), 1, 4) AS INTEGER) >= ?")
            params.append(year_from)
        if year_to is not None:
            where.append("CAST(substr(COALESCE(date, doc_date), 1, 4) AS INTEGER) <= ?")
            params.append(year_to)
        for word in (text or "").split():
            where.append("(lower(subject) LIKE ? OR lower(sentence) LIKE ? OR lower(body) LIKE ?)")
            params += [f"%{word.lower()}%"] * 3
        sql = f"SELECT {', '.join(_COLUMNS)} FROM decisions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY COALESCE(date, doc_date), doc_id, id"
        with self._connect() as conn:
            rows = conn.execute(sql, params).fetchall()
        conn.close()
        out: list[Decision] = []
        seen: set[tuple] = set()
        for row in rows:
            rec = dict(zip(_COLUMNS, row, strict=True))
            rec["negated"] = bool(rec["negated"])
            undated_subject = rec["subject"] if rec["date"] is None else ""  # undated decisions differ by subject
            key = (rec["doc_id"], rec["date"], rec["body"], rec["act"], rec["negated"], undated_subject)
            if dedupe and key in seen:
                continue
            seen.add(key)
            out.append(Decision(**rec))
        return out
