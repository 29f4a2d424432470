"""Chroma plumbing shared by the index's parts: clients, collection settings, paged writes and deletes.

Nothing here knows what the collections hold; :mod:`ingest.store` decides that.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

HNSW = {"space": "cosine", "max_neighbors": 32, "ef_construction": 200, "ef_search": 200}
"""Chroma's HNSW settings for new collections. With the defaults (16 neighbours, ef 100) the approximate
search found the right passage for a third of the questions that exact search found at 100k chunks
(`planwijzer bench`); these settings doubled that at 2.5 ms a query."""
WRITE_BATCH = 256
READ_BATCH = 5000
"""Chroma reads are paged: one ``get`` of 100k records exceeds SQLite's variable limit."""


class IndexError_(RuntimeError):
    """The index cannot be used as configured; the message says what to run."""


def persistent_client(folder: Path) -> chromadb.ClientAPI:
    """An embedded, persistent Chroma client storing its data in ``folder`` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))


@lru_cache(maxsize=8)
def http_client(url: str) -> chromadb.ClientAPI:
    """A client of the Chroma server at ``url``, checked to answer; :class:`IndexError_` names the fix otherwise."""
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


def delete_doc(collections: list[chromadb.Collection], doc_id: str) -> None:
    """Remove every record of ``doc_id`` from ``collections`` (including any a crashed run left behind)."""
    for collection in collections:
        collection.delete(where={"doc_id": doc_id})


def doc_metadatas(collection: chromadb.Collection, doc_id: str) -> dict[str, dict]:
    """Every record of ``doc_id`` in ``collection``: id -> metadata (read in pages)."""
    out: dict[str, dict] = {}
    offset = 0
    while True:
        got = collection.get(where={"doc_id": doc_id}, include=["metadatas"], limit=READ_BATCH, offset=offset)
        out.update({cid: dict(meta or {}) for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=True)})
        if len(got["ids"]) < READ_BATCH:
            return out
        offset += READ_BATCH


def update_doc_metadata(collections: list[chromadb.Collection], doc_id: str, changes: dict) -> None:
    """Set the metadata keys in ``changes`` on every record of ``doc_id`` in ``collections`` (texts and vectors are
    kept: nothing is embedded again)."""
    for collection in collections:
        metas = doc_metadatas(collection, doc_id)
        ids = list(metas)
        for i in range(0, len(ids), WRITE_BATCH):
            batch = ids[i : i + WRITE_BATCH]
            collection.update(ids=batch, metadatas=[{**metas[cid], **changes} for cid in batch])


def write_records(
    collection: chromadb.Collection, ids: list[str], texts: list[str], metas: list[dict], vectors: np.ndarray
) -> None:
    """Upsert records (chunks or sentences) with their precomputed embeddings, in batches."""
    for i in range(0, len(ids), WRITE_BATCH):
        sl = slice(i, i + WRITE_BATCH)
        collection.upsert(ids=ids[sl], documents=texts[sl], metadatas=metas[sl], embeddings=vectors[sl])
