"""Hybrid retrieval over the shared test index: dense (multilingual) + BM25, with metadata filters."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DUINSTAD, POLDERLAND, ingested_index
from langchain_core.documents import Document
from planwijzer.assistant.retrieval import Filters, HybridRetriever, Index
from planwijzer.assistant.translation import words_of
from planwijzer.ingest.pipeline import ingest

from planwijzer.config import Settings

PLAN = "bestedingsplan-2022.md"
COUNCIL = "raadsbesluit-begroting-2021.md"
PDF = "jaarverslag-2020.pdf"
WORKGROUP = "verslag-werkgroep-2018.md"
NEWS = "welzijnsprijs-2023.md"
BROAD_QUERY = "kwaliteitsafspraken geld begroting bestedingsplan studenten docenten"


def doc_ids(hits) -> list[str]:
    return [h.meta["doc_id"] for h in hits]


def test_a_dutch_query_finds_the_dutch_document_first(index: Index) -> None:
    hits = index.search("Wanneer stemde de Universiteitsraad in met het bestedingsplan?", k=5).hits
    assert hits[0].meta["doc_id"] == PLAN
    assert "14 maart 2022" in hits[0].text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mentoring programme for first-year students", PDF),
        ("approval of the plan by the ministry", PLAN),
        ("tutor conversations about study progress", "tutoraat.docx"),
    ],
)
def test_an_english_query_finds_the_dutch_source_by_meaning(index: Index, query: str, expected: str) -> None:
    hits = index.search(query, k=3, mode="dense").hits
    assert hits[0].meta["doc_id"] == expected
    assert hits[0].meta["language"] == "nl"
    assert hits[0].dense_rank == 0


def test_pdf_hits_carry_their_page(index: Index) -> None:
    hit = index.search("mentorprogramma Kompas", k=1).hits[0]
    assert (hit.meta["doc_id"], hit.meta["page"]) == (PDF, 2)


def test_bm25_finds_a_rare_exact_term(index: Index) -> None:
    found = index.bm25_search("ZEPHYRQ-17", Filters(), 10)
    assert len(found) == 1
    hit = index.search("ZEPHYRQ-17", k=3).hits[0]
    assert hit.chunk_id == found[0][0]
    assert hit.meta["doc_id"] == WORKGROUP and "ZEPHYRQ-17" in hit.text
    assert hit.bm25_rank == 0


def test_bm25_ignores_words_that_occur_nowhere(index: Index) -> None:
    assert index.bm25_search("xylofoonquasar", Filters(), 10) == []


@pytest.mark.parametrize(
    ("filters", "kept", "dropped"),
    [
        (Filters(year_from=2021, year_to=2022), PLAN, WORKGROUP),
        (Filters(year_from=2023), NEWS, PLAN),
        (Filters(year_to=2020), PDF, PLAN),
        (Filters(doc_type="council"), COUNCIL, PLAN),
        (Filters(language="en"), NEWS, PLAN),
        (Filters(institution=POLDERLAND), COUNCIL, PLAN),
        (Filters(institution=DUINSTAD, doc_type="plan", language="nl"), PLAN, COUNCIL),
    ],
    ids=["years-2021-2022", "from-2023", "to-2020", "doc_type", "language", "institution", "combined"],
)
def test_filters_restrict_every_retriever(index: Index, filters: Filters, kept: str, dropped: str) -> None:
    unfiltered = doc_ids(index.search(BROAD_QUERY, k=20).hits)
    assert kept in unfiltered and dropped in unfiltered

    hits = index.search(BROAD_QUERY, filters, k=20).hits
    assert hits, "something passes the filter"
    for hit in hits:
        assert filters.matches(hit.meta), hit.meta
    assert kept in doc_ids(hits)
    assert dropped not in doc_ids(hits)

    lexical = index.lexical
    pos = {cid: i for i, cid in enumerate(lexical.ids)}
    for cid, _ in index.bm25_search(BROAD_QUERY, filters, 20):
        assert filters.matches(lexical.metas[pos[cid]])
    for doc, _ in index.dense_search(index.embedder.embed_query(BROAD_QUERY), filters, 20):
        assert filters.matches(doc.metadata)


def test_a_year_filter_excludes_documents_without_a_year(index: Index) -> None:
    """The HTML page and the DOCX have no date; a year filter cannot vouch for them."""
    hits = index.search("didactische scholing van docenten", Filters(year_from=1900), k=20).hits
    assert "docentprofessionalisering.html" not in doc_ids(hits)
    assert doc_ids(index.search("didactische scholing van docenten", k=1).hits) == ["docentprofessionalisering.html"]


def test_a_filter_nothing_passes_gives_no_hits(index: Index) -> None:
    assert index.search(BROAD_QUERY, Filters(year_from=2040), k=10).hits == []


def test_the_hybrid_retriever_returns_langchain_documents(index: Index) -> None:
    retriever = HybridRetriever(index=index, filters=Filters(language="nl"), k=4)
    docs = retriever.invoke("Hoeveel bedraagt de begroting voor het programma studiesucces?")
    assert 0 < len(docs) <= 4
    assert all(isinstance(d, Document) for d in docs)
    assert all(d.metadata["language"] == "nl" for d in docs)
    top = docs[0]
    assert top.metadata["doc_id"] == COUNCIL and "3,4 miljoen euro" in top.page_content
    assert top.id and top.metadata["score"] > 0


def test_search_reports_timings(index: Index) -> None:
    result = index.search("studentenwelzijn", k=3)
    assert {"embed_query", "dense", "bm25", "fusion"} <= set(result.timings_ms)
    assert len(result.query_vector) == 384


def test_the_lexical_side_reloads_after_another_ingest(own_settings: Settings, corpus_copy: Path) -> None:
    ingest([corpus_copy], own_settings, progress=False)
    index = Index(own_settings)
    generation = index.lexical.generation
    count = index.chunk_count()
    assert index.bm25_search("QUASARVLOT", Filters(), 5) == []

    (corpus_copy / "nieuw-besluit-2024.md").write_text(
        "---\ntitle: Nieuw besluit\ndate: 2024-02-01\nlanguage: nl\n---\n"
        "Het bestuur besloot tot het project QUASARVLOT voor betere roosters.\n",
        encoding="utf-8",
    )
    ingest([corpus_copy], own_settings, progress=False)  # e.g. another process ingesting

    assert index.refresh()  # the next request's refresh picks it up
    assert index.lexical.generation > generation
    assert index.chunk_count() == count + 1
    (found,) = index.bm25_search("QUASARVLOT", Filters(), 5)
    assert index.search("QUASARVLOT", k=1).hits[0].chunk_id == found[0]
    assert index.search("QUASARVLOT", Filters(year_from=2024), k=5).hits[0].meta["doc_id"] == "nieuw-besluit-2024.md"


# --- dates and hyphenated words in BM25 ----------------------------------------------------------------

MEETING = "vergadering-2021-09.md"
DATE_QUESTION = "Waar vergaderde de Universiteitsraad op 27 september 2021?"


def _write_pages(root: Path, pages: dict[str, tuple[str, str, str]], date: str, with_url: bool = False) -> Path:
    """Markdown pages ``name → (title, language, body)`` with front matter (and a url from the name) in ``root``."""
    for name, (title, lang, body) in pages.items():
        url = f"url: https://example.org/{name}\n" if with_url else ""
        (root / name).write_text(f"---\ntitle: {title}\nlanguage: {lang}\ndate: {date}\n{url}---\n{body}\n", "utf-8")
    return root


def _dated_corpus(root: Path) -> Path:
    """Minutes of twenty Dutch council meetings on other days, about the faculties' money, one of them on the
    13th of September 2021 about 27 proposals (every word of the Dutch question about the meeting of 27 September
    2021, but not that date); the English announcement of that meeting; a page on the money of the NPO."""
    root.mkdir(parents=True, exist_ok=True)
    months = ["januari", "maart", "mei", "juni", "september", "oktober", "december"]
    pages = {
        f"notulen-{i:02d}.md": (
            f"Notulen {i}",
            "nl",
            f"De Universiteitsraad vergaderde op {1 + i % 28} {months[i % len(months)]} {2018 + i % 5} over het "
            f"geld van de faculteiten en {i + 3} voorstellen.",
        )
        for i in range(20)
    }
    pages["notulen-13.md"] = (
        "Notulen 13",
        "nl",
        "De Universiteitsraad vergaderde op 13 september 2021 over 27 voorstellen en het geld van de faculteiten.",
    )
    pages[MEETING] = (
        "University Council meeting",
        "en",
        "The Council meets on Monday 27 September 2021 from 14:00 to 16:30 in the Old Library, Breestraat 5.",
    )
    pages["npo.md"] = (
        "Herstelgeld",
        "nl",
        "Een deel van het geld van het Nationaal Programma Onderwijs (NPO) is bedoeld voor hulp aan studenten.",
    )
    for start in (2010, 2015, 2021):
        pages[f"plan-{start}.md"] = (
            f"Instellingsplan {start}-{start + 5}",
            "nl",
            f"Het instellingsplan {start}–{start + 5} volgt op het vorige plan en beschrijft de ambities "
            "voor onderwijs, onderzoek, de campus, de organisatie, de medewerkers en de samenwerking in de regio.",
        )
    pages["jaren.md"] = (
        "Terugblik",
        "nl",
        "In 2015 begon de bouw en in 2020 was die klaar; het instellingsplan noemt 2015 en 2020 drukke jaren.",
    )
    return _write_pages(root, pages, "2021-10-01", with_url=True)


@pytest.fixture(scope="module")
def dated_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return ingested_index(tmp_path_factory.mktemp("dated"), _dated_corpus)


def test_a_date_in_the_question_finds_that_date_in_another_wording_and_language(dated_settings: Settings) -> None:
    index = Index(dated_settings)
    meeting = next(h for h in index.search(DATE_QUESTION, k=5).hits if h.meta["doc_id"] == MEETING)
    assert meeting.bm25_rank == 0


def test_a_hyphenated_question_word_finds_its_parts(dated_settings: Settings) -> None:
    hits = Index(dated_settings).search("Hoeveel NPO-geld krijgt een faculteit?", k=2, mode="bm25").hits
    assert hits[0].meta["doc_id"] == "npo.md"


def test_a_period_of_years_finds_the_plan_for_that_period(dated_settings: Settings) -> None:
    hits = Index(dated_settings).search("Wat staat er in het instellingsplan 2015-2020?", k=3, mode="bm25").hits
    assert hits[0].meta["doc_id"] == "plan-2015.md"


def test_a_bm25_index_from_another_tokenizer_version_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    import json

    from planwijzer.ingest import tokens as ingest_tokens

    monkeypatch.setattr(ingest_tokens, "_dated", lambda text: (text, []))  # an older tokenizer: no date tokens
    settings = ingested_index(tmp_path, _dated_corpus)
    chunks = settings.index.dir / "bm25" / "chunks.json"
    data = json.loads(chunks.read_text(encoding="utf-8"))
    data["tokenizer"] -= 1
    chunks.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.undo()

    index = Index(settings)
    top = index.bm25_search(DATE_QUESTION, Filters(), 1)[0][0]
    assert index.lexical.metas[index._id_pos[top]]["doc_id"] == MEETING
    assert json.loads(chunks.read_text(encoding="utf-8"))["tokenizer"] == data["tokenizer"] + 1

    # BM25 parameters are part of the saved index too: other ones make it stale
    from planwijzer.ingest.lexical import load_lexical

    assert load_lexical(settings.index.dir) is not None
    data = json.loads(chunks.read_text(encoding="utf-8"))
    data["bm25_params"] = [1.2, 0.75]
    chunks.write_text(json.dumps(data), encoding="utf-8")
    assert load_lexical(settings.index.dir) is None
    assert load_lexical(settings.index.dir, any_version=True) is not None  # its chunks are still readable


# --- the second dense lane, language-aware fusion, near-duplicates ------------------------------------------------

CROSS_QUESTION = "When does the library close on Saturdays?"
CROSS_ANSWER = "zaterdag.md"


def _cross_lingual_corpus(root: Path) -> Path:
    """A Dutch passage that answers the English question without sharing a word with it, English passages on other
    things that share some of its words, and Dutch and English pages on other subjects."""
    root.mkdir(parents=True, exist_ok=True)
    pages = {
        CROSS_ANSWER: (
            "Openingstijden",
            "nl",
            "Op zaterdag sluit de bibliotheek om vijf uur 's middags; op zondag blijft ze dicht.",
        ),
        "lab.md": ("Lab rules", "en", "Close the windows before you leave the lab."),
        "market.md": ("Market", "en", "The market is busy on Saturdays."),
        "kantine.md": ("Kantine", "nl", "De kantine serveert op vrijdag verse soep en broodjes met kaas."),
        "parkeren.md": ("Parkeren", "nl", "Parkeren op het terrein kan alleen met een vergunning van de gemeente."),
        "rooster.md": ("Rooster", "nl", "Het rooster van de tentamens verschijnt zes weken voor de toetsweek."),
        "sports.md": ("Sports centre", "en", "The sports centre has a new climbing wall and a sauna."),
        "budget.md": ("Budget", "en", "The board approved a budget of two million euros for new lecture halls."),
    }
    return _write_pages(root, pages, "2022-01-01")


@pytest.fixture(scope="module")
def cross_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return ingested_index(tmp_path_factory.mktemp("cross"), _cross_lingual_corpus)


def test_a_passage_in_the_other_language_outranks_ones_that_only_share_words(cross_settings: Settings) -> None:
    untranslated = cross_settings.replace(translate_words=False)  # the fusion alone, without the translated words
    hits = Index(untranslated).search(CROSS_QUESTION, k=8).hits
    word_sharers = [h.meta["doc_id"] for h in hits if h.bm25_score]
    assert word_sharers and CROSS_ANSWER not in word_sharers  # no word in common, as the test intends
    assert hits[0].meta["doc_id"] == CROSS_ANSWER, doc_ids(hits)
    assert hits[0].use_score is not None and hits[0].use_rank == 0

    # it is the language-aware fusion that lifts it: fused like a same-language candidate it loses to the sharers
    blind = Index(untranslated.replace(cross_lingual_bm25="keep")).search(CROSS_QUESTION, k=8).hits
    assert doc_ids(blind).index(CROSS_ANSWER) > 0
    assert next(h.score for h in blind if h.meta["doc_id"] == CROSS_ANSWER) < hits[0].score


def test_fuse_lanes_ignores_bm25_only_for_candidates_in_another_language() -> None:
    from planwijzer.assistant.retrieval import fuse_lanes

    lanes = {"dense": {"a": 0.9, "b": 0.5, "c": 0.4}, "use": {"a": 0.8, "b": 0.4, "c": 0.3}, "bm25": {"b": 9.0}}
    weights = {"dense": 0.3, "use": 0.2, "bm25": 0.5}
    same = fuse_lanes(lanes, weights)
    cross = fuse_lanes(lanes, weights, cross={"a"})
    assert same["b"] > same["a"]  # BM25 alone decides without the language rule
    assert cross["a"] > cross["b"]  # a is in the other language: its BM25 zero is no evidence against it
    assert cross["b"] == same["b"] and cross["c"] == same["c"]
    neutral = fuse_lanes(lanes, weights, cross={"a"}, cross_lingual_bm25="neutral")
    assert same["a"] < neutral["a"] < cross["a"]
    assert fuse_lanes(lanes, weights, cross={"a"}, cross_lingual_bm25="keep") == same


def test_the_question_is_translated_word_by_word_into_the_other_language(cross_settings: Settings) -> None:
    result = Index(cross_settings).search(CROSS_QUESTION, k=8)
    translated = words_of(result.translations)
    assert "zaterdag" in translated["saturdays"]  # from the index's own Dutch words, by their vectors
    assert "bibliotheek" in translated["library"]
    assert all(w not in {"when", "does", "the", "on"} for w in translated)  # function words stay out
    # the Dutch passage now shares words with the question in translation: even fused like a same-language
    # candidate (``keep``), BM25 over the translated words puts it first
    kept = Index(cross_settings.replace(cross_lingual_bm25="keep")).search(CROSS_QUESTION, k=8).hits
    assert kept[0].meta["doc_id"] == CROSS_ANSWER, doc_ids(kept)
    assert not Index(cross_settings.replace(translate_words=False)).search(CROSS_QUESTION, k=8).translations


def test_a_question_in_the_passages_own_language_is_not_translated_into_itself(cross_settings: Settings) -> None:
    result = Index(cross_settings).search("Wanneer sluit de bibliotheek op zaterdag?", k=8)
    assert "bibliotheek" not in {t for found in words_of(result.translations).values() for t in found}
    assert result.hits[0].meta["doc_id"] == CROSS_ANSWER


def test_a_candidate_in_another_language_is_weighed_by_the_cross_lane_weights() -> None:
    from planwijzer.assistant.retrieval import fuse_lanes

    # "a" (other language) is far ahead in the second lane, behind in the first; "b" (same language) the reverse
    lanes = {"dense": {"a": 0.80, "b": 0.90, "c": 0.70}, "use": {"a": 0.60, "b": 0.30, "c": 0.20}, "bm25": {"b": 5.0}}
    within = {"dense": 0.3, "use": 0.2, "bm25": 0.5}
    across = {"dense": 0.1, "use": 0.4, "bm25": 0.5}
    plain = fuse_lanes(lanes, within, cross={"a"}, cross_lingual_bm25="renormalise")
    weighed = fuse_lanes(lanes, within, cross={"a"}, cross_lingual_bm25="renormalise", cross_weights=across)
    assert weighed["a"] > plain["a"]
    assert weighed["b"] == plain["b"] and weighed["c"] == plain["c"]  # same-language candidates are untouched


def test_the_second_lane_can_be_switched_off(cross_settings: Settings) -> None:
    index = Index(cross_settings.replace(second_dense="none"))
    assert index.use_collection is None
    hits = index.search(CROSS_QUESTION, k=3).hits
    assert hits and all(h.use_score is None for h in hits)


PAGE_2021 = (
    "De opleiding biedt iedere eerstejaarsstudent een vaste studieadviseur die drie keer per jaar een gesprek "
    "voert over de studievoortgang, de keuze van de minor en het welzijn van de student."
)


def _duplicate_corpus(root: Path) -> Path:
    """Two versions of one page (the newer with a sentence added), a copy of it, and unrelated pages."""
    root.mkdir(parents=True, exist_ok=True)
    versions = {
        "studieadvies-2021.md": ("2021-02-01", PAGE_2021),
        "studieadvies-2023.md": ("2023-02-01", PAGE_2021 + " Sinds 2023 kan dat ook online."),
        "kopie/studieadvies.md": ("2019-05-01", PAGE_2021),
        "kantine.md": ("2022-01-01", "De kantine serveert op vrijdag verse soep en broodjes met kaas."),
        "parkeren.md": ("2022-01-01", "Parkeren op het terrein kan alleen met een vergunning van de gemeente."),
    }
    for name, (date, body) in versions.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        front = f"---\ntitle: Studieadvies\nlanguage: nl\ndate: {date}\n---\n"
        (root / name).write_text(front + body + "\n", encoding="utf-8")
    return root


def test_near_duplicate_hits_collapse_to_the_newest_version(tmp_path: Path) -> None:
    settings = ingested_index(tmp_path, _duplicate_corpus)
    question = "Hoe vaak voert de studieadviseur een gesprek over de studievoortgang?"
    hits = Index(settings).search(question, k=5).hits
    copies = [h for h in hits if h.meta["doc_id"].endswith("studieadvies.md") or "studieadvies-" in h.meta["doc_id"]]
    assert [h.meta["doc_id"] for h in copies] == ["studieadvies-2023.md"], doc_ids(hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)

    all_copies = Index(settings.replace(dedup=False)).search(question, k=5).hits
    assert len([h for h in all_copies if "studieadvies" in h.meta["doc_id"]]) == 3


def test_collapse_keeps_the_better_hit_unless_the_newer_one_is_close() -> None:
    from planwijzer.assistant.retrieval import Hit, collapse_near_duplicates

    def hit(cid: str, text: str, score: float, date: str) -> Hit:
        return Hit(cid, text, {"date": date}, score)

    old = hit("old", PAGE_2021, 0.90, "2021-02-01")
    other = hit("other", "De kantine serveert op vrijdag verse soep.", 0.85, "2022-01-01")
    close_new = hit("new", PAGE_2021 + " Sinds 2023 kan dat ook online.", 0.89, "2023-02-01")
    far_new = hit("new", PAGE_2021 + " Sinds 2023 kan dat ook online.", 0.60, "2023-02-01")
    assert [h.chunk_id for h in collapse_near_duplicates([old, close_new, other], 5, 0.03)] == ["new", "other"]
    assert [h.chunk_id for h in collapse_near_duplicates([old, other, far_new], 5, 0.03)] == ["old", "other"]
    assert [h.chunk_id for h in collapse_near_duplicates([old, close_new, other], 1, 0.03)] == ["new"]


@pytest.mark.parametrize(("kept", "embedded"), [(32, 1), (0, 2)])
def test_a_question_searched_again_is_embedded_once_unless_the_cache_is_off(
    index: Index, kept: int, embedded: int
) -> None:
    fresh = Index(index.settings.replace(query_cache=kept))
    calls: list[str] = []
    embed = fresh.embedder.embed_query
    fresh.embedder = type("Counting", (), {"embed_query": lambda self, text: calls.append(text) or embed(text)})()
    first = fresh.search("Wanneer stemde de raad in met het plan?", k=5)
    again = fresh.search("Wanneer stemde de raad in met het plan?", Filters(language="nl"), k=5)
    assert len(calls) == embedded
    assert first.query_vector == again.query_vector
