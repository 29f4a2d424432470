"""Metadata helpers: dates from file names and text, titles, and YAML front matter."""

from __future__ import annotations

import pytest
from planwijzer.ingest.document import Block, LoadError
from planwijzer.ingest.metadata import detect_date, guess_title, normalise_date, parse_front_matter, year_of

# --------------------------------------------------------------------------- detect_date


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("mare-2018-02-21-betere-controle.md", "2018-02-21"),
        ("nieuws_2021_12_06.pdf", "2021-12-06"),
        ("leiden-news-2022-01-teachers-blog.md", "2022-01"),
        ("verslag-2021_12.docx", "2021-12"),
        ("jaarverslag-2018.pdf", "2018"),
        ("institutional-plan-2015-2020.pdf", "2015"),
    ],
)
def test_date_from_file_name(filename: str, expected: str) -> None:
    assert detect_date("Geen datum in deze tekst.", filename) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Op 6 december 2021 stemde de Universiteitsraad in.", "2021-12-06"),
        ("On December 6, 2021 the council agreed.", "2021-12-06"),
        ("Published 6 Dec. 2021 by the university.", "2021-12-06"),
        ("Het plan werd in juni 2019 goedgekeurd.", "2019-06"),
        ("The plan was approved in June 2019.", "2019-06"),
        ("Vergadering van 06-12-2021 over de begroting.", "2021-12-06"),
        ("Datum: 2023-03-15", "2023-03-15"),
        ("Vastgesteld 15 september 2015. Eerder, in mei 2014, ...", "2015-09-15"),
    ],
)
def test_first_explicit_date_in_text(text: str, expected: str) -> None:
    assert detect_date(text, "document.md") == expected


def test_no_date_gives_none() -> None:
    assert detect_date("De universiteit investeert in onderwijs.", "kwaliteitsafspraken.md") is None


def test_a_bare_year_in_the_text_is_not_a_date() -> None:
    assert detect_date("In 2021 heeft een herijking plaatsgevonden.", "plan.md") is None


def test_impossible_dates_are_not_invented() -> None:
    # no 31 February: only the month that the text does state survives
    assert detect_date("Op 31 februari 2021 gebeurde niets.", "x.md") == "2021-02"
    assert detect_date("", "report-2021-13-45.pdf") == "2021"


def test_dates_beyond_the_first_2000_characters_are_ignored() -> None:
    assert detect_date("x " * 1500 + "6 december 2021", "x.md") is None


def test_file_name_wins_but_a_matching_more_precise_text_date_refines_it() -> None:
    assert detect_date("Op 10 december 2018 stemde de raad in.", "kwaliteitsafspraken-2018.md") == "2018-12-10"
    assert detect_date("Op 10 december 2017 stemde de raad in.", "kwaliteitsafspraken-2018.md") == "2018"


def test_normalise_date_keeps_iso_and_parses_written_dates() -> None:
    assert normalise_date("2021-12") == "2021-12"
    assert normalise_date("6 december 2021") == "2021-12-06"
    assert normalise_date("someday") is None
    assert normalise_date(None) is None


@pytest.mark.parametrize(
    ("date", "year"), [("2021-12-06", 2021), ("2021-12", 2021), ("2021", 2021), (None, None), ("", None)]
)
def test_year_of(date: str | None, year: int | None) -> None:
    assert year_of(date) == year


# --------------------------------------------------------------------------- guess_title


def test_title_is_the_first_heading() -> None:
    blocks = [Block("Tekst.", heading="Kwaliteitsafspraken"), Block("Meer.", heading="Voortgang")]
    assert guess_title(blocks, "fallback") == "Kwaliteitsafspraken"


def test_title_is_a_short_first_line_without_a_heading() -> None:
    assert guess_title([Block("Jaarverslag 2020\n\nDe universiteit ...")], "fallback") == "Jaarverslag 2020"


def test_title_falls_back_when_the_text_starts_with_a_sentence() -> None:
    assert guess_title([Block("Dit is een gewone zin.")], "bestandsnaam") == "bestandsnaam"
    assert guess_title([], "bestandsnaam") == "bestandsnaam"


# --------------------------------------------------------------------------- parse_front_matter


def test_front_matter_is_split_from_the_body_and_values_become_strings() -> None:
    text = (
        "---\n"
        "title: 'Kwaliteitsafspraken: het plan'\n"
        "url: https://example.org/plan\n"
        "language: nl\n"
        "date: 2021-12-06\n"
        "year: 2024\n"
        "institution: Universiteit Leiden\n"
        "doc_type:\n"
        "---\n"
        "De tekst.\n"
    )
    meta, body = parse_front_matter(text, "plan.md")
    assert meta["title"] == "Kwaliteitsafspraken: het plan"
    assert meta["date"] == "2021-12-06"  # YAML made it a datetime.date
    assert meta["year"] == "2024"  # YAML made it an int; unknown keys are kept
    assert meta["doc_type"] is None
    assert body == "De tekst.\n"


def test_text_without_front_matter_is_returned_unchanged() -> None:
    assert parse_front_matter("# Kop\n\nTekst", "a.md") == ({}, "# Kop\n\nTekst")


def test_an_unclosed_leading_rule_is_not_front_matter() -> None:
    assert parse_front_matter("---\nTekst zonder einde", "a.md") == ({}, "---\nTekst zonder einde")


def test_invalid_yaml_names_the_file_and_the_fix() -> None:
    with pytest.raises(LoadError) as info:
        parse_front_matter("---\ntitle: Plan: 2021: [\n---\nTekst", "plan.md")
    assert info.value.path == "plan.md"
    assert "front matter is not valid YAML" in info.value.reason
    assert "fix the YAML or remove it" in info.value.reason


def test_front_matter_that_is_not_key_value_pairs_is_invalid() -> None:
    with pytest.raises(LoadError, match="not valid YAML"):
        parse_front_matter("---\n- een\n- twee\n---\nTekst", "lijst.md")
