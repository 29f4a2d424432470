"""Word tokens for BM25: lower-cased, stopwords removed, stemmed with the Dutch or English Snowball stemmer."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer

from ingest.language import STOPWORDS

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_LANGUAGES = {"nl": "dutch", "en": "english"}
_local = threading.local()


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens of ``text``."""
    return [w.lower() for w in _WORD.findall(text)]


def _stemmer(language: str):
    """This thread's Snowball stemmer for ``language``: a stemmer object keeps state while it stems, so threads
    sharing one get wrong stems or errors (seen under ``planwijzer bench --load``)."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {code: snowballstemmer.stemmer(name) for code, name in _LANGUAGES.items()}
    return stemmers[language]


@lru_cache(maxsize=200_000)
def _stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def content_words(text: str) -> list[str]:
    """Words of ``text`` that are not stopwords in Dutch or English."""
    stop = STOPWORDS["nl"] | STOPWORDS["en"]
    return [w for w in words(text) if w not in stop and (len(w) > 1 or w.isdigit())]


def stems(text: str, language: str) -> list[str]:
    """Content words of ``text`` stemmed for ``language`` ('nl' or 'en'); the BM25 document tokens."""
    lang = language if language in _LANGUAGES else "nl"
    return [_stem(w, lang) for w in content_words(text)]


def query_stems(text: str) -> list[str]:
    """Query tokens: each content word stemmed both ways, so a query matches Dutch and English passages."""
    out: list[str] = []
    for w in content_words(text):
        for lang in ("nl", "en"):
            s = _stem(w, lang)
            if s not in out:
                out.append(s)
    return out


def word_stems(word: str) -> frozenset[str]:
    """A word's Dutch and English stems (a question word matches a passage in either language)."""
    return frozenset({_stem(word, "nl"), _stem(word, "en")})


def text_stems(text: str) -> frozenset[str]:
    """Both stems of every content word of ``text``."""
    out: set[str] = set()
    for w in content_words(text):
        out |= word_stems(w)
    return frozenset(out)


def contains_word(stems: frozenset[str], word: frozenset[str]) -> bool:
    """A word (its :func:`word_stems`) occurs among ``stems``: same stem, or as the tail of a Dutch compound
    ("fonds" in "werkdrukverlichtingsfonds", "plan" in "bestedingsplan")."""
    if stems & word:
        return True
    tails = [w for w in word if len(w) >= 4]
    return any(s.endswith(t) for s in stems for t in tails)
