"""The index's vocabulary as word vectors: every word of the chunks embedded on its own by the multilingual second
lane (USE), so that a question word can be matched with its translation in the other language ("turnout" with
"opkomst", "lecturers" with "docenten") without a dictionary or a translation model.

A multilingual sentence encoder trained on translation pairs places a word and its translation close together:
on Dutch/English word pairs USE's nearest neighbour is the translation for about four in five words, with a wide
margin where it is right. The vectors are a local cache beside the BM25 side (``words-use.npz``): computed once per
word, kept across ingests, and filled in for new words when the index changes.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from planwijzer.ingest.language import ALL_STOPWORDS
from planwijzer.ingest.lexical import LexicalIndex

CACHE_FILE = "words-use.npz"
LANGUAGES = ("nl", "en")
MAX_WORDS = 20_000
"""The vocabulary's size at most: the words in the most chunks (a corpus of a few hundred documents has about 5,000;
the cap bounds memory, about 40 MB of vectors, and query time on a large index, where the words it leaves out occur
once: mostly names and misspellings)."""
LANGUAGE_SHARE = 0.5
"""A word belongs to a language when at least this share of the chunks it occurs in are in that language."""
STALE_SHARE = 1.5
"""The cache is rewritten with the vocabulary's words alone when it holds more than this many times as many (words
of documents removed or changed since)."""
EMBED_BATCH = 1000
"""Words embedded per call (bounds the encoder's working memory)."""
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass
class WordTable:
    """The vocabulary: ``words`` with, per word, in how many chunks of each language of :data:`LANGUAGES` it occurs
    (``counts``, one row each), and per language the words that belong to it with their unit vectors
    (``by_language``: language → (words, matrix with one row each))."""

    words: list[str]
    counts: np.ndarray
    by_language: dict[str, tuple[list[str], np.ndarray]]

    def __len__(self) -> int:
        return len(self.words)

    @cached_property
    def rows(self) -> dict[str, int]:
        """Each word's row in :attr:`words` and :attr:`counts`."""
        return {w: i for i, w in enumerate(self.words)}

    def within(self, counts: dict[str, tuple[int, ...]]) -> WordTable:
        """This table cut down to the words of ``counts`` (the :func:`word_counts` of a reader's view), with their
        counts there: a reader's translations and spelling corrections only ever lead to words they may read."""
        keep = [i for i, w in enumerate(self.words) if w in counts]
        words = [self.words[i] for i in keep]
        table = np.array([counts[w] for w in words], dtype=np.int32).reshape(-1, len(LANGUAGES))
        by_language = {}
        for lang, (lang_words, matrix) in self.by_language.items():
            rows = [i for i, w in enumerate(lang_words) if w in counts]
            by_language[lang] = ([lang_words[i] for i in rows], matrix[rows])
        return WordTable(words, table, by_language)

    def chunks_in(self, word: str, language: str) -> int:
        """In how many chunks of ``language`` ``word`` occurs (0 when it is not in the vocabulary)."""
        row = self.rows.get(word)
        return 0 if row is None else int(self.counts[row, LANGUAGES.index(language)])


def word_counts(lex: LexicalIndex) -> dict[str, tuple[int, int]]:
    """Every content word of the chunks (letters only, three or more, not a function word) with the number of Dutch
    and of English chunks it occurs in."""
    counts = {lang: Counter() for lang in LANGUAGES}
    for text, meta in zip(lex.texts, lex.metas, strict=True):
        lang = str(meta.get("language") or "")
        if lang in counts:
            counts[lang].update({w for w in _WORD.findall(text.lower()) if w not in ALL_STOPWORDS})
    words = sorted(set(counts["nl"]) | set(counts["en"]))
    return {w: (counts["nl"][w], counts["en"][w]) for w in words}


def _load_cache(path: Path) -> dict[str, np.ndarray]:
    if not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            return dict(zip(data["words"].tolist(), data["vectors"], strict=True))
    except (OSError, ValueError, KeyError):  # a torn or foreign file: rebuilt from the chunks
        return {}


def _save_cache(path: Path, cache: dict[str, np.ndarray]) -> None:
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
    words = list(cache)
    vectors = np.stack([cache[w] for w in words]).astype(np.float16) if words else np.zeros((0, 0), np.float16)
    np.savez(tmp, words=np.array(words, dtype=str), vectors=vectors)
    os.replace(tmp, path)


def word_table(index_dir: Path, lex: LexicalIndex, embedder) -> WordTable:
    """The vocabulary of ``lex`` (its ``MAX_WORDS`` most frequent words) with a vector per word from ``embedder`` (the
    second lane's), read from the cache in ``index_dir`` and completed there for words it lacks."""
    counts = word_counts(lex)
    words = sorted(counts, key=lambda w: (-sum(counts[w]), w))[:MAX_WORDS]
    path = Path(index_dir) / CACHE_FILE
    cache = _load_cache(path)
    missing = [w for w in words if w not in cache]
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start : start + EMBED_BATCH]
        vectors = np.asarray(embedder.embed_passages_array(batch), dtype=np.float32)
        cache.update(zip(batch, vectors.astype(np.float16), strict=True))
    if missing or len(cache) > STALE_SHARE * max(len(words), 1):
        # words of removed documents leave the cache once they outnumber a share of the vocabulary
        Path(index_dir).mkdir(parents=True, exist_ok=True)
        _save_cache(path, {w: cache[w] for w in words} if len(cache) > STALE_SHARE * len(words) else cache)
    table = np.array([counts[w] for w in words], dtype=np.int32).reshape(-1, len(LANGUAGES))
    by_language: dict[str, tuple[list[str], np.ndarray]] = {}
    for column, lang in enumerate(LANGUAGES):
        rows = np.flatnonzero(table[:, column] >= LANGUAGE_SHARE * np.maximum(table.sum(axis=1), 1))
        matrix = np.stack([cache[words[i]] for i in rows]).astype(np.float32) if len(rows) else None
        if matrix is None:
            matrix = np.zeros((0, embedder.dim), np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
        by_language[lang] = ([words[i] for i in rows], matrix)
    return WordTable(words, table, by_language)
