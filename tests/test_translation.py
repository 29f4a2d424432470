"""A question's words in the other language (assistant/translation.py), found among the index's own words by the
real multilingual encoder's word vectors."""

from __future__ import annotations

from pathlib import Path

import pytest
from planwijzer.assistant.translation import other_language, translate, words_of
from planwijzer.ingest.embedders import USEEmbeddings
from planwijzer.ingest.lexical import LexicalIndex
from planwijzer.ingest.vocabulary import WordTable, word_table

DUTCH = [
    "De opkomst bij de verkiezingen van de universiteitsraad was dit jaar hoger dan vorig jaar.",
    "Op zaterdag sluit de bibliotheek om vijf uur; de docenten krijgen meer ondersteuning.",
    "Studenten uit Twente en Leiden kregen een beurs.",
]
ENGLISH = ["The committee met in Leiden and discussed the budget with students."]


@pytest.fixture(scope="module")
def use() -> USEEmbeddings:
    return USEEmbeddings()


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory, use: USEEmbeddings) -> WordTable:
    texts = DUTCH + ENGLISH + ["Leiden Twente studenten"]  # names and a word both languages' pages write
    langs = ["nl"] * len(DUTCH) + ["en"] * (len(ENGLISH) + 1)
    lex = LexicalIndex(None, [f"c{i}" for i in range(len(texts))], texts, [{"language": x} for x in langs], 1)
    return word_table(Path(tmp_path_factory.mktemp("words")), lex, use)


def test_english_question_words_get_their_dutch_translations(table: WordTable, use: USEEmbeddings) -> None:
    found = words_of(translate("How high was the election turnout on Saturday for lecturers?", "en", table, use))
    assert "verkiezingen" in found["election"]
    assert "zaterdag" in found["saturday"]  # a day is capitalised in English but is no name
    assert "docenten" in found["lecturers"]
    assert not {"how", "was", "the", "for", "on"} & set(found)


def test_translations_come_from_the_other_language_only(table: WordTable, use: USEEmbeddings) -> None:
    found = words_of(translate("Wie besprak de begroting met de commissie?", "nl", table, use))
    english = {w.strip(".,;").lower() for text in ENGLISH for w in text.split()}
    assert found and all(t in english for ws in found.values() for t in ws), found
    assert "budget" in found["begroting"] and "committee" in found["commissie"]


def test_names_and_words_both_languages_write_are_not_translated(table: WordTable, use: USEEmbeddings) -> None:
    found = words_of(translate("Did students from Twente get a grant?", "en", table, use))
    assert "twente" not in found  # a name, written with a capital inside the question
    shared = words_of(translate("wat gebeurde er in leiden met de begroting?", "nl", table, use))
    assert "leiden" not in shared and "begroting" in shared  # "leiden" is in two English chunks: written alike


def test_nothing_to_translate_without_a_table_or_another_language(table: WordTable, use: USEEmbeddings) -> None:
    assert translate("How high was the turnout?", "en", None, use) == {}
    assert translate("How high was the turnout?", "de", table, use) == {}
    assert other_language("nl") == "en" and other_language("en") == "nl" and other_language("fr") is None


def _cross_corpus(root: Path) -> Path:
    """A Dutch page whose second sentence answers an English question without sharing a word with it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "verkiezingen.md").write_text(
        "---\ntitle: Uitslag\nlanguage: nl\ndate: 2021-05-01\n---\n"
        "De stembureaus gingen maandag open en de campagne verliep rustig. "
        "De opkomst bij de verkiezingen van de studenten was 31 procent, hoger dan vorig jaar. "
        "Een nieuwe raad begint in september.\n",
        encoding="utf-8",
    )
    (root / "sports.md").write_text(
        "---\ntitle: Sports\nlanguage: en\ndate: 2021-05-01\n---\nThe sports centre opened a new climbing wall.\n",
        encoding="utf-8",
    )
    return root


def test_a_sentence_in_the_other_language_covers_the_question_through_translations(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from planwijzer.assistant.answer import answer_question
    from planwijzer.assistant.candidates import score_candidates
    from planwijzer.assistant.question import parse_question
    from planwijzer.assistant.retrieval import Index

    from tests.conftest import ingested_index

    index = Index(ingested_index(tmp_path_factory.mktemp("xl"), _cross_corpus))
    question = parse_question("What was the student turnout in the elections?")
    result = index.search(question.text, k=5)
    assert {"verkiezingen"} <= set(words_of(result.translations)["elections"])
    translated = score_candidates(
        question, [], result.hits, index, result.query_vector, None, words_of(result.translations)
    )
    plain = score_candidates(question, [], result.hits, index, result.query_vector)
    best = translated[0]
    assert "opkomst" in best.text and best.cross and best.coverage > 0.3
    assert next(c for c in plain if c.text == best.text).coverage < best.coverage  # words alone cannot match it
    answer = answer_question(index, question.text)
    assert not answer.abstained and "31 procent" in answer.answer


def test_a_translation_carries_its_margin_over_the_words_nearest_neighbours(
    table: WordTable, use: USEEmbeddings
) -> None:
    found = translate("How high was the election turnout?", "en", table, use)
    (best, margin), *_ = found["election"]
    assert best == "verkiezingen" and margin > 0.15  # far above the other Dutch words
    assert "election" not in words_of(found, margin + 0.01)  # its best translation has the highest margin
    assert words_of(found, -1.0)["election"][0] == "verkiezingen"


def test_a_word_no_vector_translates_takes_the_dictionarys_translation(table: WordTable, use: USEEmbeddings) -> None:
    # the small vocabulary holds no word that "money" lies close to: the dictionary's translation stands in
    found = translate("Where does the money come from?", "en", table, use)
    assert [t for t, _ in found["money"]] == ["geld", "middelen"]
    assert "money" in words_of(found, 0.15)  # certain, whatever margin the answerer asks for


def test_the_dictionarys_translation_comes_first_and_once_beside_a_learned_one(
    table: WordTable, use: USEEmbeddings
) -> None:
    found = translate("Which lecturers get support?", "en", table, use)["lecturers"]
    assert found[0] == ("docenten", 1.0)  # certain, even where the learned one falls short of the answerer's margin
    assert [t for t, _ in found].count("docenten") == 1
