"""Decision records straight from a folder, without indexing it: nothing is embedded or stored.

``planwijzer decisions --evaluate GOLD --corpus DIR`` measures the extraction rules on a folder this way. The
files are found, loaded and chunked exactly as ingest does, so the records are the ones an ingest would store.
"""

from __future__ import annotations

from pathlib import Path

from planwijzer.ingest.chunking import chunk_document
from planwijzer.ingest.decisions import Decision
from planwijzer.ingest.document import LoadError
from planwijzer.ingest.loaders import load_document
from planwijzer.ingest.pipeline import decision_records, discover

from planwijzer.config import Settings


def folder_decisions(folder: Path, settings: Settings) -> list[Decision]:
    """Decision records of every readable file under ``folder`` (unreadable files are skipped)."""
    records = []
    for doc_id, path in discover(folder):
        try:
            chunks = chunk_document(
                load_document(path), doc_id, settings.index.chunk_size, settings.index.chunk_overlap
            )
        except LoadError:
            continue
        records += decision_records(chunks)
    return records
