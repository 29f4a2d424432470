"""The plain pipeline most users would write first, as a baseline for ``eval`` and ``bench``.

langchain's default splitter (1000/200 characters), English all-MiniLM-L6-v2 embeddings, a Chroma
similarity search, and the top chunk as the answer. It is built from the same files as the index.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.document import LoadError
from planwijzer.ingest.embedders import get_embedder
from planwijzer.ingest.loaders import load_document

BASELINE_EMBEDDER = "sentence-transformers:minilm"


def plain_chunks(files: Iterable[tuple[str, Path]]) -> list[Document]:
    """The plain pipeline's chunks of ``(doc_id, path)`` files: langchain's default-style 1000/200 split of
    the whole text, with doc_id, url and title. Unreadable files are left out, as a user's script would."""
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    docs: list[Document] = []
    for doc_id, path in files:
        try:
            loaded = load_document(path)
        except LoadError:
            continue
        text = "\n\n".join(b.text for b in loaded.blocks)
        meta = {"doc_id": doc_id, "url": loaded.meta.get("url") or "", "title": loaded.meta.get("title") or ""}
        docs += splitter.create_documents([text], metadatas=[meta])
    return docs


class PlainPipeline:
    """A Chroma collection of 1000-character chunks embedded with MiniLM, searched by similarity."""

    def __init__(self, store: Chroma) -> None:
        self.store = store

    @classmethod
    def for_index(cls, index: Index) -> PlainPipeline:
        """Build (or reuse, when the index has not changed) the baseline collection beside ``index``."""
        manifest = index.store.manifest()
        name = f"baseline-minilm-g{manifest.generation}"
        client = index.store.baseline_client()
        store = Chroma(collection_name=name, embedding_function=get_embedder(BASELINE_EMBEDDER), client=client)
        if client.get_collection(name).count() == 0:  # the vector store created it if missing
            for old in client.list_collections():
                if old.name != name:
                    client.delete_collection(old.name)
            docs = plain_chunks((doc_id, Path(entry["path"])) for doc_id, entry in sorted(manifest.docs.items()))
            if docs:
                store.add_documents(docs)
        return cls(store)

    def search(self, query: str, k: int = 5) -> list[Document]:
        """Top ``k`` chunks by similarity."""
        return self.store.similarity_search(query, k=k)
