"""Benchmark jobs. Each runs in its own process, so its peak memory is its own."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from langchain_chroma import Chroma

from planwijzer.assistant.answer import answer_question
from planwijzer.assistant.baseline import BASELINE_EMBEDDER, plain_chunks
from planwijzer.assistant.evaluation import ranked_urls
from planwijzer.assistant.retrieval import Index
from planwijzer.bench.embedding_cache import cached_embeddings
from planwijzer.bench.generate import derived_vectors, make_distractors
from planwijzer.bench.measure import dir_size_mb, peak_rss_mb, percentiles, throughput
from planwijzer.config import get_settings
from planwijzer.ingest.chroma import persistent_client, write_records
from planwijzer.ingest.chunking import chunk_document
from planwijzer.ingest.document import LoadError
from planwijzer.ingest.embedders import get_embedder
from planwijzer.ingest.loaders import load_document
from planwijzer.ingest.pipeline import discover, ingest, sentence_records
from planwijzer.ingest.store import IndexStore

CLIENTS = (1, 4, 16)


def _documents(paths: list[str]) -> list[tuple[str, object]]:
    docs = []
    for root in paths:
        for doc_id, path in discover(Path(root)):
            try:
                docs.append((doc_id, load_document(path)))
            except LoadError:
                continue
    return docs


def ingest_job(paths: list[str], index_dir: str) -> dict:
    """Ingest the real corpus from scratch: throughput, stage split, embedder tokens/s, memory, size."""
    settings = get_settings(index=index_dir)
    shutil.rmtree(index_dir, ignore_errors=True)
    report = ingest([Path(p) for p in paths], settings, progress=False)
    embedder = get_embedder(settings.index.embedder)
    texts: list[str] = []
    for doc_id, doc in _documents(paths):
        chunks = chunk_document(doc, doc_id, settings.index.chunk_size, settings.index.chunk_overlap)
        texts += [c.embedding_text() for c in chunks] + [r[3] for r in sentence_records(chunks)]
    tokens = sum(embedder.count_tokens(t) for t in texts)
    files = len(report.added) + len(report.changed)
    embed_s = report.timings["embed"]
    return {
        "files": files,
        "failed": len(report.failed),
        "chunks": report.total_chunks,
        "seconds": round(report.seconds, 2),
        "stages_s": {k: round(v, 3) for k, v in report.timings.items()},
        "docs_per_s": round(files / report.seconds, 3),
        "chunks_per_s": round(report.total_chunks / report.seconds, 3),
        "embedded_texts": len(texts),
        "embedder_tokens": tokens,
        "embedder_tokens_per_s": round(tokens / embed_s, 1) if embed_s else None,
        "overhead_share": round((report.seconds - embed_s) / report.seconds, 4),
        "peak_rss_mb": peak_rss_mb(),
        "index_mb": dir_size_mb(Path(index_dir)),
    }


def _baseline_chunks(paths: list[str]) -> list[tuple[str, dict]]:
    files = [item for root in paths for item in discover(Path(root))]
    return [(d.page_content, d.metadata) for d in plain_chunks(files)]


def baseline_ingest_job(paths: list[str], index_dir: str) -> dict:
    """The plain pipeline's ingest of the same files: split, MiniLM embeddings, Chroma."""
    shutil.rmtree(index_dir, ignore_errors=True)
    started = time.perf_counter()
    pieces = _baseline_chunks(paths)
    client = persistent_client(Path(index_dir) / "chroma")
    store = Chroma("baseline", embedding_function=get_embedder(BASELINE_EMBEDDER), client=client)
    store.add_texts([p for p, _ in pieces], metadatas=[m for _, m in pieces])
    seconds = time.perf_counter() - started
    return {
        "chunks": len(pieces),
        "seconds": round(seconds, 2),
        "chunks_per_s": round(len(pieces) / seconds, 3),
        "peak_rss_mb": peak_rss_mb(),
        "index_mb": dir_size_mb(Path(index_dir)),
    }


def distractor_vectors(distractors: list, real_vectors, embedder_name: str, embed: bool):
    """The distractors' vectors: real embeddings (cached by content hash) when ``embed``, else derived ones."""
    if not embed:
        return derived_vectors(distractors, real_vectors)
    embedder = get_embedder(embedder_name)
    vectors, _ = cached_embeddings([d.text for d in distractors], embedder_name, embedder.embed_passages_array)
    return vectors


def _grow(real_index: str, scale_index: str, size: int, embed: bool = False) -> int:
    """Copy the real index and add distractors until it holds ``size`` chunks; returns the chunk count."""
    shutil.rmtree(scale_index, ignore_errors=True)
    shutil.copytree(real_index, scale_index)
    settings = get_settings(index=scale_index)
    store = IndexStore.embedded(Path(scale_index), settings.index.collection)
    collection = store.chunk_collection()
    got = collection.get(include=["documents", "metadatas", "embeddings"])
    extra = size - len(got["ids"])
    manifest = store.manifest()
    if extra > 0:
        distractors = make_distractors(got["documents"], got["metadatas"], extra)
        vectors = distractor_vectors(distractors, got["embeddings"], settings.index.embedder, embed)
        write_records(
            collection,
            [d.chunk_id for d in distractors],
            [d.text for d in distractors],
            [d.meta for d in distractors],
            vectors,
        )
        manifest.generation += 1
        store.save_manifest(manifest)
    return len(store.lexical(manifest.generation))


def ours_scale_job(
    real_index: str, scale_index: str, size: int, questions: list[dict], throughput_requests: int, embed: bool = False
) -> dict:
    """Planwijzer at one corpus size: search and ask latency (with stage split), throughput, recall@5, memory."""
    t = time.perf_counter()
    chunks = _grow(real_index, scale_index, size, embed)
    build_s = time.perf_counter() - t
    index = Index(get_settings(index=scale_index, query_cache=0))  # every question timed as a new one
    index.search("warm-up", k=1)
    search_ms, ask_ms, stages, hits5 = [], [], {}, []
    for q in questions:
        t = time.perf_counter()
        index.search(q["question"], k=10, context=" ".join((q.get("history") or [])[-1:]))
        search_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ans = answer_question(index, q["question"], q.get("history") or [])
        ask_ms.append((time.perf_counter() - t) * 1000)
        for k, v in ans.timings_ms.items():
            stages.setdefault(k, []).append(v)
        if q.get("answerable", True) and q.get("gold_urls"):
            hits5.append(bool(set(ranked_urls([h.meta.get("url") for h in ans.hits])[:5]) & set(q["gold_urls"])))
    texts = [q["question"] for q in questions]
    return {
        "chunks": chunks,
        "grow_s": round(build_s, 2),
        "search_ms": percentiles(search_ms),
        "ask_ms": percentiles(ask_ms),
        "ask_stages_ms": {k: percentiles(v)["p50"] for k, v in stages.items()},
        "throughput": [throughput(lambda q: answer_question(index, q), texts, c, throughput_requests) for c in CLIENTS],
        "recall@5": round(sum(hits5) / len(hits5), 3) if hits5 else None,
        "peak_rss_mb": peak_rss_mb(),
        "index_mb": dir_size_mb(Path(scale_index)),
    }


def baseline_scale_job(
    paths: list[str], real_index: str, scale_dir: str, size: int, questions: list[dict], embed: bool = False
) -> dict:
    """The plain pipeline at the same size: same real files plus the same distractors (MiniLM vectors)."""
    shutil.rmtree(scale_dir, ignore_errors=True)
    embedder = get_embedder(BASELINE_EMBEDDER)
    settings = get_settings(index=real_index)
    real_chunks = IndexStore.embedded(Path(real_index), settings.index.collection).chunk_collection()
    real = real_chunks.get(include=["documents", "metadatas"])
    pieces = _baseline_chunks(paths)
    client = persistent_client(Path(scale_dir) / "chroma")
    store = Chroma("baseline", embedding_function=embedder, client=client)
    store.add_texts([p for p, _ in pieces], metadatas=[m for _, m in pieces])
    extra = size - len(real["ids"])
    if extra > 0:
        distractors = make_distractors(real["documents"], real["metadatas"], extra)
        real_vectors = None if embed else embedder.embed_passages_array(real["documents"])
        vectors = distractor_vectors(distractors, real_vectors, BASELINE_EMBEDDER, embed)
        write_records(
            client.get_collection("baseline"),
            [d.chunk_id for d in distractors],
            [d.text for d in distractors],
            [{"doc_id": d.meta["doc_id"], "url": d.meta["url"], "title": d.meta["title"]} for d in distractors],
            vectors,
        )
    store.similarity_search("warm-up", k=1)
    search_ms, hits5 = [], []
    for q in questions:
        text = " ".join([*(q.get("history") or [])[-1:], q["question"]])
        t = time.perf_counter()
        docs = store.similarity_search(text, k=10)
        search_ms.append((time.perf_counter() - t) * 1000)
        if q.get("answerable", True) and q.get("gold_urls"):
            hits5.append(bool(set(ranked_urls([d.metadata.get("url") for d in docs])[:5]) & set(q["gold_urls"])))
    return {
        "chunks": client.get_collection("baseline").count(),
        "search_ms": percentiles(search_ms),
        "recall@5": round(sum(hits5) / len(hits5), 3) if hits5 else None,
        "peak_rss_mb": peak_rss_mb(),
        "index_mb": dir_size_mb(Path(scale_dir)),
    }
