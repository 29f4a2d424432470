"""Decisions dated by their context: minutes and decision lists (a DOCX and a PDF, ingested for real) give their
decisions the date of the meeting they record; a decision dated nowhere stays undated and stands at its document's
date, marked; bodies beyond the fixed list keep their name and institution; nominal and passive forms count;
agreements record their parties; ``--evaluate`` reports each date basis.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import docx_bytes, ingested_index, pdf_bytes
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.decisions import (
    evaluate_records,
    extract_decisions,
    extract_sentence,
    find_dates,
    meeting_date,
)
from planwijzer.ingest.store import open_store
from planwijzer.ui import catalog, render

from planwijzer.cli import main

MINUTES_DOCX = [
    ("Title", "Verslag van de vergadering van de Universiteitsraad d.d. 14 maart 2022"),
    (None, "Aanwezig: de leden van de raad en het College van Bestuur."),
    (None, "1. Opening"),  # numbered agenda items, as paragraphs
    (None, "De voorzitter opent de vergadering om 13.00 uur."),
    (None, "2. Begroting 2022"),
    (None, "Besluit: de raad stemt in met de begroting 2022."),
    (None, "3. Huisvestingsplan"),
    (None, "Conclusie: de raad stemt niet in met het huisvestingsplan."),
]
DECISIONS_PDF = [
    [
        "Besluitenlijst Medezeggenschapsraad Hogeschool Windesheim 3 april 2023",
        "1. Bestedingsplan studievoorschotmiddelen",
        "Besluit: de raad stemt in met het bestedingsplan.",
    ]
]
NEWS_MD = """\
---
title: Nieuws over de kwaliteitsafspraken
date: 2023-05-10
doc_type: news
language: nl
institution: Universiteit Duinstad
---
# Nieuws

Na instemming van de Universiteitsraad is het bestedingsplan vastgesteld.

Het akkoord tussen OCW, de VSNU, de VH en het ISO werd op 9 april 2018 gesloten.

De faculteitsraad van de Universiteit Utrecht stemde op 2 februari 2023 in met het facultaire plan.
"""


def _write(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "verslag-ur-2022-03-14.docx").write_bytes(docx_bytes(MINUTES_DOCX))
    (root / "besluitenlijst-windesheim.pdf").write_bytes(pdf_bytes(DECISIONS_PDF))
    (root / "nieuws.md").write_text(NEWS_MD, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory):
    settings = ingested_index(tmp_path_factory.mktemp("context"), write=_write)
    return settings, open_store(settings).decisions()


def _by_doc(records, doc: str):
    return [r for r in records if r.doc_id == doc]


def test_minutes_date_their_decisions_by_the_meeting_in_their_header(records) -> None:
    _, recs = records
    minutes = _by_doc(recs, "verslag-ur-2022-03-14.docx")
    assert {(r.date, r.date_basis, r.body, r.act, r.negated, r.subject) for r in minutes} == {
        ("2022-03-14", "meeting", "Universiteitsraad", "consent", False, "2. Begroting 2022"),  # the agenda item
        ("2022-03-14", "meeting", "Universiteitsraad", "consent", True, "3. Huisvestingsplan"),
    }


def test_a_decision_list_of_another_institution_keeps_its_body_and_institution(records) -> None:
    _, recs = records
    (rec,) = _by_doc(recs, "besluitenlijst-windesheim.pdf")
    assert (rec.date, rec.date_basis, rec.body, rec.act) == ("2023-04-03", "meeting", "Medezeggenschapsraad", "consent")
    assert rec.institution == "Hogeschool Windesheim"
    assert rec.subject == "1. Bestedingsplan studievoorschotmiddelen" and rec.page == 1


def test_undated_passive_and_nominal_forms_agreements_and_other_councils(records) -> None:
    _, recs = records
    news = {(r.body, r.act): r for r in _by_doc(recs, "nieuws.md")}
    consent = news[("Universiteitsraad", "consent")]  # "Na instemming van de Universiteitsraad …"
    assert (consent.date, consent.date_basis, consent.doc_date) == (None, "document", "2023-05-10")
    assert consent.subject == "het bestedingsplan" and consent.institution == "Universiteit Duinstad"
    agreement = news[("Ministerie van OCW", "agree")]
    assert agreement.date == "2018-04-09" and agreement.parties.split("; ") == [
        "Ministerie van OCW",
        "VSNU",
        "VH",
        "ISO",
    ]
    assert agreement.institution is None  # a national agreement
    faculty = news[("Faculteitsraad", "consent")]
    assert (faculty.date, faculty.institution) == ("2023-02-02", "Universiteit Utrecht")  # the sentence names it


def test_the_timeline_places_an_undated_decision_under_its_documents_date_marked(records) -> None:
    settings, recs = records
    index = Index(settings)
    ordered = index.decisions()
    whens = [r.when for r in ordered]
    assert whens == sorted(whens)  # undated ones stand at their document's date
    html = render.decisions_html(ordered, {d.doc_id: d for d in catalog.documents(index)}, "nl")
    assert "2023-05-10 (datum van het document)" in html and "(datum van de vergadering)" in html
    assert "Hogeschool Windesheim" in html
    assert 'href="/source/nieuws.md?chunk=' in html  # a local file's entry opens its source view at the sentence
    utrecht = index.decisions(institution="universiteit utrecht")
    assert [r.body for r in utrecht] == ["Faculteitsraad"]


def test_the_cli_gives_the_new_fields_as_json_and_csv(records, capsys: pytest.CaptureFixture[str]) -> None:
    settings, _ = records
    assert main(["decisions", "--json", "--index", str(settings.index.dir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"date_basis", "institution", "doc_date", "parties", "access"} <= set(rows[0])
    assert (
        main(["decisions", "--csv", "--institution", "Hogeschool Windesheim", "--index", str(settings.index.dir)]) == 0
    )
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("date,date_text,body,act") and len(lines) == 2 and "Medezeggenschapsraad" in lines[1]


@pytest.mark.parametrize(
    ("title", "head", "doc_date", "expected"),
    [
        ("Besluitenlijst UR 12 maart 2024", "", "2024-03-13", ("2024-03-12", "12 maart 2024")),
        ("Nieuws", "14 maart 2019\n\nOp 11 maart vond een extra vergadering plaats.", "2019-03-14",
         ("2019-03-11", "11 maart")),
        ("Notulen van de raadsvergadering", "Geen datum hier.", "2021-06-01", ("2021-06-01", "2021-06-01")),
        ("Notulen van de raadsvergadering", "Geen datum hier.", "2021-06", None),  # never guessed
        ("Jaarverslag 2023", "Op 3 april 2023 besloot de raad.", "2024-01-01", None),  # not a meeting record
    ],
)  # fmt: skip
def test_meeting_dates_come_from_the_meeting_the_document_records(title, head, doc_date, expected) -> None:
    assert meeting_date(title, head, doc_date) == expected


def test_a_present_passive_describes_a_procedure_not_a_decision() -> None:
    sentence = "De begroting wordt elk jaar vastgesteld door het college en goedgekeurd door de Raad van Toezicht."
    assert extract_sentence(sentence, "2024-01-01") == []


def test_evaluate_matches_undated_rows_by_document_body_and_act_and_reports_each_basis(records) -> None:
    _, recs = records
    gold = [
        {"doc": "nieuws.md", "date": None, "date_basis": "document", "body": "Universiteitsraad", "act": "consent"},
        {"doc": "verslag-ur-2022-03-14.docx", "date": "2022-03-14", "date_basis": "meeting",
         "body": "Universiteitsraad", "act": "consent"},
        {"doc": "nieuws.md", "date": "2023-02-02", "body": "Faculteitsraad", "act": "consent"},
        {"doc": "nieuws.md", "date": "2020-01-01", "body": "NVAO", "act": "approve"},  # not there
    ]  # fmt: skip
    result = evaluate_records(recs, gold)
    assert (result["correct"], result["recall"], result["dated_recall"]) == (3, 0.75, round(2 / 3, 3))
    assert result["recall_by_date_basis"] == {"sentence": 0.5, "meeting": 1.0, "document": 1.0}
    assert result["missed"] == [{"doc": "nieuws.md", "date": "2020-01-01", "body": "NVAO", "act": "approve",
                                 "subject": None}]  # fmt: skip


PLAN_2018 = """\
---
title: Instemming bestedingsplan
date: 2018-12-11
language: nl
institution: Universiteit Duinstad
---
# Instemming

Op 10 december 2018 stemde de Universiteitsraad in met het bestedingsplan kwaliteitsafspraken 2019-2024.
"""
PLAN_2018_NEWS = """\
---
title: Raad stemt in
date: 2018-12-17
language: nl
institution: Universiteit Duinstad
---
# Nieuws

De Universiteitsraad heeft op 10 december 2018 ingestemd met het bestedingsplan kwaliteitsafspraken 2019-2024.
"""
PLAN_2021 = """\
---
title: Aanvullend plan
date: 2021-12-07
language: nl
institution: Universiteit Duinstad
---
# Aanvullend plan

Op 6 december 2021 stemde de Universiteitsraad na overleg in met het aanvullend bestedingsplan 2022-2024.
"""


def _write_chain(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "plan-2018.md").write_text(PLAN_2018, encoding="utf-8")
    (root / "nieuws-2018.md").write_text(PLAN_2018_NEWS, encoding="utf-8")
    (root / "plan-2021.md").write_text(PLAN_2021, encoding="utf-8")
    return root


def test_one_decision_reported_twice_is_one_entry_and_a_later_plan_continues_it(tmp_path: Path) -> None:
    from planwijzer.assistant.decision_timeline import timeline

    index = Index(ingested_index(tmp_path, write=_write_chain))
    entries = timeline(index, index.decisions())
    assert [(e.record.date, len(e.sources)) for e in entries] == [("2018-12-10", 2), ("2021-12-06", 1)]
    assert {s.doc_id for s in entries[0].sources} == {"plan-2018.md", "nieuws-2018.md"}
    assert entries[1].continues is entries[0] and entries[0].continues is None
    html = render.decisions_html(entries, {d.doc_id: d for d in catalog.documents(index)}, "nl")
    assert html.count('class="pw-result pw-decision"') == 2 and 'data-sources="2"' in html
    assert f'href="#{entries[0].anchor}"' in html and "Vervolg op:" in html


def test_the_command_line_lists_the_same_timeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = ingested_index(tmp_path, write=_write_chain)
    assert main(["decisions", "--index", str(settings.index.dir)]) == 0
    out = capsys.readouterr().out
    entries = [line for line in out.splitlines() if not line.startswith(" ")]
    assert [line.split()[0] for line in entries] == ["2018-12-10", "2021-12-06"]  # two decisions, not three reports
    assert "also reported in: " in out and "plan-2018.md" in out and "nieuws-2018.md" in out
    assert "continues: 2018-12-10 Universiteitsraad" in out


@pytest.mark.parametrize(
    "question",
    ["Welk bestedingsplan geldt nu?", "Is the 2019-2024 spending plan still in force?"],
)
def test_what_holds_now_is_answered_from_the_latest_decision_naming_the_one_it_continues(
    tmp_path: Path, question: str
) -> None:
    from planwijzer.assistant.ask import ask

    index = Index(ingested_index(tmp_path, write=_write_chain))
    ans = ask(index, question)
    assert not ans.abstained
    first, *rest = ans.answer.split(" [")
    assert "6 december 2021" in first  # the latest decision first
    assert "10 december 2018" in ans.answer  # the one it continues, named and cited
    cited = [c.doc_id for c in ans.citations]
    assert cited[0] == "plan-2021.md" and {"plan-2018.md", "nieuws-2018.md"} & set(cited[1:])


def test_a_holds_now_question_about_something_else_is_not_answered_by_a_chain(tmp_path: Path) -> None:
    from planwijzer.assistant.ask import ask

    index = Index(ingested_index(tmp_path, write=_write_chain))
    ans = ask(index, "Wie is de huidige voorzitter van de Universiteitsraad?")  # a person, not a plan
    assert ans.abstained and not ans.citations


# --- a document's context: its lead, its bodies, its paragraphs, its repeats ----------------------


def _dated_acts(sentence: str, read_on: str) -> list[tuple]:
    """``(date, body, act)`` of each decision :func:`extract_sentence` reads in ``sentence`` of a document dated
    ``read_on``."""
    return [(d["date"], d["body"], d["act"]) for d in extract_sentence(sentence, read_on)]


def _doc(text: str, title: str, date: str | None = "2021-06-20", institution: str = "Universiteit Duinstad") -> list:
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "n.md", "title": title, "date": date, "institution": institution}
    records = document_decisions([("c1", text, meta)])
    return [(r.date, r.date_basis, r.body, r.act) for r in records]


def test_later_decisions_of_the_bodies_a_news_item_opens_with_take_the_date_of_the_meeting_its_lead_reports() -> None:
    text = (
        "De Universiteitsraad heeft op 14 juni 2021 ingestemd met het huisvestingsplan.\n\n"
        "Het college en de raad besloten samen dat er een evaluatie komt.\n\n"
        "Inmiddels heeft ook de Raad van Toezicht het plan goedgekeurd."  # another time: undated
    )
    assert _doc(text, "Raad en college eens over huisvesting") == [
        ("2021-06-14", "sentence", "Universiteitsraad", "consent"),
        ("2021-06-14", "meeting", "College van Bestuur", "agree"),  # "het college": the board; "de raad": the council
        (None, "document", "Raad van Toezicht", "approve"),
    ]


def test_english_minutes_with_items_and_resolved_lines_date_by_the_meeting_and_a_council_approval_is_consent() -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = (
        "Decision list Faculty Council 3 May 2023\n\n"
        "Item 1: Teaching and Examination Regulations\n"
        "Resolved: the council consents to the Teaching and Examination Regulations 2023-2024.\n\n"
        "Item 2: Budget\nThe council approves the budget."
    )
    meta = {"doc_id": "n.md", "title": "Decision list Faculty Council 3 May 2023", "date": None, "institution": None}
    records = document_decisions([("c1", text, meta)])
    assert [(r.date, r.date_basis, r.body, r.act) for r in records] == [
        ("2023-05-03", "meeting", "Faculteitsraad", "consent"),
        ("2023-05-03", "meeting", "Faculteitsraad", "consent"),  # "approves" as a council: its consent
    ]
    assert records[0].subject == "Item 1: Teaching and Examination Regulations"  # the item, not "the Teaching"


def test_an_agentless_passive_takes_the_body_its_paragraph_is_about() -> None:
    text = (
        "De Faculteitsraad besprak de begroting lang. Uiteindelijk werd er op 3 maart 2021 ingestemd.\n\n"
        "Op 5 maart 2021 werd het plan goedgekeurd."  # a new paragraph: no body, no record
    )
    assert _doc(text, "Begroting") == [("2021-03-03", "sentence", "Faculteitsraad", "consent")]


def test_the_institution_decides_by_its_initials_but_not_as_a_publication() -> None:
    text = "De HD heeft ervoor gekozen de middelen vooral bij de opleidingen te besteden."
    assert _doc(text, "Achtergrond", None, "Hogeschool Duinstad") == [
        (None, "document", "Hogeschool Duinstad", "decide")
    ]
    assert _doc("De universiteit heeft ervoor gekozen de middelen te spreiden.", "Nieuws", None, "Campuskrant") == []


def test_a_decision_reported_twice_is_one_record_the_dated_one() -> None:
    agreement = (
        "De VSNU en de minister van OCW hebben afspraken gemaakt over open access.\n\n"
        "Het akkoord werd op 2 februari 2020 ondertekend door de VSNU en de minister van OCW."
    )
    assert _doc(agreement, "Open access") == [("2020-02-02", "sentence", "Ministerie van OCW", "agree")]
    headline = "Raad stemt in met begroting\n\nDe Universiteitsraad stemde op 5 mei 2021 in met de begroting."
    assert _doc(headline, "Raad stemt in met begroting") == [("2021-05-05", "sentence", "Universiteitsraad", "consent")]


def test_a_dated_decision_restated_by_the_headline_or_a_later_sentence_is_one_record() -> None:
    minutes = (
        "U-raad stemt in met bestedingsplan\n\n"
        "De Universiteitsraad stemde op 11 maart 2021 in met het plan."  # the headline, restated
    )
    assert _doc(minutes, "U-raad stemt in met bestedingsplan", "2021-03-14") == [
        ("2021-03-11", "sentence", "Universiteitsraad", "consent")
    ]
    twice = (
        "Op 8 november 2022 stemde de Universiteitsraad in met het aanvullend bestedingsplan.\n\n"
        "Na intensief overleg heeft de raad op 8 november 2022 ingestemd met dit aanvullend bestedingsplan."
    )
    assert _doc(twice, "Kwaliteitsafspraken") == [("2022-11-08", "sentence", "Universiteitsraad", "consent")]
    two_things = (  # the same body, act and date on other subjects: two decisions
        "In december 2020 keurde het LDE-bestuur een voorstel voor een Living Lab goed.\n\n"
        "In december 2020 gaf het LDE-bestuur groen licht voor een pilot met uitwisseling van studenten."
    )
    assert [row[3] for row in _doc(two_things, "Jaarverslag")] == ["approve", "approve"]


def test_evaluation_counts_two_sentences_with_the_same_body_act_and_date_as_two_decisions() -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = (
        "In december 2020 keurde het LDE-bestuur een voorstel voor een Living Lab goed.\n\n"
        "In december 2020 gaf het LDE-bestuur groen licht voor een pilot met uitwisseling van studenten."
    )
    meta = {"doc_id": "n.md", "title": "Jaarverslag", "date": "2021", "institution": "Universiteit Duinstad"}
    records = document_decisions([("c1", text, meta), ("c2", text[40:], meta)])  # c2 repeats, cut short
    gold = [{"doc": "n.md", "date": "2020-12", "body": "LDE-bestuur", "act": "approve"}] * 2
    score = evaluate_records(records, gold)
    assert (score["extracted"], score["correct"]) == (2, 2)


def test_a_sentence_dated_by_the_one_before_and_minutes_adopted_at_the_meeting() -> None:
    news = (
        "On 7 April 2020 the Executive Board decided to allow online proctoring.\n\n"
        "Earlier that day the University Council consented to the proctoring regulation."
    )
    assert _doc(news, "Proctoring allowed", "2020-04-09") == [
        ("2020-04-07", "sentence", "College van Bestuur", "decide"),
        ("2020-04-07", "sentence", "Universiteitsraad", "consent"),
    ]
    minutes = (
        "Verslag van de vergadering van de Universiteitsraad d.d. 9 oktober 2019\n\n"
        "3. Verslag van de vergadering van 11 september 2019\n\n"
        "Het verslag wordt met inachtneming van enkele tekstuele wijzigingen vastgesteld.\n\n"
        "4. Huisvesting\n\nIn dezelfde vergadering stemde de raad in met het huisvestingsplan."
    )
    title = "Verslag van de vergadering van de Universiteitsraad d.d. 9 oktober 2019"
    assert sorted(_doc(minutes, title, "2019-10-09")) == [
        ("2019-10-09", "meeting", "Universiteitsraad", "adopt"),  # the minutes of 11 September
        ("2019-10-09", "meeting", "Universiteitsraad", "consent"),  # "dezelfde vergadering": the date in its header
    ]


def test_a_bare_board_is_the_executive_board_and_a_decision_named_as_circumstance_is_no_new_record() -> None:
    assert _doc("Earlier this year the board decided to spend 2 million euros on tutors.", "News", "2018-12-17") == [
        ("2018", "sentence", "College van Bestuur", "decide")
    ]
    text = (
        "De NVAO heeft op 12 maart 2020 het plan positief beoordeeld.\n\n"
        "Op basis van het positieve oordeel van de NVAO heeft de minister besloten de middelen toe te kennen."
    )
    assert _doc(text, "Herbeoordeling", "2020-03-20", "NVAO") == [
        ("2020-03-12", "sentence", "NVAO", "assess_positively"),
        (None, "document", "Ministerie van OCW", "decide"),
    ]


def test_a_decision_line_of_several_sentences_is_one_record_under_its_items_title() -> None:
    from planwijzer.ingest.decisions import document_decisions

    title = "Besluitenlijst Universiteitsraad 9 oktober 2019"
    text = (
        f"{title}\n\n5. Wijziging bestedingsregels (ter instemming)\n\n"
        "Conclusie: De raad stemt in met de wijziging van de bestedingsregels. De gewijzigde regels gelden per 2020."
    )
    meta = {"doc_id": "n.md", "title": title, "date": "2019-10-09", "institution": "Universiteit Duinstad"}
    records = document_decisions([("c1", text, meta)])
    assert [(r.date, r.body, r.act, r.subject) for r in records] == [
        ("2019-10-09", "Universiteitsraad", "consent", "5. Wijziging bestedingsregels (ter instemming)")
    ]


def test_a_dean_decides_and_a_joint_assembly_is_a_body_by_its_name_not_as_a_meeting() -> None:
    assert _doc("After consultation with the council, the Dean decided to keep the library open.", "Faculty", None) == [
        (None, "document", "Dean", "decide")
    ]
    assert _doc("De Gezamenlijke Vergadering stemde in 2018 in met het plan.", "Plan", "2019") == [
        ("2018", "sentence", "Gemeenschappelijke Vergadering", "consent")
    ]
    meeting = "In 2015 heeft het college in de gezamenlijke vergadering toegezegd de raad te horen."
    assert _doc(meeting, "UR", "2015") == [("2015", "sentence", "College van Bestuur", "decide")]


def test_a_timeline_councils_acting_together_letters_and_assessing_bodies() -> None:
    timeline = (
        "- **12 februari 2019** – De Studentenraad en de Ondernemingsraad stemmen in met het plan.\n\n"
        "- **8 maart 2021** – De Studentenraad stemt in met een wijziging van het plan."
    )
    assert sorted(_doc(timeline, "Tijdlijn", None)) == [
        ("2019-02-12", "sentence", "Ondernemingsraad", "consent"),  # a bullet's dash opens no period
        ("2019-02-12", "sentence", "Studentenraad", "consent"),  # two councils, one decision each
        ("2021-03-08", "sentence", "Studentenraad", "consent"),
    ]
    letter = "In 2018 hebben mijn ambtsvoorganger en de VSNU afspraken gemaakt over de middelen."
    assert _doc(letter, "Kamerbrief over de kwaliteitsafspraken", "2023-06-20", "Ministerie van OCW") == [
        ("2018", "sentence", "Ministerie van OCW", "agree")  # the minister who writes the letter
    ]
    nvao = "On 29 September 2022 the NVAO decided to grant accreditation under conditions to the programme."
    assert _doc(nvao, "Accreditation", "2022-10-01", "NVAO") == [
        ("2022-09-29", "sentence", "NVAO", "assess_positively")
    ]
    from planwijzer.ingest.decisions import document_decisions

    council = "At its meeting on 9 May 2023 the University Council voted against the proposal."
    meta = {"doc_id": "n.md", "title": "Council", "date": "2023-05-12", "institution": "Universiteit Duinstad"}
    (record,) = document_decisions([("c1", council, meta)])
    assert (record.date, record.body, record.act) == ("2023-05-09", "Universiteitsraad", "consent")
    assert record.negated  # a council's "no" is its consent withheld


def test_a_decision_list_adopts_minutes_takes_note_and_names_its_council_once() -> None:
    title = "Besluitenlijst MR 16 januari 2024"
    text = (
        f"{title}\n\n2. Verslag vergadering 5 december 2023\n\n"
        "Besluit: het verslag wordt met één wijziging (p. 3, een aanvulling) vastgesteld.\n\n"
        "3. Kaderbrief\n\nConclusie: de MR neemt kennis van de kaderbrief.\n\n"
        "4. Plan\n\nIn januari 2024 heeft het College van Bestuur, na instemming van de Centrale "
        "Medezeggenschapsraad (CMR), het plan vastgesteld."
    )
    records = _doc(text, title, "2024-01-16", "Hogeschool Duinstad")
    assert ("2024-01-16", "meeting", "Medezeggenschapsraad", "adopt") in records  # the minutes
    assert ("2024-01", "sentence", "College van Bestuur", "adopt") in records  # not "(CMR)" as a second body
    assert not any(act == "decide" for *_, act in records)  # taking note is no decision


def test_evaluation_matches_a_body_outside_the_list_written_more_fully_on_one_side() -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "n.md", "title": "Herkansingen", "date": "2024-03-21", "institution": "Universiteit Duinstad"}
    text = "De examencommissie heeft op 19 maart 2024 besloten de regeling in te trekken."
    records = document_decisions([("c1", text, meta)])
    full = "examencommissie van de Faculteit der Rechtsgeleerdheid"
    written = {"doc": "n.md", "date": "2024-03-19", "body": full, "act": "decide"}
    assert evaluate_records(records, [written])["correct"] == 1
    other = {"doc": "n.md", "date": "2024-03-19", "body": "jury", "act": "decide"}
    assert evaluate_records(records, [other])["correct"] == 0


def test_evaluation_reads_a_councils_approval_as_its_consent_on_both_sides() -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "n.md", "title": "Housing", "date": "2019-07-02", "institution": "Universiteit Duinstad"}
    records = document_decisions([("c1", "The University Council approved the housing policy in June 2019.", meta)])
    gold = [{"doc": "n.md", "date": "2019-06", "body": "Universiteitsraad", "act": "approve"}]
    assert (evaluate_records(records, gold)["correct"], records[0].act) == (1, "consent")


def test_agenda_items_styled_as_headings_keep_their_titles_when_short_sections_merge(tmp_path: Path) -> None:
    from planwijzer.ingest.chunking import chunk_document
    from planwijzer.ingest.decisions import document_decisions
    from planwijzer.ingest.loaders import load_document

    path = tmp_path / "verslag.docx"
    path.write_bytes(
        docx_bytes(
            [
                ("Title", "Verslag van de vergadering van de Faculteitsraad d.d. 7 juni 2023"),
                (None, "Aanwezig: de leden van de raad en het faculteitsbestuur."),
                ("Heading 2", "1. Opening"),
                (None, "De voorzitter opent de vergadering."),
                ("Heading 2", "2. Onderwijsvisie"),
                (None, "Besluit: de raad stemt in met de onderwijsvisie."),
                ("Heading 2", "3. Roosterbeleid"),
                (None, "Conclusie: de raad stemt niet in met het roosterbeleid."),
            ]
        )
    )
    chunks = chunk_document(load_document(path), path.name)
    assert len(chunks) == 1 and "sections" in chunks[0].metadata  # four short sections, one chunk
    records = document_decisions([(c.chunk_id, c.text, c.metadata) for c in chunks])
    assert [(r.date, r.body, r.negated, r.subject) for r in records] == [
        ("2023-06-07", "Faculteitsraad", False, "2. Onderwijsvisie"),
        ("2023-06-07", "Faculteitsraad", True, "3. Roosterbeleid"),
    ]


def test_a_lead_dated_by_a_year_only_is_no_meeting_and_repeats_on_other_subjects_are_kept() -> None:
    text = (
        "In 2020 stemde de Universiteitsraad in met de begroting.\n\n"
        "Het college heeft toegezegd de raad vaker te informeren.\n\n"
        "De Universiteitsraad stemde ook in met het huisvestingsplan."  # another subject: another decision
    )
    assert _doc(text, "Jaaroverzicht") == [
        ("2020", "sentence", "Universiteitsraad", "consent"),
        (None, "document", "College van Bestuur", "decide"),
        (None, "document", "Universiteitsraad", "consent"),
    ]


def test_two_things_decided_in_one_sentence_stay_two_records_and_overlapping_chunks_still_count_once() -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = "De Faculteitsraad had al eerder besloten dat de opleiding kleiner moet worden, en meer stages moet bieden."
    meta = {"doc_id": "n.md", "title": "Opleiding", "date": "2021", "institution": "Universiteit Duinstad"}
    records = document_decisions([("c1", text, meta), ("c2", text, meta)])  # two chunks overlapping on the sentence
    assert [(r.body, r.act, r.date_basis) for r in records if r.chunk_id == "c1"] == [
        ("Faculteitsraad", "decide", "document")
    ] * 2
    gold = [{"doc": "n.md", "date": None, "body": "Faculteitsraad", "act": "decide"}] * 2
    score = evaluate_records(records, gold)
    assert (score["extracted"], score["correct"]) == (2, 2)


def test_a_formal_report_is_adopted_by_its_committee_on_the_date_of_its_adopted_line() -> None:
    text = (
        "Verslag van een schriftelijk overleg\n\nVastgesteld 3 maart 2021\n\n"
        "De vaste commissie voor Wonen en Ruimte heeft vragen gesteld over de huurtoeslag."
    )
    assert _doc(text, "Verslag van een schriftelijk overleg", "2021-03-03", "Tweede Kamer") == [
        ("2021-03-03", "sentence", "vaste commissie voor Wonen en Ruimte", "adopt")
    ]
    no_committee = "Verslag\n\nVastgesteld 3 maart 2021\n\nDe leden hebben vragen gesteld."
    assert _doc(no_committee, "Verslag", "2021-03-03", "Tweede Kamer") == []


def test_an_agreement_document_is_dated_by_the_place_and_date_line_it_opens_with() -> None:
    text = (
        "Zeestad, 9 april 2018\n"
        "In dit convenant leggen de minister van OCW en de Vereniging Zeilscholen hun overeenstemming vast over stages."
    )
    assert _doc(text, "Convenant stages", "2018") == [("2018-04-09", "meeting", "Ministerie van OCW", "agree")]
    assert _doc(text, "Nieuws over stages", "2018") == [(None, "document", "Ministerie van OCW", "agree")]


# --- decision lists in the present tense, dated by their meeting headings -----------------------------------------


def test_a_decision_lists_present_tense_decides_under_the_meeting_heading_it_stands_under(tmp_path: Path) -> None:
    from planwijzer.ingest.chunking import chunk_document
    from planwijzer.ingest.decisions import document_decisions
    from planwijzer.ingest.loaders import load_document

    path = tmp_path / "besluiten-cvb.md"
    path.write_text(
        "---\ntitle: Besluiten van het College van Bestuur\ninstitution: Universiteit Duinstad\n---\n"
        "# Besluiten van het College van Bestuur\n\n"
        "## Collegevergadering 12 december 2023\n\n"
        "- Het college besluit het proefproject met thuistentamens per 1 februari 2024 te beëindigen.\n"
        "- Het college neemt kennis van de voortgangsrapportage.\n\n"
        "## Collegevergadering 10 oktober 2023\n\n"
        "- Het college stelt de gewijzigde notitie Taalbeleid Universiteit Duinstad vast.\n"
        "- Het college wijst het initiatiefvoorstel van de Universiteitsraad voor een werkdrukfonds af.\n",
        encoding="utf-8",
    )
    chunks = chunk_document(load_document(path), path.name)
    records = document_decisions([(c.chunk_id, c.text, c.metadata) for c in chunks])
    assert [(r.date, r.date_basis, r.body, r.act, r.subject) for r in records] == [
        ("2023-12-12", "meeting", "College van Bestuur", "decide",
         "het proefproject met thuistentamens per 1 februari 2024 te beëindigen"),
        ("2023-10-10", "meeting", "College van Bestuur", "adopt",
         "de gewijzigde notitie Taalbeleid Universiteit Duinstad"),
        ("2023-10-10", "meeting", "College van Bestuur", "reject",
         "het initiatiefvoorstel van de Universiteitsraad voor een werkdrukfonds"),
    ]  # fmt: skip


def test_the_present_tense_states_a_policy_outside_a_meeting_record_and_a_plan_when_it_names_another_time() -> None:
    policy = "Toen golden vaste indicatoren; nu kiest het kabinet voor meer ruimte voor de instellingen."
    assert _doc(policy, "Kabinet investeert in onderwijs") == []
    head = "Besluitenlijst faculteitsbestuur Geneeskunde, vergadering 5 juni 2023"
    listed = (
        "*Besluit:* het faculteitsbestuur kiest voor een pilot met digitale toetsing; "
        "de pilot wordt in februari 2024 geëvalueerd."
    )
    assert _doc(listed, head, "2023-06-05") == [("2023-06-05", "meeting", "Faculteitsbestuur", "decide")]
    plan = "Het faculteitsbestuur stelt de begroting 2024 in december vast, na advies van de raad."
    assert _doc(plan, head, "2023-06-05") == []


def test_a_decision_list_of_a_body_outside_the_list_hosts_its_decision_lines() -> None:
    text = (
        "Vergadering van 5 juni 2023\n\n5. Digitale toetsing\n"
        "*Besluit:* het voorstel om alle tentamens digitaal af te nemen wordt afgewezen."
    )
    assert _doc(text, "Besluitenlijst faculteitsbestuur Geneeskunde", "2023-06-05") == [
        ("2023-06-05", "meeting", "Faculteitsbestuur", "reject")
    ]


@pytest.mark.parametrize(
    ("sentence", "title", "date", "expected"),
    [
        # the meeting the sentence names dates its decision, not the time of what was decided
        ("In de CMR-vergadering van 20 juni heeft het College van Bestuur toegezegd de regeling in 2025 te evalueren.",
         "CMR stemt in met lagere norm", "2023-06-28", ("2023-06-20", "sentence", "College van Bestuur", "decide")),
        # a student council's no withholds its consent
        ("On Tuesday, the Student Council voted against the board's proposal to teach all programmes in English.",
         "Student Council says no", "2023-03-09", ("2023-03-07", "sentence", "Student Council", "consent")),
        # last week's Tuesday, not the latest Tuesday
        ("De universiteitsraad heeft vorige week dinsdag ingestemd met de nieuwe taalnota.",
         "U-raad akkoord met taalnota", "2024-02-15", ("2024-02-06", "sentence", "Universiteitsraad", "consent")),
    ],
)  # fmt: skip
def test_a_news_sentence_is_dated_by_the_meeting_or_the_day_it_names(
    sentence: str, title: str, date: str, expected: tuple
) -> None:
    assert _doc(sentence, title, date) == [expected]


def test_an_annual_reports_adoption_a_season_without_its_year_and_a_body_the_document_calls_by_its_initials() -> None:
    report = (
        "*Vastgesteld door de GMR in de vergadering van 14 maart 2024.*\n\n"
        "2023 was voor de Gezamenlijke Medezeggenschapsraad (GMR) een druk jaar.\n\n"
        "In februari 2023 stemde de GMR in met het nieuwe reglement. "
        "Daarnaast hebben de GMR en het College in het najaar afspraken gemaakt over de faciliteiten. "
        "Op 15 juni 2023 verleende de GMR instemming aan de hoofdlijnen van de begroting 2024."
    )
    found = _doc(report, "Jaarverslag 2023 Gezamenlijke Medezeggenschapsraad", "2024-03-20", "Hogeschool Duinstad")
    assert ("2024-03-14", "sentence", "Medezeggenschapsraad", "adopt") in found  # the report's adoption
    assert ("2023-02", "sentence", "Medezeggenschapsraad", "consent") in found
    assert ("2023", "sentence", "Medezeggenschapsraad", "agree") in found  # autumn before the report's date
    assert ("2023-06-15", "sentence", "Medezeggenschapsraad", "consent") in found
    assert all(basis != "meeting" for _, basis, _, _ in found)  # an annual report records no one meeting


def test_a_fronted_consent_keeps_its_date_and_a_table_rows_cells_are_read_one_by_one() -> None:
    fronted = "Following the consent of the Faculty Council on 25 April 2024, the Faculty Board adopts the new rules."
    head = "Faculty Board decision list, meeting of 30 April 2024"
    assert _doc(fronted, head, "2024-04-30") == [
        ("2024-04-25", "sentence", "Faculteitsraad", "consent"),
        ("2024-04-30", "meeting", "Faculty Board", "adopt"),
    ]
    row = (
        "| 2024-04 | Opleidingsaanbod | Na instemming van de deelraad op 11 januari 2024 besluit het CvB de "
        "deeltijdvariant met ingang van 1 september 2025 te beëindigen. |\n"
        "| 2024-05 | Instroom Verpleegkunde | Het CvB wijst het verzoek af om een tweede instroommoment te openen. |"
    )
    assert _doc(row, "Besluitenlijst College van Bestuur, vergadering 16 januari 2024", "2024-01-16") == [
        ("2024-01-11", "sentence", "Deelraad", "consent"),
        ("2024-01-16", "meeting", "College van Bestuur", "decide"),
        ("2024-01-16", "meeting", "College van Bestuur", "reject"),
    ]


def test_an_english_decision_list_labels_its_acts_under_its_meeting_headings(tmp_path: Path) -> None:
    from planwijzer.ingest.chunking import chunk_document
    from planwijzer.ingest.decisions import document_decisions
    from planwijzer.ingest.loaders import load_document

    path = tmp_path / "board-decisions.md"
    path.write_text(
        "---\ntitle: Executive Board decisions, fourth quarter 2023\ndate: 2024-01-10\n"
        "institution: Duinstad University of Technology\n---\n"
        "# Executive Board decisions\n\nThis list summarises the decisions of the Executive Board.\n\n"
        "## Meeting of 3 October 2023\n\n"
        "- **Digital learning.** Adopted: the framework for digital learning 2024-2027.\n"
        "- **Bachelor review.** The Board took note of the review.\n\n"
        "## Meeting of 7 November 2023\n\n"
        "- **Budget 2024.** Adopted: the budget 2024, following the consent of the University Council on 26 October "
        "2023.\n- **Numerus fixus.** Rejected: the proposal to introduce a numerus fixus.\n",
        encoding="utf-8",
    )
    chunks = chunk_document(load_document(path), path.name)
    records = document_decisions([(c.chunk_id, c.text, c.metadata) for c in chunks])
    assert sorted((r.date, r.body, r.act) for r in records) == [
        ("2023-10-03", "College van Bestuur", "adopt"),
        ("2023-10-26", "Universiteitsraad", "consent"),  # the consent the adoption follows, on its own date
        ("2023-11-07", "College van Bestuur", "adopt"),
        ("2023-11-07", "College van Bestuur", "reject"),
    ]
    assert [r.subject for r in records if r.body == "College van Bestuur"] == [
        "Digital learning",
        "Budget 2024",
        "Numerus fixus",
    ]  # each bullet's title
    assert {r.institution for r in records} == {"Duinstad University of Technology"}  # "University Council" is a body


@pytest.mark.parametrize(
    ("text", "title", "date", "expected"),
    [
        # an annual report's day without a year is of the year it reports on, and the report records no meeting
        ("Dit jaarverslag beschrijft het jaar van de raad. Op 22 juni stemde de CMR in met de hoofdlijnen van de "
         "begroting.", "Jaarverslag 2023 Centrale Medezeggenschapsraad", "2024-07-01",
         [("2023-06-22", "sentence", "Medezeggenschapsraad", "consent")]),
        # an accreditation body deciding positively is its positive verdict
        ("On 14 May 2024 the NVAO decided positively on the bachelor's programme.", "NVAO decisions", "2024-05-20",
         [("2024-05-14", "sentence", "NVAO", "assess_positively")]),
        # a closed session is no decision, an approval granted is one
        ("De raad brengt in besloten zitting positief advies uit over de benoeming.", "Nieuws", "2024-02-08", []),
        ("Op 6 juni 2024 heeft de Raad van Toezicht goedkeuring verleend aan de verkoop van het gebouw.", "Brief",
         "2024-06-10", [("2024-06-06", "sentence", "Raad van Toezicht", "approve")]),
    ],
)  # fmt: skip
def test_reports_verdicts_and_approvals_in_other_words(text: str, title: str, date: str, expected: list) -> None:
    assert _doc(text, title, date) == expected


def test_the_same_evening_dates_a_decision_by_the_one_before() -> None:
    text = (
        "Op 10 april stemde de GV niet in met de begroting. "
        "Dezelfde avond stemde de GV wel in met de nieuwe regeling voor bestuursbeurzen."
    )
    found = _doc(text, "GV stemt niet in met begroting", "2024-04-16")
    assert [(d, basis) for d, basis, _, _ in found] == [("2024-04-10", "sentence"), ("2024-04-10", "sentence")]


def test_an_opening_approval_of_what_is_to_come_is_its_condition_not_a_decision() -> None:
    # rule 4 of tests/decisions_gold_README.md: "na goedkeuring van de senaat zal …" is no decision
    future = "Na goedkeuring van de Eerste Kamer zal de wet op 1 september 2025 in werking treden."
    assert _doc(future, "Kamerbrief", "2024-06-28") == []
    taken = "Na instemming van de raad op 3 mei heeft het college de begroting vastgesteld."
    assert [(body, act) for _, _, body, act in _doc(taken, "Nieuws", "2024-06-28")] == [
        ("Raad", "consent"),
        ("College van Bestuur", "adopt"),
    ]  # a condition fulfilled: both decisions taken


@pytest.mark.parametrize(
    ("text", "title", "institution", "expected"),
    [
        # the summary of a university's Senate: "Senate" is its own, not the Dutch Senate; minutes "approved" approved
        ("2. Minutes\n\nThe minutes of the meeting held on 2 February 2026 were approved.\n\n3. Regulations\n\n"
         "Senate approved the revised assessment rules. Senate resolved that teaching will start on 20 September "
         "2027.", "Senate: summary of business, meeting of 9 March 2026", "University of Duinstad",
         [("2026-03-09", "meeting", "Senate", "approve")] * 2 + [("2026-03-09", "meeting", "Senate", "decide")]),
        # a province's executive by its name and its initials, which Dutch writes without an article
        ("In de vergadering van Gedeputeerde Staten werd het voorstel besproken. GS stellen de subsidieregeling "
         "Talent Duinstad 2026 vast.", "Besluitenlijst Gedeputeerde Staten, vergadering 3 maart 2026",
         "Provincie Duinstad", [("2026-03-03", "meeting", "Gedeputeerde Staten", "adopt")]),
        # a separable verb with a long object, a year span with a dash inside it
        ("Het CvB keurt de verlenging van de samenwerkingsovereenkomst met de hogeschool voor de periode "
         "2026–2030 goed.", "Besluitenlijst College van Bestuur, vergadering 3 maart 2026", "Universiteit Duinstad",
         [("2026-03-03", "meeting", "College van Bestuur", "approve")]),
        # the rector speaks for the executive board
        ("De rector zegt toe dat de raad voor 1 juni een overzicht ontvangt.",
         "Verslag vergadering universiteitsraad 3 maart 2026", "Universiteit Duinstad",
         [("2026-03-03", "meeting", "College van Bestuur", "decide")]),
        # parliament taking a bill is its approval (labelling rule 15: voting for a bill)
        ("Vorige week nam de Tweede Kamer het wetsvoorstel over de studiefinanciering aan.", "Nieuws",
         "Universiteit Duinstad", [("2026-03", "sentence", "Tweede Kamer", "approve")]),
    ],
)  # fmt: skip
def test_formal_records_name_their_bodies_and_acts_in_their_own_way(
    text: str, title: str, institution: str, expected: list
) -> None:
    assert sorted(_doc(text, title, "2026-03-09", institution)) == sorted(expected)


def test_an_items_line_that_is_its_act_alone_is_the_items_decision() -> None:
    text = (
        "Vergadering van 3 maart 2026\n\n3. Kaderbrief 2027\n\nDe decanen vroegen om een lagere taakstelling.\n\n"
        "Vastgesteld, met inachtneming van de lagere taakstelling.\n\n4. Huisvesting\n\nConform vastgesteld.\n\n"
        "5. Rapport\n\nVastgesteld is dat het rapport later komt."
    )
    found = _doc(text, "Besluitenlijst College van Bestuur", "2026-03-03")
    assert found == [("2026-03-03", "meeting", "College van Bestuur", "adopt")] * 2


def test_a_committee_of_a_university_is_a_body_not_an_institution() -> None:
    from planwijzer.ingest.decisions import find_institution

    assert find_institution("referred it back to the University Education Committee") is None
    assert find_institution("the Universiteit Duinstad Commissie") is None
    assert find_institution("students of Duinstad University and the board") == "Duinstad University"


def test_a_municipalitys_own_record_names_its_council_and_its_mayor_and_aldermen_by_their_kind() -> None:
    text = (
        "Vergadering van 3 maart 2026\n\n4. Huisvestingsverordening\n\n"
        "Besluit: de raad stelt de gewijzigde Huisvestingsverordening vast.\n\n"
        "Het college zegt toe de raad voor 1 juni te informeren."
    )
    found = _doc(text, "Besluitenlijst raadsvergadering 3 maart 2026", "2026-03-03", "Gemeente Duinstad")
    assert sorted(found) == [
        ("2026-03-03", "meeting", "College van burgemeester en wethouders", "decide"),
        ("2026-03-03", "meeting", "Gemeenteraad", "adopt"),
    ]
    # at a university the same words name its executive board
    assert ("2026-03-03", "sentence", "College van Bestuur", "decide") in _doc(
        "Het college zegt op 3 maart 2026 toe de raad te informeren.", "Nieuws", "2026-03-05"
    )


def test_a_bare_council_is_the_one_the_title_names_before_another_the_text_mentions() -> None:
    text = (
        "De raad sprak dit jaar ook met de ondernemingsraad over de werkdruk.\n\n"
        "In februari 2026 stemde de raad in met de onderwijs- en examenregeling."
    )
    found = _doc(text, "Jaarverslag Studentenraad 2025-2026", "2026-09-01")
    assert found == [("2026-02", "sentence", "Studentenraad", "consent")]


def test_parliaments_yes_to_a_bill_is_its_approval() -> None:
    text = "Op 2 juli 2026 stemde de Eerste Kamer in met het wetsvoorstel over de zij-instroom."
    assert _doc(text, "Persbericht", "2026-07-10") == [("2026-07-02", "sentence", "Eerste Kamer", "approve")]


def test_a_record_adopting_itself_at_a_later_meeting_takes_that_date() -> None:
    text = (
        "Vergadering van 3 maart 2026\n\n2. Begroting\n\nBesluit: het CvB stelt de begroting vast.\n\n"
        "Deze besluitenlijst is vastgesteld op 10 maart 2026."
    )
    found = _doc(text, "Besluitenlijst College van Bestuur", "2026-03-03")
    assert sorted(found) == [
        ("2026-03-03", "meeting", "College van Bestuur", "adopt"),
        ("2026-03-10", "sentence", "College van Bestuur", "adopt"),
    ]


def test_a_formal_decisions_numbered_items_are_the_decisions_of_the_body_its_preamble_names() -> None:
    text = (
        "Vergadering: gemeenteraad, donderdag 5 maart 2026\n\n"
        "De raad van de gemeente Duinstad;\n\ngelezen het voorstel van burgemeester en wethouders;\n\n"
        "**besluit:**\n\n1. de Nota studentenhuisvesting 2026 vast te stellen;\n"
        "2. geen aanvullend krediet beschikbaar te stellen;\n3. in te stemmen met de evaluatie in 2028.\n\n"
        "Het amendement werd met 20 tegen 9 stemmen aangenomen. De motie werd verworpen met 8 stemmen voor en 21 "
        "tegen. Het college zegt toe de raad te informeren."
    )
    found = _doc(text, "Raadsbesluit huisvesting", "2026-03-05", "Gemeente Duinstad")
    council = [(act, basis, date) for date, basis, body, act in found if body == "Gemeenteraad"]
    assert sorted(council) == sorted(
        [(act, "meeting", "2026-03-05") for act in ("adopt", "decide", "consent", "approve", "reject")]
    )


def test_a_vote_without_its_voters_is_the_assemblys_only_in_a_meeting_record() -> None:
    text = "Het college wil de huren beperken. De motie werd verworpen."
    assert _doc(text, "Nieuws over huisvesting", "2026-03-05", "Gemeente Duinstad") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a hyphenated "niet-" is a prefix, not a negation
        ("Vastgesteld: het collegegeld voor niet-EER-studenten bedraagt € 9.000.", ("adopt", False)),
        # the present "does not consent" withholds consent; it is no other act
        ("Conclusion: the council does not consent for now to the changes.", ("consent", True)),
    ],
)
def test_a_decision_lines_act_and_negation(sentence: str, expected: tuple) -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = f"Vergadering van 3 maart 2026\n\n2. Begroting\n\n{sentence}"
    meta = {"doc_id": "n.md", "title": "Besluitenlijst College van Bestuur", "date": "2026-03-03"}
    meta["institution"] = "Hogeschool Duinstad"
    records = document_decisions([("c1", text, meta)])
    assert [(r.act, r.negated) for r in records] == [expected]


def test_a_joint_participation_councils_initials_name_it() -> None:
    from planwijzer.ingest.decisions import canonical_body

    assert canonical_body("GMR") == canonical_body("CMR") == "Medezeggenschapsraad"


def test_advice_in_a_conclusion_line_is_no_decision() -> None:
    text = (
        "Vergadering van 3 maart 2026\n\n4. Reglement\n\n"
        "Conclusie: de raad brengt positief advies uit over het reglement."
    )
    assert _doc(text, "Verslag Universiteitsraad", "2026-03-03") == []


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        ("Over het fonds bereikten Hogeschool Duinstad, de Provincie en de Universiteit Duinstad in december 2025 een "
         "akkoord.", "2026-02-01", ("2025-12", "agree")),
        ("De commissie adviseerde positief, waarna de minister van OCW de aanvraag in december goedkeurde.",
         "2026-02-01", ("2025-12", "approve")),
        ("Op 4 april 2026 heeft uw Kamer ingestemd met het wetsvoorstel.", "2026-06-01", ("2026-04-04", "approve")),
        ("Het bestuur van de NVAO heeft bij besluit van 3 juli 2025 de opleiding negatief beoordeeld.", "2026-06-01",
         ("2025-07-03", "assess_negatively")),
    ],
)  # fmt: skip
def test_more_forms_of_a_dated_decision(sentence: str, date: str, expected: tuple) -> None:
    assert [(d, a) for d, _, _, a in _doc(sentence, "Nieuws", date)] == [expected]


def test_the_addressee_of_a_letter_to_parliament_and_an_agreement_not_yet_made_decide_nothing() -> None:
    assert [b for _, _, b, _ in _doc("Op 3 maart 2026 heb ik uw Kamer toegezegd u te informeren.", "Kamerbrief",
                                       "2026-04-01", "Ministerie van OCW")] != ["Tweede Kamer"]  # fmt: skip
    assert _doc("De universiteit en DUWO hebben daarover nog geen afspraken gemaakt.", "Nieuws", "2026-04-01") == []


def test_a_date_in_an_opening_phrase_without_an_act_is_not_the_decisions() -> None:
    text = (
        "Vergadering van 27 september 2026\n\n5. Duurzaamheid\n\n"
        "Following the discussion in June, the council has decided to set up a working group."
    )
    assert _doc(text, "Minutes of the Faculty Council", "2026-09-27") == [
        ("2026-09-27", "meeting", "Faculteitsraad", "decide")
    ]


def test_a_decision_taken_in_the_same_meeting_as_the_lead_takes_its_date() -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "n.md", "title": "Council blocks English-only bachelor", "date": "2026-03-06"}
    meta["institution"] = "Duinstad Courant"
    lead = "On Thursday, the university council voted against the board's proposal to teach the programme in English."
    later = "Earlier in the same meeting, the council consented to the housing guarantee for first-years."
    records = document_decisions([("c1", lead, meta), ("c2", later, meta)])
    assert [(r.date, r.date_basis, r.act, r.negated) for r in records] == [
        ("2026-03-05", "sentence", "consent", True),
        ("2026-03-05", "meeting", "consent", False),
    ]


def test_a_formal_decision_closed_by_its_meeting_line_takes_that_meeting() -> None:
    text = (
        "De raad van de gemeente Duinstad,\n\ngelezen het voorstel van burgemeester en wethouders;\n\n"
        "overwegende dat het tekort aan studentenwoningen groot is;\n\n"
        "**besluit:**\n\n1. vast te stellen het Actieplan Huisvesting;\n"
        "2. de Verordening Kamerverhuur in te trekken.\n\n"
        "Aldus besloten in de openbare vergadering van de gemeenteraad van Duinstad van 9 maart 2026.\n\n"
        "Amendement A1 van de fractie Stadspartij, dat beoogde het aandeel sociale huur te verhogen, is met 21 tegen "
        "16 stemmen verworpen."
    )
    found = _doc(text, "Raadsbesluit Actieplan Huisvesting", "2026-03-09", "Gemeente Duinstad")
    council = sorted((act, basis, date) for date, basis, body, act in found if body == "Gemeenteraad")
    assert council == [
        ("adopt", "meeting", "2026-03-09"),
        ("decide", "meeting", "2026-03-09"),
        ("reject", "meeting", "2026-03-09"),
    ]


def test_the_bare_board_and_assembly_are_the_ones_the_title_names() -> None:
    board = (
        "The Board rejected this proposal, as it would increase the workload.\n\n"
        "The Board assessed the quality of assessment in the bachelor's programme in Chemistry positively."
    )
    found = _doc(board, "Annual Report 2025-2026 Examination Board Faculty of Science", "2026-09-25")
    assert found == [
        (None, "document", "Examination Board", "reject"),
        (None, "document", "Examination Board", "assess_positively"),
    ]
    assembly = (
        "In October 2025 the Assembly adopted its new rules of procedure.\n\n"
        "This year, the Assembly and the Executive Board agreed on a new covenant on facilities. "
        "The covenant was signed on 3 July 2026."
    )
    found = _doc(assembly, "Annual Report 2025-2026 of the Student Assembly", "2026-08-31")
    assert found == [  # the agreement and its signing: one agreement, dated by its signing
        ("2025-10", "sentence", "Student Assembly", "adopt"),
        ("2026-07-03", "sentence", "Student Assembly", "agree"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the pronoun of a reported clause is the subject's, not the addressee's
        ("The Executive Board informed the Council that it decided on 28 September 2026 to join the pilot.",
         [("2026-09-28", "College van Bestuur", "decide")]),
        # a weekday inside a noun phrase is no date
        ("The Council does not consent to the proposed Saturday closure of the library.",
         [(None, "Council", "consent")]),
        # a commitment made, not a stance held
        ("The Executive Board committed to presenting an evaluation to the Council.",
         [(None, "College van Bestuur", "decide")]),
        ("The Executive Board is committed to improving the timetables.", []),
        # another ministry than OCW
        ("Het ministerie van Financiën heeft ingestemd met een reservering van dit bedrag.",
         [(None, "Ministerie van Financiën", "consent")]),
        # a covenant concluded is an agreement
        ("De Universiteit Duinstad en woningcorporatie Duwo hebben op 2 maart 2026 een convenant gesloten.",
         [("2026-03-02", "Universiteit Duinstad", "agree")]),
        # a speaker for a body: the body's commitment
        ("De decaan zegt namens het faculteitsbestuur toe dat de raad een werkdrukplan ontvangt.",
         [(None, "Faculteitsbestuur", "decide")]),
    ],
)  # fmt: skip
def test_who_decided_and_when_in_more_forms(sentence: str, expected: list) -> None:
    found = _doc(sentence, "Nieuws", "2026-10-05", "Hogeschool Duinstad")
    assert [(d, b, a) for d, _, b, a in found] == expected


def test_minutes_adopted_with_the_verb_first_and_a_schedule_with_a_later_date_are_the_meetings_decisions() -> None:
    text = (
        "Vergadering van 14 maart 2026\n\n2. Notulen van de vergadering van 7 februari 2026\n\n"
        "Op pagina 3 wordt een naam vervangen. Met deze wijziging worden de notulen vastgesteld.\n\n"
        "8. Vergaderschema\n\n**Besluit:** het vergaderschema 2026-2027 wordt vastgesteld zoals voorgesteld, met dien "
        "verstande dat de junivergadering naar 18 juni 2027 verschuift."
    )
    found = _doc(text, "Notulen vergadering faculteitsraad 14 maart 2026", "2026-03-14")
    assert found == [
        ("2026-03-14", "meeting", "Faculteitsraad", "adopt"),
        ("2026-03-14", "meeting", "Faculteitsraad", "adopt"),
    ]


def test_a_section_of_an_annual_report_records_no_meeting_of_its_publication_day() -> None:
    text = "Op advies van de auditcommissie heeft de raad de nieuwe Treasuryregeling goedgekeurd."
    found = _doc(text, "Jaarverslag 2025 – Verslag van de Raad van Toezicht", "2026-06-23", "Hogeschool Duinstad")
    assert found == [(None, "document", "Raad van Toezicht", "approve")]


def test_an_administrative_consultation_is_a_meeting_that_dates_what_it_agreed() -> None:
    text = (
        "In het bestuurlijk overleg van 26 juni 2026 hebben de Koepel Universiteiten en de Hogescholenraad afspraken "
    )
    text += "gemaakt over de werkdruk."
    assert [(d, a) for d, _, _, a in _doc(text, "Kamerbrief over werkdruk", "2026-09-01")] == [("2026-06-26", "agree")]


def test_an_assessing_bodys_verdicts_in_its_own_decision_are_its_decisions_of_that_day() -> None:
    dutch = (
        "Het bestuur van de NVAO heeft op 14 november 2025 het volgende besluit genomen.\n\n"
        "De NVAO beoordeelt de kwaliteit van de voltijdse variant van de opleiding als positief."
    )
    assert _doc(dutch, "Besluit accreditatie bachelor Verpleegkunde", "2025-11-20", "NVAO") == [
        ("2025-11-14", "meeting", "NVAO", "assess_positively")
    ]
    english = "NVAO assesses the application for the distinctive quality feature Internationalisation negatively."
    assert _doc(english, "NVAO decision: master Global Health", "2026-04-03", "NVAO") == [
        ("2026-04-03", "meeting", "NVAO", "assess_negatively")
    ]
    # elsewhere the present tense describes what the NVAO does, and a panel's advice is no verdict
    assert (
        _doc("De NVAO beoordeelt de kwaliteit van opleidingen als positief of negatief.", "Nieuws", "2026-04-03") == []
    )
    assert _doc("The panel advises NVAO to assess the quality of the programme as positive.", "NVAO decision",
                "2026-04-03", "NVAO") == []  # fmt: skip


def test_a_verdict_after_a_long_object_is_an_assessment() -> None:
    text = (
        "On 12 July 2025 NVAO assessed the quality of the existing master's programme Global Health (60 EC; CROHO "
        "60874; location Maastricht) negatively, with a recovery period of two years."
    )
    assert _doc(text, "NVAO decision", "2026-04-03", "NVAO") == [
        ("2025-07-12", "sentence", "NVAO", "assess_negatively")
    ]


# --- stop 32: formal decisions of bodies named without an article, dated entries, labelled lines -----------


def test_a_formal_decision_whose_preamble_names_its_body_without_article_is_that_bodys_and_publishing_is_none() -> None:
    text = (
        "Vergadering Gedeputeerde Staten: 24 januari 2023\n\n"
        "Gedeputeerde Staten van Oostmark,\n\n"
        "overwegende dat:\n\n"
        "- de adviescommissie positief heeft geadviseerd;\n\n"
        "BESLUITEN:\n\n"
        "1. het Uitvoeringskader Kennisinfrastructuur 2023-2026 vast te stellen;\n"
        "2. Provinciale Staten over dit besluit te informeren.\n"
    )
    assert _doc(text, "Besluit Gedeputeerde Staten: bijdrage aan de campus", "2023-02-01", "Provincie Oostmark") == [
        ("2023-01-24", "meeting", "Gedeputeerde Staten", "adopt"),  # not the committee of the bullet above it
    ]


def test_the_bare_board_of_a_boards_decision_list_is_that_board_and_its_going_along_with_is_approval() -> None:
    text = (
        "- De decaan meldt dat het College van Bestuur op 2 maart 2023 heeft ingestemd met het huisvestingsplan.\n\n"
        "## 6. Internationale samenwerking\n\n"
        "- Het bestuur gaat akkoord met de samenwerkingsovereenkomst voor de dubbele master.\n"
    )
    title = "Besluitenlijst faculteitsbestuur Geesteswetenschappen, 14 maart 2023"
    assert _doc(text, title, "2023-03-16") == [
        ("2023-03-02", "sentence", "College van Bestuur", "consent"),  # "heeft ingestemd": a consent still
        ("2023-03-14", "meeting", "Faculteitsbestuur", "approve"),
    ]


def test_a_day_written_with_its_weekday_takes_the_year_in_which_it_falls_on_that_weekday() -> None:
    assert find_dates("op vrijdag 2 juni", "2023-03-16")[0][2] == "2023-06-02"  # a Friday in 2023, not in 2022
    assert find_dates("op 2 juni", "2023-03-16")[0][2] == "2022-06-02"  # no weekday: the latest before the document
    assert find_dates("on Friday 2 June", "2023-03-16")[0][2] == "2023-06-02"


def test_a_conclusion_for_a_later_day_in_a_decision_list_is_the_meetings_decision() -> None:
    text = (
        "## 7. Tentamenrooster\n\n"
        "- **Conclusie:** het bestuur kiest voor een verkort rooster; op vrijdag 2 juni is er geen onderwijs.\n"
    )
    title = "Besluitenlijst faculteitsbestuur Geesteswetenschappen, 14 maart 2023"
    assert _doc(text, title, "2023-03-16") == [("2023-03-14", "meeting", "Faculteitsbestuur", "decide")]


def test_minutes_titled_with_two_meeting_words_are_the_meetings_of_the_body_after_them() -> None:
    text = "### 3. Motie\n\nStemming: 4 voor, 7 tegen. De motie is verworpen.\n"
    assert _doc(text, "Verslag vergadering Studentenraad 8 november 2022", "2022-11-21") == [
        ("2022-11-08", "meeting", "Studentenraad", "consent"),  # the council voted against: consent withheld
    ]


def test_an_agreed_line_of_minutes_is_a_decision_though_it_says_what_will_happen() -> None:
    text = (
        "**6. Communication with students**\n\n"
        "Agreed: from 2024-2025 onwards, the committee will meet six times per academic year.\n\n"
        "Conclusion: the committee will ask the board for a plan.\n"  # a conclusion about a request: no decision
    )
    title = "Minutes Programme Committee BSc Data Science, 7 February 2024"
    assert _doc(text, title, "2024-03-01") == [("2024-02-07", "meeting", "Opleidingscommissie", "decide")]


def test_decisions_of_an_overview_take_the_date_of_their_entry_and_its_title_is_no_meeting() -> None:
    text = (
        "## Overview 2023-2024\n\n"
        "**19 October 2023 – Study-advance funds 2024**\n"
        "The Central Student Council consented to the spending of the study-advance funds in 2024.\n\n"
        "**February 2024 – Support for board members**\n"
        "The Executive Board decided to raise the support for student board members.\n"
    )
    title = "Central Student Council – Decisions and positions 2023-2024"
    assert _doc(text, title, "2024-08-01", "Delft University of Technology") == [
        ("2023-10-19", "meeting", "Central Student Council", "consent"),
        ("2024-02", "meeting", "College van Bestuur", "decide"),
    ]


def test_an_agenda_items_number_and_request_are_not_the_subject() -> None:
    from planwijzer.ingest.decisions import clean_subject

    assert clean_subject("5. Instemmingsverzoek Studentenstatuut 2023") == "5. Studentenstatuut 2023"
    assert clean_subject("Request for consent on the Teaching Regulations") == "the Teaching Regulations"
    assert clean_subject("over de besteding van de middelen") == "over de besteding van de middelen"


def test_a_consent_with_its_object_fronted_is_a_consent_and_a_line_that_puts_the_item_off_is_none() -> None:
    text = (
        "## 3. OER\n\n**Besluit:** Met artikel 4.7 (herkansingen) stemt de raad voorlopig niet in.\n\n"
        "## 4. Instellingsplan\n\n**Conclusie:** De bespreking wordt in de vergadering van mei voortgezet.\n\n"
        "## 5. Rooster\n\nConclusion: the council postpones the item.\n"
    )
    title = "Besluitenlijst Faculteitsraad Aardwetenschappen, vergadering 14 maart 2023"
    records = _doc(text, title, "2023-03-20")
    assert records == [("2023-03-14", "meeting", "Faculteitsraad", "consent")]


def test_a_formal_decision_is_dated_by_its_closing_line_not_by_a_meeting_its_preamble_cites() -> None:
    from planwijzer.ingest.chunking import chunk_document
    from planwijzer.ingest.decisions import document_decisions
    from planwijzer.ingest.loaders import load_document

    path = Path(__file__).parent / "fixtures" / "decisions_synthetic13" / "03_cvb_besluit_afstudeersteun_2023.md"
    chunks = chunk_document(load_document(path), path.name)
    records = document_decisions([(c.chunk_id, c.text, c.metadata) for c in chunks])
    board = [(r.date, r.act) for r in records if r.body == "College van Bestuur"]
    # both items of "besluit:" on the day of "Aldus vastgesteld door het College van Bestuur in zijn vergadering van
    # 19 juni 2023" (not the council's meeting of 6 June its preamble cites), and that line no record of its own
    assert board == [("2023-06-19", "adopt"), ("2023-06-19", "adopt")]


def test_in_its_decision_of_a_date_dates_the_verdict_it_reports() -> None:
    assert find_dates("In its decision of 12 November 2019, NVAO assessed the programme", "2021-08-01")[0][2] == (
        "2019-11-12"
    )
    assert find_dates("De raad wijzigt zijn besluit van 6 maart 2020.", "2021-08-01") == []  # an earlier decision


def test_an_annual_reports_months_are_of_the_year_its_first_heading_names() -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {
        "doc_id": "j.md", "title": "Jaarverslag 2022 Centrale Medezeggenschapsraad Hogeschool Windhorst",
        "date": "2023-03-20", "institution": "Hogeschool Windhorst", "heading": "Voorwoord",
        "sections": '[[0, "Jaarverslag 2022 Centrale Medezeggenschapsraad"], [71, "Voorwoord"]]',
    }  # fmt: skip
    text = "Het jaar 2022 was druk.\n\nIn januari stemde de CMR in met het nieuwe Privacyreglement Studenten.\n"
    (record,) = document_decisions([("c1", text, meta)])
    assert record.date == "2022-01"  # not January 2023, before the report's own date


def test_a_timeline_whose_entries_open_with_a_line_that_is_only_a_date_dates_each_entry() -> None:
    text = (
        "18 januari 2022\nHet College van Bestuur besluit tot een pilot flexibel onderwijs.\n\n"
        "3 februari 2022\nDe projectgroep presenteert de eerste verkenning.\n\n"
        "15 maart 2022\nDe Medezeggenschapsraad stemt in met de pilot.\n"
    )
    title = "Tijdlijn: besluitvorming over flexibel onderwijs in 2022"
    assert _doc(text, title, "2023-01-10", "Hogeschool Veldmond") == [
        ("2022-01-18", "meeting", "College van Bestuur", "decide"),
        ("2022-03-15", "meeting", "Medezeggenschapsraad", "consent"),  # its own entry, not the one above it
    ]


def test_the_bare_board_of_a_board_of_examiners_report_is_that_board() -> None:
    text = "In November 2022 the Board decided to grant a general exemption from the course Statistics I.\n"
    title = "Annual Report 2022–2023 – Board of Examiners, School of Economics"
    assert _doc(text, title, "2023-10-20", "Valkenhorst University") == [
        ("2022-11", "sentence", "Board of Examiners", "decide")
    ]


def test_a_council_that_votes_a_proposal_down_withholds_its_consent_and_dates_the_news() -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = (
        "De Universiteitsraad heeft maandag het voorstel van het College van Bestuur voor een verplichte taaltoets "
        "weggestemd.\n\nIn dezelfde vergadering stemde de raad wel in met de nieuwe huisvestingsregeling.\n"
    )
    meta = {"doc_id": "k.md", "title": "U-raad stemt verplichte taaltoets weg", "date": "2023-12-13"}
    records = document_decisions([("c1", text, meta)])
    assert [(r.date, r.body, r.act, r.negated) for r in records] == [
        ("2023-12-11", "Universiteitsraad", "consent", True),  # voted down: consent withheld, on Monday 11th
        ("2023-12-11", "Universiteitsraad", "consent", False),  # the same meeting
    ]
    assert records[0].subject == "het voorstel voor een verplichte taaltoets"  # no article left by the masked body


def test_a_month_of_this_or_last_year_is_that_month_of_the_documents_year_or_the_one_before() -> None:
    assert find_dates("In juni van dit jaar heeft de NVAO de plannen negatief beoordeeld.", "2023-10-05")[0][2] == (
        "2023-06"
    )
    assert find_dates("In March last year the board adopted the plan.", "2023-10-05")[0][2] == "2022-03"
    assert find_dates("Dit jaar stemde de raad in.", "2023-10-05")[0][2] == "2023"  # no month: the year alone


def test_an_annual_report_over_an_academic_year_written_with_an_en_dash_covers_no_single_year() -> None:
    from planwijzer.ingest.decisions import report_year

    assert report_year("Annual Report 2022–2023, Programme Committee BSc Liberal Arts & Sciences") is None
    assert report_year("Jaarverslag 2022 – Raad van Toezicht") == "2022"  # a dash before words: one year


def test_a_vote_tally_says_how_a_council_voted_and_is_no_decision_of_its_own() -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = (
        "De Universiteitsraad heeft dinsdagavond ingestemd met de nieuwe regeling voor studiereizen.\n\n"
        "De raad stemde met twaalf stemmen voor en zes tegen in met de regeling. Over de kosten werd gesproken.\n\n"
        "Een voorstel om de inschrijving voor keuzevakken te verplaatsen haalde het niet. De raad stemde niet in met "
        "het voorstel: negen raadsleden stemden tegen, zeven voor.\n"
    )
    meta = {"doc_id": "v.md", "title": "Raad stemt in met regeling studiereizen", "date": "2023-05-11"}
    records = document_decisions([("c1", text, meta)])
    # the restatement with its tally is the lead's consent, once; the members counted against are no act of the body
    assert [(r.date, r.body, r.act, r.negated) for r in records] == [
        ("2023-05-09", "Universiteitsraad", "consent", False),
        ("2023-05-09", "Universiteitsraad", "consent", True),
    ]
    assert (
        extract_sentence("De raad stemde met twaalf stemmen voor en zes tegen in met de regeling.")[0]["subject"]
        == "de regeling"
    )  # the tally is how it voted, not what it consented to


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        # the rector is the board's member; the council between the verb's parts is who the commitment was given to
        (
            "Rector Ilse Verhagen zegde de raad toe dat lopende opleidingen in hun huidige taal worden afgerond.\n",
            "Universiteitsraad stemt in met taalbeleid",
            "College van Bestuur",
        ),
        # a commitment line in a council's minutes: the council named after the verb receives it
        (
            "4. Reserves\n\nToezegging: de vicevoorzitter zegt toe dat de raad vóór 1 juni een overzicht van de "
            "reserves ontvangt.\n",
            "Verslag van de vergadering van de Universiteitsraad van 14 maart 2023",
            "College van Bestuur",
        ),
        # a faculty council's commitment comes from the faculty board
        (
            "3. Werkdruk\n\nToezegging: de portefeuillehouder zegt toe dat de faculteitsraad in mei een plan "
            "ontvangt.\n",
            "Verslag van de vergadering van de Faculteitsraad Geesteswetenschappen van 7 februari 2023",
            "Faculteitsbestuur",
        ),
    ],
)
def test_a_commitment_given_to_a_council_is_the_boards(text: str, title: str, body: str) -> None:
    decided = [row for row in _doc(text, title, "2023-03-20") if row[3] == "decide"]
    assert [row[2] for row in decided] == [body]


def test_a_formal_decisions_items_take_the_day_of_its_closing_line_and_its_dated_consents_count() -> None:
    text = (
        "Het College van Bestuur van de Universiteit Duinstad,\n\n"
        "gelet op\n\n"
        "- de instemming van het Lokaal Overleg van 12 januari 2024;\n"
        "- de instemming van de Universiteitsraad van 23 januari 2024;\n\n"
        "besluit:\n\n"
        "1. vast te stellen de Regeling thuiswerken 2024;\n"
        "2. vast te stellen het Aanvraagformulier thuiswerkplek;\n"
        "3. te bepalen dat de regeling op 1 april 2024 in werking treedt.\n\n"
        "Aldus vastgesteld door het College van Bestuur op 6 februari 2024.\n"
    )
    title = "Besluit van het College van Bestuur houdende vaststelling van de Regeling thuiswerken 2024"
    assert sorted(_doc(text, title, "2024-02-06")) == [
        ("2024-01-12", "sentence", "Lokaal Overleg", "consent"),  # "de instemming van X van <dag>": given that day
        ("2024-01-23", "sentence", "Universiteitsraad", "consent"),
        ("2024-02-06", "meeting", "College van Bestuur", "adopt"),  # each item on the day the closing line gives
        ("2024-02-06", "meeting", "College van Bestuur", "adopt"),
        ("2024-02-06", "meeting", "College van Bestuur", "decide"),
    ]
    # without numbered items, the closing line is the decision itself
    alone = (
        "Het College van Bestuur besluit de regeling te wijzigen.\n\nAldus vastgesteld door het College van "
        "Bestuur op 6 februari 2024.\n"
    )
    assert ("2024-02-06", "sentence", "College van Bestuur", "adopt") in _doc(alone, title, "2024-02-06")
    assert find_dates("Dit vereist de instemming van de raad.", "2024-02-06") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the date after a later act, nearer to it, is that act's: the board's adoption takes no date from it
        (
            "The Executive Board adopted the 2024 budget, after the University Council had consented to its main "
            "lines on 5 December.",
            [(None, "College van Bestuur", "adopt"), ("2023-12-05", "Universiteitsraad", "consent")],
        ),
        (
            "Het College van Bestuur heeft in november het Strategisch Plan 2024–2030 van de hogeschool vastgesteld, "
            "na instemming van de CMR op 21 november.",
            [("2023-11", "College van Bestuur", "adopt"), ("2023-11-21", "Medezeggenschapsraad", "consent")],
        ),
        # a passive consent whose verb closes the clause far from "instemming"
        (
            "In oktober werd de instemming met het Studentenstatuut 2024 verleend, nadat de CMR om een "
            "aanpassing had gevraagd.",
            [("2023-10", "Medezeggenschapsraad", "consent")],
        ),
    ],
)
def test_each_act_of_a_sentence_takes_its_own_date(sentence: str, expected: list) -> None:
    assert _dated_acts(sentence, "2023-12-20") == expected


def test_the_line_that_says_at_which_meeting_minutes_were_adopted_is_that_adoption() -> None:
    text = (
        "*Vastgesteld in de vergadering van 9 mei 2023*\n\n"
        "1. Opening\n\nDe voorzitter opent de vergadering.\n\n"
        "2. Begroting\n\nBesluit: de raad stemt in met de hoofdlijnen van de begroting 2024.\n"
    )
    title = "Verslag van de vergadering van de Faculteitsraad Rechten van 11 april 2023"
    assert _doc(text, title, "2023-05-10") == [
        ("2023-05-09", "sentence", "Faculteitsraad", "adopt"),  # the record itself, adopted at the next meeting
        ("2023-04-11", "meeting", "Faculteitsraad", "consent"),
    ]


def test_a_municipalitys_council_and_executive_written_in_english_decide_and_vote() -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = (
        "On Tuesday evening the Brakmoor city council adopted the Student Housing Plan 2024–2030 by 31 votes to 6.\n\n"
        "The council also adopted an amendment requiring that half of the new rooms be affordable.\n\n"
        "A motion asking the municipal executive to stop the conversion of family homes was rejected.\n\n"
        "In March the municipal executive had already decided to reserve €3 million for new building sites. Last "
        "year Brakmoor University and the municipality agreed to make one campus plot available for 500 rooms.\n"
    )
    meta = {"doc_id": "b.md", "title": "Council adopts housing plan", "date": "2024-04-12",
            "institution": "Municipality of Brakmoor"}  # fmt: skip
    records = document_decisions([("c1", text, meta)])
    assert [(r.date, r.body, r.act) for r in records] == [
        ("2024-04-09", "Brakmoor city council", "adopt"),
        ("2024-04-09", "Brakmoor city council", "adopt"),  # "the council": the city council the document names
        ("2024-03", "Municipal executive", "decide"),  # not the executive a motion asked to act: no vote of its own
        ("2023", "Brakmoor University", "agree"),  # two parties "agreed to make …"
    ]
    assert records[0].subject == "the Student Housing Plan 2024–2030"  # not "… by 31 votes to 6"
    one = extract_sentence("The Executive Board agreed to postpone the decision.", "2024-04-12")
    assert [(d["body"], d["act"]) for d in one] == [("College van Bestuur", "decide")]  # one body: its decision


def test_a_commitment_given_to_the_council_at_the_meeting_the_lead_reports_takes_its_date() -> None:
    text = (
        "De universiteitsraad heeft maandagavond ingestemd met het nieuwe taalbeleid.\n\n"
        "Rector Ilse Verhagen zegde de raad toe dat lopende opleidingen in hun huidige taal worden afgerond.\n"
    )
    assert _doc(text, "Raad stemt in met taalbeleid", "2023-03-16") == [
        ("2023-03-13", "sentence", "Universiteitsraad", "consent"),
        ("2023-03-13", "meeting", "College van Bestuur", "decide"),  # given to the council at that meeting
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a decision whose complement is another act takes that act
        (
            "Het College van Bestuur heeft op 3 oktober 2023 besloten de aanvraag voor de nieuwe opleiding goed te "
            "keuren.",
            [("2023-10-03", "College van Bestuur", "approve", False)],
        ),
        # a time in a condition or in a clause describing the object is theirs, not the act's
        (
            "The Council consented to the academic calendar, provided that the resit week in January is not shortened.",
            [(None, "Council", "consent", False)],
        ),
        (
            "The Faculty Council approved a pilot, in which students can take one extra resit in August.",
            [(None, "Faculteitsraad", "consent", False)],
        ),
        # English forms: an emphatic approval, consent withheld, a budget voted down
        (
            "The Participation Council did approve the spending plan.",
            [(None, "Medezeggenschapsraad", "consent", False)],
        ),
        ("The council withheld its consent on the new language policy.", [(None, "Council", "consent", True)]),
        (
            "In December 2022 the University Council voted down the budget.",
            [("2022-12", "Universiteitsraad", "reject", False)],
        ),
        # a provincial executive; a day followed by "to <verb> … €12 million" is no period
        (
            "The Provincial Executive of Zuidmark decided on 26 March 2024 to contribute €12 million to the institute.",
            [("2024-03-26", "Provincial Executive of Zuidmark", "decide", False)],
        ),
        # a refused consent whose verb ends before a colon and its tally
        (
            "Over de verhoging van het collegegeld stemde de Universiteitsraad niet in: tien leden stemden tegen, acht "
            "voor.",
            [(None, "Universiteitsraad", "consent", True)],
        ),
        # no decision yet
        ("Over de toekomst van de locatie is door het College van Bestuur nog geen besluit genomen.", []),
        ("The Executive Board wants to halve staff flights by 2030, but it has not yet decided how.", []),
    ],
)
def test_the_act_its_date_and_its_body_in_more_forms(sentence: str, expected: list) -> None:
    found = extract_sentence(sentence, "2024-04-02" if "2024" in sentence else "2023-12-20")
    assert [(d["date"], d["body"], d["act"], d["negated"]) for d in found] == expected


def test_minutes_take_the_day_of_the_heading_the_chunker_lifted_out_of_their_text() -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {
        "doc_id": "v.md", "title": "Verslag Universiteitsraad maart 2023", "date": "2023-04-18",
        "institution": "Universiteit Duinstad",
        "heading": "Verslag van de vergadering van de Universiteitsraad d.d. 14 maart 2023",
    }  # fmt: skip
    text = (
        "Aanwezig: de leden van de raad.\n\n3. Kaderbrief\n\nDe raad stemt in met de hoofdlijnen van de kaderbrief.\n"
    )
    assert [(r.date, r.date_basis, r.act) for r in document_decisions([("c1", text, meta)])] == [
        ("2023-03-14", "meeting", "consent")  # the meeting's day, not the day the record was published
    ]


def test_a_decision_list_reads_its_lines_as_the_meeting_took_them() -> None:
    text = (
        "Agendapunt 2 – Besluitenlijst vergadering 11 oktober 2022\n\n"
        "Besluit: de besluitenlijst van 11 oktober 2022 wordt ongewijzigd vastgesteld.\n\n"
        "Agendapunt 3 – Roosters\n\n"
        "Het CvB zegt toe de MR in januari de evaluatie van het roostersysteem toe te sturen.\n\n"
        "Agendapunt 4 – Huisvesting\n\n"
        "Besluit: geen; het punt komt terug in de vergadering van januari.\n"
    )
    title = "Besluitenlijst Medezeggenschapsraad Hogeschool Duinstad 22 november 2022"
    assert sorted(_doc(text, title, "2022-11-25", "Hogeschool Duinstad")) == [
        ("2022-11-22", "meeting", "College van Bestuur", "decide"),  # January is when the commitment is to be kept
        ("2022-11-22", "meeting", "Medezeggenschapsraad", "adopt"),  # the earlier list adopted at this meeting
    ]  # "Besluit: geen" decides nothing


def test_a_formal_decisions_items_that_run_into_the_next_chunk_are_its_decisions() -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "f.md", "title": "Besluit van het College van Bestuur: Regeling studieadvies 2024",
            "date": "2023-09-14", "institution": "Universiteit Duinstad"}  # fmt: skip
    first = (
        "Het College van Bestuur van de Universiteit Duinstad,\n\n"
        "gezien de instemming van de Universiteitsraad, verleend in diens vergadering van 29 augustus 2023;\n\n"
        "besluit:\n\n1. vast te stellen de Regeling studieadvies 2024;"
    )
    second = (
        "2. te bepalen dat de oude regeling tot 1 september 2024 blijft gelden;\n\n"
        "3. de decanen op te dragen de opleidingen vóór 1 november 2023 te informeren.\n\n"
        "Aldus vastgesteld in de vergadering van het College van Bestuur van 12 september 2023.\n"
    )
    records = document_decisions([("c1", first, meta), ("c2", second, meta)])
    assert sorted((r.date, r.body, r.act) for r in records) == [
        ("2023-08-29", "Universiteitsraad", "consent"),  # "verleend in diens vergadering van …": given that day
        ("2023-09-12", "College van Bestuur", "adopt"),
        ("2023-09-12", "College van Bestuur", "decide"),
        ("2023-09-12", "College van Bestuur", "decide"),  # instructing the deans to inform is a decision, not a notice
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a board's promise to the council is its commitment; a promise only to look into something is none
        (
            "On 3 October 2023 the Executive Board promised the council that its decisions would be published within "
            "two weeks.",
            [("2023-10-03", "College van Bestuur", "decide")],
        ),
        ("The Executive Board promised to look into this.", []),
        # the council voted for the board's plan: the board owns the plan, the council consented
        (
            "On Wednesday the University Council voted in favour of the Executive Board's plan to sell the building.",
            [("2023-12-13", "Universiteitsraad", "consent")],
        ),
        # a question about a decision is none
        ("A member asked whether the Executive Board had already decided on the policy.", []),
    ],
)
def test_promises_owners_and_questions(sentence: str, expected: list) -> None:
    assert _dated_acts(sentence, "2023-12-15") == expected


def test_a_timelines_entries_that_open_their_own_line_with_a_date_take_that_date() -> None:
    text = (
        "**June 2022** — The working group presents its report.\n\n"
        "**November 2022** — The Participation Council consents to the principles of the new timetable.\n\n"
        "**March 2023** — A request to postpone the timetable is turned down by the Executive Board.\n"
    )
    title = "The new timetable: timeline and frequently asked questions"
    assert _doc(text, title, "2023-08-30", "Hogeschool Duinstad") == [
        ("2022-11", "sentence", "Medezeggenschapsraad", "consent"),  # its own line's date, not the entry above
        ("2023-03", "sentence", "College van Bestuur", "reject"),  # "is turned down by"
    ]
    found = extract_sentence("The Executive Board and the Participation Council agree that the timetable is evaluated.")
    assert [(d["body"], d["act"], d["parties"]) for d in found] == [
        ("College van Bestuur", "agree", "College van Bestuur; Medezeggenschapsraad")  # "A and B agree that"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bij e-mailronde van 1 september 2023 heeft het CvB besloten de opening van het jaar te verplaatsen.",
            [("2023-09-01", "College van Bestuur", "decide")],
        ),
        (
            "In the same decision of 28 March 2024, NVAO rejected the request to extend the accreditation.",
            [("2024-03-28", "NVAO", "reject")],
        ),
        (
            "Het college van burgemeester en wethouders van Duinstad heeft op 28 november 2023 ingestemd met het "
            "convenant.",
            [("2023-11-28", "College van burgemeester en wethouders van Duinstad", "consent")],
        ),
        (
            "Zoals u weet, hebben de Vereniging Hogescholen en mijn ministerie in het bestuurlijk overleg van 2 april "
            "2024 afgesproken dat de opleidingen ook in deeltijd worden aangeboden.",
            [("2024-04-02", "Ministerie van OCW", "agree")],
        ),
    ],
)
def test_days_of_a_written_round_or_an_earlier_decision_and_bodies_named_in_full(sentence: str, expected: list) -> None:
    assert _dated_acts(sentence, "2024-04-18") == expected


def test_a_decision_told_as_the_background_of_another_sentence_is_recorded_once() -> None:
    text = (
        "In this annual report the committee looks back on 2023.\n\n"
        "At its meeting of 8 March 2023 the committee did not consent to the new resit schedule.\n\n"
        "After the committee had withheld its consent, the director presented a revised schedule with a resit in "
        "April.\n\n"
        "Nadat de decaan een artikel had toegevoegd, stemde de opleidingscommissie op 16 mei 2023 in met het schema.\n"
    )
    title = "Annual report 2023 of the Programme Committee"
    assert _doc(text, title, "2024-02-04", "Universiteit Duinstad") == [
        ("2023-03-08", "sentence", "Opleidingscommissie", "consent"),  # withheld once, not again in April
        ("2023-05-16", "sentence", "Opleidingscommissie", "consent"),  # the main clause's consent after "Nadat …,"
    ]


def test_a_formal_decision_closed_with_two_verbs_dates_its_items_by_that_meeting() -> None:
    text = (
        "Het College van Bestuur van de Universiteit Duinstad,\n\n"
        "gezien de instemming van de universiteitsraad van 13 juni 2023;\n\n"
        "besluit:\n\n1. de Regeling studieadvies 2023 vast te stellen;\n2. de Regeling studieadvies 2019 in te "
        "trekken.\n\nAldus besloten en vastgesteld door het College van Bestuur in zijn vergadering van 27 juni 2023.\n"
    )
    found = _doc(text, "Besluit van het College van Bestuur: Regeling studieadvies 2023", "2023-06-30")
    assert sorted(found) == [
        ("2023-06-13", "sentence", "Universiteitsraad", "consent"),
        ("2023-06-27", "meeting", "College van Bestuur", "adopt"),  # not the day of the consent its preamble cites
        ("2023-06-27", "meeting", "College van Bestuur", "decide"),
    ]


def test_a_timelines_headings_that_are_only_a_date_date_the_entries_under_them() -> None:
    from planwijzer.ingest.decisions import document_decisions

    text = (
        "The Participation Council consents to the campus vision.\n\n"
        "The Supervisory Board approves the investment of €48 million for the new campus.\n"
    )
    meta = {
        "doc_id": "t.md", "title": "Timeline: the new campus", "date": "2024-09-30",
        "institution": "Hogeschool Duinstad", "sections": '[[0, "15 June 2021"], [58, "October 2021"]]',
    }  # fmt: skip
    assert [(r.date, r.body, r.act) for r in document_decisions([("c1", text, meta)])] == [
        ("2021-06-15", "Medezeggenschapsraad", "consent"),
        ("2021-10", "Raad van Toezicht", "approve"),
    ]


def test_a_ministers_letter_about_decisions_records_no_meeting_and_parliaments_passive_yes_is_its_approval() -> None:
    text = (
        "Het wetsvoorstel Flexibel studeren is op 9 april 2024 door de Tweede Kamer aangenomen.\n\n"
        "Ik heb daarom besloten de regeling met twee jaar te verlengen.\n"
    )
    title = "Kamerbrief over de voortgang van het akkoord en besluiten over het opleidingsaanbod"
    assert _doc(text, title, "2024-06-14", "Ministerie van OCW") == [
        ("2024-04-09", "sentence", "Tweede Kamer", "approve"),  # "aangenomen" by parliament: approved, its own day
        (None, "document", "Ministerie van OCW", "decide"),  # not dated as if the letter recorded a meeting
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Op grond van het adviesrapport besluit de NVAO de opleiding Verpleegkunde positief te beoordelen.",
            [(None, "NVAO", "assess_positively")],
        ),
        (
            "Bij besluit van 12 juli 2022 beoordeelde de NVAO de opleiding als onvoldoende op standaard 4.",
            [("2022-07-12", "NVAO", "assess_negatively")],
        ),
        ("The Local Consultative Body still has to sign off on the plan.", []),
        (
            "At its December meeting the Supervisory Board approved the multi-year budget.",
            [("2023-12", "Raad van Toezicht", "approve")],
        ),
    ],
)
def test_verdicts_obligations_and_a_meetings_month(sentence: str, expected: list) -> None:
    assert _dated_acts(sentence, "2024-02-01") == expected


def test_the_council_of_an_english_text_is_not_the_supervisory_board_it_also_names() -> None:
    text = (
        "The Supervisory Board approved the budget in December.\n\n"
        "The University Council met twice. The council consented to the revised housing plan on 12 December.\n"
    )
    bodies = [row[2] for row in _doc(text, "Interview with the president", "2024-01-20")]
    assert bodies == ["Raad van Toezicht", "Universiteitsraad"]


def test_a_supervisory_boards_page_of_dated_decisions_is_its_own_and_dates_each_entry() -> None:
    text = (
        "12 December 2023. The Supervisory Board approved the 2024 budget.\n\n"
        "28 September 2023. The Board did not approve the proposed purchase of the Westhaven building.\n"
    )
    found = _doc(text, "Decisions of the Supervisory Board", "2024-03-01", "Hogeschool Duinstad")
    assert found == [
        ("2023-12-12", "meeting", "Raad van Toezicht", "approve"),  # the entry's day, not the page's
        ("2023-09-28", "meeting", "Raad van Toezicht", "approve"),  # "the Board" of its own page
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "This February, the University Council consented to a new housing guarantee.",
            [("2024-02", "Universiteitsraad", "consent")],
        ),
        ("The minister disagrees, but she has not decided whether to intervene.", []),
        ("De decaan heeft nog niet besloten of de opleiding doorgaat.", []),
    ],
)
def test_this_month_and_a_decision_not_taken(sentence: str, expected: list) -> None:
    assert _dated_acts(sentence, "2024-04-18") == expected


def _records(tmp_path: Path, name: str, markdown: str) -> list:
    """The records of one Markdown document written to ``tmp_path``, read as ingest reads it (its headings lifted by
    the chunker)."""
    from planwijzer.ingest.extract import folder_decisions

    from planwijzer.config import get_settings

    (tmp_path / name).write_text(markdown, encoding="utf-8")
    return folder_decisions(tmp_path, get_settings())


def _file(tmp_path: Path, name: str, markdown: str) -> list:
    """:func:`_records` as ``(date, date_basis, body, act)``."""
    return [(r.date, r.date_basis, r.body, r.act) for r in _records(tmp_path, name, markdown)]


def test_a_timelines_headings_that_open_with_a_date_date_the_entries_under_them(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Timeline of the new library\ndate: 2024-05-02\nlanguage: en\n"
        "institution: Hogeschool Duinstad\n---\n\n# Timeline of the new library\n\n"
        "## April 2019 – Design chosen\n\nThe Supervisory Board approves the design for the new library.\n\n"
        "## 3 June 2020 – Permit\n\nThe municipal council of Duinstad adopts the permit for the building.\n\n"
        "## Expected: autumn 2024 – Opening\n\nThe Executive Board expects to open the library in the autumn.\n"
    )
    assert _file(tmp_path, "timeline.md", markdown) == [
        ("2019-04", "meeting", "Raad van Toezicht", "approve"),
        ("2020-06-03", "meeting", "Municipal council of Duinstad", "adopt"),
    ]


def test_an_annual_reports_paragraphs_led_by_a_month_date_their_decisions_in_the_year_it_covers(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Jaarverslag 2021 van de studentenraad\ndate: 2022-02-10\nlanguage: nl\n"
        "institution: Hogeschool Duinstad\n---\n\n# Jaarverslag 2021 van de studentenraad\n\n## Het jaar\n\n"
        "**Februari.** De Medezeggenschapsraad stemde in met de kaderbrief 2022.\n\n"
        "**April.** De raad sprak over de werkdruk. Het College van Bestuur stelde de regeling op 2 mei 2021 vast.\n\n"
        "**November.** Op 9 november ondertekenden het College van Bestuur en de Medezeggenschapsraad een convenant. "
        "Daarin zijn afspraken gemaakt over het tijdig aanleveren van stukken.\n\n"
        "## Vaststelling\n\nDit jaarverslag is door de raad besproken.\n"
    )
    assert _file(tmp_path, "jaarverslag.md", markdown) == [
        ("2021-02", "meeting", "Medezeggenschapsraad", "consent"),  # February of 2021, not of the report's 2022
        ("2021-05-02", "sentence", "College van Bestuur", "adopt"),  # its own day, after its entry's month
        ("2021-11-09", "sentence", "College van Bestuur", "agree"),  # the terms of the signed covenant: one record
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "De decaan antwoordt dat het faculteitsbestuur heeft besloten de vestiging in juli en augustus dicht te "
            "houden.",
            [(None, "Faculteitsbestuur", "decide")],  # the time of what was decided, not of the decision
        ),
        ("The Faculty Board has decided to close the library in July.", [(None, "Faculty Board", "decide")]),
        (
            "Het faculteitsbestuur besloot op 3 maart om de vestiging te sluiten.",
            [("2024-03-03", "Faculteitsbestuur", "decide")],
        ),
        (
            "The Faculty Board decided on 3 March to close the library.",
            [("2024-03-03", "Faculty Board", "decide")],
        ),
        ("Over een permanente sluiting heeft het faculteitsbestuur niets besloten.", []),
        ("Nothing has been decided about the library yet, the Executive Board says.", []),
        ("De rector zet op een rij wat wel en wat niet is besloten door het college.", []),
        ("Wat heeft het College van Bestuur dan wel besloten?", []),
    ],
)
def test_the_time_of_what_was_decided_a_decision_not_taken_and_a_question(sentence: str, expected: list) -> None:
    assert _dated_acts(sentence, "2024-03-14") == expected


def test_minutes_that_tell_of_an_adoption_in_a_later_month_in_the_present_tense_record_no_decision(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Verslag faculteitsraad, vergadering van 14 maart 2024\ndate: 2024-04-02\nlanguage: nl\n"
        "institution: Universiteit Duinstad\n---\n\n# Faculteitsraad – verslag\n\n"
        "**Vergadering van donderdag 14 maart 2024**, zaal 2\n\n## 1. Kaderbrief 2025\n\n"
        "De decaan licht de kaderbrief toe. De raad adviseert positief over de kaderbrief.\n\n"
        "Het faculteitsbestuur stelt de kaderbrief vervolgens in april vast.\n\n## 2. Kiesreglement\n\n"
        "**Besluit:** de raad stemt in met de wijziging van het kiesreglement.\n"
    )
    assert _file(tmp_path, "verslag.md", markdown) == [("2024-03-14", "meeting", "Faculteitsraad", "consent")]


def test_a_chronology_of_bulleted_entries_under_month_lines_dates_each_entry_in_the_reports_year(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Jaarverslag 2018 Universiteit Duinstad\ndate: 2019-06\nlanguage: nl\n"
        "institution: Universiteit Duinstad\n---\n\n# Jaarverslag 2018\n\nDit jaarverslag beschrijft het jaar 2018.\n\n"
        "## Kroniek 2018\n\n"
        "**Januari**\n- 15 januari: Het College van Bestuur stelt de Internationaliseringsagenda 2018-2022 vast.\n\n"
        "**April**\n- 9 april: De minister van OCW en de Vereniging Hogescholen zetten hun handtekening onder een "
        "akkoord over de studievoorschotmiddelen.\n\n"
        "**Juni**\n- De NVAO beoordeelt de masteropleiding Maritiem Recht positief. Voor de bacheloropleiding "
        "Kustbeheer valt het oordeel negatief uit.\n\n"
        "**Oktober**\n- 11 oktober: Het College van Bestuur besluit de aanschaf van een schip uit te stellen.\n"
        "- De Universiteitsraad stemt niet in met het voorstel om het collegegeld te verhogen.\n\n"
        "**December**\n- 18 december: College van Bestuur en Universiteitsraad bereiken overeenstemming over de "
        "verdeling van de middelen.\n\n## Medezeggenschap\n\n"
        "De Universiteitsraad vergaderde in 2018 negen keer. Naast de begroting besprak de raad het "
        "huisvestingsbeleid. Ook stelde de raad in 2018 een nieuw Reglement Fractievergoedingen vast.\n\n"
        "## Financiën\n\nDe begroting 2018 werd op 14 december 2017 door de Raad van Toezicht goedgekeurd.\n"
    )
    found = _file(tmp_path, "jaarverslag.md", markdown)
    assert found == [
        ("2018-01-15", "sentence", "College van Bestuur", "adopt"),  # a chronology's present: what happened then
        ("2018-04-09", "sentence", "Ministerie van OCW", "agree"),  # "zetten hun handtekening onder een akkoord"
        ("2018-06", "meeting", "NVAO", "assess_positively"),  # the month line over the entry
        ("2018-06", "meeting", "NVAO", "assess_negatively"),  # "valt het oordeel negatief uit": the NVAO's
        ("2018-10-11", "sentence", "College van Bestuur", "decide"),
        ("2018-10", "meeting", "Universiteitsraad", "consent"),  # its month, not the bullet above's day
        ("2018-12-18", "sentence", "College van Bestuur", "agree"),  # "bereiken overeenstemming"
        ("2018", "sentence", "Universiteitsraad", "adopt"),  # "de raad" after "De Universiteitsraad …"
        ("2017-12-14", "sentence", "Raad van Toezicht", "approve"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Supervisory Board had already approved the multi-year framework last December.",
            [("2023-12", "Raad van Toezicht", "approve")],
        ),
        (
            "Het College van Bestuur koos er in april 2023 voor om het hybride onderwijs voort te zetten.",
            [("2023-04", "College van Bestuur", "decide")],
        ),
        (
            "Op 1 oktober heeft de minister met de Vereniging Hogescholen afgesproken dat iedere hogeschool in 2025 "
            "een zelfevaluatie uitvoert.",
            [("2023-10-01", "Ministerie van OCW", "agree")],  # the time in what was agreed is not the agreement's
        ),
        (
            "Op 1 oktober heb ik met de Vereniging Hogescholen en de studentenorganisaties afgesproken dat iedere "
            "hogeschool in 2025 een zelfevaluatie uitvoert.",
            [("2023-10-01", "Vereniging Hogescholen", "agree")],  # the clause's only date is in what was agreed
        ),
        (
            "On behalf of the Faculty Board, the Dean promises the Council that no positions will be cut.",
            [(None, "Faculty Board", "decide")],
        ),
        (
            "A majority of the Council votes against the proposal (8 against, 6 in favour).",
            [(None, "Council", "reject")],  # its majority is the council (whose no is its consent withheld)
        ),
        (
            "Over de plannen van 27 hogescholen oordeelde de NVAO in 2019 positief.",
            [("2019", "NVAO", "assess_positively")],
        ),
        ("Voor drie hogescholen kwam de NVAO tot een negatief oordeel.", [(None, "NVAO", "assess_negatively")]),
    ],
)
def test_last_month_a_choice_split_by_its_time_a_commitment_on_behalf_of_a_board_and_verdicts(
    sentence: str, expected: list
) -> None:
    assert _dated_acts(sentence, "2024-02-08") == expected


def test_english_minutes_adopt_the_earlier_minutes_after_another_sentence_on_their_line() -> None:
    text = "## 2. Minutes of the meeting of 7 September 2022\n\nNo comments were received. The minutes are adopted.\n"
    assert _doc(text, "University Council: minutes of the meeting of 5 October 2022", "2022-10-20") == [
        ("2022-10-05", "meeting", "Universiteitsraad", "adopt")
    ]


def test_a_formal_decisions_recital_of_a_councils_meeting_is_not_the_meeting_it_records(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Besluit van het College van Bestuur tot vaststelling van de Regeling Welzijnsfonds\n"
        "date: 2020-11-24\nlanguage: nl\ninstitution: Hogeschool Duinstad\n---\n\n"
        "# Besluit van het College van Bestuur van Hogeschool Duinstad\n\n"
        "Het College van Bestuur van Hogeschool Duinstad,\n\ngelet op artikel 12 van het Bestuursreglement;\n\n"
        "gezien de instemming van de Hogeschoolraad, verleend in zijn vergadering van 10 november 2020;\n\n"
        "besluit:\n\nvast te stellen de navolgende regeling.\n\n**Artikel 1**\nHet fonds verstrekt bijdragen.\n\n"
        "Aldus vastgesteld door het College van Bestuur van Hogeschool Duinstad op 24 november 2020.\n"
    )
    found = _file(tmp_path, "besluit.md", markdown)
    assert ("2020-11-24", "sentence", "College van Bestuur", "adopt") in found  # its closing line's day
    assert ("2020-11-10", "sentence", "Hogeschoolraad", "consent") in found
    assert not [row for row in found if row[:2] == ("2020-11-10", "meeting")]


def test_a_newsletters_first_item_reporting_a_meeting_is_not_the_meeting_the_document_records(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Staff Newsletter – June 2024\ndate: 2024-06-12\nlanguage: en\n"
        "institution: Hogeschool Duinstad\n---\n\n# Staff Newsletter – June 2024\n\n"
        "## Green light for a sports centre\n\nAt its meeting on 30 May the Supervisory Board approved the investment "
        "in the new sports centre.\n\n## Council votes against merger\n\nAt its meeting of 4 June the Participation "
        "Council voted against the Executive Board's proposal to merge two programmes.\n"
    )
    assert _file(tmp_path, "newsletter.md", markdown) == [
        ("2024-05-30", "sentence", "Raad van Toezicht", "approve"),
        ("2024-06-04", "sentence", "Medezeggenschapsraad", "consent"),  # its own meeting, not the first item's
    ]


def test_a_chronology_table_dates_each_row_and_its_present_tense_states_what_happened(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Jaarverslag Studentenraad 2022-2023\ndate: 2023-09-01\nlanguage: nl\n"
        "institution: Universiteit Duinstad\n---\n\n# Jaarverslag Studentenraad 2022-2023\n\n## Kroniek\n\n"
        "| Datum | Onderwerp | Wat er gebeurde |\n|---|---|---|\n"
        "| 11-10-2022 | Kaderbrief 2023 | De Studentenraad stemt in met de kaderbrief. |\n"
        "| 22-11-2022 | Instellingsplan | Uitgebreid advies uitgebracht. |\n"
        "| 16-05-2023 | Herkansingen | Na overleg met de Studentenraad besluit het College van Bestuur de "
        "herkansingsweek te behouden. |\n"
        "| 20-06-2023 | Surveillance | College van Bestuur en Studentenraad maken afspraken over de inzet van "
        "studentassistenten. |\n"
    )
    assert _file(tmp_path, "jaarverslag.md", markdown) == [
        ("2022-10-11", "meeting", "Studentenraad", "consent"),
        ("2023-05-16", "meeting", "College van Bestuur", "decide"),  # the subject after the verb, not who it consulted
        ("2023-06-20", "meeting", "College van Bestuur", "agree"),  # "maken afspraken" in a chronology
    ]


def test_a_news_items_lead_dated_to_its_day_dates_the_same_meeting_in_a_later_chunk() -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "n.md", "title": "Council consents to spending plan", "date": "2023-06-22",
            "institution": "Universiteit Duinstad"}  # fmt: skip
    first = (
        "The University Council gave its consent earlier this week.\n\nAt its meeting on Tuesday 20 June, the "
        "University Council consented to the spending plan for 2024."
    )
    second = "At the same meeting, the council also consented to the new allocation model."
    found = document_decisions([("c1", first, meta), ("c2", second, meta)])
    assert [(r.date, r.body, r.act) for r in found if "allocation" in r.sentence] == [
        ("2023-06-20", "Universiteitsraad", "consent")  # the lead's day, not the month "earlier this week" gives
    ]
    assert [d[2] for d in find_dates("The board decided earlier this week.", "2023-03-09")] == ["2023-03"]


def test_a_timelines_year_lines_date_the_entries_under_them_in_the_present_tense(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: 'Teaching fund: a timeline'\ndate: 2024-11-04\nlanguage: en\n"
        "institution: Duinstad University\n---\n\n# Teaching fund: a timeline\n\nThis page traces the fund.\n\n"
        "**March 2018**\nThe University Council and the Executive Board reach agreement on the spending plan.\n\n"
        "**2019**\nIn its review of the plan, the NVAO reaches a positive judgement.\n\n"
        "**Spring 2021**\nThe Executive Board decides to double the annual budget of the fund.\n\n"
        "**2025 and beyond**\nAn evaluation is planned.\n"
    )
    assert _file(tmp_path, "timeline.md", markdown) == [
        ("2018-03", "meeting", "Universiteitsraad", "agree"),
        ("2019", "meeting", "NVAO", "assess_positively"),
        ("2021", "meeting", "College van Bestuur", "decide"),
    ]


def test_a_boards_letter_says_we_for_the_board_and_an_overview_of_what_was_decided_decides_nothing() -> None:
    text = (
        "This letter covers our meeting of 27 June 2024.\n\n"
        "We have decided to postpone the external evaluation of the governance model to 2025.\n\n"
        "Every Friday the office publishes a short overview of what the Board decided and discussed.\n"
    )
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "l.md", "title": "Letter from the Supervisory Board to the University Council",
            "date": "2024-07-05", "institution": "Duinstad University"}  # fmt: skip
    found = document_decisions([("c1", text, meta)])
    assert [(r.body, r.act, r.sentence[:15]) for r in found] == [("Raad van Toezicht", "decide", "We have decided")]


def test_a_party_that_did_not_sign_made_no_agreement_and_a_board_that_turns_a_request_down_rejects_it() -> None:
    sentence = "Ook de bond was bij de gesprekken betrokken, maar heeft het akkoord niet ondertekend."
    assert extract_sentence(sentence, "2022-06-09", None, "Gemeenteraad") == []  # no agreement, negated or not
    minutes = (
        "## 1. Exemption hiring freeze\n\nThe faculty asked for an exemption. Decision: the Board turns the request "
        "down.\n"
    )
    assert _doc(minutes, "Executive Board decision list, meeting of 10 January 2023", "2023-01-12") == [
        ("2023-01-10", "meeting", "College van Bestuur", "reject")
    ]


def test_an_annual_reports_month_headings_date_what_they_hold_and_its_own_adoption_is_no_meetings_lead(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Annual Report 2023 of the Student Council\ndate: 2024-03-01\nlanguage: en\n"
        "institution: Kesteren University\n---\n\n# Annual Report 2023 – Student Council\n\n"
        "The Student Council adopted this report on 20 February 2024.\n\n"
        "## February\n\nAfter two sessions the Student Council consented to the revised housing allowance.\n\n"
        "## October\n\nThe Student Council approved the new rules on exam resits. It also approved the procedure "
        "for electing the chair.\n"
    )
    found = _file(tmp_path, "report.md", markdown)
    assert ("2023-02", "meeting", "Student Council", "consent") in found  # "## February": of the year it covers
    assert found.count(("2023-10", "meeting", "Student Council", "consent")) == 2  # "It also approved …": that body
    assert not any(date == "2024-02-20" and basis == "meeting" for date, basis, _, _ in found)


def test_a_page_of_questions_and_answers_has_no_lead_whose_meeting_dates_its_other_decisions() -> None:
    text = (
        "**Who can apply?**\nEvery student who sits on the board of a sports club can apply for the grant.\n\n"
        "**Who set the amount?**\nThe Executive Board decided in March 2024 to raise the grant to 900 euros.\n\n"
        "**Can I apply twice?**\nNo. The Executive Board rejected a proposal to allow a second application.\n"
    )
    found = _doc(text, "FAQ: board grants for sports clubs", "2024-09-01", "Kesteren University")
    assert found == [
        ("2024-03", "sentence", "College van Bestuur", "decide"),
        (None, "document", "College van Bestuur", "reject"),  # no news lead: placed by its document
    ]


def test_a_decision_lists_declined_request_two_infinitives_a_positive_vote_and_an_established_line(
    tmp_path: Path,
) -> None:
    text = (
        "---\ntitle: Executive Board decision list, March 2025\ndate: 2025-04-01\nlanguage: en\n"
        "institution: Kesteren University\n---\n\n# Executive Board decisions, March 2025\n\n"
        "This list sums up the decisions the Executive Board took in March.\n\n"
        "## Meeting of 3 March 2025\n\n"
        "- The Board declined the request of the Faculty of Law for an extra lecture hall.\n"
        "- The Board decided not to extend the lease of the east wing and to sell the building.\n\n"
        "## Meeting of 24 March 2025\n\n"
        "- Following the positive vote of the University Council on 18 March 2025, the Board established the revised "
        "Code of Conduct for Online Teaching.\n"
        "- Established: the investment plan 2026 for the science labs.\n"
    )
    got = [(r.date, r.body, r.act, r.negated, r.subject) for r in _records(tmp_path, "list.md", text)]
    assert ("2025-03-03", "College van Bestuur", "reject", False,
            "the request of the Faculty of Law for an extra lecture hall") in got  # fmt: skip
    assert [s for d, _, a, _, s in got if a == "decide"] == [
        "not to extend the lease of the east wing", "sell the building"
    ]  # fmt: skip
    assert ("2025-03-18", "Universiteitsraad", "consent") in [(d, b, a) for d, b, a, _, _ in got]
    assert ("2025-03-24", "College van Bestuur", "adopt") in [(d, b, a) for d, b, a, _, _ in got]
    assert ("2025-03-24", "College van Bestuur", "adopt", False,
            "the investment plan 2026 for the science labs") in got  # fmt: skip


def test_a_timelines_entry_gives_its_year_to_a_day_its_month_a_month_later_and_its_date_past_a_lead_in_line(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Het Huisvestingsplan in de tijd\ndate: 2024-06-01\nlanguage: nl\n"
        "institution: Universiteit van Brakel\n---\n\n# Het Huisvestingsplan in de tijd\n\n"
        "Op deze pagina zetten we de belangrijkste stappen van het plan op een rij.\n\n"
        "**Mei 2017**\nDe Universiteitsraad stemt in met het Huisvestingsplan. Een maand later volgt de goedkeuring "
        "door de Raad van Toezicht.\n\n"
        "**Maart 2022**\nHet herziene plan is definitief na instemming van de Universiteitsraad op 8 maart en "
        "goedkeuring door de Raad van Toezicht.\n\n"
        "**Februari 2024**\nBijstelling van het plan: het college kiest er alsnog voor de sporthal te renoveren.\n"
    )
    found = _file(tmp_path, "tijdlijn.md", markdown)
    assert ("2017-06", "meeting", "Raad van Toezicht", "approve") in found  # "een maand later"
    assert ("2022-03-08", "sentence", "Universiteitsraad", "consent") in found  # the entry's year, not 2024
    assert ("2022-03", "meeting", "Raad van Toezicht", "approve") in found  # "… en goedkeuring door"
    assert ("2024-02", "meeting", "College van Bestuur", "decide") in found  # past "Bijstelling van het plan:"


def test_a_decision_lists_table_cell_label_and_minutes_adopted_verb_first_count_and_what_was_decided_does_not(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Besluitenlijst vergadering College van Bestuur 7 mei 2024\ndate: 2024-05-10\nlanguage: nl\n"
        "institution: Universiteit van Brakel\n---\n\n# Besluitenlijst vergadering College van Bestuur d.d. 7 mei "
        "2024\n\n| Nr. | Onderwerp | Besluit |\n|---|---|---|\n"
        "| 1 | Reiskostenregeling | Vastgesteld: de Reiskostenregeling 2025. De regeling gaat op 1 januari in. |\n"
        "| 2 | Jaarplan | Het college bespreekt het concept. |\n\n"
        "Met die aanvulling is het verslag van 23 april vastgesteld.\n\n"
        "**Actie:** de secretaris laat de decanen weten wat het college heeft besloten.\n"
    )
    got = [(r.date, r.body, r.act, r.subject) for r in _records(tmp_path, "lijst.md", markdown)]
    assert ("2024-05-07", "College van Bestuur", "adopt", "de Reiskostenregeling 2025") in got
    assert [a for _, _, a, _ in got].count("adopt") == 2  # the table's cell and the minutes adopted
    assert all(a != "decide" for _, _, a, _ in got)  # "wat het college heeft besloten" is no decision


def test_a_plans_history_dates_its_years_sections_their_present_tense_and_idioms(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Het Onderwijsplan door de jaren heen\ndate: 2024\nlanguage: nl\n"
        "institution: Universiteit van Brakel\n---\n\n# Het Onderwijsplan door de jaren heen\n\n"
        "Deze pagina volgt het plan van het eerste concept tot de huidige versie.\n\n"
        "## 2017 – Het eerste plan\n\nNa instemming van de universiteitsraad in mei stelt het college van bestuur het "
        "plan in oktober vast.\n\n"
        "## 2020 – Een pauze\n\nOmdat een nieuw traject in dat jaar niet haalbaar is, kiest het college ervoor het "
        "plan een jaar te verlengen.\n\n"
        "## 2022 – Het nieuwe plan\n\nDe raad van toezicht hecht op 2 maart 2022 zijn goedkeuring aan het nieuwe plan. "
        "Goedkeuring door de raad van toezicht volgt op 9 juni.\n"
    )
    found = _file(tmp_path, "geschiedenis.md", markdown)
    assert ("2017-10", "sentence", "College van Bestuur", "adopt") in found  # "## 2017 – …" over "in oktober"
    assert ("2020", "meeting", "College van Bestuur", "decide") in found  # not negated by "niet haalbaar"
    assert ("2022-03-02", "sentence", "Raad van Toezicht", "approve") in found  # "hecht … zijn goedkeuring aan"
    assert ("2022-06-09", "sentence", "Raad van Toezicht", "approve") in found  # "Goedkeuring door …" opening it


def test_a_decision_lists_table_of_outcomes_gives_the_lists_body_its_own_decisions(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Decision list Faculty Board of Humanities, spring 2024\ndate: 2024-05-01\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Decision list – Faculty Board of Humanities\n\n"
        "This list gives the outcomes of the board's meetings in the spring.\n\n"
        "| Meeting | Item | Outcome |\n|---|---|---|\n"
        "| 9 Jan 2024 | Tutor model | The new tutor model was adopted; it replaces the model of 2018. |\n"
        "| 23 Jan 2024 | Minor Digital Heritage | Approved, provided that the Faculty Council gives its consent. |\n"
        "| 6 Feb 2024 | Extra funds for the language lab | Request rejected. |\n"
        "| 6 Feb 2024 | Lab safety | Discussed. |\n"
    )
    found = _file(tmp_path, "list.md", markdown)
    board = "Faculty Board of Humanities"
    assert sorted(set(found)) == [
        ("2024-01-09", "meeting", board, "adopt"),
        ("2024-01-23", "meeting", board, "approve"),  # the council's consent is its condition, not given
        ("2024-02-06", "meeting", board, "reject"),
    ]


def test_a_newsletters_sections_keep_their_own_days_and_a_tally_in_favour_is_consent(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Nieuwsbrief medezeggenschap, juni 2024\ndate: 2024-06-28\nlanguage: nl\n"
        "institution: Hogeschool Brakel\n---\n\n# Nieuwsbrief medezeggenschap – juni 2024\n\n"
        "## Uit de MR-vergadering van 4 juni\n\nDe medezeggenschapsraad heeft zijn instemming verleend aan de "
        "Regeling afstuderen 2024.\n\n"
        "## Deelraad Zorg, 12 juni\n\nNa een korte discussie ging de deelraad akkoord met de begroting 2025 van het "
        "cluster Zorg.\n\n"
        "## Het college in het kort\n\nOp 19 juni heeft het college van bestuur besloten het studiefonds te verhogen. "
        "Het college heeft verder ingestemd met het verlengen van de pilot; de pilot liep eigenlijk af in maart.\n"
    )
    found = _file(tmp_path, "nieuwsbrief.md", markdown)
    assert ("2024-06-12", "meeting", "Deelraad", "consent") in found  # "## Deelraad Zorg, 12 juni"
    assert ("2024-06-19", "sentence", "College van Bestuur", "decide") in found  # its own day, after the meeting
    assert not any(date == "2024-03" for date, _, _, _ in found)  # "…; de pilot liep af in maart": another clause
    text = "Last Thursday the University Council voted 14 to 5 in favour of lowering the norm to 40 credits."
    assert [(r["body"], r["act"]) for r in extract_sentence(text, "2024-02-14")] == [("Universiteitsraad", "consent")]


def test_a_decision_lists_table_under_a_meeting_heading_and_accounts_established(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Executive Board decision list, spring 2024\ndate: 2024-04-02\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Executive Board decision list, spring 2024\n\n"
        "This page sums up what the Executive Board decided in its meetings this spring.\n\n"
        "## Meeting of 20 February 2024\n\n| Subject | Outcome |\n|---|---|\n"
        "| Contract with the cleaning firm | Rejected; a new tender will follow |\n"
        "| Dean of the School of Law | Dr A. Veen appointed as of 1 May |\n\n"
        "## Meeting of 19 March 2024\n\n- **Annual accounts 2023.** The Executive Board has now formally established "
        "the accounts.\n- **Budget.** The Supervisory Board has not yet approved the budget for 2025.\n"
    )
    found = _file(tmp_path, "list.md", markdown)
    assert sorted(set(found)) == [
        ("2024-02-20", "meeting", "College van Bestuur", "reject"),  # a row without its date, under its meeting
        ("2024-03-19", "meeting", "College van Bestuur", "adopt"),  # "established the accounts"
    ]  # not the appointment, nor what the Supervisory Board has not yet approved


def test_a_meetings_report_places_what_was_done_in_the_meantime_under_its_document(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Nieuwsbrief dienstraad, zomer 2024\ndate: 2024-07-01\nlanguage: nl\n"
        "institution: Universiteit van Brakel\n---\n\n# Nieuwsbrief dienstraad – zomer 2024\n\n"
        "## Uit de vergadering van 11 april\n\nNa een lange bespreking ging de dienstraad akkoord met het nieuwe "
        "rooster voor de balies.\n\n"
        "## Uit de vergadering van 20 juni\n\nHet jaarplan 2024 is inmiddels goedgekeurd door het college van "
        "bestuur.\n"
    )
    found = _file(tmp_path, "nieuwsbrief.md", markdown)
    assert ("2024-04-11", "meeting", "Dienstraad", "consent") in found
    assert (None, "document", "College van Bestuur", "approve") in found  # "inmiddels": not at either meeting
    minutes = "## 3. Tenure track\n\nThe Faculty Board rejects the request because the funds have already been spent.\n"
    assert _doc(minutes, "Faculty Board decision list, meeting of 7 March 2024", "2024-03-10") == [
        ("2024-03-07", "meeting", "Faculty Board", "reject")  # "already" gives the reason's time, not the decision's
    ]


def test_a_title_names_a_council_by_two_words_before_its_kind() -> None:
    text = "## December\n\nThe council voted the proposal down by seven votes to five.\n"
    found = _doc(text, "University Student Council — Annual Report 2022", "2023-02-01", "Brakel University")
    assert [(body, act) for _, _, body, act in found] == [("University Student Council", "consent")]


def test_an_annual_report_known_by_its_type_reads_its_months_in_its_year_and_has_no_lead(tmp_path: Path) -> None:
    markdown = (
        '---\ntitle: "Staff Council: Annual Report 2022"\ndate: 2023-05-20\ndoc_type: annual_report\nlanguage: en\n'
        "institution: Brakel University\n---\n\n# Annual Report 2022\n\n## Staff Council, Brakel University\n\n"
        "## Foreword\n\n*Adopted by the Staff Council at its meeting of 14 February 2023.*\n\nA busy year for all of "
        "us: the council met ten times and held two open sessions for staff.\n\n"
        "## Work\n\nIn February the Staff Council consented to the new rules on working from home. The council voted "
        "the proposal down by eight votes to three.\n"
    )
    found = _file(tmp_path, "review.md", markdown)
    assert ("2022-02", "sentence", "Staff Council", "consent") in found  # February of the year it covers
    assert not any(date == "2023-02-14" and basis == "meeting" for date, basis, _, _ in found)  # its adoption: no lead


def test_a_decision_lists_bullets_led_by_their_titles_give_the_lists_body_its_decisions(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Executive Board decision list, autumn 2023\ndate: 2023-12-15\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Executive Board decision list, autumn 2023\n\n"
        "This page sums up what the Executive Board settled in its meetings this autumn.\n\n"
        "## Meeting of 3 October 2023\n\n"
        "- **Framework letter 2024.** Adopted, and sent to the University Council for advice.\n"
        "- **Lecture recordings.** Decision to extend the pilot by one academic year.\n"
        "- **MA Nordic Studies.** The faculty asked to close the programme; the request was not approved.\n\n"
        "## Meeting of 7 November 2023\n\n"
        "- **Budget 2024.** Adopted: the budget 2024, following the consent of the University Council to its main "
        "points on 26 October 2023.\n"
    )
    got = [(r.date, r.body, r.act, r.negated) for r in _records(tmp_path, "list.md", markdown)]
    assert ("2023-10-03", "College van Bestuur", "adopt", False) in got  # not the council it was sent to
    assert ("2023-10-03", "College van Bestuur", "decide", False) in got  # "Decision to extend …"
    assert ("2023-10-03", "College van Bestuur", "approve", True) in got  # "the request was not approved"
    assert ("2023-10-26", "Universiteitsraad", "consent", False) in got  # dated by its own sentence, kept
    assert ("2023-11-07", "College van Bestuur", "adopt", False) in got


def test_a_conditions_body_did_not_take_the_decision_it_is_attached_to(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Besluitenlijst College van Bestuur, najaar 2022\ndate: 2023-01-10\nlanguage: nl\n"
        "institution: Hogeschool Brakel\n---\n\n# Besluitenlijst College van Bestuur\n\n"
        "## Vergadering 18 oktober 2022\n\n"
        "- Goedgekeurd: aanschaf van nieuwe meubels voor de leeszaal, onder voorbehoud van instemming door de "
        "deelraad met het nieuwe rooster.\n"
    )
    assert _file(tmp_path, "lijst.md", markdown) == [("2022-10-18", "meeting", "College van Bestuur", "approve")]


def test_a_newsletters_paragraph_led_by_its_meetings_body_and_day_is_dated_by_that_day(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Staff news, May 2024\ndate: 2024-05-21\ndoc_type: news\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Staff news\n\n## From the meeting rooms\n\n"
        "**Faculty Council, 16 April.** A relief for everyone who plans courses: the council consented to the new "
        "workload model. The vote was 9 to 2.\n\n"
        "**Faculty Council, 14 May.** The plan to merge two bachelor's programmes was voted down.\n"
    )
    found = _file(tmp_path, "news.md", markdown)
    assert ("2024-04-16", "meeting", "Faculteitsraad", "consent") in found
    assert not any(date is None for date, *_ in found)


def test_a_letters_title_names_its_writer_before_its_addressee_without_van(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Brief College van Bestuur aan de Universiteitsraad over het campusplan\ndate: 2024-04-08\n"
        "doc_type: letter\nlanguage: nl\ninstitution: Universiteit van Brakel\n---\n\nGeachte leden van de raad,\n\n"
        "Met deze brief leggen wij vast wat wij in de vergadering hebben toegezegd.\n\n"
        "**1. Fietsenstalling**\nWij hebben u toegezegd dat de oude fietsenstalling open blijft totdat de nieuwe "
        "stalling in gebruik is genomen.\n\n"
        "**2. Vaststelling**\nWij hebben het campusplan op 2 april 2024 vastgesteld.\n\n"
        "**3. Koetshuis**\nWij hebben besloten van de verkoop van het koetshuis af te zien: het gebouw komt weer in "
        "gebruik.\n"
    )
    found = _file(tmp_path, "brief.md", markdown)
    assert ("2024-04-02", "sentence", "College van Bestuur", "adopt") in found  # "wij": the writer its title names
    # two commitments of one letter that share one word ("gebruik") are two decisions; "wat wij … hebben
    # toegezegd" only names them
    assert [r for r in found if r[3] == "decide"] == [(None, "document", "College van Bestuur", "decide")] * 2


def test_last_spring_is_a_season_and_starting_in_a_month_is_when_what_was_decided_begins() -> None:
    assert _dated_acts("Last spring the Executive Board adopted the housing plan.", "2023-11-17") == [
        ("2023", "College van Bestuur", "adopt")
    ]
    sentence = "In March the University Council consented to longer opening hours, starting in January."
    assert _dated_acts(sentence, "2023-11-17") == [("2023-03", "Universiteitsraad", "consent")]
    assert _dated_acts("The Supervisory Board rubber-stamped the plan on 4 June 2023.", "2023-11-17") == [
        ("2023-06-04", "Raad van Toezicht", "approve")
    ]


def test_a_formal_decisions_one_operative_line_is_its_decision_at_the_meeting_its_closing_line_names(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Beleidsregel terrassen Brakel 2024\ndate: 2024-02-20\ndoc_type: policy\nlanguage: nl\n"
        "institution: gemeente Brakel\n---\n\n# Besluit van het college van burgemeester en wethouders van Brakel\n\n"
        "Het college van burgemeester en wethouders van de gemeente Brakel;\n\n"
        "gelet op artikel 4:81 van de Algemene wet bestuursrecht;\n\nbesluit:\n\n"
        "vast te stellen de volgende beleidsregel.\n\n**Artikel 1**\nTerrassen sluiten om 23.00 uur.\n\n"
        "Aldus besloten in de openbare collegevergadering van 13 februari 2024.\n"
    )
    found = _file(tmp_path, "regel.md", markdown)
    assert [(date, act) for date, _, body, act in found if act == "adopt"] == [("2024-02-13", "adopt")]


def test_signatures_put_under_a_pact_and_an_undertaking_given_are_decisions() -> None:
    sentence = "On 2 June 2023 Brakel University and the Province of Oostmark put their signatures under the Dune Pact."
    assert [act for _, _, act in _dated_acts(sentence, "2023-06-02")] == ["agree"]
    sentence = "On 6 June 2023 the Executive Board gave the council a formal undertaking to evaluate the policy."
    assert _dated_acts(sentence, "2023-06-10") == [("2023-06-06", "College van Bestuur", "decide")]


def test_a_councils_table_of_outcomes_gives_its_consents_each_dated_by_its_own_row(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Faculty Council of Arts – overview of meeting outcomes 2023-2024\ndate: 2024-07-10\n"
        "language: en\ninstitution: Brakel University\n---\n\n# Faculty Council of Arts – meeting outcomes\n\n"
        "| Meeting | Agenda item | Right | Outcome |\n|---|---|---|---|\n"
        "| 12 September 2023 | Course catalogue 2024-2025 | consent | Consent given |\n"
        "| 10 October 2023 | Merger of the bachelor programmes Dutch and Frisian | consent | Consent withheld (5 in "
        "favour, 7 against) |\n"
        "| 9 April 2024 | Internship regulations | consent | Consent provisionally withheld pending a transition |\n"
        "| 14 May 2024 | Internship regulations (amended) | consent | Consent given |\n\n"
        "## Notes\n\nIn October the council voted against the first merger proposal of Dutch and Frisian.\n"
    )
    got = sorted((r.date, r.act, r.negated) for r in _records(tmp_path, "outcomes.md", markdown))
    assert got == [
        ("2023-09-12", "consent", False),
        ("2023-10-10", "consent", True),  # the note's "In October" is the same decision
        ("2024-04-09", "consent", True),
        ("2024-05-14", "consent", False),  # "Consent given" again: its own row's day
    ]


def test_a_decision_lines_amount_and_condition_do_not_end_or_negate_it(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Besluitenlijst College van Bestuur, vergadering 9 mei 2023\ndate: 2023-05-16\nlanguage: nl\n"
        "institution: Hogeschool Brakel\n---\n\n# Besluitenlijst College van Bestuur\n\n"
        "### 1. Middelen\n\n**Besluit:** het CvB besluit het niet bestede deel van 2022 (€ 610.000) toe te voegen aan "
        "het budget voor mentoraat.\n\n"
        "### 2. Regelingen\n\nVastgesteld: de stageregeling 2023-2024, onder voorbehoud van instemming van de "
        "deelraden. Mocht een deelraad niet instemmen, dan geldt de oude regeling.\n"
    )
    got = sorted((r.date, r.act, r.negated) for r in _records(tmp_path, "lijst.md", markdown))
    assert got == [("2023-05-09", "adopt", False), ("2023-05-09", "decide", False)]


def test_a_councils_newsletter_says_we_and_our_council_for_the_council(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Council Update – February 2024\ndate: 2024-02-20\ndoc_type: newsletter\nlanguage: en\n"
        "institution: Brakel University of Applied Sciences\n---\n\n# Council Update\n\n"
        "*The newsletter of the Participation Council of Brakel University of Applied Sciences*\n\n"
        "## What we decided\n\n**Dune location.** In our meeting of 23 January we voted 11 to 3 against the proposal "
        "to close the Dune location.\n\n## News from the Board\n\n**Evening timetables.** After our council refused "
        "its consent in September, the Board set up a working group.\n"
    )
    found = _file(tmp_path, "update.md", markdown)
    assert ("2024-01-23", "sentence", "Medezeggenschapsraad", "consent") in found
    assert ("2023-09", "sentence", "Medezeggenschapsraad", "consent") in found


def test_a_conditions_earlier_cohort_does_not_place_the_decision_outside_its_meeting(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Verslag van de vergadering van de Faculteitsraad Letteren d.d. 14 maart 2023\ndate: 2023-04-13\n"
        "doc_type: minutes\nlanguage: nl\ninstitution: Universiteit Brakel\n---\n\n# Faculteitsraad Letteren – "
        "verslag\n\n### 4. OER 2023-2024\n\n**Besluit:** de raad stemt in met de OER 2023-2024, op voorwaarde dat de "
        "overgangsregeling voor studenten van cohort 2021 en eerder als bijlage wordt toegevoegd.\n"
    )
    assert ("2023-03-14", "meeting", "Faculteitsraad", "consent") in _file(tmp_path, "verslag.md", markdown)


def test_a_body_in_a_clause_after_the_act_did_not_do_it_and_months_later_counts_on_from_the_last_date() -> None:
    sentence = "In October 2022 we consented to the policy, after the Executive Board had added an ombudsperson."
    assert _dated_acts(sentence, "2024-04-15") == []  # "we" is nobody the text names; not the Board
    named = "In October 2022 the University Council consented to the policy, after the Executive Board had added one."
    assert _dated_acts(named, "2024-04-15") == [("2022-10", "Universiteitsraad", "consent")]  # the council, named
    text = (
        "In September 2023 the University Council adopted a motion on waiting times. Two months later the Executive "
        "Board decided to double the budget for student psychologists."
    )
    found = _doc(text, "Looking back on two years", "2024-04-15", "Brakel University")
    assert ("2023-11", "sentence", "College van Bestuur", "decide") in found


def test_deciding_not_to_consent_is_consent_withheld() -> None:
    from planwijzer.ingest.decisions import extract_sentence

    sentence = "After a long debate, the University Council decided not to consent to the amended charter."
    assert [(d["act"], d["negated"]) for d in extract_sentence(sentence, "2024-02-08")] == [("consent", True)]


def test_this_spring_is_a_season_and_a_proposals_infinitive_is_no_intention() -> None:
    assert _dated_acts("This spring the Faculty Board approved the new course.", "2024-09-01") == [
        ("2024", "Faculty Board", "approve")
    ]
    sentence = "Met het voorstel om de taaltoets af te schaffen stemde de universiteitsraad op 18 juni niet in."
    assert _dated_acts(sentence, "2024-06-20") == [("2024-06-18", "Universiteitsraad", "consent")]


def test_each_letter_of_a_page_says_we_for_the_writer_its_header_names(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Advies over de kaderbrief en reactie van het College\ndate: 2024-07-05\nlanguage: nl\n"
        "institution: Universiteit Brakel\n---\n\n# Advies en reactie\n\n"
        "**Aan:** het College van Bestuur\n**Van:** de universiteitsraad\n**Datum:** 20 juni 2024\n\n"
        "Geacht College,\n\nIn onze vergadering van 18 juni 2024 hebben wij ingestemd met de kaderbrief.\n\n"
        + "Wij lichten dat graag toe in een gesprek met u over de bibliotheek en de collectie. " * 12
        + "\n\n---\n\n**Aan:** de universiteitsraad\n**Van:** het College van Bestuur\n**Datum:** 3 juli 2024\n\n"
        + "Geachte raad,\n\n"
        + "Dank voor uw brief en voor het constructieve gesprek over de bibliotheek en de collectie. " * 12
        + "\n\nIn onze vergadering van 2 juli hebben wij besloten de taaltoets te behouden.\n"
    )
    found = _file(tmp_path, "advies.md", markdown)
    assert ("2024-06-18", "sentence", "Universiteitsraad", "consent") in found
    assert ("2024-07-02", "sentence", "College van Bestuur", "decide") in found


def test_a_pronoun_after_a_time_is_the_body_the_sentence_before_named() -> None:
    text = "The Executive Board has been supportive throughout. In December it decided to cover the deficit."
    found = _doc(text, "From the Dean: a year of hard choices", "2025-01-10", "Brakel University")
    assert ("2024-12", "sentence", "College van Bestuur", "decide") in found


def test_a_proposal_that_did_not_get_the_councils_consent_is_consent_withheld() -> None:
    from planwijzer.ingest.decisions import extract_sentence

    sentence = "Het voorstel om de fietsvergoeding te laten vervallen kreeg de instemming van de dienstraad niet."
    found = [(d["body"], d["act"], d["negated"]) for d in extract_sentence(sentence, "2024-07-01")]
    assert found == [("Dienstraad", "consent", True)]


def test_this_afternoon_is_the_documents_day_and_a_season_before_its_year_dates_to_that_year() -> None:
    sentence = "Vanmiddag ondertekenden de gemeente Brakel en Hogeschool Brakel de samenwerkingsovereenkomst."
    assert {date for date, _, _ in _dated_acts(sentence, "2024-02-15")} == {"2024-02-15"}
    assert _dated_acts("In spring 2024 the Executive Board decided to extend the scheme.", "2024-09-01") == [
        ("2024", "College van Bestuur", "decide")
    ]


def test_a_version_tables_rows_are_dated_by_their_own_date_cells(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Policy on exam provisions\ndate: 2024-06-20\nlanguage: en\ninstitution: Brakel University\n---\n\n"
        "# Policy on exam provisions\n\nStudents with a disability can request extra time.\n\n## Version history\n\n"
        "| Version | Date | Change | Status |\n|---|---|---|---|\n"
        "| 1.0 | 1 September 2021 | First version | Adopted by the Executive Board |\n"
        "| 1.1 | 15 March 2022 | Clearer deadlines | Adopted by the Executive Board, after consent of the University "
        "Council on 8 March 2022 |\n"
        "| 2.0 | 28 November 2023 | Complete revision | Adopted by the Executive Board |\n"
    )
    found = _file(tmp_path, "policy.md", markdown)
    adopted = sorted(date for date, _, body, act in found if act == "adopt")
    assert adopted == ["2021-09-01", "2022-03-15", "2023-11-28"]  # the third row's own day, not the first row's


def test_your_board_in_a_letter_is_the_body_it_is_addressed_to(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Open letter on the study hall\ndate: 2024-11-18\nlanguage: en\ninstitution: Brakel University\n"
        "---\n\n# Open letter\n\n*To the Executive Board of Brakel University.*\n\nDear members of the board,\n\n"
        "On 22 October your board decided to close the study hall at 22:00.\n"
    )
    assert ("2024-10-22", "sentence", "College van Bestuur", "decide") in _file(tmp_path, "letter.md", markdown)


def test_a_report_that_opens_with_the_day_its_council_met_dates_its_items_to_that_day(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Kort verslag faculteitsraad Rechten – april 2024\ndate: 2024-04-19\nlanguage: nl\n"
        "institution: Universiteit Brakel\n---\n\n# Kort verslag faculteitsraad Rechten\n\n"
        "Op dinsdag 16 april vergaderde de faculteitsraad in de Aula van het Rechtsgebouw.\n\n## Onderwijsregeling\n\n"
        "De raad stemde in met de gewijzigde onderwijsregeling voor de master.\n"
    )
    assert ("2024-04-16", "meeting", "Faculteitsraad", "consent") in _file(tmp_path, "verslag.md", markdown)


def test_todays_meeting_in_a_live_report_is_the_documents_day_and_its_counted_votes_are_the_councils(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: 'LIVE: University Council meets on the budget'\ndate: 2024-06-12\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# LIVE: University Council, 12 June\n\n"
        "*Our reporters follow today's University Council meeting.*\n\n"
        "**14:05** – Item 4, the sports subsidy scheme. The proposal to consent to the scheme fails: 8 in favour, "
        "12 against.\n\n**14:40** – Item 5, the amended budget. A long debate.\n\n**15:02** – Consent given, 15 "
        "votes to 5.\n"
    )
    found = [(r.date, r.date_basis, r.body, r.act, r.negated) for r in _records(tmp_path, "live.md", markdown)]
    assert ("2024-06-12", "meeting", "Universiteitsraad", "consent", False) in found
    assert ("2024-06-12", "meeting", "Universiteitsraad", "consent", True) in found  # the scheme's consent voted down


def test_a_proposal_rejected_by_counted_votes_in_a_board_meetings_report_is_that_boards(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Report of the Supervisory Board meeting of 4 April 2024\ndate: 2024-04-10\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Report of the Supervisory Board meeting of 4 April 2024\n\n"
        "The remuneration committee proposed to raise the members' fees. The proposal was rejected by three votes "
        "to two.\n"
    )
    assert ("2024-04-04", "meeting", "Raad van Toezicht", "reject") in _file(tmp_path, "rvt.md", markdown)


def test_a_speaker_who_commits_to_the_council_and_a_board_that_tells_another_what_it_decided_are_the_actors() -> None:
    sentence = "Rector Jansma then formally commits to the council that the evaluation will be shared in June."
    assert [(d["body"], d["act"]) for d in extract_sentence(sentence, "2024-05-15")] == [
        ("College van Bestuur", "decide")
    ]
    sentence = "The Executive Board informed the Supervisory Board that in March it had decided to close the minor."
    assert _dated_acts(sentence, "2024-06-27") == [("2024-03", "College van Bestuur", "decide")]


def test_a_letter_signed_by_the_minister_says_ik_for_the_minister(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Brief aan de instellingsbesturen over deeltijdonderwijs\ndate: 2024-03-08\nlanguage: nl\n"
        "doc_type: ministerial_letter\ninstitution: Ministerie van OCW\n---\n\nGeachte bestuurders,\n\n"
        "Ik heb besloten de subsidieregeling deeltijd te verlengen tot en met 2026. Enkele instellingen vroegen om "
        "een uitzondering voor avondopleidingen. Dat verzoek wijs ik af.\n\nMet vriendelijke groet,\n\n"
        "de minister van Onderwijs, Cultuur en Wetenschap\n"
    )
    found = _file(tmp_path, "brief.md", markdown)
    assert (None, "document", "Ministerie van OCW", "decide") in found
    assert (None, "document", "Ministerie van OCW", "reject") in found


def test_a_report_signed_on_behalf_of_a_council_says_our_consent_for_that_council(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Annual report 2023\ndate: 2024-03-01\nlanguage: en\ninstitution: Brakel University\n---\n\n"
        "# Annual report 2023\n\nThe Board reworked the parking plan. The revised plan received our consent in "
        "October.\n\nOn behalf of the Works Council,\nAnna de Vries, chair\n"
    )
    assert ("2023-10", "sentence", "Ondernemingsraad", "consent") in _file(tmp_path, "report.md", markdown)


def test_a_council_that_agrees_with_a_plan_consents_to_it_and_had_given_its_consent_is_dated() -> None:
    found = _dated_acts("On 3 May the council agrees with the housing plan.", "2024-05-03")
    assert found == [("2024-05-03", "Council", "consent")]
    sentence = (
        "The Board adopted the code on 12 March 2024, after the University Council had given its consent on 4 March."
    )
    assert ("2024-03-04", "Universiteitsraad", "consent") in _dated_acts(sentence, "2024-04-01")


def test_the_same_meeting_is_the_meeting_of_the_body_that_acts(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Vragen over de nieuwe regels\ndate: 2024-12-01\nlanguage: nl\ninstitution: Universiteit Brakel\n"
        "---\n\n# Vragen\n\nHet College van Bestuur stelde de regels op 12 november 2024 vast. De Universiteitsraad "
        "stemde op 29 oktober in met de regels. In dezelfde vergadering besloot het College dat één commissie alle "
        "verzoeken beoordeelt.\n"
    )
    found = _file(tmp_path, "vragen.md", markdown)
    assert ("2024-11-12", "meeting", "College van Bestuur", "decide") in found  # the board's meeting, not the council's


def test_that_after_a_preposition_is_a_determiner_not_a_clause_so_the_date_after_it_dates_the_act() -> None:
    sentence = "The Faculty Council withheld its consent for that higher norm in September, so the old norm applies."
    assert _dated_acts(sentence, "2024-12-02") == [("2024-09", "Faculteitsraad", "consent")]


def test_what_was_discussed_and_decided_only_names_decisions_and_plural_committees_are_bodies() -> None:
    assert extract_sentence("Zo ziet iedereen snel wat er besproken en besloten is.", "2024-06-28") == []
    sentence = "Eerder dit jaar hebben de examencommissies besloten het aantal herkansingen te beperken."
    assert _dated_acts(sentence, "2024-09-10") == [("2024", "Examencommissies", "decide")]


def test_a_documents_closing_line_adopted_at_a_councils_meeting_is_its_adoption(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Positiepaper over roosters\ndate: 2024-09-10\nlanguage: nl\ninstitution: Hogeschool Brakel\n"
        "---\n\n# Positiepaper over roosters\n\nRoosters zijn vaak te laat bekend. Wij vragen het College om een "
        "reactie.\n\n*Vastgesteld in de plenaire vergadering van de Medezeggenschapsraad van 3 september 2024.*\n"
    )
    found = _file(tmp_path, "paper.md", markdown)
    assert [(date, body, act) for date, _, body, act in found] == [("2024-09-03", "Medezeggenschapsraad", "adopt")]


def test_a_bilingual_timelines_entry_said_in_both_languages_is_one_decision(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Timeline / Tijdlijn\ndate: 2025-02-03\nlanguage: en\ninstitution: Hogeschool Brakel\n---\n\n"
        "# Timeline\n\n**March 2023** – The Supervisory Board approves the extension of the plan.\n"
        "*De Raad van Toezicht keurt de verlenging van het plan goed.*\n\n"
        "**June 2020** – The Executive Board and the council jointly decide to bring the investment forward.\n"
        "*College van Bestuur en raad besluiten samen de investering naar voren te halen.*\n"
    )
    found = _file(tmp_path, "timeline.md", markdown)
    assert [(date, body, act) for date, _, body, act in found if body == "Raad van Toezicht"] == [
        ("2023-03", "Raad van Toezicht", "approve")
    ]
    assert [(date, act) for date, _, body, act in found if date == "2020-06"] == [("2020-06", "agree")]


def test_each_letter_of_a_thread_dates_its_decisions_by_the_meeting_its_writer_held(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Correspondence on the campus plan\ndate: 2024-11-29\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Correspondence\n\n**From:** Executive Board\n\n"
        "**Date:** 15 November 2024\n\nDear members of the University Council,\n\nThe Board discussed the Council's "
        "position in its meeting of 12 November. At that same meeting the Board chose to keep the study centre "
        "open.\n\n**From:** Secretary of the University Council\n\n**Date:** 29 November 2024\n\n"
        "Dear members of the Executive Board,\n\nThe University Council discussed your letter at its meeting "
        "yesterday. The Council agreed to the revised arrangement for the study centre.\n"
    )
    found = _file(tmp_path, "thread.md", markdown)
    assert ("2024-11-12", "meeting", "College van Bestuur", "decide") in found
    assert ("2024-11-28", "meeting", "Universiteitsraad", "consent") in found


def test_a_letter_of_a_thread_goes_on_in_the_next_chunk_with_its_own_day_and_meeting(tmp_path: Path) -> None:
    filler = (
        "The plan has been discussed for a long time, and many staff members have written to us about the rooms, "
        "the rosters and the travel times between the two sites. "
    ) * 6
    markdown = (
        "---\ntitle: Letters about the laboratory plan\ndate: 2025-03-20\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Letters about the laboratory plan\n\n"
        "**From:** Dean of Science\n**Date:** Tuesday 4 March 2025\n**Subject:** Outcome of yesterday's Faculty "
        "Board meeting\n\nDear members,\n\nI write about the Faculty Board meeting held yesterday. "
        f"{filler}\n\nThen, at the same meeting the Board adopted the new rules for the laboratory rosters.\n\n"
        "Kind regards,\nThe dean\n\n---\n\n**From:** Chair of the Faculty Council <chair@brakel.example>\n"
        "**Date:** Thursday 13 March 2025\n\nDear dean,\n\nThe council discussed your letter at its meeting "
        "yesterday evening. The council consented to the laboratory plan.\n"
    )
    found = _file(tmp_path, "letters.md", markdown)
    assert ("2025-03-03", "meeting", "Faculty Board", "adopt") in found  # the first letter's, in the next chunk
    assert ("2025-03-12", "meeting", "Faculteitsraad", "consent") in found  # the second letter's "yesterday", its
    # header a line of its own after "Kind regards,"


def test_a_letters_date_header_after_a_closing_that_ends_in_a_comma_is_read_as_its_own_line() -> None:
    text = (
        "The board will reply in April.\n\nRegards,\nMarit\n\n---\n\n**From:** Chair of the council\n"
        "**Date:** Fri, 7 Feb 2025 10:02\n\nDear all,\n\nThe council discussed the plan at its meeting yesterday. "
        "The council consented to the plan.\n"
    )
    found = extract_decisions(text, "doc", "chunk", None, "2025-02-20")
    assert [(r.date, r.body, r.act) for r in found] == [("2025-02-06", "Council", "consent")]


def test_a_timelines_entry_led_by_its_day_in_italics_and_a_dash_narrates_a_decision_taken(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Terugblik op het jaar 2022\ndate: 2023-01-10\nlanguage: nl\ninstitution: Universiteit Brakel\n"
        "---\n\n# Terugblik op het jaar 2022\n\n**Maart**\n\n*8 maart* — Het College van Bestuur besluit de "
        "zomerschool niet voort te zetten.\n\n*22 maart* — De studentenraad presenteert een manifest.\n"
    )
    assert ("2022-03-08", "sentence", "College van Bestuur", "decide") in _file(tmp_path, "terugblik.md", markdown)


def test_a_quoted_title_between_the_parts_of_a_separable_verb_and_a_lead_in_before_a_colon() -> None:
    assert _dated_acts('Op 3 juli 2021 keurde de raad het plan "Samen verder" goed.', "2021-12-31") == [
        ("2021-07-03", "Raad", "approve")
    ]
    sentence = "A short summary for those who could not attend: on 2 May the Council consented to the new rules."
    assert _dated_acts(sentence, "2024-05-10") == [("2024-05-02", "Council", "consent")]
    assert _dated_acts("Uitslag: de raad stemde op 2 mei in met de regels.", "2024-05-10") == []  # a label, no lead-in


def test_a_month_without_its_year_is_of_the_one_year_the_sentence_told_of_before_it() -> None:
    sentence = "Back in 2019 the Faculty Board decided to merge the departments, after the council consented in May."
    assert ("2019-05", "Council", "consent") in _dated_acts(sentence, "2023-11-02")


def test_that_night_and_in_that_year_take_the_time_the_sentence_before_told_of() -> None:
    text = (
        "The meeting I still think of was the one in March. That night the council consented to the new budget.\n\n"
        "Reorganisations are bound by an arrangement from 2019. In that year, the Executive Board and the council "
        "agreed that each reorganisation starts with a joint study.\n"
    )
    found = [(r.date, r.body, r.act) for r in extract_decisions(text, "doc", "chunk", None, "2021-06-30")]
    assert ("2021-03", "Council", "consent") in found
    assert ("2019", "College van Bestuur", "agree") in found


def test_the_board_in_the_decision_letter_of_a_board_that_publishes_it_is_that_board(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Decision on the programme in Maritime Law, Brakel University\ndate: 2024-05-21\nlanguage: en\n"
        "institution: Board for Legal Education Review\n---\n\n**Board for Legal Education Review**\n\n"
        "To the Executive Board of Brakel University\n\nOn 12 June 2022 the Board assessed the programme negatively. "
        "In the same decision the Board decided to grant a recovery period of two years.\n"
    )
    found = _file(tmp_path, "letter.md", markdown)
    assert ("2022-06-12", "sentence", "Board for Legal Education Review", "assess_negatively") in found
    assert ("2022-06-12", "sentence", "Board for Legal Education Review", "decide") in found


def test_the_day_or_week_before_or_after_a_day_the_sentence_names_later() -> None:
    def first(sentence: str, read_on: str) -> tuple:
        r = extract_decisions(sentence, "doc", "chunk", None, read_on)[0]
        return r.date, r.body, r.act

    sentence = "The council consented to the plan the week before the board approved it on 30 November 2020."
    assert first(sentence, "2021-05-20") == ("2020-11", "Council", "consent")
    sentence = "The Supervisory Board approved the budget the day after the board adopted it on 9 December 2022."
    assert first(sentence, "2023-03-01") == ("2022-12-10", "Raad van Toezicht", "approve")


def test_another_bodys_meeting_does_not_date_the_decisions_after_it(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Report of the Supervisory Board meeting of 27 June 2024\ndate: 2024-06-30\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Report of the Supervisory Board meeting of 27 June 2024\n\n"
        "The audit committee had prepared the discussion in its meeting of 13 June. The Supervisory Board approved "
        "the financial statements.\n"
    )
    assert ("2024-06-27", "meeting", "Raad van Toezicht", "approve") in _file(tmp_path, "rvt.md", markdown)


def test_a_decision_lists_bullets_that_are_a_consent_or_its_refusal_as_a_noun(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Besluitenlijst Hogeschoolraad 2024\ndate: 2024-12-18\nlanguage: nl\n"
        "institution: Hogeschool Brakel\n---\n\n# Besluitenlijst Hogeschoolraad 2024\n\n"
        "## Vergadering 20 maart 2024\n\n"
        "- Geen instemming met het voorstel voor een nieuw klachtenhoofdstuk.\n- Positief advies over het "
        "personeelsplan.\n\n## Vergadering 15 mei 2024\n\n- Instemming met het aangepaste klachtenhoofdstuk, onder "
        "voorwaarde dat de termijn zes weken blijft.\n- CvB en HR komen overeen dat een werkgroep alternatieven "
        "onderzoekt.\n"
    )
    found = [(r.date, r.body, r.act, r.negated) for r in _records(tmp_path, "besluiten.md", markdown)]
    assert ("2024-03-20", "Hogeschoolraad", "consent", True) in found
    assert ("2024-05-15", "Hogeschoolraad", "consent", False) in found
    assert any(date == "2024-05-15" and act == "agree" for date, _, act, _ in found)


def test_the_end_of_a_month_opening_a_clause_dates_it_but_a_deadline_after_the_verb_does_not() -> None:
    assert _dated_acts("Eind oktober besloot het faculteitsbestuur de regeling te verlengen.", "2023-12-31") == [
        ("2023-10", "Faculteitsbestuur", "decide")
    ]
    sentence = "De raad stemde in met de begroting en die gaat eind april naar de toezichthouder."
    assert _dated_acts(sentence, "2019-04-02") == [(None, "Raad", "consent")]


def test_months_later_count_on_from_the_month_the_sentence_before_told_of(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Jaarverslag 2023 Faculteitsraad\ndate: 2024-03-12\nlanguage: nl\ninstitution: Universiteit "
        "Brakel\ndoc_type: annual_report\n---\n\n# Jaarverslag 2023 Faculteitsraad\n\n## Eerste semester\n\n"
        "In maart legde het bestuur het voorstel aan de raad voor. Een maand later stemde de raad er niet mee in. Het "
        "bestuur kwam met een aangepast voorstel. Twee maanden later volgde alsnog instemming van de raad.\n"
    )
    found = [(r.date, r.act, r.negated) for r in _records(tmp_path, "jaarverslag.md", markdown)]
    assert ("2023-04", "consent", True) in found and ("2023-06", "consent", False) in found


def test_flemish_beslissen_a_parliament_and_a_decision_taken_a_month_after_the_clause_before(tmp_path: Path) -> None:
    sentence = "In februari besliste de Raad van Bestuur om het inschrijvingsgeld te verhogen."
    assert _dated_acts(sentence, "2024-06-01") == [("2024-02", "Raad van Bestuur", "decide")]
    assert _dated_acts("Het Vlaams Parlement keurde vorig jaar een decreet goed.", "2024-06-01") == [
        ("2023", "Vlaams Parlement", "approve")
    ]
    markdown = (
        "---\ntitle: Vragen over het studieadvies\ndate: 2023-09-01\nlanguage: nl\ninstitution: Hogeschool Brakel\n"
        "---\n\n# Vragen\n\nIn haar vergadering van 16 mei 2023 stemde de Medezeggenschapsraad in met het voorstel; "
        "het College van Bestuur nam het besluit een maand later.\n"
    )
    assert ("2023-06", "sentence", "College van Bestuur", "decide") in _file(tmp_path, "vragen.md", markdown)


def test_a_table_with_an_outcome_column_gives_the_councils_consents_each_dated_by_its_row(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: 'University Council: consent requests at a glance'\ndate: 2024-01-31\nlanguage: en\n"
        "institution: Brakel University\n---\n\n# Consent requests at a glance\n\nThe University Council keeps a "
        "record of its consent requests.\n\n| Year | Meeting | Subject | Outcome |\n|---|---|---|---|\n"
        "| 2022 | 24 March 2022 | Camera policy | Consent refused (7 in favour, 12 against) |\n"
        "| 2023 | 9 February 2023 | Study advice rules | Provisionally no consent |\n"
        "| 2023 | 4 May 2023 | Study advice rules (second version) | Consent |\n"
    )
    found = [(r.date, r.body, r.act, r.negated, r.subject) for r in _records(tmp_path, "overview.md", markdown)]
    assert ("2022-03-24", "Universiteitsraad", "consent", True, "Camera policy") in found
    assert ("2023-02-09", "Universiteitsraad", "consent", True, "Study advice rules") in found
    assert ("2023-05-04", "Universiteitsraad", "consent", False, "Study advice rules (second version)") in found


def test_the_sentence_after_an_agreement_that_tells_the_day_it_was_signed_dates_it(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Kort nieuws\ndate: 2024-02-20\nlanguage: nl\ninstitution: Universiteit Brakel\n---\n\n"
        "# Kort nieuws\n\n## Samenwerking\n\nUniversiteit Brakel en Hogeschool Waalkant hebben een "
        "samenwerkingsakkoord ondertekend voor een gezamenlijke master. De rector en de directeur zetten hun "
        "handtekening op 8 februari.\n"
    )
    found = _file(tmp_path, "nieuws.md", markdown)
    assert [(date, act) for date, _, _, act in found] == [("2024-02-08", "agree")]


def test_a_boards_line_in_session_opens_the_numbered_items_it_decides(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Besluitnota academische kalender\ndate: 2023-06-28\nlanguage: nl\ninstitution: Hogeschool "
        "Brakel\n---\n\n# Besluitnota\n\n**Vergadering:** 27 juni 2023\n\n## Besluit\n\nDe raad van bestuur, in "
        "vergadering bijeen op 27 juni 2023:\n\n1. stelt de academische kalender 2024-2025 vast;\n2. keurt het "
        "gewijzigde examenreglement goed;\n3. beslist de kerstvakantie te verlengen tot drie weken;\n4. verdaagt de "
        "bespreking van de inschrijvingsgelden naar oktober.\n"
    )
    found = sorted((date, act) for date, _, _, act in _file(tmp_path, "nota.md", markdown))
    assert found == [("2023-06-27", "adopt"), ("2023-06-27", "approve"), ("2023-06-27", "decide")]


def test_a_paragraph_wrapped_at_a_fixed_width_is_read_as_sentences_not_lines(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Annual report 2023-2024\ndate: 2024-10-15\nlanguage: en\ninstitution: Brakel University\n"
        "doc_type: annual_report\n---\n\n# Annual report 2023-2024\n\n## March 2024\n\nThe revised policy was "
        "presented early in the month. At its meeting of 28 March, the\ncouncil consented to the revised version.\n"
    )
    assert ("2024-03-28", "sentence", "Council", "consent") in _file(tmp_path, "report.md", markdown)
    wrapped = "De NVAO toetst de plannen en de\nrealisatie ervan, op basis van een vooraf vastgesteld toetsprotocol."
    front = "---\ntitle: Toetsing\ndate: 2019-01-16\nlanguage: nl\n---\n\n"
    (tmp_path / "other").mkdir()
    assert _file(tmp_path / "other", "toets.md", f"{front}{wrapped}\n") == []  # and no adoption read into it


def test_a_letters_dateline_does_not_date_what_it_tells_and_a_counted_consent_in_brackets_counts(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: Brief van de universiteitsraad aan het college van bestuur\ndate: 2025-06-18\nlanguage: nl\n"
        "doc_type: letter\ninstitution: Universiteit Brakel\n---\n\nOosterduin, 18 juni 2025\n\nGeacht college,\n\n"
        "In haar vergadering van 16 juni 2025 heeft de universiteitsraad gesproken over uw voorstel.\n\n"
        "**Studieadvies**\n\nMet het verlagen van de norm stemt de raad in (14 stemmen voor, 2 tegen).\n"
    )
    assert ("2025-06-16", "meeting", "Universiteitsraad", "consent") in _file(tmp_path, "brief.md", markdown)


def test_a_meeting_heading_dates_the_decisions_under_its_sub_headings(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Besluitenlijst College van Bestuur Hogeschool Velsmeer, maart 2025\ndate: 2025-03-28\n"
        "language: nl\n"
        "doc_type: decision_list\ninstitution: Hogeschool Velsmeer\n---\n\n# Besluitenlijst College van Bestuur\n\n"
        "## Collegevergadering 4 maart 2025\n\n### Besluiten\n\n**1.1 Jaarplan ICT 2025**\n"
        "Vastgesteld: het Jaarplan ICT 2025 met de bijlage over de vervanging van laptops.\n\n"
        "## Collegevergadering 18 maart 2025\n\n### Besluiten\n\n**2.1 Studiereisbeleid**\n"
        "Afgewezen: het voorstel om studiereizen buiten Europa volledig te vergoeden.\n"
    )
    found = _file(tmp_path, "besluiten.md", markdown)
    assert ("2025-03-04", "meeting", "College van Bestuur", "adopt") in found
    assert ("2025-03-18", "meeting", "College van Bestuur", "reject") in found


def test_a_label_that_names_the_act_is_not_undone_by_a_condition_after_its_object(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Besluitenlijst College van Bestuur Hogeschool Velsmeer\ndate: 2025-03-28\nlanguage: nl\n"
        "doc_type: decision_list\ninstitution: Hogeschool Velsmeer\n---\n\n# Besluitenlijst College van Bestuur\n\n"
        "## Collegevergadering 4 maart 2025\n\n**1.3 Afbouw deeltijd Bouwkunde**\n"
        "Goedgekeurd: het voorstel van de Academie Bouw om de deeltijdopleiding af te bouwen, onder de voorwaarde "
        "dat zittende studenten hun opleiding kunnen afmaken.\n"
    )
    assert ("2025-03-04", "meeting", "College van Bestuur", "approve") in _file(tmp_path, "besluiten.md", markdown)


def test_the_same_meeting_in_a_later_section_takes_the_day_told_before(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Blog van een raadslid\ndate: 2025-03-14\nlanguage: nl\ndoc_type: blog\n"
        "institution: Universiteit Velsmeer\n---\n\n# Mijn maand in de raad\n\n"
        + "Elke maand schrijf ik hier in gewone taal op wat er in de raad gebeurt, voor wie de stukken niet leest. "
        * 8
        + "\n\n## Ja tegen de nieuwe regeling\n\n"
        "Op 10 maart 2025 heeft de universiteitsraad ingestemd met de nieuwe Regeling Studiebegeleiding. Daar "
        "hebben we lang voor gestreden, en het resultaat mag er zijn voor iedere eerstejaars student.\n\n"
        + "Wat er verder in staat, lees je hieronder in het kort, punt voor punt en zonder vakjargon. "
        * 12
        + "\n\n## Nee tegen de duurdere sportkaart\n\n"
        "In diezelfde vergadering gaf de raad geen instemming aan de prijsverhoging van de sportkaart.\n"
    )
    assert ("2025-03-10", "meeting", "Universiteitsraad", "consent") in _file(tmp_path, "blog.md", markdown)


def test_the_board_at_the_same_meeting_is_the_board_whose_decision_there_was_told(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Letter to the Faculty Council\ndate: 2025-06-10\nlanguage: en\ndoc_type: letter\n"
        "institution: Velsmeer University\n---\n\nDear council members,\n\n"
        "In its meeting of 5 June, the Faculty Board decided to withdraw the proposal for a merged programme.\n\n"
        "In the same meeting, the board decided to fund a second study adviser for the programme.\n"
    )
    found = _file(tmp_path, "letter.md", markdown)
    assert ("2025-06-05", "meeting", "Faculty Board", "decide") in found
    assert not any(body == "College van Bestuur" for _, _, body, _ in found)


def test_an_agreement_in_a_conversation_of_a_day_is_dated_by_that_day(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Outcome of the Faculty Council meeting of 29 May\ndate: 2025-06-12\nlanguage: en\n"
        "doc_type: letter\ninstitution: Velsmeer University\n---\n\nDear Dean,\n\n"
        "In our conversation of 11 June, the Faculty Council and the Faculty Board agreed on a joint timetable.\n"
    )
    found = _file(tmp_path, "letter.md", markdown)
    assert any(date == "2025-06-11" and act == "agree" for date, _, _, act in found)


def test_the_chair_an_interview_is_with_speaks_for_the_body(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: \"'We ask the hard questions' - an interview with Supervisory Board chair Anna Velde\"\n"
        "date: 2024-05-10\nlanguage: en\ndoc_type: interview\ninstitution: Velsmeer University\n---\n\n"
        "**What happened with the campus plan?**\n\n"
        '"In January we did not approve the first version of the plan, because it was too expensive. In April we '
        'approved a smaller version of 120 million euros."\n'
    )
    found = [(r.date, r.body, r.act, r.negated) for r in _records(tmp_path, "interview.md", markdown)]
    assert ("2024-01", "Raad van Toezicht", "approve", True) in found
    assert ("2024-04", "Raad van Toezicht", "approve", False) in found


def test_an_answer_that_restates_the_decision_its_question_told_of_is_that_decision(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Interview with the council chair\ndate: 2024-12-10\nlanguage: en\ndoc_type: interview\n"
        "institution: Velsmeer University\n---\n\n"
        "**Last week the University Council agreed to the 2025 budget. Was that a difficult vote?**\n\n"
        '"Very. In the end we consented, but we attached a condition about student well-being."\n\n'
        "**In the spring the council also said no to something big.**\n\n"
        '"Yes, in the spring the council voted down the first version of the housing plan."\n'
    )
    found = [(r.body, r.act, r.negated) for r in _records(tmp_path, "interview.md", markdown)]
    assert found.count(("Universiteitsraad", "consent", False)) == 1
    assert found.count(("Universiteitsraad", "consent", True)) == 1


def test_we_agreed_with_other_bodies_on_something_is_an_agreement(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Interview with Supervisory Board chair Anna Velde\ndate: 2024-05-10\nlanguage: en\n"
        "doc_type: interview\ninstitution: Velsmeer University\n---\n\n"
        "**How is the relationship with the council?**\n\n"
        '"Good. We agreed with the Executive Board and the University Council on a new protocol for the joint '
        'meeting."\n'
    )
    found = [(r.body, r.act) for r in _records(tmp_path, "interview.md", markdown)]
    assert ("Raad van Toezicht", "agree") in found


def test_a_faculty_board_written_in_lower_case_decides(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Library hours cut\ndate: 2023-11-22\nlanguage: en\ndoc_type: news\n"
        "institution: Velsmeer University\n---\n\n"
        "In September, the faculty board decided to close the north library on Sundays to save on security costs.\n"
    )
    found = _file(tmp_path, "news.md", markdown)
    assert any(
        date == "2023-09" and body.lower() == "faculty board" and act == "decide" for date, _, body, act in found
    )


def test_a_sentence_in_the_overlap_of_two_chunks_is_one_record(tmp_path: Path) -> None:
    filler = "The council members discussed the plans at length and asked many questions about them. " * 9
    markdown = (
        "---\ntitle: News from the council\ndate: 2024-05-10\nlanguage: en\ndoc_type: news\n"
        f"institution: Velsmeer University\n---\n\n{filler}\n\n"
        "Last year the board approved a new governance code for the university.\n\n"
        f"{filler}\n"
    )
    found = [(r.date, r.act) for r in _records(tmp_path, "news.md", markdown)]
    assert found.count(("2023", "approve")) == 1


def test_a_week_later_opening_the_next_section_is_dated_a_week_after_the_decision_before(tmp_path: Path) -> None:
    filler = "Wat verandert er? Medewerkers spreken per half jaar af hoe vaak zij thuis werken en waar. " * 10
    markdown = (
        "---\ntitle: Nieuwsbrief van de ondernemingsraad\ndate: 2025-06-12\nlanguage: nl\ndoc_type: newsletter\n"
        "institution: Hogeschool Velsmeer\n---\n\n# Nieuwsbrief\n\n## OR stemt in met regeling thuiswerken\n\n"
        f"In de overlegvergadering van 3 juni heeft de OR ingestemd met de nieuwe regeling thuiswerken.\n\n{filler}\n\n"
        "Een week later heeft het college van bestuur de regeling vastgesteld.\n"
    )
    found = _file(tmp_path, "nieuwsbrief.md", markdown)
    assert ("2025-06-10", "sentence", "College van Bestuur", "adopt") in found


def test_ten_days_ago_is_ten_days_before_the_documents_day(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Speech at the opening of the academic year\ndate: 2024-09-02\nlanguage: en\ndoc_type: speech\n"
        "institution: Velsmeer University\n---\n\nTen days ago, the Executive Board chose to reopen the programme.\n"
    )
    assert ("2024-08-23", "sentence", "College van Bestuur", "decide") in _file(tmp_path, "speech.md", markdown)


def test_the_board_in_a_supervisory_boards_own_report_is_that_board(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Report of the Supervisory Board 2024\ndate: 2025-05-20\nlanguage: en\ndoc_type: annual report\n"
        "institution: Velsmeer University\n---\n\n# Report of the Supervisory Board 2024\n\n"
        "The Executive Board decided to discontinue the part-time programme. In April 2024 the Board gave its approval "
        "to that decision.\n"
    )
    found = _file(tmp_path, "report.md", markdown)
    assert ("2024-04", "sentence", "Raad van Toezicht", "approve") in found
    assert ("2024-04", "sentence", "College van Bestuur", "approve") not in found


def test_a_timelines_entry_led_by_a_relative_time_is_dated_from_the_entry_above_or_the_documents_date(
    tmp_path: Path,
) -> None:
    markdown = (
        "---\ntitle: How the dispute over the dance programme unfolded\ndate: 2024-05-17\nlanguage: en\n"
        "doc_type: news\ninstitution: Velsmeer University\n---\n\n# How the dispute unfolded\n\n"
        "**4 March 2024.** The Faculty Council refuses its consent to the new teaching schedule. Nine members vote "
        "against.\n\n"
        "**Three days later** the Faculty Board decides to postpone the schedule by one year.\n\n"
        "**Last week.** Velsmeer University and Oostwoud University signed a cooperation agreement for the programme. "
        "Students will take half of their courses in each city.\n"
    )
    found = _file(tmp_path, "timeline.md", markdown)
    assert ("2024-03-07", "meeting", "Faculty Board", "decide") in found
    assert any(date == "2024-05" and act == "agree" for date, _, _, act in found)


def test_the_following_week_or_the_day_after_is_placed_after_the_day_told_before(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Annual report of the council\ndate: 2024-02-01\nlanguage: en\ndoc_type: annual report\n"
        "institution: Velsmeer University\n---\n\n"
        "In its meeting of 12 December 2023 the University Council consented to the budget 2024. The Supervisory "
        "Board approved the budget the following week.\n\n"
        "Op 3 oktober 2023 stemde de faculteitsraad in met het nieuwe reglement. De dag erna stelde het "
        "faculteitsbestuur het reglement vast.\n"
    )
    found = _file(tmp_path, "report.md", markdown)
    assert ("2023-12", "sentence", "Raad van Toezicht", "approve") in found
    assert any(date == "2023-10-04" and act == "adopt" for date, _, _, act in found)


def test_both_parties_of_the_agreement_told_before_agree_again(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Nieuwsbrief van de ondernemingsraad\ndate: 2024-07-01\nlanguage: nl\ndoc_type: newsletter\n"
        "institution: Hogeschool Velsmeer\n---\n\n"
        "In 2021 sloten de OR en het College van Bestuur een convenant over werkdruk. Op 18 juni hebben beide partijen "
        "besloten het convenant met drie jaar te verlengen.\n"
    )
    found = [(r.date, r.body, r.act, r.parties) for r in _records(tmp_path, "nieuwsbrief.md", markdown)]
    assert any(
        date == "2024-06-18" and act == "agree" and "College van Bestuur" in parties for date, _, act, parties in found
    )


def test_a_hard_wrapped_annual_report_of_a_council_dates_its_months_meetings_in_its_year(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Jaarverslag Universiteitsraad 2024\ndate: 2025-02-14\nlanguage: nl\ndoc_type: annual_report\n"
        "institution: Universiteit Velsmeer\n---\n\n# Jaarverslag Universiteitsraad 2024\n\n"
        "## Januari — plenaire vergadering van 23 januari\n\n"
        "De raad sprak met het college over de kaderbrief 2025, het document met de financiële uitgangspunten\n"
        "voor het volgende jaar. Na een stevige discussie over de verdeling van de middelen stemde de raad met de\n"
        "kaderbrief in. Op 28 januari verleende ook de Raad van\nToezicht zijn goedkeuring aan de kaderbrief.\n\n"
        "## Mei — plenaire vergadering van 14 mei\n\n"
        "Met de wijziging van het Studentenstatuut, waardoor studenten met zorgtaken een flexibel rooster krijgen,\n"
        "werd unaniem ingestemd. Verder gaf het college, bij monde van de rector, de formele toezegging dat de raad\n"
        "vóór 1 november een evaluatie van het hybride onderwijs ontvangt.\n"
    )
    found = _file(tmp_path, "jaarverslag.md", markdown)
    assert ("2024-01-23", "meeting", "Universiteitsraad", "consent") in found
    assert ("2024-01-28", "sentence", "Raad van Toezicht", "approve") in found
    assert ("2024-05-14", "meeting", "Universiteitsraad", "consent") in found
    assert ("2024-05-14", "meeting", "College van Bestuur", "decide") in found


def test_a_list_items_indented_continuation_is_part_of_its_sentence(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Notulen faculteitsraad 13 mei 2025\ndate: 2025-05-20\nlanguage: nl\ndoc_type: minutes\n"
        "institution: Universiteit Velsmeer\n---\n\n# Notulen van de faculteitsraad van 13 mei 2025\n\n"
        "## 3. Mededelingen\n\n"
        "- De gemeenteraad heeft in zijn vergadering van 24 april het bestemmingsplan Oosthaven\n"
        "  vastgesteld.\n"
        "- Het college is voornemens de bedrijfsvoering te centraliseren.\n"
    )
    found = _file(tmp_path, "notulen.md", markdown)
    assert any(date == "2025-04-24" and act == "adopt" for date, _, _, act in found)


def test_a_live_blogs_present_vote_against_and_a_fortnight_later(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Liveblog universiteitsraad\ndate: 2025-06-17\nlanguage: nl\ndoc_type: news\n"
        "institution: Universiteit Velsmeer\n---\n\n# Liveblog: vergadering van de universiteitsraad\n\n"
        "*De redactie volgt vanavond de vergadering van de Universiteitsraad.*\n\n"
        "**20:18** — Taalbeleid. Het voorstel om alle opleidingen tweetalig aan te bieden haalt het niet: een "
        "meerderheid van de Universiteitsraad stemt tegen.\n"
    )
    found = [(r.date, r.body, r.act, r.negated) for r in _records(tmp_path, "liveblog.md", markdown)]
    assert ("2025-06-17", "Universiteitsraad", "consent", True) in found
    news = (
        "---\ntitle: Faculty news\ndate: 2025-10-10\nlanguage: en\ndoc_type: newsletter\n"
        "institution: Velsmeer University\n---\n\n"
        "On 16 September the Faculty Council consented to the new minor. A fortnight later, the Faculty Board adopted "
        "the assessment plan for the minor.\n"
    )
    (tmp_path / "news").mkdir()
    assert any(date == "2025-09-30" and act == "adopt" for date, _, _, act in _file(tmp_path / "news", "news.md", news))


def test_a_quoted_reply_is_dated_by_its_own_quoted_header(tmp_path: Path) -> None:
    markdown = (
        '---\ntitle: "FW: Kaderbrief 2025"\ndate: 2024-12-12\nlanguage: nl\ndoc_type: email\n'
        "institution: Universiteit Velsmeer\n---\n\n"
        "**Van:** Griffie Universiteitsraad\n**Datum:** donderdag 12 december 2024 17:42\n\n"
        "Zie het bericht hieronder.\n\n"
        "> **Van:** Secretaris van het college\n> **Datum:** maandag 25 november 2024 22:16\n>\n"
        "> Beste raad,\n>\n> Gisteren heeft het College van Bestuur besloten de regeling voor het studiefonds in te "
        "trekken.\n"
    )
    found = _file(tmp_path, "mail.md", markdown)
    assert ("2024-11-24", "sentence", "College van Bestuur", "decide") in found


def test_a_council_that_names_itself_in_its_opening_writes_we(tmp_path: Path) -> None:
    markdown = (
        '---\ntitle: "Terugblik 2023-2024"\ndate: 2024-09-02\nlanguage: nl\ndoc_type: jaaroverzicht\n'
        "institution: Hogeschool Velsmeer\n---\n\n# Terugblik op het jaar\n\n"
        "Voor ons als Centrale Medezeggenschapsraad (CMR) van Hogeschool Velsmeer is dit het moment om terug te "
        "kijken.\n\nIn april stemden we in met het aangepaste voorstel voor de taaltoets.\n"
    )
    found = _file(tmp_path, "terugblik.md", markdown)
    assert ("2024-04", "sentence", "Medezeggenschapsraad", "consent") in found


def test_a_page_of_recent_decisions_is_no_meeting_and_keeps_the_adoption_after_a_consent(tmp_path: Path) -> None:
    markdown = (
        '---\ntitle: "Besluitvorming: recente besluiten"\ndate: 2025-06-20\nlanguage: nl\ndoc_type: webpage\n'
        "institution: Universiteit Velsmeer\n---\n\n# Besluitvorming: recente besluiten\n\n"
        "Op deze pagina vindt u de belangrijkste besluiten van het College van Bestuur. Wij werken het overzicht bij "
        "na elke collegevergadering.\n\n### Regeling bindend studieadvies\n\n"
        "Na instemming van de Universiteitsraad op 27 mei 2025 heeft het College de gewijzigde regeling op 10 juni "
        "2025 vastgesteld.\n\n### Gedragscode\n\n"
        "De herziene gedragscode is na instemming van de Universiteitsraad door het College vastgesteld.\n"
    )
    found = _file(tmp_path, "besluiten.md", markdown)
    assert ("2025-06-10", "sentence", "College van Bestuur", "adopt") in found
    adoptions = [date for date, _, body, act in found if (body, act) == ("College van Bestuur", "adopt")]
    assert len(adoptions) == 2  # the code of conduct's adoption, after a consent named as its circumstance, stays
    assert all(date != "2025-06-20" for date, _, _, _ in found)  # the page's own date is no meeting's
