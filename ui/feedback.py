"""Answer feedback (like/dislike plus an optional comment) in a small SQLite database.

Only what is needed to judge an answer is stored: the question, the answer text, its citations
(JSON), the vote, the comment and the time, plus the access labels of the cited documents (so an export
shows a row only to whoever may read all of them). No IP address, user agent, session id, user name or
other personal data is recorded.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from planwijzer.access import EVERYTHING, PUBLIC, Reader

VOTES = ("like", "dislike")
COLUMNS = ("id", "created_at", "question", "answer", "citations", "vote", "comment", "access")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    vote TEXT NOT NULL CHECK (vote IN ('like', 'dislike')),
    comment TEXT,
    access TEXT NOT NULL DEFAULT 'public'
)
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """The feedback table in ``path`` (created on first use, WAL journal, safe across threads)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            known = {row[1] for row in db.execute("PRAGMA table_info(feedback)")}
            if "access" not in known:  # a table from before access labels: its rows cite public documents
                db.execute("ALTER TABLE feedback ADD COLUMN access TEXT NOT NULL DEFAULT 'public'")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    def record(
        self,
        question: str,
        answer: str,
        citations: list[dict],
        vote: str,
        comment: str | None = None,
        labels: list[str] | tuple[str, ...] = (),
    ) -> int:
        """Store a vote on an answer; returns the row id (used to change the vote or add a comment). ``labels``: the
        access labels of the documents the answer cites (none: public)."""
        if vote not in VOTES:
            raise ValueError(f"vote must be one of {VOTES}, not {vote!r}")
        access = " ".join(sorted({lab for lab in labels if lab and lab != PUBLIC})) or PUBLIC
        with self._lock, self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created_at, question, answer, citations, vote, comment, access)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_now(), question, answer, json.dumps(citations, ensure_ascii=False), vote, comment or None, access),
            )
            return int(cur.lastrowid or 0)

    def set_vote(self, row_id: int, vote: str) -> None:
        """Change the vote of an existing row (the user changed their mind)."""
        if vote not in VOTES:
            raise ValueError(f"vote must be one of {VOTES}, not {vote!r}")
        with self._lock, self._connect() as db:
            db.execute("UPDATE feedback SET vote = ? WHERE id = ?", (vote, row_id))

    def add_comment(self, row_id: int, comment: str) -> None:
        """Attach (or replace) the optional free-text comment of a row."""
        with self._lock, self._connect() as db:
            db.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment.strip() or None, row_id))

    def rows(self, who: Reader = EVERYTHING) -> list[dict]:
        """The rows ``who`` may read (all the documents they cite), oldest first, as dicts keyed by
        :data:`COLUMNS`."""
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = [dict(r) for r in db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")]
        return [r for r in rows if all(who.may_read(lab) for lab in str(r["access"] or PUBLIC).split())]

    def export_csv(self, out: io.TextIOBase | None = None, who: Reader = EVERYTHING) -> str:
        """The rows ``who`` may read as CSV (header first). Written to ``out`` when given; the CSV text is returned
        as well."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows(who))
        text = buffer.getvalue()
        if out is not None:
            out.write(text)
        return text
