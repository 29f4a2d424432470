"""Sentence splitting: the unit that is embedded at ingest and quoted in answers."""

from __future__ import annotations

import pytest
from planwijzer.ingest.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Het plan is klaar. De raad stemt in.", ["Het plan is klaar.", "De raad stemt in."]),
        (
            "Sinds 1 maart 2022 is Prof.dr. Anna de Vries voorzitter. Zij doceert geschiedenis.",
            ["Sinds 1 maart 2022 is Prof.dr. Anna de Vries voorzitter.", "Zij doceert geschiedenis."],
        ),
        (
            "De raad adviseert o.a. Het College. Daarna volgt het besluit.",
            ["De raad adviseert o.a. Het College.", "Daarna volgt het besluit."],
        ),
        ("Chaired by Dr. Jones since May. She left in 2024.", ["Chaired by Dr. Jones since May.", "She left in 2024."]),
        (
            "Zie bijv. Bijlage 2. Ook dhr. Jansen en mevr. De Vries tekenden.",
            ["Zie bijv. Bijlage 2.", "Ook dhr. Jansen en mevr. De Vries tekenden."],
        ),
        ("Prof. dr. ir. A. Bakker leidt het. Klaar.", ["Prof. dr. ir. A. Bakker leidt het.", "Klaar."]),
    ],
)
def test_abbreviations_and_titles_do_not_end_a_sentence(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_line_break_ends_a_sentence_and_a_colon_keeps_its_list() -> None:
    text = "Heading\nThe council needs consent for:\n• the budget\n• the plan\nNext sentence."
    assert split_sentences(text) == [
        "Heading",
        "The council needs consent for: • the budget • the plan",
        "Next sentence.",
    ]
