"""The index: a Chroma collection (dense), a BM25 index beside it, and the ingest manifest.

Layout of the index directory (embedded mode, the default)::

    chroma/          Chroma's persistent store (embedded, no server): the chunks, their sentences and
                     ``<collection>_use``, each chunk's vector from the second dense lane (same ids)
    bm25/            bm25s index + chunks.json (ids, texts, metadata), tagged with the index generation
    manifest.json    embedder, generation, and per document: content hash, chunk count, time indexed

Server mode (``PLANWIJZER_CHROMA_URL``): the chunks, the sentences *and the manifest* live on a Chroma
server (the manifest as a small ``<collection>_manifest`` collection: one record per document plus an
``index`` record carrying the generation), so several app processes on several hosts share one index.
The index directory then only holds caches derived from the server: ``bm25/`` and the decision records,
both tagged with the generation they were built from and rebuilt when the server's generation moves on.

The manifest is written atomically after every document, so an interrupted ingest can simply be
run again: documents whose hash is not recorded are (re-)indexed, and any chunks a crash left
behind for them are deleted first (by ``doc_id``). The BM25 side is rebuilt from Chroma whenever
its generation differs from the manifest's, so the two never drift apart.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import bm25s
import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from planwijzer.ingest.chunking import context_text
from planwijzer.ingest.tokens import TOKENIZER_VERSION, stems

MANIFEST = "manifest.json"
SENTENCES_SUFFIX = "_sentences"
USE_SUFFIX = "_use"
"""The collection of second-lane (USE multilingual) chunk vectors: one record per chunk, same id, ``doc_id`` set."""
FILTER_KEYS = ("doc_id", "year", "doc_type", "institution", "language")
GENERATION = "generation"
WRITE_BATCH = 256
HNSW = {"space": "cosine", "max_neighbors": 32, "ef_construction": 200, "ef_search": 200}
"""Chroma's HNSW settings for new collections. With the defaults (16 neighbours, ef 100) the approximate
search found the right passage for a third of the questions that exact search found at 100k chunks
(`planwijzer bench`); these settings doubled that at 2.5 ms a query."""
READ_BATCH = 5000
"""Chroma reads are paged: one ``get`` of 100k records exceeds SQLite's variable limit."""
DEFAULT_COLLECTION = "planwijzer"
MANIFEST_SUFFIX = "_manifest"
INDEX_RECORD = "index"
"""Server mode: the manifest record carrying embedder and generation (documents are ``doc:<doc_id>``)."""


class IndexError_(RuntimeError):
    """The index cannot be used as configured; the message says what to run."""


@dataclass
class Manifest:
    """What the index holds, per document; ``manifest.json`` in the index directory, or on the Chroma server."""

    embedder: str | None = None
    generation: int = 0
    docs: dict[str, dict] = field(default_factory=dict)
    _saved: dict[str, dict] | None = field(default=None, repr=False, compare=False)
    """Server mode: the document entries as last read or written, so a save sends only what changed."""

    @classmethod
    def load(cls, index_dir: Path, url: str | None = None, collection: str = DEFAULT_COLLECTION) -> Manifest:
        """The manifest of the index at ``index_dir`` (or of ``collection`` on the Chroma server at ``url``)."""
        if url:
            return _load_server_manifest(url, collection)
        path = index_dir / MANIFEST
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise IndexError_(f"{path}: unreadable manifest ({exc}); run `planwijzer ingest --rebuild`") from exc
        return cls(data.get("embedder"), int(data.get("generation", 0)), data.get("docs", {}))

    def save(self, index_dir: Path, url: str | None = None, collection: str = DEFAULT_COLLECTION) -> None:
        """Write atomically: a crash leaves the old or the new manifest, never half.

        Embedded: temp file + rename. Server: changed document records first, then the ``index`` record
        with the new generation (one upsert each), so readers see the new generation only when it is complete.
        """
        if url:
            _save_server_manifest(self, url, collection)
            return
        index_dir.mkdir(parents=True, exist_ok=True)
        data = {"embedder": self.embedder, "generation": self.generation, "docs": self.docs}
        fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".manifest-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, index_dir / MANIFEST)
        (index_dir / GENERATION).write_text(str(self.generation), encoding="utf-8")


def _manifest_collection(url: str, collection: str):
    return _http_client(url).get_or_create_collection(f"{collection}{MANIFEST_SUFFIX}")


def _load_server_manifest(url: str, collection: str) -> Manifest:
    coll = _manifest_collection(url, collection)
    docs: dict[str, dict] = {}
    embedder, generation = None, 0
    for offset in range(0, coll.count(), READ_BATCH):
        got = coll.get(include=["documents", "metadatas"], limit=READ_BATCH, offset=offset)
        for rid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True):
            if rid == INDEX_RECORD:
                embedder = (meta or {}).get("embedder") or None
                generation = int((meta or {}).get("generation", 0))
            elif rid.startswith("doc:"):
                docs[rid[4:]] = json.loads(text)
    return Manifest(embedder, generation, docs, _saved={k: dict(v) for k, v in docs.items()})


def _save_server_manifest(manifest: Manifest, url: str, collection: str) -> None:
    coll = _manifest_collection(url, collection)
    saved = manifest._saved
    if saved is None:  # a fresh manifest (e.g. after --rebuild): whatever the server holds is compared against
        saved = _load_server_manifest(url, collection).docs
    gone = [f"doc:{d}" for d in saved if d not in manifest.docs]
    if gone:
        coll.delete(ids=gone)
    changed = [d for d, entry in manifest.docs.items() if saved.get(d) != entry]
    for i in range(0, len(changed), WRITE_BATCH):
        part = changed[i : i + WRITE_BATCH]
        coll.upsert(
            ids=[f"doc:{d}" for d in part],
            documents=[json.dumps(manifest.docs[d], ensure_ascii=False) for d in part],
            embeddings=[[1.0]] * len(part),
        )
    meta = {"generation": manifest.generation, "embedder": manifest.embedder or ""}
    coll.upsert(ids=[INDEX_RECORD], documents=[""], metadatas=[meta], embeddings=[[1.0]])
    manifest._saved = {k: dict(v) for k, v in manifest.docs.items()}


def read_generation(index_dir: Path, url: str | None = None, collection: str = DEFAULT_COLLECTION) -> int:
    """The index generation (bumped on every change); cheap enough to check on every query."""
    if url:
        got = _manifest_collection(url, collection).get(ids=[INDEX_RECORD], include=["metadatas"])
        return int(((got["metadatas"] or [{}])[0] or {}).get("generation", 0)) if got["ids"] else 0
    try:
        return int((index_dir / GENERATION).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Manifest.load(index_dir).generation


@lru_cache(maxsize=8)
def _http_client(url: str) -> chromadb.ClientAPI:
    parsed = urlparse(url if "://" in url else f"http://{url}")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise IndexError_(f"PLANWIJZER_CHROMA_URL={url!r} is not a URL like http://127.0.0.1:8000")
    try:
        client = chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=ChromaSettings(anonymized_telemetry=False),
        )
        client.heartbeat()
    except Exception as exc:  # connection refused, DNS, TLS, wrong service: all mean "not reachable"
        raise IndexError_(
            f"cannot reach the Chroma server at {url} ({type(exc).__name__}: {exc}); start one with "
            "`chroma run --path DIR --port PORT`, or unset PLANWIJZER_CHROMA_URL to use the embedded index"
        ) from exc
    return client


def chroma_client(index_dir: Path, url: str | None = None) -> chromadb.ClientAPI:
    """The Chroma client: the server at ``url`` when given, else the embedded, persistent one in ``index_dir``."""
    if url:
        return _http_client(url)
    (index_dir / "chroma").mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(
        path=str(index_dir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )


def open_collection(index_dir: Path, name: str, url: str | None = None):
    """The Chroma collection (cosine space) holding the chunks; created if missing."""
    return chroma_client(index_dir, url).get_or_create_collection(name, configuration={"hnsw": HNSW})


def reset_index(index_dir: Path, name: str, manifest: Manifest, url: str | None = None) -> Manifest:
    """Empty the index in place (collections dropped, BM25 side removed) and return a fresh manifest.

    Works while this process holds the Chroma client open (deleting the folder would not), and keeps
    the generation counter rising so readers in other processes notice the change.
    """
    client = chroma_client(index_dir, url)
    for collection in client.list_collections():
        if collection.name in (name, f"{name}{SENTENCES_SUFFIX}", f"{name}{USE_SUFFIX}"):
            client.delete_collection(collection.name)
    shutil.rmtree(index_dir / "bm25", ignore_errors=True)
    fresh = Manifest(generation=manifest.generation + 1)
    fresh.save(index_dir, url, name)
    return fresh


def open_sentence_collection(index_dir: Path, name: str, url: str | None = None):
    """The Chroma collection of sentence embeddings (one record per sentence of every chunk)."""
    client = chroma_client(index_dir, url)
    return client.get_or_create_collection(f"{name}{SENTENCES_SUFFIX}", configuration={"hnsw": HNSW})


def open_use_collection(index_dir: Path, name: str, url: str | None = None):
    """The Chroma collection of the second dense lane's chunk vectors (ids = chunk ids); created if missing."""
    client = chroma_client(index_dir, url)
    return client.get_or_create_collection(f"{name}{USE_SUFFIX}", configuration={"hnsw": HNSW})


def use_matrix(use_collection, lex: LexicalIndex, embedder) -> np.ndarray:
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


def open_vectorstore(index_dir: Path, name: str, embeddings, url: str | None = None) -> Chroma:
    """The same collection through langchain-chroma, for similarity search."""
    return Chroma(
        collection_name=name,
        embedding_function=embeddings,
        client=chroma_client(index_dir, url),
        collection_configuration={"hnsw": HNSW},
    )


def delete_doc(collections: list, doc_id: str) -> None:
    """Remove every chunk, sentence and second-lane vector of ``doc_id`` (including any a crashed run left behind)."""
    for collection in collections:
        collection.delete(where={"doc_id": doc_id})


def write_records(collection, ids: list[str], texts: list[str], metas: list[dict], vectors: np.ndarray) -> None:
    """Upsert records (chunks or sentences) with their precomputed embeddings, in batches."""
    for i in range(0, len(ids), WRITE_BATCH):
        sl = slice(i, i + WRITE_BATCH)
        collection.upsert(ids=ids[sl], documents=texts[sl], metadatas=metas[sl], embeddings=vectors[sl])


@dataclass
class LexicalIndex:
    """BM25 over all chunks plus their texts and metadata, for keyword search and filtering."""

    bm25: bm25s.BM25 | None
    ids: list[str]
    texts: list[str]
    metas: list[dict]
    generation: int

    def __len__(self) -> int:
        return len(self.ids)


BM25_K1, BM25_B = 0.9, 0.4
"""BM25 parameters: the Lucene/Anserini defaults for passages. Against the earlier k1 1.2, b 0.75 they kept the
real corpus's figures and, with 100k generated distractor chunks that repeat the question's words, kept one more
question's passage in the top 5 (``planwijzer bench``, README "Performance")."""


def _bm25_tokens(text: str, meta: dict) -> list[str]:
    return stems(context_text(text, meta), str(meta.get("language") or "nl"))


def build_lexical(collection, generation: int) -> LexicalIndex:
    """Build the BM25 index from everything in the Chroma collection (the source of truth)."""
    ids, texts, metas = [], [], []
    for offset in range(0, collection.count(), READ_BATCH):
        got = collection.get(include=["documents", "metadatas"], limit=READ_BATCH, offset=offset)
        ids += got["ids"]
        texts += got["documents"] or []
        metas += got["metadatas"] or []
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    ids, texts, metas = [ids[i] for i in order], [texts[i] for i in order], [dict(metas[i] or {}) for i in order]
    bm25 = None
    if ids:
        bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        bm25.index([_bm25_tokens(t, m) or ["\x00"] for t, m in zip(texts, metas, strict=True)], show_progress=False)
    return LexicalIndex(bm25, ids, texts, metas, generation)


def save_lexical(index_dir: Path, lex: LexicalIndex) -> None:
    """Persist the lexical index atomically (write to a temp dir, then swap).

    Several processes may refresh the same cache at once (app workers after an ingest): whoever loses
    the swap leaves the winner's copy in place, which holds the same generation or a newer one.
    """
    target = index_dir / "bm25"
    index_dir.mkdir(parents=True, exist_ok=True)
    _sweep_leftovers(index_dir)
    tmp = Path(tempfile.mkdtemp(dir=index_dir, prefix=".bm25-"))
    if lex.bm25 is not None:
        lex.bm25.save(str(tmp / "bm25"), show_progress=False)
    data = {
        "generation": lex.generation,
        "tokenizer": TOKENIZER_VERSION,
        "bm25_params": [BM25_K1, BM25_B],
        "ids": lex.ids,
        "texts": lex.texts,
        "metas": lex.metas,
    }
    (tmp / "chunks.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old = index_dir / f".bm25-old-{time.time_ns()}-{os.getpid()}"
    try:
        if target.exists():
            target.rename(old)
        tmp.rename(target)
    except OSError:  # another process swapped its copy in between
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


LEFTOVER_AGE_S = 3600
"""Temporary files and folders older than this are what a killed process left behind (a live write takes seconds)."""


def _sweep_leftovers(index_dir: Path) -> None:
    """Delete the temporary BM25 folders and manifest files a process killed mid-write left in ``index_dir``."""
    cutoff = time.time() - LEFTOVER_AGE_S
    for path in [*index_dir.glob(".bm25-*"), *index_dir.glob(".manifest-*.json")]:
        try:
            if path.stat().st_mtime < cutoff:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        except OSError:
            pass  # another process removed it first


def load_lexical(index_dir: Path, any_version: bool = False) -> LexicalIndex | None:
    """The persisted lexical index, or None when there is none, it is unreadable, or its tokens were made by
    another version of the tokenizer (``ingest.tokens.TOKENIZER_VERSION``) or with other BM25 parameters: the
    caller rebuilds it then.
    With ``any_version`` a stale one is returned anyway (for callers that read only its chunks' texts and metadata)."""
    target = index_dir / "bm25"
    try:
        data = json.loads((target / "chunks.json").read_text(encoding="utf-8"))
        stale = data.get("tokenizer") != TOKENIZER_VERSION or data.get("bm25_params") != [BM25_K1, BM25_B]
        if stale and not any_version:
            return None
        bm25 = bm25s.BM25.load(str(target / "bm25"), show_progress=False) if data["ids"] else None
    except (OSError, ValueError, KeyError):
        return None
    return LexicalIndex(bm25, data["ids"], data["texts"], data["metas"], int(data["generation"]))


def refresh_lexical(index_dir: Path, collection, generation: int) -> LexicalIndex:
    """The lexical index for ``generation``: loaded if current, else rebuilt from Chroma and saved."""
    lex = load_lexical(index_dir)
    if lex is None or lex.generation != generation:
        lex = build_lexical(collection, generation)
        save_lexical(index_dir, lex)
    return lex
