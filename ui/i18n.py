"""The web app's view of the text catalogue (:mod:`planwijzer.messages`). The page starts in the browser's language;
a switch changes it. The interface speaks Dutch unless told otherwise, so a language the catalogue does not have
gets Dutch here (elsewhere it gets English)."""

from __future__ import annotations

from planwijzer.messages import BODY_NAMES_EN, EXAMPLE_QUESTIONS, LANGUAGES, TEXTS, text

DEFAULT = "nl"


def normalize(language: str | None) -> str:
    """``nl`` or ``en`` from a browser language tag such as ``nl-NL``, ``en-GB`` or ``fr`` (→ English)."""
    tag = (language or "").strip().lower()
    if not tag:
        return DEFAULT
    return "nl" if tag.startswith("nl") else "en"


def t(lang: str, key: str, /, **values: object) -> str:
    """The interface text ``key`` in ``lang`` (falling back to Dutch), formatted with ``values``."""
    return text(key, lang if lang in LANGUAGES else DEFAULT, **values)


def known(key: str) -> bool:
    """True when the catalogue has a text ``key``."""
    return key in TEXTS


def count(lang: str, key: str, n: int) -> str:
    """The interface string ``key`` for ``n`` things: ``key_one`` when ``n`` is 1 and that form exists."""
    one = f"{key}_one"
    return t(lang, one if n == 1 and known(one) else key, n=n)


def body_label(body: str, lang: str) -> str:
    """A canonical deciding body ("Universiteitsraad") as the interface shows it in ``lang``."""
    return BODY_NAMES_EN.get(body, body) if lang == "en" else body


def examples() -> list[str]:
    """Example questions, Dutch first, then English."""
    return EXAMPLE_QUESTIONS["nl"] + EXAMPLE_QUESTIONS["en"]
