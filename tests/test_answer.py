"""answer_question: short extractive answers with numbered citations, or an honest abstention."""

from __future__ import annotations

import re

import pytest
from planwijzer.assistant.answer import Answer, answer_question, gather_evidence, passages_read, read_question
from planwijzer.assistant.retrieval import Filters, Index

PLAN = "bestedingsplan-2022.md"
COUNCIL = "raadsbesluit-begroting-2021.md"
PDF = "jaarverslag-2020.pdf"

_cache: dict[tuple, Answer] = {}


def ask(index: Index, question: str, history: tuple[str, ...] = (), filters: Filters | None = None) -> Answer:
    """answer_question, memoised per question (answers are deterministic; this keeps the suite fast)."""
    key = (id(index), question, history, filters)
    if key not in _cache:
        _cache[key] = answer_question(index, question, list(history), filters)
    return _cache[key]


def test_a_dutch_when_question_gets_the_planted_date_with_a_citation(index: Index) -> None:
    ans = ask(index, "Wanneer stemde de Universiteitsraad in met het bestedingsplan?")
    assert not ans.abstained
    assert ans.language == "nl"
    assert "14 maart 2022" in ans.answer
    assert "[1]" in ans.answer
    first = ans.citations[0]
    assert first.n == 1
    assert first.doc_id == PLAN
    assert "14 maart 2022" in first.quote
    assert first.title == "Bestedingsplan kwaliteitsafspraken Universiteit Duinstad"
    assert first.url == "https://duinstad.example/kwaliteitsafspraken/bestedingsplan"
    assert first.date == "2022-03-14"
    assert first.page is None


def test_a_second_date_in_the_same_document_is_found_too(index: Index) -> None:
    ans = ask(index, "Wanneer keurde het ministerie het plan goed?")
    assert not ans.abstained
    assert "juni 2019" in ans.answer
    assert ans.citations[0].doc_id == PLAN and "juni 2019" in ans.citations[0].quote


def test_an_english_question_over_a_dutch_document_is_answered_in_english(index: Index) -> None:
    ans = ask(index, "When did the ministry approve the plan?")
    assert not ans.abstained
    assert ans.language == "en"
    assert "juni 2019" in ans.answer
    assert ans.answer.startswith("According to the source (in Dutch): ")
    assert ans.citations[0].doc_id == PLAN


def test_an_english_question_about_a_dutch_pdf_cites_its_page(index: Index) -> None:
    ans = ask(index, "When was the Kompas mentoring programme started?")
    assert not ans.abstained and ans.language == "en"
    assert "2020" in ans.answer
    assert (ans.citations[0].doc_id, ans.citations[0].page) == (PDF, 2)


def test_an_english_question_with_translated_terms_is_answered(index: Index) -> None:
    """'University Council' and 'spending plan' share no stems with 'Universiteitsraad' and 'bestedingsplan'."""
    ans = ask(index, "When did the University Council approve the spending plan?")
    assert not ans.abstained
    assert ans.language == "en"
    assert "14 maart 2022" in ans.answer
    assert ans.citations[0].doc_id == PLAN and "14 maart 2022" in ans.citations[0].quote


def test_a_how_much_question_gets_the_amount(index: Index) -> None:
    ans = ask(index, "Hoeveel bedraagt de begroting voor het programma studiesucces?")
    assert not ans.abstained
    assert "3,4 miljoen euro" in ans.answer
    assert ans.citations[0].doc_id == COUNCIL
    assert "3,4 miljoen euro" in ans.citations[0].quote


def test_a_fact_from_a_pdf_cites_page_2(index: Index) -> None:
    ans = ask(index, "Hoe groot is een groep in het mentorprogramma Kompas?")
    assert not ans.abstained
    assert "twaalf studenten" in ans.answer
    (citation,) = ans.citations
    assert citation.doc_id == PDF
    assert citation.page == 2
    assert "twaalf studenten" in citation.quote


def test_a_fact_from_a_docx_is_answered(index: Index) -> None:
    ans = ask(index, "Hoeveel gesprekken voert de tutor per jaar met iedere student?")
    assert not ans.abstained
    assert "drie gesprekken" in ans.answer
    assert ans.citations[0].doc_id == "tutoraat.docx"


def test_a_follow_up_is_answered_from_the_document_the_history_points_to(index: Index) -> None:
    follow_up = "En hoeveel geld was ermee gemoeid?"
    with_history = ask(index, follow_up, ("Waarmee stemde de faculteitsraad van Hogeschool Polderland in?",))
    assert not with_history.abstained
    assert "3,4 miljoen euro" in with_history.answer
    assert "12,8" not in with_history.answer
    assert {c.doc_id for c in with_history.citations} == {COUNCIL}

    # Without the history the same words point at the other budget: the history is what decides.
    alone = ask(index, follow_up)
    assert "12,8 miljoen euro" in alone.answer
    assert alone.citations[0].doc_id == PLAN


@pytest.mark.parametrize(
    ("question", "language", "message"),
    [
        ("Wie was in 2030 voorzitter van de faculteitsraad Geneeskunde?", "nl", "Dit staat niet in de documenten"),
        ("Who chaired the medical faculty council in 2030?", "en", "The documents do not answer this"),
    ],
)
def test_a_question_about_something_absent_abstains(index: Index, question: str, language: str, message: str) -> None:
    ans = ask(index, question)
    assert ans.abstained is True
    assert ans.language == language
    assert ans.citations == []
    assert ans.answer.startswith(message)
    assert not re.search(r"\[\d+\]", ans.answer), "an abstention cites nothing"
    assert len(ans.related) <= 3
    assert [r.n for r in ans.related] == list(range(1, len(ans.related) + 1))
    assert "2030" not in " ".join(r.quote for r in ans.related)


def test_filters_limit_what_an_answer_may_cite(index: Index) -> None:
    question = "Hoeveel bedraagt de begroting voor het programma studiesucces?"
    ans = ask(index, question, filters=Filters(institution="Universiteit Duinstad"))
    assert COUNCIL not in {c.doc_id for c in ans.citations + ans.related}
    assert "3,4 miljoen" not in ans.answer


QUESTIONS = [
    ("Wanneer stemde de Universiteitsraad in met het bestedingsplan?", ()),
    ("Wanneer keurde het ministerie het plan goed?", ()),
    ("When did the ministry approve the plan?", ()),
    ("Hoeveel bedraagt de begroting voor het programma studiesucces?", ()),
    ("Hoe groot is een groep in het mentorprogramma Kompas?", ()),
    ("En hoeveel geld was ermee gemoeid?", ("Waarmee stemde de faculteitsraad van Hogeschool Polderland in?",)),
    ("Who received the Student Well-being Award?", ()),
    ("Wie was in 2030 voorzitter van de faculteitsraad Geneeskunde?", ()),
]


@pytest.mark.parametrize(("question", "history"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_every_answer_cites_exactly_the_numbers_it_uses(index: Index, question: str, history: tuple[str, ...]) -> None:
    ans = ask(index, question, history)
    used = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
    cited = [c.n for c in ans.citations]
    assert cited == list(range(1, len(cited) + 1)), "citations are numbered 1..n"
    assert used == set(cited), "every [n] has a citation and every citation is used"
    assert len(ans.answer) <= 600
    for c in ans.citations:
        for part in c.quote.split(" … "):
            assert part in ans.answer, "each quoted sentence is in the answer (extractive, nothing invented)"
    related = [r.n for r in ans.related]
    assert related == list(range(len(cited) + 1, len(cited) + 1 + len(related))), "related continue the numbering"
    assert not {r.chunk_id for r in ans.related} & {c.chunk_id for c in ans.citations}
    json_ = ans.to_json()
    assert set(json_) == {"answer", "language", "abstained", "citations", "related", "timings_ms"}


def test_a_tight_answer_budget_is_respected(index: Index) -> None:
    ans = answer_question(index, "Hoeveel geld is er gemoeid met het programma studiesucces?", max_chars=200)
    assert not ans.abstained
    assert len(ans.answer) <= 200


def _papers(root):
    from conftest import write_institution_news

    docs = {
        f"polder-{n}.md": (
            "Universiteit Polderland",
            f"Studenten van Polderland krijgen bij hun diploma een bedankje van de faculteit {topic}. Het bedankje "
            "is een kaart met een bon voor de mensa.",
        )
        for n, topic in enumerate(["rechten", "letteren", "wiskunde", "medicijnen", "sterrenkunde", "geschiedenis"])
    }
    docs["ochtendbode.md"] = (
        "De Ochtendbode",  # the newspaper is named in the metadata only, as a news site's pages are
        "Wie de eerste jaren moest lenen, krijgt bij het afstuderen een studievoucher van 2.000 euro.",
    )
    return write_institution_news(root, docs)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Index:
    from conftest import ingested_index

    return Index(ingested_index(tmp_path_factory.mktemp("papers"), _papers, answer_passages=1))


def test_a_source_the_question_names_is_read_though_retrieval_ranks_it_low(papers: Index) -> None:
    assert papers.institutions_named("Ochtendbode") == ["De Ochtendbode"]
    assert papers.institutions_named("diploma") == []
    question, _ = read_question(papers, "Wat krijgen studenten bij hun diploma volgens de Ochtendbode?")
    result = papers.search(question.text, k=20)
    assert result.hits[0].meta["doc_id"] != "ochtendbode.md"  # the one passage read is another source's
    read = [h.meta["doc_id"] for h in gather_evidence(papers, question, [], None, result).hits]
    assert read[0] == result.hits[0].meta["doc_id"] and "ochtendbode.md" in read
    both = passages_read(papers, question, None, result, papers.settings.answer.passages)  # the generating path's too
    assert [h.meta["doc_id"] for h in both] == read
    chosen = Filters(institution="Universiteit Polderland")  # the asker chose a source: no other is read
    within = papers.search(question.text, chosen, k=20)
    assert {h.meta["doc_id"] for h in gather_evidence(papers, question, [], chosen, within).hits} <= {
        h.meta["doc_id"] for h in within.hits
    }
    unnamed, _ = read_question(papers, "Wat krijgen studenten bij hun diploma?")
    plain = papers.search(unnamed.text, k=20)
    assert len(gather_evidence(papers, unnamed, [], None, plain).hits) == 1  # no source named: only what ranks
