"""Ingest: find files, load, chunk, embed and write them to the index — incrementally.

Unchanged files (same content hash, same embedder) are skipped; changed files are re-indexed;
files that disappeared from an ingested folder are removed; files that cannot be read are reported
and skipped, and whatever they had in the index before stays there.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from planwijzer.ingest.chroma import delete_doc, doc_metadatas, update_doc_metadata, write_records
from planwijzer.ingest.chunking import Chunk, chunk_document
from planwijzer.ingest.decisions import Decision, document_decisions
from planwijzer.ingest.document import LoadedDocument, LoadError
from planwijzer.ingest.embedders import get_embedder, get_second_embedder
from planwijzer.ingest.loaders import SUPPORTED_SUFFIXES, load_document, os_error_reason
from planwijzer.ingest.manifest import Manifest
from planwijzer.ingest.sentences import split_sentences
from planwijzer.ingest.store import FILTER_KEYS, IndexStore, open_store, use_meta
from planwijzer.ingest.vocabulary import word_table
from tqdm import tqdm

from planwijzer.access import RULES_FILE, AccessError, AccessRules, document_label, read_rules
from planwijzer.config import Settings


@dataclass
class IngestReport:
    """What an ingest run did; ``failed`` maps a file to the reason it was skipped.

    ``ignored`` maps what is not indexed by design (unsupported file types, symlinked folders) to why: reported,
    but not a failure (the exit code stays 0).
    """

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    relabelled: list[str] = field(default_factory=list)
    """Documents whose access label alone changed: their records were re-labelled, nothing was embedded again."""
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    ignored: dict[str, str] = field(default_factory=dict)
    chunks_written: int = 0
    total_chunks: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=lambda: dict.fromkeys(("parse", "chunk", "embed", "write"), 0.0))

    def summary(self) -> str:
        """One human-readable line, plus one line per failed or ignored file."""
        ignored = f", {len(self.ignored)} ignored" if self.ignored else ""
        relabelled = f", {len(self.relabelled)} re-labelled" if self.relabelled else ""
        line = (
            f"{len(self.added)} added, {len(self.changed)} changed{relabelled}, {len(self.removed)} removed, "
            f"{len(self.skipped)} unchanged, {len(self.failed)} failed{ignored}; {self.chunks_written} chunks written, "
            f"{self.total_chunks} in index; {self.seconds:.1f} s"
        )
        failed = [f"FAILED {path}: {why}" for path, why in self.failed.items()]
        return "\n".join([line, *failed, *(f"IGNORED {path}: {why}" for path, why in self.ignored.items())])


def discover(root: Path) -> list[tuple[str, Path]]:
    """``(doc_id, path)`` for every supported file under ``root`` (a folder or one file).

    ``doc_id`` is the path relative to ``root`` (the file name when ``root`` is a file). Hidden
    files and folders are ignored; symlinked folders are not followed, so loops cannot trap the walk.
    """
    if root.is_file():
        return [(root.name, root)]
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            found.append((path.relative_to(root).as_posix(), path))
    return found


def ignored_entries(root: Path) -> dict[Path, str]:
    """What :func:`discover` passes over under the folder ``root``, with the reason: visible files of an
    unsupported type, and symlinked folders (not followed, so a link loop cannot trap the walk)."""
    out: dict[Path, str] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in dirnames:
            if (Path(dirpath) / name).is_symlink():
                out[Path(dirpath) / name] = "symbolic link to a folder, not followed; ingest the folder it points to"
        for name in filenames:
            suffix = Path(name).suffix.lower()
            if Path(dirpath) == root and name == RULES_FILE:  # the folder's access rules, read by the ingest
                continue
            if not name.startswith(".") and suffix not in SUPPORTED_SUFFIXES:
                out[Path(dirpath) / name] = (
                    f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(SUPPORTED_SUFFIXES)})"
                )
    return dict(sorted(out.items()))


def file_hash(path: Path) -> str:
    """sha256 of the file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def embed_unique(embedder, texts: list[str]) -> np.ndarray:
    """Passage embeddings of ``texts``, each distinct text embedded once (repeated boilerplate costs nothing)."""
    unique = list(dict.fromkeys(texts))
    vectors = embedder.embed_passages_array(unique)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]


def sentence_records(chunks: list[Chunk]) -> list[tuple[str, str, dict, str]]:
    """``(id, sentence, metadata, text to embed)`` for every sentence of every chunk."""
    records = []
    for chunk in chunks:
        base = {k: chunk.metadata[k] for k in FILTER_KEYS if k in chunk.metadata}
        title = str(chunk.metadata.get("title") or "")
        for i, sentence in enumerate(split_sentences(chunk.text)):
            meta = {**base, "chunk_id": chunk.chunk_id, "position": i}
            records.append((f"{chunk.chunk_id}-{i:03d}", sentence, meta, f"{title}: {sentence}" if title else sentence))
    return records


def decision_records(chunks: list[Chunk]) -> list[Decision]:
    """The decisions stated in one document's ``chunks`` (see :func:`ingest.decisions.document_decisions`)."""
    return document_decisions([(c.chunk_id, c.text, c.metadata) for c in chunks])


LABEL_ONLY_KEYS = frozenset({"access", "doc_hash"})
"""Chunk metadata that can change without the chunk being embedded again."""


def only_label_changed(old: dict[str, dict], chunks: list[Chunk]) -> bool:
    """True when ``chunks`` (a document loaded again) are the records ``old`` (chunk id -> metadata in the index)
    but for their access label: the same ids (so the same texts at the same places) and the same metadata otherwise."""
    if set(old) != {c.chunk_id for c in chunks}:
        return False
    for chunk in chunks:
        before = {k: v for k, v in old[chunk.chunk_id].items() if k not in LABEL_ONLY_KEYS}
        after = {k: v for k, v in chunk.metadata.items() if k not in LABEL_ONLY_KEYS}
        if before != after:
            return False
    return True


def _relabel(store: IndexStore, collections: list, doc_id: str, access: str, digest: str) -> None:
    """Give every record of ``doc_id`` (chunks, sentences, vectors, decisions) the access label ``access``; chunks
    also get the new file hash's prefix."""
    chunks, *others = collections
    update_doc_metadata([chunks], doc_id, {"access": access, "doc_hash": digest[:16]})
    update_doc_metadata(others, doc_id, {"access": access})
    store.decision_db.relabel(doc_id, access)


def _drop(store: IndexStore, manifest: Manifest, collections: list, doc_id: str) -> None:
    """Remove one document's chunks, sentences, second-lane vectors and decision records, then its manifest entry
    (saved)."""
    delete_doc(collections, doc_id)
    store.decision_db.delete(doc_id)
    del manifest.docs[doc_id]
    manifest.generation += 1
    store.save_manifest(manifest)


def _finish(store: IndexStore, manifest: Manifest, decisions_in_step: bool, second=None) -> int:
    """Bring the BM25 side, the vocabulary's word vectors (with a ``second`` lane) and the decision records in step
    with ``manifest``; returns the chunks in the index.

    Records kept in step document by document are stamped with the generation; otherwise they are rebuilt from the
    chunks.
    """
    lex = store.lexical(manifest.generation)
    if second is not None:
        word_table(store.dir, lex, second)
    if decisions_in_step:
        store.decision_db.stamp(manifest.generation)
    else:
        store.decision_db.sync(lex)
    return len(lex)


def remove_documents(doc_ids: list[str], settings: Settings) -> list[str]:
    """Remove documents from the index by id (chunks, sentences, decision records, manifest entries, BM25 side);
    returns the ids that were there. Their files are left alone: ingesting their folder again brings them back."""
    store = open_store(settings)
    manifest = store.manifest()
    in_step = store.decision_db.current(manifest.generation)
    collections = store.collections()
    removed = [doc_id for doc_id in doc_ids if doc_id in manifest.docs]
    for doc_id in removed:
        _drop(store, manifest, collections, doc_id)
    _finish(store, manifest, in_step)
    return removed


def ingest(
    paths: list[Path],
    settings: Settings,
    rebuild: bool = False,
    progress: bool = True,
    loader: Callable[[Path, int | None], LoadedDocument] = load_document,
) -> IngestReport:
    """Bring the index ``settings`` configure (:func:`~ingest.store.open_store`) in step with the files under ``paths``.

    ``loader(path, max_bytes)`` reads one file (default :func:`~ingest.loaders.load_document`; tests pass a
    wrapper to act between discovery and loading, e.g. to delete a file mid-run).
    """
    started = time.perf_counter()
    store = open_store(settings)
    store.dir.mkdir(parents=True, exist_ok=True)
    manifest = store.manifest()
    if rebuild:
        manifest = store.reset(manifest)
    store.decision_db.fill_if_missing()
    # Records kept in step document by document only if they matched the index to begin with (with a Chroma
    # server this directory may be a fresh cache); otherwise they are rebuilt from the chunks at the end.
    decisions_in_step = not manifest.docs or store.decision_db.current(manifest.generation)
    if manifest.embedder and manifest.embedder != settings.index.embedder and not rebuild:
        raise RuntimeError(
            f"{store.location} was built with embedder '{manifest.embedder}', but '{settings.index.embedder}' is "
            "configured; run `planwijzer ingest --rebuild` to re-embed everything with the new one"
        )
    manifest.embedder = settings.index.embedder
    embedder = get_embedder(settings.index.embedder)
    collections = store.collections()
    collection, sentence_collection, use_collection = collections
    second = get_second_embedder(settings.index.second_dense)
    report = IngestReport()
    max_bytes = int(settings.index.max_file_mb * 1024 * 1024)

    work: list[tuple[str, Path, str, AccessRules]] = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            report.failed[str(root)] = "no such file or folder"
            continue
        try:  # a broken rules file must not let restricted documents in as public: the folder waits for the fix
            rules = read_rules(root) if root.is_dir() else AccessRules()
        except AccessError as exc:
            report.failed[str(root)] = f"not ingested: {exc}"
            continue
        if root.is_dir():
            report.ignored.update({str(path): why for path, why in ignored_entries(root).items()})
        root_key = str(root.resolve())
        present = set()
        for doc_id, path in discover(root):
            present.add(doc_id)
            work.append((doc_id, path, root_key, rules))
        if root.is_dir():
            for doc_id, entry in list(manifest.docs.items()):
                if entry.get("root") == root_key and doc_id not in present:
                    _drop(store, manifest, collections, doc_id)
                    report.removed.append(doc_id)

    bar = tqdm(work, desc="ingest", unit="file", disable=not progress or len(work) < 2, leave=False)
    for doc_id, path, root_key, rules in bar:
        bar.set_postfix_str(doc_id[-40:])
        try:
            digest = file_hash(path)
        except OSError as exc:
            report.failed[str(path)] = os_error_reason(path, exc)
            continue
        old = manifest.docs.get(doc_id)
        if old and old.get("root") != root_key:
            other = Path(str(old.get("path") or ""))
            if other.is_file() and other.resolve() != path.resolve():
                report.failed[str(path)] = (
                    f"its document id '{doc_id}' (the path below the ingested folder) is already taken by {other}; "
                    "ingest one folder above both, or rename one of the files"
                )
                continue
            old["root"], old["path"] = root_key, str(path.resolve())  # the folder moved: the document follows it
        if old and old.get("hash") == digest and "access" in old:
            access = document_label(old.get("front_access"), rules, doc_id)
            if access != old["access"]:  # only the folder rules changed: re-label, embed nothing
                _relabel(store, collections, doc_id, access, digest)
                old["access"] = access
                manifest.generation += 1
                store.save_manifest(manifest)
                report.relabelled.append(doc_id)
            else:
                report.skipped.append(doc_id)
            continue
        try:
            t = time.perf_counter()
            doc = loader(path, max_bytes)
            front_access = doc.meta.get("access")
            doc.meta["access"] = access = document_label(front_access, rules, doc_id)
            report.timings["parse"] += time.perf_counter() - t
            t = time.perf_counter()
            chunks = chunk_document(doc, doc_id, settings.index.chunk_size, settings.index.chunk_overlap)
            report.timings["chunk"] += time.perf_counter() - t
            if not chunks:
                raise LoadError(path, "no text found")
        except LoadError as exc:
            report.failed[str(path)] = exc.reason
            continue
        except AccessError as exc:
            report.failed[str(path)] = f"{exc}; the document keeps what it had in the index"
            continue
        if old and only_label_changed(doc_metadatas(collection, doc_id), chunks):
            _relabel(store, collections, doc_id, access, digest)  # the same text: re-label, embed nothing
            before = old.get("access")
            old.update(hash=digest, access=access, front_access=front_access)
            manifest.generation += 1
            store.save_manifest(manifest)
            (report.relabelled if before != access else report.skipped).append(doc_id)
            continue
        sentences = sentence_records(chunks)
        t = time.perf_counter()
        texts = [c.embedding_text() for c in chunks] + [s[3] for s in sentences]
        vectors = embed_unique(embedder, texts)
        lane_vectors = embed_unique(second, texts[: len(chunks)]) if second is not None else None
        report.timings["embed"] += time.perf_counter() - t
        t = time.perf_counter()
        delete_doc(collections, doc_id)
        metas = [{**c.metadata, "doc_hash": digest[:16]} for c in chunks]
        metas_use = [use_meta(m) for m in metas]
        write_records(collection, [c.chunk_id for c in chunks], [c.text for c in chunks], metas, vectors[: len(chunks)])
        write_records(
            sentence_collection,
            [s[0] for s in sentences],
            [s[1] for s in sentences],
            [s[2] for s in sentences],
            vectors[len(chunks) :],
        )
        if lane_vectors is not None:  # written after the chunks: a crash in between is repaired like any other
            write_records(use_collection, [c.chunk_id for c in chunks], [""] * len(chunks), metas_use, lane_vectors)
        store.decision_db.replace(doc_id, decision_records(chunks))
        manifest.generation += 1
        manifest.docs[doc_id] = {
            "hash": digest,
            "root": root_key,
            "path": str(path.resolve()),
            "chunks": len(chunks),
            "title": doc.meta.get("title"),
            "access": access,
            "front_access": front_access,
            "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        store.save_manifest(manifest)
        report.timings["write"] += time.perf_counter() - t
        report.chunks_written += len(chunks)
        (report.changed if old else report.added).append(doc_id)

    t = time.perf_counter()
    report.total_chunks = _finish(store, manifest, decisions_in_step, second)
    report.timings["write"] += time.perf_counter() - t
    store.save_manifest(manifest)
    report.seconds = time.perf_counter() - started
    return report
