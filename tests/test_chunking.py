"""chunk_document: overlapping, size-bounded chunks that carry everything a citation needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PDF_PAGES, PLAN_MD, pdf_bytes
from planwijzer.ingest.chunking import chunk_document
from planwijzer.ingest.document import Block, LoadedDocument
from planwijzer.ingest.loaders import load_document

SENTENCES = [
    f"Zin {i} beschrijft hoe de faculteit de middelen voor kleinschalig onderwijs in jaar {2019 + i % 5} besteedt."
    for i in range(60)
]
LONG_PARAGRAPH = " ".join(SENTENCES)
META = {
    "title": "Jaarplan",
    "url": "https://duinstad.example/jaarplan",
    "date": "2021-06-30",
    "doc_type": "plan",
    "language": "nl",
    "institution": "Universiteit Duinstad",
}


def doc_text(doc: LoadedDocument) -> str:
    """The document's text as the chunker numbers it: blocks joined by blank lines."""
    return "\n\n".join(block.text for block in doc.blocks)


def long_doc() -> LoadedDocument:
    return LoadedDocument([Block(LONG_PARAGRAPH)], dict(META))


def test_markdown_front_matter_becomes_chunk_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bestedingsplan-2022.md"
    path.write_text(PLAN_MD, encoding="utf-8")
    chunks = chunk_document(load_document(path), "plannen/bestedingsplan-2022.md")
    assert chunks
    for chunk in chunks:
        meta = chunk.metadata
        assert meta["doc_id"] == "plannen/bestedingsplan-2022.md"
        assert meta["title"] == "Bestedingsplan kwaliteitsafspraken Universiteit Duinstad"
        assert meta["url"] == "https://duinstad.example/kwaliteitsafspraken/bestedingsplan"
        assert meta["date"] == "2022-03-14"
        assert meta["year"] == 2022
        assert meta["doc_type"] == "plan"
        assert meta["language"] == "nl"
        assert meta["institution"] == "Universiteit Duinstad"
        assert "page" not in meta  # Markdown has no pages
        # Chroma accepts only str/int/float/bool values: nothing may be None
        assert all(isinstance(v, str | int | float | bool) for v in meta.values())
    headings = {c.metadata.get("heading") for c in chunks}
    assert "Instemming met het bestedingsplan" in headings
    assert [c.metadata["position"] for c in chunks] == list(range(len(chunks)))


def test_pdf_chunks_carry_their_1_based_page_number(tmp_path: Path) -> None:
    path = tmp_path / "jaarverslag-2020.pdf"
    path.write_bytes(pdf_bytes(PDF_PAGES))
    chunks = chunk_document(load_document(path), path.name)
    assert sorted({c.metadata["page"] for c in chunks}) == [1, 2, 3]
    (kompas,) = [c for c in chunks if "Kompas" in c.text]
    assert kompas.metadata["page"] == 2
    assert kompas.metadata["year"] == 2020  # from the file name


def test_a_document_without_date_has_no_year() -> None:
    doc = LoadedDocument([Block("Een tekst zonder datum over het tutoraat.")], {"title": "Tutoraat", "date": None})
    (chunk,) = chunk_document(doc, "tutoraat.docx")
    assert "year" not in chunk.metadata and "date" not in chunk.metadata
    assert chunk.metadata["title"] == "Tutoraat"


def test_char_offsets_point_at_the_chunk_text() -> None:
    doc = long_doc()
    text = doc_text(doc)
    chunks = chunk_document(doc, "jaarplan.md", chunk_size=400, overlap=80)
    assert len(chunks) > 5
    for chunk in chunks:
        assert text[chunk.metadata["char_start"] : chunk.metadata["char_end"]] == chunk.text


def test_char_offsets_count_across_sections_and_pages() -> None:
    sections = [" ".join(SENTENCES[i : i + 4]) for i in range(0, 12, 4)]  # each > 300 chars: nothing is merged
    doc = LoadedDocument([Block(s, page=n) for n, s in enumerate(sections, 1)], dict(META))
    text = doc_text(doc)
    chunks = chunk_document(doc, "jaarplan.pdf", chunk_size=900, overlap=150)
    assert [c.metadata["page"] for c in chunks] == [1, 2, 3]
    for chunk in chunks:
        assert text[chunk.metadata["char_start"] : chunk.metadata["char_end"]] == chunk.text


def test_char_offsets_stay_right_after_short_sections_are_merged() -> None:
    blocks = [
        Block("Een korte inleiding.", heading="Inleiding"),
        Block("Een korte tweede sectie.", heading="Middelen"),
        Block(" ".join(SENTENCES[:6]), heading="Besteding"),
    ]
    doc = LoadedDocument(blocks, dict(META))
    text = doc_text(doc)
    for chunk in chunk_document(doc, "jaarplan.md", chunk_size=300, overlap=60):
        assert text[chunk.metadata["char_start"] : chunk.metadata["char_end"]] == chunk.text


@pytest.mark.parametrize(("size", "overlap"), [(200, 40), (400, 80), (900, 150)])
def test_no_chunk_exceeds_chunk_size(size: int, overlap: int) -> None:
    chunks = chunk_document(long_doc(), "jaarplan.md", chunk_size=size, overlap=overlap)
    assert len(chunks) >= len(LONG_PARAGRAPH) // size
    assert all(0 < len(c.text) <= size for c in chunks)


def test_consecutive_chunks_of_a_long_paragraph_overlap() -> None:
    overlap = 150
    chunks = chunk_document(long_doc(), "jaarplan.md", chunk_size=600, overlap=overlap)
    assert len(chunks) > 3
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        start, end = nxt.metadata["char_start"], prev.metadata["char_end"]
        assert start < end, "the next chunk starts before the previous one ends"
        assert end - start <= overlap
        shared = LONG_PARAGRAPH[start:end]
        assert prev.text.endswith(shared) and nxt.text.startswith(shared)
    # together the chunks cover the whole paragraph
    assert chunks[0].metadata["char_start"] == 0
    assert chunks[-1].metadata["char_end"] == len(LONG_PARAGRAPH)


def test_chunks_break_at_sentence_ends() -> None:
    for chunk in chunk_document(long_doc(), "jaarplan.md", chunk_size=500, overlap=100):
        assert chunk.text.startswith("Zin ") and chunk.text.endswith(".")


def test_chunk_ids_are_deterministic_and_unique() -> None:
    first = chunk_document(long_doc(), "jaarplan.md", 400, 80)
    again = chunk_document(long_doc(), "jaarplan.md", 400, 80)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]
    assert len({c.chunk_id for c in first}) == len(first)
    other = chunk_document(long_doc(), "elders/jaarplan.md", 400, 80)
    assert not {c.chunk_id for c in first} & {c.chunk_id for c in other}, "the id includes the doc_id"


def test_chunk_ids_depend_on_content_not_on_position() -> None:
    sections = [" ".join(SENTENCES[i : i + 4]) for i in range(0, 16, 4)]
    before = chunk_document(LoadedDocument([Block(s) for s in sections], dict(META)), "plan.md")
    edited = [sections[0], sections[1].replace("Zin 4 ", "Zin vier "), sections[2], sections[3]]
    after = chunk_document(LoadedDocument([Block(s) for s in edited], dict(META)), "plan.md")
    assert len(before) == len(after) == 4
    same = [a.chunk_id == b.chunk_id for a, b in zip(before, after, strict=True)]
    assert same == [True, False, True, True]


def test_repeated_identical_text_gets_distinct_ids() -> None:
    repeated = "De opleiding evalueert deze maatregel jaarlijks met studenten en docenten samen. " * 5
    blocks = [Block(repeated.strip()), Block(repeated.strip())]
    chunks = chunk_document(LoadedDocument(blocks, dict(META)), "herhaling.md", chunk_size=900, overlap=0)
    assert len(chunks) == 2 and chunks[0].text == chunks[1].text
    assert chunks[0].chunk_id != chunks[1].chunk_id


def test_embedding_text_puts_title_and_heading_before_the_chunk() -> None:
    doc = LoadedDocument([Block(" ".join(SENTENCES[:5]), heading="Besteding")], dict(META))
    (chunk,) = chunk_document(doc, "jaarplan.md")
    assert chunk.embedding_text() == f"Jaarplan\nBesteding\n{chunk.text}"


def test_a_chunk_records_where_the_headings_enclosing_its_sections_change() -> None:
    blocks = [
        Block("Vastgesteld: het jaarplan.", heading="Besluiten", outline=("Lijst", "Vergadering 4 maart")),
        Block("Afgewezen: het reisvoorstel.", heading="Besluiten", outline=("Lijst", "Vergadering 18 maart")),
    ]
    (chunk,) = chunk_document(LoadedDocument(blocks, dict(META)), "besluiten.md")
    second = chunk.text.index("Afgewezen")
    assert json.loads(chunk.metadata["outline"]) == [
        [0, ["Lijst", "Vergadering 4 maart"]],
        [second, ["Lijst", "Vergadering 18 maart"]],
    ]


def test_a_chunk_outside_any_enclosing_heading_has_no_outline() -> None:
    (chunk,) = chunk_document(LoadedDocument([Block(" ".join(SENTENCES[:2]), heading="Inleiding")], dict(META)), "x.md")
    assert "outline" not in chunk.metadata
