"""Understanding a question: its language, what kind of answer it wants, and its key terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwijzer.assistant import answer_weights
from planwijzer.assistant.lexicon import (
    DAY_QUESTION,
    FINITE,
    FRONTED_WHEN,
    KIND_CUES,
    SUBORDINATE_CUE,
    YEAR_QUESTION,
    YES_NO,
    is_relative,
    words_of,
)
from planwijzer.assistant.patterns import MONEY_QUESTION, MONEY_VERB, MONTH_NAMES, count_words, months_in
from planwijzer.ingest.language import detect_language

_YEAR_OR_DECIMAL = re.compile(r"\b(?:19|20)\d{2}\b|\b\d+[.,]\d+\b")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}s?\b")
_CAPITALISED = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-zà-ÿ]{3,}(?:-[A-Za-zà-ÿ]+)*\b")


@dataclass(frozen=True)
class Constraint:
    """Something the question pins down that any answer's passage must mention.

    ``kind`` is ``number`` (a year or decimal; must be present), ``month`` (a month the question pins, as its
    number; must be present in any language), ``acronym`` or ``name`` (a capitalised word inside the question;
    may be paraphrased, and names are only checked against passages in the question's language since they may
    be translated).
    """

    kind: str
    token: str


MAX_QUESTION_CHARS = 500
"""Questions are cut to this many characters before they are parsed, embedded and searched. Real questions are
far shorter (the development questions: 151 at most), and the query embedding grows with the text: on a loaded
2-core machine a 10,000-character question took 7 s to embed, a 63-character one 0.09 s."""


def has_words(text: str) -> bool:
    """False for a question with no letter or digit (empty, blank, only punctuation): nothing to search for."""
    return any(ch.isalnum() for ch in text)


def cap_question(text: str, limit: int = MAX_QUESTION_CHARS) -> tuple[str, bool]:
    """``text`` stripped and, when longer than ``limit``, cut at a word boundary; and whether it was cut."""
    text = text.strip()
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return (cut[:space] if space > limit * 0.8 else cut).rstrip(), True


def as_question(text: str) -> str:
    """``text`` ending in a question mark when it ends in no sentence mark: a question typed without one is read
    (embedded, parsed, answered) as the same question with it."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!:;…" else text + "?"


@dataclass(frozen=True)
class Question:
    """A parsed question."""

    text: str
    language: str
    kind: str
    """``date``, ``time``, ``amount``, ``money``, ``who``, ``where``, ``why``, ``yes_no`` or ``what``."""
    constraints: tuple[Constraint, ...] = ()
    truncated: bool = False
    """The asked text was longer than :data:`MAX_QUESTION_CHARS` and only its start is used."""
    day: bool = False
    """It asks for a day ("op welke datum", "on which date"): a year alone does not answer it."""
    year: bool = False
    """It asks for a year ("in welk jaar", "in which year"): a year alone answers it as well as a date."""


def question_constraints(text: str) -> tuple[Constraint, ...]:
    """Years, decimals, acronyms and capitalised names in ``text`` (not its first word)."""
    found: list[Constraint] = []
    for m in _YEAR_OR_DECIMAL.finditer(text):
        found.append(Constraint("number", m.group(0)))
    for month in sorted(months_in(text)):
        found.append(Constraint("month", str(month)))
    for m in _ACRONYM.finditer(text):
        found.append(Constraint("acronym", m.group(0).rstrip("s") if len(m.group(0)) > 2 else m.group(0)))
    for m in _CAPITALISED.finditer(text.strip()):
        if m.group(0).lower() not in MONTH_NAMES:
            found.append(Constraint("name", m.group(0).lower()))
    unique: list[Constraint] = []
    for c in found:
        if c not in unique:
            unique.append(c)
    return tuple(unique)


def wants_day(text: str) -> bool:
    """True when the question asks for a day ("op welke datum", "on which date"), not just a year or period."""
    return bool(DAY_QUESTION.search(text))


_PLURAL_AFTER_WHICH = re.compile(r"\b(?:welke|which|what)\s+(?:\w+\s+)?\w{3,}(?:en|s|['’]s)\b", re.I)


def wants_list(text: str) -> bool:
    """True for questions that ask for several things ("welke zes thema's", "voor welke besluiten"); not for "what
    does …" or "what was …", whose verb only looks plural."""
    plural = (m for m in _PLURAL_AFTER_WHICH.finditer(text) if words_of(m.group(0))[1].lower() not in FINITE)
    return bool(count_words(text)) or next(plural, None) is not None


_PART_BOUNDARY = re.compile(
    r",?\s+(?:en|and)\s+(?=(?:wanneer|welk|welke|wie|waar|waarom|hoe|hoeveel|wat|when|which|who|where|why|how|what)\b)",
    re.I,
)


def question_parts(text: str) -> list[str]:
    """A compound question split into its sub-questions ("Wanneer …, en wie …?" → two parts)."""
    parts = [p.strip(" ,") for p in _PART_BOUNDARY.split(text) if p.strip(" ,")]
    return parts if len(parts) > 1 else [text]


def _asks_money(text: str, cue: re.Match) -> bool:
    """An amount question asks for money when the cue names it ("welk bedrag", "what does it cost") or the words it
    counts, up to its verb, are money ("hoeveel geld", "how much study advance funding"); when it counts something
    else ("over hoeveel jaar wordt de begroting verdeeld", "how many students …") it does not, whatever money word the
    question holds elsewhere; with no counted noun ("hoeveel kreeg Leiden …", "how much did the faculty spend") any
    money word or verb of spending in the question decides."""
    if MONEY_QUESTION.search(cue.group(0)):
        return True
    after = words_of(text[cue.end() :])
    counted = after[: next((i for i, w in enumerate(after[:4]) if w in FINITE), 4)]  # the noun phrase it counts
    if counted:
        return bool(MONEY_QUESTION.search(" ".join(counted)))
    return bool(MONEY_QUESTION.search(text) or MONEY_VERB.search(text))


def _subordinate(text: str, cue: re.Match) -> bool:
    """``cue`` opens a subordinate clause: a "when" with its own subject (:data:`SUBORDINATE_CUE`) or a relative "who"
    after a noun (:func:`is_relative`), not a question word."""
    if answer_weights.FRONTED_CLAUSE and FRONTED_WHEN.match(text, cue.start()):
        return True  # "When the minister proposed …, what …?": the question after the comma asks
    return SUBORDINATE_CUE.match(text, cue.start()) is not None or is_relative(text, cue.start())


def question_kind(text: str) -> str:
    """The kind of answer ``text`` asks for: the cue that comes first in it ("Which rector spoke when ESN won the
    award?" asks who; a tie goes to the earlier kind of :data:`KIND_CUES`)."""
    stripped = text.strip()
    found = []
    for order, (kind, pattern) in enumerate(KIND_CUES):
        cue = next((m for m in pattern.finditer(stripped) if not _subordinate(stripped, m)), None)
        if cue:
            found.append((cue.start(), order, kind, cue))
    if found:
        _, _, kind, cue = min(found, key=lambda f: (f[0], f[1]))
        return "money" if kind == "amount" and _asks_money(stripped, cue) else kind
    if YES_NO.match(stripped):
        return "yes_no"
    return "what"


def parse_question(text: str) -> Question:
    """Language and kind of ``text`` (cut to :data:`MAX_QUESTION_CHARS` first, see :func:`cap_question`)."""
    text, truncated = cap_question(text)
    return Question(
        text=text,
        language=detect_language(text),
        kind=question_kind(text),
        constraints=question_constraints(text),
        truncated=truncated,
        day=wants_day(text),
        year=YEAR_QUESTION.search(text) is not None,
    )
