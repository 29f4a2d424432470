"""The document library below the web app: the uploads folder and its file names (``ingest/uploads.py``), adding and
removing documents (``ingest/library.py``) and decision records of a folder without indexing it
(``ingest/extract.py``). None of them needs the web app; each refusal names its text in the catalogue, which the
caller shows in the user's language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PLAN_MD, UPLOAD_MD, ingested_index
from planwijzer.ingest import library
from planwijzer.ingest.extract import folder_decisions
from planwijzer.ingest.uploads import prepare_uploads_dir, safe_filename, uploads_root

from planwijzer.config import Settings
from planwijzer.messages import Refusal


def _one_plan(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bestedingsplan-2022.md").write_text(PLAN_MD, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def library_env(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One document ingested into a private index; uploads go to the default folder next to it."""
    return ingested_index(tmp_path_factory.mktemp("library"), write=_one_plan)


def test_the_library_modules_work_without_the_web_app() -> None:
    code = (
        "import sys, planwijzer.ingest.library, planwijzer.ingest.uploads, planwijzer.ingest.extract\n"
        "sys.exit(3 if {'gradio', 'planwijzer.ui'} & set(sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def test_the_uploads_folder_stays_out_of_served_folders_the_corpus_and_the_index(
    library_env: Settings, tmp_path: Path
) -> None:
    assert uploads_root(library_env) == (Path(library_env.index.dir).parent / "uploads").resolve()
    served = tmp_path / "public"
    for bad in [served / "up", Path(library_env.index.corpus) / "up", Path(library_env.index.dir)]:
        with pytest.raises(RuntimeError, match="set PLANWIJZER_UPLOADS_DIR"):
            prepare_uploads_dir(library_env.replace(uploads_dir=bad), [served])
    own = prepare_uploads_dir(library_env.replace(uploads_dir=tmp_path / "up"), [served])
    assert own == (tmp_path / "up").resolve() and own.is_dir()


def test_a_stored_name_is_flat_visible_and_of_a_supported_type() -> None:
    assert safe_filename("../../etc/Besluit Kwartsvogel.MD") == "Besluit Kwartsvogel.md"
    with pytest.raises(Refusal) as refused:
        safe_filename("run.sh")
    assert refused.value.key == "err_type"
    assert refused.value.message("nl").startswith("bestandstype .sh is niet toegestaan")
    assert str(refused.value).startswith("file type .sh is not allowed")


def test_an_upload_is_added_listed_and_removed_with_its_file(library_env: Settings, tmp_path: Path) -> None:
    src = tmp_path / "tmp123.md"
    src.write_text(UPLOAD_MD, encoding="utf-8")
    result = library.upload_files(library_env, [(src, "Besluit Kwartsvogel.md")])
    assert result.added == ["Besluit Kwartsvogel.md"] and not result.refused
    assert library.documents(library_env) == [
        ("Besluit Kwartsvogel.md", True, "public"),
        ("bestedingsplan-2022.md", False, "public"),
    ]
    stored = library.remove_document(library_env, "Besluit Kwartsvogel.md")
    assert stored == uploads_root(library_env) / "Besluit Kwartsvogel.md" and not stored.exists()
    assert library.documents(library_env) == [("bestedingsplan-2022.md", False, "public")]


def test_refused_changes_say_why_in_the_callers_language(library_env: Settings, tmp_path: Path) -> None:
    src = tmp_path / "plan.md"
    src.write_text(UPLOAD_MD, encoding="utf-8")
    result = library.upload_files(library_env, [(src, "bestedingsplan-2022.md"), (src, "notes.exe")])
    assert not result.added and {name: r.key for name, r in result.refused.items()} == {
        "bestedingsplan-2022.md": "err_taken",
        "notes.exe": "err_type",
    }
    assert "andere map" in result.refused["bestedingsplan-2022.md"].message("nl")
    with pytest.raises(Refusal) as unknown:
        library.remove_document(library_env, "nergens.md")
    assert unknown.value.key == "err_unknown_doc" and unknown.value.message("nl") == "nergens.md staat niet in de index"
    assert library.documents(library_env) == [("bestedingsplan-2022.md", False, "public")]


def test_a_folders_decisions_are_read_without_indexing_it(tmp_path: Path) -> None:
    folder = _one_plan(tmp_path / "docs")
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4 not a pdf")  # unreadable: skipped
    records = folder_decisions(folder, Settings(index=tmp_path / "index"))
    assert ("2022-03-14", "Universiteitsraad") in {(r.date, r.body) for r in records}
    assert not (tmp_path / "index").exists()


def test_an_upload_takes_an_access_level_and_only_its_readers_see_it(tmp_path: Path) -> None:
    from planwijzer.assistant.ask import ask
    from planwijzer.assistant.retrieval import Index

    from planwijzer.access import ANONYMOUS, reader

    settings = ingested_index(tmp_path / "lib", write=_one_plan)
    src = tmp_path / "tmp1.md"
    src.write_text(UPLOAD_MD, encoding="utf-8")
    result = library.upload_files(settings, [(src, "Besluit Kwartsvogel.md")], access="council")
    assert result.added == ["Besluit Kwartsvogel.md"]
    assert ("Besluit Kwartsvogel.md", True, "council") in library.documents(settings)
    question = "Hoeveel studentassistenten stelt het project Kwartsvogel aan?"
    assert "450" in ask(Index(settings), question, reader=reader("cas", "council")).answer
    public = ask(Index(settings), question, reader=ANONYMOUS)
    assert public.abstained and "Besluit Kwartsvogel.md" not in {c.doc_id for c in public.related}

    src.write_text(UPLOAD_MD, encoding="utf-8")  # the same file again, now public: re-labelled, not re-embedded
    again = library.upload_files(settings, [(src, "Besluit Kwartsvogel.md")], access="public")
    assert again.added == ["Besluit Kwartsvogel.md"]
    assert "450" in ask(Index(settings), question, reader=ANONYMOUS).answer
    assert not (uploads_root(settings) / "access.toml").exists()  # public needs no rule

    library.remove_document(settings, "Besluit Kwartsvogel.md")
    assert not (uploads_root(settings) / "access.toml").exists()
