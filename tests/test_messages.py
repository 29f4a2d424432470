"""The text catalogue (``planwijzer/messages.py``): every text in Dutch and English, one lookup, written once.

A Dutch notice is Dutch all the way through, the reason inside a language-model fallback notice included.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from planwijzer.assistant.answer import cross_prefix
from planwijzer.assistant.llm import LLMError, failure_notice, prompt_language
from planwijzer.ingest import decisions

from planwijzer.messages import BODY_NAMES_EN, EXAMPLE_QUESTIONS, LANGUAGES, TEXTS, Refusal, language_name, text

ROOT = Path(__file__).resolve().parent.parent
REASONS = {key.removeprefix("llm_reason_"): {} for key in TEXTS if key.startswith("llm_reason_")}
REASONS |= {"no_model": {"path": "'/models/x.gguf'"}, "error": {"name": "APIStatusError"}}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_has_dutch_and_english_with_the_same_fields() -> None:
    assert LANGUAGES == ("nl", "en")
    for key, pair in TEXTS.items():
        assert set(pair) == set(LANGUAGES), key
        assert all(pair[lang].strip() for lang in LANGUAGES), key
        assert _fields(pair["nl"]) == _fields(pair["en"]), key
    assert set(EXAMPLE_QUESTIONS) == set(LANGUAGES) and all(EXAMPLE_QUESTIONS.values())


def test_text_fills_in_fields_and_speaks_english_to_other_languages() -> None:
    assert text("answer_truncated", "nl", limit=80) == "Je vraag is langer dan 80 tekens; alleen het begin is gebruikt."
    assert text("answer_truncated", "fr", limit=80) == text("answer_truncated", "en", limit=80)
    assert text("answer_cross", "nl") == "Volgens de ({lang}talige) bron: "  # without fields: the text as written
    with pytest.raises(KeyError):
        text("no_such_key", "nl")


def test_languages_are_named_in_the_language_of_the_text() -> None:
    assert [language_name(code, "nl") for code in LANGUAGES] == ["Nederlands", "Engels"]
    assert [language_name(code, "en") for code in LANGUAGES] == ["Dutch", "English"]
    assert language_name("de", "nl") == "de"
    assert cross_prefix("nl", "en") == "Volgens de (Engelstalige) bron: "
    assert cross_prefix("en", "nl") == "According to the source (in Dutch): "
    assert prompt_language("nl", "?") == "Dutch (Nederlands)" and prompt_language("en", "?") == "English"


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_a_fallback_notice_gives_its_reason_in_the_notice_language(reason: str) -> None:
    error = LLMError(reason, **REASONS[reason])
    for lang, other in (("nl", "en"), ("en", "nl")):
        notice = failure_notice(error, lang)
        assert notice == text("llm_failed", lang, reason=text(f"llm_reason_{reason}", lang, **REASONS[reason]))
        for key, pair in TEXTS.items():
            if key.startswith("llm_") and pair[other] != pair[lang]:
                fragment = pair[other].split("{")[0][:25]
                assert fragment not in notice, f"{key} in {other} inside a {lang} notice: {notice}"
    assert str(error) == error.message("en")


def test_the_command_lines_check_summary_is_dutch_all_the_way_through() -> None:
    assert text("cli_checked", "nl", removed=1, checked=3) == (
        "Gecontroleerd tegen de bronnen (1 van 3 zinnen niet onderbouwd):"
    )
    assert (
        text("cli_checked", "en", removed=1, checked=3)
        == "Checked against the sources (1 of 3 sentences not supported):"
    )


def test_a_refusal_names_its_key_and_is_shown_in_the_callers_language() -> None:
    refusal = Refusal("err_taken", name="plan.md")
    assert refusal.key == "err_taken" and refusal.fields == {"name": "plan.md"}
    assert str(refusal) == "a document plan.md from another folder is already indexed; rename the file"
    assert refusal.message("nl").startswith("er staat al een document plan.md uit een andere map")


def test_every_decision_act_and_body_has_its_texts() -> None:
    acts = {name for name, _ in decisions._ACT_PATTERNS}
    assert {f"act_{act}" for act in acts} <= set(TEXTS)
    assert set(decisions.BODIES) <= set(BODY_NAMES_EN)


def _string_literals(path: Path) -> set[str]:
    """The string constants of a module (parts of f-strings too), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    }


def test_no_text_of_the_catalogue_is_written_anywhere_else() -> None:
    """Each text lives in the catalogue only: no other module of the package has a string that is one of its texts
    or starts like one (the part before the first field)."""
    starts = {pair[lang].split("{")[0]: key for key, pair in TEXTS.items() for lang in LANGUAGES}
    starts = {start: key for start, key in starts.items() if len(start) >= 16}
    sources = [p for folder in ("ingest", "assistant", "ui", "planwijzer") for p in (ROOT / folder).rglob("*.py")]
    found = [
        f"{path.relative_to(ROOT)} repeats {key}: {literal!r}"
        for path in sources
        if path.name != "messages.py"
        for literal in _string_literals(path)
        for start, key in starts.items()
        if literal.startswith(start)
    ]
    assert not found, found
