"""load_document: every supported format becomes Blocks plus full metadata, or a LoadError that says why.

All files are generated here in tmp_path; nothing is read from a shared corpus.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from planwijzer.ingest.document import METADATA_FIELDS, LoadedDocument, LoadError
from planwijzer.ingest.loaders import MAX_LABEL_CHARS, SUPPORTED_SUFFIXES, clean_text, load_document

PAGES = [
    "Kwaliteitsafspraken Universiteit Leiden. De universiteitsraad stemde in met het plan.",
    "Studentenwelzijn staat centraal. Alle faculteiten stellen well-being officers aan.",
    "Docentontwikkeling wordt versterkt met extra ondersteuning voor docenten.",
]


def _pdf_bytes(pages: list[str], title: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if title:
        pdf.setTitle(title)
    for text in pages:
        pdf.drawString(72, 760, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _text(doc: LoadedDocument) -> str:
    return "\n\n".join(block.text for block in doc.blocks)


# --------------------------------------------------------------------------- PDF


def test_pdf_gives_one_block_per_page_with_1_based_page_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path / "plan.pdf", _pdf_bytes(PAGES, title="Bestedingsplan Kwaliteitsafspraken"))
    doc = load_document(path)
    assert [block.page for block in doc.blocks] == [1, 2, 3]
    for block, expected in zip(doc.blocks, PAGES, strict=True):
        assert block.text == expected
    assert doc.meta["title"] == "Bestedingsplan Kwaliteitsafspraken"
    assert doc.meta["language"] == "nl"


def test_pdf_without_title_metadata_gets_a_title_from_its_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "plan.pdf", _pdf_bytes(["Jaarverslag 2020", "Tekst van de tweede pagina."]))
    assert load_document(path).meta["title"] == "Jaarverslag 2020"


def test_pdf_page_numbers_survive_pages_without_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "gaps.pdf", _pdf_bytes(["Eerste pagina met tekst.", "", "Derde pagina met tekst."]))
    assert [block.page for block in load_document(path).blocks] == [1, 3]


def test_encrypted_pdf_is_refused_with_a_fix(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes(PAGES))))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = _write(tmp_path / "locked.pdf", buffer.getvalue())
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.reason == "encrypted PDF; decrypt it first"
    assert str(path) in str(info.value)


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes(PAGES))))
    writer.encrypt("", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = _write(tmp_path / "owner-only.pdf", buffer.getvalue())
    assert [block.page for block in load_document(path).blocks] == [1, 2, 3]


@pytest.mark.parametrize(
    "data",
    [
        os.urandom(2048),
        b"%PDF-1.4\n" + os.urandom(512),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    ],
    ids=["random-bytes", "pdf-header-then-garbage", "truncated"],
)
def test_corrupt_pdf_is_refused_with_a_reason(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "broken.pdf", data)
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.reason.startswith(("not a readable PDF (", "no text layer"))
    assert info.value.reason.endswith(("; repair or re-export it", "OCR not available"))


def test_half_a_real_pdf_is_refused_or_read_but_never_crashes(tmp_path: Path) -> None:
    data = _pdf_bytes(PAGES)
    path = _write(tmp_path / "half.pdf", data[: len(data) // 2])
    try:
        doc = load_document(path)
    except LoadError:
        return
    assert all(block.page for block in doc.blocks)


def test_pdf_without_a_text_layer_needs_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 300, 200, fill=1)  # a "scanned image": shapes, no text
    pdf.showPage()
    pdf.save()
    path = _write(tmp_path / "scan.pdf", buffer.getvalue())
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.reason == "no text layer; OCR not available"


# --------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html lang="nl-NL">
<head><title>Kwaliteitsafspraken | Universiteit Leiden</title>
<style>.menu { color: red }</style>
<script>var trackingCode = "UA-12345";</script></head>
<body>
<nav><ul><li><a href="/">Hoofdmenu</a></li><li><a href="/zoeken">Zoekfunctie</a></li></ul></nav>
<div id="cookie-banner">Deze website maakt gebruik van cookies. Accepteren</div>
<main><article>
<h1>Kwaliteitsafspraken</h1>
<p>Op 6 december 2021 stemde de Universiteitsraad in met het aanvullend bestedingsplan
Kwaliteitsafspraken, een vervolg op het oorspronkelijke plan van december 2018.</p>
<h2>Studentenwelzijn</h2>
<p>Het initiatief Studentenwelzijn is gericht op het vergroten van het welzijn van onze
studenten, dat sterk beinvloed is door de coronacrisis.</p>
<h3>Docentontwikkeling</h3>
<p>Ook kiest de universiteit ervoor om te investeren in aanvullende ondersteuning van haar
docenten bij het ontwikkelen van onderwijs.</p>
</article></main>
<footer>Voettekst met adresgegevens</footer>
</body></html>
"""

FURNITURE = ("trackingCode", "color: red", "Hoofdmenu", "Zoekfunctie", "cookies", "Voettekst")


def _check_html_document(doc: LoadedDocument) -> None:
    text = _text(doc)
    for unwanted in FURNITURE:
        assert unwanted not in text
    assert "Op 6 december 2021 stemde de Universiteitsraad in" in text
    headings = [block.heading for block in doc.blocks]
    assert headings == ["Kwaliteitsafspraken", "Studentenwelzijn", "Docentontwikkeling"]
    assert doc.blocks[1].text.startswith("Het initiatief Studentenwelzijn")
    assert all(block.page is None for block in doc.blocks)
    assert doc.meta["title"] == "Kwaliteitsafspraken | Universiteit Leiden"
    assert doc.meta["language"] == "nl"


def test_html_keeps_main_text_and_headings_and_drops_page_furniture(tmp_path: Path) -> None:
    _check_html_document(load_document(_write(tmp_path / "plan.html", HTML)))


def test_html_fallback_without_trafilatura_gives_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planwijzer.ingest import loaders as ingest_loaders

    monkeypatch.setattr(ingest_loaders, "_trafilatura_markdown", lambda data: None)
    _check_html_document(load_document(_write(tmp_path / "plan.htm", HTML)))


def test_html_lang_attribute_sets_the_language(tmp_path: Path) -> None:
    page = "<html lang='en'><body><main><h1>Plan</h1><p>" + "Het plan van de universiteit. " * 10
    page += "</p></main></body></html>"
    assert load_document(_write(tmp_path / "page.html", page)).meta["language"] == "en"


def test_html_title_falls_back_to_the_first_h1(tmp_path: Path) -> None:
    page = "<html><body><h1>Voortgang Kwaliteitsafspraken</h1><p>" + "De voortgang wordt gerapporteerd. " * 5
    page += "</p></body></html>"
    assert load_document(_write(tmp_path / "page.html", page)).meta["title"] == "Voortgang Kwaliteitsafspraken"


def test_html_without_text_is_refused(tmp_path: Path) -> None:
    page = "<html><head><script>var x = 1;</script></head><body><nav>Menu</nav></body></html>"
    with pytest.raises(LoadError, match="no text found"):
        load_document(_write(tmp_path / "empty.html", page))


# --------------------------------------------------------------------------- DOCX


def test_docx_is_split_at_heading_styles(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Bestedingsplan", level=1)
    document.add_paragraph("De universiteit besteedt de middelen aan kleinschalig onderwijs.")
    document.add_paragraph("Faculteiten stellen eigen plannen op.")
    document.add_heading("Begroting", level=2)
    document.add_paragraph("Het budget loopt op tot 2024.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Jaar 2022"
    table.rows[0].cells[1].text = "12 miljoen"
    path = tmp_path / "plan.docx"
    document.save(str(path))

    doc = load_document(path)
    assert [block.heading for block in doc.blocks] == ["Bestedingsplan", "Begroting"]
    assert doc.blocks[0].text == (
        "De universiteit besteedt de middelen aan kleinschalig onderwijs.\n\nFaculteiten stellen eigen plannen op."
    )
    assert "Jaar 2022 | 12 miljoen" in doc.blocks[1].text
    assert doc.meta["title"] == "Bestedingsplan"  # no core title: the first heading
    assert doc.meta["language"] == "nl"


def test_docx_core_properties_title_wins(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Quality Agreements Leiden"
    document.add_heading("Introduction", level=1)
    document.add_paragraph("The university spends the funds on small-scale teaching.")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    doc = load_document(path)
    assert doc.meta["title"] == "Quality Agreements Leiden"
    assert doc.meta["language"] == "en"


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a readable DOCX"):
        load_document(_write(tmp_path / "broken.docx", b"PK\x03\x04 not really a zip"))


# --------------------------------------------------------------------------- Markdown and text

FRONT_MATTER_MD = """---
title: "Kwaliteitsafspraken: het plan"
url: https://www.example.org/kwaliteitsafspraken
language: nl
doc_type: plan
date: 2021-12
institution: Universiteit Leiden
---
# Een kop die geen titel is

On 6 December 2021 the University Council approved the plan. This text is in English.

## Voortgang

The university reports on progress every year.

Deze website maakt gebruik van cookies. Meer informatie.
"""


def test_markdown_front_matter_values_win_over_guesses(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path / "plan-2018.md", FRONT_MATTER_MD))
    assert doc.meta == {
        "title": "Kwaliteitsafspraken: het plan",
        "url": "https://www.example.org/kwaliteitsafspraken",
        "language": "nl",
        "doc_type": "plan",
        "date": "2021-12",
        "institution": "Universiteit Leiden",
        "access": None,
    }


def test_markdown_is_split_at_headings_and_cookie_lines_are_dropped(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path / "plan.md", FRONT_MATTER_MD))
    assert [block.heading for block in doc.blocks] == ["Een kop die geen titel is", "Voortgang"]
    assert doc.blocks[1].text == "The university reports on progress every year."
    assert "cookies" not in _text(doc)
    assert "title:" not in _text(doc)


def test_markdown_without_front_matter_gets_detected_metadata(tmp_path: Path) -> None:
    text = "# Jaarverslag\n\nOp 6 december 2021 stemde de raad in met de begroting van de universiteit.\n"
    doc = load_document(_write(tmp_path / "jaarverslag.md", text))
    assert set(doc.meta) == set(METADATA_FIELDS)
    assert doc.meta["title"] == "Jaarverslag"
    assert doc.meta["language"] == "nl"
    assert doc.meta["date"] == "2021-12-06"
    assert doc.meta["url"] is None and doc.meta["doc_type"] is None and doc.meta["institution"] is None


def test_invalid_front_matter_is_refused_with_a_fix(tmp_path: Path) -> None:
    text = "---\ntitle: Plan: versie: [2021\nurl: x\n---\nTekst van het plan.\n"
    with pytest.raises(LoadError) as info:
        load_document(_write(tmp_path / "broken.md", text))
    assert "front matter is not valid YAML" in info.value.reason
    assert info.value.reason.endswith("fix the YAML or remove it")


@pytest.mark.parametrize(
    ("front_matter", "reason"),
    [
        (
            "title: Plan\ndate: [2021\nurl: x\n",
            "front matter is not valid YAML at line 4: expected ',' or ']', but got ':' "
            "(while parsing a flow sequence); fix the YAML or remove it",
        ),
        (
            "title: Plan: versie 2\n",
            "front matter is not valid YAML at line 2: mapping values are not allowed here; fix the YAML or remove it",
        ),
        (
            "title: Plan\n  institution: Leiden\n",
            "front matter is not valid YAML at line 3: mapping values are not allowed here; fix the YAML or remove it",
        ),
        ("- een\n- lijst\n", "front matter is not valid YAML: expected 'key: value' lines; fix the YAML or remove it"),
    ],
    ids=["unclosed-list", "colon-in-value", "bad-indent", "not-a-mapping"],
)
def test_invalid_front_matter_names_the_line_in_the_file(tmp_path: Path, front_matter: str, reason: str) -> None:
    path = _write(tmp_path / "plan.md", f"---\n{front_matter}---\n# Plan\n\nTekst van het plan.\n")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.reason == reason
    assert str(info.value) == f"{path}: {reason}"


def test_plain_text_short_line_before_a_paragraph_is_a_heading(tmp_path: Path) -> None:
    text = (
        "Nieuwe initiatieven Studentenwelzijn\n\n"
        "Het initiatief Studentenwelzijn is gericht op het vergroten van het welzijn van onze studenten.\n\n"
        "Dit is een korte zin.\n\n"
        "Een tweede alinea die ook bij dezelfde sectie hoort en lang genoeg is om mee te tellen.\n"
    )
    doc = load_document(_write(tmp_path / "notitie.txt", text))
    assert [block.heading for block in doc.blocks] == ["Nieuwe initiatieven Studentenwelzijn"]
    assert doc.blocks[0].text.count("\n\n") == 2


def test_plain_text_broken_sentence_is_not_a_heading(tmp_path: Path) -> None:
    text = (
        "De fellows zijn gekozen omdat zij\n\n"
        "• zich actief inzetten voor de vernieuwing van het onderwijs en dat al jaren.\n"
    )
    doc = load_document(_write(tmp_path / "fellows.txt", text))
    assert [block.heading for block in doc.blocks] == [None]


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = "Financiële middelen voor het collegejaar – zo’n €12 miljoen – gaan naar onderwijs."
    doc = load_document(_write(tmp_path / "oud.txt", text.encode("cp1252")))
    assert _text(doc) == text


def test_whitespace_is_normalised_and_paragraphs_kept(tmp_path: Path) -> None:
    text = "Eerste   alinea\tmet\u00a0spaties.\r\n\r\n\r\n\r\nTweede alinea.   \n"
    doc = load_document(_write(tmp_path / "spaties.txt", text))
    assert _text(doc) == "Eerste alinea met spaties.\n\nTweede alinea."


def test_pdf_style_hyphenation_is_repaired() -> None:
    assert clean_text("de kwaliteits-\nafspraken", dehyphenate=True) == "de kwaliteitsafspraken"
    assert clean_text("de kwaliteits-\nafspraken") == "de kwaliteits-\nafspraken"


def test_binary_data_named_txt_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(256))
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.reason == "binary data, not text; give the file its real extension or remove it"


# --------------------------------------------------------------------------- common refusals


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_file_is_refused(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(LoadError) as info:
        load_document(_write(tmp_path / f"empty{suffix}", b""))
    assert info.value.reason == "empty file (0 bytes); add text or remove it"


def test_whitespace_only_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_document(_write(tmp_path / "blank.md", "\n   \n\t\n"))
    assert info.value.reason == "no text found"


def test_unsupported_suffix_names_the_supported_ones(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_document(_write(tmp_path / "sheet.xyz", "data"))
    assert info.value.reason.startswith("unsupported file type '.xyz' (supported: .pdf, .html")


def test_oversize_file_is_refused_with_the_setting_to_change(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "woord " * 400_000)  # 2.4 MB
    with pytest.raises(LoadError) as info:
        load_document(path, max_bytes=1024 * 1024)
    assert info.value.reason == "file is 2.3 MB, over the limit of 1 MB (PLANWIJZER_MAX_FILE_MB)"
    assert load_document(path, max_bytes=10 * 1024 * 1024).blocks


def test_missing_file_is_reported_as_disappeared(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "vanished.md")
    assert info.value.reason == "file disappeared (moved or deleted while the ingest ran); run the ingest again"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_broken_and_looping_symlinks_are_refused_with_a_fix(tmp_path: Path) -> None:
    os.symlink("nergens.md", tmp_path / "broken.md")
    os.symlink("loop-b.md", tmp_path / "loop-a.md")
    os.symlink("loop-a.md", tmp_path / "loop-b.md")
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "broken.md")
    assert info.value.reason == "broken symbolic link (its target does not exist); fix or remove the link"
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "loop-a.md")
    assert info.value.reason == "symbolic link loop; point the link at a real file or remove it"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_gives_the_os_reason(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.md", "Tekst")
    path.chmod(0)
    try:
        with pytest.raises(LoadError, match="Permission denied"):
            load_document(path)
    finally:
        path.chmod(0o644)


def test_overlong_titles_are_cut_and_overlong_headings_read_as_text(tmp_path: Path) -> None:
    words = "zeer lange titel " * 5000
    html = f"<html><head><title>{words}</title></head><body><main><h1>{words}</h1><p>De tekst.</p></main></body></html>"
    doc = load_document(_write(tmp_path / "pagina.html", html))
    assert len(doc.meta["title"]) <= MAX_LABEL_CHARS and doc.meta["title"].endswith("…")
    assert all(block.heading is None or len(block.heading) <= MAX_LABEL_CHARS for block in doc.blocks)

    doc = load_document(_write(tmp_path / "notitie.md", f"---\ntitle: {words}\n---\n# {words}\n\nDe tekst.\n"))
    assert len(doc.meta["title"]) <= MAX_LABEL_CHARS
    assert [block.heading for block in doc.blocks] == [None] and words.strip() in _text(doc)

    doc = load_document(_write(tmp_path / "kop.md", "# Plan " + " " * 100_000 + "##\n\nDe tekst van het plan.\n"))
    assert [block.heading for block in doc.blocks] == ["Plan"]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("Zie [de site](https://x.nl/a_(b)) en ![logo](l.png) nu.", "Zie de site en nu."),
        ("Een [link](https://x.nl) en **vet** en [1] en (2).", "Een link en vet en [1] en (2)."),
        ("[[[ open ((( [a](", "[[[ open ((( [a]("),
    ],
)
def test_inline_markdown_is_stripped(tmp_path: Path, line: str, text: str) -> None:
    assert _text(load_document(_write(tmp_path / "regel.md", f"# Kop\n\n{line}\n"))) == text


def test_every_format_fills_every_metadata_key(tmp_path: Path) -> None:
    path = _write(tmp_path / "plan.pdf", _pdf_bytes(PAGES))
    assert tuple(load_document(path).meta) == METADATA_FIELDS


def test_markdown_blocks_know_the_headings_that_enclose_their_own(tmp_path: Path) -> None:
    path = tmp_path / "besluiten.md"
    path.write_text(
        "# Besluitenlijst\n\nInleiding van de lijst.\n\n## Vergadering 4 maart 2025\n\n### Besluiten\n\n"
        "Vastgesteld: het jaarplan.\n\n## Vergadering 18 maart 2025\n\nAfgewezen: het reisvoorstel.\n",
        encoding="utf-8",
    )
    blocks = {b.text: b for b in load_document(path).blocks}
    assert blocks["Inleiding van de lijst."].outline == ()
    assert blocks["Vastgesteld: het jaarplan."].outline == ("Besluitenlijst", "Vergadering 4 maart 2025")
    assert blocks["Afgewezen: het reisvoorstel."].outline == ("Besluitenlijst",)


def test_a_hard_wrapped_markdown_paragraph_is_read_as_one_line(tmp_path: Path) -> None:
    path = tmp_path / "jaarverslag.md"
    path.write_text(
        "---\ntitle: Jaarverslag\n---\n\n# December\n\n"
        "De raad vergaderde in december niet. Op 17 december stelde het College van Bestuur de begroting\n"
        "2025 vast, waarna de Raad van Toezicht diezelfde dag zijn goedkeuring verleende aan de\n"
        "begroting van de hogeschool.\n\n"
        "**Van:** Anna de Wit\n**Datum:** 3 mei 2024\n\n"
        "Universiteiten maken afspraken met de minister over het studievoorschot en de kwaliteit\n"
        "12 april 2018\n\n"
        "- De gemeenteraad heeft in zijn vergadering van 24 april het bestemmingsplan\n"
        "  Esdoornterrein vastgesteld.\n"
        "- Het college is voornemens de bedrijfsvoering te centraliseren.\n",
        encoding="utf-8",
    )
    text = load_document(path).blocks[0].text
    assert (
        "de begroting 2025 vast, waarna de Raad van Toezicht diezelfde dag zijn goedkeuring verleende aan de " in text
    )
    assert "**Van:** Anna de Wit\n**Datum:** 3 mei 2024" in text or "Van: Anna de Wit\nDatum: 3 mei 2024" in text
    assert "de kwaliteit\n12 april 2018" in text  # a title over its date line stays two lines
    assert "het bestemmingsplan Esdoornterrein vastgesteld.\n- Het college" in text  # an item's indented continuation


def test_a_hard_wrapped_plain_text_paragraph_is_read_as_one_line(tmp_path: Path) -> None:
    path = tmp_path / "verslag.txt"
    path.write_text(
        "Verslag van de vergadering\n\n"
        "Na een lange discussie over de verdeling van de middelen over de faculteiten stemde de\n"
        "raad in met de kaderbrief, op voorwaarde dat het hoofdstuk over werkdruk jaarlijks\n"
        "wordt geëvalueerd.\n",
        encoding="utf-8",
    )
    text = "\n\n".join(b.text for b in load_document(path).blocks)
    assert "stemde de raad in met de kaderbrief, op voorwaarde dat het hoofdstuk over werkdruk jaarlijks wordt" in text
