"""Sentence splitting shared by ingest (sentence embeddings) and the answerer (quotes), and the one way a long
text is cut short for display (:func:`shorten`).

Line breaks end a sentence (headings, list items); a sentence ending in ':' keeps the short list
items that follow it, so "…instemming nodig bij: • a • b • c" stays one quotable unit.
Common Dutch and English abbreviations (ca., o.a., bijv., e.g., Prof.dr.) and initials (A. Bakker) do not end a
sentence.
"""

from __future__ import annotations

import re

ABBREVIATIONS = tuple(
    "ca o.a bijv bv vgl dr drs prof mr ir ing dhr mevr mw nr blz e.g i.e vs etc resp zgn jl st p pp incl excl "
    "d.w.z m.b.t t.a.v i.p.v n.a.v a.s mrs ms jr sr no fig".split()
)
"""Dutch and English abbreviations whose period does not end a sentence ("Prof.dr. Jansen", "o.a. de raad")."""
_ABBREV = (
    "".join(
        rf"(?<!\b{re.escape(variant)}\.)"
        for abbreviation in ABBREVIATIONS
        for variant in dict.fromkeys((abbreviation, abbreviation.capitalize(), abbreviation.upper()))
    )
    + r"(?<!\b[A-Z]\.)"  # an initial: "A. Bakker"
)
_BOUNDARY = re.compile(_ABBREV + r"(?<=[.!?])[\"'’”)\]]?\s+(?=[\"'‘“(\[]?[A-ZÀ-Ý])")
MAX_LIST_UNIT = 450
MAX_LIST_ITEM = 200
BULLETS = "-•■·*–▪◦"


def _line_sentences(line: str) -> list[str]:
    return [s.strip() for s in _BOUNDARY.split(line) if s and s.strip()]


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` in order, each stripped; list items stay with their introducing sentence."""
    units: list[str] = []
    for line in text.splitlines():
        units.extend(_line_sentences(line))
    merged: list[str] = []
    in_list = False
    for unit in units:
        prev = merged[-1] if merged else None
        continues = prev is not None and (prev.endswith((":", ";", ",")) or (in_list and unit[:1] in BULLETS))
        if continues and len(unit) <= MAX_LIST_ITEM and len(prev) + len(unit) + 1 <= MAX_LIST_UNIT:
            merged[-1] = f"{prev} {unit}"
            in_list = True
        else:
            merged.append(unit)
            in_list = False
    return [m for m in merged if len(m) > 2]


def shorten(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` when it has at most ``limit`` characters, else its words that fit before ``limit`` followed by
    ``ellipsis`` (related passages in answers use ``…``; the web app's document snippets `` …``)."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + ellipsis
