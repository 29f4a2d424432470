"""Opening the index for queries: one cached :class:`Index` per configuration, auto-ingesting the default corpus."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.pipeline import ingest
from planwijzer.ingest.store import open_store

from planwijzer.config import Settings


def ensure_index(settings: Settings, progress: bool = True) -> None:
    """Ingest ``settings.index.corpus`` first when the index holds no documents yet (the fresh-clone case)."""
    store = open_store(settings)
    if store.manifest().docs:
        return
    if store.shared:  # several workers share a server: one ingest, run on purpose, fills it
        raise RuntimeError(
            f"the index on the Chroma server {settings.index.chroma_url} is empty; "
            "run `planwijzer ingest PATH` with the same PLANWIJZER_CHROMA_URL first"
        )
    corpus = Path(settings.index.corpus)
    if not corpus.exists():
        raise RuntimeError(
            f"the index at {settings.index.dir} is empty and the corpus folder {corpus} does not exist; "
            "run `planwijzer ingest PATH` first"
        )
    print(f"Index at {settings.index.dir} is empty: ingesting {corpus} first …", file=sys.stderr)
    report = ingest([corpus], settings, progress=progress)
    print(report.summary(), file=sys.stderr)


@lru_cache(maxsize=4)
def _open(settings_json: str) -> Index:
    return Index(Settings.model_validate_json(settings_json))


def open_index(settings: Settings, auto_ingest: bool = True) -> Index:
    """The (cached) index for ``settings``, ingesting the default corpus into an empty index first."""
    if auto_ingest:
        ensure_index(settings)
    return _open(settings.model_dump_json())
