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
from pathlib import Path

import numpy as np
from planwijzer.ingest.language import STOPWORDS
from planwijzer.ingest.lexical import LexicalIndex

CACHE_FILE = "words-use.npz"
LANGUAGES = ("nl", "en")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = STOPWORDS["nl"] | STOPWORDS["en"]


@dataclass(frozen=True)
class WordTable:
    """The vocabulary: ``words``, their unit vectors (``matrix``, one row each) and, per word, in how many chunks of
    each language of :data:`LANGUAGES` it occurs (``counts``, one row each)."""

    words: list[str]
    matrix: np.ndarray
    counts: np.ndarray

    def __len__(self) -> int:
        return len(self.words)


def word_counts(lex: LexicalIndex) -> dict[str, tuple[int, int]]:
    """Every content word of the chunks (letters only, three or more, not a function word) with the number of Dutch
    and of English chunks it occurs in."""
    counts = {lang: Counter() for lang in LANGUAGES}
    for text, meta in zip(lex.texts, lex.metas, strict=True):
        lang = str(meta.get("language") or "")
        if lang in counts:
            counts[lang].update({w for w in _WORD.findall(text.lower()) if w not in _STOP})
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
    """The vocabulary of ``lex`` with a vector per word from ``embedder`` (the second lane's), read from the cache in
    ``index_dir`` and completed there for words it lacks."""
    counts = word_counts(lex)
    path = Path(index_dir) / CACHE_FILE
    cache = _load_cache(path)
    missing = [w for w in counts if w not in cache]
    if missing:
        vectors = np.asarray(embedder.embed_passages_array(missing), dtype=np.float32)
        cache.update(zip(missing, vectors.astype(np.float16), strict=True))
        Path(index_dir).mkdir(parents=True, exist_ok=True)
        _save_cache(path, cache)
    words = list(counts)
    if not words:
        return WordTable([], np.zeros((0, embedder.dim), np.float32), np.zeros((0, 2), np.int32))
    matrix = np.stack([cache[w] for w in words]).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    return WordTable(words, matrix, np.array([counts[w] for w in words], dtype=np.int32))
