"""Split a loaded document into overlapping chunks on paragraph and sentence boundaries.

Each chunk carries everything a citation needs (doc_id, title, url, page, section heading, date,
year, doc_type, language, institution, character offsets) and a content-derived ``chunk_id``
that is stable across runs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from langchain_text_splitters import RecursiveCharacterTextSplitter
from planwijzer.ingest.document import Block, LoadedDocument
from planwijzer.ingest.metadata import year_of

SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]
MIN_SECTION_CHARS = 300
"""Sections shorter than this are merged with the next section on the same page."""


@dataclass
class Chunk:
    """One indexed passage: its text and its (Chroma-compatible, None-free) metadata."""

    chunk_id: str
    text: str
    metadata: dict[str, str | int] = field(default_factory=dict)

    def embedding_text(self) -> str:
        """Text given to the embedder and BM25: title and heading give the passage its context."""
        return context_text(self.text, self.metadata)


def context_text(text: str, meta: dict) -> str:
    """A chunk's ``text`` after its title and heading (from ``meta``): what is embedded and indexed for BM25."""
    head = [str(meta.get(k)) for k in ("title", "heading") if meta.get(k)]
    return "\n".join([*head, text])


Section = tuple[int, str]
"""``(offset, heading)``: where in a merged block's text a section with that heading starts."""
Outline = tuple[int, tuple[str, ...]]
"""``(offset, headings)``: where in a merged block's text a block enclosed by those headings (outermost first)
starts."""


def _merge_small_blocks(blocks: list[Block]) -> list[tuple[Block, list[Section], list[Outline]]]:
    """Join runs of short blocks on one page, so headings and one-liners don't become tiny chunks.

    The joined text is the blocks' texts separated by a blank line (the document text, unchanged);
    the run keeps the heading of the block that contributes the most text, and lists where each
    block's own heading starts (a minutes' agenda items: "2. Begroting", "3. Huisvesting") and where each block's
    outline (the headings enclosing its own) starts.
    """
    runs: list[list[Block]] = []
    for block in blocks:
        if not block.text.strip():
            continue
        run = runs[-1] if runs else None
        if run and run[-1].page == block.page and sum(len(b.text) + 2 for b in run) < MIN_SECTION_CHARS:
            run.append(block)
        else:
            runs.append([block])
    merged = []
    for run in runs:
        heading = max(run, key=lambda b: len(b.text) if b.heading else -1).heading
        sections, outlines, offset = [], [], 0
        for b in run:
            if b.heading:
                sections.append((offset, b.heading))
            outlines.append((offset, b.outline))
            offset += len(b.text) + 2
        merged.append((Block("\n\n".join(b.text for b in run), run[0].page, heading), sections, outlines))
    return merged


def _piece_sections(sections: list[Section], start: int, end: int) -> str | None:
    """The sections of a block that a chunk spanning ``start``-``end`` of it covers, as JSON ``[[offset in the
    chunk, heading], …]`` (the one the chunk starts in at offset 0); None when it lies in one section only."""
    inside = [(max(0, o - start), h) for i, (o, h) in enumerate(sections) if o < end and (
        i + 1 == len(sections) or sections[i + 1][0] > start)]  # fmt: skip
    return json.dumps(inside, ensure_ascii=False) if len({h for _, h in inside}) > 1 else None


def _piece_outline(outlines: list[Outline], start: int, end: int) -> str | None:
    """The outlines of the blocks that a chunk spanning ``start``-``end`` of a merged block covers, as JSON ``[[offset
    in the chunk, [heading, …]], …]``; None when none of them is enclosed by a heading."""
    inside = [(max(0, o - start), list(h)) for i, (o, h) in enumerate(outlines) if o < end and (
        i + 1 == len(outlines) or outlines[i + 1][0] > start)]  # fmt: skip
    return json.dumps(inside, ensure_ascii=False) if any(h for _, h in inside) else None


def make_chunk_id(doc_id: str, page: int | None, text: str, occurrence: int) -> str:
    """Content-derived id: the same text at the same place gets the same id in every run."""
    key = f"{doc_id}\x00{page}\x00{occurrence}\x00{text}".encode()
    return hashlib.sha256(key).hexdigest()[:24]


def chunk_document(doc: LoadedDocument, doc_id: str, chunk_size: int = 900, overlap: int = 150) -> list[Chunk]:
    """Chunks of ``doc`` in reading order, with metadata for filtering and citing."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=overlap,
        separators=SEPARATORS,
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    base = {k: v for k, v in doc.meta.items() if v not in (None, "")}
    base["doc_id"] = doc_id
    year = year_of(doc.meta.get("date"))
    if year:
        base["year"] = year
    chunks: list[Chunk] = []
    seen: dict[tuple, int] = {}
    offset = 0
    for block, sections, outlines in _merge_small_blocks(doc.blocks):
        for piece in splitter.create_documents([block.text]):
            text = piece.page_content.strip()
            if not text:
                continue
            in_block = int(piece.metadata.get("start_index", 0))
            start = offset + in_block
            occurrence = seen.get((block.page, text), 0)
            seen[(block.page, text)] = occurrence + 1
            meta: dict[str, str | int] = dict(base)
            meta.update({"char_start": start, "char_end": start + len(text), "position": len(chunks)})
            if block.page is not None:
                meta["page"] = block.page
            if block.heading:
                meta["heading"] = block.heading
            covered = _piece_sections(sections, in_block, in_block + len(piece.page_content))
            if covered:
                meta["sections"] = covered
            enclosing = _piece_outline(outlines, in_block, in_block + len(piece.page_content))
            if enclosing:
                meta["outline"] = enclosing
            chunks.append(Chunk(make_chunk_id(doc_id, block.page, text, occurrence), text, meta))
        offset += len(block.text) + 2
    return chunks
