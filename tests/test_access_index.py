"""Access labels through ingest and the index: every chunk, sentence, vector and manifest entry carries its document's
label; a reader's view of the index (``Index.for_reader``) holds only what they may read, for answers, citations,
related passages, search, decisions and the documents list; and re-labelling embeds nothing.

The mixed corpus (tests/conftest.py): the public test corpus, a staff-only note (front matter) and council-only closed
minutes (folder rule in ``access.toml``) that hold a planted fact and a decision.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest
from conftest import (
    CLOSED_DOC,
    CLOSED_FACT,
    CLOSED_WORD,
    STAFF_DOC,
    STAFF_WORD,
    ingested_index,
    write_mixed_corpus,
)
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from planwijzer.assistant import spelling
from planwijzer.assistant.ask import answer_json, ask
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.pipeline import ingest
from planwijzer.ingest.store import open_store
from planwijzer.ui import catalog

from planwijzer.access import ANONYMOUS, EVERYTHING, PUBLIC, Reader, reader
from planwijzer.config import Settings

READERS = {
    "anonymous": ANONYMOUS,
    "student": reader("ada", "student"),
    "staff": reader("bob", "staff"),
    "council": reader("cas", "council"),
}
CLOSED_QUESTION = f"Hoeveel bedraagt het reservefonds {CLOSED_WORD}?"


@pytest.fixture(scope="module", params=["embedded", "chroma-server"])
def mixed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The mixed corpus ingested into an embedded index, and into a real Chroma server (``chroma run``)."""
    root = tmp_path_factory.mktemp("mixed")
    if request.param == "embedded":
        return ingested_index(root, write=write_mixed_corpus)
    return ingested_index(root, write=write_mixed_corpus, chroma_url=request.getfixturevalue("chroma_url"))


@pytest.fixture(scope="module")
def mixed_index(mixed: Settings) -> Index:
    return Index(mixed)


def _own(mixed: Settings, folder: Path, corpus: Path) -> Settings:
    """A fresh index like ``mixed`` (embedded, or its own collection on the same Chroma server) for ``corpus``."""
    return mixed.replace(index=folder / "index", corpus=corpus, collection=f"own{uuid.uuid4().hex[:10]}")


def _may_see(who: Reader) -> set[str]:
    docs = set()
    if "staff" in who.groups:
        docs.add(STAFF_DOC)
    if "council" in who.groups:
        docs.add(CLOSED_DOC)
    return docs


def test_ingest_labels_every_record_and_manifest_entry(mixed: Settings) -> None:
    store = open_store(mixed)
    manifest = store.manifest().docs
    assert manifest[CLOSED_DOC]["access"] == "council"
    assert manifest[STAFF_DOC]["access"] == "staff"
    assert manifest["bestedingsplan-2022.md"]["access"] == PUBLIC
    for collection in store.collections():  # chunks, sentences, second-lane vectors
        got = collection.get(include=["metadatas"])
        labels = {m["doc_id"]: m.get("access") for m in got["metadatas"]}
        assert labels[CLOSED_DOC] == "council" and labels[STAFF_DOC] == "staff", collection.name
        assert labels["bestedingsplan-2022.md"] == PUBLIC, collection.name


@pytest.mark.parametrize("name", READERS)
def test_a_reader_sees_exactly_the_documents_they_may_read(mixed_index: Index, name: str) -> None:
    who = READERS[name]
    view = mixed_index.for_reader(who)
    docs = {d.doc_id for d in catalog.documents(view)}
    restricted = {CLOSED_DOC, STAFF_DOC}
    assert docs & restricted == _may_see(who)
    assert "bestedingsplan-2022.md" in docs
    assert {str(m["doc_id"]) for m in view.lexical.metas} == docs


@pytest.mark.parametrize("name", READERS)
def test_search_never_returns_a_passage_the_reader_may_not_read(mixed_index: Index, name: str) -> None:
    who = READERS[name]
    hits = mixed_index.for_reader(who).search(f"{CLOSED_WORD} {STAFF_WORD} reservefonds roosterdruk", k=10).hits
    found = {h.meta["doc_id"] for h in hits}
    assert found & {CLOSED_DOC, STAFF_DOC} == _may_see(who)
    for h in hits:
        assert who.may_read(h.meta.get("access"))


@pytest.mark.parametrize("name", READERS)
def test_a_typo_is_never_corrected_to_a_word_only_unreadable_documents_hold(
    mixed_index: Index, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "MIN_CHUNKS", 1)  # the planted word is in one chunk
    who = READERS[name]
    typo = CLOSED_WORD[:-2] + CLOSED_WORD[-1] + CLOSED_WORD[-2]  # two letters swapped
    result = mixed_index.for_reader(who).search(f"reservefonds {typo}", k=5)
    assert result.corrected == ([(typo, CLOSED_WORD)] if name == "council" else []), result.corrected


@pytest.mark.parametrize("name", READERS)
def test_a_readers_words_for_translation_are_the_words_of_what_they_may_read(mixed_index: Index, name: str) -> None:
    table = mixed_index.for_reader(READERS[name])._words
    words = set(table.words) | {w for lang_words, _ in table.by_language.values() for w in lang_words}
    assert (CLOSED_WORD.lower() in words) is (name == "council")
    assert (STAFF_WORD.lower() in words) is READERS[name].may_read("staff")


@pytest.mark.parametrize("name", READERS)
def test_only_the_council_gets_the_closed_minutes_fact_others_get_an_abstention(mixed_index: Index, name: str) -> None:
    who = READERS[name]
    ans = ask(mixed_index, CLOSED_QUESTION, reader=who)
    shown = json.dumps(answer_json(ans), ensure_ascii=False)
    cited = {c.doc_id for c in ans.citations} | {c.doc_id for c in ans.related}
    if name == "council":
        assert not ans.abstained
        assert CLOSED_FACT in ans.answer
        assert CLOSED_DOC in {c.doc_id for c in ans.citations}
    else:
        assert ans.abstained
        assert CLOSED_FACT not in shown
        assert CLOSED_DOC not in cited  # not even as a related passage


@pytest.mark.parametrize("name", READERS)
def test_the_closed_decision_is_on_the_council_timeline_only(mixed_index: Index, name: str) -> None:
    who = READERS[name]
    view = mixed_index.for_reader(who)
    closed = [d for d in view.decisions() if d.doc_id == CLOSED_DOC]
    assert bool(closed) == (name == "council")
    assert bool([d for d in view.decisions(text=CLOSED_WORD)]) == (name == "council")
    store_rows = open_store(mixed_index.settings).decisions(reader=who)
    assert {d.doc_id for d in store_rows} == {d.doc_id for d in view.decisions(dedupe=True)}


def test_the_public_view_is_the_index_without_the_restricted_documents(mixed_index: Index, index: Index) -> None:
    """Restricted documents leave no trace: the anonymous view of the mixed index ranks and scores exactly as the
    index of the public documents alone (the shared test index), and answers the same."""
    view = mixed_index.for_reader(ANONYMOUS)
    assert len(view.lexical) == len(index.lexical)
    for query in ("instemming bestedingsplan universiteitsraad", "student well-being award", "Kompas mentoraat"):
        ours, theirs = view.search(query, k=8).hits, index.search(query, k=8).hits
        assert [h.chunk_id for h in ours] == [h.chunk_id for h in theirs], query
        assert [round(h.score, 6) for h in ours] == [round(h.score, 6) for h in theirs], query
    q = "Wanneer stemde de Universiteitsraad in met het bestedingsplan?"
    ours, theirs = answer_json(ask(mixed_index, q)), answer_json(ask(index, q))
    del ours["timings_ms"], theirs["timings_ms"]
    assert ours == theirs


def test_changing_only_a_label_relabels_without_embedding(tmp_path: Path, mixed: Settings) -> None:
    corpus = Path(shutil.copytree(mixed.index.corpus, tmp_path / "corpus"))
    settings = _own(mixed, tmp_path, corpus)
    first = ingest([corpus], settings, progress=False)
    assert not first.failed and not first.relabelled

    (corpus / "access.toml").write_text('"besloten/**" = "staff"\n', encoding="utf-8")  # a folder rule
    note = corpus / STAFF_DOC
    note.write_text(note.read_text(encoding="utf-8").replace("access: staff", "access: council"), encoding="utf-8")
    report = ingest([corpus], settings, progress=False)
    assert sorted(report.relabelled) == sorted([CLOSED_DOC, STAFF_DOC])
    assert report.chunks_written == 0 and report.timings["embed"] == 0.0
    assert not report.added and not report.changed

    index = Index(settings)
    staff = index.for_reader(READERS["staff"])
    assert CLOSED_DOC in {d.doc_id for d in catalog.documents(staff)}
    assert STAFF_DOC not in {d.doc_id for d in catalog.documents(staff)}
    assert CLOSED_FACT in ask(index, CLOSED_QUESTION, reader=READERS["staff"]).answer
    assert ask(index, CLOSED_QUESTION, reader=READERS["council"]).abstained

    again = ingest([corpus], settings, progress=False)
    assert not again.relabelled and not again.changed  # nothing left to do


def test_a_broken_rules_file_leaves_the_folder_as_it_was(tmp_path: Path, mixed: Settings) -> None:
    corpus = Path(shutil.copytree(mixed.index.corpus, tmp_path / "corpus"))
    settings = _own(mixed, tmp_path, corpus)
    ingest([corpus], settings, progress=False)
    (corpus / "access.toml").write_text('"besloten/**" = council\n', encoding="utf-8")  # not TOML
    report = ingest([corpus], settings, progress=False)
    assert str(corpus) in report.failed and "access.toml" in report.failed[str(corpus)]
    assert open_store(settings).manifest().docs[CLOSED_DOC]["access"] == "council"
    assert ask(Index(settings), CLOSED_QUESTION).abstained


# --------------------------------------------------------------------------- property: random labels, readers, queries

WORDS = ["lantaarn", "molenwiek", "zeefdruk", "kwelder", "duinroos", "veenbes", "slikplaat", "tjalk"]
GROUPS = ["staff", "council", "finance"]


def _generated_corpus(root: Path) -> Path:
    root.mkdir(parents=True)
    for i, word in enumerate(WORDS):
        (root / f"doc-{i}.md").write_text(
            f"---\ntitle: Notitie {word}\ndate: 202{i % 5}-0{1 + i % 9}-10\nlanguage: nl\n---\n# {word}\n\n"
            f"Het project {word} kreeg {i + 1},5 miljoen euro. Op {i + 1} maart 202{i % 5} stemde de "
            f"Universiteitsraad in met het plan {word}.\n",
            encoding="utf-8",
        )
    return root


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("generated")
    corpus = _generated_corpus(root / "corpus")
    settings = Settings(index=root / "index", corpus=corpus)
    ingest([corpus], settings, progress=False)
    return settings


labels = st.one_of(st.just("public"), st.lists(st.sampled_from(GROUPS), min_size=1, max_size=2, unique=True))


@hyp_settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    doc_labels=st.lists(labels, min_size=len(WORDS), max_size=len(WORDS)),
    groups=st.lists(st.sampled_from(GROUPS), max_size=2, unique=True),
    query_words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
)
def test_no_result_citation_or_decision_ever_exceeds_the_readers_rights(
    generated: Settings, doc_labels: list, groups: list[str], query_words: list[str]
) -> None:
    corpus = Path(generated.index.corpus)
    rules = "".join(f'"doc-{i}.md" = {json.dumps(lab)}\n' for i, lab in enumerate(doc_labels))
    (corpus / "access.toml").write_text(rules, encoding="utf-8")
    report = ingest([corpus], generated, progress=False)
    assert report.chunks_written == 0  # labels only: nothing embedded again
    index = Index(generated)
    who = reader("someone", groups)
    allowed = {f"doc-{i}.md" for i, lab in enumerate(doc_labels) if lab == "public" or set(lab) & set(groups)}

    view = index.for_reader(who)
    query = " ".join(query_words)
    assert {h.meta["doc_id"] for h in view.search(query, k=10).hits} <= allowed
    ans = ask(index, f"Hoeveel geld kreeg het project {query_words[0]}?", reader=who)
    assert {c.doc_id for c in ans.citations} | {c.doc_id for c in ans.related} <= allowed
    assert {d.doc_id for d in view.decisions()} <= allowed
    assert {d.doc_id for d in catalog.documents(view)} == allowed
    # counts shown to the reader are those of their documents alone, however many others exist
    word_doc = f"doc-{WORDS.index(query_words[0])}.md"
    hits = view.search(query_words[0], k=10).hits
    assert any(h.meta["doc_id"] == word_doc for h in hits) == (word_doc in allowed)
    assert len(view.lexical) == sum(1 for m in index.lexical.metas if m["doc_id"] in allowed)


def test_the_operator_reads_everything(mixed_index: Index) -> None:
    assert mixed_index.for_reader(EVERYTHING) is mixed_index
    assert not ask(mixed_index, CLOSED_QUESTION, reader=EVERYTHING).abstained


def test_views_are_shared_per_set_of_labels(mixed_index: Index) -> None:
    a, b = mixed_index.for_reader(reader("x", "student")), mixed_index.for_reader(ANONYMOUS)
    assert a is b  # both read public documents only
    assert mixed_index.for_reader(reader("y", "council")) is not a


def test_decision_records_carry_their_documents_label(mixed: Settings) -> None:
    records = open_store(mixed).decisions()
    assert {r.access for r in records if r.doc_id == CLOSED_DOC} == {"council"}
    assert {r.access for r in records if r.doc_id != CLOSED_DOC} == {PUBLIC}
    assert all(r.to_json()["access"] == r.access for r in records)


def test_decision_records_from_before_access_labels_are_read_as_public(tmp_path: Path) -> None:
    import sqlite3

    from planwijzer.ingest.decision_store import DecisionRecords

    folder = tmp_path / "idx"
    folder.mkdir()
    db = sqlite3.connect(folder / "decisions.sqlite3")
    db.executescript(
        "CREATE TABLE decisions (id INTEGER PRIMARY KEY, date TEXT, date_text TEXT, body TEXT, act TEXT, subject TEXT,"
        " negated INTEGER, doc_id TEXT, chunk_id TEXT, page INTEGER, sentence TEXT);"
        "CREATE TABLE stamp (generation INTEGER);"
        "INSERT INTO decisions (date, date_text, body, act, subject, negated, doc_id, chunk_id, page, sentence) VALUES"
        " ('2022-03-14', '14 maart 2022', 'Universiteitsraad', 'consent', 'plan', 0, 'a.md', 'c1', NULL, 'Zin.');"
    )
    db.commit()
    db.close()
    (record,) = DecisionRecords(folder).query()
    assert record.access == PUBLIC and record.doc_id == "a.md"


def test_a_reader_who_may_read_no_document_gets_nothing_and_an_abstention(tmp_path: Path) -> None:
    """Every document labelled for staff, an anonymous reader: no passage, citation or decision, and no error."""
    corpus = _generated_corpus(tmp_path / "corpus")
    (corpus / "access.toml").write_text("".join(f'"doc-{i}.md" = ["staff"]\n' for i in range(len(WORDS))))
    settings = Settings(index=tmp_path / "index", corpus=corpus)
    ingest([corpus], settings, progress=False)
    view = Index(settings).for_reader(ANONYMOUS)
    assert view.search(WORDS[0], k=10).hits == [] and view.decisions() == []
    ans = ask(Index(settings), f"Hoeveel geld kreeg het project {WORDS[0]}?", reader=ANONYMOUS)
    assert ans.abstained and not ans.citations and not ans.related
