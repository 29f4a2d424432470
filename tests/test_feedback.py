"""The feedback store (SQLite, WAL), its CSV export and ``planwijzer feedback export --csv``."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from planwijzer.ui.feedback import COLUMNS, FeedbackStore

from planwijzer.access import ANONYMOUS, reader
from planwijzer.cli import main
from planwijzer.config import Settings

CITES = [{"n": 1, "doc_id": "a.md", "title": "Plan", "url": None, "page": None, "date": "2022", "quote": "Citaat"}]


def test_record_vote_comment_and_rows(tmp_path):
    store = FeedbackStore(tmp_path / "fb" / "feedback.sqlite3")
    row = store.record("Wanneer?", "Op 14 maart 2022. [1]", CITES, "like")
    store.add_comment(row, "  Precies wat ik zocht  ")
    other = store.record("Hoeveel?", "Dat staat er niet in.", [], "dislike")
    store.set_vote(other, "like")
    rows = store.rows()
    assert [r["id"] for r in rows] == [row, other]
    assert rows[0]["comment"] == "Precies wat ik zocht" and rows[0]["vote"] == "like"
    assert rows[1]["vote"] == "like" and rows[1]["comment"] is None
    assert rows[0]["citations"].startswith("[{") and "Citaat" in rows[0]["citations"]
    assert rows[0]["created_at"].endswith("+00:00")


def test_schema_has_no_personal_data_and_uses_wal(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    FeedbackStore(path)
    db = sqlite3.connect(path)
    cols = {r[1] for r in db.execute("PRAGMA table_info(feedback)")}
    assert cols == set(COLUMNS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_invalid_vote_rejected(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    with pytest.raises(ValueError):
        store.record("q", "a", [], "meh")


def test_export_csv_round_trips(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.record('Vraag met "aanhalingstekens", komma', "Antwoord\nmet regel", CITES, "dislike", "te kort")
    out = io.StringIO()
    text = store.export_csv(out)
    assert out.getvalue() == text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["question"] == 'Vraag met "aanhalingstekens", komma' and rows[0]["answer"] == "Antwoord\nmet regel"
    assert rows[0]["vote"] == "dislike" and rows[0]["comment"] == "te kort"


def test_default_location_is_next_to_the_index(tmp_path):
    assert Settings(index=tmp_path / "idx").web.feedback_db == tmp_path / "feedback.sqlite3"


def test_cli_export_stdout_and_file(tmp_path, capsys):
    index = tmp_path / "idx"
    store = FeedbackStore(Settings(index=index).web.feedback_db)
    store.record("Wanneer?", "Toen. [1]", CITES, "like", "goed")
    assert main(["feedback", "export", "--csv", "--index", str(index)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1 and rows[0]["question"] == "Wanneer?" and rows[0]["comment"] == "goed"
    out = tmp_path / "export.csv"
    assert main(["feedback", "export", "--csv", "--index", str(index), "--out", str(out)]) == 0
    assert list(csv.DictReader(out.open(encoding="utf-8")))[0]["vote"] == "like"


def test_cli_serve_flags():
    from planwijzer.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.share, args.corpus) == ("127.0.0.1", 7860, False, None)
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9000", "--share", "--corpus", "c"])
    assert (args.host, args.port, args.share, str(args.corpus)) == ("0.0.0.0", 9000, True, "c")


def test_a_row_on_restricted_documents_is_exported_only_to_who_may_read_them(tmp_path, capsys):
    path = tmp_path / "feedback.sqlite3"
    store = FeedbackStore(path)
    store.record("Openbaar?", "Ja. [1]", CITES, "like", labels=["public"])
    store.record("Besloten?", "Het fonds is 7,7 miljoen. [1]", CITES, "like", labels=["public", "council"])
    assert [r["question"] for r in store.rows(ANONYMOUS)] == ["Openbaar?"]
    assert [r["question"] for r in store.rows(reader("cas", "council"))] == ["Openbaar?", "Besloten?"]
    assert [r["question"] for r in store.rows(reader("bob", "staff"))] == ["Openbaar?"]
    assert main(["feedback", "export", "--csv", "--feedback-db", str(path), "--index", str(tmp_path / "i")]) == 0
    assert "7,7 miljoen" not in capsys.readouterr().out  # the CLI exports what --group may read; default public
    args = ["feedback", "export", "--csv", "--feedback-db", str(path), "--index", str(tmp_path / "i")]
    assert main([*args, "--group", "council"]) == 0
    assert "7,7 miljoen" in capsys.readouterr().out


def test_a_table_from_before_access_labels_gets_the_column_and_its_rows_are_public(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, question TEXT NOT NULL,"
        " answer TEXT NOT NULL, citations TEXT NOT NULL DEFAULT '[]', vote TEXT NOT NULL, comment TEXT)"
    )
    db.execute("INSERT INTO feedback (created_at, question, answer, vote) VALUES ('2026', 'Oud?', 'Ja.', 'like')")
    db.commit()
    db.close()
    assert [(r["question"], r["access"]) for r in FeedbackStore(path).rows(ANONYMOUS)] == [("Oud?", "public")]
