"""Regular expressions for the kinds of facts questions ask for: dates, amounts, times, names."""

from __future__ import annotations

import re

MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{MONTHS})\.?(?:\s+\d{{4}})?|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|(?:{MONTHS})\s+\d{{4}}"
    r"|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?\b")
AMOUNT = re.compile(
    r"(?:€|eur\b|euro\b|\$)\s*\d|\b\d+(?:[.,]\d+)*\s*(?:%|procent|percent|miljoen|miljard|million|billion|"
    r"duizend|thousand|euro|fte|keer|times)\b|\b\d+(?:[.,]\d+)?\b",
    re.IGNORECASE,
)
TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:uur|u\b|h\b|am|pm)?|\b\d{1,2}\s*uur\b", re.IGNORECASE)
PROPER_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:van|de|der|den|of|the|voor|en|and)?\s*[A-Z][\w'’-]+)*")
ACRONYM = re.compile(r"\b[A-Z]{2,}[a-z]?\b")


def has_date(text: str) -> bool:
    return bool(DATE.search(text))


def has_year(text: str) -> bool:
    return bool(YEAR.search(text))


def has_amount(text: str) -> bool:
    return bool(AMOUNT.search(text))


def has_time(text: str) -> bool:
    return bool(TIME.search(text))


def has_name(text: str) -> bool:
    """A capitalised word that does not start the sentence, or an acronym."""
    body = text.split(" ", 1)[1] if " " in text else ""
    return bool(PROPER_NAME.search(body) or ACRONYM.search(text))
