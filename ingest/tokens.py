"""Word tokens for BM25: lower-cased, stopwords removed, stemmed with the Dutch or English Snowball stemmer.

Three kinds of token are added to the words, in documents and queries alike:

* the parts of a hyphenated word ("NPO-geld" also gives "npo" and "geld"), as search engines' word-delimiter
  filters do, so "NPO-geld" finds a passage on "het geld van het NPO";
* every written day, normalised ("27 september 2021", "Monday 27 September 2021" and "2021-09-27" all give
  ``2021-09-27`` in place of the day number), so a date in a question matches the same date in any wording or
  language, and only that date, where "27", "september" and "2021" match any passage that has them anywhere;
* every period of years ("instellingsplan 2015-2020", "2015–2020", "studiejaar 2021/2022" give ``2015-2020``,
  ``2021-2022``), which names plans and academic years, as one token besides its two years.

``TOKENIZER_VERSION`` changes whenever the tokens do; a saved BM25 index of another version is rebuilt.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer
from planwijzer.ingest.language import ALL_STOPWORDS
from planwijzer.ingest.metadata import days_in_text

TOKENIZER_VERSION = 3
_PERIOD = re.compile(r"(?<![\d/-])((?:19|20)\d\d) ?[-–/] ?((?:19|20)\d\d)(?![\d/-])")

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
    return [w for w in words(text) if w not in ALL_STOPWORDS and (len(w) > 1 or w.isdigit())]


def stems(text: str, language: str) -> list[str]:
    """Content words of ``text`` stemmed for ``language`` ('nl' or 'en'); the BM25 document tokens."""
    lang = language if language in _LANGUAGES else "nl"
    text, days = _dated(text)
    return [_stem(w, lang) for w in _with_parts(content_words(text))] + days


def _with_parts(words: list[str]) -> list[str]:
    """``words`` followed by the parts of the hyphenated ones (stopword parts left out)."""
    return words + [p for w in words if "-" in w for p in w.split("-") if len(p) > 1 and p not in ALL_STOPWORDS]


def _dated(text: str) -> tuple[str, list[str]]:
    """``text`` with the day number of each written day taken out, and the date and period tokens, kept apart.

    "27 september 2021" gives the words "september" and "2021" and the token ``2021-09-27``, not "27": on its own
    a day number matches any "27" (27 proposals, page 27); and the passage's length, which BM25 weighs, stays the
    same. "2015-2020" gives "2015", "2020" and ``2015-2020``.
    """
    days = days_in_text(text)
    periods = [f"{a}-{b}" for a, b in _PERIOD.findall(text) if 0 < int(b) - int(a) <= 12]
    if not days:
        return text, periods
    pieces, last = [], 0
    for _value, start, end in days:
        pieces += [text[last:start], " "]
        last = end
    return "".join([*pieces, text[last:]]), [value for value, _, _ in days] + periods


def query_stems(text: str) -> list[str]:
    """Query tokens: each content word stemmed both ways, so a query matches Dutch and English passages."""
    out: list[str] = []
    text, days = _dated(text)
    for w in _with_parts(content_words(text)):
        for lang in ("nl", "en"):
            s = _stem(w, lang)
            if s not in out:
                out.append(s)
    return out + [t for t in dict.fromkeys(days) if t not in out]


def word_stems(word: str) -> frozenset[str]:
    """A word's Dutch and English stems (a question word matches a passage in either language)."""
    return frozenset({_stem(word, "nl"), _stem(word, "en")})


def text_stems(text: str) -> frozenset[str]:
    """Both stems of every content word of ``text``."""
    out: set[str] = set()
    for w in content_words(text):
        out |= word_stems(w)
    return frozenset(out)


def contains_word(stems: frozenset[str], word: frozenset[str], compounds: bool = True) -> bool:
    """A word (its :func:`word_stems`) occurs among ``stems``: same stem, or (``compounds``: in Dutch text) as the tail
    of a compound ("fonds" in "werkdrukverlichtingsfonds", "plan" in "bestedingsplan")."""
    if stems & word:
        return True
    if not compounds:
        return False
    tails = [w for w in word if len(w) >= 4]
    return any(s.endswith(t) for s in stems for t in tails)
