"""Word tokens for BM25: lower-cased, stopwords removed, stemmed with the Dutch or English Snowball stemmer."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from ingest.language import STOPWORDS

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_STEMMERS = {"nl": snowballstemmer.stemmer("dutch"), "en": snowballstemmer.stemmer("english")}


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens of ``text``."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=200_000)
def _stem(word: str, language: str) -> str:
    return _STEMMERS[language].stemWord(word)


def content_words(text: str) -> list[str]:
    """Words of ``text`` that are not stopwords in Dutch or English."""
    stop = STOPWORDS["nl"] | STOPWORDS["en"]
    return [w for w in words(text) if w not in stop and (len(w) > 1 or w.isdigit())]


def stems(text: str, language: str) -> list[str]:
    """Content words of ``text`` stemmed for ``language`` ('nl' or 'en'); the BM25 document tokens."""
    lang = language if language in _STEMMERS else "nl"
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
