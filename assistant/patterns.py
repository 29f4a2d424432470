"""Regular expressions for the kinds of facts questions ask for: dates, amounts, times, names."""

from __future__ import annotations

import re

from planwijzer.ingest.metadata import MONTH_NUMBERS

MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?(?:,?\s+\d{{4}})?|"
    rf"(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|(?:{MONTHS})\s+\d{{4}}"
    r"|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?\b")
AMOUNT = re.compile(
    r"(?:€|eur\b|euro\b|\$)\s*\d|\b\d+(?:[.,]\d+)*\s*(?:%|procent|percent|miljoen|miljard|million|billion|"
    r"duizend|thousand|euro|fte|keer|times)|\b\d+[.,]\d+\b",
    re.IGNORECASE,
)
COUNT = re.compile(
    r"\b(?:(?:eenen|tweeën|drieën|vieren|vijfen|zesen|zevenen|achten|negenen)?(?:twin|der|veer|vijf|zes|zeven|tach|negen)tig|"
    r"(?:der|veer|vijf|zes|zeven|acht|negen)tien|(?:twee|drie|vier|vijf|zes|zeven|acht|negen)?(?:honderd|duizend)|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|eleven|elf|"
    r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|tientallen|honderden|duizenden|two|"
    r"three|four|five|six|seven|eight|nine|twelve|hundred|thousand|dozens|hundreds|thousands|"
    r"ten(?!\s+(?:minste|behoeve|opzichte|aanzien|slotte|gevolge|gunste|laste|tijde|dele|koste|onrechte|overstaan|"
    r"grondslag|name|eerste|tweede|derde|laatste|hoogste|volle)\b))\b",
    re.IGNORECASE,
)
"""Count words ("vier thema's", "ten students", "bijna vijfhonderd leden", "fifteen members"); not the Dutch "ten" of
"ten minste", "ten behoeve van", ….)"""
_BARE_NUMBER = re.compile(r"\b\d+\b")
LABELLED_NUMBER = re.compile(
    r"\b(?:thema|hoofdstuk|paragraaf|artikel|bijlage|fase|stap|onderdeel|punt|agendapunt|pagina|blz|nummer|nr|"
    r"theme|chapter|section|article|annex|appendix|phase|step|item|page|number|no)\.?\s+\d+(?:[.,]\d+)*"
    r"(?:\s*(?:,|en|and|of|or|t/m|-|–)\s*\d+(?:[.,]\d+)*)*\b|\(\d{1,2}\)",
    re.IGNORECASE,
)
"""A number that names a part (thema 1, hoofdstuk 3.2, article 9 and 10) or numbers a list item ("(1)"), not a
quantity."""
_BULLET = re.compile(r"(?:^|\s)[-•■·*–]\s?\w")
TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:uur|u\b|h\b|am|pm)?|\b\d{1,2}\s*uur\b", re.IGNORECASE)
PROPER_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:van|de|der|den|of|the|voor|en|and)?\s*[A-Z][\w'’-]+)*")
ACRONYM = re.compile(r"\b[A-Z]{2,}[a-z]?\b")


def has_date(text: str) -> bool:
    return bool(DATE.search(text))


def has_day(text: str) -> bool:
    """A date with its day ("3 mei 2022", "June 4th, 2020", "2022-05-03"), not a month and year alone."""
    return any(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", m.group(0)) for m in DATE.finditer(text))


def has_year(text: str) -> bool:
    return bool(YEAR.search(text))


def has_amount(text: str) -> bool:
    """Money, a percentage, a quantity, a count word, or a plain number that is not a year, part of a date or the
    number of a part ("thema 1", "hoofdstuk 3.2")."""
    text = LABELLED_NUMBER.sub(" ", text)
    if AMOUNT.search(text) or COUNT.search(text) or MONEY.search(text):
        return True
    undated = DATE.sub(" ", text)
    return any(not YEAR.fullmatch(m.group(0)) for m in _BARE_NUMBER.finditer(undated))


_DUTCH_NUMBERS = ("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")
_ENGLISH_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
"""The number words two to ten, in each language (a list's announced size, a sum written in words)."""
NUMBER_WORDS = {w: n for words in (_DUTCH_NUMBERS, _ENGLISH_NUMBERS) for n, w in enumerate(words, start=2)}


MONEY = re.compile(
    r"(?:€|eur\b|euro\b|\$)\s*\d|\b\d+(?:[.,]\d+)*\s*(?:miljoen|miljard|million|billion|mln|mld|duizend|thousand)?"
    r"\s*(?:euro|eur|dollar)\b|\b\d+(?:[.,]\d+)*\s*(?:miljoen|miljard|million|billion|mln|mld)\b|"
    rf"\b(?:een|één|anderhalf|anderhalve|halve|a|one|half\s+a|{'|'.join(_DUTCH_NUMBERS + _ENGLISH_NUMBERS)})\s+"
    r"(?:miljoen|miljard|million|billion)\b|"
    rf"\b(?:een|één|anderhalve|halve|{'|'.join(_DUTCH_NUMBERS)})\s+ton\b",
    re.IGNORECASE,
)
"""Money: a sum in figures with a currency or a scale ("€ 7,7 miljoen", "244 miljoen euro", "2.3 billion"), or in
words ("een miljard", "half a billion", and the Dutch "anderhalve ton", a ton being a hundred thousand euros)."""
MONEY_QUESTION = re.compile(
    r"\b(geld|bedrag|totaalbedrag|euro|budget|begroting|bekostiging|financiering|kost|kosten|kostte|kostten|prijs|"
    r"money|funding|funds|amount|cost|costs|price)\b|\b\w{3,}(?:geld|gelden|middelen|budget|bedrag)\b",
    re.I,
)
"""Words that ask for money, also as the tail of a compound ("kwaliteitsgeld", "studievoorschotmiddelen")."""


MONEY_VERB = re.compile(r"\b(spend|spent|spends|besteden|besteedt|besteedde|besteed|uitgeven|uitgegeven)\b", re.I)
"""Verbs of spending: "how much did the faculty spend" asks for money when nothing is counted after "how much"."""


_PERIOD = r"(?:years?|months?|weeks?|days?|jaar|jaren|maand|maanden|weken|week|dag|dagen)"
FREQUENCY = re.compile(
    rf"\b(?:every|each|elke|ieder|iedere|om\s+de)\s+(?:[\w-]+\s+)?{_PERIOD}\b|"
    r"\b(?:annual|annually|yearly|monthly|weekly|daily|bi-?weekly|fortnightly|bi-?annual|biannual|bi-?monthly|"
    r"\w*jaarlijks|\w*jaarlijkse|\w*maandelijks|\w*maandelijkse|\w*wekelijks|\w*wekelijkse|dagelijks|dagelijkse)\b|"
    rf"\b(?:once|twice|\w+\s+times|\w+\s+keer|eens)\s+(?:a|an|per|in\s+de|in\s+het)\s+{_PERIOD}\b",
    re.IGNORECASE,
)
"""How often: "every six years", "om de twee jaar", "jaarlijks", "bi-weekly", "twice a year", "twee keer per jaar"."""


def has_frequency(text: str) -> bool:
    """``text`` says how often something happens (:data:`FREQUENCY`)."""
    return bool(FREQUENCY.search(text))


def has_money(text: str) -> bool:
    """An amount of money (€ 7,7 miljoen, 244 miljoen euro, 2.3 billion)."""
    return bool(MONEY.search(text))


_ITEM_SPLIT = re.compile(r"[,;•■▪]|\s[-–]\s?(?=\w)")


def asked_count(text: str) -> int | None:
    """The number of things a question asks for ("welke zes thema's" → 6), if it says."""
    for word in re.findall(r"\w+", text.lower()):
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word]
    return None


def enumeration_size(text: str) -> int:
    """Roughly how many items an enumeration lists (the part after the last colon, if any)."""
    tail = text.rsplit(":", 1)[-1]
    parts = [p for p in _ITEM_SPLIT.split(tail) if p and p.strip(" .")]
    joined_last = len(parts) > 1 and re.search(r"\s(?:en|and)\s", parts[-1]) is not None
    return len(parts) + int(joined_last)


def count_words(text: str) -> set[str]:
    """Count words (twee, six, …) in ``text``, lower-cased."""
    return {m.group(0).lower() for m in COUNT.finditer(text)}


LIST_ITEM_WORDS = 5
"""A comma-separated part longer than this many words is a clause, not a list item."""


def has_enumeration(text: str) -> bool:
    """A list: items after a colon, bullet items, or three or more comma-separated parts whose inner parts are
    short (items, not the clauses of a long sentence: "…studenten, dat sterk beïnvloed is door de crisis, en…")."""
    head, colon, tail = text.partition(":")
    if colon and ("," in tail or ";" in tail or " en " in tail or " and " in tail):
        return True
    if len(_BULLET.findall(text)) >= 2:
        return True
    inner = text.split(",")[1:-1]
    return bool(inner) and all(len(part.split()) <= LIST_ITEM_WORDS for part in inner)


def has_time(text: str) -> bool:
    return bool(TIME.search(text))


def has_name(text: str) -> bool:
    """A capitalised word that does not start the sentence, or an acronym."""
    body = text.split(" ", 1)[1] if " " in text else ""
    return bool(PROPER_NAME.search(body) or ACRONYM.search(text))


TO_A_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?"
    r"(?:previous|prior|above|earlier|preceding|former|other)\s+(?:instructions?|prompts?|directions|context)"
    r"|\b(?:negeer|vergeet|negeren)\s+(?:al\s+)?(?:alle\s+)?(?:de\s+|je\s+|jouw\s+)?"
    r"(?:vorige|eerdere|voorgaande|bovenstaande|andere)\s+(?:instructies|opdrachten|prompts?)"
    r"|\b(?:system|systeem)[- ]?prompt\b|(?:^|(?<=[.!?\n]))\W*(?:system|systeem|assistant|assistent)\s*:"
    r"|\b(?:you\s+are\s+now|from\s+now\s+on\s+you|je\s+bent\s+nu|jij\s+bent\s+nu|vanaf\s+nu\s+ben\s+je)\b"
    r"|\b(?:developer|jailbreak|dan)\s+mode\b|\bontwikkelaarsmodus\b"
    r"|</?\s*(?:context|system|instructions?|sources?|bronnen)\s*>"
    r"|\b(?:answer|reply\s+to|respond\s+to)\s+every\s+question\b|\bantwoord\s+op\s+(?:elke|iedere)\s+vraag\b",
    re.IGNORECASE,
)


def addresses_a_model(sentence: str) -> bool:
    """True for a sentence written to steer an AI assistant ("Ignore previous instructions…", "Negeer alle
    vorige instructies…", "System prompt: …", "You are now…"): an instruction planted in a document, never a
    statement about the document's subject, so it is never quoted as an answer."""
    return bool(TO_A_MODEL.search(sentence))


MONTH_NAMES = frozenset(name for name in MONTH_NUMBERS if len(name) > 3 or name == "mei")
"""Full Dutch and English month names (abbreviations like "mar" or "dec" are too often other words in a question)."""
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(MONTH_NAMES)) + r")\b", re.IGNORECASE)
_MAY = re.compile(r"\b\d{1,2}(?:st|th)?\s+may\b|\bmay\s+\d{1,2}\b|\bmay\s+(?:19|20)\d\d\b", re.IGNORECASE)
_NUMERIC_MONTH = re.compile(r"\b(?:19|20)\d\d-(\d\d)(?:-\d\d)?\b|\b\d{1,2}-(\d{1,2})-(?:19|20)\d\d\b")


def months_in(text: str) -> set[int]:
    """The months ``text`` names (1-12), in Dutch or English, by name or in a numeric date; English "May" only
    next to a day or a year, since "may" is also a verb."""
    found = {MONTH_NUMBERS[m.group(1).lower()] for m in _MONTH_WORD.finditer(text)}
    if _MAY.search(text):
        found.add(5)
    for m in _NUMERIC_MONTH.finditer(text):
        value = int(m.group(1) or m.group(2))
        if 1 <= value <= 12:
            found.add(value)
    return found
