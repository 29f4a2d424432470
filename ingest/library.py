"""The document library: adding uploaded documents to the index and removing documents from it.

An upload is checked (name, type, size, readable text, its name not used by a document from another folder),
moved into the uploads folder (:mod:`ingest.uploads`) and indexed by an incremental ingest of that folder, which
only ever removes documents that came from it; a document's id is its file name. Removing a document takes it out
of every part of the index, and deletes its file when it was uploaded (a document from another folder comes back
when that folder is ingested again).

A refused change is a :class:`~planwijzer.messages.Refusal` whose key (``err_size``, ``err_taken``,
``err_unreadable``, ``err_unknown_doc``, and ``err_name``/``err_type`` from :func:`ingest.uploads.safe_filename`)
names its text in the catalogue: the caller shows it in the user's language.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from planwijzer.ingest.document import LoadError
from planwijzer.ingest.loaders import load_document
from planwijzer.ingest.uploads import prepare_uploads_dir, safe_filename, uploads_root

from planwijzer.access import PUBLIC, set_rule
from planwijzer.config import Settings
from planwijzer.messages import Refusal

_LOCK = threading.Lock()
"""One library change at a time in this process (ingest and removal both rewrite the manifest)."""


@dataclass
class UploadResult:
    """What an upload did: the stored (and indexed) file names, and the refused ones with their reason."""

    added: list[str] = field(default_factory=list)
    refused: dict[str, Refusal] = field(default_factory=dict)


def _manifest(settings: Settings):
    from planwijzer.ingest.store import open_store

    return open_store(settings).manifest()


def documents(settings: Settings) -> list[tuple[str, bool, str]]:
    """``(doc_id, uploaded, access)`` of every indexed document, sorted by id (``uploaded``: it came from the uploads
    folder; ``access``: its label)."""
    root = str(uploads_root(settings))
    return [
        (doc_id, entry.get("root") == root, str(entry.get("access") or PUBLIC))
        for doc_id, entry in sorted(_manifest(settings).docs.items())
    ]


def store_upload(src: Path, original_name: str, settings: Settings) -> Path:
    """Check one uploaded file (name, type, size, readable text, name not used by another folder's document) and
    move it into the uploads folder; returns the stored path. Nothing is stored when a check fails."""
    root = uploads_root(settings)
    name = safe_filename(original_name)
    max_bytes = int(settings.index.max_file_mb * 1024 * 1024)
    size = Path(src).stat().st_size
    if size > max_bytes:
        raise Refusal("err_size", size=f"{size / 1024 / 1024:.1f}", limit=f"{settings.index.max_file_mb:g}")
    entry = _manifest(settings).docs.get(name)
    if entry and entry.get("root") != str(root):
        raise Refusal("err_taken", name=name)
    target = root / name
    if target.parent != root:  # cannot happen after safe_filename; the last line of defence
        raise Refusal("err_name")
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".staging-"))  # hidden: ingest never sees it
    try:
        staged = staging / name
        shutil.copyfile(src, staged)
        try:
            load_document(staged, max_bytes=max_bytes)
        except LoadError as exc:
            raise Refusal("err_unreadable", reason=exc.reason) from exc
        staged.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def upload_files(
    settings: Settings, files: list[tuple[Path, str]], served: Iterable[Path] = (), access: str = PUBLIC
) -> UploadResult:
    """Store each ``(temporary path, original name)`` that passes the checks, then ingest the uploads folder
    (incremental: only new or changed files are embedded). Files the ingest cannot index are removed again.
    ``served``: folders a web server hands files out from, which the uploads folder must stay out of. ``access``:
    who may read the uploads (a label, see :mod:`planwijzer.access`), kept as a rule per file in the uploads
    folder's ``access.toml``, written before the ingest so no upload is ever readable beyond it."""
    from planwijzer.ingest.pipeline import ingest

    result = UploadResult()
    root = prepare_uploads_dir(settings, served)
    with _LOCK:
        stored: dict[str, str] = {}
        for src, original in files:
            try:
                path = store_upload(Path(src), original, settings)
                set_rule(root, path.name, access)  # before the ingest below reads the folder
                stored[str(path)] = original
            except Refusal as exc:
                result.refused[original] = exc
        if not stored:
            return result
        report = ingest([root], settings, progress=False)
        failed = [path for path in stored if path in report.failed]
        for path in failed:
            result.refused[stored[path]] = Refusal("err_unreadable", reason=report.failed[path])
            Path(path).unlink(missing_ok=True)
            set_rule(root, Path(path).name, PUBLIC)
        if failed:  # keep the index in step with the folder
            ingest([root], settings, progress=False)
        result.added = [Path(p).name for p in stored if p not in failed]
    return result


def remove_document(settings: Settings, doc_id: str) -> Path | None:
    """Remove ``doc_id`` from the index (chunks, sentences, decision records, manifest, BM25 side); when it was
    uploaded, its stored file too (returned). A document from another folder comes back if that folder is ingested
    again."""
    from planwijzer.ingest.pipeline import remove_documents

    root = uploads_root(settings)
    with _LOCK:
        entry = _manifest(settings).docs.get(doc_id)
        if entry is None:
            raise Refusal("err_unknown_doc", doc=doc_id)
        remove_documents([doc_id], settings)
        stored = Path(str(entry.get("path") or ""))
        if entry.get("root") == str(root) and stored.parent == root:
            stored.unlink(missing_ok=True)
            set_rule(root, stored.name, PUBLIC)  # its rule goes with it
            return stored
    return None
