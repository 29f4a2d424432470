"""Near-duplicate text: the same passage from two versions or copies of one page.

Two texts are near-duplicates when, after normalisation (lower case, letters and digits only), most of the
word 3-grams of the shorter one occur in the longer one (containment). Containment rather than Jaccard, so a
passage and the same passage with a line added (a newer version of the page, a copy with its navigation) count
as one. Used by retrieval (one citation per passage), the answerer (one fact stated once) and ``planwijzer eval``
(the duplicate-citation rate).
"""

from __future__ import annotations

import re

NEAR_DUPLICATE = 0.8
"""Share of the shorter text's word 3-grams that must occur in the longer one."""
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalise(text: str) -> str:
    """``text`` lower-cased, with every run of non-word characters made one space."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def shingles(text: str, n: int = 3) -> frozenset[tuple[str, ...]]:
    """The word ``n``-grams of the normalised ``text`` (the whole text as one gram when it is shorter)."""
    words = normalise(text).split()
    if len(words) < n:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def signature(text: str) -> tuple[str, frozenset[tuple[str, ...]]]:
    """What :func:`near_duplicate` compares: the normalised text and its 3-grams (compute once per text when
    comparing one text with many)."""
    return normalise(text), shingles(text)


def same_signature(a: tuple[str, frozenset], b: tuple[str, frozenset], threshold: float = NEAR_DUPLICATE) -> bool:
    """:func:`near_duplicate` on two :func:`signature` values."""
    if a[0] == b[0]:
        return True
    small, large = sorted((a[1], b[1]), key=len)
    return bool(small) and len(small & large) / len(small) >= threshold


def containment(a: str, b: str) -> float:
    """Share of the shorter text's 3-grams found in the other text (0 when either is empty)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & large) / len(small)


def near_duplicate(a: str, b: str, threshold: float = NEAR_DUPLICATE) -> bool:
    """True when ``a`` and ``b`` say the same thing in (nearly) the same words."""
    return same_signature(signature(a), signature(b), threshold)
