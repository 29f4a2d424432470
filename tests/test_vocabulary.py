"""The index's vocabulary as word vectors (ingest/vocabulary.py): counted per language, embedded once per word by
the real second lane, kept in a cache beside the BM25 side."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from planwijzer.ingest import vocabulary
from planwijzer.ingest.embedders import USEEmbeddings
from planwijzer.ingest.lexical import LexicalIndex
from planwijzer.ingest.vocabulary import CACHE_FILE, word_counts, word_table

from planwijzer.config import Settings


class CountingEmbedder:
    """The real USE embedder, counting the words it is asked to embed."""

    def __init__(self, inner: USEEmbeddings) -> None:
        self.inner, self.dim, self.embedded = inner, inner.dim, []

    def embed_passages_array(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        return self.inner.embed_passages_array(texts)


@pytest.fixture(scope="module")
def use() -> USEEmbeddings:
    return USEEmbeddings()


def _lex(*pages: tuple[str, str]) -> LexicalIndex:
    return LexicalIndex(
        None, [f"c{i}" for i in range(len(pages))], [t for t, _ in pages], [{"language": lang} for _, lang in pages], 1
    )


def test_words_are_counted_per_language_without_function_words_or_numbers() -> None:
    counts = word_counts(
        _lex(("De bibliotheek sluit om 17 uur.", "nl"), ("The library closes; de bibliotheek too.", "en"))
    )
    assert counts["bibliotheek"] == (1, 1)
    assert counts["library"] == (0, 1)
    assert "de" not in counts and "the" not in counts and "17" not in counts and "om" not in counts


def test_each_word_is_embedded_once_and_kept_across_calls(tmp_path: Path, use: USEEmbeddings) -> None:
    lex = _lex(("De bibliotheek sluit op zaterdag.", "nl"), ("The market is busy on Saturdays.", "en"))
    first = CountingEmbedder(use)
    table = word_table(tmp_path, lex, first)
    assert sorted(first.embedded) == sorted(table.words) and (tmp_path / CACHE_FILE).exists()
    dutch, matrix = table.by_language["nl"]
    assert "bibliotheek" in dutch and "market" not in dutch and "market" in table.by_language["en"][0]
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-3) and len(matrix) == len(dutch)

    again = CountingEmbedder(use)
    assert word_table(tmp_path, lex, again).words == table.words and again.embedded == []

    grown = _lex(("De bibliotheek sluit op zaterdag.", "nl"), ("The market is busy on Saturdays with tourists.", "en"))
    more = CountingEmbedder(use)
    assert "tourists" in word_table(tmp_path, grown, more).words and more.embedded == ["tourists"]


def test_the_vocabulary_keeps_the_most_frequent_words(
    tmp_path: Path, use: USEEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vocabulary, "MAX_WORDS", 2)
    lex = _lex(
        ("De bibliotheek sluit.", "nl"),
        ("De bibliotheek opent; de kantine sluit.", "nl"),
        ("Een zeldzaam woord.", "nl"),
    )
    counting = CountingEmbedder(use)
    table = word_table(tmp_path, lex, counting)
    assert table.words == ["bibliotheek", "sluit"] and sorted(counting.embedded) == table.words


def test_words_of_removed_documents_leave_the_cache(tmp_path: Path, use: USEEmbeddings) -> None:
    big = _lex(("De bibliotheek sluit op zaterdag om vijf uur.", "nl"), ("Kantine serveert verse soep.", "nl"))
    word_table(tmp_path, big, CountingEmbedder(use))
    small = _lex(
        ("De bibliotheek sluit.", "nl"),
    )
    word_table(tmp_path, small, CountingEmbedder(use))
    with np.load(tmp_path / CACHE_FILE) as data:
        assert sorted(data["words"].tolist()) == ["bibliotheek", "sluit"]


def test_a_torn_cache_file_is_rebuilt(tmp_path: Path, use: USEEmbeddings) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"not a numpy file")
    table = word_table(tmp_path, _lex(("De bibliotheek sluit op zaterdag.", "nl")), CountingEmbedder(use))
    assert table.words == ["bibliotheek", "sluit", "zaterdag"]
    with np.load(tmp_path / CACHE_FILE) as data:  # the rebuilt cache is whole again
        assert sorted(data["words"].tolist()) == ["bibliotheek", "sluit", "zaterdag"]


def test_ingest_leaves_the_word_vectors_ready_for_the_first_question(settings: Settings, index) -> None:
    assert (Path(settings.index.dir) / CACHE_FILE).exists()
