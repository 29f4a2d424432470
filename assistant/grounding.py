"""The grounding check: every sentence of a generated answer must be backed by the passage(s) it cites.

A sentence is *supported* when

1. it carries at least one marker ``[n]`` and every marker names a source that was given to the model;
2. every date, number, amount and proper name in it occurs in the cited passage(s) (the passage text,
   its title and heading), allowing format variants: "6 december 2021" = "6-12-2021" = "December 6, 2021";
   "€ 7,7 miljoen" = "7.7 million euro" = "7.700.000 euro"; "twaalf" = 12;
3. its content is close to the cited passage: the share of its content words found in the passage
   (stems, Dutch and English; a word may be the tail of a Dutch compound) is at least ``grounding_lexical_min``,
   or the cosine between its embedding and the best sentence of the passage is at least
   ``grounding_similarity_min`` (both in :mod:`planwijzer.config`, measured by
   :mod:`assistant.grounding_calibration`; the numbers are in the README's *Generated answers* section).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from planwijzer.assistant import patterns
from planwijzer.ingest.sentences import split_sentences
from planwijzer.ingest.tokens import contains_word, content_words, word_stems

from planwijzer.config import GroundingSettings

LEXICAL_MIN: float = GroundingSettings.model_fields["lexical_min"].default
"""Default share of a sentence's content words that must occur in the cited passage (``grounding_lexical_min``)."""
SIMILARITY_MIN: float = GroundingSettings.model_fields["similarity_min"].default
"""Default cosine (e5, passage embeddings) to the cited passage's closest sentence that also counts as close."""

MARKER = re.compile(r"\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]")
_MARKER_AFTER_STOP = re.compile(r"([.!?])\s*((?:\[\d{1,2}(?:\s*[,;]\s*\d{1,2})*\]\s*)+)")

MONTH_NUMBERS = {
    **dict.fromkeys(["januari", "january", "jan"], 1),
    **dict.fromkeys(["februari", "february", "feb"], 2),
    **dict.fromkeys(["maart", "march", "mrt", "mar"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mei", "may"], 5),
    **dict.fromkeys(["juni", "june", "jun"], 6),
    **dict.fromkeys(["juli", "july", "jul"], 7),
    **dict.fromkeys(["augustus", "august", "aug"], 8),
    **dict.fromkeys(["september", "sep", "sept"], 9),
    **dict.fromkeys(["oktober", "october", "okt", "oct"], 10),
    **dict.fromkeys(["november", "nov"], 11),
    **dict.fromkeys(["december", "dec"], 12),
}
_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_DATE_PATTERNS = [
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?(?:\s+(\d{{4}}))?\b", re.I), ("d", "m", "y")),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), ("m", "d", "y")),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.I), ("m", "y")),
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b"), ("d", "m", "y")),
]
NUMBER_WORDS = {
    w: n
    for n, ws in {
        2: "twee two",
        3: "drie three",
        4: "vier four",
        5: "vijf five",
        6: "zes six",
        7: "zeven seven",
        8: "acht eight",
        9: "negen nine",
        10: "tien ten",
        11: "elf eleven",
        12: "twaalf twelve",
        20: "twintig twenty",
        100: "honderd hundred",
    }.items()
    for w in ws.split()
}
MULTIPLIERS = {
    **dict.fromkeys(["duizend", "thousand", "k"], 1e3),
    **dict.fromkeys(["miljoen", "million", "mln", "mio", "m"], 1e6),
    **dict.fromkeys(["miljard", "billion", "mld", "bn"], 1e9),
}
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s*(duizend|thousand|miljoen|million|mln|mio|"
    r"miljard|billion|mld|bn)\b)?",
    re.I,
)
_NAME_STOP = {
    "de", "het", "een", "in", "op", "dit", "dat", "deze", "die", "er", "en", "of", "ook", "wel", "niet",
    "the", "a", "an", "this", "that", "these", "it", "and", "or", "also", "i", "we", "they", "on", "at",
    "volgens", "according", "bron", "source", "sources", "bronnen", "daarnaast", "however", "echter",
}  # fmt: skip
_FACT_WORDS = {*MONTH_NUMBERS, *NUMBER_WORDS, *MULTIPLIERS, "euro", "eur", "procent", "percent"}
"""Words of dates and amounts: checked as facts, not counted as content words."""
MARK = {"nl": "niet onderbouwd door de bron", "en": "not supported by the source"}


@dataclass
class Source:
    """A numbered passage given to the model."""

    n: int
    text: str
    chunk_id: str = ""
    title: str = ""
    heading: str = ""


@dataclass
class SentenceCheck:
    text: str
    """The sentence as generated (with its markers)."""
    markers: list[int]
    supported: bool
    reasons: list[str] = field(default_factory=list)
    lexical: float = 0.0
    similarity: float | None = None
    quote: dict[int, str] = field(default_factory=dict)
    """Per cited source, its sentence closest to this one (the citation's quote)."""

    def to_json(self) -> dict:
        return {"sentence": self.text, "reasons": self.reasons}


@dataclass
class Grounding:
    sentences: list[SentenceCheck]
    text: str
    """The answer after the check (unsupported sentences removed or marked)."""

    @property
    def checked(self) -> int:
        return len(self.sentences)

    @property
    def supported(self) -> int:
        return sum(s.supported for s in self.sentences)

    def to_json(self) -> dict:
        return {
            "checked": self.checked,
            "supported": self.supported,
            "removed": [s.to_json() for s in self.sentences if not s.supported],
        }


# -- parsing ----------------------------------------------------------------------------------------------------
def markers(text: str) -> list[int]:
    """The source numbers cited in ``text`` (``[1]``, ``[1, 2]``, ``[1][2]``), in order, unique."""
    out: list[int] = []
    for m in MARKER.finditer(text):
        for part in re.split(r"[,;]", m.group(1)):
            n = int(part)
            if n not in out:
                out.append(n)
    return out


def split_answer(text: str) -> list[str]:
    """The sentences of a generated answer, each with its markers (a marker after the full stop joins its sentence)."""
    text = _MARKER_AFTER_STOP.sub(lambda m: " " + m.group(2).strip() + m.group(1) + " ", text.strip())
    out: list[str] = []
    for s in split_sentences(text):
        bare = MARKER.sub("", s).strip(" .")
        if out and not re.search(r"\w", bare):
            out[-1] = f"{out[-1]} {s}"  # a stray marker on its own line belongs to the sentence before
        elif bare:
            out.append(s)
    return out


def parse_number(token: str) -> float | None:
    """``7,7`` → 7.7, ``7.7`` → 7.7, ``12.800`` / ``12,800`` / ``12 800`` → 12800 (three digits after a
    separator are thousands), ``1.234,5`` → 1234.5."""
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        return float(re.sub(r"[.,]", "", token))
    m = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})+)([.,])(\d+)", token)
    if m:
        return float(re.sub(r"[.,]", "", m.group(1)) + "." + m.group(3))
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def dates(text: str) -> tuple[list[tuple[int | None, int, int | None]], str]:
    """The dates in ``text`` as (day or None, month, year or None), and the text with them blanked out."""
    found: list[tuple[int | None, int, int | None]] = []
    for pattern, order in _DATE_PATTERNS:

        def take(m: re.Match, order=order) -> str:
            parts = dict(zip(order, m.groups(), strict=True))
            month = parts["m"]
            month = MONTH_NUMBERS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
            day = int(parts["d"]) if parts.get("d") else None
            year = int(parts["y"]) if parts.get("y") else None
            if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                return m.group(0)
            found.append((day, month, year))
            return " " * len(m.group(0))

        text = pattern.sub(take, text)
    return found, text


def numbers(text: str) -> list[tuple[float, ...]]:
    """Every number in ``text`` with its accepted readings: an amount with a multiplier reads both as written
    and expanded (7,7 miljoen → (7.7, 7700000))."""
    out: list[tuple[float, ...]] = []
    for m in _NUMBER.finditer(text):
        value = parse_number(m.group(1))
        if value is None:
            continue
        readings = (value, value * MULTIPLIERS[m.group(2).lower()]) if m.group(2) else (value,)
        out.append(tuple(round(v, 6) for v in readings))
    return out


def _number_set(text: str) -> set[float]:
    values = {v for readings in numbers(text) for v in readings}
    values |= {float(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS}
    for day, month, year in dates(text)[0]:
        values |= {float(x) for x in (day, month, year) if x is not None}
    return values


def names(sentence: str) -> list[str]:
    """Proper names and acronyms in ``sentence`` (capitalised words that do not start it; month names excluded)."""
    bare = MARKER.sub(" ", sentence)
    out: list[str] = []
    for m in re.finditer(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*", bare):
        word = m.group(0).strip("'’-")
        start = bare[: m.start()].rstrip()
        at_start = not start or start[-1] in ".!?:;(\"'“‘"
        if word.lower() in MONTH_NUMBERS or word.lower() in _NAME_STOP or len(word) < 2:
            continue
        if at_start and not patterns.ACRONYM.fullmatch(word):
            continue
        out.append(word)
    return out


def lexical_overlap(sentence: str, source: str) -> float:
    """Share of the sentence's content words (not numbers) found in ``source``: same stem in either language, or
    a word of four letters or more that is the tail of a compound in the source."""
    words = [w for w in content_words(MARKER.sub(" ", sentence)) if not w[0].isdigit() and w not in _FACT_WORDS]
    if not words:
        return 1.0
    src = frozenset(stem for w in content_words(source) if not w[0].isdigit() for stem in word_stems(w))
    return sum(contains_word(src, word_stems(w)) for w in words) / len(words)


# -- the check --------------------------------------------------------------------------------------------------
def unsupported_facts(sentence: str, source: str) -> list[str]:
    """The dates, numbers and names of ``sentence`` that ``source`` does not contain (in any accepted format)."""
    bare = MARKER.sub(" ", sentence)
    missing: list[str] = []
    src_dates, src_rest = dates(source)
    src_numbers = _number_set(source)
    sent_dates, rest = dates(bare)
    for day, month, year in sent_dates:
        ok = any(
            m == month
            and (day is None or d == day)
            and (year is None or y == year or (y is None and float(year) in src_numbers))
            for d, m, y in src_dates
        )
        if not ok:
            missing.append("-".join(str(x) for x in (year, month, day) if x is not None))
    for readings in numbers(rest):
        if not any(v in src_numbers for v in readings):
            missing.append(f"{readings[0]:g}")
    lowered = source.lower()
    for name in names(sentence):
        token = name.lower()
        if token in lowered:
            continue
        need = max(5, len(token) - 3)
        if len(token) >= 6 and re.search(rf"\b{re.escape(token[:need])}", lowered):
            continue  # an inflected or possessive form ("Universiteitsraad's", "NVAO-advies")
        missing.append(name)
    return missing


def source_text(used: Sequence[Source]) -> str:
    """The text a sentence is checked against: title, heading and passage of each cited source."""
    return "\n".join(f"{s.title}\n{s.heading}\n{s.text}" for s in used)


def is_close(
    lexical: float, similarity: float | None, lexical_min: float = LEXICAL_MIN, similarity_min: float = SIMILARITY_MIN
) -> bool:
    """The closeness rule: enough of the sentence's words occur in the passage, or its embedding is close enough."""
    return lexical >= lexical_min or (similarity is not None and similarity >= similarity_min)


def check_sentence(
    sentence: str,
    sources: dict[int, Source],
    similarity: Callable[[str, list[Source]], tuple[float, dict[int, str]]] | None = None,
    lexical_min: float = LEXICAL_MIN,
    similarity_min: float = SIMILARITY_MIN,
) -> SentenceCheck:
    """Check one generated sentence against the sources it cites (closeness thresholds from the config)."""
    cited = markers(sentence)
    result = SentenceCheck(sentence, cited, False)
    if not cited:
        result.reasons.append("no source marker")
        return result
    unknown = [n for n in cited if n not in sources]
    if unknown:
        result.reasons.append("cites a source that does not exist: " + ", ".join(f"[{n}]" for n in unknown))
        return result
    used = [sources[n] for n in cited]
    text = source_text(used)
    missing = unsupported_facts(sentence, text)
    if missing:
        result.reasons.append("not in the cited source: " + ", ".join(missing))
    result.lexical = lexical_overlap(sentence, text)
    if similarity is not None:
        result.similarity, result.quote = similarity(MARKER.sub(" ", sentence).strip(), used)
    if not is_close(result.lexical, result.similarity, lexical_min, similarity_min):
        sim = "" if result.similarity is None else f", similarity {result.similarity:.2f}"
        result.reasons.append(f"content not close to the cited source (word overlap {result.lexical:.2f}{sim})")
    result.supported = not result.reasons
    return result


def check_answer(
    text: str,
    sources: Sequence[Source],
    similarity: Callable[[str, list[Source]], tuple[float, dict[int, str]]] | None = None,
    policy: str = "remove",
    language: str = "nl",
    lexical_min: float = LEXICAL_MIN,
    similarity_min: float = SIMILARITY_MIN,
) -> Grounding:
    """Check every sentence of a generated answer; ``policy`` ``remove`` drops the unsupported ones, ``mark``
    keeps them followed by a visible note."""
    by_n = {s.n: s for s in sources}
    checks = [check_sentence(s, by_n, similarity, lexical_min, similarity_min) for s in split_answer(text)]
    kept = []
    for c in checks:
        if c.supported:
            kept.append(c.text)
        elif policy == "mark":
            kept.append(f"{c.text} [{MARK.get(language, MARK['en'])}]")
    return Grounding(checks, " ".join(kept))


def index_similarity(index) -> Callable[[str, list[Source]], tuple[float, dict[int, str]]]:
    """A similarity function over the index's stored sentence embeddings: the cosine between the generated
    sentence (embedded as a passage, like the stored sentences) and the closest stored sentence of the cited
    chunks, and that closest sentence per source (used as the citation's quote)."""

    def similarity(sentence: str, used: list[Source]) -> tuple[float, dict[int, str]]:
        vector = index.embedder.embed_documents([sentence])[0]
        stored = index.sentences_of([s.chunk_id for s in used], vector)
        best, quotes = 0.0, {}
        for s in used:
            sents = stored.get(s.chunk_id) or []
            if sents:
                top = max(sents, key=lambda x: x.similarity)
                quotes[s.n] = top.text
                best = max(best, top.similarity)
        return best, quotes

    return similarity
