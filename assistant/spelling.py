"""A mistyped word of a question, corrected from the index's own vocabulary.

BM25 and word coverage match words, so one swapped letter ("kwaliteitsafpsraken") loses the question's most telling
word. A word of at least ``MIN_LETTERS`` letters that the index does not know (no chunk contains it or a word with its
stem, and it is no function word) is replaced by the word one edit away
(a letter left out, added, changed, or two swapped: Damerau-Levenshtein distance 1) that most chunks contain, when
one is there; otherwise it is left as typed. Nothing outside the index is consulted: the vocabulary is the index's
words, so a correction can only lead to a word the documents use.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MIN_LETTERS = 6
"""Shorter words have too many neighbours one edit away to guess which was meant."""
MIN_CHUNKS = 2
"""A correction must occur in at least this many chunks (a word seen once may itself be a typo)."""

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _edits(word: str, letters: str) -> set[str]:
    """Every string one edit away from ``word`` (deletion, transposition, substitution, insertion)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | swaps | changes | inserts) - {word}


def correct(
    text: str, counts: dict[str, int], letters: str, known: Callable[[str], bool]
) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with its unknown words (``known`` says no) corrected from ``counts`` (word → chunks it occurs in),
    and the ``(typed, corrected)`` pairs; ``letters`` are the letters the vocabulary is written with."""
    changes: list[tuple[str, str]] = []

    def fix(m: re.Match) -> str:
        typed = m.group(0)
        word = typed.lower()
        if len(word) < MIN_LETTERS or word in counts or known(word):
            return typed
        found = [(counts[w], w) for w in _edits(word, letters) if counts.get(w, 0) >= MIN_CHUNKS]
        if not found:
            return typed
        best = max(found)[1]
        fixed = best.upper() if typed.isupper() else (best.capitalize() if typed[0].isupper() else best)
        changes.append((typed, fixed))
        return fixed

    return _WORD.sub(fix, text), changes


def vocabulary(word_counts: dict[str, tuple[int, ...]]) -> tuple[dict[str, int], str]:
    """The chunk count of each word of the index (summed over languages) and the letters the words are written with."""
    counts = {w: sum(c) for w, c in word_counts.items()}
    letters = "".join(sorted({ch for w in counts for ch in w}))
    return counts, letters


def as_json(corrected: list[tuple[str, str]]) -> list[dict[str, str]]:
    """``(typed, searched)`` pairs as the JSON of ``search`` gives them (CLI, web API, MCP)."""
    return [{"typed": typed, "searched": searched} for typed, searched in corrected]
