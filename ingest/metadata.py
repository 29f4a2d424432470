"""Metadata helpers: YAML front matter, and title/date guesses for files that have none."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import yaml
from planwijzer.ingest.document import Block, LoadError

MONTH_NUMBERS: dict[str, int] = {}
"""Dutch and English month names and abbreviations → 1-12 (the one month table of the project)."""
for _number, _names in enumerate(
    (
        "januari january jan",
        "februari february feb",
        "maart march mrt mar",
        "april apr",
        "mei may",
        "juni june jun",
        "juli july jul",
        "augustus august aug",
        "september sept sep",
        "oktober october okt oct",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTH_NUMBERS[_name] = _number
_MONTHS = MONTH_NUMBERS

MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
YEAR_RE = r"(?P<year>(?:19|20)\d\d)"
_TEXT_DATES = [
    # 2021-12-06
    re.compile(r"(?<![\d-])" + YEAR_RE + r"-(?P<mnum>\d\d)-(?P<day>\d\d)(?![\d-])"),
    # 06-12-2021 (Dutch day-month-year; slashes are left alone: they are ambiguous in English)
    re.compile(r"(?<![\d-])(?P<day>\d{1,2})-(?P<mnum>\d{1,2})-" + YEAR_RE + r"(?![\d-])"),
    # 6 december 2021, 6 Dec. 2021
    re.compile(r"\b(?P<day>\d{1,2})\s+" + MONTH_RE + r"\s+" + YEAR_RE + r"\b", re.IGNORECASE),
    # December 6, 2021 / December 6th 2021
    re.compile(r"\b" + MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + YEAR_RE + r"\b", re.IGNORECASE),
    # juni 2019, June 2019
    re.compile(r"\b" + MONTH_RE + r"\s+" + YEAR_RE + r"\b", re.IGNORECASE),
]
_SEP = r"[-_.]"
_NAME_DATES = [
    re.compile(r"(?<!\d)" + YEAR_RE + _SEP + r"(?P<mnum>\d\d)" + _SEP + r"(?P<day>\d\d)(?!\d)"),
    re.compile(r"(?<!\d)" + YEAR_RE + _SEP + r"(?P<mnum>\d\d)(?!\d)"),
    re.compile(r"(?<!\d)" + YEAR_RE + r"(?!\d)"),
]
_TEXT_WINDOW = 2000
_ISO_DATE = re.compile(r"^(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def format_date_parts(parts: dict, default_year: int | None = None) -> str | None:
    """``YYYY[-MM[-DD]]`` from regex groups ``year`` (or ``default_year``) and optional ``month`` (a name),
    ``mnum`` (a number) and ``day``; None when there is no year or the date does not exist."""
    year = int(parts["year"]) if parts.get("year") else default_year
    if year is None:
        return None
    month = _MONTHS.get((parts.get("month") or "").lower().rstrip(".")) or (
        int(parts["mnum"]) if parts.get("mnum") else None
    )
    day = int(parts["day"]) if parts.get("day") else None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _format(match: re.Match[str]) -> str | None:
    return format_date_parts(match.groupdict())


def detect_date(text: str, filename: str) -> str | None:
    """The document date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or None when there is none.

    The file name is tried first (``2021-12-06``, ``2021_12``, ``jaarverslag-2018``; for a range
    like ``plan-2015-2020`` the first year); a more precise date in the text that agrees with it
    (``jaarverslag-2018`` + "10 december 2018") refines it. Otherwise the earliest explicit date in the first
    2000 characters of ``text``: ``2021-12-06``, ``06-12-2021``, ``6 december 2021``,
    ``December 6, 2021`` or ``juni 2019`` (Dutch or English month names). A bare year in the text
    is not taken as the document date, and nothing is ever guessed.
    """
    from_name = _date_in_name(Path(filename).stem if filename else "")
    from_text = _date_in_text(text[:_TEXT_WINDOW])
    if from_name and from_text and from_text.startswith(from_name + "-"):
        return from_text  # the text is more precise and agrees with the file name
    return from_name or from_text


def _date_in_name(stem: str) -> str | None:
    for pattern in _NAME_DATES:
        for match in pattern.finditer(stem):
            value = _format(match)
            if value:
                return value
    return None


def _date_in_text(window: str) -> str | None:
    found: list[tuple[int, int, str]] = []
    for rank, pattern in enumerate(_TEXT_DATES):
        for match in pattern.finditer(window):
            value = _format(match)
            if value:
                found.append((match.start(), rank, value))
                break
    return min(found)[2] if found else None


def days_in_text(text: str) -> list[tuple[str, int, int]]:
    """Every day written in ``text`` with its month and year ("27 september 2021", "September 27, 2021",
    "2021-09-27", "27-09-2021"), left to right: ``(YYYY-MM-DD, start, end)`` with the span of the day number."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, int, int]] = []
    for pattern in _TEXT_DATES:
        if "day" not in pattern.groupindex:
            continue
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            value = _format(match)
            if value and len(value) == 10:
                taken.append((match.start(), match.end()))
                found.append((value, match.start("day"), match.end("day")))
    return sorted(found, key=lambda f: f[1])


def normalise_date(value: str | None) -> str | None:
    """A front-matter date as ``YYYY[-MM[-DD]]``: kept if already so, else parsed like text, else None."""
    if not value:
        return None
    value = value.strip()
    if _ISO_DATE.match(value):
        return value
    return detect_date(value, "")


def year_of(date: str | None) -> int | None:
    """The year of a ``YYYY[-MM[-DD]]`` date, or None."""
    if date and re.match(r"^\d{4}(?:-|$)", date):
        return int(date[:4])
    return None


def guess_title(blocks: Iterable[Block], fallback: str) -> str:
    """A title from the text: the first heading, else a short first line, else ``fallback``."""
    for block in blocks:
        if block.heading:
            return block.heading.strip()
        first_line = block.text.strip().split("\n", 1)[0].strip()
        if first_line and len(first_line) <= 120 and not first_line.endswith((".", ",", ";", ":")):
            return first_line
        break
    return fallback


def _as_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        text = value.isoformat()
    elif isinstance(value, list | tuple):
        text = ", ".join(str(v) for v in value if v is not None)
    else:
        text = str(value)
    text = text.strip()
    return text or None


def parse_front_matter(text: str, path: object) -> tuple[dict[str, str | None], str]:
    """Split YAML front matter (from a leading ``---`` line to the next ``---``/``...`` line) off ``text``.

    Returns ``(meta, body)``. Without front matter: ``({}, text)``. Every value becomes a string
    (dates as ISO, numbers as digits) or None when empty; unknown keys are kept. Invalid YAML, or
    YAML that is not ``key: value`` pairs, raises :class:`LoadError` naming ``path``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return {}, text
    raw = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        raise LoadError(path, f"front matter is not valid YAML: {reason}; fix the YAML or remove it") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LoadError(path, "front matter is not valid YAML: expected 'key: value' lines; fix the YAML or remove it")
    return {str(key): _as_str(value) for key, value in data.items()}, body
