"""The ingest manifest: the embedder, the index generation, and per document its hash, chunk count and time indexed.

It has two homes, one format each (:mod:`ingest.store` picks the home):

* **a file** (embedded index): ``manifest.json`` in the index directory, written atomically (temp file + rename),
  with the generation also in a small ``generation`` file, cheap enough to read on every request;
* **records** (Chroma server): a ``<collection>_manifest`` collection with one record per document
  (``doc:<doc_id>``, the entry as JSON) and an ``index`` record carrying embedder and generation.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planwijzer.ingest.chroma import READ_BATCH, WRITE_BATCH, IndexError_

if TYPE_CHECKING:
    from chromadb import Collection

MANIFEST = "manifest.json"
GENERATION = "generation"
MANIFEST_SUFFIX = "_manifest"
INDEX_RECORD = "index"
"""Server mode: the manifest record carrying embedder and generation (documents are ``doc:<doc_id>``)."""


@dataclass
class Manifest:
    """What the index holds, per document; ``manifest.json`` in the index directory, or on the Chroma server."""

    embedder: str | None = None
    generation: int = 0
    docs: dict[str, dict] = field(default_factory=dict)
    _saved: dict[str, dict] | None = field(default=None, repr=False, compare=False)
    """Server mode: the document entries as last read or written, so a save sends only what changed."""


# --------------------------------------------------------------------------- the file (embedded index)


def read_manifest_file(index_dir: Path) -> Manifest:
    """The manifest in ``index_dir`` (an empty one when there is none yet)."""
    path = index_dir / MANIFEST
    if not path.exists():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IndexError_(f"{path}: unreadable manifest ({exc}); run `planwijzer ingest --rebuild`") from exc
    return Manifest(data.get("embedder"), int(data.get("generation", 0)), data.get("docs", {}))


def write_manifest_file(index_dir: Path, manifest: Manifest) -> None:
    """Write atomically: a crash leaves the old or the new manifest, never half; then the ``generation`` file."""
    index_dir.mkdir(parents=True, exist_ok=True)
    data = {"embedder": manifest.embedder, "generation": manifest.generation, "docs": manifest.docs}
    fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".manifest-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / MANIFEST)
    (index_dir / GENERATION).write_text(str(manifest.generation), encoding="utf-8")


def read_generation_file(index_dir: Path) -> int:
    """The generation of the index in ``index_dir``: the ``generation`` file, else the manifest's."""
    try:
        return int((index_dir / GENERATION).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return read_manifest_file(index_dir).generation


# --------------------------------------------------------------------------- the records (Chroma server)


def read_manifest_records(collection: Collection) -> Manifest:
    """The manifest held in the ``<collection>_manifest`` collection (an empty one when it holds nothing)."""
    docs: dict[str, dict] = {}
    embedder, generation = None, 0
    for offset in range(0, collection.count(), READ_BATCH):
        got = collection.get(include=["documents", "metadatas"], limit=READ_BATCH, offset=offset)
        for rid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True):
            if rid == INDEX_RECORD:
                embedder = (meta or {}).get("embedder") or None
                generation = int((meta or {}).get("generation", 0))
            elif rid.startswith("doc:"):
                docs[rid[4:]] = json.loads(text)
    return Manifest(embedder, generation, docs, _saved={k: dict(v) for k, v in docs.items()})


def write_manifest_records(collection: Collection, manifest: Manifest) -> None:
    """Changed document records first, then the ``index`` record with the new generation (one upsert each), so
    readers see the new generation only when it is complete."""
    saved = manifest._saved
    if saved is None:  # a fresh manifest (e.g. after --rebuild): whatever the server holds is compared against
        saved = read_manifest_records(collection).docs
    gone = [f"doc:{d}" for d in saved if d not in manifest.docs]
    if gone:
        collection.delete(ids=gone)
    changed = [d for d, entry in manifest.docs.items() if saved.get(d) != entry]
    for i in range(0, len(changed), WRITE_BATCH):
        part = changed[i : i + WRITE_BATCH]
        collection.upsert(
            ids=[f"doc:{d}" for d in part],
            documents=[json.dumps(manifest.docs[d], ensure_ascii=False) for d in part],
            embeddings=[[1.0]] * len(part),
        )
    meta = {"generation": manifest.generation, "embedder": manifest.embedder or ""}
    collection.upsert(ids=[INDEX_RECORD], documents=[""], metadatas=[meta], embeddings=[[1.0]])
    manifest._saved = {k: dict(v) for k, v in manifest.docs.items()}


def read_generation_record(collection: Collection) -> int:
    """The generation in the ``index`` record of the ``<collection>_manifest`` collection (0 when there is none)."""
    got = collection.get(ids=[INDEX_RECORD], include=["metadatas"])
    return int(((got["metadatas"] or [{}])[0] or {}).get("generation", 0)) if got["ids"] else 0
