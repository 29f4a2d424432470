"""The grounding check: format variants of dates and amounts, markers, names, closeness; on captured real
SmolLM2 output (``fixtures/smollm2_answers.json``) and live against the model server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import grounding
from assistant.grounding import Source, check_answer, check_sentence, split_answer, unsupported_facts

FIXTURES = Path(__file__).parent / "fixtures"
PASSAGE = (
    "Op 6 december 2021 stemde de Universiteitsraad in met het aanvullend bestedingsplan. "
    "Met het plan is € 7,7 miljoen gemoeid. Twaalf opleidingen doen mee."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "De Universiteitsraad stemde op 6-12-2021 in met het aanvullend bestedingsplan [1].",
        "De Universiteitsraad stemde op 6 December 2021 in met het bestedingsplan [1].",
        "De Universiteitsraad stemde op 2021-12-06 in met het aanvullend bestedingsplan [1].",
        "Met het aanvullend bestedingsplan is 7.7 million euro gemoeid [1].",
        "Met het bestedingsplan is 7.700.000 euro gemoeid [1].",
        "Er doen 12 opleidingen mee met het plan [1].",
        "De Universiteitsraad stemde in december 2021 in met het plan. [1]",
    ],
)
def test_supported_variants(sentence: str) -> None:
    check = check_sentence(split_answer(sentence)[0], {1: Source(1, PASSAGE)})
    assert check.supported, check.reasons


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("De Universiteitsraad stemde op 6 november 2021 in met het bestedingsplan [1].", "2021-11-6"),
        ("De Universiteitsraad stemde in juni 2021 in met het bestedingsplan [1].", "2021-6"),
        ("Met het aanvullend bestedingsplan is 8 miljoen euro gemoeid [1].", "8"),
        ("De Senaat stemde in met het aanvullend bestedingsplan [1].", "Senaat"),
        ("De Universiteitsraad stemde in met het bestedingsplan.", "no source marker"),
        ("De Universiteitsraad stemde in met het bestedingsplan [3].", "does not exist"),
        ("Studenten krijgen gratis koffie en parkeerplaatsen op de campus [1].", "not close"),
    ],
)
def test_unsupported(sentence: str, reason: str) -> None:
    check = check_sentence(sentence, {1: Source(1, PASSAGE)})
    assert not check.supported
    assert reason in " ".join(check.reasons)


def test_facts_in_title_count() -> None:
    assert unsupported_facts("Het Jaarverslag 2022 noemt de NVAO [1].", "Jaarverslag 2022\n\nDe NVAO gaf advies.") == []


def test_policy_remove_and_mark() -> None:
    text = "De Universiteitsraad stemde op 6 december 2021 in [1]. De raad stemde op 9 mei 2020 in [1]."
    removed = check_answer(text, [Source(1, PASSAGE)], policy="remove")
    assert (removed.checked, removed.supported) == (2, 1)
    assert removed.text == "De Universiteitsraad stemde op 6 december 2021 in [1]."
    assert removed.to_json()["removed"][0]["sentence"].startswith("De raad stemde op 9 mei 2020")
    marked = check_answer(text, [Source(1, PASSAGE)], policy="mark", language="nl")
    assert "9 mei 2020 in [1]. [niet onderbouwd door de bron]" in marked.text


def test_markers_and_split() -> None:
    assert grounding.markers("a [2] b [1, 3] c [2][4]") == [2, 1, 3, 4]
    assert split_answer("Eerste zin. [1] Tweede zin [2].\n[2]") == ["Eerste zin [1].", "Tweede zin [2] [2]."]


def test_captured_smollm2_output() -> None:
    """Real SmolLM2-135M replies captured once (``tests/fixtures/smollm2_answers.json``) with the sources they
    were given, and the verdict per sentence that a reader checked by hand."""
    cases = json.loads((FIXTURES / "smollm2_answers.json").read_text(encoding="utf-8"))
    assert cases
    for case in cases:
        sources = [Source(s["n"], s["text"], title=s.get("title", "")) for s in case["sources"]]
        result = check_answer(case["reply"], sources)
        verdicts = [c.supported for c in result.sentences]
        assert verdicts == case["expected_supported"], (case["question"], [c.reasons for c in result.sentences])
