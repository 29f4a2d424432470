"""Decision records as answer evidence: *wanneer/when* and *wie/who* questions about a decision.

The corpus is written here (fictional "Universiteit Heidemeer"): decisions in Dutch, with distractor
sentences that carry a body, the same subject and a date but are not decisions (a council meeting that
discussed the plan, a deadline, a start date), an English newsletter, and a negated decision. It is
ingested once per module with the real embedder into a real index.
"""

from __future__ import annotations

from pathlib import Path

import planwijzer.assistant.answer as answer_module
import pytest
from conftest import ingested_index
from planwijzer.assistant.answer import answer_question
from planwijzer.assistant.decision_evidence import decision_question, find_evidence
from planwijzer.assistant.question import parse_question
from planwijzer.assistant.retrieval import Filters, Index

from planwijzer.config import Settings


def _doc(title: str, slug: str, date: str, doc_type: str, language: str, body: str) -> str:
    return (
        f"---\ntitle: {title}\nurl: https://heidemeer.example/{slug}\ndate: {date}\ndoc_type: {doc_type}\n"
        f"language: {language}\ninstitution: Universiteit Heidemeer\n---\n{body}"
    )


DECISION = "Op 17 mei 2022 stemde de Universiteitsraad in met het Zonnebloemplan voor de begeleiding van eerstejaars."
NEGATED = (
    "Op 9 november 2020 stemde de faculteitsraad Geesteswetenschappen niet in met het voorstel voor verplichte "
    "aanwezigheid bij hoorcolleges."
)
APPROVAL = "In juni 2021 keurde het College van Bestuur de Kadernota Duurzame Campus goed."

FILES = {
    "raad-zonnebloemplan-2022.md": _doc(
        "Besluitenlijst Universiteitsraad mei 2022",
        "raad/besluitenlijst-2022-05",
        "2022-05-20",
        "council",
        "nl",
        f"# Besluitenlijst\n\n{DECISION}\n"
        "Het Zonnebloemplan geeft elke eerstejaarsstudent een mentor en breidt het aantal studieadviseurs uit met zes."
        "\n\nDe raad sprak daarnaast over de planning van de tentamenperiodes in het volgende studiejaar.\n",
    ),
    "nieuwsbrief-maart-2022.md": _doc(
        "Nieuwsbrief studentbegeleiding maart 2022",
        "nieuws/nieuwsbrief-2022-03",
        "2022-03-10",
        "news",
        "nl",
        "# Het Zonnebloemplan in de raad\n\n"
        "Op 3 maart 2022 besprak de Universiteitsraad het Zonnebloemplan voor de begeleiding van eerstejaars in een "
        "openbare vergadering.\nStudenten konden tot 15 april 2022 reageren op het Zonnebloemplan.\n"
        "De eerste mentoren van het Zonnebloemplan beginnen op 1 september 2022.\n",
    ),
    "council-newsletter-2022.md": _doc(
        "University Council newsletter, spring 2022",
        "en/council/newsletter-spring-2022",
        "2022-04-02",
        "news",
        "en",
        "# News from the University Council\n\n"
        "On 3 March 2022 the University Council discussed a plan for mentoring first-year students in a public "
        "meeting.\nThe council members asked how many study advisers the university would hire.\n",
    ),
    "kadernota-duurzame-campus-2021.md": _doc(
        "Kadernota Duurzame Campus",
        "beleid/kadernota-duurzame-campus",
        "2021-07-01",
        "policy",
        "nl",
        f"# Kadernota Duurzame Campus\n\n{APPROVAL}\n"
        "De kadernota beschrijft hoe de universiteit in 2030 een klimaatneutrale campus wil hebben.\n"
        "Op 12 april 2021 sprak de Universiteitsraad met studenten over een eerdere versie van de kadernota.\n",
    ),
    "faculteitsraad-aanwezigheid-2020.md": _doc(
        "Verslag faculteitsraad Geesteswetenschappen november 2020",
        "raad/faculteitsraad-2020-11",
        "2020-11-15",
        "council",
        "nl",
        f"# Verplichte aanwezigheid\n\n{NEGATED}\n"
        "Het voorstel was op 14 september 2020 door de opleidingsdirecteuren ingediend.\n"
        "Volgens de raad ontbrak een onderbouwing van het nut van verplichte aanwezigheid.\n",
    ),
}


@pytest.fixture(scope="module")
def decision_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    def decision_corpus(folder: Path) -> Path:
        folder.mkdir(parents=True)
        for name, text in FILES.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    return ingested_index(tmp_path_factory.mktemp("decisions"), decision_corpus)


@pytest.fixture(scope="module")
def dindex(decision_settings: Settings) -> Index:
    return Index(decision_settings)


def _evidence(index: Index, text: str, filters: Filters | None = None):
    result = index.search(text, filters, k=20)
    return find_evidence(index, parse_question(text), filters, result.query_vector, result.hits)


def _without_evidence(monkeypatch: pytest.MonkeyPatch, index: Index, text: str, filters: Filters | None = None):
    with monkeypatch.context() as mp:
        mp.setattr(answer_module, "find_evidence", lambda *args, **kwargs: [])
        return answer_question(index, text, filters=filters)


def test_a_when_question_answers_with_the_decision_sentence_and_cites_it(
    dindex: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "Wanneer gaf de Universiteitsraad instemming aan het Zonnebloemplan?"
    ans = answer_question(dindex, question)
    assert not ans.abstained
    assert ans.answer.startswith(DECISION + " [1]"), ans.answer
    first = ans.citations[0]
    assert first.doc_id == "raad-zonnebloemplan-2022.md" and DECISION in first.quote
    assert first.url == "https://heidemeer.example/raad/besluitenlijst-2022-05"
    # the meeting that only discussed the plan (same body, same plan, a date) is not the answer
    assert "3 maart 2022" not in ans.answer
    # the records make the difference: e5 + BM25 retrieval alone prefers the meeting sentence (with the USE lane
    # retrieval alone happens to rank the decision first too, by a hair)
    with monkeypatch.context() as mp:
        mp.setattr(dindex, "second", None)
        assert not _without_evidence(monkeypatch, dindex, question).answer.startswith(DECISION)


def test_an_english_question_is_answered_from_the_dutch_decision(dindex: Index) -> None:
    ans = answer_question(dindex, "When did the University Council consent to the Zonnebloemplan?")
    assert ans.language == "en" and not ans.abstained
    assert DECISION in ans.answer and "(in Dutch)" in ans.answer
    assert "discussed" not in ans.answer and "besprak" not in ans.answer
    assert ans.citations[0].doc_id == "raad-zonnebloemplan-2022.md"


def test_a_who_question_names_the_body(dindex: Index) -> None:
    ans = answer_question(dindex, "Wie keurde de Kadernota Duurzame Campus goed?")
    assert ans.answer.startswith(APPROVAL + " [1]"), ans.answer
    assert "College van Bestuur" in ans.answer
    assert ans.citations[0].doc_id == "kadernota-duurzame-campus-2021.md"
    found = _evidence(dindex, "Welk orgaan keurde de Kadernota Duurzame Campus goed?")
    assert [e.record.body for e in found] == ["College van Bestuur"]


@pytest.mark.parametrize(
    "question",
    [
        "Wanneer stemde de faculteitsraad in met het voorstel voor verplichte aanwezigheid?",
        "Wanneer stemde de faculteitsraad niet in met het voorstel voor verplichte aanwezigheid?",
    ],
)
def test_a_negated_decision_is_answered_as_it_stands(dindex: Index, question: str) -> None:
    found = _evidence(dindex, question)
    assert found and found[0].record.negated and found[0].record.date == "2020-11-09"
    ans = answer_question(dindex, question)
    assert ans.answer.startswith(NEGATED), ans.answer  # "stemde … niet in", never turned into consent
    assert "niet in met" in ans.answer and ans.citations[0].doc_id == "faculteitsraad-aanwezigheid-2020.md"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Wanneer beginnen de eerste mentoren van het Zonnebloemplan?", "1 september 2022"),
        ("Wanneer besprak de Universiteitsraad het Zonnebloemplan?", "3 maart 2022"),
        ("Hoeveel studieadviseurs komen er bij door het Zonnebloemplan?", "zes"),
    ],
)
def test_questions_that_are_not_about_a_decision_are_unaffected(
    dindex: Index, monkeypatch: pytest.MonkeyPatch, question: str, expected: str
) -> None:
    assert _evidence(dindex, question) == []
    ans = answer_question(dindex, question)
    assert expected in ans.answer
    assert ans.answer == _without_evidence(monkeypatch, dindex, question).answer


def test_only_when_and_who_questions_that_name_an_act_or_a_body_ask_about_a_decision(dindex: Index) -> None:
    assert decision_question(parse_question("Wat staat er in het Zonnebloemplan?"), dindex) is None
    assert decision_question(parse_question("Wanneer beginnen de mentoren?"), dindex) is None
    asked = decision_question(parse_question("When did the Executive Board approve the framework?"), dindex)
    assert asked is not None and asked.bodies == {"College van Bestuur"} and "approve" in asked.acts
    assert "framework" in asked.topic and "approve" not in asked.topic and "board" not in asked.topic


def test_decision_evidence_respects_the_filters(dindex: Index) -> None:
    question = "Wanneer gaf de Universiteitsraad instemming aan het Zonnebloemplan?"
    assert _evidence(dindex, question, Filters(doc_type="council"))
    for filters in (Filters(doc_type="news"), Filters(year_to=2021), Filters(language="en")):
        assert _evidence(dindex, question, filters) == []
        ans = answer_question(dindex, question, filters=filters)
        assert all(c.doc_id != "raad-zonnebloemplan-2022.md" for c in ans.citations + ans.related)


def test_the_decisions_api_lists_records_with_filters(decision_settings: Settings, dindex: Index) -> None:
    from planwijzer.ui.app import PlanwijzerApp

    app = PlanwijzerApp(decision_settings, dindex)
    records = app.api_decisions()
    assert [r["date"] for r in records] == ["2020-11-09", "2021-06", "2022-05-17"]  # oldest first
    council = app.api_decisions(body="University Council")
    assert [(r["body"], r["act"], r["negated"]) for r in council] == [("Universiteitsraad", "consent", False)]
    assert council[0]["sentence"] == DECISION and council[0]["url"].endswith("/raad/besluitenlijst-2022-05")
    assert council[0]["title"] == "Besluitenlijst Universiteitsraad mei 2022"
    assert [r["date"] for r in app.api_decisions(year_from=2021, year_to=2021)] == ["2021-06"]
    negated = app.api_decisions(query="aanwezigheid")
    assert len(negated) == 1 and negated[0]["negated"] is True
    assert app.api_decisions(body="Faculteitsraad", year_from=2021) == []


SHORT_DATE = "Op 17 mei stemde de Universiteitsraad in met het Zonnebloemplan voor de begeleiding van eerstejaars."


@pytest.fixture(scope="module")
def twice_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    """One decision stated twice: in a news item that leaves the year to its date ("op 17 mei"), and in the
    decision list that writes it in full. The news item comes first in the index."""

    def corpus(folder: Path) -> Path:
        folder.mkdir(parents=True)
        news = _doc("Kort nieuws", "nieuws/kort-2022-05", "2022-05-20", "news", "nl", f"# Nieuws\n\n{SHORT_DATE}\n")
        (folder / "a-kort-nieuws-2022-05.md").write_text(news, encoding="utf-8")
        (folder / "raad-zonnebloemplan-2022.md").write_text(FILES["raad-zonnebloemplan-2022.md"], encoding="utf-8")
        return folder

    return Index(ingested_index(tmp_path_factory.mktemp("twice"), corpus))


def test_of_two_records_of_one_decision_the_one_that_states_the_whole_date_comes_first(twice_index: Index) -> None:
    question = "Wanneer stemde de Universiteitsraad in met het Zonnebloemplan voor de begeleiding van eerstejaars?"
    found = _evidence(twice_index, question)
    assert {e.record.sentence for e in found} == {DECISION, SHORT_DATE}  # the same decision, found twice
    assert found[0].record.sentence == DECISION
