"""assistant/dedup.py: the same passage from two versions or copies of a page counts once."""

from __future__ import annotations

import pytest
from planwijzer.assistant.dedup import near_duplicate

PASSAGE = (
    "Op 6 december 2021 stemde de Universiteitsraad in met het aanvullend bestedingsplan Kwaliteitsafspraken, "
    "een vervolg op het oorspronkelijke plan van december 2018."
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (PASSAGE, PASSAGE, True),
        (PASSAGE, PASSAGE.upper().replace(",", " ,"), True),  # case and punctuation do not matter
        (PASSAGE, "Kwaliteitsafspraken\n\n" + PASSAGE + " Deze website maakt gebruik van cookies.", True),
        (PASSAGE, PASSAGE.replace("6 december 2021", "14 maart 2022").replace("aanvullend", "eerste"), False),
        (PASSAGE, "The University Council consented to the supplementary plan on 6 December 2021.", False),
        ("", PASSAGE, False),
    ],
)
def test_near_duplicates(a: str, b: str, same: bool) -> None:
    assert near_duplicate(a, b) is same
