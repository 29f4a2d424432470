"""Decision records: extraction rules, the store kept in step with ingest, and ``planwijzer decisions``.

Every sentence here is written for the tests (fictional bodies' decisions, no corpus text).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from planwijzer.ingest.decision_store import DB_NAME
from planwijzer.ingest.decisions import (
    canonical_body,
    evaluate_records,
    extract_decisions,
    extract_sentence,
    find_dates,
)
from planwijzer.ingest.pipeline import ingest
from planwijzer.ingest.store import open_store
from planwijzer.ui.i18n import body_label

from planwijzer.cli import main
from planwijzer.config import Settings


def one(sentence: str, doc_date: str | None = None) -> dict:
    found = extract_sentence(sentence, doc_date)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "date", "date_text", "body", "act"),
    [
        (
            "Op 3 maart 2020 stemde de Universiteitsraad in met de nieuwe onderwijsvisie.",
            "2020-03-03",
            "3 maart 2020",
            "Universiteitsraad",
            "consent",
        ),
        (
            "De faculteitsraad heeft op 2020-11-17 ingestemd met het facultaire plan.",
            "2020-11-17",
            "2020-11-17",
            "Faculteitsraad",
            "consent",
        ),
        (
            "Het College van Bestuur heeft op 09-01-2023 de kadernota vastgesteld.",
            "2023-01-09",
            "09-01-2023",
            "College van Bestuur",
            "adopt",
        ),
        (
            "In September 2017 the Executive Board decided to open a second study centre.",
            "2017-09",
            "September 2017",
            "College van Bestuur",
            "decide",
        ),
        # a participation council's approval is its consent
        (
            "On March 5, 2024 the University Council approved the budget.",
            "2024-03-05",
            "March 5, 2024",
            None,
            "consent",
        ),
        ("In June 2019 the Executive Board approved the budget.", "2019-06", "June 2019", "College van Bestuur", None),
        (
            "In 2016 the House of Representatives rejected the proposal to abolish the grant.",
            "2016",
            "2016",
            "Tweede Kamer",
            "reject",
        ),
        (
            "Het plan werd in mei 2020 door de NVAO positief beoordeeld.",
            "2020-05",
            "mei 2020",
            "NVAO",
            "assess_positively",
        ),
    ],
)
def test_dates_bodies_and_acts_in_dutch_and_english(sentence, date, date_text, body, act) -> None:
    found = one(sentence)
    assert (found["date"], found["date_text"]) == (date, date_text)
    assert found["body"] == (body or "Universiteitsraad")
    assert found["act"] == (act or "approve")
    assert found["negated"] is False


def test_the_subject_is_the_object_phrase() -> None:
    assert one("Op 3 maart 2020 stemde de Universiteitsraad in met de nieuwe onderwijsvisie.")["subject"] == (
        "de nieuwe onderwijsvisie"
    )
    assert one("On 4 June 2018, the University Council approved the housing plan.")["subject"] == "the housing plan"


def test_two_decisions_in_one_sentence_each_get_their_own_date_and_body() -> None:
    found = extract_sentence(
        "Het voorstel is in april 2020 door de NVAO positief beoordeeld en in juli 2020 goedgekeurd "
        "door de minister van Onderwijs, Cultuur en Wetenschap."
    )
    assert [(f["date"], f["body"], f["act"]) for f in found] == [
        ("2020-04", "NVAO", "assess_positively"),
        ("2020-07", "Ministerie van OCW", "approve"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 8 oktober 2019 stemde de Universiteitsraad niet in met het huisvestingsplan.",
        "The University Council did not approve the housing plan on 8 October 2019.",
        "De Universiteitsraad heeft op 8 oktober 2019 geen instemming gegeven aan het huisvestingsplan.",
    ],
)
def test_negated_decisions_are_kept_and_marked(sentence: str) -> None:
    found = one(sentence)
    assert found["negated"] is True
    assert found["date"] == "2019-10-08" and found["body"] == "Universiteitsraad"


@pytest.mark.parametrize(
    "sentence",
    [
        "De Universiteitsraad vergadert op 12 mei 2022 in het Academiegebouw.",  # a date, no decision
        "Het College van Bestuur heeft instemming nodig van de Universiteitsraad voor de begroting 2022.",  # a right
        "De Universiteitsraad zal op 12 mei 2022 instemmen met het plan.",  # an intention
        "The minister will decide in June 2022 whether the plan is approved.",  # future
        "Op 3 maart 2020 werd het plan goedgekeurd.",  # no body
    ],
)
def test_sentences_that_are_not_decisions_give_nothing(sentence: str) -> None:
    assert extract_sentence(sentence, "2022-06-01") == []


@pytest.mark.parametrize(
    ("sentence", "body", "act"),
    [
        ("Het College van Bestuur heeft besloten om per 1 september 2024 een nieuwe regeling in te voeren.",
         "College van Bestuur", "decide"),  # an effective date is not the decision's date
        ("De Universiteitsraad stemde in met het plan.", "Universiteitsraad", "consent"),
    ],
)  # fmt: skip
def test_a_decision_its_sentence_does_not_date_is_kept_undated_never_invented(sentence: str, body: str, act: str):
    (found,) = extract_sentence(sentence, "2022-06-01")
    assert (found["date"], found["date_text"], found["body"], found["act"]) == (None, "", body, act)


def test_a_date_without_a_year_needs_a_precise_document_date() -> None:
    sentence = "De Universiteitsraad heeft op 6 december ingestemd met het plan."
    assert one(sentence, "2021-12-20")["date"] == "2021-12-06"
    assert one(sentence, "2022-01-10")["date"] == "2021-12-06"  # the latest 6 December before the document
    assert [f["date"] for f in extract_sentence(sentence, "2021")] == [None]  # only the year: ambiguous, undated
    assert [f["date"] for f in extract_sentence(sentence, None)] == [None]


def test_relative_dates_resolve_only_against_a_document_date() -> None:
    sentence = "Vorige maand stemde de faculteitsraad in met de begroting."
    found = one(sentence, "2023-03-15")
    assert (found["date"], found["date_text"]) == ("2023-02", "Vorige maand")
    assert [f["date"] for f in extract_sentence(sentence, "2023")] == [None]
    assert one("Last year the Executive Board decided to close the library.", "2023")["date"] == "2022"
    assert [f["date"] for f in extract_sentence("Last year the Executive Board decided to close it.", None)] == [None]
    assert find_dates("gisteren", "2024-01-01") == [(0, 8, "2023-12-31", "gisteren")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 12 March 2023 the Faculty Board approved the new teaching plan.",
         ("2023-03-12", "Faculty Board", "approve")),
        ("The Board of Governors decided in June 2021 to close the campus.",
         ("2021-06", "Board of Governors", "decide")),
        ("Op 3 juni 2022 heeft het faculteitsbestuur het onderwijsplan vastgesteld.",
         ("2022-06-03", "Faculteitsbestuur", "adopt")),
        ("De Examencommissie besloot op 4 april 2023 de regeling aan te passen.",
         ("2023-04-04", "Examencommissie", "decide")),
        ("De gemeenteraad stemde op 2 mei 2022 in met het voorstel.", ("2022-05-02", "Gemeenteraad", "consent")),
        # the month May is no modal "may"
        ("On 5 May 2021 the Executive Board adopted the plan.", ("2021-05-05", "College van Bestuur", "adopt")),
    ],
)  # fmt: skip
def test_any_council_board_or_committee_decides_also_capitalised_or_as_a_compound(sentence: str, expected) -> None:
    assert acts(sentence, "2023-06-01") == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the nominal act's agent, not another body the sentence names
        ("Na instemming van de raad op 4 april 2022 werd het plan naar de NVAO gestuurd.",
         ("2022-04-04", "Raad", "consent")),
        ("De goedkeuring door de minister volgde op 5 juni 2019.", ("2019-06-05", "Ministerie van OCW", "approve")),
        # an agreement's parties are its bodies, also when none is a known body
        ("Het akkoord tussen de VSNU, de VH, het ISO en de LSVb werd op 9 april 2018 gesloten.",
         ("2018-04-09", "VSNU", "agree")),
        ("On 12 March 2024, the University Council agreed to the spending plan.",
         ("2024-03-12", "Universiteitsraad", "consent")),
        ("In February 2019 the NVAO issued a positive assessment of the plan.",
         ("2019-02", "NVAO", "assess_positively")),
        ("The Senate passed the bill in June 2023.", ("2023-06", "Eerste Kamer", "approve")),
    ],
)  # fmt: skip
def test_nominal_passive_and_english_forms_the_issue_names(sentence: str, expected: tuple) -> None:
    assert acts(sentence, "2024-06-01") == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Raad stemt in met bestedingsplan", ("Raad", "consent")),  # a headline's body without its article
        ("Council approves spending plan", ("Council", "approve")),
        ("Universiteitsraad zegt ja tegen begroting", ("Universiteitsraad", "consent")),
        ("Universiteitsraad zegt nee tegen begroting", ("Universiteitsraad", "reject")),
        ("NVAO positief over plan Universiteit Leiden", ("NVAO", "assess_positively")),
        ("The NVAO has given a positive advice on the plan.", ("NVAO", "assess_positively")),
    ],
)
def test_headline_forms(headline: str, expected: tuple) -> None:
    assert [(f["body"], f["act"]) for f in extract_sentence(headline, "2023-11-16")] == [expected]


@pytest.mark.parametrize("headline", ["Studenten positief over plan", "Raadsleden vinden het plan te duur"])
def test_an_opinion_in_a_headline_is_no_decision(headline: str) -> None:
    assert extract_sentence(headline, "2023-11-16") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2022 the University Council withheld its consent to the housing memorandum.",
        "On 3 May 2022 the University Council refused to approve the housing memorandum.",  # a council's: consent
        "Op 3 mei 2022 onthield de Universiteitsraad zijn instemming aan de huisvestingsnota.",
        "De Universiteitsraad weigerde op 3 mei 2022 in te stemmen met de huisvestingsnota.",
    ],
)
def test_a_refusal_or_consent_withheld_is_the_act_not_taken(sentence: str) -> None:
    (found,) = extract_sentence(sentence, "2023-11-16")
    assert (found["date"], found["body"], found["act"], found["negated"]) == (
        "2022-05-03",
        "Universiteitsraad",
        "consent",
        True,
    )


def test_a_refusal_ahead_is_no_decision() -> None:
    assert extract_sentence("De Universiteitsraad zal weigeren in te stemmen met de huisvestingsnota.") == []


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("The council has given its approval to the plan on 3 May 2022.", "Council"),
        ("De minister gaf op 3 mei 2022 haar fiat aan het plan.", "Ministerie van OCW"),
        ("On 3 May 2022 the board signed off on the plan.", "Board"),  # not a signature under an agreement
        ("The Executive Board endorsed the plan on 3 May 2022.", "College van Bestuur"),
        ("Het College van Bestuur bekrachtigde het plan op 3 mei 2022.", "College van Bestuur"),
        ("The plan was ratified by the Supervisory Board on 3 May 2022.", "Raad van Toezicht"),
    ],
)
def test_approval_in_other_words(sentence: str, body: str) -> None:
    assert acts(sentence, "2023-11-16") == [("2022-05-03", body, "approve")]


def test_a_commitment_as_a_noun_is_the_decision_of_the_body_that_gave_it() -> None:
    found = acts("De raad stemde op 3 mei 2022 in met het plan, maar pas na een toezegging van het college.")
    assert ("2022-05-03", "Raad", "consent") in found and (None, "College", "decide") in found


def test_a_period_between_two_years_is_no_agreement_between_parties() -> None:
    assert extract_sentence("Het akkoord gold tussen 2014 en 2018 voor alle studenten.", "2019-11-05") == []
    assert extract_sentence("The parties agreed to meet again in May.", "2024-06-01") == []


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("De CMR stemde op 3 mei 2022 in met het plan.", "Medezeggenschapsraad"),  # a hogeschool's central council
        ("De GV stemde op 3 mei 2022 in met de begroting.", "Gemeenschappelijke Vergadering"),
        ("The Joint Assembly consented to the budget on 3 May 2022.", "Gemeenschappelijke Vergadering"),
        ("De OR heeft op 3 mei 2022 ingestemd met de reorganisatie.", "Ondernemingsraad"),
        ("The Works Council approved the reorganisation on 3 May 2022.", "Ondernemingsraad"),  # its consent
    ],
)
def test_the_participation_bodies_of_a_hogeschool_and_of_staff(sentence: str, body: str) -> None:
    assert acts(sentence, "2023-11-16") == [("2022-05-03", body, "consent")]
    assert body_label(body, "en") != body  # shown by its English name in the English interface


@pytest.mark.parametrize(
    "sentence",
    [
        "De voorraad werd op 2 mei 2022 goedgekeurd.",  # stock, not a council
        "Na lang beraad werd op 2 mei 2022 besloten.",  # deliberation
        "The board may adopt the plan in May 2023.",  # the modal
    ],
)
def test_words_that_end_like_a_body_or_the_modal_may_are_no_decision(sentence: str) -> None:
    assert extract_sentence(sentence, "2023-06-01") == []


def test_body_names_map_to_one_canonical_name() -> None:
    for name in ("Universiteitsraad", "University Council", "UR", "ur"):
        assert canonical_body(name) == "Universiteitsraad"
    for name in ("Ministry of Education, Culture and Science", "minister", "OCW"):
        assert canonical_body(name) == "Ministerie van OCW"
    assert canonical_body("Executive Board") == canonical_body("CvB") == "College van Bestuur"
    assert canonical_body("nothing like a body") is None


def test_records_carry_their_source_and_pronouns_take_the_previous_subject() -> None:
    text = (
        "Het bestuur schreef het meerjarenplan voor de bibliotheek. "
        "Dat is in maart 2021 door de NVAO positief beoordeeld."
    )
    [rec] = extract_decisions(text, "plan.md", "c1", page=4, doc_date="2021-05")
    assert (rec.doc_id, rec.chunk_id, rec.page) == ("plan.md", "c1", 4)
    assert rec.sentence.startswith("Dat is in maart 2021")
    assert rec.subject == "het meerjarenplan voor de bibliotheek"


def test_evaluate_records_counts_precision_and_recall() -> None:
    recs = extract_decisions(
        "Op 3 maart 2020 stemde de Universiteitsraad in met de visie. In 2016 the Senate rejected the bill.",
        "a.md",
        "c",
    )
    gold = [
        {"doc": "a.md", "date": "2020-03-03", "body": "University Council", "act": "consent"},
        {"doc": "a.md", "date": "2017", "body": "Eerste Kamer", "act": "reject"},
    ]
    score = evaluate_records(recs, gold)
    assert (score["precision"], score["recall"], score["correct"]) == (0.5, 0.5, 1)


DOC_A = """\
---
title: Nieuws raad
date: 2022-05-20
---
Op 10 mei 2022 stemde de Universiteitsraad in met het studentenwelzijnsplan.
"""
DOC_B = """\
---
title: Board news
date: 2019-07-01
language: en
---
In June 2019 the Executive Board decided to extend the tutoring programme.
"""


def test_records_follow_incremental_ingest_and_rebuild(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text(DOC_A, encoding="utf-8")
    (folder / "b.md").write_text(DOC_B, encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    index_dir = Path(settings.index.dir)
    store = open_store(settings)

    ingest([folder], settings, progress=False)
    recs = store.decisions()
    assert [(r.date, r.body, r.doc_id) for r in recs] == [
        ("2019-06", "College van Bestuur", "b.md"),
        ("2022-05-10", "Universiteitsraad", "a.md"),
    ]

    (folder / "a.md").write_text(DOC_A.replace("10 mei 2022", "17 mei 2022"), encoding="utf-8")
    ingest([folder], settings, progress=False)
    assert [r.date for r in store.decisions(body="University Council")] == ["2022-05-17"]

    (folder / "b.md").unlink()
    ingest([folder], settings, progress=False)
    assert [r.doc_id for r in store.decisions()] == ["a.md"]

    (index_dir / DB_NAME).unlink()  # an index built before decision records existed is filled from its chunks
    assert [r.date for r in store.decisions()] == ["2022-05-17"]
    (index_dir / DB_NAME).unlink()  # … also when its BM25 tokens are of an older tokenizer version
    chunks = index_dir / "bm25" / "chunks.json"
    chunks.write_text(chunks.read_text(encoding="utf-8").replace('"tokenizer": ', '"tokenizer": -'), encoding="utf-8")
    assert [r.date for r in store.decisions()] == ["2022-05-17"]

    (folder / "a.md").write_text("# Leeg\n\nGeen besluiten in dit document.\n", encoding="utf-8")
    ingest([folder], settings, rebuild=True, progress=False)
    assert store.decisions() == []


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_cli_lists_decisions_chronologically_with_filters(
    capsys: pytest.CaptureFixture[str], settings: Settings, index
) -> None:
    rows = json.loads(run_cli(capsys, "decisions", "--json", "--index", str(settings.index.dir)))
    dates = [r["date"] or r["doc_date"] for r in rows]  # an undated record stands at its document's date
    assert dates == sorted(dates)
    assert ("2022-03-14", "Universiteitsraad", "consent") in {(r["date"], r["body"], r["act"]) for r in rows}
    assert ("2019-06", "Ministerie van OCW", "approve") in {(r["date"], r["body"], r["act"]) for r in rows}
    assert all(r["doc_id"] and r["chunk_id"] and r["sentence"] for r in rows)

    council = json.loads(
        run_cli(capsys, "decisions", "--json", "--body", "University Council", "--from", "2022", "--to", "2022",
                "--index", str(settings.index.dir))
    )  # fmt: skip
    assert council and all(r["body"] == "Universiteitsraad" and r["date"].startswith("2022") for r in council)
    assert json.loads(run_cli(capsys, "decisions", "--json", "--query", "bestedingsplan", "--to", "2019",
                              "--index", str(settings.index.dir))) == []  # fmt: skip

    text = run_cli(capsys, "decisions", "--body", "ministerie", "--index", str(settings.index.dir))
    assert "2019-06" in text and "Ministerie van OCW — approve" in text and "bestedingsplan-2022.md" in text


def test_cli_evaluate_against_a_gold_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text(DOC_A, encoding="utf-8")
    (folder / "b.md").write_text(DOC_B, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"doc": "a.md", "date": "2022-05-10", "body": "Universiteitsraad", "act": "consent"}) + "\n",
        encoding="utf-8",
    )
    score = json.loads(
        run_cli(capsys, "decisions", "--evaluate", str(gold), "--corpus", str(folder), "--index", str(tmp_path / "i"))
    )
    assert (score["precision"], score["recall"]) == (0.5, 1.0)


def _synthetic_score(number: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    """``planwijzer decisions --evaluate`` of synthetic set ``number`` against its labels."""
    suffix = "" if number == 1 else str(number)
    folder = Path(__file__).parent / "fixtures" / f"decisions_synthetic{suffix}"
    gold = Path(__file__).with_name(f"decisions_gold_synthetic{suffix}.jsonl")
    return json.loads(
        run_cli(capsys, "decisions", "--evaluate", str(gold), "--corpus", str(folder), "--index", str(tmp_path / "i"))
    )


def test_the_synthetic_minutes_news_and_decision_lists_meet_their_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fourteen documents written for this test by a session that saw no extractor code, labelled by
    ``decisions_gold_README.md`` (first run: precision 0.66, recall 0.61; the rules since then: 0.94 and 0.90)."""
    score = _synthetic_score(1, tmp_path, capsys)
    assert score["gold"] == 51
    assert score["precision"] >= 0.93 and score["recall"] >= 0.9 and score["dated_recall"] >= 0.97


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # the object, not the negation between the verb's parts
        ("The University Council did not consent to the board's plan in December 2018.", "the board's plan"),
        # a capitalised name is not cut at its "and"
        ("In March 2022 the Faculty Council consented to the Teaching and Examination Regulations.",
         "the Teaching and Examination Regulations"),
        # a time that opens the object phrase is not what was decided
        ("Het college besloot in december 2020 al dat tentamens online worden afgenomen.",
         "tentamens online worden afgenomen"),
    ],
)  # fmt: skip
def test_a_subject_says_what_was_decided(sentence: str, subject: str) -> None:
    from planwijzer.ingest.decisions import document_decisions

    meta = {"doc_id": "d.md", "title": "Nieuws", "date": "2021-01-10", "institution": "Universiteit Duinstad"}
    (record,) = document_decisions([("c1", sentence, meta)])
    assert record.subject == subject


def test_a_report_adopted_on_its_closing_line_is_about_the_document_itself() -> None:
    from planwijzer.ingest.decisions import clean_subject

    assert clean_subject("op .*", "Jaarverslag 2019") == "Jaarverslag 2019"
    assert clean_subject("*This annual report", "Annual report 2019") == "This annual report"


def test_the_second_synthetic_set_meets_its_measured_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fourteen more documents (a timeline, a Kamerbrief, an NVAO report, English faculty minutes, a union's press
    release, …), written and labelled the same way after the first set had been developed on (first run: precision
    0.55, recall 0.43; the rules since then: 0.88 and 0.75)."""
    score = _synthetic_score(2, tmp_path, capsys)
    assert score["gold"] == 56
    assert score["precision"] >= 0.87 and score["recall"] >= 0.75


def test_the_third_synthetic_set_meets_its_measured_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve more documents (a faculty board's decision list, a page of an executive board's decisions by date,
    English programme-committee minutes, an NVAO press release, …), written and labelled the same way after the
    rules of this test file's first two sets (first run: precision 0.72, recall 0.46; developed on since, for decision
    lists in the present tense under dated meeting headings: 0.83 and 0.70; stop 32, a body named by three words
    before its kind, "the Central Student Council": 0.84 and 0.76)."""
    score = _synthetic_score(3, tmp_path, capsys)
    assert score["gold"] == 50
    assert score["precision"] >= 0.84 and score["recall"] >= 0.76


@pytest.mark.parametrize(
    ("number", "gold_rows", "precision", "recall"),
    [
        # a college's annual report, decision lists by meeting and by table, minutes, a letter, news, an agreement
        # (first run, blind: P 0.61 R 0.32; developed on since; stop 29, a municipality's council: 0.88/0.70)
        (4, 60, 0.87, 0.7),
        # a joint assembly's minutes, English faculty minutes, a table of an executive board's decisions, a Flemish
        # board, a covenant (first run, blind, on stop 27's rules: P 0.72 R 0.55; its new false positives then examined;
        # stop 29: minutes "approved" are approved, 0.79/0.68)
        (5, 60, 0.78, 0.68),
    ],
)
def test_the_fourth_and_fifth_synthetic_sets_meet_their_measured_floor(
    number: int, gold_rows: int, precision: float, recall: float, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents each, written and labelled by ``decisions_gold_README.md`` by sessions that saw no
    extractor code."""
    score = _synthetic_score(number, tmp_path, capsys)
    assert score["gold"] == gold_rows
    assert score["precision"] >= precision and score["recall"] >= recall


def test_the_sixth_synthetic_set_meets_its_measured_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ten documents (a council's minutes, an English decision list, student news, an annual report, a ministry and an
    NVAO press release, a faculty's decisions by year, a supervisory board's letter, an evaluation report), written and
    labelled the same way (first run, blind: stop 27's rules P 0.69 R 0.48, stop 28's first rules 0.71/0.52;
    developed on since: an English list's labelled acts, an annual report's year: 0.88/0.73)."""
    score = _synthetic_score(6, tmp_path, capsys)
    assert score["gold"] == 52
    assert score["precision"] >= 0.88 and score["recall"] >= 0.73


def test_the_seventh_synthetic_set_keeps_its_first_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ten documents (a faculty council's minutes, an English decision list, student news, an examination board's
    annual report, a Kamerbrief, an NVAO decision, a student council's archive, a covenant, a supervisory board's and a
    municipal council's minutes), written and labelled the same way (first run: stop 27's rules P 0.59 R 0.39;
    stop 28's: 0.63/0.43, before and after the round from set 6; its misses then examined, and one rule kept that
    labelling rule 4 names, "na goedkeuring van … zal": 0.65/0.43; stop 29's round from set 8, written from none of
    its documents: 0.67/0.47; and from set 9, a municipality's council and its mayor and aldermen: 0.75/0.53; stop 32,
    from set 13: a line that puts its item off, "In its decision of <date>": 0.82/0.61)."""
    score = _synthetic_score(7, tmp_path, capsys)
    assert score["gold"] == 51
    assert score["precision"] >= 0.81 and score["recall"] >= 0.60


def test_the_eighth_synthetic_set_meets_its_measured_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve documents (an executive board's and a province's decision lists, a university senate's summary, a
    covenant, student news, a programme committee's annual report, a Kamerbrief, a faculty board's memo, council
    minutes, an NVAO decision, a supervisory board's summary, a student council's newsletter), written and labelled
    the same way (first run, blind, on stop 28's rules: P 0.75 R 0.49; developed on since: a university's Senate,
    "resolved that", Gedeputeerde Staten, a long separable verb, an item's line that is its act alone, the rector for
    the board, a bill taken, minutes "approved" approved: 0.85/0.64; a record adopting itself later, from set 9:
    0.85/0.66; an NVAO decision's own verdicts, stop 31: 0.88/0.70)."""
    score = _synthetic_score(8, tmp_path, capsys)
    assert score["gold"] == 61
    assert score["precision"] >= 0.87 and score["recall"] >= 0.7


def test_the_ninth_synthetic_set_meets_its_measured_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve documents (an executive board's decision table, a municipal council's decision list, a covenant of a
    city and its institutions, English faculty council minutes, a student council's annual report, a Kamerbrief, a
    participation council's minutes, an NVAO decision, a research funder's board decisions, a ministry press release,
    student news, a board newsletter), written and labelled the same way (first run, blind: stop 28's rules and stop
    29's first round alike, P 0.70 R 0.56; developed on since: a municipality's council and mayor and aldermen, a body
    the title names, parliament's yes to a bill, a record adopting itself later: 0.83/0.66; an NVAO verdict after a long
    object, stop 31: 0.85/0.69)."""
    score = _synthetic_score(9, tmp_path, capsys)
    assert score["gold"] == 59
    assert score["precision"] >= 0.85 and score["recall"] >= 0.69


def test_the_gold_file_is_well_formed() -> None:
    rows = [json.loads(line) for line in Path(__file__).with_name("decisions_gold.jsonl").read_text().splitlines()]
    assert len(rows) >= 10
    for row in rows:
        assert {"doc", "date", "body", "act", "subject"} <= set(row)
        assert canonical_body(row["body"]) == row["body"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("In juni 2021 keurde het College van Bestuur de kadernota campus goed.", "de kadernota campus"),
        ("Op 3 maart 2020 stelde de faculteitsraad de begroting voor 2021 vast.", "de begroting voor 2021"),
        ("In mei 2019 keurde de minister het plan goed, na een positief advies van de NVAO.", "het plan"),
    ],
)
def test_the_object_inside_a_separable_dutch_verb_is_the_subject(sentence: str, subject: str) -> None:
    (record,) = [r for r in extract_decisions(sentence, "d.md", "c1") if r.act != "assess_positively"]
    assert record.subject == subject


# --- agreements, commitments, choices, votes, nominal assessments ---------------------------------


def acts(sentence: str, doc_date: str | None = None, institution: str | None = None) -> list[tuple]:
    return [(f["date"], f["body"], f["act"]) for f in extract_sentence(sentence, doc_date, institution)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De hogescholen zijn in maart 2021 met de minister van OCW overeengekomen om een fonds op te richten.",
         ("2021-03", "Ministerie van OCW", "agree")),
        ("In 2019 the universities made agreements with the Ministry of Education, Culture and Science on training.",
         ("2019", "Ministerie van OCW", "agree")),
        ("Op 4 mei 2020 werd het convenant ondertekend door de VSNU, de NRTO en de minister van OCW.",
         ("2020-05-04", "Ministerie van OCW", "agree")),
        ("In april 2022 spraken de Faculteitsraad en het faculteitsbestuur af dat de raad vaker wordt gehoord.",
         ("2022-04", "Faculteitsraad", "agree")),
        # a compound's agreements, and "agreed that" between named parties
        ("In maart 2021 heeft de minister van OCW prestatieafspraken gemaakt met de hogescholen.",
         ("2021-03", "Ministerie van OCW", "agree")),
        ("In 2018 the ministry of OCW and two student unions agreed that every programme publishes a teaching plan.",
         ("2018", "Ministerie van OCW", "agree")),
    ],
)  # fmt: skip
def test_agreements_made_agreed_or_signed_are_agreements_under_the_ministry_or_the_first_party(sentence, expected):
    assert acts(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Maandag heeft de minister van OCW afspraken gemaakt met de hogescholen.", "2018-04-09"),  # a Thursday's news
        ("On Monday the minister of OCW signed the covenant with the colleges.", "2018-04-09"),
        ("Donderdag gaf de Universiteitsraad zijn instemming aan het huisvestingsplan.", "2018-04-12"),  # that day
        ("Volgende maandag stemt de Universiteitsraad in met het huisvestingsplan.", None),  # ahead: not what happened
    ],
)
def test_a_weekday_in_dated_news_is_the_last_such_day_before_it(sentence: str, date: str | None) -> None:
    assert [f["date"] for f in extract_sentence(sentence, "2018-04-12")] == [date]
    assert [f["date"] for f in extract_sentence(sentence, "2018-04")] == [None]  # a month's news: which Monday?


@pytest.mark.parametrize(
    ("sentence", "doc_date", "expected"),
    [
        # a month without a year: the latest such month not after the document's date; an annual report's year
        ("In december heeft het KPQ-bestuur een voorstel goedgekeurd.", "2020", ("2020-12", "KPQ-bestuur", "approve")),
        ("In mei stemde de Faculteitsraad in met het plan.", "2021-03-05", ("2020-05", "Faculteitsraad", "consent")),
        # the idiom for approval, its subject what it was given for
        ("In december gaf het KPQ-bestuur groen licht voor de avondcolleges.", "2020",
         ("2020-12", "KPQ-bestuur", "approve")),
    ],
)  # fmt: skip
def test_a_month_without_a_year_and_a_green_light(sentence: str, doc_date: str, expected: tuple) -> None:
    (found,) = extract_sentence(sentence, doc_date)
    assert (found["date"], found["body"], found["act"]) == expected
    if "groen licht" in sentence:
        assert found["subject"] == "de avondcolleges"


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("In 2020 the minister assessed the plans of four colleges with a negative decision.", "assess_negatively"),
        ("In 2021 the minister reassessed the plans of two colleges as positive.", "assess_positively"),
    ],
)  # fmt: skip
def test_an_assessment_stated_with_its_outcome(sentence: str, act: str) -> None:
    assert acts(sentence) == [(sentence.split()[1].rstrip(","), "Ministerie van OCW", act)]


def test_the_header_of_a_list_of_decisions_is_none_itself() -> None:
    header = "Below is a list of the programmes that the NVAO has positively assessed:"
    assert extract_sentence(header) == []
    assert acts("In 2020 the programmes were positively assessed by the NVAO.") == [
        ("2020", "NVAO", "assess_positively")
    ]


def test_a_month_a_clause_sends_something_in_is_not_the_decision_date() -> None:
    (found,) = extract_sentence("De raad stemde in met de nota en die gaat eind maart naar de minister.", "2019-03-14")
    assert found["date"] is None


def test_the_writer_of_a_letter_is_who_says_ik_in_it() -> None:
    from planwijzer.ingest.decisions import author, extract_decisions

    text = (
        "Hierbij wil ik u melden dat ik vandaag een convenant over stagevergoedingen heb getekend met de Vereniging "
        "Hogescholen en twee studentenbonden."
    )
    writer = author("Kamerbrief over stagevergoedingen: brief van de minister van OCW")
    (record,) = extract_decisions(text, "k.md", "c1", None, "2018-04-09", None, writer)
    assert (record.date, record.body, record.act) == ("2018-04-09", "Ministerie van OCW", "agree")
    assert "Vereniging Hogescholen" in record.parties
    assert author("Verslag van de vergadering van 3 mei") == []  # not a letter: "ik" is nobody in particular


@pytest.mark.parametrize(
    "sentence",
    [
        "Het College van Bestuur heeft het plan op 14/06/2024 vastgesteld.",
        "Het College van Bestuur heeft het plan op 14.06.2024 vastgesteld.",
        "The Executive Board adopted the plan on the 14th of June 2024.",
        "The Executive Board adopted the plan on June 14, 2024.",
    ],
)
def test_a_day_written_with_slashes_dots_or_an_ordinal_dates_the_decision(sentence: str) -> None:
    assert acts(sentence, "2024-11-16") == [("2024-06-14", "College van Bestuur", "adopt")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Twee weken geleden stemde de Universiteitsraad in met de huisvestingsnota.", "2023-01"),  # weeks: month
        ("Vijf dagen geleden besloot het College van Bestuur de regeling aan te passen.", "2023-01-11"),
        ("Three months ago the Executive Board decided to close the library.", "2022-10"),  # across the year
        ("Two years ago the University Council consented to the plan.", "2021"),
    ],
)
def test_a_time_ago_in_dated_news_is_counted_back_from_its_date(text: str, date: str) -> None:
    assert [f["date"] for f in extract_sentence(text, "2023-01-16")] == [date]
    assert [f["date"] for f in extract_sentence(text, "2023")] == [None]  # an undated day: how long ago from when?


def test_a_minister_named_by_surname_acts_as_the_ministry_once_the_document_gave_the_office() -> None:
    from planwijzer.ingest.decisions import extract_decisions, people

    text = (
        "Minister Petra de Wolff van Onderwijs opende het overleg over de stages. "
        "Maandag heeft De Wolff stageafspraken gemaakt met de hogescholen."
    )
    (record,) = extract_decisions(text, "n.md", "c1", None, "2018-04-12", None, people(text))
    assert (record.date, record.body, record.act) == ("2018-04-09", "Ministerie van OCW", "agree")
    assert extract_decisions(text.split(". ", 1)[1], "n.md", "c1", None, "2018-04-12") == []  # no office: nobody


def test_the_parties_of_a_signed_agreement_are_those_it_was_signed_by() -> None:
    (found,) = extract_sentence("Op 4 mei 2020 werd het convenant ondertekend door de VSNU, de NRTO en de minister.")
    assert found["parties"].split("; ") == ["VSNU", "NRTO", "Ministerie van OCW"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Alle opleidingscommissies hebben op 3 mei 2022 een brief aan de Faculteitsraad ondertekend.",  # a letter
        "De Universiteitsraad besprak op 3 mei 2022 de overeengekomen afspraken.",  # a participle as adjective
        "De opleiding volgt sinds 2020 de thema's zoals vastgesteld in het instellingsplan.",  # a citation
        "On 5 May 2021 the University Council discussed the signed agreement.",
    ],
)
def test_a_signed_letter_an_attributive_participle_or_a_citation_is_no_decision(sentence: str) -> None:
    assert extract_sentence(sentence, "2022-06-01") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Op 12 april 2022 heeft het College van Bestuur toegezegd de raad vaker te informeren.",
         ("2022-04-12", "College van Bestuur", "decide")),
        ("In mei 2021 koos de Faculteitsraad ervoor de vergaderingen openbaar te maken.",
         ("2021-05", "Faculteitsraad", "decide")),
        ("In 2020 heeft de Faculteitsraad gekozen voor een nieuw rooster.", ("2020", "Faculteitsraad", "decide")),
        ("In March 2020 the Executive Board chose to close the old library.",
         ("2020-03", "College van Bestuur", "decide")),
    ],
)  # fmt: skip
def test_a_commitment_given_or_a_choice_made_is_a_decision(sentence: str, expected: tuple) -> None:
    assert acts(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De Eerste Kamer heeft op 12 juli 2022 gestemd voor het wetsvoorstel.",
         [("2022-07-12", "Eerste Kamer", "approve")]),
        ("The Senate voted for the bill in June 2021.", [("2021-06", "Eerste Kamer", "approve")]),
        ("In March 2021 the students voted for the University Council.", []),  # an election
        ("In 2019 the students voted for a new University Council.", []),
        ("Op 12 mei 2021 stemde de Faculteitsraad voor een nieuwe kandidaat.", []),
    ],
)  # fmt: skip
def test_a_vote_for_a_bill_is_an_approval_a_vote_for_a_candidate_or_council_is_not(sentence, expected) -> None:
    assert acts(sentence) == expected


def test_a_positive_advice_is_an_assessment_only_from_an_assessing_body_and_takes_no_other_acts_date() -> None:
    sentence = "Het plan is in juni 2020 door de minister goedgekeurd, op grond van een positief advies van de NVAO."
    assert acts(sentence) == [("2020-06", "Ministerie van OCW", "approve"), (None, "NVAO", "assess_positively")]
    advice = "Na een positief advies van de Faculteitsraad heeft het CvB op 2 maart 2021 het plan vastgesteld."
    assert acts(advice) == [("2021-03-02", "College van Bestuur", "adopt")]  # a council's advice is advice


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dat zou nu kunnen, omdat het College van Bestuur in 2019 heeft besloten de regeling te schrappen.",
         [("2019", "College van Bestuur", "decide")]),  # a fact, whatever the main clause's modality
        ("Het College van Bestuur zal in 2024 besluiten, nadat de minister het plan heeft goedgekeurd.", []),
        ("Since 2020 the University Council has the right to consent to the budget.", []),  # a right
    ],
)  # fmt: skip
def test_a_modal_does_not_reach_into_a_factive_clause_but_rights_and_futures_are_no_decisions(sentence, expected):
    assert acts(sentence) == expected


def test_a_joint_decision_of_two_bodies_is_their_agreement() -> None:
    (found,) = extract_sentence(
        "Het College van Bestuur en de Universiteitsraad besloten gezamenlijk op 4 april 2022 dat er een werkgroep komt"
    )
    assert (found["date"], found["body"], found["act"]) == ("2022-04-04", "College van Bestuur", "agree")
    assert found["parties"] == "College van Bestuur; Universiteitsraad"
    assert acts(
        "In May 2021 the Executive Board and the University Council jointly decided to merge the committees."
    ) == [("2021-05", "College van Bestuur", "agree")]


def test_today_resolves_against_the_document_date_as_precisely_as_that_is_known() -> None:
    sentence = "Vandaag heeft de Universiteitsraad ingestemd met het plan."
    assert [one(sentence, d)["date"] for d in ("2015-04-09", "2015-04", "2015")] == ["2015-04-09", "2015-04", "2015"]
    assert one(sentence, None)["date"] is None
    assert one("Gisteren heeft de Universiteitsraad ingestemd met het plan.", "2015-04")["date"] is None  # ambiguous


def test_a_year_followed_by_to_is_a_period_only_when_another_date_follows() -> None:
    assert [d[2] for d in find_dates("signed in 2023 to the national framework")] == ["2023"]
    assert find_dates("in 2019 to 2024") == []


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("In mei 2019 heeft het College van Bestuur toegezegd de NVAO om uitstel te vragen.", "College van Bestuur"),
        ("Het plan van de Faculteitsraad is op 3 juni 2020 goedgekeurd door het College van Bestuur.",
         "College van Bestuur"),  # the agent of the passive, not the owner of the plan
    ],
)  # fmt: skip
def test_the_body_is_the_subject_or_the_passive_agent_not_a_body_in_the_object(sentence: str, body: str) -> None:
    (found,) = extract_sentence(sentence)
    assert found["body"] == body


def test_the_institution_itself_decides_by_its_name_its_initials_or_as_the_university() -> None:
    assert acts(
        "De HD heeft ervoor gekozen de middelen bij de opleidingen te besteden.", None, "Hogeschool Duinstad"
    ) == [(None, "Hogeschool Duinstad", "decide")]
    assert acts("In 2022 the university was one of the signatories of the open science charter.", None,
                "Universiteit Duinstad") == [("2022", "Universiteit Duinstad", "agree")]  # fmt: skip
    assert acts("De hogeschool heeft ervoor gekozen de middelen te spreiden.") == []  # which institution is unknown
    assert acts("Afgesproken is dat dit past bij het beleid van de hogeschool.", None, "Hogeschool Duinstad") == []


def test_being_chosen_for_a_council_or_a_term_is_an_election_not_a_decision() -> None:
    assert acts("In mei 2021 is de kandidaat gekozen voor de Faculteitsraad.") == []
    assert acts("In 2021 werd de voorzitter van de Universiteitsraad gekozen voor een tweede termijn.") == []


def test_the_date_of_the_meeting_of_a_decision_dates_it_despite_the_van() -> None:
    sentence = "Tijdens de vergadering van 4 maart 2021 zegde het College van Bestuur toe een evaluatie te laten doen."
    assert acts(sentence) == [("2021-03-04", "College van Bestuur", "decide")]
    assert acts("De regeling van 4 maart 2021 is in juni 2021 door de Faculteitsraad vastgesteld.") == [
        ("2021-06", "Faculteitsraad", "adopt")  # the date of a regulation named by its date is not the decision's
    ]


def test_an_act_in_an_adverbial_clause_is_done_by_a_body_named_in_that_clause() -> None:
    sentence = "De Faculteitsraad stemde op 2 mei 2021 in met het plan, nadat de decaan had toegezegd hen te betrekken."
    # the dean's commitment is the dean's, not dated by the main clause ("nadat … had": before it)
    assert acts(sentence) == [("2021-05-02", "Faculteitsraad", "consent"), (None, "Decaan", "decide")]
    assert acts("Het geld komt er omdat de Eerste Kamer in 2022 heeft ingestemd met de wet.") == [
        ("2022", "Eerste Kamer", "approve")  # parliament's yes to a law is its approval (labelling rule 15)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2022 the House of Representatives accepted a motion on the consent right.",
        "A motion accepted by the House of Representatives in 2022 extended the consent right.",
        "In juni 2022 werd het wetsvoorstel door de Tweede Kamer aangenomen.",
    ],
)
def test_a_bill_or_motion_voted_through_is_an_approval(sentence: str) -> None:
    assert [(r[0], r[1], r[2]) for r in acts(sentence)] in (
        [("2022", "Tweede Kamer", "approve")],
        [("2022-06", "Tweede Kamer", "approve")],
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the verdict after its object, in the past tense
        ("De NVAO beoordeelde het plan in oktober 2019 positief.", [("2019-10", "NVAO", "assess_positively")]),
        ("Het bestuur van de NVAO beoordeelde dat plan op 3 juni 2019 negatief.",
         [("2019-06-03", "NVAO", "assess_negatively")]),  # the board of the NVAO is the NVAO
        # "vaststellen dat" is finding that, not adopting
        ("De commissie stelde op 3 juni 2019 vast dat het plan ambitieus was.", []),
        # a bill voted through; a commitment in the present tense; a season of a year
        # a bill parliament passes is approved (labelling rule 15), whether "nam … aan" or "aannam"
        ("In april 2015 nam de Eerste Kamer de Wet studievoorschot aan.", [("2015-04", "Eerste Kamer", "approve")]),
        ("Sinds de Eerste Kamer in april 2015 de Wet studievoorschot aannam, groeien de middelen.",
         [("2015-04", "Eerste Kamer", "approve")]),
        ("Op 9 oktober 2019 zegt het College van Bestuur toe de raad te informeren.",
         [("2019-10-09", "College van Bestuur", "decide")]),
        ("De Universiteitsraad stemde in het najaar van 2018 in met het plan.",
         [("2018", "Universiteitsraad", "consent")]),
        # a date in what is decided ("dat de raad in november …") is not when it was decided
        ("Het College van Bestuur zegt toe dat de raad op 1 november 2019 een overzicht ontvangt.",
         [(None, "College van Bestuur", "decide")]),
    ],
)  # fmt: skip
def test_verdicts_commitments_bills_and_seasons(sentence: str, expected: list) -> None:
    assert acts(sentence, "2019-10-09") == expected


def test_an_election_result_is_no_decision_and_last_night_is_yesterday() -> None:
    assert acts("Op 22 november 2022 heeft de verkiezingscommissie de uitslag van de verkiezing vastgesteld.") == []
    assert acts("De gemeenteraad van Eindhoven heeft gisteravond ingestemd met het plan.", "2023-10-05") == [
        ("2023-10-04", "Gemeenteraad van Eindhoven", "consent")  # the body as written, with its place
    ]


def test_a_vote_for_a_motion_counts_with_the_body_between_verb_and_preposition() -> None:
    assert acts("In april 2022 stemde de Tweede Kamer voor de motie over de basisbeurs.") == [
        ("2022-04", "Tweede Kamer", "approve")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 2021 kregen drie hogescholen een positief oordeel van de minister.",
         [("2021", "Ministerie van OCW", "assess_positively")]),  # a verdict received, the minister as its agent
        ("In mei 2020 hadden twee opleidingen een negatief besluit van de NVAO ontvangen.",
         [("2020-05", "NVAO", "assess_negatively")]),
        ("In juni 2021 werd het plan door de NVAO met een negatief besluit beoordeeld.",
         [("2021-06", "NVAO", "assess_negatively")]),  # a verdict noun between adverb and participle
        ("In 2022 heeft de minister vier plannen als positief herbeoordeeld.",
         [("2022", "Ministerie van OCW", "assess_positively")]),  # "als positief": "as", not "if"
        ("In 2021 the NVAO assessed the new plan positively.", [("2021", "NVAO", "assess_positively")]),
        ("Als het plan in 2022 door de minister negatief is beoordeeld, krijgt de hogeschool een jaar.", []),
        ("Om een positief oordeel van de minister te krijgen, moet het plan in 2022 worden herzien.", []),
        ("The minister received a positive advice from the University Council in 2021.", []),  # advice, not a verdict
        ("Instellingen die een positief oordeel van de NVAO ontvangen, krijgen in 2022 geld.", []),  # present tense
    ],
)  # fmt: skip
def test_a_verdict_received_or_worded_with_a_noun_is_an_assessment_but_a_condition_is_not(sentence, expected) -> None:
    assert acts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In mei 2020 kregen de plannen de instemming van de Faculteitsraad.",
         [("2020-05", "Faculteitsraad", "consent")]),
        ("Het College van Bestuur heeft in 2021 de goedkeuring van de Raad van Toezicht gekregen voor het plan.",
         [("2021", "Raad van Toezicht", "approve")]),  # the body the approval is of, not the one that received it
        ("In 2022 the plan received the approval of the Supervisory Board.",
         [("2022", "Raad van Toezicht", "approve")]),
        ("Het College van Bestuur heeft in 2022 de instemming van de Universiteitsraad nodig.", []),  # a requirement
        ("Voor dit plan moet het college in 2022 de goedkeuring hebben van de Raad van Toezicht.", []),
        ("Sinds 2018 heeft de Faculteitsraad het recht op instemming van de begroting.", []),  # a right
    ],
)  # fmt: skip
def test_a_consent_or_approval_held_or_received_is_one_by_the_body_it_is_of(sentence, expected) -> None:
    assert acts(sentence) == expected


def test_a_body_named_in_the_plural_is_its_canonical_body() -> None:
    assert acts("De faculteitsraden stemden in mei 2022 in met de begroting.") == [
        ("2022-05", "Faculteitsraad", "consent")
    ]
    assert acts("In 2021 the programme committees approved the new rules.") == [
        ("2021", "Opleidingscommissie", "approve")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De universiteit kiest er eveneens voor om meer docenten aan te nemen.",
         [(None, "Universiteit Duinstad", "decide")]),
        ("In 2022 koos het College van Bestuur er nadrukkelijk voor de regeling te schrappen.",
         [("2022", "College van Bestuur", "decide")]),
        ("In 2023 the Executive Board chooses to keep the library open.", [("2023", "College van Bestuur", "decide")]),
        ("De universiteit gaat er misschien voor kiezen om in 2025 te investeren.", []),  # a plan
        ("De Faculteitsraad wil ervoor kiezen de vergaderingen openbaar te maken.", []),  # an intention
    ],
)  # fmt: skip
def test_a_choice_in_the_present_tense_or_with_er_voor_split_is_a_decision(sentence, expected) -> None:
    assert acts(sentence, None, "Universiteit Duinstad") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 2019 tekende de minister van OCW het bestuursakkoord.", [("2019", "Ministerie van OCW", "agree")]),
        ("Het convenant werd in 2020 getekend door de minister.", [("2020", "Ministerie van OCW", "agree")]),
        ("In 2019 tekende de minister van OCW de brief aan de Kamer.", []),  # a letter, no agreement
        ("In 2021 tekende de Universiteitsraad bezwaar aan tegen het akkoord.", []),  # an objection
        ("De Faculteitsraad tekende voor de organisatie van het akkoord in 2019.", []),  # "tekenen voor": account for
        ("In 2020 tekende de Universiteitsraad de petitie tegen het akkoord.", []),  # a petition about an agreement
        ("In 2020 ondertekende de minister het akkoord met de VSNU.", [("2020", "Ministerie van OCW", "agree")]),
    ],
)  # fmt: skip
def test_signing_an_agreement_without_onder_is_an_agreement_but_objecting_or_accounting_is_not(sentence, expected):
    assert acts(sentence) == expected


def test_a_modal_in_a_fronted_indirect_question_does_not_reach_the_main_clause() -> None:
    sentence = (
        "Hoe de middelen verdeeld moeten worden, is in 2019 vastgelegd in een akkoord tussen de minister en de VSNU."
    )
    assert acts(sentence) == [("2019", "Ministerie van OCW", "agree")]
    assert acts("Hoe het plan zal worden goedgekeurd door de minister, is in 2021 nog onduidelijk.") == []


@pytest.mark.parametrize(
    ("sentence", "subjects"),
    [
        ("In 2021 besloot de Faculteitsraad dat de opleiding kleiner moet worden, en meer aandacht moet geven aan "
         "stages.", ["de opleiding kleiner moet worden", "meer aandacht moet geven aan stages"]),
        ("Op 4 mei 2022 besloot de Universiteitsraad dat de regeling vervalt, en dat de evaluatie openbaar wordt.",
         ["de regeling vervalt", "de evaluatie openbaar wordt"]),
        ("In 2021 besloot de Universiteitsraad dat de regeling vervalt, en de decaan was daar blij mee.",
         ["de regeling vervalt"]),  # a new main clause, not a second thing decided
    ],
)  # fmt: skip
def test_a_decision_on_two_coordinated_complement_clauses_is_two_decisions(sentence: str, subjects: list) -> None:
    found = extract_sentence(sentence)
    assert [f["act"] for f in found] == ["decide"] * len(subjects)
    assert [f["subject"].split(" dat ")[-1] for f in found] == subjects


@pytest.mark.parametrize(
    "sentence",
    [
        "Wanneer de minister het plan in 2022 positief heeft beoordeeld, volgt de toekenning.",
        "Zodra de Universiteitsraad in 2023 heeft ingestemd, start het plan.",
        "Tenzij de Raad van Toezicht in 2023 het plan heeft goedgekeurd, blijft de regeling bestaan.",
    ],
)
def test_a_decision_under_a_condition_introduced_by_wanneer_zodra_or_tenzij_is_not_taken(sentence: str) -> None:
    assert acts(sentence) == []


# --- round 3: recorded agreements, inverted reports, named associations, cited agents, panels ------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 2019 bereikten de Faculteitsraad en het College van Bestuur overeenstemming over het rooster.",
         ("2019", "Faculteitsraad", "agree")),
        ("In dit convenant leggen de minister van OCW en de hogescholen, te dezen vertegenwoordigd door hun koepel, "
         "op 2 mei 2020 hun overeenstemming vast over stages.", ("2020-05-02", "Ministerie van OCW", "agree")),
    ],
)  # fmt: skip
def test_an_agreement_reached_or_recorded_by_its_parties_is_an_agreement(sentence, expected) -> None:
    assert acts(sentence) == [expected]


def test_an_agreement_reported_in_an_inverted_clause_counts_though_what_was_agreed_is_conditional() -> None:
    sentence = (
        "Als de regering de subsidie niet meer zou betalen, was de afspraak in 2016, zou het geld naar scholen gaan."
    )
    assert [(f["date"], f["body"], f["act"], f["negated"]) for f in extract_sentence(sentence)] == [
        ("2016", "Regering", "agree", False)
    ]
    assert extract_sentence("Volgens de regering was de afspraak in 2016 onduidelijk.") == []  # no inverted report


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Als laatste punt heeft het College in 2023 nieuwe prestatieafspraken gemaakt met de instituten.",
         [("2023", "College", "agree")]),  # "als laatste": "as the last", no condition
        ("Als onderdeel van de begroting keurde de Universiteitsraad in 2021 het plan goed.",
         [("2021", "Universiteitsraad", "consent")]),
        ("Als het College in 2023 nieuwe prestatieafspraken heeft gemaakt, volgt een evaluatie.", []),  # "if"
    ],
)  # fmt: skip
def test_als_meaning_as_is_no_condition_but_als_meaning_if_is(sentence: str, expected: list) -> None:
    found = extract_sentence(sentence, "2024-01-01")
    assert [(f["date"], f["body"], f["act"]) for f in found] == expected


def test_a_condition_that_something_was_approved_is_no_decision() -> None:
    assert extract_sentence("Voorwaarde was dat de plannen in 2019 door de NVAO werden goedgekeurd.") == []


def test_an_association_named_by_its_proper_name_is_a_party_to_an_agreement() -> None:
    sentence = "Op 2 mei 2020 hebben de Vereniging Zeilscholen en de Vereniging Roeiclubs regels afgesproken."
    (found,) = extract_sentence(sentence)
    assert (found["date"], found["body"], found["act"]) == ("2020-05-02", "Vereniging Zeilscholen", "agree")
    assert found["parties"] == "Vereniging Zeilscholen; Vereniging Roeiclubs"


def test_a_citation_that_names_its_agent_reports_that_bodys_act() -> None:
    assert acts("De opleiding volgt de thema's zoals vastgesteld door het College van Bestuur.") == [
        (None, "College van Bestuur", "adopt")
    ]


def test_a_panel_of_an_assessing_body_assesses_for_it_also_when_the_next_sentence_gives_the_verdict() -> None:
    assert acts("De plannen zijn in 2020 positief beoordeeld door een panel van de NVAO.") == [
        ("2020", "NVAO", "assess_positively")
    ]
    text = "De plannen zijn in 2020 beoordeeld door een panel dat de NVAO benoemde. De uitkomst daarvan was negatief."
    assert [(r.date, r.body, r.act) for r in extract_decisions(text, "d", "c")] == [
        ("2020", "NVAO", "assess_negatively")
    ]
    advice = "De plannen zijn in 2020 beoordeeld door een panel van de Onderwijsraad. De uitkomst was positief."
    assert extract_decisions(advice, "d", "c") == []  # not an assessing body


@pytest.mark.parametrize(
    ("sentence", "institution", "expected"),
    [
        # another institution named in the sentence decides for itself
        (
            "Daarom kiest de Universiteit Duinstad ervoor om extra mentoren aan te nemen voor eerstejaars.",
            None,
            [("Universiteit Duinstad", "decide", "extra mentoren aan te nemen voor eerstejaars")],
        ),
        # the document's own university, capitalised, choosing in the present continuous
        (
            "This year the University is choosing to fund extra mentors for first-year students.",
            "Universiteit Polderland",
            [("Universiteit Polderland", "decide", "fund extra mentors for first-year students")],
        ),
        # the object of "has chosen to", not the word "chosen"
        (
            "The Faculty Board has chosen to invest in smaller tutorial groups.",
            None,
            [("Faculty Board", "decide", "invest in smaller tutorial groups")],
        ),
        # an institution after a preposition is a place: the students chose, no body decided
        ("Many pupils have chosen to enrol at Polderland University this autumn.", None, []),
        # "the University Council" is the council, "the University of X" another institution
        ("The University of Duinstad is a partner in the programme.", "Universiteit Polderland", []),
    ],
)
def test_an_institution_that_chooses_is_the_deciding_body(sentence: str, institution: str | None, expected) -> None:
    found = extract_sentence(sentence, None, institution)
    assert [(d["body"], d["act"], d["subject"]) for d in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Op 3 mei 2020 stemde de Universiteitsraad in.", [("2020-05-03", "Universiteitsraad", "consent")]),
        (
            "Na een toezegging van het college van bestuur stemde de raad in.",
            [(None, "College van Bestuur", "decide"), (None, "Raad", "consent")],
        ),
        ("De raad stemde tegen het voorstel in de vergadering.", [(None, "Raad", "reject")]),  # "in" of a place
    ],
)
def test_a_consent_without_its_object_ends_the_sentence_with_in(sentence: str, expected: list) -> None:
    assert [(d["date"], d["body"], d["act"]) for d in extract_sentence(sentence)] == expected


def test_the_tenth_synthetic_set_meets_its_measured_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve documents (a participation council's annual report, an executive board's decision list, a municipal
    council's formal decision, an NVAO decision, a Kamerbrief, English faculty council minutes, university news, a
    student paper's council report, a covenant of five parties, a page replacing a plan), written and labelled the same
    way (first run, blind, on stop 29's rules: P 0.66 R 0.59; developed on since: GMR, "niet-EER", a formal decision's
    numbered items and the votes of a meeting without their voters, "bereikten een akkoord", a subordinate clause's
    verb, "uw Kamer", "bij besluit van", advice lines, "in the same meeting": 0.90/0.89)."""
    score = _synthetic_score(10, tmp_path, capsys)
    assert score["gold"] == 63
    assert score["precision"] >= 0.92 and score["recall"] >= 0.92  # stop 31: an NVAO decision's own verdicts


def test_the_eleventh_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (faculty council minutes, a university council's decision list, a supervisory board's annual
    report, a programme committee's annual report, news of a minister's decision, a Kamerbrief, English participation
    council minutes, a press release on a three-party agreement, a student assembly's annual report, a municipal
    council's formal decision, an examination board's annual report, a board decision amending a regulation), written
    and labelled the same way (first run, blind, on stop 30's rules: P 0.71 R 0.49; developed on since: a formal
    decision's preamble ending in a comma and its closing meeting line, the Board and the Assembly a title names, an
    agreement dated by its signing, "informed … that it decided", "committed to", "namens", another ministry,
    an annual report's section that records no meeting, "het bestuurlijk overleg van <date>": 0.93/0.81)."""
    score = _synthetic_score(11, tmp_path, capsys)
    assert score["gold"] == 70
    assert score["precision"] >= 0.93 and score["recall"] >= 0.82  # 0.93 / 0.83 after stop 33's round


def test_the_twelfth_synthetic_set_keeps_its_first_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve documents (a faculty board's decision list, a university council's annual report in prose, student
    council minutes with votes and motions, a hogeschool's press release, a province's decision on a campus, a ministry
    news item, a timeline page, a student paper's council report, an NVAO letter, a university newsletter on a covenant
    with its city, programme committee minutes, a board decision replacing a regulation), written and labelled the same
    way after stop 31's round and run once on it: P 0.77 R 0.63, dated recall 0.66 (stop 30's rules: 0.77 / 0.60),
    the held-out figure of stop 31's round. Developed on in stop 32 (a preamble naming its body without an article,
    publishing items, the host of a decision list's bare "het bestuur", weekdays fixing a year, "Agreed:" lines,
    minutes titled with two meeting words, "Central Student Council"): 0.79 / 0.74, dated 0.77."""
    score = _synthetic_score(12, tmp_path, capsys)
    assert score["gold"] == 68
    assert score["precision"] >= 0.81 and score["recall"] >= 0.76  # 0.81 / 0.76 after stop 33's round


def test_the_thirteenth_synthetic_set_keeps_its_first_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve documents (a faculty council's decision list, university council minutes dated in their header, a
    board's formal decision, a participation council's annual report, a covenant news item, a Kamerbrief, an NVAO
    decision, a municipal council's formal decision, a student paper's report of a vote, a plan's recalibration, an
    English board resolution, faculty council minutes with a refused consent), written and labelled the same way
    after stop 31 and run once before stop 32's round: P 0.735 R 0.685, dated recall 0.71; stop 32's rules leave it
    unchanged. Developed on by stop 32's second round (a consent with its object fronted, a line that puts its item off,
    a formal decision's closing line "door het College in zijn vergadering van …", "In its decision of <date>", an
    annual report's year from its first heading): 0.86 / 0.77, dated 0.80."""
    score = _synthetic_score(13, tmp_path, capsys)
    assert score["gold"] == 73
    assert score["precision"] >= 0.86 and score["recall"] >= 0.79  # 0.87 / 0.80 after stop 33's round


def test_the_fourteenth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (a board's decision list, participation council minutes, a supervisory board's annual report,
    English faculty council minutes, news of a council's consent to a spending plan, a press release on a three-party
    agreement, a Kamerbrief, an NVAO decision, a student paper's report of a vote, a plan replacing an earlier one, an
    examination board's annual report, a timeline of a year's decisions), written and labelled the same way after
    stop 32's first round and run once on it: P 0.763 R 0.625, dated recall 0.65 (stop 31's rules: the same). Stop
    32's second round, from set 13: 0.767 / 0.639 (held out). Developed on by the third round (a timeline's entries
    that open with a line that is only a date, "the Board" of a Board of Examiners' report, a council that votes a
    proposal down, "weggestemd", "in juni van dit jaar"): 0.94 / 0.82, dated 0.85."""
    score = _synthetic_score(14, tmp_path, capsys)
    assert score["gold"] == 72
    assert score["precision"] >= 0.93 and score["recall"] >= 0.83  # 0.94 / 0.83 after stop 33's round


def test_the_fifteenth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (a university council's decision list, faculty council minutes, a board's formal decision
    replacing a regulation, a participation council's annual report, news of a consent to a spending plan, a press
    release on an agreement of several parties, a Kamerbrief, an NVAO letter, a student paper's report of three votes,
    a programme committee's annual report, a municipal council's decision, a timeline), written and labelled the same
    way after stop 32's second round: P 0.70 R 0.61 on it (stop 31's rules 0.71 / 0.63), 0.80 / 0.71 on the third
    round written from set 14 (held out); 0.83 / 0.73 after the fix of an academic year's report title its loss
    showed ("Annual Report 2022–2023" covers no single year). Developed on by stop 33's round (a vote tally, a
    commitment given to a council, a formal decision's closing line with its day, "de instemming van X van <dag>", a
    date that belongs to a later act, the line saying at which meeting minutes were adopted, a municipality's council
    and executive written in English, "agreed to"): 0.97 / 0.93, dated 0.93."""
    score = _synthetic_score(15, tmp_path, capsys)
    assert score["gold"] == 75
    assert score["precision"] >= 0.97 and score["recall"] >= 0.93


def test_the_sixteenth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (university council minutes dated in their lifted heading, a participation council's decision
    list, a student paper's report of a vote, an examination board's annual report, a board's formal decision, a
    press release on a five-party agreement, a Kamerbrief, English faculty council minutes, a campus plan amending
    earlier ones, news of a council voting a budget down, a preview of a council meeting, an institutional plan),
    written and labelled the same way after stop 32 and run once on its rules: P 0.673 R 0.583, dated 0.607; 0.660 /
    0.583 on stop 33's first round (held out). Developed on by the second round: 0.90 / 0.85, dated 0.89."""
    score = _synthetic_score(16, tmp_path, capsys)
    assert score["gold"] == 60
    assert score["precision"] >= 0.89 and score["recall"] >= 0.85


def test_the_seventeenth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (university council minutes, a hogeschool council's decision list, a board's formal decision,
    a ministry news item on a merger, a revised institutional plan, budget news in passive and nominal forms, a
    student paper's article with relative dates, a council's annual report, a press release on a four-party
    agreement, faculty council minutes, news of a refused consent, an FAQ page), written and labelled the same way
    after stop 33's first round and run once on it: P 0.915 R 0.831, dated 0.847 (stop 32's rules 0.879 / 0.785);
    0.917 / 0.846 on the second round (held out). Developed on by the third round (a promise that, a plan a body owns,
    a question whether something was decided): 0.95 / 0.88."""
    score = _synthetic_score(17, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.95 and score["recall"] >= 0.87


def test_the_eighteenth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (faculty council minutes dated in their header, a board's decision list, a student paper's
    article with relative dates, a programme committee's annual report, a faculty board's formal decision, a covenant
    of four parties, a ministry letter, English joint assembly minutes, a plan replacing an earlier one, a timeline
    and FAQ page, an NVAO decision, news of a council postponing and refusing), written and labelled the same way after
    stop 33's second round and run once on it: P 0.852 R 0.800, dated 0.825 (stop 32's rules 0.862 / 0.769); the same
    on the third round (held out). Developed on by the fourth round (a timeline entry's own line, "bij e-mailronde
    van", "in the same decision of", the college van burgemeester en wethouders, "mijn ministerie", "turned down",
    "A and B agree that", a decision told as background): 0.98 / 0.94."""
    score = _synthetic_score(18, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.98 and score["recall"] >= 0.93


def test_the_nineteenth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (university council minutes with commitment and action lines, a faculty board's decision list,
    a participation council's annual report by month, a student paper's article, a press release on a four-party
    agreement, a minister's letter, English faculty council minutes with votes, a board's formal decision replacing a
    regulation, a campus timeline with dated headings, an NVAO decision, an interview, news of a supervisory board),
    written and labelled the same way after stop 33's third round and run once on it: P 0.621 R 0.554, dated 0.574
    (stop 32's rules 0.574 / 0.477); the same held out by the fourth round. Developed on by the fifth round (a closing
    line with two verbs, a timeline's date headings, "besluiten over" naming no meeting, parliament's passive yes, a
    decided verdict, "als onvoldoende", "has to", a meeting's month, "the council" no supervisory board): 0.85 /
    0.79."""
    score = _synthetic_score(19, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.85 and score["recall"] >= 0.78


def test_the_twentieth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (joint assembly minutes, a board's decision list, a faculty council's annual report by month,
    campus news with relative dates, a press release on a regional covenant, a ministry news item, English university
    council minutes, a board's formal decision replacing a regulation, a supervisory board's page of dated decisions,
    an NVAO summary, an opinion piece, a student union's press release), written and labelled the same way after stop
    33's fifth round and run once on it: P 0.703 R 0.692 (stop 32's rules 0.667 / 0.646). Developed on by the sixth
    round (an entry led by its full date and a full stop, "the Board" of a supervisory board's own page, "this
    February", a decision not taken): 0.79 / 0.77; stop 34's first round, from set 21 (an annual report's paragraphs
    led by their month): 0.91 / 0.89; by its second round: 0.91 / 0.91."""
    score = _synthetic_score(20, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.9 and score["recall"] >= 0.9


def test_the_twenty_first_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (faculty council minutes, a board's English decision list, a formal decision with two parts, a
    minister's letter with motions, an interview with a rector, English programme committee minutes, a council's
    annual report by month, an NVAO decision, a campus timeline with headings led by their date, a press release on
    an agreement, a hospital's and a university's news), written and labelled the same way after stop 33's fifth
    round and run once on its sixth: P 0.767 R 0.708, dated 0.689 (stop 32's rules 0.729 / 0.662). Developed on by
    stop 34's first round (headings led by a date, paragraphs led by a month in the year a report covers, the time of
    what was decided, nothing decided, questions, a present-tense adoption in a later month): 0.95 / 0.85; by its
    second round, from set 22: 0.97 / 0.88."""
    score = _synthetic_score(21, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.96 and score["recall"] >= 0.87


def test_the_twenty_second_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (a formal decision with recitals, a minister's letter, an English news item on a budget, an
    FAQ page, a memorandum of understanding, English faculty and university council minutes, a university's annual
    report with a chronology of bulleted entries under month lines, a council's annual report, news of a council's
    consent, council minutes with commitments), written and labelled the same way before stop 34's first round and run
    once: P 0.845 R 0.662, dated 0.681 (stop 33's rules and stop 34's first round alike). Developed on by stop 34's
    second round (bulleted entries under month lines, signing "hun handtekening onder", "bereiken overeenstemming",
    Dutch verdicts "oordeelde / kwam tot / viel uit", a bare kind after its body, "last December", "koos er … voor",
    minutes adopted mid-line, "votes against", "on behalf of", a formal decision's recital): 0.94 / 0.89."""
    score = _synthetic_score(22, tmp_path, capsys)
    assert score["gold"] == 74
    assert score["precision"] >= 0.94 and score["recall"] >= 0.89


def test_the_twenty_third_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (Dutch faculty council minutes, English university council minutes, a board's decision list as
    a table, a student council's annual report with a chronology table, a student paper's news, a press release on a
    three-party housing agreement, an NVAO summary, a minister's letter, a regulation with its preamble, a programme
    committee's annual report, an FAQ page, a staff newsletter of short items), written and labelled the same way
    after stop 34's first round and run once on it: P 0.804 R 0.649, dated 0.686 (stop 33's rules alike); 0.809 /
    0.667 on the second round (held out). Developed on by the third round (a table row led by its date, a news item's
    meeting is no meeting it records, "Na overleg met X besluit Y", "maken afspraken", "earlier this week", a lead's
    day before its month): 0.94 / 0.81."""
    score = _synthetic_score(23, tmp_path, capsys)
    assert score["gold"] == 57
    assert score["precision"] >= 0.93 and score["recall"] >= 0.8


def test_the_twenty_fourth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve documents (joint assembly minutes with a table of decisions, a board's weekly bulletin, a faculty
    council's newsletter, a student party's blog, a council's yearly report by theme, a supervisory board's letter, an
    NVAO decision on an appeal, a minister's letter, a three-party covenant, a timeline of year lines, an interview, a
    municipal council's decision), written and labelled the same way after stop 34's second round and run once on it:
    P 0.857 R 0.621, dated 0.596 (stop 33's rules 0.829 / 0.586); the same on the third round (held out). Developed on
    by the fourth round (a timeline's year lines, "reach agreement", "reaches a positive judgement", a board's letter
    saying "we", an overview of what a board decided): 0.91 / 0.71."""
    score = _synthetic_score(24, tmp_path, capsys)
    assert score["gold"] == 58
    assert score["precision"] >= 0.9 and score["recall"] >= 0.7


def test_the_twenty_fifth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (university council minutes with "Besluit:" lines, an English board decision list, a student
    paper's article with relative dates, a council's annual report by theme, a press release on a four-party accord, an
    NVAO re-assessment, a minister's letter, a faculty board's formal decision, a timeline, an FAQ page), written and
    labelled the same way after stop 34's third round and run once on it: P 0.829 R 0.784, dated 0.806 (stop 33's
    rules 0.788 / 0.703); the same on the fourth round (held out). Developed on by the fifth round (a party that did not
    sign made no agreement, "the Board turns the request down"): 0.88 / 0.81."""
    score = _synthetic_score(25, tmp_path, capsys)
    assert score["gold"] == 37
    assert score["precision"] >= 0.88 and score["recall"] >= 0.8


def test_the_twenty_sixth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eight documents (an English board decision list by meeting, an FAQ page, a faculty council's Dutch minutes, a
    minister's letter, a student paper's article, an NVAO decision summary, a participation council's annual report
    by month, a press release on a three-party accord), written and labelled the same way after stop 34's fourth
    round and run once on it: P 0.781 R 0.641, dated 0.647 (stop 33's rules the same); the same on the fifth round
    (held out). Developed on by stop 35's first round (an annual report's month headings, no lead on a page of
    questions or outside a news item's first paragraphs, "It also approved", "decided not to A and to B", "declined
    the request", "established the code", "following the positive vote of", "Established:" lines): 0.97 / 0.95."""
    score = _synthetic_score(26, tmp_path, capsys)
    assert score["gold"] == 39
    assert score["precision"] >= 0.95 and score["recall"] >= 0.9


def test_the_twenty_seventh_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a faculty council's Dutch minutes, an executive board's decision list as a table, a university
    paper's article on a council vote, a programme committee's annual report by quarter, a formal decision with recitals
    and articles, a press release on a four-party covenant, a plan's timeline, an FAQ page, a board's letter to its
    council, an interview with a dean), written and labelled the same way at the start of stop 35 and run once on the
    committed code: P 0.861 R 0.620, dated 0.652 (stop 33's rules the same); the same on stop 35's first round (held
    out). Developed on by its second round (a timeline entry's year for a day in it, "een maand later", an entry's date
    past its own lead-in line, "… en goedkeuring door", a table cell's "Vastgesteld:", minutes adopted verb first, "wat
    de raad heeft besloten"): 0.95 / 0.74."""
    score = _synthetic_score(27, tmp_path, capsys)
    assert score["gold"] == 50
    assert score["precision"] >= 0.94 and score["recall"] >= 0.72


def test_the_twenty_eighth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (university council minutes, a faculty board's decision list as a table, a student paper's news
    item, a participation council's annual report by quarter, a municipality's formal decision, a press release on a
    five-party covenant, a plan's timeline by year, a board's letter to its council, a council newsletter, an opinion
    piece), written and labelled the same way in stop 35 after its first round and run once on it: P 0.767 R 0.460,
    dated 0.479 (stop 34's and stop 33's rules the same); the same on the second round (held out). Developed on by
    the third round (a timeline's year headings, a year-dated document's days, "hecht zijn goedkeuring aan", a fronted
    clause's negation, a decision list's table of outcomes, a newsletter section's own day, a semicolon's clause,
    "voted 13 to 6 in favour of"): 0.95 / 0.74."""
    score = _synthetic_score(28, tmp_path, capsys)
    assert score["gold"] == 50
    assert score["precision"] >= 0.94 and score["recall"] >= 0.72


def test_the_twenty_ninth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (faculty council minutes, a board's decision list with bullets and a table, a university
    magazine's news item, a student council's annual report by month, a municipal council's formal decision, a press
    release on a four-party covenant, a plan's version history, a board's letter to its council, a service council's
    newsletter, an interview), written and labelled the same way in stop 35 after its second round and run once on
    it: P 0.667 R 0.440, dated 0.489 (stop 34's and stop 33's rules 0.636 / 0.420); the same on the third round (held
    out). Developed on by the fourth round (a decision list's table rows under a meeting heading, "established the
    accounts", "has not yet approved" decides nothing, a council named by two words before its kind, "inmiddels"
    places a decision outside the meeting a report is headed by): 0.85 / 0.58."""
    score = _synthetic_score(29, tmp_path, capsys)
    assert score["gold"] == 50
    assert score["precision"] >= 0.85 and score["recall"] >= 0.58


def test_the_thirtieth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (joint council minutes, a board's decision list with bullets and a table, a university paper's
    news item, a faculty council's annual report by theme, a municipal executive's formal decision, a press release on
    a four-party pact, a plan's version history, an FAQ page, a board's letter to its council, a newsletter with a
    column), written and labelled the same way in stop 35 after its third round and run once on it: P 0.725 R 0.592,
    dated 0.609 (stop 34's rules 0.700 / 0.571, stop 33's 0.703 / 0.531); 0.750 / 0.612 on the fourth round (held out).
    Developed on by the fifth round (an annual report known by its document type, no lead in an annual report, a
    decision list's bullets led by their item's title: "Adopted, and sent to …", "Decision to …", "the request was not
    approved"): 0.81 / 0.69."""
    score = _synthetic_score(30, tmp_path, capsys)
    assert score["gold"] == 49
    assert score["precision"] >= 0.8 and score["recall"] >= 0.69


def test_the_thirty_first_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a board's letter to its council, a plan's version history, faculty council minutes, a workers'
    council's annual report, a board's quarterly decision list with a table, a student paper's news item, an FAQ
    page, a faculty newsletter, a municipal executive's policy rule, a press release on a four-party pact), written and
    labelled the same way in stop 35 after its fourth round and run once on it: P 0.771 R 0.540, dated 0.556 (stop
    34's and stop 33's rules 0.706 / 0.480); the same on the fifth round (held out). Developed on by stop 36's first
    round (a condition's body did not act, a newsletter paragraph led by its meeting's body and day, a letter's writer
    named before its addressee, "last spring", "starting in January", a formal decision's one operative line, "put
    their signatures under", "gave … a formal undertaking"): 0.88 / 0.72."""
    score = _synthetic_score(31, tmp_path, capsys)
    assert score["gold"] == 50
    assert score["precision"] >= 0.87 and score["recall"] >= 0.72


def test_the_thirty_second_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (university council minutes, a board's decision list, a board's letter to its council, a news
    item, an annual report's governance section, a formal decision on an institutional plan, a council's newsletter,
    a curriculum timeline, a faculty council's table of meeting outcomes, an FAQ page), written and labelled the same
    way in stop 36 and run once on 316e154: P 0.782 R 0.672, dated 0.683 (stop 34's rules 0.759 / 0.641, stop 33's
    0.750 / 0.609); the same on stop 36's first round (held out). Developed on by its second round (a council's
    table of outcomes, "Consent given" / "Consent provisionally withheld", each row dated by its own cell; a record
    dated to a month gives way to the same decision dated to a day in it; an amount's point ends no decision; a
    decision line's condition does not negate it; a council's newsletter says "we" and "our council"; "voted 11 to 3
    against"; "refused its consent"): 0.84 / 0.83."""
    score = _synthetic_score(32, tmp_path, capsys)
    assert score["gold"] == 64
    assert score["precision"] >= 0.84 and score["recall"] >= 0.82


def test_the_thirty_third_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a board's decision list, a staff magazine's interview with a board member, a programme
    committee's annual report, a council's letter to its board, faculty council minutes, a university paper's news
    item, a supervisory board's report, a council's look back on its term, a formal decision with recitals, a report
    of consultation between board and council), written and labelled the same way in stop 36 and run once on its
    first round (0528ba0): P 0.873 R 0.738, dated 0.738 (stop 35's final rules 0.855 / 0.723, stop 34's 0.873 /
    0.738); the same on the second round (held out). Developed on by the third round (a condition's words do not place
    a decision outside its meeting, a body in a clause after an active act did not do it, "two months later" counts
    on from the last dated decision, "decided not to consent"): 0.94 / 0.78."""
    score = _synthetic_score(33, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.94 and score["recall"] >= 0.78


def test_the_thirty_fourth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a student party's blog, joint meeting minutes, a board's press statement, a faculty board's
    decision list, a council's advice with the board's reply, a programme page's changes, a quality-agreements
    progress report, a works council's newsletter, a municipal news item on student housing, a dean's column),
    written and labelled the same way in stop 36 and run once on its second round (3023ce7): P 0.829 R 0.586, dated
    0.571 (stop 35's and stop 34's rules 0.805 / 0.569); 0.854 / 0.603 on the third round (held out). Developed on by
    the fourth round ("this spring", a proposal's infinitive is no intention, each letter of a page says "we" for the
    writer its header names, a pronoun after a time is the body the sentence before named): 0.89 / 0.69."""
    score = _synthetic_score(34, tmp_path, capsys)
    assert score["gold"] == 58
    assert score["precision"] >= 0.88 and score["recall"] >= 0.69


def test_the_thirty_fifth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a university council's decision list, an annual report's chapter on participation, a faculty
    newsletter, an open letter from student parties, an accreditation body's decisions, a regional newspaper's
    article, a policy page with a version table, a council's questions and answers after a vote, a board's memo to
    staff, faculty council minutes with decisions and action points), written and labelled the same way in stop 36
    and run once on its third round (679331b): P 0.755 R 0.627, dated 0.618 (stop 35's final rules 0.771 / 0.627);
    0.760 / 0.644 on the fourth round (held out). Developed on by the fifth round ("vanmiddag" / "this afternoon", a
    season before its year, a version table's rows dated by their own date cells, "your board" in a letter is its
    addressee): 0.85 / 0.75."""
    score = _synthetic_score(35, tmp_path, capsys)
    assert score["gold"] == 59
    assert score["precision"] >= 0.84 and score["recall"] >= 0.74


def test_the_thirty_sixth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a supervisory board's meeting report, a participation council's position paper, a short report
    of a faculty council, a works council's annual report, a students' FAQ on a regulation, a board's decision page,
    a minister's letter, a housing foundation's press release, a student paper's live blog of a council meeting and
    a programme committee's minutes), written and labelled the same way in stop 36 and run once on 343091f: P 0.750
    R 0.610, dated 0.636 (stop 35's final rules the same); held out by stop 36's fifth round (unchanged). Developed on
    by stop 37's first round (the day a council met in a report's opening, today's meeting, counted votes, a letter's
    signatory, "at the same meeting" of the acting body): 0.93 / 0.92."""
    score = _synthetic_score(36, tmp_path, capsys)
    assert score["gold"] == 59
    assert score["precision"] >= 0.93 and score["recall"] >= 0.91


def test_the_thirty_seventh_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a students' FAQ, a council's decision list in bullets, a press release on a joint programme, a
    bilingual timeline, a programme committee's advice, a council member's blog, a letter thread between a council
    and its board, a student paper's interview, faculty council minutes, a faculty council's annual report), written
    and labelled the same way in stop 37 and run once on ec756a5: P 0.684 R 0.600, dated 0.607; held out by stop 37's
    first round (unchanged). Developed on by its second round (a bilingual entry said twice, each letter's own
    meeting, consent bullets, "Eind oktober", months later from the month told before, "besliste"): 0.88 / 0.81."""
    score = _synthetic_score(37, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.88 and score["recall"] >= 0.81


def test_the_thirty_eighth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a board's quarterly update, a joint assembly's minutes with votes, a student party's pamphlet, a
    programme committee's newsletter, a staff magazine's questions and answers, a Flemish decision note, an
    accreditation news item, a supervisory board's annual report, a page of short news items, a table of a council's
    consents per year), written and labelled the same way in stop 37 and run once on 16fa440: P 0.822 R 0.569, dated
    0.538; held out by stop 37's second round (0.826 / 0.585). Developed on by its third round (a table's outcome
    column, a signing day in the sentence after an agreement, a board's line in session over its numbered items):
    0.87 / 0.72."""
    score = _synthetic_score(38, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.87 and score["recall"] >= 0.72


def test_the_thirty_ninth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a faculty board's decision table, a student council's newsletter, a works council's minutes, a
    rector's opening speech, a staff magazine's article on a reorganisation, a council's annual report by month, an FAQ
    on hybrid working, a council's letter with conditional consents, an examination board's annual report, a
    municipality's press release), their paragraphs wrapped at a fixed width, written and labelled the same way in
    stop 37 and run once on d7f88d6: P 0.702 R 0.508, dated 0.492; held out by stop 37's third round (unchanged).
    Developed on by its fourth round (a wrapped paragraph read as sentences, a letter's dateline, a counted consent in
    brackets): 0.73 / 0.66."""
    score = _synthetic_score(39, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.72 and score["recall"] >= 0.66


def test_the_forty_first_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a faculty council's minutes, a hogeschool board's decision list of two meetings under
    sub-headings, a student paper's article, a participation council's annual report with a table of outcomes, an email
    thread between a council and its dean, a board's formal decision, a web FAQ, a council member's blog, an interview
    with a supervisory board's chair, a municipality's press release), written and labelled the same way in stop 38 and
    run once on e42e93d: P 0.707 R 0.651, dated 0.632. Developed on by stop 38's first two rounds (a meeting heading
    over sub-headings, a label that names the act, the same meeting in a later section, an interview's chair, an
    answer restating its question's decision, "the faculty board"): 0.87 / 0.87."""
    score = _synthetic_score(41, tmp_path, capsys)
    assert score["gold"] == 63
    assert score["precision"] >= 0.87 and score["recall"] >= 0.87


def test_the_forty_second_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a university council's minutes, a supervisory board's annual report, a works council's
    newsletter, a programme committee's decision list, a staff magazine's article, a rector's speech, a minister's
    letter, a covenant of four parties, a participation council's FAQ, a campus plan's timeline), written and labelled
    the same way in stop 38 and run once on e42e93d: P 0.897 R 0.812, dated 0.836; held out by stop 38's first two
    rounds (unchanged). Developed on by its third round (days and weeks later or ago, "the Board" in the report of the
    board that writes it): 0.95 / 0.86. Stop 40's second round found one decision more (a timeline's present-tense
    lease) and a letter of intent signed by two universities, with the wrong party (its considerations' list is read
    as one sentence with the next, which names the Executive Board): 0.933 / 0.875."""
    score = _synthetic_score(42, tmp_path, capsys)
    assert score["gold"] == 64
    assert score["precision"] >= 0.93 and score["recall"] >= 0.87


def test_the_forty_third_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a faculty board's decision list by meeting, an examination board's minutes, a student party's
    election paper, a university news item, a works council's annual report, an interview with a council chair, a
    council's letter to its board, a hogeschool council's minutes with "Besluit:" and "Actie:" lines, a ministry's press
    release, a reorganisation's chronology), written and labelled the same way in stop 38 and run once on dd1dd6f:
    P 0.923 R 0.738, dated 0.717; held out by stop 38's third round (unchanged). Not developed on yet: the next
    round's held-out set."""
    score = _synthetic_score(43, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.92 and score["recall"] >= 0.73


def test_the_forty_fourth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a central works council's minutes with tables of decisions and commitments, a faculty council's
    newsletter, a rector's new-year speech, a student union's press release, a university council's year by month, a
    programme committee's annual report, a page of questions and answers on a regulation, an accreditation body's
    decision letter, an e-mail thread between a dean and a council, a board's formal decision), written and labelled
    the same way in stop 38 after its last rule and run once on a3adf8a: P 0.776 R 0.714, dated 0.690 (stop 37's
    final rules, e42e93d: 0.741 / 0.683). Stop 39's first round was developed on it (its e-mail thread): 0.845 /
    0.778, dated 0.759; and its fourth (its accreditation body's letter): 0.879 / 0.810, dated 0.793."""
    score = _synthetic_score(44, tmp_path, capsys)
    assert score["gold"] == 63
    assert score["precision"] >= 0.87 and score["recall"] >= 0.81


def test_the_forty_fifth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a faculty council's minutes with numbered items, a news article with reported speech, a
    supervisory board's annual report, an e-mail thread of a university council, an executive board's decision list, a
    council's letter of consent and advice, a page of questions and answers, a year overview by day, a faculty
    newsletter, tables of decisions and commitments), written and labelled the same way in stop 39 before its first
    rule and run once on 2d0c90d: P 0.804 R 0.652, dated 0.652. Held out by stop 39's first round (0.821 / 0.667), then
    developed on in its second: 0.852 / 0.754, dated 0.758. Stop 40's third round reads "its faculty board decided"
    as a body, which the labels write "Faculteitsbestuur" (the labelling rules say: as written): 0.839 / 0.754."""
    score = _synthetic_score(45, tmp_path, capsys)
    assert score["gold"] == 69
    assert score["precision"] >= 0.83 and score["recall"] >= 0.75


def test_the_forty_sixth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a university council's motion tracker, a rector's opening speech, an interview with a dean, a
    student council member's blog, a national association's press release, a page on a council's consent rights with
    past decisions, a faculty board's annual plan, a programme committee's minutes in bullets, a minister's letter to a
    university, a chronology of a dispute), written and labelled the same way in stop 39 and run once on 286bf04:
    P 0.839 R 0.671, dated 0.672; held out by stop 39's second round (unchanged), then developed on in its third:
    0.875 / 0.700. Stop 40's second round finds "twee weken later ging de raad alsnog akkoord", undated (the label
    dates it by the meeting two weeks before, which the round does not read): 0.860 / 0.700."""
    score = _synthetic_score(46, tmp_path, capsys)
    assert score["gold"] == 70
    assert score["precision"] >= 0.86 and score["recall"] >= 0.7


def test_the_forty_seventh_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ten documents (a university council's minutes with lists of decisions and actions, a hogeschool's news on a
    strike agreement, a supervisory board's report to the minister, an examination board's annual report, a students'
    union newsletter, an accreditation body's summary of decisions, a dean's e-mail to staff, a faculty council's
    response letter, questions and answers on budget cuts, a board's decision with considerations), written and
    labelled the same way in stop 39 and run once on add39c9: P 0.873 R 0.846, dated 0.857; held out by stop 39's
    third and fourth rounds (unchanged), then developed on in its fifth: 0.889 / 0.862, dated 0.873."""
    score = _synthetic_score(47, tmp_path, capsys)
    assert score["gold"] == 65
    assert score["precision"] >= 0.88 and score["recall"] >= 0.86


def test_the_forty_eighth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eight documents (a university council's annual report, a board's letter answering a council's advice, a student
    paper's timeline of a conflict, a faculty council's minutes, a board's decision list, a ministry's press release, a
    works council's newsletter, questions and answers on a study-advice rule), written and labelled the same way in
    stop 39 and run once on 8594709: P 0.882 R 0.833, dated 0.827; held out by stop 39's fifth round (unchanged), then
    developed on in stop 40's first round: 0.964 / 0.981, dated 0.981."""
    score = _synthetic_score(48, tmp_path, capsys)
    assert score["gold"] == 54
    assert score["precision"] >= 0.96 and score["recall"] >= 0.98


def test_the_forty_ninth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nine documents (a university council's minutes, a hogeschool board's decision list over two meetings, a news
    story of a merger told with relative dates, a dean's e-mail to the faculty council, a participation council's
    annual report, questions and answers on a tuition fee, a timeline of a campus project, an interview with a board's
    chair, a news digest of outside bodies), written and labelled the same way in stop 40 and run once on c2859a2:
    P 0.817 R 0.700, dated 0.706; held out by stop 40's first round (unchanged), then developed on in its second:
    0.938 / 0.857, dated 0.853; 0.938 / 0.871 after the third (hard-wrapped paragraphs read whole)."""
    score = _synthetic_score(49, tmp_path, capsys)
    assert score["gold"] == 70
    assert score["precision"] >= 0.93 and score["recall"] >= 0.87


def test_the_fiftieth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nine documents (a university council's annual report with a heading per meeting month, a participation council
    member's blog, questions and answers with a rector, a board's formal decision with its considerations, a board's
    decision list as a table, a live blog of a council meeting, a ministry's press release on several institutions, a
    faculty newsletter, a faculty council's minutes with its announcements), written and labelled the same way in stop
    40 and run once on d1c88b3: P 0.833 R 0.597, dated 0.609; held out by stop 40's second round (unchanged), then
    developed on in its third (hard-wrapped paragraphs read whole among its fixes): 0.898 / 0.791, dated 0.812. Stop
    45's eighth round finds the examination board's rejection of a request "om … te …" in the faculty council's
    minutes, which it dates by their meeting where the label leaves it undated: 0.883 / 0.791."""
    score = _synthetic_score(50, tmp_path, capsys)
    assert score["gold"] == 67
    assert score["precision"] >= 0.88 and score["recall"] >= 0.79


def test_the_fifty_first_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eight documents (a faculty board's decision list under its meeting dates, a news article on a students'
    union congress and a national accord, an examination board's annual report, a municipal council's report on
    student housing, questions and answers on a teaching model's history, a forwarded e-mail thread between a council
    chair and a board secretary, a participation council's year overview in the first person, an alliance's press
    release), written and labelled the same way in stop 40 and run once on a7a7f63: P 0.843 R 0.652, dated 0.655; held
    out by stop 40's third round (unchanged), then developed on in its fourth: 0.906 / 0.727, dated 0.707."""
    score = _synthetic_score(51, tmp_path, capsys)
    assert score["gold"] == 66
    assert score["precision"] >= 0.9 and score["recall"] >= 0.72


def test_the_fifty_second_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a programme committee's minutes with an action list, a student paper's week in review, a
    university's page of decisions and their status, a minister's letter to a university board, a participation
    council's letter of consent, an interview with a dean, a news item on a strike agreement), written and labelled the
    same way in stop 40 and run once on 1f4e312: P 0.682 R 0.600, dated 0.700; held out by stop 40's fourth round
    (unchanged), then developed on in its fifth: 0.780 / 0.640, dated 0.700."""
    score = _synthetic_score(52, tmp_path, capsys)
    assert score["gold"] == 50
    assert score["precision"] >= 0.78 and score["recall"] >= 0.64


def test_the_fifty_third_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Six documents (a university's page of recent decisions with a status per item, a faculty council's minutes, a
    news article on a national agreement, a supervisory board's annual report, a council member's blog, a board's
    letter answering its council's advice), written and labelled the same way in stop 40 and run once on 646a29f: P
    0.795 R 0.778, dated 0.778; held out by stop 40's fifth round (unchanged; its helper was asked for a page of recent
    decisions and for a description of powers, the forms set 52 had just shown, so it is no clean held-out set for that
    round); developed on in stop 41's first round: 0.870 / 0.889, dated 0.889."""
    score = _synthetic_score(53, tmp_path, capsys)
    assert score["gold"] == 45
    assert score["precision"] >= 0.87 and score["recall"] >= 0.88


def test_the_fifty_fourth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a faculty council's decision list with "Besluit:" and "Toezegging:" lines, a programme
    committee's minutes, a participation council's annual report, a university newspaper's article, questions and
    answers on an attendance rule, a national students' organisation's press release, a formal framework with
    "Vastgesteld door … op" lines), written and labelled the same way in stop 41 and run once on 5b0b975: P 0.917 R
    0.846, dated 0.889; held out by stop 41's first three rounds (unchanged each time), then developed on in its
    fourth: 0.971 / 0.872."""
    score = _synthetic_score(54, tmp_path, capsys)
    assert score["gold"] == 39
    assert score["precision"] >= 0.97 and score["recall"] >= 0.87


def test_the_fifty_fifth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a university council's question session, an executive board's agenda with a decision per
    item, a budget letter of a university of applied sciences, a students' union newsletter, an accreditation summary,
    a timeline of a study-advice policy, a dean's column), written and labelled the same way in stop 41 and run once on
    5b0b975: P 0.727 R 0.627, dated 0.667; held out by stop 41's first round (unchanged), then developed on in its
    second: 0.833 / 0.784, dated 0.844."""
    score = _synthetic_score(55, tmp_path, capsys)
    assert score["gold"] == 51
    assert score["precision"] >= 0.83 and score["recall"] >= 0.78


def test_the_fifty_sixth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (minutes of a joint meeting of two councils, a faculty board's weekly bulletin, an examination
    board's decision letter to a student, a student magazine's long read on a contested move, a municipal council's
    debate on student housing, a supervisory board's press statement, a regulation's page with its history), written
    and labelled the same way in stop 41 and run once on 10258a2: P 0.875 R 0.651, dated 0.659; developed on in stop
    41's third round: 0.909 / 0.698, dated 0.707."""
    score = _synthetic_score(56, tmp_path, capsys)
    assert score["gold"] == 43
    assert score["precision"] >= 0.9 and score["recall"] >= 0.69


def test_the_fifty_seventh_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a faculty council's decision list with action points, a university of applied sciences'
    board decision list, a news item on a council vote, a participation council's annual report, a staff bulletin, an
    assessment body's letter on a reassessment, a regulation page with its revision history), written and labelled
    the same way in stop 42 and run once on e727d77: P 0.841 R 0.685, dated 0.698; developed on in stop 42's first
    round: 0.911 / 0.759, dated 0.774."""
    score = _synthetic_score(57, tmp_path, capsys)
    assert score["gold"] == 54
    assert score["precision"] >= 0.91 and score["recall"] >= 0.75


def test_the_fifty_eighth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a university council's meeting with its board, by agenda item, a programme committee's annual
    report, a supervisory board's report, an intranet item on a faculty board reversing its own decision, a joint press
    release on a cooperation agreement, a student newspaper on a close faculty council vote, an examination board's
    rules with their change history), written and labelled the same way in stop 42 and run once on e727d77: P 0.744 R
    0.696, dated 0.696; held out by stop 42's first round (unchanged); developed on in stop 43: 0.778 / 0.761."""
    score = _synthetic_score(58, tmp_path, capsys)
    assert score["gold"] == 46
    assert score["precision"] >= 0.77 and score["recall"] >= 0.76


def test_the_fifty_ninth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a faculty board's decision list, a student assessor's half-year report, a university news story
    after a long consultation, a regional newspaper on a programme's closure, an interview with a council chair, a
    foundation board's minutes, a formal decision with its considerations), written and labelled the same way in stop
    42 and run once on 363d082: P 0.775 R 0.705, dated 0.683."""
    score = _synthetic_score(59, tmp_path, capsys)
    assert score["gold"] == 44
    assert score["precision"] >= 0.77 and score["recall"] >= 0.7


def test_the_sixtieth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a university council's minutes with "Besluit:" lines, a faculty council's annual report dated
    by month, a hogeschool news item on a budget voted down and later consented to, an accreditation council's press
    release, a student council member's blog with relative dates, a board of governors' minutes in passive and nominal
    forms, an amending regulation with its change history), written and labelled blind in stop 43 and run once on
    d5ddbd6: P 0.667 R 0.538, dated 0.538; developed on in stop 43's third round: 0.851 / 0.769."""
    score = _synthetic_score(60, tmp_path, capsys)
    assert score["gold"] == 52
    assert score["precision"] >= 0.85 and score["recall"] >= 0.76


def test_the_sixty_first_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (an executive board's decision list with postponed items, a faculty council's annual report by
    quarter, a student newspaper on a council voting a fee down, the history of a plan's versions, a university
    council's FAQ, a programme committee's minutes, a minister's letter on sector agreements), written and labelled
    blind in stop 43 and run once on d5ddbd6: P 0.861 R 0.738, dated 0.744; held out by stop 43's rounds: 0.861 / 0.738
    after the second, 0.865 / 0.762 after the third."""
    score = _synthetic_score(61, tmp_path, capsys)
    assert score["gold"] == 42
    assert score["precision"] >= 0.86 and score["recall"] >= 0.76


def test_the_sixty_second_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a hogeschool participation council's minutes with advice-only and postponed items, a board
    of governors' news in reported speech beside decisions still to come, a faculty annual report dated by month
    without a year, a supervisory board's decision list in noun phrases, a news item on a covenant of four parties, a
    programme committee's report with negated decisions, a senate headline with a decision withdrawn and replaced),
    written and labelled blind in stop 44 and run once on f1d8ab4: P 0.879 R 0.644, dated 0.628."""
    score = _synthetic_score(62, tmp_path, capsys)
    assert score["gold"] == 45
    assert score["precision"] >= 0.97 and score["recall"] >= 0.93


def test_the_sixty_third_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a university council's minutes with "agreed to", "it was resolved" and motions carried or
    not, an executive board's decision list dated by its title with a postponed item, a student magazine interview
    recalling past years, a minister's letter on accreditation judgements, the history of a quality plan's versions,
    a faculty council's minutes dated by their front matter in passive and headline forms, a news item on a
    three-party agreement and a jury), written and labelled blind in stop 44 and run once on 8c466f1: P 0.837 R 0.800,
    dated 0.795."""
    score = _synthetic_score(63, tmp_path, capsys)
    assert score["gold"] == 45
    assert score["precision"] >= 0.93 and score["recall"] >= 0.93


def test_the_sixty_fourth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a joint meeting's decision list as a table dated by its header, an executive board's
    "decisions in brief" page with several meetings, a hogeschool news item quoting a council member, a students'
    union annual report by month and season with a decision withdrawn, a board's letter asking for consent, an
    accreditation body's press release, a gazette with a four-party covenant and an amended regulation), written and
    labelled blind in stop 44 and run once on 42a4db9: P 0.767 R 0.561, dated 0.561."""
    score = _synthetic_score(64, tmp_path, capsys)
    assert score["gold"] == 41
    assert score["precision"] >= 0.9 and score["recall"] >= 0.65


def test_the_sixty_fifth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (university council minutes dated only by their header, a board's decision list with
    "Besluit:" and "Vastgesteld:" lines, a news item dated by "yesterday" and "last week", an annual report section
    with an "Adopted by … on …" line, a board's letter to its council, a faculty council newsletter, a ministry's
    press release on accreditation outcomes), written and labelled blind in stop 45 and run once on 0176bd5:
    P 0.892 R 0.786, dated 0.735; developed on in stop 45's rounds 1-3 and 8: 0.949 / 0.881, dated 0.853."""
    score = _synthetic_score(65, tmp_path, capsys)
    assert score["gold"] == 42
    assert score["precision"] >= 0.94 and score["recall"] >= 0.88


def test_the_sixty_sixth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (faculty council minutes dated only by their title, a supervisory board's decision summary,
    a student paper's article, an annual report chapter on participation bodies, a programme committee's letter, a
    government letter to parliament approving plans, a students' union news page with postponements), written and
    labelled blind in stop 45 and run once on 0176bd5: P 0.868 R 0.750, dated 0.833; developed on in stop 45's first
    and seventh rounds: 0.921 / 0.795, dated 0.861."""
    score = _synthetic_score(66, tmp_path, capsys)
    assert score["gold"] == 44
    assert score["precision"] >= 0.92 and score["recall"] >= 0.79


def test_the_sixty_seventh_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (an executive board's decision list as a table, a joint meeting's minutes with "Besluit:",
    "Conclusie:" and "Actie:" lines, a council member's blog looking back on a year, a faculty news page, a works
    council's letter answering requests for consent, a regulation with its preamble and "Aldus vastgesteld" line, a
    student union's press release on an agreement with the ministry), written and labelled blind in stop 45 and run
    once on 4f01cc1: P 0.806 R 0.658, dated 0.639; unchanged by round 3, developed on in rounds 5 and 6: 0.871 /
    0.711, dated 0.694."""
    score = _synthetic_score(67, tmp_path, capsys)
    assert score["gold"] == 38
    assert score["precision"] >= 0.87 and score["recall"] >= 0.71


def test_the_sixty_eighth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a council digest by agenda item, a faculty council's minutes with numbered items, an
    institution's progress report on its quality agreements with a timeline of approvals, an interview with a board
    member, a government press release approving and rejecting plans, a staff newsletter, a supervisory board's letter
    to its council), written and labelled blind in stop 45 and run once on 4f01cc1: P 0.892 R 0.702, dated 0.705;
    unchanged by round 3, developed on in round 4: 0.946 / 0.745, dated 0.750."""
    score = _synthetic_score(68, tmp_path, capsys)
    assert score["gold"] == 47
    assert score["precision"] >= 0.94 and score["recall"] >= 0.74


def test_the_sixty_ninth_synthetic_set_meets_its_measured_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven documents (a student council's decision list, a university council's annual report month by month, a
    regional newspaper's article on a housing plan with a city council's votes, a news item on a faculty merger with
    its timeline, a minister's letter approving one plan and rejecting another, an executive board's minutes with
    "Resolved:" lines, an intranet page of a board's decisions over four weeks), written and labelled blind in stop 45
    and run once on ad667e0 (after its eight rounds): P 0.622 R 0.491, dated 0.509 (stop 44's final rules, 0176bd5:
    0.636 / 0.491); developed on in stop 45's ninth and tenth rounds: 0.844 / 0.667, dated 0.673."""
    score = _synthetic_score(69, tmp_path, capsys)
    assert score["gold"] == 57
    assert score["precision"] >= 0.84 and score["recall"] >= 0.66


@pytest.mark.parametrize(
    ("sentence", "date", "act"),
    [
        (
            "Our funds plan goes back to 2017, when the Executive Board and the University Council agreed on it.",
            "2017",
            "agree",
        ),
        ("Het oude plan liep tot 2020, toen de Universiteitsraad instemde met een nieuw plan.", "2020", "consent"),
        (
            "From March 2021, when the University Council consented to the plan, the funds went to tutors.",
            "2021-03",
            "consent",
        ),
    ],
)
def test_a_time_followed_by_when_dates_the_clause_it_opens(sentence: str, date: str, act: str) -> None:
    found = one(sentence, "2024-01-10")
    assert (found["date"], found["act"]) == (date, act)


def test_a_when_clause_that_dates_itself_keeps_its_own_day() -> None:
    found = one("In 2019, when the University Council consented on 3 May 2019, little was known.", "2024-01-10")
    assert found["date"] == "2019-05-03"


@pytest.mark.parametrize(
    ("sentence", "body", "act"),
    [
        (
            "In the meeting of 2 May 2023 the Executive Board formally committed to the Council that reports will be "
            "shared every quarter.",
            "College van Bestuur",
            "decide",
        ),
        (
            "Wij melden u dat de minister van OCW in maart goedkeuring heeft gegeven aan de verlenging van het "
            "experiment.",
            "Ministerie van OCW",
            "approve",
        ),
        ("Begin mei bereikten de KNAW en de vakbonden een akkoord over een nieuwe cao.", "KNAW", "agree"),
    ],
)
def test_a_commitment_a_subordinate_approval_and_an_agreement_of_an_acronyms_parties(
    sentence: str, body: str, act: str
) -> None:
    found = one(sentence, "2023-06-20")
    assert (found["body"], found["act"]) == (body, act)
    assert found["date"] is not None


def test_an_organisation_committed_to_its_council_is_no_commitment() -> None:
    assert extract_sentence("The Executive Board is committed to the Council that it serves.", "2023-06-20") == []


@pytest.mark.parametrize(
    ("sentence", "doc_date", "date", "body", "act"),
    [
        (
            "De Universiteitsraad heeft bij brief van 11 november 2024 ingestemd met de begroting.",
            "2024-12-02",
            "2024-11-11",
            "Universiteitsraad",
            "consent",
        ),
        (
            "Het College van Bestuur heeft ons verzoek om extra geld afgewezen (brief van 14 januari).",
            "2025-02-03",
            "2025-01-14",
            "College van Bestuur",
            "reject",
        ),
        ("The Supervisory Board approved the plan the day before Christmas.", "2025-01-20", "2024-12-24",
         "Raad van Toezicht", "approve"),
        ("De Universiteitsraad stemde op oudejaarsdag in met de regeling.", "2025-01-20", "2024-12-31",
         "Universiteitsraad", "consent"),
        ("On 4 March the NVAO took a negative accreditation decision on the programme.", "2025-03-20", "2025-03-04",
         "NVAO", "assess_negatively"),
        ("De NVAO gaf in februari een positief oordeel over de kwaliteit van de opleiding.", "2025-06-10", "2025-02",
         "NVAO", "assess_positively"),
        ("Last week the board of the student housing foundation Kamerwijs decided to raise rents.", "2025-03-20",
         "2025-03", "Board of the student housing foundation Kamerwijs", "decide"),
        ("Het bestuur van de stichting keurde in april de begroting goed.", "2025-06-10", "2025-04",
         "Bestuur van de stichting", "approve"),
        ("In mid-October the Faculty Council voted against the plan.", "2025-01-15", "2024-10", "Faculteitsraad",
         "reject"),
    ],
)  # fmt: skip
def test_letters_holidays_outside_boards_and_verdicts_date_and_name_their_decisions(
    sentence: str, doc_date: str, date: str, body: str, act: str
) -> None:
    found = one(sentence, doc_date)
    assert (found["date"], found["body"], found["act"]) == (date, body, act)


def test_a_council_that_went_along_later_in_its_sentence_consents() -> None:
    found = one("Uiteindelijk ging de Universiteitsraad in november akkoord, nadat alles was geregeld.", "2025-06-10")
    assert (found["date"], found["act"]) == ("2024-11", "consent")


@pytest.mark.parametrize(
    "sentence",
    [
        "Na goedkeuring door de Eerste Kamer zou de regeling op zijn vroegst per 1 september 2026 ingaan.",
        "After approval by the Senate the rule would take effect in 2027.",
    ],
)
def test_an_approval_that_a_conditional_follows_is_still_to_come(sentence: str) -> None:
    assert extract_sentence(sentence, "2025-03-15") == []


def test_a_date_after_a_colon_is_what_was_decided_not_when() -> None:
    found = one(
        "Het College van Bestuur heeft gekozen voor een overgangsregeling: wie op 1 september 2024 al stond "
        "ingeschreven, betaalt het oude tarief.",
        "2025-03-15",
    )
    assert found["date"] is None


def test_a_time_ago_that_a_noun_is_of_dates_an_earlier_act_not_this_one() -> None:
    found = one(
        "In a short meeting, the Faculty Council consented to the plan after all, replacing its vote against the "
        "merger of two months ago.",
        "2025-01-15",
    )
    assert found["date"] is None


@pytest.mark.parametrize(
    ("sentence", "date", "act"),
    [
        ("March 2020 – The university and the municipality of Oostwoud sign a letter of intent on the new campus.",
         "2020-03", "agree"),
        ("2019 – The Executive Board chooses the old harbour site as the location for a new building.", "2019",
         "decide"),
    ],
)  # fmt: skip
def test_a_timelines_present_tense_signing_and_choosing(tmp_path: Path, sentence: str, date: str, act: str) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Timeline of the new campus\ndate: 2025-02-01\nlanguage: en\ndoc_type: news\n"
        "institution: Velsmeer University\n",
        f"# Timeline\n\n{sentence}",
    )
    assert (date, act) in [(r.date, r.act) for r in records]


def test_a_student_unions_general_assembly_decides_as_written() -> None:
    found = one(
        "De algemene ledenvergadering van Studentenbond Oostwoud heeft afgelopen maandag besloten een eigen "
        "kamerbemiddelingspunt op te zetten.",
        "2025-03-19",
    )
    assert (found["body"], found["act"], found["date"]) == (
        "Algemene ledenvergadering van Studentenbond Oostwoud",
        "decide",
        "2025-03-17",
    )


def test_an_agreement_in_a_councils_sitting_of_a_day_is_dated_by_it() -> None:
    found = one(
        "The Executive Board and the deans agreed on a joint timetable in the Deans' Council of 14 November 2023.",
        "2024-03-01",
    )
    assert (found["date"], found["act"]) == ("2023-11-14", "agree")


@pytest.mark.parametrize(
    "sentence",
    [
        "De goedkeuring door de Raad van Toezicht staat gepland voor 17 december.",
        "Approval by the Supervisory Board is expected in May.",
    ],
)
def test_a_nominal_act_planned_ahead_is_no_decision(sentence: str) -> None:
    assert extract_sentence(sentence, "2024-12-12") == []


@pytest.mark.parametrize(
    ("sentence", "body", "act", "date"),
    [
        ("Daaraan ging de instemming van de Faculteitsraad vooraf, die op 3 april 2024 werd verleend.",
         "Faculteitsraad", "consent", "2024-04-03"),
        ("The master's programme in Coastal Engineering can start in February, following the positive assessment "
         "that the NVAO issued on 12 November.", "NVAO", "assess_positively", "2024-11-12"),
    ],
)  # fmt: skip
def test_a_nominal_act_whose_relative_clause_says_when_it_was_given(
    sentence: str, body: str, act: str, date: str
) -> None:
    found = one(sentence, "2024-12-05")
    assert (found["body"], found["act"], found["date"]) == (body, act, date)


def _decisions_of(tmp_path: Path, front: str, body: str) -> list:
    from planwijzer.ingest.extract import folder_decisions

    from planwijzer.config import get_settings

    (tmp_path / "doc.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return folder_decisions(tmp_path, get_settings())


def test_a_page_of_recent_decisions_has_no_lead_meeting(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Overzicht van recente besluiten\ndate: 2025-06-20\nlanguage: nl\ndoc_type: webpage\n"
        "institution: Hogeschool Duinwijk\n",
        "# Besluiten van het bestuur\n\nOp deze pagina staat per onderwerp wat het bestuur van de hogeschool "
        "onlangs heeft besloten en welke onderwerpen nog lopen.\n\n## Strategisch plan\n\nHet College van Bestuur "
        "heeft het strategisch plan op 3 juni 2025 vastgesteld.\n\n## Zomerschool\n\nHet college heeft besloten de "
        "zomerschool voor eerstejaars voort te zetten.\n",
    )
    summer = next(r for r in records if "zomerschool" in r.sentence)
    assert (summer.date, summer.date_basis) == (None, "document")


def test_an_agreement_signed_early_in_a_month_takes_that_month(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Samenwerking met het Rivierland College\ndate: 2025-04-10\nlanguage: nl\ndoc_type: news\n"
        "institution: Hogeschool Duinwijk\n",
        "Hogeschool Duinwijk en het Rivierland College hebben afspraken gemaakt over de overstap van mbo-studenten "
        "naar drie bacheloropleidingen. De overeenkomst werd begin maart ondertekend door beide besturen.",
    )
    assert [(r.act, r.date) for r in records if r.act == "agree"] == [("agree", "2025-03")]


@pytest.mark.parametrize(
    ("item", "body"),
    [
        ("Members raise the teaching load of junior lecturers. The Dean commits to presenting a new allocation model "
         "to the council before the summer.", "Dean"),
        ("**Commitment:** on behalf of the Faculty Board, the Dean commits to presenting a new allocation model before "
         "the summer.", "Faculty Board"),
    ],
)  # fmt: skip
def test_a_commitment_in_minutes_is_the_deans_or_the_boards_on_whose_behalf_it_is_made(
    tmp_path: Path, item: str, body: str
) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Minutes of the Faculty Council meeting of 4 June 2025\ndate: 2025-06-04\nlanguage: en\n"
        "doc_type: minutes\ninstitution: Duinwijk University\n",
        f"# Minutes of the Faculty Council meeting of 4 June 2025\n\n**5. Teaching load**\n\n{item}",
    )
    assert [(r.body, r.act, r.date) for r in records] == [(body, "decide", "2025-06-04")]


def test_an_agenda_items_outcomes_inline_and_bare(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Executive Board meeting 2 June 2025 – agenda and decisions\ndate: 2025-06-04\nlanguage: en\n"
        "doc_type: decision list\ninstitution: Duinwijk University\n",
        "# Executive Board — meeting of Monday 2 June 2025\n\n**1. Minutes of the meeting of 19 May 2025**\n\n"
        "Adopted without amendment.\n\n**2. Campus mobility plan**\n\nDecision: the Board approves the plan, provided "
        "that the University Council consents to the parking paragraph.\n\n**3. Second budget amendment 2025**\n\n"
        "The director of finance explained a shortfall of €1.4 million. Decision: the second budget amendment is "
        "adopted.\n\n**4. Request from the Faculty of Law**\n\nThe faculty had asked for extra teaching assistants. "
        "Decision: the request is declined.\n",
    )
    found = sorted((r.act, r.negated, r.date) for r in records)
    assert found == [
        ("adopt", False, "2025-06-02"),
        ("adopt", False, "2025-06-02"),
        ("approve", False, "2025-06-02"),
        ("reject", False, "2025-06-02"),
    ]


@pytest.mark.parametrize(
    ("sentence", "body", "act", "date"),
    [
        ("On 3 March 2025 NVAO decided to accredit the new master's programme in Coastal Engineering.", "NVAO",
         "assess_positively", "2025-03-03"),
        ("Op 3 maart 2025 besloot de NVAO de accreditatie van de opleiding met zes jaar te verlengen.", "NVAO",
         "assess_positively", "2025-03-03"),
        ("Een dag later stemde de raad met het besluit in, met een ruime meerderheid.", "Raad", "consent", None),
        ("Het hielp dat het College van Bestuur in januari akkoord ging met ons plan.", "College van Bestuur",
         "approve", "2025-01"),
        ("Het College heeft er desondanks voor gekozen de pilot met een jaar te verlengen.", "College", "decide",
         None),
    ],
)  # fmt: skip
def test_verdicts_consents_approvals_and_choices_in_more_word_orders(
    tmp_path: Path, sentence: str, body: str, act: str, date: str | None
) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Nieuws uit de universiteit\ndate: 2025-06-02\nlanguage: nl\ndoc_type: news\n"
        "institution: Universiteit Duinwijk\n",
        f"Dit is een kort bericht over de stand van zaken.\n\n{sentence}\n",
    )
    assert [(r.act, r.date) for r in records] == [(act, date)]
    assert body.lower() in records[0].body.lower()


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("De regeling werd op 30 mei 2017 vastgesteld, na instemming van de raad op 15 mei.",
         ["2017-05-30", "2017-05-15"]),
        ("Op 2 januari 2018 besloot het college; de raad had op 15 december ingestemd.", ["2018-01-02", "2017-12-15"]),
        ("De raad stemde op 15 mei in.", ["2024-05-15"]),
    ],
)  # fmt: skip
def test_a_day_without_its_year_takes_the_year_of_the_day_written_in_full_beside_it(
    sentence: str, dates: list[str]
) -> None:
    assert [value for _, _, value, _ in find_dates(sentence, "2024-06-01")] == dates


@pytest.mark.parametrize(
    ("sentence", "act", "date"),
    [
        ("The Board signed off the plan on 3 May.", "approve", "2022-05-03"),
        ("In May the university and the City Council agreed a land swap.", "agree", "2022-05"),
    ],
)
def test_signing_off_a_plan_and_two_parties_that_agreed_a_deal(sentence: str, act: str, date: str) -> None:
    found = one(sentence, "2022-10-01")
    assert (found["act"], found["date"]) == (act, date)


def test_a_regulations_header_and_closing_line_state_one_adoption(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Regeling studiefaciliteiten 2025\ndate: 2025-02-10\nlanguage: nl\ndoc_type: policy\n"
        "institution: Universiteit Duinwijk\n",
        "# Regeling studiefaciliteiten 2025\n\n| | |\n|---|---|\n| Kenmerk | CvB/2025/0042 |\n"
        "| Vastgesteld door het College van Bestuur op | 4 februari 2025 |\n\n## Artikel 1\n\nDeze regeling geldt "
        "voor alle studenten van de universiteit.\n\nAldus vastgesteld door het College van Bestuur van de "
        "Universiteit Duinwijk in zijn vergadering van 4 februari 2025.\n",
    )
    assert [(r.body, r.act, r.date) for r in records] == [("College van Bestuur", "adopt", "2025-02-04")]


def test_a_newspapers_the_university_is_the_one_its_opening_says_it_writes_for(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: More rooms for first-year students\ndate: 2024-06-20\nlanguage: en\ndoc_type: news\n"
        "institution: The Beacon\n",
        "# More rooms for first-year students\n\n*The Beacon is the independent newspaper of Duinwijk University*\n\n"
        "On 3 June, the university and housing corporation Zeewoning signed an agreement that guarantees 400 rooms "
        "for first-year students.\n",
    )
    assert [(r.body, r.act, r.date) for r in records] == [("Duinwijk University", "agree", "2024-06-03")]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("At its meeting this Tuesday, the University Council gave its consent to the revised policy.", "2018-04-10"),
        ("Deze dinsdag stemde de Universiteitsraad in met het huisvestingsplan.", "2018-04-10"),
    ],
)
def test_this_weekday_in_a_past_tense_decision_is_the_last_such_day_before_the_news(sentence: str, date: str) -> None:
    assert [f["date"] for f in extract_sentence(sentence, "2018-04-12")] == [date]


def test_a_decision_that_month_or_at_the_same_time_takes_the_time_of_the_one_before(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Jaarverslag medezeggenschapsraad\ndate: 2024-09-30\nlanguage: nl\ndoc_type: report\n"
        "institution: Hogeschool Duinwijk\n",
        "**Begroting.** Op 12 december 2023 stemde de raad in met de hoofdlijnen van de begroting. Later die maand "
        "keurde de Raad van Toezicht de begroting goed.\n\n**Huisvesting.** Op 5 maart 2024 stelde het College van "
        "Bestuur het huisvestingsplan vast. Tegelijkertijd besloot het college de verbouwing van de bibliotheek uit "
        "te stellen.\n",
    )
    dated = {(r.body, r.act): r.date for r in records}
    assert dated[("Raad van Toezicht", "approve")] == "2023-12"
    assert dated[("College van Bestuur", "decide")] == "2024-03-05"


def test_earlier_that_month_after_a_meeting_header_takes_the_meetings_month(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Staff bulletin\ndate: 2025-10-09\nlanguage: en\ndoc_type: news\ninstitution: Duinwijk University\n",
        "## From the Executive Board meeting of 23 September\n\n- **Joint degree.** The Board approved the proposal "
        "to offer a joint master's programme with a partner university. The partner's faculty council gave its "
        "approval earlier that month.\n",
    )
    assert [(r.body, r.date) for r in records if r.act == "consent"] == [("Faculteitsraad", "2025-09")]


def test_a_change_historys_line_dates_a_councils_consent(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Study advice regulations\ndate: 2025-06-01\nlanguage: en\ndoc_type: policy\n"
        "institution: Duinwijk University\n",
        "## Revision history\n\n| Version | Date | Change |\n|---|---|---|\n| 1.1 | 03-03-2021 | Amendment adopted "
        "by the Executive Board: a temporary standard of 30 EC. University Council consent: 23-02-2021. |\n",
    )
    assert ("Universiteitsraad", "consent", "2021-02-23") in [(r.body, r.act, r.date) for r in records]


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("On Tuesday the council voted by seven votes to six in favour of the new study schedule.", "approve"),
        ("The faculty council voted unanimously against the proposed fee increase.", "reject"),
        (
            "De NVAO heeft in mei een positief accreditatiebesluit genomen over de master Geschiedenis.",
            "assess_positively",
        ),
        ("De NVAO nam een negatief accreditatiebesluit over de bachelor Bouwkunde.", "assess_negatively"),
    ],
)
def test_a_vote_with_its_tally_or_an_accreditation_decision_taken_is_a_decision(sentence: str, act: str) -> None:
    assert [f["act"] for f in extract_sentence(sentence, "2024-06-20")] == [act]


def test_a_positive_decision_taken_on_something_else_than_accreditation_is_no_assessment() -> None:
    acts = [f["act"] for f in extract_sentence("Op dezelfde datum nam de NVAO een positief besluit over de toets.", "")]
    assert "assess_positively" not in acts


def test_the_time_of_an_opening_after_clause_is_not_that_of_the_main_act() -> None:
    sentence = (
        "After the efficiency committee had issued a positive advice in August, the Minister of Education approved "
        "the application for a new bachelor programme in November."
    )
    assert [(f["act"], f["date"]) for f in extract_sentence(sentence, "2024-12-15")] == [("approve", "2024-11")]


def test_a_sentence_that_opens_with_earlier_tells_of_another_decision(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Faculty council votes on English bachelor\ndate: 2025-06-12\nlanguage: en\ndoc_type: news\n"
        "institution: Duinwijk University\n",
        "On Tuesday evening the faculty council consented to the switch of the Psychology bachelor to English.\n\n"
        "Earlier on Tuesday evening, the council unanimously consented to a numerus fixus of 300 places for the "
        "Psychology bachelor.\n",
    )
    assert len([r for r in records if r.act == "consent"]) == 2


def test_a_body_that_publishes_the_document_is_named_by_its_full_name(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Accreditation Council announces decisions on two programmes\ndate: 2025-03-14\nlanguage: en\n"
        "doc_type: press_release\n"
        "institution: Duinland Accreditation Council\n",
        "# Accreditation Council announces decisions on two programmes\n\n"
        "The Duinland Accreditation Council (DAC) published the outcomes of its sessions today.\n\n"
        "### Bachelor of Music, Westhaven College\n\nOn 6 March 2025 the Council assessed the programme positively.\n",
    )
    assert [(r.body, r.act, r.date) for r in records] == [
        ("Duinland Accreditation Council", "assess_positively", "2025-03-06")
    ]


def test_a_meeting_records_passive_decisions_are_the_meetings(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Board of Governors – minutes of the meeting of 26 June 2024\ndate: 2024-07-10\nlanguage: en\n"
        "doc_type: minutes\ninstitution: Duinwijk University\n",
        "# Minutes of the meeting held on Wednesday 26 June 2024\n\n**BG/24/34 Budget 2024/25**\n\nThe Director of "
        "Finance introduced the budget. Approval was given to the budget for 2024/25.\n\n**BG/24/36 Financial "
        "Regulations**\n\nThe revised Financial Regulations were approved, superseding the 2019 edition.\n\n"
        "**BG/24/38 Block grant**\n\nThe Students' Union's request for a block grant of £1.1m was declined; the grant "
        "will remain at £0.95m.\n\n**BG/24/39 Estates**\n\nThe plan for the new library was adopted by the Council in "
        "2021. The sale of the playing fields will be decided in October.\n",
    )
    met = [(r.act, r.negated) for r in records if r.date == "2024-06-26"]
    assert sorted(met) == [("approve", False), ("approve", False), ("reject", False)]


def test_a_decision_lists_items_named_by_their_act_as_a_noun_are_its_decisions(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Decisions of the Supervisory Board – meeting of 4 March 2025\ndate: 2025-03-20\nlanguage: en\n"
        "doc_type: decision_list\ninstitution: Velmoor University\n",
        "# Supervisory Board – list of decisions\n\nThe Supervisory Board publishes the decisions of each meeting.\n\n"
        "## Decisions\n\n1. Approval of the annual accounts 2024, including the auditor's report.\n2. Adoption of "
        "the revised code of conduct for board members.\n3. Decision not to approve the sale of the Marsh Lane "
        "building for now.\n4. Discussion of the fourth-quarter report. The Board took note of it.\n\n"
        "## Decisions taken in writing since the previous meeting\n\n- 12 February 2025: approval of the "
        "university's membership of the Coastal Energy Consortium.\n\n## Next meeting\n\n1. Approval of the "
        "budget is expected in June.\n",
    )
    found = sorted((r.date, r.date_basis, r.act, r.negated) for r in records)
    assert found == [
        ("2025-02-12", "sentence", "approve", False),  # its own day, in writing
        ("2025-03-04", "meeting", "adopt", False),
        ("2025-03-04", "meeting", "approve", False),
        ("2025-03-04", "meeting", "approve", True),  # "Decision not to approve …"
    ]
    assert all(r.body == "Raad van Toezicht" for r in records)
    assert {r.subject for r in records if r.act == "adopt"} == {"the revised code of conduct for board members"}


def test_a_minutes_closing_list_of_decisions_repeats_its_items_decisions(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Verslag faculteitsraad Letteren 12 maart 2025\ndate: 2025-04-02\nlanguage: nl\ndoc_type: minutes\n"
        "institution: Universiteit van Merwede\n",
        "# Verslag van de vergadering van de faculteitsraad van 12 maart 2025\n\n## 4. Kiesreglement\n\n"
        "De raad bespreekt de wijziging.\n\n**Besluit:** de raad stemt in met de wijziging van het facultair "
        "kiesreglement.\n\n## 5. Rondvraag\n\nGeen vragen.\n\n### Besluitenlijst\n\n- Instemming met de wijziging "
        "van het kiesreglement.\n",
    )
    assert [(r.act, r.date) for r in records] == [("consent", "2025-03-12")]


def test_the_board_of_a_text_that_names_its_board_of_governors_is_that_board(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Campus to close\ndate: 2025-04-09\nlanguage: en\ndoc_type: news\ninstitution: Fenwick University\n",
        "# Campus to close\n\nThe Board of Governors decided at its meeting on 26 March to close the Ashby campus, "
        "the vice-chancellor told staff.\n\nShe also told staff that earlier this year the board had turned down a "
        "proposal from the Students' Union to freeze rents.\n",
    )
    assert {(r.body, r.act) for r in records} == {("Board of Governors", "decide"), ("Board of Governors", "reject")}


def test_a_university_senate_is_a_body_and_an_amount_or_emphasis_may_stand_inside_a_separable_verb() -> None:
    assert acts("De Senaat heeft woensdag ingestemd met een nieuw promotiereglement.", "2026-03-12") == [
        ("2026-03-11", "Senaat", "consent")
    ]
    assert acts("Eind januari keurde het college van bestuur een budget van 1,2 miljoen euro goed.", "2026-03-12") == [
        ("2026-01", "College van Bestuur", "approve")
    ]
    assert acts("In januari stelde het faculteitsbestuur het plan *Samen verder 2025-2030* vast.", "2025-12-31") == [
        ("2025-01", "Faculteitsbestuur", "adopt")
    ]


def test_a_season_a_decision_came_after_dates_it_to_that_seasons_year() -> None:
    assert acts("Na de zomer besloot het faculteitsbestuur tot een herijking van het onderzoeksprofiel.", "2025") == [
        ("2025", "Faculteitsbestuur", "decide")
    ]


def test_an_agreement_takes_the_day_its_parties_signed_it_with_words_between_verb_and_signature(
    tmp_path: Path,
) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Convenant voor studentenkamers\ndate: 2026-02-18\nlanguage: nl\ndoc_type: news\n"
        "institution: Universiteit Halverwolde\n",
        "# Convenant voor studentenkamers\n\nHet convenant tussen de Universiteit Halverwolde, Hogeschool Kreek en de "
        "gemeente Kreek moet zorgen voor 800 extra kamers. Bestuurders van de drie organisaties zetten maandag in de "
        "raadszaal van het stadhuis hun handtekening onder het document.\n",
    )
    assert [(r.act, r.date, r.date_basis) for r in records] == [("agree", "2026-02-16", "sentence")]


def test_an_assessing_bodys_positive_or_negative_decision_is_its_assessment() -> None:
    assert acts("Op 28 november 2025 heeft de NVAO een positief besluit genomen over de instellingstoets van "
                "Hogeschool Delfmond.", "2026-03-20") == [("2025-11-28", "NVAO", "assess_positively")]  # fmt: skip
    assert acts(
        "Op 30 september 2019 heeft de minister een positief besluit genomen over de plannen.", "2019-10-08"
    ) == [
        ("2019-09-30", "Ministerie van OCW", "decide")  # another body's positive decision is a decision of its own
    ]


def test_a_councils_present_consent_in_minutes_and_an_impersonal_passive_are_the_meetings(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Verslag vergadering faculteitsraad Rechten\ndate: 2026-04-22\nlanguage: nl\ndoc_type: minutes\n"
        "institution: Universiteit Brakwater\n",
        "# Verslag van de vergadering van de faculteitsraad\n\n## 3. Onderwijsregeling\n\nDe opleidingscommissies "
        "hebben positief geadviseerd. Er werd ingestemd met de facultaire onderwijsregeling 2026-2027.\n\n"
        "## 4. BSA-norm\n\nNa een stemming (9 voor, 3 tegen) geeft de raad zijn instemming aan de nieuwe norm.\n\n"
        "## 5. Rondvraag\n\nHet college geeft de raad de gelegenheid om later instemming te geven.\n",
    )
    assert [(r.body, r.act, r.date, r.date_basis) for r in records] == [
        ("Faculteitsraad", "consent", "2026-04-22", "meeting"),  # not the committees the sentence before names
        ("Faculteitsraad", "consent", "2026-04-22", "meeting"),
    ]


def test_it_was_resolved_in_minutes_is_the_meetings_decision(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Minutes of the University Council meeting of 14 May 2026\ndate: 2026-06-11\nlanguage: en\n"
        "doc_type: minutes\ninstitution: Kestrel University\n",
        "# University Council — Minutes\n\n## 8. Rules of Procedure\n\nThe agenda committee proposed an earlier "
        "deadline, because the Board needs more time to prepare its answers. It was resolved to amend Article 12 of "
        "the Rules of Procedure.\n",
    )
    assert [(r.body, r.act, r.date) for r in records] == [("Universiteitsraad", "decide", "2026-05-14")]


def test_a_sentence_that_opens_with_the_following_year_is_dated_a_year_after_the_last(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Interview with the outgoing student assessor\ndate: 2026-05-01\nlanguage: en\ndoc_type: news\n"
        "institution: Kestrel University\n",
        "# Looking back\n\nBack in 2021 the Board of Governors approved the peer-mentoring scheme. The following year "
        "the Board of Governors decided to freeze tuition fees. It decided to raise them again the following year, "
        "she recalls.\n",
    )
    assert [(r.date, r.act) for r in records] == [
        ("2021", "approve"),
        ("2022", "decide"),
        (None, "decide"),  # "the following year" later in a sentence tells when, not the year it was decided
    ]


def test_an_accreditation_councils_board_decides_for_the_council_in_its_own_press_release(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Council publishes decisions on programme assessments\ndate: 2025-07-03\nlanguage: en\n"
        "doc_type: press_release\ninstitution: Accreditation Council of Nordmark\n",
        "# Council publishes decisions\n\nAt its meeting of 26 June 2025 the ACN Board took decisions on three "
        "programmes.\n\n## Decisions of the Board\n\n- **BSc Physics, Fenwick University** – The Board assessed the "
        "programme positively.\n- **BA History, University of Dunmore** – In October 2024 the programme was assessed "
        "negatively.\n\nThe assessments followed the framework that the ACN Board adopted in March 2025.\n",
    )
    assert {r.body for r in records} == {"Accreditation Council of Nordmark"}
    assert sorted((r.act, r.date) for r in records) == [
        ("adopt", "2025-03"),
        ("assess_negatively", "2024-10"),
        ("assess_positively", "2025-06-26"),
    ]


def test_a_board_letter_dates_what_it_decided_in_that_meeting_by_the_meeting_it_names_as_its_own(
    tmp_path: Path,
) -> None:
    records = _decisions_of(
        tmp_path,
        'title: "Brief van het College van Bestuur aan de Universiteitsraad over het collegerooster"\n'
        "date: 2026-02-02\nlanguage: nl\ndoc_type: letter\ninstitution: Universiteit Kaapmonde\n",
        "Geachte raad,\n\nMet deze brief informeren wij u over wat in onze collegevergadering van 27 januari "
        "jongstleden aan de orde kwam.\n\nRooster. In die vergadering hebben wij besloten de avondcolleges na 20.00 "
        "uur af te schaffen.\n",
    )
    assert [(r.body, r.act, r.date, r.date_basis) for r in records] == [
        ("College van Bestuur", "decide", "2026-01-27", "meeting")
    ]


def test_a_decision_told_the_next_month_is_dated_a_month_after_the_last(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Annual report 2026, participation\ndate: 2027-03-01\nlanguage: en\ndoc_type: annual_report\n"
        "institution: Kestrel University\n",
        "# Participation\n\nIn May 2026 the University Council consented to the housing plan. The next month, the "
        "Board of Governors approved the plan.\n",
    )
    assert [(r.act, r.date) for r in records] == [("consent", "2026-05"), ("approve", "2026-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In its meeting of 12 May 2026 the University Council consented to the budget, but withheld its consent "
            "for the proposal to merge the two faculties.",
            [("consent", "2026-05-12", False), ("consent", "2026-05-12", True)],
        ),
        (
            "De universiteitsraad stemde op 14 mei 2026 in met de begroting, maar wees het huisvestingsplan af.",
            [("consent", "2026-05-14", False), ("consent", "2026-05-14", True)],
        ),
        (  # a clause with a subject of its own is that subject's: no second act of the council
            "On 12 May 2026 the University Council consented to the budget, but the municipality rejected the plan.",
            [("consent", "2026-05-12", False)],
        ),
    ],
)
def test_a_second_predicate_of_the_same_subject_is_its_act_too_at_the_same_time(
    tmp_path: Path, text: str, expected: list[tuple[str, str, bool]]
) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Annual report 2026\ndate: 2027-03-01\nlanguage: en\ndoc_type: annual_report\n"
        "institution: Kestrel University\n",
        f"# Participation\n\n{text}\n",
    )
    assert [(r.act, r.date, bool(r.negated)) for r in records] == expected


def test_the_next_sentence_of_a_paragraph_about_the_same_body_shares_its_time(
    tmp_path: Path,
) -> None:
    records = _decisions_of(
        tmp_path,
        'title: "Raadsbericht april 2026"\ndate: 2026-04-20\nlanguage: nl\ndoc_type: newsletter\n'
        "institution: Universiteit Kaapmonde\n",
        "# Raadsbericht\n\nIn de vergadering van 5 maart 2026 heeft de faculteitsraad ingestemd met de nieuwe "
        "onderwijsregeling. Met de voorgestelde aanwezigheidsplicht stemde de raad niet in.\n\nIn de vergadering van 9 "
        "april stemt de raad over een facultaire ombudsfunctie.\n",
    )
    assert [(r.date, bool(r.negated)) for r in records] == [("2026-03-05", False), ("2026-03-05", True)]


def test_a_meeting_records_title_names_the_body_that_met_next_to_its_meeting_word(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        'title: "Council digest: University Council meeting of 12 March 2026"\ndate: 2026-03-14\nlanguage: en\n'
        "doc_type: news\ninstitution: University of Kestrel\n",
        "# Council digest\n\n**Item 5 – Examination rules.** After a lively debate the council consented to the model "
        "Teaching and Examination Regulations.\n",
    )
    assert [(r.body, r.act, r.date) for r in records] == [("Universiteitsraad", "consent", "2026-03-12")]


def test_days_or_weeks_later_count_from_the_day_the_sentence_before_told_of(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: A year on the council\ndate: 2026-06-30\nlanguage: en\ndoc_type: blog\n"
        "institution: University of Kestrel\n",
        "# Looking back\n\nThe council debated the housing fund at length on 5 February 2026. Two weeks later the "
        "Executive Board decided to keep the fund at its current level.\n",
    )
    assert [(r.act, r.date) for r in records] == [("decide", "2026-02-19")]


def test_a_sentence_that_dates_the_decision_letter_dates_the_decision_told_before(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Faculty news\ndate: 2026-10-01\nlanguage: en\ndoc_type: news\ninstitution: University of Kestrel\n",
        "# News\n\nThe NVAO has assessed the master's programme in Marine Physics positively. Its decision letter, "
        "dated 8 September 2026, singles out the programme's research track.\n",
    )
    assert [(r.body, r.act, r.date) for r in records] == [("NVAO", "assess_positively", "2026-09-08")]


def test_a_time_in_a_clause_that_compares_the_act_with_another_is_not_the_acts(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: Letter of the programme committee\ndate: 2026-05-20\nlanguage: en\ndoc_type: letter\n"
        "institution: University of Kestrel\n",
        "Dear Board,\n\nThe Examination Board has meanwhile approved the new internship protocol, as we had "
        "recommended last year.\n",
    )
    assert [(r.act, r.date) for r in records] == [("approve", None)]


def test_a_request_dated_and_for_an_infinitive_that_a_board_rejected_is_a_rejection(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        'title: "Brief van het College van Bestuur aan de Universiteitsraad"\ndate: 2026-01-20\nlanguage: nl\n'
        "doc_type: letter\ninstitution: Universiteit Kaapmonde\n",
        "Geachte raad,\n\nUw verzoek van 2 december 2025 om alle promovendi een vijfde contractjaar te garanderen, "
        "hebben wij na zorgvuldige afweging afgewezen.\n",
    )
    assert [(r.body, r.act) for r in records] == [("College van Bestuur", "reject")]


def test_a_bare_college_in_a_universitys_title_is_its_college_van_bestuur(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        'title: "Besluiten van het College"\ndate: 2026-03-26\nlanguage: nl\ndoc_type: news\n'
        "institution: Universiteit Kaapmonde\n",
        "# Besluiten van het College\n\n## Collegevergadering 4 maart 2026\n\n- Het college heeft het Jaarverslag 2025 "
        "vastgesteld.\n",
    )
    assert [(r.body, r.act) for r in records] == [("College van Bestuur", "adopt")]


def test_that_meeting_is_the_one_the_sentence_before_told_of_and_sunday_mornings_are_no_day(tmp_path: Path) -> None:
    records = _decisions_of(
        tmp_path,
        "title: University Council annual report 2025-2026\ndate: 2026-09-30\nlanguage: en\n"
        "doc_type: annual_report\ninstitution: University of Kestrel\n",
        "# The year at a glance\n\n**March 2026.** On 14 March the council consented to the budget framework.\n\n"
        "**April 2026.** The council met on 16 April 2026 in the Aula. At that meeting it withheld its consent from "
        "the proposed language policy.\n\n**May 2026.** In May the Executive Board approved the council's proposal "
        "for a silent study hall, but rejected its request to open the library on Sunday mornings.\n",
    )
    assert [(r.act, r.date, bool(r.negated)) for r in records] == [
        ("consent", "2026-03-14", False),
        ("consent", "2026-04-16", True),
        ("approve", "2026-05", False),
        ("reject", "2026-05", False),
    ]
