"""The BM25 side of the index: a local cache, rebuilt from the Chroma chunk collection (the source of truth).

``bm25/`` in the index directory holds the bm25s index and ``chunks.json`` (ids, texts, metadata), tagged with the
index generation it was built from, the tokenizer version and the BM25 parameters; one that differs in any of them
is rebuilt from Chroma (:meth:`ingest.store.IndexStore.lexical`), so the two never drift apart.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import bm25s
from planwijzer.ingest.chroma import READ_BATCH
from planwijzer.ingest.chunking import context_text
from planwijzer.ingest.tokens import TOKENIZER_VERSION, stems

BM25_DIR = "bm25"
"""The folder of the BM25 side in the index directory."""


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


def _bm25_over(texts: list[str], metas: list[dict]) -> bm25s.BM25 | None:
    if not texts:
        return None
    bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
    bm25.index([_bm25_tokens(t, m) or ["\x00"] for t, m in zip(texts, metas, strict=True)], show_progress=False)
    return bm25


def lexical_subset(lex: LexicalIndex, rows: list[int]) -> LexicalIndex:
    """The chunks at ``rows`` of ``lex`` as a lexical index of their own: BM25 built over them alone, so chunks
    left out neither take a place in a ranking nor change a score (their words do not count in the statistics)."""
    texts, metas = [lex.texts[i] for i in rows], [lex.metas[i] for i in rows]
    return LexicalIndex(_bm25_over(texts, metas), [lex.ids[i] for i in rows], texts, metas, lex.generation)


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
    return LexicalIndex(_bm25_over(texts, metas), ids, texts, metas, generation)


def save_lexical(index_dir: Path, lex: LexicalIndex) -> None:
    """Persist the lexical index atomically (write to a temp dir, then swap).

    Several processes may refresh the same cache at once (app workers after an ingest): whoever loses
    the swap leaves the winner's copy in place, which holds the same generation or a newer one.
    """
    target = index_dir / BM25_DIR
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
    target = index_dir / BM25_DIR
    try:
        data = json.loads((target / "chunks.json").read_text(encoding="utf-8"))
        stale = data.get("tokenizer") != TOKENIZER_VERSION or data.get("bm25_params") != [BM25_K1, BM25_B]
        if stale and not any_version:
            return None
        bm25 = bm25s.BM25.load(str(target / "bm25"), show_progress=False) if data["ids"] else None
    except (OSError, ValueError, KeyError):
        return None
    return LexicalIndex(bm25, data["ids"], data["texts"], data["metas"], int(data["generation"]))
