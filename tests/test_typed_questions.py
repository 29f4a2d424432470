"""Questions as people type them: one typed all in lower case gets its names back from the way the index writes them
(assistant/truecase.py), so that it pins the same institution or body as the question written with capitals; a
mistyped word is searched for as the index's word one edit away (assistant/spelling.py), and the answer says so; a
question typed without its question mark is read as the same question with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ingested_index, write_institution_news
from planwijzer.assistant.answer import answer_question, read_history, read_question
from planwijzer.assistant.question import as_question, parse_question
from planwijzer.assistant.retrieval import Index
from planwijzer.assistant.spelling import correct
from planwijzer.assistant.truecase import truecase, written_forms

TEXTS = [
    "De raad van de NVAO stemde in. Het rapport van de NVAO volgt. Volgens de NVAO is het plan goed.",
    "Studenten in Leiden en docenten in Leiden praten mee; de Universiteit Leiden betaalt.",
    "Raad en bestuur overleggen. De raad stemde in. Ook de raad was tevreden. Nieuwe plannen volgen.",
    "Het plan gaat over Begeleiding: de begeleiding van studenten en de begeleiding van docenten.",
]


def test_the_casing_is_learnt_from_words_inside_sentences() -> None:
    forms = written_forms(TEXTS)
    assert forms["nvao"] == "NVAO" and forms["leiden"] == "Leiden"
    assert "raad" not in forms  # capitalised only where a sentence starts
    assert "nieuwe" not in forms  # seen once, at the start of a sentence
    assert "begeleiding" not in forms  # written in lower case inside sentences, once capitalised after a colon


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("wat zei de nvao over het plan in leiden?", "wat zei de NVAO over het plan in Leiden?"),
        ("wat vond de nvao's panel?", "wat vond de NVAO's panel?"),
        ("Wat zei de nvao over het plan?", "Wat zei de nvao over het plan?"),  # a capital: as the asker wrote it
        ("hoe gaat de begeleiding?", "hoe gaat de begeleiding?"),
    ],
)
def test_only_a_question_without_capitals_is_rewritten(question: str, expected: str) -> None:
    assert truecase(question, written_forms(TEXTS)) == expected


def _campuses(root: Path) -> Path:
    docs = {
        "duinstad.md": (
            "Universiteit Duinstad",
            "Op 3 mei 2022 stemde de raad van de Universiteit Duinstad in met het plan. Het plan van Duinstad gaat "
            "over begeleiding. Studenten in Duinstad zijn er blij mee.",
        ),
        "polderland.md": (
            "Universiteit Polderland",
            "De raad van de Universiteit Polderland stemde op 9 juni 2022 in met het plan. Het plan van Polderland "
            "gaat over kleinere werkgroepen. Docenten in Polderland zijn er blij mee.",
        ),
        "polderland-agenda.md": (
            "Universiteit Polderland",
            "In Polderland begint het studiejaar op 1 september met een introductieweek voor nieuwe studenten.",
        ),
        "kaapstad.md": (
            "Hogeschool Kaapstad",
            "De mensa van Hogeschool Kaapstad opent om acht uur. Studenten van Kaapstad betalen met hun pas. In "
            "Kaapstad is de mensa druk.",
        ),
    }
    return write_institution_news(root, docs)


@pytest.fixture(scope="module")
def campuses(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return Index(ingested_index(tmp_path_factory.mktemp("truecase"), _campuses))


def test_a_lower_case_question_pins_the_same_names_as_the_written_one(campuses: Index) -> None:
    typed = campuses.truecase("wanneer stemde de raad van polderland in met het plan?")
    assert typed == "wanneer stemde de raad van Polderland in met het plan?"
    assert parse_question(typed).constraints == parse_question("Wanneer stemde de raad van Polderland in?").constraints


POLDERLAND = "Wanneer stemde de raad van Polderland in met het plan?"
KAAPSTAD = "Wanneer stemde de raad van Hogeschool Kaapstad in met het plan?"


@pytest.mark.parametrize("question", [POLDERLAND, POLDERLAND.lower()])
def test_an_institution_typed_in_lower_case_is_still_the_one_asked_about(campuses: Index, question: str) -> None:
    ans = answer_question(campuses, question)
    assert not ans.abstained and "9 juni 2022" in ans.answer and "3 mei" not in ans.answer, ans.answer


@pytest.mark.parametrize("question", [KAAPSTAD, KAAPSTAD.lower()])
def test_an_institution_no_passage_is_about_abstains_however_it_is_typed(campuses: Index, question: str) -> None:
    assert answer_question(campuses, question).abstained


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Wanneer stemde de raad in", "Wanneer stemde de raad in?"),
        ("Wanneer stemde de raad in?  ", "Wanneer stemde de raad in?"),
        ("Geef de data van de raad.", "Geef de data van de raad."),
        ("", ""),
    ],
)
def test_a_question_typed_without_its_question_mark_is_read_with_it(typed: str, read: str) -> None:
    assert as_question(typed) == read


def test_a_question_without_its_question_mark_gets_the_same_answer(campuses: Index) -> None:
    asked = answer_question(campuses, POLDERLAND)
    typed = answer_question(campuses, POLDERLAND.rstrip("?"), history=[KAAPSTAD.rstrip("?")])
    assert read_question(campuses, POLDERLAND.rstrip("?"))[0] == read_question(campuses, POLDERLAND)[0]
    assert typed.answer == answer_question(campuses, POLDERLAND, history=[KAAPSTAD]).answer
    assert not asked.abstained and "9 juni 2022" in typed.answer


def test_the_history_is_read_as_the_question_is(campuses: Index) -> None:
    # the generating backend searches with the same previous question as the extractive one
    read = read_history(campuses, [KAAPSTAD.rstrip("?"), "   ", POLDERLAND.lower()])
    assert read == [read_question(campuses, KAAPSTAD)[0].text, read_question(campuses, POLDERLAND.lower())[0].text]
    assert "Polderland" in read[1]  # a name typed in lower case gets its capital back


COUNTS = {"kwaliteitsafspraken": 40, "bestedingsplan": 12, "bestedingsplannen": 3, "ingestemd": 9, "raad": 50}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _known(word: str) -> bool:
    return word in {"voorzitters", "volgens"}  # an inflection the index stems, a function word


@pytest.mark.parametrize(
    ("typed", "searched", "changes"),
    [
        ("de kwaliteitsafpsraken", "de kwaliteitsafspraken", [("kwaliteitsafpsraken", "kwaliteitsafspraken")]),
        ("wie heeft ingstemd?", "wie heeft ingestemd?", [("ingstemd", "ingestemd")]),  # a letter left out
        ("Het Bestedingspaln", "Het Bestedingsplan", [("Bestedingspaln", "Bestedingsplan")]),  # as it was written
        ("het bestedingsplan", "het bestedingsplan", []),  # known
        ("de voorzitters volgens", "de voorzitters volgens", []),  # known by stem or as a function word
        ("de raaad", "de raaad", []),  # too short to guess
        ("de verkiezingsuitslag", "de verkiezingsuitslag", []),  # nothing one edit away: left as typed
    ],
)
def test_a_mistyped_word_is_searched_for_as_the_index_writes_it(typed: str, searched: str, changes: list) -> None:
    assert correct(typed, COUNTS, LETTERS, _known) == (searched, changes)


def test_the_correction_is_the_word_most_chunks_hold() -> None:
    # "bestedingsplann" is one edit from both; the plan is in more chunks than the plans
    assert correct("bestedingsplann", COUNTS, LETTERS, _known)[0] == "bestedingsplan"
    assert correct("bestedingsplann", {"bestedingsplan": 1}, LETTERS, _known)[0] == "bestedingsplann"  # seen once


def test_a_mistyped_institution_still_pins_its_passage_and_the_answer_says_what_was_searched(campuses: Index) -> None:
    ans = answer_question(campuses, "Wanneer stemde de raad van Polderlnad in met het plan?")
    assert not ans.abstained and "9 juni 2022" in ans.answer and "3 mei" not in ans.answer, ans.answer
    assert ans.notice and "Polderland" in ans.notice and "Polderlnad" in ans.notice
    assert campuses.search("raad van Polderlnad", k=3).corrected == [("Polderlnad", "Polderland")]


def test_search_on_the_command_line_says_what_it_searched_for(
    campuses: Index, capsys: pytest.CaptureFixture[str]
) -> None:
    from planwijzer.cli import main

    index_dir = str(campuses.settings.index.dir)
    assert main(["search", "raad van Polderlnad", "--json", "--index", index_dir]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corrected"] == [{"typed": "Polderlnad", "searched": "Polderland"}]
    assert data["results"][0]["doc_id"].startswith("polderland")
    assert main(["search", "raad van Polderlnad", "--index", index_dir]) == 0
    assert capsys.readouterr().out.startswith("Searched for: Polderland (typed: Polderlnad)")


def test_the_search_view_says_what_it_searched_for_and_marks_it(campuses: Index) -> None:
    from planwijzer.ui.app import PlanwijzerApp

    app = PlanwijzerApp(campuses.settings)
    html, _more, _limit = app.search_first("raad van Polderlnad", "", "", "", "", "", "relevance", "nl", None)
    assert "Gezocht naar “Polderland” (getypt: “Polderlnad”)." in html
    assert "<mark>Polderland</mark>" in html
    assert app.api_search("raad van Polderlnad")["corrected"] == [{"typed": "Polderlnad", "searched": "Polderland"}]
    assert "corrected" not in app.api_search("raad van Polderland")


def test_both_can_be_switched_off(campuses: Index) -> None:
    kept = campuses.settings
    campuses.settings = kept.replace(correct_spelling=False, truecase=False)
    try:
        assert campuses.normalise("wanneer stemde de raad van polderlnad in?") == (
            "wanneer stemde de raad van polderlnad in?",
            [],
        )
        assert campuses.normalise("wanneer stemde de raad van polderland in?")[0] == (
            "wanneer stemde de raad van polderland in?"
        )
    finally:
        campuses.settings = kept
    assert campuses.normalise("wanneer stemde de raad van polderlnad in?")[0] == (
        "wanneer stemde de raad van Polderland in?"
    )
