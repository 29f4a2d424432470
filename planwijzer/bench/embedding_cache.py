"""Real embeddings of generated distractor chunks, cached on disk by content hash (outside the repository).

Embedding 10k–100k generated chunks takes long on a 2-core CPU, but the result for a given text and model
never changes; the cache lets later bench runs reuse it. Default location
``$XDG_CACHE_HOME/planwijzer/bench-embeddings.sqlite3`` (``~/.cache/…``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import numpy as np

BATCH = 256


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "planwijzer" / "bench-embeddings.sqlite3"


def _key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()


def cached_embeddings(
    texts: list[str],
    model: str,
    embed: Callable[[list[str]], np.ndarray],
    cache: Path | None = None,
    log: Callable[[str], None] = lambda _m: None,
) -> tuple[np.ndarray, int]:
    """Vectors of ``texts`` for ``model``: cached ones read, the rest computed with ``embed`` (in batches, each
    batch stored as soon as it is done, so an interrupted run keeps its work). Returns (vectors, how many computed)."""
    cache = cache or default_cache()
    cache.parent.mkdir(parents=True, exist_ok=True)
    keys = [_key(model, t) for t in texts]
    conn = sqlite3.connect(cache)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, data BLOB)")
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), 500):
            part = unique[i : i + 500]
            rows = conn.execute(
                f"SELECT key, data FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
            ).fetchall()
            found.update((k, np.frombuffer(blob, dtype=np.float32)) for k, blob in rows)
        first = {k: i for i, k in reversed(list(enumerate(keys)))}
        todo = sorted(i for k, i in first.items() if k not in found)
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            vectors = np.asarray(embed([texts[i] for i in batch]), dtype=np.float32)
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                    [(keys[i], int(v.shape[0]), v.tobytes()) for i, v in zip(batch, vectors, strict=True)],
                )
            found.update((keys[i], v) for i, v in zip(batch, vectors, strict=True))
            log(f"embedded {min(start + BATCH, len(todo))}/{len(todo)} distractors with {model}")
        return np.vstack([found[k] for k in keys]) if keys else np.zeros((0, 0), np.float32), len(todo)
    finally:
        conn.close()
