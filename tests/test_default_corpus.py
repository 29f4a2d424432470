"""The bundled default corpus (``corpus/``, the university's own page) answers the first questions a student asks,
in Dutch and English, through the real command line; the web app's example questions are among them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planwijzer.cli import main
from planwijzer.config import DEFAULT_CORPUS
from planwijzer.messages import EXAMPLE_QUESTIONS as EXAMPLES

FIRST_QUESTIONS = [
    # (question, words one of which the answer must hold)
    ("Wat zijn de kwaliteitsafspraken?", ("kwaliteit",)),
    ("Waar gaat het geld van de kwaliteitsafspraken naartoe?", ("kwaliteitsmiddelen", "middelen")),
    ("Waar komt het geld van de kwaliteitsafspraken vandaan?", ("leenstelsel",)),
    ("Where does the money for the quality agreements come from?", ("leenstelsel",)),
    ("Waar komt het geld vandaan?", ("leenstelsel",)),  # the plan says "middelen", never "geld"
    ("Where does the money come from?", ("leenstelsel",)),  # and one page teaches no translation of "money"
    ("Wie heeft ingestemd met het plan en wanneer?", ("6 december 2021",)),
    ("Wat zijn de nieuwe initiatieven?", ("Studentenwelzijn",)),
    ("What are the quality agreements?", ("kwaliteit",)),
    ("What is the money spent on?", ("middelen", "besteding")),
    ("Who consented to the plan and when?", ("6 december 2021",)),
    ("What are the new initiatives?", ("Studentenwelzijn",)),
]


LIST_QUESTIONS = [
    # (question, words all of which the answer must hold)
    ("Welke nieuwe initiatieven zijn er?", ("Studentenwelzijn", "Docentontwikkeling")),
    ("What are the new initiatives?", ("Studentenwelzijn", "Docentontwikkeling")),
]


@pytest.fixture(scope="module")
def default_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index filled the way a fresh clone fills it: the first ``planwijzer ask`` ingests ``corpus/``."""
    index = tmp_path_factory.mktemp("default") / "index"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWIJZER_")}
    done = subprocess.run(
        [sys.executable, "-m", "planwijzer.cli", "ask", EXAMPLES["nl"][0], "--json", "--index", str(index)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["abstained"] is False
    return index


def ask(capsys: pytest.CaptureFixture[str], index: Path, question: str) -> dict:
    assert main(["ask", question, "--json", "--index", str(index)]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_default_corpus_holds_no_site_navigation() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in DEFAULT_CORPUS.glob("*.md")).lower()
    assert "cookies" not in text and "\nnl en\n" not in text


@pytest.mark.parametrize("question", EXAMPLES["nl"] + EXAMPLES["en"])
def test_every_example_question_of_the_web_app_gets_a_cited_answer(
    capsys: pytest.CaptureFixture[str], default_index: Path, question: str
) -> None:
    data = ask(capsys, default_index, question)
    assert data["abstained"] is False, data["answer"]
    assert data["citations"] and "[1]" in data["answer"]


@pytest.mark.parametrize(("question", "expected"), FIRST_QUESTIONS)
def test_a_students_first_questions_get_a_real_cited_answer(
    capsys: pytest.CaptureFixture[str], default_index: Path, question: str, expected: tuple[str, ...]
) -> None:
    data = ask(capsys, default_index, question)
    assert data["abstained"] is False, data["answer"]
    assert any(word.lower() in data["answer"].lower() for word in expected), data["answer"]
    first = data["answer"].split(" [1]")[0].removeprefix("According to the source (in Dutch): ")
    assert not first.rstrip().endswith("?")
    assert data["language"] == ("en" if question.startswith(("What", "Who", "Where")) else "nl")
    assert data["citations"][0]["url"].startswith("https://www.universiteitleiden.nl/")


@pytest.mark.parametrize(("question", "expected"), LIST_QUESTIONS)
def test_a_question_for_several_things_is_answered_with_all_of_them(
    capsys: pytest.CaptureFixture[str], default_index: Path, question: str, expected: tuple[str, ...]
) -> None:
    data = ask(capsys, default_index, question)
    assert all(word.lower() in data["answer"].lower() for word in expected), data["answer"]
