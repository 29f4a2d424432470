"""The index as one object: :class:`IndexStore` owns where the index lives, its Chroma collections, the manifest,
the generation, the local caches and the decision records. Everything else is handed an ``IndexStore``
(:func:`open_store` picks the kind from the settings) instead of an index folder, a collection name and a URL.

Layout of the index directory (embedded mode, the default)::

    chroma/            Chroma's persistent store (embedded, no server): the chunks, their sentences and
                       ``<collection>_use``, each chunk's vector from the second dense lane (same ids)
    bm25/              bm25s index + chunks.json (ids, texts, metadata), tagged with the index generation
    decisions.sqlite3  the decision records (``ingest/decision_store.py``), stamped with the generation
    baseline/          the plain pipeline's Chroma store, for ``eval --baselines`` (``assistant/baseline.py``)
    manifest.json      embedder, generation, and per document: content hash, chunk count, time indexed
    generation         the generation alone, read on every request

Server mode (``PLANWIJZER_CHROMA_URL``): the chunks, the sentences *and the manifest* live on a Chroma
server (the manifest as a small ``<collection>_manifest`` collection: one record per document plus an
``index`` record carrying the generation), so several app processes on several hosts share one index.
The index directory then only holds caches derived from the server: ``bm25/``, the decision records and
``baseline/``, the first two tagged with the generation they were built from and rebuilt when the server's
generation moves on.

The two kinds differ only in a :class:`Backend` (the Chroma client, reading and writing the manifest, reading the
generation): :class:`EmbeddedBackend` and :class:`ServerBackend`. langchain-chroma stays the LangChain face:
:meth:`IndexStore.vectorstore` hands out the ``langchain_chroma.Chroma`` vector store over the chunk collection, and
:meth:`IndexStore.chunk_collection` the raw collection for what LangChain does not offer (exact re-scoring by id).

The manifest is written atomically after every document, so an interrupted ingest can simply be
run again: documents whose hash is not recorded are (re-)indexed, and any chunks a crash left
behind for them are deleted first (by ``doc_id``). The BM25 side is rebuilt from Chroma whenever
its generation differs from the manifest's, so the two never drift apart.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import chromadb
import numpy as np
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings
from planwijzer.ingest.chroma import HNSW, READ_BATCH, http_client, persistent_client, write_records
from planwijzer.ingest.chunking import context_text
from planwijzer.ingest.decision_store import DecisionRecords
from planwijzer.ingest.decisions import Decision
from planwijzer.ingest.lexical import BM25_DIR, LexicalIndex, build_lexical, load_lexical, save_lexical
from planwijzer.ingest.manifest import (
    MANIFEST_SUFFIX,
    Manifest,
    read_generation_file,
    read_generation_record,
    read_manifest_file,
    read_manifest_records,
    write_manifest_file,
    write_manifest_records,
)

from planwijzer.access import EVERYTHING, Reader

if TYPE_CHECKING:
    from planwijzer.config import Settings

SENTENCES_SUFFIX = "_sentences"
USE_SUFFIX = "_use"
"""The collection of second-lane (USE multilingual) chunk vectors: one record per chunk, same id, ``doc_id`` set."""
FILTER_KEYS = ("doc_id", "year", "doc_type", "institution", "language", "access")
DEFAULT_COLLECTION = "planwijzer"


class Backend(Protocol):
    """Where the Chroma collections and the manifest live: the one thing the two kinds of index do differently."""

    shared: bool
    """True when the index lives on a server, shared by processes on several hosts: the local folder then holds
    only caches derived from it."""
    location: str
    """Where the index is, as error messages name it."""

    def client(self) -> chromadb.ClientAPI:
        """The Chroma client holding the collections."""
        ...

    def load_manifest(self) -> Manifest:
        """The manifest as stored (an empty one for an empty index)."""
        ...

    def save_manifest(self, manifest: Manifest) -> None:
        """Store ``manifest`` atomically: readers see the old or the new generation, never half of one."""
        ...

    def generation(self) -> int:
        """The index generation (bumped on every change); cheap enough to read on every request."""
        ...


class EmbeddedBackend:
    """An index in one folder on this host: Chroma's persistent store in ``chroma/``, the manifest a file."""

    shared = False

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.location = str(self.index_dir)

    def client(self) -> chromadb.ClientAPI:
        return persistent_client(self.index_dir / "chroma")

    def load_manifest(self) -> Manifest:
        return read_manifest_file(self.index_dir)

    def save_manifest(self, manifest: Manifest) -> None:
        write_manifest_file(self.index_dir, manifest)

    def generation(self) -> int:
        return read_generation_file(self.index_dir)


class ServerBackend:
    """An index on the Chroma server at ``url``: the collections and the manifest (``<name>_manifest``) live there."""

    shared = True

    def __init__(self, url: str, name: str) -> None:
        self.url, self.name = url, name
        self.location = f"the index on the Chroma server {url}"

    def client(self) -> chromadb.ClientAPI:
        return http_client(self.url)

    def _manifest_collection(self) -> chromadb.Collection:
        return self.client().get_or_create_collection(f"{self.name}{MANIFEST_SUFFIX}")

    def load_manifest(self) -> Manifest:
        return read_manifest_records(self._manifest_collection())

    def save_manifest(self, manifest: Manifest) -> None:
        write_manifest_records(self._manifest_collection(), manifest)

    def generation(self) -> int:
        return read_generation_record(self._manifest_collection())


class IndexStore:
    """One index: its collections (``name``, ``name_sentences``, ``name_use``), its manifest and generation (through
    the :class:`Backend`), and the caches in the local folder ``dir`` (BM25, decision records, baseline)."""

    def __init__(self, backend: Backend, local_dir: Path, name: str = DEFAULT_COLLECTION) -> None:
        self.backend = backend
        self.dir = Path(local_dir)
        """The local folder: the whole index when embedded, the caches derived from the server otherwise."""
        self.name = name
        self.decision_db = DecisionRecords(self.dir)
        """The decision records (``decisions.sqlite3`` in :attr:`dir`)."""

    @classmethod
    def embedded(cls, index_dir: Path, name: str = DEFAULT_COLLECTION) -> IndexStore:
        """The embedded index in ``index_dir`` (created on first write)."""
        return cls(EmbeddedBackend(Path(index_dir)), Path(index_dir), name)

    @classmethod
    def on_server(cls, url: str, cache_dir: Path, name: str = DEFAULT_COLLECTION) -> IndexStore:
        """The index ``name`` on the Chroma server at ``url``, with its local caches in ``cache_dir``."""
        return cls(ServerBackend(url, name), Path(cache_dir), name)

    @property
    def shared(self) -> bool:
        """True on a Chroma server (see :attr:`Backend.shared`)."""
        return self.backend.shared

    @property
    def location(self) -> str:
        """Where the index is, for messages: its folder, or the server."""
        return self.backend.location

    # -- Chroma -------------------------------------------------------------------------------------------------
    def client(self) -> chromadb.ClientAPI:
        """The Chroma client holding the collections."""
        return self.backend.client()

    def chunk_collection(self) -> chromadb.Collection:
        """The Chroma collection (cosine space) holding the chunks; created if missing."""
        return self.client().get_or_create_collection(self.name, configuration={"hnsw": HNSW})

    def sentence_collection(self) -> chromadb.Collection:
        """The Chroma collection of sentence embeddings (one record per sentence of every chunk)."""
        return self.client().get_or_create_collection(f"{self.name}{SENTENCES_SUFFIX}", configuration={"hnsw": HNSW})

    def use_collection(self) -> chromadb.Collection:
        """The Chroma collection of the second dense lane's chunk vectors (ids = chunk ids); created if missing."""
        return self.client().get_or_create_collection(f"{self.name}{USE_SUFFIX}", configuration={"hnsw": HNSW})

    def collections(self) -> list[chromadb.Collection]:
        """Every collection a document has records in: chunks, sentences, second-lane vectors."""
        return [self.chunk_collection(), self.sentence_collection(), self.use_collection()]

    def vectorstore(self, embeddings: Embeddings) -> Chroma:
        """The chunk collection through langchain-chroma, for similarity search."""
        return Chroma(
            collection_name=self.name,
            embedding_function=embeddings,
            client=self.client(),
            collection_configuration={"hnsw": HNSW},
        )

    # -- manifest and generation ----------------------------------------------------------------------------------
    def manifest(self) -> Manifest:
        """What the index holds, per document (an empty manifest for an empty index)."""
        return self.backend.load_manifest()

    def save_manifest(self, manifest: Manifest) -> None:
        """Store ``manifest`` atomically (see :meth:`Backend.save_manifest`)."""
        self.backend.save_manifest(manifest)

    def generation(self) -> int:
        """The index generation (bumped on every change); cheap enough to check on every request."""
        return self.backend.generation()

    def reset(self, manifest: Manifest) -> Manifest:
        """Empty the index in place (collections dropped, BM25 side and decision records removed) and return a fresh
        manifest, saved.

        Works while this process holds the Chroma client open (deleting the folder would not), and keeps
        the generation counter rising so readers in other processes notice the change.
        """
        client = self.client()
        for collection in client.list_collections():
            if collection.name in (self.name, f"{self.name}{SENTENCES_SUFFIX}", f"{self.name}{USE_SUFFIX}"):
                client.delete_collection(collection.name)
        shutil.rmtree(self.dir / BM25_DIR, ignore_errors=True)
        fresh = Manifest(generation=manifest.generation + 1)
        self.save_manifest(fresh)
        self.decision_db.clear()
        return fresh

    # -- local caches -----------------------------------------------------------------------------------------
    def lexical(self, generation: int) -> LexicalIndex:
        """The BM25 side for ``generation``: loaded if current, else rebuilt from the chunk collection and saved."""
        lex = load_lexical(self.dir)
        if lex is None or lex.generation != generation:
            lex = build_lexical(self.chunk_collection(), generation)
            save_lexical(self.dir, lex)
        return lex

    def baseline_client(self) -> chromadb.ClientAPI:
        """An embedded Chroma client in ``baseline/`` of the local folder, for the plain-pipeline baseline."""
        return persistent_client(self.dir / "baseline" / "chroma")

    # -- decision records -------------------------------------------------------------------------------------
    def refresh_decisions(self, lex: LexicalIndex | None = None) -> None:
        """Bring the decision records in step with the index.

        Embedded, the ingest keeps them in step; only an index built before decision records existed gets them
        filled from its chunks. On a server they are a local cache, rebuilt from the chunks (``lex``, else the BM25
        side) when the server's generation has moved past their stamp.
        """
        if not self.shared:
            self.decision_db.fill_if_missing()
            return
        generation = lex.generation if lex is not None else self.generation()
        if not self.decision_db.current(generation):
            self.decision_db.rebuild(lex if lex is not None else self.lexical(generation))

    def decisions(
        self,
        body: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        text: str | None = None,
        dedupe: bool = True,
        reader: Reader = EVERYTHING,
        institution: str | None = None,
    ) -> list[Decision]:
        """The decision records, chronological and filtered (see :meth:`DecisionRecords.query`), as the local records
        hold them: call :meth:`refresh_decisions` first on a server. Only those ``reader`` may read (each record
        carries its document's access label)."""
        records = self.decision_db.query(body, year_from, year_to, text, dedupe, institution)
        return records if reader.unrestricted else [r for r in records if reader.may_read(r.access)]


def open_store(settings: Settings) -> IndexStore:
    """The index ``settings`` configure: on the Chroma server at ``chroma_url`` when set (``index`` then holds only
    the local caches), else embedded in the folder ``index``; the collections are named ``collection``."""
    if settings.index.chroma_url:
        return IndexStore.on_server(settings.index.chroma_url, Path(settings.index.dir), settings.index.collection)
    return IndexStore.embedded(Path(settings.index.dir), settings.index.collection)


# --------------------------------------------------------------------------- the second dense lane


def use_matrix(use_collection: chromadb.Collection, lex: LexicalIndex, embedder) -> np.ndarray:
    """The second lane's vectors of every chunk of ``lex`` as one ``(len(lex), dim)`` matrix in ``lex.ids`` order.

    Vectors the collection lacks (an index built before the lane existed) are embedded from the chunk texts and
    written, so the next process finds them. Chunk ids are content-derived, so a vector written for a chunk that
    another process deleted meanwhile is harmless: it is deleted with its document, and is right if it comes back.
    """
    rows = {cid: i for i, cid in enumerate(lex.ids)}
    matrix = np.zeros((len(lex.ids), embedder.dim), dtype=np.float32)
    found = np.zeros(len(lex.ids), dtype=bool)
    for offset in range(0, use_collection.count(), READ_BATCH):
        got = use_collection.get(include=["embeddings"], limit=READ_BATCH, offset=offset)
        if not got["ids"]:
            break
        vectors = np.asarray(got["embeddings"], dtype=np.float32)
        for cid, vector in zip(got["ids"], vectors, strict=True):
            row = rows.get(cid)
            if row is not None:
                matrix[row], found[row] = vector, True
    missing = np.flatnonzero(~found)
    if len(missing):
        texts = [context_text(lex.texts[i], lex.metas[i]) for i in missing]
        vectors = embedder.embed_passages_array(texts)
        matrix[missing] = vectors
        metas = [use_meta(lex.metas[i]) for i in missing]
        write_records(use_collection, [lex.ids[i] for i in missing], [""] * len(missing), metas, vectors)
    return matrix


def use_meta(meta: dict) -> dict:
    """Metadata of a second-lane record: the chunk's filter keys (``doc_id`` so it is deleted with its document)."""
    return {k: meta[k] for k in FILTER_KEYS if meta.get(k) is not None}
