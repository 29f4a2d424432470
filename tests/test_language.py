"""Language detection: Dutch or English, from whole documents down to one-line questions."""

from __future__ import annotations

import pytest
from planwijzer.ingest.language import STOPWORDS, detect_language


@pytest.mark.parametrize(
    "text",
    [
        "Op 6 december 2021 stemde de Universiteitsraad in met het aanvullend bestedingsplan.",
        "De kwaliteitsmiddelen zijn vrijgekomen door de invoering van het leenstelsel.",
        "Wanneer stemde de universiteitsraad in?",
        "Welke thema's staan in het plan?",
        "Hoeveel geld gaat naar studentenwelzijn?",
        "Wat is de rol van de faculteitsraad?",
        "Hoe worden docenten ondersteund",
    ],
)
def test_dutch_sentences_and_questions_are_nl(text: str) -> None:
    assert detect_language(text) == "nl"


@pytest.mark.parametrize(
    "text",
    [
        "On 6 December 2021 the University Council approved the supplementary spending plan.",
        "The quality funds became available when the student loan system was introduced.",
        "When did the University Council approve the plan?",
        "Which themes are in the plan?",
        "How much money goes to student well-being?",
        "What is the role of the faculty council?",
        "Who approves the budget",
    ],
)
def test_english_sentences_and_questions_are_en(text: str) -> None:
    assert detect_language(text) == "en"


def test_words_shared_by_both_languages_do_not_decide() -> None:
    # "in", "is", "over" are stopwords in both lists; "the" makes it English.
    assert detect_language("is in over the plan") == "en"


def test_empty_text_defaults_to_dutch() -> None:
    assert detect_language("") == "nl"
    assert detect_language("   2021 ") == "nl"


def test_without_cue_words_letter_patterns_break_the_tie() -> None:
    assert detect_language("Studentenwelzijn begroting") == "nl"
    assert detect_language("Thursday wellbeing") == "en"


def test_a_long_document_is_classified_by_its_majority() -> None:
    dutch = "De universiteit investeert in het onderwijs en de begeleiding van studenten. " * 50
    english = "The university invests in teaching. " * 5
    assert detect_language(dutch + english) == "nl"


def test_stopword_lists_cover_both_languages_and_question_words() -> None:
    assert set(STOPWORDS) == {"nl", "en"}
    assert {"de", "het", "een", "wanneer", "welke", "hoeveel"} <= STOPWORDS["nl"]
    assert {"the", "of", "and", "which", "when", "how"} <= STOPWORDS["en"]
    assert all(word == word.lower() for words in STOPWORDS.values() for word in words)
